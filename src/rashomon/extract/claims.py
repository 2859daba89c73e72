"""Claims: check-worthy factual units with speaker, polarity, modality, quantities.

A claim is a clause: each sentence of the annotated body is cut at semicolons,
at coordinated clauses that carry their own subject ("X could be discussed
and it could be on the agenda"), and at the edges of quotes that hold a clause
of their own; a piece without a finite verb is merged back into its
neighbour. Questions, greetings, verbless headings and captions, blanked
furniture and scare-quote-only pieces are skipped (not check-worthy, after
Hassan et al. 2017, "ClaimBuster"), except a verbless headline or list item
that names a figure, a time or a place: headline grammar drops the copula and
the auxiliary ("Crowd of thousands on the avenue"; Mårdh 1980), so its head
noun or number is read as the predicate
(:func:`~rashomon.extract.headline_claims._headline_claims`).

Each claim carries:

* ``quote``: the id of the quote that covers most of it (the pipeline copies
  that quote's speaker); ``None`` for the narrator's own voice. Claims inside
  interviewer questions are skipped.
* ``polarity``: ``negated`` when a negation cue of ``data/hedges.yaml`` occurs
  outside pseudo-negations ("not only", "no doubt", "did not rule out").
  Minimisers ("almost no civilians were targeted", "very minor losses") are
  *affirmed*: they concede a small, non-zero amount; the minimiser is kept in
  ``hedges``. A casualties clause with a denial cue is ``negated`` too:
  "Reports of a dozen deaths are simply wrong" denies the deaths.
* ``modality``: ``denied`` (denial cue) > ``hedged`` (hedge cue) > ``reported``
  (a reporting cue: "X reports", "according to X") > ``asserted``.
* ``quantities`` (see :mod:`rashomon.extract.quantities`), ``time_text`` (the
  first date expression, left for the timeline to resolve; ``time`` stays
  None), ``place_texts`` (GPE/LOC/FAC names), ``event_text`` (a named event:
  "44-Day War").
* ``frame``/``affected`` from ``data/frames.yaml``; ``agent`` (who acts, as
  written: a passive by-phrase, the possessor or nationality modifier of an
  operation noun, the subject of an operation verb) and ``agent_party`` (the
  nation named in it). When the clause names no agent, ``agent_party`` is read
  from the agents of operations in the five preceding sentences of the same
  article (``agent_from="context"``) or, for "we"/"our" in a quote, from the
  nation named beside the speaker (``agent_from="speaker"``).

This module drives the cut and builds each claim (polarity, modality, hedges,
frame, agent: :func:`_build`); the stages it calls live beside it:
:mod:`~rashomon.extract.claim_cues` (the hedge, denial, reporting and frame
cue lexicons), :mod:`~rashomon.extract.clauses` (the per-Doc index, the cut of
sentences into clauses, the quote that covers a clause),
:mod:`~rashomon.extract.attributed`
(holder, stance and proposition of a clause) and
:mod:`~rashomon.extract.headline_claims` (claims of verbless headlines and
headline verbs).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from rashomon.annotate import doc_text
from rashomon.extract.agents import SentenceAgents, speaker_party
from rashomon.extract.attributed import _attributed
from rashomon.words import letter_runs
from rashomon.extract.claim_cues import _EVENT_WORDS, _can_match, _plain_words, lexicons
from rashomon.extract.clauses import (
    FINITE, QUOTE_CHARS, _DocIndex, _Quotes, _between, _covering_quote, _cutting_quotes, _segments, _trim,
)
from rashomon.extract.complements import hung_clause
from rashomon.extract.headline_claims import _headline_claims, _headline_verb_claims, headline_lines
from rashomon.extract.lemmas import lemma
from rashomon.extract.propositions import lexicon as predicate_lexicon
from rashomon.extract.quantities import find_quantities
from rashomon.extract.references import resolve_references
from rashomon.extract.stance import stance_verbs
from rashomon.types import Article, Claim, Quote

# The names other stages import from this module, kept importable here.
from rashomon.extract.attributed import FIGURE_VERBS
from rashomon.extract.clauses import CLAUSE_DEPS, CONDITIONS, CONTRAST, SUBJ, VERBAL

GREETINGS = ("thank", "thanks", "hello", "good morning", "good afternoon", "good evening", "welcome",
             "dear ", "congratulations", "best regards")
CONTEXT_SENTENCES = 5
AFFECTED_WINDOW = 8
_EVENT_RE = re.compile(
    r"[A-Z0-9](?<!\w.)[\w'’-]*\s+(?:[A-Z0-9][\w'’-]*\s+){0,2}(?:" + "|".join(_EVENT_WORDS) + r")\b")
"""One to three capitalised or numbered words before an event word ("Second
World War"), from a word's start: ``\\b(?:[A-Z0-9][\\w'’-]*\\s+){1,3}(?:WORDS)\\b``,
written to open with a character set, which the regex engine scans for (the
character before the first capital is tested after it; a pattern that opens
with ``\\b`` is tried at every position)."""
_NON_SPACE = re.compile(r"\S+")
GOVERNED = ("dobj", "ccomp", "xcomp", "attr", "oprd")  # what a cue verb says or denies


def extract_claims(article: Article, doc, quotes: list[Quote]) -> list[Claim]:
    """Split one article's annotated body into claims.

    Parameters
    ----------
    article : the article (``article.text`` offsets are the Doc's offsets).
    doc : spaCy ``Doc`` over the body (removed spans blanked to spaces).
    quotes : this article's quotes, already carrying their ids.

    Returns
    -------
    list[Claim] : in reading order, ``id`` empty (the pipeline numbers them),
        ``speaker`` None (the pipeline copies it from ``quote``).
    """
    lex = lexicons()
    text = doc_text(doc)
    qs = _Quotes(sorted((q for q in quotes if not q.negated), key=lambda q: q.start))  # "did not say P": no claim
    cutting = _cutting_quotes(qs)
    claims: list[Claim] = []
    ix = _DocIndex(doc, lex["ops"])
    cue_at = sorted((q.cue_start, bisect_left(ix.idxs, q.cue_start), q.start, q.end) for q in qs
                    if q.cue_start is not None)  # (cue offset, cue token, quote start, quote end)
    sents = [s for s in doc.sents if text[s.start_char:s.end_char].strip()]
    # per sentence: agents of operations, for clauses that name none
    sent_agents = SentenceAgents(sents, ix, lex["report"])
    for si, sent in enumerate(sents):
        stext = text[sent.start_char:sent.end_char].strip()
        if stext.endswith("?") or stext.rstrip(QUOTE_CHARS + " ").endswith("?"):
            continue
        dated = None  # a cue clause that only dates its quote, waiting for the quote's clause
        for a, b in _segments(sent, cutting, ix):
            last = ix.toks[b - 1]
            start, end = _trim(text, ix.idxs[a], last.idx + len(last.text))
            ctext = text[start:end]
            words = letter_runs(ctext)
            if len(words) < 2 or ctext.endswith("?"):
                continue
            if ctext.lower().startswith(GREETINGS):
                continue
            # the tokens that start inside the trimmed clause
            lo, hi = bisect_left(ix.idxs, start, a, b), bisect_left(ix.idxs, end, a, b)
            if len(words) < 4 and not _short_claim(ix, lo, hi):
                continue
            if not ix.has_finite(lo, hi):
                continue
            quote = _covering_quote(qs, start, end)
            if quote is not None and quote.kind == "question":
                quote = None  # a statement the interviewer relays inside a question: its holder is read from the clause
            if quote is not None and quote.kind == "indirect" and quote.cue_start is not None \
                    and ";" in text[min(end, quote.cue_start):max(start, quote.cue_start)]:
                quote = None  # "the toll rises to six; guild insists eight died": the cue speaks past the semicolon
            plain = _plain_words(ctext, words)
            if quote is None and len(words) <= 15 and _can_match(lex["keys"]["report"], plain) \
                    and lex["report"].search(ctext) and any(
                    q.start < sent.end_char and q.end > sent.start_char and not (start <= q.start < end)
                    for q in qs.overlapping(sent.start_char, sent.end_char)) and not _own_clause(ix, lo, hi):
                continue  # attribution only ("a top official has said"): the claim is the quote
            attribution = quote is None and _cue_only(ix, lo, hi, start, end, cue_at)
            labels = {ix.ent_labels[k] for k in ix.ents_within(start, end)} if attribution else set()
            if attribution and not labels & {"DATE", "TIME", *FIGURES}:
                continue  # "the mayor rejected | the guild's claim that P": the quote's claim holds the stance
            if quote is not None and quote.scare and (quote.end - quote.start) >= 0.8 * (end - start):
                continue
            claim = _build(article, doc, text, start, end, (lo, hi), quote, lex, si, sent_agents, ix, plain)
            if dated is not None and quote is not None and quote.cue_start is not None \
                    and dated.start <= quote.cue_start < dated.end <= start and claims[-1] is dated:
                claims.pop()
                _widen(claim, dated, text)
            dated = claim if attribution and not labels & FIGURES else None  # the quote's clause takes it in
            if attribution:  # "X warned on Thursday | that P": kept for when it was said and the figures it names, never compared
                claim.proposition = claim.frame = claim.affected = None
            claims.append(claim)
    lines = headline_lines(text)
    claims += _headline_claims(article, doc, text, qs, lex, sents, sent_agents, ix, claims, _build, lines)
    read = _headline_verb_claims(article, text, qs, ix, lines)  # a segment's verb read over its noun-headed reading
    spans = {(c.start, c.end) for c in read}
    claims = [c for c in claims if (c.start, c.end) not in spans] + read
    claims.sort(key=lambda c: c.start)
    resolve_references(claims)
    return claims


def _widen(claim: Claim, cue: Claim, text: str) -> None:
    """Take the clause that only dates a quote ("Officials claimed on Tuesday | that
    P") into the quote's claim, in place: source, cue and content are one
    attribution (PARC 3.0), and the claim's span and text cover them all. What
    the claim says is still read from its content; its time is the content's
    own, else when it was said."""
    claim.start = cue.start
    claim.text = text[claim.start:claim.end]
    claim.time_text = claim.time_text or cue.time_text
    claim.place_texts = list(dict.fromkeys([*cue.place_texts, *claim.place_texts]))


SHORT_CLASSES = {"knowledge"}  # predicate classes whose clause is a claim however short ("The board knew.")


def _short_claim(ix: _DocIndex, lo: int, hi: int) -> bool:
    """Whether a clause of two or three words is a claim all the same: a noun
    subject and a verb of knowing ("Selinor knew.", "The board knew."); pieces
    shorter than four words are otherwise too bare to check (Hassan et al. 2017)."""
    lex = predicate_lexicon()
    for i in range(lo, hi):
        t = ix.toks[i]
        if t.dep_ == "ROOT" and t.tag_ in FINITE and lex["class"].get(lemma(t)) in SHORT_CLASSES and any(
                c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in t.children):
            return True
    return False


FIGURES = {"CARDINAL", "QUANTITY", "MONEY"}  # an attribution naming one is kept as a claim of its own


def _own_clause(ix: _DocIndex, lo: int, hi: int, cue_tokens: frozenset = frozenset()) -> bool:
    """Whether tokens [lo, hi) hold a clause besides a reporting verb: a verb of
    its own that is neither a reporting verb nor one of ``cue_tokens`` (token
    indices of quote cues). "He blamed X for the riot and said" is a claim;
    "a top official has said" is not."""
    verbs = stance_verbs()
    return any(i not in cue_tokens and ix.toks[i].pos_ == "VERB" and verbs.get(lemma(ix.toks[i])) != "report"
               for i in _between(ix.finite, lo, hi))


def _cue_only(ix: _DocIndex, lo: int, hi: int, start: int, end: int, cue_at: list[tuple]) -> bool:
    """Whether the clause over tokens [lo, hi) (characters [start, end)) is only the
    attribution of quotes that lie outside it: it holds their cue verbs ("At a
    briefing on Monday the mayor rejected", "She did not rule out that", "the
    agency said.") and no verb of its own. The quote's own claim holds the
    proposition with the cue's stance (PARC 3.0: the cue and source are the
    attribution, the content its proposition). ``cue_at`` is the article's
    ``(cue offset, cue token, quote start, quote end)``, sorted."""
    k = bisect_left(cue_at, (start,))
    found = set()
    while k < len(cue_at) and cue_at[k][0] < end:
        _, tok, q0, q1 = cue_at[k]
        # the quoted words lie outside the clause, and so does what the cue governs
        # ("does not rule out further strikes | if …" holds its own object)
        if (q0 >= end or q1 <= start) and not any(c.dep_ in GOVERNED and lo <= c.i < hi and not _addressee(c)
                                                  for c in ix.toks[tok].children):
            found.add(tok)
        k += 1
    return bool(found) and not _own_clause(ix, lo, hi, frozenset(found))


def _addressee(obj) -> bool:
    """Whether the object of a cue verb is its addressee: an object followed by
    the cue's clausal complement ("told the council that …", "informed workers
    that …"), not what the cue says (PARC 3.0: the addressee is part of the
    attribution, not of its content)."""
    return obj.dep_ in ("dobj", "dative") and (any(c.dep_ == "ccomp" and c.i > obj.i for c in obj.head.children)
                                               or hung_clause(obj) is not None)


def _build(article, doc, text, start, end, tok_range, quote, lex, si, sent_agents, ix, plain) -> Claim:
    """One claim over ``text[start:end]``; ``tok_range`` is the (first, end) token
    index range of the clause, ``plain`` its :func:`_plain_words`."""
    ctext = text[start:end]
    keys = lex["keys"]
    hedges: list[str] = []
    # polarity: mask pseudo-negations and minimisers before looking for negation cues
    masked = ctext
    if _can_match(keys["pseudo"], plain):
        masked = lex["pseudo"].sub(lambda m: " " * len(m.group()), ctext)
    minimal = []
    if _can_match(keys["minimizer"], plain):
        minimal = [m.group() for m in lex["minimizer"].finditer(ctext)]
        masked = lex["minimizer"].sub(lambda m: " " * len(m.group()), masked)
    low = ctext.lower()
    # "n't" is matched inside words, so it is looked for apart from the key words
    may_negate = _can_match(keys["neg"], plain) or "n't" in low or "n’t" in low
    negated = may_negate and bool(lex["neg"].search(masked))
    hedges += minimal
    hedge_cues = [m.group() for m in lex["hedge"].finditer(ctext)] if _can_match(keys["hedge"], plain) else []
    if _can_match(keys["modal"], plain):
        hedge_cues += [m.group() for m in lex["modal"].finditer(ctext)]
    deny = [m.group() for m in lex["deny"].finditer(ctext)] if _can_match(keys["deny"], plain) else []
    report = [m.group() for m in lex["report"].finditer(ctext)] if _can_match(keys["report"], plain) else []
    hedges += hedge_cues
    if deny:
        modality = "denied"
        hedges += deny
    elif hedge_cues:
        modality = "hedged"
    elif report and (quote is None or quote.kind == "indirect"):
        modality = "reported"
    else:
        modality = "asserted"
    quantities = find_quantities(ctext, start, plain)
    frame = None
    for (name, pat, need_q), fk in zip(lex["frames"], keys["frames"]):
        if _can_match(fk, plain) and pat.search(ctext):
            if need_q and not any(q.of == "duration" for q in quantities):
                continue
            frame = name
            break
    if deny and frame == "casualties":
        negated = True  # "reports of a dozen deaths are simply wrong": the deaths are denied
    affected = _affected(ctext, frame, lex, plain) if frame else None
    ents = [(ix.ent_labels[k], ix.ent_texts[k]) for k in ix.ents_within(start, end)]
    dates = [t for label, t in ents if label == "DATE"] or [t for label, t in ents if label == "TIME"]
    places = [t for label, t in ents if label in ("GPE", "LOC", "FAC")]
    events = [t for label, t in ents if label == "EVENT"]
    if not events and _can_match(keys["event"], plain):
        m = _EVENT_RE.search(ctext)
        if m:
            events = [m.group()]
    agent = party = agent_from = None
    found = ix.agents_in(*tok_range)
    if found:
        agent, party = found[0]
        withp = [f for f in found if f[1]]
        if withp:
            agent, party = withp[0]
        if party:
            agent_from = "clause"
    if party is None and frame in ("casualties", "attack"):
        for k in range(si - 1, max(-1, si - 1 - CONTEXT_SENTENCES), -1):
            ctx = sent_agents[k]
            if ctx:
                party, agent_from = ctx[-1][1], "context"
                break
    if party == "we":
        party = speaker_party(doc, quote)
        agent_from = "speaker" if party else None
    if party is None:
        agent_from = None
    reading = _attributed(doc, tok_range, quote, quantities, ctext, start, ix)
    if reading is not None:
        negated = reading["negated"]
        # the hedge of a cue outside the clause ("She did not rule out | that P") is the clause's
        inherited = [m.group() for pat in (lex["hedge"], lex["modal"]) for m in pat.finditer(reading["cue_words"])]
        if inherited:
            hedges += inherited
            modality = "hedged" if modality in ("asserted", "reported") else modality
        if reading["stance"] in ("denies", "doubts") and modality not in ("hedged",):
            modality = "denied"
        elif reading["stance"] == "unknown" and modality == "denied":
            modality = "reported"  # "did not deny that P": a negated denial denies nothing (FactBank: Uu)
        if reading["cue"] and reading["stance"] != "asserts":
            hedges.append(reading["cue"])
    return Claim(
        article=article.id, start=start, end=end, text=ctext,
        quote=quote.id if quote is not None else None,
        polarity="negated" if negated else "affirmed", modality=modality,
        holder_text=reading["holder"] if reading else None,
        relay=[quote.relayed_by_text] if quote is not None and quote.relayed_by_text else [],
        stance=reading["stance"] if reading else "asserts",
        stance_cue=reading["cue"] if reading else None,
        refers_to=[-1, -1] if reading and reading["anaphoric"] else None,
        proposition=reading["parts"] if reading else None,
        quantities=quantities, time_text=dates[0] if dates else None,
        place_texts=list(dict.fromkeys(places)), hedges=list(dict.fromkeys(hedges)),
        frame=frame, affected=affected, agent=agent, agent_party=party, agent_from=agent_from,
        event_text=events[0] if events else None,
    )


def _affected(ctext: str, frame: str, lex: dict, plain: set[str] | None) -> str | None:
    """The first affected group (``data/frames.yaml``) named near a trigger of
    ``frame`` in a clause: within AFFECTED_WINDOW words ("residents seek to leave
    after a strike" is not an attack on residents)."""
    fpat = next(pat for name, pat, _ in lex["frames"] if name == frame)
    trig = word_starts = None  # read once a group is named
    for (name, pat), ak in zip(lex["affected"], lex["keys"]["affected"]):
        if not _can_match(ak, plain):
            continue
        found = [m.start() for m in pat.finditer(ctext)]
        if not found:
            continue
        if trig is None:
            # the number of words before offset p, len(ctext[:p].split()), is bisect_left(word_starts, p)
            word_starts = [m.start() for m in _NON_SPACE.finditer(ctext)]
            trig = [bisect_left(word_starts, m.start()) for m in fpat.finditer(ctext)]
        if any(abs(bisect_left(word_starts, p) - t) <= AFFECTED_WINDOW for p in found for t in trig):
            return name
    return None

"""Claims: check-worthy factual units with speaker, polarity, modality, quantities.

A claim is a clause: each sentence of the annotated body is cut at semicolons,
at coordinated clauses that carry their own subject ("X could be discussed
and it could be on the agenda"), and at the edges of quotes that hold a clause
of their own; a piece without a finite verb is merged back into its
neighbour. Questions, greetings, verbless headings and captions, blanked
furniture and scare-quote-only pieces are skipped (not check-worthy, after
Hassan et al. 2017, "ClaimBuster").

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
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right


from rashomon import data as data_files
from rashomon.extract.quantities import find_quantities
from rashomon.types import Article, Claim, Quote
from rashomon.annotate import doc_ents, doc_text, doc_tokens

FINITE = {"VBD", "VBZ", "VBP", "MD"}
SUBJ = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
QUOTE_CHARS = "\"'“”‘’«»„"
GREETINGS = ("thank", "thanks", "hello", "good morning", "good afternoon", "good evening", "welcome",
             "dear ", "congratulations", "best regards")
FIRST_PERSON = {"we", "our", "us", "ours"}
CONTEXT_SENTENCES = 5
AFFECTED_WINDOW = 8
_EVENT_RE = re.compile(r"\b(?:[A-Z0-9][\w'’-]*\s+){1,3}(?:War|Conflict|Uprising|Revolution|Genocide|Massacre)\b")


@functools.lru_cache(maxsize=1)
def lexicons() -> dict:
    """Hedge and frame lexicons from ``data/hedges.yaml`` and ``data/frames.yaml``,
    with compiled word-boundary patterns (cached)."""
    hedges = data_files.load("hedges.yaml")
    frames = data_files.load("frames.yaml")

    def pat(cues):
        parts = []
        for c in sorted(cues, key=len, reverse=True):
            words = [re.escape(w) for w in c.split()]
            glue = []
            for w in words:
                glue.append(r"(?:\w+\s+){0,4}?" if w == "…" else w)
            expr = r"\s+".join(g for g in glue)
            expr = expr.replace(r"\s+(?:\w+\s+){0,4}?\s+", r"\s+(?:\w+\s+){0,4}?")
            parts.append(expr)
        return re.compile(r"(?<![\w'’])(?:" + "|".join(parts) + r")(?![\w])", re.I)

    def first(cues, extra=()):
        return tuple(sorted({c.split()[0].lower() for c in cues} | set(extra)))

    modal = {h["cue"] for h in hedges["hedges"] if h.get("modal")}
    out = {
        "hedge": pat([h["cue"] for h in hedges["hedges"] if not h.get("modal")]),
        "modal": re.compile(r"\b(?:" + "|".join(sorted(modal)) + r")\b"),  # lowercase only: not "May"
        "deny": pat([h["cue"] for h in hedges["denials"]]),
        "report": pat([h["cue"] for h in hedges["reporting"]]),
        "neg": re.compile(r"n['’]t\b|" + pat([h["cue"] for h in hedges["negations"] if h["cue"] != "n't"]).pattern, re.I),
        "pseudo": pat([h["cue"] for h in hedges["pseudo_negations"]]),
        "minimizer": pat([h["cue"] for h in hedges["minimizers"]]),
        "frames": [(f["name"], pat(f["triggers"]), f.get("need_quantity", False)) for f in frames["frames"]],
        "frame_meta": {f["name"]: f for f in frames["frames"]},
        "affected": [(a["name"], pat(a["words"])) for a in frames["affected"]],
        "ops": {w.lower() for w in frames["operations"]["words"]},
        "events": {w.lower() for w in frames["event_nouns"]["words"]},
        # first words of each cue list: a pattern cannot match an ASCII text that
        # lacks all of them (see _may), so the regex is not run on it
        "first": {
            "hedge": first([h["cue"] for h in hedges["hedges"] if not h.get("modal")]),
            "deny": first([h["cue"] for h in hedges["denials"]]),
            "report": first([h["cue"] for h in hedges["reporting"]]),
            "neg": first([h["cue"] for h in hedges["negations"] if h["cue"] != "n't"], ("n't",)),
            "pseudo": first([h["cue"] for h in hedges["pseudo_negations"]]),
            "minimizer": first([h["cue"] for h in hedges["minimizers"]]),
            "frames": [first(f["triggers"]) for f in frames["frames"]],
            "affected": [first(a["words"]) for a in frames["affected"]],
        },
    }
    return out


def _may(first: tuple[str, ...], low: str, ascii_: bool) -> bool:
    """Whether a case-insensitive cue pattern can match a text: False only for an
    ASCII text (lowercased: ``low``) that contains none of the cues' first words.
    A pure shortcut: when it says True the pattern itself decides."""
    if not ascii_:
        return True
    for w in first:
        if w in low:
            return True
    return False


def _finite(tokens) -> bool:
    for t in tokens:
        if t.tag_ in FINITE:
            return True
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl"):
            if t.tag_ in ("VBN", "VBG") and not any(c.dep_ in ("aux", "auxpass") for c in t.children) \
                    and t.dep_ != "ROOT":
                continue
            return True
    return False


class _DocIndex:
    """Per-Doc lookups built once per article: the token list (spaCy builds a new
    Token object on every index), token start offsets, the token indices that
    follow a line break, and the entities with their start offsets (for bisect)."""

    __slots__ = ("doc", "text", "toks", "idxs", "breaks", "ents", "ent_starts", "cand")

    def __init__(self, doc, ops: set[str] | None = None):
        self.doc = doc
        self.text = text = doc_text(doc)
        self.toks = doc_tokens(doc)
        self.idxs = [t.idx for t in self.toks]
        # token i follows a line break when a "\n" lies in text[idx(i-1):idx(i)]
        self.breaks = set()
        pos = text.find("\n")
        while pos != -1:
            i = bisect_right(self.idxs, pos)
            if 1 <= i < len(self.toks):
                self.breaks.add(i)
            pos = text.find("\n", pos + 1)
        self.ents = doc_ents(doc)
        self.ent_starts = [e.start_char for e in self.ents]
        # tokens :func:`_agents` looks at (all others it skips): by-agents and operation words
        ops = lexicons()["ops"] if ops is None else ops
        self.cand = [t.i for t in self.toks if t.dep_ == "agent" or t.text.lower() in ops]

    def agent_tokens(self, lo: int, hi: int) -> list:
        """The :func:`_agents` candidate tokens with index in [lo, hi)."""
        c = self.cand
        return [self.toks[i] for i in c[bisect_left(c, lo):bisect_left(c, hi)]]

    def ents_within(self, start: int, end: int) -> list:
        """Entities lying wholly inside [start, end) (character offsets), in order."""
        out = []
        ents = self.ents
        for k in range(bisect_left(self.ent_starts, start), len(ents)):
            e = ents[k]
            if e.start_char >= end:
                break
            if e.end_char <= end:
                out.append(e)
        return out


def _cuts(sent, quotes: list[Quote], ix: _DocIndex | None = None) -> list[int]:
    """Token indices (doc-level) where a new clause starts inside ``sent``."""
    ix = ix or _DocIndex(sent.doc)
    toks = ix.toks
    s0, s1 = sent.start, sent.end
    cuts = set()
    for t in toks[s0:s1]:
        if t.text == ";" and t.i + 1 < s1:
            cuts.add(t.i + 1)
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.head.i < t.i \
                and any(c.dep_ in SUBJ for c in t.children):
            k = t.left_edge.i
            while k - 1 > t.head.i and toks[k - 1].dep_ in ("cc", "punct"):
                k -= 1
            if k > s0:
                cuts.add(k)
    cuts.update(i for i in ix.breaks if s0 < i < s1)
    sc0, sc1 = sent.start_char, sent.end_char
    for q in quotes:
        if q.end <= sc0 or q.start >= sc1 or q.kind == "question":
            continue
        if len(q.text.split()) < 4:
            continue
        for edge in (q.start, q.end):
            if sc0 < edge < sc1:
                i = bisect_left(ix.idxs, edge, s0, s1)  # first token of the sentence at or after edge
                if s0 < i < s1:
                    cuts.add(i)
    return sorted(c for c in cuts if s0 < c < s1)


def _segments(sent, quotes: list[Quote], ix: _DocIndex | None = None) -> list[tuple[int, int]]:
    """Clause token ranges of a sentence; a line break is a hard boundary (a verbless
    line, such as a heading, is never merged into the next line)."""
    doc = sent.doc
    ix = ix or _DocIndex(doc)
    lines, start = [], sent.start
    for i in sorted(i for i in ix.breaks if sent.start < i < sent.end):
        lines.append((start, i))
        start = i
    lines.append((start, sent.end))
    cuts = _cuts(sent, quotes, ix)
    out: list[tuple[int, int]] = []
    for ls, le in lines:
        bounds = [ls, *[c for c in cuts if ls < c < le], le]
        out += _merge([(a, b) for a, b in zip(bounds, bounds[1:]) if b > a], ix.toks)
    return out


def _merge(segs, doc) -> list[tuple[int, int]]:
    """Merge verbless segments into their neighbour; ``doc`` is the Doc or its token list."""
    merged: list[tuple[int, int]] = []
    for a, b in segs:
        if merged and not _finite(doc[a:b]):
            merged[-1] = (merged[-1][0], b)
        elif merged and not _finite(doc[merged[-1][0]:merged[-1][1]]):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    strip = " \t\n" + QUOTE_CHARS + ",;:—–-"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    m = re.match(r"(?:and|but|or|so|yet)\s+", text[start:end], re.I)
    if m:
        start += m.end()
    return start, end


def _nations(doc) -> set[str]:
    """Surface words this Doc tags GPE or NORP somewhere (cached on the Doc), so a
    nation inside an ORG name ("Azerbaijan Army") still names a party."""
    got = doc.user_data.get("rashomon.nations")
    if got is None:
        got = {t.text for e in doc_ents(doc) if e.label_ in ("GPE", "NORP") for t in e if t.text[:1].isupper()}
        doc.user_data["rashomon.nations"] = got
    return got


def _party(tokens) -> str | None:
    """The first nation/group name (GPE or NORP entity) among tokens, as written."""
    tokens = list(tokens)
    if not tokens:
        return None
    nations = _nations(tokens[0].doc)
    for t in tokens:
        if t.ent_type_ in ("GPE", "NORP") or t.text in nations:
            ent = next((e for e in doc_ents(t.doc) if e.start <= t.i < e.end), None)
            if ent is not None and ent.label_ in ("GPE", "NORP"):
                return re.sub(r"^(?:the|The)\s+|['’]s?$", "", ent.text)
            return t.text
    return None


def _agents(tokens, ops: set[str]) -> list[tuple[str, str | None]]:
    """(agent text, party) pairs for the operations/harm words among ``tokens``."""
    out = []
    for t in tokens:
        w = t.text.lower()
        if t.dep_ == "agent":  # passive by-phrase
            for c in t.children:
                if c.dep_ == "pobj":
                    sub = list(c.subtree)
                    out.append((" ".join(x.text for x in sub), _party(sub)))
            continue
        if w not in ops:
            continue
        if t.pos_ in ("NOUN", "PROPN"):
            for c in t.children:
                if c.dep_ == "prep" and c.text.lower() == "by":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            sub = list(p.subtree)
                            out.append((" ".join(x.text for x in sub), _party(sub)))
                elif c.dep_ == "poss":
                    sub = list(c.subtree)
                    out.append((" ".join(x.text for x in sub), _party(sub) or
                                ("we" if c.text.lower() in FIRST_PERSON else None)))
                elif c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE"):
                    out.append((c.text, _party([c])))
        elif t.pos_ == "VERB" and t.tag_ != "VBN" or (t.pos_ == "VERB" and any(
                c.dep_ == "aux" for c in t.children) and not any(c.dep_ == "auxpass" for c in t.children)):
            for c in t.children:
                if c.dep_ == "nsubj":
                    sub = [x for x in c.subtree if x.dep_ not in ("relcl", "acl") and x.i <= c.i + 3]
                    party = _party(sub) or ("we" if c.text.lower() in FIRST_PERSON else None)
                    if party is None and any(x.text.lower() in ("its", "their") for x in sub):
                        # "Azerbaijan ... claims that its forces did not target": the nearest nation before
                        before = [x for x in t.sent if x.i < c.left_edge.i]
                        party = _party(reversed(before))
                    out.append((" ".join(x.text for x in sub), party))
    return out


def _np_tokens(tok, depth: int = 3) -> list:
    """Tokens of ``tok``'s noun phrase down to ``depth`` levels, not entering clauses."""
    out, frontier = [], [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj", "appos"):
                    continue
                out.append(c)
                nxt.append(c)
        frontier = nxt
    return out


def _frame_agents(sent) -> list[tuple[str, str | None]]:
    """Nations named as possessor or by-agent of the arguments of a sentence's main
    verb and its reported clauses ("commended Azerbaijan's strict observance",
    "the observance by the Armed Forces of X was commended")."""
    out = []
    root = sent.root
    reporting = lexicons()["report"].fullmatch(root.text) is not None
    verbs = ([] if reporting else [root]) + [c for c in root.children if c.dep_ == "ccomp"]
    for v in verbs:
        for arg in v.children:
            if arg.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            for c in _np_tokens(arg):
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.text.lower() == "by"):
                    sub = list(c.subtree)
                    p = _party(sub)
                    if p:
                        out.append((" ".join(x.text for x in sub), p))
    return out


def _speaker_party(doc, quote: Quote | None) -> str | None:
    if quote is None:
        return None
    for txt in (quote.speaker_affiliation, quote.speaker_role):
        if txt:
            m = re.search(r"\b([A-Z][a-z]+(?:i|ian|ese|ish|n)?)\b", txt)
            if m:
                return m.group(1)
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    lo, hi = quote.speaker_start - 60, quote.speaker_end + 60
    for e in doc_ents(doc):
        if e.label_ in ("GPE", "NORP") and lo <= e.start_char and e.end_char <= hi \
                and not (quote.start <= e.start_char < quote.end):
            sent = doc[e.start].sent
            if sent.start_char <= quote.speaker_start < sent.end_char:
                return e.text
    return None


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
    qs = sorted(quotes, key=lambda q: q.start)
    claims: list[Claim] = []
    ix = _DocIndex(doc, lex["ops"])
    sents = [s for s in doc.sents if text[s.start_char:s.end_char].strip()]
    # per sentence: agents of operations, for clauses that name none
    sent_agents = [[a for a in _agents(ix.agent_tokens(s.start, s.end), lex["ops"]) + _frame_agents(s) if a[1]]
                   for s in sents]
    for si, sent in enumerate(sents):
        stext = text[sent.start_char:sent.end_char].strip()
        if stext.endswith("?") or stext.rstrip(QUOTE_CHARS + " ").endswith("?"):
            continue
        for a, b in _segments(sent, qs, ix):
            last = ix.toks[b - 1]
            start, end = _trim(text, ix.idxs[a], last.idx + len(last.text))
            ctext = text[start:end]
            words = re.findall(r"[^\W\d_]+", ctext)
            if len(words) < 4 or ctext.endswith("?"):
                continue
            if ctext.lower().startswith(GREETINGS):
                continue
            toks = [t for t in ix.toks[a:b] if start <= t.idx < end]
            if not _finite(toks):
                continue
            quote = _covering_quote(qs, start, end)
            if quote is not None and quote.kind == "question":
                continue
            if quote is None and len(words) <= 15 and _may(lex["first"]["report"], ctext.lower(), ctext.isascii()) \
                    and lex["report"].search(ctext) and any(
                    q.start < sent.end_char and q.end > sent.start_char and not (start <= q.start < end)
                    for q in qs):
                continue  # attribution only ("a top official has said"): the claim is the quote
            if quote is not None and quote.scare and (quote.end - quote.start) >= 0.8 * (end - start):
                continue
            claims.append(_build(article, doc, text, start, end, toks, quote, lex, sents, si, sent_agents, ix))
    return claims


def _covering_quote(qs: list[Quote], start: int, end: int) -> Quote | None:
    best, best_ov = None, 0
    for q in qs:
        if q.start >= end:
            break
        ov = min(end, q.end) - max(start, q.start)
        if ov > best_ov:
            best, best_ov = q, ov
    if best is not None and best_ov * 2 >= (end - start):
        return best
    return None


def _build(article, doc, text, start, end, toks, quote, lex, sents, si, sent_agents, ix=None) -> Claim:
    ctext = text[start:end]
    low = ctext.lower()
    asc = ctext.isascii()
    first = lex["first"]
    hedges: list[str] = []
    # polarity: mask pseudo-negations and minimisers before looking for negation cues
    masked = ctext
    if _may(first["pseudo"], low, asc):
        masked = lex["pseudo"].sub(lambda m: " " * len(m.group()), ctext)
    minimal = []
    if _may(first["minimizer"], low, asc):
        minimal = [m.group() for m in lex["minimizer"].finditer(ctext)]
        masked = lex["minimizer"].sub(lambda m: " " * len(m.group()), masked)
    negated = _may(first["neg"], low, asc) and bool(lex["neg"].search(masked))
    hedges += minimal
    hedge_cues = [m.group() for m in lex["hedge"].finditer(ctext)] if _may(first["hedge"], low, asc) else []
    hedge_cues += [m.group() for m in lex["modal"].finditer(ctext)]
    deny = [m.group() for m in lex["deny"].finditer(ctext)] if _may(first["deny"], low, asc) else []
    report = [m.group() for m in lex["report"].finditer(ctext)] if _may(first["report"], low, asc) else []
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
    quantities = find_quantities(ctext, start)
    frame = None
    for (name, pat, need_q), fw in zip(lex["frames"], first["frames"]):
        if _may(fw, low, asc) and pat.search(ctext):
            if need_q and not any(q.of == "duration" for q in quantities):
                continue
            frame = name
            break
    if deny and frame == "casualties":
        negated = True  # "reports of a dozen deaths are simply wrong": the deaths are denied
    affected = None
    if frame:
        # the group must sit near a frame trigger (within AFFECTED_WINDOW words):
        # "residents seek to leave after a strike" is not an attack on residents
        fpat = next(pat for name, pat, _ in lex["frames"] if name == frame)
        trig = [len(ctext[:m.start()].split()) for m in fpat.finditer(ctext)]
        for (name, pat), aw in zip(lex["affected"], first["affected"]):
            if _may(aw, low, asc) and any(abs(len(ctext[:m.start()].split()) - t) <= AFFECTED_WINDOW
                   for m in pat.finditer(ctext) for t in trig):
                affected = name
                break
    ents = (ix or _DocIndex(doc, lex["ops"])).ents_within(start, end)
    dates = [e.text for e in ents if e.label_ == "DATE"] or [e.text for e in ents if e.label_ == "TIME"]
    places = [e.text for e in ents if e.label_ in ("GPE", "LOC", "FAC")]
    events = [e.text for e in ents if e.label_ == "EVENT"]
    if not events:
        m = _EVENT_RE.search(ctext)
        if m:
            events = [m.group()]
    agent = party = agent_from = None
    found = _agents(ix.agent_tokens(toks[0].i, toks[-1].i + 1) if ix is not None else toks, lex["ops"])
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
        party = _speaker_party(doc, quote)
        agent_from = "speaker" if party else None
    if party is None:
        agent_from = None
    return Claim(
        article=article.id, start=start, end=end, text=ctext,
        quote=quote.id if quote is not None else None,
        polarity="negated" if negated else "affirmed", modality=modality,
        quantities=quantities, time_text=dates[0] if dates else None,
        place_texts=list(dict.fromkeys(places)), hedges=list(dict.fromkeys(hedges)),
        frame=frame, affected=affected, agent=agent, agent_party=party, agent_from=agent_from,
        event_text=events[0] if events else None,
    )

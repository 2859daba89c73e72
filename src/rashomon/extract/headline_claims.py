"""Claims of headlines and list items, which the clause cut skips for want of a finite verb.

Headline grammar drops the copula and the auxiliary ("Crowd of thousands on
the avenue"; Mårdh 1980), so :func:`_headline_claims` reads a verbless line's
head noun or number as its predicate (:mod:`rashomon.extract.headlines`), and
:func:`_headline_verb_claims` reads a headline's -s verb the parser took for a
plural noun ("council backs plan", "minister points at city hall").
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from rashomon.extract import headlines
from rashomon.words import letter_runs
from rashomon.extract.claim_cues import _plain_words
from rashomon.extract.clauses import _clause_root, _covering_quote, _trim
from rashomon.extract.propositions import POINTING, lexicon as predicate_lexicon
from rashomon.extract.stance import stance_verbs
from rashomon.types import Claim, PropositionParts


def headline_lines(text: str) -> list[tuple[int, int, list[str]]]:
    """The pieces of ``text`` (:func:`~rashomon.extract.headlines.pieces`), trimmed,
    that have a headline's length (:data:`~rashomon.extract.headlines.WORDS`
    words): ``(start, end, words)``, offsets into ``text``. Read once per article
    for both readers below."""
    out = []
    for start, end in headlines.pieces(text):
        start, end = _trim(text, start, end)
        words = letter_runs(text[start:end])
        if headlines.WORDS[0] <= len(words) <= headlines.WORDS[1]:
            out.append((start, end, words))
    return out


def _headline_claims(article, doc, text, qs, lex, sents, sent_agents, ix, found, build, lines) -> list[Claim]:
    """Claims of the verbless lines: headlines and list items in headline grammar
    (:mod:`rashomon.extract.headlines`), which the clause cut skips for want of a
    finite verb. A sentence of a line (:func:`~rashomon.extract.headlines.pieces`)
    is read when it holds :data:`~rashomon.extract.headlines.WORDS` words, no
    finite verb, no question mark, lies outside every claim already made, its
    parse's head can be a predicate (:func:`~rashomon.extract.headlines.can_head`:
    a name or a date alone heads a label or a byline, not a statement), and it
    names a figure, a time, a place or an agent ("on the destruction of the bridge by
    the rebels": :mod:`rashomon.extract.nominals`), as a headline reporting an event does
    ("Fair pay for every nurse", a demand, names none). Its head (or a message's
    :func:`~rashomon.extract.headlines.topic`) is read by ``build``
    (:func:`rashomon.extract.claims._build`, as any clause); the holder is the
    narrator, or the speaker of the quote that covers it ("Mayor: …").

    Returns the new claims (``found`` are the clause claims already made, which
    these never overlap; ``lines`` are the article's :func:`headline_lines`)."""
    out: list[Claim] = []
    taken = sorted((c.start, c.end) for c in found)
    starts = [s.start_char for s in sents]
    for start, end, words in lines:
        ctext = text[start:end]
        if "?" in ctext:
            continue
        k = bisect_left(taken, (start, start))
        if any(a < end and b > start for a, b in taken[max(0, k - 1):k + 1]):
            continue
        lo, hi = bisect_left(ix.idxs, start), bisect_left(ix.idxs, end)
        if hi <= lo or ix.has_finite(lo, hi):
            continue
        r = _clause_root(ix, lo, hi)
        if r is None or not headlines.can_head(ix.toks[r]):
            continue
        quote = _covering_quote(qs, start, end)
        if quote is not None and (quote.kind == "question" or quote.scare):
            continue
        si = max(0, bisect_right(starts, start) - 1)
        claim = build(article, doc, text, start, end, headlines.topic(ix.toks[r], lo, hi), quote, lex, si, sent_agents,
                      ix, _plain_words(ctext, words))
        p = claim.proposition
        if claim.quantities or claim.time_text or claim.place_texts or (p and (p.clock or (
                p.agent and p.predicate_class in predicate_lexicon()["responsibility"]))):  # "… of X by Y"
            out.append(claim)
    return out


def _headline_verb(base: str, after) -> str | None:
    """The predicate a headline's -s verb stands for when the claim rules read it:
    a verb and preposition of ``data/predicates.yaml`` ("point_at"), a verb and
    its object noun ("point_finger"), else a class or stance verb; None for any
    other verb ("prices at record": a noun phrase)."""
    classes = predicate_lexicon()["class"]
    joined = f"{base}_{after.lower_}"
    if joined in classes:
        return joined
    return base if base in classes or base in stance_verbs() else None


def _headline_verb_claims(article, text, qs, ix, lines) -> list[Claim]:
    """Claims of headline segments whose -s verb the parser read as a plural noun
    (:func:`~rashomon.extract.headlines.verb_segments`): "…, minister points at
    city hall" is a claim held by the minister that city hall is responsible (a
    blame verb's object is the one held responsible, as in :mod:`propositions`);
    "council backs plan" is the narrator's claim that the council backed the plan
    (headline present for a past event); ``lines`` are the article's :func:`headline_lines`."""
    out: list[Claim] = []
    for start, end, _ in lines:
        if text[start:end].endswith((".", "?")):
            continue  # a headline, not a sentence of prose
        lo, hi = bisect_left(ix.idxs, start), bisect_left(ix.idxs, end)
        for subj, (_, pred), rest in headlines.verb_segments(ix.toks[lo:hi], _headline_verb):
            quote = _covering_quote(qs, subj[0].idx, rest[-1].idx + len(rest[-1]))
            if quote is not None and (quote.kind == "question" or quote.scare):
                continue
            out.append(_segment_claim(article, text, subj, pred, rest, quote))
    return out


def _span(text: str, toks: list) -> str | None:
    return text[toks[0].idx:toks[-1].idx + len(toks[-1])] if toks else None


def _segment_claim(article, text, subj, pred, rest, quote) -> Claim:
    """The claim of one headline segment: ``subj`` and ``rest`` are the tokens
    before and after its verb, ``pred`` the verb's predicate."""
    obj = rest[1:] if rest[0].pos_ == "ADP" or pred.endswith("_" + rest[0].lower_) else rest
    if obj and obj[0].pos_ == "ADP":
        obj = obj[1:]
    cut = next((k for k, t in enumerate(obj) if t.pos_ == "ADP"), len(obj))
    obj, why = obj[:cut], obj[cut + 1:]  # "points at union | over strike chaos": whom, and for what
    klass = predicate_lexicon()["class"].get(pred)
    blame = pred in POINTING or pred in ("blame", "accuse")  # the object is the one held responsible
    words = [t.lower_ for t in (*obj, *why) if t.pos_ in ("NOUN", "PROPN")]
    parts = PropositionParts(
        predicate=pred, predicate_class=klass, tense="past", agent=_span(text, obj if blame else subj),
        theme=_span(text, why if blame else obj), theme_words=words,
        theme_heads=[t[-1].lower_] if (t := why if blame else obj) else [], nouns=[t.text for t in (*subj, *obj, *why)
                                                                            if t.pos_ in ("NOUN", "PROPN")])
    start, end = subj[0].idx, rest[-1].idx + len(rest[-1])
    return Claim(article=article.id, start=start, end=end, text=text[start:end],
                 quote=quote.id if quote is not None else None, holder_text=_span(text, subj) if blame else None,
                 proposition=parts, agent=parts.agent)

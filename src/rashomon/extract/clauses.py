"""Where a claim's clauses are: the per-Doc index and the cut of sentences into clauses.

:class:`_DocIndex` reads the token attributes the claim scans test once per
article (``Doc.to_array``) into plain lists. :func:`_segments` cuts a sentence
at semicolons, at coordinated clauses that carry their own subject, at line
breaks and at the edges of quotes that hold a clause of their own, merging a
piece without a finite verb back into its neighbour; :func:`_trim` strips the
quote marks, a leading conjunction and an interview answer's speaker label.
:func:`_covering_quote` finds the quote that holds most of a clause and
:func:`_clause_root` the token that heads it. Offsets are code points into
``Article.text``; token ranges are ``[lo, hi)`` Doc indices.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LOWER, ORTH, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS

from rashomon.annotate import doc_ents, doc_text
from rashomon.annotate.views import doc_view
from rashomon.extract import stamps
from rashomon.extract.agents import agents
from rashomon.extract.lemmas import lemma
from rashomon.extract.stance import stance_verbs
from rashomon.types import Quote

FINITE = {"VBD", "VBZ", "VBP", "MD"}
SUBJ = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
QUOTE_CHARS = "\"'“”‘’«»„"
_STRIP = " \t\n" + QUOTE_CHARS + ",;:—–-"
_SPEAKER_LABEL = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w'’.-]*+\s++){0,3}[A-Z][\w'’.-]*+\s*+:\s+(?=\S)")
"""An interview answer's speaker label ("SELMA ROSS: "), from a word's start with
each word taken whole: linear on a long run of capitals."""
"""A speaker label opening a line of an interview ("SELMA ROSS:", "Dr Ross:", "Spillway:")."""
_CONJUNCTION = re.compile(r"(?:and|but|or|so|yet)\s+", re.I)
VERBAL = ("VERB", "AUX")
CLAUSE_DEPS = ("ROOT", "ccomp", "conj", "relcl", "advcl")
CONTRAST = {"while", "whereas"}  # subordinators of contrast (Quirk et al. 1985, 15.49)


class _DocIndex:
    """Per-Doc lookups built once per article. Reading a spaCy attribute crosses
    into Cython and builds new objects, so the token attributes the inner loops
    test are read once here, from the array the token views read
    (:meth:`~rashomon.annotate.views.DocView.column`), into plain lists:

    * ``toks``, ``idxs``, ``heads``: the tokens (as :mod:`~rashomon.annotate.views`), their start offsets and
      head indices;
    * ``nouns``, ``compounds``: sorted indices of the nouns and of the nouns that modify a noun;
    * ``breaks``: sorted indices of the tokens that follow a line break;
    * ``stamps``: the live-blog entry stamps (:func:`~rashomon.extract.stamps.stamps`);
    * ``finite``: sorted indices of the tokens that make a piece a clause (:meth:`_finite_mask`);
    * ``semis``: indices of the ";" tokens; ``conj_cuts``: where coordinated clauses
      with their own subject start, and contrastive clauses beside a reporting verb
      (:meth:`_contrast_cuts`) (``{verb index: first index}``), ``conj_verbs`` its keys, sorted;
    * ``ent_starts``, ``ent_ends``, ``ent_labels``, ``ent_texts``: the entities'
      offsets, labels and texts (``ent_starts`` is sorted, for bisect);
    * ``cand``: the tokens :func:`~rashomon.extract.agents.agents` looks at (by-agents and operation
      words), their agents read once each (:meth:`agents_in`);
    * ``frame_roots``: the sentence roots :func:`~rashomon.extract.agents.frame_agents` may find a party under."""

    __slots__ = ("toks", "idxs", "heads", "nouns", "compounds", "breaks", "finite", "semis", "conj_cuts", "conj_verbs",
                 "ent_starts", "ent_ends", "ent_labels", "ent_texts", "cand", "ops", "_agents", "frame_roots", "stamps")

    def __init__(self, doc, ops: set[str]):
        text = doc_text(doc)
        view = doc_view(doc)
        self.toks = toks = view.tokens
        self.ops = ops
        ids = doc.vocab.strings  # string -> the id to_array gives
        idx, tag, pos, dep, lower, orth = (view.column(a) for a in (IDX, TAG, POS, DEP, LOWER, ORTH))
        heads = np.arange(len(toks)) + view.column(HEAD).view(np.int64)  # HEAD is the offset to the head
        self.idxs = idx.tolist()
        self.heads = heads.tolist()
        # nouns, and nouns that modify a noun ("armoured truck"): the things a claim mentions
        noun = _one_of(pos, [POS_IDS["NOUN"], POS_IDS["PROPN"]])
        self.nouns = _indices(noun)
        self.compounds = _indices((dep == ids["compound"]) & (pos == POS_IDS["NOUN"]) & (pos[heads] == POS_IDS["NOUN"]))
        # token i follows a line break when a "\n" lies in text[idx(i-1):idx(i)]
        breaks = set()
        p = text.find("\n")
        while p != -1:
            i = bisect_right(self.idxs, p)
            if 1 <= i < len(toks):
                breaks.add(i)
            p = text.find("\n", p + 1)
        self.breaks = sorted(breaks)
        self.stamps = stamps.stamps(text)
        verbal = _one_of(pos, [POS_IDS[name] for name in VERBAL])
        self.finite = _indices(self._finite_mask(ids, tag, dep, verbal, heads))
        self.semis = _indices(orth == ids[";"])
        self.conj_cuts = self._conj_cuts(_indices(verbal & (dep == ids["conj"])))
        # the verbs of "while"/"whereas" clauses: the heads of those marks that head an adverbial clause
        marks = _indices((dep == ids["mark"]) & _one_of(lower, [ids[w] for w in CONTRAST]))
        self.conj_cuts.update(self._contrast_cuts(sorted({h for h in heads[marks].tolist()
                                                          if verbal[h] and dep[h] == ids["advcl"]})))
        self.conj_verbs = sorted(self.conj_cuts)
        ents = doc_ents(doc)
        self.ent_starts = [e.start_char for e in ents]
        self.ent_ends = [e.end_char for e in ents]
        self.ent_labels = [e.label_ for e in ents]
        self.ent_texts = [text[a:b] for a, b in zip(self.ent_starts, self.ent_ends)]  # Span.text
        self.cand = _indices((dep == ids["agent"]) | _one_of(lower, [ids[w] for w in ops]))
        # frame_agents reads possessors and "by" phrases at most five steps below the
        # root (argument's noun phrase: 3, argument: 1, reported clause: 1)
        self.frame_roots = self._ancestors(
            _indices((dep == ids["poss"]) | ((dep == ids["prep"]) & (lower == ids["by"]))), 5)
        self._agents: dict[int, list] = {}

    @staticmethod
    def _finite_mask(ids, tag, dep, verbal, heads):
        """Which tokens make a piece a clause (give it a finite verb), as a boolean
        array: a finite tag (``FINITE``), or a verb or auxiliary heading a clause
        (``CLAUSE_DEPS``), unless it is a participle (VBN, VBG) other than the root
        with no auxiliary of its own ("the town, shelled overnight" is no clause)."""
        n = len(tag)
        auxiliary = _one_of(dep, [ids["aux"], ids["auxpass"]]) & (heads != np.arange(n))
        has_aux = np.zeros(n, dtype=bool)
        has_aux[heads[auxiliary]] = True
        bare_participle = _one_of(tag, [ids["VBN"], ids["VBG"]]) & (dep != ids["ROOT"]) & ~has_aux
        clause_verb = verbal & _one_of(dep, [ids[d] for d in CLAUSE_DEPS])
        return _one_of(tag, [ids[t] for t in FINITE]) | (clause_verb & ~bare_participle)

    def _ancestors(self, indices: list[int], steps: int) -> set[int]:
        """Token indices at most ``steps`` heads above any of ``indices``."""
        out = set()
        heads = self.heads
        for i in indices:
            for _ in range(steps):
                h = heads[i]
                if h == i:
                    break
                out.add(h)
                i = h
        return out

    def _conj_cuts(self, conj_verbs: list[int]) -> dict[int, int]:
        """Where a coordinated clause with its own subject starts ("... and it could
        be on the agenda"): its verb's left edge, moved left over the "and"/"," before
        it, but not onto the first conjunct's verb."""
        out = {}
        toks = self.toks
        for i in conj_verbs:
            t = toks[i]
            h = self.heads[i]
            if h < i and any(c.dep_ in SUBJ for c in t.children):
                k = t.left_edge.i
                while k - 1 > h and toks[k - 1].dep_ in ("cc", "punct"):
                    k -= 1
                out[i] = k
        return out

    def _contrast_cuts(self, advcl_verbs: list[int]) -> dict[int, int]:
        """Where a contrastive clause (``advcl_verbs``: the verbs of adverbial clauses
        opened by a :data:`CONTRAST` mark) with its own subject, hung on a reporting verb,
        starts ("…, its operator said, | while a union put the toll at five"): two
        sources set side by side, each the holder of its own claim (a "while" or
        "whereas" of contrast: Quirk et al. 1985, 15.49; the reporting verb a
        source-introducing predicate of FactBank): the clause's left edge, its "while"."""
        out = {}
        verbs = stance_verbs()
        toks = self.toks
        for i in advcl_verbs:
            t = toks[i]
            if self.heads[i] > i or not any(c.dep_ in SUBJ for c in t.children):
                continue
            k = t.left_edge.i
            before = k - 1
            while before > 0 and toks[before].is_punct:
                before -= 1
            # the reporting verb the clause hangs on, or the one just before it ("X killed two, its owner said, while …")
            cue = [toks[self.heads[i]], toks[before]] if before >= 0 else [toks[self.heads[i]]]
            if any(verbs.get(lemma(v)) in ("report", "know") and v.i < k for v in cue):
                out[i] = k
        return out

    def has_finite(self, lo: int, hi: int) -> bool:
        """Whether tokens [lo, hi) hold a clause verb (see :meth:`_finite_mask`)."""
        k = bisect_left(self.finite, lo)
        return k < len(self.finite) and self.finite[k] < hi

    def agents_in(self, lo: int, hi: int) -> list[tuple[str, str | None]]:
        """:func:`~rashomon.extract.agents.agents` of the tokens with index in [lo, hi) (each token's agents
        are read once per Doc)."""
        c = self.cand
        out = []
        for i in c[bisect_left(c, lo):bisect_left(c, hi)]:
            got = self._agents.get(i)
            if got is None:
                got = self._agents[i] = agents([self.toks[i]], self.ops)
            out += got
        return out

    def ents_within(self, start: int, end: int) -> list[int]:
        """Indices of the entities lying wholly inside [start, end) (character offsets), in order."""
        out = []
        starts, ends = self.ent_starts, self.ent_ends
        for k in range(bisect_left(starts, start), len(starts)):
            if starts[k] >= end:
                break
            if ends[k] <= end:
                out.append(k)
        return out


def _one_of(col, ids: list[int]):
    """Boolean array: which entries of an attribute column hold one of ``ids``."""
    out = np.zeros(len(col), dtype=bool)
    for x in ids:
        out |= col == x
    return out


def _indices(mask) -> list[int]:
    """The (sorted) token indices where a boolean array is true."""
    return np.flatnonzero(mask).tolist()


def _between(sorted_ints: list[int], lo: int, hi: int) -> list[int]:
    """The items of a sorted list that lie in [lo, hi)."""
    return sorted_ints[bisect_left(sorted_ints, lo):bisect_left(sorted_ints, hi)]


class _Quotes(list):
    """Quotes in order of start, with the running maximum of their ends, so
    the quotes that may overlap ``[lo, hi)`` are read from the first whose
    running end passes ``lo`` instead of from the first quote (one scan per
    clause from the top made a long article quadratic)."""

    def __init__(self, quotes) -> None:
        super().__init__(quotes)
        self.reach = list(itertools.accumulate((q.end for q in self), max))

    def overlapping(self, lo: int, hi: int):
        """The quotes with ``start < hi`` that may end after ``lo``, in order
        (a quote ending at or before ``lo`` may still be among them)."""
        for q in itertools.islice(self, bisect_right(self.reach, lo), None):
            if q.start >= hi:
                return
            yield q


def _cutting_quotes(qs: list[Quote]) -> _Quotes:
    """The quotes whose edges may cut a sentence: not questions, four words or more
    (:func:`_cuts` also asks that the quote hold a clause verb of its own)."""
    return _Quotes(q for q in qs if q.kind != "question" and len(q.text.split()) >= 4)


def _cuts(sent, quotes: _Quotes, ix: _DocIndex) -> list[int]:
    """Token indices (doc-level) where a new clause starts inside ``sent``;
    ``quotes`` are the article's :func:`_cutting_quotes`, in order of start."""
    s0, s1 = sent.start, sent.end
    cuts = {i + 1 for i in _between(ix.semis, s0, s1)}
    cuts.update(ix.conj_cuts[i] for i in _between(ix.conj_verbs, s0, s1))
    cuts.update(_between(ix.breaks, s0 + 1, s1))
    sc0, sc1 = sent.start_char, sent.end_char
    for q in quotes.overlapping(sc0, sc1):
        if q.end <= sc0:
            continue
        if not _quoted_clause(ix, bisect_left(ix.idxs, q.start), bisect_left(ix.idxs, q.end)):
            continue  # a quoted phrase inside the narrator's clause ("there was 'no imminent danger' at the mill")
        for edge in (q.start, q.end):
            if sc0 < edge < sc1:
                cuts.add(bisect_left(ix.idxs, edge, s0, s1))  # first token of the sentence at or after edge
    return sorted(c for c in cuts if s0 < c < s1)


def _quoted_clause(ix: _DocIndex, lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi) (a quote) hold a clause of their own: a clause verb
    whose subject is quoted too. "the command 'came from the cabinet'" and "there
    was 'no imminent danger'" continue the narrator's clause: no cut at their edges."""
    toks = ix.toks
    for i in _between(ix.finite, lo, hi):
        if any(c.dep_ in SUBJ and lo <= c.i < hi for c in toks[i].children):
            return True
    return False


def _segments(sent, quotes: _Quotes, ix: _DocIndex) -> list[tuple[int, int]]:
    """Clause token ranges of a sentence; a line break is a hard boundary (a verbless
    line, such as a heading, is never merged into the next line). ``quotes`` are
    the article's :func:`_cutting_quotes`."""
    lines, start = [], sent.start
    for i in _between(ix.breaks, sent.start + 1, sent.end):
        lines.append((start, i))
        start = i
    lines.append((start, sent.end))
    cuts = _cuts(sent, quotes, ix)
    out: list[tuple[int, int]] = []
    for ls, le in lines:
        bounds = [ls, *[c for c in cuts if ls < c < le], le]
        out += _merge([(a, b) for a, b in zip(bounds, bounds[1:]) if b > a], ix)
    return out


def _merge(segs, ix: _DocIndex) -> list[tuple[int, int]]:
    """Merge verbless segments into their neighbour."""
    merged: list[tuple[int, int]] = []
    for a, b in segs:
        if merged and not (ix.has_finite(a, b) and ix.has_finite(*merged[-1])):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the quote marks, spaces and punctuation at its edges
    (``_STRIP``), a leading conjunction and an interview answer's speaker label."""
    piece = text[start:end]
    core = piece.lstrip(_STRIP)
    start += len(piece) - len(core)
    end -= len(core) - len(core.rstrip(_STRIP))
    m = _CONJUNCTION.match(text, start, end)
    if m:
        start = m.end()
    if start == 0 or text[start - 1] == "\n":  # "SELMA ROSS: We treated sixty people": an interview answer's label
        m = _SPEAKER_LABEL.match(text, start, end)
        if m:
            start = m.end()
    return start, end


CONDITIONS = {"if", "unless", "where", "when", "whenever", "once", "until", "before", "after"}


def _covering_quote(qs: _Quotes, start: int, end: int) -> Quote | None:
    best, best_ov = None, 0
    for q in qs.overlapping(start, end):
        ov = min(end, q.end) - max(start, q.start)
        if ov > best_ov:
            best, best_ov = q, ov
    if best is not None and best_ov * 2 >= (end - start):
        return best
    return None


def _clause_root(ix: _DocIndex, lo: int, hi: int) -> int | None:
    """The token of [lo, hi) that heads the clause: its head lies outside the
    range (or is itself); a verb is preferred over a noun or a particle, unless
    it heads a clause of condition or time ("ordered the closure of the plant |
    until it has been inspected": the closure, not the inspection)."""
    heads = ix.heads
    roots = [i for i in range(lo, hi) if not (lo <= heads[i] < hi) or heads[i] == i]
    if not roots:
        return None
    toks = ix.toks
    verbal = [i for i in roots if toks[i].pos_ in VERBAL and not any(
        c.dep_ == "mark" and c.lower_ in CONDITIONS for c in toks[i].children)]
    return (verbal or roots)[0]

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
noun or number is read as the predicate (:func:`_headline_claims`).

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
import itertools
import re
from bisect import bisect_left, bisect_right


import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LOWER, ORTH, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS

from rashomon import data as data_files
from rashomon.extract.agents import SentenceAgents, agents, speaker_party
from rashomon.extract.complements import hung_clause
from rashomon.extract.lemmas import lemma
from rashomon.extract.nominals import nominal_agent
from rashomon.extract.propositions import POINTING, lexicon as predicate_lexicon, read_parts
from rashomon.extract.quantities import find_quantities
from rashomon.extract.references import resolve_references
from rashomon.extract import headlines, stamps
from rashomon.extract.stance import commitment, read_stance, stance_verbs
from rashomon.types import Article, Claim, PropositionParts, Quote
from rashomon.annotate import doc_ents, doc_text
from rashomon.annotate.views import doc_view

FINITE = {"VBD", "VBZ", "VBP", "MD"}
SUBJ = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
QUOTE_CHARS = "\"'“”‘’«»„"
GREETINGS = ("thank", "thanks", "hello", "good morning", "good afternoon", "good evening", "welcome",
             "dear ", "congratulations", "best regards")
CONTEXT_SENTENCES = 5
AFFECTED_WINDOW = 8
_EVENT_WORDS = ("War", "Conflict", "Uprising", "Revolution", "Genocide", "Massacre")
_EVENT_RE = re.compile(r"\b(?:[A-Z0-9][\w'’-]*\s+){1,3}(?:" + "|".join(_EVENT_WORDS) + r")\b")
_LETTERS = re.compile(r"[^\W\d_]+")
_STRIP = " \t\n" + QUOTE_CHARS + ",;:—–-"
_NON_SPACE = re.compile(r"\S+")
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")
_SPEAKER_LABEL = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w'’.-]*+\s++){0,3}[A-Z][\w'’.-]*+\s*+:\s+(?=\S)")
"""An interview answer's speaker label ("SELMA ROSS: "), from a word's start with
each word taken whole: linear on a long run of capitals."""
"""A speaker label opening a line of an interview ("SELMA ROSS:", "Dr Ross:", "Spillway:")."""
_CONJUNCTION = re.compile(r"(?:and|but|or|so|yet)\s+", re.I)
VERBAL = ("VERB", "AUX")
CLAUSE_DEPS = ("ROOT", "ccomp", "conj", "relcl", "advcl")
CONTRAST = {"while", "whereas"}  # subordinators of contrast (Quirk et al. 1985, 15.49)
GOVERNED = ("dobj", "ccomp", "xcomp", "attr", "oprd")  # what a cue verb says or denies


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

    def keys(cues):
        # one key word per cue, its longest run of letters: a cue matches a plain
        # text only where each of its letter runs is a whole one of the text (see _plain_words)
        return frozenset(max(_LETTERS.findall(c.lower()), key=len) for c in cues)

    modal = {h["cue"] for h in hedges["hedges"] if h.get("modal")}
    # each cue list gives a pattern and its key words: a pattern cannot match a
    # plain text that lacks all of them (see _can_match), so the regex is not run on it
    cues = {
        "hedge": [h["cue"] for h in hedges["hedges"] if not h.get("modal")],
        "deny": [h["cue"] for h in hedges["denials"]],
        "report": [h["cue"] for h in hedges["reporting"]],
        "pseudo": [h["cue"] for h in hedges["pseudo_negations"]],
        "minimizer": [h["cue"] for h in hedges["minimizers"]],
    }
    neg = [h["cue"] for h in hedges["negations"] if h["cue"] != "n't"]
    out = {name: pat(c) for name, c in cues.items()}
    out.update({
        "modal": re.compile(r"\b(?:" + "|".join(sorted(modal)) + r")\b"),  # lowercase only: not "May"
        "neg": re.compile(r"n['’]t\b|" + pat(neg).pattern, re.I),
        "frames": [(f["name"], pat(f["triggers"]), f.get("need_quantity", False)) for f in frames["frames"]],
        "affected": [(a["name"], pat(a["words"])) for a in frames["affected"]],
        "ops": {w.lower() for w in frames["operations"]["words"]},
        "events": {w.lower() for w in frames["event_nouns"]["words"]},
        "keys": {
            **{name: keys(c) for name, c in cues.items()},
            "modal": keys(modal),
            "neg": keys(neg),
            "frames": [keys(f["triggers"]) for f in frames["frames"]],
            "affected": [keys(a["words"]) for a in frames["affected"]],
            "event": frozenset(w.lower() for w in _EVENT_WORDS),
        },
    })
    return out


def _plain_words(text: str, words: list[str]) -> set[str] | None:
    """The lowercased words of a plain text, for :func:`_can_match`; ``words`` are
    its runs of letters (``_LETTERS.findall(text)``). None when the text is not plain.

    A text is plain when its word characters are all ASCII. In a plain text a
    case-insensitive cue can only match ASCII letters, and the cue patterns match
    between non-word characters, so each run of letters of a cue is a whole run
    of letters of the text it matches."""
    if not text.isascii() and _NON_ASCII_WORD_CHAR.search(text):
        return None
    return {w.lower() for w in words}


def _can_match(keys: frozenset, words: set[str] | None) -> bool:
    """Whether a cue pattern can match a text: False only for a plain text (its
    words: ``words``) that contains none of the cues' key words. A pure shortcut:
    when it says True the pattern itself decides."""
    return words is None or not keys.isdisjoint(words)


class _DocIndex:
    """Per-Doc lookups built once per article. Reading a spaCy attribute crosses
    into Cython and builds new objects, so the token attributes the inner loops
    test are read once here, as one array (``Doc.to_array``), into plain lists:

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
        self.toks = toks = doc_view(doc).tokens
        self.ops = ops
        ids = doc.vocab.strings  # string -> the id to_array gives
        cols = doc.to_array([IDX, TAG, POS, DEP, LOWER, ORTH, HEAD])
        idx, tag, pos, dep, lower, orth = (cols[:, k] for k in range(6))
        heads = np.arange(len(toks)) + cols[:, 6].view(np.int64)  # HEAD is the offset to the head
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
    strip = _STRIP
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    m = _CONJUNCTION.match(text, start, end)
    if m:
        start = m.end()
    m = _SPEAKER_LABEL.match(text, start, end)
    if m and (start == 0 or text[start - 1] == "\n"):
        start = m.end()  # "SELMA ROSS: We treated sixty people": the label of an interview answer
    return start, end


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
    qs = _Quotes(sorted(quotes, key=lambda q: q.start))
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
            words = _LETTERS.findall(ctext)
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
    claims += _headline_claims(article, doc, text, qs, lex, sents, sent_agents, ix, claims)
    read = _headline_verb_claims(article, text, qs, ix)  # a segment's verb read over its noun-headed reading
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


def _headline_claims(article, doc, text, qs, lex, sents, sent_agents, ix, found) -> list[Claim]:
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
    :func:`~rashomon.extract.headlines.topic`) is read by the same :func:`_build`
    as any clause; the holder is the narrator, or the speaker of the quote that
    covers it ("Mayor: …").

    Returns the new claims (``found`` are the clause claims already made, which
    these never overlap)."""
    out: list[Claim] = []
    taken = sorted((c.start, c.end) for c in found)
    starts = [s.start_char for s in sents]
    for start, end in headlines.pieces(text):
        start, end = _trim(text, start, end)
        ctext = text[start:end]
        words = _LETTERS.findall(ctext)
        if not headlines.WORDS[0] <= len(words) <= headlines.WORDS[1] or "?" in ctext:
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
        claim = _build(article, doc, text, start, end, headlines.topic(ix.toks[r], lo, hi), quote, lex, si, sent_agents,
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


def _headline_verb_claims(article, text, qs, ix) -> list[Claim]:
    """Claims of headline segments whose -s verb the parser read as a plural noun
    (:func:`~rashomon.extract.headlines.verb_segments`): "…, minister points at
    city hall" is a claim held by the minister that city hall is responsible (a
    blame verb's object is the one held responsible, as in :mod:`propositions`);
    "council backs plan" is the narrator's claim that the council backed the plan
    (headline present for a past event)."""
    out: list[Claim] = []
    for start, end in headlines.pieces(text):
        start, end = _trim(text, start, end)
        if not headlines.WORDS[0] <= len(_LETTERS.findall(text[start:end])) <= headlines.WORDS[1] \
                or text[start:end].endswith((".", "?")):
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


CONDITIONS = {"if", "unless", "where", "when", "whenever", "once", "until", "before", "after"}
FIGURES = {"CARDINAL", "QUANTITY", "MONEY"}  # an attribution naming one is kept as a claim of its own
FIGURE_VERBS = {"put", "raise", "lower", "revise", "update", "set", "give", "estimate", "count"}


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


def _covering_quote(qs: _Quotes, start: int, end: int) -> Quote | None:
    best, best_ov = None, 0
    for q in qs.overlapping(start, end):
        ov = min(end, q.end) - max(start, q.start)
        if ov > best_ov:
            best, best_ov = q, ov
    if best is not None and best_ov * 2 >= (end - start):
        return best
    return None


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
    quantities = find_quantities(ctext, start)
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


def _attributed(doc, tok_range, quote, quantities, ctext: str, start: int, ix: _DocIndex) -> dict | None:
    """Holder, stance and proposition of one clause (see :mod:`rashomon.extract.stance`
    and :mod:`rashomon.extract.propositions`); ``negated`` is the holder's
    polarity: the proposition's own negation, flipped by a denial."""
    lo, hi = tok_range
    r = _clause_root(ix, lo, hi)
    if r is None:
        return None
    root = ix.toks[r]
    if root.pos_ not in VERBAL:  # "Nobody in this building asked …" parsed with the pronoun as root
        verb = next((c for c in root.children if c.dep_ in ("acl", "relcl") and c.pos_ in VERBAL and c.i < hi), None)
        if verb is not None and root.lower_ in ("nobody", "nothing", "none", "no one"):
            root = verb
    cue = None
    if quote is not None and quote.cue and quote.cue_start is not None:
        k = bisect_left(ix.idxs, quote.cue_start)
        if k < len(ix.toks) and k != root.i:  # "The guild has rejected the invitation": the cue is the predicate
            cue = ix.toks[k]
    st = read_stance(root, lo, hi, cue)
    if st.head.i == root.i and lemma(root) in stance_verbs():
        # "…, its operator said, while a union put the toll at five": the clause beside the cue
        beside = next((c for c in root.children if c.dep_ in ("advcl", "conj") and c.pos_ in VERBAL
                       and lo <= c.i < hi and any(g.dep_ in SUBJ for g in c.children)
                       and not any(g.dep_ in ("mark", "advmod") and g.lower_ in CONDITIONS for g in c.children)), None)
        if beside is not None:
            st = read_stance(beside, lo, hi, None)
    parts = read_parts(st.head, quantities, ctext, start)
    nominal_agent(st.head, parts, lo, hi)  # "the destruction of the dam by X", "'X terrorists,' she wrote"
    if parts.clock is None and ix.stamps and stamps.reports_now(st.head):
        parts.clock = stamps.stamp_before(ix.stamps, start)  # a live-blog entry's present: its stamp
    holder = st.holder if st.holder is not None else (quote.speaker_text if quote is not None else None)
    if holder is None and lemma(root) in ("blame", "accuse") and st.head.i == root.i or (
            holder is None and st.head.dep_ == "pcomp" and lemma(st.head.head.head) == "accuse"):
        subj = next((c for c in (root.children if st.head.i == root.i else st.head.head.head.children)
                     if c.dep_ == "nsubj"), None)
        holder = " ".join(t.text for t in subj.subtree) if subj is not None else None  # "the cabinet blamed X"
    if holder is None and lemma(st.head) in FIGURE_VERBS and parts.counts and parts.agent:
        holder = parts.agent  # "Police put the figure at 3,000": the police hold the figure
    stance = commitment(st.head, st.stance, holder)
    toks, heads = ix.toks, ix.heads
    parts.nouns = list(dict.fromkeys(toks[i].lower_ for i in _between(ix.nouns, lo, hi)))
    parts.compounds = list(dict.fromkeys(f"{toks[i].lower_} {toks[heads[i]].lower_}"
                                         for i in _between(ix.compounds, lo, hi) if lo <= heads[i] < hi))
    # an anaphoric denial ("That figure is a fiction") negates the earlier claim it points at
    negated = True if st.anaphoric else parts.negated != (stance in ("denies", "doubts"))
    outside = st.cue_tok if st.cue_tok is not None and not lo <= st.cue_tok.i < hi else None
    return {"holder": holder, "stance": stance, "cue": st.cue if stance != "asserts" else None,
            "anaphoric": st.anaphoric, "parts": parts, "negated": negated,
            "cue_words": _verb_group(outside) if outside is not None else ""}


def _verb_group(verb) -> str:
    """A verb with its auxiliaries, negation, adverbs and particle, in order
    ("did not rule out", "reportedly said"): the words of a cue outside the
    clause whose hedges the clause inherits."""
    toks = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "prt"))]
    return " ".join(t.text for t in sorted(toks, key=lambda t: t.i))


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

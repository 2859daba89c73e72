"""The per-article index the quote extractors share: paragraphs, token offsets, cues.

:class:`DocIndex` reads what the scans over a whole Doc need (token start
offsets, the cue verbs, the tokens "according", "told" and "tells") once from
``Doc.to_array`` into plain lists and sets, so a ``Token`` object is made only
for the tokens a scan selects. Offsets are code points into ``Article.text``.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LOWER, SENT_START
from spacy.strings import get_string_id

from rashomon.annotate import doc_ents, doc_text
from rashomon.annotate.views import doc_view
from rashomon.extract import speakers as sp
from rashomon.extract.cue_senses import speech_sense
from rashomon.types import Article


@dataclass
class Para:
    start: int
    end: int
    text: str


def trim_blank(text: str, s: int, e: int) -> tuple[int, int]:
    """``(s, e)`` moved inwards over whitespace; ``(e, e)`` when ``text[s:e]`` is blank."""
    if s >= e:
        return s, e
    chunk = text[s:e]
    lead = len(chunk) - len(chunk.lstrip())
    if lead == len(chunk):
        return e, e
    return s + lead, s + len(chunk.rstrip())


def paragraphs(text: str) -> list[Para]:
    """Non-blank lines of ``text`` (blanked furniture counts as blank)."""
    out, pos = [], 0
    for line in text.split("\n"):
        s, e = trim_blank(text, pos, pos + len(line))
        if e > s:
            out.append(Para(s, e, text[s:e]))
        pos += len(line) + 1
    return out


_ACCORDING = get_string_id("according")
# an adverb that marks its clause as reported by an unnamed source (PolNeAR guidelines:
# "reportedly" is a cue of an attribution without a source)
_HEARSAY = get_string_id("reportedly")
_TOLD = frozenset((get_string_id("told"), get_string_id("tells")))


@functools.lru_cache(maxsize=1)
def _noun_ids() -> frozenset[int]:
    """Hashes of the speech nouns of the cue lexicon ("statement", "claims", "attacks")."""
    return frozenset(get_string_id(w) for w in sp.lexicon().speech_nouns)


@functools.lru_cache(maxsize=1)
def _scanned_forms() -> frozenset[int]:
    """Hashes of the forms :class:`DocIndex` notes while reading a Doc's tokens: cue
    verb forms, speech nouns, "according", "told" and "tells"."""
    return sp.cue_form_ids() | _noun_ids() | _TOLD | {_ACCORDING, _HEARSAY}


class DocIndex:
    """Per-article state: text, Doc index, paragraphs, masks.

    What scans over the whole Doc need (token start offsets, the cue verbs, the
    tokens "according", "told" and "tells") is read once from the ``Doc.to_array``
    columns of the token views (:mod:`rashomon.annotate.views`) into plain lists
    and sets; the rules read the views of the tokens a scan selects.
    """

    def __init__(self, article: Article, doc):
        self.article = article
        self.doc = doc
        self.text = doc_text(doc)  # the body: article.text with removed spans blanked
        self.lex = sp.lexicon()
        self.paras = paragraphs(self.text)
        self.para_starts = [p.start for p in self.paras]
        view = doc_view(doc)  # the token views, and the Doc.to_array columns they were read from
        starts, lowers = view.column(IDX).tolist(), view.column(LOWER).tolist()  # lower-case forms as spaCy hashes
        deps = view.column(DEP)
        self._heads: list[int] | None = None  # absolute head indices, read when first needed
        self._depths: dict[int, int] = {}
        self.tok_starts: list[int] = starts
        self.subjects: list[int] = np.flatnonzero(np.isin(deps, _SUBJ_DEPS)).tolist()  # nsubj, nsubjpass
        self.objects: list[int] = np.flatnonzero(np.isin(deps, _OBJ_DEPS)).tolist()  # dobj, pobj
        self.cue_lemmas: dict[int, str] = {}  # token index → :func:`speakers.cue_lemma`, cue verbs only
        self.according: set[int] = set()  # tokens "according"
        self.hearsay: set[int] = set()  # tokens "reportedly"
        self.cue_nouns: set[int] = set()  # speech nouns ("claims", "attacks")
        self.told: list[int] = []  # tokens "told", "tells"
        self.mistagged: list[int] = []  # cue verbs the tagger read as nouns ("Vance Claims He Won")
        cue_forms = sp.cue_form_ids()
        nouns = _noun_ids()
        wanted = _scanned_forms()
        # the token views, for the rules that read the parse around many tokens (no new spaCy Token per read)
        toks = self.tok_views = view.tokens
        for i, lower in enumerate(lowers):
            if lower not in wanted:
                continue  # most tokens: one set lookup
            lemma = sp.cue_lemma(toks[i]) if lower in cue_forms else None
            if lemma and not speech_sense(toks[i], lemma):
                lemma = None  # "does not rule out", "Thank you for …", "fired tear gas": no speech act
            if lemma:
                self.cue_lemmas[i] = lemma
            elif lower in cue_forms and _mistagged_cue(view, i):
                self.mistagged.append(i)
            elif lower in nouns and toks[i].pos_ == "NOUN":
                self.cue_nouns.add(i)
            if lower == _ACCORDING:
                self.according.add(i)
            elif lower == _HEARSAY:
                self.hearsay.add(i)
            if lower in _TOLD:
                self.told.append(i)
        self.relay_cues = [i for i in self.cue_lemmas if self.cue_lemmas[i] in self.lex.relay]
        self._name_spans: dict[int, tuple[int, int] | None] = {}
        self._roles: dict[int, tuple[str | None, str | None]] = {}
        self._sent_starts: list[int] | None = None  # token indices that start a sentence, read when first needed
        self._named: tuple[list[int], list[tuple[int, int, str]]] | None = None
        self._datelines: dict[int, int] = {}  # paragraph index -> end offset of its dateline (or its start)

    def cue_lemma(self, tok) -> str | None:
        """:func:`speakers.cue_lemma` of a token of this Doc."""
        return self.cue_lemmas.get(tok.i)

    def name_span(self, tok) -> tuple[int, int] | None:
        """:func:`speakers.name_span` of a token of this Doc, worked out once per
        token (on its view: the rule walks the tokens around it)."""
        if tok.i not in self._name_spans:
            self._name_spans[tok.i] = sp.name_span(self.tok_views[tok.i])
        return self._name_spans[tok.i]

    def role_of(self, tok) -> tuple[str | None, str | None]:
        """:func:`speakers.role_of` of a token of this Doc, worked out once per
        token (on its view: the rule walks the tokens around it)."""
        if tok.i not in self._roles:
            self._roles[tok.i] = sp.role_of(self.tok_views[tok.i])
        return self._roles[tok.i]

    def _sentence_starts(self) -> list[int]:
        if self._sent_starts is None:
            if not self.doc.has_annotation("SENT_START"):
                raise ValueError("no sentence boundaries in the Doc")  # as ``Token.sent``
            self._sent_starts = [i for i, v in enumerate(self.doc.to_array(SENT_START).tolist()) if v == 1]
        return self._sent_starts

    def sentence_end(self, i: int) -> int:
        """``doc[i].sent.end``: the index after the last token of token ``i``'s
        sentence (the next token that starts a sentence, else the Doc's length)."""
        starts = self._sentence_starts()
        k = bisect.bisect_right(starts, i)
        return starts[k] if k < len(starts) else len(self.doc)

    def sentence_start(self, i: int) -> int:
        """``doc[i].sent.start``: the index of the first token of token ``i``'s sentence."""
        starts = self._sentence_starts()
        k = bisect.bisect_right(starts, i) - 1
        return starts[k] if k >= 0 else 0

    def sentence_of(self, i: int) -> int:
        """The number of token ``i``'s sentence in the Doc (0-based)."""
        return bisect.bisect_right(self._sentence_starts(), i) - 1

    def dateline_end(self, pi: int) -> int:
        """End offset of the dateline that opens paragraph ``pi`` ("GENEVA (Reuters) –",
        "KHERSON, Ukraine —"), or the paragraph's start when it has none. A dateline
        names where a story was filed, never who speaks (AP Stylebook, "datelines")."""
        if pi not in self._datelines:
            p = self.paras[pi]
            m = _DATELINE.match(self.text, p.start, min(p.end, p.start + 120))
            self._datelines[pi] = m.end() if m else p.start
        return self._datelines[pi]

    def in_dateline(self, pos: int) -> bool:
        """Whether offset ``pos`` lies in the dateline of its paragraph."""
        pi = self.para_of(pos)
        return self.paras[pi].start <= pos < self.dateline_end(pi)

    def named_ents(self) -> tuple[list[int], list[tuple[int, int, str]]]:
        """Person and organisation mentions of the body as (start, end, lower-case
        text), sorted, with their starts for bisect; read once."""
        if self._named is None:
            ents = sorted((e.start_char, e.end_char, self.text[e.start_char:e.end_char].lower())
                          for e in doc_ents(self.doc) if e.label_ in ("PERSON", "ORG"))
            ents = [e for e in ents if e[2].strip()]
            self._named = ([e[0] for e in ents], ents)
        return self._named

    def depth(self, i: int) -> int:
        """How many arcs separate token ``i`` from the root of its sentence."""
        if self._heads is None:  # HEAD is relative
            rel = doc_view(self.doc).column(HEAD).view(np.int64)
            self._heads = (np.arange(len(rel)) + rel).tolist()
        if i not in self._depths:
            d, k = 0, i
            while self._heads[k] != k and d < 60:
                k, d = self._heads[k], d + 1
            self._depths[i] = d
        return self._depths[i]

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def tok_at(self, pos: int):
        i = bisect.bisect_right(self.tok_starts, pos) - 1
        return self.doc[max(0, i)] if len(self.doc) else None

    def toks_in(self, s: int, e: int):
        return self.doc[self.tok_range(s, e)]

    def tok_range(self, s: int, e: int) -> slice:
        """The token indices of the tokens that start in ``text[s:e]``."""
        return slice(bisect.bisect_left(self.tok_starts, s), bisect.bisect_left(self.tok_starts, e))


_SUBJ_DEPS = np.array([get_string_id("nsubj"), get_string_id("nsubjpass")], dtype=np.uint64)
_OBJ_DEPS = np.array([get_string_id("dobj"), get_string_id("pobj")], dtype=np.uint64)
# a dateline: a place in capitals (optionally ", Region" and a date), an agency in
# brackets, then a dash ("GENEVA (Reuters) –", "KHERSON, Ukraine, June 6 —", "WASHINGTON (AP) —")
_DATELINE = re.compile("[A-Z][A-Z .'’-]{1,40}(?:,\\s*[A-Z][\\w .'’-]{1,30}){0,2}\\s*(?:\\([^()\\n]{1,40}\\))?"
                       "\\s*[—–-]{1,2}\\s+(?=[A-Z“\"‘])")
_SENT_END = re.compile(r"[.!?](\s|$)")
# abbreviations whose period ends no sentence (titles, ranks, company suffixes; AP Stylebook, "abbreviations")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "sen", "gov", "rep", "gen", "lt", "col", "capt", "sgt", "prof",
                  "jr", "sr", "inc", "co", "corp", "ltd", "no", "rev", "hon", "adm", "maj", "cmdr", "supt", "det",
                  "insp", "atty", "pres", "vs", "mt", "ft", "messrs", "mme", "mlle", "sens", "reps", "govs",
                  "del", "asst", "cpl", "pvt", "cdr", "brig"}  # "state Del. X" (a delegate; AP Stylebook, titles)


def _mistagged_cue(doc, i: int) -> bool:
    """Whether a cue form the tagger did not read as a verb is one all the same:
    a third-person form in -s ("claims", "Says") right after a capitalised name,
    followed by two words or more of its sentence ("Vance claims he won",
    "Marsh Praises Port Plan")."""
    tok = doc[i]
    if not tok.lower_.endswith("s") or i == 0 or i + 1 >= len(doc) or tok.is_sent_start or \
            tok.pos_ in ("VERB", "AUX") or tok.dep_ == "compound":
        return False
    prev, nxt = doc[i - 1], doc[i + 1]
    if prev.pos_ not in ("PROPN", "NOUN") or not prev.text[:1].isupper() or prev.tag_ == "NNS":
        return False
    if tok.pos_ == "PROPN" and not sp.title_case_line(doc_text(doc), tok.idx):
        return False  # "the Associated Press": a name, unless the whole line is a headline in title case
    if nxt.pos_ not in ("PRON", "DET", "PROPN", "SCONJ", "NUM", "ADP") and nxt.lower_ != "that":
        return False  # "White House press secretary": a noun it qualifies, not a clause it introduces
    words = 0
    for k in range(i + 1, min(len(doc), i + 4)):
        if doc[k].is_sent_start:
            break
        words += doc[k].is_alpha
    return words >= 2


def sentence_end(text: str, s: int, limit: int) -> int:
    """Offset just after the first sentence end in ``text[s:limit]``, else
    ``limit``. The period of a title or an initial ("Mr. Katz", "J. Smith", "U.S.")
    ends no sentence."""
    pos = s
    while (m := _SENT_END.search(text, pos, limit)) is not None:
        word = text[max(s, m.start() - 6):m.start()].rsplit(None, 1)[-1:] or [""]
        w = word[0].lstrip("(\"“'‘")
        if text[m.start()] == "." and (w.lower() in _ABBREVIATIONS or len(w) == 1 and w.isupper()
                                       or "." in w and len(w) <= 4):
            pos = m.end()
            continue
        return m.end()
    return limit


def rstrip_pos(text: str, s: int, e: int) -> int:
    """``e`` moved left over whitespace, not below ``s`` (``s + len(text[s:e].rstrip())``)."""
    while e > s and text[e - 1].isspace():
        e -= 1
    return e

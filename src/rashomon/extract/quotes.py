"""Quotes and their speakers: direct, indirect, interview questions, posts.

``extract_quotes(article, doc, posts)`` returns the embedded posts found by
cleaning (kept as given) plus:

* **direct** quotes: words inside quotation marks of any style (“ ” " « » ‘ ’ „).
  Marks are paired by a small state machine over each paragraph, not by a regex
  that assumes balance: apostrophes inside words never count, nor do straight
  double marks inside a token (5"x7) or inch signs (a 12" pipe, when no quote is
  open); only the first closer of a paragraph may close a quote opened before
  it; a quote that runs
  over several paragraphs by the journalistic convention (an opening mark on each
  paragraph, a closing one only at the end) is one quote per paragraph with one
  speaker; a quote interrupted by removed furniture, interview questions or photo
  captions is resumed; stray or unbalanced marks never raise (a line that opens
  and never closes is a quote to the end of its paragraph, confidence 0.5).
  Short quoted terms inside narrator prose are kept with ``scare=True``.
* **indirect** quotes: reported speech found on the dependency parse, a cue verb
  (``data/cues.yaml``) with a subject and a content clause ("X said (that) …",
  "…, X emphasizes", "according to X, …", "X reports casualties …").
* **question**: an interviewer's questions in a Q&A layout ("Question 1" headings),
  with the interviewing outlet as speaker when the article names it ("told X").

Speakers: the subject of the cue clause before or after the quote, a colon or
dash attribution, pronouns resolved to the nearest person mention (preferring the
latest speaker), descriptors ("the presidential aide") resolved to the person the
article introduced with that role, headline attributions, relays ("X said on X,
Y reports": ``relayed_by`` Y); an unattributed quote keeps the speaker of the quote
or reported speech just before it when no one else is named between.
``speaker_start``/``speaker_end`` is always the span
of a named mention in this article (the antecedent for a pronoun or descriptor),
``None`` for an unnamed speaker ("one commander"). ``speaker`` stays ``None``: the
entity linker fills it.

Method after Pareti (2016, PARC 3.0: cue, source, content) and the quote/speaker
heuristics of textacy's ``direct_quotations`` (which this module replaces).
"""
from __future__ import annotations

import bisect
import functools
import logging
import re
from dataclasses import dataclass, field

from spacy.attrs import IDX, LOWER, SENT_START
from spacy.strings import get_string_id

from rashomon.extract import speakers as sp
from rashomon.types import Article, Quote
from rashomon.annotate import doc_ents, doc_text

log = logging.getLogger(__name__)

# --- quotation marks ---------------------------------------------------------------
D_OPEN = "“„«‟〝"
D_CLOSE = "”»〞"
S_OPEN = "‘‚‹"
S_CLOSE = "’›"
MARKS = set(D_OPEN + D_CLOSE + S_OPEN + S_CLOSE + "\"'")
OPEN_CTX = " \t\n([{—–-/:;,"   # chars after which a mark opens
CLOSE_CTX = " \t\n)]}.,;:!?—–-/…"  # chars before which a mark closes
_MARK_RE = re.compile("[" + re.escape("".join(sorted(MARKS))) + "]")

DASHES = "—–-"


@dataclass
class Mark:
    pos: int
    ch: str
    double: bool
    can_open: bool
    can_close: bool


@dataclass
class Seg:
    """One paragraph's share of a direct quote: content span (without marks)."""

    start: int
    end: int
    para: int
    open_pos: int | None
    close_pos: int | None
    conf: float = 1.0


@dataclass
class Run:
    """A direct quote over one or more paragraphs (one speaker)."""

    segs: list[Seg] = field(default_factory=list)
    closed: bool = False
    speaker: dict | None = None
    attr_end: int | None = None  # end of the quote's attribution (its cue sentence after the quote)


@dataclass
class Para:
    start: int
    end: int
    text: str


def _is_word(c: str) -> bool:
    return c.isalnum()


def classify_marks(text: str, start: int, end: int) -> list[Mark]:
    """The quotation marks of ``text[start:end]`` with whether each can open or
    close a quote, from its glyph and the characters around it; apostrophes inside
    words (Baku’s, isn't) and elisions ('90s) are left out."""
    out: list[Mark] = []
    for found in _MARK_RE.finditer(text, start, end):
        i = found.start()
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        left = prev in OPEN_CTX or prev in MARKS  # preceded by space/opening punct
        right = nxt in CLOSE_CTX or nxt in MARKS
        if ch in "'’" and _is_word(prev) and _is_word(nxt):
            continue  # apostrophe inside a word
        if ch in "'’‘" and prev in " \n" and nxt.isdigit():
            continue  # '90s
        if ch == '"' and _is_word(prev) and _is_word(nxt):
            continue  # inside a token (5"x7, yes"yes): neither opens nor closes
        double = ch in D_OPEN or ch in D_CLOSE or ch == '"'
        if ch in D_OPEN or ch in S_OPEN:
            can_open, can_close = True, (ch in "“‘" and right and not left)
        elif ch in D_CLOSE or ch in S_CLOSE:
            can_open, can_close = (left and not right and ch not in "’"), True
        else:  # straight marks
            can_open = left or not right and not _is_word(prev)
            can_close = right or not left
            if not can_open and not can_close:
                can_open = can_close = True
        out.append(Mark(i, ch, double, can_open, can_close))
    return out


def _inch_mark(text: str, m: Mark) -> bool:
    """A straight double mark right after a digit that no open quote awaits
    (6'2", a 12"-wide pipe): the inch sign, not a quotation mark."""
    return m.ch == '"' and m.pos > 0 and text[m.pos - 1].isdigit()


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
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
        s, e = _trim(text, pos, pos + len(line))
        if e > s:
            out.append(Para(s, e, text[s:e]))
        pos += len(line) + 1
    return out


def _pair_in_para(text: str, p: Para, pi: int) -> tuple[list[Seg], list[Seg], int | None, bool]:
    """Pair the double marks of one paragraph.

    Returns (closed segments, orphan-closer segments, position of an unclosed
    opener or None, whether the paragraph began with an opener). Single marks
    outside double quotes give segments only when they close in the paragraph.
    """
    marks = classify_marks(text, p.start, p.end)
    segs: list[Seg] = []
    orphans: list[Seg] = []
    open_d: Mark | None = None
    open_s: Mark | None = None
    first_open = bool(marks) and marks[0].can_open and not text[p.start:marks[0].pos].strip()
    seen_double = False
    for m in marks:
        if m.double:
            if open_d is None:
                if m.can_open:
                    open_d = m
                    open_s = None
                elif m.can_close and not seen_double and not _inch_mark(text, m):
                    # a closer with no opener before it in the paragraph: the
                    # quote began earlier (or its opener is missing)
                    s, e = _trim(text, p.start, m.pos)
                    if e > s:
                        orphans.append(Seg(s, e, pi, None, m.pos, 0.5))
            else:
                if m.can_close:
                    s, e = _trim(text, open_d.pos + 1, m.pos)
                    if e > s:
                        segs.append(Seg(s, e, pi, open_d.pos, m.pos, 1.0))
                    open_d = None
                elif m.can_open:  # a new opener while one is open: the first never closed
                    s, e = _trim(text, open_d.pos + 1, m.pos)
                    if e > s:
                        segs.append(Seg(s, e, pi, open_d.pos, None, 0.5))
                    open_d = m
            seen_double = True
        else:
            if open_d is not None:
                continue  # nested single quotes are part of the outer quote
            if open_s is None:
                if m.ch in "‘'" and m.can_open:
                    open_s = m
            elif m.can_close and m.ch in "’'":
                s, e = _trim(text, open_s.pos + 1, m.pos)
                if e > s:
                    segs.append(Seg(s, e, pi, open_s.pos, m.pos, 0.9))
                open_s = None
    return segs, orphans, (open_d.pos if open_d is not None else None), first_open


def _is_heading(p: Para, lex) -> bool:
    """A short line without closing punctuation ("Question 1", a section title)."""
    t = p.text.strip()
    if lex.question_heading.match(t):
        return True
    words = t.split()
    return len(words) <= 16 and not re.search(r"[.!?:;”\"’»]$", t)


_ACCORDING = get_string_id("according")
_TOLD = frozenset((get_string_id("told"), get_string_id("tells")))


@functools.lru_cache(maxsize=1)
def _scanned_forms() -> frozenset[int]:
    """Hashes of the forms :class:`_Ctx` notes while reading a Doc's tokens: cue
    verb forms, "according", "told" and "tells"."""
    return sp.cue_form_ids() | _TOLD | {_ACCORDING}


class _Ctx:
    """Per-article state: text, Doc index, paragraphs, masks.

    What scans over the whole Doc need (token start offsets, the cue verbs, the
    tokens "according", "told" and "tells") is read once from ``Doc.to_array``
    into plain lists and sets: a ``Token`` object is made only for the tokens a
    scan selects.
    """

    def __init__(self, article: Article, doc):
        self.article = article
        self.doc = doc
        self.text = doc_text(doc)  # the body: article.text with removed spans blanked
        self.lex = sp.lexicon()
        self.paras = paragraphs(self.text)
        self.para_starts = [p.start for p in self.paras]
        starts, lowers = doc.to_array([IDX, LOWER]).T.tolist()  # lower-case forms as spaCy hashes
        self.tok_starts: list[int] = starts
        self.cue_lemmas: dict[int, str] = {}  # token index → :func:`speakers.cue_lemma`, cue verbs only
        self.according: set[int] = set()  # tokens "according"
        self.told: list[int] = []  # tokens "told", "tells"
        cue_forms = sp.cue_form_ids()
        wanted = _scanned_forms()
        for i, lower in enumerate(lowers):
            if lower not in wanted:
                continue  # most tokens: one set lookup
            if lower in cue_forms:
                lemma = sp.cue_lemma(doc[i])
                if lemma:
                    self.cue_lemmas[i] = lemma
            if lower == _ACCORDING:
                self.according.add(i)
            if lower in _TOLD:
                self.told.append(i)
        self.relay_cues = [i for i in self.cue_lemmas if self.cue_lemmas[i] in self.lex.relay]
        self._name_spans: dict[int, tuple[int, int] | None] = {}
        self._roles: dict[int, tuple[str | None, str | None]] = {}
        self._sent_starts: list[int] | None = None  # token indices that start a sentence, read when first needed

    def cue_lemma(self, tok) -> str | None:
        """:func:`speakers.cue_lemma` of a token of this Doc."""
        return self.cue_lemmas.get(tok.i)

    def name_span(self, tok) -> tuple[int, int] | None:
        """:func:`speakers.name_span` of a token of this Doc, worked out once per token."""
        if tok.i not in self._name_spans:
            self._name_spans[tok.i] = sp.name_span(tok)
        return self._name_spans[tok.i]

    def role_of(self, tok) -> tuple[str | None, str | None]:
        """:func:`speakers.role_of` of a token of this Doc, worked out once per token."""
        if tok.i not in self._roles:
            self._roles[tok.i] = sp.role_of(tok)
        return self._roles[tok.i]

    def sentence_end(self, i: int) -> int:
        """``doc[i].sent.end``: the index after the last token of token ``i``'s
        sentence (the next token that starts a sentence, else the Doc's length)."""
        if self._sent_starts is None:
            if not self.doc.has_annotation("SENT_START"):
                raise ValueError("no sentence boundaries in the Doc")  # as ``Token.sent``
            self._sent_starts = [i for i, v in enumerate(self.doc.to_array(SENT_START).tolist()) if v == 1]
        k = bisect.bisect_right(self._sent_starts, i)
        return self._sent_starts[k] if k < len(self._sent_starts) else len(self.doc)

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


def _verbal(ctx: _Ctx, p: Para) -> bool:
    """Whether a paragraph has a finite verb (captions and credits do not)."""
    for t in ctx.toks_in(p.start, p.end):
        if t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return True
    return False


def _question_para(ctx: _Ctx, p: Para) -> bool:
    t = p.text.strip()
    return t.endswith("?") or bool(ctx.lex.question_prefix.match(t))


def find_direct(ctx: _Ctx, questions: set[int]) -> list[Run]:
    """Pair quotation marks over the article's paragraphs into runs (see module doc)."""
    text = ctx.text
    runs: list[Run] = []
    pending: Run | None = None        # a run whose last paragraph never closed
    tentative: list[Para] = []        # unmarked paragraphs after an unclosed opener
    tentative_idx: list[int] = []
    last_closed: Run | None = None

    def commit_tentative(run: Run, conf: float):
        for k, tp in zip(tentative_idx, tentative):
            run.segs.append(Seg(tp.start, tp.end, k, None, None, conf))
        run.segs.sort(key=lambda s: s.start)
        tentative.clear()
        tentative_idx.clear()

    for pi, p in enumerate(ctx.paras):
        if pi in questions:
            continue
        segs, orphans, unclosed, first_open = _pair_in_para(text, p, pi)
        if pending is not None:
            if first_open:
                commit_tentative(pending, 0.6)
                for s in pending.segs:
                    if s.conf == 0.5:
                        s.conf = 0.9  # the convention confirms the quote ran on
                if segs:
                    pending.segs.append(segs.pop(0))
                    pending.closed = True
                    runs.append(pending)
                    last_closed, pending = pending, None
                elif unclosed is not None:
                    s, e = _trim(text, unclosed + 1, p.end)
                    pending.segs.append(Seg(s, e, pi, unclosed, None, 0.9))
                    unclosed = None
                    continue
            elif orphans and orphans[0].start == p.start:
                commit_tentative(pending, 0.7)
                o = orphans.pop(0)
                o.conf = 0.8
                for s in pending.segs:
                    s.conf = max(s.conf, 0.8)
                pending.segs.append(o)
                pending.closed = True
                runs.append(pending)
                last_closed, pending = pending, None
            elif not segs and not orphans and unclosed is None:
                if _is_heading(p, ctx.lex) or _question_para(ctx, p) or not _verbal(ctx, p):
                    continue  # interruptions: headings, questions, captions
                tentative.append(p)
                tentative_idx.append(pi)
                continue
            else:
                tentative.clear()
                tentative_idx.clear()
                runs.append(pending)
                pending = None
        for o in orphans:
            # a closer with no opener: the quote most plausibly began at the paragraph
            if last_closed is not None and last_closed.segs[-1].para == _prev_para(ctx, pi, questions):
                o.conf = 0.6
                last_closed.segs.append(o)
            else:
                o.conf = 0.4
                runs.append(Run([o], True))
        for s in segs:
            r = Run([s], True)
            runs.append(r)
            last_closed = r
        if unclosed is not None:
            s, e = _trim(text, unclosed + 1, p.end)
            if e > s:
                pending = Run([Seg(s, e, pi, unclosed, None, 0.5)])
    if pending is not None:
        runs.append(pending)
    runs.sort(key=lambda r: r.segs[0].start)
    return runs


def _prev_para(ctx: _Ctx, pi: int, skip: set[int]) -> int:
    k = pi - 1
    while k >= 0 and k in skip:
        k -= 1
    return k


# --- speakers -----------------------------------------------------------------------
_PRONOUNS = sp.PRONOUNS_PERSON | sp.PRONOUNS_GROUP | sp.PRONOUNS_SELF
def _speaker_from_subject(ctx: _Ctx, subj, state: dict) -> dict:
    """A speaker record (text, span, role, affiliation, kind) from a cue's subject."""
    lex = ctx.lex
    if subj.lower_ in _PRONOUNS:
        ant = _resolve_pronoun(ctx, subj, state)
        d = {"text": subj.text, "start": None, "end": None, "role": None, "aff": None, "pron": True}
        if ant:
            d.update(start=ant["start"], end=ant["end"], role=ant.get("role"), aff=ant.get("aff"))
        return d
    ns = ctx.name_span(subj)
    if ns is not None:
        role, aff = ctx.role_of(subj)
        return {"text": ctx.text[ns[0]:ns[1]], "start": ns[0], "end": ns[1], "role": role, "aff": aff}
    for c in subj.subtree:  # "the mayor of X, John Carter, said": the apposed name
        if c.dep_ == "appos" and c.i > subj.i and (c.head.i == subj.i or c.ent_type_ == "PERSON"):
            ns = ctx.name_span(c)
            if ns is not None and c.ent_type_ in ("PERSON", "ORG", ""):
                toks = sp.trim_tokens([t for t in subj.subtree if t.i < c.left_edge.i])
                role = ctx.doc[toks[0].i:toks[-1].i + 1].text if toks else None
                return {"text": ctx.text[ns[0]:ns[1]], "start": ns[0], "end": ns[1], "role": role, "aff": None}
    np = sp.noun_phrase(subj)
    np_text = ctx.text[np[0]:np[1]]
    head = subj.lower_
    if head in lex.person_nouns or head.rstrip("s") in lex.person_nouns:
        d = {"text": np_text, "start": None, "end": None, "role": None, "aff": None}
        if not sp.is_indefinite(subj):
            who = _resolve_descriptor(ctx, subj, state)
            if who:
                d.update(start=who["start"], end=who["end"], role=who.get("role"), aff=who.get("aff"))
        return d
    # an organisation or document headed by a common noun: its named part
    for t in subj.subtree:
        if t.i < subj.i and (t.ent_type_ in sp.NAME_LABELS or t.pos_ == "PROPN"):
            ns = ctx.name_span(t)
            if ns is not None:
                return {"text": np_text, "start": ns[0], "end": ns[1], "role": None, "aff": None}
    return {"text": np_text, "start": None, "end": None, "role": None, "aff": None}


def _record(state: dict, pos: int, spk: dict, attr_end: int | None = None) -> None:
    """Remember that a named speaker spoke at ``pos`` (for pronouns and runs), with
    the end of that quote's attribution (``attr_end``, default ``pos``). Kept
    sorted by position (bisect), so a lookup costs O(log n) per quote."""
    at = state.setdefault("speaker_pos", [])
    k = bisect.bisect_right(at, pos)
    at.insert(k, pos)
    state.setdefault("speakers", []).insert(k, spk)
    state.setdefault("speaker_ends", []).insert(k, pos if attr_end is None else attr_end)


def _last_before(state: dict, pos: int, with_end: bool = False):
    """The named speaker of the latest quote before ``pos`` (of several recorded at
    that same position, the first recorded), or ``None``; with ``with_end``, the
    pair (speaker, end of its attribution)."""
    at = state.get("speaker_pos", [])
    k = bisect.bisect_left(at, pos) - 1
    if k < 0:
        return None
    k = bisect.bisect_left(at, at[k])
    return (state["speakers"][k], state["speaker_ends"][k]) if with_end else state["speakers"][k]


def _persons(ctx: _Ctx, state: dict) -> list[dict]:
    """Named person mentions of the body, in order, with role and affiliation."""
    if "persons" not in state:
        out = []
        for e in doc_ents(ctx.doc):
            if e.label_ != "PERSON" or not ctx.text[e.start_char:e.end_char].strip():
                continue
            if not any(t.pos_ == "PROPN" for t in e):
                continue
            ns = ctx.name_span(e.root)
            if ns is None:
                continue
            role, aff = ctx.role_of(e.root)
            out.append({"start": ns[0], "end": ns[1], "role": role, "aff": aff,
                        "subj": e.root.dep_ in ("nsubj", "nsubjpass")})
        out.sort(key=lambda m: (m["end"], m["start"]))
        state["persons"] = out
        state["person_ends"] = [m["end"] for m in out]
        state["person_starts"] = [m["start"] for m in out]
    return state["persons"]


def _roles(ctx: _Ctx, state: dict) -> list[dict]:
    """Every named mention (any name label) that the text gives a role."""
    if "roles" not in state:
        out, seen = [], set()
        for e in doc_ents(ctx.doc):
            if e.label_ not in ("PERSON", "ORG") or not ctx.text[e.start_char:e.end_char].strip():
                continue
            role, aff = ctx.role_of(e.root)
            ns = ctx.name_span(e.root)
            if role and ns and ns not in seen:
                seen.add(ns)
                out.append({"start": ns[0], "end": ns[1], "role": role, "aff": aff})
        state["roles"] = out
    return state["roles"]


def _resolve_pronoun(ctx: _Ctx, tok, state: dict) -> dict | None:
    """Antecedent of a pronoun speaker: the latest quote speaker when no person
    was named since, else the nearest preceding person mention (subjects first)."""
    pos = tok.idx
    if tok.lower_ in sp.PRONOUNS_SELF:
        return None
    last = _last_before(state, pos)
    if tok.lower_ in sp.PRONOUNS_GROUP:
        if last and last.get("start") is not None and last["start"] < pos:
            return last
        return None
    persons = _persons(ctx, state)
    ends = state["person_ends"]
    n = bisect.bisect_right(ends, pos)  # persons[:n] end at or before pos
    if last and last.get("start") is not None and last["start"] < pos:
        k = bisect.bisect_right(state["person_starts"], last["start"])
        if not any(m["subj"] for m in persons[k:n]):
            return last
    if n:
        subj = [m for m in persons[max(0, n - 3):n] if m["subj"]]
        return subj[-1] if subj else persons[n - 1]
    return None


def _resolve_descriptor(ctx: _Ctx, tok, state: dict) -> dict | None:
    """The person the article introduced with the role a descriptor names
    ("the presidential aide" → "Hikmat Hajiyev, Assistant to the President")."""
    head, mods = sp.descriptor_words(tok)
    key = (head, frozenset(mods))
    cache = state.setdefault("descriptor_matches", {})
    if key not in cache:  # role scores do not depend on the position: once per descriptor
        cache[key] = [(sc, m) for m in _roles(ctx, state) if (sc := sp.role_score(head, mods, m["role"]))]
    best, best_score = None, 0
    for sc, m in cache[key]:
        sc = sc * 10 + (1 if m["start"] < tok.idx else 0)
        if sc > best_score:
            best, best_score = m, sc
    return best


def _cue_info(ctx: _Ctx, verb) -> dict:
    """Cue word, its span, and the time expression of its clause ("on Friday")."""
    date_text = None
    for c in verb.children:
        if c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME")]
            if objs:
                date_text = ctx.text[c.idx:objs[0].right_edge.idx + len(objs[0].right_edge.text)]
                break
        if c.dep_ in ("npadvmod", "tmod") and c.ent_type_ in ("DATE", "TIME"):
            date_text = ctx.text[c.left_edge.idx:c.right_edge.idx + len(c.right_edge.text)]
            break
    return {"cue": verb.text, "cue_start": verb.idx, "cue_end": verb.idx + len(verb.text), "date_text": date_text}


def _subject(ctx: _Ctx, verb):
    """The cue's subject in the cue's own paragraph (:func:`speakers.subject_of`);
    where the parse ran across a line break (a headline without a full stop), the
    name or nominal right before the cue at the start of its line."""
    pi = ctx.para_of(verb.idx)
    subj = sp.subject_of(verb)
    if subj is not None and ctx.para_of(subj.idx) == pi:
        return subj
    k = verb.i - 1
    while k >= 0 and ctx.doc[k].pos_ == "ADV":
        k -= 1
    if k < 0:
        return None
    t = ctx.doc[k]
    if t.pos_ in ("PROPN", "NOUN", "PRON") and ctx.para_of(t.idx) == pi:
        left = t.idx
        if t.pos_ == "PROPN":
            ns = ctx.name_span(t)
            left = ns[0] if ns else t.idx
        if not ctx.text[ctx.paras[pi].start:left].strip():
            return t
    return None




def _comma_near_end(text: str) -> bool:
    r"""Whether a comma in ``text`` is followed by one to four words up to its
    end ("…, News.Az" before a relay cue): the test of the pattern
    ``,\s*\S+(\s+\S+){0,3}\s*$``, done on the last five words so that a long
    run of commas is read once (the pattern retried it from each comma)."""
    last = text.rsplit(None, 5)[-5:]
    for k, word in enumerate(reversed(last), 1):  # k: the word's place from the end
        if ("," in word[:-1] and k <= 4) or (word.endswith(",") and 2 <= k <= 5):
            return True  # k words follow a comma inside the word; k - 1 follow one at its end
    return False


def _speaker_fields(spk: dict) -> dict:
    """The ``speaker_*`` fields of a Quote from a speaker record."""
    return {"speaker_text": spk["text"], "speaker_start": spk["start"], "speaker_end": spk["end"],
            "speaker_role": spk.get("role"), "speaker_affiliation": spk.get("aff")}


def _relay_fields(relay: dict) -> dict:
    """The ``relayed_by_*`` fields of a Quote from a :func:`_relay_of` record."""
    return {"relayed_by_text": relay["text"], "relayed_by_start": relay["start"], "relayed_by_end": relay["end"]}


def _relay_of(ctx: _Ctx, verb) -> dict | None:
    """A relaying outlet for a cue: "X said …, Y reports" (Y's cue governs X's, or
    closes the same paragraph right after X's clause)."""
    lex = ctx.lex
    h = verb.head
    cand = None
    if verb.dep_ in ("ccomp", "parataxis") and h.i != verb.i and ctx.cue_lemma(h) in lex.relay:
        cand = h
    else:
        # parse split at a dotted name ("News.Az reports."): look right in the paragraph
        p = ctx.paras[ctx.para_of(verb.idx)]
        stop = ctx.sentence_end(verb.i)
        if stop < len(ctx.doc):
            stop = ctx.sentence_end(stop)  # this sentence and the next
        stop = min(stop, bisect.bisect_left(ctx.tok_starts, p.end))  # and the paragraph
        for k in ctx.relay_cues[bisect.bisect_right(ctx.relay_cues, verb.i):]:
            if k >= stop:
                break
            t = ctx.doc[k]
            if not any(c.dep_ == "ccomp" for c in t.children) and ctx.text[verb.idx:t.idx].count(",") >= 1:
                between = ctx.text[verb.idx + len(verb.text):t.idx]
                if between.rstrip().endswith((",",)) or _comma_near_end(between):
                    cand = t
                    break
    if cand is None:
        return None
    subj = _subject(ctx, cand)
    if subj is None:
        subj = next((t for t in reversed(list(ctx.toks_in(cand.idx - 40, cand.idx))) if t.pos_ == "PROPN"), None)
    if subj is None:
        return None
    ns = ctx.name_span(subj) or (sp.word_span(subj) if subj.text[:1].isupper() else None)
    if ns is None:
        return None
    return {"text": ctx.text[ns[0]:ns[1]], "start": ns[0], "end": ns[1], "cue_tok": cand}


_DASH_ATTRIBUTION = re.compile(r"\s*[—–-]\s*(\S.*)$")  # "…” — Deputy Minister X"


def _attribute_tail(ctx: _Ctx, close_pos: int, state: dict):
    """Speaker after a closing mark: "…,” X, the adviser, wrote" / "…,” said X" /
    "…” — Deputy Minister X". Returns (speaker, cue verb token) or (None, None)."""
    text = ctx.text
    p = ctx.paras[ctx.para_of(close_pos)]
    tail = text[close_pos + 1:min(p.end, close_pos + 161)]  # a bounded window: no per-quote paragraph copy
    m = _DASH_ATTRIBUTION.match(tail) if p.end - close_pos - 1 < 160 else None
    if m:
        s = close_pos + 1 + m.start(1)
        toks = list(ctx.toks_in(s, p.end))
        for t in [t for t in toks if t.ent_type_ in ("PERSON", "ORG")] + toks:
            ns = ctx.name_span(t)
            if ns is not None:
                role = text[s:ns[0]].strip(" ,") or None
                return ({"text": text[ns[0]:ns[1]], "start": ns[0], "end": ns[1], "role": role, "aff": None}, None)
        return None, None
    if re.match(r"\s*[,.]?\s*$", tail[:1]) is None and not tail[:1].isspace() and tail[:1] not in ",.":
        return None, None
    end_tail = _sentence_end(text, close_pos + 1, p.end)
    r = ctx.tok_range(close_pos + 1, end_tail)
    for k in range(r.start, r.stop):
        if k in ctx.cue_lemmas:
            t = ctx.doc[k]
            if t.idx - close_pos > 200:
                break
            if text[close_pos - 1] in ".!?" and any(c.dep_ == "ccomp" for c in t.children):
                break  # "“… tragedy.” X told reporters that …": a new sentence with its own content
            subj = _subject(ctx, t)
            if subj is not None and subj.idx > close_pos:
                return _speaker_from_subject(ctx, subj, state), t
    return None, None


_SENT_END = re.compile(r"[.!?](\s|$)")


def _sentence_end(text: str, s: int, limit: int) -> int:
    """Offset just after the first sentence end in ``text[s:limit]``, else ``limit``."""
    m = _SENT_END.search(text, s, limit)
    return m.end() if m else limit


def _rstrip_pos(text: str, s: int, e: int) -> int:
    """``e`` moved left over whitespace, not below ``s`` (``s + len(text[s:e].rstrip())``)."""
    while e > s and text[e - 1].isspace():
        e -= 1
    return e


def _according_to(tok):
    """The object of "according to" (``tok`` is "according"), or ``None``."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def _attribute_head(ctx: _Ctx, open_pos: int, state: dict):
    """Speaker before an opening mark: "X said: “…”", "X told civilians: “…”",
    "According to X, “…”"; also a previous paragraph ending in a colon."""
    text = ctx.text
    pi = ctx.para_of(open_pos)
    p = ctx.paras[pi]
    lead_end = _rstrip_pos(text, p.start, open_pos)
    if lead_end == p.start and pi > 0 and ctx.paras[pi - 1].text.rstrip().endswith(":"):
        p = ctx.paras[pi - 1]
        lead_end = _rstrip_pos(text, p.start, p.end)
    if lead_end == p.start or text[lead_end - 1] not in ":,":
        return None, None
    s = max(p.start, lead_end - 300)
    m = list(re.finditer(r"[.!?]\s", text[s:lead_end]))
    if m:
        s = s + m[-1].end()
    r = ctx.tok_range(s, lead_end)
    for k in reversed(range(r.start, r.stop)):
        if k not in ctx.cue_lemmas and k not in ctx.according:
            continue
        t = ctx.doc[k]
        if ctx.cue_lemma(t):
            subj = _subject(ctx, t)
            if subj is not None:
                return _speaker_from_subject(ctx, subj, state), t
        if t.lower_ == "according":
            obj = _according_to(t)
            if obj is not None:
                return _speaker_from_subject(ctx, obj, state), t
    return None, None


def _governing_cue(ctx: _Ctx, seg: Seg):
    """For a quote inside a sentence ("X said Baku is ready to help “wounded …”"),
    the cue verb above it in the parse and its subject."""
    toks = [t for t in ctx.toks_in(seg.start, seg.end) if not t.is_space]
    if not toks:
        return None, None
    p = ctx.paras[seg.para]
    outside = [t for t in toks if not (seg.start <= t.head.idx < seg.end)]
    t = outside[0].head if outside else toks[0].head
    for _ in range(8):
        if not (p.start <= t.idx < p.end):
            break
        if ctx.cue_lemma(t) and not (seg.start <= t.idx < seg.end):
            subj = _subject(ctx, t)
            if subj is not None and not (seg.start <= subj.idx < seg.end) and p.start <= subj.idx < p.end:
                return subj, t
        if t.head.i == t.i:
            break
        t = t.head
    return None, None


# --- interview layout ----------------------------------------------------------------
def find_interview(ctx: _Ctx, state: dict) -> tuple[set[int], dict | None, dict | None]:
    """Question paragraphs (indices), the interviewer and the interviewee.

    A question paragraph follows a "Question N" heading or starts with "Q:"; the
    interviewer is the object of "told X" / "in an interview with X" when X is a
    name, and the interviewee that cue's subject. Returns (indices, interviewer,
    interviewee); unknown parties are ``None``.
    """
    lex = ctx.lex
    qs: set[int] = set()
    after_heading = False
    for pi, p in enumerate(ctx.paras):
        t = p.text.strip()
        if lex.question_heading.match(t):
            after_heading = True
            continue
        if lex.question_prefix.match(t):
            qs.add(pi)
            after_heading = False
            continue
        if after_heading:
            gap = ctx.article.text[ctx.paras[pi - 1].end:p.start]
            if t[:1] in "“\"«„" or _is_heading(p, lex) or gap.strip() or gap.count("\n") > 3:
                after_heading = False
                continue
            qs.add(pi)
            after_heading = False
    interviewer = interviewee = None
    for i in ctx.told:
        if ctx.text[ctx.tok_starts[i]:ctx.tok_starts[i] + 1].strip():
            t = ctx.doc[i]
            obj = next((c for c in t.children if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN"), None)
            if obj is not None:
                ns = ctx.name_span(obj)
                if ns:
                    np = sp.noun_phrase(obj)
                    interviewer = {"text": ctx.text[np[0]:np[1]], "start": ns[0], "end": ns[1], "role": None, "aff": None}
                    subj = _subject(ctx, t)
                    if subj is not None:
                        interviewee = _speaker_from_subject(ctx, subj, state)
                    break
    return qs, interviewer, interviewee


# --- indirect ------------------------------------------------------------------------
def _span_of(toks) -> tuple[int, int]:
    toks = [t for t in toks if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].lower_ in ("that",) and toks[0].dep_ == "mark"):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return 0, 0
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _content(ctx: _Ctx, verb, lemma: str):
    """Content span of a cue verb: its ``ccomp`` subtree; for an inverted cue
    ("They won't face harm, X emphasizes") its head clause; for NP-content verbs
    the object and its modifiers. ``None`` when the content is missing or a bare
    pronoun ("what the commander said")."""
    p = ctx.paras[ctx.para_of(verb.idx)]

    def clip(toks):
        return [t for t in toks if p.start <= t.idx < p.end]

    if any(c.tag_ in ("WP", "WDT") and c.dep_ in ("dobj", "nsubj") for c in verb.children):
        return None  # "what the commander said": the words are not given
    cc = [c for c in verb.children if c.dep_ == "ccomp"]
    if cc:
        toks = clip(cc[0].subtree)
        if not toks or toks[0].tag_ in ("WP", "WDT") or len(toks) < 3:
            return None
        return _span_of(toks)
    if verb.dep_ in ("parataxis",) or (verb.dep_ == "ccomp" and verb.head.i < verb.i):
        h = verb.head
        if h.pos_ in ("VERB", "AUX") and h.i < verb.i:
            toks = clip(t for t in h.subtree if t.i < verb.left_edge.i)
            if len(toks) >= 3 and "," in ctx.text[toks[-1].idx:verb.idx]:
                return _span_of(toks)
    if lemma in ctx.lex.np_content:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.tag_ not in ("WP", "WDT", "PRP"):
            verb_sent_end = ctx.sentence_end(verb.i)  # same sentence: same end (``t.sent == verb.sent``)
            toks = clip(t for t in verb.subtree if t.i >= obj.i and ctx.sentence_end(t.i) == verb_sent_end)
            if len(toks) >= 3:
                return _span_of(toks)
    return None


def _passive_participle(verb) -> bool:
    """A cue verb in a participial clause with no subject or auxiliary of its own
    ("Asked whether …, X replied", "When questioned about …"): its words are put to
    the main clause's subject, who is not their speaker. "Having said that …" (an
    auxiliary) is active and does not count."""
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "aux") for c in verb.children)


def find_indirect(ctx: _Ctx, direct_spans: list[tuple[int, int]], used_cues: set[int], state: dict) -> list[Quote]:
    """Reported speech found on the dependency parse (see module doc)."""
    art = ctx.article
    out: list[Quote] = []
    relays: set[int] = set()

    # character masks (built once per article) instead of a scan of every span per token
    n = len(ctx.text)
    direct_mask = bytearray(n + 1)
    for a, b in direct_spans:
        direct_mask[a:b] = b"\x01" * max(0, b - a)
    taken_mask = bytearray(n + 1)

    def inside_direct(s, e):
        return direct_mask.count(1, s, e) >= 0.5 * (e - s)  # direct characters in text[s:e]

    def in_direct(pos):
        return direct_mask[pos] == 1

    # only cue verbs and "according" can start an indirect quote: no Token for the others
    candidates = sorted(ctx.cue_lemmas.keys() | ctx.according)
    for i in candidates:
        idx = ctx.tok_starts[i]
        if i in used_cues or i in relays or not ctx.text[idx:idx + 1].strip():
            continue
        if in_direct(idx) or taken_mask[idx]:
            continue
        tok = ctx.doc[i]
        lemma = ctx.cue_lemmas.get(i)
        subj = None
        if lemma and _passive_participle(tok):
            continue  # "Asked whether the plant would reopen, X replied …": the question is the interviewer's
        if lemma:
            span = _content(ctx, tok, lemma)
            if span is None:
                continue
            subj = _subject(ctx, tok)
            if subj is None or ctx.para_of(subj.idx) != ctx.para_of(tok.idx):
                continue
        elif tok.lower_ == "according" and tok.dep_ == "prep":
            subj = _according_to(tok)
            if subj is None or not (subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or
                                    subj.lower_ in ctx.lex.person_nouns | ctx.lex.org_nouns):
                continue
            h = tok.head
            toks = [t for t in h.subtree if not (tok.left_edge.i <= t.i <= tok.right_edge.i)]
            span = _span_of(toks)
            lemma = "according to"
        else:
            continue
        s, e = span
        if e - s < 8 or inside_direct(s, e) or s <= subj.idx < e and lemma != "according to":
            continue
        spk = _speaker_from_subject(ctx, subj, state)
        info = _cue_info(ctx, tok)
        relay = _relay_of(ctx, tok) if lemma != "according to" else None
        if relay:
            relays.add(relay["cue_tok"].i)
        q = Quote(article=art.id, start=s, end=e, text=art.text[s:e], kind="indirect",
                  **_speaker_fields(spk),
                  cue=("according to" if lemma == "according to" else info["cue"]),
                  cue_start=info["cue_start"], cue_end=info["cue_end"] if lemma != "according to" else info["cue_start"] + len("according to"),
                  date_text=info["date_text"], confidence=0.85 if spk["start"] is not None else 0.7,
                  **(_relay_fields(relay) if relay else {}))
        out.append(q)
        taken_mask[s:e] = b"\x01" * (e - s)
        if spk["start"] is not None:
            _record(state, tok.idx, spk, _sentence_end(ctx.text, max(e, tok.idx), ctx.paras[ctx.para_of(tok.idx)].end))
    # an outer relay cue that took its own quote: drop it
    return [q for q in out if q.cue_start is None or ctx.tok_at(q.cue_start).i not in relays]


# --- follow-on quotes ----------------------------------------------------------------
_CLOSERS = "\"'”’»)]›"


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (right-stripped) ends a sentence: ``.``, ``!``,
    ``?`` or ``…``, possibly followed by closing marks or brackets."""
    k = end
    while k > start and text[k - 1] in _CLOSERS:
        k -= 1
    return k > start and text[k - 1] in ".!?…"


def _attribution_end(ctx: _Ctx, last: Seg, spk: dict | None, cue_tok) -> int:
    """Where a direct quote and its attribution end in its last paragraph: the end
    of the cue's sentence when the cue or the named speaker follows the quote
    ("…,” spokeswoman Helena Strand said."), else just after the closing mark."""
    end = last.close_pos + 1 if last.close_pos is not None else last.end
    p = ctx.paras[last.para]
    after = [x for x in ((cue_tok.idx if cue_tok is not None else None),
                         (spk or {}).get("start")) if x is not None and end <= x < p.end]
    if after:
        end = _sentence_end(ctx.text, max(after), p.end)
    return end


def _named(ctx: _Ctx, state: dict) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Person and organisation mentions of the body as (start, end, lower-case text),
    sorted, with their starts for bisect."""
    if "named" not in state:
        ents = sorted((e.start_char, e.end_char, e.text.lower()) for e in doc_ents(ctx.doc)
                      if e.label_ in ("PERSON", "ORG") and e.text.strip())
        state["named"] = ([e[0] for e in ents], ents)
    return state["named"]


def _other_named(ctx: _Ctx, state: dict, s: int, e: int, spk: dict) -> bool:
    """Whether ``text[s:e]`` names a person or organisation other than the speaker
    (a mention of the speaker's own name or a part of it, "Strand", does not count)."""
    starts, ents = _named(ctx, state)
    own = set(re.findall(r"\w+", (spk.get("text") or "").lower()))
    if spk.get("start") is not None:
        own |= set(re.findall(r"\w+", ctx.text[spk["start"]:spk["end"]].lower()))
    for k in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)):
        a, b, words = ents[k]
        if b > e or spk.get("start") is not None and a < spk["end"] and spk["start"] < b:
            continue
        if not set(re.findall(r"\w+", words)) <= own:
            return True
    return False


def _continues(ctx: _Ctx, state: dict, last_para: int, attr_end: int, spk: dict, segs: list[Seg],
               questions: set[int]) -> bool:
    """Whether an unattributed direct quote (``segs``) continues an attributed quote
    whose attribution ends at ``attr_end`` in paragraph ``last_para`` (journalistic
    convention: an unattributed quote keeps the last speaker). In the same
    paragraph: when no other person or organisation is named between that
    attribution and this quote. In the next paragraph (interview questions in
    between are skipped): when this paragraph opens with the quote and names no one
    else outside it, and nothing named follows the attribution in its paragraph."""
    first = segs[0]
    if first.para < last_para or first.para - last_para > 6 or \
            first.para > last_para and _prev_para(ctx, first.para, questions) != last_para:
        return False
    open_at = first.open_pos if first.open_pos is not None else first.start
    if first.para == last_para:
        return not _other_named(ctx, state, attr_end, open_at, spk)
    p = ctx.paras[first.para]
    if _rstrip_pos(ctx.text, p.start, open_at) > p.start:
        return False  # words before the quote: not a bare quote paragraph
    in_para = [x for x in segs if x.para == first.para]
    q_end = max((x.close_pos + 1 if x.close_pos is not None else x.end) for x in in_para)
    return not (_other_named(ctx, state, attr_end, ctx.paras[last_para].end, spk)
                or _other_named(ctx, state, q_end, p.end, spk))


def _latest_speaker(ctx: _Ctx, state: dict, segs: list[Seg], questions: set[int]) -> dict | None:
    """The speaker of the latest recorded quote (direct or indirect) before an
    unattributed one, when the quote continues it by the journalistic convention
    (:func:`_continues`); else ``None``."""
    last_at = _last_before(state, segs[0].start, with_end=True)
    if last_at and _continues(ctx, state, ctx.para_of(last_at[1]), last_at[1], last_at[0], segs, questions):
        return last_at[0]
    return None


def _after_indirect_speakers(ctx: _Ctx, state: dict, direct: list[Quote],
                             unattributed: list[tuple[list[Seg], int]], questions: set[int]) -> None:
    """Give a direct quote that found no speaker the speaker of the reported
    speech just before it, once indirect quotes are known (they are found after
    the direct ones): "The minister said the talks had failed. ¶ “We will not
    return.”" — the same rule as for quotes (:func:`_latest_speaker`),
    confidence 0.6. The ``Quote`` records of each run are
    replaced in ``direct``."""
    for segs, k in unattributed:
        spk = _latest_speaker(ctx, state, segs, questions)
        if spk is None:
            continue
        fields = _speaker_fields(spk)
        for j, seg in enumerate(segs):
            q = direct[k + j]
            direct[k + j] = q.model_copy(update=dict(fields, confidence=round(min(seg.conf, 0.6), 2)))
        _record(state, segs[0].start, spk, _attribution_end(ctx, segs[-1], spk, None))


# --- main ----------------------------------------------------------------------------
def extract_quotes(article: Article, doc, posts: list[Quote]) -> list[Quote]:
    """Posts (kept as given) plus the direct, indirect and question quotes of one article.

    Parameters
    ----------
    article : the article; ``article.removed`` spans are skipped.
    doc : spaCy ``Doc`` over the article's body (``annotate.body_text``): same
        length and character offsets as ``article.text``, removed spans blanked.
    posts : embedded posts found by cleaning (kind ``post``); quotes inside them
        are not extracted again.

    Returns
    -------
    list[Quote] : sorted by ``start``; offsets are code points into
        ``article.text``; ``text == article.text[start:end]`` (quoted words without
        the marks); ``speaker`` is ``None`` (the entity linker fills it).

    Never raises on malformed text: unbalanced marks give the most plausible
    pairing with a lower ``confidence``.
    """
    ctx = _Ctx(article, doc)
    state: dict = {}
    post_spans = [(p.start, p.end) for p in posts]
    questions, interviewer, interviewee = find_interview(ctx, state)
    runs = find_direct(ctx, questions)

    def in_post(s, e):
        return any(a <= s and e <= b for a, b in post_spans)

    out: list[Quote] = list(posts)
    direct: list[Quote] = []
    used_cues: set[int] = set()
    prev_run: Run | None = None
    unattributed: list[tuple[list[Seg], int]] = []  # (segments, index of their first Quote in ``direct``)
    for run in runs:
        segs = [s for s in run.segs if not in_post(s.start, s.end)]
        if not segs:
            continue
        first, last = segs[0], segs[-1]
        spk, cue_tok, conf = None, None, 0.95
        # words before the opening mark in its paragraph, not ending in a colon (no paragraph copy)
        p0, at = ctx.paras[first.para].start, (first.open_pos if first.open_pos is not None else first.start)
        before = _rstrip_pos(ctx.text, p0, at)
        has_lead = before > p0 and ctx.text[before - 1] != ":"
        # a quote that starts a new sentence after others ("…, he said. “Nobody listened.”") is not partial
        partial = has_lead and not _ends_sentence(ctx.text, p0, before)
        n_words = sum(len(ctx.text[s.start:s.end].split()) for s in segs)
        if last.close_pos is not None:
            spk, cue_tok = _attribute_tail(ctx, last.close_pos, state)
        if spk is None and first.open_pos is not None:
            spk, cue_tok = _attribute_head(ctx, first.open_pos, state)
        if spk is None and has_lead:
            subj, v = _governing_cue(ctx, first)
            if subj is not None:
                spk, cue_tok = _speaker_from_subject(ctx, subj, state), v
                conf = 0.85
        if cue_tok is not None and not partial:
            used_cues.add(cue_tok.i)
        scare = partial and n_words <= ctx.lex.scare_max_words and len(segs) == 1 and \
            (cue_tok is None or ctx.cue_lemma(cue_tok) not in ("describe", "call"))
        if spk is None and not partial:
            # a run of quoted paragraphs of one speaker: inherit from the previous quote
            if prev_run is not None and prev_run.speaker and prev_run.segs and \
                    _continues(ctx, state, prev_run.segs[-1].para, prev_run.attr_end, prev_run.speaker, segs, questions):
                spk, conf = dict(prev_run.speaker), 0.75
            elif interviewee is not None and questions:
                spk, conf = dict(interviewee), 0.7
            elif (latest := _latest_speaker(ctx, state, segs, questions)) is not None:
                spk, conf = dict(latest), 0.6
        relay = _relay_of(ctx, cue_tok) if cue_tok is not None else None
        info = _cue_info(ctx, cue_tok) if cue_tok is not None else {}
        run.speaker = spk if not scare else None
        run.attr_end = _attribution_end(ctx, last, spk, cue_tok)
        if spk and spk.get("start") is not None and not scare:
            _record(state, first.start, spk, run.attr_end)
        if scare:  # a term: the sentence's comma is not part of it ("operation,”)
            for s in segs:
                while s.end > s.start and ctx.text[s.end - 1] in ",;:":
                    s.end -= 1
        # the fields every segment shares, so that each Quote is built (and validated) once
        shared: dict = {}
        if spk:
            shared.update(_speaker_fields(spk))
        if info:
            shared.update(cue=info["cue"], cue_start=info["cue_start"], cue_end=info["cue_end"], date_text=info["date_text"])
        if relay:
            shared.update(_relay_fields(relay))
        if spk is None and not partial and not scare:
            unattributed.append((segs, len(direct)))
        for s in segs:
            direct.append(Quote(article=article.id, start=s.start, end=s.end, text=article.text[s.start:s.end],
                                kind="direct", scare=scare, confidence=round(min(s.conf, conf if spk else 0.5), 2),
                                **shared))
        if not scare:
            prev_run = run

    for pi in sorted(questions):
        p = ctx.paras[pi]
        if in_post(p.start, p.end):
            continue
        m = ctx.lex.question_prefix.match(p.text)
        s = p.start + (m.end() if m else 0)
        asker = {"speaker_text": interviewer["text"], "speaker_start": interviewer["start"],
                 "speaker_end": interviewer["end"]} if interviewer else {}
        out.append(Quote(article=article.id, start=s, end=p.end, text=article.text[s:p.end], kind="question",
                         confidence=0.8, **asker))

    direct_spans = [(q.start, q.end) for q in direct]
    q_spans = [(ctx.paras[pi].start, ctx.paras[pi].end) for pi in questions]
    indirect = [q for q in find_indirect(ctx, direct_spans + q_spans, used_cues, state) if not in_post(q.start, q.end)]
    _after_indirect_speakers(ctx, state, direct, unattributed, questions)
    out += direct + indirect
    out.sort(key=lambda q: (q.start, q.end))
    return out

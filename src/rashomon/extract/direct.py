"""Direct quotes: quotation marks of any style paired into runs over paragraphs.

Words inside quotation marks of any style (“ ” " « » ‘ ’ „). Marks are paired
by a small state machine over each paragraph, not by a regex that assumes
balance: apostrophes inside words never count, nor do straight double marks
inside a token (5"x7) or inch signs (a 12" pipe, when no quote is open); only
the first closer of a paragraph may close a quote opened before it; a quote
that runs over several paragraphs by the journalistic convention (an opening
mark on each paragraph, a closing one only at the end) is one :class:`Run`
with one segment per paragraph; a quote interrupted by removed furniture,
interview questions or photo captions is resumed; stray or unbalanced marks
never raise (a line that opens and never closes is a quote to the end of its
paragraph, confidence 0.5).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rashomon.extract.docindex import DocIndex, Para, trim_blank
from rashomon.extract.speakers import Speaker

D_OPEN = "“„«‟〝"
D_CLOSE = "”»〞"
S_OPEN = "‘‚‹"
S_CLOSE = "’›"
MARKS = set(D_OPEN + D_CLOSE + S_OPEN + S_CLOSE + "\"'`")
OPEN_CTX = " \t\n([{—–-/:;,"   # chars after which a mark opens
CLOSE_CTX = " \t\n)]}.,;:!?—–-/…"  # chars before which a mark closes
_MARK_RE = re.compile("[" + re.escape("".join(sorted(MARKS))) + "]")
_TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,300}>")  # a markup tag left in the text


@dataclass
class Mark:
    """A quotation mark at ``pos``; ``width`` 2 for a doubled apostrophe or
    backtick used as a double mark (''…'' and ``…'', the ASCII style of some
    newswire archives)."""

    pos: int
    ch: str
    double: bool
    can_open: bool
    can_close: bool
    width: int = 1

    @property
    def end(self) -> int:
        return self.pos + self.width


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
    speaker: Speaker | None = None
    attr_end: int | None = None  # end of the quote's attribution (its cue sentence after the quote)
    cue_at: int | None = None  # offset of the quote's cue word



def _is_word(c: str) -> bool:
    return c.isalnum()


def classify_marks(text: str, start: int, end: int) -> list[Mark]:
    """The quotation marks of ``text[start:end]`` with whether each can open or
    close a quote, from its glyph and the characters around it; apostrophes inside
    words (Baku’s, isn't), elisions ('90s) and the delimiters of markup tags left
    in the text (``<tweet id="…">``) are left out."""
    out: list[Mark] = []
    skip = -1
    tags = [(m.start(), m.end()) for m in _TAG.finditer(text, start, end)] if text.find("<", start, end) >= 0 else []
    for found in _MARK_RE.finditer(text, start, end):
        i = found.start()
        if i <= skip or tags and any(a < i < b for a, b in tags):
            continue  # an attribute's delimiter inside left-over markup (<tweet id="…">) is no quotation mark
        ch = text[i]
        if text.startswith(("''", "``"), i) and i + 1 < end:
            skip = i + 1  # a doubled mark: one double quotation mark
            prev = text[i - 1] if i > start else " "
            nxt = text[i + 2] if i + 2 < end else " "
            opens = ch == "`" or prev in OPEN_CTX or prev in MARKS or not _is_word(nxt) and nxt not in CLOSE_CTX
            closes = ch == "'" and (nxt in CLOSE_CTX or nxt in MARKS or not (prev in OPEN_CTX))
            out.append(Mark(i, '"', True, opens and not (closes and _is_word(prev)), closes or not opens, 2))
            continue
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


def _after_mark(text: str, pos: int) -> int:
    """The offset after the opening mark at ``pos`` (two characters for '' or ``)."""
    return pos + (2 if text.startswith(("''", "``"), pos) else 1)


def _inch_mark(text: str, m: Mark) -> bool:
    """A straight double mark right after a digit that no open quote awaits
    (6'2", a 12"-wide pipe): the inch sign, not a quotation mark."""
    return m.ch == '"' and m.pos > 0 and text[m.pos - 1].isdigit()



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
    skip = _nested_doubles(marks)
    for k, m in enumerate(marks):
        if k in skip:
            continue
        if m.double:
            if open_d is None:
                if m.can_open:
                    open_d = m
                    open_s = None
                elif m.can_close and not seen_double and not _inch_mark(text, m):
                    # a closer with no opener before it in the paragraph: the
                    # quote began earlier (or its opener is missing)
                    s, e = trim_blank(text, p.start, m.pos)
                    if e > s:
                        orphans.append(Seg(s, e, pi, None, m.end - 1, 0.5))
            else:
                if m.can_close:
                    s, e = trim_blank(text, open_d.end, m.pos)
                    if e > s:
                        segs.append(Seg(s, e, pi, open_d.pos, m.end - 1, 1.0))
                    open_d = None
                elif m.can_open:  # a new opener while one is open: the first never closed
                    s, e = trim_blank(text, open_d.end, m.pos)
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
                s, e = trim_blank(text, open_s.end, m.pos)
                if e > s:
                    segs.append(Seg(s, e, pi, open_s.pos, m.pos, 0.9))
                open_s = None
    return segs, orphans, (open_d.pos if open_d is not None else None), first_open


def _nested_doubles(marks: list[Mark]) -> set[int]:
    """Indices of curly double marks nested inside a curly double quote (“… calls
    “hell” than …”): an opening mark while one is open, whose closer is followed
    by another closer before any new opener, quotes inside the quote, as single
    marks would (Chicago Manual of Style 6.11; web text often keeps double marks
    for both levels). Both marks of the nested pair are returned."""
    skip: set[int] = set()
    depth_open = False
    k = 0
    while k < len(marks):
        m = marks[k]
        if not m.double:
            k += 1
            continue
        if not depth_open:
            depth_open = m.can_open and m.ch == "“"
        elif m.ch == "“" and m.can_open and not m.can_close:
            closers = []
            for j in range(k + 1, len(marks)):
                if not marks[j].double:
                    continue
                if marks[j].ch != "”" or not marks[j].can_close:
                    break
                closers.append(j)
            if len(closers) >= 2:
                skip.update((k, closers[0]))
                k = closers[0] + 1
                continue
        elif m.can_close:
            depth_open = False
        k += 1
    return skip


def is_heading(p: Para, lex) -> bool:
    """A short line without closing punctuation ("Question 1", a section title)."""
    t = p.text.strip()
    if lex.question_heading.match(t):
        return True
    words = t.split()
    return len(words) <= 16 and not re.search(r"[.!?:;”\"’»]$", t)


def _verbal(ctx: DocIndex, p: Para) -> bool:
    """Whether a paragraph has a finite verb (captions and credits do not)."""
    for t in ctx.toks_in(p.start, p.end):
        if t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return True
    return False


def _question_para(ctx: DocIndex, p: Para) -> bool:
    t = p.text.strip()
    return t.endswith("?") or bool(ctx.lex.question_prefix.match(t))


def find_direct(ctx: DocIndex, questions: set[int]) -> list[Run]:
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
                    s, e = trim_blank(text, _after_mark(text, unclosed), p.end)
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
                if is_heading(p, ctx.lex) or _question_para(ctx, p) or not _verbal(ctx, p):
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
            if last_closed is not None and last_closed.segs[-1].para == prev_para(ctx, pi, questions):
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
            s, e = trim_blank(text, _after_mark(text, unclosed), p.end)
            if e > s:
                pending = Run([Seg(s, e, pi, unclosed, None, 0.5)])
    if pending is not None:
        runs.append(pending)
    runs.sort(key=lambda r: r.segs[0].start)
    return runs


def prev_para(ctx: DocIndex, pi: int, skip: set[int]) -> int:
    k = pi - 1
    while k >= 0 and k in skip:
        k -= 1
    return k

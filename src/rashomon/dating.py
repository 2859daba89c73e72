"""Dating one article: its reference date, its resolved date expressions,
the events they date, and the dates of its quotes and claims.

:func:`resolve_article` finds every date/time expression in the body
(:mod:`rashomon.temporal`), fixes the article's reference date (its
publication date, else a time of writing the text itself fixes: see
:func:`reference_date`), resolves relative expressions against it, names the
event each expression dates (:mod:`rashomon.event_labels`), and dates quotes
from their cue clause and claims from the expressions they contain.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from datetime import date, timedelta

from rashomon import temporal
from rashomon.annotate import body_text, doc_text
from rashomon.event_labels import clause_label, date_clause_label, event_of, lexicon
from rashomon.metadata import dateline_date
from rashomon.types import Article, Claim, Evidence, Quote, TemporalExpression, TimeRange

__all__ = ["ANCHOR_WINDOW", "NEAR_YEAR", "ByStart", "reference_date", "resolve_article"]

_SIGNATURE = re.compile(
    r"(?m)^[ \t]*[—–-]{1,2}[ \t]*(?P<author>[^\n()@]{2,80}?)[ \t]*\(@(?P<handle>\w{1,30})\)[ \t]*(?P<rest>[^\n]{0,60})$")
_STAMP_LINE = re.compile(
    r"(?im)^[^\w\n]{0,3}(?:(?:first|last|date)[^\S\n]{1,3})?(?:published|posted|updated|modified)\b")
"""The opening every :data:`_STAMP` line has: without one, no date of the
text can be a stamp, and the raw text is not scanned for dates at all (the
body's scan is the one the rest of dating reads)."""
_STAMP_LINE_AFTER_BREAK = re.compile(r"(?i)\n" + _STAMP_LINE.pattern.removeprefix("(?im)^"))
""":data:`_STAMP_LINE` after a line break: a pattern opening with a plain
character is searched for that character first, where ``^`` in multiline
mode is tried at every position."""
_text = doc_text


def _has_stamp_line(text: str) -> bool:
    """Whether ``text`` holds :data:`_STAMP_LINE` (at its start or after a line break)."""
    return _STAMP_LINE.match(text) is not None or _STAMP_LINE_AFTER_BREAK.search(text) is not None


def _signatures(text: str) -> list[tuple[int, int, str, str]]:
    """Embedded-post signature lines ("— Name (@handle) September 22, 2023"):
    ``(date_start, date_end, author, handle)`` with offsets into ``text``."""
    out = []
    for m in _SIGNATURE.finditer(text) if "(@" in text else ():  # every signature holds "(@"
        rest_start = m.start("rest")
        for c in temporal.find(m.group("rest")):
            if c.kind in {"abs", "iso"} and c.day is not None and c.year is not None:
                out.append((rest_start + c.start, rest_start + c.end, m.group("author").strip(), m.group("handle")))
                break
    return out


def reference_date(article: Article, quotes: list[Quote] | None = None) -> tuple[str | None, Evidence | None, bool]:
    """The date relative expressions in ``article`` resolve against: the time of writing.

    Returns ``(iso_value, evidence, inferred)``: ``article.published`` when it
    has day precision (evidence from ``metadata_evidence['published']``,
    inferred False); otherwise a date the text itself fixes as the time of
    writing (:func:`_writing_date`), with its span (inferred True);
    otherwise ``(None, None, False)`` and relative expressions ("today",
    "on Tuesday", "two weeks ago") stay unresolved. A date the story
    mentions as an event is never the reference (TimeML anchors relative
    expressions to the document creation time, Pustejovsky et al. 2003,
    "TimeML: Robust Specification of Event and Temporal Expressions in
    Text"; an event date is not one). Never today's date.
    """
    pub_date, pub_prec = temporal.parse_iso(article.published)
    if pub_date is not None and pub_prec in {"day", "minute"}:
        return article.published, article.metadata_evidence.get("published"), False
    found = _writing_date(article, quotes or [])
    if found is None or (pub_date is not None and not found[3].startswith(article.published or "")):
        if pub_date is not None:  # month or year precision: kept, but no day to count from
            return article.published, article.metadata_evidence.get("published"), False
        return None, None, False
    _d, s, e, val = found
    raw = article.text
    return val, Evidence(start=s, end=e, text=raw[s:e], source="text"), True


_STAMP = re.compile(
    r"(?i)^[^\w\n]{0,3}(?:(?:first|last|date)\s{1,3})?(?P<label>published|posted|updated|modified)\b[^\n]{0,25}$")
"""A publication or update label opening the line a date stands on ("Published: ", "- Last updated ")."""


def _writing_date(article: Article, quotes: list[Quote]) -> tuple[date, int, int, str] | None:
    """A date the text fixes as its time of writing, ``(date, start, end, iso)``.

    In order: a publication stamp (a line opening with "Published"/"Posted"
    and a full date), an update stamp ("Updated …"), a dateline with a full
    date (``PLACE, Month D, YYYY (Wire) -``, ``PLACE, D Month YYYY –``;
    :func:`rashomon.metadata.dateline_date`), the latest embedded post
    whose date is a weekday the text names ("wrote on X on Friday" beside a
    post dated a Friday: the article was written that day), the day of the
    writer's own reporting act (:func:`_writer_act_date`). ``None`` when the
    text fixes none.
    """
    raw = article.text
    stamps: dict[str, tuple[date, int, int, str]] = {}
    for c in temporal.find(raw) if _has_stamp_line(raw) else ():
        if c.kind in {"abs", "iso"} and c.year is not None and c.day is not None:
            line = raw[raw.rfind("\n", 0, c.start) + 1:c.start]
            m = _STAMP.match(line) if len(line) <= 60 else None
            if m:
                kind = "updated" if m.group("label").lower() in {"updated", "modified"} else "published"
                stamps.setdefault(kind, (date(c.year, c.month, c.day), c.start, c.end,
                                         temporal.iso(c.year, c.month, c.day, c.hour, c.minute)))
    if stamps:
        return stamps.get("published") or stamps["updated"]
    if (dl := dateline_date(raw)) is not None:
        d, _prec = temporal.parse_iso(dl[0])
        return d, dl[1], dl[2], dl[0][:10]
    posted: list[tuple[date, int, int, str]] = []
    for s, e, _a, _h in _signatures(raw):
        c = temporal.find(raw[s:e])[0]
        posted.append((date(c.year, c.month, c.day), s, e, temporal.iso(c.year, c.month, c.day)))
    for q in quotes:
        if q.kind == "post" and q.date:
            d, prec = temporal.parse_iso(q.date)
            if d is not None and prec in {"day", "minute"}:
                span = _find_date_near(raw, q.start, q.end + 200, d)
                s, e = span if span else (q.start, q.end)
                posted.append((d, s, e, q.date[:10]))
    if posted:
        named = {c.weekday for c in temporal.find(body_text(article)) if c.kind == "weekday" and not c.forward}
        confirmed = [p for p in posted if p[0].weekday() in named]
        if confirmed:
            return max(confirmed, key=lambda t: (t[0], -t[1]))
    return _writer_act_date(body_text(article), quotes)


_WRITER_ACT = re.compile(
    r"(?i)\b(?:we|I)[ \t]+(?:spoke|talked|met|interviewed|reached|visited|caught[ \t]+up)\b|"
    r"\b(?:spoke|talked)[ \t]+(?:to|with)[ \t]+us\b|\btold[ \t]+us\b")


_ACT_VERB = r"(?:spoke|talked|met|interviewed|reached|visited|caught[ \t]+up)\b"
_WRITER_ACT_LOW = tuple(re.compile(rx) for rx in (
    rf"we(?<!\wwe)[ \t]+{_ACT_VERB}", rf"i(?<!\wi)[ \t]+{_ACT_VERB}",
    r"spoke(?<!\wspoke)[ \t]+(?:to|with)[ \t]+us\b", r"talked(?<!\wtalked)[ \t]+(?:to|with)[ \t]+us\b",
    r"told(?<!\wtold)[ \t]+us\b"))
""":data:`_WRITER_ACT` split at its alternatives, for lowercased text: each
opens with its first word, which the regex engine then looks for as plain
text (the word boundary before it is a look-behind), where the whole
case-insensitive pattern is tried at every position of the text."""
_ODD_CASE = "\u0130\u0131\u017f\u212a"
"""The dotted and dotless I, the long s and the Kelvin sign, which the
case-insensitive regex equates with "I", "s" and "k" and ``str.lower`` does not."""


def _writer_act(text: str) -> bool:
    """Whether ``text`` holds :data:`_WRITER_ACT`: searched in ``text``
    lowercased (:data:`_WRITER_ACT_LOW`), or, for a text with one of
    :data:`_ODD_CASE`, with the case-insensitive regex itself."""
    if any(ch in text for ch in _ODD_CASE):
        return _WRITER_ACT.search(text) is not None
    low = text.lower()
    return any(rx.search(low) is not None for rx in _WRITER_ACT_LOW)


def _writer_act_date(body: str, quotes: list[Quote]) -> tuple[date, int, int, str] | None:
    """The day of the writer's own reporting act ("We spoke to her on
    Monday", "she told us on Tuesday"), in the narrator's voice, counted
    forward from the latest past day the text fixes (a day in a future
    clause is left out): the reporting follows the events it reports (speech
    time after event time, Reichenbach 1947, *Elements of Symbolic Logic*,
    §51), so "on Monday" beside "On Saturday, 18 October" is 20 October.
    ``(date, start, end, iso)`` of the weekday, or ``None``."""
    if not _writer_act(body):
        return None
    quoted = [(q.start, q.end) for q in quotes if q.kind != "indirect"]
    for c in temporal.find(body):
        if c.kind != "weekday" or c.forward or c.mod not in {None, "on"}:
            continue
        if any(s <= c.start < e for s, e in quoted):
            continue
        left = body[max(0, c.start - 80):c.start]
        cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("? "), left.rfind("! "))
        if not _writer_act(left[cut + 1:]):
            continue
        # the days the text fixes, read only once a weekday names the writer's act
        fixed = [temporal.parse_iso(r.value)[0] for f, r in _resolved(body, None)
                 if f.kind in {"abs", "iso"} and r.precision in {"day", "minute"} and r.end_value is None
                 and not temporal.future_context(body, f.start)]
        if not fixed:
            return None
        anchor = max(fixed)
        d = anchor + timedelta(days=(c.weekday - anchor.weekday()) % 7)
        return d, c.start, c.end, d.isoformat()
    return None


def _find_date_near(text: str, start: int, end: int, d: date) -> tuple[int, int] | None:
    lo = max(0, start)
    for c in temporal.find(text[lo:end]):
        if c.kind in {"abs", "iso"} and c.month == d.month and c.day == d.day:
            return lo + c.start, lo + c.end
    return None



@functools.lru_cache(maxsize=1)
def _platform_rx() -> re.Pattern:
    alt = "|".join(re.escape(p) for p in lexicon()["platforms"])
    # "on" then "(?<!\won)", the word boundary before it: a pattern that opens
    # with a literal lets the engine jump from one "on" to the next.
    return re.compile(rf"on(?<!\won)\s+(?:the\s+)?({alt})(?:\s+platform|\s+account)?\b")


def _platform(text: str) -> str | None:
    names = {m.group(1) for m in _platform_rx().finditer(text)}
    return names.pop() if len(names) == 1 else None


def resolve_article(article: Article, doc, quotes: list[Quote], claims: list[Claim]) -> list[TemporalExpression]:
    """Resolve one article's temporal expressions.

    Parameters
    ----------
    article : the article; ``reference_date``, ``reference_date_evidence`` and
        ``reference_date_inferred`` are set in place (see :func:`reference_date`).
    doc : spaCy Doc over ``body_text(article)`` (its offsets are ``article.text`` offsets).
    quotes, claims : this article's quotes and claims; ``quote.date``/``date_text``
        (from the cue clause) and ``claim.time``/``time_text`` are filled in place.

    Returns
    -------
    list[TemporalExpression] : every resolved expression in text order, with
        ``event``/``event_kind`` naming what it dates when a trigger is near.
        Expressions inside removed spans are skipped, except an embedded post's
        signature date; relative expressions are skipped when the article has
        no reference date.
    """
    value, evidence, inferred = reference_date(article, quotes)
    article.reference_date = value
    article.reference_date_evidence = evidence
    article.reference_date_inferred = inferred
    ref, ref_prec = temporal.parse_iso(value)
    if ref_prec not in {"day", "minute"}:
        ref = None
    body = _text(doc) if doc is not None else body_text(article)
    superseded = _superseded_spans(body)
    out = [TemporalExpression(article=article.id, start=c.start, end=c.end, text=article.text[c.start:c.end],
                              value=r.value, end_value=r.end_value, precision=r.precision, relative=r.relative)
           for c, r in _resolved(body, ref, doc) if not _superseded(c.start, superseded)]
    # Embedded posts: their own date is an event ("post on X by …").
    platform = _platform(body)
    posts = [q for q in quotes if q.kind == "post"]
    for s, e, author, _handle in _signatures(article.text):
        who = next((q.speaker_text for q in posts if q.speaker_text and q.start <= s <= q.end + 200), None) or author
        _add_post(out, article, s, e, article.text[s:e], who, platform)
    for q in posts:
        if not q.date or any(t.event_kind == "post" and q.start - 5 <= t.start <= q.end + 200 for t in out):
            continue
        d, prec = temporal.parse_iso(q.date)
        if d is None:
            continue
        span = _find_date_near(article.text, q.start, q.end + 200, d) or (q.start, q.end)
        _add_post(out, article, span[0], span[1], article.text[span[0]:span[1]], q.speaker_text, platform)
    out.sort(key=lambda t: (t.start, t.end))
    _join_ranges(body, out)
    sents = _Sentences(doc)
    if doc is not None:
        _name_events(doc, out, claims, sents)
    _date_quotes(doc, out, quotes, sents)
    _date_claims(out, claims)
    return out


ANCHOR_WINDOW = 600
"""Characters an anchored expression ("nine days later") may lie after the
date it counts from; beyond them the story has moved on and it stays unresolved."""
NEAR_YEAR = 400
"""Characters within which a full date lends its year to a date written without one."""


def _year_hint(c: temporal.Candidate, full: list[temporal.Candidate], ref: date | None) -> int | None:
    """The year for ``c`` when it is written without one: that of the nearest
    full date within :data:`NEAR_YEAR` characters; without a reference date,
    that of the nearest full date anywhere (the corpus stage may move it:
    :func:`rashomon.timeline.build_timeline`)."""
    if not c.needs_year:
        return None
    near = [f for f in full if abs(f.start - c.start) <= NEAR_YEAR]
    if near:
        return min(near, key=lambda f: abs(f.start - c.start)).year
    if ref is None and full:
        return min(full, key=lambda f: abs(f.start - c.start)).year
    return None


def _resolved(body: str, ref: date | None, doc=None) -> list[tuple[temporal.Candidate, temporal.Resolved]]:
    """Every expression of ``body`` (labelled stamps left out) with its value:
    absolute and relative ones against ``ref`` (:func:`temporal.resolve`;
    with ``doc``, the spaCy Doc over ``body``, a weekday's or a month's
    direction follows the tense of the verb it modifies, :func:`_governed`),
    anchored ones ("nine days later") against the last single date resolved
    before them within :data:`ANCHOR_WINDOW` characters (the temporal focus,
    :func:`temporal.resolve_anchored`)."""
    cands = [c for c in temporal.find(body) if not c.labelled]
    full = [c for c in cands if c.kind in {"abs", "iso"} and c.year is not None]
    out: list[tuple[temporal.Candidate, temporal.Resolved]] = []
    focus: tuple[temporal.Candidate, temporal.Resolved] | None = None
    for c in cands:
        if doc is not None and c.rule is not None:
            _governed(c, doc)
        if c.kind == "anchored":
            r = None
            if focus is not None and c.start - focus[0].end <= ANCHOR_WINDOW:
                r = temporal.resolve_anchored(c, focus[1].value, focus[1].precision)
        else:
            r = temporal.resolve(c, ref, _year_hint(c, full, ref))
        if r is None:
            continue
        out.append((c, r))
        if r.end_value is None:
            focus = (c, r)
    return out


def _governed(c: temporal.Candidate, doc) -> None:
    """Set ``c.forward`` (in place) from the tense of the verb ``c`` modifies
    (:func:`temporal.governing_tense`, :func:`temporal.governed_forward`)."""
    tense = temporal.governing_tense(doc, c.start, c.end)
    forward = temporal.governed_forward(c.kind, c.rule, tense)
    if forward is not None:
        c.forward = forward


_SUPERSEDED = re.compile(
    r"(?i)\b(?:earlier|previous|original|first)\s+version\s+of\s+this\s+(?:story|article|report|post|page|item|piece)\b")
_CORRECTION_STAMP = re.compile(
    r"(?i)[^\w\n]{0,3}(?:correction|clarification|editor['’]s\s+note|update|updated)\b[^\n:]{0,40}:")
"""A correction's label at the start of a line ("Correction, 17 May 2024:"), matched at the line start."""
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _superseded_spans(body: str) -> list[tuple[int, int]]:
    """The stretches of ``body`` that state nothing of the story: what a
    correction says an earlier version wrongly said, from the start of its
    sentence to its end ("An earlier version of this story said the strike
    began on Thursday."), and a correction's own label ("Correction, 17 May
    2024:"), an editorial act. The corrected statement that follows is kept.
    Wording of corrections: Reuters Handbook of Journalism, "Corrections"; AP
    Stylebook, "corrections"."""
    low = body.lower()
    spans = []
    for word in ("correction", "clarification", "editor", "update"):
        i = low.find(word)
        while i >= 0:
            line = low.rfind("\n", 0, i) + 1
            m = _CORRECTION_STAMP.match(body, line) if i - line <= 3 else None
            if m:
                spans.append((m.start(), m.end()))
            i = low.find(word, i + 1)
    for m in _SUPERSEDED.finditer(body) if "version of this" in low else ():
        lo = max(body.rfind("\n", 0, m.start()) + 1, m.start() - 300)
        for cut in _SENTENCE_END.finditer(body, lo, m.start()):
            lo = cut.end()
        end = _SENTENCE_END.search(body, m.end(), m.end() + 300)
        spans.append((lo, end.end() if end else min(len(body), m.end() + 300)))
    return spans


def _superseded(start: int, spans: list[tuple[int, int]]) -> bool:
    """Whether offset ``start`` lies in one of ``spans`` (:func:`_superseded_spans`)."""
    return any(a <= start < b for a, b in spans)


_RANGE_GAP = re.compile(r"(?<![ \t])[ \t]*+(?:(?P<w>to|until|till|through|thru|and)|[-–—])[ \t]*+")
_RANGE_OPEN = re.compile(r"(?i)\b(?P<w>from|between)[ \t]+(?:(?:the|last|this|next|on)[ \t]+)?$")


def _join_ranges(body: str, temps: list[TemporalExpression]) -> None:
    """Join two day dates written as one range ("from Wednesday to Friday",
    "between Monday and Wednesday", "1 March – 3 March") into one expression with
    ``end_value``: a TIMEX3 pair bounding one event (Pustejovsky et al., TimeML
    Annotation Guidelines v1.2.1, 2006, §2.2, ranges as begin and end points).
    "to"/"until"/"through" need "from" before the first date, "and" needs
    "between"; a dash needs neither. A relative first date later than the
    second moves back a week ("from Friday to Monday"). ``temps`` is sorted by
    start and changed in place."""
    i = 0
    while i + 1 < len(temps):
        a, b = temps[i], temps[i + 1]
        gap = _RANGE_GAP.fullmatch(body, a.end, b.start)
        if (gap is None or a.end_value or b.end_value or a.event_kind == "post" or b.event_kind == "post"
                or a.precision not in {"day", "minute"} or b.precision not in {"day", "minute"}):
            i += 1
            continue
        opener = _RANGE_OPEN.search(body, max(0, a.start - 20), a.start)
        word = gap.group("w")
        if word and (opener is None or (word == "and") != (opener.group("w").lower() == "between")):
            i += 1
            continue
        first, _ = temporal.parse_iso(a.value)
        last, _ = temporal.parse_iso(b.value)
        if last < first and a.relative and (first - last).days < 7:
            first = first - timedelta(days=7)
        if last < first or (last - first).days > 366:
            i += 1
            continue
        a.value = first.isoformat() if a.precision == "day" else first.isoformat() + a.value[10:]
        a.end_value, a.end = b.value, b.end
        a.text = body[a.start:b.end]
        del temps[i + 1]
        i += 1


def _add_post(out: list[TemporalExpression], article: Article, s: int, e: int, text: str,
              who: str | None, platform: str | None) -> None:
    d = temporal.find(text)
    c = d[0] if d else None
    if c is None or c.year is None or c.day is None:
        return
    value = temporal.iso(c.year, c.month, c.day)
    label = "post" + (f" on {platform}" if platform else "") + (f" by {who}" if who else "")
    for t in out:
        if t.start == s and t.end == e:
            t.event, t.event_kind = label, "post"
            return
    out.append(TemporalExpression(article=article.id, start=s, end=e, text=text, value=value, precision="day",
                                  event=label, event_kind="post"))


class _Sentences:
    """Sentence lookup by character offset, built once per Doc (``Span.sent``
    walks the whole Doc on every call)."""

    def __init__(self, doc):
        self.sents = list(doc.sents) if doc is not None else []
        self.starts = [s.start_char for s in self.sents]

    def at(self, char: int):
        i = bisect.bisect_right(self.starts, char) - 1
        return self.sents[max(i, 0)] if self.sents else None


def _line_sentence(doc, span, sents: _Sentences):
    """``span``'s sentence, cut at line breaks (paragraphs never share a sentence)."""
    sent = sents.at(span.start_char)
    text = _text(doc)
    lo = text.rfind("\n", sent.start_char, span.start_char)
    hi = text.find("\n", span.end_char, sent.end_char)
    lo = sent.start_char if lo < 0 else lo + 1
    hi = sent.end_char if hi < 0 else hi
    clipped = doc.char_span(lo, hi, alignment_mode="contract")
    return clipped if clipped is not None and len(clipped) else sent


def _name_events(doc, temps: list[TemporalExpression], claims: list[Claim], sents: _Sentences) -> None:
    holders = ByStart(claims)
    for t in temps:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        sent = _line_sentence(doc, span, sents)
        t.sentence_start, t.sentence_end = sent.start_char, sent.end_char
        if t.event_kind == "post":
            continue
        if re.search(r"(?i)\b(?:published|posted|updated|modified)\b[^\n]{0,25}$",
                     _text(doc)[max(0, t.start - 40):t.start]):
            continue  # a dateline label, not an event
        ev = event_of(doc, span, sent)
        if ev is None:
            ev = _clause_event(doc, t, span, holders)
        if ev is None:
            continue
        label, fam = ev
        if fam == "speech" and t.precision not in {"day", "minute"}:
            continue
        t.event, t.event_kind = label, fam


_FUTURE_MODAL = re.compile(r"(?i)\b(?:will|shall|won't|would)\b|'ll\b")


def _clause_event(doc, t: TemporalExpression, span, holders: ByStart) -> tuple[str, str] | None:
    """``(label, "event")`` for a date with no trigger word, from the clause of
    the claim that holds it (:func:`rashomon.event_labels.date_clause_label`;
    a day may fall back on the claim's own clause, :func:`clause_label`). A
    month or a year names an event only through a past clause it dates, and
    never in a future one ("will be completed in 2030"). ``holders`` are the
    article's claims, indexed: the first of them holding ``t`` is read."""
    claim = next(iter(holders.containing(t.start, t.end)), None)
    if claim is None:
        return None
    cspan = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    text = _text(doc)
    if cspan is None or "\n" in text[min(cspan.root.idx, t.start):max(cspan.root.idx, t.end)]:
        return None
    if t.precision in {"day", "minute"}:
        lab = date_clause_label(span) or clause_label(cspan)
    elif _FUTURE_MODAL.search(text, max(t.sentence_start or 0, t.start - 80), t.start):
        lab = None
    else:
        lab = date_clause_label(span, coarse=True)
    return (lab, "event") if lab else None


class ByStart:
    """Records with ``start``/``end`` indexed by start: those starting in a
    window, or containing a span, found in their original order without a scan
    of all of them per query (a scan per expression or quote made a long
    article quadratic)."""

    def __init__(self, items) -> None:
        self.items = list(items)
        starts = [x.start for x in self.items]
        self.order = sorted(range(len(self.items)), key=starts.__getitem__)
        self.starts = [starts[i] for i in self.order]
        self.reach = list(itertools.accumulate((self.items[i].end for i in self.order), max))

    def starting_in(self, lo: int, hi: int) -> list:
        """The records with ``lo <= start <= hi``, in original order."""
        a, b = bisect.bisect_left(self.starts, lo), bisect.bisect_right(self.starts, hi)
        return [self.items[i] for i in sorted(self.order[a:b])]

    def containing(self, start: int, end: int) -> list:
        """The records with ``record.start <= start`` and ``end <= record.end``, in original order."""
        k, found = bisect.bisect_right(self.starts, start) - 1, []
        while k >= 0 and self.reach[k] >= end:  # no record before k reaches ``end``
            if self.items[self.order[k]].end >= end:
                found.append(self.order[k])
            k -= 1
        return [self.items[i] for i in sorted(found)]


def _date_quotes(doc, temps: list[TemporalExpression], quotes: list[Quote], sents: _Sentences) -> None:
    """Set ``quote.date`` (ISO day) from the time expression of its cue clause."""
    by_start = ByStart(temps)
    for q in quotes:
        if q.kind == "post":
            if q.date is None:
                t = next((t for t in temps if t.event_kind == "post" and q.start - 5 <= t.start <= q.end + 200), None)
                if t is not None:
                    q.date, q.date_text = t.value[:10], q.date_text or t.text
            continue
        if q.cue_start is None or temporal.parse_iso(q.date)[1] in {"day", "minute"}:
            continue
        lo, hi = q.cue_start, q.cue_end or q.cue_start
        if doc is not None:
            span = doc.char_span(lo, hi, alignment_mode="expand")
            if span is not None and len(span):
                sent = sents.at(span.start_char)
                lo, hi = sent.start_char, sent.end_char
        pool = [t for t in by_start.starting_in(lo, hi) if t.end <= hi and not (q.start <= t.start < q.end)
                and t.precision in {"day", "minute"} and t.end_value is None]
        if q.date_text:
            named = [t for t in pool if q.date_text in t.text or t.text in q.date_text]
            pool = named or pool
        if not pool:
            continue
        best = min(pool, key=lambda t: abs(t.start - q.cue_start))
        q.date = best.value[:10]
        if q.date_text is None:
            q.date_text = best.text


def _date_claims(temps: list[TemporalExpression], claims: list[Claim]) -> None:
    """Set ``claim.time``/``time_text`` from the expressions inside each claim;
    ``temps`` are sorted by start (as :func:`resolve_article` makes them)."""
    starts = [t.start for t in temps]
    for c in claims:
        lo = bisect.bisect_left(starts, c.start)
        hi = bisect.bisect_right(starts, c.end)
        inside = [t for t in temps[lo:hi] if t.end <= c.end]
        if not inside:
            continue
        t = next((t for t in inside if t.event), inside[0])
        c.time = TimeRange(start=t.value, end=t.end_value or t.value, precision=t.precision, text=t.text)
        if c.time_text is None:
            c.time_text = t.text

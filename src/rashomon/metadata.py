"""Metadata: title, outlet, published date and language, each with evidence.

Only unknown values are filled: a value the container already set (HTML meta,
a JSONL field, a manifest) wins, except a publication date read from a
document property (evidence source in :data:`FILE_DATE_SOURCES`: a DOCX's
core property ``created``, a PDF's ``CreationDate``), which says when the
file was made, not when the article was published: a date the text states
replaces it, and it stays only as the fallback. Every value read from the
text gets an :class:`Evidence` span in ``article.metadata_evidence[field]``
(``source="text"``). Nothing is guessed:

- *title*: a headline-shaped line of the page's head (above its first prose
  paragraph, :func:`rashomon.clean.is_prose`; 3–30 words, at most 300
  characters, no furniture): the nearest one above the byline or date stamp,
  else the first one below the site's furniture (masthead, menus,
  breadcrumbs, banners), else the page's first line of 3–30 words. A
  masthead, tagline or menu is never the title.
- *outlet*: only where the page names its publisher, in this order — a byline
  (``- Anadolu Agency`` in a list that holds the publication date, ``By
  NAME, OUTLET``); the holder of the page's copyright notice (``© 2024
  Example Times``); the masthead atop the page (a line naming the site,
  confirmed by the copyright notice or by the name's recurrence,
  :func:`rashomon.clean.blocks.masthead`); a wire dateline (``BAKU, Sept 20
  (Reuters) -``, ``(AP) —``, ``NEW YORK (CNN) —``, ``MOSCOW, 7 June /TASS/.``);
  an interview given to it (``told The Insider``), an exclusive (``X has
  learned``) or the relay formula closing a sentence (``…, News.Az
  reports.``) in the first :data:`LEDE_PARAGRAPHS` paragraphs. A dateline's or formula's name must look like an outlet's (a
  domain form, an outlet word such as *News* or *Agency*, ``The …``, or a
  major agency), except in a full wire dateline (capitalised place, day and
  month, then the wire's name of 1-3 capitalised words in parentheses and a
  dash), whose form itself names the wire. A cited source ("Radio Liberty
  wrote that …", "according to Reuters") and a photo credit ("via REUTERS")
  are not the publisher.
- *published*: a byline date label (``Published Date: 10:33 | 24 November
  2020`` → ``2020-11-24T10:33``), else a date stamp of the page's head or
  byline (``Friday 15 March 2019 | By Jane Roe | 4 min read``, ``Press
  release | Springfield, 15 May 2024, 11:30``, ``June 6, 2023 5:41 PM
  GMT+3``; the part after an update label is the update, not the
  publication), else an ``Updated …`` label, else a dateline with a year; as
  precise as the source. A date mentioned in the body is never the
  publication date.
- *language*: lingua on the kept body → ISO 639-1; kept paragraphs in another
  language are listed in ``article.languages`` (:mod:`rashomon.language`).
"""
from __future__ import annotations

import datetime as _dt
import functools
import itertools
import logging
import re
from dataclasses import dataclass

from rashomon import clean as clean_mod
from rashomon import data as data_files
from rashomon.clean.blocks import copyright_holder
from rashomon.clean.lines import iter_lines
from rashomon.language import LANGUAGES, detect_language, main_language, other_paragraphs
from rashomon.types import Article, Evidence

__all__ = ["infer", "parse_date", "dateline_date", "detect_language", "outlet_like", "retitle", "LANGUAGES"]

log = logging.getLogger(__name__)

FILE_DATE_SOURCES = frozenset({"docx-meta", "pdf-meta"})
"""Evidence sources of a ``published`` value read from a file's own
properties: a fallback that a date read from the text replaces (Dublin Core
``created`` is the resource's creation, ECMA-376 Part 2, 7.2; PDF
32000-1:2008, 14.3.3: "the date and time the document was created")."""

# -- dates ------------------------------------------------------------------

_TIME = re.compile(r"\b(?P<h>[01]?\d|2[0-3])[:.h](?P<mi>[0-5]\d)(?:\s{0,3}(?P<ampm>[ap]\.?m\.?))?(?![\d.])", re.I)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2}))?")
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b")
_NAMED = re.compile(clean_mod.DATE_RX, re.I)
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")


def _hm(t: re.Match) -> str:
    """``HH:MM`` (24-hour) of a :data:`_TIME` match."""
    h, mi = int(t.group("h")), int(t.group("mi"))
    ampm = (t.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    return f"{h:02d}:{mi:02d}"


def parse_date(value: str, languages: list[str] | None = None) -> str | None:
    """ISO 8601 date of a date string, as precise as the string.

    ``"10:33 | 24 November 2020"`` → ``"2020-11-24T10:33"``; ``"Sept 20,
    2023"`` → ``"2023-09-20"``; ``"19.10.2025, 09:40"`` →
    ``"2025-10-19T09:40"``; ``"November 2020"`` → ``"2020-11"``. A string
    without a four-digit year gives ``None`` (no year is ever assumed), as does
    an ambiguous numeric date (``03/04/2023``). The date is found first and
    the time in the rest (a numeric date is never read as a time). English
    month names and numeric forms are read by regular expressions; other
    languages by dateparser (settings ``PREFER_DAY_OF_MONTH='first'``,
    ``RETURN_AS_TIMEZONE_AWARE=False``; ``languages`` as ISO 639-1 codes).
    """
    s = value.replace("|", " ").strip()[:300]
    if not _YEAR.search(s):
        return None
    day, hm, rest = None, None, s
    if m := _ISO.search(s):
        day = (int(m["y"]), int(m["m"]), int(m["d"]))
        if m["h"]:
            hm = f"{m['h']}:{m['mi']}"
    elif m := _NAMED.search(s):
        iso = clean_mod.parse_post_date(m)
        if iso is None:
            return None
        day = tuple(int(x) for x in iso.split("-"))
    elif m := _NUMERIC.search(s):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if m["sep"] == "." or a > 12:
            d, mo = a, b
        elif b > 12:
            d, mo = b, a
        else:
            return None
        day = (y, mo, d)
    if m:
        rest = s[: m.start()] + " " + s[m.end():]
    t = _TIME.search(rest) if hm is None else None
    if t:
        hm = _hm(t)
    if day is not None:
        try:
            out = _dt.date(*day).isoformat()
        except ValueError:
            return None
        return f"{out}T{hm}" if hm else out
    found = _dateparser(rest[: t.start()] + " " + rest[t.end():] if t else s, tuple(languages or ()))
    return f"{found}T{hm}" if found and hm and len(found) == 10 else found


@functools.lru_cache(maxsize=8)
def _date_data_parser(languages: tuple[str, ...]):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=list(languages) or None,
                          settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})


def _dateparser(s: str, languages: tuple[str, ...]) -> str | None:
    try:
        data = _date_data_parser(languages).get_date_data(s)
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    except Exception:  # dateparser raises various errors on odd input
        return None
    if not data or data.date_obj is None:
        return None
    d, period = data.date_obj, data.period
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "time":
        return d.strftime("%Y-%m-%dT%H:%M")
    return d.date().isoformat()


# -- outlet -----------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _outlet_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    raw = data_files.load("boilerplate.yaml")
    o = raw["outlet"]
    return frozenset(w.casefold() for w in o["words"]), frozenset(a.casefold() for a in o["agencies"])


_DOMAIN = re.compile(r"^[A-Z][\w-]*(?:\.[A-Za-z]{2,6})+$")
_NAME = r"(?:[Tt]he\s+)?[A-Z][\w.&'/-]*(?:\s+(?:of\s+)?[A-Z][\w.&'/-]*){0,4}"


def outlet_like(name: str) -> bool:
    """Whether ``name`` looks like a news outlet's name: a domain form
    (``News.Az``), ``The …``, a name holding an outlet word (*News*, *Agency*,
    *Times*, … from ``data/boilerplate.yaml``) or a major agency/broadcaster."""
    words, agencies = _outlet_lexicon()
    name = name.strip().rstrip(".,;:")
    if not name or not name[0].isupper() and not name.startswith("the "):
        return False
    if _DOMAIN.match(name):
        return True
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    if bare.casefold() in agencies:
        return True
    if name.startswith("The ") and len(bare.split()) <= 4 and all(w[:1].isupper() for w in bare.split()):
        return True
    return any(w.casefold().strip(".,") in words for w in bare.split())


_TOLD = re.compile(rf"\btold\s+(?P<x>{_NAME})(?=\s*[.,;:!?)”\"]|\s+(?:in an?|on|this|last|earlier|during)\b)")
_LEARNED = re.compile(rf"(?<![\w.&'/-])(?P<x>{_NAME.replace(']*', ']*+')})\s+has\s+(?:learned|learnt|obtained)\b")
"""``X has learned``. The name starts where a word starts and each of its
words is taken whole (``*+``): a search then reads each word a bounded number
of times, where the plain pattern retried a 100 KB word from each of its
capitals (quadratic)."""
_RELAY = re.compile(rf",\s*(?P<x>{_NAME})\s+(?:reports|reported|informs|informed|writes)\s*[.!]?\s*$")
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÝА-ЯЁ][A-ZÀ-ÝА-ЯЁ .'-]{1,60})(?:\s{0,3},\s{0,3}(?P<when>[^()\n]{0,40}?))?\s{0,3}"
    r"(?:\((?P<a1>[A-ZА-ЯЁ][\w .&/-]{1,30})\)|/(?P<a2>[A-ZА-ЯЁ][\w .&-]{1,30})/)\s{0,3}[-–—.]"
)
"""A wire dateline opening a paragraph: ``PLACE[, DATE] (Wire) -`` or ``PLACE, DATE /Wire/.`` (TASS style)."""
_BARE_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][\w.'-]{1,30}(?:\s[A-Z][\w.'-]{1,30}){0,2})\s{1,3})?(?:\((?P<a1>[A-Z][\w .&/-]{1,30})\)|"
    r"(?P<a2>[A-Z][\w&.-]{1,30}))\s{0,3}[—–]\s")
"""A short dateline: ``(AP) —``, ``NEW YORK (CNN) —``, ``New York CNN —``; its name must look like an outlet's."""
_PLACE_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÝА-ЯЁ][\w.'’-]{1,30}(?:\s[A-ZÀ-ÝА-ЯЁ][\w.'’-]{1,30}){0,2}),\s{1,3}"
    r"(?:[A-Z][\w.'’-]{1,30},\s{1,3})?(?P<when>[^()\n–—]{6,40}?)\s{0,3}[-–—]{1,2}\s")
"""A dateline without a wire, as press releases open: ``LONDON, 12 March 2024 –``."""

_WIRE_NAME = re.compile(r"^[A-ZА-ЯЁ][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}$")
_DATELINE_DATE = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}\d{1,2}\b|\b\d{1,2}\s{1,3}"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\b")


def _dated(when: str | None) -> bool:
    """Whether the part of a dateline between the place and the wire's name
    holds a day and month ("March 12, 2024", "20 Sept", "7 июня"): the full
    wire dateline form, which names its wire whatever the name looks like."""
    return bool(when and (_DATELINE_DATE.search(when) or clean_mod.has_date(when)))


_SENTENCE = re.compile(r"[.!?]{2,}+[\"”’]?(?=\s|$)|\S.*?(?:(?<![.!?])[.!?]++[\"”’]?(?=\s|$)|$)", re.M)
"""A sentence-like piece: from a non-space to the first run of ``.!?`` (an
optional closing quote) followed by a space or the line end, or to the line
end. A run is tried as the end only from its first mark and taken whole
(``++``), so a line of 100,000 '!' is read once, not once per mark
(quadratic); the first branch keeps a piece that is a run of marks alone."""
_RELAY_VERB = re.compile(r"reports|reported|informs|informed|writes")
"""The verbs of :data:`_RELAY`: a line without one holds no relay formula."""


def _sentences_end(text: str):
    """Yield (start, end) of sentence-like pieces ending in . ! ? or a line end."""
    for m in _SENTENCE.finditer(text):
        yield m.start(), m.end()


@dataclass
class _Page:
    """An article's lines as cleaning left them: ``kept`` (non-blank, not
    removed), ``reason`` (line index → removal reason of a wholly removed
    line), ``first_prose`` (index of the first prose line, or the line count)."""

    text: str
    lines: list
    kept: list
    reason: dict[int, str]
    first_prose: int


def _byline_outlet(page: _Page) -> tuple[str, int, int] | None:
    """An outlet a byline names: "By NAME, OUTLET" / "By NAME | OUTLET" /
    "By NAME for OUTLET", or an item of a byline block ("- Example Agency")."""
    lex = clean_mod.lexicon()
    for ln in page.lines:
        if page.reason.get(ln.index) != "byline" or ln.long:
            continue
        item = re.sub(r"^[-•·*–—]\s{0,3}", "", ln.text)
        if clean_mod.date_label(ln.text, lex):
            continue
        m = lex.by_rx.match(ln.text)
        if m:
            parts = re.split(r"\s{0,3}(?:,|\||\bfor\b)\s{0,3}", m.group("who"))
            for p in parts[1:]:
                if outlet_like(p):
                    s = ln.start + ln.text.rindex(p)
                    return p, s, s + len(p)
            continue
        if len(item.split()) <= 5 and outlet_like(item) and not clean_mod.token_kinds(item, lex):
            s = ln.start + ln.text.index(item)
            return item, s, s + len(item)
    return None


def _holder(page: _Page) -> tuple[str, int, int] | None:
    """The holder of the page's last copyright notice (a footer line)."""
    for ln in reversed(page.lines):
        if page.reason.get(ln.index) == "footer" and (h := copyright_holder(ln.text)):
            return ln.text[h[0]:h[1]], ln.start + h[0], ln.start + h[1]
    return None


_ACRONYM = re.compile(r"^[A-ZА-ЯЁ&]{2,6}$")


def _masthead_outlet(page: _Page) -> tuple[str, int, int] | None:
    """The site's name from its masthead line: the longest of its separated
    items that is not an acronym ("ABC | Example Broadcasting"); when it is
    written in capitals, the same name as the page writes it elsewhere in
    mixed case ("EXAMPLE TIMES" → "Example Times")."""
    ln = next((x for x in page.lines if page.reason.get(x.index) == "masthead"), None)
    if ln is None:
        return None
    names = clean_mod.lines.items(ln.text) or [ln.text]
    name = max(names, key=lambda n: (not _ACRONYM.match(n), len(n.split())))
    s = ln.start + ln.text.index(name)
    if name.isupper():
        low, key = page.text.casefold(), name.casefold()
        i = low.find(key)
        while i >= 0:
            form = page.text[i:i + len(name)]
            if not form.isupper() and form[:1].isupper():
                return form, i, i + len(form)
            i = low.find(key, i + 1)
    return name, s, s + len(name)


def _dateline_outlet(page: _Page) -> tuple[str, int, int] | None:
    """A wire's name in a dateline opening one of the first three paragraphs."""
    for ln in [k for k in page.kept if k.words >= 8][:3]:
        if ln.long:
            continue
        m = _DATELINE.match(ln.text)
        if m:
            g = "a1" if m.group("a1") else "a2"
            x = m.group(g).strip()
            if outlet_like(x) or (_dated(m.group("when")) and _WIRE_NAME.match(x)):
                s = ln.start + m.start(g)
                return x, s, s + len(x)
            continue
        m = _BARE_DATELINE.match(ln.text)
        if m:
            g = "a1" if m.group("a1") else "a2"
            x = m.group(g).strip()
            if outlet_like(x):
                s = ln.start + m.start(g)
                return x, s, s + len(x)
    return None


def _formula_outlet(kept) -> tuple[str, int, int] | None:
    """An outlet the text names in a formula: an interview given to it, an
    exclusive, the relay formula closing a sentence."""
    # 2. interview given to the outlet, exclusive, relay formula
    for rx, word in ((_TOLD, "told"), (_LEARNED, "has")):
        for ln in kept:
            if word not in ln.text:
                continue  # the word every match holds
            for m in rx.finditer(ln.text):
                x = m.group("x")
                if outlet_like(x):
                    s = ln.start + m.start("x")
                    return x, s, s + len(x)
    for ln in kept:
        if not _RELAY_VERB.search(ln.text):
            continue
        for s0, e0 in _sentences_end(ln.text):
            m = _RELAY.search(ln.text[s0:e0])
            if m and outlet_like(m.group("x")):
                s = ln.start + s0 + m.start("x")
                return m.group("x"), s, s + len(m.group("x"))
    return None


def _outlet(page: _Page) -> tuple[str, int, int] | None:
    """The outlet with its span, from the first source that names one (see the module docstring)."""
    for find in (_byline_outlet, _holder, _masthead_outlet, _dateline_outlet):
        if found := find(page):
            return found
    return _formula_outlet([ln for ln in page.kept if clean_mod.is_prose(ln)][:LEDE_PARAGRAPHS])


LEDE_PARAGRAPHS = 4
"""Paragraphs an outlet names itself in: an interview given to it, its
exclusive or its relay of someone's words is told in the lede (the inverted
pyramid, AP Stylebook "Attribution"); an outlet named deeper in the story
("…, the official told another paper") is a cited source."""


# -- published --------------------------------------------------------------

_STAMP_SEP = re.compile(r" ?\| ?| [·•] ?| ?[·•] ")


def _stamp(text: str, start: int, languages) -> tuple[str, int, int] | None:
    """The date of a date stamp (``text`` is one line, or a label's value, at
    offset ``start``) with its span: the first separated item that is a date
    stamp (a day and month, and nothing but a time, weekday, time zone, label
    or leading place: :func:`rashomon.clean.date_item`), joined with the next
    or the previous item when that one is a bare time ("15 May 2024 | 17:05",
    "10:33 | 24 November 2020"), or the date closing an item after a comma
    (:func:`_date_tail`); the part after an update label is left out."""
    lex = clean_mod.lexicon()
    cut = lex.update_split_rx.search(text)
    if cut:
        text = text[: cut.start()]
    bounds, pos = [], 0
    for m in _STAMP_SEP.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))

    def bare_time(j: int) -> bool:
        return 0 <= j < len(bounds) and bool(_TIME.fullmatch(text[bounds[j][0]:bounds[j][1]].strip()))

    for k, (s, e) in enumerate(bounds):
        s = _date_tail(text, s, e, lex)
        if s is None:
            continue
        if bare_time(k + 1):
            e = bounds[k + 1][1]
        elif bare_time(k - 1):
            s = bounds[k - 1][0]
        value = text[s:e].strip(" ,;")
        iso = parse_date(value, languages)
        if iso:
            off = s + (len(text[s:e]) - len(text[s:e].lstrip(" ,;")))
            return iso, start + off, start + off + len(value)
    return None


def _date_tail(text: str, s: int, e: int, lex) -> int | None:
    """Where the date stamp of the item ``text[s:e]`` starts: ``s`` when the
    whole item is one (:func:`rashomon.clean.date_item`), else the start of
    its shortest comma-separated tail that is one (a byline that runs on with
    commas: ``By Jane Roe, Example Times, 14 March 2025``, ``…, March 14,
    2025``), else ``None``."""
    item = text[s:e]
    if clean_mod.has_date(item) and clean_mod.date_item(item, lex):
        return s
    for comma in reversed([m.start() for m in re.finditer(",", item)]):
        tail = item[comma + 1:]
        if clean_mod.has_date(tail) and clean_mod.date_item(tail, lex):
            return s + comma + 1
    return None


def _published(page: _Page, languages) -> tuple[str, int, int] | None:
    """The publication date with its span (see the module docstring)."""
    lex = clean_mod.lexicon()
    stamp = updated = None
    prev_label = None
    for ln in page.lines:
        if not ln.text or ln.long:
            continue
        label_only = ln.text.rstrip(":").strip().casefold()
        if label_only in lex.label_words:
            prev_label = label_only
            continue
        after_label, prev_label = prev_label, None
        in_byline = page.reason.get(ln.index) == "byline"
        if ln.words > 15 or not (in_byline or ln.index < page.first_prose and ln.index not in page.reason):
            continue
        m = clean_mod.date_label(ln.text, lex)
        if m:
            label, value, vstart = m.group("label"), m.group("value"), m.start("value")
            cut = lex.update_split_rx.search(value, 1)
            if cut and label.casefold() in lex.published_labels:
                value = value[: cut.start()]
        elif after_label and in_byline:  # "Published" / "12 March 2022"
            label, value, vstart = after_label, ln.text, 0
        else:
            if stamp is None and (in_byline or ln.index < page.first_prose):
                stamp = _stamp(ln.text, ln.start, languages)
            continue
        hit = _stamp(value, ln.start + vstart, languages)
        if hit is None:
            iso = parse_date(value, languages)
            if not iso:
                continue
            value = value.rstrip(" ,;·|")
            hit = (iso, ln.start + vstart, ln.start + vstart + len(value))
        if label.casefold() in lex.published_labels:
            return hit
        updated = updated or hit
    if stamp or updated:
        return stamp or updated
    return _dateline_date(page.kept, languages)


def _dateline_date(kept, languages=None) -> tuple[str, int, int] | None:
    """The date of a dateline with its year (``BAKU, September 20, 2023
    (Reuters) -``, ``LONDON, 12 March 2024 –``) opening one of the first
    three lines of ≥ 8 words of ``kept`` (lines, or an iterator of them), with its span."""
    for ln in itertools.islice((k for k in kept if k.words >= 8), 3):
        m = _DATELINE.match(ln.text) if not ln.long else None
        if m:
            head = ln.text[: m.start("a1") if m.group("a1") else m.start("a2")]
            iso = parse_date(head, languages)
            if iso:
                return iso, ln.start, ln.start + len(head.rstrip(" (/"))
        m = _PLACE_DATELINE.match(ln.text) if not ln.long else None
        if m and clean_mod.has_date(m.group("when")):
            iso = parse_date(m.group("when"), languages)
            if iso:
                return iso, ln.start, ln.start + m.end("when")
    return None


def dateline_date(text: str) -> tuple[str, int, int] | None:
    """ISO date and span of a dated dateline opening one of the first three
    paragraphs of ``text`` (see :func:`_dateline_date`), or ``None``."""
    return _dateline_date(ln for ln in iter_lines(text) if ln.text)


# -- title ------------------------------------------------------------------

TITLE_MAX_CHARS = 300
"""A longer first line is not a headline, whatever its word count (a run of
glued tokens counts as few words); headlines run to about 100 characters."""

_CHROME = frozenset({"navigation", "breadcrumb", "masthead", "language-switcher", "cookie-notice", "advertisement",
                     "share", "subscribe", "donate", "app", "follow", "accessibility", "archive-notice", "ticker",
                     "browser-notice", "footer", "reading-time", "comments", "related", "teaser", "link"})
"""Removal reasons of site furniture (as against the article's own byline,
credits and repeats): the title comes after the last of them in the head."""


def _headline(ln, partly: set[int]) -> bool:
    """A line shaped like a headline: 3–30 words, at most
    :data:`TITLE_MAX_CHARS` characters, no long sentence, no date label or
    post attribution, no removed part."""
    n = ln.words
    if n < 3 or n > 30 or len(ln.text) > TITLE_MAX_CHARS or ln.index in partly:
        return False
    if n > 20 and ln.text.endswith("."):
        return False
    return not (clean_mod.date_label(ln.text) or clean_mod.ATTRIBUTION.search(ln.text))


def _title(page: _Page, partly: set[int]) -> tuple[str, int, int] | None:
    head = [ln for ln in page.lines if ln.text and ln.index < page.first_prose]
    kept = {ln.index for ln in page.kept}
    byline = next((k for k, ln in enumerate(head) if page.reason.get(ln.index) == "byline"), None)
    if byline is not None:  # the nearest headline above the byline, past a standfirst
        for ln in reversed(head[max(0, byline - 6):byline]):
            if ln.index in kept and _headline(ln, partly) and not clean_mod.lines.is_sentence(ln.text):
                return ln.text, ln.start, ln.end
    chrome = [k for k, ln in enumerate(head) if page.reason.get(ln.index) in _CHROME]
    after = head[chrome[-1] + 1:] if chrome else head
    for ln in after:
        if ln.index in kept and _headline(ln, partly):
            return ln.text, ln.start, ln.end
    for ln in page.kept:
        if ln.words < 3:
            continue
        if ln.index in partly:
            continue  # partly removed (noise, a glued switcher): not a clean title line
        if ln.words > 30 or len(ln.text) > TITLE_MAX_CHARS or (ln.words > 20 and ln.text.endswith(".")):
            return None  # the first line of length is article prose (or not words): no title line
        if _headline(ln, partly):
            return ln.text, ln.start, ln.end
    return None


# -- main -------------------------------------------------------------------

def _page(article: Article, lines) -> tuple[_Page, set[int]]:
    """The article's page view and the indices of lines partly removed."""
    spans = sorted((r.start, r.end, r.reason) for r in article.removed)
    asides = sorted((x.start, x.end) for x in article.asides)
    reason: dict[int, str] = {}
    kept, partly = [], set()
    k = a = 0
    for ln in lines:
        if not ln.text:
            continue
        while k < len(spans) and spans[k][1] <= ln.start:
            k += 1
        while a < len(asides) and asides[a][1] <= ln.start:
            a += 1
        if k < len(spans) and spans[k][0] <= ln.start and ln.end <= spans[k][1]:
            reason[ln.index] = spans[k][2]
        elif a < len(asides) and asides[a][0] <= ln.start and ln.end <= asides[a][1]:
            reason[ln.index] = "caption"
        else:
            if k < len(spans) and spans[k][0] < ln.end:
                partly.add(ln.index)
            kept.append(ln)
    span = clean_mod.zones(kept, [ln for ln in lines if ln.text], {i for i, r in reason.items() if r == "byline"},
                           clean_mod.lexicon())
    return _Page(article.text, lines, kept, reason, span[0] if span else len(lines)), partly


def infer(article: Article, cleaned) -> None:
    """Fill ``article``'s unknown metadata in place from its text.

    Parameters
    ----------
    article : Article
        ``text``, ``removed`` and ``asides`` (from
        :func:`rashomon.clean.clean`) are read; ``title``, ``outlet``,
        ``published`` (ISO 8601, minute/day/month/year precision) and
        ``language`` (ISO 639-1) are set only when ``None`` (``published``
        also when it came from a file property, :data:`FILE_DATE_SOURCES`),
        each with ``metadata_evidence[field]``; ``languages`` lists kept paragraphs
        (≥ 3 words) in another language than the main one.
    cleaned : CleanResult
        The cleaning result (its ``lines`` are reused when present).

    Returns ``None``; raises nothing on odd text (unknown values stay ``None``).
    """
    lines = getattr(cleaned, "lines", None) or clean_mod.split_lines(article.text)
    page, partly = _page(article, lines)

    def ev(field: str, s: int, e: int) -> None:
        article.metadata_evidence[field] = Evidence(start=s, end=e, text=article.text[s:e], source="text")

    if article.language is None and (lang := main_language(page.kept)):
        article.language = lang
        article.metadata_evidence["language"] = Evidence(source="lingua")
    main = article.language
    languages = [main] if main else None

    if article.title is None and (t := _title(page, partly)):
        article.title = t[0]
        ev("title", t[1], t[2])
    if article.outlet is None and (o := _outlet(page)):
        article.outlet = o[0]
        ev("outlet", o[1], o[2])
    stated = article.metadata_evidence.get("published")
    file_date = stated is not None and stated.source in FILE_DATE_SOURCES
    if (article.published is None or file_date) and (p := _published(page, languages)):
        article.published = p[0]
        ev("published", p[1], p[2])
    if main and not article.languages:
        article.languages = other_paragraphs(page.kept, main, skip=clean_mod.ATTRIBUTION.search)


def retitle(article: Article) -> None:
    """Read the title again after a later pass removed its line (the
    batch-wide repetition pass, :func:`rashomon.clean.across_articles`): a
    title read from the text whose line is now removed is replaced."""
    ev = article.metadata_evidence.get("title")
    if ev is None or ev.source != "text" or ev.start is None:
        return
    if not any(r.start <= ev.start and ev.end <= r.end for r in article.removed):
        return
    article.title = None
    del article.metadata_evidence["title"]
    page, partly = _page(article, clean_mod.split_lines(article.text))
    if t := _title(page, partly):
        article.title = t[0]
        article.metadata_evidence["title"] = Evidence(start=t[1], end=t[2], text=article.text[t[1]:t[2]], source="text")

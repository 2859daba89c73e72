"""Clean: page furniture, repeated blocks and embedded posts as removed spans.

Nothing is deleted: each piece of furniture becomes a :class:`Removal` span of
``Article.text`` with a reason; the body later analysed is the text with those
spans blanked (``annotate.body_text``). Rules work line by line:

1. *Lexicon lines* (``data/boilerplate.yaml``): a short line made only of
   furniture tokens (menu words, donate/subscribe/share buttons, language
   names, browser names — glued tokens such as ``DONATEРусский`` are split at
   script and case boundaries), or a line matching a furniture pattern
   (subscribe/donate/share prompts, related-link headers, "read in Russian"
   links, outdated-browser and cookie notices, "can be found here" links,
   footers, photo credits), each pattern group bounded by a word count so a
   long sentence-like line (prose) is never taken.
2. *Tickers and counters*: ``• USD103.43``, ``EUR 109.01 ▲0.3%``, ``• 383``.
3. *Byline block*: a run of short list items that holds a date label
   (``- Published Date: …``) or a ``By NAME`` line; ``metadata`` reads them.
4. *Menu lines and news tickers*: a line of three or more short capitalised
   items between spaced separators (``Home | News | Community | Contact``) is
   navigation when half its items are menu words, and anywhere in the head
   and tail zones; a line of labelled items (``BREAKING: … | WEATHER: …``) is
   a ticker.
   *Head and tail zones* (before the first and after the last line of
   article length): short all-caps lines are navigation.
5. *Related lists*: short headline lines right after a related-link header.
6. *Duplicates*: a line of ≥ 5 words seen before (whitespace, quotes and case
   normalised) is removed, the first occurrence kept; short lines repeated
   next to such a line join its block; a line repeated on the very next line
   is a duplicate whatever its length; a standfirst that the body repeats
   split over several lines is removed in favour of the body's lines.
   Consecutive duplicate lines form one removal.
7. *Noise runs*: inside a kept line, a run of ``NOISE_RUN`` (20) or more
   identical non-alphanumeric, non-space characters (a line of straight double marks, ``!!!!…``,
   ``------…``) or of quotation marks of any style (``“”“”…``) is removed with
   reason ``noise``. No prose has such runs, and spaCy's tokenizer is slow on
   them (about quadratic: 20,000 ``"`` take minutes), so one pathological line
   would stall the whole run. The threshold 20 is ours: longer than any
   emphatic punctuation ("!!!", "?!?!") or ellipsis seen in news text.

Embedded social-media posts are found by their attribution line
(``— Name (@handle) September 22, 2023``); the line(s) before it hold the post.
The attribution line stays in the body (its name and handle are mentions).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field


from rashomon import data as data_files
from rashomon.temporal import MONTHS
from rashomon.types import Article, Quote, Removal

__all__ = ["CleanResult", "Line", "clean", "lexicon", "split_lines", "parse_post_date"]


@dataclass
class CleanResult:
    """``removed``: spans taken out of the body, sorted, non-overlapping;
    ``posts``: embedded social-media posts as ``Quote`` records of kind
    ``post``; ``lines``: the text's lines (offsets into ``Article.text``)."""

    removed: list[Removal] = field(default_factory=list)
    posts: list[Quote] = field(default_factory=list)
    lines: list["Line"] = field(default_factory=list)


@dataclass
class Line:
    """One line of ``Article.text``: ``start``/``end`` bound its stripped text
    (code-point offsets), ``text`` that text, ``index`` the line number (0-based)."""

    index: int
    start: int
    end: int
    text: str

    @functools.cached_property
    def words(self) -> int:
        """Number of whitespace-separated words (counted once; lines are not changed)."""
        return len(self.text.split())


def split_lines(text: str) -> list[Line]:
    """Split ``text`` at ``\\n`` into :class:`Line` records whose offsets bound
    each line's stripped text (blank lines have ``start == end``)."""
    out: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        out.append(Line(i, pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


# -- lexicons -----------------------------------------------------------------

TOKEN_PRIORITY = ("language-switcher", "browser-notice", "donate", "subscribe", "share", "navigation")
"""When a furniture line mixes token kinds, the removal's reason is the first of these present."""

PATTERN_ORDER = ("browser-notice", "cookie-notice", "language-switcher", "subscribe", "donate", "share",
                 "related", "link", "footer", "photo-credit")

DETAILS = {
    "navigation": "site navigation (menu words)",
    "ticker": "price ticker or counter",
    "donate": "donation prompt",
    "subscribe": "subscription prompt",
    "share": "share buttons",
    "related": "related-links box",
    "language-switcher": "language switcher",
    "browser-notice": "outdated-browser notice",
    "cookie-notice": "cookie-consent notice",
    "link": "link furniture pointing elsewhere",
    "footer": "page footer",
    "photo-credit": "photo credit",
    "byline": "byline and date block (read as metadata evidence)",
    "duplicate": "repeat of an earlier block of this article",
    "noise": "a long run of repeated punctuation or quotation marks (not prose)",
}

NOISE_RUN = 20
_NOISE = re.compile(r"([^\w\s]|_)\1{%d,}|[\"'“”„‟‘’‚‛«»‹›〝〞]{%d,}" % (NOISE_RUN - 1, NOISE_RUN))


@dataclass(frozen=True)
class Lexicon:
    tokens: dict[str, frozenset[tuple[str, ...]]]
    max_phrase: int
    patterns: dict[str, tuple[int, tuple[re.Pattern, ...]]]
    published_labels: frozenset[str]
    """The publication-date labels, casefolded (the others of ``date_label_rx`` are update labels)."""
    date_label_rx: re.Pattern
    by_rx: re.Pattern
    label_words: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The furniture lexicon read once from ``rashomon/data/boilerplate.yaml``."""
    raw = data_files.load("boilerplate.yaml")
    tokens: dict[str, frozenset[tuple[str, ...]]] = {}
    longest = 1
    for kind, grp in raw["tokens"].items():
        phrases = set()
        for w in grp["words"]:
            toks = tuple(_tokens(str(w)))
            if toks:
                phrases.add(toks)
                longest = max(longest, len(toks))
        tokens[kind] = frozenset(phrases)
    patterns = {
        kind: (int(grp["max_words"]), (re.compile("|".join(f"(?:{p})" for p in grp["patterns"]), re.I),))
        for kind, grp in raw["patterns"].items()
    }
    by = raw["byline"]
    labels = sorted([*by["published_labels"], *by["updated_labels"]], key=len, reverse=True)
    date_label_rx = re.compile(
        r"^(?:[-•·*–—]\s*)?(?P<label>" + "|".join(re.escape(x) for x in labels) + r")\b\s*(?:on|at|le|am|:)?\s*[:|]?\s*(?P<value>.*\d.*)$",
        re.I,
    )
    by_rx = re.compile(r"^(?:[-•·*–—]\s*)?(?:" + "|".join(re.escape(x) for x in by["by_words"]) + r")\s+(?P<who>\S.*)$", re.I)
    label_words = frozenset(x.casefold() for x in labels if x.casefold() != "date")
    return Lexicon(tokens, longest, patterns, frozenset(x.casefold() for x in by["published_labels"]),
                   date_label_rx, by_rx, label_words)


_SCRIPT_SPLIT = re.compile(r"(?<=[A-Za-z])(?=[^\W\dA-Za-z_])|(?<=[^\W\dA-Za-z_])(?=[A-Za-z])|(?<=[a-zа-яё])(?=[A-ZА-ЯЁ])")
_SEP = re.compile(r"[|/·•,;:\u2022\u00b7\u2013\u2014»«>]+|\s+")


def _tokens(s: str) -> list[str]:
    """Casefolded tokens of a short line, split at separators and at script
    (Latin/other) and lower→upper case boundaries."""
    s = unicodedata.normalize("NFC", s).replace("’", "'")
    out = []
    for part in _SEP.split(s):
        if not part:
            continue
        out += [p.casefold() for p in _SCRIPT_SPLIT.split(part) if p.strip("-'.")]
    return out


def _token_kinds(text: str, lex: Lexicon) -> list[str] | None:
    """The furniture kinds covering every token of ``text`` (greedy longest
    phrase first), or ``None`` when some token is not furniture."""
    toks = _tokens(text)
    if not toks:
        return None
    kinds: list[str] = []
    i = 0
    while i < len(toks):
        for n in range(min(lex.max_phrase, len(toks) - i), 0, -1):
            phrase = tuple(toks[i:i + n])
            kind = next((k for k in TOKEN_PRIORITY if phrase in lex.tokens.get(k, ())), None)
            if kind:
                kinds.append(kind)
                i += n
                break
        else:
            return None
    return kinds


BULLET = r"[-•·▪●*–]"
_TICKER = re.compile(
    rf"^(?:{BULLET}\s*)?(?:[A-Z]{{2,6}}(?:/[A-Z]{{2,6}})?|[$€£¥₽₺₼])\s*[:=]?\s*[$€£¥₽]?\s*[+\-−]?\d[\d\s.,]*%?"
    r"(?:\s*[▲▼↑↓+\-−]\s*\d[\d.,]*\s*%?)?$"
)
_COUNTER = re.compile(rf"^(?:{BULLET}\s*)?\d[\d\s.,]{{0,12}}[KkMм]?$")
_ALLCAPS = re.compile(r"^[^\W\d_a-zа-яё]+(?:[\s&/|·-]+[^\W\d_a-zа-яё]+){0,2}$")
_SENTENCE_END = re.compile(r"[.!?…:;\"”»]\s*$")
_LIST_ITEM = re.compile(rf"^{BULLET}\s+\S")


_MENU_SEP = re.compile(r"(?<!\s)\s+[|•·▪●»]\s+")  # from a run's first space: linear
_ITEM_LABEL = re.compile(r"^[^\W\d_a-zа-яё]{2,}(?:\s+[^\W\d_a-zа-яё]{2,}){0,2}:\s+\S")


_MENU_SEP_CHAR = re.compile(r"[|•·▪●»]")
"""The separator characters of :data:`_MENU_SEP`: a line without one has a single item."""


def _menu_items(text: str) -> list[str] | None:
    """The items of a menu line ("Home | News | Community | Contact"): at
    least three items between spaced separators (``|``, ``•``, ``·``, ``»``),
    each of 1-3 words, opening with a capital, without digits or sentence
    punctuation at its end; ``None`` for any other line."""
    if not _MENU_SEP_CHAR.search(text):
        return None
    items = _MENU_SEP.split(text)
    if len(items) < 3:
        return None
    for it in items:
        if not 1 <= len(it.split()) <= 3 or not it[:1].isupper() or any(ch.isdigit() for ch in it) \
                or it.endswith((".", "!", "?", ":", ";", ",")):
            return None
    return items


def _labelled_ticker(text: str) -> bool:
    """A news ticker line: two or more items between spaced separators, each
    opening with an all-capitals label and a colon ("BREAKING: … | WEATHER: …")."""
    if not _MENU_SEP_CHAR.search(text):
        return False
    items = _MENU_SEP.split(text)
    return len(items) >= 2 and all(_ITEM_LABEL.match(it) for it in items)


def _classify(line: Line, lex: Lexicon) -> tuple[str, str] | None:
    """(reason, detail) when ``line`` is furniture by lexicon, ticker or pattern."""
    t = line.text
    nw = line.words
    if _TICKER.match(t) or _COUNTER.match(t):
        return "ticker", DETAILS["ticker"] if not _COUNTER.match(t) else "bare counter (views, comments)"
    if nw <= 8:
        kinds = _token_kinds(t, lex)
        if kinds:
            reason = next(k for k in TOKEN_PRIORITY if k in kinds)
            detail = " and ".join(dict.fromkeys(DETAILS[k] for k in kinds))
            if reason == "browser-notice" and len(kinds) < 2 and nw < 2:
                pass  # a lone "Chrome"/"Safari" line is not a browser list
            else:
                return reason, detail
    if nw <= 40 and _labelled_ticker(t):
        return "ticker", "news ticker (labelled items: BREAKING: …, WEATHER: …)"
    if nw <= 15 and (items := _menu_items(t)) and 2 * sum(_token_kinds(i, lex) is not None for i in items) >= len(items):
        return "navigation", "site navigation (menu line, most items menu words)"
    if nw <= 8 and (lex.date_label_rx.match(t)):
        return "byline", DETAILS["byline"]
    if nw <= 3 and t.rstrip(":").strip().casefold() in lex.label_words:
        return "byline", "date label of the byline"
    for kind in PATTERN_ORDER:
        max_words, rxs = lex.patterns.get(kind, (0, ()))
        if nw <= max_words and any(rx.search(t) for rx in rxs):
            if kind == "photo-credit" and t.endswith(".") and nw > 6:
                continue  # a caption sentence, not a credit
            return kind, DETAILS[kind]
    return None


def _norm(s: str) -> str:
    """Comparison key for duplicate detection: NFKC, straight quotes, casefold,
    single spaces, no list bullet."""
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("«", '"').replace("»", '"')
    s = _LEAD_BULLET.sub("", s.strip())
    return _SPACES.sub(" ", s).casefold()


_LEAD_BULLET = re.compile(rf"^{BULLET}\s+")
_SPACES = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")


# -- embedded posts -------------------------------------------------------------

_MONTH_RX = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RX = (
    rf"(?:(?P<m1>{_MONTH_RX})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RX})\.?,?\s+(?P<y2>\d{{4}}))"
)
_ATTRIBUTION = re.compile(
    r"(?:^|\s)(?P<link>(?:pic\.twitter\.com/\S+|https?://\S+)\s*)?"
    r"(?P<dash>[—–―]|-{1,2})\s*(?P<name>[^\n()@—–]{1,80}?)\s*\(\s*(?P<handle>@\w{1,30})\s*\)\s*"
    rf"(?:(?:\d{{1,2}}:\d{{2}}\s*(?:[AP]M)?\s*[·,]?\s*))?(?P<date>{DATE_RX})\s*$",
    re.I,
)
_LINK_START = re.compile(r"pic\.twitter\.com/\S|https?://\S")


def _strip_trailing_link(text: str) -> str:
    r"""``text`` less the link that ends it (``pic.twitter.com/…``, ``http(s)://…``)
    and the spaces before it, as ``re.sub(r"\s*(?:pic\.twitter\.com/\S+|https?://\S+)\s*$", "", text)``
    would do, read from the last word only (that pattern retried a word of
    many links from each of them: quadratic)."""
    stripped = text.rstrip()
    word_start = len(stripped) - len(stripped.rsplit(None, 1)[-1]) if stripped else 0
    m = _LINK_START.search(stripped, word_start)
    if m is None:
        return text
    return stripped[:m.start()] if m.start() > word_start else stripped[:word_start].rstrip()


def parse_post_date(match: re.Match) -> str | None:
    """ISO ``YYYY-MM-DD`` from a match of :data:`DATE_RX` or of a pattern that
    embeds it (its groups ``m1``/``d1``/``y1`` or ``m2``/``d2``/``y2``; English month names),
    ``None`` when the day is not a valid day of the month."""
    import datetime as _dt

    m = (match.group("m1") or match.group("m2")).casefold().rstrip(".")
    d = int(match.group("d1") or match.group("d2"))
    y = int(match.group("y1") or match.group("y2"))
    try:
        return _dt.date(y, MONTHS[m], d).isoformat()
    except ValueError:
        return None


def _posts(article: Article, lines: list[Line], removed_lines: set[int]) -> list[Quote]:
    """Embedded posts: the attribution line ``— Name (@handle) Month D, YYYY``
    and the post text before it (on the same line before the dash, else the
    nearest previous non-blank line)."""
    text = article.text
    posts: list[Quote] = []
    for i, ln in enumerate(lines):
        if "@" not in ln.text:
            continue
        m = _ATTRIBUTION.search(ln.text)
        if not m:
            continue
        body_start = body_end = None
        prefix = ln.text[: m.start("link") if m.group("link") else m.start("dash")]
        prefix = _strip_trailing_link(prefix).rstrip()
        if len(prefix.split()) >= 2:
            body_start, body_end = ln.start, ln.start + len(prefix)
        else:
            j = i - 1
            while j >= 0 and not lines[j].text:
                j -= 1
            if j < 0 or j in removed_lines or _ATTRIBUTION.search(lines[j].text):
                continue
            prev = lines[j]
            body = _strip_trailing_link(prev.text).rstrip()
            if not body:
                continue
            body_start, body_end = prev.start, prev.start + len(body)
        name = m.group("name").strip()
        ns = ln.start + m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip()))
        posts.append(Quote(
            article=article.id, start=body_start, end=body_end, text=text[body_start:body_end], kind="post",
            speaker_text=name, speaker_start=ns, speaker_end=ns + len(name), cue=None,
            date=parse_post_date(m), date_text=m.group("date").strip(),
        ))
    return posts


# -- main -------------------------------------------------------------------------

def clean(article: Article) -> CleanResult:
    """Find the furniture, repeated blocks and embedded posts of one article.

    Parameters
    ----------
    article : Article
        Its ``text`` is read; nothing is changed.

    Returns
    -------
    CleanResult
        ``removed``: :class:`Removal` spans (code-point offsets into
        ``article.text``), sorted and non-overlapping, each with a ``reason``
        (``navigation``, ``ticker``, ``donate``, ``subscribe``, ``share``,
        ``related``, ``language-switcher``, ``browser-notice``,
        ``cookie-notice``, ``link``, ``footer``, ``photo-credit``, ``byline``,
        ``duplicate``, ``noise``) and a ``detail`` sentence; ``posts``: embedded posts as
        ``Quote(kind="post")`` with the author's name span and the ISO date;
        ``lines``: the text's lines.

    Pure and fast (regular expressions and line logic; no model).
    """
    lex = lexicon()
    lines = split_lines(article.text)
    reasons: dict[int, tuple[str, str]] = {}
    nonblank = [ln for ln in lines if ln.text]

    for ln in nonblank:
        c = _classify(ln, lex)
        if c:
            reasons[ln.index] = c

    # a date on the line after a bare date label ("Published" / "12 March 2022")
    for prev, ln in zip(nonblank, nonblank[1:]):
        if (reasons.get(prev.index, ("", ""))[1] == "date label of the byline" and ln.index not in reasons
                and ln.words <= 8 and _DIGIT.search(ln.text)):
            reasons[ln.index] = ("byline", DETAILS["byline"])
    # byline block: a run of short list items holding a date label, or "By NAME"
    run: list[Line] = []
    for ln in nonblank + [Line(-1, 0, 0, "")]:
        if ln.index >= 0 and _LIST_ITEM.match(ln.text) and ln.words <= 8 and not _SENTENCE_END.search(ln.text):
            run.append(ln)
            continue
        if run and any(lex.date_label_rx.match(x.text) for x in run):
            for x in run:
                if reasons.get(x.index, ("",))[0] in ("", "navigation", "byline"):
                    reasons[x.index] = ("byline", DETAILS["byline"])
        run = []
    for ln in nonblank:
        m = lex.by_rx.match(ln.text)
        if (m and ln.index not in reasons and ln.words <= 8 and not _SENTENCE_END.search(ln.text)
                and all(w[:1].isupper() or w in ("and", "&", "|", ",") for w in m.group("who").replace(",", " , ").split())):
            reasons[ln.index] = ("byline", DETAILS["byline"])

    # head and tail zones: short all-caps lines there are navigation
    kept_long = [ln.index for ln in nonblank if ln.index not in reasons and ln.words >= 6 and not _menu_items(ln.text)]
    if kept_long:
        head_end, tail_start = kept_long[0], kept_long[-1]
        for ln in nonblank:
            if ln.index in reasons or not (ln.index < head_end or ln.index > tail_start):
                continue
            if ln.words <= 3 and _ALLCAPS.match(ln.text) and sum(ch.isalpha() for ch in ln.text) >= 2:
                reasons[ln.index] = ("navigation", "site navigation (short all-caps menu line)")
            elif ln.words <= 15 and _menu_items(ln.text):
                reasons[ln.index] = ("navigation", "site navigation (menu line of separated items)")

    # related lists: short headline lines right after a related-links header
    for k, ln in enumerate(nonblank):
        if reasons.get(ln.index, ("",))[0] != "related":
            continue
        for nxt in nonblank[k + 1:]:
            if nxt.index in reasons:
                if reasons[nxt.index][0] == "related":
                    break
                continue
            if nxt.words > 20 or nxt.text.endswith((".", "!", "?", "…", ":")):
                break
            reasons[nxt.index] = ("related", "headline in a related-links box")

    # duplicates
    dup: dict[int, str] = {}
    seen: dict[str, int] = {}
    candidates = [ln for ln in nonblank if ln.index not in reasons]
    keys = {ln.index: _norm(ln.text) for ln in candidates}
    for ln in candidates:
        key = keys[ln.index]
        if key in seen and ln.words >= 5:
            dup[ln.index] = f"repeats line {seen[key] + 1}"
        seen.setdefault(key, ln.index)
    for k, ln in enumerate(candidates):
        if ln.index in dup:
            continue
        key = keys[ln.index]
        prev = candidates[k - 1] if k else None
        if prev is not None and keys[prev.index] == key and ln.words >= 2:
            dup[ln.index] = f"repeats line {prev.index + 1} (the line just before)"
    changed = True
    while changed:  # short repeated lines join an adjacent duplicate block
        changed = False
        for k, ln in enumerate(candidates):
            if ln.index in dup or seen.get(keys[ln.index]) == ln.index:
                continue
            nb = [candidates[j].index for j in (k - 1, k + 1) if 0 <= j < len(candidates)]
            if any(j in dup for j in nb):
                dup[ln.index] = f"repeats line {seen[keys[ln.index]] + 1} (inside a repeated block)"
                changed = True
    # a standfirst repeated in the body split over several lines
    squash = [_SPACES.sub("", keys[ln.index]) for ln in candidates]
    by_head: dict[str, list[int]] = {}
    for j, sq in enumerate(squash):
        if len(sq) >= 12:
            by_head.setdefault(sq[:12], []).append(j)
    for k, ln in enumerate(candidates):
        if ln.index in dup or ln.words < 8:
            continue
        target = squash[k]
        for j in by_head.get(target[:12], []):
            if j == k:
                continue
            acc, n = "", j
            for n in range(j, min(j + 6, len(candidates))):
                if n == k or candidates[n].index in dup:
                    break
                acc += squash[n]
                if len(acc) >= len(target):
                    break
            if acc == target and n > j:
                dup[ln.index] = (f"repeats lines {candidates[j].index + 1}–{candidates[n].index + 1} "
                                 "(a standfirst repeated in the body)")
                break

    removed: list[Removal] = []
    text = article.text
    block: list[Line] = []

    def flush() -> None:
        if block:
            s, e = block[0].start, block[-1].end
            if len(block) == 1:
                detail = dup[block[0].index]
            else:
                first, last = (seen.get(keys.get(x.index, ""), x.index) + 1 for x in (block[0], block[-1]))
                detail = f"block of {len(block)} lines repeating lines {first}–{last}"
            removed.append(Removal(start=s, end=e, reason="duplicate", text=text[s:e], detail=detail))
            block.clear()

    for ln in nonblank:
        if ln.index in dup:
            block.append(ln)
            continue
        flush()
        if ln.index in reasons:
            reason, detail = reasons[ln.index]
            removed.append(Removal(start=ln.start, end=ln.end, reason=reason, text=ln.text, detail=detail))
        else:
            for m in _NOISE.finditer(text, ln.start, ln.end):
                removed.append(Removal(start=m.start(), end=m.end(), reason="noise", text=m.group(),
                                       detail=f"{DETAILS['noise']}: {m.end() - m.start():,} characters"))
    flush()
    removed.sort(key=lambda r: r.start)

    removed_lines = set(reasons) | set(dup)
    posts = _posts(article, lines, removed_lines)
    return CleanResult(removed=removed, posts=posts, lines=lines)

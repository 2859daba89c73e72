"""What a page sets beside its text: photo captions and embedded posts.

*Captions* stay in the article (a reader sees them) but are set apart from
its reporting: they become :class:`rashomon.types.Aside` spans of kind
``caption``, which the analysis never reads (no claims, entities or timeline
events come from a caption). A caption is told by its photo credit — on its
own line after it ("Jane Roe / AFP", "Photo: Jane Roe") or closing it
("Smoke rises over the plant. Photo: Jane Roe / Agency") — or by a caption
label ("Image caption, …", "Photo: <a sentence>"); HTML pages mark theirs
with ``<figcaption>`` (:mod:`rashomon.ingest.html`).

*Embedded posts* are found by their attribution line
(``— Name (@handle) September 22, 2023``); the line(s) before it hold the post.
The attribution line stays in the body (its name and handle are mentions).
"""
from __future__ import annotations

import datetime as _dt
import re

from rashomon.clean.lines import LINE_MAX_CHARS, Line
from rashomon.temporal import MONTHS
from rashomon.types import Article, Aside, Quote

__all__ = ["DATE_RX", "ATTRIBUTION", "parse_post_date", "posts", "captions", "caption_credit"]

# -- captions -----------------------------------------------------------------

_CREDIT_TAIL = re.compile(
    r"^(?:(?:photo|photos|photograph|image|picture|video|credit|фото|foto|bild)\s{0,3}(?::|/|©|by\b)\s{0,3}"
    r"[^.!?\n]{1,100}|[^.!?\n/]{1,60}/[^.!?\n]{1,60}|\(?(?:photo|image)s?\s{0,3}:\s{0,3}[^.!?\n]{1,80}\)?)$",
    re.I,
)
"""A photo credit closing a caption: a label ("Photo: …", "Image by …") or a
"photographer / agency" pair ("Jane Roe / Agency", "Agency TV/via Agency")."""
_CAPTION_LABEL = re.compile(r"^(?:image caption|caption|photo|picture|pictured|image)\s{0,3}[:,]\s{0,3}\S", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’)]?\s")
_FULL_DATE_END = re.compile(
    r"(?:\b\d{1,2}\s[A-Z][a-z]{2,8}\.?,?\s\d{4}|\b[A-Z][a-z]{2,8}\.?\s\d{1,2},?\s\d{4})[,.]?"
    r"(?:\s[A-Z][\w'’-]{1,30}(?:\s[A-Z][\w'’-]{1,30}){0,2})?\.?$")
"""A line ending in a full date, optionally followed by a place ("…, September 19, 2023.",
"19 September 2023, Springfield")."""

MAX_CAPTION_WORDS = 60


def caption_credit(text: str) -> int | None:
    """Offset in ``text`` where a closing photo credit starts ("… morning.
    Photo: Jane Roe / Agency" → the offset of "Photo"), or ``None``.

    The credit follows the caption's last sentence break, holds no sentence
    of its own and at most ten words, no digit, its words capitalised (except
    short function words such as *via*, *of*, *and*).
    """
    if len(text) > LINE_MAX_CHARS:
        return None
    last = None
    for m in _SENTENCE_BREAK.finditer(text):
        last = m
    if last is None:
        return None
    tail = text[last.end():].strip()
    if not tail or len(tail.split()) > 10 or any(ch.isdigit() for ch in tail) or not _CREDIT_TAIL.match(tail):
        return None
    for w in re.split(r"[\s/]+", tail):
        w = w.strip("():©")
        if w and not (w[:1].isupper() or w.casefold() in {"via", "of", "and", "de", "for", "by", "the"}):
            return None
    return last.end() + (len(text[last.end():]) - len(text[last.end():].lstrip()))


def captions(lines: list[Line], removed: dict[int, str], dup: set[int]) -> dict[int, str]:
    """Caption lines: index → detail.

    ``removed`` maps line indices to their removal reason, ``dup`` holds the
    repeated copies. A caption is: a kept line that closes with a photo
    credit (:func:`caption_credit`); a kept line that opens with a caption
    label ("Image caption, …", "Photo: <sentence>"); or the kept line just
    above a photo-credit line (repeated copies and blank lines between
    skipped) when it is no prose paragraph: short (< 8 words), repeated, or
    ending in a full date and place ("…, September 19, 2023.").
    """
    out: dict[int, str] = {}
    for ln in lines:
        if not ln.text or ln.long or ln.index in removed or ln.index in dup or ln.words > MAX_CAPTION_WORDS:
            continue
        if caption_credit(ln.text) is not None:
            out[ln.index] = "photo caption (closes with a photo credit)"
        elif _CAPTION_LABEL.match(ln.text) and ln.words > 3:
            out[ln.index] = "photo caption (caption label)"
    for k, ln in enumerate(lines):
        if removed.get(ln.index) != "photo-credit":
            continue
        j, repeated = k - 1, False
        while j >= 0 and (not lines[j].text or lines[j].index in dup):
            repeated |= lines[j].index in dup
            j -= 1
        if j < 0 or lines[j].index in removed or lines[j].index in out:
            continue
        cap = lines[j]
        if cap.words <= MAX_CAPTION_WORDS and (cap.words < 8 or repeated or _FULL_DATE_END.search(cap.text)):
            out[cap.index] = "photo caption (above its photo credit)"
    return out


def caption_asides(article: Article, lines: list[Line], found: dict[int, str]) -> list[Aside]:
    """:class:`Aside` records (kind ``caption``) for the caption lines ``found``."""
    by_index = {ln.index: ln for ln in lines}
    return [Aside(start=by_index[i].start, end=by_index[i].end, kind="caption", text=by_index[i].text, detail=d)
            for i, d in sorted(found.items())]


# -- embedded posts -------------------------------------------------------------

_MONTH_RX = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RX = (
    rf"(?:(?P<m1>{_MONTH_RX})\.?\s{{1,3}}(?P<d1>\d{{1,2}}),?\s{{1,3}}(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s{{1,3}}(?P<m2>{_MONTH_RX})\.?,?\s{{1,3}}(?P<y2>\d{{4}}))"
)
"""A full English date, month-day-year or day-month-year ("September 22,
2023", "22 Sept. 2023"); groups ``m1 d1 y1`` or ``d2 m2 y2``."""
ATTRIBUTION = re.compile(
    r"(?:^|\s)(?P<link>(?:pic\.twitter\.com/\S{1,300}|https?://\S{1,300})\s{0,3})?"
    r"(?P<dash>[—–―]|-{1,2})\s{0,3}(?P<name>[^\n()@—–]{1,80}?)\s{0,3}\(\s{0,3}(?P<handle>@\w{1,30})\s{0,3}\)\s{0,3}"
    rf"(?:(?:\d{{1,2}}:\d{{2}}\s{{0,3}}(?:[AP]M)?\s{{0,3}}[·,]?\s{{0,3}}))?(?P<date>{DATE_RX})\s{{0,3}}$",
    re.I,
)
"""The attribution line of an embedded post: ``— Name (@handle) Month D, YYYY``."""
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
    m = (match.group("m1") or match.group("m2")).casefold().rstrip(".")
    d = int(match.group("d1") or match.group("d2"))
    y = int(match.group("y1") or match.group("y2"))
    try:
        return _dt.date(y, MONTHS[m], d).isoformat()
    except ValueError:
        return None


def posts(article: Article, lines: list[Line], removed_lines: set[int]) -> list[Quote]:
    """Embedded posts: the attribution line ``— Name (@handle) Month D, YYYY``
    and the post text before it (on the same line before the dash, else the
    nearest previous non-blank line)."""
    text = article.text
    out: list[Quote] = []
    for i, ln in enumerate(lines):
        if "@" not in ln.text or ln.long:
            continue
        m = ATTRIBUTION.search(ln.text)
        if not m:
            continue
        prefix = ln.text[: m.start("link") if m.group("link") else m.start("dash")]
        prefix = _strip_trailing_link(prefix).rstrip()
        if len(prefix.split()) >= 2:
            body_start, body_end = ln.start, ln.start + len(prefix)
        else:
            j = i - 1
            while j >= 0 and not lines[j].text:
                j -= 1
            if j < 0 or j in removed_lines or lines[j].long or ATTRIBUTION.search(lines[j].text):
                continue
            prev = lines[j]
            body = _strip_trailing_link(prev.text).rstrip()
            if not body:
                continue
            body_start, body_end = prev.start, prev.start + len(body)
        name = m.group("name").strip()
        ns = ln.start + m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip()))
        out.append(Quote(
            article=article.id, start=body_start, end=body_end, text=text[body_start:body_end], kind="post",
            speaker_text=name, speaker_start=ns, speaker_end=ns + len(name), cue=None,
            date=parse_post_date(m), date_text=m.group("date").strip(),
        ))
    return out

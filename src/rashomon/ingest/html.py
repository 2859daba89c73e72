"""HTML pages: the main text (trafilatura) and what the page's markup states
about itself (title, outlet, date, URL, language).

Nothing in a page is executed; scripts, styles and event attributes never
reach ``Article.text``. Metadata read from markup is recorded with
``Evidence(source="html-meta", text=<value as written>)``.
"""
from __future__ import annotations

import itertools
import json
import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from rashomon.errors import EmptyInputError, UnsupportedFormatError
from rashomon.ingest.fields import (
    normalize_date,
    normalize_language,
    normalize_text,
    normalize_url,
    set_field,
)
from rashomon.ingest.text import decode
from rashomon.settings import Settings
from rashomon.types import Article, Aside, Removal

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_OWN_REPORT = re.compile(
    r"""<meta\s+name=["']generator["']\s+content=["']rashomon[\s"']|<footer>Written by rashomon """, re.IGNORECASE)
"""The marks of rashomon's own report.html: its generator meta tag, or the
footer line of reports written before that tag existed."""
_URL_SITE = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)", re.IGNORECASE)

_DROP = ("script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "embed",
         "canvas", "button", "select", "form")
_BLOCK = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul".split()
)

_PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "published_time", "pubdate", "publishdate", "publish-date", "publication_date", "dc.date.issued",
    "dcterms.issued", "dc.date", "date", "sailthru.date", "parsely-pub-date",
)
"""Meta names/properties that state a publication date, most specific first
(Open Graph article namespace, schema.org, Dublin Core, common CMS tags)."""


@dataclass
class HtmlPage:
    """What one HTML page yields: ``text`` the main text (paragraphs on their
    own lines); ``meta`` field → (normalised value, value as written);
    ``captions`` the (start, end) offsets in ``text`` of its photo captions
    (``<figcaption>``); ``link_lines`` those of its lines that the markup shows
    to be mostly link text (:func:`_link_dense`)."""

    text: str
    meta: dict[str, tuple[str, str]] = field(default_factory=dict)
    captions: list[tuple[int, int]] = field(default_factory=list)
    link_lines: list[tuple[int, int]] = field(default_factory=list)


def sniff_charset(data: bytes) -> str | None:
    """The charset a ``<meta charset>``/``http-equiv`` tag declares in the first 4 KiB."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _first(tree, xpaths: tuple[str, ...]) -> str | None:
    for xp in xpaths:
        for value in tree.xpath(xp):
            value = str(value).strip()
            if value:
                return value
    return None


def _meta_content(tree, keys: tuple[str, ...]) -> str | None:
    """The first non-empty ``<meta>`` content whose name/property/itemprop is one of ``keys``."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = (el.get("content") or el.get("datetime") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (el.get(attr) or "").strip().lower()
            if key in keys and key not in found:
                found[key] = content
    for k in keys:
        if k in found:
            return found[k]
    return None


def _json_ld(tree) -> list[dict]:
    out: list[dict] = []
    for el in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(el.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return out


def _ld_text(ld: list[dict], key: str) -> str | None:
    """The first non-empty string value of ``key`` among JSON-LD items."""
    return next((i[key].strip() for i in ld if isinstance(i.get(key), str) and i[key].strip()), None)


def _own_meta(tree) -> dict[str, str]:
    """Values the markup states directly (before trafilatura prunes the tree):
    outlet (``og:site_name``, else JSON-LD ``publisher.name``), title (JSON-LD
    ``headline``, else ``og:title``), published, language, URL."""
    raw: dict[str, str] = {}
    ld = _json_ld(tree)
    title = _ld_text(ld, "headline") or _meta_content(tree, ("og:title", "twitter:title"))
    if title:
        raw["title"] = title
    site = _meta_content(tree, ("og:site_name",))
    if not site:
        for item in ld:
            pub = item.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str) and pub["name"].strip():
                site = pub["name"]
                break
    if site:
        raw["outlet"] = site
    published = _meta_content(tree, _PUBLISHED_META)
    if not published:
        published = next(
            (i["datePublished"] for i in ld if isinstance(i.get("datePublished"), str)), None
        ) or _first(tree, ("//time[@pubdate]/@datetime", "//article//time/@datetime"))
    if published:
        raw["published"] = published
    lang = _first(tree, ("/html/@lang", "/html/@xml:lang")) or _meta_content(
        tree, ("content-language", "og:locale", "language", "dc.language")
    )
    if lang:
        raw["language"] = lang
    url = _first(tree, ('//link[@rel="canonical"]/@href',)) or _meta_content(tree, ("og:url",))
    if url:
        raw["url"] = url
    return raw


def body_text(markup: str) -> str:
    """Fallback main text: every text node of ``<body>``, scripts, styles,
    forms and comments dropped, block elements on their own lines, spaces
    collapsed.

    Parsed with lxml (``huge_tree``: pages nested deeper than 256 elements,
    up to libxml2's 2048, keep their text); the tree is only read, never
    written, so a control character in the page cannot fail it. A page lxml
    finds no text in (nested deeper than libxml2 allows, e.g. 50,000 ``<b>``)
    is read again as a stream of tags (:class:`_TextStream`, no depth limit).
    """
    import lxml.html
    from lxml import etree

    try:  # huge_tree: libxml2 stops at 256 nested elements without it (2048 with it)
        root = lxml.html.document_fromstring(markup, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        root = None
    parts: list[str] = []
    if root is not None:
        body = root.find("body")
        _tree_text(root if body is None else body, parts)
    text = _lines("".join(parts))
    if not text:
        stream = _TextStream()
        stream.feed(markup)
        stream.close()
        text = _lines("".join(stream.parts))
    return text


def _lines(text: str) -> str:
    """Spaces collapsed in each line, blank lines dropped."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _tree_text(top, parts: list[str]) -> None:
    """Append the text under ``top`` to ``parts`` (without ``top``'s tail),
    a newline around each block element, dropped elements and comments left
    out (their tails kept). Iterative: no recursion on deep trees."""
    from lxml import etree

    walk = etree.iterwalk(top, events=("start", "end", "comment", "pi"))
    for event, el in walk:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if event in ("comment", "pi"):
            parts.append(el.tail or "")
        elif event == "start":
            if tag in _DROP:
                walk.skip_subtree()
                continue
            if tag in _BLOCK:
                parts.append("\n")
            parts.append(el.text or "")
        else:
            if tag in _BLOCK:
                parts.append("\n")
            if el is not top:
                parts.append(el.tail or "")


class _TextStream(HTMLParser):
    """The text of a page read tag by tag (Python's ``html.parser``, no tree):
    text inside :data:`_DROP` elements left out, a newline at each block tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropped = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _DROP:
            self.dropped += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.dropped = max(0, self.dropped - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.dropped:
            self.parts.append(data)


def extract(markup: str, name: str = "page") -> HtmlPage:
    """Main text and stated metadata of an HTML page.

    Parameters
    ----------
    markup : the decoded HTML.
    name : the file's name, for log messages.

    Returns
    -------
    HtmlPage : ``text`` from ``trafilatura.bare_extraction`` (comments excluded,
        ``favor_recall=True`` so short quote paragraphs are kept), or the
        :func:`body_text` fallback when trafilatura finds nothing; ``meta`` holds
        title, outlet (``og:site_name``, JSON-LD publisher or trafilatura's
        sitename, never a bare hostname), published (ISO 8601, as precise as the
        markup), url (canonical / ``og:url``, http(s) only) and language
        (ISO 639-1 from ``<html lang>`` or meta), each as (value, as written).
    """
    import trafilatura
    from trafilatura.utils import load_html

    markup = _XML_DECL.sub("", markup, count=1)
    meta: dict[str, tuple[str, str]] = {}
    tree = load_html(markup)
    own = _own_meta(tree) if tree is not None else {}
    doc = None
    if tree is not None:
        try:
            doc = trafilatura.bare_extraction(
                tree,
                include_comments=False,
                favor_recall=True,
                include_tables=True,
                with_metadata=True,
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
        except Exception as exc:  # trafilatura bug on odd markup: fall back, never lose the file
            log.warning("%s: trafilatura failed (%s: %s); using the page's body text", name, type(exc).__name__, exc)
    text = (getattr(doc, "text", None) or "").strip()
    if not text:
        text = body_text(markup)
    captions = [(c, a) for c, a in _figure_captions(tree) if c not in text] if tree is not None else []
    stamps = _entry_stamps(tree) if tree is not None else []
    text, spans = _with_lines(text, captions + stamps)
    kept = {s for s, _ in captions}
    captions = [(a, b) for a, b in spans if text[a:b] in kept]
    link_lines = _lines_in(text, _link_dense(tree)) if tree is not None else []

    def put(field_name: str, value: str | None, raw: str | None) -> None:
        if value and raw:
            meta[field_name] = (value, raw)

    title = own.get("title") or getattr(doc, "title", None)
    put("title", normalize_text(title), title)
    outlet_raw = own.get("outlet")
    if not outlet_raw and doc is not None and doc.sitename:
        hosts = {h.lower() for h in (doc.hostname,) if h}
        m = _URL_SITE.match(doc.url or "")
        if m:
            hosts.add(m.group(1).lower())
        if doc.sitename.lower() not in hosts:  # trafilatura falls back to the hostname: not an outlet name
            outlet_raw = doc.sitename
    put("outlet", normalize_text(outlet_raw), outlet_raw)
    pub_raw = own.get("published")
    pub = normalize_date(pub_raw)
    if not pub and doc is not None and doc.date:
        pub_raw, pub = doc.date, normalize_date(doc.date)
    put("published", pub, pub_raw)
    url_raw = own.get("url") or getattr(doc, "url", None)
    put("url", normalize_url(url_raw), url_raw)
    lang_raw = own.get("language")
    put("language", normalize_language(lang_raw), lang_raw)
    return HtmlPage(text=text, meta=meta, captions=captions, link_lines=link_lines)


def apply_page(article: Article, page: HtmlPage) -> None:
    """Set the page's stated metadata on ``article`` with ``html-meta``
    evidence, its figure captions as asides (kind ``caption``) and its
    link-dense lines as removals (reason ``link-list``), which cleaning keeps."""
    for name, (value, raw) in page.meta.items():
        set_field(article, name, value, "html-meta", raw)
    article.asides = [Aside(start=s, end=e, kind="caption", text=page.text[s:e],
                            detail="photo caption (the page's <figcaption>)") for s, e in page.captions]
    article.removed = [Removal(start=s, end=e, reason="link-list", text=page.text[s:e],
                               detail=f"a short block of the page made mostly of link text (≥ {LINK_DENSITY:.0%})")
                       for s, e in page.link_lines]


LINK_DENSITY = 0.5
"""Share of a block's characters inside links from which a short block is a
link list (navigation, related links), not prose. jusText calls a paragraph
with a link density over 0.2 bad outright (Pomikálek 2011, "Removing
Boilerplate and Duplicate Content from Web Corpora", §3.2.1, max_link_density);
half of the characters is a stricter bar, since a page's blocks that
trafilatura kept already passed its own link-density test."""
LINK_BLOCK_CHARS = 200
"""Blocks longer than this are prose or lists too long to judge as one line."""
_LINK_BLOCKS = frozenset({"p", "li", "dt", "dd", "td", "th", "h2", "h3", "h4", "h5", "h6", "div"})


def _link_dense(tree) -> set[str]:
    """Texts (spaces collapsed) of the page's short leaf blocks (no block
    element inside) whose characters are mostly link text
    (:data:`LINK_DENSITY`). One pass over the tree: leaf blocks are disjoint,
    so reading their text costs the page's size once."""
    nodes = [el for el in tree.iter() if isinstance(el.tag, str)]
    inner: set[int] = set()  # ids of elements with a block element inside
    for el in reversed(nodes):  # children before their parents
        if any(id(c) in inner or (isinstance(c.tag, str) and c.tag in _BLOCK) for c in el):
            inner.add(id(el))
    out: set[str] = set()
    for el in nodes:
        if el.tag not in _LINK_BLOCKS or id(el) in inner:
            continue
        text = " ".join(el.text_content().split())
        if not text or len(text) > LINK_BLOCK_CHARS:
            continue
        linked = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
        if linked >= LINK_DENSITY * len(text):
            out.add(text)
    return out


def _lines_in(text: str, blocks: set[str]) -> list[tuple[int, int]]:
    """Offsets of the lines of ``text`` whose text (spaces collapsed) is one of ``blocks``."""
    if not blocks:
        return []
    out, pos = [], 0
    for line in text.split("\n"):
        if " ".join(line.split()) in blocks:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(line.strip())))
        pos += len(line) + 1
    return out


MAX_CAPTIONS = 100
"""Figure captions read from one page at most (each is placed by a search of
the text: a bound keeps a page of thousands of figures linear)."""


def _figure_captions(tree) -> list[tuple[str, str]]:
    """``(caption, anchor)`` for each ``<figure>`` with a ``<figcaption>``:
    the caption's text and the start of the first paragraph after the figure
    (where the caption goes in the main text). Read from the markup because
    trafilatura drops figure captions from the text it extracts."""
    out: list[tuple[str, str]] = []
    for cap in itertools.islice(tree.iter("figcaption"), MAX_CAPTIONS):
        text = " ".join(cap.text_content().split())
        fig = next((a for a in cap.iterancestors() if a.tag == "figure"), cap)
        nxt = fig.xpath("following::p[normalize-space()][1]")
        if text and nxt:
            out.append((text, " ".join(nxt[0].text_content().split())[:60]))
    return out


ENTRY_STAMP = re.compile(r"^([01]?\d|2[0-3])[:.][0-5]\d$")
"""A ``<time>`` element's text that is a time of day alone: a live-blog entry's stamp."""
MAX_STAMPS = 2000
"""Entry stamps read from one page at most."""


def _entry_stamps(tree) -> list[tuple[str, str]]:
    """``(stamp, anchor)`` for each ``<time>`` element that stands as a block of
    its own (no text of its parent beside it, not inside a paragraph) and shows
    a time of day: a live-blog entry's stamp ("18:04"), placed as its own line
    above the entry's first paragraph (``anchor``), the form
    :mod:`rashomon.extract.stamps` reads. trafilatura drops such elements from
    the text it extracts, and with them the time every entry was written
    (Thurman & Walters 2013: live-blog entries are time-stamped; HTML's
    ``<time>`` element, WHATWG HTML Living Standard §4.5.14)."""
    out: list[tuple[str, str]] = []
    for el in itertools.islice(tree.iter("time"), MAX_STAMPS):
        text = " ".join(el.text_content().split())
        parent = el.getparent()
        if not ENTRY_STAMP.match(text) or parent is None or parent.tag in _INLINE_PARENTS \
                or (el.tail or "").strip() or not " ".join(parent.text_content().split()).startswith(text):
            continue
        # the entry's first paragraph: among the stamp's siblings, or its parent's ("<header><time>"),
        # never a search of the rest of the page
        para = next((" ".join(p.text_content().split()) for node in (el, parent) for sib in node.itersiblings()
                     if isinstance(sib.tag, str) for p in sib.iter("p") if p.text_content().strip()), "")
        if para:
            out.append((text, para[:60]))
    return out


_INLINE_PARENTS = frozenset({"p", "span", "a", "em", "strong", "b", "i", "small", "td", "th", "h1", "h2",
                             "h3", "h4", "h5", "h6", "figcaption", "blockquote", "q", "cite"})
"""Elements a ``<time>`` inside is part of a sentence or a cell, not an entry's stamp."""


def _with_lines(text: str, inserts: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with each inserted line on its own line above the line that
    opens with its anchor (``(line, anchor)`` pairs; one whose anchor is not in
    the text, or that already stands as a line right above it, is left out),
    and the inserted lines' offsets in the new text. An anchor is looked up by
    a line's first 60 characters; a line that only starts with it is searched
    for at most ``MAX_CAPTIONS`` times a page."""
    if not inserts:
        return text, []
    lines = text.split("\n")
    first: dict[str, int] = {}
    for k, ln in enumerate(lines):
        first.setdefault(" ".join(ln.split())[:60], k)
    before: dict[int, list[str]] = {}
    scans = MAX_CAPTIONS
    for line, anchor in inserts:
        i = first.get(anchor) if anchor else None
        if i is None and scans > 0:
            scans -= 1
            i = next((k for k, ln in enumerate(lines) if anchor and " ".join(ln.split()).startswith(anchor)), None)
        if i is not None and line not in before.get(i, ()) and (i == 0 or lines[i - 1].strip() != line):
            before.setdefault(i, []).append(line)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for k, ln in enumerate(lines):
        for cap in before.get(k, ()):
            spans.append((pos, pos + len(cap)))
            out.append(cap)
            pos += len(cap) + 1
        out.append(ln)
        pos += len(ln) + 1
    return "\n".join(out), spans


def read_html(path: Path, data: bytes, settings: Settings) -> list[Article]:
    """Read an HTML page (``.html``/``.htm``) into one article.

    ``Article.text`` is the extracted main text (see :func:`extract`);
    ``format`` is ``"html"``; metadata the markup states is set with
    ``html-meta`` evidence.

    Raises
    ------
    DecodingError : see :func:`rashomon.ingest.text.decode`.
    EmptyInputError : the page has no text.
    UnsupportedFormatError : the page is a report rashomon wrote (a rerun
        into the corpus folder would otherwise analyse its own findings).
    """
    markup, enc = decode(data, path.name, declared=sniff_charset(data))
    if _OWN_REPORT.search(markup):
        raise UnsupportedFormatError(
            f"{path.name} is a report written by rashomon, not an article: passed over "
            "(write reports outside the corpus folder, -o elsewhere, to avoid this)")
    page = extract(markup, path.name)
    if not page.text.strip():
        raise EmptyInputError(f"{path.name} has no text to analyse (an empty page, or only scripts and images)")
    article = Article(id="", name=path.name, path=str(path), text=page.text, format="html", encoding=enc)
    apply_page(article, page)
    return [article]

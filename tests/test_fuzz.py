"""Fuzzing the readers and ``prepare()`` with hypothesis.

Properties: a reader returns articles (non-empty text) and skipped entries,
or raises an :class:`~rashomon.errors.InputError` with a message; never any
other exception. ``prepare()`` (cleaning and metadata) never raises on any
text, and every span it records lies inside the article's text. The
examples mix the characters hostile input is made of (runs of punctuation,
quotes, brackets, control characters, markup) with ordinary words, so
shrinking ends on a small readable case. Bounded to about a minute in all.
"""
from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.errors import InputError
from rashomon.ingest import read
from rashomon.pipeline import prepare
from rashomon.settings import Settings
from rashomon.types import Article, Skipped

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                max_examples=60)

PIECES = ["The", "port", "said", "Monday", "By", "Staff", "Reuters", "(AP)", "—", "–", "-", ",", ".", "!", "?",
          "\"", "“", "”", "'", "’", ":", ";", "|", "•", "(", ")", "[", "]", "<", ">", "/", "@handle", "#tag",
          "http://a.example/x", "pic.twitter.com/x", "12", "2024", "3 March 2024", "10:45", "Published",
          "Updated", "has learned", "reports", "told", "of", "\n", "\n\n", " ", "  ", "\t", "\x0b", "\x01",
          "\u200b", "\ufeff", "Nagorno-Karabakh", "Ab" * 40, "!" * 40, "," * 40, " " * 40]

words = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=120).map("".join)
texts = st.one_of(words, st.text(max_size=400))

TMP = Path(tempfile.mkdtemp(prefix="rashomon-fuzz-"))
atexit.register(shutil.rmtree, TMP, True)
SETTINGS = Settings()


def _read(name: str, data: bytes) -> list:
    path = TMP / name
    path.write_bytes(data)
    try:
        items = read(path, SETTINGS)
    except InputError as exc:
        assert str(exc)  # a message, never empty
        return []
    for item in items:
        assert isinstance(item, (Article, Skipped))
        if isinstance(item, Article):
            assert item.text.strip()
        else:
            assert item.reason
    return items


@FUZZ
@given(texts, st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1"]))
def test_text_reader_reads_or_says_why(text, encoding):
    _read("fuzz.txt", text.encode(encoding, errors="replace"))


TAGS = ["p", "div", "b", "i", "span", "script", "style", "article", "h1", "li", "ul", "table", "td", "br",
        "meta", "time", "a", "template", "svg", "noscript"]


@st.composite
def markup(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 5))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attr = draw(st.sampled_from(['', ' class="x"', ' property="og:site_name" content="Harbour Daily"',
                                         ' datetime="2024-03-12T10:00"', ' onclick="alert(1)"', ' lang="en"']))
            parts.append(f"<{tag}{attr}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>",
                                               "&amp;", "&#0;", "&#x1F600;", "&bogus;", "<", ">"])))
        elif kind == 3:
            parts.append('<script type="application/ld+json">' + draw(st.sampled_from(
                ['{"datePublished": "2024-03-12"}', "[" * 300, '{"publisher": {"name": 5}}', "{"])) + "</script>")
        else:
            parts.append(draw(words))
    return "".join(parts)


@FUZZ
@given(markup())
def test_html_reader_reads_or_says_why(page):
    _read("fuzz.html", page.encode("utf-8", errors="replace"))


@st.composite
def json_lines(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            lines.append(json.dumps({"text": draw(texts), "title": draw(st.text(max_size=20)),
                                     "published": draw(st.sampled_from(["2024-03-12", "yesterday", "", 5]))}))
        elif kind == 1:
            lines.append(json.dumps({"html": draw(markup()), "outlet": draw(st.text(max_size=10))}))
        elif kind == 2:
            lines.append(draw(st.sampled_from(["[" * 1000, "{" * 50, "null", "[]", '{"text": null}', "not json"])))
        else:
            lines.append(draw(st.text(max_size=60)))
    return "\n".join(lines)


@FUZZ
@given(json_lines())
def test_jsonl_reader_keeps_good_lines_whatever_the_bad_ones(feed):
    items = _read("fuzz.jsonl", feed.encode("utf-8", errors="replace"))
    lines = [ln for ln in feed.replace("\r\n", "\n").replace("\r", "\n").split("\n") if ln.strip()]
    assert not items or len(items) == len(lines)  # one entry per non-blank line


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], max_examples=150)
@given(texts)
def test_prepare_never_fails_and_keeps_spans_inside_the_text(text):
    if not text.strip():
        return
    art, posts = prepare(Article(id="a0", name="fuzz.txt", path="fuzz.txt", text=text))
    n = len(text)
    assert all(0 <= r.start <= r.end <= n for r in art.removed)
    assert art.words_kept >= 0 and art.words_removed >= 0
    for ev in art.metadata_evidence.values():
        if ev.start is not None:
            assert 0 <= ev.start <= (ev.end if ev.end is not None else n) <= n
    for q in posts:
        assert 0 <= q.start <= q.end <= n

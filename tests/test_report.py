"""Report renderers: context, HTML (escaping, self-contained), Markdown, JSON Schema."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from _report_fixture import make_report
from rashomon.report.context import build_context
from rashomon.report.labels import colour, colour_class, figure
from rashomon.report.render import md_escape, render_html, render_markdown, write_all
from rashomon.report.segments import article_marks, article_tokens
from rashomon.report.timeline_view import _date_bounds
from rashomon.types import Article, Entity, Generator, Mention, Quantity, Quote, Removal, Report

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def report() -> Report:
    return make_report()


@pytest.fixture(scope="module")
def html(report) -> str:
    return render_html(report)


@pytest.fixture(scope="module")
def md(report) -> str:
    return render_markdown(report)


# ---------------------------------------------------------------- context

@pytest.mark.parametrize("q,expected", [
    (Quantity(value=12, approx="at least", unit="people", of="killed"), "at least 12 people killed"),
    (Quantity(value=200.0, approx="over", of="killed"), "over 200 killed"),
    (Quantity(value=10, high=12, approx="range", of="wounded"), "10–12 wounded"),
    (Quantity(value=1.5, approx="exact", unit="hours"), "1.5 hours"),
    (Quantity(value=0), "0"),
    (Quantity(value=20, approx="over", unit="km", of="km"), "over 20 km"),
])
def test_figure(q, expected):
    assert figure(q) == expected


@pytest.mark.parametrize("value,end,precision,days", [
    ("2024-03-14", None, "day", 1),
    ("2024-03-14T10:33", None, "minute", 1),
    ("2024-02", None, "month", 29),
    ("2023", None, "year", 365),
    ("2024-03-14", "2024-03-16", "day", 3),
])
def test_date_bounds_width_follows_precision(value, end, precision, days):
    lo, hi = _date_bounds(value, end, precision)
    assert (hi - lo).days == days


def test_date_bounds_unparsable_is_none():
    assert _date_bounds("sometime", None, "day") is None
    assert _date_bounds(None, None, None) is None


def test_colour_is_stable_and_distinguishes_keys():
    assert colour("e4") == colour("e4")
    assert colour("e4") != colour("e5")
    assert re.fullmatch(r"hsl\(\d+, 70%, \d+%\)", colour("e4"))


def _pieces(toks):
    """(text, open tags around it) for each text token of an article's tokens."""
    stack, out = [], []
    for t in toks:
        if "text" in t:
            out.append((t["text"], [o["tag"] + "." + o["cls"] for o in stack]))
        elif "close" in t:
            assert stack.pop()["tag"] == t["close"]  # well nested
        else:
            stack.append(t["open"])
    assert not stack
    return out


def test_article_tokens_cover_the_text_exactly_and_nest(report):
    ctx = build_context(report)
    for a, art in zip(ctx["articles"], report.articles):
        assert "".join(t["text"] for t in a["tokens"] if "text" in t) == art.text
    toks = ctx["articles"][0]["tokens"]
    opens = [t["open"] for t in toks if "open" in t]
    removed = next(o for o in opens if o["tag"] == "del")
    assert removed["title"] == "navigation: menu words"
    pieces = dict(_pieces(toks))
    assert pieces["MENU Home News"] == ["del."]
    assert pieces["Tomas Varga"] == ["span.p", "span.ent"]  # a mention in a copied passage, outside the quote
    quote = next(o for o in opens if o["id"] == "q0")
    assert quote["tag"] == "mark" and quote["cls"] == "q " + colour_class(colour("e0"))
    claim = next(o for o in opens if o["id"] == "c0")  # the claim, same span as the quote: nested inside it
    assert claim["tag"] == "span" and opens.index(claim) == opens.index(quote) + 1
    fr = [o for o in opens if o["lang"] == "fr"]
    assert len(fr) == 1 and fr[0]["first"]


def test_article_tokens_clip_spans_outside_the_text_and_split_crossing_spans():
    text = "abcdefghij"
    art = Article(id="a0", name="x", path="x", text=text,
                  removed=[Removal(start=2, end=6, reason="ticker", text="cdef"),
                           Removal(start=8, end=50, reason="share", text="ij")])
    quote = Quote(id="q0", article="a0", start=4, end=9, text="efghi", kind="direct")
    mention = (Entity(id="e0", name="E"), Mention(article="a0", start=0, end=3, text="abc"))
    used: set[str] = set()
    toks = article_tokens(text, article_marks(art, [quote], [], [mention], [(1, 3, "copied")], {}, {}), used)
    assert _pieces(toks) == [("a", ["span.ent"]), ("b", ["span.ent", "span.p"]), ("c", ["span.ent", "span.p", "del."]),
                             ("d", ["del."]), ("ef", ["del.", "mark.q c-none"]), ("gh", ["mark.q c-none"]),
                             ("i", ["mark.q c-none", "del."]), ("j", ["del."])]
    ids = [t["open"]["id"] for t in toks if "open" in t and t["open"]["id"]]
    assert ids == ["a0-1-3", "q0"] and used == {"a0-1-3", "q0"}  # an id on the first piece only
    again = article_tokens(text, article_marks(art, [quote], [], [], [], {}, {}), used)
    assert not any(t["open"]["id"] for t in again if "open" in t)  # and once per page


def test_context_groups_quotes_by_speaker_and_keeps_unattributed(report):
    ctx = build_context(report)
    names = [s["name"] for s in ctx["speakers"]]
    assert set(names) == {"Tomas Varga", "Helena Strand"}
    strand = next(s for s in ctx["speakers"] if s["name"] == "Helena Strand")
    assert strand["role"] == "spokeswoman" and strand["affiliation"] == "the plant"
    assert strand["relayed"] == 1 and strand["quotes"][0]["relayed_by"] == "Reuters"
    assert [q["speaker_text"] for q in ctx["unattributed"]] == ["<b>someone</b>"]


def test_context_matrix_and_relations(report):
    ctx = build_context(report)
    assert ctx["matrix"]["columns"] == ["Daily Ledger", "two.html"]
    assert ctx["matrix"]["rows"][0]["cells"] == ["asserts", "denies"]
    (c,) = ctx["contradictions"]
    assert c["a"]["figures"] == ["at least 12 people killed"] and c["reason"] == "12 killed vs no casualties"
    assert ctx["agreements"][0]["independent"] is False
    assert ctx["summary"]["contradictions"] == 1


def test_context_entities_forms_per_source(report):
    ctx = build_context(report)
    varga = next(e for e in ctx["entities"] if e["id"] == "e0")
    assert varga["forms"] == [{"form": "Tamas Varga", "sources": ["two.html"]},
                              {"form": "Tomas Varga", "sources": ["Daily Ledger"]}]


def test_context_timeline_chart(report):
    tl = build_context(report)["timeline"]
    assert [e["date"] for e in tl["entries"]] == ["2024", "2024-03", "2024-03-14"]
    marks = tl["chart"]["marks"]
    year = next(m for m in marks if m["precision"] == "year")
    month = next(m for m in marks if m["precision"] == "month")
    day = next(m for m in marks if m["precision"] == "day")
    assert year["width"] > month["width"] > day["width"]
    assert len([m for m in marks if m["precision"] == "day"]) == 2  # one marker per source


def test_context_of_empty_report_renders():
    rep = Report(generator=Generator(version="t"))
    ctx = build_context(rep)
    assert ctx["timeline"]["chart"] is None
    html = render_html(rep, ctx)
    assert "none found" in html
    assert "None found." in render_markdown(rep, ctx)


# ---------------------------------------------------------------- HTML safety

def test_html_escapes_every_input_string(html):
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;/style&gt;" in html
    assert html.count("</style>") == 1  # ours only
    assert html.count("<script") == 1  # the table-sort script only
    assert "<b>kills</b>" not in html and "Blast &lt;b&gt;kills&lt;/b&gt; 12" in html
    assert "<i>built</i>" not in html


def test_html_has_no_javascript_urls_or_inline_handlers_from_input(html):
    for attr in re.findall(r"""\s(?:href|src|action|formaction|xlink:href)\s*=\s*["']?([^"'\s>]*)""", html, re.I):
        assert not attr.lower().startswith("javascript:"), attr
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.I)


def test_html_is_self_contained(html):
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", html, re.I)
    assert not re.search(r"@import", html, re.I)
    assert not re.search(r"<(?:link|iframe|object|embed|img)\b", html, re.I)
    # the article URL is shown as escaped text, not as a link
    assert "https://example.org/one" in html
    assert 'href="https://example.org/one"' not in html


def test_html_sections_present(html):
    for anchor in ("sources", "who", "entities", "meet", "reuse", "framing", "timeline", "texts"):
        assert f'id="{anchor}"' in html
    assert '<del title="navigation: menu words">MENU Home News</del>' in html
    assert "<svg" in html and "<rect" in html
    assert 'class="unknown">unknown<' in html
    assert "in/photo.txt" in html and "binary input &lt;x&gt;" in html
    assert 'data-lang="fr"' in html


# ---------------------------------------------------------------- Markdown

@pytest.mark.parametrize("value,expected", [
    (None, "unknown"),
    ("a | b", r"a \| b"),
    ("<script>x</script>", r"\<script\>x\</script\>"),
    ("line\n\nbreak", "line break"),
    ("[link](javascript:x)", r"\[link\](javascript:x)"),
    (12, "12"),
])
def test_md_escape(value, expected):
    assert md_escape(value) == expected


def test_markdown_sections_and_escaping(md):
    for head in ("## Sources", "## Who said what", "## Contradictions", "## Copied text", "## Framing",
                 "## Timeline", "### Skipped files", "### Unattributed"):
        assert head in md
    assert "<script>" not in md and "<b>" not in md
    assert "Why: 12 killed vs no casualties" in md
    assert "in/photo.txt: binary input \\<x\\>" in md
    table_rows = [ln for ln in md.splitlines() if ln.startswith("| a")]
    assert len(table_rows) == 2 and all(r.count(" | ") == 7 for r in table_rows)


# ---------------------------------------------------------------- files and schema

def test_write_all_writes_three_files(tmp_path, report):
    paths = write_all(report, tmp_path / "new" / "dir")
    assert set(paths) == {"json", "html", "md"}
    assert all(p.exists() and p.stat().st_size > 0 for p in paths.values())
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert data["schema"] == "rashomon.report/1"
    assert data == json.loads(report.to_json())


def test_committed_schema_is_current():
    from typer.testing import CliRunner

    from rashomon.cli import app

    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    committed = (ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8")
    assert json.loads(result.stdout) == json.loads(committed), (
        "docs/report.schema.json is out of date with rashomon.types.Report; regenerate it with: "
        "python -m rashomon schema > docs/report.schema.json")


ARTICLE_KEYS = {"id", "name", "path", "title", "outlet", "published", "language", "text", "removed",
                "metadata_evidence"}


def check_contract(data: dict) -> None:
    """The keys the report contract (docs/report-contract.md) promises."""
    assert data["schema"] == "rashomon.report/1"
    assert data["generator"]["name"] == "rashomon" and data["generator"]["version"]
    for key in ("articles", "entities", "quotes", "claims", "propositions", "relations", "reuse", "framing",
                "timeline", "skipped"):
        assert isinstance(data[key], list), key
    assert data["articles"]
    for a in data["articles"]:
        assert ARTICLE_KEYS <= set(a)
        for r in a["removed"]:
            assert {"start", "end", "reason", "text"} <= set(r)
            assert a["text"][r["start"]:r["end"]] == r["text"]
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for e in data["entities"]:
        assert {"id", "name", "type", "aliases", "mentions"} <= set(e)
        for m in e["mentions"]:
            assert texts[m["article"]][m["start"]:m["end"]] == m["text"]
    for q in data["quotes"]:
        assert {"id", "article", "start", "end", "text", "kind", "speaker", "speaker_text", "cue", "date"} <= set(q)
        assert q["kind"] in ("direct", "indirect", "post", "question")
        assert texts[q["article"]][q["start"]:q["end"]] == q["text"]
    for c in data["claims"]:
        assert {"id", "article", "start", "end", "text", "speaker", "polarity", "modality", "quantities", "time",
                "places"} <= set(c)
    for r in data["relations"]:
        assert {"kind", "a", "b", "independent", "reason"} <= set(r)
    for r in data["reuse"]:
        assert {"a", "a_start", "a_end", "b", "b_start", "b_end"} <= set(r)
    for f in data["framing"]:
        assert {"article", "voice", "term", "count"} <= set(f)
    for t in data["timeline"]:
        assert {"date", "precision", "label", "claims", "articles"} <= set(t)


def test_fixture_report_meets_contract(report):
    check_contract(json.loads(report.to_json()))


@pytest.mark.model
def test_demo_corpus_report_meets_contract(tmp_path):
    from rashomon import analyze

    rep = analyze([ROOT / "examples" / "corpus"])
    paths = write_all(rep, tmp_path)
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    check_contract(data)
    assert len(data["articles"]) == 4
    html = paths["html"].read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)


@pytest.mark.corpus
def test_real_corpus_report_meets_contract(corpus_report, tmp_path):
    paths = write_all(corpus_report, tmp_path)
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    check_contract(data)
    assert len(data["articles"]) == 5
    html = paths["html"].read_text(encoding="utf-8")
    for a in data["articles"]:  # every article's text is on the page (escaped)
        assert f'id="text-{a["id"]}"' in html

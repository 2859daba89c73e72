"""The report's framing section: rival terms for one thing, side by side."""
from __future__ import annotations

from rashomon.report.context import build_context
from rashomon.report.render import render_html, render_markdown
from rashomon.types import Article, Entity, FramingTerm, Generator, Report


def _report(rows: list[FramingTerm]) -> Report:
    arts = [Article(id=f"a{i}", name=f"{i}.txt", path=f"{i}.txt", text="x", outlet=f"Outlet {i}")
            for i in range(3)]
    return Report(generator=Generator(name="rashomon", version="0"), articles=arts,
                  entities=[Entity(id="e9", name="Harbour Square / Union Square", type="FAC")], framing=rows)


def _row(article, term, group, voice="narrator", category="event naming"):
    return FramingTerm(article=article, voice=voice, term=term, category=category, group=group)


def test_rival_terms_grouped_across_sources():
    ctx = build_context(_report([
        _row("a0", "incident", "accident/0"), _row("a1", "explosion", "accident/0"),
        _row("a2", "Orvik explosion", "accident/0"), _row("a2", "Explosions", "accident/0"),
        _row("a0", "Harbour Square", "e9", category="toponym"), _row("a1", "Union Square", "e9", category="toponym"),
        _row("a1", "disaster", "accident/0", voice="e4"),      # a quoted voice is not the narrator's choice
        _row("a0", "riot", "unrest/0", category="unrest"),      # one source only: no contrast
        _row("a0", "protest", "unrest/0", category="unrest"),
        _row("a1", "rebels", None, category="party"),           # no group: no contrast
    ]))
    rivals = {g["group"]: g for g in ctx["framing_rivals"]}
    assert set(rivals) == {"accident/0", "e9"}
    acc = rivals["accident/0"]
    assert acc["label"] == "event naming" and acc["sources"] == 3
    assert [(t["term"], t["sources"]) for t in acc["terms"]] == [
        ("explosion", ["Outlet 1", "Outlet 2"]), ("incident", ["Outlet 0"])]
    assert rivals["e9"]["label"] == "Harbour Square / Union Square"


def test_rival_terms_rendered_and_escaped():
    report = _report([_row("a0", "<b>sell-off</b>", "economy/0"), _row("a1", "privatisation", "economy/0")])
    html = render_html(report)
    assert "Rival terms for one thing" in html
    assert "<b>sell-off</b>" not in html and "&lt;b&gt;sell-off&lt;/b&gt;" in html
    md = render_markdown(report)
    assert "privatisation (Outlet 1)" in md

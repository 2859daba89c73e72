"""Read queries the web pages use (labels, passages, framing per outlet, the
partial report disputes are grouped from), on a workspace of two short
articles written for these tests: one reports deaths, the other denies any."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon import Workspace
from rashomon.report.context import build_context

from _web_story import FIRE, OWNER


@pytest.fixture(scope="module")
def two(tmp_path_factory) -> Workspace:
    d: Path = tmp_path_factory.mktemp("orlen")
    (d / "fire.txt").write_text(FIRE, encoding="utf-8")
    (d / "owner.txt").write_text(OWNER, encoding="utf-8")
    ws = Workspace(d / "story.db")
    ws.add([d / "fire.txt", d / "owner.txt"])
    ws.refresh()
    yield ws
    ws.close()


@pytest.mark.model
def test_labels_and_the_article_of_a_finding(two):
    s = two.store
    assert s.article_labels(["a1", "a0", "a9"]) == {"a0": "fire.txt", "a1": "owner.txt"}
    quote = s.quotes(q="rubble").items[0]
    assert s.finding_article(quote["id"]) == "a0"
    claim = s.claims(q="casualties").items[0]
    assert s.finding_article(claim["id"]) == "a1"
    assert s.finding_article("q999") is None and s.finding_article("e1") is None


@pytest.mark.model
def test_disputes_from_the_relation_report_equal_those_of_the_whole_report(two):
    part = build_context(two.store.relation_report())
    whole = two.context()
    assert part["disputes"] and part["disputes"][0]["label"] == "harm to people"
    for key in ("disputes", "agreement_groups", "repeat_groups", "contradictions"):
        assert json.dumps(part[key], sort_keys=True) == json.dumps(whole[key], sort_keys=True)
    for kind, key in (("contradicts", "disputes"), ("agrees", "agreement_groups"), ("repeats", "repeat_groups")):
        one = two.store.relation_report(kind)
        assert {r.kind for r in one.relations} <= {kind}
        assert json.dumps(build_context(one)[key], sort_keys=True) == json.dumps(whole[key], sort_keys=True)
    assert ({r.kind for r in two.store.relation_report().relations}
            == {r.kind for r in two.report().relations} >= {"contradicts"})
    assert two.store.relation_report("revises").claims == [] and two.store.relation_report("revises").articles == []
    sides = part["disputes"][0]["sides"]
    texts = {c["text"] for side in sides for c in side["claims"]}
    assert any(t.startswith("At least 14 people were killed") for t in texts)
    assert any("no casualties" in t for t in texts)


@pytest.mark.model
def test_reuse_passages_carry_both_texts(tmp_path):
    shared = "The bridge over the Lask river will stay closed to lorries until the inspectors report in May. "
    (tmp_path / "x.txt").write_text("Lask bridge closed\n\n" + shared + "Drivers are angry.\n", encoding="utf-8")
    (tmp_path / "y.txt").write_text("Traffic news\n\nCouncil officials confirmed it. " + shared, encoding="utf-8")
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([tmp_path / "x.txt", tmp_path / "y.txt"])
        ws.refresh()
        page = ws.store.reuse_passages()
        assert page.total == 1
        item = page.items[0]
        assert (item["a_label"], item["b_label"]) == ("x.txt", "y.txt")
        assert "inspectors report in May" in item["a_text"] and "inspectors report in May" in item["b_text"]
        assert ws.store.reuse_passages(article="a1").total == 1 and ws.store.reuse_passages(article="a7").total == 0


@pytest.mark.model
def test_framing_is_summed_per_outlet_and_voice(two):
    page = two.store.framing_by_outlet(per_page=500)
    rows = page.items
    assert rows and page.total == len(rows)
    assert all(r["voice"] in ("narrator", "quoted") and r["count"] >= 1 and r["articles"] == 1 for r in rows)
    assert {r["outlet"] for r in rows} <= {"fire.txt", "owner.txt"}
    assert two.store.framing_by_outlet(outlet="nowhere").total == 0
    assert sum(r["count"] for r in rows) == sum(f["count"] for f in two.store.framing(per_page=500).items)


@pytest.mark.model
def test_the_relations_of_an_article_are_those_naming_one_of_its_claims(two):
    report = two.report()
    of = {c.id: c.article for c in report.claims}
    for article in ("a0", "a1", "a7"):
        want = [(r.a, r.b) for r in report.relations if article in (of.get(r.a), of.get(r.b))]
        got = two.store.relations(article=article, per_page=500).items
        assert [(r["a"], r["b"]) for r in got] == want
    assert two.store.relations(article="a0").total >= 1

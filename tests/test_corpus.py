"""End to end on the real corpus: ``rashomon analyze`` scored against the gold file.

The minimum per scorer category is what each issue's "done when" asks; the
scorer is ``../shared/tools/score.py``, run on the report.json the CLI writes.
"""
from __future__ import annotations

import importlib.util
import json

import pytest
import yaml

from rashomon.report.render import write_all

# category -> minimum passed (None: every line)
MINIMUM = {
    "articles": None,
    "boilerplate": None,
    "dedup": None,
    "kept": None,
    "posts": None,
    # "Who said what"
    "quote found": 20,
    "quote speaker": 20,
    "quote kind": 19,
    "same entity": None,
    "different entities": None,
    # "Claims side by side"
    "contradictions": None,
    "contradiction pairs": 6,
    "false contradictions avoided": None,
    "agreements": None,
    "hedged": None,
    "reuse": None,
    "framing narrator": 7,
    "framing voice": None,
    # "When"
    "timeline": None,
}


@pytest.fixture(scope="module")
def scorecard(corpus_report, gold_path, scorer_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus-out")
    write_all(corpus_report, out)
    spec = importlib.util.spec_from_file_location("score", scorer_path)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    expected = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    return score.Scorer(score.Report(data), expected).run()


@pytest.mark.corpus
@pytest.mark.parametrize("category", sorted(MINIMUM))
def test_scorecard_category(scorecard, category):
    lines = scorecard.get(category, [])
    assert lines, f"scorer produced no lines for {category}"
    passed = sum(ok for ok, _ in lines)
    need = len(lines) if MINIMUM[category] is None else MINIMUM[category]
    failures = [what for ok, what in lines if not ok]
    assert passed >= need, f"{category}: {passed}/{len(lines)} (need {need}); failures: {failures}"


@pytest.mark.corpus
def test_report_lists_every_corpus_file(corpus_report, corpus_dir):
    names = sorted(a.name for a in corpus_report.articles)
    assert names == sorted(p.name for p in corpus_dir.iterdir() if p.suffix == ".txt")
    assert corpus_report.skipped == []

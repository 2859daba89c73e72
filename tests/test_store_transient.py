"""A transient workspace (analyze's) keeps per-article results in memory and
gives the report a stored workspace gives."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rashomon import Workspace

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
PER_ARTICLE = ("mentions", "quotes", "claims", "temporal_expressions")


def _rows(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in PER_ARTICLE}


@pytest.mark.model
def test_transient_workspace_reports_as_a_stored_one_and_writes_no_result_rows(tmp_path):
    with Workspace(tmp_path / "stored.db") as ws:
        ws.add([EXAMPLES])
        stored = ws.report(keep=False)
    with Workspace(tmp_path / "transient.db", search=False, transient=True) as ws:
        ws.add([EXAMPLES])
        transient = ws.report(keep=False)
    assert transient.to_json() == stored.to_json()
    assert len(transient.claims) > 20 and len(transient.quotes) > 5
    assert min(_rows(tmp_path / "stored.db").values()) > 0
    assert _rows(tmp_path / "transient.db") == dict.fromkeys(PER_ARTICLE, 0)


@pytest.mark.model
def test_transient_workspace_drops_an_article_read_again(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text("The harbour board said on Monday that the ferry would sail on Friday.\n", encoding="utf-8")
    with Workspace(tmp_path / "t.db", search=False, transient=True) as ws:
        ws.add([src])
        src.write_text("The harbour board said on Monday that the ferry would not sail before May.\n",
                       encoding="utf-8")
        ws.add([src])  # the same source, changed: its earlier results give way to the new ones
        report = ws.report(keep=False)
    texts = [c.text for c in report.claims]
    assert any("the ferry would not sail before May" in t for t in texts)
    assert not any("Friday" in t for t in texts)  # nothing left of the first version

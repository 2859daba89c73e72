"""``--format all`` on worker processes: how the formats are shared, the
same files as one process writes, and a worker's failure reported."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from _export_fixture import hostile_report
from rashomon.errors import ExportError
from rashomon.export import FORMATS, export_all, workers

CONTEXT = [n for n, f in FORMATS.items() if f.context]


def test_plan_keeps_the_context_formats_together_in_the_calling_process():
    names = list(FORMATS)
    assert workers.plan(names, 1, CONTEXT) == [names]
    assert workers.plan(names, 2, CONTEXT) == [["annotations", "csv", "xlsx"], ["ftm", "claims", "gexf"]]
    # heaviest first onto the least loaded: ftm alone, claims and gexf together
    assert workers.plan(names, 3, CONTEXT) == [["annotations", "csv", "xlsx"], ["ftm"], ["claims", "gexf"]]
    assert workers.plan(names, 8, CONTEXT)[1:] == [["ftm"], ["gexf"], ["claims"]]  # no idle worker started
    assert workers.plan(["csv", "xlsx"], 2, CONTEXT) == [["csv", "xlsx"]]


def test_plan_zero_jobs_means_one_per_core(monkeypatch):
    import rashomon.workspace.workers as ws_workers

    monkeypatch.setattr(ws_workers, "cpu_count", lambda: 1)
    assert workers.plan(list(FORMATS), 0, CONTEXT) == [list(FORMATS)]
    monkeypatch.setattr(ws_workers, "cpu_count", lambda: 2)
    assert len(workers.plan(list(FORMATS), 0, CONTEXT)) == 2


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not workers.can_fork()
        assert workers.plan(list(FORMATS), 2, CONTEXT) == [list(FORMATS)]
    finally:
        stop.set()
        thread.join()


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.skipif(not workers.can_fork(), reason="worker processes are forked; this platform cannot fork")
def test_two_processes_write_what_one_writes(tmp_path):
    import openpyxl

    report = hostile_report()
    one, _ = export_all(report, tmp_path / "one", jobs=1)
    two, missing = export_all(report, tmp_path / "two", jobs=2)
    assert not missing
    assert [p.relative_to(tmp_path / "two") for p in two] == [p.relative_to(tmp_path / "one") for p in one]
    a, b = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert a.keys() == b.keys()
    assert {k for k in a if a[k] != b[k]} <= {"report.xlsx"}  # the workbook's zip stamps its time
    sheets = [openpyxl.load_workbook(tmp_path / d / "report.xlsx") for d in ("one", "two")]
    assert [[[c.value for c in r] for r in ws.iter_rows()] for ws in sheets[0]] == \
        [[[c.value for c in r] for r in ws.iter_rows()] for ws in sheets[1]]


@pytest.mark.skipif(not workers.can_fork(), reason="worker processes are forked; this platform cannot fork")
def test_a_worker_failure_is_raised_after_the_others_finish(tmp_path, monkeypatch):
    from rashomon.export import gexf

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(gexf, "write", full)  # gexf is written by the worker
    with pytest.raises(OSError, match="No space left"):
        export_all(hostile_report(), tmp_path / "out", jobs=2)
    assert (tmp_path / "out" / "report.xlsx").exists()  # the calling process's formats were finished


@pytest.mark.skipif(not workers.can_fork(), reason="worker processes are forked; this platform cannot fork")
def test_a_worker_that_dies_is_a_clear_error(tmp_path, monkeypatch):
    from rashomon.export import gexf

    monkeypatch.setattr(gexf, "write", lambda *args, **kwargs: os._exit(3))
    with pytest.raises(ExportError, match="exit code 3"):
        export_all(hostile_report(), tmp_path / "out", jobs=2)


def test_cli_jobs_option(tmp_path):
    from typer.testing import CliRunner

    from rashomon.cli import app

    src = tmp_path / "report.json"
    src.write_text(hostile_report().to_json(), encoding="utf-8")
    runner = CliRunner()
    one = runner.invoke(app, ["export", str(src), "--format", "all", "--jobs", "1", "-o", str(tmp_path / "one")])
    assert one.exit_code == 0, one.output
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == sorted(f.suggested for f in FORMATS.values())
    negative = runner.invoke(app, ["export", str(src), "--format", "all", "--jobs", "-1", "-o", str(tmp_path / "x")])
    assert negative.exit_code == 2 and not (tmp_path / "x").exists()

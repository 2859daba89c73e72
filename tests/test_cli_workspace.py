"""``rashomon add`` and ``rashomon report``: outputs and exit codes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app

runner = CliRunner()

TEXT = ("Governor Anna Berg said on Monday that the bridge in Northam would reopen next week. "
        "\"We have checked every cable,\" Berg told reporters.\n")


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text(TEXT, encoding="utf-8")
    (d / "two.txt").write_text(TEXT.replace("Monday", "Tuesday").replace("next week", "in May"), encoding="utf-8")
    return d


@pytest.mark.model
def test_add_then_report_writes_what_analyze_writes(tmp_path, inputs):
    ws = tmp_path / "story.db"
    first = invoke("add", ws, inputs, "--jobs", "1")
    assert first.exit_code == 0, first.output
    assert "2 articles added, 0 analysed again, 0 unchanged" in first.output
    assert f"{ws}: 2 articles, " in first.output and "to be recomputed by 'rashomon report'" in first.output
    again = invoke("add", ws, inputs, "--refresh")
    assert again.exit_code == 0 and "0 articles added, 0 analysed again, 2 unchanged" in again.output
    assert "entities, 0 contradicting pairs" in again.output
    out = invoke("report", ws, "-o", tmp_path / "out")
    assert out.exit_code == 0, out.output
    assert "2 articles analysed" in out.output
    direct = invoke("analyze", inputs, "-o", tmp_path / "direct")
    assert direct.exit_code == 0
    for name in ("report.json", "report.html", "report.md"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "direct" / name).read_bytes()
    assert json.loads((tmp_path / "out" / "report.json").read_text())["articles"][1]["id"] == "a1"


@pytest.mark.model
def test_the_demo_corpus_added_in_two_steps_reports_what_analyze_reports(tmp_path):
    demo = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    ws = tmp_path / "story.db"
    first_two = sorted(demo.iterdir())[:2]
    assert invoke("add", ws, *first_two, "-q").exit_code == 0
    assert invoke("add", ws, demo, "-q").exit_code == 0
    assert invoke("report", ws, "-o", tmp_path / "out", "-q").exit_code == 0
    assert invoke("analyze", demo, "-o", tmp_path / "direct", "-q").exit_code == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert len(report["articles"]) == 4 and report["quotes"] and report["relations"]
    for name in ("report.json", "report.html", "report.md"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "direct" / name).read_bytes(), name


def test_a_file_that_is_not_a_workspace_is_a_usage_error(tmp_path, inputs):
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list " * 100, encoding="utf-8")
    result = invoke("add", notes, inputs)
    assert result.exit_code == 2
    assert "not a rashomon workspace" in result.output
    assert notes.read_text(encoding="utf-8").startswith("shopping list")  # left as it was


def test_report_of_a_missing_workspace_is_a_usage_error(tmp_path):
    result = invoke("report", tmp_path / "none.db", "-o", tmp_path / "out")
    assert result.exit_code == 2 and "does not exist" in result.output
    assert not (tmp_path / "none.db").exists() and not (tmp_path / "out").exists()


def test_add_without_any_supported_input_is_a_usage_error(tmp_path):
    result = invoke("add", tmp_path / "story.db", tmp_path / "missing-folder")
    assert result.exit_code == 2 and "no supported input" in result.output


@pytest.mark.model
def test_strict_add_fails_on_a_skipped_input(tmp_path, inputs):
    (inputs / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    result = invoke("add", tmp_path / "story.db", inputs, "--strict", "--jobs", "1")
    assert result.exit_code == 1
    assert "skipped" in result.output and "photo.txt" in result.output and "--strict" in result.output


@pytest.mark.model
def test_each_skip_is_printed_once_by_add_and_analyze(tmp_path, inputs):
    photo = inputs / "photo.txt"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    added = invoke("add", tmp_path / "story.db", inputs, "--jobs", "1")
    analysed = invoke("analyze", inputs, "-o", tmp_path / "out")
    for result in (added, analysed):
        assert result.exit_code == 0, result.output
        assert result.stderr.count(str(photo)) == 1, result.stderr
        assert "WARNING" not in result.stderr


def test_strict_says_what_each_command_still_writes():
    import typer.main

    commands = typer.main.get_command(app).commands
    strict = {name: next(p.help for p in commands[name].params if p.name == "strict") for name in ("add", "analyze")}
    assert strict == {"add": "Exit 1 when any input is skipped (the documents read are still added).",
                      "analyze": "Exit 1 when any input is skipped (the report is still written)."}


def test_worker_processes_leave_ctrl_c_to_the_parent(monkeypatch):
    import signal

    from rashomon import Settings, annotate
    from rashomon.workspace import workers

    monkeypatch.setattr(annotate, "load_pipeline", lambda settings: "nlp")
    before = signal.getsignal(signal.SIGINT)
    try:
        workers._init(Settings())
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)
        workers._worker.clear()


@pytest.mark.model
def test_an_interrupted_add_says_what_is_pending_and_report_names_the_add(tmp_path, inputs, monkeypatch):
    from rashomon.workspace.workers import Runner

    ws = tmp_path / "story.db"

    def interrupted(self, chunks):
        raise KeyboardInterrupt
        yield  # a generator, as Runner.map is

    with monkeypatch.context() as m:
        m.setattr(Runner, "map", interrupted)
        stopped = invoke("add", ws, inputs, "--jobs", "1")
    assert stopped.exit_code == 130
    assert f"interrupted: {ws} holds 0 analysed article(s); 2 article(s) pending (read, not analysed yet): " \
           f"run 'rashomon add {ws} INPUT...' again" in stopped.stderr
    out = tmp_path / "out"
    report = invoke("report", ws, "-o", out)
    assert report.exit_code == 1
    assert "no document could be analysed: no report was written; " in report.stderr
    assert "2 article(s) pending" in report.stderr and not out.exists()
    again = invoke("add", ws, inputs, "--jobs", "1")
    assert again.exit_code == 0 and "2 articles added, 0 analysed again, 0 unchanged" in again.output
    assert invoke("report", ws, "-o", out, "-q").exit_code == 0


@pytest.mark.model
def test_copies_of_documents_already_there_are_no_error(tmp_path, inputs):
    ws = tmp_path / "story.db"
    assert invoke("add", ws, inputs, "--jobs", "1", "-q").exit_code == 0
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "renamed.txt").write_bytes((inputs / "one.txt").read_bytes())
    result = invoke("add", ws, copies, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "0 articles added, 0 analysed again, 0 unchanged, 1 copy of articles already there" in result.stdout
    assert f"skipped {copies / 'renamed.txt'}: the same document as {inputs / 'one.txt'} (a0)" in result.stderr
    assert "error" not in result.stderr


@pytest.mark.model
def test_one_article_added_is_counted_in_the_singular(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text(TEXT, encoding="utf-8")
    result = invoke("add", tmp_path / "story.db", one, "--jobs", "1")
    assert result.exit_code == 0 and "1 article added, 0 analysed again, 0 unchanged" in result.output

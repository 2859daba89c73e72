"""The report set is written whole or not at all, one run at a time, and the
page admits only its own script and style (CSP without 'unsafe-inline')."""
from __future__ import annotations

import base64
from html import unescape
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _report_fixture import make_report
from rashomon.cli import app
from rashomon.errors import OutputLockedError
from rashomon.report import files as files_mod
from rashomon.report import render
from rashomon.report.files import output_lock
from rashomon.report.render import REPORT_FILES, render_html, write_all
from rashomon.types import Article, Generator, Report

NAMES = sorted(REPORT_FILES.values())


def small_report(name: str) -> Report:
    text = f"The harbour master of {name} said the port reopened on Monday."
    return Report(generator=Generator(version="t"), articles=[Article(id="a0", name=f"{name}.txt",
                                                                      path=f"{name}.txt", text=text)])


def contents(folder: Path) -> dict[str, bytes]:
    return {n: (folder / n).read_bytes() for n in NAMES if (folder / n).exists()}


# --- all or nothing -----------------------------------------------------------

def _state(folder: Path) -> list[str]:
    """The folder's entries, and those of its bookkeeping folder."""
    return sorted(os.listdir(folder)) + sorted(f".rashomon/{n}" for n in os.listdir(folder / ".rashomon"))


def test_the_reports_are_links_to_one_published_set(tmp_path):
    write_all(small_report("alpha"), tmp_path)
    assert _state(tmp_path) == [".rashomon", *NAMES, ".rashomon/current", ".rashomon/lock", ".rashomon/sets"]
    [live] = os.listdir(tmp_path / ".rashomon" / "sets")
    assert os.readlink(tmp_path / ".rashomon" / "current") == f"sets/{live}"
    assert all(os.readlink(tmp_path / n) == f".rashomon/current/{n}" for n in NAMES)
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["articles"][0]["name"] == "alpha.txt"
    write_all(small_report("beta"), tmp_path)
    assert len(os.listdir(tmp_path / ".rashomon" / "sets")) == 1  # the replaced set is removed
    assert b"beta.txt" in (tmp_path / "report.md").read_bytes()


def test_plain_report_files_of_an_older_run_become_links(tmp_path):
    for n in NAMES:
        (tmp_path / n).write_text("old", encoding="utf-8")
    write_all(small_report("alpha"), tmp_path)
    assert all((tmp_path / n).is_symlink() for n in NAMES)
    assert b"alpha.txt" in (tmp_path / "report.json").read_bytes()


def test_a_failure_while_staging_keeps_the_previous_set(tmp_path, monkeypatch):
    write_all(small_report("alpha"), tmp_path)
    before, state = contents(tmp_path), _state(tmp_path)

    def broken(report, context=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render, "render_markdown", broken)
    with pytest.raises(OSError):
        write_all(small_report("beta"), tmp_path)
    assert contents(tmp_path) == before and _state(tmp_path) == state
    assert len(os.listdir(tmp_path / ".rashomon" / "sets")) == 1  # the unfinished set removed


def test_a_set_left_unfinished_by_a_killed_run_is_removed_by_the_next_write(tmp_path):
    write_all(small_report("alpha"), tmp_path)
    left = tmp_path / ".rashomon" / "sets" / "killed"
    left.mkdir()
    (left / "report.json").write_text('{"trunc', encoding="utf-8")
    assert b"alpha.txt" in (tmp_path / "report.json").read_bytes()  # never visible
    write_all(small_report("beta"), tmp_path)
    assert not left.exists() and b"beta.txt" in (tmp_path / "report.json").read_bytes()


def test_a_full_disk_when_publishing_keeps_the_previous_set(tmp_path, monkeypatch):
    write_all(small_report("alpha"), tmp_path)
    before = contents(tmp_path)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files_mod.os, "symlink", full)
    with pytest.raises(OSError, match="No space left"):
        write_all(small_report("beta"), tmp_path)
    monkeypatch.undo()
    assert contents(tmp_path) == before and len(os.listdir(tmp_path / ".rashomon" / "sets")) == 1


def test_without_symbolic_links_the_files_are_renamed_into_place(tmp_path, monkeypatch):
    def no_links(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(files_mod.os, "symlink", no_links)
    write_all(small_report("alpha"), tmp_path)
    assert not any((tmp_path / n).is_symlink() for n in NAMES)
    assert b"alpha.txt" in (tmp_path / "report.json").read_bytes()
    assert os.listdir(tmp_path / ".rashomon" / "sets") == []


KILLED_WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from rashomon.report import files
    from rashomon.report.render import write_all
    from rashomon.types import Report

    out, stop_at = Path(sys.argv[1]), sys.argv[2]
    first, second = (Report.model_validate_json(Path(p).read_text(encoding="utf-8")) for p in sys.argv[3:5])
    armed = False

    def pause(event):
        print(event, flush=True)
        if armed and event == stop_at:
            time.sleep(60)  # killed here

    stage, commit = files.ReportSet.stage, files.ReportSet.commit
    files.ReportSet.stage = lambda self, name, text: (pause("stage " + name), stage(self, name, text))[1]
    files.ReportSet.commit = lambda self: (pause("commit"), commit(self))[1]
    write_all(first, out)
    print("wrote", flush=True)
    armed = True
    while True:  # the second set, then the first again, ...: killed at stop_at, or by the clock
        write_all(second, out)
        write_all(first, out)
""")


def _sets(tmp_path: Path) -> tuple[dict[str, dict[str, bytes]], list[str]]:
    """Two report sets as the writer process renders them (from their JSON),
    and the JSON files it reads."""
    sets, sources = {}, []
    for name, rep in (("first", small_report("beta")), ("second", make_report())):
        src = tmp_path / f"{name}.json"
        src.write_text(rep.to_json(), encoding="utf-8")
        folder = tmp_path / f"expected-{name}"
        write_all(Report.model_validate_json(src.read_text(encoding="utf-8")), folder)
        sets[name] = contents(folder)
        sources.append(str(src))
    return sets, sources


def _kill_writer(tmp_path: Path, out: Path, sources: list[str], stop_at: str, delay: float = 0.0) -> None:
    script = tmp_path / "writer.py"
    script.write_text(KILLED_WRITER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(out), stop_at, *sources],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        while True:
            line = proc.stdout.readline().strip()
            assert line, "the writer stopped: " + proc.stderr.read()
            lines.append(line)
            if line == "wrote" and delay:
                time.sleep(delay)
                break
            if line == stop_at and "wrote" in lines:
                time.sleep(0.2)  # the writer sleeps there
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()


@pytest.mark.parametrize("stop_at", ["stage report.json", "stage report.html", "stage report.md", "commit"])
def test_a_run_killed_while_writing_leaves_the_previous_set_whole(tmp_path, stop_at):
    """The writer completes one set, then is killed at a given step of the
    next: the folder holds the first set, byte for byte, never a mix or a
    truncated file; the next write finishes cleanly."""
    sets, sources = _sets(tmp_path)
    out = tmp_path / "out"
    _kill_writer(tmp_path, out, sources, stop_at)
    assert contents(out) == sets["first"], f"killed at {stop_at}: a mixed or truncated set"
    write_all(small_report("gamma"), out)
    assert len(os.listdir(out / ".rashomon" / "sets")) == 1  # the killed run's unfinished set removed


@pytest.mark.parametrize("delay", [0.01, 0.05, 0.2])
def test_a_run_killed_at_any_moment_leaves_one_whole_set(tmp_path, delay):
    sets, sources = _sets(tmp_path)
    out = tmp_path / "out"
    _kill_writer(tmp_path, out, sources, "never", delay)
    now = contents(out)
    assert now in sets.values(), "a mixed or truncated set: " + ", ".join(f"{n} ({len(b)} bytes)" for n, b in now.items())


# --- one writer per folder ---------------------------------------------------

HOLDER = textwrap.dedent("""
    import sys, time
    from rashomon.report.files import output_lock
    with output_lock(sys.argv[1]):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def _hold(folder: Path, seconds: float, tmp_path: Path) -> subprocess.Popen:
    script = tmp_path / "holder.py"
    script.write_text(HOLDER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(folder), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_second_writer_waits_for_the_first(tmp_path, caplog):
    out = tmp_path / "out"
    proc = _hold(out, 1.0, tmp_path)
    try:
        with caplog.at_level("WARNING", logger="rashomon.report.files"):
            write_all(small_report("alpha"), out)  # waits about a second, then writes
        assert caplog.messages == [f"waiting for another rashomon run (process {proc.pid}) "
                                   f"to finish writing into {out}"]
    finally:
        proc.wait()
        proc.stdout.close()
    assert b"alpha.txt" in (out / "report.json").read_bytes()


def test_a_writer_that_cannot_get_the_lock_says_who_holds_it(tmp_path, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr(files_mod, "LOCK_WAIT", 0.3)
    proc = _hold(out, 30, tmp_path)
    try:
        with pytest.raises(OutputLockedError, match=rf"another rashomon run \(process {proc.pid}\) is still writing"):
            write_all(small_report("alpha"), out)
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    assert not (out / "report.json").exists()


def test_the_lock_is_reentrant_in_one_process(tmp_path):
    with output_lock(tmp_path):
        write_all(small_report("alpha"), tmp_path)
    assert (tmp_path / "report.md").exists()


# --- Ctrl-C ----------------------------------------------------------------------

runner = CliRunner()


def _analyze_stub(monkeypatch, exc: BaseException | None = None):
    def run(paths, settings=None, progress=None):
        if exc is not None:
            raise exc
        return small_report("beta")

    monkeypatch.setattr("rashomon.pipeline.analyze", run)


def test_ctrl_c_during_the_analysis_says_nothing_was_written(tmp_path, monkeypatch):
    write_all(small_report("alpha"), tmp_path / "out")
    before = contents(tmp_path / "out")
    _analyze_stub(monkeypatch, KeyboardInterrupt())
    result = runner.invoke(app, ["analyze", "x.txt", "-o", str(tmp_path / "out")])
    assert result.exit_code == 130
    assert result.stderr.strip() == (f"interrupted during the analysis: nothing was written; "
                                     f"{tmp_path / 'out'} still holds the previous reports, unchanged")
    assert contents(tmp_path / "out") == before


def test_ctrl_c_while_writing_keeps_the_previous_set(tmp_path, monkeypatch):
    write_all(small_report("alpha"), tmp_path / "out")
    before = contents(tmp_path / "out")
    _analyze_stub(monkeypatch)

    def interrupted(report, context=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "render_markdown", interrupted)
    result = runner.invoke(app, ["analyze", "x.txt", "-o", str(tmp_path / "out")])
    assert result.exit_code == 130
    assert result.stderr.startswith("interrupted while writing the reports: none was replaced; ")
    assert contents(tmp_path / "out") == before


def test_ctrl_c_into_an_empty_folder_says_there_is_no_set(tmp_path, monkeypatch):
    _analyze_stub(monkeypatch, KeyboardInterrupt())
    result = runner.invoke(app, ["analyze", "x.txt", "-o", str(tmp_path / "new")])
    assert result.exit_code == 130 and "holds no complete set of reports" in result.stderr


# --- a web address as input -----------------------------------------------------

def test_an_address_rashomon_does_not_fetch_given_alone_says_what_to_do(tmp_path):
    url = "ftp://files.example.com/news/port-strike.txt"
    result = runner.invoke(app, ["analyze", url, "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"  {url}: a ftp:// address: rashomon fetches only http:// and https:// pages" in result.stderr
    assert "ftp:/files" not in result.stderr


# --- CSP ---------------------------------------------------------------------------

def _block(html: str, tag: str) -> str:
    [body] = re.findall(rf"<{tag}>(.*?)</{tag}>", html, flags=re.S)
    return body


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_the_page_csp_admits_its_own_style_and_script_by_hash_only():
    html = render_html(make_report())
    [csp] = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    csp = unescape(csp)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["style-src"] == _sha(_block(html, "style"))
    assert directives["script-src"] == _sha(_block(html, "script"))
    assert " style=" not in html and not re.search(r"<[^>]+\son[a-z]+=", html)


def test_speaker_and_quote_colours_come_from_classes_in_the_hashed_style():
    rep = make_report()
    html = render_html(rep)
    style = _block(html, "style")
    classes = set(re.findall(r'class="(?:speaker|q) (c-[0-9a-f-]+)"', html))
    assert classes
    for cls in classes:
        assert re.search(rf"\.{cls} {{ --c: hsl\(\d+, \d+%, \d+%\); }}", style), cls

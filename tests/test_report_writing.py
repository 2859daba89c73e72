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

def test_write_leaves_only_the_three_reports_and_the_lock(tmp_path):
    write_all(small_report("alpha"), tmp_path)
    assert sorted(os.listdir(tmp_path)) == [".rashomon.lock", *NAMES]
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["articles"][0]["name"] == "alpha.txt"


def test_a_failure_while_staging_keeps_the_previous_set(tmp_path, monkeypatch):
    write_all(small_report("alpha"), tmp_path)
    before = contents(tmp_path)

    def broken(report, context=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render, "render_markdown", broken)
    with pytest.raises(OSError):
        write_all(small_report("beta"), tmp_path)
    assert contents(tmp_path) == before
    assert sorted(os.listdir(tmp_path)) == [".rashomon.lock", *NAMES]  # staged files removed


def test_a_set_stopped_after_its_ready_marker_is_finished_by_the_next_write(tmp_path):
    """A kill between two renames: the marker says the staged files are
    complete, so the next write into the folder puts them in place first."""
    write_all(small_report("alpha"), tmp_path)
    staged = {n: files_mod.staged(tmp_path / n) for n in NAMES}
    for n, p in staged.items():
        p.write_text(f"new {n}", encoding="utf-8")
    (tmp_path / files_mod.READY_NAME).write_bytes(b"")
    os.replace(staged["report.html"], tmp_path / "report.html")  # one rename done, then the kill
    with output_lock(tmp_path):
        files_mod.recover(tmp_path, tuple(NAMES))
    assert {n: (tmp_path / n).read_text(encoding="utf-8") for n in NAMES} == {n: f"new {n}" for n in NAMES}
    assert sorted(os.listdir(tmp_path)) == [".rashomon.lock", *NAMES]


def test_partial_staged_files_without_the_marker_are_discarded(tmp_path):
    write_all(small_report("alpha"), tmp_path)
    before = contents(tmp_path)
    files_mod.staged(tmp_path / "report.json").write_text("{\"trunc", encoding="utf-8")
    files_mod.recover(tmp_path, tuple(NAMES))
    assert contents(tmp_path) == before and not files_mod.staged(tmp_path / "report.json").exists()


KILLED_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from rashomon.report.render import write_all
    from rashomon.types import Report

    out = Path(sys.argv[1])
    reports = [Report.model_validate_json(Path(p).read_text(encoding="utf-8")) for p in sys.argv[2:]]
    print("ready", flush=True)
    n = 0
    while True:
        write_all(reports[n % len(reports)], out)
        n += 1
""")


def test_a_run_killed_while_writing_leaves_the_old_set_or_the_new_one(tmp_path):
    """Kill a process at several moments while it writes two different report
    sets in turn: the folder always holds one complete set, byte for byte."""
    sets = {}
    sources = []
    for name in ("alpha", "beta"):
        rep = make_report() if name == "alpha" else small_report(name)
        folder = tmp_path / f"expected-{name}"
        write_all(rep, folder)
        sets[name] = contents(folder)
        src = tmp_path / f"{name}.json"
        src.write_text(rep.to_json(), encoding="utf-8")
        sources.append(str(src))
    out = tmp_path / "out"
    write_all(small_report("beta"), out)
    script = tmp_path / "writer.py"
    script.write_text(KILLED_WRITER, encoding="utf-8")
    for delay in (0.05, 0.21, 0.47, 0.9):
        proc = subprocess.Popen([sys.executable, str(script), str(out), *sources],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
        now = contents(out)
        match = [name for name, expected in sets.items() if now == expected]
        assert match, f"after a kill at {delay} s the folder holds a mixed or truncated set: " + \
            ", ".join(f"{n} ({len(b)} bytes)" for n, b in now.items())


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

def test_a_web_address_given_alone_says_what_to_do(tmp_path):
    url = "https://www.example.com/news/port-strike"
    result = runner.invoke(app, ["analyze", url, "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"  {url}: a web address, not a file: rashomon does not fetch pages" in result.stderr
    assert "https:/www" not in result.stderr


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

"""The command line: options, exit codes, outputs, skipped files."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon import __version__
from rashomon.cli import app
from rashomon.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"

runner = CliRunner()

TEXT = ("Governor Anna Berg said on Monday that the bridge in Northam would reopen next week. "
        "\"We have checked every cable,\" Berg told reporters.\n")


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    """Two good text files, one binary file posing as text, one unsupported file."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text(TEXT, encoding="utf-8")
    (d / "two.txt").write_text(TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    (d / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x00" * 20)
    (d / "notes.pdf").write_bytes(b"%PDF-1.4")
    return d


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"rashomon {__version__}"


def test_no_arguments_shows_help():
    result = invoke()
    assert "analyze" in result.output


@pytest.mark.parametrize("command", ["analyze", "add", "report", "serve", "export"])
def test_help_reads_like_a_tool_s_help(command):
    text = invoke(command, "--help").output
    usage = text.splitlines()[0]
    assert usage.startswith("Usage: ") and f" {command} [OPTIONS] " in usage and "{" not in usage, usage
    assert not re.search(r"<(bool|str|path|list\[str\]|int range)>", text), text
    assert not re.search(r"\w+/\w+\.(py|md)\b", text.replace("docs/", "")), text  # no source files named
    assert "(default: 0)  [default: 0" not in text
    assert "(default: " not in text  # one style for every command: Typer's "[default: N; range]"


@pytest.mark.parametrize("command,shown", [("analyze", "[default: 8; x>=1]"), ("add", "[default: 88; 0<=x<=100]"),
                                           ("serve", "[default: 8000; 1<=x<=65535]"), ("export", "[default: 0; x>=0]")])
def test_defaults_and_ranges_are_shown_alike(command, shown):
    text = " ".join(invoke(command, "--help").output.split())  # unwrapped
    assert shown in text


def test_a_warning_is_one_plain_line_beside_the_skipped_ones(tmp_path):
    d = tmp_path / "feed"
    d.mkdir()
    (d / "f.jsonl").write_text('{"text": "The mayor said on Monday that the bridge would reopen.", '
                               '"published": "some day"}\nnot json\n', encoding="utf-8")
    result = invoke("analyze", str(d), "-o", str(tmp_path / "out"))
    lines = result.stderr.splitlines()
    assert "warning: f.jsonl#1: published 'some day' cannot be read; left unknown" in lines
    assert any(ln.startswith(f"skipped {d / 'f.jsonl'}#2: ") for ln in lines)
    assert not [ln for ln in lines if ln.startswith("WARNING")]


def test_empty_dir_exits_2(tmp_path):
    (tmp_path / "empty").mkdir()
    result = invoke("analyze", str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "no supported input" in result.stderr
    assert "Traceback" not in result.output


def test_missing_path_alone_exits_2(tmp_path):
    result = invoke("analyze", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "no supported input" in result.stderr and "nope" in result.stderr
    assert "no such file or directory" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.model
def test_missing_path_among_good_ones_is_skipped(mixed_dir, tmp_path):
    out = tmp_path / "out"
    result = invoke("analyze", str(mixed_dir / "one.txt"), str(tmp_path / "nope.txt"), "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [a["name"] for a in data["articles"]] == ["one.txt"]
    assert [(s["path"], s["reason"]) for s in data["skipped"]] == [
        (str(tmp_path / "nope.txt"), "no such file or directory: check the path")]


@pytest.mark.model
def test_mixed_dir_exit_0_lists_skipped(mixed_dir, tmp_path):
    out = tmp_path / "out"
    result = invoke("analyze", str(mixed_dir), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "photo.txt" in result.stderr and "skipped" in result.stderr
    for name in ("report.json", "report.html", "report.md"):
        assert (out / name).is_file()
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sorted(a["name"] for a in data["articles"]) == ["one.txt", "two.txt"]
    assert any(s["path"].endswith("photo.txt") and s["reason"] for s in data["skipped"])
    assert "2 articles" in result.stdout and "report.html" in result.stdout
    # disputes and the contradicting pairs behind them are counted apart, in words that agree with the count
    assert re.search(r"\b\d+ disputes? \(\d+ contradicting pairs?\)", result.stdout), result.stdout
    assert "photo.txt" in (out / "report.md").read_text(encoding="utf-8")


@pytest.mark.model
def test_strict_exits_1_but_writes_reports(mixed_dir, tmp_path):
    out = tmp_path / "out"
    result = invoke("analyze", str(mixed_dir), "-o", str(out), "--strict")
    assert result.exit_code == 1
    assert "--strict" in result.stderr
    assert (out / "report.json").is_file()


@pytest.mark.model
def test_strict_without_skips_exits_0(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text(TEXT, encoding="utf-8")
    result = invoke("analyze", str(d / "one.txt"), "-o", str(tmp_path / "out"), "--strict", "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # --quiet: no summary


def test_nothing_analysable_exits_1(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "blank.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    result = invoke("analyze", str(d), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "no document could be analysed: no report was written" in result.stderr
    assert "holds no complete set of reports" in result.stderr
    assert not (tmp_path / "out" / "report.json").exists()


@pytest.mark.model
def test_setting_option_reaches_the_pipeline(tmp_path, monkeypatch):
    """--max-file-bytes N: a file over N bytes is skipped (ingest enforces it);
    the setting object the pipeline receives carries the value either way."""
    import rashomon.pipeline as pipeline

    seen = {}
    real = pipeline.analyze

    def spy(paths, settings=None, progress=None):
        seen["settings"] = settings
        return real(paths, settings, progress)

    monkeypatch.setattr(pipeline, "analyze", spy)
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text(TEXT, encoding="utf-8")
    result = invoke("analyze", str(d), "-o", str(tmp_path / "out"), "--max-file-bytes", "12345",
                    "--min-reuse-words", "9", "--gazetteer", str(d / "g1.yaml"), "--gazetteer", str(d / "g2.yaml"))
    assert result.exit_code in (0, 1), result.output
    s = seen["settings"]
    assert s.max_file_bytes == 12345 and s.min_reuse_words == 9
    assert [p.name for p in s.gazetteers] == ["g1.yaml", "g2.yaml"]


def test_rashomon_error_is_one_line(tmp_path, monkeypatch):
    import rashomon.pipeline as pipeline
    from rashomon.errors import ModelError

    def boom(paths, settings=None, progress=None):
        raise ModelError("cannot load the spaCy pipeline 'x': install it")

    monkeypatch.setattr(pipeline, "analyze", boom)
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text(TEXT, encoding="utf-8")
    result = invoke("analyze", str(d), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: cannot load the spaCy pipeline 'x': install it"


def test_every_setting_is_an_option():
    import typer.main

    cmd = typer.main.get_command(app).commands["analyze"]
    opts = {o for p in cmd.params for o in p.opts}
    for s in SETTINGS:
        assert s.option in opts


def test_schema_command_prints_json():
    result = invoke("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "Report"


@pytest.mark.model
def test_demo_corpus_end_to_end(tmp_path):
    if not EXAMPLES.is_dir():
        pytest.fail("examples/corpus is missing")
    src = tmp_path / "demo"
    shutil.copytree(EXAMPLES, src)
    result = invoke("analyze", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 4


def test_logging_is_restored_after_a_command(tmp_path):
    import logging

    logger = logging.getLogger("rashomon")
    before = (logger.handlers[:], logger.level, logger.propagate)
    invoke("analyze", str(tmp_path / "nope"), "-o", str(tmp_path / "out"), "-v")
    assert (logger.handlers[:], logger.level, logger.propagate) == before


@pytest.mark.model
def test_nothing_analysed_exits_1_even_when_an_article_is_listed(tmp_path):
    (tmp_path / "ru.txt").write_text(
        "Министр иностранных дел заявил в понедельник, что мост закрыт для движения. "
        "Жители города выразили недовольство решением властей.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("analyze", str(tmp_path / "ru.txt"), "-o", str(out))
    assert result.exit_code == 1
    assert "no document could be analysed: no report was written" in result.stderr
    assert f"skipped {tmp_path / 'ru.txt'}: " in result.stderr
    assert not (out / "report.json").exists()


# --- the output folder is checked before any analysis ---------------------------

@pytest.fixture
def no_analysis(monkeypatch):
    """Fail the test if the pipeline is run."""
    import rashomon.pipeline as pipeline

    def must_not_run(*args, **kwargs):
        raise AssertionError("the analysis ran although -o cannot be used")

    monkeypatch.setattr(pipeline, "analyze", must_not_run)


@pytest.mark.parametrize(
    "out,expected",
    [
        ("report.txt", "is a file, not a folder"),
        ("report.txt/sub", "cannot be created"),
        ("report.txt/sub/deeper", "cannot be created"),
    ],
)
def test_unusable_out_dir_exits_2_before_analysis(tmp_path, no_analysis, out, expected):
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "report.txt").write_text("not a folder", encoding="utf-8")
    result = invoke("analyze", str(d), "-o", str(tmp_path / out))
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], result.stderr
    assert str(tmp_path / out) in lines[0] and "-o" in lines[0]
    assert "Traceback" not in result.output
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("out,expected", [("out", "no permission to write in"), ("", "cannot be written"),
                                          ("locked/out", "locked cannot be searched")])
def test_out_dir_without_permission_exits_2(tmp_path, no_analysis, monkeypatch, out, expected):
    """As a non-root user finds it (tests run as root): tmp_path not writable,
    tmp_path/locked not searchable."""
    import os

    real_access, real_stat = os.access, os.stat
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == tmp_path and mode & os.W_OK
                        else real_access(p, mode, **kw))

    def stat(p, *args, **kwargs):
        if isinstance(p, (str, os.PathLike)) and tmp_path / "locked" in Path(p).parents:
            raise PermissionError(13, "Permission denied", str(p))
        return real_stat(p, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    (tmp_path / "locked").mkdir()
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    result = invoke("analyze", str(tmp_path / "one.txt"), "-o", str(tmp_path / out))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and expected in result.stderr and "permission" in result.stderr
    monkeypatch.undo()
    assert not (tmp_path / "out").exists() and not (tmp_path / "locked" / "out").exists()


@pytest.mark.parametrize("command", [("analyze", "one.txt"), ("report", "ws.sqlite"), ("export", "report.json", "-f", "csv")])
@pytest.mark.parametrize("empty", ["", "  "])
def test_an_empty_out_path_is_a_usage_error(tmp_path, no_analysis, monkeypatch, command, empty):
    """``-o ""`` (a shell variable left unset) would be ``Path(".")``: the
    current folder. It is refused before anything is read or written."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    result = invoke(*command, "-o", empty)
    assert result.exit_code == 2, result.output
    assert "the path is empty" in result.stderr and "-o . for the current folder" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.txt"]


def test_analyze_names_the_reports_it_replaces(tmp_path):
    """A report.md of the user's own in OUTDIR is replaced, and said so."""
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").write_text("my own notes", encoding="utf-8")
    first = invoke("analyze", str(tmp_path / "one.txt"), "-o", str(out))
    assert first.exit_code == 0, first.output
    assert (f"reports written: {out / 'report.json'}, {out / 'report.html'}; "
            f"reports replaced: {out / 'report.md'}") in first.stdout
    second = invoke("analyze", str(tmp_path / "one.txt"), "-o", str(out))
    assert f"reports replaced: {out / 'report.json'}, {out / 'report.html'}, {out / 'report.md'}" in second.stdout
    assert "reports written" not in second.stdout


def test_existing_out_dir_is_fine(tmp_path, monkeypatch):
    """An existing folder (and a new one under it) passes the check; the pipeline runs."""
    import rashomon.pipeline as pipeline
    from rashomon.errors import NoInputError

    ran = []

    def stub(paths, settings=None, progress=None):
        ran.append(paths)
        raise NoInputError("nothing here")

    monkeypatch.setattr(pipeline, "analyze", stub)
    for out in (tmp_path, tmp_path / "new" / "deeper"):
        assert invoke("analyze", "x.txt", "-o", str(out)).exit_code == 2
    assert len(ran) == 2


def test_report_write_failure_is_one_line(tmp_path, monkeypatch):
    import rashomon.report.render as render
    from rashomon.types import Article, Generator, Report

    one = Article(id="a0", name="x.txt", path="x.txt", text="The mayor spoke.", format="txt")
    monkeypatch.setattr("rashomon.pipeline.analyze",  # one article analysed: the reports are due
                        lambda paths, settings=None, progress=None: Report(generator=Generator(version="0"),
                                                                           articles=[one]))

    def full(report, outdir, context=None):
        raise OSError(28, "No space left on device", str(outdir))

    monkeypatch.setattr(render, "write_all", full)
    result = invoke("analyze", "x.txt", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and "No space left on device" in result.stderr
    assert "Traceback" not in result.output


# --- inputs behind folders that cannot be read ----------------------------------

def _deny_folder(monkeypatch, folder: Path) -> None:
    """Make ``folder`` behave as mode 000 for a non-root user (tests run as root)."""
    import os

    real_stat, real_scandir = os.stat, os.scandir

    def denied(p) -> bool:
        return isinstance(p, (str, os.PathLike)) and (
            Path(os.path.abspath(p)) == folder or folder in Path(os.path.abspath(p)).parents)

    def stat(p, *args, **kwargs):
        if denied(p) and Path(os.path.abspath(p)) != folder:
            raise PermissionError(13, "Permission denied", str(p))
        return real_stat(p, *args, **kwargs)

    def scandir(p=".", *args, **kwargs):
        if denied(p):
            raise PermissionError(13, "Permission denied", str(p))
        return real_scandir(p, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.model
@pytest.mark.parametrize("given", ["locked/x.txt", "locked/*.txt"])
def test_input_in_unsearchable_folder_is_skipped_and_the_rest_analysed(tmp_path, monkeypatch, given):
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(TEXT, encoding="utf-8")
    _deny_folder(monkeypatch, tmp_path / "locked")
    out = tmp_path / "out"
    result = invoke("analyze", str(tmp_path / "one.txt"), str(tmp_path / given), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert f"skipped {tmp_path / given}: cannot be reached (Permission denied)" in result.stderr
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [a["name"] for a in data["articles"]] == ["one.txt"]
    assert [s["path"] for s in data["skipped"]] == [str(tmp_path / given)]
    assert "permissions" in data["skipped"][0]["reason"]


@pytest.mark.model
def test_unreadable_folder_is_skipped_and_strict_exits_1(tmp_path, monkeypatch):
    d = tmp_path / "in"
    (d / "locked").mkdir(parents=True)
    (d / "one.txt").write_text(TEXT, encoding="utf-8")
    (d / "locked" / "x.txt").write_text(TEXT, encoding="utf-8")
    _deny_folder(monkeypatch, d / "locked")
    for given in (d, d / "locked"):  # met while searching a folder, and given directly
        result = invoke("analyze", str(d / "one.txt"), str(given), "-o", str(tmp_path / "out"), "--strict")
        assert result.exit_code == 1, result.output
        assert f"skipped {d / 'locked'}: folder cannot be read (Permission denied)" in result.stderr
        assert "--strict" in result.stderr


# --- settings and gazetteer files are checked before any analysis ----------------

@pytest.mark.parametrize("args,env,expected", [
    (["--batch-size", "0"], {}, ["batch_size", "--batch-size", "RASHOMON_BATCH_SIZE", ">= 1", "got 0"]),
    (["--batch-size", "-3"], {}, ["batch_size", "--batch-size", "RASHOMON_BATCH_SIZE", ">= 1", "got -3"]),
    (["--max-file-bytes", "0"], {}, ["max_file_bytes", "--max-file-bytes", "RASHOMON_MAX_FILE_BYTES", ">= 1"]),
    (["--min-reuse-words", "0"], {}, ["min_reuse_words", "--min-reuse-words", "RASHOMON_MIN_REUSE_WORDS"]),
    (["--name-match-threshold", "500"], {},
     ["name_match_threshold", "--name-match-threshold", "RASHOMON_NAME_MATCH_THRESHOLD", "from 0 to 100", "got 500"]),
    ([], {"RASHOMON_BATCH_SIZE": "abc"}, ["RASHOMON_BATCH_SIZE='abc'", "not a whole number", "--batch-size", ">= 1"]),
    ([], {"RASHOMON_NAME_MATCH_THRESHOLD": "-1"}, ["RASHOMON_NAME_MATCH_THRESHOLD='-1'", "from 0 to 100"]),
])
def test_invalid_setting_exits_2_before_analysis(tmp_path, no_analysis, args, env, expected):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(tmp_path / "good.txt"), "-o", str(out), *args], env=env)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for part in expected:
        assert part in lines[0], (part, lines[0])
    assert "Traceback" not in result.output and not out.exists()


def test_option_wins_over_a_bad_variable(tmp_path, monkeypatch):
    import rashomon.pipeline as pipeline

    seen = {}

    def spy(paths, settings=None, progress=None):
        seen["settings"] = settings
        raise pipeline.NoInputError("stop here")

    monkeypatch.setattr(pipeline, "analyze", spy)
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path / "good.txt"), "-o", str(tmp_path / "out"),
                                 "--batch-size", "2"], env={"RASHOMON_BATCH_SIZE": "abc"})
    assert seen["settings"].batch_size == 2, result.output


@pytest.mark.parametrize("name,content,expected", [
    ("nope.yaml", None, "not found"),
    ("bad.yaml", "a: [unclosed\n", "is not valid YAML"),
])
def test_bad_gazetteer_is_one_line_before_reading_inputs(tmp_path, monkeypatch, name, content, expected):
    read = []
    monkeypatch.setattr("rashomon.ingest.read", lambda *a, **k: read.append(a) or [])
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    g = tmp_path / name
    if content is not None:
        g.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("analyze", str(tmp_path / "good.txt"), "-o", str(out), "--gazetteer", str(g))
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: gazetteer {g}") and expected in lines[0], result.stderr
    assert "Traceback" not in result.output
    assert read == [] and not (out / "report.json").exists()


@pytest.mark.model
def test_a_run_that_analyses_nothing_keeps_the_previous_reports(tmp_path):
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir(), bad.mkdir()
    (good / "one.txt").write_text(TEXT, encoding="utf-8")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blob.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    out = tmp_path / "out"
    assert invoke("analyze", str(good), "-o", str(out), "-q").exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    sets = sorted((out / ".rashomon" / "sets").iterdir()) if (out / ".rashomon" / "sets").is_dir() else []
    result = invoke("analyze", str(bad), "-o", str(out))
    assert result.exit_code == 1
    assert f"{out} still holds the previous reports, unchanged" in result.stderr
    assert f"skipped {bad / 'empty.txt'}: " in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert (sorted((out / ".rashomon" / "sets").iterdir()) if sets else []) == sets

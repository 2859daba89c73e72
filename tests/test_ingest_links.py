"""Link loops and links to nothing: each is skipped with its reason, the
batch goes on (``discover``, ``rashomon analyze`` and ``rashomon add``)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.ingest import discover, real_path
from rashomon.settings import Settings

TEXT = "The harbour master said on Friday that the ferry would sail again on Sunday.\n"
LOOP = "symlink loop"
NOWHERE = "the link points nowhere"


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    d = tmp_path / "bad"
    d.mkdir()
    (d / "good.txt").write_text(TEXT, encoding="utf-8")
    os.symlink("loopb", d / "loopa")  # loopa -> loopb -> loopa
    os.symlink("loopa", d / "loopb")
    os.symlink("self.txt", d / "self.txt")
    os.symlink("nowhere", d / "dangling")
    return d


def reasons(skipped) -> dict[str, str]:
    return {os.path.basename(s.path): s.reason for s in skipped}


def test_real_path_never_raises_on_a_loop(bad):
    assert real_path(bad / "loopa") == str(bad / "loopa")
    assert real_path(bad / "good.txt") == str((bad / "good.txt").resolve())


@pytest.mark.parametrize("given", ["{d}", "{d}/*", "{d}/**"])
def test_loops_and_dangling_links_in_a_folder_or_pattern_are_listed(bad, given):
    files, skipped = discover([given.format(d=bad)], Settings())
    assert [f.name for f in files] == ["good.txt"]
    why = reasons(skipped)
    assert sorted(why) == ["dangling", "loopa", "loopb", "self.txt"]
    assert all(why[n].startswith(LOOP) for n in ("loopa", "loopb", "self.txt"))
    assert why["dangling"].startswith(NOWHERE) and "'nowhere'" in why["dangling"]


def test_a_loop_given_by_name_is_skipped(bad):
    files, skipped = discover([bad / "good.txt", bad / "loopa", bad / "self.txt"], Settings())
    assert [f.name for f in files] == ["good.txt"]
    assert [r.split(":")[0] for r in reasons(skipped).values()] == [LOOP, LOOP]


def test_a_name_too_long_is_skipped(tmp_path):
    files, [skip] = discover([tmp_path / ("x" * 300 + ".txt")], Settings())
    assert files == [] and "too long" in skip.reason


@pytest.mark.model
@pytest.mark.parametrize("command", ["analyze", "add"])
def test_the_batch_completes_past_a_loop(bad, tmp_path, command):
    target = ["-o", str(tmp_path / "out")] if command == "analyze" else []
    ws = [str(tmp_path / "ws.db")] if command == "add" else []
    result = CliRunner().invoke(app, [command, *ws, str(bad / "good.txt"), str(bad / "loopa"), f"{bad}/*",
                                      *target, "-q", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"skipped {bad / 'loopa'}: {LOOP}" in result.stderr
    assert f"skipped {bad / 'dangling'}: {NOWHERE}" in result.stderr
    assert "Traceback" not in result.output
    if command == "analyze":
        assert (tmp_path / "out" / "report.json").is_file()

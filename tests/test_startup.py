"""The command line's start: ``import rashomon`` is light (the public names
load on first use) and Ctrl-C while the command line loads ends with exit
code 130 and one line, not a traceback."""
from __future__ import annotations

import subprocess
import sys
import types

import pytest

import rashomon.__main__ as entry


def test_importing_rashomon_loads_neither_spacy_nor_the_pipeline():
    code = ("import sys, rashomon; print('spacy' in sys.modules, 'rashomon.pipeline' in sys.modules); "
            "from rashomon import analyze; print(analyze.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "rashomon.pipeline"]


def test_the_public_names_resolve_and_others_raise_attribute_error():
    import rashomon
    from rashomon.workspace import Workspace

    assert rashomon.Workspace is Workspace
    assert set(rashomon.__all__) <= set(dir(rashomon))
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        rashomon.nothing_here  # noqa: B018


class _Interrupted(types.ModuleType):
    def __getattr__(self, name):  # ``from rashomon.cli import main`` is interrupted
        raise KeyboardInterrupt


def test_ctrl_c_while_the_command_line_is_imported_exits_130_with_one_line(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "rashomon.cli", _Interrupted("rashomon.cli"))
    with pytest.raises(SystemExit) as exit_info:
        entry.main()
    assert exit_info.value.code == 130
    assert capsys.readouterr().err == "interrupted\n"


def _exit_130():
    raise SystemExit(130)  # what Typer makes of Ctrl-C before a command handles it


def test_ctrl_c_before_a_command_handles_it_still_prints_one_line(monkeypatch, capsys):
    from rashomon import cli

    monkeypatch.setattr(cli, "app", _exit_130)
    monkeypatch.setattr(cli, "_TOLD", [])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 130
    assert "interrupted" in capsys.readouterr().err


def test_a_command_that_told_what_ctrl_c_left_is_not_followed_by_a_second_line(monkeypatch, capsys):
    from rashomon import cli

    def told():
        cli._interrupted("interrupted during the analysis: nothing was written")
        raise SystemExit(130)  # Typer's exit for the typer.Exit(130) returned

    monkeypatch.setattr(cli, "_TOLD", [])
    monkeypatch.setattr(cli, "app", told)
    with pytest.raises(SystemExit):
        cli.main()
    assert capsys.readouterr().err.count("interrupted") == 1

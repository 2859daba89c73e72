"""Docs enforced by tests (after sqlite-utils ``tests/test_docs.py``): every CLI
command and option is in docs/cli.md, every setting in docs/settings.md."""
from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from rashomon.cli import app
from rashomon.settings import SETTINGS

DOCS = Path(__file__).resolve().parents[1] / "docs"
CLI_MD = (DOCS / "cli.md").read_text(encoding="utf-8")
SETTINGS_MD = (DOCS / "settings.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)


@pytest.mark.parametrize("command", sorted(GROUP.commands))
def test_command_documented(command):
    assert f"rashomon {command}" in CLI_MD


@pytest.mark.parametrize("command,option", sorted(
    (name, opt) for name, cmd in GROUP.commands.items() for p in cmd.params for opt in p.opts
    if opt.startswith("-")))
def test_option_documented(command, option):
    assert f"`{option}" in CLI_MD, f"{option} of `rashomon {command}` is missing from docs/cli.md"


def test_version_documented():
    assert "--version" in CLI_MD


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_setting_documented(setting):
    assert f"`{setting.name}`" in SETTINGS_MD
    assert f"`RASHOMON_{setting.name.upper()}`" in SETTINGS_MD
    assert f"`--{setting.name.replace('_', '-')}`" in SETTINGS_MD
    assert f"`{setting.default}`" in SETTINGS_MD, f"default of {setting.name} in docs/settings.md is stale"


def _settings_row(setting) -> list[str]:
    """The cells of the row of ``setting`` in docs/settings.md's table."""
    rows = [ln for ln in SETTINGS_MD.splitlines() if ln.startswith(f"| `{setting.name}` |")]
    assert len(rows) == 1, f"{setting.name}: expected one row in docs/settings.md, found {len(rows)}"
    return [c.strip() for c in rows[0].strip().strip("|").split("|")]


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_setting_range_documented(setting):
    header = [c.strip() for c in next(ln for ln in SETTINGS_MD.splitlines() if ln.startswith("| setting |"))
              .strip().strip("|").split("|")]
    row = _settings_row(setting)
    assert len(row) == len(header)
    assert row[header.index("allowed")] == (setting.allowed or "any"), \
        f"allowed range of {setting.name} in docs/settings.md is stale"

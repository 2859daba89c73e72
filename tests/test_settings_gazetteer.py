"""--gazetteer files: a missing, unreadable or malformed file is a one-line
GazetteerError (a ModelError) naming the file, raised before any input is read."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from rashomon.annotate import load_gazetteer
from rashomon.errors import GazetteerError, ModelError, RashomonError
from rashomon.settings import Settings


def test_gazetteer_error_is_a_model_error():
    assert issubclass(GazetteerError, ModelError) and issubclass(GazetteerError, RashomonError)


def _write(tmp_path: Path, name: str, content: str | bytes | None) -> Path:
    p = tmp_path / name
    if content is None:
        return p  # missing
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


@pytest.mark.parametrize("name,content,expected", [
    ("nope.yaml", None, "not found"),
    ("bad.yaml", "a: [unclosed\n", "not valid YAML"),
    ("tab.yaml", "entries:\n\t- name: X\n", "not valid YAML"),
    ("latin1.yaml", "entries:\n- name: Jos\xe9\n".encode("latin-1"), "not UTF-8"),
    ("scalar.yaml", "entries: 5\n", "list of entries"),
    ("nameless.yaml", "entries:\n- type: ORG\n", "entry 0 has no name"),
    ("aliases.yaml", "entries:\n- name: X\n  aliases: {a: 1}\n", "aliases must be a list"),
])
def test_bad_gazetteer_file_is_one_line_error(tmp_path, name, content, expected):
    p = _write(tmp_path, name, content)
    with pytest.raises(GazetteerError) as info:
        load_gazetteer(Settings(gazetteers=[p]))
    msg = str(info.value)
    assert str(p) in msg and expected in msg and "\n" not in msg, msg


def test_invalid_yaml_says_where(tmp_path):
    p = _write(tmp_path, "bad.yaml", "entries:\n- name: X\n  aliases: [A, B\n")
    with pytest.raises(GazetteerError, match=r"line \d+, column \d+"):
        load_gazetteer(Settings(gazetteers=[p]))


def test_folder_given_as_gazetteer(tmp_path):
    with pytest.raises(GazetteerError, match="is a folder"):
        load_gazetteer(Settings(gazetteers=[tmp_path]))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_gazetteer(tmp_path):
    p = _write(tmp_path, "locked.yaml", "entries: []\n")
    p.chmod(0)
    try:
        with pytest.raises(GazetteerError, match="cannot be read"):
            load_gazetteer(Settings(gazetteers=[p]))
    finally:
        p.chmod(0o644)


@pytest.mark.parametrize("content", ["", "entries:\n", "entries: []\n", "[]\n"])
def test_empty_gazetteer_adds_nothing(tmp_path, content):
    p = _write(tmp_path, "empty.yaml", content)
    assert len(load_gazetteer(Settings(gazetteers=[p]))) == len(load_gazetteer(Settings()))


def test_single_alias_string_is_one_alias(tmp_path):
    p = _write(tmp_path, "one.yaml", "- name: Zorvath Canal\n  type: FAC\n  aliases: Zorvath\n  source: test\n")
    entry = load_gazetteer(Settings(gazetteers=[p]))[-1]
    assert (entry.name, entry.aliases, entry.id) == ("Zorvath Canal", ["Zorvath"], "u0.0")


@pytest.mark.parametrize("name,content", [("nope.yaml", None), ("bad.yaml", "a: [unclosed\n")])
def test_pipeline_checks_gazetteers_before_reading_inputs(tmp_path, monkeypatch, name, content):
    import rashomon.pipeline as pipeline

    read = []
    monkeypatch.setattr("rashomon.ingest.read", lambda *a, **k: read.append(a) or [])
    good = tmp_path / "good.txt"
    good.write_text("Governor Anna Berg said the bridge would reopen.\n", encoding="utf-8")
    p = _write(tmp_path, name, content)
    with pytest.raises(GazetteerError, match=name):
        pipeline.analyze([good], Settings(gazetteers=[p]))
    assert read == []

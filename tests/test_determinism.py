"""A report does not depend on Python's string hash seed: the same inputs
give byte-identical report.json under two ``PYTHONHASHSEED`` values (sets of
words, e.g. a predicate's antonyms, are walked in sorted order)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TEXTS = {
    "a.txt": "Dock workers accepted the pay offer on Tuesday, the union leader said.\n\n"
             "The vote ended a strike that had lasted nine days.",
    "b.txt": "Dock workers rejected the pay offer, the port company said on Tuesday.\n\n"
             "Managers said the strike would go on.",
    "c.txt": "The workers refused the pay offer, a spokesman for the port said.\n\n"
             "He said talks would resume next week.",
}


def _report(folder: Path, out: Path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-m", "rashomon", "analyze", str(folder), "-o", str(out), "-q", "--jobs", "1"],
                   check=True, env=env, capture_output=True)
    return (out / "report.json").read_bytes()


def test_the_report_is_the_same_under_two_hash_seeds(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    first = _report(folder, tmp_path / "one", "11")
    second = _report(folder, tmp_path / "two", "14")
    assert b"rejected" in first and b"refused" in first
    assert first == second

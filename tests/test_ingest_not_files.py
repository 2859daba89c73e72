"""Names that look like inputs but are no regular files are listed, never dropped."""
from __future__ import annotations

import os

import pytest

from rashomon.ingest import discover
from rashomon.settings import Settings


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.txt").write_text("The mayor said the bridge is open.\n", encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dead.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink(tmp_path / "nowhere", tmp_path / "notes")  # no supported extension, but a link to nothing: listed
    return tmp_path


@pytest.mark.parametrize("given", ["{d}", "{d}/*.txt", "{d}/**"])
def test_broken_links_and_pipes_in_a_folder_or_pattern_are_skipped_with_reason(folder, given):
    files, skipped = discover([given.format(d=folder)], Settings())
    assert [f.name for f in files] == ["good.txt"]
    reasons = {os.path.basename(s.path): s.reason for s in skipped}
    assert sorted(reasons) == ["dead.txt", "pipe.txt"] if given.endswith(".txt") else ["dead.txt", "notes", "pipe.txt"]
    assert reasons["dead.txt"].startswith("the link points nowhere (") and "gone.txt" in reasons["dead.txt"]
    assert reasons["pipe.txt"].startswith("not a regular file")


def test_a_broken_link_given_directly_says_so(folder):
    files, [skip] = discover([folder / "dead.txt"], Settings())
    assert files == [] and "the link points nowhere" in skip.reason

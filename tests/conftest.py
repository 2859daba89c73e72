"""Shared fixtures.

Tests that read ``../shared`` (the real corpus and its gold file) skip with a
clear reason when it is absent, as in a user's own clone, but fail under CI
(``CI=true``), where it must be present.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "karabakh-2023"
GOLD = SHARED / "gold" / "karabakh-2023.yaml"
SCORER = SHARED / "tools" / "score.py"


def _need(path: Path) -> Path:
    if path.exists():
        return path
    msg = f"{path} is absent: the shared corpus lies beside the project only in the project's own workspace"
    if os.environ.get("CI") == "true":
        pytest.fail(msg + " (CI=true: it must be present)")
    pytest.skip(msg)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The karabakh-2023 corpus folder (five real documents)."""
    return _need(CORPUS)


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return _need(GOLD)


@pytest.fixture(scope="session")
def scorer_path() -> Path:
    return _need(SCORER)


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once per test session."""
    from rashomon.annotate import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def corpus_report(corpus_dir):
    """The report of the whole pipeline on the real corpus (computed once)."""
    from rashomon import analyze

    return analyze([corpus_dir])


EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@pytest.fixture(scope="session")
def seed_report(request):
    """The report of the real corpus (``corpus_report``) where ``../shared`` is
    present; else of the demo corpus in ``examples/corpus`` (a user's own
    clone). Under ``CI=true`` the real corpus must be present."""
    if CORPUS.exists() or os.environ.get("CI") == "true":
        return request.getfixturevalue("corpus_report")
    from rashomon import analyze

    return analyze([EXAMPLES])


@pytest.fixture(scope="session")
def hostile_corpus_report():
    """The report of ``tests/data/export/hostile.jsonl``: fictional articles
    whose titles, outlets, quotes and claims start with spreadsheet formula
    prefixes and hold ``<script>``, quotation marks, line breaks and
    characters outside the Basic Multilingual Plane (computed once)."""
    from rashomon import analyze

    return analyze([Path(__file__).resolve().parent / "data" / "export" / "hostile.jsonl"])

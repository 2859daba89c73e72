"""Packaged data: gazetteer and lexicons as YAML, each entry with its source.

:func:`load` parses a packaged file once per process (every stage that needs
``boilerplate.yaml`` or ``frames.yaml`` shares one parse); :func:`read_yaml`
reads a user's file (``--gazetteer``). Both use libyaml's C loader when
PyYAML was built with it.
"""
from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: str | Path) -> Any:
    """Parse a YAML file (safe loader). Raises ``OSError`` or ``yaml.YAMLError``."""
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)


@functools.lru_cache(maxsize=None)
def load(name: str) -> Any:
    """The parsed packaged file ``rashomon/data/<name>``, read once per process.

    The result is shared: callers build their own structures from it and never
    mutate it. Raises ``FileNotFoundError``/``yaml.YAMLError`` when the package
    is damaged (reinstall it).
    """
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER)

"""rashomon: who said what across many conflicting accounts of one event.

Public API::

    from rashomon import analyze
    report = analyze(["corpus/"])          # -> Report
    print(report.to_json())

    from rashomon import Workspace         # a story kept in one SQLite file
    with Workspace("story.db") as ws:
        ws.add(["corpus/", "statement.pdf"])
        report = ws.report()
"""
from __future__ import annotations

import logging

__version__ = "0.1.0"

# A library leaves logging to the application (Python's logging HOWTO,
# "Configuring Logging for a Library"): without a handler of the caller's,
# rashomon's warnings are not printed; every skip is in ``Report.skipped``.
logging.getLogger("rashomon").addHandler(logging.NullHandler())

# The public names are imported on first use (PEP 562, module ``__getattr__``):
# ``import rashomon`` and the command line's start stay light (no spaCy,
# pydantic or SQLite code until a name is used), and Ctrl-C while the command
# line starts is answered by :func:`rashomon.__main__.main` instead of a traceback.
_PUBLIC = {
    "analyze": "rashomon.pipeline",
    "Settings": "rashomon.settings",
    "Report": "rashomon.types",
    "Workspace": "rashomon.workspace",
}

__all__ = ["Report", "Settings", "Workspace", "__version__", "analyze"]


def __getattr__(name: str):
    """``rashomon.analyze`` and the other public names, imported on first access.

    Raises ``AttributeError`` for any other name, as a module does."""
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'rashomon' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))

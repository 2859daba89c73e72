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

from rashomon.pipeline import analyze  # noqa: E402
from rashomon.settings import Settings  # noqa: E402
from rashomon.types import Report  # noqa: E402
from rashomon.workspace import Workspace  # noqa: E402

__all__ = ["Report", "Settings", "Workspace", "__version__", "analyze"]

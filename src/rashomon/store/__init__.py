"""The workspace store: one SQLite file per workspace, the only code that writes SQL.

``schema.py`` the tables, views and migrations (documented in docs/workspace.md);
``records.py`` how each record maps onto a table; ``db.py`` opening and every
write; ``queries.py`` the read side (pages, search, filters) the web app uses.
"""
from __future__ import annotations

from rashomon.store.db import Store
from rashomon.store.queries import Page

__all__ = ["Page", "Store"]

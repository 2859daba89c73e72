"""The local web app: ``rashomon serve WORKSPACE`` (needs ``pip install 'rashomon[web]'``).

Server-rendered pages over one workspace file (FastAPI, Jinja2, uvicorn),
bound to 127.0.0.1 by default, working offline: no page loads anything from
another origin. Every page at ``/path`` has a JSON twin at ``/path.json``
built from the same context. Pages and security model: ``docs/web.md``.

``app.py`` the application and the page/twin pairs; ``pages.py`` the reading
pages; ``sources.py`` the sources page and the add forms; ``jobs.py`` adds
run in the background; ``passages.py`` an article's text marked up;
``security.py`` CSP, anti-forgery and size limits; ``templates/`` the pages.
"""
from __future__ import annotations

import errno
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rashomon.errors import MissingExtraError, ServeError

if TYPE_CHECKING:
    from fastapi import FastAPI

NEEDS = ("fastapi", "uvicorn", "multipart")
"""Import names of the ``web`` extra's packages (``multipart``: python-multipart)."""


def require() -> None:
    """Raise :class:`~rashomon.errors.MissingExtraError` naming the install
    command when a package of the ``web`` extra is missing."""
    missing = [name for name in NEEDS if importlib.util.find_spec(name) is None]
    if missing:
        names = ", ".join("python-multipart" if m == "multipart" else m for m in missing)
        raise MissingExtraError(f"the web app needs {names}: pip install 'rashomon[web]' "
                                "(in a clone of the project: pip install '.[web]')")


def port_problem(host: str, port: int) -> str | None:
    """Why the app cannot listen at ``host:port`` (the port taken by another
    program, the address not this machine's), as one sentence; ``None`` when
    it can. Checked by binding a socket the way uvicorn does
    (``SO_REUSEADDR``) and closing it at once."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(address)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        hints = {errno.EADDRINUSE: "another program uses it: stop it or choose another --port",
                 errno.EACCES: "a port below 1024 needs administrator rights: choose another --port"}
        hint = hints.get(exc.errno, "check --host")
        return f"cannot listen at {host}:{port}: {reason}; {hint}"
    return None


def create_app(workspace: str | Path, **options) -> "FastAPI":
    """The web app over ``workspace`` (see :func:`rashomon.web.app.create_app`).

    Raises
    ------
    MissingExtraError : the ``web`` extra is not installed.
    WorkspaceError : the file is not a rashomon workspace.
    """
    require()
    from rashomon.web.app import create_app as build

    return build(workspace, **options)


def serve(workspace: str | Path, host: str = "127.0.0.1", port: int = 8000,
          announce: Callable[[str], None] | None = None, refreshing: Callable[[], None] | None = None) -> None:
    """Serve the web app over ``workspace`` at ``http://host:port/`` until
    interrupted (Ctrl+C); ``announce(url)`` is called once the app is built.
    Corpus results that ``rashomon add`` left to be recomputed (entities,
    disputes, reuse, framing, timeline) are brought up to date first, as
    ``rashomon report`` does (``refreshing()`` is called before, unless the
    workspace holds no article yet).
    Another host than the loopback one serves the pages, and the forms that
    add to the workspace, to anyone who can reach it: the ``Host`` header may
    then be any name.

    Raises
    ------
    MissingExtraError : the ``web`` extra is not installed.
    WorkspaceError : the file is not a rashomon workspace.
    ServeError : ``host:port`` cannot be listened at (:func:`port_problem`).
    """
    require()
    import uvicorn

    from rashomon.web.app import LOCAL_HOSTS

    from rashomon.workspace import Workspace

    with Workspace(workspace) as ws:
        problem = port_problem(host, port)  # before minutes of recomputing, and before the address is announced
        if problem:
            raise ServeError(problem)
        if ws.stale():
            if refreshing and ws.store.corpus_state():  # an empty workspace has nothing to recompute worth a line
                refreshing()
            ws.refresh()
    hosts = None if host in LOCAL_HOSTS else ["*"]
    app = create_app(workspace, allowed_hosts=hosts)
    if announce:
        announce(f"http://{host}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False)

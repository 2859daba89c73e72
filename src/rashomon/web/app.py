"""The FastAPI application: state, rendering, and the page/JSON-twin pairs.

:func:`create_app` builds the app over one workspace file. Every page is one
*context function* (in :mod:`rashomon.web.pages` and
:mod:`rashomon.web.sources`) registered with :func:`view`: the HTML page at
``/path`` renders the context with its template, and the JSON twin at
``/path.json`` (``/index.json`` for the home page) returns the same context
as JSON, so the two can never disagree.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from rashomon.report.labels import holder_name
from rashomon.report.render import count_noun
from rashomon.web import passages
from rashomon.web.jobs import Jobs
from rashomon.web.security import CSRF_FIELD, LimitBody, Protect
from rashomon.workspace import Workspace

log = logging.getLogger(__name__)

FORM_OVERHEAD = 64 * 1024
"""Bytes allowed in a POST beyond the upload limit (form fields, multipart headers)."""

LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]

MEMO_SIZE = 256
"""Values :meth:`Web.memo` keeps at most."""
_MISSING = object()

GROUPS = {"contradicts": "disputes", "agrees": "agreement_groups", "repeats": "repeat_groups"}
"""Relation kind → the report context's list of groups of that kind."""


class Web:
    """What the pages read: the workspace's :class:`~rashomon.store.Store`,
    its add :class:`~rashomon.web.jobs.Jobs`, the folder uploads are kept in,
    the upload limit (bytes), and what is kept until the workspace's corpus
    results change (:meth:`memo`, :meth:`relation_context`)."""

    def __init__(self, workspace: Path, max_upload_bytes: int) -> None:
        self.workspace = workspace
        self.ws = Workspace(workspace)
        self.store = self.ws.store
        self.jobs = Jobs(workspace)
        self.uploads = workspace.with_name(workspace.stem + "-sources")
        self.max_upload_bytes = max_upload_bytes
        self._relations: dict[str, tuple[Any, dict[str, Any]]] = {}
        self._building = {kind: threading.Lock() for kind in GROUPS}
        self._memo: dict[tuple, Any] = {}
        self._memo_key: Any = None
        self._lock = threading.Lock()
        self._watch = sqlite3.connect(workspace, check_same_thread=False)
        self._watched: tuple[int, bool] | None = None
        self._watch_lock = threading.Lock()

    def outdated(self) -> bool:
        """Whether the corpus results are behind the workspace's articles
        (another program, e.g. ``rashomon add``, wrote to the file), in which
        case a job recomputing them is queued unless an add is under way (an
        add from the pages recomputes them when done). Cheap per request: the
        stale check (:meth:`rashomon.workspace.Workspace.stale`) runs only
        when SQLite's ``PRAGMA data_version`` says another connection
        committed since the last check."""
        with self._watch_lock:
            version = self._watch.execute("PRAGMA data_version").fetchone()[0]
            if self._watched is None or self._watched[0] != version:
                stale = self.ws.stale() and bool(self.store.corpus_state())
                if stale and not self.jobs.busy():
                    self.jobs.submit("nothing new: recomputing the corpus results after a change from outside "
                                     "this app", [], [])
                self._watched = (version, stale)
            return self._watched[1]

    def memo(self, name: str, compute: Callable[..., Any], *args: Any) -> Any:
        """``compute(*args)``, kept while the workspace's corpus results stay
        as they are (for aggregates over the whole workspace that every
        request would otherwise recompute: framing per outlet, the speakers
        a filter offers); at most :data:`MEMO_SIZE` values are kept."""
        key = self.store.meta("corpus_key")
        with self._lock:
            if self._memo_key != key:
                self._memo.clear()
                self._memo_key = key
            found = self._memo.get((name, args), _MISSING)
        if found is _MISSING:
            found = compute(*args)
            with self._lock:
                if len(self._memo) >= MEMO_SIZE:
                    self._memo.clear()
                self._memo[(name, args)] = found
        return found

    def relation_context(self, kind: str) -> dict[str, Any]:
        """The groups of one relation ``kind`` as the report context makes
        them (:func:`rashomon.report.context.build_context` over
        :meth:`rashomon.store.Store.relation_report` of that kind):
        ``groups`` (``disputes`` for contradicts, ``agreement_groups`` for
        agrees, ``repeat_groups`` for repeats, with whatever fields the report
        context gives them) and ``narrator``; built once per kind and state of
        the corpus results. Kinds are grouped apart, so one kind's page never
        waits for another's (the report context also builds its claims ×
        sources table, whose size is propositions × articles)."""
        from rashomon.report.context import build_context

        key = (kind, self.store.meta("corpus_key"))
        with self._building[kind]:  # one build per kind at a time; other pages never wait for it
            cached = self._relations.get(kind)
            if cached is None or cached[0] != key:
                ctx = build_context(self.store.relation_report(kind))
                cached = self._relations[kind] = (key, {"groups": ctx.get(GROUPS[kind], []),
                                                         "narrator": ctx.get("narrator")})
            return cached[1]


def get_web(request: Request) -> Web:
    """The app's :class:`Web` (a FastAPI dependency), its corpus results
    checked first (:meth:`Web.outdated`)."""
    web = request.app.state.web
    request.state.outdated = web.outdated()
    return web


# -- rendering ----------------------------------------------------------------------


def _url_with(query: dict[str, str], **changes: Any) -> str:
    """``?a=1&b=2`` from the current query with ``changes`` applied (``None`` drops a key)."""
    merged = {**query, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def _plain(value: Any) -> str:
    """A value of any shape as one readable line (for fields the templates
    do not know by name)."""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v) for v in value)
    return "" if value is None else str(value)


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("rashomon", "web/templates"), autoescape=select_autoescape(default=True,
                      default_for_string=True), trim_blocks=True, lstrip_blocks=True)
    env.globals.update(url_with=_url_with, speaker_class=passages.speaker_class, csrf_field=CSRF_FIELD,
                       marks=passages.marks, tokens=passages.tokens, holder_name=holder_name)
    env.filters.update(plain=_plain, count=count_noun)
    return env


_ENV = _environment()


def render(request: Request, template: str, context: dict[str, Any], status: int = 200,
           json_url: str | None = None) -> HTMLResponse:
    """A template rendered with ``context`` and ``ui``: the response's CSP
    ``nonce``, the anti-forgery ``csrf`` token, the ``path``, the ``query``
    parameters and the ``json`` twin's URL."""
    ui = {"nonce": request.state.nonce, "csrf": request.state.csrf, "path": request.url.path,
          "query": dict(request.query_params), "json": json_url,
          "workspace": request.app.state.web.workspace.name,
          "outdated": getattr(request.state, "outdated", None)}
    return HTMLResponse(_ENV.get_template(template).render(**context, ui=ui), status_code=status)


def json_response(context: dict[str, Any], status: int = 200) -> Response:
    """A context as a JSON response (UTF-8, not ASCII-escaped)."""
    body = json.dumps(context, ensure_ascii=False, default=str)
    return Response(body, status_code=status, media_type="application/json")


READ = ["GET", "HEAD"]
"""The methods a page answers: HEAD gives GET's status and headers without the body (RFC 9110, 9.3.2)."""


def twin(path: str) -> str:
    """The JSON twin's path of a page's path (``/`` → ``/index.json``)."""
    return "/index.json" if path == "/" else path + ".json"


def view(app: FastAPI, path: str, template: str) -> Callable[[Callable[..., dict]], Callable[..., dict]]:
    """Register a context function as the page at ``path`` (rendered with
    ``template``) and its JSON twin. The function's parameters are FastAPI
    dependencies (query parameters, ``Depends(get_web)``); it returns the
    page's context (plain JSON values) or raises ``HTTPException``."""
    def register(fn: Callable[..., dict]) -> Callable[..., dict]:
        def as_json(context: dict = Depends(fn)) -> Response:
            return json_response(context)

        def as_html(request: Request, context: dict = Depends(fn)) -> Response:
            query = str(request.url.query)
            return render(request, template, context, json_url=twin(request.url.path) + (f"?{query}" if query else ""))

        app.add_api_route(twin(path), as_json, methods=READ, name=f"{fn.__name__}.json", include_in_schema=False)
        app.add_api_route(path, as_html, methods=READ, name=fn.__name__, include_in_schema=False)
        return fn

    return register


# -- errors -------------------------------------------------------------------------


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.endswith(".json"):
        return json_response({"error": message, "status": status}, status)
    return render(request, "error.html", {"status": status, "message": message}, status)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    messages = {404: "Nothing here: the link may be from before the workspace changed.",
                405: "This address does not take that kind of request."}
    detail = str(exc.detail)
    if detail == HTTPStatus(exc.status_code).phrase:  # no message of our own: Starlette's default
        detail = messages.get(exc.status_code, detail)
    return _error(request, exc.status_code, detail)


async def _bad_query(request: Request, exc: RequestValidationError) -> Response:
    wrong = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
    return _error(request, 400, f"The address asks for something that cannot be read ({wrong}).")


# -- the app ------------------------------------------------------------------------


def create_app(workspace: str | Path, *, max_upload_bytes: int | None = None,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web app over one workspace file.

    Parameters
    ----------
    workspace : the workspace file (created empty when missing).
    max_upload_bytes : the largest upload or pasted text accepted, in bytes;
        default the ``max_file_bytes`` setting (``RASHOMON_MAX_FILE_BYTES``),
        beyond which the reader would skip the file anyway.
    allowed_hosts : ``Host`` header values served (default: the loopback
        names ``127.0.0.1``, ``localhost``, ``::1``); others get 400, so a
        site whose DNS name is pointed at 127.0.0.1 cannot read the pages.

    Raises
    ------
    WorkspaceError : the file is not a rashomon workspace or cannot be created.
    """
    from rashomon.settings import Settings
    from rashomon.web import pages, sources

    limit = max_upload_bytes or Settings.from_env().max_file_bytes
    app = FastAPI(title="rashomon", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.web = Web(Path(workspace), limit)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _bad_query)
    pages.register(app)
    sources.register(app)
    app.add_middleware(LimitBody, limit=limit + FORM_OVERHEAD)
    app.add_middleware(Protect)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOCAL_HOSTS)
    return app

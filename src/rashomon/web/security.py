"""The web app's protections, as plain ASGI middleware and one check.

* **Content Security Policy** on every response: ``default-src 'none'``;
  the page's own ``<style>`` and ``<script>`` run only with the response's
  nonce (no ``'unsafe-inline'``, no other origin: the pages make no external
  request of any kind); forms post only to the app itself; no framing.
  Source: the W3C CSP Level 3 recommendation ("nonce-source"), OWASP's
  Content Security Policy cheat sheet.
* **Cross-site request forgery**: the double-submit cookie of OWASP's CSRF
  prevention cheat sheet. Every page sets a random token in a
  ``SameSite=Strict`` cookie and puts the same token in its forms; a POST
  whose form token does not equal the cookie is refused, and so is one whose
  ``Origin`` (or, without it, ``Sec-Fetch-Site``) says it came from another
  site.
* **Body size**: a POST must state its ``Content-Length`` (411 otherwise) and
  stay within the limit (413 otherwise), checked before a byte is read.
* Escaping is Jinja's autoescape (every template); the host header is
  checked by Starlette's ``TrustedHostMiddleware`` (against DNS rebinding).
"""
from __future__ import annotations

import hmac
import html
import re
import secrets
from http.cookies import SimpleCookie
from typing import Any

from starlette.requests import Request

CSRF_COOKIE = "rashomon_csrf"
"""The cookie holding the anti-forgery token."""
CSRF_FIELD = "csrf_token"
"""The form field that must repeat it."""
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


def content_security_policy(nonce: str) -> str:
    """The CSP header of a response whose own style and script carry ``nonce``."""
    return (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self' data:; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # 'no-referrer' would make browsers send 'Origin: null' on our own POSTs
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]

_OURS = {name for name, _ in HEADERS} | {b"content-security-policy"}


def _cookie(scope: dict[str, Any], name: str) -> str | None:
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            jar = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header: as if absent
                continue
            if name in jar:
                return jar[name].value
    return None


class Protect:
    """ASGI middleware: a fresh CSP nonce per request (``request.state.nonce``),
    the anti-forgery token (``request.state.csrf``: the cookie's, or a new one
    set on the response), and the security headers on every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(18)
        token = _cookie(scope, CSRF_COOKIE)
        fresh = token is None or not _TOKEN.match(token)
        if fresh:
            token = secrets.token_urlsafe(32)
        state = scope.setdefault("state", {})
        state["nonce"], state["csrf"] = nonce, token

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0] not in _OURS]
                headers += HEADERS + [(b"content-security-policy", content_security_policy(nonce).encode())]
                if fresh:
                    headers.append((b"set-cookie", f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict".encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class LimitBody:
    """ASGI middleware: a POST must state a ``Content-Length`` of at most
    ``limit`` bytes (411 or 413 otherwise, before the body is read)."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            length = dict(scope.get("headers", [])).get(b"content-length")
            if length is None or not length.isdigit():
                await _plain(send, 411, "A form sent here must state its length (Content-Length).")
                return
            if int(length) > self.limit:
                await _plain(send, 413, f"Too large: uploads are limited to {self.limit:,} bytes in all "
                                        "(RASHOMON_MAX_FILE_BYTES sets the limit for one file).")
                return
        await self.app(scope, receive, send)


async def _plain(send: Any, status: int, message: str) -> None:
    body = (f"<!doctype html><meta charset=utf-8><title>{status}</title><p>{html.escape(message)}</p>"
            "<p><a href=\"/sources\">Back to the sources</a></p>").encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def forgery(request: Request, form_token: Any) -> str | None:
    """Why a POST must be refused as a possible cross-site request forgery,
    or ``None`` when it came from one of the app's own pages.

    Parameters
    ----------
    request : the POST request.
    form_token : the form's :data:`CSRF_FIELD` value.

    Returns
    -------
    str | None : one sentence for the 403 page.
    """
    origin = request.headers.get("origin")
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    if origin is not None and origin != own:
        return f"the form was sent from another site ({origin}), not from this app's own page"
    if origin is None and request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return "the form was sent from another site, not from this app's own page"
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not (isinstance(form_token, str) and cookie and _TOKEN.match(cookie)
            and hmac.compare_digest(form_token.encode(), cookie.encode())):
        return "the form's anti-forgery token is missing or stale: reload the page and send the form again"
    return None

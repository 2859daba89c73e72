"""Pages fetched from a URL the user gives (``rashomon add W https://…``).

Nothing is fetched unless a URL is given as an input. One GET with httpx,
under limits: the whole download within ``fetch_timeout`` seconds and at most
``max_file_bytes`` bytes (a ``Content-Length`` over it is refused before any
byte is read). Redirects are not followed but reported, with the address
they point to, so the user decides what is added; any status but 200 and
any network error is reported too. The body is read by the reader for its
media type (``Content-Type``; else the URL's extension): HTML, plain text,
JSON lines, PDF, DOCX. The raw page is kept beside its text in the
workspace (table ``pages``).
"""
from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from rashomon.errors import InputError, TooLargeError, UnsupportedFormatError
from rashomon.ingest.fields import set_field
from rashomon.settings import Settings
from rashomon.types import Article, Skipped

MEDIA_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/jsonl": ".jsonl",
    "application/x-ndjson": ".jsonl",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
"""Media type (IANA registry) → the extension whose reader reads it."""

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class FetchError(InputError):
    """A URL that could not be fetched: a redirect, an error status, a
    network error or a timeout (the message says which)."""


def is_url(value: object) -> bool:
    """Whether an input is an ``http://`` or ``https://`` URL."""
    return str(value).strip().lower().startswith(("http://", "https://"))


def _extension(url: str, content_type: str) -> str:
    ext = MEDIA_TYPES.get(content_type)
    if ext:
        return ext
    from rashomon import ingest

    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    if suffix in ingest.READERS:
        return suffix
    raise UnsupportedFormatError(
        f"{url} is {content_type or 'of no stated media type'}: rashomon reads HTML, plain text, "
        "JSON lines, PDF and DOCX pages")


def page_name(url: str, ext: str) -> str:
    """A file name for a page: host and path, unsafe characters as ``_``, and ``ext``
    (``https://example.org/news/a?id=3`` → ``example.org_news_a.html``)."""
    parts = urlsplit(url)
    stem = _UNSAFE.sub("_", f"{parts.hostname or 'page'}{parts.path}").strip("_.")
    stem = stem[:-len(ext)] if stem.lower().endswith(ext) else stem
    return f"{stem[:120] or 'page'}{ext}"


def fetch(url: str, settings: Settings) -> dict:
    """GET ``url`` under the limits in the module docstring.

    Returns
    -------
    dict : ``url``, ``status`` (200), ``content_type`` (media type, lower
        case, parameters dropped), ``headers`` (dict), ``body`` (bytes),
        ``fetched_at`` (ISO 8601 UTC).

    Raises
    ------
    FetchError : a redirect (the message names its target), a status other
        than 200, a network error, or more than ``fetch_timeout`` seconds.
    TooLargeError : more than ``max_file_bytes`` bytes.
    """
    import httpx

    from rashomon import __version__

    limit, seconds = settings.max_file_bytes, settings.fetch_timeout
    deadline = time.monotonic() + seconds
    try:
        with httpx.Client(follow_redirects=False, timeout=httpx.Timeout(seconds),
                          headers={"User-Agent": f"rashomon/{__version__}"}) as client:
            with client.stream("GET", url) as resp:
                if resp.is_redirect:
                    raise FetchError(f"{url} redirects ({resp.status_code}) to {resp.headers.get('location')}: "
                                     "add that address if it is the page meant")
                if resp.status_code != 200:
                    raise FetchError(f"{url} answered {resp.status_code} {resp.reason_phrase}: nothing added")
                declared = resp.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise TooLargeError(f"{url} is {declared} bytes, over the limit of {limit} bytes (max_file_bytes)")
                body = bytearray()
                for part in resp.iter_bytes():
                    body += part
                    if len(body) > limit:
                        raise TooLargeError(f"{url} is over the limit of {limit} bytes (max_file_bytes)")
                    if time.monotonic() > deadline:
                        raise FetchError(f"{url} took longer than {seconds} s to download (fetch_timeout)")
                headers = dict(resp.headers)
    except httpx.TimeoutException:
        raise FetchError(f"{url} did not answer within {seconds} s (fetch_timeout)") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{url} cannot be fetched: {type(exc).__name__}: {exc}") from None
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    return {"url": url, "status": 200, "content_type": content_type or None, "headers": headers,
            "body": bytes(body), "fetched_at": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}


def read_url(url: str, settings: Settings) -> tuple[list[Article | Skipped], dict]:
    """Fetch ``url`` and read it into articles.

    Returns
    -------
    (articles, page) : the articles (and a ``Skipped`` per bad JSON line),
        named after the URL (:func:`page_name`), ``path`` the URL
        (``URL#line`` for JSON lines), ``url`` the URL with ``fetch``
        evidence unless the page states its own address; and the page as
        :func:`fetch` returns it.

    Raises
    ------
    FetchError, TooLargeError : see :func:`fetch`.
    UnsupportedFormatError : a media type no reader handles.
    InputError : what the format's reader raises (empty, not text, …).
    """
    from rashomon import ingest

    page = fetch(url, settings)
    name = Path(page_name(url, _extension(url, page["content_type"] or "")))
    found = ingest.parse(name, page["body"], settings)
    for art in found:
        art.path = url + art.path[len(str(name)):]
        if isinstance(art, Article) and art.url is None:
            set_field(art, "url", url, "fetch", url)
    return found, page

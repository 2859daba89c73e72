"""The sources page, its three ways to add (upload, pasted text, URL) and the add jobs' pages.

Each form posts to its own address; the post is checked against forgery
(:func:`rashomon.web.security.forgery`) and size (the upload limit), the
input is kept in the uploads folder beside the workspace (``story.db`` →
``story-sources/``: one new folder per add, so a file keeps its own name),
and an add job is queued (:mod:`rashomon.web.jobs`); the answer is a
redirect to the job's page, which shows its progress.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from pathlib import Path
from typing import Any, Optional

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException

from rashomon.store.queries import MAX_PER_PAGE
from rashomon.web.app import Web, get_web, view
from rashomon.web.pages import outlet_names
from rashomon.web.params import opt, page_no, published, text
from rashomon.web.security import CSRF_FIELD, forgery

STATUSES = ("analysed", "refused", "failed")
MAX_FILES = 50
"""Files one upload may carry."""
_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)


def _folder(web: Web) -> Path:
    """A new folder for one add's inputs, under the uploads folder."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d-%H%M%S")
    folder = web.uploads / f"{stamp}-{secrets.token_hex(3)}"
    folder.mkdir(parents=True)
    return folder


def safe_name(name: str, default: str = "upload.txt") -> str:
    """An uploaded file's name as a file name of its own folder: the last
    path part, characters other than letters, digits, ``.``, ``_`` and ``-``
    replaced by ``_``, at most 120 characters (the extension kept)."""
    base = re.split(r"[\\/]", name or "")[-1].strip().lstrip(".")
    base = _UNSAFE.sub("_", base)
    if len(base) > 120:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: 119 - len(ext)] + "." + ext) if dot and len(ext) <= 10 else base[:120]
    return base or default


async def _form(request: Request, web: Web) -> FormData:
    """The POSTed form, refused (403) when it may be forged."""
    form = await request.form(max_files=MAX_FILES, max_fields=20, max_part_size=web.max_upload_bytes)
    problem = forgery(request, form.get(CSRF_FIELD))
    if problem:
        raise HTTPException(403, f"Refused: {problem}.")
    return form


def register(app: FastAPI) -> None:
    """Add the sources page, the add forms' addresses and the job pages to ``app``."""

    @view(app, "/sources", "sources.html")
    def sources(web: Web = Depends(get_web), q: Optional[str] = text(), outlet: Optional[str] = text(),
                published_from: Optional[str] = text(), published_to: Optional[str] = text(),
                status: Optional[str] = Query(None, pattern="^(analysed|refused|failed|)$"),
                language: Optional[str] = text(), page: int = page_no(),
                per_page: int = Query(50, ge=1, le=MAX_PER_PAGE)) -> dict[str, Any]:
        """The articles (full-text search in title and text, filters by
        outlet, date, status, language), the inputs skipped, the latest add
        jobs, and the forms to add more."""
        filters = {"q": opt(q), "outlet": opt(outlet), **published(published_from, published_to), "status": opt(status),
                   "language": opt(language)}
        skipped = web.store.skipped()
        return {"articles": web.store.articles(**filters, page=page, per_page=per_page).as_dict(),
                "filters": filters, "outlets": outlet_names(web), "statuses": list(STATUSES),
                "skipped": [s.model_dump() for s in skipped[:100]], "skipped_total": len(skipped),
                "jobs": [j.as_dict() for j in web.jobs.recent(10)], "max_upload_bytes": web.max_upload_bytes}

    @view(app, "/jobs/{job_id}", "job.html")
    def job(job_id: str, web: Web = Depends(get_web)) -> dict[str, Any]:
        """One add job: its status and progress; once done, the articles it
        added and the inputs it skipped."""
        found = web.jobs.get(job_id)
        if found is None:
            raise HTTPException(404, f"There is no add job {job_id} (jobs are forgotten when the server stops).")
        return {"job": found.as_dict(), "labels": web.store.article_labels(found.articles)}

    @app.post("/sources/upload", include_in_schema=False)
    async def upload(request: Request, web: Web = Depends(get_web)) -> Response:
        form = await _form(request, web)
        files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
        if not files:
            raise HTTPException(400, "Choose one or more files to upload.")
        folder, paths = _folder(web), []
        for f in files:
            data = await f.read(web.max_upload_bytes + 1)
            if len(data) > web.max_upload_bytes:
                raise HTTPException(413, f"{f.filename} is larger than the upload limit "
                                         f"({web.max_upload_bytes:,} bytes).")
            path = folder / safe_name(f.filename)
            while path.exists():  # two files of one name in one upload
                path = path.with_name(f"{path.stem}-{secrets.token_hex(2)}{path.suffix}")
            path.write_bytes(data)
            paths.append(path)
        keys = [str(p.resolve()) for p in paths]
        label = ", ".join(p.name for p in paths)
        return _queued(web, label, [str(p) for p in paths], keys + [k + "#1" for k in keys])

    @app.post("/sources/text", include_in_schema=False)
    async def paste(request: Request, web: Web = Depends(get_web)) -> Response:
        form = await _form(request, web)
        text = str(form.get("text") or "")
        if not text.strip():
            raise HTTPException(400, "Paste the text of the article.")
        record = {"text": text}
        for key in ("title", "outlet", "url", "published"):
            value = str(form.get(key) or "").strip()
            if value:
                record[key] = value
        line = json.dumps(record, ensure_ascii=False)
        if len(line.encode("utf-8")) > web.max_upload_bytes:
            raise HTTPException(413, f"The text is larger than the upload limit ({web.max_upload_bytes:,} bytes).")
        name = safe_name((record.get("title") or "pasted")[:60].replace(" ", "-"), "pasted") + ".jsonl"
        path = _folder(web) / name
        path.write_text(line + "\n", encoding="utf-8")
        return _queued(web, record.get("title") or "pasted text", [str(path)], [str(path.resolve()) + "#1"])

    @app.post("/sources/url", include_in_schema=False)
    async def fetch(request: Request, web: Web = Depends(get_web)) -> Response:
        form = await _form(request, web)
        url = str(form.get("url") or "").strip()
        if not _URL.match(url):
            raise HTTPException(400, "Give an http:// or https:// address.")
        return _queued(web, url, [url], [url])


def _queued(web: Web, label: str, inputs: list[str], sources: list[str]) -> RedirectResponse:
    job = web.jobs.submit(label, inputs, sources)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)

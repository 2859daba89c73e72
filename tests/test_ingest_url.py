"""URLs given as inputs: fetched from a local HTTP server this test starts
(no test reaches the internet), under size and time limits; redirects and
errors are skipped entries; the raw page is kept beside its text."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from _documents import minimal_pdf
from rashomon import Settings, Workspace
from rashomon.ingest.url import FetchError, is_url, page_name, read_url

PAGE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pier closed</title>
<meta property="og:site_name" content="Velmar Herald"></head><body><article>
<h1>Pier closed</h1>
<p>The harbour authority said on Tuesday that the northern pier would stay closed for a month.</p>
<p>"We will not reopen it this month," director Ivo Marak told reporters at the harbour office.</p>
</article></body></html>"""

ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/story": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE),
    "/notes.txt": (200, {"Content-Type": "text/plain"}, b"The council met on Monday and said nothing new.\n"),
    "/statement": (200, {"Content-Type": "application/pdf"},
                   minimal_pdf([["The port said the pier stays closed."]])),
    "/moved": (301, {"Location": "/story"}, b""),
    "/gone": (404, {"Content-Type": "text/plain"}, b"not here"),
    "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    "/huge": (200, {"Content-Type": "text/plain"}, b"word " * 4000),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/slow":
            time.sleep(3)
        status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (the time-limit test)
            pass

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_are_told_from_paths():
    assert is_url("https://example.org/a") and is_url("HTTP://example.org")
    assert not is_url("corpus/http.txt") and not is_url("ftp://example.org/a")


def test_page_names_come_from_the_address():
    assert page_name("https://example.org/news/a?id=3", ".html") == "example.org_news_a.html"
    assert page_name("https://example.org/", ".txt") == "example.org.txt"
    assert page_name("https://example.org/report.pdf", ".pdf") == "example.org_report.pdf"


def test_an_html_page_is_read_as_a_file_would_be(server):
    url = server + "/story"
    [art], page = read_url(url, Settings())
    assert art.path == url and art.name == "127.0.0.1_story.html" and art.format == "html"
    assert art.text.startswith("The harbour authority said on Tuesday") or "harbour authority" in art.text
    assert art.outlet == "Velmar Herald" and art.metadata_evidence["outlet"].source == "html-meta"
    assert art.url == url and art.metadata_evidence["url"].source == "fetch"
    assert page["status"] == 200 and page["content_type"] == "text/html" and page["body"] == PAGE


@pytest.mark.parametrize("route,message", [
    ("/moved", "redirects (301) to /story"),
    ("/gone", "answered 404 Not Found"),
    ("/image", "is image/png"),
])
def test_redirects_and_errors_are_refused_with_the_reason(server, route, message):
    with pytest.raises(Exception, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_url(server + route, Settings())


def test_size_and_time_limits(server):
    with pytest.raises(Exception, match="over the limit of 1000 bytes"):
        read_url(server + "/huge", Settings(max_file_bytes=1000))
    with pytest.raises(FetchError, match="within 1 s"):
        read_url(server + "/slow", Settings(fetch_timeout=1))


@pytest.mark.model
def test_add_urls_to_a_workspace_keeps_the_raw_page(tmp_path, server):
    with Workspace(tmp_path / "story.db") as ws:
        added = ws.add([server + "/story", server + "/statement", server + "/moved", server + "/gone"])
        assert added.added == 2
        assert [(s.path, s.reason.split(": ")[0]) for s in added.skipped] == [
            (server + "/moved", server + "/moved redirects (301) to /story"),
            (server + "/gone", server + "/gone answered 404 Not Found")]
        report = ws.report()
        assert [(a.id, a.format, a.path) for a in report.articles] == [
            ("a0", "html", server + "/story"), ("a1", "pdf", server + "/statement")]
        [quote] = [q for q in report.quotes if q.kind == "direct"]
        assert quote.text == "We will not reopen it this month,"
        assert ws.store.page_body("a0") == ("text/html", PAGE)
        assert ws.store.article("a0")["page"]["url"] == server + "/story"
        assert ws.add([server + "/story"]).unchanged == 1  # fetched again, the same page: nothing to do


@pytest.mark.model
def test_analyze_reads_a_url_as_add_does(tmp_path, server):
    from typer.testing import CliRunner

    from rashomon.cli import app

    notes = tmp_path / "notes.txt"
    notes.write_text("The ferry to Velmar ran late on Monday, the operator said.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", server + "/story", str(notes), server + "/gone",
                                      "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [(a["path"], a["outlet"]) for a in report["articles"]] == [(str(notes), None),
                                                                    (server + "/story", "Velmar Herald")]
    assert [s["path"] for s in report["skipped"]] == [server + "/gone"]
    assert f"skipped {server}/gone: {server}/gone answered 404 Not Found" in result.stderr

"""The web app through FastAPI's TestClient: every page and its JSON twin,
links from findings to their highlighted passages, filters and pages,
forgery and size protections, escaping of hostile text."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is in the test extra: pip install -e '.[test]'")
from fastapi.testclient import TestClient  # noqa: E402

from rashomon import Workspace  # noqa: E402
from rashomon.web import create_app  # noqa: E402
from rashomon.web.passages import Mark, tokens  # noqa: E402
from rashomon.web.sources import safe_name  # noqa: E402

from _web_story import HOSTILE, HOSTILE_TITLE, write_story  # noqa: E402

BASE = "http://127.0.0.1"


class Passages(HTMLParser):
    """Element ids, links, and the text inside each finding's pieces (``data-f``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.attributes: set[str] = set()
        self.links: list[str] = []
        self.text: dict[str, str] = {}
        self.open: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.attributes.update(a)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag not in ("br", "img", "input", "meta", "link"):
            self.open.append(a.get("data-f"))

    def handle_endtag(self, tag):
        if tag not in ("br", "img", "input", "meta", "link") and self.open:
            self.open.pop()

    def handle_data(self, data):
        for f in set(x for x in self.open if x):
            self.text[f] = self.text.get(f, "") + data


def parse(html: str) -> Passages:
    p = Passages()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    path = folder / "story.db"
    with Workspace(path) as ws:
        ws.add(write_story(folder / "docs"))
        ws.refresh()
    return path


@pytest.fixture(scope="module")
def client(story) -> TestClient:
    return TestClient(create_app(story), base_url=BASE)


def _check_security_headers(r) -> None:
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "http" not in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    if r.headers["content-type"].startswith("text/html"):
        assert f'<style nonce="{nonce}">' in r.text and f'<script nonce="{nonce}">' in r.text
        assert len(re.findall(r"<script\b", r.text)) == 1  # the page's own script only
        attributes = parse(r.text).attributes
        assert not [a for a in attributes if a.startswith("on")] and "style" not in attributes  # no inline code or style
        assert not re.search(r'(src|href)="(https?:)?//', r.text)  # nothing from another origin
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"


@pytest.mark.model
def test_every_page_and_its_json_twin(client):
    quote = client.get("/quotes.json").json()["quotes"]["items"][0]
    speaker = client.get("/speakers.json").json()["speakers"]["items"][0]["id"]
    pages = ["/", "/sources", "/speakers", "/quotes", "/claims", "/disputes", "/disputes/0", "/disputes?kind=agrees",
             f"/articles/{quote['article']}", "/entities", f"/entities/{speaker}", "/reuse", "/framing", "/timeline",
             "/search?q=warehouse"]
    for path in pages:
        html = client.get(path)
        base, _, query = path.partition("?")
        twin = client.get(("/index.json" if base == "/" else base + ".json") + (f"?{query}" if query else ""))
        assert html.status_code == 200 and twin.status_code == 200, path
        assert html.headers["content-type"].startswith("text/html") and twin.headers["content-type"] == "application/json"
        _check_security_headers(html)
        _check_security_headers(twin)
        assert isinstance(twin.json(), dict) and twin.json()
        assert 'href="' + ("/index.json" if base == "/" else base + ".json") in html.text  # the page names its twin


@pytest.mark.model
def test_the_home_page_reaches_a_quote_passage_in_one_click(client):
    home = client.get("/index.json").json()
    assert home["counts"]["articles"] == 3 and home["dispute_total"] == 1
    quote = home["speakers"][0]["first_quotes"][0]
    link = f"/articles/{quote['article']}#{quote['id']}"
    assert link in parse(client.get("/").text).links
    article = client.get(f"/articles/{quote['article']}")
    found = parse(article.text)
    assert quote["id"] in found.ids  # the anchor the link scrolls to
    assert found.text[quote["id"]] == quote["text"]  # every piece of the quote, and nothing else, is marked


@pytest.mark.model
def test_every_quote_and_claim_is_marked_at_its_characters(client):
    for aid in ("a0", "a1", "a2"):
        ctx = client.get(f"/articles/{aid}.json").json()
        text = ctx["article"]["text"]
        found = parse(client.get(f"/articles/{aid}").text)
        for finding in ctx["quotes"] + ctx["claims"]:
            assert finding["id"] in found.ids
            assert found.text[finding["id"]] == text[finding["start"]:finding["end"]], finding["id"]
            assert f"#{finding['id']}" in found.links  # listed beside the text


@pytest.mark.model
def test_disputes_by_proposition_with_sides_reasons_and_passages(client):
    ctx = client.get("/disputes.json").json()
    assert ctx["groups"]["total"] == 1 and ctx["pairs"]["contradicts"] >= 1
    [dispute] = ctx["groups"]["items"]
    assert "pairs" not in dispute and dispute["pair_count"] == ctx["pairs"]["contradicts"]
    dispute = client.get("/disputes/0.json").json()["group"]
    assert len(dispute["pairs"]) == ctx["pairs"]["contradicts"]
    assert dispute["label"] == "harm to people" and len(dispute["sides"]) == 2
    texts = [[c["text"] for c in side["claims"]] for side in dispute["sides"]]
    assert any(t.startswith("At least 14 people were killed") for side in texts for t in side)
    assert any("no casualties" in t for side in texts for t in side)
    assert dispute["reasons"] and all(r["reason"] for r in dispute["reasons"])
    page = client.get("/disputes/0")
    links = parse(page.text).links
    for side in dispute["sides"]:
        for c in side["claims"]:
            assert f"/articles/{c['article']}#{c['id']}" in links
            target = parse(client.get(f"/articles/{c['article']}").text)
            assert c["id"] in target.ids
    for r in dispute["reasons"]:
        assert r["reason"].replace("&", "&amp;") in page.text
    assert client.get("/disputes.json?speaker=e999").json()["groups"]["total"] == 0
    assert client.get("/disputes.json?q=casualties").json()["groups"]["total"] == 1
    assert client.get("/disputes/5").status_code == 404


@pytest.mark.model
def test_hostile_text_is_escaped_everywhere(client):
    hostile = next(a for a in client.get("/sources.json").json()["articles"]["items"] if a["format"] == "jsonl")
    assert hostile["title"] == HOSTILE_TITLE  # the JSON keeps the text as written
    for path in ("/sources", f"/articles/{hostile['id']}", "/", "/quotes", "/search?q=budget"):
        html = client.get(path).text
        assert '<script>alert("title")' not in html and "<b>budget</b>" not in html and "<img src=x" not in html, path
        assert "<i>Gazette</i>" not in html
    page = client.get(f"/articles/{hostile['id']}").text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; Council &amp; &lt;b&gt;budget&lt;/b&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert HOSTILE["outlet"].replace("<", "&lt;").replace(">", "&gt;") in page


@pytest.mark.model
def test_filters_search_and_pages(client):
    all_quotes = client.get("/quotes.json?per_page=500").json()["quotes"]
    assert all_quotes["total"] >= 4
    first = client.get("/quotes.json?per_page=2").json()["quotes"]
    second = client.get("/quotes.json?per_page=2&page=2").json()["quotes"]
    assert first["pages"] == -(-all_quotes["total"] // 2) and first["page"] == 1
    assert [q["id"] for q in first["items"] + second["items"]] == [q["id"] for q in all_quotes["items"][:4]]
    html = client.get("/quotes?per_page=2&kind=").text
    assert 'rel="next" href="?per_page=2&amp;page=2"' in html  # empty filters are dropped from the links
    beyond = client.get(f"/quotes.json?per_page=2&page={first['pages'] + 1}").json()["quotes"]
    assert beyond["items"] == []
    assert client.get("/quotes.json?page=0").status_code == 400
    assert client.get("/quotes?page=zero").status_code == 400
    direct = client.get("/quotes.json?kind=direct").json()["quotes"]
    assert direct["total"] and all(q["kind"] == "direct" for q in direct["items"])
    gazette = client.get("/quotes.json", params={"outlet": HOSTILE["outlet"]}).json()["quotes"]["items"]
    assert [q["speaker_name"] for q in gazette] == ["Ada Moss"]
    may = client.get("/sources.json?published_from=2024-05&published_to=2024-05").json()["articles"]["items"]
    assert [a["title"] for a in may] == [HOSTILE_TITLE]
    assert client.get("/sources.json?published_from=May").status_code == 400
    calder = next(s for s in client.get("/speakers.json").json()["speakers"]["items"] if s["name"] == "Ines Calder")
    mine = client.get(f"/quotes.json?speaker={calder['id']}").json()["quotes"]["items"]
    assert mine and all(q["speaker"] == calder["id"] for q in mine)
    narrator = client.get("/claims.json?speaker=narrator").json()["claims"]["items"]
    assert narrator and all(c["speaker"] is None for c in narrator)
    found = client.get("/search.json?q=rubble").json()["results"]
    assert [q["text"] for q in found["quotes"]["items"]] == ["We pulled survivors from the rubble all night,"]
    assert found["articles"]["items"][0]["name"] == "fire.txt"
    assert client.get("/search.json?q=").json() == {"q": None, "results": None}


@pytest.mark.model
def test_entity_reuse_framing_and_timeline_pages(client):
    calder = next(s for s in client.get("/speakers.json").json()["speakers"]["items"] if s["name"] == "Ines Calder")
    entity = client.get(f"/entities/{calder['id']}.json").json()
    assert entity["entity"]["name"] == "Ines Calder" and [a["id"] for a in entity["entity"]["articles"]] == ["a0"]
    assert entity["quotes"]["total"] == calder["quotes"] and entity["relations"]["total"] >= 1
    framing = client.get("/framing.json").json()["framing"]["items"]
    assert {"outlet": "fire.txt", "voice": "narrator", "term": "Residents"}.items() <= framing[0].items()
    assert client.get("/framing.json?voice=quoted").json()["framing"]["items"] == [
        r for r in framing if r["voice"] == "quoted"]
    timeline = client.get("/timeline.json").json()
    for entry in timeline["timeline"]["items"]:
        assert set(entry["articles"]) <= set(timeline["labels"])
        for fid in entry["claims"] + entry["quotes"]:
            r = client.get(f"/go/{fid}", follow_redirects=False)
            assert r.status_code == 303 and r.headers["location"].endswith(f"#{fid}")
    assert client.get("/reuse.json").json()["reuse"]["total"] == 0
    assert client.get("/go/q999", follow_redirects=False).status_code == 404


@pytest.mark.model
def test_unknown_pages_say_so_in_their_own_format(client):
    r = client.get("/articles/a99")
    assert r.status_code == 404 and "There is no article a99" in r.text and r.headers["content-type"].startswith("text/html")
    r = client.get("/articles/a99.json")
    assert r.status_code == 404 and r.json()["error"].startswith("There is no article a99")
    assert client.get("/entities/%3Cscript%3E").status_code == 404
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400  # DNS rebinding


# -- adding from the pages ------------------------------------------------------------


@pytest.fixture
def fresh(tmp_path) -> TestClient:
    return TestClient(create_app(tmp_path / "new.db", max_upload_bytes=2000), base_url=BASE)


def _token(client: TestClient) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/sources").text).group(1)


def test_forms_without_the_token_or_from_another_site_are_refused(fresh, tmp_path):
    token = _token(fresh)
    assert fresh.cookies.get("rashomon_csrf") == token
    data = {"text": "The ferry sailed on time.", "title": "Ferry"}
    assert fresh.post("/sources/text", data=data, follow_redirects=False).status_code == 403
    assert fresh.post("/sources/text", data={**data, "csrf_token": "x" * 43}, follow_redirects=False).status_code == 403
    r = fresh.post("/sources/text", data={**data, "csrf_token": token}, headers={"origin": "http://evil.example"},
                   follow_redirects=False)
    assert r.status_code == 403 and "another site" in r.text
    r = fresh.post("/sources/url", data={"url": "http://127.0.0.1:9/x", "csrf_token": token},
                   headers={"sec-fetch-site": "cross-site"}, follow_redirects=False)
    assert r.status_code == 403
    assert fresh.post("/sources/text", data={**data, "csrf_token": token}, headers={"origin": "null"},
                      follow_redirects=False).status_code == 403
    other = TestClient(fresh.app, base_url=BASE)  # a browser without the cookie, replaying a stolen form token
    assert other.post("/sources/text", data={**data, "csrf_token": token}, follow_redirects=False).status_code == 403
    assert not (tmp_path / "new-sources").exists()  # nothing refused was written


def test_uploads_over_the_limit_are_refused_before_they_are_read(fresh, tmp_path):
    token = _token(fresh)
    big = ("word " * 1000).encode()
    r = fresh.post("/sources/upload", data={"csrf_token": token}, files={"files": ("big.txt", big, "text/plain")},
                   follow_redirects=False)
    assert r.status_code == 413 and "larger than the upload limit (2,000 bytes)" in r.text  # one file over the limit
    huge = b"x" * 100_000  # over the limit for the whole body (the files plus 64 KiB of form): refused unread
    r = fresh.post("/sources/upload", data={"csrf_token": token}, files={"files": ("huge.txt", huge, "text/plain")},
                   follow_redirects=False)
    assert r.status_code == 413 and "Too large" in r.text and "csrf" not in r.text
    r = fresh.post("/sources/text", data={"csrf_token": token, "text": "x" * 1900, "title": "t" * 200},
                   follow_redirects=False)
    assert r.status_code == 413  # within the body limit, over the limit for one text

    def chunks():
        yield b"csrf_token=" + token.encode()

    r = fresh.post("/sources/text", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"},
                   follow_redirects=False)
    assert r.status_code == 411
    assert not (tmp_path / "new-sources").exists() or not any((tmp_path / "new-sources").rglob("*.*"))
    assert fresh.post("/sources/url", data={"url": "file:///etc/passwd", "csrf_token": token},
                      follow_redirects=False).status_code == 400
    assert fresh.post("/sources/upload", data={"csrf_token": token}, follow_redirects=False).status_code == 400


@pytest.mark.model
def test_a_pasted_text_and_an_upload_are_added_in_the_background(fresh, tmp_path):
    import time

    token = _token(fresh)
    assert fresh.get("/quotes.json").json()["speakers"] == []  # remembered until the corpus results change
    r = fresh.post("/sources/text", data={"csrf_token": token, "title": "Orlen collapse", "outlet": "Orlen Post",
                                          "published": "2024-05-06", "text": "Fire chief Ines Calder said the roof gave way."},
                   follow_redirects=False)
    assert r.status_code == 303 and re.fullmatch(r"/jobs/j\d+", r.headers["location"])
    first = r.headers["location"]
    r = fresh.post("/sources/upload", data={"csrf_token": token},
                   files={"files": ("../../notes.txt", b"Harbour notes\n\nThe ferry to Orlen sailed at noon.", "text/plain")},
                   follow_redirects=False)
    second = r.headers["location"]
    page = fresh.get(second)
    assert page.status_code == 200 and "Adding notes.txt" in page.text
    deadline = time.time() + 120
    while any(fresh.get(j + ".json").json()["job"]["active"] for j in (first, second)):
        assert time.time() < deadline, "the add jobs did not finish"
        time.sleep(0.3)
    jobs = [fresh.get(j + ".json").json()["job"] for j in (first, second)]
    assert [j["status"] for j in jobs] == ["done", "done"] and [j["articles"] for j in jobs] == [["a0"], ["a1"]]
    assert '<meta http-equiv="refresh"' not in fresh.get(first).text
    assert [s["name"] for s in fresh.get("/quotes.json").json()["speakers"]] == ["Ines Calder"]
    articles = fresh.get("/sources.json").json()["articles"]["items"]
    assert [(a["title"], a["outlet"], a["published"]) for a in articles][0] == ("Orlen collapse", "Orlen Post", "2024-05-06")
    assert articles[1]["name"] == "notes.txt"  # the upload keeps its own name, in a folder of its own
    [kept] = (tmp_path / "new-sources").rglob("notes.txt")
    assert kept.parent.parent == tmp_path / "new-sources"


# -- pieces -------------------------------------------------------------------------


def test_crossing_spans_are_split_into_well_nested_pieces():
    text = "abcdefghij"
    spans = [Mark(1, 6, "quote", "q1", "q"), Mark(4, 9, "claim", "c1", "c"), Mark(2, 3, "mention", href="/entities/e1")]
    out = tokens(text, spans)
    html, depth = "", 0
    for t in out:
        if "text" in t:
            html += t["text"]
        elif "open" in t:
            depth += 1
            html += f"<{t['open'].id or 'm'}{'*' if t['first'] else ''}>"
        else:
            depth -= 1
            html += f"</{t['close'].id or 'm'}>"
        assert depth >= 0
    assert depth == 0
    assert html == "a<q1*>b<m*>c</m>d<c1*>ef</c1></q1><c1>ghi</c1>j"
    assert tokens("abc", [Mark(5, 9, "quote", "q2"), Mark(2, 2, "claim", "c2")]) == [{"text": "abc"}]


def test_uploaded_names_stay_inside_their_folder():
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\Users\\me\\report final.docx") == "report_final.docx"
    assert safe_name(".hidden") == "hidden" and safe_name("") == "upload.txt"
    long = safe_name("a" * 300 + ".pdf")
    assert len(long) == 120 and long.endswith(".pdf")


def test_a_missing_web_extra_names_the_install_command(monkeypatch):
    import importlib.util

    from rashomon import web
    from rashomon.errors import MissingExtraError

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else real(name, *a))
    with pytest.raises(MissingExtraError, match=r"needs uvicorn: pip install 'rashomon\[web\]'"):
        web.require()


def test_serve_says_what_is_wrong_before_it_listens(tmp_path, monkeypatch):
    import importlib.util

    from typer.testing import CliRunner

    from rashomon.cli import app

    bad = tmp_path / "notes.db"
    bad.write_text("not a database " * 40, encoding="utf-8")
    result = CliRunner().invoke(app, ["serve", str(bad), "--port", "9"])
    assert result.exit_code == 2 and "not a rashomon workspace" in result.output
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "fastapi" else real(name, *a))
    result = CliRunner().invoke(app, ["serve", str(tmp_path / "new.db")])
    assert result.exit_code == 1 and "pip install 'rashomon[web]'" in result.output
    assert not (tmp_path / "new.db").exists()


@pytest.mark.model
def test_serve_brings_corpus_results_left_by_add_up_to_date_first(tmp_path, monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from rashomon.cli import app

    path = tmp_path / "story.db"
    with Workspace(path) as ws:
        ws.add(write_story(tmp_path / "docs"))  # as 'rashomon add' leaves it: corpus results to recompute
        assert ws.stale()
    served = []
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **options: served.append(TestClient(web_app, base_url=BASE)))
    result = CliRunner().invoke(app, ["serve", str(path), "--port", str(_free_port())])
    assert result.exit_code == 0, result.output
    assert f"{path}: recomputing the corpus results first" in result.output
    assert result.output.index("recomputing") < result.output.index("serving")
    with Workspace(path) as ws:
        assert not ws.stale()
    [client] = served
    assert "Ines Calder" in {s["name"] for s in client.get("/quotes.json").json()["speakers"]}
    assert client.get("/disputes.json").json()["groups"]["total"] == 1


def test_serve_on_a_new_workspace_says_it_is_empty_and_nothing_about_recomputing(tmp_path, monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from rashomon.cli import app

    path = tmp_path / "new.db"
    served = []
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **options: served.append(TestClient(web_app, base_url=BASE)))
    result = CliRunner().invoke(app, ["serve", str(path), "--port", str(_free_port()), "--create"])
    assert result.exit_code == 0, result.output
    assert "starting an empty workspace" in result.output and "recomputing" not in result.output
    [client] = served
    head = client.head("/")
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-type"].startswith("text/html")
    assert client.head("/index.json").status_code == 200


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_on_a_port_in_use_says_so_before_announcing(tmp_path):
    import socket

    from typer.testing import CliRunner

    from rashomon.cli import app

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", str(tmp_path / "story.db"), "--port", str(port), "--create"])
    assert result.exit_code == 1
    assert f"error: cannot listen at 127.0.0.1:{port}: Address already in use" in result.output
    assert "serving" not in result.output


@pytest.mark.model
def test_an_add_from_outside_the_app_is_noticed_and_recomputed(tmp_path):
    import time

    path = tmp_path / "story.db"
    fire, owner, _ = write_story(tmp_path / "docs")
    with Workspace(path) as ws:
        ws.add([fire])
        ws.refresh()
    client = TestClient(create_app(path), base_url=BASE)
    assert "Results out of date" not in client.get("/").text
    with Workspace(path) as ws:  # as 'rashomon add' in another terminal: corpus results left stale
        ws.add([owner])
    page = client.get("/quotes").text
    assert "Results out of date — recomputing" in page
    [job] = client.app.state.web.jobs.recent()
    deadline = time.time() + 180
    while job.active:
        assert time.time() < deadline, "the refresh job did not finish"
        time.sleep(0.2)
    assert job.status == "done", job.error
    assert "Results out of date" not in client.get("/quotes").text
    assert "Omar Reyes" in {s["name"] for s in client.get("/quotes.json").json()["speakers"]}
    with Workspace(path) as ws:
        assert not ws.stale()

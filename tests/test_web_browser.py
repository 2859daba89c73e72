"""End to end in headless Chromium (Debian's ``chromium``, driven by
playwright; no browser is ever downloaded): ``rashomon serve`` on a new
workspace, two articles added from the sources page (one pasted, one
uploaded), a dispute opened, and a quote and a claim followed to their
highlighted passages. Outside CI the test skips, saying why, when Chromium or
playwright is missing; under ``CI=true`` it fails instead (``.ci/run``
installs Chromium)."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from _web_story import FIRE, OWNER

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _need(found, what: str):
    if found:
        return found
    message = f"{what}: the browser test needs Debian's chromium (apt-get install chromium) and the test extra"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: .ci/run installs them)")
    pytest.skip(message)


def _chromium() -> str:
    return _need(shutil.which("chromium") or (Path("/usr/bin/chromium").exists() and "/usr/bin/chromium"),
                 "no chromium executable found")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """``rashomon serve`` on a new workspace, in its own process; yields its base URL."""
    port = _free_port()
    env = {**os.environ, "RASHOMON_JOBS": "1"}
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "rashomon", "serve", str(tmp_path / "story.db"), "--port", str(port),
                             "--create"],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 90
        while True:
            try:
                if httpx.get(base + "/index.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                pytest.fail("rashomon serve did not start: " + (tmp_path / "serve.log").read_text(errors="replace"))
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _wait_done(page, timeout_s: float = 180) -> None:
    """Wait on a job's page (which reloads itself) until the add is done."""
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        try:
            status = page.get_attribute("#job-status", "data-status", timeout=3000)
        except Exception:  # the page was reloading
            status = None
        if status == "done":
            return
        assert status != "failed", page.inner_text("#job-status")
        time.sleep(0.5)
    pytest.fail("the add did not finish: " + page.inner_text("main"))


def _follow(page, selector, url: str) -> None:
    """Click a link and wait until its page (whose address matches the
    regular expression ``url``) has loaded."""
    (page.locator(selector) if isinstance(selector, str) else selector).click()
    page.wait_for_url(re.compile(url))
    page.wait_for_load_state("load")


def _highlighted(page, finding: str) -> dict:
    page.wait_for_function("""id => {
        const el = document.getElementById(id);
        return el && el.classList.contains('hl') && el.getBoundingClientRect().top < window.innerHeight;
    }""", arg=finding, timeout=10_000)
    return page.evaluate("""id => {
        const pieces = Array.from(document.querySelectorAll('[data-f="' + id + '"]'));
        const first = document.getElementById(id);
        const box = first.getBoundingClientRect();
        return {pieces: pieces.length, lit: pieces.filter(p => p.classList.contains('hl')).length,
                text: pieces.map(p => p.textContent).join(''), inView: box.top >= 0 && box.top < window.innerHeight,
                background: getComputedStyle(first).backgroundColor};
    }""", finding)


@pytest.mark.model
def test_add_two_articles_open_a_dispute_and_follow_a_quote_to_its_passage(server, tmp_path):
    chromium = _chromium()
    sync_api = _need(_import_playwright(), "the playwright package is not installed")
    upload = tmp_path / "owner.txt"
    upload.write_text(OWNER, encoding="utf-8")
    outside, problems = [], []
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(str(tmp_path / "profile"), executable_path=chromium,
                                                       headless=True, args=CHROMIUM_ARGS)
        try:
            page = context.new_page()
            page.on("request", lambda r: None if r.url.startswith(server) or r.url.startswith("data:")
                    else outside.append(r.url))
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)

            # 1. two articles: one pasted, one uploaded
            page.goto(server + "/sources")
            page.fill("#paste input[name=title]", "Warehouse collapse in Orlen")
            page.fill("#paste textarea[name=text]", FIRE)
            page.click("#paste button[type=submit]")
            _wait_done(page)
            page.goto(server + "/sources")
            page.set_input_files("input[name=files]", str(upload))
            page.click("form[action='/sources/upload'] button[type=submit]")
            _wait_done(page)
            assert "owner.txt" in page.inner_text("main")

            # 2. open the dispute from the overview
            page.goto(server + "/")
            _follow(page, "nav.main >> text=Disputes", r"/disputes$")
            _follow(page, "section.dispute h3 a", r"/disputes/0$")
            assert "harm to people" in page.inner_text("h1")
            assert page.locator(".side").count() == 2
            sides = page.inner_text(".sides")
            assert "At least 14 people were killed" in sides and "no casualties" in sides

            # 3. a claim of the dispute, followed to its passage
            _follow(page, page.locator(".side").nth(1).locator("a.go").first, r"/articles/a\d+#c\d+$")
            claim = page.url.split("#", 1)[1]
            assert claim.startswith("c")
            lit = _highlighted(page, claim)
            assert lit["pieces"] >= 1 and lit["lit"] == lit["pieces"] and lit["inView"]

            # 4. from the overview, a quote's passage in two clicks (Who said what, then the quote)
            page.goto(server + "/")
            _follow(page, "nav.main >> text=Who said what", r"/speakers$")
            link = page.locator("a.go").first
            quote_text = link.locator("xpath=preceding-sibling::blockquote[1]").inner_text()
            _follow(page, link, r"/articles/a\d+#q\d+$")
            quote = page.url.split("#", 1)[1]
            lit = _highlighted(page, quote)
            assert lit["text"] == quote_text and lit["lit"] == lit["pieces"] >= 1 and lit["inView"]
            assert lit["background"] == "rgb(255, 224, 102)"  # the highlight colour, not the speaker's
            assert page.is_visible("#finding-note") and quote in page.inner_text("#finding-note")
        finally:
            context.close()
    assert outside == []  # not one request left the app
    assert [m for m in problems if "Content Security Policy" in m or "Refused" in m] == []


def _import_playwright():
    try:
        from playwright import sync_api
    except ImportError:
        return None
    return sync_api

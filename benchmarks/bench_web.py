"""Response times of the web app's pages on a large workspace.

Usage::

    python benchmarks/bench_web.py --workspace story.db        # an existing workspace
    python benchmarks/bench_web.py --size 2000 [--keep DIR]     # build one first (PolNeAR texts)

Each page (HTML and its JSON twin) is requested through FastAPI's
TestClient, in this process: the first request (cold: the disputes context
is built on first use) and the median of three more (warm), in
milliseconds. Pages are paged lists, so their time should not grow with the
number of articles beyond SQLite's count over a filter. A built workspace
takes its articles from ``bench_workspace.build`` (real distinct texts,
varied copies past the source's size) added with ``--jobs 2``.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

PAGES = ["/", "/sources", "/sources?page={last_articles}", "/speakers", "/quotes", "/quotes?kind=direct",
         "/quotes?page={last_quotes}", "/claims?speaker=narrator", "/disputes", "/disputes/0", "/articles/{article}",
         "/entities", "/entities/{entity}", "/reuse", "/framing", "/timeline", "/search?q=government+said"]


def build(size: int, folder: Path) -> Path:
    """A workspace of ``size`` articles in ``folder`` (see the module docstring)."""
    from bench_workspace import build as write_texts, sources

    from rashomon import Settings, Workspace

    texts = write_texts(sources(None), size, folder / "texts")
    path = folder / "story.db"
    settings = Settings.from_env(jobs=2)
    t0 = time.perf_counter()
    with Workspace(path) as ws:
        ws.add([texts], settings)
        ws.refresh(settings)
    print(f"built {path} ({size} articles) in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return path


def measure(path: Path) -> dict:
    from fastapi.testclient import TestClient

    from rashomon.web import create_app

    client = TestClient(create_app(path), base_url="http://127.0.0.1")
    counts = client.get("/index.json").json()["counts"]
    fill = {"last_articles": max(1, -(-counts["articles"] // 50)), "last_quotes": max(1, -(-counts["quotes"] // 50)),
            "article": "a0", "entity": client.get("/entities.json").json()["entities"]["items"][0]["id"]}
    client = TestClient(create_app(path), base_url="http://127.0.0.1")  # a fresh app: the first request is cold
    rows = []
    for template in PAGES:
        path_q = template.format(**fill)
        base, _, query = path_q.partition("?")
        twin = ("/index.json" if base == "/" else base + ".json") + (f"?{query}" if query else "")
        row = {"page": path_q}
        for key, url in (("html", path_q), ("json", twin)):
            times = []
            for _ in range(4):
                t0 = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200, (url, r.status_code)
            row[f"{key}_cold_ms"] = round(times[0], 1)
            row[f"{key}_warm_ms"] = round(statistics.median(times[1:]), 1)
            row[f"{key}_kb"] = round(len(r.content) / 1024, 1)
        rows.append(row)
    return {"counts": counts, "pages": rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workspace", type=Path)
    ap.add_argument("--size", type=int, default=2000)
    ap.add_argument("--keep", type=Path, help="build the workspace in this folder (kept)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.workspace:
        path = args.workspace
    else:
        folder = args.keep or Path(tempfile.mkdtemp(prefix="rashomon-bench-web-"))
        path = build(args.size, folder)
    result = measure(path)
    if args.json:
        print(json.dumps(result, indent=1))
        return
    c = result["counts"]
    print(f"{c['articles']} articles, {c['quotes']} quotes, {c['claims']} claims, {c['contradictions']} contradictions")
    print(f"{'page':<32} {'html cold':>9} {'warm':>7} {'KiB':>6} {'json cold':>9} {'warm':>7} {'KiB':>6}")
    for r in result["pages"]:
        print(f"{r['page'][:32]:<32} {r['html_cold_ms']:>9} {r['html_warm_ms']:>7} {r['html_kb']:>6} "
              f"{r['json_cold_ms']:>9} {r['json_warm_ms']:>7} {r['json_kb']:>6}")


if __name__ == "__main__":
    main()

"""Seconds per MB and peak memory per kind of hostile input, at 1×/2×/4× sizes.

Usage::

    python benchmarks/adversarial.py [--base-kb 100] [--kinds long-word,dated-sentences] [--json]

Each kind of input is generated here at ``base`` × 1, 2 and 4 (no corpus text
is used) and run in a fresh process, so each peak resident memory
(``ru_maxrss`` of that child, the spaCy model included) belongs to that input
alone. Two stages are timed:

* **prepare**: ``ingest.read`` and ``pipeline.prepare`` of every article
  (reading, cleaning, metadata): the code whose regular expressions stalled
  on hostile text;
* **analyze**: the whole ``rashomon.analyze`` (spaCy annotation in chunks and
  every extractor, corpus stages) plus ``write_all`` of the three reports, with
  the spaCy pipeline loaded before timing.

Reported per kind and size: input MB, prepare s/MB, analyze s/MB, peak RSS,
and per kind the growth of analyze time from 1× to 4× (linear: ~4; the
``growth`` column) with the slope between sizes. The spaCy pass alone
(``nlp.pipe`` over the same text) is timed too, as the floor of any analysis
on this machine. Targets (issue 11): each kind linear, ≤ 2 s/MB, ≤ 1.5 GB peak.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
PLACES = ["Velmar", "Ostra", "Kelby", "Tarn", "Mirov", "Dalen", "Brisk", "Holm"]
CLAUSES = ["the harbour council met again in {p}, officials said.",
           "dockworkers in {p} walked out over pay, the union said.",
           "the ministry announced new inspections at the {p} port.",
           "police in {p} reported {n} arrests after the protest."]


def _dated(n_chars: int, rnd: random.Random) -> str:
    lines, size = [], 0
    while size < n_chars:
        line = (f"On {rnd.randint(1, 28)} {rnd.choice(MONTHS)} {rnd.randint(1990, 2024)} "
                + rnd.choice(CLAUSES).format(p=rnd.choice(PLACES), n=rnd.randint(2, 99)))
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


QUOTES = ['"The port of {p} stays closed," a spokesman said.', '"We will strike again on {d} {m}," she added.',
          '"Nobody told us," said a docker in {p}.', 'The union called it "a betrayal" and "a lie."']


def _quoted(n_chars: int, rnd: random.Random) -> str:
    lines, size = [], 0
    while size < n_chars:
        line = rnd.choice(QUOTES).format(p=rnd.choice(PLACES), d=rnd.randint(1, 28), m=rnd.choice(MONTHS))
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


def _nested(n_chars: int, rnd: random.Random) -> str:
    depth = max(1, (n_chars - 60) // 7)
    return "<html><body>" + "<b>" * depth + "Workers gathered at the gate." + "</b>" * depth + "</body></html>"


def _deep_json(n_chars: int, rnd: random.Random) -> str:
    good = json.dumps({"text": "The harbour master said the port reopened on Monday."})
    return good + "\n" + "[" * (n_chars - 2 * len(good)) + "\n" + good + "\n"


KINDS = {
    # name: (file suffix, generator of about n characters)
    "long-word": (".txt", lambda n, r: "The agency " + "Ab" * (n // 2) + " has x."),
    "exclamation-run": (".txt", lambda n, r: "Officials said, Harbour Daily reports" + "!" * n + "x"),
    "comma-run": (".txt", lambda n, r: "He said" + "," * n + " the port reopened, officials said."),
    "space-run": (".txt", lambda n, r: "By " + " " * n + "Staff | Harbour Daily\nThe port reopened, officials said."),
    "dated-sentences": (".txt", _dated),
    "one-line-article": (".txt", lambda n, r: _dated(n, r).replace("\n", " ")),  # no line or paragraph break
    "quoted-words": (".txt", _quoted),
    "nested-markup": (".html", _nested),
    "deep-json": (".jsonl", _deep_json),
}

CHILD = r"""
import json, sys, time
from pathlib import Path
path, out = Path(sys.argv[1]), sys.argv[2]
from rashomon import analyze, annotate, ingest
from rashomon.pipeline import prepare
from rashomon.report.render import write_all
from rashomon.settings import Settings
from rashomon.types import Article
settings = Settings.from_env(article_seconds=0)
nlp = annotate.load_pipeline(settings)
warm = Path(out + "-warm")  # first use loads lexicons and the language detector: not timed
warm.mkdir()
(warm / "warm.txt").write_text("The harbour master said on Monday that the port would reopen.", encoding="utf-8")
(warm / "warm.html").write_text("<p>The harbour master said on Monday that the port would reopen.</p>", encoding="utf-8")
write_all(analyze([warm], settings), warm)
t0 = time.perf_counter()
arts = [a for a in ingest.read(path, settings) if isinstance(a, Article)]
for a in arts:
    prepare(a)
t1 = time.perf_counter()
report = analyze([path], settings)
write_all(report, out)
t2 = time.perf_counter()
texts = [annotate.body_text(a) for a in report.articles]
t3 = time.perf_counter()
for _ in annotate.pipe(nlp, texts, settings.batch_size):
    pass
t4 = time.perf_counter()
print(json.dumps({"prepare": t1 - t0, "analyze": t2 - t1, "spacy": t4 - t3, "articles": len(report.articles),
                  "skipped": [s.reason[:80] for s in report.skipped], "claims": len(report.claims),
                  "quotes": len(report.quotes)}))
"""


def run_child(path: Path, out: Path) -> dict:
    """Run one input in a fresh process; returns its timings and its own peak RSS in MiB (``os.wait4``)."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(out)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    stdout = proc.stdout.read()
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"{path.name} failed:\n{stderr[-2000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["peak_mib"] = usage.ru_maxrss / 1024
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base-kb", type=int, default=100, help="size of the 1x input, in KB (default 100)")
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds (default: all)")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="rashomon-adversarial-") as tmp:
        for kind in args.kinds.split(","):
            suffix, make = KINDS[kind]
            for scale in (1, 2, 4):
                text = make(args.base_kb * 1000 * scale, random.Random(scale))
                path = Path(tmp, f"{kind}-{scale}x{suffix}")
                path.write_text(text, encoding="utf-8")
                mb = path.stat().st_size / 1e6
                started = time.perf_counter()
                res = run_child(path, Path(tmp, f"out-{kind}-{scale}"))
                res.update(kind=kind, scale=scale, mb=mb, wall=time.perf_counter() - started)
                rows.append(res)
                print(f"{kind:16} {scale}x {mb:6.3f} MB  prepare {res['prepare'] / mb:7.2f} s/MB  "
                      f"analyze {res['analyze'] / mb:7.2f} s/MB  spaCy alone {res['spacy'] / mb:7.2f} s/MB  "
                      f"peak {res['peak_mib']:6.0f} MiB  articles {res['articles']} skipped {len(res['skipped'])}",
                      flush=True)
    if args.json:
        print(json.dumps(rows, indent=1))
    print()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; "
          f"Python {platform.python_version()}")
    print("| kind | size (MB) 1×/2×/4× | prepare s/MB | analyze s/MB | spaCy alone s/MB | growth 1×→4× | peak MiB |")
    print("|---|---|---|---|---|---|---|")
    for kind in args.kinds.split(","):
        rs = [r for r in rows if r["kind"] == kind]
        fmt = lambda key: " / ".join(f"{r[key] / r['mb']:.2f}" for r in rs)  # noqa: E731
        growth = rs[-1]["analyze"] / rs[0]["analyze"] if rs[0]["analyze"] else float("nan")
        sizes = " / ".join(f"{r['mb']:.2f}" for r in rs)
        peaks = " / ".join(f"{r['peak_mib']:.0f}" for r in rs)
        print(f"| {kind} | {sizes} | {fmt('prepare')} | {fmt('analyze')} | {fmt('spacy')} | {growth:.1f} | {peaks} |")


if __name__ == "__main__":
    main()

"""CPU seconds per MB and peak memory per kind of hostile input, at 1×/2×/4× sizes.

Usage::

    python benchmarks/adversarial.py [--base-kb 100] [--kinds long-word,dated-sentences] [--scales 1,2,4]
                                     [--repeat 2] [--json]

Each kind of input is generated here at ``base`` × 1, 2 and 4 (no corpus text
is used) and run through the whole ``rashomon.analyze`` plus ``write_all`` in
a fresh process, after the spaCy pipeline is loaded and one warm-up run, so
each peak resident memory (``ru_maxrss`` of that child, the spaCy model
included) belongs to that input alone. Times are **CPU seconds** of the child
(``time.process_time``: user + system, all threads), not wall clock, so other
jobs on a shared machine do not inflate them. The run is split into parts by
wrapping the pipeline's own functions in the child:

* **prepare**: reading (``ingest.read``), cleaning and metadata
  (``pipeline.prepare``) and the batch-wide repetition pass
  (``pipeline.across_batch``): rashomon's code before spaCy;
* **extract**: rashomon's per-article extractors on the annotated Doc
  (``pipeline.analyze_article``: mentions, quotes, claims, temporal
  expressions);
* **corpus**: the corpus stages (linking, propositions, relations, reuse,
  framing, timeline), the run's workspace (storing articles and results in
  SQLite and reading them back) and writing the three reports: the rest of
  the run;
* **spaCy**: ``annotate.pipe`` (``nlp.pipe`` in character-capped batches,
  long texts in chunks joined with ``Doc.from_docs``).

Reported per kind and size: input MB, each part's CPU s/MB (with
``--repeat N``, the least of N runs: other jobs on the machine only ever add
time), rashomon's own (everything but spaCy), the peak RSS after prepare and
at the end, and per kind the growth of prepare and of rashomon's own time
from 1× to 4× (linear: 4). Targets (issue 11; benchmarks/README.md says how
they are read): every kind linear in every part; prepare ≤ 2 s/MB; peak
≤ 1.5 GB.
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


FIRST = ["Maria", "Tomas", "Aiko", "Pavel", "Lena", "Omar", "Grace", "Henrik", "Sofia", "Kwame", "Ines", "Rafael"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Brandt", "Haddad", "Novak", "Castillo", "Mensah", "Ferreira"]
NEWS = ['{f} {l}, a union leader, said on Monday that the {p} port would stay closed.',
        '"We counted {n} ships near {p}," {f} {l} said.',
        'The harbour council reported {n} complaints last week, up from {h} a year earlier.',
        'According to the ministry, no one was injured, but {f} {l} disputed that account.',
        '{l} said the company had not replied, and {l2} agreed.',
        'Residents of {p} waited {n} hours for buses on Sunday (paragraph {i}).']


def _news(n_chars: int, rnd: random.Random) -> str:
    """Paragraphs of three to seven varied news sentences (full names, surnames
    alone, quotes, figures), each paragraph unique: a long article as a
    user gives one, where any stage comparing every pair of mentions, quotes
    or claims of one article shows."""
    paras, size, i = ["Harbour closures: the long account", "By Staff Reporter"], 0, 0
    while size < n_chars:
        i += 1
        para = " ".join(rnd.choice(NEWS).format(f=rnd.choice(FIRST), l=rnd.choice(LAST), l2=rnd.choice(LAST),
                                                p=rnd.choice(PLACES), n=rnd.randint(2, 900), h=rnd.randint(1, 450),
                                                i=i) for _ in range(rnd.randint(3, 7)))
        paras.append(para)
        size += len(para) + 2
    return "\n\n".join(paras)


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
    "news-paragraphs": (".txt", _news),
    "nested-markup": (".html", _nested),
    "deep-json": (".jsonl", _deep_json),
}

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
path, out = Path(sys.argv[1]), sys.argv[2]
from rashomon import analyze, annotate, ingest, pipeline
from rashomon.report.render import write_all
from rashomon.settings import Settings
settings = Settings.from_env(article_seconds=0, jobs=1)
annotate.load_pipeline(settings)
warm = Path(out + "-warm")  # first use loads lexicons and the language detector: not timed
warm.mkdir()
(warm / "warm.txt").write_text("The harbour master said on Monday that the port would reopen.", encoding="utf-8")
(warm / "warm.html").write_text("<p>The harbour master said on Monday that the port would reopen.</p>", encoding="utf-8")
deep = "<html><body>" + "<b>" * 300 + "Workers met." + "</b>" * 300 + "</body></html>"
(warm / "deep.html").write_text(deep, encoding="utf-8")  # trafilatura's fallback (jusText) loads its stop lists
write_all(analyze([warm], settings), warm)
cpu = time.process_time
spent = {"prepare": 0.0, "extract": 0.0, "spacy": 0.0}
peak = {}

def timed(part, fn):
    def wrapper(*args, **kwargs):
        t = cpu()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[part] += cpu() - t
    return wrapper

def timed_pipe(real):
    def pipe(*args, **kwargs):
        if "prepare" not in peak:
            peak["prepare"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        docs = iter(real(*args, **kwargs))
        while True:
            t = cpu()
            try:
                doc = next(docs)
            except StopIteration:
                spent["spacy"] += cpu() - t
                return
            spent["spacy"] += cpu() - t
            yield doc
    return pipe

ingest.read = timed("prepare", ingest.read)
pipeline.prepare = timed("prepare", pipeline.prepare)
pipeline.across_batch = timed("prepare", pipeline.across_batch)
pipeline.analyze_article = timed("extract", pipeline.analyze_article)
annotate.pipe = timed_pipe(annotate.pipe)
t0 = cpu()
report = analyze([path], settings)
write_all(report, out)
total = cpu() - t0
spent["corpus"] = total - sum(spent.values())
print(json.dumps({**spent, "total": total, "articles": len(report.articles),
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "peak_prepare_mib": peak.get("prepare", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  "skipped": [s.reason[:80] for s in report.skipped], "claims": len(report.claims),
                  "quotes": len(report.quotes)}))
"""

PARTS = ("prepare", "extract", "corpus", "spacy")


def run_child(path: Path, out: Path) -> dict:
    """Run one input in a fresh process; returns its CPU seconds per part and its own peak RSS in MiB
    (the child's ``ru_maxrss``, read after prepare and at the end)."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(out)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    stdout, stderr = proc.communicate()
    if proc.returncode:
        raise RuntimeError(f"{path.name} failed:\n{stderr[-2000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["own"] = result["total"] - result["spacy"]
    return result


def _growth(rows: list[dict], key: str) -> float:
    """Time at the largest size over time at the smallest (linear: the ratio of the sizes, 4 for 1×→4×)."""
    a, b = rows[0], rows[-1]
    return b[key] / a[key] if a[key] else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base-kb", type=int, default=100, help="size of the 1x input, in KB (default 100)")
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds (default: all)")
    ap.add_argument("--scales", default="1,2,4", help="comma-separated multiples of the base size (default 1,2,4)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs per input; each part's least CPU time is kept (default 1)")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = ap.parse_args()
    kinds = args.kinds.split(",")
    scales = [int(x) for x in args.scales.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="rashomon-adversarial-") as tmp:
        for kind in kinds:
            suffix, make = KINDS[kind]
            for scale in scales:
                text = make(args.base_kb * 1000 * scale, random.Random(scale))
                path = Path(tmp, f"{kind}-{scale}x{suffix}")
                path.write_text(text, encoding="utf-8")
                mb = path.stat().st_size / 1e6
                started = time.perf_counter()
                runs = [run_child(path, Path(tmp, f"out-{kind}-{scale}-{k}")) for k in range(args.repeat)]
                res = {**runs[0], **{p: min(r[p] for r in runs) for p in (*PARTS, "own", "total")},
                       "peak_mib": max(r["peak_mib"] for r in runs)}
                res.update(kind=kind, scale=scale, mb=mb, wall=time.perf_counter() - started)
                rows.append(res)
                per = "  ".join(f"{p} {res[p] / mb:6.2f}" for p in (*PARTS, "own"))
                print(f"{kind:16} {scale}x {mb:6.3f} MB  CPU s/MB: {per}  peak {res['peak_prepare_mib']:5.0f} / "
                      f"{res['peak_mib']:5.0f} MiB  articles {res['articles']} skipped {len(res['skipped'])}",
                      flush=True)
    if args.json:
        print(json.dumps(rows, indent=1))
    print()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; "
          f"Python {platform.python_version()}; CPU seconds (process_time) per MB")
    print("| kind | MB | prepare s/MB | extract s/MB | corpus + write s/MB | **own** (all but spaCy) s/MB "
          "| spaCy s/MB | growth 1×→4×: prepare / own | peak MiB (after prepare / end) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for kind in kinds:
        rs = [r for r in rows if r["kind"] == kind]
        fmt = lambda key: " / ".join(f"{r[key] / r['mb']:.2f}" for r in rs)  # noqa: E731
        sizes = " / ".join(f"{r['mb']:.2f}" for r in rs)
        peaks = " / ".join(f"{r['peak_prepare_mib']:.0f}–{r['peak_mib']:.0f}" for r in rs)
        growth = f"{_growth(rs, 'prepare'):.1f} / {_growth(rs, 'own'):.1f}" if len(rs) > 1 else "—"
        print(f"| {kind} | {sizes} | {fmt('prepare')} | {fmt('extract')} | {fmt('corpus')} | **{fmt('own')}** "
              f"| {fmt('spacy')} | {growth} | {peaks} |")


if __name__ == "__main__":
    main()

"""Time cleaning and metadata per document.

Usage::

    python benchmarks/bench_clean.py [DIR ...] [--repeat 3]

Reads every ``.txt``/``.html``/``.jsonl`` document under the given folders
(default: the four corpora in ``../shared/corpus`` and, when present, the
PolNeAR text folders ``/work/polnear/train/text`` and ``/work/polnear/dev/text``),
then times :func:`rashomon.clean.clean` and :func:`rashomon.metadata.infer`
on each, and :func:`rashomon.clean.across_articles` on the whole batch.
Reported: process CPU time per document (best of ``--repeat`` passes), with
the language already set (lingua's own cost, ≈ 1.3 ms a document, is left
out so the figure is rashomon's rules alone), and the removals by reason.
"""
from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from rashomon import clean, ingest, metadata
from rashomon.settings import Settings
from rashomon.types import Article, Skipped

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [*sorted((ROOT.parent / "shared" / "corpus").glob("*")),
           Path("/work/polnear/train/text"), Path("/work/polnear/dev/text")]


def load(dirs: list[Path]) -> list[Article]:
    settings = Settings()
    out: list[Article] = []
    files, _ = ingest.discover([d for d in dirs if d.exists()], settings)
    for f in files:
        try:
            out += [a for a in ingest.read(f, settings) if not isinstance(a, Skipped)]
        except Exception:  # a bad file is not what this benchmark measures
            continue
    return out


def one_pass(arts: list[Article]) -> tuple[float, float, float, Counter]:
    reasons: Counter = Counter()
    tc = tm = 0.0
    done = []
    for src in arts:
        a = src.model_copy(deep=True)
        a.language = a.language or "en"
        t0 = time.process_time()
        res = clean.clean(a)
        t1 = time.process_time()
        a.removed, a.asides = res.removed, res.asides
        metadata.infer(a, res)
        t2 = time.process_time()
        tc, tm = tc + t1 - t0, tm + t2 - t1
        reasons.update(r.reason for r in a.removed)
        done.append(a)
    t0 = time.process_time()
    clean.across_articles(done)
    tb = time.process_time() - t0
    return tc, tm, tb, reasons


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    arts = load(args.dirs or DEFAULT)
    if not arts:
        raise SystemExit("no documents found")
    runs = [one_pass(arts) for _ in range(max(1, args.repeat))]
    n = len(arts)
    chars = sum(len(a.text) for a in arts)
    best = min(runs, key=lambda r: r[0] + r[1])
    print(f"{n} documents, {chars:,} characters")
    print(f"clean            : {best[0] / n * 1000:.2f} ms/doc CPU")
    print(f"metadata (rules) : {best[1] / n * 1000:.2f} ms/doc CPU (language preset; lingua not timed)")
    print(f"across articles  : {best[2] * 1000:.1f} ms for the batch")
    print("removals         : " + ", ".join(f"{k} {v}" for k, v in best[3].most_common()))


if __name__ == "__main__":
    main()

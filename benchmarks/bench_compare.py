"""Time the corpus-level comparison stages on synthetic corpora of growing size.

The stages are the ones that see the whole corpus at once and so could grow
faster than linearly: ``propositions.group_claims``, ``relations.relate``,
``reuse.find_reuse`` and ``framing.frame``.

Corpus: the pipeline runs once on a real corpus (default
``../shared/corpus/karabakh-2023``) to get its articles, claims and quotes.
The bodies are cut into sentences, each sentence carrying the claims and
quotes that lie inside it. A synthetic article is 8-20 sentences drawn at
random (fixed seed) and joined by newlines; its claims and quotes are the
drawn sentences' records with offsets shifted into the new text and fresh
ids. This keeps the real distribution of sentence lengths, claims, quotes and
terms while letting the corpus grow to thousands of articles. Every sentence
recurs in many articles, so text reuse sees its worst case (most of each
article is shared with other articles).

Usage::

    python benchmarks/bench_compare.py [--sizes 1000 2000 4000 8000] [--corpus DIR] [--seed 7]
        [--stages propositions relations reuse framing] [--repeat N]

Prints one row per size with the seconds each stage took (process CPU time,
then wall clock; with ``--repeat N`` the best of N runs), then the growth
factor per doubling (time at 2n / time at n; linear work gives 2.0), and the
number of text reuse passages found (in total and per article).
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

from rashomon import analyze
from rashomon.annotate import body_text
from rashomon.compare import framing, propositions, relations, reuse
from rashomon.settings import Settings
from rashomon.types import Article, Claim, Quote

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "karabakh-2023"
_SENT = re.compile(r"[^\n]*?(?:[.!?][\"”’)]*(?=\s)|$)", re.M)


def sentence_pool(report) -> list[tuple[str, list[Claim], list[Quote]]]:
    """Sentences of every article body with the claims and quotes inside
    them, offsets made relative to the sentence start."""
    claims_by: dict[str, list[Claim]] = {}
    quotes_by: dict[str, list[Quote]] = {}
    for c in report.claims:
        claims_by.setdefault(c.article, []).append(c)
    for q in report.quotes:
        quotes_by.setdefault(q.article, []).append(q)
    pool = []
    for art in report.articles:
        body = body_text(art)
        for m in _SENT.finditer(body):
            s, e = m.start(), m.end()
            text = body[s:e]
            lead = len(text) - len(text.lstrip())
            s += lead
            text = text.strip()
            e = s + len(text)
            if len(text.split()) < 3:
                continue
            cs = [c.model_copy(update={"start": c.start - s, "end": c.end - s})
                  for c in claims_by.get(art.id, []) if s <= c.start and c.end <= e]
            qs = [q.model_copy(update={"start": q.start - s, "end": q.end - s})
                  for q in quotes_by.get(art.id, []) if s <= q.start and q.end <= e]
            pool.append((text, cs, qs))
    return pool


def synthesize(pool, n: int, seed: int) -> tuple[list[Article], list[Claim], list[Quote]]:
    """``n`` articles recombined from ``pool`` with their records re-anchored."""
    rng = random.Random(seed)
    articles: list[Article] = []
    claims: list[Claim] = []
    quotes: list[Quote] = []
    for i in range(n):
        aid = f"a{i}"
        parts: list[str] = []
        pos = 0
        for _ in range(rng.randint(8, 20)):
            text, cs, qs = rng.choice(pool)
            qmap = {}
            for q in qs:
                nid = f"q{len(quotes)}"
                qmap[q.id] = nid
                quotes.append(q.model_copy(update={"id": nid, "article": aid,
                                                   "start": q.start + pos, "end": q.end + pos}))
            for c in cs:
                claims.append(c.model_copy(update={"id": f"c{len(claims)}", "article": aid,
                                                   "start": c.start + pos, "end": c.end + pos,
                                                   "quote": qmap.get(c.quote)}))
            parts.append(text)
            pos += len(text) + 1
        articles.append(Article(id=aid, name=f"{aid}.txt", path=f"synthetic/{aid}.txt", text="\n".join(parts)))
    return articles, claims, quotes


STAGES = ("propositions", "relations", "reuse", "framing")


def run_stages(articles, claims, quotes, entities, settings, stages=STAGES) -> dict[str, float]:
    """Seconds per comparison stage on one corpus (relations get the
    propositions of the same corpus, computed untimed when not asked for).

    Returns ``{stage: wall seconds, "cpu_" + stage: process CPU seconds,
    "_reuse_found": passages}``; CPU time is the figure to compare on a
    machine shared with other jobs (every stage runs in one thread)."""
    times: dict[str, float] = {}

    def timed(name, fn):
        w, c = time.perf_counter(), time.process_time()
        out = fn()
        times[name] = time.perf_counter() - w
        times["cpu_" + name] = time.process_time() - c
        return out

    props = []
    if "propositions" in stages or "relations" in stages:
        props = timed("propositions", lambda: propositions.group_claims(claims, articles))
    if "relations" in stages:
        timed("relations", lambda: relations.relate(claims, props, quotes, articles))
    times["_reuse_found"] = 0
    if "reuse" in stages:
        times["_reuse_found"] = len(timed("reuse", lambda: reuse.find_reuse(articles, settings)))
    if "framing" in stages:
        timed("framing", lambda: framing.frame(articles, quotes, entities))
    return times


def best_of(runs: list[dict[str, float]]) -> dict[str, float]:
    """Per key, the smallest figure over repeated runs (least disturbed by
    other load on the machine)."""
    return {k: min(r[k] for r in runs) for k in runs[0]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES))
    ap.add_argument("--repeat", type=int, default=1, help="runs per size; the best figure is kept")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus {args.corpus} not found (pass --corpus DIR)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    report = analyze([args.corpus])
    pool = sentence_pool(report)
    print(f"real corpus: {len(report.articles)} articles, {len(report.claims)} claims, "
          f"{len(report.quotes)} quotes -> {len(pool)} sentences ({time.perf_counter() - t0:.1f} s)")
    settings = Settings()
    stages = list(args.stages)
    rows = []
    for n in args.sizes:
        arts, cls, qs = synthesize(pool, n, args.seed)
        words = sum(len(a.text.split()) for a in arts)
        times = best_of([run_stages(arts, cls, qs, report.entities, settings, stages)
                         for _ in range(max(1, args.repeat))])
        rows.append((n, words, len(cls), len(qs), times))
        print(f"  {n} articles done", file=sys.stderr)
    for kind, pre in (("CPU", "cpu_"), ("wall", "")):
        print()
        print(f"{kind} seconds:")
        print("| articles | words | claims | quotes | " + " | ".join(f"{s} s" for s in stages) + " | total s |")
        print("|" + "---:|" * (5 + len(stages)))
        for n, words, nc, nq, t in rows:
            total = sum(t[pre + s] for s in stages)
            print(f"| {n} | {words} | {nc} | {nq} | " + " | ".join(f"{t[pre + s]:.2f}" for s in stages)
                  + f" | {total:.2f} |")
        if len(rows) > 1:
            print()
            print(f"growth per doubling ({kind}):")
            print("| doubling | " + " | ".join(stages) + " | total |")
            print("|---|" + "---:|" * (len(stages) + 1))
            for (n0, *_, t0_), (n1, *_, t1_) in zip(rows, rows[1:]):
                def g(a, b):
                    return f"{b / a:.2f}x" if a > 1e-3 else "-"
                tot0, tot1 = sum(t0_[pre + s] for s in stages), sum(t1_[pre + s] for s in stages)
                print(f"| {n0} -> {n1} | " + " | ".join(g(t0_[pre + s], t1_[pre + s]) for s in stages)
                      + f" | {g(tot0, tot1)} |")
    print()
    print("reuse passages found (per article): "
          + ", ".join(f"{n}: {int(t['_reuse_found'])} ({t['_reuse_found'] / n:.1f})" for n, *_, t in rows))
    print(f"whole run: {time.perf_counter() - t0:.0f} s wall")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

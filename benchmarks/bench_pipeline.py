"""Time the whole pipeline (``rashomon.analyze``) against spaCy's ``nlp.pipe`` alone.

Usage::

    python benchmarks/bench_pipeline.py [--corpus DIR] [--copies 40] [--repeat 1] [--json]

The corpus (default: ``../shared/corpus/karabakh-2023`` beside the project,
else ``examples/corpus``) is copied ``--copies`` times into a temporary folder
(5 files × 40 = 200 documents) under distinct names, each copy varied slightly
(an edition line added, one paragraph dropped in turn) so duplicate detection
and text reuse cannot short-cut identical files.

Both sides use the same loaded spaCy pipeline (loaded, and the pipeline warmed
on one document, before timing). The baseline runs ``nlp.pipe`` over exactly
the texts the pipeline annotates: each article's body
(``rashomon.annotate.body_text``, removed boilerplate blanked) at the same
``batch_size``. Reported: both wall times (best of ``--repeat``), the ratio
analyze / nlp.pipe (target ≤ 1.25), the same ratio of process CPU time (steadier on a machine shared
with other work), documents per second, and the peak
resident memory of the process (``resource.getrusage`` ``ru_maxrss``, which
includes the model; tracemalloc is not used because it slows Python code and
would distort the ratio).
"""
from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "karabakh-2023"
EXAMPLES = ROOT / "examples" / "corpus"
SUPPORTED = (".txt", ".html", ".htm")


def vary(text: str, i: int, html: bool) -> str:
    """Copy ``i`` of a document: an edition line added and paragraph ``i mod n`` dropped."""
    line = f"Edition {i} of this page, updated at {i % 24:02d}:{(7 * i) % 60:02d}."
    if html:
        paras = re.findall(r"<p\b[^>]*>.*?</p>", text, flags=re.S)
        if len(paras) > 2:
            text = text.replace(paras[i % len(paras)], "", 1)
        return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + f"<p>{line}</p>", text, count=1)
    paras = text.split("\n\n")
    if len(paras) > 2:
        del paras[i % len(paras)]
    return line + "\n\n" + "\n\n".join(paras)


def build_corpus(src: Path, copies: int, dest: Path) -> list[Path]:
    files = sorted(p for p in src.iterdir() if p.suffix.lower() in SUPPORTED)
    out = []
    for i in range(copies):
        for f in files:
            text = f.read_text(encoding="utf-8", errors="replace")
            p = dest / f"{f.stem}_copy{i:03d}{f.suffix}"
            p.write_text(vary(text, i, f.suffix.lower() in (".html", ".htm")), encoding="utf-8")
            out.append(p)
    return out


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB (ru_maxrss: KiB on Linux, bytes on macOS)."""
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / (1024 * 1024) if sys.platform == "darwin" else r / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED_CORPUS if SHARED_CORPUS.is_dir() else EXAMPLES)
    ap.add_argument("--copies", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    from rashomon import __version__, analyze
    from rashomon.annotate import body_text, load_pipeline
    from rashomon.settings import Settings

    settings = Settings.from_env(jobs=1)  # one process: the ratio is rashomon's own cost per document
    rss_start = peak_rss_mb()
    nlp = load_pipeline(settings)
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as tmp:
        tmpdir = Path(tmp)
        (tmpdir / "warm").mkdir()
        (tmpdir / "corpus").mkdir()
        warm = build_corpus(args.corpus, 1, tmpdir / "warm")[:1]
        analyze(warm, settings)  # lazy lexicons, gazetteers, model warm-up
        files = build_corpus(args.corpus, args.copies, tmpdir / "corpus")
        rss_loaded = peak_rss_mb()

        t_analyze, t_pipe, c_analyze, c_pipe = [], [], [], []
        report = None
        for _ in range(max(1, args.repeat)):
            t0, c0 = time.perf_counter(), time.process_time()
            report = analyze([tmpdir / "corpus"], settings)
            t_analyze.append(time.perf_counter() - t0)
            c_analyze.append(time.process_time() - c0)
            texts = [body_text(a) for a in report.articles]
            t0, c0 = time.perf_counter(), time.process_time()
            for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
                pass
            t_pipe.append(time.perf_counter() - t0)
            c_pipe.append(time.process_time() - c0)
        assert report is not None
        chars = sum(len(t) for t in texts)

    res = {
        "rashomon": __version__,
        "python": platform.python_version(),
        "corpus": str(args.corpus),
        "documents": len(report.articles),
        "files": len(files),
        "skipped": len(report.skipped),
        "body_chars": chars,
        "analyze_s": round(min(t_analyze), 2),
        "nlp_pipe_s": round(min(t_pipe), 2),
        "ratio": round(min(t_analyze) / min(t_pipe), 2),
        "analyze_cpu_s": round(min(c_analyze), 2),
        "nlp_pipe_cpu_s": round(min(c_pipe), 2),
        "cpu_ratio": round(min(c_analyze) / min(c_pipe), 2),
        "runs": [{"analyze_s": round(a, 2), "nlp_pipe_s": round(b, 2), "ratio": round(a / b, 2)}
                 for a, b in zip(t_analyze, t_pipe)],
        "docs_per_s": round(len(report.articles) / min(t_analyze), 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "rss_after_model_mb": round(rss_loaded, 1),
        "rss_start_mb": round(rss_start, 1),
        "counts": {"quotes": len(report.quotes), "claims": len(report.claims), "entities": len(report.entities),
                   "relations": len(report.relations), "reuse": len(report.reuse)},
    }
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        print(f"{res['documents']} documents ({res['body_chars']:,} body characters) from {res['corpus']}")
        print(f"rashomon.analyze : {res['analyze_s']:.2f} s ({res['docs_per_s']} docs/s)")
        print(f"nlp.pipe alone   : {res['nlp_pipe_s']:.2f} s")
        print(f"ratio            : {res['ratio']:.2f} (target <= 1.25)")
        print(f"CPU time ratio   : {res['cpu_ratio']:.2f} ({res['analyze_cpu_s']:.2f} s / {res['nlp_pipe_cpu_s']:.2f} s)")
        if len(res["runs"]) > 1:
            print(f"each run's ratio : {', '.join(str(r['ratio']) for r in res['runs'])}")
        print(f"peak RSS         : {res['peak_rss_mb']:.0f} MiB (after model load {res['rss_after_model_mb']:.0f} MiB)")
        print(f"found            : {res['counts']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

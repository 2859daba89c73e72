"""Time every export format of a large report against the analysis that made it.

Usage::

    python benchmarks/bench_export.py [--corpus DIR] [--copies 200] [--keep DIR] [--json]
    python benchmarks/bench_export.py --report DIR/report.json   # reuse a kept report and its analysis time

The corpus (default: ``../shared/corpus/karabakh-2023`` beside the project,
else ``examples/corpus``) is copied ``--copies`` times as
``bench_pipeline.py`` copies it (5 files × 200 = 1,000 documents, each copy
varied slightly), analysed once with ``rashomon.analyze`` (timed, the spaCy
pipeline loaded and warmed first), then written in each format as
``rashomon export`` writes it: the report read back from its JSON (timed
apart), the display context built for the formats that read it, the file(s)
written. Reported: per format, wall and process CPU seconds and output size
(the display context built once beforehand and timed apart, as is reading
report.json back); in total, ``--format all`` (one read, one context, every
writer) and six separate commands (six reads, three contexts), each as a
ratio to the analysis (target ≤ 0.20), in CPU time (steadier on a shared
machine) and wall time.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import EXAMPLES, SHARED_CORPUS, build_corpus, peak_rss_mb  # noqa: E402


def _size(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


def _timed(fn):
    t0, c0 = time.perf_counter(), time.process_time()
    value = fn()
    return value, time.perf_counter() - t0, time.process_time() - c0


def analyse(corpus: Path, copies: int, keep: Path | None) -> tuple[Path, dict]:
    """Analyse ``copies`` copies of ``corpus``; returns the report.json path and the timings."""
    from rashomon import analyze
    from rashomon.annotate import load_pipeline
    from rashomon.settings import Settings

    settings = Settings.from_env()
    load_pipeline(settings)
    out = keep or Path(tempfile.mkdtemp(prefix="rashomon-bench-export-"))
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-corpus-") as tmp:
        tmpdir = Path(tmp)
        (tmpdir / "warm").mkdir()
        (tmpdir / "corpus").mkdir()
        analyze(build_corpus(corpus, 1, tmpdir / "warm")[:1], settings)
        build_corpus(corpus, copies, tmpdir / "corpus")
        report, wall, cpu = _timed(lambda: analyze([tmpdir / "corpus"], settings))
    out.mkdir(parents=True, exist_ok=True)
    path = out / "report.json"
    path.write_text(report.to_json(), encoding="utf-8")
    timing = {"analyze_s": round(wall, 2), "analyze_cpu_s": round(cpu, 2), "documents": len(report.articles)}
    (out / "analysis.json").write_text(json.dumps(timing), encoding="utf-8")
    return path, timing


def export_all(report_path: Path, outdir: Path) -> dict:
    """Write every format; per format ``{"s", "cpu_s", "bytes"}`` (the
    display context given, built once), plus the time to read the report
    back (``load``) and to build the context (``context``)."""
    from rashomon.export import FORMATS, export, load_report
    from rashomon.report.context import build_context

    report, wall, cpu = _timed(lambda: load_report(report_path))
    res = {"load": {"s": round(wall, 2), "cpu_s": round(cpu, 2)}}
    context, wall, cpu = _timed(lambda: build_context(report))
    res["context"] = {"s": round(wall, 2), "cpu_s": round(cpu, 2)}
    for fmt, spec in FORMATS.items():
        paths, wall, cpu = _timed(lambda: export(report, fmt, outdir / spec.suggested, context))  # noqa: B023
        res[fmt] = {"s": round(wall, 2), "cpu_s": round(cpu, 2), "bytes": _size(paths)}
    res["counts"] = {"articles": len(report.articles), "entities": len(report.entities), "quotes": len(report.quotes),
                     "claims": len(report.claims), "relations": len(report.relations), "reuse": len(report.reuse)}
    return res


def totals(res: dict, timing: dict) -> dict:
    """``--format all`` (one read, one context, every writer) and six commands
    (each reads the report; three build the context), wall and CPU, with
    their ratios to the analysis."""
    from rashomon.export import FORMATS

    out = {}
    for key, loads, contexts in (("all", 1, 1), ("six_commands", len(FORMATS),
                                                 sum(1 for f in FORMATS.values() if f.context))):
        for unit, analysis in (("s", timing["analyze_s"]), ("cpu_s", timing["analyze_cpu_s"])):
            t = sum(res[f][unit] for f in FORMATS) + loads * res["load"][unit] + contexts * res["context"][unit]
            out[f"{key}_{unit}"] = round(t, 2)
            out[f"{key}_{unit}_ratio"] = round(t / analysis, 3)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED_CORPUS if SHARED_CORPUS.is_dir() else EXAMPLES)
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--keep", type=Path, help="folder to keep report.json and the analysis time in")
    ap.add_argument("--report", type=Path, help="a report.json kept by --keep (its analysis.json beside it)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    if args.report:
        report_path = args.report
        timing = json.loads((args.report.parent / "analysis.json").read_text(encoding="utf-8"))
    else:
        report_path, timing = analyse(args.corpus, args.copies, args.keep)
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-exports-") as tmp:
        res = export_all(report_path, Path(tmp))
    out = {**timing, "exports": res, **totals(res, timing), "peak_rss_mb": round(peak_rss_mb(), 1)}
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    print(f"{timing['documents']} documents: analyze {timing['analyze_s']:.1f} s ({timing['analyze_cpu_s']:.1f} s CPU)")
    print(f"found {res['counts']}")
    for k, v in res.items():
        if k != "counts":
            size = f"  {v['bytes'] / 1e6:8.1f} MB" if "bytes" in v else ""
            print(f"  {k:<12} {v['s']:6.2f} s  {v['cpu_s']:6.2f} s CPU{size}")
    print(f"--format all (one read, one context): {out['all_s']:.1f} s, {out['all_cpu_s']:.1f} s CPU; "
          f"ratio to analysis {out['all_s_ratio']:.3f} wall, {out['all_cpu_s_ratio']:.3f} CPU (target <= 0.20)")
    print(f"six commands (six reads, three contexts): {out['six_commands_s']:.1f} s, {out['six_commands_cpu_s']:.1f} s CPU; "
          f"ratio {out['six_commands_s_ratio']:.3f} wall, {out['six_commands_cpu_s_ratio']:.3f} CPU")
    print(f"peak RSS {out['peak_rss_mb']:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

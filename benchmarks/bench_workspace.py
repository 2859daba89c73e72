"""Speed and memory of ``rashomon add``: all cores, a cached re-add, flat memory.

Usage::

    python benchmarks/bench_workspace.py [--source DIR] [--size 1000] [--rss-sizes 500,2000] [--json]

Targets (issue 12): adding 1,000 articles with ``--jobs 2`` takes at most
0.6 × the time of ``--jobs 1`` on a 2-core machine; adding the same files
again takes at most 5 % of the first add; the peak resident memory of an add
of 2,000 articles is at most 1 GiB and within 10 % of the figure at 500.
Target (issue 13): exporting every format from the 1,000-article workspace
takes at most 20 % of its add: ``rashomon export WORKSPACE --format all``
with ``--jobs 2`` and ``--jobs 1``, each against the ``--jobs 2`` add, in wall
time and in CPU time (the export's workers included); the CPU ratio is also
reported with the corpus refresh that runs before the first export. With
``--export-from WORKSPACE`` only the exports run, on a workspace already
added (and refreshed), against the add's figures given by ``--add-wall`` and
``--add-cpu``.

Besides wall times, the CPU time of each child and its workers is reported
(``RUSAGE_CHILDREN``): on a machine shared with other work, the CPU ratio of
``--jobs 2`` to ``--jobs 1`` shows what parallel running costs in extra work,
which the wall-time ratio cannot show when the second core is not free.

The articles are real, distinct news texts: PolNeAR's train and dev texts
(``/work/polnear/{train,dev}/text``, 924 articles; never the test split),
else the texts of ``--source``. A corpus larger than the source repeats it
with each copy varied (an edition line added, one paragraph dropped in
turn, as ``bench_pipeline.py`` does), so no two documents are identical.

Each add runs in a fresh child process (the driver ``CHILD`` below) through
the public API, ``Workspace.add`` (what ``rashomon add`` does), timed by the
child; the corpus refresh that ``rashomon report`` (or ``add --refresh``)
runs next is measured the same way, in a child of its own. Memory is sampled
by the parent every 0.1 s from ``/proc`` over the child and its worker
processes: reported are the peak of their sum (the figure the targets mean),
the peak of the main process and of the largest worker.

Do not edit rashomon's source while it runs: the analysis key digests the
source, so a re-add after an edit analyses everything again.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = [Path("/work/polnear/train/text"), Path("/work/polnear/dev/text")]
SHARED = ROOT.parent / "shared" / "corpus"

CHILD = r"""
import json, sys, time
from pathlib import Path
from rashomon import Settings, Workspace
path, folder, jobs, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
settings = Settings.from_env(jobs=jobs)
t0 = time.perf_counter()
out = {}
with Workspace(path) as ws:
    if mode == "add":
        added = ws.add([folder], settings)
        out = {"added": added.added, "unchanged": added.unchanged, "skipped": len(added.skipped)}
    elif mode == "export":  # what 'rashomon export WORKSPACE --format all --jobs N' does
        from rashomon.export import export_all, load_report
        written, _ = export_all(load_report(path), Path(folder), jobs=jobs)
        out = {"written": len(written), "bytes": sum(p.stat().st_size for p in written)}
    else:
        ws.refresh(settings)
    out["counts"] = ws.store.counts()
out["seconds"] = time.perf_counter() - t0
print(json.dumps(out))
"""


def vary(text: str, i: int) -> str:
    """Copy ``i`` of a text: an edition line added and paragraph ``i mod n`` dropped."""
    if i == 0:
        return text
    paras = re.split(r"\n\s*\n", text)
    if len(paras) > 2:
        del paras[i % len(paras)]
    return f"Edition {i} of this page.\n\n" + "\n\n".join(paras)


def sources(extra: Path | None) -> list[Path]:
    folders = [extra] if extra else [p for p in POLNEAR if p.is_dir()] or sorted(SHARED.iterdir())
    return sorted(f for d in folders for f in d.rglob("*") if f.suffix.lower() in (".txt", ".html", ".htm"))


def build(files: list[Path], n: int, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for k in range(n):
        src = files[k % len(files)]
        copy = k // len(files)
        (dest / f"{k:05d}_{src.stem[:40]}{src.suffix}").write_text(
            vary(src.read_text(encoding="utf-8", errors="replace"), copy), encoding="utf-8")
    return dest


def _tree(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _rss_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run(path: Path, folder: Path, jobs: int, mode: str = "add") -> dict:
    """One add (``mode`` "add") or corpus refresh ("refresh") in a child
    process, with its memory sampled."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(folder), str(jobs), mode],
                            stdout=subprocess.PIPE, text=True)
    peaks = {"sum": 0.0, "main": 0.0, "worker": 0.0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            pids = _tree(proc.pid)
            rss = {p: _rss_mib(p) for p in pids}
            peaks["sum"] = max(peaks["sum"], sum(rss.values()))
            peaks["main"] = max(peaks["main"], rss.get(proc.pid, 0.0))
            peaks["worker"] = max([peaks["worker"]] + [v for p, v in rss.items() if p != proc.pid])
            time.sleep(0.1)

    t = threading.Thread(target=sample, daemon=True)
    start, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    t.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the child and its reaped workers
    done.set()
    t.join()
    if proc.returncode:
        raise SystemExit(f"the {mode} failed (exit {proc.returncode})")
    res = json.loads(out.strip().splitlines()[-1])
    res.update({f"peak_{k}_mib": round(v) for k, v in peaks.items()})
    res["seconds"] = round(res["seconds"], 1)
    res["wall"] = round(wall, 1)  # with the child's start and imports, as a command's user sees it
    res["cpu"] = round(after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime, 1)
    return res


def exports_of(workspace: Path, tmpdir: Path, add: dict) -> dict:
    """``--format all`` from ``workspace`` with ``--jobs 2`` then ``--jobs 1``
    (into fresh folders), each as a ratio to ``add`` (``wall`` and ``cpu``)."""
    out: dict = {}
    for jobs, key in ((2, "export"), (1, "export_jobs1")):
        res = out[key] = run(workspace, tmpdir / key, jobs, "export")
        res["wall_ratio"] = round(res["wall"] / add["wall"], 3)
        res["cpu_ratio"] = round(res["cpu"] / add["cpu"], 3)
    return out


def print_exports(s: dict) -> None:
    for key, jobs in (("export", 2), ("export_jobs1", 1)):
        e = s[key]
        print(f"export of every format, --jobs {jobs}: {e['wall']} s wall = {e['wall_ratio']:.1%} of the add's wall "
              f"time; {e['cpu']} s CPU = {e['cpu_ratio']:.1%} of its CPU time (target 20 %); "
              f"peak RSS {e['peak_sum_mib']} MiB in all (main {e['peak_main_mib']})")


def export_only(workspace: Path, add_wall: float, add_cpu: float, as_json: bool) -> int:
    """The exports of an added workspace against its add's figures."""
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-export-") as tmp:
        res = exports_of(workspace, Path(tmp), {"wall": add_wall, "cpu": add_cpu})
    res.update({"add": {"wall": add_wall, "cpu": add_cpu}, "load_before": load, "load_after": os.getloadavg()})
    if as_json:
        print(json.dumps(res, indent=1))
        return 0
    print(f"add --jobs 2 (given): {add_wall} s wall, {add_cpu} s CPU")
    print_exports(res)
    print(f"load average before {res['load_before']}, after {res['load_after']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=None, help="folder of texts (default: PolNeAR train+dev)")
    ap.add_argument("--size", type=int, default=1000, help="articles for the speed figures")
    ap.add_argument("--rss-sizes", default="500,2000", help="article counts for the memory figures")
    ap.add_argument("--export-from", type=Path, default=None,
                    help="only export this workspace (added and refreshed before), against --add-wall/--add-cpu")
    ap.add_argument("--add-wall", type=float, default=118.5, help="wall seconds of its --jobs 2 add (--export-from)")
    ap.add_argument("--add-cpu", type=float, default=224.8, help="CPU seconds of its --jobs 2 add (--export-from)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.export_from:
        return export_only(args.export_from, args.add_wall, args.add_cpu, args.json)
    files = sources(args.source)
    rss_sizes = [int(x) for x in args.rss_sizes.split(",") if x]
    res: dict = {"python": platform.python_version(), "cpus": os.cpu_count(), "source_files": len(files),
                 "load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-ws-") as tmp:
        tmpdir = Path(tmp)
        corpus = build(files, args.size, tmpdir / f"c{args.size}")
        one = run(tmpdir / "j1.db", corpus, 1)
        two = run(tmpdir / "j2.db", corpus, 2)
        again = run(tmpdir / "j2.db", corpus, 2)
        refresh = run(tmpdir / "j2.db", corpus, 2, "refresh")
        exports = exports_of(tmpdir / "j2.db", tmpdir, two)
        res["speed"] = {"articles": args.size, "jobs1": one, "jobs2": two, "readd": again, "refresh": refresh,
                        **exports,
                        "cpu_refresh_export_add": round((refresh["cpu"] + exports["export"]["cpu"]) / two["cpu"], 3),
                        "ratio_jobs2_jobs1": round(two["wall"] / one["wall"], 3),
                        "cpu_jobs2_jobs1": round(two["cpu"] / one["cpu"], 3),
                        "ratio_readd_first": round(again["wall"] / two["wall"], 4)}
        res["memory"] = {}
        for n in rss_sizes:
            folder = build(files, n, tmpdir / f"m{n}")
            res["memory"][n] = {"add": run(tmpdir / f"m{n}.db", folder, 2),
                                "refresh": run(tmpdir / f"m{n}.db", folder, 2, "refresh")}
        res["load_after"] = os.getloadavg()
    if len(rss_sizes) >= 2:
        lo, hi = res["memory"][rss_sizes[0]]["add"], res["memory"][rss_sizes[-1]]["add"]
        res["memory"]["ratio_add"] = round(hi["peak_sum_mib"] / lo["peak_sum_mib"], 3)
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    s = res["speed"]
    print(f"{s['articles']} articles: add --jobs 1 {s['jobs1']['wall']} s, --jobs 2 {s['jobs2']['wall']} s: "
          f"ratio {s['ratio_jobs2_jobs1']}; the same files again {s['readd']['wall']} s = {s['ratio_readd_first']:.1%}; "
          f"corpus refresh {s['refresh']['wall']} s (wall times, process start included); CPU time jobs 2 / jobs 1 "
          f"{s['cpu_jobs2_jobs1']}")
    print_exports(s)
    print(f"with the corpus refresh before: {s['cpu_refresh_export_add']:.1%} of the add's CPU time")
    for n in rss_sizes:
        for phase in ("add", "refresh"):
            m = res["memory"][n][phase]
            print(f"{n} articles, {phase}: peak RSS {m['peak_sum_mib']} MiB in all (main {m['peak_main_mib']}, "
                  f"largest worker {m['peak_worker_mib']}); {m['seconds']} s")
    print(f"load average before {res['load_before']}, after {res['load_after']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

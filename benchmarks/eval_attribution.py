"""Quote and speaker evaluation: PolNeAR dev and the corpora of ``../shared``.

Writes the tables of ``docs/evaluation.md`` (between its ``<!-- tables -->``
markers) from two external scorers that rashomon does not ship:

* ``../shared/tools/eval_polnear.py`` on PolNeAR's **dev** split (all 84
  articles; the train split is for development, the test split is kept for the
  release figure): speech attributions found at 50 % overlap (all, direct,
  indirect), precision, speaker accuracy; recall by cue and speaker accuracy by
  source type, read from the scorer's per-unit dump;
* ``../shared/tools/score.py`` on each corpus of ``../shared/corpus`` (English
  documents only): quote found, quote speaker, quote kind.

Usage (from the repository root, with the project installed in ``.venv``)::

    .venv/bin/python benchmarks/eval_attribution.py [--polnear /work/polnear/dev] [--shared ../shared]
        [--out /tmp/rashomon-eval] [--write docs/evaluation.md] [--skip-polnear] [--skip-corpora]

``--polnear`` is a PolNeAR compartment extracted by ``eval_polnear.py extract``
(``text/``, ``attributions/``, ``corenlp/``). Each run calls ``rashomon analyze``
(``.venv/bin/rashomon``) on the inputs; a run takes a few minutes.

Source types of a gold source (the scorer's own split, refined here by the
source's first word): *name* (a named person or organisation), *noun phrase*
(a definite description: "the ministry", "his office"), *unnamed* (an
indefinite or bare description: "officials", "a senior official"), *pronoun*
(resolved by the corpus's CoreNLP coreference chains).
"""
from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RASHOMON = ROOT / ".venv" / "bin" / "rashomon"
DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"}
CORPORA = ("karabakh-2023", "harbour-protest-2025", "refinery-blast-2024", "kakhovka-2023")
START, END = "<!-- tables:start -->", "<!-- tables:end -->"


def _tool(shared: Path, name: str):
    """Import one of ``../shared/tools`` as a module."""
    spec = importlib.util.spec_from_file_location(name, shared / "tools" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_polnear(shared: Path, comp: Path, out: Path) -> dict:
    """Run and score PolNeAR ``comp``; returns the figures of the tables."""
    tool = shared / "tools" / "eval_polnear.py"
    n = len(list((comp / "text").glob("*.txt")))
    subprocess.run([sys.executable, str(tool), "run", str(comp), "--sample", str(n), "-o", str(out),
                    "--rashomon", str(RASHOMON)], check=True, cwd=ROOT)
    units_path = out / "units.jsonl"
    subprocess.run([sys.executable, str(tool), "score", str(comp), str(out / "report.json"), "--sample", str(n),
                    "--json", str(out / "score.json"), "--md", str(out / "score.md"),
                    "--dump-units", str(units_path)], check=True, cwd=ROOT)
    res = json.loads((out / "score.json").read_text(encoding="utf-8"))
    ev = _tool(shared, "eval_polnear")
    units = [json.loads(line) for line in units_path.read_text(encoding="utf-8").splitlines()]
    units = [u for u in units if u["threshold"] == 0.5]
    by_cue: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    by_type: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    sources = _gold_sources(ev, comp, {u["article"] for u in units})
    for u in units:
        key = (u["class"], ev.cue_lemma(u["cue"]) if u["cue"] else "(none)")
        by_cue[key][0] += 1
        by_cue[key][1] += u["found"]
        if u.get("speaker") in ("correct", "null", "other entity"):
            kind = "pronoun" if u.get("pronoun") else "name" if u.get("named") else \
                _description_kind(sources.get((u["article"], u["unit"]), ""))
            by_type[kind][0] += 1
            by_type[kind][1] += u["speaker"] == "correct"
    a = res["by_threshold"]["0.5"]
    return {"rows": a["rows"], "speaker": a["speaker"]["ALL"], "by_cue": by_cue, "by_type": by_type,
            "articles": res["articles"], "timing": res.get("timing")}


def _gold_sources(ev, comp: Path, files: set[str]) -> dict[tuple[str, str], str]:
    """(file, attribution id) → the gold source text, for the source-type split."""
    out = {}
    for f in files:
        raw = ev.read_text(os.path.join(comp, "text", f))
        ann, _ = ev.ann_for(str(comp), f)
        if ann is None:
            continue
        tbs, events = ev.parse_brat(ann)
        for eid, roles in events:
            src = tbs.get(roles.get("Source"))
            if src:
                out[(f, eid)] = raw[src["frags"][0][0]:src["frags"][-1][1]]
    return out


def _description_kind(source: str) -> str:
    words = source.split()
    return "noun phrase" if words and words[0].lower().strip("“\"'") in DEFINITE else "unnamed"


def run_corpora(shared: Path, out: Path) -> dict[str, dict[str, str]]:
    """Analyse and score each corpus; ``{corpus: {category: "found/total"}}``."""
    scorer = shared / "tools" / "score.py"
    table = {}
    for name in CORPORA:
        corpus = shared / "corpus" / name
        if not corpus.is_dir():
            continue
        dest = out / name
        subprocess.run([str(RASHOMON), "analyze", str(corpus), "-o", str(dest), "-q"], check=True, cwd=ROOT)
        text = subprocess.run([sys.executable, str(scorer), str(dest / "report.json"),
                               str(shared / "gold" / f"{name}.yaml"), "-v", "--languages", "en"],
                              capture_output=True, text=True, cwd=ROOT).stdout
        table[name] = {m.group(1): m.group(2) for m in re.finditer(r"^(quote \w+|same entity|different entities): "
                                                                    r"(\d+/\d+)", text, re.M)}
    return table


def pct(x: float) -> str:
    return f"{100 * x:.1f}"


def render(pol: dict | None, corpora: dict | None) -> str:
    lines = []
    if pol:
        r, s = pol["rows"], pol["speaker"]
        lines += ["### PolNeAR dev (all articles, 50 % overlap)", "",
                  "| gold speech attributions | found (R) | direct R | indirect R | precision | speaker right |",
                  "|---:|---:|---:|---:|---:|---:|",
                  f"| {r['ALL']['gold']} | {pct(r['ALL']['R'])} | {pct(r['DIRECT']['R'])} | {pct(r['INDIRECT']['R'])} "
                  f"| {pct(r['ALL']['P'])} | {pct(s['acc'])} ({s['correct']}/{s['scored']}) |", "",
                  "Speaker accuracy by source type:", "",
                  "| source | scored | right | accuracy |", "|---|---:|---:|---:|"]
        for kind in ("name", "noun phrase", "unnamed", "pronoun"):
            n, ok = pol["by_type"].get(kind, [0, 0])
            lines.append(f"| {kind} | {n} | {ok} | {pct(ok / n) if n else '–'} |")
        lines += ["", "Recall by cue (the 25 most frequent):", "", "| class | cue | gold | found | recall |",
                  "|---|---|---:|---:|---:|"]
        for (cls, cue), (n, ok) in sorted(pol["by_cue"].items(), key=lambda kv: -kv[1][0])[:25]:
            lines.append(f"| {cls} | {cue} | {n} | {ok} | {pct(ok / n)} |")
        lines.append("")
    if corpora:
        cats = ["quote found", "quote speaker", "quote kind"]
        lines += ["### Corpora (English documents)", "", "| corpus | " + " | ".join(cats) + " |",
                  "|---|" + "---:|" * len(cats)]
        for name, row in corpora.items():
            lines.append(f"| {name} | " + " | ".join(row.get(c, "–") for c in cats) + " |")
        lines.append("")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--polnear", default="/work/polnear/dev", help="PolNeAR dev compartment (text/, attributions/, corenlp/)")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default="/tmp/rashomon-eval")
    ap.add_argument("--write", help="a Markdown file whose tables section is replaced (docs/evaluation.md)")
    ap.add_argument("--skip-polnear", action="store_true")
    ap.add_argument("--skip-corpora", action="store_true")
    args = ap.parse_args(argv)
    shared, out = Path(args.shared), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pol = None if args.skip_polnear else run_polnear(shared, Path(args.polnear), out / "polnear")
    corpora = None if args.skip_corpora else run_corpora(shared, out)
    text = render(pol, corpora)
    print(text)
    if args.write:
        doc = Path(args.write).read_text(encoding="utf-8")
        if START in doc and END in doc:
            doc = doc[:doc.index(START) + len(START)] + "\n\n" + text + "\n" + doc[doc.index(END):]
            Path(args.write).write_text(doc, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

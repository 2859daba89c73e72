"""``python -m rashomon`` and the ``rashomon`` script: the command line.

:func:`main` imports the command line itself, so that Ctrl-C while it loads
ends the run with exit code 130 and one line, as Ctrl-C does later, not
with a traceback."""
from __future__ import annotations

import sys


def main() -> None:
    """Run :func:`rashomon.cli.main`; exit 130 on Ctrl-C while it is imported."""
    try:
        from rashomon.cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
    cli_main()


if __name__ == "__main__":
    main()

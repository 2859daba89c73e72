"""The folder the command line writes reports into (``-o OUTDIR``): whether
it can be used, checked before any analysis, and what it holds after a run
that wrote nothing. The sentences are the command line's messages."""
from __future__ import annotations

import os
import stat
from pathlib import Path


def out_dir_problem(out_dir: Path) -> str | None:
    """Why the reports cannot be written into ``out_dir``, checked before any
    analysis without creating anything; ``None`` when it can be used (an
    existing folder we may write in, or a missing one whose nearest existing
    parent is a folder we may write in).

    Returns
    -------
    str | None : one sentence naming the path and what to do, e.g.
        ``"-o out.txt is a file, not a folder: ..."``.
    """
    target = Path(os.path.abspath(out_dir))
    denied = False
    for folder in (target, *target.parents):
        try:
            st = os.stat(folder)
        except (FileNotFoundError, NotADirectoryError):
            continue  # missing, or a file on the way (met further up)
        except PermissionError:
            denied = True  # a folder further up cannot be searched
            continue
        except OSError as exc:
            return f"-o {out_dir} cannot be used: {folder}: {exc.strerror or exc}; choose another folder"
        if denied:
            return (f"-o {out_dir} cannot be used: the folder {folder} cannot be searched (permission denied); "
                    "check its permissions or choose another folder")
        exists = folder == target  # else the nearest existing parent, where it would be created
        if not stat.S_ISDIR(st.st_mode):
            return (f"-o {out_dir} is a file, not a folder: give a folder for the reports (it is created if missing)"
                    if exists else f"-o {out_dir} cannot be created: {folder} is a file, not a folder; choose another folder")
        if not os.access(folder, os.W_OK | os.X_OK):
            return (f"-o {out_dir} cannot be written (permission denied): "
                    "check the folder's permissions or choose another folder" if exists else
                    f"-o {out_dir} cannot be created: no permission to write in {folder}; "
                    "check its permissions or choose another folder")
        return None
    return None


def previous_reports(out_dir: Path) -> str:
    """What ``out_dir`` holds after a run that wrote nothing, as a clause."""
    from rashomon.report.render import REPORT_FILES

    if all((out_dir / name).is_file() for name in REPORT_FILES.values()):
        return f"{out_dir} still holds the previous reports, unchanged"
    return f"{out_dir} holds no complete set of reports"

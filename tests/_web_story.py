"""A small story written for the web and store-query tests: a report of
deaths, a denial, and an article whose title and text are hostile markup."""
from __future__ import annotations

import json
from pathlib import Path

FIRE = ("Warehouse collapse in Orlen kills at least 14\n\n"
        "At least 14 people were killed when a grain warehouse collapsed in Orlen on Monday, fire chief Ines Calder said.\n"
        "\"We pulled survivors from the rubble all night,\" Calder told reporters at the site.\n"
        "Residents of the nearby streets were evacuated.\n")
OWNER = ("Grain company denies deaths at Orlen warehouse\n\n"
         "The owner of the grain warehouse in Orlen said on Tuesday that there were no casualties in Monday's collapse.\n"
         "\"Nobody was hurt, the building was empty,\" said company spokesman Omar Reyes.\n")
HOSTILE_TITLE = '<script>alert("title")</script> Council & <b>budget</b>'
HOSTILE = {
    "title": HOSTILE_TITLE,
    "outlet": "Velmar <i>Gazette</i>",
    "published": "2024-05-02",
    "text": ("The Velmar council met on Thursday to vote on the harbour budget.\n"
             "\"The <img src=x onerror=alert(1)> budget is balanced,\" said treasurer Ada Moss.\n"),
}


def write_story(folder: Path) -> list[Path]:
    """Write the three documents into ``folder``: ``fire.txt``, ``owner.txt``
    and ``hostile.jsonl``; return their paths in that order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "fire.txt", folder / "owner.txt", folder / "hostile.jsonl"]
    paths[0].write_text(FIRE, encoding="utf-8")
    paths[1].write_text(OWNER, encoding="utf-8")
    paths[2].write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    return paths

"""Speakers and their quotes for display: who is quoted, where, how often relayed."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from rashomon.report.labels import NO_SPEAKER_COLOUR, article_label, balanced
from rashomon.types import Article, Entity, Quote, Report

def _other(text: str | None, name: str) -> str | None:
    """``text`` unless it only repeats ``name`` (case aside)."""
    return None if text and text.casefold() == name.casefold() else text


def _speakers(report: Report, arts: dict[str, Article], ents: dict[str, Entity],
              names: dict[str, str], speaker_colours: dict[str, str]) -> tuple[list[dict], list[dict]]:
    groups: dict[str, list[Quote]] = defaultdict(list)
    unattributed: list[Quote] = []
    for q in report.quotes:
        (groups[q.speaker] if q.speaker else unattributed).append(q)

    def qview(q: Quote) -> dict[str, Any]:
        a = arts.get(q.article)
        relay = None
        if q.relayed_by or q.relayed_by_text:
            relay = names.get(q.relayed_by or "", None) or q.relayed_by_text or q.relayed_by
        return {
            "id": q.id, "kind": q.kind, "text": q.text, "cue": q.cue, "date": q.date,
            "article": q.article, "source": article_label(a) if a else q.article,
            "speaker_text": q.speaker_text, "relayed_by": relay, "negated": q.negated,
            "colour": speaker_colours.get(q.speaker or "", NO_SPEAKER_COLOUR),
        }

    speakers = []
    for sid, qs in groups.items():
        e = ents.get(sid)
        role = (e.role if e else None) or next((q.speaker_role for q in qs if q.speaker_role), None)
        aff = (e.affiliation if e else None) or next((q.speaker_affiliation for q in qs if q.speaker_affiliation), None)
        outlets = sorted({article_label(arts[q.article]) for q in qs if q.article in arts})
        speakers.append({
            "id": sid, "name": names.get(sid, sid), "type": e.type if e else None,
            # a role or affiliation that only repeats the name ("KPO (KPO)") is not shown again
            "role": _other(balanced(role), names.get(sid, sid)), "affiliation": _other(balanced(aff), names.get(sid, sid)),
            "outlets": outlets,
            "colour": speaker_colours.get(sid, NO_SPEAKER_COLOUR),
            "original": sum(1 for q in qs if not (q.relayed_by or q.relayed_by_text)),
            "relayed": sum(1 for q in qs if q.relayed_by or q.relayed_by_text),
            "quotes": [qview(q) for q in sorted(qs, key=lambda q: (q.article, q.start))],
        })
    speakers.sort(key=lambda s: (-len(s["quotes"]), s["name"].casefold()))
    unattr = [qview(q) for q in sorted(unattributed, key=lambda q: (q.article, q.start))]
    return speakers, unattr

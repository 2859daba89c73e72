"""The report's timeline: entries in date order and the chart's SVG geometry.

Each timeline entry of the report with its sources; the chart places one lane
per article and one mark per dated entry and article, from the entry's first
day to the day after its last (:func:`_date_bounds`), with six ticks.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from rashomon.report.labels import article_label, colour
from rashomon.types import Article, Report, TimelineEntry

#: Timeline chart geometry, in SVG user units (pixels).
CHART_WIDTH = 960
CHART_LEFT = 170
CHART_RIGHT = 50  # room for the last tick label (centred on its line)
LANE_HEIGHT = 22
CHART_TOP = 30


def _date_bounds(value: str | None, end: str | None, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """Half-open [first day, day after last day) for an ISO date of a precision."""
    if not value:
        return None
    try:
        parts = value[:10].split("-")
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else None
        d = int(parts[2]) if len(parts) > 2 else None
        prec = precision or ("day" if d else "month" if m else "year")
        if prec == "year" or m is None:
            lo, hi = dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
        elif prec == "month" or d is None:
            lo = dt.date(y, m, 1)
            hi = dt.date(y + (m == 12), m % 12 + 1, 1)
        else:
            lo = dt.date(y, m, d)
            hi = lo + dt.timedelta(days=1)
        if end and end[:10] != value[:10]:
            eb = _date_bounds(end, None, None)
            if eb and eb[1] > hi:
                hi = eb[1]
        return lo, hi
    except (ValueError, IndexError):
        return None


def _links(t: TimelineEntry, arts: dict[str, Article], found_in: dict[str, str]) -> list[dict[str, str]]:
    """One link per source of a timeline entry: ``{"source", "href"}``, to the
    entry's first claim (else quote) in that article, else to the article's
    text (``found_in``: claim and quote ids → article id)."""
    out = []
    for aid in t.articles:
        first = next((f for f in [*t.claims, *t.quotes] if found_in.get(f) == aid), None)
        out.append({"source": article_label(arts[aid]) if aid in arts else aid,
                    "href": f"#{first}" if first else f"#text-{aid}"})
    return out


def _timeline(report: Report, arts: dict[str, Article], found_in: dict[str, str]) -> dict[str, Any]:
    """The timeline's entries (date order) and chart; ``found_in`` maps claim and
    quote ids to their article ids (for each entry's ``links``)."""
    entries = []
    for i, t in enumerate(sorted(report.timeline, key=lambda t: (t.date, t.end or ""))):
        entries.append({
            "date": t.date, "end": t.end, "precision": t.precision, "label": t.label,
            "sources": [article_label(arts[a]) if a in arts else a for a in t.articles],
            "links": _links(t, arts, found_in),
            "article_ids": list(t.articles), "claims": list(t.claims), "quotes": list(t.quotes),
            "period": t.period, "conflict": t.conflict, "bounds": _date_bounds(t.date, t.end, t.precision),
        })
    dated = [e for e in entries if e["bounds"]]
    chart = None
    if dated:
        lo = min(e["bounds"][0] for e in dated)
        hi = max(e["bounds"][1] for e in dated)
        span = max(1, (hi - lo).days)
        inner = CHART_WIDTH - CHART_LEFT - CHART_RIGHT

        def x(d: dt.date) -> float:
            return round(CHART_LEFT + inner * (d - lo).days / span, 1)

        lanes: list[str] = []
        for e in dated:
            for aid in e["article_ids"] or [""]:
                if aid not in lanes:
                    lanes.append(aid)
        lanes.sort(key=lambda a: (a == "", a))
        marks = []
        for e in dated:
            x0, x1 = x(e["bounds"][0]), x(e["bounds"][1])
            for aid in e["article_ids"] or [""]:
                lane = lanes.index(aid)
                marks.append({
                    "x": x0, "width": max(4.0, round(x1 - x0, 1)),
                    "y": CHART_TOP + lane * LANE_HEIGHT + 3, "height": LANE_HEIGHT - 6,
                    "colour": colour(aid or "none", 60), "precision": e["precision"],
                    "title": f"{e['date']} ({e['precision']}): {e['label']}",
                })
        ticks = []
        for k in range(6):
            d = lo + dt.timedelta(days=round(span * k / 5))
            ticks.append({"x": x(d), "label": d.isoformat()})
        chart = {
            "width": CHART_WIDTH, "height": CHART_TOP + LANE_HEIGHT * len(lanes) + 10,
            "left": CHART_LEFT, "top": CHART_TOP,
            "lanes": [{"y": CHART_TOP + i * LANE_HEIGHT + LANE_HEIGHT / 2 + 4,
                       "label": (article_label(arts[a]) if a in arts else a) if a else "(no source)"}
                      for i, a in enumerate(lanes)],
            "marks": marks, "ticks": ticks, "bottom": CHART_TOP + LANE_HEIGHT * len(lanes),
        }
    for e in entries:
        e.pop("bounds")
    return {"entries": entries, "chart": chart}

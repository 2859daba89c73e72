"""The cross-source timeline.

Per article, :mod:`rashomon.dating` resolves the date expressions and names
the events they date (:func:`resolve_article`, re-exported here). Per corpus
(:func:`build_timeline`): group articles into periods by reference date, turn
dated events into :class:`TimelineEntry` records, merge the same event told
by several sources on a compatible date, and set conflicting dates for one
event side by side (``conflict``), never averaged.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from datetime import date

from rashomon import temporal
from rashomon.annotate import body_text
from rashomon.dating import NEAR_YEAR, ByStart, reference_date, resolve_article
from rashomon.event_labels import lexicon
from rashomon.types import Article, Claim, Quote, TemporalExpression, TimelineEntry

__all__ = ["resolve_article", "build_timeline", "reference_date"]

PERIOD_GAP_DAYS = 365
"""Articles whose reference dates lie more than this many days apart fall in separate periods."""
CONFLICT_WINDOW_DAYS = 31
"""Two dates for one event are a conflict only when this close (else they are two events)."""
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")


def _stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _periods(articles: list[Article], temporals: list[TemporalExpression]) -> dict[str, tuple[date, date]]:
    """Set ``article.period`` ("2023-09") and, for articles far from the
    majority, ``article.period_flag``. Returns, per article in a period, the
    first and last reference dates of that period."""
    refs: dict[str, date] = {}
    for a in articles:
        d, _ = temporal.parse_iso(a.reference_date)
        if d is not None:
            refs[a.id] = d
    if not refs:
        return {}
    order = sorted(refs, key=lambda k: refs[k])
    clusters: list[list[str]] = [[order[0]]]
    for k in order[1:]:
        if (refs[k] - refs[clusters[-1][-1]]).days > PERIOD_GAP_DAYS:
            clusters.append([k])
        else:
            clusters[-1].append(k)
    # Articles without a reference date join the period of their own dates.
    by_art: dict[str, list[date]] = defaultdict(list)
    for t in temporals:
        if t.precision in {"day", "minute"} and not t.relative:
            d, _ = temporal.parse_iso(t.value)
            if d is not None:
                by_art[t.article].append(d)
    for a in articles:
        if a.id in refs or not by_art.get(a.id):
            continue
        ds = sorted(by_art[a.id])
        mid = ds[len(ds) // 2]
        best = min(clusters, key=lambda cl: min(abs((refs[k] - mid).days) for k in cl))
        if min(abs((refs[k] - mid).days) for k in best) <= PERIOD_GAP_DAYS:
            best.append(a.id)
            refs[a.id] = mid
    labels, bounds = {}, {}
    for cl in clusters:
        lo, hi = min(refs[k] for k in cl), max(refs[k] for k in cl)
        lab = f"{lo:%Y-%m}" if (lo.year, lo.month) == (hi.year, hi.month) else f"{lo:%Y-%m}/{hi:%Y-%m}"
        for k in cl:
            labels[k], bounds[k] = lab, (lo, hi)
    main = max(clusters, key=lambda cl: (len(cl), max(refs[k] for k in cl)))  # ties: the most recent
    main_lab = labels[main[0]]
    for a in articles:
        if a.id in labels:
            a.period = labels[a.id]
            if len(clusters) > 1 and a.id not in main:
                a.period_flag = (f"Its reference date {refs[a.id].isoformat()} lies more than a year from most "
                                 f"articles (period {main_lab}); its dates are kept in their own period.")
    return bounds


_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _reyear_undated(articles: list[Article], temporals: list[TemporalExpression], claims: list[Claim],
                    bounds: dict[str, tuple[date, date]]) -> None:
    """Give a date written without its year, in an article with no reference
    date and no full date within :data:`rashomon.dating.NEAR_YEAR` characters,
    the year that puts it in (or nearest to) the article's period, not the
    year of some distant date of the same text: a writer leaves out the year
    of a date in the current year (AP Stylebook, "dates"), and the period is
    the story's current time. A weekday written with the date keeps only the
    years whose calendar fits it. ``temporals`` and the ``time`` of the claims
    that hold them are changed in place."""
    by_art: dict[str, list[TemporalExpression]] = defaultdict(list)
    for t in temporals:
        by_art[t.article].append(t)
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.time:
            claims_of[c.article].append(c)
    for a in articles:
        if a.reference_date or a.id not in bounds or not by_art.get(a.id):
            continue
        lo, hi = bounds[a.id]
        own = [t for t in by_art[a.id] if not t.relative and t.event_kind != "post"]
        full = [t.start for t in own if _HAS_YEAR.search(t.text)]
        for t in own:
            if t.precision == "year" or _HAS_YEAR.search(t.text) or any(abs(f - t.start) <= NEAR_YEAR for f in full):
                continue
            d, _ = temporal.parse_iso(t.value)
            wd = temporal.weekday_named(t.text)
            years = [y for y in range(lo.year - 1, hi.year + 2)
                     if wd is None or temporal.year_of_weekday(d.month, d.day, wd, (y,))]
            if not years:
                continue
            y = min(years, key=lambda y: (_distance(_same_day(d, y), lo, hi), -y))
            if y != d.year:
                _move_year(t, y, claims_of[a.id])


def _same_day(d: date, year: int) -> date:
    """``d`` in ``year`` (29 February becomes 28 February)."""
    return date(year, d.month, min(d.day, 28 if d.month == 2 else d.day))


def _move_year(t: TemporalExpression, year: int, claims: list[Claim]) -> None:
    """Set ``t``'s year (value and end value) and that of the claims dated by it
    (``claims``: those of ``t``'s article that have a time, or any superset)."""
    old = t.value
    t.value = f"{year:04d}{old[4:]}"
    if t.end_value and t.end_value[:4] == old[:4]:
        t.end_value = f"{year:04d}{t.end_value[4:]}"
    for c in claims:
        if c.article == t.article and c.time and c.start <= t.start < c.end and c.time.start == old:
            if c.time.end == old:
                c.time.end = t.value
            c.time.start = t.value


def _distance(d: date, lo: date, hi: date) -> int:
    """Days from ``d`` to the range ``lo``..``hi`` (0 inside it)."""
    return (lo - d).days if d < lo else (d - hi).days if d > hi else 0


@functools.lru_cache(maxsize=1)
def _not_keywords() -> frozenset[str]:
    """Words never taken as keywords: stop words, generic nouns, month and weekday names."""
    return frozenset(_stopwords() | lexicon()["generic"] | set(temporal.MONTHS) | set(temporal._WEEKDAYS))


def _keywords(text: str) -> set[str]:
    """The distinctive words of ``text``, lowercased, a plural "-s" dropped.
    Each distinct word form is looked at once (the result is a set)."""
    skip = _not_keywords()
    out = set()
    for w in set(_WORD.findall(text)):
        w = w.lower().strip("'’")
        if w in skip:
            continue
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return out


def _day_key(value: str, precision: str) -> str:
    return value[:10] if precision in {"day", "minute"} else value


def build_timeline(articles: list[Article], claims: list[Claim], quotes: list[Quote],
                   temporals: list[TemporalExpression]) -> list[TimelineEntry]:
    """The corpus timeline: one entry per event, merged across sources.

    Parameters
    ----------
    articles : all articles (``reference_date`` set by :func:`resolve_article`);
        ``period``/``period_flag`` are set in place.
    claims, quotes : all claims and quotes (ids assigned); a claim whose span
        holds a dated expression, and a quote dated on that day in the same
        sentence, are listed on the event's entry.
    temporals : all resolved expressions; those with an ``event`` become events.

    Returns
    -------
    list[TimelineEntry] sorted by date. Events of several articles merge when
    their dates agree at the shared precision and they share a trigger family
    and a distinctive word (or are the same label); one once-only event given
    different dates by different sources yields separate entries whose
    ``conflict`` names the other date.
    """
    _reyear_undated(articles, temporals, claims, _periods(articles, temporals))
    art_by_id = {a.id: a for a in articles}
    texts = {a.id: body_text(a) for a in articles}
    df: Counter[str] = Counter()
    for a in articles:
        df.update(_keywords(texts[a.id]))
    common = {w for w, n in df.items() if len(articles) >= 3 and n > len(articles) / 2}
    claims_by_art: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        claims_by_art[c.article].append(c)
    claims_at = {art: ByStart(cs) for art, cs in claims_by_art.items()}
    dated_quotes: dict[tuple[str, str], list[Quote]] = defaultdict(list)  # (article, ISO day) → quotes
    for q in quotes:
        if q.id and q.date:
            dated_quotes[(q.article, q.date)].append(q)

    order = {a.id: i for i, a in enumerate(articles)}
    events = []
    for t in temporals:
        if not t.event or t.article not in art_by_id:
            continue
        text = texts[t.article]
        lo = t.sentence_start if t.sentence_start is not None else t.start
        hi = t.sentence_end if t.sentence_end is not None else t.end
        kw = _keywords(text[lo:hi]) - common
        kw |= _keywords(t.event)
        cl = [c.id for c in claims_at[t.article].containing(t.start, t.end) if c.id] \
            if t.article in claims_at else []
        qs = []
        for q in dated_quotes.get((t.article, t.value[:10]), ()):
            if t.event_kind == "post" and q.kind == "post":
                qs.append(q.id)
            elif q.cue_start is not None and lo <= q.cue_start <= hi:
                qs.append(q.id)
        events.append({"t": t, "order": order[t.article], "day": _day_key(t.value, t.precision), "fam": t.event_kind or "event",
                       "kw": kw, "claims": cl, "quotes": qs})

    # Union-find merge inside each day bucket.
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        buckets[e["day"]].append(i)
    for idx in buckets.values():
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                a, b = events[idx[x]], events[idx[y]]
                if _same_event(a, b):
                    parent[find(idx[x])] = find(idx[y])
    groups: dict[int, list[dict]] = defaultdict(list)
    for i, e in enumerate(events):
        groups[find(i)].append(e)

    entries: list[tuple[TimelineEntry, dict]] = []
    for members in groups.values():
        entry, meta = _entry(members, art_by_id)
        entries.append((entry, meta))
    _conflicts(entries)
    entries.sort(key=lambda p: (p[0].date, p[0].label))
    return [e for e, _ in entries]


def _same_event(a: dict, b: dict) -> bool:
    ta, tb = a["t"], b["t"]
    if ta.end_value != tb.end_value or (ta.precision in {"year", "month"}) != (tb.precision in {"year", "month"}):
        return False
    if ta.event == tb.event:
        return True
    if ta.article == tb.article and {a["fam"], b["fam"]} == {"speech", "post"}:
        return True  # "wrote on X on Friday" and the embedded post itself
    if a["fam"] != b["fam"]:
        return False
    if ta.article == tb.article:
        return a["fam"] != "speech"
    return len(a["kw"] & b["kw"]) >= 1 and a["fam"] != "speech" or len(a["kw"] & b["kw"]) >= 3


def _entry(members: list[dict], art_by_id: dict[str, Article]) -> tuple[TimelineEntry, dict]:
    temps = [m["t"] for m in members]
    values = {t.value for t in temps}
    if len(values) == 1:
        t0 = temps[0]
        value, prec = t0.value, t0.precision
    else:
        value, prec = temps[0].value[:10], "day"
    labels = Counter(t.event for t in temps)
    first = {}
    for m in sorted(members, key=lambda m: (m["order"], m["t"].start)):
        first.setdefault(m["t"].event, len(first))
    posts = {m["t"].event for m in members if m["fam"] == "post"}
    label = max(labels, key=lambda lab: (lab in posts, labels[lab], -first[lab]))
    arts = sorted({t.article for t in temps}, key=lambda k: (len(k), k))
    periods = Counter(art_by_id[k].period for k in arts if art_by_id[k].period)
    period = max(periods, key=lambda p: (periods[p], p)) if periods else None
    fams = Counter(m["fam"] for m in members)
    entry = TimelineEntry(
        date=value, end=temps[0].end_value, precision=prec, label=label,
        claims=sorted({c for m in members for c in m["claims"]}, key=lambda s: (len(s), s)),
        quotes=sorted({q for m in members for q in m["quotes"]}, key=lambda s: (len(s), s)),
        articles=arts, period=period,
    )
    kw = set().union(*(m["kw"] for m in members))
    return entry, {"fam": fams.most_common(1)[0][0], "kw": kw}


def _conflicts(entries: list[tuple[TimelineEntry, dict]]) -> None:
    """Mark entries of one unique kind of event (same family and period) dated
    to different days at most :data:`CONFLICT_WINDOW_DAYS` apart by different
    articles, when their labels or two keywords agree: each entry's
    ``conflict`` lists the others, in entry order. Entries are grouped by
    family and period and compared only within the window (sorted by day),
    not all pairs."""
    unique = lexicon()["unique"]
    groups: dict[tuple, list[tuple[int, int]]] = defaultdict(list)  # (family, period) → (day, entry index)
    for i, (e, m) in enumerate(entries):
        d, _ = temporal.parse_iso(e.date)
        if m["fam"] in unique and e.precision in {"day", "minute"} and d is not None:
            groups[m["fam"], e.period].append((d.toordinal(), i))
    partners: dict[int, list[int]] = defaultdict(list)
    for members in groups.values():
        members.sort()
        days = [d for d, _ in members]
        for k, (day, i) in enumerate(members):
            for _, j in members[k + 1:bisect.bisect_right(days, day + CONFLICT_WINDOW_DAYS)]:
                (ea, ma), (eb, mb) = entries[i], entries[j]
                if set(ea.articles) & set(eb.articles) or ea.date[:10] == eb.date[:10]:
                    continue
                if ea.label != eb.label and len(ma["kw"] & mb["kw"]) < 2:
                    continue
                partners[i].append(j)
                partners[j].append(i)
    for i, others in partners.items():
        for j in sorted(others):
            entries[i][0].conflict = _conflict_text(entries[j][0], entries[i][0].conflict)


def _conflict_text(other: TimelineEntry, prev: str | None) -> str:
    s = f"{other.date[:10]}: {other.label} ({', '.join(other.articles)})"
    return f"{prev}; {s}" if prev else s

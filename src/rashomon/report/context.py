"""One plain dict built from a :class:`~rashomon.types.Report` for every renderer.

``build_context(report)`` groups and sorts the report's records for display
(quotes by speaker, claims by proposition, a claims × sources matrix, timeline
geometry, article text segments); it never re-analyses anything: every value
shown comes from a field of the report. All strings are raw (unescaped); the
HTML template escapes them (Jinja autoescape), the Markdown template through
its ``md`` filter.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from typing import Any

from rashomon.types import Article, Claim, Entity, Quantity, Quote, Report

#: How a claim with ``speaker=None`` is shown: the contract's None speaker on a
#: claim means the article's own (narrator's) voice, not an unknown person.
NARRATOR = "narrator (outlet's own voice)"

#: Timeline chart geometry, in SVG user units (pixels).
CHART_WIDTH = 960
CHART_LEFT = 170
CHART_RIGHT = 50  # room for the last tick label (centred on its line)
LANE_HEIGHT = 22
CHART_TOP = 30


def colour(key: str, lightness: int = 82) -> str:
    """A stable pastel colour for ``key`` (a speaker or article id).

    The hue is taken from the MD5 digest of the key, so one speaker keeps one
    colour across runs and renderers. Returns a CSS ``hsl(...)`` string.
    """
    hue = int(hashlib.md5(key.encode("utf-8")).hexdigest()[:6], 16) % 360
    return f"hsl({hue}, 70%, {lightness}%)"


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def figure(q: Quantity) -> str:
    """A quantity as a phrase: ``"over 200 people killed"``, ``"10–12 killed"``."""
    value = _num(q.value)
    if q.high is not None:
        value = f"{value}–{_num(q.high)}"
    parts = []
    if q.approx and q.approx not in ("exact", "range"):
        parts.append(q.approx)
    parts.append(value)
    if q.unit:
        parts.append(q.unit)
    if q.of and q.of != q.unit:
        parts.append(q.of)
    return " ".join(parts)


def article_label(a: Article) -> str:
    """How an article is named in tables: its outlet, else its file name."""
    return a.outlet or a.name


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


def segments(article: Article, report: Report, speaker_colours: dict[str, str],
             entity_names: dict[str, str]) -> list[dict[str, Any]]:
    """Cut ``article.text`` into non-overlapping pieces, each with the
    annotations that cover it.

    Boundaries come from removed spans, foreign-language paragraphs, quotes and
    entity mentions of this article. Each piece is a dict ``{"text", "removed"
    (``{"reason", "title"}`` or None), "quote" (``{"id", "colour", "speaker"}``
    or None), "mention" (``{"entity", "name"}`` or None), "lang" (ISO code or
    None), "lang_start" (bool)}``. Adjacent pieces with equal annotations are
    merged. Offsets outside the text are clipped.
    """
    quotes = [q for q in report.quotes if q.article == article.id]
    mentions = [(e, m) for e in report.entities for m in e.mentions if m.article == article.id]
    return _segments(article, quotes, mentions, speaker_colours, entity_names)


def _segments(article: Article, quotes: list[Quote], mentions: list[tuple[Entity, Any]],
              speaker_colours: dict[str, str], entity_names: dict[str, str]) -> list[dict[str, Any]]:
    """:func:`segments` given the article's own quotes and (entity, mention)
    pairs, in report order (:func:`build_context` groups them once for all
    articles rather than scanning the report per article)."""
    text = article.text
    n = len(text)
    spans: list[tuple[int, int, str, Any]] = []
    for r in article.removed:
        title = r.reason + (f": {r.detail}" if r.detail else "")
        spans.append((r.start, r.end, "removed", {"reason": r.reason, "title": title}))
    for ls in article.languages:
        spans.append((ls.start, ls.end, "lang", ls.language or "other"))
    for q in quotes:
        key = q.speaker or ""
        speaker = entity_names.get(q.speaker or "", None) or q.speaker_text or "unattributed"
        spans.append((q.start, q.end, "quote", {
            "id": q.id, "colour": speaker_colours.get(key, "hsl(0, 0%, 88%)"),
            "speaker": speaker, "kind": q.kind,
        }))
    for e, m in mentions:
        spans.append((m.start, m.end, "mention", {"entity": e.id, "name": e.name, "type": e.type}))
    bounds = {0, n}
    clean: list[tuple[int, int, str, Any]] = []
    for s, e, kind, val in spans:
        s, e = max(0, min(s, n)), max(0, min(e, n))
        if e > s:
            clean.append((s, e, kind, val))
            bounds.update((s, e))
    cuts = sorted(bounds)
    # Sweep: spans sorted by start; for each piece, find the innermost covering span per kind.
    by_start = sorted(clean, key=lambda t: (t[0], -t[1]))
    active: list[tuple[int, int, str, Any]] = []
    j = 0
    pieces: list[dict[str, Any]] = []
    for lo, hi in zip(cuts, cuts[1:]):
        while j < len(by_start) and by_start[j][0] <= lo:
            active.append(by_start[j])
            j += 1
        active = [t for t in active if t[1] > lo]
        ann: dict[str, Any] = {"removed": None, "quote": None, "mention": None, "lang": None, "lang_start": False}
        for s, e, kind, val in active:  # later (inner) spans win
            ann[kind] = val
            if kind == "lang" and s == lo:
                ann["lang_start"] = True
        prev = pieces[-1] if pieces else None
        if prev and not ann["lang_start"] and all(prev[k] is ann[k] or prev[k] == ann[k]
                                                  for k in ("removed", "quote", "mention", "lang")):
            prev["text"] += text[lo:hi]
        else:
            pieces.append({"text": text[lo:hi], **ann})
    return pieces


PRONOUNS = {"i", "we", "he", "she", "it", "they", "you"}


def _claim_view(c: Claim, arts: dict[str, Article], names: dict[str, str]) -> dict[str, Any]:
    a = arts.get(c.article)
    return {
        "id": c.id,
        "article": c.article,
        "source": article_label(a) if a else c.article,
        "speaker": names.get(c.speaker, c.speaker) if c.speaker else NARRATOR,
        "speaker_id": c.speaker,
        # who holds the claim: the speaker, else the words of the text that name its holder
        "holder": names.get(c.speaker, c.speaker) if c.speaker else (
            c.holder_text if c.holder_text and c.holder_text.lower() not in PRONOUNS else NARRATOR),
        "stance": c.stance,
        "text": c.text,
        "figures": [figure(q) for q in c.quantities],
        "modality": c.modality,
        "polarity": c.polarity,
        "hedges": list(c.hedges),
        "time": c.time.start if c.time else None,
        "start": c.start,
        "end": c.end,
    }


def _side_letter(i: int) -> str:
    """A, B, …, Z, AA, AB, … for side number ``i`` (0-based)."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def _components(nodes: list[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """Connected components of an undirected graph, in first-seen node order (BFS)."""
    pos = {n: i for i, n in enumerate(nodes)}
    seen: set[str] = set()
    comps = []
    for n in nodes:
        if n in seen:
            continue
        seen.add(n)
        comp, queue = [], [n]
        while queue:
            x = queue.pop(0)
            comp.append(x)
            for y in sorted(edges[x], key=pos.__getitem__):
                if y not in seen:
                    seen.add(y)
                    queue.append(y)
        comps.append(comp)
    return comps


def tag_ranges(tags: list[str]) -> str:
    """Claim tags as compact runs: ``["A1", "A2", "A3", "B1"]`` -> ``"A1–A3, B1"``."""
    runs: list[list[Any]] = []
    for t in tags:
        letter = t.rstrip("0123456789")
        num = int(t[len(letter):])
        if runs and runs[-1][0] == letter and runs[-1][2] == num - 1:
            runs[-1][2] = num
        else:
            runs.append([letter, num, num])
    return ", ".join(f"{a}{lo}" if lo == hi else f"{a}{lo}{', ' if hi == lo + 1 else '–'}{a}{hi}"
                     for a, lo, hi in runs)


def _reasons(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Distinct reasons of relation items, each once with its pair count
    (most frequent first, then first seen)."""
    counts: dict[str, int] = {}
    for it in items:
        counts[it["reason"]] = counts.get(it["reason"], 0) + 1
    order = list(counts)
    return [{"reason": r, "pairs": counts[r]}
            for r in sorted(order, key=lambda r: (-counts[r], order.index(r)))]


def _by_question(items: list[dict[str, Any]], report: Report) -> list[tuple[str | None, str, list[dict]]]:
    """Relation items grouped by question: the pairs found under one proposition
    join another proposition's when that proposition holds all their claims and
    more (a pair of "whether there were casualties" whose claims both answer
    "harm to civilians" is part of that dispute); ``(proposition id, label,
    items)`` in the report's proposition order."""
    groups = _by_proposition(items, report)
    members = {p.id: set(p.claims) for p in report.propositions}
    into: dict[str | None, str | None] = {}
    for pid, _, group in groups:
        used = {it[side]["id"] for it in group for side in ("a", "b")}
        hosts = [(len(members[q]), q) for q, _, g in groups
                 if q != pid and q in members and used <= members[q] and len(members[q]) > len(members.get(pid, ()))]
        into[pid] = max(hosts)[1] if hosts else pid
    merged: dict[str | None, list[dict]] = defaultdict(list)
    for pid, _, group in groups:
        merged[into[pid]].extend(group)
    labels = {pid: label for pid, label, _ in groups}
    return [(pid, labels[pid], merged[pid]) for pid, _, _ in groups if pid in merged]


def _by_proposition(items: list[dict[str, Any]], report: Report) -> list[tuple[str | None, str, list[dict]]]:
    """Relation items grouped by proposition: ``(proposition id, label, items)``
    in the report's proposition order; items whose relation names no known
    proposition and whose two claims share none go last under ``other claims``."""
    claim_props: dict[str, list[str]] = defaultdict(list)
    for p in report.propositions:
        for cid in p.claims:
            claim_props[cid].append(p.id)
    labels = {p.id: p.label for p in report.propositions}
    groups: dict[str | None, list[dict]] = defaultdict(list)
    for it in items:
        pid = it["proposition"] if it["proposition"] in labels else None
        if pid is None:
            shared = [x for x in claim_props[it["a"]["id"]] if x in claim_props[it["b"]["id"]]]
            pid = shared[0] if shared else None
        groups[pid].append(it)
    order = [p.id for p in report.propositions if p.id in groups] + ([None] if None in groups else [])
    return [(pid, labels.get(pid or "", "other claims"), groups[pid]) for pid in order]


def _graph(items: list[dict[str, Any]]) -> tuple[list[str], dict[str, set[str]], dict[str, dict]]:
    """Nodes (claim ids in first-seen order), adjacency and claim views of relation items."""
    nodes: list[str] = []
    edges: dict[str, set[str]] = defaultdict(set)
    views: dict[str, dict] = {}
    for it in items:
        for side in ("a", "b"):
            cid = it[side]["id"]
            if cid not in views:
                views[cid] = it[side]
                nodes.append(cid)
        if it["a"]["id"] != it["b"]["id"]:
            edges[it["a"]["id"]].add(it["b"]["id"])
            edges[it["b"]["id"]].add(it["a"]["id"])
    for n in nodes:
        edges.setdefault(n, set())
    return nodes, edges, views


def _sides(comp: list[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """Split one connected contradiction graph into sides no two of whose
    claims contradict each other.

    Claims that contradict exactly the same set of claims are first merged into
    one cluster (never contradicting each other); clusters are then coloured
    greedily in breadth-first order, which yields exactly two sides whenever
    the graph is bipartite and more otherwise. Sides are returned largest
    first; claim order within a side follows ``comp``.
    """
    clusters: dict[frozenset[str], list[str]] = {}
    for c in comp:
        clusters.setdefault(frozenset(edges[c]), []).append(c)
    cl_of = {c: key for key, members in clusters.items() for c in members}
    keys = list(clusters)
    cl_edges: dict[frozenset[str], set[frozenset[str]]] = {k: {cl_of[n] for n in k} for k in keys}
    colour_of: dict[frozenset[str], int] = {}
    for start in keys:
        if start in colour_of:
            continue
        queue = [start]
        seen = {start}
        while queue:
            k = queue.pop(0)
            used = {colour_of[n] for n in cl_edges[k] if n in colour_of}
            colour_of[k] = next(i for i in range(len(keys) + 1) if i not in used)
            for n in sorted(cl_edges[k], key=keys.index):
                if n not in seen and n not in colour_of:
                    seen.add(n)
                    queue.append(n)
    n_sides = max(colour_of.values()) + 1
    sides: list[list[str]] = [[] for _ in range(n_sides)]
    for c in comp:
        sides[colour_of[cl_of[c]]].append(c)
    sides = [s for s in sides if s]
    sides.sort(key=lambda s: (-len(s), comp.index(s[0])))
    return sides


def _tag_key(t: str) -> tuple[str, int]:
    letter = t.rstrip("0123456789")
    return (len(letter), letter, int(t[len(letter):]))


def _tagged_pairs(pairs: list[dict[str, Any]], tag: dict[str, str]) -> list[dict[str, Any]]:
    """Pairs with ``a_tag``/``b_tag``, the earlier side's claim first, sorted by tags."""
    out = []
    for it in pairs:
        ta, tb = tag[it["a"]["id"]], tag[it["b"]["id"]]
        if _tag_key(tb) < _tag_key(ta):
            it = {**it, "a": it["b"], "b": it["a"]}
            ta, tb = tb, ta
        out.append({**it, "a_tag": ta, "b_tag": tb})
    out.sort(key=lambda it: (_tag_key(it["a_tag"]), _tag_key(it["b_tag"])))
    return out


def _voices(views: list[dict[str, Any]]) -> int:
    """Distinct voices among claim views: each named speaker once, each
    article's narrator once."""
    return len({v["speaker_id"] or f"narrator:{v['article']}" for v in views})


def _first_by_speaker(comp: list[str], views: dict[str, dict]) -> list[str]:
    """The first claim of each named speaker in ``comp`` (narrator claims skipped)."""
    seen: dict[str, str] = {}
    for c in comp:
        sid = views[c]["speaker_id"]
        if sid and sid not in seen:
            seen[sid] = c
    return list(seen.values())


def _disputes(items: list[dict[str, Any]], report: Report) -> list[dict[str, Any]]:
    """Contradiction pairs regrouped per question into disputes with sides.

    The contradicting claims of one question (:func:`_by_question`: a
    proposition, with the propositions whose pairs share a claim with it) are
    one dispute: ``{"proposition", "label", "claims" (count), "sides", "reasons",
    "pairs", "self_contradictions" (pairs from one speaker), "both_sides"
    (named speakers with claims on more than one side)}``. ``sides`` is a list of ``{"letter", "claims",
    "groups", "speakers", "sources"}``; each claim view gains a ``tag``
    (``"A1"``); ``groups`` cluster a side's claims that contradict the same set
    of claims, with ``against`` (tags) and ``against_all`` (True when that set
    is every claim on the other sides) and ``against_text`` (tags as runs,
    ``"B1–B3"``). ``reasons`` lists each distinct reason
    once with its pair count; ``pairs`` keeps every pair for auditing.
    """
    disputes = []
    for pid, label, group in _by_question(items, report):
        nodes, edges, views = _graph(group)
        for comp in [nodes]:  # one dispute per question, however many separate clashes it holds
            comp_set = set(comp)
            pairs = group
            sides = _sides(comp, edges)
            tag: dict[str, str] = {}
            side_views = []
            for i, side in enumerate(sides):
                letter = _side_letter(i)
                # claims with the same contradicted set sit together, biggest cluster first
                clusters: dict[frozenset[str], list[str]] = {}
                for c in sorted(side, key=lambda c: (views[c]["article"], views[c]["start"])):
                    clusters.setdefault(frozenset(edges[c]), []).append(c)
                ordered = sorted(clusters.items(), key=lambda kv: (-len(kv[1]), -len(kv[0])))
                n = 0
                for _, members in ordered:
                    for c in members:
                        n += 1
                        tag[c] = f"{letter}{n}"
                side_views.append((letter, ordered))
            out_sides = []
            for (letter, ordered), side in zip(side_views, sides):
                others = comp_set - set(side)
                groups = []
                for against, members in ordered:
                    groups.append({
                        "against": sorted((tag[x] for x in against), key=lambda t: (len(t), t)),
                        "against_all": set(against) == others,
                        "against_text": tag_ranges(sorted((tag[x] for x in against),
                                                          key=lambda t: (len(t), t))),
                        "claims": [{**views[c], "tag": tag[c]} for c in members],
                    })
                claims_in = [cv for g in groups for cv in g["claims"]]
                out_sides.append({
                    "letter": letter, "claims": claims_in, "groups": groups,
                    "speakers": list(dict.fromkeys(cv["speaker"] for cv in claims_in)),
                    "holders": list(dict.fromkeys(cv["holder"] for cv in claims_in)),
                    "sources": list(dict.fromkeys(cv["source"] for cv in claims_in)),
                })
            disputes.append({
                "proposition": pid,
                "label": label,
                "sides": out_sides,
                "reasons": _reasons(pairs),
                "pairs": _tagged_pairs(pairs, tag),
                "self_contradictions": sum(1 for it in pairs if not it["independent"]),
                "both_sides": [views[c]["speaker"] for c in dict.fromkeys(
                    _first_by_speaker(comp, views)) if sum(
                    any(views[x]["speaker_id"] == views[c]["speaker_id"] for x in side) for side in sides) > 1],
                "claims": len(comp),
            })
    return disputes


def _connected(items: list[dict[str, Any]], kind: str, report: Report):
    """Pairs of one relation ``kind``, per proposition, as connected sets of
    claims: yields ``(proposition id, label, claim views, pairs)``."""
    for pid, label, group in _by_proposition([it for it in items if it["kind"] == kind], report):
        nodes, edges, views = _graph(group)
        for comp in _components(nodes, edges):
            comp_set = set(comp)
            yield pid, label, [views[c] for c in comp], [it for it in group if it["a"]["id"] in comp_set]


def _agreement_groups(items: list[dict[str, Any]], report: Report) -> list[dict[str, Any]]:
    """``agrees`` pairs regrouped per proposition: each connected set of
    agreeing claims is one group ``{"proposition", "label", "claims", "speakers",
    "sources", "voices" (named speakers plus one narrator per article), "reasons",
    "pairs", "independent"}`` (``independent`` False when
    every pair in it shares one original speaker)."""
    out = []
    for pid, label, claims_in, pairs in _connected(items, "agrees", report):
        claims_in = sorted(claims_in, key=lambda v: (v["article"], v["start"]))
        out.append({
            "proposition": pid, "label": label, "claims": claims_in,
            "speakers": list(dict.fromkeys(v["speaker"] for v in claims_in)),
            "sources": list(dict.fromkeys(v["source"] for v in claims_in)),
            "voices": _voices(claims_in),
            "reasons": _reasons(pairs), "pairs": pairs,
            "independent": any(it["independent"] for it in pairs),
        })
    return out


def _published_order(arts: dict[str, Article]):
    """A sort key for claim views: earliest-published article first (undated
    last), then article id and offset."""
    def when(v: dict) -> tuple:
        pub = arts[v["article"]].published if v["article"] in arts else None
        return (pub is None, pub or "", v["article"], v["start"])
    return when


def _revision_chains(items: list[dict[str, Any]], report: Report, arts: dict[str, Article]) -> list[dict[str, Any]]:
    """``revises`` pairs (one holder replacing its own figure, or a figure said to
    have risen or fallen) as chains: each connected set of claims is one chain
    ``{"proposition", "label", "holders", "steps" (claim views, earliest
    published first), "reasons"}``. A revision is never a contradiction."""
    out = []
    for pid, label, claims_in, pairs in _connected(items, "revises", report):
        steps = sorted(claims_in, key=_published_order(arts))
        out.append({"proposition": pid, "label": label, "steps": steps,
                    "holders": list(dict.fromkeys(v["holder"] for v in steps)), "reasons": _reasons(pairs)})
    return out


def _repeat_groups(items: list[dict[str, Any]], report: Report,
                   arts: dict[str, Article]) -> list[dict[str, Any]]:
    """``repeats`` pairs (the same words relayed by several articles) as one row
    per set of connected claims: ``{"proposition", "label", "speaker",
    "speaker_id", "text", "claims", "sources", "reasons", "pairs"}``. The row's
    speaker is the most frequent named speaker among its claims (else the
    narrator); its text is the claim of the earliest-published article (ties:
    the first article id). Repeats are never independent corroboration."""
    out = []
    for pid, label, claims_in, pairs in _connected(items, "repeats", report):
        claims_in = sorted(claims_in, key=_published_order(arts))
        named = [v["speaker_id"] for v in claims_in if v["speaker_id"]]
        sid = max(dict.fromkeys(named), key=named.count) if named else None
        head = next((v for v in claims_in if v["speaker_id"] == sid), claims_in[0])
        out.append({
            "proposition": pid, "label": label, "speaker": head["speaker"], "speaker_id": sid,
            "text": head["text"], "claims": claims_in,
            "sources": list(dict.fromkeys(v["source"] for v in claims_in)),
            "reasons": _reasons(pairs), "pairs": pairs,
        })
    return out


def _stance(claims: list[Claim]) -> str:
    """asserts / denies / hedges for the claims one source makes on one proposition."""
    kinds = set()
    for c in claims:
        if c.polarity == "negated" or c.modality == "denied":
            kinds.add("denies")
        elif c.modality == "hedged":
            kinds.add("hedges")
        else:
            kinds.add("asserts")
    return " / ".join(sorted(kinds))


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
            "speaker_text": q.speaker_text, "relayed_by": relay,
            "colour": speaker_colours.get(q.speaker or "", "hsl(0, 0%, 88%)"),
        }

    speakers = []
    for sid, qs in groups.items():
        e = ents.get(sid)
        role = (e.role if e else None) or next((q.speaker_role for q in qs if q.speaker_role), None)
        aff = (e.affiliation if e else None) or next((q.speaker_affiliation for q in qs if q.speaker_affiliation), None)
        outlets = sorted({article_label(arts[q.article]) for q in qs if q.article in arts})
        speakers.append({
            "id": sid, "name": names.get(sid, sid), "type": e.type if e else None,
            "role": role, "affiliation": aff, "outlets": outlets,
            "colour": speaker_colours.get(sid, "hsl(0, 0%, 88%)"),
            "original": sum(1 for q in qs if not (q.relayed_by or q.relayed_by_text)),
            "relayed": sum(1 for q in qs if q.relayed_by or q.relayed_by_text),
            "quotes": [qview(q) for q in sorted(qs, key=lambda q: (q.article, q.start))],
        })
    speakers.sort(key=lambda s: (-len(s["quotes"]), s["name"].casefold()))
    unattr = [qview(q) for q in sorted(unattributed, key=lambda q: (q.article, q.start))]
    return speakers, unattr


def _timeline(report: Report, arts: dict[str, Article]) -> dict[str, Any]:
    entries = []
    for i, t in enumerate(sorted(report.timeline, key=lambda t: (t.date, t.end or ""))):
        entries.append({
            "date": t.date, "end": t.end, "precision": t.precision, "label": t.label,
            "sources": [article_label(arts[a]) if a in arts else a for a in t.articles],
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


def _term_key(term: str) -> str:
    """``term`` case-folded, curly apostrophes straight, a plural "-s" dropped."""
    t = term.casefold().replace("’", "'")
    return t[:-1] if len(t) > 4 and t.endswith("s") and not t.endswith("ss") else t


def _framing_rivals(report: Report, arts: dict[str, Article], names: dict[str, str]) -> list[dict[str, Any]]:
    """Rival terms for one thing across sources: per framing ``group`` (a
    lexicon set of rival terms or a place with rival names), the terms the
    narrators use, each with the sources that write it, when at least two
    terms are used by at least two sources. A term written with qualifiers
    counts under the shortest term it ends with ("Kastri disaster" under
    "disaster"); letter case, apostrophe glyphs and a plural "-s" are
    ignored. Groups with the most sources first."""
    groups: dict[str, dict[str, dict[str, Any]]] = {}
    for f in sorted(report.framing, key=lambda f: (len(f.term), f.term != f.term.lower())):
        if f.voice != "narrator" or not f.group:
            continue
        terms = groups.setdefault(f.group, {})
        folded = _term_key(f.term)
        key = next((k for k in terms if folded == k or folded.endswith(" " + k)), folded)
        slot = terms.setdefault(key, {"term": f.term, "articles": [], "category": f.category})
        if f.article not in slot["articles"]:
            slot["articles"].append(f.article)
    out = []
    for group, terms in groups.items():
        used = {a for t in terms.values() for a in t["articles"]}
        if len(terms) < 2 or len(used) < 2:
            continue
        rows = sorted(terms.values(), key=lambda t: (-len(t["articles"]), t["term"].casefold()))
        out.append({
            "group": group, "label": names.get(group) or rows[0]["category"] or group,
            "terms": [{"term": t["term"], "sources": [article_label(arts[a]) if a in arts else a for a in t["articles"]]}
                      for t in rows],
            "sources": len(used),
        })
    out.sort(key=lambda g: (-g["sources"], g["label"]))
    return out


def build_context(report: Report) -> dict[str, Any]:
    """Build the display context every renderer (HTML, Markdown) reads.

    Parameters
    ----------
    report : the analysed corpus.

    Returns
    -------
    dict : plain values only (str, int, float, bool, None, lists, dicts), keys
        ``generator``, ``summary``, ``articles``, ``skipped``, ``speakers``,
        ``unattributed``, ``entities``, ``propositions``, ``contradictions``
        and ``agreements`` (pair by pair: agrees, repeats, revises), ``disputes``
        (contradictions grouped per proposition into sides, see :func:`_disputes`),
        ``agreement_groups``, ``repeat_groups`` and ``revisions`` (see
        :func:`_agreement_groups`, :func:`_repeat_groups`, :func:`_revision_chains`),
        ``matrix``, ``reuse``, ``framing``, ``framing_rivals`` (:func:`_framing_rivals`),
        ``timeline``,
        ``period_flags``. Unknown values are None.
    """
    arts = {a.id: a for a in report.articles}
    ents = {e.id: e for e in report.entities}
    names = {e.id: e.name for e in report.entities}
    claims = {c.id: c for c in report.claims}
    speaker_ids = sorted({q.speaker for q in report.quotes if q.speaker} | {c.speaker for c in report.claims if c.speaker})
    speaker_colours = {sid: colour(sid) for sid in speaker_ids}

    speakers, unattributed = _speakers(report, arts, ents, names, speaker_colours)

    quotes_by: dict[str, list[Quote]] = defaultdict(list)
    for q in report.quotes:
        quotes_by[q.article].append(q)
    mentions_by: dict[str, list[tuple[Entity, Any]]] = defaultdict(list)
    for e in report.entities:
        for m in e.mentions:
            mentions_by[m.article].append((e, m))
    articles = []
    for a in report.articles:
        articles.append({
            "id": a.id, "name": a.name, "path": a.path, "title": a.title, "outlet": a.outlet,
            "published": a.published, "language": a.language, "url": a.url, "format": a.format,
            "words_kept": a.words_kept, "words_removed": a.words_removed,
            "period": a.period, "period_flag": a.period_flag, "label": article_label(a),
            "removed": [{"reason": r.reason, "detail": r.detail, "text": r.text, "start": r.start, "end": r.end}
                        for r in a.removed],
            "languages": [{"language": ls.language, "start": ls.start, "end": ls.end} for ls in a.languages],
            "segments": _segments(a, quotes_by[a.id], mentions_by[a.id], speaker_colours, names),
        })

    entities = []
    for e in sorted(report.entities, key=lambda e: (-len(e.mentions), e.name.casefold())):
        forms = e.forms
        if not forms:  # group mentions by surface form when linking left forms empty
            tmp: dict[str, set[str]] = defaultdict(set)
            for m in e.mentions:
                tmp[m.text].add(m.article)
            forms = {k: sorted(v) for k, v in tmp.items()}
        entities.append({
            "id": e.id, "name": e.name, "type": e.type, "role": e.role, "affiliation": e.affiliation,
            "mentions": len(e.mentions),
            "forms": [{"form": f, "sources": sorted({article_label(arts[x]) if x in arts else x for x in ids})}
                      for f, ids in sorted(forms.items(), key=lambda kv: kv[0].casefold())],
            # a place's rival names, each with the outlets that use it (the name joins them all)
            "rivals": [{"name": r.name, "sources": [article_label(arts[x]) if x in arts else x for x in r.articles]}
                       for r in e.rival_names],
        })

    views: dict[str, dict[str, Any]] = {}  # one view per claim, shared by every row and pair (never mutated)

    def view(cid: str) -> dict[str, Any]:
        v = views.get(cid)
        if v is None:
            v = views[cid] = _claim_view(claims[cid], arts, names)
        return v

    propositions = []
    for p in report.propositions:
        rows = [view(cid) for cid in p.claims if cid in claims]
        rows.sort(key=lambda r: (r["article"], r["start"]))
        propositions.append({"id": p.id, "label": p.label, "rows": rows})

    contradictions, agreements = [], []
    for r in report.relations:
        if r.a not in claims or r.b not in claims:
            continue
        item = {"kind": r.kind, "a": view(r.a), "b": view(r.b), "reason": r.reason, "independent": r.independent,
                "proposition": r.proposition}
        (contradictions if r.kind == "contradicts" else agreements).append(item)

    # claims × sources: one row per proposition, one column per article
    claimed = {c.article for c in report.claims}
    columns = [a for a in report.articles if a.id in claimed]
    matrix_rows = []
    for p in report.propositions:
        per_article: dict[str, list[Claim]] = defaultdict(list)
        for cid in p.claims:
            if cid in claims:
                per_article[claims[cid].article].append(claims[cid])
        matrix_rows.append({"label": p.label, "cells": [_stance(per_article[a.id]) if per_article.get(a.id) else "silent"
                                                        for a in columns]})
    matrix = {"columns": [article_label(a) for a in columns], "rows": matrix_rows}

    reuse = []
    for r in report.reuse:
        a, b = arts.get(r.a), arts.get(r.b)
        a_text = a.text[r.a_start:r.a_end] if a else (r.text or "")
        b_text = b.text[r.b_start:r.b_end] if b else (r.text or "")
        reuse.append({
            "a": article_label(a) if a else r.a, "a_id": r.a, "a_start": r.a_start, "a_end": r.a_end, "a_text": a_text,
            "b": article_label(b) if b else r.b, "b_id": r.b, "b_start": r.b_start, "b_end": r.b_end, "b_text": b_text,
            "words": len(a_text.split()), "similarity": r.similarity,
        })

    framing_by: dict[str, dict[str, list]] = {}
    for f in report.framing:
        slot = framing_by.setdefault(f.article, {"narrator": [], "quoted": []})
        if f.voice == "narrator":
            slot["narrator"].append({"term": f.term, "count": f.count, "category": f.category})
        else:
            slot["quoted"].append({"term": f.term, "count": f.count, "category": f.category,
                                   "voice": names.get(f.voice, f.voice if f.voice != "quoted" else "unattributed")})
    framing = []
    for a in report.articles:
        if a.id in framing_by:
            slot = framing_by[a.id]
            framing.append({"article": a.id, "source": article_label(a),
                            "narrator": sorted(slot["narrator"], key=lambda t: (-t["count"], t["term"])),
                            "quoted": sorted(slot["quoted"], key=lambda t: (-t["count"], t["term"]))})
    framing_rivals = _framing_rivals(report, arts, names)

    disputes = _disputes(contradictions, report)
    agreement_groups = _agreement_groups(agreements, report)
    repeat_groups = _repeat_groups(agreements, report, arts)
    revisions = _revision_chains(agreements, report, arts)
    summary = {
        "articles": len(report.articles), "skipped": len(report.skipped), "entities": len(report.entities),
        "quotes": len(report.quotes), "claims": len(report.claims), "propositions": len(report.propositions),
        "contradictions": len(contradictions), "disputes": len(disputes),
        "agreements": sum(1 for x in agreements if x["kind"] == "agrees"),
        "repeats": sum(1 for x in agreements if x["kind"] == "repeats"), "revisions": len(revisions),
        "reuse": len(report.reuse),
        "timeline": len(report.timeline),
    }
    return {
        "schema": report.schema_,
        "generator": {"name": report.generator.name, "version": report.generator.version},
        "summary": summary,
        "articles": articles,
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "speakers": speakers,
        "unattributed": unattributed,
        "entities": entities,
        "propositions": propositions,
        "contradictions": contradictions,
        "agreements": agreements,
        "disputes": disputes,
        "narrator": NARRATOR,
        "agreement_groups": agreement_groups,
        "repeat_groups": repeat_groups,
        "revisions": revisions,
        "matrix": matrix,
        "reuse": reuse,
        "framing": framing,
        "framing_rivals": framing_rivals,
        "timeline": _timeline(report, arts),
        "period_flags": [{"source": article_label(a), "period": a.period, "flag": a.period_flag}
                         for a in report.articles if a.period_flag],
    }

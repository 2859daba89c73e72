"""Claims as display views, and the relations between them grouped for reading.

:func:`_claim_view` is the one view of a claim every row and pair shares.
Relation pairs are grouped by proposition (:func:`_by_proposition`) or by
question (:func:`_by_question`) and, within a group, into connected sets of
claims: agreement groups, repeats (one row per set of relayed words) and
revision chains. :func:`_stance` is a source's stance on one proposition, a
cell of the claims × sources matrix. Contradictions are grouped into
disputes with sides in :mod:`~rashomon.report.disputes`.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from rashomon.report.labels import article_label, figure, holder_name, question_labels, stance_note
from rashomon.types import Article, Claim, Quantity, Report

def _claim_view(c: Claim, arts: dict[str, Article], names: dict[str, str]) -> dict[str, Any]:
    a = arts.get(c.article)
    holder = holder_name(names.get(c.speaker, c.speaker) if c.speaker else None, c.holder_text)
    return {
        "id": c.id,
        "article": c.article,
        "source": article_label(a) if a else c.article,
        # who holds the claim, one name in every output (``speaker`` kept for the renderers that read it)
        "speaker": holder,
        "speaker_id": c.speaker,
        "holder": holder,
        "stance": c.stance,
        "stance_cue": c.stance_cue,
        # the holder's stance in a few words ("denies"), shown beside the claim in every section
        "stance_note": stance_note(c.stance, c.polarity, c.modality, c.stance_cue),
        "text": c.text,
        "figures": [figure(q) for q in c.quantities],
        "modality": c.modality,
        "polarity": c.polarity,
        "hedges": list(c.hedges),
        "time": c.time.start if c.time else None,
        "start": c.start,
        "end": c.end,
    }


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


def _reasons(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Distinct reasons of relation items, each once with its pair count
    (most frequent first, then first seen)."""
    counts: dict[str, int] = {}
    for it in items:
        counts[it["reason"]] = counts.get(it["reason"], 0) + 1
    order = list(counts)
    return [{"reason": r, "pairs": counts[r]}
            for r in sorted(order, key=lambda r: (-counts[r], order.index(r)))]


#: How many distinct reasons a "Why" summary shows before "and N more".
WHY_SHOWN = 3
#: How long one reason of a "Why" summary may be (characters).
WHY_CHARS = 240


def _why(reasons: list[dict[str, Any]]) -> dict[str, Any]:
    """A short "Why" for a group of pairs: its first :data:`WHY_SHOWN` distinct
    reasons (``reasons`` as :func:`_reasons` gives them, most frequent first),
    each cut to :data:`WHY_CHARS` characters, and how many more there are.

    Returns ``{"shown": [{"reason", "pairs"}], "more": int}``; the pair-by-pair
    list beside it keeps every reason in full.
    """
    shown = [{**r, "reason": r["reason"] if len(r["reason"]) <= WHY_CHARS else r["reason"][: WHY_CHARS - 1].rstrip() + "…"}
             for r in reasons[:WHY_SHOWN]]
    return {"shown": shown, "more": len(reasons) - len(shown)}


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
    labels = question_labels(report)
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


def _voices(views: list[dict[str, Any]]) -> int:
    """Distinct voices among claim views: each named speaker once, each
    article's narrator once."""
    return len({v["speaker_id"] or f"narrator:{v['article']}" for v in views})


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
    agreeing claims, split so that no two of its claims contradict each other
    (:func:`_agreeing_sets`), is one group ``{"proposition", "label", "claims", "speakers",
    "sources", "voices" (named speakers plus one narrator per article), "reasons",
    "pairs", "independent"}`` (``independent`` False when
    every pair in it shares one original speaker)."""
    clash = {frozenset((r.a, r.b)) for r in report.relations if r.kind == "contradicts"}
    out = []
    for pid, label, claims_all, pairs_all in _connected(items, "agrees", report):
        views = {v["id"]: v for v in claims_all}
        for ids in _agreeing_sets(pairs_all, clash):
            pairs = [it for it in pairs_all if it["a"]["id"] in ids and it["b"]["id"] in ids]
            claims_in = sorted((views[c] for c in ids), key=lambda v: (v["article"], v["start"]))
            out.append(_agreement_group(pid, label, claims_in, pairs))
    return out


def _agreeing_sets(pairs: list[dict[str, Any]], clash: set[frozenset]) -> list[set[str]]:
    """Split the claims of connected ``agrees`` pairs into sets no two of whose
    claims contradict each other (``clash``: contradicting pairs of claim ids).

    Figures agree by overlapping intervals, which is not transitive: "at least
    three" agrees with "three" and with "five", which contradict each other. Each
    pair joins the first set that holds one of its claims and contradicts the
    other in nothing, else starts a set; sets whose union holds no contradiction
    are then merged. A claim that fits two sides ("at least three") is in both;
    without contradictions the result is the connected set itself. Sets are in
    the order their first pair comes."""
    sets: list[set[str]] = []

    def fits(c: str, s: set[str]) -> bool:
        return not any(frozenset((c, x)) in clash for x in s)

    for it in pairs:
        a, b = it["a"]["id"], it["b"]["id"]
        if frozenset((a, b)) in clash or any(a in s and b in s for s in sets):
            continue  # a pair also read as contradicting joins nothing
        for s in sets:
            if (a in s and fits(b, s)) or (b in s and fits(a, s)):
                s.update((a, b))
                break
        else:
            sets.append({a, b})
    merged = True
    while merged:
        merged = False
        for i, j in ((i, j) for i in range(len(sets)) for j in range(i + 1, len(sets))):
            if sets[i] & sets[j] and all(fits(c, sets[i]) for c in sets[j] - sets[i]):
                sets[i] |= sets.pop(j)
                merged = True
                break
    return sets


def _agreement_group(pid: str | None, label: str, claims_in: list[dict[str, Any]],
                     pairs: list[dict[str, Any]]) -> dict[str, Any]:
    """One agreement group record (see :func:`_agreement_groups`)."""
    return {
        "proposition": pid, "label": label, "claims": claims_in,
        "speakers": list(dict.fromkeys(v["speaker"] for v in claims_in)),
        "sources": list(dict.fromkeys(v["source"] for v in claims_in)),
        "voices": _voices(claims_in),
        "reasons": _reasons(pairs), "why": _why(_reasons(pairs)), "pairs": pairs,
        "independent": any(it["independent"] for it in pairs),
    }


def _published_order(arts: dict[str, Article], claim_time: bool = False):
    """A sort key for claim views: earliest-published article first (ISO
    dates; undated last), then article id and offset. With ``claim_time``, the
    claim's own date or clock (``time``, ISO) comes before its article's
    published date."""
    def when(v: dict) -> tuple:
        pub = arts[v["article"]].published if v["article"] in arts else None
        t = (v["time"] if claim_time else None) or pub
        return (t is None, t or "", v["article"], v["start"])
    return when


def _revision_chains(items: list[dict[str, Any]], report: Report, arts: dict[str, Article]) -> list[dict[str, Any]]:
    """``revises`` pairs (one holder replacing its own figure, or a figure said to
    have risen or fallen) as chains: each connected set of claims is one chain
    ``{"proposition", "label", "holders", "steps" (claim views, earliest
    figure first: see :func:`_in_time_order`), "stages" (see :func:`_stages`),
    "reasons"}``. A revision is never a contradiction."""
    out = []
    claims = {c.id: c for c in report.claims}
    for pid, label, claims_in, pairs in _connected(items, "revises", report):
        earlier, old_shown = _earlier_pairs(pairs, claims)
        steps = [dict(v, figures=[f for f in v["figures"] if f not in old_shown[v["id"]]] or v["figures"])
                 for v in _in_time_order(claims_in, earlier, _published_order(arts, claim_time=True))]
        out.append({"proposition": pid, "label": label, "steps": steps, "stages": _stages(steps),
                    "holders": list(dict.fromkeys(v["holder"] for v in steps)), "reasons": _reasons(pairs),
                    "why": _why(_reasons(pairs))})
    return out


#: A revision's reason as the compare stage writes it: "Police: the figure moved from 17 to 23".
_MOVED = re.compile(r"the figure moved from (?P<old>.+) to (?P<new>.+)$")


def _written(q: Quantity, figure_text: str) -> bool:
    """Whether quantity ``q`` is the figure written ``figure_text`` (its
    surface text, else its value as ``%g``)."""
    return figure_text in (q.text, f"{q.value:g}")


def _says(c: Claim | None, figure_text: str) -> bool:
    """Whether claim ``c`` gives the figure written ``figure_text``."""
    return c is not None and any(_written(q, figure_text) for q in c.quantities)


def _earlier_pairs(pairs: list[dict[str, Any]], claims: dict[str, Claim]) -> tuple[set[tuple[str, str]], dict[str, set[str]]]:
    """``(earlier id, later id)`` for each revision pair whose reason says
    which figure came first ("the figure moved from 17 to 23"): the claim
    giving the old figure and not the new one is the earlier. Pairs that do
    not say, or whose figures cannot be told apart, give nothing. Also, per
    later claim that names the old figure too ("raised the toll to four, from
    three"), the displayed old figures (:func:`figure`) its step leaves out."""
    out, old_shown = set(), defaultdict(set)
    for it in pairs:
        m = _MOVED.search(it["reason"])
        if not m:
            continue
        a, b = claims.get(it["a"]["id"]), claims.get(it["b"]["id"])
        a_only_old = _says(a, m["old"]) and not _says(a, m["new"])
        b_only_old = _says(b, m["old"]) and not _says(b, m["new"])
        if a_only_old and _says(b, m["new"]) and not b_only_old:
            order = (a, b)
        elif b_only_old and _says(a, m["new"]):
            order = (b, a)
        else:
            continue
        out.add((order[0].id, order[1].id))
        old_values = {q.value for q in order[0].quantities if _written(q, m["old"])}
        new_values = {q.value for q in order[1].quantities if _written(q, m["new"])}
        old_shown[order[1].id].update(figure(q) for q in order[1].quantities
                                      if q.value in old_values - new_values)
    return out, old_shown


def _stages(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive steps of a revision chain that give the same figures, as one
    stage ``{"figures", "sources", "claims"}``: "17 (Portside) → 23 (Portside,
    Police)", not "17 → 17 → 23 → 23". A figure shows at both ends only when a
    later source truly gives it again after another."""
    out: list[dict[str, Any]] = []
    for v in steps:
        if out and out[-1]["figures"] == v["figures"]:
            out[-1]["claims"].append(v)
            if v["source"] not in out[-1]["sources"]:
                out[-1]["sources"].append(v["source"])
        else:
            out.append({"figures": v["figures"], "sources": [v["source"]], "claims": [v]})
    return out


def _in_time_order(views: list[dict[str, Any]], earlier: set[tuple[str, str]], key) -> list[dict[str, Any]]:
    """Claim views of one revision chain in the order their figures were given:
    a figure the text marks as earlier ("had put the number at 17", "17 so
    far"; ``earlier`` pairs of ids) always before the figure that replaced it;
    otherwise by ``key`` (claim date or clock, else the published date). A
    topological sort (Kahn's algorithm) taking the smallest ``key`` first; a
    cycle in ``earlier`` falls back to ``key`` order for the claims left."""
    byid = {v["id"]: v for v in views}
    before: dict[str, set[str]] = {i: set() for i in byid}
    for old, new in earlier:
        if old in byid and new in byid:
            before[new].add(old)
    out: list[dict[str, Any]] = []
    left = sorted(views, key=key)
    while left:
        ready = [v for v in left if not (before[v["id"]] & {x["id"] for x in left})]
        nxt = ready[0] if ready else left[0]
        out.append(nxt)
        left.remove(nxt)
    return out


def _repeat_groups(items: list[dict[str, Any]], report: Report,
                   arts: dict[str, Article]) -> list[dict[str, Any]]:
    """``repeats`` pairs (the same words relayed by several articles) as one row
    per set of connected claims: ``{"proposition", "label", "speaker",
    "speaker_id", "text", "head" (the view of the claim whose text is shown), "claims", "sources", "reasons", "pairs"}``. The row's
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
            "text": head["text"], "head": head, "claims": claims_in,
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

"""Contradictions regrouped into disputes, each with sides no two claims of which clash.

:func:`_disputes` takes the contradiction pairs of one question, splits the
claims into sides (:func:`_sides`), tags each claim (``"A1"``), clusters the
claims of a side that contradict the same set, and names the speakers found
on more than one side.
"""
from __future__ import annotations

from typing import Any

from rashomon.report.relations import _by_question, _graph, _reasons, _why
from rashomon.types import Report

def _side_letter(i: int) -> str:
    """A, B, …, Z, AA, AB, … for side number ``i`` (0-based)."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


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
                "why": _why(_reasons(pairs)),
                "pairs": _tagged_pairs(pairs, tag),
                "self_contradictions": sum(1 for it in pairs if not it["independent"]),
                "both_sides": [views[c]["speaker"] for c in dict.fromkeys(
                    _first_by_speaker(comp, views)) if sum(
                    any(views[x]["speaker_id"] == views[c]["speaker_id"] for x in side) for side in sides) > 1],
                "claims": len(comp),
            })
    return disputes

"""Who quotes whom and who contradicts whom, as a GEXF 1.2 graph (Gephi, networkx).

Nodes are voices: every entity that speaks, holds a claim, relays a quote or
is quoted (``kind`` ``entity``), and every source whose own (narrator's) voice
quotes someone or holds a claim in a relation (``kind`` ``source``: the
article's outlet, else its file name). Edges (a directed multigraph; one edge
per pair of nodes and ``kind``, the mapping in :data:`EDGE_KINDS`):

=============== ============================== ==============================
kind            from → to                      weight
=============== ============================== ==============================
``quotes``      source → speaker               quotes of that speaker there
``relays``      relaying entity → speaker      quotes relayed
``contradicts`` holder → holder                contradicting claim pairs
``agrees``      holder → holder                agreeing claim pairs
``repeats``     holder → holder                repeated claim pairs
=============== ============================== ==============================

A holder is a claim's speaker, or the source for the narrator's own voice.
For the three claim relations the direction carries no meaning: the two
holders are ordered by node id, so each pair has one edge per kind (a
speaker who contradicts themself has a loop). Edge attributes: ``label``
(the kind), ``weight``, ``quotes`` or ``claims`` (the ids, pairs written
``c1~c7``) and, for relations, ``reasons`` (the distinct reasons, `` | ``
between them). GEXF has no null: unknown node attributes are left out.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from rashomon.export import atomic_path, require
from rashomon.report.labels import article_label
from rashomon.types import Article, Report

#: Every edge ``label``: quote edges, then the three kinds of claim relation.
EDGE_KINDS = ("quotes", "relays", "contradicts", "agrees", "repeats")


def _source_node(a: Article) -> str:
    return f"source:{article_label(a)}"


def graph(report: Report) -> Any:
    """The voices of ``report`` and how they meet, as a networkx graph.

    Returns
    -------
    networkx.MultiDiGraph : nodes keyed by entity id (``e4``) or
        ``source:LABEL``; edges keyed by kind, with the attributes above.

    Raises
    ------
    MissingExtraError : networkx is not installed.
    """
    nx = require("networkx", "gexf")
    arts = {a.id: a for a in report.articles}
    ents = {e.id: e for e in report.entities}
    g = nx.MultiDiGraph()
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def node(nid: str) -> str:
        if nid not in g:
            e = ents.get(nid)
            attrs = ({"label": e.name, "kind": "entity", "type": e.type, "role": e.role, "affiliation": e.affiliation}
                     if e else {"label": nid.removeprefix("source:"), "kind": "source" if nid.startswith("source:")
                                else "entity", "type": "outlet" if nid.startswith("source:") else None})
            g.add_node(nid, **{k: v for k, v in attrs.items() if v is not None})
        return nid

    sources = {a.id: _source_node(a) for a in report.articles}
    # (from, to, kind) -> (ids, distinct reasons in the order met)
    edges: dict[tuple[str, str, str], tuple[list[str], dict[str, None]]] = defaultdict(lambda: ([], {}))
    for q in report.quotes:
        if q.speaker and q.article in arts:
            counts[q.speaker]["quotes"] += 1
            edges[(sources[q.article], q.speaker, "quotes")][0].append(q.id)
            if q.relayed_by and q.relayed_by != q.speaker:
                edges[(q.relayed_by, q.speaker, "relays")][0].append(q.id)
    holders = {}
    for c in report.claims:
        if c.speaker:
            counts[c.speaker]["claims"] += 1
        if c.article in arts:
            holders[c.id] = c.speaker or sources[c.article]
    for r in report.relations:
        if r.a in holders and r.b in holders:
            u, v = sorted((holders[r.a], holders[r.b]))
            ids, reasons = edges[(u, v, r.kind)]
            ids.append(f"{r.a}~{r.b}")
            reasons[r.reason] = None
    for (u, v, kind), (ids, reasons) in edges.items():
        attrs: dict[str, Any] = {"label": kind, "weight": len(ids),
                                 ("quotes" if kind in ("quotes", "relays") else "claims"): " ".join(ids)}
        if reasons:
            attrs["reasons"] = " | ".join(reasons)
        g.add_edge(node(u), node(v), key=kind, **attrs)
    for nid, tally in counts.items():
        if nid in g:
            g.nodes[nid].update(tally)
    return g


def write(report: Report, out: Path, context: dict[str, Any] | None = None) -> list[Path]:
    """Write the graph as GEXF 1.2 (UTF-8 XML) to ``out``."""
    nx = require("networkx", "gexf")
    g = graph(report)
    with atomic_path(out) as tmp:
        nx.write_gexf(g, tmp, encoding="utf-8", prettyprint=True, version="1.2draft")
    return [out]

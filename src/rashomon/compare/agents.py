"""Who acts, as the comparison rules compare it: whether two claims name
different agents or one (a shared nation, a shared name word, or one tier of
government named by its seat or its bodies: place-for-institution metonymy,
Lakoff & Johnson 1980, ``data/institutions.yaml``)."""
from __future__ import annotations

import functools

from rashomon import data as data_files
from rashomon.compare.views import NAME_WORDS, View

MINISTRY_HEADS = {"ministry", "minister", "ministries", "ministers", "department"}


def agents_differ(a: View, b: View) -> bool:
    """Both name who acts and the agents are different: different nations
    (gazetteer countries), else no shared name word, unless both name the same
    tier of government by its seat or its bodies ("the capital" / "the
    interior ministry": :func:`government_tier`)."""
    if a.agent_parties and b.agent_parties:
        return not (a.agent_parties & b.agent_parties)
    if not a.agent_names or not b.agent_names:
        return False
    if a.agent_names & b.agent_names:
        return False
    tier = government_tier(a.agent)
    return tier is None or tier != government_tier(b.agent) or bool(a.agent_parties or b.agent_parties)


@functools.lru_cache(maxsize=4096)
def government_tier(agent: str | None) -> str | None:
    """The tier of government ("national", "local") an agent's words all name
    ("the capital", "the interior ministry", "City Hall"), else None
    (``data/institutions.yaml``: place-for-institution metonymy, Lakoff &
    Johnson 1980). Every content word must belong to the tier: "the ministry
    of Ruritania" or "a minister's driver" is no bare seat of power."""
    words = [w.lower().strip("'’.") for w in NAME_WORDS.findall(agent or "")]
    words = [w for w in words if w not in ("the", "of", "its", "their", "our", "his", "her")]
    if not words:
        return None
    if len(words) > 1 and words[-1] in MINISTRY_HEADS:
        words = words[-1:]  # a portfolio before its head: "the transport ministry", "the finance minister"
    for tier, terms in _tiers().items():
        i = 0
        while i < len(words):
            pair = " ".join(words[i:i + 2])
            if pair in terms or pair.replace("’", "'") in terms:
                i += 2
            elif words[i] in terms:
                i += 1
            else:
                break
        if i >= len(words):
            return tier
    return None


@functools.lru_cache(maxsize=1)
def _tiers() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in data_files.load("institutions.yaml")["tiers"].items()}


def agents_same(a: View, b: View) -> bool:
    """Both name who acts and the agents are one: a shared nation, else a shared name word."""
    if a.agent_parties and b.agent_parties:
        return bool(a.agent_parties & b.agent_parties)
    return bool(a.agent_names & b.agent_names)

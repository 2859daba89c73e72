"""Proposition ids are a function of the input alone: the same claims give the
same propositions whatever the hash seed of the process (string sets iterate in
hash order) and whatever order equal-keyed sets were built in."""
from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = r"""
import json
from rashomon.compare.propositions import group_claims
from rashomon.types import Article, Claim, PropositionParts

arts = [Article(id=f"a{i}", name=f"a{i}.txt", path=f"a{i}.txt", text="", published="2031-04-02") for i in range(3)]
texts = [
    ("a0", "The ferry operator blamed the harbour pilot and the tug crew.", ["ferry operator", "harbour pilot", "tug crew"]),
    ("a1", "The harbour pilot said the tug crew and the ferry operator ignored the signal.",
     ["harbour pilot", "tug crew", "ferry operator"]),
    ("a2", "The tug crew denied that the ferry operator or the harbour pilot had warned them.",
     ["tug crew", "ferry operator", "harbour pilot"]),
    ("a0", "The river authority and the dock union met the night shift.", ["river authority", "dock union", "night shift"]),
    ("a1", "The night shift told the dock union and the river authority about the leak.",
     ["night shift", "dock union", "river authority"]),
]
claims = []
for i, (art, text, compounds) in enumerate(texts):
    parts = PropositionParts(predicate="blame", tense="past", nouns=[w for c in compounds for w in c.split()],
                             compounds=compounds, theme_heads=[c.split()[-1] for c in compounds])
    claims.append(Claim(id=f"c{i}", article=art, start=0, end=len(text), text=text, polarity="affirmed",
                        stance="asserts", proposition=parts))
print(json.dumps([(p.id, p.label, p.claims) for p in group_claims(claims, arts)]))
"""


def _group(seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_proposition_ids_do_not_follow_the_hash_seed():
    runs = [_group(seed) for seed in ("1", "2", "3")]
    # several compound blocks are found, so their order is at stake
    assert len({label for _, label, _ in runs[0]}) >= 3
    assert all(r == runs[0] for r in runs[1:])

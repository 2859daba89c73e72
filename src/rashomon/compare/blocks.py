"""Blocks of claims that answer one question, found through their propositions.

Comparison is blocked, never all against all (each block holds at most
``MAX_BLOCK`` claims): a claim enters a block through a key its proposition
carries, and :mod:`rashomon.compare.relations` compares claims inside a block
only. Only claims about the main event (``Claim.event``) with a comparable
stance (asserts, denies, doubts, distances; an offer's sum also when promised)
enter. The blocks, one per kind of contradiction of de Marneffe, Rafferty &
Manning (2008):

* ``measure``: claims whose figure counts the same thing (``counts``: deaths,
  injured, detained, participants, money, a radius…) — incompatible figures,
  compatible figures, or one holder's revision;
* ``theme``: a negated or denied claim and the claims that mention what it
  negates: for an existential negation ("No tear gas was used", "no siren
  sounded") any claim naming that thing; otherwise claims with the same
  predicate class sharing a theme word ("The unit was not overdue" /
  "the inspection was overdue by 14 months");
* ``attribution``: claims of a responsibility class (order, cause,
  destruction) that name who did it;
* ``antonym``: claims whose predicates are antonyms (accept/reject, rise/fall);
* ``time``: claims of one predicate class and theme that give a time of day.

Labels are generated from the propositions: "number of deaths, 2024-05-14",
"whether tear gas or rubber bullets were used", "who ordered the clearing".
"""
from __future__ import annotations

from collections import Counter, defaultdict

from rashomon.compare.views import View, responsibility, views
from rashomon.extract.propositions import lexicon as predicate_lexicon
from rashomon.types import Article, Claim

MAX_BLOCK = 120
MAX_DF_SHARE = 0.08  # a theme word in more than this share of the claims (and more than 6) keys no block
COUNTS_LABEL = {"death": "number of deaths", "injured": "number of injured", "detained": "number detained",
                "treated": "number treated", "evacuated": "number evacuated", "participants": "number of participants",
                "money": "sum of money", "payment": "sum offered or paid", "radius": "radius of the zone",
                "duration": "how long it lasted", "year": "year", "missing": "number missing"}
WHO = {"order": "who ordered", "cause": "who or what caused", "destruction": "who destroyed"}


NEGATORS = ("no ", "not one ", "any ", "none of ", "neither ")


def _plain(theme: str) -> str:
    """A theme as a label reads it: lowercase, without its negator ("No tear gas" → "tear gas")."""
    t = theme.lower().strip()
    for n in NEGATORS:
        if t.startswith(n):
            return t[len(n):]
    return t


def _day_label(vs: list[View]) -> str:
    days = Counter(v.day for v in vs if v.day)
    return f", {max(days, key=lambda d: (days[d], d))}" if days else ""


def _theme_label(vs: list[View]) -> str:
    heads = Counter(v.parts.theme.lower() for v in vs if v.parts and v.parts.theme)
    return max(heads, key=lambda h: (heads[h], -len(h))) if heads else ""


def proposition_blocks(claims: list[Claim], articles: list[Article]) -> dict[tuple, tuple[str, str, list[Claim]]]:
    """The blocks of the module docstring: ``{key: (label, frame, claims)}``."""
    vs = [v for v in views(claims, [], articles).values() if v.comparable and v.parts is not None]
    df = Counter(w for v in vs for w in v.words)
    limit = max(6, int(MAX_DF_SHARE * len(vs)))
    rare = {w for w, n in df.items() if n <= limit}
    blocks: dict[tuple, list[View]] = defaultdict(list)
    labels: dict[tuple, str] = {}
    antonyms = predicate_lexicon()["antonyms"]
    by_word: dict[str, list[View]] = defaultdict(list)
    for v in vs:
        for w in v.words & rare:
            by_word[w].append(v)
    for v in vs:
        if v.counts:
            key = ("measure", v.counts)
            blocks[key].append(v)
        if v.negative:
            if v.existential():
                keys = {w for w in v.words & rare if w not in (v.agent_names or ())}
                for w in keys:
                    key = ("theme", w)
                    if key not in blocks:
                        blocks[key] = [x for x in by_word[w]]
                        pred = v.predicate if v.predicate not in (None, "be") else "exist"
                        labels[key] = f"whether {_plain(v.parts.theme or w)} ({pred})"
            elif v.klass:
                key = ("theme", v.klass, frozenset(v.words & rare))
                if key not in blocks:
                    blocks[key] = [x for w in v.words & rare for x in by_word[w] if x.klass == v.klass]
                    labels[key] = f"whether {_plain(v.parts.theme or v.predicate or '')} ({v.predicate})"
        if responsibility(v.klass) and (v.agent_names or v.negative):
            blocks[("attribution", v.klass)].append(v)
        for other in antonyms.get(v.predicate or "", ()):
            blocks[("antonym", tuple(sorted((v.predicate, other))))].append(v)
        if v.clock and v.klass:
            blocks[("time", v.klass)].append(v)
    out = {}
    for key, members in blocks.items():
        uniq = list({v.id: v for v in members}.values())
        if len({v.article for v in uniq}) < 2 and len(uniq) < 2:
            continue
        label = labels.get(key) or _label(key, uniq)
        out[("block",) + key] = (label, key[0], [v.claim for v in uniq[:MAX_BLOCK]])
    return out


def _label(key: tuple, vs: list[View]) -> str:
    kind = key[0]
    if kind == "measure":
        return COUNTS_LABEL.get(key[1], f"figure ({key[1]})") + _day_label(vs)
    if kind == "attribution":
        theme = _theme_label(vs)
        return f"{WHO.get(key[1], 'who is responsible for')} {theme}".strip()
    if kind == "antonym":
        theme = _theme_label(vs)
        return f"{' or '.join(key[1])}: {theme}".strip(": ")
    if kind == "time":
        return f"when ({_theme_label(vs) or key[1]})" + _day_label(vs)
    return " ".join(str(k) for k in key)

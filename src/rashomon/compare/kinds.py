"""Kinds of things named by a member or by the class's own word.

A denial of one member of a class used loosely for the class ("no rubber
bullets were used") is contradicted by a claim that asserts the class word
("officers fired projectiles") or another member ("baton rounds"): the
hypernym or co-hyponym asserted against the denied member. The classes and
their sources are in ``data/kinds.yaml`` (kinetic impact projectiles after
Physicians for Human Rights & INCLO 2016 and Haar et al. 2017).
"""
from __future__ import annotations

import functools
import re

from rashomon.data import load

_WORDS = re.compile(r"[^\W\d_]+")


def _singular(word: str) -> str:
    from rashomon.compare.views import singular

    return singular(word)


def _words(text: str) -> tuple[str, ...]:
    return tuple(_singular(w.lower()) for w in _WORDS.findall(text))


KIND = "kind:"


def is_kind(key: str) -> bool:
    """Whether an existence key names a kind rather than a word."""
    return key.startswith(KIND)


def shown(key: str) -> str:
    """A key as a reader sees it: a kind by its name in words
    ("kind:kinetic_impact_projectile" → "kinetic impact projectile"), a word as it is."""
    return key[len(KIND):].replace("_", " ") if is_kind(key) else key


@functools.lru_cache(maxsize=1)
def _table() -> tuple[tuple[str, tuple[tuple[str, ...], ...], frozenset, frozenset], ...]:
    """``(key, member word tuples, hypernyms, not_after)`` per kind; the key is
    ``kind:<name>``, which no word of a text can be."""
    out = []
    for name, entry in load("kinds.yaml")["kinds"].items():
        members = tuple(sorted({_words(m) for m in entry.get("members", ())}, key=len, reverse=True))
        out.append((f"{KIND}{name}", members, frozenset(_words(" ".join(entry.get("hypernyms", ())))),
                    frozenset(w.lower() for w in entry.get("not_after", ()))))
    return tuple(out)


POSTMODIFIER = {"to", "of", "for"}
"""Words that open a postmodifier of a noun ("call to disperse", "order of dispersal"): the head is
the word before (Quirk et al. 1985, 17.2: premodification, head, postmodification)."""


def _head(member: tuple[str, ...]) -> str:
    """The head noun of a member's words: the last before a postmodifier, else the last."""
    k = next((i for i, w in enumerate(member) if w in POSTMODIFIER and i > 0), len(member))
    return member[k - 1]


@functools.lru_cache(maxsize=65536)
def kinds_named(text: str) -> tuple[tuple[str, str, bool], ...]:
    """The kinds a text names, each with the head noun (singular, lower case) of
    the name (the word before a postmodifier: "calls to disperse" → call) and
    whether the name is the class's own word:
    ``(("kind:kinetic_impact_projectile", "bullet", False),)`` for "no rubber
    bullets were used", ``(…, "projectile", True)`` for "officers fired
    projectiles"; "artillery projectiles" or "live rounds" name none."""
    words = _words(text)
    out = []
    for key, members, hypernyms, not_after in _table():
        for i, w in enumerate(words):
            if w in hypernyms and (i == 0 or words[i - 1] not in not_after):
                out.append((key, w, True))
            for m in members:
                if words[i:i + len(m)] == m:
                    out.append((key, _head(m), False))
                    break
    return tuple(dict.fromkeys(out))

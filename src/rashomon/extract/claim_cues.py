"""The cue lexicons a claim is read with, and a shortcut that skips their patterns.

:func:`lexicons` compiles the hedge, denial, reporting, pseudo-negation,
minimiser and negation cues of ``data/hedges.yaml`` and the frames and
affected groups of ``data/frames.yaml`` into case-blind word-boundary patterns
(:class:`CuePattern`), each with its key words. :func:`_can_match` says from those key words (and a plain
text's words, :func:`_plain_words`) when a pattern cannot match, so the regex
is not run.
"""
from __future__ import annotations

import functools
import re

from rashomon import data as data_files
from rashomon.words import LETTERS as _LETTERS

_EVENT_WORDS = ("War", "Conflict", "Uprising", "Revolution", "Genocide", "Massacre")
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")
_CASED_BEYOND_ASCII = re.compile(r"[^\x00-\x7f‘’“”–—…«»•·\u00a0\u2009\u202f]")
"""A character other than ASCII and the uncased punctuation of news text (curly quotes, dashes,
the ellipsis, guillemets, bullets, no-break and thin spaces)."""


class CuePattern:
    """A case-blind cue pattern (``re.IGNORECASE``) with the ``search``,
    ``fullmatch``, ``finditer`` and ``sub`` of a compiled pattern.

    On a text of ASCII and uncased punctuation only (:data:`_CASED_BEYOND_ASCII`
    finds nothing: most news text), matching case-blind is matching the
    lowercased text, each character having one lowercase form of the same
    length and the same word-character class; there the pattern compiled from
    the lowercased cues, without the flag, is run on the lowercased text,
    several times faster, and its matches are read back from the text by
    offset (:class:`_Found`). Any other text is searched case-blind as written.
    """

    __slots__ = ("blind", "lowered")

    def __init__(self, source: str, lowered_source: str) -> None:
        self.blind = re.compile(source, re.I)
        self.lowered = re.compile(lowered_source)

    @property
    def pattern(self) -> str:
        return self.blind.pattern

    def finditer(self, text: str):
        if _CASED_BEYOND_ASCII.search(text):
            yield from self.blind.finditer(text)
            return
        for m in self.lowered.finditer(text.lower()):
            yield _Found(text, m.start(), m.end())

    def search(self, text: str):
        return next(self.finditer(text), None)

    def fullmatch(self, text: str):
        if _CASED_BEYOND_ASCII.search(text):
            return self.blind.fullmatch(text)
        return _Found(text, 0, len(text)) if self.lowered.fullmatch(text.lower()) else None

    def sub(self, repl, text: str) -> str:
        """``re.sub`` with a function ``repl`` of a match (cue patterns match no empty string)."""
        out, pos = [], 0
        for m in self.finditer(text):
            out += (text[pos:m.start()], repl(m))
            pos = m.end()
        return "".join(out) + text[pos:] if out else text


class _Found:
    """A match of :class:`CuePattern` read back from the text: ``group()``, ``start()``, ``end()``."""

    __slots__ = ("string", "_start", "_end")

    def __init__(self, string: str, start: int, end: int) -> None:
        self.string, self._start, self._end = string, start, end

    def group(self) -> str:
        return self.string[self._start:self._end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


@functools.lru_cache(maxsize=1)
def lexicons() -> dict:
    """Hedge and frame lexicons from ``data/hedges.yaml`` and ``data/frames.yaml``,
    with compiled word-boundary patterns (cached)."""
    hedges = data_files.load("hedges.yaml")
    frames = data_files.load("frames.yaml")

    def source(cues):
        parts = []
        for c in sorted(cues, key=len, reverse=True):
            words = [re.escape(w) for w in c.split()]
            glue = []
            for w in words:
                glue.append(r"(?:\w+\s+){0,4}?" if w == "…" else w)
            expr = r"\s+".join(g for g in glue)
            expr = expr.replace(r"\s+(?:\w+\s+){0,4}?\s+", r"\s+(?:\w+\s+){0,4}?")
            parts.append(expr)
        return r"(?<![\w'’])(?:" + "|".join(parts) + r")(?![\w])"

    def pat(cues, before=""):
        return CuePattern(before + source(cues), before + source([c.lower() for c in cues]))

    def keys(cues):
        # one key word per cue, its longest run of letters: a cue matches a plain
        # text only where each of its letter runs is a whole one of the text (see _plain_words)
        return frozenset(max(_LETTERS.findall(c.lower()), key=len) for c in cues)

    modal = {h["cue"] for h in hedges["hedges"] if h.get("modal")}
    # each cue list gives a pattern and its key words: a pattern cannot match a
    # plain text that lacks all of them (see _can_match), so the regex is not run on it
    cues = {
        "hedge": [h["cue"] for h in hedges["hedges"] if not h.get("modal")],
        "deny": [h["cue"] for h in hedges["denials"]],
        "report": [h["cue"] for h in hedges["reporting"]],
        "pseudo": [h["cue"] for h in hedges["pseudo_negations"]],
        "minimizer": [h["cue"] for h in hedges["minimizers"]],
    }
    neg = [h["cue"] for h in hedges["negations"] if h["cue"] != "n't"]
    out = {name: pat(c) for name, c in cues.items()}
    out.update({
        "modal": re.compile(r"\b(?:" + "|".join(sorted(modal)) + r")\b"),  # lowercase only: not "May"
        "neg": pat(neg, before=r"n['’]t\b|"),
        "frames": [(f["name"], pat(f["triggers"]), f.get("need_quantity", False)) for f in frames["frames"]],
        "affected": [(a["name"], pat(a["words"])) for a in frames["affected"]],
        "ops": {w.lower() for w in frames["operations"]["words"]},
        "events": {w.lower() for w in frames["event_nouns"]["words"]},
        "keys": {
            **{name: keys(c) for name, c in cues.items()},
            "modal": keys(modal),
            "neg": keys(neg),
            "frames": [keys(f["triggers"]) for f in frames["frames"]],
            "affected": [keys(a["words"]) for a in frames["affected"]],
            "event": frozenset(w.lower() for w in _EVENT_WORDS),
        },
    })
    return out


def _plain_words(text: str, words: list[str]) -> set[str] | None:
    """The lowercased words of a plain text, for :func:`_can_match`; ``words`` are
    its runs of letters (``_LETTERS.findall(text)``). None when the text is not plain.

    A text is plain when its word characters are all ASCII. In a plain text a
    case-insensitive cue can only match ASCII letters, and the cue patterns match
    between non-word characters, so each run of letters of a cue is a whole run
    of letters of the text it matches."""
    if not text.isascii() and _NON_ASCII_WORD_CHAR.search(text):
        return None
    return set(map(str.lower, words))


def _can_match(keys: frozenset, words: set[str] | None) -> bool:
    """Whether a cue pattern can match a text: False only for a plain text (its
    words: ``words``) that contains none of the cues' key words. A pure shortcut:
    when it says True the pattern itself decides."""
    return words is None or not keys.isdisjoint(words)

"""Whose words a framing term is: the narrator's, or a quoted or named voice's.

A term belongs to (:meth:`Voices.holder`), in this order:

1. the speaker of the smallest quote of kind direct, post or question that
   covers it (their own words; ``"quoted"`` when the speaker is unknown);
2. for a name, whoever the text says uses that name: "what Moscow calls the
   X district", "X, which officials call Y", "Y, as residents still call
   it", "officially Y", "renamed Y" (naming attributed to a group of people,
   Quirk et al. 1985, *A Comprehensive Grammar of the English Language*,
   §16.45, complex-transitive verbs of naming);
3. for any term, the subject of a labelling verb whose complement it is:
   "the ministry called the attack ecocide", "he described it as a terrorist
   act", "they denounced it as an act of terror" (the label is the labeller's
   choice; attributing a label rather than adopting it: Reuters Handbook of
   Journalism, "terrorism");
4. otherwise the narrator. Indirect speech counts as the narrator's wording:
   a reporter who paraphrases chooses the words ("X reports over 200 killed
   in the attack": "attack" is the outlet's term, not X's), the usual
   distinction between direct and reported speech (Quirk et al. 1985, §14.31).

A named or labelling voice is the entity of a mention in the namer's words
or, for a label, of the smallest quote of any kind holding it, or the nearest
mention before the verb in its sentence; ``"quoted"`` when none is found.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from rashomon.types import Quote

__all__ = ["NARRATOR", "QUOTED", "Voices"]

NARRATOR = "narrator"
QUOTED = "quoted"

_NAMERS = r"(?:[\w’'.-]++[ \t]+){1,4}?"
_NAMED_BEFORE = re.compile(
    r"(?i:\b(?:what|which|whom)[ \t]+(?P<namer>" + _NAMERS + r")(?:still[ \t]+|now[ \t]+|also[ \t]+)?"
    r"(?:calls?|called|renamed|names?|named|dubs?|dubbed|terms?|termed)"
    r"|\b(?:renamed|rebranded|officially(?:[ \t]+(?:called|named|known[ \t]+as))?"
    r"|formerly(?:[ \t]+(?:called|known[ \t]+as))?|known[ \t]+(?:locally[ \t]+|officially[ \t]+)?as"
    r"|official[ \t]+name[ \t]+is))[ \t]+(?:it[ \t]+|the[ \t]+)?$")
"""Words before a name that attribute it: "what Moscow calls (the)", "which
officials call", "renamed", "officially", "known as". Searched in the 60
characters before a name, anchored at its start."""
_NAMED_AFTER = re.compile(
    r"(?<![ \t])[ \t]*+,?[ \t]*+as[ \t]+(?P<namer>(?:[\w’'.-]++[ \t]+){1,5}?)(?:still[ \t]+|now[ \t]+|also[ \t]+)?"
    r"(?:calls?|called|names?|named|knows?)\b")
"""Words after a name that attribute it: "Y, as residents still call it"
(matched at the end of the name)."""
_LABELLED = re.compile(
    r"(?i:\b(?P<verb>call(?:s|ed|ing)?|brand(?:s|ed|ing)?|label(?:s|led|ed|ling)?|term(?:s|ed)|dub(?:s|bed)?"
    r"|describ(?:e|es|ed|ing)|denounc(?:e|es|ed|ing)|condemn(?:s|ed|ing)?)[ \t]+"
    r"(?:it|this|that|them|him|her|(?:the|this|that|these|those|its|their|his|her)[ \t]+[\w’'-]++"
    r"(?:[ \t]+[\w’'-]++)?)[ \t]+(?:as[ \t]+)?(?:an?[ \t]+|the[ \t]+)?)$")
"""A labelling verb, its object and an optional "as" before a term: "called
the attack", "described it as a". Searched in the 60 characters before a term."""
_LABEL_STEMS = ("call", "brand", "label", "term", "dub", "describ", "denounc", "condemn")
"""The stems every match of :data:`_LABELLED` holds (a cheap test before it runs)."""
_SENTENCE_START = re.compile(r"[.!?]\s|\n")


class Voices:
    """Which voice owns a span of one article (see the module docstring).

    Parameters
    ----------
    quotes : the article's quotes (spans are ``Article.text`` offsets).
    mentions : the article's entity mentions as ``(start, end, entity id)``.
    """

    def __init__(self, quotes: list[Quote], mentions: list[tuple[int, int, str]] | None = None):
        self.spans = sorted(((q.start, q.end, q.speaker or QUOTED) for q in quotes
                             if q.end > q.start and q.kind != "indirect"),
                            key=lambda s: (s[0], s[1]))
        self.starts = [s[0] for s in self.spans]
        self.any_spans = sorted(((q.start, q.end, q.speaker or QUOTED) for q in quotes if q.end > q.start and not q.negated),
                                key=lambda s: (s[0], s[1]))
        self.any_starts = [s[0] for s in self.any_spans]
        self.mentions = sorted(mentions or [])
        self.mention_starts = [m[0] for m in self.mentions]

    def voice(self, start: int, end: int) -> str:
        """The speaker of the smallest direct, post or question quote over
        ``start``..``end``; the narrator when none covers it."""
        return _smallest(self.spans, self.starts, start, end) or NARRATOR

    def holder(self, body: str, start: int, end: int, name: bool = False) -> str:
        """The voice of the term at ``start``..``end`` of ``body`` (the
        module docstring's order); ``name`` marks a place name, which may also
        be attributed by a naming construction."""
        quoted = _smallest(self.spans, self.starts, start, end)
        if quoted:
            return quoted
        if name:
            m = _NAMED_BEFORE.search(body, max(0, start - 60), start)
            if m is None:
                m = _NAMED_AFTER.match(body, end, min(len(body), end + 80))
            if m is not None:
                namer = m.span("namer") if m.group("namer") else None
                return (self._entity_in(*namer) if namer else None) or QUOTED
        lo = max(0, start - 60)
        window = body[lo:start].lower()
        m = None
        if any(v in window for v in _LABEL_STEMS):  # a labelling verb just before: try the full pattern
            m = _LABELLED.search(body, lo, start)
        if m is not None:
            return (_smallest(self.any_spans, self.any_starts, start, end)
                    or self._subject_before(body, m.start()) or QUOTED)
        return NARRATOR

    def _entity_in(self, start: int, end: int) -> str | None:
        """The entity of the first mention inside ``start``..``end``."""
        i = bisect_right(self.mention_starts, start - 1)
        for s, e, ent in self.mentions[i:]:
            if s >= end:
                break
            if e <= end:
                return ent
        return None

    def _subject_before(self, body: str, verb: int) -> str | None:
        """The entity of the nearest mention before ``verb`` in its sentence."""
        lo = max(0, verb - 160)
        for m in _SENTENCE_START.finditer(body, lo, verb):
            lo = m.end()
        i = bisect_right(self.mention_starts, verb) - 1
        while i >= 0 and self.mentions[i][0] >= lo:
            if self.mentions[i][1] <= verb:
                return self.mentions[i][2]
            i -= 1
        return None


def _smallest(spans: list[tuple[int, int, str]], starts: list[int], start: int, end: int) -> str | None:
    """The voice of the smallest span overlapping ``start``..``end``, or None."""
    best = None
    hi = bisect_right(starts, end - 1)
    for k in range(hi):
        s, e, v = spans[k]
        if e > start and (best is None or e - s < best[1] - best[0]):
            best = (s, e, v)
    return best[2] if best else None

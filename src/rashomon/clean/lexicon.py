"""The furniture lexicon: UI vocabularies and line patterns of ``data/boilerplate.yaml``.

Read once per process. Tokens are matched as whole phrases against a short
line split at separators and at script and case boundaries; patterns are
searched in one stripped line no longer than
:data:`rashomon.clean.lines.LINE_MAX_CHARS`, each group bounded by a word count.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from rashomon import data as data_files

__all__ = ["Lexicon", "lexicon", "token_kinds", "tokens", "date_label", "pattern_kind", "TOKEN_PRIORITY",
           "PATTERN_ORDER"]

TOKEN_PRIORITY = ("language-switcher", "browser-notice", "cookie-notice", "advertisement", "donate",
                  "subscribe", "share", "tools", "footer", "navigation")
"""When a furniture line mixes token kinds, the removal's reason is the first of these present."""

PATTERN_ORDER = ("browser-notice", "cookie-notice", "bot-check", "language-switcher", "accessibility",
                 "archive-notice", "paywall", "subscribe", "donate", "app", "follow", "share", "comments",
                 "reading-time", "feedback",
                 "standards", "tags", "teaser", "related", "link", "footer", "photo-credit")
"""The order pattern groups are tried in; the first group that matches names the reason."""


@dataclass(frozen=True)
class Lexicon:
    tokens: dict[str, frozenset[tuple[str, ...]]]
    max_phrase: int
    patterns: dict[str, tuple[int, re.Pattern]]
    gates: dict[str, re.Pattern]
    """Pattern group → its gate words (literals); a casefolded line must hold one for the group to be tried."""
    published_labels: frozenset[str]
    """The publication-date labels, casefolded (the others of ``date_label_rx`` are update labels)."""
    update_labels: frozenset[str]
    date_label_rx: re.Pattern
    """A date label and its value ("Published: 5 March 2021"); see :func:`date_label`."""
    by_rx: re.Pattern
    """A byline or credit line opening with "By", "Interview by", … (group ``who``)."""
    by_name_rx: re.Pattern
    """A byline opening with a by-word alone ("By NAME", "Par NAME")."""
    label_words: frozenset[str]
    credit_rx: re.Pattern
    """One labelled part of a wire credit ("Editing by NAME", "NAME contributed reporting")."""
    protected_rx: re.Pattern
    """Correction and editor's-note labels: such a line is never furniture."""
    update_split_rx: re.Pattern
    """An update label inside a byline line ("… · Updated 18:40"): the published part ends before it."""
    kind_of: dict[tuple[str, ...], str]
    """Token phrase → its kind, the first of :data:`TOKEN_PRIORITY` whose ``tokens`` hold it."""


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The furniture lexicon read once from ``rashomon/data/boilerplate.yaml``."""
    raw = data_files.load("boilerplate.yaml")
    toks: dict[str, frozenset[tuple[str, ...]]] = {}
    longest = 1
    for kind, grp in raw["tokens"].items():
        phrases = set()
        for w in grp["words"]:
            t = tuple(tokens(str(w), split_case=False))
            if t:
                phrases.add(t)
                longest = max(longest, len(t))
        toks[kind] = frozenset(phrases)
    patterns = {
        kind: (int(grp["max_words"]), re.compile("|".join(f"(?:{p})" for p in grp["patterns"]), re.I))
        for kind, grp in raw["patterns"].items()
    }
    gates = {kind: re.compile(_alt(str(g).casefold() for g in grp["gate"])) for kind, grp in raw["patterns"].items()
             if grp.get("gate")}
    by = raw["byline"]
    labels = [*by["published_labels"], *by["updated_labels"]]
    date_label_rx = re.compile(
        r"^(?:[-•·*–—]\s{0,3})?(?P<label>" + _alt(labels) + r")\b\s{0,3}(?:on|at|le|am|:)?\s{0,3}[:|]?\s{0,3}"
        r"(?P<value>\S[^\n]{0,300})$",
        re.I,
    )
    by_rx = re.compile(r"^(?:[-•·*–—]\s{0,3})?(?:" + _alt([*by["by_words"], *by["credit_words"]])
                       + r") (?P<who>\S[^\n]{0,300})$", re.I)
    by_name_rx = re.compile(r"^(?:[-•·*–—]\s{0,3})?(?:" + _alt(by["by_words"]) + r") \S", re.I)
    label_words = frozenset(x.casefold() for x in labels if x.casefold() != "date")
    cr = raw["credits"]
    credit_rx = re.compile(
        r"^(?:(?:" + _alt(cr["labels"]) + r") by\b|[^;]{1,120}\b(?:" + _alt(cr["contributed"]) + r")\b)", re.I)
    protected_rx = re.compile("|".join(f"(?:{p})" for p in raw["protected"]["patterns"]), re.I)
    update_split_rx = re.compile(r"(?:^|[\s|·•,(])(?:" + _alt(by["updated_labels"]) + r")\b", re.I)
    return Lexicon(toks, longest, patterns, gates, frozenset(x.casefold() for x in by["published_labels"]),
                   frozenset(x.casefold() for x in by["updated_labels"]), date_label_rx, by_rx, by_name_rx, label_words,
                   credit_rx, protected_rx, update_split_rx,
                   {ph: k for k in reversed(TOKEN_PRIORITY) for ph in toks.get(k, ())})


_SCRIPT_SPLIT = re.compile(r"(?<=[A-Za-z])(?=[^\W\dA-Za-z_])|(?<=[^\W\dA-Za-z_])(?=[A-Za-z])")
_CASE_SPLIT = re.compile(r"(?<=[a-zа-яё])(?=[A-ZА-ЯЁ])")
_SEP = re.compile(r"[|/·•,;:\u2022\u00b7\u2013\u2014»«›>▶►]+|\s+")


def tokens(s: str, split_case: bool = True) -> list[str]:
    """Casefolded tokens of a short line, split at separators, at script
    (Latin/other) boundaries and, with ``split_case``, at lower→upper case
    boundaries ("DONATEРусский" → donate, русский; "NewsSport" → news, sport)."""
    s = unicodedata.normalize("NFC", s).replace("’", "'")
    out = []
    for part in _SEP.split(s):
        if not part:
            continue
        for p in _SCRIPT_SPLIT.split(part):
            out += _CASE_SPLIT.split(p) if split_case else [p]
    return [t.strip("()[]").casefold() for t in out if t.strip("-'.()[]")]


def token_kinds(text: str, lex: Lexicon | None = None) -> list[str] | None:
    """The furniture kinds covering every token of ``text`` (greedy longest
    phrase first), or ``None`` when some token is not furniture. Tokens are
    tried split at case boundaries and, failing that, whole ("LinkedIn")."""
    lex = lex or lexicon()
    return _cover(tokens(text), lex) or _cover(tokens(text, split_case=False), lex)


def _cover(toks: list[str], lex: Lexicon) -> list[str] | None:
    """The kinds of lexicon phrases covering ``toks`` greedily, or ``None``."""
    if not toks:
        return None
    kinds: list[str] = []
    i = 0
    while i < len(toks):
        for n in range(min(lex.max_phrase, len(toks) - i), 0, -1):
            kind = lex.kind_of.get(tuple(toks[i:i + n]))
            if kind:
                kinds.append(kind)
                i += n
                break
        else:
            return None
    return kinds


_DIGIT = re.compile(r"\d")


def date_label(text: str, lex: Lexicon | None = None) -> re.Match | None:
    """The match of a labelled date line ("- Published Date: 10:33 | 24
    November 2020", "Updated 14:05, 3 March 2021"): groups ``label`` and
    ``value``; ``None`` unless the value holds a digit."""
    m = (lex or lexicon()).date_label_rx.match(text)
    return m if m and _DIGIT.search(m.group("value")) else None


def pattern_kind(text: str, words: int, kinds, lex: Lexicon | None = None, low: str | None = None) -> str | None:
    """The first of the pattern groups ``kinds`` whose pattern matches
    ``text`` (a line of ``words`` words, within the group's ``max_words``,
    holding one of the group's gate words), or ``None``. ``low`` is
    ``text.casefold()`` when the caller has it."""
    lex = lex or lexicon()
    low = text.casefold() if low is None else low
    for kind in kinds:
        max_words, rx = lex.patterns[kind]
        if words > max_words:
            continue
        gate = lex.gates.get(kind)
        if gate is not None and not gate.search(low):
            continue
        if rx.search(text):
            return kind
    return None

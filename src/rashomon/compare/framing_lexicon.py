"""The framing lexicon and the spans of its terms in a text.

``data/framing.yaml`` holds rival and loaded words for one thing each (a
place, an armed action, a protest and its policing, a strike, a policy, an
accident, who did it), in groups with a ``category`` and a ``source``; a
group's ``sets`` are rival terms for one referent (a row's ``group``). This
module compiles it and finds, in plain text, each term as the noun phrase the
text writes it in (:func:`lexicon_spans`):

* a term, with plural and -ed endings (unless its group lists it under
  ``uninflected``) and space/hyphen variants; leftmost-longest matches, and a
  ``stop_phrases`` entry ("riot police") matches and yields nothing;
* the qualifiers written before a noun term: listed modifiers ("lightning",
  "so-called") and one demonym ("Armenian separatists"), then up to two
  noun or adjective premodifiers when a determiner or a preposition opens the
  phrase ("the port sale", "the police violence"; premodification in the noun
  phrase, Quirk et al. 1985, *A Comprehensive Grammar of the English
  Language*, §17.97-17.110);
* a participle term used attributively takes the -ly adverb before it and the
  head noun after it ("the temporarily occupied left bank"); used
  predicatively, the word before it is its subject and stays out
  ("Azerbaijan liberated"); a term a group lists under ``verbs`` ("gave
  way", "blew up") takes nothing;
* a toponym inside a hyphenated compound also yields the compound
  ("Khankendi-Lachin road");
* attributive control compounds ("Russian-held town", "rebel-controlled
  area", "Moscow-installed head") and "under … control", from the lexicon's
  ``control_compounds``.

Plain regular expressions (no spaCy), linear in the text's length.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from rashomon import data as data_files

__all__ = ["Lexicon", "Span", "lexicon_spans", "load_lexicon"]

_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|can|man|ese|ish|i|ic|ch)$")
"""A capitalised word with a demonym ending (Armenian, Korean, American,
German, Chinese, British, Israeli, Arabic, French); country names such as
"Azerbaijan" or "Pakistan" do not match."""
_DASHES = "-\u2010\u2011\u2012\u2013"
_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2012\u2013]+")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w']*$")
_CAPITALISED = re.compile(r"[A-Z][\w']*")
_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_WORD_AFTER = re.compile(r"(?<![ \t])[ \t]++([A-Za-z][a-z]*+)(?![\w'’-])")
"""A word after the blanks that follow ``pos`` (matched at the end of a word)."""
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")
_SUFFIXES = ("es", "s", "ed", "d")
_MAX_REMEMBERED = 200_000  # words kept in Lexicon.starts (a corpus vocabulary is far smaller)

_OPENERS = frozenset(
    "the a an this that these those its their his her our my your whose every each another "
    "of against on in into onto for about over by after before with from at across amid during "
    "following behind".split())
"""Determiners and prepositions that open a noun phrase: a word between one of
them and a term is the term's premodifier ("against the port sale"). "to" is
left out: it also opens an infinitive ("to reach residents")."""
_NOT_HEADS = frozenset(
    "said says say told tells claimed claims claim warned added reported announced insisted denied accused "
    "called urged stated wrote".split())
"""Reporting verbs that end the head words after an attributive phrase
("Russian-installed officials said": the head is "officials")."""


@dataclass(frozen=True)
class _Entry:
    term: str
    category: str
    source: str
    toponym: bool
    group: str
    stop: bool = False
    verb: bool = False


@dataclass
class Lexicon:
    """The framing lexicon compiled for matching.

    ``entries`` the term data; ``regexes`` one compiled pattern per entry
    (same order); ``index`` maps a word (lower case) to the entries that may
    start with it, so only a few patterns are tried at each word of a text; ``modifiers`` the
    lower-case qualifier words kept with a term; ``compound_nouns`` the nouns
    that close a toponym compound; ``modifier_source`` the modifiers' source;
    ``stop_words`` words never taken as premodifiers; ``control`` the
    control-compound pattern, ``agent`` the agent it needs before its
    hyphen, and ``control_source`` their source. ``prefilter`` finds, in a
    lower-cased ASCII text, every word that ``index`` may list (alone or with a
    plural/-ed ending), so the others are skipped without a look-up.
    ``starts`` remembers, per word as written in a text, the entries that
    may start at it (filled as texts are matched; see :func:`_entries_at`).
    """

    entries: list[_Entry]
    regexes: list[re.Pattern]
    index: dict[str, list[int]]
    modifiers: frozenset[str]
    compound_nouns: frozenset[str]
    modifier_source: str
    stop_words: frozenset[str] = frozenset()
    control: re.Pattern | None = None
    agent: re.Pattern | None = None
    control_source: str = ""
    prefilter: re.Pattern | None = None
    starts: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)


@dataclass(frozen=True)
class Span:
    """One framing term found in a text: ``start``/``end`` offsets of the
    whole phrase, the lexicon ``category``, ``source`` and ``group`` (the
    lexicon set, "" for a term of a plain list: rival terms for one referent
    share it), and whether it is a ``toponym``."""

    start: int
    end: int
    category: str
    source: str
    group: str
    toponym: bool = False


def _term_regex(term: str, toponym: bool, inflect: bool) -> str:
    words = [w for w in _SPLIT.split(term.strip()) if w]
    body = r"[\s\-\u2010\u2011\u2012\u2013]*".join(re.escape(w) for w in words)
    if inflect and not toponym:
        body += r"(?:e?s|e?d)?"
    if toponym and words[0][:1].isupper():
        # a toponym keeps its capital: match the first letter case-sensitively
        return rf"(?<![\w])(?-i:{re.escape(words[0][0])}){body[len(re.escape(words[0][0])):]}(?![\w])"
    return rf"(?<![\w]){body}(?![\w])"


def _control_regex(data: dict) -> re.Pattern | None:
    """One pattern for "AGENT-held" (the hyphen and the participle first; the
    agent is checked by :data:`_AGENT_BEFORE`; group ``tail``) and "under AGENT
    control". Both open with one class of characters (a hyphen or the "u" of
    "under"), so that a search looks only at those (the regex engine scans
    ahead for a pattern's first character class, not for the first characters
    of a group's alternatives: ≈ 3.5 times faster over news text)."""
    words = [re.escape(w) for w in data.get("words", [])]
    agents = [re.escape(w) for w in data.get("agents", [])]
    if not words:
        return None
    agent = r"(?:[A-Z][\w’']*+|(?i:" + "|".join(agents or ["state"]) + "))"
    return re.compile(
        rf"[\-\u2010\u2011u](?:(?<=[\-\u2010\u2011])(?P<tail>(?:{'|'.join(words)})(?![\w\-]))"
        rf"|(?<=u)nder(?<![\w]under)[ \t]+(?:{agent}[ \t]+){{1,2}}control\b)")


def _agent_regex(data: dict) -> re.Pattern:
    """The agent of a control compound, ending where its hyphen starts."""
    agents = [re.escape(w) for w in data.get("agents", [])]
    return re.compile(r"(?<![\w\-])(?:[A-Z][\w’']*+|(?i:" + "|".join(agents or ["state"]) + "))$")


@functools.lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Load and compile the framing lexicon.

    Parameters
    ----------
    path : a YAML file in the format of ``rashomon/data/framing.yaml``;
        ``None`` for the packaged one.

    Raises
    ------
    OSError, yaml.YAMLError : the file cannot be read or parsed.
    KeyError : a group lacks ``category`` or ``source``.
    """
    data = (data_files.load("framing.yaml") if path is None else data_files.read_yaml(path)) or {}
    entries: dict[str, tuple[_Entry, bool]] = {}
    for g in data.get("groups", []):
        cat, src, gid = g["category"], g["source"], g.get("id", g["category"])
        uninflected = {str(v).casefold() for v in g.get("uninflected", [])}
        # a set is rival terms for one referent; a plain term list has none
        sets = [("", list(g.get("terms", [])))] + [(f"{gid}/{i}", list(s)) for i, s in
                                                   enumerate(g.get("sets", []))]
        verbs = {str(v).casefold() for v in g.get("verbs", [])}
        for group, terms in sets:
            for t in terms:
                t = str(t)
                entries.setdefault(t.casefold(), (_Entry(t, cat, src, cat == "toponym", group,
                                                         verb=t.casefold() in verbs),
                                                  t.casefold() not in uninflected))
    stops = data.get("stop_phrases", {}) or {}
    for t in stops.get("words", []):
        entries.setdefault(str(t).casefold(), (_Entry(str(t), "", stops.get("source", ""), False, "", True), False))
    ordered = sorted(entries.values(), key=lambda e: (-len(e[0].term), e[0].term))
    regexes = [re.compile(_term_regex(e.term, e.toponym, inflect), re.IGNORECASE) for e, inflect in ordered]
    index: dict[str, list[int]] = {}
    for i, (e, _inflect) in enumerate(ordered):
        words = [w.casefold() for w in _SPLIT.split(e.term.strip()) if w]
        # the first word, or the first words written together ("counterterrorism")
        for j in range(1, len(words) + 1):
            index.setdefault("".join(words[:j]), []).append(i)
    mods = data.get("modifiers", {}) or {}
    control = data.get("control_compounds", {}) or {}
    return Lexicon(
        regexes=regexes,
        index=index,
        entries=[e for e, _ in ordered],
        modifiers=frozenset(w.casefold() for w in mods.get("words", [])),
        compound_nouns=frozenset(w.casefold() for w in data.get("compound_nouns", [])),
        modifier_source=mods.get("source", ""),
        stop_words=_stop_words(),
        control=_control_regex(control),
        agent=_agent_regex(control),
        control_source=control.get("source", ""),
        prefilter=_prefilter(index),
    )


def _prefilter(index: dict[str, list[int]]) -> re.Pattern:
    """A pattern matching, in a lower-cased ASCII text, each whole word that is
    an ASCII key of ``index`` with or without one of :data:`_SUFFIXES` (a few
    more words than :func:`_entries_at` gives entries for, never fewer). The
    keys are written as a trie of nested alternatives, so a word is read once."""
    trie: dict = {}
    for key in index:
        if key.isascii() and re.fullmatch(r"\w+", key, re.ASCII):
            node = trie
            for ch in key:
                node = node.setdefault(ch, {})
            node[""] = {}

    def alternatives(node: dict) -> str:
        alts = [re.escape(ch) + alternatives(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    suffixes = "|".join(_SUFFIXES)
    return re.compile(rf"\b{alternatives(trie)}(?:{suffixes})?\b", re.ASCII)


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # a plain word list; loads no model

    return frozenset(w.casefold() for w in STOP_WORDS)


_WORD_CHARS = frozenset("_-’'")


def _word_before(body: str, pos: int) -> tuple[str, int] | None:
    """The word (letters, digits, "_", "-", apostrophes) that the blanks
    ending at ``pos`` follow, and its start; None when no blank ends at
    ``pos`` or no word precedes them. Looks at most 40 characters back."""
    lo = max(0, pos - 40)
    i = pos
    while i > lo and body[i - 1] in " \t":
        i -= 1
    if i == pos:
        return None
    j = i
    while j > lo and (body[j - 1].isalnum() or body[j - 1] in _WORD_CHARS):
        j -= 1
    return (body[j:i], j) if j < i else None


def _prefix(body: str, start: int, lex: Lexicon) -> int:
    """Start of the qualifiers written straight before ``start``: listed
    modifiers, then at most one demonym; then, when a determiner or a
    preposition opens the phrase, up to two premodifiers (:func:`_premodifiers`)."""
    pos = start
    took_demonym = False
    for _ in range(3):
        found = _word_before(body, pos)
        if not found:
            break
        w, wstart = found
        if w.casefold() in lex.modifiers and not took_demonym:
            pos = wstart
        elif not took_demonym and _DEMONYM.match(w):
            pos = wstart
            took_demonym = True
        else:
            break
    return _premodifiers(body, pos, lex)


def _premodifiers(body: str, pos: int, lex: Lexicon) -> int:
    """``pos`` moved back over up to two words before it that a determiner or a
    preposition precedes ("the port sale" -> "port sale", "the Kastri refinery
    explosion" -> "Kastri refinery explosion"): words of letters, not stop
    words, not -ly adverbs, not -ing forms (mostly verbs: "of killing
    protesters"), not lexicon terms (a term of its own: "called the attack
    ecocide"); of two, the one nearer the term may not end like a verb ("the
    union blamed cost-cutting"); ``pos`` unchanged when no opener closes the run."""
    words: list[int] = []
    at = pos
    for _ in range(3):
        found = _word_before(body, at)
        if not found:
            return pos
        w, wstart = found
        low = w.casefold()
        if low in _OPENERS:
            if len(words) == 2 and _verb_like(body[words[0]:pos].split()[0]):
                return pos  # "the union blamed cost-cutting": a verb and its subject
            return words[-1] if words else pos
        if (len(words) == 2 or not w.isalpha() or low in lex.stop_words or _adverb(low) or len(w) < 3
                or low.endswith("ing") or _entries_at(w, lex)):
            return pos
        words.append(wstart)
        at = wstart
    return pos


def _adverb(word: str) -> bool:
    """A word of letters ending in -ly ("temporarily", "illegally")."""
    return len(word) >= 5 and word.endswith("ly") and word.isalpha() and word.islower()


def _verb_like(word: str) -> bool:
    """A word ending like a past or a third-person verb ("blamed", "fears")."""
    w = word.casefold()
    return w.endswith("ed") or (w.endswith("s") and not w.endswith("ss"))


def _attributive(body: str, s: int, e: int, lex: Lexicon) -> tuple[int, int] | None:
    """The phrase of a participle term used attributively ("the temporarily
    occupied left bank", "in occupied Crimea"): a determiner or a preposition
    before it (an -ly adverb between them is kept) and one or two head words
    after it (lower-case non-stop words, or capitalised names). None when it
    is used predicatively ("Azerbaijan liberated the district")."""
    lo = s
    found = _word_before(body, s)
    if found and _adverb(found[0]):
        lo = found[1]
        found = _word_before(body, lo)
    if not found or (found[0].casefold() not in _OPENERS and found[0].casefold() != "to"):
        return None  # "to" before a participle is a preposition ("returned to occupied land")
    hi = _head_after(body, e, lex, names=True)
    return (lo, hi) if hi is not None else None


def _head_after(body: str, e: int, lex: Lexicon, names: bool) -> int | None:
    """End of the one or two head words straight after ``e`` ("occupied left
    bank", "Russian-held town", with ``names`` also "breached Kakhovka dam",
    "occupied Crimea"): lower-case words that are neither stop words, nor
    openers, nor reporting verbs, and (with ``names``) capitalised names; a
    plural closes the head, and a second word is taken only where a noun
    phrase may end after it (:func:`_boundary_after`; not "-ed"); None when
    there is none."""
    hi = e
    for _ in range(2):
        m = _WORD_AFTER.match(body, hi, hi + 40)
        if not m:
            break
        w = m.group(1)
        if w.islower() and (w in lex.stop_words or w in _OPENERS or w in _NOT_HEADS):
            break
        if not w.islower() and not names:
            break
        if hi > e and (w.endswith("ed") or not _boundary_after(body, m.end(), lex)):
            break  # a verb after the head ("occupied territories burned", "district fell silent")
        hi = m.end()
        if w.endswith("s") and not w.endswith("ss"):
            break  # a plural closes the head ("occupied areas leave …")
    return hi if hi > e else None


def _boundary_after(body: str, pos: int, lex: Lexicon) -> bool:
    """Whether a noun phrase may end at ``pos``: punctuation, the end of the
    text, or a stop word or an opener next (a verb is followed by its complement)."""
    m = _WORD_AFTER.match(body, pos, pos + 40)
    if m is None:
        return True
    w = m.group(1).casefold()
    return w in lex.stop_words or w in _OPENERS


def _compound(body: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The hyphenated compound a toponym sits in, with a closing noun
    ("Lachin-Khankendi road"), or ``None`` when it stands alone."""
    s, e = start, end
    grown = False
    while s > 1 and body[s - 1] in _DASHES:
        m = _CAPITALISED_BEFORE.search(body, max(0, s - 41), s - 1)
        if not m:
            break
        s = s - 1 - len(m.group(0))
        grown = True
    while e < len(body) - 1 and body[e] in _DASHES:
        m = _CAPITALISED.match(body, e + 1, e + 41)
        if not m:
            break
        e = e + 1 + len(m.group(0))
        grown = True
    m = _NOUN_AFTER.match(body, e, e + 30)
    if m and m.group(1).casefold() in lex.compound_nouns:
        e += len(m.group(0))
        grown = True
    return (s, e) if grown else None


def _entries_at(word: str, lex: Lexicon) -> tuple[int, ...]:
    """Indices (ascending) of the entries that may start at ``word``: those
    indexed under it, case-folded, or under it without a plural/-ed ending.
    Remembered per word in ``lex.starts``."""
    found = lex.starts.get(word)
    if found is None:
        if len(lex.starts) >= _MAX_REMEMBERED:
            lex.starts.clear()
        tok = word.casefold()
        cands = set(lex.index.get(tok, ()))
        for suf in _SUFFIXES:
            if tok.endswith(suf) and len(tok) > len(suf) + 2:
                cands.update(lex.index.get(tok[: -len(suf)], ()))
        found = lex.starts[word] = tuple(sorted(cands))
    return found


def _matches(body: str, lex: Lexicon):
    """Leftmost-longest, non-overlapping lexicon matches as (start, end, entry
    index). Only the entries indexed under the word at each position (or
    under that word without a plural/-ed ending) are tried; in a text whose
    words are all ASCII (any other character is punctuation or space: curly
    quotes, dashes, no-break spaces), only the words ``lex.prefilter`` finds
    are looked up: such a text's words are the same in ASCII and Unicode
    matching, and lower case is their case-folding and keeps every offset
    (lower-casing a character that is no word character gives one character
    that is none, checked over all of Unicode)."""
    last = 0
    starts, regexes = lex.starts, lex.regexes
    ascii_ = lex.prefilter is not None and (body.isascii() or _NON_ASCII_WORD_CHAR.search(body) is None)
    for w in lex.prefilter.finditer(body.lower()) if ascii_ else _TOKEN.finditer(body):
        word = w.group()
        cands = starts.get(word)  # most words are remembered: no call for them
        if cands is None:
            cands = _entries_at(word, lex)
        if not cands:
            continue
        p = w.start()
        if p < last:
            continue
        best = None
        for i in cands:  # ascending: of two matches ending alike, the first entry wins
            m = regexes[i].match(body, p)
            if m and (best is None or m.end() > best[1]):
                best = (p, m.end(), i)
        if best:
            last = best[1]
            yield best


def clean(term: str) -> str:
    """``term`` with its runs of white space made single spaces."""
    return _SPACES.sub(" ", term).strip()


def lexicon_spans(body: str, lex: Lexicon) -> list[Span]:
    """Every framing term of ``body`` as the phrase the text writes it in
    (see the module docstring), in text order; a toponym in a hyphenated
    compound gives the toponym and the compound."""
    out: list[Span] = []
    control: list[tuple[int, int]] = []
    if lex.control is not None and lex.agent is not None:
        for m in lex.control.finditer(body):
            start, hi = m.start(), m.end()
            if m.group("tail"):
                agent = lex.agent.search(body, max(0, start - 30), start)
                if agent is None:
                    continue
                start = agent.start()
                hi = _head_after(body, m.end(), lex, names=False) or hi
            control.append((start, m.end()))
            out.append(Span(start, hi, "control", lex.control_source, "control"))
    for s, e, ei in _matches(body, lex):
        entry = lex.entries[ei]
        if entry.stop or any(a < e and s < b for a, b in control):
            continue
        if entry.toponym:
            out.append(Span(s, e, entry.category, entry.source, entry.group, True))
            comp = _compound(body, s, e, lex)
            if comp and not any(x.start == comp[0] and x.end == comp[1] for x in out):
                out.append(Span(comp[0], comp[1], entry.category, entry.source, entry.group, True))
            continue
        if entry.verb:
            phrase = (s, e)
        elif body[e - 2:e].casefold() == "ed":
            phrase = _attributive(body, s, e, lex) or (s, e)
        else:
            phrase = (_prefix(body, s, lex), e)
        src = entry.source if phrase == (s, e) else f"{entry.source}; qualifiers: {lex.modifier_source}"
        out.append(Span(phrase[0], phrase[1], entry.category, src, entry.group))
    out.sort(key=lambda x: (x.start, x.end))
    return out

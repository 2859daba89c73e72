"""Entity mentions per article from the annotated Doc.

Three sources, merged without overlaps (a group or event span wins over the
entities inside it):

* spaCy entities of useful labels (:data:`USEFUL_LABELS`), trimmed of a leading
  "the", a possessive "'s"/"’s" and surrounding punctuation;
* social-media handles (``@name``), labelled PERSON when they follow a person's
  name ("Hikmet Hajiyev (@HikmetHajiyev)") or squash to one, else ORG;
* group actors (``data/actors.yaml``): a demonym, country or place plus a group
  noun ("Russian peacekeepers", "Azerbaijan’s Foreign Ministry", "Armed Forces
  of Azerbaijan"), labelled GROUP or ORG by family; and named events ("the
  44-Day War", "44-day conflict", "the Second World War"), labelled EVENT.

Mentions inside removed spans (``article.removed``) are dropped. All offsets
are ``Article.text`` offsets.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from rashomon import data as data_files
from rashomon.types import Article, Mention
from rashomon.annotate import doc_ents, doc_text, handle_stems
from rashomon.annotate.views import doc_view
from rashomon.clean import overlap_test

USEFUL_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"}
MODIFIER_LABELS = {"NORP", "GPE", "LOC"}

_LEAD = re.compile(r"^(?:[\s\"'“”‘’(\[«—―–]|the\s+|The\s+|THE\s+)+")  # a quotation dash before a name too
_TRAIL = re.compile(r"(?<![\s.,;:!?)\]\"'“”‘’»])(?<!['’]s)(?<!\sof)(?<!\sand)(?<!\sthe)(?<!\sfor)"
                   r"(?:\s(?:of|and|the|for)|['’]s|[\s.,;:!?)\]\"'“”‘’»])++$")
"""Trailing punctuation, possessive "'s" and dangling "of/and/the/for". A
search tries it only where no such piece ends just before (the leftmost
match never starts there) and takes the pieces without backtracking (longest
alternative first: the split is unique), so it is linear in the segment."""
_TRAIL_LAST = frozenset(".,;:!?)]\"'“”‘’»" + "fders")
"""The characters other than whitespace a :data:`_TRAIL` match can end with:
its punctuation and the last letters of "of", "and", "the", "for" and "'s"."""
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,30}")

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
                "forty-four": 44, "six-day": 6}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7}


@dataclass(frozen=True)
class Actors:
    """The group-actor lexicon: ``nouns`` maps a noun phrase (tuple of lower-case
    words) to its (family, label); ``modifiers`` are the words allowed between
    the country and the noun; ``events`` maps an event noun to its family."""

    nouns: dict
    modifiers: frozenset
    events: dict
    max_len: int


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[\w-]+|['’]s", phrase.lower().replace("’", "'")))


@functools.lru_cache(maxsize=1)
def load_actors() -> Actors:
    """Read ``data/actors.yaml`` (cached). Returns an :class:`Actors`."""
    data = data_files.load("actors.yaml")
    nouns: dict[tuple[str, ...], tuple[str, str]] = {}
    for fam in data["families"]:
        for n in fam["nouns"]:
            nouns[_words(n)] = (fam["family"], fam.get("label", "GROUP"))
    mods = frozenset(w.replace("’", "'") for w in data["modifiers"]["words"])
    events = {k.lower(): v for k, v in data["events"]["nouns"].items()}
    return Actors(nouns=nouns, modifiers=mods, events=events, max_len=max(len(k) for k in nouns))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` of ``text`` past a leading "the"/punctuation and a
    trailing possessive or punctuation. Returns the new (start, end)."""
    seg = text[start:end]
    m = _LEAD.match(seg)
    if m and m.end() < len(seg):
        start += m.end()
        seg = text[start:end]
    last = seg[-1:]
    m = _TRAIL.search(seg) if last in _TRAIL_LAST or last.isspace() else None
    if m and m.start() > 0:
        end = start + m.start()
    return start, end


@functools.lru_cache(maxsize=1)
def _noun_affixes() -> tuple[frozenset, frozenset]:
    """(prefixes, suffixes) of the group nouns' word tuples, each noun included:
    a walk along the tokens stops as soon as its words are no noun's prefix
    (or suffix, walking backwards)."""
    nouns = load_actors().nouns
    prefixes = frozenset(k[:n] for k in nouns for n in range(1, len(k) + 1))
    suffixes = frozenset(k[-n:] for k in nouns for n in range(1, len(k) + 1))
    return prefixes, suffixes


class _Words:
    """Lower-case words of a Doc's token views ("’" read as "'"), worked out
    only for the tokens asked for and then kept (a dict keyed by token index)."""

    def __init__(self, toks: list):
        self.toks = toks
        self.n = len(toks)
        self._words: dict[int, str] = {}

    def __getitem__(self, i: int) -> str:
        w = self._words.get(i)
        if w is None:
            w = self._words[i] = self.toks[i].lower_.replace("’", "'")
        return w


def _match_noun(words: _Words, j: int, actors: Actors) -> tuple[int, str, str] | None:
    """Longest group noun starting at token ``j``: (end token, family, label).

    Walks forward one word at a time while the words so far begin some noun,
    keeping the longest one that is a whole noun."""
    prefixes = _noun_affixes()[0]
    found = None
    key: tuple[str, ...] = ()
    for i in range(j, min(j + actors.max_len, words.n)):
        key += (words[i],)
        if key not in prefixes:
            break
        hit = actors.nouns.get(key)
        if hit:
            found = (i + 1, hit[0], hit[1])
    return found


def _noun_before(words: _Words, k: int, actors: Actors) -> tuple[int, str] | None:
    """Longest title-case group noun ending just before token ``k`` ("Armed
    Forces" in "Armed Forces of Azerbaijan"): (start token, label).

    Walks backward one word at a time while the words so far end some noun."""
    suffixes = _noun_affixes()[1]
    found = None
    key: tuple[str, ...] = ()
    for i in range(k - 1, max(k - actors.max_len, 0) - 1, -1):
        key = (words[i],) + key
        if key not in suffixes:
            break
        hit = actors.nouns.get(key)
        if hit and all(t.is_title or t.is_upper for t in words.toks[i:k]):
            found = (i, hit[1])
    return found


def _groups(doc, actors: Actors) -> list[tuple[int, int, str]]:
    """Group actor spans as (start token, end token, label)."""
    mods = [e for e in doc_ents(doc) if e.label_ in MODIFIER_LABELS]
    mods += [s for s in doc.spans.get("gazetteer", []) if s.label_ in MODIFIER_LABELS]
    words = _Words(doc_view(doc).tokens)
    out: list[tuple[int, int, str]] = []
    seen = set()
    for m in sorted(mods, key=lambda s: (s.start, -s.end)):
        if (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        j, steps = m.end, 0
        found = None
        while j < words.n and steps <= 3:
            hit = _match_noun(words, j, actors)
            if hit:
                found = hit
                # a longer noun after more modifiers? keep the first (closest) one
                break
            if words[j] in actors.modifiers or (words[j] == "'s" and words.toks[j].text in {"'s", "’s"}):
                j += 1
                steps += 1
                continue
            break
        if found:
            out.append((m.start, found[0], found[2]))
            continue
        # "<noun> of [the] <place>": the Armed Forces of Azerbaijan
        k = m.start - 1
        if k >= 0 and words[k] == "the":
            k -= 1
        if k >= 1 and words[k] == "of":
            hit = _noun_before(words, k, actors)
            if hit:
                out.append((hit[0], m.end, hit[1]))
    return out


_NUM = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty(?:-four)?|fifty|hundred)"
_NUM_MAX = len("forty-four")  # the longest text _NUM matches
_EVENT_NUM = re.compile(rf"(?i)\b({_NUM}[-\s](?:day|week|month|year)s?[-\s]({{nouns}}))\b")
_EVENT_UNIT = re.compile(r"(?i)[-\s](?:day|week|month|year)s?[-\s](?:{nouns})\b")
_ORD_WORDS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "1st", "2nd", "3rd", "4th", "5th",
              "6th", "7th")
_ORD_NOUNS = ("War", "Conflict", "Intifada", "Offensive", "Battle")
_EVENT_ORD = re.compile(r"\b((?:" + "|".join(_ORD_WORDS) + r")"
                        r"\s+(?:[A-Z][\w-]*\s+){0,3}(?:" + "|".join(_ORD_NOUNS) + r"))\b")


@functools.lru_cache(maxsize=1)
def _event_num_re(nouns: tuple[str, ...]):
    alts = "|".join(map(re.escape, nouns))
    return (re.compile(_EVENT_NUM.pattern.replace("{nouns}", alts)),
            re.compile(_EVENT_UNIT.pattern.replace("{nouns}", alts)))


def _event_num_spans(text: str, nouns: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of ``_EVENT_NUM`` matches ("44-day war"), as ``finditer`` finds them.

    Scanning the text with ``_EVENT_NUM`` tries its many number words at every
    position; instead ``_EVENT_UNIT`` finds the rarer "-day war" part, and the
    full pattern is tried only at the few positions where the number before
    it can start (at most ``_NUM_MAX`` characters back), left to right and
    never inside an earlier match, as ``finditer`` would."""
    full, unit = _event_num_re(nouns)
    spans: list[tuple[int, int]] = []
    last_end = 0
    for u in unit.finditer(text):
        p = u.start()
        for start in range(max(last_end, p - _NUM_MAX), p):
            m = full.match(text, start)
            if m:
                spans.append(m.span(1))
                last_end = m.end()
                break
    return spans


def _events(text: str, actors: Actors) -> list[tuple[int, int]]:
    spans = _event_num_spans(text, tuple(sorted(actors.events)))
    # the ordinal pattern needs one of its ordinals and one of its nouns, verbatim
    if any(w in text for w in _ORD_NOUNS) and any(w in text for w in _ORD_WORDS):
        spans += [m.span(1) for m in _EVENT_ORD.finditer(text)]
    return spans


def _handle_label(doc, start_char: int, handle: str) -> str:
    """PERSON when the handle follows a person's name or squashes to one
    (possibly plus a suffix: "@IdrisKemalMP", see ``annotate.handle_stems``), else ORG."""
    from anyascii import anyascii

    stems = set(handle_stems(handle))
    for e in doc_ents(doc):
        if e.label_ == "PERSON" and len(e) >= 2 and re.sub(r"[^a-z0-9]", "", anyascii(e.text).lower()) in stems:
            return "PERSON"
    before = doc_text(doc)[max(0, start_char - 3):start_char]
    if "(" in before:
        prev = [e for e in doc_ents(doc) if e.end_char <= start_char and start_char - e.end_char <= 3]
        if prev and prev[-1].label_ == "PERSON":
            return "PERSON"
    return "ORG"


# lower-case words a name may hold (function words, particles of personal names)
NAME_PARTICLES = frozenset({"of", "the", "and", "for", "on", "in", "at", "de", "del", "della", "di", "da", "das", "do",
                            "dos", "du", "des", "la", "le", "van", "von", "der", "den", "ter", "y", "e", "al", "el",
                            "bin", "ibn", "bint", "ben", "abu", "&", "'s", "’s"})
_BREAKS = {"ADP", "VERB", "AUX", "SCONJ", "PART"}


def _name_parts(ent, toks: list | None = None) -> list[tuple[int, int]]:
    """Character spans of the names a tagger entity holds: the entity cut at
    a lower-case verb, auxiliary or preposition that no name holds ("Arden to
    Velsk" → "Arden", "Velsk"; "Port of Arden" stays whole), each part kept
    when it starts with a capital. ``toks``: the Doc's token views (read from
    ``ent.doc`` when not given). Source: English capitalisation of proper
    names (The Chicago Manual of Style, 17th ed., 8.1-8.3)."""
    if toks is None:
        toks = doc_view(ent.doc).tokens
    start, end = ent.start, ent.end
    cuts = [k for k in range(start + 1, end - 1) if toks[k].pos_ in _BREAKS and toks[k].is_lower
            and toks[k].lower_ not in NAME_PARTICLES]
    if not cuts:
        return [(ent.start_char, ent.end_char)]
    out, lo = [], start
    for c in cuts + [end]:
        if c > lo and toks[lo].text[:1].isupper():
            out.append((toks[lo].idx, toks[c - 1].idx + len(toks[c - 1].text)))
        lo = c + 1
    return out


@functools.lru_cache(maxsize=1)
def _extensions():
    """(facility-head pattern, numbered nouns) from ``data/entity_words.yaml``."""
    d = data_files.load("entity_words.yaml")
    heads = sorted(d["facility_heads"]["words"], key=len, reverse=True)
    pattern = re.compile(r"(?<!\s)\s+(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads) + r")\b", re.I)
    return pattern, frozenset(str(w).lower() for w in d["numbered_nouns"]["words"])


_UNIT_NUMBER = re.compile(r" (\d{1,2})\b(?![.,:/%]\d|%|-\w)")
_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)(?= \d{1,2}\b(?![.,:/%]\d|%|-\w))")


def _extend(body: str, start: int, end: int, label: str) -> tuple[int, int, str, int]:
    """A tagger entity as a candidate (start, end, label, priority 1),
    extended over what completes the name: a facility head after a place or
    organisation name ("Arden" + " nuclear power plant" → FAC), a number after
    a numbered noun ("Distillation Unit" + " 2", "Distillation" + " Unit 2");
    ``data/entity_words.yaml``."""
    heads, numbered = _extensions()
    m = heads.match(body, end)
    if m and label in {"GPE", "LOC", "ORG", "FAC", "PERSON"}:
        return start, m.end(), "FAC", 1
    last = body[start:end].rsplit(None, 1)[-1].lower()
    if last not in numbered:  # the tagger may stop before the noun: "Vacuum Distillation" + " Unit 3"
        w = _NEXT_WORD.match(body, end)
        if not (w and w.group(1).lower() in numbered and w.group(1)[:1].isupper()):
            return start, end, label, 1
        end = w.end()
    m = _UNIT_NUMBER.match(body, end)
    return start, m.end() if m else end, label, 1


def extract_mentions(article: Article, doc) -> list[Mention]:
    """Mentions of named things in one article.

    Parameters
    ----------
    article : the article (its ``text`` and ``removed`` spans).
    doc : the spaCy Doc over ``annotate.body_text(article)`` (same offsets).

    Returns
    -------
    list[Mention] sorted by start offset, without overlaps; ``entity`` is left
    ``None`` for the linker. Labels are OntoNotes labels, or GROUP for group
    actors (ORG for government bodies), EVENT for named events.
    """
    text = article.text
    body = doc_text(doc)
    actors = load_actors()
    cands: list[tuple[int, int, str, int]] = []  # start, end, label, priority
    for s, e, label in _groups(doc, actors):
        cands.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label, 3))
    for s, e in _events(body, actors):
        cands.append((s, e, "EVENT", 3))
    toks = doc_view(doc).tokens
    for ent in doc_ents(doc):
        if ent.label_ not in USEFUL_LABELS:
            continue
        for s, e in _name_parts(ent, toks):
            cands.append(_extend(body, s, e, ent.label_))
    for m in (_HANDLE.finditer(body) if "@" in body else ()):  # most texts have no "@" at all
        inside = [ent for ent in doc_ents(doc) if ent.start_char <= m.start() and m.end() <= ent.end_char
                  and trim(body, ent.start_char, ent.end_char) != m.span()]
        if not inside:  # a handle inside a longer name ("the @ICRC Baku Office") stays part of it
            cands.append((m.start(), m.end(), "HANDLE", 2))
    # resolve overlaps: higher priority, then longer span first
    cands.sort(key=lambda c: (-c[3], -(c[1] - c[0]), c[0]))
    removed = overlap_test([(r.start, r.end) for r in article.removed])
    taken = _Taken()
    out: list[Mention] = []
    for s, e, label, prio in cands:
        s, e = trim(text, s, e)
        if e <= s or removed(s, e):
            continue
        if taken.overlaps(s, e):
            # a handle inside an ORG ("the @ICRC Baku Office") stays part of it
            continue
        surface = text[s:e]
        first = next((ch for ch in surface if ch.isalpha()), "")
        if not first or not (first.isupper() or surface.startswith("@") or surface[0].isdigit()):
            continue
        if label == "HANDLE":
            label = _handle_label(doc, s, surface)
        taken.add(s, e)
        out.append(Mention(article=article.id, start=s, end=e, text=surface, label=label))
    out.sort(key=lambda m: m.start)
    return out


class _Taken:
    """Disjoint character spans, kept sorted by start: since they never
    overlap, their ends are sorted too, and one binary search tells whether a
    new span overlaps any of them."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # the last span starting before ``end`` ends latest of those that could overlap
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

"""Name normalisation and variant matching for entity linking.

Pure functions on strings, cached because names recur across mentions:

* :func:`fold`, :func:`skeleton`, :func:`translit`: keys of one name token
  (accents, case, consonant skeleton, romanisation alternations);
* :func:`tokens_match` / :func:`names_match`: whether two tokens / two full
  person names are spellings of one name (thresholds and evidence below);
* :func:`title_end`: where a person's name starts after a title ("Mayor …");
* :func:`org_key`, :func:`place_key`: keys under which two organisation or
  place names are the same name (legal forms, "Ministry of X" = "X Ministry",
  a demonym for its place, a plural last word; Ukrainian and Russian forms of
  place-name adjectives).

Lexicons: ``data/name_variants.yaml`` (given-name and place-word equivalents),
``data/entity_words.yaml`` (legal forms), ``data/titles.yaml`` (titles); each
list carries its source.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from anyascii import anyascii
from rapidfuzz import fuzz

from rashomon import data as data_files
from rashomon.annotate import load_titles, name_key
from rashomon.extract.mentions import NAME_PARTICLES

# Token similarity thresholds (rapidfuzz.fuzz.ratio, 0-100, on anyascii lower-case tokens).
# Measured on 30 transliteration/spelling pairs of one name (Hikmet/Hikmat, Hajizada/Hajizadeh,
# Mohammed/Muhammad, Sergey/Sergei, Zelensky/Zelenskyy, Yusuf/Yousef, ...) and 21 look-alike pairs of
# different names (Hajiyev/Hajizada, Karimov/Kasimov, Ivanov/Ivanova, Omar/Amir, Elchin/Elshan, ...):
# variants score 72.7-100, look-alikes 50-92.3, so no ratio alone separates them. Rule:
#   ratio >= STRONG (88, the settings default `name_match_threshold`), or
#   ratio >= WEAK (72) and the same consonant skeleton (vowels, h, w, y dropped; doubles collapsed),
#   or the same romanisation key (:func:`translit`),
# and never when one token is the other plus a final "a" (Slavic/Turkic feminine surnames), one ends
# in "a" and the other in neither "a" nor "h" (feminine and masculine given names: Petra/Peter,
# Maria/Mario), or either token has 3 letters or fewer (then only equality). On the table this accepts
# every variant pair and rejects Hajiyev/Hajizada, Karimov/Kasimov, Elchin/Elshan, Omar/Amir,
# Ivanov/Ivanova, Aliyev/Aliyeva, Vardanyan/Vardanov, Aykhan/Aydan, Ruben/Robert; it still accepts some
# vowel-only look-alikes (John/Joan), so a full name must also share one token exactly (or by
# romanisation key, or as equivalent given names) unless every token pair reaches STRONG
# (tests/test_entities.py and tests/test_names.py hold the tables).
WEAK = 72.0
STRONG = 88.0

_NAME_SPLIT = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s\b")
_INITIAL_GI = re.compile(r"^(?:gi|yi)(?=[aeiou])")
_DOUBLE = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """anyascii, lower case, letters and digits only (cached: names recur)."""
    return re.sub(r"[^a-z0-9]", "", anyascii(token).lower())


@functools.lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Consonant skeleton of a folded token: x→ks, q→k, kh/ch→h, ph→f, a
    Greek initial "gi"/"yi" before a vowel → y; then vowels and h/w/y
    dropped, doubled letters collapsed ("Hajizadeh" → "jzd", "Chatzopoulos" and
    "Hatzopoulos" → "tzpls")."""
    s = _INITIAL_GI.sub("y", fold(token))
    s = s.replace("x", "ks").replace("q", "k").replace("kh", "h").replace("ch", "h").replace("ph", "f")
    s = re.sub(r"[aeiouyhw]", "", s)
    return _DOUBLE.sub(r"\1", s)


@functools.lru_cache(maxsize=65536)
def translit(token: str) -> str:
    """Romanisation key of a token: the letters that romanisations of one
    Cyrillic or Greek name write differently made one (initial "gi"/"yi"
    before a vowel → "i", y→i, kh→h, ou→u, w→v, ph→f, x→ks, doubles
    collapsed): "Kozlovskyy" and "Kozlovsky" → "kozlovski", "Yiannis" and
    "Giannis" → "ianis", "Zolotaryev" and "Zolotariev" → "zolotariev".

    Source: the alternations between the BGN/PCGN, ISO 9 and national
    romanisations of Russian and Ukrainian (Ukrainian National
    Transliteration 2010) and between ELOT 743 and traditional Greek."""
    s = _INITIAL_GI.sub("y", fold(token))
    s = s.replace("kh", "h").replace("ou", "u").replace("w", "v").replace("ph", "f").replace("x", "ks")
    s = s.replace("y", "i")
    return _DOUBLE.sub(r"\1", s)


@functools.lru_cache(maxsize=1)
def _variant_groups() -> tuple[dict[str, int], dict[str, str]]:
    """(folded given name → group number, folded place word → the group's first form)."""
    data = data_files.load("name_variants.yaml")
    given = {fold(n): i for i, g in enumerate(data["given_names"]["groups"]) for n in g}
    places = {fold(n): fold(g[0]) for g in data["place_words"]["groups"] for n in g}
    return given, places


def same_given_name(a: str, b: str) -> bool:
    """Whether two tokens are forms of one given name in two languages
    (``data/name_variants.yaml``: "Volodymyr" = "Vladimir")."""
    given = _variant_groups()[0]
    ga = given.get(fold(a))
    return ga is not None and ga == given.get(fold(b))


def tokens_match(a: str, b: str, strong: float = STRONG) -> bool:
    """Whether two name tokens are spelling or transliteration variants of one
    name (thresholds and evidence in the module constants)."""
    x, y = fold(a), fold(b)
    if not x or not y:
        return False
    if x == y:
        return True
    if min(len(x), len(y)) <= 3:
        return False
    if x + "a" == y or y + "a" == x:
        return False
    if translit(x) == translit(y):
        return True
    if _gendered(x, y) or _gendered(y, x):
        return False
    r = fuzz.ratio(x, y)
    if r >= strong:
        return True
    return r >= WEAK and skeleton(x) == skeleton(y)


def _gendered(x: str, y: str) -> bool:
    """A feminine "-a" form beside a masculine form of one stem ("Petra" /
    "Peter", "Carla" / "Carlo", "Dimitra" / "Dimitris"): ``x`` ends in "a",
    ``y`` in neither "a" nor "h" (romanisations of one name end "-a", "-ah"
    or "-eh": "Hamza" / "Hamzeh"). Source: the -a feminine of Slavic,
    Romance, Greek and Germanic given names (Wikipedia, "Feminine form of
    names")."""
    return x.endswith("a") and not y.endswith(("a", "h"))


def _anchor(x: str, y: str, first: bool) -> bool:
    """An exact pair for :func:`names_match`: equal, the same romanisation
    key, or (a given name, not the last token) equivalent given names."""
    return fold(x) == fold(y) or translit(x) == translit(y) or (first and same_given_name(x, y))


def names_match(a: Sequence[str], b: Sequence[str], strong: float = STRONG) -> bool:
    """Full person names match when they have the same number of tokens (two
    or more), every token pair matches (:func:`tokens_match`, or equivalent
    given names before the last token) and one pair is exact (:func:`_anchor`)
    or all pairs reach ``strong``."""
    if len(a) != len(b) or len(a) < 2:
        return False
    last = len(a) - 1
    pairs = list(zip(a, b))
    if not all(tokens_match(x, y, strong) or (i < last and same_given_name(x, y)) for i, (x, y) in enumerate(pairs)):
        return False
    return any(_anchor(x, y, i < last) for i, (x, y) in enumerate(pairs)) or \
        all(fuzz.ratio(fold(x), fold(y)) >= strong for x, y in pairs)


_INITIAL = re.compile(r"[A-Za-z]\.?")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def core_name(tokens: Sequence[str]) -> tuple[tuple[str, ...], bool]:
    """A person's name without middle initials and a generational suffix
    ("John F. Smith Jr." → ("John", "Smith")), and whether anything was
    dropped. The first and last name words are always kept."""
    toks = list(tokens)
    if len(toks) > 2 and fold(toks[-1]) in _SUFFIXES:
        toks = toks[:-1]
    core = [toks[0]] + [t for t in toks[1:-1] if not _INITIAL.fullmatch(t)] + toks[-1:] if len(toks) > 2 else toks
    return tuple(core), len(core) != len(tokens)


@functools.lru_cache(maxsize=65536)
def name_tokens(text: str) -> tuple[str, ...]:
    """The words of a name: a leading "@" and possessive "'s" dropped, split
    on white space, words without a letter or digit dropped."""
    return tuple(t for t in _NAME_SPLIT.split(_POSSESSIVE.sub("", text.lstrip("@")).strip()) if fold(t))


# a Korean given name romanised with a hyphen and a lower-case second syllable ("Ki-moon", "Jae-in")
_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def family_name(words: tuple[str, ...] | list[str]) -> str:
    """The family name among the words of a person's full name: the last word,
    or the first when the last is a hyphenated Korean given name ("Ban Ki-moon"
    → "Ban"): Korean names put the family name first and romanise the given
    name with a hyphen (AP Stylebook, "Korean names"; Revised Romanization of
    Korean, 2000, section 3.4). ``words`` must not be empty."""
    if len(words) == 2 and _HYPHENATED_GIVEN.match(words[-1]) and words[0][:1].isupper():
        return words[0]
    return words[-1]


_WORD = re.compile(r"\S+")


def _word_key(w: str) -> str:
    return w.lower().rstrip(".,")


def title_end(text: str) -> int:
    """Character offset in ``text`` where a person's name starts after a title:
    the end of the last title word (``data/titles.yaml``) that only
    capitalised name words follow ("Mayor Jana Novak" → 6, "union president
    Ola Berg" → 16); 0 when there is none, or nothing name-like after it.

    Source: OntoNotes Named Entity Guidelines v14, PERSON ("titles such as
    Mr., Dr., President … are not part of the name")."""
    titles, modifiers, _ = load_titles()
    words = list(_WORD.finditer(text))
    cut = 0
    for i, w in enumerate(words[:-1]):
        if _word_key(w.group()) not in titles:
            continue
        rest = words[i + 1:]
        if all(r.group()[:1].isupper() and _word_key(r.group()) not in titles and
               _word_key(r.group()) not in modifiers for r in rest):
            cut = rest[0].start()
    return cut


_NAME_STOP = re.compile(r",|;|\s\(|\s[–—]\s")


def name_end(text: str, heads: frozenset[str] = frozenset()) -> int:
    """Character offset in ``text`` where a name that starts it ends: before
    the first lower-case word that is no function word, name particle or one
    of ``heads`` (lower-case head nouns a name may end in: "the Ombudsman
    office"), or at a comma, semicolon, bracket or dash: "Novak told Radio
    Arden" → 5, "Ola Berg, union chair" → 8, "Port of Arden" → 13;
    ``len(text)`` when none, or when ``text`` does not start with a capital.

    Source: English capitalisation of proper names (The Chicago Manual of
    Style, 17th ed., 8.1-8.3): inside a name only articles, conjunctions,
    prepositions and the particles of personal names are lower case."""
    if not text[:1].isupper():
        return len(text)
    stop = _NAME_STOP.search(text)
    if stop:
        text = text[:stop.start()]
    for w in list(_WORD.finditer(text))[1:]:
        word = w.group()
        low = word.lower().strip(",.;:")
        if word[:1].islower() and low not in NAME_PARTICLES and low not in heads:
            return len(text[:w.start()].rstrip(" ,;:"))
    return len(text)


# -- organisation and place keys --------------------------------------------

@functools.lru_cache(maxsize=1)
def _legal_forms() -> tuple[frozenset[tuple[str, ...]], int]:
    """Legal-form suffixes as word tuples of :func:`name_key`, and the longest one's length."""
    words = data_files.load("entity_words.yaml")["legal_forms"]["words"]
    forms = frozenset(f for f in (tuple(name_key(str(w)).split()) for w in words) if f)
    return forms, max(len(f) for f in forms)


_REORDER_HEADS = {"ministry", "department"}
_PLURAL_KEEP = ("ss", "us", "is")


@functools.lru_cache(maxsize=65536)
def _strip_legal_form(words: tuple[str, ...]) -> tuple[str, ...]:
    forms, longest = _legal_forms()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in range(min(longest, len(words) - 1), 0, -1):
            if words[-n:] in forms:
                words = words[:-n]
                changed = True
                break
    return words


def strip_legal_form(words: list[str]) -> list[str]:
    """``words`` (a name key's words) without trailing legal-form suffixes
    ("brannoc shipping s a" → "brannoc shipping"); at least one word is kept."""
    return list(_strip_legal_form(tuple(words)))


@functools.lru_cache(maxsize=65536)
def org_key(text: str) -> str:
    """Key under which two organisation names are one name.

    From :func:`rashomon.annotate.name_key`: trailing legal forms dropped
    (ISO 20275 abbreviations, ``data/entity_words.yaml``); "Ministry of X [of
    Y]" read as "[Y] X Ministry" (likewise "Department of X"); a plural last
    word made singular ("Aubrel Polymers" = "Aubrel Polymer"). Returns "" for an empty
    name. A demonym first word is replaced by its place by the caller
    (:func:`demonym_place`), which knows the corpus's places."""
    words = strip_legal_form(name_key(text).split())
    if len(words) >= 3 and words[0] in _REORDER_HEADS and words[1] == "of":
        rest = [w for w in words[2:] if w != "the"]
        if "of" in rest:
            i = rest.index("of")
            rest = rest[i + 1:] + rest[:i]
        words = rest + [words[0]]
    if len(words) > 1 and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith(_PLURAL_KEEP):
        words[-1] = words[-1][:-1]
    return " ".join(words)


_DEMONYM_SUFFIXES = ("ian", "ese", "an", "n", "i")


def demonym_place(word: str, places: set[str] | frozenset[str]) -> str | None:
    """The place key in ``places`` that a demonym-like ``word`` (lower case)
    derives from by an English demonym suffix: -n, -an, -ian, -i, -ese
    ("zarqan" → "zarqa", "tervanian" → "tervania", "yemeni" → "yemen",
    "sudanese" → "sudan"); None when none does. The stem keeps 3 letters or more.

    Source: Wikipedia, "Demonym" (English suffixes -(a)n, -ian, -i, -ese)."""
    for suffix in _DEMONYM_SUFFIXES:
        stem = word[:-len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and stem in places:
            return stem
    return None


@functools.lru_cache(maxsize=65536)
def place_key(text: str) -> str:
    """Key under which two place names are one name: each word of
    :func:`rashomon.annotate.name_key` as its place-word group's first form
    (``data/name_variants.yaml``: "Novaya" → "nova") and then its romanisation
    key (:func:`translit`): "Novaya Dolyna" and "Nova Dolyna" → "nova
    dolina", "Zhitkivtsi" and "Zhytkivtsy" → "zhitkivtsi". Exact equality only: no
    place is matched by similarity."""
    places = _variant_groups()[1]
    return " ".join(translit(places.get(w, w)) for w in name_key(text).split())

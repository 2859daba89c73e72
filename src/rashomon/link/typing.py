"""What kind of thing a name names, from its own words and its context.

The tagger's label is kept unless a name's words say otherwise
(``data/entity_words.yaml``, each list with its source):

* a name holding an organisation word ("Ministry", "Agency", "Refining") or
  ending in a legal form ("Corp", "S.A.") or a company's geographic last word
  ("Southern", "Pacific") is an ORG, never a PERSON;
* a name ending in a facility word ("Square", "Bridge") is a FAC, in a natural
  feature word ("River", "Lake") a LOC;
* a name starting with a place-name prefix ("New", "Nova", "Nea", "San")
  is a GPE, not a PERSON;
* a one-word name that is nobody's surname and the subject of "said in a
  statement" is an ORG (a statement is how organisations speak; a person so
  named would be introduced with a given name);
* a name tagged PERSON that is nobody's full name or surname and follows a
  preposition of place ("in Kes Arden") is a GPE.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rashomon import data as data_files
from rashomon.link.names import name_tokens

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# labels a name's words may overrule; GROUP, NORP and EVENT come from rashomon's own lexicons
_OVERRULABLE = {"PERSON", "ORG", "GPE", "LOC", "FAC", "LAW", "PRODUCT", "WORK_OF_ART", None}


@dataclass(frozen=True)
class EntityWords:
    """The word lists of ``data/entity_words.yaml`` (lower case)."""

    legal_forms: frozenset
    org_heads: frozenset
    industry_words: frozenset
    org_last_words: frozenset
    place_prefixes: frozenset
    facility_words: frozenset
    feature_words: frozenset
    descriptors: dict


@functools.lru_cache(maxsize=1)
def entity_words() -> EntityWords:
    """``data/entity_words.yaml`` as sets (read once)."""
    d = data_files.load("entity_words.yaml")

    def words(key: str) -> frozenset:
        return frozenset(str(w).lower() for w in d[key]["words"])

    return EntityWords(
        legal_forms=words("legal_forms"), org_heads=words("org_heads"), industry_words=words("industry_words"),
        org_last_words=words("org_last_words"),
        place_prefixes=words("place_prefixes"), facility_words=words("facility_words"),
        feature_words=words("feature_words"),
        descriptors={k: frozenset(v) for k, v in d["descriptors"]["map"].items()},
    )


def _lower_words(text: str) -> list[str]:
    return [t.lower().rstrip(".,").replace("’", "'") for t in name_tokens(text)]


@functools.lru_cache(maxsize=1)
def head_words() -> frozenset:
    """Nouns a name may end in, written in lower case ("the Ombudsman
    office", "the Arden plant"): organisation heads, industry, facility and
    feature words."""
    w = entity_words()
    return w.org_heads | w.industry_words | w.facility_words | w.feature_words


def company_words() -> frozenset:
    """Words that end company names: legal forms, industry words and the
    geographic last words of company names."""
    w = entity_words()
    return w.legal_forms | w.industry_words | w.org_last_words


@functools.lru_cache(maxsize=65536)
def is_company(text: str) -> bool:
    """A name with a company word (:func:`company_words`) after its first
    word ("Brannoc Shipping", "Arden Holdings Ltd", "Union Pacific")."""
    words = _lower_words(text)
    return len(words) >= 2 and any(x in company_words() for x in words[1:])


@functools.lru_cache(maxsize=65536)
def name_type(text: str) -> str | None:
    """The type a name's own words give it (ORG, FAC, LOC, GPE) or None."""
    w = entity_words()
    words = _lower_words(text)
    if not words:
        return None
    if any(x in w.org_heads or x in w.industry_words for x in words):
        return "ORG"
    if len(words) >= 2 and (words[-1] in w.legal_forms or words[-1] in w.org_last_words):
        return "ORG"
    if len(words) >= 2 and words[-1] in w.facility_words:
        return "FAC"
    if len(words) >= 2 and words[-1] in w.feature_words:
        return "LOC"
    if len(words) >= 2 and words[0] in w.place_prefixes and name_tokens(text)[1][:1].isupper():
        return "GPE"
    return None


def corrected_label(text: str, label: str | None) -> str | None:
    """The tagger's ``label`` for a mention ``text``, overruled by the name's
    own words (:func:`name_type`): an organisation word makes an ORG, a
    facility or feature word a FAC/LOC (organisation words are read first:
    "Harbour Square Authority" is an ORG); a place prefix makes a GPE of a
    PERSON, an unlabelled mention or a LAW/PRODUCT/WORK_OF_ART."""
    if label not in _OVERRULABLE:
        return label
    t = name_type(text)
    if t is None or t == label:
        return label
    if t in {"ORG", "FAC", "LOC"}:
        return t
    return t if label in {"PERSON", None, "LAW", "PRODUCT", "WORK_OF_ART"} else label


_STATEMENT = re.compile(r"(?<!\s)\s*(?:,[^,.]{0,60},\s*)?(?:said|says|announced|added)\s+(?:in\s+an?\s+|on\s+its\s+)"
                        r"(?:\w+\s+){0,2}(?:statement|press release|communiqu[eé])", re.I)


_LOCATIVE = re.compile(r"\b(?:in|near|outside|around|across|towards?)\s+$")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def after_locative(text: str, start: int, end: int) -> bool:
    """Whether the mention ``[start, end)`` of ``text`` follows a preposition
    of place with no determiner ("in Kes Arden", "near Velsk") and is no
    possessive ("in Ola Berg's view" is not). Source: Quirk et al. (1985), A
    Comprehensive Grammar of the English Language, §9.15-9.17 (prepositions of
    place take a place as their complement)."""
    return bool(_LOCATIVE.search(text[max(0, start - 12):start])) and not _POSSESSIVE_AFTER.match(text, end)


def statement_subject(text: str, end: int) -> bool:
    """Whether the words after a mention ending at ``end`` of ``text`` make it
    the subject of "said in a statement" ("X said in a written statement",
    "X, the operator, said in a statement")."""
    return _STATEMENT.match(text, end) is not None

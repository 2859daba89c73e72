"""Cheap reads of an annotated spaCy Doc, cached on the Doc.

spaCy rebuilds ``doc.text``, the Token objects and the entity Spans on every
access; the extractors read them many times per Doc. :func:`doc_text`,
:func:`doc_tokens` and :func:`doc_ents` cache them in ``doc.user_data``
(keys starting :data:`CACHE_PREFIX`) and :func:`release` drops them once a
Doc is done.
"""
from __future__ import annotations


def doc_text(doc) -> str:
    """``doc.text``, cached on the Doc: spaCy rebuilds the string on every
    access, which turns a per-token lookup quadratic."""
    t = doc.user_data.get(_TEXT_KEY)
    if t is None:
        t = doc.user_data[_TEXT_KEY] = doc.text
    return t


_TEXT_KEY = "rashomon.text"
_ENTS_KEY = "rashomon.ents"


def doc_tokens(doc) -> list:
    """``list(doc)``, cached on the Doc: every iteration over a Doc makes new
    Token objects, and several extractors walk the whole Doc."""
    toks = doc.user_data.get(_TOKENS_KEY)
    if toks is None:
        toks = doc.user_data[_TOKENS_KEY] = list(doc)
    return toks


_TOKENS_KEY = "rashomon.tokens"


def release(doc) -> None:
    """Drop every per-Doc cache (``user_data`` keys starting ``rashomon.``)
    of a finished Doc but its text: Tokens and Spans point back at their Doc,
    so a cached list would keep every Doc alive until the cyclic garbage
    collector runs; a cache that can release itself (the token views of
    :mod:`~rashomon.annotate.views`) is told to. Call once a Doc's
    extractors are done."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(CACHE_PREFIX) and k != _TEXT_KEY]:
        value = doc.user_data.pop(key)
        if hasattr(value, "release"):
            value.release()


CACHE_PREFIX = "rashomon."
"""Prefix of the ``Doc.user_data`` keys that hold per-Doc caches; :func:`release` drops them."""


def doc_ents(doc) -> tuple:
    """``doc.ents``, cached on the Doc once the pipeline has run (spaCy builds
    new Span objects for every entity on every access). Only for readers of a
    finished Doc: components that change entities must use ``doc.ents``."""
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return ents


def _span_text(text: str, span) -> str:
    """``span.text`` read from the Doc's ``text`` (spaCy builds it token by token)."""
    return text[span.start_char:span.end_char]


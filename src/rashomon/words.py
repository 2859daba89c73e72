"""Runs of letters in a text: the words the lexical rules of several stages
count and look up (language shares, claim cues, headline claims)."""
from __future__ import annotations

import re

__all__ = ["LETTERS", "letter_runs"]

LETTERS = re.compile(r"[^\W\d_]+")
"""A run of letters (Unicode word characters without digits and ``_``)."""

_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
"""The :data:`LETTERS` runs of an ASCII text (its only letters are A-Z),
found without the Unicode category test of each character."""


def letter_runs(text: str) -> list[str]:
    """The runs of letters of ``text`` (``LETTERS.findall(text)``), in order,
    with an ASCII-only pattern when the text is ASCII (same result, faster)."""
    return (_ASCII_LETTERS if text.isascii() else LETTERS).findall(text)

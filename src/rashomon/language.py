"""Language of an article and of its paragraphs (lingua), as ISO 639-1 codes.

:func:`detect_language` names a text's language; :func:`main_language` reads
an article's main language from a sample of its kept prose and
:func:`other_paragraphs` lists the kept paragraphs written in another one.
"""
from __future__ import annotations

import functools
import re

from rashomon.types import LanguageSpan
from rashomon.words import LETTERS, letter_runs

__all__ = ["LANGUAGES", "LANGUAGE_SAMPLE_CHARS", "detect_language", "main_language", "other_paragraphs"]

LANGUAGES = (
    "ENGLISH", "RUSSIAN", "FRENCH", "GERMAN", "SPANISH", "ITALIAN", "PORTUGUESE", "DUTCH", "POLISH",
    "UKRAINIAN", "TURKISH", "ARABIC", "PERSIAN", "HEBREW", "CHINESE", "JAPANESE", "KOREAN", "AZERBAIJANI",
    "ARMENIAN", "GEORGIAN", "KAZAKH", "SWEDISH", "GREEK", "HINDI", "URDU", "BENGALI", "INDONESIAN",
    "VIETNAMESE", "THAI", "ROMANIAN", "CZECH", "HUNGARIAN", "SERBIAN", "BULGARIAN", "BELARUSIAN",
)
"""Languages the detector chooses among: common languages of world news. A
subset keeps lingua's cost small: the models of every candidate language
written in a text's script are loaded on first use (all 75 languages cost
about a second; this set ~0.1 s on English text), and lingua's low-accuracy
mode (trigram models only) is used, which on paragraphs of article length
agrees with the high-accuracy mode (checked on the karabakh-2023 corpus)."""


LANGUAGE_SAMPLE_CHARS = 400
"""Characters of kept prose (lines of ≥ 5 words) the main language is read
from. Lingua's cost grows with the text; its low-accuracy (trigram) mode is
reliable from about 120 characters on (lingua README, low accuracy mode;
github.com/pemistahl/lingua-rs/issues/119),
and 400 characters (some 60 words) gave the same language as 800 on every
document of the karabakh-2023 corpus and the demo corpus, at a third of the
time (~1.2 ms against ~3.4 ms a document)."""


@functools.lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, n) for n in LANGUAGES if hasattr(Language, n)]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code (lowercase) of ``text``'s language, or ``None`` when
    lingua cannot tell (empty or letter-less text)."""
    if not re.search(r"[^\W\d_]", text):
        return None
    lang = _detector().detect_language_of(text)
    return lang.iso_code_639_1.name.lower() if lang is not None else None


def _confident_other(text: str, main: str) -> str | None:
    """The language of ``text`` when lingua is confident (≥ 0.95) that it is
    not ``main`` (whose confidence is below 0.05), else ``None``."""
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return None
    top = values[0]
    code = top.language.iso_code_639_1.name.lower()
    if code == main or top.value < 0.95:
        return None
    main_value = next((v.value for v in values if v.language.iso_code_639_1.name.lower() == main), 0.0)
    return code if main_value < 0.05 else None


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")


_NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")


def _latin_share(text: str) -> float:
    """Share of letters in Latin script (1.0 for text without other letters)."""
    if text.isascii() or not _NON_LATIN.search(text):
        return 1.0
    letters = len(_LETTER.findall(text))
    return len(_LATIN.findall(text)) / letters if letters else 1.0


def _lower_share(text: str) -> float:
    """Share of words starting with a lowercase letter (prose, not a list of names)."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return sum(w[0].islower() for w in words) / len(words) if words else 0.0


_WORD = LETTERS
_words = letter_runs  # a line's :data:`_WORD` words, in order


def _common_words(kept_words: list[list[str]], n: int = 30) -> frozenset[str]:
    """The article's ``n`` most frequent lowercase words (``kept_words``: the
    :data:`_WORD` words of each kept line, in order): in practice the main
    language's function words ("the", "of", "and"). A paragraph of another
    language shares few of them, so only such paragraphs go to lingua."""
    from collections import Counter

    every = Counter()
    for words in kept_words:
        every.update(words)
    # Lowercase words keep the order of their first occurrence, which breaks ties.
    c = Counter({w: k for w, k in every.items() if w.islower()})
    return frozenset(w for w, _ in c.most_common(n))


def _common_share(words: list[str], common: frozenset[str]) -> float:
    """Share of ``words`` (a line's :data:`_WORD` words) that are ``common``."""
    return sum(map(common.__contains__, words)) / len(words) if words else 1.0


def main_language(kept) -> str | None:
    """ISO 639-1 code of an article's main language, read from the first
    :data:`LANGUAGE_SAMPLE_CHARS` characters of its kept lines of ≥ 5 words
    (``kept``: :class:`rashomon.clean.Line` records; all kept lines when none
    is that long); ``None`` when lingua cannot tell. A sample that is plainly
    English (:func:`_plainly_english`) is answered without lingua; a short
    one (:data:`SHORT_SAMPLE_CHARS`) by :func:`_short_sample_language`."""
    sample = ("\n".join(ln.text for ln in kept if ln.words >= 5)[:LANGUAGE_SAMPLE_CHARS]
              or "\n".join(ln.text for ln in kept)[:LANGUAGE_SAMPLE_CHARS])
    if _plainly_english(sample):
        return "en"
    if len(sample) < SHORT_SAMPLE_CHARS:
        return _short_sample_language(sample)
    return detect_language(sample)


SHORT_SAMPLE_CHARS = 120
"""Below this many characters of kept prose, lingua's low-accuracy mode is
not reliable (lingua README, "low accuracy mode": reliable from about 120
characters): a one-line English statement that names a Slavic or Spanish
person reads as Polish or Spanish with a confidence of 0.6–0.97."""


def _short_sample_language(sample: str) -> str | None:
    """The language of a sample shorter than :data:`SHORT_SAMPLE_CHARS`:
    English when at least 10 % of its words are :data:`_ENGLISH_MARKERS`
    (names in any spelling may stand beside them: "Mayor Ana Kovač said …");
    in a script other than Latin, lingua's answer (the script decides it);
    otherwise ``None``: unknown, so the article is analysed, not refused as
    another language (on such samples lingua's low-accuracy mode named
    Swedish, German or Czech for English lines with a confidence up to 1.0).
    ``None`` for a sample without letters."""
    words = _WORD.findall(sample.lower())
    if not words:
        return None
    if _marked_english(words):
        return "en"
    return detect_language(sample) if _latin_share(sample) < 0.5 else None


_ENGLISH_MARKERS = frozenset(
    "the and that with which were this from have been their they would said its".split())
"""English function words that are no word of another language lingua
chooses among here (so not "of", "to", "was", "die", "in": Dutch, Polish,
German): together about 12 % of the words of English news prose (the
commonest English words, Oxford English Corpus; "said" for news)."""

_PLAIN_WORD = re.compile(r"[a-z]+")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_A-Za-z]")


def _plainly_english(sample: str) -> bool:
    """Whether ``sample`` is English by a test far cheaper than lingua's: no
    letter outside A-Z (punctuation, quote marks, dashes may be any), at
    least 30 words, and at least 10 % of them :data:`_ENGLISH_MARKERS`. Text of another language, or mixed text, falls
    below it and goes to lingua; on samples that pass, lingua answers English
    (checked on the shared corpora and PolNeAR's train and dev texts)."""
    if not sample.isascii() and _NON_ASCII_LETTER.search(sample):
        return False
    words = _PLAIN_WORD.findall(sample.lower())
    return len(words) >= 30 and _marked_english(words)


def _marked_english(words: list[str]) -> bool:
    """Whether at least 10 % of ``words`` (lowercase) are :data:`_ENGLISH_MARKERS`."""
    return 10 * sum(map(_ENGLISH_MARKERS.__contains__, words)) >= len(words)


def other_paragraphs(kept, main: str, skip=None) -> list[LanguageSpan]:
    """Kept lines (≥ 3 words) written in another language than ``main``.

    A line in another script than the article's is read by lingua; a line in
    the same script only when few of its words are the article's common words
    and it reads as prose (≥ 8 words, mostly lowercase), and then only a
    confident verdict counts (:func:`_confident_other`). ``skip(text)`` may
    exclude lines (an embedded post's attribution line).
    """
    out: list[LanguageSpan] = []
    main_latin = _latin_share(" ".join(ln.text for ln in kept[:50])) >= 0.5
    kept_words = [_words(ln.text) for ln in kept]
    common = _common_words(kept_words)
    for ln, words in zip(kept, kept_words):
        if ln.words < 3:
            continue
        latin = _latin_share(ln.text) >= 0.5
        other = None
        if latin != main_latin:
            other = detect_language(ln.text)
        elif (ln.words >= 8 and _common_share(words, common) < 0.12 and _lower_share(ln.text) >= 0.4
              and not (skip and skip(ln.text)) and detect_language(ln.text) != main):
            other = _confident_other(ln.text, main)
        if other and other != main:
            out.append(LanguageSpan(start=ln.start, end=ln.end, language=other, text=ln.text))
    return out

"""Metadata: title, outlet, published date and language, each with evidence.

Only unknown values are filled: a value the container already set (HTML meta,
a JSONL field, a manifest) wins. Every value read from the text gets an
:class:`Evidence` span in ``article.metadata_evidence[field]``
(``source="text"``). Nothing is guessed:

- *title*: the first kept line of 3–30 words (at most 300 characters) that is not a long sentence.
- *outlet*: only where the text names its publisher — a byline block item
  (``- Anadolu Agency`` in a list that holds the publication date), ``By NAME,
  OUTLET``, an interview given to it (``told The Insider``), an exclusive
  (``X has learned``), the relay formula closing a sentence (``…, News.Az
  reports.``) or a wire dateline (``BAKU, Sept 20 (Reuters) -``). The name must
  look like an outlet's (a domain form, an outlet word such as *News* or
  *Agency*, ``The …``, or a major agency), except in a full wire dateline
  (capitalised place, day and month, then the wire's name of 1-3 capitalised
  words in parentheses and a dash), whose form itself names the wire. A cited source ("Radio Liberty
  wrote that …", "according to Reuters") and a photo credit ("via REUTERS")
  are not the publisher.
- *published*: a byline date label (``Published Date: 10:33 | 24 November
  2020`` → ``2020-11-24T10:33``; ``Updated …`` only when no published label),
  a dateline with a year, or a date-only line above the article's first
  paragraph; as precise as the source. A date mentioned in the body is never
  the publication date.
- *language*: lingua on the kept body → ISO 639-1; kept paragraphs in another
  language are listed in ``article.languages``.
"""
from __future__ import annotations

import datetime as _dt
import functools
import logging
import re

from rashomon import data as data_files
from rashomon import clean as clean_mod
from rashomon.types import Article, Evidence, LanguageSpan

__all__ = ["infer", "parse_date", "detect_language", "outlet_like", "LANGUAGES"]

log = logging.getLogger(__name__)

# -- language ---------------------------------------------------------------

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
    if not _NON_LATIN.search(text):
        return 1.0
    letters = len(_LETTER.findall(text))
    return len(_LATIN.findall(text)) / letters if letters else 1.0


def _lower_share(text: str) -> float:
    """Share of words starting with a lowercase letter (prose, not a list of names)."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return sum(w[0].islower() for w in words) / len(words) if words else 0.0


_WORD = re.compile(r"[^\W\d_]+")


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


# -- dates ------------------------------------------------------------------

_TIME = re.compile(r"\b(?P<h>[01]?\d|2[0-3])[:.h](?P<mi>[0-5]\d)(?:\s*(?P<ampm>[ap]\.?m\.?))?(?![\d.])", re.I)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2}))?")
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b")
_NAMED = re.compile(clean_mod.DATE_RX, re.I)
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")


def parse_date(value: str, languages: list[str] | None = None) -> str | None:
    """ISO 8601 date of a date string, as precise as the string.

    ``"10:33 | 24 November 2020"`` → ``"2020-11-24T10:33"``; ``"Sept 20,
    2023"`` → ``"2023-09-20"``; ``"November 2020"`` → ``"2020-11"``. A string
    without a four-digit year gives ``None`` (no year is ever assumed), as does
    an ambiguous numeric date (``03/04/2023``). English month names and
    numeric forms are read by regular expressions; other languages by
    dateparser (settings ``PREFER_DAY_OF_MONTH='first'``,
    ``RETURN_AS_TIMEZONE_AWARE=False``; ``languages`` as ISO 639-1 codes).
    """
    s = value.replace("|", " ").strip()
    if not _YEAR.search(s):
        return None
    t = _TIME.search(s)
    hm = None
    if t and not _ISO.search(s):
        h, mi = int(t.group("h")), int(t.group("mi"))
        ampm = (t.group("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and h < 12:
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
        hm = f"{h:02d}:{mi:02d}"
        s_wo = s[: t.start()] + " " + s[t.end():]
    else:
        s_wo = s
    day = None
    if m := _ISO.search(s):
        day = (int(m["y"]), int(m["m"]), int(m["d"]))
        if m["h"]:
            hm = f"{m['h']}:{m['mi']}"
    elif m := _NAMED.search(s_wo):
        iso = clean_mod.parse_post_date(m)
        if iso is None:
            return None
        day = tuple(int(x) for x in iso.split("-"))
    elif m := _NUMERIC.search(s_wo):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if m["sep"] == "." or a > 12:
            d, mo = a, b
        elif b > 12:
            d, mo = b, a
        else:
            return None
        day = (y, mo, d)
    if day is not None:
        try:
            out = _dt.date(*day).isoformat()
        except ValueError:
            return None
        return f"{out}T{hm}" if hm else out
    return _dateparser(s, languages)


def _dateparser(s: str, languages: list[str] | None) -> str | None:
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    ddp = DateDataParser(languages=languages, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    try:
        data = ddp.get_date_data(s)
    except Exception:  # dateparser raises various errors on odd input
        return None
    if not data or data.date_obj is None:
        return None
    d, period = data.date_obj, data.period
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "time":
        return d.strftime("%Y-%m-%dT%H:%M")
    return d.date().isoformat()


# -- outlet -----------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _outlet_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    raw = data_files.load("boilerplate.yaml")
    o = raw["outlet"]
    return frozenset(w.casefold() for w in o["words"]), frozenset(a.casefold() for a in o["agencies"])


_DOMAIN = re.compile(r"^[A-Z][\w-]*(?:\.[A-Za-z]{2,6})+$")
_NAME = r"(?:[Tt]he\s+)?[A-Z][\w.&'/-]*(?:\s+(?:of\s+)?[A-Z][\w.&'/-]*){0,4}"


def outlet_like(name: str) -> bool:
    """Whether ``name`` looks like a news outlet's name: a domain form
    (``News.Az``), ``The …``, a name holding an outlet word (*News*, *Agency*,
    *Times*, … from ``data/boilerplate.yaml``) or a major agency/broadcaster."""
    words, agencies = _outlet_lexicon()
    name = name.strip().rstrip(".,;:")
    if not name or not name[0].isupper() and not name.startswith("the "):
        return False
    if _DOMAIN.match(name):
        return True
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    if bare.casefold() in agencies:
        return True
    if name.startswith("The ") and len(bare.split()) <= 4 and all(w[:1].isupper() for w in bare.split()):
        return True
    return any(w.casefold().strip(".,") in words for w in bare.split())


_TOLD = re.compile(rf"\btold\s+(?P<x>{_NAME})(?=\s*[.,;:!?)”\"]|\s+(?:in an?|on|this|last|earlier|during)\b)")
_LEARNED = re.compile(rf"(?<![\w.&'/-])(?P<x>{_NAME.replace(']*', ']*+')})\s+has\s+(?:learned|learnt|obtained)\b")
"""``X has learned``. The name starts where a word starts and each of its
words is taken whole (``*+``): a search then reads each word a bounded number
of times, where the plain pattern retried a 100 KB word from each of its
capitals (quadratic)."""
_RELAY = re.compile(rf",\s*(?P<x>{_NAME})\s+(?:reports|reported|informs|informed|writes)\s*[.!]?\s*$")
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý .'-]+)(?:\s*,\s*(?P<when>[^()\n]{0,40}?))?\s*(?:\((?P<a1>[A-Z][\w .&/-]{1,30})\)|/(?P<a2>[A-Z][\w .&-]{1,30})/)\s*[-–—.]"
)


_WIRE_NAME = re.compile(r"^[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}$")
_DATELINE_DATE = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")


def _dated(when: str | None) -> bool:
    """Whether the part of a dateline between the place and the wire's name
    holds a day and month ("March 12, 2024", "20 Sept"): the full wire
    dateline form, which names its wire whatever the name looks like."""
    return bool(when and _DATELINE_DATE.search(when))


_SENTENCE = re.compile(r"[.!?]{2,}+[\"”’]?(?=\s|$)|\S.*?(?:(?<![.!?])[.!?]++[\"”’]?(?=\s|$)|$)", re.M)
"""A sentence-like piece: from a non-space to the first run of ``.!?`` (an
optional closing quote) followed by a space or the line end, or to the line
end. A run is tried as the end only from its first mark and taken whole
(``++``), so a line of 100,000 '!' is read once, not once per mark
(quadratic); the first branch keeps a piece that is a run of marks alone."""
_RELAY_VERB = re.compile(r"reports|reported|informs|informed|writes")
"""The verbs of :data:`_RELAY`: a line without one holds no relay formula."""


def _sentences_end(text: str):
    """Yield (start, end) of sentence-like pieces ending in . ! ? or a line end."""
    for m in _SENTENCE.finditer(text):
        yield m.start(), m.end()


def _outlet(lines, kept, removed_reason) -> tuple[str, int, int] | None:
    # 1. byline block items and "By NAME, OUTLET"
    lex = clean_mod.lexicon()
    for ln in lines:
        if removed_reason.get(ln.index) != "byline":
            continue
        item = re.sub(r"^[-•·*–—]\s*", "", ln.text)
        if lex.date_label_rx.match(ln.text):
            continue
        m = lex.by_rx.match(ln.text)
        if m:
            parts = re.split(r"(?<!\s)\s*(?:,|\||\bfor\b)\s*", m.group("who"))
            for p in parts[1:]:
                if outlet_like(p):
                    s = ln.start + ln.text.rindex(p)
                    return p, s, s + len(p)
            continue
        if len(item.split()) <= 5 and outlet_like(item) and not clean_mod._token_kinds(item, lex):
            s = ln.start + ln.text.index(item)
            return item, s, s + len(item)
    # 2. interview given to the outlet, exclusive, relay formula
    for rx, word in ((_TOLD, "told"), (_LEARNED, "has")):
        for ln in kept:
            if word not in ln.text:
                continue  # the word every match holds
            for m in rx.finditer(ln.text):
                x = m.group("x")
                if outlet_like(x):
                    s = ln.start + m.start("x")
                    return x, s, s + len(x)
    for ln in kept:
        if not _RELAY_VERB.search(ln.text):
            continue
        for s0, e0 in _sentences_end(ln.text):
            m = _RELAY.search(ln.text[s0:e0])
            if m and outlet_like(m.group("x")):
                s = ln.start + s0 + m.start("x")
                return m.group("x"), s, s + len(m.group("x"))
    # 3. a wire dateline opening one of the first paragraphs
    for ln in [k for k in kept if k.words >= 8][:3]:
        m = _DATELINE.match(ln.text)
        if m:
            g = "a1" if m.group("a1") else "a2"
            x = m.group(g).strip()
            if outlet_like(x) or (_dated(m.group("when")) and _WIRE_NAME.match(x)):
                s = ln.start + m.start(g)
                return x, s, s + len(x)
    return None


def _published(lines, kept, removed_reason, languages) -> tuple[str, int, int, str] | None:
    lex = clean_mod.lexicon()
    first_prose = next((ln.index for ln in kept if ln.words >= 12), len(lines))
    best_updated = None
    prev_label = None
    for ln in lines:
        if not ln.text:
            continue
        label_only = ln.text.rstrip(":").strip().casefold()
        if label_only in lex.label_words:
            prev_label = label_only
            continue
        after_label, prev_label = prev_label, None
        if ln.words > 12:
            continue
        in_byline = removed_reason.get(ln.index) == "byline"
        if not in_byline and ln.index > first_prose:
            continue
        m = lex.date_label_rx.match(ln.text)
        if m:
            label, value, vstart = m.group("label"), m.group("value"), m.start("value")
        elif after_label and in_byline:  # "Published" / "12 March 2022"
            label, value, vstart = after_label, ln.text, 0
        else:
            continue
        iso = parse_date(value, languages)
        if not iso:
            continue
        s = ln.start + vstart
        hit = (iso, s, s + len(value.rstrip()), label)
        if label.casefold() in lex.published_labels:
            return hit
        best_updated = best_updated or hit
    if best_updated:
        return best_updated
    for ln in [k for k in kept if k.words >= 8][:3]:
        m = _DATELINE.match(ln.text)
        if m:
            head = ln.text[: m.start("a1") if m.group("a1") else m.start("a2")]
            iso = parse_date(head, languages)
            if iso:
                return iso, ln.start, ln.start + len(head.rstrip(" (/")), "dateline"
    for ln in kept:  # a date-only line above the first paragraph
        if ln.index >= first_prose:
            break
        rest = _TIME.sub(" ", _NAMED.sub(" ", _ISO.sub(" ", _NUMERIC.sub(" ", ln.text))))
        rest = re.sub(r"(?i)\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(at|on|updated|gmt|utc)\b|[\W\d_]", "", rest)
        if not rest:
            iso = parse_date(ln.text, languages)
            if iso:
                return iso, ln.start, ln.end, "date line"
    return None


# -- title ------------------------------------------------------------------

TITLE_MAX_CHARS = 300
"""A longer first line is not a headline, whatever its word count (a run of
glued tokens counts as few words); headlines run to about 100 characters."""


def _title(kept, spans) -> tuple[str, int, int] | None:
    for ln in kept:
        n = ln.words
        if n < 3:
            continue
        if any(s < ln.end and ln.start < e for s, e, *_ in spans):
            continue  # partly removed (noise, a glued switcher): not a clean title line
        if n > 30 or len(ln.text) > TITLE_MAX_CHARS or (n > 20 and ln.text.endswith(".")):
            return None  # the first line of length is article prose (or not words): no title line
        if clean_mod.lexicon().date_label_rx.match(ln.text) or clean_mod._ATTRIBUTION.search(ln.text):
            continue
        return ln.text, ln.start, ln.end
    return None


# -- main -------------------------------------------------------------------

def infer(article: Article, cleaned) -> None:
    """Fill ``article``'s unknown metadata in place from its text.

    Parameters
    ----------
    article : Article
        ``text`` and ``removed`` (from :func:`rashomon.clean.clean`) are read;
        ``title``, ``outlet``, ``published`` (ISO 8601, minute/day/month/year
        precision) and ``language`` (ISO 639-1) are set only when ``None``, each
        with ``metadata_evidence[field]``; ``languages`` lists kept paragraphs
        (≥ 3 words) in another language than the main one.
    cleaned : CleanResult
        The cleaning result (its ``lines`` are reused when present).

    Returns ``None``; raises nothing on odd text (unknown values stay ``None``).
    """
    lines = getattr(cleaned, "lines", None) or clean_mod.split_lines(article.text)
    spans = sorted((r.start, r.end, r.reason) for r in article.removed)
    removed_reason: dict[int, str] = {}
    kept = []
    k = 0
    for ln in lines:
        if not ln.text:
            continue
        while k < len(spans) and spans[k][1] <= ln.start:
            k += 1
        if k < len(spans) and spans[k][0] <= ln.start and ln.end <= spans[k][1]:
            removed_reason[ln.index] = spans[k][2]
        else:
            kept.append(ln)

    def ev(field: str, s: int, e: int) -> None:
        article.metadata_evidence[field] = Evidence(start=s, end=e, text=article.text[s:e], source="text")

    if article.language is None:
        sample = ("\n".join(ln.text for ln in kept if ln.words >= 5)[:LANGUAGE_SAMPLE_CHARS]
                  or "\n".join(ln.text for ln in kept)[:LANGUAGE_SAMPLE_CHARS])
        lang = detect_language(sample) if sample else None
        if lang:
            article.language = lang
            article.metadata_evidence["language"] = Evidence(source="lingua")
    main = article.language
    languages = [main] if main else None

    if article.title is None and (t := _title(kept, spans)):
        article.title = t[0]
        ev("title", t[1], t[2])
    if article.outlet is None and (o := _outlet(lines, kept, removed_reason)):
        article.outlet = o[0]
        ev("outlet", o[1], o[2])
    if article.published is None and (p := _published(lines, kept, removed_reason, languages)):
        article.published = p[0]
        ev("published", p[1], p[2])

    if main and not article.languages:
        main_latin = _latin_share(" ".join(ln.text for ln in kept[:50])) >= 0.5
        kept_words = [_WORD.findall(ln.text) for ln in kept]
        common = _common_words(kept_words)
        for ln, words in zip(kept, kept_words):
            if ln.words < 3:
                continue
            latin = _latin_share(ln.text) >= 0.5
            other = None
            if latin != main_latin:
                other = detect_language(ln.text)
            elif (ln.words >= 8 and _common_share(words, common) < 0.12 and _lower_share(ln.text) >= 0.4
                  and not clean_mod._ATTRIBUTION.search(ln.text) and detect_language(ln.text) != main):
                other = _confident_other(ln.text, main)
            if other and other != main:
                article.languages.append(LanguageSpan(start=ln.start, end=ln.end, language=other, text=ln.text))

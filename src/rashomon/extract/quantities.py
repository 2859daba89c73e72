"""Quantities in a clause: numbers with their qualifier, unit and what is counted.

``find_quantities(text, base)`` reads digits ("200", "1,200", "612 500" with
spaced thousands, "1.5 million"), number words ("eight", "thirty two", "a
hundred and two"), vague amounts ("several hundred", "dozens of", "hundreds
of") and their qualifiers:

=============  ==========================================================
``approx``     cue before the number
=============  ==========================================================
``None``       an exact figure ("eight", "612 500")
``over``       over, more than, above, in excess of, upwards of
``under``      under, less than, fewer than, below
``at least``   at least, no fewer than, no less than, a minimum of
``at most``    at most, up to, no more than, a maximum of
``about``      about, around, some, approximately, roughly, nearly, almost,
               close to, an estimated, circa
``range``      between X and Y, from X to Y, X to Y, X-Y, X or Y, X, perhaps Y (``high`` = Y)
``several``    several hundred/thousand (value 3 × scale, ``high`` 9 × scale)
``dozens``     dozens (of) (value 24, ``high`` 99); also ``hundreds``,
               ``thousands``, ``scores``
=============  ==========================================================

Durations written in two units ("23 hours and 51 minutes") become ONE
quantity in the larger unit (value 23.85, unit ``hours``, ``of`` "duration"),
so two reports of the same span compare as one number.

Not quantities (skipped): years (1800–2100 written without separators, unless
a counted noun follows), dates ("September 19", "19 September", "Sept. 27",
"21st"), clock times ("1:00 p.m.", "10:33", "six o'clock"), ordinals, labelled identifiers
("Article 4", "Question 1", "Resolution 2334"), numbers glued to letters or
hyphens ("USD103.43", "F-16", "44-Day War"), phone numbers and slashed dates,
a bare "one" (a pronoun or article more often than a count) unless a
counted noun follows, a multiplier or frequency ("three times the rate"),
and an age set off by commas after a name ("Jonas Weber, 41, a driver").

Units and counted events come from ``data/frames.yaml`` (``units``,
``counted_events``). All offsets are code-point offsets into the article text
(``base`` + index into ``text``).
"""
from __future__ import annotations

import functools
import re


from rashomon import data as data_files
from rashomon.types import Quantity

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
}
LABELS = {
    "article", "articles", "section", "chapter", "paragraph", "clause", "question", "resolution",
    "no", "number", "part", "page", "item", "point", "annex", "protocol", "phase", "round",
    "room", "route", "highway", "flight", "case", "law", "decree", "table", "figure", "step",
    "level", "grade", "version", "code", "tel", "phone", "fax", "id", "#", "apartment", "block",
    "building", "house", "street", "unit", "vol", "volume", "issue", "episode", "season",
}
TIME_UNITS = {"second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
              "hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks",
              "weeks": "weeks", "month": "months", "months": "months", "year": "years",
              "years": "years"}
_NOT_MODIFIERS = frozenset({"and", "or", "of", "the", "in", "on", "at", "to", "were", "was", "are", "is", "have", "has",
                            "had", "will", "would", "who", "that", "which", "from", "for", "with", "by", "times",
                            "percent", "more", "less", "fewer", "than", "about", "around", "over", "under", "had"})
"""Words that end a counted noun phrase: a number's counted noun lies before them."""
# how many of the smaller unit make one of the larger
TIME_RATIO = {("days", "hours"): 24, ("hours", "minutes"): 60, ("minutes", "seconds"): 60,
              ("weeks", "days"): 7, ("years", "months"): 12, ("years", "days"): 365,
              ("months", "days"): 30}
APPROX = [
    (("in", "excess", "of"), "over"), (("upwards", "of"), "over"), (("more", "than"), "over"),
    (("over",), "over"), (("above",), "over"),
    (("less", "than"), "under"), (("fewer", "than"), "under"), (("under",), "under"),
    (("below",), "under"),
    (("no", "fewer", "than"), "at least"), (("no", "less", "than"), "at least"),
    (("not", "less", "than"), "at least"), (("a", "minimum", "of"), "at least"),
    (("at", "least"), "at least"),
    (("no", "more", "than"), "at most"), (("not", "more", "than"), "at most"),
    (("a", "maximum", "of"), "at most"), (("at", "most"), "at most"), (("up", "to"), "at most"),
    (("an", "estimated"), "about"), (("close", "to"), "about"), (("about",), "about"),
    (("around",), "about"), (("some",), "about"), (("approximately",), "about"),
    (("roughly",), "about"), (("nearly",), "about"), (("almost",), "about"),
    (("circa",), "about"), (("estimated",), "about"), (("approx",), "about"), (("~",), "about"),
]
APPROX.sort(key=lambda p: -len(p[0]))  # longest cue first
# the cues by their last word (each list in APPROX order): only the cues that end
# with the word before a number can qualify it
_APPROX_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _cue, _label in APPROX:
    _APPROX_BY_LAST.setdefault(_cue[-1], []).append((_cue, _label))
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
         "thousands": (2000, 9999), "millions": (2_000_000, 9_999_999)}

# every word a quantity can start from (digits, number words, vague amounts): a
# text without any of them holds no quantity, so find_quantities skips it at once
_COUNT_WORDS = tuple(sorted({*ONES, *TENS, *SCALES, *VAGUE, "several", "dozen"}))
_ANY_COUNT_WORD = re.compile("|".join(map(re.escape, _COUNT_WORDS)))  # one search, not a test per word
_COUNT_WORD_SET = frozenset(_COUNT_WORDS)
# the (lowercased) word tokens find_quantities reads a quantity from; other word tokens it skips
_START_WORDS = frozenset({*ONES, *TENS, *VAGUE, "several", "dozen", "a"})
_DIGIT = re.compile(r"\d")
_THREE_DIGITS = re.compile(r"\d{3}")
_FOUR_DIGITS = re.compile(r"\d{4}")


def _may_count(text: str, words: set[str] | None = None) -> bool:
    """False only when ``text`` has no digit and none of the words a quantity can
    start from (a shortcut: substring tests are far cheaper than the scan).
    ``words``, the lowercased runs of letters of a plain text
    (:func:`~rashomon.extract.claim_cues._plain_words`), are its word tokens
    when it has no apostrophe: then a set test decides."""
    if _DIGIT.search(text):
        return True
    if words is not None and "'" not in text and "’" not in text:
        return not _COUNT_WORD_SET.isdisjoint(words)
    low = text.lower()
    return _ANY_COUNT_WORD.search(low) is not None


_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+(?:['’][a-z]+)?|[%~#+:/\-–]|\S")
_SPACES = {" ", "\u00a0", "\u202f", "\u2009"}
# currencies by sign and by name, as ISO 4217 codes
CURRENCY_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB"}
CURRENCY_WORDS = {"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP",
                  "pounds": "GBP", "hryvnias": "UAH", "roubles": "RUB", "rubles": "RUB"}


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """Units and counted-event words from ``data/frames.yaml`` (cached).

    Returns ``{"units": {word: unit}, "events": {word: of}, "groups": plural nouns of the
    affected groups (a counted group after modifiers: "23 police officers")}``.
    """
    data = data_files.load("frames.yaml")
    units = {u["word"]: u["as"] for u in data["units"]["words"]}
    events = {e["word"]: e["as"] for e in data["counted_events"]["words"]}
    groups = frozenset(w for a in data["affected"] for w in a["words"] if " " not in w and w.endswith("s"))
    return {"units": units, "events": events, "groups": groups}


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _num_value(tok: str) -> float | None:
    if not tok or not tok[0].isdigit():
        return None
    t = tok
    if "," in t and "." in t:
        t = t.replace(",", "")
    elif "," in t:
        parts = t.split(",")
        if all(len(p) == 3 for p in parts[1:]):
            t = "".join(parts)
        else:
            return None  # "1,2" lists and the like
    elif t.count(".") > 1:
        return None  # dotted dates or versions
    try:
        return float(t)
    except ValueError:
        return None


def _read_words(toks, i) -> tuple[float, int] | None:
    """Parse number words starting at token i; returns (value, next index)."""
    total, current, j, seen = 0, 0, i, False
    while j < len(toks):
        w = toks[j][0].lower()
        parts = w.split("-") if "-" in w else [w]
        if w == "-" or w == "–":
            break
        if all(p in ONES or p in TENS for p in parts) and len(parts) <= 2 and w not in ("-",):
            for p in parts:
                current += ONES.get(p, 0) + TENS.get(p, 0)
            seen = True
            j += 1
            # a hyphenated compound split by the tokenizer: "sixty-one", "Twenty-three"
            if w in TENS and j + 1 < len(toks) and toks[j][0] in ("-", "–") \
                    and toks[j][1] == toks[j - 1][2] and toks[j + 1][1] == toks[j][2] \
                    and 0 < ONES.get(toks[j + 1][0].lower(), 0) < 10:
                current += ONES[toks[j + 1][0].lower()]
                j += 2
            continue
        if w == "a" and not seen and j + 1 < len(toks) and toks[j + 1][0].lower() in SCALES:
            current = 1
            j += 1
            continue
        if w in SCALES and (seen or current):
            scale = SCALES[w]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
            seen = True
            j += 1
            continue
        if w == "and" and seen and j + 1 < len(toks) and (toks[j + 1][0].lower() in ONES or toks[j + 1][0].lower().split("-")[0] in TENS) \
                and j > i and toks[j - 1][0].lower() in SCALES:
            j += 1
            continue
        break
    if not seen:
        return None
    # A lone "-" after a tens word is handled by the tokenizer splitting; join "thirty - two"
    return float(total + current), j


def _is_month(tok: str) -> bool:
    return tok.lower().rstrip(".") in MONTHS and (tok.lower() != "may" or tok[0] == "M")


def find_quantities(text: str, base: int = 0, words: set[str] | None = None) -> list[Quantity]:
    """Find quantities in ``text``.

    Parameters
    ----------
    text : the clause (or any string).
    base : offset of ``text[0]`` in the article, added to every span.
    words : optionally, the lowercased runs of letters of a plain ``text``
        (:func:`~rashomon.extract.claim_cues._plain_words`), which let a text
        without a number word be passed at once.

    Returns
    -------
    list[Quantity] : in reading order, each with ``start``/``end`` (article
        offsets), ``text``, ``value`` (float), ``approx`` (None for an exact
        figure), ``high`` (ranges and vague amounts), ``unit`` and ``of``.
    """
    if not _may_count(text, words):
        return []
    lex = lexicon()
    units, events = lex["units"], lex["events"]
    toks = _tokens(text)
    phones = [m.span() for m in _PHONE.finditer(text) if _is_phone(m.group())]
    out: list[Quantity] = []
    i = 0
    n = len(toks)
    # where a quantity can start: digits or a word of _START_WORDS (every other token is skipped at once)
    starts = [tok[0].isdigit() or tok.lower() in _START_WORDS for tok, _, _ in toks]

    def low(k: int) -> str:
        return toks[k][0].lower() if 0 <= k < n else ""

    while i < n:
        if not starts[i]:
            i += 1
            continue
        tok, s, e = toks[i]
        value = None
        j = i + 1
        kind = None
        high = None
        approx = None
        if tok[0].isdigit() and any(a <= s < b for a, b in phones):
            i += 1
            continue
        if tok[0].isdigit():
            # glued to letters/hyphens/slashes/colons: ids, ordinals, times, dates, phones
            before = text[s - 1] if s > 0 else " "
            after = text[e] if e < len(text) else " "
            after2 = text[e + 1] if e + 1 < len(text) else " "
            if before.isalpha() or before in "+#:/" or (before in "-–" and s > 1 and text[s - 2].isalnum()) \
                    or after.isalpha() or after in ":/" or (after in "-–" and (after2.isalpha() or after2.isdigit())
                                                            and not _range_dash(text, e)):
                i += 1
                continue
            value = _num_value(tok)
            if value is None:
                i += 1
                continue
            # spaced thousands: "612 500", "1 250 000"
            if "," not in tok and "." not in tok and len(tok) <= 3:
                k = i
                while k + 1 < n and _THREE_DIGITS.fullmatch(toks[k + 1][0]) and toks[k + 1][1] == toks[k][2] + 1 \
                        and text[toks[k][2]] in _SPACES \
                        and not (toks[k + 1][2] < len(text) and (text[toks[k + 1][2]].isalnum() or text[toks[k + 1][2]] in ":/")):
                    value = value * 1000 + float(toks[k + 1][0])
                    k += 1
                if k > i:
                    j = k + 1
                    e = toks[k][2]
            kind = "digits"
            # "1.5 million"
            if low(j) in SCALES:
                value *= SCALES[low(j)]
                e = toks[j][2]
                j += 1
        else:
            w = tok.lower()
            if w == "several" and low(i + 1) in SCALES:
                sc = SCALES[low(i + 1)]
                value, high, approx = 3 * sc, 9 * sc, "several"
                j, e = i + 2, toks[i + 1][2]
                kind = "vague"
            elif w in VAGUE and low(i - 1) != "the":
                value, high = VAGUE[w]
                approx = w
                j = i + 1
                kind = "vague"
                if w == "thousands" and low(i - 1) == "of" and low(i - 2) == "tens":
                    s, value, high, approx = toks[i - 2][1], 20000, 99999, "tens of thousands"
            elif w == "dozen" and low(i - 1) in ("a", "one"):
                s, value, approx, kind, j = toks[i - 1][1], 12, "about", "vague", i + 1
            elif w in ONES or w in TENS or w.split("-")[0] in TENS or (w == "a" and low(i + 1) in SCALES):
                r = _read_words(toks, i)
                if r:
                    value, j = r
                    e = toks[j - 1][2]
                    kind = "words"
        if value is None:
            i += 1
            continue
        qtext_start = s
        # ---- exclusions ------------------------------------------------------
        prev = toks[i - 1][0] if i > 0 else ""
        if prev == "." and i > 1:
            prev = toks[i - 2][0]
        nxt = toks[j][0] if j < n else ""
        nxt_l = nxt.lower()
        if kind in ("digits", "words"):
            if _is_month(prev) or _is_month(nxt) or (nxt_l == "of" and _is_month(toks[j + 1][0] if j + 1 < n else "")):
                i = j
                continue
            if nxt_l in ("st", "nd", "rd", "th", "o'clock", "o’clock") or nxt_l.replace(".", "") in ("am", "pm", "gmt", "utc") \
                    or (nxt_l in ("a", "p") and j + 1 < n and toks[j + 1][0] == "."):
                i = j
                continue
            if prev.lower().rstrip(".") in LABELS or (prev.istitle() and prev.lower() in LABELS):
                i = j
                continue
            if kind == "digits" and prev == "," and nxt in (",", ";", ")") and i > 1 and toks[i - 2][0][:1].isupper() \
                    and value < 120:
                i = j
                continue  # an age after a name: "Jonas Weber, 41, a driver"
            if kind == "digits" and _FOUR_DIGITS.fullmatch(tok) and 1800 <= value <= 2100 and j == i + 1:
                if not (nxt_l in units and nxt_l not in TIME_UNITS):
                    i = j
                    continue
            if kind == "words" and value == 1 and j == i + 1 and nxt_l not in units and nxt_l not in TIME_UNITS:
                i = j
                continue
            if kind == "words" and value == 0:
                i = j
                continue
            if nxt_l == "times":
                i = j
                continue  # a multiplier or a frequency ("three times the rate", "shelled five times"), not a count
        # ---- currency sign before ("€3.5 million"): the unit; the qualifier is read before it
        currency = None
        first = i
        if kind == "digits" and i > 0 and toks[i - 1][0] in CURRENCY_SIGNS and toks[i - 1][2] == s:
            currency = CURRENCY_SIGNS[toks[i - 1][0]]
            first = i - 1
            qtext_start = toks[first][1]
        # ---- qualifier before ----------------------------------------------
        if approx is None:
            for cue, label in _APPROX_BY_LAST.get(low(first - 1), ()):
                k = len(cue)
                if first - k >= 0 and tuple(low(first - k + m) for m in range(k)) == cue:
                    approx = label
                    qtext_start = toks[first - k][1]
                    break
        # ranges: between X and Y / from X to Y / X to Y / X-Y / X or Y / X, perhaps Y
        if kind in ("digits", "words") and approx in (None,):
            skip = 2 if nxt_l == "," and low(j + 1) in _MAYBE else 1
            if low(i - 1) == "between" and nxt_l == "and" or (nxt_l in ("to", "-", "–", "or") or skip == 2) \
                    and j + skip < n:
                r2 = _value_at(toks, j + skip)
                if r2 is not None and (nxt_l != "or" or low(i - 1) != "either"):
                    hv, j2 = r2
                    if hv > value and not _is_month(toks[j2][0] if j2 < n else ""):
                        high, approx = hv, "range"
                        if low(i - 1) in ("between", "from"):
                            qtext_start = toks[i - 1][1]
                        e = toks[j2 - 1][2]
                        j = j2
                        nxt = toks[j][0] if j < n else ""
                        nxt_l = nxt.lower()
        # ---- unit -------------------------------------------------------------
        unit = currency
        of = None
        k = j
        if low(k) == "of" and kind == "vague":
            k += 1
        elif low(k) == "of" and low(k + 1) in _PARTITIVE_DETERMINERS:
            k += 2  # "two of the crew", "five of the miners"
        unit_idx = None
        for m in range(k, min(k + 3, n)) if unit is None else ():
            w = low(m)
            if w in CURRENCY_WORDS:
                unit, unit_idx = CURRENCY_WORDS[w], m
                break
            if w in TIME_UNITS:
                unit, unit_idx = TIME_UNITS[w], m
                break
            two = w + " " + low(m + 1)
            if two in units:
                unit, unit_idx = units[two], m + 1
                break
            if w in units:
                unit, unit_idx = units[w], m
                break
            if not w.isalpha() or w in ("and", "or", "of", "the", "in", "on", "at", "to", "were", "was", "are", "is"):
                break
        if unit is None and currency is None and k < n and low(k).isalpha() and low(k) not in events and low(k) not in (
                "and", "or", "of", "the", "in", "on", "at", "to", "were", "was", "are", "is", "have", "has",
                "had", "will", "would", "who", "that", "which", "from", "for", "with", "by", "times", "percent"):
            w = toks[k][0]
            if w[:1].islower() and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
                unit, unit_idx = toks[k][0].lower(), k
            else:  # a group of people after one or two lowercase modifiers ("23 police officers")
                for m in range(k + 1, min(k + 3, n)):
                    if not (toks[m - 1][0].isalpha() and toks[m - 1][0][:1].islower()) or low(m - 1) in _NOT_MODIFIERS:
                        break
                    if low(m) in lex["groups"]:
                        unit, unit_idx = low(m), m
                        break
        end = e
        # ---- durations in two units -------------------------------------------
        if unit in TIME_UNITS.values() and unit_idx is not None:
            end = toks[unit_idx][2]
            m = unit_idx + 1
            if low(m) in ("and", ",") or (low(m).isdigit() or low(m) in ONES or low(m).split("-")[0] in TENS):
                m2 = m + 1 if low(m) in ("and", ",") else m
                r2 = _value_at(toks, m2)
                if r2 is not None:
                    v2, m3 = r2
                    u2 = TIME_UNITS.get(low(m3))
                    if u2 and (unit, u2) in TIME_RATIO:
                        value = round(value + v2 / TIME_RATIO[(unit, u2)], 4)
                        end = toks[m3][2]
                        unit_idx = m3
            of = "duration"
            # a truncated figure ("23 hours and…"): only a lower bound is known
            if approx is None and (low(unit_idx + 1) in ("…", "...") or (
                    low(unit_idx + 1) == "and" and low(unit_idx + 2) in ("…", ".", ""))):
                if low(unit_idx + 1) in ("…", "...") or text[toks[unit_idx + 1][2]:toks[unit_idx + 1][2] + 1] in ("…", "."):
                    approx = "at least"
        elif unit_idx is not None:
            end = toks[unit_idx][2]
        # ---- what is counted --------------------------------------------------
        if of is None:
            if unit_idx is not None and low(unit_idx) in events:
                of = events[low(unit_idx)]
            start_scan = (unit_idx + 1) if unit_idx is not None else j
            for m in range(start_scan, min(start_scan + 6, n)) if of is None else ():
                w = low(m)
                if w in events:
                    of = events[w]
                    if unit is None and m == start_scan:
                        end = toks[m][2]
                    break
                if toks[m][0][0].isdigit() or w in ONES or w in TENS or w in (".", ";", ":", "?", "!"):
                    break
            if of is None:
                # "killing eight", "the death of 200"
                for m in range(i - 1, max(-1, i - 4), -1):
                    w = low(m)
                    if w in events or w in ("killing", "wounding", "injuring"):
                        of = events.get(w) or {"killing": "killed", "wounding": "wounded",
                                               "injuring": "wounded"}[w]
                        break
        if unit is None and of in ("killed", "wounded", "missing", "evacuated", "displaced") and out \
                and out[-1].unit and out[-1].of:
            unit = out[-1].unit  # "200 people killed and 400 wounded"
        if of is None and unit and unit not in TIME_UNITS.values():
            of = unit
        out.append(Quantity(value=float(value), approx=approx, unit=unit, of=of, high=high,
                            start=base + qtext_start, end=base + end, text=text[qtext_start:end]))
        i = max(j, (unit_idx + 1) if unit_idx is not None else j)
    return out


_MAYBE = {"perhaps", "possibly", "maybe", "probably"}  # "four, perhaps five, workers": four to five
_PARTITIVE_DETERMINERS = {"our", "their", "the", "its", "his", "her", "my", "your", "these", "those"}
_PHONE = re.compile(r"\+?\(?\d[\d ().\-]{6,}\d")


def _is_phone(s: str) -> bool:
    """A run of digit groups that is a phone number, not spaced thousands."""
    groups = re.findall(r"\d+", s)
    if s.startswith("+") or "(" in s:
        return True
    if len(groups) < 3:
        return False
    return any(len(g) != 3 for g in groups[1:]) or "-" in s


def _range_dash(text: str, e: int) -> bool:
    """``X-Y`` between two digit runs is a range ("5-6"), not a compound."""
    return e + 1 < len(text) and text[e] in "-–" and text[e + 1].isdigit()


def _value_at(toks, k) -> tuple[float, int] | None:
    if k >= len(toks):
        return None
    t = toks[k][0]
    if t[0].isdigit():
        v = _num_value(t)
        return (v, k + 1) if v is not None else None
    return _read_words(toks, k)


def interval(q: Quantity) -> tuple[float, float]:
    """The closed interval of values a quantity allows (``inf`` when unbounded).

    ``over``/``at least`` → [v, inf); ``under``/``at most`` → [0, v]; ``about``
    → [0.85 v, 1.15 v] (the tolerance is the project's choice); ``range`` and
    vague amounts → [v, high]; exact → [v, v].
    """
    v = q.value
    a = (q.approx or "").lower()
    if a in ("", "exact"):
        return (v, v)
    if a in ("over", "at least"):
        return (v, float("inf"))
    if a in ("under", "at most"):
        return (0.0, v)
    if a == "about":
        return (0.85 * v, 1.15 * v)
    if q.high is not None:
        return (min(v, q.high), max(v, q.high))
    return (0.0, float("inf"))


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities of the same thing can both be true (their intervals meet)."""
    lo1, hi1 = interval(a)
    lo2, hi2 = interval(b)
    return lo1 <= hi2 + 1e-9 and lo2 <= hi1 + 1e-9

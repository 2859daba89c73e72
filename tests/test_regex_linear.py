"""Every regular expression of the package runs in linear time on hostile text.

Python's ``re`` is a backtracking engine: a pattern such as ``\\s*,?\\s*$``
or ``[A-Z][\\w.]*(?:\\s+[A-Z][\\w.]*){0,4}\\s+has`` tries every split of a long
run of spaces or letters at every start position, and a single 100 KB line
then stalls the whole batch (quadratic or worse). This test collects every
compiled pattern the package holds (module globals, the lexicons its cached
loaders build, and literal patterns passed to ``re.*`` calls inside
functions), runs each one with ``finditer`` — the most demanding use, a
search from every position — over runs of one character class at two sizes,
and fails when the time grows clearly faster than the size.

The check is on growth, not on absolute time: a linear pattern takes about 4
times as long on a 4 times longer string, a quadratic one 16 times.
"""
from __future__ import annotations

import ast
import dataclasses
import functools
import importlib
import inspect
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rashomon

# Runs of one kind of character (and a few two-character alternations), the
# shapes that make a backtracking engine retry a long run from every start.
RUNS: dict[str, str] = {
    "letters": "Ab",
    "capitals": "A",
    "lower case": "a",
    "words": "Ab ",
    "dotted capitals": "A.",
    "capital, comma": "A,",
    "capitalised words": "Ab Cd ",
    "name with of": "Ab of ",
    "initials": "Ab. ",
    "punctuation": ".,;:",
    "commas": ",",
    "commas and spaces": ", ",
    "word, word": "a,",
    "exclamation marks": "!",
    "full stops": ".",
    "spaces": " ",
    "newlines": "\n",
    "space newline": " \n",
    "straight quotes": '"',
    "curly quotes": "\u201c\u201d",
    "apostrophes": "'",
    "quoted words": '"a ',
    "digits": "1",
    "digits and spaces": "1 ",
    "decimals": "1.",
    "digit groups": "1,",
    "clock times": "1:",
    "hyphens": "-",
    "dashes": "\u2014 ",
    "parentheses": "(",
    "brackets": "[",
    "angle brackets": "<",
    "handles": "@a",
    "slashes": "/",
    "links": "http://a",
    "of words": " of",
    "possessives": "'s",
}
"""Name → the unit repeated to make a run (``unit * (n // len(unit))``)."""

# Each run alone, then followed by a letter (so a pattern that must end at the
# run's end fails after scanning it), then inside words that start and end a
# sentence (so patterns that need a keyword find one).
FRAMES: tuple[Callable[[str], str], ...] = (
    lambda run: run,
    lambda run: run + "x",
    lambda run: "The agency " + run + " has x. It reports",
)

SIZES = (125, 500, 2000)
"""Lengths compared, each 4 times the one before (characters). The steps stop
at the first clear excess, so a cubic pattern never runs on the longest."""

LINEAR_LIMIT = 8.0
"""Time ratio between two sizes above which growth is not linear (linear: ~4; quadratic: ~16)."""

CLEAR_LIMIT = 16.0
"""A time ratio at or above this (quadratic growth) counts without the
confirming step, which would run the pattern on a run four times longer."""

NOISE = 0.003
"""Seconds under which the longer run counts as instant whatever the ratio
(timer and scheduler noise on a shared machine)."""


BOUNDED: dict[str, str] = {
    r"[A-Z][\w']*$": "compare/framing_lexicon.py: searched in the 40 characters before a term",
    r"[ \t]+([a-z]+)\b": "compare/framing_lexicon.py: matched in the 30 characters after a term",
    r"\s*[—―–-]\s*(\S.*)$": "extract/attribution.py: matched on a tail of under 160 characters",
    r"\s*[,.]?\s*$": "extract/quotes.py: matched on one character",
    r"[“\"]?([^\W\d][\w.'’&-]*(?: [\w.'’&-]+){0,4})\s?:\s+(?=\S)": "extract/interview.py: matched on the first 60 characters of a paragraph",
    r"(\S+)\s*$": "link/acronyms.py: searched in the 20 characters before a bracket",
    (r"(?i)\b(?:within|radius\s+of)\s+(?:a\s+)?[\d.,]+\s*(?:km|kilomet)|[\d.,]+\s*(?:km|kilomet\w*)\s+"
     r"(?:radius|zone|around|exclusion)"): "extract/measures.py: searched in the 30 characters around a distance",
    ("[A-Z][A-Z .'’-]{1,40}(?:,\\s*[A-Z][\\w .'’-]{1,30}){0,2}\\s*(?:\\([^()\\n]{1,40}\\))?"
     "\\s*[—–-]{1,2}\\s+(?=[A-Z“\"‘])"): "extract/docindex.py: matched on the first 120 characters of a paragraph",
    r"\s+([a-z]+)": "temporal/scanning.py: matched in the 30 characters after a year",
    r"\s*(?:%|per\b|[-–]\d)": "temporal/scanning.py: matched in the 8 characters after a year",
}
"""Patterns that are not linear on a long run but are only ever applied to a
window of a few characters (the call site bounds it), so their cost per call
is bounded: pattern text → where and how it is bounded."""


def _modules() -> list:
    """Every module of the package but ``__main__``; one that needs an optional
    extra that is not installed (ImportError) cannot be read and is left out."""
    out = []
    for info in pkgutil.walk_packages(rashomon.__path__, "rashomon.", onerror=lambda name: None):
        if info.name.endswith("__main__"):
            continue
        try:
            out.append(importlib.import_module(info.name))
        except ImportError:
            continue
    return out


def _held(obj, where: str, seen: set[int], depth: int = 0) -> Iterator[tuple[re.Pattern, str]]:
    """Patterns reachable from ``obj`` through containers and dataclasses."""
    if id(obj) in seen or depth > 6:
        return
    seen.add(id(obj))
    if isinstance(obj, re.Pattern):
        yield obj, where
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _held(v, f"{where}[{k!r}]", seen, depth + 1)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for v in obj:
            yield from _held(v, where, seen, depth + 1)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _held(getattr(obj, f.name), f"{where}.{f.name}", seen, depth + 1)


_FLAGS_ARG = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "findall": 2, "finditer": 2, "split": 3,
              "sub": 4, "subn": 4}
"""Position of the ``flags`` argument of each ``re`` function."""


def _literal_patterns(module) -> Iterator[tuple[re.Pattern, str]]:
    """Patterns written as literals in ``re.<call>("...")`` inside the module's functions."""
    source = Path(module.__file__).read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in _FLAGS_ARG and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, (str, bytes))):
            continue
        flag_at = _FLAGS_ARG[node.func.attr]
        flag_node = node.args[flag_at] if len(node.args) > flag_at else next(
            (kw.value for kw in node.keywords if kw.arg == "flags"), None)
        flags = eval(compile(ast.Expression(flag_node), "<flags>", "eval"), {"re": re}) if flag_node else 0  # noqa: S307
        yield re.compile(node.args[0].value, flags), f"{module.__name__}:{node.lineno}"


def _loaded(value):
    """The value of a cached loader that takes no argument (a lexicon), else ``value``."""
    if isinstance(value, functools._lru_cache_wrapper):
        params = inspect.signature(value).parameters.values()
        if all(p.default is not p.empty for p in params):
            return value()
    return value


def all_patterns() -> dict[re.Pattern, str]:
    """Every pattern of the package → where it is held (``module.NAME`` or ``module:line``)."""
    found: dict[re.Pattern, str] = {}
    for module in _modules():
        seen: set[int] = set()
        for name, value in vars(module).items():
            if getattr(value, "__module__", module.__name__) != module.__name__ and callable(value):
                continue  # an import from elsewhere: collected in its own module
            for pattern, where in _held(_loaded(value), f"{module.__name__}.{name}", seen):
                found.setdefault(pattern, where)
        for pattern, where in _literal_patterns(module):
            found.setdefault(pattern, where)
    return found


def _seconds(pattern: re.Pattern, text: str, repeat: int = 2) -> float:
    subject: str | bytes = text.encode() if isinstance(pattern.pattern, bytes) else text
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _m in pattern.finditer(subject):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def _growth(pattern: re.Pattern, texts: list[str], repeat: int) -> tuple[int, float, str] | None:
    """``(i, ratio, times)`` when the time on ``texts[i]`` exceeds the linear
    limit over ``texts[i - 1]`` (by ``ratio``), else ``None``."""
    times = []
    for i, text in enumerate(texts):
        times.append(_seconds(pattern, text, repeat))
        if len(times) > 1 and times[-1] > NOISE and times[-1] > LINEAR_LIMIT * times[-2]:
            return i, times[-1] / times[-2], " -> ".join(f"{t:.4f}" for t in times) + " s"
    return None


def superlinear(pattern: re.Pattern) -> str | None:
    """The first hostile input on which ``pattern``'s time grows faster than
    linearly, as ``"<run>: <t1> -> <t2> s"`` (times at the lengths of
    :data:`SIZES`); ``None`` when every input is linear.

    A suspect growth is measured again (best of five); one below
    :data:`CLEAR_LIMIT` is then confirmed on the next step, a run four times
    longer: a linear pattern whose time jumps once between two lengths (a
    bounded repeat filling up, a busy machine) grows about four times on the
    next step, a superlinear one keeps growing faster.
    """
    for run_name, run in RUNS.items():
        for frame in FRAMES:
            texts = [frame(run * (n // len(run))) for n in (*SIZES, 4 * SIZES[-1])]
            if _growth(pattern, texts[:len(SIZES)], 2) and (found := _growth(pattern, texts[:len(SIZES)], 5)):
                i, ratio, why = found
                if ratio >= CLEAR_LIMIT or _growth(pattern, texts[i:i + 2], 3):
                    return f"{run_name}: {why} at {', '.join(map(str, SIZES))} characters"
    return None


PATTERNS = all_patterns()


def test_patterns_are_collected():
    """The collector sees the module-level, lexicon and literal patterns."""
    where = set(PATTERNS.values())
    assert any(w.startswith("rashomon.metadata._LEARNED") for w in where)
    assert any(w.startswith("rashomon.clean.lexicon") for w in where)
    assert any(":" in w for w in where)  # a literal inside a function
    assert len(PATTERNS) > 200


def test_the_store_web_and_reader_modules_are_read():
    """The test extra installs the web extra, so no module is left out here:
    the store's, the web app's and the readers' patterns are checked too."""
    names = {m.__name__ for m in _modules()}
    assert {"rashomon.store.queries", "rashomon.workspace.adding", "rashomon.web.security", "rashomon.web.sources",
            "rashomon.web.params", "rashomon.ingest.url", "rashomon.ingest.pdf", "rashomon.ingest.docx"} <= names
    where = set(PATTERNS.values())
    assert {"rashomon.web.security._TOKEN", "rashomon.ingest.url._UNSAFE", "rashomon.ingest.pdf._PDF_DATE"} <= where


def test_bounded_patterns_still_exist():
    """Each exemption names a pattern the package still holds (a stale entry
    would let a new pattern of the same text through unchecked)."""
    held = {p.pattern for p in PATTERNS}
    assert not set(BOUNDED) - held


def test_every_pattern_is_linear():
    slow = {}
    for pattern, where in PATTERNS.items():
        if pattern.pattern in BOUNDED:
            continue
        why = superlinear(pattern)
        if why:
            slow[where] = f"{pattern.pattern[:80]!r}: {why}"
    assert not slow, "patterns slower than linear:\n" + "\n".join(f"{w}: {s}" for w, s in sorted(slow.items()))


def test_the_check_catches_a_quadratic_pattern():
    """The growth check itself: a classic quadratic pattern is caught, its
    linear rewrite is not."""
    assert superlinear(re.compile(r"\s*,?\s*$")) is not None
    assert superlinear(re.compile(r"(?<!\s)\s*+,?\s*$")) is None


def test_linear_rewrites_keep_their_matches():
    """The rewritten patterns and helpers find what the plain ones found."""
    from rashomon.clean.asides import _strip_trailing_link
    from rashomon.extract.mentions import trim
    from rashomon.extract.attribution import _comma_near_end
    from rashomon.metadata import _LEARNED, _sentences_end

    text = "Port officials spoke on Monday! Then:  \"Enough!!!\" she said. Done"
    assert [text[s:e] for s, e in _sentences_end(text)] == [
        "Port officials spoke on Monday!", 'Then:  "Enough!!!"', "she said.", "Done"]
    marks = "?! Why not"
    assert [marks[s:e] for s, e in _sentences_end(marks)] == ["?!", "Why not"]
    assert _LEARNED.search("The Harbour Gazette has learned that").group("x") == "The Harbour Gazette"
    assert _LEARNED.search("Officials of Velmar Radio has obtained a").group("x") == "Officials of Velmar Radio"
    assert _comma_near_end("said on Tuesday, Velmar Daily") is True
    assert _comma_near_end("said, and then went on to add more words") is False
    assert _comma_near_end("a quote ends here,") is False
    assert _comma_near_end("one, two three four,") is True  # the second comma ends a word
    assert trim("the port authority's, ", 0, 22) == (4, 18)
    assert trim("Minister of", 0, 11) == (0, 8)
    assert _strip_trailing_link("Crowds at the gate pic.twitter.com/Ab12") == "Crowds at the gate"
    assert _strip_trailing_link("Crowds at the gate.https://t.co/x  ") == "Crowds at the gate."
    assert _strip_trailing_link("see https://a.example/?u=https://b.example") == "see"
    assert _strip_trailing_link("no link at the end http:// ") == "no link at the end http:// "


def test_capital_first_rewrites_keep_their_matches():
    """Patterns that test the character before a capital or a year after it
    (so that a search looks only at capitals or digits) find what the plain
    look-behind ones found."""
    from rashomon.compare.relations import _YEAR
    from rashomon.link.acronyms import _SHORT_USE
    from rashomon.link.propagate import _PARTICLES, _RUN

    plain = {
        _RUN: re.compile(r"(?<![\w'’.&-])[A-Z][\w'’.&-]*+(?:[ \t]++(?:" + _PARTICLES + r"[ \t]++)*[A-Z][\w'’.&-]*+)+"),
        _SHORT_USE: re.compile(r"(?<![\w@#&-])[A-Z][A-Z0-9][A-Za-z0-9]*(?:[-&][A-Za-z0-9]+)*(?![\w@]|-\w)"),
        _YEAR: re.compile(r"\b(1[89]\d\d|20\d\d)\b"),
    }
    text = ("Port Authority of Velmar (PAV) said in 2019 that PAV-2 and x2020 or 20201 differ; @HPA, #HPA, "
            "e-PAV, O’Neill Shipping, 'Dock Workers Union', Éloi Marchand, 1999’s toll, ÉAB and AB\u00a0Cd.")
    for new, old in plain.items():
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
        assert list(new.finditer(text))  # each finds something here


_EVENTISH = st.lists(st.sampled_from(["Second ", "World ", "War", "Uprising", "1st ", "x", "É", "é", "_", "’", "-",
                                      " ", "\n", "\u00a0", "Ab", "9"]), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(_EVENTISH)
def test_event_words_pattern_finds_what_its_word_boundary_form_found(text):
    """The run of capitalised words before an event word, written to open with
    a character set, matches where and as far as the ``\\b`` form did."""
    from rashomon.extract.claim_cues import _EVENT_WORDS
    from rashomon.extract.claims import _EVENT_RE

    plain = re.compile(r"\b(?:[A-Z0-9][\w'’-]*\s+){1,3}(?:" + "|".join(_EVENT_WORDS) + r")\b")
    assert [m.span() for m in _EVENT_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(["a", "Z", "é", "Ж", "1", "_", "'", " ", "ß", "\u0130"]), max_size=30))
def test_letter_runs_are_the_unicode_letter_runs(text):
    """On ASCII text the runs of A-Z letters are the runs of Unicode letters."""
    from rashomon.words import LETTERS as _LETTERS, letter_runs

    assert letter_runs(text) == _LETTERS.findall(text)


def test_event_words_pattern_examples():
    from rashomon.extract.claims import _EVENT_RE

    assert _EVENT_RE.search("in the Second World War and after").group() == "Second World War"
    assert _EVENT_RE.search("xSecond War") is None
    assert _EVENT_RE.search("the 1991 Uprising").group() == "1991 Uprising"


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(["a", "Z", "é", "Ж", "1", "_", "'", "’", "-", " ", "ß", "\u0130"]), max_size=30))
def test_ascii_framing_words_are_the_unicode_words(text):
    """On ASCII text the A-Z words of the framing n-grams are its Unicode words."""
    from rashomon.compare.framing import _ASCII_WORD_NGRAM, _WORD_NGRAM

    if text.isascii():
        assert _ASCII_WORD_NGRAM.findall(text) == _WORD_NGRAM.findall(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["the ", "The ", "Port", " of", " and", "’s", "'s", "s", ".", ",", "”", ")", " ",
                                 "\n", "\u00a0", "\u2009", "x", "é", "d", "r", "e", "f"]), max_size=10).map("".join))
def test_mention_trim_checks_the_last_character_first(seg):
    """:func:`trim` searches for the trailing pieces only when the segment ends
    with a character one can end with; it cuts where a plain search cuts."""
    from rashomon.extract.mentions import _LEAD, _TRAIL, trim

    start, end = 0, len(seg)
    m = _LEAD.match(seg)
    if m and m.end() < len(seg):
        start = m.end()
    m = _TRAIL.search(seg[start:])
    if m and m.start() > 0:
        end = start + m.start()
    assert trim(seg, 0, len(seg)) == (start, end)

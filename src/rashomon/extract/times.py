"""When a proposition's event happened, as its clause says it.

* :func:`clock_times`: times of day named in a text, as minutes after midnight;
* the date and time words of a clause's own predicate and arguments;
* the years given for acts dated once in a thing's life ("built in 1931");
* the clause's tense (past, present, future, conditional).
"""
from __future__ import annotations

import re

from rashomon.extract.lemmas import lemma
from rashomon.extract.predicates import _arguments
from rashomon.extract.readings import _evidential

_CLOCK = re.compile(
    r"(?i)\b(?:(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\b(?!\s*(?:%|percent|per\s*cent|km|m\b))"
    r"|(?P<h2>1[0-2]|[1-9])\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|(?P<w>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock"
    r"(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening|night))?"
    r"|(?P<mid>midnight|noon|midday))")
_CLOCK_HINT = re.compile(r"(?i)[\dcmn](?<=(?=\d[:.]\d|\d\s*[ap]\.?m|clock|midnight|noon|midday)[\s\S])")
"""What every match of :data:`_CLOCK` holds (a digit, ":" or "." and a digit; a digit and "am"/"pm";
"o'clock"; a word for midnight or noon): a clause without it names no time of day. Written to
open with the set of the branches' first characters, which the regex engine scans for (the
character is taken, the look-behind steps back over it and the look-ahead tries the branches
there; case-blind branches are otherwise tried at every position). Only whether it is found
is read."""
_DIGIT = re.compile(r"\d")
DATED = {"completion"}  # classes of acts dated once in a thing's life ("built in 1931")
_WORD_HOURS = {w: i + 1 for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split())}


def clock_times(text: str) -> list[int]:
    """Times of day named in ``text`` as minutes after midnight ("6 p.m." → 1080,
    "00:40" → 40, "six o'clock in the evening" → 1080, "midnight" → 0); an
    hour word without a part of the day gives both readings (6:00 and 18:00)."""
    out = []
    if not _may_name_clock(text) or not _CLOCK_HINT.search(text):  # no "6:30", "6 pm", "o'clock", "midnight"…
        return out
    for m in _CLOCK.finditer(text):
        if m.group("h") is not None:
            out.append(int(m.group("h")) * 60 + int(m.group("m")))
        elif m.group("h2") is not None:
            h = int(m.group("h2")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
            out.append(h * 60)
        elif m.group("w") is not None:
            h = _WORD_HOURS[m.group("w").lower()] % 12
            part = (m.group("part") or "").lower()
            if part in ("afternoon", "evening") or (part == "night" and h >= 6):
                out.append((h + 12) * 60)
            elif part:
                out.append(h * 60)
            else:
                out += [h * 60, (h + 12) * 60]
        else:
            out.append(0 if m.group("mid").lower() == "midnight" else 720)
    return out


def _may_name_clock(text: str) -> bool:
    """False only when ``text`` holds no digit and none of the words of
    :data:`_CLOCK_HINT`: a test far cheaper than searching that pattern
    (case-blind, its branches tried at every position), which then decides."""
    if _DIGIT.search(text):
        return True
    low = text.lower()
    # "İ" and "ı" are letters the case-blind pattern takes for "i" that str.lower does not make one
    return "clock" in low or "midnight" in low or "noon" in low or "midday" in low \
        or "\u0130" in text or "\u0131" in text


_PM_CONTEXT = re.compile(r"(?i)\b(?:evening|tonight|this afternoon|in the afternoon|at night|p\.?m\b)")
_AM_CONTEXT = re.compile(r"(?i)\b(?:this morning|in the morning|at dawn|a\.?m\b)")


def clock_reading(text: str, context: str = "", stamp: str | None = None) -> tuple[str | None, bool]:
    """The time of day a clause names, as ``("HH:MM", certain)``: a bare hour
    word ("at six o'clock") does not say morning or evening, so it is read
    from the clause's sentence (``context``: "in the evening", "tonight",
    "this morning") or from a live-blog entry's ``stamp`` ("HH:MM": the
    reading not after the stamp and nearest to it, an entry reporting what
    has happened by then); else ``(None, False)``: neither reading is said
    (the 12-hour clock needs a part of the day, CGEL ch. 8 on time
    adjuncts). A clause with no time of day gives ``(None, True)``."""
    found = clock_times(text)
    if not found:
        return None, True
    first = found[0]
    if len(found) >= 2 and found[1] - first == 720 and not _CLOCK.search(text).group("part"):
        pm, am = _PM_CONTEXT.search(context), _AM_CONTEXT.search(context)
        if bool(pm) != bool(am):
            first = found[1] if pm else first
        elif stamp:
            h, m = stamp.split(":")
            now = int(h) * 60 + int(m)
            first = min(found[:2], key=lambda t: (now - t) % 1440)
        else:
            return None, False
    return f"{first // 60:02d}:{first % 60:02d}", True


def _time_words(head, args=None) -> str | None:
    """The words that date a clause's own predicate and its arguments ("In 2019
    the strike cost …", "a fire at the plant in August 2017 injured two"), not
    those of a clause inside it ("mined after they took the bridge in 2019")
    nor of the verb that reports it: its date and time entities, "; "-joined."""
    out, run = [], []
    for t in (args if args is not None else _arguments(head)):
        if t.ent_type_ in ("DATE", "TIME") and (not run or t.i == run[-1].i + 1):
            run.append(t)
            continue
        if run:
            out.append(" ".join(x.text for x in run))
        run = [t] if t.ent_type_ in ("DATE", "TIME") else []
    if run:
        out.append(" ".join(x.text for x in run))
    return "; ".join(out) or None


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _dated(head, cls: str | None, nouns, lex: dict) -> list[str]:
    """The years a clause gives for a dated act (``DATED`` classes) on a noun:
    its own predicate ("The bridge was finished in 1931") or a participle on a
    noun ("the bridge, built in 1931, …"; "Completed in 1931, the bridge …"),
    as ``class|noun|year``."""
    out = []
    if cls in DATED and nouns:
        year = next((m.group(1) for t in head.children if t.dep_ in ("prep", "npadvmod")
                     for m in [_YEAR.search(" ".join(x.text for x in t.subtree))] if m), None)
        if year:
            out.append(f"{cls}|{lemma(nouns[0])}|{year}")
    for t in head.subtree:
        if t.tag_ != "VBN" or t.dep_ not in ("acl", "advcl") or lex["class"].get(lemma(t)) not in DATED:
            continue
        m = _YEAR.search(" ".join(x.text for x in t.subtree))
        noun = t.head if t.dep_ == "acl" else next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if m and noun is not None and (noun.pos_ in ("NOUN", "PROPN") or noun.lower_ == "it"):
            out.append(f"{lex['class'][lemma(t)]}|{lemma(noun)}|{m.group(1)}")  # "it": resolved in the article
    return list(dict.fromkeys(out))


def _clause_tense(said, outer, euphemism: bool) -> str:
    """The tense of a proposition read from ``outer`` (a Token) in the clause
    headed by ``said``: an evidential's past dates what it shows ("appeared to
    show guards firing": past); a euphemism of death is a past event."""
    if euphemism or (_evidential(said).i != said.i and _tense(said) == "past"):
        return "past"
    return _tense(outer)


def _tense(head) -> str:
    aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"would", "could", "might", "should"} and "have" in aux and head.tag_ == "VBN":
        return "conditional"  # "a 3 km cordon would have kept the hamlet out"
    if aux & {"will", "would", "shall", "'ll", "’ll", "wo"}:  # "it’ll": the typographic apostrophe too
        return "future"
    return "past" if head.tag_ == "VBD" or aux & {"had", "was", "were", "did", "has", "have"} else "present"

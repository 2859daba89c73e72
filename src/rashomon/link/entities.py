"""Cross-article entity linking.

Every mention is linked to one entity for the whole corpus with a union-find
over the rules of :mod:`rashomon.link.rules` (each one blocked by a key, so
nothing compares all pairs), after these preparations:

* a non-person mention ending in a person's full name is split ("Ministry
  spokesman Lena Varga" → ORG + PERSON, :func:`split_person_tails`);
* every label is checked against the name's own words and context
  (:mod:`rashomon.link.typing`: "Brannoc Shipping" is no PERSON, "Harbour
  Square" no LAW);
* acronym definitions and their uses across the corpus become mentions
  (:mod:`rashomon.link.acronyms`), and so does every other occurrence of a
  multi-word name the tagger found once (:mod:`rashomon.link.propagate`).

The rules, in order: same name key; gazetteer names (rival and historical
place names, acronyms); person names token by token
(:mod:`rashomon.link.names`), then without middle initials; lone surnames;
handles and initials; acronym definitions; group actors and named events;
organisation and place variants (legal forms, "Ministry of X", demonyms,
plurals, romanisations); names the text declares one ("X, officially Y",
:mod:`rashomon.link.rivals`); a shorter organisation name in a longer one;
descriptors ("the ministry"); one-letter differences between full names
whose entities share a role or affiliation.

Look-alikes stay apart: organisation and place names are never matched by
similarity ("ICRC Baku Office" ≠ "ICRC Geneva Office", "Liberty Bridge" ≠
"Liberty Square"), and person names must match on every token.
A place with rival names is shown with all of them (``Entity.rival_names``).
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from rashomon.annotate import gazetteer_index, load_gazetteer, name_key
from rashomon.extract.mentions import trim
from rashomon.extract.speakers import POSSESSIVE, possessed_person
from rashomon.link.acronyms import link_acronyms
from rashomon.link.propagate import propagate_names
from rashomon.link.names import (family_name, fold, name_end, name_tokens, names_match, skeleton,  # noqa: F401
                                 title_end, tokens_match)
from rashomon.link.rivals import naming_pairs, rival_names
from rashomon.link.rules import Linker
from rashomon.link.unnamed import link_described
from rashomon.link.typing import PLACE_TYPES, after_locative, corrected_label, head_words, statement_subject
from rashomon.types import Article, Claim, Entity, Mention, Quote, set_field

__all__ = ["link_entities", "split_person_tails", "names_match", "tokens_match", "skeleton", "fold"]


def _best_mention(cands: list[Mention], start: int, end: int) -> Mention | None:
    """The mention of ``cands`` that overlaps ``[start, end)`` most (the
    shorter one on a tie, else the first), or None when none overlaps."""
    best, score = None, 0
    for m in cands:
        if m.start >= end or m.end <= start:
            continue  # no overlap
        ov = min(m.end, end) - max(m.start, start)
        if ov > score or (ov == score and best is not None and ov > 0 and (m.end - m.start) < (best.end - best.start)):
            best, score = m, ov
    return best if score > 0 else None


_TAIL_LABELS = {"ORG", "GPE", "LOC", "FAC", "NORP", "GROUP"}


def _person_index(mentions: list[Mention]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Full person names (2-3 words) by the consonant skeletons of their words."""
    index: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for m in mentions:
        toks = name_tokens(m.text)
        if m.label == "PERSON" and 2 <= len(toks) <= 3 and toks not in index[tuple(map(skeleton, toks))]:
            index[tuple(map(skeleton, toks))].append(toks)
    return index


def _person_tail(words: list[str], index) -> int | None:
    """The word count n (3, then 2) for which the last n of ``words`` (not
    all of them) are a known person's full name or a spelling of it."""
    for n in (3, 2):
        if len(words) > n:
            tail = tuple(words[-n:])
            if any(names_match(tail, p) for p in index.get(tuple(map(skeleton, tail)), ())):
                return n
    return None


def split_person_tails(mentions: list[Mention], texts: dict[str, str]) -> list[Mention]:
    """Split a non-person mention whose last 2-3 words are a person's full name
    (or a spelling of it, :func:`names_match`) mentioned as PERSON anywhere in
    the corpus: "Presidential Administration Hikmat Hajiyev" → ORG
    "Presidential Administration" + PERSON "Hikmat Hajiyev"; also one whose
    person follows a possessive owner, known or not ("The Daily Ledger’s Mara
    Quint" → ORG "The Daily Ledger" + PERSON "Mara Quint",
    :func:`~rashomon.extract.speakers.possessed_person`). The split mention
    is shortened in place; the new PERSON mentions are added. Returns the new
    list (input order, each new mention after the one it came from).
    ``texts`` maps article id → ``Article.text``."""
    index = _person_index(mentions)
    out: list[Mention] = []
    tails: dict[str, int | None] = {}  # mention text -> _person_tail (texts recur)
    for m in mentions:
        out.append(m)
        if m.label not in _TAIL_LABELS or m.article not in texts:
            continue
        words = m.text.split()
        if m.text not in tails:
            k = possessed_person(words) if len(words) > 2 else None  # "The Daily Ledger’s Mara Quint"
            tails[m.text] = len(words) - k if k else _person_tail(words, index) if len(words) > 2 and index else None
        n = tails[m.text]
        if not n or len(words) <= n:
            continue
        text = texts[m.article]
        pos = _word_starts(m.text)
        hs, he = trim(text, m.start, m.start + pos[-n - 1][1] - (2 if words[-n - 1].endswith(POSSESSIVE) else 0))
        ps, pe = m.start + pos[-n][0], m.start + pos[-1][1]
        if he <= hs or not any(c.isalpha() for c in text[hs:he]):
            continue
        m.start, m.end, m.text = hs, he, text[hs:he]
        out.append(Mention(article=m.article, start=ps, end=pe, text=text[ps:pe], label="PERSON"))
    return out


def _word_starts(text: str) -> list[tuple[int, int]]:
    """(start, end) of each white-space separated word of ``text``."""
    out, i = [], 0
    for w in text.split():
        i = text.index(w, i)
        out.append((i, i + len(w)))
        i += len(w)
    return out


def _name_span(text: str, start: int, end: int) -> tuple[int, int, str | None] | None:
    """The name inside a speaker or relay span ``[start, end)`` of ``text``:
    trimmed (:func:`trim`), a leading title dropped ("Mayor Jana Novak" →
    "Jana Novak", then labelled PERSON: :func:`title_end`) and ended where the
    name ends ("Novak told Radio Arden" → "Novak", :func:`name_end`). Returns
    (start, end, label or None), or None when nothing is left."""
    s, e = trim(text, start, end)
    if e <= s:
        return None
    cut = title_end(text[s:e])
    label = None
    if cut:
        s, label = s + cut, "PERSON"
    e = s + name_end(text[s:e], head_words())
    return (s, e, label) if e > s else None


def _quote_spans(quotes: list[Quote], texts: dict[str, str]) -> dict[tuple[int, str], tuple]:
    """(id of a quote, "speaker" or "relay") → its :func:`_name_span`."""
    out = {}
    for q in quotes:
        for kind, s, e in (("speaker", q.speaker_start, q.speaker_end),
                           ("relay", q.relayed_by_start, q.relayed_by_end)):
            if s is not None and e is not None and q.article in texts:
                span = _name_span(texts[q.article], s, e)
                if span:
                    out[(id(q), kind)] = span
    return out


def _speaker_mentions(quotes: list[Quote], spans: dict[tuple[int, str], tuple], by_article: dict[str, _ByStart],
                      texts: dict[str, str]) -> list[Mention]:
    """Mentions for the speaker and relay names (``spans``,
    :func:`_quote_spans`) that no mention covers; added to ``by_article``."""
    out = []
    for q in quotes:
        for kind in ("speaker", "relay"):
            if (id(q), kind) not in spans:
                continue
            s, e, label = spans[(id(q), kind)]
            if _best_mention(by_article[q.article].overlapping(s, e), s, e) is None:
                m = Mention(article=q.article, start=s, end=e, text=texts[q.article][s:e], label=label)
                by_article[q.article].add(m)
                out.append(m)
    return out


_NOT_ORG = {"PERSON", None, "LAW", "WORK_OF_ART", "PRODUCT"}


def _placelike(m: Mention, texts: dict[str, str]) -> bool:
    return m.article in texts and after_locative(texts[m.article], m.start, m.end)


def _retype(mentions: list[Mention], texts: dict[str, str], outlets: set[str]) -> None:
    """Correct each mention's label from its words (:func:`corrected_label`);
    a name that is the outlet of an article of the corpus (``outlets``: name
    keys of ``Article.outlet``) is an ORG; so is a one-word PERSON/unlabelled
    name that is no full name's surname and the subject of "said in a
    statement"; a PERSON name after a preposition of place ("in Kes Arden")
    is a GPE unless the corpus names a person so (or with that surname)
    outside such a slot."""
    full = [m for m in mentions if m.label == "PERSON" and len(name_tokens(m.text)) >= 2
            and not _placelike(m, texts)]  # full names attested outside a place's slot
    surnames = {fold(family_name(name_tokens(m.text))) for m in full}
    persons = {name_key(m.text) for m in full}
    for m in mentions:
        label = corrected_label(m.text, m.label)
        if label in _NOT_ORG and name_key(m.text) in outlets:
            label = "ORG"
        elif (label in {"PERSON", None} and len(name_tokens(m.text)) == 1 and fold(m.text) not in surnames
                and m.article in texts and statement_subject(texts[m.article], m.end)):
            label = "ORG"
        elif (label == "PERSON" and name_key(m.text) not in persons and fold(name_tokens(m.text)[-1]) not in surnames
                and m.article in texts and after_locative(texts[m.article], m.start, m.end)):
            label = "GPE"
        if label != m.label:
            m.label = label


def link_entities(articles: list[Article], mentions: list[Mention], quotes: list[Quote],
                  claims: list[Claim], settings) -> list[Entity]:
    """Link every mention to one corpus-wide entity and resolve speakers and places.

    Parameters
    ----------
    articles : the corpus (for ``text`` and article order).
    mentions : every article's mentions; each gets ``mention.entity`` set and
        its ``label`` corrected (:mod:`rashomon.link.typing`).
    quotes : every quote; ``speaker``/``relayed_by`` become entity ids from the
        name in the ``speaker_start``/``relayed_by_start`` spans (its title
        dropped, ended where the name ends: :func:`_name_span`; a name no
        mention covers gets a new mention); ``speaker_role`` and
        ``speaker_affiliation`` are copied to the entity (first non-empty).
    claims : every claim; ``places`` gets the ids of place entities (GPE, LOC,
        FAC) with a mention inside the claim's span, ``place_texts`` their texts
        when empty.
    settings : run settings (``gazetteers``, ``name_match_threshold``).

    Returns
    -------
    list[Entity] with ids ``e0``, ``e1``, … in order of first mention (article
    order, then offset).
    """
    strong = float(getattr(settings, "name_match_threshold", 88) or 88)
    gidx = gazetteer_index(load_gazetteer(settings))
    art_index = {a.id: i for i, a in enumerate(articles)}
    texts = {a.id: a.text for a in articles}
    mentions = split_person_tails(mentions, texts)
    _retype(mentions, texts, {name_key(a.outlet) for a in articles if a.outlet})
    mentions, acronym_pairs, scopes = link_acronyms(articles, mentions)
    mentions = propagate_names(articles, mentions)
    by_article: dict[str, _ByStart] = defaultdict(_ByStart)
    for m in mentions:
        by_article[m.article].add(m)
    quote_spans = _quote_spans(quotes, texts)
    all_mentions = mentions + _speaker_mentions(quotes, quote_spans, by_article, texts)
    all_mentions.sort(key=lambda m: (art_index.get(m.article, 1 << 30), m.start, m.end))

    number = {id(m): i for i, m in enumerate(all_mentions)}
    lk = Linker(all_mentions, [m.label for m in all_mentions], texts, gidx, strong,
                {number[k]: v for k, v in scopes.items() if k in number})
    lk.join_same_key_and_gazetteer()
    lk.join_person_names()
    lk.join_middle_initials()
    lk.join_surnames()
    lk.join_handles_and_initials()
    for a, b in acronym_pairs:
        if id(a) in number and id(b) in number:  # a mention inside a name found again is gone
            lk.union(number[id(a)], number[id(b)])
    lk.join_groups_and_events()
    lk.join_org_variants()
    apart: set[frozenset[str]] = set()  # surface forms the text gives as two names of one place
    for a, b, evidence in naming_pairs(articles, all_mentions, lambda m: m.label,
                                       lambda m: name_key(m.text) in gidx):
        lk.union(number[id(a)], number[id(b)], evidence)
        lk.rival |= {number[id(a)], number[id(b)]}
        apart.add(frozenset((a.text, b.text)))
    lk.join_contained()
    lk.join_descriptors()
    lk.join_one_letter(_speaker_context(quotes, quote_spans, by_article, number))
    entities = _build_entities(all_mentions, lk, art_index, apart)
    _resolve_quotes(quotes, quote_spans, entities, by_article)
    _claim_places(claims, entities)
    return link_described(entities, quotes, texts)  # unnamed sources and descriptor mentions


def _norm(s: str | None) -> str:
    return " ".join(name_key(s).split()) if s else ""


def _speaker_context(quotes: list[Quote], spans: dict[tuple[int, str], tuple], by_article: dict[str, _ByStart],
                     number: dict[int, int]) -> dict[int, set[str]]:
    """Mention number → the normalised roles ("r:…") and affiliations ("a:…")
    given to it as a quote's speaker."""
    out: dict[int, set[str]] = defaultdict(set)
    for q in quotes:
        if not (q.speaker_role or q.speaker_affiliation) or (id(q), "speaker") not in spans:
            continue
        s, e, _ = spans[(id(q), "speaker")]
        m = _best_mention(by_article[q.article].overlapping(s, e), s, e)
        if m is not None and id(m) in number:
            out[number[id(m)]] |= {f"r:{_norm(q.speaker_role)}"} if q.speaker_role else set()
            out[number[id(m)]] |= {f"a:{_norm(q.speaker_affiliation)}"} if q.speaker_affiliation else set()
    return out


def _build_entities(all_mentions: list[Mention], lk: Linker, art_index: dict[str, int],
                    apart: set[frozenset[str]]) -> list[Entity]:
    """One entity per union-find root, in order of first mention; a place's
    rival names (:func:`rival_names`, ``apart`` the forms declared two names)."""
    groups: dict = defaultdict(list)
    for i in range(len(all_mentions)):
        groups[lk.uf.find(i)].append(i)
    entities: list[Entity] = []
    for n, ids in enumerate(sorted(groups.values(), key=min)):
        ms = [all_mentions[i] for i in ids]
        eid = f"e{n}"
        for m in ms:  # an id is a valid str: set without pydantic's validation on assignment, marked set
            m.__dict__["entity"] = eid
            m.__pydantic_fields_set__.add("entity")
        forms: dict[str, set[str]] = defaultdict(set)
        for m in ms:
            forms[m.text].add(m.article)
        labels: Counter = Counter()  # a longer name is better typed than a lone word: votes by words
        for m in ms:
            if m.label:
                labels[m.label] += len(name_tokens(m.text)) or 1
        gtypes = Counter(lk.gaz_type[i] for i in ids if i in lk.gaz_type)
        etype = (gtypes.most_common(1)[0][0] if gtypes else
                 labels.most_common(1)[0][0] if labels else None)
        count = Counter(m.text for m in ms)
        rivals = rival_names(ms, art_index, apart) if etype in PLACE_TYPES and lk.rival.intersection(ids) else []
        name = " / ".join(r.name for r in rivals) if rivals else _display_name(forms, count, etype)
        entities.append(Entity(
            id=eid, name=name, type=etype, aliases=sorted(forms, key=lambda f: (-count[f], f)), mentions=ms,
            forms={f: sorted(a, key=lambda x: art_index.get(x, 0)) for f, a in sorted(forms.items())},
            sources=sorted({s for i in ids for s in lk.sources.get(i, ())}), rival_names=rivals,
        ))
    _add_surnames(entities)
    return entities


def _add_surnames(entities: list[Entity]) -> None:
    """A person's surname as an alias where the texts give only full names
    ("Peskov" for "Dmitry Peskov"), unless the surname is ambiguous: another
    person's surname too, or any entity's own form."""
    own = {f.casefold() for e in entities for f in e.aliases}
    by_surname: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if e.type == "PERSON":
            for s in dict.fromkeys(filter(None, map(_surname, e.aliases))):
                by_surname[s].append(e)
    for s, ents in by_surname.items():
        if len({e.id for e in ents}) == 1 and s.casefold() not in own:
            ents[0].aliases.append(s)


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _surname(form: str) -> str | None:
    """The surname of a person's full name ("Dmitry Peskov" → "Peskov"; "Alan
    Marsh Jr." → "Marsh"), the form a later reference takes (AP Stylebook,
    "names": the last name alone on second reference); ``None`` for a single
    word or a handle."""
    if form.startswith("@"):
        return None
    words = [w for w in name_tokens(form) if w.lower().rstrip(".") not in _SUFFIXES]
    return family_name(words) if len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 1 else None


def _display_name(forms: dict[str, set[str]], count: Counter, etype: str | None) -> str:
    """The form an entity is shown by: not a handle, for a person the fullest
    name, no editorial brackets, then the most frequent and longest form;
    brackets inside a name are dropped ("Nikol] Pashinyan" → "Nikol Pashinyan")."""
    def rank(f: str):
        return (not f.startswith("@"), len(name_tokens(f)) if etype == "PERSON" else 0,
                "[" not in f and "]" not in f, count[f], len(f))

    name = max(forms, key=rank)
    if "[" in name or "]" in name:
        name = " ".join(name.replace("[", " ").replace("]", " ").split()) or name
    return name


def _resolve_quotes(quotes: list[Quote], spans: dict[tuple[int, str], tuple], entities: list[Entity],
                    by_article: dict[str, _ByStart]) -> None:
    """Quote speakers and relays as entity ids (the entity of the mention that
    overlaps the name of the span most, :func:`_quote_spans`); a speaker's
    role and affiliation copied to its entity (the first non-empty)."""
    by_id = {e.id: e for e in entities}
    for q in quotes:
        cands = by_article.get(q.article) or _ByStart()
        span = spans.get((id(q), "speaker"))
        speaker = cands.entity_at(span[0], span[1]) if span else None
        if speaker:
            set_field(q, "speaker", speaker)
            ent = by_id[speaker]
            if q.speaker_role and not ent.role:
                ent.role = q.speaker_role
            if q.speaker_affiliation and not ent.affiliation:
                ent.affiliation = q.speaker_affiliation
        span = spans.get((id(q), "relay"))
        relay = cands.entity_at(span[0], span[1]) if span else None
        if relay:
            set_field(q, "relayed_by", relay)


def _claim_places(claims: list[Claim], entities: list[Entity]) -> None:
    """Each claim's ``places``: the place entities mentioned inside it."""
    places_by_article: dict[str, _ByStart] = defaultdict(_ByStart)
    for e in entities:
        if e.type in PLACE_TYPES:
            for m in e.mentions:
                places_by_article[m.article].add(m)
    for c in claims:
        ids, txts = [], []
        places = places_by_article.get(c.article) or _ByStart()
        for m in places.inside(c.start, c.end):
            if m.entity not in ids:
                ids.append(m.entity)
                txts.append(m.text)
        if c.places != ids:
            set_field(c, "places", ids)
        if not c.place_texts and txts:
            set_field(c, "place_texts", txts)


class _ByStart:
    """One article's mentions in the order they were added, with an index of
    their starts (sorted) to find those inside or overlapping a span without
    reading them all."""

    def __init__(self):
        self.mentions: list[Mention] = []
        self.starts: list[int] = []  # sorted
        self.order: list[int] = []  # mention number of each start
        self.longest = 0

    def add(self, m: Mention) -> None:
        pos = bisect.bisect_right(self.starts, m.start)
        self.starts.insert(pos, m.start)
        self.order.insert(pos, len(self.mentions))
        self.mentions.append(m)
        self.longest = max(self.longest, m.end - m.start)

    def _between(self, lo: int, hi: int, keep) -> list[Mention]:
        """Mentions starting in [lo, hi) for which ``keep`` is true, in the order added."""
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [self.mentions[n] for n in sorted(self.order[i:j]) if keep(self.mentions[n])]

    def inside(self, start: int, end: int) -> list[Mention]:
        """The mentions within ``[start, end)``, in the order added."""
        return self._between(start, end + 1, lambda m: m.end <= end)

    def entity_at(self, start: int | None, end: int | None) -> str | None:
        """The entity id of the mention that overlaps ``[start, end)`` most
        (:func:`_best_mention`), or None (no span, no mention, or no entity)."""
        if start is None or end is None:
            return None
        m = _best_mention(self.overlapping(start, end), start, end)
        return m.entity if m is not None else None

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions that may overlap ``[start, end)`` (every one that does;
        an empty one may slip in), in the order added."""
        # a mention that ends after ``start`` starts after ``start - longest``
        return self._between(start - self.longest + 1, end, lambda m: m.end > start)

"""Relations between claims: contradicts, agrees, repeats, revises.

Claims are compared only inside one proposition (see
:mod:`rashomon.compare.propositions`, which bounds its size), never all
against all, and at most ``MAX_PER_CLAIM`` relations are kept per claim; a
pair related in one proposition is not related again in another. Two sets of
rules:

* **Proposition blocks** (``measure``, ``existence``, ``same``,
  ``attribution``, ``antonym``, ``time``, ``compound``, ``date``, ``mechanism``, ``figure``,
  ``knowledge``, ``purpose``: see
  :mod:`rashomon.compare.blocks`) are compared by
  :func:`rashomon.compare.rules.compare_views` on each claim's
  :class:`~rashomon.compare.views.View` (holder, stance, proposition, event).
  Near-verbatim claims of two articles with the same polarity are a
  **repeats** pair (``independent: False``): the same words relayed, which is
  not corroboration.
* **Frames** of ``data/frames.yaml`` (the older rules, kept for what the
  blocks do not read):

  - harm: one claim negates harm to a group (its predicate itself one of
    harm, ``HARM_CLASSES``; a negation of anything else near a word of harm
    is no denial of harm) and the other affirms harm to the same group
    (:func:`~rashomon.compare.propositions.harm_group`; "almost no"/"very
    minor" count as affirmed, minimal harm), when both claims report
    what happened (:func:`_harm_comparable`). The acting party must match: when
    both name a party (``Claim.agent_party``) the parties must be one nation;
    when the claim that affirms harm names its agent in the clause and the
    other names none, the pair is not flagged. Two negations of harm agree;
  - durations: two spans of one thing agree or differ;
  - meetings: two meeting claims with different (month, day) contradict.

  A frame pair is not compared when the claims are about different events
  (both carry a year and the years differ, or one names an event the other
  does not share). ``independent`` is False when both trace to one original
  speaker (same ``speaker`` id, same relaying entity, or the same quoted
  speaker name when ids are missing); a pair of one speaker's claims that
  contradict each other is reported too, its reason saying "same speaker".
"""
from __future__ import annotations

import functools
import os
import re

from rashomon.compare.propositions import content_words, harm_group, month_day
from rashomon.compare.rules import compare_views
from rashomon.compare.claim_views import views as claim_views
from rashomon.compare.views import Story, View
from rashomon.extract.propositions import lexicon as predicate_lexicon
from rashomon.extract.quantities import compatible
from rashomon.types import Article, Claim, Entity, Proposition, Quote, Relation, assemble

SHARED_RUN = 8
MAIN_PLACES = 2  # articles whose claims name a place that makes it one of the story's places
MAX_PER_CLAIM = 25  # relations kept per claim: a report lists the first ones found, not thousands
REPEAT_JACCARD = 0.7
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "its", "their"}
# a year as a whole word; the character before it is tested after its digits, so that a search of a
# whole article looks only at the digits a year starts with (a pattern that opens with \b is tried at
# every position)
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)(?<!\w\d\d\d\d)\b")
_TOK = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’]s?$")


@functools.lru_cache(maxsize=4096)
def party_key(name: str | None) -> str | None:
    """A comparable key for a nation named as a country or a demonym
    ("Azerbaijani" and "Azerbaijan" → "azerbaijan"): lowercase, possessive and
    demonym endings (-i, -n, -ese, -ish) cut."""
    if not name:
        return None
    k = _POSSESSIVE.sub("", name.strip().lower())
    k = k.split()[-1] if k.split() else k
    for suf in ("ese", "ish", "ian", "an", "i", "n"):
        if k.endswith(suf) and len(k) - len(suf) >= 4:
            return k[: len(k) - len(suf)]
    return k


@functools.lru_cache(maxsize=4096)
def same_party(a: str | None, b: str | None) -> bool:
    """Whether two party names denote one nation (common prefix ≥ max(4, shorter − 1))."""
    ka, kb = party_key(a), party_key(b)
    if not ka or not kb:
        return False
    return len(os.path.commonprefix([ka, kb])) >= max(4, min(len(ka), len(kb)) - 1)


def _article_year(a: Article) -> str | None:
    for v in (a.published, a.reference_date):
        if v and _YEAR.match(v):
            return v[:4]
    years = _YEAR.findall(a.text)
    return max(years) if years else None


@functools.lru_cache(maxsize=65536)
def _latest_year(text: str) -> str | None:
    """The latest year ``text`` names, or None."""
    years = _YEAR.findall(text)
    return max(years) if years else None


def _claim_year(c: Claim, art_year: dict[str, str | None]) -> str | None:
    for t in (c.time_text or "", c.text):
        year = _latest_year(t)
        if year:
            return year
    return art_year.get(c.article)


@functools.lru_cache(maxsize=4096)
def _norm_name(s: str | None) -> str | None:
    if not s:
        return None
    s = re.sub(r"[^\w\s]", " ", s.lower()).split()
    s = [w for w in s if w not in ("the", "a", "an")]
    if not s or (len(s) == 1 and s[0] in PRONOUNS):
        return None
    return s[-1]  # surname / last word


def story_places(claims: list[Claim]) -> frozenset[str]:
    """The story's places (entity ids): those the main-event claims of at least
    ``MAIN_PLACES`` articles name. A claim naming only other places ("in the
    capital, 900 held a vigil") is about somewhere else; a place the sources
    share is where the story happens, however many other places they share."""
    articles: dict[str, set[str]] = {}
    for c in claims:
        if c.event in (None, "main"):
            for pl in c.places:
                articles.setdefault(pl, set()).add(c.article)
    return frozenset(pl for pl, arts in articles.items() if len(arts) >= MAIN_PLACES)


def _origin(c: Claim, by_quote: dict[str, Quote]) -> set[str]:
    """Identifiers of whoever originally said the claim (entity id and/or name)."""
    out = set()
    if c.speaker:
        out.add("id:" + c.speaker)
    q = by_quote.get(c.quote) if c.quote else None
    if q is not None:
        if q.speaker:
            out.add("id:" + q.speaker)
        n = _norm_name(q.speaker_text)
        if n:
            out.add("name:" + n)
    return out


@functools.lru_cache(maxsize=65536)
def _grams(text: str, n: int = SHARED_RUN) -> frozenset:
    """The word n-grams of ``text`` (empty when it has fewer than ``n`` words)."""
    t = [w.lower() for w in _TOK.findall(text)]
    return frozenset(tuple(t[i:i + n]) for i in range(len(t) - n + 1))


def _relation(kind: str, a: str, b: str, independent: bool, proposition: str, reason: str,
              contradiction: str | None = None) -> Relation:
    """A :class:`~rashomon.types.Relation` of these fields, assembled without
    validation (:func:`rashomon.types.assemble`: the rules below give each
    field a value of its type; ≈ 265 relations a document of the benchmark
    corpus)."""
    return assemble(Relation, {"kind": kind, "a": a, "b": b, "independent": independent, "reason": reason,
                               "proposition": proposition, "contradiction": contradiction})


class _Info:
    """What :func:`_compare` reads of one claim, computed once per claim rather
    than once per pair: the claim and its view, its number (in the order
    first met), id, article and polarity, its quote, year, original speaker,
    event, harm group, word n-grams and content words; ``kept`` counts the
    relations kept for it."""

    __slots__ = ("claim", "view", "n", "id", "article", "polarity", "quote", "year", "origin", "event", "harm",
                 "grams", "words", "kept")

    def __init__(self, c: Claim, view: View, n: int, by_quote: dict[str, Quote], art_year: dict[str, str | None]):
        self.claim, self.view, self.n = c, view, n
        self.id = c.id
        self.article = c.article
        self.polarity = c.polarity
        self.quote = by_quote.get(c.quote or "")
        self.year = _claim_year(c, art_year)
        self.origin = _origin(c, by_quote)
        self.event = (c.event_text or "").lower()
        self.harm = harm_group(c)
        self.grams = _grams(c.text)
        self.words = content_words(c.text)
        self.kept = 0

    def near_verbatim(self, o: "_Info") -> bool:
        """Near-verbatim: a shared run of ``SHARED_RUN`` words, or content-word
        Jaccard ≥ ``REPEAT_JACCARD`` over at least six content words each."""
        if not self.grams.isdisjoint(o.grams):
            return True
        wa, wb = self.words, o.words
        return min(len(wa), len(wb)) >= 6 and len(wa & wb) / len(wa | wb) >= REPEAT_JACCARD

    def relayed_with(self, o: "_Info") -> bool:
        """Whether both claims come through one relaying entity (this claim's
        quote is relayed by the one who relays or speaks the other's)."""
        qa, qb = self.quote, o.quote
        return qa is not None and qb is not None and bool(qa.relayed_by) and qa.relayed_by in (qb.relayed_by, qb.speaker)


HARM_CLASSES = ("death", "injury", "destruction")


def _harm_comparable(v: View) -> bool:
    """A claim the frame rules may compare: a report of what happened in the
    main event, whose predicate is harm (or unclassed), not the use of a weapon
    ("claims that guards fired plastic bullets are false" denies no injury)."""
    return v.comparable and v.klass in (None, *HARM_CLASSES)


def _compare_block(p: Proposition, ia: _Info, ib: _Info, story: Story) -> Relation | None:
    """A relation between two claims of one proposition block (:mod:`rashomon.compare.rules`);
    near-verbatim words in two articles with the same polarity are a ``repeats``."""
    va, vb = ia.view, ib.view
    same = va.same_holder(vb)
    near = ia.near_verbatim(ib)
    independent = not (same or near or ia.relayed_with(ib))
    if near and ia.article != ib.article and va.negative == vb.negative:
        return _relation(kind="repeats", a=ia.id, b=ib.id, independent=False, proposition=p.id,
                        reason="near-verbatim words in two articles" + (" from one holder" if same else ""))
    got = compare_views(va, vb, p.frame, story)
    if got is None:
        return None
    kind, reason, ckind = got
    return _relation(kind=kind, a=ia.id, b=ib.id, independent=independent if kind == "agrees" else not same,
                    proposition=p.id, reason=reason, contradiction=ckind)


def _harm_desc(c: Claim) -> str:
    counted = [q for q in c.quantities if q.of in ("killed", "wounded")]
    if counted:
        return " and ".join(q.text or str(q.value) for q in counted[:2])
    if c.hedges and any(h.lower() in ("almost no", "very minor", "minor", "few", "very few", "hardly any")
                        for h in c.hedges):
        return f"minimal harm to {harm_group(c)} ('{next(h for h in c.hedges)}')"
    return f"harm to {harm_group(c)}"


def _party_ok(neg: Claim, aff: Claim) -> bool:
    pn, pa = neg.agent_party, aff.agent_party
    if pn and pa:
        return same_party(pn, pa)
    if pa and aff.agent_from == "clause" and not pn:
        return False
    return True


def relate(claims: list[Claim], propositions: list[Proposition], quotes: list[Quote],
           articles: list[Article], entities: list[Entity] | None = None,
           read: dict[str, View] | None = None) -> list[Relation]:
    """Relate the claims of each proposition.

    Parameters
    ----------
    claims : every claim (``speaker`` filled from linking where known).
    propositions : from :func:`rashomon.compare.propositions.group_claims`.
    quotes : every quote (for speaker names and relays when ids are missing).
    articles : the articles (for the year each article's events fall in).
    entities : the linked entities, optional: a person who speaks for an
        organisation is one holder with it (:mod:`rashomon.compare.holders`).
    read : the claims' quote-free readings (:func:`rashomon.compare.claim_views.readings`),
        optional: made here when absent.

    Returns
    -------
    list[Relation] : each unordered pair at most once; ``reason`` readable.
    """
    by_id = {c.id: c for c in claims}
    by_quote = {q.id: q for q in quotes}
    art_year = {a.id: _article_year(a) for a in articles}
    out: list[Relation] = []
    done: set[tuple[int, int]] = set()  # pairs related, by claim numbers (_Info.n)
    info: dict[str, _Info] = {}
    vs = claim_views(claims, quotes, articles, entities, read)
    main_places = story_places(claims)
    story = Story.read(list(vs.values()), main_places)
    story.towns = frozenset(e.id for e in entities or () if e.type == "GPE")
    for p in propositions:
        cs = [by_id[i] for i in p.claims if i in by_id]
        if p.frame == "casualties":  # a claim the harm rules may not compare takes part in no pair
            cs = [c for c in cs if _harm_comparable(vs[c.id])]
        for c in cs:
            if c.id not in info:
                info[c.id] = _Info(c, vs[c.id], len(info), by_quote, art_year)
        infos = [info[c.id] for c in cs]
        block = p.frame in BLOCK_FRAMES
        # every pair (i < j) in order, as itertools.combinations gives them;
        # a claim that has MAX_PER_CLAIM relations takes part in no more pairs
        for i, ia in enumerate(infos):
            if ia.kept >= MAX_PER_CLAIM:
                continue
            for ib in infos[i + 1:]:
                if ib.kept >= MAX_PER_CLAIM:
                    continue
                key = (ia.n, ib.n) if ia.n <= ib.n else (ib.n, ia.n)
                if key in done:
                    continue
                rel = _compare_block(p, ia, ib, story) if block else _compare(p, ia, ib)
                if rel is not None:
                    done.add(key)
                    ia.kept += 1
                    ib.kept += 1
                    out.append(rel)
                    if ia.kept >= MAX_PER_CLAIM:
                        break
    return undecided_figures(out, {p.id for p in propositions if p.frame == "measure"})


def undecided_figures(rels: list[Relation], measured: set[str]) -> list[Relation]:
    """Drop the agreements of a figure that fits both sides of a dispute: a
    vague or wide figure ("thousands", "at least 20") compatible with two
    figures that contradict each other (8,500 / 40,000) takes neither side, so
    it agrees with neither: the agreement relation is meant to be transitive
    within a group of claims that say one thing, and compatibility of
    intervals is not (de Marneffe et al. 2008 on agreement as mutual
    entailment; Allen 1983 on overlapping intervals). ``measured`` are the ids
    of the propositions of the ``measure`` frame; other relations are kept as
    they are."""
    def pair(r: Relation) -> frozenset:
        return frozenset((r.a, r.b))

    figures = [r for r in rels if r.proposition in measured]  # the relations of the measure frame, in order
    clash = {pair(r) for r in figures if r.kind == "contradicts"}
    if not clash:
        return rels
    partners: dict[str, set[str]] = {}
    for r in figures:
        if r.kind == "agrees":
            partners.setdefault(r.a, set()).add(r.b)
            partners.setdefault(r.b, set()).add(r.a)
    drop = set()
    for x, ys in partners.items():
        for y in ys:
            if any(frozenset((y, z)) in clash for z in ys):
                drop.add(frozenset((x, y)))
    if not drop:
        return rels
    return [r for r in rels if not (r.kind == "agrees" and r.proposition in measured and pair(r) in drop)]


BLOCK_FRAMES = ("measure", "existence", "same", "attribution", "antonym", "time", "compound", "date", "mechanism", "figure",
                "knowledge", "purpose")


def _compare(p: Proposition, ia: _Info, ib: _Info) -> Relation | None:
    """A relation between two claims of a proposition of a frame of ``data/frames.yaml``
    (see the module docstring); the claims of a ``casualties`` proposition are
    those the harm rules may compare (:func:`_harm_comparable`)."""
    a, b = ia.claim, ib.claim
    ya, yb = ia.year, ib.year
    if ya and yb and ya != yb:
        return None
    if ia.event != ib.event:  # one names an event ("the 44-Day War") the other does not
        return None
    same_speaker = not ia.origin.isdisjoint(ib.origin)
    near = ia.near_verbatim(ib)
    if near:
        if ia.article == ib.article:
            return None
        if ia.polarity == ib.polarity:
            return _relation(kind="repeats", a=ia.id, b=ib.id, independent=False, proposition=p.id,
                            reason="near-verbatim words in two articles" + (" from one speaker" if same_speaker else ""))
    who = " (same speaker)" if same_speaker else ""
    independent = not (same_speaker or ia.relayed_with(ib))
    frame = p.frame
    if frame == "casualties":
        if ia.polarity != ib.polarity:
            neg, aff = (a, b) if ia.polarity == "negated" else (b, a)
            nv = (ia if neg is a else ib).view
            if nv.parts is not None and predicate_lexicon()["class"].get(nv.predicate) not in HARM_CLASSES:
                return None  # the negation governs no harm ("has not gone over well with the victims' families")
            neg_harm, aff_harm = (ia.harm, ib.harm) if ia.polarity == "negated" else (ib.harm, ia.harm)
            if neg_harm == aff_harm and _party_ok(neg, aff):
                return _relation(kind="contradicts", a=ia.id, b=ib.id, independent=independent, proposition=p.id,
                                reason=f"negated harm to {neg_harm} vs {_harm_desc(aff)}{who}")
            return None
        if ia.polarity == ib.polarity == "negated" and ia.article != ib.article:
            return _relation(kind="agrees", a=ia.id, b=ib.id, independent=independent, proposition=p.id,
                            reason=f"both deny harm to {ia.harm}")
        return None
    if frame == "duration":
        da = [q for q in a.quantities if q.of == "duration"]
        db = [q for q in b.quantities if q.of == "duration"]
        shared = (ia.words & ib.words) - {"hour", "day", "minute", "lasted", "week"}
        if not da or not db or len(shared) < 2:
            return None
        x, y = da[0], db[0]
        if x.unit != y.unit:
            return None
        if compatible(x, y):
            return _relation(kind="agrees", a=ia.id, b=ib.id, independent=independent, proposition=p.id,
                            reason=f"same duration: {x.text} / {y.text}")
        return _relation(kind="contradicts", a=ia.id, b=ib.id, independent=independent, proposition=p.id,
                        reason=f"durations differ: {x.text} vs {y.text}{who}")
    if frame == "meeting":
        ma = month_day(a.time_text) or month_day(a.text)
        mb = month_day(b.time_text) or month_day(b.text)
        if ma and mb:
            if ma == mb:
                return _relation(kind="agrees", a=ia.id, b=ib.id, independent=independent, proposition=p.id,
                                reason=f"same meeting date ({ma[1]:02d}/{ma[0]:02d}) and place ({p.label})")
            return _relation(kind="contradicts", a=ia.id, b=ib.id, independent=independent, proposition=p.id,
                            reason=f"meeting dates differ: {ma[1]:02d}/{ma[0]:02d} vs {mb[1]:02d}/{mb[0]:02d}{who}")
        return None
    if frame == "lexical" and ia.article != ib.article and ia.polarity == ib.polarity:
        return _relation(kind="agrees", a=ia.id, b=ib.id, independent=independent, proposition=p.id,
                        reason="the same statement in other words")
    return None

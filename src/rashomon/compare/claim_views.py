"""The views of a corpus's claims (:class:`~rashomon.compare.views.View`).

Each claim's quote-free reading is made once (:func:`readings`) and shared by
the stages that add holders to it (:func:`views`: the propositions' blocks
read no quotes, the relations read them). A view also takes what the claims
around it give: a comparative's standard from the figure before it
(:func:`_compared_to_before`) and a headline's bare blame from its body
(:func:`_headline_blame`).
"""
from __future__ import annotations

from rashomon.compare.holders import affiliations
from rashomon.compare.views import _LETTERS, View, attribution_key
from rashomon.extract.propositions import lexicon as predicate_lexicon
from rashomon.types import Article, Claim, Entity, Quote


def readings(claims: list[Claim], articles: list[Article]) -> dict[str, View]:
    """The quote-free reading of every claim (``View(claim, article, antecedent)``),
    by claim id: what :func:`views` adds holders to. Read after the claims'
    events are set or not, it is the same (the event is the holder part's)."""
    by_art = {a.id: a for a in articles}
    by_span = {(c.article, c.start, c.end): c for c in claims}
    return {c.id: View(c, by_art.get(c.article),
                       by_span.get((c.article, c.refers_to[0], c.refers_to[1])) if c.refers_to else None)
            for c in claims}


def views(claims: list[Claim], quotes: list[Quote], articles: list[Article],
          entities: list[Entity] | None = None, read: dict[str, View] | None = None) -> dict[str, View]:
    """A :class:`View` for every claim, by claim id; ``entities`` (optional)
    give each speaker's organisations (:func:`rashomon.compare.holders.affiliations`);
    ``read`` (optional) the claims' :func:`readings`, made here when absent
    (one reading serves several calls: it is copied, never changed)."""
    orgs = affiliations(entities, quotes)
    by_quote = {q.id: q for q in quotes}
    by_art = {a.id: a for a in articles}
    read = read if read is not None else readings(claims, articles)
    out, named = {}, {e.id: e.name for e in entities or ()}
    for c in claims:
        v = out[c.id] = read[c.id].held(by_quote.get(c.quote or ""), by_art.get(c.article), orgs)
        if v.speaker_label is None and c.speaker in named:  # "He insisted …": the speaker linked, by name
            v.speaker_label = named[c.speaker]
    _compared_to_before(claims, out)
    if entities:
        _headline_blame(claims, out, {e.id: e for e in entities})
    return out


def _headline_blame(claims: list[Claim], vs: dict[str, View], entities: dict[str, Entity]) -> None:
    """A headline's blame that says whom but not for what ("minister points at
    city hall") stands for the one attribution of responsibility its holder
    makes in the article's body: a headline states the article's main
    proposition (van Dijk 1988, *News as Discourse*, 2.3: headline and lead
    express the text's macroproposition; Bell 1991, *The Language of News
    Media*, ch. 8). The holder is the speaker whose role ends in the
    headline's holder noun ("minister": "Interior Minister"), when exactly one
    speaker of the body has such a role and all its attributions answer one
    question (who ordered, or who caused). Sets the view's class, holder, agent,
    theme heads and ``summarises`` (in place); the claim itself is not changed."""
    from rashomon.extract.propositions import POINTING

    for v in vs.values():
        c = v.claim
        if v.predicate not in POINTING or c.speaker or not c.holder_text or v.parts.theme is not None:
            continue
        noun = c.holder_text.split()[-1].lower()
        body = [w for w in vs.values() if w.article == v.article and w.claim.start > c.end and not w.negative
                and attribution_key(w.klass) and w.claim.speaker in entities
                and (entities[w.claim.speaker].role or "").lower().split()[-1:] == [noun]]
        if len({w.claim.speaker for w in body}) != 1 or len({attribution_key(w.klass) for w in body}) != 1:
            continue
        src = body[0]  # the headline's proposition is the body's: its class, holder and the agent it names
        v.klass, v.ids, v.names, v.speaker_label = src.klass, src.ids, src.names, src.speaker_label
        v.summarises = src.id
        v.agent, v.agent_names, v.agent_parties, v.heads = src.agent, src.agent_names, src.agent_parties, src.heads


LESS = {"less", "fewer", "lower", "smaller"}
MORE = {"more", "higher", "greater", "larger"}
"""Comparatives that may close a clause with no standard after it ("the families were offered far less.")."""
COMPARATIVES = LESS | MORE
STANDARD_CHARS = 400  # how far before it the figure a bare comparative is measured against may lie


def _compared_to_before(claims: list[Claim], vs: dict[str, View]) -> None:
    """A comparative with its standard left out ("The union says the families were
    offered far less.") measures against the figure of its kind just before it in
    the same article ("… had accepted its offer of €100,000 each"): less is below
    that figure, more above (the comparative clause ellipted where the context
    gives it: Quirk et al. 1985, 15.69). Sets ``measure``/``counts`` on the view
    (in place); the claim itself is not changed."""
    counts = predicate_lexicon()["counts"]
    last: dict[tuple[str, str], tuple[Claim, View]] = {}  # (article, counts) → the latest figure before
    for c in sorted(claims, key=lambda c: (c.article, c.start)):
        v = vs[c.id]
        if v.measure is not None and v.counts:
            last[(c.article, v.counts)] = (c, v)
            continue
        kind = counts.get(v.klass or "")
        if not kind:
            continue  # no class of figure: nothing to measure against
        words = _LETTERS.findall(c.text[-24:].lower())
        end = words[-1] if words else ""
        if end not in COMPARATIVES or v.parts is None or v.parts.negated or (c.article, kind) not in last:
            continue
        before, std = last[(c.article, kind)]
        if c.start - before.end > STANDARD_CHARS or std.same_holder(v):
            continue
        q, less = std.measure, end in LESS
        v.measure = q.model_copy(update={"approx": "under" if less else "over", "high": None,
                                         "value": q.value * (1 - 1e-6 if less else 1 + 1e-6),
                                         "text": f"{'less' if less else 'more'} than {q.text or q.value}"})
        v.counts, v.group = kind, std.group

"""The entity components: entities reconciled with the gazetteer, one label per name.

:class:`EntityFixes` (``rashomon_entity_fixes``) splits entities at line
breaks, reconciles them with the gazetteer matches and then applies the person
fixes of :mod:`~rashomon.annotate.persons`; :func:`label_consistency`
(``rashomon_label_consistency``) gives each entity string one label in a
document and tags a multi-word name wherever it recurs.
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from rashomon.annotate.docs import _span_text, doc_text
from rashomon.annotate.gazetteer import SPANS_KEY
from rashomon.annotate.persons import _ORG_WORDS, person_fixes


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


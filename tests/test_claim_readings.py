"""One quote-free reading of each claim serves every stage that adds holders
to it (:func:`rashomon.compare.claim_views.readings`): the holders added differ, the
reading is never changed."""
from __future__ import annotations

from rashomon.compare.propositions import group_claims
from rashomon.compare.relations import relate
from rashomon.compare.claim_views import readings, views
from rashomon.types import Article, Claim, PropositionParts, Quantity, Quote

ARTS = [Article(id="a0", name="a0.txt", path="a0.txt", text="", published="2031-04-02")]


def _claims() -> list[Claim]:
    """A figure, then a comparative without its standard ("far less") that is
    measured against it, the second said in a quote."""
    offer = Claim(id="c1", article="a0", start=0, end=47, text="The mill said it had offered each family €8,000.",
                  holder_text="Mill owner", polarity="affirmed", stance="asserts",
                  quantities=[Quantity(value=8000.0, unit="EUR", of="EUR", start=0, end=1, text="8000")],
                  proposition=PropositionParts(predicate="offer", predicate_class="payment", theme_words=["family"],
                                               counts="payment", measure=0, tense="past", nouns=["family"]))
    less = Claim(id="c2", article="a0", start=60, end=111, text="The guild says the families were offered far less.",
                 holder_text="The guild", polarity="affirmed", stance="asserts", quote="q1",
                 proposition=PropositionParts(predicate="offer", predicate_class="payment", theme_words=["family"],
                                              theme_heads=["family"], tense="past", nouns=["family"]))
    return [offer, less]


QUOTE = Quote(id="q1", article="a0", start=60, end=111, kind="indirect", text="the families were offered far less",
              speaker_text="Ana Brel", speaker_affiliation="Weavers Guild", cue="says", cue_start=70, cue_end=74)


def test_views_add_holders_to_one_reading_and_leave_it_unchanged():
    claims = _claims()
    read = readings(claims, ARTS)
    assert read["c2"].measure is None  # the comparative's figure is read against the one before it, later
    plain, quoted = views(claims, [], ARTS, read=read), views(claims, [QUOTE], ARTS, read=read)
    assert plain["c2"].measure.value < 8000.0 and plain["c2"].measure.approx == "under"
    assert plain["c2"].names == frozenset({"guild"})
    assert quoted["c2"].names == frozenset({"guild", "weavers"})
    assert quoted["c2"].speaker_label == "Ana Brel" and plain["c2"].speaker_label is None
    assert read["c2"].measure is None and not hasattr(read["c2"], "names")  # no holder on the reading


def test_relations_are_the_same_with_the_readings_shared():
    claims = _claims()
    read = readings(claims, ARTS)
    shared = relate(claims, group_claims(claims, ARTS, read=read), [QUOTE], ARTS, read=read)
    fresh = relate(claims, group_claims(claims, ARTS), [QUOTE], ARTS)
    assert [r.model_dump() for r in shared] == [r.model_dump() for r in fresh]
    assert [(r.kind, r.contradiction) for r in shared] == [("contradicts", "measure")]

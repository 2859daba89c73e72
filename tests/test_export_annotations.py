"""W3C Web Annotations: validated against the W3C model's own JSON Schemas
(tests/data/w3c-annotation-model, see its README), and re-anchored: every
annotation finds its words again, and one whose words changed is orphaned,
never moved to look-alike words."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from _export_fixture import export_report, hostile_report  # noqa: F401  (fixture)
from rashomon.export import export
from rashomon.export.annotations import CONTEXT, anchor, collection, reanchor, selectors, source
from rashomon.report.context import build_context

W3C = Path(__file__).resolve().parent / "data" / "w3c-annotation-model"


@lru_cache(maxsize=None)
def _validators(test_file: str) -> tuple:
    """Draft-4 validators of every assertion a W3C ``*Musts.test`` file lists."""
    import jsonschema
    import referencing
    from referencing.jsonschema import DRAFT4

    registry = referencing.Registry().with_resources(
        (f.name, DRAFT4.create_resource(json.loads(f.read_text(encoding="utf-8"))))
        for f in (W3C / "definitions").glob("*.json"))
    names = json.loads((W3C / test_file).read_text(encoding="utf-8"))["assertions"]
    return tuple((name, jsonschema.Draft4Validator(json.loads((W3C / name).read_text(encoding="utf-8")),
                                                   registry=registry,
                                                   format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER))
                 for name in names)


def _failures(test_file: str, instance: dict) -> list[str]:
    return [f"{name}: {next(v.iter_errors(instance)).message[:200]}"
            for name, v in _validators(test_file) if not v.is_valid(instance)]


def _shape(value, key: str = ""):
    """An annotation with every free text and offset replaced by a placeholder: what the
    W3C schemas test (keys, types, purposes, the scheme of each IRI) stays, so
    annotations of one shape are validated once."""
    if isinstance(value, dict):
        return tuple(sorted((k, _shape(v, k)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_shape(v, key) for v in value)
    if isinstance(value, str) and key not in ("type", "purpose", "motivation", "format", "language"):
        return value.split(":", 1)[0] if key in ("id", "source") else "text"
    return type(value).__name__ if isinstance(value, int) and value >= 0 else value


def _collection(report, tmp_path: Path) -> dict:
    path = export(report, "annotations", tmp_path / "annotations.jsonld")[0]
    return json.loads(path.read_text(encoding="utf-8"))


def test_vendored_schemas_reject_what_the_model_forbids():
    """The validators are live: the W3C's own incorrect samples fail them."""
    bad = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:1", "type": "Annotation",
           "body": {"type": "TextualBody", "value": "x"}, "bodyValue": "x",
           "target": {"source": "urn:uuid:2", "selector": {"type": "TextQuoteSelector"}}}
    fails = _failures("annotations/annotationMusts.test", bad)
    assert any("notBodyBodyValue" in f for f in fails)
    assert any("textQuoteSelectorValid" in f for f in fails)
    assert _failures("annotations/annotationMusts.test", {"type": "Annotation"})


def test_collection_and_every_annotation_meet_the_w3c_musts(export_report, tmp_path):
    coll = _collection(export_report, tmp_path)
    assert coll["@context"] == "http://www.w3.org/ns/anno.jsonld" and coll["type"] == "AnnotationCollection"
    assert _failures("collections/collectionMusts.test", coll) == []
    page = coll["first"]
    assert _failures("collections/pages/pageMusts.test", {"@context": coll["@context"], **page}) == []
    items = page["items"]
    assert coll["total"] == len(items) == len(export_report.quotes) + len(export_report.claims) + len(
        build_context(export_report)["disputes"])
    shapes = {_shape(item): item for item in items}
    assert len(shapes) >= 3  # quotes, claims and disputes at least
    for item in shapes.values():  # each item as a reader who takes it out of the collection sees it
        assert _failures("annotations/annotationMusts.test", {"@context": coll["@context"], **item}) == [], item
    assert len({item["id"] for item in items}) == len(items)


def test_every_target_names_its_text_and_anchors_where_it_was(export_report, tmp_path):
    coll = _collection(export_report, tmp_path)
    texts = {source(a)["id"]: a.text for a in export_report.articles}
    spans = {(source(a)["id"], r.start, r.end) for a in export_report.articles
             for r in (*export_report.quotes, *export_report.claims) if r.article == a.id}
    for item in coll["first"]["items"]:
        targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
        for t in targets:
            pos, quote = t["selector"]
            assert pos["type"] == "TextPositionSelector" and quote["type"] == "TextQuoteSelector"
            assert (t["source"]["id"], pos["start"], pos["end"]) in spans
            assert texts[t["source"]["id"]][pos["start"]:pos["end"]] == quote["exact"]
    found = reanchor(coll, texts)
    assert all(span == (t["selector"][0]["start"], t["selector"][0]["end"])
               for item in coll["first"]["items"]
               for span, t in zip(found[item["id"]], item["target"] if isinstance(item["target"], list)
                                  else [item["target"]]))


def test_bodies_say_kind_speaker_stance_and_reason():
    report = hostile_report()
    items = collection(report, build_context(report))["first"]["items"]
    quote, claim = items[0], items[len(report.quotes) + 1]
    assert [b["value"] for b in quote["body"] if b["purpose"] == "tagging"] == ["quote", "direct"]
    assert [b["value"] for b in quote["body"] if b["purpose"] == "identifying"] == ["=Ana Kovic"]
    described = next(b["value"] for b in quote["body"] if b["purpose"] == "describing")
    assert "cue: -said" in described and "said on 2024-05-31" in described and "relayed by \t=Harbour Board" in described
    assert [b["value"] for b in claim["body"] if b["purpose"] == "tagging"] == ["claim", "denied", "negated"]
    dispute = items[-1]
    assert dispute["motivation"] == "linking"
    assert [t["styleClass"] for t in dispute["target"]] == ["side-A", "side-B"]
    assert ".side-A {" in dispute["stylesheet"]["value"]
    assert "@30 aboard vs no one aboard" in next(b["value"] for b in dispute["body"] if b["purpose"] == "describing")


def test_source_is_the_url_when_known_else_a_content_name():
    report = hostile_report()
    with_url, without = source(report.articles[0]), source(report.articles[1])
    assert with_url["id"] == "https://pier.example/a?b=<i>"
    assert without["id"].startswith("ni:///sha-256;") and without["format"] == "text/plain"
    import base64
    import hashlib

    digest = hashlib.sha256(report.articles[1].text.encode("utf-8")).digest()
    assert without["id"] == "ni:///sha-256;" + base64.urlsafe_b64encode(digest).decode().rstrip("=")
    assert without["schema:sha256"] == digest.hex()


def test_positions_count_code_points():
    """Non-BMP characters count once: the W3C model counts "unicode code points
    (the 'character number'), not ... code units" (4.2.5); UTF-16 would say 16-20."""
    text = "\U0001F6A2 ship \U0001D518 said \"go\" now"
    start = text.index('"go"')
    pos, quote = selectors(text, start, start + 4)
    assert pos == {"type": "TextPositionSelector", "start": 14, "end": 18}
    assert quote["prefix"] == "\U0001F6A2 ship \U0001D518 said " and quote["suffix"] == " now"


# --- re-anchoring --------------------------------------------------------------------------------

ORIGINAL = ("The ferry board met on Monday. The mayor said the ferry sank with 30 aboard. "
            "The captain said no one was aboard when the ferry sank. Rescuers searched the bay.")
WORDS = "the ferry sank with 30 aboard"


def _target(text: str = ORIGINAL, words: str = WORDS) -> dict:
    start = text.index(words)
    return {"type": "SpecificResource", "source": "urn:x", "selector": selectors(text, start, start + len(words))}


def test_unchanged_text_anchors_at_the_position():
    start = ORIGINAL.index(WORDS)
    assert anchor(_target(), ORIGINAL) == (start, start + len(WORDS))


def test_moved_words_are_found_by_their_quote_and_context():
    edited = "Updated at noon. " + ORIGINAL
    start = edited.index(WORDS)
    assert anchor(_target(), edited) == (start, start + len(WORDS))
    assert edited[start:start + len(WORDS)] == WORDS


@pytest.mark.parametrize("edited", [
    ORIGINAL.replace("with 30 aboard", "with 40 aboard"),  # the words changed
    ORIGINAL.replace("The mayor said the ferry sank with 30 aboard. ", ""),  # the sentence was cut
])
def test_changed_words_are_orphaned(edited):
    assert anchor(_target(), edited) is None


def test_orphan_is_never_moved_to_look_alike_words():
    """The mayor's sentence changed; the same six words still stand in another
    sentence with another context: the annotation is orphaned, not moved there."""
    edited = ("The ferry board met on Monday. The mayor now says the ferry was towed away. "
              "A witness said the ferry sank with 30 aboard, too. Rescuers searched the bay.")
    assert WORDS in edited
    assert anchor(_target(), edited) is None


def test_words_whose_whole_context_repeats_are_orphaned_not_guessed():
    twice = ("Intro. " + ORIGINAL + " " + ORIGINAL)
    assert anchor(_target(), twice) is None


def test_reanchor_reports_each_annotation(tmp_path):
    report = hostile_report()
    coll = collection(report, build_context(report))
    texts = {source(a)["id"]: a.text for a in report.articles}
    a0 = source(report.articles[0])["id"]
    texts[a0] = texts[a0].replace("30 aboard", "31 aboard")  # both of the mayor's quotes change
    found = reanchor(coll, texts)
    items = {item["id"]: item for item in coll["first"]["items"]}
    orphans = {iid for iid, spans in found.items() if None in spans}
    assert orphans and all(
        any(t["source"]["id"] == a0 for t in (items[i]["target"] if isinstance(items[i]["target"], list)
                                              else [items[i]["target"]])) for i in orphans)
    quote_q1 = coll["first"]["items"][1]  # Reed's words in the other article are untouched
    assert found[quote_q1["id"]] == [(report.quotes[1].start, report.quotes[1].end)]
    assert reanchor(coll, {})[quote_q1["id"]] == [None]  # a source that is not given is orphaned


def test_context_length():
    assert CONTEXT == 32
    text = "x" * 50 + WORDS + "y" * 50
    _, quote = selectors(text, 50, 50 + len(WORDS))
    assert quote["prefix"] == "x" * 32 and quote["suffix"] == "y" * 32



@given(st.text(min_size=1), st.data())
def test_any_span_of_an_unchanged_text_anchors_where_it_was(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assert anchor({"selector": selectors(text, start, end)}, text) == (start, end)

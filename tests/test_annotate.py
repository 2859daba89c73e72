"""The spaCy pipeline with rashomon's gazetteer components."""
from __future__ import annotations

import pytest

from rashomon import annotate
from rashomon.annotate import load_gazetteer, load_pipeline, name_key
from rashomon.settings import Settings

pytestmark = pytest.mark.model


def _ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize("text,ent,label", [
    ("Azerbaijan will ensure the safety of civilians, he said.", "Azerbaijan", "GPE"),
    ("Hajiyev said Azerbaijan is ready to provide medical assistance.", "Azerbaijan", "GPE"),
    ("Hikmet Hajiyev says Baku is ready to provide medical assistance.", "Baku", "GPE"),
    ("Many residents are seeking to leave Karabakh after the strike.", "Karabakh", "LOC"),
    ("They fled to Stepanakert in Nagorno-Karabakh.", "Stepanakert", "GPE"),
    ("Two workers were killed in the cities of Aghdam and Shusha.", "Shusha", "GPE"),
    ("A top Azerbaijani official has said it.", "Azerbaijani", "NORP"),
    ("Supplies go via Lachin-Khankendi roads.", "Khankendi", "GPE"),
])
def test_ruler_fixes_domain_errors(nlp, text, ent, label):
    assert (ent, label) in _ents(nlp, text)


def test_longer_name_containing_a_gazetteer_name_is_kept(nlp):
    assert ("the ICRC Baku Office", "ORG") in _ents(nlp, "He held a meeting with the ICRC Baku Office yesterday.")


def test_entity_split_at_newline(nlp):
    ents = _ents(nlp, "Azerbaijan vows to ensure safety of civilians travelling from Karabakh\n"
                      "Hikmet Hajiyev says Baku is ready. Hikmet Hajiyev, the adviser, wrote it.")
    assert not any("\n" in t for t, _ in ents)
    assert ("Karabakh", "LOC") in ents
    assert ents.count(("Hikmet Hajiyev", "PERSON")) == 2


def test_label_consistency(nlp):
    # the model tags the lone surname ORG here; a PERSON with that surname fixes it
    doc = nlp("Aykhan Hajizada told reporters. They won't face harm, Hajizada emphasizes.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Aykhan Hajizada") == "PERSON" and labels.get("Hajizada") == "PERSON"


def test_label_consistency_component_majority():
    import spacy
    from spacy.tokens import Span

    annotate._register_components()
    nlp = spacy.blank("en")
    doc = nlp("Mirza spoke . Mirza left . Mirza came")
    doc.ents = [Span(doc, 0, 1, "PERSON"), Span(doc, 3, 4, "PERSON"), Span(doc, 6, 7, "GPE")]
    doc = annotate.label_consistency(doc)
    assert [e.label_ for e in doc.ents] == ["PERSON", "PERSON", "PERSON"]


def test_pipeline_components_and_cache(nlp):
    assert {"rashomon_gazetteer", "rashomon_entity_fixes", "rashomon_label_consistency"} <= set(nlp.pipe_names)
    assert "lemmatizer" not in nlp.pipe_names and "parser" in nlp.pipe_names
    assert load_pipeline() is nlp


def test_user_gazetteer_in_pipeline(tmp_path):
    g = tmp_path / "g.yaml"
    g.write_text("entries:\n- name: Zorvath Canal\n  type: FAC\n  aliases: [Zorvath]\n  source: test\n", encoding="utf-8")
    nlp = load_pipeline(Settings(gazetteers=[g]))
    assert nlp is not load_pipeline()
    assert ("Zorvath Canal", "FAC") in _ents(nlp, "Ships crossed the Zorvath Canal on Monday.")
    assert any(e.name == "Zorvath Canal" and e.source == "test" for e in load_gazetteer(Settings(gazetteers=[g])))


def test_bad_gazetteer_file(tmp_path):
    from rashomon.errors import ModelError

    g = tmp_path / "bad.yaml"
    g.write_text("entries:\n- type: ORG\n", encoding="utf-8")
    with pytest.raises(ModelError):
        load_gazetteer(Settings(gazetteers=[g]))


def test_shipped_gazetteer_entries_have_sources():
    entries = load_gazetteer(Settings())
    assert len(entries) > 500
    assert all(e.source for e in entries)
    names = {e.name: e for e in entries}
    assert {"Stepanakert", "Xankendi"} <= set(names["Khankendi"].aliases)
    assert names["Azerbaijani"].type == "NORP" and names["Azerbaijani"].country == "AZ"
    assert "ICRC" in names["International Committee of the Red Cross"].aliases


def test_missing_model_falls_back_or_raises(monkeypatch):
    from spacy.util import is_package

    from rashomon.errors import ModelError

    settings = Settings(spacy_model="no_such_pipeline_xyz")
    if is_package(annotate.FALLBACK_MODEL):
        assert load_pipeline(settings) is not None
    else:
        with pytest.raises(ModelError, match="pip install"):
            load_pipeline(settings)


@pytest.mark.parametrize("text,key", [
    ("the Nagorno-Karabakh's", "nagorno karabakh"),
    ("@ICRC", "icrc"),
    ("Erdoğan", "erdogan"),
    ("Azerbaijan’s", "azerbaijan"),
])
def test_name_key(text, key):
    assert name_key(text) == key

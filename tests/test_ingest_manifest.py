"""Manifest (CSV/YAML) and the batch end to end through ``rashomon.analyze``."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from rashomon.errors import ManifestError
from rashomon.ingest import apply_manifest, load_manifest, read
from rashomon.settings import Settings
from rashomon.types import Article

DATA = Path(__file__).parent / "data" / "ingest"


def arts(*paths: Path):
    return [a for p in paths for a in read(p, Settings()) if isinstance(a, Article)]


@pytest.fixture
def corpus(tmp_path) -> Path:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "one.txt").write_text("Officials said the talks went well.\n", encoding="utf-8")
    (tmp_path / "in" / "sub" / "two.txt").write_text("Residents left the town on Monday.\n", encoding="utf-8")
    return tmp_path / "in"


def test_csv_manifest_overrides_with_evidence(corpus, tmp_path):
    a1, a2 = arts(corpus / "one.txt", corpus / "sub" / "two.txt")
    a1.outlet = "Inferred Outlet"
    man = tmp_path / "m.csv"
    man.write_text(
        "File,outlet,url,published,language,title,notes\n"
        f"{corpus / 'one.txt'},Valley Times,https://valley.example/1,21/09/2023 ignored?,,,x\n",
        encoding="utf-8",
    )
    with pytest.raises(ManifestError, match=r"row 2: published .* is not an ISO 8601 date"):
        apply_manifest([a1, a2], man)
    man.write_text(
        "File,outlet,url,published,language,title,notes\n"
        f"{corpus / 'one.txt'},Valley Times,https://valley.example/1,2023-09-21T10:33:00Z,EN,,x\n"
        "two.txt,,,2023-09,,A headline,\n",
        encoding="utf-8",
    )
    apply_manifest([a1, a2], man)
    assert (a1.outlet, a1.url, a1.published, a1.language, a1.title) == (
        "Valley Times", "https://valley.example/1", "2023-09-21T10:33", "en", None,
    )
    ev = a1.metadata_evidence["outlet"]
    assert (ev.source, ev.text, ev.start) == ("manifest", "Valley Times", None)
    assert a1.reference_date == "2023-09-21" and a1.reference_date_evidence.source == "manifest"
    # matched by base name; empty cells change nothing
    assert (a2.title, a2.published, a2.outlet) == ("A headline", "2023-09", None)
    assert set(a2.metadata_evidence) == {"title", "published"}


def test_yaml_list_and_mapping_relative_to_manifest(corpus):
    a1, a2 = arts(corpus / "one.txt", corpus / "sub" / "two.txt")
    (corpus / "m.yaml").write_text(
        "- file: sub/two.txt\n  outlet: Hill Post\n  published: 2023-09-22\n", encoding="utf-8"
    )
    apply_manifest([a1, a2], corpus / "m.yaml")
    assert a2.outlet == "Hill Post" and a2.published == "2023-09-22"  # YAML date value read as ISO
    assert a1.outlet is None
    (corpus / "m2.yml").write_text("one.txt:\n  title: Talks\n  language: fr\n", encoding="utf-8")
    apply_manifest([a1, a2], corpus / "m2.yml")
    assert (a1.title, a1.language) == ("Talks", "fr")


def test_jsonl_records_file_and_record_entries(tmp_path):
    records = arts(DATA / "records.jsonl")
    man = tmp_path / "m.yaml"
    man.write_text(
        "records.jsonl: {outlet: Wire Service}\n'records.jsonl#6': {outlet: Le Quotidien, language: fr}\n",
        encoding="utf-8",
    )
    apply_manifest(records, man)
    assert [a.outlet for a in records] == ["Wire Service", "Le Quotidien"]
    assert all(a.metadata_evidence["outlet"].source == "manifest" for a in records)


def test_ambiguous_base_name_is_not_applied(tmp_path, caplog):
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "same.txt").write_text("Some words here.", encoding="utf-8")
    batch = arts(tmp_path / "x" / "same.txt", tmp_path / "y" / "same.txt")
    man = tmp_path / "m.csv"
    man.write_text("file,outlet\nsame.txt,Anyone\nnowhere.txt,Nobody\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        apply_manifest(batch, man)
    assert [a.outlet for a in batch] == [None, None]
    assert "several files named same.txt" in caplog.text
    assert "nowhere.txt" in caplog.text and "matches no input file" in caplog.text


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("m.csv", "outlet,url\nA,https://a.example\n", "no 'file' column"),
        ("m.csv", "file,language\na.txt,English\n", "language 'English' is not an ISO 639-1 code"),
        ("m.csv", "file,url\na.txt,javascript:alert(1)\n", "not an absolute http"),
        ("m.csv", "file,outlet\na.txt,A\na.txt,B\n", "lists 'a.txt' twice"),
        ("m.csv", "file,outlet\n", "no entries"),
        ("m.yaml", "file: [unclosed\n", "not valid YAML"),
        ("m.yaml", "just a string\n", "list of mappings"),
        ("m.yaml", "- outlet: A\n", "has no 'file'"),
        ("m.yaml", "a.txt: Valley Times\n", "must be a mapping of fields"),
        ("m.xlsx", "x", "unknown format '.xlsx'"),
    ],
)
def test_bad_manifest(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        load_manifest(p)
    assert message in str(info.value)


def test_missing_manifest(tmp_path):
    with pytest.raises(ManifestError, match="not found: check the --manifest path"):
        apply_manifest([], tmp_path / "nope.csv")


def test_batch_with_bad_files_completes(tmp_path):
    from rashomon import analyze

    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(
        "Ceasefire holds in the valley\nThe ceasefire held overnight, the defence ministry said on Tuesday.\n",
        encoding="utf-8",
    )
    (good / "b.html").write_bytes((DATA / "article.html").read_bytes())
    (good / "c.jsonl").write_bytes((DATA / "records.jsonl").read_bytes())
    (good / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (good / "empty.txt").write_text("   \n", encoding="utf-8")
    man = tmp_path / "manifest.csv"
    man.write_text("file,outlet,published\na.txt,Valley Times,2023-09-19\n", encoding="utf-8")
    report = analyze([good, tmp_path / "missing.txt"], Settings(manifest=man))
    assert [a.name for a in report.articles] == ["a.txt", "b.html", "c.jsonl#1", "c.jsonl#6"]
    # (an analysis error in a later stage is that stage's concern: only input skips are checked here)
    skipped = {Path(s.path).name: s.reason for s in report.skipped if not s.reason.startswith("analysis error")}
    assert set(skipped) == {"missing.txt", "empty.txt", "image.txt", "c.jsonl#2", "c.jsonl#3", "c.jsonl#4",
                            "c.jsonl#6"}
    assert skipped["c.jsonl#6"].startswith("written in 'fr'")  # read and listed, not annotated in English
    assert "PNG" in skipped["image.txt"] and "empty" in skipped["empty.txt"]
    a = report.articles[0]
    assert (a.outlet, a.published) == ("Valley Times", "2023-09-19")
    assert a.metadata_evidence["outlet"].source == "manifest"
    assert report.articles[1].outlet == "Daily Planet"

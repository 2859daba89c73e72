"""The pipeline keeps going when one document cannot be annotated."""
from __future__ import annotations

import pytest

from rashomon import analyze, annotate

GOOD = "The mayor said on Monday that the bridge would reopen on Friday.\n"


@pytest.fixture
def two_files(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "long.txt").write_text("The council met again and said nothing new. " * 20, encoding="utf-8")
    return tmp_path


def test_article_over_the_spacy_limit_is_annotated_in_chunks(two_files, nlp):
    saved = nlp.max_length
    nlp.max_length = 300
    try:
        report = analyze([two_files])
    finally:
        nlp.max_length = saved
    assert report.skipped == []
    long = next(a for a in report.articles if a.name == "long.txt")
    assert len(long.text) == 880
    claims = [c for c in report.claims if c.article == long.id]
    assert len(claims) == 20  # one per sentence, across the three chunks
    assert all(long.text[c.start:c.end] == c.text for c in claims)
    assert claims[-1].start > 600
    good = next(a for a in report.articles if a.name == "good.txt")
    assert [q.article for q in report.quotes] == [good.id]
    assert report.quotes[0].speaker_text == "The mayor"


def test_failure_inside_a_batch_costs_only_that_document(tmp_path, nlp, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text("BOOM. The governor said the port is closed.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("The minister said the road is open.\n", encoding="utf-8")

    def fragile(nlp_, texts, batch_size=32):
        for t in texts:
            if "BOOM" in t:
                raise RuntimeError("tokeniser exploded")
            yield nlp_(t)

    monkeypatch.setattr(annotate, "pipe", fragile)
    report = analyze([tmp_path])
    assert [(s.path.rsplit("/", 1)[-1], s.reason) for s in report.skipped] == [
        ("b.txt", "annotation error: RuntimeError: tokeniser exploded")]
    names = {a.id: a.name for a in report.articles}
    assert sorted(names[q.article] for q in report.quotes) == ["a.txt", "c.txt"]


def test_article_in_another_language_than_the_pipeline_is_not_annotated(tmp_path):
    (tmp_path / "en.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(
        "Министр иностранных дел заявил в понедельник, что мост закрыт для движения. "
        "Жители города выразили недовольство решением властей.\n", encoding="utf-8")
    report = analyze([tmp_path])
    langs = {a.name: a.language for a in report.articles}
    assert langs == {"en.txt": "en", "ru.txt": "ru"}
    [skip] = report.skipped
    assert skip.path.endswith("ru.txt") and "'ru'" in skip.reason and "RASHOMON_SPACY_MODEL" in skip.reason
    ru = next(a for a in report.articles if a.name == "ru.txt")
    assert not [q for q in report.quotes if q.article == ru.id]
    assert not [c for c in report.claims if c.article == ru.id]


def test_collections_are_rarer_during_a_run_and_restored_after(tmp_path, monkeypatch):
    import gc

    from rashomon import pipeline
    from rashomon.errors import NoInputError

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    seen = []
    real = pipeline.clean.clean

    def spy(article):
        seen.append(gc.get_threshold())
        return real(article)

    monkeypatch.setattr(pipeline.clean, "clean", spy)
    before = gc.get_threshold()
    gc.set_threshold(500, 7, 10)
    try:
        analyze([tmp_path])
        assert seen == [(5000, 7, 100)]  # young passes wait for 5,000 new objects, full ones for 100 young passes
        assert gc.get_threshold() == (500, 7, 10)
        with pytest.raises(NoInputError):
            analyze([tmp_path / "missing-folder"])
        assert gc.get_threshold() == (500, 7, 10)
    finally:
        gc.set_threshold(*before)



def test_the_library_prints_nothing_itself_and_lists_every_skip(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    code = ("import sys, rashomon; r = rashomon.analyze([sys.argv[1]]); "
            "print([s.path.rsplit('/', 1)[-1] for s in r.skipped])")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['empty.txt']"
    assert "empty.txt" not in done.stderr  # no output of logging's last-resort handler


def test_the_manifest_is_read_once(tmp_path, caplog, monkeypatch):
    from rashomon import Settings
    from rashomon.ingest import manifest as manifest_mod

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    man = tmp_path / "m.csv"
    man.write_text("file,outlet,colour\ngood.txt,Daily Example,red\n", encoding="utf-8")
    reads = []
    real = manifest_mod._rows
    monkeypatch.setattr(manifest_mod, "_rows", lambda p: reads.append(p) or real(p))
    with caplog.at_level("WARNING", logger="rashomon"):
        report = analyze([tmp_path / "in"], Settings(manifest=man))
    assert len(reads) == 1
    assert [r.message for r in caplog.records].count(
        f"manifest {man}: columns ignored: colour (known: file, title, outlet, url, published, language)") == 1
    assert report.articles[0].outlet == "Daily Example"

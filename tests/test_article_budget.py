"""The time budget holds per article: a long article is annotated alone under
its own budget, never under the summed budget of a batch; SIGTERM stops a run
as Ctrl-C does, leaving no temporary workspace behind."""
from __future__ import annotations

import os
import signal
import time
from types import SimpleNamespace

import pytest

from rashomon import annotate, budget, pipeline
from rashomon.settings import Settings

needs_alarm = pytest.mark.skipif(not budget.available(), reason="SIGALRM is not available here")


def _slow_pipe(seconds_per_char: float):
    """A stand-in for annotate.pipe that takes time in proportion to a text's length."""
    def pipe(nlp, texts, batch_size=32):
        for text in texts:
            time.sleep(len(text) * seconds_per_char)
            yield text
    return pipe


@needs_alarm
def test_a_long_article_gets_its_own_budget_not_the_batchs(monkeypatch):
    long = "The harbour board met again. " * (annotate.CHUNK_CHARS // 20)
    texts = ["The mayor spoke on Monday.", long, "The union replied on Tuesday."]
    # the long text alone takes about 1.5 s: over a budget of 1 s a text, under the 8 s of a batch of 8
    monkeypatch.setattr(annotate, "pipe", _slow_pipe(1.5 / len(long)))
    nlp = SimpleNamespace(max_length=1_000_000)
    out = {i: (doc, error) for i, doc, error in pipeline._annotated(nlp, texts, {}, batch_size=8, seconds=1)}
    assert out[0] == (texts[0], None) and out[2] == (texts[2], None)
    doc, error = out[1]
    assert doc is None
    assert error.startswith("annotation stopped after 1 s, the time budget per article")


@needs_alarm
def test_short_articles_are_still_batched_under_their_summed_budget(monkeypatch):
    texts = ["The council voted on the pier budget late on Thursday."] * 4
    calls = []

    def pipe(nlp, texts_, batch_size=32):
        calls.append(batch_size)
        for text in texts_:
            yield text

    monkeypatch.setattr(annotate, "pipe", pipe)
    out = list(pipeline._annotated(SimpleNamespace(max_length=1_000_000), texts, {}, batch_size=8, seconds=1))
    assert [(i, error) for i, _, error in out] == [(0, None), (1, None), (2, None), (3, None)]
    assert calls == [8]  # one batched call, no text annotated alone


def test_sigterm_removes_the_temporary_workspace(tmp_path, monkeypatch):
    import tempfile

    if not hasattr(signal, "SIGTERM"):
        pytest.skip("no SIGTERM here")
    work = tmp_path / "tmp"
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(work))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The mayor said on Monday that the bridge would reopen.\n",
                                           encoding="utf-8")
    seen = []

    def terminated(article):
        seen.append(sorted(p.name for p in work.glob("rashomon-*/*")))
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)  # the handler runs here
        raise AssertionError("SIGTERM did not stop the run")

    monkeypatch.setattr(pipeline.clean, "clean", terminated)
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt, match="SIGTERM"):
        pipeline.analyze([tmp_path / "in"], Settings.from_env(jobs=1))
    assert seen and "run.db" in seen[0]  # the workspace existed while the article was read
    assert list(work.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) is before


def test_chunks_of_a_long_article_wait_without_their_tensors(nlp, monkeypatch):
    monkeypatch.setattr(annotate, "CHUNK_CHARS", 200)
    text = "The harbour board met on Monday. The mayor said the pier would reopen in May. " * 8
    held = []
    join = annotate._join
    monkeypatch.setattr(annotate, "_join", lambda parts, text_: held.extend(parts) or join(parts, text_))
    short, long = annotate.pipe(nlp, ["The mayor spoke on Monday.", text])
    assert len(held) == 4 and all(part.tensor.size == 0 for part in held)
    assert short.tensor.size > 0  # a text annotated whole keeps its tensor
    assert long.text == text and [e.text for e in long.ents].count("Monday") == 8


def test_the_budget_grows_with_each_100000_characters_begun():
    assert [budget.for_length(300, n) for n in (0, 1, 100_000, 100_001, 1_000_000, 3_000_000)] == \
        [300, 300, 300, 600, 3000, 9000]
    assert budget.for_length(0, 3_000_000) == 0 and budget.for_length(None, 5) is None


@needs_alarm
def test_an_article_twice_as_long_as_the_scale_gets_twice_the_budget(monkeypatch):
    paragraph = "The ferry operator said on Sunday that two crossings were cancelled.\n"
    long = paragraph * (budget.SCALE_CHARS * 3 // 2 // len(paragraph))  # 150,000 characters: two budgets
    monkeypatch.setattr(annotate, "pipe", _slow_pipe(1.4 / len(long)))  # 1.4 s: over 1 s, under 2 s
    nlp = SimpleNamespace(max_length=1_000_000)
    [(i, doc, error)] = list(pipeline._annotated(nlp, [long], {}, batch_size=8, seconds=1))
    assert (i, doc, error) == (0, long, None)

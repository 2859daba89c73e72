"""The workspace: one SQLite file per story, added to incrementally, read by
Datasette/sqlite-utils as it is, and giving the same report as analyze."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from rashomon import Settings, Workspace, analyze, budget, pipeline
from rashomon.errors import WorkspaceError
from rashomon.store import schema

DOCS = Path(__file__).resolve().parents[1] / "docs" / "workspace.md"

MAYOR = ("Mayor Lena Ortiz said on Monday that the Kessel bridge would reopen on Friday.\n"
         "\"We have inspected every cable,\" Ortiz told reporters.\n")
MINISTRY = ("The transport ministry said on Tuesday that the Kessel bridge would not reopen on Friday.\n"
            "Officials said repairs would take three more weeks, according to the ministry.\n")
UNION = ("Dock workers marched through Velmar on Wednesday.\n"
         "\"The bridge is unsafe,\" said union leader Tomas Brandt, who called the repairs a cover-up.\n")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a-mayor.txt").write_text(MAYOR, encoding="utf-8")
    (d / "b-ministry.txt").write_text(MINISTRY, encoding="utf-8")
    return d


def _count_batches(monkeypatch) -> list[int]:
    """Record how many articles each call of the per-article stages gets."""
    calls: list[int] = []
    real = pipeline.analyze_batch

    def spy(articles, *args, **kwargs):
        calls.append(len(articles))
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(pipeline, "analyze_batch", spy)
    return calls


def test_number_gives_workspace_wide_ids_and_keeps_claims_on_their_quotes():
    from rashomon.types import Article, Claim, Quote

    art = Article(id="a4", name="x.txt", path="x.txt", text="x" * 40)
    res = pipeline.ArticleResult(art, quotes=[Quote(id="q0", article="a4", start=0, end=5, text="xxxxx", kind="direct"),
                                              Quote(id="q1", article="a4", start=9, end=12, text="xxx", kind="indirect")],
                                 claims=[Claim(id="c0", article="a4", start=9, end=12, text="xxx", quote="q1"),
                                         Claim(id="c1", article="a4", start=20, end=25, text="xxxxx")])
    counters = {"q": 10, "c": 7}
    pipeline.number(res, counters)
    assert [q.id for q in res.quotes] == ["q10", "q11"] and [c.id for c in res.claims] == ["c7", "c8"]
    assert [c.quote for c in res.claims] == ["q11", None]
    assert counters == {"q": 12, "c": 9}


# -- the file ------------------------------------------------------------------------


def _documented(section: str) -> list[str]:
    text = DOCS.read_text(encoding="utf-8")
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^### `(\w+)`$", body, flags=re.M)


def test_documented_tables_and_views_are_what_sqlite_utils_lists(tmp_path):
    sqlite_utils = pytest.importorskip("sqlite_utils", reason="sqlite-utils is in the test extra")
    path = tmp_path / "story.db"
    Workspace(path).close()
    db = sqlite_utils.Database(path)
    fts = {t for t in db.table_names() if t.endswith("_fts") or "_fts_" in t}
    assert _documented("Tables") == list(schema.TABLES)
    assert set(db.table_names()) - fts == set(schema.TABLES)
    assert _documented("Views") == list(schema.VIEWS) and set(db.view_names()) == set(schema.VIEWS)
    assert {t: db[t].detect_fts() for t in ("articles", "quotes", "claims")} == {
        "articles": "articles_fts", "quotes": "quotes_fts", "claims": "claims_fts"}
    assert ("article", "articles", "id") in {(fk.column, fk.other_table, fk.other_column) for fk in db["quotes"].foreign_keys}
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION


def test_a_file_that_is_not_a_workspace_is_refused(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("not a database at all " * 50, encoding="utf-8")
    with pytest.raises(WorkspaceError, match="not a rashomon workspace"):
        Workspace(text)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE birds (name TEXT)")
    with pytest.raises(WorkspaceError, match="SQLite database but not a rashomon workspace"):
        Workspace(other)
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace(tmp_path / "missing.db", create=False)


def test_a_workspace_from_a_newer_rashomon_is_refused(tmp_path):
    path = tmp_path / "story.db"
    Workspace(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    with pytest.raises(WorkspaceError, match="newer rashomon"):
        Workspace(path)


# -- adding ------------------------------------------------------------------------------


@pytest.mark.model
def test_report_equals_analyze_and_survives_reopening(tmp_path, corpus):
    (corpus / "c-union.txt").write_text(UNION, encoding="utf-8")
    expected = analyze([corpus]).to_json()
    path = tmp_path / "story.db"
    with Workspace(path) as ws:
        added = ws.add([corpus / "a-mayor.txt"])
        assert (added.added, added.analysed) == (1, 1)
        ws.add([corpus])  # two more; the first is unchanged
        assert ws.report().to_json() == expected
    with Workspace(path) as ws:  # read back from the file alone
        assert not ws.stale()
        assert ws.report().to_json() == expected
        assert [a.id for a in ws.report().articles] == ["a0", "a1", "a2"]


@pytest.mark.model
def test_adding_the_same_files_again_analyses_nothing(tmp_path, corpus, monkeypatch):
    calls = _count_batches(monkeypatch)
    with Workspace(tmp_path / "story.db") as ws:
        first = ws.add([corpus])
        again = ws.add([corpus])
        (corpus / "b-ministry.txt").touch()  # read again (newer time), same text: not analysed
        touched = ws.add([corpus])
    assert calls == [2]
    assert (first.added, again.added, again.unchanged, touched.unchanged) == (2, 0, 2, 2)


@pytest.mark.model
def test_an_edited_file_is_analysed_again_under_its_own_id(tmp_path, corpus):
    with Workspace(tmp_path / "story.db") as ws:
        ws.add([corpus])
        (corpus / "a-mayor.txt").write_text(MAYOR.replace("Friday", "Sunday"), encoding="utf-8")
        added = ws.add([corpus])
        report = ws.report()
    assert (added.added, added.reanalysed, added.unchanged) == (0, 1, 1)
    assert [(a.id, a.name) for a in report.articles] == [("a0", "a-mayor.txt"), ("a1", "b-ministry.txt")]
    assert "Sunday" in report.articles[0].text
    assert all(c.article != "a0" or "Friday" not in c.text for c in report.claims)


@pytest.mark.model
def test_the_same_document_at_a_second_path_is_added_once(tmp_path, corpus):
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "a-mayor.txt").write_text(MAYOR, encoding="utf-8")
    with Workspace(tmp_path / "story.db") as ws:
        ws.add([corpus])
        added = ws.add([copy])
        assert added.added == 0
        [skip] = added.skipped
        assert skip.path == str(copy / "a-mayor.txt")
        assert "the same document as" in skip.reason and "(a0)" in skip.reason
        assert len(ws.report().articles) == 2
        assert [s.path for s in ws.report().skipped] == [str(copy / "a-mayor.txt")]


@pytest.mark.model
def test_the_same_document_under_another_name_is_added_once(tmp_path, corpus):
    (corpus / "mayor-copy.txt").write_text(MAYOR, encoding="utf-8")
    with Workspace(tmp_path / "story.db") as ws:
        added = ws.add([corpus])
        assert added.added == 2
        [skip] = added.skipped
        assert skip.path == str(corpus / "mayor-copy.txt")
        assert skip.reason.startswith(f"the same document as {corpus / 'a-mayor.txt'} (a0)")
        assert [a.name for a in ws.report().articles] == ["a-mayor.txt", "b-ministry.txt"]


@pytest.mark.model
def test_skips_stay_listed_while_their_files_are_unchanged(tmp_path, corpus):
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "feed.jsonl").write_text('{"text": "' + MINISTRY.replace("\n", " ") + '"}\nnot json\n', encoding="utf-8")
    with Workspace(tmp_path / "story.db") as ws:
        first = ws.add([corpus])
        skips = [(s.path, s.reason) for s in first.skipped]
        assert [p for p, _ in skips] == [str(corpus / "empty.txt"), str(corpus / "feed.jsonl") + "#2"]
        again = ws.add([corpus])  # nothing read again: the skips are listed again, and kept
        assert (again.added, again.unchanged) == (0, 3)
        assert [(s.path, s.reason) for s in again.skipped] == skips
        assert [(s.path, s.reason) for s in ws.report().skipped] == skips
        (corpus / "empty.txt").write_text(UNION, encoding="utf-8")
        fixed = ws.add([corpus])
        assert fixed.added == 1
        assert [s.path for s in ws.report().skipped] == [str(corpus / "feed.jsonl") + "#2"]


@pytest.mark.model
def test_corpus_results_follow_the_set_of_articles(tmp_path, corpus):
    with Workspace(tmp_path / "story.db") as ws:
        ws.add([corpus / "a-mayor.txt"])
        assert ws.stale() and ws.refresh() and not ws.stale()
        assert not ws.refresh()  # already current
        names = {e.name for e in ws.report().entities}
        assert "Tomas Brandt" not in names
        (corpus / "c-union.txt").write_text(UNION, encoding="utf-8")
        ws.add([corpus])
        assert ws.stale()
        assert "Tomas Brandt" in {e.name for e in ws.report().entities}
        assert ws.store.counts()["articles"] == 3


@pytest.mark.model
def test_an_interrupted_add_is_finished_by_the_next(tmp_path, corpus, monkeypatch):
    (corpus / "c-union.txt").write_text(UNION, encoding="utf-8")
    expected = analyze([corpus]).to_json()
    from rashomon.store import Store

    real, writes = Store.put_results, []

    def crash_on_second(self, results, number):
        writes.append(len(results))
        if len(writes) == 2:
            raise KeyboardInterrupt
        return real(self, results, number)

    monkeypatch.setattr(Store, "put_results", crash_on_second)
    path = tmp_path / "story.db"
    with Workspace(path) as ws, pytest.raises(KeyboardInterrupt):
        ws.add([corpus], Settings(batch_size=1, jobs=1))
    monkeypatch.setattr(Store, "put_results", real)
    with Workspace(path) as ws:
        assert ws.store.counts()["pending"] == 2  # read and prepared, not analysed: left out of reports
        assert len(ws.report().articles) == 1
        added = ws.add([corpus], Settings(batch_size=1, jobs=1))
        assert (added.unchanged, added.reanalysed, added.added) == (1, 0, 2)  # never analysed before: added
        assert ws.report().to_json() == expected


@pytest.mark.model
def test_ids_are_the_same_whatever_the_number_of_workers(tmp_path, corpus):
    (corpus / "c-union.txt").write_text(UNION, encoding="utf-8")
    one = analyze([corpus], Settings(jobs=1, batch_size=1)).to_json()
    two = analyze([corpus], Settings(jobs=2, batch_size=1)).to_json()  # three chunks on two worker processes
    assert one == two
    assert '"id": "q2"' in one and '"id": "a2"' in one


def test_a_pipeline_that_cannot_load_in_the_workers_is_a_clear_error(tmp_path, corpus):
    from rashomon.errors import ModelError

    (corpus / "c-union.txt").write_text(UNION, encoding="utf-8")
    with Workspace(tmp_path / "story.db") as ws, pytest.raises(ModelError, match="no_such_pipeline"):
        ws.add([corpus], Settings(spacy_model="no_such_pipeline", jobs=2, batch_size=1))


# -- reading -------------------------------------------------------------------------------


@pytest.fixture
def story(tmp_path, corpus):
    (corpus / "c-union.txt").write_text(UNION, encoding="utf-8")
    ws = Workspace(tmp_path / "story.db")
    ws.add([corpus])
    ws.refresh()
    yield ws
    ws.close()


@pytest.mark.model
def test_full_text_search_over_articles_quotes_and_claims(story):
    found = story.store.search("inspected cables")
    assert found["articles"].total == 0  # every word must occur: "cables" is not in the text
    found = story.store.search("inspected cable")
    assert [a["name"] for a in found["articles"].items] == ["a-mayor.txt"]
    [quote] = found["quotes"].items
    assert quote["text"] == "We have inspected every cable,"
    assert [p for p in quote["snippet"] if p["match"]] == [{"text": "inspected", "match": True},
                                                         {"text": "cable", "match": True}]
    assert story.store.quotes(q='(unsafe*" ^').total == 1  # FTS5 syntax typed is not syntax
    assert story.store.quotes(q="unsafe OR cable").total == 0  # nor are operators: "or" must occur too


@pytest.mark.model
def test_a_workspace_made_without_search_is_indexed_when_opened_with_it(tmp_path, corpus):
    path = tmp_path / "story.db"
    with Workspace(path, search=False) as ws:
        ws.add([corpus])
        assert ws.store.articles(q="bridge").total == 0  # nothing indexed
    with Workspace(path) as ws:
        assert ws.store.articles(q="bridge").total == 2
        assert [q["text"] for q in ws.store.quotes(q="cable").items] == ["We have inspected every cable,"]


@pytest.mark.model
def test_filters_and_pages(story):
    s = story.store
    brandt = next(e for e in s.speakers().items if e["name"] == "Tomas Brandt")
    quotes = s.quotes(speaker=brandt["id"])
    assert [q["text"] for q in quotes.items] == ["The bridge is unsafe,", "the repairs a cover-up"]
    assert quotes.items[0]["speaker_name"] == "Tomas Brandt" and quotes.items[0]["article_label"] == "c-union.txt"
    assert s.quotes(kind="direct").total == 2
    assert {q["kind"] for q in s.quotes(article="a1").items} == {"indirect"}  # the ministry is not quoted directly
    first, second = s.articles(per_page=2), s.articles(per_page=2, page=2)
    assert (first.total, first.pages, [a["id"] for a in first.items + second.items]) == (3, 2, ["a0", "a1", "a2"])
    assert s.articles(per_page=10_000).per_page == 500
    narrator = s.claims(speaker="narrator")
    assert narrator.total and all(c["speaker"] is None for c in narrator.items)
    assert s.outlets() == [{"outlet": None, "articles": 3}]


@pytest.mark.model
def test_one_article_with_everything_found_in_it(story):
    page = story.store.article("a0")
    art = page["article"]
    assert art.name == "a-mayor.txt"
    assert [art.text[q.start:q.end] for q in page["quotes"]] == [q.text for q in page["quotes"]]
    speakers = {page["entities"][q.speaker] for q in page["quotes"] if q.speaker}
    assert speakers == {"Lena Ortiz"}
    assert story.store.article("a99") is None


@pytest.mark.model
def test_articles_lost_with_a_worker_are_failed_then_retried(tmp_path, corpus, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    from rashomon.workspace.workers import Runner

    real = Runner.map

    def first_chunk_lost(self, chunks):
        for n, (chunk, results) in enumerate(real(self, chunks)):
            yield chunk, (BrokenProcessPool("A process in the process pool was terminated abruptly") if n == 0 else results)

    monkeypatch.setattr(Runner, "map", first_chunk_lost)
    path = tmp_path / "story.db"
    with Workspace(path) as ws:
        added = ws.add([corpus], Settings(batch_size=1, jobs=1))
        assert added.analysed == 1
        [skip] = added.skipped
        assert skip.path.endswith("a-mayor.txt") and "worker process analysing it stopped" in skip.reason
        assert [s.path for s in ws.report().skipped] == [skip.path]
    monkeypatch.setattr(Runner, "map", real)
    with Workspace(path) as ws:
        again = ws.add([corpus], Settings(batch_size=1, jobs=1))
        assert (again.reanalysed, again.unchanged, again.analysed) == (1, 1, 1)
        assert ws.report().skipped == []


def _stalling_chunk(items, settings):
    """workers.analyze_chunk in a worker process whose extractors stall on an article marked STALL."""
    import time

    from rashomon.workspace import workers

    real = pipeline.analyze_article

    def stalling(article, *args, **kwargs):
        while "STALL" in article.text:
            time.sleep(0.05)
        return real(article, *args, **kwargs)

    pipeline.analyze_article = stalling
    return workers.analyze_chunk(items, settings)


@pytest.mark.model
def test_the_time_budget_stops_an_article_in_a_worker_process():
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from rashomon.types import Article
    from rashomon.workspace.workers import Item

    items = []
    for i, text in enumerate([MAYOR, "STALL. " + MINISTRY]):
        art, posts = pipeline.prepare(Article(id=f"a{i}", name=f"{i}.txt", path=f"{i}.txt", text=text))
        items.append(Item(art, posts))
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        done, stalled = pool.submit(_stalling_chunk, items, Settings(article_seconds=1)).result(timeout=300)
    assert done.skipped is None and [q.text for q in done.quotes if q.kind == "direct"] == [
        "We have inspected every cable,"]
    assert stalled.skipped.startswith("analysis stopped after 1 s, the time budget per article")
    assert stalled.quotes == [] and not stalled.refused


@pytest.mark.model
def test_workers_started_early_are_the_ones_the_chunks_run_on():
    from rashomon.types import Article
    from rashomon.workspace.workers import Item, Runner

    with Runner(Settings(jobs=1)) as alone:
        alone.start()
        assert alone._pool is None  # one job runs in this process: nothing to start
    chunks = [[Item(Article(id=f"a{k}", name=f"{k}.txt", path=f"{k}.txt",
                            text=f"The ferry to Orlin Island sailed {k} hours late, the operator said."))]
              for k in range(3)]
    with Runner(Settings(jobs=2, batch_size=1)) as runner:
        runner.start()
        pool = runner._pool
        assert pool is not None
        results = list(runner.map(chunks))
        assert runner._pool is pool  # the chunks ran on the workers started before them
    assert [len(r) for _, r in results] == [1, 1, 1] and all(not r[0].skipped for _, r in results)


def _stall_marked(monkeypatch):
    """Make the analysis of an article holding STALL run over its time budget."""
    from rashomon.errors import TimeBudgetError

    real = pipeline.analyze_article

    def stalling(article, *args, **kwargs):
        if "STALL" in article.text:
            raise TimeBudgetError(f"analysis stopped after 1 s, {budget.PER_ARTICLE}; the rest of the batch goes on")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(pipeline, "analyze_article", stalling)


@pytest.mark.model
def test_an_article_over_its_time_budget_is_listed_again_and_retried_under_another(tmp_path, corpus, monkeypatch):
    (corpus / "c-stall.txt").write_text("STALL. " + UNION, encoding="utf-8")
    _stall_marked(monkeypatch)
    with Workspace(tmp_path / "story.db") as ws:
        first = ws.add([corpus], Settings(jobs=1, article_seconds=1))
        [skip] = first.skipped
        assert skip.path.endswith("c-stall.txt") and budget.over_budget(skip.reason)
        same = ws.add([corpus], Settings(jobs=1, article_seconds=1))  # the same budget: not tried again, listed
        assert (same.unchanged, same.analysed, [s.path for s in same.skipped]) == (3, 0, [skip.path])
        single = ws.add([corpus / "c-stall.txt"], Settings(jobs=1, article_seconds=1))
        assert (single.unchanged, [s.path for s in single.skipped]) == (1, [skip.path])
        monkeypatch.undo()  # the article fits a larger budget
        raised = ws.add([corpus / "c-stall.txt"], Settings(jobs=1, article_seconds=50))
        assert (raised.reanalysed, raised.analysed, raised.skipped) == (1, 1, [])
        assert ws.report().skipped == []


def test_a_file_skipped_for_its_size_is_listed_again_and_read_under_a_higher_limit(tmp_path, corpus):
    (corpus / "c-union.txt").write_text(UNION + MAYOR + MINISTRY, encoding="utf-8")
    with Workspace(tmp_path / "story.db") as ws:
        small = Settings(jobs=1, max_file_bytes=len((MAYOR + MINISTRY).encode()))
        first = ws.add([corpus], small)
        assert sorted(Path(s.path).name for s in first.skipped) == ["c-union.txt"]
        again = ws.add([corpus], small)
        assert [Path(s.path).name for s in again.skipped] == ["c-union.txt"] and again.unchanged == 2
        raised = ws.add([corpus], Settings(jobs=1))
        assert (raised.added, raised.unchanged, raised.skipped) == (1, 2, [])


def test_the_workspace_in_the_folder_it_reads_is_not_listed_as_skipped(tmp_path, corpus):
    with Workspace(corpus / "story.db") as ws:
        first = ws.add([corpus])
        again = ws.add([corpus])
    assert (first.added, first.skipped) == (2, [])
    assert (again.unchanged, again.skipped) == (2, [])

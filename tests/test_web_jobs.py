"""The web app's add jobs run in a process of their own, where the time
budget per article applies as in ``rashomon add`` (it needs ``SIGALRM``,
which only a process's main thread receives)."""
from __future__ import annotations

import time

import pytest

from rashomon.web import jobs


def _stalling_add(workspace, inputs, sources, send):
    """The real job body, in the job's process, with cleaning stalled on a document marked STALL."""
    from rashomon import pipeline

    real = pipeline.clean.clean

    def stalling(article):
        while "STALL" in article.text:
            time.sleep(0.05)
        return real(article)

    pipeline.clean.clean = stalling
    jobs._add_in_process(workspace, inputs, sources, send)


def _finished(job: jobs.Job) -> jobs.Job:
    deadline = time.time() + 180
    while job.active:
        assert time.time() < deadline, "the add job did not finish"
        time.sleep(0.2)
    return job


@pytest.mark.model
def test_an_article_over_the_budget_in_a_web_add_is_skipped_and_the_rest_added(tmp_path, monkeypatch):
    monkeypatch.setenv("RASHOMON_ARTICLE_SECONDS", "1")
    monkeypatch.setattr(jobs, "_add_in_process", _stalling_add)
    good, slow = tmp_path / "mayor.txt", tmp_path / "slow.txt"
    good.write_text("Mayor Lena Ortiz said on Monday that the Kessel bridge would reopen on Friday.\n", encoding="utf-8")
    slow.write_text("STALL. The ministry said the bridge would stay shut.\n", encoding="utf-8")
    queue = jobs.Jobs(tmp_path / "story.db")
    job = _finished(queue.submit("two files", [str(good), str(slow)], [str(good), str(slow)]))
    assert (job.status, job.added, job.articles) == ("done", 1, ["a0"])
    [skip] = job.skipped
    assert skip["path"] == str(slow)
    assert skip["reason"].startswith("cleaning stopped after 1 s, the time budget per article")
    assert (job.stage, job.done, job.total) == ("compare", 1, 1)  # progress came back from the job's process


def _exit_at_once(workspace, inputs, sources, send):
    import os

    os._exit(3)


def test_a_job_whose_process_dies_is_failed_with_what_is_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(jobs, "_add_in_process", _exit_at_once)
    queue = jobs.Jobs(tmp_path / "story.db")
    job = _finished(queue.submit("nothing", ["x.txt"], ["x.txt"]))
    assert job.status == "failed" and job.error.startswith("the add process stopped (exit code 3)")

"""The only code that wires rashomon's stages together.

Per article (pure functions of the article and settings): clean →
metadata (:func:`prepare`); then, over the batch, lines repeated on several
pages of one site (:func:`across_batch`); then annotate (spaCy, batched with
``nlp.pipe``; long articles in chunks) → mentions, quotes, claims, temporal
expressions (:func:`analyze_batch`, :func:`analyze_article`). Each step of
one article runs under the time budget (``settings.article_seconds``,
:mod:`rashomon.budget`): an article over it, or failing, is skipped with the
reason and the batch goes on. Per corpus (:func:`link_and_compare`): entity
linking → propositions, relations, text reuse, framing → timeline. The
result is one :class:`Report`.

Reading inputs, caching results and running the per-article stages on every
core is the workspace's job (:mod:`rashomon.workspace`); :func:`analyze` is
a workspace that lives for one call.
"""
from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rashomon import annotate, budget, clean, memory, metadata, timeline
from rashomon.budget import time_budget
from rashomon.compare import framing, propositions, relations, reuse
from rashomon.compare.claim_views import readings as claim_readings
from rashomon.errors import TimeBudgetError
from rashomon.extract import claims as claims_mod
from rashomon.extract import mentions as mentions_mod
from rashomon.extract import quotes as quotes_mod
from rashomon.link import entities as entities_mod
from rashomon.settings import Settings
from rashomon.types import (
    Article,
    Claim,
    Mention,
    Quote,
    Report,
    TemporalExpression,
    set_field,
)

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: called as work advances (for a progress bar)."""


@dataclass
class ArticleResult:
    """What the per-article stages produce for one article.

    ``skipped`` says why the article was not analysed (``None`` when it
    was); ``refused`` tells a refusal (another language: see
    :func:`_refusal`) from a failure.
    """

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    temporals: list[TemporalExpression] = field(default_factory=list)
    skipped: str | None = None
    refused: bool = False


def prepare(article: Article) -> tuple[Article, list[Quote]]:
    """Clean an article and infer its metadata (pure; no spaCy).

    Returns the article with ``removed``, word counts and metadata filled, and
    the embedded posts found by cleaning (as ``Quote`` records of kind post).
    """
    result = clean.clean(article)
    article.removed = result.removed
    article.asides = result.asides
    article.words_removed = sum(len(r.text.split()) for r in result.removed)
    article.words_kept = max(0, len(article.text.split()) - article.words_removed)
    metadata.infer(article, result)
    return article, result.posts


def analyze_article(article: Article, doc, posts: list[Quote], counters: dict[str, int]) -> ArticleResult:
    """Run the Doc-based extractors over one article's annotated body."""
    res = ArticleResult(article)
    res.mentions = mentions_mod.extract_mentions(article, doc)
    res.quotes = clean.outside_asides(article, quotes_mod.extract_quotes(article, doc, posts))
    for q in res.quotes:
        set_field(q, "id", f"q{counters['q']}")
        counters["q"] += 1
    res.claims = clean.outside_asides(article, claims_mod.extract_claims(article, doc, res.quotes))
    for c in res.claims:
        set_field(c, "id", f"c{counters['c']}")
        counters["c"] += 1
    res.temporals = clean.outside_asides(article, timeline.resolve_article(article, doc, res.quotes, res.claims))
    annotate.release(doc)
    return res


def reason(exc: BaseException) -> str:
    """How an error on one input is shown in ``Report.skipped``: a rashomon
    error's own message (it says what to do), else ``"Type: message"``."""
    return str(exc) if type(exc).__module__.startswith("rashomon") else f"{type(exc).__name__}: {exc}"


def _refusal(article: Article, nlp) -> str | None:
    """Why an article is not given to spaCy, or ``None``: its detected
    language is not the pipeline's (an English model misreads Russian or
    Arabic text: speakers and claims would be invented, not found). A long
    article is annotated in chunks (:func:`rashomon.annotate.pipe`), never refused.
    """
    if article.language and nlp.lang and article.language != nlp.lang:
        return (f"written in '{article.language}', and the spaCy pipeline reads '{nlp.lang}': its sources "
                f"entry is kept; set RASHOMON_SPACY_MODEL to a '{article.language}' pipeline to analyse it")
    return None


def _annotated(nlp, texts: list[str], refused: dict[int, str], batch_size: int, seconds: int = 0):
    """Yield ``(index, doc, None)`` per text, or ``(index, None, reason)``
    for a text that is refused or that spaCy fails on or runs over its
    budget.

    Texts annotated whole (at most :data:`rashomon.annotate.CHUNK_CHARS`
    characters, or the pipeline's ``max_length`` if smaller) come first, in
    order, batched: each ``nlp.pipe`` batch runs under ``seconds`` per text
    it holds. A longer text is annotated in chunks, alone, under ``seconds``
    of its own from the start (once more for each further
    :data:`rashomon.budget.SCALE_CHARS` characters it holds): a batch's summed budget never lets one long
    article run for the whole batch's. A failure
    inside a batch, or a batch over its budget, makes the rest run one text
    at a time, each under ``seconds``, so one document never costs the others
    their analysis.
    """
    for i, reason in refused.items():
        yield i, None, reason
    todo = [i for i in range(len(texts)) if i not in refused]
    limit = min(annotate.CHUNK_CHARS, nlp.max_length)
    whole = [i for i in todo if len(texts[i]) <= limit]
    alone = [i for i in todo if len(texts[i]) > limit]
    done = 0
    docs = annotate.pipe(nlp, (texts[i] for i in whole), batch_size)
    try:
        while done < len(whole):
            with time_budget(seconds * min(batch_size, len(whole) - done), "annotation of a batch"):
                doc = next(docs)
            yield whole[done], doc, None
            done += 1
    except Exception as exc:
        log.warning("spaCy failed inside a batch (%s: %s); annotating the rest one at a time",
                    type(exc).__name__, exc)
        alone = whole[done:] + alone
    for i in alone:
        try:
            with time_budget(budget.for_length(seconds, len(texts[i])), "annotation"):
                doc = next(iter(annotate.pipe(nlp, [texts[i]], 1)))
        except TimeBudgetError as exc:
            yield i, None, str(exc)
        except Exception as exc:
            yield i, None, f"annotation error: {type(exc).__name__}: {exc}"
        else:
            yield i, doc, None


def across_batch(articles: Sequence[Article]) -> list[Article]:
    """The batch-wide cleaning pass, in place: lines repeated on pages of
    several articles of one site are removed
    (:func:`rashomon.clean.across_articles`), and a title read from a line
    now removed is read again (:func:`rashomon.metadata.retitle`).

    Parameters
    ----------
    articles : prepared articles (:func:`prepare`), with ids, manifest not
        yet applied (a site is told by the URL or outlet the page states).

    Returns
    -------
    list[Article] : the articles that changed.
    """
    changed = clean.across_articles(list(articles))
    for art in changed:
        metadata.retitle(art)
    return changed


def analyze_batch(articles: Sequence[Article], posts: Sequence[list[Quote]], nlp,
                  settings: Settings) -> list[ArticleResult]:
    """Run the spaCy-based per-article stages over prepared articles.

    Parameters
    ----------
    articles : prepared articles (:func:`prepare`, :func:`across_batch`,
        manifest applied), with ids.
    posts : the embedded posts of each article (as :func:`prepare` returns them).
    nlp : the pipeline from :func:`rashomon.annotate.load_pipeline`.
    settings : ``batch_size`` is the ``nlp.pipe`` batch; ``article_seconds``
        the time budget of each article's annotation and of its extractors.

    Returns
    -------
    list[ArticleResult] : one per article, in the order given. An article
        refused by :func:`_refusal`, or on which annotation or an extractor
        failed or ran over the time budget, has ``skipped`` set to the reason
        and holds no records. Quote and claim ids are numbered from
        ``q0``/``c0`` within each article; :func:`number` gives them their
        workspace-wide ids.
    """
    texts = [annotate.body_text(a) for a in articles]
    refused = {i: r for i, a in enumerate(articles) if (r := _refusal(a, nlp))}
    out = [ArticleResult(a) for a in articles]
    for i, doc, error in _annotated(nlp, texts, refused, settings.batch_size, settings.article_seconds):
        art = articles[i]
        if doc is not None:
            try:
                with time_budget(budget.for_length(settings.article_seconds, len(texts[i])), "analysis"), \
                        memory.no_collections():
                    out[i] = analyze_article(art, doc, posts[i], {"q": 0, "c": 0})
                    memory.settle()
            except TimeBudgetError as exc:
                error = str(exc)
            except Exception as exc:  # an extractor bug on one article must not lose the rest
                log.exception("analysis failed on %s", art.path)
                error = f"analysis error: {type(exc).__name__}: {exc}"
        if error:
            out[i] = ArticleResult(art, skipped=error, refused=i in refused)
    return out


def number(result: ArticleResult, counters: dict[str, int]) -> None:
    """Give one article's quotes and claims their workspace-wide ids, in place.

    ``counters`` holds the next free number per kind (``{"q": 12, "c": 40}``)
    and is advanced. Every field that refers to a quote or claim of the same
    article by id is rewritten here (today ``Claim.quote``); a new such field
    must be added here too.
    """
    quote_ids: dict[str, str] = {}
    for q in result.quotes:
        new = f"q{counters['q']}"
        quote_ids[q.id] = new
        set_field(q, "id", new)
        counters["q"] += 1
    for c in result.claims:
        set_field(c, "id", f"c{counters['c']}")
        counters["c"] += 1
        if c.quote is not None:
            set_field(c, "quote", quote_ids.get(c.quote, c.quote))


def link_and_compare(report: Report, mentions: list[Mention], settings: Settings,
                     progress: Progress | None = None) -> None:
    """The corpus stages, in place on ``report``.

    ``report`` holds every article, quote, claim and temporal expression of
    the corpus (per-article results, in article order); ``mentions`` every
    entity mention in the same order; ``skipped`` the inputs not analysed
    (framing leaves their articles out). Fills ``entities`` (and each mention's
    ``entity``, each quote's ``speaker``), claims' speakers from their quotes,
    ``propositions``, ``relations``, ``reuse``, ``framing`` and ``timeline``
    (which also sets articles' ``period``). Each claim's quote-free reading
    (:func:`rashomon.compare.claim_views.readings`) is made once for propositions and
    relations; cyclic garbage collection is paused meanwhile
    (:func:`rashomon.memory.no_collections`).
    """
    with memory.no_collections():  # the corpus stages make no cycles: reference counting frees their garbage
        articles = report.articles
        report.entities = entities_mod.link_entities(articles, mentions, report.quotes, report.claims, settings)
        by_quote = {q.id: q for q in report.quotes}
        for c in report.claims:
            if c.quote and c.quote in by_quote:
                set_field(c, "speaker", by_quote[c.quote].speaker)
        if progress:
            progress("compare", 0, 1)
        read = claim_readings(report.claims, articles)  # what each claim says, read once for both stages
        report.propositions = propositions.group_claims(report.claims, articles, report.entities, read)
        report.relations = relations.relate(report.claims, report.propositions, report.quotes, articles,
                                            report.entities, read)
        report.reuse = reuse.find_reuse(articles, settings)
        not_analysed = {s.path for s in report.skipped}
        report.framing = framing.frame(articles, report.quotes, report.entities,
                                       skip={a.id for a in articles if a.path in not_analysed})
        report.timeline = timeline.build_timeline(articles, report.claims, report.quotes, report.temporal_expressions)
        if progress:
            progress("compare", 1, 1)
        memory.settle()  # what they made is kept: the next young collection need not walk it


def analyze(
    paths: Sequence[str | Path] | str | Path,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Report:
    """Analyse a set of documents about one story.

    The documents are added to a workspace that lives only for the call
    (:class:`rashomon.workspace.Workspace` in a temporary folder, its
    per-article results kept in memory), and its report is returned.

    Parameters
    ----------
    paths : files, directories (searched recursively), glob patterns, or
        ``http(s)://`` URLs (fetched; see :mod:`rashomon.ingest.url`).
    settings : run settings; defaults from the environment (``RASHOMON_*``).
    progress : optional ``progress(stage, done, total)`` callback.

    Returns
    -------
    Report : every finding, with spans into each ``Article.text``; inputs that
        could not be read are listed in ``Report.skipped`` with the reason.

    Raises
    ------
    NoInputError : no supported file was found among ``paths``.
    SettingsError : ``settings`` is None and a ``RASHOMON_*`` variable is invalid.
    ManifestError : the manifest cannot be read (raised before any file is read).
    GazetteerError : a gazetteer file is missing, unreadable or malformed
        (a ``ModelError``, raised before any file is read).
    ModelError : the spaCy pipeline cannot be loaded.
    KeyboardInterrupt : Ctrl-C, or SIGTERM (:func:`interrupt_on_terminate`);
        the temporary workspace is removed first.
    """
    import tempfile

    from rashomon.workspace import Workspace

    settings = settings or Settings.from_env()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    with interrupt_on_terminate(), tempfile.TemporaryDirectory(prefix="rashomon-") as tmp, \
            Workspace(Path(tmp) / "run.db", search=False, transient=True) as ws:
        ws.add(paths, settings, progress)
        return ws.report(settings, keep=False)


@contextlib.contextmanager
def interrupt_on_terminate():
    """Inside the block, SIGTERM stops the run as Ctrl-C does: it raises
    ``KeyboardInterrupt`` in the main thread, so every ``with`` block unwinds
    (the temporary workspace of :func:`analyze` is removed, nothing half
    written is published). Worker processes this process started are sent
    SIGTERM first, so a process pool does not keep running their articles.
    Python's default for SIGTERM ends the process with no clean-up at all.
    The previous handler is restored on exit; outside the main thread (where
    signals cannot be handled) the block runs unchanged.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _terminate(signum, frame):
        for child in multiprocessing.active_children():
            child.terminate()
        raise KeyboardInterrupt("terminated (SIGTERM)")

    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)

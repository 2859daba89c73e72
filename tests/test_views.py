"""Plain-Python views of a parsed Doc answer as spaCy's Tokens and Spans do."""
from __future__ import annotations

import pytest

from rashomon.annotate import pipe
from rashomon.annotate.views import DocView, SpanView, TokenView, doc_view

pytestmark = pytest.mark.model

TEXTS = [
    "The port authority denied that its cranes had been idle for three weeks, a spokesman said on Tuesday.",
    "Fishermen, dock workers and their families marched to the town hall; the mayor did not come out.\n"
    "Not one window was broken, according to the police, who put the crowd at 2,000.",
    "\"We will reopen the bridge by Friday,\" she told reporters. Nobody in the council asked why.",
]
SCALARS = ("i", "idx", "text", "whitespace_", "text_with_ws", "orth", "lower", "pos", "tag", "dep", "ent_type",
           "lower_", "pos_", "tag_", "dep_", "ent_type_", "ent_iob_", "is_alpha", "is_punct", "is_space",
           "is_digit", "like_num", "is_title", "is_upper", "is_lower", "is_stop", "is_sent_start", "n_lefts",
           "n_rights")
TOKENS = ("children", "lefts", "rights", "subtree", "ancestors", "conjuncts")


@pytest.fixture(scope="module")
def docs(nlp):
    return list(pipe(nlp, TEXTS, 8))


def _ids(tokens) -> list[int]:
    return [t.i for t in tokens]


def test_every_token_reads_as_spacy_reads_it(docs):
    checked = 0
    for doc in docs:
        view = DocView(doc)
        assert len(view) == len(doc)
        for tok, tv in zip(doc, view):
            assert isinstance(tv, TokenView)
            assert [getattr(tv, a) for a in SCALARS] == [getattr(tok, a) for a in SCALARS], tok.text
            assert [_ids(getattr(tv, a)) for a in TOKENS] == [_ids(getattr(tok, a)) for a in TOKENS], tok.text
            assert (tv.head.i, tv.left_edge.i, tv.right_edge.i) == (tok.head.i, tok.left_edge.i, tok.right_edge.i)
            assert (tv.sent.start, tv.sent.end, tv.sent.text) == (tok.sent.start, tok.sent.end, tok.sent.text)
            assert hash(tv) == hash(tok)
            checked += 1
    assert checked > 60


def test_views_are_one_per_token_and_compare_as_tokens(docs):
    view = doc_view(docs[0])
    assert doc_view(docs[0]) is view  # cached on the Doc
    denied = next(t for t in view if t.lower_ == "denied")
    subject = next(c for c in denied.children if c.dep_ == "nsubj")
    assert subject.head is denied and subject.head == view[denied.i]
    assert subject < denied and not denied < subject
    assert denied.nbor(-1) is view[denied.i - 1]
    assert denied.is_ancestor(subject) and not subject.is_ancestor(denied)
    assert sorted([denied, subject]) == [subject, denied]


def test_spans_and_other_attributes_come_back_as_views(docs):
    view = doc_view(docs[1])
    span = view[2:5]
    assert isinstance(span, SpanView)
    assert span.text == docs[1][2:5].text and _ids(span) == [2, 3, 4] and span[1] is view[3]
    assert (span.start_char, span.end_char) == (docs[1][2:5].start_char, docs[1][2:5].end_char)
    sent = view[0].sent
    assert isinstance(sent.root, TokenView) and sent.root.i == docs[1][0].sent.root.i  # read from spaCy, as a view
    assert view[0].morph == docs[1][0].morph  # an attribute the view does not hold
    ent = view.ents[0]  # a labelled Span keeps its label
    assert isinstance(ent, SpanView) and ent.label_ == docs[1].ents[0].label_ and ent.text == docs[1].ents[0].text


def test_release_unlinks_the_views_from_the_doc(nlp):
    from rashomon.annotate import release

    doc = next(iter(pipe(nlp, [TEXTS[0]], 1)))
    view = doc_view(doc)
    first = view[0]
    [t.subtree for t in view], [t.sent for t in view]  # memos that point back at the views
    release(doc)
    assert first.head is None and first.doc.doc is None and view.tokens == []
    assert doc_view(doc) is not view and doc_view(doc)[0].text == first.text  # read again when asked


def test_released_views_need_no_garbage_collector(nlp):
    import gc
    import weakref

    from rashomon.annotate import release

    doc = next(iter(pipe(nlp, [TEXTS[0]], 1)))
    view = doc_view(doc)
    [t.subtree for t in view], [t.sent for t in view], [t.left_edge for t in view]
    gone = weakref.ref(view)
    gc.disable()
    try:
        release(doc)
        del view
        assert gone() is None  # no cycle left: freed as soon as the last reference goes
    finally:
        gc.enable()


def test_columns_are_the_arrays_the_views_were_read_from(docs):
    from spacy.attrs import HEAD, IDX, POS

    view = DocView(docs[1])
    assert view.column(IDX).tolist() == [t.idx for t in docs[1]]
    assert view.column(POS).tolist() == [t.pos for t in docs[1]]
    heads = view.column(HEAD).view("int64").tolist()  # the offset to the head, signed
    assert [i + h for i, h in enumerate(heads)] == [t.head.i for t in docs[1]]


def test_a_view_keeps_the_lemma_the_token_has(docs):
    from rashomon.extract.lemmas import lemma

    view = DocView(docs[0])
    denied = next(t for t in view if t.lower_ == "denied")
    assert denied.lemma_memo is None
    assert lemma(denied) == lemma(docs[0][denied.i]) == "deny"
    assert denied.lemma_memo == "deny"  # read once, kept on the view


def test_the_subtree_of_a_parse_thousands_of_tokens_deep_is_read_without_recursion(nlp):
    from spacy.tokens import Doc

    n = 6000  # each word headed by the next: a chain deeper than Python's recursion limit
    words = ["said"] * n
    doc = Doc(nlp.vocab, words=words, heads=[i + 1 for i in range(n - 1)] + [n - 1],
              deps=["ccomp"] * (n - 1) + ["ROOT"])
    view = doc_view(doc)
    assert _ids(view.tokens[n - 1].subtree) == list(range(n))
    assert _ids(view.tokens[n // 2].subtree) == list(range(n // 2 + 1))

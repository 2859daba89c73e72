"""Plain-Python views of an annotated spaCy Doc, for the rules that walk the parse.

Every read of a spaCy ``Token`` attribute crosses into Cython and builds a
new object: ``tok.children`` makes a Token per child, ``tok.dep_`` and
``tok.lower_`` look strings up, ``tok.subtree`` recurses through generators.
The claim rules read the same few tokens' heads, children and labels dozens
of times a clause. :func:`doc_view` reads the attributes those rules use
once per Doc (``Doc.to_array``) into a :class:`DocView` of
:class:`TokenView` objects that hold the most read of them as plain
attributes (the rest are read from the Doc's columns when asked), with each
token's children worked out once and its subtree once when first asked.

A view answers as spaCy does, for the attributes it holds:

* :class:`TokenView`: ``i``, ``idx``, ``text``, ``text_with_ws``,
  ``whitespace_``, ``orth``/``lower``/``pos``/``tag``/``dep``/``ent_type``
  (ids) and their strings (``lower_``, ``pos_``, ``tag_``, ``dep_``,
  ``ent_type_``, ``ent_iob_``), the lexical flags (``is_alpha``,
  ``is_punct``, ``is_space``, ``is_digit``, ``like_num``, ``is_title``,
  ``is_upper``, ``is_lower``, ``is_stop``), ``is_sent_start``, ``head``,
  ``children``, ``lefts``, ``rights``, ``subtree``, ``left_edge``,
  ``right_edge``, ``ancestors``, ``conjuncts``, ``sent``, ``nbor()``,
  ``is_ancestor()``, ``doc`` (the :class:`DocView`), ``vocab``; and
  ``lemma_memo``, where :func:`rashomon.extract.lemmas.lemma` keeps the token's lemma;
* :class:`DocView`: ``len``, ``doc[i]``, ``doc[a:b]`` (a :class:`SpanView`),
  iteration; and the ``Doc.to_array`` columns it was read from
  (:meth:`DocView.column`), for the indexes built over the same Doc;
* :class:`SpanView`: ``start``, ``end``, ``start_char``, ``end_char``,
  ``text``, ``len``, iteration and indexing.

Any other attribute is read from the spaCy object itself, a Token or Span
it returns coming back as a view. There is one view per token of a Doc, so
tokens compare and hash as spaCy's do (equal when they are the same token of
the same Doc; ordered by offset; ``hash((doc, i))``), and ``children`` and
``subtree`` come in spaCy's order. The views point at the Doc: they are
cached in ``doc.user_data`` and dropped, unlinked, with the other per-Doc
caches (:func:`rashomon.annotate.docs.release`).
"""
from __future__ import annotations

import bisect

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Span, Token

from rashomon.annotate.docs import doc_text

_VIEW_KEY = "rashomon.view"
_COLUMNS = [IDX, ORTH, LOWER, POS, TAG, DEP, HEAD, ENT_TYPE, SENT_START, SPACY]
_STRINGS: dict[int, str] = {}  # string id -> string, shared by every Doc of the process (ids are hashes)
# orth id -> (text, lower id, lower_, is_alpha, is_punct, is_space, like_num, is_lower, is_upper, is_title,
# is_digit): the lexeme's attributes, the same for every token of one form in the process (spaCy reads them
# from the vocabulary's lexeme)
_LEXICAL: dict[int, tuple] = {}
_DEP_COLUMN, _ENT_TYPE_COLUMN = _COLUMNS.index(DEP), _COLUMNS.index(ENT_TYPE)


def doc_view(doc) -> "DocView":
    """The :class:`DocView` of an annotated spaCy ``Doc``, built once and
    cached on the Doc (``doc.user_data``; dropped by :func:`~rashomon.annotate.docs.release`)."""
    view = doc.user_data.get(_VIEW_KEY)
    if view is None:
        view = doc.user_data[_VIEW_KEY] = DocView(doc)
    return view


def _lexical(k: int) -> property:
    """The property that reads field ``k`` of a token's form in :data:`_LEXICAL`."""
    return property(lambda tok: _LEXICAL[tok.orth][k])


class TokenView:
    """One token of a :class:`DocView` (see the module docstring)."""

    # the attributes the parse rules read most, set for every token when the views are built; the rest are
    # read on demand from the Doc's columns (below)
    __slots__ = ("doc", "i", "text", "orth", "pos", "tag", "lower_", "pos_", "tag_", "dep_", "ent_type_",
                 "head", "children", "lemma_memo")

    # -- read on demand from the columns of the Doc --------------------------
    @property
    def idx(self) -> int:
        return self.doc._idx[self.i]

    @property
    def whitespace_(self) -> str:
        return " " if self.doc._spacy[self.i] else ""

    @property
    def is_sent_start(self) -> bool | None:
        ss = self.doc._sent_start[self.i]
        return None if ss == 0 else ss > 0

    # the lexeme's attributes, the same for every token of a form (:data:`_LEXICAL`)
    lower = _lexical(1)
    is_alpha, is_punct, is_space, like_num = _lexical(3), _lexical(4), _lexical(5), _lexical(6)
    is_lower, is_upper, is_title, is_digit = _lexical(7), _lexical(8), _lexical(9), _lexical(10)

    @property
    def dep(self) -> int:
        return int(self.doc.array[self.i, _DEP_COLUMN])

    @property
    def ent_type(self) -> int:
        return int(self.doc.array[self.i, _ENT_TYPE_COLUMN])

    # -- what spaCy's Token computes -------------------------------------
    @property
    def vocab(self):
        return self.doc.vocab

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_

    @property
    def lefts(self):
        return (c for c in self.children if c.i < self.i)

    @property
    def rights(self):
        return (c for c in self.children if c.i > self.i)

    @property
    def n_lefts(self) -> int:
        return sum(1 for c in self.children if c.i < self.i)

    @property
    def n_rights(self) -> int:
        return sum(1 for c in self.children if c.i > self.i)

    @property
    def subtree(self) -> tuple:
        """The token and its descendants, in spaCy's order (each left child's
        subtree, the token, each right child's subtree)."""
        memo = self.doc._subtrees
        got = memo.get(self.i)
        if got is None:
            got = memo[self.i] = tuple(self._walk())
        return got

    def _walk(self) -> list:
        """:attr:`subtree` in order, without recursion (a run-on text may parse
        thousands of tokens deep); a descendant's subtree already worked out is
        reused."""
        out: list = []
        stack: list = [(self, False)]
        known = self.doc._subtrees
        while stack:
            tok, placed = stack.pop()
            if placed:
                out.append(tok)
            elif tok is not self and tok.i in known:
                out += known[tok.i]
            else:
                kids = tok.children
                stack.extend((c, False) for c in reversed(kids) if c.i > tok.i)
                stack.append((tok, True))
                stack.extend((c, False) for c in reversed(kids) if c.i < tok.i)
        return out

    def _edge_indices(self) -> tuple[int, int]:
        memo = self.doc._edges
        got = memo.get(self.i)
        if got is None:  # spaCy's own l_edge and r_edge, kept by the parser
            tok = self.doc.doc[self.i]
            got = memo[self.i] = (tok.left_edge.i, tok.right_edge.i)
        return got

    @property
    def left_edge(self) -> "TokenView":
        return self.doc.tokens[self._edge_indices()[0]]

    @property
    def right_edge(self) -> "TokenView":
        return self.doc.tokens[self._edge_indices()[1]]

    @property
    def ancestors(self):
        t, n = self, 0
        while t.head is not t and n < len(self.doc.tokens):
            t = t.head
            n += 1
            yield t

    def is_ancestor(self, descendant) -> bool:
        if getattr(descendant, "doc", None) is not self.doc:
            return False
        return any(a.i == self.i for a in descendant.ancestors)

    @property
    def conjuncts(self) -> tuple:
        """As spaCy's ``Token.conjuncts``: the coordinated tokens, without the token itself."""
        start = self
        while start.i != start.head.i:
            if start.dep_ == "conj":
                start = start.head
            else:
                break
        queue, output = [start], [start]
        for word in queue:
            for child in word.rights:
                if child.dep_ == "conj":
                    output.append(child)
                    queue.append(child)
        return tuple(w for w in output if w.i != self.i)

    @property
    def sent(self) -> "SpanView":
        memo = self.doc._sents
        got = memo.get(self.i)
        if got is None:
            got = memo[self.i] = self.doc.sentence_of(self.i)
        return got

    def nbor(self, i: int = 1) -> "TokenView":
        k = self.i + i
        if k < 0 or k >= len(self.doc.tokens):
            raise IndexError(f"Error calculating span: Can't find a token at index {k}")
        return self.doc.tokens[k]

    # -- comparison, as spaCy's Token --------------------------------------
    def __hash__(self) -> int:
        return hash((self.doc.doc, self.i))

    def __lt__(self, other) -> bool:
        return self.idx < other.idx

    def __le__(self, other) -> bool:
        return self.idx <= other.idx

    def __gt__(self, other) -> bool:
        return self.idx > other.idx

    def __ge__(self, other) -> bool:
        return self.idx >= other.idx

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    @property
    def token(self) -> Token:
        """The spaCy ``Token`` this view reads."""
        return self.doc.doc[self.i]

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return self.doc.wrap(getattr(self.doc.doc[self.i], name))


class SpanView:
    """Tokens ``[start, end)`` of a :class:`DocView` (see the module docstring)."""

    __slots__ = ("doc", "start", "end", "span")

    def __init__(self, doc: "DocView", start: int, end: int, span: Span | None = None) -> None:
        self.doc, self.start, self.end = doc, start, end
        self.span = span  # the spaCy Span this view stands for, when it has more than its tokens (a label)

    @property
    def start_char(self) -> int:
        return self.doc.tokens[self.start].idx if self.end > self.start else self._empty_char()

    @property
    def end_char(self) -> int:
        if self.end <= self.start:
            return self._empty_char()
        last = self.doc.tokens[self.end - 1]
        return last.idx + len(last.text)

    def _empty_char(self) -> int:
        return self.doc.doc[self.start:self.end].start_char

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char:self.end_char]

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self):
        return iter(self.doc.tokens[self.start:self.end])

    def __getitem__(self, k):
        toks = self.doc.tokens[self.start:self.end]
        if isinstance(k, slice):
            r = range(len(toks))[k]
            if r.step != 1:
                raise ValueError("a span slice takes no step")
            return SpanView(self.doc, self.start + r.start, self.start + max(r.start, r.stop))
        return toks[k]

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        span = self.span if self.span is not None else self.doc.doc[self.start:self.end]
        return self.doc.wrap(getattr(span, name))


class DocView:
    """The views of one annotated Doc's tokens (see the module docstring)."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.vocab = doc.vocab
        self.text = doc_text(doc)
        self.user_data = doc.user_data
        n = len(doc)
        cols = self.array = doc.to_array(_COLUMNS)
        (idx, orth, pos, tag, dep, ent_type, spacy) = cols[:, [0, 1, 3, 4, 5, 7, 9]].T.tolist()
        head, sent_start = cols[:, [6, 8]].astype("int64").T.tolist()  # signed: an offset; -1, 0 or 1
        self._idx, self._spacy, self._sent_start = idx, spacy, sent_start  # columns the views read on demand
        self._subtrees: dict[int, tuple] = {}  # token index -> its subtree, worked out on demand
        self._edges: dict[int, tuple[int, int]] = {}  # token index -> (left edge, right edge)
        self._sents: dict[int, SpanView] = {}  # token index -> its sentence
        strings = doc.vocab.strings
        known = _STRINGS
        for key in {*pos, *tag, *dep, *ent_type}.difference(known):
            known[key] = strings[key] if key else ""
        lexical = _LEXICAL  # orth id -> what spaCy's lexeme gives every token of that form
        fresh = set(orth).difference(lexical)
        for o in fresh:  # the lexical flags from the lexeme, not a column of flags for every token
            lex = doc.vocab[o]
            lexical[o] = (lex.orth_, lex.lower, lex.lower_, lex.is_alpha, lex.is_punct, lex.is_space, lex.like_num,
                          lex.is_lower, lex.is_upper, lex.is_title, lex.is_digit)
        new = TokenView.__new__
        tokens = [new(TokenView) for _ in range(n)]
        children: list[list] = [[] for _ in range(n)]
        for k, t, o, p, tg, d, h, et in zip(range(n), tokens, orth, pos, tag, dep, head, ent_type):
            lex = lexical[o]
            t.doc, t.i, t.orth, t.pos, t.tag, t.text, t.lower_ = self, k, o, p, tg, lex[0], lex[2]
            t.pos_, t.tag_, t.dep_, t.ent_type_ = known[p], known[tg], known[d], known[et]
            t.lemma_memo = None
            h += k  # HEAD is relative
            t.head = tokens[h]
            if h != k:
                children[h].append(t)
        for t, kids in zip(tokens, children):
            t.children = tuple(kids)
        self.tokens = tokens
        self._sent_starts = [k for k in range(n) if sent_start[k] == 1]

    def column(self, attr: int):
        """The Doc's ``to_array`` column of one attribute of :data:`_COLUMNS` (a
        ``spacy.attrs`` id), read once with the views (an unsigned array: an id
        or, for ``HEAD``, an offset to view as signed)."""
        return self.array[:, _COLUMNS.index(attr)]

    def release(self) -> None:
        """Unlink the views from each other and from the Doc (views point at
        their heads, children and :class:`DocView`, which points at them and
        at the Doc: cycles only the garbage collector's full passes would
        free, keeping the Doc alive till then). Without its heads, a token's
        children are a tree; the memos of subtrees and sentences go too."""
        for t in self.tokens:
            t.head = None
        self.tokens = []
        self._subtrees, self._edges, self._sents = {}, {}, {}
        self.doc = self.user_data = self.array = None

    def sentence_of(self, i: int) -> SpanView:
        """The sentence of token ``i``, as spaCy's ``Token.sent`` finds it (from
        the nearest token before it that starts a sentence to the next one)."""
        starts = self._sent_starts
        k = bisect.bisect_right(starts, i) - 1
        start = starts[k] if k >= 0 else 0
        end = starts[k + 1] if k + 1 < len(starts) else len(self.tokens)
        return SpanView(self, start, end)

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self):
        return iter(self.tokens)

    def __getitem__(self, k):
        if isinstance(k, slice):
            r = range(len(self.tokens))[k]
            if r.step != 1:
                raise ValueError("a span slice takes no step")
            return SpanView(self, r.start, max(r.start, r.stop))
        return self.tokens[k]

    def wrap(self, value):
        """A value read from the spaCy Doc, its Tokens and Spans of this Doc as views."""
        if isinstance(value, Token):
            return self.tokens[value.i] if value.doc is self.doc else value
        if isinstance(value, Span):
            return SpanView(self, value.start, value.end, value) if value.doc is self.doc else value
        if isinstance(value, (tuple, list)) and value and isinstance(value[0], (Token, Span)):
            return type(value)(self.wrap(v) for v in value)
        return value

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return self.wrap(getattr(self.doc, name))

"""Quotes and their speakers: direct, indirect, interview questions, posts.

``extract_quotes(article, doc, posts)`` returns the embedded posts found by
cleaning (kept as given) plus the quotes the other modules of ``extract/`` find:

* ``direct``: words inside quotation marks, paired into runs over paragraphs
  (:mod:`rashomon.extract.direct`); short quoted terms inside narrator prose
  are kept with ``scare=True``; a title in headline style inside a sentence
  ("appeared on “Meet the Press”") names a work and is no quote, unless a
  naming word introduces it ("a memo titled “…”");
* ``indirect``: reported speech on the dependency parse (:mod:`rashomon.extract.indirect`);
* ``question``: an interviewer's questions in a Q&A or transcript layout
  (:mod:`rashomon.extract.interview`), whose answers are ``direct`` quotes of the
  labelled speaker; a headline "Name: words" is an ``indirect`` quote of Name.

Speakers (:mod:`rashomon.extract.attribution`, :mod:`rashomon.extract.coref`):
the subject of the cue clause before or after the quote, a colon or dash
attribution, pronouns and descriptors resolved to a named mention, headline
attributions, relays ("X said on X, Y reports": ``relayed_by`` Y). This module
adds the journalistic convention that an unattributed quote keeps the speaker
of the quote or reported speech just before it when no one else is named in
between. ``speaker_start``/``speaker_end`` is the span of a named mention in
this article (the antecedent for a pronoun or descriptor), ``None`` for an
unnamed source ("one commander"), whose description is
``speaker_descriptor_start``/``_end`` (as is a descriptor's, "the ministry").
``speaker`` stays ``None``: the entity linker fills it (an unnamed source
becomes an ``UNNAMED`` entity, :mod:`rashomon.link.unnamed`).

Method after Pareti (2016, PARC 3.0: cue, source, content) and the quote/speaker
heuristics of textacy's ``direct_quotations`` (which this module replaces).
"""
from __future__ import annotations

import bisect
import re

from rashomon.extract.coref import Discourse
from rashomon.extract.attribution import (
    attribute_head,
    attribute_tail,
    cue_info,
    governing_cue,
    relay_fields,
    relay_of,
    speaker_fields,
    speaker_from_subject,
)
from rashomon.extract.direct import Run, Seg, classify_marks, find_direct, prev_para
from rashomon.extract.docindex import DocIndex, rstrip_pos, sentence_end
from rashomon.extract.indirect import find_indirect
from rashomon.extract.interview import Interview, find_interview
from rashomon.extract.speakers import Speaker, title_case_line
from rashomon.types import Article, Quote

__all__ = ["classify_marks", "extract_quotes"]


# --- follow-on quotes ----------------------------------------------------------------
_CLOSERS = "\"'”’»)]›"


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (right-stripped) ends a sentence: ``.``, ``!``,
    ``?`` or ``…``, possibly followed by closing marks or brackets."""
    k = end
    while k > start and text[k - 1] in _CLOSERS:
        k -= 1
    return k > start and text[k - 1] in ".!?…"


def _utterance(text: str, start: int, end: int) -> bool:
    """Whether quoted words are a sentence of their own (a capital first, a full
    stop, "!" or "?" last: "a man yelled “Stay there!”"), not a quoted term."""
    return text[start:start + 1].isupper() and _ends_sentence(text, start, end)


def _attribution_end(ctx: DocIndex, last: Seg, spk: Speaker | None, cue_tok) -> int:
    """Where a direct quote and its attribution end in its last paragraph: the end
    of the cue's sentence when the cue or the named speaker follows the quote
    ("…,” spokeswoman Helena Strand said."), else just after the closing mark."""
    end = last.close_pos + 1 if last.close_pos is not None else last.end
    p = ctx.paras[last.para]
    after = [x for x in ((cue_tok.idx if cue_tok is not None else None),
                         (spk.start if spk is not None else None)) if x is not None and end <= x < p.end]
    if after:
        end = sentence_end(ctx.text, max(after), p.end)
    return end


def _other_named(ctx: DocIndex, s: int, e: int, spk: Speaker) -> bool:
    """Whether ``text[s:e]`` names a person or organisation other than the speaker
    (a mention of the speaker's own name or a part of it, "Strand", does not count)."""
    starts, ents = ctx.named_ents()
    own = set(re.findall(r"\w+", (spk.text or "").lower()))
    if spk.start is not None:
        own |= set(re.findall(r"\w+", ctx.text[spk.start:spk.end].lower()))
    for k in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)):
        a, b, words = ents[k]
        if b > e or spk.start is not None and a < spk.end and spk.start < b:
            continue
        if not set(re.findall(r"\w+", words)) <= own:
            return True
    return False


def _continues(ctx: DocIndex, last_para: int, attr_end: int, spk: Speaker, segs: list[Seg],
               skip: set[int]) -> bool:
    """Whether an unattributed direct quote (``segs``) continues an attributed quote
    whose attribution ends at ``attr_end`` in paragraph ``last_para`` (journalistic
    convention: an unattributed quote keeps the last speaker). In the same
    paragraph: when no other person or organisation is named between that
    attribution and this quote. In the next paragraph (interview questions in
    between are skipped): when this paragraph opens with the quote and names no one
    else outside it, and nothing named follows the attribution in its paragraph."""
    first = segs[0]
    if first.para < last_para or first.para - last_para > 6 or \
            first.para > last_para and prev_para(ctx, first.para, skip) != last_para:
        return False
    open_at = first.open_pos if first.open_pos is not None else first.start
    if first.para == last_para:
        return not _other_named(ctx, attr_end, open_at, spk)
    p = ctx.paras[first.para]
    if rstrip_pos(ctx.text, p.start, open_at) > p.start:
        return False  # words before the quote: not a bare quote paragraph
    in_para = [x for x in segs if x.para == first.para]
    q_end = max((x.close_pos + 1 if x.close_pos is not None else x.end) for x in in_para)
    return not (_other_named(ctx, attr_end, ctx.paras[last_para].end, spk)
                or _other_named(ctx, q_end, p.end, spk))


def _latest_speaker(ctx: DocIndex, disc: Discourse, segs: list[Seg], skip: set[int]) -> Speaker | None:
    """The speaker of the latest recorded quote (direct or indirect) before an
    unattributed one, when the quote continues it by the journalistic convention
    (:func:`_continues`); else ``None``."""
    last_at = disc.last_before(segs[0].start, with_end=True)
    if last_at and _continues(ctx, ctx.para_of(last_at[1]), last_at[1], last_at[0], segs, skip):
        return last_at[0]
    return None


def _after_indirect_speakers(ctx: DocIndex, disc: Discourse, direct: list[Quote],
                             unattributed: list[tuple[list[Seg], int]], skip: set[int]) -> None:
    """Give a direct quote that found no speaker the speaker of the reported
    speech just before it, once indirect quotes are known (they are found after
    the direct ones): "The minister said the talks had failed. ¶ “We will not
    return.”" — the same rule as for quotes (:func:`_latest_speaker`),
    confidence 0.6. The ``Quote`` records of each run are
    replaced in ``direct``."""
    for segs, k in unattributed:
        spk = _latest_speaker(ctx, disc, segs, skip)
        if spk is None:
            continue
        fields = speaker_fields(spk)
        for j, seg in enumerate(segs):
            q = direct[k + j]
            direct[k + j] = q.model_copy(update=dict(fields, confidence=round(min(seg.conf, 0.6), 2)))
        disc.record(segs[0].start, spk, _attribution_end(ctx, segs[-1], spk, None))


def _interrupted(ctx: DocIndex, prev: Run | None, first: Seg, lead_end: int) -> bool:
    """Whether a quote resumes the previous one after its attribution in the same
    sentence ("“The risk,” said X, an economist, “is that …”"): the words between
    the two hold the previous quote's cue, no other cue, and end in a comma."""
    if prev is None or prev.speaker is None or prev.cue_at is None or not prev.segs:
        return False
    last = prev.segs[-1]
    if last.para != first.para or last.close_pos is None or not last.close_pos < prev.cue_at < lead_end:
        return False
    if ctx.text[lead_end - 1] != "," or ctx.text.find(".", last.close_pos + 1, lead_end) >= 0 and \
            sentence_end(ctx.text, prev.cue_at, lead_end) < lead_end:
        return False
    r = ctx.tok_range(last.close_pos + 1, lead_end)
    return sum(1 for k in range(r.start, r.stop) if k in ctx.cue_lemmas) == 1


def _layout_quotes(ctx: DocIndex, iv: Interview, in_post) -> list[Quote]:
    """Questions, transcript answers and a headline "Name: words" as quotes."""
    art = ctx.article
    out: list[Quote] = []
    for pi in sorted(iv.questions | iv.answers.keys()):
        p = ctx.paras[pi]
        if in_post(p.start, p.end):
            continue
        s = iv.starts.get(pi, p.start)
        if pi in iv.answers:
            spk, kind, conf = iv.answers[pi], "direct", 0.8
        else:
            spk, kind, conf = iv.asked_by.get(pi) or iv.interviewer, "question", 0.8
        out.append(Quote(article=art.id, start=s, end=p.end, text=art.text[s:p.end], kind=kind,
                         confidence=conf, **(speaker_fields(spk) if spk else {})))
    if iv.headline is not None:
        pi, spk = iv.headline
        p = ctx.paras[pi]
        s = iv.starts[pi]
        e = p.end
        while e > s and ctx.text[e - 1] in ".;:,":
            e -= 1
        if e - s >= 8 and not in_post(p.start, p.end) and not _opens_with_mark(ctx.text, s, e):
            out.append(Quote(article=art.id, start=s, end=e, text=art.text[s:e], kind="indirect",
                             cue=":", cue_start=s - 2 if ctx.text[s - 2:s - 1] == ":" else None,
                             confidence=0.7, **speaker_fields(spk)))
    return out


def _block_quotes(ctx: DocIndex, disc: Discourse, layout: set[int], direct: list[Quote], in_post) -> list[Quote]:
    """Block quotations: a paragraph without quotation marks right after one that
    ends in a cue and a colon ("The governor added:" ¶ "It is typical …") is the
    cue's words, set off as a block instead of in quotation marks (Chicago Manual
    of Style, 17th ed., 13.9-13.10; PolNeAR guidelines: the colon paragraph holds
    source and cue). Only the first paragraph is taken; one that holds quotation
    marks, a layout paragraph, a heading or a fragment without a full stop is
    not a block."""
    out: list[Quote] = []
    art = ctx.article
    for pi in range(1, len(ctx.paras)):
        p, prev = ctx.paras[pi], ctx.paras[pi - 1]
        body = p.text.strip()
        if pi in layout or pi - 1 in layout or not prev.text.rstrip().endswith(":") or len(body) < 20 or \
                not body.endswith((".", "!", "?", "…")) or any(m in body for m in "“”\"«»") or \
                in_post(p.start, p.end) or any(p.start <= q.start < p.end for q in direct):
            continue
        spk, cue_tok = attribute_head(ctx, p.start + (len(p.text) - len(p.text.lstrip())), disc)
        if spk is None or not spk.known or cue_tok is None or cue_tok.idx < prev.start or \
                ctx.text[cue_tok.idx:prev.end].count(" ") > 4:
            continue  # "He listed what the plan would cost:": no cue of saying right before the colon
        s = p.start + (len(p.text) - len(p.text.lstrip()))
        e = rstrip_pos(ctx.text, s, p.end)
        info = cue_info(ctx, cue_tok)
        out.append(Quote(article=art.id, start=s, end=e, text=art.text[s:e], kind="direct", confidence=0.7,
                         **speaker_fields(spk), **({k: info[k] for k in ("cue", "cue_start", "cue_end", "date_text")}
                                                   if info else {})))
    return out


_OPENING_MARKS = "“\"«„‘'"
# words a title leaves in lower case (Chicago Manual of Style 8.159, headline-style capitalization)
_TITLE_SMALL = {"a", "an", "the", "and", "or", "but", "nor", "for", "of", "in", "on", "at", "to", "by", "with",
                "from", "as", "vs", "vs.", "via", "up", "into", "over", "per", "de", "la", "le", "du", "von", "van"}


# words before a quoted name that make the name someone's words ("a memo titled “…”", "so-called “…”")
_NAMING = {"called", "so-called", "dubbed", "titled", "entitled", "named", "nicknamed", "labeled", "labelled",
           "branded", "read", "reads", "reading", "chanting", "chanted", "shouting", "shouted", "with"}


def _word_before(text: str, start: int, end: int) -> str:
    """The last word of ``text[start:end]`` in lower case, without a trailing comma or colon."""
    words = text[max(start, end - 20):end].split()
    return words[-1].lower().strip(",:") if words else ""


def is_title(text: str, start: int, end: int) -> bool:
    """Whether quoted words are the title of a work or a name in headline style
    ("A Time for Truth", "Meet the Press"): two to ten words, each capitalised
    but the small words of headline style, no sentence punctuation inside, and
    not on a line that is itself in title case (a headline quotes in title case)."""
    words = text[start:end].rstrip(",;:").split()
    if not 2 <= len(words) <= 10 or any(ch in text[start:end].rstrip(",;:.") for ch in ".!?;"):
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL and k > 0 for k, w in enumerate(words)):
        return False
    return sum(w[:1].isupper() for w in words) >= 2 and not title_case_line(text, start)


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens, after spaces, with a quotation mark: a
    headline whose words open with one is a direct quote, not a colon attribution."""
    head = text[start:end].lstrip()
    return bool(head) and head[0] in _OPENING_MARKS


# --- main ----------------------------------------------------------------------------
def extract_quotes(article: Article, doc, posts: list[Quote]) -> list[Quote]:
    """Posts (kept as given) plus the direct, indirect and question quotes of one article.

    Parameters
    ----------
    article : the article; ``article.removed`` spans are skipped.
    doc : spaCy ``Doc`` over the article's body (``annotate.body_text``): same
        length and character offsets as ``article.text``, removed spans blanked.
    posts : embedded posts found by cleaning (kind ``post``); quotes inside them
        are not extracted again.

    Returns
    -------
    list[Quote] : sorted by ``start``; offsets are code points into
        ``article.text``; ``text == article.text[start:end]`` (quoted words without
        the marks); ``speaker`` is ``None`` (the entity linker fills it).

    Never raises on malformed text: unbalanced marks give the most plausible
    pairing with a lower ``confidence``.
    """
    ctx = DocIndex(article, doc)
    disc = Discourse(ctx)
    post_spans = [(p.start, p.end) for p in posts]
    iv = find_interview(ctx, disc)
    layout = iv.questions | iv.answers.keys()
    runs = find_direct(ctx, layout)

    def in_post(s, e):
        return any(a <= s and e <= b for a, b in post_spans)

    disc.quoted = bytearray(len(ctx.text) + 1)
    for run in runs:
        for seg in run.segs:
            disc.quoted[seg.start:seg.end] = b"\x01" * (seg.end - seg.start)
    for pi in layout:
        p = ctx.paras[pi]
        disc.quoted[p.start:p.end] = b"\x01" * (p.end - p.start)

    out: list[Quote] = list(posts)
    direct: list[Quote] = []
    used_cues: set[int] = set()
    prev_run: Run | None = None
    unattributed: list[tuple[list[Seg], int]] = []  # (segments, index of their first Quote in ``direct``)
    headline = iv.headline[0] if iv.headline else None
    for run in runs:
        segs = [s for s in run.segs if not in_post(s.start, s.end)]
        if not segs:
            continue
        first, last = segs[0], segs[-1]
        spk, cue_tok, conf = None, None, 0.95
        # words before the opening mark in its paragraph, not ending in a colon (no paragraph copy)
        p0, at = ctx.paras[first.para].start, (first.open_pos if first.open_pos is not None else first.start)
        before = rstrip_pos(ctx.text, p0, at)
        has_lead = before > p0 and ctx.text[before - 1] != ":"
        # a quote that starts a new sentence after others ("…, he said. “Nobody listened.”") is not partial
        partial = has_lead and not _ends_sentence(ctx.text, p0, before)
        n_words = sum(len(ctx.text[s.start:s.end].split()) for s in segs)
        if partial and len(segs) == 1 and is_title(ctx.text, first.start, first.end) and \
                _word_before(ctx.text, p0, before) not in _NAMING:
            continue  # "appeared on “Meet the Harbour”": a title names a work, nobody says it
        if last.close_pos is not None:
            spk, cue_tok = attribute_tail(ctx, last.close_pos, disc)
        if spk is None and first.open_pos is not None:
            spk, cue_tok = attribute_head(ctx, first.open_pos, disc)
        if spk is None and first.para == headline and iv.starts.get(headline, at + 1) <= at:
            spk = iv.headline[1]  # "Name: “the words”", "Name: X has ‘no place’ in ‘Y’": after the label
        if spk is None and has_lead:
            subj, v = governing_cue(ctx, first)
            if subj is not None:
                spk, cue_tok = speaker_from_subject(ctx, subj, disc), v
                conf = 0.85
        if spk is None and partial and _interrupted(ctx, prev_run, first, before):
            spk, conf, partial = prev_run.speaker, 0.85, False  # "“The risk,” said X, “is that …”"
        if cue_tok is not None and not partial:
            used_cues.add(cue_tok.i)
        scare = partial and n_words <= ctx.lex.scare_max_words and len(segs) == 1 and \
            (cue_tok is None or ctx.cue_lemma(cue_tok) not in ("describe", "call")) and \
            not (cue_tok is not None and _utterance(ctx.text, first.start, last.end))
        if spk is None and not partial:
            # a run of quoted paragraphs of one speaker: inherit from the previous quote
            if prev_run is not None and prev_run.speaker and prev_run.segs and \
                    _continues(ctx, prev_run.segs[-1].para, prev_run.attr_end, prev_run.speaker, segs, layout):
                spk, conf = prev_run.speaker, 0.75
            elif iv.interviewee is not None and iv.questions:
                spk, conf = iv.interviewee, 0.7
            elif (latest := _latest_speaker(ctx, disc, segs, layout)) is not None:
                spk, conf = latest, 0.6
        relay = relay_of(ctx, cue_tok) if cue_tok is not None else None
        info = cue_info(ctx, cue_tok) if cue_tok is not None else {}
        run.speaker = spk if not scare and spk is not None and spk.known else None
        run.cue_at = cue_tok.idx if cue_tok is not None else None
        run.attr_end = _attribution_end(ctx, last, spk, cue_tok)
        if run.speaker is not None:
            disc.record(first.start, spk, run.attr_end)
        if scare:  # a term: the sentence's comma is not part of it ("operation,”)
            for s in segs:
                while s.end > s.start and ctx.text[s.end - 1] in ",;:":
                    s.end -= 1
        # the fields every segment shares, so that each Quote is built (and validated) once
        shared: dict = {}
        if spk is not None:
            shared.update(speaker_fields(spk))
        if info:
            shared.update(cue=info["cue"], cue_start=info["cue_start"], cue_end=info["cue_end"], date_text=info["date_text"])
        if relay:
            shared.update(relay_fields(relay))
        if (spk is None or not spk.known) and not partial and not scare:
            unattributed.append((segs, len(direct)))
        for s in segs:
            direct.append(Quote(article=article.id, start=s.start, end=s.end, text=article.text[s.start:s.end],
                                kind="direct", scare=scare, confidence=round(min(s.conf, conf if spk else 0.5), 2),
                                **shared))
        if not scare:
            prev_run = run

    out += _layout_quotes(ctx, iv, in_post)
    direct += _block_quotes(ctx, disc, layout, direct, in_post)
    direct_spans = [(q.start, q.end) for q in direct]
    q_spans = [(ctx.paras[pi].start, ctx.paras[pi].end) for pi in layout]
    if headline is not None:
        q_spans.append((ctx.paras[headline].start, ctx.paras[headline].end))
    indirect = [q for q in find_indirect(ctx, direct_spans + q_spans, used_cues, disc) if not in_post(q.start, q.end)]
    _after_indirect_speakers(ctx, disc, direct, unattributed, layout)
    out += direct + indirect
    out.sort(key=lambda q: (q.start, q.end))
    return out

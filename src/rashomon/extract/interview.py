"""Interview and transcript layouts: who asks, who answers, and speaker labels.

Three layouts, after the conventions of news Q&As and broadcast transcripts
(AP Stylebook, "Q and A format"; PolNeAR guidelines: a colon after a speaker's
name is the cue, "Romeo: “Is the day so young?”"):

* headings: a "Question N" heading, or a "Q:" prefix, marks a question paragraph;
  the interviewer is the object of "told X" / "in an interview with X" when X
  is a name, and the interviewee that cue's subject;
* speaker labels: paragraphs that open with a name and a colon ("THE OUTLET:
  …", "SMITH: …", "Jones: …"), two different labels at least, three labelled
  paragraphs at least. Each labelled paragraph, and each unlabelled paragraph
  after it, is the label's; the label whose paragraphs end in question marks,
  or that names the outlet credited with the interview ("Interview by …"), is
  the interviewer: its paragraphs are questions, the others' are answers;
* one labelled paragraph (a headline "Name: the words"): the label is the
  speaker of the words after the colon.

A label is a name (a PERSON, ORG or NORP entity, or proper nouns, or capitals)
or a person noun of at most five words; page furniture labels ("Photo:",
"Source:", "Read more:") never are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rashomon.extract import speakers as sp
from rashomon.extract.attribution import cue_subject, speaker_from_subject
from rashomon.extract.coref import Discourse
from rashomon.extract.direct import is_heading
from rashomon.extract.docindex import DocIndex
from rashomon.extract.speakers import Speaker

# an opening mark may come first: each paragraph of a quoted transcript opens with one (AP Stylebook,
# "quotation marks": a quotation running over paragraphs opens each of them)
_LABEL = re.compile(r"[“\"]?([^\W\d][\w.'’&-]*(?: [\w.'’&-]+){0,4})\s?:\s+(?=\S)")
# labels that introduce page furniture, not words someone said (OWN, from scraped news pages)
# documents a headline label names as the source of its words ("Poll: …", "Report: …", "Study: …"):
# the headline convention of a colon after the source (AP Stylebook, headlines; PolNeAR guidelines)
SOURCE_DOCUMENTS = frozenset({"report", "reports", "poll", "polls", "study", "survey", "audit", "lawsuit",
                              "documents", "records", "indictment", "ruling", "investigation", "findings"})
FURNITURE_LABELS = {"photo", "photos", "video", "source", "sources", "update", "updated", "note", "editor's note",
                    "editor’s note", "read more", "read also", "related", "watch", "listen", "caption", "credit",
                    "credits", "tags", "share", "by", "email", "e-mail", "tel", "phone", "fax", "address", "date",
                    "time", "location", "warning", "advertisement", "breaking", "exclusive", "live", "analysis",
                    "opinion", "correction", "clarification", "see also", "more", "image", "picture", "file", "posted",
                    "published", "filed under", "topics", "category", "follow", "contact", "subscribe", "q", "a",
                    "question", "answer", "part", "chapter", "step", "figure", "table", "example", "summary",
                    "background", "context", "why it matters", "the bottom line", "what we know", "what's next",
                    "what’s next",
                    "results", "watch live", "full text", "transcript", "partial transcript", "quote",
                    "quotes", "interview", "interview by", "reporting by", "edited by", "written by", "via"}
_TRANSCRIPT_MIN = 3  # labelled paragraphs for a transcript layout


@dataclass
class Interview:
    """The interview structure of one article (paragraph indices into ``DocIndex.paras``).

    ``questions``: the interviewer's paragraphs; ``answers``: the paragraphs of a
    transcript's other speakers, each with its speaker; ``starts``: where the
    words of a labelled paragraph begin (after "LABEL: "); ``headline``: a single
    "Name: words" paragraph with its speaker. ``interviewer``/``interviewee`` are
    the parties of the heading layout, ``None`` when unknown.
    """

    questions: set[int] = field(default_factory=set)
    answers: dict[int, Speaker] = field(default_factory=dict)
    asked_by: dict[int, Speaker] = field(default_factory=dict)
    starts: dict[int, int] = field(default_factory=dict)
    headline: tuple[int, Speaker] | None = None
    interviewer: Speaker | None = None
    interviewee: Speaker | None = None


def find_interview(ctx: DocIndex, disc: Discourse) -> Interview:
    """The interview layout of an article (see the module docstring)."""
    iv = Interview()
    _headings(ctx, iv)
    _labels(ctx, disc, iv)
    if iv.questions and not iv.asked_by:
        _parties(ctx, disc, iv)
    return iv


def _headings(ctx: DocIndex, iv: Interview) -> None:
    lex = ctx.lex
    after_heading = False
    for pi, p in enumerate(ctx.paras):
        t = p.text.strip()
        if lex.question_heading.match(t):
            after_heading = True
            continue
        m = lex.question_prefix.match(t)
        if m:
            iv.questions.add(pi)
            iv.starts[pi] = p.start + m.end()
            after_heading = False
            continue
        if after_heading:
            gap = ctx.article.text[ctx.paras[pi - 1].end:p.start]
            if t[:1] in "“\"«„" or is_heading(p, lex) or gap.strip() or gap.count("\n") > 3:
                after_heading = False
                continue
            iv.questions.add(pi)
            after_heading = False


def _parties(ctx: DocIndex, disc: Discourse, iv: Interview) -> None:
    """Interviewer and interviewee of the heading layout, from "told X" / "tells X"."""
    for i in ctx.told:
        if ctx.text[ctx.tok_starts[i]:ctx.tok_starts[i] + 1].strip():
            t = ctx.doc[i]
            obj = next((c for c in t.children if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN"), None)
            if obj is not None:
                ns = ctx.name_span(obj)
                if ns:
                    np = sp.noun_phrase(obj)
                    iv.interviewer = Speaker(text=ctx.text[np[0]:np[1]], start=ns[0], end=ns[1], person=False)
                    subj = cue_subject(ctx, t)
                    if subj is not None:
                        iv.interviewee = speaker_from_subject(ctx, subj, disc)
                    return


def label_of(ctx: DocIndex, pi: int) -> tuple[int, int] | None:
    """The span of the speaker label that opens paragraph ``pi`` ("SMITH:",
    "The Outlet:"), or ``None`` (see the module docstring for what counts)."""
    p = ctx.paras[pi]
    m = _LABEL.match(ctx.text, p.start, min(p.end, p.start + 60))
    if not m:
        return None
    s, e = m.span(1)
    label = ctx.text[s:e]
    low = label.lower().rstrip(".")
    if low in FURNITURE_LABELS or low.split()[0] in ("the", "a") and len(low.split()) == 1:
        return None
    if low in SOURCE_DOCUMENTS and p.text.rstrip().endswith("?"):
        return None  # "Poll: Who won the debate?": a question put to readers, no one's words
    toks = [t for t in ctx.toks_in(s, e) if not t.is_punct]
    if not toks or any(t.pos_ in ("VERB", "AUX") and not t.is_upper for t in toks):
        return None  # "He said: …" is a cue with a verb, not a label
    words = [t for t in toks if t.lower_ not in ("the", "of", "and", "&")]
    name = all(t.text[:1].isupper() for t in words) and any(
        t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.pos_ == "PROPN" or t.is_upper for t in words)
    name = name or _named_elsewhere(ctx, words, e)
    role = len(words) <= 3 and (words[-1].lower_ in ctx.lex.person_nouns or words[-1].lower_ in SOURCE_DOCUMENTS)
    return (s, e) if words and (name or role) else None


def _named_elsewhere(ctx: DocIndex, words: list, end: int) -> bool:
    """Whether a one-word capitalised label ("Surname: …") is a word of a person
    or organisation the article names after it: the tagger reads a lone
    capitalised word that opens a headline as a common noun, but a headline
    label is the source's surname (AP Stylebook, headlines: the source before
    the colon; names on second reference by surname)."""
    if len(words) != 1 or not words[0].text[:1].isupper() or words[0].is_upper:
        return False
    word = words[0].lower_
    return any(s >= end and word in text.split() for s, _e, text in ctx.named_ents()[1])


def _labels(ctx: DocIndex, disc: Discourse, iv: Interview) -> None:
    labelled: dict[int, tuple[int, int]] = {}
    for pi in range(len(ctx.paras)):
        if pi in iv.questions:
            continue
        lab = label_of(ctx, pi)
        if lab is not None:
            labelled[pi] = lab
    if not labelled:
        return
    keys = {ctx.text[s:e].casefold() for s, e in labelled.values()}
    if len(labelled) < _TRANSCRIPT_MIN or len(keys) < 2:
        if len(labelled) == 1:
            pi, (s, e) = next(iter(labelled.items()))
            iv.headline = (pi, _label_speaker(ctx, disc, s, e))
            iv.starts[pi] = _after_label(ctx, pi, e)
        return
    asker = _interviewer_label(ctx, labelled)
    current: tuple[Speaker, bool] | None = None
    for pi, p in enumerate(ctx.paras):
        if pi in iv.questions:
            continue
        if pi in labelled:
            s, e = labelled[pi]
            current = (_label_speaker(ctx, disc, s, e), ctx.text[s:e].casefold() == asker)
            iv.starts[pi] = _after_label(ctx, pi, e)
        elif current is None or not p.text.rstrip().endswith((".", "?", "!", "”", "\"", "…")):
            continue  # before the first label; a caption or a credit line
        elif is_heading(p, ctx.lex) or _names_speaker(p.text, current[0]):
            current = None  # a heading, or a line about the speaker ("X is a professor …"), ends the turn
            continue
        spk, asks = current
        if asks:
            iv.questions.add(pi)
            iv.asked_by[pi] = spk
        else:
            iv.answers[pi] = spk


def _names_speaker(text: str, spk: Speaker) -> bool:
    """Whether a paragraph names the speaker by the last word of their label (a
    speaker does not speak of themselves by name: a note about them)."""
    words = spk.text.split()
    return bool(words) and re.search(rf"\b{re.escape(words[-1])}\b", text, re.I) is not None


def _after_label(ctx: DocIndex, pi: int, label_end: int) -> int:
    k = label_end
    p = ctx.paras[pi]
    while k < p.end and (ctx.text[k] in ": \t"):
        k += 1
    return k


def _label_speaker(ctx: DocIndex, disc: Discourse, s: int, e: int) -> Speaker:
    """The speaker a label names: a named mention of the label's words."""
    toks = [t for t in ctx.toks_in(s, e) if not t.is_punct]
    heads = [t for t in toks if t.lower_ in ctx.lex.person_nouns or t.lower_ in SOURCE_DOCUMENTS]
    if heads and not any(t.pos_ == "PROPN" or t.ent_type_ for t in toks):
        return disc.describe(heads[-1])  # "Spokesman: …"
    return Speaker(text=ctx.text[s:e], start=s, end=e)


def _interviewer_label(ctx: DocIndex, labelled: dict[int, tuple[int, int]]) -> str | None:
    """The label (case-folded) of the interviewer: the one whose paragraphs end
    in a question mark most often, when most of its paragraphs do."""
    asks: dict[str, list[bool]] = {}
    for pi, (s, e) in labelled.items():
        asks.setdefault(ctx.text[s:e].casefold(), []).append(ctx.paras[pi].text.rstrip().endswith("?"))
    best = max(asks, key=lambda k: (sum(asks[k]) / len(asks[k]), sum(asks[k])))
    return best if sum(asks[best]) * 2 > len(asks[best]) else None

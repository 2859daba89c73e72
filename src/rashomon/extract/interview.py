"""Interview layouts: question paragraphs, the interviewer and the interviewee."""
from __future__ import annotations

from rashomon.extract import speakers as sp
from rashomon.extract.attribution import cue_subject, speaker_from_subject
from rashomon.extract.direct import is_heading
from rashomon.extract.docindex import DocIndex


def find_interview(ctx: DocIndex, state: dict) -> tuple[set[int], dict | None, dict | None]:
    """Question paragraphs (indices), the interviewer and the interviewee.

    A question paragraph follows a "Question N" heading or starts with "Q:"; the
    interviewer is the object of "told X" / "in an interview with X" when X is a
    name, and the interviewee that cue's subject. Returns (indices, interviewer,
    interviewee); unknown parties are ``None``.
    """
    lex = ctx.lex
    qs: set[int] = set()
    after_heading = False
    for pi, p in enumerate(ctx.paras):
        t = p.text.strip()
        if lex.question_heading.match(t):
            after_heading = True
            continue
        if lex.question_prefix.match(t):
            qs.add(pi)
            after_heading = False
            continue
        if after_heading:
            gap = ctx.article.text[ctx.paras[pi - 1].end:p.start]
            if t[:1] in "“\"«„" or is_heading(p, lex) or gap.strip() or gap.count("\n") > 3:
                after_heading = False
                continue
            qs.add(pi)
            after_heading = False
    interviewer = interviewee = None
    for i in ctx.told:
        if ctx.text[ctx.tok_starts[i]:ctx.tok_starts[i] + 1].strip():
            t = ctx.doc[i]
            obj = next((c for c in t.children if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN"), None)
            if obj is not None:
                ns = ctx.name_span(obj)
                if ns:
                    np = sp.noun_phrase(obj)
                    interviewer = {"text": ctx.text[np[0]:np[1]], "start": ns[0], "end": ns[1], "role": None, "aff": None}
                    subj = cue_subject(ctx, t)
                    if subj is not None:
                        interviewee = speaker_from_subject(ctx, subj, state)
                    break
    return qs, interviewer, interviewee

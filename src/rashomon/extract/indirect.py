"""Indirect quotes: reported speech found on the dependency parse.

A cue verb (``data/cues.yaml``) with a subject and a content clause ("X said
(that) …", "…, X emphasizes", "X reports casualties …"), or "according to X, …".
"""
from __future__ import annotations

from rashomon.extract import coref
from rashomon.extract.attribution import (
    according_to,
    cue_info,
    cue_subject,
    relay_fields,
    relay_of,
    speaker_fields,
    speaker_from_subject,
)
from rashomon.extract.docindex import DocIndex, sentence_end
from rashomon.types import Quote

def span_of(toks) -> tuple[int, int]:
    toks = [t for t in toks if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].lower_ in ("that",) and toks[0].dep_ == "mark"):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return 0, 0
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _content(ctx: DocIndex, verb, lemma: str):
    """Content span of a cue verb: its ``ccomp`` subtree; for an inverted cue
    ("They won't face harm, X emphasizes") its head clause; for NP-content verbs
    the object and its modifiers. ``None`` when the content is missing or a bare
    pronoun ("what the commander said")."""
    p = ctx.paras[ctx.para_of(verb.idx)]

    def clip(toks):
        return [t for t in toks if p.start <= t.idx < p.end]

    if any(c.tag_ in ("WP", "WDT") and c.dep_ in ("dobj", "nsubj") for c in verb.children):
        return None  # "what the commander said": the words are not given
    cc = [c for c in verb.children if c.dep_ == "ccomp"]
    if cc:
        toks = clip(cc[0].subtree)
        if not toks or toks[0].tag_ in ("WP", "WDT") or len(toks) < 3:
            return None
        return span_of(toks)
    if verb.dep_ in ("parataxis",) or (verb.dep_ == "ccomp" and verb.head.i < verb.i):
        h = verb.head
        if h.pos_ in ("VERB", "AUX") and h.i < verb.i:
            toks = clip(t for t in h.subtree if t.i < verb.left_edge.i)
            if len(toks) >= 3 and "," in ctx.text[toks[-1].idx:verb.idx]:
                return span_of(toks)
    if lemma in ctx.lex.np_content:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.tag_ not in ("WP", "WDT", "PRP"):
            verb_sent_end = ctx.sentence_end(verb.i)  # same sentence: same end (``t.sent == verb.sent``)
            toks = clip(t for t in verb.subtree if t.i >= obj.i and ctx.sentence_end(t.i) == verb_sent_end)
            if len(toks) >= 3:
                return span_of(toks)
    return None


def _passive_participle(verb) -> bool:
    """A cue verb in a participial clause with no subject or auxiliary of its own
    ("Asked whether …, X replied", "When questioned about …"): its words are put to
    the main clause's subject, who is not their speaker. "Having said that …" (an
    auxiliary) is active and does not count."""
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "aux") for c in verb.children)


def find_indirect(ctx: DocIndex, direct_spans: list[tuple[int, int]], used_cues: set[int], state: dict) -> list[Quote]:
    """Reported speech found on the dependency parse (see module doc)."""
    art = ctx.article
    out: list[Quote] = []
    relays: set[int] = set()

    # character masks (built once per article) instead of a scan of every span per token
    n = len(ctx.text)
    direct_mask = bytearray(n + 1)
    for a, b in direct_spans:
        direct_mask[a:b] = b"\x01" * max(0, b - a)
    taken_mask = bytearray(n + 1)

    def inside_direct(s, e):
        return direct_mask.count(1, s, e) >= 0.5 * (e - s)  # direct characters in text[s:e]

    def in_direct(pos):
        return direct_mask[pos] == 1

    # only cue verbs and "according" can start an indirect quote: no Token for the others
    candidates = sorted(ctx.cue_lemmas.keys() | ctx.according)
    for i in candidates:
        idx = ctx.tok_starts[i]
        if i in used_cues or i in relays or not ctx.text[idx:idx + 1].strip():
            continue
        if in_direct(idx) or taken_mask[idx]:
            continue
        tok = ctx.doc[i]
        lemma = ctx.cue_lemmas.get(i)
        subj = None
        if lemma and _passive_participle(tok):
            continue  # "Asked whether the plant would reopen, X replied …": the question is the interviewer's
        if lemma:
            span = _content(ctx, tok, lemma)
            if span is None:
                continue
            subj = cue_subject(ctx, tok)
            if subj is None or ctx.para_of(subj.idx) != ctx.para_of(tok.idx):
                continue
        elif tok.lower_ == "according" and tok.dep_ == "prep":
            subj = according_to(tok)
            if subj is None or not (subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or
                                    subj.lower_ in ctx.lex.person_nouns | ctx.lex.org_nouns):
                continue
            h = tok.head
            toks = [t for t in h.subtree if not (tok.left_edge.i <= t.i <= tok.right_edge.i)]
            span = span_of(toks)
            lemma = "according to"
        else:
            continue
        s, e = span
        if e - s < 8 or inside_direct(s, e) or s <= subj.idx < e and lemma != "according to":
            continue
        spk = speaker_from_subject(ctx, subj, state)
        info = cue_info(ctx, tok)
        relay = relay_of(ctx, tok) if lemma != "according to" else None
        if relay:
            relays.add(relay["cue_tok"].i)
        q = Quote(article=art.id, start=s, end=e, text=art.text[s:e], kind="indirect",
                  **speaker_fields(spk),
                  cue=("according to" if lemma == "according to" else info["cue"]),
                  cue_start=info["cue_start"], cue_end=info["cue_end"] if lemma != "according to" else info["cue_start"] + len("according to"),
                  date_text=info["date_text"], confidence=0.85 if spk["start"] is not None else 0.7,
                  **(relay_fields(relay) if relay else {}))
        out.append(q)
        taken_mask[s:e] = b"\x01" * (e - s)
        if spk["start"] is not None:
            coref.record(state, tok.idx, spk, sentence_end(ctx.text, max(e, tok.idx), ctx.paras[ctx.para_of(tok.idx)].end))
    # an outer relay cue that took its own quote: drop it
    return [q for q in out if q.cue_start is None or ctx.tok_at(q.cue_start).i not in relays]

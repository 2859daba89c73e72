"""Who acts in a clause, and which nation or party that agent is.

The agents the older frame rules compare (``Claim.agent``, ``agent_party``,
``agent_from``; see :mod:`rashomon.extract.claims`): a passive's "by" phrase,
the possessor or nationality modifier of an operation noun ("Azerbaijan's
strict observance"), the subject of an operation verb; the party is the first
GPE or NORP entity among the agent's words. For "we"/"our" in a quote the
party is read beside the quoted speaker (:func:`speaker_party`).
"""
from __future__ import annotations

import re

from rashomon.annotate import doc_ents
from rashomon.types import Quote

FIRST_PERSON = {"we", "our", "us", "ours"}


def _nations(doc) -> set[str]:
    """Surface words this Doc tags GPE or NORP somewhere (cached on the Doc), so a
    nation inside an ORG name ("Azerbaijan Army") still names a party."""
    got = doc.user_data.get("rashomon.nations")
    if got is None:
        got = {t.text for e in doc_ents(doc) if e.label_ in ("GPE", "NORP") for t in e if t.text[:1].isupper()}
        doc.user_data["rashomon.nations"] = got
    return got


def _party(tokens) -> str | None:
    """The first nation/group name (GPE or NORP entity) among tokens, as written."""
    tokens = list(tokens)
    if not tokens:
        return None
    nations = _nations(tokens[0].doc)
    for t in tokens:
        if t.ent_type_ in ("GPE", "NORP") or t.text in nations:
            ent = next((e for e in doc_ents(t.doc) if e.start <= t.i < e.end), None)
            if ent is not None and ent.label_ in ("GPE", "NORP"):
                return re.sub(r"^(?:the|The)\s+|['’]s?$", "", ent.text)
            return t.text
    return None


def _by_agents(by) -> list[tuple[str, str | None]]:
    """(agent text, party) of the objects of a "by" (a passive's agent, "strikes by X")."""
    out = []
    for c in by.children:
        if c.dep_ == "pobj":
            sub = list(c.subtree)
            out.append((" ".join(x.text for x in sub), _party(sub)))
    return out


def agents(tokens, ops: set[str]) -> list[tuple[str, str | None]]:
    """(agent text, party) pairs for the operations/harm words among ``tokens``."""
    out = []
    for t in tokens:
        w = t.text.lower()
        if t.dep_ == "agent":  # passive by-phrase
            out += _by_agents(t)
            continue
        if w not in ops:
            continue
        if t.pos_ in ("NOUN", "PROPN"):
            for c in t.children:
                if c.dep_ == "prep" and c.text.lower() == "by":
                    out += _by_agents(c)
                elif c.dep_ == "poss":
                    sub = list(c.subtree)
                    out.append((" ".join(x.text for x in sub), _party(sub) or
                                ("we" if c.text.lower() in FIRST_PERSON else None)))
                elif c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE"):
                    out.append((c.text, _party([c])))
        elif t.pos_ == "VERB" and t.tag_ != "VBN" or (t.pos_ == "VERB" and any(
                c.dep_ == "aux" for c in t.children) and not any(c.dep_ == "auxpass" for c in t.children)):
            for c in t.children:
                if c.dep_ == "nsubj":
                    sub = [x for x in c.subtree if x.dep_ not in ("relcl", "acl") and x.i <= c.i + 3]
                    party = _party(sub) or ("we" if c.text.lower() in FIRST_PERSON else None)
                    if party is None and any(x.text.lower() in ("its", "their") for x in sub):
                        # "Azerbaijan ... claims that its forces did not target": the nearest nation before
                        before = [x for x in t.sent if x.i < c.left_edge.i]
                        party = _party(reversed(before))
                    out.append((" ".join(x.text for x in sub), party))
    return out


def _np_tokens(tok, depth: int = 3) -> list:
    """Tokens of ``tok``'s noun phrase down to ``depth`` levels, not entering clauses."""
    out, frontier = [], [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj", "appos"):
                    continue
                out.append(c)
                nxt.append(c)
        frontier = nxt
    return out


def frame_agents(sent, ix, reporting) -> list[tuple[str, str | None]]:
    """Nations named as possessor or by-agent of the arguments of a sentence's main
    verb and its reported clauses ("commended Azerbaijan's strict observance",
    "the observance by the Armed Forces of X was commended")."""
    out = []
    root = sent.root
    if root.i not in ix.frame_roots:
        return out  # no possessor or "by" close enough below the root
    reporting = reporting.fullmatch(root.text) is not None
    verbs = ([] if reporting else [root]) + [c for c in root.children if c.dep_ == "ccomp"]
    for v in verbs:
        for arg in v.children:
            if arg.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            for c in _np_tokens(arg):
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.text.lower() == "by"):
                    sub = list(c.subtree)
                    p = _party(sub)
                    if p:
                        out.append((" ".join(x.text for x in sub), p))
    return out


class SentenceAgents:
    """The agents that name a party in each sentence of an article (its operations'
    agents, :func:`agents`, then :func:`frame_agents`), by sentence number; each
    sentence is read when first asked for. ``ix`` is the claims stage's Doc
    index, ``reporting`` its pattern of reporting cues."""

    def __init__(self, sents: list, ix, reporting):
        self.sents = sents
        self.ix = ix
        self.reporting = reporting
        self.got: dict[int, list[tuple[str, str | None]]] = {}

    def __getitem__(self, k: int) -> list[tuple[str, str | None]]:
        got = self.got.get(k)
        if got is None:
            s = self.sents[k]
            found = self.ix.agents_in(s.start, s.end) + frame_agents(s, self.ix, self.reporting)
            got = self.got[k] = [a for a in found if a[1]]
        return got


def speaker_party(doc, quote: Quote | None) -> str | None:
    if quote is None:
        return None
    for txt in (quote.speaker_affiliation, quote.speaker_role):
        if txt:
            m = re.search(r"\b([A-Z][a-z]+(?:i|ian|ese|ish|n)?)\b", txt)
            if m:
                return m.group(1)
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    lo, hi = quote.speaker_start - 60, quote.speaker_end + 60
    for e in doc_ents(doc):
        if e.label_ in ("GPE", "NORP") and lo <= e.start_char and e.end_char <= hi \
                and not (quote.start <= e.start_char < quote.end):
            sent = doc[e.start].sent
            if sent.start_char <= quote.speaker_start < sent.end_char:
                return e.text
    return None

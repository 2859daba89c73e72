"""Attribution: the cue and speaker of a quote, and relays.

The speaker is the subject of the cue clause after the quote ("…,” X said /
said X") or before it ("X said: “…”", "According to X, “…”"), a dash
attribution ("…” — Deputy Minister X"), or the subject of a cue verb that
governs a quote inside its sentence. A relay ("X said on X, Y reports") gives
``relayed_by`` Y. Speaker records are plain dicts: ``text`` (the words that
name the speaker), ``start``/``end`` (the named mention it resolves to, or
``None``), ``role`` and ``aff`` (affiliation).

Method after Pareti (2016, PARC 3.0: cue, source, content).
"""
from __future__ import annotations

import bisect
import re

from rashomon.annotate import SPANS_KEY, load_titles
from rashomon.extract import coref
from rashomon.extract.cue_subjects import after_cue, cue_after_mistagged
from rashomon.extract import speakers as sp
from rashomon.extract.complements import adverbial, setting
from rashomon.extract.coref import Discourse
from rashomon.extract.cue_senses import speechless_source
from rashomon.extract.direct import Seg
from rashomon.extract.docindex import DocIndex, rstrip_pos, sentence_end
from rashomon.extract.lemmas import lemma
from rashomon.extract.speakers import Speaker, according_to

def speaker_from_subject(ctx: DocIndex, subj, disc: Discourse) -> Speaker | None:
    """The speaker record of a cue's subject (or agent, or "according to" object).

    A pronoun resolves through :meth:`Discourse.resolve_pronoun` (a relative
    "who" to the noun its clause modifies); a name gives its named mention with
    role and affiliation; a common noun with an apposed name ("the mayor of X,
    John Carter,") gives the name; any other noun phrase goes to
    :meth:`Discourse.describe` (a descriptor or an unnamed source). A subject in
    a dateline ("GENEVA (Reuters) –") is never the speaker: its apposition after
    the dateline is, else ``None``.
    """
    if speechless_source(subj):
        return None  # "Banners read …", "40 000 people marched to say …": no one who spoke
    low = subj.lower_
    if low in sp.PRONOUNS_RELATIVE and subj.head.dep_ == "relcl" and subj.head.head.i != subj.head.i:
        subj = subj.head.head  # "Cruz, who said …": the noun the relative clause modifies
        low = subj.lower_
    if low in coref.PRONOUN_FEATURES or low in sp.PRONOUNS_SELF:
        found = disc.resolve_pronoun(subj)
        if found is None and (other := next((c for c in subj.children if c.dep_ == "conj"), None)) is not None \
                and (ns := ctx.name_span(other)) is not None:
            return disc.named(other, ns)  # "he and Mr. Allen said": the speaker the text names
        return found or Speaker(text=subj.text)
    if ctx.in_dateline(subj.idx):
        # "DOVER -- Mayor X, …, said": the parse made the dateline the subject and the speaker its apposition
        subj = next((c for c in subj.children if c.dep_ == "appos" and not ctx.in_dateline(c.idx)), None)
        if subj is None:
            return None
    if subj.pos_ == "NOUN" and (person := _name_after_role(ctx, subj, disc)) is not None:
        return person
    ns = ctx.name_span(subj)
    if ns is not None and (after := _name_after_title(ctx, ns)) is not None:
        return disc.named(after, ctx.name_span(after))  # "Navy Capt. Jeff Davis" cut at the title's period
    if ns is not None and not _title_only(ctx.text[ns[0]:ns[1]]):
        return disc.named(subj, ns)
    if ns is None and (ns := disc.surname_span(subj)) is not None:
        return disc.named(subj, ns)  # "Sanders" tagged a common noun where "Bernie Sanders" is named
    if (subj.is_punct or subj.is_space) and subj.text != "%":  # "85% of voters said": a share of a group speaks
        return None
    if ns is not None:  # "President of Ukraine Volodymyr Zelensky": the person named after the title
        person = next((t for t in subj.subtree if t.ent_type_ == "PERSON" and t.i > subj.i), None) or \
            next((t for t in subj.subtree if t.pos_ == "PROPN" and t.dep_ == "pobj" and t.i > subj.i
                  and not _place_only(ctx, t)), None)
        if person is not None and (pns := ctx.name_span(person)) is not None:
            pns = _after_places(ctx, pns)
            spk = disc.named(person, pns)
            spk.role = spk.role or ctx.text[ns[0]:pns[0]].strip()
            return spk
    return disc.describe(subj)


def _name_after_title(ctx: DocIndex, ns: tuple[int, int]):
    """The person named right after a name that ends in a title ("Navy Capt." +
    "Jeff Davis", split by the period), or ``None``."""
    words = ctx.text[ns[0]:ns[1]].split()
    if not words or words[-1].lower().rstrip(".") not in load_titles()[0]:
        return None
    k = ctx.tok_range(ns[1], ns[1] + 3)
    for i in range(k.start, min(k.stop + 1, len(ctx.doc))):
        t = ctx.doc[i]
        if t.ent_type_ == "PERSON" and ctx.name_span(t) is not None:
            return t
        if not t.is_punct:
            break
    return None


def _name_after_role(ctx: DocIndex, subj, disc: Discourse):
    """The person named right after a role noun the parse took for the subject
    ("…,” mused Harbor Radio co-host Lena Dorsey": the hyphen splits the role
    and "co" becomes the subject): a role written before a name is a title of
    that name (AP Stylebook, "titles": a formal title before a name), so the
    name speaks. Only nouns, proper nouns and hyphens may come between;
    ``None`` when no person name follows."""
    doc = ctx.doc
    for k in range(subj.i + 1, min(len(doc), subj.i + 6)):
        t = doc[k]
        if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and (ns := ctx.name_span(t)) is not None and ns[0] > subj.idx:
            spk = disc.named(t, ns)
            spk.role = spk.role or ctx.text[subj.idx:ns[0]].strip()
            return spk
        if t.pos_ not in ("NOUN", "PROPN") and t.tag_ != "HYPH" and t.text != "-":
            return None
    return None


def _before_cue(ctx: DocIndex, close_pos: int, verb):
    """The speaker named between a closing mark and its cue, where the parse hung
    the name on the quote ("…,” Gene Sperling, a Clinton adviser, said"): the
    head of the phrase that opens the words after the mark, when only an
    apposition set off by commas follows it before the cue."""
    r = ctx.tok_range(close_pos + 1, verb.idx)
    toks = [ctx.doc[k] for k in range(r.start, r.stop) if not ctx.doc[k].is_space]
    while toks and toks[0].is_punct:
        toks = toks[1:]
    head = None
    for k, t in enumerate(toks):
        if t.text == ",":
            rest = toks[k + 1:]
            if rest and rest[-1].text != ",":
                return None  # not an apposition closed before the cue
            break
        named = t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and t.text[:1].isupper()  # whatever its tag
        if t.pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "NUM") and t.tag_ not in ("POS", "HYPH") and \
                t.text != "-" and not named:
            return None
        if t.pos_ in ("PROPN", "NOUN") or named:
            head = t
    return head


def _after_places(ctx: DocIndex, ns: tuple[int, int]) -> tuple[int, int]:
    """``ns`` without the place names of the gazetteer that open it ("Ukraine
    Volodymyr Zelensky", read as one name by the tagger, → "Volodymyr Zelensky")."""
    s, e = ns
    for span in ctx.doc.spans.get(SPANS_KEY, []):
        if span.start_char == s and span.end_char < e and span.label_ in ("GPE", "LOC", "NORP"):
            s = span.end_char
            while s < e and ctx.text[s].isspace():
                s += 1
    return s, e


def _place_only(ctx: DocIndex, tok) -> bool:
    """Whether a name is a place and nothing more ("Ambassador to France": a post,
    not a person; "President of Ukraine Volodymyr Zelensky" names one)."""
    ns = ctx.name_span(tok)
    if ns is None or tok.ent_type_ not in ("GPE", "LOC", "FAC", "NORP"):
        return False
    s, e = _after_places(ctx, ns)
    return s >= e or s == ns[0] and tok.ent_type_ in ("GPE", "LOC") and ctx.text[s:e] == sp.ent_of(tok).text


def _title_only(name: str) -> bool:
    """Whether a name is only title words ("President", "Sen."): no one is named."""
    titles = load_titles()[0]
    return all(w.lower().rstrip(".") in titles for w in name.split())


def cue_info(ctx: DocIndex, verb) -> dict:
    """Cue word, its span, and the time expression of its clause ("on Friday")."""
    date_text = None
    for c in verb.children:
        if c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME")]
            if objs:
                date_text = ctx.text[c.idx:objs[0].right_edge.idx + len(objs[0].right_edge.text)]
                break
        if c.dep_ in ("npadvmod", "tmod") and c.ent_type_ in ("DATE", "TIME"):
            date_text = ctx.text[c.left_edge.idx:c.right_edge.idx + len(c.right_edge.text)]
            break
    return {"cue": verb.text, "cue_start": verb.idx, "cue_end": verb.idx + len(verb.text), "date_text": date_text}


def cue_subject(ctx: DocIndex, verb):
    """The cue's subject in the cue's own paragraph (:func:`speakers.subject_of`);
    where the parse ran across a line break (a headline without a full stop), the
    name or nominal right before the cue at the start of its line."""
    pi = ctx.para_of(verb.idx)
    subj = sp.subject_of(verb)
    if subj is not None and ctx.para_of(subj.idx) == pi:
        return subj
    if subj is None and (found := _participle_host(ctx, verb) or _gerund_host(ctx, verb)
                         or _name_before(ctx, verb)) is not None:
        return found
    k = verb.i - 1
    while k >= 0 and ctx.doc[k].pos_ == "ADV":
        k -= 1
    if k < 0:
        return None
    t = ctx.doc[k]
    if t.pos_ in ("PROPN", "NOUN", "PRON") and ctx.para_of(t.idx) == pi:
        left = t.idx
        if t.pos_ == "PROPN":
            ns = ctx.name_span(t)
            left = ns[0] if ns else t.idx
        if not ctx.text[ctx.paras[pi].start:left].strip():
            return t
    return None


def _participle_host(ctx: DocIndex, verb):
    """The subject of the clause a participial cue follows ("X seemed ready to
    joke, telling the crowd, “…”"), where the parse hung the participle on the
    words of the quote after it: the subject of the sentence's root, when the
    root comes before the cue and the cue, with no subject of its own, follows
    a comma."""
    if verb.tag_ != "VBG" or verb.i == 0 or ctx.doc[verb.i - 1].text != "," or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    root = ctx.doc[ctx.sentence_start(verb.i)]
    while root.head.i != root.i:
        root = root.head
    if root.i > verb.i:
        return None
    return next((c for c in root.children if c.dep_ == "nsubj"), None)


_CONTROLLERS = {"him", "her", "them", "us", "me"}


def _gerund_host(ctx: DocIndex, verb):
    """Who speaks in a gerund cue the parse hung under a noun or a preposition
    ("X spent much of the campaign railing against …"): going up to the first
    verb with a subject, its object when that object is a person named before
    the gerund ("accused him of railing": him), else its subject."""
    if verb.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    v = verb
    for _ in range(5):
        if v.dep_ not in ("pobj", "pcomp", "prep", "dobj", "xcomp", "compound") or v.head.i == v.i:
            return None
        v = v.head
        if v.pos_ not in ("VERB", "AUX"):
            continue
        obj = next((c for c in v.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None and (obj.lower_ in _CONTROLLERS or obj.ent_type_ == "PERSON"):
            return obj
        return next((c for c in v.children if c.dep_ == "nsubj"), None)
    return None


def _name_before(ctx: DocIndex, verb):
    """The name right before a cue the parse left without a subject, past an
    apposition set off by commas ("As part of his plea, Marek Lazar, 44, said
    …"), in the cue's sentence; ``None`` when no name is there."""
    k = verb.i - 1
    while k >= 0 and ctx.doc[k].pos_ == "ADV":
        k -= 1
    if k >= 0 and ctx.doc[k].text == ",":
        j = k - 1
        while j >= 0 and k - j <= 10 and ctx.doc[j].text != "," and ctx.doc[j].pos_ not in ("VERB", "AUX"):
            j -= 1
        if j < 0 or ctx.doc[j].text != ",":
            return None
        k = j - 1
    if k < 0 or ctx.sentence_of(k) != ctx.sentence_of(verb.i):
        return None
    t = ctx.doc[k]
    return t if t.pos_ == "PROPN" and ctx.name_span(t) is not None else None


def _comma_near_end(text: str) -> bool:
    r"""Whether a comma in ``text`` is followed by one to four words up to its
    end ("…, News.Az" before a relay cue): the test of the pattern
    ``,\s*\S+(\s+\S+){0,3}\s*$``, done on the last five words so that a long
    run of commas is read once (the pattern retried it from each comma)."""
    last = text.rsplit(None, 5)[-5:]
    for k, word in enumerate(reversed(last), 1):  # k: the word's place from the end
        if ("," in word[:-1] and k <= 4) or (word.endswith(",") and 2 <= k <= 5):
            return True  # k words follow a comma inside the word; k - 1 follow one at its end
    return False


def speaker_fields(spk: Speaker) -> dict:
    """The ``speaker_*`` fields of a Quote from a speaker record."""
    return {"speaker_text": spk.text, "speaker_start": spk.start, "speaker_end": spk.end,
            "speaker_role": spk.role, "speaker_affiliation": spk.aff,
            "speaker_descriptor_start": spk.desc_start, "speaker_descriptor_end": spk.desc_end}


def relay_fields(relay: dict) -> dict:
    """The ``relayed_by_*`` fields of a Quote from a :func:`relay_of` record."""
    return {"relayed_by_text": relay["text"], "relayed_by_start": relay["start"], "relayed_by_end": relay["end"]}


# "a statement carried by state media": participles that make their agent a relay (OWN, after APS "credit")
CARRIED = {"carried", "published", "quoted", "cited", "reported", "relayed", "aired", "broadcast", "posted",
           "released", "distributed", "circulated", "shared"}


def carried_by(ctx: DocIndex, verb) -> dict | None:
    """The relay of "X said in a statement carried by Y …": Y, the agent of a
    participle on the cue's speech noun, or ``None``."""
    for c in verb.children:
        if c.dep_ != "prep" or c.i < verb.i:
            continue
        for n in c.children:
            if n.dep_ != "pobj" or n.lower_ not in ctx.lex.speech_nouns:
                continue
            for a in n.children:
                if a.dep_ == "acl" and a.lower_ in CARRIED:
                    agent = next((g for ag in a.children if ag.dep_ == "agent" for g in ag.children
                                  if g.dep_ == "pobj"), None)
                    if agent is not None:
                        ns = ctx.name_span(agent) or sp.noun_phrase(agent)
                        return {"text": ctx.text[ns[0]:ns[1]], "start": ns[0], "end": ns[1], "cue_tok": a}
    return None


def _ends_clause(ctx: DocIndex, cue) -> bool:
    """Whether a cue closes its sentence ("…, Y reports." / "…, Y reported on
    Friday."): at most four words after it, none of them a verb."""
    rest = [t for t in ctx.doc[cue.i + 1:ctx.sentence_end(cue.i)] if not t.is_punct and not t.is_space]
    return len(rest) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in rest)


_CONTRAST = {"while", "whereas"}


def relay_of(ctx: DocIndex, verb) -> dict | None:
    """A relaying outlet for a cue: "X said …, Y reports" (Y's cue governs X's, or
    closes the same paragraph right after X's clause), or "X said in a statement
    carried by Y" (:func:`carried_by`)."""
    lex = ctx.lex
    if (found := carried_by(ctx, verb)) is not None:
        return found
    h = verb.head
    cand = None
    if verb.dep_ in ("ccomp", "parataxis") and h.i != verb.i and ctx.cue_lemma(h) in lex.relay:
        if any(verb.i < c.i < h.i and c.dep_ == "advcl" and any(m.lower_ in _CONTRAST for m in c.children)
               for c in h.children):
            return None  # "A, X reported, while B, Y reported": two attributions, Y relays nothing of X's
        cand = h
    else:
        # parse split at a dotted name ("News.Az reports."): look right in the paragraph
        p = ctx.paras[ctx.para_of(verb.idx)]
        stop = ctx.sentence_end(verb.i)
        if stop < len(ctx.doc):
            stop = ctx.sentence_end(stop)  # this sentence and the next
        stop = min(stop, bisect.bisect_left(ctx.tok_starts, p.end))  # and the paragraph
        for k in ctx.relay_cues[bisect.bisect_right(ctx.relay_cues, verb.i):]:
            if k >= stop:
                break
            t = ctx.doc[k]
            if t.head.i == verb.i or t.tag_ == "VBG" or not _ends_clause(ctx, t):
                continue  # "X echoed the plan, saying …", "In his state, Y said, …": no outlet relaying
            if not any(c.dep_ == "ccomp" for c in t.children) and ctx.text[verb.idx:t.idx].count(",") >= 1:
                between = ctx.text[verb.idx + len(verb.text):t.idx]
                if between.rstrip().endswith((",",)) or _comma_near_end(between):
                    cand = t
                    break
    if cand is None:
        return None
    subj = cue_subject(ctx, cand)
    if subj is None:
        subj = next((t for t in reversed(list(ctx.toks_in(cand.idx - 40, cand.idx))) if t.pos_ == "PROPN"), None)
    if subj is None:
        return None
    ns = ctx.name_span(subj) or (sp.word_span(subj) if subj.text[:1].isupper() else None)
    if ns is None:
        return None
    return {"text": ctx.text[ns[0]:ns[1]], "start": ns[0], "end": ns[1], "cue_tok": cand}


_DASH_ATTRIBUTION = re.compile(r"\s*[—―–-]\s*(\S.*)$")  # "…” — Deputy Minister X"
_CREDIT_LINE = re.compile(r"[—―–-]{0,2} ?(?:additional\s+)?(?:reporting|writing|editing|compiled|contributed|"
                          r"research|translated|produced)\b|[^\n]{0,80}contributed to this", re.I)


def _dash_line(text: str):
    """The match of a dash attribution on ``text``; ``None`` for a credit line ("-- additional reporting
    from X", "— Writing by X"): who wrote the story, not a speaker (AP Stylebook, "contributed to this report")."""
    m = _DASH_ATTRIBUTION.match(text)
    return None if m is None or _CREDIT_LINE.match(m.group(1)) else m


def attribute_tail(ctx: DocIndex, close_pos: int, disc: Discourse):
    """Speaker after a closing mark: "…,” X, the adviser, wrote" / "…,” said X" /
    "…” — Deputy Minister X" / "…” — a night-shift operator". Returns (speaker,
    cue verb token) or (None, None)."""
    text = ctx.text
    p = ctx.paras[ctx.para_of(close_pos)]
    while close_pos + 1 < p.end and text[close_pos + 1] in "'’”\"":
        close_pos += 1  # "… at all,''' said X": the nested quote closes with the outer one (Chicago 6.11)
    tail = text[close_pos + 1:min(p.end, close_pos + 161)]  # a bounded window: no per-quote paragraph copy
    m = _dash_line(tail) if p.end - close_pos - 1 <= 200 else None
    if m:
        return _dash_speaker(ctx, close_pos + 1 + m.start(1), p.end, disc), None
    pi = ctx.para_of(close_pos)
    if not tail.strip() and pi + 1 < len(ctx.paras):  # the dash line under a quote ("“…” ¶ — Name, role")
        nxt = ctx.paras[pi + 1]
        m = _dash_line(nxt.text)
        if m and nxt.end - nxt.start <= 200:
            return _dash_speaker(ctx, nxt.start + m.start(1), nxt.end, disc), None
    if re.match(r"\s*[,.]?\s*$", tail[:1]) is None and not tail[:1].isspace() and tail[:1] not in ",.":
        return None, None
    end_tail = sentence_end(text, close_pos + 1, p.end)
    r = ctx.tok_range(close_pos + 1, end_tail)
    for k in range(r.start, r.stop):
        if k in ctx.cue_lemmas:
            t = ctx.doc[k]
            if t.idx - close_pos > 200:
                break
            if text[close_pos - 1] in ".!?" and any(c.dep_ == "ccomp" and c.idx > close_pos for c in t.children):
                break  # "“… tragedy.” X told reporters that …" / "“…” “…,” X said": a cue with content of its own
            if text[close_pos - 1] == "." and any(c.dep_ in ("dobj", "xcomp") and c.idx > t.idx for c in t.children) \
                    and ctx.cue_lemma(t) not in ctx.lex.recipient:
                break  # "… called the plan “rushed.” Y called the vote “a farce”": the next sentence's own attribution
            subj = cue_subject(ctx, t)
            if subj is None or subj.idx < close_pos or disc.in_quote(subj.idx):  # never a word of a quoted
                subj = (after_cue(t) or _before_cue(ctx, close_pos, t)) if t.idx > close_pos else None  # title
            if subj is not None and subj.idx > close_pos:
                return speaker_from_subject(ctx, subj, disc), t
    if (found := cue_after_mistagged(ctx.doc, r)) is not None:
        return speaker_from_subject(ctx, found[0], disc), found[1]
    return None, None


def _dash_speaker(ctx: DocIndex, s: int, limit: int, disc: Discourse) -> Speaker | None:
    """The speaker a dash attribution names ("— Deputy Minister Anna Berg", "— a
    night-shift operator, who asked not to be named"): its first name, with the
    words before it as role; else the noun phrase it starts with, described.
    Source: PolNeAR guidelines ("a dash followed by the speaker's name" is a cue)."""
    end = min(limit, s + 120)
    comma = ctx.text.find(",", s, end)
    toks = list(ctx.toks_in(s, comma if comma > s else end))
    for t in [t for t in toks if t.ent_type_ in ("PERSON", "ORG")] + toks:
        if t.dep_ in ("compound", "nmod", "poss", "amod") and t.head.pos_ == "NOUN" and t.head.i > t.i:
            continue  # "a CDU-2 operator": the name qualifies a description
        ns = ctx.name_span(t)
        if ns is not None and ns[0] >= s:
            spk = disc.named(t, ns)
            spk.role = ctx.text[s:ns[0]].strip(" ,") or spk.role
            return spk
    heads = [t for t in toks if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod", "nmod", "poss")]
    return disc.describe(heads[0]) if heads else None


def noun_source(ctx: DocIndex, noun):
    """The source of a speech noun: a possessive or compound name ("Trump's claim",
    "the Rubio statement"), a "by"/"from" agent, the subject of the support verb
    the noun is the object of ("X issued a statement", never "X rejected the
    claim": ``speech_nouns.support`` in ``data/cues.yaml``) or of a relative clause on it
    ("a speech X gave"); ``None`` when none is named."""
    src = next((c for c in noun.children if c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if src is None:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                src = next((g for g in c.children if g.dep_ == "pobj"), None)
    if src is None and noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and lemma(noun.head) in ctx.lex.support_verbs:
        src = cue_subject(ctx, noun.head)
    return src if src is not None else relative_owner(noun)


def relative_owner(noun):
    """The subject of a relative clause that gives a speech noun its author ("a
    speech the mayor delivered", "the statement she issued"), or ``None``; a
    relative pronoun ("a letter that reached us") is none."""
    for c in noun.children:
        if c.dep_ == "relcl" and c.i > noun.i:
            subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in sp.PRONOUNS_RELATIVE and subj.i < c.i:
                return subj
    return None


def attribute_head(ctx: DocIndex, open_pos: int, disc: Discourse):
    """Speaker before an opening mark: "X said: “…”", "X told civilians: “…”",
    "According to X, “…”"; also a previous paragraph ending in a colon."""
    text = ctx.text
    pi = ctx.para_of(open_pos)
    p = ctx.paras[pi]
    lead_end = rstrip_pos(text, p.start, open_pos)
    if lead_end == p.start and pi > 0 and ctx.paras[pi - 1].text.rstrip().endswith(":"):
        p = ctx.paras[pi - 1]
        lead_end = rstrip_pos(text, p.start, p.end)
    if lead_end == p.start:
        return None, None
    if text[lead_end - 1] == "." and (bare := _bare_cue(ctx, lead_end - 1)) is not None:
        subj = cue_subject(ctx, bare)
        return (speaker_from_subject(ctx, subj, disc), bare) if subj is not None else (None, None)
    if text[lead_end - 1] not in ":,":
        last = ctx.tok_at(lead_end - 1)
        if last is None or last.i not in ctx.cue_lemmas:
            return None, None  # "a man yelled “Stay there!”": a cue right before the quote also opens it
    s = max(p.start, lead_end - 300)
    m = list(re.finditer(r"[.!?]\s", text[s:lead_end]))
    if m:
        s = s + m[-1].end()
    r = ctx.tok_range(s, lead_end)
    for k in reversed(range(r.start, r.stop)):
        if k in ctx.cue_nouns and (owner := noun_source(ctx, ctx.doc[k])) is not None and owner.idx < open_pos:
            return speaker_from_subject(ctx, owner, disc), ctx.doc[k]  # "X issued a statement, “…”"
        if k not in ctx.cue_lemmas and k not in ctx.according:
            continue
        t = ctx.doc[k]
        if ctx.cue_lemma(t):
            subj = cue_subject(ctx, t)
            if subj is not None and subj.idx < open_pos:  # never a word of the quote ("…, “do you think …?”")
                return speaker_from_subject(ctx, subj, disc), t
        if t.lower_ == "according":
            obj = according_to(t)
            if obj is not None:
                return speaker_from_subject(ctx, obj, disc), t
    if text[lead_end - 1] == ":" and (label := _colon_label(ctx, s, lead_end - 1)) is not None:
        return speaker_from_subject(ctx, label, disc), ctx.tok_at(lead_end - 1)  # the colon is the cue
    return None, None


# verbs of saying whose content is obligatory (Quirk et al. 1985, 16.31: "say" and "tell"
# take a that-clause or a quotation): without one in their sentence the quote after is it;
# "X disagreed." or "X responded." is complete as it stands
_INTRODUCING = frozenset({"say", "tell", "write", "add", "state", "declare"})


def _bare_cue(ctx: DocIndex, period: int):
    """The cue of a sentence ending at ``period`` that gives no content of its own
    ("X said in a statement.", "X told reporters on Monday."): such a sentence
    introduces the quote after it as a colon would (AP Stylebook, colon and
    attribution; PolNeAR guidelines: the cue and source may precede the content
    across a sentence boundary). ``None`` for any other sentence."""
    stop = ctx.tok_at(period)
    if stop is None or stop.text != "." or stop.head.i == stop.i:
        return None
    root = stop.head
    if ctx.cue_lemmas.get(root.i) not in _INTRODUCING or root.dep_ != "ROOT":
        return None
    if any(c.dep_ in ("ccomp", "csubj", "parataxis") for c in root.children):
        return None  # "The port will reopen, he said.": the content is before it
    rights = [c for c in root.rights if not c.is_punct and c.i < stop.i]
    return root if all(setting(ctx, c) for c in rights) else None


_DASHES = ("—", "–", " - ")


def _colon_label(ctx: DocIndex, s: int, colon: int):
    """The source a colon introduces when no cue does ("… – Pew Research: “…”",
    "Marsh: “…”", "From the report: “…”"): a name that opens its sentence, or
    the words after a dash, right before the colon; or any noun phrase after
    "from". Page furniture labels ("Photo:", "Update:") are none. Source: PolNeAR
    guidelines (a colon after a source is the cue)."""
    from rashomon.extract.interview import FURNITURE_LABELS  # (interview reads this module)

    last = ctx.tok_at(colon - 1)
    while last is not None and last.i > 0 and last.is_punct and last.idx >= s:
        last = ctx.doc[last.i - 1]
    if last is None or last.idx < s or last.pos_ not in ("PROPN", "NOUN"):
        return None
    ns = ctx.name_span(last)
    start = ns[0] if ns is not None else sp.noun_phrase(last)[0]
    if ctx.text[start:colon].strip().lower() in FURNITURE_LABELS:
        return None
    before = ctx.text[s:start]
    cut = max(before.rfind(d) for d in _DASHES)
    if cut >= 0:
        before = before[cut:].lstrip("—–- ")
    words = before.lower().split()
    if len(words) == 1 and words[0] in sp.INVERTED_CUES and ns is not None:
        return last  # "Said Marsh: “…”": an inverted cue before the name
    if words and words[-1] == "from":
        return last  # "From the report: “…”", "More from Pew: “…”"
    return last if ns is not None and not words else None


def governing_cue(ctx: DocIndex, seg: Seg):
    """For a quote inside a sentence ("X said Baku is ready to help “wounded …”"),
    the cue verb above it in the parse and its subject; else a cue in an "as"
    clause on the sentence's root ("As X put it, the port is “…”")."""
    toks = [t for t in ctx.toks_in(seg.start, seg.end) if not t.is_space]
    if not toks:
        return None, None
    p = ctx.paras[seg.para]
    outside = [t for t in toks if not (seg.start <= t.head.idx < seg.end)]
    below = outside[0] if outside else toks[0]
    t, nested = below.head, None
    for _ in range(8):
        if not (p.start <= t.idx < p.end):
            break
        if ctx.cue_lemma(t) and not (seg.start <= t.idx < seg.end):
            subj = cue_subject(ctx, t)
            if subj is not None and not (seg.start <= subj.idx < seg.end) and p.start <= subj.idx < p.end:
                if not adverbial(ctx, t, below):
                    return subj, t
                nested = nested or (subj, t)  # "said the agency had been alerted “within minutes”": the outer cue's
        if t.head.i == t.i:
            break
        below, t = t, t.head
    if nested is not None:
        return nested
    for c in t.children:  # "As X put it, the ferry is “the only road”": an "as" clause on the quote's clause
        if c.dep_ == "advcl" and not (seg.start <= c.idx < seg.end) and ctx.cue_lemma(c) and \
                any(m.lower_ == "as" and m.dep_ in ("mark", "advmod") for m in c.children):
            subj = cue_subject(ctx, c)
            if subj is not None and not (seg.start <= subj.idx < seg.end) and p.start <= subj.idx < p.end:
                return subj, c
    return None, None


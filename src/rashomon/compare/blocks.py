"""Blocks of claims that answer one question, found through their propositions.

Comparison is blocked, never all against all (each block holds at most
``MAX_BLOCK`` claims): a claim enters a block through a key its proposition
carries, and :mod:`rashomon.compare.relations` compares claims inside a block
only. Claims about a background event and claims whose stance is not a report
of what happened (a promise, an intention, a question, not knowing) enter
none (:attr:`~rashomon.compare.views.View.comparable`). One block per question,
after the kinds of contradiction of de Marneffe, Rafferty & Manning (2008):

* ``measure``: figures that count the same thing (deaths, injured, detained,
  participants, a sum of money, a radius…);
* ``existence``: whether a thing existed, was used or happened. A claim that
  says it did not ("No pepper spray or plastic bullets were used", "the alarms
  never sounded", "charged without warning", "the inspection was overdue")
  keys the block by its theme's head nouns and their noun modifiers (pepper,
  spray, plastic, bullet); denials whose keys meet form one block (union-find),
  and every claim that mentions a key joins it. A key in more than
  ``MAX_DF_SHARE`` of the claims (and more than ``MIN_DF_LIMIT``) keys nothing;
* ``same``: one predicate (or one class of counted events: die, kill) over one
  head noun, when some claim negates it ("the ministry denied that its troops
  mined the bridge" / "the bridge had been mined by the rebels"); the pair of predicate
  and noun is selective, so a common noun keys it too. A negated "that is …"
  (a judgement on something said) and an anaphoric denial ("rejected that
  account") enter no block but ``measure``;
* ``attribution``: who ordered or caused it: claims of a responsibility class
  that name who did it (or deny that someone did);
* ``antonym``: antonymous predicates over one head noun (accept/reject);
* ``time``: claims of one predicate class that give a time of day;
* ``purpose``: affirmed claims of one predicate class over one head noun that
  say why the act was done ("the shutdown was cancelled to save money");
* ``date``: claims that date one act on one thing ("the bridge was finished in
  1931" / "the bridge, built in 1932"), whatever period their article is of;
* ``mechanism``: claims that say how a structure was destroyed, from inside
  (a blast within it) or from outside (shelling, strikes):
  :mod:`rashomon.compare.mechanism`;
* ``figure``: claims that give a figure of one unit and stuff ("18 cubic
  kilometres of water"), of any period: :mod:`rashomon.compare.figures`;
* ``knowledge``: whether someone knew of a thing: the claims that deny knowing
  ("the firm had not known of any leak", "we had no report of a leaking valve"),
  joined where their topics meet, with every claim that the knower knew or that
  the thing was reported;
* ``compound``: affirmed claims that name one thing by the same noun compound
  ("armoured truck", "cooling pipe"): where two holders do, they agree it was there.

Each block's label is generated from its propositions: "deaths in the
explosion, 3 Mar 2031", "whether pepper spray or plastic bullets were used", "who
ordered the clearing of the camp", "whether the invitation to mediation was
accepted or rejected".
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from rashomon.compare.claim_views import views
from rashomon.compare.views import (PEOPLE_COUNTS, View, as_written, attribution_key, nominalises, specific_theme,
                                    speech_act)
from rashomon.compare.figures import figure_keys
from rashomon.compare.kinds import is_kind
from rashomon.compare.mechanism import way
from rashomon.extract.propositions import STOP, lexicon as predicate_lexicon
from rashomon.extract.times import clock_times
from rashomon.types import Article, Claim, Entity

MAX_BLOCK = 120
MAX_DF_SHARE = 0.08
MIN_DF_LIMIT = 6
COUNTS_LABEL = {"death": "deaths", "injured": "injured", "detained": "detentions", "treated": "people treated",
                "evacuated": "people evacuated", "participants": "crowd size", "money:cost": "cost",
                "payment": "sum offered or paid", "radius": "radius of the zone", "duration": "how long it lasted",
                "missing": "missing", "year": "year"}
WHO = {"order": "who ordered", "cause": "who caused", "destruction": "who destroyed"}
NEGATORS = ("no ", "not one ", "not a single ", "any ", "none of ", "neither ")
GATHERINGS = {"march", "rally", "protest", "demonstration", "meeting", "strike", "vigil", "gathering"}
_IRREGULAR = {"be": "existed", "hear": "heard", "see": "seen", "shoot": "shot", "throw": "thrown", "find": "found",
              "take_place": "taken place", "go_off": "gone off", "carry_out": "carried out", "give": "given",
              "hit": "hit", "make": "made", "lose": "lost", "win": "won", "fall": "fallen", "rise": "risen",
              "take": "taken", "begin": "begun", "hold": "held", "lead": "led", "send": "sent", "get": "got",
              "blow_up": "blown up", "move_in": "moved in", "know": "known", "tell": "told", "say": "said",
              "leave": "left", "keep": "kept", "put": "put", "set": "set", "cancel": "cancelled",
              "spend": "spent", "pay": "paid", "buy": "bought", "sell": "sold", "raise": "raised"}


def participle(lemma: str | None) -> str:
    """The past participle of a predicate lemma, for labels ("use" → used,
    "fire" → fired, "stop" → stopped, "carry_out" → carried out)."""
    if not lemma:
        return ""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    verb, _, rest = lemma.partition("_")
    if verb in _IRREGULAR:
        done = _IRREGULAR[verb]
    elif verb.endswith("e"):
        done = verb + "d"
    elif verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        done = verb[:-1] + "ied"
    elif len(verb) <= 4 and len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" \
            and verb[-3] not in "aeiou":
        done = verb + verb[-1] + "ed"
    else:
        done = verb + "ed"
    return f"{done} {rest}".strip()


def plain(theme: str | None) -> str:
    """A theme as a label reads it: without its negator or what follows a comma
    ("No pepper spray" → "pepper spray"; "no alarm , nothing on the radio" → "alarm")."""
    t = as_written((theme or "").split(" ,")[0].strip()).replace("€ ", "€").replace("$ ", "$")
    low = t.lower()
    for n in NEGATORS:
        if low.startswith(n):
            t = t[len(n):]
            break
    first, _, rest = t.partition(" ")
    if first.lower() in ("the", "a", "an", "its", "their", "his", "her", "our", "this", "that"):
        t = f"{first.lower()} {rest}".strip()  # "The statutory inspection" inside a label: "the statutory …"
    return t


_PAST = {"know": "knew", "give": "gave", "take": "took", "see": "saw", "go": "went", "come": "came",
         "begin": "began", "fall": "fell", "rise": "rose", "break": "broke", "blow_up": "blew up", "throw": "threw",
         "shoot": "shot", "lose": "lost", "win": "won", "hold": "held", "lead": "led", "send": "sent",
         "strike": "struck", "leave": "left", "bring": "brought", "build": "built", "sell": "sold",
         "pay": "paid", "meet": "met", "find": "found", "hear": "heard", "say": "said", "tell": "told",
         "get": "got", "make": "made", "run": "ran", "write": "wrote", "speak": "spoke", "drive": "drove",
         "catch": "caught", "fight": "fought", "think": "thought", "go_off": "went off", "take_place": "took place"}


def past(lemma: str | None) -> str:
    """The simple past of a predicate lemma, for labels ("know" → knew, "sound" → sounded)."""
    if not lemma:
        return ""
    if lemma in _PAST:
        return _PAST[lemma]
    verb, _, rest = lemma.partition("_")
    return f"{_PAST.get(verb) or participle(verb)} {rest}".strip()


def written(key: str, *texts: str) -> str:
    """A compound key ("crisi staff", "hour strike": singular, lower case) as
    the first text writes it, with a hyphened modifier before it ("crisis
    staff", "24-hour strike"); the key when no text has it."""
    words = r"\s+".join(re.escape(w) + r"[\w'’]*" for w in key.split())
    pattern = re.compile(rf"(?i)(?<![\w-])(?:[\w]+-)?{words}")
    for t in texts:
        m = pattern.search(t)
        if m:
            return m.group(0)
    return key


PARTICLES = {"in", "out", "up", "down", "off", "on", "over", "back", "away", "through", "into"}


def _takes_object(lemma: str) -> bool:
    """Whether a label may put the theme right after the predicate: a verb, or
    a verb with its particle ("moving in", "clearing out"); a verb with a noun
    of an idiom ("take_part", "take_place") needs a preposition a label cannot
    guess ("taking part the crowd" is no English): the theme is left out."""
    rest = lemma.partition("_")[2]
    return not rest or rest in PARTICLES


def gerund(lemma: str | None) -> str:
    """The -ing form of a predicate lemma, for labels ("clear" → clearing, "move_in" → moving in)."""
    if not lemma:
        return ""
    verb, _, rest = lemma.partition("_")
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        verb = verb[:-1]
    elif len(verb) in (3, 4) and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        verb += verb[-1]
    return f"{verb}ing {rest}".strip()


def day_label(iso: str | None) -> str:
    """"2025-10-18" → "18 Oct 2025"; "" for None."""
    if not iso or len(iso) < 10:
        return iso or ""
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    y, m, d = iso[:4], int(iso[5:7]), int(iso[8:10])
    return f"{d} {months[m - 1]} {y}"


def _day(vs: list[View]) -> str:
    days = Counter(v.day for v in vs if v.day)
    return day_label(max(days, key=lambda d: (days[d], d))) if days else ""


def _event_noun(vs: list[View], story_noun: str | None = None, share: float = 0.5) -> str | None:
    """The event noun at least ``share`` of ``vs`` name, else ``story_noun``."""
    nouns = predicate_lexicon()["event_nouns"]
    found = Counter(w for v in vs for w in v.mentions & nouns)
    best = max(found, key=lambda w: (found[w], w)) if found else None
    return best if best and found[best] >= share * len(vs) else story_noun


PRONOUNS = {"it", "this", "that", "these", "those", "them", "they", "him", "her", "us", "me", "you"}
OWNERS = PRONOUNS | {"i", "we", "he", "she", "its", "their", "his", "our", "my", "your"}


def _theme_text(vs: list[View], heads: frozenset | None = None) -> str:
    """The most common theme among ``vs`` (shortest first on a tie) that names
    one of ``heads`` when given, as a label reads it; never a pronoun."""
    found = Counter(plain(v.parts.theme) for v in vs if v.parts and v.parts.theme
                    and v.parts.theme.lower() not in PRONOUNS
                    and (heads is None or any(h in v.parts.theme.lower() for h in heads)))
    return max(found, key=lambda t: (found[t], -len(t))) if found else ""


def measure_label(counts: str, vs: list[View], story_noun: str | None = None) -> str:
    """"deaths in the explosion, 14 May 2024", "crowd size at the march, 18 Oct 2025",
    "cost of the strike"."""
    what = COUNTS_LABEL.get(counts) or (f"sum {participle(counts[6:])}" if counts.startswith("money:")
                                        else f"figure ({counts.replace(':', ' ')})")
    people = counts in PEOPLE_COUNTS
    # a toll belongs to the story's event; a sum or a span to the event its own claims name
    noun = _event_noun(vs, story_noun if people else None, share=0.5 if people else 0.25) \
        if people or counts.startswith("money") or counts == "duration" else None
    if noun:
        prep = "at" if people and noun in GATHERINGS else ("in" if people else "of")
        what += f" {prep} the {noun}"
    day = _day(vs)
    return f"{what}, {day}" if day else what


class _Keys:
    """Union-find over existence keys: denials whose keys meet are one question."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, keys) -> None:
        keys = sorted(keys)  # the root a component keeps must not follow the hash order of a set
        for k in keys[1:]:
            self.parent[self.find(k)] = self.find(keys[0])

    @classmethod
    def components(cls, key_sets) -> tuple["_Keys", dict[str, set[str]]]:
        """The union-find over ``key_sets`` (sets of keys that meet) and its
        components, ``{root: keys}``."""
        uf = cls()
        for ks in key_sets:
            uf.join(ks)
        comps: dict[str, set[str]] = defaultdict(set)
        for ks in key_sets:
            for k in sorted(ks):
                comps[uf.find(k)].add(k)
        return uf, comps


def _existence_index(vs: list[View]) -> tuple[dict[str, list[int]], dict[str, dict[str, list[int]]]]:
    """Where the views that may deny or assert the existence of a key are:
    by word (positions in ``vs`` of the views whose ``absent``, ``keys`` or
    ``mentions`` hold it), and by the class and predicate of their verb (a
    past act asserts the noun that nominalises its verb, a noun of the same
    class: :meth:`View.asserts_existence`, :func:`nominalises`). A component
    of keys then reads only its candidates, not every view."""
    classes = predicate_lexicon()["class"]
    by_word: dict[str, list[int]] = defaultdict(list)
    by_act: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, v in enumerate(vs):
        for w in v.absent | v.keys | v.mentions | v.presupposed:
            by_word[w].append(i)
        if v.predicate and (klass := classes.get(v.predicate)) is not None:
            by_act[klass][v.predicate].append(i)
    return by_word, by_act


def _existence(vs: list[View], usable) -> list[tuple[tuple, str, list[View]]]:
    """The ``existence`` blocks: ``(key, label, views)``."""
    denials = [(v, frozenset(k for k in (v.absent | (v.keys if v.exists is False else frozenset())) if usable(k)))
               for v in vs]
    denials = [(v, ks) for v, ks in denials if ks]
    uf, comps = _Keys.components([ks for _, ks in denials])
    negs_of: dict[str, list[View]] = defaultdict(list)  # the denials of each component, in order
    for v, ks in denials:
        negs_of[uf.find(next(iter(ks)))].append(v)
    by_word, by_act = _existence_index(vs)
    classes = predicate_lexicon()["class"]
    out = []
    for root, keys in comps.items():
        found: set[int] = set()
        for k in keys:
            found.update(by_word.get(k, ()))
            for pred, at in by_act.get(classes.get(k), {}).items():
                if nominalises(k, pred):
                    found.update(at)
        members = [vs[i] for i in sorted(found)
                   if any(vs[i].denies_existence(k) or vs[i].asserts_existence(k) for k in keys)]
        out.append((("existence", root), _existence_label(negs_of[root], keys), members))
    return out


def _existence_label(negs: list[View], keys: set[str]) -> str:
    """"whether pepper spray or plastic bullets were used", "whether there was a warning"."""
    main = [v for v in negs if v.exists is False]
    theme = _theme_text(main, frozenset(keys))
    subject = False
    if not theme:  # an intransitive verb: "the alarms never sounded"
        found = Counter(plain(v.agent) for v in main if v.agent and v.keys & keys)
        theme, subject = (max(found, key=lambda t: (found[t], -len(t))), True) if found else ("", False)
        if theme and " " not in theme:
            theme = f"the {theme}"  # "no alarm sounded": whether the alarm sounded
    if main and theme:
        pred = Counter(v.predicate for v in main).most_common(1)[0][0]
        plural = theme.lower().split()[-1].endswith("s") or " or " in theme or " and " in theme
        if (pred in ("be", "have") or pred in theme.lower().split()) and not subject:
            # "there was not much support": the predicate is the noun itself, no act done to it
            return f"whether there {'were' if plural else 'was'} {theme}"
        if main[0].klass in predicate_lexicon()["absence"]:
            return f"whether {theme} took place in time"
        if subject:
            return f"whether {theme} {past(pred)}"
        if " " not in theme and not plural:
            theme = f"{'an' if theme[:1].lower() in 'aeiou' else 'a'} {theme}"  # "whether a warning was heard"
        return f"whether {theme} {'were' if plural else 'was'} {participle(pred)}"
    return f"whether there was {' or '.join(sorted(keys)[:2])}"


def knowledge_topic(v: View) -> frozenset:
    """What a claim of knowing is about: its words, without the knower's names, the
    words of knowing and of information ("report", "word") and stop words ("the
    company knew about the leaking valve" → leak, valve; "operators reported a
    leaking valve" → valve, leaking)."""
    from rashomon.extract.stance import lexicon as stance_lexicon

    info = stance_lexicon()["information"]
    words = v.words | {v.predicate or ""}  # "I reported the leak": the leak is the predicate read
    return frozenset(w for w in words if w not in STOP and w not in info and len(w) > 2
                     and predicate_lexicon()["class"].get(w) != "knowledge") - v.agent_names


def _knew_the_matter(v: View) -> bool:
    """"Selinor knew.": a past knowing with no object at all knew the matter in
    question (the object left out where the context gives it); "knows it" points
    at something of its own context."""
    p = v.parts
    return v.predicate == "know" and not v.negative and p.theme is None and not knowledge_topic(v) and p.tense == "past"


def _knowledge(vs: list[View]) -> list[tuple[tuple, str, list[View]]]:
    """The ``knowledge`` blocks: whether someone knew of a thing. The topics of the
    claims that deny knowing ("the firm had not known of any leak", "we had no
    report of a leaking valve") are joined where they share a word (union-find), and
    every claim of knowing that names a word of a component, or names nothing
    known ("Selinor knew."), joins its block."""
    knowing = [v for v in vs if v.klass == "knowledge"]
    topics = {v.id: knowledge_topic(v) for v in knowing}
    _, comps = _Keys.components([topics[v.id] for v in knowing if v.negative and topics[v.id]])
    out = []
    for root, keys in comps.items():
        members = [v for v in knowing if topics[v.id] & keys or _knew_the_matter(v)]
        negs = [v for v in members if v.negative]
        agent = next((plain(v.agent) for v in negs if v.agent and v.agent.lower() not in OWNERS), None)
        topic = _without_information(_theme_text(negs)) or " or ".join(sorted(keys)[:2])
        out.append((("knowledge", root), f"whether {agent or 'they'} knew of {topic}", members))
    return out


def _without_information(theme: str) -> str:
    """A theme without the information noun that carries it ("report of a leaking
    valve" → "a leaking valve")."""
    from rashomon.extract.stance import lexicon as stance_lexicon

    first, _, rest = theme.partition(" ")
    prep, _, obj = rest.partition(" ")
    return obj if first.lower() in stance_lexicon()["information"] and prep in ("of", "about", "on") and obj else theme


def proposition_blocks(claims: list[Claim], articles: list[Article],
                       entities: list[Entity] | None = None,
                       read: dict[str, View] | None = None) -> dict[tuple, tuple[str, str, list[Claim]]]:
    """The blocks of the module docstring: ``{key: (label, frame, claims)}``;
    ``entities`` (optional) name the speakers' roles, ``read`` (optional) are
    the claims' quote-free readings (:func:`views`)."""
    every = views(claims, [], articles, entities, read).values()
    vs = [v for v in every if v.comparable and v.parts is not None]
    df = Counter(w for v in vs for w in v.mentions)
    limit = max(MIN_DF_LIMIT, int(MAX_DF_SHARE * len(vs)))

    def usable(k: str) -> bool:  # a kind (data/kinds.yaml) is selective however often it is named
        return k not in STOP and len(k) > 2 and (df[k] <= limit or is_kind(k))

    compound_df = Counter(c for v in vs for c in v.compounds)
    lex = predicate_lexicon()
    blocks: dict[tuple, list[View]] = defaultdict(list)
    labels: dict[tuple, str] = {}
    for key, label, members in _existence(vs, usable):
        blocks[key], labels[key] = members, label
    for key, label, members in _knowledge(vs):
        blocks[key], labels[key] = members, label
    negated_props = {(_pred_key(v, lex), h) for v in vs if v.negative and not v.existential
                     and not v.anaphoric and not v.demonstrative() for h in _same_heads(v)}
    for v in vs:
        if v.counts:
            blocks[("measure", v.counts)].append(v)
        if v.anaphoric or v.demonstrative():
            continue  # "dismissed that version", "that is not clearing a camp": no finer question read
        if not v.existential:  # one predicate over one noun is selective however common the noun
            for h in sorted(_same_heads(v)):  # sorted: block order (and so proposition ids) never follows hash order
                if (_pred_key(v, lex), h) in negated_props:
                    blocks[("same", _pred_key(v, lex), h)].append(v)
        akey = attribution_key(v.klass)
        if akey and (v.agent_names or v.agent_parties):
            blocks[("attribution", akey)].append(v)
        for other in sorted(lex["antonyms"].get(v.predicate or "", ())):  # sorted: not hash order (as above)
            for h in sorted(v.heads | v.keys):  # "the water level fell" / "the water was rising"
                blocks[("antonym", tuple(sorted((v.predicate, other))), h)].append(v)
        if v.klass and (v.clock or clock_times(v.text)):  # "at six o'clock": a time, its reading unsaid
            blocks[("time", v.klass)].append(v)
        if v.parts.purpose and v.klass and not v.negative:  # why one act was done to one thing
            for h in sorted(set(v.parts.theme_heads)):
                blocks[("purpose", v.klass, h)].append(v)
        if way(v) is not None:
            blocks[("mechanism",)].append(v)
        if not v.negative:
            for c in sorted(v.compounds):
                if usable(c.split()[-1]) or compound_df[c] <= limit:
                    blocks[("compound", c)].append(v)
    for v in every:  # a dated act is a fact of any period: "built in 1931" is compared with "finished in 1932"
        if v.parts is not None and v.parts.dated and v.reports():
            for d in v.parts.dated:
                klass, noun, _ = d.split("|")
                blocks[("date", klass, noun)].append(v)
        if v.parts is not None and v.reports():  # so is a standing quantity: "holds 18 cubic kilometres of water"
            for unit, stuff in sorted(figure_keys(v)):
                blocks[("figure", unit, stuff)].append(v)
    story_noun = _event_noun(vs, share=0)  # the event the story names most
    out = {}
    for key, members in blocks.items():
        uniq = list({v.id: v for v in members}.values())
        if len(uniq) < 2:
            continue
        label = labels.get(key) or _label(key, uniq, story_noun)
        out[("block",) + key] = (label, key[0], [v.claim for v in uniq[:MAX_BLOCK]])
    return out


def _same_heads(v: View) -> frozenset:
    """The nouns a predicate is asserted of, without the predicate's own noun
    ("X is not an issue" is about X, not about issues); none for a verb of
    saying ("she did not say that" is no claim about its object)."""
    return frozenset() if speech_act(v.predicate) else specific_theme(v) - {v.predicate}


def _who_did(klass: str | None, vs: list[View]) -> str:
    """"who ordered", "who caused", or for an act of destruction the verb most of
    its claims use when it is a verb ("who attacked", "who hit"): "destroyed"
    says more than "hit" or "attacked" says."""
    if klass == "destruction":
        verbs = Counter(v.predicate for v in vs if v.klass == klass and v.parts is not None and not v.parts.copular
                        and v.predicate and v.predicate not in predicate_lexicon()["event_nouns"])
        if verbs:
            return f"who {past(verbs.most_common(1)[0][0])}"
    return WHO.get(klass, "who is responsible for")


def _pred_key(v: View, lex: dict) -> str:
    """What "the same predicate" means for a negation: the class of a counted
    event ("killed" and "died" are one), else the predicate lemma."""
    return v.klass if v.klass in lex["counts"] else (v.predicate or "")


def _label(key: tuple, vs: list[View], story_noun: str | None = None) -> str:
    kind = key[0]
    if kind == "measure":
        return measure_label(key[1], vs, story_noun)
    if kind == "attribution":
        klass = Counter(v.klass for v in vs).most_common(1)[0][0]
        theme = _theme_text([v for v in vs if specific_theme(v)])
        return f"{_who_did(klass, vs)} {theme or 'it'}".strip()
    if kind == "antonym":
        theme = _theme_text(vs, frozenset({key[2]})) or key[2]
        a, b = key[1]
        return f"whether {theme} was {participle(a)} or {participle(b)}"
    if kind == "same":
        neg = [v for v in vs if v.negative] or vs
        v = neg[0]
        pred = v.predicate or key[1]
        theme = _theme_text(neg, frozenset({key[2]}))
        if v.parts.copular:
            return f"whether {theme or key[2]} was {pred}"
        # who is said to have done it, as a claim names it without a pronoun ("Russian forces", not "its forces")
        agent = next((x.agent for x in [*neg, *vs] if x.agent and not set(x.agent.lower().split()) & OWNERS), None)
        if agent:
            return f"whether {plain(agent)} {past(pred)} {theme or 'the ' + key[2]}"
        return f"whether {theme or key[2]} was {participle(pred)}"
    if kind == "figure":
        return f"{key[2]} in {key[1]}s"
    if kind == "purpose":
        done = " or ".join(dict.fromkeys(participle(v.predicate) for v in vs))
        return f"why the {key[2]} was {done}"
    if kind == "mechanism":
        theme = _theme_text([v for v in vs if specific_theme(v)])
        return f"how {theme or 'it'} was destroyed: from inside or outside"
    if kind == "compound":
        return f"the {written(key[1], *(v.text for v in vs))}"
    if kind == "date":
        return f"when the {key[2]} was {participle(key[1]) if key[1] != 'completion' else 'completed'}"
    if kind == "time":
        theme = _theme_text(vs)
        when = _day(vs)
        pred = Counter(v.predicate for v in vs).most_common(1)[0][0]
        what = (f"{gerund(pred)} {theme if _takes_object(pred) else ''}".strip()) if pred else key[1]
        return f"time of {what}" + (f", {when}" if when else "")
    return " ".join(str(k) for k in key)

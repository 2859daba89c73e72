"""Cross-article entity linking.

Every mention is linked to one entity for the whole corpus with a union-find
over these rules (each one blocked by a key, so nothing compares all pairs):

1. same name key (``annotate.name_key``: case, accents, punctuation, "the",
   possessive and "@" ignored);
2. gazetteer: a mention whose key is a name or alias of a gazetteer entry joins
   that entry (rival and historical place names, acronyms of organisations);
   the entry's ``source`` is recorded on the entity;
3. person names, token by token (:func:`tokens_match`), blocked by the
   first letter of the transliterated surname;
4. a lone surname (or a one-word mention of any label that matches a surname)
   joins the full name introduced in the same article when exactly one full
   name there matches; elsewhere, when exactly one full name in the corpus does;
5. ``@handles`` join the name they squash to ("@HikmetHajiyev" → "Hikmet
   Hajiyev"), or the organisation whose acronym they are;
6. acronyms join a multi-word organisation name whose initials they are, when
   exactly one does;
7. group actors join when country (or place) and group family agree
   ("Russian peacekeepers" = "Russian peacekeeping contingent");
8. named events join when number, unit and event family agree ("44-Day War" =
   "44-day conflict").

Look-alikes stay apart: organisation names are never fuzzy-matched ("ICRC Baku
Office" ≠ "ICRC Geneva Office" ≠ "ICRC"), and person names must match on every
token (see :func:`tokens_match` for the thresholds and the evidence for them).
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from anyascii import anyascii
from rapidfuzz import fuzz

from rashomon.annotate import gazetteer_index, handle_stems, load_gazetteer, name_key
from rashomon.extract.mentions import NUMBER_WORDS, ORDINALS, load_actors, trim
from rashomon.link.unnamed import link_described
from rashomon.types import Article, Claim, Entity, Mention, Quote

PLACE_TYPES = {"GPE", "LOC", "FAC"}
PERSONISH = {"PERSON", None}

# Token similarity thresholds (rapidfuzz.fuzz.ratio, 0-100, on anyascii lower-case tokens).
# Measured on 30 transliteration/spelling pairs of one name (Hikmet/Hikmat, Hajizada/Hajizadeh,
# Mohammed/Muhammad, Sergey/Sergei, Zelensky/Zelenskyy, Yusuf/Yousef, ...) and 21 look-alike pairs of
# different names (Hajiyev/Hajizada, Karimov/Kasimov, Ivanov/Ivanova, Omar/Amir, Elchin/Elshan, ...):
# variants score 72.7-100, look-alikes 50-92.3, so no ratio alone separates them. Rule:
#   ratio >= STRONG (88, the settings default `name_match_threshold`), or
#   ratio >= WEAK (72) and the same consonant skeleton (vowels, h, w, y dropped; doubles collapsed),
# and never when one token is the other plus a final "a" (Slavic/Turkic feminine surnames) or either
# token has 3 letters or fewer (then only equality). On the table this accepts every variant pair and
# rejects Hajiyev/Hajizada, Karimov/Kasimov, Elchin/Elshan, Omar/Amir, Ivanov/Ivanova, Aliyev/Aliyeva,
# Vardanyan/Vardanov, Aykhan/Aydan, Ruben/Robert; it still accepts vowel-only look-alikes
# (Peter/Petra, Maria/Mario, John/Joan), so a full name must also share one token exactly unless every
# token pair reaches STRONG (tests/test_entities.py holds the table).
WEAK = 72.0


@functools.lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """anyascii, lower case, letters and digits only (cached: names recur)."""
    return re.sub(r"[^a-z0-9]", "", anyascii(token).lower())


@functools.lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Consonant skeleton of a folded token: x→ks, q→k, kh→h, then vowels and
    h/w/y dropped, doubled letters collapsed ("Hajizadeh" → "jzd")."""
    s = fold(token).replace("x", "ks").replace("q", "k").replace("kh", "h").replace("ph", "f")
    s = re.sub(r"[aeiouyhw]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def tokens_match(a: str, b: str, strong: float = 88.0) -> bool:
    """Whether two name tokens are spelling or transliteration variants of one
    name (thresholds and evidence in the module constants)."""
    x, y = fold(a), fold(b)
    if not x or not y:
        return False
    if x == y:
        return True
    if min(len(x), len(y)) <= 3:
        return False
    if x + "a" == y or y + "a" == x:
        return False
    r = fuzz.ratio(x, y)
    if r >= strong:
        return True
    return r >= WEAK and skeleton(x) == skeleton(y)


def names_match(a: Sequence[str], b: Sequence[str], strong: float = 88.0) -> bool:
    """Full person names match when they have the same number of tokens, every
    token pair matches (:func:`tokens_match`) and one pair is equal or all
    pairs reach ``strong``."""
    if len(a) != len(b) or len(a) < 2:
        return False
    if not all(tokens_match(x, y, strong) for x, y in zip(a, b)):
        return False
    return any(fold(x) == fold(y) for x, y in zip(a, b)) or \
        all(fuzz.ratio(fold(x), fold(y)) >= strong for x, y in zip(a, b))


class _UF:
    def __init__(self):
        self.p: dict = {}

    def find(self, x):
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb, key=str)] = min(ra, rb, key=str)


@functools.lru_cache(maxsize=65536)
def _name_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[\s]+", re.sub(r"['’]s\b", "", text.lstrip("@")).strip()) if fold(t))


_INITIAL_SPLIT = re.compile(r"[\s-]+")
_GROUP_WORDS = re.compile(r"[\w-]+|['’]s")
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _initials(text: str) -> str:
    words = [w for w in _INITIAL_SPLIT.split(text) if w and w.lower() not in {"of", "the", "and", "for", "on", "in", "&"}]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


def _group_key(text: str, gidx) -> tuple | None:
    """(modifier id, family) of a group actor mention text, or None."""
    actors = load_actors()
    words = _GROUP_WORDS.findall(text.replace("’", "'"))
    low = [w.lower() for w in words]
    # "<noun> of [the] <place>"
    if "of" in low:
        i = low.index("of")
        noun = tuple(low[:i])
        rest = words[i + 1:]
        if rest and rest[0].lower() == "the":
            rest = rest[1:]
        hit = actors.nouns.get(noun)
        if hit:
            mod = _modifier_id(" ".join(rest), gidx)
            if mod:
                return (mod, hit[0])
    for gaz_only in (True, False):
        for n in range(len(words) - 1, 0, -1):
            k = _group_split(words, low, n, gidx, gaz_only, actors)
            if k:
                return k
    return None


def _group_split(words, low, n, gidx, gaz_only, actors) -> tuple | None:
    mod = _modifier_id(" ".join(words[:n]), gidx)
    if not mod or (gaz_only and mod.startswith("text:")):
        return None
    tail = list(low[n:])
    while tail and (tail[0] in actors.modifiers or tail[0] == "'s") and tuple(tail) not in actors.nouns:
        tail = tail[1:]
    hit = actors.nouns.get(tuple(tail))
    return (mod, hit[0]) if hit else None


def _modifier_id(text: str, gidx) -> str | None:
    k = name_key(text)
    if not k:
        return None
    for e in gidx.get(k, []):
        if e.type in {"NORP", "GPE", "LOC"}:
            return f"country:{e.country}" if e.country else f"gaz:{e.id}"
    return f"text:{k}"


_EV = re.compile(r"(?i)(?<!\w)(\w+(?:-four)?)[-\s](day|week|month|year)s?[-\s](\w+)")  # from a word's start: linear


def _event_key(text: str) -> tuple | None:
    actors = load_actors()
    m = _EV.search(text)
    if m:
        num = m.group(1).lower()
        n = int(num) if num.isdigit() else NUMBER_WORDS.get(num)
        fam = actors.events.get(m.group(3).lower())
        if n is not None and fam:
            return ("event", n, m.group(2).lower(), fam)
    words = text.split()
    if words and words[0].lower() in ORDINALS:
        fam = actors.events.get(words[-1].lower(), words[-1].lower())
        return ("event", ORDINALS[words[0].lower()], name_key(" ".join(words[1:-1])), fam)
    return None


def _gazetteer_joins(entries: list, person: bool) -> tuple[list[str], object] | None:
    """For a mention whose key names the gazetteer ``entries``: the union-find
    nodes it joins ("gaz:<id>": every user entry, and the chosen entry) and the
    chosen entry (the last user entry, else the first), or None. A PERSON
    mention only joins PERSON entries."""
    entries = [e for e in entries if not (person and e.type != "PERSON")]
    if not entries:
        return None
    e = entries[-1] if any(x.id.startswith("u") for x in entries) else entries[0]
    nodes = [f"gaz:{x.id}" for x in entries if x.id.startswith("u") or x is e]
    return nodes, e


def _best_mention(cands: list[Mention], start: int, end: int) -> Mention | None:
    """The mention of ``cands`` that overlaps ``[start, end)`` most (the
    shorter one on a tie, else the first), or None when none overlaps."""
    best, score = None, 0
    for m in cands:
        if m.start >= end or m.end <= start:
            continue  # no overlap
        ov = min(m.end, end) - max(m.start, start)
        if ov > score or (ov == score and best is not None and ov > 0 and (m.end - m.start) < (best.end - best.start)):
            best, score = m, ov
    return best if score > 0 else None


_BRACKET = re.compile(r"[\[\]]")
_TAIL_LABELS = {"ORG", "GPE", "LOC", "FAC", "NORP", "GROUP"}
_WORD = re.compile(r"\S+")


def _person_tails(text: str, persons: set[str]) -> list[int]:
    """The word counts n (3, then 2) for which the last n words of ``text``
    (not all of it) have the name key of one of ``persons``."""
    words = list(_WORD.finditer(text))
    return [n for n in (3, 2) if len(words) > n and name_key(text[words[-n].start():]) in persons]


def split_person_tails(mentions: list[Mention], texts: dict[str, str]) -> list[Mention]:
    """Split a non-person mention whose last 2-3 words are a person's full name
    mentioned (as PERSON) anywhere in the corpus: "Presidential Administration
    Hikmat Hajiyev" → ORG "Presidential Administration" + PERSON "Hikmat
    Hajiyev". The split mention is shortened in place; the new PERSON mentions
    are added. Returns the new list (input order, each new mention after the
    one it came from). ``texts`` maps article id → ``Article.text``."""
    persons = {name_key(m.text) for m in mentions if m.label == "PERSON" and len(_name_tokens(m.text)) >= 2}
    if not persons:
        return list(mentions)
    out: list[Mention] = []
    tails: dict[str, list[int]] = {}  # mention text -> _person_tails (texts recur)
    for m in mentions:
        out.append(m)
        if m.label not in _TAIL_LABELS or m.article not in texts:
            continue
        if m.text not in tails:
            tails[m.text] = _person_tails(m.text, persons)
        if not tails[m.text]:
            continue
        words = list(_WORD.finditer(m.text))
        for n in tails[m.text]:
            text = texts[m.article]
            hs, he = trim(text, m.start, m.start + words[-n - 1].end())
            ps, pe = m.start + words[-n].start(), m.start + words[-1].end()
            if he <= hs or not any(c.isalpha() for c in text[hs:he]) or text[ps:pe] != m.text[words[-n].start():]:
                continue
            m.start, m.end, m.text = hs, he, text[hs:he]
            out.append(Mention(article=m.article, start=ps, end=pe, text=text[ps:pe], label="PERSON"))
            break
    return out


def link_entities(articles: list[Article], mentions: list[Mention], quotes: list[Quote],
                  claims: list[Claim], settings) -> list[Entity]:
    """Link every mention to one corpus-wide entity and resolve speakers and places.

    Parameters
    ----------
    articles : the corpus (for ``text`` and article order).
    mentions : every article's mentions; each gets ``mention.entity`` set.
    quotes : every quote; ``speaker``/``relayed_by`` become entity ids from the
        ``speaker_start``/``relayed_by_start`` spans (a span no mention covers
        gets a new mention with label ``None``); ``speaker_role`` and
        ``speaker_affiliation`` are copied to the entity (first non-empty).
    claims : every claim; ``places`` gets the ids of place entities (GPE, LOC,
        FAC) with a mention inside the claim's span, ``place_texts`` their texts
        when empty.
    settings : run settings (``gazetteers``, ``name_match_threshold``).

    Returns
    -------
    list[Entity] with ids ``e0``, ``e1``, … in order of first mention (article
    order, then offset).
    """
    strong = float(getattr(settings, "name_match_threshold", 88) or 88)
    gaz = load_gazetteer(settings)
    gidx = gazetteer_index(gaz)
    art_index = {a.id: i for i, a in enumerate(articles)}
    texts = {a.id: a.text for a in articles}
    mentions = split_person_tails(mentions, texts)
    by_article: dict[str, _ByStart] = defaultdict(_ByStart)
    for m in mentions:
        by_article[m.article].add(m)

    # speaker / relay spans that no mention covers become mentions (label unknown)
    all_mentions = list(mentions)
    for q in quotes:
        for s, e in ((q.speaker_start, q.speaker_end), (q.relayed_by_start, q.relayed_by_end)):
            if s is None or e is None or q.article not in texts:
                continue
            if _best_mention(by_article[q.article].overlapping(s, e), s, e) is None:
                s2, e2 = trim(texts[q.article], s, e)
                if e2 <= s2:
                    continue
                m = Mention(article=q.article, start=s2, end=e2, text=texts[q.article][s2:e2], label=None)
                by_article[q.article].add(m)
                all_mentions.append(m)

    all_mentions.sort(key=lambda m: (art_index.get(m.article, 1 << 30), m.start, m.end))
    uf = _UF()
    keys = [name_key(m.text) for m in all_mentions]
    sources: dict[int, set[str]] = defaultdict(set)
    gaz_type: dict[int, str] = {}

    # 1 + 2: same key, gazetteer entries
    first_by_key: dict[str, int] = {}
    gaz_joins: dict[tuple[str, bool], tuple | None] = {}  # (key, is PERSON) -> _gazetteer_joins
    for i, (m, k) in enumerate(zip(all_mentions, keys)):
        uf.find(i)
        if not k:
            continue
        if k in first_by_key:
            uf.union(first_by_key[k], i)
        else:
            first_by_key[k] = i
        if k not in gidx:
            continue
        person = m.label == "PERSON"
        if (k, person) not in gaz_joins:
            gaz_joins[(k, person)] = _gazetteer_joins(gidx[k], person)
        joined = gaz_joins[(k, person)]
        if joined:
            nodes, e = joined
            for node in nodes:
                uf.union(i, node)
            sources[i].add(e.source)
            gaz_type[i] = e.type

    # 3: person names token by token, blocked by first letter of the folded surname
    persons = [i for i, m in enumerate(all_mentions) if m.label == "PERSON" and len(_name_tokens(m.text)) >= 2
               and not m.text.startswith("@")]
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in persons:
        toks = _name_tokens(all_mentions[i].text)
        blocks[fold(toks[-1])[:1]].append(i)
    for ids in blocks.values():
        reps: list[int] = []  # one representative per distinct key
        seen = {}
        for i in ids:
            if keys[i] in seen:
                continue
            seen[keys[i]] = i
            reps.append(i)
        for x in range(len(reps)):
            for y in range(x + 1, len(reps)):
                a, b = reps[x], reps[y]
                if names_match(_name_tokens(all_mentions[a].text), _name_tokens(all_mentions[b].text), strong):
                    uf.union(a, b)

    # full names per article and corpus, for surnames and handles
    full_by_article: dict[str, list[int]] = defaultdict(list)
    surname: dict[int, str] = {}  # last name token of each full name
    by_surname: dict[str, list[int]] = defaultdict(list)  # folded surname -> full names (corpus order)
    for i in persons:
        full_by_article[all_mentions[i].article].append(i)
        surname[i] = _name_tokens(all_mentions[i].text)[-1]
        by_surname[fold(surname[i])].append(i)

    def _unique_root(cands: list[int]) -> int | None:
        roots = {uf.find(c) for c in cands}
        return cands[0] if len(roots) == 1 else None

    # 4: lone surnames
    for i, m in enumerate(all_mentions):
        toks = _name_tokens(m.text)
        if len(toks) != 1 or m.text.startswith("@") or m.label not in {"PERSON", None, "ORG", "GPE", "NORP"}:
            continue
        if m.label in {"ORG", "GPE", "NORP"} and (i in gaz_type or toks[0].isupper()):
            continue
        tok = toks[0]
        exact_only = m.label not in PERSONISH
        local = [j for j in full_by_article[m.article]
                 if (fold(surname[j]) == fold(tok)) or
                 (not exact_only and tokens_match(surname[j], tok, strong))]
        if not local and exact_only:
            local = [j for j in full_by_article[m.article] if tokens_match(surname[j], tok, strong)]
        target = _unique_root(local) if local else None
        if target is None and not local and m.label in PERSONISH:
            corpus = by_surname.get(fold(tok), [])
            target = _unique_root(corpus) if corpus else None
        if target is not None:
            uf.union(i, target)

    # 5: handles; 6: acronyms
    squashed: dict[str, list[int]] = defaultdict(list)
    initials: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(all_mentions):
        if m.text.startswith("@"):
            continue
        if m.label in {"PERSON", "ORG", None, "GROUP"}:
            squashed[fold(m.text)].append(i)
        if m.label in {"ORG", None}:
            ini = _initials(m.text)
            if len(ini) >= 2:
                initials[ini].append(i)
    for i, m in enumerate(all_mentions):
        if m.text.startswith("@") and len(_name_tokens(m.text)) == 1:
            hit = squashed.get(fold(m.text))
            if not hit:  # a person's name plus a suffix: "@IdrisKemalMP", "@jane_doe_official"
                for stem in handle_stems(m.text)[1:]:
                    hit = [j for j in squashed.get(stem, []) if all_mentions[j].label == "PERSON"]
                    if hit:
                        break
            if not hit and fold(m.text).upper() in initials:
                hit = initials[fold(m.text).upper()]
            t = _unique_root(hit) if hit else None
            if t is not None:
                uf.union(i, t)
        elif m.label in {"ORG", None} and _ACRONYM.fullmatch(m.text):
            hit = initials.get(m.text)
            t = _unique_root(hit) if hit else None
            if t is not None:
                uf.union(i, t)

    # 7: group actors; 8: named events
    first_group: dict[tuple, int] = {}
    event_keys: dict[str, tuple | None] = {}  # mention text -> _event_key (texts recur)
    group_keys: dict[str, tuple | None] = {}  # mention text -> _group_key
    for i, m in enumerate(all_mentions):
        k = None
        if m.label == "EVENT":
            if m.text not in event_keys:
                event_keys[m.text] = _event_key(m.text)
            k = event_keys[m.text]
        elif m.label in {"GROUP", "ORG"}:
            if m.text not in group_keys:
                group_keys[m.text] = _group_key(m.text, gidx)
            k = group_keys[m.text]
        if k is None:
            continue
        if k in first_group:
            uf.union(first_group[k], i)
        else:
            first_group[k] = i

    # build entities in order of first mention
    groups: dict = defaultdict(list)
    for i in range(len(all_mentions)):
        groups[uf.find(i)].append(i)
    ordered = sorted(groups.values(), key=lambda ids: min(ids))
    entities: list[Entity] = []
    for n, ids in enumerate(ordered):
        ms = [all_mentions[i] for i in ids]
        eid = f"e{n}"
        for m in ms:
            m.entity = eid
        forms: dict[str, set[str]] = defaultdict(set)
        for m in ms:
            forms[m.text].add(m.article)
        labels = Counter(m.label for m in ms if m.label)
        gtypes = Counter(gaz_type[i] for i in ids if i in gaz_type)
        etype = (gtypes.most_common(1)[0][0] if gtypes else
                 labels.most_common(1)[0][0] if labels else None)
        count = Counter(m.text for m in ms)

        def rank(f: str):
            return (not f.startswith("@"), len(_name_tokens(f)) if etype == "PERSON" else 0,
                    not _BRACKET.search(f), count[f], len(f))

        name = max(forms, key=rank)
        if _BRACKET.search(name):  # "Nikol] Pashinyan" (an editorial insertion) is named "Nikol Pashinyan"
            name = " ".join(_BRACKET.sub(" ", name).split()) or name
        srcs = sorted({s for i in ids for s in sources.get(i, ())})
        entities.append(Entity(
            id=eid, name=name, type=etype, aliases=sorted(forms, key=lambda f: (-count[f], f)), mentions=ms,
            forms={f: sorted(a, key=lambda x: art_index.get(x, 0)) for f, a in sorted(forms.items())},
            sources=srcs,
        ))

    # quote speakers and relays
    by_id = {e.id: e for e in entities}
    for q in quotes:
        cands = by_article.get(q.article) or _ByStart()
        speaker = cands.entity_at(q.speaker_start, q.speaker_end)
        if speaker:
            q.speaker = speaker
            ent = by_id[speaker]
            if q.speaker_role and not ent.role:
                ent.role = q.speaker_role
            if q.speaker_affiliation and not ent.affiliation:
                ent.affiliation = q.speaker_affiliation
        relay = cands.entity_at(q.relayed_by_start, q.relayed_by_end)
        if relay:
            q.relayed_by = relay

    # claim places
    places_by_article: dict[str, _ByStart] = defaultdict(_ByStart)
    for e in entities:
        if e.type in PLACE_TYPES:
            for m in e.mentions:
                places_by_article[m.article].add(m)
    for c in claims:
        ids, txts = [], []
        places = places_by_article.get(c.article) or _ByStart()
        for m in places.inside(c.start, c.end):
            if m.entity not in ids:
                ids.append(m.entity)
                txts.append(m.text)
        # assignments are validated (pydantic): skip those that change nothing
        if c.places != ids:
            c.places = ids
        if not c.place_texts and txts:
            c.place_texts = txts
    return link_described(entities, quotes, texts)  # unnamed sources and descriptor mentions


class _ByStart:
    """One article's mentions in the order they were added, with an index of
    their starts (sorted) to find those inside or overlapping a span without
    reading them all."""

    def __init__(self):
        self.mentions: list[Mention] = []
        self.starts: list[int] = []  # sorted
        self.order: list[int] = []  # mention number of each start
        self.longest = 0

    def add(self, m: Mention) -> None:
        pos = bisect.bisect_right(self.starts, m.start)
        self.starts.insert(pos, m.start)
        self.order.insert(pos, len(self.mentions))
        self.mentions.append(m)
        self.longest = max(self.longest, m.end - m.start)

    def _between(self, lo: int, hi: int, keep) -> list[Mention]:
        """Mentions starting in [lo, hi) for which ``keep`` is true, in the order added."""
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [self.mentions[n] for n in sorted(self.order[i:j]) if keep(self.mentions[n])]

    def inside(self, start: int, end: int) -> list[Mention]:
        """The mentions within ``[start, end)``, in the order added."""
        return self._between(start, end + 1, lambda m: m.end <= end)

    def entity_at(self, start: int | None, end: int | None) -> str | None:
        """The entity id of the mention that overlaps ``[start, end)`` most
        (:func:`_best_mention`), or None (no span, no mention, or no entity)."""
        if start is None or end is None:
            return None
        m = _best_mention(self.overlapping(start, end), start, end)
        return m.entity if m is not None else None

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions that may overlap ``[start, end)`` (every one that does;
        an empty one may slip in), in the order added."""
        # a mention that ends after ``start`` starts after ``start - longest``
        return self._between(start - self.longest + 1, end, lambda m: m.end > start)

"""Every record that flows between rashomon's stages.

All offsets are half-open code-point offsets (Python ``str`` indices) into the
owning article's ``Article.text``: ``article.text[start:end]`` is the span's
text. Dates are ISO 8601 strings (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or
``YYYY-MM-DDTHH:MM``), as precise as the source allows. Unknown values are
``None``; nothing is guessed.

The ``Report`` model is the single contract between analysis and output
(``rashomon.report/1``, see ``docs/report-contract.md``); renderers read it and
never recompute anything. No spaCy object is stored in any record.
"""
from __future__ import annotations

from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "rashomon.report/1"

QuoteKind = Literal["direct", "indirect", "post", "question"]
Polarity = Literal["affirmed", "negated"]
Modality = Literal["asserted", "hedged", "reported", "denied"]
RelationKind = Literal["contradicts", "agrees", "repeats", "revises"]
Stance = Literal["asserts", "denies", "doubts", "distances", "unknown", "asks", "promises", "intends"]
"""A holder's attitude to a proposition: asserts (also when hedged), denies ("denied that P",
"P is false"), doubts ("it is unlikely that P"), distances (the narrator's "alleged P" with no
other holder), unknown (does not know, cannot confirm: "could not verify that P"), asks (a
question), promises (an assurance about the holder's own future conduct), intends (a plan or
threat: "we will strike")."""
ContradictionKind = Literal["negation", "measure", "attribution", "date", "antonym", "doubt"]
"""The kinds of contradiction of de Marneffe, Rafferty & Manning (2008), "Finding Contradictions
in Text": negation or denial of one proposition, incompatible measures of one thing, opposite
attribution of responsibility or cause, a different date or time for one event, antonymous
predicates, and an assertion against a doubt."""
Precision = Literal["minute", "day", "month", "year"]


class Record(BaseModel):
    """Base of all records: strict field names, assignment validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def set_field(record: BaseModel, name: str, value: object) -> None:
    """``record.name = value`` without pydantic's validation on assignment.

    For the hot loops of the corpus stages, which assign ids, lists of ids and
    labels by the ten thousand (validation costs ≈ 3 µs a call). Safe only when
    ``value`` is already of the field's type (a ``str`` for a ``str | None``
    field, a fresh ``list[str]`` for a ``list[str]`` one): the records have no
    validators that would change it, and pydantic's copy of a list is not
    needed when the caller keeps no other reference to it. The field is marked
    set, as an assignment marks it.
    """
    record.__dict__[name] = value
    record.__pydantic_fields_set__.add(name)


RecordT = TypeVar("RecordT", bound=BaseModel)


def assemble(cls: type[RecordT], values: dict[str, object]) -> RecordT:
    """``cls(**values)`` without pydantic's validation: a record whose fields
    are ``values`` (the dict itself, kept as the record's ``__dict__``), all
    of them marked set.

    For records made by the ten thousand in a corpus stage (relations:
    validation costs ≈ 1.2 µs a record, this ≈ 0.5 µs less; measured with
    timeit). Safe only when ``values`` holds every field of ``cls``, in the
    order ``cls`` declares them, each already of its field's type (a ``str``
    of the ``Literal`` for a ``Literal`` field, a ``bool`` for a ``bool``
    one): the records have no validators that would change a value, and the
    record is then the one validation would make. Assignment to the record
    is validated as usual.
    """
    record = _new_object(cls)
    _set_attribute(record, "__dict__", values)
    _set_attribute(record, "__pydantic_fields_set__", set(values))
    _set_attribute(record, "__pydantic_extra__", None)
    _set_attribute(record, "__pydantic_private__", None)
    return record


_new_object, _set_attribute = object.__new__, object.__setattr__


class Evidence(Record):
    """Where an inferred value was read.

    ``start``/``end`` are offsets into ``Article.text`` when the value was read
    from the text; ``None`` when it came from elsewhere (``source`` says where:
    ``"text"``, ``"html-meta"``, ``"manifest"``, ``"jsonl"``, ``"filename"``).
    """

    start: int | None = None
    end: int | None = None
    text: str | None = None
    source: str = "text"


class Removal(Record):
    """A span of ``Article.text`` that cleaning took out of the body.

    ``reason`` is a short machine-readable label (``navigation``, ``ticker``,
    ``donate``, ``subscribe``, ``share``, ``related``, ``language-switcher``,
    ``browser-notice``, ``photo-credit``, ``caption``, ``duplicate``, …) and
    ``detail`` a human-readable sentence for the hover text.
    """

    start: int
    end: int
    reason: str
    text: str
    detail: str | None = None


class Aside(Record):
    """A span of ``Article.text`` kept as written but set apart from the
    article's reporting: a photo caption (``kind="caption"``).

    An aside stays in the article (it is not boilerplate) and the report
    shows it labelled. Its names are mentions (a caption may be the only place
    an outlet writes a place's name), but no quote, claim or timeline event
    comes from it. ``detail`` says how it was recognised.
    """

    start: int
    end: int
    kind: str
    text: str
    detail: str | None = None


class LanguageSpan(Record):
    """A paragraph whose language differs from the article's main language."""

    start: int
    end: int
    language: str | None
    text: str


class Article(Record):
    """One input document and the metadata inferred for it.

    ``text`` is the full plain text before boilerplate removal (a .txt file as
    decoded with newlines normalised to ``\\n``; for HTML the extracted text).
    """

    id: str
    name: str
    path: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    text: str
    removed: list[Removal] = Field(default_factory=list)
    asides: list[Aside] = Field(default_factory=list)
    metadata_evidence: dict[str, Evidence] = Field(default_factory=dict)
    languages: list[LanguageSpan] = Field(default_factory=list)
    words_kept: int = 0
    words_removed: int = 0
    format: str = "txt"
    encoding: str | None = None
    reference_date: str | None = None
    reference_date_evidence: Evidence | None = None
    reference_date_inferred: bool = False
    period: str | None = None
    period_flag: str | None = None


class Mention(Record):
    """A span of an article that names an entity.

    ``label`` is the spaCy/OntoNotes label (PERSON, ORG, GPE, NORP, LOC, FAC,
    EVENT, …) or a rashomon group label (GROUP), corrected by cross-article
    linking where the name's own words or context overrule the tagger
    ("Harbour Square" is a FAC, not a LAW). ``entity`` is filled by
    cross-article linking.
    """

    article: str
    start: int
    end: int
    text: str
    label: str | None = None
    entity: str | None = None


class RivalName(Record):
    """One of a place's rival names ("Stepanakert" beside "Khankendi"):
    ``name`` as shown, ``forms`` the surface forms counted as that name
    (spellings of it), ``articles`` the ids of the articles that use it."""

    name: str
    forms: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)


class Entity(Record):
    """One real-world referent linked across the whole corpus.

    ``aliases`` holds every surface form seen, most used first, then for a
    person the surnames of the full names not seen alone (the form a later
    reference takes: "Peskov" for "Dmitry Peskov"); ``forms`` maps each surface form
    to the article ids that use it (which outlet says Stepanakert and which
    Khankendi is a finding). ``sources`` cite gazetteer entries used to merge
    and the text that defines a name as another's ("X, officially Y").
    ``rival_names``: for a place known by two names or more (not spellings of
    one name), each name with the articles that use it; ``name`` then shows
    them all ("Khankendi / Stepanakert"), so the display takes no side.
    """

    id: str
    name: str
    type: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    forms: dict[str, list[str]] = Field(default_factory=dict)
    role: str | None = None
    affiliation: str | None = None
    sources: list[str] = Field(default_factory=list)
    rival_names: list[RivalName] = Field(default_factory=list)


class Quote(Record):
    """Words attributed to a speaker.

    ``speaker`` is an entity id after linking (``None`` when unresolved);
    ``speaker_text`` the words in this article that name the speaker (``"he"``);
    ``speaker_start``/``speaker_end`` the named mention the speaker was resolved
    to in this article (for a pronoun, its antecedent; for an unnamed source,
    its description once linked). ``speaker_descriptor_start``/``_end`` is the
    noun phrase that describes the speaker: a descriptor ("the ministry"), linked
    as a further mention of the entity it resolves to, or the description of an
    unnamed source ("a senior official at the port"), which becomes an entity of
    type ``UNNAMED`` named by it. ``relayed_by`` is the entity that relays
    someone else's words ("…, News.Az reports"). ``confidence`` is in [0, 1];
    ``scare`` marks a scare-quoted term. ``negated`` marks an attribution whose
    speech act is negated or declined ("did not say whether …", "declined to
    comment on …"): ``text`` is what the source did not say, never the source's
    claim (PARC 3.0, Pareti 2016, keeps an attribution's factuality apart; its
    ``cue`` holds the negation, "did not say").
    """

    id: str = ""
    article: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_role: str | None = None
    speaker_affiliation: str | None = None
    speaker_descriptor_start: int | None = None
    speaker_descriptor_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    date: str | None = None
    date_text: str | None = None
    relayed_by: str | None = None
    relayed_by_text: str | None = None
    relayed_by_start: int | None = None
    relayed_by_end: int | None = None
    confidence: float = 1.0
    scare: bool = False
    negated: bool = False


class Quantity(Record):
    """A number with its qualifier: ``approx`` is ``None``/``"exact"`` or one of
    ``over``, ``under``, ``at least``, ``at most``, ``about``, ``range``,
    ``several``, ``dozens``, …; ``unit`` what is counted (``people``, ``hours``);
    ``of`` the event or state counted (``killed``, ``wounded``)."""

    value: float
    approx: str | None = None
    unit: str | None = None
    of: str | None = None
    high: float | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None


class TimeRange(Record):
    """An ISO date interval (inclusive) with its precision."""

    start: str
    end: str
    precision: Precision | None = None
    text: str | None = None


class PropositionParts(Record):
    """What a claim says, read from the dependency parse of its clause.

    ``predicate`` is the lemma of the clause's main predicate (for a copula or a
    light verb, the noun or adjective that carries the meaning: "was overdue" →
    ``overdue``), ``predicate_class`` its normalised class from
    ``data/predicates.yaml`` ("kill", "die", "dead" → ``death``). ``negated``: the
    negation scoped on the parse governs the predicate or its subject or object
    ("No pepper spray was used"), not a word inside an object ("no details on the
    deaths") or a subordinate clause. ``agent`` (who acts or causes, as written)
    and ``theme`` (what is acted on, as written) with ``theme_words``, the
    lowercase content words of agent, theme and obliques that identify what the
    claim is about. ``measure`` indexes the claim's main quantity in
    ``Claim.quantities`` and ``counts`` names what it measures (``death``,
    ``participants``, ``money``, ``radius``…). ``place`` and ``time`` are the
    words that locate it; ``clock`` is a time of day ("18:00") when the clause
    names one; ``tense`` is ``past``, ``present``, ``future`` or ``conditional``
    (a counterfactual: "a 3 km cordon would have kept the hamlet out").

    ``theme_heads`` are the lemmas of the theme's head nouns (each conjunct; for
    an intransitive verb, its subject: "the alarms never sounded" → alarm),
    ``theme_of`` the nouns of their "of" complements ("the inspection of the
    boiler" → boiler), ``theme_modifiers`` the nouns that modify the heads ("plastic
    bullets" → plastic). ``existential`` says the clause asserts (or, negated, denies)
    that its theme existed, was used or happened ("No pepper spray was used",
    "There were no casualties"); ``absent`` are the heads of nouns a "without"
    phrase denies ("charged without warning" → warning), ``presupposed`` those of
    a concessive phrase, held to have been there whatever the clause says ("refused
    to leave despite calls to disperse" → call; Karttunen 1973). ``purpose``: a
    purpose or reason clause of the predicate, its words joined by spaces
    ("cancelled to save money" → "to save money"); ``purpose_only``: the clause
    says that reason is the only one ("for one reason only: to …", "solely
    to"). ``copular``: the predicate is an adjective or noun after a copula
    ("was overdue"). ``nouns``
    are the lowercase nouns of the whole clause, the things it mentions, and
    ``compounds`` its noun compounds ("armoured truck", "cooling pipe").
    ``partitive``: the figure names no noun and follows a larger count of
    people in the article ("we treated 80 people … twelve had burns"): a part of
    that count, not a total. ``dated`` holds the years the clause gives for
    a dated act of a class on a noun, as ``class|noun|year`` ("The bridge was
    finished in 1931", "the bridge, built in 1931, …" → ``completion|bridge|1931``).
    """

    predicate: str | None = None
    predicate_class: str | None = None
    negated: bool = False
    agent: str | None = None
    theme: str | None = None
    theme_words: list[str] = Field(default_factory=list)
    measure: int | None = None
    counts: str | None = None
    place: str | None = None
    time: str | None = None
    clock: str | None = None
    tense: str | None = None
    theme_heads: list[str] = Field(default_factory=list)
    theme_of: list[str] = Field(default_factory=list)
    theme_modifiers: list[str] = Field(default_factory=list)
    existential: bool = False
    absent: list[str] = Field(default_factory=list)
    presupposed: list[str] = Field(default_factory=list)
    purpose: str | None = None
    purpose_only: bool = False
    copular: bool = False
    nouns: list[str] = Field(default_factory=list)
    compounds: list[str] = Field(default_factory=list)
    partitive: bool = False
    dated: list[str] = Field(default_factory=list)


class Claim(Record):
    """A check-worthy factual unit (a clause) with who asserts it and how.

    ``speaker`` is ``None`` for the narrator's own voice; ``quote`` the quote id
    the claim sits in. ``hedges`` are the words that set the modality.

    The holder of the claim is ``speaker`` (an entity id, copied from the
    quote's speaker) when known; ``holder_text`` the words that name the
    holder in this article ("Police", "the ministry"), from the quote or from
    the subject of the verb that governs the clause ("The firm rejects claims
    that …"); ``relay`` the chain of who passed the words on (the quote's
    relaying entity, as written). ``stance`` is the holder's attitude to the
    proposition and ``stance_cue`` the words that set it ("denied",
    "could not confirm"). ``refers_to`` is the span ``[start, end)`` of an
    earlier claim of the same article that an anaphoric denial ("That is a
    figure is a fiction") or confirmation takes as its proposition. ``event`` is set
    by the comparison stage: ``"main"`` for the story's event or
    ``"background:<why>"`` for a figure about an earlier event, a population or
    a standing fact, which is never compared with the main event.
    """

    id: str = ""
    article: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    quote: str | None = None
    polarity: Polarity = "affirmed"
    modality: Modality = "asserted"
    quantities: list[Quantity] = Field(default_factory=list)
    time: TimeRange | None = None
    time_text: str | None = None
    places: list[str] = Field(default_factory=list)
    place_texts: list[str] = Field(default_factory=list)
    hedges: list[str] = Field(default_factory=list)
    frame: str | None = None
    affected: str | None = None
    agent: str | None = None
    agent_party: str | None = None
    """The nation or party that acts, as written ("Azerbaijani"): from the clause's
    agent, else (``agent_from``) the agents of operations in the preceding sentences
    ("context") or the quoted speaker's own affiliation for "we"/"our" ("speaker")."""
    agent_from: str | None = None
    event_text: str | None = None
    """A named event the clause is about ("the 44-Day War"), as written."""
    holder_text: str | None = None
    relay: list[str] = Field(default_factory=list)
    stance: Stance = "asserts"
    stance_cue: str | None = None
    refers_to: list[int] | None = None
    proposition: PropositionParts | None = None
    event: str | None = None


class Proposition(Record):
    """One question several claims answer (e.g. "civilian casualties").

    ``label`` is generated from the claims' propositions ("deaths, 14 May 2024",
    "who caused the explosion"); ``frame`` the rule that grouped them
    (a frame of ``data/frames.yaml``, ``measure``, ``theme``, ``attribution``,
    ``time``, ``antonym`` or ``lexical``)."""

    id: str
    label: str
    claims: list[str]
    frame: str | None = None


class Relation(Record):
    """How two claims relate: ``contradicts``, ``agrees``, ``repeats`` (same words
    from the same original speaker: not corroboration) or ``revises`` (one
    holder's later figure replacing an earlier one: a revision chain, not a
    contradiction). ``contradiction`` names the kind of a ``contradicts`` pair;
    ``reason`` says in plain words what each side holds."""

    kind: RelationKind
    a: str
    b: str
    independent: bool = True
    reason: str
    proposition: str | None = None
    contradiction: ContradictionKind | None = None


class Reuse(Record):
    """A verbatim or near-verbatim passage shared by two articles."""

    a: str
    a_start: int
    a_end: int
    b: str
    b_start: int
    b_end: int
    text: str | None = None
    similarity: float = 1.0


class FramingTerm(Record):
    """A term as used in one voice of one article (``voice`` is ``"narrator"``
    or the speaker's entity id, or ``"quoted"`` when the speaker is unknown)."""

    article: str
    voice: str
    term: str
    count: int = 1
    category: str | None = None
    score: float | None = None
    source: str | None = None
    group: str | None = None
    """The referent the term names: a lexicon set id ("unrest/0") or the entity
    id of a place with rival names; rows sharing it are rival terms for one thing."""


class TemporalExpression(Record):
    """A date or time expression resolved against the article's reference date."""

    article: str
    start: int
    end: int
    text: str
    value: str
    end_value: str | None = None
    precision: Precision
    relative: bool = False
    event: str | None = None
    """Short label of the event this expression dates ("meeting in Yevlakh"); None when none."""
    event_kind: str | None = None
    """Trigger family of that event (``meeting``, ``ceasefire``, ``speech``, ``post``, …)."""
    sentence_start: int | None = None
    sentence_end: int | None = None


class TimelineEntry(Record):
    """A dated event, merged across sources; conflicting dates stay apart."""

    date: str
    end: str | None = None
    precision: Precision
    label: str
    claims: list[str] = Field(default_factory=list)
    quotes: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    period: str | None = None
    conflict: str | None = None


class Skipped(Record):
    """An input that could not be analysed, with the reason."""

    path: str
    reason: str


class Generator(Record):
    name: str = "rashomon"
    version: str


class Report(Record):
    """The whole analysis of one corpus (schema ``rashomon.report/1``)."""

    schema_: str = Field(default=SCHEMA, alias="schema")
    generator: Generator
    articles: list[Article] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    propositions: list[Proposition] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    reuse: list[Reuse] = Field(default_factory=list)
    framing: list[FramingTerm] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    temporal_expressions: list[TemporalExpression] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", validate_assignment=True, populate_by_name=True, serialize_by_alias=True)

    def to_json(self, indent: int | None = 1) -> str:
        """The report as JSON text (``schema`` key per the contract)."""
        return self.model_dump_json(by_alias=True, indent=indent)

"""Contradiction kinds and non-contradictions on hand-made claims (no model):
each row is two claims and the relation expected between them. The claims'
propositions are written out as the extractor would read them."""
from __future__ import annotations

import pytest

from rashomon.compare.propositions import group_claims
from rashomon.compare.relations import relate
from rashomon.types import Article, Claim, PropositionParts, Quantity

ARTS = [Article(id=f"a{i}", name=f"a{i}.txt", path=f"a{i}.txt", text="", published="2031-04-02") for i in range(3)]


def claim(cid, article, text, holder, parts, polarity="affirmed", stance="asserts", qty=None, start=0, **kw):
    q = [Quantity(value=qty[0], approx=qty[1], unit=qty[2], of=qty[3], start=start, end=start + 1,
                  text=str(qty[0]))] if qty else []
    return Claim(id=cid, article=article, start=start, end=start + len(text), text=text, holder_text=holder,
                 polarity=polarity, stance=stance, quantities=q, proposition=parts, **kw)


def P(pred, klass=None, words=(), agent=None, theme=None, counts=None, neg=False, tense="past", clock=None,
      heads=(), of=(), mods=(), exist=False, absent=(), nouns=None, **kw):
    return PropositionParts(predicate=pred, predicate_class=klass, theme_words=list(words), agent=agent,
                            theme=theme, counts=counts, measure=0 if counts else None, negated=neg,
                            tense=tense, clock=clock, theme_heads=list(heads), theme_of=list(of),
                            theme_modifiers=list(mods), existential=exist, absent=list(absent),
                            nouns=list(nouns if nouns is not None else [*words, *heads, *mods]), **kw)


def relation(*claims):
    props = group_claims(list(claims), ARTS)
    rels = relate(list(claims), props, [], ARTS)
    return {(r.kind, r.contradiction) for r in rels if {r.a, r.b} == {"c1", "c2"}}


def toll(cid, art, text, holder, n, unit="workers", pred="die", approx=None, **kw):
    return claim(cid, art, text, holder, P(pred, "death", [unit], counts="death", heads=[unit.rstrip("s")]),
                 qty=(n, approx, unit, "killed"), **kw)


def lacks_plan():
    """An absence held of its owner: "Mayor Ross lacks a housing plan"."""
    return claim("c1", "a0", "Mayor Ross lacks a housing plan.", "Herald",
                 P("lack", "absence", ["ross", "plan"], agent="Mayor Ross", theme="a housing plan", heads=["plan"],
                   mods=["housing"]))


def dam_inspected():
    return claim("c2", "a1", "The dam was inspected in January.", "Dam operator",
                 P("inspect", "inspection", ["dam"], theme="The dam", heads=["dam"], nouns=["dam"]))


def latest_inspection(np, verb, date, role):
    """"<np> <verb> <date>.": the date of the latest inspection, ``np`` the clause's agent or theme."""
    pred = "take_place" if verb.startswith("took") else "carry_out"
    return claim("c1", "a0", f"{np} {verb} {date}.", None,
                 P(pred, "inspection", heads=["inspection"], exist=True, nouns=["inspection", "dam"], **{role: np}),
                 time_text=date)


def persons_at_a_place():
    """"9,000 of us on Harbour Road today": the figure's words end before "of us"."""
    c = claim("c1", "a0", "9,000 of us on Harbour Road today.", "Union leader",
              P("9,000", "participation", ["road"], counts="participants"), qty=(9000.0, None, None, None))
    c.quantities[0].end = 5
    return c


def vell_career():
    """A career length in a relative clause of a copular claim about a person."""
    return claim("c1", "a0", "Dr Ana Vell is a fire engineer who spent nine years at ports abroad.", None,
                 P("engineer", None, ["ana", "vell", "engineer"], theme="Dr Ana Vell", heads=["vell", "engineer"],
                   copular=True, tense="present", counts="duration"), qty=(9, None, "years", "duration"))


CONTRADICTIONS = {
    # two holders sharing one word of their names are two holders: a dispute, not a revision
    "two bodies sharing a word": (
        toll("c1", "a0", "Three workers died.", "Northgate Harbour Board", 3),
        toll("c2", "a1", "Seven workers were killed.", "Harbour Pilots' Guild", 7, pred="kill"),
        {("contradicts", "measure")}),
    "two nations' ministries": (
        toll("c1", "a0", "Three soldiers died.", "the Russian Defence Ministry", 3, unit="soldiers"),
        toll("c2", "a1", "Seven soldiers were killed.", "the Ukrainian Defence Ministry", 7, unit="soldiers",
             pred="kill"),
        {("contradicts", "measure")}),
    "measure": (
        toll("c1", "a0", "Three workers died.", "Harbour Board", 3),
        toll("c2", "a1", "Seven workers were killed.", "Stevedores Guild", 7, pred="kill"),
        {("contradicts", "measure")}),
    # a vague plural standing alone ("Tens of thousands rally") counts people: at least 10,000 against 6,000
    "vague plural alone against a crowd figure": (
        claim("c1", "a0", "Tens of thousands rally in the old town", "Herald",
              P("rally", "participation", ["town"], counts="participants"),
              qty=(20000.0, "tens of thousands", None, None)),
        claim("c2", "a1", "The police counted 6,000 marchers.", "City Police",
              P("count", "participation", ["marcher"], counts="participants", heads=["marcher"]),
              qty=(6000.0, None, "marchers", "marchers")),
        {("contradicts", "measure")}),
    # "9,000 of us": a partitive of persons counts people, here against a count of marchers
    "persons at a place against a crowd figure": (
        persons_at_a_place(),
        claim("c2", "a1", "The police counted 2,500 marchers.", "City Police",
              P("count", "participation", ["marcher"], counts="participants", heads=["marcher"]),
              qty=(2500.0, None, "marchers", "marchers")),
        {("contradicts", "measure")}),
    # knowing: a denial of awareness against a claim that the same knower knew, or that the thing was reported
    "knew against denied knowing": (
        claim("c1", "a0", "The mill knew about the cracked boiler for months.", "Bakers' Guild",
              P("know", "knowledge", ["mill", "crack", "boiler", "month"], agent="The mill", heads=["mill"])),
        claim("c2", "a1", "the mill had known of any crack in the boiler.", "Mill owner",
              P("know", "knowledge", ["mill", "crack", "boiler"], agent="the mill", heads=["mill"]),
              polarity="negated", stance="denies"),
        {("contradicts", "negation")}),
    "knew, with nothing named, against had no report": (
        claim("c1", "a0", "The mill knew.", "Bakers' Guild", P("know", "knowledge", [], agent="The mill")),
        claim("c2", "a1", "We had no report of a cracked boiler.", "Mill owner",
              P("know", "knowledge", ["report", "crack", "boiler"], agent="We", neg=True, heads=["report"]),
              polarity="negated"),
        {("contradicts", "negation")}),
    "reported against had no report": (
        claim("c1", "a0", "Stokers reported a cracked boiler in June.", "Bakers' Guild",
              P("boiler", "knowledge", ["crack"], tense="present")),
        claim("c2", "a1", "We had no report of a cracked boiler.", "Mill owner",
              P("know", "knowledge", ["report", "crack", "boiler"], agent="We", neg=True, heads=["report"]),
              polarity="negated"),
        {("contradicts", "negation")}),
    # "the last X took place in <an earlier year>": none took place since, against an X said to be recent
    "the last of a kind long ago against a recent one": (
        latest_inspection("The last statutory inspection of the dam", "took place on", "3 May 2028", "agent"),
        dam_inspected(),
        {("contradicts", "negation")}),
    # one person's two lengths of one act: the act is shared, so the figures are of one thing
    "one person's detention given twice": (
        claim("c1", "a0", "Tomas Brenn was held for two years.", "His lawyer",
              P("hold", None, ["tomas", "brenn"], theme="Tomas Brenn", heads=["brenn"], counts="duration"),
              qty=(2, None, "years", "duration")),
        claim("c2", "a1", "Brenn was held for five years.", "The prison service",
              P("hold", None, ["brenn"], theme="Brenn", heads=["brenn"], counts="duration"),
              qty=(5, None, "years", "duration")),
        {("contradicts", "measure")}),
    # what lasted may be the subject of an intransitive verb
    "two durations of one fire": (
        claim("c1", "a0", "The blaze was put out around six hours after it began.", "Mill owner",
              P("put_out", None, ["blaze"], counts="duration", heads=["blaze"]),
              qty=(6, "about", "hours", "duration")),
        claim("c2", "a1", "The blaze burned for 15 hours.", "Fire chief",
              P("burn", None, ["blaze"], agent="The blaze", counts="duration"), qty=(15, None, "hours", "duration")),
        {("contradicts", "measure")}),
    # a comparative without its standard measures against the figure of its kind just before it
    "far less than the figure before it": (
        claim("c1", "a0", "The mill said it had offered each family €8,000.", "Mill owner",
              P("offer", "payment", ["family"], counts="payment"), qty=(8000.0, None, "EUR", "EUR"), start=0),
        claim("c2", "a0", "The guild says the families were offered far less.", "The guild",
              P("offer", "payment", ["family"], heads=["family"]), start=60),
        {("contradicts", "measure")}),
    "denied figure": (
        claim("c1", "a1", "The stoppage cost the yard 9 million euros.", "Yard Board",
              P("cost", "cost", ["stoppage", "euro"], counts="money:cost"), qty=(9e6, None, "EUR", "EUR"), start=100),
        claim("c2", "a1", "That figure is a fiction.", "Stevedores Guild", P("figure", theme="That"),
              polarity="negated", stance="denies", refers_to=[100, 143], start=200),
        {("contradicts", "negation")}),
    "negation of an existential": (
        claim("c1", "a0", "No pepper spray was used by the guards.", None,
              P("use", "use_force", ["pepper", "spray", "guard"], theme="No pepper spray", neg=True,
                heads=["spray"], mods=["pepper"], exist=True), polarity="negated"),
        claim("c2", "a1", "Medics treated nine people for pepper spray exposure.", "Medics",
              P("treat", "treatment", ["medic", "people"], nouns=["medics", "people", "pepper", "spray", "exposure"])),
        {("contradicts", "negation")}),
    "'without' denies what it names": (
        claim("c1", "a0", "At dawn, without warning, the guards stormed the yard.", None,
              P("storm", "intervention", ["guard", "yard"], heads=["yard"], absent=["warning"])),
        claim("c2", "a1", "The guards stormed the yard once three warnings had been ignored.", "Minister",
              P("storm", "intervention", ["guard", "yard"], heads=["yard"], nouns=["guards", "yard", "warnings"])),
        {("contradicts", "negation")}),
    "an absence against the act": (
        claim("c1", "a0", "The boiler's safety inspection was two years overdue.", "Regulator",
              P("overdue", "absence", ["boiler", "inspection"], heads=["inspection"], copular=True)),
        claim("c2", "a1", "The boiler was inspected in March.", "Owner",
              P("inspect", "inspection", ["boiler"], heads=["boiler"], nouns=["boiler", "march"])),
        {("contradicts", "negation")}),
    "denial of one proposition": (
        claim("c1", "a0", "The firm denied that the boiler had been leaking.", "The firm",
              P("leak", words=["boiler"], heads=["boiler"]), polarity="negated", stance="denies",
              stance_cue="denied"),
        claim("c2", "a1", "The boiler had been leaking for weeks.", None, P("leak", words=["boiler"], heads=["boiler"])),
        {("contradicts", "negation")}),
    "opposite attribution": (
        claim("c1", "a0", "The riot was started by the guards.", "Guild",
              P("start", "cause", ["riot"], agent="the guards", heads=["riot"])),
        claim("c2", "a1", "The minister blamed visiting hooligans for the riot.", "Minister",
              P("blame", "cause", ["hooligan", "riot"], agent="visiting hooligans", heads=["riot"])),
        {("contradicts", "attribution")}),
    "a national body against the town's seat": (
        claim("c1", "a0", "The cabinet ordered the closure of the port.", "Harbour Board",
              P("order", "order", ["closure", "port"], agent="The cabinet", theme="the closure of the port",
                heads=["closure"])),
        claim("c2", "a1", "The closure was ordered by the town hall, the union said.", "Union",
              P("order", "order", ["closure"], agent="the town hall", theme="The closure", heads=["closure"])),
        {("contradicts", "attribution")}),
    "attribution by nation": (
        claim("c1", "a0", "Chilean forces blew up the bridge.", "Lima",
              P("blow_up", "destruction", ["bridge"], agent="Chilean forces", heads=["bridge"])),
        claim("c2", "a1", "The bridge collapsed after Peruvian shelling.", "Santiago",
              P("collapse", "destruction", ["bridge"], agent="Peruvian shelling", heads=["bridge"])),
        {("contradicts", "attribution")}),
    "nations named as actors are not places": (
        claim("c1", "a0", "Chilean forces blew up the bridge.", "Lima",
              P("blow_up", "destruction", ["bridge"], agent="Chilean forces", heads=["bridge"]), places=["e1"]),
        claim("c2", "a1", "The general blamed Peru.", "Santiago",
              P("blame", "cause", ["bridge"], agent="Peru"), places=["e2"]),
        {("contradicts", "attribution")}),
    "a holder denies what is laid at the body it leads": (
        claim("c1", "a0", "I did not order the clearing of the yard.", "Governor Ana Kos",
              P("order", "order", ["clearing", "yard"], agent="I", heads=["clearing"], of=["yard"], neg=True),
              polarity="negated"),
        claim("c2", "a1", "The guards acted at the request of the harbour board, which the governor chairs.",
              "Minister", P("act", "order", ["guard", "request", "board"],
                            agent="the harbour board which the governor chairs")),
        {("contradicts", "negation")}),
    # "ordered it": the pronoun says the act again, whatever noun it was tied to
    "an order said again by a pronoun": (
        claim("c1", "a0", "We were told at noon that the cabinet had ordered it.", "Governor Ana Kos",
              P("order", "order", ["cabinet"], agent="the cabinet", theme="it", heads=["guard"])),
        claim("c2", "a1", "The guards acted at the request of the harbour board.", "Minister",
              P("act", "order", ["guard", "request", "board"], agent="the harbour board")),
        {("contradicts", "attribution")}),
    "a denied responsibility against an attribution to the one who denies": (
        claim("c1", "a0", "The ministry denied responsibility for the blast.", "The ministry",
              P("responsibility", "cause", ["blast"], agent="The ministry", heads=["blast"]),
              polarity="negated", stance="denies"),
        claim("c2", "a1", "The blast was caused by the ministry.", "Rebel command",
              P("cause", "cause", ["blast", "ministry"], agent="the ministry", heads=["blast"])),
        {("contradicts", "negation")}),
    "two years for one dated act, whatever the period": (
        claim("c1", "a0", "The bridge was finished in 1931.", None,
              P("finish", "completion", ["bridge"], heads=["bridge"], dated=["completion|bridge|1931"], time="in 1931")),
        claim("c2", "a1", "The bridge, built in 1932, carries the road.", "Engineer",
              P("carry", None, ["bridge", "road"], heads=["road"], dated=["completion|bridge|1932"], tense="present")),
        {("contradicts", "date")}),
    "responsibility for the consequences is for the event": (
        claim("c1", "a0", "The rebels bear full responsibility for the consequences.", "Ministry",
              P("responsibility", "cause", ["rebel", "consequence"], agent="The rebels", theme="the consequences",
                heads=["consequence"])),
        claim("c2", "a1", "The bridge was destroyed by army shelling.", "Rebel command",
              P("destroy", "destruction", ["bridge", "shelling"], agent="army shelling", heads=["bridge"])),
        {("contradicts", "attribution")}),
    "an absence of the same owner": (
        lacks_plan(),
        claim("c2", "a1", "Ross unveiled a housing plan in May.", "Council",
              P("unveil", None, ["ross", "plan"], agent="Ross", heads=["plan"], mods=["housing"],
                nouns=["ross", "plan", "housing", "may"])),
        {("contradicts", "negation")}),
    "a cause denied": (
        claim("c1", "a0", "The flood was caused by staff shortages.", None,
              P("cause", "cause", ["flood"], agent="staff shortages", heads=["flood"])),
        claim("c2", "a1", "Staff shortages played no part in the flood.", "Director",
              P("play_part", "cause", ["flood"], agent="Staff shortages", neg=True), polarity="negated"),
        {("contradicts", "negation")}),
    "antonyms": (
        claim("c1", "a0", "The guild accepted the invitation to mediation.", "Minister",
              P("accept", "answer", ["guild", "invitation", "mediation"], agent="The guild", heads=["invitation"])),
        claim("c2", "a1", "The guild has rejected the invitation to mediation.", None,
              P("reject", "answer", ["guild", "invitation", "mediation"], agent="The guild", heads=["invitation"])),
        {("contradicts", "antonym")}),
    "time of day": (
        claim("c1", "a0", "Guards entered the yard at 6 p.m.", "Mayor",
              P("enter", "intervention", ["guard", "yard"], clock="18:00", heads=["yard"])),
        claim("c2", "a1", "Guards entered the yard only at 00:40.", "Minister",
              P("enter", "intervention", ["guard", "yard"], clock="00:40", heads=["yard"])),
        {("contradicts", "date")}),
    # a live-blog entry's present is dated by its stamp; one agent doing one kind of act names one act
    "time of day by an entry's stamp": (
        claim("c1", "a0", "Guards are moving into the yard.", None,
              P("move_in", "intervention", ["guard"], agent="Guards", clock="18:05", tense="present",
                nouns=["guards", "yard"])),
        claim("c2", "a1", "At 00:40 the guards began clearing the yard.", "Minister",
              P("clear", "intervention", ["yard"], agent="the guards", clock="00:40", heads=["yard"])),
        {("contradicts", "date")}),
    "time of day of one agent's act": (
        claim("c1", "a0", "At ten in the evening riot guards moved into the crowd.", None,
              P("move_in", "intervention", ["riot", "guard", "crowd"], agent="riot guards", clock="22:00",
                nouns=["riot", "guards", "crowd"])),
        claim("c2", "a1", "At 03:15 guards began clearing the quay.", "Harbour Police",
              P("clear", "intervention", ["quay"], agent="guards", clock="03:15", heads=["quay"],
                nouns=["guards", "quay"])),
        {("contradicts", "date")}),
}

NOT_CONTRADICTIONS = {
    "far less said by the holder of the figure before it": (
        claim("c1", "a0", "The guild said the mill had offered each family €8,000.", "The guild",
              P("offer", "payment", ["family"], counts="payment"), qty=(8000.0, None, "EUR", "EUR"), start=0),
        claim("c2", "a0", "The guild says the families deserved far more.", "The guild",
              P("offer", "payment", ["family"], heads=["family"]), start=60),
        set()),
    "the last of a kind this year asserts one": (
        latest_inspection("The most recent inspection of the dam", "was carried out in", "February 2031", "theme"),
        dam_inspected(),
        set()),
    "two named knowers": (
        claim("c1", "a0", "Norvik Shipping knew about the cracked hull.", "Dockers' Union",
              P("know", "knowledge", ["norvik", "shipping", "crack", "hull"], agent="Norvik Shipping")),
        claim("c2", "a1", "The Harbour Board had not known of any crack in the hull.", "Harbour Board",
              P("know", "knowledge", ["harbour", "board", "crack", "hull"], agent="The Harbour Board", neg=True),
              polarity="negated"),
        set()),
    "knowing of another thing": (
        claim("c1", "a0", "The mill knew about the unpaid wages.", "Bakers' Guild",
              P("know", "knowledge", ["mill", "unpaid", "wage"], agent="The mill")),
        claim("c2", "a1", "the mill had known of any crack in the boiler.", "Mill owner",
              P("know", "knowledge", ["mill", "crack", "boiler"], agent="the mill"),
              polarity="negated", stance="denies"),
        set()),
    # one live blog at two entry stamps: two moments of the story as it unfolds (Thurman & Walters 2013)
    "one live blog's two entries": (
        claim("c1", "a0", "The pickets have set off from the depot.", None,
              P("set_off", "participation", ["picket", "depot"], clock="12:05", tense="present", heads=["depot"])),
        claim("c2", "a0", "The pickets have reached the depot gate.", None,
              P("reach", "participation", ["picket", "depot"], clock="14:20", tense="present", heads=["depot"]),
              start=80),
        set()),
    "two acts of different kinds at two times": (
        claim("c1", "a0", "Guards entered the yard at 6 p.m.", "Mayor",
              P("enter", "intervention", ["guard", "yard"], clock="18:00", heads=["yard"])),
        claim("c2", "a1", "Guards fired gas into the yard at 00:40.", "Minister",
              P("fire", "use_force", ["guard", "gas", "yard"], clock="00:40", heads=["gas"])),
        set()),
    "two acts sharing only a time word": (
        claim("c1", "a0", "Guards entered the yard at six in the evening.", "Mayor",
              P("enter", "intervention", ["guard", "yard", "evening"], clock="18:00", heads=["yard"])),
        claim("c2", "a1", "Firefighters stormed the mill at 23:00 that evening.", "Minister",
              P("storm", "intervention", ["firefighter", "mill", "evening"], clock="23:00", heads=["mill"])),
        set()),
    "compatible figures agree": (
        toll("c1", "a0", "At least three workers died.", "Harbour Board", 3, approx="at least"),
        toll("c2", "a1", "Seven workers were killed.", "Stevedores Guild", 7, pred="kill"),
        {("agrees", None)}),
    "one holder revises its figure": (
        toll("c1", "a0", "Three workers died, the Harbour Board said.", "Harbour Board", 3),
        toll("c2", "a1", "The Harbour Board raised the toll to nine.", "the Harbour Board", 9, pred="raise"),
        {("revises", None)}),
    "one holder's two figures in one text are of two things": (
        claim("c1", "a0", "The pump ran for twelve hours.", "Engineer",
              P("run", "duration", ["pump"], counts="duration", heads=["pump"]), qty=(12, None, "hours", "duration")),
        claim("c2", "a0", "The pump ran for 28 minutes on the night.", "Engineer",
              P("run", "duration", ["pump"], counts="duration", heads=["pump"]), qty=(0.47, None, "hours", "duration"),
              start=100),
        set()),
    "a holder named more fully revises its figure": (
        toll("c1", "a0", "Three workers died, the company said.", "Northgate Shipping S.A.", 3),
        toll("c2", "a1", "Nine workers died, the company said.", "the Northgate Shipping Agency", 9),
        {("revises", None)}),
    "a figure that rose is a revision": (
        toll("c1", "a0", "Three workers died, the Harbour Board said.", "Harbour Board", 3),
        toll("c2", "a1", "The toll rose to nine overnight.", None, 9, pred="rise"),
        {("revises", None)}),
    "a running count is a lower bound": (
        toll("c1", "a0", "So far 17 workers have died.", "Medics", 17),
        toll("c2", "a1", "23 workers died.", "Guild", 23),
        {("agrees", None)}),
    "one holder's running count, then a higher figure, is a revision": (
        toll("c1", "a0", "So far 12 workers have died, the Harbour Board said.", "Harbour Board", 12,
             approx="at least"),
        toll("c2", "a1", "Nineteen workers died, the Harbour Board said.", "Harbour Board", 19),
        {("revises", None)}),
    "one holder's earlier estimate in the same text is a revision": (
        toll("c1", "a0", "The board has updated its figure: 19 workers died.", "Harbour Board", 19, pred="update"),
        toll("c2", "a0", "At noon the board had put the number at 12.", "Harbour Board", 12, pred="put", start=90),
        {("revises", None)}),
    "one holder's vague plural and a figure are no revision": (
        toll("c1", "a0", "Dozens of workers died, the Harbour Board said.", "Harbour Board", 24,
             approx="dozens"),
        toll("c2", "a1", "Nineteen workers died, the Harbour Board said.", "Harbour Board", 19),
        {("agrees", None)}),
    "different groups are counted apart": (
        toll("c1", "a0", "Eight peacekeepers may have been killed.", None, 8, unit="peacekeepers"),
        toll("c2", "a1", "Two civilians were killed.", None, 2, unit="civilians"),
        set()),
    "a promise is not a report": (
        claim("c1", "a0", "Residents would not be harmed, the general assured.", "the general",
              P("harm", "injury", ["resident"], neg=True, tense="future", heads=["resident"]),
              polarity="negated", stance="promises"),
        claim("c2", "a1", "Residents were harmed in the raid.", None,
              P("harm", "injury", ["resident", "raid"], heads=["resident"])),
        set()),
    "an intention is not an outcome": (
        claim("c1", "a0", "We are not targeting the villages, the army declared.", "the army",
              P("target", "destruction", ["village"], neg=True, heads=["village"]), polarity="negated",
              stance="intends"),
        claim("c2", "a1", "The army targeted the villages.", None,
              P("target", "destruction", ["village"], agent="The army", heads=["village"])),
        set()),
    "a background figure": (
        claim("c1", "a0", "In 2019 three workers died in a tank fire.", None,
              P("die", "death", ["worker"], counts="death", heads=["worker"], time="In 2019"),
              qty=(3, None, "workers", "killed")),
        toll("c2", "a1", "Seven workers were killed.", None, 7, pred="kill"),
        set()),
    "a counterfactual": (
        claim("c1", "a0", "A 3 km cordon would have kept the hamlet out.", "Engineer",
              P("keep", None, ["cordon", "hamlet"], counts="radius", tense="conditional"), qty=(3, None, "km", "km")),
        claim("c2", "a1", "The zone covered 5 km.", "Agency", P("cover", None, ["zone"], counts="radius"),
              qty=(5, None, "km", "km")),
        set()),
    "places of two nations": (
        claim("c1", "a0", "About 17,000 people on the Chilean side were at risk.", None,
              P("be", None, ["people"], counts="evacuated", place="on the Chilean side"),
              qty=(17000, "about", "people", "evacuated")),
        claim("c2", "a1", "About 25,000 people in Peruvian areas were at risk.", None,
              P("be", None, ["people"], counts="evacuated", place="in Peruvian areas"),
              qty=(25000, "about", "people", "evacuated")),
        set()),
    "an absence of another owner": (
        lacks_plan(),
        claim("c2", "a1", "The governor unveiled a housing plan in May.", "Council",
              P("unveil", None, ["governor", "plan"], agent="The governor", heads=["plan"], mods=["housing"],
                nouns=["governor", "plan", "housing", "may"])),
        set()),
    "a thing pointed at is no kind denied": (
        claim("c1", "a0", "That risk does not exist in her case.", "Judge",
              P("exist", None, ["risk", "case"], agent="That risk", heads=["risk"], neg=True, exist=True),
              polarity="negated"),
        claim("c2", "a1", "Flooding is a risk for the valley.", None, P("risk", None, ["flooding", "valley"],
                                                                        heads=["risk"])),
        set()),
    # a career length and the length of a delay its holder judged share only her name
    "a career and a delay": (
        vell_career(),
        claim("c2", "a1", "If the timeline holds, forty minutes was far too slow.", "Vell",
              P("slow", None, ["vell", "minute"], theme="Vell", heads=["vell"], copular=True, tense="present",
                counts="duration"), qty=(40, None, "minutes", "duration")),
        set()),
    "a career and a wait of one person": (
        vell_career(),
        claim("c2", "a1", "Vell waited forty minutes for the ambulance.", "Herald",
              P("wait", None, ["ambulance"], agent="Vell", heads=["ambulance"], counts="duration"),
              qty=(40, None, "minutes", "duration")),
        set()),
    "durations of two things": (
        claim("c1", "a0", "Savers pay the rate on shares held for two years.", None,
              P("pay", None, ["saver", "rate"], counts="duration", heads=["rate"]), qty=(2, None, "years", "duration")),
        claim("c2", "a1", "Pay the rest over the next four years.", None,
              P("pay", None, ["rest"], counts="duration", heads=["rest"]), qty=(4, None, "years", "duration")),
        set()),
    "a person blamed in a pronoun is not the story's cause": (
        claim("c1", "a0", "The senator blasted him for the delays.", "Herald",
              P("blast", "destruction", ["senator"], agent="The senator", theme="him")),
        claim("c2", "a1", "Storms destroyed the pier.", None,
              P("destroy", "destruction", ["storm", "pier"], agent="Storms", heads=["pier"])),
        set()),
    "one holder's attributions stand together": (
        claim("c1", "a0", "The command came from the cabinet.", "Mayor Ana Kos",
              P("command", "order", ["command", "cabinet"], agent="the cabinet", heads=["command"])),
        claim("c2", "a1", "The command came from the capital, the mayor said.", "Mayor Ana Kos",
              P("command", "order", ["command", "capital"], agent="the capital", heads=["command"])),
        set()),
    # place-for-institution metonymy (Lakoff & Johnson 1980): the seat and a body of one tier are one agent
    "the capital and a ministry are one tier of government": (
        claim("c1", "a0", "The transport ministry ordered the closure of the port.", "Harbour Board",
              P("order", "order", ["closure", "port"], agent="The transport ministry",
                theme="the closure of the port", heads=["closure"])),
        claim("c2", "a1", "The closure was ordered by the capital, a council clerk said.", "Council clerk",
              P("order", "order", ["closure"], agent="the capital", theme="The closure", heads=["closure"])),
        set()),
    "a denial of an imminent danger is not of any danger": (
        claim("c1", "a0", "There was no imminent danger at the mill.", "Agency",
              P("danger", None, ["danger"], neg=True, heads=["danger"], exist=True), polarity="negated"),
        claim("c2", "a1", "The flood creates additional dangers for the mill.", None,
              P("create", None, ["danger", "mill"], heads=["danger"], nouns=["flood", "dangers", "mill"])),
        set()),
    "a requirement is not an occurrence": (
        claim("c1", "a0", "The boiler's safety inspection was two years overdue.", "Regulator",
              P("overdue", "absence", ["boiler", "inspection"], heads=["inspection"], copular=True)),
        claim("c2", "a1", "The code requires an inspection every year.", None,
              P("require", None, ["code", "inspection"], nouns=["code", "inspection", "year"])),
        set()),
    "a judgement on something said is not a denial of the event": (
        claim("c1", "a0", "Bailiffs cleared the yard at dawn.", None,
              P("clear", "intervention", ["yard"], agent="Bailiffs", heads=["yard"])),
        claim("c2", "a1", "That is not clearing a yard.", "Minister",
              P("clear", "intervention", ["yard"], agent="That", heads=["yard"], neg=True), polarity="negated"),
        set()),
    "a rejected account is read for its figures only": (
        claim("c1", "a1", "Bailiffs cleared the yard at dawn.", "Mayor",
              P("clear", "intervention", ["yard"], agent="Bailiffs", heads=["yard"]), start=100),
        claim("c2", "a1", "The minister dismissed that version.", "The minister",
              P("dismiss", None, ["version"], theme="that version"), polarity="negated", stance="denies",
              refers_to=[100, 134], start=200),
        set()),
    "no chance is no thing": (
        claim("c1", "a0", "There is absolutely no chance the mill reopens.", None,
              P("chance", None, ["chance"], neg=True, heads=["chance"], exist=True), polarity="negated"),
        claim("c2", "a1", "There is a chance the talks resume.", None,
              P("chance", None, ["chance"], heads=["chance"], exist=True)),
        set()),
    "who did it is unknown on one side": (
        claim("c1", "a0", "The firm did not pay the tax.", None,
              P("pay", "payment", ["firm", "tax"], agent="The firm", heads=["tax"], neg=True), polarity="negated"),
        claim("c2", "a1", "The tax was paid in March.", None, P("pay", "payment", ["tax"], heads=["tax"])),
        set()),
    "a warning given in words is not the warning denied": (
        claim("c1", "a0", "We heard no warning.", "Medic",
              P("hear", "warning", ["warning"], neg=True, heads=["warning"], exist=True), polarity="negated"),
        claim("c2", "a1", "The guild leader warned that the port would close.", None,
              P("warn", "warning", ["leader"], nouns=["guild", "leader", "port"])),
        set()),
}


@pytest.mark.parametrize("name", sorted(CONTRADICTIONS))
def test_contradiction_kind(name):
    a, b, want = CONTRADICTIONS[name]
    assert relation(a, b) == want, name


@pytest.mark.parametrize("name", sorted(NOT_CONTRADICTIONS))
def test_not_a_contradiction(name):
    a, b, want = NOT_CONTRADICTIONS[name]
    assert relation(a, b) == want, name


def test_denied_figure_against_a_lower_bound_is_no_contradiction():
    # denying "nine million" says nothing against "at least two million"
    a = claim("c1", "a0", "The stoppage cost the yard at least 2 million euros.", "Yard Board",
              P("cost", "cost", ["stoppage"], counts="money:cost"), qty=(2e6, "at least", "EUR", "EUR"))
    b = claim("c3", "a1", "The stoppage cost the yard 9 million euros.", "Yard Board",
              P("cost", "cost", ["stoppage"], counts="money:cost"), qty=(9e6, None, "EUR", "EUR"), start=100)
    c = claim("c2", "a1", "That figure is a fiction.", "Stevedores Guild", P("figure", theme="That"),
              polarity="negated", stance="denies", refers_to=[100, 145], start=200)
    assert relation(a, c, b) == set()


def test_a_bare_hour_is_compared_by_the_reading_that_fits_and_shown_as_one_of_two():
    a = claim("c1", "a0", "The guards entered the yard at seven o'clock.", "Mayor",
              P("enter", "intervention", ["guard", "yard"], heads=["yard"]))
    b = claim("c2", "a1", "Guards entered the yard shortly after 7 p.m.", "Union",
              P("enter", "intervention", ["guard", "yard"], clock="19:00", heads=["yard"]))
    props = group_claims([a, b], ARTS)
    (rel,) = relate([a, b], props, [], ARTS)
    assert rel.kind == "agrees"
    assert rel.reason == "same time: 19:00 (or 07:00: a.m. or p.m. not said) / 19:00"


def test_a_pronoun_holder_is_named_by_its_linked_speaker_not_the_outlet():
    from rashomon.types import Entity

    arts = [a.model_copy(update={"outlet": f"Outlet {i}"}) for i, a in enumerate(ARTS)]
    a = toll("c1", "a0", "Three workers died, he insisted.", "He", 3, speaker="e1")
    b = toll("c2", "a1", "Nine workers died.", "Stevedores Guild", 9)
    props = group_claims([a, b], arts)
    (rel,) = relate([a, b], props, [], arts, [Entity(id="e1", name="Mira Holm", type="PERSON")])
    assert rel.kind == "contradicts"
    assert rel.reason.startswith("Mira Holm: 3;")


def _drones(c1, c2):
    denial = claim("c3", "a2", "No drones were used.", "Police",
                   P("use", "use_force", ["drone"], heads=["drone"], neg=True, exist=True), polarity="negated")
    props = group_claims([c1, c2, denial], ARTS)
    return {r.kind for r in relate([c1, c2, denial], props, [], ARTS) if {r.a, r.b} == {"c1", "c2"}}


@pytest.mark.parametrize("second,expected", [
    (("Guards deployed drones over the quay.", "deploy", "use_force"), {"agrees"}),  # one act: both used drones
    (("Drones are costly toys.", "costly", None), set()),  # a drone named in another proposition
])
def test_a_denied_thing_is_agreed_on_only_by_one_act(second, expected):
    text, pred, klass = second
    c1 = claim("c1", "a0", "Guards used drones at the gate.", "Guild",
               P("use", "use_force", ["drone", "gate"], heads=["drone"]))
    c2 = claim("c2", "a1", text, "Herald", P(pred, klass, ["drone"], heads=["drone"], copular=klass is None))
    assert _drones(c1, c2) == expected


@pytest.mark.parametrize("denial,expected", [
    ("There were no drones over the quay.", {"contradicts"}),
    ("There was no drone that crossed the river.", set()),  # a restrictive relative narrows what is denied
])
def test_a_denied_noun_narrowed_by_a_relative_clause(denial, expected):
    neg = claim("c1", "a0", denial, "Police", P("be", None, ["drone"], heads=["drone"], neg=True, exist=True),
                polarity="negated")
    pos = claim("c2", "a1", "Guards used drones at the gate.", "Guild",
                P("use", "use_force", ["drone", "gate"], heads=["drone"]))
    props = group_claims([neg, pos], ARTS)
    assert {r.kind for r in relate([neg, pos], props, [], ARTS)} == expected


def test_a_vague_figure_fitting_both_sides_of_a_dispute_agrees_with_neither():
    vague = claim("c1", "a0", "Hundreds marched through the old town.", "Herald",
                  P("march", "participation", ["people"], counts="participants", heads=["people"]),
                  qty=(200, "hundreds", None, None))
    low = claim("c2", "a1", "300 people marched, the police said.", "Police",
                P("march", "participation", ["people"], counts="participants", heads=["people"]),
                qty=(300, None, "people", "participants"))
    high = claim("c3", "a2", "Over 2,500 people marched, the organisers said.", "Organisers",
                 P("march", "participation", ["people"], counts="participants", heads=["people"]),
                 qty=(2500, None, "people", "participants"))
    props = group_claims([vague, low, high], ARTS)
    rels = {(frozenset((r.a, r.b)), r.kind) for r in relate([vague, low, high], props, [], ARTS)}
    assert (frozenset(("c2", "c3")), "contradicts") in rels
    assert not any(kind == "agrees" and "c1" in pair for pair, kind in rels)


def test_superseded_figure_is_not_disputed_by_one_that_fits_the_revision():
    first = toll("c1", "a0", "Three workers died, the Harbour Board said.", "Harbour Board", 3)
    later = toll("c3", "a1", "The Harbour Board raised the death toll to nine.", "Harbour Board", 9, pred="raise")
    other = toll("c2", "a2", "Nine workers died, the medics said.", "Medics", 9)
    assert relation(first, other, later) == set()


def test_partitive_figure_is_not_a_toll():
    a = toll("c1", "a0", "Seven workers were injured.", "Guild", 7, pred="injure")
    b = claim("c2", "a1", "Twelve had burns from the blast.", "Medic",
              P("wound", "injury", [], counts="injured", partitive=True), qty=(9, None, None, "wounded"))
    a.proposition.counts = "injured"
    assert relation(a, b) == set()


def test_an_article_a_year_from_the_others_is_of_another_period():
    from rashomon.compare.events import archived

    arts = [Article(id=f"a{i}", name=f"a{i}.txt", path=f"a{i}.txt", text="", published=d)
            for i, d in enumerate(["2031-04-02", "2031-04-03", "2030-11-20", "2027-01-05"])]
    assert archived(arts) == {"a3"}  # seven months apart is one period; four years is another


def test_labels_read_from_the_propositions():
    deny = claim("c1", "a0", "No pepper spray or plastic bullets were used by the guards.", None,
                 P("use", "use_force", ["pepper", "spray", "plastic", "bullet"], theme="No pepper spray or plastic bullets",
                   neg=True, heads=["spray", "bullet"], mods=["pepper", "plastic"], exist=True), polarity="negated")
    seen = claim("c2", "a1", "Medics treated nine people hit by plastic bullets.", "Medics",
                 P("treat", "treatment", ["medic"], nouns=["medics", "people", "plastic", "bullets"]))
    mined = claim("c3", "a0", "The ministry denied that its troops mined the bridge.", "The ministry",
                  P("mine", None, ["bridge"], agent="its troops", heads=["bridge"]), polarity="negated", stance="denies")
    said = claim("c4", "a1", "Rebel troops had mined the bridge.", None,
                 P("mine", None, ["bridge"], agent="Rebel troops", heads=["bridge"]))
    labels = {p.label for p in group_claims([deny, seen, mined, said], ARTS)}
    assert "whether pepper spray or plastic bullets were used" in labels
    assert "whether Rebel troops mined the bridge" in labels


def test_a_place_two_sources_name_is_the_story_s():
    # "rounds on Mill Street" meets a denial that names no place once another source names Mill Street;
    # a place only one claim names is somewhere else
    deny = claim("c1", "a0", "No rubber bullets were fired.", "Police",
                 P("fire", "use_force", ["rubber", "bullet"], theme="No rubber bullets", neg=True, heads=["bullet"],
                   mods=["rubber"], exist=True), polarity="negated")
    seen = claim("c2", "a1", "Our reporter found spent rubber rounds on Mill Street.", "Courier",
                 P("find", None, ["rubber", "round"], heads=["round"], mods=["rubber"], place="on Mill Street"),
                 places=["e1"])
    square = [claim(f"c{k}", f"a{k - 3}", "Crowds filled Dock Square.", None, P("fill", None, ["crowd"]), places=["e2"])
              for k in (3, 4)]  # the story's place: two articles name it
    other = claim("c5", "a2", "Guards were posted on Mill Street.", "Herald", P("post", None, ["guard"]), places=["e1"])
    assert relation(deny, seen, *square) == set()
    assert relation(deny, seen, *square, other) == {("contradicts", "negation")}


def test_a_denial_of_ones_own_act_reads_as_such():
    a, b, _ = CONTRADICTIONS["a holder denies what is laid at the body it leads"]
    rels = relate([a, b], group_claims([a, b], ARTS), [], ARTS)
    reason = next(r.reason for r in rels if r.kind == "contradicts")
    assert reason == ("Governor Ana Kos denies having done it; "
                      "Minister says the harbour board which the governor chairs did"), reason


def test_a_reason_names_a_pronoun_speaker_by_role_and_the_narrator_by_outlet():
    from rashomon.types import Quote

    q = Quote(id="q1", article="a0", start=0, end=19, text="Three workers died.", kind="indirect",
              speaker_text="He", speaker_role="Harbour Master")
    a = toll("c1", "a0", "Three workers died.", "He", 3, quote="q1")
    b = toll("c2", "a1", "Seven workers were killed.", None, 7, pred="kill")
    arts = [ARTS[0], ARTS[1].model_copy(update={"outlet": "Velmar Herald"})]
    rels = relate([a, b], group_claims([a, b], arts), [q], arts)
    reason = next(r.reason for r in rels if r.kind == "contradicts")
    assert reason == "Harbour Master: 3; Velmar Herald: 7 (figures cannot both hold)", reason


def test_the_date_of_the_latest_of_a_kind_keeps_its_claim_in_the_main_event():
    from rashomon.compare.events import assign_events

    last = claim("c1", "a0", "The last inspection of the dam took place on 3 May 2028.", None,
                 P("take_place", "inspection", agent="The last inspection of the dam", exist=True,
                   time="on 3 May 2028"), time_text="3 May 2028")
    old = claim("c2", "a0", "An inspection of the dam took place on 3 May 2028.", None,
                P("take_place", "inspection", agent="An inspection of the dam", exist=True, time="on 3 May 2028"),
                time_text="3 May 2028")
    assign_events([last, old], ARTS)
    assert (last.event, old.event) == ("main", "background:year")


REQUEST = "The regulator wrote in 2029 asking the mill to carry out the overdue audit."


@pytest.mark.parametrize("text, parts, event", [
    (REQUEST, P("write", agent="The regulator", absent=["audit"], time="in 2029"), "main"),  # the overdue audit stands
    (REQUEST, P("write", agent="The regulator", time="in 2029"), "background:year"),  # the letter alone is of 2029
    (REQUEST, P("overdue", "absence", heads=["audit"], time="in 2029"), "background:year"),  # overdue in 2029: dated
    ("In 2029 guards charged the pickets without warning.",  # an act's manner is dated with the act
     P("charge", agent="guards", absent=["warning"], time="In 2029"), "background:year"),
])
def test_an_absence_presupposed_by_a_request_is_not_dated_by_the_request(text, parts, event):
    from rashomon.compare.events import assign_events

    c = claim("c1", "a0", text, None, parts, time_text="2029")
    assign_events([c], ARTS)
    assert c.event == event


@pytest.mark.parametrize("agent, tier", [
    ("the capital", "national"),
    ("The Transport Ministry", "national"),
    ("the town hall", "local"),
    ("the mayor's office", "local"),
    ("the ministry of Ruritania", None),   # a named nation's body: nations are compared by the gazetteer
    ("Dorvik", None),                      # a capital's own name is a place the gazetteer knows, no tier here
    ("a minister's driver", None),         # a person near a body is not the body
    ("the port police", None),
])
def test_government_tier(agent, tier):
    from rashomon.compare.agents import government_tier

    assert government_tier(agent) == tier


def _zone(cid, art, text, holder, km):
    start = text.index(f"{km} km")
    c = claim(cid, art, text, holder, P("cover", None, ["zone"], heads=["zone"], compounds=["exclusion zone"]),
              qty=(km, None, "km", "km"), start=0)
    c.quantities[0].start, c.quantities[0].end = start, start + len(f"{km} km")
    return c


@pytest.mark.parametrize("km,want", [(3, {("agrees", None)}), (8, set())])
def test_naming_one_thing_with_clashing_figures_is_no_agreement(km, want):
    a = _zone("c1", "a0", "The exclusion zone covered 3 km around the mine.", "Mine operator", 3)
    b = _zone("c2", "a1", f"The exclusion zone was set at {km} km, the police said.", "Police", km)
    assert relation(a, b) == want

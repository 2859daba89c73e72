"""``rashomon export``: the source, the command, and the FollowTheMoney,
schema.org Claim and GEXF formats read back with their own libraries
(followthemoney and its ``ftm`` command, rdflib, networkx)."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _export_fixture import export_report, hostile_report  # noqa: F401  (fixture)
from rashomon.cli import app
from rashomon.errors import ExportError, MissingExtraError
from rashomon.export import EXTRA, FORMATS, atomic_path, export, load_report
from rashomon.types import Article, Claim, Generator, Relation, Report

runner = CliRunner()


def _ftm_lines(report: Report, tmp_path: Path) -> list[dict]:
    path = export(report, "ftm", tmp_path / "entities.ftm.json")[0]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- the source -------------------------------------------------------------------------------

def test_load_report_reads_report_json(tmp_path):
    report = hostile_report()
    (tmp_path / "report.json").write_text(report.to_json(), encoding="utf-8")
    assert load_report(tmp_path / "report.json") == report


@pytest.mark.parametrize("content,words", [
    (None, "cannot be read"),
    ("folder", "is a folder"),
    ("<html>not json</html>", "is not a rashomon report.json"),
    ('{"articles": "x"}', "is not a rashomon report.json"),
])
def test_load_report_says_what_is_wrong(tmp_path, content, words):
    path = tmp_path / "source"
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ExportError, match=words):
        load_report(path)


def test_a_sqlite_file_that_is_not_a_workspace_is_a_clear_error(tmp_path):
    path = tmp_path / "work.db"
    with sqlite3.connect(path) as con:
        con.execute("create table t (x)")
    con.close()
    with pytest.raises(ExportError, match="SQLite database but not a rashomon workspace"):
        load_report(path)


@pytest.mark.model
def test_a_workspace_exports_what_its_report_json_exports(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "mayor.txt").write_text("Mayor Lena Ortiz said on Monday that the Kessel bridge would reopen on "
                                      "Friday.\n\"We have inspected every cable,\" Ortiz told reporters.\n",
                                      encoding="utf-8")
    (corpus / "ministry.txt").write_text("The transport ministry said on Tuesday that the Kessel bridge would not "
                                         "reopen on Friday.\n", encoding="utf-8")
    story = tmp_path / "story.db"
    assert runner.invoke(app, ["add", str(story), str(corpus), "-q"]).exit_code == 0
    assert runner.invoke(app, ["report", str(story), "-o", str(tmp_path / "out"), "-q"]).exit_code == 0
    from_db = runner.invoke(app, ["export", str(story), "-f", "csv", "-o", str(tmp_path / "db-tables")])
    assert from_db.exit_code == 0, from_db.output
    from_json = runner.invoke(app, ["export", str(tmp_path / "out" / "report.json"), "-f", "csv",
                                    "-o", str(tmp_path / "json-tables")])
    assert from_json.exit_code == 0, from_json.output
    tables = sorted(p.name for p in (tmp_path / "db-tables").iterdir())
    assert "quotes.csv" in tables and tables == sorted(p.name for p in (tmp_path / "json-tables").iterdir())
    for name in tables:
        assert (tmp_path / "db-tables" / name).read_bytes() == (tmp_path / "json-tables" / name).read_bytes(), name
    assert "We have inspected every cable," in (tmp_path / "db-tables" / "quotes.csv").read_text(encoding="utf-8")


# --- the command --------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_writes_each_format(tmp_path, fmt):
    src = tmp_path / "report.json"
    src.write_text(hostile_report().to_json(), encoding="utf-8")
    out = tmp_path / FORMATS[fmt].suggested
    result = runner.invoke(app, ["export", str(src), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "written: " in result.stdout
    written = sorted(out.iterdir()) if FORMATS[fmt].folder else [out]
    assert written and all(p.stat().st_size > 0 for p in written)
    assert not list(tmp_path.glob("**/*.part"))


def test_cli_all_formats_into_one_folder(tmp_path):
    src = tmp_path / "report.json"
    src.write_text(hostile_report().to_json(), encoding="utf-8")
    result = runner.invoke(app, ["export", str(src), "--format", "all", "-o", str(tmp_path / "exports")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == sorted(f.suggested for f in FORMATS.values())
    assert (tmp_path / "exports" / "tables" / "disputes.csv").exists()
    (tmp_path / "afile").write_text("keep", encoding="utf-8")
    onto_file = runner.invoke(app, ["export", str(src), "--format", "all", "-o", str(tmp_path / "afile")])
    assert onto_file.exit_code == 1 and "writes every format into a folder" in onto_file.output


def test_cli_errors(tmp_path):
    src = tmp_path / "report.json"
    src.write_text(hostile_report().to_json(), encoding="utf-8")
    unknown = runner.invoke(app, ["export", str(src), "-f", "pdf", "-o", str(tmp_path / "x")])
    assert unknown.exit_code == 2 and "unknown format 'pdf'" in unknown.output and "or all" in unknown.output
    missing = runner.invoke(app, ["export", str(tmp_path / "nope.json"), "-f", "ftm", "-o", str(tmp_path / "x")])
    assert missing.exit_code == 1 and "cannot be read" in missing.output
    folder = runner.invoke(app, ["export", str(src), "-f", "xlsx", "-o", str(tmp_path)])
    assert folder.exit_code == 1 and "is a folder" in folder.output
    (tmp_path / "afile").write_text("keep", encoding="utf-8")
    file_for_csv = runner.invoke(app, ["export", str(src), "-f", "csv", "-o", str(tmp_path / "afile")])
    assert file_for_csv.exit_code == 1 and "writes a folder" in file_for_csv.output
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "keep"


def test_failed_export_leaves_the_earlier_file_intact(tmp_path):
    target = tmp_path / "entities.ftm.json"
    target.write_text("earlier export\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half written", encoding="utf-8")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "earlier export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["entities.ftm.json"]


@pytest.mark.parametrize("fmt,library", [("ftm", "followthemoney"), ("xlsx", "openpyxl"), ("gexf", "networkx")])
def test_missing_library_names_the_extra(tmp_path, monkeypatch, fmt, library):
    monkeypatch.setitem(sys.modules, library, None)
    with pytest.raises(MissingExtraError) as exc:
        export(hostile_report(), fmt, tmp_path / "out")
    assert EXTRA in str(exc.value) and EXTRA.startswith("pip install 'rashomon[export]' (in a clone") and "'.[export]'" in EXTRA


def test_all_formats_without_the_extra_writes_the_rest_and_names_what_is_missing(tmp_path, monkeypatch):
    src = tmp_path / "report.json"
    src.write_text(hostile_report().to_json(), encoding="utf-8")
    for library in ("followthemoney", "openpyxl", "networkx"):
        monkeypatch.setitem(sys.modules, library, None)
    result = runner.invoke(app, ["export", str(src), "--format", "all", "-o", str(tmp_path / "exports")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == ["annotations.jsonld", "claims.jsonld", "tables"]
    for fmt, library in (("ftm", "followthemoney"), ("xlsx", "openpyxl"), ("gexf", "networkx")):
        assert f"not written: the {fmt} export needs the '{library}' library: {EXTRA}" in result.stderr


def test_cli_names_the_files_it_replaced(tmp_path):
    src = tmp_path / "report.json"
    src.write_text(hostile_report().to_json(), encoding="utf-8")
    out = tmp_path / "claims.jsonld"
    first = runner.invoke(app, ["export", str(src), "--format", "claims", "-o", str(out)])
    assert first.stdout.strip() == f"written: {out}"
    again = runner.invoke(app, ["export", str(src), "--format", "claims", "-o", str(out)])
    assert again.exit_code == 0 and again.stdout.strip() == f"replaced: {out}"
    tables = runner.invoke(app, ["export", str(src), "--format", "csv", "-o", str(tmp_path / "t")])
    assert tables.stdout.startswith("written: ") and "replaced" not in tables.stdout
    tables = runner.invoke(app, ["export", str(src), "--format", "csv", "-o", str(tmp_path / "t")])
    assert tables.stdout.startswith(f"replaced: {tmp_path / 't'}") and "written" not in tables.stdout


def test_all_formats_is_an_error_only_when_none_can_be_written(tmp_path, monkeypatch):
    import rashomon.export as export_module

    src = tmp_path / "report.json"
    src.write_text(hostile_report().to_json(), encoding="utf-8")
    heavy = {name: FORMATS[name] for name in ("ftm", "xlsx", "gexf")}
    monkeypatch.setattr(export_module, "FORMATS", heavy)  # only the formats of the extra
    for library in ("followthemoney", "openpyxl", "networkx"):
        monkeypatch.setitem(sys.modules, library, None)
    result = runner.invoke(app, ["export", str(src), "--format", "all", "-o", str(tmp_path / "exports")])
    assert result.exit_code == 1
    assert "error: the ftm export needs the 'followthemoney' library" in result.output and EXTRA in result.output
    assert not list((tmp_path / "exports").glob("*"))


def test_export_files_take_the_umask_as_reports_do(tmp_path):
    old = os.umask(0o022)
    try:
        written = export(hostile_report(), "claims", tmp_path / "claims.jsonld")
        os.umask(0o027)
        stricter = export(hostile_report(), "annotations", tmp_path / "annotations.jsonld")
    finally:
        os.umask(old)
    assert [oct(p.stat().st_mode & 0o777) for p in written + stricter] == ["0o644", "0o640"]


# --- FollowTheMoney -----------------------------------------------------------------------------

def _check_ftm(lines: list[dict]) -> None:
    """Every line is an entity of a concrete FtM schema that the FtM model
    re-cleans to exactly itself, with its required properties, and whose
    entity references point at entities of the file."""
    from followthemoney import model
    from followthemoney.types import registry

    ids = [d["id"] for d in lines]
    assert len(ids) == len(set(ids))
    for d in lines:
        schema = model.get(d["schema"])
        assert schema is not None and not schema.abstract, d["schema"]
        assert model.get_proxy(d, cleaned=False).to_dict()["properties"] == d["properties"], d
        assert schema.validate(d) is None
        assert set(schema.required) <= set(d["properties"]), d
        for name, values in d["properties"].items():
            if schema.get(name).type == registry.entity:
                assert set(values) <= set(ids), (d["schema"], name)


def test_ftm_entities_validate_with_the_followthemoney_model(export_report, tmp_path):
    lines = _ftm_lines(export_report, tmp_path)
    _check_ftm(lines)
    by_schema: dict[str, list[dict]] = {}
    for d in lines:
        by_schema.setdefault(d["schema"], []).append(d)
    assert len(by_schema["Article"]) == len(export_report.articles)
    notes = by_schema.get("Note", [])
    assert len(notes) == len(export_report.quotes) + len(export_report.claims)
    from followthemoney.types import registry  # FtM trims text values and drops control characters

    assert {n["properties"]["description"][0] for n in notes} == \
        {registry.text.clean(x.text) for x in (*export_report.quotes, *export_report.claims)}
    people = {d["properties"]["name"][0]: d for d in by_schema.get("Person", [])}
    for e in export_report.entities:
        if e.type == "PERSON":
            assert set(e.aliases) - {e.name} <= set(people[e.name]["properties"].get("alias", []))


def test_ftm_quotes_are_notes_on_their_speaker_with_the_article_as_proof(tmp_path):
    report = hostile_report()
    lines = _ftm_lines(report, tmp_path)
    by_id = {d["id"]: d for d in lines}
    note = next(d for d in lines if d["schema"] == "Note" and d["properties"]["description"] == [report.quotes[0].text])
    assert note["properties"]["keywords"] == ["quote", "direct"]
    assert by_id[note["properties"]["entity"][0]]["properties"]["name"] == ["=Ana Kovic"]
    article = by_id[note["properties"]["proof"][0]]
    assert article["schema"] == "Article"
    assert article["properties"]["title"] == ['=HYPERLINK("http://x.example","x")']
    assert article["properties"]["publisher"] == ["@Pier Post"]
    assert article["properties"]["publishedAt"] == ["2024-06-01"]
    assert article["properties"]["language"] == ["eng"]
    mentions = [d for d in lines if d["schema"] == "Mention"]
    kovic = next(m for m in mentions if m["properties"]["name"] == ["=Ana Kovic"])
    assert by_id[kovic["properties"]["resolved"][0]]["schema"] == "Person"
    assert kovic["properties"]["document"] == [article["id"]]
    link = next(d for d in lines if d["schema"] == "UnknownLink" and d["properties"]["role"] == ["contradicts"])
    assert by_id[link["properties"]["subject"][0]]["properties"]["description"] == [report.claims[0].text]
    assert link["properties"]["description"] == ["@30 aboard vs no one aboard"]


def test_ftm_ids_are_stable_across_exports_and_runs(tmp_path):
    one = _ftm_lines(hostile_report(), tmp_path / "one")
    renamed = hostile_report()
    for e in renamed.entities:  # another run may number the same entities differently
        e.id = "x" + e.id
    for rec in (*renamed.quotes, *renamed.claims):
        rec.speaker = "x" + rec.speaker if rec.speaker else None
    renamed.quotes[0].relayed_by = "xe2"
    renamed.claims[1].places = ["xe2"]
    two = _ftm_lines(renamed, tmp_path / "two")
    assert [d["id"] for d in one] == [d["id"] for d in two]


def _ftm_command() -> str | None:
    found = Path(sys.executable).with_name("ftm")
    return str(found) if found.exists() else shutil.which("ftm")


def test_ftm_file_loads_with_the_ftm_command(seed_report, tmp_path):
    ftm = _ftm_command()
    if ftm is None:
        msg = "the ftm command (package followthemoney, in the test extra) is not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(msg + " (CI=true: install .[test])")
        pytest.skip(msg)
    path = export(seed_report, "ftm", tmp_path / "entities.ftm.json")[0]
    mine = {d["id"]: d for d in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    for command in (["validate"], ["aggregate"]):
        done = subprocess.run([ftm, *command, "-i", str(path)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        theirs = {d["id"]: d for d in map(json.loads, done.stdout.splitlines())}
        assert theirs.keys() == mine.keys()
        assert all(theirs[k]["schema"] == mine[k]["schema"] for k in mine)
        assert all({p: sorted(v) for p, v in theirs[k]["properties"].items()}
                   == {p: sorted(v) for p, v in mine[k]["properties"].items()} for k in mine)


# --- schema.org Claim ---------------------------------------------------------------------------

#: The entries of schema.org's published JSON-LD context
#: (https://schema.org/docs/jsonldcontext.jsonld) for the terms the export
#: writes, served to rdflib in place of the network.
SCHEMA_ORG_CONTEXT = {"@context": {
    "type": "@type", "id": "@id", "@vocab": "http://schema.org/", "schema": "http://schema.org/",
    "url": {"@id": "schema:url", "@type": "@id"},
    "datePublished": {"@id": "schema:datePublished", "@type": "Date"},
}}


def _claims_graph(report: Report, tmp_path: Path, monkeypatch):
    import rdflib
    from rdflib.plugins.shared.jsonld import context as jsonld_context

    def offline(source, *args, **kwargs):
        assert str(source).rstrip("/") == "https://schema.org", source
        return SCHEMA_ORG_CONTEXT, None

    monkeypatch.setattr(jsonld_context, "source_to_json", offline)
    path = export(report, "claims", tmp_path / "claims.jsonld")[0]
    g = rdflib.Graph()
    g.parse(path, format="json-ld")
    return json.loads(path.read_text(encoding="utf-8")), g


def test_claims_parse_back_as_schema_org_claims(export_report, tmp_path, monkeypatch):
    from rdflib import RDF, Namespace

    S = Namespace("http://schema.org/")
    doc, g = _claims_graph(export_report, tmp_path, monkeypatch)
    assert doc["@context"] == "https://schema.org"
    claims = set(g.subjects(RDF.type, S.Claim))
    assert len(claims) == len(doc["@graph"]) > 0
    texts = {str(o) for c in claims for o in g.objects(c, S.text)}
    assert texts <= {c.text for c in export_report.claims}
    assert not set(g.subjects(RDF.type, S.ClaimReview)) and not list(g.triples((None, S.reviewRating, None)))
    joined = sum(len(item["identifier"]) for item in doc["@graph"] if isinstance(item["identifier"], list))
    repeats = sum(1 for r in export_report.relations if r.kind == "repeats")
    assert len(doc["@graph"]) == len(export_report.claims) - joined + sum(
        1 for item in doc["@graph"] if isinstance(item["identifier"], list))
    assert (joined > 0) == (repeats > 0)
    for item in doc["@graph"]:
        assert item["appearance"], item


def test_claims_author_appearance_and_first_appearance(tmp_path, monkeypatch):
    from rdflib import Namespace, URIRef

    S = Namespace("http://schema.org/")
    report = hostile_report()
    report.claims[3].article = "a1"  # the repeated words now also appear in the second article
    second = report.articles[1].text
    report.claims[3].start, report.claims[3].end = 0, len(second.split("\n")[0])
    report.claims[3].text = second[:report.claims[3].end]
    doc, g = _claims_graph(report, tmp_path, monkeypatch)
    item = next(i for i in doc["@graph"] if i["identifier"] == ["c0", "c3"])
    assert item["author"] == {"@type": "Person", "name": "=Ana Kovic"}
    assert [a.get("url") for a in item["appearance"]] == ["https://pier.example/a?b=<i>", None]
    assert item["firstAppearance"]["datePublished"] == "2024-06-01"
    node = URIRef(item["@id"])
    first = g.value(node, S.firstAppearance)
    assert str(g.value(first, S.datePublished)) == "2024-06-01"
    narrator = next(i for i in doc["@graph"] if i["identifier"] == "c2")
    assert narrator["author"] == {"@type": "Organization", "name": "-Bay <b>Times</b>"}  # the outlet's own voice
    report.articles[1].published = None  # an undated appearance: no first appearance is claimed
    doc, _ = _claims_graph(report, tmp_path, monkeypatch)
    assert "firstAppearance" not in next(i for i in doc["@graph"] if i["identifier"] == ["c0", "c3"])


def test_claims_first_appearance_needs_a_strictly_earlier_date():
    from rashomon.export.claims import _before

    assert _before("2023-08", "2023-09-21") and _before("2023-09-21", "2023-09-21T10:00") is False
    assert not _before("2023-09", "2023-09-21") and not _before("2023-09-21", "2023-09-21")
    assert _before("2023-09-21T09:59", "2023-09-21T10:00")


# --- GEXF ---------------------------------------------------------------------------------------

def test_gexf_reads_back_with_networkx(export_report, tmp_path):
    import networkx as nx

    from rashomon.export.gexf import EDGE_KINDS, graph

    path = export(export_report, "gexf", tmp_path / "network.gexf")[0]
    back = nx.read_gexf(path)
    mine = graph(export_report)
    assert {d["label"] for _, _, d in back.edges(data=True)} <= set(EDGE_KINDS)
    assert set(back.nodes) == set(mine.nodes)
    assert {n: back.nodes[n]["label"] for n in back} == {n: mine.nodes[n]["label"] for n in mine}
    assert sorted((u, v, d["label"], d["weight"]) for u, v, d in back.edges(data=True)) == \
        sorted((u, v, d["label"], float(d["weight"])) for u, v, d in mine.edges(data=True))
    n_quoted = sum(1 for q in export_report.quotes if q.speaker)
    assert sum(d["weight"] for _, _, d in back.edges(data=True) if d["label"] == "quotes") == n_quoted
    contra = [r for r in export_report.relations if r.kind == "contradicts"]
    assert sum(d["weight"] for _, _, d in back.edges(data=True) if d["label"] == "contradicts") == len(contra)


def test_gexf_who_contradicts_whom(tmp_path):
    import networkx as nx

    back = nx.read_gexf(export(hostile_report(), "gexf", tmp_path / "network.gexf")[0])
    assert back.nodes["e0"]["label"] == "=Ana Kovic" and back.nodes["e0"]["role"] == "+mayor"
    assert back.nodes["e1"]["label"] == "\U0001D4D2ole Reed"
    [(u, v, d)] = [(u, v, d) for u, v, d in back.edges(data=True) if d["label"] == "contradicts"]
    assert {u, v} == {"e0", "e1"} and d["claims"] == "c0~c1" and d["reasons"] == "@30 aboard vs no one aboard"
    [(u, v, d)] = [(u, v, d) for u, v, d in back.edges(data=True) if d["label"] == "quotes" and v == "e0"]
    assert u == "source:@Pier Post" and d["quotes"] == "q0"
    assert back.nodes["source:-Bay <b>Times</b>"]["kind"] == "source"
    relays = [(u, v) for u, v, d in back.edges(data=True) if d["label"] == "relays"]
    assert relays == [("e2", "e0")]


def test_claim_relations_need_both_claims(tmp_path):
    """A relation naming a claim the report lacks is left out of every export, not guessed."""
    text = "One said two.\n"
    report = Report(generator=Generator(version="0"),
                    articles=[Article(id="a0", name="a.txt", path="a.txt", text=text)],
                    claims=[Claim(id="c0", article="a0", start=0, end=12, text=text[:12])],
                    relations=[Relation(kind="contradicts", a="c0", b="c9", reason="r")])
    for fmt in FORMATS:
        export(report, fmt, tmp_path / FORMATS[fmt].suggested)
    lines = _ftm_lines(report, tmp_path)
    assert not [d for d in lines if d["schema"] == "UnknownLink"]


def test_every_format_and_table_is_documented():
    from rashomon.export.tables import TABLES

    doc = (Path(__file__).resolve().parents[1] / "docs" / "exports.md").read_text(encoding="utf-8")
    headings = [line for line in doc.splitlines() if line.startswith("## ")]
    for fmt in FORMATS:
        assert any(f"`{fmt}`" in h for h in headings), f"docs/exports.md has no section for {fmt}"
        assert f"--format {fmt}" in doc
    for name in TABLES:
        assert f"| `{name}` |" in doc, f"table {name} is not described in docs/exports.md"


def test_two_records_on_one_span_keep_apart_ids(tmp_path):
    """Two claims on one span, and two entities of one name kept apart, get ids of their own."""
    import copy

    from rashomon.export.annotations import collection
    from rashomon.report.context import build_context

    report = hostile_report()
    twin = copy.deepcopy(report.claims[1])
    twin.id, twin.polarity = "c9", "affirmed"
    namesake = copy.deepcopy(report.entities[1])
    namesake.id = "e9"
    report.claims.append(twin)
    report.entities.append(namesake)
    lines = _ftm_lines(report, tmp_path)
    _check_ftm(lines)
    assert sum(1 for d in lines if d["schema"] == "Person" and d["properties"]["name"] == ["\U0001D4D2ole Reed"]) == 2
    items = collection(report, build_context(report))["first"]["items"]
    assert len({i["id"] for i in items}) == len(items)

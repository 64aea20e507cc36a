"""Process maps as DOT, SVG and PNG; discovered models as BPMN and PNML; KPI tables as CSV,
Excel and JSON."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import warnings
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dossierflow.mining import (
    DossierflowError,
    Performance,
    discover,
    import_log,
    kpis,
    prepare,
    process_map,
    scorecard,
)
from dossierflow.mining.export.export_map import export_map
from dossierflow.mining.export.export_model import export_model
from dossierflow.mining.export.export_tables import export_kpis, export_table
from dossierflow.mining.log.log_view import LogView

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "datasets" / "sample" / "mini_centre.csv"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None,
                               reason="Graphviz's dot is not installed (apt-get install graphviz)")


@pytest.fixture(scope="module")
def view():
    return LogView.of_log(prepare(import_log(SAMPLE)))


def test_a_map_is_written_as_dot(view, tmp_path):
    path = export_map(process_map(view), tmp_path / "map.dot", lang="en")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("digraph process_map") and "Receive dossier" in text
    assert export_map(text, tmp_path / "again.gv", format="dot").read_text(
        encoding="utf-8") == text


@needs_dot
@pytest.mark.parametrize("fmt,magic", [("svg", b"<?xml"), ("png", b"\x89PNG\r\n\x1a\n")])
def test_a_map_is_drawn_as_svg_and_png(view, tmp_path, fmt, magic):
    path = export_map(process_map(view), tmp_path / f"map.{fmt}",
                      overlay=Performance(unit="working_days",
                                          minutes_per_day=view.minutes_per_day))
    data = path.read_bytes()
    assert data.startswith(magic) and len(data) > 1000
    if fmt == "svg":
        assert "Tiếp nhận hồ sơ" in data.decode("utf-8")


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_without_graphviz_the_message_says_how_to_install_it(view, tmp_path, monkeypatch, fmt):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(DossierflowError, match="Graphviz") as error:
        export_map(process_map(view), tmp_path / f"map.{fmt}")
    assert "apt-get install graphviz" in error.value.fix
    assert not (tmp_path / f"map.{fmt}").exists()


def _pm4py():
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink), \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pm4py
    return pm4py


@pytest.mark.parametrize("algorithm", ["imd", "heuristics"])
def test_a_discovered_model_reads_back_as_bpmn_and_pnml(view, tmp_path, algorithm):
    pm4py = _pm4py()
    model = discover(view, algorithm=algorithm)
    activities = set(model.dfg.activities)
    net, initial, final = pm4py.read_pnml(str(export_model(model, tmp_path / "model.pnml")))
    assert {t.label for t in net.transitions if t.label} == activities
    assert sum(initial.values()) == 1 and sum(final.values()) == 1
    bpmn = pm4py.read_bpmn(str(export_model(model, tmp_path / "model.bpmn")))
    tasks = {n.get_name() for n in bpmn.get_nodes()
             if type(n).__name__ == "Task"}
    assert tasks == activities
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.bpmn", "model.pnml"]


def test_model_format_may_be_named(view, tmp_path):
    path = export_model(discover(view), tmp_path / "model.xml", format="pnml")
    assert path.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "<pnml" in path.read_text(encoding="utf-8")
    with pytest.raises(DossierflowError, match="cannot tell the export format"):
        export_model(discover(view), tmp_path / "model.svg")


def test_kpis_as_csv_read_back_with_pandas(view, tmp_path):
    path = export_kpis(view, tmp_path / "kpis.csv", by="agency")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(path, encoding="utf-8-sig")
    expected = kpis(view, by="agency")
    assert list(back.columns) == list(expected.columns)
    assert back["agency"].tolist() == expected["agency"].tolist()
    pd.testing.assert_series_equal(back["n_received"], expected["n_received"],
                                   check_dtype=False)
    pd.testing.assert_series_equal(back["on_time_pct"], expected["on_time_pct"],
                                   check_dtype=False)


def test_kpis_as_excel_have_a_sheet_per_table(view, tmp_path):
    path = export_kpis(view, tmp_path / "kpis.xlsx", by="month")
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["overall", "scorecard", "by_month"]
    rows = list(book["scorecard"].iter_rows(values_only=True))
    expected = scorecard(view)
    assert list(rows[0]) == list(expected.columns) and len(rows) == len(expected) + 1
    overall = dict(zip(*list(book["overall"].iter_rows(values_only=True))))
    assert overall["n_received"] == int(kpis(view)["n_received"].iloc[0]) == 131


def test_kpis_as_json_are_keyed_tables(view, tmp_path):
    data = json.loads(export_kpis(view, tmp_path / "kpis.json", by="agency").read_text(
        encoding="utf-8"))
    assert list(data) == ["overall", "scorecard", "by_agency"]
    assert data["overall"][0]["n_received"] == 131
    assert {row["agency"] for row in data["by_agency"]} == set(
        kpis(view, by="agency")["agency"])
    assert any("ở" in row["agency"] for row in data["by_agency"])  # not \\u-escaped


TABLES = pd.DataFrame({
    "agency": ["Sở Tư pháp", "=cmd|' /C calc'!A0", "-"],
    "value": [-1.5, 2.0, 3.0],
    "at": pd.to_datetime(["2024-03-01 08:00", "2024-03-02 09:30", None]).tz_localize(
        "Asia/Ho_Chi_Minh")})


@pytest.mark.parametrize("fmt,check", [
    ("csv", lambda p: list(csv.reader(io.StringIO(p.read_text(encoding="utf-8-sig")))) == [
        ["agency", "value", "at"], ["Sở Tư pháp", "-1.5", "2024-03-01T08:00:00+07:00"],
        ["'=cmd|' /C calc'!A0", "2", "2024-03-02T09:30:00+07:00"], ["-", "3", ""]]),
    ("json", lambda p: json.loads(p.read_text(encoding="utf-8"))[0]["at"]
        == "2024-03-01T08:00:00+07:00"),
    ("parquet", lambda p: pd.read_parquet(p)["at"].equals(TABLES["at"])),
    ("xlsx", lambda p: [c.value for c in next(openpyxl.load_workbook(p).worksheets[0]
                                              .iter_cols(min_row=2, max_col=1))]
        == TABLES["agency"].tolist()),
])
def test_any_table_exports(tmp_path, fmt, check):
    assert check(export_table(TABLES, tmp_path / f"table.{fmt}"))


def test_several_tables_need_a_format_that_holds_them(tmp_path):
    with pytest.raises(DossierflowError, match="holds one table") as error:
        export_table({"a": TABLES, "b": TABLES}, tmp_path / "tables.csv")
    assert ".xlsx" in error.value.fix


def test_an_excel_sheet_has_a_row_limit(tmp_path, monkeypatch):
    import dossierflow.mining.export.export_tables as tables

    monkeypatch.setattr(tables, "EXCEL_MAX_ROWS", 3)
    with pytest.raises(DossierflowError, match="at most 2") as error:
        export_table(TABLES, tmp_path / "big.xlsx")
    assert "CSV or Parquet" in error.value.fix

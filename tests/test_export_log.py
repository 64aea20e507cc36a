"""Exported logs read back to the same log, through dossierflow's reader and through pm4py;
CSV and Excel cells that a spreadsheet could run as formulas are neutralised."""

from __future__ import annotations

import contextlib
import csv
import io
import sys
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dossierflow.mining import DossierflowError, MappingFile, import_log, prepare
from dossierflow.mining.export.export_log import export_log, log_tables
from dossierflow.mining.export.export_tables import formula_like
from dossierflow.mining.log.filters import apply_filters, model_in
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.vocabulary import TZ

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "datasets" / "sample" / "mini_centre.csv"
FORMATS = ("csv", "xlsx", "parquet", "xes", "xes.gz")


@pytest.fixture(scope="module")
def mini():
    return import_log(SAMPLE)


def _comparable(values: pd.Series, like: pd.Series) -> pd.Series:
    """``values`` in the type of ``like``: the same log may come back with other types from a
    format without types (CSV) or with other ones (Excel has no integers, XES no text dates)."""
    if pd.api.types.is_datetime64_any_dtype(like.dtype):
        if pd.api.types.is_datetime64_any_dtype(values.dtype):
            times = values if values.dt.tz is not None else values.dt.tz_localize(TZ)
        else:
            times = pd.to_datetime(values, utc=True, format="ISO8601")
        return times.dt.tz_convert("UTC").astype("datetime64[us, UTC]")
    if pd.api.types.is_bool_dtype(like.dtype):
        return values.astype("string").str.lower()
    if pd.api.types.is_numeric_dtype(like.dtype):
        return pd.to_numeric(values.astype("string"), errors="coerce").astype("float64")
    return values.astype("string")


def assert_same_table(expected: pd.DataFrame, actual: pd.DataFrame, what: str) -> None:
    assert sorted(actual.columns) == sorted(expected.columns), what
    assert len(actual) == len(expected), what
    for column in expected.columns:
        want = _comparable(expected[column], expected[column]).reset_index(drop=True)
        got = _comparable(actual[column], expected[column]).reset_index(drop=True)
        pd.testing.assert_series_equal(got, want, check_names=False, check_dtype=False,
                                       obj=f"{what} column {column!r}")


def assert_same_log(expected, actual) -> None:
    """Same dossiers, events (in order) and attributes; types as far as the format keeps them."""
    events, cases = log_tables(expected)
    back_events, back_cases = log_tables(actual)
    assert_same_table(events, back_events, "events")
    assert_same_table(cases, back_cases, "cases")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_sample_reads_back_the_same_through_our_reader(mini, tmp_path, fmt):
    done = export_log(mini, tmp_path / f"log.{fmt}")
    assert (done.format, done.cases, done.events) == (fmt.split(".")[0], 131, 711)
    back = import_log(done.path)
    assert back.report.rows_kept == 711 and not back.report.issues
    assert_same_log(mini, back)
    # exact types where the format keeps them
    if fmt in ("parquet", "xes", "xes.gz"):
        assert back.cases["legal_days"].tolist() == mini.cases["legal_days"].tolist()
        assert isinstance(back.events["timestamp"].dtype, pd.DatetimeTZDtype)


def _quiet_pm4py():
    sink = io.StringIO()
    stack = contextlib.ExitStack()
    stack.enter_context(contextlib.redirect_stdout(sink))
    stack.enter_context(contextlib.redirect_stderr(sink))
    stack.enter_context(warnings.catch_warnings())
    warnings.simplefilter("ignore")
    return stack


def read_with_pm4py(path: Path, variant: str | None = None) -> pd.DataFrame:
    """The export as pm4py sees it: read_xes, or pandas + format_dataframe."""
    with _quiet_pm4py():
        import pm4py

        name = path.name
        if name.endswith((".xes", ".xes.gz")):
            return pm4py.read_xes(str(path), **({"variant": variant} if variant else {}))
        if name.endswith(".csv"):
            frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False,
                                na_values=[""])
        elif name.endswith(".xlsx"):
            frame = pd.read_excel(path)
            for column in {"time:timestamp", "start_timestamp"} & set(frame.columns):
                frame[column] = pd.to_datetime(frame[column]).dt.tz_localize(TZ)
        else:
            frame = pd.read_parquet(path)
        return pm4py.format_dataframe(frame, case_id="case:concept:name",
                                      activity_key="concept:name",
                                      timestamp_key="time:timestamp")


@pytest.mark.parametrize("fmt,variant", [(f, None) for f in FORMATS] + [("xes", "iterparse")])
def test_the_sample_reads_back_the_same_through_pm4py(mini, tmp_path, fmt, variant):
    path = export_log(mini, tmp_path / f"log.{fmt}").path
    frame = read_with_pm4py(path, variant)
    frame = frame.sort_values(["case:concept:name", "time:timestamp"], kind="stable")
    events = mini.events
    got = pd.DataFrame({"case_id": frame["case:concept:name"], "activity": frame["concept:name"],
                        "timestamp": frame["time:timestamp"],
                        "start_timestamp": frame["start_timestamp"],
                        "resource": frame["org:resource"]})
    assert_same_table(events[got.columns], got, "events read by pm4py")
    # case attributes: trace attributes in XES, columns of every event row in tables
    prefix = "case:" if fmt.startswith("xes") else ""
    names = {"procedure_id": prefix + "procedure_id",
             "procedure_name": prefix + ("procedure_name" if prefix else "procedure"),
             "channel": prefix + "channel", "model": prefix + "model",
             "legal_days": prefix + "legal_days", "agency": "case:agency"}
    per_case = frame.groupby("case:concept:name", sort=True)[list(names.values())].first()
    per_case = per_case.rename(columns={v: k for k, v in names.items()}).reset_index()
    assert_same_table(mini.cases, per_case.rename(columns={"case:concept:name": "case_id"}),
                      "cases read by pm4py")


def test_a_filtered_view_exports_only_what_the_filters_kept(mini, tmp_path):
    view = apply_filters(LogView.of_log(prepare(mini)), [model_in("five_on_spot")])
    kept = view.cases.to_pandas()
    assert 0 < len(kept) < 131
    done = export_log(view, tmp_path / "five_on_spot.csv")
    assert (done.cases, done.events) == (len(kept), view.events.count().to_pandas())
    back = prepare(import_log(done.path))
    assert_same_log(view, back)
    assert set(back.cases["model"]) == {"five_on_spot"}
    # what prepare derives is computed again from the same data, not exported
    assert "on_time_class" not in pd.read_csv(done.path, encoding="utf-8-sig").columns
    pd.testing.assert_series_equal(
        back.cases.sort_values("case_id")["on_time_class"].reset_index(drop=True),
        kept.sort_values("case_id")["on_time_class"].reset_index(drop=True).astype("string"),
        check_dtype=False, check_names=False)


def test_a_prepared_log_exports_as_imported(mini, tmp_path):
    log = prepare(mini)
    back = prepare(import_log(export_log(log, tmp_path / "log.parquet").path))
    assert_same_log(log, back)


def test_csv_is_excel_friendly_utf8_with_bom_and_local_iso_times(mini, tmp_path):
    data = export_log(mini, tmp_path / "log.csv").path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    header, first = list(csv.reader(io.StringIO(text)))[:2]
    assert header[:5] == ["case:concept:name", "concept:name", "time:timestamp",
                          "start_timestamp", "org:resource"]
    assert first[2] == "2023-09-11T16:57:00+07:00"
    assert "Sở Giao thông vận tải" in first


def test_xlsx_holds_local_times_without_zone(mini, tmp_path):
    path = export_log(mini, tmp_path / "log.xlsx").path
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header, first = next(rows), next(rows)
    stamp = first[header.index("time:timestamp")]
    assert stamp == pd.Timestamp("2023-09-11 16:57").to_pydatetime() and stamp.tzinfo is None


@pytest.mark.parametrize("fmt", FORMATS)
def test_shared_one_stop_examples_read_back_the_same(examples_dir, tmp_path, fmt):
    log = import_log(examples_dir / "phieu_kiem_soat.csv",
                     cases=examples_dir / "danh_sach_ho_so.csv")
    back = import_log(export_log(log, tmp_path / f"log.{fmt}", pseudonymise=False).path)
    assert_same_log(log, back)


@pytest.mark.parametrize("name,formats", [
    ("running-example.xes", FORMATS),
    ("roadtraffic100traces.xes", FORMATS),
    ("receipt.xes.gz", ("parquet", "xes.gz")),
])
def test_shared_public_logs_read_back_the_same(public_dir, tmp_path, name, formats):
    log = import_log(public_dir / name)
    for fmt in formats:
        path = export_log(log, tmp_path / f"log.{fmt}").path
        assert_same_log(log, import_log(path))
        frame = read_with_pm4py(path)
        assert len(frame) == len(log.events)
        assert frame["case:concept:name"].nunique() == len(log.cases)


def test_repeated_identical_events_survive_with_duplicates_keep(public_dir, tmp_path):
    log = import_log(public_dir / "running-example.xes")
    events = pd.concat([log.events, log.events.iloc[[0]]]).sort_values(
        ["case_id", "timestamp"], kind="stable")
    doubled = type(log)(events=events, cases=log.cases, mapping=log.mapping,
                        reports=log.reports, rejected=log.rejected)
    path = export_log(doubled, tmp_path / "log.csv").path
    assert len(import_log(path).events) == len(log.events)  # the default drops the repeat
    assert len(import_log(path, mapping=MappingFile(duplicates="keep")).events) == len(events)
    assert len(import_log(export_log(doubled, tmp_path / "log.xes").path).events) == len(events)


# --- formula injection ------------------------------------------------------------------

FORMULA_CASES = [  # text cell, quoted in CSV?
    ("=1+2", True), ("+cmd|' /C calc'!A0", True), ("-2+3", True), ("@SUM(A1:A9)", True),
    ("\tx", True), ("\rx", True), ("=HYPERLINK(\"http://x\",\"y\")", True),
    ("-", False), ("--", False), ("-3", False), ("+84912345678", False), ("1,5", False),
    ("Tiếp nhận", False), ("a=b", False), ("", False),
]


@pytest.mark.parametrize("text,risky", FORMULA_CASES)
def test_formula_like_cells(text, risky):
    assert bool(formula_like(pd.Series([text])).iloc[0]) is risky


def _log_with(activities: list[str], note: list[str]) -> pd.DataFrame:
    n = len(activities)
    return pd.DataFrame({
        "case_id": [f"HS-{i // 2}" for i in range(n)], "activity": activities,
        "timestamp": [f"2024-03-0{1 + i // 2} 0{8 + i % 2}:00" for i in range(n)],
        "Ghi chú": note, "amount": [-5 + i for i in range(n)]})


def test_csv_quotes_formula_cells_and_keeps_numbers_and_dashes(tmp_path):
    source = tmp_path / "in.parquet"
    _log_with(["receive", "-", "receive", "=1+2"],
              ["@SUM(A1)", "-", "ok", "+thêm"]).to_parquet(source, index=False)
    done = export_log(import_log(source), tmp_path / "out.csv", pseudonymise=False)
    assert done.neutralised == 3
    text = done.path.read_text(encoding="utf-8-sig")
    assert "'=1+2" in text and "'@SUM(A1)" in text and "'+thêm" in text
    assert "\n=" not in text and ",=" not in text and ",@" not in text and ",+" not in text
    back = import_log(done.path)
    assert set(back.events["activity"]) == {"receive", "-", "'=1+2"}  # "-" unchanged
    assert back.events["amount"].tolist() == ["-5", "-4", "-3", "-2"]  # numbers unquoted


def test_xlsx_stores_formula_cells_as_flagged_text_and_reads_back_exactly(tmp_path):
    source = tmp_path / "in.parquet"
    _log_with(["receive", "-", "receive", "=1+2"],
              ["@SUM(A1)", "-", "ok", "+thêm"]).to_parquet(source, index=False)
    log = import_log(source)
    done = export_log(log, tmp_path / "out.xlsx", pseudonymise=False)
    assert done.neutralised == 3
    with zipfile.ZipFile(done.path) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
        styles = book.read("xl/styles.xml").decode("utf-8")
    assert "<f>" not in sheet and "<f " not in sheet  # no formula anywhere
    assert 'quotePrefix="1"' in styles
    cells = openpyxl.load_workbook(done.path).worksheets[0]
    flagged = {c.value for row in cells.iter_rows() for c in row if c.quotePrefix}
    assert flagged == {"=1+2", "@SUM(A1)", "+thêm"}
    amounts = [row[0].value for row in cells.iter_rows(min_row=2, min_col=5, max_col=5)]
    assert amounts == [-5, -4, -3, -2]  # numbers stay numbers
    assert_same_log(log, import_log(done.path))  # the original values, not quoted


# --- errors -----------------------------------------------------------------------------

@pytest.mark.parametrize("name,fmt,message", [
    ("log.txt", None, "cannot tell the export format"),
    ("log.csv", "docx", "not an export format"),
])
def test_unknown_formats_are_refused(mini, tmp_path, name, fmt, message):
    with pytest.raises(DossierflowError, match=message) as error:
        export_log(mini, tmp_path / name, format=fmt)
    assert error.value.fix


def test_format_option_wins_over_the_extension(mini, tmp_path):
    done = export_log(mini, tmp_path / "log.data", format="parquet")
    assert done.format == "parquet" and len(import_log(done.path).events) == 711


def test_an_empty_view_and_a_key_without_pseudonymisation_are_refused(mini, tmp_path):
    view = apply_filters(LogView.of_log(prepare(mini)), [model_in("no such model")])
    with pytest.raises(DossierflowError, match="no events"):
        export_log(view, tmp_path / "log.csv")
    with pytest.raises(DossierflowError, match="pseudonymisation is off"):
        export_log(mini, tmp_path / "log.csv", pseudonymise=False, key="k" * 32)
    with pytest.raises(DossierflowError, match="cannot export a DataFrame"):
        export_log(mini.events, tmp_path / "log.csv")
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_cli_export_filters_and_reports(tmp_path, monkeypatch, capsys):
    from dossierflow.app import cli

    monkeypatch.setenv("DOSSIERFLOW_PSEUDONYM_KEY", "")
    monkeypatch.setattr(sys, "argv", ["dossierflow", "export", str(SAMPLE), "--out",
                                      str(tmp_path / "five.xes.gz"), "--model", "five_on_spot"])
    cli.main()
    out = capsys.readouterr().out
    assert "Wrote 31 dossiers" in out and "Key: random" in out
    assert "pm4py" not in out.lower()
    back = import_log(tmp_path / "five.xes.gz")
    assert set(back.cases["model"]) == {"five_on_spot"} and len(back.cases) == 31


@pytest.mark.parametrize("args,message", [
    (["--key-env", "DOSSIERFLOW_NO_SUCH_KEY"], "DOSSIERFLOW_NO_SUCH_KEY"),
    (["--format", "docx"], "not an export format"),
    (["--agency", "no such agency"], "no events"),
])
def test_cli_export_errors_are_messages(tmp_path, monkeypatch, capsys, args, message):
    from dossierflow.app import cli

    monkeypatch.setattr(sys, "argv", ["dossierflow", "export", str(SAMPLE), "--out",
                                      str(tmp_path / "x.csv"), *args])
    with pytest.raises(SystemExit) as code:
        cli.main()
    err = capsys.readouterr().err
    assert code.value.code == 2 and message in err and "How to fix" in err
    assert "Traceback" not in err and not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_legal_time_limits_in_hours_read_back_the_same(tmp_path, fmt):
    source = tmp_path / "in.csv"
    pd.DataFrame({"MaHoSo": ["A", "A", "B", "B"],
                  "Tên bước": ["receive", "deliver_result"] * 2,
                  "Thời gian hoàn thành": ["01/03/2024 08:00", "01/03/2024 10:00",
                                           "14/03/2024 08:00", "15/03/2024 10:00"],
                  "ThoiGianGiaiQuyet": ["16", "16", "3", "3"],
                  "DonViTinh": ["Giờ", "Giờ", "Ngày", "Ngày"]}).to_csv(source, index=False)
    log = import_log(source)
    assert log.cases["legal_days"].tolist() == [2, 3]
    back = import_log(export_log(log, tmp_path / f"out.{fmt}").path)
    assert back.cases["legal_days"].tolist() == [2, 3]
    assert_same_log(log, back)


@pytest.mark.parametrize("fmt", FORMATS)
def test_awkward_text_reads_back_the_same(tmp_path, fmt):
    source = tmp_path / "in.parquet"
    notes = ["dòng 1\ndòng 2", 'nói "có"', "a, b; c|d", "tab\there", '<x a="1"> & </x>',
             "Cấp bản sao văn bằng, chứng chỉ"]
    pd.DataFrame({"case_id": ["A", "A", "A", "B", "B", "B"], "activity": notes,
                  "timestamp": pd.date_range("2024-03-04 08:00", periods=6, freq="37min",
                                             tz=TZ),
                  "Ghi chú": notes[::-1]}).to_parquet(source, index=False)
    log = import_log(source)
    back = import_log(export_log(log, tmp_path / f"out.{fmt}", pseudonymise=False).path)
    assert_same_log(log, back)

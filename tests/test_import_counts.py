"""The import's summary counts equal what a plain reader counts, after the report's stated drops.

Every log of ../shared/datasets/public is read once by dossierflow and once by pandas (CSV) or
pm4py (XES); so are the one-stop examples of ../shared/datasets/examples. The rows the report
says it rejected (its ``rejected`` table, by source row) or merged (start events folded into
their complete event) are taken out of the plain reader's table; what is left must give the
same number of events, cases and activities, and the rows must add up.
"""

from __future__ import annotations

import contextlib
import csv
import io
import warnings
from pathlib import Path

import pandas as pd
import pytest

from dossierflow.mining.io.import_log import ImportedLog, import_log
from dossierflow.mining.vocabulary import activity_ids

# (file, plain reader, case column, activity column, slow)
PUBLIC = [
    ("receipt.xes.gz", "pm4py", "case:concept:name", "concept:name", False),
    ("receipt.csv", "pandas", "case:concept:name", "concept:name", False),
    ("roadtraffic100traces.xes", "pm4py", "case:concept:name", "concept:name", False),
    ("roadtraffic100traces.csv", "pandas", "case:concept:name", "concept:name", False),
    ("roadtraffic_1t_per_variant.xes.gz", "pm4py", "case:concept:name", "concept:name", False),
    ("helpdesk.xes.gz", "pm4py", "case:concept:name", "concept:name", True),
    ("running-example.xes", "pm4py", "case:concept:name", "concept:name", False),
    ("running-example.csv", "pandas", "case:concept:name", "concept:name", False),
]
LIST_CASE = "Mã hồ sơ"
# the dossier list's date columns that are events (received, result ready, returned)
LIST_DATES = ("Ngày tiếp nhận", "Ngày có kết quả", "Ngày trả kết quả")
SHEET_CASE, SHEET_STEP = "Mã hồ sơ", "Tên bước"


def plain_csv(path: Path) -> pd.DataFrame:
    """pandas' reading of a CSV file, every cell text, with the physical line of each row.

    The header is the first line with as many cells as the line below it (the examples put
    report titles above it).
    """
    text = path.read_text(encoding="utf-8-sig")
    records = []
    reader = csv.reader(io.StringIO(text, newline=""))
    last = 0
    for fields in reader:
        records.append((last + 1, fields))
        last = reader.line_num
    filled = [(line, fields) for line, fields in records if any(f.strip() for f in fields)]
    header_at = next(i for i, (_, fields) in enumerate(filled)
                     if len(fields) > 1 and len(fields) == len(filled[i + 1][1]))
    header_line = filled[header_at][0]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                        skiprows=header_line - 1, encoding="utf-8-sig")
    frame.insert(0, "_line", [line for line, _ in filled[header_at + 1:]])
    return frame


def plain_excel(path: Path, header_row: int) -> pd.DataFrame:
    frame = pd.read_excel(path, header=header_row - 1, dtype=str)
    frame.insert(0, "_line", range(header_row + 1, header_row + 1 + len(frame)))
    return frame.dropna(how="all", subset=frame.columns[1:])


def plain_xes(path: Path) -> pd.DataFrame:
    """pm4py's reading of an XES log, rows numbered 1, 2, … as the import numbers events."""
    import pm4py

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = pm4py.read_xes(str(path), show_progress_bar=False)
    return frame.reset_index(drop=True).assign(_line=range(1, len(frame) + 1))


def after_stated_drops(frame: pd.DataFrame, imported: ImportedLog, source: Path) -> pd.DataFrame:
    """The plain reader's rows minus those the import's ``rejected`` table names."""
    rejected = imported.rejected
    gone = set(rejected.loc[rejected["file"] == str(source), "row"].astype(int))
    assert gone <= set(frame["_line"]), "the report names rows the file does not have"
    return frame.loc[~frame["_line"].isin(gone)]


def merged(imported: ImportedLog, source: Path) -> int:
    """Rows the report says were merged into another row of the same case (start events)."""
    report = next(r for r in imported.reports if r.file == str(source))
    return sum(i.count for i in report.issues if i.action == "merged")


def assert_rows_add_up(imported: ImportedLog) -> None:
    rejected = 0
    for report in imported.reports:
        gone = {action: sum(i.count for i in report.issues if i.action == action)
                for action in ("dropped", "merged", "excluded")}
        assert set(i.action for i in report.issues) <= {*gone, "repaired", "kept"}
        assert report.rows_read == report.rows_kept + sum(gone.values()), report.lines()
        rejected += gone["dropped"] + gone["excluded"]
    assert len(imported.rejected) == rejected


def event_log_counts(frame: pd.DataFrame, case: str, activity: str, merged: int) -> dict:
    cases = frame[case].astype("string").str.strip()
    steps = frame[activity].astype("string").str.strip()
    ids, _ = activity_ids(steps)
    return {"events": len(frame) - merged, "cases": cases.nunique(),
            "activities": ids.nunique()}


def imported_counts(imported: ImportedLog) -> dict:
    summary = imported.summary()
    return {k: summary[k] for k in ("events", "cases", "activities")}


@pytest.mark.parametrize("name,reader,case,activity", [
    pytest.param(*row[:4], marks=[pytest.mark.slow] if row[4] else [], id=row[0])
    for row in PUBLIC])
def test_public_log_counts_equal_a_plain_reader(public_dir, name, reader, case, activity):
    path = public_dir / name
    imported = import_log(path)
    assert_rows_add_up(imported)
    frame = plain_xes(path) if reader == "pm4py" else plain_csv(path)
    assert imported.report.rows_read == len(frame)
    kept = after_stated_drops(frame, imported, path)
    assert imported_counts(imported) == event_log_counts(kept, case, activity,
                                                         merged(imported, path))
    assert len(imported.cases) == imported.summary()["cases"]


def test_control_sheet_counts_equal_pandas(examples_dir):
    path = examples_dir / "phieu_kiem_soat.csv"
    imported = import_log(path)
    assert_rows_add_up(imported)
    frame = plain_csv(path)
    assert imported.report.rows_read == len(frame)
    kept = after_stated_drops(frame, imported, path)
    assert imported_counts(imported) == event_log_counts(
        kept, SHEET_CASE, SHEET_STEP, merged(imported, path))


def list_counts(listing: pd.DataFrame) -> dict:
    """A dossier list's events are its filled date columns, one case per dossier."""
    return {"events": int(listing[list(LIST_DATES)].notna().sum().sum()),
            "cases": listing[LIST_CASE].nunique()}


@pytest.mark.parametrize("name", ["danh_sach_ho_so.csv", "danh_sach_ho_so.xlsx"])
def test_dossier_list_counts_equal_pandas(examples_dir, name):
    path = examples_dir / name
    imported = import_log(path)
    assert_rows_add_up(imported)
    frame = plain_csv(path) if path.suffix == ".csv" else plain_excel(path, header_row=5)
    assert imported.report.rows_read == len(frame)
    kept = after_stated_drops(frame, imported, path)
    summary = imported.summary()
    assert {"events": summary["events"], "cases": summary["cases"]} == list_counts(kept)


def test_sheet_with_list_counts_equal_pandas(examples_dir):
    """Control sheet + dossier list: the sheet's steps, plus each dossier's return of the
    result (the sheet has no such step), plus every date of dossiers the sheet lacks."""
    sheet_path = examples_dir / "phieu_kiem_soat.csv"
    list_path = examples_dir / "danh_sach_ho_so.csv"
    imported = import_log(sheet_path, cases=list_path)
    assert_rows_add_up(imported)
    sheet = after_stated_drops(plain_csv(sheet_path), imported, sheet_path)
    listing = after_stated_drops(plain_csv(list_path), imported, list_path)
    steps, _ = activity_ids(sheet[SHEET_STEP].str.strip())
    assert "deliver_result" not in set(steps), "the sheet records returns: count them apart"
    in_sheet = listing[LIST_CASE].isin(sheet[SHEET_CASE])
    events = (len(sheet) + int(listing.loc[in_sheet, LIST_DATES[-1]].notna().sum())
              + list_counts(listing.loc[~in_sheet])["events"])
    cases = len(set(sheet[SHEET_CASE]) | set(listing[LIST_CASE]))
    summary = imported.summary()
    assert (summary["events"], summary["cases"]) == (events, cases)

"""Dossiers whose events are in an impossible order are reported per dossier, flagged in the
workspace, and kept or excluded as the user chooses (issue 16, item 5)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dossierflow.mining import ColumnMappingError, import_log, open_workspace
from dossierflow.mining.io.event_order import ORDER_RULES
from dossierflow.mining.vocabulary import activities
from tests.support.cli import run

DAY = "2023-03-01"
# dossier -> (activity, start, end) on DAY; the rule each bad dossier breaks
STEPS = {
    "OK-1": [("Receive dossier", "08:00", "08:10"), ("Appraise", "09:00", "10:00"),
             ("Issue result", "10:30", "11:00"), ("Deliver result", "14:00", "14:05")],
    "OK-2": [("Receive dossier", "08:00", "08:20"), ("Deliver result", "15:00", "15:10")],
    "DELIVERED-EARLY": [("Receive dossier", "08:00", "08:10"), ("Appraise", "09:00", "10:00"),
                        ("Deliver result", "10:05", "10:10"), ("Issue result", "10:30", "11:00")],
    "BEFORE-RECEIPT": [("Deliver result", "07:00", "07:05"), ("Receive dossier", "08:00", "08:10"),
                       ("Issue result", "10:30", "11:00")],
    "NO-APPRAISAL-YET": [("Receive dossier", "08:00", "08:10"), ("Issue result", "09:00", "09:30"),
                         ("Appraise", "10:00", "10:30"), ("Deliver result", "14:00", "14:05")],
    "BACKWARDS-STEP": [("Receive dossier", "09:00", "08:30"), ("Deliver result", "14:00", "14:05")],
}
BROKEN = {"DELIVERED-EARLY": {"delivered_before_result"},
          "BEFORE-RECEIPT": {"delivered_before_receipt", "delivered_before_result"},
          "NO-APPRAISAL-YET": {"result_before_appraisal"},
          "BACKWARDS-STEP": {"start_after_end"}}
ROWS = sum(len(s) for s in STEPS.values())


def write_log(tmp_path) -> str:
    rows = [{"case_id": case, "activity": activity, "start_timestamp": f"{DAY} {start}",
             "timestamp": f"{DAY} {end}"}
            for case, steps in STEPS.items() for activity, start, end in steps]
    path = tmp_path / "orders.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def broken(flags: pd.DataFrame) -> dict[str, set[str]]:
    return {case: set(hits["rule"]) for case, hits in flags.groupby("case_id")}


def assert_rows_add_up(imported) -> None:
    for report in imported.reports:
        merged = sum(i.count for i in report.issues if i.action == "merged")
        assert report.rows_read == (report.rows_kept + report.rows_dropped + merged
                                    + report.rows_excluded), report.lines()
    assert len(imported.rejected) == sum(r.rows_dropped + r.rows_excluded
                                         for r in imported.reports)


def test_rules_speak_the_activity_vocabulary():
    known = set(activities().index)
    for rule in ORDER_RULES:
        assert set(rule.later) | set(rule.earlier) <= known, rule.name


def test_generated_log_flags_each_rule_and_keeps_the_dossiers(tmp_path):
    imported = import_log(write_log(tmp_path))
    assert broken(imported.flags) == BROKEN
    assert set(imported.flags["action"]) == {"kept"}
    assert set(imported.events["case_id"]) == set(STEPS)
    found = {o.rule: o for o in imported.report.orders}
    assert found["delivered_before_result"].dossiers == 2
    assert found["delivered_before_result"].examples == ["BEFORE-RECEIPT", "DELIVERED-EARLY"]
    text = "\n".join(imported.report.lines())
    assert ("flagged: 1 dossier — result delivered before the dossier was received "
            "[rule delivered_before_receipt]: BEFORE-RECEIPT") in text
    detail = imported.flags.set_index("rule").at["delivered_before_receipt", "detail"]
    assert detail == ("deliver_result at 2023-03-01 07:05 before receive at 2023-03-01 08:10")
    assert imported.report.rows_kept == ROWS
    assert_rows_add_up(imported)


def test_generated_log_excluded_through_the_python_api(tmp_path):
    imported = import_log(write_log(tmp_path), impossible_orders="exclude")
    assert set(imported.events["case_id"]) == {"OK-1", "OK-2"}
    assert set(imported.cases["case_id"]) == {"OK-1", "OK-2"}
    excluded_rows = sum(len(STEPS[c]) for c in BROKEN)
    assert imported.report.rows_excluded == excluded_rows
    assert imported.report.rows_kept == ROWS - excluded_rows
    assert_rows_add_up(imported)
    assert imported.rejected["reason"].str.startswith("dossier excluded").all()
    assert set(imported.flags["action"]) == {"excluded"}
    assert f"{excluded_rows} excluded" in imported.report.lines()[0]


def test_mapping_file_chooses_exclusion(tmp_path):
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"impossible_orders": "exclude"}), encoding="utf-8")
    imported = import_log(write_log(tmp_path), mapping=mapping)
    assert set(imported.cases["case_id"]) == {"OK-1", "OK-2"}
    mapping.write_text(json.dumps({"impossible_orders": "drop"}), encoding="utf-8")
    with pytest.raises(ColumnMappingError, match="impossible_orders"):
        import_log(write_log(tmp_path), mapping=mapping)


def test_excluding_every_dossier_is_a_clear_error(tmp_path):
    path = tmp_path / "all_bad.csv"
    pd.DataFrame({"case_id": ["A", "A"], "activity": ["Deliver result", "Receive dossier"],
                  "timestamp": ["2023-03-01 08:00", "2023-03-01 09:00"]}).to_csv(path,
                                                                               index=False)
    with pytest.raises(ColumnMappingError, match="every dossier breaks an order rule"):
        import_log(path, impossible_orders="exclude")


def test_cli_keeps_flags_by_default_and_excludes_on_request(tmp_path):
    log, home = write_log(tmp_path), tmp_path / "home"
    kept = run("import", log, "--name", "kept", home=home)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    assert "[rule result_before_appraisal]: NO-APPRAISAL-YET" in kept.stdout
    left = run("import", log, "--name", "left", "--impossible-orders", "exclude", home=home)
    assert left.returncode == 0, left.stdout + left.stderr
    assert "excluded: 2 dossiers — result delivered before it was ready" in left.stdout
    for name, cases, action in (("kept", len(STEPS), "kept"), ("left", 2, "excluded")):
        workspace = open_workspace(home / f"{name}.duckdb")
        try:
            assert workspace.cases.count().execute() == cases
            assert broken(workspace.flags()) == BROKEN
            assert set(workspace.flags()["action"]) == {action}
            assert workspace.reports[0].orders[0].action in ("flagged", "excluded")
        finally:
            workspace.close()
    mined = run("mine", "left", "--out", tmp_path / "out", home=home)
    assert mined.returncode == 0, mined.stdout + mined.stderr
    wrong = run("import", log, "--impossible-orders", "drop", home=home)
    assert wrong.returncode == 2


def test_dossier_list_returned_before_its_result(tmp_path):
    path = tmp_path / "list.csv"
    pd.DataFrame({"Mã hồ sơ": ["L1", "L2"],
                  "Ngày tiếp nhận": ["01/03/2023 08:00", "02/03/2023 08:00"],
                  "Ngày có kết quả": ["03/03/2023 10:00", "06/03/2023 10:00"],
                  "Ngày trả kết quả": ["03/03/2023 09:00", "06/03/2023 11:00"]}).to_csv(
        path, index=False)
    imported = import_log(path)
    assert broken(imported.flags) == {"L1": {"delivered_before_result"}}


@pytest.fixture
def examples(shared_dir):
    folder = shared_dir / "datasets" / "examples"
    if not (folder / "phieu_kiem_soat.csv").is_file():
        pytest.skip(f"{folder} is absent")
    return folder / "phieu_kiem_soat.csv", folder / "danh_sach_ho_so.csv"


def test_examples_report_their_order_errors(examples):
    sheet, listing = examples
    imported = import_log(sheet, cases=listing)
    dossiers = {o.rule: o.dossiers for o in imported.report.orders}
    assert dossiers == {"delivered_before_result": 10, "delivered_before_receipt": 2}
    assert imported.flags["case_id"].nunique() == 10
    assert imported.cases["case_id"].nunique() == 75
    assert_rows_add_up(imported)


def test_examples_without_their_order_errors(examples):
    sheet, listing = examples
    imported = import_log(sheet, cases=listing, impossible_orders="exclude")
    assert imported.cases["case_id"].nunique() == 65
    assert imported.events["case_id"].nunique() == 65
    assert [r.rows_excluded for r in imported.reports][1] == 10
    assert_rows_add_up(imported)
    pairs = set(zip(imported.events["activity"], imported.events.groupby("case_id")[
        "activity"].shift(-1)))
    assert ("deliver_result", "receive") not in pairs

"""Issue 16 item 10: a given due date (Ngày hẹn trả) already holds the supplement pause; only a
due date computed from the legal time gets the pause added. Where the export carries the
system's own verdict (Kết quả), the report says how far the computed class agrees with it."""

from __future__ import annotations

import pandas as pd
import pytest

from dossierflow.mining import LogView, import_log, kpis, prepare
from dossierflow.mining.analysis.kpis import verdict_crosstab

# Legal time 2 working days, week of Monday 4 March 2024 (office 7:30-11:30, 13:30-17:00).
# The one-stop system set each due date as it does: receipt + legal time, plus the supplement
# pause when one was requested (a new appointment date is issued when the supplement arrives).
DOSSIERS = (
    "Mã hồ sơ,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Thời hạn giải quyết,Kết quả\n"
    # pause Mon 09:00 -> Wed 09:00 (2 working days): due Mon 08:00 + 2 + 2 = Fri 08:00; the
    # result on Mon 11/03 10:00 is after it, though before due + pause (Tue 12/03 08:00)
    "paused_late,2024-03-04 08:00,2024-03-08 08:00,2024-03-11 10:00,2,Trễ hạn\n"
    "paused_early,2024-03-04 08:00,2024-03-08 08:00,2024-03-07 15:00,2,Trước hạn\n"
    # no due date given: due = receipt + 2 working days (Wed 08:00) + the pause
    "legal_paused,2024-03-04 08:00,,2024-03-07 16:00,2,Đúng hạn\n"
    "plain_late,2024-03-04 08:00,2024-03-06 08:00,2024-03-06 10:00,2,Trễ hạn\n"
    # the system says late where the dates say early: a disagreement to report
    "disagree,2024-03-04 08:00,2024-03-06 08:00,2024-03-05 10:00,2,Trễ hạn\n")
SUPPLEMENT = ("{case},Yêu cầu bổ sung hồ sơ,2024-03-04 09:00\n"
              "{case},Công dân bổ sung hồ sơ,2024-03-06 09:00\n")


def event_log() -> str:
    rows = ["Mã hồ sơ,Tên bước,Thời gian hoàn thành\n"]
    for line in DOSSIERS.splitlines()[1:]:
        case, received, _, finished = line.split(",")[:4]
        rows.append(f"{case},Tiếp nhận hồ sơ,{received}\n")
        if case.startswith(("paused", "legal")):
            rows.append(SUPPLEMENT.format(case=case))
        rows.append(f"{case},Ban hành kết quả,{finished}\n")
    return "".join(rows)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("due")
    (folder / "pks.csv").write_text(event_log(), encoding="utf-8")
    (folder / "ds.csv").write_text(DOSSIERS, encoding="utf-8")
    return import_log(folder / "pks.csv", cases=folder / "ds.csv")


@pytest.fixture(scope="module")
def log(imported):
    return prepare(imported)


def test_given_due_date_is_not_extended_by_the_pause(log):
    cases = log.cases.set_index("case_id")
    assert cases.loc["paused_late", "supplement_pause_working_minutes"] == pytest.approx(900)
    assert cases["on_time_class"].to_dict() == {
        "paused_late": "late", "paused_early": "early", "legal_paused": "early",
        "plain_late": "late", "disagree": "early"}
    # Fri 08:00 -> Mon 10:00: 7 working hours on Friday and 2.5 on Monday
    assert cases.loc["paused_late", "lateness_working_hours"] == pytest.approx(9.5)


def test_computed_due_date_still_gets_the_pause(log):
    cases = log.cases.set_index("case_id")
    assert cases.loc["legal_paused", "due_at"] == pd.Timestamp("2024-03-06 08:00",
                                                               tz="Asia/Ho_Chi_Minh")
    # finished Thu 16:00, 2 working days of pause: judged as of Tue 16:00, before Wed 08:00
    assert cases.loc["legal_paused", "on_time_class"] == "early"


def test_kpis_count_the_given_due_dates_as_given(log):
    row = kpis(LogView.of_log(log)).iloc[0]
    assert (row["n_judged"], row["n_late"]) == (5, 2)
    assert row["on_time_pct"] == pytest.approx(60.0)


def test_agreement_with_the_systems_own_verdict(imported, log):
    row = kpis(LogView.of_log(log)).iloc[0]
    assert row["n_system_verdict"] == 5
    assert row["system_agreement_pct"] == pytest.approx(80.0)
    table = verdict_crosstab(LogView.of_log(log))
    assert table.loc["late", "late"] == 2 and table.loc["early", "late"] == 1
    assert table.loc["early", "early"] == 1 and table.loc["early", "on_time"] == 1
    assert int(table.to_numpy().sum()) == 5
    note = next(n for r in imported.reports for n in r.notes if "Kết quả" in n)
    assert "4 of 5" in note and "80.0 %" in note


def test_a_log_without_a_verdict_has_no_agreement(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text("\n".join(line.rsplit(",", 1)[0] for line in DOSSIERS.splitlines()) + "\n",
                    encoding="utf-8")
    log = prepare(import_log(path))
    row = kpis(LogView.of_log(log)).iloc[0]
    assert pd.isna(row["system_agreement_pct"]) and "system" not in row["reasons"]
    assert verdict_crosstab(LogView.of_log(log)).empty

"""Bottleneck rankings, waiting causes, late attribution, apology letters and rework loops on
small hand-computed logs (March 2024: no holiday; 450 office minutes a day)."""

from __future__ import annotations

import textwrap

import pandas as pd
import pytest

from dossierflow.mining import import_log, prepare
from dossierflow.mining.analysis.apology_letters import apology_letters
from dossierflow.mining.analysis.bottlenecks import bottlenecks
from dossierflow.mining.analysis.late_attribution import late_attribution
from dossierflow.mining.analysis.rework_loops import rework_loops
from dossierflow.mining.analysis.waiting_causes import waiting_causes
from dossierflow.mining.log.log_view import LogView

DAY = 450.0


def view_of(tmp_path, text: str) -> LogView:
    path = tmp_path / "log.csv"
    path.write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
    return LogView.of_log(prepare(import_log(path)))


def edge(table: pd.DataFrame, source: str, target: str) -> pd.Series:
    rows = table[(table["activity"] == source) & (table["next_activity"] == target)]
    assert len(rows) == 1, table
    return rows.iloc[0]


# W1 waits over a weekend: Fri 08/03 16:00 → Mon 11/03 08:30 is 3,870 wall minutes of which
# 120 are office time (Fri 16:00-17:00, Mon 07:30-08:30).
# B1-B3 are received at 08:00, 10:00 and 14:00 on Tue 12/03 and all transferred at 15:00 by
# the same clerk: waits of 300, 180 and 60 office minutes (420, 300, 60 wall minutes).
# Q1 waits 08:00-10:00 for its appraiser, who works on Q2 from 09:00: 60 minutes of queueing,
# then 60 of processing; Q2 waits 07:45-09:00 while the appraiser is free, then 90 of
# processing.
WAITS = """
case_id,activity,start_timestamp,timestamp,resource,agency
W1,receive,,2024-03-08 16:00,Hoa,CENTRE
W1,transfer_to_agency,,2024-03-11 08:30,Văn thư,CENTRE
B1,receive,,2024-03-12 08:00,Hoa,CENTRE
B1,transfer_to_agency,,2024-03-12 15:00,Văn thư,CENTRE
B2,receive,,2024-03-12 10:00,Hoa,CENTRE
B2,transfer_to_agency,,2024-03-12 15:00,Văn thư,CENTRE
B3,receive,,2024-03-12 14:00,Hoa,CENTRE
B3,transfer_to_agency,,2024-03-12 15:00,Văn thư,CENTRE
Q1,receive,,2024-03-14 08:00,Hoa,CENTRE
Q1,appraise,2024-03-14 10:00,2024-03-14 11:00,Mai,DEPT
Q2,receive,,2024-03-14 07:45,Hoa,CENTRE
Q2,appraise,2024-03-14 09:00,2024-03-14 10:30,Mai,DEPT
"""


@pytest.fixture(scope="module")
def waits(tmp_path_factory) -> LogView:
    return view_of(tmp_path_factory.mktemp("waits"), WAITS)


@pytest.mark.parametrize("source, target, expected", [
    # weekend: everything but the 120 office minutes is off-hours
    ("receive", "transfer_to_agency", dict(
        n_transitions=4, n_batched=3, wait_minutes=3870 + 780,
        off_hours_minutes=3750 + 240, batching_minutes=540, other_minutes=120)),
    ("receive", "appraise", dict(
        n_transitions=2, n_batched=0, n_with_start_times=2, wait_minutes=120 + 75,
        off_hours_minutes=0, queueing_minutes=60, processing_minutes=60 + 90,
        other_minutes=60 + 75)),
])
def test_waiting_causes(waits, source, target, expected):
    row = edge(waiting_causes(waits), source, target)
    for column, value in expected.items():
        assert row[column] == pytest.approx(value), column
    parts = sum(row[f"{c}_minutes"] for c in ("off_hours", "batching", "other"))
    parts += 0 if pd.isna(row["queueing_minutes"]) else row["queueing_minutes"]
    assert parts == pytest.approx(row["wait_minutes"])


def test_weekend_share_and_no_split_without_start_times(tmp_path):
    view = view_of(tmp_path, "\n".join(WAITS.strip().splitlines()[:3]))
    row = edge(waiting_causes(view), "receive", "transfer_to_agency")
    assert row["off_hours_share"] == pytest.approx(3750 / 3870)
    assert row["other_share"] == pytest.approx(120 / 3870)
    assert pd.isna(row["queueing_minutes"]) and "cannot be split" in row["note"]


def test_batch_needs_several_dossiers(waits):
    assert edge(waiting_causes(waits, min_batch=4), "receive",
                "transfer_to_agency")["n_batched"] == 0


@pytest.mark.parametrize("level, first, total_days, median_days", [
    ("edge", ("receive", "transfer_to_agency"), (120 + 540) / DAY, 150 / DAY),
    ("activity", ("transfer_to_agency",), (120 + 540) / DAY, 150 / DAY),
    ("resource", ("Văn thư",), (120 + 540) / DAY, 150 / DAY),
    ("agency", ("CENTRE",), (120 + 540) / DAY, 150 / DAY),
])
def test_bottleneck_ranking(waits, level, first, total_days, median_days):
    table = bottlenecks(waits, level=level)
    top = table.iloc[0]
    keys = [c for c in ("activity", "next_activity", "resource", "agency") if c in table]
    assert tuple(top[keys]) == first
    assert top["rank_total"] == 1 and top["n_dossiers"] == 4
    assert top["total_wait_working_days"] == pytest.approx(total_days)
    assert top["median_wait_working_days"] == pytest.approx(median_days)
    assert table["share_of_total"].sum() == pytest.approx(1)


def test_bottleneck_rank_by_median(waits):
    table = bottlenecks(waits, level="edge").set_index(["activity", "next_activity"])
    # receive → appraise: in-tray waits 120 and 75 (processing apart), median 97.5 < 150
    assert table.loc[("receive", "appraise"), "median_wait_working_days"] == pytest.approx(
        97.5 / DAY)
    assert table.loc[("receive", "appraise"), "rank_median"] == 2
    with pytest.raises(ValueError):
        bottlenecks(waits, level="variant")


# Procedure P, due the next day. L1-L3 take 60 + 120 + 90 office minutes; L4 spends 3 days in
# appraisal at the health department; L5 is fast but the counter asks a second supplement;
# L6 is still after its transfer at the log's end (L7, 22/03).
LATE = """
case_id,activity,timestamp,resource,agency,procedure_id,due_at,case:agency
L1,receive,2024-03-04 08:00,Hoa,CENTRE,P,2024-03-05 17:00,DEPT_HEALTH
L1,transfer_to_agency,2024-03-04 09:00,Văn thư,CENTRE,,,
L1,appraise,2024-03-04 11:00,Tâm,DEPT_HEALTH,,,
L1,issue_result,2024-03-04 14:30,Lãnh đạo,DEPT_HEALTH,,,
L2,receive,2024-03-05 08:00,Hoa,CENTRE,P,2024-03-06 17:00,DEPT_HEALTH
L2,transfer_to_agency,2024-03-05 09:00,Văn thư,CENTRE,,,
L2,appraise,2024-03-05 11:00,Bình,DEPT_HEALTH,,,
L2,issue_result,2024-03-05 14:30,Lãnh đạo,DEPT_HEALTH,,,
L3,receive,2024-03-06 08:00,Hoa,CENTRE,P,2024-03-07 17:00,DEPT_HEALTH
L3,transfer_to_agency,2024-03-06 09:00,Văn thư,CENTRE,,,
L3,appraise,2024-03-06 11:00,Bình,DEPT_HEALTH,,,
L3,issue_result,2024-03-06 14:30,Lãnh đạo,DEPT_HEALTH,,,
L4,receive,2024-03-11 08:00,Hoa,CENTRE,P,2024-03-12 17:00,DEPT_HEALTH
L4,transfer_to_agency,2024-03-11 09:00,Văn thư,CENTRE,,,
L4,appraise,2024-03-14 09:00,Tâm,DEPT_HEALTH,,,
L4,issue_result,2024-03-14 11:00,Lãnh đạo,DEPT_HEALTH,,,
L5,receive,2024-03-18 08:00,Hoa,CENTRE,P,2024-03-19 17:00,DEPT_HEALTH
L5,request_supplement,2024-03-18 08:30,Hoa,CENTRE,,,
L5,supplement_received,2024-03-18 09:00,Hoa,CENTRE,,,
L5,request_supplement,2024-03-18 09:30,Hoa,CENTRE,,,
L5,supplement_received,2024-03-18 10:00,Hoa,CENTRE,,,
L5,issue_result,2024-03-18 11:00,Lãnh đạo,DEPT_HEALTH,,,
L6,receive,2024-03-19 08:00,Hoa,CENTRE,P,2024-03-20 17:00,DEPT_HEALTH
L6,transfer_to_agency,2024-03-19 09:00,Văn thư,CENTRE,,,
L7,receive,2024-03-22 09:00,Hoa,CENTRE,Q,2024-03-29 17:00,DEPT_HEALTH
"""


@pytest.fixture(scope="module")
def late(tmp_path_factory) -> LogView:
    return view_of(tmp_path_factory.mktemp("late"), LATE)


@pytest.mark.parametrize("case_id, expected", [
    # Mon 11/03 09:00 → Thu 14/03 09:00 is 3 working days; the median of that step is 120 min
    ("L4", dict(reason="overrun", previous_activity="transfer_to_agency", step="appraise",
                agency="DEPT_HEALTH", resource="Tâm", step_working_days=3.0,
                expected_working_days=120 / DAY, excess_working_days=3 - 120 / DAY)),
    ("L5", dict(reason="repeated_supplement_request", previous_activity="supplement_received",
                step="request_supplement", agency="CENTRE", resource="Hoa")),
    # pending since Tue 19/03 09:00 until Fri 22/03 09:00 = 3 days; after a transfer the
    # median is 120 minutes
    ("L6", dict(reason="overrun", previous_activity="transfer_to_agency", step=None,
                agency="DEPT_HEALTH", resource=None, step_working_days=3.0,
                expected_working_days=120 / DAY, excess_working_days=3 - 120 / DAY)),
])
def test_late_attribution(late, case_id, expected):
    table = late_attribution(late).set_index("case_id")
    assert sorted(table.index) == ["L4", "L5", "L6"]
    row = table.loc[case_id]
    for column, value in expected.items():
        if value is None:
            assert pd.isna(row[column]), column
        elif isinstance(value, str):
            assert row[column] == value, column
        else:
            assert row[column] == pytest.approx(value), column


# A1 apologised before its due date, A2 after it, A3 never; A4 is on time.
APOLOGY = """
case_id,activity,timestamp,resource,due_at
A1,receive,2024-03-04 08:00,Hoa,2024-03-05 17:00
A1,apology_reschedule,2024-03-05 15:00,Tâm,
A1,issue_result,2024-03-07 10:00,Lãnh đạo,
A2,receive,2024-03-04 08:00,Hoa,2024-03-05 17:00
A2,apology_reschedule,2024-03-06 08:00,Tâm,
A2,issue_result,2024-03-07 10:00,Lãnh đạo,
A3,receive,2024-03-04 08:00,Hoa,2024-03-05 17:00
A3,issue_result,2024-03-06 10:00,Lãnh đạo,
A4,receive,2024-03-04 08:00,Hoa,2024-03-05 17:00
A4,issue_result,2024-03-05 10:00,Lãnh đạo,
"""


@pytest.mark.parametrize("case_id, logged, before_due, resource", [
    ("A1", True, True, "Tâm"), ("A2", True, False, "Tâm"), ("A3", False, False, None),
])
def test_apology_letters(tmp_path, case_id, logged, before_due, resource):
    table = apology_letters(view_of(tmp_path, APOLOGY)).set_index("case_id")
    assert sorted(table.index) == ["A1", "A2", "A3"]
    row = table.loc[case_id]
    assert (row["apology_logged"], row["apology_before_due"]) == (logged, before_due)
    assert row["apology_resource"] == resource if resource else pd.isna(row["apology_resource"])
    assert str(row["due_at"].tz) == "Asia/Ho_Chi_Minh"


# R1 asks twice for a supplement (two rounds of 90 minutes), R2 goes back once from signing to
# appraisal (60 minutes), R3 runs straight through.
REWORK = """
case_id,activity,timestamp
R1,receive,2024-03-04 07:30
R1,appraise,2024-03-04 08:00
R1,request_supplement,2024-03-04 08:30
R1,supplement_received,2024-03-04 09:00
R1,appraise,2024-03-04 09:30
R1,request_supplement,2024-03-04 10:00
R1,supplement_received,2024-03-04 10:30
R1,appraise,2024-03-04 11:00
R1,approve_sign,2024-03-04 11:20
R2,receive,2024-03-05 07:30
R2,appraise,2024-03-05 08:00
R2,approve_sign,2024-03-05 08:30
R2,appraise,2024-03-05 09:00
R2,approve_sign,2024-03-05 09:30
R3,receive,2024-03-06 07:30
R3,appraise,2024-03-06 08:00
R3,approve_sign,2024-03-06 08:30
"""


SUPPLEMENT_LOOP = "appraise → request_supplement → supplement_received → appraise"
SIGNING_LOOP = "appraise → approve_sign → appraise"


@pytest.mark.parametrize("cycle, dossiers, repeats, cost_minutes, supplement", [
    (SUPPLEMENT_LOOP, 1, 2, 180, True),
    (SIGNING_LOOP, 1, 1, 60, False),
])
def test_rework_loops(tmp_path, cycle, dossiers, repeats, cost_minutes, supplement):
    table = rework_loops(view_of(tmp_path, REWORK)).set_index("cycle")
    assert set(table.index) == {SUPPLEMENT_LOOP, SIGNING_LOOP}
    row = table.loc[cycle]
    assert (row["n_dossiers"], row["n_repeats"], row["supplement_loop"]) == (
        dossiers, repeats, supplement)
    assert row["cost_working_days"] == pytest.approx(cost_minutes / DAY)


def test_examples_run(examples_dir):
    log = prepare(import_log(examples_dir / "phieu_kiem_soat.csv",
                             cases=examples_dir / "danh_sach_ho_so.csv"))
    view = LogView.of_log(log)
    late = late_attribution(view)
    assert len(late) == 3 and set(late["step"]) == {"appraise"}
    assert len(apology_letters(view)) == 3
    assert bottlenecks(view, level="agency")["n_dossiers"].sum() > 0
    assert (waiting_causes(view)["wait_minutes"] >= 0).all()
    assert rework_loops(view).empty

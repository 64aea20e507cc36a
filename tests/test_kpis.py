"""Decision 766 indicators and points on small hand-computed logs and the one-stop example."""

from __future__ import annotations

import json
import textwrap

import numpy as np
import pandas as pd
import pytest

from dossierflow.mining import import_log, prepare
from dossierflow.mining.analysis.kpis import CONFIG, REASONS, kpis, scorecard
from dossierflow.mining.errors import ColumnMappingError
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.vocabulary import HANDLING_MODELS, ONLINE_CHANNELS, ONLINE_UNSPECIFIED

# March 2024 has no Vietnamese holiday; office hours 07:30-11:30, 13:30-17:00 (450 min a day).
# K1 early, K2 on the due day, K3 closed late, K4 two supplement requests (late under 766
# whatever its dates), K5 open and overdue at the log's end (13/03 09:00), K6 open, not yet due.
LOG = """
case_id,activity,timestamp,resource,due_at,channel,model,fee,paid_online,digitised,\
case:agency
K1,receive,2024-03-04 08:00,Hoa,2024-03-07 17:00,Trực tuyến toàn trình,Chuyển sở,50000,1,1,\
DEPT_A
K1,issue_result,2024-03-05 09:00,Lan,,,,,,,
K2,receive,2024-03-04 08:00,Hoa,2024-03-07 17:00,Trực tuyến một phần,5 tại chỗ,50000,0,1,\
DEPT_A
K2,issue_result,2024-03-07 10:00,Lan,,,,,,,
K3,receive,2024-03-04 08:00,Hoa,2024-03-07 17:00,Trực tuyến,Chuyển sở,0,0,1,DEPT_B
K3,issue_result,2024-03-08 10:00,Lan,,,,,,,
K4,receive,2024-03-04 08:00,Hoa,2024-03-11 17:00,Trực tiếp,Chuyển sở,20000,1,1,DEPT_B
K4,request_supplement,2024-03-04 09:00,Hoa,,,,,,,
K4,supplement_received,2024-03-05 08:00,Hoa,,,,,,,
K4,request_supplement,2024-03-05 10:00,Hoa,,,,,,,
K4,supplement_received,2024-03-06 08:00,Hoa,,,,,,,
K4,issue_result,2024-03-06 10:00,Lan,,,,,,,
K5,receive,2024-03-04 08:00,Hoa,2024-03-08 17:00,Bưu chính công ích,Chuyển sở,0,0,0,DEPT_B
K5,appraise,2024-03-05 09:00,Lan,,,,,,,
K6,receive,2024-03-12 08:00,Hoa,2024-03-20 17:00,Trực tiếp,Chuyển sở,10000,0,0,DEPT_B
K6,appraise,2024-03-13 09:00,Lan,,,,,,,
"""

# handling minutes: K1 510, K2 1470, K3 1920, K4 1020 - 720 of supplement pauses = 300
MEAN_HANDLING_DAYS = (510 + 1470 + 1920 + 300) / 4 / 450


def view_of(tmp_path, text: str, name: str = "log.csv") -> LogView:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
    return LogView.of_log(prepare(import_log(path)))


@pytest.fixture(scope="module")
def view(tmp_path_factory) -> LogView:
    return view_of(tmp_path_factory.mktemp("kpis"), LOG)


@pytest.mark.parametrize("column, expected", [
    ("n_received", 6), ("n_judged", 6), ("n_early", 1), ("n_on_time", 1),
    ("n_open_not_due", 1), ("n_late", 3), ("n_late_open", 1), ("n_repeat_supplement", 1),
    ("on_time_pct", 50.0),                     # (K1 + K2 + K6) / 6
    ("n_completed", 4), ("mean_handling_working_days", MEAN_HANDLING_DAYS),
    ("online_pct", 50.0),                      # K1, K2, K3 of 6 with a channel
    ("online_full_pct", 100 / 6), ("online_partial_pct", 100 / 6),
    ("online_unspecified_pct", 100 / 6),
    ("n_fee_bearing", 4), ("online_payment_pct", 50.0),  # K1, K4 paid of K1, K2, K4, K6
    ("digitised_pct", 400 / 6), ("five_on_spot_pct", 100 / 6),
])
def test_overall_indicators(view, column, expected):
    row = kpis(view).iloc[0]
    assert row[column] == pytest.approx(expected)
    assert row["reasons"] == ""


@pytest.mark.parametrize("by, expected", [
    ("model", {"five_on_spot": (1, 100.0), "transfer": (5, 40.0)}),
    ("agency", {"DEPT_A": (2, 100.0), "DEPT_B": (4, 25.0)}),
    ("channel", {"in_person": (2, 50.0), "online": (1, 0.0), "online_full": (1, 100.0),
                 "online_partial": (1, 100.0), "public_postal": (1, 0.0)}),
    ("month", {"2024-03": (6, 50.0)}),
])
def test_grouped_on_time_rate(view, by, expected):
    table = kpis(view, by=by)
    got = {k: (n, round(pct, 9)) for k, n, pct in table[
        [by, "n_received", "on_time_pct"]].itertuples(index=False)}
    assert got == expected


def test_month_is_local_time(tmp_path):
    # 01/02 06:00 in Hà Nội is 31/01 23:00 UTC: it counts in February
    view = view_of(tmp_path, """
        case_id,activity,timestamp
        M1,receive,2024-01-31 23:30
        M2,receive,2024-02-01 06:00
        """)
    table = kpis(view, by="month")
    assert table["month"].tolist() == ["2024-01", "2024-02"]
    assert table["n_received"].tolist() == [1, 1]


def test_missing_columns_give_nan_and_reasons(tmp_path):
    view = view_of(tmp_path, """
        case_id,activity,timestamp,due_at
        X1,receive,2024-03-04 08:00,2024-03-05 17:00
        X1,issue_result,2024-03-05 09:00,
        """)
    row = kpis(view).iloc[0]
    assert row["on_time_pct"] == 100.0
    for column in ("online_pct", "online_full_pct", "online_payment_pct", "digitised_pct",
                   "five_on_spot_pct"):
        assert np.isnan(row[column])
        assert column in row["reasons"]
    card = scorecard(view).set_index("indicator")
    assert tuple(card.loc["3.5", ["reason", "missing_columns", "reason_en"]]) == (
        "missing_columns", "fee, paid_online", "no 'fee' or 'paid_online' column")
    assert card.loc["2.1", "points"] == 20.0
    with pytest.raises(ColumnMappingError):
        kpis(view, by="field")
    with pytest.raises(ValueError):
        kpis(view, by="weekday")


def _config(**changes) -> dict:
    config = json.loads(CONFIG.read_text(encoding="utf-8"))
    for ind in config["indicators"]:
        ind.update(changes.get(ind["id"], {}))
    return config


@pytest.mark.parametrize("changes, indicator, points, reason", [
    ({}, "2.1", 10.0, ""),                                   # 20 × 50 / 100
    ({}, "3.3", np.nan, "weight_unknown"),
    ({}, "2.2", np.nan, "not_scored"),
    ({}, "5.3", np.nan, "not_measurable"),
    ({"2.1": {"threshold_pct": 40}}, "2.1", 20.0, ""),       # capped at full marks
    ({"3.3": {"max_points": 12}}, "3.3", 12.0, ""),          # 50 % reaches the 50 % threshold
    ({"4.2": {"max_points": 10}}, "4.2", 10 * (400 / 6) / 80, ""),
    ({"3.5": {"max_points": 10}}, "3.5", np.nan, "threshold_unknown"),
])
def test_scorecard_points(view, changes, indicator, points, reason):
    card = scorecard(view, _config(**changes)).set_index("indicator")
    assert card.loc[indicator, "points"] == pytest.approx(points, nan_ok=True)
    assert card.loc[indicator, "reason"] == reason
    assert card.loc[indicator, "reason_en"] == REASONS[reason]


def test_config_matches_domain(view):
    config = json.loads(CONFIG.read_text(encoding="utf-8"))
    assert sum(g["max_points"] for g in config["groups"]) == 100
    ids = [i["id"] for i in config["indicators"]]
    assert len(ids) == len(set(ids)) and {"2.1", "3.3", "3.5", "4.2", "5.3"} <= set(ids)
    measures = {i["measure"] for i in config["indicators"] if i["measure"]}
    assert measures <= set(kpis(view).columns)
    assert all(i["source"] for i in config["indicators"])
    rules = config["rules"]
    assert set(rules["online_channels"]) == {*ONLINE_CHANNELS, ONLINE_UNSPECIFIED}
    assert set(rules["on_spot_models"]) <= set(HANDLING_MODELS)


def test_examples_on_time_rate_matches_export(examples_dir):
    log = prepare(import_log(examples_dir / "phieu_kiem_soat.csv",
                             cases=examples_dir / "danh_sach_ho_so.csv"))
    row = kpis(LogView.of_log(log)).iloc[0]
    export = log.cases["system_verdict"]  # 'Kết quả': Đúng hạn / Trễ hạn
    assert (row["n_received"], row["n_early"] + row["n_on_time"]) == (75, 72)
    assert row["on_time_pct"] == pytest.approx(100 * (export == "on_time").mean()) == 96.0
    late = set(log.cases.loc[log.cases["on_time_class"] == "late", "case_id"])
    assert late == set(log.cases.loc[export == "late", "case_id"])
    assert isinstance(scorecard(LogView.of_log(log)), pd.DataFrame)

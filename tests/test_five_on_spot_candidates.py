"""Candidates for 5 tại chỗ: features on a hand-made log, the ranking on a simulated centre
whose later reforms are known, reasons in both languages, and the errors."""

from __future__ import annotations

import io
import math

import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

from dossierflow.mining import import_log, prepare
from dossierflow.mining.log.log_view import LogView
from dossierflow.simulation.engine import simulate
from dossierflow.simulation.five_on_spot_candidates import (
    FEATURES,
    CandidatesError,
    five_on_spot_candidates,
)
from dossierflow.simulation.sample import catalogue
from dossierflow.simulation.sample.centre_model import centre_model
from dossierflow.simulation.sample.sample_output import to_imported

DAY = 450.0  # office minutes a day, 07:30–11:30 and 13:30–17:00; March 2024 has no holiday
HEADER = "case_id,activity,timestamp,procedure_id,case:agency,model,channel,fee,legal_days"
# (dossier, procedure, agency, model, channel, fee, legal days, [(activity, "dd HH:MM")])
# T1 X1: waits around transfers 60 (receive → transfer) + 60 (transfer → assign) + 60 (issue →
#    return) of a 510-minute lead time; X2: 30 + 30 + 30 of 600, a supplement loop (appraise
#    twice) and a consultation. T2: a site inspection, 180 minutes of transfer waits. T3: 120.
# Receipts span 11/03 08:00 – 15/03 08:00, four days.
DOSSIERS = [
    ("X1", "T1", "DEPT_A", "transfer", "in_person", 0, 5, [
        ("receive", "11 08:00"), ("transfer_to_agency", "11 09:00"),
        ("assign_handler", "11 10:00"), ("appraise", "11 11:00"), ("issue_result", "12 08:00"),
        ("return_to_centre", "12 09:00"), ("deliver_result", "12 10:00")]),
    ("X2", "T1", "DEPT_A", "transfer", "online_full", 0, 5, [
        ("receive", "13 08:00"), ("transfer_to_agency", "13 08:30"),
        ("assign_handler", "13 09:00"), ("appraise", "13 10:00"),
        ("request_supplement", "13 10:30"), ("supplement_received", "14 08:00"),
        ("appraise", "14 09:00"), ("consult_agency", "14 09:30"), ("issue_result", "14 10:00"),
        ("return_to_centre", "14 10:30"), ("deliver_result", "14 11:00")]),
    ("X3", "T2", "DEPT_B", "transfer", "in_person", 50000, 10, [
        ("receive", "11 14:00"), ("transfer_to_agency", "11 15:00"),
        ("assign_handler", "11 16:00"), ("appraise", "12 08:00"),
        ("site_inspection", "12 14:00"), ("issue_result", "13 08:00"),
        ("return_to_centre", "13 09:00"), ("deliver_result", "13 10:00")]),
    ("X4", "T3", "DEPT_B", "transfer", "public_postal", 0, 3, [
        ("receive", "15 08:00"), ("transfer_to_agency", "15 09:00"),
        ("assign_handler", "15 09:30"), ("appraise", "15 10:00"), ("issue_result", "15 11:00"),
        ("return_to_centre", "15 11:30"), ("deliver_result", "15 14:00")]),
    ("X5", "S1", "DEPT_A", "five_on_spot", "in_person", 20000, 1, [
        ("receive", "12 08:00"), ("appraise_approve_on_spot", "12 08:40"),
        ("collect_fee", "12 08:45"), ("deliver_result", "12 08:50")]),
    ("X6", "S2", "DEPT_A", "five_on_spot", "online_partial", 0, 0.5, [
        ("receive", "12 13:30"), ("appraise_approve_on_spot", "12 14:00"),
        ("deliver_result", "12 14:10")]),
    ("X7", "S3", "DEPT_B", "five_on_spot", "in_person", 0, 0, [
        ("receive", "14 08:00"), ("appraise_approve_on_spot", "14 08:30"),
        ("deliver_result", "14 08:40")]),
]
PER_YEAR = 365.25 / 4  # one dossier over the four days of receipts

EXPECTED = [
    ("T1", "legal_days", 5.0),
    ("T1", "dossiers_per_year", 2 * PER_YEAR),
    ("T1", "mean_steps", 9.0),
    ("T1", "rework_share", 0.5),
    ("T1", "transfers_per_dossier", 1.0),
    ("T1", "transfer_wait_share", 270 / 1110),
    ("T1", "median_lead_time_working_days", (510 + 600) / 2 / DAY),
    ("T1", "on_time_rate", 1.0),
    ("T1", "online_share", 0.5),
    ("T1", "fee_present", 0.0),
    ("T1", "appraisal_steps", 1.5),
    ("T1", "consult_share", 0.5),
    ("T1", "site_share", 0.0),
    ("T1", "agency_on_spot_share", 1.0),
    ("T1", "citizen_days_saved_per_year", 135 / DAY * 2 * PER_YEAR),
    ("T2", "fee_present", 1.0),
    ("T2", "site_share", 1.0),
    ("T2", "appraisal_steps", 2.0),
    ("T2", "agency_on_spot_share", 0.5),
    ("T2", "similarity", math.sqrt(3) / 2),
    ("T2", "citizen_days_saved_per_year", 180 / DAY * PER_YEAR),
    ("T3", "online_share", 0.0),
    ("T3", "similarity", 1.0),
    ("T3", "rework_share", 0.0),
    ("T3", "citizen_days_saved_per_year", 120 / DAY * PER_YEAR),
]


def tiny_csv(dossiers=DOSSIERS, drop: tuple[str, ...] = ()) -> str:
    lines = [HEADER]
    for case, proc, agency, model, channel, fee, legal, steps in dossiers:
        for activity, when in steps:
            lines.append(f"{case},{activity},2024-03-{when},{proc},{agency},{model},{channel},"
                         f"{fee},{legal}")
    frame = pd.DataFrame([line.split(",") for line in lines[1:]], columns=HEADER.split(","))
    return frame.drop(columns=list(drop)).to_csv(index=False)


def view_of(tmp_path, text: str) -> LogView:
    path = tmp_path / "log.csv"
    path.write_text(text, encoding="utf-8")
    return LogView.of_log(prepare(import_log(path)))


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> pd.DataFrame:
    return five_on_spot_candidates(view_of(tmp_path_factory.mktemp("tiny"), tiny_csv()))


@pytest.mark.parametrize(("procedure", "feature", "expected"), EXPECTED)
def test_features_of_a_hand_made_log(tiny, procedure, feature, expected):
    row = tiny.set_index("procedure_id").loc[procedure]
    assert row[feature] == pytest.approx(expected, rel=1e-6, abs=1e-9)


def test_only_transfer_procedures_are_ranked(tiny):
    assert sorted(tiny["procedure_id"]) == ["T1", "T2", "T3"]
    assert sorted(tiny["rank"]) == [1, 2, 3]
    assert tiny["score"].is_monotonic_decreasing
    assert list(tiny.columns[:2]) == ["procedure_id", "agency"]
    assert set(FEATURES) <= set(tiny.columns)
    assert tiny.attrs["n_on_spot"] == 3 and tiny.attrs["n_candidates"] == 3
    assert tiny.attrs["label_source"].startswith("the handling model")


def test_procedure_names_are_kept_when_the_log_has_them(tmp_path, tiny):
    assert "procedure_name" not in tiny.columns
    frame = pd.read_csv(io.StringIO(tiny_csv()))
    frame["Tên thủ tục hành chính"] = "Cấp lại " + frame["procedure_id"]
    out = five_on_spot_candidates(view_of(tmp_path, frame.to_csv(index=False)), lang="en")
    assert list(out.columns[:3]) == ["procedure_id", "agency", "procedure_name"]
    assert (out["procedure_name"] == "Cấp lại " + out["procedure_id"]).all()


def test_without_a_model_column_on_spot_procedures_are_inferred(tmp_path, tiny):
    out = five_on_spot_candidates(view_of(tmp_path, tiny_csv(drop=("model",))))
    assert out.attrs["label_source"].startswith("inferred")
    assert sorted(out["procedure_id"]) == ["T1", "T2", "T3"]
    pd.testing.assert_series_equal(out.set_index("procedure_id")["similarity"].sort_index(),
                                   tiny.set_index("procedure_id")["similarity"].sort_index())


def test_named_on_spot_procedures_override_the_log(tmp_path):
    view = view_of(tmp_path, tiny_csv(drop=("model",)))
    out = five_on_spot_candidates(view, on_spot=["S1", "S2", "T3"])
    assert out.attrs["label_source"] == "named by the caller"
    assert sorted(out["procedure_id"]) == ["S3", "T1", "T2"]
    assert out.set_index("procedure_id").loc["S3", "score"] == 0  # nothing to gain


@pytest.mark.parametrize(("drop", "on_spot", "message"), [
    (("procedure_id",), None, "no procedure column"),
    ((), [], "no procedure of the log is on 5 tại chỗ"),
    ((), ["S1", "S2"], "too few procedures"),
])
def test_errors_say_what_is_wrong_and_how_to_fix_it(tmp_path, drop, on_spot, message):
    view = view_of(tmp_path, tiny_csv(drop=drop))
    with pytest.raises(CandidatesError, match=message) as caught:
        five_on_spot_candidates(view, on_spot=on_spot)
    assert caught.value.fix


def test_no_on_spot_procedure_asks_for_the_handling_model(tmp_path):
    transfer_only = [d for d in DOSSIERS if d[3] == "transfer"]
    with pytest.raises(CandidatesError) as caught:
        five_on_spot_candidates(view_of(tmp_path, tiny_csv(transfer_only)))
    assert "handling model" in caught.value.fix and "on_spot=" in caught.value.fix


def test_unknown_language_is_refused(tmp_path):
    with pytest.raises(CandidatesError, match="language 'fr'"):
        five_on_spot_candidates(view_of(tmp_path, tiny_csv()), lang="fr")


# -- a simulated centre: the second half of 2022, before the reforms of 2023 -------------------

CUT = pd.Timestamp("2023-01-01")
MOVED_IN_2023 = "1.008481"  # moved to 5 tại chỗ by a 2023 decision (reforms.csv)


@pytest.fixture(scope="module")
def before_reforms() -> LogView:
    model = centre_model(seed=1, scale=0.3)
    result = simulate(model, start="2022-07-01", end=CUT, seed=1)
    return LogView.of_log(prepare(to_imported(result, "centre 2022H2")))


@pytest.fixture(scope="module")
def ranked(before_reforms) -> pd.DataFrame:
    return five_on_spot_candidates(before_reforms)


def moves_after_cut() -> set[str]:
    reforms = catalogue.reforms()
    later = reforms[(reforms["kind"] == "five_on_spot")
                    & (pd.to_datetime(reforms["effective_date"]) >= CUT)]
    return set(later["procedure_id"].astype(str))


def test_a_procedure_moved_later_ranks_high_before_its_reform(ranked):
    assert MOVED_IN_2023 in moves_after_cut()
    row = ranked.set_index("procedure_id").loc[MOVED_IN_2023]
    assert row["transfers_per_dossier"] > 0.9
    assert row["rank"] <= 0.05 * len(ranked)


def test_procedures_moved_later_look_like_those_already_moved(ranked):
    moved = ranked["procedure_id"].isin(moves_after_cut())
    assert moved.sum() >= 10
    assert roc_auc_score(moved, ranked["likelihood"]) > 0.7
    assert ranked.attrs["cv_auc"] > 0.65
    assert set(ranked.attrs["coefficients"]) == set(ranked.attrs["learnt_from"])
    assert "transfers_per_dossier" not in ranked.attrs["learnt_from"]


def test_reasons_in_both_languages(before_reforms, ranked):
    english = five_on_spot_candidates(before_reforms, lang="en", top=10)
    assert len(english) == 10
    pd.testing.assert_series_equal(english["procedure_id"], ranked["procedure_id"].head(10))
    assert all(ranked["reasons"].head(10).str.contains("thời gian chờ luân chuyển hồ sơ"))
    assert all(english["reasons"].str.contains("waiting around transfers"))
    assert not any(english["reasons"].str.contains("thời gian chờ"))

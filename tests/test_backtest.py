"""Backtests on a centre whose reforms we made: found where they are, predicted close to what
the engine then did; and the time-cut proposals of the same centre."""

import pytest

from dossierflow.mining.log.analysis_table import prepare
from dossierflow.simulation.backtest import backtest, find_reforms
from dossierflow.simulation.engine import simulate
from dossierflow.simulation.proposals import time_cut_proposals
from dossierflow.simulation.sample.centre_model import duration_scales
from dossierflow.simulation.sample.sample_output import to_imported
from tests.support.ground_truth import END, REFORM_DAY, START, centre, reformed_centre

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def log():
    result = simulate(reformed_centre(), start=START, end=END, seed=3)
    result.events = result.events.drop(columns=["start_timestamp"])
    return prepare(to_imported(result, "reformed centre"))


def test_reforms_are_found_with_their_kind_and_day(log):
    found = find_reforms(log).set_index("procedure_id")
    assert sorted(found.index) == ["P01", "P05"]
    assert found.loc["P01", "kind"] == "time_cut"
    assert (found.loc["P01", "old_legal_days"], found.loc["P01", "new_legal_days"]) == (15, 12)
    assert found.loc["P05", "kind"] == "five_on_spot"
    for pid in ("P01", "P05"):
        assert found.loc[pid, "effective_date"].strftime("%Y-%m-%d") == REFORM_DAY[pid]
        assert found.loc[pid, "n_before"] > 500 and found.loc[pid, "n_after"] > 300


def test_backtest_predicts_what_the_centre_did(log):
    result = backtest(log, replications=3)
    table = result.table.set_index("procedure_id")
    assert set(table.index) == {"P01", "P05"}
    # three days apart, one decision: re-played together, each judged from its own day
    assert table["decided_with"].tolist() == [2, 2]
    assert table["effective_date"].to_dict() == REFORM_DAY
    for pid in ("P01", "P05"):
        assert abs(table.loc[pid, "error"]) <= 0.10, table.loc[pid].to_dict()
        # the reform changed the lead time far more than the prediction missed it by
        assert abs(table.loc[pid, "unchanged_error"]) > 3 * abs(table.loc[pid, "error"])
    summary = result.summary()
    assert summary["n"] == 2 and summary["median_abs_error"] <= 0.10


def test_time_cut_proposals_keep_the_record():
    model = centre()
    cuts = time_cut_proposals(model, start="2023-01-01", end="2023-04-01", replications=2,
                              workers=1).set_index("procedure_id")
    assert set(cuts.index) == {p.id for p in model.procedures}
    cut = cuts["proposed_cut_days"] > 0
    assert cut.any() and (cuts.loc[cut, "predicted_on_time_rate"] >= 0.995).all()
    assert (cuts["proposed_cut_days"] <= cuts["legal_days"] - 0.5).all()
    # the long procedures have slack: P04 (20 days, median lead about 6) can be cut
    assert cuts.loc["P04", "proposed_cut_days"] >= 5
    expected = cuts["proposed_cut_days"] * cuts["dossiers_per_year"]
    assert cuts["citizen_days_saved_per_year"].tolist() == pytest.approx(expected.tolist())
    assert list(cuts.sort_values("rank").index) == list(
        cuts.sort_values("citizen_days_saved_per_year", ascending=False, kind="stable").index)


def test_scales_of_the_cut_follow_the_budget():
    """The true centre's appraisal is a share of the legal time left after a reserve."""
    before, _ = duration_scales(15, False, False)
    after, _ = duration_scales(12, False, False)
    assert after["appraise"] / before["appraise"] == pytest.approx(11 / 14, rel=1e-3)

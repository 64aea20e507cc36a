"""Ground truth for what-if predictions: a centre whose reforms are known because we made them.

One agency, five procedures on the transfer model (legal times 5–20 days, one with a site
inspection, one with a consultation) and two on 5 tại chỗ, built from the synthetic centre's
processes. The engine writes the log of the centre as it is (start times dropped, as in real
exports); then of the centre where two procedures truly run on 5 tại chỗ, and where two are
truly cut by three days (their appraisal shortened as the synthetic centre does). A model is
discovered from the first log alone, the scenario is applied and simulated, and the predicted
median lead time and on-time rate of the reformed procedures must fall within 5 % of the true
ones (the mean over five runs of the true centre).
"""

import numpy as np
import pandas as pd
import pytest

from dossierflow.mining.log.analysis_table import prepare
from dossierflow.simulation.discovery.discover_model import discover_model
from dossierflow.simulation.engine import simulate
from dossierflow.simulation.experiment import run_experiment
from dossierflow.simulation.model import Model
from dossierflow.simulation.run_kpis import run_kpis
from dossierflow.simulation.sample.sample_output import to_imported
from dossierflow.simulation.scenarios import FiveOnSpot, Scenario, TimeCut
from tests.support.ground_truth import CUT, CUT_DAYS, MOVED, MOVED_DAYS, centre

pytestmark = pytest.mark.slow

START, END = "2023-01-01", "2023-07-01"
FIGURES = ("lead_time_working_days_median", "on_time_rate")


@pytest.fixture(scope="module")
def discovered() -> Model:
    result = simulate(centre(), start=START, end=END, seed=1)
    result.events = result.events.drop(columns=["start_timestamp"])
    return discover_model(prepare(to_imported(result, "ground truth"))).model


def truth(model: Model, procedures: list[str]) -> dict[str, float]:
    runs = pd.DataFrame([run_kpis(simulate(model, start=START, end=END, seed=100 + k),
                                  procedures) for k in range(5)])
    return {name: float(runs[name].mean()) for name in FIGURES}


def predicted(model: Model, scenario: Scenario, procedures: list[str]) -> dict[str, float]:
    result = run_experiment(model, [scenario], start=START, end=END, replications=5, seed=7,
                            procedures=procedures, workers=2)
    summary = result.summary(scenario.name)
    return {name: summary[name]["scenario"]["mean"] for name in FIGURES}


CASES = {
    "five_on_spot": (centre(moved=MOVED),
                     Scenario("5 tại chỗ", [FiveOnSpot(MOVED, officers=0,
                                                       legal_days=MOVED_DAYS)]), MOVED),
    "time_cut": (centre(cut=CUT),
                 Scenario("cut", [TimeCut(CUT, CUT_DAYS, mode="deadline_and_process")]), CUT),
    "unchanged": (centre(), Scenario("deadline only", [TimeCut(["P01"], 0.5)]), ["P03"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_prediction_matches_the_true_centre(discovered, case):
    true_model, scenario, procedures = CASES[case]
    expected = truth(true_model, procedures)
    got = predicted(discovered, scenario, procedures)
    for name in FIGURES:
        assert got[name] == pytest.approx(expected[name], rel=0.05), (name, got, expected)


def test_the_reforms_change_what_they_should(discovered):
    """The check above is not trivially met: both reforms move the true figures far."""
    before = truth(centre(), MOVED + CUT)
    after = truth(centre(moved=MOVED, cut=CUT), MOVED + CUT)
    assert after["lead_time_working_days_median"] < 0.8 * before[
        "lead_time_working_days_median"]
    assert np.isfinite(before["on_time_rate"])

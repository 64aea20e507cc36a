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
from dossierflow.simulation.sample.centre_model import (HANDLER_FILES, PAPER_RELEASES, ROLES, SAME_DAY_CUTOFF,
                                     pool_name, duration_scales, on_spot_process, transfer_process)
from dossierflow.simulation.discovery.discover_model import discover_model
from dossierflow.simulation.engine import simulate
from dossierflow.simulation.experiment import run_experiment
from dossierflow.simulation.model import (ArrivalProfile, BatchSchedule, Deadlines, Model, Procedure,
                              ResourcePool)
from dossierflow.simulation.run_kpis import run_kpis
from dossierflow.simulation.sample.sample_output import to_imported
from dossierflow.simulation.scenarios import FiveOnSpot, Scenario, TimeCut

pytestmark = pytest.mark.slow

START, END = "2023-01-01", "2023-07-01"
AGENCY = "SXD"
# id, legal days, site inspection, consultation, dossiers per working day (S…: 5 tại chỗ)
PROCEDURES = [("P01", 15, False, False, 6.0), ("P02", 10, False, True, 5.0),
              ("P03", 7, False, False, 8.0), ("P04", 20, True, False, 3.0),
              ("P05", 5, False, False, 6.0), ("S01", 0.5, None, None, 6.0),
              ("S02", 1, None, None, 4.0)]
STAFF = {"counter": 4, "clerk": 2, "handler": 30, "division": 3, "leader": 2, "on_spot": 4}
CUT, CUT_DAYS = ["P01", "P03"], 3.0
MOVED, MOVED_DAYS = ["P02", "P05"], 0.5
FIGURES = ("lead_time_working_days_median", "on_time_rate")


def centre(cut: list[str] = (), moved: list[str] = ()) -> Model:
    """The true centre; ``cut`` procedures lose CUT_DAYS, ``moved`` ones run on 5 tại chỗ."""
    processes, procedures = {}, []
    for pid, legal, site, consult, rate in PROCEDURES:
        if pid.startswith("S") or pid in moved:
            key = ("five_on_spot",)
            processes.setdefault(key, on_spot_process(AGENCY, fee=False))
            legal_days, scales, model = (MOVED_DAYS if pid in moved else legal), None, \
                "five_on_spot"
        else:
            legal_days = legal - CUT_DAYS if pid in cut else legal
            scales, express = duration_scales(legal_days, site, consult)
            key = ("transfer", site, consult, express)
            processes.setdefault(key, transfer_process(AGENCY, site=site, consult=consult,
                                                       fee=False, express=express))
            model = "transfer"
        procedures.append(Procedure(
            id=pid, agency=AGENCY, legal_days=legal_days, model=model,
            process=processes[key].id, duration_scales=scales, p_digitised=0.5,
            arrivals=ArrivalProfile(per_working_day=rate, tet_surge=1.0, tet_lull=1.0),
            channels={"in_person": 0.5, "online_partial": 0.4, "online_full": 0.1}))
    pools = [ResourcePool(id=pool_name(AGENCY, kind), agency=AGENCY, role=ROLES[kind][0],
                          capacity=n, concurrency=HANDLER_FILES if kind == "handler" else 1)
             for kind, n in STAFF.items()]
    # a running centre: the horizon starts with the dossiers in progress it has
    return Model(name="ground truth", procedures=procedures, warmup_days=60,
                 processes=list(processes.values()), pools=pools,
                 batches=[BatchSchedule(id="paper_courier", release_times=list(PAPER_RELEASES),
                                        paper_only=True)],
                 deadlines=Deadlines(apology=True, apology_lead_days=0.5,
                                     same_day_cutoff=SAME_DAY_CUTOFF)).validate()


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

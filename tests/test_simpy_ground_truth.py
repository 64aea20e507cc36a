"""Ground truth that shares no code with the engine: a centre written directly in SimPy
(``tests/support/simpy_centre.py``) writes its log, with start times and without; a model
is learnt from that log alone, through the importer, as a centre's staff would bring it.

* As-is: the unchanged model reproduces the log's median lead time within 5 % and its
  on-time rate within 2 points.
* Reforms: moving two procedures to 5 tại chỗ, cutting two deadlines by two days and adding
  one appraisal officer, predicted by the model's scenarios, against the SimPy centre's own
  reformed runs (the same dossiers with the same random numbers; the truth is the mean of
  three seeds): the reformed procedures' median lead time within 5 % and on-time rate within
  2 points. A reform not yet predicted within them is listed in ``KNOWN_GAPS`` (none now).
"""

from __future__ import annotations

import pytest

from dossierflow.mining.io.import_log import import_log
from dossierflow.mining.log.analysis_table import prepare
from dossierflow.simulation import asis
from dossierflow.simulation.discovery.discover_model import discover_model, learning_window
from dossierflow.simulation.experiment import run_experiment
from dossierflow.simulation.scenarios import FiveOnSpot, Scenario, Staffing, TimeCut
from tests.support import simpy_centre as sc

pytestmark = pytest.mark.slow

SEED = 11
TRUTH_SEEDS = (11, 12, 13)
LEAD, ON_TIME = 0.05, 0.02
STAFFED = [p.pid for p in sc.PROCEDURES if p.agency == sc.STAFFED_AGENCY]
# reforms not yet predicted within the limits (open work), by (start times in the log, reform)
KNOWN_GAPS: dict[tuple[bool, str], str] = {}
REFORMS = {
    "five_on_spot": (Scenario("5 tại chỗ", [FiveOnSpot(list(sc.MOVED), officers=1)]),
                     list(sc.MOVED)),
    "deadline_cut": (Scenario("cut", [TimeCut(list(sc.CUT), sc.CUT_DAYS)]), list(sc.CUT)),
    "extra_handler": (Scenario("one more", [Staffing(
        agency=sc.AGENCIES[sc.STAFFED_AGENCY].name, activity="appraise", change=1)]), STAFFED),
}


@pytest.fixture(scope="module", params=[True, False], ids=["start-times", "ends-only"])
def learnt(request, tmp_path_factory):
    events, cases = sc.run_centre(SEED, start_times=request.param)
    files = sc.write_log(events, cases, tmp_path_factory.mktemp("simpy"))
    log = prepare(import_log(files[0], cases=files[1]))
    lo, hi = learning_window(log)
    return log, discover_model(log, start=lo, end=hi), lo, hi, request.param


def test_the_learnt_model_reproduces_the_log(learnt):
    log, found, lo, hi, _ = learnt
    check = asis.check(log, found.model, lo, hi, replications=5, workers=2)
    print("\n".join(check.lines()))
    assert abs(check.lead_error) <= LEAD
    assert abs(check.on_time_error) <= ON_TIME


@pytest.mark.parametrize("reform", list(REFORMS))
def test_a_reform_is_predicted_as_the_true_centre_runs_it(learnt, reform, request):
    log, found, lo, hi, start_times = learnt
    if (start_times, reform) in KNOWN_GAPS:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_GAPS[start_times, reform],
                                              strict=False))
    scenario, procedures = REFORMS[reform]
    truths = [sc.truth(*sc.run_centre(seed, reform=reform), procedures, lo, hi)
              for seed in TRUTH_SEEDS]
    true_lead = sum(t["lead_time_working_days_median"] for t in truths) / len(truths)
    true_on_time = sum(t["on_time_rate"] for t in truths) / len(truths)
    result = run_experiment(found.model, [scenario], start=lo, end=hi, replications=10,
                            procedures=procedures, workers=2)
    kpis = result.summary(scenario.name)
    lead = kpis["lead_time_working_days_median"]["scenario"]["mean"]
    on_time = kpis["on_time_rate"]["scenario"]["mean"]
    print(f"{reform}: lead {lead:.3f} against {true_lead:.3f}, on time {on_time:.3f} "
          f"against {true_on_time:.3f}")
    assert lead == pytest.approx(true_lead, rel=LEAD)
    assert on_time == pytest.approx(true_on_time, abs=ON_TIME)

"""Reading Prosimos models (dossierflow.simulation.prosimos) and running them in our engine.

Uses the four models of ../shared/bench/prosimos_models; skipped when ../shared is absent.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from dossierflow.simulation.engine import model_calendar, simulate
from dossierflow.simulation.model import Model
from dossierflow.simulation.prosimos import ProsimosModelError, read_prosimos

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MODELS = SHARED / "bench" / "prosimos_models"
NAMES = ["seq6_office", "seq6_247", "loop_office", "seq6_office_whatif"]
SEQUENCE = ["receive", "transfer_to_dept", "appraise", "approve", "transfer_back",
            "return_result"]


@pytest.fixture
def models_dir() -> Path:
    if not MODELS.is_dir():
        pytest.skip(f"{MODELS} is absent: the shared Prosimos models are not available here")
    return MODELS


def load(folder: Path, name: str) -> tuple[Model, dict]:
    params = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    return read_prosimos(folder / f"{name}.bpmn", folder / f"{name}.json"), params


@pytest.mark.parametrize("name", NAMES)
def test_prosimos_model_is_read_faithfully(models_dir, name, tmp_path):
    model, params = load(models_dir, name)
    process = model.processes[0]
    steps = {s.id: s for s in process.steps}
    tasks = {t["task_id"]: t["resources"][0] for t in params["task_resource_distribution"]}
    assert set(steps) == set(tasks)
    amounts = {r["id"]: r["amount"] for p in params["resource_profiles"]
               for r in p["resource_list"]}
    for task, spec in tasks.items():
        step = steps[task]
        pool = model.pool(step.pool)
        assert pool.capacity == amounts[spec["resource_id"]]
        mean, var, _, high = (p["value"] for p in spec["distribution_params"])
        assert step.duration.kind == "lognormal"
        assert step.duration.mean == pytest.approx(mean / 60)
        assert step.duration.sd == pytest.approx(math.sqrt(var) / 60)
        assert step.duration.maximum == pytest.approx(high / 60)
    arrival_mean = params["arrival_time_distribution"]["distribution_params"][0]["value"] / 60
    minutes_per_day = 450.0 if "office" in name else 24 * 60 - 1 / 60
    # Prosimos moves the arrival that falls in a closure to the opening: about one more
    # arrival per closure (lunch break and night: two a working day)
    closures = 2 if "office" in name else 0
    assert model.procedures[0].arrivals.per_working_day == pytest.approx(
        minutes_per_day / arrival_mean + closures, rel=1e-3)
    if name == "seq6_247":
        assert model.calendar.weekdays == list(range(7))
        assert model.calendar.sessions == [["00:00:00", "23:59:59"]]
    else:
        assert model.calendar.sessions == [["07:30:00", "11:30:00"], ["13:30:00", "17:00:00"]]
        assert model.calendar.weekdays == [0, 1, 2, 3, 4]
    # the imported model is an ordinary dossierflow model
    assert Model.from_json(model.to_json(tmp_path / "imported.json")) == model


@pytest.mark.parametrize("name", NAMES)
def test_prosimos_model_runs_in_our_engine(models_dir, name):
    model, params = load(models_dir, name)
    cases = 3000
    result = simulate(model, start="2024-03-04", end="2025-03-01", seed=7, max_cases=cases)
    ev = result.events
    assert len(result.cases) == cases
    counts = ev["activity"].value_counts()
    for activity in SEQUENCE:
        if not (name == "loop_office" and activity == "appraise"):
            assert counts[activity] == cases
    calendar = model_calendar(model, 2024, 2027)
    busy = calendar.to_clock(ev["timestamp"]) - calendar.to_clock(ev["start_timestamp"])
    means = {t["task_id"]: t["resources"][0]["distribution_params"][0]["value"] / 60
             for t in params["task_resource_distribution"]}
    measured = ev.assign(busy=busy).groupby("activity", observed=True)["busy"].mean()
    for activity, mean in means.items():
        # lognormal, cv 0.5, truncated far in the tail: the sample mean of >= 3,000 draws
        # lies within 5 % of the mean
        assert measured[activity] == pytest.approx(mean, rel=0.05), activity
    hours = ev["start_timestamp"].dt.hour
    if name == "seq6_247":
        assert (hours < 7).any() and (ev["start_timestamp"].dt.day_of_week >= 5).any()
    else:
        minutes = hours * 60 + ev["start_timestamp"].dt.minute
        assert minutes.between(7 * 60 + 30, 17 * 60).all()
        local = ev["start_timestamp"].dt.tz_localize(None)
        assert calendar.is_working_day(local).all()  # weekdays, or a swapped Saturday
    if name == "loop_office":
        # the gateway sends 15 % of appraisals to request_supplement and back
        share = counts["request_supplement"] / counts["appraise"]
        assert share == pytest.approx(0.15, abs=0.02)
        assert counts["appraise"] == cases + counts["request_supplement"]
    else:
        assert set(counts.index[counts > 0]) == set(SEQUENCE)


def test_whatif_halves_the_appraisal(models_dir):
    base, _ = load(models_dir, "seq6_office")
    whatif, _ = load(models_dir, "seq6_office_whatif")
    assert whatif.processes[0].step("appraise").duration.mean == pytest.approx(
        base.processes[0].step("appraise").duration.mean / 2)
    runs = [simulate(m, start="2024-03-04", end="2024-09-01", seed=1, max_cases=2000)
            for m in (base, whatif)]
    lead = [((r.cases["finished_at"] - r.cases["submitted_at"]).dt.total_seconds()).mean()
            for r in runs]
    assert lead[1] < lead[0]


def test_unsupported_bpmn_is_refused_clearly(models_dir, tmp_path):
    text = (models_dir / "loop_office.bpmn").read_text(encoding="utf-8")
    parallel = tmp_path / "parallel.bpmn"
    parallel.write_text(text.replace('exclusiveGateway id="xs"', 'parallelGateway id="xs"'),
                        encoding="utf-8")
    with pytest.raises(ProsimosModelError, match="exclusive") as caught:
        read_prosimos(parallel, models_dir / "loop_office.json")
    assert "How to fix:" in str(caught.value)
    params = json.loads((models_dir / "loop_office.json").read_text(encoding="utf-8"))
    params["gateway_branching_probabilities"] = []
    no_probabilities = tmp_path / "loop.json"
    no_probabilities.write_text(json.dumps(params), encoding="utf-8")
    with pytest.raises(ProsimosModelError, match="branching probability"):
        read_prosimos(models_dir / "loop_office.bpmn", no_probabilities)
    params = json.loads((models_dir / "seq6_office.json").read_text(encoding="utf-8"))
    params["task_resource_distribution"][0]["resources"][0]["distribution_name"] = "weibull"
    weibull = tmp_path / "weibull.json"
    weibull.write_text(json.dumps(params), encoding="utf-8")
    with pytest.raises(ProsimosModelError, match="weibull"):
        read_prosimos(models_dir / "seq6_office.bpmn", weibull)


def test_same_case_count_and_rate_as_prosimos(models_dir):
    """Prosimos adds inter-arrival times (mean 20 min) in working periods and moves arrivals
    that fall in a closure to the opening (measured with Prosimos 2.1: 24.4 cases per working
    day); the imported model draws Poisson arrivals at that rate."""
    model, _ = load(models_dir, "seq6_office")
    result = simulate(model, start="2024-03-04", end="2024-06-03", seed=3)
    calendar = model_calendar(model, 2024, 2026)
    working_days = calendar.working_days_between("2024-03-04", "2024-06-03")[0]
    per_day = len(result.cases) / working_days
    assert per_day == pytest.approx(24.4, rel=0.06)
    gaps = np.diff(np.sort(calendar.to_clock(result.cases["submitted_at"])))
    assert gaps.mean() == pytest.approx(450 / 24.4, rel=0.06)

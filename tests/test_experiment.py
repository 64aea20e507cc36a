"""Experiments (dossierflow.simulation.experiment): seeded replications of a baseline and scenarios,
summaries with confidence intervals, the files they write, progress and cancelling."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from dossierflow.mining.errors import DossierflowError
from dossierflow.simulation.experiment import ExperimentCancelled, run_experiment
from dossierflow.simulation.run_kpis import OVERALL
from dossierflow.simulation.scenarios import Demand, Scenario, Staffing, TimeCut
from tests.support.models import centre

START, END = "2024-01-01", "2024-02-01"
SCENARIOS = [Scenario("Không đổi", [Demand(factor=1.0)]),
             Scenario("Cắt 2 ngày", [TimeCut(procedures=["SYT-01"], days=2)]),
             Scenario("Thêm cán bộ", [Staffing(agency="SYT", change=1, role="handler")])]
PARTS = ("baseline", "scenario", "delta")


@pytest.fixture(scope="module")
def results():
    """The same experiment in one process and in two."""
    return {workers: run_experiment(centre(), SCENARIOS, start=START, end=END, replications=3,
                                    seed=7, workers=workers) for workers in (1, 2)}


def test_one_or_two_workers_give_identical_numbers(results):
    one, two = results[1], results[2]
    pd.testing.assert_frame_equal(one.runs, two.runs)
    assert one.to_dict()["scenarios"] == two.to_dict()["scenarios"]


def test_runs_hold_every_variant_and_replication(results):
    runs = results[1].runs
    assert len(runs) == (1 + len(SCENARIOS)) * 3
    assert sorted(runs["variant"].unique()) == sorted(["baseline", *(s.name for s in SCENARIOS)])
    assert set(runs["replication"]) == {0, 1, 2}
    assert set(OVERALL) <= set(runs.columns)
    # replications differ from one another (seed + r), not copies
    base = runs.loc[runs["variant"] == "baseline"]
    assert base["dossiers_per_year"].nunique() == 3


def test_another_seed_gives_other_numbers(results):
    other = run_experiment(centre(), SCENARIOS[:1], start=START, end=END, replications=2,
                           seed=8, workers=1)
    same = results[1].runs.query("variant == 'baseline' and replication == 1")
    shifted = other.runs.query("variant == 'baseline' and replication == 0")
    # seed 8 + replication 0 is the run of seed 7 + replication 1
    pd.testing.assert_frame_equal(same.drop(columns="replication").reset_index(drop=True),
                                  shifted.drop(columns="replication").reset_index(drop=True))
    assert not other.runs.query("variant == 'baseline' and replication == 1").equals(same)


def test_a_scenario_that_changes_nothing_has_a_delta_of_exactly_zero(results):
    """Common random numbers: the baseline and an identical scenario draw the same numbers."""
    summary = results[1].summary("Không đổi")
    assert len(summary) > len(OVERALL)  # per-step and per-pool figures too
    for name, parts in summary.items():
        assert parts["delta"]["mean"] == 0.0, name
        assert parts["delta"]["ci95"] == [0.0, 0.0], name


def test_a_deadline_cut_changes_only_what_depends_on_the_deadline(results):
    summary = results[1].summary("Cắt 2 ngày")
    for name in ("dossiers_per_year", "lead_time_working_days_median",
                 "lead_time_calendar_days_mean"):
        assert summary[name]["delta"]["mean"] == 0.0, name  # same work, same dossiers
    assert summary["on_time_rate"]["delta"]["mean"] < 0  # a tighter deadline is missed more
    assert summary["late_per_year"]["delta"]["mean"] > 0


def test_more_handlers_do_not_lengthen_the_lead_time(results):
    summary = results[1].summary("Thêm cán bộ")
    assert summary["lead_time_working_days_mean"]["delta"]["mean"] <= 0
    assert summary["utilisation:handler"]["delta"]["mean"] < 0


def test_confidence_intervals_contain_the_mean(results):
    result = results[1]
    for name in result.scenarios:
        for kpi, parts in result.summary(name).items():
            for part, value in parts.items():
                low, high = value["ci95"]
                if math.isnan(value["mean"]):
                    continue
                assert low <= value["mean"] <= high, (name, kpi, part)


def test_citizen_days_saved_is_minus_the_citizen_days_delta(results):
    summary = results[1].summary("Thêm cán bộ")
    delta = summary["citizen_days_per_year"]["delta"]
    saved = summary["citizen_days_saved_per_year"]
    assert set(saved) == {"delta"}
    assert saved["delta"]["mean"] == -delta["mean"]
    assert saved["delta"]["ci95"] == [-delta["ci95"][1], -delta["ci95"][0]]


def test_write_produces_the_documented_files(results, tmp_path):
    result = results[1]
    path = result.write(tmp_path / "out")
    assert path == tmp_path / "out" / "results.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"replications", "seed", "start", "end", "procedures", "seconds",
                         "notes", "scenarios"}
    assert (data["replications"], data["seed"]) == (3, 7)
    assert data["start"].startswith(START) and data["end"].startswith(END)
    assert [s["name"] for s in data["scenarios"]] == [s.name for s in SCENARIOS]
    for scenario in data["scenarios"]:
        assert set(OVERALL) <= set(scenario["kpis"])
        for kpi, parts in scenario["kpis"].items():
            expected = {"delta"} if kpi == "citizen_days_saved_per_year" else set(PARTS)
            assert set(parts) == expected, kpi
            for value in parts.values():
                assert set(value) == {"mean", "ci95"}
                assert len(value["ci95"]) == 2

    table = pd.read_csv(tmp_path / "out" / "results.csv")
    assert list(table.columns) == ["scenario", "kpi"] + [
        f"{part}_{stat}" for part in PARTS for stat in ("mean", "ci95_low", "ci95_high")]
    assert len(table) == sum(len(s["kpis"]) for s in data["scenarios"])
    row = table.loc[(table["scenario"] == "Cắt 2 ngày") & (table["kpi"] == "on_time_rate")]
    kpi = data["scenarios"][1]["kpis"]["on_time_rate"]
    assert row["delta_mean"].item() == pytest.approx(kpi["delta"]["mean"])
    assert row["baseline_ci95_low"].item() == pytest.approx(kpi["baseline"]["ci95"][0])

    runs = pd.read_csv(tmp_path / "out" / "runs.csv")
    assert list(runs.columns[:2]) == ["variant", "replication"]
    assert len(runs) == len(result.runs)
    pd.testing.assert_frame_equal(runs, result.runs, check_dtype=False)


def test_progress_reaches_one_and_never_goes_back():
    seen: list[float] = []
    run_experiment(centre(), SCENARIOS[:1], start=START, end="2024-01-15", replications=2,
                   workers=1, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)
    assert len(seen) == 1 + 2 * 2  # the start, then each of the 4 runs


@pytest.mark.parametrize("workers", [1, 2], ids=["one-process", "two-processes"])
def test_should_stop_cancels_the_experiment(workers):
    calls = []

    def stop() -> bool:
        calls.append(1)
        return True

    with pytest.raises(ExperimentCancelled) as err:
        run_experiment(centre(), SCENARIOS[:1], start=START, end="2024-01-15", replications=3,
                       workers=workers, should_stop=stop)
    assert len(calls) == 1  # stopped after the first run, not at the end
    assert "How to fix:" in str(err.value)


@pytest.mark.parametrize("names", [["A", "A"], ["baseline"]], ids=["repeated", "baseline"])
def test_scenario_names_must_be_unique_and_not_baseline(names):
    scenarios = [Scenario(n, [Demand(factor=1.1)]) for n in names]
    with pytest.raises(DossierflowError, match="own name"):
        run_experiment(centre(), scenarios, start=START, end="2024-01-08", replications=2,
                       workers=1)


@pytest.mark.parametrize("replications", [0, -1, 1.5, True], ids=str)
def test_replications_must_be_a_whole_number(replications):
    with pytest.raises(DossierflowError, match="replications"):
        run_experiment(centre(), [], start=START, end="2024-01-08", replications=replications,
                       workers=1)


def test_figures_of_named_procedures_only(results):
    only = run_experiment(centre(), SCENARIOS[:1], start=START, end=END, replications=3, seed=7,
                          workers=1, procedures=["SYT-02"])
    assert only.procedures == ["SYT-02"]
    spot = only.summary("Không đổi")["lead_time_working_days_median"]["baseline"]["mean"]
    everyone = results[1].summary("Không đổi")["lead_time_working_days_median"]["baseline"]
    assert spot < 1 < everyone["mean"]  # a same-day procedure, alone
    volume = {name: r.summary("Không đổi")["dossiers_per_year"]["baseline"]["mean"]
              for name, r in (("only", only), ("all", results[1]))}
    assert volume["only"] < volume["all"] / 2  # SYT-02 is 6 of 24 dossiers a day

"""`dossierflow simulate` and `dossierflow propose` on the sample log (Vietnamese procedure
names); a bad scenario file is a message naming the field, never a traceback."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tests.support.cli import run
from tests.support.paths import MINI as SAMPLE

LLTP = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"
SCENARIOS = f"""\
scenarios:
  - name: Cắt 2 ngày lý lịch tư pháp
    changes:
      - time_cut:
          procedures: ["{LLTP}"]
          days: 2
          mode: deadline_and_process
  - name: Thêm cán bộ, nhiều hồ sơ hơn
    changes:
      - staffing: {{agency: centre, change: 1}}
      - demand: {{factor: 1.2}}
"""
NAMES = ["Cắt 2 ngày lý lịch tư pháp", "Thêm cán bộ, nhiều hồ sơ hơn"]


@pytest.fixture(scope="module")
def simulated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("simulate")
    scenario = folder / "kịch bản.yaml"
    scenario.write_text(SCENARIOS, encoding="utf-8")
    out = run("simulate", SAMPLE, "--scenario", scenario, "--replications", 2,
              "--out", folder / "out", home=folder)
    return out, folder / "out"


def test_simulate_writes_results_json_with_the_documented_structure(simulated):
    out, folder = simulated
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    data = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    assert data["replications"] == 2 and data["seed"] == 0
    assert data["notes"]  # what discovery had to assume
    assert [s["name"] for s in data["scenarios"]] == NAMES
    for scenario in data["scenarios"]:
        kpis = scenario["kpis"]
        for name in ("dossiers_per_year", "lead_time_working_days_median", "on_time_rate",
                     "citizen_days_per_year"):
            assert set(kpis[name]) == {"baseline", "scenario", "delta"}
            for part in kpis[name].values():
                assert set(part) == {"mean", "ci95"} and len(part["ci95"]) == 2
        assert set(kpis["citizen_days_saved_per_year"]) == {"delta"}
    cut, more = (s["kpis"] for s in data["scenarios"])
    assert cut["dossiers_per_year"]["delta"]["mean"] == 0  # a time cut brings no dossiers
    assert more["dossiers_per_year"]["delta"]["mean"] > 0  # 20 % more demand does


def test_simulate_writes_tables_and_the_model(simulated):
    _, folder = simulated
    table = pd.read_csv(folder / "results.csv")
    assert list(table.columns[:2]) == ["scenario", "kpi"]
    assert set(table["scenario"]) == set(NAMES)
    assert {"baseline_mean", "scenario_mean", "delta_mean", "delta_ci95_low",
            "delta_ci95_high"} <= set(table.columns)
    runs = pd.read_csv(folder / "runs.csv")
    assert len(runs) == 3 * 2  # baseline and two scenarios, two replications each
    assert set(runs["variant"]) == {"baseline", *NAMES}
    model = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    assert LLTP in {p["log_id"] for p in model["procedures"]}


def test_simulate_prints_the_effects(simulated):
    out, _ = simulated
    assert f"{NAMES[0]}: on_time_rate" in out.stdout
    assert "wrote" in out.stdout and "results.json" in out.stdout


def test_simulate_baseline_has_the_logs_volume(simulated):
    _, folder = simulated
    data = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    simulated_rate = data["scenarios"][0]["kpis"]["dossiers_per_year"]["baseline"]["mean"]
    days = (pd.Timestamp("2024-02-29") - pd.Timestamp("2023-09-05")).days  # the log's span
    assert simulated_rate == pytest.approx(131 / days * 365.25, rel=0.25)


def test_propose_writes_time_cuts(tmp_path):
    out = run("propose", SAMPLE, "--replications", 2, "--out", tmp_path / "out", home=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    cuts = pd.read_csv(tmp_path / "out" / "time_cuts.csv")
    assert list(cuts.columns) == ["procedure_id", "name", "agency", "legal_days",
                                  "proposed_cut_days", "new_legal_days",
                                  "predicted_on_time_rate", "dossiers_per_year",
                                  "citizen_days_saved_per_year", "rank"]
    assert LLTP in set(cuts["procedure_id"]) and len(cuts) == 6
    assert (cuts["new_legal_days"] == cuts["legal_days"] - cuts["proposed_cut_days"]).all()
    assert ((cuts["proposed_cut_days"] * 2) % 1 == 0).all()
    assert (cuts["proposed_cut_days"] < cuts["legal_days"]).all()
    cut = cuts.loc[cuts["proposed_cut_days"] > 0]
    assert (cut["predicted_on_time_rate"] >= 0.995).all()
    assert list(cuts["rank"]) == list(range(1, len(cuts) + 1))
    assert cuts["citizen_days_saved_per_year"].is_monotonic_decreasing
    assert "time_cuts.csv" in out.stdout


BAD = [
    ("unknown-parameter", "name: x\nchanges:\n  - time_cut: {procedures: [a], days: 1, dayz: 2}\n",
     "changes[0].time_cut", "dayz"),
    ("cut-11-days", f"name: x\nchanges:\n  - time_cut: {{procedures: ['{LLTP}'], days: 11}}\n",
     "changes[0].time_cut.days", "0.5 to 10"),
    ("unknown-procedure", "name: x\nchanges:\n  - time_cut: {procedures: [Không có], days: 1}\n",
     "changes[0].time_cut.procedures[0]", LLTP),
    ("bad-yaml", "name: x\nchanges: [\n", "kịch bản.yaml", "repair the YAML"),
]


@pytest.mark.parametrize("text,field,fix", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_scenario_file_is_a_message_naming_the_field(tmp_path, text, field, fix):
    scenario = tmp_path / "kịch bản.yaml"
    scenario.write_text(text, encoding="utf-8")
    out = run("simulate", SAMPLE, "--scenario", scenario, "--replications", 2,
              "--out", tmp_path / "out", home=tmp_path)
    assert out.returncode == 2, out.stderr
    assert out.stderr.startswith("Error: ")
    assert field in out.stderr and "How to fix:" in out.stderr and fix in out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    assert not (tmp_path / "out").exists()  # nothing half-written


def test_missing_scenario_file_is_a_message(tmp_path):
    out = run("simulate", SAMPLE, "--scenario", tmp_path / "không có.yaml", "--out",
              tmp_path / "out", home=tmp_path)
    assert out.returncode == 2
    assert "Error: " in out.stderr and "không có.yaml" in out.stderr
    assert "does not exist" in out.stderr and "Traceback" not in out.stderr

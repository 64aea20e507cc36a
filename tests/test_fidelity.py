"""Simulation fidelity (dossierflow.simulation.fidelity): log-distance-measures run in the peer
virtualenv.

Tests that compute distances skip when the peer interpreter is absent (`make peers` builds it).
"""

from __future__ import annotations

import subprocess

import numpy as np
import pandas as pd
import pytest

from dossierflow.simulation.engine import simulate
from dossierflow.simulation.fidelity import MEASURES, FidelityError, fidelity, peers_python
from tests.support.models import centre

HORIZON = dict(start="2024-01-01", end="2024-03-01")  # ~1,000 dossiers of the small centre
CASES = 400


@pytest.fixture(scope="module")
def peers() -> str:
    try:
        python = str(peers_python())
    except FidelityError as exc:
        pytest.skip(exc.message)
    check = subprocess.run([python, "-c", "import log_distance_measures"], capture_output=True)
    if check.returncode != 0:
        pytest.skip(f"{python} has no log_distance_measures (run `make peers`)")
    return python


@pytest.fixture(scope="module")
def runs() -> dict[int, pd.DataFrame]:
    """Replications of the small centre model, by seed."""
    return {seed: simulate(centre(), seed=seed, **HORIZON).events for seed in (1, 2, 3, 4)}


def test_absent_interpreter_says_how_to_create_it(monkeypatch, tmp_path):
    frame = pd.DataFrame({"case_id": ["a"], "activity": ["x"],
                          "timestamp": [pd.Timestamp("2024-01-02 08:00")]})
    with pytest.raises(FidelityError, match="make peers"):
        fidelity(frame, frame, python=tmp_path / "nothing" / "python")
    monkeypatch.setenv("DOSSIERFLOW_PEERS_PYTHON", str(tmp_path / "nothing"))
    with pytest.raises(FidelityError, match="make peers"):
        fidelity(frame, frame)


def test_identical_logs_are_at_distance_zero(peers, runs):
    table = fidelity(runs[1], runs[1], runs[1], max_cases=CASES)
    assert table["measure"].tolist() == list(MEASURES)
    assert np.allclose(table["distance"], 0) and np.allclose(table["noise_floor"], 0)
    assert table["verdict"].str.startswith("identical").all()
    assert table.attrs["cases"] == {"real": CASES, "simulated": CASES, "noise": CASES}
    assert any("sampled (seed 0)" in note for note in table.attrs["notes"])


def _perturbed(events: pd.DataFrame) -> pd.DataFrame:
    """Thirty days later, every case three times as long, and appraise renamed."""
    out = events.assign(activity=events["activity"].astype("string")
                        .replace("appraise", "assess"))
    first = out.groupby("case_id", observed=True)["start_timestamp"].transform("min")
    for column in ("timestamp", "start_timestamp"):
        out[column] = first + 3 * (out[column] - first) + pd.Timedelta(days=30)
    return out


@pytest.mark.slow
def test_replications_sit_at_the_noise_floor_and_a_perturbed_real_log_does_not(peers, runs):
    same = fidelity(runs[1], runs[2], [runs[3], runs[4]], max_cases=CASES)
    assert (same["ratio"] < 4).all(), same.to_string()
    assert len(same.attrs["noise_floors"]["n_gram"]) == 2
    other = fidelity(_perturbed(runs[1]), runs[2], [runs[3], runs[4]], max_cases=CASES,
                     measures=["n_gram", "absolute_event", "relative_event", "cycle_time"])
    assert (other["ratio"] > 3).all(), other.to_string()
    assert other["verdict"].str.startswith("clearly different").all()
    assert (other["distance"].to_numpy()
            > same.set_index("measure").loc[other["measure"], "distance"].to_numpy()).all()


def test_missing_start_times_use_end_times_in_every_log(peers, runs):
    without = runs[1].drop(columns="start_timestamp")
    table = fidelity(without, runs[1], measures=["relative_event"], max_cases=CASES)
    assert table.loc[0, "distance"] == 0  # the simulated log loses its start times too
    assert np.isnan(table.loc[0, "noise_floor"]) and np.isnan(table.loc[0, "ratio"])
    assert any("no start times in the real log" in note for note in table.attrs["notes"])


def test_bad_options_are_refused_before_running():
    frame = pd.DataFrame({"case_id": ["a"], "activity": ["x"],
                          "timestamp": [pd.Timestamp("2024-01-02 08:00")]})
    with pytest.raises(FidelityError, match="unknown measure"):
        fidelity(frame, frame, measures=["fitness"])
    with pytest.raises(FidelityError, match="bin"):
        fidelity(frame, frame, bin="week")


@pytest.mark.slow
@pytest.mark.public_logs
def test_thirds_of_a_public_log_are_as_far_apart_as_replications(peers, public_dir):
    from dossierflow.mining.io.import_log import import_log

    events = import_log(public_dir / "receipt.xes.gz").events
    cases = events["case_id"].unique()
    third = pd.Series(np.random.default_rng(5).permutation(len(cases)) % 3, index=cases)
    part = [events[events["case_id"].map(third) == k] for k in range(3)]
    table = fidelity(part[0], part[1], part[2])
    assert (table["ratio"] < 3).all(), table.to_string()
    assert table.loc[table["measure"] == "n_gram", "distance"].item() < 0.2
    assert any("no start times" in note for note in table.attrs["notes"])

"""The as-is check (dossierflow.simulation.asis): its figures of a log agree with a plain pandas
count, and models learnt from logs dossierflow did not write reproduce them — the public logs and
the one-year sample within 5 % on the median lead time and 2 points on the on-time rate (the
SimPy centre's own check is in test_simpy_ground_truth.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dossierflow.mining.io.import_log import import_log
from dossierflow.mining.log.analysis_table import prepare
from dossierflow.mining.log.open_log import open_analysis_log
from dossierflow.simulation import asis
from dossierflow.simulation.discovery.discover_model import discover_model, learning_window
from dossierflow.simulation.engine import simulate
from dossierflow.simulation.sample.centre_model import centre_model, sample_period
from dossierflow.simulation.sample.sample_output import write_sample

LEAD, ON_TIME = 0.05, 0.02


def test_log_figures_agree_with_pandas(public_dir):
    log = prepare(import_log(public_dir / "receipt.csv"))
    lo, hi = learning_window(log)
    figures = asis.log_figures(log, lo, hi)
    cases = log.cases
    received = cases["received_at"].dt.tz_convert("Asia/Ho_Chi_Minh")
    window = cases.loc[(received >= lo) & (received < hi)]
    assert figures[("all", "lead_time_working_days_median")] == pytest.approx(
        window["lead_time_working_days"].median())
    late = window["on_time_class"] == "late"
    assert figures[("all", "on_time_rate")] == pytest.approx(1 - late.mean())
    months = (hi - lo).days / (365.25 / 12)
    assert figures[("all", "dossiers_per_month")] == pytest.approx(len(window) / months)


def test_a_run_is_cut_off_where_the_log_ends():
    """A simulated dossier finishing after the log's last event is open, as in the log: no
    lead time, late only if its due date has passed."""
    model = centre_model(scale=0.05)
    run = simulate(model, start="2023-01-01", end="2023-03-01", seed=0)
    censor = pd.Timestamp("2023-02-15", tz="Asia/Ho_Chi_Minh")
    cut = asis.run_figures(run, censor_at=censor)
    whole = asis.run_figures(run, censor_at=run.cases["finished_at"].max())
    # the dossiers cut off are the slow ones: fewer known lead times, a shorter median
    assert cut[("all", "lead_time_working_days_median")] < whole[
        ("all", "lead_time_working_days_median")]
    assert cut[("all", "dossiers_per_month")] == whole[("all", "dossiers_per_month")]


@pytest.mark.slow
@pytest.mark.public_logs
@pytest.mark.parametrize("name", ["receipt.csv", "helpdesk.xes.gz"])
def test_a_model_learnt_from_a_public_log_reproduces_it(public_dir, name):
    log = prepare(import_log(public_dir / name))
    found = discover_model(log, start=learning_window(log)[0])  # its last year, as the CLI
    check = asis.check(log, found.model, found.start, found.end, replications=8, workers=2)
    print("\n".join(check.lines()))
    assert abs(check.lead_error) <= LEAD
    assert not np.isfinite(check.on_time_error) or abs(check.on_time_error) <= ON_TIME


@pytest.mark.slow
def test_a_model_learnt_from_the_one_year_sample_reproduces_it(tmp_path):
    first, last = sample_period()
    run = simulate(centre_model(), start=first, end=last, seed=1)  # `dossierflow sample`
    log = open_analysis_log(str(write_sample(run, tmp_path / "sample.duckdb")))
    found = discover_model(log, start=learning_window(log)[0])
    check = asis.check(log, found.model, found.start, found.end, replications=3, workers=2)
    print("\n".join(check.lines()))
    assert abs(check.lead_error) <= LEAD
    assert abs(check.on_time_error) <= ON_TIME

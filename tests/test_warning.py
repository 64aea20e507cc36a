"""The early warning on a one-year synthetic centre: the model ranks the dossiers that end
late above the others, beats the "due soon" rule, and the figures of the rule are those plain
pandas gives; the list and the CLI file say what a user needs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dossierflow.mining.log.analysis_table import prepare
from dossierflow.mining.predict.evaluate import evaluate, held_out_prefixes, rule_score, scores
from dossierflow.mining.predict.risk_model import prefixes, train, working_moments
from dossierflow.mining.predict.warn import COLUMNS, warn
from dossierflow.simulation.engine import simulate
from dossierflow.simulation.sample.centre_model import centre_model, sample_period
from tests.support.cli import run as run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def year():
    """The sample's year (1/9/2022 – 31/8/2023) at 30 % of its demand: ~30,000 dossiers."""
    from dossierflow.simulation.sample.sample_output import to_imported

    first, last = sample_period()
    year_run = simulate(centre_model(scale=0.3), start=first, end=last, seed=1)
    return prepare(to_imported(year_run, "one-year centre"))


@pytest.fixture(scope="module")
def evaluation(year):
    return evaluate(year, every=2)


def test_the_model_ranks_late_dossiers_first(evaluation):
    model = evaluation.loc[evaluation["scorer"] == "model"]
    print(evaluation.drop(columns="cutoff").round(3).to_string())
    assert len(model) == 3
    assert model["roc_auc"].mean() >= 0.8
    assert (model["n_late"] > 0).all()


def test_the_model_beats_the_due_soon_rule_on_average(evaluation):
    by = evaluation.groupby("scorer")[["roc_auc", "precision_at_k"]].mean()
    assert by.loc["model", "roc_auc"] > by.loc["rule", "roc_auc"]
    assert by.loc["model", "precision_at_k"] >= by.loc["rule", "precision_at_k"]


def test_the_rule_figures_are_those_of_plain_pandas(year):
    cutoff = pd.Timestamp("2023-05-02 17:00", tz=year.calendar.timezone)
    table = prefixes(year, working_moments(year, cutoff, cutoff + pd.Timedelta(days=8)))
    rows = held_out_prefixes(year, table, cutoff, days=5)
    got = scores(rows, rule_score(rows), k=20)
    # AUC by the rank sum (Mann–Whitney), ties shared: fewer days left = riskier
    rank = (-rows["left_days"]).rank(method="average").to_numpy()
    late = rows["late"].to_numpy() == 1
    n1, n0 = late.sum(), (~late).sum()
    auc = (rank[late].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)
    assert got["roc_auc"] == pytest.approx(auc)
    daily = [day.nsmallest(20, "left_days")["late"].sum() / 20
             for _, day in rows.groupby("moment")]
    assert got["precision_at_k"] == pytest.approx(np.mean(daily))


def test_the_warning_list_says_what_an_officer_needs(year):
    at = pd.Timestamp("2023-06-15 17:00", tz=year.calendar.timezone)
    model = train(year, at, every=3)
    table = warn(year, at, model=model, lang="en")
    assert list(table.columns) == COLUMNS
    c = year.cases
    received = c["received_at"] <= at
    still_open = c["finished_at"].isna() | (c["finished_at"] > at)
    assert len(table) <= int((received & still_open).sum())
    assert table["risk"].between(0, 1).all()
    assert table["risk"].is_monotonic_decreasing
    assert (table["finish_low"] <= table["expected_finish"]).all()
    assert (table["expected_finish"] <= table["finish_high"]).all()
    assert (table["expected_finish"] >= at).all()
    overdue = table.loc[table["left_days"] < 0, "risk"]
    if len(overdue):  # overdue dossiers are late whatever happens next
        assert overdue.median() > table["risk"].median()
    top = table.head(20)
    assert top["why"].str.len().gt(0).mean() >= 0.5
    assert not table["procedure"].str.fullmatch(r"[\d.]+").any(), "names, not codes"


def test_the_cli_writes_the_list_with_officers_hidden(tmp_path):
    from dossierflow.simulation.sample.sample_output import write_sample

    half = simulate(centre_model(scale=0.1), start="2023-01-02", end="2023-07-01", seed=2)
    workspace = write_sample(half, tmp_path / "half.duckdb")
    out = tmp_path / "warn.csv"
    result = run_cli("warn", workspace, "--at", "2023-06-15 17:00", "--out", out, "--lang", "en",
                     home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "open dossiers" in result.stdout
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert list(table.columns) == COLUMNS
    assert len(table) > 0
    officers = set(half.events["resource"].dropna())
    assert not officers & set(table["officer"].dropna())

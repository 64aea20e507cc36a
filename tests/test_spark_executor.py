"""The Spark executor (dossierflow.simulation.spark_executor): each replication one task on a
local Spark session, with the same numbers as the local executor for the same seeds; and,
without pyspark, a plain message naming the extra to install while the local path still
runs."""

from __future__ import annotations

import sys
import time

import pandas as pd
import pytest

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.spark_backend import spark_unavailable
from dossierflow.simulation.engine import simulate
from dossierflow.simulation.experiment import ExperimentCancelled, replicate, run_experiment
from dossierflow.simulation.proposals import time_cut_proposals
from dossierflow.simulation.run_kpis import run_kpis
from dossierflow.simulation.scenarios import Scenario, Staffing, TimeCut
from tests.support.cli import run
from tests.support.models import centre

UNAVAILABLE = spark_unavailable()
on_spark = pytest.mark.skipif(UNAVAILABLE is not None,
                              reason=f"Spark executor not checked: {UNAVAILABLE}")
START, END = "2024-01-01", "2024-02-01"
SEED = 7
SCENARIOS = [Scenario("Cắt 2 ngày", [TimeCut(procedures=["SYT-01"], days=2)]),
             Scenario("Thêm cán bộ", [Staffing(agency="SYT", change=1, role="handler")])]
INSTALL = "pip install 'dossierflow[spark]'"


@pytest.fixture(scope="module")
def experiments():
    """The same experiment in one local process and on Spark, and the progress Spark gave."""
    ticks: list[float] = []
    local = run_experiment(centre(), SCENARIOS, start=START, end=END, replications=3,
                           seed=SEED, workers=1)
    spark = run_experiment(centre(), SCENARIOS, start=START, end=END, replications=3,
                           seed=SEED, executor="spark", progress=ticks.append)
    return local, spark, ticks


@pytest.mark.slow
@on_spark
def test_spark_gives_the_local_numbers_for_the_same_seeds(experiments):
    local, spark, _ = experiments
    assert len(spark.runs) == 3 * (1 + len(SCENARIOS))
    pd.testing.assert_frame_equal(local.runs, spark.runs)
    assert local.to_dict()["scenarios"] == spark.to_dict()["scenarios"]
    # replications are distinct runs, not one run copied
    base = spark.runs.loc[spark.runs["variant"] == "baseline"].set_index("replication")
    assert base["dossiers_per_year"].nunique() == 3


@pytest.mark.slow
@on_spark
def test_each_spark_replication_is_the_run_of_its_seed(experiments):
    """Replication r on Spark is the engine's run with seed + r, computed here directly."""
    _, spark, _ = experiments
    base = spark.runs.loc[spark.runs["variant"] == "baseline"].set_index("replication")
    for r in range(3):
        direct = pd.Series(run_kpis(simulate(centre(), start=START, end=END, seed=SEED + r)))
        pd.testing.assert_series_equal(base.loc[r, direct.index].astype(float),
                                       direct.astype(float), check_names=False)


@pytest.mark.slow
@on_spark
def test_spark_progress_climbs_to_done(experiments):
    *_, ticks = experiments
    assert ticks[0] == 0.0 and ticks[-1] == 1.0
    assert ticks == sorted(ticks)


@pytest.mark.slow
@on_spark
def test_spark_results_come_back_in_replication_order():
    models = [centre(), SCENARIOS[1].apply(centre())]
    kwargs = dict(start=START, end="2024-01-15", replications=3, seed=SEED)
    spark = replicate(models, run_kpis, executor="spark", **kwargs)
    assert [(v, r) for v, r, _ in spark] == [(0, 0), (1, 0), (0, 1), (1, 1), (0, 2), (1, 2)]
    local = replicate(models, run_kpis, workers=2, **kwargs)
    assert [(v, r) for v, r, _ in local] == [(v, r) for v, r, _ in spark]
    for (_, _, a), (_, _, b) in zip(local, spark):
        pd.testing.assert_series_equal(pd.Series(a), pd.Series(b))


@pytest.mark.slow
@on_spark
def test_spark_proposals_are_the_local_proposals():
    kwargs = dict(start=START, end="2024-03-01", replications=2, seed=SEED)
    local = time_cut_proposals(centre(), workers=1, **kwargs)
    spark = time_cut_proposals(centre(), executor="spark", **kwargs)
    assert len(local) == len(centre().procedures)
    pd.testing.assert_frame_equal(local, spark)


@pytest.mark.slow
@on_spark
def test_stopping_cancels_the_spark_job():
    began = time.perf_counter()
    with pytest.raises(ExperimentCancelled, match="stopped after 0 of 12 runs"):
        run_experiment(centre(), SCENARIOS, start=START, end="2027-01-01", replications=4,
                       seed=SEED, executor="spark", should_stop=lambda: True)
    # three years × 12 runs take some 20 s here: the job is cancelled, not waited for
    assert time.perf_counter() - began < 10


def test_an_unknown_executor_is_refused():
    with pytest.raises(DossierflowError, match="'local'"):
        replicate([centre()], run_kpis, start=START, end="2024-01-08", replications=1,
                  executor="cluster")


def test_without_pyspark_spark_names_the_extra_and_local_still_runs(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark now fails
    kwargs = dict(start=START, end="2024-01-08", replications=1, seed=SEED)
    with pytest.raises(DossierflowError) as caught:
        replicate([centre()], run_kpis, executor="spark", **kwargs)
    assert INSTALL in caught.value.message and "--executor local" in caught.value.message
    ((v, r, kpis),) = replicate([centre()], run_kpis, workers=1, **kwargs)
    assert (v, r) == (0, 0) and kpis["dossiers_per_year"] > 0


def test_the_cli_says_to_install_the_extra_before_any_work(tmp_path, monkeypatch):
    hidden = tmp_path / "hidden" / "pyspark"
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text("raise ImportError('pyspark hidden for this test')\n")
    monkeypatch.setenv("PYTHONPATH", str(hidden.parent))
    scenario = tmp_path / "s.yaml"
    scenario.write_text("name: Thêm cán bộ\nchanges:\n  - staffing: {agency: SYT, change: 1}\n",
                        encoding="utf-8")
    for command in (["simulate", "nowhere.duckdb", "--scenario", scenario],
                    ["propose", "nowhere.duckdb"], ["backtest", "nowhere.duckdb"]):
        done = run(*command, "--out", tmp_path / "out", "--executor", "spark", home=tmp_path)
        assert done.returncode == 2, done.stderr
        assert INSTALL in done.stderr and "Traceback" not in done.stderr
        assert "nowhere" not in done.stderr  # refused before the log is opened
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
@on_spark
def test_spark_backtest_is_the_local_backtest():
    """The reforms of the backtest tests' centre re-played with each executor (about a minute
    on 2 cores: the models are learnt twice)."""
    from dossierflow.mining.log.analysis_table import prepare
    from dossierflow.simulation.backtest import backtest
    from dossierflow.simulation.sample.sample_output import to_imported
    from tests.support.ground_truth import END as LOG_END
    from tests.support.ground_truth import START as LOG_START
    from tests.support.ground_truth import reformed_centre

    result = simulate(reformed_centre(), start=LOG_START, end=LOG_END, seed=3)
    result.events = result.events.drop(columns=["start_timestamp"])
    log = prepare(to_imported(result, "reformed centre"))
    local = backtest(log, replications=2)
    spark = backtest(log, replications=2, executor="spark")
    assert len(local.table) == 2 and not local.skipped
    pd.testing.assert_frame_equal(local.table, spark.table)

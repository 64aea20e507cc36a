"""Replications on Spark: each replication of each variant one Spark task.

PySpark is optional (``pip install 'dossierflow[spark]'``, plus Java 17): ``experiment``
imports this module only for ``executor="spark"``, and this module imports pyspark only when
called. The models go to the workers as their JSON form (``Model.to_dict``), once, in a
broadcast; each task reads its variant back (once per worker process), runs
``simulate(model, seed=seed + replication)`` and returns its measure. The results come back
in the order of the tasks, replication by replication, so that an experiment gives the same
numbers as on the local executor for the same seeds.

The session is the active one when the program built its own (on a cluster: any
``SparkSession.builder…getOrCreate()`` before the experiment), else one on the master named
by ``DOSSIERFLOW_SPARK_MASTER`` (``spark://host:7077``, ``yarn``, …) or by ``spark-submit``,
else a local session on every core of this machine. Every worker needs dossierflow
installed, the same version as the driver.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import uuid
from collections.abc import Callable
from functools import lru_cache, partial
from typing import Any

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.spark_backend import APP_NAME, spark_session, spark_unavailable
from dossierflow.simulation.engine import simulate
from dossierflow.simulation.experiment import ExperimentCancelled
from dossierflow.simulation.model import Model

MASTER_ENV = "DOSSIERFLOW_SPARK_MASTER"
POLL_SECONDS = 0.5


def spark_ready() -> None:
    """Raise a :class:`DossierflowError` saying what to install when Spark cannot run here."""
    missing = spark_unavailable()
    if missing:
        raise DossierflowError(
            f"the Spark executor cannot start: {missing}.",
            fix="install the spark extra with pip install 'dossierflow[spark]' and a Java 17 "
                "runtime, or run on this machine with --executor local (the default).")


def _session():
    """The active session, else one on ``$DOSSIERFLOW_SPARK_MASTER`` or spark-submit's
    master, else a local one."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    master = os.environ.get(MASTER_ENV)
    if master or "PYSPARK_GATEWAY_PORT" in os.environ:  # set by spark-submit
        if master and master.startswith("local"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (SparkSession.builder.appName(APP_NAME)
                   .config("spark.ui.showConsoleProgress", "false"))  # ours shows instead
        return (builder.master(master) if master else builder).getOrCreate()
    return spark_session()


@lru_cache(maxsize=16)
def _model(text: str) -> Model:
    """A variant read back from its JSON form (once per worker process)."""
    return Model.from_dict(json.loads(text))


def _run(task: tuple[int, int], shipped: Any, measures: list[Callable[[Any], Any]],
         seed: int, start: str, end: str) -> tuple[int, int, Any]:
    """One replication, on a worker."""
    variant, replication = task
    result = simulate(_model(shipped.value[variant]), start=start, end=end,
                      seed=seed + replication)
    return variant, replication, measures[variant](result)


def replicate_on_spark(models: list[Model], measures: list[Callable[[Any], Any]],
                       tasks: list[tuple[int, int]], *, seed: int, start: str, end: str,
                       progress: Callable[[float], None] | None = None,
                       should_stop: Callable[[], bool] | None = None
                       ) -> list[tuple[int, int, Any]]:
    """Run each ``(variant, replication)`` of ``tasks`` as one Spark task and return
    ``(variant, replication, measure(result))`` in the order of ``tasks``. ``progress`` gets
    the fraction of tasks done; ``should_stop`` returning True cancels the Spark job
    (:class:`ExperimentCancelled`)."""
    spark_ready()
    context = _session().sparkContext
    shipped = context.broadcast([json.dumps(m.to_dict(), ensure_ascii=False) for m in models])
    run = partial(_run, shipped=shipped, measures=measures, seed=seed, start=start, end=end)
    rdd = context.parallelize(tasks, len(tasks)).map(run)
    group = f"{APP_NAME}-{uuid.uuid4().hex}"
    box: dict[str, Any] = {}

    def collect() -> None:
        context.setJobGroup(group, "dossierflow replications", interruptOnCancel=True)
        try:
            box["out"] = rdd.collect()
        except Exception as exc:  # noqa: BLE001 — raised again in the caller's thread
            box["error"] = exc

    from pyspark import InheritableThread

    worker = InheritableThread(target=collect, daemon=True)
    worker.start()
    try:
        _watch(worker, context, group, len(tasks), progress, should_stop)
    finally:
        shipped.unpersist()
    if "error" in box:
        raise _failure(box["error"]) from None
    return box["out"]


def _watch(worker: threading.Thread, context: Any, group: str, total: int,
           progress: Callable[[float], None] | None,
           should_stop: Callable[[], bool] | None) -> None:
    """Wait for the job, reporting the tasks done; cancel it when asked to stop."""
    tracker, seen = context.statusTracker(), -1
    if progress:
        progress(0.0)
    while worker.is_alive():
        if should_stop and should_stop():
            while worker.is_alive():  # again until the job, perhaps not yet started, ends
                context.cancelJobGroup(group)
                worker.join(POLL_SECONDS)
            raise ExperimentCancelled(f"stopped after {max(seen, 0)} of {total} runs.",
                                      fix="run it again to completion.")
        worker.join(POLL_SECONDS)
        done = sum(stage.numCompletedTasks
                   for job in tracker.getJobIdsForGroup(group)
                   for stage_id in (getattr(tracker.getJobInfo(job), "stageIds", None) or [])
                   if (stage := tracker.getStageInfo(stage_id)) is not None)
        if progress and done != seen and done < total:
            progress(done / total)
        seen = done
    if progress:
        progress(1.0)


def _failure(exc: Exception) -> DossierflowError:
    """A task's failure as a message: the Python error a worker raised, else the first line
    of Spark's."""
    text = str(exc)
    raised = re.findall(r"^(\w+(?:Error|Exception): .+)$", text, re.MULTILINE)
    detail = raised[-1] if raised else (text.strip().splitlines() or [type(exc).__name__])[0]
    return DossierflowError(
        f"a replication failed on Spark: {detail[:300]}",
        fix="check the Spark workers' logs; every worker needs the same dossierflow installed "
            "(pip install 'dossierflow[spark]'); or run with --executor local.")

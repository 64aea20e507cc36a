"""Experiments: seeded replications of a baseline model and of scenarios, in parallel
processes, summarised as means with 95 % confidence intervals and paired differences.

Replication ``r`` of every variant runs with seed ``seed + r``: the engine draws each step's
durations and routes from streams keyed by the seed and the step, so the baseline and a
scenario share their random numbers (common random numbers) and their difference is measured
with far less noise than two independent runs would give.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from scipy import stats

from dossierflow.mining.errors import DossierflowError
from dossierflow.simulation import asis
from dossierflow.simulation.engine import SimulationResult, simulate
from dossierflow.simulation.model import Model
from dossierflow.simulation.run_kpis import run_kpis
from dossierflow.simulation.scenarios import Scenario

_MODELS: list[Model] = []
_MEASURES: list[Callable[[SimulationResult], Any]] = []


class ExperimentCancelled(DossierflowError):
    """The experiment was stopped before all replications ran."""


@dataclass
class ExperimentResult:
    """Per scenario and figure: baseline, scenario and difference, each with its mean and
    95 % confidence interval over the replications; ``runs`` holds every run's figures."""

    scenarios: list[str]
    replications: int
    seed: int
    start: pd.Timestamp
    end: pd.Timestamp
    runs: pd.DataFrame
    procedures: list[str] | None = None
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    asis: asis.AsIs | None = None

    def summary(self, scenario: str) -> dict[str, dict[str, dict[str, Any]]]:
        """``{figure: {"baseline": {mean, ci95}, "scenario": {…}, "delta": {…}}}``."""
        runs = self.runs
        base = runs.loc[runs["variant"] == "baseline"].set_index("replication")
        scen = runs.loc[runs["variant"] == scenario].set_index("replication")
        out = {}
        for name in [c for c in runs.columns if c not in ("variant", "replication")]:
            b, s = base[name], scen[name].reindex(base.index)
            if b.isna().all() and s.isna().all():
                continue
            bounds = (0.0, 1.0 if _is_share(name) else math.inf)
            out[name] = {"baseline": _interval(b, bounds), "scenario": _interval(s, bounds),
                         "delta": _interval(s - b)}
        if "citizen_days_per_year" in out:
            delta = out["citizen_days_per_year"]["delta"]
            out["citizen_days_saved_per_year"] = {"delta": {
                "mean": -delta["mean"], "ci95": [-delta["ci95"][1], -delta["ci95"][0]]}}
        return out

    def to_dict(self) -> dict[str, Any]:
        """The experiment as JSON-ready data (figures that cannot be computed are None)."""
        out = {"replications": self.replications, "seed": self.seed,
               "start": self.start.isoformat(), "end": self.end.isoformat(),
               "procedures": self.procedures, "seconds": round(self.seconds, 3),
               "notes": self.notes,
               "scenarios": [{"name": s, "kpis": self.summary(s)} for s in self.scenarios]}
        if self.asis is not None:
            checked = self.asis.to_dict()
            out["asis"] = {k: checked[k] for k in ("trusted", "warning", "lead_error",
                                                   "on_time_error")}
        return _clean(out)

    def table(self) -> pd.DataFrame:
        """One row per scenario and figure: the means and intervals side by side."""
        rows = []
        for s in self.scenarios:
            for name, parts in self.summary(s).items():
                row = {"scenario": s, "kpi": name}
                for part, value in parts.items():
                    row[f"{part}_mean"] = value["mean"]
                    row[f"{part}_ci95_low"], row[f"{part}_ci95_high"] = value["ci95"]
                rows.append(row)
        return pd.DataFrame(rows)

    def write(self, out_dir: str | Path) -> Path:
        """results.json, results.csv (the table) and runs.csv in ``out_dir`` (and the as-is
        check, asis.csv and asis.json, when there is one)."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        if self.asis is not None:
            self.asis.write(out)
        (out / "results.json").write_text(
            json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8")
        self.table().to_csv(out / "results.csv", index=False)
        self.runs.to_csv(out / "runs.csv", index=False)
        return out / "results.json"


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _is_share(name: str) -> bool:
    return name == "on_time_rate" or name.startswith("utilisation:")


def _interval(values: pd.Series, bounds: tuple[float, float] = (-math.inf, math.inf)
              ) -> dict[str, Any]:
    """Mean and 95 % t-interval over the replications, kept inside the figure's ``bounds``
    (a rate stays within 0–1, a time or a count above 0)."""
    v = values.dropna().to_numpy(dtype=float)
    if not len(v):
        return {"mean": float("nan"), "ci95": [float("nan"), float("nan")]}
    mean = float(v.mean())
    if len(v) < 2:
        return {"mean": mean, "ci95": [mean, mean]}
    half = float(stats.t.ppf(0.975, len(v) - 1) * v.std(ddof=1) / math.sqrt(len(v)))
    low, high = bounds
    return {"mean": mean, "ci95": [max(mean - half, low), min(mean + half, high)]}


def _one(variant: int, replication: int, seed: int, start: str, end: str
         ) -> tuple[int, int, Any]:
    result = simulate(_MODELS[variant], start=start, end=end, seed=seed + replication)
    return variant, replication, _MEASURES[variant](result)


def _init(models: list[Model], measures: list[Callable[[SimulationResult], Any]]) -> None:
    global _MODELS, _MEASURES
    _MODELS, _MEASURES = models, measures


Measure = Callable[[SimulationResult], Any]
Executor = Literal["local", "spark"]
EXECUTORS: tuple[Executor, ...] = ("local", "spark")


def replicate(models: list[Model], measure: Measure | list[Measure], *, start: Any,
              end: Any, replications: int, seed: int = 0, workers: int | None = None,
              executor: Executor = "local", progress: Callable[[float], None] | None = None,
              should_stop: Callable[[], bool] | None = None) -> list[tuple[int, int, Any]]:
    """Run every model ``replications`` times (replication ``r`` with seed ``seed + r``) in
    ``workers`` processes, or with ``executor="spark"`` as one Spark task each
    (``dossierflow.simulation.spark_executor``; ``workers`` is then unused), and return
    ``(model index, replication, measure(result))`` of each run, replication by replication.
    ``measure`` (or one per model) must be a module-level function or a partial of one (it
    runs in the worker processes)."""
    if isinstance(replications, bool) or not isinstance(replications, int) or replications < 1:
        raise DossierflowError(f"replications {replications!r} is not a whole number >= 1.",
                               fix="run at least 2 replications to get confidence intervals.")
    if executor not in EXECUTORS:
        raise DossierflowError(f"executor {executor!r} is not one of {list(EXECUTORS)}.",
                               fix="use 'local' (processes on this machine) or 'spark'.")
    tasks = [(v, r) for r in range(replications) for v in range(len(models))]
    workers = workers or min(os.cpu_count() or 1, len(tasks))
    measures = list(measure) if isinstance(measure, list) else [measure] * len(models)
    args = (seed, str(pd.Timestamp(start)), str(pd.Timestamp(end)))
    if executor == "spark":
        from dossierflow.simulation.spark_executor import replicate_on_spark

        return replicate_on_spark(models, measures, tasks, seed=seed, start=args[1],
                                  end=args[2], progress=progress, should_stop=should_stop)
    out: list[tuple[int, int, Any]] = []

    def done(item: tuple[int, int, Any]) -> None:
        out.append(item)
        if progress:
            progress(len(out) / len(tasks))
        if should_stop and should_stop() and len(out) < len(tasks):
            raise ExperimentCancelled(f"stopped after {len(out)} of {len(tasks)} runs.",
                                      fix="run it again to completion.")

    if progress:
        progress(0.0)
    if workers <= 1:
        _init(models, measures)
        for v, r in tasks:
            done(_one(v, r, *args))
        return out
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init,
                             initargs=(models, measures)) as pool:
        pending = {pool.submit(_one, v, r, *args) for v, r in tasks}
        try:
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    done(future.result())
        except BaseException:
            for future in pending:
                future.cancel()
            raise
    return sorted(out, key=lambda item: (item[1], item[0]))


def _with_figures(result: SimulationResult, procedures: list[str] | None,
                  basis: asis.Basis) -> dict[str, Any]:
    return {**run_kpis(result, procedures), "__asis__": basis.measure(result)}


def run_experiment(model: Model, scenarios: list[Scenario], *, start: Any, end: Any,
                   replications: int = 10, seed: int = 0, workers: int | None = None,
                   executor: Executor = "local", procedures: list[str] | None = None,
                   check: asis.Basis | None = None,
                   progress: Callable[[float], None] | None = None,
                   should_stop: Callable[[], bool] | None = None) -> ExperimentResult:
    """Run ``replications`` of the baseline ``model`` and of each scenario over [``start``,
    ``end``), in ``workers`` processes (default: one per core; 1 runs here) or, with
    ``executor="spark"``, as Spark tasks (the same numbers for the same seeds). Figures are of
    the dossiers of ``procedures`` when given. With ``check`` (``asis.basis`` of the log the
    model was learnt from), the baseline runs are also checked against the log
    (``ExperimentResult.asis``). ``progress`` gets the fraction done after each run;
    ``should_stop`` returning True stops the experiment (``ExperimentCancelled``)."""
    began = time.perf_counter()
    names = [s.name for s in scenarios]
    if len(set(names)) != len(names) or "baseline" in names:
        raise DossierflowError(f"scenario names {names} repeat or use 'baseline'.",
                               fix="give every scenario its own name.")
    models = [model] + [s.apply(model) for s in scenarios]
    measures: list[Any] = [partial(run_kpis, procedures=procedures)] * len(models)
    if check is not None:
        measures[0] = partial(_with_figures, procedures=procedures, basis=check)
    done = replicate(models, measures, start=start, end=end, replications=replications,
                     seed=seed, workers=workers, executor=executor, progress=progress,
                     should_stop=should_stop)
    figures = [kpis.pop("__asis__") for v, _, kpis in done if "__asis__" in kpis]
    runs = pd.DataFrame([{"variant": (["baseline"] + names)[v], "replication": r, **kpis}
                         for v, r, kpis in done])
    runs = runs.sort_values(["variant", "replication"], kind="stable").reset_index(drop=True)
    result = ExperimentResult(scenarios=names, replications=replications, seed=seed,
                              start=pd.Timestamp(start), end=pd.Timestamp(end), runs=runs,
                              procedures=procedures, seconds=time.perf_counter() - began)
    if check is not None:
        result.asis = check.compare(figures)
    return result

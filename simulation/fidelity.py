"""Simulation fidelity: how far a simulated log is from the real one, measured with the
distances of the ``log-distance-measures`` package, each next to its **noise floor** — the same
distance between two replications of the same model that differ only in their seed.

``fidelity(real, simulated, noise)`` gives one row per measure:

* ``n_gram``: control flow, the share of 3-gram occurrences (activity triples in case order,
  padded at the case's start and end) that the two logs do not have in common, 0–1;
* ``absolute_event``: when events happen on the calendar (start and end times, in bins);
* ``circadian_event``: when events happen in the day, weekday by weekday (hours);
* ``relative_event``: when events happen counted from their case's first start (bins);
* ``cycle_time``: the dossiers' cycle times (bins).

The time distances are Wasserstein distances (or the package's exact EMD, much slower) between
histograms of bins of a minute, an hour (default) or a day. A distance means little alone:
compare it with the noise floor. The ratio distance / noise floor near 1 says the model is as
close to reality as it is to itself; well above 1, it misses something. Replications of a
congested model can differ a lot (measured on six months of the small test centre, ~3,200
dossiers: 3-gram distances of 0.02–0.11 between pairs of seeds), so give several noise
replications: the floor is then their
mean distance to the simulated log. Every log is sampled to the same number of dossiers (the
n-gram distance counts absolute frequencies, so size alone would count as difference); simulate
the same period as the real log (for ``absolute_event``).

log-distance-measures needs pandas < 3 and Python < 3.13, so it runs in the peer virtualenv
``.venv-peers`` (``make peers``; ``make test`` builds it) through
:mod:`dossierflow.simulation.fidelity_worker`, with the events passed in temporary CSV files.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd

from dossierflow.mining.errors import ColumnMappingError, DossierflowError
from dossierflow.mining.vocabulary import TZ

Measure = Literal["n_gram", "absolute_event", "circadian_event", "relative_event", "cycle_time"]
Bin = Literal["minute", "hour", "day"]
Metric = Literal["wasserstein", "emd"]
MEASURES: tuple[Measure, ...] = get_args(Measure)
BINS: tuple[Bin, ...] = get_args(Bin)
METRICS: tuple[Metric, ...] = get_args(Metric)
PEERS_ENV = "DOSSIERFLOW_PEERS_PYTHON"
PEERS_VENV = Path(__file__).resolve().parents[1] / ".venv-peers"
WORKER = Path(__file__).resolve().with_name("fidelity_worker.py")
# distance / noise floor up to CLOSE: simulation noise; up to FAR: a modest mismatch
CLOSE, FAR = 1.5, 3.0


class FidelityError(DossierflowError):
    """The fidelity measures cannot run: no peer interpreter, bad input or options."""


def peers_python(python: str | os.PathLike | None = None) -> Path:
    """The interpreter of the peer virtualenv: ``python``, else ``$DOSSIERFLOW_PEERS_PYTHON``,
    else ``.venv-peers/bin/python`` of the repository."""
    given = python or os.environ.get(PEERS_ENV)
    path = Path(given) if given else PEERS_VENV / "bin" / "python"
    if not path.exists():
        where = (f"the interpreter {path} does not exist" if given else
                 f"the peer virtualenv {PEERS_VENV} is absent")
        raise FidelityError(
            f"{where}: log-distance-measures (pandas < 3) runs in a virtualenv of its own.",
            fix="run `make peers` (or `make test`, which builds it) in the repository, or set "
                f"{PEERS_ENV} to a Python 3.11/3.12 with log-distance-measures==2.2.0.")
    return path


def _events(frame: pd.DataFrame, name: str, notes: list[str]) -> pd.DataFrame:
    """``case, activity, start, end`` of a log (local times; start NaT where absent)."""
    missing = [c for c in ("case_id", "activity", "timestamp") if c not in frame]
    if missing:
        raise ColumnMappingError(f"the {name} log lacks the column(s) {', '.join(missing)}.",
                                 fix="pass an event table with case_id, activity, timestamp "
                                     "and optionally start_timestamp.")
    frame = frame.reset_index(drop=True)
    out = pd.DataFrame({"case": frame["case_id"].astype("string"),
                        "activity": frame["activity"].astype("string"),
                        "end": _local(frame["timestamp"], name)})
    out["start"] = (_local(frame["start_timestamp"], name) if "start_timestamp" in frame
                    else pd.NaT)
    unusable = out[["case", "activity", "end"]].isna().any(axis=1)
    if unusable.any():
        notes.append(f"{name} log: {int(unusable.sum()):,} events without dossier id, activity "
                     "or timestamp left out.")
        out = out[~unusable]
    if out.empty:
        raise FidelityError(f"the {name} log has no usable events.",
                            fix="pass a log with at least one complete event.")
    return out


def _sample(log: pd.DataFrame, name: str, size: int, seed: int,
            notes: list[str]) -> pd.DataFrame:
    """``size`` dossiers of ``log``, drawn with ``seed``."""
    cases = np.sort(log["case"].unique().to_numpy(dtype=object))
    if len(cases) <= size:
        return log
    keep = np.random.default_rng(seed).choice(cases, size=size, replace=False)
    notes.append(f"{name} log: {size:,} of {len(cases):,} dossiers sampled (seed {seed}).")
    return log[log["case"].isin(keep)]


def _local(values: pd.Series, name: str) -> pd.Series:
    try:
        stamps = pd.to_datetime(values)
    except (TypeError, ValueError) as exc:
        raise FidelityError(f"the {name} log's {values.name} column is not timestamps ({exc}).",
                            column=str(values.name),
                            fix="pass datetime columns (as dossierflow's event tables have)."
                            ) from None
    if stamps.dt.tz is None:
        stamps = stamps.dt.tz_localize(TZ)
    return stamps.dt.tz_convert(TZ)


def _write(log: pd.DataFrame, path: Path) -> None:
    ns = {c: pd.DatetimeIndex(log[c]).as_unit("ns").asi8 for c in ("start", "end")}
    pd.DataFrame({"case": log["case"], "activity": log["activity"],
                  "start_ns": ns["start"], "end_ns": ns["end"]}).to_csv(path, index=False)


def _verdict(distance: float, floor: float) -> str:
    if distance == 0:
        return "identical to the real log on this measure"
    if math.isnan(floor):
        return "no noise replication given: nothing to compare the distance with"
    if floor == 0:
        return "differs from the real log, while two replications agree exactly"
    ratio = distance / floor
    if ratio <= CLOSE:
        return "as close as two replications: the difference is simulation noise"
    if ratio <= FAR:
        return f"somewhat further than simulation noise ({ratio:.1f}×): a modest mismatch"
    return f"clearly different from the real log: {ratio:.0f}× the simulation noise"


def _unit(measure: str, bin_: str) -> str:
    if measure == "n_gram":
        return "share of n-grams (0–1)"
    return "hours of the day" if measure == "circadian_event" else f"{bin_}s"


def fidelity(real_events: pd.DataFrame, simulated_events: pd.DataFrame,
             noise_events: pd.DataFrame | Sequence[pd.DataFrame] | None = None, *,
             python: str | os.PathLike | None = None,
             measures: Sequence[Measure] = MEASURES, max_cases: int | None = 5_000, seed: int = 0,
             n: int = 3, bin: Bin = "hour", metric: Metric = "wasserstein",
             timeout: float | None = None) -> pd.DataFrame:
    """Distances between the real and the simulated event tables, each with its noise floor:
    the distance between ``simulated_events`` and ``noise_events``, another replication of the
    same model with another seed (or the mean distance to each of several replications).

    Event tables have dossierflow's columns ``case_id, activity, timestamp`` and optionally
    ``start_timestamp``; naive times are read as Asia/Ho_Chi_Minh. Start times are used only
    when every log has them; otherwise each event's end time stands for its start in all logs.
    ``max_cases``: every log is sampled, with ``seed``, to this many dossiers or to the size of
    the smallest log if less (None: no cap). The package loops over cases in Python: measured
    ~37 s for three logs of 5,000 dossiers (~38,000 events each), ~90 s at 10,000, most of it
    the n-gram and relative-event measures. ``n``: n-gram size. ``bin``: minute, hour or day,
    the time bins. ``metric``: wasserstein (fast) or emd (the package's linear program: slow,
    keep ``bin='day'``; circadian_event stays Wasserstein). ``python``: the peer interpreter
    (see :func:`peers_python`). ``timeout``: seconds before giving up.

    Returns columns measure, distance, noise_floor, ratio (distance / noise floor), verdict and
    unit; ``attrs`` holds ``notes`` (sampling, start times), ``cases`` (dossiers compared per
    log), ``noise_floors`` (per measure, the distance to each noise replication) and
    ``seconds`` (time per distance).
    """
    _check(measures, n, bin, metric, max_cases)
    interpreter = peers_python(python)
    notes: list[str] = []
    frames = {"real": real_events, "simulated": simulated_events}
    noise = ([] if noise_events is None else
             [noise_events] if isinstance(noise_events, pd.DataFrame) else list(noise_events))
    noises = ["noise"] if len(noise) == 1 else [f"noise{i}" for i in range(1, len(noise) + 1)]
    frames.update(zip(noises, noise))
    logs = _logs(frames, max_cases, seed, notes)
    if metric == "emd" and "circadian_event" in measures:
        notes.append("circadian_event uses the Wasserstein distance: the package's EMD fails on "
                     "its weekday windows.")
    pairs = [("real", "simulated")] + [("simulated", name) for name in noises]
    result = _measure(logs, interpreter, timeout, pairs=pairs, measures=list(measures), n=n,
                      bin=bin, metric=metric)
    rows, floors = [], {}
    for measure in measures:
        found = result["distances"][measure]
        distance = found["real-simulated"]
        floors[measure] = [found[f"simulated-{name}"] for name in noises]
        floor = float(np.mean(floors[measure])) if noises else math.nan
        ratio = distance / floor if floor else (math.inf if distance else math.nan)
        rows.append({"measure": measure, "distance": distance, "noise_floor": floor,
                     "ratio": ratio, "verdict": _verdict(distance, floor),
                     "unit": _unit(measure, bin)})
    table = pd.DataFrame(rows)
    table.attrs = {"notes": notes, "cases": {k: int(v["case"].nunique()) for k, v in logs.items()},
                   "noise_floors": floors, "seconds": result["seconds"]}
    return table


def _check(measures: Sequence[str], n: int, bin: str, metric: str, max_cases: int | None
           ) -> None:
    unknown = [m for m in measures if m not in MEASURES]
    if unknown or not measures:
        raise FidelityError(f"unknown measure(s) {unknown or 'none given'}.",
                            fix=f"choose among {', '.join(MEASURES)}.")
    if bin not in BINS or metric not in METRICS:
        raise FidelityError(f"bin {bin!r} / metric {metric!r} is not available.",
                            fix=f"bin one of {', '.join(BINS)}; metric one of "
                                f"{', '.join(METRICS)}.")
    if n < 1 or (max_cases is not None and max_cases < 1):
        raise FidelityError(f"n={n}, max_cases={max_cases}: both must be at least 1.",
                            fix="pass n=3 (the default) and max_cases >= 1 or None.")


def _logs(frames: dict[str, pd.DataFrame], max_cases: int | None, seed: int,
          notes: list[str]) -> dict[str, pd.DataFrame]:
    """The logs as the worker reads them: sampled to one size, start times the same in all."""
    logs = {name: _events(f, name, notes) for name, f in frames.items()}
    size = min(log["case"].nunique() for log in logs.values())
    if max_cases is not None:
        size = min(size, max_cases)
    logs = {name: _sample(log, name, size, seed, notes) for name, log in logs.items()}
    without = [name for name, log in logs.items() if log["start"].isna().all()]
    for name, log in logs.items():
        gaps = int(log["start"].isna().sum())
        if without:
            log["start"] = log["end"]
        elif gaps:
            log["start"] = log["start"].fillna(log["end"])
            notes.append(f"{name} log: {gaps:,} events without start time take their end time.")
    if without:
        notes.append(f"no start times in the {', '.join(without)} "
                     f"log{'s' if len(without) > 1 else ''}: every event's end time stands for "
                     "its start in all logs.")
    return logs


def _measure(logs: dict[str, pd.DataFrame], interpreter: Path, timeout: float | None,
             **spec: Any) -> dict[str, Any]:
    """The worker's distances and timings, run in the peer interpreter."""
    with tempfile.TemporaryDirectory(prefix="dossierflow-fidelity-") as tmp:
        folder = Path(tmp)
        for name, log in logs.items():
            _write(log, folder / f"{name}.csv")
        spec = {"logs": {name: str(folder / f"{name}.csv") for name in logs}, **spec,
                "tz": TZ, "out": str(folder / "out.json")}
        (folder / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
        try:
            run = subprocess.run([str(interpreter), "-I", str(WORKER), str(folder / "spec.json")],
                                 capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise FidelityError(f"the fidelity measures took longer than {timeout} s.",
                                fix="lower max_cases, use metric='wasserstein' or a coarser "
                                    "bin, or raise the timeout.") from None
        if run.returncode != 0:
            last = (run.stderr.strip().splitlines() or ["no message"])[-1]
            raise FidelityError(
                f"the fidelity worker failed in {interpreter}: {last}",
                fix="check that this interpreter has log-distance-measures==2.2.0 "
                    "(`make peers` builds one that has).")
        return json.loads((folder / "out.json").read_text(encoding="utf-8"))

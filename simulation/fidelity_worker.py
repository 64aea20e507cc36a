"""Runs log-distance-measures for :mod:`dossierflow.simulation.fidelity`, in the peer virtualenv.

Run by path with that interpreter (``python -I fidelity_worker.py SPEC.json``); it imports only
the standard library, pandas and log_distance_measures, never the rest of dossierflow. The spec
names the event files (CSV: ``case, activity, start_ns, end_ns`` with UTC epoch nanoseconds),
the pairs to compare, the measures and their options; the distances and the seconds each took
are written as JSON to ``out``.
"""

from __future__ import annotations

import datetime
import json
import sys
import time

import pandas as pd
from log_distance_measures.absolute_event_distribution import absolute_event_distribution_distance
from log_distance_measures.circadian_event_distribution import circadian_event_distribution_distance
from log_distance_measures.config import (
    DistanceMetric,
    EventLogIDs,
    discretize_to_day,
    discretize_to_hour,
    discretize_to_minute,
)
from log_distance_measures.cycle_time_distribution import cycle_time_distribution_distance
from log_distance_measures.n_gram_distribution import n_gram_distribution_distance
from log_distance_measures.relative_event_distribution import relative_event_distribution_distance

IDS = EventLogIDs(case="case", activity="activity", start_time="start", end_time="end")
DISCRETISE = {"minute": discretize_to_minute, "hour": discretize_to_hour,
              "day": discretize_to_day}
BIN_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}
METRIC = {"wasserstein": DistanceMetric.WASSERSTEIN, "emd": DistanceMetric.EMD}


def _measures(spec: dict) -> dict:
    step, metric = DISCRETISE[spec["bin"]], METRIC[spec["metric"]]
    bin_size = datetime.timedelta(seconds=BIN_SECONDS[spec["bin"]])
    return {
        "n_gram": lambda a, b: n_gram_distribution_distance(a, IDS, b, IDS, n=spec["n"]),
        "absolute_event": lambda a, b: absolute_event_distribution_distance(
            a, IDS, b, IDS, discretize_event=step, metric=metric),
        # the package's EMD fails on the weekday windows it passes as Series (KeyError)
        "circadian_event": lambda a, b: circadian_event_distribution_distance(
            a, IDS, b, IDS, metric=DistanceMetric.WASSERSTEIN),
        "relative_event": lambda a, b: relative_event_distribution_distance(
            a, IDS, b, IDS, discretize_event=step, metric=metric),
        "cycle_time": lambda a, b: cycle_time_distribution_distance(
            a, IDS, b, IDS, bin_size=bin_size, metric=metric),
    }


def _read(path: str, tz: str) -> pd.DataFrame:
    log = pd.read_csv(path, dtype={"case": str, "activity": str, "start_ns": "int64",
                                   "end_ns": "int64"}, keep_default_na=False)
    for column in ("start", "end"):
        log[column] = pd.to_datetime(log.pop(f"{column}_ns"), unit="ns", utc=True).dt.tz_convert(tz)
    return log


def main(spec_path: str) -> None:
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    logs = {name: _read(path, spec["tz"]) for name, path in spec["logs"].items()}
    measures = _measures(spec)
    distances: dict[str, dict[str, float]] = {}
    seconds: dict[str, float] = {}
    for measure in spec["measures"]:
        for first, second in spec["pairs"]:
            began = time.perf_counter()
            value = measures[measure](logs[first], logs[second])
            seconds[f"{measure} {first}-{second}"] = time.perf_counter() - began
            distances.setdefault(measure, {})[f"{first}-{second}"] = float(value)
    with open(spec["out"], "w", encoding="utf-8") as f:
        json.dump({"distances": distances, "seconds": seconds}, f)


if __name__ == "__main__":
    main(sys.argv[1])

"""A view's events as numpy arrays, and the directly-follows relation over a subset of its
activities computed from them: what the activity slider of a process map needs, in
milliseconds, once the arrays are fetched (once per filter).

Projection follows the map's convention (``dossierflow.mining.analysis.process_map``): the
events of the other activities are dropped, as if never logged, and each remaining event is
followed by the next remaining event of its dossier in (time, logged) order. Counts are weighted
counts over one dossier per variant; waits (``dossierflow.mining.log.transitions.waiting``) are
computed over every event, for the pairs the projection bridges only: a pair no removed event
separates anywhere keeps the statistics of the full map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.variants import case_variants

STATS = ("median", "mean", "p90")


@dataclass(frozen=True, eq=False)
class EventArrays:
    """The events of a view in (case, time, logged) order: ``activity`` codes into
    ``names``, ``case`` codes, the working-minute ``clock``, ``timestamp`` and start times
    in microseconds (NaN where absent; ``start_clock`` None without start times), and
    ``weight``: the number of dossiers of its variant on the events of one dossier per
    variant, 0 elsewhere; ``representatives``: the positions of those events;
    ``same_case``: whether each event but the last is followed by one of its case."""

    names: np.ndarray
    activity: np.ndarray
    case: np.ndarray
    clock: np.ndarray
    timestamp: np.ndarray
    start_clock: np.ndarray | None
    start_timestamp: np.ndarray | None
    weight: np.ndarray
    representatives: np.ndarray
    same_case: np.ndarray


def _column(table: pa.Table, name: str) -> np.ndarray:
    """A column as numpy (with nulls as float NaN); timestamps as microseconds since the
    epoch."""
    column = table[name]
    if pa.types.is_timestamp(column.type):
        column = column.cast(pa.timestamp("us", tz=column.type.tz)).cast(pa.int64())
    return column.to_numpy()


def _in_order(case: np.ndarray, stamp: np.ndarray, index: np.ndarray) -> bool:
    """Whether the rows are sorted by (case, timestamp, event_index) already."""
    same_case, same_time = case[1:] == case[:-1], stamp[1:] == stamp[:-1]
    return bool(np.all((case[1:] > case[:-1]) | same_case & (
        (stamp[1:] > stamp[:-1]) | same_time & (index[1:] > index[:-1]))))


def fetch_events(view: LogView, whole: bool, timed: bool) -> EventArrays:
    """The view's events as ``EventArrays`` (start times only when ``timed``)."""
    events = view.events
    columns = ["case_code", "event_index", "activity_code", "clock", "timestamp"]
    if timed:
        columns += ["start_clock", "start_timestamp"]
    table = events.select(*columns).to_pyarrow()
    case = _column(table, "case_code")
    index = _column(table, "event_index")
    stamp = _column(table, "timestamp")
    order = None if _in_order(case, stamp, index) else np.lexsort((index, stamp, case))
    per_case = case_variants(view, whole)
    chosen = per_case.group_by("variant").aggregate(
        weight=per_case.count(), case_code=per_case.case_code.min()).to_pandas()
    names = events.select("activity_code", "activity").distinct().order_by(
        "activity_code").to_pandas()
    code = _column(table, "activity_code")
    lookup = np.zeros(int(code.max()) + 1 if len(code) else 1, np.int32)
    lookup[names["activity_code"].to_numpy()] = np.arange(len(names))
    weight_of = np.zeros(int(case.max()) + 1 if len(case) else 1, np.int64)
    weight_of[chosen["case_code"].to_numpy(np.int64)] = chosen["weight"].to_numpy(np.int64)

    def arranged(values: np.ndarray | None) -> np.ndarray | None:
        return values if values is None or order is None else values[order]

    case, weight = arranged(case), arranged(weight_of[case])
    return EventArrays(
        names=names["activity"].to_numpy(object), activity=arranged(lookup[code]),
        case=case, clock=arranged(_column(table, "clock")), timestamp=arranged(stamp),
        start_clock=arranged(_column(table, "start_clock")) if timed else None,
        start_timestamp=arranged(_column(table, "start_timestamp")) if timed else None,
        weight=weight, representatives=np.flatnonzero(weight), same_case=case[1:] == case[:-1])


def _successors(arrays: EventArrays, kept: np.ndarray, among: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The positions of the events of a kept activity among the (ascending) positions
    ``among``, each with the position of the next such event of its case (-1 at the case's
    last), and whether it is its case's first."""
    chosen = among[kept[arrays.activity[among]]]
    case = arrays.case[chosen]
    same = case[1:] == case[:-1]
    following = np.full(len(chosen), -1, np.int64)
    following[:-1][same] = chosen[1:][same]
    first = np.ones(len(chosen), bool)
    first[1:] = ~same
    return chosen, following, first


def projected_counts(arrays: EventArrays, kept: np.ndarray
                     ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Node counts (activity, events, cases, start_cases, end_cases) and edge counts
    (source, target, frequency, cases) of the relation over the activities ``kept`` (a mask
    over ``arrays.names``), weighted over one dossier per variant."""
    n = len(arrays.names)
    chosen, following, first = _successors(arrays, kept, arrays.representatives)
    act, weight, case = arrays.activity[chosen], arrays.weight[chosen], arrays.case[chosen]
    last = following < 0
    once = np.unique(np.c_[case, act], axis=0, return_index=True)[1] if len(act) else []
    nodes = pd.DataFrame({
        "activity": arrays.names,
        "events": np.bincount(act, weight, n), "cases": np.bincount(act[once], weight[once], n),
        "start_cases": np.bincount(act[first], weight[first], n),
        "end_cases": np.bincount(act[last], weight[last], n)})
    nodes = nodes.loc[nodes["events"] > 0]
    pair = act[~last] * n + arrays.activity[following[~last]]
    pair_case, pair_weight = case[~last], weight[~last]
    once = np.unique(np.c_[pair_case, pair], axis=0, return_index=True)[1] if len(pair) else []
    frequency = np.bincount(pair, pair_weight, n * n)
    cases = np.bincount(pair[once], pair_weight[once], n * n)
    present = np.flatnonzero(frequency)
    edges = pd.DataFrame({"source": arrays.names[present // n],
                          "target": arrays.names[present % n],
                          "frequency": frequency[present], "cases": cases[present]})
    return nodes, edges


def _waits(arrays: EventArrays, source: np.ndarray | slice, target: np.ndarray | slice,
           handovers: bool) -> tuple[np.ndarray, np.ndarray]:
    """Working minutes and seconds waited from ``source`` to ``target`` events (positions or
    slices): in-tray to the target's start where it has one (``transitions.in_tray``), else
    to its end."""
    seconds = (arrays.timestamp[target] - arrays.timestamp[source]) / 1e6
    minutes = arrays.clock[target] - arrays.clock[source]
    if arrays.start_clock is None or handovers:
        return minutes, seconds
    next_clock = arrays.start_clock[target]
    present = ~np.isnan(next_clock) & ~np.isnan(minutes)
    with np.errstate(invalid="ignore"):
        tray_minutes = np.minimum(np.maximum(next_clock - arrays.clock[source], 0.0), minutes)
        tray_seconds = np.minimum(np.maximum(
            (arrays.start_timestamp[target] - arrays.timestamp[source]) / 1e6, 0.0), seconds)
    return np.where(present, tray_minutes, minutes), np.where(present, tray_seconds, seconds)


@dataclass(frozen=True, eq=False)
class SortedWaits:
    """One measure of the waits of the full map's transitions (each event to the next of its
    case), NaN left out, sorted by pair code (source × n + target) then value: per pair code
    its values are ``values[offsets[p]:offsets[p + 1]]``, their sum ``sums[p]``."""

    values: np.ndarray
    offsets: np.ndarray
    sums: np.ndarray


def _sorted(pair: np.ndarray, values: np.ndarray, size: int) -> SortedWaits:
    present = ~np.isnan(values)
    pair, values = pair[present], values[present]
    offsets = np.r_[0, np.cumsum(np.bincount(pair, minlength=size))]
    sums = np.bincount(pair, values, size)
    values = values[np.argsort(pair, kind="stable")]  # a radix sort on small codes
    for p in np.flatnonzero(np.diff(offsets) > 1):
        values[offsets[p]:offsets[p + 1]].sort()
    return SortedWaits(values, offsets, sums)


def _pair_code(n: int) -> type:
    """The smallest integer type of pair codes: codes of 16 bits or less sort by radix."""
    return np.int16 if n * n < 2**15 else np.int32


def direct_waits(arrays: EventArrays, handovers: bool) -> tuple[SortedWaits, SortedWaits]:
    """The waits of the full map's transitions in working minutes and in seconds, sorted per
    pair (what every activity setting's figures are merged from)."""
    n, same, code = len(arrays.names), arrays.same_case, _pair_code(len(arrays.names))
    pair = (arrays.activity[:-1] * n + arrays.activity[1:]).astype(code)[same]
    minutes, seconds = _waits(arrays, slice(None, -1), slice(1, None), handovers)
    return _sorted(pair, minutes[same], n * n), _sorted(pair, seconds[same], n * n)


def _kth(direct: np.ndarray, added: np.ndarray, k: int) -> float:
    """The ``k``-th smallest (from 0) of two sorted arrays together (equal values of
    ``direct`` first), by bisecting how many of the first ``k + 1`` come from ``added``."""
    low, high = max(0, k + 1 - len(direct)), min(k + 1, len(added))
    while True:
        j = (low + high) // 2
        i = k + 1 - j
        if j > 0 and i < len(direct) and added[j - 1] >= direct[i]:
            high = j - 1  # too many from added
        elif i > 0 and j < len(added) and direct[i - 1] > added[j]:
            low = j + 1  # too few from added
        else:
            return max(direct[i - 1] if i > 0 else -math.inf,
                       added[j - 1] if j > 0 else -math.inf)


def _merged_summary(direct: np.ndarray, total: float, added: np.ndarray,
                    scale: float) -> list[float]:
    """Median, mean and 90th percentile of sorted ``direct`` (summing to ``total``) and sorted
    ``added`` values together, interpolated as DuckDB's ``quantile_cont``, over ``scale``."""
    n = len(direct) + len(added)
    if not n:
        return [np.nan] * 3
    out = []
    for q in (0.5, 0.9):
        position = (n - 1) * q
        low = math.floor(position)
        value = _kth(direct, added, low)
        if position > low:
            value += (_kth(direct, added, low + 1) - value) * (position - low)
        out.append(value / scale)
    return [out[0], (total + added.sum()) / n / scale, out[1]]


def bridged_waits(arrays: EventArrays, direct: tuple[SortedWaits, SortedWaits],
                  kept: np.ndarray, handovers: bool) -> pd.DataFrame:
    """Wait statistics of the pairs of the relation over ``kept`` that some removed event
    separates (the others keep their full-map figures), from the ``direct_waits`` and the
    bridged transitions: source, target and the median, mean and 90th percentile in working
    hours (``wait_working_hours_*``) and in hours (``wait_hours_*``)."""
    n, case = len(arrays.names), arrays.case
    keep = kept[arrays.activity]
    source = np.flatnonzero(keep[:-1] & ~keep[1:] & arrays.same_case)
    positions = np.flatnonzero(keep)
    at = np.searchsorted(positions, source + 1)
    source, at = source[at < len(positions)], at[at < len(positions)]
    target = positions[at]
    source, target = source[case[target] == case[source]], target[case[target] == case[source]]
    pair = (arrays.activity[source] * n + arrays.activity[target]).astype(_pair_code(n))
    minutes, seconds = _waits(arrays, source, target, handovers)
    columns = {}
    for values, whole, scale, name in ((minutes, direct[0], 60.0, "wait_working_hours"),
                                       (seconds, direct[1], 3600.0, "wait_hours")):
        added = _sorted(pair, values, n * n)
        groups = np.flatnonzero(np.bincount(pair, minlength=n * n))
        stats = [_merged_summary(whole.values[whole.offsets[p]:whole.offsets[p + 1]],
                                 whole.sums[p], added.values[added.offsets[p]:added.offsets[p + 1]],
                                 scale) for p in groups]
        stats = np.array(stats, float).reshape(-1, 3)
        columns.update({f"{name}_{stat}": stats[:, i] for i, stat in enumerate(STATS)})
    return pd.DataFrame({"source": arrays.names[groups // n], "target": arrays.names[groups % n],
                         **columns})

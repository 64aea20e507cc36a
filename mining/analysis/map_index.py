"""What the process map of every filter of a log needs, computed once per log: a filter's map
is then a case mask, a few sums and order statistics, without a query over the events.

Per log (the events table of a DuckDB workspace or view): the variant of each dossier and each
variant's activity and transition counts (one dossier per variant stands for all of them), the
waits of every transition and the service times of every event sorted per edge and per
activity. A view that holds whole dossiers of that log is a set of case codes: its counts are
the variants' counts weighted by how many of its dossiers each variant has, its medians and
90th percentiles (interpolated, as DuckDB's ``quantile_cont``) and means are read off the
sorted values of its dossiers. Views of part of the events, or on other backends, are mapped
by queries (``dossierflow.mining.analysis.process_map``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import ibis.expr.operations as ops
import ibis.expr.types as ir
import numpy as np
import pandas as pd
import pyarrow as pa
from scipy import sparse

from dossierflow.mining.analysis.projected_map import EventArrays, SortedWaits
from dossierflow.mining.log.log_view import LogView

HANDOVER_SHARE = 0.95  # as dossierflow.mining.log.transitions
_HASH = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True, eq=False)
class SortedValues:
    """One measure sorted by group then value (NaN left out), each value with its case code:
    group ``g`` holds ``values[offsets[g]:offsets[g + 1]]``."""

    values: np.ndarray
    case: np.ndarray
    group: np.ndarray
    offsets: np.ndarray
    sums: np.ndarray

    def summary(self, keep: np.ndarray | None, scale: float) -> np.ndarray:
        """Per group, the median, mean and 90th percentile (columns) of the values of the
        cases ``keep`` marks (a mask over case codes; every case when None), over ``scale``;
        NaN for a group without values."""
        groups = len(self.offsets) - 1
        if keep is None:
            counts, start, totals = np.diff(self.offsets), self.offsets[:-1], self.sums

            def at(g, k):
                return self.values[np.minimum(start[g] + k, len(self.values) - 1)]
        else:
            kept = keep[self.case]
            cumulative = np.r_[0, np.cumsum(kept)]
            before = cumulative[self.offsets[:-1]]
            counts = cumulative[self.offsets[1:]] - before
            totals = np.bincount(self.group, np.where(kept, self.values, 0.0), groups)

            def at(g, k):
                where = np.searchsorted(cumulative, before[g] + k + 1) - 1
                return self.values[np.minimum(where, len(self.values) - 1)]
        out = np.full((groups, 3), np.nan)
        has = np.flatnonzero(counts)
        if not len(has) or not len(self.values):
            return out
        n = counts[has]
        for column, q in ((0, 0.5), (2, 0.9)):
            position = (n - 1) * q
            low = np.floor(position).astype(np.int64)
            value = at(has, low)
            upper = at(has, np.minimum(low + 1, n - 1))
            out[has, column] = (value + (upper - value) * (position - low)) / scale
        out[has, 1] = totals[has] / n / scale
        return out


def _sorted(group: np.ndarray, values: np.ndarray, case: np.ndarray,
            groups: int) -> SortedValues:
    present = ~np.isnan(values)
    group = group[present].astype(np.int16 if groups < 2**15 else np.int32)
    values, case = values[present], case[present]
    offsets = np.r_[0, np.cumsum(np.bincount(group, minlength=groups))]
    sums = np.bincount(group, values, groups)
    order = np.argsort(group, kind="stable")  # a radix sort on 16-bit codes
    values, case, group = values[order], case[order], group[order]
    for g in np.flatnonzero(np.diff(offsets) > 1):  # then each group's values, in place
        part = slice(offsets[g], offsets[g + 1])
        by_value = np.argsort(values[part])
        values[part], case[part] = values[part][by_value], case[part][by_value]
    return SortedValues(values, case, group, offsets, sums)


def _numpy(table: pa.Table, name: str) -> np.ndarray:
    column = table[name]
    if pa.types.is_timestamp(column.type):
        column = column.cast(pa.timestamp("us", tz=column.type.tz)).cast(pa.int64())
    return column.to_numpy()


@dataclass(eq=False)
class MapIndex:
    """A log's map index (module docstring); ``waits`` is filled per hand-over reading of the
    start times (``transitions.starts_are_handovers``) when first needed."""

    names: np.ndarray
    n_cases: int
    case_variant: np.ndarray
    variant_events: sparse.csr_matrix
    variant_has: sparse.csr_matrix
    variant_first: np.ndarray
    variant_last: np.ndarray
    variant_pairs: sparse.csr_matrix
    variant_pair_has: sparse.csr_matrix
    arrays: dict[str, np.ndarray] = field(repr=False)
    service: tuple[SortedValues, SortedValues] | None = None
    waits: dict[bool, tuple[SortedValues, SortedValues]] = field(default_factory=dict)

    def handovers(self, keep: np.ndarray | None) -> bool:
        """Whether the start times of the cases ``keep`` marks are hand-over times."""
        if "start_clock" not in self.arrays:
            return False
        a = self.arrays
        same, case = a["same_case"], a["case"][:-1]
        timed = same & ~np.isnan(a["start_timestamp"][1:])
        if keep is not None:
            timed &= keep[case]
        n = int(timed.sum())
        equal = int((timed & (a["start_timestamp"][1:] == a["timestamp"][:-1])).sum())
        return n > 0 and equal >= HANDOVER_SHARE * n

    def pair_waits(self, handovers: bool) -> tuple[SortedValues, SortedValues]:
        """The waits of every transition in working minutes and seconds, sorted per pair."""
        if handovers not in self.waits:
            a, n = self.arrays, len(self.names)
            same = a["same_case"]
            source = np.flatnonzero(same)
            target = source + 1
            pair = a["activity"][source] * n + a["activity"][target]
            minutes = a["clock"][target] - a["clock"][source]
            seconds = (a["timestamp"][target] - a["timestamp"][source]) / 1e6
            if "start_clock" in a and not handovers:
                start = a["start_clock"][target]
                present = ~np.isnan(start) & ~np.isnan(minutes)
                with np.errstate(invalid="ignore"):
                    tray = np.minimum(np.maximum(start - a["clock"][source], 0.0), minutes)
                    tray_s = np.minimum(np.maximum(
                        (a["start_timestamp"][target] - a["timestamp"][source]) / 1e6, 0.0),
                        seconds)
                minutes = np.where(present, tray, minutes)
                seconds = np.where(present, tray_s, seconds)
            case = a["case"][source]
            self.waits[handovers] = (_sorted(pair, minutes, case, n * n),
                                     _sorted(pair, seconds, case, n * n))
        return self.waits[handovers]


def build_index(events: ir.Table) -> MapIndex:
    """The map index of a log's events table (sorted by case and time at import)."""
    columns = ["case_code", "event_index", "activity_code", "clock", "timestamp"]
    timed = "start_clock" in events.columns
    served = "service_seconds" in events.columns
    columns += ["start_clock", "start_timestamp"] * timed
    columns += ["service_working_minutes", "service_seconds"] * served
    table = events.select(*columns).to_pyarrow()
    a = {name: _numpy(table, name) for name in columns}
    case, index = a["case_code"], a["event_index"]
    if not np.all((case[1:] > case[:-1]) | (case[1:] == case[:-1]) & (index[1:] > index[:-1])):
        order = np.lexsort((index, case))
        a = {name: values[order] for name, values in a.items()}
    names = events.select("activity_code", "activity").distinct().order_by(
        "activity_code").to_pandas()
    lookup = np.zeros(int(names["activity_code"].max()) + 1, np.int32)
    lookup[names["activity_code"].to_numpy()] = np.arange(len(names))
    n = len(names)
    case = a.pop("case_code").astype(np.int64)
    activity = lookup[a.pop("activity_code")]
    a["timestamp"] = a["timestamp"].astype(np.float64)
    if timed:
        a["start_timestamp"] = a["start_timestamp"].astype(np.float64)
    same = case[1:] == case[:-1]
    starts = np.flatnonzero(np.r_[True, ~same])
    n_cases = int(case.max()) + 1
    # a dossier's variant: a hash of its activity sequence (and length)
    position = np.arange(len(case)) - np.repeat(starts, np.diff(np.r_[starts, len(case)]))
    powers = np.cumprod(np.r_[np.uint64(1), np.full(int(position.max()), _HASH)],
                        dtype=np.uint64)
    with np.errstate(over="ignore"):
        terms = (activity.astype(np.uint64) + np.uint64(1)) * powers[position]
        digest = np.add.reduceat(terms, starts) ^ (np.diff(np.r_[starts, len(case)]).astype(
            np.uint64) * _HASH)
    _, first_case, variant = np.unique(digest, return_index=True, return_inverse=True)
    case_variant = np.full(n_cases, -1, np.int64)
    case_variant[case[starts]] = variant
    v = len(first_case)
    bounds = np.r_[starts, len(case)]
    rep_starts, rep_ends = bounds[first_case], bounds[first_case + 1]
    lengths = rep_ends - rep_starts
    rep_positions = (np.repeat(rep_starts - (np.cumsum(lengths) - lengths), lengths)
                     + np.arange(lengths.sum()))
    rep_variant = np.repeat(np.arange(v), lengths)
    rep_activity = activity[rep_positions]
    ones = np.ones(len(rep_positions))
    events_matrix = sparse.csr_matrix((ones, (rep_variant, rep_activity)), shape=(v, n))
    inner = np.flatnonzero(np.diff(rep_variant) == 0)
    pairs = rep_activity[inner] * n + rep_activity[inner + 1]
    pair_matrix = sparse.csr_matrix((np.ones(len(inner)), (rep_variant[inner], pairs)),
                                    shape=(v, n * n))
    index = MapIndex(
        names=names["activity"].to_numpy(object), n_cases=n_cases, case_variant=case_variant,
        variant_events=events_matrix, variant_has=(events_matrix > 0).astype(float),
        variant_first=activity[rep_starts], variant_last=activity[rep_ends - 1],
        variant_pairs=pair_matrix, variant_pair_has=(pair_matrix > 0).astype(float),
        arrays={**a, "case": case, "activity": activity, "same_case": same})
    if served:
        index.service = (_sorted(activity, a["service_working_minutes"], case, n),
                         _sorted(activity, a["service_seconds"], case, n))
    return index


_INDEXES: dict = {}
_HELD = 2  # logs whose index is kept


def _root(view: LogView) -> ir.Table | None:
    """The log's events table the view's events are drawn from (None when not one table)."""
    schema = view.events.schema()
    tables = [t for t in view.events.op().find(ops.DatabaseTable) if t.schema == schema]
    return tables[0].to_expr() if len(tables) == 1 else None


def log_index(view: LogView) -> MapIndex | None:
    """The map index of the log ``view`` is drawn from, built on first use and kept while
    the log's events table is the same (its oid and size: workspaces are written once, a
    table made again gets a new oid); None off DuckDB."""
    if view.events.get_backend().name != "duckdb":
        return None
    root = _root(view)
    if root is None or "activity_code" not in root.columns:
        return None
    name = root.op().name.replace("'", "''")
    stamp = tuple(sorted(root.get_backend().raw_sql(  # a table made again gets a new oid
        "SELECT table_oid, estimated_size FROM duckdb_tables() "
        f"WHERE table_name = '{name}'").fetchall()))
    held = _INDEXES.get(root.op())
    if held is not None and held[0] == stamp:
        return held[1]
    index = build_index(root)
    _INDEXES[root.op()] = (stamp, index)
    while len(_INDEXES) > _HELD:
        del _INDEXES[next(iter(_INDEXES))]
    return index


def indexed_tables(view: LogView) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """Nodes (activity, events, cases, start_cases, end_cases and the service times) and the
    edges between activities (source, target, frequency, cases and the waits) of a view that
    holds whole dossiers, from its log's index; None when the view cannot use one."""
    index = log_index(view)
    if index is None:
        return None
    codes = view.cases.select("case_code").to_pyarrow()["case_code"].to_numpy()
    if not len(codes):
        return None
    keep = None
    if len(codes) < index.n_cases:
        keep = np.zeros(index.n_cases, bool)
        keep[codes] = True
    n = len(index.names)
    weight = np.bincount(index.case_variant[codes], minlength=len(index.variant_first))
    weight = weight.astype(float)
    nodes = pd.DataFrame({
        "activity": index.names, "events": index.variant_events.T @ weight,
        "cases": index.variant_has.T @ weight,
        "start_cases": np.bincount(index.variant_first, weight, n),
        "end_cases": np.bincount(index.variant_last, weight, n)})
    if index.service is not None:
        for values, name in zip(index.service, ("service_working_minutes",
                                                "service_seconds")):
            stats = values.summary(keep, 1.0)
            nodes = nodes.assign(**{f"{name}_{s}": stats[:, i]
                                    for i, s in enumerate(("median", "mean", "p90"))})
    nodes = nodes.loc[nodes["events"] > 0].round({"events": 0, "cases": 0})
    frequency = index.variant_pairs.T @ weight
    present = np.flatnonzero(frequency)
    edges = pd.DataFrame({"source": index.names[present // n],
                          "target": index.names[present % n],
                          "frequency": np.round(frequency[present]),
                          "cases": np.round((index.variant_pair_has.T @ weight)[present])})
    minutes, seconds = index.pair_waits(index.handovers(keep))
    for values, name, scale in ((minutes, "wait_working_hours", 60.0),
                                (seconds, "wait_hours", 3600.0)):
        stats = values.summary(keep, scale)[present]
        edges = edges.assign(**{f"{name}_{s}": stats[:, i]
                                for i, s in enumerate(("median", "mean", "p90"))})
    return nodes.reset_index(drop=True), edges


def indexed_arrays(view: LogView) -> tuple[EventArrays, tuple[SortedWaits, SortedWaits],
                                           bool] | None:
    """For the activity slider of a view that holds whole dossiers: its events as
    ``EventArrays``, its transitions' waits sorted per pair and whether its start times are
    hand-over times, cut from its log's index (None when the view cannot use one)."""
    index = log_index(view)
    if index is None:
        return None
    codes = np.sort(view.cases.select("case_code").to_pyarrow()["case_code"].to_numpy())
    if not len(codes):
        return None
    keep = np.zeros(index.n_cases, bool)
    keep[codes] = True
    every = len(codes) == index.n_cases
    a = index.arrays
    chosen = slice(None) if every else np.flatnonzero(keep[a["case"]])
    case = a["case"][chosen]
    variants, first = np.unique(index.case_variant[codes], return_index=True)
    weight_of = np.zeros(index.n_cases, np.int64)
    weight_of[codes[first]] = np.bincount(index.case_variant[codes])[variants]
    weight = weight_of[case]
    arrays = EventArrays(
        names=index.names, activity=a["activity"][chosen], case=case,
        clock=a["clock"][chosen], timestamp=a["timestamp"][chosen],
        start_clock=a["start_clock"][chosen] if "start_clock" in a else None,
        start_timestamp=a["start_timestamp"][chosen] if "start_clock" in a else None,
        weight=weight, representatives=np.flatnonzero(weight),
        same_case=a["same_case"] if every else case[1:] == case[:-1])
    handovers = index.handovers(None if every else keep)
    direct = []
    for values in index.pair_waits(handovers):
        if every:
            direct.append(SortedWaits(values.values, values.offsets, values.sums))
            continue
        kept = keep[values.case]
        groups = len(values.offsets) - 1
        group, picked = values.group[kept], values.values[kept]
        direct.append(SortedWaits(picked, np.r_[0, np.cumsum(np.bincount(group,
                                                                          minlength=groups))],
                                  np.bincount(group, picked, groups)))
    return arrays, (direct[0], direct[1]), handovers

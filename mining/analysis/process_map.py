"""Process map (directly-follows graph) of a log view, with frequencies and waiting times.

On DuckDB, a view that holds whole dossiers is mapped from its log's index
(``map_index``: a case mask, sums and order statistics); otherwise the map is computed as Ibis
expressions over the view's tables, on the view's backend. Counts are weighted counts over the
events of one dossier per variant (all dossiers of a variant share their transitions), which
avoids distinct counts over millions of events; waiting and service times are aggregated over
every event. Durations follow the analysis table's convention: unqualified
names are wall-clock (``wait_hours``, ``service_seconds``), ``working`` names count office
time only (docs/analysis.md, "Working time").

Disco-style sliders simplify the map: ``activities`` keeps the most frequent share of
activities (the directly-follows relation is then recomputed over the remaining events, as if
the others had never been logged), ``paths`` the most frequent share of edges, while every
kept activity stays on a path from the start to the end of the map. They prune the view's
full map (``MapBasis``, computed once per view), never query again: see ``projected_map``.
"""

from __future__ import annotations

import heapq
import math
import weakref
from dataclasses import dataclass, field

import ibis.expr.types as ir
import numpy as np
import pandas as pd

from dossierflow.mining.analysis.map_index import indexed_arrays, indexed_tables
from dossierflow.mining.analysis.projected_map import (
    EventArrays,
    SortedWaits,
    bridged_waits,
    direct_waits,
    fetch_events,
    projected_counts,
)
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.transitions import follows, ordered, starts_are_handovers, waiting
from dossierflow.mining.log.variants import case_variants
from dossierflow.mining.vocabulary import MAP_END, MAP_START

NODE_COLUMNS = ["activity", "events", "cases", "start_cases", "end_cases",
                "service_working_minutes_median", "service_working_minutes_mean",
                "service_working_minutes_p90", "service_seconds_median",
                "service_seconds_mean", "service_seconds_p90"]
EDGE_COLUMNS = ["source", "target", "frequency", "cases",
                "wait_working_hours_median", "wait_working_hours_mean",
                "wait_working_hours_p90", "wait_hours_median", "wait_hours_mean",
                "wait_hours_p90"]


@dataclass(frozen=True, eq=False)
class ProcessMap:
    """Nodes (one row per activity) and edges (directly-follows pairs) of a map.

    ``nodes``: activity, events, cases (distinct), start_cases and end_cases (cases starting
    or ending with it), and the service time (start → completion of the event) as median,
    mean and 90th percentile in working minutes and wall-clock seconds (NaN without start
    times). ``edges``: source, target, frequency (transitions), cases (distinct), and the
    waiting time between the two events as median, mean and 90th percentile in working hours
    and wall-clock hours: the source's end → the target's start where the target has a start
    time (as Disco's performance map), else → its end. Edges from the ``start`` pseudo-node
    lead to each case's first activity, edges to ``end`` leave its last one; they carry no
    waiting time. ``cases`` is the number of dossiers drawn.
    """

    nodes: pd.DataFrame
    edges: pd.DataFrame
    cases: int
    start: str = MAP_START
    end: str = MAP_END




def _representatives(view: LogView, whole: bool, activities: list[str] | None) -> ir.Table:
    """The events of one case per variant (only ``activities`` when given), in order, each
    with the ``weight`` of its variant (its number of cases): every count of the map is a
    weighted count over these few events instead of the whole log."""
    per_case = case_variants(view, whole)
    chosen = per_case.group_by("variant").aggregate(weight=per_case.count(),
                                                    case_code=per_case.case_code.min())
    events = view.events.join(chosen.select("case_code", "weight"), "case_code")
    if activities is not None:
        events = events.filter(events.activity.isin(activities))
    return ordered(events)


def _summary(value: ir.NumericColumn, key: str) -> dict[str, ir.Value]:
    return {f"{key}_q": value.quantile([0.5, 0.9]), f"{key}_mean": value.mean()}


def _unpack(table: ir.Table, key: str, name: str, scale: float = 1.0) -> dict[str, ir.Value]:
    """Median, mean and 90th percentile columns ``name_*`` from a ``_summary`` of ``key``."""
    quantiles = table[f"{key}_q"]
    return {f"{name}_median": quantiles[0] / scale, f"{name}_mean": table[f"{key}_mean"] / scale,
            f"{name}_p90": quantiles[1] / scale}


def _node_counts(representatives: ir.Table) -> ir.Table:
    """Events, cases, start and end cases per activity, as weighted counts."""
    rep = representatives
    per_case = rep.group_by("case_code", "activity").aggregate(
        events=rep.count(), starts=rep.is_first.sum(), ends=rep.next_activity.isnull().sum(),
        weight=rep.weight.max())
    return per_case.group_by("activity").aggregate(
        events=(per_case.events * per_case.weight).sum(), cases=per_case.weight.sum(),
        start_cases=(per_case.starts * per_case.weight).sum(),
        end_cases=(per_case.ends * per_case.weight).sum())


def _nodes(view: LogView, representatives: ir.Table,
           activities: list[str] | None) -> pd.DataFrame:
    nodes = _node_counts(representatives)
    if "service_seconds" in view.events.columns:
        events = view.events
        if activities is not None:
            events = events.filter(events.activity.isin(activities))
        service = events.group_by("activity").aggregate(
            **_summary(events.service_working_minutes, "working"),
            **_summary(events.service_seconds, "wall"))
        service = service.select(
            "activity", **_unpack(service, "working", "service_working_minutes"),
            **_unpack(service, "wall", "service_seconds"))
        nodes = nodes.left_join(service, "activity").drop("activity_right")
    return _typed_nodes(nodes.to_pandas())


def _typed_nodes(frame: pd.DataFrame) -> pd.DataFrame:
    """Node rows with the map's columns and types, most frequent first."""
    frame = frame.reindex(columns=NODE_COLUMNS)
    frame[NODE_COLUMNS[1:5]] = frame[NODE_COLUMNS[1:5]].astype("int64")
    frame[NODE_COLUMNS[5:]] = frame[NODE_COLUMNS[5:]].astype("float64")
    return frame.sort_values(["events", "activity"], ascending=[False, True],
                             ignore_index=True)


def _edges(follows: ir.Table, representatives: ir.Table, nodes: pd.DataFrame) -> pd.DataFrame:
    rep = representatives.filter(representatives.next_activity.notnull())
    per_case = rep.group_by("case_code", source=rep.activity, target=rep.next_activity).aggregate(
        transitions=rep.count(), weight=rep.weight.max())
    counts = per_case.group_by("source", "target").aggregate(
        frequency=(per_case.transitions * per_case.weight).sum(), cases=per_case.weight.sum())
    moves = follows.filter(follows.next_activity.notnull())
    moves = moves.mutate(**waiting(moves))
    waits = moves.group_by(source=moves.activity, target=moves.next_activity).aggregate(
        **_summary(moves.wait_working_minutes, "working"),
        **_summary(moves.wait_seconds, "wall"))
    waits = waits.select("source", "target",
                         **_unpack(waits, "working", "wait_working_hours", 60.0),
                         **_unpack(waits, "wall", "wait_hours", 3600.0))
    between = counts.left_join(waits, ["source", "target"]).drop(
        "source_right", "target_right").to_pandas()
    return _with_ends(between, nodes)


def _with_ends(between: pd.DataFrame, nodes: pd.DataFrame) -> pd.DataFrame:
    """The edges between activities and those from start and to end (``nodes``' start and
    end cases), typed and sorted most frequent first."""
    starts = nodes.loc[nodes["start_cases"] > 0]
    ends = nodes.loc[nodes["end_cases"] > 0]
    parts = [pd.DataFrame({"source": MAP_START, "target": starts["activity"],
                           "frequency": starts["start_cases"], "cases": starts["start_cases"]}),
             between,
             pd.DataFrame({"source": ends["activity"], "target": MAP_END,
                           "frequency": ends["end_cases"], "cases": ends["end_cases"]})]
    edges = pd.concat([part for part in parts if len(part)] or [between], ignore_index=True)
    edges = edges.reindex(columns=EDGE_COLUMNS)
    edges[EDGE_COLUMNS[2:4]] = edges[EDGE_COLUMNS[2:4]].astype("int64")
    edges[EDGE_COLUMNS[4:]] = edges[EDGE_COLUMNS[4:]].astype("float64")
    return edges.sort_values(["frequency", "source", "target"], ascending=[False, True, True],
                             ignore_index=True)


def _top(share: float, count: int) -> int:
    """How many of ``count`` items a slider at ``share`` keeps (rounding up)."""
    return math.ceil(round(share * count, 9))


def _widest_paths(edges: list[tuple[str, str, int]], root: str) -> dict[str, tuple[str, str]]:
    """For every node reachable from ``root``, the last edge of the path from ``root`` whose
    least frequent edge is as frequent as possible (a widest-path tree)."""
    out: dict[str, list[tuple[str, int]]] = {}
    for source, target, frequency in edges:
        out.setdefault(source, []).append((target, frequency))
    best = {root: math.inf}
    parent: dict[str, tuple[str, str]] = {}
    heap = [(-math.inf, root)]
    while heap:
        width, node = heapq.heappop(heap)
        if -width < best[node]:
            continue
        for target, frequency in out.get(node, ()):
            through = min(-width, frequency)
            if through > best.get(target, -1):
                best[target] = through
                parent[target] = (node, target)
                heapq.heappush(heap, (-through, target))
    return parent


def _reachable(edges: set[tuple[str, str]], root: str) -> set[str]:
    out: dict[str, list[str]] = {}
    for source, target in edges:
        out.setdefault(source, []).append(target)
    seen, stack = {root}, [root]
    while stack:
        for target in out.get(stack.pop(), ()):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def keep_paths(edges: pd.DataFrame, activities: list[str], share: float) -> pd.DataFrame:
    """The most frequent ``share`` of edges, plus for every activity its most frequent incoming
    and outgoing edge and, where still needed, the widest path from start to it and from it to
    end, so that every activity lies on a path from start to end."""
    if share >= 1 or edges.empty:
        return edges
    ranked = list(zip(edges["source"], edges["target"], edges["frequency"]))  # most frequent first
    kept = {(s, t) for s, t, _ in ranked[:_top(share, len(ranked))]}
    for activity in activities:
        kept.add(next((s, t) for s, t, _ in ranked if t == activity))
        kept.add(next((s, t) for s, t, _ in ranked if s == activity))
    from_start = _widest_paths(ranked, MAP_START)
    for activity in activities:
        reached, node = _reachable(kept, MAP_START), activity
        while node not in reached:
            kept.add(from_start[node])
            node = from_start[node][0]
    to_end = _widest_paths([(t, s, f) for s, t, f in ranked], MAP_END)
    for activity in activities:
        reaching, node = _reachable({(t, s) for s, t in kept}, MAP_END), activity
        while node not in reaching:
            toward = to_end[node][0]
            kept.add((node, toward))
            node = toward
    pairs = pd.MultiIndex.from_frame(edges[["source", "target"]])
    return edges.loc[pairs.isin(list(kept))].reset_index(drop=True)


def _check(activities: float, paths: float) -> None:
    for name, value in (("activities", activities), ("paths", paths)):
        if not 0 <= value <= 1:
            raise DossierflowError(f"the {name} slider is {value!r}, outside 0–1.",
                                   fix=f"give {name} as a share between 0 and 1.")


def _kept(nodes: pd.DataFrame, activities: float) -> list[str] | None:
    """The activities the ``activities`` slider keeps (``nodes`` most frequent first), None
    when it keeps them all."""
    keep = max(1, _top(activities, len(nodes)))
    return list(nodes["activity"][:keep]) if keep < len(nodes) else None


def _computed(view: LogView, whole: bool, kept: list[str] | None,
              indexed: bool = True) -> ProcessMap:
    """The map over the ``kept`` activities (every activity when None), every path: from the
    log's index (``map_index``) when the view holds whole dossiers and may be ``indexed``,
    else by the backend's queries."""
    tables = indexed_tables(view) if indexed and whole and kept is None else None
    if tables is not None:
        nodes = _typed_nodes(tables[0])
        return ProcessMap(nodes=nodes, edges=_with_ends(tables[1], nodes),
                          cases=int(nodes["start_cases"].sum()))
    representatives = _representatives(view, whole, kept)
    nodes = _nodes(view, representatives, kept)
    edges = _edges(follows(view, kept, whole), representatives, nodes)
    return ProcessMap(nodes=nodes, edges=edges, cases=int(nodes["start_cases"].sum()))


@dataclass(eq=False)
class MapBasis:
    """A view's full map (every activity and path, the activities ranked most frequent
    first), from which every slider position is pruned; on DuckDB the view's events are
    taken once as arrays (on the first activity slider below 1: cut from the log's index
    when the view holds whole dossiers, else fetched) and each activity setting's relation
    is computed from them, without a query."""

    view: LogView
    whole: bool
    full: ProcessMap
    arrays: EventArrays | None = field(default=None, repr=False)
    direct: tuple[SortedWaits, SortedWaits] | None = field(default=None, repr=False)
    handovers: bool = False

    def prune(self, activities: float = 1.0, paths: float = 1.0) -> ProcessMap:
        """The map at these slider values, equal to ``process_map`` computed afresh."""
        _check(activities, paths)
        kept = _kept(self.full.nodes, activities)
        drawn = self.full if kept is None else self._projected(kept)
        return ProcessMap(nodes=drawn.nodes,
                          edges=keep_paths(drawn.edges, list(drawn.nodes["activity"]), paths),
                          cases=drawn.cases)

    def _projected(self, kept: list[str]) -> ProcessMap:
        if self.view.events.get_backend().name != "duckdb":
            return _computed(self.view, self.whole, kept)
        if self.arrays is None:
            cut = indexed_arrays(self.view) if self.whole else None
            if cut is not None:
                self.arrays, self.direct, self.handovers = cut
            else:
                self.handovers = starts_are_handovers(self.view)
                self.arrays = fetch_events(self.view, self.whole,
                                           "start_clock" in self.view.events.columns)
                self.direct = direct_waits(self.arrays, self.handovers)
        mask = np.isin(self.arrays.names, kept)
        counts, between = projected_counts(self.arrays, mask)
        service = self.full.nodes.drop(columns=NODE_COLUMNS[1:5])
        nodes = _typed_nodes(counts.merge(service, on="activity", how="left"))
        pair = ["source", "target"]
        waits = self.full.edges.drop(columns=EDGE_COLUMNS[2:4]).set_index(pair)
        waits = waits.reindex(pd.MultiIndex.from_frame(between[pair]))
        bridged = bridged_waits(self.arrays, self.direct, mask,
                                self.handovers).set_index(pair)
        waits.update(bridged)
        between = pd.concat([between.reset_index(drop=True),
                             waits.reset_index(drop=True)], axis=1)
        return ProcessMap(nodes=nodes, edges=_with_ends(between, nodes),
                          cases=int(nodes["start_cases"].sum()))


_BASES: dict[int, tuple[weakref.ref, MapBasis]] = {}
_HELD = 4  # bases kept for the most recently mapped views


def map_basis(view: LogView) -> MapBasis:
    """The ``MapBasis`` of ``view``, computed once per view object (the last few are
    kept)."""
    held = _BASES.get(id(view))
    if held is not None and held[0]() is view:
        return held[1]
    whole = view.holds_whole_cases()
    basis = MapBasis(view=view, whole=whole, full=_computed(view, whole, None))
    _BASES[id(view)] = (weakref.ref(view), basis)
    while len(_BASES) > _HELD:
        del _BASES[next(iter(_BASES))]
    return basis


def recomputed_map(view: LogView, *, activities: float = 1.0,
                   paths: float = 1.0) -> ProcessMap:
    """``process_map`` with every slider setting computed by the backend's queries, nothing
    reused: what the pruning of a ``MapBasis`` is checked against."""
    _check(activities, paths)
    whole = view.holds_whole_cases()
    full = _computed(view, whole, None, indexed=False)
    kept = _kept(full.nodes, activities)
    drawn = full if kept is None else _computed(view, whole, kept, indexed=False)
    return ProcessMap(nodes=drawn.nodes,
                      edges=keep_paths(drawn.edges, list(drawn.nodes["activity"]), paths),
                      cases=drawn.cases)


def process_map(view: LogView, *, activities: float = 1.0, paths: float = 1.0) -> ProcessMap:
    """The process map of ``view``, simplified by the ``activities`` and ``paths`` sliders.

    ``activities`` (0–1) keeps that share of activities, most frequent first (at least one);
    the directly-follows relation is then recomputed over the remaining events. ``paths``
    (0–1) keeps that share of edges, most frequent first, plus the edges needed for every
    kept activity to keep its most frequent incoming and outgoing edge and to lie on a path
    from start to end. An empty view gives empty tables. The full map of a view is computed
    once (``map_basis``); other slider values of the same view object prune it.
    """
    _check(activities, paths)
    return map_basis(view).prune(activities, paths)


# A first view's budget: about 30 boxes fit one screen or A4 page at a readable 11 pt and
# Graphviz lays them out in about a second; two paths per activity keep the main flow, its
# branches and loops while the edges stay countable (Disco's first view of a complex log is
# likewise the most frequent activities and paths).
MAX_ACTIVITIES = 30
MAX_PATHS = 60


@dataclass(frozen=True)
class Sliders:
    """The slider values a map is drawn with and what they keep: ``activities_shown`` of the
    view's ``activities_total`` activities, ``paths_shown`` of the ``paths_total`` paths
    between those (start and end edges included)."""

    activities: float
    paths: float
    activities_shown: int
    activities_total: int
    paths_shown: int
    paths_total: int


def readable_map(view: LogView, *, activities: float | None = None, paths: float | None = None,
                 max_activities: int = MAX_ACTIVITIES,
                 max_paths: int = MAX_PATHS) -> tuple[ProcessMap, Sliders]:
    """The map of ``view`` at a readable size and the sliders applied: a slider left at None
    is set so that the map keeps at most ``max_activities`` activities and ``max_paths`` paths
    (most frequent first; ``process_map`` may add the few paths that keep every activity
    between start and end); a slider given is applied as it is."""
    total = int(view.events.activity.nunique().execute())
    if activities is None:
        activities = min(1.0, max_activities / total) if total else 1.0
    drawn = process_map(view, activities=activities)
    if paths is None:
        paths = min(1.0, max_paths / len(drawn.edges)) if len(drawn.edges) else 1.0
    edges = keep_paths(drawn.edges, list(drawn.nodes["activity"]), paths)
    sliders = Sliders(activities, paths, len(drawn.nodes), total, len(edges), len(drawn.edges))
    return ProcessMap(nodes=drawn.nodes, edges=edges, cases=drawn.cases), sliders

"""Process discovery through pm4py from the aggregated directly-follows graph (DESIGN, Engine 4).

The directly-follows counts, start and end activities are one Ibis group-by over the view's
events; pm4py only ever sees those counts, never the event table. pm4py's banner, progress
bars and warnings are kept out of our output.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import networkx as nx

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.vocabulary import MAP_END, MAP_START

ALGORITHMS = ("imd", "heuristics")


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Swallow what pm4py prints (its licence banner, progress bars) and warns."""
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink), \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@dataclass(frozen=True)
class DirectlyFollows:
    """Aggregated control flow of a log: directly-follows pair counts, start and end
    activities (cases starting / ending with each), activity counts and, for the heuristics
    miner's length-two loops, counts of ``a → b → a`` triples."""

    edges: dict[tuple[str, str], int]
    starts: dict[str, int]
    ends: dict[str, int]
    activities: dict[str, int]
    triples: dict[tuple[str, str, str], int]

    @property
    def cases(self) -> int:
        return sum(self.starts.values())

    def filtered(self, noise: float) -> DirectlyFollows:
        """Without infrequent behaviour, in the manner of the inductive miner IMf: an edge
        (starting and ending included) is left out when its count is below ``noise`` × the
        count of the most frequent edge leaving the same activity, least frequent first, unless
        that would cut an activity off the start or the end."""
        if noise <= 0:
            return self
        graph = nx.DiGraph()
        graph.add_weighted_edges_from([(MAP_START, a, n) for a, n in self.starts.items()]
                                      + [(a, b, n) for (a, b), n in self.edges.items()]
                                      + [(a, MAP_END, n) for a, n in self.ends.items()])
        top = {node: max((n for *_, n in graph.out_edges(node, data="weight")), default=0)
               for node in graph}
        rare = sorted((n, a, b) for a, b, n in graph.edges(data="weight")
                      if n < noise * top[a])
        for n, a, b in rare:
            graph.remove_edge(a, b)
            if not _connected(graph):
                graph.add_edge(a, b, weight=n)
        kept = {(a, b) for a, b in graph.edges}
        return DirectlyFollows(
            {pair: n for pair, n in self.edges.items() if pair in kept},
            {a: n for a, n in self.starts.items() if (MAP_START, a) in kept},
            {a: n for a, n in self.ends.items() if (a, MAP_END) in kept},
            self.activities, self.triples)


def _connected(graph: nx.DiGraph) -> bool:
    """Whether every activity lies on a path from the start to the end."""
    reached, reaching = nx.descendants(graph, MAP_START), nx.ancestors(graph, MAP_END)
    return len(reached) == len(reaching) == len(graph) - 1


@dataclass(frozen=True)
class DiscoveredModel:
    """A model discovered by pm4py: an accepting Petri net, the process tree it comes from
    (inductive miner only, else None), its BPMN translation and the counts it was mined from."""

    algorithm: str
    noise: float
    net: Any
    initial_marking: Any
    final_marking: Any
    tree: Any
    bpmn: Any
    dfg: DirectlyFollows

    def write_pnml(self, path: str | Path) -> Path:
        """The Petri net with its markings as PNML."""
        with quiet():
            import pm4py
            pm4py.write_pnml(self.net, self.initial_marking, self.final_marking, str(path))
        return Path(path)

    def write_bpmn(self, path: str | Path) -> Path:
        """The BPMN 2.0 diagram (laid out by pm4py)."""
        with quiet():
            import pm4py
            pm4py.write_bpmn(self.bpmn, str(path))
        return Path(path)


def _steps(view: LogView, triples: bool) -> ir.Table:
    """Each event with the next activity of its case (``nxt``), the one after (``nxt2``, only
    with ``triples``) and whether it opens its case (``first``)."""
    events = view.events
    if not triples and view.holds_whole_cases():
        return events.select("activity", nxt=events.next_activity,
                             first=events.event_index == 0)
    window = ibis.window(group_by=events.case_id, order_by=events.event_index)
    columns = {"nxt": events.activity.lead().over(window),
               "first": ibis.row_number().over(window) == 0}
    if triples:
        columns["nxt2"] = events.activity.lead(2).over(window)
    return events.select("activity", **columns)


def directly_follows(view: LogView, *, triples: bool = False) -> DirectlyFollows:
    """The view's directly-follows counts, start / end activities and activity counts (and
    ``a → b → a`` triple counts with ``triples``), computed on the view's backend."""
    steps = _steps(view, triples)
    pairs = (steps.group_by("activity", "nxt")
             .aggregate(n=steps.count(), starts=steps.first.cast("int64").sum())
             .order_by("activity", "nxt").to_pandas())
    edges, starts, ends, activities = {}, {}, {}, {}
    for activity, nxt, n, n_starts in pairs.itertuples(index=False):
        n, n_starts = int(n), int(n_starts)
        activities[activity] = activities.get(activity, 0) + n
        if n_starts:
            starts[activity] = starts.get(activity, 0) + n_starts
        if isinstance(nxt, str):
            edges[(activity, nxt)] = n
        else:
            ends[activity] = n
    found: dict[tuple[str, str, str], int] = {}
    if triples:
        loops = steps.filter((steps.nxt2 == steps.activity) & (steps.nxt != steps.activity))
        counted = (loops.group_by("activity", "nxt").aggregate(n=loops.count())
                   .order_by("activity", "nxt").to_pandas())
        found = {(a, b, a): int(n) for a, b, n in counted.itertuples(index=False)}
    return DirectlyFollows(edges, starts, ends, activities, found)


def discover(view: LogView, *, algorithm: str = "imd", noise: float = 0.0) -> DiscoveredModel:
    """Discover a process model of the view from its directly-follows graph.

    ``algorithm``: ``"imd"`` (inductive miner, directly-follows variant: a sound, block-
    structured model) or ``"heuristics"`` (heuristics miner with pm4py's default thresholds;
    its net need not be sound). ``noise`` (0–1) first drops infrequent directly-follows edges
    (see ``DirectlyFollows.filtered``); 0 keeps every observed edge.
    """
    if algorithm not in ALGORITHMS:
        raise DossierflowError(f"unknown discovery algorithm {algorithm!r}.",
                               fix=f"use one of {', '.join(ALGORITHMS)}.")
    if not 0 <= noise < 1:
        raise DossierflowError(f"noise must be in [0, 1), not {noise}.",
                               fix="use 0 to keep every edge, 0.2 to drop rare ones.")
    dfg = directly_follows(view, triples=algorithm == "heuristics")
    if not dfg.starts:
        raise DossierflowError("the log view holds no events to discover a model from.",
                               fix="widen the filters.")
    dfg = dfg.filtered(noise)
    with quiet():
        import pm4py
        if algorithm == "imd":
            from pm4py.objects.dfg.obj import DFG

            tree = pm4py.discover_process_tree_inductive(
                DFG(dfg.edges, dfg.starts, dfg.ends), multi_processing=False)
            net, im, fm = pm4py.convert_to_petri_net(tree)
            bpmn = pm4py.convert_to_bpmn(tree)
        else:
            from pm4py.algo.discovery.heuristics.variants import classic

            heu = classic.apply_heu_dfg(
                dfg.edges, activities=list(dfg.activities),
                activities_occurrences=dfg.activities, start_activities=dfg.starts,
                end_activities=dfg.ends, freq_triples=dfg.triples)
            net, im, fm = pm4py.convert_to_petri_net(heu)
            tree = None
            bpmn = pm4py.convert_to_bpmn(net, im, fm)
    return DiscoveredModel(algorithm, noise, net, im, fm, tree, bpmn, dfg)

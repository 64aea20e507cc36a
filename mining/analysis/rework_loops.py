"""Rework: cycles of the directly-follows graph that dossiers actually go round, and their cost."""

from __future__ import annotations

from itertools import islice

import ibis
import networkx as nx
import pandas as pd

from dossierflow.mining.log.analysis_table import SUPPLEMENT_REQUEST
from dossierflow.mining.log.log_view import LogView

ARROW = " → "
ENUMERATION_CAP = 10_000  # simple cycles looked at, at most, before keeping the strongest


def _entry_first(cycle: list[str], graph: nx.DiGraph) -> tuple[str, ...]:
    """The cycle rotated to start where dossiers enter it most (most arcs from outside)."""
    inside = set(cycle)

    def entries(node: str) -> int:
        return sum(w for u, _, w in graph.in_edges(node, data="n") if u not in inside)

    start = max(range(len(cycle)), key=lambda i: (entries(cycle[i]), -i))
    return tuple(cycle[start:] + cycle[:start])


def rework_loops(view: LogView, *, max_length: int = 4, max_cycles: int = 50) -> pd.DataFrame:
    """Cycles of the directly-follows graph (DFG) with the dossiers that repeat them.

    Simple cycles of at most ``max_length`` activities are enumerated with networkx (at most
    10,000), the ``max_cycles`` strongest kept (strength = the least frequent of the cycle's
    DFG arcs), each rotated to start at the activity dossiers enter it by. A dossier repeats a
    cycle ``a → … → a`` each time its events run through it consecutively; the cost of one
    repeat is the working time from the first ``a`` to its repetition (a supplement loop
    includes the citizen's time). A second supplement request shows up as the loop through
    ``request_supplement``.

    Columns: ``cycle`` (text, first activity repeated at the end), ``length``,
    ``supplement_loop``, ``dfg_strength``, ``n_dossiers``, ``n_repeats``,
    ``cost_working_days`` (summed), ``mean_cost_working_days`` (per repeat); only cycles some
    dossier repeats, costliest first.
    """
    ev = view.events
    window = ibis.window(group_by="case_id", order_by="event_index")
    pairs = ev.select("activity", following=ev.activity.lead(1).over(window))
    pairs = pairs.filter(pairs.following.notnull())
    dfg = pairs.group_by(["activity", "following"]).aggregate(n=pairs.count()).to_pandas()
    graph = nx.DiGraph()
    graph.add_weighted_edges_from(dfg.itertuples(index=False, name=None), weight="n")
    found = []
    for cycle in islice(nx.simple_cycles(graph, length_bound=max_length), ENUMERATION_CAP):
        arcs = zip(cycle, cycle[1:] + cycle[:1])
        found.append((_entry_first(cycle, graph), min(graph[u][v]["n"] for u, v in arcs)))
    found = sorted(found, key=lambda c: (-c[1], c[0]))[:max_cycles]
    strength = {ARROW.join(c + c[:1]): s for c, s in found}

    parts = []
    for length in sorted({len(c) for c, _ in found}):
        texts = [t for t in strength if t.count(ARROW) == length]
        steps = [ev.activity] + [ev.activity.lead(j).over(window) for j in range(1, length + 1)]
        walked = ev.select("case_id", cycle=ibis.literal(ARROW).join(steps),
                           cost=ev.clock.lead(length).over(window) - ev.clock)
        hits = walked.filter(walked.cycle.isin(texts))
        parts.append(hits.group_by("cycle").aggregate(
            n_dossiers=hits.case_id.nunique(), n_repeats=hits.count(),
            cost_minutes=hits.cost.sum()).mutate(length=length))
    columns = ["cycle", "length", "supplement_loop", "dfg_strength", "n_dossiers", "n_repeats",
               "cost_working_days", "mean_cost_working_days"]
    if not parts:
        return pd.DataFrame(columns=columns)
    out = (parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]).to_pandas()
    out["supplement_loop"] = out["cycle"].str.split(ARROW).map(
        lambda acts: SUPPLEMENT_REQUEST in acts)
    out["dfg_strength"] = out["cycle"].map(strength)
    out["cost_working_days"] = out["cost_minutes"] / view.minutes_per_day
    out["mean_cost_working_days"] = out["cost_working_days"] / out["n_repeats"]
    out = out.sort_values(["cost_working_days", "cycle"], ascending=[False, True])
    return out[columns].reset_index(drop=True)

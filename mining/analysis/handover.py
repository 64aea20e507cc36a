"""Who passes dossiers to whom: hand-over networks between agencies (inter-agency, liên thông),
between the centre's counter and the departments (desks), or between officers.

A hand-over is two consecutive events of a dossier, in time order, held by different nodes of
the chosen level; events without a node at that level (no officer, no role) are left out
first, so the dossier is handed from the last known holder to the next. Its wait runs from the
end of the giver's event to the end of the receiver's (the receiver's waiting and work, as a
performance directly-follows graph measures it), in working hours and in calendar hours.
Centrality comes from networkx.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import ibis
import ibis.expr.types as ir
import networkx as nx
import pandas as pd

from dossierflow.mining.errors import ColumnMappingError, DossierflowError
from dossierflow.mining.log.log_view import LogView

Level = Literal["agency", "officer", "desk"]
LEVELS: tuple[Level, ...] = ("agency", "officer", "desk")
# the desk of the centre's one-stop counter, and the role (docs/domain.md §6) that works there
COUNTER, COUNTER_ROLE = "counter", "counter_officer"
EDGE_COLUMNS = ["source", "target", "handovers", "dossiers", "wait_working_hours_median",
                "wait_hours_median"]
NODE_COLUMNS = ["node", "events", "dossiers", "handovers_in", "handovers_out", "partners",
                "degree_centrality", "betweenness_centrality", "rank"]
DIFF_COLUMNS = ["source", "target", "handovers_a", "handovers_b", "handovers_diff", "share_a",
                "share_b", "share_diff", "wait_working_hours_median_a",
                "wait_working_hours_median_b", "wait_working_hours_diff", "wait_hours_median_a",
                "wait_hours_median_b", "wait_hours_diff"]


@dataclass(frozen=True, eq=False)
class HandoverNetwork:
    """A hand-over network at one ``level``.

    ``edges``: one row per (source, target) pair: ``handovers`` (how many), ``dossiers``
    (distinct), the median wait in working hours and in calendar hours; sorted by volume.
    ``nodes``: one row per node: its ``events`` and ``dossiers``, ``handovers_in`` and
    ``handovers_out``, ``partners`` (distinct nodes it gives to or receives from),
    ``degree_centrality`` (partners / (nodes − 1)), ``betweenness_centrality`` (share of
    shortest paths between other nodes that pass through it, an edge's length being
    1 / handovers, so that busy routes are short) and ``rank`` (1 = highest betweenness).
    ``dossiers``: dossiers with at least one hand-over.
    """

    level: Level
    edges: pd.DataFrame
    nodes: pd.DataFrame
    dossiers: int

    def graph(self) -> nx.DiGraph:
        """The network as a networkx directed graph (edge attributes: the edge columns)."""
        graph = nx.DiGraph()
        graph.add_nodes_from(self.nodes["node"])
        for row in self.edges.itertuples(index=False):
            graph.add_edge(row.source, row.target, **row._asdict())
        return graph


def _agency(view: LogView) -> ir.Table:
    """The view's events with ``agency``: the event's, else the dossier's."""
    events, cases = view.events, view.cases
    own = "agency" in events.columns
    if "agency" in cases.columns:
        dossier = cases.select("case_code", dossier_agency=cases.agency.cast("string"))
        joined = events.left_join(dossier, "case_code").drop("case_code_right")
        value = (ibis.coalesce(joined.agency.cast("string"), joined.dossier_agency) if own
                 else joined.dossier_agency)
        return joined.mutate(node_agency=value).drop("dossier_agency")
    if own:
        return events.mutate(node_agency=events.agency.cast("string"))
    raise ColumnMappingError(
        "the log says no agency: neither its events nor its dossiers have an agency column.",
        column="agency", fix="import the log with an agency column (Đơn vị xử lý, Cơ quan "
                             "giải quyết, case:department) or use level='officer'.")


def _keyed(view: LogView, level: Level) -> ir.Table:
    """The view's events with ``node``, their holder at ``level`` (null when unknown)."""
    if level not in LEVELS:
        raise DossierflowError(f"'{level}' is not a level of a hand-over network.",
                               fix=f"use one of: {', '.join(LEVELS)}.")
    if level == "officer":
        if "resource" not in view.events.columns:
            raise ColumnMappingError(
                "the log names no officer: its events have no resource column.",
                column="resource", fix="import the log with an officer column (Người xử lý, "
                                       "Cán bộ xử lý, org:resource) or use level='agency'.")
        events = view.events.mutate(node=view.events.resource.cast("string"))
    elif level == "agency":
        events = _agency(view)
        events = events.mutate(node=events.node_agency)
    else:
        if "role" not in view.events.columns:
            raise ColumnMappingError(
                "the log does not say where an event happened: its events have no role "
                f"column, which tells the centre's counter officers ('{COUNTER_ROLE}') from "
                "the departments' staff.", column="role",
                fix="import the log with a role column (org:role) or use level='agency'.")
        events = _agency(view)
        role = events.role.cast("string")
        events = events.mutate(node=ibis.cases(
            (role.isnull(), ibis.null("string")), (role == COUNTER_ROLE, ibis.literal(COUNTER)),
            else_=events.node_agency))
    return events.filter(events.node.notnull() & (events.node.strip() != ""))


def _handovers(events: ir.Table) -> ir.Table:
    """Consecutive keyed events of a dossier whose nodes differ, with their waits."""
    window = ibis.window(group_by=events.case_code,
                         order_by=[events.timestamp, events.event_index])
    nxt = ibis.struct({"node": events.node, "clock": events.clock,
                       "timestamp": events.timestamp}).lead().over(window)
    pairs = events.select("case_code", "node", "clock", "timestamp", following=nxt)
    pairs = pairs.filter(pairs.following.node.notnull()
                         & (pairs.following.node != pairs.node))
    return pairs.select(
        "case_code", source=pairs.node, target=pairs.following.node,
        working_hours=(pairs.following.clock - pairs.clock) / 60.0,
        hours=pairs.following.timestamp.delta(pairs.timestamp, unit="microsecond") / 3.6e9)


def _centrality(nodes: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """``nodes`` with partners, degree and betweenness centrality and the betweenness rank."""
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes["node"])
    graph.add_weighted_edges_from(
        zip(edges["source"], edges["target"], 1.0 / edges["handovers"]), weight="length")
    partners = {n: len(set(graph.successors(n)) | set(graph.predecessors(n))) for n in graph}
    degree = (nx.degree_centrality(graph.to_undirected()) if len(graph) > 1
              else dict.fromkeys(graph, 0.0))
    between = nx.betweenness_centrality(graph, weight="length")
    out = nodes.assign(partners=nodes["node"].map(partners).astype("int64"),
                       degree_centrality=nodes["node"].map(degree).astype("float64"),
                       betweenness_centrality=nodes["node"].map(between).astype("float64"))
    out = out.sort_values(["betweenness_centrality", "handovers_in", "node"],
                          ascending=[False, False, True], ignore_index=True)
    out["rank"] = range(1, len(out) + 1)
    return out[NODE_COLUMNS]


def handover_network(view: LogView, level: Level = "agency") -> HandoverNetwork:
    """The hand-over network of ``view`` at ``level``: ``"agency"`` (the event's agency, else
    the dossier's), ``"officer"`` (the event's resource) or ``"desk"`` (the centre's counter,
    events of role ``counter_officer``, against each agency's back office, events of other
    roles; events without a role are left out). See ``HandoverNetwork``.

    A log without the column a level needs raises ``ColumnMappingError`` saying which.
    """
    events = _keyed(view, level)
    moves = _handovers(events)
    edges = moves.group_by(["source", "target"]).aggregate(
        handovers=moves.count(), dossiers=moves.case_code.nunique(),
        wait_working_hours_median=moves.working_hours.median(),
        wait_hours_median=moves.hours.median()).to_pandas()
    edges = edges.reindex(columns=EDGE_COLUMNS).astype(
        {"handovers": "int64", "dossiers": "int64", "wait_working_hours_median": "float64",
         "wait_hours_median": "float64"})
    edges = edges.sort_values(["handovers", "source", "target"], ascending=[False, True, True],
                              ignore_index=True)
    nodes = events.group_by("node").aggregate(
        events=events.count(), dossiers=events.case_code.nunique()).to_pandas()
    given = edges.groupby("source")["handovers"].sum()
    taken = edges.groupby("target")["handovers"].sum()
    nodes = nodes.assign(handovers_in=nodes["node"].map(taken).fillna(0).astype("int64"),
                         handovers_out=nodes["node"].map(given).fillna(0).astype("int64"),
                         events=nodes["events"].astype("int64"),
                         dossiers=nodes["dossiers"].astype("int64"))
    counted = moves.aggregate(n=moves.case_code.nunique()).to_pandas()
    return HandoverNetwork(level=level, edges=edges, nodes=_centrality(nodes, edges),
                           dossiers=int(counted["n"].fillna(0).iloc[0]))


def compare_handover(a: HandoverNetwork, b: HandoverNetwork) -> pd.DataFrame:
    """Edge by edge, network ``b`` against network ``a`` (two periods or two agencies' views
    at one level): hand-overs in each and ``handovers_diff`` (B − A), each edge's share of its
    network's hand-overs and ``share_diff``, and the median waits in each with their
    differences (NaN where an edge is in one network only). Sorted by the largest change in
    volume."""
    if a.level != b.level:
        raise DossierflowError(f"the networks are at different levels ({a.level}, {b.level}).",
                               fix="build both with the same level.")
    pairs = ["source", "target"]
    table = a.edges.merge(b.edges, on=pairs, how="outer", suffixes=("_a", "_b"))
    for side, network in (("a", a), ("b", b)):
        count = table[f"handovers_{side}"].fillna(0).astype("int64")
        total = int(network.edges["handovers"].sum())
        table[f"handovers_{side}"] = count
        table[f"share_{side}"] = count / total if total else float("nan")
    table["handovers_diff"] = table["handovers_b"] - table["handovers_a"]
    table["share_diff"] = table["share_b"] - table["share_a"]
    for stem, diff in (("wait_working_hours_median", "wait_working_hours_diff"),
                       ("wait_hours_median", "wait_hours_diff")):
        table[diff] = table[f"{stem}_b"] - table[f"{stem}_a"]
    order = table["handovers_diff"].abs().rename("change")
    table = table.assign(change=order).sort_values(
        ["change", "source", "target"], ascending=[False, True, True], ignore_index=True)
    return table[DIFF_COLUMNS]

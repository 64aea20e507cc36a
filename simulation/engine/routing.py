"""The route and the service times of every dossier, drawn before the run.

Routing is a Markov chain whose probabilities depend only on the step and the kind of
dossier, never on the state of the centre, so the routes can be drawn before the run,
vectorised, all dossiers one hop at a time; each step draws from its own random stream.
Processes with whole routes (learnt from a log) give their dossiers a whole route at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dossierflow.simulation.engine.arrivals import Arrivals
from dossierflow.simulation.engine.codes import N_CLASSES, ROUTE_DRAW, ROUTE_NONE
from dossierflow.simulation.engine.compile import CompiledModel
from dossierflow.simulation.engine.errors import SimulationError

_MAX_HOPS = 100_000


@dataclass
class Paths:
    """The route entries of all dossiers, case by case."""

    node: np.ndarray       # flat: the steps of case 0, then END (-1), the steps of case 1, …
    duration: np.ndarray   # minutes (working, or wall-clock for citizen waits)
    first: np.ndarray      # index of each case's first entry
    case: np.ndarray       # case of each entry


def draw_paths(comp: CompiledModel, arr: Arrivals, process_of: np.ndarray) -> Paths:
    """The route of every dossier and the duration of each of its steps; ``process_of``:
    the process of each dossier."""
    n = len(arr.clock)
    cls = arr.channel * 4 + arr.digitised.astype(np.int64) * 2 + arr.paid.astype(np.int64)
    hop_cases: list[np.ndarray] = []
    hop_nodes: list[np.ndarray] = []
    hop_ranks: list[np.ndarray] = []
    routed = _draw_whole_routes(comp, cls, process_of, hop_cases, hop_nodes, hop_ranks)
    n_routed = sum(len(h) for h in hop_cases)
    _walk_transitions(comp, cls, np.flatnonzero(~routed), process_of, hop_cases, hop_nodes)
    case = np.concatenate(hop_cases) if hop_cases else np.zeros(0, np.int64)
    node = np.concatenate(hop_nodes) if hop_nodes else np.zeros(0, np.int64)
    order = np.argsort(case, kind="stable")
    case, node = case[order], node[order]
    rank = None
    if hop_ranks:  # only models with routes have ranks
        rank = np.concatenate([*hop_ranks, np.full(len(case) - n_routed, np.nan)])[order]
    first = np.searchsorted(case, np.arange(n), side="left")
    duration = _draw_durations(comp, node, rank)
    _scale_durations(comp, arr, process_of, node, case, duration)
    return Paths(node=node, duration=duration, first=first, case=case)


def _walk_transitions(comp: CompiledModel, cls: np.ndarray, cases: np.ndarray,
                      process_of: np.ndarray, hop_cases: list[np.ndarray],
                      hop_nodes: list[np.ndarray]) -> None:
    """Walk the transitions of ``cases`` from their process's START node to END, all of
    them one hop at a time (appending their hops)."""
    n = len(cls)
    cur_case = cases
    cur_node = np.asarray(comp.start_node, dtype=np.int64)[process_of[cur_case]]
    visits = {node: np.zeros(n, dtype=np.int64) for node in range(comp.n_nodes)
              if comp.max_visits[node]}
    for _hop in range(_MAX_HOPS):
        if not len(cur_case):
            return
        keys = cur_node * N_CLASSES + cls[cur_case]
        nxt = comp.route_target[keys]
        drawing = np.flatnonzero(nxt == ROUTE_DRAW)
        if len(drawing):
            nxt[drawing] = _draw_targets(comp, keys[drawing], cur_node[drawing])
            if visits:
                for node, count in visits.items():
                    hit = drawing[nxt[drawing] == node]
                    over = hit[count[cur_case[hit]] >= comp.max_visits[node]]
                    for j in over.tolist():
                        nxt[j] = _redraw(comp, int(keys[j]), int(cur_case[j]), visits)
                for node, count in visits.items():
                    count[cur_case[nxt == node]] += 1
        if np.any(nxt == ROUTE_NONE):
            raise SimulationError("a dossier reached a step without a route for its kind.",
                                  fix="check the model's transitions (Model.validate).")
        hop_cases.append(cur_case)
        hop_nodes.append(nxt)
        going = nxt >= 0
        cur_case, cur_node = cur_case[going], nxt[going]
    raise SimulationError("some dossiers loop for over 100,000 steps.",
                              fix="lower the probabilities of the loops in the routing.")


def _draw_targets(comp: CompiledModel, keys: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """The drawn next nodes at routing ``keys`` (of ``nodes``), each node from its stream."""
    order = np.argsort(nodes, kind="stable")
    sorted_nodes = nodes[order]
    bounds = np.flatnonzero(np.r_[True, sorted_nodes[1:] != sorted_nodes[:-1], True])
    u = np.empty(len(keys))
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        u[order[a:b]] = comp.transition_rng[int(sorted_nodes[a])].random(b - a)
    choice = (u[:, None] >= comp.draw_cumulative[keys]).sum(axis=1)
    return comp.draw_targets[keys, choice]


def _draw_durations(comp: CompiledModel, node: np.ndarray, rank: np.ndarray | None
                    ) -> np.ndarray:
    """The duration of every route entry, each step from its own stream; an unlogged step
    with an empirical duration on a whole route takes the rank of the dossier seen on it."""
    duration = np.zeros(len(node))
    order = np.argsort(node, kind="stable")
    sorted_nodes = node[order]
    bounds = np.flatnonzero(np.r_[True, sorted_nodes[1:] != sorted_nodes[:-1], True]) \
        if len(node) else np.zeros(1, np.int64)
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        s = int(sorted_nodes[a])
        if s < 0:
            continue
        at = order[a:b]
        d = comp.durations[s]
        duration[at] = d.sample(comp.duration_rng[s], b - a)
        if rank is None or d.kind != "empirical" or comp.logged[s]:
            continue
        ranked = at[np.isfinite(rank[at])]
        if len(ranked):
            # a dossier on a route takes the rank a dossier seen on it had at this step
            q = np.asarray(d.quantiles, dtype=float)
            duration[ranked] = np.interp(rank[ranked], np.linspace(0.0, 1.0, len(q)), q)
    return duration


def _draw_whole_routes(comp: CompiledModel, cls: np.ndarray, process_of: np.ndarray,
                       hop_cases: list[np.ndarray], hop_nodes: list[np.ndarray],
                       hop_ranks: list[np.ndarray]) -> np.ndarray:
    """Draw a whole route for the dossiers of processes with routes, and the ranks of one
    dossier seen on it (appending their hops); whether each dossier got a route (the others
    walk the transitions)."""
    routed = np.zeros(len(cls), dtype=bool)
    for pi, (rng, rank_rng) in comp.whole_route_rng.items():
        members = np.flatnonzero(process_of == pi)
        u = rng.random(len(members))
        pick = rank_rng.random(len(members))
        for c in np.unique(cls[members]).tolist():
            table = comp.whole_routes.get((pi, c))
            if table is None:
                continue
            cum, paths, ranks = table
            mine = cls[members] == c
            cases, choice = members[mine], np.searchsorted(cum, u[mine], side="right")
            for r in np.unique(choice[choice < len(paths)]).tolist():
                hit = choice == r
                picked = cases[hit]
                hop_cases.append(np.repeat(picked, len(paths[r])))
                hop_nodes.append(np.tile(paths[r], len(picked)))
                if len(ranks[r]):
                    seen = (pick[mine][hit] * len(ranks[r])).astype(np.int64)
                    hop_ranks.append(ranks[r][seen].ravel())
                else:
                    hop_ranks.append(np.full(len(picked) * len(paths[r]), np.nan))
                routed[picked] = True
    return routed


def _scale_durations(comp: CompiledModel, arr: Arrivals, process_of: np.ndarray,
                     node: np.ndarray, case: np.ndarray, duration: np.ndarray) -> None:
    """Multiply the drawn durations by the procedures' ``duration_scales`` (in place)."""
    model = comp.model
    scaled = [pi for pi, p in enumerate(model.procedures) if p.duration_scales]
    if not scaled or not len(node):
        return
    width = max(len(p.steps) for p in model.processes)
    table = np.ones((len(model.procedures), width))
    for pi in scaled:
        proc = model.procedures[pi]
        steps = model.processes[comp.process_index[proc.process]].steps
        for j, step in enumerate(steps):
            table[pi, j] = proc.duration_scales.get(step.id, 1.0)
    on_step = (node >= 0) & (node < comp.n_steps)
    entry = np.flatnonzero(on_step)
    c = case[entry]
    local = node[entry] - np.asarray(comp.process_first_node, np.int64)[process_of[c]]
    duration[entry] *= table[arr.procedure[c], local]


def _redraw(comp: CompiledModel, key: int, case: int, visits: dict[int, np.ndarray]) -> int:
    """A target for a dossier whose first choice has reached its max_visits."""
    targets, probabilities = comp.draw_choices[key]
    allowed = [(t, p) for t, p in zip(targets, probabilities, strict=True)
               if t < 0 or t not in visits or visits[t][case] < comp.max_visits[t]]
    if not allowed:
        return targets[0]
    node = key // N_CLASSES
    u = comp.transition_rng[node].random() * sum(p for _, p in allowed)
    for t, p in allowed:
        if u < p:
            return t
        u -= p
    return allowed[-1][0]

"""Compiling a model into the flat per-node tables the route drawer and the event loop run on."""

from __future__ import annotations

from typing import Any

import numpy as np

from dossierflow.simulation.engine.clock import Clock, minute_of_day
from dossierflow.simulation.engine.codes import (
    BATCH,
    CHANNEL_CODE,
    F_CLOSE,
    F_DELIVER,
    F_PAUSE,
    F_RECEIPT,
    F_RESULT,
    F_SUPPLEMENT,
    N_CLASSES,
    OUTCOME_CODE,
    POOL,
    ROUTE_DRAW,
    ROUTE_END,
    ROUTE_NONE,
    WAIT,
    WORK,
)
from dossierflow.simulation.engine.streams import element_rng, one_at_a_time
from dossierflow.simulation.model import (
    CLOSING_ACTIVITIES,
    END,
    START,
    Model,
    Process,
    Step,
    case_classes,
    parse_day,
)


class CompiledModel:
    """The model as flat tables.

    Nodes are the steps of every process, then one routing-only START node per process; the
    ``node_*`` lists and the routing tables are indexed by node (routing by
    ``node * N_CLASSES + kind of dossier``). The "servers" of the event loop are *places*:
    max capacity x concurrency per pool, officer by officer (place ``j * concurrency + r`` is
    file ``r`` of officer ``j``), so that the first capacity x concurrency places are those of
    the first ``capacity`` officers.
    """

    def __init__(self, model: Model, clock: Clock, seed: int) -> None:
        self.model = model
        officer_pool = self._compile_pools(model, clock)
        self._compile_agencies_and_roles(model, officer_pool)
        self.activities: list[str] = []
        self.activity_code: dict[str, int] = {}
        step_node = self._compile_steps(model, seed)
        self.submit_activity = self.activity_index("submit_online")
        self.apology_activity = self.activity_index("apology_reschedule")
        self._compile_transitions(model, seed, step_node)
        self._compile_whole_routes(model, seed, step_node)
        self.releases = _release_clocks(model, clock)

    def activity_index(self, name: str) -> int:
        """The code of activity ``name`` (a new code for a new name)."""
        if name not in self.activity_code:
            self.activity_code[name] = len(self.activities)
            self.activities.append(name)
        return self.activity_code[name]

    def _compile_pools(self, model: Model, clock: Clock) -> list[int]:
        """The places and officers of every pool and the staffing changes; the pool of each
        officer."""
        pools = model.pools
        self.pool_index = {p.id: i for i, p in enumerate(pools)}
        pairs = [(p.agency, p.role) for p in pools]
        names: list[str] = []
        officer_pool: list[int] = []
        self.place_pool: list[int] = []
        self.pool_places: list[list[int]] = []
        self.pool_place_order: list[list[int]] = []  # places in the order they are handed out
        self.concurrency = [max(1, p.concurrency) for p in pools]
        place_officer: list[int] = []
        for i, p in enumerate(pools):
            size = p.max_capacity
            if p.names:
                own = list(p.names)
            elif pairs.count((p.agency, p.role)) == 1:
                own = [f"{p.agency}-{p.role}-{k + 1:02d}" for k in range(size)]
            else:
                own = [f"{p.id}-{k + 1:02d}" for k in range(size)]
            first = len(names)
            k = self.concurrency[i]
            base = len(place_officer)
            self.pool_places.append(list(range(base, base + size * k)))
            # the first file of every officer before anybody's second one
            self.pool_place_order.append([base + j * k + r for r in range(k) for j in range(size)])
            place_officer.extend(first + j for j in range(size) for _ in range(k))
            names.extend(own)
            officer_pool.extend([i] * size)
            self.place_pool.extend([i] * (size * k))
        self.officer_names = names
        # the extra last entry answers index -1 (no resource)
        self.place_officer = np.array(place_officer + [-1], dtype=np.int64)
        self.initial_places = [p.capacity * self.concurrency[i] for i, p in enumerate(pools)]
        # staffing changes: (clock, pool, places from then on), in time order
        changes = []
        epoch_day = clock.epoch_day()
        for i, p in enumerate(pools):
            for day, servers in (p.capacity_changes or {}).items():
                index = int((parse_day(day) - epoch_day).astype(np.int64))
                at = float(clock.cum[min(max(index, 0), clock.n_days)])
                changes.append((at, index, i, servers * self.concurrency[i]))
        # in date order (changes before the calendar all fall on its first minute)
        self.staffing_changes = [(at, i, places) for at, _, i, places in sorted(changes)]
        return officer_pool

    def _compile_agencies_and_roles(self, model: Model, officer_pool: list[int]) -> None:
        """Codes of the agencies and roles, and the role and agency of every officer."""
        pools = model.pools
        self.agencies: list[str] = []
        self.agency_code: dict[str, int] = {}
        for agency in [p.agency for p in pools] + [p.agency for p in model.procedures]:
            if agency not in self.agency_code:
                self.agency_code[agency] = len(self.agencies)
                self.agencies.append(agency)
        self.roles = sorted({p.role for p in pools})
        # the extra last entry answers index -1 (no resource)
        self.officer_role = np.array([self.roles.index(pools[p].role) for p in officer_pool]
                                     + [-1], dtype=np.int64)
        self.officer_agency = np.array([self.agency_code[pools[p].agency]
                                        for p in officer_pool] + [-1], dtype=np.int64)

    def _compile_steps(self, model: Model, seed: int) -> dict[tuple[str, str], int]:
        """The per-node tables: the steps of every process, then one START node per process;
        the node of each (process id, step id)."""
        self.node_activity_codes: list[int] = []
        self.node_kind: list[int] = []
        self.node_pool: list[int] = []
        self.node_batch: list[int] = []
        self.paper_only: list[bool] = []
        self.out_of_hours: list[int] = []  # channels served when closed, bits over CHANNELS
        self.node_flags: list[int] = []
        self.closing_outcome: list[int] = []
        self.max_visits: list[int] = []
        self.low_priority: list[bool] = []  # served when no dossier of priority 0 waits
        self.continues: list[bool] = []  # done by the officer of the step before, at once
        self.durations: list[Any] = []
        self.duration_rng: list[np.random.Generator | None] = []
        self.next_batch_duration: list[Any] = []
        self.start_node: list[int] = []
        self.receipt_at_arrival: list[bool] = []
        self.process_index = {p.id: i for i, p in enumerate(model.processes)}
        self.process_first_node: list[int] = []
        batch_index = {b.id: i for i, b in enumerate(model.batches)}
        step_node: dict[tuple[str, str], int] = {}
        for process in model.processes:
            marks = [process.marked(w) for w in ("receipt", "result", "delivery")]
            self.process_first_node.append(len(self.node_kind))
            for step in process.steps:
                step_node[(process.id, step.id)] = len(self.node_kind)
                self._add_step(model, process, step, seed, marks, batch_index)
            self.receipt_at_arrival.append(not marks[0])
        self.n_steps = len(self.node_kind)
        for _ in model.processes:
            self.start_node.append(len(self.node_kind))
            self._add_node(activity=-1, kind=WORK)
        self.node_activity = np.array(self.node_activity_codes, dtype=np.int64)
        self.logged = np.array([s.logged for p in model.processes for s in p.steps]
                               + [True] * len(model.processes), dtype=bool)
        self.n_nodes = len(self.node_kind)
        return step_node

    def _add_step(self, model: Model, process: Process, step: Step, seed: int,
                  marks: list[set[str]], batch_index: dict[str, int]) -> None:
        """Append the node of one step of ``process``; ``marks``: the steps that act as
        receipt, result and delivery."""
        pool = -1 if step.pool is None else self.pool_index[step.pool]
        batch = -1 if step.batch is None else batch_index[step.batch]
        if batch >= 0:
            kind = BATCH
        elif pool >= 0:
            kind = POOL
        else:
            kind = WAIT if step.duration.basis == "calendar" else WORK
        next_batch_duration = None
        if batch >= 0:
            rng = element_rng(seed, "batch", process.id, step.id)
            next_batch_duration = one_at_a_time(
                lambda n, d=step.duration, r=rng: d.sample(r, n), 256).__next__
        closing = CLOSING_ACTIVITIES.get(step.activity_id) if step.logged else None
        self._add_node(
            activity=self.activity_index(step.activity_id), kind=kind, pool=pool, batch=batch,
            paper_only=batch >= 0 and model.batches[batch].paper_only,
            out_of_hours=0 if pool < 0 else sum(1 << CHANNEL_CODE[c]
                                                for c in model.pools[pool].out_of_hours),
            flags=_step_flags(step, marks), closing=OUTCOME_CODE[closing] if closing else 0,
            max_visits=step.max_visits or 0, low_priority=step.priority > 0,
            continues=step.continues, duration=step.duration,
            duration_rng=element_rng(seed, "duration", process.id, step.id),
            next_batch_duration=next_batch_duration)

    def _add_node(self, *, activity: int, kind: int, pool: int = -1, batch: int = -1,
                  paper_only: bool = False, out_of_hours: int = 0, flags: int = 0,
                  closing: int = 0, max_visits: int = 0, low_priority: bool = False,
                  continues: bool = False, duration: Any = None,
                  duration_rng: np.random.Generator | None = None,
                  next_batch_duration: Any = None) -> None:
        """Append one node to every per-node table."""
        self.node_activity_codes.append(activity)
        self.node_kind.append(kind)
        self.node_pool.append(pool)
        self.node_batch.append(batch)
        self.paper_only.append(paper_only)
        self.out_of_hours.append(out_of_hours)
        self.node_flags.append(flags)
        self.closing_outcome.append(closing)
        self.max_visits.append(max_visits)
        self.low_priority.append(low_priority)
        self.continues.append(continues)
        self.durations.append(duration)
        self.duration_rng.append(duration_rng)
        self.next_batch_duration.append(next_batch_duration)

    def _compile_transitions(self, model: Model, seed: int,
                             step_node: dict[tuple[str, str], int]) -> None:
        """Per (node, kind of dossier) a deterministic target, or a row of the draw tables."""
        n_keys = self.n_nodes * N_CLASSES
        self.route_target = np.full(n_keys, ROUTE_NONE, dtype=np.int64)
        self.transition_rng: list[np.random.Generator | None] = [None] * self.n_nodes
        rows: dict[int, tuple[list[int], list[float]]] = {}
        for pi, process in enumerate(model.processes):
            by_source: dict[str, list] = {}
            for t in process.transitions:
                by_source.setdefault(t.source, []).append(t)
            for source, transitions in by_source.items():
                node = self.start_node[pi] if source == START else step_node[(process.id, source)]
                self.transition_rng[node] = element_rng(seed, "route", process.id, source)
                for cls, channel, dig, paid in case_classes():
                    chosen = [(t.target, t.probability) for t in transitions
                              if t.applies(channel, dig, paid) and t.probability > 0]
                    if not chosen:
                        continue
                    targets = [ROUTE_END if target == END else step_node[(process.id, target)]
                               for target, _ in chosen]
                    key = node * N_CLASSES + cls
                    if len(targets) == 1 and not (targets[0] >= 0 and self.max_visits[targets[0]]):
                        self.route_target[key] = targets[0]
                        continue
                    total = sum(p for _, p in chosen)
                    self.route_target[key] = ROUTE_DRAW
                    rows[key] = (targets, [p / total for _, p in chosen])
        self.draw_choices = rows
        width = max((len(t) for t, _ in rows.values()), default=1)
        self.draw_cumulative = np.full((n_keys, width), 2.0)
        self.draw_targets = np.full((n_keys, width), ROUTE_END, dtype=np.int64)
        for key, (targets, probabilities) in rows.items():
            cum = np.cumsum(probabilities)
            cum[-1] = 2.0
            self.draw_cumulative[key, : len(cum)] = cum
            self.draw_targets[key, : len(targets)] = targets

    def _compile_whole_routes(self, model: Model, seed: int,
                              step_node: dict[tuple[str, str], int]) -> None:
        """Whole routes: per (process, kind of dossier) their cumulative probabilities, node
        paths and the ranks of the dossiers seen on them, per path position (NaN: none)."""
        self.whole_routes: dict[tuple[int, int], tuple[np.ndarray, list[np.ndarray],
                                                       list[np.ndarray]]] = {}
        self.whole_route_rng: dict[int, tuple[np.random.Generator, np.random.Generator]] = {}
        for pi, process in enumerate(model.processes):
            if not process.routes:
                continue
            self.whole_route_rng[pi] = (element_rng(seed, "routes", process.id),
                                        element_rng(seed, "ranks", process.id))
            for cls, channel, dig, paid in case_classes():
                chosen = [r for r in process.routes if r.applies(channel, dig, paid)]
                if not chosen:
                    continue
                links = process.silent_links(channel, dig, paid)
                paths, ranks = [], []
                for r in chosen:
                    chains = [process.chain(e, links) for e in r.steps]
                    paths.append(np.array([step_node[(process.id, step)] for chain in chains
                                           for step in chain] + [ROUTE_END], dtype=np.int64))
                    ranks.append(np.array([[u for u, chain in zip(row, chains, strict=False)
                                            for _ in chain]
                                           + [np.nan] for row in r.ranks], dtype=float)
                                 .reshape(len(r.ranks), len(paths[-1])))
                self.whole_routes[(pi, cls)] = (np.cumsum([r.probability for r in chosen]),
                                                paths, ranks)


def _step_flags(step: Step, marks: list[set[str]]) -> int:
    """The ``F_*`` flags of one step; ``marks``: the steps that act as receipt, result and
    delivery."""
    receipt, result, delivery = marks
    flags = 0
    flags |= F_RECEIPT if step.id in receipt else 0
    flags |= F_RESULT if step.id in result else 0
    flags |= F_DELIVER if step.id in delivery else 0
    flags |= F_PAUSE if step.pauses else 0
    # a silent step (an in-tray wait) neither requests nor closes anything
    flags |= F_SUPPLEMENT if step.activity_id == "request_supplement" and step.logged else 0
    flags |= F_CLOSE if step.logged and CLOSING_ACTIVITIES.get(step.activity_id) else 0
    return flags


def _release_clocks(model: Model, clock: Clock) -> list[list[float]]:
    """Release times of every batch schedule, as sorted clock values on working days."""
    releases: list[list[float]] = []
    working_days = np.flatnonzero(clock.daylen > 0)
    for batch in model.batches:
        values = [clock.cum[working_days] + clock.minutes_before(working_days, minute_of_day(text))
                  for text in batch.release_times]
        releases.append(sorted(set(np.concatenate(values).tolist())))
    return releases

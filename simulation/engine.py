"""The discrete-event engine: ``simulate(model, start=…, end=…, seed=…)``.

The simulation runs on the **working-minute clock** of :class:`dossierflow.mining.log.working_time.WorkCalendar`
(office minutes since the calendar's epoch). On that clock resource pools simply work all the
time: nights, weekends and holidays have zero length and cost nothing. Only three things are
tied to wall-clock time and are mapped onto the clock as they happen:

* online submissions, generated at any hour of any day and logged at their real moment
  (``submit_online``);
* citizen waits (durations with ``basis="calendar"``, e.g. the supplement): the wait is added
  in wall-clock time and the dossier re-enters the clock at the next office minute;
* first steps served by ``out_of_hours`` pools while the office is closed (weekend counters,
  round-the-clock online intake), done at once in wall-clock time.

Routing is a Markov chain that does not depend on the state of the centre, so every dossier's
route and service times are drawn before the run, vectorised with numpy, from per-step random
streams keyed by process and step ids (scenario runs share random numbers). Arrivals are
generated vectorised too and merged in clock order. The event loop is then a ``heapq`` of plain
tuples ``(time, case, server)`` over flat lists and typed arrays; batch release times are
precomputed clock values found with ``bisect``. All clock values are converted to timestamps
at the end, with the calendar's vectorised ``from_clock``.

Time-dependent parts of a model are applied as the run goes: a procedure's versions take the
dossiers whose intake day (the day the legal clock starts: the next working day for a dossier
submitted while the office is closed) falls in their validity window; dated trends of demand,
channel shares, digitisation and online payment are read per day; staffing changes are events
of the loop (a leaving server finishes the dossiers in hand); a pool with ``concurrency`` k
has k places per server. Procedures' ``duration_scales`` multiply their drawn durations.

Exempt from office hours in the log (they may fall on nights, weekends and holidays):
``submit_online`` events, the end of citizen waits, and steps served by ``out_of_hours`` pools
while the office is closed. Every other event starts and ends inside office sessions.
"""

from __future__ import annotations

import bisect
import heapq
import math
import time as timer
import zlib
from array import array
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.working_time import DEFAULT_OVERRIDES, TZ, OfficeHours, WorkCalendar
from dossierflow.simulation.model import (CHANNELS, CLOSING_ACTIVITIES, DEFAULT_ONLINE_HOURS, END,
                              HANDLING_MODELS, ONLINE_CHANNELS, START, Model, case_classes,
                              interpolate_points, parse_day)

_NS_MIN = 60_000_000_000
_NS_DAY = 86_400_000_000_000
_N_CLASSES = 16
_CH = {c: i for i, c in enumerate(CHANNELS)}
_ONLINE = np.array([c in ONLINE_CHANNELS for c in CHANNELS])

# step kinds
_POOL, _WORK, _WAIT, _BATCH = 0, 1, 2, 3
# step flags
_F_RECEIPT, _F_RESULT, _F_DELIVER, _F_PAUSE, _F_SUPP, _F_CLOSE = 1, 2, 4, 8, 16, 32
# routing: deterministic target >= 0, END = -1, random draw = -2, not reachable = -3
_R_END, _R_DRAW, _R_NONE = -1, -2, -3

OUTCOMES = ("open", "result_ready", "returned", "rejected", "withdrawn", "stopped")
_OUT = {name: i for i, name in enumerate(OUTCOMES)}


class SimulationError(DossierflowError):
    """The simulation cannot run as asked (horizon, overload, calendar range)."""


@dataclass
class SimulationResult:
    """What :func:`simulate` returns.

    ``events``: one row per event in dossierflow's canonical columns (case_id, activity,
    timestamp, start_timestamp, resource, role, agency), sorted by case and time.
    ``cases``: one row per dossier (case_id, procedure_id, agency, channel, model,
    received_at, due_at, finished_at, returned_at, legal_days, outcome, digitised, paid_online,
    fee, n_supplement_requests, plus submitted_at, paused_minutes, apology_at, new_due_at).
    ``pools``: per resource pool its busy working minutes and utilisation over the horizon
    (busy place-minutes over the place-minutes staffed; ``capacity`` and ``places`` as at the
    end of the horizon), the mean number of dossiers waiting for it and their mean wait in
    working minutes.
    ``stats``: counts and timings of the run.
    """

    events: pd.DataFrame
    cases: pd.DataFrame
    pools: pd.DataFrame
    stats: dict[str, float]
    model: Model
    seed: int
    start: pd.Timestamp
    end: pd.Timestamp


# -- calendar helpers --------------------------------------------------------------------------

@lru_cache(maxsize=8)
def _calendar_cached(sessions: tuple, weekdays: tuple, extra: tuple, overrides: bool,
                     first_year: int, last_year: int) -> WorkCalendar:
    return WorkCalendar(OfficeHours(sessions=sessions, weekdays=weekdays),
                        first_year=first_year, last_year=last_year,
                        overrides=DEFAULT_OVERRIDES if overrides else None,
                        extra_holidays=extra)


def model_calendar(model: Model, first_year: int, last_year: int) -> WorkCalendar:
    """The working calendar of ``model`` over whole years ``first_year``–``last_year``."""
    c = model.calendar
    return _calendar_cached(tuple(tuple(s) for s in c.sessions), tuple(c.weekdays),
                            tuple(c.extra_holidays), bool(c.use_overrides), first_year, last_year)


def tet_breaks(model: Model, first_year: int, last_year: int) -> list[tuple[pd.Timestamp,
                                                                          pd.Timestamp]]:
    """(first, last) local days of each Tết break of the model's calendar in the years
    ``first_year``–``last_year``: the Tết holiday and the days off around it, as the arrival
    surge and lull see them."""
    clock = _Clock(model_calendar(model, first_year, last_year))
    epoch = pd.Timestamp(clock.epoch_ns)
    return [(epoch + pd.Timedelta(days=lo), epoch + pd.Timedelta(days=hi))
            for lo, hi in clock.tet_blocks()]


class _Clock:
    """The calendar table as arrays, with fast scalar conversions for the event loop.

    Local wall time is handled as naive local nanoseconds (Asia/Ho_Chi_Minh wall clock).
    """

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        table = calendar.calendar_table()
        self.n_days = len(table)
        self.epoch_ns = calendar.epoch.tz_localize(None).value
        self.mpd = calendar.minutes_per_day
        k = sum(1 for c in table.columns if c.endswith("_start") and c.startswith("session_"))
        starts = np.column_stack([table[f"session_{i + 1}_start"].to_numpy(float)
                                  for i in range(k)])
        ends = np.column_stack([table[f"session_{i + 1}_end"].to_numpy(float)
                                for i in range(k)])
        present = ~np.isnan(starts)
        self.starts = np.where(present, starts, 0.0)
        self.ends = np.where(present, ends, 0.0)
        self.lengths = self.ends - self.starts
        self.daylen = self.lengths.sum(axis=1)
        self.working = table["is_working_day"].to_numpy(bool)
        self.holiday = table["holiday_name"].fillna("").astype(str).to_numpy()
        self.cum = np.concatenate([table["working_minutes_before"].to_numpy(float),
                                   [float(table["working_minutes_before"].iloc[-1]
                                          + self.daylen[-1])]])
        self.cum_next = self.cum[1:]
        self.total = float(self.cum[-1])
        self.weekday = (np.datetime64(calendar.epoch.tz_localize(None).date(), "D")
                        .astype(np.int64) + np.arange(self.n_days) + 3) % 7
        self._cum = self.cum.tolist()
        self._cum_next = self.cum_next.tolist()
        self._sessions = [tuple((float(a), float(b)) for a, b, p in zip(sa, se, pr) if p)
                          for sa, se, pr in zip(starts.tolist(), ends.tolist(), present.tolist())]

    def session_boundaries(self) -> tuple[np.ndarray, np.ndarray]:
        """Clock values where an office session ends, and the local ns at which the next
        session starts (the same clock value seen from the other side of the break)."""
        ends, next_start = [], []
        days = np.flatnonzero(self.daylen > 0)
        # the opening of the first working day is also a "session end" for from_clock
        pending: list[float] = [float(self.cum[days[0]])] if len(days) else []
        for day in days.tolist():
            for k in range(self.starts.shape[1]):
                if self.lengths[day, k] <= 0:
                    continue
                start_ns = self.epoch_ns + day * _NS_DAY + int(round(self.starts[day, k] * _NS_MIN))
                for value in pending:
                    ends.append(value)
                    next_start.append(start_ns)
                pending = [float(self.cum[day] + self.lengths[day, : k + 1].sum())]
        return np.array(ends), np.array(next_start, dtype=np.int64)

    # scalar conversions (event loop)
    def to_clock1(self, local_ns: int) -> float:
        rel = local_ns - self.epoch_ns
        day = rel // _NS_DAY
        if not 0 <= day < self.n_days:
            raise SimulationError(
                "a wall-clock moment of the simulation falls outside the working calendar.",
                fix="shorten the horizon or the citizen waits of the model.")
        minute = (rel - day * _NS_DAY) / _NS_MIN
        clock = self._cum[day]
        for a, b in self._sessions[day]:
            if minute <= a:
                break
            clock += (minute if minute < b else b) - a
        return clock

    def from_clock1(self, clock: float) -> int:
        day = bisect.bisect_left(self._cum_next, clock)
        if day >= self.n_days:
            raise SimulationError("the simulation ran past the end of the working calendar.",
                                  fix="shorten the horizon.")
        rest = clock - self._cum[day]
        minute = 0.0
        for a, b in self._sessions[day]:
            if rest <= b - a:
                minute = a + rest
                break
            rest -= b - a
        return self.epoch_ns + day * _NS_DAY + int(round(minute * _NS_MIN))

    # vectorised
    def day_index(self, local_ns: np.ndarray) -> np.ndarray:
        return (local_ns - self.epoch_ns) // _NS_DAY

    def to_clock(self, local_ns: np.ndarray) -> np.ndarray:
        day = self.day_index(local_ns)
        if len(day) and (day.min() < 0 or day.max() >= self.n_days):
            raise SimulationError("an arrival falls outside the working calendar.",
                                  fix="choose start/end within the calendar years.")
        minute = (local_ns - self.epoch_ns - day * _NS_DAY) / _NS_MIN
        clock = self.cum[day].copy()
        for k in range(self.starts.shape[1]):
            clock += np.clip(minute - self.starts[day, k], 0.0, self.lengths[day, k])
        return clock

    def is_open(self, local_ns: np.ndarray) -> np.ndarray:
        day = self.day_index(local_ns)
        minute = (local_ns - self.epoch_ns - day * _NS_DAY) / _NS_MIN
        inside = np.zeros(len(day), dtype=bool)
        for k in range(self.starts.shape[1]):
            inside |= (minute >= self.starts[day, k]) & (minute < self.ends[day, k]) & (
                self.lengths[day, k] > 0)
        return inside

    def day_end(self, clock: np.ndarray) -> np.ndarray:
        """End (clock) of the working day that contains each clock value."""
        i = np.searchsorted(self.cum_next, clock, side="right")
        return self.cum_next[np.minimum(i, self.n_days - 1)]

    def tet_blocks(self) -> list[tuple[int, int]]:
        """(first, last) day indices of each Tết holiday block (Tết Nguyên Đán and the days off
        around it)."""
        marked = np.flatnonzero(np.char.find(np.char.lower(self.holiday.astype(str)),
                                             "nguyên đán") >= 0)
        blocks: list[tuple[int, int]] = []
        for day in marked:
            if blocks and blocks[-1][0] <= day <= blocks[-1][1]:
                continue
            lo = hi = int(day)
            while lo > 0 and not self.working[lo - 1]:
                lo -= 1
            while hi + 1 < self.n_days and not self.working[hi + 1]:
                hi += 1
            blocks.append((lo, hi))
        return blocks


def _local_ns(value: Any) -> int:
    stamp = pd.Timestamp(value)
    if stamp.tz is not None:
        stamp = stamp.tz_convert(TZ).tz_localize(None)
    return stamp.as_unit("ns").value


def _to_utc_ns(local_ns: np.ndarray) -> np.ndarray:
    """UTC ns of local (Asia/Ho_Chi_Minh) wall-clock ns; a constant shift where the zone has
    one offset over the range (since 1975), else pandas' tz_localize."""
    local_ns = np.asarray(local_ns, dtype=np.int64)
    if not len(local_ns):
        return local_ns.copy()
    lo, hi = pd.Timestamp(int(local_ns.min())), pd.Timestamp(int(local_ns.max()))
    offsets = {lo.tz_localize(TZ).utcoffset(), hi.tz_localize(TZ).utcoffset()}
    if len(offsets) == 1 and lo.year >= 1976:
        return local_ns - int(offsets.pop().total_seconds() * 1e9)
    index = pd.DatetimeIndex(local_ns.view("datetime64[ns]"))
    return index.tz_localize(TZ).as_unit("ns").asi8


def _seed(seed: int, *key: str) -> np.random.Generator:
    """A random stream for one model element, stable when other elements change."""
    words = [zlib.crc32("/".join(key).encode("utf-8"))]
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=words)))


def _stream(draw: Callable[[int], np.ndarray], block: int = 8192):
    while True:
        yield from draw(block).tolist()


# -- compiling the model into flat tables ------------------------------------------------------

class _Compiled:
    """The model as flat per-node tables. Nodes are the steps of every process, then one
    routing-only START node per process."""

    def __init__(self, model: Model, clock: _Clock, seed: int) -> None:
        self.model = model
        pools = model.pools
        self.pool_index = {p.id: i for i, p in enumerate(pools)}
        pairs = [(p.agency, p.role) for p in pools]
        names: list[str] = []
        officer_pool: list[int] = []
        # "servers" of the event loop are places: max capacity x concurrency per pool, officer
        # by officer (place j*concurrency + r is file r of officer j), so that the first
        # capacity x concurrency places are those of the first ``capacity`` officers
        self.server_pool: list[int] = []
        self.pool_servers: list[list[int]] = []
        self.pool_order: list[list[int]] = []  # places in the order they are handed out
        self.concurrency = [max(1, p.concurrency) for p in pools]
        slot_officer: list[int] = []
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
            base = len(slot_officer)
            self.pool_servers.append(list(range(base, base + size * k)))
            # the first file of every officer before anybody's second one
            self.pool_order.append([base + j * k + r for r in range(k) for j in range(size)])
            slot_officer.extend(first + j for j in range(size) for _ in range(k))
            names.extend(own)
            officer_pool.extend([i] * size)
            self.server_pool.extend([i] * (size * k))
        self.server_names = names
        self.slot_officer = np.array(slot_officer + [-1], dtype=np.int64)
        # staffing changes: (clock, pool, places from then on), in time order
        self.initial_places = [p.capacity * self.concurrency[i] for i, p in enumerate(pools)]
        changes = []
        epoch_day = np.datetime64(pd.Timestamp(clock.epoch_ns).date(), "D")
        for i, p in enumerate(pools):
            for day, servers in (p.capacity_changes or {}).items():
                index = int((parse_day(day) - epoch_day).astype(np.int64))
                at = float(clock.cum[min(max(index, 0), clock.n_days)])
                changes.append((at, index, i, servers * self.concurrency[i]))
        # in date order (changes before the calendar all fall on its first minute)
        self.capacity_changes = [(at, i, places) for at, _, i, places in sorted(changes)]
        self.agencies: list[str] = []
        self.agency_code: dict[str, int] = {}
        for agency in [p.agency for p in pools] + [p.agency for p in model.procedures]:
            if agency not in self.agency_code:
                self.agency_code[agency] = len(self.agencies)
                self.agencies.append(agency)
        self.roles = sorted({p.role for p in pools})
        # the extra last entry answers index -1 (no resource)
        self.server_role = np.array([self.roles.index(pools[p].role) for p in officer_pool]
                                    + [-1], dtype=np.int64)
        self.server_agency = np.array([self.agency_code[pools[p].agency]
                                       for p in officer_pool] + [-1], dtype=np.int64)
        self.activities: list[str] = []
        self.activity_code: dict[str, int] = {}

        node_activity, kind, npool, nbatch, paper, flags, close, cap, ooh = ([] for _ in range(9))
        self.durations: list[Any] = []
        self.later: list[bool] = []   # served when no dossier of priority 0 waits
        self.continues: list[bool] = []  # done by the officer of the step before, at once
        self.duration_rng: list[np.random.Generator | None] = []
        self.batch_next: list[Any] = []
        self.start_node: list[int] = []
        self.receipt_at_arrival: list[bool] = []
        self.process_index = {p.id: i for i, p in enumerate(model.processes)}
        self.process_first_node: list[int] = []
        batch_index = {b.id: i for i, b in enumerate(model.batches)}
        step_node: dict[tuple[str, str], int] = {}
        for process in model.processes:
            receipt, result, delivery = (process.marked(w) for w in
                                         ("receipt", "result", "delivery"))
            self.process_first_node.append(len(kind))
            for step in process.steps:
                step_node[(process.id, step.id)] = len(kind)
                node_activity.append(self.act(step.activity_id))
                pool = -1 if step.pool is None else self.pool_index[step.pool]
                batch = -1 if step.batch is None else batch_index[step.batch]
                if batch >= 0:
                    kind.append(_BATCH)
                elif pool >= 0:
                    kind.append(_POOL)
                else:
                    kind.append(_WAIT if step.duration.basis == "calendar" else _WORK)
                npool.append(pool)
                nbatch.append(batch)
                paper.append(batch >= 0 and model.batches[batch].paper_only)
                # channels served when the office is closed, as a bit mask over CHANNELS
                ooh.append(0 if pool < 0 else sum(1 << _CH[c] for c in pools[pool].out_of_hours))
                f = 0
                f |= _F_RECEIPT if step.id in receipt else 0
                f |= _F_RESULT if step.id in result else 0
                f |= _F_DELIVER if step.id in delivery else 0
                f |= _F_PAUSE if step.pauses else 0
                # a silent step (an in-tray wait) neither requests nor closes anything
                f |= _F_SUPP if step.activity_id == "request_supplement" and step.logged else 0
                closing = CLOSING_ACTIVITIES.get(step.activity_id) if step.logged else None
                f |= _F_CLOSE if closing else 0
                flags.append(f)
                close.append(_OUT[closing] if closing else 0)
                cap.append(step.max_visits or 0)
                self.later.append(step.priority > 0)
                self.continues.append(step.continues)
                self.durations.append(step.duration)
                self.duration_rng.append(_seed(seed, "duration", process.id, step.id))
                rng = _seed(seed, "batch", process.id, step.id)
                self.batch_next.append(
                    _stream(lambda n, d=step.duration, r=rng: d.sample(r, n), 256).__next__
                    if batch >= 0 else None)
            self.receipt_at_arrival.append(not receipt)
        self.n_steps = len(kind)
        for _ in model.processes:
            self.start_node.append(len(kind))
            for table, value in ((node_activity, -1), (kind, _WORK), (npool, -1), (nbatch, -1),
                                 (paper, False), (ooh, 0), (flags, 0), (close, 0), (cap, 0),
                                 (self.later, False), (self.continues, False)):
                table.append(value)
            self.durations.append(None)
            self.duration_rng.append(None)
            self.batch_next.append(None)
        self.submit_activity = self.act("submit_online")
        self.apology_activity = self.act("apology_reschedule")
        self.node_activity = np.array(node_activity, dtype=np.int64)
        self.logged = np.array([s.logged for p in model.processes for s in p.steps]
                               + [True] * len(model.processes), dtype=bool)
        self.kind, self.npool, self.nbatch = kind, npool, nbatch
        self.paper_only, self.flags, self.close, self.cap, self.ooh = paper, flags, close, cap, ooh
        self.n_nodes = len(kind)

        # routing: per (node, class) a deterministic target, or a row of the draw tables
        n_keys = self.n_nodes * _N_CLASSES
        self.route_det = np.full(n_keys, _R_NONE, dtype=np.int64)
        self.route_rng: list[np.random.Generator | None] = [None] * self.n_nodes
        rows: dict[int, tuple[list[int], list[float]]] = {}
        for pi, process in enumerate(model.processes):
            by_source: dict[str, list] = {}
            for t in process.transitions:
                by_source.setdefault(t.source, []).append(t)
            for source, transitions in by_source.items():
                node = self.start_node[pi] if source == START else step_node[(process.id, source)]
                self.route_rng[node] = _seed(seed, "route", process.id, source)
                for cls, channel, dig, paid in case_classes():
                    chosen = [(t.target, t.probability) for t in transitions
                              if t.applies(channel, dig, paid) and t.probability > 0]
                    if not chosen:
                        continue
                    targets = [_R_END if target == END else step_node[(process.id, target)]
                               for target, _ in chosen]
                    key = node * _N_CLASSES + cls
                    if len(targets) == 1 and not (targets[0] >= 0 and cap[targets[0]]):
                        self.route_det[key] = targets[0]
                        continue
                    total = sum(p for _, p in chosen)
                    probabilities = [p / total for _, p in chosen]
                    self.route_det[key] = _R_DRAW
                    rows[key] = (targets, probabilities)
        # whole routes: per (process, class) their cumulative probabilities, node paths and
        # the ranks of the dossiers seen on them, per path position (NaN: none)
        self.route_tables: dict[tuple[int, int], tuple[np.ndarray, list[np.ndarray],
                                                       list[np.ndarray]]] = {}
        self.routes_rng: dict[int, tuple[np.random.Generator, np.random.Generator]] = {}
        for pi, process in enumerate(model.processes):
            if not process.routes:
                continue
            self.routes_rng[pi] = (_seed(seed, "routes", process.id),
                                   _seed(seed, "ranks", process.id))
            for cls, channel, dig, paid in case_classes():
                chosen = [r for r in process.routes if r.applies(channel, dig, paid)]
                if not chosen:
                    continue
                links = process.silent_links(channel, dig, paid)
                paths, ranks = [], []
                for r in chosen:
                    chains = [process.chain(e, links) for e in r.steps]
                    paths.append(np.array([step_node[(process.id, step)] for chain in chains
                                           for step in chain] + [_R_END], dtype=np.int64))
                    ranks.append(np.array([[u for u, chain in zip(row, chains) for _ in chain]
                                           + [np.nan] for row in r.ranks], dtype=float)
                                 .reshape(len(r.ranks), len(paths[-1])))
                self.route_tables[(pi, cls)] = (np.cumsum([r.probability for r in chosen]),
                                                paths, ranks)
        width = max((len(t) for t, _ in rows.values()), default=1)
        self.cum_table = np.full((n_keys, width), 2.0)
        self.target_table = np.full((n_keys, width), _R_END, dtype=np.int64)
        self.draw_rows = rows
        for key, (targets, probabilities) in rows.items():
            cum = np.cumsum(probabilities)
            cum[-1] = 2.0
            self.cum_table[key, : len(cum)] = cum
            self.target_table[key, : len(targets)] = targets

        # release times of batch schedules, as clock values on working days
        self.releases: list[list[float]] = []
        working_days = np.flatnonzero(clock.daylen > 0)
        for batch in model.batches:
            values = []
            for text in batch.release_times:
                minute = _hm(text)
                before = np.clip(minute - clock.starts[working_days], 0.0,
                                 clock.lengths[working_days]).sum(axis=1)
                values.append(clock.cum[working_days] + before)
            self.releases.append(sorted(set(np.concatenate(values).tolist())))

    def act(self, name: str) -> int:
        if name not in self.activity_code:
            self.activity_code[name] = len(self.activities)
            self.activities.append(name)
        return self.activity_code[name]


# -- the route and the service times of every dossier, drawn before the run --------------------

@dataclass
class _Paths:
    node: np.ndarray       # flat: the steps of case 0, then END (-1), the steps of case 1, …
    duration: np.ndarray   # minutes (working, or wall-clock for citizen waits)
    first: np.ndarray      # index of each case's first entry
    case: np.ndarray       # case of each entry


def _draw_paths(comp: _Compiled, arr: _Arrivals, n_process: np.ndarray) -> _Paths:
    """Walk the routing of every dossier, all dossiers one hop at a time (vectorised).

    Routing is a Markov chain whose probabilities depend only on the step and the kind of
    dossier, never on the state of the centre, so the routes can be drawn before the run;
    each step draws from its own random stream.
    """
    n = len(arr.clock)
    cls = arr.channel * 4 + arr.digitised.astype(np.int64) * 2 + arr.paid.astype(np.int64)
    hop_cases: list[np.ndarray] = []
    hop_nodes: list[np.ndarray] = []
    hop_ranks: list[np.ndarray] = []
    routed = _draw_routes(comp, cls, n_process, hop_cases, hop_nodes, hop_ranks)
    n_routed = sum(len(h) for h in hop_cases)
    cur_case = np.flatnonzero(~routed)
    cur_node = np.asarray(comp.start_node, dtype=np.int64)[n_process[cur_case]]
    visits = {node: np.zeros(n, dtype=np.int64) for node in range(comp.n_nodes)
              if comp.cap[node]}
    for _hop in range(100_000):
        if not len(cur_case):
            break
        keys = cur_node * _N_CLASSES + cls[cur_case]
        nxt = comp.route_det[keys]
        drawing = np.flatnonzero(nxt == _R_DRAW)
        if len(drawing):
            nodes = cur_node[drawing]
            order = np.argsort(nodes, kind="stable")
            sorted_nodes = nodes[order]
            bounds = np.flatnonzero(np.r_[True, sorted_nodes[1:] != sorted_nodes[:-1], True])
            u = np.empty(len(drawing))
            for a, b in zip(bounds[:-1], bounds[1:]):
                u[order[a:b]] = comp.route_rng[int(sorted_nodes[a])].random(b - a)
            kk = keys[drawing]
            choice = (u[:, None] >= comp.cum_table[kk]).sum(axis=1)
            nxt[drawing] = comp.target_table[kk, choice]
            if visits:
                for node, count in visits.items():
                    hit = drawing[nxt[drawing] == node]
                    over = hit[count[cur_case[hit]] >= comp.cap[node]]
                    for j in over.tolist():
                        nxt[j] = _redraw(comp, int(keys[j]), int(cur_case[j]), visits)
                for node, count in visits.items():
                    count[cur_case[nxt == node]] += 1
        if np.any(nxt == _R_NONE):
            raise SimulationError("a dossier reached a step without a route for its kind.",
                                  fix="check the model's transitions (Model.validate).")
        hop_cases.append(cur_case)
        hop_nodes.append(nxt)
        going = nxt >= 0
        cur_case, cur_node = cur_case[going], nxt[going]
    else:
        raise SimulationError("some dossiers loop for over 100,000 steps.",
                              fix="lower the probabilities of the loops in the routing.")
    case = np.concatenate(hop_cases) if hop_cases else np.zeros(0, np.int64)
    node = np.concatenate(hop_nodes) if hop_nodes else np.zeros(0, np.int64)
    order = np.argsort(case, kind="stable")
    case, node = case[order], node[order]
    rank = None
    if hop_ranks:  # only models with routes have ranks
        rank = np.concatenate([*hop_ranks, np.full(len(case) - n_routed, np.nan)])[order]
    first = np.searchsorted(case, np.arange(n), side="left")
    duration = np.zeros(len(node))
    order = np.argsort(node, kind="stable")
    sorted_nodes = node[order]
    bounds = np.flatnonzero(np.r_[True, sorted_nodes[1:] != sorted_nodes[:-1], True]) \
        if len(node) else np.zeros(1, np.int64)
    for a, b in zip(bounds[:-1], bounds[1:]):
        s = int(sorted_nodes[a])
        if s >= 0:
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
    _scale_durations(comp, arr, n_process, node, case, duration)
    return _Paths(node=node, duration=duration, first=first, case=case)


def _draw_routes(comp: _Compiled, cls: np.ndarray, n_process: np.ndarray,
                 hop_cases: list[np.ndarray], hop_nodes: list[np.ndarray],
                 hop_ranks: list[np.ndarray]) -> np.ndarray:
    """Draw a whole route for the dossiers of processes with routes, and the ranks of one
    dossier seen on it (appending their hops); whether each dossier got a route (the others
    walk the transitions)."""
    routed = np.zeros(len(cls), dtype=bool)
    for pi, (rng, rank_rng) in comp.routes_rng.items():
        members = np.flatnonzero(n_process == pi)
        u = rng.random(len(members))
        pick = rank_rng.random(len(members))
        for c in np.unique(cls[members]).tolist():
            table = comp.route_tables.get((pi, c))
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


def _scale_durations(comp: _Compiled, arr: _Arrivals, n_process: np.ndarray, node: np.ndarray,
                     case: np.ndarray, duration: np.ndarray) -> None:
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
    local = node[entry] - np.asarray(comp.process_first_node, np.int64)[n_process[c]]
    duration[entry] *= table[arr.procedure[c], local]


def _redraw(comp: _Compiled, key: int, case: int, visits: dict[int, np.ndarray]) -> int:
    """A target for a dossier whose first choice has reached its max_visits."""
    targets, probabilities = comp.draw_rows[key]
    allowed = [(t, p) for t, p in zip(targets, probabilities)
               if t < 0 or t not in visits or visits[t][case] < comp.cap[t]]
    if not allowed:
        return targets[0]
    node = key // _N_CLASSES
    u = comp.route_rng[node].random() * sum(p for _, p in allowed)
    for t, p in allowed:
        if u < p:
            return t
        u -= p
    return allowed[-1][0]


# -- arrivals ----------------------------------------------------------------------------------

@dataclass
class _Arrivals:
    clock: np.ndarray
    wall: np.ndarray         # local naive ns of the submission
    procedure: np.ndarray
    channel: np.ndarray
    closed: np.ndarray       # the office is closed at that moment
    digitised: np.ndarray
    paid: np.ndarray


def _generate_arrivals(model: Model, clock: _Clock, start_ns: int, end_ns: int,
                       seed: int) -> _Arrivals:
    first_day = int((start_ns - clock.epoch_ns) // _NS_DAY)
    last_day = int((end_ns - 1 - clock.epoch_ns) // _NS_DAY)
    days = np.arange(first_day, last_day + 1)
    weekday = clock.weekday[days]
    month = (np.datetime64(pd.Timestamp(clock.epoch_ns).date(), "D") + days).astype(
        "datetime64[M]").astype(np.int64) % 12
    working = clock.daylen[days] > 0
    weekend = ~clock.working[days] & (clock.holiday[days] == "")
    blocks = clock.tet_blocks()
    office_days = set(model.calendar.weekdays)
    regular = [(_hm(a), _hm(b)) for a, b in model.calendar.sessions]
    epoch_day = np.datetime64(pd.Timestamp(clock.epoch_ns).date(), "D")
    dates = epoch_day + days
    windows = _windows(model, clock)
    parts: list[dict[str, np.ndarray]] = []
    for pi, proc in enumerate(model.procedures):
        rng = _seed(seed, "arrivals", proc.id)
        a = proc.arrivals
        factor = a.per_working_day * np.asarray(a.month_weights, float)[month]
        if a.trend:
            factor = factor * interpolate_points(a.trend, dates)
        lo_day, hi_day = windows[pi] if windows else (-_OPEN, _OPEN)
        if lo_day > -_OPEN or hi_day < _OPEN:
            # generate a margin before the window (online dossiers submitted over a long
            # break are received on its first working day); the intake day decides below
            factor = np.where((days >= lo_day - _WINDOW_MARGIN) & (days <= hi_day), factor, 0.0)
        for lo, hi in blocks:
            surge = (days >= lo - a.tet_surge_days) & (days < lo)
            lull = (days >= lo) & (days <= hi + a.tet_lull_days_after)
            factor = np.where(surge, factor * a.tet_surge, factor)
            factor = np.where(lull, factor * a.tet_lull, factor)
        weights = np.asarray(a.weekday_weights, float)
        wk = weights[weekday]
        # a swapped working day (ngày làm bù) on a day off of the week counts as an average
        # working weekday
        usual = weights[sorted(office_days)].mean()
        wk = np.where(working & ~np.isin(weekday, sorted(office_days)), usual, wk)
        share = _channel_shares(proc, dates)
        # counter and postal dossiers: office hours of working days, uniform on the clock
        for channel in ("in_person", "public_postal"):
            if not (share[channel] > 0).any():
                continue
            lam = np.where(working, factor * wk * share[channel] * clock.daylen[days] / clock.mpd,
                           0.0)
            counts = rng.poisson(lam)
            day_of = np.repeat(days, counts)
            c = clock.cum[day_of] + rng.random(len(day_of)) * clock.daylen[day_of]
            parts.append({"clock": c, "wall": np.full(len(c), -1, np.int64),
                          "procedure": np.full(len(c), pi),
                          "channel": np.full(len(c), _CH[channel]),
                          "closed": np.zeros(len(c), bool)})
        # weekend counters: days off that are not holidays, with a positive weekday weight
        if (share["in_person"] > 0).any() and any(a.weekday_weights[d] > 0 for d in range(7)
                                                   if d not in office_days):
            lam = np.where(weekend, factor * wk * share["in_person"], 0.0)
            counts = rng.poisson(lam)
            day_of = np.repeat(days, counts)
            total = sum(b - s for s, b in regular)
            u = rng.random(len(day_of)) * total
            minute = np.empty(len(u))
            offset = 0.0
            for s, b in regular:
                inside = (u >= offset) & (u < offset + b - s)
                minute[inside] = s + u[inside] - offset
                offset += b - s
            wall = clock.epoch_ns + day_of * _NS_DAY + np.rint(minute * _NS_MIN).astype(np.int64)
            parts.append({"clock": clock.to_clock(wall), "wall": wall,
                          "procedure": np.full(len(wall), pi),
                          "channel": np.full(len(wall), _CH["in_person"]),
                          "closed": ~clock.is_open(wall)})
        # online dossiers: any day, any hour
        online_share = share["online_full"] + share["online_partial"]
        if (online_share > 0).any():
            g = np.where(working, wk, a.online_off_day_factor)
            counts = rng.poisson(factor * g * online_share)
            day_of = np.repeat(days, counts)
            hours = np.asarray(a.online_hour_weights or DEFAULT_ONLINE_HOURS, float)
            hour = rng.choice(24, size=len(day_of), p=hours / hours.sum())
            minute = hour * 60 + rng.random(len(day_of)) * 60
            wall = clock.epoch_ns + day_of * _NS_DAY + np.rint(minute * _NS_MIN).astype(np.int64)
            full_ratio = np.divide(share["online_full"], online_share,
                                   out=np.zeros_like(online_share), where=online_share > 0)
            full = rng.random(len(day_of)) < full_ratio[day_of - first_day]
            parts.append({"clock": clock.to_clock(wall), "wall": wall,
                          "procedure": np.full(len(wall), pi),
                          "channel": np.where(full, _CH["online_full"], _CH["online_partial"]),
                          "closed": ~clock.is_open(wall)})
    if parts:
        merged = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    else:
        merged = {"clock": np.zeros(0), "wall": np.zeros(0, np.int64),
                  "procedure": np.zeros(0, np.int64), "channel": np.zeros(0, np.int64),
                  "closed": np.zeros(0, bool)}
    missing = merged["wall"] < 0
    if missing.any():
        merged["wall"][missing] = _from_clock_local(clock, merged["clock"][missing])
    keep = (merged["wall"] >= start_ns) & (merged["wall"] < end_ns)
    # the intake day: the working day whose office time holds the arrival's clock value
    # (the next working day for an arrival while the office is closed)
    intake = np.searchsorted(clock.cum_next, merged["clock"], side="right")
    if windows:
        bounds = np.array(windows, dtype=np.int64).reshape(-1, 2)
        proc_of = merged["procedure"].astype(np.int64)
        keep &= (intake >= bounds[proc_of, 0]) & (intake <= bounds[proc_of, 1])
    merged = {k: v[keep] for k, v in merged.items()}
    intake = intake[keep]
    order = np.lexsort((merged["wall"], merged["clock"]))
    merged = {k: v[order] for k, v in merged.items()}
    intake = intake[order]
    # per-dossier attributes, each from its procedure's own stream
    n = len(merged["clock"])
    digitised = np.zeros(n, bool)
    paid = np.zeros(n, bool)
    for pi, proc in enumerate(model.procedures):
        idx = np.flatnonzero(merged["procedure"] == pi)
        rng = _seed(seed, "attributes", proc.id)
        p_dig, p_paid = proc.p_digitised, proc.p_paid_online
        if proc.p_digitised_over_time or proc.p_paid_online_over_time:
            on = epoch_day + np.minimum(intake[idx], clock.n_days - 1)
            if proc.p_digitised_over_time:
                p_dig = interpolate_points(proc.p_digitised_over_time, on)
            if proc.p_paid_online_over_time:
                p_paid = interpolate_points(proc.p_paid_online_over_time, on)
        if proc.digitised_by_channel:
            p_dig = np.broadcast_to(np.asarray(p_dig, dtype=float), idx.shape).copy()
            for channel, value in proc.digitised_by_channel.items():
                p_dig[merged["channel"][idx] == _CH[channel]] = value
        digitised[idx] = rng.random(len(idx)) < p_dig
        paid[idx] = (rng.random(len(idx)) < p_paid) & (proc.fee > 0)
    return _Arrivals(clock=merged["clock"], wall=merged["wall"],
                     procedure=merged["procedure"].astype(np.int64),
                     channel=merged["channel"].astype(np.int64), closed=merged["closed"],
                     digitised=digitised, paid=paid)


_OPEN = 1 << 40           # an open end of a validity window, in days
_WINDOW_MARGIN = 21       # days generated before a window opens (longer than any break)


def _windows(model: Model, clock: _Clock) -> list[tuple[int, int]]:
    """Validity windows of the procedures as calendar day indices (inclusive); an empty list
    when no procedure has one."""
    if all(p.active_from is None and p.active_until is None for p in model.procedures):
        return []
    epoch_day = np.datetime64(pd.Timestamp(clock.epoch_ns).date(), "D")
    out = []
    for p in model.procedures:
        lo = -_OPEN if p.active_from is None else int(
            (parse_day(p.active_from) - epoch_day).astype(np.int64))
        hi = _OPEN if p.active_until is None else int(
            (parse_day(p.active_until) - epoch_day).astype(np.int64))
        out.append((lo, hi))
    return out


def _channel_shares(proc: Any, dates: np.ndarray) -> dict[str, np.ndarray]:
    """Channel shares of ``proc`` on each of ``dates`` (constant, or interpolated from
    ``channels_over_time`` and renormalised to sum to 1)."""
    if not proc.channels_over_time:
        return {c: np.full(len(dates), float(proc.channels.get(c, 0.0))) for c in CHANNELS}
    points = proc.channels_over_time
    out = {c: np.maximum(interpolate_points({d: v.get(c, 0.0) for d, v in points.items()},
                                            dates), 0.0) for c in CHANNELS}
    total = sum(out.values())
    total = np.where(total > 0, total, 1.0)
    return {c: v / total for c, v in out.items()}


def _hm(text: str) -> float:
    h, m, *s = (int(x) for x in text.split(":"))
    return h * 60 + m + (s[0] / 60 if s else 0.0)


def _from_clock_local(clock: _Clock, values: np.ndarray) -> np.ndarray:
    """Local naive ns of clock values, through the calendar's vectorised ``from_clock``."""
    return clock.calendar.from_clock(values).tz_localize(None).as_unit("ns").asi8


# -- the engine --------------------------------------------------------------------------------

def simulate(model: Model, *, start: Any, end: Any, seed: int,
             progress: Callable[[float], None] | None = None, drain: bool = True,
             max_cases: int | None = None) -> SimulationResult:
    """Simulate the dossiers of ``model`` arriving from ``start`` (inclusive) to ``end``
    (exclusive), local time unless the timestamps carry a zone.

    ``drain``: keep simulating after ``end`` until every dossier is finished (default); with
    False, stop at ``end`` and report unfinished dossiers with outcome ``open``.
    ``max_cases``: keep only the first ``max_cases`` arrivals (runs of a fixed size).
    The model's ``warmup_days`` before ``start`` are simulated too and left out of the
    results (the pools' figures are of the horizon alone).
    ``progress``: called now and then with the fraction done (0–1).
    The same model, horizon and seed give an identical log; another seed another one.
    """
    began = timer.perf_counter()
    model.validate()
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise SimulationError(f"seed {seed!r} is not a whole number >= 0.",
                              fix="pass seed=0, 1, 2, … (the same seed gives the same log).")
    if max_cases is not None and max_cases < 0:
        raise SimulationError(f"max_cases {max_cases} is negative.",
                              fix="pass a number of dossiers >= 0, or None for all.")
    try:
        start_ts, end_ts = pd.Timestamp(start), pd.Timestamp(end)
    except (TypeError, ValueError) as exc:
        raise SimulationError(f"the horizon {start!r} – {end!r} is not a pair of timestamps "
                              f"({exc}).", fix="pass ISO dates such as start='2024-01-01', "
                                               "end='2025-01-01'.") from None
    if start_ts is pd.NaT or end_ts is pd.NaT:
        raise SimulationError("the horizon has a missing timestamp.",
                              fix="pass both start and end.")
    start_ns, end_ns = _local_ns(start_ts), _local_ns(end_ts)
    if end_ns <= start_ns:
        raise SimulationError(f"the horizon ends ({end_ts}) before it starts ({start_ts}).",
                              fix="give end later than start.")
    # the warm-up: dossiers arriving before the horizon fill the centre, then are left out
    from_ns = start_ns - int(round(model.warmup_days * _NS_DAY))
    first_year = pd.Timestamp(from_ns).year
    last_year = pd.Timestamp(end_ns).year + 2
    try:
        calendar = model_calendar(model, first_year, last_year)
    except DossierflowError as exc:
        raise SimulationError(f"the model's calendar cannot be built: {exc.what}",
                              fix=exc.fix) from None
    clock = _Clock(calendar)
    if progress:
        progress(0.0)
    comp = _Compiled(model, clock, seed)
    arr = _generate_arrivals(model, clock, from_ns, end_ns, seed)
    if max_cases is not None:
        arr = _Arrivals(**{k: v[:max_cases] for k, v in arr.__dict__.items()})
    process_of = np.array([comp.process_index[p.process] for p in model.procedures],
                          dtype=np.int64)[arr.procedure]
    paths = _draw_paths(comp, arr, process_of)
    t_gen = timer.perf_counter()
    if progress:
        progress(0.1)
    end_clock = float(clock.to_clock(np.array([end_ns]))[0])
    t_stop = end_clock if not drain else clock.total
    loop = _run(comp, clock, arr, paths, process_of, t_stop, progress)
    t_loop = timer.perf_counter()
    if drain and loop["unfinished"]:
        raise SimulationError(
            f"{loop['unfinished']} dossiers were still in progress at the end of {last_year}, "
            "two years after the horizon: a resource pool is probably overloaded (more work "
            "arrives than its capacity can do).",
            fix="raise the capacity of the busiest pools or lower the arrivals; pass "
                "drain=False to stop at the horizon and see the queues.")
    events, cases, pools = _outputs(comp, clock, arr, paths, process_of, loop, model,
                                    start_ns, end_clock, None if drain else end_clock)
    if from_ns < start_ns:
        kept = arr.wall >= start_ns
        cases = cases.loc[kept].reset_index(drop=True)
        events = events.loc[kept[events["case_id"].cat.codes.to_numpy()]].reset_index(drop=True)
        events["case_id"] = events["case_id"].cat.remove_unused_categories()
    done = timer.perf_counter()
    if progress:
        progress(1.0)
    stats = {"cases": float(len(cases)), "events": float(len(events)),
             "seconds": done - began, "seconds_setup": t_gen - began,
             "seconds_loop": t_loop - t_gen, "seconds_output": done - t_loop,
             "events_per_second": len(events) / max(done - began, 1e-9)}
    return SimulationResult(events=events, cases=cases, pools=pools, stats=stats, model=model,
                            seed=seed, start=start_ts, end=end_ts)


def _run(comp: _Compiled, clock: _Clock, arr: _Arrivals, paths: _Paths,
         process_of: np.ndarray, t_stop: float,
         progress: Callable[[float], None] | None) -> dict[str, Any]:
    """The event loop. Heap items are ``(time, case, server)``: a dossier has at most one
    pending item, so ties break on the case number (arrival order); batch releases use the
    key ``-1 - node``, staffing changes ``-1 - n_nodes - change``. ``server`` >= 0 holds a
    pool server (a place), -1 is none, <= -2 names server ``-2 - server`` without holding it
    (batches, out-of-hours service)."""
    n = len(arr.clock)
    size = len(paths.node)
    heap: list[tuple[float, int, int]] = []
    push, pop, replace = heapq.heappush, heapq.heappop, heapq.heapreplace
    pnode = paths.node.tolist()
    pdur = paths.duration.tolist()
    pos = paths.first.tolist()
    # typed arrays: numpy reads them without a copy at the end
    start_at = array("d", [math.nan]) * size
    end_at = array("d", [math.nan]) * size
    server_at = array("q", [-1]) * size
    ov_index: list[int] = []
    ov_start: list[int] = []
    ov_end: list[int] = []

    kind, npool, nbatch, paper_only = comp.kind, comp.npool, comp.nbatch, comp.paper_only
    flags_of, close_of, ooh = comp.flags, comp.close, comp.ooh
    releases, batch_next = comp.releases, comp.batch_next
    n_slots = len(comp.server_pool)
    places = list(comp.initial_places)
    active = bytearray(n_slots)
    idle_off: set[int] = set()  # places out of service and not busy
    free = []
    for p, order in enumerate(comp.pool_order):
        first = comp.pool_servers[p][0] if order else 0
        on = [x for x in order if x - first < places[p]]
        for x in on:
            active[x] = 1
        idle_off.update(x for x in order if x - first >= places[p])
        free.append(list(reversed(on)))
    queues: list[deque] = [deque() for _ in comp.pool_servers]
    later_queues: list[deque] = [deque() for _ in comp.pool_servers]
    later, cont = comp.later, comp.continues
    rr = [0] * len(comp.pool_servers)
    n_nodes = comp.n_nodes
    for e, (at, _, _) in enumerate(comp.capacity_changes):
        heap.append((at, -1 - n_nodes - e, 0))
    heapq.heapify(heap)
    batch_wait: dict[tuple[int, float], list[int]] = {}
    to_clock1, from_clock1 = clock.to_clock1, clock.from_clock1

    arr_clock = arr.clock.tolist()
    digitised = arr.digitised.tolist()
    closed = arr.closed.tolist()
    channel = arr.channel.tolist()
    wall = arr.wall.tolist()
    process_list = process_of.tolist()
    receipt_at_arrival = comp.receipt_at_arrival

    recv = array("d", [-1.0]) * n
    fin = array("d", [-1.0]) * n
    ret = array("d", [-1.0]) * n
    # the route entries whose end is the receipt / the result / the delivery (-1: none,
    # -2: the arrival itself)
    recv_e = array("q", [-1]) * n
    fin_e = array("q", [-1]) * n
    ret_e = array("q", [-1]) * n
    done = array("d", [-1.0]) * n
    pause = array("d", [0.0]) * n
    nsupp = array("q", [0]) * n
    outcome = array("q", [0]) * n

    def enter(case: int, i: int, s: int, t: float) -> None:
        """Start step entry ``i`` (node ``s``) of ``case`` at clock ``t``: any kind of step."""
        k = kind[s]
        if k == _BATCH and paper_only[s] and digitised[case]:
            k = _POOL if npool[s] >= 0 else _WORK
        if k == _POOL:
            p = npool[s]
            fl = free[p]
            if fl:
                start_at[i] = t
                push(heap, (t + pdur[i], case, fl.pop()))
            else:
                (later_queues if later[s] else queues)[p].append(case)
        elif k == _WORK:
            start_at[i] = t
            push(heap, (t + pdur[i], case, -1))
        elif k == _WAIT:
            w0 = from_clock1(t)
            w1 = w0 + int(pdur[i] * _NS_MIN)
            start_at[i] = t
            ov_index.append(i)
            ov_start.append(w0)
            ov_end.append(w1)
            push(heap, (to_clock1(w1), case, -1))
        else:
            rel = releases[nbatch[s]]
            r = bisect.bisect_left(rel, t)
            if r >= len(rel):
                raise SimulationError("a batch release falls beyond the working calendar.",
                                      fix="shorten the horizon.")
            r = rel[r]
            waiting = batch_wait.get((s, r))
            if waiting is None:
                batch_wait[(s, r)] = [case]
                push(heap, (r, -1 - s, 0))
            else:
                waiting.append(case)

    # ``route_pool[s]``: the pool of a pool step, -1 for other steps (handled by ``enter``)
    route_pool = [npool[s] if kind[s] == _POOL else -1 for s in range(len(kind))]
    ai = 0
    next_arrival = arr_clock[0] if n else math.inf
    report_every = max(n // 40, 1)
    stopped_early = False
    while True:
        if heap:
            top = heap[0]
            t = top[0]
            arriving = next_arrival <= t
        elif next_arrival < math.inf:
            arriving = True
        else:
            break
        if arriving:
            case = ai
            t = next_arrival
            ai += 1
            next_arrival = arr_clock[ai] if ai < n else math.inf
            if progress and ai % report_every == 0:
                progress(0.1 + 0.8 * ai / n)
            if receipt_at_arrival[process_list[case]]:
                recv[case] = t
                recv_e[case] = -2
            i = pos[case]
            s = pnode[i]
            if s < 0:
                done[case] = fin[case] = t
                fin_e[case] = -2
            elif closed[case] and ooh[s] >> channel[case] & 1:
                p = npool[s]
                servers = comp.pool_servers[p]
                gid = servers[rr[p] % places[p]]
                rr[p] += 1
                w0 = wall[case]
                w1 = w0 + int(pdur[i] * _NS_MIN)
                start_at[i] = t
                ov_index.append(i)
                ov_start.append(w0)
                ov_end.append(w1)
                push(heap, (to_clock1(w1), case, -2 - gid))
            else:
                enter(case, i, s, t)
            continue

        if t > t_stop:
            stopped_early = True
            break
        case = top[1]
        if case < -n_nodes:
            # a staffing change
            pop(heap)
            _, p, new = comp.capacity_changes[-1 - n_nodes - case]
            first = comp.pool_servers[p][0]
            old, places[p] = places[p], new
            fl = free[p]
            if new < old:
                for x in range(first + new, first + old):
                    active[x] = 0
                idle_off.update(x for x in fl if not active[x])
                free[p] = [x for x in fl if active[x]]
            elif new > old:
                back = [x for x in comp.pool_order[p] if first + old <= x < first + new]
                for x in back:
                    active[x] = 1
                fl.extend(reversed([x for x in back if x in idle_off]))
                idle_off.difference_update(back)
                queue = queues[p]
                while fl and (queue or later_queues[p]):
                    c2 = (queue or later_queues[p]).popleft()
                    j = pos[c2]
                    start_at[j] = t
                    push(heap, (t + pdur[j], c2, fl.pop()))
            continue
        if case < 0:
            # a batch release: everybody waiting goes together, one trip
            pop(heap)
            s = -1 - case
            waiting = batch_wait.pop((s, t))
            duration = batch_next[s]()
            p = npool[s]
            code = -1
            if p >= 0:
                servers = comp.pool_servers[p]
                code = -2 - servers[rr[p] % places[p]]
                rr[p] += 1
            for c in waiting:
                start_at[pos[c]] = t
                push(heap, (t + duration, c, code))
            continue
        i = pos[case]
        end_at[i] = t
        s = pnode[i]
        srv = top[2]
        # ``top`` stays on the heap until a new item can replace it (one sift, not two)
        nxt = pnode[i + 1]
        kept = srv >= 0 and nxt >= 0 and cont[nxt] and npool[nxt] == npool[s] and active[srv]
        if kept:  # the officer goes straight on with the next step of the dossier
            server_at[i] = srv
            popped = False
        elif srv >= 0:
            server_at[i] = srv
            p = npool[s]
            queue = queues[p] or later_queues[p]
            if not active[srv]:  # the officer has left: the place closes
                idle_off.add(srv)
                popped = False
            elif queue:
                c2 = queue.popleft()
                j = pos[c2]
                start_at[j] = t
                replace(heap, (t + pdur[j], c2, srv))
                popped = True
            else:
                free[p].append(srv)
                popped = False
        else:
            if srv != -1:
                server_at[i] = srv
            popped = False
        f = flags_of[s]
        if f:
            if f & 1 and recv[case] < 0:  # receipt: the legal clock starts
                recv[case] = t
                recv_e[case] = i
            if f & 8 and recv[case] >= 0:  # citizen wait: the legal clock pauses
                pause[case] += t - start_at[i]
            if f & 16:
                nsupp[case] += 1
            if f & 2 and fin[case] < 0:  # result ready
                fin[case] = t
                fin_e[case] = i
            if f & 4:  # result delivered
                ret[case] = t
                ret_e[case] = i
            if f & 32:  # refused, withdrawn, stopped
                outcome[case] = close_of[s]
                if fin[case] < 0:
                    fin[case] = t
                    fin_e[case] = i
        i += 1
        pos[case] = i
        s = pnode[i]
        if s < 0:
            done[case] = t
            if fin[case] < 0:
                fin[case] = t
                fin_e[case] = i - 1
            if not popped:
                pop(heap)
            continue
        p = route_pool[s]
        if kept:
            start_at[i] = t
            replace(heap, (t + pdur[i], case, srv))
        elif p >= 0:
            fl = free[p]
            if fl:
                start_at[i] = t
                if popped:
                    push(heap, (t + pdur[i], case, fl.pop()))
                else:
                    replace(heap, (t + pdur[i], case, fl.pop()))
            else:
                (later_queues if later[s] else queues)[p].append(case)
                if not popped:
                    pop(heap)
        else:
            if not popped:
                pop(heap)
            enter(case, i, s, t)

    unfinished = int((np.frombuffer(done, dtype=np.float64) < 0).sum()) if n else 0
    return {"start": start_at, "end": end_at, "server": server_at, "ov_index": ov_index,
            "ov_start": ov_start, "ov_end": ov_end, "recv": recv, "fin": fin, "ret": ret,
            "done": done, "pause": pause, "recv_e": recv_e, "fin_e": fin_e, "ret_e": ret_e,
            "nsupp": nsupp, "outcome": outcome,
            "unfinished": unfinished, "stopped_early": stopped_early}


# -- outputs -----------------------------------------------------------------------------------

def _case_ids(arr: _Arrivals, model: Model) -> np.ndarray:
    """Dossier numbers ``<agency code>-<yymmdd>-<sequence of the agency that day>``."""
    if not len(arr.clock):
        return np.array([], dtype=object)
    prefixes = [model.agency_codes.get(p.agency, p.agency) for p in model.procedures]
    prefix_names = sorted(set(prefixes))
    prefix_code = np.array([prefix_names.index(p) for p in prefixes], dtype=np.int64)
    code = prefix_code[arr.procedure]
    day = arr.wall // _NS_DAY
    order = np.lexsort((arr.wall, day, code))
    key = code[order] * 10**7 + day[order]
    new_group = np.r_[True, key[1:] != key[:-1]]
    group_start = np.maximum.accumulate(np.where(new_group, np.arange(len(key)), 0))
    seq = np.empty(len(key), np.int64)
    seq[order] = np.arange(len(key)) - group_start + 1
    dates = arr.wall.view("datetime64[ns]").astype("datetime64[D]")
    years = dates.astype("datetime64[Y]")
    months = dates.astype("datetime64[M]")
    ymd = ((years.astype(np.int64) + 1970) % 100 * 10000
           + (months - years).astype(np.int64) * 100 + 100
           + (dates - months).astype(np.int64) + 1)
    # the few distinct "<prefix>-<yymmdd>-" heads are formatted once
    heads, head_of = np.unique(code * 10**6 + ymd, return_inverse=True)
    head_text = [f"{prefix_names[h // 10**6]}-{h % 10**6:06d}-" for h in heads.tolist()]
    tails = [f"{k:04d}" for k in range(int(seq.max()) + 1)]
    return np.array([head_text[h] + tails[q] for h, q in zip(head_of.tolist(), seq.tolist())],
                    dtype=object)


def _tz_index(utc_ns: np.ndarray) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(np.asarray(utc_ns, np.int64).view("datetime64[ns]")).tz_localize(
        "UTC").tz_convert(TZ)


def _outputs(comp: _Compiled, clock: _Clock, arr: _Arrivals, paths: _Paths,
             process_of: np.ndarray, loop: dict[str, Any], model: Model, start_ns: int,
             end_clock: float, stop_clock: float | None
             ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    n = len(arr.clock)
    node = paths.node
    start = np.frombuffer(loop["start"], dtype=np.float64)
    end = np.frombuffer(loop["end"], dtype=np.float64)
    server = np.frombuffer(loop["server"], dtype=np.int64)
    keep = (node >= 0) & ~np.isnan(end)
    keep[keep] = comp.logged[node[keep]]
    resource = np.where(server >= 0, server, np.where(server <= -2, -2 - server, -1))
    resource = comp.slot_officer[resource]  # places -> officers; -1 stays -1

    # case timings (clock)
    recv = np.frombuffer(loop["recv"], dtype=np.float64)
    fin = np.frombuffer(loop["fin"], dtype=np.float64)
    ret = np.frombuffer(loop["ret"], dtype=np.float64)
    pause = np.frombuffer(loop["pause"], dtype=np.float64)
    done = np.frombuffer(loop["done"], dtype=np.float64)
    outcome = np.frombuffer(loop["outcome"], dtype=np.int64)
    legal = np.array([p.legal_days for p in model.procedures], dtype=float)[arr.procedure]
    received = recv >= 0
    safe_recv = np.where(received, recv, 0.0)
    same_day_end = clock.day_end(safe_recv)
    cutoff = model.deadlines.same_day_cutoff
    if cutoff is not None and n:
        # received at or after the cutoff: due at the close of the next working day
        day = np.minimum(np.searchsorted(clock.cum_next, safe_recv, side="right"),
                         clock.n_days - 1)
        before = np.clip(_hm(cutoff) - clock.starts[day], 0.0, clock.lengths[day]).sum(axis=1)
        late_in_day = safe_recv - clock.cum[day] >= before
        same_day_end = np.where(late_in_day, clock.day_end(same_day_end), same_day_end)
    legal_minutes = np.where(legal > 0, legal * clock.mpd, same_day_end - safe_recv)
    due = np.where(received, safe_recv + legal_minutes + pause, np.nan)
    finished = fin >= 0
    outcome = np.where(outcome > 0, outcome,
                       np.where(ret >= 0, _OUT["returned"],
                                np.where(finished | (done >= 0), _OUT["result_ready"],
                                         _OUT["open"])))

    # apology and new date for dossiers whose result comes after the due date
    deadlines = model.deadlines
    apology = np.full(n, np.nan)
    new_due = np.full(n, np.nan)
    if deadlines.apology and n:
        bearing = ~np.isin(outcome, [_OUT["rejected"], _OUT["withdrawn"], _OUT["stopped"]])
        horizon = np.inf if stop_clock is None else stop_clock
        late = received & bearing & np.where(finished, fin > due, due < horizon)
        when = np.maximum(safe_recv, due - deadlines.apology_lead_days * clock.mpd)
        late &= when <= horizon
        apology[late] = when[late]
        if deadlines.extension_days is not None:
            new_due[late] = due[late] + deadlines.extension_days * clock.mpd
        else:
            fallback = due + np.maximum(1.0, legal) * clock.mpd
            ready = np.where(finished, clock.day_end(np.where(finished, fin, 0.0)), fallback)
            new_due[late] = ready[late]

    # the events of the routes (case-major, in time order within a case)
    idx = np.flatnonzero(keep)
    ev_case = paths.case[idx]
    ev_act = comp.node_activity[node[idx]]
    ev_res = resource[idx]
    m = len(idx)
    # every clock value of the run goes through the calendar's from_clock once
    case_clock = [due, apology, new_due, np.where(finished, fin, np.nan)]
    # (a step that starts when the previous one ends shares its value: converted once)
    pairs = np.empty(2 * m)
    pairs[0::2] = start[idx]
    pairs[1::2] = end[idx]
    fresh = np.ones(len(pairs), dtype=bool)
    fresh[1:] = pairs[1:] != pairs[:-1]
    flat = np.concatenate([pairs[fresh], *case_clock])
    ok = ~np.isnan(flat)
    utc = np.full(len(flat), np.iinfo(np.int64).min, dtype=np.int64)
    utc[ok] = calendar_from_clock(clock, flat[ok])
    n_fresh = int(fresh.sum())
    pair_utc = utc[:n_fresh][np.cumsum(fresh) - 1]
    ev_start, ev_end = pair_utc[0::2].copy(), pair_utc[1::2].copy()
    case_utc = utc[n_fresh:].reshape(len(case_clock), n)
    # from_clock maps a value on a session end to that end (17:00, 11:30); a step *starting*
    # there starts when the office opens again (07:30 next working day, 13:30)
    bound_clock, bound_next = clock.session_boundaries()
    at = np.minimum(np.searchsorted(bound_clock, start[idx]), len(bound_clock) - 1)
    on_bound = bound_clock[at] == start[idx]
    ev_start[on_bound] = _to_utc_ns(bound_next[at[on_bound]])
    where_ = np.full(len(node), -1, dtype=np.int64)
    where_[idx] = np.arange(m)
    if loop["ov_index"]:
        pos = where_[np.array(loop["ov_index"], dtype=np.int64)]
        hit = pos >= 0
        ev_start[pos[hit]] = _to_utc_ns(np.array(loop["ov_start"], np.int64)[hit])
        ev_end[pos[hit]] = _to_utc_ns(np.array(loop["ov_end"], np.int64)[hit])
    # extra rows: online submissions (first in their case) and apologies (by time)
    submit_on = np.array([p.online_submission for p in model.processes], dtype=bool)
    online = np.flatnonzero(_ONLINE[arr.channel] & submit_on[process_of]) if n else \
        np.zeros(0, np.int64)
    late_idx = np.flatnonzero(~np.isnan(apology))
    span = clock.total + 1.0
    ev_key_start = ev_case * span + start[idx]
    if len(late_idx):
        # written by whoever last worked on the dossier before the apology
        at = np.searchsorted(ev_key_start, late_idx * span + apology[late_idx], side="right") - 1
        last_with = np.maximum.accumulate(np.where(ev_res >= 0, np.arange(m), -1)) if m else \
            np.zeros(0, np.int64)
        j = np.where(at >= 0, last_with[np.maximum(at, 0)] if m else -1, -1)
        ok = (j >= 0) & (ev_case[np.maximum(j, 0)] == late_idx) if m else np.zeros(0, bool)
        ap_res = np.where(ok, ev_res[np.maximum(j, 0)] if m else -1, -1)
        ap_pos = np.searchsorted(ev_case * span + end[idx], late_idx * span + apology[late_idx],
                                 side="right")
        ap_time = case_utc[1][late_idx]
    else:
        ap_res = ap_pos = ap_time = np.zeros(0, np.int64)
    sub_pos = np.searchsorted(ev_case, online, side="left")
    sub_time = _to_utc_ns(arr.wall[online])
    extra_pos = np.concatenate([sub_pos, ap_pos]).astype(np.int64)
    all_case = np.concatenate([ev_case, online, late_idx])
    all_act = np.concatenate([ev_act, np.full(len(online), comp.submit_activity),
                              np.full(len(late_idx), comp.apology_activity)])
    all_res = np.concatenate([ev_res, np.full(len(online), -1), ap_res]).astype(np.int64)
    all_start = np.concatenate([ev_start, sub_time, ap_time])
    all_end = np.concatenate([ev_end, sub_time, ap_time])
    order = np.insert(np.arange(m), extra_pos, m + np.arange(len(extra_pos)))
    all_case, all_act, all_res = all_case[order], all_act[order], all_res[order]
    proc_agency = np.array([comp.agency_code[p.agency] for p in model.procedures], np.int64)
    case_agency = proc_agency[arr.procedure] if n else np.zeros(0, np.int64)
    agency = np.where(all_res >= 0, comp.server_agency[all_res],
                      case_agency[all_case] if n else -1)
    case_ids = _case_ids(arr, model)
    events = pd.DataFrame({
        "case_id": pd.Categorical.from_codes(all_case, categories=pd.Index(case_ids, dtype=object))
        if n else pd.Categorical([], categories=[]),
        "activity": pd.Categorical.from_codes(all_act, categories=comp.activities),
        "timestamp": _tz_index(all_end[order]),
        "start_timestamp": _tz_index(all_start[order]),
        "resource": pd.Categorical.from_codes(all_res, categories=comp.server_names),
        "role": pd.Categorical.from_codes(comp.server_role[all_res], categories=comp.roles),
        "agency": pd.Categorical.from_codes(agency, categories=comp.agencies),
    })

    submitted_utc = _to_utc_ns(arr.wall)

    def from_entries(entries: list[int], fallback: np.ndarray | None) -> np.ndarray:
        """End timestamps of the given route entries (-2: the submission; -1: none)."""
        e = np.frombuffer(entries, dtype=np.int64)
        out = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
        found = e >= 0
        pos = where_[e[found]]
        ok = pos >= 0
        out[np.flatnonzero(found)[ok]] = ev_end[pos[ok]]
        out[e == -2] = submitted_utc[e == -2]
        if fallback is not None:
            missing = (out == np.iinfo(np.int64).min)
            out[missing] = fallback[missing]
        return out

    procs = model.procedures
    log_ids = list(dict.fromkeys(p.output_id for p in procs))
    log_code = np.array([log_ids.index(p.output_id) for p in procs], dtype=np.int64)
    cases = pd.DataFrame({
        "case_id": pd.array(case_ids, dtype="string"),
        "procedure_id": pd.Categorical.from_codes(
            log_code[arr.procedure] if n else np.zeros(0, np.int64), log_ids),
        "agency": pd.Categorical.from_codes(case_agency, comp.agencies),
        "channel": pd.Categorical.from_codes(arr.channel, list(CHANNELS)),
        "model": pd.Categorical.from_codes(
            np.array([HANDLING_MODELS.index(p.model) for p in procs], np.int64)[arr.procedure]
            if n else np.zeros(0, np.int64), list(HANDLING_MODELS)),
        "submitted_at": _tz_index(submitted_utc),
        "received_at": _tz_index(from_entries(loop["recv_e"], None)),
        "due_at": _tz_index(case_utc[0]),
        "finished_at": _tz_index(from_entries(loop["fin_e"], case_utc[3])),
        "returned_at": _tz_index(from_entries(loop["ret_e"], None)),
        "legal_days": legal,
        "outcome": pd.Categorical.from_codes(outcome, list(OUTCOMES)),
        "digitised": arr.digitised,
        "paid_online": arr.paid,
        "fee": np.array([p.fee for p in procs], dtype=float)[arr.procedure],
        "n_supplement_requests": np.frombuffer(loop["nsupp"], dtype=np.int64).astype(np.int32),
        "paused_minutes": pause.copy(),
        "apology_at": _tz_index(case_utc[1]),
        "new_due_at": _tz_index(case_utc[2]),
    })

    # pool utilisation over the horizon
    start_clock = float(clock.to_clock(np.array([start_ns]))[0])
    span_h = max(end_clock - start_clock, 1e-9)
    held = keep & (server >= 0)
    busy = np.zeros(len(model.pools))
    if held.any():
        lo = np.clip(start[held], start_clock, end_clock)
        hi = np.clip(end[held], start_clock, end_clock)
        pool_of = np.array(comp.server_pool, dtype=np.int64)[server[held]]
        busy = np.bincount(pool_of, weights=hi - lo, minlength=len(model.pools))
        # queueing: from the end of the dossier's previous route entry (or its arrival)
        at = np.flatnonzero(held)
        before = np.maximum(at - 1, 0)
        first_entry = (at == 0) | (paths.case[before] != paths.case[at])
        ready = np.where(first_entry, arr.clock[paths.case[at]], end[before])
        q_lo = np.clip(ready, start_clock, end_clock)
        q_hi = np.clip(start[held], start_clock, end_clock)
        queued = np.bincount(pool_of, weights=np.maximum(q_hi - q_lo, 0.0),
                             minlength=len(model.pools))
        served = np.bincount(pool_of, minlength=len(model.pools))
    else:
        queued = np.zeros(len(model.pools))
        served = np.zeros(len(model.pools))
    capacity = np.array([p.capacity for p in model.pools], dtype=float)
    places = capacity * np.array(comp.concurrency, dtype=float)
    # place-minutes available over the horizon, following the staffing changes
    available = places * span_h
    if comp.capacity_changes:
        available = np.zeros(len(model.pools))
        current = places.copy()
        at = np.full(len(model.pools), start_clock)
        for when, p, new in comp.capacity_changes:
            w = min(max(when, start_clock), end_clock)
            available[p] += current[p] * (w - at[p])
            at[p], current[p] = w, new
        available += current * (end_clock - at)
        places = current  # at the end of the horizon
        capacity = current / np.array(comp.concurrency, dtype=float)
    pools = pd.DataFrame({
        "pool_id": [p.id for p in model.pools], "agency": [p.agency for p in model.pools],
        "role": [p.role for p in model.pools], "capacity": capacity.astype(np.int64),
        "places": places.astype(np.int64),
        "busy_minutes": busy, "utilisation": busy / np.maximum(available, 1e-9),
        "mean_queue_length": queued / span_h,
        "mean_queue_minutes": queued / np.maximum(served, 1),
    })
    return events, cases, pools


def calendar_from_clock(clock: _Clock, values: np.ndarray) -> np.ndarray:
    """UTC nanoseconds of clock values, through the calendar's vectorised ``from_clock``."""
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    if np.nanmax(values) > clock.total:
        raise SimulationError("the simulation ran past the end of the working calendar.",
                              fix="shorten the horizon.")
    return clock.calendar.from_clock(values).as_unit("ns").asi8.copy()

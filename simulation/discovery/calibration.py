"""Calibration: tune a discovered model until it reproduces the log's step times.

The in-tray waits measured in a log already hold the queueing of its time, which the model's
pools then simulate again; and a log without start times says little about how many files an
officer keeps in hand. So the model is tuned against the log in a loop:

1. simulate the window (with the model's warm-up), once per round, a new seed each round;
2. per process and activity, compare the step time (working minutes from the dossier's
   previous event, or its arrival, to the end of the step) with the log's: its mean, its
   median and its upper quantiles (``UPPER``: the 75th and 90th percentiles), so that a
   model whose tail is too long cannot pass by a body too short (or the reverse);
3. where the model is slower, shorten the step's in-tray wait by the excess (each quantile of
   the wait by the gap at that quantile); where the model is faster, lengthen it; where the
   wait cannot absorb the excess (the officers' queue alone is longer than the log's whole
   step by ``GROW_SHARE`` of it), give the step's pool more officers (a log shows the
   officers at work, not always all the hands a pool has; the 5 tại chỗ desks keep theirs,
   which a move to 5 tại chỗ plans from); a citizen's wait (a supplement
   brought back) is moved likewise, in wall-clock time;
4. repeat until every step with ``MIN_EVENTS`` events is within ``TOLERANCE`` of the log on
   each of these figures (or within their noise: twice the standard error of the mean, and
   for a quantile the distribution-free one, half the spread of the quantiles at
   ``p ± sqrt(p(1-p)/n)``), or ``ROUNDS`` runs are spent.

The quantiles compared and moved are ``service_times.quantiles_of``: the last is bounded by
the mean of the slowest values, not the single slowest dossier.

``calibrate`` returns a :class:`Calibration` saying how far each step ended and where it
stopped; discovery writes it to its notes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dossierflow.mining.log.working_time import WorkCalendar
from dossierflow.simulation.discovery.service_times import quantiles_of
from dossierflow.simulation.model import END, START, Model

ROUNDS = 8
TOLERANCE = 0.05
MIN_EVENTS = 30
QUANTILES = 41
# the upper quantiles of a step's time compared besides its mean and median
UPPER = (0.75, 0.9)
# the most a round may stretch a wait, and the share of officers a round adds to a pool
MAX_STRETCH = 3.0
PLACES_STEP = 0.25
# the part of a step's time by which the officers' queue alone must exceed it to add places
GROW_SHARE = 0.25
# wall-clock minutes of a working minute over days (7 days of 24 h for 5 of 7.5 h)
WALL_PER_WORK = 7 * 1440 / (5 * 450)
GENERATED = ("submit_online", "apology_reschedule")


@dataclass
class Calibration:
    """Per (process, activity) the log's and the model's mean step times after the last
    round, the rounds run, and the changes made."""

    steps: pd.DataFrame
    rounds: int
    converged: bool
    changes: list[str] = field(default_factory=list)

    def note(self) -> str:
        worst = self.steps["error"].abs().max() if len(self.steps) else 0.0
        within = int(self.steps["within"].sum()) if len(self.steps) else 0
        head = (f"calibrated against the log's step times in {self.rounds} simulation "
                f"run(s): {within} of {len(self.steps)} steps within {TOLERANCE:.0%} or their "
                "noise")
        if not self.converged:
            head += f" (stopped at the limit of {ROUNDS} runs; the worst is off by {worst:.0%})"
        return head


def arrival_times(events: pd.DataFrame, received_at: pd.Series) -> pd.Series:
    """Per dossier, when it arrived: its first event's start (a citizen at the counter is
    served from the start of the receipt), else its first event's end, or its receipt when
    that comes first (a log whose receipt date is a dossier field)."""
    first = events.groupby("case_id", sort=False, observed=True)["timestamp"].min()
    if "start_timestamp" in events and events["start_timestamp"].notna().any():
        began = events.groupby("case_id", sort=False, observed=True)["start_timestamp"].min()
        first = first.where(~(began < first), began)
    first.index = first.index.astype(str)
    received = received_at.copy()
    received.index = received.index.astype(str)
    received = received.reindex(first.index)
    return first.where(~(received < first), received)


def step_times(events: pd.DataFrame, arrival: pd.Series, group_of: pd.Series,
               calendar: WorkCalendar) -> pd.DataFrame:
    """Working minutes from each event's predecessor in its dossier (or the dossier's
    ``arrival``) to its end, with the dossier's process (``group_of``: case id → process) and
    the activities before and after it (``start`` / ``end`` at the dossier's ends)."""
    ev = events.loc[~events["activity"].astype(str).isin(GENERATED),
                    ["case_id", "activity", "timestamp"]]
    ev = ev.assign(case_id=ev["case_id"].astype(str), activity=ev["activity"].astype(str))
    ev = ev.sort_values(["case_id", "timestamp"], kind="stable").reset_index(drop=True)
    same = ev["case_id"].eq(ev["case_id"].shift())
    last = ~ev["case_id"].eq(ev["case_id"].shift(-1))
    ready = ev["timestamp"].shift().where(same)
    ready = ready.fillna(arrival.reindex(ev["case_id"]).set_axis(ev.index))
    clock = calendar.to_clock(ev["timestamp"])
    ready_clock = calendar.to_clock(ready)
    return pd.DataFrame({"case_id": ev["case_id"],
                         "group": group_of.reindex(ev["case_id"]).to_numpy(),
                         "activity": ev["activity"],
                         "before": ev["activity"].shift().where(same, START),
                         "after": ev["activity"].shift(-1).where(~last, END),
                         "minutes": np.maximum(clock - ready_clock, 0.0)})


def step_stats(times: pd.DataFrame) -> pd.DataFrame:
    """Per (process, step entered): the mean step time, its standard error, the count, the
    ``QUANTILES`` quantiles (``quantiles_of``) and the ``UPPER`` quantiles with their
    standard errors (``times`` with a ``step`` column)."""
    g = times.dropna(subset=["step"]).groupby(["group", "step"])["minutes"]
    out = g.agg(["mean", "std", "count", "median"])
    out["se"] = out["std"].fillna(0.0) / np.sqrt(out["count"].clip(lower=1))
    out["quantiles"] = g.agg(lambda v: quantiles_of(v.to_numpy(), QUANTILES))
    for p in UPPER:
        upper = g.agg(lambda v, p=p: _quantile_and_se(v.to_numpy(), p))
        out[f"q{p:g}"] = upper.map(lambda t: t[0])
        out[f"q{p:g}_se"] = upper.map(lambda t: t[1])
    return out


def _quantile_and_se(v: np.ndarray, p: float) -> tuple[float, float]:
    """The ``p`` quantile of ``v`` and its distribution-free standard error: half the spread
    between the quantiles one binomial standard deviation of the rank either side."""
    d = math.sqrt(p * (1.0 - p) / max(len(v), 1))
    lo, q, hi = np.quantile(v, [max(p - d, 0.0), p, min(p + d, 1.0)])
    return float(q), float(hi - lo) / 2.0


def calibrate(model: Model, target: pd.DataFrame, calendar: WorkCalendar, start: pd.Timestamp,
              end: pd.Timestamp, *, label: Callable[[pd.DataFrame, pd.DataFrame], pd.Series],
              rounds: int = ROUNDS, progress: Callable[[float], None] | None = None
              ) -> Calibration:
    """Tune ``model`` in place until its step times match ``target`` (:func:`step_stats` of
    the log). ``label(times, kinds)`` names the step each timed event entered (``kinds``:
    the dossiers' channel and digitised by case id). ``progress`` gets the share of the
    ``rounds`` spent."""
    from dossierflow.simulation.engine import simulate

    group_of_procedure = {p.output_id: p.process for p in model.procedures}
    changes: list[str] = []
    table = pd.DataFrame()
    converged = False
    done = 0
    for round_ in range(rounds):
        if progress:
            progress(round_ / rounds)
        run = simulate(model, start=start, end=end, seed=round_)
        done += 1
        cases = run.cases.assign(case_id=run.cases["case_id"].astype(str)).set_index("case_id")
        group_of = cases["procedure_id"].astype(str).map(group_of_procedure)
        arrival = arrival_times(run.events, cases["received_at"])
        times = step_times(run.events, arrival, group_of, calendar)
        sim = step_stats(times.assign(step=label(times, cases)))
        table = _compare(target, sim)
        if table["within"].all():
            converged = True
            break
        queued = set(run.pools.loc[run.pools["mean_queue_minutes"] > 1.0, "pool_id"])
        if not _adjust(model, table, queued, changes):
            break
    return Calibration(steps=table.reset_index(), rounds=done, converged=converged,
                       changes=changes)


def _compare(target: pd.DataFrame, sim: pd.DataFrame) -> pd.DataFrame:
    """Log and model side by side per step; ``within``: the mean, the median and the
    ``UPPER`` quantiles all within ``TOLERANCE`` of the log's or within twice their noise."""
    both = target[target["count"] >= MIN_EVENTS].merge(
        sim, left_index=True, right_index=True, suffixes=("", "_sim"))
    both = both.loc[both["count_sim"] >= MIN_EVENTS // 3]
    excess = both["mean_sim"] - both["mean"]
    noise = 2.0 * np.hypot(both["se"], both["se_sim"])
    off = both["median_sim"] - both["median"]
    within = (excess.abs() <= np.maximum(TOLERANCE * both["mean"], noise)) \
        & (off.abs() <= np.maximum(TOLERANCE * both["median"], 1.25 * noise))
    for p in UPPER:
        q, q_sim = both[f"q{p:g}"], both[f"q{p:g}_sim"]
        q_noise = 2.0 * np.hypot(both[f"q{p:g}_se"], both[f"q{p:g}_se_sim"])
        within &= (q_sim - q).abs() <= np.maximum(TOLERANCE * q, q_noise)
    return pd.DataFrame({"log": both["mean"], "model": both["mean_sim"], "excess": excess,
                         "error": excess / both["mean"].where(both["mean"] > 0),
                         "shift": both["quantiles_sim"] - both["quantiles"], "within": within})


def _adjust(model: Model, table: pd.DataFrame, queued: set[str], changes: list[str]) -> bool:
    """Shorten or stretch in-tray waits by the excess, and add places to the pools whose
    queue alone makes a step too long (those ``queued`` dossiers waited for); whether
    anything changed."""
    changed = False
    grow: set[str] = set()
    scale = _mean_scales(model)
    desks = _on_spot_desks(model)
    for process in model.processes:
        links = process.silent_links("in_person", False, False)
        for step in process.steps:
            key = (process.id, step.id)
            if key not in table.index or table.loc[key, "within"]:
                continue
            excess = float(table.loc[key, "excess"])
            served = process.step(links.get(step.id) or step.id)
            wait = step if step.duration.kind == "empirical" and (
                not step.logged or (step.pool is None and step.duration.basis == "calendar")
            ) else None
            # a citizen's wait lasts wall-clock time: a working minute is about WALL_PER_WORK
            unit = WALL_PER_WORK if wait is not None and wait.duration.basis == "calendar" \
                else 1.0
            mean = wait.duration.expected / unit * scale.get(key, 1.0) if wait else 0.0
            if excess > mean + GROW_SHARE * float(table.loc[key, "log"]) \
                    and served.pool in queued and served.pool not in desks:
                # even without its wait the step takes too long: its officers' queue
                grow.add(served.pool)
            if wait is None:
                continue
            # each quantile of the wait moves by the gap between the model's step time and
            # the log's at that quantile (in the wait's units where procedures scale it)
            shift = np.asarray(table.loc[key, "shift"], dtype=float) * unit / scale.get(key, 1.0)
            q = np.asarray(wait.duration.quantiles, dtype=float)
            moved = np.minimum(np.maximum(q - shift, 0.0), np.maximum(q, 1.0) * MAX_STRETCH)
            wait.duration.quantiles = [float(v) for v in np.maximum.accumulate(np.round(moved, 4))]
            changed = True
    for pool in model.pools:
        if pool.id in grow:
            extra = max(1, math.ceil(pool.capacity * PLACES_STEP))
            pool.capacity += extra
            pool.capacity_changes = {k: v + extra for k, v in
                                     (pool.capacity_changes or {}).items()} or None
            if pool.names is not None:
                pool.names = pool.names + [f"{pool.id}-{k:02d}" for k in range(
                    len(pool.names) + 1, pool.max_capacity + 1)]
            changes.append(f"pool {pool.id}: {extra} more officer(s) (its queue was longer "
                           "than the log's steps)")
            changed = True
    return changed


def _mean_scales(model: Model) -> dict[tuple[str, str], float]:
    """Per (process, step) the mean of its procedures' duration scales, weighted by their
    arrivals (steps that no procedure scales are left out: their scale is 1)."""
    weights: dict[tuple[str, str], list[float]] = {}
    for p in model.procedures:
        w = p.arrivals.per_working_day
        for step_id, value in (p.duration_scales or {}).items():
            acc = weights.setdefault((p.process, step_id), [0.0, 0.0])
            acc[0] += w * value
        for step in model.process(p.process).steps:
            acc = weights.setdefault((p.process, step.id), [0.0, 0.0])
            acc[1] += w
            if step.id not in (p.duration_scales or {}):
                acc[0] += w
    return {k: a / b for k, (a, b) in weights.items() if b > 0 and abs(a / b - 1.0) > 1e-9}


def _on_spot_desks(model: Model) -> set[str]:
    """Pools that serve 5 tại chỗ processes alone (the delegated officers' desks): their
    staff is what a move to 5 tại chỗ plans from, so calibration leaves it as the log shows."""
    on_spot: set[str] = set()
    other: set[str] = set()
    kind = {}
    for p in model.procedures:
        kind.setdefault(p.process, set()).add(p.model)
    for process in model.processes:
        pools = {s.pool for s in process.steps if s.pool is not None}
        (on_spot if kind.get(process.id) == {"five_on_spot"} else other).update(pools)
    return on_spot - other

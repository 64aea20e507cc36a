"""Expected work of a model's resource pools, to plan their staff.

The engine's routing is a Markov chain over the steps of a process for each kind of dossier
(channel, digitised, paid online), so the expected number of visits of every step follows from
one linear solve per kind: ``visits = start · (I − Q)⁻¹`` (:func:`expected_visits`); a
process's whole routes add their steps with their probabilities.
Multiplied by the steps' mean durations (times a procedure's ``duration_scales``) and by the
procedures' expected arrivals day by day (demand trend, month and weekday weights, validity
windows; channel shares, digitisation and payment at mid-month), this gives the working
minutes each pool must supply (:func:`daily_loads`); :func:`period_loads` turns them into the
work per working day of any periods, and the busiest month of each.

Batched steps are left out: a batch release does not hold a server (see the engine). Visit
caps (``max_visits``) are ignored, which is exact for processes whose capped steps are not on
a loop. Tết's surge and lull and public holidays are ignored (the surge and lull roughly cancel
over a month or two; plan the surge separately).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dossierflow.simulation.model import (
    CHANNELS,
    END,
    ONLINE_CHANNELS,
    START,
    Model,
    Procedure,
    Process,
    case_classes,
    interpolate_points,
    parse_day,
)

_DAY = np.timedelta64(1, "D")


def expected_visits(process: Process, channel: str, digitised: bool,
                    paid_online: bool) -> dict[str, float]:
    """Expected number of times a dossier of this kind does each step of ``process``."""
    ids = [s.id for s in process.steps]
    index = {s: i for i, s in enumerate(ids)}
    n = len(ids)
    q = np.zeros((n, n))
    start = np.zeros(n)
    for t in process.transitions:
        if not t.applies(channel, digitised, paid_online) or t.target == END:
            continue
        if t.source == START:
            start[index[t.target]] += t.probability
        else:
            q[index[t.source], index[t.target]] += t.probability
    visits = np.linalg.solve((np.eye(n) - q).T, start)
    routes = [r for r in process.routes if r.applies(channel, digitised, paid_online)]
    if routes:
        links = process.silent_links(channel, digitised, paid_online)
        visits = visits * (1.0 - sum(r.probability for r in routes))
        for route in routes:
            for step in process.expanded(route, links):
                visits[index[step]] += route.probability
    return dict(zip(ids, visits.tolist()))


def _online_share(procedure: Procedure, days: np.ndarray) -> np.ndarray:
    if not procedure.channels_over_time:
        return np.full(len(days), sum(procedure.channels.get(c, 0.0) for c in ONLINE_CHANNELS))
    points = procedure.channels_over_time
    return sum(interpolate_points({d: v.get(c, 0.0) for d, v in points.items()}, days)
               for c in ONLINE_CHANNELS)


def daily_loads(model: Model, start: str, end: str) -> pd.DataFrame:
    """Expected working minutes of work brought by the dossiers arriving on each day (rows,
    ``start``–``end``, ISO dates, end exclusive) for each pool (columns). Channel shares,
    digitisation and online payment are read at mid-month; divide sums over a period by its
    working days (:func:`period_loads`) for the work per working day."""
    days = np.arange(np.datetime64(start, "D"), np.datetime64(end, "D"), _DAY)
    months = days.astype("datetime64[M]")
    labels, month_of = np.unique(months, return_inverse=True)
    mid = labels.astype("datetime64[D]") + 14
    weekday = (days.astype(np.int64) + 3) % 7
    work_day = weekday < 5
    calendar_month = months.astype(np.int64) % 12
    classes = case_classes()
    pool_ids = [p.id for p in model.pools]
    pool_col = {pid: j for j, pid in enumerate(pool_ids)}
    out = np.zeros((len(days), len(pool_ids)))
    processes = {p.id: p for p in model.processes}
    visits_of: dict[str, np.ndarray] = {}
    for proc in model.procedures:
        process = processes[proc.process]
        if process.id not in visits_of:
            visits_of[process.id] = np.array(
                [list(expected_visits(process, ch, dig, paid).values())
                 for _, ch, dig, paid in classes])
        active = np.ones(len(days), dtype=bool)
        if proc.active_from:
            active &= days >= parse_day(proc.active_from)
        if proc.active_until:
            active &= days <= parse_day(proc.active_until)
        if not active.any():
            continue
        a = proc.arrivals
        trend = interpolate_points(a.trend, days) if a.trend else 1.0
        online = _online_share(proc, days)
        level = np.where(work_day, np.asarray(a.weekday_weights, float)[weekday],
                         online * a.online_off_day_factor)
        rate = (a.per_working_day * trend * np.asarray(a.month_weights, float)[calendar_month]
                * level * active)
        if proc.channels_over_time:
            pts = proc.channels_over_time
            shares = np.column_stack([interpolate_points({d: v.get(c, 0.0)
                                                          for d, v in pts.items()}, mid)
                                      for c in CHANNELS])
            shares /= np.maximum(shares.sum(axis=1, keepdims=True), 1e-12)
        else:
            shares = np.tile([proc.channels.get(c, 0.0) for c in CHANNELS], (len(mid), 1))
        dig = (interpolate_points(proc.p_digitised_over_time, mid)
               if proc.p_digitised_over_time else np.full(len(mid), proc.p_digitised))
        paid = (interpolate_points(proc.p_paid_online_over_time, mid)
                if proc.p_paid_online_over_time else np.full(len(mid), proc.p_paid_online))
        if proc.fee <= 0:
            paid = np.zeros(len(mid))
        weights = np.column_stack([
            shares[:, CHANNELS.index(ch)] * (dig if d else 1 - dig) * (paid if q else 1 - paid)
            for _, ch, d, q in classes])
        scales = proc.duration_scales or {}
        cols = sorted({pool_col[s.pool] for s in process.steps
                       if s.pool is not None and s.batch is None})
        minutes = np.zeros((len(process.steps), len(cols)))
        for k, step in enumerate(process.steps):
            if step.pool is not None and step.batch is None:
                minutes[k, cols.index(pool_col[step.pool])] = (
                    step.duration.expected * scales.get(step.id, 1.0))
        per_dossier = weights @ visits_of[process.id] @ minutes      # months x cols
        out[:, cols] += rate[:, None] * per_dossier[month_of]
    return pd.DataFrame(out, index=pd.DatetimeIndex(days.astype("datetime64[ns]")),
                        columns=pool_ids)


def period_loads(daily: pd.Series, breaks: list) -> pd.DataFrame:
    """Work per working day of one pool over the periods starting at ``breaks`` (the first
    must be on or before the first day of ``daily``): ``mean`` over each period and ``peak``,
    its busiest calendar month (the part of it inside the period)."""
    starts = pd.DatetimeIndex(sorted(set(pd.to_datetime(breaks)))).as_unit("ns")
    period = np.searchsorted(starts.asi8, daily.index.as_unit("ns").asi8, side="right") - 1
    working = (daily.index.day_of_week < 5).astype(float)
    frame = pd.DataFrame({"load": daily.to_numpy(), "working": working, "period": period,
                          "month": daily.index.to_period("M")})
    months = frame.groupby(["period", "month"])[["load", "working"]].sum()
    months = months["load"] / months["working"].clip(lower=1)
    totals = frame.groupby("period")[["load", "working"]].sum()
    out = pd.DataFrame({"mean": totals["load"] / totals["working"].clip(lower=1),
                        "peak": months.groupby(level=0).max()})
    out.index = starts[out.index]
    return out

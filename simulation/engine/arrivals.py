"""The dossiers arriving over the horizon, generated vectorised and merged in clock order.

Counter and postal dossiers arrive in office hours of working days, uniform on the clock;
weekend counters take dossiers on days off that are not holidays; online dossiers arrive on
any day at any hour. Demand follows month, weekday, Tết and dated trends; a procedure's
versions take the dossiers whose intake day falls in their validity window.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from dossierflow.simulation.engine.clock import Clock, clock_to_local_ns, minute_of_day
from dossierflow.simulation.engine.codes import CHANNEL_CODE, NS_DAY, NS_MIN
from dossierflow.simulation.engine.streams import element_rng
from dossierflow.simulation.model import (
    CHANNELS,
    DEFAULT_ONLINE_HOURS,
    ArrivalProfile,
    Model,
    interpolate_points,
    parse_day,
)

_OPEN = 1 << 40           # an open end of a validity window, in days
_WINDOW_MARGIN = 21       # days generated before a window opens (longer than any break)


@dataclass
class Arrivals:
    """The arriving dossiers in clock order, one entry per dossier."""

    clock: np.ndarray
    wall: np.ndarray         # local naive ns of the submission
    procedure: np.ndarray
    channel: np.ndarray
    closed: np.ndarray       # the office is closed at that moment
    digitised: np.ndarray
    paid: np.ndarray

    def first(self, count: int) -> Arrivals:
        """The first ``count`` arrivals."""
        return Arrivals(**{f.name: getattr(self, f.name)[:count] for f in fields(self)})


@dataclass
class _Days:
    """The calendar days of the arrivals, as day indices and what the rates depend on."""

    first: int
    index: np.ndarray
    weekday: np.ndarray
    month: np.ndarray
    dates: np.ndarray
    working: np.ndarray      # with office hours
    weekend: np.ndarray      # days off that are not holidays

    @classmethod
    def of(cls, clock: Clock, start_ns: int, end_ns: int) -> _Days:
        first = int((start_ns - clock.epoch_ns) // NS_DAY)
        last = int((end_ns - 1 - clock.epoch_ns) // NS_DAY)
        index = np.arange(first, last + 1)
        dates = clock.epoch_day() + index
        return cls(first=first, index=index, weekday=clock.weekday[index],
                   month=dates.astype("datetime64[M]").astype(np.int64) % 12, dates=dates,
                   working=clock.daylen[index] > 0,
                   weekend=~clock.working[index] & (clock.holiday[index] == ""))


def generate_arrivals(model: Model, clock: Clock, start_ns: int, end_ns: int,
                      seed: int) -> Arrivals:
    """The dossiers submitted from ``start_ns`` (inclusive) to ``end_ns`` (exclusive, local
    ns), each procedure from its own random streams."""
    days = _Days.of(clock, start_ns, end_ns)
    windows = _windows(model, clock)
    blocks = clock.tet_blocks()
    parts: list[dict[str, np.ndarray]] = []
    for pi in range(len(model.procedures)):
        window = windows[pi] if windows else (-_OPEN, _OPEN)
        parts.extend(_procedure_arrivals(model, clock, days, blocks, window, pi, seed))
    merged, intake = _merge(parts, clock, start_ns, end_ns, windows)
    digitised, paid = _draw_attributes(model, clock, merged, intake, seed)
    return Arrivals(clock=merged["clock"], wall=merged["wall"],
                    procedure=merged["procedure"].astype(np.int64),
                    channel=merged["channel"].astype(np.int64), closed=merged["closed"],
                    digitised=digitised, paid=paid)


def _procedure_arrivals(model: Model, clock: Clock, days: _Days, blocks: list[tuple[int, int]],
                        window: tuple[int, int], pi: int, seed: int) -> list[dict[str, Any]]:
    """The arrivals of procedure ``pi`` by channel (clock, wall, procedure, channel, closed);
    ``wall`` is -1 where it is yet to be derived from the clock."""
    proc = model.procedures[pi]
    rng = element_rng(seed, "arrivals", proc.id)
    a = proc.arrivals
    rate = _daily_rate(a, days, window, blocks)
    office_days = sorted(set(model.calendar.weekdays))
    weights = np.asarray(a.weekday_weights, float)
    weekday_weight = weights[days.weekday]
    # a swapped working day (ngày làm bù) on a day off of the week counts as an average
    # working weekday
    weekday_weight = np.where(days.working & ~np.isin(days.weekday, office_days),
                              weights[office_days].mean(), weekday_weight)
    share = _channel_shares(proc, days.dates)
    parts = []
    for channel in ("in_person", "public_postal"):
        if (share[channel] > 0).any():
            parts.append(_office_hours_arrivals(rng, clock, days,
                                                rate * weekday_weight * share[channel],
                                                channel))
    if (share["in_person"] > 0).any() and any(a.weekday_weights[d] > 0 for d in range(7)
                                               if d not in office_days):
        sessions = [(minute_of_day(s), minute_of_day(e)) for s, e in model.calendar.sessions]
        parts.append(_weekend_counter_arrivals(
            rng, clock, days, rate * weekday_weight * share["in_person"], sessions))
    online_share = share["online_full"] + share["online_partial"]
    if (online_share > 0).any():
        day_weight = np.where(days.working, weekday_weight, a.online_off_day_factor)
        parts.append(_online_arrivals(rng, clock, days, rate * day_weight, share,
                                      a.online_hour_weights))
    for part in parts:
        part["procedure"] = np.full(len(part["clock"]), pi)
    return parts


def _daily_rate(a: ArrivalProfile, days: _Days, window: tuple[int, int],
                blocks: list[tuple[int, int]]) -> np.ndarray:
    """Dossiers per working day on each day, before weekday weights and channel shares."""
    rate = a.per_working_day * np.asarray(a.month_weights, float)[days.month]
    if a.trend:
        rate = rate * interpolate_points(a.trend, days.dates)
    lo_day, hi_day = window
    if lo_day > -_OPEN or hi_day < _OPEN:
        # generate a margin before the window (online dossiers submitted over a long
        # break are received on its first working day); the intake day decides later
        rate = np.where((days.index >= lo_day - _WINDOW_MARGIN) & (days.index <= hi_day),
                        rate, 0.0)
    for lo, hi in blocks:
        surge = (days.index >= lo - a.tet_surge_days) & (days.index < lo)
        lull = (days.index >= lo) & (days.index <= hi + a.tet_lull_days_after)
        rate = np.where(surge, rate * a.tet_surge, rate)
        rate = np.where(lull, rate * a.tet_lull, rate)
    return rate


def _office_hours_arrivals(rng: np.random.Generator, clock: Clock, days: _Days,
                           per_day: np.ndarray, channel: str) -> dict[str, np.ndarray]:
    """Counter or postal dossiers: office hours of working days, uniform on the clock."""
    lam = np.where(days.working, per_day * clock.daylen[days.index] / clock.mpd, 0.0)
    day_of = np.repeat(days.index, rng.poisson(lam))
    c = clock.cum[day_of] + rng.random(len(day_of)) * clock.daylen[day_of]
    return {"clock": c, "wall": np.full(len(c), -1, np.int64),
            "channel": np.full(len(c), CHANNEL_CODE[channel]), "closed": np.zeros(len(c), bool)}


def _weekend_counter_arrivals(rng: np.random.Generator, clock: Clock, days: _Days,
                              per_day: np.ndarray, sessions: list[tuple[float, float]]
                              ) -> dict[str, np.ndarray]:
    """Counter dossiers on days off that are not holidays, in the regular office sessions."""
    day_of = np.repeat(days.index, rng.poisson(np.where(days.weekend, per_day, 0.0)))
    total = sum(b - s for s, b in sessions)
    u = rng.random(len(day_of)) * total
    minute = np.empty(len(u))
    offset = 0.0
    for s, b in sessions:
        inside = (u >= offset) & (u < offset + b - s)
        minute[inside] = s + u[inside] - offset
        offset += b - s
    wall = clock.epoch_ns + day_of * NS_DAY + np.rint(minute * NS_MIN).astype(np.int64)
    return {"clock": clock.to_clock(wall), "wall": wall,
            "channel": np.full(len(wall), CHANNEL_CODE["in_person"]),
            "closed": ~clock.is_open(wall)}


def _online_arrivals(rng: np.random.Generator, clock: Clock, days: _Days, per_day: np.ndarray,
                     share: dict[str, np.ndarray], hour_weights: list[float] | None
                     ) -> dict[str, np.ndarray]:
    """Online dossiers: any day, any hour."""
    online_share = share["online_full"] + share["online_partial"]
    day_of = np.repeat(days.index, rng.poisson(per_day * online_share))
    hours = np.asarray(hour_weights or DEFAULT_ONLINE_HOURS, float)
    hour = rng.choice(24, size=len(day_of), p=hours / hours.sum())
    minute = hour * 60 + rng.random(len(day_of)) * 60
    wall = clock.epoch_ns + day_of * NS_DAY + np.rint(minute * NS_MIN).astype(np.int64)
    full_ratio = np.divide(share["online_full"], online_share,
                           out=np.zeros_like(online_share), where=online_share > 0)
    full = rng.random(len(day_of)) < full_ratio[day_of - days.first]
    return {"clock": clock.to_clock(wall), "wall": wall,
            "channel": np.where(full, CHANNEL_CODE["online_full"],
                                CHANNEL_CODE["online_partial"]),
            "closed": ~clock.is_open(wall)}


def _merge(parts: list[dict[str, np.ndarray]], clock: Clock, start_ns: int, end_ns: int,
           windows: list[tuple[int, int]]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """All arrivals inside the horizon and their procedure's window, in clock order; and
    their intake days."""
    if parts:
        merged = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    else:
        merged = {"clock": np.zeros(0), "wall": np.zeros(0, np.int64),
                  "procedure": np.zeros(0, np.int64), "channel": np.zeros(0, np.int64),
                  "closed": np.zeros(0, bool)}
    missing = merged["wall"] < 0
    if missing.any():
        merged["wall"][missing] = clock_to_local_ns(clock, merged["clock"][missing])
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
    return {k: v[order] for k, v in merged.items()}, intake[order]


def _draw_attributes(model: Model, clock: Clock, merged: dict[str, np.ndarray],
                     intake: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Whether each dossier is digitised and paid online, each procedure from its own
    stream, with the probabilities of its intake day."""
    n = len(merged["clock"])
    digitised = np.zeros(n, bool)
    paid = np.zeros(n, bool)
    epoch_day = clock.epoch_day()
    for pi, proc in enumerate(model.procedures):
        idx = np.flatnonzero(merged["procedure"] == pi)
        rng = element_rng(seed, "attributes", proc.id)
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
                p_dig[merged["channel"][idx] == CHANNEL_CODE[channel]] = value
        digitised[idx] = rng.random(len(idx)) < p_dig
        paid[idx] = (rng.random(len(idx)) < p_paid) & (proc.fee > 0)
    return digitised, paid


def _windows(model: Model, clock: Clock) -> list[tuple[int, int]]:
    """Validity windows of the procedures as calendar day indices (inclusive); an empty list
    when no procedure has one."""
    if all(p.active_from is None and p.active_until is None for p in model.procedures):
        return []
    epoch_day = clock.epoch_day()
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

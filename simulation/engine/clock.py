"""Working-time arithmetic of the engine: the model's calendar as arrays, and conversions
between local wall-clock nanoseconds, UTC nanoseconds and the working-minute clock.

Local wall time is handled as naive local nanoseconds (Asia/Ho_Chi_Minh wall clock).
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from dossierflow.mining.log.working_time import DEFAULT_OVERRIDES, OfficeHours, WorkCalendar
from dossierflow.mining.vocabulary import TZ
from dossierflow.simulation.engine.codes import NS_DAY, NS_MIN
from dossierflow.simulation.engine.errors import SimulationError
from dossierflow.simulation.model import Model


@lru_cache(maxsize=8)
def _calendar_cached(sessions: tuple, weekdays: tuple, extra: tuple, overrides: bool,
                     first_year: int, last_year: int, country: str, tz: str) -> WorkCalendar:
    return WorkCalendar(OfficeHours(sessions=sessions, weekdays=weekdays),
                        first_year=first_year, last_year=last_year,
                        overrides=DEFAULT_OVERRIDES if overrides else None,
                        extra_holidays=extra, country=country, timezone=tz)


def model_calendar(model: Model, first_year: int, last_year: int) -> WorkCalendar:
    """The working calendar of ``model`` over whole years ``first_year``–``last_year``."""
    c = model.calendar
    return _calendar_cached(tuple(tuple(s) for s in c.sessions), tuple(c.weekdays),
                            tuple(c.extra_holidays), bool(c.use_overrides), first_year, last_year,
                            c.country, c.timezone)


def tet_breaks(model: Model, first_year: int, last_year: int) -> list[tuple[pd.Timestamp,
                                                                          pd.Timestamp]]:
    """(first, last) local days of each Tết break of the model's calendar in the years
    ``first_year``–``last_year``: the Tết holiday and the days off around it, as the arrival
    surge and lull see them."""
    clock = Clock(model_calendar(model, first_year, last_year))
    epoch = pd.Timestamp(clock.epoch_ns)
    return [(epoch + pd.Timedelta(days=lo), epoch + pd.Timedelta(days=hi))
            for lo, hi in clock.tet_blocks()]


class Clock:
    """The calendar table as arrays, with fast scalar conversions for the event loop."""

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
        # per day its sessions as (start, end) minutes of the day
        rows = zip(starts.tolist(), ends.tolist(), present.tolist(), strict=True)
        self._sessions = [tuple((float(a), float(b))
                                for a, b, p in zip(sa, se, pr, strict=True) if p)
                          for sa, se, pr in rows]

    def epoch_day(self) -> np.datetime64:
        """The local date of day index 0."""
        return np.datetime64(pd.Timestamp(self.epoch_ns).date(), "D")

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
                start_ns = self.epoch_ns + day * NS_DAY + int(round(self.starts[day, k] * NS_MIN))
                for value in pending:
                    ends.append(value)
                    next_start.append(start_ns)
                pending = [float(self.cum[day] + self.lengths[day, : k + 1].sum())]
        return np.array(ends), np.array(next_start, dtype=np.int64)

    # scalar conversions (event loop)
    def to_clock1(self, local_ns: int) -> float:
        """Clock value of one local wall-clock moment (the next office minute when closed)."""
        rel = local_ns - self.epoch_ns
        day = rel // NS_DAY
        if not 0 <= day < self.n_days:
            raise SimulationError(
                "a wall-clock moment of the simulation falls outside the working calendar.",
                fix="shorten the horizon or the citizen waits of the model.")
        minute = (rel - day * NS_DAY) / NS_MIN
        clock = self._cum[day]
        for a, b in self._sessions[day]:
            if minute <= a:
                break
            clock += (minute if minute < b else b) - a
        return clock

    def from_clock1(self, clock: float) -> int:
        """Local wall-clock ns of one clock value."""
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
        return self.epoch_ns + day * NS_DAY + int(round(minute * NS_MIN))

    # vectorised
    def day_index(self, local_ns: np.ndarray) -> np.ndarray:
        """Calendar day index of local wall-clock ns."""
        return (local_ns - self.epoch_ns) // NS_DAY

    def to_clock(self, local_ns: np.ndarray) -> np.ndarray:
        """Clock values of local wall-clock ns (the next office minute when closed)."""
        day = self.day_index(local_ns)
        if len(day) and (day.min() < 0 or day.max() >= self.n_days):
            raise SimulationError("an arrival falls outside the working calendar.",
                                  fix="choose start/end within the calendar years.")
        minute = (local_ns - self.epoch_ns - day * NS_DAY) / NS_MIN
        clock = self.cum[day].copy()
        for k in range(self.starts.shape[1]):
            clock += np.clip(minute - self.starts[day, k], 0.0, self.lengths[day, k])
        return clock

    def is_open(self, local_ns: np.ndarray) -> np.ndarray:
        """Whether the office is in session at each local wall-clock ns."""
        day = self.day_index(local_ns)
        minute = (local_ns - self.epoch_ns - day * NS_DAY) / NS_MIN
        inside = np.zeros(len(day), dtype=bool)
        for k in range(self.starts.shape[1]):
            inside |= (minute >= self.starts[day, k]) & (minute < self.ends[day, k]) & (
                self.lengths[day, k] > 0)
        return inside

    def day_end(self, clock: np.ndarray) -> np.ndarray:
        """End (clock) of the working day that contains each clock value."""
        i = np.searchsorted(self.cum_next, clock, side="right")
        return self.cum_next[np.minimum(i, self.n_days - 1)]

    def minutes_before(self, days: np.ndarray, minute_of_day: float) -> np.ndarray:
        """Office minutes of each of ``days`` before ``minute_of_day`` (local)."""
        return np.clip(minute_of_day - self.starts[days], 0.0, self.lengths[days]).sum(axis=1)

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


def minute_of_day(text: str) -> float:
    """Minutes since midnight of ``"HH:MM"`` or ``"HH:MM:SS"``."""
    h, m, *s = (int(x) for x in text.split(":"))
    return h * 60 + m + (s[0] / 60 if s else 0.0)


def local_ns(value: Any, tz: str = TZ) -> int:
    """Local wall-clock ns of a timestamp (converted to ``tz`` when it carries a zone)."""
    stamp = pd.Timestamp(value)
    if stamp.tz is not None:
        stamp = stamp.tz_convert(tz).tz_localize(None)
    return stamp.as_unit("ns").value


def to_utc_ns(local: np.ndarray, tz: str = TZ) -> np.ndarray:
    """UTC ns of local wall-clock ns of ``tz``; a constant shift where the zone has one offset
    over the range (since 1975), else pandas' tz_localize."""
    local = np.asarray(local, dtype=np.int64)
    if not len(local):
        return local.copy()
    lo, hi = pd.Timestamp(int(local.min())), pd.Timestamp(int(local.max()))
    offsets = {lo.tz_localize(tz).utcoffset(), hi.tz_localize(tz).utcoffset()}
    if len(offsets) == 1 and lo.year >= 1976:
        return local - int(offsets.pop().total_seconds() * 1e9)
    index = pd.DatetimeIndex(local.view("datetime64[ns]"))
    return index.tz_localize(tz, ambiguous=np.zeros(len(index), bool),
                             nonexistent="shift_forward").as_unit("ns").asi8


def clock_to_local_ns(clock: Clock, values: np.ndarray) -> np.ndarray:
    """Local naive ns of clock values, through the calendar's vectorised ``from_clock``."""
    return clock.calendar.from_clock(values).tz_localize(None).as_unit("ns").asi8


def clock_to_utc_ns(clock: Clock, values: np.ndarray) -> np.ndarray:
    """UTC nanoseconds of clock values, through the calendar's vectorised ``from_clock``."""
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    if np.nanmax(values) > clock.total:
        raise SimulationError("the simulation ran past the end of the working calendar.",
                              fix="shorten the horizon.")
    return clock.calendar.from_clock(values).as_unit("ns").asi8.copy()

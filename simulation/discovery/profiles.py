"""Arrival profiles: weekday and month weights (shrunk towards flat by the chance variation
they hold), online filing hours and the days-off share of online filing."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

PROFILE_NOISE = 1.0       # how much of a profile's spread chance is taken to explain


def _profiles(cases: pd.DataFrame, calendar, lo, hi) -> dict[str, Any]:
    """Weekday and month weights of arrivals, online hours and the days-off share."""
    days = pd.date_range(lo.normalize(), hi.normalize() - pd.Timedelta(days=1), freq="D")
    working = pd.Series(calendar.is_working_day(days.date), index=days)
    arrival = pd.to_datetime(cases["arrival"])
    counter = ~cases["channel"].str.startswith("online")
    weekday = np.ones(7)
    weekday[5:] = 0.0
    wd_days = pd.Series(days[working.to_numpy()].day_of_week).value_counts()
    wd_counts = pd.Series(arrival[counter.to_numpy()].dt.day_of_week).value_counts()
    rates = {d: wd_counts.get(d, 0) / wd_days[d] for d in wd_days.index
             if d < 5 and wd_days[d] > 0}
    if rates and np.mean(list(rates.values())) > 0:
        mean = np.mean([rates[d] for d in rates if d < 5] or [1.0])
        for d, r in rates.items():
            weekday[d] = r / mean if mean > 0 else 1.0
        counts = np.array([wd_counts.get(d, 0) for d in range(5)], dtype=float)
        weekday[:5] = _shrunk_profile(weekday[:5], counts)
    month = np.ones(12)
    if (hi - lo).days >= 335:
        m_days = pd.Series(days[working.to_numpy()].month).value_counts()
        m_counts = pd.Series(arrival.dt.month).value_counts()
        for m in m_days.index:
            month[m - 1] = m_counts.get(m, 0) / m_days[m]
        month = month / month[month > 0].mean()
        month[month <= 0] = 1.0
        month = _shrunk_profile(month, np.array([m_counts.get(m, 0) for m in range(1, 13)],
                                                dtype=float))
    online = arrival[(~counter).to_numpy()]
    hours = None
    off_factor = 0.3
    if len(online) >= 100:
        hours = np.bincount(online.dt.hour, minlength=24).astype(float)
        hours = list(np.round(hours / hours.mean(), 4))
        on_work = calendar.is_working_day(online.dt.date.to_numpy())
        n_work, n_off = max(int(working.sum()), 1), max(int((~working).sum()), 1)
        rate_work = on_work.sum() / n_work
        off_factor = float(((~on_work).sum() / n_off) / rate_work) if rate_work else 0.3
    # the mean weight of the window's working days: the rate is that of a day of weight 1
    worked = days[working.to_numpy()]
    norm = float(np.mean(month[worked.month - 1] * weekday[worked.day_of_week])) \
        if len(worked) else 1.0
    return {"weekday": [round(float(w), 4) for w in weekday],
            "month": [round(float(m), 4) for m in month], "hours": hours,
            "off_factor": round(min(max(off_factor, 0.0), 5.0), 4),
            "working_days": max(int(working.sum()), 1), "norm": norm or 1.0}


def _shrunk_profile(weights: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Relative weights (mean 1) shrunk towards 1 by how much of their spread the chance
    variation of the ``counts`` they come from explains (Poisson: a relative variance of
    1/count each), so that a flat demand does not get a profile of noise."""
    noise = PROFILE_NOISE * float(np.mean(1.0 / np.maximum(counts, 1.0)))
    spread = float(np.var(weights))
    keep = max(spread - noise, 0.0) / spread if spread > 0 else 0.0
    return 1.0 + (weights - 1.0) * keep

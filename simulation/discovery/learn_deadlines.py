"""The deadline rules a log shows through its due dates (Ngày hẹn trả).

A one-stop export gives each dossier's appointment date; where it does not give the legal
handling time, the time is read from the dates: per procedure, the working days from receipt
to the due date, as most of its recent dossiers have them. For same-day procedures (legal
time 0), the time of day after which a dossier is due the next working day ("trong ngày; nếu
nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo") is read from the due dates too.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from dossierflow.mining.log.working_time import WorkCalendar

RECENT_DAYS = 91
MIN_RECENT = 10
CUTOFF_STEP = 15          # minutes between the cut-off times tried
CUTOFF_AGREEMENT = 0.95   # share of same-day dossiers the cut-off must explain
MIN_NEXT_DAY = 0.02       # share of them due the next day for a cut-off to be read


def legal_days_from_due(cases: pd.DataFrame, calendar: WorkCalendar,
                        hi: pd.Timestamp) -> pd.Series:
    """Per dossier, its procedure's legal time in working days as the due dates show it: the
    median of the working days from receipt to due date over the procedure's dossiers of the
    window's last ``RECENT_DAYS`` (all of them when fewer than ``MIN_RECENT``), in half days.
    ``cases`` needs ``procedure_id, received_at, due_at``; NaN where a procedure has none."""
    has = cases["due_at"].notna() & cases["received_at"].notna()
    days = pd.Series(np.nan, index=cases.index)
    days[has] = (calendar.to_clock(cases.loc[has, "due_at"])
                 - calendar.to_clock(cases.loc[has, "received_at"])) / calendar.minutes_per_day
    recent = cases["received_at"] >= hi - pd.Timedelta(days=RECENT_DAYS)
    out = {}
    for pid, d in days.groupby(cases["procedure_id"]):
        late = d[recent[d.index]].dropna()
        values = late if len(late) >= MIN_RECENT else d.dropna()
        if len(values):
            out[pid] = math.floor(max(float(values.median()), 0.0) * 2 + 0.5) / 2
    return cases["procedure_id"].map(out).astype(float)


def same_day_cutoff(cases: pd.DataFrame, calendar: WorkCalendar) -> str | None:
    """The time of day ("HH:MM") after which a same-day dossier is due the next working day,
    as the due dates of the dossiers with ``legal_days`` 0 show it; None when they do not
    (no such dossiers, no due dates, or no time explains them)."""
    same = cases.loc[(cases["legal_days"] == 0) & cases["due_at"].notna()
                     & cases["received_at"].notna()]
    if len(same) < 20:
        return None
    received = same["received_at"].dt.tz_convert(calendar.timezone)
    working = calendar.is_working_day(received.dt.date.to_numpy())
    received, due = received[working], same.loc[working, "due_at"].dt.tz_convert(calendar.timezone)
    if len(received) < 20:
        return None
    next_day = (due.dt.normalize() > received.dt.normalize()).to_numpy()
    share = next_day.mean()
    if share < MIN_NEXT_DAY or share > 1 - MIN_NEXT_DAY:
        return None
    minute = (received.dt.hour * 60 + received.dt.minute).to_numpy()
    office = calendar.office_hours
    candidates = [m for s, e in office.sessions
                  for m in range(s.hour * 60 + s.minute, e.hour * 60 + e.minute, CUTOFF_STEP)]
    if not candidates:
        return None
    agreement = [((minute >= c) == next_day).mean() for c in candidates]
    best = int(np.argmax(agreement))
    if agreement[best] < CUTOFF_AGREEMENT:
        return None
    c = candidates[best]
    return f"{c // 60:02d}:{c % 60:02d}"

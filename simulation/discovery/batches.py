"""Batching: the activities whose paper dossiers are carried in bunches, the times of day
the bunches leave, their trips, and the kinds of dossier that wait for them.

Times of day are read on the log's calendar (its time zone); a time of exactly midnight is a
date without a time of day and says nothing of a batch; a release time outside the office
sessions is dropped with a note (nobody releases a batch then; the model would not run)."""

from __future__ import annotations

import math
from datetime import time
from typing import NamedTuple

import numpy as np
import pandas as pd

from dossierflow.mining.log.working_time import WorkCalendar
from dossierflow.simulation.discovery.service_times import _empirical
from dossierflow.simulation.discovery.settings import CITIZEN_WAITS, INTAKE, MIN_ROUTE
from dossierflow.simulation.model import ONLINE_CHANNELS, BatchSchedule, Duration, ident

BATCH_SHARE = 0.5         # share of an activity's paper events that must end in bunches
RELEASE_ROUNDING = 5      # minutes a release time is rounded up to
RELEASE_SHARE = 0.1       # share of the bunches a release time must carry


class _Batch(NamedTuple):
    """A batched activity: its schedule, the trip of a bunch, and per kind of dossier
    (channel, digitised) whether it waits for the batch."""

    schedule: str
    trip: Duration
    waiting: dict[tuple[str, bool], bool]


def _batches(events: pd.DataFrame, cases: pd.DataFrame, calendar: WorkCalendar,
             notes: list[str]) -> tuple[list[BatchSchedule], dict[str, _Batch]]:
    """Batch schedules of activities whose paper dossiers' events end in bunches;
    ``batched`` maps each batched activity to its :class:`_Batch`."""
    schedules, batched = [], {}
    paper = _paper(cases)
    tz = calendar.timezone
    sessions = [(_minutes(a), _minutes(b)) for a, b in calendar.office_hours.sessions]
    dated = _minute_of_day(events["timestamp"], tz) == 0
    if dated.any():
        notes.append(f"{int(dated.sum()):,} events at exactly midnight are read as dates "
                     "without a time of day: they are no evidence of batches")
    for activity, every in events.loc[~dated].groupby("activity", sort=True):
        ev = every.loc[paper.reindex(every["case_id"]).to_numpy()]
        if activity in CITIZEN_WAITS or len(ev) < 30:
            continue
        size = ev.groupby("timestamp")["case_id"].transform("size")
        bunched = size >= 3
        if bunched.mean() < BATCH_SHARE:
            continue
        bunch = ev.loc[bunched]
        ready = bunch.groupby("timestamp")["ready_ts"].max()
        ends = pd.Series(ready.index, index=ready.index)
        releases, trip = _releases(_minute_of_day(ready, tz), _minute_of_day(ends, tz))
        releases = _in_office(releases, sessions, activity, notes)
        if not releases:
            continue
        sid = f"batch.{ident(activity)}"
        schedules.append(BatchSchedule(
            id=sid, release_times=[_hhmm(r) for r in releases]))
        batched[activity] = _Batch(sid, _empirical(trip), _waiting_kinds(every, cases))
        notes.append(f"'{activity}' of paper dossiers runs in batches released at "
                     f"{', '.join(schedules[-1].release_times)}")
    return schedules, batched


def _paper(cases: pd.DataFrame) -> pd.Series:
    """Whether each dossier moves on paper: filed at the counter or by post, not digitised."""
    c = cases.set_index("case_id")
    return ~c["channel"].isin(ONLINE_CHANNELS) & ~c["digitised"]


def _minute_of_day(stamps: pd.Series, tz: str) -> np.ndarray:
    local = stamps.dt.tz_convert(tz)
    return (local.dt.hour * 60 + local.dt.minute + local.dt.second / 60).to_numpy(dtype=float)


def _minutes(t: time) -> float:
    return t.hour * 60 + t.minute + t.second / 60


def _in_office(releases: list[float], sessions: list[tuple[float, float]], activity: str,
               notes: list[str]) -> list[float]:
    """The release times inside an office session; the others dropped with a note."""
    kept = [r for r in releases if any(a <= r < b for a, b in sessions)]
    dropped = [r for r in releases if r not in kept]
    if dropped:
        notes.append(f"'{activity}': bunches leaving at {', '.join(map(_hhmm, dropped))}, "
                     "outside the office hours, are not modelled as batches"
                     + ("" if kept else " (the activity is not batched)"))
    return kept


def _hhmm(minute: float) -> str:
    return f"{int(minute // 60):02d}:{int(minute % 60):02d}"


def _releases(ready: np.ndarray, end: np.ndarray) -> tuple[list[float], np.ndarray]:
    """Release times of day of bunches that were all ready by ``ready`` and all done at
    ``end`` (minutes of the day): each release lies between the two for its bunches, so
    the bunches are grouped by the earliest end that their readiness precedes (a stabbing
    of the intervals), and a group's release is the latest readiness in it, rounded up to
    ``RELEASE_ROUNDING`` minutes where the group's ends allow; groups of at least
    ``RELEASE_SHARE`` of the bunches are kept. Also the trips (end − release) of their
    bunches."""
    order = np.argsort(end, kind="stable")
    ready, end = ready[order], end[order]
    group = np.full(len(end), -1)
    points: list[float] = []
    for i in range(len(end)):
        if group[i] >= 0 or ready[i] > end[i]:
            continue
        members = (group < 0) & (ready <= end[i]) & (end >= end[i])
        latest = float(ready[members].max())
        rounded = math.ceil(latest / RELEASE_ROUNDING - 1e-9) * RELEASE_ROUNDING
        points.append(rounded if rounded <= end[members].min() else latest)
        group[members] = len(points) - 1
    counts = np.bincount(group[group >= 0], minlength=len(points))
    kept = [k for k in range(len(points)) if counts[k] >= RELEASE_SHARE * len(end)]
    inside = np.isin(group, kept)
    trips = end[inside] - np.array(points)[group[inside]] if inside.any() else np.zeros(0)
    return sorted(points[k] for k in kept), trips


def _waiting_kinds(ev: pd.DataFrame, cases: pd.DataFrame) -> dict[tuple[str, bool], bool]:
    """Per kind of dossier (channel, digitised) with ``MIN_ROUTE`` events of a batched
    activity: whether most of them end in bunches, i.e. wait for the batch (a result issued
    on paper goes back by courier even for a dossier filed online)."""
    kind = cases.set_index("case_id")[["channel", "digitised"]].reindex(ev["case_id"])
    bunched = ev.groupby("timestamp")["case_id"].transform("size").to_numpy() >= 3
    share = pd.Series(bunched).groupby([kind["channel"].to_numpy(),
                                        kind["digitised"].to_numpy()]).agg(["mean", "size"])
    return {(str(c), bool(d)): bool(row["mean"] >= BATCH_SHARE)
            for (c, d), row in share.iterrows() if row["size"] >= MIN_ROUTE}


def _waits(batched: dict[str, _Batch], activity: str, channel: str, digitised: bool) -> bool:
    """Whether a dossier of this kind enters the first variant of ``activity``: of a batched
    activity the batched one, as the log shows for its kind, else when it is filed on paper
    and not digitised; of intake the counter's (filed on paper)."""
    paper = channel not in ONLINE_CHANNELS
    if activity in batched:
        return batched[activity].waiting.get((channel, bool(digitised)), paper and not digitised)
    return paper if activity == INTAKE else paper and not digitised


def _batch_trips(events: pd.DataFrame, cases: pd.DataFrame,
                 batched: dict[str, _Batch]) -> np.ndarray:
    """Whether each event is a batch trip: a batched activity of a kind of dossier that
    waits for the batch."""
    kinds = cases.set_index("case_id")[["channel", "digitised"]].reindex(events["case_id"])
    return np.array([a in batched and _waits(batched, a, c, d) for a, c, d in
                     zip(events["activity"], kinds["channel"], kinds["digitised"], strict=True)],
                    dtype=bool)

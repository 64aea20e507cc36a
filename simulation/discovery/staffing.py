"""Pools of officers: per agency and role, split by the work the officers do, staffed month
by month as the log shows them at work, with the files an officer keeps in hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from dossierflow.simulation.model import ResourcePool, ident

TARGET_UTILISATION = 0.85
STAFF_QUANTILE = 0.9      # a month's staff: this quantile of its officers at work per day
MIN_STAFF_DAYS = 5        # days of work a month needs for a staff of its own
POOL = ["pool_agency", "pool_role", "pool_work"]   # what makes a pool: agency, role, work


def _pools(events: pd.DataFrame, log_events: pd.DataFrame, trips: np.ndarray, calendar, lo,
           hi, notes) -> tuple[list, dict]:
    """Pools of officers, and per (group, activity) the pool that serves it. A pool's staff
    follows the officers at work each day of the window (``_staffing``), counted on all
    the log's events of the window (dossiers received before it included). Batch ``trips``
    (a courier carrying a bunch of dossiers) hold no officer's place."""
    if "resource" not in events or events["resource"].isna().all():
        return [], {}
    ev = events.loc[events["resource"].notna() & (events["service"] > 0) & ~trips]
    ev = ev.join(_pool_keys(ev))
    ev = ev.assign(pool=ev.groupby(POOL, sort=True).ngroup())   # each pool's number
    span = float(np.asarray(calendar.working_minutes_between(lo, hi)).ravel()[0])
    pools, pool_id = [], {}
    per_team = ev[POOL].drop_duplicates().groupby(POOL[:2]).size()   # pools per agency, role
    at_work = _officers_per_day(ev, log_events, lo, hi)
    for (agency, role, main), grp in ev.groupby(POOL, sort=True):
        number = int(grp["pool"].iat[0])
        officers = sorted(grp["resource"].astype(str).unique())
        daily = at_work.get(number, pd.Series(dtype=float))
        staff, changes = _staffing(daily, lo, hi) if len(daily) else (len(officers), {})
        staff = max(1, min(len(officers), staff))
        changes = {d: max(1, min(len(officers), v)) for d, v in changes.items()}
        mean_staff = float(np.mean([staff, *changes.values()]))
        work = float(grp["service"].sum())
        files = max(1, math.ceil(work / (mean_staff * max(span, 1.0) * TARGET_UTILISATION)),
                    math.ceil(_files_in_hand(grp)))
        shared = per_team[(agency, role)] > 1
        pool_id[number] = ident(f"{agency}.{role}" + (f".{main}" if shared else ""))
        largest = max([staff, *changes.values()])
        pools.append(ResourcePool(id=pool_id[number], agency=agency, role=role, capacity=staff,
                                  names=officers[:largest], concurrency=files,
                                  capacity_changes=changes or None))
    pool_of = {k: pool_id[v] for k, v in ev.groupby(["group", "activity"])["pool"]
               .agg(lambda s: s.value_counts().index[0]).items()}
    notes.append(f"{len(pools)} resource pools from {ev['resource'].nunique()} officers, "
                 "staffed month by month as the log shows them at work")
    return pools, pool_of


def _pool_keys(events: pd.DataFrame) -> pd.DataFrame:
    """Agency, role and work of each event's officer (the ``POOL`` columns): officers of one
    agency and role are in one pool when the activities that make up a tenth or more of their
    work overlap (case handlers and delegated on-spot officers of one role then stay apart)."""
    agency = events["agency"].astype("string").fillna("centre") if "agency" in events else \
        pd.Series("centre", index=events.index, dtype="string")
    role = events["role"].astype("string").fillna("staff") if "role" in events else \
        pd.Series("staff", index=events.index, dtype="string")
    resource = events["resource"].astype(str)
    share = events.groupby([agency, role, resource])["activity"].value_counts(normalize=True)
    parent: dict[tuple, tuple] = {}

    def root(x: tuple) -> tuple:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    first_with: dict[tuple, tuple] = {}
    for (in_agency, as_role, officer, activity), value in share.items():
        if value < 0.1:
            continue
        t = (in_agency, as_role)
        me = root((t, officer))
        other = first_with.setdefault((t, activity), me)
        parent[root(other)] = me
    label: dict[tuple, tuple[str, str, str]] = {}
    names: dict[tuple, str] = {}
    main = events.groupby(resource)["activity"].agg(lambda a: a.value_counts().index[0])
    for (t, officer) in sorted({((g, k), o) for g, k, o, _ in share.index}):
        r = root((t, officer))
        names.setdefault(r, main[officer])
        label[(t, officer)] = (*t, names[r])
    return pd.DataFrame([label[((g, k), o)]
                         for g, k, o in zip(agency, role, resource, strict=True)],
                        index=events.index, columns=POOL)


def _officers_per_day(ev: pd.DataFrame, log_events: pd.DataFrame, lo, hi) -> dict:
    """Per pool (by number), its officers at work on each local day of the window."""
    member = ev.drop_duplicates("resource").set_index(ev.drop_duplicates("resource")[
        "resource"].astype(str))["pool"]
    stamps = log_events["timestamp"].dt.tz_convert(lo.tz)   # local days of the window
    inside = ((stamps >= lo) & (stamps < hi)).to_numpy() & log_events["resource"].notna().to_numpy()
    work = pd.DataFrame({"pool": log_events.loc[inside, "resource"].astype(str).map(member),
                         "resource": log_events.loc[inside, "resource"].astype(str),
                         "day": stamps[inside].dt.date}).dropna(subset=["pool"])
    counts = work.groupby(["pool", "day"])["resource"].nunique()
    return {int(k): v.droplevel(0) for k, v in counts.groupby(level=0)}


def _staffing(daily: pd.Series, lo: pd.Timestamp, hi: pd.Timestamp) -> tuple[int, dict]:
    """A pool's staff over the window from its officers at work per day (``daily``: local
    date → officers): month by month, the ``STAFF_QUANTILE`` quantile of a month's days (a
    month with fewer than ``MIN_STAFF_DAYS`` days of work keeps the staff before it); the
    first month's staff and the months where it changes."""
    days = pd.to_datetime(pd.Series(daily.index))
    month = days.dt.to_period("M").to_numpy()
    levels: list[tuple[pd.Period, int]] = []
    for m, values in pd.Series(daily.to_numpy()).groupby(month):
        if len(values) >= MIN_STAFF_DAYS:
            levels.append((m, int(math.ceil(np.quantile(values, STAFF_QUANTILE) - 1e-9))))
    if not levels:
        return int(math.ceil(daily.quantile(STAFF_QUANTILE) - 1e-9)), {}
    first = levels[0][1]
    changes, current = {}, first
    for m, level in levels[1:]:
        if level != current:
            changes[m.start_time.strftime("%Y-%m-%d")] = level
            current = level
    return first, changes


def _files_in_hand(events: pd.DataFrame) -> float:
    """How many dossiers an officer has in hand at once while busy: the service time of
    their events over the time during which they had at least one (on the clock)."""
    ev = pd.DataFrame({"resource": events["resource"].astype(str).to_numpy(),
                       "end": events["end_clock"].to_numpy(dtype=float)})
    ev["start"] = ev["end"] - events["service"].to_numpy(dtype=float)
    ev = ev.sort_values(["resource", "start"], kind="stable")
    reach = ev.groupby("resource")["end"].cummax()
    before = reach.groupby(ev["resource"]).shift()
    block = (before.isna() | (ev["start"] > before)).cumsum()
    spans = ev.groupby(block).agg(start=("start", "min"), end=("end", "max"))
    busy = float((spans["end"] - spans["start"]).sum())
    return float(events["service"].sum()) / busy if busy > 0 else 1.0

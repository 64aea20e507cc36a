"""Discover a simulation model from a log: ``discover_model(log, start=…, end=…)``.

What is learnt, and how (the README's "How the model is learnt" has the whole account; every
default a log forces is written to ``Discovery.notes``):

* **Processes**: one per procedure with ``OWN_PROCESS`` dossiers, one per agency, handling
  model, fee status and distinguishing steps (``_own_steps``) for the others. The dossier's
  agency is the log's column, else that of its handling steps (``_case_agency``).
* **Routing**: whole routes per kind of dossier with ``MIN_ROUTE`` dossiers (``_routes``: the
  paths seen ``MIN_VARIANT`` times, with the ranks of up to ``MAX_RANKS`` dossiers seen on
  them), else the directly-follows probabilities per kind, borrowed from coarser kinds where a
  kind is rare (``_routing``).
* **Steps**: an in-tray wait (a silent step) and the officer's service; the service measured
  from start times, else estimated from resource availability (``OUTLIER``); a step in another
  context than usual takes a step of its own (``_contexts``); online intake has priority 1;
  a step its officer starts at once after the previous one continues it (``_goes_on``). In a
  shared process, waits and services that grow with the legal time are kept per legal day
  (``_legal_units``) and each procedure scales them (``_scales``, ``_own_scales``).
* **Batching**: release times from bunches of paper dossiers (``_batches``, ``_releases``).
* **Pools**: per agency and role, split by the work officers do (``_pool_key``), staffed month
  by month (``_staffing``), batch trips left out.
* **Arrivals and shares**: per procedure (``_procedures``, ``_profiles``), shares at the
  window's end moving on at their trend (``_present_shares``, ``_projected_shares``),
  digitisation per channel where channels differ (``_digitised_by_channel``).
* **Deadlines**: legal times and the same-day cut-off from due dates (``learn_deadlines``).
* **Warm-up and calibration**: ``_warmup_days``; then ``dossierflow.simulation.discovery.calibration.calibrate``
  tunes the waits (and, without start times, the pools' places) until the simulated step times
  match the log's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from dossierflow.mining.log.analysis_table import RESULT_READY, AnalysisLog
from dossierflow.mining.errors import DossierflowError
from dossierflow.simulation.discovery.calibration import arrival_times, calibrate, step_stats, step_times
from dossierflow.simulation.discovery.learn_deadlines import legal_days_from_due, same_day_cutoff
from dossierflow.simulation.model import (CHANNELS, END, ONLINE_CHANNELS, START, ArrivalProfile, BatchSchedule, CalendarSpec,
                              Deadlines, Duration, Model, Procedure, Process, ResourcePool, Route,
                              Step, Transition, case_classes, ident, known_activities)

MIN_ROUTE = 30
MIN_VARIANT, MAX_ROUTES, MAX_RANKS = 2, 200, 40
CONTEXT_GAP, MAX_CONTEXTS = 0.25, 4
CHANNEL_GAP = 0.1
CONTINUE_SHARE = 0.9
OUTLIER = 5.0
PROFILE_NOISE = 1.0       # how much of a profile's spread chance is taken to explain
ONLINE_PRIORITY = 1       # online intake waits while citizens stand at the counter
INTAKE = "receive"                # the first step at the centre (online dossiers wait for it)
OWN_PROCESS = 200
OWN_STEP = 0.25
QUANTILES = 41
SHRINK = 20.0
LEGAL_SUPPORT = 5
LEGAL_RHO = 0.5
BATCH_SHARE = 0.5
RELEASE_ROUNDING = 5
RELEASE_SHARE = 0.1
TARGET_UTILISATION = 0.85
STAFF_QUANTILE = 0.9
MIN_STAFF_DAYS = 5
TZ = "Asia/Ho_Chi_Minh"
CITIZEN_WAITS = ("supplement_received", "withdraw")
GENERATED = ("submit_online", "apology_reschedule")
WAIT_SUFFIX = ".wait"
LEARN_DAYS = 365
RECENT_DAYS = 91
TREND_DAYS = 182
MIN_TREND = 60
CENTRE_SHARE = 0.9
WARMUP_QUANTILE, MIN_WARMUP, MAX_WARMUP = 0.9, 7, 180


class DiscoveryError(DossierflowError):
    """A model cannot be discovered from this log (too little data, missing columns)."""


@dataclass
class Discovery:
    """A discovered model, the window it was learnt from, and the defaults the log forced."""

    model: Model
    start: pd.Timestamp
    end: pd.Timestamp
    cases: int
    notes: list[str] = field(default_factory=list)


def learning_window(log: AnalysisLog, start: Any = None, end: Any = None,
                    days: int = LEARN_DAYS) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The local days [start, end) a model is learnt from by default: the ``days`` up to the
    log's last receipt (the month profile needs 11 months or more); ``start`` / ``end`` (the
    last day, inclusive) override either side."""
    last = log.cases["received_at"].max().tz_convert(TZ).normalize()
    hi = _local_day(end, "end") + pd.Timedelta(days=1) if end is not None else \
        last + pd.Timedelta(days=1)
    lo = _local_day(start, "start") if start is not None else hi - pd.Timedelta(days=days)
    return lo, hi


def discover_model(log: AnalysisLog, *, start: Any = None, end: Any = None,
                   procedures: list[str] | None = None, name: str = "discovered") -> Discovery:
    """Learn a :class:`~dossierflow.simulation.model.Model` from the dossiers of ``log`` received in
    [``start``, ``end``) (local dates; default the whole log), optionally only those of
    ``procedures``. See the module docstring for what is learnt and how."""
    notes: list[str] = []
    cases, events, lo, hi = _window(log, start, end, procedures)
    calendar = log.calendar
    cases = _case_attributes(cases, events, calendar, hi, notes)
    events = _timed_events(events, cases, calendar, notes)
    group_of = cases.set_index("case_id")["group"]
    events["group"] = group_of.reindex(events["case_id"]).to_numpy()
    batches, batched = _batches(events, cases, notes)
    pools, pool_of = _pools(events, log.events, _batch_trips(events, cases, batched), calendar,
                            lo, hi, notes)
    # processes are learnt from the dossiers handled as the procedures are handled now
    events = events.loc[events["case_id"].isin(cases.loc[cases["current"], "case_id"])]
    processes, scales = [], {}
    lent = _borrowed(events, cases)
    model_of = cases.groupby("group")["model"].agg(lambda m: m.value_counts().index[0])
    entries: dict[str, _Entries] = {}
    for group, ev in events.groupby("group", sort=True):
        process, group_scales, entries[str(group)] = _process(
            str(group), ev, cases, batched, pool_of, lent.get(model_of[group], {}))
        processes.append(process)
        scales.update({(process.id, pid): value for pid, value in group_scales.items()})
    procs = _procedures(cases, calendar, lo, hi, scales, notes)
    office = calendar.office_hours
    extra = sorted(set(events["activity"]) - known_activities())
    model = Model(
        name=name, procedures=procs, processes=processes, pools=pools, batches=batches,
        calendar=CalendarSpec(sessions=[[s.strftime("%H:%M"), e.strftime("%H:%M")]
                                        for s, e in office.sessions],
                              weekdays=list(office.weekdays)),
        deadlines=Deadlines(apology=bool((log.events["activity"] == "apology_reschedule").any()),
                            apology_lead_days=0.5,
                            same_day_cutoff=same_day_cutoff(cases, calendar)
                            if "due_at" in cases else None),
        extra_activities=extra).validate()
    model.warmup_days = _warmup_days(cases, log)
    if pools:
        kinds = cases.set_index(cases["case_id"].astype(str))
        times = step_times(events, kinds["arrival"], group_of, calendar)
        label = partial(_label_steps, entries=entries)
        target = step_stats(times.assign(step=label(times, kinds)))
        tuned = calibrate(model, target, calendar, lo, hi, label=label)
        notes.append(tuned.note())
        notes.extend(tuned.changes)
    return Discovery(model=model.validate(), start=lo, end=hi, cases=len(cases), notes=notes)


def _label_steps(times: pd.DataFrame, kinds: pd.DataFrame,
                 entries: dict[str, _Entries]) -> pd.Series:
    """The step each timed event entered (``calibration.step_times`` rows; ``kinds``: the
    dossiers' channel and digitised, by case id)."""
    frame = times[["group", "activity", "before", "after"]].assign(
        channel=kinds["channel"].astype(str).reindex(times["case_id"]).to_numpy(),
        digitised=kinds["digitised"].astype(bool).reindex(times["case_id"]).to_numpy())
    keys = frame.drop_duplicates()
    keys = keys.assign(step=[entries[g].of(a, b, n, c, d) if g in entries else None
                             for g, a, b, n, c, d in keys.itertuples(index=False)])
    return frame.merge(keys, how="left", on=list(frame.columns))["step"].set_axis(times.index)


def _warmup_days(cases: pd.DataFrame, log: AnalysisLog) -> float:
    """Days to simulate before the window so that it starts with the dossiers in progress it
    had: the ``WARMUP_QUANTILE`` quantile of the window's dossiers' calendar days from
    arrival to their last event, within ``MIN_WARMUP`` – ``MAX_WARMUP``."""
    last = log.cases.set_index("case_id")["last_timestamp"].reindex(cases["case_id"])
    days = (pd.Series(last.to_numpy()) - pd.Series(cases["arrival"].to_numpy())) \
        .dt.total_seconds() / 86400.0
    span = float(days.quantile(WARMUP_QUANTILE)) if days.notna().any() else MIN_WARMUP
    return float(min(max(math.ceil(span), MIN_WARMUP), MAX_WARMUP))


# -- the window and the dossiers ---------------------------------------------------------------

def _local_day(value: Any, what: str) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise DiscoveryError(f"{what} {value!r} is not a date.",
                             fix="give an ISO date such as 2023-01-01.") from None
    return ts.tz_localize("Asia/Ho_Chi_Minh") if ts.tzinfo is None else ts


def _window(log: AnalysisLog, start: Any, end: Any, procedures: list[str] | None):
    cases = log.cases
    received = cases["received_at"].dt.tz_convert("Asia/Ho_Chi_Minh")
    # a window reaching a week or more beyond the log is cut to it: rates are per working day
    # of the log
    first, last = received.min().normalize(), received.max().normalize() + pd.Timedelta(days=1)
    week = pd.Timedelta(days=7)
    lo = first if start is None else _local_day(start, "start")
    hi = last if end is None else _local_day(end, "end")
    lo = first if first - lo >= week else lo
    hi = last if hi - last >= week else hi
    keep = (received >= lo) & (received < hi)
    if procedures is not None:
        if "procedure_id" not in cases:
            raise DiscoveryError("procedures were named but the log has no procedure column.",
                                 fix="import a log with a procedure (thủ tục) column.")
        keep &= cases["procedure_id"].astype("string").isin([str(p) for p in procedures])
    cases = cases.loc[keep].reset_index(drop=True)
    if len(cases) < 10:
        raise DiscoveryError(
            f"only {len(cases)} dossiers were received between {lo:%d/%m/%Y} and "
            f"{hi:%d/%m/%Y}; a model needs at least 10.",
            fix="widen the window (start/end) or choose procedures with more dossiers.")
    events = log.events
    events = events.loc[events["case_id"].isin(cases["case_id"])].copy()
    return cases, events, lo, hi


def _case_attributes(cases: pd.DataFrame, events: pd.DataFrame, calendar, hi,
                     notes) -> pd.DataFrame:
    out = pd.DataFrame({"case_id": cases["case_id"].to_numpy()})
    cases = cases.assign(agency=_case_agency(cases, events, notes))
    for column, default, note in (
            ("procedure_id", "all", "no procedure column: one procedure 'all'"),
            ("agency", "centre", "no agency column: one agency 'centre'"),
            ("model", "transfer", None)):
        if column in cases and cases[column].notna().any():
            out[column] = cases[column].astype("string").fillna(default).to_numpy()
        else:
            out[column] = default
            if note:
                notes.append(note)
    if "channel" in cases and cases["channel"].notna().any():
        channel = cases["channel"].astype("string").fillna("in_person")
        unknown = ~channel.isin(CHANNELS)
        if unknown.any():
            online = channel.str.startswith("online") & unknown
            notes.append(f"{int(unknown.sum())} dossiers have a channel outside {CHANNELS}: "
                         "'online…' ones are simulated as online_partial, others as in_person")
            channel = channel.mask(online, "online_partial").mask(unknown & ~online, "in_person")
        out["channel"] = channel.to_numpy()
    else:
        out["channel"] = "in_person"
        notes.append("no channel column: every dossier simulated as filed in person")
    for column in ("digitised", "paid_online"):
        out[column] = (cases[column].fillna(False).astype(bool).to_numpy()
                       if column in cases else False)
    out["fee"] = (pd.to_numeric(cases["fee"], errors="coerce").fillna(0.0).to_numpy()
                  if "fee" in cases else 0.0)
    out["received_at"] = cases["received_at"].dt.tz_convert("Asia/Ho_Chi_Minh").array
    if "legal_days" in cases and cases["legal_days"].notna().any():
        out["legal_days"] = pd.to_numeric(cases["legal_days"], errors="coerce").to_numpy()
    elif "due_at" in cases and cases["due_at"].notna().any():
        given = pd.DataFrame({"procedure_id": out["procedure_id"],
                              "received_at": cases["received_at"].to_numpy(),
                              "due_at": cases["due_at"].to_numpy()})
        out["legal_days"] = legal_days_from_due(given, calendar, hi).to_numpy()
        notes.append("no legal time column: each procedure's legal time read from its due "
                     "dates (the median of its recent dossiers' working days from receipt to "
                     "due date)")
    else:
        out["legal_days"] = np.nan
    if "due_at" in cases:
        out["due_at"] = cases["due_at"].to_numpy()
    out["lead_days"] = cases["lead_time_working_days"].to_numpy(dtype=float)
    if "procedure_name" in cases:
        out["name"] = cases["procedure_name"].astype("string").fillna("").to_numpy()
    # the dossiers under the legal time and handling model a procedure has at the window's end
    order = out["received_at"].argsort(kind="stable")
    regime = out["legal_days"].fillna(-1.0).astype(str) + "|" + out["model"].astype(str)
    last = regime.iloc[order].groupby(out["procedure_id"].iloc[order]).last()
    out["current"] = (regime == last.reindex(out["procedure_id"]).to_numpy()).to_numpy()
    changed = int((~out["current"]).sum())
    if changed:
        notes.append(f"{changed} dossiers received before their procedure's legal time or "
                     "handling model last changed count for arrivals and staff, not for the "
                     "process")
    size = out.groupby("procedure_id")["current"].transform("sum")
    charges = out.groupby("procedure_id")["fee"].transform("median") > 0
    steps = _own_steps(out.loc[out["current"]], events).reindex(out["procedure_id"]).fillna("")
    out["group"] = [ident(f"{a}.{m}" + (f".{p}" if n >= OWN_PROCESS else
                                        (".fee" if f else "") + (f".{s}" if s else "")))
                    for a, m, p, n, f, s in zip(out["agency"], out["model"],
                                                out["procedure_id"], size, charges, steps)]
    # a dossier received before its first event (a log whose receipt date is a dossier
    # field) waits from then for its first step
    received = pd.Series(out["received_at"].to_numpy(), index=out["case_id"].astype(str))
    out["arrival"] = arrival_times(events, received).reindex(out["case_id"].astype(str)) \
        .dt.tz_convert("Asia/Ho_Chi_Minh").array
    return out


def _case_agency(cases: pd.DataFrame, events: pd.DataFrame, notes) -> pd.Series | None:
    """Each dossier's agency: the log's dossier column, else the agency of its handling
    steps: the agency of most of its events other than the centre's (the agency found in
    ``CENTRE_SHARE`` of the dossiers, which receives and returns them all), else the
    centre's."""
    if "agency" in cases and cases["agency"].notna().any():
        return cases["agency"]
    if "agency" not in events or events["agency"].isna().all():
        return None
    ev = events.loc[events["agency"].notna(), ["case_id", "agency"]].astype(str)
    reach = ev.drop_duplicates().groupby("agency").size() / max(len(cases), 1)
    centre = reach.idxmax() if len(reach) > 1 and reach.max() >= CENTRE_SHARE else None
    own = ev.loc[ev["agency"] != centre] if centre is not None else ev
    top = own.groupby("case_id")["agency"].agg(lambda a: a.value_counts().index[0])
    agency = top.reindex(cases["case_id"].astype(str)).fillna(centre or pd.NA)
    notes.append("no agency column: each dossier's agency read from its handling steps"
                 + (f" (the centre, '{centre}', receives them all)" if centre else ""))
    return pd.Series(agency.to_numpy(), index=cases.index, dtype="string")


def _own_steps(cases: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
    """Per procedure, the steps that set it apart (joined by "+"): activities that, among the
    dossiers of one kind (handling model, channel, digitised, fee, paid online), some
    procedures (``MIN_ROUTE`` dossiers of the kind) never do and others mostly do (a site
    inspection, a consultation; not the digitisation of digitised paper dossiers), which it
    does for ``OWN_STEP`` of its dossiers. Procedures that differ in them do not share a
    process."""
    done = events[["case_id", "activity"]].drop_duplicates()
    done = done.loc[done["case_id"].isin(cases["case_id"])]
    kind = ["model", "channel", "digitised", "paid_online", "charged"]
    attrs = cases.assign(charged=cases["fee"] > 0).set_index("case_id")[["procedure_id", *kind]]
    done = done.join(attrs, on="case_id")
    kinds = attrs.groupby(["procedure_id", *kind]).size().rename("n")
    share = done.groupby(["procedure_id", *kind, "activity"]).size() \
        .rename("k").reset_index().join(kinds, on=["procedure_id", *kind])
    share = share.loc[share["n"] >= MIN_ROUTE]
    share["share"] = share["k"] / share["n"]
    apart = set()
    for key, g in kinds.reset_index().groupby(kind):
        counted = g.loc[g["n"] >= MIN_ROUTE, "procedure_id"]
        if len(counted) < 2:
            continue
        shares = share.loc[(share[kind] == pd.Series(key, index=kind)).all(axis=1)]
        table = shares.pivot_table(index="procedure_id", columns="activity", values="share") \
            .reindex(counted).fillna(0.0)
        apart |= {a for a in table if table[a].min() <= 0.05 and table[a].max() >= 0.5}
    if not apart:
        return pd.Series(dtype="string")
    overall = done.loc[done["activity"].isin(apart)].groupby(
        ["procedure_id", "activity"]).size().unstack(fill_value=0)
    overall = overall.div(attrs.groupby("procedure_id").size().reindex(overall.index), axis=0)
    return overall.apply(lambda row: "+".join(sorted(a for a, v in row.items()
                                                     if v >= OWN_STEP)), axis=1)


def _timed_events(events: pd.DataFrame, cases: pd.DataFrame, calendar, notes) -> pd.DataFrame:
    """The events that become steps, with their times on the clock: ``sojourn`` (from the
    dossier's previous event or its arrival), ``service`` and ``wall`` (wall-clock minutes)."""
    ev = events.sort_values(["case_id", "timestamp"], kind="stable")
    ev = ev.loc[~ev["activity"].isin(GENERATED)].reset_index(drop=True)
    ev["activity"] = ev["activity"].astype(str)
    same = ev["case_id"].eq(ev["case_id"].shift())
    ts = ev["timestamp"].dt.tz_convert("UTC")
    arrival = cases.set_index("case_id")["arrival"].dt.tz_convert("UTC")
    first_ready = pd.Series(arrival.reindex(ev["case_id"]).array, index=ev.index)
    prev_ts = ts.shift().where(same).fillna(first_ready)
    clock = ev["clock"].to_numpy(dtype=float)
    prev_clock = calendar.to_clock(prev_ts)
    ev["prev_activity"] = ev["activity"].shift().where(same)
    ev["sojourn"] = np.maximum(clock - prev_clock, 0.0)
    ev["wall"] = np.maximum((ts - prev_ts).dt.total_seconds().to_numpy() / 60.0, 0.0)
    ev["end_clock"] = clock
    ev["ready_clock"] = prev_clock
    ev["ready_ts"] = prev_ts.dt.tz_convert("Asia/Ho_Chi_Minh")
    has_resource = "resource" in ev and ev["resource"].notna().any()
    if "start_clock" in ev and ev["start_clock"].notna().any():
        start = np.clip(ev["start_clock"].to_numpy(dtype=float), prev_clock, clock)
        start = np.where(np.isnan(start), clock, start)
        notes.append("service times measured from the log's start times")
    elif has_resource:
        by_resource = ev.sort_values(["resource", "timestamp"], kind="stable")
        before = by_resource["clock"].shift().where(
            by_resource["resource"].eq(by_resource["resource"].shift()))
        before = before.reindex(ev.index).to_numpy(dtype=float)
        start = np.where(np.isnan(before), prev_clock, np.maximum(prev_clock, before))
        start = np.minimum(start, clock)
        # an officer idle before the event would make it look long: an estimate over
        # OUTLIER times its activity's median is taken as that median
        estimate = pd.Series(clock - start, index=ev.index)
        typical = estimate.groupby(ev["activity"]).transform("median").to_numpy()
        start = np.where(estimate.to_numpy() > OUTLIER * typical, clock - typical, start)
        notes.append("no start times: service estimated from resource availability (it began "
                     "when both the dossier's previous step and the officer's previous event "
                     f"were done; an estimate over {OUTLIER:g} times its activity's median is "
                     "taken as the median)")
    else:
        start = clock
        notes.append("no resources: every step is a delay without officers (staffing "
                     "scenarios have no effect)")
    service = clock - start
    if has_resource:
        service = np.where(ev["resource"].isna().to_numpy(), 0.0, service)
    ev["service"] = service
    return ev


# -- batching ----------------------------------------------------------------------------------

def _paper(cases: pd.DataFrame) -> pd.Series:
    """Whether each dossier moves on paper: filed at the counter or by post, not digitised."""
    c = cases.set_index("case_id")
    return ~c["channel"].isin(ONLINE_CHANNELS) & ~c["digitised"]


def _batches(events: pd.DataFrame, cases: pd.DataFrame, notes) -> tuple[list, dict]:
    """Batch schedules of activities whose paper dossiers' events end in bunches;
    ``batched`` maps activity → (schedule id, trip durations, the kinds that wait for it)."""
    schedules, batched = [], {}
    paper = _paper(cases)
    for activity, every in events.groupby("activity", sort=True):
        ev = every.loc[paper.reindex(every["case_id"]).to_numpy()]
        if activity in CITIZEN_WAITS or len(ev) < 30:
            continue
        size = ev.groupby("timestamp")["case_id"].transform("size")
        bunched = size >= 3
        if bunched.mean() < BATCH_SHARE:
            continue
        bunch = ev.loc[bunched]
        ready = bunch.groupby("timestamp")["ready_ts"].max()
        ends = pd.Series(ready.index, index=ready.index).dt.tz_convert(TZ)
        releases, trip = _releases(_minute_of_day(ready), _minute_of_day(ends))
        if not releases:
            continue
        sid = f"batch.{ident(activity)}"
        schedules.append(BatchSchedule(
            id=sid, release_times=[f"{int(r // 60):02d}:{int(r % 60):02d}" for r in releases]))
        batched[activity] = (sid, _empirical(trip), _waiting_kinds(every, cases))
        notes.append(f"'{activity}' of paper dossiers runs in batches released at "
                     f"{', '.join(schedules[-1].release_times)}")
    return schedules, batched


def _minute_of_day(stamps: pd.Series) -> np.ndarray:
    local = stamps.dt.tz_convert(TZ)
    return (local.dt.hour * 60 + local.dt.minute + local.dt.second / 60).to_numpy(dtype=float)


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


def _waits(batched: dict, activity: str, channel: str, digitised: bool) -> bool:
    """Whether a dossier of this kind enters the first variant of ``activity``: of a batched
    activity the batched one, as the log shows for its kind, else when it is filed on paper
    and not digitised; of intake the counter's (filed on paper)."""
    paper = channel not in ONLINE_CHANNELS
    if activity in batched:
        return batched[activity][2].get((channel, bool(digitised)), paper and not digitised)
    return paper if activity == INTAKE else paper and not digitised


# -- pools -------------------------------------------------------------------------------------

def _pool_key(events: pd.DataFrame) -> pd.Series:
    """Agency, role and work of each event's officer: officers of one agency and role are in
    one pool when the activities that make up a tenth or more of their work overlap (case
    handlers and delegated on-spot officers of one role then stay apart)."""
    agency = events["agency"].astype("string").fillna("centre") if "agency" in events else \
        pd.Series("centre", index=events.index, dtype="string")
    role = events["role"].astype("string").fillna("staff") if "role" in events else \
        pd.Series("staff", index=events.index, dtype="string")
    resource = events["resource"].astype(str)
    team = (agency + "\x1f" + role).astype(str)
    share = events.groupby([team, resource])["activity"].value_counts(normalize=True)
    parent: dict[tuple, tuple] = {}

    def root(x: tuple) -> tuple:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    first_with: dict[tuple, tuple] = {}
    for (t, officer, activity), value in share.items():
        if value < 0.1:
            continue
        me = root((t, officer))
        other = first_with.setdefault((t, activity), me)
        parent[root(other)] = me
    label: dict[tuple, str] = {}
    names: dict[tuple, str] = {}
    main = events.groupby(resource)["activity"].agg(lambda a: a.value_counts().index[0])
    for (t, officer) in sorted({(t, o) for t, o, _ in share.index}):
        r = root((t, officer))
        names.setdefault(r, main[officer])
        label[(t, officer)] = f"{t}\x1f{names[r]}"
    return pd.Series([label[(t, o)] for t, o in zip(team, resource)], index=events.index,
                     dtype="string")


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


def _batch_trips(events: pd.DataFrame, cases: pd.DataFrame, batched: dict) -> np.ndarray:
    """Whether each event is a batch trip: a batched activity of a kind of dossier that
    waits for the batch."""
    kinds = cases.set_index("case_id")[["channel", "digitised"]].reindex(events["case_id"])
    return np.array([a in batched and _waits(batched, a, c, d) for a, c, d in
                     zip(events["activity"], kinds["channel"], kinds["digitised"])], dtype=bool)


def _pools(events: pd.DataFrame, log_events: pd.DataFrame, trips: np.ndarray, calendar, lo,
           hi, notes) -> tuple[list, dict]:
    """Pools of officers, and per (group, activity) the pool that serves it. A pool's staff
    follows the officers at work each day of the window (``_staffing``), counted on all
    the log's events of the window (dossiers received before it included). Batch ``trips``
    (a courier carrying a bunch of dossiers) hold no officer's place."""
    if "resource" not in events or events["resource"].isna().all():
        return [], {}
    ev = events.loc[events["resource"].notna() & (events["service"] > 0) & ~trips]
    ev = ev.assign(pool=_pool_key(ev).to_numpy())
    span = float(np.asarray(calendar.working_minutes_between(lo, hi)).ravel()[0])
    pools, pool_id = [], {}
    roles = pd.Series([k.rsplit("\x1f", 1)[0] for k in ev["pool"].unique()]).value_counts()
    at_work = _officers_per_day(ev, log_events, lo, hi)
    for key, grp in ev.groupby("pool", sort=True):
        officers = sorted(grp["resource"].astype(str).unique())
        agency, role, main = key.split("\x1f")
        daily = at_work.get(key, pd.Series(dtype=float))
        staff, changes = _staffing(daily, lo, hi) if len(daily) else (len(officers), {})
        staff = max(1, min(len(officers), staff))
        changes = {d: max(1, min(len(officers), v)) for d, v in changes.items()}
        mean_staff = float(np.mean([staff, *changes.values()]))
        work = float(grp["service"].sum())
        files = max(1, math.ceil(work / (mean_staff * max(span, 1.0) * TARGET_UTILISATION)),
                    math.ceil(_files_in_hand(grp)))
        shared = roles[f"{agency}\x1f{role}"] > 1
        pool_id[key] = ident(f"{agency}.{role}" + (f".{main}" if shared else ""))
        largest = max([staff, *changes.values()])
        pools.append(ResourcePool(id=pool_id[key], agency=agency, role=role, capacity=staff,
                                  names=officers[:largest], concurrency=files,
                                  capacity_changes=changes or None))
    pool_of = {k: pool_id[v] for k, v in ev.groupby(["group", "activity"])["pool"]
               .agg(lambda s: s.value_counts().index[0]).items()}
    notes.append(f"{len(pools)} resource pools from {ev['resource'].nunique()} officers, "
                 "staffed month by month as the log shows them at work")
    return pools, pool_of


def _officers_per_day(ev: pd.DataFrame, log_events: pd.DataFrame, lo, hi) -> dict:
    """Per pool, its officers at work on each local day of the window."""
    member = ev.drop_duplicates("resource").set_index(ev.drop_duplicates("resource")[
        "resource"].astype(str))["pool"]
    stamps = log_events["timestamp"].dt.tz_convert(TZ)
    inside = ((stamps >= lo) & (stamps < hi)).to_numpy() & log_events["resource"].notna().to_numpy()
    work = pd.DataFrame({"pool": log_events.loc[inside, "resource"].astype(str).map(member),
                         "resource": log_events.loc[inside, "resource"].astype(str),
                         "day": stamps[inside].dt.date}).dropna(subset=["pool"])
    counts = work.groupby(["pool", "day"])["resource"].nunique()
    return {k: v.droplevel(0) for k, v in counts.groupby(level=0)}


# -- processes ---------------------------------------------------------------------------------

def _empirical(values: np.ndarray, basis: str = "working") -> Duration:
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    if not len(values):
        return Duration(kind="fixed", mean=0.0, basis=basis)
    q = np.quantile(np.maximum(values, 0.0), np.linspace(0, 1, QUANTILES))
    q = np.maximum.accumulate(np.round(q, 4))
    if q[-1] <= 0:
        return Duration(kind="fixed", mean=0.0, basis=basis)
    return Duration(kind="empirical", quantiles=[float(v) for v in q], basis=basis)


def _grows_with_legal_time(a: pd.DataFrame, times: np.ndarray, legal_of: pd.Series) -> bool:
    """Whether a step's ``times`` grow with the procedures' legal times (the appraisal does,
    a transfer does not): at least three procedures with ``LEGAL_SUPPORT`` dossiers each, of
    different legal times, whose mean times rank with them (Spearman ρ ≥ ``LEGAL_RHO``)."""
    stats = pd.Series(times, index=a.index).groupby(a["procedure_id"]).agg(["mean", "size"])
    stats = stats.loc[stats["size"] >= LEGAL_SUPPORT]
    legal = legal_of.reindex(stats.index)
    if len(stats) < 3 or legal.nunique() < 3:
        return False
    rho = stats["mean"].rank().corr(legal.rank())
    return bool(rho >= LEGAL_RHO)


def _legal_units(a: pd.DataFrame, times: np.ndarray, legal_of: pd.Series) -> pd.Series:
    """Per procedure, the legal days its ``times`` grow with: its legal time less the reserve
    where the line of the procedures' mean times (``LEGAL_SUPPORT`` dossiers or more, weighted
    by their number) on legal time reaches zero (the steps around keep that much of every
    legal time), at least half its legal time."""
    stats = pd.Series(times, index=a.index).groupby(a["procedure_id"]).agg(["mean", "size"])
    stats = stats.loc[stats["size"] >= LEGAL_SUPPORT]
    legal = legal_of.reindex(stats.index).to_numpy(dtype=float)
    reserve = 0.0
    if len(np.unique(legal)) >= 2:
        slope, intercept = np.polyfit(legal, stats["mean"].to_numpy(dtype=float), 1,
                                      w=np.sqrt(stats["size"].to_numpy(dtype=float)))
        if slope > 0:
            reserve = float(np.clip(-intercept / slope, 0.0, legal.max()))
    return (legal_of - reserve).clip(lower=legal_of / 2)


def _own_scales(a: pd.DataFrame, times: np.ndarray, units: pd.Series) -> pd.Series:
    """Per procedure, the scale of a step kept in legal days' ``units``: its units, times the
    ratio of its own mean time to the one its units give, shrunk towards 1 with ``SHRINK``
    dossiers of weight (a procedure with many dossiers keeps its own time; one with few
    follows its legal time)."""
    per_unit = float(np.mean(times / a["procedure_id"].map(units).to_numpy(dtype=float)))
    if per_unit <= 0:
        return units
    stats = pd.Series(times, index=a.index).groupby(a["procedure_id"]).agg(["mean", "size"])
    ratio = _shrunk(stats["mean"] / (units.reindex(stats.index) * per_unit), stats["size"])
    return units * ratio.reindex(units.index).fillna(1.0)


def _shrunk(ratio, size):
    """A procedure's ratio of its own mean time to its group's, shrunk towards 1 with
    ``SHRINK`` dossiers of weight."""
    return (size * ratio + SHRINK) / (size + SHRINK)


def _wait_quantiles(sojourn: np.ndarray, service: np.ndarray) -> list[float]:
    """Quantiles of the in-tray wait: those of the step time less those of the service (wait
    and service are drawn apart, so their difference per event, which couples a long service
    with a short wait, would spread the step time too wide)."""
    p = np.linspace(0, 1, QUANTILES)
    q = np.quantile(sojourn, p) - np.quantile(service, p)
    return [float(v) for v in np.maximum.accumulate(np.round(np.maximum(q, 0.0), 4))]


def _process(group: str, ev: pd.DataFrame, cases: pd.DataFrame, batched: dict,
             pool_of: dict, borrowed: dict) -> tuple[Process, dict]:
    """The process of one group and the per-procedure scales of its in-tray waits."""
    steps: list[Step] = []
    entry: dict[str, dict[bool, str]] = {}   # activity -> {paper?: the step entered}
    contexts: dict[tuple[str, str, str], str] = {}  # (activity, before, after) -> step entered
    sources: dict[str, list[str]] = {}       # activity -> its logged steps
    max_visits = ev.groupby(["case_id", "activity"]).size().groupby(level=1).max()
    ev = ev.assign(procedure_id=cases.set_index("case_id")["procedure_id"]
                   .reindex(ev["case_id"]).to_numpy(),
                   before=ev["prev_activity"].fillna(START),
                   after=ev.groupby("case_id", sort=False)["activity"].shift(-1).fillna(END),
                   goes_on=_goes_on(ev))
    used_ids: set[str] = {START, END}
    scaled_steps: list[tuple[str, str, str]] = []   # (activity, step, "wait" | "service")
    legal_scaled: dict[str, dict[str, float]] = {}
    legal_of = cases.groupby("procedure_id")["legal_days"].last().fillna(1.0).clip(lower=0.5)
    members = ev["procedure_id"].unique()   # a step in legal days' units scales for them all

    def new_id(text: str) -> str:
        out = ident(text)
        while out in used_ids:
            out += "_"
        used_ids.add(out)
        return out

    def ordinary(activity: str, a: pd.DataFrame, cap: int, suffix: str = "",
                 priority: int = 0) -> str:
        """A wait (when there is one) and the officer's service; returns the entry step."""
        step_id = new_id(activity + suffix)
        label = None if step_id == activity else activity
        pool = pool_of.get((group, activity))
        service = a["service"].to_numpy(dtype=float) if pool else np.zeros(len(a))
        sojourn = a["sojourn"].to_numpy(dtype=float)
        wait = np.maximum(sojourn - service, 0.0)
        # the officer of the step before goes straight on with this one (no wait, no queue)
        goes_on = bool(pool) and bool(a["goes_on"].mean() >= CONTINUE_SHARE)
        if goes_on:
            sojourn = service
        # a step whose time grows with the legal time keeps its wait, and its service too when
        # that grows with it (an officer's work spread over days: the appraisal), in legal
        # days' units, which each procedure scales by its own
        per_legal = _grows_with_legal_time(a, sojourn, legal_of)
        service_per_legal = per_legal and _grows_with_legal_time(a, service, legal_of)
        if per_legal:
            wait_units = _legal_units(a, wait, legal_of)
            delay = _empirical(wait / a["procedure_id"].map(wait_units).to_numpy(dtype=float)
                               ).quantiles or [0, 0]
        else:
            delay = _wait_quantiles(sojourn, service)
        first = step_id
        if delay[-1] > 0:
            first = new_id(step_id + WAIT_SUFFIX)
            steps.append(Step(id=first, activity=activity, logged=False, max_visits=cap,
                              duration=Duration(kind="empirical", quantiles=delay)))
            if per_legal:
                own = _own_scales(a, wait, wait_units)
                for pid in members:
                    legal_scaled.setdefault(str(pid), {})[first] = round(float(own[pid]), 4)
            else:
                scaled_steps.append((activity, first, "wait"))
        if service_per_legal:
            service_units = _legal_units(a, service, legal_of)
            own = _own_scales(a, service, service_units)
            service = service / a["procedure_id"].map(service_units).to_numpy(dtype=float)
            for pid in members:
                legal_scaled.setdefault(str(pid), {})[step_id] = round(float(own[pid]), 4)
        elif pool:
            scaled_steps.append((activity, step_id, "service"))
        steps.append(Step(id=step_id, activity=label, pool=pool, duration=_empirical(service),
                          max_visits=None if first != step_id else cap, priority=priority,
                          continues=goes_on))
        sources.setdefault(activity, []).append(step_id)
        return first

    for activity, a in ev.groupby("activity", sort=True):
        cap = int(max_visits.get(activity, 1))
        if activity in CITIZEN_WAITS:
            step_id = new_id(activity)
            steps.append(Step(id=step_id, activity=None if step_id == activity else activity,
                              duration=_empirical(a["wall"], "calendar"),
                              pauses_legal_clock=True if activity == "withdraw" else None,
                              max_visits=cap))
            sources[activity] = [step_id]
            entry[activity] = {True: step_id, False: step_id}
        elif activity in batched:
            batch_id, trip, _ = batched[activity]
            kinds = cases.set_index("case_id")[["channel", "digitised"]].reindex(a["case_id"])
            on_paper = np.array([_waits(batched, activity, c, d) for c, d in
                                 zip(kinds["channel"], kinds["digitised"])], dtype=bool)
            step_id = new_id(activity)
            steps.append(Step(id=step_id, activity=None if step_id == activity else activity,
                              duration=trip, batch=batch_id, max_visits=cap))
            sources[activity] = [step_id]
            other = step_id
            if (~on_paper).any():
                other = ordinary(activity, a.loc[~on_paper], cap, ".electronic")
            entry[activity] = {True: step_id, False: other}
        else:
            parts = [(a, "")]
            if activity == INTAKE:
                # an online dossier waits for the counter to take it up; a paper one is
                # received as it comes
                paper = ~cases.set_index("case_id")["channel"].reindex(a["case_id"]) \
                    .isin(ONLINE_CHANNELS).to_numpy()
                if min(paper.sum(), (~paper).sum()) >= MIN_ROUTE:
                    parts = [(a.loc[paper], ""), (a.loc[~paper], ".online")]
            else:
                # the work done between other steps than usual (before a supplement is
                # asked, after it is brought) has steps of its own, which routes enter
                apart = _contexts(a)
                for k, (before, after, rows) in enumerate(apart, start=1):
                    contexts[(activity, before, after)] = ordinary(activity, a.loc[rows], cap,
                                                                   f".{k}")
                parts = [(a.drop(index=[i for *_, rows in apart for i in rows]), "")]
            # the counter takes online dossiers up between the citizens standing at it
            firsts = [ordinary(activity, part, cap, suffix,
                               ONLINE_PRIORITY if suffix == ".online" else 0)
                      for part, suffix in parts]
            entry[activity] = {True: firsts[0], False: firsts[-1]}
    transitions = [Transition(source=s.id, target=_served_by(s.id, steps))
                   for s in steps if not s.logged]
    entries = _Entries(entry=entry, contexts=contexts, batched=batched)
    ev = ev.assign(rank=_ranks(ev, cases, entries))
    routing, routes = _routing(ev, cases, entry, contexts, sources, borrowed, batched)
    result = next((a for a in RESULT_READY if a in sources), None)
    process = Process(
        id=group, steps=steps, transitions=transitions + routing, routes=routes,
        receipt_step=sources["receive"][0] if len(sources.get("receive", [])) == 1 else None,
        result_step=sources[result][0] if result and len(sources[result]) == 1 else None,
        delivery_step=sources["deliver_result"][0]
        if len(sources.get("deliver_result", [])) == 1 else None)
    scales = _scales(ev, scaled_steps)
    for pid, values in legal_scaled.items():
        scales.setdefault(pid, {}).update(values)
    return process, scales, entries


def _ranks(ev: pd.DataFrame, cases: pd.DataFrame, entries: _Entries) -> np.ndarray:
    """Each event's rank (0–1) among the events of the step it entered, by its step time."""
    kinds = cases.set_index("case_id")[["channel", "digitised"]].reindex(ev["case_id"])
    frame = pd.DataFrame({"activity": ev["activity"].to_numpy(),
                          "before": ev["before"].to_numpy(), "after": ev["after"].to_numpy(),
                          "channel": kinds["channel"].astype(str).to_numpy(),
                          "digitised": kinds["digitised"].astype(bool).to_numpy()})
    keys = frame.drop_duplicates()
    keys = keys.assign(step=[entries.of(*row) for row in keys.itertuples(index=False)])
    step = frame.merge(keys, how="left", on=list(frame.columns))["step"].to_numpy()
    times = pd.Series(ev["sojourn"].to_numpy(dtype=float))
    order = times.groupby(step).rank(method="average")
    count = times.groupby(step).transform("size")
    return np.round(((order - 0.5) / count).to_numpy(), 3)


def _goes_on(ev: pd.DataFrame) -> pd.Series:
    """Whether each event is done by the officer of the dossier's event before it, straight
    after it (started within a minute of its end: only a log with start times shows it)."""
    if "resource" not in ev or ev["resource"].isna().all() or "start_clock" not in ev \
            or ev["start_clock"].isna().all():
        return pd.Series(False, index=ev.index)
    same = ev["case_id"].eq(ev["case_id"].shift())
    officer = ev["resource"].astype(str)
    return (same & ev["resource"].notna() & officer.eq(officer.shift())
            & ((ev["start_clock"] - ev["ready_clock"]).abs() <= 1.0))


def _contexts(a: pd.DataFrame) -> list[tuple[str, str, pd.Index]]:
    """The contexts (the activities before and after) in which an activity takes a time of
    its own: those with ``MIN_ROUTE`` events whose mean step time differs by more than
    ``CONTEXT_GAP`` from that of the activity's most common context (at most
    ``MAX_CONTEXTS``), each with its rows."""
    keys = a["before"].astype(str) + "\x1f" + a["after"].astype(str)
    sizes = keys.value_counts()
    usual = keys == sizes.index[0]
    base = float(a.loc[usual, "sojourn"].mean())
    out = []
    for key, n in sizes.iloc[1:].items():
        if n < MIN_ROUTE or len(out) >= MAX_CONTEXTS:
            continue
        rows = a.index[(keys == key).to_numpy()]
        mean = float(a.loc[rows, "sojourn"].mean())
        if abs(mean - base) > CONTEXT_GAP * max(base, 1.0):
            before, after = key.split("\x1f")
            out.append((before, after, rows))
    return out


@dataclass
class _Entries:
    """The step a dossier enters for each activity of a process: by whether it waits for a
    batch or the counter (``entry``), or by the activities around it (``contexts``)."""

    entry: dict[str, dict[bool, str]]
    contexts: dict[tuple[str, str, str], str]
    batched: dict

    def of(self, activity: str, before: str, after: str, channel: str,
           digitised: bool) -> str | None:
        found = self.contexts.get((activity, before, after))
        if found is not None:
            return found
        if activity not in self.entry:
            return None
        return self.entry[activity][_waits(self.batched, activity, channel, digitised)]


def _served_by(wait_id: str, steps: list[Step]) -> str:
    """The service step that follows the in-tray wait ``wait_id``."""
    ids = [s.id for s in steps]
    return ids[ids.index(wait_id) + 1]


def _hops(ev: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Each dossier's moves from ``start`` through its activities to ``end``, with its kind
    (channel, paper, digitised, paid online)."""
    attrs = cases.set_index("case_id")[["channel", "digitised", "paid_online"]]
    last = ~ev["case_id"].eq(ev["case_id"].shift(-1))
    hops = pd.DataFrame({
        "case_id": pd.concat([ev["case_id"], ev.loc[last, "case_id"]], ignore_index=True),
        "source": pd.concat([ev["prev_activity"].fillna(START), ev.loc[last, "activity"]],
                            ignore_index=True),
        "target": pd.concat([ev["activity"], pd.Series(END, index=ev.index[last])],
                            ignore_index=True)})
    hops = hops.join(attrs, on="case_id")
    hops["paper"] = ~hops["channel"].isin(ONLINE_CHANNELS)
    return hops


def _borrowed(events: pd.DataFrame, cases: pd.DataFrame) -> dict:
    """Per handling model, the moves of all its dossiers by paper or online and digitised:
    what a process borrows for a kind it has too few dossiers of (a centre-wide practice,
    such as digitising paper dossiers after receipt)."""
    hops = _hops(events, cases)
    model = cases.set_index("case_id")["model"]
    hops["model"] = model.reindex(hops["case_id"]).to_numpy()
    return {m: _distributions(h, ["paper", "digitised"], MIN_ROUTE)
            for m, h in hops.groupby("model", sort=True)}


def _routing(ev: pd.DataFrame, cases: pd.DataFrame, entry: dict[str, dict[bool, str]],
             contexts: dict[tuple[str, str, str], str], sources: dict[str, list[str]],
             borrowed: dict, batched: dict) -> tuple[list[Transition], list[Route]]:
    """Directly-follows probabilities per kind of dossier (borrowed or pooled where a kind is
    rare), and the whole routes of the kinds with ``MIN_ROUTE`` dossiers (``_routes``); the
    kinds that wait for a batch (``_waits``) enter the batched variant of an activity."""
    attrs = cases.set_index("case_id")[["channel", "digitised", "paid_online"]]
    hops = _hops(ev, cases)
    varied = any(e[True] != e[False] for e in entry.values())
    used = {name: attrs[name].nunique() > 1 or (varied and name != "paid_online")
            for name in attrs}
    split = [name for name in ("channel", "digitised", "paid_online") if used[name]]
    out: list[Transition] = []

    def target_of(name: str, channel: str, digitised: bool) -> str:
        return END if name == END else entry[name][_waits(batched, name, channel, digitised)]

    # a kind with too few dossiers leaving a step borrows from a coarser kind ("paper": filed
    # at the counter or by post)
    levels = [names for names in (split, ["channel", "digitised"],
                                  ["paper", "digitised", "paid_online"], ["paper", "digitised"],
                                  ["digitised", "paid_online"], ["digitised"], ["paid_online"],
                                  ["channel"])
              if names and all(n in split or (n == "paper" and "channel" in split)
                               for n in names)]
    pooled_of = _distributions(hops, [], 1)
    tables = [(names, _distributions(hops, names, MIN_ROUTE)) for names in levels]
    if "digitised" in split and "channel" in split:
        # after the kinds that tell paper from online and digitised, before those that do not
        known = set(hops["target"])
        lent = {key: _restricted(dist, known) for key, dist in borrowed.items()}
        at = next((k for k, (names, _) in enumerate(tables)
                   if names and "paper" not in names and "channel" not in names), len(tables))
        tables.insert(at, (["paper", "digitised"], {k: v for k, v in lent.items() if v}))
    for source in sorted(set(hops["source"])):
        pooled = pooled_of[(source, ())]
        per_class = {}
        for _, channel, digitised, paid in case_classes():
            values = {"channel": channel, "digitised": digitised, "paid_online": paid,
                      "paper": channel not in ONLINE_CHANNELS}
            for names, table in tables:
                found = table.get((source, tuple(values[n] for n in names)))
                if found is not None:
                    per_class[tuple(values[n] for n in split)] = found
                    break
        for source_id in ([START] if source == START else sources[source]):
            if not per_class and not varied:
                out += [Transition(source=source_id, target=target_of(t, CHANNELS[0], False),
                                   probability=float(p)) for t, p in pooled.items()]
                continue
            for _, channel, digitised, paid in case_classes():
                if (not used["channel"] and channel != CHANNELS[0]) \
                        or (not used["digitised"] and digitised) \
                        or (not used["paid_online"] and paid):
                    continue
                values = {"channel": channel, "digitised": digitised, "paid_online": paid}
                dist = per_class.get(tuple(values[name] for name in split), pooled)
                cond = {"channels": [channel] if used["channel"] else None,
                        "digitised": digitised if used["digitised"] else None,
                        "paid_online": paid if used["paid_online"] else None}
                out += [Transition(source=source_id, target=target_of(t, channel, digitised),
                                   probability=float(p), **cond) for t, p in dist.items()]
    def step_of(name: str, before: str, after: str, channel: str, digitised: bool) -> str:
        return contexts.get((name, before, after)) or target_of(name, channel, digitised)

    return out, _routes(ev, attrs, used, step_of)


def _routes(ev: pd.DataFrame, attrs: pd.DataFrame, used: dict[str, bool],
            step_of) -> list[Route]:
    """Per kind of dossier (the kinds the transitions tell apart) with ``MIN_ROUTE`` dossiers,
    the paths its dossiers took, each seen ``MIN_VARIANT`` times or more as a route with its
    share (``MAX_ROUTES`` at most); dossiers of rarer paths walk the transitions. Activities
    done in varying orders (several officers on one dossier at once) so keep their orders
    and counts, which a chain of transitions would mix into loops."""
    paths = ev.groupby("case_id", sort=False)["activity"].agg(tuple)
    ranks = ev.groupby("case_id", sort=False)["rank"].agg(list)
    kinds = attrs.reindex(paths.index)
    names = [n for n in ("channel", "digitised", "paid_online") if used[n]]
    groups = kinds.groupby(names if len(names) > 1 else names[0], sort=True).groups \
        if names else {(): paths.index}
    out = []
    for key, members in groups.items():
        if len(members) < MIN_ROUTE:
            continue
        values = dict(zip(names, key if isinstance(key, tuple) else (key,)))
        channel = values.get("channel", CHANNELS[0])
        digitised = bool(values.get("digitised", False))
        counts = paths.loc[members].value_counts()
        counts = counts[counts >= MIN_VARIANT].head(MAX_ROUTES)
        on_path = pd.Series(list(paths.loc[members]), index=members)
        for path, k in counts.items():
            around = (START, *path, END)
            seen = on_path.index[on_path.map(lambda p, q=path: p == q).to_numpy()]
            out.append(Route(
                steps=[step_of(a, around[i], around[i + 2], channel, digitised)
                       for i, a in enumerate(path)],
                probability=math.floor(k / len(members) * 1e6) / 1e6,
                channels=[channel] if used["channel"] else None,
                digitised=digitised if used["digitised"] else None,
                paid_online=bool(values["paid_online"]) if used["paid_online"] else None,
                ranks=[list(ranks[c]) for c in
                       np.random.default_rng(len(seen)).permutation(seen)[:int(MAX_RANKS)]]))
    return out


def _restricted(dist: dict[str, float], targets: set) -> dict[str, float]:
    """``dist`` over the ``targets`` a process has, renormalised (empty if none)."""
    kept = {t: p for t, p in dist.items() if t in targets}
    total = sum(kept.values())
    return {t: p / total for t, p in kept.items()} if total > 0 else {}


def _distributions(hops: pd.DataFrame, names: list[str], minimum: int) -> dict:
    """``{(source, kind): {target: probability}}`` for the kinds (values of ``names``) with at
    least ``minimum`` dossiers leaving the source."""
    counts = hops.groupby(["source", *names, "target"], sort=True).size()
    counts = counts[counts > 0]
    totals = counts.groupby(level=list(range(len(names) + 1))).transform("sum")
    out: dict = {}
    for index, n in counts[totals >= minimum].items():
        total = totals[index]
        out.setdefault((index[0], tuple(index[1:-1])), {})[index[-1]] = n / total
    return out


def _scales(ev: pd.DataFrame, scaled_steps: list[tuple[str, str, str]]) -> dict:
    """Per procedure, its in-tray waits and services relative to its group's, shrunk
    towards 1."""
    out: dict[str, dict[str, float]] = {}
    if ev["procedure_id"].nunique() < 2:
        return out
    for activity, step_id, part in scaled_steps:
        a = ev.loc[ev["activity"] == activity]
        times = a["service"] if part == "service" else a["sojourn"] - a["service"]
        overall = float(times.mean())
        if overall <= 0:
            continue
        stats = times.groupby(a["procedure_id"]).agg(["mean", "size"])
        for pid, row in stats.iterrows():
            ratio = _shrunk(row["mean"] / overall, row["size"])
            if abs(ratio - 1) > 0.01:
                out.setdefault(str(pid), {})[step_id] = round(float(ratio), 4)
    return out


# -- procedures and arrivals -------------------------------------------------------------------

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


def _procedures(cases: pd.DataFrame, calendar, lo, hi, scales: dict, notes) -> list[Procedure]:
    prof = _profiles(cases, calendar, lo, hi)
    # the arrival rate of a working day of weight 1 (weights average 1 over working days)
    n_days = prof["working_days"]
    if cases["legal_days"].isna().all():
        lead = cases["lead_days"].dropna()
        legal = math.ceil(float(lead.quantile(0.95)) * 2) / 2 if len(lead) else 1.0
        notes.append(f"no legal time in the log: the deadline is set at the 95th percentile "
                     f"of lead times, {legal:g} working days")
        cases = cases.assign(legal_days=legal)
    # the rate of working days; online arrivals on days off follow online_off_day_factor
    arrival = pd.to_datetime(cases["arrival"])
    cases = cases.assign(on_working_day=calendar.is_working_day(arrival.dt.date.to_numpy()))
    present, ahead = _projected_shares(cases, _present_shares(cases, hi), hi)
    out, taken = [], set()
    for pid, c in cases.sort_values("received_at").groupby("procedure_id", sort=True):
        shares = present.loc[pid]
        channels = {ch: round(float(shares[ch]), 6) for ch in CHANNELS if shares[ch] > 0}
        top = max(channels, key=channels.get)
        channels[top] = round(1.0 - sum(v for k, v in channels.items() if k != top), 6)
        legal = c["legal_days"].dropna()
        legal_days = float(legal.iloc[-1]) if len(legal) else float(cases["legal_days"].max())
        legal_days = math.floor(max(legal_days, 0.0) * 2 + 1e-9) / 2
        fee = float(c["fee"].median())
        paid = float(shares["paid_online"]) if fee > 0 else 0.0
        # counter and postal dossiers of days off (a weekend counter, another country's
        # calendar) come on working days: the engine has them only then
        counted = c["on_working_day"] | ~c["channel"].isin(ONLINE_CHANNELS)
        arrivals = ArrivalProfile(
            per_working_day=round(int(counted.sum()) / n_days / prof["norm"], 6),
            weekday_weights=prof["weekday"],
            month_weights=prof["month"], tet_surge=1.0, tet_surge_days=0, tet_lull=1.0,
            tet_lull_days_after=0, online_off_day_factor=prof["off_factor"],
            online_hour_weights=prof["hours"])
        pid = str(pid)
        own_id = ident(pid)
        while own_id in taken:
            own_id += "_"
        taken.add(own_id)
        out.append(Procedure(
            id=own_id, log_id=None if own_id == pid else pid, name=str(c["name"].iloc[-1]) if "name" in c else "",
            agency=str(c["agency"].iloc[-1]), legal_days=legal_days,
            model="five_on_spot" if c["model"].iloc[-1] == "five_on_spot" else "transfer",
            process=str(c["group"].iloc[-1]), arrivals=arrivals, channels=channels,
            p_digitised=round(float(shares["digitised"]), 6), p_paid_online=round(paid, 6),
            fee=fee, duration_scales=scales.get((str(c["group"].iloc[-1]), pid)),
            digitised_by_channel=_digitised_by_channel(c, hi),
            **_over_time(channels, shares, ahead.loc[pid], hi, fee > 0)))
    return out


def _digitised_by_channel(c: pd.DataFrame, hi: pd.Timestamp) -> dict[str, float] | None:
    """A procedure's share of digitised dossiers per channel (of its last ``RECENT_DAYS``, or
    of the window when those have fewer than ``MIN_ROUTE``), where the channels differ by
    ``CHANNEL_GAP`` or more (online dossiers are electronic from the start); None where
    they do not."""
    recent = c.loc[pd.to_datetime(c["received_at"]) >= hi - pd.Timedelta(days=RECENT_DAYS)]
    part = recent if len(recent) >= MIN_ROUTE else c
    stats = part.groupby("channel")["digitised"].agg(["mean", "size"])
    stats = stats.loc[stats["size"] >= 10]
    if len(stats) < 2 or stats["mean"].max() - stats["mean"].min() < CHANNEL_GAP:
        return None
    return {str(ch): round(float(v), 6) for ch, v in stats["mean"].items() if ch in CHANNELS}


def _over_time(channels: dict, now: pd.Series, then: pd.Series, hi: pd.Timestamp,
               fee: bool) -> dict[str, Any]:
    """Dated shares from the window's end to ``TREND_DAYS`` later, where they move."""
    start = pd.Timestamp(hi).strftime("%Y-%m-%d")
    stop = (pd.Timestamp(hi) + pd.Timedelta(days=TREND_DAYS)).strftime("%Y-%m-%d")
    out: dict[str, Any] = {}
    later = {ch: round(float(then[ch]), 6) for ch in CHANNELS if then[ch] > 0}
    if later and max(abs(later.get(ch, 0.0) - channels.get(ch, 0.0)) for ch in CHANNELS) >= 0.01:
        top = max(later, key=later.get)
        later[top] = round(1.0 - sum(v for k, v in later.items() if k != top), 6)
        out["channels_over_time"] = {start: channels, stop: later}
    for column, name in (("digitised", "p_digitised_over_time"),
                         ("paid_online", "p_paid_online_over_time")):
        if (column == "digitised" or fee) and abs(then[column] - now[column]) >= 0.01:
            out[name] = {start: round(float(now[column]), 6),
                         stop: round(float(then[column]), 6)}
    return out


def _share_columns(cases: pd.DataFrame) -> pd.DataFrame:
    """Per dossier, 0/1 for each channel, for digitised and for paid online."""
    x = pd.get_dummies(cases["channel"]).reindex(columns=list(CHANNELS), fill_value=False)
    x["digitised"] = cases["digitised"].to_numpy()
    x["paid_online"] = cases["paid_online"].to_numpy()
    return x.astype(float)


def _present_shares(cases: pd.DataFrame, hi: pd.Timestamp) -> pd.DataFrame:
    """Per procedure, its shares of each channel, of digitised dossiers and of those paid
    online lately: those of its last ``RECENT_DAYS``, shrunk with ``SHRINK``
    dossiers of weight towards its share over the window moved by its agency's change
    between the window and its last ``RECENT_DAYS`` (the shares drift: online filing and
    digitisation grow year by year)."""
    x = _share_columns(cases)
    recent = (pd.to_datetime(cases["received_at"]) >= hi - pd.Timedelta(days=RECENT_DAYS))
    recent = recent.to_numpy()
    keys = {"procedure_id": cases["procedure_id"].to_numpy(),
            "agency": cases["agency"].to_numpy()}
    window = x.groupby(keys["procedure_id"]).mean()
    late = x[recent].groupby(keys["procedure_id"][recent]).agg(["mean", "size"])
    drift = (x[recent].groupby(keys["agency"][recent]).mean()
             - x.groupby(keys["agency"]).mean()).fillna(0.0)
    agency_of = cases.groupby("procedure_id")["agency"].last()
    prior = (window + drift.reindex(agency_of.reindex(window.index)).to_numpy()).clip(0, 1)
    out = prior.copy()
    for column in x.columns:
        mean = late[(column, "mean")].reindex(window.index).fillna(0.0)
        n = late[(column, "size")].reindex(window.index).fillna(0.0)
        out[column] = (n * mean + SHRINK * prior[column]) / (n + SHRINK)
    channels = out[list(CHANNELS)]
    out[list(CHANNELS)] = channels.div(channels.sum(axis=1).where(lambda v: v > 0, 1.0), axis=0)
    return out


def _projected_shares(cases: pd.DataFrame, recent: pd.DataFrame,
                      hi: pd.Timestamp) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per procedure, its shares at the window's end and ``TREND_DAYS`` later: its shares of
    the last ``RECENT_DAYS`` (``recent``, those of their middle day) moved by its agency's
    linear trend over the window's last ``TREND_DAYS`` (the centre's when the agency has fewer
    than ``MIN_TREND`` dossiers then; each slope shrunk towards 0 by its standard error),
    within 0–1."""
    received = pd.to_datetime(cases["received_at"])
    late = (received >= hi - pd.Timedelta(days=TREND_DAYS)).to_numpy()
    x = _share_columns(cases)[late]
    t = ((received[late] - hi).dt.total_seconds() / 86400.0).to_numpy()
    agency = cases["agency"].astype(str).to_numpy()[late]

    def slope(rows: np.ndarray) -> pd.Series:
        tt = t[rows] - t[rows].mean()
        ss = float((tt ** 2).sum())
        if rows.sum() < MIN_TREND or not ss:
            return pd.Series(0.0, index=x.columns)
        y = x.to_numpy()[rows] - x.to_numpy()[rows].mean(axis=0)
        b = tt @ y / ss
        # shrunk by its noise: b · b² / (b² + se²), so a trend the data barely show stays flat
        se2 = ((y - np.outer(tt, b)) ** 2).sum(axis=0) / max(len(tt) - 2, 1) / ss
        return pd.Series(b * b ** 2 / np.maximum(b ** 2 + se2, 1e-18), index=x.columns)

    centre = slope(np.ones(len(t), bool))
    per_agency = {a: slope(agency == a) if (agency == a).sum() >= MIN_TREND else centre
                  for a in np.unique(agency)}
    agency_of = cases.groupby("procedure_id")["agency"].last().astype(str)
    moves = pd.DataFrame([per_agency.get(agency_of[pid], centre) for pid in recent.index],
                         index=recent.index)
    out = []
    for days in (RECENT_DAYS / 2, RECENT_DAYS / 2 + TREND_DAYS):
        at = (recent + moves * days).clip(0, 1)
        channels = at[list(CHANNELS)]
        at[list(CHANNELS)] = channels.div(channels.sum(axis=1).where(lambda v: v > 0, 1.0),
                                          axis=0)
        out.append(at)
    return out[0], out[1]

"""Discover a simulation model from a log: ``discover_model(log, start=…, end=…)``.

What is learnt, and how (docs/simulation.md, "How the model is learnt", has the whole account; every
default a log forces is written to ``Discovery.notes``); each part is a module of this
package:

* **Processes** (``dossiers``): one per procedure with ``OWN_PROCESS`` dossiers, one per
  agency, handling model, fee status and distinguishing steps (``_own_steps``) for the
  others. The dossier's agency is the log's column, else that of its handling steps
  (``_case_agency``).
* **Routing** (``routes``): whole routes per kind of dossier with ``MIN_ROUTE`` dossiers
  (``_routes``: the paths seen ``MIN_VARIANT`` times, with the ranks of up to ``MAX_RANKS``
  dossiers seen on them, spread evenly over their whole times: ``_spread``), else the
  directly-follows probabilities per kind, borrowed from coarser kinds where a kind is rare
  (``_routing``).
* **Steps** (``processes``, ``service_times``): an in-tray wait (a silent step) and the
  officer's service; the service measured from start times, else estimated from resource
  availability (``OUTLIER``); durations keep ``QUANTILES`` quantiles, the last bounded by the
  mean of the slowest values (``quantiles_of``); a step in another context than usual takes
  a step of its own (``_contexts``); online intake has priority 1; a step its officer starts
  at once after the previous one continues it (``_goes_on``). In a shared process, waits and
  services that grow with the legal time are kept per legal day (``_legal_units``) and each
  procedure scales them (``_scales``, ``_own_scales``).
* **Batching** (``batches``): release times from bunches of paper dossiers (``_batches``,
  ``_releases``).
* **Pools** (``staffing``): per agency and role, split by the work officers do
  (``_pool_keys``), staffed month by month (``_staffing``), batch trips left out.
* **Arrivals and shares** (``procedures``, ``profiles``, ``shares``): per procedure, shares at
  the window's end moving on at their trend (``_present_shares``, ``_projected_shares``),
  digitisation per channel where channels differ (``_digitised_by_channel``).
* **Deadlines**: legal times and the same-day cut-off from due dates (``learn_deadlines``).
* **Warm-up and calibration**: ``_warmup_days``; then ``calibration.calibrate`` tunes the
  waits (and, without start times, the pools' places) until the simulated step times match
  the log's: their mean, median, 75th and 90th percentiles.
* **The last guard** (``runnable``): what the model's validator refuses is repaired or dropped
  with a note; discovery never emits a model it cannot run.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import pandas as pd

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.analysis_table import AnalysisLog
from dossierflow.simulation.discovery.batches import _Batch, _batch_trips, _batches
from dossierflow.simulation.discovery.calibration import calibrate, step_stats, step_times
from dossierflow.simulation.discovery.dossiers import _case_attributes
from dossierflow.simulation.discovery.learn_deadlines import same_day_cutoff
from dossierflow.simulation.discovery.procedures import _procedures
from dossierflow.simulation.discovery.processes import _process, legal_days
from dossierflow.simulation.discovery.routes import _borrowed, _Entries, kinds_vary
from dossierflow.simulation.discovery.runnable import runnable
from dossierflow.simulation.discovery.service_times import _timed_events
from dossierflow.simulation.discovery.staffing import _pools
from dossierflow.simulation.model import CalendarSpec, Deadlines, Model, Process, known_activities

LEARN_DAYS = 365
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
    tz = log.calendar.timezone
    last = log.cases["received_at"].max().tz_convert(tz).normalize()
    hi = _local_day(end, "end", tz) + pd.Timedelta(days=1) if end is not None else \
        last + pd.Timedelta(days=1)
    lo = _local_day(start, "start", tz) if start is not None else hi - pd.Timedelta(days=days)
    return lo, hi


def discover_model(log: AnalysisLog, *, start: Any = None, end: Any = None,
                   procedures: list[str] | None = None, name: str = "discovered",
                   progress: Callable[[float], None] | None = None) -> Discovery:
    """Learn a :class:`~dossierflow.simulation.model.Model` from the dossiers of ``log`` received in
    [``start``, ``end``) (local dates; default the whole log), optionally only those of
    ``procedures``. See the module docstring for what is learnt and how. ``progress`` is
    called now and then with the share done (0–1)."""
    tick = progress or (lambda _: None)
    tick(0.0)
    notes: list[str] = []
    cases, events, lo, hi = _window(log, start, end, procedures)
    calendar = log.calendar
    tick(0.01)
    cases = _case_attributes(cases, events, calendar, hi, notes)
    tick(0.03)
    events = _timed_events(events, cases, calendar, notes)
    tick(0.05)
    group_of = cases.set_index("case_id")["group"]
    events["group"] = group_of.reindex(events["case_id"]).to_numpy()
    batches, batched = _batches(events, cases, calendar, notes)
    tick(0.06)
    pools, pool_of = _pools(events, log.events, _batch_trips(events, cases, batched), calendar,
                            lo, hi, notes)
    # processes are learnt from the dossiers handled as the procedures are handled now
    events = events.loc[events["case_id"].isin(cases.loc[cases["current"], "case_id"])]
    tick(0.1)
    processes, scales, entries = _processes(events, cases, batched, pool_of,
                                            lambda done: tick(0.1 + 0.6 * done))
    procs = _procedures(cases, calendar, lo, hi, scales, notes)
    office = calendar.office_hours
    extra = sorted(set(events["activity"]) - known_activities())
    model = Model(
        name=name, procedures=procs, processes=processes, pools=pools, batches=batches,
        calendar=CalendarSpec(sessions=[[s.strftime("%H:%M"), e.strftime("%H:%M")]
                                        for s, e in office.sessions],
                              weekdays=list(office.weekdays), country=calendar.country,
                              timezone=calendar.timezone),
        deadlines=Deadlines(apology=bool((log.events["activity"] == "apology_reschedule").any()),
                            apology_lead_days=0.5,
                            same_day_cutoff=same_day_cutoff(cases, calendar)
                            if "due_at" in cases else None),
        extra_activities=extra)
    model = runnable(model, notes)
    model.warmup_days = _warmup_days(cases, log)
    if pools:
        kinds = cases.set_index(cases["case_id"].astype(str))
        times = step_times(events, kinds["arrival"], group_of, calendar)
        label = partial(_label_steps, entries=entries)
        target = step_stats(times.assign(step=label(times, kinds)))
        tuned = calibrate(model, target, calendar, lo, hi, label=label,
                          progress=lambda done: tick(0.7 + 0.3 * done))
        notes.append(tuned.note())
        notes.extend(tuned.changes)
    found = Discovery(model=runnable(model, notes), start=lo, end=hi, cases=len(cases),
                      notes=notes)
    tick(1.0)
    return found


def _processes(events: pd.DataFrame, cases: pd.DataFrame, batched: dict[str, _Batch],
               pool_of: dict, progress: Callable[[float], None]
               ) -> tuple[list[Process], dict, dict[str, _Entries]]:
    """The process of each group; each procedure's scales of its steps, by (process,
    procedure); and per group, the step a dossier enters for each activity."""
    processes, scales = [], {}
    lent = _borrowed(events, cases)
    model_of = cases.groupby("group")["model"].agg(lambda m: m.value_counts().index[0])
    entries: dict[str, _Entries] = {}
    legal_of, varies = legal_days(cases), kinds_vary(cases)
    cases_of = dict(iter(cases.groupby("group", sort=False)))
    groups = events.groupby("group", sort=True)
    for k, (group, ev) in enumerate(groups):
        progress(k / max(groups.ngroups, 1))
        process, group_scales, entries[str(group)] = _process(
            str(group), ev, cases_of[group], batched, pool_of, lent.get(model_of[group], {}),
            legal_of, varies)
        processes.append(process)
        scales.update({(process.id, pid): value for pid, value in group_scales.items()})
    return processes, scales, entries


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


def _local_day(value: Any, what: str, tz: str) -> pd.Timestamp:
    """``value`` as a timestamp, local time of ``tz`` where it has no time zone."""
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise DiscoveryError(f"{what} {value!r} is not a date.",
                             fix="give an ISO date such as 2023-01-01.") from None
    return ts.tz_localize(tz) if ts.tzinfo is None else ts.tz_convert(tz)


def _window(log: AnalysisLog, start: Any, end: Any, procedures: list[str] | None
            ) -> tuple[pd.DataFrame, pd.DataFrame, pd.Timestamp, pd.Timestamp]:
    """The dossiers received in the window (of ``procedures``), their events and the
    window's bounds."""
    cases = log.cases
    tz = log.calendar.timezone
    received = cases["received_at"].dt.tz_convert(tz)
    # a window reaching a week or more beyond the log is cut to it: rates are per working day
    # of the log
    first, last = received.min().normalize(), received.max().normalize() + pd.Timedelta(days=1)
    week = pd.Timedelta(days=7)
    lo = first if start is None else _local_day(start, "start", tz)
    hi = last if end is None else _local_day(end, "end", tz)
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

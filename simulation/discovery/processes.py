"""The process of one group of procedures: its steps (an in-tray wait and the officer's
service, a batch trip, a citizen's wait), a step of its own for an activity done in another
context than usual, the continuation of an officer's work, and its routing."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dossierflow.mining.log.analysis_table import RESULT_READY
from dossierflow.simulation.discovery.batches import _Batch, _waits
from dossierflow.simulation.discovery.routes import _Entries, _ranks, _routing
from dossierflow.simulation.discovery.service_times import (
    _empirical,
    _grows_with_legal_time,
    _legal_units,
    _own_scales,
    _scales,
    _wait_quantiles,
)
from dossierflow.simulation.discovery.settings import CITIZEN_WAITS, INTAKE, MIN_ROUTE
from dossierflow.simulation.model import (
    END,
    ONLINE_CHANNELS,
    START,
    Duration,
    Process,
    Step,
    Transition,
    ident,
)

CONTEXT_GAP, MAX_CONTEXTS = 0.25, 4
CONTINUE_SHARE = 0.9      # share of a step's events its officer goes straight on with
ONLINE_PRIORITY = 1       # online intake waits while citizens stand at the counter
WAIT_SUFFIX = ".wait"


def _process(group: str, ev: pd.DataFrame, cases: pd.DataFrame, batched: dict[str, _Batch],
             pool_of: dict, borrowed: dict, legal_of: pd.Series, varies: dict[str, bool]
             ) -> tuple[Process, dict, _Entries]:
    """The process of one group, the per-procedure scales of its steps, and the step a
    dossier enters for each of its activities (``cases``: the group's dossiers;
    ``legal_of``: the legal days of every procedure, ``legal_days``; ``varies``: which kinds
    of dossier the log tells apart, ``kinds_vary``)."""
    max_visits = ev.groupby(["case_id", "activity"]).size().groupby(level=1).max()
    ev = ev.assign(procedure_id=cases.set_index("case_id")["procedure_id"]
                   .reindex(ev["case_id"]).to_numpy(),
                   before=ev["prev_activity"].fillna(START),
                   after=ev.groupby("case_id", sort=False)["activity"].shift(-1).fillna(END),
                   goes_on=_goes_on(ev))
    built = _Steps(group, ev, legal_of, pool_of)
    entry: dict[str, dict[bool, str]] = {}   # activity -> {paper?: the step entered}
    contexts: dict[tuple[str, str, str], str] = {}  # (activity, before, after) -> step entered
    for activity, a in ev.groupby("activity", sort=True):
        cap = int(max_visits.get(activity, 1))
        if activity in CITIZEN_WAITS:
            entry[activity] = built.citizen_wait(activity, a, cap)
        elif activity in batched:
            entry[activity] = built.batch_trip(activity, a, cap, batched, cases)
        elif activity == INTAKE:
            entry[activity] = built.intake(activity, a, cap, cases)
        else:
            entry[activity] = built.in_contexts(activity, a, cap, contexts)
    steps, sources = built.steps, built.sources
    transitions = [Transition(source=s.id, target=_served_by(s.id, steps))
                   for s in steps if not s.logged]
    entries = _Entries(entry=entry, contexts=contexts, batched=batched)
    ev = ev.assign(rank=_ranks(ev, cases, entries))
    routing, routes = _routing(ev, cases, entry, contexts, sources, borrowed, batched,
                               varies)
    result = next((a for a in RESULT_READY if a in sources), None)
    process = Process(
        id=group, steps=steps, transitions=transitions + routing, routes=routes,
        receipt_step=sources["receive"][0] if len(sources.get("receive", [])) == 1 else None,
        result_step=sources[result][0] if result and len(sources[result]) == 1 else None,
        delivery_step=sources["deliver_result"][0]
        if len(sources.get("deliver_result", [])) == 1 else None)
    scales = _scales(ev, built.scaled)
    for pid, values in built.legal_scaled.items():
        scales.setdefault(pid, {}).update(values)
    return process, scales, entries


class _Steps:
    """The steps of one group's process as they are built (``steps``, in order), with the
    logged steps of each activity (``sources``), the waits and services each procedure scales
    by its own time (``scaled``: activity, step, "wait" | "service") and the scales of those
    kept in legal days' units (``legal_scaled``: procedure -> step -> scale)."""

    def __init__(self, group: str, ev: pd.DataFrame, legal_of: pd.Series, pool_of: dict):
        self.group, self.pool_of = group, pool_of
        self.steps: list[Step] = []
        self.sources: dict[str, list[str]] = {}
        self.scaled: list[tuple[str, str, str]] = []
        self.legal_scaled: dict[str, dict[str, float]] = {}
        self.used_ids: set[str] = {START, END}
        self.legal_of = legal_of
        self.members = ev["procedure_id"].unique()   # a step in legal days' units scales them all

    def new_id(self, text: str) -> str:
        out = ident(text)
        while out in self.used_ids:
            out += "_"
        self.used_ids.add(out)
        return out

    def citizen_wait(self, activity: str, a: pd.DataFrame, cap: int) -> dict[bool, str]:
        """The citizen's time (a supplement brought back, a withdrawal), in wall-clock time."""
        step_id = self.new_id(activity)
        self.steps.append(Step(id=step_id, activity=None if step_id == activity else activity,
                               duration=_empirical(a["wall"], "calendar"),
                               pauses_legal_clock=True if activity == "withdraw" else None,
                               max_visits=cap))
        self.sources[activity] = [step_id]
        return {True: step_id, False: step_id}

    def batch_trip(self, activity: str, a: pd.DataFrame, cap: int, batched: dict[str, _Batch],
                   cases: pd.DataFrame) -> dict[bool, str]:
        """The batch's trip for the dossiers that wait for it; an ordinary step for the
        others."""
        batch_id, trip, _ = batched[activity]
        kinds = cases.set_index("case_id")[["channel", "digitised"]].reindex(a["case_id"])
        on_paper = np.array([_waits(batched, activity, c, d) for c, d in
                             zip(kinds["channel"], kinds["digitised"], strict=True)], dtype=bool)
        step_id = self.new_id(activity)
        self.steps.append(Step(id=step_id, activity=None if step_id == activity else activity,
                               duration=trip, batch=batch_id, max_visits=cap))
        self.sources[activity] = [step_id]
        other = step_id
        if (~on_paper).any():
            other = self.ordinary(activity, a.loc[~on_paper], cap, ".electronic")
        return {True: step_id, False: other}

    def intake(self, activity: str, a: pd.DataFrame, cap: int,
               cases: pd.DataFrame) -> dict[bool, str]:
        """The intake: an online dossier waits for the counter to take it up, between the
        citizens standing at it; a paper one is received as it comes."""
        paper = ~cases.set_index("case_id")["channel"].reindex(a["case_id"]) \
            .isin(ONLINE_CHANNELS).to_numpy()
        if min(paper.sum(), (~paper).sum()) < MIN_ROUTE:
            first = self.ordinary(activity, a, cap)
            return {True: first, False: first}
        on_paper = self.ordinary(activity, a.loc[paper], cap)
        online = self.ordinary(activity, a.loc[~paper], cap, ".online", ONLINE_PRIORITY)
        return {True: on_paper, False: online}

    def in_contexts(self, activity: str, a: pd.DataFrame, cap: int,
                    contexts: dict[tuple[str, str, str], str]) -> dict[bool, str]:
        """An ordinary step; the work done between other steps than usual (before a
        supplement is asked, after it is brought) has steps of its own, which routes enter
        (written to ``contexts``)."""
        apart = _contexts(a)
        for k, (before, after, rows) in enumerate(apart, start=1):
            contexts[(activity, before, after)] = self.ordinary(activity, a.loc[rows], cap,
                                                                f".{k}")
        first = self.ordinary(activity, a.drop(index=[i for *_, rows in apart for i in rows]),
                              cap)
        return {True: first, False: first}

    def ordinary(self, activity: str, a: pd.DataFrame, cap: int, suffix: str = "",
                 priority: int = 0) -> str:
        """A wait (when there is one) and the officer's service; returns the entry step."""
        step_id = self.new_id(activity + suffix)
        pool = self.pool_of.get((self.group, activity))
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
        per_legal = _grows_with_legal_time(a, sojourn, self.legal_of)
        service_per_legal = per_legal and _grows_with_legal_time(a, service, self.legal_of)
        if per_legal:
            wait_units = _legal_units(a, wait, self.legal_of)
            delay = _empirical(wait / a["procedure_id"].map(wait_units).to_numpy(dtype=float)
                               ).quantiles or [0, 0]
        else:
            delay = _wait_quantiles(sojourn, service)
        first = step_id
        if delay[-1] > 0:
            first = self.new_id(step_id + WAIT_SUFFIX)
            self.steps.append(Step(id=first, activity=activity, logged=False, max_visits=cap,
                                   duration=Duration(kind="empirical", quantiles=delay)))
            if per_legal:
                self.per_legal_day(first, _own_scales(a, wait, wait_units))
            else:
                self.scaled.append((activity, first, "wait"))
        if service_per_legal:
            service_units = _legal_units(a, service, self.legal_of)
            self.per_legal_day(step_id, _own_scales(a, service, service_units))
            service = service / a["procedure_id"].map(service_units).to_numpy(dtype=float)
        elif pool:
            self.scaled.append((activity, step_id, "service"))
        self.steps.append(Step(id=step_id, activity=None if step_id == activity else activity,
                               pool=pool, duration=_empirical(service),
                               max_visits=None if first != step_id else cap,
                               priority=priority, continues=goes_on))
        self.sources.setdefault(activity, []).append(step_id)
        return first

    def per_legal_day(self, step_id: str, own: pd.Series) -> None:
        """Each procedure's scale of a step kept in legal days' units."""
        for pid in self.members:
            self.legal_scaled.setdefault(str(pid), {})[step_id] = round(float(own[pid]), 4)


def legal_days(cases: pd.DataFrame) -> pd.Series:
    """Per procedure, the legal days of its last dossier (at least half a day; 1 unknown)."""
    return cases.groupby("procedure_id")["legal_days"].last().fillna(1.0).clip(lower=0.5)


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
    around = a[["before", "after"]].astype(str).groupby(["before", "after"], sort=False)
    sizes = around.size().sort_values(ascending=False, kind="stable")   # ties: first seen first
    at = around.indices                      # (before, after) -> the positions of its events
    base = float(a["sojourn"].iloc[at[sizes.index[0]]].mean())
    out = []
    for (before, after), n in sizes.iloc[1:].items():
        if n < MIN_ROUTE or len(out) >= MAX_CONTEXTS:
            continue
        rows = a.index[at[(before, after)]]
        mean = float(a.loc[rows, "sojourn"].mean())
        if abs(mean - base) > CONTEXT_GAP * max(base, 1.0):
            out.append((before, after, rows))
    return out


def _served_by(wait_id: str, steps: list[Step]) -> str:
    """The service step that follows the in-tray wait ``wait_id``."""
    ids = [s.id for s in steps]
    return ids[ids.index(wait_id) + 1]

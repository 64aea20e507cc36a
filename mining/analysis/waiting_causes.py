"""Why dossiers wait on each edge: off-hours, batching, queueing and the rest; processing apart."""

from __future__ import annotations

import ibis
import pandas as pd

from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.transitions import transitions, wait_notes

COMPONENTS = ("off_hours", "batching", "queueing", "other")  # the parts of a wait
KEYS = ["case_id", "event_index"]
RIGHT_KEYS = [f"{k}_right" for k in KEYS]


def _batched_events(view: LogView, min_batch: int) -> ibis.Table | None:
    """(case_id, event_index of the previous event) of events released in a batch."""
    ev = view.events.mutate(minute=view.events.timestamp.truncate("m"))
    found = []
    for actor in ("resource", "agency"):
        if actor in ev.columns:
            held = ev.filter(ev[actor].notnull())
            batches = held.group_by([actor, "minute"]).aggregate(
                n_dossiers=held.case_id.nunique()).filter(lambda t: t.n_dossiers >= min_batch)
            found.append(held.semi_join(batches, [actor, "minute"]).select(
                "case_id", event_index=held.event_index - 1))
    if not found:
        return None
    return found[0].union(*found[1:]).distinct() if len(found) > 1 else found[0].distinct()


def waiting_causes(view: LogView, *, min_batch: int = 3) -> pd.DataFrame:
    """Each edge's waiting split into causes, in minutes of wall-clock time.

    For every transition ``activity`` → ``next_activity`` (the supplement pause, the citizen's
    time, is left out), the wait is the in-tray time (previous end → next start) where the
    next step has a start time, else the time to its end (processing included). It is split,
    in this order:

    * ``off_hours``: wall-clock minus working time (nights, weekends, holidays);
    * ``batching``: the working wait of a dossier whose next event was released in a batch,
      i.e. at the same minute as events of at least ``min_batch`` dossiers by the same officer
      or the same agency (paper transfers at fixed times);
    * ``queueing``: with start times, the working wait during which the next step's officer
      was busy on other dossiers (their start–end intervals, summed and capped at the wait);
    * ``other``: the rest. Without start times queueing cannot be split from it: it is NaN,
      counted in ``other``, and ``note`` says so.

    ``processing_minutes`` (working minutes from the next step's start to its end; NaN
    without start times) is reported beside the wait, not as a part of it.

    Columns: ``activity``, ``next_activity``, ``n_transitions``, ``n_batched``,
    ``n_with_start_times``, ``wait_minutes``, ``<component>_minutes`` and
    ``<component>_share`` (of ``wait_minutes``) for each component, ``processing_minutes``,
    ``note``; rows sorted by ``wait_minutes``, longest first.
    """
    tr = transitions(view)
    tr = tr.filter(~tr.citizen_wait & tr.wait_working_minutes.notnull())
    batched = _batched_events(view, min_batch)
    if batched is not None:
        tr = tr.left_join(batched.mutate(batched=ibis.literal(True)), KEYS).drop(*RIGHT_KEYS)
        tr = tr.mutate(batched=tr.batched.fill_null(False))
    else:
        tr = tr.mutate(batched=ibis.literal(False))
    working = tr.wait_working_minutes
    timed = ~tr.wait_includes_processing & ~tr.batched
    tr = tr.mutate(pre_start=ibis.ifelse(timed, working, ibis.null("float64")))
    busy = _busy_minutes(view, tr)
    if busy is None:
        tr = tr.mutate(queueing=ibis.null("float64"))
    else:
        tr = tr.left_join(busy, KEYS).drop(*RIGHT_KEYS)
        tr = tr.mutate(queueing=ibis.ifelse(tr.pre_start.notnull(), ibis.least(
            tr.busy.fill_null(0.0), tr.pre_start), ibis.null("float64")))
    parts = tr.mutate(
        wait_minutes=tr.wait_wall_minutes,
        off_hours=tr.wait_wall_minutes - working,
        batching=ibis.ifelse(tr.batched, working, 0.0),
        processing=tr.processing_working_minutes,
    )
    parts = parts.mutate(other=working - parts.batching - parts.queueing.fill_null(0.0))
    table = parts.group_by(["activity", "next_activity"]).aggregate(
        n_transitions=parts.count(),
        n_batched=parts.batched.sum(),
        n_with_start_times=(~parts.wait_includes_processing).sum(),
        wait_minutes=parts.wait_minutes.sum(),
        **{f"{c}_minutes": parts[c].sum() for c in (*COMPONENTS, "processing")},
    ).order_by([ibis.desc("wait_minutes"), "activity", "next_activity"])
    out = table.to_pandas()
    for component in COMPONENTS:
        out[f"{component}_share"] = out[f"{component}_minutes"] / out["wait_minutes"].where(
            out["wait_minutes"] > 0)
    notes = wait_notes(out["n_transitions"], out["n_with_start_times"])
    out["note"] = notes.where(notes == "", notes + "; their queueing cannot be split from other")
    return out.reset_index(drop=True)


def _busy_minutes(view: LogView, tr: ibis.Table) -> ibis.Table | None:
    """Per transition waiting before its next step started (``case_id``, ``event_index``), the
    working minutes its officer spent on other dossiers meanwhile (``busy``, not yet capped);
    None without start times or officers."""
    ev = view.events
    if "start_clock" not in ev.columns or "resource" not in ev.columns:
        return None
    busy = ev.filter(ev.start_clock.notnull() & ev.resource.notnull()).select(
        busy_case=ev.case_id, busy_resource=ev.resource.cast("string"),
        busy_start=ev.start_clock, busy_end=ev.clock)
    waits = tr.filter(tr.pre_start > 0).select(
        "case_id", "event_index", "resource", w_start=tr.clock,
        w_end=tr.clock + tr.pre_start)
    hit = waits.join(busy, [waits.resource == busy.busy_resource,
                            waits.case_id != busy.busy_case,
                            busy.busy_start < waits.w_end, busy.busy_end > waits.w_start])
    overlap = ibis.least(hit.busy_end, hit.w_end) - ibis.greatest(hit.busy_start, hit.w_start)
    return hit.group_by(KEYS).aggregate(busy=overlap.sum())

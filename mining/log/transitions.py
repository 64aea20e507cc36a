"""Consecutive pairs of a dossier's events: the unit every waiting analysis is built from.

Waiting is the **in-tray** time, from the end of one event to the start of the next, where the
log gives start times; the next step's processing (its start → end) is kept apart. Without a
start time the wait runs to the next event's end and so includes that step's processing
(``wait_includes_processing``). A step started before the previous one ended (parallel work)
waited 0; a start after the step's own end (an order error) counts as that end.

Some exports give as start the time the dossier was handed to the step (the process-control
sheet's *Thời gian giao*): it equals the previous step's end, so it marks when the dossier
entered the tray, not when work began. When that holds for ``HANDOVER_SHARE`` or more of the
steps, the view's start times are taken as hand-over times and its waits run to the end.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
import pandas as pd

from dossierflow.mining.log.analysis_table import SUPPLEMENT_RECEIVED, SUPPLEMENT_REQUEST
from dossierflow.mining.log.log_view import LogView

HANDOVER_SHARE = 0.95
WAIT_NOTE = ("{n} of {total} waits include the next step's processing: the log gives no time "
             "work started on those steps (no start times, or hand-over times only)")


def wait_notes(n_waits: pd.Series, n_timed: pd.Series) -> pd.Series:
    """Per row, ``WAIT_NOTE`` where some of its ``n_waits`` have no start time, else ""."""
    return pd.Series([WAIT_NOTE.format(n=n - timed, total=n) if n > timed else ""
                      for n, timed in zip(n_waits, n_timed)], index=n_waits.index, dtype=object)


def _within(value: ir.NumericValue, present: ir.BooleanValue,
            upper: ir.NumericValue | None = None) -> ir.NumericValue:
    """``value`` clamped to 0 (… ``upper``) where ``present``, else null (DuckDB's and Spark's
    ``greatest`` skip nulls, so the guard is explicit)."""
    low = ibis.greatest(value, 0.0)
    return ibis.ifelse(present, low if upper is None else ibis.least(low, upper),
                       ibis.null("float64"))


def in_tray(pairs: ir.Table) -> dict[str, ir.Value]:
    """The in-tray wait of ``pairs`` (events with ``clock``, ``timestamp``,
    ``wait_working_minutes`` and ``wait_seconds`` to the next event, and that event's
    ``next_start_clock`` and ``next_start_timestamp``): ``in_tray_working_minutes`` and
    ``in_tray_seconds``, null where the next event has no start time."""
    present = pairs.next_start_clock.notnull() & pairs.wait_working_minutes.notnull()
    seconds = pairs.next_start_timestamp.delta(pairs.timestamp, unit="microsecond") / 1e6
    return {"in_tray_working_minutes": _within(pairs.next_start_clock - pairs.clock,
                                               present, pairs.wait_working_minutes),
            "in_tray_seconds": _within(seconds, present, pairs.wait_seconds)}


def waiting(pairs: ir.Table) -> dict[str, ir.Value]:
    """``wait_working_minutes`` and ``wait_seconds`` of ``pairs`` as waiting is meant: the
    in-tray time (``in_tray``) where the next event has a start time, else the time to its
    end."""
    tray = in_tray(pairs)
    return {"wait_working_minutes": tray["in_tray_working_minutes"].fill_null(
                pairs.wait_working_minutes),
            "wait_seconds": tray["in_tray_seconds"].fill_null(pairs.wait_seconds)}


def _start_columns(events: ir.Table, work: bool = True) -> dict[str, ir.Value]:
    """The events' start times; nulls without them or when they are not ``work`` starts."""
    if work and "start_clock" in events.columns:
        return {"start_clock": events.start_clock, "start_timestamp": events.start_timestamp}
    return {"start_clock": ibis.null("float64"),
            "start_timestamp": ibis.null("timestamp('UTC')")}


def starts_are_handovers(view: LogView) -> bool:
    """Whether the view's start times are hand-over times: for ``HANDOVER_SHARE`` or more of
    the steps with a start time, it equals the previous event's end."""
    if "start_clock" not in view.events.columns:
        return False
    pairs = with_next_start(view.events, handovers=False)
    pairs = pairs.filter(pairs.next_activity.notnull() & pairs.next_start_timestamp.notnull())
    counts = pairs.aggregate(n=pairs.count(), same=(
        pairs.next_start_timestamp == pairs.timestamp).cast("int64").sum()).to_pandas()
    n, same = int(counts["n"].iloc[0]), counts["same"].fillna(0).iloc[0]
    return n > 0 and same >= HANDOVER_SHARE * n


def work_starts(view: LogView) -> bool:
    """Whether the view's events carry times work started (start times, not hand-overs)."""
    return "start_clock" in view.events.columns and not starts_are_handovers(view)


def with_next_start(events: ir.Table, *, handovers: bool = False) -> ir.Table:
    """``events`` (with ``case_code``, ``event_index``) and the start of the next event of the
    dossier: ``next_start_clock`` and ``next_start_timestamp`` (null without start times or
    when they are ``handovers``)."""
    starts = _start_columns(events, work=not handovers)
    if handovers or "start_clock" not in events.columns:
        return events.mutate(next_start_clock=starts["start_clock"],
                             next_start_timestamp=starts["start_timestamp"])
    nxt = events.select(nx_case=events.case_code, nx_index=events.event_index - 1,
                        next_start_clock=events.start_clock,
                        next_start_timestamp=events.start_timestamp)
    joined = events.left_join(nxt, [events.case_code == nxt.nx_case,
                                    events.event_index == nxt.nx_index])
    return joined.drop("nx_case", "nx_index")


def transitions(view: LogView) -> ibis.Table:
    """One row per event and the event that follows it in the same dossier.

    The wait between them is charged to the **next** event: its step (``next_activity``), its
    officer (``resource``) and its agency (the event's ``agency``, else the dossier's), since
    the dossier was in their hands until that event started. Columns: ``case_id``,
    ``event_index``, ``activity``, ``next_activity``, ``clock``, ``next_clock`` (working-minute
    clock), ``next_start_clock`` (null without start times), ``next_timestamp``;
    ``wait_working_minutes`` and ``wait_wall_minutes`` (in-tray where the next event has a
    start time, else to its end), ``wait_includes_processing`` (no start time: the wait runs
    to the end), ``processing_working_minutes`` and ``processing_wall_minutes`` (the next
    event's start → end, null without start time), ``step_working_minutes`` and
    ``step_wall_minutes`` (end → end: wait and processing); ``resource``, ``agency``,
    ``procedure_id`` (null when the log has none) and ``citizen_wait`` (the supplement pause,
    ``request_supplement`` → ``supplement_received``, when the legal clock stops).
    """
    ev, cases = view.events, view.cases
    null_text = ibis.null().cast("string")
    starts = _start_columns(ev, work_starts(view))
    nxt = ev.select(
        case_id=ev.case_id,
        event_index=ev.event_index - 1,
        next_timestamp=ev.timestamp,
        next_clock=ev.clock,
        next_start_clock=starts["start_clock"],
        next_start_timestamp=starts["start_timestamp"],
        resource=ev.resource.cast("string") if "resource" in ev.columns else null_text,
        event_agency=ev.agency.cast("string") if "agency" in ev.columns else null_text,
    )
    case_cols = cases.select(
        case_id=cases.case_id,
        case_agency=cases.agency.cast("string") if "agency" in cases.columns else null_text,
        procedure_id=cases.procedure_id.cast("string") if "procedure_id" in cases.columns
        else null_text,
    )
    base = ev.filter(ev.next_activity.notnull()).select(
        "case_id", "event_index", "activity", "next_activity", "clock", "timestamp",
        "wait_working_minutes", "wait_seconds")
    joined = base.join(nxt, ["case_id", "event_index"]).left_join(case_cols, "case_id")
    waits = waiting(joined)
    timed = joined.next_start_clock.notnull()
    processing = joined.next_timestamp.delta(joined.next_start_timestamp,
                                             unit="microsecond") / 6e7
    return joined.select(
        "case_id", "event_index", "activity", "next_activity", "clock", "next_clock",
        "next_start_clock", "next_timestamp",
        wait_working_minutes=waits["wait_working_minutes"],
        wait_wall_minutes=waits["wait_seconds"] / 60.0,
        wait_includes_processing=~timed,
        processing_working_minutes=_within(joined.next_clock - joined.next_start_clock, timed),
        processing_wall_minutes=_within(processing, timed),
        step_working_minutes=joined.wait_working_minutes,
        step_wall_minutes=joined.wait_seconds / 60.0,
        resource=joined.resource,
        agency=ibis.coalesce(joined.event_agency, joined.case_agency),
        procedure_id=joined.procedure_id,
        citizen_wait=(joined.activity == SUPPLEMENT_REQUEST)
        & (joined.next_activity == SUPPLEMENT_RECEIVED),
    )


def follows(view: LogView, activities: list[str] | None = None,
            whole: bool | None = None) -> ir.Table:
    """The view's events (only ``activities`` when given) with ``next_activity``,
    ``is_first``, the times to the next event of the case (``wait_seconds`` and
    ``wait_working_minutes``, end → end) and its start (``next_start_clock``,
    ``next_start_timestamp``): as imported when the view holds ``whole`` cases, else
    recomputed over the remaining events. ``waiting`` turns them into waits. Hand-over times
    (``starts_are_handovers``) give no next start."""
    events, handovers = view.events, starts_are_handovers(view)
    if activities is None and (view.holds_whole_cases() if whole is None else whole):
        return with_next_start(events.mutate(is_first=events.event_index == 0),
                               handovers=handovers)
    if activities is not None:
        events = events.filter(events.activity.isin(activities))
    return ordered(events, handovers=handovers)


def ordered(events: ir.Table, *, handovers: bool = False) -> ir.Table:
    """``events`` with ``next_activity``, ``is_first``, ``wait_seconds``,
    ``wait_working_minutes`` (end → end), ``next_start_clock`` and ``next_start_timestamp``
    recomputed over (case, time) by a window (one ``lead`` of a struct: a lead per column
    would sort each partition again); no next start when the start times are ``handovers``."""
    window = ibis.window(group_by=events.case_code,
                         order_by=[events.timestamp, events.event_index])
    fields = {"activity": events.activity, "clock": events.clock,
              "timestamp": events.timestamp}
    timed = "start_clock" in events.columns and not handovers
    if timed:
        fields.update(_start_columns(events))
    ordered = events.mutate(following=ibis.struct(fields).lead().over(window),
                            is_first=ibis.row_number().over(window) == 0)
    nxt = ordered.following
    starts = ({"start_clock": nxt.start_clock, "start_timestamp": nxt.start_timestamp}
              if timed else _start_columns(events, work=False))
    return ordered.mutate(
        next_activity=nxt.activity,
        wait_seconds=nxt.timestamp.delta(ordered.timestamp, unit="microsecond") / 1e6,
        wait_working_minutes=nxt.clock - ordered.clock,
        next_start_clock=starts["start_clock"],
        next_start_timestamp=starts["start_timestamp"]).drop("following")

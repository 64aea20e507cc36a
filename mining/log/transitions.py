"""Consecutive pairs of a dossier's events: the unit every waiting analysis is built from."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from dossierflow.mining.log.analysis_table import SUPPLEMENT_RECEIVED, SUPPLEMENT_REQUEST
from dossierflow.mining.log.log_view import LogView


def transitions(view: LogView) -> ibis.Table:
    """One row per event and the event that follows it in the same dossier.

    The wait between them is charged to the **next** event: its step (``next_activity``), its
    officer (``resource``) and its agency (the event's ``agency``, else the dossier's), since
    the dossier was in their hands until that event was recorded. Columns: ``case_id``,
    ``event_index``, ``activity``, ``next_activity``, ``clock``, ``next_clock`` (working-minute
    clock), ``next_start_clock`` (null without start times), ``next_timestamp``,
    ``wait_working_minutes``, ``wait_wall_minutes``, ``resource``, ``agency``,
    ``procedure_id`` (null when the log has none) and ``citizen_wait`` (the supplement pause,
    ``request_supplement`` → ``supplement_received``, when the legal clock stops).
    """
    ev, cases = view.events, view.cases
    null_text = ibis.null().cast("string")
    nxt = ev.select(
        case_id=ev.case_id,
        event_index=ev.event_index - 1,
        next_timestamp=ev.timestamp,
        next_clock=ev.clock,
        next_start_clock=ev.start_clock if "start_clock" in ev.columns
        else ibis.null().cast("float64"),
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
        "case_id", "event_index", "activity", "next_activity", "clock", "wait_working_minutes",
        wait_wall_minutes=ev.wait_seconds / 60.0)
    joined = base.join(nxt, ["case_id", "event_index"]).left_join(case_cols, "case_id")
    return joined.select(
        "case_id", "event_index", "activity", "next_activity", "clock", "next_clock",
        "next_start_clock", "next_timestamp", "wait_working_minutes", "wait_wall_minutes",
        "resource",
        agency=ibis.coalesce(joined.event_agency, joined.case_agency),
        procedure_id=joined.procedure_id,
        citizen_wait=(joined.activity == SUPPLEMENT_REQUEST)
        & (joined.next_activity == SUPPLEMENT_RECEIVED),
    )


def follows(view: LogView, activities: list[str] | None = None,
             whole: bool | None = None) -> ir.Table:
    """The view's events (only ``activities`` when given) with ``next_activity``,
    ``is_first`` and the waits to the next event of the case: as imported when the view holds
    ``whole`` cases, else recomputed over the remaining events."""
    events = view.events
    if activities is None and (view.holds_whole_cases() if whole is None else whole):
        return events.mutate(is_first=events.event_index == 0)
    if activities is not None:
        events = events.filter(events.activity.isin(activities))
    return ordered(events)


def ordered(events: ir.Table) -> ir.Table:
    """``events`` with ``next_activity``, ``is_first``, ``wait_seconds`` and
    ``wait_working_minutes`` recomputed over (case, time) by a window (one ``lead`` of a
    struct: a lead per column would sort each partition again)."""
    window = ibis.window(group_by=events.case_code,
                         order_by=[events.timestamp, events.event_index])
    following = ibis.struct({"activity": events.activity, "clock": events.clock,
                             "timestamp": events.timestamp}).lead().over(window)
    ordered = events.mutate(following=following, is_first=ibis.row_number().over(window) == 0)
    nxt = ordered.following
    return ordered.mutate(
        next_activity=nxt.activity,
        wait_seconds=nxt.timestamp.delta(ordered.timestamp, unit="microsecond") / 1e6,
        wait_working_minutes=nxt.clock - ordered.clock).drop("following")

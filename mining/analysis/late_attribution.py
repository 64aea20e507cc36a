"""Which step, agency and officer made each late dossier late ("rõ việc, rõ người, rõ trách
nhiệm")."""

from __future__ import annotations

import ibis
import pandas as pd

from dossierflow.mining.log.analysis_table import SUPPLEMENT_REQUEST
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.transitions import transitions
from dossierflow.mining.vocabulary import TZ


def late_attribution(view: LogView) -> pd.DataFrame:
    """One row per late dossier (766: closed after its due date, open and overdue at the log's
    end, or with a second supplement request) naming the step that consumed the overrun.

    Rule: a step is the time from one event's end to the next one's end (its wait and its
    processing: both spend the deadline), charged to the next event's step, officer and
    agency; the supplement pause (the citizen's) and steps after the result was ready
    (pickup) are skipped. A step's expected time is the median of the same step
    (previous activity → activity) over all dossiers of the same procedure in the view; its
    excess is the time beyond that median. The step with the largest excess is named (then
    the longest, then the earliest). An open overdue dossier also has a *pending* step, from
    its last event to the view's last event, compared with the median time after that
    activity and charged to the dossier's agency with no officer. A dossier late only because
    of a second supplement request (no overrun in time) names that second request.

    Columns: ``case_id``, ``procedure_id``, ``due_at``, ``lateness_working_hours``,
    ``reason`` (a code: ``"overrun"`` | ``"repeated_supplement_request"``), ``previous_activity``,
    ``step`` (null for a pending step), ``agency``, ``resource``, ``step_working_days``,
    ``expected_working_days``, ``excess_working_days`` and ``excess_share`` (of the dossier's
    summed step excesses); sorted by lateness, largest first.
    """
    per_day = view.minutes_per_day
    cases = view.cases
    late = cases.filter(cases.on_time_class == "late").select(
        "case_id", "due_at", "lateness_working_hours", "finished_at",
        procedure_id=cases.procedure_id.cast("string") if "procedure_id" in cases.columns
        else ibis.null("string"),
        case_agency=cases.agency.cast("string") if "agency" in cases.columns
        else ibis.null("string"))

    tr = transitions(view)
    tr = tr.filter(~tr.citizen_wait & tr.step_working_minutes.notnull())
    norm = tr.group_by(["procedure_id", "activity", "next_activity"]).aggregate(
        expected=tr.step_working_minutes.median())
    after = tr.group_by(["procedure_id", "activity"]).aggregate(
        expected=tr.step_working_minutes.median())

    steps = tr.drop("procedure_id").join(
        late.select("case_id", "procedure_id", "finished_at"), "case_id")
    steps = steps.filter(steps.finished_at.isnull() | (steps.next_timestamp <= steps.finished_at))
    steps = steps.left_join(norm, [steps.procedure_id.identical_to(norm.procedure_id),
                                   "activity", "next_activity"])
    steps = steps.select(
        "case_id", "procedure_id", "event_index", "expected",
        previous_activity=steps.activity, step=steps.next_activity, agency=steps.agency,
        resource=steps.resource, minutes=steps.step_working_minutes,
        is_repeat_request=(steps.next_activity == SUPPLEMENT_REQUEST)
        & (ibis.row_number().over(group_by=[steps.case_id, steps.next_activity],
                                  order_by=steps.event_index) == 1))
    steps = steps.union(_pending_steps(view, late, after))

    steps = steps.mutate(excess=ibis.greatest(0.0, steps.minutes - steps.expected.fill_null(
        steps.minutes)))
    steps = steps.mutate(total_excess=steps.excess.sum().over(group_by="case_id"))
    steps = steps.join(late.select("case_id", "due_at", "lateness_working_hours"), "case_id")
    overrun = steps.lateness_working_hours > 0
    first = ibis.ifelse(overrun, -steps.excess, ibis.ifelse(steps.is_repeat_request, 0.0, 1.0))
    then = ibis.ifelse(overrun, -steps.minutes, 0.0)
    steps = steps.mutate(pick=ibis.row_number().over(
        group_by="case_id", order_by=[first, then, steps.event_index]))
    chosen = steps.filter(steps.pick == 0)
    out = chosen.select(
        "case_id", "procedure_id", "due_at", "lateness_working_hours",
        reason=ibis.ifelse(overrun, "overrun", "repeated_supplement_request"),
        previous_activity=chosen.previous_activity, step=chosen.step, agency=chosen.agency,
        resource=chosen.resource,
        step_working_days=chosen.minutes / per_day,
        expected_working_days=chosen.expected / per_day,
        excess_working_days=chosen.excess / per_day,
        excess_share=chosen.excess / chosen.total_excess.nullif(0),
    ).order_by([ibis.desc("lateness_working_hours"), "case_id"]).to_pandas()
    out["due_at"] = pd.to_datetime(out["due_at"], utc=True).dt.tz_convert(TZ).dt.as_unit("ns")
    return out.reset_index(drop=True)


def _pending_steps(view: LogView, late: ibis.Table, after: ibis.Table) -> ibis.Table:
    """The step an open overdue dossier is still in: from its last event to the log's end."""
    ev = view.events
    log_end = ev.clock.max().as_scalar()
    last = ev.mutate(n=ibis.row_number().over(group_by="case_id",
                                              order_by=ibis.desc(ev.event_index)))
    last = last.filter(last.n == 0).select("case_id", "event_index", "activity", "clock")
    open_late = late.filter(late.finished_at.isnull()).select(
        "case_id", "procedure_id", "case_agency")
    pending = last.join(open_late, "case_id")
    pending = pending.left_join(after, [pending.procedure_id.identical_to(after.procedure_id),
                                        "activity"])
    return pending.select(
        "case_id", "procedure_id", "event_index", "expected",
        previous_activity=pending.activity, step=ibis.null("string"),
        agency=pending.case_agency, resource=ibis.null("string"),
        minutes=log_end - pending.clock, is_repeat_request=ibis.literal(False))

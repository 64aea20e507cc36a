"""Dossiers that owed the citizen an apology letter (Phiếu xin lỗi và hẹn lại ngày trả kết
quả, docs/domain.md §1.3), and whether one was logged in time."""

from __future__ import annotations

import ibis
import pandas as pd

from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.vocabulary import TZ

APOLOGY = "apology_reschedule"


def apology_letters(view: LogView) -> pd.DataFrame:
    """Dossiers that needed an apology letter, with the first one logged (if any).

    Needed when the dossier is late by Decision 766 (``on_time_class == "late"``, open overdue
    dossiers included) or its result was ready after its due date. The letter must be sent
    **before** the deadline: ``apology_before_due`` is true when the first
    ``apology_reschedule`` event is at or before ``due_at``.

    Columns: ``case_id``, ``procedure_id``, ``agency`` (null when the log has none),
    ``due_at``, ``finished_at``, ``on_time_class``, ``lateness_working_hours``,
    ``apology_logged``, ``apology_at``, ``apology_resource``, ``apology_before_due``; sorted
    by lateness, largest first. Times are local (Asia/Ho_Chi_Minh).
    """
    cases, ev = view.cases, view.events
    null_text = ibis.null("string")
    needed = cases.filter((cases.on_time_class == "late") | (cases.finished_at > cases.due_at))
    needed = needed.select(
        "case_id", "due_at", "finished_at", "on_time_class", "lateness_working_hours",
        procedure_id=cases.procedure_id.cast("string") if "procedure_id" in cases.columns
        else null_text,
        agency=cases.agency.cast("string") if "agency" in cases.columns else null_text)
    letters = ev.filter(ev.activity == APOLOGY)
    letters = letters.mutate(n=ibis.row_number().over(group_by="case_id",
                                                      order_by=letters.event_index))
    first = letters.filter(letters.n == 0).select(
        "case_id", apology_at=letters.timestamp,
        apology_resource=letters.resource.cast("string") if "resource" in ev.columns
        else null_text)
    joined = needed.left_join(first, "case_id")
    out = joined.select(
        "case_id", "procedure_id", "agency", "due_at", "finished_at", "on_time_class",
        "lateness_working_hours",
        apology_logged=joined.apology_at.notnull(),
        apology_at=joined.apology_at,
        apology_resource=joined.apology_resource,
        apology_before_due=(joined.apology_at <= joined.due_at).fill_null(False),
    ).order_by([ibis.desc("lateness_working_hours"), "case_id"]).to_pandas()
    for column in ("due_at", "finished_at", "apology_at"):
        out[column] = pd.to_datetime(out[column], utc=True).dt.tz_convert(TZ).dt.as_unit("ns")
    return out.reset_index(drop=True)

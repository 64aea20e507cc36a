"""Variants of a log view (distinct activity sequences) and one dossier's timeline.

Both are Ibis expressions over the view's tables. Variants come from the case table's
``variant`` when the view holds whole cases, and are rebuilt from the remaining events when an
event-level filter left some out.
"""

from __future__ import annotations

import hashlib

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.transitions import starts_are_handovers
from dossierflow.mining.vocabulary import TZ

SEPARATOR = " → "
_KEY_DIGITS, _KEY_END = 10, "\x1f"  # event_index fits in 10 digits; US, the unit separator
_KEY_PATTERN = f"[0-9]{{{_KEY_DIGITS}}}{_KEY_END}"
VARIANT_COLUMNS = ["variant_rank", "variant_id", "variant", "length", "cases", "share",
                   "cumulative_share", "lead_time_working_days_median",
                   "lead_time_working_days_mean", "lead_time_days_median",
                   "lead_time_days_mean"]
TIMELINE_COLUMNS = ["case_id", "position", "activity", "timestamp", "start_timestamp",
                    "resource", "agency", "wait_before_working_hours", "wait_before_hours",
                    "processing_working_hours", "processing_hours", "wait_after_working_hours",
                    "wait_after_hours", "wait_includes_processing"]


def _variant_id(text: str) -> str:
    """The id the analysis table gives a variant's text."""
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def case_variants(view: LogView, whole: bool) -> ir.Table:
    """Per case of the view: ``case_code``, ``variant`` (text), ``length`` and the lead times;
    the variant is rebuilt from the remaining events unless the view holds ``whole`` cases."""
    cases = view.cases
    if whole:
        return cases.select("case_code", "variant", "lead_time_working_days",
                            "lead_time_seconds", length=cases.n_events)
    events = view.events
    # The activities in the order of the case's events, portably: Spark cannot order an
    # aggregate's input (no ordered ``group_concat``) and DuckDB 2 rejects the lambdas Ibis
    # writes for ``map``. So each event becomes "<event_index, 10 digits><US><activity>"; a
    # case's texts are collected, sorted (event_index numbers the events in (time, logged)
    # order at import), joined, and the keys removed.
    keyed = (events.event_index.cast("string").lpad(_KEY_DIGITS, "0") + _KEY_END
             + events.activity.cast("string"))
    sequences = events.group_by("case_code").aggregate(steps=keyed.collect(),
                                                       length=events.count())
    sequences = sequences.select(
        "case_code", "length",
        variant=sequences.steps.sort().join(SEPARATOR).re_replace(_KEY_PATTERN, ""))
    return sequences.join(cases.select("case_code", "lead_time_working_days",
                                       "lead_time_seconds"), "case_code")


def variants(view: LogView) -> pd.DataFrame:
    """One row per variant of ``view``, most frequent first.

    Columns: variant_rank (1 = most frequent; ties by first case), variant_id, variant (the
    activities joined by " → "), length (events), cases, share and cumulative_share of the
    view's cases, and the dossiers' lead time (received → result ready, from the case table)
    as median and mean in working days and in calendar days (``lead_time_days_*``).
    """
    per_case = case_variants(view, view.holds_whole_cases())
    days = per_case.lead_time_seconds / 86400
    grouped = per_case.group_by("variant").aggregate(
        length=per_case.length.max(), cases=per_case.count(),
        first_case=per_case.case_code.min(),
        lead_time_working_days_median=per_case.lead_time_working_days.median(),
        lead_time_working_days_mean=per_case.lead_time_working_days.mean(),
        lead_time_days_median=days.median(), lead_time_days_mean=days.mean())
    order = [ibis.desc(grouped.cases), grouped.first_case]
    total = grouped.cases.sum().over()
    ranked = grouped.mutate(
        variant_rank=ibis.row_number().over(order_by=order) + 1,
        share=grouped.cases / total,
        cumulative_share=grouped.cases.cumsum(order_by=order) / total)
    frame = ranked.to_pandas().sort_values("variant_rank", ignore_index=True)
    frame["variant_id"] = frame["variant"].map(_variant_id)
    return frame[VARIANT_COLUMNS].astype({"variant_rank": "int64", "length": "int64",
                                          "cases": "int64"})


def _optional(events: ir.Table, column: str, dtype: str) -> ir.Value:
    return events[column] if column in events.columns else ibis.null(dtype)


def case_timeline(view: LogView, case_id: str) -> pd.DataFrame:
    """The events of one dossier of ``view`` in order, for a case explorer.

    Columns: case_id, position (0-based), activity, timestamp and start_timestamp (local
    time, NaT without start times), resource and agency (empty when not logged); the wait
    before and after each event in working hours and wall-clock hours (NaN at the ends) and
    the event's processing (start → end; NaN without a start time). The wait before an event
    is its in-tray time, from the previous event's end to its start; an event without a start
    time has ``wait_includes_processing`` set: its wait runs to its end, as do all waits of a
    view whose start times are hand-over times (mining/log/transitions.py). An id not in the
    view gives an empty table.
    """
    events = view.events.filter(view.events.case_id == case_id)
    window = ibis.window(order_by=[events.timestamp, events.event_index])
    timeline = events.select(
        "case_id", "activity", "timestamp", "clock",
        position=ibis.row_number().over(window),
        start_timestamp=_optional(events, "start_timestamp", "timestamp('UTC')"),
        start_clock=_optional(events, "start_clock", "float64"),
        resource=_optional(events, "resource", "string").cast("string"),
        agency=_optional(events, "agency", "string").cast("string"))
    frame = timeline.to_pandas().sort_values("position", ignore_index=True)
    for column in ("timestamp", "start_timestamp"):
        # microseconds whatever the engine returns (Spark: tz-naive UTC in nanoseconds)
        frame[column] = pd.to_datetime(frame[column], utc=True).dt.tz_convert(TZ).dt.as_unit("us")
    if starts_are_handovers(view):
        frame["start_clock"] = np.nan
    return _waits_before(frame)[TIMELINE_COLUMNS].astype({"position": "int64"})


def _in_tray(until_start: pd.Series, until_end: pd.Series) -> pd.Series:
    """The wait up to the start (0 … the time to the end), else up to the end."""
    return np.minimum(until_start.clip(lower=0), until_end).fillna(until_end)


def _waits_before(frame: pd.DataFrame) -> pd.DataFrame:
    """A timeline's waits (in-tray where the event has a start time) and processing."""
    clock, start_clock = frame["clock"].astype("float64"), frame["start_clock"].astype("float64")
    started = frame["start_timestamp"].where(start_clock.notna())
    previous, previous_clock = frame["timestamp"].shift(1), clock.shift(1)
    hours = _in_tray((started - previous).dt.total_seconds(),
                     (frame["timestamp"] - previous).dt.total_seconds()) / 3600
    working_hours = _in_tray(start_clock - previous_clock, clock - previous_clock) / 60
    frame["wait_before_hours"], frame["wait_before_working_hours"] = hours, working_hours
    frame["wait_after_hours"] = hours.shift(-1)
    frame["wait_after_working_hours"] = working_hours.shift(-1)
    frame["processing_hours"] = (frame["timestamp"] - started
                                 ).dt.total_seconds().clip(lower=0) / 3600
    frame["processing_working_hours"] = (clock - start_clock).clip(lower=0) / 60
    frame["wait_includes_processing"] = started.isna() & previous.notna()
    return frame

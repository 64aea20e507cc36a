"""Filters as values: small frozen dataclasses whose ``apply(view)`` returns a narrower view.

Filters compose (``apply_filters`` applies them in order) and are hashable, so an app can
cache results by the filter list. Each builds Ibis expressions over the view's tables; nothing
is computed until a map, a variant list or a KPI asks for it. A filter that matches nothing
gives a valid empty view. Case-level filters keep or drop whole dossiers; ``AttributeIn`` and
``AttributeEquals`` on the events table keep only the matching events (maps and variants are
then recomputed over what remains).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import ibis
import ibis.expr.types as ir
import pandas as pd

from dossierflow.mining.errors import ColumnMappingError, DossierflowError
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.transitions import follows
from dossierflow.mining.log.variants import case_variants
from dossierflow.mining.vocabulary import MAP_END, MAP_START, TZ

TIME_MODES = ("started", "completed", "contained", "intersecting", "received")
ON_TIME_CLASSES = ("early", "on_time", "late", "open")


class Filter(Protocol):
    """Anything with ``apply(view) -> LogView``."""

    def apply(self, view: LogView) -> LogView: ...


def _keep_cases(view: LogView, case_codes: ir.Table, keep: bool = True) -> LogView:
    """The view narrowed to the cases in ``case_codes`` (or to the others)."""
    join = view.cases.semi_join if keep else view.cases.anti_join
    return view.with_cases(join(case_codes, "case_code"))


def _column(view: LogView, table: str, column: str) -> ir.Column:
    if table not in ("cases", "events"):
        raise DossierflowError(f"'{table}' is not a table of a log.",
                               fix="filter on table='cases' or table='events'.")
    source = getattr(view, table)
    if column not in source.columns:
        raise ColumnMappingError(
            f"the {table} of this log have no column '{column}'.", column=column,
            fix=f"filter on one of: {', '.join(source.columns)}.")
    return source[column]


def _utc(moment: Any) -> pd.Timestamp | None:
    if moment is None:
        return None
    stamp = pd.Timestamp(moment)
    return (stamp.tz_localize(TZ) if stamp.tzinfo is None else stamp).tz_convert("UTC")


@dataclass(frozen=True)
class AttributeIn:
    """Keep dossiers (``table="cases"``) or events (``table="events"``) whose ``column`` is
    one of ``values``."""

    column: str
    values: tuple
    table: Literal["cases", "events"] = "cases"

    def __post_init__(self) -> None:
        values = (self.values,) if isinstance(self.values, str) else tuple(self.values)
        object.__setattr__(self, "values", values)

    def apply(self, view: LogView) -> LogView:
        column = _column(view, self.table, self.column)
        hit = column.isin(list(self.values))
        if self.table == "events":
            return view.with_events(view.events.filter(hit))
        return view.with_cases(view.cases.filter(hit))


@dataclass(frozen=True)
class AttributeEquals:
    """Keep dossiers (or events) whose ``column`` equals ``value``."""

    column: str
    value: Any
    table: Literal["cases", "events"] = "cases"

    def apply(self, view: LogView) -> LogView:
        return AttributeIn(self.column, (self.value,), self.table).apply(view)


@dataclass(frozen=True)
class TimeRange:
    """Keep dossiers by their time span (first to last event) against [start, end).

    ``mode``: "started" (first event in the range), "completed" (last event in it),
    "contained" (both), "intersecting" (any overlap), "received" (the day of receipt,
    ``received_at``, as Decision 766 counts them). Either bound may be None (open);
    times without an offset are Asia/Ho_Chi_Minh.
    """

    start: Any = None
    end: Any = None
    mode: Literal["started", "completed", "contained", "intersecting",
                  "received"] = "intersecting"

    def __post_init__(self) -> None:
        if self.mode not in TIME_MODES:
            raise DossierflowError(f"'{self.mode}' is not a time-range mode.",
                                   fix=f"use one of {', '.join(TIME_MODES)}.")
        object.__setattr__(self, "start", _utc(self.start))
        object.__setattr__(self, "end", _utc(self.end))

    def apply(self, view: LogView) -> LogView:
        if self.mode == "received":
            spans = view.cases.select("case_code", first=view.cases.received_at,
                                      last=view.cases.received_at)
        elif view.holds_whole_cases():
            spans = view.cases.select("case_code", first=view.cases.first_timestamp,
                                      last=view.cases.last_timestamp)
        else:
            events = view.events
            spans = events.group_by("case_code").aggregate(first=events.timestamp.min(),
                                                           last=events.timestamp.max())
        lower = spans.last if self.mode in ("completed", "intersecting") else spans.first
        upper = spans.first if self.mode in ("started", "intersecting") else spans.last
        condition = ibis.literal(True)
        if self.start is not None:
            condition &= lower >= self.start
        if self.end is not None:
            condition &= upper < self.end
        return _keep_cases(view, spans.filter(condition).select("case_code"))


@dataclass(frozen=True)
class VariantCoverage:
    """Keep the dossiers of the most frequent variants that together cover ``share`` of the
    view's dossiers (the variant that crosses the share is kept)."""

    share: float

    def apply(self, view: LogView) -> LogView:
        per_case = case_variants(view, view.holds_whole_cases())
        counts = per_case.group_by("variant").aggregate(cases=per_case.count(),
                                                        first_case=per_case.case_code.min())
        order = [ibis.desc(counts.cases), counts.first_case]
        # the window sums as columns first: Ibis cannot filter on window functions on Spark
        ranked = counts.mutate(before=counts.cases.cumsum(order_by=order) - counts.cases,
                               total=counts.cases.sum().over())
        kept = ranked.filter(ranked.before < self.share * ranked.total).select("variant")
        return _keep_cases(view, per_case.semi_join(kept, "variant").select("case_code"))


@dataclass(frozen=True)
class CaseDuration:
    """Keep dossiers whose lead time (received → result ready) lies in [min_days, max_days],
    in working days (``unit="working"``) or calendar days; open dossiers drop out when a
    bound is given."""

    min_days: float | None = None
    max_days: float | None = None
    unit: Literal["working", "calendar"] = "working"

    def apply(self, view: LogView) -> LogView:
        cases = view.cases
        if self.unit == "working":
            days = cases.lead_time_working_days
        elif self.unit == "calendar":
            days = cases.lead_time_seconds / 86400
        else:
            raise DossierflowError(f"'{self.unit}' is not a duration unit.",
                                   fix="use unit='working' or unit='calendar'.")
        condition = ibis.literal(True)
        if self.min_days is not None:
            condition &= days >= self.min_days
        if self.max_days is not None:
            condition &= days <= self.max_days
        return view.with_cases(cases.filter(condition))


@dataclass(frozen=True)
class DirectlyFollows:
    """Keep dossiers in which activity ``a`` is directly followed by ``b`` (or, with
    ``present=False``, those in which it never is). ``a`` may be the map's start (▶) and
    ``b`` its end (■)."""

    a: str
    b: str
    present: bool = True

    def apply(self, view: LogView) -> LogView:
        pairs = follows(view)
        if self.a == MAP_START:
            hit = pairs.is_first & (pairs.activity == self.b)
        elif self.b == MAP_END:
            hit = (pairs.activity == self.a) & pairs.next_activity.isnull()
        else:
            hit = (pairs.activity == self.a) & (pairs.next_activity == self.b)
        return _keep_cases(view, pairs.filter(hit).select("case_code"), keep=self.present)


@dataclass(frozen=True)
class OnTimeClass:
    """Keep dossiers of the given on-time classes (early, on_time, late, open; Decision 766)."""

    classes: tuple[str, ...]

    def __post_init__(self) -> None:
        classes = (self.classes,) if isinstance(self.classes, str) else tuple(self.classes)
        unknown = sorted(set(classes) - set(ON_TIME_CLASSES))
        if unknown:
            raise DossierflowError(f"unknown on-time classes {unknown}.",
                                   fix=f"use some of {', '.join(ON_TIME_CLASSES)}.")
        object.__setattr__(self, "classes", classes)

    def apply(self, view: LogView) -> LogView:
        return AttributeIn("on_time_class", self.classes).apply(view)


def agency_in(*agencies: str) -> AttributeIn:
    """Dossiers handled by one of ``agencies`` (the case table's ``agency``)."""
    return AttributeIn("agency", agencies)


def procedure_in(*procedures: str) -> AttributeIn:
    """Dossiers of one of ``procedures`` (``procedure_id``)."""
    return AttributeIn("procedure_id", procedures)


def field_in(*fields: str) -> AttributeIn:
    """Dossiers of one of the ``fields`` (lĩnh vực)."""
    return AttributeIn("field", fields)


def channel_in(*channels: str) -> AttributeIn:
    """Dossiers submitted through one of ``channels`` (in_person, online_full, …)."""
    return AttributeIn("channel", channels)


def model_in(*models: str) -> AttributeIn:
    """Dossiers handled under one of ``models`` (transfer, five_on_spot, …)."""
    return AttributeIn("model", models)


def outcome_in(*outcomes: str) -> AttributeIn:
    """Dossiers with one of ``outcomes``."""
    return AttributeIn("outcome", outcomes)


def apply_filters(view: LogView, filters: Iterable[Filter]) -> LogView:
    """``view`` narrowed by each filter in turn (no filters: the view itself)."""
    for one in filters:
        view = one.apply(view)
    return view

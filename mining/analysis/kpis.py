"""Decision 766 indicators measurable from a dossier log, and their points.

The period is the view: filter its cases on ``received_at`` first (766 counts dossiers by
NgayTiepNhan). Indicator definitions and scoring: docs/domain.md §1.5 and §3; thresholds, points
and configurable rules: ``datasets/kpi_766.json``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, get_args

import ibis
import numpy as np
import pandas as pd

from dossierflow.mining.errors import ColumnMappingError
from dossierflow.mining.log.analysis_table import VERDICTS, classes_by_verdict
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.working_time import WorkCalendar
from dossierflow.mining.vocabulary import DATASETS_DIR, ONLINE_CHANNELS, ONLINE_UNSPECIFIED

CONFIG = DATASETS_DIR / "kpi_766.json"
VIETNAM_UTC_OFFSET_HOURS = 7  # Asia/Ho_Chi_Minh has had no daylight saving since 1975
COLUMNS = ["n_received", "n_judged", "n_early", "n_on_time", "n_open_not_due", "n_late",
           "n_late_open", "n_repeat_supplement", "on_time_pct", "n_completed",
           "mean_handling_working_days", "online_pct", "online_full_pct", "online_partial_pct",
           "online_unspecified_pct", "n_fee_bearing", "online_payment_pct", "digitised_pct",
           "five_on_spot_pct", "n_system_verdict", "system_agreement_pct"]
Grouping = Literal["month", "agency", "procedure_id", "field", "channel", "model"]
GROUPINGS = get_args(Grouping)
# why an indicator has no value or no points: the code the scorecard gives, and its English
# text (``{columns}``: the columns the log lacks); the app translates the codes
Reason = Literal["", "not_measurable", "missing_columns", "no_denominator", "not_scored",
                 "weight_unknown", "threshold_unknown"]
# how an indicator stands against its threshold: reached it, below it, measured without a
# threshold (2.2, 3.5), or not measured from this log
Status = Literal["met", "below", "no_threshold", "unmeasured"]
REASONS: dict[str, str] = {
    "": "",
    "not_measurable": "not measurable from a dossier log",
    "missing_columns": "no {columns} column",
    "no_denominator": "no dossier in the denominator",
    "not_scored": "informative, not scored",
    "weight_unknown": "weight unknown",
    "threshold_unknown": "threshold unknown",
}


def _config(config: dict | str | Path | None) -> dict:
    if isinstance(config, dict):
        return config
    return json.loads(Path(config or CONFIG).read_text(encoding="utf-8"))


def _pct(numerator: ibis.Value, denominator: ibis.Value) -> ibis.Value:
    return numerator.cast("float64") * 100.0 / denominator.nullif(0).cast("float64")


def _count(condition: ibis.Value) -> ibis.Value:
    """How many dossiers meet ``condition``; 0, never null, when none does. A plain sum of
    conditions is null when every condition is (``on_time_class == "early"`` in a log without
    due dates), and on Spark Ibis compiles ``count(where=...)`` to such a sum."""
    return condition.fill_null(False).cast("int64").sum().fill_null(0)


def reason_en(reason: Reason, missing_columns: str = "") -> str:
    """The English text of a scorecard reason code; ``missing_columns`` as the scorecard gives
    them ("fee, paid_online")."""
    names = " or ".join(f"'{n}'" for n in missing_columns.split(", ") if n)
    return REASONS[reason].format(columns=names)


def kpis(view: LogView, *, by: Grouping | None = None,
         config: dict | str | Path | None = None) -> pd.DataFrame:
    """The 766 indicators of the view's dossiers, overall or one row per ``by`` group.

    ``by``: None, ``"month"`` (of receipt, local time, ``YYYY-MM``), ``"agency"``,
    ``"procedure_id"``, ``"field"``, ``"channel"`` or ``"model"``. Percentages are 0–100.

    * ``n_received``: dossiers received (the view).
    * 2.1 ``on_time_pct`` = (``n_early`` + ``n_on_time`` + ``n_open_not_due``) / ``n_judged``,
      where judged = received with a due date; ``n_late`` counts closed late, open overdue
      (``n_late_open``, judged at the log's end) and dossiers with a second supplement
      request (``n_repeat_supplement``, late under 766 whatever their dates).
    * 2.2 ``mean_handling_working_days``: handling time (supplement pauses excluded) summed
      over the ``n_completed`` dossiers with a result, divided by their number.
    * 3.3 ``online_pct``: channel in the config's ``online_channels`` / dossiers with a known
      channel; apart: ``online_full_pct``, ``online_partial_pct`` and
      ``online_unspecified_pct`` (``online`` without full/partial detail).
    * 3.5 ``online_payment_pct``: paid online / ``n_fee_bearing`` (fee > 0).
    * 4.2 ``digitised_pct``: digitised / dossiers with a known digitised flag.
    * ``five_on_spot_pct``: model in the config's ``on_spot_models`` / known model.
    * ``n_system_verdict``: judged dossiers whose log gives the system's own verdict (Trước
      hạn / Đúng hạn / Trễ hạn); ``system_agreement_pct``: those on which the computed class
      agrees with it on late or not late. Both NaN when the log gives no verdict.

    An indicator whose columns the log lacks is NaN, and ``reasons`` says why in English
    (empty text when every indicator could be computed).
    """
    table, lacking = _measure(view, by, _config(config)["rules"])
    table["reasons"] = "; ".join(f"{name}: {reason_en('missing_columns', columns)}"
                                 for name, columns in lacking.items())
    return table


def _measure(view: LogView, by: Grouping | None,
             rules: dict) -> tuple[pd.DataFrame, dict[str, str]]:
    """The ``kpis`` table without ``reasons``, and the columns ("fee, paid_online") each
    indicator the log cannot measure lacks."""
    c = view.cases
    columns = set(c.columns)
    if by is not None and by not in GROUPINGS:
        raise ValueError(f"by must be None or one of {GROUPINGS}, not {by!r}")
    if by is not None and by != "month" and by not in columns:
        raise ColumnMappingError(
            f"the dossiers have no '{by}' column to group by.",
            fix=f"import a dossier list with a {by} column, or group by another column.")
    if by == "month":
        local = c.received_at + ibis.interval(hours=VIETNAM_UTC_OFFSET_HOURS)
        c = c.mutate(month=local.strftime("%Y-%m"))
    keys = [by] if by else []
    klass, closed = c.on_time_class, c.finished_at.notnull()
    metrics = {
        "n_received": c.count(),
        "n_judged": _count(klass.notnull()),
        "n_early": _count(klass == "early"),
        "n_on_time": _count(klass == "on_time"),
        "n_open_not_due": _count(klass == "open"),
        "n_late": _count(klass == "late"),
        "n_late_open": _count((klass == "late") & ~closed),
        "n_repeat_supplement": _count(c.n_supplement_requests > 1),
        "n_completed": _count(closed),
        "mean_handling_working_days": c.handling_working_days.mean(where=closed),
    }
    online, on_spot = tuple(rules["online_channels"]), tuple(rules["on_spot_models"])
    # share -> (columns it needs, its (numerator, denominator) built once they exist)
    shares = {
        "online_pct": (("channel",), lambda: (c.channel.isin(online), c.channel.notnull())),
        **{f"{channel}_pct": (("channel",), lambda channel=channel: (
            c.channel == channel, c.channel.notnull())) for channel in ONLINE_CHANNELS},
        "online_unspecified_pct": (("channel",), lambda: (c.channel == ONLINE_UNSPECIFIED,
                                                          c.channel.notnull())),
        "online_payment_pct": (("fee", "paid_online"), lambda: (
            (c.fee > 0) & c.paid_online.cast("boolean").fill_null(False), c.fee > 0)),
        "digitised_pct": (("digitised",), lambda: (
            c.digitised.cast("boolean").fill_null(False), c.digitised.notnull())),
        "five_on_spot_pct": (("model",), lambda: (c.model.isin(on_spot), c.model.notnull())),
    }
    if "fee" in columns:
        metrics["n_fee_bearing"] = _count(c.fee > 0)
    if "system_verdict" in columns:
        known = klass.notnull() & c.system_verdict.isin(VERDICTS)
        metrics["n_system_verdict"] = _count(known)
        metrics["n_system_agreeing"] = _count(
            known & ((klass == "late") == (c.system_verdict == "late")))
    lacking = {}
    for name, (needs, parts) in shares.items():
        if any(n not in columns for n in needs):
            lacking[name] = ", ".join(n for n in needs if n not in columns)
        else:
            numerator, denominator = parts()
            metrics[name] = _pct(numerator.sum(), denominator.sum())
    table = c.group_by(keys).aggregate(**metrics) if keys else c.aggregate(**metrics)
    table = table.mutate(on_time_pct=_pct(
        table.n_early + table.n_on_time + table.n_open_not_due, table.n_judged))
    if "system_verdict" in columns:
        table = table.mutate(system_agreement_pct=_pct(table.n_system_agreeing,
                                                       table.n_system_verdict))
    out = (table.order_by(keys) if keys else table).to_pandas().reindex(columns=keys + COLUMNS)
    for name in shares:
        out[name] = out[name].astype("float64")
    return out, lacking


def verdict_crosstab(view: LogView) -> pd.DataFrame:
    """The view's dossiers per computed on-time class (rows) and the system's own verdict
    (columns), over those that have both; empty when the log gives no verdict."""
    if "system_verdict" not in view.cases.columns:
        return classes_by_verdict(pd.DataFrame())
    return classes_by_verdict(view.cases.select("on_time_class", "system_verdict").to_pandas())


def scorecard(view: LogView, config: dict | str | Path | None = None) -> pd.DataFrame:
    """Points per 766 indicator: ``max_points × min(1, value_pct / threshold_pct)``.

    One row per indicator of the config, in its order: ``indicator``, ``group``, ``name_vi``,
    ``name_en``, ``measure`` (the ``kpis`` column used), ``value``, ``threshold_pct``,
    ``max_points``, ``points``, ``reason`` (why ``value`` or ``points`` is missing: a code of
    ``REASONS``, empty when neither is), ``missing_columns`` (for the code
    ``missing_columns``, the columns the log lacks: "fee, paid_online"; else empty),
    ``reason_en`` (the reason in English, for exports), ``status`` (``Status``: the value
    against its threshold) and ``source``. Points stay NaN where
    the value, the threshold or the indicator's weight is unknown; informative indicators
    (2.2) carry their value without points.
    """
    cfg = _config(config)
    table, lacking = _measure(view, None, cfg["rules"])
    overall = table.iloc[0]
    rows = []
    for ind in cfg["indicators"]:
        measure = ind.get("measure")
        value = float(overall[measure]) if measure and pd.notna(overall[measure]) else np.nan
        top, threshold = ind.get("max_points"), ind.get("threshold_pct")
        reason = _reason(ind, value, lacking)
        points = top * min(1.0, value / threshold) if reason == "" else np.nan
        missing = lacking.get(measure, "")
        rows.append({"indicator": ind["id"], "group": ind["group"], "name_vi": ind["name_vi"],
                     "name_en": ind["name_en"], "measure": measure, "value": value,
                     "threshold_pct": np.nan if threshold is None else float(threshold),
                     "max_points": np.nan if top is None else float(top), "points": points,
                     "reason": reason, "missing_columns": missing,
                     "reason_en": reason_en(reason, missing),
                     "status": _status(value, threshold), "source": ind["source"]})
    return pd.DataFrame(rows)


def _status(value: float, threshold: float | None) -> Status:
    if np.isnan(value):
        return "unmeasured"
    if threshold is None:
        return "no_threshold"
    return "met" if value >= threshold else "below"


def partial_months(months: Sequence[str], first: dt.date, last: dt.date,
                   calendar: WorkCalendar) -> list[bool]:
    """Whether each month (``YYYY-MM``) is covered only in part by the days of receipt
    ``first`` to ``last`` (inclusive, local): a working day of the month falls outside them.
    Such a month holds fewer dossiers than a whole one without any fall in demand."""
    out = []
    for month in months:
        start = pd.Timestamp(f"{month}-01", tz=calendar.timezone)
        end = start + pd.offsets.MonthBegin(1)
        before = pd.Timestamp(max(start.date(), first), tz=calendar.timezone)
        after = pd.Timestamp(min((end - pd.Timedelta(days=1)).date(), last),
                             tz=calendar.timezone) + pd.Timedelta(days=1)
        outside = (calendar.working_minutes_between([start, after], [before, end]) > 0).any()
        out.append(bool(outside))
    return out


def _reason(indicator: dict, value: float, lacking: dict[str, str]) -> Reason:
    """Why the indicator has no value or no points ("" when it has both)."""
    measure = indicator.get("measure")
    if not measure:
        return "not_measurable"
    if measure in lacking:
        return "missing_columns"
    if np.isnan(value):
        return "no_denominator"
    if not indicator.get("scored", True):
        return "not_scored"
    if indicator.get("max_points") is None:
        return "weight_unknown"
    if indicator.get("threshold_pct") is None:
        return "threshold_unknown"
    return ""

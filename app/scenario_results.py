"""The results of an experiment on the Scenarios page: each figure's mean and 95 % confidence
interval for the baseline and every scenario, written "2,7 [2,6 – 2,8]" in Vietnamese, as
tables, a chart with error bars and downloads."""

from __future__ import annotations

import json
import math

import altair as alt
import pandas as pd

from dossierflow.app.formats import MISSING, fmt_number, vega_locale
from dossierflow.app.i18n import t
from dossierflow.app.value_labels import value_label
from dossierflow.simulation.experiment import ExperimentResult

# the figures of the results table: name → (digits, scale); on-time rates are percentages
MAIN = {"dossiers_per_year": (0, 1), "lead_time_working_days_median": (1, 1),
        "lead_time_working_days_mean": (1, 1), "lead_time_calendar_days_median": (1, 1),
        "lead_time_calendar_days_mean": (1, 1), "on_time_rate": (1, 100),
        "late_per_year": (0, 1), "citizen_days_saved_per_year": (0, 1)}
PERCENT = ("on_time_rate",)
# per-step and per-pool figures: prefix → (digits, scale); waits are working minutes
DETAILS = {"step_minutes": (1, 1 / 60), "utilisation": (1, 100), "queue_length": (1, 1)}


def interval(part: dict | None, lang: str, digits: int = 1, scale: float = 1,
             percent: bool = False) -> str:
    """``{"mean": m, "ci95": [lo, hi]}`` as "m [lo – hi]" (× ``scale``); '–' when absent."""
    if not part or not math.isfinite(part["mean"]):
        return MISSING
    unit = "%" if percent else ""
    mean, (low, high) = part["mean"] * scale, part["ci95"]
    return (f"{fmt_number(mean, lang, digits)}{unit} [{fmt_number(low * scale, lang, digits)}"
            f" – {fmt_number(high * scale, lang, digits)}{unit}]")


def summaries(result: ExperimentResult) -> dict[str, dict]:
    """``ExperimentResult.summary`` of every scenario."""
    return {name: result.summary(name) for name in result.scenarios}


def figures_table(result: ExperimentResult, lang: str) -> pd.DataFrame:
    """One row per main figure: the baseline, then each scenario and its change."""
    summary = summaries(result)
    first = next(iter(summary.values()))
    rows = []
    for name, (digits, scale) in MAIN.items():
        if name not in first:
            continue
        fmt = {"lang": lang, "digits": digits, "scale": scale, "percent": name in PERCENT}
        row = {t("col_figure", lang): t(f"fig_{name}", lang),
               t("baseline", lang): interval(first[name].get("baseline"), **fmt)}
        for scenario, figures in summary.items():
            row[scenario] = interval(figures[name].get("scenario"), **fmt)
            row[t("change_of", lang).format(name=scenario)] = interval(
                figures[name].get("delta"), **fmt)
        rows.append(row)
    return pd.DataFrame(rows)


def chart_data(result: ExperimentResult, figure: str, lang: str) -> pd.DataFrame:
    """Mean and interval of ``figure`` for the baseline and each scenario (each scenario
    only for the citizen-days saved, a difference)."""
    _, scale = MAIN[figure]
    rows = []
    for scenario, figures in summaries(result).items():
        parts = figures.get(figure, {})
        if "baseline" in parts and not rows:
            rows.append((t("baseline", lang), parts["baseline"]))
        rows.append((scenario, parts.get("scenario") or parts.get("delta")))
    return pd.DataFrame([{"variant": v, "mean": p["mean"] * scale, "low": p["ci95"][0] * scale,
                          "high": p["ci95"][1] * scale} for v, p in rows if p])


def interval_chart(frame: pd.DataFrame, title: str, lang: str) -> alt.Chart:
    """Each variant's mean as a bar, its 95 % confidence interval as an error bar."""
    base = alt.Chart(frame).encode(x=alt.X("variant:N", sort=None, title=None,
                                           axis=alt.Axis(labelAngle=0, labelLimit=220)))
    bars = base.mark_bar(opacity=0.6).encode(
        y=alt.Y("mean:Q", title=title, axis=alt.Axis(format=",.1f")),
        tooltip=[alt.Tooltip("variant:N", title=""),
                 alt.Tooltip("mean:Q", format=",.2f", title=title),
                 alt.Tooltip("low:Q", format=",.2f", title="95 % –"),
                 alt.Tooltip("high:Q", format=",.2f", title="95 % +")])
    errors = base.mark_errorbar(ticks=True, thickness=2).encode(
        y=alt.Y("low:Q", title=title), y2="high:Q")
    return (bars + errors).properties(height=260).configure(locale=vega_locale(lang))


def detail_table(result: ExperimentResult, prefix: str, label: str,
                 lang: str) -> pd.DataFrame:
    """Per step (``step_minutes``, in working hours) or per pool (``utilisation`` in %,
    ``queue_length``): the baseline and each scenario."""
    digits, scale = DETAILS[prefix]
    fmt = {"lang": lang, "digits": digits, "scale": scale, "percent": prefix == "utilisation"}
    summary = summaries(result)
    first = next(iter(summary.values()))
    rows = []
    for name in sorted(n for n in first if n.startswith(f"{prefix}:")):
        item = name.split(":", 1)[1]
        shown = value_label("activity", item, lang) if prefix == "step_minutes" else item
        row = {label: shown, t("baseline", lang): interval(first[name]["baseline"], **fmt)}
        for scenario, figures in summary.items():
            row[scenario] = interval(figures.get(name, {}).get("scenario"), **fmt)
        rows.append(row)
    return pd.DataFrame(rows)


def results_json(result: ExperimentResult) -> str:
    """results.json: ``ExperimentResult.to_dict``."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n"

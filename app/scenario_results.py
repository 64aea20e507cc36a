"""The results of an experiment on the Scenarios page: each figure's mean and 95 % confidence
interval for the baseline and every scenario, written "2,7 [2,6 – 2,8]" in Vietnamese, beside
the figure observed in the log over the same period; the effect of each change on its own; as
tables, a chart with error bars and downloads.

The experiment may hold runs the user did not name (each change of a scenario alone):
``shown`` lists the scenarios the tables and chart show."""

from __future__ import annotations

import json
import math

import altair as alt
import pandas as pd

from dossierflow.app.formats import MISSING, fmt_number, vega_locale
from dossierflow.app.i18n import t
from dossierflow.app.value_labels import pool_label, value_label
from dossierflow.simulation.asis import OVERALL
from dossierflow.simulation.experiment import ExperimentResult

# the figures of the results table: name → (digits, scale); on-time rates are percentages
MAIN = {"dossiers_per_year": (0, 1), "lead_time_working_days_median": (1, 1),
        "lead_time_working_days_mean": (1, 1), "lead_time_calendar_days_median": (1, 1),
        "lead_time_calendar_days_mean": (1, 1), "on_time_rate": (1, 100),
        "late_per_year": (0, 1), "citizen_days_saved_per_year": (0, 1)}
PERCENT = ("on_time_rate",)
# per-step and per-pool figures: prefix → (digits, scale); waits are working minutes
DETAILS = {"step_minutes": (1, 1 / 60), "utilisation": (1, 100), "queue_length": (1, 1)}
# the figures of the effect of each change on its own
EFFECTS = ("lead_time_working_days_median", "on_time_rate", "late_per_year",
           "citizen_days_saved_per_year")
MONTHS = 12


def interval(part: dict | None, lang: str, digits: int = 1, scale: float = 1,
             percent: bool = False) -> str:
    """``{"mean": m, "ci95": [lo, hi]}`` as "m [lo – hi]" (× ``scale``); '–' when absent."""
    if not part or not math.isfinite(part["mean"]):
        return MISSING
    unit = "%" if percent else ""
    mean, (low, high) = part["mean"] * scale, part["ci95"]
    return (f"{fmt_number(mean, lang, digits)}{unit} [{fmt_number(low * scale, lang, digits)}"
            f" – {fmt_number(high * scale, lang, digits)}{unit}]")


def summaries(result: ExperimentResult, shown: list[str] | None = None) -> dict[str, dict]:
    """``ExperimentResult.summary`` of every scenario (of those ``shown``)."""
    return {name: result.summary(name) for name in result.scenarios
            if shown is None or name in shown}


def observed(figures: dict[tuple[str, str], float]) -> dict[str, float]:
    """The main figures of the log's own ``figures`` (``asis.log_figures`` of the simulated
    period and procedures); those a log cannot give (means, savings) are absent."""
    log = {figure: value for (scope, figure), value in figures.items() if scope == OVERALL}
    out = {k: float(log[k]) for k in ("lead_time_working_days_median",
                                       "lead_time_calendar_days_median", "on_time_rate")
           if k in log and math.isfinite(log[k])}
    if math.isfinite(log.get("dossiers_per_month", math.nan)):
        out["dossiers_per_year"] = MONTHS * float(log["dossiers_per_month"])
        if "on_time_rate" in out:
            out["late_per_year"] = out["dossiers_per_year"] * (1 - out["on_time_rate"])
    return out


def _value(value: float | None, lang: str, digits: int, scale: float, percent: bool) -> str:
    if value is None:
        return MISSING
    return fmt_number(value * scale, lang, digits) + ("%" if percent else "")


def figures_table(result: ExperimentResult, lang: str, shown: list[str] | None = None,
                  log: dict[tuple[str, str], float] | None = None) -> pd.DataFrame:
    """One row per main figure: observed in the ``log`` (``asis.log_figures``), the
    baseline, then each scenario and its change."""
    summary = summaries(result, shown)
    first = next(iter(summary.values()))
    seen = observed(log or {})
    rows = []
    for name, (digits, scale) in MAIN.items():
        if name not in first:
            continue
        fmt = {"lang": lang, "digits": digits, "scale": scale, "percent": name in PERCENT}
        row = {t("col_figure", lang): t(f"fig_{name}", lang),
               t("observed_in_log", lang): _value(seen.get(name), **fmt),
               t("baseline", lang): interval(first[name].get("baseline"), **fmt)}
        for scenario, figures in summary.items():
            row[scenario] = interval(figures[name].get("scenario"), **fmt)
            row[t("change_of", lang).format(name=scenario)] = interval(
                figures[name].get("delta"), **fmt)
        rows.append(row)
    return pd.DataFrame(rows)


def effects_table(result: ExperimentResult, changes: list[tuple[str, str, str]],
                  lang: str) -> pd.DataFrame:
    """The effect of each change on its own: one row per (scenario, description of the
    change, the run that holds it alone), the change of each of ``EFFECTS`` against the
    baseline."""
    rows = []
    for scenario, text, run in changes:
        if run not in result.scenarios:
            continue
        figures = result.summary(run)
        row = {t("col_scenario", lang): scenario, t("col_change", lang): text}
        for name in EFFECTS:
            digits, scale = MAIN[name]
            row[t(f"fig_{name}", lang)] = interval(
                figures.get(name, {}).get("delta"), lang, digits, scale, name in PERCENT)
        rows.append(row)
    return pd.DataFrame(rows)


def chart_data(result: ExperimentResult, figure: str, lang: str,
               shown: list[str] | None = None) -> pd.DataFrame:
    """Mean and interval of ``figure`` for the baseline and each scenario (each scenario
    only for the citizen-days saved, a difference)."""
    _, scale = MAIN[figure]
    rows = []
    for scenario, figures in summaries(result, shown).items():
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


def detail_table(result: ExperimentResult, prefix: str, label: str, lang: str,
                 shown: list[str] | None = None) -> pd.DataFrame:
    """Per step (``step_minutes``, in working hours) or per pool (``utilisation`` in %,
    ``queue_length``): the baseline and each scenario."""
    digits, scale = DETAILS[prefix]
    fmt = {"lang": lang, "digits": digits, "scale": scale, "percent": prefix == "utilisation"}
    summary = summaries(result, shown)
    first = next(iter(summary.values()))
    rows = []
    for name in sorted(n for n in first if n.startswith(f"{prefix}:")):
        item = name.split(":", 1)[1]
        shown = (value_label("activity", item, lang) if prefix == "step_minutes"
                 else pool_label(item, lang))
        row = {label: shown, t("baseline", lang): interval(first[name]["baseline"], **fmt)}
        for scenario, figures in summary.items():
            row[scenario] = interval(figures.get(name, {}).get("scenario"), **fmt)
        rows.append(row)
    return pd.DataFrame(rows)


def results_json(result: ExperimentResult) -> str:
    """results.json: ``ExperimentResult.to_dict``."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n"

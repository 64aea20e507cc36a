"""The as-is check on the simulation pages: how far the unchanged model reproduces the open
log, shown before any prediction — a warning with the figures when it does not."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from dossierflow.app.formats import fmt_number
from dossierflow.app.i18n import t
from dossierflow.simulation.asis import LEAD_TOLERANCE, ON_TIME_TOLERANCE, OVERALL, AsIs

# the overall figures shown: name → (digits, scale) (rates as percentages)
SHOWN = {"dossiers_per_month": (0, 1), "lead_time_working_days_median": (2, 1),
         "lead_time_working_days_p90": (2, 1), "lead_time_calendar_days_median": (2, 1),
         "on_time_rate": (1, 100)}


def _error(row: pd.Series, lang: str) -> str:
    if not math.isfinite(row["error"]):
        return "–"
    sign = "+" if row["error"] > 0 else ""
    if row["unit"] == "pp":
        return f"{sign}{fmt_number(100 * row['error'], lang, 1)} {t('points', lang)}"
    return f"{sign}{fmt_number(100 * row['error'], lang, 1)}%"


def asis_table(check: AsIs, lang: str) -> pd.DataFrame:
    """The overall figures: the log's, the model's (mean of the baseline runs), the error."""
    rows = check.table.loc[(check.table["scope"] == OVERALL)
                           & check.table["figure"].isin(list(SHOWN))].set_index("figure")
    out = []
    for name, (digits, scale) in SHOWN.items():
        if name not in rows.index or not math.isfinite(rows.loc[name, "log"]):
            continue
        row = rows.loc[name]
        unit = "%" if name == "on_time_rate" else ""
        out.append({t("col_figure", lang): t(f"fig_{name}", lang),
                    t("col_log", lang): fmt_number(row["log"] * scale, lang, digits) + unit,
                    t("col_model", lang): fmt_number(row["simulated"] * scale, lang, digits)
                    + unit,
                    t("col_error", lang): _error(row, lang)})
    return pd.DataFrame(out)


def show_asis(check: AsIs | None, lang: str) -> None:
    """A warning when the model fails the check (else a line saying it passes), to show
    before the predictions."""
    if check is None:
        return
    lead = check.overall("lead_time_working_days_median")
    on_time = check.overall("on_time_rate")
    values = {"lead_log": fmt_number(lead["log"], lang, 2),
              "lead_model": fmt_number(lead["simulated"], lang, 2),
              "lead_error": _error(lead, lang), "time_error": _error(on_time, lang),
              "lead_tolerance": fmt_number(100 * LEAD_TOLERANCE, lang),
              "time_tolerance": fmt_number(100 * ON_TIME_TOLERANCE, lang)}
    if check.trusted:
        st.success(t("asis_ok", lang).format(**values), icon="✅")
    else:
        st.warning(t("asis_warning", lang).format(**values), icon="⚠️")


def show_asis_figures(check: AsIs | None, lang: str) -> None:
    """The check's figures, log against model, in an expander."""
    if check is None:
        return
    with st.expander(t("asis_title", lang)):
        st.caption(t("asis_help", lang).format(runs=check.runs))
        st.dataframe(asis_table(check, lang), hide_index=True)

"""Tổng quan / Overview: the Decision 766 scorecard, trends by month, the agency league."""

import numpy as np
import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app.charts import monthly
from dossierflow.app.filters_sidebar import filtered_log
from dossierflow.app.formats import fmt_number, fmt_percent
from dossierflow.app.i18n import reason_text, t
from dossierflow.app.state import language
from dossierflow.app.tables import show_table
from dossierflow.app.value_labels import value_label

lang = language()
st.title(t("page_overview", lang))
key, selection, n = filtered_log(lang)

overall = cm.kpi_table(key, selection).iloc[0]
c1, c2, c3, c4, c5 = st.columns(5)
c1.metric(t("n_received", lang), fmt_number(overall["n_received"], lang))
c2.metric(t("on_time_pct", lang), fmt_percent(overall["on_time_pct"], lang))
c3.metric(t("n_late", lang), fmt_number(overall["n_late"], lang))
c4.metric(t("mean_handling", lang), fmt_number(overall["mean_handling_working_days"], lang, 1))
c5.metric(t("online_pct", lang), fmt_percent(overall["online_pct"], lang))

st.subheader(t("scorecard", lang))
card = cm.scorecard(key, selection)
scored = card.dropna(subset=["points"])
if len(scored):
    st.caption(t("scorecard_points", lang).format(
        points=fmt_number(scored["points"].sum(), lang, 1),
        top=fmt_number(scored["max_points"].sum(), lang, 0)))
shown = card.assign(
    name=card[f"name_{lang}"],
    value=[fmt_number(v, lang, 1) + (f" {t('days', lang)}" if m == "mean_handling_working_days"
                                     else "%") if not np.isnan(v) else "–"
           for v, m in zip(card["value"], card["measure"])],
    reason=[reason_text(r, lang, c)
            for r, c in zip(card["reason"], card["missing_columns"], strict=True)])
columns = ["indicator", "name", "value", "threshold_pct", "max_points", "points", "reason"]
show_table(shown[columns], lang, percent=("threshold_pct",),
                    labels={c: t(f"col_{c}", lang) for c in columns})

st.subheader(t("trends", lang))
months = cm.kpi_table(key, selection, "month")
left, middle, right = st.columns(3)
left.altair_chart(monthly(months, "n_received", t("n_received", lang), lang, bar=True,
                          number_format=",d"), width="stretch")
middle.altair_chart(monthly(months, "on_time_pct", t("on_time_pct", lang), lang),
                    width="stretch")
right.altair_chart(monthly(months, "mean_handling_working_days", t("mean_handling", lang),
                           lang), width="stretch")

st.subheader(t("league", lang))
if "agency" not in cm.case_columns(key):
    st.info(t("no_agency", lang))
else:
    league = cm.kpi_table(key, selection, "agency").sort_values(
        ["on_time_pct", "mean_handling_working_days", "n_received"],
        ascending=[False, True, False], ignore_index=True)
    league.insert(0, "rank", np.arange(1, len(league) + 1))
    league["agency"] = league["agency"].map(lambda a: value_label("agency", a, lang))
    columns = ["rank", "agency", "n_received", "on_time_pct", "n_late",
               "mean_handling_working_days", "online_pct", "digitised_pct"]
    show_table(league[[c for c in columns if c in league]], lang,
                        percent=("on_time_pct", "online_pct", "digitised_pct"),
                        labels={c: t(f"col_{c}", lang) for c in columns})

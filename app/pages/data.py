"""Dữ liệu / Data: the open log, its column mapping and its validation report."""

import pandas as pd
import streamlit as st

from app.i18n import t
from app.state import language, log_argument, workspace
from mining.errors import DossierflowError

lang = language()
st.title(t("page_data", lang))
name = log_argument()
if not name:
    st.info(t("no_log", lang))
    st.stop()
try:
    ws = workspace(name)
except DossierflowError as exc:
    st.error(exc.message)
    st.stop()

summary = ws.meta["summary"]
st.caption(f"{t('log', lang)}: {', '.join(ws.meta['sources'])}")
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("cases", lang), f"{summary['cases']:,}")
c2.metric(t("events", lang), f"{summary['events']:,}")
c3.metric(t("activities", lang), summary["activities"])
c4.metric(t("time_span", lang), f"{summary['first_event'][:10]} → {summary['last_event'][:10]}")

st.subheader(t("mapping", lang))
for source, lines in ws.meta["mapping"].items():
    st.markdown(f"**{source}**")
    st.code("\n".join(lines), language=None)

st.subheader(t("validation", lang))
for report in ws.reports:
    st.markdown(f"**{report.file}**")
    c1, c2, c3 = st.columns(3)
    c1.metric(t("rows_read", lang), f"{report.rows_read:,}")
    c2.metric(t("rows_kept", lang), f"{report.rows_kept:,}")
    c3.metric(t("rows_dropped", lang), f"{report.rows_dropped:,}")
    if report.issues:
        st.dataframe(pd.DataFrame([vars(i) for i in report.issues]), hide_index=True)
    else:
        st.success(t("no_issues", lang))
    for note in report.notes:
        st.caption(note)
rejected = ws.rejected()
if len(rejected):
    with st.expander(t("rejected", lang)):
        st.dataframe(rejected, hide_index=True)

st.subheader(t("case_table", lang))
st.dataframe(ws.cases.limit(1000).to_pandas(), hide_index=True)

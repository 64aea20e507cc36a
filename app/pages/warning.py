"""Cảnh báo / Early warning: the dossiers open at a chosen moment (default: the log's end),
riskiest of being late first, by agency, and the apology letters expected this week."""

import datetime as dt

import numpy as np
import pandas as pd
import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app.errors import show_error
from dossierflow.app.filters_sidebar import open_log
from dossierflow.app.formats import fmt_number, fmt_percent
from dossierflow.app.i18n import t
from dossierflow.app.state import language
from dossierflow.app.tables import in_clear, show_table
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.export.pseudonymise import PseudonymKey, pseudonym, pseudonym_key
from dossierflow.mining.log.analysis_table import AnalysisLog
from dossierflow.mining.predict.risk_model import RiskModel, train
from dossierflow.mining.predict.warn import log_end, warn

HIGH = 0.5  # a risk from which a dossier is counted as high risk
WEEK_END = 6  # Sunday: the apology letters of the week are those due by then
LIST = ["dossier", "risk", "due", "left_days", "expected_finish", "finish_high", "why",
        "procedure", "agency", "step", "officer"]


@st.cache_resource(show_spinner=False, max_entries=2)
def _log(key: str) -> AnalysisLog:
    """The workspace's analysis log in memory, once per workspace key."""
    with cm._LOCK:
        return cm.workspace(key).to_analysis_log()


@st.cache_resource(show_spinner=False, max_entries=8)
def _model(key: str, at: str) -> RiskModel:
    """The risk model trained on the history before ``at``, kept per workspace key."""
    return train(_log(key), at, every=2)


@st.cache_data(show_spinner=False, max_entries=16)
def _warnings(key: str, at: str, lang: str) -> pd.DataFrame:
    return warn(_log(key), at, model=_model(key, at), lang=lang)


@st.cache_resource(show_spinner=False)
def _officer_key() -> PseudonymKey:
    try:
        return pseudonym_key()
    except DossierflowError:
        return pseudonym_key(np.random.default_rng().bytes(32))


lang = language()
st.title(t("page_warning", lang))
st.caption(t("warn_intro", lang))
key = open_log(lang)
log = _log(key)
end = log_end(log)
day, hour, _ = st.columns([1, 1, 2])
chosen_day = day.date_input(t("warn_date", lang), value=end.date(),
                            min_value=log.cases["received_at"].min().date(),
                            max_value=end.date(), format="DD/MM/YYYY" if lang == "vi"
                            else "YYYY-MM-DD", key="warn_day")
chosen_time = hour.time_input(t("warn_time", lang), value=dt.time(end.hour, end.minute),
                              key="warn_time")
at = pd.Timestamp.combine(chosen_day, chosen_time).tz_localize(log.calendar.timezone)
at = min(at, end).isoformat()
try:
    with st.spinner(t("warn_training", lang)):
        table = _warnings(key, at, lang)
except DossierflowError as exc:
    show_error(exc, lang, t("warn_failed", lang))
    st.stop()
if table.empty:
    st.info(t("warn_none_open", lang))
    st.stop()
if not in_clear():
    secret = _officer_key()
    table = table.assign(officer=table["officer"].map(
        lambda name: pseudonym(name, secret) if isinstance(name, str) else name))
agencies = st.multiselect(t("warn_agencies", lang), sorted(table["agency"].dropna().unique()),
                          key="warn_agency", placeholder=t("all_agencies", lang))
if agencies:
    table = table.loc[table["agency"].isin(agencies)]

labels = {c: t(f"warn_col_{c}", lang) for c in LIST + ["open", "expected_late", "high"]}
left, middle, right = st.columns(3)
left.metric(t("warn_open", lang), fmt_number(len(table), lang))
middle.metric(t("warn_expected_late", lang), fmt_number(round(table["risk"].sum(), 1), lang))
right.metric(t("warn_high", lang), fmt_number(int((table["risk"] >= HIGH).sum()), lang))

st.subheader(t("warn_list", lang))
show_table(table[LIST], lang, labels=labels, digits=2,
           values={"risk": lambda v: fmt_percent(100 * v, lang)})

st.subheader(t("warn_by_agency", lang))
by_agency = table.groupby("agency").agg(
    open=("risk", "size"), expected_late=("risk", "sum"),
    high=("risk", lambda r: int((r >= HIGH).sum()))).reset_index()
show_table(by_agency.sort_values("expected_late", ascending=False), lang, labels=labels)

st.subheader(t("warn_apologies", lang), help=t("warn_apologies_help", lang))
moment = pd.Timestamp(at)
week_end = (moment + pd.Timedelta(days=WEEK_END - moment.weekday())).normalize() + pd.Timedelta(
    days=1)
# not yet due: an overdue dossier's letter should already have gone out
letters = table.loc[(table["risk"] >= HIGH) & (table["due"] >= moment)
                    & (table["due"] < week_end)]
if letters.empty:
    st.info(t("warn_no_apology", lang))
else:
    show_table(letters[["dossier", "procedure", "agency", "officer", "due", "risk",
                        "expected_finish"]], lang, labels=labels,
               values={"risk": lambda v: fmt_percent(100 * v, lang)})

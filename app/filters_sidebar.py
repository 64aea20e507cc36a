"""The sidebar filters every analysis page shares, kept in the URL
(``?from=2023-01-01&to=…&agency=DEPT_HOME&agency=…&procedure=…&channel=…&model=…&on_time=late
&coverage=0.8``) and across pages."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app import url_widgets as uw
from dossierflow.app.errors import show_error
from dossierflow.app.formats import DATE_INPUT
from dossierflow.app.i18n import t
from dossierflow.app.selection import Selection
from dossierflow.app.state import log_key, open_log_name
from dossierflow.app.value_labels import value_label
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.filters import ON_TIME_CLASSES

CASE_FILTERS = (("agency", "agency", "filter_agency"), ("procedure", None, "filter_procedure"),
                ("channel", "channel", "filter_channel"), ("model", "model", "filter_model"))
FILTER_KEYS = ("from", "to", "agency", "procedure", "channel", "model", "on_time", "coverage")


def open_log(lang: str) -> str:
    """The cache key of the open log; otherwise a message saying what to do, and stop."""
    name = open_log_name()
    if not name:
        st.info(t("no_log", lang))
        st.stop()
    try:
        return log_key(name)
    except DossierflowError as exc:
        show_error(exc, lang, "open_failed")
        st.stop()


def _reset() -> None:
    for name in FILTER_KEYS:
        st.session_state.pop(name, None)
        if name in st.query_params:
            del st.query_params[name]


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


def sidebar_selection(key: str, lang: str) -> Selection:
    """Draw the filters in the sidebar and return the dossiers they select."""
    options = cm.options(key)
    summary = cm.meta(key)["summary"]
    first, last = _day(summary["first_event"]), _day(summary["last_event"])
    side = st.sidebar
    side.header(t("filters", lang))
    start = uw.date(side, t("filter_from", lang), key="from", low=first, high=last,
                    format=DATE_INPUT[lang])
    end = uw.date(side, t("filter_to", lang), key="to", low=first, high=last,
                  format=DATE_INPUT[lang])
    procedure_column = "procedure_id" if "procedure_id" in options else "procedure_name"
    chosen = {}
    for name, column, label in CASE_FILTERS:
        column = column or procedure_column
        if column not in options:
            chosen[name] = ()
            continue
        chosen[name] = tuple(uw.multiselect(
            side, t(label, lang), options[column], key=name, placeholder=t("all", lang),
            format_func=lambda v, c=column: value_label(c, v, lang)))
    on_time = uw.multiselect(side, t("filter_on_time", lang), list(ON_TIME_CLASSES),
                             key="on_time", placeholder=t("all", lang),
                             format_func=lambda v: value_label("on_time_class", v, lang))
    coverage = uw.slider(side, t("filter_coverage", lang), 0.05, 1.0, 1.0, 0.05, key="coverage",
                         help=t("filter_coverage_help", lang))
    side.button(t("filter_reset", lang), on_click=_reset)
    return Selection(start=start, end=end, on_time=tuple(on_time), coverage=round(coverage, 2),
                     procedure_column=procedure_column, **chosen)


def filtered_log(lang: str) -> tuple[str, Selection, int]:
    """The open log's key, the sidebar's selection and its number of dossiers; a friendly
    message (and stop) when the filters leave no dossier."""
    key = open_log(lang)
    selection = sidebar_selection(key, lang)
    n = cm.n_cases(key, selection)
    if n == 0:
        st.info(t("empty_selection", lang))
        st.stop()
    return key, selection, n

"""The sidebar filters every analysis page shares, kept in the URL
(``?from=2023-01-01&to=…&agency=DEPT_HOME&agency=…&procedure=…&channel=…&model=…&on_time=late
&coverage=0.8``) and across pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app import url_widgets as uw
from dossierflow.app.formats import DATE_INPUT, fmt_percent
from dossierflow.app.i18n import t
from dossierflow.app.selection import Selection
from dossierflow.app.state import log_key, open_log_name
from dossierflow.app.value_labels import value_label
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.filters import ON_TIME_CLASSES
from dossierflow.mining.log.workspace import SUFFIX
from dossierflow.mining.log.workspace import workspace_path as workspace_file

CASE_FILTERS = (("agency", "agency", "filter_agency"), ("procedure", None, "filter_procedure"),
                ("channel", "channel", "filter_channel"), ("model", "model", "filter_model"))
FILTER_KEYS = ("from", "to", "agency", "procedure", "channel", "model", "on_time", "coverage")
FILTER_LABELS = {"from": "filter_from", "to": "filter_to", "on_time": "filter_on_time",
                 "coverage": "filter_coverage", **{k: label for k, _, label in CASE_FILTERS}}
COVERAGES = tuple(round(0.05 * i, 2) for i in range(1, 21))  # 5 % … 100 %
DEFAULTS = {"from": None, "to": None, "coverage": 1.0, "agency": [], "procedure": [],
            "channel": [], "model": [], "on_time": []}


def open_log(lang: str) -> str:
    """The cache key of the open log; otherwise a message saying what to do, and stop. A
    workspace that is missing or unreadable is named as the user gave it, without the
    server's paths or the names of other workspaces."""
    name = open_log_name()
    if not name:
        st.info(t("no_log", lang))
        st.stop()
    try:
        return log_key(name)
    except DossierflowError:
        st.error(t("log_missing" if _missing(name) else "log_unreadable", lang).format(
            name=Path(name).name.removesuffix(SUFFIX)))
        st.stop()


def _missing(name: str) -> bool:
    try:
        return not workspace_file(name).is_file()
    except DossierflowError:  # not a usable name
        return True


def _reset() -> None:
    uw.forget(FILTER_KEYS, DEFAULTS)


def warn_unmatched(lang: str) -> None:
    """Warn about the link's filter values that match nothing in this log."""
    found = uw.unmatched(FILTER_KEYS)
    if found:
        items = "; ".join(f"{t(FILTER_LABELS[k], lang)}: {', '.join(v)}" for k, v in found.items())
        st.warning(t("url_unmatched", lang).format(items=items))


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
    coverage = uw.select_slider(side, t("filter_coverage", lang), COVERAGES, 1.0, key="coverage",
                                format_func=lambda v: fmt_percent(100 * v, lang, 0),
                                help=t("filter_coverage_help", lang))
    side.button(t("filter_reset", lang), on_click=_reset, key="filter_reset")
    warn_unmatched(lang)
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

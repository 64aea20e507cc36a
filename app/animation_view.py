"""Phát lại / Replay on the Process map page: the dossiers of a day, a week or a month moving
on the page's map, played in the page and offered as one self-contained HTML file
(``dossierflow.mining.export.export_animation``). Nothing is computed until the user turns the
replay on."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
import streamlit.components.v1 as components

from dossierflow.app import cached_mining as cm
from dossierflow.app import url_widgets as uw
from dossierflow.app.cached_mining import _LOCK
from dossierflow.app.errors import show_error
from dossierflow.app.i18n import t
from dossierflow.app.selection import Selection
from dossierflow.mining.analysis.render_map import svg_available
from dossierflow.mining.analysis.replay import replay, window_bounds
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.export.export_animation import COLOURS, animation_html

HEIGHT = 860  # pixels of the player in the page
FIRST_WEEK = ("week", "day", "month")  # the windows offered, a week by default
DAYS_BACK = 42  # the default period: six weeks before the last event, its dossiers finished


@st.cache_data(show_spinner=False, max_entries=16)
def _days(key: str, selection: Selection) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the selection's dossiers in the log's time zone."""
    zone = cm.workspace(key).calendar.timezone
    with _LOCK:
        cases = cm.view(key, selection).cases
        span = cases.aggregate(low=cases.first_timestamp.min(),
                               high=cases.last_timestamp.max()).to_pandas()
    low, high = span["low"].iloc[0], span["high"].iloc[0]
    if pd.isna(low) or pd.isna(high):
        return None
    return (pd.Timestamp(low).tz_convert(zone).date(), pd.Timestamp(high).tz_convert(zone).date())


@st.cache_data(show_spinner=False, max_entries=16)
def _page(key: str, selection: Selection, activities: float, paths: float, kind: str,
          first: dt.date, colour: str, lang: str) -> tuple[str, int]:
    """The player's HTML and the number of dossiers it replays."""
    zone = cm.workspace(key).calendar.timezone
    start, end = (v.tz_localize(zone) for v in window_bounds(kind, first))
    pmap = cm.simplified_map(key, selection, activities, paths)
    with _LOCK:
        moves = replay(cm.view(key, selection), start, end, pmap=pmap, tz=zone)
    page = animation_html(moves, pmap, start, end, colour=colour, lang=lang, tz=zone)
    return page, int(moves["case_id"].nunique())


@st.fragment
def show_replay(key: str, selection: Selection, activities: float, paths: float,
                lang: str) -> None:
    """The replay toggle and, when on, its window, colouring, player and download; a
    fragment: its widgets rerun it alone, not the page."""
    if not uw.toggle(st, t("replay_toggle", lang), key="replay", help=t("replay_help", lang)):
        return
    days = _days(key, selection)
    if days is None:
        st.info(t("replay_nothing", lang))
        return
    if not svg_available():
        st.warning(t("replay_needs_dot", lang))
        return
    c1, c2, c3 = st.columns([1.2, 1, 1])
    kind = uw.segmented(c1, t("replay_window", lang), FIRST_WEEK, key="replay_window",
                        format_func=lambda w: t(f"replay_{w}", lang))
    default = max(days[0], days[1] - dt.timedelta(DAYS_BACK))
    first = c2.date_input(t("replay_from", lang), value=default,
                          min_value=days[0], max_value=days[1], key="replay_from",
                          format="DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD")
    colour = uw.selectbox(c3, t("replay_colour", lang), COLOURS, key="replay_colour",
                          format_func=lambda c: t(f"replay_colour_{c}", lang))
    try:
        with st.spinner(t("computing", lang)):
            page, count = _page(key, selection, activities, paths, kind, first, colour, lang)
    except DossierflowError as error:
        show_error(error, lang, "replay_failed")
        return
    if not count:
        st.info(t("replay_empty", lang))
    components.html(page, height=HEIGHT, scrolling=False)
    start, _ = window_bounds(kind, first)
    st.download_button(t("replay_download", lang), page.encode("utf-8"),
                       file_name=f"replay_{kind}_{start:%Y-%m-%d}_{lang}.html",
                       mime="text/html", key="replay_download")

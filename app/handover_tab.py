"""The Hand-overs tab of the Compare page: who passes dossiers to whom (agencies, the counter
and the agencies, officers), the network drawn, its routes and centrality ranking, and two
periods or two agencies compared route by route.

Officers are personal data here: their names are shown as pseudonyms under the key of the
app's tables (``tables.protect``), in the drawing too, unless the user chose to see personal
data in clear (the sidebar's switch).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app import url_widgets as uw
from dossierflow.app.cached_mining import _LOCK, CACHE
from dossierflow.app.formats import fmt_number
from dossierflow.app.i18n import t
from dossierflow.app.selection import Selection
from dossierflow.app.tables import _display_key, in_clear, show_table
from dossierflow.app.value_labels import value_label
from dossierflow.mining.analysis.handover import (
    LEVELS,
    HandoverNetwork,
    compare_handover,
    handover_network,
)
from dossierflow.mining.analysis.render_handover import node_name, render_handover
from dossierflow.mining.export.pseudonymise import pseudonym
from dossierflow.mining.log.filters import AttributeEquals, TimeRange
from dossierflow.mining.vocabulary import TZ

NEEDS = {"officer": "resource", "desk": "role"}  # the event column a level needs
Group = tuple[str, ...]  # ("period", first day, day after the last) or ("agency", id)


@st.cache_data(**CACHE)
def network(key: str, selection: Selection, level: str, group: Group = ()) -> HandoverNetwork:
    """``handover_network`` of the selection, narrowed to ``group`` when given."""
    with _LOCK:
        view = cm.view(key, selection)
        if group and group[0] == "period":
            view = TimeRange(group[1], group[2], mode="started").apply(view)
        elif group:
            view = AttributeEquals("agency", group[1]).apply(view)
        return handover_network(view, level)


@st.cache_data(**CACHE)
def span(key: str, selection: Selection) -> tuple[dt.date, dt.date]:
    """The first and last day a dossier of the selection started."""
    with _LOCK:
        cases = cm.view(key, selection).cases
        row = cases.aggregate(first=cases.first_timestamp.min(),
                              last=cases.first_timestamp.max()).to_pandas().iloc[0]
    return tuple(pd.Timestamp(row[c]).tz_convert(TZ).date() for c in ("first", "last"))


def names(nodes: pd.Series, level: str, lang: str) -> dict[str, str]:
    """How each node is shown: agency names, the counter's label, officers as the app's
    tables show them (pseudonyms unless personal data is shown in clear)."""
    if level == "officer":
        return {n: str(n) if in_clear() else pseudonym(n, _display_key()) for n in nodes}
    labelled = {n: value_label("agency", n, lang) for n in nodes}
    return {n: node_name(n, lang) if name == n else name for n, name in labelled.items()}


def named(frame: pd.DataFrame, shown: dict[str, str], *columns: str) -> pd.DataFrame:
    """``frame`` with the nodes of ``columns`` by their shown names, as categories: names
    are already protected, and the tables' free-text scrub would take a run of digits in a
    pseudonym for a phone number."""
    return frame.assign(**{c: frame[c].map(shown).astype("category") for c in columns})


def _hidden_note(level: str, labels: list[str], lang: str) -> None:
    """Say which columns hold officers' pseudonyms, as the app's tables do."""
    if level == "officer" and not in_clear():
        st.caption(t("personal_hidden", lang).format(columns=", ".join(labels)))


def _routes(edges: pd.DataFrame, shown: dict[str, str], level: str, lang: str) -> None:
    table = named(edges, shown, "source", "target")
    labels = {"source": t("ho_col_source", lang), "target": t("ho_col_target", lang),
              "handovers": t("ho_col_handovers", lang), "dossiers": t("ho_col_dossiers", lang),
              "wait_working_hours_median": t("ho_col_wait_working", lang),
              "wait_hours_median": t("ho_col_wait_hours", lang)}
    show_table(table[list(labels)], lang, labels=labels)
    _hidden_note(level, [labels["source"], labels["target"]], lang)


def _ranking(nodes: pd.DataFrame, shown: dict[str, str], level: str, lang: str) -> None:
    st.subheader(t("ho_nodes_title", lang))
    st.caption(t("ho_nodes_help", lang))
    table = named(nodes, shown, "node")
    labels = {"rank": t("col_rank", lang), "node": t("ho_col_node", lang),
              "betweenness_centrality": t("ho_col_betweenness", lang),
              "degree_centrality": t("ho_col_degree", lang),
              "partners": t("ho_col_partners", lang), "handovers_in": t("ho_col_in", lang),
              "handovers_out": t("ho_col_out", lang), "events": t("ho_col_events", lang)}
    show_table(table[list(labels)], lang, labels=labels, digits=3)
    _hidden_note(level, [labels["node"]], lang)


def _groups(key: str, selection: Selection, lang: str) -> tuple[Group, Group, str, str] | None:
    """The two groups the user compares and their names; None (with a message) when the
    choice is incomplete."""
    agencies = cm.options(key).get("agency", [])
    modes = ("periods", "agencies") if len(agencies) >= 2 else ("periods",)
    mode = uw.segmented(st, t("ho_compare_mode", lang), modes, key="ho_mode",
                        format_func=lambda m: t(f"ho_mode_{m}", lang))
    c1, c2 = st.columns(2)
    if mode == "agencies":
        label = lambda v: value_label("agency", v, lang)  # noqa: E731
        a = c1.selectbox(t("ho_agency_a", lang), agencies, index=0, format_func=label,
                         key="ho_agency_a")
        b = c2.selectbox(t("ho_agency_b", lang), agencies, index=1, format_func=label,
                         key="ho_agency_b")
        if a == b:
            st.warning(t("compare_same", lang))
            return None
        return ("agency", a), ("agency", b), label(a), label(b)
    first, last = span(key, selection)
    middle = first + (last - first) / 2
    periods = []
    for where, name, default in ((c1, "ho_period_a", (first, middle)),
                                 (c2, "ho_period_b", (middle + dt.timedelta(days=1), last))):
        chosen = where.date_input(t(name, lang), value=default, min_value=first,
                                  max_value=last, key=name, format="DD/MM/YYYY")
        if len(chosen) != 2:
            st.info(t("ho_period_incomplete", lang))
            return None
        periods.append(chosen)
    groups = [("period", str(s), str(e + dt.timedelta(days=1))) for s, e in periods]
    texts = [f"{s:%d/%m/%Y}–{e:%d/%m/%Y}" for s, e in periods]
    return groups[0], groups[1], texts[0], texts[1]


def _comparison(key: str, selection: Selection, level: str, lang: str) -> None:
    st.subheader(t("ho_compare_title", lang))
    chosen = _groups(key, selection, lang)
    if chosen is None:
        return
    a, b, name_a, name_b = chosen
    with st.spinner(t("computing", lang)):
        table = compare_handover(network(key, selection, level, a),
                                 network(key, selection, level, b))
    if table.empty:
        st.info(t("ho_compare_none", lang))
        return
    shown = names(pd.concat([table["source"], table["target"]]).drop_duplicates(), level, lang)
    table = named(table, shown, "source", "target").assign(
        share_a=100 * table["share_a"], share_b=100 * table["share_b"],
        share_diff=100 * table["share_diff"])
    labels = {"source": t("ho_col_source", lang), "target": t("ho_col_target", lang)}
    for side, group in (("a", name_a), ("b", name_b)):
        labels[f"handovers_{side}"] = t("ho_col_handovers_of", lang).format(group=group)
        labels[f"share_{side}"] = t("ho_col_share_of", lang).format(group=group)
        labels[f"wait_working_hours_median_{side}"] = t("ho_col_wait_of", lang).format(
            group=group)
    labels |= {"handovers_diff": t("ho_col_handovers_diff", lang),
               "share_diff": t("ho_col_share_diff", lang),
               "wait_working_hours_diff": t("ho_col_wait_diff", lang)}
    order = ["source", "target", "handovers_a", "handovers_b", "handovers_diff", "share_a",
             "share_b", "share_diff", "wait_working_hours_median_a",
             "wait_working_hours_median_b", "wait_working_hours_diff"]
    show_table(table[order], lang, labels=labels, percent=("share_a", "share_b"))
    _hidden_note(level, [labels["source"], labels["target"]], lang)


def levels(key: str) -> list[str]:
    """The levels the open log can draw: agencies need an agency (of the events or of the
    dossiers), officers a resource column, desks a role column and an agency."""
    events, cases = cm.workspace(key).events.columns, cm.workspace(key).cases.columns
    agency = "agency" in events or "agency" in cases
    drawable = {"agency": agency, "officer": "resource" in events,
                "desk": agency and "role" in events}
    return [level for level in LEVELS if drawable[level]]


def show(key: str, selection: Selection, lang: str) -> None:
    """The tab's content for the selection's dossiers."""
    st.caption(t("ho_intro", lang))
    found = levels(key)
    for level in LEVELS:
        if level not in found:
            st.caption(t(f"ho_missing_{level}", lang))
    if not found:
        return
    level = uw.segmented(st, t("ho_level", lang), found, key="ho_level",
                         format_func=lambda lv: t(f"ho_level_{lv}", lang))
    with st.spinner(t("computing", lang)):
        result = network(key, selection, level)
    if result.edges.empty:
        st.info(t("ho_none", lang))
        return
    shown = names(result.nodes["node"], level, lang)
    m1, m2, m3 = st.columns(3)
    m1.metric(t("ho_handovers", lang), fmt_number(int(result.edges["handovers"].sum()), lang))
    m2.metric(t("ho_routes", lang), fmt_number(len(result.edges), lang))
    m3.metric(t("ho_dossiers", lang), fmt_number(result.dossiers, lang))
    with st.container(key="handover_map"):
        st.graphviz_chart(render_handover(result, lang=lang, names=shown), width="stretch")
    st.subheader(t("ho_routes_title", lang))
    _routes(result.edges, shown, level, lang)
    _ranking(result.nodes, shown, level, lang)
    _comparison(key, selection, level, lang)


def handover_tab(key: str, selection: Selection, lang: str) -> None:
    """The page's tabs: two groups of dossiers (the rest of the page) and Hand-overs. When
    Hand-overs is open, its content is shown and the page stops there; ``?view=handovers``
    opens it."""
    labels = [t("ho_tab_groups", lang), t("ho_tab", lang)]
    opened = labels[1] if st.query_params.get("view") == "handovers" else None
    _, tab = st.tabs(labels, key=f"compare_view_{lang}", on_change="rerun", default=opened)
    if tab.open:
        with tab:
            show(key, selection, lang)
        st.stop()

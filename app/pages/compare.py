"""So sánh / Compare: two groups of dossiers side by side, their difference map with
significance, and the agency × activity heatmap of waiting."""

import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app import map_view
from dossierflow.app import url_widgets as uw
from dossierflow.app.charts import heatmap
from dossierflow.app.filters_sidebar import filtered_log
from dossierflow.app.formats import fmt_number
from dossierflow.app.handover_tab import handover_tab
from dossierflow.app.i18n import t
from dossierflow.app.state import language
from dossierflow.app.tables import show_table
from dossierflow.app.value_labels import value_label
from dossierflow.mining.analysis.render_map import TEXT, render_svg
from dossierflow.mining.vocabulary import MAP_END, MAP_START

GROUP_COLUMNS = ("agency", "channel", "model", "procedure_id", "procedure_name", "field")

lang = language()
st.title(t("page_compare", lang))
key, selection, n = filtered_log(lang)
handover_tab(key, selection, lang)  # the Hand-overs tab: shown, then the page stops there
options = cm.options(key)
columns = [c for c in GROUP_COLUMNS if len(options.get(c, ())) >= 2]
if not columns:
    st.info(t("compare_nothing", lang))
    st.stop()

c1, c2, c3, c4 = st.columns(4)


def _new_column() -> None:
    """Another column: its values replace the two groups."""
    for group in ("a", "b"):
        st.session_state.pop(group, None)
        if group in st.query_params:
            del st.query_params[group]


by = uw.selectbox(c1, t("compare_by", lang), columns, key="by", on_change=_new_column,
                  format_func=lambda c: t(f"col_{c}", lang))
values = options[by]


def label(value) -> str:
    return value_label(by, value, lang)


a = uw.selectbox(c2, t("group_a", lang), values, index=0, key="a", format_func=label)
b = uw.selectbox(c3, t("group_b", lang), values, index=1, key="b", format_func=label)
measure = uw.segmented(c4, t("compare_measure", lang), ("share", "waiting"), key="diff",
                       format_func=lambda m: t(f"compare_{m}", lang))
if a == b:
    st.warning(t("compare_same", lang))
    st.stop()

with st.spinner(t("computing", lang)):
    result = cm.comparison(key, selection, by, a, b)
if min(result.cases) == 0:
    st.info(t("compare_empty", lang).format(group=label(a if result.cases[0] == 0 else b)))
    st.stop()
m1, m2, m3 = st.columns(3)
m1.metric(t("cases_in", lang).format(group=label(a)), fmt_number(result.cases[0], lang))
m2.metric(t("cases_in", lang).format(group=label(b)), fmt_number(result.cases[1], lang))
m3.metric(t("significant_paths", lang), fmt_number(int(result.edges["significant"].sum()), lang))
dot = cm.difference_dot(key, selection, by, a, b, measure, lang,
                        names=(label(a), label(b)))  # the legend names the groups
svg = render_svg(dot)
with st.container(key="compare_map"):
    if svg is None:
        st.graphviz_chart(dot, width="stretch")
    else:
        map_view.show_map(svg, result.map, lang, key="compare_map_view", clickable=False)

edges = result.edges.sort_values(["significant", "q_share"], ascending=[False, True])
ends = {MAP_START: f"{MAP_START} {TEXT[lang]['start']}",
        MAP_END: f"{MAP_END} {TEXT[lang]['end']}"}


def step(activity: str) -> str:
    """An activity's name; start ▶ and end ■ named too."""
    return ends.get(activity) or value_label("activity", activity, lang)


edges = edges.assign(source=edges["source"].map(step), target=edges["target"].map(step),
                     share_a=100 * edges["share_a"], share_b=100 * edges["share_b"],
                     share_diff=100 * edges["share_diff"])
shown = ["source", "target", "cases_a", "cases_b", "share_a", "share_b", "share_diff",
         "q_share", "wait_working_hours_median_a", "wait_working_hours_median_b",
         "wait_working_hours_diff", "q_wait", "significant"]
names = {c: t(f"col_{c}", lang).format(a=label(a), b=label(b)) for c in shown}
show_table(edges[shown], lang, percent=("share_a", "share_b"), labels=names)

st.subheader(t("heatmap", lang))
rows = "agency" if "agency" in options else by
table = cm.heatmap(key, selection, rows)
if table.empty:
    st.info(t("no_waits", lang))
else:
    table = table.assign(group=table[rows].map(lambda v: value_label(rows, v, lang)),
                         step=table["activity"].map(lambda v: value_label("activity", v, lang)),
                         ratio=table["ratio"].clip(0.1, 10))
    st.caption(t("heatmap_help", lang))
    st.altair_chart(heatmap(table.dropna(subset=["ratio"]), "group", "step", "ratio",
                            t("heatmap_ratio", lang), lang), width="stretch")

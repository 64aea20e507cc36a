"""Bản đồ quy trình / Process map: frequency and performance overlays, activity and path
sliders, then the variants and one dossier's timeline."""

import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app import url_widgets as uw
from dossierflow.app.filters_sidebar import filtered_log
from dossierflow.app.formats import fmt_number, fmt_percent
from dossierflow.app.i18n import t
from dossierflow.app.state import language
from dossierflow.app.tables import show_table
from dossierflow.app.value_labels import value_label
from dossierflow.mining.log.variants import SEPARATOR

FREQUENCY = ("absolute", "cases", "case_share")
STATS = ("median", "mean", "p90")
UNITS = ("working_hours", "working_days", "hours", "days")
SHOWN_VARIANTS = 200

lang = language()
st.title(t("page_process_map", lang))
key, selection, n = filtered_log(lang)
st.caption(t("n_selected", lang).format(n=fmt_number(n, lang)))

c1, c2, c3, c4 = st.columns([1.2, 1, 1, 1])
overlay = uw.segmented(c1, t("overlay", lang), ("frequency", "performance"), key="overlay",
                       format_func=lambda o: t(f"overlay_{o}", lang))
if overlay == "performance":
    stat = uw.selectbox(c2, t("stat", lang), STATS, key="stat",
                        format_func=lambda s: t(f"stat_{s}", lang))
    unit = uw.selectbox(c2, t("unit", lang), UNITS, key="unit",
                        format_func=lambda u: t(f"unit_{u}", lang))
    paint = ("performance", stat, unit)
else:
    measure = uw.selectbox(c2, t("measure", lang), FREQUENCY, key="measure",
                           format_func=lambda m: t(f"measure_{m}", lang))
    paint = ("frequency", measure)
activities = uw.slider(c3, t("slider_activities", lang), 0.05, 1.0, 1.0, 0.05,
                       key="activities", help=t("slider_activities_help", lang))
paths = uw.slider(c4, t("slider_paths", lang), 0.0, 1.0, 1.0, 0.05, key="paths",
                  help=t("slider_paths_help", lang))

with st.spinner(t("computing", lang)):
    dot = cm.map_dot(key, selection, round(activities, 2), round(paths, 2), paint, lang)
with st.container(key="process_map"):
    st.graphviz_chart(dot, width="stretch")
st.download_button(t("download_dot", lang), dot, file_name="process_map.dot",
                   mime="text/vnd.graphviz")

st.subheader(t("variants", lang))
variants = cm.variant_table(key, selection)
st.caption(t("n_variants", lang).format(n=fmt_number(len(variants), lang)))
top = variants.head(SHOWN_VARIANTS)
table = top.assign(variant=[SEPARATOR.join(value_label("activity", a, lang)
                                           for a in v.split(SEPARATOR)) for v in top["variant"]])
columns = ["variant_rank", "cases", "share", "cumulative_share", "length",
           "lead_time_working_days_median", "variant"]
show_table(table[columns].assign(share=100 * table["share"],
                                 cumulative_share=100 * table["cumulative_share"]),
           lang, percent=("share", "cumulative_share"),
           labels={c: t(f"col_{c}", lang) for c in columns})

ranks = list(top["variant_rank"])
chosen = uw.selectbox(st, t("variant_pick", lang), ranks, index=None, key="variant",
                      placeholder=t("variant_none", lang),
                      format_func=lambda r: t("variant_label", lang).format(
                          rank=r, share=fmt_percent(100 * top.at[r - 1, "share"], lang),
                          cases=fmt_number(top.at[r - 1, "cases"], lang)))
if chosen is not None:
    text = top.at[chosen - 1, "variant"]
    st.markdown(" → ".join(f"`{value_label('activity', a, lang)}`"
                           for a in text.split(SEPARATOR)))
    dossiers = cm.variant_cases(key, selection, text)
    case_id = uw.selectbox(st, t("case_pick", lang), dossiers, index=None, key="case",
                           placeholder=t("case_none", lang))
    if case_id is not None:
        steps = cm.timeline(key, selection, case_id)
        steps = steps.assign(activity=steps["activity"].map(
            lambda a: value_label("activity", a, lang)))
        shown = ["position", "activity", "start_timestamp", "timestamp", "resource", "agency",
                 "wait_before_working_hours", "wait_before_hours",
                 "processing_working_hours", "wait_includes_processing"]
        show_table(steps[shown], lang, labels={c: t(f"col_{c}", lang) for c in shown})
        if steps["wait_includes_processing"].any():
            st.caption(t("timeline_includes_processing", lang))

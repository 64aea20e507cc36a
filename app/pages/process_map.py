"""Bản đồ quy trình / Process map: frequency and performance overlays (or both), activity and
path sliders opened at the readable default, the zoomable map and the dossiers through what is
clicked on it, then the variants and one dossier's timeline."""

import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app import map_view
from dossierflow.app import url_widgets as uw
from dossierflow.app.animation_view import show_replay
from dossierflow.app.filters_sidebar import filtered_log
from dossierflow.app.formats import fmt_number, fmt_percent
from dossierflow.app.i18n import t
from dossierflow.app.state import language
from dossierflow.app.tables import show_table
from dossierflow.app.value_labels import value_label
from dossierflow.mining.analysis.process_map import MAX_ACTIVITIES, MAX_PATHS
from dossierflow.mining.analysis.render_map import TEXT
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
start_activities, start_paths = map_view.default_sliders(key, selection)
# the sliders' steps of 0.01, written in the user's language (st.slider cannot)
STEPS = [round(k / 100, 2) for k in range(101)]
activities = uw.select_slider(c3, t("slider_activities", lang), STEPS[1:], start_activities,
                              key="activities", help=t("slider_activities_help", lang),
                              format_func=lambda v: fmt_number(v, lang, 2))
paths = uw.select_slider(c4, t("slider_paths", lang), STEPS, start_paths, key="paths",
                         help=t("slider_paths_help", lang),
                         format_func=lambda v: fmt_number(v, lang, 2))
both = uw.toggle(c1, t("map_both", lang), key="both")
st.caption(t("map_opened_at", lang).format(a=MAX_ACTIVITIES, p=MAX_PATHS))

with st.spinner(t("computing", lang)):
    dot, svg = map_view.drawing(key, selection, round(activities, 2), round(paths, 2), paint,
                                both, lang)
pmap = cm.simplified_map(key, selection, round(activities, 2), round(paths, 2))
picked = None
with st.container(key="process_map"):
    if svg is None:
        st.graphviz_chart(dot, width="stretch")
    else:
        picked = map_view.show_map(svg, pmap, lang,
                                   key=f"map_pick_{st.session_state.get('map_round', 0)}")
st.download_button(t("download_dot", lang), dot, file_name="process_map.dot",
                   mime="text/vnd.graphviz")
show_replay(key, selection, round(activities, 2), round(paths, 2), lang)


def _clear_pick() -> None:
    """A fresh map component: its click is forgotten."""
    st.session_state["map_round"] = st.session_state.get("map_round", 0) + 1


def _name(activity: str) -> str:
    ends = {pmap.start: TEXT[lang]["start"], pmap.end: TEXT[lang]["end"]}
    return ends.get(activity) or value_label("activity", activity, lang)


if picked and picked.get("activity") not in (pmap.start, pmap.end):
    chosen = ((picked["activity"],) if "activity" in picked
              else (picked["source"], picked["target"]))
    count, listed = map_view.dossiers_through(key, selection, round(activities, 2), chosen)
    n_text = fmt_number(count, lang)
    st.subheader(t("map_through_node", lang).format(n=n_text, name=_name(chosen[0]))
                 if len(chosen) == 1 else t("map_through_edge", lang).format(
                     n=n_text, source=_name(chosen[0]), target=_name(chosen[1])))
    listed = listed.assign(**{c: listed[c].map(
        lambda v, c=c: value_label(c, v, lang) if isinstance(v, str) else "")
        for c in ("procedure_id", "agency", "on_time_class")})
    show_table(listed, lang, labels={c: t(f"col_{c}", lang) for c in listed.columns})
    st.button(t("map_pick_clear", lang), key="map_clear", on_click=_clear_pick)

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

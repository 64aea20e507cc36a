"""Điểm nghẽn / Bottlenecks: where dossiers wait, why, which late dossiers were late at
which step, agency and officer, and the apology letters they owed. A row of the ranking opens
the Scenarios page with one more officer where its dossiers wait ("Simulate this"). Waits of
no recorded agency or officer are shown as "(không rõ)" and not ranked."""

import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app import scenario_builder as sb
from dossierflow.app import url_widgets as uw
from dossierflow.app.charts import ranked_bars, stacked_shares
from dossierflow.app.filters_sidebar import filtered_log
from dossierflow.app.formats import fmt_number, fmt_percent
from dossierflow.app.i18n import reason_text, t
from dossierflow.app.state import language
from dossierflow.app.tables import show_table
from dossierflow.app.value_labels import is_missing, value_label
from dossierflow.mining.analysis.waiting_causes import COMPONENTS

LEVELS = ("edge", "activity", "agency", "resource")
SHOWN = 30

lang = language()
st.title(t("page_bottlenecks", lang))
key, selection, n = filtered_log(lang)
st.caption(t("n_selected", lang).format(n=fmt_number(n, lang)))


def activity(value) -> str:
    return value_label("activity", value, lang)


def who(value) -> str:
    """An officer, "(không rõ)" when none is recorded."""
    return value_label("resource", value, lang)


def ranked(level: str):
    """The ranking at ``level`` without the waits of no recorded agency or officer
    (re-ranked), and those waits apart."""
    ranks = cm.ranking(key, selection, level)
    if level not in ("agency", "resource"):
        return ranks, ranks.iloc[:0]
    unknown = ranks[level].map(is_missing)
    known = ranks.loc[~unknown].reset_index(drop=True)
    known["rank_total"] = range(1, len(known) + 1)
    known["rank_median"] = known["median_wait_working_days"].rank(
        ascending=False, method="first").astype("int64")
    return known, ranks.loc[unknown]


def simulate_this(ranks) -> None:
    """A row of the ranking to simulate with one more officer, and the button that opens
    the Scenarios page with it."""
    values = ranks["next_activity"] if level == "edge" else ranks[level]
    rows = dict(zip(ranks["label"], values))
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    chosen = c1.selectbox(t("simulate_pick_bottleneck", lang), list(rows),
                          key="bn_simulate_row")
    if c2.button(t("simulate_this", lang), key="bn_simulate", help=t("simulate_this_help", lang)):
        sb.ask({"kind": "bottleneck", "level": level, "value": rows[chosen], "label": chosen})


def labels(columns) -> dict[str, str]:
    return {c: t(f"col_{c}", lang) for c in columns}


st.subheader(t("ranking", lang))
level = uw.segmented(st, t("level", lang), LEVELS, key="level",
                     format_func=lambda v: t(f"level_{v}", lang))
ranks, unknown = ranked(level)
ranks = ranks.head(SHOWN)
if ranks.empty:
    st.info(t("no_waits", lang))
else:
    if level == "edge":
        ranks["label"] = [f"{activity(a)} → {activity(b)}"
                          for a, b in zip(ranks["activity"], ranks["next_activity"])]
    elif level == "activity":
        ranks["label"] = ranks["activity"].map(activity)
    else:
        ranks["label"] = ranks[level].map(lambda v: value_label(level, v, lang))
    ranks["share_of_total"] *= 100
    st.altair_chart(ranked_bars(ranks.head(15), "label", "total_wait_working_days",
                                t("col_total_wait_working_days", lang), lang), width="stretch")
    columns = ["rank_total", "label", "n_dossiers", "n_transitions", "total_wait_working_days",
               "median_wait_working_days", "mean_wait_working_days", "share_of_total",
               "rank_median"]
    show_table(ranks[columns], lang, percent=("share_of_total",),
                        labels=labels(columns))
    if not unknown.empty:
        st.caption(t("unknown_not_ranked", lang).format(
            n=fmt_number(int(unknown["n_transitions"].sum()), lang),
            days=fmt_number(float(unknown["total_wait_working_days"].sum()), lang, 1)))
    simulate_this(ranks)
    st.caption(t("ranking_in_tray", lang))
    waits = int(ranks["n_transitions"].sum())
    untimed = waits - int(ranks["n_with_start_times"].sum())
    if untimed:
        st.caption(t("waits_include_processing", lang).format(
            n=fmt_number(untimed, lang), total=fmt_number(waits, lang)))

st.subheader(t("causes", lang))
st.caption(t("causes_help_in_tray", lang))
if uw.toggle(st, t("causes_run", lang), key="causes"):
    with st.spinner(t("computing", lang)):
        causes = cm.waiting_causes(key, selection).head(15)
    if causes.empty:
        st.info(t("no_waits", lang))
    else:
        causes["label"] = [f"{activity(a)} → {activity(b)}"
                           for a, b in zip(causes["activity"], causes["next_activity"])]
        parts = {f"{c}_minutes": t(f"cause_{c}", lang) for c in COMPONENTS}
        st.altair_chart(stacked_shares(causes.fillna(0), "label", parts,
                                       t("cause_share", lang), lang), width="stretch")
        hours = causes[["label", "n_transitions", "n_batched"]].assign(
            wait_hours=causes["wait_minutes"] / 60,
            **{f"{c}_share": 100 * causes[f"{c}_share"] for c in COMPONENTS},
            total_processing_working_hours=causes["processing_minutes"] / 60)
        show_table(hours, lang, percent=tuple(f"{c}_share" for c in COMPONENTS),
                            labels={**labels(["label", "n_transitions", "n_batched",
                                              "wait_hours", "total_processing_working_hours"]),
                                    **{f"{c}_share": t(f"cause_{c}", lang) + " (%)"
                                       for c in COMPONENTS}})
        notes = [note for note in causes["note"] if note]
        if notes:
            st.caption(t("causes_note_no_start", lang).format(n=len(notes)))

st.subheader(t("late", lang))
late = cm.late_dossiers(key, selection)
if late.empty:
    st.success(t("no_late", lang))
else:
    st.caption(t("late_help", lang).format(n=fmt_number(len(late), lang)))
    late = late.assign(previous_activity=late["previous_activity"].map(activity),
                       step=late["step"].map(lambda s: activity(s) if isinstance(s, str)
                                             else t("pending_step", lang)),
                       agency=late["agency"].map(lambda a: value_label("agency", a, lang)),
                       resource=late["resource"].map(who),
                       reason=late["reason"].map(lambda r: reason_text(r, lang)))
    by_who = st.columns(3)
    for column, (target, name) in zip(by_who, (("step", "col_step"), ("agency", "col_agency"),
                                               ("resource", "col_resource"))):
        counts = late[target].value_counts().head(8).rename("n_dossiers").reset_index()
        show_table(counts, lang, where=column,
                   labels={target: t(name, lang), "n_dossiers": t("col_n_dossiers", lang)})
    columns = ["case_id", "procedure_id", "due_at", "lateness_working_hours", "reason",
               "previous_activity", "step", "agency", "resource", "step_working_days",
               "expected_working_days", "excess_working_days"]
    show_table(late[columns], lang, labels=labels(columns))

st.subheader(t("apologies", lang))
letters = cm.apology_letters(key, selection)
if letters.empty:
    st.success(t("no_apologies", lang))
else:
    c1, c2, c3 = st.columns(3)
    c1.metric(t("apology_needed", lang), fmt_number(len(letters), lang))
    c2.metric(t("apology_logged", lang), fmt_number(int(letters["apology_logged"].sum()), lang))
    c3.metric(t("apology_in_time", lang),
              fmt_percent(100 * letters["apology_before_due"].mean(), lang))
    letters = letters.assign(
        agency=letters["agency"].map(lambda a: value_label("agency", a, lang)),
        on_time_class=letters["on_time_class"].map(
            lambda c: value_label("on_time_class", c, lang)))
    columns = ["case_id", "procedure_id", "agency", "due_at", "finished_at", "on_time_class",
               "lateness_working_hours", "apology_logged", "apology_at", "apology_resource",
               "apology_before_due"]
    show_table(letters[columns], lang, labels=labels(columns))

"""Đề xuất / Proposals: how far each procedure's legal time can be cut, which procedures to
move to 5 tại chỗ next, and the simulation's track record on past reforms. Each section is
computed when its button is pressed and then kept (cached) for the open log. Procedures are
named "name (code)"; a proposal or a candidate opens the Scenarios page with its change filled
in ("Simulate this")."""

import streamlit as st

from dossierflow.app import cached_simulation as cs
from dossierflow.app import scenario_builder as sb
from dossierflow.app.asis_panel import show_asis, show_asis_figures
from dossierflow.app.charts import ranked_bars
from dossierflow.app.errors import show_error
from dossierflow.app.filters_sidebar import open_log
from dossierflow.app.formats import fmt_date, fmt_number, fmt_percent
from dossierflow.app.i18n import t
from dossierflow.app.simulation_inputs import (
    discovered_model,
    procedure_names,
    run_inputs,
    show_progress,
)
from dossierflow.app.state import language
from dossierflow.app.tables import show_table
from dossierflow.app.url_widgets import KEEP
from dossierflow.app.value_labels import value_label
from dossierflow.mining.vocabulary import FIVE_ON_SPOT
from dossierflow.simulation.asis import AsIs
from dossierflow.simulation.five_on_spot_candidates import FEATURES

CUTS, CANDIDATES, BACKTEST = "pr_cuts", "pr_candidates", "pr_backtest"
# figures of the backtest's summary (shares) and their labels
ERRORS = {"median_abs_error": "median_abs_error", "mean_abs_error": "mean_abs_error",
          "within_10pct": "within_10pct", "unchanged_median_abs_error": "unchanged_abs_error"}
NAN = float("nan")
SHARES = ("rework_share", "transfer_wait_share", "on_time_rate", "online_share",
          "consult_share", "site_share", "agency_on_spot_share")

lang = language()
st.title(t("page_proposals", lang))
key = open_log(lang)
found = discovered_model(key, lang)
names = procedure_names(found.model, lang)


def labels(columns) -> dict[str, str]:
    return {c: t(f"col_{c}", lang) for c in columns}


def asked(flag: str):
    """The parameters the section's button was last pressed with, for the open log."""
    pressed = st.session_state.get(flag)
    return pressed[1] if pressed and pressed[0] == key else None


def agency(value) -> str:
    return value_label("agency", value, lang)


def name(pid) -> str:
    """The procedure's name alone (its code when it has none)."""
    label = names.get(str(pid), str(pid))
    return label.removesuffix(f" ({pid})")


def simulate_this(table, kind: str, key: str) -> None:
    """A row of ``table`` (``procedure_id``; ``proposed_cut_days`` for a time cut) to
    simulate, and the button that opens the Scenarios page with its change."""
    rows = {names.get(str(r.procedure_id), str(r.procedure_id)): r
            for r in table.itertuples(index=False)}
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    chosen = c1.selectbox(t("simulate_pick_proposal", lang), list(rows), key=f"{key}_row")
    if c2.button(t("simulate_this", lang), key=key, help=t("simulate_this_help", lang)):
        row = rows[chosen]
        intent = {"kind": kind, "procedure": str(row.procedure_id)}
        if kind == "time_cut":
            intent["days"] = float(row.proposed_cut_days)
        sb.ask(intent)


def progress_bar():
    bar = st.progress(0.0)
    return bar, lambda share: show_progress(bar, share, lang)


st.subheader(t("cut_proposals", lang))
st.caption(t("cut_proposals_help", lang))
start, end, replications, seed = run_inputs(st, found, lang, "pr")
target = st.number_input(t("target_on_time", lang), 50.0, 100.0, 99.5, 0.1, format="%.1f",
                         key="pr_target", **KEEP)
if st.button(t("compute_cuts", lang), key="compute_cuts", type="primary"):
    st.session_state[CUTS] = (key, (start, end, replications, seed, round(target / 100, 4)))
if params := asked(CUTS):
    bar, progress = progress_bar()
    try:
        cuts = cs.cut_proposals(key, *params, progress)
    except Exception as exc:  # noqa: BLE001 — shown as a message, never a traceback
        show_error(exc, lang, "proposals_failed")
        cuts = None
    bar.empty()
    if cuts is not None:
        if "asis" in cuts.attrs:
            show_asis(AsIs.from_dict(cuts.attrs["asis"]), lang)
    if cuts is not None and cuts.empty:
        st.info(t("no_proposals", lang))
    elif cuts is not None:
        cuts = cuts.assign(agency=cuts["agency"].map(agency),
                           predicted_on_time_rate=100 * cuts["predicted_on_time_rate"],
                           label=cuts["procedure_id"].map(lambda p: names.get(p, p)),
                           name=cuts["procedure_id"].map(name))
        saving = cuts.loc[cuts["citizen_days_saved_per_year"] > 0].head(15)
        if not saving.empty:
            st.altair_chart(ranked_bars(saving, "label", "citizen_days_saved_per_year",
                                        t("col_citizen_days_saved_per_year", lang), lang),
                            width="stretch")
        columns = ["rank", "procedure_id", "name", "agency", "legal_days", "proposed_cut_days",
                   "new_legal_days", "predicted_on_time_rate", "dossiers_per_year",
                   "citizen_days_saved_per_year"]
        show_table(cuts[columns], lang, percent=("predicted_on_time_rate",),
                   labels=labels(columns))
        cut = cuts.loc[cuts["proposed_cut_days"] > 0]
        if not cut.empty:
            simulate_this(cut, "time_cut", "pr_simulate_cut")
        if "asis" in cuts.attrs:
            show_asis_figures(AsIs.from_dict(cuts.attrs["asis"]), lang)

st.subheader(t("candidates", lang))
st.caption(t("candidates_help", lang))
if st.button(t("compute_candidates", lang), key="compute_candidates"):
    st.session_state[CANDIDATES] = (key, lang)
if asked(CANDIDATES):
    try:
        with st.spinner(t("computing", lang)):
            ranked = cs.candidates(key, lang)
    except Exception as exc:  # noqa: BLE001
        show_error(exc, lang, "candidates_failed")
        ranked = None
    if ranked is not None:
        if "cv_auc" in ranked.attrs:
            st.caption(t("candidates_fit", lang).format(
                on_spot=ranked.attrs["n_on_spot"], transfer=ranked.attrs["n_candidates"],
                auc=fmt_number(ranked.attrs["cv_auc"], lang, 2)))
        shown = ranked.assign(agency=ranked["agency"].map(agency),
                              likelihood=100 * ranked["likelihood"],
                              **{c: 100 * ranked[c] for c in SHARES if c in ranked})
        shown["procedure_name"] = shown["procedure_id"].map(name)
        columns = ["rank", "procedure_id", "procedure_name", "agency", "score",
                   "likelihood", "citizen_days_saved_per_year", "reasons"]
        show_table(shown[columns], lang, digits=2, percent=("likelihood",),
                   labels={**labels(columns),
                           "procedure_name": t("col_procedure_name", lang)})
        spot = {p.output_id for p in found.model.procedures if p.model != FIVE_ON_SPOT}
        movable = ranked.loc[ranked["procedure_id"].astype(str).isin(spot)]
        if not movable.empty:
            simulate_this(movable, "five_on_spot", "pr_simulate_spot")
        with st.expander(t("features", lang)):
            features = ["procedure_id", *[f for f in FEATURES if f in shown]]
            show_table(shown[features], lang, digits=2, percent=SHARES,
                       labels=labels(features))

st.subheader(t("backtest", lang))
st.caption(t("backtest_help", lang))
c1, c2, c3 = st.columns(3)
limit = c1.number_input(t("backtest_limit", lang), 1, 100, 10, 1, key="bt_limit", **KEEP)
bt_replications = c2.number_input(t("replications", lang), 2, 50, 10, 1, key="bt_replications",
                                  help=t("replications_help", lang), **KEEP)
bt_seed = c3.number_input(t("seed", lang), 0, 2**31 - 1, 0, 1, key="bt_seed", **KEEP)
if st.button(t("compute_backtest", lang), key="compute_backtest"):
    st.session_state[BACKTEST] = (key, (int(limit), int(bt_replications), int(bt_seed)))
if params := asked(BACKTEST):
    bar, progress = progress_bar()
    try:
        table, summary, skipped = cs.track_record(key, *params, progress)
    except Exception as exc:  # noqa: BLE001
        show_error(exc, lang, "backtest_failed")
        table = None
    bar.empty()
    if table is not None:
        metrics = st.columns(5)
        metrics[0].metric(t("backtest_n", lang), fmt_number(summary["n"], lang))
        for column, (name, label) in zip(metrics[1:], ERRORS.items()):
            column.metric(t(label, lang), fmt_percent(100 * summary.get(name, NAN), lang))
        columns = ["procedure_id", "agency", "kind", "effective_date", "old_legal_days",
                   "new_legal_days", "actual_median", "predicted_median", "error",
                   "actual_on_time", "predicted_on_time"]
        if not table.empty:
            shown = table.assign(agency=table["agency"].map(agency),
                                 kind=table["kind"].map(lambda k: t(f"change_{k}", lang)),
                                 effective_date=table["effective_date"].map(
                                     lambda d: fmt_date(d, lang)),
                                 **{c: 100 * table[c] for c in
                                    ("error", "actual_on_time", "predicted_on_time")})
            show_table(shown[columns], lang, labels=labels(columns),
                       percent=("error", "actual_on_time", "predicted_on_time"))
        if skipped:
            with st.expander(t("backtest_skipped", lang).format(n=len(skipped))):
                st.markdown("\n".join(f"- {s}" for s in skipped))

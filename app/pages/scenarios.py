"""Kịch bản / Scenarios: what-if scenarios built from five kinds of change (or opened from a
scenario file), simulated with the baseline in seeded replications, and their figures with
95 % confidence intervals beside those observed in the log; each change of a scenario of
several changes is also simulated alone, to show its own effect. A bottleneck or a proposal
("Simulate this") opens the page with its change in the draft.

A run goes on in the page's own script, its progress bar fed by the experiment. Streamlit
interrupts a running script when the user acts in the app, so Stop (or any other action) ends
the run after the simulation under way; the page's next run finds the run unfinished and
says it was stopped.
"""

import datetime as dt
import zlib

import streamlit as st

from dossierflow.app import cached_simulation as cs
from dossierflow.app import scenario_builder as sb
from dossierflow.app import scenario_results as sr
from dossierflow.app.asis_panel import show_asis, show_asis_figures
from dossierflow.app.errors import show_error
from dossierflow.app.filters_sidebar import open_log
from dossierflow.app.formats import fmt_date, fmt_number, fmt_percent
from dossierflow.app.i18n import t
from dossierflow.app.simulation_inputs import (
    discovered_model,
    observed_figures,
    procedure_names,
    run_inputs,
    show_progress,
)
from dossierflow.app.state import language
from dossierflow.app.upload import MAX_MB, uploader_texts
from dossierflow.app.url_widgets import KEEP
from dossierflow.simulation.experiment import ExperimentCancelled, run_experiment
from dossierflow.simulation.scenarios import Scenario

RESULT, RUNNING, DONE, STOP = "sc_result", "sc_running", "sc_done", "sc_stop"

lang = language()
st.title(t("page_scenarios", lang))
key = open_log(lang)
found = discovered_model(key, lang)
model = found.model
names = procedure_names(model, lang)
sb.apply_intent(model, names, lang)

if st.session_state.pop(RUNNING, None):  # the previous script run ended inside a run
    st.session_state[RESULT] = {"key": key, "stopped": st.session_state.get(DONE, 0.0)}

st.subheader(t("build_scenario", lang))
st.text_input(t("scenario_name", lang), key=sb.NAME, **KEEP)
kind = st.selectbox(t("change_kind", lang), sb.KINDS, key="sc_kind",
                    format_func=lambda k: t(f"change_{k}", lang), **KEEP)
sb.change_inputs(kind, model, names, lang)
c1, c2, c3 = st.columns(3)
c1.button(t("add_change", lang), key="add_change", on_click=sb.add_change,
          args=(kind, model, lang))
c2.button(t("add_scenario", lang), key="add_scenario", type="primary",
          on_click=sb.add_scenario, args=(lang,))
c3.button(t("clear_changes", lang), key="clear_changes", on_click=sb.clear_draft,
          disabled=not sb.draft())
sb.show_message("build")
st.markdown(f"**{t('draft_changes', lang)}**")
if sb.draft():
    st.markdown("\n".join(f"{i}. {sb.describe(c, lang, names)}"
                           for i, c in enumerate(sb.draft(), 1)))
else:
    st.caption(t("no_changes", lang))

st.subheader(t("scenarios", lang))
scenarios = sb.kept()
for scenario in scenarios:
    c1, c2 = st.columns([6, 1])
    c1.markdown(f"**{scenario.name}**\n" + "\n".join(f"- {sb.describe(c, lang, names)}"
                                                    for c in scenario.changes))
    c2.button(t("remove", lang), key=f"sc_remove_{scenario.name}", on_click=sb.remove_scenario,
              args=(scenario.name,))
if not scenarios:
    st.info(t("no_scenarios", lang))
c1, c2 = st.columns(2)
c1.download_button(t("download_yaml", lang), sb.scenarios_yaml(scenarios),
                   file_name="scenarios.yaml", mime="application/yaml", key="sc_download_yaml",
                   disabled=not scenarios, on_click="ignore")
uploader_texts(lang)
c2.file_uploader(t("upload_yaml", lang), type=["yaml", "yml"], key="sc_upload",
                 on_change=sb.load_upload, args=(model, lang))
c2.caption(t("upload_limit", lang).format(mb=MAX_MB))
sb.show_message("file")

st.subheader(t("run_settings", lang))
start, end, replications, seed = run_inputs(st, found, lang, "sc")
changed = sb.changed_procedures(scenarios, model)
report = st.multiselect(t("report_procedures", lang), list(names), default=changed,
                        format_func=names.get, placeholder=t("all_procedures", lang),
                        help=t("report_procedures_help", lang),
                        key=f"sc_report_{zlib.crc32('|'.join(changed).encode())}")


def _stop() -> None:
    st.session_state[STOP] = True


def with_each_change(scenarios: list[Scenario]) -> tuple[list[Scenario], list[tuple]]:
    """The scenarios to run: those built, then each change of a scenario of several changes
    alone; and (scenario, change, the run holding the change alone) per change."""
    runs, changes = list(scenarios), []
    for scenario in scenarios:
        for i, change in enumerate(scenario.changes, 1):
            alone = scenario.name
            if len(scenario.changes) > 1:
                alone = f"{scenario.name} [{i}]"
                runs.append(Scenario(alone, [change]))
            changes.append((scenario.name, change, alone))
    return runs, changes


def _progress(bar):
    def show(share: float) -> None:
        st.session_state[DONE] = share
        show_progress(bar, share, lang)
    return show


if st.button(t("run_scenarios", lang), key="run_scenarios", type="primary",
             disabled=not scenarios):
    if end < start:
        st.warning(t("horizon_bad", lang))
    else:
        st.session_state.update({RUNNING: True, DONE: 0.0, STOP: False})
        controls = st.empty()
        with controls.container():
            st.button(t("stop", lang), key="stop_scenarios", on_click=_stop)
            st.caption(t("stop_note", lang))
            bar = st.progress(0.0)
        runs, changes = with_each_change(scenarios)
        outcome = {"key": key, "shown": [s.name for s in scenarios], "changes": changes}
        try:
            outcome["result"] = run_experiment(
                model, runs, start=start, end=end + dt.timedelta(days=1),
                replications=replications, seed=seed, workers=cs.WORKERS,
                procedures=report or None, check=cs.check_basis(key, start, end),
                progress=_progress(bar),
                should_stop=lambda: st.session_state.get(STOP, False))
        except ExperimentCancelled:
            outcome["stopped"] = st.session_state.get(DONE, 0.0)
        except Exception as exc:  # noqa: BLE001 — shown as a message, never a traceback
            show_error(exc, lang, "run_failed")
            outcome = None
        st.session_state.pop(RUNNING, None)
        controls.empty()
        if outcome:
            st.session_state[RESULT] = outcome

outcome = st.session_state.get(RESULT)
if outcome and outcome["key"] == key:
    st.subheader(t("results", lang))
    if "stopped" in outcome:
        st.warning(t("run_stopped", lang).format(
            share=fmt_percent(100 * outcome["stopped"], lang, 0)))
        st.stop()
    result = outcome["result"]
    show_asis(result.asis, lang)
    st.caption(t("results_caption", lang).format(
        n=result.replications, start=fmt_date(result.start, lang),
        end=fmt_date(result.end - dt.timedelta(days=1), lang),
        procedures=sb.procedure_list(result.procedures, lang, names),
        seconds=fmt_number(result.seconds, lang, 1)))
    named = outcome.get("shown")
    log = observed_figures(key, result.start.date(), (result.end - dt.timedelta(days=1)).date(),
                           tuple(result.procedures or ()))
    st.container(key="scenario_results").dataframe(
        sr.figures_table(result, lang, named, log), hide_index=True)
    st.caption(t("observed_help", lang))
    st.markdown(f"**{t('each_change', lang)}**")
    st.caption(t("each_change_help", lang))
    st.container(key="scenario_effects").dataframe(
        sr.effects_table(result, [(s, sb.describe(c, lang, names), run)
                                  for s, c, run in outcome.get("changes", [])], lang),
        hide_index=True)
    shown = [f for f in sr.MAIN if not sr.chart_data(result, f, lang, named).empty]
    figure = st.selectbox(t("chart_figure", lang), shown, key="sc_chart_figure",
                          index=shown.index("lead_time_working_days_median")
                          if "lead_time_working_days_median" in shown else 0,
                          format_func=lambda f: t(f"fig_{f}", lang), **KEEP)
    st.altair_chart(sr.interval_chart(sr.chart_data(result, figure, lang, named),
                                      t(f"fig_{figure}", lang), lang), width="stretch")
    with st.expander(t("step_waits", lang)):
        st.dataframe(sr.detail_table(result, "step_minutes", t("col_activity", lang), lang,
                                     named), hide_index=True)
    with st.expander(t("pool_use", lang)):
        st.dataframe(sr.detail_table(result, "utilisation", t("col_pool", lang), lang,
                                     named), hide_index=True)
        st.caption(t("queue_length", lang))
        st.dataframe(sr.detail_table(result, "queue_length", t("col_pool", lang), lang,
                                     named), hide_index=True)
    show_asis_figures(result.asis, lang)
    c1, c2 = st.columns(2)
    c1.download_button(t("download_json", lang), sr.results_json(result),
                       file_name="results.json", mime="application/json",
                       key="sc_download_json", on_click="ignore")
    c2.download_button(t("download_csv", lang), result.table().to_csv(index=False),
                       file_name="results.csv", mime="text/csv", key="sc_download_csv",
                       on_click="ignore")

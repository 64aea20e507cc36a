"""Xuất / Export: the dossiers the sidebar filters select, as files for other tools — the event
log (personal data pseudonymised by default), the process map, the discovered model, the
indicator tables, the bottlenecks and the Scenarios page's latest results.

A file is built only when the user picks a format and presses Prepare; it is then kept for
that selection, so that downloading it again, or coming back to it, costs nothing.
"""

import os
from collections.abc import Callable, Hashable

import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app import export_files as ef
from dossierflow.app.errors import show_error
from dossierflow.app.filters_sidebar import filtered_log
from dossierflow.app.formats import fmt_number
from dossierflow.app.i18n import t
from dossierflow.app.state import language
from dossierflow.app.url_widgets import KEEP
from dossierflow.mining.analysis.render_map import svg_available
from dossierflow.mining.export.export_log import LOG_FORMATS
from dossierflow.mining.export.pseudonymise import KEY_ENV

LEVELS = ("edge", "activity", "agency", "resource")
# the Process map page's settings (its widgets' keys) and their defaults
MAP_SETTINGS = {"overlay": "frequency", "measure": "absolute", "stat": "median",
                "unit": "working_hours", "activities": 1.0, "paths": 1.0}

lang = language()
st.title(t("page_export", lang))
key, selection, n = filtered_log(lang)
st.caption(t("n_selected", lang).format(n=fmt_number(n, lang)))
st.caption(t("export_help", lang))
days = ef.period(key, selection)
st.caption(t("export_names", lang).format(
    name=f"`{ef.file_name('kpis-by-month', 'xlsx', selection, days)}`"))


def choice(part: str, label: str, options, **kwargs):
    """A segmented control of ``options`` (the first by default), kept across pages."""
    return st.segmented_control(label, options, default=options[0], required=True,
                                key=f"ex_{part}", **KEEP, **kwargs)


def offer(part: str, formats, ask: tuple, build: Callable[[str, str], ef.Prepared],
          what: str) -> ef.Prepared | None:
    """The format picker, the Prepare button and, once the file is prepared for ``ask`` (with
    the chosen format), its download button. ``build(fmt, file_name)`` makes the file."""
    fmt = choice(f"{part}_format", t("export_format", lang), list(formats),
                 format_func=ef.FORMAT_NAMES.get)
    asked: Hashable = (part, key, selection, fmt, *ask)
    left, right = st.columns(2)
    if left.button(t("export_prepare", lang), key=f"ex_{part}_prepare"):
        with st.spinner(t("export_preparing", lang)):
            try:
                ef.prepare(asked, lambda: build(fmt, ef.file_name(what, fmt, selection, days)))
            except Exception as exc:  # noqa: BLE001 — shown as a message, never a traceback
                show_error(exc, lang, "export_failed")
    done = ef.prepared(asked)
    if done is not None:
        right.download_button(t("export_download", lang).format(file=done.file_name),
                              done.data, file_name=done.file_name, mime=done.mime,
                              key=f"ex_{part}_download", on_click="ignore", type="primary")
    return done


# the event log
st.subheader(t("export_log", lang))
st.caption(t("export_log_help", lang))
pseudonymise = st.checkbox(t("export_pseudonymise", lang), value=True, key="ex_pseudonymise",
                           **KEEP)
env_key = bool(os.environ.get(KEY_ENV))
if not pseudonymise:
    st.warning(t("export_clear_warning", lang))
else:
    st.caption(t("export_key_env" if env_key else "export_key_random", lang).format(env=KEY_ENV))
done = offer("log", LOG_FORMATS, (pseudonymise, env_key),
             lambda fmt, name: ef.event_log(key, selection, fmt, name,
                                            pseudonymise=pseudonymise), "event-log")
if done is not None and done.exported is not None:
    written = done.exported
    notes = [t("export_log_done", lang).format(cases=fmt_number(written.cases, lang),
                                               events=fmt_number(written.events, lang))]
    if written.pseudonymised is None:
        notes.append(t("export_in_clear", lang))
    else:
        notes.append(t("export_pseudonymised", lang).format(
            columns=", ".join(written.pseudonymised.columns) or t("export_none_found", lang)))
        if written.pseudonymised.scrubbed:
            notes.append(t("export_scrubbed", lang).format(
                n=fmt_number(written.pseudonymised.scrubbed, lang)))
    if written.neutralised:
        notes.append(t("export_neutralised", lang).format(
            n=fmt_number(written.neutralised, lang)))
    st.caption(" ".join(notes))

# the process map, as set on the Process map page
st.subheader(t("page_process_map", lang))
st.caption(t("export_map_help", lang))
settings = {name: st.session_state.get(name, default) for name, default in MAP_SETTINGS.items()}
paint = (("performance", settings["stat"], settings["unit"])
         if settings["overlay"] == "performance" else ("frequency", settings["measure"]))
drawable = svg_available()
if not drawable:
    st.info(t("export_map_no_graphviz", lang))


def map_file(fmt: str, name: str) -> ef.Prepared:
    dot = cm.map_dot(key, selection, round(settings["activities"], 2),
                     round(settings["paths"], 2), paint, lang)
    return ef.process_map(dot, fmt, name)


offer("map", ("dot", "svg", "png") if drawable else ("dot",),
      (paint, settings["activities"], settings["paths"], lang), map_file, "process-map")

# the discovered model
st.subheader(t("export_model", lang))
st.caption(t("export_model_help", lang))
offer("model", ("bpmn", "pnml"), (),
      lambda fmt, name: ef.model(key, selection, fmt, name), "process-model")

# the indicator tables
st.subheader(t("export_kpis", lang))
groups = ["overall", "month"] + (["agency"] if "agency" in cm.case_columns(key) else [])
group = choice("kpi_table", t("export_kpis_table", lang), groups,
               format_func=lambda g: t(f"export_kpis_{g}", lang))
by = None if group == "overall" else group
st.caption(t("export_kpis_help", lang))
if by == "month":
    st.caption(t("export_kpis_basis", lang))
offer("kpis", ("csv", "xlsx", "json"), (by,),
      lambda fmt, name: ef.kpi_tables(key, selection, by, fmt, name),
      "kpis" if by is None else f"kpis-by-{by}")

# the bottlenecks
st.subheader(t("page_bottlenecks", lang))
level = choice("level", t("level", lang), list(LEVELS),
               format_func=lambda v: t(f"level_{v}", lang))
offer("bottlenecks", ("csv", "xlsx"), (level,),
      lambda fmt, name: ef.bottlenecks(key, selection, level, fmt, name),
      f"bottlenecks-{level}")

# the Scenarios page's latest results
st.subheader(t("export_scenarios", lang))
result = ef.latest_scenario_result(key)
if result is None:
    st.info(t("export_no_scenarios", lang))
else:
    st.caption(t("export_scenarios_help", lang))
    offer("scenarios", ("json", "csv"), (id(result),),
          lambda fmt, name: ef.scenario_results(result, fmt, name), "scenario-results")

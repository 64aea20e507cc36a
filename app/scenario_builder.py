"""Building what-if scenarios on the Scenarios page: the inputs of each kind of change, the
change they make, a sentence describing a change, and scenario files (YAML) in and out.

The scenario being built (its changes) and the scenarios kept live in ``st.session_state``
(``DRAFT``, ``KEPT``); buttons act through callbacks, which leave a message in ``MESSAGE``.
"""

from __future__ import annotations

import streamlit as st
import yaml

from dossierflow.app.errors import error_text
from dossierflow.app.formats import fmt_number, fmt_percent
from dossierflow.app.i18n import t
from dossierflow.app.url_widgets import KEEP
from dossierflow.mining.vocabulary import FIVE_ON_SPOT
from dossierflow.simulation.model import Model
from dossierflow.simulation.scenarios import (
    CHANGES,
    TIME_CUT_MODES,
    ChannelShift,
    Demand,
    FiveOnSpot,
    Scenario,
    ScenarioError,
    Staffing,
    TimeCut,
    check_scenario,
    scenario_from_dict,
)

DRAFT, KEPT, MESSAGE = "sc_draft", "sc_scenarios", "sc_message"
NAME = "scenario_name"
CUT_DAYS = [k / 2 for k in range(1, 21)]
SHOWN_IDS = 3
KINDS = tuple(CHANGES)


def kept() -> list[Scenario]:
    """The scenarios kept in this session."""
    return st.session_state.setdefault(KEPT, [])


def draft() -> list:
    """The changes of the scenario being built."""
    return st.session_state.setdefault(DRAFT, [])


def _say(kind: str, text: str, where: str = "build") -> None:
    st.session_state[MESSAGE] = (where, kind, text)


def show_message(where: str) -> None:
    """The message the last action at ``where`` ("build" or "file") left, once."""
    if st.session_state.get(MESSAGE, ("",))[0] == where:
        _, kind, text = st.session_state.pop(MESSAGE)
        getattr(st, kind)(text)


def change_inputs(kind: str, model: Model, names: dict[str, str], lang: str) -> None:
    """The inputs of a change of ``kind`` (their values are read by ``add_change``)."""
    label = names.get
    c1, c2 = st.columns([2, 1])
    if kind == "time_cut":
        c1.multiselect(t("procedures", lang), list(names), format_func=label,
                       key="sc_cut_procedures", **KEEP)
        c2.select_slider(t("cut_days", lang), CUT_DAYS, value=1.0, key="sc_cut_days",
                         format_func=lambda d: fmt_number(d, lang, 1), **KEEP)
        st.radio(t("cut_mode", lang), TIME_CUT_MODES, horizontal=True, key="sc_cut_mode",
                 format_func=lambda m: t(f"mode_{m}", lang), **KEEP)
    elif kind == "five_on_spot":
        transfer = [p.output_id for p in model.procedures if p.model != FIVE_ON_SPOT]
        c1.multiselect(t("procedures", lang), [i for i in names if i in transfer] or list(names),
                       format_func=label, key="sc_spot_procedures", **KEEP)
        c2.number_input(t("officers", lang), 0, 100, 0, 1, key="sc_spot_officers", **KEEP)
        c3, c4 = st.columns([2, 1])
        c3.checkbox(t("set_legal", lang), key="sc_spot_set_legal", **KEEP)
        c4.number_input(t("new_legal_days", lang), 0.0, 365.0, 1.0, 0.5, key="sc_spot_legal",
                        disabled=not st.session_state.get("sc_spot_set_legal"), **KEEP)
    elif kind == "staffing":
        agencies = sorted({p.agency for p in model.pools})
        agency = c1.selectbox(t("filter_agency", lang), agencies, key="sc_staff_agency", **KEEP)
        roles = [None] + sorted({p.role for p in model.pools if p.agency == agency})
        c1.selectbox(t("role", lang), roles, key=f"sc_staff_role_{agency}",
                     format_func=lambda r: r or t("all_roles", lang), **KEEP)
        c2.number_input(t("staff_change", lang), -100, 100, 1, 1, key="sc_staff_change", **KEEP)
    elif kind == "demand":
        c1.multiselect(t("procedures", lang), list(names), format_func=label,
                       placeholder=t("all_procedures", lang), key="sc_demand_procedures",
                       **KEEP)
        c2.number_input(t("demand_factor", lang), 0.1, 10.0, 1.2, 0.1, key="sc_demand_factor",
                        **KEEP)
    else:
        c1.multiselect(t("procedures", lang), list(names), format_func=label,
                       placeholder=t("all_procedures", lang), key="sc_online_procedures",
                       **KEEP)
        c2.slider(t("online_share_target", lang), 0, 100, 80, 5, key="sc_online_share",
                  **KEEP)


def _change(kind: str):
    """The change the inputs of ``kind`` describe."""
    state = st.session_state
    if kind == "time_cut":
        return TimeCut(list(state["sc_cut_procedures"]), float(state["sc_cut_days"]),
                       state["sc_cut_mode"])
    if kind == "five_on_spot":
        legal = float(state["sc_spot_legal"]) if state.get("sc_spot_set_legal") else None
        return FiveOnSpot(list(state["sc_spot_procedures"]), int(state["sc_spot_officers"]),
                          legal)
    if kind == "staffing":
        agency = state["sc_staff_agency"]
        return Staffing(agency, int(state["sc_staff_change"]), state[f"sc_staff_role_{agency}"])
    if kind == "demand":
        return Demand(float(state["sc_demand_factor"]),
                      list(state["sc_demand_procedures"]) or None)
    return ChannelShift(state["sc_online_share"] / 100,
                        list(state["sc_online_procedures"]) or None)


def add_change(kind: str, model: Model, lang: str) -> None:
    """Callback: add the change of the inputs to the draft if the model takes it."""
    change = _change(kind)
    try:
        check_scenario(Scenario("draft", [*draft(), change]), model)
    except ScenarioError as exc:
        _say("error", error_text(exc, lang, "change_invalid"))
        return
    draft().append(change)


def clear_draft() -> None:
    """Callback: discard the changes of the scenario being built."""
    st.session_state[DRAFT] = []


def add_scenario(lang: str) -> None:
    """Callback: keep the draft as a scenario of the given name (replacing one of the same
    name) and start a new one."""
    name = (st.session_state.get(NAME) or "").strip()
    problem = ("name_needed" if not name else "name_reserved" if name == "baseline"
               else None if draft() else "changes_needed")
    if problem:
        _say("warning", t(problem, lang))
        return
    _keep([Scenario(name, list(draft()))])
    st.session_state[DRAFT] = []
    st.session_state[NAME] = ""
    _say("success", t("scenario_added", lang).format(name=name))


def _keep(scenarios: list[Scenario]) -> None:
    names = {s.name for s in scenarios}
    st.session_state[KEPT] = [s for s in kept() if s.name not in names] + scenarios


def remove_scenario(name: str) -> None:
    """Callback: forget the scenario ``name``."""
    st.session_state[KEPT] = [s for s in kept() if s.name != name]


def procedure_list(ids, lang: str) -> str:
    """The first ``SHOWN_IDS`` procedure ids and how many more; 'every procedure' when none."""
    if not ids:
        return t("all_procedures", lang)
    ids = [str(i) for i in ids]
    more = len(ids) - SHOWN_IDS
    return ", ".join(ids[:SHOWN_IDS]) + (f" (+{more})" if more > 0 else "")


def describe(change, lang: str) -> str:
    """One sentence saying what ``change`` does."""
    if isinstance(change, TimeCut):
        return t("describe_time_cut", lang).format(
            days=fmt_number(change.days, lang, 1), mode=t(f"mode_{change.mode}", lang),
            procedures=procedure_list(change.procedures, lang))
    if isinstance(change, FiveOnSpot):
        text = t("describe_five_on_spot", lang).format(
            procedures=procedure_list(change.procedures, lang), officers=change.officers)
        if change.legal_days is not None:
            text += t("describe_new_legal", lang).format(
                days=fmt_number(change.legal_days, lang, 1))
        return text
    if isinstance(change, Staffing):
        return t("describe_staffing", lang).format(
            change=f"{change.change:+d}", agency=change.agency,
            role=change.role or t("all_roles", lang))
    if isinstance(change, Demand):
        return t("describe_demand", lang).format(
            factor=fmt_number(change.factor, lang, 2),
            procedures=procedure_list(change.procedures, lang))
    return t("describe_channel_shift", lang).format(
        share=fmt_percent(100 * change.online_share, lang, 0),
        procedures=procedure_list(change.procedures, lang))


def scenarios_yaml(scenarios: list[Scenario]) -> str:
    """The scenarios as a scenario file (``scenarios: [...]``, as ``read_scenarios`` reads)."""
    return yaml.safe_dump({"scenarios": [s.to_dict() for s in scenarios]},
                          allow_unicode=True, sort_keys=False)


def read_yaml(data: bytes, filename: str) -> list[Scenario]:
    """The scenarios of an uploaded scenario file (one scenario, or ``scenarios: [...]``)."""
    try:
        parsed = yaml.safe_load(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ScenarioError(f"the scenario file is not valid UTF-8 YAML ({exc}).",
                            file=filename, fix="repair the YAML at the line shown.") from None
    if isinstance(parsed, dict) and "scenarios" in parsed:
        items = parsed["scenarios"]
        if not isinstance(items, list) or not items:
            raise ScenarioError("'scenarios' must be a non-empty list.", field="scenarios",
                                file=filename, fix="list one or more scenarios under it.")
        return [scenario_from_dict(s, file=filename, path=f"scenarios[{i}].")
                for i, s in enumerate(items)]
    return [scenario_from_dict(parsed, file=filename)]


def load_upload(model: Model, lang: str) -> None:
    """Callback of the scenario-file uploader: keep the file's scenarios if they fit the
    model."""
    upload = st.session_state.get("sc_upload")
    if upload is None:
        return
    try:
        scenarios = read_yaml(upload.getvalue(), upload.name)
        for scenario in scenarios:
            check_scenario(scenario, model)
    except ScenarioError as exc:
        _say("error", error_text(exc, lang, "yaml_failed"), "file")
        return
    _keep(scenarios)
    _say("success", t("yaml_loaded", lang).format(n=len(scenarios), file=upload.name), "file")


def changed_procedures(scenarios: list[Scenario], model: Model) -> list[str]:
    """The log's ids of the procedures the scenarios' changes name, in the model's order."""
    named = {str(p) for s in scenarios for c in s.changes
             for p in (getattr(c, "procedures", None) or [])}
    return list(dict.fromkeys(p.output_id for p in model.procedures
                              if p.id in named or p.output_id in named))


"""Building what-if scenarios on the Scenarios page: the inputs of each kind of change, the
change they make, a sentence describing a change, and scenario files (YAML) in and out.

Procedures are offered as "name (code)", narrowed by an agency and by a search that ignores
accents. The scenario being built (its changes) and the scenarios kept live in
``st.session_state`` (``DRAFT``, ``KEPT``); buttons act through callbacks, which leave a
message in ``MESSAGE``. Another page asks for a prefilled scenario ("Simulate this") by
leaving an intent in ``INTENT`` (see :func:`ask`), which :func:`apply_intent` turns into a
draft once the model is known.
"""

from __future__ import annotations

from collections import Counter

import streamlit as st
import yaml

from dossierflow.app.errors import error_text
from dossierflow.app.formats import fmt_number, fmt_percent
from dossierflow.app.i18n import t
from dossierflow.app.url_widgets import KEEP
from dossierflow.app.value_labels import (
    fold,
    matches,
    pool_part,
    procedure_label,
    value_label,
)
from dossierflow.mining.vocabulary import FIVE_ON_SPOT
from dossierflow.simulation.model import Model, ResourcePool
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

DRAFT, KEPT, MESSAGE, INTENT = "sc_draft", "sc_scenarios", "sc_message", "sc_intent"
SEARCH, AGENCY = "sc_proc_search", "sc_proc_agency"
EVERY = ""  # the agency choice that narrows nothing (None would read as no choice)
SCENARIOS_PAGE = "app/pages/scenarios.py"
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


def procedure_options(names: dict[str, str], agencies: dict[str, str], agency: str | None,
                      query: str, chosen=(), searched: dict[str, str] | None = None
                      ) -> list[str]:
    """The procedure ids offered: those of ``agency`` (None: every agency) whose "name
    (code)" (or text in ``searched``) matches ``query`` without accents, sorted by name,
    after those ``chosen``."""
    found = [i for i in names if (agency is None or agencies.get(i) == agency)
             and matches(f"{names[i]} {(searched or {}).get(i, '')}", query)]
    return list(dict.fromkeys([*chosen, *sorted(found, key=lambda i: fold(names[i]))]))


def procedure_filter(model: Model, lang: str) -> tuple[str | None, str]:
    """The agency (None: every one) and the search text that narrow the procedures
    offered."""
    c1, c2 = st.columns([1, 2])
    agencies = [EVERY, *sorted({p.agency for p in model.procedures},
                               key=lambda a: fold(value_label("agency", a, lang)))]
    agency = c1.selectbox(t("filter_agency", lang), agencies, key=AGENCY,
                          format_func=lambda a: value_label("agency", a, lang) if a
                          else t("all_agencies", lang), **KEEP)
    query = c2.text_input(t("procedure_search", lang), key=SEARCH, **KEEP)
    return agency or None, query or ""


def _pick_procedures(where, key: str, model: Model, names: dict[str, str],
                     narrow: tuple[str | None, str], lang: str, everything: bool = False,
                     allowed=None) -> None:
    agency, query = narrow
    agencies = {p.output_id: p.agency for p in model.procedures}
    # the Vietnamese names are searched in either language
    searched = {p.output_id: procedure_label(p.output_id, "vi", p.name)
                for p in model.procedures}
    offered = [i for i in procedure_options(names, agencies, agency, query,
                                            st.session_state.get(key) or [], searched)
               if allowed is None or i in allowed]
    if (agency or query) and not set(offered) - set(st.session_state.get(key) or []):
        where.caption(t("procedure_search_none", lang).format(
            query=query, agency=value_label("agency", agency, lang) if agency
            else t("all_agencies", lang)))
    where.multiselect(t("procedures", lang), offered, format_func=lambda i: names.get(i, i),
                      placeholder=t("all_procedures" if everything else "choose_procedures", lang),
                      key=key, **KEEP)


def _default(key: str, value) -> dict:
    """``value=`` for a widget, unless its value is already in the session (prefilled)."""
    return {} if key in st.session_state else {"value": value}


def change_inputs(kind: str, model: Model, names: dict[str, str], lang: str) -> None:
    """The inputs of a change of ``kind`` (their values are read by ``add_change``)."""
    narrow = procedure_filter(model, lang) if kind != "staffing" else (None, "")
    c1, c2 = st.columns([2, 1])
    if kind == "time_cut":
        _pick_procedures(c1, "sc_cut_procedures", model, names, narrow, lang)
        c2.select_slider(t("cut_days", lang), CUT_DAYS, key="sc_cut_days",
                         format_func=lambda d: fmt_number(d, lang, 1),
                         **_default("sc_cut_days", 1.0), **KEEP)
        st.radio(t("cut_mode", lang), TIME_CUT_MODES, horizontal=True, key="sc_cut_mode",
                 format_func=lambda m: t(f"mode_{m}", lang), **KEEP)
    elif kind == "five_on_spot":
        transfer = {p.output_id for p in model.procedures if p.model != FIVE_ON_SPOT}
        _pick_procedures(c1, "sc_spot_procedures", model, names, narrow, lang,
                         allowed=transfer or None)
        c2.number_input(t("officers", lang), 0, 100, 0, 1, key="sc_spot_officers", **KEEP)
        c3, c4 = st.columns([2, 1])
        c3.checkbox(t("set_legal", lang), key="sc_spot_set_legal", **KEEP)
        c4.number_input(t("new_legal_days", lang), 0.0, 365.0, 1.0, 0.5, key="sc_spot_legal",
                        disabled=not st.session_state.get("sc_spot_set_legal"), **KEEP)
    elif kind == "staffing":
        pooled = sorted({p.agency for p in model.pools})
        agency = c1.selectbox(t("filter_agency", lang), pooled, key="sc_staff_agency",
                              format_func=lambda a: pool_part("agency", a, lang), **KEEP)
        roles = [None] + sorted({p.role for p in model.pools if p.agency == agency})
        c1.selectbox(t("role", lang), roles, key=f"sc_staff_role_{agency}",
                     format_func=lambda r: pool_part("role", r, lang) if r
                     else t("all_roles", lang), **KEEP)
        c2.number_input(t("staff_change", lang), -100, 100, 1, 1, key="sc_staff_change", **KEEP)
    elif kind == "demand":
        _pick_procedures(c1, "sc_demand_procedures", model, names, narrow, lang, True)
        c2.number_input(t("demand_factor", lang), 0.1, 10.0, 1.2, 0.1, key="sc_demand_factor",
                        **KEEP)
    else:
        _pick_procedures(c1, "sc_online_procedures", model, names, narrow, lang, True)
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


def procedure_list(ids, lang: str, names: dict[str, str] | None = None) -> str:
    """The first ``SHOWN_IDS`` procedures ("name (code)" from ``names``) and how many more;
    'every procedure' when none."""
    if not ids:
        return t("all_procedures", lang)
    shown = [(names or {}).get(str(i), str(i)) for i in ids]
    more = len(shown) - SHOWN_IDS
    return "; ".join(shown[:SHOWN_IDS]) + (f" (+{more})" if more > 0 else "")


def describe(change, lang: str, names: dict[str, str] | None = None) -> str:
    """One sentence saying what ``change`` does, procedures named by ``names``."""
    if isinstance(change, TimeCut):
        return t("describe_time_cut", lang).format(
            days=fmt_number(change.days, lang, 1), mode=t(f"mode_{change.mode}", lang),
            procedures=procedure_list(change.procedures, lang, names))
    if isinstance(change, FiveOnSpot):
        text = t("describe_five_on_spot", lang).format(
            procedures=procedure_list(change.procedures, lang, names), officers=change.officers)
        if change.legal_days is not None:
            text += t("describe_new_legal", lang).format(
                days=fmt_number(change.legal_days, lang, 1))
        return text
    if isinstance(change, Staffing):
        return t("describe_staffing", lang).format(
            change=f"{change.change:+d}", agency=pool_part("agency", change.agency, lang),
            role=pool_part("role", change.role, lang) if change.role else t("all_roles", lang))
    if isinstance(change, Demand):
        return t("describe_demand", lang).format(
            factor=fmt_number(change.factor, lang, 2),
            procedures=procedure_list(change.procedures, lang, names))
    return t("describe_channel_shift", lang).format(
        share=fmt_percent(100 * change.online_share, lang, 0),
        procedures=procedure_list(change.procedures, lang, names))


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



def ask(intent: dict) -> None:
    """Open the Scenarios page with a prefilled scenario (``INTENT``): ``{"kind":
    "bottleneck", "level", "value", "label"}`` (one more officer where dossiers wait),
    ``{"kind": "time_cut", "procedure", "days"}`` or ``{"kind": "five_on_spot",
    "procedure"}``."""
    st.session_state[INTENT] = intent
    st.switch_page(SCENARIOS_PAGE, query_params=dict(st.query_params))


def serving_pool(model: Model, level: str, value: str) -> ResourcePool | None:
    """The staff pool that serves a bottleneck of the ranking: the officer's pool, the pool
    of the activity waited for (``activity``, ``edge``), or the pool serving most steps of
    the agency's procedures; None when no pool serves it."""
    pools = {p.id: p for p in model.pools}
    if level == "resource":
        return next((p for p in model.pools if value in (p.names or [])), None)
    if level in ("activity", "edge"):
        used = [s.pool for pr in model.processes for s in pr.steps
                if s.activity_id == value and s.pool in pools]
    else:
        own = {p.process for p in model.procedures if p.agency == value}
        used = [s.pool for pr in model.processes if pr.id in own for s in pr.steps
                if s.pool in pools]
        used = [u for u in used if pools[u].agency == value] or used
    return pools[Counter(used).most_common(1)[0][0]] if used else None


def _intent_change(intent: dict, model: Model, names: dict[str, str], lang: str):
    """(the change, its scenario name, the inputs it fills) of an intent; None: no change."""
    if intent["kind"] == "bottleneck":
        pool = serving_pool(model, intent["level"], intent["value"])
        if pool is None:
            return None
        return (Staffing(pool.agency, 1, pool.role),
                t("prefill_staff_name", lang).format(label=intent["label"]),
                {"sc_kind": "staffing", "sc_staff_agency": pool.agency,
                 f"sc_staff_role_{pool.agency}": pool.role})
    pid = str(intent["procedure"])
    label = names.get(pid, pid)
    if intent["kind"] == "time_cut":
        days = float(intent["days"])
        filled = {"sc_kind": "time_cut", "sc_cut_procedures": [pid]}
        if days in CUT_DAYS:
            filled["sc_cut_days"] = days
        return (TimeCut([pid], days),
                t("prefill_cut_name", lang).format(days=fmt_number(days, lang, 1), label=label),
                filled)
    return (FiveOnSpot([pid], 0), t("prefill_spot_name", lang).format(label=label),
            {"sc_kind": "five_on_spot", "sc_spot_procedures": [pid]})


def apply_intent(model: Model, names: dict[str, str], lang: str) -> None:
    """Turn the intent another page left into the draft, its name and the inputs of its kind
    (before those inputs are drawn), with a message saying so."""
    intent = st.session_state.pop(INTENT, None)
    if not intent:
        return
    found = _intent_change(intent, model, names, lang)
    if found is None:
        st.session_state["sc_kind"] = "staffing"
        _say("warning", t("prefill_no_pool", lang).format(label=intent.get("label", "")))
        return
    change, name, filled = found
    try:
        check_scenario(Scenario(name, [change]), model)
    except ScenarioError as exc:
        _say("error", error_text(exc, lang, "change_invalid"))
        return
    st.session_state.update({DRAFT: [change], NAME: name, SEARCH: "", AGENCY: EVERY, **filled})
    _say("info", t("prefilled", lang).format(name=name))

"""Read a Prosimos simulation model (BPMN file + JSON parameters) into a dossierflow Model.

Supported, so that one model runs in both engines:

* BPMN: one process with start and end events, tasks of any type, exclusive gateways (splits
  with branching probabilities, joins) and sequence flows; loops through gateways are fine.
  Parallel and inclusive gateways, intermediate events and sub-processes are refused with a
  clear error (dossierflow's routing is a Markov chain over steps).
* JSON: ``resource_profiles`` (each resource entry's ``amount`` becomes the capacity of a pool;
  a task served by several entries gets one pool with their summed capacity),
  ``task_resource_distribution`` (durations in seconds: fix, expon, uniform, norm, lognorm,
  gamma with Prosimos' parameters; lower and upper bounds become truncation),
  ``gateway_branching_probabilities``, ``arrival_time_distribution`` and
  ``arrival_time_calendar`` (a Poisson rate per working day: one arrival per mean inter-arrival
  time, plus the arrival Prosimos moves to each opening after a closure) and
  ``resource_calendars`` (all resources must share one calendar: dossierflow has one office
  calendar).

Differences that remain: dossierflow always honours Vietnamese public holidays (Prosimos has
none); normal distributions become gamma distributions with the same mean and standard
deviation (durations are never negative); a task whose resources have different duration
distributions takes the one of its largest resource entry.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
import warnings
from pathlib import Path
from typing import Any

from defusedxml import ElementTree

from dossierflow.simulation.model import (END, START, ArrivalProfile, CalendarSpec, Deadlines, Duration,
                              Model, ModelError, Procedure, Process, ResourcePool, Step,
                              Transition, known_activities)

_DAYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
_TASKS = {"task", "userTask", "serviceTask", "manualTask", "scriptTask", "sendTask",
          "receiveTask", "businessRuleTask"}
_SUPPORTED_KEYS = {"resource_profiles", "arrival_time_distribution", "arrival_time_calendar",
                   "gateway_branching_probabilities", "task_resource_distribution",
                   "resource_calendars", "model_type", "granule_size"}


class ProsimosModelError(ModelError):
    """A Prosimos model cannot be read or uses features dossierflow does not simulate."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_").lower()
    if not text or not text[0].isalpha():
        text = f"task_{text}" if text else "task"
    return text


def _safe_id(text: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9_.\-]+", "_", text).strip("_")
    return safe if safe and safe[0].isalnum() else f"n{safe}"


def _values(params: list[Any]) -> list[float]:
    out = []
    for p in params:
        out.append(float(p["value"]) if isinstance(p, dict) else float(p))
    return out


def _duration(spec: dict[str, Any], where: str, file: str) -> Duration:
    """A Prosimos duration (parameters in seconds) as a dossierflow Duration (minutes)."""
    name = str(spec.get("distribution_name", "")).lower()
    try:
        raw = _values(spec.get("distribution_params", []))
    except (TypeError, ValueError, KeyError):
        raise ProsimosModelError(f"{where}: distribution_params are not numbers.", file=file,
                                 fix='write them as [{"value": 900.0}, ...].') from None
    need = {"fix": 1, "expon": 3, "uniform": 2, "norm": 4, "lognorm": 4, "gamma": 4}
    if name not in need:
        raise ProsimosModelError(
            f"{where}: distribution {name!r} is not supported.", file=file,
            fix="use fix, expon, uniform, norm, lognorm or gamma (histograms are not read).")
    if len(raw) < need[name]:
        raise ProsimosModelError(f"{where}: {name} needs {need[name]} parameters, got "
                                 f"{len(raw)}.", file=file, fix="write Prosimos' parameters "
                                                                 "in full.")

    def minutes(seconds: float) -> float:
        return seconds / 60.0

    def bounds(lo: float, hi: float) -> dict[str, float | None]:
        return {"minimum": minutes(lo) if lo > 0 else None,
                "maximum": minutes(hi) if math.isfinite(hi) and hi > 0 else None}

    if name == "fix":
        return Duration(kind="fixed", mean=max(minutes(raw[0]), 0.0))
    if name == "uniform":
        low = max(minutes(raw[0]), 0.0)
        return Duration(kind="uniform", low=low, high=max(minutes(raw[1]), low))
    mean = minutes(raw[0])
    if mean <= 0:
        return Duration(kind="fixed", mean=0.0)
    if name == "expon":
        # Prosimos shifts the exponential by its minimum; with minimum 0 they coincide
        return Duration(kind="exponential", mean=mean, **bounds(raw[1], raw[2]))
    # norm: [mean, std, min, max]; lognorm and gamma: [mean, variance, min, max]
    sd = minutes(raw[1]) if name == "norm" else minutes(math.sqrt(max(raw[1], 0.0)))
    if sd <= 0:
        return Duration(kind="fixed", mean=mean)
    if name == "norm":
        warnings.warn(f"{where}: a normal duration becomes a gamma one with the same mean and "
                      "standard deviation.", stacklevel=3)
    kind = "lognormal" if name == "lognorm" else "gamma"
    return Duration(kind=kind, mean=mean, sd=sd, **bounds(raw[2], raw[3]))


def _mean_seconds(spec: dict[str, Any]) -> float:
    d = _duration(spec, "arrival_time_distribution", "")
    return d.expected * 60.0


def _closure_arrivals(sessions: tuple[tuple[str, str], ...], weekdays: tuple[int, ...],
                      mean_gap: float) -> float:
    """Extra arrivals per week that Prosimos' arrival scheme creates at openings.

    Prosimos adds each inter-arrival time to the previous arrival and moves an arrival that
    falls while the calendar is closed to the next opening; a closure of C minutes therefore
    adds one arrival with probability 1 - exp(-C / mean_gap) (the gap is memoryless).
    """
    week = []
    for day in weekdays:
        for a, b in sessions:
            week.append((day * 1440 + _seconds(a) / 60, day * 1440 + _seconds(b) / 60))
    week.sort()
    extra = 0.0
    for k, (_, end) in enumerate(week):
        next_start = week[(k + 1) % len(week)][0] + (7 * 1440 if k + 1 == len(week) else 0)
        closure = max(next_start - end, 0.0)
        extra += 1.0 - math.exp(-closure / mean_gap)
    return extra


def _calendar(periods: list[dict[str, Any]], where: str, file: str
              ) -> tuple[tuple[tuple[str, str], ...], tuple[int, ...]]:
    """Prosimos time periods as (sessions, weekdays); all days must share the sessions."""
    by_day: dict[int, list[tuple[str, str]]] = {}
    for period in periods:
        try:
            a, b = _DAYS.index(period["from"].upper()), _DAYS.index(period["to"].upper())
            begin, end = period["beginTime"], period["endTime"]
        except (KeyError, ValueError, AttributeError):
            raise ProsimosModelError(f"{where}: a time period is malformed: {period!r}.",
                                     file=file, fix='write {"from": "MONDAY", "to": "FRIDAY", '
                                                    '"beginTime": "07:30:00", "endTime": '
                                                    '"11:30:00"}.') from None
        days = range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)]
        for day in days:
            by_day.setdefault(day, []).append((begin[:8], end[:8]))
    if not by_day:
        raise ProsimosModelError(f"{where} has no time periods.", file=file,
                                 fix="give at least one working period.")
    shapes = {tuple(sorted(v)) for v in by_day.values()}
    if len(shapes) > 1:
        raise ProsimosModelError(
            f"{where}: the working hours differ between weekdays.", file=file,
            fix="dossierflow uses one set of office sessions for every working weekday; make "
                "the periods the same on each working day.")
    sessions = tuple(sorted(shapes.pop()))
    return sessions, tuple(sorted(by_day))


def read_prosimos(bpmn: str | Path, parameters: str | Path, *, procedure_id: str | None = None,
                  agency: str = "PROSIMOS", legal_days: float = 10.0,
                  channel: str = "in_person") -> Model:
    """A dossierflow Model equivalent to a Prosimos BPMN model and its JSON parameters.

    The model has one procedure (``procedure_id``, default the BPMN process id) of ``agency``
    with ``legal_days`` and all dossiers on ``channel``; no apologies (Prosimos has none).
    """
    bpmn, parameters = Path(bpmn), Path(parameters)
    try:
        root = ElementTree.parse(str(bpmn)).getroot()
    except (OSError, ElementTree.ParseError) as exc:
        raise ProsimosModelError(f"the BPMN file cannot be read ({exc}).", file=str(bpmn),
                                 fix="give a BPMN 2.0 XML file exported by a modeller.") from None
    except Exception as exc:  # defusedxml refuses entities and external references
        raise ProsimosModelError(f"the BPMN file is unsafe or invalid ({exc}).", file=str(bpmn),
                                 fix="export it again without DTDs or entities.") from None
    try:
        params = json.loads(parameters.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProsimosModelError(f"the parameter file is not readable JSON ({exc}).",
                                 file=str(parameters), fix="give Prosimos' JSON file.") from None
    file = str(parameters)
    extra = sorted(k for k, v in params.items() if k not in _SUPPORTED_KEYS and v)
    if extra:
        raise ProsimosModelError(
            f"the parameters use Prosimos features dossierflow does not read: {extra}.",
            file=file, fix="remove them (batching, prioritisation, attributes, event "
                           "distributions, multitasking) or model them in dossierflow's JSON.")

    processes = [el for el in root.iter() if _local(el.tag) == "process"]
    if len(processes) != 1:
        raise ProsimosModelError(f"the BPMN file has {len(processes)} processes, not 1.",
                                 file=str(bpmn), fix="keep one process (no collaboration).")
    process_el = processes[0]
    kinds: dict[str, str] = {}
    names: dict[str, str] = {}
    flows: dict[str, tuple[str, str]] = {}
    for el in process_el:
        tag = _local(el.tag)
        el_id = el.get("id")
        if tag == "sequenceFlow":
            flows[el_id] = (el.get("sourceRef"), el.get("targetRef"))
        elif tag in _TASKS:
            kinds[el_id], names[el_id] = "task", el.get("name") or el_id
        elif tag in ("startEvent", "endEvent", "exclusiveGateway", "parallelGateway",
                     "inclusiveGateway"):
            kinds[el_id], names[el_id] = tag, el.get("name") or el_id
        elif tag in ("intermediateCatchEvent", "intermediateThrowEvent", "subProcess",
                     "boundaryEvent", "eventBasedGateway", "complexGateway",
                     "callActivity", "transaction"):
            raise ProsimosModelError(f"BPMN element {tag} {el_id!r} is not supported.",
                                     file=str(bpmn),
                                     fix="dossierflow reads tasks, exclusive gateways, start "
                                         "and end events and sequence flows only.")
    outgoing: dict[str, list[str]] = {}
    for flow_id, (source, target) in flows.items():
        for ref in (source, target):
            if ref not in kinds:
                raise ProsimosModelError(f"sequence flow {flow_id!r} refers to the unknown "
                                         f"element {ref!r}.", file=str(bpmn),
                                         fix="repair the BPMN file.")
        outgoing.setdefault(source, []).append(flow_id)
    starts = [k for k, v in kinds.items() if v == "startEvent"]
    if len(starts) != 1:
        raise ProsimosModelError(f"the process has {len(starts)} start events, not 1.",
                                 file=str(bpmn), fix="keep exactly one start event.")

    branching: dict[str, float] = {}
    for gateway in params.get("gateway_branching_probabilities", []):
        for path in gateway.get("probabilities", []):
            branching[path["path_id"]] = float(path["value"])

    def follow(node: str, probability: float, seen: tuple[str, ...]) -> dict[str, float]:
        kind = kinds[node]
        if kind == "task":
            return {node: probability}
        if kind == "endEvent":
            return {END: probability}
        if node in seen:
            raise ProsimosModelError(f"gateways loop without a task at {node!r}.",
                                     file=str(bpmn), fix="put a task on every loop.")
        out = outgoing.get(node, [])
        if not out:
            raise ProsimosModelError(f"{kind} {node!r} has no outgoing flow.", file=str(bpmn),
                                     fix="connect it, or end the path with an end event.")
        if len(out) > 1 and kind != "exclusiveGateway":
            raise ProsimosModelError(
                f"{kind} {node!r} splits the flow; dossierflow simulates exclusive choices only.",
                file=str(bpmn), fix="replace parallel or inclusive splits by an exclusive "
                                    "gateway or a sequence.")
        if len(out) == 1:
            weights = [1.0]
        else:
            weights = [branching.get(f) for f in out]
            if any(w is None for w in weights):
                missing = [f for f, w in zip(out, weights) if w is None]
                raise ProsimosModelError(
                    f"gateway {node!r} has no branching probability for flows {missing}.",
                    file=file, fix="list every outgoing flow of the gateway under "
                                   "gateway_branching_probabilities.")
            total = sum(weights)
            weights = [w / total for w in weights] if total > 0 else [1 / len(out)] * len(out)
        result: dict[str, float] = {}
        for flow, weight in zip(out, weights):
            for target, p in follow(flows[flow][1], probability * weight,
                                    (*seen, node)).items():
                result[target] = result.get(target, 0.0) + p
        return result

    def successors(node: str) -> dict[str, float]:
        out = outgoing.get(node, [])
        if not out:
            raise ProsimosModelError(f"{kinds[node]} {node!r} has no outgoing flow.",
                                     file=str(bpmn), fix="connect it to the next element.")
        if len(out) > 1:
            raise ProsimosModelError(
                f"{kinds[node]} {node!r} has {len(out)} outgoing flows (an implicit parallel "
                "split).", file=str(bpmn), fix="route them through an exclusive gateway.")
        return follow(flows[out[0]][1], 1.0, ())

    tasks = [k for k, v in kinds.items() if v == "task"]
    step_ids = {t: _safe_id(t) for t in tasks}
    transitions = [Transition(source=START, target=step_ids.get(t, t), probability=p)
                   for t, p in successors(starts[0]).items()]
    for task in tasks:
        for target, p in successors(task).items():
            transitions.append(Transition(source=step_ids[task],
                                          target=step_ids.get(target, target), probability=p))

    # resources: one pool per group of resource entries serving the same tasks
    entries: dict[str, dict[str, Any]] = {}
    for profile in params.get("resource_profiles", []):
        for entry in profile.get("resource_list", []):
            entries[entry["id"]] = {**entry, "profile": profile.get("id", entry["id"])}
    calendars = {c["id"]: c.get("time_periods", []) for c in params.get("resource_calendars", [])}
    task_resources: dict[str, list[dict[str, Any]]] = {}
    for item in params.get("task_resource_distribution", []):
        task_resources[item["task_id"]] = item.get("resources", [])
    pools: dict[tuple[str, ...], ResourcePool] = {}
    steps = []
    used_calendars: set[str] = set()
    for task in tasks:
        resources = task_resources.get(task)
        if not resources:
            raise ProsimosModelError(f"task {task!r} ({names[task]}) has no resources.",
                                     file=file, fix="list it in task_resource_distribution.")
        ids = tuple(sorted(r["resource_id"] for r in resources))
        for rid in ids:
            if rid not in entries:
                raise ProsimosModelError(f"task {task!r} names the unknown resource {rid!r}.",
                                         file=file, fix="declare it in resource_profiles.")
        for key in pools:
            if set(key) & set(ids) and key != ids:
                raise ProsimosModelError(
                    f"resources {sorted(set(key) & set(ids))} serve tasks with different "
                    "resource sets.", file=file,
                    fix="dossierflow pools are disjoint: give each group of tasks its own "
                        "resources.")
        if ids not in pools:
            capacity = sum(int(entries[r].get("amount", 1)) for r in ids)
            officer_names = []
            for r in ids:
                amount = int(entries[r].get("amount", 1))
                base = entries[r].get("name") or r
                officer_names += [f"{base}_{k + 1}" for k in range(amount)]
                used_calendars.add(entries[r].get("calendar"))
            pool_id = _safe_id(ids[0] if len(ids) == 1 else "+".join(ids))
            pools[ids] = ResourcePool(id=pool_id, agency=agency,
                                      role=_slug(str(entries[ids[0]]["profile"])),
                                      capacity=capacity, names=officer_names)
        largest = max(resources, key=lambda r: int(entries[r["resource_id"]].get("amount", 1)))
        if len({json.dumps([r.get("distribution_name"), r.get("distribution_params")])
                for r in resources}) > 1:
            warnings.warn(f"task {task!r}: its resources have different durations; using the "
                          f"one of {largest['resource_id']!r}.", stacklevel=2)
        steps.append(Step(id=step_ids[task], activity=_slug(names[task]),
                          duration=_duration(largest, f"task {task!r}", file),
                          pool=pools[ids].id))

    used_calendars.discard(None)
    shapes = {c: _calendar(calendars.get(c, []), f"resource calendar {c!r}", file)
              for c in used_calendars}
    if len(set(shapes.values())) > 1:
        raise ProsimosModelError(
            f"resources use different calendars {sorted(shapes)}.", file=file,
            fix="dossierflow has one office calendar: give every resource the same one.")
    if shapes:
        sessions, weekdays = next(iter(shapes.values()))
    else:
        sessions, weekdays = (("07:30:00", "11:30:00"), ("13:30:00", "17:00:00")), (0, 1, 2, 3, 4)
    calendar = CalendarSpec(sessions=[[a[:8], b[:8]] for a, b in sessions],
                            weekdays=list(weekdays))
    minutes_per_day = sum(_seconds(b) - _seconds(a) for a, b in sessions) / 60.0

    arrival = params.get("arrival_time_distribution")
    if not arrival:
        raise ProsimosModelError("the parameters have no arrival_time_distribution.", file=file,
                                 fix="give the inter-arrival distribution of cases.")
    if str(arrival.get("distribution_name", "")).lower() != "expon":
        warnings.warn("arrivals become a Poisson process with the same mean inter-arrival "
                      "time.", stacklevel=2)
    mean_gap = _mean_seconds(arrival) / 60.0
    if mean_gap <= 0:
        raise ProsimosModelError("the mean inter-arrival time is 0.", file=file,
                                 fix="give a positive mean.")
    arrival_sessions, arrival_days = sessions, weekdays
    if params.get("arrival_time_calendar"):
        arrival_sessions, arrival_days = _calendar(params["arrival_time_calendar"],
                                                   "arrival_time_calendar", file)
    weekday_weights = [1.0 if d in arrival_days and d in weekdays else 0.0 for d in range(7)]
    days_per_week = sum(1 for w in weekday_weights if w > 0) or 1
    per_day = (minutes_per_day / mean_gap
               + _closure_arrivals(arrival_sessions, arrival_days, mean_gap) / days_per_week)

    process_id = _safe_id(process_el.get("id") or bpmn.stem)
    activities = sorted({s.activity for s in steps} - known_activities())
    model = Model(
        name=bpmn.stem,
        procedures=[Procedure(id=procedure_id or process_id, name=process_el.get("name") or "",
                              agency=agency, legal_days=legal_days, process=process_id,
                              arrivals=ArrivalProfile(per_working_day=per_day,
                                                      weekday_weights=weekday_weights,
                                                      tet_surge=1.0, tet_lull=1.0),
                              channels={channel: 1.0})],
        processes=[Process(id=process_id, steps=steps, transitions=transitions,
                           online_submission=False)],
        pools=list(pools.values()), calendar=calendar, deadlines=Deadlines(apology=False),
        extra_activities=activities)
    return model.validate(file=file)


def _seconds(text: str) -> float:
    parts = [float(x) for x in text.split(":")]
    while len(parts) < 3:
        parts.append(0.0)
    return parts[0] * 3600 + parts[1] * 60 + parts[2]

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml import ElementTree

from dossierflow.simulation.model import (
    END,
    START,
    ArrivalProfile,
    CalendarSpec,
    Deadlines,
    Duration,
    Model,
    ModelError,
    Procedure,
    Process,
    ResourcePool,
    Step,
    Transition,
    known_activities,
)

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
    root, params = _read_files(bpmn, parameters)
    file = str(parameters)
    graph = _Graph.of(root, str(bpmn), params, file)
    transitions = graph.transitions()
    pools, steps, calendar_ids = _pools_and_steps(graph, params, agency, file)
    sessions, weekdays = _office_calendar(params, calendar_ids, file)
    calendar = CalendarSpec(sessions=[[a[:8], b[:8]] for a, b in sessions],
                            weekdays=list(weekdays))
    per_day = _arrivals_per_day(params, sessions, weekdays, file)
    process_id = _safe_id(graph.process.get("id") or bpmn.stem)
    activities = sorted({s.activity for s in steps} - known_activities())
    model = Model(
        name=bpmn.stem,
        procedures=[Procedure(id=procedure_id or process_id,
                              name=graph.process.get("name") or "",
                              agency=agency, legal_days=legal_days, process=process_id,
                              arrivals=ArrivalProfile(per_working_day=per_day,
                                                      weekday_weights=_weekday_weights(
                                                          params, sessions, weekdays, file),
                                                      tet_surge=1.0, tet_lull=1.0),
                              channels={channel: 1.0})],
        processes=[Process(id=process_id, steps=steps, transitions=transitions,
                           online_submission=False)],
        pools=pools, calendar=calendar, deadlines=Deadlines(apology=False),
        extra_activities=activities)
    return model.validate(file=file)


def _read_files(bpmn: Path, parameters: Path) -> tuple[Any, dict[str, Any]]:
    """The BPMN XML root and the JSON parameters, refusing features dossierflow lacks."""
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
    extra = sorted(k for k, v in params.items() if k not in _SUPPORTED_KEYS and v)
    if extra:
        raise ProsimosModelError(
            f"the parameters use Prosimos features dossierflow does not read: {extra}.",
            file=str(parameters),
            fix="remove them (batching, prioritisation, attributes, event distributions, "
                "multitasking) or model them in dossierflow's JSON.")
    return root, params


_UNSUPPORTED = ("intermediateCatchEvent", "intermediateThrowEvent", "subProcess",
                "boundaryEvent", "eventBasedGateway", "complexGateway", "callActivity",
                "transaction")
_NODES = ("startEvent", "endEvent", "exclusiveGateway", "parallelGateway", "inclusiveGateway")


@dataclass
class _Graph:
    """The process of a BPMN file: its elements, flows and branching probabilities."""

    process: Any
    bpmn: str
    file: str
    kinds: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    flows: dict[str, tuple[str, str]] = field(default_factory=dict)
    outgoing: dict[str, list[str]] = field(default_factory=dict)
    branching: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, root: Any, bpmn: str, params: dict[str, Any], file: str) -> _Graph:
        processes = [el for el in root.iter() if _local(el.tag) == "process"]
        if len(processes) != 1:
            raise ProsimosModelError(f"the BPMN file has {len(processes)} processes, not 1.",
                                     file=bpmn, fix="keep one process (no collaboration).")
        graph = cls(processes[0], bpmn, file)
        for el in graph.process:
            graph._add(_local(el.tag), el)
        for flow_id, (source, target) in graph.flows.items():
            for ref in (source, target):
                if ref not in graph.kinds:
                    raise ProsimosModelError(f"sequence flow {flow_id!r} refers to the unknown "
                                             f"element {ref!r}.", file=bpmn,
                                             fix="repair the BPMN file.")
            graph.outgoing.setdefault(source, []).append(flow_id)
        for gateway in params.get("gateway_branching_probabilities", []):
            for path in gateway.get("probabilities", []):
                graph.branching[path["path_id"]] = float(path["value"])
        return graph

    def _add(self, tag: str, el: Any) -> None:
        el_id = el.get("id")
        if tag == "sequenceFlow":
            self.flows[el_id] = (el.get("sourceRef"), el.get("targetRef"))
        elif tag in _TASKS:
            self.kinds[el_id], self.names[el_id] = "task", el.get("name") or el_id
        elif tag in _NODES:
            self.kinds[el_id], self.names[el_id] = tag, el.get("name") or el_id
        elif tag in _UNSUPPORTED:
            raise ProsimosModelError(f"BPMN element {tag} {el_id!r} is not supported.",
                                     file=self.bpmn,
                                     fix="dossierflow reads tasks, exclusive gateways, start "
                                         "and end events and sequence flows only.")

    @property
    def tasks(self) -> list[str]:
        return [k for k, v in self.kinds.items() if v == "task"]

    def transitions(self) -> list[Transition]:
        """The step-to-step probabilities: gateways folded into the tasks' transitions."""
        starts = [k for k, v in self.kinds.items() if v == "startEvent"]
        if len(starts) != 1:
            raise ProsimosModelError(f"the process has {len(starts)} start events, not 1.",
                                     file=self.bpmn, fix="keep exactly one start event.")
        step_ids = {t: _safe_id(t) for t in self.tasks}
        found = [Transition(source=START, target=step_ids.get(t, t), probability=p)
                 for t, p in self._successors(starts[0]).items()]
        for task in self.tasks:
            found += [Transition(source=step_ids[task], target=step_ids.get(target, target),
                                 probability=p)
                      for target, p in self._successors(task).items()]
        return found

    def _successors(self, node: str) -> dict[str, float]:
        out = self.outgoing.get(node, [])
        if not out:
            raise ProsimosModelError(f"{self.kinds[node]} {node!r} has no outgoing flow.",
                                     file=self.bpmn, fix="connect it to the next element.")
        if len(out) > 1:
            raise ProsimosModelError(
                f"{self.kinds[node]} {node!r} has {len(out)} outgoing flows (an implicit "
                "parallel split).", file=self.bpmn,
                fix="route them through an exclusive gateway.")
        return self._follow(self.flows[out[0]][1], 1.0, ())

    def _follow(self, node: str, probability: float, seen: tuple[str, ...]) -> dict[str, float]:
        """The tasks (or the end) reached from ``node``, with their probabilities."""
        kind = self.kinds[node]
        if kind == "task":
            return {node: probability}
        if kind == "endEvent":
            return {END: probability}
        if node in seen:
            raise ProsimosModelError(f"gateways loop without a task at {node!r}.",
                                     file=self.bpmn, fix="put a task on every loop.")
        out = self.outgoing.get(node, [])
        if not out:
            raise ProsimosModelError(f"{kind} {node!r} has no outgoing flow.", file=self.bpmn,
                                     fix="connect it, or end the path with an end event.")
        if len(out) > 1 and kind != "exclusiveGateway":
            raise ProsimosModelError(
                f"{kind} {node!r} splits the flow; dossierflow simulates exclusive choices only.",
                file=self.bpmn, fix="replace parallel or inclusive splits by an exclusive "
                                    "gateway or a sequence.")
        result: dict[str, float] = {}
        for flow, weight in zip(out, self._weights(node, out)):
            for target, p in self._follow(self.flows[flow][1], probability * weight,
                                          (*seen, node)).items():
                result[target] = result.get(target, 0.0) + p
        return result

    def _weights(self, node: str, out: list[str]) -> list[float]:
        if len(out) == 1:
            return [1.0]
        weights = [self.branching.get(f) for f in out]
        missing = [f for f, w in zip(out, weights) if w is None]
        if missing:
            raise ProsimosModelError(
                f"gateway {node!r} has no branching probability for flows {missing}.",
                file=self.file, fix="list every outgoing flow of the gateway under "
                                    "gateway_branching_probabilities.")
        total = sum(weights)
        return [w / total for w in weights] if total > 0 else [1 / len(out)] * len(out)


def _pools_and_steps(graph: _Graph, params: dict[str, Any], agency: str, file: str
                     ) -> tuple[list[ResourcePool], list[Step], set[str]]:
    """One pool per group of resource entries serving the same tasks, the steps, and the
    calendars the pools' resources use."""
    entries: dict[str, dict[str, Any]] = {}
    for profile in params.get("resource_profiles", []):
        for entry in profile.get("resource_list", []):
            entries[entry["id"]] = {**entry, "profile": profile.get("id", entry["id"])}
    task_resources = {item["task_id"]: item.get("resources", [])
                      for item in params.get("task_resource_distribution", [])}
    pools: dict[tuple[str, ...], ResourcePool] = {}
    steps, calendars = [], set()
    for task in graph.tasks:
        resources = task_resources.get(task)
        if not resources:
            raise ProsimosModelError(f"task {task!r} ({graph.names[task]}) has no resources.",
                                     file=file, fix="list it in task_resource_distribution.")
        ids = tuple(sorted(r["resource_id"] for r in resources))
        _check_resources(task, ids, entries, pools, file)
        if ids not in pools:
            pools[ids] = _pool(ids, entries, agency)
            calendars |= {entries[r].get("calendar") for r in ids}
        largest = max(resources, key=lambda r: int(entries[r["resource_id"]].get("amount", 1)))
        if len({json.dumps([r.get("distribution_name"), r.get("distribution_params")])
                for r in resources}) > 1:
            warnings.warn(f"task {task!r}: its resources have different durations; using the "
                          f"one of {largest['resource_id']!r}.", stacklevel=3)
        steps.append(Step(id=_safe_id(task), activity=_slug(graph.names[task]),
                          duration=_duration(largest, f"task {task!r}", file),
                          pool=pools[ids].id))
    calendars.discard(None)
    return list(pools.values()), steps, calendars


def _check_resources(task: str, ids: tuple[str, ...], entries: dict[str, dict[str, Any]],
                     pools: dict[tuple[str, ...], ResourcePool], file: str) -> None:
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


def _pool(ids: tuple[str, ...], entries: dict[str, dict[str, Any]], agency: str
          ) -> ResourcePool:
    """The pool of resource entries ``ids``: their summed amounts, one name per officer."""
    officer_names = []
    for r in ids:
        base = entries[r].get("name") or r
        officer_names += [f"{base}_{k + 1}" for k in range(int(entries[r].get("amount", 1)))]
    return ResourcePool(id=_safe_id(ids[0] if len(ids) == 1 else "+".join(ids)), agency=agency,
                        role=_slug(str(entries[ids[0]]["profile"])),
                        capacity=sum(int(entries[r].get("amount", 1)) for r in ids),
                        names=officer_names)


_DEFAULT_SESSIONS = (("07:30:00", "11:30:00"), ("13:30:00", "17:00:00"))


def _office_calendar(params: dict[str, Any], used: set[str], file: str
                     ) -> tuple[tuple[tuple[str, str], ...], tuple[int, ...]]:
    """The one office calendar the resources share: (sessions, weekdays)."""
    calendars = {c["id"]: c.get("time_periods", []) for c in params.get("resource_calendars", [])}
    shapes = {c: _calendar(calendars.get(c, []), f"resource calendar {c!r}", file)
              for c in used}
    if len(set(shapes.values())) > 1:
        raise ProsimosModelError(
            f"resources use different calendars {sorted(shapes)}.", file=file,
            fix="dossierflow has one office calendar: give every resource the same one.")
    return next(iter(shapes.values())) if shapes else (_DEFAULT_SESSIONS, (0, 1, 2, 3, 4))


def _arrival_gap(params: dict[str, Any], file: str) -> float:
    """The mean inter-arrival time in minutes."""
    arrival = params.get("arrival_time_distribution")
    if not arrival:
        raise ProsimosModelError("the parameters have no arrival_time_distribution.", file=file,
                                 fix="give the inter-arrival distribution of cases.")
    if str(arrival.get("distribution_name", "")).lower() != "expon":
        warnings.warn("arrivals become a Poisson process with the same mean inter-arrival "
                      "time.", stacklevel=4)
    mean_gap = _mean_seconds(arrival) / 60.0
    if mean_gap <= 0:
        raise ProsimosModelError("the mean inter-arrival time is 0.", file=file,
                                 fix="give a positive mean.")
    return mean_gap


def _arrival_calendar(params: dict[str, Any], sessions: tuple[tuple[str, str], ...],
                      weekdays: tuple[int, ...], file: str
                      ) -> tuple[tuple[tuple[str, str], ...], tuple[int, ...]]:
    if params.get("arrival_time_calendar"):
        return _calendar(params["arrival_time_calendar"], "arrival_time_calendar", file)
    return sessions, weekdays


def _weekday_weights(params: dict[str, Any], sessions: tuple[tuple[str, str], ...],
                     weekdays: tuple[int, ...], file: str) -> list[float]:
    _, arrival_days = _arrival_calendar(params, sessions, weekdays, file)
    return [1.0 if d in arrival_days and d in weekdays else 0.0 for d in range(7)]


def _arrivals_per_day(params: dict[str, Any], sessions: tuple[tuple[str, str], ...],
                      weekdays: tuple[int, ...], file: str) -> float:
    """A Poisson rate per working day: one arrival per mean gap of office time, plus the
    arrivals Prosimos moves to each opening after a closure."""
    mean_gap = _arrival_gap(params, file)
    arrival_sessions, arrival_days = _arrival_calendar(params, sessions, weekdays, file)
    days_per_week = sum(1 for w in _weekday_weights(params, sessions, weekdays, file)
                        if w > 0) or 1
    minutes_per_day = sum(_seconds(b) - _seconds(a) for a, b in sessions) / 60.0
    return (minutes_per_day / mean_gap
            + _closure_arrivals(arrival_sessions, arrival_days, mean_gap) / days_per_week)


def _seconds(text: str) -> float:
    parts = [float(x) for x in text.split(":")]
    while len(parts) < 3:
        parts.append(0.0)
    return parts[0] * 3600 + parts[1] * 60 + parts[2]

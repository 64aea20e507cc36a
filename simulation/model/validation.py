"""The checks of a model's values and cross-references, each failing with a
:class:`ModelError` that names the field, what is wrong and how to fix it."""

from __future__ import annotations

import difflib
import math
import re
from datetime import time
from typing import TYPE_CHECKING, Any

import numpy as np

from dossierflow.mining.errors import CalendarError
from dossierflow.mining.log.working_time import check_country, check_timezone
from dossierflow.simulation.model.errors import ModelError
from dossierflow.simulation.model.terms import (
    CHANNELS,
    DURATION_BASES,
    DURATION_KINDS,
    END,
    HANDLING_MODELS,
    START,
    TRANSFER_ACTIVITIES,
    case_classes,
    known_activities,
)
from dossierflow.simulation.model.values import parse_day

if TYPE_CHECKING:
    from dossierflow.simulation.model.centre import BatchSchedule, Procedure, ResourcePool
    from dossierflow.simulation.model.process import Duration, Process, Transition
    from dossierflow.simulation.model.schema import Model

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_HHMM = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")


def validate_model(model: Model, *, file: str | None = None) -> None:
    """Check the values and cross-references of ``model``; raise :class:`ModelError` on the
    first problem (``file``: the file it was read from, for the message)."""
    _Validator(model, file).run()


def _parse_hhmm(text: str) -> time | None:
    if not isinstance(text, str) or not _HHMM.match(text.strip()):
        return None
    try:
        return time(*(int(part) for part in text.strip().split(":")))
    except ValueError:
        return None


def _minutes(t: time) -> float:
    return t.hour * 60 + t.minute + t.second / 60


class _Validator:
    """The checks of one model; the first problem raises :class:`ModelError`."""

    def __init__(self, model: Model, file: str | None) -> None:
        self.m = model
        self.file = file

    def fail(self, what: str, path: str, fix: str) -> None:
        raise ModelError(what, field=path, file=self.file, fix=fix)

    def ids(self, items: list[Any], path: str, what: str) -> dict[str, int]:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if not isinstance(item.id, str) or not _ID.match(item.id):
                self.fail(f"{what} id {item.id!r} is not a valid id.", f"{path}[{i}].id",
                          "use letters, digits, '_', '-' or '.', starting with a letter or digit.")
            if item.id in seen:
                self.fail(f"{what} id {item.id!r} is used twice (also at {path}[{seen[item.id]}]).",
                          f"{path}[{i}].id", f"give every {what} its own id.")
            seen[item.id] = i
        return seen

    def number(self, value: Any, path: str, *, lo: float = 0.0, hi: float | None = None,
               strict: bool = False, what: str = "value") -> None:
        ok = (isinstance(value, (int, float)) and not isinstance(value, bool)
              and math.isfinite(value))
        if ok:
            ok = (value > lo if strict else value >= lo) and (hi is None or value <= hi)
        if not ok:
            bound = f"> {lo:g}" if strict else f">= {lo:g}"
            rng = f"{bound}" + (f" and <= {hi:g}" if hi is not None else "")
            self.fail(f"{what} {value!r} is out of range (it must be {rng}).", path,
                      f"give a number {rng}.")

    def run(self) -> None:
        m = self.m
        if not m.procedures:
            self.fail("the model has no procedures.", "procedures",
                      "add at least one procedure with its arrivals and process.")
        self.pool_index = self.ids(m.pools, "pools", "pool")
        self.batch_index = self.ids(m.batches, "batches", "batch schedule")
        self.process_index = self.ids(m.processes, "processes", "process")
        self.ids(m.procedures, "procedures", "procedure")
        for i, a in enumerate(m.extra_activities):
            if not isinstance(a, str) or not a.strip() or a != a.strip():
                self.fail(f"extra activity {a!r} is not a name.", f"extra_activities[{i}]",
                          "write names like 'check_tax_code' (an imported log's own activity "
                          "labels are allowed), without spaces around them.")
        self.activities = set(known_activities()) | set(m.extra_activities)
        self.calendar()
        for i, pool in enumerate(m.pools):
            self.pool(pool, f"pools[{i}]")
        for i, batch in enumerate(m.batches):
            self.batch(batch, f"batches[{i}]")
        for i, process in enumerate(m.processes):
            self.process(process, f"processes[{i}]")
        for i, procedure in enumerate(m.procedures):
            self.procedure(procedure, f"procedures[{i}]")
        self.number(m.warmup_days, "warmup_days", hi=3650, what="warm-up")
        d = m.deadlines
        self.number(d.apology_lead_days, "deadlines.apology_lead_days", what="apology lead")
        if d.extension_days is not None:
            self.number(d.extension_days, "deadlines.extension_days", strict=True,
                        what="extension")
        if d.same_day_cutoff is not None:
            t = _parse_hhmm(d.same_day_cutoff)
            if t is None or not any(a <= _minutes(t) < b for a, b in self.session_minutes):
                self.fail(f"same-day cutoff {d.same_day_cutoff!r} is not a time of day inside "
                          "the office sessions.", "deadlines.same_day_cutoff",
                          'write "HH:MM" inside office hours, e.g. "15:00", or null.')
        self.versions()
        for agency, code in m.agency_codes.items():
            if not code or not _ID.match(code):
                self.fail(f"the dossier-number prefix {code!r} of agency {agency!r} is not "
                          "valid.", f"agency_codes.{agency}",
                          "use letters, digits, '.', '-' or '_', e.g. '000.00.21.H03'.")

    def calendar(self) -> None:
        c = self.m.calendar
        try:
            self.hours = self.m.office_hours()
        except (CalendarError, TypeError, ValueError, IndexError) as exc:
            what = exc.what if isinstance(exc, CalendarError) else str(exc)
            self.fail(f"the office hours are invalid: {what}", "calendar.sessions",
                      'write sessions as [["07:30", "11:30"], ["13:30", "17:00"]] and '
                      "weekdays as numbers 0 (Monday) to 6 (Sunday).")
        for name, check in (("country", check_country), ("timezone", check_timezone)):
            try:
                check(getattr(c, name))
            except CalendarError as exc:
                self.fail(exc.what, f"calendar.{name}", exc.fix)
        for i, day in enumerate(c.extra_holidays):
            try:
                np.datetime64(day, "D")
            except ValueError:
                self.fail(f"extra holiday {day!r} is not a date.", f"calendar.extra_holidays[{i}]",
                          "write dates as YYYY-MM-DD.")
        self.session_minutes = [(_minutes(a), _minutes(b)) for a, b in self.hours.sessions]

    def versions(self) -> None:
        """Versions of one procedure (same log id) must have disjoint validity windows."""
        by_log: dict[str, list[tuple[np.datetime64, np.datetime64, int]]] = {}
        lo, hi = np.datetime64("0001-01-01", "D"), np.datetime64("9999-12-31", "D")
        for i, p in enumerate(self.m.procedures):
            first = lo if p.active_from is None else parse_day(p.active_from)
            last = hi if p.active_until is None else parse_day(p.active_until)
            by_log.setdefault(p.output_id, []).append((first, last, i))
        for log_id, windows in by_log.items():
            windows.sort()
            for (_, last, i), (first, _, j) in zip(windows, windows[1:], strict=False):
                if first <= last:
                    self.fail(f"procedures {self.m.procedures[i].id!r} and "
                              f"{self.m.procedures[j].id!r} are both versions of {log_id!r} "
                              "with overlapping validity windows.",
                              f"procedures[{j}].active_from",
                              "make each version start the day after the previous one ends "
                              "(active_until is inclusive).")

    def points(self, points: Any, path: str, what: str, *, shares: bool = False) -> None:
        """Dated points {ISO date: value} (or {ISO date: {channel: share}} with ``shares``)."""
        if not points:
            self.fail(f"{what} has no dated points.", path,
                      'give {"2020-01-01": value, ...}, or null for a constant.')
        for key, value in points.items():
            if parse_day(key) is None:
                self.fail(f"{what}: {key!r} is not an ISO date.", f"{path}.{key}",
                          "write dates as YYYY-MM-DD.")
            if not shares:
                self.number(value, f"{path}.{key}",
                            hi=1.0 if what.startswith("p_") else None, what=what)
                continue
            for channel, share in value.items():
                if channel not in CHANNELS:
                    self.fail(f"channel {channel!r} is unknown.", f"{path}.{key}.{channel}",
                              f"use channels among {list(CHANNELS)}.")
                self.number(share, f"{path}.{key}.{channel}", hi=1.0, what="channel share")
            if abs(sum(value.values()) - 1.0) > 1e-6:
                self.fail(f"the channel shares on {key} sum to {sum(value.values()):.6g}, not 1.",
                          f"{path}.{key}", "make the shares of each date add up to 1.")

    def pool(self, pool: ResourcePool, path: str) -> None:
        concurrency = pool.concurrency
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            self.fail(f"pool {pool.id!r} has concurrency {pool.concurrency!r}.",
                      f"{path}.concurrency",
                      "give the number of dossiers one server works on at once (>= 1).")
        capacity = pool.capacity
        if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
            self.fail(f"pool {pool.id!r} has capacity {pool.capacity!r}.", f"{path}.capacity",
                      "give the number of servers (officers) as a whole number >= 1.")
        for name, value in (("agency", pool.agency), ("role", pool.role)):
            if not isinstance(value, str) or not value.strip():
                self.fail(f"pool {pool.id!r} has no {name}.", f"{path}.{name}",
                          f"give the pool's {name}, e.g. 'SYT' / 'handler'.")
        for j, channel in enumerate(pool.out_of_hours):
            if channel not in CHANNELS:
                close = difflib.get_close_matches(str(channel), CHANNELS, n=1)
                self.fail(f"pool {pool.id!r} lists the unknown channel {channel!r} as served out "
                          "of hours" + (f" (perhaps {close[0]!r}?)" if close else "") + ".",
                          f"{path}.out_of_hours[{j}]", f"use channels among {list(CHANNELS)}.")
        for day, value in (pool.capacity_changes or {}).items():
            if parse_day(day) is None:
                self.fail(f"staffing change {day!r} of pool {pool.id!r} is not a date.",
                          f"{path}.capacity_changes.{day}", "write dates as YYYY-MM-DD.")
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                self.fail(f"pool {pool.id!r} changes to capacity {value!r} on {day}.",
                          f"{path}.capacity_changes.{day}",
                          "give the number of servers from that day as a whole number >= 1.")
        if pool.names is not None:
            if len(pool.names) != pool.max_capacity:
                self.fail(f"pool {pool.id!r} has {len(pool.names)} names for "
                          f"{pool.max_capacity} servers.", f"{path}.names",
                          "give one name per server (the largest staff when it changes), or "
                          "leave names out (null).")
            if len(set(pool.names)) != len(pool.names):
                self.fail(f"pool {pool.id!r} repeats a name.", f"{path}.names",
                          "give every server its own name.")

    def batch(self, batch: BatchSchedule, path: str) -> None:
        if not batch.release_times:
            self.fail(f"batch schedule {batch.id!r} has no release times.",
                      f"{path}.release_times", 'give times of day such as ["09:00", "15:00"].')
        minutes = []
        for j, text in enumerate(batch.release_times):
            t = _parse_hhmm(text)
            if t is None:
                self.fail(f"release time {text!r} is not a time of day.",
                          f"{path}.release_times[{j}]", 'write "HH:MM", e.g. "09:00".')
            m = _minutes(t)
            if not any(a <= m < b for a, b in self.session_minutes):
                sessions = ", ".join(f"{a}-{b}" for a, b in self.m.calendar.sessions)
                self.fail(f"release time {text} of batch schedule {batch.id!r} is outside the "
                          f"office sessions ({sessions}).", f"{path}.release_times[{j}]",
                          "choose release times inside office hours.")
            minutes.append(m)
        if minutes != sorted(set(minutes)):
            self.fail(f"the release times of batch schedule {batch.id!r} are not in increasing "
                      "order without repeats.", f"{path}.release_times",
                      'list them like ["09:00", "15:00"].')

    def duration(self, d: Duration, path: str) -> None:
        if d.kind not in DURATION_KINDS:
            close = difflib.get_close_matches(str(d.kind), DURATION_KINDS, n=1)
            self.fail(f"duration kind {d.kind!r} is unknown.", f"{path}.kind",
                      f"use one of {list(DURATION_KINDS)}"
                      + (f" (perhaps {close[0]!r}?)" if close else "") + ".")
        if d.basis not in DURATION_BASES:
            self.fail(f"duration basis {d.basis!r} is unknown.", f"{path}.basis",
                      "use 'working' (office minutes) or 'calendar' (wall-clock minutes).")
        need = {"exponential": ("mean",), "lognormal": ("mean", "sd"), "gamma": ("mean", "sd"),
                "fixed": ("mean",), "uniform": ("low", "high"), "empirical": ()}[d.kind]
        if d.kind == "empirical":
            q = d.quantiles
            if (not isinstance(q, list) or len(q) < 2
                    or not all(isinstance(v, (int, float)) and math.isfinite(v) for v in q)
                    or min(q) < 0 or any(b < a for a, b in zip(q, q[1:], strict=False))):
                self.fail("an empirical duration needs 'quantiles': at least two finite "
                          "numbers >= 0 in increasing order.", f"{path}.quantiles",
                          "give the minutes at probabilities 0, …, 1, e.g. [5, 12, 30, 90].")
        elif d.quantiles is not None:
            self.fail(f"a {d.kind} duration takes no 'quantiles'.", f"{path}.quantiles",
                      "use kind 'empirical' for a quantile list, or drop it.")
        for name in need:
            value = getattr(d, name)
            if value is None:
                self.fail(f"a {d.kind} duration needs '{name}'.", f"{path}.{name}",
                          f"give {' and '.join(need)} in minutes.")
            strict = d.kind in ("exponential", "lognormal", "gamma")
            self.number(value, f"{path}.{name}", strict=strict, what=name)
        for name in ("mean", "sd", "low", "high"):
            if name not in need and getattr(d, name) is not None:
                self.fail(f"a {d.kind} duration takes no '{name}'.", f"{path}.{name}",
                          f"give only {' and '.join(need)} (and optionally minimum/maximum).")
        if d.kind == "uniform" and d.low > d.high:
            self.fail(f"uniform duration has low {d.low} above high {d.high}.", path,
                      "swap them.")
        for name in ("minimum", "maximum"):
            if getattr(d, name) is not None:
                self.number(getattr(d, name), f"{path}.{name}", what=name)
        if d.minimum is not None and d.maximum is not None and d.minimum > d.maximum:
            self.fail(f"minimum {d.minimum} is above maximum {d.maximum}.", path, "swap them.")

    def process(self, process: Process, path: str) -> None:
        if not process.steps:
            self.fail(f"process {process.id!r} has no steps.", f"{path}.steps",
                      "add the steps a dossier goes through, e.g. receive, appraise, ...")
        steps = self.ids(process.steps, f"{path}.steps", "step")
        for reserved in (START, END):
            if reserved in steps:
                self.fail(f"'{reserved}' cannot be a step id.",
                          f"{path}.steps[{steps[reserved]}].id", "rename the step.")
        for j, step in enumerate(process.steps):
            sp = f"{path}.steps[{j}]"
            activity = step.activity_id
            if activity not in self.activities:
                close = difflib.get_close_matches(activity, sorted(self.activities), n=1)
                self.fail(f"step {step.id!r} has the unknown activity {activity!r}"
                          + (f" (perhaps {close[0]!r}?)" if close else "") + ".",
                          f"{sp}.activity" if step.activity else f"{sp}.id",
                          "use an activity id of the vocabulary (docs/domain.md §6) or declare "
                          "it in "
                          "extra_activities.")
            if activity == "apology_reschedule" and self.m.deadlines.apology:
                self.fail(f"step {step.id!r} is an apology_reschedule step, but the deadline "
                          "rule already writes apologies.", sp,
                          "remove the step, or set deadlines.apology to false.")
            self.duration(step.duration, f"{sp}.duration")
            if step.priority not in (0, 1) or isinstance(step.priority, bool):
                self.fail(f"step {step.id!r} has priority {step.priority!r}.", f"{sp}.priority",
                          "give 0 (served first) or 1 (served when no dossier of priority 0 "
                          "waits).")
            if step.pool is not None and step.pool not in self.pool_index:
                self.unknown(step.pool, list(self.pool_index), f"{sp}.pool", "pool")
            if step.batch is not None and step.batch not in self.batch_index:
                self.unknown(step.batch, list(self.batch_index), f"{sp}.batch", "batch schedule")
            if step.duration.basis == "calendar" and (step.pool or step.batch):
                self.fail(f"step {step.id!r} is served by a pool or batched but its duration "
                          "runs in calendar time.", f"{sp}.duration.basis",
                          "use basis 'working' for work of officers; 'calendar' is for citizen "
                          "waits without a pool.")
            if step.max_visits is not None and step.max_visits < 1:
                self.fail(f"step {step.id!r} has max_visits {step.max_visits}.",
                          f"{sp}.max_visits", "give a whole number >= 1, or null for no cap.")
        for name, value in (("receipt_step", process.receipt_step),
                            ("result_step", process.result_step),
                            ("delivery_step", process.delivery_step)):
            if value is not None and value not in steps:
                self.unknown(value, list(steps), f"{path}.{name}", "step")
        self.routing(process, path, steps)
        self.routes(process, path, steps)

    def unknown(self, key: str, known: list[str], path: str, what: str) -> None:
        close = difflib.get_close_matches(str(key), known, n=1)
        self.fail(f"there is no {what} {key!r}"
                  + (f" (perhaps {close[0]!r}?)" if close else "") + ".", path,
                  f"use one of {known[:20]}, or add the {what}." if known else f"add the {what}.")

    def routes(self, process: Process, path: str, steps: dict[str, int]) -> None:
        for k, route in enumerate(process.routes):
            rp = f"{path}.routes[{k}]"
            if not route.steps:
                self.fail(f"route {k} of process {process.id!r} has no steps.", f"{rp}.steps",
                          "list the steps of the route, or remove it.")
            for j, step in enumerate(route.steps):
                if step not in steps:
                    self.unknown(step, list(steps), f"{rp}.steps[{j}]", "step")
            self.number(route.probability, f"{rp}.probability", hi=1.0, strict=True,
                        what="probability")
            for r, ranks in enumerate(route.ranks):
                if len(ranks) != len(route.steps) or not all(
                        isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1
                        for v in ranks):
                    self.fail(f"ranks {r} of route {k} of process {process.id!r} are not one "
                              "value from 0 to 1 per step of the route.", f"{rp}.ranks[{r}]",
                              f"give {len(route.steps)} values from 0 to 1, or no ranks.")
            for channel in route.channels or []:
                if channel not in CHANNELS:
                    self.fail(f"route channel {channel!r} is unknown.", f"{rp}.channels",
                              f"use channels among {list(CHANNELS)}.")
        if not process.routes:
            return
        for _, channel, dig, paid in case_classes():
            applicable = [(k, r) for k, r in enumerate(process.routes)
                          if r.applies(channel, dig, paid)]
            total = sum(r.probability for _, r in applicable)
            if total > 1.0 + 1e-6:
                self.fail(f"process {process.id!r}: the routes of {channel} dossiers that are "
                          f"{'' if dig else 'not '}digitised and {'' if paid else 'not '}paid "
                          f"online have probabilities summing to {total:.6g}, over 1.",
                          f"{path}.routes[{applicable[0][0]}]",
                          "make the probabilities of the routes of each kind add up to 1 at "
                          "most (the rest walks the transitions).")
            links = process.silent_links(channel, dig, paid)
            for k, route in applicable:
                try:
                    process.expanded(route, links)
                except ValueError as exc:
                    self.fail(f"process {process.id!r}: route {k} enters the silent step "
                              f"{exc.args[0]!r}, which has no single transition onwards for "
                              f"{channel} dossiers.", f"{path}.routes[{k}]",
                              "give the silent step one transition with probability 1.")

    def routing(self, process: Process, path: str, steps: dict[str, int]) -> None:
        sources = set(steps) | {START}
        targets = set(steps) | {END}
        out: dict[str, list[tuple[int, Transition]]] = {}
        for k, t in enumerate(process.transitions):
            tp = f"{path}.transitions[{k}]"
            if t.source not in sources:
                self.unknown(t.source, ["start", *steps], f"{tp}.source", "step")
            if t.target not in targets:
                self.unknown(t.target, [*steps, "end"], f"{tp}.target", "step")
            self.number(t.probability, f"{tp}.probability", hi=1.0, what="probability")
            if t.channels is not None:
                for channel in t.channels:
                    if channel not in CHANNELS:
                        self.fail(f"transition channel {channel!r} is unknown.", f"{tp}.channels",
                                  f"use channels among {list(CHANNELS)}.")
            out.setdefault(t.source, []).append((k, t))
        if START not in out:
            self.fail(f"process {process.id!r} has no transition from 'start'.",
                      f"{path}.transitions",
                      'add {"source": "start", "target": "<first step>", "probability": 1}.')
        # transitions share a few conditions: each kind of dossier looks its condition up
        conditions: dict[tuple, int] = {}
        condition_of = [conditions.setdefault(
            (tuple(t.channels) if t.channels is not None else None, t.digitised, t.paid_online),
            len(conditions)) for t in process.transitions]
        first_with = {c: process.transitions[k] for k, c in reversed(list(enumerate(condition_of)))}
        checked: set[tuple[bool, ...]] = set()
        for _, channel, dig, paid in case_classes():
            # kinds of dossier to which the same transitions apply are checked once
            signature = tuple(first_with[c].applies(channel, dig, paid)
                              for c in range(len(conditions)))
            if signature in checked:
                continue
            checked.add(signature)
            reached = {START}
            frontier = [START]
            while frontier:
                node = frontier.pop()
                applicable = [(k, t) for k, t in out.get(node, [])
                              if signature[condition_of[k]]]
                total = sum(t.probability for _, t in applicable)
                if node != END and abs(total - 1.0) > 1e-6:
                    kind = (f"{channel} dossiers that are {'' if dig else 'not '}digitised and "
                            f"{'' if paid else 'not '}paid online")
                    if not applicable:
                        self.fail(f"process {process.id!r}: step {node!r} has no outgoing "
                                  f"transition for {kind}.", f"{path}.transitions",
                                  f"add a transition from {node!r} (to 'end' if the dossier is "
                                  "finished).")
                    self.fail(f"process {process.id!r}: the transitions leaving {node!r} for "
                              f"{kind} have probabilities summing to {total:.6g}, not 1.",
                              f"{path}.transitions[{applicable[0][0]}]",
                              "make the probabilities of each step's outgoing transitions add "
                              "up to 1 for every kind of dossier.")
                for _, t in applicable:
                    if t.probability > 0 and t.target not in reached:
                        reached.add(t.target)
                        if t.target != END:
                            frontier.append(t.target)
            # every reachable step must be able to reach the end: walk back from it
            into: dict[str, list[str]] = {}
            for node in reached:
                for k, t in out.get(node, []):
                    if t.probability > 0 and signature[condition_of[k]]:
                        into.setdefault(t.target, []).append(node)
            finishing = {END}
            frontier = [END]
            while frontier:
                for node in into.get(frontier.pop(), []):
                    if node not in finishing:
                        finishing.add(node)
                        frontier.append(node)
            stuck = sorted(reached - finishing)
            if stuck:
                self.fail(f"process {process.id!r}: {channel} dossiers reaching {stuck[0]!r} "
                          "can never reach 'end' (an endless loop).", f"{path}.transitions",
                          "give the loop an exit with a positive probability.")

    def procedure(self, p: Procedure, path: str) -> None:
        if not isinstance(p.agency, str) or not p.agency.strip():
            self.fail(f"procedure {p.id!r} has no agency.", f"{path}.agency",
                      "give the handling agency's id, e.g. 'SYT'.")
        self.number(p.legal_days, f"{path}.legal_days", what="legal handling time")
        if abs(p.legal_days * 2 - round(p.legal_days * 2)) > 1e-9:
            self.fail(f"procedure {p.id!r} has legal_days {p.legal_days}, not a multiple of "
                      "half a day.", f"{path}.legal_days",
                      "give working days in steps of 0.5 (0 = same day).")
        if p.model not in HANDLING_MODELS:
            self.fail(f"procedure {p.id!r} has handling model {p.model!r}.", f"{path}.model",
                      f"use one of {list(HANDLING_MODELS)}.")
        if p.process not in self.process_index:
            self.unknown(p.process, list(self.process_index), f"{path}.process", "process")
        process = self.m.processes[self.process_index[p.process]]
        if p.model == "five_on_spot":
            for step in process.steps:
                if step.activity_id in TRANSFER_ACTIVITIES:
                    self.fail(f"procedure {p.id!r} is handled five_on_spot, but its process "
                              f"{process.id!r} has the step {step.id!r} ({step.activity_id}): "
                              "under 5 tại chỗ the dossier never leaves the centre.",
                              f"{path}.process",
                              "point the procedure at a process without transfers, or use "
                              "model 'transfer'.")
        self.procedure_shares(p, path)
        self.number(p.fee, f"{path}.fee", what="fee")
        if p.log_id is not None and (not isinstance(p.log_id, str) or not p.log_id.strip()
                                     or p.log_id != p.log_id.strip()):
            self.fail(f"log id {p.log_id!r} of procedure {p.id!r} is not a name.",
                      f"{path}.log_id", "give the procedure's code or name as written to the "
                                        "log (no spaces around it), or null.")
        for name in ("active_from", "active_until"):
            value = getattr(p, name)
            if value is not None and parse_day(value) is None:
                self.fail(f"{name} {value!r} of procedure {p.id!r} is not a date.",
                          f"{path}.{name}", "write YYYY-MM-DD, or null for an open window.")
        if (p.active_from is not None and p.active_until is not None
                and parse_day(p.active_from) > parse_day(p.active_until)):
            self.fail(f"procedure {p.id!r} is active from {p.active_from} until the earlier "
                      f"{p.active_until}.", f"{path}.active_until",
                      "give active_until on or after active_from (both inclusive).")
        if p.channels_over_time is not None:
            self.points(p.channels_over_time, f"{path}.channels_over_time",
                        "channels_over_time", shares=True)
        for name in ("p_digitised_over_time", "p_paid_online_over_time"):
            if getattr(p, name) is not None:
                self.points(getattr(p, name), f"{path}.{name}", name[:-len("_over_time")])
        for step_id, factor in (p.duration_scales or {}).items():
            if step_id not in {s.id for s in process.steps}:
                self.unknown(step_id, [s.id for s in process.steps],
                             f"{path}.duration_scales.{step_id}", "step")
            self.number(factor, f"{path}.duration_scales.{step_id}", strict=True,
                        what="duration scale")
        self.arrivals(p, process, f"{path}.arrivals")

    def procedure_shares(self, p: Procedure, path: str) -> None:
        """The constant channel shares and probabilities of a procedure."""
        if not p.channels:
            self.fail(f"procedure {p.id!r} has no channel shares.", f"{path}.channels",
                      '{"in_person": 0.5, "online_partial": 0.5} style shares summing to 1.')
        for channel, share in p.channels.items():
            if channel not in CHANNELS:
                close = difflib.get_close_matches(channel, CHANNELS, n=1)
                self.fail(f"channel {channel!r} is unknown"
                          + (f" (perhaps {close[0]!r}?)" if close else "") + ".",
                          f"{path}.channels.{channel}", f"use channels among {list(CHANNELS)}.")
            self.number(share, f"{path}.channels.{channel}", hi=1.0, what="channel share")
        total = sum(p.channels.values())
        if abs(total - 1.0) > 1e-6:
            self.fail(f"the channel shares of procedure {p.id!r} sum to {total:.6g}, not 1.",
                      f"{path}.channels", "make the shares add up to 1.")
        for name in ("p_digitised", "p_paid_online"):
            self.number(getattr(p, name), f"{path}.{name}", hi=1.0, what="probability")
        for channel, value in (p.digitised_by_channel or {}).items():
            if channel not in CHANNELS:
                self.fail(f"digitised_by_channel names the unknown channel {channel!r}.",
                          f"{path}.digitised_by_channel.{channel}",
                          f"use channels among {list(CHANNELS)}.")
            self.number(value, f"{path}.digitised_by_channel.{channel}", hi=1.0,
                        what="probability")

    def arrivals(self, p: Procedure, process: Process, path: str) -> None:
        a = p.arrivals
        self.number(a.per_working_day, f"{path}.per_working_day", what="arrivals per day")
        for name, n in (("weekday_weights", 7), ("month_weights", 12),
                        ("online_hour_weights", 24)):
            values = getattr(a, name)
            if values is None:
                continue
            if len(values) != n:
                self.fail(f"{name} of procedure {p.id!r} has {len(values)} values, not {n}.",
                          f"{path}.{name}", f"give {n} relative weights"
                          + (" (Monday first)." if n == 7 else " (January first)." if n == 12
                             else " (hour 0 first)."))
            for j, w in enumerate(values):
                self.number(w, f"{path}.{name}[{j}]", what="weight")
            if name == "online_hour_weights" and sum(values) <= 0:
                self.fail("online_hour_weights are all zero.", f"{path}.{name}",
                          "give at least one positive weight, or null for the default profile.")
        for name in ("tet_surge", "tet_lull", "online_off_day_factor"):
            self.number(getattr(a, name), f"{path}.{name}", what=name)
        if a.trend is not None:
            self.points(a.trend, f"{path}.trend", "trend")
        for name in ("tet_surge_days", "tet_lull_days_after"):
            self.number(getattr(a, name), f"{path}.{name}", hi=60, what=name)
        weekend = [d for d in range(7) if d not in self.hours.weekdays and a.weekday_weights[d] > 0]
        counter_share = max([p.channels.get("in_person", 0.0)]
                            + [v.get("in_person", 0.0)
                               for v in (p.channels_over_time or {}).values()])
        if weekend and counter_share > 0:
            for t in process.transitions:
                if t.source != START or t.target == END or t.probability <= 0:
                    continue
                if not any(t.applies("in_person", d, q) for d in (False, True)
                           for q in (False, True)):
                    continue
                step = process.step(t.target)
                pool = None if step.pool is None else self.m.pools[self.pool_index[step.pool]]
                if step.pool is not None and "in_person" not in pool.out_of_hours:
                    day = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                           "Sunday")[weekend[0]]
                    self.fail(f"procedure {p.id!r} expects counter dossiers on {day} "
                              f"(weekday weight {a.weekday_weights[weekend[0]]:g}), but its "
                              f"first step {step.id!r} is served by pool {pool.id!r}, which "
                              "works office hours only.", f"{path}.weekday_weights",
                              f'set out_of_hours: ["in_person"] on pool {pool.id!r} (a weekend '
                              "counter), "
                              "or set the weight of days off to 0.")

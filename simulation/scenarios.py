"""What-if scenarios: validated, composable transformations of a simulation model.

* :class:`TimeCut` — cut procedures' legal handling time by 0.5–10 working days; ``mode``
  ``"deadline"`` moves only the due date, ``"deadline_and_process"`` also shortens the work,
  as a fixed share of the legal time left after a reserve for the steps around it (the
  reserve read from the agency's procedures of the same handling model: where their line of
  expected work on legal time crosses zero);
* :class:`FiveOnSpot` — move procedures to 5 tại chỗ: they leave their transfer process for the
  agency's on-the-spot process (its own, else the centre's busiest one, else a default one),
  so the transfer steps and their batches go; delegated officers join the on-spot pool
  (``officers``, or as many as the moved dossiers need);
* :class:`Staffing` — add or remove officers of an agency (optionally of one role, of the
  pools serving one activity, or of one named pool);
* :class:`Demand` — multiply arrivals (all procedures, or some);
* :class:`ChannelShift` — set the share of dossiers filed online.

A :class:`Scenario` is a name and a list of changes applied in order. ``read_scenarios`` reads
them from YAML (format in docs/simulation.md); every error names the file, the field and the fix.
"""

from __future__ import annotations

import copy
import math
from dataclasses import MISSING, dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np
import yaml

from dossierflow.mining.errors import FieldError
from dossierflow.simulation.model import (
    END,
    ONLINE_CHANNELS,
    START,
    Duration,
    Model,
    Procedure,
    Process,
    ResourcePool,
    Step,
    Transition,
    ident,
)
from dossierflow.simulation.pool_sizing import expected_visits

TimeCutMode = Literal["deadline", "deadline_and_process"]
TIME_CUT_MODES: tuple[TimeCutMode, ...] = get_args(TimeCutMode)
ON_SPOT_ACTIVITY = "appraise_approve_on_spot"
# a default on-the-spot service when the model has no 5 tại chỗ process to copy (minutes)
DEFAULT_ON_SPOT = Duration(kind="lognormal", mean=60.0, sd=40.0, minimum=5.0)
# how busy delegated officers are planned to be when FiveOnSpot sizes them: on average, and
# at most in the busiest month
ON_SPOT_UTILISATION = 0.6
PEAK_UTILISATION = 0.85
STEP_DAYS = 0.5
# the share of a procedure's work that a "deadline_and_process" cut shortens
MAIN_WORK = 0.8
# steps a procedure's own work is not made of: intake, transfers, citizen waits, delivery
NOT_WORK = ("receive", "submit_online", "digitise", "reject_intake", "transfer_to_agency",
            "return_to_centre", "supplement_received", "withdraw", "collect_fee",
            "deliver_result", "apology_reschedule", "rate_satisfaction", "sync_national")


class ScenarioError(FieldError):
    """A scenario is malformed or does not fit the model (unknown procedure, bad value)."""


def _procedures(model: Model, ids: list[str] | None, field_name: str) -> list[Procedure]:
    """The model's procedures named by ``ids`` (by id or by the id written to the log)."""
    if ids is None:
        return list(model.procedures)
    if isinstance(ids, str) or not ids:
        raise ScenarioError("'procedures' must be a non-empty list of procedure ids.",
                            field=field_name,
                            fix='write procedures: ["1.001234", "2.000567"] (codes in quotes).')
    out = []
    for i, pid in enumerate(ids):
        hit = [p for p in model.procedures if str(pid) in (p.id, p.output_id)]
        if not hit:
            known = sorted({p.output_id for p in model.procedures})
            raise ScenarioError(f"procedure {pid!r} is not in the model.",
                                field=f"{field_name}[{i}]",
                                fix=f"use a procedure id of the log, e.g. {known[:5]}.")
        out += hit
    return out


def _number(value: Any, field_name: str, *, lo: float, hi: float, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise ScenarioError(f"{what} {value!r} is not a number.", field=field_name,
                            fix=f"give a number from {lo:g} to {hi:g}.")
    if not lo <= value <= hi:
        raise ScenarioError(f"{what} {value:g} is outside {lo:g}–{hi:g}.", field=field_name,
                            fix=f"give a number from {lo:g} to {hi:g}.")
    return float(value)


# -- the changes -------------------------------------------------------------------------------

@dataclass(frozen=True)
class TimeCut:
    """Cut the legal time of ``procedures`` by ``days`` (0.5 to 10, in steps of 0.5)."""

    procedures: list[str]
    days: float
    mode: TimeCutMode = "deadline"

    def apply(self, model: Model, path: str = "time_cut") -> Model:
        days = _number(self.days, f"{path}.days", lo=0.5, hi=10, what="a cut of")
        if abs(days * 2 - round(days * 2)) > 1e-9:
            raise ScenarioError(f"a cut of {days:g} days is not a multiple of half a day.",
                                field=f"{path}.days", fix="give 0.5, 1, 1.5, … 10.")
        if self.mode not in TIME_CUT_MODES:
            raise ScenarioError(f"mode {self.mode!r} is unknown.", field=f"{path}.mode",
                                fix=f"use one of {list(TIME_CUT_MODES)}.")
        targets = _procedures(model, self.procedures, f"{path}.procedures")
        for p in targets:
            if days > p.legal_days:
                raise ScenarioError(
                    f"procedure {p.output_id!r} has a legal time of {p.legal_days:g} working "
                    f"days; it cannot be cut by {days:g}.", field=f"{path}.days",
                    fix=f"cut it by at most {p.legal_days:g} days.")
        out = copy.deepcopy(model)
        for p in _procedures(out, self.procedures, f"{path}.procedures"):
            if self.mode == "deadline_and_process":
                _shorten_work(out, p, days)
            p.legal_days = p.legal_days - days
        return out.validate()


@dataclass(frozen=True)
class FiveOnSpot:
    """Move ``procedures`` to 5 tại chỗ, with ``officers`` more delegated officers at the
    centre for their agency (None: the on-spot pool is staffed for all the work it then has,
    as a staffing plan does: the staff nearest to ``ON_SPOT_UTILISATION`` busy, enough to
    keep its busiest month at most ``PEAK_UTILISATION`` busy, never below its present staff)
    and, optionally, a new legal time ``legal_days``. An agency without delegated officers
    gets ``officers`` of them (at least one)."""

    procedures: list[str]
    officers: int | None = None
    legal_days: float | None = None

    def apply(self, model: Model, path: str = "five_on_spot") -> Model:
        if self.officers is not None and (isinstance(self.officers, bool)
                                          or not isinstance(self.officers, int)
                                          or self.officers < 0):
            raise ScenarioError(f"officers {self.officers!r} is not a whole number >= 0.",
                                field=f"{path}.officers",
                                fix="give how many delegated officers join, e.g. 1, or leave "
                                    "it out to size them from the moved dossiers.")
        if self.legal_days is not None:
            _number(self.legal_days, f"{path}.legal_days", lo=0, hi=365, what="legal time")
        out = copy.deepcopy(model)
        for p in _procedures(out, self.procedures, f"{path}.procedures"):
            if self.legal_days is not None and self.legal_days > p.legal_days:
                raise ScenarioError(
                    f"the new legal time {self.legal_days:g} is longer than procedure "
                    f"{p.output_id!r}'s {p.legal_days:g} days.", field=f"{path}.legal_days",
                    fix="give a legal time no longer than the present one, or leave it out.")
            process = _on_spot_process(out, p)
            p.process, p.model, p.duration_scales = process.id, "five_on_spot", None
            if self.legal_days is not None:
                p.legal_days = math.floor(self.legal_days * 2 + 1e-9) / 2
        moved = _procedures(out, self.procedures, path)
        for agency in sorted({p.agency for p in moved}):
            pool = _on_spot_pool(out, agency)
            if pool is None:
                continue
            created = pool.names == []  # for this move: its staff is set here
            if created:
                pool.names = None
            if self.officers is None:
                # staffed for all the work it then has, as a staffing plan does
                users = [p for p in out.procedures if p.model == "five_on_spot"
                         and _on_spot_pool(out, p.agency) is pool]
                minutes = sum(p.arrivals.per_working_day * _on_spot_minutes(out, p)
                              for p in users)
                peak = sum(p.arrivals.per_working_day * max(p.arrivals.month_weights)
                           * _on_spot_minutes(out, p) for p in users)
                day = out.office_hours().minutes_per_day
                staff = max(round(minutes / (day * ON_SPOT_UTILISATION)),
                            math.ceil(peak / (day * PEAK_UTILISATION) - 1e-9), 1)
                _add_officers(pool, max(staff, pool.capacity if not created else 1)
                              - pool.capacity)
            elif created:
                _add_officers(pool, max(self.officers, 1) - pool.capacity)
            else:
                _add_officers(pool, self.officers)
        return out.validate()


@dataclass(frozen=True)
class Staffing:
    """Add (``change`` > 0) or remove officers in every pool of ``agency``, or only in the
    pool of ``role``, the pools that serve steps of ``activity`` (a log without roles has
    its officers pooled by the work they do), or the pool named ``pool``."""

    agency: str
    change: int
    role: str | None = None
    activity: str | None = None
    pool: str | None = None

    def apply(self, model: Model, path: str = "staffing") -> Model:
        if isinstance(self.change, bool) or not isinstance(self.change, int):
            raise ScenarioError(f"change {self.change!r} is not a whole number.",
                                field=f"{path}.change", fix="write e.g. change: 2 or change: -1.")
        chosen = {p.id for p in _staffed_pools(model, self)}
        if not chosen:
            named = [(k, v) for k, v in (("role", self.role), ("activity", self.activity),
                                         ("pool", self.pool)) if v]
            wanted = " and ".join(f"{k} {v!r}" for k, v in named)
            raise ScenarioError(
                f"no resource pool of agency {self.agency!r}"
                + (f" with {wanted}" if wanted else "") + " is in the model.",
                field=f"{path}.{named[-1][0] if named else 'agency'}",
                fix="use one of these pools: " + "; ".join(_describe_pools(model)) + ".")
        out = copy.deepcopy(model)
        for pool in out.pools:
            if pool.id not in chosen:
                continue
            values = [pool.capacity, *(pool.capacity_changes or {}).values()]
            if min(values) + self.change < 1:
                raise ScenarioError(
                    f"pool {pool.id!r} has {min(values)} officers; removing "
                    f"{-self.change} leaves none or a negative staff.", field=f"{path}.change",
                    fix=f"remove at most {min(values) - 1} officers." if min(values) > 1 else
                    "no officer can be removed from it: give a positive change or name "
                    "another role.")
            _add_officers(pool, self.change)
        return out.validate()


def _staffed_pools(model: Model, change: Staffing) -> list[ResourcePool]:
    """The pools a :class:`Staffing` change names."""
    serving = _activities_of_pools(model)
    return [p for p in model.pools if p.agency == change.agency
            and (change.role is None or p.role == change.role)
            and (change.pool is None or p.id == change.pool)
            and (change.activity is None or change.activity in serving.get(p.id, ()))]


def _activities_of_pools(model: Model) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for process in model.processes:
        for step in process.steps:
            if step.pool is not None and step.activity_id not in out.setdefault(step.pool, []):
                out[step.pool].append(step.activity_id)
    return out


def _describe_pools(model: Model) -> list[str]:
    """Each pool as "id (agency, role: the activities it serves)"."""
    serving = _activities_of_pools(model)
    return [f"{p.id} ({p.agency}, {p.role}: {', '.join(sorted(serving.get(p.id, []))) or '–'})"
            for p in model.pools][:30]


@dataclass(frozen=True)
class Demand:
    """Multiply the arrivals of every procedure (or of ``procedures``) by ``factor``."""

    factor: float
    procedures: list[str] | None = None

    def apply(self, model: Model, path: str = "demand") -> Model:
        factor = _number(self.factor, f"{path}.factor", lo=0.01, hi=10, what="factor")
        out = copy.deepcopy(model)
        for p in _procedures(out, self.procedures, f"{path}.procedures"):
            p.arrivals.per_working_day *= factor
        return out.validate()


@dataclass(frozen=True)
class ChannelShift:
    """Set the share of dossiers filed online (``online_share``, 0–1) for every procedure (or
    ``procedures``); online and paper channels keep their proportions among themselves."""

    online_share: float
    procedures: list[str] | None = None

    def apply(self, model: Model, path: str = "channel_shift") -> Model:
        share = _number(self.online_share, f"{path}.online_share", lo=0, hi=1,
                        what="online share")
        out = copy.deepcopy(model)
        for p in _procedures(out, self.procedures, f"{path}.procedures"):
            online = {c: v for c, v in p.channels.items() if c in ONLINE_CHANNELS and v > 0} \
                or {"online_partial": 1.0}
            paper = {c: v for c, v in p.channels.items() if c not in ONLINE_CHANNELS and v > 0} \
                or {"in_person": 1.0}
            shares = {c: share * v / sum(online.values()) for c, v in online.items()}
            shares.update({c: (1 - share) * v / sum(paper.values()) for c, v in paper.items()})
            shares = {c: round(v, 6) for c, v in shares.items() if v > 0}
            top = max(shares, key=shares.get)
            shares[top] = round(1.0 - sum(v for c, v in shares.items() if c != top), 6)
            p.channels, p.channels_over_time = shares, None
        return out.validate()


CHANGES = {"time_cut": TimeCut, "five_on_spot": FiveOnSpot, "staffing": Staffing,
           "demand": Demand, "channel_shift": ChannelShift}


@dataclass
class Scenario:
    """A named list of changes, applied in order. ``source`` and ``where`` (the file and the
    scenario's place in it, set by ``read_scenarios``) are named by the errors."""

    name: str
    changes: list[Any] = field(default_factory=list)
    source: str | None = field(default=None, compare=False)
    where: str = field(default="", compare=False)

    def apply(self, model: Model) -> Model:
        """The model with every change applied (the given model is left as it is)."""
        out = model
        for i, change in enumerate(self.changes):
            kind = next(k for k, v in CHANGES.items() if isinstance(change, v))
            try:
                out = change.apply(out, f"{self.where}changes[{i}].{kind}")
            except ScenarioError as exc:
                if exc.file is not None or self.source is None:
                    raise
                raise ScenarioError(exc.what, field=exc.field, file=self.source,
                                    fix=exc.fix) from None
        if out is model:
            out = copy.deepcopy(model)
        out.name = f"{model.name} — {self.name}"
        return out

    def to_dict(self) -> dict[str, Any]:
        """The scenario as YAML-ready data (the format ``read_scenarios`` reads)."""
        changes = []
        for change in self.changes:
            kind = next(k for k, v in CHANGES.items() if isinstance(change, v))
            changes.append({kind: {k: v for k, v in vars(change).items() if v is not None}})
        return {"name": self.name, "changes": changes}


def scenario_from_dict(data: Any, *, file: str | None = None, path: str = "") -> Scenario:
    """A scenario from parsed YAML/JSON ``{"name": …, "changes": [{"time_cut": {…}}, …]}``."""
    where = path or "scenario"
    if not isinstance(data, dict):
        raise ScenarioError("a scenario must be a mapping with 'name' and 'changes'.",
                            field=where, file=file,
                            fix="write name: … and changes: [- time_cut: {…}].")
    unknown = set(data) - {"name", "changes"}
    if unknown:
        raise ScenarioError(f"unknown keys {sorted(unknown)} in a scenario.", field=where,
                            file=file, fix="use only 'name' and 'changes'.")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ScenarioError("a scenario needs a 'name'.", field=f"{path}name".lstrip("."),
                            file=file, fix="add name: Cut by 3 days.")
    raw = data.get("changes")
    if not isinstance(raw, list) or not raw:
        raise ScenarioError("a scenario needs a non-empty list 'changes'.",
                            field=f"{path}changes", file=file,
                            fix=f"add changes: [- time_cut: {{procedures: [...], days: 3}}]; "
                                f"kinds: {', '.join(CHANGES)}.")
    changes = []
    for i, item in enumerate(raw):
        here = f"{path}changes[{i}]"
        if not isinstance(item, dict) or len(item) != 1:
            raise ScenarioError("a change is one kind with its parameters.", field=here,
                                file=file, fix=f"write e.g. - demand: {{factor: 1.2}}; kinds: "
                                               f"{', '.join(CHANGES)}.")
        (kind, params), = item.items()
        if kind not in CHANGES:
            raise ScenarioError(f"change kind {kind!r} is unknown.", field=here, file=file,
                                fix=f"use one of {', '.join(CHANGES)}.")
        cls = CHANGES[kind]
        allowed = set(cls.__dataclass_fields__)
        if not isinstance(params, dict) or set(params) - allowed:
            extra = sorted(set(params) - allowed) if isinstance(params, dict) else params
            raise ScenarioError(f"{kind} does not take {extra!r}.", field=f"{here}.{kind}",
                                file=file, fix=f"give some of {sorted(allowed)}.")
        required = {k for k, f in cls.__dataclass_fields__.items()
                    if f.default is MISSING and f.default_factory is MISSING}
        missing = required - set(params)
        if missing:
            raise ScenarioError(f"{kind} needs {sorted(missing)}.", field=f"{here}.{kind}",
                                file=file, fix=f"add {', '.join(sorted(missing))}.")
        params = {k: float(v) if isinstance(v, _Float) else int(v) if isinstance(v, _Int)
                  else v for k, v in params.items()}
        if isinstance(params.get("procedures"), list):
            params = {**params, "procedures": [getattr(p, "text", str(p))
                                               for p in params["procedures"]]}
        changes.append(cls(**params))
    return Scenario(name=name.strip(), changes=changes, source=file, where=path)


class _Float(float):
    """A number read from YAML that remembers how it was written (procedure codes such as
    2.002150 must keep their last zero)."""

    text: str


class _Int(int):
    text: str


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, with numbers that keep their text."""


def _keep_text(kind: type):
    def construct(loader: yaml.SafeLoader, node: yaml.ScalarNode):
        base = float if kind is _Float else int
        value = kind(yaml.SafeLoader.yaml_constructors[
            f"tag:yaml.org,2002:{base.__name__}"](loader, node))
        value.text = node.value
        return value
    return construct


_Loader.add_constructor("tag:yaml.org,2002:float", _keep_text(_Float))
_Loader.add_constructor("tag:yaml.org,2002:int", _keep_text(_Int))


def read_scenarios(path: str | Path) -> list[Scenario]:
    """The scenarios of a YAML file: one scenario, or ``scenarios: [...]`` for several."""
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_Loader)  # noqa: S506
    except FileNotFoundError:
        raise ScenarioError("the scenario file does not exist.", file=str(path),
                            fix="give the path of a .yaml scenario file (docs/simulation.md, "
                                "'Scenario files').") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ScenarioError(f"the scenario file is not valid UTF-8 YAML ({exc}).",
                            file=str(path), fix="repair the YAML at the line shown.") from None
    if isinstance(data, dict) and "scenarios" in data:
        items = data["scenarios"]
        if not isinstance(items, list) or not items:
            raise ScenarioError("'scenarios' must be a non-empty list.", field="scenarios",
                                file=str(path), fix="list one or more scenarios under it.")
        return [scenario_from_dict(s, file=str(path), path=f"scenarios[{i}].")
                for i, s in enumerate(items)]
    return [scenario_from_dict(data, file=str(path))]


def check_scenario(scenario: Scenario, model: Model) -> None:
    """Raise :class:`ScenarioError` now if ``scenario`` does not fit ``model``."""
    scenario.apply(model)


# -- helpers of the changes --------------------------------------------------------------------

def _visits(model: Model, process: Process, p: Procedure) -> dict[str, float]:
    """Expected visits of each step by a dossier of ``p``'s most common kind."""
    channel = max(p.channels, key=p.channels.get)
    return expected_visits(process, channel, p.p_digitised >= 0.5, p.p_paid_online >= 0.5)


def _work_steps(process: Process) -> list[Step]:
    """Steps that make up the procedure's own handling: not intake, transfers or delivery,
    not batched, not a citizen's wait."""
    return [s for s in process.steps if s.activity_id not in NOT_WORK and s.batch is None
            and s.duration.basis == "working"]


def _work_minutes(model: Model, p: Procedure) -> dict[str, float]:
    """Expected working minutes a dossier of ``p`` spends in each of its work steps."""
    process = model.process(p.process)
    visits = _visits(model, process, p)
    scales = p.duration_scales or {}
    return {s.id: visits[s.id] * s.duration.expected * scales.get(s.id, 1.0)
            for s in _work_steps(process)}


def _work_days(model: Model, p: Procedure) -> float:
    """Expected working days a dossier of ``p`` spends in its work steps."""
    return sum(_work_minutes(model, p).values()) / model.office_hours().minutes_per_day


def _shorten_work(model: Model, p: Procedure, days: float) -> None:
    """Shorten ``p``'s expected work as if it were a fixed share of the legal time left after
    a reserve for the steps around it: by ``work × days / (legal − reserve)``, the reserve read
    from the procedures of its agency and handling model (where their line of work on legal
    time crosses zero work; those with a process of their own when they span three legal
    times; no reserve when fewer than three legal times). The cut is taken from its main work
    steps (the largest that make up ``MAIN_WORK`` of the work: the appraisal, where a shorter
    legal time bites)."""
    minutes = _work_minutes(model, p)
    per_day = model.office_hours().minutes_per_day
    own = sum(minutes.values()) / per_day
    if own <= 0:
        return
    peers = [q for q in model.procedures if q.agency == p.agency and q.model == p.model]
    # procedures with a process of their own show their own work best (a shared process
    # pulls its procedures' times towards one another)
    users: dict[str, int] = {}
    for q in model.procedures:
        users[q.process] = users.get(q.process, 0) + 1
    alone = [q for q in peers if users[q.process] == 1]
    if len({q.legal_days for q in alone}) >= 3:
        peers = alone
    legal = np.array([q.legal_days for q in peers])
    reserve = 0.0
    if len(np.unique(legal)) >= 3:
        work = np.array([_work_days(model, q) for q in peers])
        weight = np.array([q.arrivals.per_working_day for q in peers])
        slope, intercept = np.polyfit(legal, work, 1, w=np.sqrt(np.maximum(weight, 1e-9)))
        if slope > 0:
            reserve = float(min(max(-intercept / slope, 0.0), p.legal_days - STEP_DAYS))
    drop = own * days / (p.legal_days - reserve)
    main, covered = [], 0.0
    for step_id, value in sorted(minutes.items(), key=lambda kv: -kv[1]):
        if covered >= MAIN_WORK * own * per_day:
            break
        main.append(step_id)
        covered += value
    factor = min(max(1.0 - drop / (covered / per_day), 0.05), 1.0)
    scales = dict(p.duration_scales or {})
    for step_id in main:
        scales[step_id] = round(scales.get(step_id, 1.0) * factor, 6)
    p.duration_scales = scales


def _add_officers(pool: ResourcePool, n: int) -> None:
    """Change the pool's staff by ``n`` at every date; newcomers get names of their own."""
    pool.capacity += n
    pool.capacity_changes = {k: v + n for k, v in (pool.capacity_changes or {}).items()} \
        or None
    if pool.names is not None:
        names, k = list(pool.names[:pool.max_capacity]), 0
        while len(names) < pool.max_capacity:
            k += 1
            if f"{pool.id}-new-{k:02d}" not in names:
                names.append(f"{pool.id}-new-{k:02d}")
        pool.names = names


def _on_spot_steps(process: Process) -> list[Step]:
    """The steps of a 5 tại chỗ process done by the delegated officers: the on-spot
    appraisal, else every step served by a pool apart from intake, fees and delivery."""
    marked = [s for s in process.steps if s.activity_id == ON_SPOT_ACTIVITY and s.pool]
    return marked or [s for s in process.steps if s.pool and s.activity_id not in NOT_WORK]


def _on_spot_minutes(model: Model, p: Procedure) -> float:
    """Expected minutes of the on-spot officers' work per dossier of ``p``."""
    process = model.process(p.process)
    visits = _visits(model, process, p)
    return sum(visits[s.id] * s.duration.expected for s in _on_spot_steps(process))


def _on_spot_pool(model: Model, agency: str) -> ResourcePool | None:
    """The pool of the delegated officers of ``agency``'s 5 tại chỗ process."""
    for process in model.processes:
        users = [q for q in model.procedures if q.process == process.id]
        if users and all(q.model == "five_on_spot" and q.agency == agency for q in users):
            steps = _on_spot_steps(process)
            if steps:
                return model.pool(steps[0].pool)
    return None


def _on_spot_process(model: Model, procedure: Procedure) -> Process:
    """The 5 tại chỗ process a moved ``procedure`` joins: its agency's busiest one among those
    of procedures that, like it, charge a fee or do not (fees add a payment step), a process
    shared by several procedures before one of a single procedure; else its agency's busiest;
    else a copy of the busiest of all, preferring the same fee status, with the agency's own
    pools; else a default."""
    agency, fee = procedure.agency, procedure.fee > 0
    demand: dict[str, list[float]] = {}
    for q in model.procedures:
        if q.model == "five_on_spot" and q is not procedure:
            d = demand.setdefault(q.process, [0.0, 0.0, 0.0, 0.0])
            d[(q.fee > 0) == fee] += q.arrivals.per_working_day
            d[2] = max(d[2], float(q.agency == agency))
            d[3] += 1
    ranked = sorted(demand, key=lambda pid: (demand[pid][2], demand[pid][1] > 0,
                                              demand[pid][3] > 1, sum(demand[pid][:2]), pid))
    if ranked and demand[ranked[-1]][2]:
        return model.process(ranked[-1])
    pool_id = ident(f"{agency}.on_spot")
    if all(p.id != pool_id for p in model.pools):
        # its staff is set by FiveOnSpot.apply (at least one officer)
        model.pools.append(ResourcePool(id=pool_id, agency=agency, role="on_spot_officer",
                                        capacity=1, names=[]))
    if ranked:
        template = copy.deepcopy(model.process(ranked[-1]))
        own_pools = {p.role: p.id for p in model.pools if p.agency == agency}
        for step in template.steps:
            if step.pool is not None:
                step.pool = own_pools.get(model.pool(step.pool).role, step.pool)
        for step in _on_spot_steps(template):
            step.pool = pool_id
        template.id = ident(f"{agency}.five_on_spot")
    else:
        counter = next((s.pool for pr in model.processes for s in pr.steps
                        if s.activity_id == "receive" and s.pool), None)
        template = Process(id=ident(f"{agency}.five_on_spot"), steps=[
            Step(id="receive", duration=Duration(kind="lognormal", mean=12, sd=7, minimum=2),
                 pool=counter),
            Step(id=ON_SPOT_ACTIVITY, duration=copy.deepcopy(DEFAULT_ON_SPOT), pool=pool_id),
            Step(id="deliver_result", duration=Duration(kind="lognormal", mean=5, sd=3,
                                                        minimum=1), pool=counter)],
            transitions=[Transition(source=START, target="receive"),
                         Transition(source="receive", target=ON_SPOT_ACTIVITY),
                         Transition(source=ON_SPOT_ACTIVITY, target="deliver_result"),
                         Transition(source="deliver_result", target=END)],
            result_step=ON_SPOT_ACTIVITY)
    while any(pr.id == template.id for pr in model.processes):
        template.id += "_"
    model.processes.append(template)
    return template


"""The simulation model: plain dataclasses, saved and loaded as JSON, validated on load.

A :class:`Model` describes one service centre (or part of one):

* **procedures** (thủ tục hành chính): who handles them, their legal handling time in working
  days, the handling model (``transfer`` or ``five_on_spot``), which process they follow, how
  many dossiers arrive and through which channels, the chance that a dossier is digitised or
  paid online, and the fee; a procedure whose legal time or handling model changes at a reform
  is one entry per version, valid over dated windows and written to the log under one id;
  demand, channel shares, digitisation and online payment may follow dated trends;
* **processes**: steps (an activity id of the vocabulary, a resource pool or none, a duration
  distribution, an optional batch schedule) and the routing between them as transition
  probabilities, which may depend on the dossier's channel, digitisation and online payment;
* **resource pools**: servers of one role in one agency, working in office hours, each on one
  or several dossiers at once, with dated staffing changes;
* **batch schedules**: fixed release times of paper transfers between centre and department;
* **deadlines**: whether and when late dossiers get an apology with a new date, and the time
  after which a same-day dossier is due the next working day.

Durations are in minutes. A step served by a pool, or any step whose duration ``basis`` is
``"working"``, lasts working minutes of the office calendar; a citizen wait (``basis`` =
``"calendar"``, e.g. the time an applicant takes to bring a supplement) lasts wall-clock
minutes, nights and weekends included.

``Model.from_json`` checks every field and every cross-reference and raises
:class:`ModelError` naming the field (``procedures[2].channels``), what is wrong and how to fix
it; ``Model.validate()`` runs the same checks on a model built in Python.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import math
import re
import types
import typing
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import time
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from dossierflow.mining.errors import CalendarError, FieldError

FORMAT = "dossierflow-model"
FORMAT_VERSION = 1

CHANNELS = ("in_person", "online_full", "online_partial", "public_postal")
ONLINE_CHANNELS = ("online_full", "online_partial")
HANDLING_MODELS = ("transfer", "five_on_spot")
DURATION_KINDS = ("exponential", "lognormal", "gamma", "fixed", "uniform", "empirical")
DURATION_BASES = ("working", "calendar")
START, END = "start", "end"

# Activity ids of DOMAIN.md §6; the project vocabulary (datasets/vocabulary/activities.csv)
# adds to them. Others must be declared in Model.extra_activities, so that a typo is caught
# rather than simulated.
ACTIVITIES = (
    "submit_online", "receive", "request_supplement", "supplement_received", "reject_intake",
    "digitise", "transfer_to_agency", "assign_handler", "appraise", "consult_agency",
    "site_inspection", "review_division", "approve_sign", "submit_ppc", "issue_result",
    "return_to_centre", "notify_payment", "collect_fee", "deliver_result",
    "apology_reschedule", "stop_processing", "withdraw", "rate_satisfaction", "sync_national",
)
# Steps whose end closes a dossier without a result, and the outcome they give.
CLOSING_ACTIVITIES = {"reject_intake": "rejected", "withdraw": "withdrawn",
                      "stop_processing": "stopped"}
# Activities that may not be the steps of a five_on_spot process (the dossier never leaves
# the centre).
TRANSFER_ACTIVITIES = ("transfer_to_agency", "return_to_centre")
# Defaults of Process.result_step when it is None: the first of these that is a step.
RESULT_ACTIVITIES = ("return_to_centre", "issue_result", "approve_sign")

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_HHMM = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: Any) -> np.datetime64 | None:
    """The ISO date ``text`` as a ``datetime64[D]``, or None when it is not one."""
    if not isinstance(text, str):
        return None
    return _parse_day(text)


@lru_cache(maxsize=4096)
def _parse_day(text: str) -> np.datetime64 | None:
    if not _ISO_DAY.fullmatch(text.strip()):
        return None
    try:
        return np.datetime64(text.strip(), "D")
    except ValueError:
        return None


def interpolate_points(points: dict[str, float], days: np.ndarray) -> np.ndarray:
    """Values of dated ``points`` (ISO date → value) on ``days`` (``datetime64[D]``): linear
    between points, constant before the first and after the last."""
    xs = np.array([_parse_day(k) for k in points], dtype="datetime64[D]").astype(np.int64)
    ys = np.array(list(points.values()), dtype=float)
    order = np.argsort(xs, kind="stable")
    return np.interp(np.asarray(days, dtype="datetime64[D]").astype(np.int64), xs[order],
                     ys[order])


def ident(text: str) -> str:
    """``text`` as a model id: accents dropped, other characters than letters, digits, '_',
    '.' and '-' replaced by '_' (``Sở Tư pháp`` → ``So_Tu_phap``)."""
    plain = unicodedata.normalize("NFKD", str(text).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = re.sub(r"[^A-Za-z0-9_.\-]+", "_", plain).strip("_.-")
    return plain or "x"


def known_activities() -> frozenset[str]:
    """Activity ids a step may use without declaring them: DOMAIN §6 and the vocabulary."""
    try:
        from dossierflow.mining.vocabulary import activities

        return frozenset(ACTIVITIES) | frozenset(activities().index)
    except Exception:  # noqa: BLE001 - without the vocabulary, DOMAIN §6 suffices
        return frozenset(ACTIVITIES)


class ModelError(FieldError):
    """A simulation model is malformed: a field has a wrong value or a reference is dangling.

    ``field`` is the path of the offending field, e.g. ``processes[0].steps[3].pool``.
    """


# -- the dataclasses ---------------------------------------------------------------------------

@dataclass(kw_only=True)
class Duration:
    """A duration distribution in minutes.

    ``kind`` and its parameters:

    * ``exponential``: ``mean``;
    * ``lognormal`` and ``gamma``: ``mean`` and standard deviation ``sd``;
    * ``fixed``: always ``mean``;
    * ``uniform``: between ``low`` and ``high``;
    * ``empirical``: ``quantiles``, the values at equally spaced probabilities from 0 to 1
      (the first is the smallest value seen, the last the largest), drawn by linear
      interpolation of this quantile function; what discovery from a log writes.

    ``minimum``/``maximum`` optionally truncate the distribution (values outside are drawn
    again, as Prosimos does). ``basis`` is ``"working"`` (working minutes of the office
    calendar) or ``"calendar"`` (wall-clock minutes: citizen waits such as the supplement).
    """

    kind: str
    mean: float | None = None
    sd: float | None = None
    low: float | None = None
    high: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    quantiles: list[float] | None = None
    basis: str = "working"

    @property
    def expected(self) -> float:
        """The mean of the (untruncated) distribution, in minutes."""
        if self.kind == "uniform":
            return (float(self.low) + float(self.high)) / 2
        if self.kind == "empirical":
            q = np.asarray(self.quantiles, dtype=float)
            return float((q[1:] + q[:-1]).mean() / 2)
        return float(self.mean)

    def sample(self, rng: np.random.Generator, size: int) -> np.ndarray:
        """``size`` independent draws (minutes, never negative)."""
        out = self._raw(rng, size)
        if self.minimum is not None or self.maximum is not None:
            lo = -np.inf if self.minimum is None else self.minimum
            hi = np.inf if self.maximum is None else self.maximum
            for _ in range(20):
                bad = (out < lo) | (out > hi)
                n_bad = int(bad.sum())
                if not n_bad:
                    break
                out[bad] = self._raw(rng, n_bad)
            out = np.clip(out, lo, hi)
        return np.maximum(out, 0.0)

    def _raw(self, rng: np.random.Generator, size: int) -> np.ndarray:
        kind = self.kind
        if kind == "exponential":
            return rng.exponential(self.mean, size)
        if kind == "lognormal":
            sigma2 = math.log1p((self.sd / self.mean) ** 2)
            return rng.lognormal(math.log(self.mean) - sigma2 / 2, math.sqrt(sigma2), size)
        if kind == "gamma":
            shape = (self.mean / self.sd) ** 2
            return rng.gamma(shape, self.mean / shape, size)
        if kind == "fixed":
            return np.full(size, float(self.mean))
        if kind == "uniform":
            return rng.uniform(self.low, self.high, size)
        if kind == "empirical":
            q = np.asarray(self.quantiles, dtype=float)
            return np.interp(rng.random(size), np.linspace(0.0, 1.0, len(q)), q)
        raise ModelError(f"unknown duration kind {kind!r}.", fix=f"use one of {DURATION_KINDS}.")


@dataclass(kw_only=True)
class Step:
    """One step of a process.

    ``id`` is unique within the process; ``activity`` (default: the id) is the activity id
    written to the log. ``pool`` names the resource pool that serves the step (None: nobody,
    e.g. a citizen wait). ``batch`` names a batch schedule: the step then starts only at the
    schedule's release times, all waiting dossiers together. ``pauses_legal_clock`` says
    whether the step's time is excluded from the legal handling time (None: yes for
    ``supplement_received``, no otherwise). ``max_visits`` caps how often a dossier may do
    this step (e.g. 1 for ``request_supplement``: a supplement may be requested only once);
    routing then redraws among the other targets. ``logged`` False makes a silent step, not
    written to the log: e.g. the time a file lies in an in-tray before an officer takes it up,
    which discovery from a log models apart from the officer's work. ``priority`` 1 makes
    the step's dossiers wait while any dossier of priority 0 waits for the same pool (online
    dossiers the counter takes up between the citizens standing at it). ``continues``: when
    the step before it was served by the same pool, the officer who did that step goes
    straight on with this one (the counter officer who receives a dossier sends it on at
    once; the leader who signs returns the result), without joining the queue again.
    """

    id: str
    activity: str | None = None
    duration: Duration
    pool: str | None = None
    batch: str | None = None
    pauses_legal_clock: bool | None = None
    max_visits: int | None = None
    logged: bool = True
    priority: int = 0
    continues: bool = False

    @property
    def activity_id(self) -> str:
        return self.activity or self.id

    @property
    def pauses(self) -> bool:
        if self.pauses_legal_clock is None:
            return self.activity_id == "supplement_received"
        return self.pauses_legal_clock


@dataclass(kw_only=True)
class Transition:
    """Routing: after ``source`` (a step id or ``"start"``) go to ``target`` (a step id or
    ``"end"``) with ``probability``.

    The optional conditions restrict the transition to dossiers of some ``channels``, or that
    are (not) ``digitised`` or (not) ``paid_online``. For every kind of dossier that can reach
    a source, the probabilities of the transitions that apply to it must sum to 1.
    """

    source: str
    target: str
    probability: float = 1.0
    channels: list[str] | None = None
    digitised: bool | None = None
    paid_online: bool | None = None

    def applies(self, channel: str, digitised: bool, paid_online: bool) -> bool:
        return ((self.channels is None or channel in self.channels)
                and (self.digitised is None or self.digitised == digitised)
                and (self.paid_online is None or self.paid_online == paid_online))


@dataclass(kw_only=True)
class Route:
    """A whole path through a process, as a log shows dossiers taking it: ``steps`` are the
    steps entered, in order (a silent step leads on to the step after it by its single
    transition, as an in-tray wait leads to the officer's work); ``probability`` is the
    route's share of the dossiers of its kind, which the optional conditions restrict as on
    a :class:`Transition`.

    ``ranks``: how slow or quick each step of dossiers on the route was, as the log shows
    it: per observed dossier, one value from 0 to 1 per entered step (where the step's time
    lies in its distribution: 0.9 is slower than nine in ten). A dossier drawing the route
    takes the ranks of one of them for the steps whose durations are ``empirical``, so
    that a dossier slow at one step is as slow at the next as in the log (work paced by
    the due date, a file put aside), while each step keeps its own distribution."""

    steps: list[str]
    probability: float
    channels: list[str] | None = None
    digitised: bool | None = None
    paid_online: bool | None = None
    ranks: list[list[float]] = field(default_factory=list)

    def applies(self, channel: str, digitised: bool, paid_online: bool) -> bool:
        return ((self.channels is None or channel in self.channels)
                and (self.digitised is None or self.digitised == digitised)
                and (self.paid_online is None or self.paid_online == paid_online))


@dataclass(kw_only=True)
class Process:
    """Steps and routing shared by one or more procedures.

    ``receipt_step``: the step whose end starts the legal clock (the Giấy tiếp nhận);
    None: ``receive`` if it is a step, else the dossier's arrival.
    ``result_step``: the step whose end is the on-time reference point (Đã xử lý xong);
    None: the first of return_to_centre, issue_result, approve_sign that is a step.
    ``delivery_step``: the step whose end is the return of the result (None: deliver_result
    if it is a step).
    When one of these is None and several steps carry the default activity (e.g. a paper and
    an electronic ``return_to_centre``), each of them plays the part (see :meth:`marked`).
    ``online_submission``: log a ``submit_online`` event at the wall-clock moment an online
    dossier is submitted (nights and weekends included).
    ``routes``: whole paths as a log shows them (a process whose activities come in many
    orders, which a chain of transitions would mix into loops): a dossier of a kind that
    routes apply to draws one of them; their probabilities for a kind sum to at most 1, and
    with the rest a dossier walks the transitions, as dossiers of kinds without routes do.
    """

    id: str
    steps: list[Step]
    transitions: list[Transition]
    routes: list[Route] = field(default_factory=list)
    receipt_step: str | None = None
    result_step: str | None = None
    delivery_step: str | None = None
    online_submission: bool = True

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def silent_links(self, channel: str, digitised: bool, paid_online: bool
                     ) -> dict[str, str | None]:
        """Where each silent step leads a dossier of this kind (None: not to one single
        step)."""
        out: dict[str, list[str]] = {s.id: [] for s in self.steps if not s.logged}
        for t in self.transitions:
            if t.source in out and t.probability > 0 and t.applies(channel, digitised,
                                                                    paid_online):
                out[t.source].append(t.target)
        return {k: v[0] if len(v) == 1 and v[0] != END else None for k, v in out.items()}

    def chain(self, entry: str, links: dict[str, str | None]) -> list[str]:
        """The steps a dossier does on entering ``entry``: it, and the steps its silent ones
        lead on to (``links``: :meth:`silent_links` of the dossier's kind). Raises
        ``ValueError`` naming a silent step that leads nowhere single."""
        out, node = [], entry
        for _ in range(len(self.steps) + 1):
            out.append(node)
            if node not in links:
                return out
            node = links[node]
            if node is None:
                raise ValueError(out[-1])
        raise ValueError(entry)

    def expanded(self, route: Route, links: dict[str, str | None]) -> list[str]:
        """The steps a dossier does on ``route`` (see :meth:`chain`)."""
        return [step for entry in route.steps for step in self.chain(entry, links)]

    def _by_activity(self, *activities: str) -> str | None:
        for activity in activities:
            for step in self.steps:
                if step.activity_id == activity and step.logged:
                    return step.id
        return None

    @property
    def receipt(self) -> str | None:
        return self.receipt_step or self._by_activity("receive")

    @property
    def result(self) -> str | None:
        return self.result_step or self._by_activity(*RESULT_ACTIVITIES)

    @property
    def delivery(self) -> str | None:
        return self.delivery_step or self._by_activity("deliver_result")

    def marked(self, which: str) -> set[str]:
        """Ids of the steps that act as ``which`` (``"receipt"``, ``"result"`` or
        ``"delivery"``): the explicit step, else every logged step with the default's
        activity (a silent step never plays these parts)."""
        explicit = {"receipt": self.receipt_step, "result": self.result_step,
                    "delivery": self.delivery_step}[which]
        if explicit:
            return {explicit}
        default = getattr(self, which)
        if default is None:
            return set()
        activity = self.step(default).activity_id
        return {s.id for s in self.steps if s.activity_id == activity and s.logged}


@dataclass(kw_only=True)
class ArrivalProfile:
    """How many dossiers of a procedure arrive, and when.

    ``per_working_day``: mean dossiers on an ordinary working day (weight 1). Counter and
    postal dossiers arrive in office hours; online ones at any hour of any day, following
    ``online_hour_weights`` (24 values; None: a day-time profile) and, on days off,
    ``online_off_day_factor``.
    ``weekday_weights``: 7 relative intensities, Monday first. A weight on Saturday or Sunday
    means a weekend counter: the first step must then be served by a pool that serves
    in_person dossiers ``out_of_hours``.
    ``month_weights``: 12 relative intensities, January first.
    Tết (from the ``holidays`` package, through the calendar): ``tet_surge`` multiplies the
    arrivals of the ``tet_surge_days`` days before the Tết holiday; ``tet_lull`` those during
    it and in the ``tet_lull_days_after`` days after it.
    ``trend``: a demand multiplier over the years, as dated points ``{"2017-05-17": 0.8,
    "2023-08-31": 1.1}`` (ISO dates), linear between points and constant before the first and
    after the last (None: 1 throughout).
    """

    per_working_day: float
    weekday_weights: list[float] = field(default_factory=lambda: [1.0] * 5 + [0.0] * 2)
    month_weights: list[float] = field(default_factory=lambda: [1.0] * 12)
    tet_surge: float = 1.3
    tet_surge_days: int = 14
    tet_lull: float = 0.4
    tet_lull_days_after: int = 5
    online_off_day_factor: float = 0.3
    online_hour_weights: list[float] | None = None
    trend: dict[str, float] | None = None


DEFAULT_ONLINE_HOURS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 1.2, 2.0, 2.4, 2.4, 2.0,
                        1.2, 1.4, 2.0, 2.2, 2.0, 1.6, 1.0, 1.0, 1.2, 1.2, 0.8, 0.4]


@dataclass(kw_only=True)
class Procedure:
    """An administrative procedure (TTHC) as the simulation sees it.

    ``legal_days``: legal handling time in working days, in steps of 0.5 (0 = same day: due at
    the end of the office hours of the day of receipt). ``channels``: shares of
    in_person / online_full / online_partial / public_postal, summing to 1.
    ``p_digitised`` / ``p_paid_online``: probabilities that a dossier is digitised / paid
    online (the latter only for a non-zero ``fee``).

    **Versions.** A procedure whose legal time or handling model changes (a reform) is one
    entry per version: each has its own ``id``, the same ``log_id`` (the procedure code or name
    written to the log; None: the ``id``) and a validity window ``active_from`` – ``active_until`` (ISO
    dates, both inclusive; None: open). A version takes the dossiers whose **intake day** falls
    in its window: the day of submission for counter and postal dossiers, the next working day
    for online dossiers submitted while the office is closed (the day the legal clock starts).
    The windows of versions sharing a ``log_id`` must not overlap.

    **Time-varying shares** (dated points, linear between them, constant outside, like
    :attr:`ArrivalProfile.trend`; each replaces its constant counterpart when given):
    ``channels_over_time`` ``{"2017-05-17": {"in_person": 0.95, "online_partial": 0.05}, …}``,
    ``p_digitised_over_time`` and ``p_paid_online_over_time`` ``{"2022-01-01": 0.0, …}``,
    read at the dossier's intake day.

    ``digitised_by_channel``: the chance that a dossier of a channel is digitised, for the
    channels it names (an online dossier is electronic from the start); they do not follow
    ``p_digitised_over_time``, which applies to the other channels.

    ``duration_scales``: this procedure's own multipliers of the durations of its process's
    steps, by step id (e.g. an appraisal proportional to the legal time), so that procedures of
    different weight can share one process. Batched steps keep one duration per release and
    are not scaled.
    """

    id: str
    name: str = ""
    agency: str
    legal_days: float
    model: str = "transfer"
    process: str
    arrivals: ArrivalProfile
    channels: dict[str, float] = field(default_factory=lambda: {"in_person": 1.0})
    p_digitised: float = 0.0
    p_paid_online: float = 0.0
    fee: float = 0.0
    log_id: str | None = None
    active_from: str | None = None
    active_until: str | None = None
    channels_over_time: dict[str, dict[str, float]] | None = None
    p_digitised_over_time: dict[str, float] | None = None
    p_paid_online_over_time: dict[str, float] | None = None
    digitised_by_channel: dict[str, float] | None = None
    duration_scales: dict[str, float] | None = None

    @property
    def output_id(self) -> str:
        """The procedure id written to the log (``log_id``, else ``id``)."""
        return self.log_id or self.id


@dataclass(kw_only=True)
class ResourcePool:
    """``capacity`` interchangeable servers of one ``role`` in one ``agency``.

    Pools work in office hours on working days. ``out_of_hours`` lists channels whose
    dossiers the pool also serves when they arrive while the office is closed: ``["in_person"]``
    for a weekend counter, ``["online_full", "online_partial"]`` for round-the-clock online
    intake. Such a first step is done at once, in wall-clock time. ``names`` optionally gives
    one officer name or id per server (default ``<agency>-<role>-01`` …).
    ``concurrency``: how many dossiers one server works on at once (a case handler keeps
    several files open and works on them in turn over days); the pool then has ``capacity`` ×
    ``concurrency`` places, and its utilisation is the share of places in use.
    ``capacity_changes``: staffing changes, ``{"2019-07-01": 5, …}``: from the start of each
    ISO date on, the pool has that many servers (``capacity`` before the first date). A server
    that leaves finishes the dossiers in hand; ``names`` then lists the largest staff.
    """

    id: str
    agency: str
    role: str
    capacity: int
    out_of_hours: list[str] = field(default_factory=list)
    names: list[str] | None = None
    concurrency: int = 1
    capacity_changes: dict[str, int] | None = None

    @property
    def max_capacity(self) -> int:
        """The largest number of servers the pool ever has."""
        return max([self.capacity, *(self.capacity_changes or {}).values()])


@dataclass(kw_only=True)
class BatchSchedule:
    """Fixed release times (``"HH:MM"``, local) on working days, e.g. ``["09:00", "15:00"]``.

    A dossier reaching a batched step waits for the next release; then all waiting dossiers go
    together (one sampled duration for the whole batch, carried by one server of the step's
    pool; capacity does not hold a release back). With ``paper_only``, digitised dossiers
    skip the wait (electronic transfer).
    """

    id: str
    release_times: list[str]
    paper_only: bool = False


@dataclass(kw_only=True)
class CalendarSpec:
    """Office hours of the working-time calendar (public holidays from ``holidays`` always
    apply). ``sessions``: ``[["07:30", "11:30"], ["13:30", "17:00"]]`` style pairs;
    ``weekdays``: Monday = 0 … Sunday = 6; ``extra_holidays``: further days off (ISO dates);
    ``use_overrides``: apply the project's table of swapped days
    (datasets/calendar_overrides.csv)."""

    sessions: list[list[str]] = field(
        default_factory=lambda: [["07:30", "11:30"], ["13:30", "17:00"]])
    weekdays: list[int] = field(default_factory=lambda: [0, 1, 2, 3, 4])
    extra_holidays: list[str] = field(default_factory=list)
    use_overrides: bool = True


@dataclass(kw_only=True)
class Deadlines:
    """Apology and extension (Phiếu xin lỗi và hẹn lại ngày trả kết quả).

    With ``apology`` on, a dossier whose result will be ready after its due date gets an
    ``apology_reschedule`` event ``apology_lead_days`` working days before the due date (not
    before its receipt), carrying a new date: the due date plus ``extension_days`` working
    days, or, when that is None, the end of the working day on which the result is ready.

    ``same_day_cutoff`` (``"HH:MM"`` or None): a same-day procedure (legal_days 0) received at
    or after this time of day is due at the close of the next working day ("trong ngày; nếu
    nhận sau … thì trả trong ngày làm việc tiếp theo"); None: always the close of the day of
    receipt.
    """

    apology: bool = True
    apology_lead_days: float = 0.5
    extension_days: float | None = None
    same_day_cutoff: str | None = None


@dataclass(kw_only=True)
class Model:
    """A complete simulation model. ``agency_codes`` maps agencies to the prefix of their
    dossier numbers (e.g. ``"000.00.21.H03"``; default the agency id);
    ``extra_activities`` declares activities outside the vocabulary (snake_case ids, or the
    labels of an imported log, which the engine writes as they are).
    ``warmup_days``: calendar days simulated before the horizon and left out of the results,
    so that the horizon starts with dossiers in progress and queues as a running centre has
    them (0: it starts empty)."""

    name: str = "model"
    procedures: list[Procedure]
    processes: list[Process]
    pools: list[ResourcePool]
    batches: list[BatchSchedule] = field(default_factory=list)
    calendar: CalendarSpec = field(default_factory=CalendarSpec)
    deadlines: Deadlines = field(default_factory=Deadlines)
    agency_codes: dict[str, str] = field(default_factory=dict)
    extra_activities: list[str] = field(default_factory=list)
    warmup_days: float = 0.0

    # -- lookups ---------------------------------------------------------------------------

    def procedure(self, procedure_id: str) -> Procedure:
        return _find(self.procedures, procedure_id, "procedure")

    def process(self, process_id: str) -> Process:
        return _find(self.processes, process_id, "process")

    def pool(self, pool_id: str) -> ResourcePool:
        return _find(self.pools, pool_id, "pool")

    def batch(self, batch_id: str) -> BatchSchedule:
        return _find(self.batches, batch_id, "batch schedule")

    # -- JSON ------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The model as plain JSON data (numbers of float fields written as floats)."""
        return {"format": FORMAT, "version": FORMAT_VERSION, **_dump(self)}

    @classmethod
    def from_dict(cls, data: Any, *, file: str | None = None) -> Model:
        """Build and validate a model from parsed JSON; errors name the field."""
        if not isinstance(data, dict):
            raise ModelError("a model must be a JSON object.", file=file,
                             fix='start the file with {"format": "dossierflow-model", ...}.')
        data = dict(data)
        fmt = data.pop("format", FORMAT)
        version = data.pop("version", FORMAT_VERSION)
        if fmt != FORMAT:
            raise ModelError(f"'format' is {fmt!r}, not {FORMAT!r}.", field="format", file=file,
                             fix="load a file written by Model.to_json, or read Prosimos "
                                 "models with dossierflow.simulation.prosimos.read_prosimos.")
        if version != FORMAT_VERSION:
            raise ModelError(f"model format version {version!r} is not supported.",
                             field="version", file=file,
                             fix=f"write version {FORMAT_VERSION} (this dossierflow's format).")
        model = _parse(cls, data, "", file)
        model.validate(file=file)
        return model

    def to_json(self, path: str | Path) -> Path:
        """Write the model as UTF-8 JSON; ``Model.from_json`` reads back an equal model."""
        path = Path(path)
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
        return path

    @classmethod
    def from_json(cls, path: str | Path) -> Model:
        """Read and validate a model file written by :meth:`to_json` (or by hand)."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except FileNotFoundError:
            raise ModelError("the model file does not exist.", file=str(path),
                             fix="give the path of a JSON file written by Model.to_json.") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ModelError(f"the model file is not valid UTF-8 JSON ({exc}).", file=str(path),
                             fix="repair the JSON syntax at the position shown.") from None
        return cls.from_dict(data, file=str(path))

    # -- checks ----------------------------------------------------------------------------

    def validate(self, *, file: str | None = None) -> Model:
        """Check values and cross-references; raise :class:`ModelError` on the first problem."""
        _Validator(self, file).run()
        return self

    def office_hours(self):
        """The :class:`dossierflow.mining.log.working_time.OfficeHours` of ``calendar``."""
        from dossierflow.mining.log.working_time import OfficeHours

        return OfficeHours(sessions=tuple(tuple(s) for s in self.calendar.sessions),
                           weekdays=tuple(self.calendar.weekdays))


def _find(items: Iterable[Any], key: str, what: str) -> Any:
    for item in items:
        if item.id == key:
            return item
    known = [item.id for item in items]
    close = difflib.get_close_matches(str(key), known, n=1)
    raise ModelError(f"there is no {what} {key!r}.",
                     fix=f"use one of {known[:20]}" + (f" (perhaps {close[0]!r}?)" if close else "")
                     + ".")


# -- dataclasses to JSON and back --------------------------------------------------------------

def _dump(value: Any, tp: Any = None) -> Any:
    """Plain data of a dataclass tree; float fields become floats so that a model written,
    read and written again gives the same file."""
    if dataclasses.is_dataclass(value):
        hints = typing.get_type_hints(type(value))
        return {f.name: _dump(getattr(value, f.name), hints[f.name])
                for f in dataclasses.fields(value)}
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return None if value is None else _dump(value, inner[0] if len(inner) == 1 else None)
    if isinstance(value, list):
        item = args[0] if origin is list and args else None
        return [_dump(v, item) for v in value]
    if isinstance(value, dict):
        item = args[1] if origin is dict and args else None
        return {k: _dump(v, item) for k, v in value.items()}
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in typing.get_args(tp))
    if origin is list:
        return f"a list of {_type_name(typing.get_args(tp)[0])}"
    if origin is dict:
        return f"an object of {_type_name(typing.get_args(tp)[1])}"
    if dataclasses.is_dataclass(tp):
        return "an object"
    return {str: "text", int: "a whole number", float: "a number", bool: "true/false",
            type(None): "null"}.get(tp, str(tp))


def _parse(tp: Any, value: Any, path: str, file: str | None) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _parse(inner[0], value, path, file)
    where = path or "the model"
    if origin is list:
        if not isinstance(value, list):
            raise ModelError(f"{where} must be a list, not {_json_kind(value)}.", field=path,
                             file=file, fix=f"write {_type_name(tp)} in [ ].")
        (item,) = typing.get_args(tp)
        return [_parse(item, v, f"{path}[{i}]", file) for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ModelError(f"{where} must be an object, not {_json_kind(value)}.", field=path,
                             file=file, fix='write it as {"key": value, ...}.')
        _, item = typing.get_args(tp)
        return {str(k): _parse(item, v, f"{path}.{k}", file) for k, v in value.items()}
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise ModelError(f"{where} must be an object, not {_json_kind(value)}.", field=path,
                             file=file, fix="write it as {\"field\": value, ...}.")
        hints = typing.get_type_hints(tp)
        fields = {f.name: f for f in dataclasses.fields(tp)}
        unknown = [k for k in value if k not in fields]
        if unknown:
            close = difflib.get_close_matches(str(unknown[0]), list(fields), n=1)
            hint = f"perhaps '{close[0]}'? " if close else ""
            raise ModelError(f"unknown field '{unknown[0]}' in {where}.",
                             field=_join(path, unknown[0]), file=file,
                             fix=f"{hint}the fields of {tp.__name__} are {list(fields)}.")
        kwargs = {}
        for name, f in fields.items():
            sub = _join(path, name)
            if name not in value:
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    raise ModelError(f"{where} lacks the required field '{name}'.", field=sub,
                                     file=file, fix=f"add \"{name}\": {_type_name(hints[name])}.")
                continue
            kwargs[name] = _parse(hints[name], value[name], sub, file)
        return tp(**kwargs)
    if tp is bool:
        if not isinstance(value, bool):
            raise ModelError(f"{where} must be true or false, not {value!r}.", field=path,
                             file=file, fix="write true or false (no quotes).")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
            raise ModelError(f"{where} must be a whole number, not {value!r}.", field=path,
                             file=file, fix="write an integer such as 3 (no quotes).")
        return int(value)
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ModelError(f"{where} must be a number, not {value!r}.", field=path, file=file,
                             fix="write a number such as 2.5 (no quotes).")
        if not math.isfinite(value):
            raise ModelError(f"{where} must be a finite number, not {value!r}.", field=path,
                             file=file, fix="write an ordinary number.")
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise ModelError(f"{where} must be text, not {value!r}.", field=path, file=file,
                             fix="write it in double quotes.")
        return value
    raise TypeError(f"unsupported field type {tp!r}")  # pragma: no cover


def _json_kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false",
            type(None): "null"}.get(type(value), "a number")


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


# -- semantic checks ---------------------------------------------------------------------------

def _parse_hhmm(text: str) -> time | None:
    if not isinstance(text, str) or not _HHMM.match(text.strip()):
        return None
    try:
        return time(*(int(part) for part in text.strip().split(":")))
    except ValueError:
        return None


def _minutes(t: time) -> float:
    return t.hour * 60 + t.minute + t.second / 60


def case_classes() -> list[tuple[int, str, bool, bool]]:
    """(index, channel, digitised, paid_online) of the 16 kinds of dossier routing tells apart."""
    return [(c * 4 + d * 2 + p, channel, bool(d), bool(p))
            for c, channel in enumerate(CHANNELS) for d in (0, 1) for p in (0, 1)]


class _Validator:
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
            for (_, last, i), (first, _, j) in zip(windows, windows[1:]):
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
                    or min(q) < 0 or any(b < a for a, b in zip(q, q[1:]))):
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
                          "use an activity id of the vocabulary (DOMAIN.md §6) or declare it in "
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
        checked: set[tuple[bool, ...]] = set()
        for _, channel, dig, paid in case_classes():
            # kinds of dossier to which the same transitions apply are checked once
            signature = tuple(t.applies(channel, dig, paid) for t in process.transitions)
            if signature in checked:
                continue
            checked.add(signature)
            reached = {START}
            frontier = [START]
            while frontier:
                node = frontier.pop()
                applicable = [(k, t) for k, t in out.get(node, []) if t.applies(channel, dig, paid)]
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
            # every reachable step must be able to reach the end
            finishing = {END}
            changed = True
            while changed:
                changed = False
                for node in reached - finishing:
                    if any(t.probability > 0 and t.target in finishing
                           for _, t in out.get(node, []) if t.applies(channel, dig, paid)):
                        finishing.add(node)
                        changed = True
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

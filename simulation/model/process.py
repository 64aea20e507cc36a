"""Processes: steps with their duration distributions, and the routing between them as
transitions or as whole routes."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from dossierflow.simulation.model.errors import ModelError
from dossierflow.simulation.model.terms import (
    DURATION_KINDS,
    END,
    RESULT_ACTIVITIES,
    Channel,
    DurationBasis,
    DurationKind,
    Milestone,
)


@dataclass(kw_only=True)
class Duration:
    """A duration distribution in minutes.

    ``kind`` and its parameters:

    * ``exponential``: ``mean``;
    * ``lognormal`` and ``gamma``: ``mean`` and standard deviation ``sd``;
    * ``fixed``: always ``mean``;
    * ``uniform``: between ``low`` and ``high``;
    * ``empirical``: ``quantiles``, the values at equally spaced probabilities from 0 to 1
      (the first is the smallest value seen, the last at most the largest), drawn by
      linear interpolation of this quantile function; what discovery from a log writes
      (its last value gives the top slice the mean of the slowest values seen, not the
      single slowest: ``discovery.service_times.quantiles_of``).

    ``minimum``/``maximum`` optionally truncate the distribution (values outside are drawn
    again, as Prosimos does). ``basis`` is ``"working"`` (working minutes of the office
    calendar) or ``"calendar"`` (wall-clock minutes: citizen waits such as the supplement).
    """

    kind: DurationKind
    mean: float | None = None
    sd: float | None = None
    low: float | None = None
    high: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    quantiles: list[float] | None = None
    basis: DurationBasis = "working"

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
    channels: list[Channel] | None = None
    digitised: bool | None = None
    paid_online: bool | None = None

    def applies(self, channel: Channel, digitised: bool, paid_online: bool) -> bool:
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
    channels: list[Channel] | None = None
    digitised: bool | None = None
    paid_online: bool | None = None
    ranks: list[list[float]] = field(default_factory=list)

    def applies(self, channel: Channel, digitised: bool, paid_online: bool) -> bool:
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

    def silent_links(self, channel: Channel, digitised: bool, paid_online: bool
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

    def marked(self, which: Milestone) -> set[str]:
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

"""The centre around the processes: procedures and their arrivals, resource pools, batch
schedules of paper transfers, office hours and the deadline rule."""

from __future__ import annotations

from dataclasses import dataclass, field

from dossierflow.mining.vocabulary import COUNTRY, TZ
from dossierflow.simulation.model.terms import Channel, HandlingModel


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
    written to the log; None: the ``id``) and a validity window ``active_from`` –
    ``active_until`` (ISO dates, both inclusive; None: open). A version takes the dossiers whose
    **intake day** falls in its window: the day of submission for counter and postal dossiers,
    the next working day for online dossiers submitted while the office is closed (the day the
    legal clock starts). The windows of versions sharing a ``log_id`` must not overlap.

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
    model: HandlingModel = "transfer"
    process: str
    arrivals: ArrivalProfile
    channels: dict[Channel, float] = field(default_factory=lambda: {"in_person": 1.0})
    p_digitised: float = 0.0
    p_paid_online: float = 0.0
    fee: float = 0.0
    log_id: str | None = None
    active_from: str | None = None
    active_until: str | None = None
    channels_over_time: dict[str, dict[Channel, float]] | None = None
    p_digitised_over_time: dict[str, float] | None = None
    p_paid_online_over_time: dict[str, float] | None = None
    digitised_by_channel: dict[Channel, float] | None = None
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
    out_of_hours: list[Channel] = field(default_factory=list)
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
    (datasets/calendar_overrides.csv); ``country``: whose public holidays apply (a code of the
    ``holidays`` package); ``timezone``: the zone of the office hours' wall clock."""

    sessions: list[list[str]] = field(
        default_factory=lambda: [["07:30", "11:30"], ["13:30", "17:00"]])
    weekdays: list[int] = field(default_factory=lambda: [0, 1, 2, 3, 4])
    extra_holidays: list[str] = field(default_factory=list)
    use_overrides: bool = True
    country: str = COUNTRY
    timezone: str = TZ


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

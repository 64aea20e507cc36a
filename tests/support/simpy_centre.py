"""An independent ground-truth one-stop centre, written directly in SimPy.

Tests judge dossierflow's discovery and simulation against this centre, so it shares no code
with the project (nothing from ``simulation`` or ``mining``). A provincial "Trung tâm Phục vụ
hành chính công" with five counter officers, a courier and three departments (justice,
construction, health) handles ten procedures on the transfer model (counter → courier or
e-transfer → in-tray → handler place → leader's signature → back to the centre) or on
"5 tại chỗ" (counter → the department's delegated officer at the centre → counter).

The SimPy clock counts **working minutes** (``WorkClock``); citizens' delays run in wall time.
Every random number of a dossier comes from its own generator, keyed on the seed and the
dossier's index in the (reform-independent) arrival sequence, each purpose using a fixed slot,
and courier trips are keyed on the release: a reformed run replays the same dossiers with the
same draws (common random numbers).

Choices of our own: the department's in-tray is a pure delay (lognormal, mean 0.3 × legal
time, CV 0.9) before the file queues FIFO for a handler place; the place is held through
appraisal (and XD01's site inspection); a handler may ask for a supplement in each of the
first two appraisal rounds (so a dossier has at most two requests); the courier's two legs at
a release both start at it; arrivals begin four weeks before the log opens (a warm-up).

Public: ``run_centre``, ``write_log``, ``truth``, ``busy``, ``WorkClock``, ``Reform``,
``REFORMS`` and the reform constants ``MOVED``, ``CUT``, ``CUT_DAYS``, ``STAFFED_AGENCY``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import holidays
import numpy as np
import pandas as pd
import simpy

TZ = "Asia/Ho_Chi_Minh"
OVERRIDES = Path(__file__).resolve().parents[2] / "datasets" / "calendar_overrides.csv"
DAY = 450.0  # working minutes in an office day: 07:30–11:30 and 13:30–17:00
_NS_MIN, _NS_DAY = 60_000_000_000, 86_400_000_000_000
CENTRE = "Trung tâm Phục vụ hành chính công"
COUNTERS = 5


@dataclass(frozen=True)
class Agency:
    """A department: its handlers (each with ``files`` places), a leader, on-spot officers."""

    name: str
    handlers: int
    files: int
    on_spot: int
    appraise_share: float  # mean appraisal (place held) as a share of the legal time


AGENCIES = {
    "JUSTICE": Agency("Sở Tư pháp", 4, 3, 1, 0.14),
    "CONSTRUCTION": Agency("Sở Xây dựng", 5, 4, 0, 0.15),
    "HEALTH": Agency("Sở Y tế", 3, 3, 1, 0.105),
}


@dataclass(frozen=True)
class Procedure:
    """A procedure (TTHC): legal time in working days, dossiers per working day, model."""

    pid: str
    name: str
    agency: str
    legal_days: float
    per_day: float
    model: str
    site: bool = False


PROCEDURES = [
    Procedure("TP01", "Cấp lại Thẻ công chứng viên", "JUSTICE", 5, 6, "transfer"),
    Procedure("TP02", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "JUSTICE", 10, 3,
              "transfer"),
    Procedure("TP03", "Đăng ký hoạt động Văn phòng công chứng", "JUSTICE", 7, 0.3, "transfer"),
    Procedure("TP05", "Cấp bản sao trích lục hộ tịch", "JUSTICE", 1, 4, "five_on_spot"),
    Procedure("XD01", "Cấp giấy phép xây dựng công trình", "CONSTRUCTION", 15, 3, "transfer",
              site=True),
    Procedure("XD02", "Cấp chứng chỉ hành nghề hoạt động xây dựng", "CONSTRUCTION", 7, 5,
              "transfer"),
    Procedure("XD03", "Cấp giấy phép di dời công trình", "CONSTRUCTION", 10, 0.3, "transfer"),
    Procedure("YT01", "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh", "HEALTH", 10, 4,
              "transfer"),
    Procedure("YT02", "Cấp lại chứng chỉ hành nghề dược", "HEALTH", 3, 6, "transfer"),
    Procedure("YT05", "Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm", "HEALTH", 0.5, 3,
              "five_on_spot"),
]
ONLINE_SHARE = 0.45  # of each procedure's dossiers; online ones are submitted 06:00–23:00
P_DIGITISED, P_SUPPLEMENT, MAX_REQUESTS = 0.5, 0.12, 2
TRAY_SHARE, TRAY_CV = 0.3, 0.9  # department in-tray (registration, assignment): pure delay
SITE = (DAY, DAY / 2)  # site inspection mean, sd (working minutes)
RELEASES = (90.0, 330.0)  # courier releases at 09:00 and 15:00 (working minutes into the day)

MOVED = ["TP02", "YT01"]  # five_on_spot reform: these move to 5 tại chỗ
CUT, CUT_DAYS = ["TP01", "XD02"], 2.0  # deadline_cut reform: legal time cut, work unchanged
STAFFED_AGENCY = "CONSTRUCTION"  # extra_handler reform: one more handler from the start

_U = {k: i for i, k in enumerate("digitised send leader back ask0 ask1 ask2".split())}
_Z = {k: i for i, k in enumerate(
    "receive tray appraise site sign collect on_spot wait0 wait1 wait2".split())}


@dataclass(frozen=True)
class Reform:
    """A reform of the centre, applied from the start of the run.

    ``moved``: procedures that run on 5 tại chỗ (on-spot service drawn from their department's
    on-spot distribution, one more delegated officer per affected department, legal times
    unchanged); ``cut``: procedures whose legal time loses ``cut_days`` (only due dates move);
    ``staffed``: an agency code that gets one more handler with the same files in hand.
    """

    moved: tuple[str, ...] = ()
    cut: tuple[str, ...] = ()
    cut_days: float = 0.0
    staffed: str | None = None


REFORMS = {"five_on_spot": Reform(moved=tuple(MOVED)),
           "deadline_cut": Reform(cut=tuple(CUT), cut_days=CUT_DAYS),
           "extra_handler": Reform(staffed=STAFFED_AGENCY)}


class WorkClock:
    """Working-minute clock over 2015–2032: 0 is the first office opening of 2015.

    Working days are Mon–Fri minus ``holidays.country_holidays("VN")`` (plus the swapped
    Saturdays the package records), then ``calendar_overrides.csv``. Each working day is one
    block of 450 minutes: 240 in the morning session, 210 in the afternoon one.
    """

    def __init__(self, years: range = range(2015, 2033), overrides: Path = OVERRIDES):
        days = pd.date_range(f"{years[0]}-01-01", f"{years[-1]}-12-31", freq="D")
        vn = holidays.country_holidays("VN", years=list(years))
        work = (days.day_of_week < 5) & ~days.isin(pd.to_datetime(list(vn)))
        work |= days.isin(pd.to_datetime(sorted(getattr(vn, "weekend_workdays", ()))))
        table = pd.read_csv(overrides, parse_dates=["date"])
        for date, flag in zip(table["date"], table["is_working_day"], strict=True):
            work[days == date] = bool(flag)
        self.dates = days[work]
        self._days = self.dates.values.astype("datetime64[D]").astype(np.int64)  # epoch days

    def clocks(self, walls) -> np.ndarray:
        """Working-minute clock of wall times (naive = local); outside hours → next opening."""
        idx = pd.DatetimeIndex(pd.to_datetime(walls))
        idx = idx.tz_localize(TZ) if idx.tz is None else idx.tz_convert(TZ)
        ns = idx.tz_localize(None).as_unit("ns").asi8
        day = ns // _NS_DAY
        minute = (ns - day * _NS_DAY) / _NS_MIN
        k = np.searchsorted(self._days, day)
        on = self._days[np.minimum(k, len(self._days) - 1)] == day
        r = np.select([minute < 450, minute < 690, minute < 810, minute < 1020],
                      [0.0, minute - 450, 240.0, minute - 570], DAY)
        return k * DAY + np.where(on, r, 0.0)

    def walls(self, clocks, opening: bool = False) -> pd.DatetimeIndex:
        """Wall times of clock values.

        A clock value at a session bound is that session's end (17:00, 11:30), or with
        ``opening`` the opening of the next session (07:30, 13:30): use it for start times.
        """
        c = np.asarray(clocks, dtype=float)
        d = np.floor(c / DAY).astype(np.int64)
        r = c - d * DAY
        if not opening:
            back = (r == 0) & (d > 0)
            d, r = d - back, np.where(back, DAY, r)
        morning = (r < 240) | ((r == 240) & (not opening))
        minute = np.where(morning, 450 + r, 570 + r)
        ns = self._days[d] * _NS_DAY + np.round(minute * _NS_MIN).astype(np.int64)
        return pd.DatetimeIndex(pd.to_datetime(ns, unit="ns")).tz_localize(TZ)

    def to_clock(self, wall) -> float:
        """Clock of one wall time (a time outside hours maps to the next opening)."""
        return float(self.clocks([pd.Timestamp(wall)])[0])

    def to_wall(self, clock: float, opening: bool = False) -> pd.Timestamp:
        """Wall time of one clock value (exactly at a session end: that end)."""
        return self.walls([clock], opening)[0]


@functools.cache
def workclock() -> WorkClock:
    """Return the shared WorkClock (built once)."""
    return WorkClock()


def _stamp(value) -> pd.Timestamp:
    ts = pd.Timestamp(value)
    return ts.tz_localize(TZ) if ts.tz is None else ts.tz_convert(TZ)


class _Pool:
    """Named officers (``units`` places each) behind one SimPy priority resource.

    The officer with the most free places takes the next file (ties: the lowest number).
    """

    def __init__(self, env: simpy.Environment, names: list[str], units: int, agency: str):
        self.res = simpy.PriorityResource(env, capacity=len(names) * units)
        self.free = dict.fromkeys(names, units)
        self.agency = agency

    def take(self) -> str:
        name = max(self.free, key=self.free.get)
        self.free[name] -= 1
        return name


@dataclass
class _Dossier:
    index: int
    proc: Procedure
    channel: str
    arrive_wall: pd.Timestamp
    arrive: float
    u: np.ndarray = None
    z: np.ndarray = None
    digitised: bool = True
    model: str = "transfer"
    received: float = np.nan
    pause: float = 0.0

    def logn(self, slot: str, mean: float, sd: float) -> float:
        """Lognormal draw with this mean and sd from the dossier's own normal in ``slot``."""
        s2 = np.log1p((sd / mean) ** 2)
        return float(mean * np.exp(np.sqrt(s2) * self.z[_Z[slot]] - s2 / 2))


class _Centre:
    """The SimPy model: pools, dossier processes and the raw event list."""

    def __init__(self, seed: int, reform: Reform, clock: WorkClock, t0: float):
        self.env, self.seed, self.reform, self.clock = simpy.Environment(t0), seed, reform, clock
        self.rows: list[tuple] = []
        self.trips: dict[tuple[int, int], float] = {}
        self.counter = _Pool(self.env, [f"centre-counter-{i:02d}" for i in
                                        range(1, COUNTERS + 1)], 1, CENTRE)
        self.handlers, self.leaders, self.on_spot = {}, {}, {}
        desks = {p.agency for p in PROCEDURES if p.pid in reform.moved}
        for code, a in AGENCIES.items():
            n = a.handlers + (code == reform.staffed)
            self.handlers[code] = _Pool(self.env, [f"{code}-handler-{i:02d}" for i in
                                                   range(1, n + 1)], a.files, a.name)
            self.leaders[code] = _Pool(self.env, [f"{code}-leader"], 1, a.name)
            n = a.on_spot + (code in desks)
            if n:
                self.on_spot[code] = _Pool(self.env, [f"{code}-on-spot-{i:02d}" for i in
                                                      range(1, n + 1)], 1, a.name)

    def log(self, d, activity, start, end, resource, agency):
        self.rows.append((d.index, activity, start, end, resource, agency))

    def work(self, d: _Dossier, pool: _Pool, steps, priority: int = 0):
        """Hold one officer of ``pool`` for consecutive ``steps`` (activity, minutes)."""
        ends = {}
        with pool.res.request(priority=priority) as req:
            yield req
            name = pool.take()
            for activity, minutes in steps:
                start = self.env.now
                if minutes:
                    yield self.env.timeout(minutes)
                self.log(d, activity, start, self.env.now, name, pool.agency)
                ends[activity] = self.env.now
            pool.free[name] += 1
        return ends

    def courier(self, d: _Dossier, activity: str, leg: int):
        """Wait for the next 09:00/15:00 release; the trip (20–40 min) is the release's own."""
        day = np.floor(self.env.now / DAY)
        times = [day * DAY + r for r in RELEASES] + [(day + 1) * DAY + RELEASES[0]]
        slot = next(i for i, t in enumerate(times) if t >= self.env.now)
        key = (int(2 * day) + slot, leg)
        if key not in self.trips:
            self.trips[key] = 20 + 20 * np.random.default_rng([self.seed, 3, *key]).random()
        release = times[slot]
        yield self.env.timeout(release + self.trips[key] - self.env.now)
        self.log(d, activity, release, self.env.now, "courier", CENTRE)

    def citizen(self, d: _Dossier, slot: str, mean_days: float, sd_days: float):
        """Wait a citizen's wall-clock delay; they come back at the next office time after it."""
        target = self.clock.to_wall(self.env.now) + pd.Timedelta(days=d.logn(slot, mean_days,
                                                                            sd_days))
        yield self.env.timeout(max(0.0, self.clock.to_clock(target) - self.env.now))

    def dossier(self, d: _Dossier):
        """Run one dossier from its arrival to the delivery of its result."""
        env, p, u = self.env, d.proc, d.u
        yield env.timeout(d.arrive - env.now)
        online = d.channel == "online_partial"
        if online:
            self.log(d, "submit_online", np.nan, np.nan, None, None)
        prio = int(online)
        paper = not d.digitised
        steps = [("receive", d.logn("receive", 12, 6))]
        if d.model == "transfer" and not paper:
            steps.append(("transfer_to_agency", 1 + 2 * u[_U["send"]]))
        d.received = (yield from self.work(d, self.counter, steps, prio))["receive"]
        if d.model == "five_on_spot":
            yield from self.work(d, self.on_spot[p.agency],
                                 [("appraise_approve_on_spot", d.logn("on_spot", 40, 20))])
            yield from self.work(d, self.counter, [("deliver_result", 5)], prio)
            return
        agency = AGENCIES[p.agency]
        if paper:
            yield from self.courier(d, "transfer_to_agency", 0)
        tray = TRAY_SHARE * p.legal_days * DAY
        yield env.timeout(d.logn("tray", tray, TRAY_CV * tray))
        work = d.logn("appraise", agency.appraise_share * p.legal_days * DAY,
                      0.6 * agency.appraise_share * p.legal_days * DAY)
        for k in range(MAX_REQUESTS + 1):
            if k < MAX_REQUESTS and u[_U[f"ask{k}"]] < P_SUPPLEMENT:
                yield from self.work(d, self.handlers[p.agency],
                                     [("appraise", work / 3), ("request_supplement", 0)])
                work, asked = work * 2 / 3, env.now
                yield from self.citizen(d, f"wait{k}", 3, 2)
                yield from self.work(d, self.counter, [("supplement_received", 5)])
                d.pause += env.now - asked
                continue
            steps = [("appraise", work)] + ([("site_inspection", d.logn("site", *SITE))]
                                            if p.site else [])
            yield from self.work(d, self.handlers[p.agency], steps)
            break
        yield env.timeout(u[_U["leader"]] * DAY)
        steps = [("approve_sign", d.logn("sign", 15, 8))]
        if not paper:
            steps.append(("return_to_centre", 1 + 2 * u[_U["back"]]))
        yield from self.work(d, self.leaders[p.agency], steps)
        if paper:
            yield from self.courier(d, "return_to_centre", 1)
        if online:
            yield from self.work(d, self.counter, [("deliver_result", 5)], 1)
        else:
            yield from self.citizen(d, "collect", 2, 1.5)
            yield from self.work(d, self.counter, [("deliver_result", 5)], 0)


def _arrivals(seed: int, clock: WorkClock, first: pd.Timestamp, end: pd.Timestamp) -> list:
    """Every procedure's arrivals in [first, end), each channel from its own stream."""
    c0, c1 = clock.to_clock(first), clock.to_clock(end)
    n_days = (end - first).days
    wd_per_day = (c1 - c0) / DAY / n_days
    out = []
    for i, p in enumerate(PROCEDURES):
        rng = np.random.default_rng([seed, 1, i, 0])
        rate = (1 - ONLINE_SHARE) * p.per_day / DAY  # per working minute
        t = np.sort(rng.uniform(c0, c1, rng.poisson(rate * (c1 - c0))))
        out += [(w, c, p, "in_person") for w, c in zip(clock.walls(t, True), t, strict=True)]
        rng = np.random.default_rng([seed, 1, i, 1])
        rate = ONLINE_SHARE * p.per_day * wd_per_day / 1020  # per online minute, 06:00–23:00
        m = np.sort(rng.uniform(0, n_days * 1020, rng.poisson(rate * n_days * 1020)))
        walls = first.normalize() + pd.to_timedelta(m // 1020, "D") + pd.to_timedelta(
            360 + m % 1020, "min")
        walls = walls[walls >= first]
        out += [(w, c, p, "online_partial")
                for w, c in zip(walls, clock.clocks(walls), strict=True)]
    return sorted(out, key=lambda a: (a[0], a[2].pid))


def run_centre(seed: int, *, start="2022-11-01", end="2024-01-01",
               reform: Reform | str | None = None, start_times: bool = True,
               warmup_days: int = 28) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Simulate the centre; return ``(events, cases)`` of the dossiers received in [start, end).

    Arrivals begin ``warmup_days`` before ``start`` so the centre is busy when the log opens;
    the run goes on until every dossier has its result delivered. ``reform`` is a ``Reform``
    or a name of ``REFORMS``. Timestamps are tz-aware, rounded to the second.
    """
    reform = REFORMS[reform] if isinstance(reform, str) else reform or Reform()
    clock, start, end = workclock(), _stamp(start), _stamp(end)
    first = start - pd.Timedelta(days=warmup_days)
    centre = _Centre(seed, reform, clock, clock.to_clock(first))
    dossiers = []
    for index, (wall, at, proc, channel) in enumerate(_arrivals(seed, clock, first, end)):
        rng = np.random.default_rng([seed, 2, index])
        d = _Dossier(index, proc, channel, wall, at, rng.random(len(_U)),
                     rng.standard_normal(len(_Z)))
        d.digitised = channel != "in_person" or d.u[_U["digitised"]] < P_DIGITISED
        d.model = "five_on_spot" if proc.pid in reform.moved else proc.model
        dossiers.append(d)
        centre.env.process(centre.dossier(d))
    centre.env.run()

    lo, hi = clock.to_clock(start), clock.to_clock(end)
    kept = [d for d in dossiers if lo <= d.received < hi]
    ids = {d.index: f"HS-{d.index + 1:06d}" for d in kept}
    ev = pd.DataFrame([r for r in centre.rows if r[0] in ids],
                      columns=["index", "activity", "s", "e", "resource", "agency"])
    walls = {d.index: d.arrive_wall for d in kept}
    submit = ev["activity"].eq("submit_online")
    ts = pd.Series(clock.walls(ev["e"].fillna(0)).round("s"), index=ev.index)
    ts[submit] = ev.loc[submit, "index"].map(walls).dt.round("s")
    st = pd.Series(clock.walls(ev["s"].fillna(0), opening=True).round("s"), index=ev.index)
    st[submit] = pd.NaT
    events = pd.DataFrame({"case_id": ev["index"].map(ids), "activity": ev["activity"],
                           "timestamp": ts, "start_timestamp": st, "resource": ev["resource"],
                           "agency": ev["agency"]})
    events = events.sort_values(["case_id", "timestamp"], kind="stable").reset_index(drop=True)
    if not start_times:
        events = events.drop(columns="start_timestamp")
    legal = np.array([d.proc.legal_days - (reform.cut_days if d.proc.pid in reform.cut else 0)
                      for d in kept])
    received = np.array([d.received for d in kept])
    cases = pd.DataFrame({
        "case_id": [ids[d.index] for d in kept],
        "procedure_id": [d.proc.pid for d in kept],
        "procedure_name": [d.proc.name for d in kept],
        "channel": [d.channel for d in kept],
        "digitised": [d.digitised for d in kept],
        "model": [d.model for d in kept],
        "received_at": clock.walls(received).round("s"),
        "due_at": clock.walls(received + legal * DAY + [d.pause for d in kept]).round("s")})
    return events, cases.sort_values("case_id").reset_index(drop=True)


def write_log(events: pd.DataFrame, cases: pd.DataFrame, folder) -> tuple[Path, Path]:
    """Write ``events.csv`` and ``cases.csv`` (UTF-8, ISO timestamps with offset) to folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = folder / "events.csv", folder / "cases.csv"
    for table, path in zip((events, cases), paths, strict=True):
        table = table.copy()
        for column in table.select_dtypes("datetimetz"):
            table[column] = table[column].map(lambda t: "" if pd.isna(t) else t.isoformat())
        table.to_csv(path, index=False, encoding="utf-8")
    return paths


def _times(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, utc=True).dt.tz_convert(TZ)


def _result_ready(events: pd.DataFrame) -> pd.Series:
    ready = events["activity"].isin(["return_to_centre", "appraise_approve_on_spot"])
    return events[ready].groupby("case_id")["timestamp"].max()


def truth(events: pd.DataFrame, cases: pd.DataFrame, procedures, start, end) -> dict:
    """Return the figures a reform is judged on, from the log alone.

    Over the dossiers of ``procedures`` received in [start, end): ``n_dossiers``,
    ``lead_time_working_days_median`` (receipt → result ready on the WorkClock) and
    ``on_time_rate`` (result ready by ``due_at`` with at most one supplement request). The
    result is ready at the end of ``return_to_centre`` or ``appraise_approve_on_spot``.
    Timestamps may be tz-aware values or ISO text (a log read back from ``write_log``).
    """
    clock = workclock()
    procedures = [procedures] if isinstance(procedures, str) else list(procedures)
    events = events.assign(timestamp=_times(events["timestamp"]))
    cases = cases.assign(received_at=_times(cases["received_at"]), due_at=_times(cases["due_at"]))
    c = cases[cases["procedure_id"].isin(procedures)
              & cases["received_at"].between(_stamp(start), _stamp(end), inclusive="left")]
    ready = c["case_id"].map(_result_ready(events))
    asks = c["case_id"].map(events[events["activity"].eq("request_supplement")]
                            .groupby("case_id").size()).fillna(0)
    lead = (clock.clocks(ready) - clock.clocks(c["received_at"])) / DAY
    on_time = (ready <= c["due_at"]) & (asks <= 1)
    return {"n_dossiers": len(c), "lead_time_working_days_median": float(np.median(lead)),
            "on_time_rate": float(on_time.mean())}


def busy(events: pd.DataFrame, start, end, role: str = "handler") -> dict[str, float]:
    """Return the share of a role's places in use during office time in [start, end).

    ``role`` is "handler", "leader", "on-spot" or "counter"; per agency name; needs start
    times. A role's places are the officers seen in the log × their files in hand.
    """
    clock = workclock()
    lo, hi = clock.to_clock(_stamp(start)), clock.to_clock(_stamp(end))
    ev = events[events["resource"].str.contains(f"-{role}", na=False)]
    used = (np.minimum(clock.clocks(ev["timestamp"]), hi)
            - np.maximum(clock.clocks(ev["start_timestamp"]), lo)).clip(0)
    files = {a.name: a.files if role == "handler" else 1 for a in AGENCIES.values()}
    out = {}
    for agency, group in pd.Series(used, index=ev.index).groupby(ev["agency"]):
        places = ev.loc[group.index, "resource"].nunique() * files.get(agency, 1)
        out[agency] = float(group.sum() / (places * (hi - lo)))
    return out

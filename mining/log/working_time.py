"""Working-time calendar: a clock that counts only office hours on working days.

Every timestamp maps to a **working-minute clock**, the minutes of office time since 1 January
of the calendar's first year. A working duration is then a subtraction, and a due date is an
addition followed by the inverse mapping. Both directions go through one calendar table built
once (per date: working minutes before it and that day's office-hours intervals), fully
vectorised with numpy.

Working days are the office weekdays minus the public holidays of the calendar's country in
the ``holidays`` package (Vietnam by default; observed days included, plus the swapped Saturdays
it records as working days), then corrected by the project's override table
``datasets/calendar_overrides.csv`` (Vietnamese days: applied to a Vietnamese calendar only) and
by ``extra_holidays``. Naive timestamps are local time in the calendar's time zone
(Asia/Ho_Chi_Minh by default); aware ones in any zone are converted to it.

A log from another country chooses its calendar with a :class:`CalendarChoice` (from a mapping
file's ``"calendar"`` object or the command line's ``--country``, ``--timezone`` and
``--office-hours``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, time
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
import numpy as np
import pandas as pd

from dossierflow.mining.errors import CalendarError
from dossierflow.mining.vocabulary import COUNTRY, DATASETS_DIR, TZ

DEFAULT_OVERRIDES = DATASETS_DIR / "calendar_overrides.csv"
OVERRIDE_COLUMNS = ("date", "is_working_day", "source_doc", "note")

Session = tuple[time, time]

_NS_PER_MINUTE = 60_000_000_000
_NS_PER_DAY = 1440 * _NS_PER_MINUTE
_NAT = np.iinfo(np.int64).min
_WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DEFAULT_DAY_OFF_NAME = "Ngày nghỉ"


def _as_time(value: Any, what: str) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        try:
            return time.fromisoformat(value.strip())
        except ValueError:
            pass
    raise CalendarError(
        f"{what}: {value!r} is not a time of day.",
        fix="give session bounds as datetime.time or 'HH:MM' text, e.g. ('07:30', '11:30').",
    )


def _minute_of_day(t: time) -> float:
    return t.hour * 60 + t.minute + t.second / 60 + t.microsecond / 60_000_000


def _check_sessions(sessions: Iterable[Any], what: str) -> tuple[Session, ...]:
    checked = tuple(
        (_as_time(pair[0], what), _as_time(pair[1], what)) for pair in sessions
    )
    if not checked:
        raise CalendarError(f"{what} is empty.", fix="give at least one (start, end) session.")
    for start, end in checked:
        if start >= end:
            raise CalendarError(
                f"{what}: session {start:%H:%M}-{end:%H:%M} ends before it starts.",
                fix="write each session as (start, end) with start < end.",
            )
    for (_, end), (start, _) in zip(checked, checked[1:]):
        if start < end:
            raise CalendarError(
                f"{what}: sessions are out of order or overlap at {start:%H:%M}.",
                fix="list sessions in time order without overlaps, e.g. morning then afternoon.",
            )
    return checked


@dataclass(frozen=True)
class OfficeHours:
    """Office sessions of a working day and the weekdays that are working days.

    ``weekdays`` uses Monday = 0 … Sunday = 6. ``weekday_sessions`` optionally gives other
    sessions for some of those weekdays (e.g. ``{5: (("07:30", "11:30"),)}`` for Saturday
    mornings); a dict is accepted and stored as sorted pairs. A legal working day is one full
    day of the regular ``sessions``.
    """

    sessions: tuple[Session, ...] = ((time(7, 30), time(11, 30)), (time(13, 30), time(17, 0)))
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    weekday_sessions: tuple[tuple[int, tuple[Session, ...]], ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "sessions", _check_sessions(self.sessions, "office sessions"))
        weekdays = tuple(sorted({int(d) for d in self.weekdays}))
        if not weekdays or weekdays[0] < 0 or weekdays[-1] > 6:
            raise CalendarError(
                f"office weekdays {self.weekdays!r} are not a non-empty set of 0-6.",
                fix="use Monday = 0 … Sunday = 6, e.g. (0, 1, 2, 3, 4).",
            )
        object.__setattr__(self, "weekdays", weekdays)
        pairs = (
            self.weekday_sessions.items()
            if isinstance(self.weekday_sessions, Mapping)
            else self.weekday_sessions
        )
        special = {}
        for weekday, sessions in pairs:
            if int(weekday) not in weekdays:
                raise CalendarError(
                    f"sessions are given for weekday {weekday}, which is not an office weekday.",
                    fix=f"add {weekday} to weekdays or drop its sessions.",
                )
            name = _WEEKDAY_NAMES[int(weekday)]
            special[int(weekday)] = _check_sessions(sessions, f"office sessions on {name}")
        object.__setattr__(self, "weekday_sessions", tuple(sorted(special.items())))

    @property
    def minutes_per_day(self) -> float:
        """Minutes of one full working day (the regular sessions)."""
        return sum(_minute_of_day(end) - _minute_of_day(start) for start, end in self.sessions)

    def sessions_for(self, weekday: int) -> tuple[Session, ...]:
        """Sessions of a working day falling on ``weekday`` (regular ones unless overridden)."""
        return dict(self.weekday_sessions).get(weekday, self.sessions)


def _to_date(value: Any) -> date:
    return pd.Timestamp(value).date()


def _local_index(values: Any, tz: str = TZ) -> pd.DatetimeIndex:
    """Timestamps as naive local wall time of ``tz`` with nanosecond unit."""
    if isinstance(values, (str, date, np.datetime64)):
        values = [values]
    try:
        index = pd.DatetimeIndex(values)
    except (TypeError, ValueError):
        index = pd.DatetimeIndex([_local_timestamp(v, tz) for v in values])
    if index.tz is not None:
        index = index.tz_convert(tz).tz_localize(None)
    return index.as_unit("ns")


def _local_timestamp(value: Any, tz: str) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        raise CalendarError(
            f"{value!r} is not a timestamp.",
            fix="pass datetimes, pandas Timestamps or ISO text such as '2025-03-01 08:15'.",
        ) from exc
    if stamp is not pd.NaT and stamp.tz is not None:
        stamp = stamp.tz_convert(tz).tz_localize(None)
    return stamp


def _read_overrides(path: Path) -> list[tuple[date, bool, str, str]]:
    """Rows of the override table, validated; errors name the file, row and column."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CalendarError(
            f"the calendar override table cannot be read ({exc}).",
            file=where,
            fix="point `overrides` at a UTF-8 CSV file, or pass overrides=None.",
        ) from exc
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = header
    for column in OVERRIDE_COLUMNS[:3]:
        if column not in header:
            raise CalendarError(
                f"the column '{column}' is missing.",
                file=where,
                row=1,
                column=column,
                fix=f"start the file with the header line {','.join(OVERRIDE_COLUMNS)}",
            )
    rows: list[tuple[date, bool, str, str]] = []
    seen: dict[date, int] = {}
    for record in reader:
        row = reader.line_num
        raw_date = (record.get("date") or "").strip()
        try:
            day = date.fromisoformat(raw_date)
        except ValueError:
            raise CalendarError(
                f"'{raw_date}' is not a date.",
                file=where,
                row=row,
                column="date",
                fix="write dates as YYYY-MM-DD, e.g. 2025-04-26.",
            ) from None
        flag = (record.get("is_working_day") or "").strip()
        if flag not in ("0", "1"):
            raise CalendarError(
                f"'{flag}' is not 0 or 1.",
                file=where,
                row=row,
                column="is_working_day",
                fix="write 1 for a day worked (ngày làm bù), 0 for a day off.",
            )
        source = (record.get("source_doc") or "").strip()
        if not source:
            raise CalendarError(
                "the source document is empty.",
                file=where,
                row=row,
                column="source_doc",
                fix="name the decision or notice that fixes this day "
                    "(e.g. 'Thông báo 6150/TB-BLĐTBXH').",
            )
        if day in seen:
            raise CalendarError(
                f"{day:%d/%m/%Y} is listed twice (first on row {seen[day]}).",
                file=where,
                row=row,
                column="date",
                fix="keep one row per date.",
            )
        seen[day] = row
        rows.append((day, flag == "1", source, (record.get("note") or "").strip()))
    return rows


def check_country(country: Any) -> str:
    """``country`` as a country code of the ``holidays`` package, or a CalendarError."""
    code = str(country).strip().upper()
    supported = _supported_countries()
    if code not in supported:
        raise CalendarError(
            f"{country!r} is not a country code of the public-holiday tables.",
            fix="give a two-letter ISO code such as VN, NL, FR or US "
                f"({len(supported)} countries are known).",
        )
    return code


@cache
def _supported_countries() -> frozenset[str]:
    return frozenset(holidays.list_supported_countries())


def check_timezone(timezone: Any) -> str:
    """``timezone`` as an IANA time-zone name, or a CalendarError."""
    name = str(timezone).strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CalendarError(
            f"{timezone!r} is not a time zone.",
            fix="give an IANA name such as Asia/Ho_Chi_Minh or Europe/Amsterdam.",
        ) from None
    return name


def _public_holidays(country: str, years: range) -> holidays.HolidayBase:
    """The country's public holidays, named in Vietnamese where the package can."""
    probe = holidays.country_holidays(country, years=years.start)
    language = "vi" if "vi" in probe.supported_languages else None
    return holidays.country_holidays(country, years=years, language=language)


def parse_office_hours(text: str) -> tuple[Session, ...]:
    """Office sessions from text such as ``09:00-12:00,13:00-17:00``."""
    fix = "write sessions as HH:MM-HH:MM separated by commas, e.g. 09:00-12:00,13:00-17:00."
    sessions = []
    for part in str(text).split(","):
        bounds = [b.strip() for b in part.replace("–", "-").split("-")]
        if len(bounds) != 2:
            raise CalendarError(f"office hours {part.strip()!r} are not a session.", fix=fix)
        sessions.append((_as_time(bounds[0], "office hours"), _as_time(bounds[1], "office hours")))
    return _check_sessions(sessions, "office hours")


CALENDAR_KEYS = ("country", "timezone", "sessions", "weekdays")


@dataclass(frozen=True)
class CalendarChoice:
    """The calendar a user chose for a log; fields left None keep the defaults (Vietnam,
    Asia/Ho_Chi_Minh, OfficeHours' sessions and weekdays). Checked on construction."""

    country: str | None = None
    timezone: str | None = None
    sessions: tuple[Session, ...] | None = None
    weekdays: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        if self.country is not None:
            object.__setattr__(self, "country", check_country(self.country))
        if self.timezone is not None:
            object.__setattr__(self, "timezone", check_timezone(self.timezone))
        if self.sessions is not None or self.weekdays is not None:
            hours = self.office_hours()
            object.__setattr__(self, "sessions", hours.sessions)
            object.__setattr__(self, "weekdays", hours.weekdays)

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any] | None, *,
                      file: str | None = None) -> CalendarChoice:
        """A choice from a mapping file's ``"calendar"`` object; errors name the key."""
        settings = settings or {}
        if not isinstance(settings, Mapping) or set(settings) - set(CALENDAR_KEYS):
            raise CalendarError(
                f"the calendar {settings!r} has keys other than {list(CALENDAR_KEYS)}.",
                file=file, column="calendar",
                fix='write it like {"country": "NL", "timezone": "Europe/Amsterdam", '
                    '"sessions": [["09:00", "17:00"]]}.')
        values: dict[str, Any] = {}
        for key in CALENDAR_KEYS:
            value = settings.get(key)
            try:
                if value is not None and key in ("sessions", "weekdays"):
                    value = tuple(tuple(v) for v in value) if key == "sessions" else tuple(value)
                cls(**{key: value})  # each key checked alone, so that errors can name it
            except (CalendarError, TypeError, ValueError) as exc:
                bad = isinstance(exc, CalendarError)
                raise CalendarError(
                    exc.what if bad else f"{value!r} is malformed.", file=file,
                    column=f"calendar.{key}",
                    fix=exc.fix if bad else 'give sessions as [["09:00", "17:00"]] and '
                                            "weekdays as numbers 0 (Monday) to 6 (Sunday).",
                ) from None
            values[key] = value
        return cls(**values)

    def over(self, other: CalendarChoice) -> CalendarChoice:
        """This choice, with ``other``'s values where this one leaves a field None."""
        return replace(other, **{f.name: getattr(self, f.name) for f in fields(self)
                                 if getattr(self, f.name) is not None})

    def office_hours(self) -> OfficeHours:
        """The chosen sessions and weekdays (defaults where not chosen)."""
        default = OfficeHours()
        return OfficeHours(sessions=self.sessions or default.sessions,
                           weekdays=self.weekdays or default.weekdays)

    @property
    def zone(self) -> str:
        """The chosen time zone, else Asia/Ho_Chi_Minh."""
        return self.timezone or TZ

    def calendar(self, first_year: int = 2000, last_year: int = 2040) -> WorkCalendar:
        """The working calendar of this choice."""
        return WorkCalendar(self.office_hours(), first_year=first_year, last_year=last_year,
                            country=self.country or COUNTRY, timezone=self.zone)


def _session_grid(office_hours: OfficeHours) -> tuple[np.ndarray, np.ndarray]:
    """Per weekday (rows) and session (columns): the session's start minute and length; a
    weekday with fewer sessions pads with empty ones at its last end."""
    day_sessions = [
        tuple((_minute_of_day(a), _minute_of_day(b))
              for a, b in (office_hours.sessions_for(wd) if wd in office_hours.weekdays
                           else office_hours.sessions))
        for wd in range(7)
    ]
    width = max(len(s) for s in day_sessions)
    starts = np.zeros((7, width))
    lengths = np.zeros((7, width))
    for wd, sessions in enumerate(day_sessions):
        for k in range(width):
            if k < len(sessions):
                starts[wd, k] = sessions[k][0]
                lengths[wd, k] = sessions[k][1] - sessions[k][0]
            else:
                starts[wd, k] = sessions[-1][1]
    return starts, lengths


class WorkCalendar:
    """Working-time calendar over whole years ``first_year``–``last_year`` (local time).

    ``country`` is a country code of the ``holidays`` package (its public holidays are days
    off); ``timezone`` the IANA zone whose wall clock the office hours are in.
    ``overrides`` is a CSV table ``date,is_working_day,source_doc,note`` applied on top of the
    ``holidays`` package (None: no table; the default table is Vietnamese and applies to
    ``country="VN"`` only); ``extra_holidays`` are further days off, as dates or a mapping
    date → name, and win over everything else.

    Methods take one timestamp or a sequence of them (Series, DatetimeIndex, numpy array, list)
    and return arrays; NaT/NaN give NaN/NaT.
    """

    def __init__(
        self,
        office_hours: OfficeHours = OfficeHours(),
        *,
        first_year: int = 2000,
        last_year: int = 2040,
        overrides: str | Path | None = DEFAULT_OVERRIDES,
        extra_holidays: Mapping[Any, str] | Iterable[Any] = (),
        country: str = COUNTRY,
        timezone: str = TZ,
    ) -> None:
        if first_year > last_year:
            raise CalendarError(
                f"first_year {first_year} is after last_year {last_year}.",
                fix="give first_year <= last_year.",
            )
        self.country = check_country(country)
        self.timezone = check_timezone(timezone)
        if self.country != COUNTRY and overrides == DEFAULT_OVERRIDES:
            overrides = None  # the project's table holds Vietnamese swapped days
        self.office_hours = office_hours
        self.first_year = first_year
        self.last_year = last_year
        epoch = np.datetime64(f"{first_year:04d}-01-01", "D")
        n_days = int((np.datetime64(f"{last_year + 1:04d}-01-01", "D") - epoch).astype(np.int64))
        self._epoch = epoch
        self._epoch_ns = int(epoch.astype("datetime64[ns]").astype(np.int64))
        self._n_days = n_days
        weekday = (epoch.astype(np.int64) + np.arange(n_days) + 3) % 7  # 1970-01-01 was a Thursday
        working = np.isin(weekday, office_hours.weekdays)
        names: dict[int, str] = {}

        def index_of(day: date) -> int | None:
            i = int((np.datetime64(day, "D") - epoch).astype(np.int64))
            return i if 0 <= i < n_days else None

        def set_day(day: date, is_working: bool, name: str | None) -> None:
            i = index_of(day)
            if i is None:
                return
            working[i] = is_working
            if is_working:
                names.pop(i, None)
            else:
                names[i] = name or _DEFAULT_DAY_OFF_NAME

        package = _public_holidays(self.country, range(first_year, last_year + 1))
        for day, name in package.items():
            set_day(day, False, name)
        for day in package.weekend_workdays:
            set_day(day, True, None)
        self.overrides_path = None if overrides is None else Path(overrides)
        if self.overrides_path is not None:
            for day, is_working, source, note in _read_overrides(self.overrides_path):
                set_day(day, is_working, names.get(index_of(day)) or note or source)
        extra = (
            extra_holidays.items()
            if isinstance(extra_holidays, Mapping)
            else ((day, None) for day in extra_holidays)
        )
        self._extra = {}
        for day, name in extra:
            self._extra[_to_date(day)] = name or _DEFAULT_DAY_OFF_NAME
            set_day(_to_date(day), False, name)

        starts, lengths = _session_grid(office_hours)
        width = starts.shape[1]
        self._starts = np.where(working[:, None], starts[weekday], 0.0)
        self._lengths = np.where(working[:, None], lengths[weekday], 0.0)
        self._ends_in_day = np.cumsum(self._lengths, axis=1)
        self._cum = np.concatenate([[0.0], np.cumsum(self._lengths.sum(axis=1))])
        self._start_cols = [np.ascontiguousarray(self._starts[:, k]) for k in range(width)]
        self._length_cols = [np.ascontiguousarray(self._lengths[:, k]) for k in range(width)]
        self._end_cols = [np.ascontiguousarray(self._ends_in_day[:, k]) for k in range(width)]
        self._working = working
        self._names = names

    def __repr__(self) -> str:
        return (
            f"WorkCalendar({self.office_hours!r}, first_year={self.first_year}, "
            f"last_year={self.last_year}, overrides={self.overrides_path!r}, "
            f"country={self.country!r}, timezone={self.timezone!r})"
        )

    def describe(self) -> str:
        """One line for reports: country, time zone, office hours and weekdays."""
        hours = self.office_hours
        sessions = ", ".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in hours.sessions)
        days = ", ".join(_WEEKDAY_NAMES[d] for d in hours.weekdays)
        return (f"calendar: public holidays of {self.country}, time zone {self.timezone}, "
                f"office hours {sessions} on {days}")

    def covering(self, first_year: int, last_year: int) -> WorkCalendar:
        """The same calendar over at least ``first_year``–``last_year`` (self when it does)."""
        if self.first_year <= first_year and self.last_year >= last_year:
            return self
        return WorkCalendar(self.office_hours, first_year=min(first_year, self.first_year),
                            last_year=max(last_year, self.last_year),
                            overrides=self.overrides_path, extra_holidays=self._extra,
                            country=self.country, timezone=self.timezone)

    @property
    def minutes_per_day(self) -> float:
        """Working minutes of one legal day (one full day of office hours)."""
        return self.office_hours.minutes_per_day

    @property
    def epoch(self) -> pd.Timestamp:
        """The local midnight where the working-minute clock is 0."""
        return pd.Timestamp(self._epoch).tz_localize(self.timezone)

    # -- mapping timestamps onto the table ---------------------------------------------------

    def _locate(self, values: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Day index, minute of day and NaT mask of local timestamps; range-checked."""
        ns = _local_index(values, self.timezone).asi8
        nat = ns == _NAT
        rel = np.where(nat, 0, ns - self._epoch_ns)
        day = rel // _NS_PER_DAY
        outside = (day < 0) | (day >= self._n_days)
        if outside.any():
            bad = pd.Timestamp(int(ns[np.flatnonzero(outside)[0]]))
            raise CalendarError(
                f"{bad:%d/%m/%Y %H:%M} is outside the working calendar, which covers "
                f"{self.first_year}–{self.last_year}.",
                fix=f"build WorkCalendar(first_year=..., last_year=...) including {bad.year}.",
            )
        minute = (rel - day * _NS_PER_DAY) / _NS_PER_MINUTE
        return day, minute, nat

    def _day_indices(self, dates: Any) -> tuple[np.ndarray, np.ndarray]:
        day, _, nat = self._locate(dates)
        return day, nat

    def to_clock(self, ts: Any) -> np.ndarray:
        """Working minutes since the epoch; times outside office hours get the minutes so far."""
        day, minute, nat = self._locate(ts)
        clock = self._cum[day]
        for start, length in zip(self._start_cols, self._length_cols):
            clock = clock + np.minimum(np.maximum(minute - start[day], 0.0), length[day])
        clock[nat] = np.nan
        return clock

    def from_clock(self, minutes: Any) -> pd.DatetimeIndex:
        """Local timestamps of clock values; a value on a session end gives that session's end."""
        clock = np.atleast_1d(np.asarray(minutes, dtype=np.float64))
        missing = np.isnan(clock)
        total = self._cum[-1]
        outside = ~missing & ((clock < 0) | (clock > total))
        if outside.any():
            bad = clock[np.flatnonzero(outside)[0]]
            raise CalendarError(
                f"working-minute clock value {bad:g} is outside the calendar "
                f"(0–{total:g}, i.e. {self.first_year}–{self.last_year}).",
                fix="build WorkCalendar(first_year=..., last_year=...) wide enough for the result.",
            )
        clock = np.where(missing, 0.0, clock)
        day = np.searchsorted(self._cum[1:], clock, side="left")
        rest = clock - self._cum[day]
        k = np.zeros(len(clock), dtype=np.intp)
        for ends in self._end_cols[:-1]:
            k += ends[day] < rest
        minute = self._starts[day, k] + rest - (self._ends_in_day[day, k] - self._lengths[day, k])
        ns = self._epoch_ns + day * _NS_PER_DAY + np.rint(minute * _NS_PER_MINUTE).astype(np.int64)
        ns[missing] = _NAT
        return pd.DatetimeIndex(ns.view("datetime64[ns]")).tz_localize(
            self.timezone, ambiguous=False, nonexistent="shift_forward")

    # -- durations and due dates ---------------------------------------------------------------

    def working_minutes_between(self, start: Any, end: Any) -> np.ndarray:
        """Working minutes from ``start`` to ``end`` (negative when ``end`` is earlier)."""
        return self.to_clock(end) - self.to_clock(start)

    def working_days_between(self, start: Any, end: Any) -> np.ndarray:
        """Working days from ``start`` to ``end``, in legal days of ``minutes_per_day``."""
        return self.working_minutes_between(start, end) / self.minutes_per_day

    def add_working_minutes(self, start: Any, minutes: Any) -> pd.DatetimeIndex:
        """The moment ``minutes`` working minutes after ``start`` (before it if negative)."""
        return self.from_clock(self.to_clock(start) + np.asarray(minutes, dtype=np.float64))

    def add_working_days(self, start: Any, days: Any) -> pd.DatetimeIndex:
        """Due date ``days`` legal days after ``start``; fractions such as 0.5 are allowed."""
        minutes = np.asarray(days, dtype=np.float64) * self.minutes_per_day
        return self.add_working_minutes(start, minutes)

    # -- days --------------------------------------------------------------------------------

    def is_working_day(self, dates: Any) -> np.ndarray:
        """Whether each local date is a working day (False for NaT)."""
        day, nat = self._day_indices(dates)
        return self._working[day] & ~nat

    def holiday_name(self, day: Any) -> str | None:
        """Name of the holiday or day off on ``day`` (Vietnamese where known), else None."""
        i = int(self._day_indices(day)[0][0])
        return self._names.get(i)

    def sessions_on(self, day: Any) -> tuple[tuple[pd.Timestamp, pd.Timestamp], ...]:
        """The office sessions of ``day`` as local (start, end) timestamps; empty on a day off."""
        i = int(self._day_indices(day)[0][0])
        midnight = pd.Timestamp(self._epoch + np.timedelta64(i, "D")).tz_localize(self.timezone)
        return tuple(
            (
                midnight + pd.Timedelta(minutes=float(start)),
                midnight + pd.Timedelta(minutes=float(start + length)),
            )
            for start, length in zip(self._starts[i], self._lengths[i])
            if length > 0
        )

    def calendar_table(self) -> pd.DataFrame:
        """The calendar table: one row per date with the working minutes before it, whether it
        is a working day, its holiday name and its sessions as minutes after local midnight
        (``session_<k>_start``/``session_<k>_end``, null where the day has no such session)."""
        table = pd.DataFrame(
            {
                "date": pd.date_range(pd.Timestamp(self._epoch), periods=self._n_days,
                                      freq="D").date,
                "is_working_day": self._working,
                "working_minutes_before": self._cum[:-1],
                "holiday_name": pd.Series(self._names, dtype="string").reindex(range(self._n_days)),
            }
        )
        for k in range(self._starts.shape[1]):
            present = self._lengths[:, k] > 0
            table[f"session_{k + 1}_start"] = np.where(present, self._starts[:, k], np.nan)
            table[f"session_{k + 1}_end"] = np.where(
                present, self._starts[:, k] + self._lengths[:, k], np.nan
            )
        return table

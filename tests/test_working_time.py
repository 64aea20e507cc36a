"""Tests of the working-time clock (dossierflow.mining.log.working_time)."""

from __future__ import annotations

import time as timer
from datetime import UTC, date, datetime, time, timedelta, timezone

import holidays
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossierflow.mining.errors import CalendarError
from dossierflow.mining.log.working_time import DEFAULT_OVERRIDES, OfficeHours, WorkCalendar
from dossierflow.mining.vocabulary import TZ

CAL = WorkCalendar()
PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Property tests draw local timestamps (whole seconds) from 2023-01-01 to 2027-12-31.
BASE = datetime(2023, 1, 1)
SPAN_SECONDS = int((datetime(2028, 1, 1) - BASE).total_seconds()) - 1
moments = st.integers(0, SPAN_SECONDS).map(lambda s: BASE + timedelta(seconds=s))
PACKAGE = holidays.country_holidays("VN", years=range(2023, 2028))


def local(text: str) -> pd.Timestamp:
    return pd.Timestamp(text).tz_localize(TZ)


def one(values) -> float | pd.Timestamp:
    assert len(values) == 1
    return values[0]


def reference_minutes(start: datetime, end: datetime) -> float:
    """Working minutes from start to end (start <= end), counted day by day from the
    ``holidays`` package alone, independently of the calendar table."""
    total = 0.0
    day = start.date()
    while day <= end.date():
        off = day in PACKAGE and day not in PACKAGE.weekend_workdays
        weekend = day.weekday() >= 5 and day not in PACKAGE.weekend_workdays
        if not (off or weekend):
            for a, b in ((time(7, 30), time(11, 30)), (time(13, 30), time(17, 0))):
                lo = max(start, datetime.combine(day, a))
                hi = min(end, datetime.combine(day, b))
                total += max((hi - lo).total_seconds() / 60, 0.0)
        day += timedelta(days=1)
    return total


# -- spot checks -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # The worked examples of the specification.
        ("2023-03-01 15:09", 1, "2023-03-02 15:09"),
        ("2023-03-03 17:30", 0.5, "2023-03-06 11:15"),
        # The 17:00 boundary: one day from the opening is 17:00 of the same day.
        ("2023-03-01 07:30", 1, "2023-03-01 17:00"),
        ("2023-03-01 07:30", 0.5, "2023-03-01 11:15"),
        # Tết 2024: Thu 8/2 – Wed 14/2/2024 off.
        ("2024-02-07 10:00", 1, "2024-02-15 10:00"),
        ("2024-02-07 16:00", 0.5, "2024-02-15 10:15"),
        ("2024-02-09 09:00", 0.5, "2024-02-15 11:15"),
        # Tết 2026: Sat 14/2 – Sun 22/2/2026 off (statutory Mon 16/2 – Fri 20/2).
        ("2026-02-13 16:00", 1, "2026-02-23 16:00"),
        ("2026-02-12 08:00", 2, "2026-02-23 08:00"),
        ("2026-02-13 07:30", 1, "2026-02-13 17:00"),
        ("2026-02-17 10:00", 1, "2026-02-23 17:00"),
        # Tết 2025: Mon 27/1 – Fri 31/1/2025 off.
        ("2025-01-24 16:00", 1, "2025-02-03 16:00"),
        # 30/4–1/5/2025: Sat 26/4 worked, Fri 2/5 off.
        ("2025-04-25 16:00", 1, "2025-04-26 16:00"),
        ("2025-04-29 16:00", 1, "2025-05-05 16:00"),
        # Quốc khánh 2025: Mon 1/9 – Tue 2/9 off.
        ("2025-08-29 16:00", 1, "2025-09-03 16:00"),
        # Several weeks: 10 working days from a Monday morning end on the Friday after next.
        ("2023-03-06 07:30", 10, "2023-03-17 17:00"),
    ],
)
def test_due_dates(start, days, due):
    assert one(CAL.add_working_days(start, days)) == local(due)
    assert one(CAL.working_days_between(start, due)) == pytest.approx(days)


@pytest.mark.parametrize(
    ("start", "minutes", "end"),
    [
        ("2023-03-01 11:00", 30, "2023-03-01 11:30"),  # session end, not 13:30
        ("2023-03-01 11:00", 31, "2023-03-01 13:31"),
        ("2023-03-01 12:15", 1, "2023-03-01 13:31"),  # lunch break starts the clock at 13:30
        ("2023-03-01 16:00", 60, "2023-03-01 17:00"),
        ("2023-03-01 16:00", 61, "2023-03-02 07:31"),
        ("2023-03-01 20:00", 0.5, "2023-03-02 07:30:30"),
        ("2023-03-02 07:31", -61, "2023-03-01 16:00"),
    ],
)
def test_add_working_minutes_spot(start, minutes, end):
    assert one(CAL.add_working_minutes(start, minutes)) == local(end)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2023-03-01 11:30", "2023-03-01 13:30"),  # lunch break
        ("2023-03-01 17:00", "2023-03-02 07:30"),  # night
        ("2023-03-03 17:00", "2023-03-06 07:30"),  # weekend
        ("2024-02-07 17:00", "2024-02-15 07:30"),  # Tết 2024
        ("2026-02-13 17:00", "2026-02-23 07:30"),  # Tết 2026
        ("2025-08-29 17:00", "2025-09-03 07:30"),  # Quốc khánh 2025
    ],
)
def test_nothing_counts_outside_office_hours(start, end):
    assert one(CAL.working_minutes_between(start, end)) == 0.0


def test_clock_outside_hours_equals_previous_session_end_and_next_start():
    clocks = CAL.to_clock(
        ["2023-03-03 17:00", "2023-03-03 21:00", "2023-03-04 10:00", "2023-03-06 07:30"]
    )
    assert np.all(clocks == clocks[0])
    lunch = CAL.to_clock(["2023-03-01 11:30", "2023-03-01 12:00", "2023-03-01 13:30"])
    assert np.all(lunch == lunch[0])
    back = CAL.from_clock(clocks[:1].tolist() + lunch[:1].tolist())
    assert list(back) == [local("2023-03-03 17:00"), local("2023-03-01 11:30")]


def test_minutes_per_day_and_epoch():
    assert CAL.minutes_per_day == 450
    assert CAL.epoch == local("2000-01-01")
    assert (
        WorkCalendar(OfficeHours(sessions=(("08:00", "12:00"), ("13:00", "17:00")))).minutes_per_day
        == 480
    )


def test_days_and_names():
    days = [
        "2024-02-07",
        "2024-02-08",
        "2024-02-15",
        "2025-04-26",
        "2025-05-02",
        "2026-02-16",
        "2026-02-23",
    ]
    assert CAL.is_working_day(days).tolist() == [True, False, True, True, False, False, True]
    assert CAL.is_working_day(pd.Series([pd.NaT, pd.Timestamp("2024-02-15 23:00")])).tolist() == [
        False,
        True,
    ]
    assert CAL.holiday_name("2024-02-10") == "Tết Nguyên Đán"
    assert "Giao thừa" in CAL.holiday_name(date(2026, 2, 16))
    assert CAL.holiday_name("2024-02-15") is None
    assert CAL.holiday_name("2024-02-17") is None  # an ordinary Saturday is not a holiday
    assert CAL.holiday_name("2025-05-02")  # the swapped day off has a name


def test_sessions_on():
    assert CAL.sessions_on("2023-03-01") == (
        (local("2023-03-01 07:30"), local("2023-03-01 11:30")),
        (local("2023-03-01 13:30"), local("2023-03-01 17:00")),
    )
    assert CAL.sessions_on("2023-03-04") == ()
    assert len(CAL.sessions_on("2025-04-26")) == 2  # swapped Saturday is a full day


def test_calendar_table_matches_clock():
    table = CAL.calendar_table()
    row = table.loc[table["date"] == date(2024, 2, 15)].iloc[0]
    assert row["working_minutes_before"] == one(CAL.to_clock("2024-02-15 00:00"))
    assert (row["session_1_start"], row["session_2_end"]) == (450.0, 1020.0)
    tet = table.loc[table["date"] == date(2024, 2, 10)].iloc[0]
    assert not tet["is_working_day"] and tet["holiday_name"] == "Tết Nguyên Đán"
    assert np.isnan(tet["session_1_start"])
    assert len(table) == (date(2041, 1, 1) - date(2000, 1, 1)).days


# -- input forms, time zones, missing values ------------------------------------------------


def test_input_forms_agree():
    texts = ["2023-03-01 15:09", "2024-02-07 10:00", "2026-02-13 16:00"]
    expected = CAL.to_clock(texts)
    index = pd.DatetimeIndex(texts)
    forms = [
        pd.Series(index),
        index,
        index.tz_localize(TZ),
        index.tz_localize(TZ).tz_convert("UTC"),
        pd.Series(index.tz_localize(TZ).tz_convert("Europe/Berlin")),
        index.to_numpy(),
        [datetime.fromisoformat(t) for t in texts],
        # a list mixing zones and naive local values
        [
            datetime(2023, 3, 1, 8, 9, tzinfo=UTC),
            datetime(2024, 2, 7, 10, 0),
            datetime(2026, 2, 13, 18, 0, tzinfo=timezone(timedelta(hours=9))),
        ],
    ]
    for form in forms:
        np.testing.assert_array_equal(CAL.to_clock(form), expected)
    assert CAL.to_clock(pd.Timestamp("2023-03-01 08:09", tz="UTC"))[0] == expected[0]


def test_missing_values_pass_through():
    clocks = CAL.to_clock([None, "2023-03-01 15:09", pd.NaT])
    assert np.isnan(clocks[0]) and np.isnan(clocks[2]) and not np.isnan(clocks[1])
    due = CAL.add_working_days(pd.Series([pd.NaT, pd.Timestamp("2023-03-01 15:09")]), 1)
    assert due[0] is pd.NaT and due[1] == local("2023-03-02 15:09")
    assert CAL.add_working_minutes("2023-03-01 15:09", [np.nan, 10.0])[0] is pd.NaT
    assert str(CAL.from_clock([np.nan, 0.0]).tz) == TZ


def test_unreadable_timestamp():
    with pytest.raises(CalendarError, match="not a timestamp"):
        CAL.to_clock(["2023-03-01", "not a date"])


def test_outside_range():
    small = WorkCalendar(first_year=2020, last_year=2021, overrides=None)
    with pytest.raises(CalendarError) as info:
        small.to_clock(["2021-12-31 10:00", "2022-01-03 08:00"])
    assert "03/01/2022" in info.value.what and "2020–2021" in info.value.what
    assert "first_year" in info.value.fix and "2022" in info.value.fix
    with pytest.raises(CalendarError, match="outside"):
        small.to_clock("2019-12-31 23:59")
    with pytest.raises(CalendarError, match="outside the calendar"):
        small.add_working_days("2021-12-30 10:00", 5)
    with pytest.raises(CalendarError):
        small.from_clock(-1.0)
    with pytest.raises(CalendarError, match="after last_year"):
        WorkCalendar(first_year=2030, last_year=2020)


# -- office hours -----------------------------------------------------------------------------


def test_saturday_morning_sessions():
    hours = OfficeHours(weekdays=(0, 1, 2, 3, 4, 5), weekday_sessions={5: (("07:30", "11:30"),)})
    cal = WorkCalendar(hours, first_year=2023, last_year=2023, overrides=None)
    assert cal.minutes_per_day == 450
    assert cal.sessions_on("2023-03-04") == (
        (local("2023-03-04 07:30"), local("2023-03-04 11:30")),
    )
    # Fri 16:00 + 1 day: 60 min on Friday, 240 on Saturday morning, 150 on Monday.
    assert one(cal.add_working_days("2023-03-03 16:00", 1)) == local("2023-03-06 10:00")
    assert one(cal.working_minutes_between("2023-03-04 00:00", "2023-03-05 00:00")) == 240
    assert one(cal.working_minutes_between("2023-03-04 11:30", "2023-03-06 07:30")) == 0


def test_other_session_layouts():
    hours = OfficeHours(sessions=((time(8), time(12)), (time(13), time(17))))
    cal = WorkCalendar(hours, first_year=2023, last_year=2023, overrides=None)
    assert one(cal.add_working_days("2023-03-01 08:00", 0.5)) == local("2023-03-01 12:00")
    assert one(cal.add_working_days("2023-03-01 10:00", 0.5)) == local("2023-03-01 15:00")
    single = OfficeHours(sessions=(("07:00", "15:00"),), weekdays=(1, 2, 3, 4, 5))
    cal = WorkCalendar(single, first_year=2023, last_year=2023, overrides=None)
    assert cal.minutes_per_day == 480
    assert not cal.is_working_day("2023-03-06")[0]  # Monday
    assert one(cal.add_working_days("2023-03-03 14:00", 1)) == local("2023-03-04 14:00")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sessions": ()}, "empty"),
        ({"sessions": (("11:30", "07:30"),)}, "ends before it starts"),
        ({"sessions": (("13:30", "17:00"), ("07:30", "11:30"))}, "out of order or overlap"),
        ({"sessions": (("07:30", "12:00"), ("11:30", "17:00"))}, "out of order or overlap"),
        ({"sessions": (("7h30", "11:30"),)}, "not a time of day"),
        ({"weekdays": ()}, "weekdays"),
        ({"weekdays": (0, 7)}, "weekdays"),
        ({"weekday_sessions": {6: (("08:00", "11:00"),)}}, "not an office weekday"),
    ],
)
def test_office_hours_validation(kwargs, message):
    with pytest.raises(CalendarError, match=message):
        OfficeHours(**kwargs)


# -- override table ---------------------------------------------------------------------------


def write(tmp_path, text: str):
    path = tmp_path / "overrides.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_override_table_applies(tmp_path):
    path = write(
        tmp_path,
        "date,is_working_day,source_doc,note\n"
        "2023-03-01,0,QĐ test 1/2023,Nghỉ thử\n"
        "2023-03-04,1,QĐ test 1/2023,\n",
    )
    cal = WorkCalendar(first_year=2023, last_year=2023, overrides=path)
    assert cal.is_working_day(["2023-03-01", "2023-03-04"]).tolist() == [False, True]
    assert cal.holiday_name("2023-03-01") == "Nghỉ thử"
    assert one(cal.add_working_days("2023-02-28 16:00", 1)) == local("2023-03-02 16:00")
    assert one(cal.add_working_days("2023-03-03 16:00", 1)) == local("2023-03-04 16:00")


def test_extra_holidays_win():
    cal = WorkCalendar(
        first_year=2025, last_year=2025, extra_holidays={"2025-04-26": "Ngày nghỉ địa phương"}
    )
    assert not cal.is_working_day("2025-04-26")[0]
    assert cal.holiday_name("2025-04-26") == "Ngày nghỉ địa phương"
    cal = WorkCalendar(first_year=2025, last_year=2025, extra_holidays=[date(2025, 3, 3)])
    assert cal.holiday_name("2025-03-03") == "Ngày nghỉ"


@pytest.mark.parametrize(
    ("body", "row", "column"),
    [
        ("2025-04-26,1,TB 1,\n2025-13-01,0,TB 1,\n", 3, "date"),
        ("2025-04-26,yes,TB 1,\n", 2, "is_working_day"),
        ("2025-04-26,1,,\n", 2, "source_doc"),
        ("2025-04-26,1,TB 1,\n2025-05-02,0,TB 1,\n2025-04-26,0,TB 2,\n", 4, "date"),
    ],
)
def test_bad_override_rows(tmp_path, body, row, column):
    path = write(tmp_path, "date,is_working_day,source_doc,note\n" + body)
    with pytest.raises(CalendarError) as info:
        WorkCalendar(first_year=2025, last_year=2025, overrides=path)
    error = info.value
    assert (error.file, error.row, error.column) == (str(path), row, column)
    assert str(path) in str(error) and f"row {row}" in str(error) and error.fix


def test_bad_override_file(tmp_path):
    path = write(tmp_path, "day,working,source\n2025-04-26,1,x\n")
    with pytest.raises(CalendarError) as info:
        WorkCalendar(overrides=path)
    assert (info.value.row, info.value.column) == (1, "date")
    with pytest.raises(CalendarError, match="cannot be read") as info:
        WorkCalendar(overrides=tmp_path / "missing.csv")
    assert info.value.file == str(tmp_path / "missing.csv")


def test_shipped_overrides_are_sourced_and_agree_with_the_package():
    table = pd.read_csv(DEFAULT_OVERRIDES, dtype=str, keep_default_na=False)
    assert list(table.columns) == ["date", "is_working_day", "source_doc", "note"]
    assert (table["source_doc"].str.strip() != "").all()
    years = {int(d[:4]) for d in table["date"]}
    package = holidays.country_holidays("VN", years=years)
    for day_text, flag in zip(table["date"], table["is_working_day"]):
        day = date.fromisoformat(day_text)
        if day in package.weekend_workdays:
            assert flag == "1", day
        elif day in package:
            assert flag == "0", day
        assert CAL.is_working_day(day_text)[0] == (flag == "1")


# -- properties -------------------------------------------------------------------------------


@PROPS
@given(moments, st.floats(-3 * 450, 30 * 450, allow_nan=False))
def test_add_then_measure_round_trips(start, minutes):
    if one(CAL.to_clock(start)) + minutes < 0:
        minutes = -minutes
    end = CAL.add_working_minutes(start, minutes)
    assert one(CAL.working_minutes_between(start, end)) == pytest.approx(minutes, abs=1e-6)


@PROPS
@given(st.lists(moments, min_size=3, max_size=3))
def test_durations_are_additive(points):
    a, b, c = points
    ab, bc, ac = (one(CAL.working_minutes_between(x, y)) for x, y in ((a, b), (b, c), (a, c)))
    assert ab + bc == pytest.approx(ac, abs=1e-6)


@PROPS
@given(st.lists(moments, min_size=2, max_size=60))
def test_clock_is_monotone(points):
    clocks = CAL.to_clock(sorted(points))
    assert np.all(np.diff(clocks) >= 0)


@PROPS
@given(moments, st.integers(0, 20 * 86400))
def test_matches_day_by_day_reference(start, seconds):
    end = start + timedelta(seconds=seconds)
    if end >= datetime(2028, 1, 1):
        return
    assert one(CAL.working_minutes_between(start, end)) == pytest.approx(
        reference_minutes(start, end), abs=1e-6
    )


NON_WORKING_DAYS = [
    day
    for day in pd.date_range("2023-01-01", "2027-12-31", freq="D").date
    if not CAL.is_working_day(day)[0]
]


@PROPS
@given(st.sampled_from(NON_WORKING_DAYS), st.integers(0, 86399), st.integers(0, 86399))
def test_nothing_counts_on_days_off(day, s1, s2):
    midnight = datetime.combine(day, time())
    a, b = sorted((midnight + timedelta(seconds=s1), midnight + timedelta(seconds=s2)))
    assert one(CAL.working_minutes_between(a, b)) == 0.0


@PROPS
@given(moments, st.integers(0, 7200), st.integers(0, 7200))
def test_nothing_counts_at_lunch_or_night(start, s1, s2):
    day = start.date()
    lunch = datetime.combine(day, time(11, 30))
    night = datetime.combine(day, time(17, 0))
    lo, hi = sorted((s1, s2))
    for origin, span in ((lunch, 7200), (night, 14.5 * 3600)):
        a = origin + timedelta(seconds=lo * span / 7200)
        b = origin + timedelta(seconds=hi * span / 7200)
        assert one(CAL.working_minutes_between(a, b)) == 0.0


@PROPS
@given(st.floats(0, float(CAL.to_clock("2040-12-31 23:59")[0]), exclude_min=True))
def test_from_clock_inverts_to_clock(clock):
    moment = CAL.from_clock(clock)
    assert one(CAL.to_clock(moment)) == pytest.approx(clock, abs=1e-6)
    assert CAL.is_working_day(moment)[0]


# -- speed ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_four_million_timestamps_under_two_seconds():
    stamps = pd.Series(pd.date_range("2019-01-01", periods=4_000_000, freq="37s", tz="UTC"))
    best = float("inf")
    for _ in range(2):
        started = timer.perf_counter()
        clocks = CAL.to_clock(stamps)
        best = min(best, timer.perf_counter() - started)
    assert best < 2.0
    assert np.all(np.diff(clocks) >= 0)

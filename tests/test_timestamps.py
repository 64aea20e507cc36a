"""Timestamp parsing: format families, time zones, day/month order, failures and notes."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossierflow.mining.errors import TimestampError
from dossierflow.mining.io.timestamps import ParsedTimestamps, detect_order, parse_timestamps
from dossierflow.mining.vocabulary import TZ


def parse(values, **kwargs) -> ParsedTimestamps:
    kwargs.setdefault("column", "t")
    return parse_timestamps(pd.Series(values), **kwargs)


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


@pytest.mark.parametrize(
    ("value", "family", "expected_utc"),
    [
        # ISO 8601, with and without offset (naive = Asia/Ho_Chi_Minh, +07:00)
        ("2023-03-01T15:09:00+07:00", "iso8601", "2023-03-01 08:09:00"),
        ("2023-03-01 15:09:00", "iso8601", "2023-03-01 08:09:00"),
        ("2023-03-01T15:09", "iso8601", "2023-03-01 08:09:00"),
        ("2023-03-01T08:09:00Z", "iso8601", "2023-03-01 08:09:00"),
        ("2023-03-01T08:09:00.123456Z", "iso8601", "2023-03-01 08:09:00.123456"),
        ("2023-03-01 15:09:00,5", "iso8601", "2023-03-01 08:09:00.5"),
        ("2023-03-01 15:09:00 +0700", "iso8601", "2023-03-01 08:09:00"),
        ("2023-03-01T10:09:00+03", "iso8601", "2023-03-01 07:09:00"),
        ("2023-03-01T03:09:00-05:00", "iso8601", "2023-03-01 08:09:00"),
        ("2011-10-11 13:45:40.276000+02:00", "iso8601", "2011-10-11 11:45:40.276"),
        ("2023-03-01", "iso8601", "2023-02-28 17:00:00"),
        ("2023/03/01 15:09", "iso8601", "2023-03-01 08:09:00"),
        # Vietnamese day-first
        ("13/03/2023 15:09", "day-first", "2023-03-13 08:09:00"),
        ("13/03/2023 15:09:30", "day-first", "2023-03-13 08:09:30"),
        ("13/3/2023 5:09", "day-first", "2023-03-12 22:09:00"),
        ("13-03-2023 15:09", "day-first", "2023-03-13 08:09:00"),
        ("13.03.2023", "day-first", "2023-03-12 17:00:00"),
        ("  13/03/2023 15:09 ", "day-first", "2023-03-13 08:09:00"),
        ("29/02/2024 00:00", "day-first", "2024-02-28 17:00:00"),
        # month-first, detected
        ("03/13/2023 15:09", "month-first", "2023-03-13 08:09:00"),
        # Excel serial days (local wall-clock), epoch seconds and milliseconds (UTC)
        ("45000.5", "excel-serial", "2023-03-15 05:00:00"),
        ("45000,5", "excel-serial", "2023-03-15 05:00:00"),
        ("45000", "excel-serial", "2023-03-14 17:00:00"),
        ("1677628800", "epoch-seconds", "2023-03-01 00:00:00"),
        ("1677628800123", "epoch-milliseconds", "2023-03-01 00:00:00.123"),
    ],
)
def test_text_formats(value, family, expected_utc):
    result = parse([value])
    assert result.values.iloc[0] == utc(expected_utc)
    assert result.formats == {family: 1}
    assert not result.failed.any() and not result.missing.any()


@pytest.mark.parametrize(
    ("values", "family", "expected_utc"),
    [
        (pd.to_datetime(["2023-03-01 15:09"]), "datetime", "2023-03-01 08:09"),
        (pd.to_datetime(["2023-03-01 08:09"]).tz_localize("UTC"), "datetime", "2023-03-01 08:09"),
        (pd.to_datetime(["2023-03-01 09:09"]).tz_localize("Europe/Paris"), "datetime",
         "2023-03-01 08:09"),
        (pd.Series([dt.datetime(2023, 3, 1, 15, 9)], dtype=object), "datetime",
         "2023-03-01 08:09"),
        (pd.Series([dt.date(2023, 3, 1), None], dtype=object), "datetime", "2023-02-28 17:00"),
        (pd.Series([45000.5, np.nan]), "excel-serial", "2023-03-15 05:00"),
        (pd.Series([1677628800]), "epoch-seconds", "2023-03-01 00:00"),
        (pd.Series([1677628800123]), "epoch-milliseconds", "2023-03-01 00:00:00.123"),
    ],
)
def test_typed_inputs(values, family, expected_utc):
    result = parse_timestamps(pd.Series(values), column="t")
    assert result.values.iloc[0] == utc(expected_utc)
    assert result.formats == {family: 1}


def test_python_objects_of_several_kinds_are_read_by_family():
    values = pd.Series(
        [dt.datetime(2023, 3, 1, 15, 9), "13/03/2023 15:09", 45000.5, None], dtype=object
    )
    result = parse_timestamps(values, column="t")
    assert list(result.values.iloc[:3]) == [
        utc("2023-03-01 08:09"), utc("2023-03-13 08:09"), utc("2023-03-15 05:00")
    ]
    assert result.formats == {"iso8601": 1, "day-first": 1, "excel-serial": 1}
    assert result.missing.tolist() == [False, False, False, True]


def test_excel_serial_is_local_wall_clock():
    result = parse([45000.5])
    assert result.values.iloc[0] == pd.Timestamp("2023-03-15 12:00", tz=TZ)


@pytest.mark.parametrize(
    ("value", "expected_utc"),
    [
        ("2011-03-27 01:30:00+01:00", "2011-03-27 00:30"),  # CET, before the spring change
        ("2011-03-27 03:30:00+02:00", "2011-03-27 01:30"),  # CEST, after it
        ("2011-10-30 02:30:00+02:00", "2011-10-30 00:30"),  # the repeated hour, first time
        ("2011-10-30 02:30:00+01:00", "2011-10-30 01:30"),  # and second time
        ("2005-03-23 00:00:00+01:00", "2005-03-22 23:00"),
    ],
)
def test_dst_offsets_are_converted(value, expected_utc):
    result = parse([value])
    assert result.values.iloc[0] == utc(expected_utc)
    assert str(result.values.dtype) == f"datetime64[ns, {TZ}]"


def test_naive_times_in_a_zone_with_dst():
    values = ["2011-07-01 12:00:00", "2011-03-27 02:30:00", "2011-10-30 02:30:00"]
    result = parse(values, tz="Europe/Amsterdam")
    assert result.values.iloc[0] == utc("2011-07-01 10:00")
    assert result.values.iloc[1] == utc("2011-03-27 01:00")  # does not exist: shifted forward
    assert result.failed.tolist() == [False, False, True]  # happened twice: ambiguous
    assert str(result.values.dtype) == "datetime64[ns, Europe/Amsterdam]"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["13/01/2023", "01/02/2023 10:00"], "dmy"),
        (["1.2.2023", "25.12.2023"], "dmy"),
        (["01/13/2023 10:00", "02/01/2023"], "mdy"),
        (["01/02/2023", "03/04/2023 10:00", None], "ambiguous"),
        (["2023-01-13", "2023-02-01 10:00:00"], "ymd"),
        (["2023-01-13", "01/02/2023"], "ambiguous"),
        ([45000.5, 45001.0], "none"),
        (["abc", None], "none"),
        (pd.to_datetime(["2023-01-01"]), "none"),
    ],
)
def test_detect_order(values, expected):
    assert detect_order(pd.Series(values)) == expected


@pytest.mark.parametrize("reader", ["detect_order", "parse_timestamps"])
def test_mixed_day_first_and_month_first_is_an_error(reader):
    values = pd.Series(["13/01/2023", "01/02/2023", "01/13/2023"])
    call = detect_order if reader == "detect_order" else parse_timestamps
    with pytest.raises(TimestampError, match="mixes day-first and month-first") as caught:
        call(values, column="Ngày hẹn trả", row_numbers=np.array([6, 7, 8]))
    message = str(caught.value)
    assert "'13/01/2023' (row 6)" in message and "'01/13/2023' (row 8)" in message
    assert "Ngày hẹn trả" in message


def test_mixed_iso_and_day_first_are_each_read_with_a_note():
    result = parse(["2023-03-01 15:09:00", "13/03/2023 10:00", "2023-03-02T08:00:00+07:00"])
    assert list(result.values) == [
        utc("2023-03-01 08:09"), utc("2023-03-13 03:00"), utc("2023-03-02 01:00")
    ]
    assert result.formats == {"iso8601": 2, "day-first": 1}
    assert any("mixes formats: 2 iso8601, 1 day-first" in note for note in result.notes)


def test_a_few_bad_values_fail_and_the_others_are_read():
    values = ["13/03/2023 10:00", "not a date", "31/02/2023 10:00", "14/03/2023 11:00",
              "14/03/2023 25:00", "01/01/0001"]
    result = parse(values)
    assert result.failed.tolist() == [False, True, True, False, True, True]
    assert not result.missing.any()
    assert result.values.iloc[0] == utc("2023-03-13 03:00")
    assert result.values.iloc[3] == utc("2023-03-14 04:00")
    assert result.values[result.failed].isna().all()
    assert any("4 values could not be read" in note for note in result.notes)


def test_all_bad_column_raises_with_column_and_row():
    with pytest.raises(TimestampError) as caught:
        parse(["abc", "xyz"], column="Ngày tiếp nhận", file="ho_so.csv",
              row_numbers=np.array([6, 7]))
    error = caught.value
    assert error.row == 6 and error.column == "Ngày tiếp nhận"
    message = str(error)
    assert "ho_so.csv" in message and "row 6" in message and "'Ngày tiếp nhận'" in message
    assert "'abc'" in message and "mapping file" in message


def test_ambiguous_column_without_order_is_read_day_first_mentioning_dayfirst():
    result = parse([None, "01/03/2023 15:09", "02/03/2023 10:00"], column="Ngày tiếp nhận")
    assert result.values.iloc[1] == pd.Timestamp("2023-03-01 15:09", tz=TZ)
    note = next(n for n in result.notes if "dayfirst" in n)
    assert "row 2" in note and "01 March 2023 day-first or 03 January 2023 month-first" in note


@pytest.mark.parametrize(
    ("order", "expected_local"),
    [("dmy", "2023-03-01 15:09"), ("mdy", "2023-01-03 15:09")],
)
def test_order_given_resolves_an_ambiguous_column(order, expected_local):
    result = parse(["01/03/2023 15:09", "02/03/2023 10:00"], order=order)
    assert result.values.iloc[0] == pd.Timestamp(expected_local, tz=TZ)
    assert any("as given" in note for note in result.notes)


def test_order_given_overrides_the_column():
    result = parse(["13/01/2023", "01/02/2023"], order="mdy")
    assert result.failed.tolist() == [True, False]
    assert result.values.iloc[1] == pd.Timestamp("2023-01-02", tz=TZ)
    mixed = parse(["13/01/2023", "01/02/2023", "01/13/2023"], order="dmy")
    assert mixed.failed.tolist() == [False, False, True]
    assert not any("as given" in note for note in mixed.notes)


def test_dates_whose_day_equals_month_need_no_order():
    result = parse(["01/01/2023", "02/02/2023 08:00"])
    assert result.values.iloc[1] == pd.Timestamp("2023-02-02 08:00", tz=TZ)


def test_missing_values_are_missing_not_failed():
    result = parse([None, "", "   ", np.nan, "13/03/2023 10:00"])
    assert result.missing.tolist() == [True, True, True, True, False]
    assert not result.failed.any()
    assert result.values.isna().tolist() == [True, True, True, True, False]
    assert result.formats == {"day-first": 1}


def test_a_column_with_nothing_in_it_is_empty_not_an_error():
    result = parse([None, ""])
    assert result.missing.all() and result.values.isna().all() and result.formats == {}


def test_index_dtype_and_notes():
    values = pd.Series(["13/03/2023 15:09", "14/03/2023 08:00", None], index=[10, 20, 30])
    result = parse_timestamps(values, column="Ngày tiếp nhận")
    assert list(result.values.index) == [10, 20, 30]
    assert str(result.values.dtype) == "datetime64[ns, Asia/Ho_Chi_Minh]"
    assert result.notes[0] == (
        "column 'Ngày tiếp nhận': 2 day-first dates (dd/mm/yyyy HH:MM), "
        "read as Asia/Ho_Chi_Minh local time."
    )
    assert "1 empty values" in result.notes[-1]


@pytest.mark.parametrize(
    ("value", "fmt", "expected_utc"),
    [
        ("20230301 1509", "%Y%m%d %H%M", "2023-03-01 08:09"),
        ("01/03/23 15:09", "%d/%m/%y %H:%M", "2023-03-01 08:09"),
        ("2023-03-01 15:09 +0100", "%Y-%m-%d %H:%M %z", "2023-03-01 14:09"),
    ],
)
def test_fmt_forces_one_format(value, fmt, expected_utc):
    result = parse([value, "13/03/2023 10:00"], fmt=fmt)
    assert result.values.iloc[0] == utc(expected_utc)
    assert result.failed.tolist() == [False, True]
    assert result.formats == {"format": 1}


def test_invalid_order_argument():
    with pytest.raises(ValueError, match="order"):
        parse(["13/03/2023"], order="dayfirst")


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=dt.datetime(1976, 1, 1), max_value=dt.datetime(2100, 12, 31)))
def test_day_first_round_trip(moment):
    moment = moment.replace(microsecond=0)
    result = parse([moment.strftime("%d/%m/%Y %H:%M:%S")], order="dmy")
    assert result.values.iloc[0].tz_localize(None) == pd.Timestamp(moment)


@settings(max_examples=200, deadline=None)
@given(
    st.datetimes(min_value=dt.datetime(1976, 1, 1), max_value=dt.datetime(2100, 12, 31)),
    st.integers(min_value=-14 * 4, max_value=14 * 4),
)
def test_iso_round_trip(moment, quarter_hours):
    aware = moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=15 * quarter_hours)))
    result = parse([aware.isoformat()])
    assert result.values.iloc[0] == pd.Timestamp(aware)


def test_public_log_with_dst_offsets(public_dir):
    column = pd.read_csv(public_dir / "receipt.csv", dtype=str)["time:timestamp"]
    result = parse_timestamps(column, column="time:timestamp")
    assert not result.failed.any()
    assert result.formats == {"iso8601": len(column)}
    assert (result.values == pd.to_datetime(column, utc=True, format="ISO8601")).all()


def test_vietnamese_control_sheet(examples_dir):
    sheet = pd.read_csv(examples_dir / "phieu_kiem_soat.csv", dtype=str)
    order = detect_order(sheet["Thời gian hoàn thành"])
    for name in ("Thời gian giao", "Hạn xử lý", "Thời gian hoàn thành"):
        result = parse_timestamps(sheet[name], column=name, order=order)
        assert not result.failed.any()
        assert set(result.formats) == {"day-first"}

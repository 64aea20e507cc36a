"""Reading timestamp columns of event logs into time-zone-aware instants.

One column may hold several format families: ISO 8601 (with or without a UTC offset),
Vietnamese day-first dates (``dd/mm/yyyy HH:MM``), month-first dates, Excel serial day numbers,
Unix epoch seconds or milliseconds, and values the source already typed as dates. Each value is
read by its own family, without a Python loop over values: Arrow regular expressions split the
text into fields and NumPy turns the fields into nanoseconds.

Dates with the year last are read in the order the caller gives, else the one the column's own
values prove (a field above 12), else day-first, the Vietnamese way, with a note.

Values without a UTC offset are wall-clock times in the log's zone (``vocabulary.TZ``,
Asia/Ho_Chi_Minh, unless told otherwise); values with an offset and epoch numbers are instants
and are converted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dossierflow.mining.errors import TimestampError
from dossierflow.mining.vocabulary import TZ

__all__ = ["ParsedTimestamps", "detect_order", "parse_timestamps"]

Order = Literal["dmy", "mdy", "ymd", "ambiguous", "none"]
YearLastOrder = Literal["dmy", "mdy"]  # how dates written with the year last are read

_FAMILIES = (
    "iso8601",
    "day-first",
    "month-first",
    "excel-serial",
    "epoch-seconds",
    "epoch-milliseconds",
    "datetime",
    "format",
)
_ISO, _DMY, _MDY, _EXCEL, _EPOCH_S, _EPOCH_MS, _TYPED, _FORMAT = range(len(_FAMILIES))
_NAMES = {
    _ISO: "ISO 8601 timestamps",
    _DMY: "day-first dates",
    _MDY: "month-first dates",
    _EXCEL: "Excel serial day numbers (days since 1899-12-30)",
    _EPOCH_S: "Unix times in seconds",
    _EPOCH_MS: "Unix times in milliseconds",
    _TYPED: "values typed as dates by the source",
}
_DATE_LAYOUTS = {_ISO: "yyyy{s}mm{s}dd", _DMY: "dd{s}mm{s}yyyy", _MDY: "mm{s}dd{s}yyyy"}
_TIME_LAYOUTS = ("", "{t}HH:MM", "{t}HH:MM:SS", "{t}HH:MM:SS.f")
_OFFSET_LAYOUTS = ("", "Z", "±HH:MM")

# Regular expressions run by Arrow (RE2). With at most four capture groups, none of them inside
# an optional group, and no ambiguity about which group a character belongs to, RE2 stays on its
# one-pass engine: measured 0.6-1.1 s for 4 million values, against 1.7-3.2 s otherwise.
_DATE = r"^(?P<f1>\d{1,4})[/.-](?P<f2>\d{1,2})[/.-](?P<f3>\d{1,4})(?P<rest>[ T].*)?$"
_TIME = (
    r"^[ T](?P<hh>\d{1,2}):(?P<mm>\d{2})(?::(?P<ss>\d{2}(?:[.,]\d{1,9})?))?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?$"
)
_NUMBER = r"^[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$"

_NAT = np.iinfo(np.int64).min
_SECOND = 10**9
_DAY = 86_400 * _SECOND
_EXCEL_ORIGIN = pd.Timestamp("1899-12-30").value
_YEARS = (1700, 2200)  # well inside the datetime64[ns] range, UTC offsets included
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


@dataclasses.dataclass
class ParsedTimestamps:
    """A parsed timestamp column.

    ``values`` has the input's index and dtype ``datetime64[ns, tz]``, NaT where a value is
    missing or failed. ``failed`` marks non-empty values that could not be read, ``missing``
    empty ones (None, NaN, NaT, blank text). ``formats`` counts the values read per format
    family, most common first; ``notes`` says in plain English how the column was read.
    """

    values: pd.Series
    failed: np.ndarray
    missing: np.ndarray
    formats: dict[str, int]
    notes: list[str]


def detect_order(
    values: pd.Series,
    *,
    column: str | None = None,
    file: str | None = None,
    row_numbers: np.ndarray | None = None,
) -> Order:
    """Tell the day/month order of a column's dates from its values.

    Among dates with the year last, a first field above 12 is evidence of day-first ("dmy"), a
    second field above 12 of month-first ("mdy"); "ambiguous" when no value settles it. Without
    such dates: "ymd" for year-first (ISO-like) dates, "none" otherwise (numbers, typed dates,
    nothing readable). Raises TimestampError when the column holds evidence of both orders;
    ``column``, ``file`` and ``row_numbers`` (1-based rows as the user sees them) only serve
    that message.
    """
    if _as_datetimes(values) is not None or _is_numeric(values):
        return "none"
    text, missing = _strings(values)
    present = np.flatnonzero(~missing)
    fields = _split_dates(text.take(present))
    if fields is None:
        return "none"
    if fields.year_last.any():
        example = _examples(text, present, _row_numbers(values, row_numbers))
        last = fields.hit[fields.year_last]
        return _decide_order(
            fields.f1[fields.year_last],
            fields.f2[fields.year_last],
            lambda k: example(int(last[k])),
            column,
            file,
        )
    return "ymd" if fields.year_first.any() else "none"


def parse_timestamps(
    values: pd.Series,
    *,
    column: str,
    file: str | None = None,
    row_numbers: np.ndarray | None = None,
    order: YearLastOrder | None = None,
    fmt: str | None = None,
    tz: str = TZ,
) -> ParsedTimestamps:
    """Read a timestamp column, each value by its own format family.

    ``row_numbers`` are the 1-based rows the user sees for each value (default: position + 1).
    ``order`` ("dmy" or "mdy") sets the order of dates written with the year last, e.g. when
    another column of the file settles it; otherwise this column's values decide. ``fmt`` (a
    strptime format) forces one format for every value not already typed as a date. Values
    without a UTC offset are wall-clock times in ``tz``; values with an offset and epoch numbers
    are converted; the result is in ``tz``. Values that cannot be read are marked ``failed``.

    Without ``order``, dates that read differently both ways and that nothing in the column
    settles are read day-first (the Vietnamese way), with a note.

    Raises TimestampError when no non-empty value can be read, or, without ``order``, when the
    column mixes day-first and month-first dates.
    """
    if order not in (None, "dmy", "mdy"):
        raise ValueError(f"order must be 'dmy', 'mdy' or None, not {order!r}")
    rows = _row_numbers(values, row_numbers)
    notes: list[str] = []
    missing, present, part = _read_values(values, rows, order, fmt, column, file, notes)
    reading = _Part.empty(len(values))
    reading.put(present, part)
    utc = _to_utc(reading, tz)
    read = utc != _NAT
    if present.size and not read.any():
        first = int(present[0])
        raise TimestampError(
            f"none of the {present.size} non-empty values can be read as a date and time, "
            f"e.g. {_show(values.iloc[first])}.",
            file=file,
            row=int(rows[first]),
            column=column,
            fix=(
                "give the column's date format in the mapping file as a strptime pattern "
                '(e.g. "%d/%m/%Y %H:%M"), or check that the right column is mapped.'
            ),
        )
    reading.family[~read] = -1
    counts = np.bincount(reading.family[read], minlength=len(_FAMILIES))
    formats = {
        _FAMILIES[f]: int(counts[f]) for f in np.argsort(-counts, kind="stable") if counts[f]
    }
    failed = ~missing & ~read
    notes[:0] = _describe(reading, formats, values, column, tz, fmt)
    if failed.any():
        first = int(np.argmax(failed))
        notes.append(
            f"column '{column}': {int(failed.sum())} values could not be read as dates, e.g. "
            f"{_show(values.iloc[first])} (row {rows[first]}); they are left empty."
        )
    if missing.any():
        notes.append(f"column '{column}': {int(missing.sum())} empty values.")
    result = (
        pd.Series(utc.view("M8[ns]"), index=values.index, name=values.name)
        .dt.tz_localize("UTC")
        .dt.tz_convert(tz)
    )
    return ParsedTimestamps(result, failed, missing, formats, notes)


def _read_values(values: pd.Series, rows: np.ndarray, order: YearLastOrder | None,
                 fmt: str | None, column: str, file: str | None, notes: list[str]):
    """(missing, positions present, their reading) of a column: typed dates, epoch numbers,
    a forced format or text read by its format family."""
    typed = _as_datetimes(values)
    if typed is not None or (fmt is None and _is_numeric(values)):
        missing = values.isna().to_numpy()
        present = np.flatnonzero(~missing)
        if typed is not None:
            return missing, present, _read_typed(typed.iloc[present], _TYPED)
        numbers = pd.to_numeric(values.iloc[present]).to_numpy(np.float64)
        return missing, present, _read_numbers(numbers)
    text, missing = _strings(values)
    present = np.flatnonzero(~missing)
    subset = text if present.size == len(text) else text.take(present)
    if fmt is not None:
        parsed = pd.to_datetime(subset.to_pandas(), format=fmt, errors="coerce",
                                utc="%z" in fmt)
        return missing, present, _read_typed(parsed, _FORMAT)
    example = _examples(text, present, rows)
    return missing, present, _read_text(subset, order, example, column, file, notes)


# ---------------------------------------------------------------------------------------------
# Input


def _as_datetimes(values: pd.Series) -> pd.Series | None:
    """The column as datetime64 when it is typed as dates (datetime64 dtype, or Python date and
    datetime objects as openpyxl returns them); None otherwise, also when the objects mix time
    zones (they are then read as text)."""
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return values
    if pd.api.types.infer_dtype(values, skipna=True) not in ("datetime", "datetime64", "date"):
        return None
    try:
        return pd.to_datetime(values)
    except (ValueError, TypeError):
        return None


def _is_numeric(values: pd.Series) -> bool:
    inferred = pd.api.types.infer_dtype(values, skipna=True)
    return inferred in ("integer", "floating", "mixed-integer-float", "decimal")


def _strings(values: pd.Series) -> tuple[pa.Array, np.ndarray]:
    """The values as trimmed Arrow strings, and which of them are missing (null or blank)."""
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        values = values.astype(object).where(values.isna(), values.astype(str))
    arrow = pa.array(values, from_pandas=True)
    if isinstance(arrow, pa.ChunkedArray):
        arrow = arrow.combine_chunks()
    text = pc.utf8_trim_whitespace(arrow)
    missing = _bools(pc.is_null(text)) | _bools(pc.equal(text, ""))
    return text, missing


def _row_numbers(values: pd.Series, row_numbers: np.ndarray | None) -> np.ndarray:
    if row_numbers is None:
        return np.arange(1, len(values) + 1)
    rows = np.asarray(row_numbers)
    if rows.shape != (len(values),):
        raise ValueError(f"row_numbers has {rows.size} entries for {len(values)} values")
    return rows


def _examples(text: pa.Array, positions: np.ndarray, rows: np.ndarray) -> Callable:
    """A function giving the k-th of the values at ``positions`` as (text, row)."""
    return lambda k: (text[int(positions[k])].as_py(), int(rows[positions[k]]))


# ---------------------------------------------------------------------------------------------
# Families


@dataclasses.dataclass
class _Part:
    """How each of some values was read: family code (-1: not read), layout code (time and
    offset parts of text dates), nanoseconds (UTC if ``aware``, else wall-clock time)."""

    family: np.ndarray
    layout: np.ndarray
    ns: np.ndarray
    aware: np.ndarray

    @classmethod
    def empty(cls, n: int) -> _Part:
        return cls(
            np.full(n, -1, np.int8), np.zeros(n, np.int8), np.full(n, _NAT), np.zeros(n, bool)
        )

    def put(self, where: np.ndarray, other: _Part) -> None:
        self.family[where] = other.family
        self.layout[where] = other.layout
        self.ns[where] = other.ns
        self.aware[where] = other.aware


@dataclasses.dataclass
class _DateFields:
    """The three date fields and the rest of the text values that look like dates; ``hit``
    gives their positions among the values."""

    hit: np.ndarray
    f1: np.ndarray
    f2: np.ndarray
    f3: np.ndarray
    rest: pa.Array
    year_first: np.ndarray
    year_last: np.ndarray


def _split_dates(text: pa.Array) -> _DateFields | None:
    parts = pc.extract_regex(text, _DATE)
    matched = _bools(pc.is_valid(parts))
    hit = np.flatnonzero(matched)
    if not hit.size:
        return None
    if hit.size < len(text):
        parts = parts.filter(pa.array(matched))
    f1, f2, f3 = (pc.struct_field(parts, name) for name in ("f1", "f2", "f3"))
    width1, width3 = _widths(f1), _widths(f3)
    return _DateFields(
        hit=hit,
        f1=_ints(f1),
        f2=_ints(f2),
        f3=_ints(f3),
        rest=pc.struct_field(parts, "rest"),
        year_first=(width1 == 4) & (width3 <= 2),
        year_last=(width1 <= 2) & (width3 == 4),
    )


def _evidence(first: np.ndarray, second: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which year-last dates can only be day-first, and which only month-first."""
    day_first = (first > 12) & (first <= 31) & (second >= 1) & (second <= 12)
    month_first = (second > 12) & (second <= 31) & (first >= 1) & (first <= 12)
    return day_first, month_first


def _decide_order(
    first: np.ndarray, second: np.ndarray, example: Callable, column: str | None, file: str | None
) -> Literal["dmy", "mdy", "ambiguous"]:
    """Order of year-last dates from their first and second fields; raises when both orders
    have evidence."""
    day_first, month_first = _evidence(first, second)
    if day_first.any() and month_first.any():
        text_d, row_d = example(int(np.argmax(day_first)))
        text_m, row_m = example(int(np.argmax(month_first)))
        raise TimestampError(
            f"the column mixes day-first and month-first dates: '{text_d}' (row {row_d}) can "
            f"only be day-first, '{text_m}' (row {row_m}) can only be month-first.",
            file=file,
            row=row_d,
            column=column,
            fix=(
                "correct the rows written in the other order so that the whole column uses "
                "one order, or export the column again from the source system."
            ),
        )
    if day_first.any():
        return "dmy"
    return "mdy" if month_first.any() else "ambiguous"


def _read_text(
    text: pa.Array,
    order: YearLastOrder | None,
    example: Callable,
    column: str,
    file: str | None,
    notes: list[str],
) -> _Part:
    """Read text values: dates with the year first or last (with optional time of day and UTC
    offset), and numbers."""
    part = _Part.empty(len(text))
    unread = np.ones(len(text), bool)
    fields = _split_dates(text)
    if fields is not None:
        day_first = _settle_order(fields, order, example, column, file, notes) == "dmy"
        part.put(fields.hit, _read_dates(fields, day_first))
        unread[fields.hit] = False
    others = np.flatnonzero(unread)
    if others.size:
        numbers = others[_bools(pc.match_substring_regex(text.take(others), _NUMBER))]
        if numbers.size:
            digits = pc.replace_substring(text.take(numbers), ",", ".")
            part.put(numbers, _read_numbers(_floats(digits)))
    return part


def _settle_order(
    fields: _DateFields,
    order: YearLastOrder | None,
    example: Callable,
    column: str,
    file: str | None,
    notes: list[str],
) -> str:
    """The order to read year-last dates in: ``order`` if given (dates contradicting it then
    fail), else the column's own, else day-first with a note."""
    if not fields.year_last.any():
        return order or "dmy"
    last = fields.hit[fields.year_last]

    def last_example(k: int) -> tuple[str, int]:
        return example(int(last[k]))

    first, second = fields.f1[fields.year_last], fields.f2[fields.year_last]
    year = fields.f3[fields.year_last]
    differs = (first >= 1) & (first <= 12) & (second >= 1) & (second <= 12) & (first != second)
    differs &= (year >= _YEARS[0]) & (year <= _YEARS[1])
    if order is not None:
        if differs.any() and not any(e.any() for e in _evidence(first, second)):
            notes.append(
                f"column '{column}': day and month cannot be told apart from this column "
                f"alone; dates were read {'day' if order == 'dmy' else 'month'}-first as given."
            )
        return order
    found = _decide_order(first, second, last_example, column, file)
    if found == "ambiguous" and differs.any():
        k = int(np.argmax(differs))
        text, row = last_example(k)
        as_dmy = dt.date(int(year[k]), int(second[k]), int(first[k]))
        as_mdy = dt.date(int(year[k]), int(first[k]), int(second[k]))
        notes.append(
            f"column '{column}': no day is above 12, so day and month cannot be told apart "
            f"('{text}', row {row}, is {as_dmy:%d %B %Y} day-first or {as_mdy:%d %B %Y} "
            "month-first); read day-first, the Vietnamese way. If the dates are mm/dd/yyyy, "
            'set "dayfirst": false in a mapping file.'
        )
    return "mdy" if found == "mdy" else "dmy"


def _read_dates(fields: _DateFields, day_first: bool) -> _Part:
    """Read the date-like values: calendar date, then time of day and UTC offset if any."""
    year_last = fields.year_last
    day_field, month_field = (fields.f1, fields.f2) if day_first else (fields.f2, fields.f1)
    year = np.where(year_last, fields.f3, fields.f1)
    month = np.where(year_last, month_field, fields.f2)
    day = np.where(year_last, day_field, fields.f3)
    ns, ok = _civil_ns(year, month, day)
    ok &= fields.year_first | year_last

    layout = np.zeros(len(ns), np.int8)
    aware = np.zeros(len(ns), bool)
    timed = _widths(fields.rest) > 0
    if timed.any():
        rest = fields.rest if timed.all() else fields.rest.filter(pa.array(timed))
        clock_ns, clock_ok, clock_aware, clock_layout = _read_clock(rest)
        ns[timed] += clock_ns
        ok[timed] &= clock_ok
        aware[timed] = clock_aware
        layout[timed] = clock_layout

    family = np.where(fields.year_first, _ISO, _DMY if day_first else _MDY)
    family = np.where(ok, family, -1).astype(np.int8)
    return _Part(family, layout, np.where(ok, ns, _NAT), aware)


def _read_clock(rest: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Time of day minus UTC offset in nanoseconds, validity, whether an offset was given,
    and the layout code of text such as ' 15:09' or 'T13:45:40.276+02:00'."""
    clock = pc.extract_regex(rest, _TIME)
    ok = _bools(pc.is_valid(clock))
    hh, mm, ss, tz = (pc.struct_field(clock, name) for name in ("hh", "mm", "ss", "tz"))
    hours, minutes, ss_width = _ints(hh), _ints(mm), _widths(ss)
    seconds = np.zeros(len(hours), np.int64)
    if ss_width.any():
        if pc.any(pc.match_substring(ss, ",")).as_py():
            ss = pc.replace_substring(ss, ",", ".")
        seconds = np.rint(_floats(ss) * _SECOND).astype(np.int64)
    # a column holds few distinct offsets: read each once, then look them up
    offsets = pc.dictionary_encode(pc.fill_null(tz, ""))
    east, offset_kind = _offset_table(offsets.dictionary.to_pylist())
    which = offsets.indices.to_numpy(zero_copy_only=False)
    offset_kind = offset_kind[which]
    ok &= (hours <= 23) & (minutes <= 59) & (seconds < 60 * _SECOND) & (offset_kind >= 0)
    ns = (hours * 60 + minutes - east[which]) * 60 * _SECOND + seconds
    time_kind = np.where(ss_width == 0, 1, np.where(ss_width == 2, 2, 3))
    layout = time_kind * 3 + np.maximum(offset_kind, 0)
    return ns, ok, offset_kind > 0, layout.astype(np.int8)


def _offset_table(offsets: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Minutes east of UTC and layout code (0 none, 1 Z, 2 ±HH:MM, -1 invalid) of offsets
    written '', 'Z', '+07', '+0700' or '+07:00'."""
    east, kind = [], []
    for offset in offsets:
        digits = offset[1:].replace(":", "")
        hours, minutes = int(digits[:2] or 0), int(digits[2:] or 0)
        valid = hours <= 18 and minutes <= 59
        east.append((-1 if offset.startswith("-") else 1) * (hours * 60 + minutes))
        kind.append(min(len(offset), 2) if valid else -1)
    return np.array(east, np.int64), np.array(kind, np.int64)


def _civil_ns(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> tuple[np.ndarray, ...]:
    """Nanoseconds at midnight of calendar dates (proleptic Gregorian), and which dates exist."""
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    ok = (year >= _YEARS[0]) & (year <= _YEARS[1]) & (month >= 1) & (month <= 12) & (day >= 1)
    ok &= day <= _MONTH_DAYS[np.clip(month, 0, 12)] + (leap & (month == 2))
    # days from civil (H. Hinnant's algorithm), on March-based years
    y = year - (month <= 2)
    era = y // 400
    year_of_era = y - era * 400
    day_of_year = (153 * (month + np.where(month > 2, -3, 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return (era * 146_097 + day_of_era - 719_468) * _DAY, ok


def _read_numbers(number: np.ndarray) -> _Part:
    """Excel serial days (20000-80000, wall-clock) and epoch seconds or milliseconds (UTC)."""
    excel = (number >= 20_000) & (number < 80_000)
    seconds = (number >= 1e8) & (number < 4e9)
    millis = (number >= 1e11) & (number < 4e12)
    with np.errstate(invalid="ignore", over="ignore"):
        ns = np.select(
            [excel, seconds, millis],
            [  # rounded in float, scaled in integers: float64 cannot hold nanoseconds exactly
                _EXCEL_ORIGIN + np.rint(number * 86_400_000).astype(np.int64) * 1_000_000,
                np.rint(number * 1e6).astype(np.int64) * 1000,
                np.rint(number * 1e3).astype(np.int64) * 1000,
            ],
            _NAT,
        )
    family = np.select([excel, seconds, millis], [_EXCEL, _EPOCH_S, _EPOCH_MS], -1)
    return _Part(family.astype(np.int8), np.zeros(len(number), np.int8), ns, seconds | millis)


def _read_typed(parsed: pd.Series, family: int) -> _Part:
    """Values already parsed by pandas (naive: wall-clock time; aware: instant)."""
    aware = parsed.dt.tz is not None
    if aware:
        parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    low, high = pd.Timestamp(_YEARS[0], 1, 1), pd.Timestamp(_YEARS[1] + 1, 1, 1)
    ns = parsed.where((parsed >= low) & (parsed < high)).dt.as_unit("ns").to_numpy()
    ns = ns.view(np.int64)
    codes = np.where(ns == _NAT, -1, family).astype(np.int8)
    return _Part(codes, np.zeros(len(ns), np.int8), ns, np.full(len(ns), aware))


def _to_utc(reading: _Part, tz: str) -> np.ndarray:
    """UTC nanoseconds of every value; wall-clock times are localised in ``tz`` (NaT when a
    daylight-saving change makes them ambiguous, shifted forward when they do not exist)."""
    utc = np.where((reading.family >= 0) & reading.aware, reading.ns, _NAT)
    naive = (reading.family >= 0) & ~reading.aware
    if naive.any():
        local = pd.DatetimeIndex(reading.ns[naive].view("M8[ns]")).tz_localize(
            tz, ambiguous="NaT", nonexistent="shift_forward"
        )
        utc[naive] = local.as_unit("ns").asi8
    return utc


# ---------------------------------------------------------------------------------------------
# Notes


def _describe(
    reading: _Part,
    formats: dict[str, int],
    values: pd.Series,
    column: str,
    tz: str,
    fmt: str | None,
) -> list[str]:
    """One note per format family read, after one about the mix if there are several."""
    notes = []
    if len(formats) > 1:
        listed = ", ".join(f"{count} {name}" for name, count in formats.items())
        notes.append(
            f"column '{column}' mixes formats: {listed}; each value was read in its own format."
        )
    for name, count in formats.items():
        code = _FAMILIES.index(name)
        mine = reading.family == code
        what = f"values in the format '{fmt}'" if code == _FORMAT else _NAMES[code]
        if code in _DATE_LAYOUTS:
            what += f" ({_layouts(reading.layout, mine, code, values)})"
        aware = int((mine & reading.aware).sum())
        if aware == 0:
            how = f"read as {tz} local time"
        elif aware < count:
            how = (
                f"{aware} with a UTC offset converted to {tz}, "
                f"{count - aware} without read as {tz} local time"
            )
        elif code in (_EPOCH_S, _EPOCH_MS):
            how = f"UTC instants converted to {tz}"
        else:
            how = f"converted from their UTC offsets to {tz}"
        notes.append(f"column '{column}': {count} {what}, {how}.")
    return notes


def _layouts(layout: np.ndarray, mine: np.ndarray, code: int, values: pd.Series) -> str:
    """The layouts of one family's values, most common first, e.g. 'dd/mm/yyyy HH:MM'."""
    counts = np.bincount(layout[mine], minlength=len(_TIME_LAYOUTS) * len(_OFFSET_LAYOUTS))
    shown = []
    for kind in np.argsort(-counts, kind="stable")[: np.count_nonzero(counts)]:
        sample = str(values.iloc[int(np.argmax(mine & (layout == kind)))]).strip()
        date = _DATE_LAYOUTS[code].format(s=next(c for c in sample if not c.isdigit()))
        time = _TIME_LAYOUTS[kind // 3].format(t="T" if "T" in sample else " ")
        shown.append(date + time + _OFFSET_LAYOUTS[kind % 3])
    return ", ".join(shown)


# ---------------------------------------------------------------------------------------------
# Arrow helpers


def _bools(array: pa.Array) -> np.ndarray:
    return pc.fill_null(array, False).to_numpy(zero_copy_only=False)


def _widths(array: pa.Array) -> np.ndarray:
    """Lengths in bytes of strings; null gives 0."""
    return pc.fill_null(pc.binary_length(array), 0).to_numpy(zero_copy_only=False)


def _ints(array: pa.Array) -> np.ndarray:
    """Integers of digit strings; empty or null gives 0."""
    padded = pc.utf8_lpad(array, 1, "0") if pc.any(pc.equal(array, "")).as_py() else array
    return pc.fill_null(pc.cast(padded, pa.int64()), 0).to_numpy(zero_copy_only=False)


def _floats(array: pa.Array) -> np.ndarray:
    """Floats of number strings; empty or null gives 0."""
    padded = pc.utf8_lpad(array, 1, "0")
    return pc.fill_null(pc.cast(padded, pa.float64()), 0).to_numpy(zero_copy_only=False)


def _show(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")

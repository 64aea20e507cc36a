"""A fuzzing net over the readers and the import (property-based, hypothesis).

Whatever the bytes, the CSV shape, the encoding or the column names, ``read_table`` and
``import_log`` return a table or raise a DossierflowError that names the file, says what is
wrong and how to fix it: never another exception. Every row read is used or rejected with a
reason (``rows_read = rows_kept + rows_dropped + rows_merged``; ``rejected`` holds one line per
dropped row, at the line the user sees): never a silent row loss.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.export.export_log import DERIVED_CASES, DERIVED_EVENTS
from dossierflow.mining.io.columns import EVENT_FIELDS, normalise_name
from dossierflow.mining.io.import_log import ImportedLog, import_log
from dossierflow.mining.io.read_table import read_table
from dossierflow.mining.log.analysis_table import prepare

# the same examples on every run (no flaky CI), reported as found without minutes of shrinking
FUZZ = settings(max_examples=60, deadline=None, database=None, derandomize=True,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
HEAVY = settings(FUZZ, max_examples=25)

# names that dossierflow derives or uses inside, as a user's column and as an XES case key
DERIVED = sorted(set(DERIVED_EVENTS) | set(DERIVED_CASES) | {"variant-index", "_row",
                                                             "_source", "_k", "index"})
COLUMN_NAMES = st.one_of(
    st.sampled_from(DERIVED),
    st.sampled_from(DERIVED).map("case:{}".format),
    st.sampled_from(["Activity", "CASE_ID", "Timestamp", "case:concept:name", "concept:name",
                     "lifecycle", "Mã hồ sơ", "Tên bước", "Ngày hẹn trả", "Trạng thái",
                     "Người xử lý", "start_timestamp", "resource", "channel", "fee",
                     "legal_days", "due_at", "case:agency", "agency", " x ", "Ghi chú"]),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1,
            max_size=12),
)
# cell text: Vietnamese letters, delimiters, quotes and line breaks
CELL = st.lists(st.sampled_from(list("aZ09 ,;|\t\"'\nđĐơưẤệỹ-:/.") + ["Hồ sơ", "Tiếp nhận"]),
                max_size=10).map("".join)
CASE_IDS = st.sampled_from(["c1", "c2", "000.00.21.H03-230301-0001", "069176905016", "", " "])
ACTIVITIES = st.sampled_from(["receive", "appraise", "Tiếp nhận hồ sơ", "Trình ký, phê duyệt",
                              "Trả kết quả", "deliver_result", "a\"b", "", "x\ny"])
MOMENTS = st.datetimes(min_value=datetime(2019, 1, 1), max_value=datetime(2026, 12, 31))
# names a generated column may not take: they would compete with the case, activity and time
REQUIRED = {normalise_name(alias) for field in ("case_id", "activity", "timestamp")
            for alias in EVENT_FIELDS[field]}
TIME_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S+07:00", "%d/%m/%Y %H:%M"]
TITLE_ROWS = [["ỦY BAN NHÂN DÂN TỈNH BẮC NINH"], ["TRUNG TÂM HÀNH CHÍNH CÔNG"],
              ["DANH SÁCH HỒ SƠ TIẾP NHẬN TỪ 01/03/2023 ĐẾN 30/05/2023"], []]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1258", "windows-1252"]
SUFFIXES = [".csv", ".txt", ".xlsx", ".xes", ".xes.gz", ".csv.gz", ".parquet", ""]
MAGIC = [b"", b"PK\x03\x04", b"PAR1", b"\x1f\x8b", b"<?xml version='1.0'?>", b"<log>",
         b"\xef\xbb\xbf", b"\xff\xfe", b"case_id,activity,timestamp\n", b"<html>"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


_counter = itertools.count()


def write(folder: Path, data: bytes, suffix: str = ".csv") -> Path:
    path = folder / f"f{next(_counter)}{suffix}"
    path.write_bytes(data)
    return path


def refused(error: DossierflowError, *paths: Path) -> None:
    """A refusal a user can act on: what, where (the file at fault) and how to fix it."""
    assert error.what and error.fix, error
    assert error.file and Path(error.file).name in {p.name for p in paths}, error


def imported_or_refused(path: Path, **kwargs) -> ImportedLog | None:
    try:
        return import_log(path, **kwargs)
    except DossierflowError as error:
        refused(error, path, *([Path(kwargs["cases"])] if kwargs.get("cases") else []))
        return None


def assert_accounted(imported: ImportedLog) -> None:
    """Every row read is kept, merged into another or rejected with its line; none lost."""
    rejected = 0
    for report in imported.reports:
        gone = {action: sum(i.count for i in report.issues if i.action == action)
                for action in ("dropped", "merged", "excluded")}
        assert set(i.action for i in report.issues) <= {*gone, "repaired", "kept"}
        assert report.rows_read == report.rows_kept + sum(gone.values()), report.lines()
        rejected += gone["dropped"] + gone["excluded"]
    assert len(imported.rejected) == rejected
    assert imported.rejected["reason"].notna().all()
    summary = imported.summary()
    assert summary["events"] == len(imported.events)
    assert summary["cases"] == imported.cases["case_id"].nunique() == len(imported.cases)
    if len(imported.reports) == 1:
        if "activity" in next(iter(imported.mapping.values())).fields:
            assert len(imported.events) == imported.report.rows_kept  # a row is an event
        else:
            assert len(imported.cases) == imported.report.rows_kept  # a row is a dossier


# --- random bytes ---------------------------------------------------------------------------

@FUZZ
@given(magic=st.sampled_from(MAGIC), body=st.binary(max_size=600),
       suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_are_read_or_refused(folder, magic, body, suffix):
    path = write(folder, magic + body, suffix)
    try:
        raw = read_table(path)
    except DossierflowError as error:
        refused(error, path)
        return
    assert len(raw.row_numbers) == len(raw.frame)
    imported = imported_or_refused(path)
    if imported is not None:
        assert_accounted(imported)


@FUZZ
@given(text=st.text(st.characters(codec="utf-8"), max_size=300),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"]))
def test_random_text_is_read_or_refused(folder, text, encoding):
    path = write(folder, ("case_id,activity,timestamp\n" + text).encode(encoding, "replace"))
    imported = imported_or_refused(path)
    if imported is not None:
        assert_accounted(imported)


# --- CSV shapes -----------------------------------------------------------------------------

EXTRA_NAMES = st.lists(COLUMN_NAMES, max_size=4)


@dataclass
class CsvFile:
    """A generated CSV file and what a careful reader must find in it."""

    data: bytes
    header_line: int
    record_lines: list[int]  # physical line of each non-blank data record
    no_case_lines: list[int]  # lines of the records whose case id is empty
    too_long: bool  # some record has more cells than the header
    legacy: bool  # neither UTF-8 nor UTF-16 with a byte-order mark


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes: a precomposed base letter plus combining tone marks."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for index, mark in enumerate(marks):
            try:
                out += unicodedata.normalize("NFC", base + mark).encode("cp1258")
                out += "".join(marks[:index] + marks[index + 1:]).encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += unicodedata.normalize("NFD", char).encode("cp1258", "replace")
    return bytes(out)


def encode(text: str, encoding: str) -> bytes:
    if encoding == "cp1258":
        return to_cp1258(text)
    return text.encode(encoding, "replace")


@st.composite
def csv_files(draw, extra_names=EXTRA_NAMES) -> CsvFile:
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    fmt = draw(st.sampled_from(TIME_FORMATS))
    names = ["case_id", "activity", "timestamp"]
    for name in draw(extra_names):
        clean = unicodedata.normalize("NFC", name).strip()
        if clean and all(clean != n for n in names) and normalise_name(clean) not in REQUIRED:
            names.append(name)
    names = draw(st.permutations(names))
    titles = draw(st.lists(st.sampled_from(TITLE_ROWS), max_size=4))
    rows, long_rows = [], draw(st.integers(0, 9)) == 0
    for _ in range(draw(st.integers(1, 10))):
        row = {"case_id": draw(CASE_IDS), "activity": draw(ACTIVITIES),
               "timestamp": draw(MOMENTS).strftime(fmt)}
        if draw(st.integers(0, 9)) == 0:
            row["timestamp"] = draw(st.sampled_from(["", "n/a", "31/02/2024 08:00", "0"]))
        cells = [row.get(n, draw(CELL)) for n in names]
        cut = draw(st.sampled_from([None] * 12 + [1, 2] + [-1] * long_rows))  # ragged rows
        if cut is not None:
            cells = cells[:cut] if cut > 0 else cells + ["extra"]
        rows.append(cells)
        if draw(st.integers(0, 5)) == 0:
            rows.append(None)  # an empty line
    terminator = draw(st.sampled_from(["\n", "\r\n"]))
    encoding = draw(st.sampled_from(ENCODINGS[:3] * 3 + ENCODINGS[3:]))
    return _render(delimiter, terminator, names, titles, rows, encoding)


def _record(cells: list[str], delimiter: str, terminator: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=terminator).writerow(cells)
    return buffer.getvalue()


def _render(delimiter, terminator, names, titles, rows, encoding) -> CsvFile:
    text, line = "", 1
    for title in titles:
        text += _record(title + [""] * (len(names) - 1) if title else [], delimiter, terminator)
        line += 1
    header_line = line
    text += _record(names, delimiter, terminator)
    line += 1
    record_lines, no_case, too_long = [], [], False
    case_at = names.index("case_id")
    for cells in rows:
        record = terminator if cells is None else _record(cells, delimiter, terminator)
        blank = not record.strip(" \r\n" if delimiter == "\t" else " \t\r\n")
        if not blank:
            record_lines.append(line)
            too_long |= len(cells) > len(names)
            if case_at >= len(cells) or not cells[case_at].strip():
                no_case.append(line)
        text += record
        line += record.count("\n")
    data = encode(text, encoding)
    return CsvFile(data, header_line, record_lines, no_case, too_long, not _is_utf8(data))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data.startswith((b"\xff\xfe", b"\xfe\xff"))
    return True


@FUZZ
@given(file=csv_files())
def test_csv_shapes_lose_no_row(folder, file):
    path = write(folder, file.data)
    imported = imported_or_refused(path)
    if imported is None:
        return
    assert not file.legacy and not file.too_long
    assert_accounted(imported)
    report = imported.report
    assert report.rows_read == len(file.record_lines), report.lines()
    rejected = imported.rejected
    assert set(rejected["row"]) <= set(file.record_lines)
    missing = rejected.loc[rejected["reason"] == "missing case id", "row"]
    assert sorted(missing) == sorted(file.no_case_lines)


@FUZZ
@given(file=csv_files())
def test_csv_reader_finds_header_and_every_record(folder, file):
    path = write(folder, file.data)
    try:
        raw = read_table(path)
    except DossierflowError as error:
        refused(error, path)
        return
    assert not file.legacy and not file.too_long
    assert raw.header_row == file.header_line
    assert list(raw.row_numbers) == file.record_lines
    assert all(unicodedata.is_normalized("NFC", str(c)) for c in raw.frame.columns)


@FUZZ
@given(file=csv_files(extra_names=st.lists(st.sampled_from(DERIVED).map("case:{}".format)
                                           | st.sampled_from(DERIVED), min_size=1,
                                           max_size=4)))
def test_derived_column_names_never_crash(folder, file):
    """A column named like one dossierflow derives is kept, and the log can be prepared."""
    path = write(folder, file.data)
    imported = imported_or_refused(path)
    if imported is None:
        return
    assert_accounted(imported)
    log = prepare(imported)
    assert len(log.events) == len(imported.events)
    assert len(log.cases) == imported.summary()["cases"]


@FUZZ
@given(file=csv_files(), level=st.integers(1, 9))
def test_gzip_of_csv_is_read_like_the_csv(folder, file, level):
    plain = imported_or_refused(write(folder, file.data))
    packed = imported_or_refused(write(folder, gzip.compress(file.data, level), ".csv.gz"))
    assert (plain is None) == (packed is None)
    if plain is not None:
        assert packed.summary() == plain.summary()
        assert packed.report.rows_read == plain.report.rows_read


# --- Excel, Parquet, XES --------------------------------------------------------------------

EXCEL_VALUES = st.one_of(st.none(), CELL, st.integers(-10**12, 10**12),
                         st.floats(allow_nan=False, allow_infinity=False),
                         MOMENTS, st.booleans())


@pytest.mark.slow
@HEAVY
@given(names=st.lists(COLUMN_NAMES, max_size=3), titles=st.integers(0, 3),
       rows=st.lists(st.tuples(CASE_IDS, ACTIVITIES, st.one_of(MOMENTS, EXCEL_VALUES),
                               EXCEL_VALUES), max_size=8))
def test_excel_sheets_are_read_or_refused(folder, names, titles, rows):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for index in range(titles):
        sheet.append([TITLE_ROWS[index][0]])
    extra = names[0] if names else "note"
    sheet.append(["Mã hồ sơ", "Tên bước", "Thời gian hoàn thành", extra])
    for row in rows:
        sheet.append([_excel_safe(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    path = write(folder, buffer.getvalue(), ".xlsx")
    imported = imported_or_refused(path)
    if imported is not None:
        assert_accounted(imported)
        assert imported.report.rows_read <= len(rows)


def _excel_safe(value):
    if isinstance(value, str):
        return "".join(c for c in value if c.isprintable() or c in "\t\n")
    return value


ARROW_COLUMNS = st.sampled_from([
    pa.array(["c1", "c2", None, "c1"]),
    pa.array(["receive", "appraise", "receive", None]),
    pa.array([datetime(2024, 3, 4, 8), None, datetime(2024, 3, 5), datetime(2024, 3, 6)]),
    pa.array([datetime(2024, 3, 4, 8)] * 4, pa.timestamp("us", tz="Asia/Ho_Chi_Minh")),
    pa.array(["2024-03-04 08:00", "04/03/2024", "x", None]),
    pa.array([1, 2, None, 4], pa.int64()),
    pa.array([1.5, float("nan"), None, 0.0]),
    pa.array([True, False, None, True]),
    pa.array([None] * 4, pa.null()),
    pa.array(["a", "b", "a", "b"]).dictionary_encode(),
])


@FUZZ
@given(columns=st.lists(st.tuples(COLUMN_NAMES, ARROW_COLUMNS), min_size=1, max_size=6),
       mapped=st.booleans())
def test_parquet_tables_are_read_or_refused(folder, columns, mapped):
    names, arrays = [n for n, _ in columns], [a for _, a in columns]
    if mapped:
        names[:3] = ["case:concept:name", "concept:name", "time:timestamp"][:len(names)]
        arrays[:3] = [pa.array(["c1", "c2", None, "c1"]), pa.array(["a", "b", "c", None]),
                      pa.array([datetime(2024, 3, 4, 8), None, datetime(2024, 3, 5),
                                datetime(2024, 3, 6)])][:len(arrays)]
    buffer = io.BytesIO()
    pq.write_table(pa.table(arrays, names=names), buffer)
    path = write(folder, buffer.getvalue(), ".parquet")
    imported = imported_or_refused(path)
    if imported is not None:
        assert_accounted(imported)
        assert imported.report.rows_read == 4


XES_TYPES = st.sampled_from(["string", "int", "float", "boolean", "date", "id"])
XES_VALUES = st.one_of(st.sampled_from(["1", "2.5", "true", "x", "2024-03-04T08:00:00+07:00",
                                        "2024-03-04", "", "1e400", "not a date"]), CELL)


@st.composite
def xes_logs(draw) -> str:
    def attribute(key: str, kind: str | None = None) -> str:
        kind = kind or draw(XES_TYPES)
        value = draw(XES_VALUES)
        escaped = (value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
                   .replace("\n", "&#10;").replace("\t", "&#9;"))
        return f'<{kind} key="{key}" value="{escaped}"/>'

    start = draw(MOMENTS)
    traces = []
    for number in range(draw(st.integers(0, 4))):
        trace = [f'<string key="concept:name" value="t{number % 3}"/>']
        trace += [attribute(key) for key in draw(st.lists(st.sampled_from(DERIVED), max_size=2))]
        for _ in range(draw(st.integers(0, 4))):
            moment = start + timedelta(hours=draw(st.integers(0, 500)))
            event = [f'<string key="concept:name" value="{draw(st.sampled_from("abc"))}"/>',
                     f'<date key="time:timestamp" value="{moment.isoformat()}+07:00"/>']
            if draw(st.booleans()):
                event.append('<string key="lifecycle:transition" value="'
                             f'{draw(st.sampled_from(["start", "complete", "schedule"]))}"/>')
            event += [attribute(key) for key in draw(st.lists(
                st.sampled_from(DERIVED + ["org:resource", "cost"]), max_size=2, unique=True))]
            trace.append("<event>" + "".join(event) + "</event>")
        traces.append("<trace>" + "".join(trace) + "</trace>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">'
            + "\n".join(traces) + "</log>")


@pytest.mark.slow
@HEAVY
@given(log=xes_logs(), cut=st.one_of(st.none(), st.integers(0, 400)), packed=st.booleans())
def test_xes_logs_are_read_or_refused(folder, log, cut, packed):
    data = log.encode("utf-8")
    if cut is not None:
        data = data[:cut]
    path = write(folder, gzip.compress(data) if packed else data,
                 ".xes.gz" if packed else ".xes")
    imported = imported_or_refused(path)
    if imported is not None:
        assert_accounted(imported)
        assert imported.report.rows_read == log.count("<event>")


# --- a dossier list with a title block, alone and beside an event log -----------------------

RECEIVED = st.one_of(MOMENTS.map(lambda t: t.strftime("%d/%m/%Y %H:%M")),
                    st.sampled_from(["", "không rõ", "31/02/2024 08:00"]))


@FUZZ
@given(file=csv_files(), cases=st.lists(st.tuples(CASE_IDS, RECEIVED, st.booleans()),
                                        min_size=1, max_size=8),
       titles=st.lists(st.sampled_from(TITLE_ROWS), max_size=4))
def test_dossier_list_rows_are_accounted(folder, file, cases, titles):
    """A dossier list alone and beside an event log: every dossier row is a case or rejected."""
    header = ["STT", "Mã hồ sơ", "Ngày tiếp nhận", "Ngày trả kết quả", "variant"]
    lines = [_record(title, ",", "\n") for title in titles] + [_record(header, ",", "\n")]
    for number, (case, received, returned) in enumerate(cases, 1):
        back = "28/12/2026 08:00" if returned else ""
        lines.append(_record([str(number), case, received, back, "v"], ",", "\n"))
    listing = write(folder, "".join(lines).encode("utf-8-sig"))
    alone = imported_or_refused(listing)
    if alone is not None:
        assert_accounted(alone)
        assert alone.report.rows_read == len(cases)
    both = imported_or_refused(write(folder, file.data), cases=listing)
    if both is not None:
        assert_accounted(both)
        assert both.reports[1].rows_read == len(cases)


# --- what the net caught, kept as plain examples ----------------------------------------------

def test_excel_time_column_without_any_value_is_refused_clearly(folder):
    """An all-empty time column (no type of its own) once crashed the date parser."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Mã hồ sơ", "Tên bước", "Thời gian hoàn thành"])
    book.active.append(["c1", "receive", None])
    buffer = io.BytesIO()
    book.save(buffer)
    path = write(folder, buffer.getvalue(), ".xlsx")
    assert imported_or_refused(path) is None


def test_parquet_time_column_of_nulls_is_refused_clearly(folder):
    buffer = io.BytesIO()
    pq.write_table(pa.table({"case_id": ["c1"], "activity": ["a"],
                             "timestamp": pa.array([None], pa.null())}), buffer)
    assert imported_or_refused(write(folder, buffer.getvalue(), ".parquet")) is None


def test_empty_lifecycle_cell_is_accounted(folder):
    """A lifecycle column with an empty cell once crashed the start/complete pairing."""
    path = write(folder, b"case_id,activity,timestamp,lifecycle\n"
                         b"c1,a,2024-03-04 08:00,start\nc1,a,2024-03-04 09:00,complete\n"
                         b"c1,b,2024-03-04 10:00,\n")
    imported = imported_or_refused(path)
    assert imported is not None
    assert_accounted(imported)


def test_dossier_without_any_date_is_not_lost(folder):
    """A listed dossier whose dates are all empty or unreadable has no event: it is rejected
    with a reason, not counted as used and then left out of the cases."""
    path = write(folder, "Mã hồ sơ,Ngày tiếp nhận,Ngày trả kết quả\n"
                         "a,13/02/2024 08:00,14/02/2024 08:00\nb,không rõ,\n"
                         "c,,15/02/2024 08:00\n".encode())
    imported = imported_or_refused(path)
    assert imported is not None
    assert_accounted(imported)


def test_rejected_row_with_a_line_separator_inside_a_cell(folder):
    """A rejected row whose text holds U+0085 (NEL) once broke the rejected table."""
    path = write(folder, "case_id,activity,timestamp\nc1,a\x85b,2024-03-04 08:00\n"
                         "c1,b,kh\u2028ông\n".encode())
    imported = imported_or_refused(path)
    assert imported is not None
    assert_accounted(imported)
    assert list(imported.rejected["row"]) == [3]

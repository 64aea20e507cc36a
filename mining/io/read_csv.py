"""Read delimited text (CSV, semicolon- or tab-separated) into a RawTable, cells kept as text.

One-stop systems export reports with title lines above the header ("ỦY BAN NHÂN DÂN TỈNH …",
"DANH SÁCH HỒ SƠ …"): the header is found as the first line whose filled cells reach what the
lines below it typically fill, and the lines above it are skipped with a note. Every cell stays
text (an ID "069176905016" keeps its leading zero); empty cells are missing.

Parsing is pyarrow's multi-threaded CSV reader over the UTF-8 bytes (4 million rows in a few
seconds); pandas' C parser takes over when some rows are shorter than the header. The physical
line of every row is computed with numpy from the positions of line breaks and quotes, so that
errors and rejected rows can point at the line a user sees in a text editor.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import statistics
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from dossierflow.mining.errors import InputFileError
from dossierflow.mining.io.raw_table import RawTable, ReadLimits, _clean_column_names

_DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "commas", ";": "semicolons (;)", "\t": "tabs", "|": "vertical bars (|)"}
_SAMPLE_BYTES = 256 * 1024
_SNIFF_CHARS = 4096
_HEADER_SEARCH = 60
_LOOK_BELOW = 30
_CHUNK = 16 * 1024 * 1024
_STR = pd.StringDtype("pyarrow", na_value=np.nan)
_C_ERROR = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_C_EOF = re.compile(r"EOF inside string starting at row (\d+)")


def read_csv_text(text: str | bytes, path: str | Path, *, encoding: str | None = None,
                  notes: list[str] | None = None,
                  limits: ReadLimits | None = None) -> RawTable:
    """Parse decoded CSV text into a RawTable.

    ``text`` is the decoded text (see ``decode_text``) or, to spare a copy of a large file,
    its UTF-8 bytes (valid UTF-8, NFC, possibly with a BOM). ``notes`` are the repairs done so
    far (decoding); the ones done here are appended.
    """
    file = str(path)
    limits = limits or ReadLimits()
    notes = list(notes or [])
    data = text.encode("utf-8") if isinstance(text, str) else text
    base = 3 if data[:3] == b"\xef\xbb\xbf" else 0
    if b"\n" not in data and b"\r" in data:
        data = data.replace(b"\r", b"\n")
        notes.append("converted old Mac line endings (CR) to line feeds")
    if not _has_content(memoryview(data)[base:]):
        raise InputFileError("the file is empty (it contains only blank lines).", file=file,
                             fix="export the data again and check that the export is not "
                                 "empty.")

    sample, truncated = _sample(data, base)
    delimiter = _sniff_delimiter(sample)
    records = _sample_records(sample, delimiter, truncated, file)
    header_index = _find_header([fields for fields, _, _ in records])
    if header_index is None:
        raise InputFileError("the file is empty (it contains only blank lines).", file=file,
                             fix="export the data again and check that the export is not "
                                 "empty.")
    header, header_line, header_end = records[header_index]
    names = _clean_column_names(header, file=file, row=header_line)
    if len(names) > limits.max_columns:
        raise InputFileError(
            f"the header (line {header_line}) has {len(names)} columns, more than the "
            f"{limits.max_columns} this reader accepts.", file=file, row=header_line,
            fix="check the delimiter of the file, or remove unused columns before importing.")
    if header_line > 1:
        above = [fields for fields, _, _ in records[:header_index]]
        if any(_filled(fields) for fields in above):
            notes.append(f"skipped {header_line - 1} title lines above the header (the header "
                         f"is on line {header_line})")
        else:
            notes.append(f"skipped {header_line - 1} empty lines above the header")
    if delimiter != ",":
        notes.append(f"columns are separated by {_DELIMITER_NAMES[delimiter]}")

    body_start = _offset_after_line(data, base, header_end)
    body = memoryview(data)[body_start:]
    no_rows = InputFileError(
        f"has a header (line {header_line}) but no rows below it.", file=file,
        row=header_line, fix="export the data rows too: check that the report's filter (dates, "
                             "agency) was not empty.")
    if not _has_content(body):
        raise no_rows
    starts, blank, multiline = _record_starts(body, header_end + 1, delimiter)
    frame, short_line = _parse(data, body_start, body, names, delimiter, starts, blank,
                               multiline, header_line, file)
    if len(frame) == 0:
        raise no_rows
    if short_line is not None:
        notes.append(f"some rows have fewer cells than the header (the first on line "
                     f"{short_line}); their missing cells are left empty")
    rows = starts[~blank]
    if len(rows) != len(frame):
        rows = _slow_record_lines(body, header_end + 1, delimiter, len(frame))
        if rows is None:
            rows = np.arange(header_end + 1, header_end + 1 + len(frame), dtype=np.int64)
            notes.append("row numbers are approximate: the quoting of this file could not be "
                         "followed line by line")
    frame.columns = names
    frame, rows = _unnamed_columns(frame, rows, notes)
    return RawTable(frame=frame, row_numbers=np.asarray(rows, dtype=np.int64), path=file,
                    format="csv", sheet=None, header_row=header_line, notes=notes,
                    encoding=encoding)


def _sample(data: bytes, base: int) -> tuple[str, bool]:
    """The first lines of the file as text, cut after a line break."""
    end = base + _SAMPLE_BYTES
    if end >= len(data):
        return data[base:].decode("utf-8", errors="replace"), False
    cut = data.rfind(b"\n", base, end)
    if cut < 0:
        cut = data.find(b"\n", end)
        if cut < 0:
            return data[base:].decode("utf-8", errors="replace"), False
    return data[base:cut + 1].decode("utf-8", errors="replace"), True


def _lines(sample: str):
    parts = sample.split("\n")
    for index, part in enumerate(parts):
        if index < len(parts) - 1:
            yield part + "\n"
        elif part:
            yield part


def _sniff_delimiter(sample: str) -> str:
    """csv.Sniffer on the first lines, checked against the most consistent field count."""
    lines = [line for line in _lines(sample) if line.strip()][:_HEADER_SEARCH]
    if not lines:
        return ","
    scores = {}
    for delimiter in _DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            counts = []
        common = Counter(count for count in counts if count > 1).most_common(1)
        # the share of records, not their number: a wrong delimiter splits quoted cells
        # that hold line breaks into extra records
        scores[delimiter] = (common[0][1] / len(counts), common[0][0]) if common else (0, 1)
    best = max(_DELIMITERS, key=lambda d: scores[d])
    try:
        tail = "".join(lines[-20:])[:_SNIFF_CHARS]  # Sniffer's regex is quadratic
        sniffed = csv.Sniffer().sniff(tail, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    if sniffed in scores and scores[sniffed][0] > 0 and scores[sniffed][0] >= scores[best][0]:
        return sniffed
    return best if scores[best][0] > 0 else ","


def _sample_records(sample: str, delimiter: str, truncated: bool,
                    file: str) -> list[tuple[list[str], int, int]]:
    """(fields, first line, last line) of each record of the sample."""
    reader = csv.reader(_lines(sample), delimiter=delimiter, quotechar='"', doublequote=True)
    with _long_cells(len(sample)):
        records = _read_records(reader, file)
    if truncated and records:
        records.pop()
    return records


def _read_records(reader, file: str) -> list[tuple[list[str], int, int]]:
    records = []
    last = 0
    try:
        for fields in reader:
            records.append((fields, last + 1, reader.line_num))
            last = reader.line_num
            if len(records) > _HEADER_SEARCH + _LOOK_BELOW + 1:
                break
    except csv.Error as error:
        raise InputFileError(f"cannot be read as CSV near line {last + 1}: {error}.",
                             file=file, row=last + 1,
                             fix="check the quoting of that line, or export the file again."
                             ) from None
    return records


@contextlib.contextmanager
def _long_cells(size: int):
    """Let the csv module read cells longer than its default limit of 128 KiB."""
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, size + 1))
    try:
        yield
    finally:
        csv.field_size_limit(limit)


def _is_filled(value) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, float) and value != value:
        return False
    return True


def _filled(fields) -> int:
    return sum(1 for value in fields if _is_filled(value))


def _find_header(rows: list[list]) -> int | None:
    """Index of the header among ``rows`` (lists of cells), or None if all are blank.

    The header is the first row whose filled cells reach the number that the rows below it
    typically fill (title rows fill one or two cells). A leading empty cell (the unnamed index
    column pandas writes) and a few unnamed columns in wide tables are tolerated.
    """
    candidates = [index for index, row in enumerate(rows) if _filled(row)]
    if not candidates:
        return None
    for position, index in enumerate(candidates[:_HEADER_SEARCH]):
        below = [rows[i] for i in candidates[position + 1:position + 1 + _LOOK_BELOW]]
        if not below:
            return index
        wide = [row for row in below if _filled(row) >= 2] or below
        typical = statistics.median_low(_filled(row) for row in wide)
        row = rows[index]
        slack = (max(1, typical // 5) if typical >= 3 else 0) + (
            1 if row and not _is_filled(row[0]) else 0)
        if _filled(row) >= max(1, typical - slack):
            return index
    return candidates[0]


def _offset_after_line(data: bytes, base: int, line: int) -> int:
    position = base
    for _ in range(line):
        found = data.find(b"\n", position)
        if found < 0:
            return len(data)
        position = found + 1
    return position


def _has_content(body: memoryview) -> bool:
    for start in range(0, len(body), _CHUNK):
        if bytes(body[start:start + _CHUNK]).strip():
            return True
    return False


def _record_starts(body: memoryview, first_line: int,
                   delimiter: str) -> tuple[np.ndarray, np.ndarray, bool]:
    """Physical line where each record of ``body`` starts, which records are blank, and
    whether some quoted cell spans several lines.

    A line break ends a record when the number of quotes before it is even (RFC 4180 quoting;
    a doubled quote counts twice). Blank records are what the parsers skip: empty lines and
    lines of spaces/tabs.
    """
    arr = np.frombuffer(body, dtype=np.uint8)
    size = len(arr)
    if size == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool), False
    breaks, inside = [], []
    carry = 0
    for start in range(0, size, _CHUNK):
        chunk = arr[start:start + _CHUNK]
        newlines = np.flatnonzero(chunk == 10)
        breaks.append(newlines + start)
        if carry or (chunk == 34).any():
            parity = np.cumsum(chunk == 34, dtype=np.uint8)
            parity += carry
            parity &= 1
            carry = int(parity[-1])
            inside.append(parity[newlines].astype(bool))
            del parity
        else:
            inside.append(np.zeros(len(newlines), dtype=bool))
    breaks = np.concatenate(breaks)
    inside = np.concatenate(inside)
    multiline = bool(inside.any())
    if multiline:
        ends_at = np.flatnonzero(~inside)
        terminators = breaks[ends_at]
    else:
        ends_at = None
        terminators = breaks
    del breaks, inside
    record_starts = np.empty(len(terminators) + 1, dtype=np.int64)
    record_starts[0] = 0
    record_starts[1:] = terminators + 1
    if ends_at is None:
        lines = np.arange(first_line, first_line + len(record_starts), dtype=np.int64)
    else:
        lines = np.empty(len(record_starts), dtype=np.int64)
        lines[0] = first_line
        lines[1:] = ends_at + 1 + first_line
        del ends_at
    record_ends = np.append(terminators, size)
    del terminators
    if record_starts[-1] >= size:
        record_starts, record_ends, lines = record_starts[:-1], record_ends[:-1], lines[:-1]
    lengths = record_ends - record_starts
    first_bytes = arr[np.minimum(record_starts, size - 1)]
    blank = lengths == 0
    blank |= (lengths == 1) & (first_bytes == 13)
    del lengths
    spaces = b" \r" if delimiter == "\t" else b" \t\r"
    maybe = np.flatnonzero(~blank & np.isin(first_bytes, list(spaces)))
    for index in maybe:
        if not bytes(body[record_starts[index]:record_ends[index]]).strip(spaces):
            blank[index] = True
    return lines, blank, multiline


def _slow_record_lines(body: memoryview, first_line: int, delimiter: str,
                       expected: int) -> np.ndarray | None:
    """Line of each non-blank record, following the quoting with the csv module."""
    text = bytes(body).decode("utf-8", errors="replace")
    reader = csv.reader(_lines(text), delimiter=delimiter)
    lines, last = [], 0
    try:
        with _long_cells(len(text)):
            for fields in reader:
                if fields and any(field.strip() for field in fields) or len(fields) > 1:
                    lines.append(first_line + last)
                last = reader.line_num
    except csv.Error:
        return None
    return np.asarray(lines, dtype=np.int64) if len(lines) == expected else None


def _parse(data: bytes, body_start: int, body: memoryview, names: list[str], delimiter: str,
           starts: np.ndarray, blank: np.ndarray, multiline: bool, header_line: int,
           file: str) -> tuple[pd.DataFrame, int | None]:
    """Cells of ``body`` as text columns; also the line of the first short row, if any."""
    width = len(names)
    short_line = None
    if width > 1:
        frame, bad = _parse_arrow(body, width, delimiter, multiline)
        if frame is not None:
            return frame, None
        if bad is not None:
            expected, actual, row_text = bad
            line = _find_line(data, body_start, row_text, starts)
            if actual > expected:
                raise _too_many(line, actual, expected, header_line, delimiter, file)
            short_line = line
    return _parse_c(body, width, delimiter, starts, blank, header_line, file), short_line


def _parse_arrow(body: memoryview, width: int, delimiter: str, multiline: bool):
    bad: list[tuple[int, int, str]] = []

    def on_invalid(row) -> str:
        try:
            text = row.text
        except Exception:  # pyarrow decodes the row itself and may fail on odd bytes
            text = ""
        if not text.strip(" \t\r"):
            return "skip"  # a line of spaces: blank, as for pandas' parser
        bad.append((row.expected_columns, row.actual_columns, text))
        return "error"

    columns = [f"c{i}" for i in range(width)]
    try:
        table = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(body)),
            read_options=pacsv.ReadOptions(column_names=columns, use_threads=True,
                                           block_size=4 * 1024 * 1024),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, quote_char='"', double_quote=True, escape_char=False,
                newlines_in_values=multiline, ignore_empty_lines=True,
                invalid_row_handler=on_invalid),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in columns}, null_values=[""],
                strings_can_be_null=True, quoted_strings_can_be_null=True))
    except (pa.ArrowException, ValueError):
        return None, (bad[0] if bad else None)
    frame = table.to_pandas(types_mapper={pa.string(): _STR}.get, split_blocks=True,
                            self_destruct=True)
    return frame, None


def _parse_c(body: memoryview, width: int, delimiter: str, starts: np.ndarray,
             blank: np.ndarray, header_line: int, file: str) -> pd.DataFrame:
    try:
        frame = pd.read_csv(
            io.BytesIO(body), sep=delimiter, header=None, names=list(range(width)),
            dtype=str, keep_default_na=False, na_values=[""], skip_blank_lines=True,
            quotechar='"', doublequote=True, engine="c", index_col=False, encoding="utf-8",
            on_bad_lines="error")
    except pd.errors.ParserError as error:
        match = _C_ERROR.search(str(error))
        if match:
            expected, record, actual = (int(g) for g in match.groups())
            line = int(starts[record - 1]) if record - 1 < len(starts) else None
            raise _too_many(line, actual, expected, header_line, delimiter, file) from None
        match = _C_EOF.search(str(error))
        if match:
            record = int(match.group(1))
            line = int(starts[record]) if record < len(starts) else None
            where = f"on line {line}" if line is not None else "near the end of the file"
            raise InputFileError(
                f"a quoted cell that starts {where} is never closed: a double quote "
                "(\") is missing, so the rest of the file would be read as one cell.",
                file=file, row=line,
                fix=f"add the missing closing quote {where} (or remove the stray "
                    "opening one), then import again.") from None
        raise InputFileError(
            f"cannot be read as CSV: {str(error).strip()}.", file=file,
            fix="a quoted cell may be missing its closing quote (\"); check the quoting, or "
                "export the file again.") from None
    except (ValueError, UnicodeDecodeError, MemoryError) as error:
        raise InputFileError(f"cannot be read as CSV: {error}.", file=file,
                             fix="export the file again as CSV UTF-8.") from None
    if len(frame.columns) != width:
        raise InputFileError("cannot be read as CSV: the rows do not match the header.",
                             file=file, row=header_line, fix="export the file again.")
    return frame.astype(_STR) if width else frame


def _find_line(data: bytes, body_start: int, row_text: str, starts: np.ndarray) -> int | None:
    """Physical line of the record whose text is ``row_text``."""
    needle = row_text.encode("utf-8")
    position = body_start
    while True:
        found = data.find(needle, position)
        if found < 0:
            return None
        after = found + len(needle)
        if ((found == body_start or data[found - 1] == 10)
                and (after >= len(data) or data[after] in (10, 13))):
            return int(starts[0] + data.count(b"\n", body_start, found)) if len(starts) else None
        position = found + 1


def _too_many(line: int | None, actual: int, expected: int, header_line: int,
              delimiter: str, file: str) -> InputFileError:
    sep = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "vertical bar"}[delimiter]
    where = f"line {line}" if line else "a row"
    return InputFileError(
        f"{where} has {actual} cells but the header (line {header_line}) has {expected}: "
        f"there are more {sep}s in that row than columns.", file=file, row=line,
        fix=f"put the cell that contains a {sep} between double quotes (\"...\"), or remove "
            f"the extra {sep}s on {where}, then import again.")


def _unnamed_columns(frame: pd.DataFrame, rows: np.ndarray,
                     notes: list[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """Drop pandas' unnamed index column and empty unnamed columns; name the other ones."""
    names = list(frame.columns)
    if "" not in names:
        return frame, rows
    keep, renamed, dropped_empty = [], {}, 0
    taken = set(names)
    for position, name in enumerate(names):
        column = frame.iloc[:, position]
        if name:
            keep.append(position)
            continue
        if position == 0 and _is_row_index(column):
            notes.append("dropped the unnamed first column: it only numbers the rows "
                         "0, 1, 2, … (a pandas index written to the file)")
            continue
        if not column.notna().any():
            dropped_empty += 1
            continue
        new = f"column_{position + 1}"
        while new in taken:
            new += "_"
        taken.add(new)
        renamed[position] = new
        keep.append(position)
    if dropped_empty:
        notes.append(f"dropped {dropped_empty} empty columns without a name")
    for position, new in renamed.items():
        notes.append(f"column {position + 1} has no name in the header; called it '{new}'")
    frame = frame.iloc[:, keep].copy()
    frame.columns = [renamed.get(position, names[position]) for position in keep]
    return frame, rows


def _is_row_index(column: pd.Series) -> bool:
    if column.isna().any():
        return False
    expected = np.arange(len(column))
    values = pd.to_numeric(column, errors="coerce")
    if values.isna().any():
        return False
    return bool(np.array_equal(values.to_numpy(), expected))

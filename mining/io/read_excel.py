"""Read one sheet of an .xlsx workbook into a RawTable.

The workbook's zip directory is checked before openpyxl opens anything (total uncompressed
size, compression ratio, number of parts), so that a decompression bomb is refused instead of
filling the memory. The first sheet is read unless another is named. Title rows above the
header are skipped as for CSV. Text cells stay text, numbers stay numbers and date cells stay
datetimes (turning Excel serial numbers into times is the timestamp parser's job).
"""

from __future__ import annotations

import unicodedata
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from dossierflow.mining.errors import InputFileError, UnsafeInputError
from dossierflow.mining.io.raw_table import (
    RawTable,
    ReadLimits,
    _clean_column_names,
    _empty_columns_as_text,
)
from dossierflow.mining.io.read_csv import _find_header, _is_filled, _is_row_index

_HEADER_ROWS = 100
_FIX_SAVE_XLSX = ('open it in Excel and choose File > Save As > "Excel Workbook (*.xlsx)", '
                  'then import the new file.')


def read_excel(path: str | Path, *, sheet: str | None = None,
               limits: ReadLimits | None = None, display_path: str | None = None) -> RawTable:
    """Read ``sheet`` (default: the first sheet) of the workbook at ``path``.

    ``display_path`` is the name used in messages and in the result when ``path`` is a
    temporary copy.
    """
    file = display_path or str(path)
    limits = limits or ReadLimits()
    _check_zip(Path(path), file, limits)
    try:
        import openpyxl
        from openpyxl.utils import get_column_letter
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise InputFileError("cannot read Excel files: the openpyxl package is missing.",
                             file=file, fix="pip install openpyxl") from None
    try:
        with open(path, "rb") as handle, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True,
                                              keep_links=False)
            try:
                return _read_sheet(workbook, sheet, file, limits, get_column_letter)
            finally:
                workbook.close()
    except InputFileError:
        raise
    except MemoryError:
        raise InputFileError("is too large to read into memory.", file=file,
                             fix="save the sheet as CSV UTF-8 and import the CSV.") from None
    except Exception as error:  # openpyxl raises KeyError, lxml and zip errors, ...
        raise InputFileError(
            f"is an Excel workbook that cannot be read ({type(error).__name__}: "
            f"{str(error)[:200]}).", file=file,
            fix="open it in Excel, check that it opens without a repair message, save it "
                "again as .xlsx (or as CSV UTF-8) and import the new file.") from None


def _check_zip(path: Path, file: str, limits: ReadLimits) -> None:
    """Refuse archives that are not workbooks, and zip bombs, from the directory alone."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise InputFileError(
            f"looks like a zip archive (.xlsx) but its directory cannot be read ({error}): "
            "the file is damaged or incomplete.", file=file,
            fix="download or export the file again; if Excel can open it, " + _FIX_SAVE_XLSX
        ) from None
    names = {entry.filename for entry in entries}
    if "xl/workbook.xml" not in names:
        if "xl/workbook.bin" in names:
            kind = "an Excel binary workbook (.xlsb)"
        elif "word/document.xml" in names:
            kind = "a Word document (.docx)"
        elif "ppt/presentation.xml" in names:
            kind = "a PowerPoint presentation (.pptx)"
        elif "content.xml" in names and "mimetype" in names:
            kind = "an OpenDocument file (.ods/.odt)"
        else:
            shown = ", ".join(sorted(names)[:5]) or "nothing"
            kind = f"a zip archive (containing {shown})"
        raise InputFileError(
            f"is {kind}, not an Excel workbook (.xlsx).", file=file,
            fix="unzip it and import the CSV, Excel or XES file inside; or save a spreadsheet "
                "as .xlsx or CSV UTF-8 first.")
    if len(entries) > limits.max_zip_entries:
        raise UnsafeInputError(
            f"is a workbook with {len(entries)} parts, more than the {limits.max_zip_entries} "
            "allowed: it looks like a decompression bomb.", file=file,
            fix="if the workbook is genuine, save its sheet as CSV UTF-8 and import that.")
    unpacked = sum(entry.file_size for entry in entries)
    packed = max(1, path.stat().st_size)
    if unpacked > limits.max_decompressed_bytes or (
            unpacked > limits.ratio_check_after_bytes
            and unpacked / packed > limits.max_decompression_ratio):
        raise UnsafeInputError(
            f"unpacks to {unpacked:,} bytes from {packed:,} (ratio {unpacked / packed:,.0f}:1); "
            "it looks like a decompression bomb.", file=file,
            fix="if the workbook is genuine, save its sheet as CSV UTF-8 and import that, or "
                "raise ReadLimits.max_decompressed_bytes / max_decompression_ratio.")


def _read_sheet(workbook, sheet: str | None, file: str, limits: ReadLimits,
                get_column_letter) -> RawTable:
    names = workbook.sheetnames
    sheet_name = _sheet_name(names, sheet, file)
    worksheet = workbook[sheet_name]
    if not hasattr(worksheet, "iter_rows"):
        raise InputFileError(f"sheet '{sheet_name}' is a chart, not a table.", file=file,
                             fix="choose the sheet that holds the data.")
    if hasattr(worksheet, "reset_dimensions"):
        worksheet.reset_dimensions()

    notes: list[str] = []
    rows: list[list] = []
    numbers: list[int] = []
    repaired = 0
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        cells = list(values)
        while cells and not _is_filled(cells[-1]):
            cells.pop()
        if not cells:
            continue
        if len(cells) > limits.max_columns:
            raise InputFileError(
                f"row {number} of sheet '{sheet_name}' has {len(cells)} columns, more than "
                f"the {limits.max_columns} this reader accepts.", file=file, row=number,
                fix="delete the unused columns to the right of the table.")
        for index, value in enumerate(cells):
            if isinstance(value, str):
                if not value.strip():
                    cells[index] = None
                elif not value.isascii() and not unicodedata.is_normalized("NFC", value):
                    cells[index] = unicodedata.normalize("NFC", value)
                    repaired += 1
        rows.append(cells)
        numbers.append(number)

    others = [n for n in names if n != sheet_name]
    if not rows:
        raise InputFileError(
            f"sheet '{sheet_name}' is empty.", file=file,
            fix=(f"choose the sheet that holds the data (the other sheets are: "
                 f"{', '.join(repr(n) for n in others)})." if others else
                 "export the data again."))
    header_index = _find_header(rows[:_HEADER_ROWS]) or 0
    header_row = numbers[header_index]
    header = [_header_text(value) for value in rows[header_index]]
    columns = _clean_column_names(header, file=file, row=header_row)
    if header_index:
        notes.append(f"skipped {header_row - 1} title rows above the header (the header is "
                     f"on row {header_row} of sheet '{sheet_name}')")
    data = rows[header_index + 1:]
    data_numbers = numbers[header_index + 1:]
    if not data:
        raise InputFileError(
            f"sheet '{sheet_name}' has a header (row {header_row}) but no rows below it.",
            file=file, row=header_row,
            fix="export the data rows too: check that the report's filter was not empty.")
    width = len(columns)
    for cells, number in zip(data, data_numbers):
        if len(cells) > width:
            letter = get_column_letter(width + 1)
            raise InputFileError(
                f"row {number} of sheet '{sheet_name}' has a value in column {letter}, which "
                f"has no name in the header (row {header_row}).", file=file, row=number,
                fix=f"give column {letter} a name in row {header_row}, or delete the stray "
                    "value, then import again.")
    gaps = numbers[-1] - numbers[header_index] - len(data)
    if gaps:
        notes.append(f"skipped {gaps} empty rows between the header and the last row")
    if repaired:
        notes.append(f"normalised {repaired} decomposed (NFD) text cells to NFC")
    padded = [cells + [None] * (width - len(cells)) for cells in data]
    frame = pd.DataFrame(padded, columns=range(width), dtype=object)
    frame.columns = columns
    frame = _unnamed(frame, notes, get_column_letter)
    _empty_columns_as_text(frame)
    return RawTable(frame=frame, row_numbers=np.asarray(data_numbers, dtype=np.int64),
                    path=file, format="xlsx", sheet=sheet_name, header_row=header_row,
                    notes=notes, encoding=None)


def _sheet_name(names: list[str], sheet: str | None, file: str) -> str:
    """The sheet asked for (NFC, then case-blind), else the first."""
    if not names:
        raise InputFileError("is a workbook without sheets.", file=file, fix=_FIX_SAVE_XLSX)
    if sheet is None:
        return names[0]
    wanted = unicodedata.normalize("NFC", sheet).strip()
    matches = [n for n in names if unicodedata.normalize("NFC", n).strip() == wanted]
    matches = matches or [n for n in names
                          if unicodedata.normalize("NFC", n).strip().casefold()
                          == wanted.casefold()]
    if not matches:
        listed = ", ".join(f"'{n}'" for n in names)
        raise InputFileError(
            f"has no sheet named '{sheet}'. Its sheets are: {listed}.", file=file,
            fix="choose one of these sheet names (sheet=... or \"sheet\" in the mapping "
                "file).")
    return matches[0]


def _header_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _unnamed(frame: pd.DataFrame, notes: list[str], get_column_letter) -> pd.DataFrame:
    names = list(frame.columns)
    if "" not in names:
        return frame
    keep, renamed, empty = [], {}, 0
    taken = set(names)
    for position, name in enumerate(names):
        column = frame.iloc[:, position]
        if name:
            keep.append(position)
        elif position == 0 and _is_row_index(column):
            notes.append("dropped the unnamed first column: it only numbers the rows 0, 1, "
                         "2, … (a pandas index written to the file)")
        elif not column.notna().any():
            empty += 1
        else:
            new = f"column_{get_column_letter(position + 1)}"
            while new in taken:
                new += "_"
            taken.add(new)
            renamed[position] = new
            keep.append(position)
    if empty:
        notes.append(f"dropped {empty} empty columns without a name")
    for position, new in renamed.items():
        notes.append(f"column {get_column_letter(position + 1)} has no name in the header; "
                     f"called it '{new}'")
    frame = frame.iloc[:, keep].copy()
    frame.columns = [renamed.get(position, names[position]) for position in keep]
    return frame

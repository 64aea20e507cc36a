"""Read any supported log or list file into a RawTable, whatever its name claims.

The real format is detected from the content (magic bytes), not from the extension: a zip is
an .xlsx workbook, "PAR1" is Parquet, gzip is unpacked (with size and ratio caps) and looked
into, XML with a <log> root is XES, anything else is text read as CSV. When the extension says
otherwise, the table's notes say so. Old .xls workbooks, HTML pages saved as "Excel", PDFs and
archives are refused with what to do instead.

Every failure is a DossierflowError (InputFileError / UnsafeInputError) that names the file,
says what is wrong and how to fix it; no raw parser exception escapes.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
import zlib
from pathlib import Path

from dossierflow.mining.errors import DossierflowError, InputFileError
from dossierflow.mining.io.raw_table import RawTable, ReadLimits
from dossierflow.mining.io.read_csv import read_csv_text
from dossierflow.mining.io.read_excel import read_excel
from dossierflow.mining.io.read_parquet import read_parquet
from dossierflow.mining.io.read_xes import _gunzip_capped, read_xes
from dossierflow.mining.io.text_encoding import decode_text

__all__ = ["RawTable", "ReadLimits", "read_table"]

_HEAD = 64 * 1024
_EXTENSIONS = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".tab": "csv", ".xlsx": "xlsx",
               ".xlsm": "xlsx", ".xls": "xls", ".parquet": "parquet", ".pq": "parquet",
               ".xes": "xes"}
_DESCRIPTIONS = {"csv": ("CSV text", "CSV"), "xlsx": ("an Excel workbook", "Excel"),
                 "parquet": ("a Parquet file", "Parquet"), "xes": ("an XES event log", "XES")}
_FIX_RESAVE = ('open it in Excel and choose File > Save As > "Excel Workbook (*.xlsx)" or '
               '"CSV UTF-8 (Comma delimited) (*.csv)", then import the new file.')


def read_table(path: str | os.PathLike, *, sheet: str | None = None,
               limits: ReadLimits | None = None) -> RawTable:
    """Read the table in ``path`` (CSV, .xlsx, Parquet, XES, gzip of CSV/XES).

    ``sheet`` picks an Excel sheet (default: the first). Raises InputFileError when the file
    cannot be read, UnsafeInputError when it tries something dangerous.
    """
    file = str(path)
    try:
        return _read(Path(path), file, sheet, limits or ReadLimits())
    except DossierflowError:
        raise
    except MemoryError:
        raise InputFileError("is too large to read into the memory of this computer.",
                             file=file, fix="split the file (e.g. by year) and import the "
                                            "parts, or convert it to Parquet.") from None
    except RecursionError:
        raise InputFileError("is nested too deeply to be read.", file=file,
                             fix="export the data again as CSV UTF-8.") from None
    except Exception as error:  # the promise: no raw exception escapes
        raise InputFileError(
            f"could not be read ({type(error).__name__}: {str(error)[:200]}).", file=file,
            fix="check that the file is a CSV, .xlsx, Parquet or XES file and export it "
                "again.") from None


def _read(path: Path, file: str, sheet: str | None, limits: ReadLimits) -> RawTable:
    _check_path(path, file, limits)
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD)
    except OSError as error:
        raise _os_error(error, file) from None
    expected, expect_gzip = _expected(path)
    notes: list[str] = []
    if head.startswith(b"\x1f\x8b"):
        if not expect_gzip:
            notes.append(f"file named {_suffix(path)} is gzip-compressed; unpacked it")
        table = _read_gzip(path, file, head, sheet, limits, expected, notes)
    else:
        if expect_gzip:
            notes.append(f"file named {_suffix(path)} is not gzip-compressed; read it as is")
        kind = _kind(head, file)
        table = _dispatch(kind, path, file, sheet, limits)
        if expected and kind != expected:
            notes.append(_lie(path, kind, expected))
    if sheet is not None and table.format != "xlsx":
        notes.append(f"sheet '{sheet}' was ignored: this file is not a workbook")
    table.notes[:0] = notes
    return table


def _check_path(path: Path, file: str, limits: ReadLimits) -> None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputFileError("does not exist (file not found).", file=file,
                             fix="check the folder and the file name (and its extension), "
                                 "then try again.") from None
    except OSError as error:
        raise _os_error(error, file) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError("is a folder, not a file.", file=file,
                             fix="choose one of the files inside the folder.")
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError("is not a regular file (it is a device, pipe or socket).",
                             file=file, fix="save the data to a file and import that file.")
    if info.st_size == 0:
        raise InputFileError("the file is empty (0 bytes).", file=file,
                             fix="export the data again; the export or the copy may have "
                                 "failed.")
    if info.st_size > limits.max_file_bytes:
        raise InputFileError(
            f"is {info.st_size:,} bytes, more than the {limits.max_file_bytes:,} this reader "
            "accepts.", file=file,
            fix="split the file (e.g. by year), or raise ReadLimits.max_file_bytes.")


def _os_error(error: OSError, file: str) -> InputFileError:
    if isinstance(error, PermissionError):
        return InputFileError("cannot be opened: permission denied.", file=file,
                              fix="close the file in other programs (Excel locks open files) "
                                  "or ask for read access, then try again.")
    return InputFileError(f"cannot be opened: {error.strerror or error}.", file=file,
                          fix="check the path and that the disk is available.")


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if len(suffixes) == 2 and suffixes[-1] == ".gz" and suffixes[0] in _EXTENSIONS:
        return "".join(suffixes)
    return path.suffix.lower() or "(no extension)"


def _expected(path: Path) -> tuple[str | None, bool]:
    """(format the extension claims, whether it claims gzip)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        inner = suffixes[-2] if len(suffixes) > 1 else None
        return _EXTENSIONS.get(inner), True
    return (_EXTENSIONS.get(suffixes[-1]) if suffixes else None), False


def _lie(path: Path, kind: str, expected: str) -> str:
    description, label = _DESCRIPTIONS[kind]
    return f"file named {_suffix(path)} is {description}; read it as {label}"


def _text_head(head: bytes) -> str:
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return head[:4096].decode("utf-16", errors="replace").lstrip()
    return head[:4096].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")


def _kind(head: bytes, file: str) -> str:
    """The format of a file from its first bytes; refuse the formats we cannot read."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputFileError(
            "is an old Excel 97-2003 workbook (.xls) or a password-protected workbook; only "
            ".xlsx workbooks can be read.", file=file,
            fix=_FIX_RESAVE + " If the workbook has a password, remove it first (File > Info > "
                "Protect Workbook).")
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"%PDF"):
        raise InputFileError("is a PDF document, not a table.", file=file,
                             fix="export the report from the one-stop system as Excel (.xlsx) "
                                 "or CSV instead of PDF.")
    if head.startswith((b"Rar!", b"7z\xbc\xaf\x27\x1c", b"BZh", b"\xfd7zXZ")):
        raise InputFileError("is a compressed archive (RAR, 7z, bzip2 or xz).", file=file,
                             fix="extract it and import the CSV, Excel or XES file inside.")
    text = _text_head(head)
    lowered = text[:2048].lower()
    if lowered.startswith(("<!doctype html", "<html")) or (
            lowered.startswith("<") and ("<table" in lowered or "<html" in lowered)):
        raise InputFileError(
            "is a web page (HTML), not a spreadsheet; some systems export \"Excel\" files this "
            "way.", file=file, fix=_FIX_RESAVE)
    if lowered.startswith("<"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in lowered:
            raise InputFileError("is an Excel 2003 XML spreadsheet, not an .xlsx workbook.",
                                 file=file, fix=_FIX_RESAVE)
        return "xes"
    return "csv"


def _dispatch(kind: str, path: Path, file: str, sheet: str | None, limits: ReadLimits,
              display: str | None = None) -> RawTable:
    shown = display or file
    if kind == "xlsx":
        return read_excel(path, sheet=sheet, limits=limits, display_path=shown)
    if kind == "parquet":
        return read_parquet(path, limits=limits, display_path=shown)
    if kind == "xes":
        return read_xes(path, limits=limits, display_path=shown)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise _os_error(error, shown) from None
    return _read_csv_bytes(data, shown, limits, [])


def _read_csv_bytes(data: bytes, file: str, limits: ReadLimits, notes: list[str]) -> RawTable:
    text, encoding, decode_notes = decode_text(data, file)
    notes = notes + decode_notes
    changed = any(note.startswith("normalised") for note in decode_notes)
    if encoding in ("utf-8", "utf-8-sig") and not changed:
        del text  # the bytes are the text already: parse them, keep one copy in memory
        return read_csv_text(data, file, encoding=encoding, notes=notes, limits=limits)
    del data
    return read_csv_text(text, file, encoding=encoding, notes=notes, limits=limits)


def _read_gzip(path: Path, file: str, head: bytes, sheet: str | None, limits: ReadLimits,
               expected: str | None, notes: list[str]) -> RawTable:
    try:
        inner_head = zlib.decompressobj(wbits=31).decompress(head, _HEAD)
    except zlib.error as error:
        raise InputFileError(f"is a damaged gzip file ({error}).", file=file,
                             fix="download or compress the original file again.") from None
    if inner_head.startswith(b"\x1f\x8b"):
        raise InputFileError("is gzip inside gzip; only one level of compression is read.",
                             file=file, fix="decompress it once and import the result.")
    kind = _kind(inner_head, file) if inner_head else "csv"
    if expected and kind != expected:
        notes.append(_lie(path, kind, expected))
    if kind == "xes":
        return read_xes(path, limits=limits, display_path=file)
    if kind == "csv":
        buffer = io.BytesIO()
        _gunzip_capped(path, buffer, limits, file)
        data = buffer.getvalue()
        del buffer
        if not data:
            raise InputFileError("the file is empty (its gzip content is 0 bytes).",
                                 file=file, fix="export the data again.")
        return _read_csv_bytes(data, file, limits, [])
    descriptor, temporary = tempfile.mkstemp(prefix="dossierflow-",
                                             suffix=".xlsx" if kind == "xlsx" else ".parquet")
    try:
        with os.fdopen(descriptor, "wb") as out:
            _gunzip_capped(path, out, limits, file)
        return _dispatch(kind, Path(temporary), temporary, sheet, limits, display=file)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)

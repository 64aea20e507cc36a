"""Write tables for people and for other tools: CSV, Excel, JSON, Parquet.

Conventions shared by every export:
* CSV is UTF-8 with a BOM (Excel then shows Vietnamese correctly), comma-separated, text in
  double quotes, times as ISO 8601 local times with their offset
  (``2023-09-05T13:40:00+07:00``; fractions of a second only when the column has them).
* Excel ``.xlsx`` holds times as local (Asia/Ho_Chi_Minh) date-times without a zone, which is
  how dossierflow and Excel users read them back.
* JSON holds records with the same ISO times; Parquet keeps the column types, times zoned
  Asia/Ho_Chi_Minh.
* Formula injection (OWASP, "CSV injection"): a text cell starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return could run as a formula in a spreadsheet. In CSV such a
  cell is written with a leading single quote (``'=HYPERLINK(…)``), so a re-import gives the
  quote too. Cells that cannot be formulas are left alone so that ordinary values survive:
  plain numbers (``-3``, ``+84912345678``) and dashes alone (``-``, ``--``). In ``.xlsx`` the
  cell keeps its exact text, is stored as text (never as a formula) and carries Excel's own
  quote-prefix flag, which is what Excel stores when a user types an apostrophe: Excel shows
  and edits it as text, and a re-import gives the original value. Numeric cells stay numbers.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.vocabulary import TZ

TABLE_FORMATS = ("csv", "xlsx", "json", "parquet")
EXCEL_MAX_ROWS = 1_048_576
_RISKY = re.compile(r"[=+\-@\t\r]")
_HARMLESS = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)*|\d*\.\d+)(?:[eE][+-]?\d+)?|-+")


def table_format(path: str | Path, format: str | None, formats: tuple[str, ...],
                 suffixes: Mapping[str, str]) -> str:
    """The format named, else the one of the file's extension; a DossierflowError otherwise."""
    if format is not None:
        chosen = format.lower().lstrip(".")
        if chosen not in formats:
            raise DossierflowError(f"'{format}' is not an export format here.", file=str(path),
                                   fix=f"use one of {', '.join(formats)}.")
        return chosen
    name = Path(path).name.lower()
    for suffix, kind in sorted(suffixes.items(), key=lambda s: -len(s[0])):
        if name.endswith(suffix):
            return kind
    raise DossierflowError("cannot tell the export format from the file name.", file=str(path),
                           fix=f"end the name with one of {', '.join(suffixes)} or give the "
                               "format.")


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it once written completely."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _is_text(series: pd.Series) -> bool:
    return series.dtype == object or pd.api.types.is_string_dtype(series.dtype)


def is_time(series: pd.Series) -> bool:
    """Whether ``series`` holds date-times (with or without a zone)."""
    return pd.api.types.is_datetime64_any_dtype(series.dtype)


def formula_like(values: pd.Series) -> pd.Series:
    """Which text cells a spreadsheet could run as a formula (see the module's docstring)."""
    text = values.astype("string")
    return (text.str.match(_RISKY) & ~text.str.fullmatch(_HARMLESS)).fillna(False).astype(bool)


def local_times(values: pd.Series) -> pd.Series:
    """Times as Asia/Ho_Chi_Minh (a time without a zone is taken to be local already)."""
    return values.dt.tz_localize(TZ) if values.dt.tz is None else values.dt.tz_convert(TZ)


def iso_times(values: pd.Series) -> pd.Series:
    """ISO 8601 local times with offset, e.g. ``2023-09-05T13:40:00+07:00``; missing stays NA.

    Microseconds are written when the column has fractions of a second."""
    local = local_times(values)
    wall = local.dt.tz_localize(None)
    seconds = wall.dt.floor("s")
    text = pd.Series(pd.array(pa.array(np.datetime_as_string(
        seconds.to_numpy(dtype="datetime64[s]"), unit="s")), dtype="string"), index=values.index)
    micro = (wall - seconds).dt.microseconds.fillna(0).astype("int64")
    if (micro != 0).any():
        text = text + "." + micro.astype("string").str.zfill(6)
    minutes = (wall - local.dt.tz_convert("UTC").dt.tz_localize(None)).dt.total_seconds() // 60
    offsets = {m: f"{'+' if m >= 0 else '-'}{int(abs(m)) // 60:02d}:{int(abs(m)) % 60:02d}"
               for m in minutes.dropna().unique()}
    return (text + minutes.map(offsets).astype("string")).mask(local.isna())


def _csv_frame(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Times as ISO text, formula-like text quoted; and how many cells were quoted."""
    out = frame.copy()
    neutralised = 0
    for column in out.columns:
        series = out[column]
        if is_time(series):
            out[column] = iso_times(series)
        elif _is_text(series):
            risky = formula_like(series)
            if risky.any():
                out[column] = series.astype("string").mask(risky, "'" + series.astype("string"))
                neutralised += int(risky.sum())
    header = pd.Series([str(c) for c in out.columns], dtype="string")
    risky = formula_like(header)
    out.columns = ["'" + h if r else h for h, r in zip(header, risky)]
    return out, neutralised + int(risky.sum())


def write_csv(frame: pd.DataFrame, path: str | Path) -> int:
    """Write ``frame`` as CSV; return how many formula-like cells were quoted."""
    import pyarrow.csv as pa_csv

    out, neutralised = _csv_frame(frame)
    table = _arrow_table(out)
    with replacing(path) as tmp, open(tmp, "wb") as handle:
        handle.write(codecs.BOM_UTF8)
        pa_csv.write_csv(table, handle, pa_csv.WriteOptions(quoting_style="needed"))
    return neutralised


def _cells(series: pd.Series) -> list:
    """Python values for openpyxl: local naive date-times, None for missing."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if is_time(series):
        local = local_times(series).dt.tz_localize(None)
        return [None if pd.isna(v) else v.to_pydatetime() for v in local]
    values = series.astype(object).tolist()
    cells = []
    for value in values:
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
            cells.append(None)
        elif isinstance(value, str):
            cells.append(ILLEGAL_CHARACTERS_RE.sub("", value))
        elif isinstance(value, np.generic):
            cells.append(value.item())
        else:
            cells.append(value)
    return cells


def write_xlsx(tables: Mapping[str, pd.DataFrame], path: str | Path) -> int:
    """Write each table to a sheet of its name; return how many formula-like text cells
    were flagged as text (see the module's docstring)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    for name, frame in tables.items():
        if len(frame) >= EXCEL_MAX_ROWS:
            raise DossierflowError(
                f"table '{name}' has {len(frame):,} rows; an Excel sheet holds at most "
                f"{EXCEL_MAX_ROWS - 1:,} below its header.", file=str(path),
                fix="export as CSV or Parquet, or filter the log first.")
    book = Workbook(write_only=True)
    neutralised = 0
    for name, frame in tables.items():
        sheet = book.create_sheet(title=re.sub(r"[\[\]:*?/\\]", "_", str(name))[:31] or "data")

        def text_cell(value: str, sheet=sheet):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            cell.quotePrefix = True
            return cell

        header = [str(c) for c in frame.columns]
        risky_header = formula_like(pd.Series(header, dtype="string"))
        sheet.append([text_cell(h) if r else h for h, r in zip(header, risky_header)])
        neutralised += int(risky_header.sum())
        columns = []
        for column in frame.columns:
            cells = _cells(frame[column])
            if _is_text(frame[column]):
                risky = formula_like(pd.Series(cells, dtype="string"))
                for i in np.flatnonzero(risky.to_numpy()):
                    cells[i] = text_cell(cells[i])
                neutralised += int(risky.sum())
            columns.append(cells)
        for row in zip(*columns):
            sheet.append(row)
    with replacing(path) as tmp:
        book.save(tmp)
    return neutralised


def _records(frame: pd.DataFrame) -> list[dict]:
    out = frame.copy()
    for column in out.columns:
        if is_time(out[column]):
            out[column] = iso_times(out[column])
    return json.loads(out.to_json(orient="records", force_ascii=False, double_precision=15))


def write_json(tables: pd.DataFrame | Mapping[str, pd.DataFrame], path: str | Path) -> None:
    """Write a table as a list of records, or named tables as an object of such lists."""
    data = (_records(tables) if isinstance(tables, pd.DataFrame)
            else {name: _records(frame) for name, frame in tables.items()})
    with replacing(path) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def _arrow_table(frame: pd.DataFrame) -> pa.Table:
    """``frame`` as an Arrow table; columns Arrow cannot type (mixed objects) become text."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            out[column] = series.astype("string")
        elif series.dtype == object:
            try:
                pa.array(series, from_pandas=True)
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                out[column] = series.astype("string")
    return pa.Table.from_pandas(out, preserve_index=False)


def write_parquet(frame: pd.DataFrame, path: str | Path) -> None:
    """Write ``frame`` as Parquet with local times; text stays text."""
    import pyarrow.parquet as pq

    local = frame.assign(**{c: local_times(frame[c]) for c in frame
                            if isinstance(frame[c].dtype, pd.DatetimeTZDtype)})
    with replacing(path) as tmp:
        pq.write_table(_arrow_table(local), tmp)


def export_table(table: pd.DataFrame | Mapping[str, pd.DataFrame], path: str | Path, *,
                 format: str | None = None) -> Path:
    """Write a table (or named tables) as CSV, Excel, JSON or Parquet (format from the
    extension unless given). Several tables go to one sheet each in Excel and to one key each
    in JSON; CSV and Parquet hold one table."""
    kind = table_format(path, format, TABLE_FORMATS, {f".{f}": f for f in TABLE_FORMATS})
    single = isinstance(table, pd.DataFrame)
    if not single and kind in ("csv", "parquet"):
        raise DossierflowError(f"{kind.upper()} holds one table, not {len(table)}.",
                               file=str(path), fix="export to .xlsx or .json, or one table "
                                                   "per file.")
    if kind == "csv":
        write_csv(table, path)
    elif kind == "parquet":
        write_parquet(table, path)
    elif kind == "json":
        write_json(table, path)
    else:
        write_xlsx({"data": table} if single else table, path)
    return Path(path)


def export_kpis(view: LogView, path: str | Path, *, by: str | None = None,
                format: str | None = None) -> Path:
    """Write the Decision 766 indicators of ``view`` (``dossierflow.mining.analysis.kpis``).

    CSV and Parquet: the ``kpis(view, by=by)`` table. Excel and JSON: ``overall``,
    ``scorecard`` and, with ``by``, ``by_<by>`` (sheets, or keys as in ``kpis.json``).
    """
    from dossierflow.mining.analysis.kpis import kpis, scorecard

    kind = table_format(path, format, TABLE_FORMATS, {f".{f}": f for f in TABLE_FORMATS})
    if kind in ("csv", "parquet"):
        return export_table(kpis(view, by=by), path, format=kind)
    tables = {"overall": kpis(view), "scorecard": scorecard(view)}
    if by is not None:
        tables[f"by_{by}"] = kpis(view, by=by)
    return export_table(tables, path, format=kind)

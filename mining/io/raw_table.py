"""What a file reader returns: the table as found, where each row came from, and what was repaired.

``RawTable`` is the hand-over between the format readers (CSV, Excel, Parquet, XES) and column
mapping. Column names are NFC-normalised and stripped; CSV and Excel cells stay as they were
written (text stays text, so "069176905016" keeps its leading zero); Parquet and XES keep their
types. ``ReadLimits`` bounds what a reader is willing to do with a hostile or broken file.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dossierflow.mining.errors import InputFileError

GIB = 1024**3
TEXT = pd.StringDtype("pyarrow", na_value=np.nan)  # the type of text cells, as CSV reads them


@dataclass(frozen=True)
class ReadLimits:
    """Upper bounds a reader enforces before and while reading a file.

    ``max_decompression_ratio`` applies once more than ``ratio_check_after_bytes`` have come
    out of a compressed stream (gzip, or the parts of an .xlsx zip), so that tiny files with a
    high ratio are not refused.
    """

    max_file_bytes: int = 8 * GIB
    max_decompressed_bytes: int = 4 * GIB
    max_decompression_ratio: float = 200.0
    ratio_check_after_bytes: int = 1024**2
    max_columns: int = 2000
    max_zip_entries: int = 10_000
    max_xml_prolog_bytes: int = 1024**2


@dataclass
class RawTable:
    """A table read from a file, before any column is interpreted.

    ``row_numbers[i]`` is the 1-based position of ``frame.iloc[i]`` in the source as a user
    sees it: the physical line of a CSV file, the row of an Excel sheet, the event number of an
    XES log or a Parquet file. ``notes`` lists every repair the reader did, in plain English.
    """

    frame: pd.DataFrame
    row_numbers: np.ndarray
    path: str
    format: str
    sheet: str | None = None
    header_row: int | None = None
    notes: list[str] = field(default_factory=list)
    encoding: str | None = None

    def __len__(self) -> int:
        return len(self.frame)


def _clean_column_names(names: list, *, file: str, row: int | None = None,
                        what: str = "header") -> list[str]:
    """NFC-normalise and strip column names; refuse two columns with the same name.

    Empty names are returned as "" (the caller decides what an unnamed column is).
    """
    cleaned = []
    for name in names:
        text = "" if name is None else str(name)
        text = unicodedata.normalize("NFC", text.replace("\ufeff", "")).strip()
        cleaned.append(text)
    seen: dict[str, int] = {}
    for position, name in enumerate(cleaned, start=1):
        if not name:
            continue
        if name in seen:
            where = f" ({what} on line {row})" if row is not None and what == "header" else ""
            raise InputFileError(
                f"columns {seen[name]} and {position} are both named '{name}'{where}.",
                file=file, row=row, column=name,
                fix=f"rename one of them (columns {seen[name]} and {position}) so that every "
                    "column has its own name, then import again.")
        seen[name] = position
    return cleaned


def _nfc_text_columns(frame: pd.DataFrame) -> int:
    """Normalise decomposed (NFD) text cells of ``frame`` to NFC in place; return how many.

    Only distinct values are checked, so a column with few distinct values costs little.
    """
    repaired = 0
    for name in frame.columns:
        column = frame[name]
        if not (pd.api.types.is_string_dtype(column.dtype) or column.dtype == object):
            continue
        try:
            distinct = pc.unique(pa.array(column.dropna().astype("string").array))
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
            continue
        texts = distinct.filter(pc.invert(pc.string_is_ascii(distinct))).to_pylist()
        if not texts or unicodedata.is_normalized("NFC", "\n".join(texts)):
            continue
        mapping = {v: unicodedata.normalize("NFC", v) for v in texts
                   if not unicodedata.is_normalized("NFC", v)}
        hits = column.isin(list(mapping))
        repaired += int(hits.sum())
        frame[name] = column.where(~hits, column.map(lambda v, nfc=mapping: nfc.get(v, v)))
    return repaired


def _empty_columns_as_text(frame: pd.DataFrame) -> None:
    """Give the text type to columns without any value (all None, NaN or Arrow null), in place:
    such a column has no type of its own, and every later step expects one."""
    empty = [name for name in frame.columns if not frame[name].notna().any()
             and not isinstance(frame[name].dtype, pd.StringDtype)]
    for name in empty:
        frame[name] = pd.Series(pd.NA, index=frame.index, dtype=TEXT)

"""Read a Parquet file into a RawTable, keeping its column types."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from dossierflow.mining.errors import InputFileError
from dossierflow.mining.io.raw_table import (
    RawTable,
    ReadLimits,
    _clean_column_names,
    _empty_columns_as_text,
    _nfc_text_columns,
)


def read_parquet(path: str | Path, *, limits: ReadLimits | None = None,
                 display_path: str | None = None) -> RawTable:
    """Read the whole Parquet file at ``path``; row numbers are 1..n."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    file = display_path or str(path)
    limits = limits or ReadLimits()
    try:
        parquet = pq.ParquetFile(path)
        width = parquet.metadata.num_columns
        if width > limits.max_columns:
            raise InputFileError(
                f"has {width} columns, more than the {limits.max_columns} this reader "
                "accepts.", file=file, fix="write only the columns you need to the file.")
        table = parquet.read()
        _clean_column_names(table.column_names, file=file, what="Parquet schema")
        frame = table.to_pandas(split_blocks=True, self_destruct=True)
        del table
        if not isinstance(frame.index, pd.RangeIndex) or frame.index.name is not None:
            frame = frame.reset_index()
        names = _clean_column_names(list(frame.columns), file=file, what="Parquet schema")
    except InputFileError:
        raise
    except (pa.ArrowException, OSError, ValueError, TypeError, KeyError) as error:
        raise InputFileError(
            f"is a Parquet file that cannot be read ({str(error)[:200]}): it is damaged, "
            "incomplete or uses a feature pyarrow does not support.", file=file,
            fix="write the file again (e.g. pandas DataFrame.to_parquet) and import it."
        ) from None
    frame.columns = names
    notes: list[str] = []
    unnamed = [i for i, name in enumerate(names) if not name]
    if unnamed:
        renamed = list(names)
        for i in unnamed:
            renamed[i] = f"column_{i + 1}"
            notes.append(f"column {i + 1} has no name; called it 'column_{i + 1}'")
        frame.columns = renamed
    if len(frame) == 0:
        raise InputFileError("has columns but no rows.", file=file,
                             fix="write the data rows to the file too.")
    repaired = _nfc_text_columns(frame)
    if repaired:
        notes.append(f"normalised {repaired} decomposed (NFD) text cells to NFC")
    _empty_columns_as_text(frame)
    return RawTable(frame=frame, row_numbers=np.arange(1, len(frame) + 1, dtype=np.int64),
                    path=file, format="parquet", sheet=None, header_row=None, notes=notes,
                    encoding=None)

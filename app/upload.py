"""A centre's own export, uploaded in the app, imported into a workspace; and a re-import
with a column mapping edited in the app."""

from __future__ import annotations

import re

import pandas as pd

from dossierflow.mining.errors import ColumnMappingError, InputFileError
from dossierflow.mining.io.columns import ALL_FIELDS, MappingFile
from dossierflow.mining.io.read_table import read_table
from dossierflow.mining.log.import_and_store import StoredImport, import_to_workspace
from dossierflow.mining.log.workspace import default_name, workspace_home

TYPES = (".csv", ".xlsx", ".parquet", ".xes", ".xes.gz")
MAX_MB = 200  # as server.maxUploadSize in .streamlit/config.toml
FIELDS = tuple(ALL_FIELDS)
_DESCRIBED = re.compile(r"^(\w+) <- '(.*)' \((.*)\)$")


def file_type(filename: str) -> str | None:
    """The accepted type ``filename`` ends with ('.xes.gz', '.csv', …), or None."""
    lower = filename.lower()
    return next((suffix for suffix in sorted(TYPES, key=len, reverse=True)
                 if lower.endswith(suffix)), None)


def import_upload(data: bytes, filename: str, *, max_mb: int = MAX_MB) -> StoredImport:
    """Store the uploaded bytes under $DOSSIERFLOW_HOME/uploads and import them into the
    workspace named after the file; a DossierflowError says what is wrong with the file."""
    suffix = file_type(filename)
    if suffix is None:
        raise InputFileError(f"'{filename}' is not a type of file dossierflow reads.",
                             file=filename, fix="upload a CSV (UTF-8), Excel .xlsx, Parquet, "
                                                "XES or .xes.gz export of the log.")
    if not data:
        raise InputFileError("the file is empty.", file=filename,
                             fix="export the log again and upload the new file.")
    if len(data) > max_mb * 1024 * 1024:
        raise InputFileError(f"the file is larger than {max_mb} MB.", file=filename,
                             fix="import it on the command line: `dossierflow import FILE`.")
    name = default_name(filename)
    folder = workspace_home() / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}{suffix}"
    path.write_bytes(data)
    return import_to_workspace(path, name=name)


def source_columns(source: str) -> list[str]:
    """The column names of a source file, as read."""
    return [str(c) for c in read_table(source).frame.columns]


def mapping_rows(columns: list[str], described: list[str]) -> pd.DataFrame:
    """One row per source column with the canonical field it fills ('' when kept as an
    attribute), from the mapping lines a workspace stores (``case_id <- 'Mã hồ sơ' (…)``)."""
    fields = {}
    for line in described:
        match = _DESCRIBED.match(line)
        if match:
            fields[match.group(2)] = match.group(1)
    return pd.DataFrame({"column": columns, "field": [fields.get(c, "") for c in columns]})


def reimport(rows: pd.DataFrame, sources: list[str], name: str) -> StoredImport:
    """Import ``sources`` (a log, then an optional dossier list) again into workspace
    ``name``, the log's columns mapped as the edited ``rows`` say."""
    chosen = rows[rows["field"].fillna("") != ""]
    doubled = sorted(chosen["field"][chosen["field"].duplicated()].unique())
    if doubled:
        raise ColumnMappingError(f"more than one column is mapped to {', '.join(doubled)}.",
                                 fix="map each field from one column only.")
    mapping = MappingFile(columns=dict(zip(chosen["field"], chosen["column"])))
    return import_to_workspace(sources[0], name=name, mapping=mapping,
                               cases=sources[1] if len(sources) > 1 else None)

"""A centre's own export, uploaded in the app, imported into a workspace; and a re-import
with a column mapping edited in the app."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from dossierflow.app.i18n import LABELS, t
from dossierflow.mining.errors import ColumnMappingError, InputFileError
from dossierflow.mining.io.columns import ALL_FIELDS, MappingFile
from dossierflow.mining.io.read_table import read_table
from dossierflow.mining.log.import_and_store import StoredImport, import_to_workspace
from dossierflow.mining.log.workspace import default_name, workspace_home

TYPES = (".csv", ".xlsx", ".parquet", ".xes", ".xes.gz")
MAX_MB = 200  # as server.maxUploadSize in .streamlit/config.toml
FIELDS = tuple(ALL_FIELDS)
_DESCRIBED = re.compile(r"^(\w+) <- '(.*)' \((.*)\)$")
# the import's English notes and reasons Vietnamese readers get translated (key, pattern);
# the others are shown as they are, under "technical notes (English)"
_NOTES = (("note_activities", r"(?P<n>\d+) activity names recognised in the one-stop vocabulary"),
          ("note_dates", r"column '(?P<column>.+)': (?P<n>\d+) day-first dates"),
          ("note_calendar", r"calendar: public holidays of VN, time zone Asia/Ho_Chi_Minh, "
                            r"office hours 07:30–11:30, 13:30–17:00 on Mon, Tue, Wed, Thu, Fri"),
          ("note_missing", r"missing (?P<column>case id|activity|timestamp)$"),
          ("note_duplicate", r"identical to an earlier row; kept as a repeated event$"),
          ("note_listed_twice", r"dossier id listed twice$"))


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


def field_label(field: str, lang: str) -> str:
    """The name of a canonical field (``case_id``, ``due_at`` …) in ``lang``."""
    key = f"field_{field}"
    return t(key, lang) if key in LABELS else field


def mapping_table(described: list[str], lang: str) -> pd.DataFrame:
    """The mapping lines a workspace stores (``case_id <- 'Mã hồ sơ' (automatic)``) as a table
    of the field's name, the file's column and how it was chosen, in ``lang``."""
    rows = []
    for line in described:
        match = _DESCRIBED.match(line)
        if match:
            how = {"automatic": "mapped_automatic", "mapping file": "mapped_by_file"}.get(
                match.group(3))
            rows.append({t("mapping_field", lang): field_label(match.group(1), lang),
                         t("mapping_column", lang): match.group(2),
                         t("mapping_how", lang): t(how, lang) if how else match.group(3)})
    return pd.DataFrame(rows)


def translated(note: str, lang: str) -> str | None:
    """An English note or reason of the import in ``lang``; None when it has no translation."""
    if lang == "en":
        return note
    for key, pattern in _NOTES:
        match = re.match(pattern, note)
        if match:
            found = match.groupdict()
            if "column" in found and found["column"] in ("case id", "activity", "timestamp"):
                found["column"] = field_label(found["column"].replace(" ", "_"), lang)
            return t(key, lang).format(**found)
    return None


def issue_table(issues: list, lang: str) -> pd.DataFrame:
    """The rows of a validation report's issues, headed and worded in ``lang`` (a reason
    without a translation stays in English)."""
    return pd.DataFrame({
        t("issue_reason", lang): [translated(i.reason, lang) or i.reason for i in issues],
        t("issue_count", lang): [i.count for i in issues],
        t("issue_rows", lang): [", ".join(map(str, i.rows)) for i in issues],
        t("issue_column", lang): [i.column for i in issues],
        t("issue_action", lang): [t(f"action_{i.action}", lang) for i in issues]})


def show_notes(notes: list[str], lang: str) -> None:
    """The import's notes: those translated as captions, the others under an expander that
    says they are technical notes in English."""
    untranslated = []
    for note in notes:
        text = translated(note, lang)
        if text is None:
            untranslated.append(note)
        else:
            st.caption(text)
    if untranslated:
        with st.expander(t("technical_notes", lang)):
            for note in untranslated:
                st.caption(note)


def uploader_texts(lang: str) -> None:
    """Streamlit writes its uploaders' own texts in English only: replace them on the page
    (the limit is then said by a caption of ``upload_limit``)."""
    st.html(f"""<style>
[data-testid="stFileUploaderDropzoneInstructions"] {{display: none;}}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]
  {{display: none;}}
[data-testid="stFileUploaderDropzone"] button [data-has-shortcut]::after
  {{content: "{t('upload_browse', lang)}";}}
</style>""")

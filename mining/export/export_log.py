"""Write an event log as CSV, Excel, Parquet or XES that dossierflow and pm4py read back.

The tabular formats hold one row per event with its dossier's attributes, under names that
``import_log`` maps back without a mapping file and that pm4py uses by default:
``case:concept:name``, ``concept:name``, ``time:timestamp``, ``org:resource``, ``org:role``,
``lifecycle:transition``; ``start_timestamp`` and ``agency`` as they are; the dossier's
canonical fields under their first accepted name (``procedure_id``, ``procedure``,
``case:agency``, ``channel``, ``received_at``, …) and its other attributes as
``case:<name>``. XES holds a trace per dossier with its attributes, an event per row with
the standard keys (start times as the date attribute ``start_timestamp``, as pm4py's interval
logs have them). Legal time limits are written in the unit they were given in (hours when
``legal_unit`` says so), as the import expects.

Personal data is pseudonymised unless ``pseudonymise=False`` is given
(``dossierflow.mining.export.pseudonymise``); CSV and Excel cells are protected against formula
injection (``dossierflow.mining.export.export_tables``).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.export.export_tables import (
    is_time,
    iso_times,
    replacing,
    table_format,
    write_csv,
    write_parquet,
    write_xlsx,
)
from dossierflow.mining.export.pseudonymise import KEY_ENV, Pseudonymised, pseudonym_key
from dossierflow.mining.export.pseudonymise import pseudonymise as pseudonymise_table
from dossierflow.mining.io.columns import ALL_FIELDS, CASE_FIELDS, EVENT_FIELDS
from dossierflow.mining.io.import_log import ImportedLog
from dossierflow.mining.log.analysis_table import AnalysisLog
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.vocabulary import TZ

LOG_FORMATS = ("csv", "xlsx", "parquet", "xes")
SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet", ".xes": "xes",
            ".xes.gz": "xes"}
# what prepare() derives; an export holds the log as imported, so these are left out
DERIVED_EVENTS = ("case_code", "activity_code", "resource_code", "agency_code", "event_index",
                  "clock", "next_activity", "wait_seconds", "wait_working_minutes",
                  "start_clock", "service_seconds", "service_working_minutes")
DERIVED_CASES = ("case_code", "n_events", "first_timestamp", "last_timestamp",
                 "n_supplement_requests", "supplement_pause_working_minutes",
                 "lead_time_seconds", "lead_time_working_days", "handling_working_days",
                 "on_time_class", "lateness_working_hours", "variant", "variant_rank",
                 "variant_id")
_HOURS = "giờ|gio|hour"  # as import_log reads legal_unit
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"),
                ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;"))
_XES_EXTENSIONS = (("Concept", "concept"), ("Time", "time"), ("Organizational", "org"),
                   ("Lifecycle", "lifecycle"))
_XES_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849.2016" '
             'xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">\n'
             + "".join(f'\t<extension name="{name}" prefix="{prefix}" '
                       f'uri="http://www.xes-standard.org/{prefix}.xesext"/>\n'
                       for name, prefix in _XES_EXTENSIONS)
             + '\t<classifier name="Activity" keys="concept:name"/>\n')


@dataclass(frozen=True)
class ExportedLog:
    """What ``export_log`` wrote: where, in which format, how much, and what it protected
    (``pseudonymised`` is None when pseudonymisation was turned off; ``key_source`` says where
    the key came from; ``neutralised`` counts formula-like CSV/Excel cells)."""

    path: Path
    format: str
    cases: int
    events: int
    pseudonymised: Pseudonymised | None
    key_source: str | None
    neutralised: int


def _local(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(**{c: frame[c].dt.tz_convert(TZ) for c in frame
                           if isinstance(frame[c].dtype, pd.DatetimeTZDtype)})


def log_tables(log: ImportedLog | AnalysisLog | LogView) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Events and cases of ``log`` as imported (without what ``prepare`` derives), local times,
    events in dossier order. A ``LogView`` gives what its filters kept."""
    if isinstance(log, ImportedLog):
        events, cases = log.events.drop(columns=["_row"], errors="ignore"), log.cases
    elif isinstance(log, AnalysisLog):
        events, cases = log.events, log.cases
    elif isinstance(log, LogView):
        events, cases = log.events.to_pandas(), log.cases.to_pandas()
        order = ["case_id", "event_index"] if "event_index" in events else ["case_id"]
        events = events.sort_values(order, kind="stable")
    else:
        raise DossierflowError(f"cannot export a {type(log).__name__} as an event log.",
                               fix="pass an ImportedLog (import_log), an AnalysisLog "
                                   "(prepare) or a LogView (open_log, apply_filters).")
    if not isinstance(log, ImportedLog):
        events = events.drop(columns=[c for c in DERIVED_EVENTS if c in events])
        cases = cases.drop(columns=[c for c in DERIVED_CASES if c in cases])
    events = events.sort_values("case_id", kind="stable").reset_index(drop=True)
    cases = cases[cases["case_id"].isin(events["case_id"].unique())]
    return _local(events), _local(cases.sort_values("case_id").reset_index(drop=True))


def _as_given(cases: pd.DataFrame) -> pd.DataFrame:
    """Legal time limits back in the unit the import read them in (hours when so stated)."""
    if "legal_unit" not in cases or "legal_days" not in cases:
        return cases
    hours = cases["legal_unit"].astype("string").str.lower().str.contains(_HOURS, na=False)
    return cases.assign(legal_days=cases["legal_days"].mask(hours, cases["legal_days"] * 8))


def flat_table(events: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """One row per event with its dossier's attributes, under the names described in the
    module's docstring."""
    event_names = {c: EVENT_FIELDS[c][0] if c in EVENT_FIELDS else c for c in events}
    case_names = {c: ("case:agency" if c == "agency" else
                      CASE_FIELDS[c][0] if c in CASE_FIELDS else f"case:{c}")
                  for c in cases if c != "case_id"}
    flat = events.merge(_as_given(cases), on="case_id", how="left", sort=False,
                        suffixes=("", " (case)"))
    flat.columns = [event_names.get(c, case_names.get(c, c)) for c in events.columns] + [
        case_names[c] for c in cases if c != "case_id"]
    return flat


def _xml(values: pd.Series) -> pd.Series:
    text = values.astype("string").str.replace(_XML_ILLEGAL, "", regex=True)
    for raw, escaped in _XML_ESCAPES:
        text = text.str.replace(raw, escaped, regex=False)
    return text


def _xes_attributes(frame: pd.DataFrame, keys: dict[str, str]) -> pd.Series:
    """Per row, the XES attribute elements of ``frame``'s columns (missing values left out)."""
    out = pd.Series("", index=frame.index, dtype="string")
    for column, key in keys.items():
        series = frame[column]
        if is_time(series):
            tag, value = "date", iso_times(series)
        elif pd.api.types.is_bool_dtype(series.dtype):
            tag, value = "boolean", series.astype("string").str.lower()
        elif pd.api.types.is_integer_dtype(series.dtype):
            tag, value = "int", series.astype("string")
        elif pd.api.types.is_float_dtype(series.dtype):
            tag = "float"
            value = pd.Series([None if pd.isna(v) else repr(float(v)) for v in series],
                              index=series.index, dtype="string")
        else:
            tag, value = "string", series
        name = _xml(pd.Series([key])).iloc[0]
        out = out + (f'<{tag} key="{name}" value="' + _xml(value) + '"/>').fillna("")
    return out


def write_xes(events: pd.DataFrame, cases: pd.DataFrame, path: str | Path, *,
              name: str = "log") -> None:
    """Write an XES log (gzip-compressed when ``path`` ends in .gz): a trace per dossier with
    its attributes, an event per row."""
    xes_keys = {"activity": "concept:name", "timestamp": "time:timestamp",
                "resource": "org:resource", "role": "org:role",
                "lifecycle": "lifecycle:transition"}
    event_lines = ("\t\t<event>" + _xes_attributes(events, {
        c: xes_keys.get(c, c) for c in events if c != "case_id"}) + "</event>\n")
    cases = _as_given(cases).set_index("case_id")
    trace_heads = ('\t<trace>\n\t\t<string key="concept:name" value="'
                   + _xml(pd.Series(cases.index, dtype="string")).to_numpy() + '"/>'
                   + _xes_attributes(cases.reset_index(drop=True),
                                     {c: c for c in cases}).to_numpy() + "\n")
    head_of = dict(zip(cases.index, trace_heads))
    case_ids = events["case_id"].to_numpy()
    starts = [0, *(np.flatnonzero(case_ids[1:] != case_ids[:-1]) + 1).tolist()]
    lines = event_lines.to_numpy()
    opener = gzip.open if str(path).lower().endswith(".gz") else open
    with replacing(path) as tmp, opener(tmp, "wt", encoding="utf-8", newline="\n") as out:
        out.write(_XES_HEAD)
        out.write(f'\t<string key="concept:name" value="{_xml(pd.Series([name])).iloc[0]}"/>\n')
        for first, end in zip(starts, starts[1:] + [len(case_ids)]):
            out.write(head_of[case_ids[first]])
            out.write("".join(lines[first:end]))
            out.write("\t</trace>\n")
        out.write("</log>\n")


def export_log(log: ImportedLog | AnalysisLog | LogView, path: str | Path, *,
               format: str | None = None, pseudonymise: bool = True,
               key: str | bytes | None = None, personal_fields: list[str] | None = None,
               key_env: str = KEY_ENV) -> ExportedLog:
    """Write ``log`` (an import, a prepared log, or a possibly filtered view) to ``path``.

    ``format``: ``csv``, ``xlsx``, ``parquet`` or ``xes`` (``.xes.gz`` compresses); by default
    from the extension. Personal columns (``personal_fields``, default
    ``datasets/personal_fields.csv``) are pseudonymised with HMAC-SHA256 under ``key``, else
    the key in the environment variable ``key_env``, else a random key used for this export
    only; give ``pseudonymise=False`` to write them in clear. ``import_log`` reads every
    format back to the same dossiers, events and attributes: in CSV, attributes that are not
    canonical fields come back as text, and formula-like cells with their protective quote; in
    Excel, numbers as numbers and date-times without zone (local); in a tabular format, rows
    identical to an earlier one are dropped unless the mapping says ``"duplicates": "keep"``.
    Control characters that XML cannot hold are left out of .xlsx and .xes files.
    """
    kind = table_format(path, format, LOG_FORMATS, SUFFIXES)
    if not pseudonymise and key is not None:
        raise DossierflowError("a pseudonymisation key was given, but pseudonymisation is off.",
                               fix="leave the key out, or pseudonymise.")
    secret = pseudonym_key(key, env=key_env) if pseudonymise else None
    events, cases = log_tables(log)
    if events.empty:
        raise DossierflowError("the log holds no events to export.",
                               fix="widen the filters, or check the log.")
    done = None
    if secret is not None:
        protected = [*ALL_FIELDS, "agency"]
        events, on_events = pseudonymise_table(events, secret, personal_fields=personal_fields,
                                               protected=protected)
        cases, on_cases = pseudonymise_table(cases, secret, personal_fields=personal_fields,
                                             protected=protected)
        done = Pseudonymised(tuple(dict.fromkeys(on_events.columns + on_cases.columns)),
                             on_events.scrubbed + on_cases.scrubbed,
                             on_events.scrubbed_columns + on_cases.scrubbed_columns)
    neutralised = 0
    if kind == "xes":
        stem = Path(path).name.split(".")[0] or "log"
        write_xes(events, cases, path, name=stem)
    else:
        flat = flat_table(events, cases)
        if kind == "csv":
            neutralised = write_csv(flat, path)
        elif kind == "xlsx":
            neutralised = write_xlsx({"log": flat}, path)
        else:
            write_parquet(flat, path)
    return ExportedLog(Path(path), kind, len(cases), len(events), done,
                       secret.source if secret else None, neutralised)

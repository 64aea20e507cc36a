"""The files of the Export page: each written by mining's exporters into a temporary folder
and read back as bytes, then kept in the session under what it holds (the log's key, the
sidebar's selection, the format and options), so that a file is built only when asked for,
and once.

File names record the sidebar's filters (agency and other names folded to ASCII), the days of
receipt the file covers (the date filter within the log's first and last receipt) and what it
holds: ``dossierflow_SoTuPhap_2023-01-01_2023-03-31_kpis-by-month.xlsx``.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import unicodedata
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app import scenario_results as sr
from dossierflow.app.selection import Selection
from dossierflow.app.value_labels import value_label
from dossierflow.mining.analysis.discovery import discover
from dossierflow.mining.export.export_log import ExportedLog, export_log
from dossierflow.mining.export.export_map import export_map
from dossierflow.mining.export.export_model import export_model
from dossierflow.mining.export.export_tables import export_kpis, export_table
from dossierflow.mining.vocabulary import TZ

STORE = "ex_files"
# prepared files kept per session (an event log may weigh tens of megabytes)
KEPT = 6
# the key under which the Scenarios page keeps its latest outcome
SCENARIO_RESULT = "sc_result"
MIME = {"csv": "text/csv", "json": "application/json",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "parquet": "application/vnd.apache.parquet", "xes": "application/xml",
        "dot": "text/vnd.graphviz", "svg": "image/svg+xml", "png": "image/png",
        "bpmn": "application/xml", "pnml": "application/xml"}
FORMAT_NAMES = {"csv": "CSV", "xlsx": "Excel", "parquet": "Parquet", "xes": "XES",
                "json": "JSON", "dot": "DOT", "svg": "SVG", "png": "PNG", "bpmn": "BPMN",
                "pnml": "PNML"}


@dataclass(frozen=True)
class Prepared:
    """A file ready to download; ``exported`` says what an event-log export protected;
    ``source`` holds the object the file was made from when the key names it by identity."""

    data: bytes
    file_name: str
    mime: str
    exported: ExportedLog | None = None
    source: Any = None


# the sidebar's filters in a file name: (Selection field, case column); more values than
# NAMED of one filter are written as their number
NAMED_FILTERS = (("agency", "agency"), ("procedure", None), ("channel", "channel"),
                 ("model", "model"), ("on_time", "on_time_class"))
NAMED = 2


def ascii_words(text: str) -> str:
    """``text`` folded to ASCII words run together: "Sở Tư pháp" → "SoTuPhap"."""
    folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    folded = folded.encode("ascii", "ignore").decode("ascii")
    return "".join(w[:1].upper() + w[1:] for w in re.split(r"[^0-9A-Za-z.]+", folded) if w)


@st.cache_data(show_spinner=False, max_entries=16)
def receipts(key: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of receipt (local) in the whole log; None when it is empty."""
    with cm._LOCK:
        cases = cm.workspace(key).cases
        low, high = (cases.received_at.min().to_pandas(), cases.received_at.max().to_pandas())
    if pd.isna(low):
        return None
    return pd.Timestamp(low).tz_convert(TZ).date(), pd.Timestamp(high).tz_convert(TZ).date()


def period(key: str, selection: Selection) -> tuple[dt.date, dt.date] | None:
    """The days of receipt a selection covers: its date filter within the log's first and
    last receipt; None when the log is empty."""
    span = receipts(key)
    if span is None:
        return None
    first = max(selection.start, span[0]) if selection.start else span[0]
    last = min(selection.end, span[1]) if selection.end else span[1]
    return first, max(first, last)


def filter_label(selection: Selection) -> str:
    """The selection's filters for a file name: the chosen values' Vietnamese names in ASCII
    ("SoTuPhap+SoYTe"), each filter after the other; empty when nothing is filtered."""
    parts = []
    for field, column in NAMED_FILTERS:
        values = getattr(selection, field)
        column = column or selection.procedure_column
        if len(values) > NAMED:
            parts.append(f"{len(values)}-{field}")
        elif values:  # procedure codes as they are, other values by their names
            named = (column != "procedure_id")
            parts.append("+".join(ascii_words(value_label(column, v, "vi") if named else v)
                                  or "x" for v in values))
    if selection.coverage < 1:
        parts.append(f"variants{round(100 * selection.coverage)}pct")
    return "_".join(parts)


def file_name(what: str, fmt: str, selection: Selection | None = None,
              days: tuple[dt.date, dt.date] | None = None) -> str:
    """``dossierflow_<filters>_<first day>_<last day>_<what>.<fmt>`` (``filter_label``; the
    days of receipt covered, ``period``)."""
    parts = ["dossierflow", filter_label(selection or Selection())]
    parts += [d.isoformat() for d in days or ()]
    return "_".join(p for p in [*parts, what] if p) + f".{fmt}"


def _written(name: str, write: Callable[[Path], Any]) -> tuple[bytes, Any]:
    """The bytes ``write`` puts in the file ``name`` of a temporary folder, and what it
    returned; the folder is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="dossierflow-export-") as folder:
        path = Path(folder) / name
        done = write(path)
        return path.read_bytes(), done


def _file(name: str, fmt: str, write: Callable[[Path], Any], **extra) -> Prepared:
    data, _ = _written(name, write)
    return Prepared(data, name, MIME[fmt], **extra)


def event_log(key: str, selection: Selection, fmt: str, name: str, *,
              pseudonymise: bool) -> Prepared:
    """The selected dossiers' events (``export_log``), personal data pseudonymised unless
    ``pseudonymise`` is False."""
    with cm._LOCK:
        data, done = _written(name, lambda path: export_log(
            cm.view(key, selection), path, format=fmt, pseudonymise=pseudonymise))
    return Prepared(data, name, MIME[fmt], exported=done)


def process_map(dot: str, fmt: str, name: str) -> Prepared:
    """The map's DOT source as DOT, SVG or PNG (``export_map``)."""
    return _file(name, fmt, lambda path: export_map(dot, path, format=fmt))


def model(key: str, selection: Selection, fmt: str, name: str) -> Prepared:
    """The model discovered from the selection (``discover``) as BPMN or PNML."""
    with cm._LOCK:
        found = discover(cm.view(key, selection))
    return _file(name, fmt, lambda path: export_model(found, path, format=fmt))


def kpi_tables(key: str, selection: Selection, by: str | None, fmt: str,
               name: str) -> Prepared:
    """The Decision 766 indicators (``export_kpis``): overall or per ``by``; Excel and JSON
    also hold the overall table and the scorecard."""
    with cm._LOCK:
        return _file(name, fmt, lambda path: export_kpis(cm.view(key, selection), path, by=by,
                                                          format=fmt))


def bottlenecks(key: str, selection: Selection, level: str, fmt: str, name: str) -> Prepared:
    """The waiting-time ranking at ``level`` (``export_table``)."""
    ranking = cm.ranking(key, selection, level)
    return _file(name, fmt, lambda path: export_table(ranking, path, format=fmt))


def scenario_results(result, fmt: str, name: str) -> Prepared:
    """An experiment's results: results.json (``ExperimentResult.to_dict``) or its table as
    CSV."""
    def write(path: Path) -> None:
        if fmt == "json":
            path.write_text(sr.results_json(result), encoding="utf-8")
        else:
            export_table(result.table(), path, format="csv")
    return _file(name, fmt, write, source=result)


def latest_scenario_result(key: str):
    """The results of the Scenarios page's latest finished run on the log ``key``, or None."""
    outcome = st.session_state.get(SCENARIO_RESULT)
    if outcome and outcome.get("key") == key and outcome.get("result") is not None:
        return outcome["result"]
    return None


def prepared(ask: Hashable) -> Prepared | None:
    """The file prepared in this session for ``ask``, if any."""
    return st.session_state.get(STORE, {}).get(ask)


def prepare(ask: Hashable, build: Callable[[], Prepared]) -> Prepared:
    """``build()``'s file, kept for ``ask`` (the oldest dropped beyond ``KEPT``)."""
    done = build()
    store = st.session_state.setdefault(STORE, {})
    store.pop(ask, None)
    store[ask] = done
    while len(store) > KEPT:
        store.pop(next(iter(store)))
    return done

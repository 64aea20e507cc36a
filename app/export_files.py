"""The files of the Export page: each written by mining's exporters into a temporary folder
and read back as bytes, then kept in the session under what it holds (the log's key, the
sidebar's selection, the format and options), so that a file is built only when asked for,
and once.

File names carry the log's name, what the file holds and the day of the export:
``mini_event-log_2024-05-31.csv``.
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


def log_label(name: str | None) -> str:
    """The open log's name for file names: a workspace name or the stem of its file, in
    ASCII letters, digits, '-' and '_'."""
    stem = Path(name or "log").name.split(".")[0]
    ascii_only = unicodedata.normalize("NFKD", stem.replace("đ", "d").replace("Đ", "D"))
    ascii_only = ascii_only.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^\w-]+", "_", ascii_only).strip("_") or "log"


def file_name(log: str, what: str, fmt: str, day: dt.date | None = None) -> str:
    """``<log>_<what>_<yyyy-mm-dd>.<fmt>``, the day of the export (local time) by default."""
    day = day or pd.Timestamp.now(tz=TZ).date()
    return f"{log}_{what}_{day.isoformat()}.{fmt}"


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

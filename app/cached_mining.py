"""The mining questions of the pages, cached by workspace key and selection.

Every function takes the key of ``dossierflow.app.state.log_key`` (``FILE|STAMP``, a new stamp
for every import) and a ``Selection``; results are kept per argument values, so that going
back to a filter or slider position already seen costs nothing. One lock serialises the queries:
the sessions of the app share one DuckDB connection per workspace.
"""

from __future__ import annotations

import json
import threading
from dataclasses import replace

import pandas as pd
import streamlit as st

from dossierflow import mining
from dossierflow.app.selection import Selection
from dossierflow.mining.analysis.compare import Comparison, Difference, compare_groups
from dossierflow.mining.analysis.process_map import MapBasis, ProcessMap, keep_paths, map_basis
from dossierflow.mining.analysis.render_map import Frequency, Performance, render_map
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.workspace import Workspace, open_workspace

_LOCK = threading.RLock()
CACHE = {"show_spinner": False, "max_entries": 64}
OPTION_COLUMNS = ("agency", "procedure_id", "procedure_name", "channel", "model", "field")


@st.cache_resource(show_spinner=False)
def _opened() -> dict[str, tuple[str, Workspace]]:
    """The workspaces open in this process: file → (key, workspace)."""
    return {}


def workspace(key: str) -> Workspace:
    """The opened workspace of ``key``, shared by every session.

    A key with a new stamp closes the workspace opened under the file's earlier key before
    opening the file again: DuckDB hands a new connection to a file it still holds open the
    database as it was first opened, so a re-imported file would show its old data.
    """
    path = key.rsplit("|", 1)[0]
    with _LOCK:
        opened = _opened()
        held = opened.get(path)
        if held is not None and held[0] == key:
            return held[1]
        if held is not None:
            del opened[path]
            held[1].close()
        fresh = open_workspace(path)
        opened[path] = (key, fresh)
        return fresh


def view(key: str, selection: Selection) -> LogView:
    """The workspace's dossiers narrowed to ``selection`` (lazy: nothing is computed)."""
    return mining.apply_filters(LogView.of_workspace(workspace(key)), selection.filters())


@st.cache_data(**CACHE)
def meta(key: str) -> dict:
    """The workspace's sources, mapping, validation report and summary."""
    return workspace(key).meta


@st.cache_data(**CACHE)
def options(key: str) -> dict[str, list]:
    """The distinct values of the case columns the sidebar filters on (present ones), in one
    query: the first load of a page waits for it."""
    with _LOCK:
        cases = workspace(key).cases
        present = [c for c in OPTION_COLUMNS if c in cases.columns]
        if not present:
            return {}
        row = cases.aggregate(**{c: cases[c].cast("string").collect(distinct=True)
                                 for c in present}).to_pyarrow().to_pylist()[0]
        return {c: sorted(v for v in row[c] if v is not None) for c in present if row[c]}


@st.cache_data(**CACHE)
def case_columns(key: str) -> list[str]:
    """The columns of the case table."""
    return list(workspace(key).cases.columns)


@st.cache_data(**CACHE)
def case_sample(key: str, rows: int = 200) -> pd.DataFrame:
    """The first ``rows`` rows of the case table."""
    with _LOCK:
        return workspace(key).cases.limit(rows).to_pandas()


@st.cache_data(**CACHE)
def rejected(key: str) -> pd.DataFrame:
    """The rows the import did not use: file, row, reason, then their original values, one
    column per column of the file (a name taken by the first three gets " (value)")."""
    with _LOCK:
        rows = workspace(key).rejected()
    values = pd.DataFrame([json.loads(v) for v in rows.pop("values")], index=rows.index)
    values = values.rename(columns=lambda c: f"{c} (value)" if c in rows.columns else c)
    return pd.concat([rows, values], axis=1)


@st.cache_data(**CACHE)
def n_cases(key: str, selection: Selection) -> int:
    """How many dossiers the selection keeps."""
    with _LOCK:
        return int(view(key, selection).cases.count().to_pyarrow().as_py())


@st.cache_data(**CACHE)
def kpi_table(key: str, selection: Selection, by: str | None = None) -> pd.DataFrame:
    """``dossierflow.mining.analysis.kpis`` of the selection, overall or per ``by``."""
    with _LOCK:
        return mining.kpis(view(key, selection), by=by)


@st.cache_data(**CACHE)
def scorecard(key: str, selection: Selection) -> pd.DataFrame:
    """``mining.scorecard`` (Decision 766 points) of the selection."""
    with _LOCK:
        return mining.scorecard(view(key, selection))


@st.cache_resource(show_spinner=False, max_entries=4)
def _map_basis(key: str, selection: Selection) -> MapBasis:
    """The selection's full map, which every slider setting prunes (held, not copied: once
    the activity slider moves it also holds the selection's events as arrays)."""
    with _LOCK:
        return map_basis(view(key, selection))


@st.cache_data(**CACHE)
def process_map(key: str, selection: Selection, activities: float = 1.0) -> ProcessMap:
    """The selection's map with the activity slider applied (every path), pruned from the
    selection's full map."""
    with _LOCK:
        return _map_basis(key, selection).prune(activities)


def simplified_map(key: str, selection: Selection, activities: float,
                   paths: float) -> ProcessMap:
    """The map with both sliders applied: the path slider only prunes the cached map."""
    full = process_map(key, selection, activities)
    edges = keep_paths(full.edges, list(full.nodes["activity"]), paths)
    return ProcessMap(full.nodes, edges, full.cases, full.start, full.end)


@st.cache_data(**CACHE)
def map_dot(key: str, selection: Selection, activities: float, paths: float,
            overlay: tuple, lang: str) -> str:
    """DOT source of the map; ``overlay`` is ("frequency", measure) or
    ("performance", stat, unit)."""
    pmap = simplified_map(key, selection, activities, paths)
    if overlay[0] == "performance":
        paint = Performance(stat=overlay[1], unit=overlay[2],
                            minutes_per_day=workspace(key).calendar.minutes_per_day)
    else:
        paint = Frequency(overlay[1])
    return render_map(pmap, overlay=paint, lang=lang)


@st.cache_data(**CACHE)
def variant_table(key: str, selection: Selection) -> pd.DataFrame:
    """``dossierflow.mining.log.variants`` of the selection."""
    with _LOCK:
        return mining.variants(view(key, selection))


@st.cache_data(**CACHE)
def variant_cases(key: str, selection: Selection, variant: str, limit: int = 500) -> list[str]:
    """The first ``limit`` dossier ids of a variant (its activities joined by ' → ')."""
    with _LOCK:
        cases = view(key, selection).cases
        chosen = cases.filter(cases.variant == variant).order_by("case_id").limit(limit)
        return list(chosen.select("case_id").to_pandas()["case_id"])


@st.cache_data(**CACHE)
def timeline(key: str, selection: Selection, case_id: str) -> pd.DataFrame:
    """``mining.case_timeline`` of one dossier."""
    with _LOCK:
        return mining.case_timeline(view(key, selection), case_id)


@st.cache_data(**CACHE)
def ranking(key: str, selection: Selection, level: str) -> pd.DataFrame:
    """``dossierflow.mining.analysis.bottlenecks`` at ``level``."""
    with _LOCK:
        return mining.bottlenecks(view(key, selection), level=level)


@st.cache_data(**CACHE)
def waiting_causes(key: str, selection: Selection) -> pd.DataFrame:
    """``dossierflow.mining.analysis.waiting_causes`` of the selection."""
    with _LOCK:
        return mining.waiting_causes(view(key, selection))


@st.cache_data(**CACHE)
def late_dossiers(key: str, selection: Selection) -> pd.DataFrame:
    """``dossierflow.mining.analysis.late_attribution`` of the selection."""
    with _LOCK:
        return mining.late_attribution(view(key, selection))


@st.cache_data(**CACHE)
def apology_letters(key: str, selection: Selection) -> pd.DataFrame:
    """``dossierflow.mining.analysis.apology_letters`` of the selection."""
    with _LOCK:
        return mining.apology_letters(view(key, selection))


@st.cache_data(**CACHE)
def comparison(key: str, selection: Selection, by: str, a: str, b: str) -> Comparison:
    """``mining.compare_groups`` of two values of the case column ``by``."""
    with _LOCK:
        return compare_groups(view(key, selection), by=by, a=a, b=b)


@st.cache_data(**CACHE)
def difference_dot(key: str, selection: Selection, by: str, a: str, b: str, measure: str,
                   lang: str, names: tuple[str, str] | None = None) -> str:
    """DOT source of the difference map of a comparison, its groups called ``names``."""
    result = comparison(key, selection, by, a, b)
    result = replace(result, labels=names) if names else result
    return render_map(result.map, overlay=Difference(result, measure=measure), lang=lang)


@st.cache_data(**CACHE)
def heatmap(key: str, selection: Selection, by: str) -> pd.DataFrame:
    """``mining.heatmap``: median wait before each activity per value of ``by``."""
    with _LOCK:
        return mining.heatmap(view(key, selection), by=by)

"""Open what a user names on the command line: an imported workspace or a log file."""

from __future__ import annotations

from pathlib import Path

from dossierflow.mining.io.import_log import import_log
from dossierflow.mining.log.analysis_table import AnalysisLog, prepare
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.workspace import SUFFIX, open_workspace, workspace_path


def open_log(log: str | Path) -> LogView:
    """A workspace by name or .duckdb path (no re-import), else a log file imported now."""
    text = str(log)
    path = Path(text)
    if text.endswith(SUFFIX) or (not path.exists() and workspace_path(text).exists()):
        return LogView.of_workspace(open_workspace(text))
    if path.exists():
        return LogView.of_log(prepare(import_log(path)))
    return LogView.of_workspace(open_workspace(text))  # says how to import it


def open_analysis_log(log: str | Path) -> AnalysisLog:
    """The analysis-ready log in memory (pandas): of a workspace, or of a log file imported
    now; what the simulation learns from."""
    text = str(log)
    path = Path(text)
    if text.endswith(SUFFIX) or (not path.exists() and workspace_path(text).exists()):
        return open_workspace(text).to_analysis_log()
    if path.exists():
        return prepare(import_log(path))
    return open_workspace(text).to_analysis_log()

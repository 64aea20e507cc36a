"""Open what a user names on the command line: an imported workspace or a log file."""

from __future__ import annotations

from pathlib import Path

from dossierflow.mining.io.import_log import import_log
from dossierflow.mining.log.analysis_table import AnalysisLog, prepare
from dossierflow.mining.log.log_calendar import check_workspace_calendar, mapping_with_calendar
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.working_time import CalendarChoice
from dossierflow.mining.log.workspace import SUFFIX, open_workspace, workspace_path


def open_log(log: str | Path, calendar: CalendarChoice | None = None) -> LogView:
    """A workspace by name or .duckdb path (no re-import), else a log file imported now (on
    ``calendar``; a workspace keeps the calendar it was imported with)."""
    text = str(log)
    path = Path(text)
    if path.exists() and not text.endswith(SUFFIX):
        return LogView.of_log(_import_now(path, calendar))
    workspace = open_workspace(text)  # says how to import it when there is none
    check_workspace_calendar(workspace.calendar, calendar, text)
    return LogView.of_workspace(workspace)


def open_analysis_log(log: str | Path, calendar: CalendarChoice | None = None) -> AnalysisLog:
    """The analysis-ready log in memory (pandas): of a workspace, or of a log file imported
    now (on ``calendar``); what the simulation learns from."""
    text = str(log)
    path = Path(text)
    if path.exists() and not text.endswith(SUFFIX):
        return _import_now(path, calendar)
    workspace = open_workspace(text)
    check_workspace_calendar(workspace.calendar, calendar, text)
    return workspace.to_analysis_log()


def workspace_file(log: str | Path) -> Path | None:
    """The workspace file ``log`` names (as ``open_log`` reads it), or None for a log file
    imported at each use."""
    text = str(log)
    if Path(text).exists() and not text.endswith(SUFFIX):
        return None
    path = workspace_path(text)
    return path if path.is_file() else None


def _import_now(path: Path, calendar: CalendarChoice | None) -> AnalysisLog:
    explicit, choice = mapping_with_calendar(None, calendar)
    return prepare(import_log(path, mapping=explicit), choice.calendar())

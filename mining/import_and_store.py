"""Import a file into a named workspace in one call (what `dossierflow import` does)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mining.analysis_table import AnalysisLog, prepare
from mining.columns import MappingFile
from mining.import_log import ImportedLog, import_log
from mining.working_time import WorkCalendar
from mining.workspace import save_workspace, workspace_path


@dataclass
class StoredImport:
    """The import, its analysis-ready log and the workspace file it went to."""

    imported: ImportedLog
    log: AnalysisLog
    path: Path


def import_to_workspace(path: str | Path, *, name: str, mapping: str | Path | MappingFile | None = None,
                        cases: str | Path | None = None, sheet: str | None = None,
                        calendar: WorkCalendar | None = None) -> StoredImport:
    """Read, validate, prepare and store a log; reopen it later with ``open_workspace(name)``."""
    imported = import_log(path, mapping=mapping, cases=cases, sheet=sheet)
    log = prepare(imported, calendar)
    stored = save_workspace(log, imported, workspace_path(name))
    return StoredImport(imported=imported, log=log, path=stored)

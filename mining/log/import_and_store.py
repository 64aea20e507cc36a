"""Import a file into a named workspace in one call (what `dossierflow import` does)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dossierflow.mining.io.columns import MappingFile
from dossierflow.mining.io.import_log import ImportedLog, import_log
from dossierflow.mining.log.analysis_table import AnalysisLog, prepare
from dossierflow.mining.log.working_time import WorkCalendar
from dossierflow.mining.log.workspace import save_workspace, workspace_path


@dataclass
class StoredImport:
    """The import, its analysis-ready log and the workspace file it went to."""

    imported: ImportedLog
    log: AnalysisLog
    path: Path


def import_to_workspace(path: str | Path, *, name: str,
                        mapping: str | Path | MappingFile | None = None,
                        cases: str | Path | None = None, sheet: str | None = None,
                        calendar: WorkCalendar | None = None) -> StoredImport:
    """Read, validate, prepare and store a log; reopen it later with ``open_workspace(name)``."""
    imported = import_log(path, mapping=mapping, cases=cases, sheet=sheet)
    log = prepare(imported, calendar)
    stored = save_workspace(log, imported, workspace_path(name))
    return StoredImport(imported=imported, log=log, path=stored)

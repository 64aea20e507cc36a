"""Import a file into a named workspace in one call (what `dossierflow import` does)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dossierflow.mining.io.columns import MappingFile
from dossierflow.mining.io.event_order import OrderMode
from dossierflow.mining.io.import_log import ImportedLog, import_log
from dossierflow.mining.log.analysis_table import AnalysisLog, prepare
from dossierflow.mining.log.log_calendar import calendar_notes, mapping_with_calendar
from dossierflow.mining.log.working_time import CalendarChoice, WorkCalendar
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
                        calendar: WorkCalendar | CalendarChoice | None = None,
                        impossible_orders: OrderMode | None = None) -> StoredImport:
    """Read, validate, prepare and store a log; reopen it later with ``open_workspace(name)``.

    The working calendar: ``calendar``, else the choice of the command line (a CalendarChoice)
    over the mapping file's ``"calendar"``, else Vietnam's; the report states it. Dossiers in
    an impossible order are kept and flagged, or left out with ``impossible_orders="exclude"``
    (see ``import_log``)."""
    explicit, choice = mapping_with_calendar(
        mapping, calendar if isinstance(calendar, CalendarChoice) else None)
    imported = import_log(path, mapping=explicit, cases=cases, sheet=sheet,
                          impossible_orders=impossible_orders)
    log = prepare(imported, calendar if isinstance(calendar, WorkCalendar) else choice.calendar())
    imported.report.notes.extend(calendar_notes(log.calendar, log.events,
                                                chosen=calendar is not None
                                                or choice != CalendarChoice()))
    stored = save_workspace(log, imported, workspace_path(name))
    return StoredImport(imported=imported, log=log, path=stored)

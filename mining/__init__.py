"""Reading, validating and preparing dossier event logs; working time; analysis."""

from mining.analysis_table import AnalysisLog, prepare
from mining.columns import MappingFile
from mining.errors import (CalendarError, ColumnMappingError, DossierflowError, InputFileError,
                           TimestampError, UnsafeInputError, WorkspaceError)
from mining.import_and_store import import_to_workspace
from mining.import_log import ImportedLog, import_log
from mining.read_table import read_table
from mining.working_time import OfficeHours, WorkCalendar
from mining.workspace import Workspace, open_workspace

__all__ = [
    "AnalysisLog", "CalendarError", "ColumnMappingError", "DossierflowError", "ImportedLog",
    "InputFileError", "MappingFile", "OfficeHours", "TimestampError", "UnsafeInputError",
    "WorkCalendar", "Workspace", "WorkspaceError", "import_log", "import_to_workspace",
    "open_workspace", "prepare", "read_table",
]

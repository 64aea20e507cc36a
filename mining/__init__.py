"""Reading, validating and preparing dossier event logs; working time; analysis."""

from mining.analysis_table import AnalysisLog, prepare
from mining.apology_letters import apology_letters
from mining.bottlenecks import bottlenecks
from mining.columns import MappingFile
from mining.compare import Comparison, Difference, compare, compare_groups, heatmap
from mining.conformance import conformance
from mining.discovery import discover
from mining.errors import (CalendarError, ColumnMappingError, DossierflowError, InputFileError,
                           TimestampError, UnsafeInputError, WorkspaceError)
from mining.import_and_store import import_to_workspace
from mining.filters import apply_filters
from mining.import_log import ImportedLog, import_log
from mining.kpis import kpis, scorecard
from mining.late_attribution import late_attribution
from mining.log_view import LogView
from mining.open_log import open_log
from mining.process_map import ProcessMap, process_map
from mining.render_map import Frequency, Performance, render_map, render_svg, svg_available
from mining.read_table import read_table
from mining.rework_loops import rework_loops
from mining.variants import case_timeline, variants
from mining.waiting_causes import waiting_causes
from mining.working_time import OfficeHours, WorkCalendar
from mining.workspace import Workspace, open_workspace

__all__ = [
    "AnalysisLog", "CalendarError", "Comparison", "Difference", "Frequency", "Performance", "ColumnMappingError", "DossierflowError", "ImportedLog",
    "InputFileError", "LogView", "MappingFile", "OfficeHours", "ProcessMap", "TimestampError",
    "UnsafeInputError", "WorkCalendar", "Workspace", "WorkspaceError", "apology_letters",
    "apply_filters", "bottlenecks", "case_timeline", "compare", "compare_groups", "conformance", "discover", "heatmap", "import_log",
    "import_to_workspace", "kpis", "late_attribution", "open_log", "open_workspace", "prepare",
    "process_map", "read_table", "render_map", "render_svg", "svg_available", "rework_loops", "scorecard", "variants", "waiting_causes",
]

from mining.export_log import ExportedLog, export_log  # noqa: E402 (exports)
from mining.export_map import export_map  # noqa: E402
from mining.export_model import export_model  # noqa: E402
from mining.export_tables import export_kpis, export_table  # noqa: E402

__all__ += ["ExportedLog", "export_kpis", "export_log", "export_map", "export_model",
            "export_table"]

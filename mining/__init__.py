"""Reading, validating and preparing dossier event logs; working time; analysis."""

from dossierflow.mining.analysis.apology_letters import apology_letters
from dossierflow.mining.analysis.bottlenecks import bottlenecks
from dossierflow.mining.analysis.compare import (
    Comparison,
    Difference,
    compare,
    compare_groups,
    heatmap,
)
from dossierflow.mining.analysis.conformance import conformance
from dossierflow.mining.analysis.discovery import discover
from dossierflow.mining.analysis.handover import (
    HandoverNetwork,
    compare_handover,
    handover_network,
)
from dossierflow.mining.analysis.kpis import kpis, scorecard
from dossierflow.mining.analysis.late_attribution import late_attribution
from dossierflow.mining.analysis.process_map import ProcessMap, process_map
from dossierflow.mining.analysis.render_map import (
    Frequency,
    Performance,
    render_map,
    render_svg,
    svg_available,
)
from dossierflow.mining.analysis.rework_loops import rework_loops
from dossierflow.mining.analysis.waiting_causes import waiting_causes
from dossierflow.mining.errors import (
    CalendarError,
    ColumnMappingError,
    DossierflowError,
    InputFileError,
    TimestampError,
    UnsafeInputError,
    WorkspaceError,
)
from dossierflow.mining.io.columns import MappingFile
from dossierflow.mining.io.import_log import ImportedLog, import_log
from dossierflow.mining.io.read_table import read_table
from dossierflow.mining.log.analysis_table import AnalysisLog, prepare
from dossierflow.mining.log.filters import apply_filters
from dossierflow.mining.log.import_and_store import import_to_workspace
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.open_log import open_log
from dossierflow.mining.log.variants import case_timeline, variants
from dossierflow.mining.log.working_time import OfficeHours, WorkCalendar
from dossierflow.mining.log.workspace import Workspace, open_workspace

__all__ = [
    "AnalysisLog",
    "CalendarError",
    "Comparison",
    "Difference",
    "Frequency",
    "Performance",
    "ColumnMappingError",
    "DossierflowError",
    "HandoverNetwork",
    "ImportedLog",
    "InputFileError",
    "LogView",
    "MappingFile",
    "OfficeHours",
    "ProcessMap",
    "TimestampError",
    "UnsafeInputError",
    "WorkCalendar",
    "Workspace",
    "WorkspaceError",
    "apology_letters",
    "apply_filters",
    "bottlenecks",
    "case_timeline",
    "compare",
    "compare_groups",
    "compare_handover",
    "conformance",
    "discover",
    "handover_network",
    "heatmap",
    "import_log",
    "import_to_workspace",
    "kpis",
    "late_attribution",
    "open_log",
    "open_workspace",
    "prepare",
    "process_map",
    "read_table",
    "render_map",
    "render_svg",
    "svg_available",
    "rework_loops",
    "scorecard",
    "variants",
    "waiting_causes",
]

from dossierflow.mining.export.export_log import ExportedLog, export_log  # noqa: E402 (exports)
from dossierflow.mining.export.export_map import export_map  # noqa: E402
from dossierflow.mining.export.export_model import export_model  # noqa: E402
from dossierflow.mining.export.export_tables import export_kpis, export_table  # noqa: E402

__all__ += [
    "ExportedLog",
    "export_kpis",
    "export_log",
    "export_map",
    "export_model",
    "export_table",
]

"""The analysis-ready log: working time, the workspace it is stored in, views of it and
their filters, variants and transitions."""

from dossierflow.mining.log.analysis_table import (
    RESULT_READY,
    SUPPLEMENT_RECEIVED,
    SUPPLEMENT_REQUEST,
    AnalysisLog,
    prepare,
)
from dossierflow.mining.log.filters import (
    ON_TIME_CLASSES,
    AttributeEquals,
    AttributeIn,
    CaseDuration,
    DirectlyFollows,
    Filter,
    OnTimeClass,
    TimeRange,
    VariantCoverage,
    agency_in,
    apply_filters,
    channel_in,
    field_in,
    model_in,
    procedure_in,
)
from dossierflow.mining.log.import_and_store import StoredImport, import_to_workspace
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.open_log import open_analysis_log, open_log
from dossierflow.mining.log.spark_backend import spark_backend, spark_session, spark_unavailable
from dossierflow.mining.log.transitions import follows, ordered, transitions
from dossierflow.mining.log.variants import SEPARATOR, case_timeline, case_variants, variants
from dossierflow.mining.log.working_time import DEFAULT_OVERRIDES, OfficeHours, WorkCalendar
from dossierflow.mining.log.workspace import (
    Workspace,
    default_name,
    open_workspace,
    save_workspace,
    workspace_home,
    workspace_path,
)

__all__ = [
    "AnalysisLog",
    "AttributeEquals",
    "AttributeIn",
    "CaseDuration",
    "DEFAULT_OVERRIDES",
    "DirectlyFollows",
    "Filter",
    "LogView",
    "ON_TIME_CLASSES",
    "OfficeHours",
    "OnTimeClass",
    "RESULT_READY",
    "SEPARATOR",
    "SUPPLEMENT_RECEIVED",
    "SUPPLEMENT_REQUEST",
    "StoredImport",
    "TimeRange",
    "VariantCoverage",
    "WorkCalendar",
    "Workspace",
    "agency_in",
    "apply_filters",
    "case_timeline",
    "case_variants",
    "channel_in",
    "default_name",
    "field_in",
    "follows",
    "ordered",
    "import_to_workspace",
    "model_in",
    "open_analysis_log",
    "open_log",
    "open_workspace",
    "prepare",
    "procedure_in",
    "save_workspace",
    "spark_backend",
    "spark_session",
    "spark_unavailable",
    "transitions",
    "variants",
    "workspace_home",
    "workspace_path",
]

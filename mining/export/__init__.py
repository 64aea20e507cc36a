"""Writing what dossierflow found for people and other tools: logs, tables, maps and models,
with personal data pseudonymised."""

from dossierflow.mining.export.export_handover import HandoverFiles, export_handover
from dossierflow.mining.export.export_log import LOG_FORMATS, ExportedLog, export_log, log_tables
from dossierflow.mining.export.export_map import export_map
from dossierflow.mining.export.export_model import export_model
from dossierflow.mining.export.export_tables import export_kpis, export_table, formula_like
from dossierflow.mining.export.pseudonymise import (
    KEY_ENV,
    default_personal_fields,
    personal_columns,
    pseudonym,
    pseudonym_key,
    pseudonymise,
)

__all__ = [
    "ExportedLog",
    "HandoverFiles",
    "KEY_ENV",
    "LOG_FORMATS",
    "default_personal_fields",
    "export_handover",
    "export_kpis",
    "export_log",
    "export_map",
    "export_model",
    "export_table",
    "formula_like",
    "log_tables",
    "personal_columns",
    "pseudonym",
    "pseudonym_key",
    "pseudonymise",
]

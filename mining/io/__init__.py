"""Reading what a centre brings: file readers, encodings, timestamps, column mapping and
the import with its validation report."""

from dossierflow.mining.io.columns import (
    ALL_FIELDS,
    CASE_FIELDS,
    EVENT_FIELDS,
    ColumnMapping,
    MappingFile,
    normalise_name,
)
from dossierflow.mining.io.import_log import ImportedLog, import_log, is_in
from dossierflow.mining.io.raw_table import RawTable
from dossierflow.mining.io.read_table import ReadLimits, read_table
from dossierflow.mining.io.text_encoding import decode_text
from dossierflow.mining.io.timestamps import ParsedTimestamps, detect_order, parse_timestamps
from dossierflow.mining.io.validation import ValidationReport

__all__ = [
    "ALL_FIELDS",
    "CASE_FIELDS",
    "ColumnMapping",
    "EVENT_FIELDS",
    "ImportedLog",
    "MappingFile",
    "ParsedTimestamps",
    "RawTable",
    "ReadLimits",
    "ValidationReport",
    "decode_text",
    "detect_order",
    "import_log",
    "is_in",
    "normalise_name",
    "parse_timestamps",
    "read_table",
]

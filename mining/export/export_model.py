"""Write a discovered process model as BPMN 2.0 or PNML (through pm4py's writers)."""

from __future__ import annotations

from pathlib import Path

from dossierflow.mining.analysis.discovery import DiscoveredModel
from dossierflow.mining.export.export_tables import replacing, table_format

MODEL_FORMATS = ("bpmn", "pnml")


def export_model(model: DiscoveredModel, path: str | Path, *, format: str | None = None) -> Path:
    """Write ``model`` (from ``discover``) as ``bpmn`` (the diagram, laid out) or ``pnml`` (the
    Petri net with its initial and final markings); format from the extension unless given."""
    kind = table_format(path, format, MODEL_FORMATS, {f".{f}": f for f in MODEL_FORMATS})
    with replacing(path) as tmp:
        written = tmp.with_name(tmp.name + f".{kind}")  # pm4py appends the extension if missing
        try:
            (model.write_bpmn if kind == "bpmn" else model.write_pnml)(written)
            written.replace(tmp)
        finally:
            written.unlink(missing_ok=True)
    return Path(path)

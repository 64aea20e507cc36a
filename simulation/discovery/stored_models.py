"""Models learnt once per workspace: ``learnt_model(workspace_file, log)`` reads the model
learnt before from the same workspace file, window and discovery code, or learns it and
stores it beside the file (``NAME.duckdb.models/KEY.json``), so that the app and the command
line learn each model once.

The key holds the workspace file's size and modification time (a new import replaces the
file, and so the key), the learning window, and a digest of the code that learns and runs
models (a change to discovery learns again). A folder that cannot be written only means the
model is learnt again next time.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.analysis_table import AnalysisLog
from dossierflow.simulation.discovery.discover_model import (
    Discovery,
    discover_model,
    learning_window,
)
from dossierflow.simulation.model import Model
from dossierflow.simulation.model.codec import model_from_dict, model_to_dict

STORE_SUFFIX = ".models"
# the code whose changes make a stored model stale
_CODE_PACKAGES = ("discovery", "model", "engine")


def store_dir(workspace_file: str | Path) -> Path:
    """The folder beside ``workspace_file`` holding its learnt models."""
    path = Path(workspace_file)
    return path.with_name(path.name + STORE_SUFFIX)


def model_key(workspace_file: str | Path, start: Any = None, end: Any = None) -> str:
    """The key of the model learnt by this code from ``workspace_file``'s dossiers received
    in the window ``start`` – ``end`` as asked (None, None: the default window)."""
    info = Path(workspace_file).stat()
    window = "default" if start is None and end is None else f"{start}|{end}"
    text = "|".join([str(info.st_size), str(info.st_mtime_ns), window, _code_digest()])
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def stored_model(workspace_file: str | Path, start: Any = None, end: Any = None
                 ) -> Discovery | None:
    """The model stored for this workspace file and window (as ``model_key``), or None."""
    path = store_dir(workspace_file) / f"{model_key(workspace_file, start, end)}.json"
    return read_discovery(path) if path.is_file() else None


def learnt_model(workspace_file: str | Path, log: AnalysisLog, *, start: Any = None,
                 end: Any = None, progress: Callable[[float], None] | None = None
                 ) -> Discovery:
    """The model of ``log`` (the analysis log of ``workspace_file``) learnt from its dossiers
    received in ``learning_window(log, start, end)``: the stored one when there is one, else
    learnt now and stored."""
    found = stored_model(workspace_file, start, end)
    if found is None:
        lo, hi = learning_window(log, start, end)
        found = discover_model(log, start=lo, end=hi, progress=progress)
        with contextlib.suppress(OSError):  # not stored: learnt again next time
            folder = store_dir(workspace_file)
            folder.mkdir(exist_ok=True)
            write_discovery(found, folder / f"{model_key(workspace_file, start, end)}.json")
    elif progress:
        progress(1.0)
    return found


def write_discovery(found: Discovery, path: str | Path) -> Path:
    """Write ``found`` as JSON to ``path``, atomically."""
    path = Path(path)
    data = {"model": model_to_dict(found.model), "start": found.start.isoformat(),
            "end": found.end.isoformat(), "cases": found.cases, "notes": found.notes}
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
    return path


def read_discovery(path: str | Path) -> Discovery | None:
    """The discovery ``write_discovery`` wrote to ``path``; None when it cannot be read."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Discovery(model=model_from_dict(Model, data["model"], file=str(path)),
                         start=pd.Timestamp(data["start"]), end=pd.Timestamp(data["end"]),
                         cases=int(data["cases"]), notes=list(data["notes"]))
    except (OSError, ValueError, KeyError, TypeError, DossierflowError):
        return None  # a stale or damaged file: the model is learnt again


@functools.cache
def _code_digest() -> str:
    """A digest of the source of the packages that learn and run models."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for package in _CODE_PACKAGES:
        for source in sorted((root / package).glob("*.py")):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()

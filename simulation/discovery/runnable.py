"""The last guard of discovery: the learnt model is validated, and what its validator refuses
is repaired or dropped with a note, so that discovery never emits a model it cannot run."""

from __future__ import annotations

import re

from dossierflow.simulation.model import Model, ModelError

MAX_REPAIRS = 100   # each repair removes one refused part; more means a fault in discovery


def runnable(model: Model, notes: list[str]) -> Model:
    """``model`` validated, after repairing each part the validator refuses: a batch's release
    time (dropped; the schedule too when it has no other: its steps no longer wait), a
    same-day cut-off (dropped: same-day dossiers are due at the close of the day of receipt),
    arrivals on days off (their weights set to 0). Any other refusal is a fault in discovery
    and is raised."""
    for _ in range(MAX_REPAIRS):
        try:
            return model.validate()
        except ModelError as exc:
            if not _repair(model, exc, notes):
                raise
    return model.validate()


def _repair(model: Model, exc: ModelError, notes: list[str]) -> bool:
    """Repair the part ``exc`` names; False when it is none that can be repaired."""
    path = exc.field or ""
    if (found := re.fullmatch(r"batches\[(\d+)\]\.release_times\[(\d+)\]", path)) is not None:
        batch = model.batches[int(found[1])]
        if len(batch.release_times) > 1:
            batch.release_times.pop(int(found[2]))
            notes.append(f"batch schedule {batch.id!r}: a release time dropped: {exc.what}")
            return True
    if (found := re.match(r"batches\[(\d+)\]", path)) is not None:
        batch = model.batches.pop(int(found[1]))
        for process in model.processes:
            for step in process.steps:
                if step.batch == batch.id:
                    step.batch = None
        notes.append(f"batch schedule {batch.id!r} dropped: {exc.what}")
        return True
    if path == "deadlines.same_day_cutoff":
        model.deadlines.same_day_cutoff = None
        notes.append(f"same-day cut-off dropped: {exc.what}")
        return True
    if (found := re.match(r"procedures\[(\d+)\]\.arrivals\.weekday_weights", path)) is not None:
        procedure = model.procedures[int(found[1])]
        office = set(model.calendar.weekdays)
        weights = procedure.arrivals.weekday_weights
        procedure.arrivals.weekday_weights = [w if d in office else 0.0
                                              for d, w in enumerate(weights)]
        notes.append(f"procedure {procedure.id!r}: arrivals on days off dropped: {exc.what}")
        return True
    return False

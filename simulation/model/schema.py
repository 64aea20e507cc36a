"""The whole model: procedures, processes and pools of one centre (or part of one), with
lookups by id, JSON and the checks."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossierflow.simulation.model.centre import (
    BatchSchedule,
    CalendarSpec,
    Deadlines,
    Procedure,
    ResourcePool,
)
from dossierflow.simulation.model.codec import (
    model_from_dict,
    model_to_dict,
    read_model,
    write_model,
)
from dossierflow.simulation.model.errors import ModelError
from dossierflow.simulation.model.process import Process
from dossierflow.simulation.model.validation import validate_model


@dataclass(kw_only=True)
class Model:
    """A complete simulation model. ``agency_codes`` maps agencies to the prefix of their
    dossier numbers (e.g. ``"000.00.21.H03"``; default the agency id);
    ``extra_activities`` declares activities outside the vocabulary (snake_case ids, or the
    labels of an imported log, which the engine writes as they are).
    ``warmup_days``: calendar days simulated before the horizon and left out of the results,
    so that the horizon starts with dossiers in progress and queues as a running centre has
    them (0: it starts empty)."""

    name: str = "model"
    procedures: list[Procedure]
    processes: list[Process]
    pools: list[ResourcePool]
    batches: list[BatchSchedule] = field(default_factory=list)
    calendar: CalendarSpec = field(default_factory=CalendarSpec)
    deadlines: Deadlines = field(default_factory=Deadlines)
    agency_codes: dict[str, str] = field(default_factory=dict)
    extra_activities: list[str] = field(default_factory=list)
    warmup_days: float = 0.0

    # -- lookups ---------------------------------------------------------------------------

    def procedure(self, procedure_id: str) -> Procedure:
        return _find(self.procedures, procedure_id, "procedure")

    def process(self, process_id: str) -> Process:
        return _find(self.processes, process_id, "process")

    def pool(self, pool_id: str) -> ResourcePool:
        return _find(self.pools, pool_id, "pool")

    def batch(self, batch_id: str) -> BatchSchedule:
        return _find(self.batches, batch_id, "batch schedule")

    # -- JSON ------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The model as plain JSON data (numbers of float fields written as floats)."""
        return model_to_dict(self)

    @classmethod
    def from_dict(cls, data: Any, *, file: str | None = None) -> Model:
        """Build and validate a model from parsed JSON; errors name the field."""
        return model_from_dict(cls, data, file=file)

    def to_json(self, path: str | Path) -> Path:
        """Write the model as UTF-8 JSON; ``Model.from_json`` reads back an equal model."""
        return write_model(self, path)

    @classmethod
    def from_json(cls, path: str | Path) -> Model:
        """Read and validate a model file written by :meth:`to_json` (or by hand)."""
        return read_model(cls, path)

    # -- checks ----------------------------------------------------------------------------

    def validate(self, *, file: str | None = None) -> Model:
        """Check values and cross-references; raise :class:`ModelError` on the first problem."""
        validate_model(self, file=file)
        return self

    def office_hours(self):
        """The :class:`dossierflow.mining.log.working_time.OfficeHours` of ``calendar``."""
        from dossierflow.mining.log.working_time import OfficeHours

        return OfficeHours(sessions=tuple(tuple(s) for s in self.calendar.sessions),
                           weekdays=tuple(self.calendar.weekdays))


def _find(items: Iterable[Any], key: str, what: str) -> Any:
    for item in items:
        if item.id == key:
            return item
    known = [item.id for item in items]
    close = difflib.get_close_matches(str(key), known, n=1)
    raise ModelError(f"there is no {what} {key!r}.",
                     fix=f"use one of {known[:20]}" + (f" (perhaps {close[0]!r}?)" if close else "")
                     + ".")

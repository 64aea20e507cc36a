"""The dossiers a page analyses, as plain values (hashable, so results cache by them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dossierflow.mining.log import filters as f


@dataclass(frozen=True)
class Selection:
    """Dossiers received from ``start`` to ``end`` (inclusive days, local time) of the
    chosen agencies, procedures (in ``procedure_column``), channels, models and on-time
    classes (empty: all), then those of the most frequent variants covering ``coverage``."""

    start: dt.date | None = None
    end: dt.date | None = None
    agency: tuple[str, ...] = ()
    procedure: tuple[str, ...] = ()
    channel: tuple[str, ...] = ()
    model: tuple[str, ...] = ()
    on_time: tuple[str, ...] = ()
    coverage: float = 1.0
    procedure_column: str = "procedure_id"

    def filters(self) -> list:
        """The ``dossierflow.mining.log.filters`` values of this selection, in the order they
        apply."""
        chosen = []
        if self.start or self.end:
            end = self.end + dt.timedelta(days=1) if self.end else None
            chosen.append(f.TimeRange(self.start, end, mode="received"))
        for column, values in (("agency", self.agency),
                               (self.procedure_column, self.procedure),
                               ("channel", self.channel), ("model", self.model)):
            if values:
                chosen.append(f.AttributeIn(column, tuple(values)))
        if self.on_time:
            chosen.append(f.OnTimeClass(tuple(self.on_time)))
        if self.coverage < 1:
            chosen.append(f.VariantCoverage(self.coverage))
        return chosen

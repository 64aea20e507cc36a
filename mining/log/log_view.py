"""A view of an analysis-ready log as Ibis tables: what filters take and return, and what
every map, KPI and ranking is computed from (on DuckDB by default, on any Ibis backend)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import ibis

from dossierflow.mining.log.analysis_table import AnalysisLog
from dossierflow.mining.log.workspace import Workspace, _storable, _typed_memtable


@dataclass(frozen=True)
class LogView:
    """Events and cases of a (possibly filtered) log.

    ``events`` and ``cases`` are the columns of the analysis-ready tables (docs/importing.md,
    "Analysis-ready workspace"); ``minutes_per_day`` converts working minutes to legal days.
    """

    events: ibis.Table
    cases: ibis.Table
    minutes_per_day: float

    @classmethod
    def of_workspace(cls, workspace: Workspace) -> LogView:
        """The whole log of an opened workspace."""
        return cls(workspace.events, workspace.cases, workspace.calendar.minutes_per_day)

    @classmethod
    def of_log(cls, log: AnalysisLog, backend: ibis.BaseBackend | None = None, *,
               prefix: str = "") -> LogView:
        """An in-memory analysis log, loaded into ``backend`` (a fresh DuckDB by default) as
        tables ``{prefix}events`` and ``{prefix}cases`` (replacing tables of those names; give
        each log its own ``prefix`` to hold several in one backend).

        DuckDB stores the tables; another engine (Spark: ``dossierflow.mining.log.spark_backend``)
        gets temporary views over the in-memory data, typed from the pandas columns.
        """
        con = backend or ibis.duckdb.connect()
        tables = {}
        for name, frame in (("events", log.events), ("cases", log.cases)):
            if con.name == "duckdb":
                tables[name] = con.create_table(prefix + name, _storable(frame),
                                                overwrite=True)
            else:
                tables[name] = con.create_view(prefix + name, _typed_memtable(frame),
                                               overwrite=True)
        return cls(tables["events"], tables["cases"], log.calendar.minutes_per_day)

    def with_cases(self, cases: ibis.Table) -> LogView:
        """Keep only the given cases (a filtered ``cases`` table) and their events."""
        kept = cases.select("case_code")
        return replace(self, cases=cases, events=self.events.semi_join(kept, "case_code"))

    def with_events(self, events: ibis.Table) -> LogView:
        """Keep only the given events, and the cases that still have events."""
        kept = events.select("case_code")
        return replace(self, events=events, cases=self.cases.semi_join(kept, "case_code"))

    def holds_whole_cases(self) -> bool:
        """Whether every event of the view's cases is held (no event-level filter applied),
        so that what the import derived per event and per case (next activity, waits,
        position, variant) still holds."""
        counts = self.cases.aggregate(expected=self.cases.n_events.sum().fill_null(0),
                                      held=self.events.count().as_scalar()).to_pandas()
        return int(counts["expected"].iloc[0]) == int(counts["held"].iloc[0])

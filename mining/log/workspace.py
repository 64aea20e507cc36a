"""Imported logs stored as DuckDB workspace files (through Ibis): import once, reopen at once.

A workspace holds the analysis-ready ``events`` and ``cases``, the ``rejected`` rows with their
reasons, the ``flags`` (a row per dossier and order rule it breaks), and ``meta`` (sources,
column mapping, validation report, calendar settings).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import ibis
import pandas as pd
import pyarrow as pa
from ibis.common.exceptions import TableNotFound

from dossierflow.mining.errors import WorkspaceError
from dossierflow.mining.io.event_order import FLAG_COLUMNS
from dossierflow.mining.io.import_log import ImportedLog
from dossierflow.mining.io.validation import ValidationReport
from dossierflow.mining.log.analysis_table import AnalysisLog
from dossierflow.mining.log.working_time import OfficeHours, WorkCalendar
from dossierflow.mining.vocabulary import COUNTRY, TZ

SUFFIX = ".duckdb"


def workspace_home() -> Path:
    """Where named workspaces live: $DOSSIERFLOW_HOME, else ./workspace."""
    return Path(os.environ.get("DOSSIERFLOW_HOME", Path.cwd() / "workspace"))


def workspace_path(name: str | Path) -> Path:
    """The file of a workspace given by name or by path."""
    text = str(name)
    if text.endswith(SUFFIX) or os.sep in text:
        return Path(text)
    if not re.fullmatch(r"[\w.-]+", text):
        raise WorkspaceError(f"'{text}' is not a usable workspace name.",
                             fix="use letters, digits, '-', '_' or '.' only.")
    return workspace_home() / f"{text}{SUFFIX}"


def default_name(path: str | Path) -> str:
    """A workspace name from a file name: 'receipt.xes.gz' -> 'receipt'."""
    name = Path(path).name.split(".")[0]
    return re.sub(r"[^\w-]+", "_", name) or "log"


@dataclass
class Workspace:
    """An opened workspace: Ibis tables over the DuckDB file, plus its metadata."""

    path: Path
    con: ibis.BaseBackend
    meta: dict

    @property
    def events(self) -> ibis.Table:
        return self.con.table("events")

    @property
    def cases(self) -> ibis.Table:
        return self.con.table("cases")

    @property
    def reports(self) -> list[ValidationReport]:
        """The validation report of each source file."""
        return [ValidationReport.from_dict(r) for r in self.meta["reports"]]

    @property
    def calendar(self) -> WorkCalendar:
        return calendar_from_settings(self.meta["calendar"])

    def rejected(self) -> pd.DataFrame:
        """The rows that were not used, with their original values and reason."""
        return self.con.table("rejected").to_pandas()

    def flags(self) -> pd.DataFrame:
        """The dossiers whose events are in an impossible order: the rule each breaks, the
        two steps and their times, and whether it was kept or excluded."""
        try:
            return self.con.table("flags").to_pandas()
        except TableNotFound:  # a workspace stored before the order rules
            return pd.DataFrame(columns=FLAG_COLUMNS, dtype="string")

    def to_analysis_log(self) -> AnalysisLog:
        """Load both tables into pandas with local times."""
        calendar = self.calendar
        return AnalysisLog(events=_local(self.events.to_pandas(), calendar.timezone),
                           cases=_local(self.cases.to_pandas(), calendar.timezone),
                           calendar=calendar)

    def close(self) -> None:
        self.con.disconnect()


def _hhmm(sessions) -> list[list[str]]:
    return [[start.isoformat("minutes"), end.isoformat("minutes")] for start, end in sessions]


def calendar_settings(calendar: WorkCalendar) -> dict:
    """JSON-able settings that rebuild the same calendar."""
    hours = calendar.office_hours
    return {"sessions": _hhmm(hours.sessions), "weekdays": list(hours.weekdays),
            "weekday_sessions": {str(d): _hhmm(s) for d, s in hours.weekday_sessions},
            "first_year": calendar.first_year, "last_year": calendar.last_year,
            "country": calendar.country, "timezone": calendar.timezone}


def calendar_from_settings(settings: dict) -> WorkCalendar:
    """The calendar described by ``calendar_settings``."""
    hours = OfficeHours(sessions=tuple(map(tuple, settings["sessions"])),
                        weekdays=tuple(settings["weekdays"]),
                        weekday_sessions={int(d): tuple(map(tuple, s))
                                          for d, s in settings["weekday_sessions"].items()})
    return WorkCalendar(hours, first_year=settings["first_year"],
                        last_year=settings["last_year"],
                        country=settings.get("country", COUNTRY),  # absent in older workspaces
                        timezone=settings.get("timezone", TZ))


def _storable(frame: pd.DataFrame) -> pd.DataFrame:
    """UTC timestamps in microseconds; object columns that Arrow cannot type become text."""
    out = frame.copy()
    for column in out:
        series = out[column]
        if isinstance(series.dtype, pd.DatetimeTZDtype):
            out[column] = series.dt.tz_convert("UTC").dt.floor("us")  # DuckDB's precision
        elif series.dtype == object:
            try:
                typed = pa.array(series, from_pandas=True)
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                typed = None
            if typed is None or pa.types.is_null(typed.type):
                out[column] = series.astype("string")
    return out


def _typed_memtable(frame: pd.DataFrame) -> ibis.Table:
    """``frame`` made ``_storable``, as an Ibis in-memory table with an explicit schema and
    only plain Python values for missing entries, so that any engine receives the same types
    and values as DuckDB does.

    The schema is taken from the pandas dtypes, so a text column that is entirely missing (an
    ``on_time_class`` without due dates) stays text instead of becoming untyped. Columns of
    pandas extension types (text, nullable integers and booleans) become objects with None for
    missing values: Spark reads a pandas frame through Arrow, which fails on Arrow-backed text
    columns, and its fallback pickles every value, turning ``pd.NA`` into junk text.
    """
    out = _storable(frame)
    schema = ibis.memtable(out).schema()
    for column in out:
        series = out[column]
        if isinstance(series.dtype, pd.api.extensions.ExtensionDtype) and not isinstance(
                series.dtype, pd.DatetimeTZDtype):
            out[column] = series.astype(object).where(series.notna(), None)
    return ibis.memtable(out, schema=schema)


def _local(frame: pd.DataFrame, tz: str = TZ) -> pd.DataFrame:
    for column in frame:
        if isinstance(frame[column].dtype, pd.DatetimeTZDtype):
            frame[column] = frame[column].dt.tz_convert(tz)
    return frame


def save_workspace(log: AnalysisLog, imported: ImportedLog, path: str | Path) -> Path:
    """Write the analysis-ready log of an import to a workspace file (replacing it)."""
    path = workspace_path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = ibis.duckdb.connect(str(tmp))
    try:
        con.create_table("events", _storable(log.events), overwrite=True)
        con.create_table("cases", _storable(log.cases), overwrite=True)
        con.create_table("rejected", _storable(imported.rejected.astype("string")),
                         overwrite=True)
        con.create_table("flags", _storable(imported.flags.astype("string")), overwrite=True)
        meta = {"sources": imported.sources,
                "mapping": {f: m.describe() for f, m in imported.mapping.items()},
                "reports": [r.to_dict() for r in imported.reports],
                "summary": imported.summary(),
                "calendar": calendar_settings(log.calendar)}
        con.create_table("meta", pd.DataFrame({"key": list(meta),
                                               "value": [json.dumps(v, ensure_ascii=False)
                                                         for v in meta.values()]}),
                         overwrite=True)
    finally:
        con.disconnect()
    os.replace(tmp, path)
    return path


def open_workspace(name: str | Path) -> Workspace:
    """Open an imported log by workspace name or file path (no re-import)."""
    path = workspace_path(name)
    if not path.is_file():
        known = sorted(p.stem for p in workspace_home().glob(f"*{SUFFIX}"))
        raise WorkspaceError(f"no imported log called '{name}' (looked for {path}).",
                             fix=("import it first with `dossierflow import FILE --name NAME`"
                                  + (f"; known workspaces: {known}" if known else "") + "."))
    try:
        con = ibis.duckdb.connect(str(path), read_only=True)
        rows = con.table("meta").to_pandas()
    except Exception as exc:  # a damaged or foreign file
        raise WorkspaceError(f"{path} is not a dossierflow workspace ({exc}).",
                             file=str(path), fix="import the log again.") from None
    meta = {k: json.loads(v) for k, v in zip(rows["key"], rows["value"])}
    return Workspace(path=path, con=con, meta=meta)

"""As-is validation: does the unchanged model reproduce the log it was learnt from?

Before a planner reads a prediction, the baseline runs of the model (the unchanged centre) are
compared with the log's own dossiers received in the same window, with one set of definitions
applied to both sides (:func:`figures`):

* dossiers per month;
* median and 90th percentile of the lead time, from receipt to result ready, in working days
  and in calendar days;
* the on-time rate (Decision 766: ready by the due date, the supplement pause excluded, at
  most one supplement request; dossiers still open when the log ends count as late only
  when their due date has passed — simulated dossiers are cut off at the same moment);
* the mean time of each step (working minutes from the dossier's previous event to the end
  of the step);
* where the log has start times, how many files each team's officers hold on the days they
  work (their service minutes over the office minutes of their working days).

Overall, and per procedure with at least ``MIN_DOSSIERS`` dossiers in the window. A model off by
more than ``LEAD_TOLERANCE`` on the overall median lead time or ``ON_TIME_TOLERANCE`` on the
on-time rate is flagged: its predictions are not to be trusted yet.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dossierflow.mining.log.analysis_table import AnalysisLog
from dossierflow.mining.log.working_time import WorkCalendar
from dossierflow.mining.vocabulary import TZ
from dossierflow.simulation.engine import SimulationResult, model_calendar
from dossierflow.simulation.model import Model

LEAD_TOLERANCE = 0.10
ON_TIME_TOLERANCE = 0.03
MIN_DOSSIERS = 100
MIN_STEPS = 30
OVERALL = "all"
# figures of a step and of a team carry the activity or team after the colon
LEAD_FIGURES = ("lead_time_working_days_median", "lead_time_working_days_p90",
                "lead_time_calendar_days_median", "lead_time_calendar_days_p90")
CASE_FIGURES = ("dossiers_per_month", *LEAD_FIGURES, "on_time_rate")
GENERATED = ("submit_online", "apology_reschedule")
DAYS_PER_MONTH = 365.25 / 12


def figures(cases: pd.DataFrame, events: pd.DataFrame, calendar: WorkCalendar,
            start: pd.Timestamp, end: pd.Timestamp, censor_at: pd.Timestamp,
            procedures: Any = None, teams: tuple[str, ...] = ("agency", "role")
            ) -> dict[tuple[str, str], float]:
    """The as-is figures of one log, ``{(scope, figure): value}``.

    ``cases``: ``case_id, procedure_id, received_at, finished_at, due_clock`` (the due date
    on ``calendar``'s clock, the supplement pause added), ``n_supplement_requests``;
    ``events``: ``case_id, activity, timestamp`` and optionally ``start_timestamp,
    resource, agency, role``. Dossiers received in [``start``, ``end``) count; results after
    ``censor_at`` are not yet known. ``procedures``: those given a row of their own (None:
    those with ``MIN_DOSSIERS`` dossiers); ``teams``: the event columns that name a team."""
    received = cases["received_at"].dt.tz_convert(TZ)
    c = cases.loc[(received >= start) & (received < end)]
    finished = c["finished_at"].where(c["finished_at"] <= censor_at)
    recv_clock = calendar.to_clock(c["received_at"])
    done = finished.notna().to_numpy()
    end_clock = np.full(len(c), np.nan)
    end_clock[done] = calendar.to_clock(finished[done])
    censor_clock = float(calendar.to_clock(pd.Series([censor_at]))[0])
    due = c["due_clock"].to_numpy(dtype=float)
    judged = np.where(done, end_clock, censor_clock)
    late = np.where(np.isnan(due), np.nan,
                    ((judged > due) | (done & (c["n_supplement_requests"].to_numpy() > 1)))
                    .astype(float))
    table = pd.DataFrame({
        "procedure_id": c["procedure_id"].astype(str).to_numpy(),
        "working": (end_clock - recv_clock) / calendar.minutes_per_day,
        "calendar": np.where(done, (finished - c["received_at"]).dt.total_seconds()
                             .to_numpy(dtype=float) / 86400.0, np.nan),
        "late": late})
    months = max((end - start).days, 1) / DAYS_PER_MONTH
    out = _case_figures(table, OVERALL, months)
    if procedures is None:
        sizes = table["procedure_id"].value_counts()
        procedures = sizes.index[sizes >= MIN_DOSSIERS]
    for pid, part in table.groupby("procedure_id", sort=True):
        if pid in set(map(str, procedures)):
            out.update(_case_figures(part, f"procedure:{pid}", months))
    ev = events.loc[events["case_id"].isin(c["case_id"])]
    out.update(_step_figures(ev, calendar))
    out.update(_team_figures(events, calendar, start, end, teams))
    return out


def _case_figures(table: pd.DataFrame, scope: str, months: float) -> dict:
    out = {(scope, "dossiers_per_month"): len(table) / months}
    for unit in ("working", "calendar"):
        values = table[unit].dropna()
        for q, name in ((0.5, "median"), (0.9, "p90")):
            out[(scope, f"lead_time_{unit}_days_{name}")] = \
                float(values.quantile(q)) if len(values) else math.nan
    late = table["late"].dropna()
    out[(scope, "on_time_rate")] = float(1.0 - late.mean()) if len(late) else math.nan
    return out


def _step_figures(events: pd.DataFrame, calendar: WorkCalendar) -> dict:
    """Mean working minutes from the dossier's previous event to each step's end."""
    ev = events.loc[~events["activity"].astype(str).isin(GENERATED)]
    ev = ev.sort_values(["case_id", "timestamp"], kind="stable")
    clock = calendar.to_clock(ev["timestamp"])
    case = ev["case_id"].astype(str).to_numpy()
    same = np.r_[False, case[1:] == case[:-1]]
    gap = np.where(same, clock - np.r_[np.nan, clock[:-1]], np.nan)
    stats = pd.Series(gap).groupby(ev["activity"].astype(str).to_numpy()).agg(["mean", "count"])
    return {("step", f"step_minutes:{a}"): float(row["mean"])
            for a, row in stats.iterrows() if row["count"] >= MIN_STEPS}


def _team_figures(events: pd.DataFrame, calendar: WorkCalendar, start: pd.Timestamp,
                  end: pd.Timestamp, teams: tuple[str, ...]) -> dict:
    """Files in hand per officer on the days they work, per team (agency · role), where
    events have start times and officers."""
    if "start_timestamp" not in events or "resource" not in events:
        return {}
    ev = events.loc[events["start_timestamp"].notna() & events["resource"].notna()]
    stamps = ev["timestamp"].dt.tz_convert(TZ)
    ev = ev.loc[((stamps >= start) & (stamps < end)).to_numpy()]
    if ev.empty:
        return {}
    service = calendar.to_clock(ev["timestamp"]) - calendar.to_clock(ev["start_timestamp"])
    parts = [ev[c].astype(str) for c in teams if c in ev]
    team = parts[0].str.cat(parts[1:], sep=" · ") if parts else pd.Series("all", index=ev.index)
    day = ev["timestamp"].dt.tz_convert(TZ).dt.date
    office = pd.Series(calendar.working_minutes_between(
        pd.to_datetime(day).dt.tz_localize(TZ),
        pd.to_datetime(day).dt.tz_localize(TZ) + pd.Timedelta(days=1)), index=ev.index)
    frame = pd.DataFrame({"team": team.to_numpy(), "resource": ev["resource"].astype(str),
                          "day": day, "office": office, "service": service})
    officer_days = frame.drop_duplicates(["team", "resource", "day"])
    available = officer_days.groupby("team")["office"].sum()
    busy = frame.groupby("team")["service"].sum()
    return {("team", f"files_in_hand:{t}"): float(busy[t] / available[t])
            for t in busy.index if available[t] > 0}


def log_figures(log: AnalysisLog, start: pd.Timestamp, end: pd.Timestamp
                ) -> dict[tuple[str, str], float]:
    """The as-is figures of the log's dossiers received in [``start``, ``end``)."""
    cases = log.cases
    due = np.full(len(cases), np.nan)
    has_due = cases["due_at"].notna().to_numpy()
    due[has_due] = log.calendar.to_clock(cases.loc[has_due, "due_at"])
    due += cases["supplement_pause_working_minutes"].to_numpy(dtype=float)
    frame = pd.DataFrame({
        "case_id": cases["case_id"],
        "procedure_id": cases["procedure_id"] if "procedure_id" in cases else "all",
        "received_at": cases["received_at"], "finished_at": cases["finished_at"],
        "due_clock": due, "n_supplement_requests": cases["n_supplement_requests"]})
    return figures(frame, log.events, log.calendar, start, end, log_end(log),
                   teams=team_columns(log))


def log_end(log: AnalysisLog) -> pd.Timestamp:
    """The moment the log was taken: its last event."""
    return log.events["timestamp"].max()


def team_columns(log: AnalysisLog) -> tuple[str, ...]:
    """The event columns of the log that name an officer's team (agency, role)."""
    return tuple(c for c in ("agency", "role") if c in log.events
                 and log.events[c].notna().any())


def run_figures(result: SimulationResult, censor_at: pd.Timestamp,
                procedures: list[str] | None = None,
                teams: tuple[str, ...] = ("agency", "role")) -> dict[tuple[str, str], float]:
    """The as-is figures of a simulation run, cut off at ``censor_at`` as the log was, its
    teams named by the log's ``teams`` columns."""
    model: Model = result.model
    start = result.start if result.start.tzinfo else result.start.tz_localize(TZ)
    end = result.end if result.end.tzinfo else result.end.tz_localize(TZ)
    calendar = model_calendar(model, start.year - 1, end.year + 2)
    cases = result.cases
    due = np.full(len(cases), np.nan)
    has_due = cases["due_at"].notna().to_numpy()
    due[has_due] = calendar.to_clock(cases.loc[has_due, "due_at"])
    # a dossier refused before its receipt counts from its first event, as in a log
    first = result.events.groupby("case_id", observed=True)["timestamp"].min()
    received = cases["received_at"].fillna(
        pd.Series(first.reindex(cases["case_id"].astype(str)).to_numpy(), index=cases.index))
    frame = pd.DataFrame({
        "case_id": cases["case_id"], "procedure_id": cases["procedure_id"].astype(str),
        "received_at": received, "finished_at": cases["finished_at"],
        "due_clock": due, "n_supplement_requests": cases["n_supplement_requests"]})
    return figures(frame, result.events, calendar, start, end, censor_at, procedures, teams)


@dataclass
class AsIs:
    """The log's figures beside the simulated ones (mean and range over the runs)."""

    table: pd.DataFrame
    start: pd.Timestamp
    end: pd.Timestamp
    runs: int
    notes: list[str] = field(default_factory=list)

    def overall(self, figure: str) -> pd.Series:
        rows = self.table.loc[(self.table["scope"] == OVERALL) & (self.table["figure"] == figure)]
        return rows.iloc[0]

    @property
    def lead_error(self) -> float:
        """Relative error of the overall median lead time in working days."""
        return float(self.overall("lead_time_working_days_median")["error"])

    @property
    def on_time_error(self) -> float:
        """Error of the overall on-time rate, in rate points (0.01 = 1 pp); NaN: no due dates."""
        return float(self.overall("on_time_rate")["error"])

    @property
    def trusted(self) -> bool:
        """Whether the model reproduces the log within the tolerances."""
        lead, on_time = self.lead_error, self.on_time_error
        return (math.isfinite(lead) and abs(lead) <= LEAD_TOLERANCE
                and (not math.isfinite(on_time) or abs(on_time) <= ON_TIME_TOLERANCE))

    def warning(self) -> str | None:
        """What a planner must read first when the model fails the check (None: it passes)."""
        if self.trusted:
            return None
        o_lead = self.overall("lead_time_working_days_median")
        o_time = self.overall("on_time_rate")
        text = (f"the model does not reproduce this log yet: median lead time "
                f"{o_lead['simulated']:.2f} working days simulated against {o_lead['log']:.2f} "
                f"in the log ({o_lead['error']:+.0%})")
        if math.isfinite(o_time["error"]):
            text += (f", on time {o_time['simulated']:.1%} against {o_time['log']:.1%} "
                     f"({o_time['error'] * 100:+.1f} pp)")
        return text + "; read its predictions as rough."

    def to_dict(self) -> dict[str, Any]:
        rows = self.table.replace({np.nan: None}).to_dict(orient="records")
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "runs": self.runs, "trusted": self.trusted, "warning": self.warning(),
                "tolerances": {"lead_time_working_days_median": LEAD_TOLERANCE,
                               "on_time_rate": ON_TIME_TOLERANCE},
                "lead_error": _finite(self.lead_error),
                "on_time_error": _finite(self.on_time_error),
                "notes": self.notes, "rows": rows}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AsIs:
        """The check back from :meth:`to_dict`."""
        table = pd.DataFrame(data["rows"]).astype({"log": float, "simulated": float,
                                                   "simulated_low": float,
                                                   "simulated_high": float, "error": float})
        return cls(table=table, start=pd.Timestamp(data["start"]),
                   end=pd.Timestamp(data["end"]), runs=data["runs"], notes=data["notes"])

    def write(self, out_dir: str | Path) -> Path:
        """asis.csv and asis.json in ``out_dir``."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        self.table.to_csv(out / "asis.csv", index=False)
        path = out / "asis.json"
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
        return path

    def lines(self) -> list[str]:
        """A short table for a terminal: the overall figures, log against model."""
        out = [f"As-is check, dossiers received {self.start:%d/%m/%Y} – "
               f"{self.end - pd.Timedelta(days=1):%d/%m/%Y}, {self.runs} run(s) of the model:",
               f"  {'figure':<34}{'log':>10}{'model':>10}{'error':>10}"]
        rows = self.table.loc[(self.table["scope"] == OVERALL)]
        for row in rows.itertuples(index=False):
            if not math.isfinite(row.log):
                continue
            error = (f"{row.error * 100:+.1f} pp" if row.unit == "pp" else f"{row.error:+.1%}") \
                if math.isfinite(row.error) else "–"
            flag = "  !" if row.flagged else ""
            out.append(f"  {row.figure:<34}{row.log:>10.3f}{row.simulated:>10.3f}"
                       f"{error:>10}{flag}")
        warning = self.warning()
        out.append(f"  Warning: {warning}" if warning else
                   "  The model reproduces the log within "
                   f"{LEAD_TOLERANCE:.0%} (median lead time) and "
                   f"{ON_TIME_TOLERANCE * 100:.0f} pp (on time).")
        return out


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def compare(observed: dict, runs: list[dict], start: pd.Timestamp, end: pd.Timestamp,
            notes: list[str] | None = None) -> AsIs:
    """The as-is table of the log's ``observed`` figures and the runs' (see :func:`figures`)."""
    keys = list(observed)
    sim = pd.DataFrame([{k: r.get(k, math.nan) for k in keys} for r in runs],
                       columns=pd.MultiIndex.from_tuples(keys) if keys else None)
    rows = []
    for key in keys:
        scope, figure = key
        log_value = observed[key]
        values = sim[key].dropna().to_numpy(dtype=float) if keys else np.array([])
        mean = float(values.mean()) if len(values) else math.nan
        rate = figure == "on_time_rate"
        if rate:
            error = mean - log_value
        else:
            error = (mean - log_value) / log_value if log_value else math.nan
        flagged = False
        if scope == OVERALL and figure == "lead_time_working_days_median":
            flagged = not (math.isfinite(error) and abs(error) <= LEAD_TOLERANCE)
        elif scope == OVERALL and rate and math.isfinite(log_value):
            flagged = not (math.isfinite(error) and abs(error) <= ON_TIME_TOLERANCE)
        rows.append({"scope": scope, "figure": figure, "log": log_value, "simulated": mean,
                     "simulated_low": float(values.min()) if len(values) else math.nan,
                     "simulated_high": float(values.max()) if len(values) else math.nan,
                     "error": error, "unit": "pp" if rate else "relative",
                     "flagged": flagged})
    table = pd.DataFrame(rows, columns=["scope", "figure", "log", "simulated", "simulated_low",
                                        "simulated_high", "error", "unit", "flagged"])
    return AsIs(table=table, start=start, end=end, runs=len(runs), notes=list(notes or []))


@dataclass(frozen=True)
class Basis:
    """What the runs of a model are compared with: the log's figures over [``start``,
    ``end``), the moment the log was taken, the procedures with rows of their own and the
    columns naming teams (small: it goes to the worker processes)."""

    observed: dict
    start: pd.Timestamp
    end: pd.Timestamp
    censor_at: pd.Timestamp
    procedures: tuple[str, ...]
    teams: tuple[str, ...]

    def measure(self, result: SimulationResult) -> dict[tuple[str, str], float]:
        """The run's figures (see :func:`run_figures`)."""
        return run_figures(result, self.censor_at, list(self.procedures), self.teams)

    def compare(self, runs: list[dict], notes: list[str] | None = None) -> AsIs:
        return compare(self.observed, runs, self.start, self.end, notes)


def basis(log: AnalysisLog, start: Any, end: Any) -> Basis:
    """The :class:`Basis` of the log's dossiers received in [``start``, ``end``) (local
    days)."""
    lo, hi = (_local(v) for v in (start, end))
    observed = log_figures(log, lo, hi)
    return Basis(observed=observed, start=lo, end=hi, censor_at=log_end(log),
                 procedures=tuple(row_procedures(observed)), teams=team_columns(log))


def _local(value: Any) -> pd.Timestamp:
    ts = pd.Timestamp(value)
    return ts.tz_localize(TZ) if ts.tzinfo is None else ts.tz_convert(TZ)


def check(log: AnalysisLog, model: Model, start: pd.Timestamp, end: pd.Timestamp, *,
          replications: int = 5, seed: int = 0, workers: int | None = None,
          progress: Callable[[float], None] | None = None) -> AsIs:
    """Run the unchanged ``model`` ``replications`` times over [``start``, ``end``) and compare
    it with the log's dossiers of that window."""
    from dossierflow.simulation.experiment import replicate

    base = basis(log, start, end)
    runs = replicate([model], base.measure, start=start, end=end, replications=replications,
                     seed=seed, workers=workers, progress=progress)
    return base.compare([r for _, _, r in runs])


def row_procedures(observed: dict) -> list[str]:
    """The procedures given rows of their own in the log's figures."""
    return [scope.split(":", 1)[1] for scope, _ in observed if scope.startswith("procedure:")]

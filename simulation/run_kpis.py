"""The figures of one simulation run that experiments compare: lead times, the on-time rate,
citizen-days, dossiers at risk, waiting per step, utilisation and queues.

Definitions match the analysis of a real log (``dossierflow.mining.log.analysis_table``): lead time
from the receipt (the legal clock's start) to the result being ready, in working days of the model's
calendar and in calendar days; on time when the result is ready by the due date (supplement
pauses excluded) and the supplement was requested at most once (Decision 766). Refused and
withdrawn dossiers count for volumes, not for lead times or the on-time rate.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dossierflow.simulation.engine import SimulationResult, model_calendar

DAYS_PER_YEAR = 365.25
# figures of the whole run; per-step and per-pool figures are added as "<name>:<key>"
OVERALL = ("dossiers_per_year", "lead_time_working_days_median", "lead_time_working_days_mean",
           "lead_time_calendar_days_median", "lead_time_calendar_days_mean", "on_time_rate",
           "late_per_year", "citizen_days_per_year")


def run_kpis(result: SimulationResult, procedures: list[str] | None = None) -> dict[str, float]:
    """The figures of ``result`` (only the dossiers of ``procedures`` when given), as a flat
    mapping name → value."""
    cases = result.cases
    if procedures is not None:
        cases = cases.loc[cases["procedure_id"].astype(str).isin([str(p) for p in procedures])]
    years = max((result.end - result.start).days, 1) / DAYS_PER_YEAR
    calendar = model_calendar(result.model, result.start.year - 1, result.end.year + 2)
    done = cases["outcome"].isin(["result_ready", "returned"]).to_numpy()
    c = cases.loc[done]
    received = calendar.to_clock(c["received_at"])
    finished = calendar.to_clock(c["finished_at"])
    working = (finished - received) / calendar.minutes_per_day
    calendar_days = (c["finished_at"] - c["received_at"]).dt.total_seconds().to_numpy() / 86400
    late = (c["finished_at"] > c["due_at"]).to_numpy() | \
        (c["n_supplement_requests"].to_numpy() > 1)
    out = {
        "dossiers_per_year": len(cases) / years,
        "lead_time_working_days_median": _stat(np.median, working),
        "lead_time_working_days_mean": _stat(np.mean, working),
        "lead_time_calendar_days_median": _stat(np.median, calendar_days),
        "lead_time_calendar_days_mean": _stat(np.mean, calendar_days),
        "on_time_rate": float(1.0 - late.mean()) if len(late) else float("nan"),
        "late_per_year": float(late.sum()) / years,
        "citizen_days_per_year": float(np.nansum(calendar_days)) / years,
    }
    out.update(_waits(result, cases["case_id"], calendar))
    for row in result.pools.itertuples(index=False):
        out[f"utilisation:{row.pool_id}"] = float(row.utilisation)
        out[f"queue_length:{row.pool_id}"] = float(row.mean_queue_length)
    return out


def _stat(fn, values: np.ndarray) -> float:
    values = values[np.isfinite(values)]
    return float(fn(values)) if len(values) else float("nan")


def _waits(result: SimulationResult, case_ids: pd.Series, calendar) -> dict[str, float]:
    """Mean working minutes from the previous event to each activity's end, per activity."""
    ev = result.events
    ev = ev.loc[ev["case_id"].isin(case_ids)]
    if ev.empty:
        return {}
    clock = calendar.to_clock(ev["timestamp"])
    same = ev["case_id"].to_numpy()[1:] == ev["case_id"].to_numpy()[:-1]
    wait = np.r_[np.nan, np.where(same, np.diff(clock), np.nan)]
    means = pd.Series(wait, index=ev.index).groupby(ev["activity"], observed=True).mean()
    return {f"step_minutes:{a}": float(v) for a, v in means.items() if np.isfinite(v)}

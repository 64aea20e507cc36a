"""Time-cut proposals: for each procedure, the largest cut of its legal time, in half days,
that keeps the predicted on-time rate at or above the centre's record (99.5 %).

The model is simulated as it is (``replications`` runs); a dossier would still be on time
under a legal time shortened by ``c`` days when its handling time (receipt to result, the
supplement pause excluded) fits in the new time and its supplement was requested at most
once. The cut is a promise the centre makes without changing its work, so the proposal is
the cut its present work already keeps; the citizen-days saved per year are the cut times the
dossiers a year (the days of waiting the citizens no longer have to plan for).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from dossierflow.simulation import asis
from dossierflow.simulation.engine import SimulationResult, model_calendar
from dossierflow.simulation.experiment import Executor, replicate
from dossierflow.simulation.model import Model

TARGET = 0.995
STEP = 0.5
MAX_CUT = 10.0
DAYS_PER_YEAR = 365.25


def handling_by_procedure(result: SimulationResult) -> pd.DataFrame:
    """Per dossier with a result: its procedure, handling time in working days (pauses
    excluded) and whether the supplement was requested more than once."""
    cases = result.cases
    done = cases.loc[cases["outcome"].isin(["result_ready", "returned"])]
    calendar = model_calendar(result.model, result.start.year - 1, result.end.year + 2)
    handling = (calendar.to_clock(done["finished_at"]) - calendar.to_clock(done["received_at"])
                - done["paused_minutes"].to_numpy()) / calendar.minutes_per_day
    years = max((result.end - result.start).days, 1) / DAYS_PER_YEAR
    return pd.DataFrame({"procedure_id": done["procedure_id"].astype(str).to_numpy(),
                         "handling_days": handling,
                         "repeat_supplement": (done["n_supplement_requests"] > 1).to_numpy(),
                         "weight": 1.0 / years})


def _in_force(model: Model, day: str) -> dict:
    """Per procedure id written to the log, its version in force on ``day`` (ISO)."""
    out: dict = {}
    for p in model.procedures:
        if (p.active_from or "0000") <= day <= (p.active_until or "9999"):
            out[p.output_id] = p
        else:
            out.setdefault(p.output_id, p)
    return out


def _handling_and_figures(result: SimulationResult, basis: asis.Basis
                          ) -> tuple[pd.DataFrame, dict]:
    return handling_by_procedure(result), basis.measure(result)


def time_cut_proposals(model: Model, *, start: Any, end: Any, replications: int = 5,
                       seed: int = 0, target: float = TARGET, workers: int | None = None,
                       executor: Executor = "local", check: asis.Basis | None = None,
                       progress: Callable[[float], None] | None = None) -> pd.DataFrame:
    """One row per procedure with its legal time, the proposed cut (0 when none keeps the
    target), the predicted on-time rate under it, dossiers a year, citizen-days saved a year
    and the rank by citizen-days saved. With ``check`` (``asis.basis`` of the log the model
    was learnt from), the runs are also checked against the log: ``attrs["asis"]`` holds
    the check as plain data (``AsIs.from_dict`` reads it back). ``executor="spark"`` runs
    each replication as a Spark task (the same rows for the same seed)."""
    measure: Any = handling_by_procedure
    if check is not None:
        measure = partial(_handling_and_figures, basis=check)
    runs = replicate([model], measure, start=start, end=end,
                     replications=replications, seed=seed, workers=workers,
                     executor=executor, progress=progress)
    checked = None
    if check is not None:
        checked = check.compare([r[1] for _, _, r in runs])
        runs = [(v, k, r[0]) for v, k, r in runs]
    dossiers = pd.concat([frame.assign(replication=r) for _, r, frame in runs],
                         ignore_index=True)
    by_id = _in_force(model, (pd.Timestamp(end) - pd.Timedelta(days=1)).strftime("%Y-%m-%d"))
    rows = []
    for pid, d in dossiers.groupby("procedure_id", sort=True):
        proc = by_id.get(pid)
        if proc is None:
            continue
        legal = float(proc.legal_days)
        cuts = np.arange(STEP, min(MAX_CUT, legal - STEP) + 1e-9, STEP)
        handling = d["handling_days"].to_numpy()
        ok_supp = ~d["repeat_supplement"].to_numpy()
        best, rate = 0.0, float(np.mean((handling <= legal + 1e-9) & ok_supp))
        for cut in cuts:
            on_time = float(np.mean((handling <= legal - cut + 1e-9) & ok_supp))
            if on_time < target:
                break
            best, rate = float(cut), on_time
        per_year = float(d["weight"].sum()) / replications
        rows.append({"procedure_id": pid, "name": proc.name, "agency": proc.agency,
                     "legal_days": legal, "proposed_cut_days": best,
                     "new_legal_days": legal - best, "predicted_on_time_rate": rate,
                     "dossiers_per_year": per_year,
                     "citizen_days_saved_per_year": best * per_year})
    out = pd.DataFrame(rows, columns=["procedure_id", "name", "agency", "legal_days",
                                      "proposed_cut_days", "new_legal_days",
                                      "predicted_on_time_rate", "dossiers_per_year",
                                      "citizen_days_saved_per_year"])
    out = out.sort_values(["citizen_days_saved_per_year", "procedure_id"],
                          ascending=[False, True], kind="stable").reset_index(drop=True)
    out["rank"] = np.arange(1, len(out) + 1)
    if checked is not None:
        out.attrs["asis"] = checked.to_dict()
    return out

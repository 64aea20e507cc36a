"""Backtests: re-play reforms found in a log to measure how well the simulation predicts.

A reform is a procedure whose legal time, or handling model (to 5 tại chỗ), changes from one
day on (``find_reforms``); the reforms an agency makes within ``DECISION_DAYS`` of its first
one form one decision (a decision often takes effect over a few days). For each decision,
``backtest`` learns a model from the year before the date (the agency's dossiers, plus the
other agencies' 5 tại chỗ procedures for a move by an agency that has none yet), applies the
matching scenario (``TimeCut`` in mode ``deadline_and_process``, or ``FiveOnSpot`` with the
new legal time), simulates the half year after, and compares the predicted median lead time
and on-time rate with what happened. The error distribution is the simulation's track record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.analysis_table import AnalysisLog
from dossierflow.mining.vocabulary import FIVE_ON_SPOT, TRANSFER, TZ
from dossierflow.simulation.discovery.discover_model import DiscoveryError, discover_model
from dossierflow.simulation.experiment import Executor, replicate
from dossierflow.simulation.run_kpis import run_kpis
from dossierflow.simulation.scenarios import FiveOnSpot, Scenario, ScenarioError, TimeCut

BEFORE_DAYS = 365
AFTER_DAYS = 182
MIN_BEFORE = 40
MIN_AFTER = 20
DECISION_DAYS = 7



@dataclass
class BacktestResult:
    """One row per reform re-played (``table``) and the reforms that could not be, with why."""

    table: pd.DataFrame
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """How many reforms, and the median / mean absolute relative error of the predicted
        median lead time, the share within 10 %, and the same for assuming no change."""
        err = self.table["error"].abs().dropna() if len(self.table) else pd.Series(dtype=float)
        naive = self.table["unchanged_error"].abs().dropna() if len(self.table) else err
        return {"n": int(len(err)),
                "median_abs_error": float(err.median()) if len(err) else float("nan"),
                "mean_abs_error": float(err.mean()) if len(err) else float("nan"),
                "within_10pct": float((err <= 0.10).mean()) if len(err) else float("nan"),
                "on_time_mean_abs_error": float(
                    (self.table["predicted_on_time"] - self.table["actual_on_time"]).abs()
                    .mean()) if len(err) else float("nan"),
                "unchanged_median_abs_error": float(naive.median()) if len(naive)
                else float("nan")}


def find_reforms(log: AnalysisLog) -> pd.DataFrame:
    """Reforms in the log: per procedure, each day from which its dossiers carry a new legal
    time or move to 5 tại chỗ, with the dossiers received in the year before and the half
    year after (up to the next reform)."""
    cases = log.cases
    needed = {"procedure_id", "legal_days"}
    if not needed <= set(cases.columns):
        raise DossierflowError(
            f"the log has no {sorted(needed - set(cases.columns))} column: reforms cannot "
            "be found.", fix="import a log with the procedure (thủ tục) and its legal time "
                             "(thời hạn giải quyết) per dossier.")
    c = pd.DataFrame({
        "procedure_id": cases["procedure_id"].astype(str),
        "legal_days": pd.to_numeric(cases["legal_days"], errors="coerce"),
        "model": cases["model"].astype(str) if "model" in cases else TRANSFER,
        "agency": cases["agency"].astype(str) if "agency" in cases else "centre",
        "received": cases["received_at"].dt.tz_convert(TZ)}).dropna(subset=["legal_days"])
    c = c.sort_values(["procedure_id", "received"], kind="stable")
    rows = []
    end_of_log = c["received"].max()
    for pid, g in c.groupby("procedure_id", sort=True):
        state = list(zip(g["legal_days"], g["model"]))
        changes = [i for i in range(1, len(state)) if state[i] != state[i - 1]]
        for k, i in enumerate(changes):
            date = pd.Timestamp(g["received"].iloc[i]).normalize()
            nxt = pd.Timestamp(g["received"].iloc[changes[k + 1]]).normalize() \
                if k + 1 < len(changes) else end_of_log + pd.Timedelta(days=1)
            before_from = date - pd.Timedelta(days=BEFORE_DAYS)
            after_to = min(date + pd.Timedelta(days=AFTER_DAYS), nxt)
            received = g["received"]
            old, new = state[i - 1], state[i]
            kind = "five_on_spot" if new[1] == FIVE_ON_SPOT and old[1] != FIVE_ON_SPOT \
                else "time_cut" if new[0] < old[0] and new[1] == old[1] else "other"
            rows.append({
                "procedure_id": pid, "agency": g["agency"].iloc[i], "kind": kind,
                "effective_date": date, "after_until": after_to,
                "old_legal_days": float(old[0]), "new_legal_days": float(new[0]),
                "n_before": int(((received >= before_from) & (received < date)).sum()),
                "n_after": int(((received >= date) & (received < after_to)).sum())})
    return pd.DataFrame(rows, columns=["procedure_id", "agency", "kind", "effective_date",
                                       "after_until", "old_legal_days", "new_legal_days",
                                       "n_before", "n_after"])


def _actual(log: AnalysisLog, pid: str, lo: pd.Timestamp, hi: pd.Timestamp):
    cases = log.cases
    received = cases["received_at"].dt.tz_convert(TZ)
    sel = cases.loc[(cases["procedure_id"].astype(str) == pid) & (received >= lo)
                    & (received < hi)]
    lead = sel["lead_time_working_days"].dropna()
    judged = sel["on_time_class"].isin(["early", "on_time", "late"])
    on_time = float(sel.loc[judged, "on_time_class"].isin(["early", "on_time"]).mean()) \
        if judged.any() else float("nan")
    return (float(lead.median()) if len(lead) else float("nan")), on_time


def _discovery_set(cases: pd.DataFrame, agency: str, moved: bool, lo: pd.Timestamp,
                   date: pd.Timestamp) -> list[str]:
    """The procedures a backtest learns from: those of the reform's agency received in the
    year before (their pools and, across legal times, how work grows with the legal time), and
    for a move to 5 tại chỗ by an agency that has none yet, the other agencies' 5 tại chỗ
    procedures (whose process it copies)."""
    received = cases["received_at"].dt.tz_convert(TZ)
    before = cases.loc[(received >= lo) & (received < date)]
    own = before["agency"].astype(str) == agency if "agency" in before else \
        pd.Series(True, index=before.index)
    out = set(before.loc[own, "procedure_id"].astype(str))
    if moved and "model" in before:
        on_spot = before["model"].astype(str) == FIVE_ON_SPOT
        if not (on_spot & own).any():
            out |= set(before.loc[on_spot, "procedure_id"].astype(str))
    return sorted(out)


def _decisions(every: pd.DataFrame) -> pd.Series:
    """Per reform, the first day of its decision: an agency's reforms within ``DECISION_DAYS``
    of the decision's first one."""
    out = pd.Series(pd.NaT, index=every.index, dtype=every["effective_date"].dtype)
    for _, g in every.groupby("agency", sort=True):
        first: dict[pd.Timestamp, pd.Timestamp] = {}
        start = None
        for day in sorted(set(g["effective_date"])):
            if start is None or (day - start).days > DECISION_DAYS:
                start = day
            first[day] = start
        out[g.index] = g["effective_date"].map(first)
    return out


def _change(reform: Any) -> Any:
    if reform.kind == "five_on_spot":
        return FiveOnSpot([reform.procedure_id], legal_days=reform.new_legal_days)
    return TimeCut([reform.procedure_id], days=reform.old_legal_days - reform.new_legal_days,
                   mode="deadline_and_process")


def _kpis_of(result: Any, procedures: list[str]) -> dict[str, dict[str, float]]:
    return {pid: run_kpis(result, [pid]) for pid in procedures}


def backtest(log: AnalysisLog, *, reforms: pd.DataFrame | None = None, limit: int | None = None,
             replications: int = 10, seed: int = 0, workers: int | None = 1,
             executor: Executor = "local",
             progress: Callable[[float], None] | None = None) -> BacktestResult:
    """Re-play the reforms of ``log`` (default: every time cut or move to 5 tại chỗ with at
    least ``MIN_BEFORE`` dossiers in the year before and ``MIN_AFTER`` in the half year after,
    the most documented first, at most ``limit``). The reforms an agency made on one day are
    re-played together, as the one decision they were. ``executor="spark"`` runs each
    replication as a Spark task (the same table for the same seed)."""
    every = find_reforms(log)
    every = every.loc[every["kind"].isin(["time_cut", "five_on_spot"])]
    if reforms is None:
        reforms = every.loc[(every["n_before"] >= MIN_BEFORE) & (every["n_after"] >= MIN_AFTER)]
        reforms = reforms.sort_values(["n_after", "procedure_id"], ascending=[False, True],
                                      kind="stable")
    if limit is not None:
        reforms = reforms.head(limit)
    if reforms.empty:
        raise DossierflowError(
            "no reform with enough dossiers before and after it was found in the log.",
            fix=f"backtests need procedures whose legal time or handling model changed, with "
                f"at least {MIN_BEFORE} dossiers in the year before and {MIN_AFTER} in the "
                "half year after; import a longer log.")
    cases = log.cases
    rows, skipped = [], []
    every = every.assign(decision=_decisions(every))
    reforms = reforms.merge(every[["procedure_id", "effective_date", "decision"]],
                            on=["procedure_id", "effective_date"], how="left")
    decisions = list(reforms.groupby(["agency", "decision"], sort=True))
    for k, ((agency, day), chosen) in enumerate(decisions):
        date = pd.Timestamp(day)
        lo = date - pd.Timedelta(days=BEFORE_DAYS)
        together = every.loc[(every["agency"] == agency) & (every["decision"] == date)]
        procedures = _discovery_set(cases, agency, (together["kind"] == "five_on_spot").any(),
                                    lo, date)
        try:
            found = discover_model(log, start=lo, end=date, procedures=procedures,
                                   name=f"before {date:%Y-%m-%d}")
            known = {p.output_id for p in found.model.procedures}
            changes = [_change(r) for r in together.itertuples(index=False)
                       if r.procedure_id in known]
            model = Scenario(f"{agency} {date:%Y-%m-%d}", changes).apply(found.model)
        except (DiscoveryError, ScenarioError) as exc:
            skipped.append(f"{agency} {date:%d/%m/%Y}: {exc.what}")
            continue
        model.procedures = [p for p in model.procedures if p.agency == agency]
        after_to = pd.Timestamp(chosen["after_until"].min())
        ids = list(chosen["procedure_id"])
        runs = replicate([model], partial(_kpis_of, procedures=ids), start=date, end=after_to,
                         replications=replications, seed=seed, workers=workers,
                         executor=executor)
        for r in chosen.itertuples(index=False):
            predicted = [kpis[r.procedure_id] for _, _, kpis in runs]
            own = pd.Timestamp(r.effective_date)
            actual_median, actual_on_time = _actual(log, r.procedure_id, own, after_to)
            before_median, _ = _actual(log, r.procedure_id,
                                       own - pd.Timedelta(days=BEFORE_DAYS), own)
            pred_median = float(np.nanmean([p["lead_time_working_days_median"]
                                            for p in predicted]))
            rows.append({
                "procedure_id": r.procedure_id, "agency": agency, "kind": r.kind,
                "effective_date": own.strftime("%Y-%m-%d"),
                "old_legal_days": r.old_legal_days, "new_legal_days": r.new_legal_days,
                "n_before": r.n_before, "n_after": r.n_after, "decided_with": len(together),
                "before_median": before_median, "actual_median": actual_median,
                "predicted_median": pred_median,
                "error": (pred_median - actual_median) / actual_median if actual_median else
                float("nan"),
                "unchanged_error": (before_median - actual_median) / actual_median
                if actual_median else float("nan"),
                "actual_on_time": actual_on_time,
                "predicted_on_time": float(np.nanmean([p["on_time_rate"] for p in predicted]))})
        if progress:
            progress((k + 1) / len(decisions))
    return BacktestResult(table=pd.DataFrame(rows), skipped=skipped)

"""What the recent history at ``t`` says of an open dossier's current step: how long dossiers
have lately waited at that step in the same agency, and how much time dossiers of the same
procedure at the same step have usually still needed until their result.

Only events at or before ``t`` are read, and only results known at ``t`` (``results_by``):
a congested step (staff away, a rush of dossiers) shows in the waits completed over the last
days, and a tight remaining time in the slack between the time left and the usual need.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dossierflow.mining.log.analysis_table import AnalysisLog

HISTORY_DAYS = 60  # working days of events the usual waits and remaining times come from
RECENT_WAIT_DAYS = 5  # working days over which the recent waits at a step are measured
NEED_QUANTILE = 0.9  # the remaining time a procedure's step "usually needs" at most


def step_history(log: AnalysisLog, out: pd.DataFrame, now: float,
                 results: pd.Series) -> pd.DataFrame:
    """``out`` (a snapshot's open dossiers with ``agency``, ``procedure_id``, ``step``,
    ``idle_days`` and ``left_days``) with ``step_recent_wait`` (median working days of the
    waits at that agency and step completed over the last ``RECENT_WAIT_DAYS``),
    ``step_wait_ratio`` (that over the median of ``HISTORY_DAYS``), ``idle_over_wait``
    (the dossier's own wait beyond the recent median) and ``slack_days`` (the time left minus
    the remaining time dossiers of the procedure at that step needed, ``NEED_QUANTILE``).
    ``now``: the clock of ``t``; ``results``: the result clocks known at ``t`` by case_code."""
    mpd = log.calendar.minutes_per_day
    ev = log.events
    keep = ((ev["clock"] > now - HISTORY_DAYS * mpd) & (ev["clock"] <= now)).to_numpy()
    seen = ev.loc[keep, ["case_code", "activity", "clock"]]
    cases = log.cases.set_index("case_code")
    seen = seen.assign(agency=cases["agency"].reindex(seen["case_code"]).astype("string")
                       .to_numpy() if "agency" in cases else pd.NA,
                       procedure=cases["procedure_id"].reindex(seen["case_code"])
                       .astype("string").to_numpy() if "procedure_id" in cases else pd.NA)
    following = seen.groupby("case_code", sort=False)["clock"].shift(-1)
    waits = seen.assign(wait=(following - seen["clock"]) / mpd, ended=following).dropna(
        subset=["wait"])
    key = ["agency", "activity"]
    usual = waits.groupby(key, dropna=False)["wait"].median()
    recent = waits.loc[waits["ended"] > now - RECENT_WAIT_DAYS * mpd].groupby(
        key, dropna=False)["wait"].median()
    index = pd.MultiIndex.from_arrays([out["agency"], out["step"]])
    out["step_recent_wait"] = recent.reindex(index).to_numpy(dtype=float)
    out["step_wait_ratio"] = out["step_recent_wait"] / np.maximum(
        usual.reindex(index).to_numpy(dtype=float), 0.01)
    out["idle_over_wait"] = out["idle_days"] - out["step_recent_wait"]
    result = results.reindex(seen["case_code"]).to_numpy()
    need = seen.assign(left=(result - seen["clock"].to_numpy()) / mpd).dropna(subset=["left"])
    needed = need.groupby(["procedure", "activity"], dropna=False)["left"].quantile(
        NEED_QUANTILE)
    pairs = pd.MultiIndex.from_arrays([out["procedure_id"], out["step"]])
    out["slack_days"] = out["left_days"] - needed.reindex(pairs).to_numpy(dtype=float)
    return out

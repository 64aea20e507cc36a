"""Where dossiers wait longest: edges, steps, agencies or officers ranked by working-time waits
(in-tray time where the log has start times, mining/log/transitions.py)."""

from __future__ import annotations

from typing import Literal

import ibis
import pandas as pd

from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.transitions import transitions, wait_notes

Level = Literal["edge", "activity", "agency", "resource"]
LEVELS = {"edge": ("activity", "next_activity"), "activity": ("next_activity",),
          "agency": ("agency",), "resource": ("resource",)}


def bottlenecks(view: LogView, *, level: Level = "edge") -> pd.DataFrame:
    """Waiting per ``level``, ranked by total and by median working-time wait.

    ``level`` is ``"edge"`` (``activity`` → ``next_activity``), ``"activity"`` (the step the
    dossier waited for, in column ``activity``), ``"agency"`` or ``"resource"`` (who held the
    dossier: the agency and officer of the event that ended the wait). The supplement pause
    (request → received) is the citizen's time, off the legal clock, and is left out. A wait
    is the in-tray time (previous end → this start) where the step has a start time, its
    processing apart; without one it runs to the step's end and includes its processing.

    Columns: the level's key(s), ``n_dossiers``, ``n_transitions``,
    ``total_wait_working_days`` (summed over dossiers), ``median_wait_working_days``,
    ``mean_wait_working_days``, ``share_of_total`` (of all waiting in the view),
    ``rank_total`` and ``rank_median`` (1 = worst), ``n_with_start_times`` (in-tray waits)
    and ``note`` (how many waits include processing, else empty); rows sorted by
    ``rank_total``.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {sorted(LEVELS)}, not {level!r}")
    keys = LEVELS[level]
    tr = transitions(view)
    tr = tr.filter(~tr.citizen_wait & tr.wait_working_minutes.notnull())
    days = tr.wait_working_minutes / view.minutes_per_day
    grouped = tr.group_by(list(keys)).aggregate(
        n_dossiers=tr.case_id.nunique(),
        n_transitions=tr.count(),
        total_wait_working_days=days.sum(),
        median_wait_working_days=days.median(),
        mean_wait_working_days=days.mean(),
        n_with_start_times=(~tr.wait_includes_processing).sum(),
    )
    ranked = grouped.mutate(
        share_of_total=grouped.total_wait_working_days
        / grouped.total_wait_working_days.sum().over(ibis.window()).nullif(0),
        rank_total=ibis.row_number().over(order_by=[
            ibis.desc(grouped.total_wait_working_days), *keys]) + 1,
        rank_median=ibis.row_number().over(order_by=[
            ibis.desc(grouped.median_wait_working_days), *keys]) + 1,
    )
    out = ranked.order_by("rank_total").to_pandas()
    out["n_with_start_times"] = out["n_with_start_times"].fillna(0).astype("int64")
    out["note"] = wait_notes(out["n_transitions"], out["n_with_start_times"])
    if level == "activity":
        out = out.rename(columns={"next_activity": "activity"})
    return out.reset_index(drop=True)


"""The week ahead of a warning list: the open dossiers due by the end of the week (Sunday), the
late ones expected among them and the apology letters (thư xin lỗi) they call for, by agency.
"""

from __future__ import annotations

import pandas as pd

HIGH_RISK = 0.5  # a risk from which an apology letter is expected (docs/early_warning.md)
SUNDAY = 6


def week_end(at: pd.Timestamp) -> pd.Timestamp:
    """The end of ``at``'s week: the midnight after its Sunday (local time of ``at``)."""
    return (at + pd.Timedelta(days=SUNDAY - at.weekday() + 1)).normalize()


def due_this_week(table: pd.DataFrame, at: pd.Timestamp) -> pd.DataFrame:
    """The rows of ``warn``'s table at ``at`` due from ``at`` to the end of its week (not yet
    due: an overdue dossier's letter should already have gone out), riskiest first, with
    ``apology`` (True when the risk is at least ``HIGH_RISK``)."""
    week = table.loc[(table["due"] >= at) & (table["due"] < week_end(at))]
    return week.assign(apology=week["risk"] >= HIGH_RISK).sort_values(
        ["risk", "due"], ascending=[False, True], ignore_index=True)


def week_by_agency(week: pd.DataFrame) -> pd.DataFrame:
    """Per agency of ``due_this_week``: ``due`` (dossiers), ``expected_late`` (the sum of their
    risks) and ``apologies`` (letters expected), most expected late first."""
    grouped = week.groupby("agency", dropna=False).agg(
        due=("risk", "size"), expected_late=("risk", "sum"), apologies=("apology", "sum"))
    return grouped.reset_index().sort_values(["expected_late", "agency"],
                                             ascending=[False, True], ignore_index=True)

"""Per procedure, its shares of each channel, of digitised dossiers and of those paid online:
at the window's end and where their trend takes them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dossierflow.simulation.discovery.settings import SHRINK
from dossierflow.simulation.model import CHANNELS

RECENT_DAYS = 91
TREND_DAYS = 182
MIN_TREND = 60            # dossiers an agency needs for a trend of its own


def _share_columns(cases: pd.DataFrame) -> pd.DataFrame:
    """Per dossier, 0/1 for each channel, for digitised and for paid online."""
    x = pd.get_dummies(cases["channel"]).reindex(columns=list(CHANNELS), fill_value=False)
    x["digitised"] = cases["digitised"].to_numpy()
    x["paid_online"] = cases["paid_online"].to_numpy()
    return x.astype(float)


def _present_shares(cases: pd.DataFrame, hi: pd.Timestamp) -> pd.DataFrame:
    """Per procedure, its shares of each channel, of digitised dossiers and of those paid
    online lately: those of its last ``RECENT_DAYS``, shrunk with ``SHRINK``
    dossiers of weight towards its share over the window moved by its agency's change
    between the window and its last ``RECENT_DAYS`` (the shares drift: online filing and
    digitisation grow year by year)."""
    x = _share_columns(cases)
    recent = (pd.to_datetime(cases["received_at"]) >= hi - pd.Timedelta(days=RECENT_DAYS))
    recent = recent.to_numpy()
    keys = {"procedure_id": cases["procedure_id"].to_numpy(),
            "agency": cases["agency"].to_numpy()}
    window = x.groupby(keys["procedure_id"]).mean()
    late = x[recent].groupby(keys["procedure_id"][recent]).agg(["mean", "size"])
    drift = (x[recent].groupby(keys["agency"][recent]).mean()
             - x.groupby(keys["agency"]).mean()).fillna(0.0)
    agency_of = cases.groupby("procedure_id")["agency"].last()
    prior = (window + drift.reindex(agency_of.reindex(window.index)).to_numpy()).clip(0, 1)
    out = prior.copy()
    for column in x.columns:
        mean = late[(column, "mean")].reindex(window.index).fillna(0.0)
        n = late[(column, "size")].reindex(window.index).fillna(0.0)
        out[column] = (n * mean + SHRINK * prior[column]) / (n + SHRINK)
    channels = out[list(CHANNELS)]
    out[list(CHANNELS)] = channels.div(channels.sum(axis=1).where(lambda v: v > 0, 1.0), axis=0)
    return out


def _projected_shares(cases: pd.DataFrame, recent: pd.DataFrame,
                      hi: pd.Timestamp) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per procedure, its shares at the window's end and ``TREND_DAYS`` later: its shares of
    the last ``RECENT_DAYS`` (``recent``, those of their middle day) moved by its agency's
    linear trend over the window's last ``TREND_DAYS`` (the centre's when the agency has fewer
    than ``MIN_TREND`` dossiers then; each slope shrunk towards 0 by its standard error),
    within 0–1."""
    received = pd.to_datetime(cases["received_at"])
    late = (received >= hi - pd.Timedelta(days=TREND_DAYS)).to_numpy()
    x = _share_columns(cases)[late]
    t = ((received[late] - hi).dt.total_seconds() / 86400.0).to_numpy()
    agency = cases["agency"].astype(str).to_numpy()[late]

    def slope(rows: np.ndarray) -> pd.Series:
        tt = t[rows] - t[rows].mean()
        ss = float((tt ** 2).sum())
        if rows.sum() < MIN_TREND or not ss:
            return pd.Series(0.0, index=x.columns)
        y = x.to_numpy()[rows] - x.to_numpy()[rows].mean(axis=0)
        b = tt @ y / ss
        # shrunk by its noise: b · b² / (b² + se²), so a trend the data barely show stays flat
        se2 = ((y - np.outer(tt, b)) ** 2).sum(axis=0) / max(len(tt) - 2, 1) / ss
        return pd.Series(b * b ** 2 / np.maximum(b ** 2 + se2, 1e-18), index=x.columns)

    centre = slope(np.ones(len(t), bool))
    per_agency = {a: slope(agency == a) if (agency == a).sum() >= MIN_TREND else centre
                  for a in np.unique(agency)}
    agency_of = cases.groupby("procedure_id")["agency"].last().astype(str)
    moves = pd.DataFrame([per_agency.get(agency_of[pid], centre) for pid in recent.index],
                         index=recent.index)
    out = []
    for days in (RECENT_DAYS / 2, RECENT_DAYS / 2 + TREND_DAYS):
        at = (recent + moves * days).clip(0, 1)
        channels = at[list(CHANNELS)]
        at[list(CHANNELS)] = channels.div(channels.sum(axis=1).where(lambda v: v > 0, 1.0),
                                          axis=0)
        out.append(at)
    return out[0], out[1]

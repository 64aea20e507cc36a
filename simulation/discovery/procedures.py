"""The procedures of a model: arrivals, channels and other shares (moving on at their trend),
legal time, fee, handling model and the process each is handled in."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from dossierflow.mining.vocabulary import FIVE_ON_SPOT, TRANSFER
from dossierflow.simulation.discovery.profiles import _profiles
from dossierflow.simulation.discovery.settings import MIN_ROUTE
from dossierflow.simulation.discovery.shares import (
    RECENT_DAYS,
    TREND_DAYS,
    _present_shares,
    _projected_shares,
)
from dossierflow.simulation.model import CHANNELS, ONLINE_CHANNELS, ArrivalProfile, Procedure, ident

CHANNEL_GAP = 0.1         # how far channels' digitised shares differ to be kept apart


def _procedures(cases: pd.DataFrame, calendar, lo, hi, scales: dict, notes) -> list[Procedure]:
    prof = _profiles(cases, calendar, lo, hi)
    # the arrival rate of a working day of weight 1 (weights average 1 over working days)
    n_days = prof["working_days"]
    if cases["legal_days"].isna().all():
        lead = cases["lead_days"].dropna()
        legal = math.ceil(float(lead.quantile(0.95)) * 2) / 2 if len(lead) else 1.0
        notes.append(f"no legal time in the log: the deadline is set at the 95th percentile "
                     f"of lead times, {legal:g} working days")
        cases = cases.assign(legal_days=legal)
    # the rate of working days; online arrivals on days off follow online_off_day_factor
    arrival = pd.to_datetime(cases["arrival"])
    cases = cases.assign(on_working_day=calendar.is_working_day(arrival.dt.date.to_numpy()))
    present, ahead = _projected_shares(cases, _present_shares(cases, hi), hi)
    out, taken = [], set()
    for pid, c in cases.sort_values("received_at").groupby("procedure_id", sort=True):
        shares = present.loc[pid]
        channels = {ch: round(float(shares[ch]), 6) for ch in CHANNELS if shares[ch] > 0}
        top = max(channels, key=channels.get)
        channels[top] = round(1.0 - sum(v for k, v in channels.items() if k != top), 6)
        legal = c["legal_days"].dropna()
        legal_days = float(legal.iloc[-1]) if len(legal) else float(cases["legal_days"].max())
        legal_days = math.floor(max(legal_days, 0.0) * 2 + 1e-9) / 2
        fee = float(c["fee"].median())
        paid = float(shares["paid_online"]) if fee > 0 else 0.0
        # counter and postal dossiers of days off (a weekend counter, another country's
        # calendar) come on working days: the engine has them only then
        counted = c["on_working_day"] | ~c["channel"].isin(ONLINE_CHANNELS)
        arrivals = ArrivalProfile(
            per_working_day=round(int(counted.sum()) / n_days / prof["norm"], 6),
            weekday_weights=prof["weekday"],
            month_weights=prof["month"], tet_surge=1.0, tet_surge_days=0, tet_lull=1.0,
            tet_lull_days_after=0, online_off_day_factor=prof["off_factor"],
            online_hour_weights=prof["hours"])
        pid = str(pid)
        own_id = ident(pid)
        while own_id in taken:
            own_id += "_"
        taken.add(own_id)
        out.append(Procedure(
            id=own_id, log_id=None if own_id == pid else pid,
            name=str(c["name"].iloc[-1]) if "name" in c else "",
            agency=str(c["agency"].iloc[-1]), legal_days=legal_days,
            model=FIVE_ON_SPOT if c["model"].iloc[-1] == FIVE_ON_SPOT else TRANSFER,
            process=str(c["group"].iloc[-1]), arrivals=arrivals, channels=channels,
            p_digitised=round(float(shares["digitised"]), 6), p_paid_online=round(paid, 6),
            fee=fee, duration_scales=scales.get((str(c["group"].iloc[-1]), pid)),
            digitised_by_channel=_digitised_by_channel(c, hi),
            **_over_time(channels, shares, ahead.loc[pid], hi, fee > 0)))
    return out


def _digitised_by_channel(c: pd.DataFrame, hi: pd.Timestamp) -> dict[str, float] | None:
    """A procedure's share of digitised dossiers per channel (of its last ``RECENT_DAYS``, or
    of the window when those have fewer than ``MIN_ROUTE``), where the channels differ by
    ``CHANNEL_GAP`` or more (online dossiers are electronic from the start); None where
    they do not."""
    recent = c.loc[pd.to_datetime(c["received_at"]) >= hi - pd.Timedelta(days=RECENT_DAYS)]
    part = recent if len(recent) >= MIN_ROUTE else c
    stats = part.groupby("channel")["digitised"].agg(["mean", "size"])
    stats = stats.loc[stats["size"] >= 10]
    if len(stats) < 2 or stats["mean"].max() - stats["mean"].min() < CHANNEL_GAP:
        return None
    return {str(ch): round(float(v), 6) for ch, v in stats["mean"].items() if ch in CHANNELS}


def _over_time(channels: dict, now: pd.Series, then: pd.Series, hi: pd.Timestamp,
               fee: bool) -> dict[str, Any]:
    """Dated shares from the window's end to ``TREND_DAYS`` later, where they move."""
    start = pd.Timestamp(hi).strftime("%Y-%m-%d")
    stop = (pd.Timestamp(hi) + pd.Timedelta(days=TREND_DAYS)).strftime("%Y-%m-%d")
    out: dict[str, Any] = {}
    later = {ch: round(float(then[ch]), 6) for ch in CHANNELS if then[ch] > 0}
    if later and max(abs(later.get(ch, 0.0) - channels.get(ch, 0.0)) for ch in CHANNELS) >= 0.01:
        top = max(later, key=later.get)
        later[top] = round(1.0 - sum(v for k, v in later.items() if k != top), 6)
        out["channels_over_time"] = {start: channels, stop: later}
    for column, name in (("digitised", "p_digitised_over_time"),
                         ("paid_online", "p_paid_online_over_time")):
        if (column == "digitised" or fee) and abs(then[column] - now[column]) >= 0.01:
            out[name] = {start: round(float(now[column]), 6),
                         stop: round(float(then[column]), 6)}
    return out

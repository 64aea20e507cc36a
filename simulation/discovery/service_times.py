"""The times of the steps: each event's step time (``sojourn``), the officer's service in it
(measured from start times, else estimated from resource availability), the quantiles they
are drawn from, and how procedures scale them (per legal day where they grow with it).

A duration keeps ``QUANTILES`` quantiles and is drawn by linear interpolation between them,
so the slowest ``1/(QUANTILES-1)`` of the draws spread evenly from the one-but-last quantile
to the last. The last is not the sample's maximum (one dossier, often an outlier, which would
double the learnt tail and lengthen the mean) but the value that gives that top slice the
mean of the values seen in it (``quantiles_of``), never beyond the maximum: the whole
distribution then keeps the log's mean."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dossierflow.simulation.discovery.settings import SHRINK
from dossierflow.simulation.model import Duration

GENERATED = ("submit_online", "apology_reschedule")   # events the engine makes by itself
OUTLIER = 5.0             # an estimated service over this many medians is taken as the median
QUANTILES = 41
LEGAL_SUPPORT = 5         # dossiers a procedure needs to count in a step's legal-time trend
LEGAL_RHO = 0.5           # the rank correlation with legal time a step's times need


def _timed_events(events: pd.DataFrame, cases: pd.DataFrame, calendar, notes) -> pd.DataFrame:
    """The events that become steps, with their times on the clock: ``sojourn`` (from the
    dossier's previous event or its arrival), ``service`` and ``wall`` (wall-clock minutes)."""
    ev = events.sort_values(["case_id", "timestamp"], kind="stable")
    ev = ev.loc[~ev["activity"].isin(GENERATED)].reset_index(drop=True)
    ev["activity"] = ev["activity"].astype(str)
    same = ev["case_id"].eq(ev["case_id"].shift())
    ts = ev["timestamp"].dt.tz_convert("UTC")
    arrival = cases.set_index("case_id")["arrival"].dt.tz_convert("UTC")
    first_ready = pd.Series(arrival.reindex(ev["case_id"]).array, index=ev.index)
    prev_ts = ts.shift().where(same).fillna(first_ready)
    clock = ev["clock"].to_numpy(dtype=float)
    prev_clock = calendar.to_clock(prev_ts)
    ev["prev_activity"] = ev["activity"].shift().where(same)
    ev["sojourn"] = np.maximum(clock - prev_clock, 0.0)
    ev["wall"] = np.maximum((ts - prev_ts).dt.total_seconds().to_numpy() / 60.0, 0.0)
    ev["end_clock"] = clock
    ev["ready_clock"] = prev_clock
    ev["ready_ts"] = prev_ts.dt.tz_convert(calendar.timezone)
    has_resource = "resource" in ev and ev["resource"].notna().any()
    if "start_clock" in ev and ev["start_clock"].notna().any():
        start = np.clip(ev["start_clock"].to_numpy(dtype=float), prev_clock, clock)
        start = np.where(np.isnan(start), clock, start)
        notes.append("service times measured from the log's start times")
    elif has_resource:
        by_resource = ev.sort_values(["resource", "timestamp"], kind="stable")
        before = by_resource["clock"].shift().where(
            by_resource["resource"].eq(by_resource["resource"].shift()))
        before = before.reindex(ev.index).to_numpy(dtype=float)
        start = np.where(np.isnan(before), prev_clock, np.maximum(prev_clock, before))
        start = np.minimum(start, clock)
        # an officer idle before the event would make it look long: an estimate over
        # OUTLIER times its activity's median is taken as that median
        estimate = pd.Series(clock - start, index=ev.index)
        typical = estimate.groupby(ev["activity"]).transform("median").to_numpy()
        start = np.where(estimate.to_numpy() > OUTLIER * typical, clock - typical, start)
        notes.append("no start times: service estimated from resource availability (it began "
                     "when both the dossier's previous step and the officer's previous event "
                     f"were done; an estimate over {OUTLIER:g} times its activity's median is "
                     "taken as the median)")
    else:
        start = clock
        notes.append("no resources: every step is a delay without officers (staffing "
                     "scenarios have no effect)")
    service = clock - start
    if has_resource:
        service = np.where(ev["resource"].isna().to_numpy(), 0.0, service)
    ev["service"] = service
    return ev


def quantiles_of(values, n: int = QUANTILES) -> np.ndarray:
    """The ``n`` values at equally spaced probabilities from 0 to 1 an ``empirical`` duration
    keeps of a sample: its quantiles, save the last, which is set so that the top slice
    (drawn evenly between the two last values) has the mean of the values above the
    one-but-last: ``2 * mean - q[-2]``, within [``q[-2]``, the maximum]."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if not len(v):
        return np.zeros(n)
    q = np.quantile(v, np.linspace(0.0, 1.0, n))
    top = v[v > q[-2]]
    if len(top):
        q[-1] = min(q[-1], max(q[-2], 2.0 * float(top.mean()) - q[-2]))
    return q


def _empirical(values: np.ndarray, basis: str = "working") -> Duration:
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    if not len(values):
        return Duration(kind="fixed", mean=0.0, basis=basis)
    q = quantiles_of(np.maximum(values, 0.0))
    q = np.maximum.accumulate(np.round(q, 4))
    if q[-1] <= 0:
        return Duration(kind="fixed", mean=0.0, basis=basis)
    return Duration(kind="empirical", quantiles=[float(v) for v in q], basis=basis)


def _wait_quantiles(sojourn: np.ndarray, service: np.ndarray) -> list[float]:
    """Quantiles of the in-tray wait: those of the step time less those of the service (wait
    and service are drawn apart, so their difference per event, which couples a long service
    with a short wait, would spread the step time too wide)."""
    q = quantiles_of(sojourn) - quantiles_of(service)
    return [float(v) for v in np.maximum.accumulate(np.round(np.maximum(q, 0.0), 4))]


def _grows_with_legal_time(a: pd.DataFrame, times: np.ndarray, legal_of: pd.Series) -> bool:
    """Whether a step's ``times`` grow with the procedures' legal times (the appraisal does,
    a transfer does not): at least three procedures with ``LEGAL_SUPPORT`` dossiers each, of
    different legal times, whose mean times rank with them (Spearman ρ ≥ ``LEGAL_RHO``)."""
    stats = pd.Series(times, index=a.index).groupby(a["procedure_id"]).agg(["mean", "size"])
    stats = stats.loc[stats["size"] >= LEGAL_SUPPORT]
    legal = legal_of.reindex(stats.index)
    if len(stats) < 3 or legal.nunique() < 3:
        return False
    rho = stats["mean"].rank().corr(legal.rank())
    return bool(rho >= LEGAL_RHO)


def _legal_units(a: pd.DataFrame, times: np.ndarray, legal_of: pd.Series) -> pd.Series:
    """Per procedure, the legal days its ``times`` grow with: its legal time less the reserve
    where the line of the procedures' mean times (``LEGAL_SUPPORT`` dossiers or more, weighted
    by their number) on legal time reaches zero (the steps around keep that much of every
    legal time), at least half its legal time."""
    stats = pd.Series(times, index=a.index).groupby(a["procedure_id"]).agg(["mean", "size"])
    stats = stats.loc[stats["size"] >= LEGAL_SUPPORT]
    legal = legal_of.reindex(stats.index).to_numpy(dtype=float)
    reserve = 0.0
    if len(np.unique(legal)) >= 2:
        slope, intercept = np.polyfit(legal, stats["mean"].to_numpy(dtype=float), 1,
                                      w=np.sqrt(stats["size"].to_numpy(dtype=float)))
        if slope > 0:
            reserve = float(np.clip(-intercept / slope, 0.0, legal.max()))
    return (legal_of - reserve).clip(lower=legal_of / 2)


def _own_scales(a: pd.DataFrame, times: np.ndarray, units: pd.Series) -> pd.Series:
    """Per procedure, the scale of a step kept in legal days' ``units``: its units, times the
    ratio of its own mean time to the one its units give, shrunk towards 1 with ``SHRINK``
    dossiers of weight (a procedure with many dossiers keeps its own time; one with few
    follows its legal time)."""
    per_unit = float(np.mean(times / a["procedure_id"].map(units).to_numpy(dtype=float)))
    if per_unit <= 0:
        return units
    stats = pd.Series(times, index=a.index).groupby(a["procedure_id"]).agg(["mean", "size"])
    ratio = _shrunk(stats["mean"] / (units.reindex(stats.index) * per_unit), stats["size"])
    return units * ratio.reindex(units.index).fillna(1.0)


def _shrunk(ratio, size):
    """A procedure's ratio of its own mean time to its group's, shrunk towards 1 with
    ``SHRINK`` dossiers of weight."""
    return (size * ratio + SHRINK) / (size + SHRINK)


def _scales(ev: pd.DataFrame, scaled_steps: list[tuple[str, str, str]]) -> dict:
    """Per procedure, its in-tray waits and services relative to its group's, shrunk
    towards 1."""
    out: dict[str, dict[str, float]] = {}
    if ev["procedure_id"].nunique() < 2:
        return out
    for activity, step_id, part in scaled_steps:
        a = ev.loc[ev["activity"] == activity]
        times = a["service"] if part == "service" else a["sojourn"] - a["service"]
        overall = float(times.mean())
        if overall <= 0:
            continue
        stats = times.groupby(a["procedure_id"]).agg(["mean", "size"])
        for pid, row in stats.iterrows():
            ratio = _shrunk(row["mean"] / overall, row["size"])
            if abs(ratio - 1) > 0.01:
                out.setdefault(str(pid), {})[step_id] = round(float(ratio), 4)
    return out

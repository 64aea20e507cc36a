"""The pool table of a run: busy time, utilisation and queues of every resource pool over the
horizon."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dossierflow.simulation.engine.arrivals import Arrivals
from dossierflow.simulation.engine.compile import CompiledModel
from dossierflow.simulation.engine.event_loop import RunRecord
from dossierflow.simulation.engine.routing import Paths


def pool_table(comp: CompiledModel, arr: Arrivals, paths: Paths, record: RunRecord,
               logged: np.ndarray, start_clock: float, end_clock: float) -> pd.DataFrame:
    """Per pool its busy working minutes and utilisation from ``start_clock`` to
    ``end_clock``, the mean number of dossiers waiting for it and their mean wait;
    ``logged``: the logged route entries that ended."""
    model = comp.model
    n_pools = len(model.pools)
    span = max(end_clock - start_clock, 1e-9)
    start = np.frombuffer(record.entry_start, dtype=np.float64)
    end = np.frombuffer(record.entry_end, dtype=np.float64)
    server = np.frombuffer(record.entry_server, dtype=np.int64)
    held = logged & (server >= 0)
    busy = np.zeros(n_pools)
    if held.any():
        lo = np.clip(start[held], start_clock, end_clock)
        hi = np.clip(end[held], start_clock, end_clock)
        pool_of = np.array(comp.place_pool, dtype=np.int64)[server[held]]
        busy = np.bincount(pool_of, weights=hi - lo, minlength=n_pools)
        # queueing: from the end of the dossier's previous route entry (or its arrival)
        at = np.flatnonzero(held)
        before = np.maximum(at - 1, 0)
        first_entry = (at == 0) | (paths.case[before] != paths.case[at])
        ready = np.where(first_entry, arr.clock[paths.case[at]], end[before])
        q_lo = np.clip(ready, start_clock, end_clock)
        q_hi = np.clip(start[held], start_clock, end_clock)
        queued = np.bincount(pool_of, weights=np.maximum(q_hi - q_lo, 0.0), minlength=n_pools)
        served = np.bincount(pool_of, minlength=n_pools)
    else:
        queued = np.zeros(n_pools)
        served = np.zeros(n_pools)
    capacity, places, available = _staffing(comp, start_clock, end_clock)
    return pd.DataFrame({
        "pool_id": [p.id for p in model.pools], "agency": [p.agency for p in model.pools],
        "role": [p.role for p in model.pools], "capacity": capacity.astype(np.int64),
        "places": places.astype(np.int64),
        "busy_minutes": busy, "utilisation": busy / np.maximum(available, 1e-9),
        "mean_queue_length": queued / span,
        "mean_queue_minutes": queued / np.maximum(served, 1),
    })


def _staffing(comp: CompiledModel, start_clock: float, end_clock: float
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per pool its officers and places at the end of the horizon, and the place-minutes
    available over it, following the staffing changes."""
    model = comp.model
    capacity = np.array([p.capacity for p in model.pools], dtype=float)
    places = capacity * np.array(comp.concurrency, dtype=float)
    available = places * max(end_clock - start_clock, 1e-9)
    if comp.staffing_changes:
        available = np.zeros(len(model.pools))
        current = places.copy()
        at = np.full(len(model.pools), start_clock)
        for when, p, new in comp.staffing_changes:
            w = min(max(when, start_clock), end_clock)
            available[p] += current[p] * (w - at[p])
            at[p], current[p] = w, new
        available += current * (end_clock - at)
        places = current  # at the end of the horizon
        capacity = current / np.array(comp.concurrency, dtype=float)
    return capacity, places, available

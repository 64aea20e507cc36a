"""One run of the engine: :func:`simulate`."""

from __future__ import annotations

import time as timer
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from dossierflow.mining.errors import DossierflowError
from dossierflow.simulation.engine.arrivals import Arrivals, generate_arrivals
from dossierflow.simulation.engine.clock import Clock, local_ns, model_calendar
from dossierflow.simulation.engine.codes import NS_DAY
from dossierflow.simulation.engine.compile import CompiledModel
from dossierflow.simulation.engine.errors import SimulationError
from dossierflow.simulation.engine.event_loop import run_event_loop
from dossierflow.simulation.engine.outputs import event_and_case_tables, logged_entries
from dossierflow.simulation.engine.pools import pool_table
from dossierflow.simulation.engine.result import SimulationResult
from dossierflow.simulation.engine.routing import draw_paths
from dossierflow.simulation.model import Model


def simulate(model: Model, *, start: Any, end: Any, seed: int,
             progress: Callable[[float], None] | None = None, drain: bool = True,
             max_cases: int | None = None) -> SimulationResult:
    """Simulate the dossiers of ``model`` arriving from ``start`` (inclusive) to ``end``
    (exclusive), local time unless the timestamps carry a zone.

    ``drain``: keep simulating after ``end`` until every dossier is finished (default); with
    False, stop at ``end`` and report unfinished dossiers with outcome ``open``.
    ``max_cases``: keep only the first ``max_cases`` arrivals (runs of a fixed size).
    The model's ``warmup_days`` before ``start`` are simulated too and left out of the
    results (the pools' figures are of the horizon alone).
    ``progress``: called now and then with the fraction done (0–1).
    The same model, horizon and seed give an identical log; another seed another one.
    """
    began = timer.perf_counter()
    start_ts, end_ts, start_ns, end_ns = _checked_arguments(model, start, end, seed, max_cases)
    # the warm-up: dossiers arriving before the horizon fill the centre, then are left out
    from_ns = start_ns - int(round(model.warmup_days * NS_DAY))
    last_year = pd.Timestamp(end_ns).year + 2
    clock = _clock(model, pd.Timestamp(from_ns).year, last_year)
    if progress:
        progress(0.0)
    comp = CompiledModel(model, clock, seed)
    arr = generate_arrivals(model, clock, from_ns, end_ns, seed)
    if max_cases is not None:
        arr = arr.first(max_cases)
    process_of = np.array([comp.process_index[p.process] for p in model.procedures],
                          dtype=np.int64)[arr.procedure]
    paths = draw_paths(comp, arr, process_of)
    t_gen = timer.perf_counter()
    if progress:
        progress(0.1)
    end_clock = float(clock.to_clock(np.array([end_ns]))[0])
    t_stop = end_clock if not drain else clock.total
    record = run_event_loop(comp, clock, arr, paths, process_of, t_stop, progress)
    t_loop = timer.perf_counter()
    if drain and record.unfinished_cases:
        raise SimulationError(
            f"{record.unfinished_cases} dossiers were still in progress at the end of "
            f"{last_year}, two years after the horizon: a resource pool is probably overloaded "
            "(more work arrives than its capacity can do).",
            fix="raise the capacity of the busiest pools or lower the arrivals; pass "
                "drain=False to stop at the horizon and see the queues.")
    logged = logged_entries(comp, paths, record)
    events, cases = event_and_case_tables(comp, clock, arr, paths, process_of, record, logged,
                                          None if drain else end_clock)
    start_clock = float(clock.to_clock(np.array([start_ns]))[0])
    pools = pool_table(comp, arr, paths, record, logged, start_clock, end_clock)
    if from_ns < start_ns:
        events, cases = _without_warmup(events, cases, arr, start_ns)
    done = timer.perf_counter()
    if progress:
        progress(1.0)
    stats = {"cases": float(len(cases)), "events": float(len(events)),
             "seconds": done - began, "seconds_setup": t_gen - began,
             "seconds_loop": t_loop - t_gen, "seconds_output": done - t_loop,
             "events_per_second": len(events) / max(done - began, 1e-9)}
    return SimulationResult(events=events, cases=cases, pools=pools, stats=stats, model=model,
                            seed=seed, start=start_ts, end=end_ts)


def _checked_arguments(model: Model, start: Any, end: Any, seed: int, max_cases: int | None
                       ) -> tuple[pd.Timestamp, pd.Timestamp, int, int]:
    """The horizon as timestamps and local ns, once the model, seed, case limit and horizon
    are checked."""
    model.validate()
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise SimulationError(f"seed {seed!r} is not a whole number >= 0.",
                              fix="pass seed=0, 1, 2, … (the same seed gives the same log).")
    if max_cases is not None and max_cases < 0:
        raise SimulationError(f"max_cases {max_cases} is negative.",
                              fix="pass a number of dossiers >= 0, or None for all.")
    try:
        start_ts, end_ts = pd.Timestamp(start), pd.Timestamp(end)
    except (TypeError, ValueError) as exc:
        raise SimulationError(f"the horizon {start!r} – {end!r} is not a pair of timestamps "
                              f"({exc}).", fix="pass ISO dates such as start='2024-01-01', "
                                               "end='2025-01-01'.") from None
    if start_ts is pd.NaT or end_ts is pd.NaT:
        raise SimulationError("the horizon has a missing timestamp.",
                              fix="pass both start and end.")
    tz = model.calendar.timezone
    start_ns, end_ns = local_ns(start_ts, tz), local_ns(end_ts, tz)
    if end_ns <= start_ns:
        raise SimulationError(f"the horizon ends ({end_ts}) before it starts ({start_ts}).",
                              fix="give end later than start.")
    return start_ts, end_ts, start_ns, end_ns


def _clock(model: Model, first_year: int, last_year: int) -> Clock:
    """The clock of the model's calendar over whole years ``first_year``–``last_year``."""
    try:
        calendar = model_calendar(model, first_year, last_year)
    except DossierflowError as exc:
        raise SimulationError(f"the model's calendar cannot be built: {exc.what}",
                              fix=exc.fix) from None
    return Clock(calendar)


def _without_warmup(events: pd.DataFrame, cases: pd.DataFrame, arr: Arrivals, start_ns: int
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The events and cases of the dossiers submitted from ``start_ns`` on."""
    kept = arr.wall >= start_ns
    cases = cases.loc[kept].reset_index(drop=True)
    events = events.loc[kept[events["case_id"].cat.codes.to_numpy()]].reset_index(drop=True)
    events["case_id"] = events["case_id"].cat.remove_unused_categories()
    return events, cases

"""What :func:`simulate` returns."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dossierflow.simulation.model import Model


@dataclass
class SimulationResult:
    """What :func:`simulate` returns.

    ``events``: one row per event in dossierflow's canonical columns (case_id, activity,
    timestamp, start_timestamp, resource, role, agency), sorted by case and time.
    ``cases``: one row per dossier (case_id, procedure_id, agency, channel, model,
    received_at, due_at, finished_at, returned_at, legal_days, outcome, digitised, paid_online,
    fee, n_supplement_requests, plus submitted_at, paused_minutes, apology_at, new_due_at).
    ``pools``: per resource pool its busy working minutes and utilisation over the horizon
    (busy place-minutes over the place-minutes staffed; ``capacity`` and ``places`` as at the
    end of the horizon), the mean number of dossiers waiting for it and their mean wait in
    working minutes.
    ``stats``: counts and timings of the run.
    """

    events: pd.DataFrame
    cases: pd.DataFrame
    pools: pd.DataFrame
    stats: dict[str, float]
    model: Model
    seed: int
    start: pd.Timestamp
    end: pd.Timestamp

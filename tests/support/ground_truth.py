"""The ground-truth centre: one agency whose reforms are known because the tests make them
(five procedures on the transfer model, two on 5 tại chỗ, built from the synthetic centre's
processes). Some procedures can be truly cut by CUT_DAYS or truly moved to 5 tại chỗ."""

from __future__ import annotations

import dataclasses

import pandas as pd

from dossierflow.simulation.model import (
    ArrivalProfile,
    BatchSchedule,
    Deadlines,
    Model,
    Procedure,
    ResourcePool,
)
from dossierflow.simulation.sample.centre_model import (
    HANDLER_FILES,
    PAPER_RELEASES,
    ROLES,
    SAME_DAY_CUTOFF,
    duration_scales,
    on_spot_process,
    pool_name,
    transfer_process,
)

AGENCY = "SXD"
# id, legal days, site inspection, consultation, dossiers per working day (S…: 5 tại chỗ)
PROCEDURES = [("P01", 15, False, False, 6.0), ("P02", 10, False, True, 5.0),
              ("P03", 7, False, False, 8.0), ("P04", 20, True, False, 3.0),
              ("P05", 5, False, False, 6.0), ("S01", 0.5, None, None, 6.0),
              ("S02", 1, None, None, 4.0)]
STAFF = {"counter": 4, "clerk": 2, "handler": 30, "division": 3, "leader": 2, "on_spot": 4}
CUT, CUT_DAYS = ["P01", "P03"], 3.0
MOVED, MOVED_DAYS = ["P02", "P05"], 0.5


def centre(cut: list[str] = (), moved: list[str] = ()) -> Model:
    """The true centre; ``cut`` procedures lose CUT_DAYS, ``moved`` ones run on 5 tại chỗ."""
    processes, procedures = {}, []
    for pid, legal, site, consult, rate in PROCEDURES:
        if pid.startswith("S") or pid in moved:
            key = ("five_on_spot",)
            processes.setdefault(key, on_spot_process(AGENCY, fee=False))
            legal_days, scales, model = (MOVED_DAYS if pid in moved else legal), None, \
                "five_on_spot"
        else:
            legal_days = legal - CUT_DAYS if pid in cut else legal
            scales, express = duration_scales(legal_days, site, consult)
            key = ("transfer", site, consult, express)
            processes.setdefault(key, transfer_process(AGENCY, site=site, consult=consult,
                                                       fee=False, express=express))
            model = "transfer"
        procedures.append(Procedure(
            id=pid, agency=AGENCY, legal_days=legal_days, model=model,
            process=processes[key].id, duration_scales=scales, p_digitised=0.5,
            arrivals=ArrivalProfile(per_working_day=rate, tet_surge=1.0, tet_lull=1.0),
            channels={"in_person": 0.5, "online_partial": 0.4, "online_full": 0.1}))
    pools = [ResourcePool(id=pool_name(AGENCY, kind), agency=AGENCY, role=ROLES[kind][0],
                          capacity=n, concurrency=HANDLER_FILES if kind == "handler" else 1)
             for kind, n in STAFF.items()]
    # a running centre: the horizon starts with the dossiers in progress it has
    return Model(name="ground truth", procedures=procedures, warmup_days=60,
                 processes=list(processes.values()), pools=pools,
                 batches=[BatchSchedule(id="paper_courier", release_times=list(PAPER_RELEASES),
                                        paper_only=True)],
                 deadlines=Deadlines(apology=True, apology_lead_days=0.5,
                                     same_day_cutoff=SAME_DAY_CUTOFF)).validate()


# the reformed centre of the backtests: a cut and a move to 5 tại chỗ, the log's period
REFORM_DAY = {"P01": "2023-07-03", "P05": "2023-07-06"}  # one decision, in force over days
START, END = "2022-07-01", "2024-01-01"


def reformed_centre():
    """The ground-truth centre in which P01 is cut from 15 to 12 days and P05 moves to 5 tại
    chỗ (legal time 0.5 day) on their REFORM_DAY: each one procedure in two dated versions."""
    before, after = centre(), centre(cut=["P01"], moved=["P05"])
    procedures = []
    for old, new in zip(before.procedures, after.procedures):
        if old.id not in REFORM_DAY:
            procedures.append(old)
            continue
        day = pd.Timestamp(REFORM_DAY[old.id])
        last = (day - pd.Timedelta(days=1)).strftime("%Y-%m-%d")
        procedures += [dataclasses.replace(old, id=f"{old.id}-v1", log_id=old.id,
                                           active_until=last),
                       dataclasses.replace(new, id=f"{old.id}-v2", log_id=old.id,
                                           active_from=REFORM_DAY[old.id])]
    processes = {p.id: p for p in before.processes + after.processes}
    return dataclasses.replace(before, procedures=procedures,
                               processes=list(processes.values())).validate()

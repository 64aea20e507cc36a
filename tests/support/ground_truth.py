"""The ground-truth centre: one agency whose reforms are known because the tests make them
(five procedures on the transfer model, two on 5 tại chỗ, built from the synthetic centre's
processes). Some procedures can be truly cut by CUT_DAYS or truly moved to 5 tại chỗ."""

from __future__ import annotations

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

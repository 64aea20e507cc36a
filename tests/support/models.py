"""A small simulation model exercising every feature of the engine, for the tests of the
engine and of what runs on it."""

from __future__ import annotations

from dossierflow.simulation.model import (
    ArrivalProfile,
    BatchSchedule,
    Duration,
    Model,
    Procedure,
    Process,
    ResourcePool,
    Step,
    Transition,
)


def centre(**overrides) -> Model:
    """A small centre exercising every feature: channels, weekend counter, online intake,
    digitisation, batches, supplement loop with a citizen wait, refusals, withdrawals,
    5 tại chỗ, fees and apologies."""
    counter = ResourcePool(id="counter", agency="TTPV", role="counter_officer", capacity=4,
                           out_of_hours=["in_person"])
    pools = [counter,
             ResourcePool(id="clerk", agency="TTPV", role="clerk", capacity=2),
             ResourcePool(id="handler", agency="SYT", role="handler", capacity=3,
                          names=["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu"]),
             ResourcePool(id="leader", agency="SYT", role="dept_leader", capacity=1),
             ResourcePool(id="spot", agency="SYT", role="handler", capacity=1)]
    transfer = Process(id="transfer", steps=[
        Step(id="receive", duration=Duration(kind="lognormal", mean=12, sd=6), pool="counter"),
        Step(id="reject_intake", duration=Duration(kind="fixed", mean=5), pool="counter"),
        Step(id="digitise", duration=Duration(kind="gamma", mean=6, sd=3), pool="counter"),
        Step(id="transfer_to_agency", duration=Duration(kind="uniform", low=20, high=40),
             pool="clerk", batch="courier"),
        Step(id="appraise", duration=Duration(kind="exponential", mean=60), pool="handler"),
        Step(id="request_supplement", duration=Duration(kind="fixed", mean=10),
             pool="handler", max_visits=1),
        Step(id="supplement_received", duration=Duration(kind="exponential", mean=2 * 1440,
                                                         basis="calendar")),
        Step(id="withdraw", duration=Duration(kind="fixed", mean=0)),
        Step(id="consult_agency", duration=Duration(kind="lognormal", mean=900, sd=900)),
        Step(id="approve_sign", duration=Duration(kind="lognormal", mean=10, sd=5),
             pool="leader"),
        Step(id="return_to_centre", duration=Duration(kind="uniform", low=20, high=40),
             pool="clerk", batch="courier"),
        Step(id="collect_fee", duration=Duration(kind="fixed", mean=3), pool="counter"),
        Step(id="deliver_result", duration=Duration(kind="lognormal", mean=5, sd=2),
             pool="counter"),
    ], transitions=[
        Transition(source="start", target="receive"),
        Transition(source="receive", target="reject_intake", probability=0.03),
        Transition(source="receive", target="digitise", probability=0.97, digitised=True),
        Transition(source="receive", target="transfer_to_agency", probability=0.97,
                   digitised=False),
        Transition(source="reject_intake", target="end"),
        Transition(source="digitise", target="transfer_to_agency"),
        Transition(source="transfer_to_agency", target="appraise"),
        Transition(source="appraise", target="request_supplement", probability=0.2),
        Transition(source="appraise", target="consult_agency", probability=0.1),
        Transition(source="appraise", target="approve_sign", probability=0.7),
        Transition(source="request_supplement", target="supplement_received", probability=0.9),
        Transition(source="request_supplement", target="withdraw", probability=0.1),
        Transition(source="supplement_received", target="appraise"),
        Transition(source="consult_agency", target="approve_sign"),
        Transition(source="withdraw", target="end"),
        Transition(source="approve_sign", target="return_to_centre"),
        Transition(source="return_to_centre", target="collect_fee", paid_online=False,
                   channels=["in_person", "online_partial", "public_postal"]),
        Transition(source="return_to_centre", target="deliver_result", paid_online=True,
                   channels=["in_person", "online_partial", "public_postal"]),
        Transition(source="return_to_centre", target="end", channels=["online_full"]),
        Transition(source="collect_fee", target="deliver_result"),
        Transition(source="deliver_result", target="end"),
    ])
    spot = Process(id="spot", steps=[
        Step(id="receive", duration=Duration(kind="lognormal", mean=10, sd=4), pool="counter"),
        Step(id="appraise", duration=Duration(kind="exponential", mean=20), pool="spot"),
        Step(id="approve_sign", duration=Duration(kind="fixed", mean=5), pool="spot"),
        Step(id="deliver_result", duration=Duration(kind="fixed", mean=3), pool="counter"),
    ], transitions=[
        Transition(source="start", target="receive"),
        Transition(source="receive", target="appraise"),
        Transition(source="appraise", target="approve_sign"),
        Transition(source="approve_sign", target="deliver_result"),
        Transition(source="deliver_result", target="end"),
    ])
    fields = dict(
        name="centre", pools=pools, processes=[transfer, spot],
        batches=[BatchSchedule(id="courier", release_times=["09:00", "15:00"], paper_only=True)],
        procedures=[
            Procedure(id="SYT-01", name="Cấp chứng chỉ hành nghề", agency="SYT", legal_days=5,
                      process="transfer",
                      arrivals=ArrivalProfile(per_working_day=18,
                                              weekday_weights=[1.2, 1, 1, 1, 0.9, 0.5, 0.2]),
                      channels={"in_person": 0.5, "online_partial": 0.3, "online_full": 0.1,
                                "public_postal": 0.1},
                      p_digitised=0.6, p_paid_online=0.5, fee=200_000),
            Procedure(id="SYT-02", agency="SYT", legal_days=0, model="five_on_spot",
                      process="spot", arrivals=ArrivalProfile(per_working_day=6),
                      channels={"in_person": 1.0}),
        ],
        agency_codes={"SYT": "000.00.21.H03"})
    fields.update(overrides)
    return Model(**fields)

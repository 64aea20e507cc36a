"""Discovering a simulation model from a log (dossierflow.simulation.discovery.discover_model).

The main check is a round trip: the engine writes the log of a known centre (tests/support/models
``centre()``), start times dropped as in real exports; the model discovered from that log must
be valid and must reproduce the log's volume and lead times. Then the sample log with
Vietnamese procedure names, and the public logs (which lack procedures, agencies and legal
times) when ../shared is present.
"""

from __future__ import annotations

import copy
import dataclasses
import re

import numpy as np
import pandas as pd
import pytest

from dossierflow.mining import import_log
from dossierflow.mining.log.analysis_table import prepare
from dossierflow.mining.log.open_log import open_analysis_log
from dossierflow.simulation.discovery.discover_model import DiscoveryError, discover_model
from dossierflow.simulation.engine import model_calendar, simulate
from dossierflow.simulation.model import (
    ONLINE_CHANNELS,
    ArrivalProfile,
    Duration,
    Model,
    Procedure,
    Step,
    Transition,
    case_classes,
)
from dossierflow.simulation.pool_sizing import expected_visits
from dossierflow.simulation.run_kpis import run_kpis
from dossierflow.simulation.sample.sample_output import to_imported
from tests.support.models import centre
from tests.support.paths import MINI as SAMPLE

START, END = "2024-01-01", "2024-04-01"
TRUE_RELEASES = (9 * 60, 15 * 60)  # the courier of centre(): 09:00 and 15:00
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


@pytest.fixture(scope="module")
def truth():
    """Three months of centre()'s log, without start times, and what was discovered from it."""
    result = simulate(centre(), start=START, end=END, seed=3)
    result.events = result.events.drop(columns=["start_timestamp"])
    log = prepare(to_imported(result, "centre"))
    found = discover_model(log, start=START, end=END)
    return result, log, found


@pytest.fixture(scope="module")
def replayed(truth):
    """The discovered model simulated over the same period, three seeds."""
    _, _, found = truth
    return [simulate(found.model, start=START, end=END, seed=seed) for seed in range(3)]


def test_discovered_model_is_valid_and_round_trips_through_json(truth, tmp_path):
    _, _, found = truth
    found.model.validate()
    path = found.model.to_json(tmp_path / "model.json")
    again = Model.from_json(path)
    assert again.to_dict() == found.model.to_dict()
    assert again.to_json(tmp_path / "again.json").read_text(encoding="utf-8") == \
        path.read_text(encoding="utf-8")


def test_discovery_window_and_notes(truth):
    _, log, found = truth
    received = log.cases["received_at"].dt.tz_convert("Asia/Ho_Chi_Minh")
    in_window = (received >= pd.Timestamp(START, tz="Asia/Ho_Chi_Minh")) & \
        (received < pd.Timestamp(END, tz="Asia/Ho_Chi_Minh"))
    assert found.cases == int(in_window.sum()) > 1500  # learnt from the dossiers received then
    assert (found.start, found.end) == (pd.Timestamp(START, tz="Asia/Ho_Chi_Minh"),
                                       pd.Timestamp(END, tz="Asia/Ho_Chi_Minh"))
    assert any("no start times" in note for note in found.notes)


def test_one_procedure_per_procedure_of_the_log_with_its_legal_time(truth):
    result, _, found = truth
    model = found.model
    assert sorted(p.output_id for p in model.procedures) == \
        sorted(result.cases["procedure_id"].astype(str).unique())
    truth_model = centre()
    for p in model.procedures:
        original = truth_model.procedure(p.output_id)
        assert p.legal_days == original.legal_days
        assert p.model == original.model
        assert p.agency == original.agency
        # channel shares learnt from ~1,600 dossiers
        for channel, share in original.channels.items():
            assert p.channels.get(channel, 0.0) == pytest.approx(share, abs=0.05)


def test_paper_transfers_are_batched_near_the_true_release_times(truth):
    """The courier carries paper dossiers at 09:00 and 15:00. The release time is estimated as
    the moment the last dossier of a bunch was ready (rounded up to a quarter hour), so it may
    come a little before the true release, never after."""
    _, _, found = truth
    model = found.model
    for activity in ("transfer_to_agency", "return_to_centre"):
        batched = [s for pr in model.processes for s in pr.steps
                   if s.activity_id == activity and s.batch]
        assert batched, f"{activity} of paper dossiers is not batched"
        for step in batched:
            minutes = [int(t[:2]) * 60 + int(t[3:5])
                       for t in model.batch(step.batch).release_times]
            for m in minutes:
                assert any(0 <= true - m <= 60 for true in TRUE_RELEASES), \
                    (activity, model.batch(step.batch).release_times)
            for true in TRUE_RELEASES:  # a morning and an afternoon run
                assert any(0 <= true - m <= 60 for m in minutes)
    # digitised and online dossiers move electronically: an unbatched variant exists
    electronic = [s for pr in model.processes for s in pr.steps
                  if s.activity_id == "transfer_to_agency" and not s.batch]
    assert electronic


@pytest.mark.parametrize("activity", ["transfer_to_agency", "return_to_centre"])
def test_each_kind_of_dossier_waits_for_the_courier_as_the_log_shows(truth, activity):
    """centre()'s courier carries every dossier that is not digitised, those filed online too
    (their papers and results move on paper): who waits for a batch is learnt per kind of
    dossier, not assumed from the channel."""
    _, _, found = truth
    for process in found.model.processes:
        steps = {s.id: s for s in process.steps if s.activity_id == activity}
        for _, channel, digitised, paid in case_classes():
            visits = expected_visits(process, channel, digitised, paid)
            total = sum(visits[i] for i in steps)
            if total < 0.5:
                continue
            batched = sum(visits[i] for i, s in steps.items() if s.batch)
            assert batched == pytest.approx(0.0 if digitised else total, abs=1e-6), \
                (process.id, channel, digitised)


def test_shares_move_on_as_the_log_shows_them_moving(truth):
    """Digitisation rising from 20 % to 80 % over the window goes on rising after it (a model
    for the months ahead); where the shares hold steady they stay as they are."""
    rising = centre()
    rising.procedures[0].p_digitised_over_time = {START: 0.2, END: 0.8}
    result = simulate(rising, start=START, end=END, seed=5)
    found = discover_model(prepare(to_imported(result, "rising")), start=START, end=END)
    p = found.model.procedure("SYT-01")
    now, later = list(p.p_digitised_over_time.values())
    assert list(p.p_digitised_over_time) == ["2024-04-01", "2024-09-30"]
    assert now == p.p_digitised and now > 0.5 and later > now + 0.2
    steady = truth[2].model.procedure("SYT-01")
    for points in (steady.p_digitised_over_time, steady.p_paid_online_over_time):
        values = list((points or {"": 0.0}).values())
        assert max(values) - min(values) < 0.05


def _intake_minutes(result) -> pd.DataFrame:
    """Per dossier of SYT-01: its channel and the working minutes from its first event (the
    online submission, or the counter's receipt) to the end of its receipt."""
    calendar = model_calendar(result.model, 2023, 2025)
    ev = result.events.assign(case_id=result.events["case_id"].astype(str),
                              clock=lambda e: calendar.to_clock(e["timestamp"]))
    first = ev.groupby("case_id")["clock"].min()
    receipt = ev.loc[ev["activity"].astype(str) == "receive"].groupby("case_id")["clock"].min()
    cases = result.cases.assign(case_id=result.cases["case_id"].astype(str))
    cases = cases.loc[cases["procedure_id"].astype(str) == "SYT-01"].set_index("case_id")
    return pd.DataFrame({"online": cases["channel"].isin(ONLINE_CHANNELS),
                         "minutes": (receipt - first).reindex(cases.index)}).dropna()


def test_online_dossiers_wait_for_the_counter_and_paper_ones_do_not():
    """The counter takes up online dossiers two working hours after they come, paper ones as
    they come: intake is learnt apart for each, so neither borrows the other's wait (a
    procedure filed more online than the rest of its process would otherwise get too little)."""
    slow = centre()
    transfer = slow.process("transfer")
    transfer.steps.insert(0, Step(id="pickup", activity="receive", logged=False,
                                  duration=Duration(kind="fixed", mean=120)))
    transfer.transitions[0] = Transition(source="start", target="receive",
                                         channels=["in_person", "public_postal"])
    transfer.transitions[1:1] = [
        Transition(source="start", target="pickup", channels=list(ONLINE_CHANNELS)),
        Transition(source="pickup", target="receive")]
    result = simulate(slow, start=START, end=END, seed=6)
    result.events = result.events.drop(columns=["start_timestamp"])
    found = discover_model(prepare(to_imported(result, "slow")), start=START, end=END)
    real = _intake_minutes(result).groupby("online")["minutes"].mean()
    again = _intake_minutes(simulate(found.model, start=START, end=END, seed=1))
    again = again.groupby("online")["minutes"].mean()
    assert real[True] > 120 and real[False] < 30
    assert again[True] == pytest.approx(real[True], rel=0.2)
    assert again[False] < 30


@pytest.mark.parametrize("scale", ["proportional", "with a reserve"])
def test_a_shared_appraisal_grows_with_legal_time_as_the_log_shows(scale):
    """Four small procedures share one process, their appraisal growing with the legal time
    either in proportion or after a reserve of one day for the steps around it (30 minutes a
    legal day beyond the first): each procedure's expected appraisal is learnt within 20 %,
    the short ones too (in proportion to the legal time they would get half again too much)."""
    reserve = 1.0 if scale == "with a reserve" else 0.0
    base = centre().procedure("SYT-01")
    procedures = [Procedure(id=f"P{legal}", agency="SYT", legal_days=legal, process="transfer",
                            arrivals=ArrivalProfile(per_working_day=1.0),
                            channels=base.channels, p_digitised=base.p_digitised,
                            duration_scales={"appraise": 0.5 * (legal - reserve)})
                  for legal in (2, 4, 8, 16)]
    result = simulate(centre(procedures=procedures), start=START, end="2024-05-15", seed=2)
    found = discover_model(prepare(to_imported(result, "shared")), start=START, end=END)
    model = found.model
    assert len({p.process for p in model.procedures}) == 1
    for p in model.procedures:
        step = next(s for s in model.process(p.process).steps
                    if s.activity_id == "appraise" and s.logged)
        learnt = step.duration.expected * (p.duration_scales or {}).get(step.id, 1.0)
        assert learnt == pytest.approx(30.0 * (p.legal_days - reserve), rel=0.2), p.output_id


def test_a_shared_process_keeps_each_procedures_own_times_as_far_as_its_dossiers_show():
    """Three small procedures of one legal time share a process; the leader signs one of them
    three times as slowly: its learnt signature stays well apart from the others'."""
    base = centre().procedure("SYT-01")
    procedures = [Procedure(id=f"P{k}", agency="SYT", legal_days=5, process="transfer",
                            arrivals=ArrivalProfile(per_working_day=1.0),
                            channels=base.channels, p_digitised=base.p_digitised,
                            duration_scales={"approve_sign": 3.0} if k == 1 else None)
                  for k in (1, 2, 3)]
    result = simulate(centre(procedures=procedures), start=START, end=END, seed=2)
    model = discover_model(prepare(to_imported(result, "shared")), start=START,
                           end=END).model
    assert len({p.process for p in model.procedures}) == 1

    def signature(pid: str) -> float:
        p = model.procedure(pid)
        step = next(s for s in model.process(p.process).steps
                    if s.activity_id == "approve_sign" and s.logged)
        return step.duration.expected * (p.duration_scales or {}).get(step.id, 1.0)

    assert signature("P1") > 2 * max(signature("P2"), signature("P3"))


def test_procedures_with_a_step_of_their_own_do_not_share_a_process():
    """Two small procedures always consult another agency after the appraisal, two never do:
    they are learnt as two processes, so neither pair borrows the other's consultation."""
    model = centre()
    plain = model.process("transfer")
    consulting = dataclasses.replace(copy.deepcopy(plain), id="consulting")
    for process, consult in ((plain, 0.0), (consulting, 0.8)):
        for t in process.transitions:
            if t.source == "appraise" and t.target in ("consult_agency", "approve_sign"):
                t.probability = consult if t.target == "consult_agency" else 0.8 - consult
    base = model.procedure("SYT-01")
    model.processes.append(consulting)
    model.procedures = [Procedure(id=f"P{k}", agency="SYT", legal_days=5,
                                  process="consulting" if k > 2 else "transfer",
                                  arrivals=ArrivalProfile(per_working_day=1.5),
                                  channels=base.channels, p_digitised=base.p_digitised)
                        for k in (1, 2, 3, 4)]
    result = simulate(model.validate(), start=START, end=END, seed=2)
    found = discover_model(prepare(to_imported(result, "consulting")), start=START,
                           end=END).model
    process_of = {p.output_id: p.process for p in found.procedures}
    assert process_of["P1"] == process_of["P2"] != process_of["P3"] == process_of["P4"]

    def consultations(m: Model, pid: str) -> float:
        process = m.process(m.procedure(pid).process)
        visits = expected_visits(process, "in_person", False, False)
        return sum(v for k, v in visits.items() if process.step(k).logged
                   and process.step(k).activity_id == "consult_agency")

    for pid in ("P1", "P3"):
        assert consultations(found, pid) == pytest.approx(consultations(model, pid), abs=0.12)


def test_a_pool_is_staffed_month_by_month_as_the_log_shows():
    """Three case handlers until September, two from then on: the discovered pool has them
    so over the window (and two after it), with the officer of the 5 tại chỗ desk, who
    appraises too and so joins their pool."""
    model = centre()
    model.procedures[0].arrivals.per_working_day = 12
    model.pool("handler").capacity_changes = {"2024-09-01": 2}
    result = simulate(model, start="2024-01-01", end="2024-11-01", seed=4)
    found = discover_model(prepare(to_imported(result, "fewer")), start="2024-01-01",
                           end="2024-11-01")
    (handlers,) = [p for p in found.model.pools if p.role == "handler"]
    # (calibration may add officers the log does not show at work; the drop stays)
    assert handlers.capacity >= 3 + 1
    assert handlers.capacity_changes == {"2024-09-01": handlers.capacity - 1}


def test_silent_steps_are_not_written_to_a_simulated_log(truth, replayed):
    """In-tray waits are silent steps with the activity of the step they precede: writing them
    would double each activity (appraise, appraise) and inflate the events per dossier."""
    result, _, found = truth
    silent = {s.activity_id for pr in found.model.processes for s in pr.steps if not s.logged}
    assert {"appraise", "approve_sign", "receive"} <= silent

    def repeats(events: pd.DataFrame) -> int:
        same_case = events["case_id"].eq(events["case_id"].shift())
        same_activity = events["activity"].astype(str).eq(events["activity"].astype(str).shift())
        return int((same_case & same_activity
                    & events["activity"].astype(str).isin(silent)).sum())

    assert repeats(result.events) == 0
    for run in replayed:
        assert repeats(run.events) == 0
        assert not set(run.events["activity"].astype(str)) & \
            {s.id for pr in found.model.processes for s in pr.steps if not s.logged}
        per_case = len(run.events) / len(run.cases)
        assert per_case == pytest.approx(len(result.events) / len(result.cases), rel=0.1)


def test_discovered_model_reproduces_volume_and_median_lead_time(truth, replayed):
    result, _, _ = truth
    real = run_kpis(result)
    simulated = [run_kpis(run) for run in replayed]
    median = np.mean([k["lead_time_working_days_median"] for k in simulated])
    assert median == pytest.approx(real["lead_time_working_days_median"], rel=0.10)
    count = np.mean([len(run.cases) for run in replayed])
    assert count == pytest.approx(len(result.cases), rel=0.10)


# -- the sample log: Vietnamese procedure names -------------------------------------------------

@pytest.fixture(scope="module")
def mini():
    log = open_analysis_log(SAMPLE)
    return log, discover_model(log)


def test_vietnamese_procedure_names_become_ids_and_stay_the_log_ids(mini):
    log, found = mini
    model = found.model
    names = set(log.cases["procedure_id"].astype(str))
    assert {p.output_id for p in model.procedures} == names
    assert all(ID.match(p.id) for p in model.procedures)
    assert all(ID.match(x.id) for x in [*model.processes, *model.pools, *model.batches])
    by_name = {p.output_id: p for p in model.procedures}
    assert by_name["Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"].id == \
        "Cap_Phieu_ly_lich_tu_phap_cho_cong_dan_Viet_Nam"
    assert by_name["Đăng ký thành lập doanh nghiệp tư nhân"].legal_days == 3
    assert by_name["Cấp phù hiệu xe ô tô kinh doanh vận tải"].agency == "Sở Giao thông vận tải"
    run = simulate(model, start=found.start, end=found.end, seed=0)
    assert len(run.cases) > 50
    assert set(run.cases["procedure_id"].astype(str)) <= names
    assert len(set(run.cases["procedure_id"].astype(str))) >= 4


def test_too_few_dossiers_in_the_window_is_a_discovery_error(mini):
    log, _ = mini
    with pytest.raises(DiscoveryError) as err:
        discover_model(log, start="2023-09-05", end="2023-09-07")
    message = str(err.value)
    assert "at least 10" in message and "How to fix:" in message and "widen the window" in message


def test_unknown_procedure_filter_is_a_discovery_error(mini):
    log, _ = mini
    with pytest.raises(DiscoveryError, match="How to fix"):
        discover_model(log, procedures=["không có thủ tục này"])


def test_bad_window_date_is_a_discovery_error(mini):
    log, _ = mini
    with pytest.raises(DiscoveryError, match="not a date"):
        discover_model(log, start="ngày mai")


# -- public logs: no procedure, agency or legal time -------------------------------------------

PUBLIC = [
    ("receipt.xes.gz", ["no procedure column", "legal time read from its due dates",
                        "no start times"]),
    ("helpdesk.xes.gz", ["no procedure column", "no agency column", "no legal time",
                         "no channel column"]),
]


@pytest.mark.public_logs
@pytest.mark.parametrize("name,defaults", PUBLIC, ids=[p[0] for p in PUBLIC])
def test_discovery_on_a_public_log_notes_its_defaults_and_simulates(public_dir, name, defaults):
    log = prepare(import_log(public_dir / name))
    found = discover_model(log)
    for default in defaults:
        assert any(default in note for note in found.notes), (default, found.notes)
    model = found.model
    (procedure,) = model.procedures
    assert procedure.id == "all"
    cases = log.cases
    if cases["due_at"].notna().any():
        # the working days from receipt to due date of the window's last quarter, in half days
        recent = cases.loc[cases["received_at"] >= found.end - pd.Timedelta(days=91)]
        days = log.calendar.working_days_between(recent["received_at"], recent["due_at"])
        assert procedure.legal_days == np.floor(np.median(days) * 2 + 0.5) / 2
    else:
        lead = cases["lead_time_working_days"].dropna()
        assert procedure.legal_days == np.ceil(lead.quantile(0.95) * 2) / 2
    run = simulate(model, start=found.start, end=found.start + pd.Timedelta(days=60), seed=0)
    assert len(run.cases) > 20
    assert set(run.cases["procedure_id"].astype(str)) == {"all"}
    assert run.cases["outcome"].isin(["result_ready", "returned"]).any()

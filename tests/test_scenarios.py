"""What-if scenarios (dossierflow.simulation.scenarios): every change kind on a small centre,
composition, the YAML format and its errors, which must name the field and say how to fix it."""

from __future__ import annotations

import copy
import math
import re

import pytest
import yaml

from dossierflow.simulation.model import ONLINE_CHANNELS, TRANSFER_ACTIVITIES, Model
from dossierflow.simulation.scenarios import (
    ON_SPOT_UTILISATION,
    PEAK_UTILISATION,
    ChannelShift,
    Demand,
    FiveOnSpot,
    Scenario,
    ScenarioError,
    Staffing,
    TimeCut,
    read_scenarios,
    scenario_from_dict,
)
from tests.support.models import centre

ON_SPOT = "appraise_approve_on_spot"


def centre_on_spot() -> Model:
    """centre() whose 5 tại chỗ process has the delegated officers' on-spot step (served by
    pool 'spot'), as real 5 tại chỗ processes do."""
    model = centre()
    model.process("spot").step("appraise").activity = ON_SPOT
    return model.validate()


def centre_two_agencies() -> Model:
    """centre_on_spot() plus SXD-01, a transfer procedure of an agency (SXD) that has no
    5 tại chỗ process and no delegated officers."""
    model = centre_on_spot()
    extra = copy.deepcopy(model.procedure("SYT-01"))
    extra.id, extra.name, extra.agency = "SXD-01", "Cấp giấy phép xây dựng", "SXD"
    extra.arrivals.per_working_day = 9.0
    model.procedures.append(extra)
    return model.validate()


def capacities(model: Model) -> dict[str, int]:
    return {p.id: p.capacity for p in model.pools}


def write(tmp_path, text: str, name: str = "scenario.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- TimeCut -----------------------------------------------------------------------------------

@pytest.mark.parametrize("days", [0.5, 2, 5], ids=["half-day", "two-days", "whole-legal-time"])
def test_time_cut_deadline_only_lowers_legal_days_and_leaves_the_work(days):
    model = centre()
    out = TimeCut(procedures=["SYT-01"], days=days).apply(model)
    assert out.procedure("SYT-01").legal_days == 5 - days
    assert out.procedure("SYT-02").legal_days == 0  # not named: untouched
    assert out.procedure("SYT-01").duration_scales is None
    assert out.processes == model.processes  # no step's duration changed
    assert out.pools == model.pools


# Expected visits of SYT-01's transfer process by its most common kind of dossier, by hand:
# appraise v = 1 + 0.2 * 0.9 v  →  v = 1 / 0.82; consult 0.1 v; approve_sign 0.8 v;
# request_supplement 0.2 v. Work minutes = visits × mean duration.
V = 1 / 0.82
WORK_MINUTES = {"appraise": 60 * V, "consult_agency": 900 * 0.1 * V,
                "approve_sign": 10 * 0.8 * V, "request_supplement": 10 * 0.2 * V}


def test_time_cut_deadline_and_process_shortens_the_work_in_proportion():
    """With one legal time among the agency's transfer procedures there is no slope to learn:
    the work shrinks in proportion to the legal time (a cut of 2 of 5 days takes 40 %), taken
    from the main work steps; intake, transfers, citizen waits and delivery keep their time."""
    model = centre()
    out = TimeCut(procedures=["SYT-01"], days=2, mode="deadline_and_process").apply(model)
    proc = out.procedure("SYT-01")
    assert proc.legal_days == 3
    scales = proc.duration_scales
    assert scales and set(scales) <= set(WORK_MINUTES)
    assert all(0 < v < 1 for v in scales.values())
    assert "appraise" in scales  # the appraisal is where a shorter legal time bites
    before = sum(WORK_MINUTES.values())
    after = sum(m * scales.get(s, 1.0) for s, m in WORK_MINUTES.items())
    assert after / before == pytest.approx(1 - 2 / 5, abs=0.01)
    assert out.procedure("SYT-02").duration_scales is None
    assert out.processes == model.processes  # scaled per procedure, the shared steps unchanged


def test_time_cut_deadline_and_process_composes_with_existing_scales():
    model = centre()
    model.procedure("SYT-01").duration_scales = {"appraise": 2.0, "receive": 1.5}
    out = TimeCut(procedures=["SYT-01"], days=1, mode="deadline_and_process").apply(model)
    scales = out.procedure("SYT-01").duration_scales
    assert scales["receive"] == 1.5  # intake is not work the cut shortens
    assert 0 < scales["appraise"] < 2.0


# -- FiveOnSpot --------------------------------------------------------------------------------

def test_five_on_spot_moves_the_procedure_to_an_on_spot_process():
    model = centre_on_spot()
    out = FiveOnSpot(procedures=["SYT-01"], officers=1, legal_days=1.5).apply(model)
    proc = out.procedure("SYT-01")
    assert proc.model == "five_on_spot"
    assert proc.legal_days == 1.5
    assert proc.duration_scales is None
    activities = {s.activity_id for s in out.process(proc.process).steps}
    assert ON_SPOT in activities
    assert not activities & set(TRANSFER_ACTIVITIES)
    assert not any(s.batch for s in out.process(proc.process).steps)
    assert model.procedure("SYT-01").model == "transfer"  # the input is left alone


def test_five_on_spot_without_legal_days_keeps_the_legal_time():
    out = FiveOnSpot(procedures=["SYT-01"], officers=0).apply(centre_on_spot())
    assert out.procedure("SYT-01").legal_days == 5


@pytest.mark.parametrize("officers", [0, 2, 5], ids=["none", "two", "five"])
def test_five_on_spot_adds_exactly_the_officers_asked_for(officers):
    model = centre_on_spot()
    out = FiveOnSpot(procedures=["SYT-01"], officers=officers).apply(model)
    before, after = capacities(model), capacities(out)
    assert after["spot"] == before["spot"] + officers
    assert {k: v for k, v in after.items() if k != "spot"} == \
        {k: v for k, v in before.items() if k != "spot"}


@pytest.mark.parametrize("per_day", [18, 54, 120], ids=["18-a-day", "54-a-day", "120-a-day"])
def test_five_on_spot_without_officers_staffs_the_on_spot_pool_for_its_work(per_day):
    """officers=None: the on-spot pool gets the number of delegated officers nearest to
    keeping all its work (every 5 tại chỗ dossier's 20 minutes of appraise_approve_on_spot,
    the moved ones included) ON_SPOT_UTILISATION busy, enough to keep its busiest month at
    most PEAK_UTILISATION busy, and never fewer than it had."""
    model = centre_on_spot()
    model.procedure("SYT-01").arrivals.per_working_day = per_day
    out = FiveOnSpot(procedures=["SYT-01"]).apply(model)
    work = sum(p.arrivals.per_working_day * 20 for p in out.procedures
               if p.model == "five_on_spot")
    assert all(p.arrivals.month_weights == [1.0] * 12 for p in out.procedures)
    expected = max(capacities(model)["spot"], round(work / (450 * ON_SPOT_UTILISATION)),
                   math.ceil(work / (450 * PEAK_UTILISATION)))
    assert capacities(out)["spot"] == expected
    if per_day == 120:
        assert expected > capacities(model)["spot"]


def test_five_on_spot_new_agency_gets_exactly_the_officers_asked_for():
    out = FiveOnSpot(procedures=["SXD-01"], officers=2).apply(centre_two_agencies())
    proc = out.procedure("SXD-01")
    assert proc.model == "five_on_spot"
    pool = {s.pool for s in out.process(proc.process).steps if s.activity_id == ON_SPOT}
    assert len(pool) == 1
    assert out.pool(pool.pop()).capacity == 2


def test_five_on_spot_officers_are_added_whatever_the_on_spot_activities_are_called():
    model = centre()
    out = FiveOnSpot(procedures=["SYT-01"], officers=2).apply(model)
    assert sum(capacities(out).values()) == sum(capacities(model).values()) + 2


def test_five_on_spot_works_for_an_agency_named_in_vietnamese():
    model = centre()
    model.procedures = [model.procedure("SYT-01")]
    model.procedure("SYT-01").agency = "Sở Y tế"
    out = FiveOnSpot(procedures=["SYT-01"], officers=1).apply(model.validate())
    assert out.procedure("SYT-01").model == "five_on_spot"


# -- Staffing ----------------------------------------------------------------------------------

@pytest.mark.parametrize("agency,role,change,expected", [
    ("SYT", None, 2, {"handler": 5, "leader": 3, "spot": 3}),
    ("SYT", "handler", 1, {"handler": 4, "spot": 2}),
    ("SYT", "handler", 0, {}),
    ("TTPV", None, -1, {"counter": 3, "clerk": 1}),
    ("TTPV", "counter_officer", -3, {"counter": 1}),
], ids=["agency+2", "role+1", "zero", "agency-1", "role-3"])
def test_staffing_changes_the_capacity_of_the_agencys_pools(agency, role, change, expected):
    model = centre()
    out = Staffing(agency=agency, change=change, role=role).apply(model)
    before, after = capacities(model), capacities(out)
    assert after == {**before, **expected}
    handler = out.pool("handler")
    assert handler.names is None or len(handler.names) == handler.max_capacity
    assert len(set(handler.names)) == len(handler.names)


@pytest.mark.parametrize("named,expected", [
    ({"activity": "approve_sign"}, {"leader": 2, "spot": 2}),
    ({"activity": "request_supplement"}, {"handler": 4}),
    ({"pool": "spot"}, {"spot": 2}),
    ({"role": "handler", "activity": "approve_sign"}, {"spot": 2}),
], ids=["activity-two-pools", "activity-one-pool", "pool", "role-and-activity"])
def test_staffing_names_the_pools_by_the_work_they_do(named, expected):
    """A log without roles pools its officers by the work they do: a planner names the
    activity (or the pool) whose officers get one more."""
    model = centre()
    out = Staffing(agency="SYT", change=1, **named).apply(model)
    assert capacities(out) == {**capacities(model), **expected}


def test_staffing_of_work_no_pool_does_lists_the_pools():
    with pytest.raises(ScenarioError) as error:
        Staffing(agency="SYT", change=1, activity="site_inspection").apply(centre())
    assert error.value.field == "staffing.activity"
    assert "handler (SYT, handler: appraise, request_supplement)" in error.value.fix
    assert "leader (SYT, dept_leader: approve_sign)" in error.value.fix


def test_staffing_by_activity_reads_from_a_scenario_file():
    (scenario,) = [scenario_from_dict(
        {"name": "one more appraiser",
         "changes": [{"staffing": {"agency": "SYT", "activity": "appraise", "change": 1}}]})]
    assert capacities(scenario.apply(centre())) == {**capacities(centre()),
                                                    "handler": 4, "spot": 2}


@pytest.mark.parametrize("change,capacity,changes", [
    (1, 4, {"2024-03-01": 6}), (-2, 1, {"2024-03-01": 3})], ids=["plus-1", "minus-2"])
def test_staffing_shifts_dated_staffing_changes_too(change, capacity, changes):
    model = centre()
    model.pool("spot").role = "on_spot_officer"  # only the case handlers have role handler
    handler = model.pool("handler")
    handler.names, handler.capacity_changes = None, {"2024-03-01": 5}
    out = Staffing(agency="SYT", change=change, role="handler").apply(model.validate())
    assert out.pool("handler").capacity == capacity
    assert out.pool("handler").capacity_changes == changes
    with pytest.raises(ScenarioError, match="remove at most 2 officers"):
        Staffing(agency="SYT", change=-3, role="handler").apply(model)


# -- Demand and ChannelShift -------------------------------------------------------------------

@pytest.mark.parametrize("factor,procedures,expected", [
    (2.0, None, {"SYT-01": 36, "SYT-02": 12}),
    (0.5, ["SYT-02"], {"SYT-01": 18, "SYT-02": 3}),
    (1.0, None, {"SYT-01": 18, "SYT-02": 6}),
], ids=["all-double", "one-half", "unchanged"])
def test_demand_scales_arrivals(factor, procedures, expected):
    out = Demand(factor=factor, procedures=procedures).apply(centre())
    assert {p.id: p.arrivals.per_working_day for p in out.procedures} == pytest.approx(expected)


@pytest.mark.parametrize("share", [0.0, 0.25, 0.8, 1.0], ids=lambda s: f"online-{s:g}")
def test_channel_shift_sets_the_online_share_and_keeps_proportions(share):
    model = centre()
    out = ChannelShift(online_share=share).apply(model)
    for before, after in zip(model.procedures, out.procedures):
        shares = after.channels
        assert sum(shares.values()) == pytest.approx(1.0, abs=1e-9)
        online = sum(v for c, v in shares.items() if c in ONLINE_CHANNELS)
        assert online == pytest.approx(share, abs=1e-5)
        for group in (ONLINE_CHANNELS, ("in_person", "public_postal")):
            old = {c: v for c, v in before.channels.items() if c in group}
            new = {c: v for c, v in shares.items() if c in group}
            if len(old) > 1 and sum(new.values()) > 0:
                for c in old:  # the channels of a group keep their proportions
                    assert new[c] / sum(new.values()) == pytest.approx(
                        old[c] / sum(old.values()), abs=1e-4)
    syt02 = out.procedure("SYT-02").channels  # counter only: online goes to online_partial
    assert syt02.get("online_partial", 0.0) == pytest.approx(share, abs=1e-6)


def test_channel_shift_of_named_procedures_only():
    out = ChannelShift(online_share=0.9, procedures=["SYT-02"]).apply(centre())
    assert out.procedure("SYT-01").channels == centre().procedure("SYT-01").channels
    assert out.procedure("SYT-02").channels["online_partial"] == pytest.approx(0.9)


# -- Scenario: composition, no mutation --------------------------------------------------------

ALL_KINDS = [
    Scenario("cut", [TimeCut(["SYT-01"], 2)]),
    Scenario("cut-work", [TimeCut(["SYT-01"], 2, mode="deadline_and_process")]),
    Scenario("5-on-spot", [FiveOnSpot(["SYT-01"], officers=2, legal_days=1)]),
    Scenario("5-on-spot-sized", [FiveOnSpot(["SYT-01"])]),
    Scenario("staff", [Staffing("SYT", 1), Staffing("TTPV", -1)]),
    Scenario("demand", [Demand(1.5)]),
    Scenario("online", [ChannelShift(0.7)]),
    Scenario("everything", [TimeCut(["SYT-01"], 1), Demand(1.2), ChannelShift(0.5),
                            Staffing("SYT", 2), FiveOnSpot(["SYT-01"], officers=1)]),
    Scenario("nothing", []),
]


@pytest.mark.parametrize("scenario", ALL_KINDS, ids=[s.name for s in ALL_KINDS])
def test_scenario_never_mutates_the_input_model(scenario):
    model = centre_on_spot()
    before = copy.deepcopy(model.to_dict())
    out = scenario.apply(model)
    assert model.to_dict() == before
    model.validate()
    out.validate()
    assert out is not model
    assert out.name == f"{model.name} — {scenario.name}"


def test_scenario_applies_changes_in_order():
    model = centre_on_spot()
    cut_then_move = Scenario("a", [TimeCut(["SYT-01"], 2), FiveOnSpot(["SYT-01"], officers=0,
                                                                      legal_days=3)])
    assert cut_then_move.apply(model).procedure("SYT-01").legal_days == 3
    move_then_cut = Scenario("b", [FiveOnSpot(["SYT-01"], officers=0, legal_days=4),
                                   TimeCut(["SYT-01"], 2)])
    assert move_then_cut.apply(model).procedure("SYT-01").legal_days == 2
    too_long = Scenario("c", [TimeCut(["SYT-01"], 2), FiveOnSpot(["SYT-01"], legal_days=4)])
    with pytest.raises(ScenarioError) as err:
        too_long.apply(model)  # after the cut the legal time is 3: 4 is longer
    assert "changes[1].five_on_spot.legal_days" in str(err.value)
    twice = Scenario("d", [Demand(2.0), Demand(1.5)]).apply(model)
    assert twice.procedure("SYT-01").arrivals.per_working_day == pytest.approx(18 * 3)


# -- errors ------------------------------------------------------------------------------------

ERRORS = [
    ("cut-longer-than-legal", "- time_cut: {procedures: [SYT-01], days: 6}",
     "changes[0].time_cut.days", "at most 5"),
    ("cut-below-half-day", "- time_cut: {procedures: [SYT-01], days: 0.3}",
     "changes[0].time_cut.days", "0.5"),
    ("cut-not-half-day-step", "- time_cut: {procedures: [SYT-01], days: 1.3}",
     "changes[0].time_cut.days", "0.5, 1, 1.5"),
    ("cut-11", "- time_cut: {procedures: [SYT-01], days: 11}",
     "changes[0].time_cut.days", "10"),
    ("cut-mode", "- time_cut: {procedures: [SYT-01], days: 1, mode: fast}",
     "changes[0].time_cut.mode", "deadline_and_process"),
    ("unknown-procedure", "- demand: {factor: 1.1}\n  - time_cut: {procedures: [SYT-09], days: 1}",
     "changes[1].time_cut.procedures[0]", "SYT-01"),
    ("procedures-not-a-list", "- demand: {factor: 1.1, procedures: SYT-01}",
     "changes[0].demand.procedures", "procedures: ["),
    ("negative-staff", "- staffing: {agency: SYT, change: -1}",
     "changes[0].staffing.change", "no officer can be removed"),
    ("staff-not-whole", "- staffing: {agency: SYT, change: 1.5}",
     "changes[0].staffing.change", "change: 2"),
    ("unknown-agency", "- staffing: {agency: SXD, change: 1}",
     "changes[0].staffing.agency", "handler (SYT, handler: appraise"),
    ("demand-0", "- demand: {factor: 0}", "changes[0].demand.factor", "0.01 to 10"),
    ("online-share-1.5", "- channel_shift: {online_share: 1.5}",
     "changes[0].channel_shift.online_share", "0 to 1"),
    ("officers-negative", "- five_on_spot: {procedures: [SYT-01], officers: -1}",
     "changes[0].five_on_spot.officers", "delegated officers"),
    ("on-spot-legal-longer", "- five_on_spot: {procedures: [SYT-01], legal_days: 6}",
     "changes[0].five_on_spot.legal_days", "no longer than"),
    ("unknown-kind", "- time_cuts: {procedures: [SYT-01], days: 1}",
     "changes[0]", "time_cut, five_on_spot, staffing, demand, channel_shift"),
    ("unknown-parameter", "- time_cut: {procedures: [SYT-01], days: 1, dayz: 2}",
     "changes[0].time_cut", "['days', 'mode', 'procedures']"),
    ("missing-parameter", "- time_cut: {procedures: [SYT-01]}",
     "changes[0].time_cut", "add days"),
    ("two-kinds-in-one-change", "- {demand: {factor: 2}, staffing: {agency: SYT, change: 1}}",
     "changes[0]", "demand: {factor: 1.2}"),
]


@pytest.mark.parametrize("change,field,fix", [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_scenario_errors_name_the_field_and_the_fix(tmp_path, change, field, fix):
    path = write(tmp_path, f"name: Thử\nchanges:\n  {change}\n")
    with pytest.raises(ScenarioError) as err:
        for scenario in read_scenarios(path):
            scenario.apply(centre_on_spot())
    message = str(err.value)
    assert f"field '{field}'" in message
    assert "How to fix:" in message
    assert fix in message.split("How to fix:")[1]


@pytest.mark.parametrize("text,field", [
    ("changes: [{demand: {factor: 1.1}}]\n", "name"),
    ("name: x\n", "changes"),
    ("name: x\nchanges: []\n", "changes"),
    ("name: x\nchanges: [{demand: {factor: 1.1}}]\nwhen: 2024\n", "scenario"),
    ("- name: x\n  changes: [{demand: {factor: 1.1}}]\n", "scenario"),
    ("scenarios: []\n", "scenarios"),
    ("scenarios:\n - name: a\n   changes: [{demand: {factor: 1.1}}]\n"
     " - name: b\n   changes: [{demand: {factr: 1}}]\n", "scenarios[1].changes[0].demand"),
], ids=["no-name", "no-changes", "empty-changes", "unknown-key", "bare-list", "empty-scenarios",
        "second-of-a-list"])
def test_malformed_scenario_files_name_the_file_and_the_field(tmp_path, text, field):
    path = write(tmp_path, text)
    with pytest.raises(ScenarioError) as err:
        read_scenarios(path)
    assert err.value.field == field
    assert str(path) in str(err.value) and "How to fix:" in str(err.value)


def test_bad_yaml_syntax_points_at_the_line(tmp_path):
    path = write(tmp_path, "name: x\nchanges:\n  - time_cut: {procedures: [SYT-01, days: 1\n")
    with pytest.raises(ScenarioError) as err:
        read_scenarios(path)
    message = str(err.value)
    assert str(path) in message and "YAML" in message and "line 3" in message
    assert "How to fix: repair the YAML" in message


def test_missing_scenario_file_is_a_scenario_error(tmp_path):
    with pytest.raises(ScenarioError) as err:
        read_scenarios(tmp_path / "nope.yaml")
    assert "nope.yaml" in str(err.value) and "does not exist" in str(err.value)
    assert "How to fix:" in str(err.value)


def test_value_error_in_the_second_scenario_of_a_file_names_it(tmp_path):
    path = write(tmp_path, "scenarios:\n - name: a\n   changes: [{demand: {factor: 1.1}}]\n"
                           " - name: b\n   changes: [{demand: {factor: 0}}]\n")
    with pytest.raises(ScenarioError) as err:
        for scenario in read_scenarios(path):
            scenario.apply(centre())
    assert "scenarios[1].changes[0].demand.factor" in str(err.value)
    assert str(path) in str(err.value)


def test_unquoted_procedure_code_ending_in_zero_is_found(tmp_path):
    model = centre()
    model.procedure("SYT-01").log_id = "2.002150"
    path = write(tmp_path, "name: x\nchanges:\n  - time_cut: {procedures: [2.002150], days: 1}\n")
    (scenario,) = read_scenarios(path)
    assert scenario.apply(model.validate()).procedure("SYT-01").legal_days == 4


# -- reading and writing -----------------------------------------------------------------------

SINGLE = """\
name: Cắt 2 ngày cấp chứng chỉ hành nghề
changes:
  - time_cut:
      procedures: [SYT-01]
      days: 2
      mode: deadline_and_process
  - staffing: {agency: SYT, role: handler, change: 1}
"""

SEVERAL = """\
scenarios:
  - name: Tăng nộp trực tuyến
    changes:
      - channel_shift: {online_share: 0.8}
  - name: 5 tại chỗ
    changes:
      - five_on_spot: {procedures: [SYT-01], officers: 2, legal_days: 1}
      - demand: {factor: 1.1, procedures: [SYT-01]}
"""


def test_read_a_single_scenario_file(tmp_path):
    (scenario,) = read_scenarios(write(tmp_path, SINGLE))
    assert scenario.name == "Cắt 2 ngày cấp chứng chỉ hành nghề"
    assert scenario.changes == [TimeCut(procedures=["SYT-01"], days=2,
                                        mode="deadline_and_process"),
                                Staffing(agency="SYT", role="handler", change=1)]


def test_read_a_list_of_scenarios(tmp_path):
    scenarios = read_scenarios(write(tmp_path, SEVERAL))
    assert [s.name for s in scenarios] == ["Tăng nộp trực tuyến", "5 tại chỗ"]
    assert scenarios[0].changes == [ChannelShift(online_share=0.8)]
    assert scenarios[1].changes == [FiveOnSpot(procedures=["SYT-01"], officers=2, legal_days=1),
                                    Demand(factor=1.1, procedures=["SYT-01"])]
    model = centre_on_spot()
    assert scenarios[1].apply(model).procedure("SYT-01").model == "five_on_spot"


def test_a_utf8_file_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + SINGLE.encode("utf-8"))
    assert read_scenarios(path)[0].name.startswith("Cắt")


@pytest.mark.parametrize("scenario", [s for s in ALL_KINDS if s.changes],
                         ids=[s.name for s in ALL_KINDS if s.changes])
def test_to_dict_round_trips_through_yaml(scenario):
    text = yaml.safe_dump(scenario.to_dict(), allow_unicode=True, sort_keys=False)
    back = scenario_from_dict(yaml.safe_load(text))
    assert back == scenario
    assert back.apply(centre_on_spot()).to_dict() == scenario.apply(centre_on_spot()).to_dict()


def test_to_dict_of_a_vietnamese_scenario_round_trips_through_a_file(tmp_path):
    (scenario,) = read_scenarios(write(tmp_path, SINGLE))
    path = tmp_path / "again.yaml"
    path.write_text(yaml.safe_dump(scenario.to_dict(), allow_unicode=True), encoding="utf-8")
    assert read_scenarios(path) == [scenario]
    assert re.search(r"^name: Cắt 2 ngày", path.read_text(encoding="utf-8"), re.M)

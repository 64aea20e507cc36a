"""Tests of the simulation model and engine (dossierflow.simulation.model,
dossierflow.simulation.engine)."""

from __future__ import annotations

import json
import math
import re
from datetime import time

import numpy as np
import pandas as pd
import pytest

from dossierflow.mining.errors import DossierflowError
from dossierflow.simulation.engine import SimulationError, model_calendar, simulate
from dossierflow.simulation.model import (
    ArrivalProfile,
    CalendarSpec,
    Deadlines,
    Duration,
    Model,
    ModelError,
    Procedure,
    Process,
    ResourcePool,
    Step,
    Transition,
)
from tests.support.models import centre

MINUTES_PER_DAY = 450.0  # 07:30–11:30 and 13:30–17:00
SESSIONS = ((time(7, 30), time(11, 30)), (time(13, 30), time(17, 0)))
EVENT_COLUMNS = ["case_id", "activity", "timestamp", "start_timestamp", "resource", "role",
                 "agency"]
CASE_COLUMNS = ["case_id", "procedure_id", "agency", "channel", "model", "received_at", "due_at",
                "finished_at", "returned_at", "legal_days", "outcome", "digitised",
                "paid_online", "fee", "n_supplement_requests"]


def flat_profile(per_day: float, **kw) -> ArrivalProfile:
    """Arrivals without weekday, month or Tết effects."""
    return ArrivalProfile(per_working_day=per_day, tet_surge=1.0, tet_lull=1.0, **kw)


def station(per_day: float, mean: float, servers: int, *, apology: bool = False) -> Model:
    """One pool, one exponential step: an M/M/c station on the working clock."""
    return Model(
        name="station",
        pools=[ResourcePool(id="desk", agency="TTPV", role="counter_officer", capacity=servers)],
        processes=[Process(id="p", steps=[
            Step(id="receive", duration=Duration(kind="exponential", mean=mean), pool="desk")],
            transitions=[Transition(source="start", target="receive"),
                         Transition(source="receive", target="end")])],
        procedures=[Procedure(id="P1", agency="SYT", legal_days=1, process="p",
                              arrivals=flat_profile(per_day))],
        deadlines=Deadlines(apology=apology))


def inside_sessions(stamps: pd.Series) -> np.ndarray:
    local = stamps.dt.tz_convert("Asia/Ho_Chi_Minh")
    minutes = local.dt.hour * 60 + local.dt.minute + local.dt.second / 60 + \
        local.dt.microsecond / 6e7 + local.dt.nanosecond / 6e10
    inside = np.zeros(len(stamps), dtype=bool)
    for a, b in SESSIONS:
        inside |= ((minutes >= a.hour * 60 + a.minute) & (minutes <= b.hour * 60 + b.minute)
                   ).to_numpy()
    return inside


@pytest.fixture(scope="module")
def centre_run():
    model = centre()
    return model, simulate(model, start="2024-01-01", end="2024-07-01", seed=11)


# -- queueing theory ---------------------------------------------------------------------------

def erlang_c_wait(arrival_rate: float, mean_service: float, servers: int) -> float:
    """Mean wait in queue of an M/M/c queue (Erlang C)."""
    a = arrival_rate * mean_service
    rho = a / servers
    top = a ** servers / math.factorial(servers) / (1 - rho)
    bottom = sum(a ** k / math.factorial(k) for k in range(servers)) + top
    return top / bottom * mean_service / (servers * (1 - rho))


def test_mmc_station_matches_erlang_c():
    """Poisson arrivals on the working clock and exponential service at c servers form an
    M/M/c queue in working time: the mean wait must match Erlang C (21.6 working minutes at
    rho = 0.8). Five fixed seeds of two years (~135,000 dossiers); tolerance 7 % of the
    theoretical wait (over twice the standard error of the pooled mean, about 3 % here, measured
    over 20 seeds) and 2 points of utilisation."""
    servers, mean, rho = 3, 20.0, 0.8
    rate = rho * servers / mean  # per working minute
    model = station(rate * MINUTES_PER_DAY, mean, servers)
    calendar = model_calendar(model, 2024, 2027)
    waits, utilisation = [], []
    for seed in range(5):
        result = simulate(model, start="2024-01-01", end="2026-01-01", seed=seed)
        start = result.events.set_index("case_id")["start_timestamp"]
        submitted = result.cases.set_index("case_id")["submitted_at"]
        waits.append(calendar.working_minutes_between(submitted, start.reindex(submitted.index)))
        utilisation.append(float(result.pools["utilisation"].iloc[0]))
    measured = float(np.mean(np.concatenate(waits)))
    expected = erlang_c_wait(rate, mean, servers)
    assert measured == pytest.approx(expected, rel=0.07), (measured, expected)
    assert np.mean(utilisation) == pytest.approx(rho, abs=0.02)


# -- batches -----------------------------------------------------------------------------------

def test_batched_step_starts_only_at_release_times(centre_run):
    model, result = centre_run
    ev = result.events
    calendar = model_calendar(model, 2024, 2026)
    batched = ev[ev["activity"].isin(["transfer_to_agency", "return_to_centre"])]
    cases = result.cases.set_index("case_id")
    paper = ~cases.loc[batched["case_id"].astype(str), "digitised"].to_numpy()
    paper_moves = batched[paper]
    assert len(paper_moves) > 500
    local = paper_moves["start_timestamp"].dt.tz_convert("Asia/Ho_Chi_Minh")
    clock_of_day = local.dt.strftime("%H:%M:%S.%f")
    assert clock_of_day.isin(["09:00:00.000000", "15:00:00.000000"]).all()
    assert calendar.is_working_day(local.dt.tz_localize(None)).all()
    # waits are shorter than the gap between releases: no release is skipped
    releases = []
    for day in pd.date_range("2024-01-01", "2024-12-31", freq="D"):
        if calendar.is_working_day(day)[0]:
            releases += [day + pd.Timedelta(hours=9), day + pd.Timedelta(hours=15)]
    release_clock = calendar.to_clock(pd.DatetimeIndex(releases))
    previous_end = ev.groupby("case_id", observed=True)["timestamp"].shift()
    ready = calendar.to_clock(previous_end.loc[paper_moves.index])
    start = calendar.to_clock(paper_moves["start_timestamp"])
    k = np.searchsorted(release_clock, start)
    assert np.all(release_clock[k] == start)
    later = k > 0  # the first release of the year has no predecessor to compare with
    gap = release_clock[k[later]] - release_clock[k[later] - 1]
    wait = start - ready
    assert np.all(wait >= 0) and np.all(wait[later] < gap)
    # a release carries everybody waiting: one trip, one end time per release and step
    trips = paper_moves.groupby(["activity", "start_timestamp"], observed=True)["timestamp"]
    assert (trips.nunique() == 1).all()
    assert trips.size().max() > 1
    # digitised dossiers skip the courier (paper_only) and go at once
    electronic = batched[~paper]
    assert not electronic["start_timestamp"].dt.strftime("%H:%M:%S").isin(
        ["09:00:00", "15:00:00"]).all()


# -- calendar ----------------------------------------------------------------------------------

def test_pools_work_only_in_office_hours(centre_run):
    """Every event served by a pool starts and ends inside an office session of a working day.
    Exempt: submit_online (a citizen, any time), supplement_received (the end of a citizen
    wait) and the weekend counter (pool 'counter' serves in_person dossiers out of hours), whose
    events fall on Saturdays and Sundays."""
    model, result = centre_run
    ev = result.events
    calendar = model_calendar(model, 2024, 2026)
    cases = result.cases.set_index("case_id")
    submitted = pd.DatetimeIndex(cases.loc[ev["case_id"].astype(str), "submitted_at"])
    channel = cases.loc[ev["case_id"].astype(str), "channel"].to_numpy()
    day_off = ~calendar.is_working_day(submitted.tz_convert("Asia/Ho_Chi_Minh").tz_localize(None))
    weekend_counter = ev["activity"].eq("receive").to_numpy() & (channel == "in_person") & day_off
    served = ev["resource"].notna().to_numpy() & ~weekend_counter
    assert served.sum() > 10_000
    for column in ("start_timestamp", "timestamp"):
        stamps = ev.loc[served, column]
        assert inside_sessions(stamps).all(), stamps[~inside_sessions(stamps)].head()
        assert calendar.is_working_day(stamps.dt.tz_convert("Asia/Ho_Chi_Minh")
                                       .dt.tz_localize(None)).all()
    # the exempt events do happen outside office hours
    counter = ev[weekend_counter]
    assert len(counter) > 50
    assert counter["start_timestamp"].dt.day_of_week.isin([5, 6]).all()
    online = ev[ev["activity"] == "submit_online"]
    night_or_day_off = ~inside_sessions(online["timestamp"]) | ~calendar.is_working_day(
        online["timestamp"].dt.tz_convert("Asia/Ho_Chi_Minh").dt.tz_localize(None))
    assert night_or_day_off.mean() > 0.2
    assert online["resource"].isna().all()


def test_weekend_counter_receipt_starts_clock_next_working_day(centre_run):
    model, result = centre_run
    calendar = model_calendar(model, 2024, 2026)
    cases = result.cases
    weekend = cases[(cases["channel"] == "in_person")
                    & (cases["submitted_at"].dt.day_of_week >= 5)
                    & (cases["procedure_id"] == "SYT-01") & cases["received_at"].notna()]
    assert len(weekend) > 20
    assert (weekend["received_at"].dt.day_of_week >= 5).all()
    due = calendar.working_days_between(weekend["received_at"], weekend["due_at"])
    legal_plus_pause = 5 + weekend["paused_minutes"].to_numpy() / MINUTES_PER_DAY
    assert np.allclose(due, legal_plus_pause)


def test_online_dossiers_submitted_any_time_received_in_office_hours(centre_run):
    _, result = centre_run
    cases, ev = result.cases, result.events
    online = cases[cases["channel"].isin(["online_full", "online_partial"])]
    assert (online["submitted_at"].dt.day_of_week >= 5).any()
    assert (online["submitted_at"].dt.hour < 7).any()
    received = online.dropna(subset=["received_at"])
    assert (received["received_at"] >= received["submitted_at"]).all()
    assert inside_sessions(received["received_at"]).all()
    first = ev.groupby("case_id", observed=True).head(1).set_index("case_id")
    assert (first.loc[online["case_id"], "activity"] == "submit_online").all()


# -- determinism ---------------------------------------------------------------------------------

def test_same_seed_same_log_other_seed_other_log():
    model = centre()
    a = simulate(model, start="2024-03-01", end="2024-04-01", seed=5)
    b = simulate(model, start="2024-03-01", end="2024-04-01", seed=5)
    c = simulate(model, start="2024-03-01", end="2024-04-01", seed=6)
    pd.testing.assert_frame_equal(a.events, b.events)
    pd.testing.assert_frame_equal(a.cases, b.cases)
    assert not a.events["timestamp"].reset_index(drop=True).equals(
        c.events["timestamp"].reset_index(drop=True))
    assert len(a.cases) != len(c.cases) or not a.cases["due_at"].equals(c.cases["due_at"])


# -- JSON ------------------------------------------------------------------------------------------

def test_json_round_trip_is_exact(tmp_path):
    model = centre(calendar=CalendarSpec(extra_holidays=["2024-11-24"]),
                   deadlines=Deadlines(apology=True, apology_lead_days=1.0, extension_days=2.5),
                   extra_activities=["check_tax_code"])
    path = model.to_json(tmp_path / "model.json")
    loaded = Model.from_json(path)
    assert loaded == model
    again = loaded.to_json(tmp_path / "again.json")
    assert again.read_bytes() == path.read_bytes()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "dossierflow-model"
    assert data["pools"][2]["names"][0] == "Nguyễn Văn An"
    # the loaded model simulates exactly like the original
    a = simulate(model, start="2024-05-01", end="2024-05-15", seed=1)
    b = simulate(loaded, start="2024-05-01", end="2024-05-15", seed=1)
    pd.testing.assert_frame_equal(a.events, b.events)


# -- deadlines -----------------------------------------------------------------------------------

def test_supplement_loop_pauses_the_due_date(centre_run):
    model, result = centre_run
    calendar = model_calendar(model, 2024, 2026)
    ev, cases = result.events, result.cases.set_index("case_id")
    requests = ev[ev["activity"] == "request_supplement"].set_index("case_id")["timestamp"]
    returns = ev[ev["activity"] == "supplement_received"].set_index("case_id")["timestamp"]
    both = requests.index.intersection(returns.index)
    assert len(both) > 50
    # the citizen's time (request -> supplement), in working minutes, is added to the due date
    paused = calendar.working_minutes_between(requests.loc[both], returns.loc[both])
    assert np.allclose(cases.loc[both, "paused_minutes"], paused, atol=1e-6)
    due_days = calendar.working_days_between(cases.loc[both, "received_at"],
                                             cases.loc[both, "due_at"])
    assert np.allclose(due_days, 5 + paused / MINUTES_PER_DAY, atol=1e-6)
    assert (paused > 0).all()
    # a supplement may be requested only once (max_visits = 1)
    assert cases["n_supplement_requests"].max() == 1
    # dossiers without a supplement keep the plain legal time
    plain = cases[(cases["n_supplement_requests"] == 0) & cases["received_at"].notna()
                  & (cases["procedure_id"] == "SYT-01")]
    days = calendar.working_days_between(plain["received_at"], plain["due_at"])
    assert np.allclose(days, 5.0)


def test_same_day_procedure_due_at_close_of_office(centre_run):
    _, result = centre_run
    same_day = result.cases[result.cases["procedure_id"] == "SYT-02"]
    assert len(same_day) > 100
    due = same_day["due_at"].dt.tz_convert("Asia/Ho_Chi_Minh")
    received = same_day["received_at"].dt.tz_convert("Asia/Ho_Chi_Minh")
    assert (due.dt.strftime("%H:%M") == "17:00").all()
    assert (due.dt.date == received.dt.date).all()
    assert (same_day["model"] == "five_on_spot").all()


def test_apology_before_the_deadline_with_a_new_date():
    model = centre(deadlines=Deadlines(apology=True, apology_lead_days=0.5))
    model.procedures[0].legal_days = 1.0  # tight, so that some dossiers are late
    result = simulate(model, start="2024-04-01", end="2024-06-01", seed=3)
    calendar = model_calendar(model, 2024, 2026)
    cases, ev = result.cases.set_index("case_id"), result.events
    late = cases[(cases["finished_at"] > cases["due_at"])
                 & ~cases["outcome"].isin(["rejected", "withdrawn"])]
    apologies = ev[ev["activity"] == "apology_reschedule"].set_index("case_id")
    assert len(late) > 20
    assert set(apologies.index) == set(late.index)
    lead = calendar.working_minutes_between(apologies["timestamp"],
                                            late.loc[apologies.index, "due_at"])
    received = late.loc[apologies.index, "received_at"]
    assert np.all((np.isclose(lead, 0.5 * MINUTES_PER_DAY)) | (apologies["timestamp"] == received))
    assert (apologies["timestamp"] < late.loc[apologies.index, "due_at"]).all()
    assert (late["new_due_at"] >= late["finished_at"]).all()
    assert (late["new_due_at"] > late["due_at"]).all()
    assert apologies["resource"].notna().mean() > 0.9
    on_time = cases[cases["finished_at"] <= cases["due_at"]]
    assert on_time["apology_at"].isna().all()


# -- output shape --------------------------------------------------------------------------------

def test_canonical_columns_ids_and_progress(centre_run):
    _, result = centre_run
    assert list(result.events.columns) == EVENT_COLUMNS
    assert set(CASE_COLUMNS) <= set(result.cases.columns)
    ev = result.events
    for column in ("timestamp", "start_timestamp"):
        assert str(ev[column].dt.tz) == "Asia/Ho_Chi_Minh"
    assert (ev["start_timestamp"] <= ev["timestamp"]).all()
    # sorted by case, then time; a case's steps follow one another
    codes = ev["case_id"].cat.codes.to_numpy()
    assert np.all(np.diff(codes) >= 0)
    same = codes[1:] == codes[:-1]
    ends = ev["timestamp"].to_numpy()
    assert np.all(ends[1:][same] >= ends[:-1][same])
    starts = ev["start_timestamp"].to_numpy()
    steps = same & (ev["activity"].to_numpy()[1:] != "apology_reschedule")
    steps &= ev["activity"].to_numpy()[:-1] != "apology_reschedule"
    assert np.all(starts[1:][steps] >= ends[:-1][steps])
    ids = result.cases["case_id"]
    assert ids.is_unique
    assert ids.str.fullmatch(r"000\.00\.21\.H03-\d{6}-\d{4}").all()
    assert ids.iloc[0].endswith("-0001")
    handlers = result.events.loc[result.events["role"] == "handler", "resource"].astype(str)
    # named officers where the pool gives names; pool ids where agency and role repeat
    assert set(handlers) == {"Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "spot-01"}
    assert result.events["resource"].dropna().astype(str).str.match(
        r"^(TTPV-(counter_officer|clerk)-\d\d|SYT-dept_leader-\d\d|spot-\d\d|.+ .+)$").all()
    assert set(result.cases["outcome"].unique()) >= {"returned", "rejected", "withdrawn"}
    assert set(result.cases["channel"].unique()) == {"in_person", "online_full",
                                                     "online_partial", "public_postal"}
    calls = []
    simulate(centre(), start="2024-02-01", end="2024-02-10", seed=1, progress=calls.append)
    assert calls[0] == 0.0 and calls[-1] == 1.0 and calls == sorted(calls)


def test_stop_at_horizon_leaves_open_dossiers():
    model = centre()
    result = simulate(model, start="2024-03-01", end="2024-03-15", seed=2, drain=False)
    assert (result.cases["outcome"] == "open").any()
    end = pd.Timestamp("2024-03-15", tz="Asia/Ho_Chi_Minh")
    assert (result.events["timestamp"] <= end).all()


def test_tet_surge_and_lull():
    model = station(40, 5.0, 2)
    model.procedures[0].arrivals = ArrivalProfile(per_working_day=40, tet_surge=2.0,
                                                  tet_lull=0.25, tet_surge_days=14,
                                                  tet_lull_days_after=7)
    result = simulate(model, start="2024-01-01", end="2024-04-01", seed=4)
    day = result.cases["submitted_at"].dt.tz_convert("Asia/Ho_Chi_Minh").dt.normalize()
    per_day = day.value_counts()
    # Tết 2024: the days off run from Thu 8 to Wed 14 February (holidays package)
    before = per_day[(per_day.index >= "2024-01-25") & (per_day.index < "2024-02-08")].mean()
    after = per_day[(per_day.index >= "2024-02-15") & (per_day.index <= "2024-02-21")].mean()
    normal = per_day[(per_day.index >= "2024-03-01")].mean()
    assert before > 1.6 * normal
    assert after < 0.5 * normal


# -- errors ----------------------------------------------------------------------------------------

def _broken(edit) -> dict:
    data = centre().to_dict()
    edit(data)
    return data


@pytest.mark.parametrize(("edit", "field", "words"), [
    (lambda d: d["processes"][0]["steps"][4].update(pool="handlr"),
     "processes[0].steps[4].pool", "perhaps 'handler'"),
    (lambda d: d["processes"][0]["transitions"][7].update(probability=0.5),
     "processes[0].transitions[7]", "sum"),
    (lambda d: d["pools"][0].update(capacty=3), "pools[0].capacty", "unknown field"),
    (lambda d: d["pools"][1].update(capacity=0), "pools[1].capacity", "capacity"),
    (lambda d: d["pools"][1].update(capacity="two"), "pools[1].capacity", "whole number"),
    (lambda d: d["procedures"][0].update(legal_days=2.3), "procedures[0].legal_days", "half"),
    (lambda d: d["procedures"][0]["channels"].update(in_person=0.9),
     "procedures[0].channels", "sum to"),
    (lambda d: d["procedures"][0]["channels"].update(counter=0.0),
     "procedures[0].channels.counter", "unknown"),
    (lambda d: d["procedures"][1].update(process="transfer"), "procedures[1].process",
     "five_on_spot"),
    (lambda d: d["batches"][0].update(release_times=["12:00"]),
     "batches[0].release_times[0]", "outside the office sessions"),
    (lambda d: d["processes"][0]["steps"][4].update(activity="apprise"),
     "processes[0].steps[4].activity", "perhaps 'appraise'"),
    (lambda d: d["processes"][0]["steps"][4]["duration"].update(kind="weibull"),
     "processes[0].steps[4].duration.kind", "unknown"),
    (lambda d: d["processes"][0]["steps"][4]["duration"].update(mean=-5),
     "processes[0].steps[4].duration.mean", "out of range"),
    (lambda d: d["processes"][1]["transitions"].__setitem__(
        4, {"source": "deliver_result", "target": "receive"}),
     "processes[1].transitions", "never reach 'end'"),
    (lambda d: d["procedures"][0]["arrivals"].update(weekday_weights=[1, 1, 1]),
     "procedures[0].arrivals.weekday_weights", "7"),
    (lambda d: d["pools"][0].update(out_of_hours=[]),
     "procedures[0].arrivals.weekday_weights", "out_of_hours"),
    (lambda d: d.pop("pools"), "pools", "required"),
])
def test_bad_model_input_gives_a_clear_error(tmp_path, edit, field, words):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(_broken(edit), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        Model.from_json(path)
    error = caught.value
    assert isinstance(error, DossierflowError)
    assert error.field == field
    assert words in str(error)
    assert str(path) in str(error) and "How to fix:" in str(error)


def test_unreadable_model_file_and_bad_horizon(tmp_path):
    path = tmp_path / "model.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="not valid UTF-8 JSON"):
        Model.from_json(path)
    with pytest.raises(ModelError, match="does not exist"):
        Model.from_json(tmp_path / "missing.json")
    with pytest.raises(SimulationError, match="before it starts"):
        simulate(centre(), start="2024-02-01", end="2024-01-01", seed=1)


def test_overloaded_model_says_so():
    model = station(2000, 60.0, 1)  # 120,000 minutes of work a day for one officer
    with pytest.raises(SimulationError, match="overloaded"):
        simulate(model, start="2024-01-01", end="2024-01-20", seed=1)
    result = simulate(model, start="2024-01-01", end="2024-01-20", seed=1, drain=False)
    assert (result.cases["outcome"] == "open").mean() > 0.8
    assert result.pools["utilisation"].iloc[0] > 0.95


def test_case_ids_follow_agency_date_sequence():
    result = simulate(station(30, 5, 2), start="2024-03-04", end="2024-03-06", seed=1)
    ids = result.cases["case_id"]
    assert ids.str.fullmatch(r"SYT-2403(04|05)-\d{4}").all()
    first_day = ids[ids.str.contains("-240304-")]
    numbers = first_day.str[-4:].astype(int).sort_values()
    assert list(numbers) == list(range(1, len(numbers) + 1))
    assert re.fullmatch(r"TTPV-counter_officer-0[12]",
                        str(result.events["resource"].iloc[0]))

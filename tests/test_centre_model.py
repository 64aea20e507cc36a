"""Tests of the hand-calibrated Bắc Ninh centre model (dossierflow.simulation.sample.centre_model).

The calibration test runs the full sample (17/5/2017 – 31/8/2023) in a child process, which
also reports its run time and peak memory; the fast tests simulate a month or two.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dossierflow.mining.vocabulary import TZ
from dossierflow.simulation.engine import model_calendar, simulate
from dossierflow.simulation.model import Model
from dossierflow.simulation.sample import catalogue
from dossierflow.simulation.sample.centre_calibration import ALLOWED_OUTSIDE_HOURS
from dossierflow.simulation.sample.centre_model import centre_model, sample_period

ROOT = Path(__file__).resolve().parents[1]
MEMORY_LIMIT_MIB = 4096  # the ceiling for `dossierflow sample --full`


@pytest.fixture(scope="module")
def model() -> Model:
    return centre_model()


@pytest.fixture(scope="module")
def month(model):
    return simulate(model, start="2023-03-01", end="2023-04-01", seed=3)


def _local(stamps: pd.Series) -> pd.Series:
    return stamps.dt.tz_convert(TZ).dt.tz_localize(None)


# -- the full sample -------------------------------------------------------------------------------

@pytest.mark.slow
def test_full_sample_reproduces_the_article():
    """The article's figures, measured on the full sample in a child process (so that its peak
    memory is its own). Events outside office hours or on days off are allowed only for
    ALLOWED_OUTSIDE_HOURS: submit_online (a citizen submits at any time), and the end of a
    citizen's wait, supplement_received and withdraw; every other event, its start and its end,
    lies in an office session of a working day
    (dossierflow.mining.log.working_time.WorkCalendar)."""
    out = subprocess.run([sys.executable, "-m", "dossierflow.simulation.sample.centre_calibration",
                          "--full", "--seed", "1", "--json"], cwd=ROOT, capture_output=True,
                         text=True, timeout=900)
    assert out.returncode == 0, out.stderr[-3000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    table = pd.DataFrame(report["figures"])
    print()
    print(f"Full sample {report['period'][0]} – {report['period'][1]} (end exclusive), seed "
          f"{report['seed']}: {report['cases']:,} dossiers, {report['events']:,} events; "
          f"model {report['seconds_model']:.1f} s, simulation {report['seconds_simulate']:.1f} s,"
          f" peak memory {report['peak_rss_mib']:,.0f} MiB")
    with pd.option_context("display.width", 200, "display.max_colwidth", 80):
        shown = table.assign(tolerance=[_tolerance(t, lo, hi) for t, lo, hi in
                                        zip(table["target"], table["low"], table["high"])])
        print(shown[["figure", "target", "tolerance", "measured", "period"]]
              .to_string(index=False, float_format=lambda v: f"{v:,.2f}"))
    print("allowed outside office hours:", ", ".join(ALLOWED_OUTSIDE_HOURS))
    failed = table[~table["ok"]]
    assert failed.empty, failed.to_string()
    assert report["violations"] == {}, report["violations"]
    assert report["peak_rss_mib"] < MEMORY_LIMIT_MIB
    busy = pd.DataFrame(report["utilisation"]).set_index("pool_id")["utilisation"]
    assert busy.max() < 0.9  # no pool is overloaded over the whole history


def _tolerance(target, low, high) -> str:
    if pd.isna(target):
        return "(information)"
    if pd.isna(high):
        return f"> {target:,.0f}" if low > target else f">= {low:,.0f}"
    return f"{low:g} – {high:g}"


# -- fast tests ------------------------------------------------------------------------------------

def test_sample_periods():
    assert sample_period() == (pd.Timestamp("2022-09-01"), pd.Timestamp("2023-09-01"))
    assert sample_period(True) == (pd.Timestamp("2017-05-17"), pd.Timestamp("2023-09-01"))


def test_model_covers_the_catalogue(model):
    procedures = catalogue.procedures()
    reforms = catalogue.reforms()
    log_ids = {p.output_id for p in model.procedures}
    assert log_ids == set(procedures["procedure_id"].astype(str))
    # one version per legal time: the first, then one per reform
    versions = pd.Series([p.output_id for p in model.procedures]).value_counts().to_dict()
    cuts = reforms["procedure_id"].astype(str).value_counts().to_dict()
    assert versions == {pid: cuts.get(pid, 0) + 1
                        for pid in procedures["procedure_id"].astype(str)}
    assert {p.model for p in model.procedures} == {"transfer", "five_on_spot"}
    pools = {p.role for p in model.pools}
    assert pools == {"counter_officer", "clerk", "handler", "division_head", "dept_leader"}


def test_same_seed_same_log(model):
    one = simulate(model, start="2023-06-05", end="2023-06-19", seed=3)
    again = simulate(model, start="2023-06-05", end="2023-06-19", seed=3)
    pd.testing.assert_frame_equal(one.events, again.events)
    pd.testing.assert_frame_equal(one.cases, again.cases)
    other = simulate(model, start="2023-06-05", end="2023-06-19", seed=4)
    assert len(other.cases) != len(one.cases) or not other.cases["due_at"].equals(
        one.cases["due_at"])


def test_dossier_ids_look_real(month):
    """<agency code>-<yymmdd of submission>-<sequence of the agency that day, from 0001>."""
    cases = month.cases
    codes = catalogue.agencies().set_index("agency_id")["code"].astype(str)
    ids = cases["case_id"].astype(str)
    assert ids.is_unique
    parts = ids.str.extract(r"^([A-Z]+)-(\d{6})-(\d{4})$")
    assert parts.notna().all().all(), ids[parts[0].isna()].head()
    assert (parts[0] == codes.reindex(cases["agency"].astype(str)).to_numpy()).all()
    assert (parts[1] == _local(cases["submitted_at"]).dt.strftime("%y%m%d")).all()
    numbers = parts.assign(n=parts[2].astype(int)).groupby([0, 1])["n"]
    assert (numbers.min() == 1).all()
    assert (numbers.max() == numbers.size()).all()
    assert re.fullmatch(r"SGTVT-2303\d\d-\d{4}", ids[cases["agency"] == "DEPT_TRANSPORT"].iloc[0])


def test_channels_and_processes_look_like_the_centre(month):
    cases, ev = month.cases, month.events
    share = cases["channel"].value_counts(normalize=True)
    assert 0.45 < share["online_full"] + share["online_partial"] < 0.62
    assert share["online_full"] < 0.10  # fully online stays under 10 % (docs/domain.md §3)
    assert 0.4 < cases["digitised"].mean() < 0.75
    # 5 tại chỗ dossiers stay at the centre and take minutes to hours
    five = cases[(cases["model"] == "five_on_spot") & (cases["outcome"] == "returned")]
    five_events = ev[ev["case_id"].isin(five["case_id"])]
    assert set(five_events["activity"].astype(str)) >= {"receive", "appraise_approve_on_spot",
                                                         "deliver_result"}
    assert not five_events["activity"].isin(["transfer_to_agency", "return_to_centre"]).any()
    lead = (five["finished_at"] - five["received_at"]).dt.total_seconds() / 3600
    assert lead.median() < 2
    # transfer dossiers: paper moves in the courier's batches, electronic ones at once
    transfer = ev[ev["activity"] == "transfer_to_agency"]
    of = cases.set_index("case_id").loc[transfer["case_id"].astype(str)]
    paper = (~of["digitised"] & of["channel"].isin(["in_person", "public_postal"])).to_numpy()
    courier = paper & (of["legal_days"] >= 3).to_numpy()  # shorter ones go by a runner
    clock = _local(transfer["start_timestamp"]).dt.strftime("%H:%M:%S")
    assert courier.sum() > 500
    assert clock[courier].isin(["09:30:00", "15:00:00"]).all()
    assert (~clock[~paper].isin(["09:30:00", "15:00:00"])).mean() > 0.95
    # the supplement loop: once at most, the citizen's time paused out of the legal time
    assert cases["n_supplement_requests"].max() == 1
    supplemented = cases[(cases["n_supplement_requests"] == 1) & (cases["outcome"] == "returned")]
    assert len(supplemented) > 100 and (supplemented["paused_minutes"] > 0).all()
    assert {"rejected", "withdrawn", "returned"} <= set(cases["outcome"].astype(str))
    assert (ev["activity"] == "apology_reschedule").any()
    on_time = (cases["finished_at"] <= cases["due_at"]).mean()
    assert 0.98 < on_time < 1.0


def _intake_day(cases: pd.DataFrame, model: Model) -> pd.Series:
    """The day the legal clock starts: the submission day when the office is open, else the
    next working day (the day on which the engine picks a procedure's version)."""
    calendar = model_calendar(model, 2017, 2025)
    submitted = _local(cases["submitted_at"])
    clock = calendar.to_clock(submitted)
    return pd.Series(calendar.from_clock(clock + 1e-6).tz_localize(None).normalize(),
                     index=cases.index)


def _moved_procedure(model: Model, kind: str) -> tuple[str, pd.Timestamp]:
    """The busiest procedure whose last reform (of ``kind``) takes effect in 2020–2022."""
    reforms = catalogue.reforms()
    weights = catalogue.procedures().set_index("procedure_id")["demand_weight"]
    cuts = reforms[(reforms["kind"] == kind)
                   & reforms["effective_date"].between("2020-03-01", "2022-10-01")]
    cuts = cuts.assign(weight=weights.reindex(cuts["procedure_id"]).to_numpy())
    row = cuts.sort_values("weight").iloc[-1]
    return str(row["procedure_id"]), pd.Timestamp(row["effective_date"])


@pytest.mark.parametrize("kind", ["five_on_spot", "time_cut"])
def test_reforms_take_effect_at_their_dates(model, kind):
    """A procedure moved to 5 tại chỗ has five_on_spot dossiers only from the reform's date on,
    and the legal time changes on that date, as catalogue.legal_days_at says."""
    procedure, effective = _moved_procedure(model, kind)
    versions = [p for p in model.procedures if p.output_id == procedure]
    assert len(versions) >= 2
    small = Model(**{**model.__dict__, "procedures": versions})
    result = simulate(small, start=effective - pd.Timedelta(days=45),
                      end=effective + pd.Timedelta(days=45), seed=7)
    cases = result.cases[result.cases["outcome"] != "rejected"]
    assert (cases["procedure_id"].astype(str) == procedure).all()
    intake = _intake_day(cases, small)
    before, after = cases[intake < effective], cases[intake >= effective]
    assert len(before) > 20 and len(after) > 20
    expected = catalogue.legal_days_at(pd.DataFrame({"procedure_id": cases["procedure_id"]
                                                     .astype(str), "day": intake}), "day")
    assert np.allclose(cases["legal_days"].to_numpy(), expected.to_numpy())
    old = catalogue.legal_days_at(procedure, effective - pd.Timedelta(days=1))
    new = catalogue.legal_days_at(procedure, effective)
    assert new < old
    assert (before["legal_days"] == old).all() and (after["legal_days"] == new).all()
    # the legal time in force on the day of receipt (counter queues never cross a night here)
    at_receipt = catalogue.legal_days_at(pd.DataFrame({
        "procedure_id": cases["procedure_id"].astype(str), "day": cases["received_at"]}), "day")
    assert np.allclose(cases["legal_days"].to_numpy(), at_receipt.to_numpy())
    if kind == "five_on_spot":
        assert (before["model"] == "transfer").all()
        assert (after["model"] == "five_on_spot").all()
        spot = result.events[result.events["case_id"].isin(after["case_id"])]
        assert not spot["activity"].isin(["transfer_to_agency", "assign_handler"]).any()
        assert spot["activity"].eq("appraise_approve_on_spot").sum() == (
            after["outcome"] == "returned").sum()
    else:
        assert set(cases["model"].astype(str)) == {"transfer"}
        due_days = model_calendar(small, 2017, 2025).working_days_between(
            after["received_at"], after["due_at"]) - after["paused_minutes"] / 450.0
        assert np.allclose(due_days[after["legal_days"] > 0], new)


def test_model_round_trips_through_json(model, tmp_path):
    path = model.to_json(tmp_path / "centre.json")
    loaded = Model.from_json(path)
    assert loaded == model
    assert loaded.to_json(tmp_path / "again.json").read_bytes() == path.read_bytes()
    # versions, staffing changes and time-varying shares survive the trip
    moved = next(p for p in loaded.procedures if p.model == "five_on_spot" and p.active_from)
    assert moved.log_id and moved.channels_over_time and moved.p_digitised_over_time
    assert any(p.capacity_changes for p in loaded.pools)
    a = simulate(model, start="2023-05-02", end="2023-05-04", seed=2)
    b = simulate(loaded, start="2023-05-02", end="2023-05-04", seed=2)
    pd.testing.assert_frame_equal(a.events, b.events)


def test_scale_and_seed_change_the_model(model):
    small = centre_model(scale=0.1)
    assert sum(p.capacity for p in small.pools) < sum(p.capacity for p in model.pools)
    result = simulate(small, start="2023-03-01", end="2023-03-15", seed=1)
    assert 200 < len(result.cases) < 1_000
    other = centre_model(seed=2)
    assert [p.channels for p in other.procedures] != [p.channels for p in model.procedures]


# -- engine features the centre model relies on ----------------------------------------------------

def _station(**pool) -> Model:
    from dossierflow.simulation.model import (
        ArrivalProfile,
        Deadlines,
        Duration,
        Procedure,
        Process,
        ResourcePool,
        Step,
        Transition,
    )

    return Model(
        pools=[ResourcePool(id="desk", agency="SYT", role="handler", **pool)],
        processes=[Process(id="p", steps=[
            Step(id="receive", duration=Duration(kind="exponential", mean=60), pool="desk")],
            transitions=[Transition(source="start", target="receive"),
                         Transition(source="receive", target="end")])],
        procedures=[Procedure(id="P1", agency="SYT", legal_days=0, process="p",
                              arrivals=ArrivalProfile(per_working_day=20, tet_surge=1.0,
                                                      tet_lull=1.0))],
        deadlines=Deadlines(apology=False, same_day_cutoff="15:00"))


def _max_overlap(events: pd.DataFrame) -> int:
    moments = np.concatenate([events["start_timestamp"].to_numpy(),
                              events["timestamp"].to_numpy()])
    steps = np.concatenate([np.ones(len(events)), -np.ones(len(events))])
    order = np.lexsort((steps, moments))  # an end before a start at the same moment
    return int(np.cumsum(steps[order]).max())


def test_staffing_changes_and_concurrent_files():
    model = _station(capacity=1, concurrency=2, capacity_changes={"2024-03-01": 3},
                     names=["An", "Bình", "Châu"])
    result = simulate(model, start="2024-02-01", end="2024-04-01", seed=1)
    ev = result.events
    month = _local(ev["start_timestamp"]).dt.month
    february, march = ev[(month == 2) & (_local(ev["timestamp"]).dt.month == 2)], ev[month == 3]
    assert set(february["resource"].astype(str)) == {"An"}
    assert set(march["resource"].astype(str)) == {"An", "Bình", "Châu"}
    assert _max_overlap(february) == 2  # one officer, two files at once
    assert 2 < _max_overlap(march) <= 6
    pools = result.pools.iloc[0]
    assert pools["capacity"] == 3 and pools["places"] == 6
    assert 0 < pools["utilisation"] < 1


def test_same_day_dossiers_received_late_are_due_next_working_day():
    result = simulate(_station(capacity=4), start="2024-03-04", end="2024-03-09", seed=2)
    cases = result.cases.dropna(subset=["received_at"])
    received, due = _local(cases["received_at"]), _local(cases["due_at"])
    late = received.dt.hour >= 15
    assert late.any() and (~late).any()
    assert (due.dt.strftime("%H:%M") == "17:00").all()
    assert (due[~late].dt.normalize() == received[~late].dt.normalize()).all()
    next_day = received[late].dt.normalize() + pd.offsets.BDay(1)
    assert (due[late].dt.normalize() == next_day).all()

"""Sanity of the independent SimPy ground-truth centre (tests/support/simpy_centre.py).

The centre judges dossierflow's discovery and simulation, so it must itself be right: same seed,
same log; reforms change only what they should (common random numbers); the departments are as
busy and as punctual as designed; the working-time clock follows the Vietnamese calendar; and
its two CSV files import with the project's own CLI.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.support import simpy_centre as sc

SEED = 11
START, END = "2022-11-01", "2024-01-01"  # run_centre's default window
SHORT = {"start": "2023-03-01", "end": "2023-07-01"}
TRANSFER = ["TP01", "TP02", "TP03", "XD01", "XD02", "XD03", "YT01", "YT02"]
FASTEST, RARE = ["TP01", "YT02"], ["TP03", "XD03"]


@pytest.fixture(scope="module")
def base():
    return sc.run_centre(SEED)


@pytest.fixture(scope="module")
def short():
    return sc.run_centre(SEED, **SHORT)


def _wall(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz=sc.TZ)


def test_workclock_round_trips_and_calendar():
    clock = sc.workclock()
    monday = clock.to_clock("2023-03-06 07:30")
    inside = monday + np.random.default_rng(0).uniform(0, 5 * sc.DAY, 500)
    assert np.allclose(clock.clocks(clock.walls(inside)), inside, rtol=0, atol=1e-6)
    for x in monday + np.arange(0, 5 * sc.DAY, 7.0):
        assert clock.to_clock(clock.to_wall(x)) == x
    # session ends map to the end, or with opening=True to the next opening
    assert clock.to_wall(monday + sc.DAY) == _wall("2023-03-06 17:00")
    assert clock.to_wall(monday + sc.DAY, opening=True) == _wall("2023-03-07 07:30")
    assert clock.to_wall(monday + 240) == _wall("2023-03-06 11:30")
    assert clock.to_wall(monday + 240, opening=True) == _wall("2023-03-06 13:30")
    # outside hours: the next opening
    assert clock.to_clock("2023-03-04 10:00") == monday  # a Saturday
    assert clock.to_wall(clock.to_clock("2023-03-04 10:00"), opening=True) == \
        _wall("2023-03-06 07:30")
    assert clock.to_clock("2023-03-06 12:15") == monday + 240
    assert clock.to_clock("2023-03-05 22:00+07:00") == monday
    assert clock.to_clock(_wall("2023-03-06 02:00").tz_convert("UTC")) == monday
    # Tết 2023 (Fri 20 – Thu 26 January) is skipped
    assert clock.to_clock("2023-01-20 09:00") == clock.to_clock("2023-01-27 07:30")
    eve = clock.to_clock("2023-01-19 17:00")
    assert clock.to_wall(eve) == _wall("2023-01-19 17:00")
    assert clock.to_wall(eve + 1) == _wall("2023-01-27 07:31")
    # calendar_overrides.csv: Saturday 26/4/2025 worked, Friday 2/5/2025 off
    assert clock.to_clock("2025-04-26 08:30") == clock.to_clock("2025-04-26 07:30") + 60
    assert clock.to_clock("2025-05-02 09:00") == clock.to_clock("2025-05-05 07:30")


def test_same_seed_same_log(short):
    events, cases = sc.run_centre(SEED, **SHORT)
    pd.testing.assert_frame_equal(events, short[0])
    pd.testing.assert_frame_equal(cases, short[1])
    other = sc.run_centre(SEED + 1, **SHORT)[1]
    assert len(other) != len(cases) or not other["received_at"].equals(cases["received_at"])


def test_log_shape(base):
    events, cases = base
    assert list(events) == ["case_id", "activity", "timestamp", "start_timestamp", "resource",
                            "agency"]
    assert list(cases) == ["case_id", "procedure_id", "procedure_name", "channel", "digitised",
                           "model", "received_at", "due_at"]
    for column in ("received_at", "due_at"):
        assert str(cases[column].dt.tz) == sc.TZ
    assert str(events["timestamp"].dt.tz) == sc.TZ
    assert cases["received_at"].between(_wall(START), _wall(END), inclusive="left").all()
    assert set(events["case_id"]) == set(cases["case_id"])
    submit = events["activity"].eq("submit_online")
    assert events.loc[~submit, "agency"].notna().all()
    assert events.loc[submit, ["resource", "agency", "start_timestamp"]].isna().all().all()
    assert (events.loc[~submit, "start_timestamp"] <= events.loc[~submit, "timestamp"]).all()
    online = set(cases.loc[cases["channel"].eq("online_partial"), "case_id"])
    assert set(events.loc[submit, "case_id"]) == online
    assert (events["activity"].eq("deliver_result").groupby(events["case_id"]).sum() == 1).all()
    assert 0.5 < cases["channel"].eq("in_person").mean() < 0.6
    assert not cases.loc[cases["channel"].eq("online_partial"), "digitised"].eq(False).any()
    print("dossiers per procedure:", cases["procedure_id"].value_counts().sort_index().to_dict())


def test_without_start_times(short):
    events, cases = sc.run_centre(SEED, start_times=False, **SHORT)
    assert "start_timestamp" not in events
    pd.testing.assert_frame_equal(events, short[0].drop(columns="start_timestamp"))
    pd.testing.assert_frame_equal(cases, short[1])


def test_busy_shares_and_on_time(base):
    events, cases = base
    handlers = sc.busy(events, START, END)
    leaders = sc.busy(events, START, END, "leader")
    print("handlers busy:", handlers, "leaders busy:", leaders)
    assert sorted(handlers) == sorted(a.name for a in sc.AGENCIES.values())
    assert all(0.64 <= share <= 0.83 for share in handlers.values())
    assert all(share < 0.6 for share in leaders.values())
    on_time = {p: sc.truth(events, cases, [p], START, END)["on_time_rate"]
               for p in sorted(cases["procedure_id"].unique())}
    print("on time:", {p: round(v, 3) for p, v in on_time.items()})
    for p in TRANSFER:
        low, high = (0.85, 0.92) if p in FASTEST else (0.8, 0.97) if p in RARE else (0.85, 0.95)
        assert low <= on_time[p] <= high, p
    spot = sc.truth(events, cases, ["TP05", "YT05"], START, END)
    assert spot["on_time_rate"] > 0.97 and spot["lead_time_working_days_median"] < 0.25
    ready = events[events["activity"].eq("appraise_approve_on_spot")].set_index("case_id")
    received = cases.set_index("case_id").loc[ready.index, "received_at"]
    assert (ready["timestamp"].dt.date == received.dt.date).mean() > 0.8


def test_deadline_cut_moves_due_dates_only(short):
    events, cases = sc.run_centre(SEED, reform="deadline_cut", **SHORT)
    pd.testing.assert_frame_equal(events, short[0])
    pd.testing.assert_frame_equal(cases.drop(columns="due_at"), short[1].drop(columns="due_at"))
    cut = cases["procedure_id"].isin(sc.CUT)
    assert cut.any()
    assert cases.loc[~cut, "due_at"].equals(short[1].loc[~cut, "due_at"])
    clock = sc.workclock()
    moved = clock.clocks(short[1].loc[cut, "due_at"]) - clock.clocks(cases.loc[cut, "due_at"])
    assert np.allclose(moved, sc.CUT_DAYS * sc.DAY, atol=1 / 60)


def test_five_on_spot_moves_only_the_named_procedures(short):
    events, cases = sc.run_centre(SEED, reform="five_on_spot", **SHORT)
    both = cases.merge(short[1], on="case_id", suffixes=("", "_base"))
    assert len(both) >= 0.99 * max(len(cases), len(short[1]))
    for column in ("procedure_id", "channel", "digitised"):
        assert both[column].equals(both[f"{column}_base"])
    moved = both["procedure_id"].isin(sc.MOVED)
    assert both.loc[moved, "model"].eq("five_on_spot").all()
    assert both.loc[~moved, "model"].equals(both.loc[~moved, "model_base"])
    ids = set(cases.loc[cases["procedure_id"].isin(sc.MOVED), "case_id"])
    assert not events[events["case_id"].isin(ids)]["activity"].isin(
        ["transfer_to_agency", "appraise", "approve_sign", "return_to_centre"]).any()
    desks = events.loc[events["activity"].eq("appraise_approve_on_spot"), "resource"]
    assert sorted(desks.unique()) == ["HEALTH-on-spot-01", "HEALTH-on-spot-02",
                                      "JUSTICE-on-spot-01", "JUSTICE-on-spot-02"]
    after = sc.truth(events, cases, sc.MOVED, **SHORT)
    before = sc.truth(*short, sc.MOVED, **SHORT)
    print("five_on_spot", before, after)
    assert after["lead_time_working_days_median"] < 0.5 < before["lead_time_working_days_median"]


def test_extra_handler_shortens_construction(short):
    events, cases = sc.run_centre(SEED, reform="extra_handler", **SHORT)
    handlers = events.loc[events["resource"].str.startswith("CONSTRUCTION-handler", na=False),
                          "resource"].unique()
    assert len(handlers) == sc.AGENCIES["CONSTRUCTION"].handlers + 1
    same = ["case_id", "procedure_id", "channel", "digitised", "model"]
    assert len(cases) >= 0.99 * len(short[1])
    assert cases[same].merge(short[1][same], how="outer", indicator=True)["_merge"].value_counts()[
        "both"] >= 0.99 * len(short[1])
    xd = ["XD01", "XD02", "XD03"]
    after, before = sc.truth(events, cases, xd, **SHORT), sc.truth(*short, xd, **SHORT)
    print("extra_handler", before, after)
    assert after["lead_time_working_days_median"] < before["lead_time_working_days_median"]


def test_truth_reads_the_written_csv(short, tmp_path):
    events_csv, cases_csv = sc.write_log(*short, tmp_path)
    events = pd.read_csv(events_csv, encoding="utf-8")
    cases = pd.read_csv(cases_csv, encoding="utf-8")
    assert events["timestamp"].str.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$").all()
    for procedures in (sc.CUT, sc.MOVED, ["TP05", "YT05"]):
        assert sc.truth(events, cases, procedures, **SHORT) == \
            sc.truth(*short, procedures, **SHORT)


def test_csv_import_with_project_cli(short, tmp_path):
    cli = Path(sys.executable).with_name("dossierflow")
    cli = str(cli) if cli.exists() else shutil.which("dossierflow")
    if cli is None:
        pytest.skip("the dossierflow CLI is not installed")
    events_csv, cases_csv = sc.write_log(*short, tmp_path / "log")
    home = tmp_path / "home"
    out = subprocess.run([cli, "import", str(events_csv), "--cases", str(cases_csv),
                          "--name", "simpy_centre"], capture_output=True, text=True,
                         env={**os.environ, "DOSSIERFLOW_HOME": str(home)},
                         timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    for column in list(short[0]) + list(short[1]):
        assert f"{column} <- '{column}' (automatic)" in out.stdout, column
    assert f"{len(short[1]):,} cases, {len(short[0]):,} events" in out.stdout
    assert (home / "simpy_centre.duckdb").exists()

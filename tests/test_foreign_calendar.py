"""A log from another country (issue 16, item 3): hundreds of activity codes, times from
Europe/Amsterdam, Dutch office hours and holidays. `mine` and `simulate` succeed on it and print
their notes; discovery never emits a model it cannot run; the calendar (country, time zone,
office hours) is chosen in the mapping file or on the command line, stated in the report and
kept with the workspace."""

from __future__ import annotations

import json

import holidays
import numpy as np
import pandas as pd
import pytest

from tests.support.cli import run

ZONE = "Europe/Amsterdam"
SCENARIO = """\
scenarios:
  - name: More demand
    changes:
      - demand: {factor: 1.2}
"""
MAPPING = {"calendar": {"country": "NL", "timezone": ZONE, "sessions": [["09:00", "17:00"]]}}


def foreign_log(path, *, offsets: bool = True, cases: int = 500, seed: int = 3) -> pd.DataFrame:
    """A Dutch municipality's log: dossiers received in office hours (09:00–17:00, working
    days of NL), ~300 activity codes, half the steps registered by an evening run as a bare
    date (local midnight, as such exports write dates); times with their UTC offsets (or
    naive wall-clock times of Amsterdam)."""
    rng = np.random.default_rng(seed)
    dutch = holidays.country_holidays("NL", years=[2022, 2023])
    days = [d for d in pd.bdate_range("2022-01-03", "2023-02-28") if d.date() not in dutch]
    codes = [f"{g:02d}_HOOFD_{k:03d}" for g in range(1, 7) for k in range(0, 500, 10)]
    rows = []
    for c in range(cases):
        i = int(rng.integers(0, len(days) - 30))
        rows.append((f"case-{c:05d}", "01_HOOFD_010",
                     days[i] + pd.Timedelta(minutes=int(rng.integers(9 * 60, 16 * 60)))))
        for _ in range(int(rng.integers(4, 9))):
            i += int(rng.integers(1, 4))
            if rng.random() < 0.5:
                rows.append((f"case-{c:05d}", "01_HOOFD_030", days[i]))
            else:
                rows.append((f"case-{c:05d}", codes[int(rng.integers(len(codes)))],
                             days[i] + pd.Timedelta(minutes=int(rng.integers(9 * 60, 17 * 60)))))
    frame = pd.DataFrame(rows, columns=["case:concept:name", "concept:name", "time:timestamp"])
    stamps = pd.DatetimeIndex(frame["time:timestamp"])
    frame["time:timestamp"] = ([s.isoformat() for s in stamps.tz_localize(ZONE)] if offsets
                               else stamps.strftime("%Y-%m-%d %H:%M:%S"))
    frame["org:resource"] = [f"Resource{k}" for k in rng.integers(1, 20, len(frame))]
    frame.to_csv(path, index=False)
    return frame


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("foreign")
    frame = foreign_log(folder / "gemeente.csv")
    assert frame["concept:name"].nunique() >= 250
    (folder / "scenario.yaml").write_text(SCENARIO, encoding="utf-8")
    (folder / "mapping.json").write_text(json.dumps(MAPPING), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def default_import(folder):
    """The log imported as a new user does: no calendar chosen (Vietnam's)."""
    out = run("import", folder / "gemeente.csv", "--name", "gemeente", home=folder / "home")
    assert out.returncode == 0, out.stderr
    return out


@pytest.fixture(scope="module")
def dutch_import(folder):
    """The log imported with its calendar chosen in the mapping file."""
    out = run("import", folder / "gemeente.csv", "--name", "gemeente_nl", "--mapping",
              folder / "mapping.json", home=folder / "home")
    assert out.returncode == 0, out.stderr
    return out


@pytest.mark.slow
def test_simulate_succeeds_on_a_foreign_log_and_prints_its_notes(folder, default_import):
    out = run("simulate", "gemeente", "--scenario", folder / "scenario.yaml",
              "--replications", 2, "--out", folder / "sim", home=folder / "home")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    assert "note: calendar: public holidays of VN" in out.stdout
    # the evening run's dates, read in Vietnam's zone, are at 05:00/06:00: no batch then
    assert "outside the office hours, are not modelled as batches" in out.stdout
    model = json.loads((folder / "sim" / "model.json").read_text(encoding="utf-8"))
    assert model["batches"] == []


def test_the_report_states_the_calendar_and_questions_a_wrong_zone(default_import):
    assert "calendar: public holidays of VN, time zone Asia/Ho_Chi_Minh" in default_import.stdout
    assert "(the default;" in default_import.stdout
    assert "fall outside these office hours in Asia/Ho_Chi_Minh" in default_import.stdout


def test_a_calendar_chosen_in_the_mapping_file_is_stated_and_kept(folder, dutch_import):
    from dossierflow.mining.log.workspace import open_workspace

    assert ("calendar: public holidays of NL, time zone Europe/Amsterdam, office hours "
            "09:00–17:00") in dutch_import.stdout
    assert "fall outside these office hours" not in dutch_import.stdout
    assert "from 2022-01-03T09:" in dutch_import.stdout  # times shown in Amsterdam's zone
    calendar = open_workspace(folder / "home" / "gemeente_nl.duckdb").calendar
    assert (calendar.country, calendar.timezone) == ("NL", ZONE)
    assert not calendar.is_working_day(["2022-04-27"])[0]  # King's Day
    assert calendar.is_working_day(["2022-09-02"])[0]  # Vietnam's national day


@pytest.mark.slow
def test_simulate_runs_on_the_chosen_calendar(folder, dutch_import):
    out = run("simulate", "gemeente_nl", "--scenario", folder / "scenario.yaml",
              "--replications", 2, "--out", folder / "sim_nl", home=folder / "home")
    assert out.returncode == 0, out.stderr
    assert "note: calendar: public holidays of NL, time zone Europe/Amsterdam" in out.stdout
    assert "read as dates without a time of day" in out.stdout
    model = json.loads((folder / "sim_nl" / "model.json").read_text(encoding="utf-8"))
    assert model["calendar"]["country"] == "NL" and model["calendar"]["timezone"] == ZONE
    assert model["calendar"]["sessions"] == [["09:00", "17:00"]]
    asis = json.loads((folder / "sim_nl" / "asis.json").read_text(encoding="utf-8"))
    assert asis  # the as-is check ran against the log


@pytest.mark.slow
def test_mine_succeeds_on_a_foreign_log(folder, dutch_import):
    out = run("mine", "gemeente_nl", "--out", folder / "mined", home=folder / "home")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    for name in ("kpis.json", "dfg.csv", "variants.csv"):
        assert (folder / "mined" / name).is_file()
    assert "note:" in out.stdout.lower()  # what it had to simplify is said


def test_calendar_options_on_the_command_line(tmp_path):
    foreign_log(tmp_path / "naive.csv", offsets=False, cases=40)
    out = run("import", tmp_path / "naive.csv", "--country", "NL", "--timezone", ZONE,
              "--office-hours", "09:00-12:00,13:00-17:00", home=tmp_path / "home")
    assert out.returncode == 0, out.stderr
    assert ("calendar: public holidays of NL, time zone Europe/Amsterdam, office hours "
            "09:00–12:00, 13:00–17:00") in out.stdout
    # times without an offset are wall-clock times of the chosen zone
    assert "read as Europe/Amsterdam local time" in out.stdout
    first = pd.read_csv(tmp_path / "naive.csv")["time:timestamp"].min()
    assert f"from {pd.Timestamp(first).tz_localize(ZONE).isoformat()}" in out.stdout
    # a workspace keeps its calendar: another one on `mine` is refused with the way out
    other = run("mine", "naive", "--out", tmp_path / "mined", "--country", "VN",
                home=tmp_path / "home")
    assert other.returncode == 2 and "import the log again" in other.stderr


@pytest.mark.parametrize(("options", "mapping", "said"), [
    (["--country", "XX"], None, "'XX' is not a country code"),
    (["--timezone", "Mars/Olympus"], None, "'Mars/Olympus' is not a time zone"),
    (["--office-hours", "17:00-09:00"], None, "ends before it starts"),
    ([], {"calendar": {"timezone": "Amsterdam"}}, "column 'calendar.timezone'"),
    ([], {"calendar": {"holidays": "NL"}}, "has keys other than"),
    ([], {"calendar": "NL"}, '"calendar" must be a JSON object'),
])
def test_a_wrong_calendar_is_a_message(tmp_path, options, mapping, said):
    foreign_log(tmp_path / "log.csv", cases=12)
    if mapping is not None:
        (tmp_path / "mapping.json").write_text(json.dumps(mapping), encoding="utf-8")
        options = [*options, "--mapping", tmp_path / "mapping.json"]
    out = run("import", tmp_path / "log.csv", *options, home=tmp_path / "home")
    assert out.returncode == 2, out.stdout + out.stderr
    assert said in out.stderr and "How to fix" in out.stderr
    assert "Traceback" not in out.stderr


def test_discovery_repairs_what_its_validator_refuses():
    from dossierflow.simulation.discovery.runnable import runnable
    from dossierflow.simulation.model import BatchSchedule
    from tests.support.models import centre

    model = centre()
    courier = model.batch("courier")
    courier.release_times = ["05:00", *courier.release_times]
    model.batches.append(BatchSchedule(id="night", release_times=["23:00"]))
    step = model.processes[0].step("appraise")
    step.batch = "night"
    model.deadlines.same_day_cutoff = "22:00"
    notes: list[str] = []
    fixed = runnable(model, notes)
    assert [b.id for b in fixed.batches] == ["courier"] and step.batch is None
    assert "05:00" not in fixed.batch("courier").release_times
    assert fixed.deadlines.same_day_cutoff is None
    assert any("'courier': a release time dropped" in n and "05:00" in n for n in notes)
    assert any("batch schedule 'night' dropped" in n for n in notes)
    assert any(n.startswith("same-day cut-off dropped") for n in notes)

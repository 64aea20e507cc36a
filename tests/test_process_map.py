"""Process map, variants and filters: equal to pm4py on public logs, working time checked by
hand, sliders that never strand an activity, filters that compose."""

from __future__ import annotations

import contextlib
import io
import math
import warnings
from pathlib import Path

import ibis
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossierflow.mining import ColumnMappingError, import_log, prepare
from dossierflow.mining.analysis.process_map import process_map
from dossierflow.mining.io.import_log import ImportedLog
from dossierflow.mining.log.filters import (
    AttributeEquals,
    AttributeIn,
    CaseDuration,
    DirectlyFollows,
    OnTimeClass,
    TimeRange,
    VariantCoverage,
    agency_in,
    apply_filters,
    channel_in,
    field_in,
    model_in,
    procedure_in,
)
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.variants import case_timeline, variants
from dossierflow.mining.log.working_time import WorkCalendar
from dossierflow.mining.vocabulary import MAP_END, MAP_START

SAMPLE = Path(__file__).resolve().parents[1] / "datasets" / "sample" / "mini_centre.csv"
PUBLIC = ["receipt.xes.gz", "receipt.csv", "roadtraffic100traces.xes",
          "roadtraffic100traces.csv", "roadtraffic_1t_per_variant.xes.gz", "helpdesk.xes.gz",
          "running-example.xes", "running-example.csv"]
CALENDAR = WorkCalendar()
PM4PY_KEYS = {"case_id_key": "case:concept:name", "activity_key": "concept:name",
              "timestamp_key": "time:timestamp"}


def view_of(log, backend=None) -> LogView:
    """``LogView.of_log``, first dropping columns whose names differ from an earlier one only
    by case (running-example has both ``activity`` and ``Activity``), which DuckDB cannot
    hold side by side."""
    for table in ("events", "cases"):
        frame, seen = getattr(log, table), set()
        clashing = [c for c in frame.columns if c.lower() in seen or seen.add(c.lower())]
        setattr(log, table, frame.drop(columns=clashing))
    return LogView.of_log(log, backend)


def cases_of(view: LogView) -> set[str]:
    return set(view.cases.case_id.to_pandas())


@pytest.fixture(scope="module")
def pm4py():
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        import pm4py
    return pm4py


def pm4py_frame(pm4py, path: Path) -> pd.DataFrame:
    if path.suffix == ".csv":
        frame = pd.read_csv(path)
        frame["case:concept:name"] = frame["case:concept:name"].astype(str)
        return pm4py.format_dataframe(frame, case_id="case:concept:name",
                                      activity_key="concept:name",
                                      timestamp_key="time:timestamp")
    return pm4py.read_xes(str(path))


# -- equality with pm4py ---------------------------------------------------------------------

@pytest.mark.public_logs
@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("name", PUBLIC)
def test_equal_to_pm4py(public_dir, pm4py, name):
    path = public_dir / name
    assert_equal_to_pm4py(pm4py, view_of(prepare(import_log(path), CALENDAR)),
                          pm4py_frame(pm4py, path))


@pytest.mark.filterwarnings("ignore")
def test_equal_to_pm4py_on_the_sample(pm4py, tmp_path):
    """Two weeks of the synthetic Bắc Ninh sample, read by both from the same file."""
    from dossierflow.simulation.engine import simulate
    from dossierflow.simulation.sample.centre_model import centre_model
    from dossierflow.simulation.sample.sample_output import write_sample

    result = simulate(centre_model(), start="2023-03-06", end="2023-03-20", seed=5)
    path = write_sample(result, tmp_path / "sample.parquet")
    frame = pd.read_parquet(path, columns=["case_id", "activity", "timestamp",
                                           "start_timestamp"]).rename(
        columns={"case_id": "case:concept:name", "activity": "concept:name",
                 "timestamp": "time:timestamp", "start_timestamp": "start:timestamp"})
    frame = pm4py.format_dataframe(frame, case_id="case:concept:name",
                                   activity_key="concept:name", timestamp_key="time:timestamp")
    assert_equal_to_pm4py(pm4py, view_of(prepare(import_log(path), CALENDAR)), frame,
                          start_key="start:timestamp")


def assert_equal_to_pm4py(pm4py, view, frame, start_key: str | None = None):
    """Map, start/end, activity counts, variants, case durations and the performance map."""
    ours = process_map(view)

    inner = ours.edges[(ours.edges.source != MAP_START) & (ours.edges.target != MAP_END)]
    dfg, starts, ends = pm4py.discover_dfg(frame, **PM4PY_KEYS)
    assert dict(zip(zip(inner.source, inner.target), inner.frequency)) == dict(dfg)
    first = ours.edges[ours.edges.source == MAP_START]
    last = ours.edges[ours.edges.target == MAP_END]
    assert dict(zip(first.target, first.frequency)) == dict(starts)
    assert dict(zip(last.source, last.frequency)) == dict(ends)
    counts = frame["concept:name"].value_counts()
    assert dict(zip(ours.nodes.activity, ours.nodes.events)) == counts.to_dict()
    assert ours.cases == frame["case:concept:name"].nunique()

    listed = variants(view)
    theirs = pm4py.get_variants(frame, **PM4PY_KEYS)
    assert {tuple(v.split(" → ")): n for v, n in zip(listed.variant, listed.cases)} == {
        tuple(k): n for k, n in theirs.items()}

    spans = view.cases.select(seconds=(view.cases.last_timestamp.delta(
        view.cases.first_timestamp, unit="microsecond") / 1e6)).to_pandas()["seconds"]
    np.testing.assert_allclose(np.sort(spans), np.sort(pm4py.get_all_case_durations(
        frame, **PM4PY_KEYS)), rtol=0, atol=1e-6)

    if start_key is None:
        performance, _, _ = pm4py.discover_performance_dfg(frame, **PM4PY_KEYS)
    else:  # waiting = max(next start, previous end) - previous end, in completion order
        from pm4py.algo.discovery.dfg.adapters.pandas.df_statistics import get_dfg_graph
        performance = get_dfg_graph(
            frame, measure="performance", perf_aggregation_key="all",
            start_timestamp_key=start_key,
            sort_caseid_required=False, activity_key="concept:name",
            case_id_glue="case:concept:name", timestamp_key="time:timestamp")
    ours_seconds = inner.set_index(["source", "target"])[
        ["wait_hours_mean", "wait_hours_median"]] * 3600
    assert set(ours_seconds.index) == set(performance)
    for edge, stats in performance.items():
        assert ours_seconds.loc[edge, "wait_hours_mean"] == pytest.approx(stats["mean"],
                                                                          rel=0, abs=1e-6)
        assert ours_seconds.loc[edge, "wait_hours_median"] == pytest.approx(stats["median"],
                                                                            rel=0, abs=1e-6)


# -- working time by hand --------------------------------------------------------------------

HAND_LOG = """case_id,activity,timestamp,resource
A,receive,2024-02-02 16:00,An
A,appraise,2024-02-05 08:30,Binh
A,approve_sign,2024-02-15 10:00,Chi
A,deliver_result,2024-02-15 14:00,An
B,receive,2024-04-23 11:00,An
B,appraise,2024-04-23 14:00,Binh
B,approve_sign,2024-05-02 09:00,Chi
B,deliver_result,2024-05-03 18:30,An
"""
# Office hours Mon–Fri 07:30–11:30 and 13:30–17:00 (450 working minutes a day).
# A receive → appraise: Fri 2/2 16:00–17:00 = 60, weekend 0, Mon 5/2 07:30–08:30 = 60
#   → 120 min (2 h); wall-clock 64.5 h.
# A appraise → approve_sign: Mon 5/2 08:30–11:30 = 180 + 13:30–17:00 = 210, Tue 6/2 450,
#   Wed 7/2 450, Tết Thu 8/2 – Wed 14/2 off, Thu 15/2 07:30–10:00 = 150 → 1440 min (24 h);
#   wall-clock 241.5 h.
# A approve_sign → deliver_result: 10:00–11:30 = 90, lunch, 13:30–14:00 = 30 → 120 min; 4 h.
# B receive → appraise: 11:00–11:30 = 30, lunch, 13:30–14:00 = 30 → 60 min (1 h); 3 h.
# B appraise → approve_sign: Tue 23/4 14:00–17:00 = 180, Wed–Fri 24–26/4 3 × 450, weekend,
#   Mon 29/4 (swapped day off), 30/4 and 1/5 holidays, Thu 2/5 07:30–09:00 = 90
#   → 1620 min (27 h); wall-clock 211 h.
# B approve_sign → deliver_result: Thu 2/5 09:00–11:30 = 150 + 13:30–17:00 = 210,
#   Fri 3/5 all day 450 (18:30 is after hours) → 810 min (13.5 h); wall-clock 33.5 h.
HAND_EDGES = {  # (source, target): (working h median, mean, p90; wall h median, mean)
    ("receive", "appraise"): (1.5, 1.5, (60 + 0.9 * 60) / 60, 33.75, 33.75),
    ("appraise", "approve_sign"): (25.5, 25.5, (1440 + 0.9 * 180) / 60, 226.25, 226.25),
    ("approve_sign", "deliver_result"): (7.75, 7.75, (120 + 0.9 * 690) / 60, 18.75, 18.75),
}


@pytest.fixture
def hand_view(tmp_path) -> LogView:
    path = tmp_path / "hand.csv"
    path.write_text(HAND_LOG, encoding="utf-8")
    return view_of(prepare(import_log(path), CALENDAR))


def test_hand_computed_working_time(hand_view):
    edges = process_map(hand_view).edges.set_index(["source", "target"])
    for edge, expected in HAND_EDGES.items():
        got = edges.loc[edge, ["wait_working_hours_median", "wait_working_hours_mean",
                               "wait_working_hours_p90", "wait_hours_median",
                               "wait_hours_mean"]]
        np.testing.assert_allclose(got.to_numpy(float), expected, atol=1e-9)
        assert edges.loc[edge, "frequency"] == edges.loc[edge, "cases"] == 2
    assert edges.loc[(MAP_START, "receive"), "frequency"] == 2
    assert edges.loc[("deliver_result", MAP_END), "cases"] == 2
    assert np.isnan(edges.loc[(MAP_START, "receive"), "wait_working_hours_mean"])


def test_hand_computed_after_removing_a_step(hand_view):
    # without appraise, receive → approve_sign waits A 120 + 1440 = 1560 min,
    # B 60 + 1620 = 1680 min: median and mean 1620 min = 27 h; wall 306 h and 214 h
    narrowed = AttributeIn("activity", ["receive", "approve_sign", "deliver_result"],
                           table="events").apply(hand_view)
    edges = process_map(narrowed).edges.set_index(["source", "target"])
    assert ("receive", "approve_sign") in edges.index
    assert ("receive", "appraise") not in edges.index
    row = edges.loc[("receive", "approve_sign")]
    assert row["wait_working_hours_median"] == pytest.approx(27)
    assert row["wait_working_hours_mean"] == pytest.approx(27)
    assert row["wait_hours_mean"] == pytest.approx((306 + 214) / 2)
    # the activities slider recomputes the same relation: 3 of 4 activities kept by
    # frequency (all 2) then name, i.e. appraise, approve_sign, deliver_result
    slid = process_map(hand_view, activities=0.75)
    assert list(slid.nodes.activity) == ["appraise", "approve_sign", "deliver_result"]
    assert set(zip(slid.edges.source, slid.edges.target)) == {
        (MAP_START, "appraise"), ("appraise", "approve_sign"), ("approve_sign", "deliver_result"),
        ("deliver_result", MAP_END)}


def test_variants_and_timeline_by_hand(hand_view):
    listed = variants(hand_view)
    assert len(listed) == 1
    row = listed.iloc[0]
    assert row.variant == "receive → appraise → approve_sign → deliver_result"
    assert (row.cases, row.length, row.share, row.cumulative_share) == (2, 4, 1.0, 1.0)
    # lead time A 120 + 1440 + 120 = 1680 min, B 60 + 1620 + 810 = 2490 min (450 a day);
    # calendar A 12 d 22 h, B 10 d 7.5 h
    assert row.lead_time_working_days_mean == pytest.approx((1680 + 2490) / 2 / 450)
    assert row.lead_time_days_median == pytest.approx((12 + 22 / 24 + 10 + 7.5 / 24) / 2)

    timeline = case_timeline(hand_view, "A")
    assert list(timeline.activity) == ["receive", "appraise", "approve_sign",
                                       "deliver_result"]
    assert list(timeline.resource) == ["An", "Binh", "Chi", "An"]
    np.testing.assert_allclose(timeline.wait_after_working_hours[:3], [2, 24, 2])
    np.testing.assert_allclose(timeline.wait_before_hours[1:], [64.5, 241.5, 4])
    assert np.isnan(timeline.wait_before_working_hours[0])
    assert str(timeline.timestamp[0]) == "2024-02-02 16:00:00+07:00"
    assert case_timeline(hand_view, "no such dossier").empty


# -- sliders ---------------------------------------------------------------------------------

_BACKEND = ibis.duckdb.connect()


def random_log(traces: list[list[tuple[int, int]]]):
    rows = []
    for number, trace in enumerate(traces):
        moment = pd.Timestamp("2024-03-04 07:00", tz="Asia/Ho_Chi_Minh")
        for activity, gap in trace:
            moment += pd.Timedelta(minutes=gap)
            rows.append((f"c{number:02d}", "abcdefg"[activity], moment))
    events = pd.DataFrame(rows, columns=["case_id", "activity", "timestamp"])
    events["activity"] = events["activity"].astype("string")
    events["case_id"] = events["case_id"].astype("string")
    events["_row"] = np.arange(len(events))
    cases = pd.DataFrame({"case_id": events["case_id"].unique()})
    imported = ImportedLog(events=events, cases=cases, mapping={}, reports=[],
                           rejected=pd.DataFrame())
    return prepare(imported, CALENDAR)


traces = st.lists(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 3000)), min_size=1,
                           max_size=7), min_size=1, max_size=12)


@settings(max_examples=30, deadline=None)
@given(traces=traces, activities=st.floats(0, 1), paths=st.floats(0, 1))
def test_sliders_never_strand_an_activity(traces, activities, paths):
    log = random_log(traces)
    view = view_of(log, _BACKEND)
    simple = process_map(view, activities=activities, paths=paths)
    full = process_map(view, activities=activities)

    ranking = log.events["activity"].value_counts().reset_index()
    ranking = ranking.sort_values(["count", "activity"], ascending=[False, True])
    kept = list(ranking["activity"][:max(1, math.ceil(round(activities * len(ranking), 9)))])
    assert list(simple.nodes.activity) == kept

    # the full map at these activities is the directly-follows relation of the kept events
    remaining = log.events[log.events["activity"].isin(kept)]
    following = remaining.groupby("case_id")["activity"].shift(-1)
    pairs = pd.DataFrame({"source": remaining["activity"], "target": following}).fillna(MAP_END)
    firsts = remaining.groupby("case_id")["activity"].first()
    expected = pd.concat([pairs, pd.DataFrame({"source": MAP_START, "target": firsts})])
    expected = expected.value_counts().to_dict()
    assert dict(zip(zip(full.edges.source, full.edges.target), full.edges.frequency)) == expected

    kept_edges = set(zip(simple.edges.source, simple.edges.target))
    assert kept_edges <= set(zip(full.edges.source, full.edges.target))
    if paths == 1:
        assert len(kept_edges) == len(full.edges)
    graph = nx.DiGraph(list(kept_edges))
    for activity in kept:
        assert nx.has_path(graph, MAP_START, activity), activity
        assert nx.has_path(graph, activity, MAP_END), activity


def test_paths_slider_keeps_most_frequent_edges_first():
    log = random_log([[(0, 0), (1, 5), (2, 5)]] * 5 + [[(0, 0), (2, 5)]] * 2
                     + [[(0, 0), (1, 5), (0, 5), (2, 5)]])
    view = view_of(log, _BACKEND)
    edges = process_map(view, paths=0).edges
    assert set(zip(edges.source, edges.target)) == {
        (MAP_START, "a"), ("a", "b"), ("b", "c"), ("c", MAP_END)}
    assert list(process_map(view, paths=1).edges.frequency) == [8, 8, 6, 5, 3, 1]


# -- filters ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample():
    log = prepare(import_log(SAMPLE), CALENDAR)
    return log, view_of(log)


def test_filters_compose(sample):
    log, view = sample
    cases = log.cases
    agency = cases["agency"].mode()[0]
    chosen = [agency_in(agency), OnTimeClass(("late", "on_time"))]
    both = apply_filters(view, chosen)
    assert cases_of(both) == cases_of(chosen[0].apply(view)) & cases_of(chosen[1].apply(view))
    assert cases_of(both) == set(cases.loc[(cases["agency"] == agency) & cases[
        "on_time_class"].isin(["late", "on_time"]), "case_id"])
    assert cases_of(both) == cases_of(chosen[1].apply(chosen[0].apply(view)))
    assert both.events.count().to_pandas() == log.events["case_id"].isin(cases_of(both)).sum()
    assert apply_filters(view, []) is view

    procedure = cases["procedure_id"].iloc[0]
    for one, column, value in ((procedure_in(procedure), "procedure_id", procedure),
                               (channel_in("online"), "channel", "online"),
                               (model_in("five_on_spot"), "model", "five_on_spot"),
                               (AttributeEquals("agency", agency), "agency", agency)):
        assert cases_of(one.apply(view)) == set(cases.loc[cases[column] == value, "case_id"])
    with pytest.raises(ColumnMappingError, match="field"):
        field_in("Giáo dục").apply(view)
    assert hash(agency_in(agency)) == hash(AttributeIn("agency", [agency]))


def test_case_filters_match_pandas(sample):
    log, view = sample
    cases = log.cases
    start, end = pd.Timestamp("2023-09-11", tz="Asia/Ho_Chi_Minh"), pd.Timestamp(
        "2023-09-15", tz="Asia/Ho_Chi_Minh")
    first, last = cases["first_timestamp"], cases["last_timestamp"]
    expected = {"started": (first >= start) & (first < end),
                "completed": (last >= start) & (last < end),
                "contained": (first >= start) & (last < end),
                "intersecting": (last >= start) & (first < end)}
    for mode, mask in expected.items():
        got = cases_of(TimeRange("2023-09-11", "2023-09-15", mode).apply(view))
        assert got == set(cases.loc[mask, "case_id"]), mode
    assert cases_of(TimeRange(start=None, end="2023-09-12").apply(view)) == set(
        cases.loc[first < pd.Timestamp("2023-09-12", tz="Asia/Ho_Chi_Minh"), "case_id"])

    working = cases["lead_time_working_days"]
    assert cases_of(CaseDuration(2, 5).apply(view)) == set(
        cases.loc[(working >= 2) & (working <= 5), "case_id"])
    calendar_days = cases["lead_time_seconds"] / 86400
    assert cases_of(CaseDuration(max_days=3, unit="calendar").apply(view)) == set(
        cases.loc[calendar_days <= 3, "case_id"])

    shares = cases["variant"].value_counts(normalize=True)
    covered = shares.index[(shares.cumsum() - shares) < 0.9]
    assert cases_of(VariantCoverage(0.9).apply(view)) == set(
        cases.loc[cases["variant"].isin(covered), "case_id"])

    events = log.events
    with_pair = set(events.loc[(events["activity"] == "request_supplement")
                               & (events["next_activity"] == "supplement_received"), "case_id"])
    assert cases_of(DirectlyFollows("request_supplement", "supplement_received").apply(
        view)) == with_pair
    assert cases_of(DirectlyFollows("request_supplement", "supplement_received",
                                    present=False).apply(view)) == set(cases["case_id"]) - with_pair
    assert cases_of(DirectlyFollows(MAP_START, "receive").apply(view)) == set(cases["case_id"])


def test_event_filter_recomputes_map_and_variants(sample):
    log, view = sample
    kept = ["receive", "appraise", "deliver_result"]
    narrowed = AttributeIn("activity", kept, table="events").apply(view)
    remaining = log.events[log.events["activity"].isin(kept)]
    sequences = remaining.groupby("case_id")["activity"].agg(" → ".join)
    listed = variants(narrowed)
    assert dict(zip(listed.variant, listed.cases)) == sequences.value_counts().to_dict()
    assert listed.cumulative_share.iloc[-1] == pytest.approx(1)
    shares = sequences.value_counts(normalize=True)
    covered = shares.index[(shares.cumsum() - shares) < 0.5]
    assert cases_of(VariantCoverage(0.5).apply(narrowed)) == set(
        sequences.index[sequences.isin(covered)])
    mapped = process_map(narrowed)
    assert mapped.nodes.set_index("activity")["events"].to_dict() == remaining[
        "activity"].value_counts().to_dict()
    # service times come from the events themselves (the sample has start times)
    receive = mapped.nodes.set_index("activity").loc["receive"]
    assert receive["service_working_minutes_median"] == pytest.approx(
        log.events.loc[log.events["activity"] == "receive", "service_working_minutes"].median())


def test_empty_result_is_a_valid_view(sample):
    _, view = sample
    empty = apply_filters(view, [agency_in("no such agency")])
    assert empty.cases.count().to_pandas() == 0
    assert empty.events.count().to_pandas() == 0
    for narrower in (VariantCoverage(0.8), DirectlyFollows("receive", "appraise"),
                     TimeRange("2023-01-01", "2024-01-01"), CaseDuration(1, 2),
                     AttributeIn("activity", ["receive"], table="events")):
        assert narrower.apply(empty).cases.count().to_pandas() == 0
    mapped = process_map(empty, activities=0.5, paths=0.5)
    assert mapped.nodes.empty and mapped.edges.empty and mapped.cases == 0
    assert list(mapped.edges.columns)[:4] == ["source", "target", "frequency", "cases"]
    assert variants(empty).empty
    assert list(variants(view).columns) == list(variants(empty).columns)
    assert case_timeline(empty, "000.00.10.H03-230911-0006").empty

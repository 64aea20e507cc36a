"""Sliders prune a computed map: every slider setting of a view gives the map computed afresh
at that setting by the backend's queries, and on a public log the directly-follows relation
and waits pm4py finds on the events of the kept activities."""

from __future__ import annotations

import contextlib
import io
import math
import warnings

import ibis
import pandas as pd
import pytest

from dossierflow.mining import import_log, prepare
from dossierflow.mining.analysis.process_map import map_basis, process_map, recomputed_map
from dossierflow.mining.log.filters import AttributeIn, agency_in, apply_filters
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.working_time import WorkCalendar
from dossierflow.mining.log.workspace import open_workspace
from dossierflow.mining.vocabulary import MAP_END, MAP_START

SETTINGS = [(a, p) for a in (0.1, 0.3, 0.5, 0.7, 0.9, 1.0) for p in (0.2, 1.0)]


def assert_same_map(pruned, fresh) -> None:
    pd.testing.assert_frame_equal(pruned.nodes, fresh.nodes, rtol=1e-9)
    pd.testing.assert_frame_equal(pruned.edges, fresh.edges, rtol=1e-9)
    assert pruned.cases == fresh.cases


@pytest.fixture(scope="module")
def mini_view(mini_log) -> LogView:
    return LogView.of_workspace(open_workspace(mini_log))


def test_pruned_equals_recomputed_on_the_mini_log(mini_view):
    """The mini log has start times: in-tray waits, service times, bridged pairs."""
    assert "start_clock" in mini_view.events.columns
    for activities, paths in SETTINGS:
        assert_same_map(process_map(mini_view, activities=activities, paths=paths),
                        recomputed_map(mini_view, activities=activities, paths=paths))
    # the full map was computed once for the view, then only pruned
    assert map_basis(mini_view) is map_basis(mini_view)
    assert map_basis(mini_view).arrays is not None


def test_pruned_equals_recomputed_after_filters(mini_view):
    agency = mini_view.cases.agency.to_pandas().value_counts().index[0]
    by_agency = apply_filters(mini_view, [agency_in(agency)])
    activities = mini_view.events.activity.to_pandas().value_counts().index[:5]
    some_steps = AttributeIn("activity", list(activities), table="events").apply(mini_view)
    assert not some_steps.holds_whole_cases()
    for view in (by_agency, some_steps):
        for activities, paths in SETTINGS[::3]:
            assert_same_map(process_map(view, activities=activities, paths=paths),
                            recomputed_map(view, activities=activities, paths=paths))


@pytest.mark.public_logs
@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("activities", [0.3, 0.6])
def test_pruned_map_equals_pm4py_on_the_kept_events(public_dir, activities):
    """helpdesk: pm4py's DFG and performance DFG of the events of the kept activities (as if
    the others had never been logged) are the pruned map's edges and wall-clock waits."""
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        import pm4py
    path = public_dir / "helpdesk.xes.gz"
    view = LogView.of_log(prepare(import_log(path), WorkCalendar()))
    frame = pm4py.read_xes(str(path))
    ranking = frame["concept:name"].value_counts().reset_index()
    ranking = ranking.sort_values(["count", "concept:name"], ascending=[False, True])
    kept = list(ranking["concept:name"][:math.ceil(activities * len(ranking))])
    frame = frame[frame["concept:name"].isin(kept)]
    keys = {"case_id_key": "case:concept:name", "activity_key": "concept:name",
            "timestamp_key": "time:timestamp"}

    process_map(view)  # the full map first: the slider prunes it
    pruned = process_map(view, activities=activities)
    assert_same_map(pruned, recomputed_map(view, activities=activities))
    edges = pruned.edges
    inner = edges[(edges.source != MAP_START) & (edges.target != MAP_END)]
    dfg, starts, ends = pm4py.discover_dfg(frame, **keys)
    assert dict(zip(zip(inner.source, inner.target), inner.frequency)) == dict(dfg)
    first = edges[edges.source == MAP_START]
    assert dict(zip(first.target, first.frequency)) == dict(starts)
    performance, _, _ = pm4py.discover_performance_dfg(frame, **keys)
    seconds = inner.set_index(["source", "target"])[["wait_hours_mean",
                                                     "wait_hours_median"]] * 3600
    for edge, stats in performance.items():
        assert seconds.loc[edge, "wait_hours_mean"] == pytest.approx(stats["mean"], abs=1e-6)
        assert seconds.loc[edge, "wait_hours_median"] == pytest.approx(stats["median"],
                                                                       abs=1e-6)


def test_a_log_made_again_is_not_mapped_from_the_old_index(tmp_path):
    """Two logs of the same shape, one after the other in the same tables: the second map's
    waits are its own."""
    backend = ibis.duckdb.connect()
    maps = []
    for hours in (2, 5):
        path = tmp_path / f"log{hours}.csv"
        rows = [f"{case},{activity},2024-03-0{day} {8 + hours * step:02d}:00"
                for case, day in (("A", 4), ("B", 5))
                for step, activity in enumerate(["receive", "appraise", "deliver_result"])]
        path.write_text("case_id,activity,timestamp\n" + "\n".join(rows) + "\n")
        view = LogView.of_log(prepare(import_log(path), WorkCalendar()), backend)
        maps.append(process_map(view))
        assert_same_map(maps[-1], recomputed_map(view))
    waits = [m.edges.set_index(["source", "target"]).loc[("receive", "appraise"),
                                                         "wait_hours_median"] for m in maps]
    assert waits == [2.0, 5.0]

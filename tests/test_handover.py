"""Hand-over networks: hand-computed edges, waits and centrality on a small log; edges equal to
a plain pandas count of consecutive events with different officers, agencies or desks on a
week of the synthetic sample, the mini log and the public logs; waits equal to pm4py's
performance DFG with officers as activities; the comparison, the files the CLI writes and the
Hand-overs tab of the Compare page in both languages."""

from __future__ import annotations

import contextlib
import io
import re
import textwrap

import numpy as np
import pandas as pd
import pytest

from dossierflow.mining import (
    LogView,
    compare_handover,
    handover_network,
    import_log,
    import_to_workspace,
    prepare,
)
from dossierflow.mining.errors import ColumnMappingError
from tests.support.app_pages import LANGS, open_page
from tests.support.cli import run
from tests.support.paths import MINI

# March 2024, office hours 07:30-11:30 and 13:30-17:00, no holiday. H1 waits over a weekend:
# Fri 16:00 → Mon 08:30 is 64.5 calendar hours and 2 working hours. In H2, Mai works twice
# in a row (no hand-over) and a consultation of DEPT_B has no officer and no role.
HAND = """
case_id,activity,timestamp,resource,agency,role
H1,receive,2024-03-08 16:00,Hoa,CENTRE,counter_officer
H1,appraise,2024-03-11 08:30,Mai,DEPT_A,handler
H1,approve,2024-03-11 10:30,Lan,DEPT_A,dept_leader
H1,deliver_result,2024-03-11 11:00,Hoa,CENTRE,counter_officer
H2,receive,2024-03-12 08:00,Hoa,CENTRE,counter_officer
H2,appraise,2024-03-12 09:00,Mai,DEPT_A,handler
H2,appraise,2024-03-12 10:00,Mai,DEPT_A,handler
H2,consult_agency,2024-03-12 14:00,,DEPT_B,
H2,approve,2024-03-12 15:00,Lan,DEPT_A,dept_leader
"""
# level → {(source, target): (hand-overs, dossiers, median working hours, median hours)}
EXPECTED = {
    "officer": {("Hoa", "Mai"): (2, 2, 1.5, 32.75), ("Mai", "Lan"): (2, 2, 2.5, 3.5),
                ("Lan", "Hoa"): (1, 1, 0.5, 0.5)},
    "agency": {("CENTRE", "DEPT_A"): (2, 2, 1.5, 32.75), ("DEPT_A", "CENTRE"): (1, 1, 0.5, 0.5),
               ("DEPT_A", "DEPT_B"): (1, 1, 2.0, 4.0), ("DEPT_B", "DEPT_A"): (1, 1, 1.0, 1.0)},
    "desk": {("counter", "DEPT_A"): (2, 2, 1.5, 32.75), ("DEPT_A", "counter"): (1, 1, 0.5, 0.5)},
}


def view_of(path) -> LogView:
    return LogView.of_log(prepare(import_log(path)))


@pytest.fixture(scope="module")
def hand_log(tmp_path_factory):
    path = tmp_path_factory.mktemp("hand") / "hand.csv"
    path.write_text(textwrap.dedent(HAND).strip() + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hand(hand_log) -> LogView:
    return view_of(hand_log)


def edge_table(network) -> dict:
    return {(r.source, r.target): (r.handovers, r.dossiers, r.wait_working_hours_median,
                                   r.wait_hours_median)
            for r in network.edges.itertuples()}


@pytest.mark.parametrize("level", list(EXPECTED))
def test_hand_computed_edges(hand, level):
    found = edge_table(handover_network(hand, level))
    assert found.keys() == EXPECTED[level].keys()
    for pair, (count, dossiers, working, hours) in EXPECTED[level].items():
        assert found[pair][:2] == (count, dossiers), pair
        assert found[pair][2:] == pytest.approx((working, hours)), pair


@pytest.mark.parametrize("node, betweenness, degree, partners, rank", [
    ("DEPT_A", 1.0, 1.0, 2, 1),  # everything between the centre and DEPT_B passes DEPT_A
    ("CENTRE", 0.0, 0.5, 1, 2),
    ("DEPT_B", 0.0, 0.5, 1, 3),
])
def test_agency_centrality(hand, node, betweenness, degree, partners, rank):
    nodes = handover_network(hand, "agency").nodes.set_index("node")
    row = nodes.loc[node]
    assert (row.betweenness_centrality, row.degree_centrality) == pytest.approx(
        (betweenness, degree))
    assert (row.partners, row["rank"]) == (partners, rank)
    assert nodes["handovers_in"].sum() == nodes["handovers_out"].sum() == 5


def test_compare_two_groups(hand):
    first = hand.with_cases(hand.cases.filter(hand.cases.case_id == "H1"))
    second = hand.with_cases(hand.cases.filter(hand.cases.case_id == "H2"))
    table = compare_handover(handover_network(first, "officer"),
                             handover_network(second, "officer")).set_index(
        ["source", "target"])
    assert table.loc[("Lan", "Hoa"), ["handovers_a", "handovers_b", "handovers_diff"]
                     ].tolist() == [1, 0, -1]
    assert np.isnan(table.loc[("Lan", "Hoa"), "wait_working_hours_median_b"])
    mai_lan = table.loc[("Mai", "Lan")]
    assert (mai_lan.handovers_diff, mai_lan.wait_working_hours_diff,
            mai_lan.wait_hours_diff) == pytest.approx((0, 3.0 - 2.0, 5.0 - 2.0))
    assert (mai_lan.share_a, mai_lan.share_b) == pytest.approx((1 / 3, 1 / 2))
    assert table.index[0] == ("Lan", "Hoa")  # the largest change in volume first


# ---- a plain pandas count and pm4py's performance DFG as the truth -------------------------

def pandas_edges(frame: pd.DataFrame, case: str, node: str, time: str) -> pd.Series:
    """Hand-overs per (source, target): consecutive events of a case (stable time order)
    whose ``node`` differs, events without a node left out."""
    events = frame.dropna(subset=[node])
    events = events[events[node].astype(str).str.strip() != ""]
    events = events.sort_values([case, time], kind="stable")
    after = events.groupby(case)[node].shift(-1)
    moved = events[after.notna() & (after != events[node])]
    pairs = pd.DataFrame({"source": moved[node].astype(str),
                          "target": after[moved.index].astype(str)})
    return pairs.value_counts().sort_index()


def network_edges(network) -> pd.Series:
    return network.edges.set_index(["source", "target"])["handovers"].sort_index()


def assert_same_edges(network, expected: pd.Series) -> None:
    found = network_edges(network)
    assert found.index.tolist() == expected.index.tolist()
    assert found.tolist() == expected.tolist()


def pm4py_waits(frame: pd.DataFrame, case: str, node: str, time: str) -> dict:
    """pm4py's performance DFG with ``node`` as the activity: median seconds per edge."""
    import pm4py

    events = frame.dropna(subset=[node])
    log = pd.DataFrame({"case:concept:name": events[case].astype(str),
                        "concept:name": events[node].astype(str),
                        "time:timestamp": pd.to_datetime(events[time], utc=True)})
    with contextlib.redirect_stdout(io.StringIO()):
        dfg, _, _ = pm4py.discover_performance_dfg(log)
    return {pair: stats["median"] for pair, stats in dfg.items() if pair[0] != pair[1]}


def assert_pm4py_waits(network, frame, case, node, time) -> None:
    truth = pm4py_waits(frame, case, node, time)
    found = network.edges.set_index(["source", "target"])["wait_hours_median"]
    assert set(found.index) == set(truth)
    assert found.to_numpy() == pytest.approx(
        [truth[pair] / 3600 for pair in found.index], abs=1e-6)


@pytest.fixture(scope="module")
def week(tmp_path_factory):
    """A week of the synthetic Bắc Ninh sample: its flat log and its imported view."""
    from dossierflow.simulation.engine import simulate
    from dossierflow.simulation.sample.centre_model import centre_model
    from dossierflow.simulation.sample.sample_output import flat_log, write_sample

    result = simulate(centre_model(), start="2023-03-06", end="2023-03-11", seed=2)
    path = write_sample(result, tmp_path_factory.mktemp("week") / "week.parquet")
    return flat_log(result), view_of(path)


def desk_of(frame: pd.DataFrame) -> pd.Series:
    """The counter for counter officers, the agency for other roles, nothing without one."""
    role = frame["role"].astype("string")
    counter = (role == "counter_officer").fillna(False).to_numpy(dtype=bool)
    return pd.Series(np.where(counter, "counter", frame["agency"]),
                     index=frame.index).where(role.notna())


@pytest.mark.parametrize("level, column", [("officer", "resource"), ("agency", "agency"),
                                           ("desk", None)])
def test_sample_week_equals_pandas_and_pm4py(week, level, column):
    frame, view = week
    frame = frame.assign(node=desk_of(frame) if column is None else frame[column])
    network = handover_network(view, level)
    assert_same_edges(network, pandas_edges(frame, "case_id", "node", "timestamp"))
    assert_pm4py_waits(network, frame, "case_id", "node", "timestamp")
    assert network.edges["wait_working_hours_median"].le(
        network.edges["wait_hours_median"] + 1e-9).all()  # office time ≤ calendar time


def test_mini_log_officers_equal_pandas_and_pm4py(tmp_path):
    raw = pd.read_csv(MINI, dtype=str)
    raw["time"] = pd.to_datetime(raw["Thời gian hoàn thành"], dayfirst=True)
    network = handover_network(view_of(MINI), "officer")
    assert_same_edges(network, pandas_edges(raw, "Mã hồ sơ", "Người xử lý", "time"))
    assert_pm4py_waits(network, raw, "Mã hồ sơ", "Người xử lý", "time")


# public logs with officers (org:resource), ../shared/datasets/public/README.md, and whether
# their cases change hands (each road-traffic fine stays with one officer)
PUBLIC = [("receipt.xes.gz", True), ("roadtraffic100traces.xes", False),
          ("helpdesk.xes.gz", True), ("running-example.xes", True)]


@pytest.mark.parametrize("name, handed", PUBLIC, ids=[n for n, _ in PUBLIC])
def test_public_logs_equal_pandas_and_pm4py(public_dir, name, handed):
    import pm4py

    with contextlib.redirect_stdout(io.StringIO()):
        frame = pm4py.read_xes(str(public_dir / name))
    view = view_of(public_dir / name)
    network = handover_network(view, "officer")
    truth = pandas_edges(frame, "case:concept:name", "org:resource", "time:timestamp")
    assert (len(truth) > 0) == handed
    assert_same_edges(network, truth)
    assert_pm4py_waits(network, frame, "case:concept:name", "org:resource", "time:timestamp")
    with pytest.raises(ColumnMappingError, match="no role column"):
        handover_network(view, "desk")


def test_missing_columns_say_which(public_dir):
    view = view_of(public_dir / "roadtraffic_1t_per_variant.xes.gz")
    with pytest.raises(ColumnMappingError, match="no resource column") as error:
        handover_network(view, "officer")
    assert "org:resource" in error.value.fix


# ---- the command line and the app ------------------------------------------------------------

@pytest.mark.parametrize("reveal", [False, True])
def test_cli_writes_tables_and_drawing(tmp_path, hand_log, reveal):
    out = tmp_path / "out"
    done = run("handover", hand_log, "--level", "officer", "--out", out, "--lang", "en",
               *(["--reveal-names"] if reveal else []), home=tmp_path)
    assert done.returncode == 0, done.stderr
    edges = pd.read_csv(out / "edges.csv", encoding="utf-8-sig")
    nodes = pd.read_csv(out / "nodes.csv", encoding="utf-8-sig")
    assert edges["handovers"].sum() == 5 and len(nodes) == 3
    svg = (out / "network.svg").read_text(encoding="utf-8")
    written = " ".join([edges.to_csv(), nodes.to_csv(), svg])
    for name in ("Hoa", "Mai", "Lan"):
        assert (name in written) == reveal
    if not reveal:
        assert nodes["node"].str.fullmatch(r"psn_[0-9a-f]{16}").all()
        assert "pseudonymised" in done.stdout


def test_cli_desk_level_names_agencies_and_says_what_is_missing(tmp_path, hand_log):
    done = run("handover", hand_log, "--level", "desk", "--out", tmp_path / "d", "--lang", "en",
               home=tmp_path)
    assert done.returncode == 0, done.stderr
    edges = pd.read_csv(tmp_path / "d" / "edges.csv", encoding="utf-8-sig")
    assert "Centre's one-stop counter" in set(edges["source_name"])
    failed = run("handover", MINI, "--level", "desk", "--out", tmp_path / "m", home=tmp_path)
    assert failed.returncode == 2 and "no role column" in failed.stderr
    assert "Traceback" not in failed.stderr


WORDS = {"vi": ("Chuyển giao", "Lượt chuyển giao", "Các cán bộ", "Sở Tư pháp"),
         "en": ("Hand-overs", "Hand-overs", "Officers", "Department of Justice")}


@pytest.fixture(scope="module")
def coded_agencies(tmp_path_factory):
    """The hand log with a catalogue agency code (DEPT_JUSTICE) for DEPT_A."""
    folder = tmp_path_factory.mktemp("coded_agencies")
    text = textwrap.dedent(HAND).strip().replace("DEPT_A", "DEPT_JUSTICE")
    (folder / "log.csv").write_text(text + "\n", encoding="utf-8")
    return import_to_workspace(folder / "log.csv", name=str(folder / "log.duckdb")).path


@pytest.mark.parametrize("lang", LANGS)
def test_app_tab_in_both_languages(monkeypatch, coded_agencies, lang):
    tab, metric, officers, justice = WORDS[lang]
    app = open_page(monkeypatch, coded_agencies, "compare", lang, view="handovers")
    assert [t.label for t in app.tabs][1] == tab
    assert app.metric[0].label == metric and app.metric[0].value == "5"
    routes = app.dataframe[0].value
    assert justice in set(routes.iloc[:, 0]) | set(routes.iloc[:, 1])
    assert not {"DEPT_JUSTICE", "counter"} & (set(routes.iloc[:, 0]) | set(routes.iloc[:, 1]))
    dot = app.get("graphviz_chart")[0].proto.spec
    assert justice in dot
    app.button_group(key="ho_level").set_value("officer").run()
    assert not app.exception
    shown = app.dataframe[0].value
    names = set(shown.iloc[:, 0]) | set(shown.iloc[:, 1])
    assert all(re.fullmatch(r"psn_[0-9a-f]{16}", n) for n in names)  # officers pseudonymised
    spec = app.get("graphviz_chart")[0].proto.spec
    assert "Hoa" not in spec and all(n in spec for n in names)  # the same in the drawing
    assert any(officers == b for b in app.button_group(key="ho_level").options)
    assert len(app.dataframe) == 3  # routes, ranking, comparison of two periods
    app.session_state["personal_in_clear"] = True  # the user chose to see personal data
    app.run()
    shown = app.dataframe[0].value
    assert set(shown.iloc[:, 0]) | set(shown.iloc[:, 1]) == {"Hoa", "Mai", "Lan"}

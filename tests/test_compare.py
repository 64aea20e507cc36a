"""Comparing two groups of dossiers: a clear difference is flagged, a small one on few dossiers
is not, q-values are Benjamini–Hochberg's, the Difference overlay draws it, and the agency
heatmap's medians and ratios match a hand count."""

from __future__ import annotations

import re
import textwrap

import numpy as np
import pandas as pd
import pytest

from dossierflow.mining import ColumnMappingError, import_log, prepare
from dossierflow.mining.analysis.compare import Difference, compare, compare_groups, heatmap
from dossierflow.mining.analysis.render_map import render_map
from dossierflow.mining.log.filters import AttributeEquals, TimeRange
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.working_time import WorkCalendar
from dossierflow.mining.vocabulary import MAP_END, MAP_START

N = 120  # dossiers per group
CALENDAR = WorkCalendar()


def groups_log() -> pd.DataFrame:
    """Agency A's dossiers (received in March 2024) and agency B's (May 2024), in working
    minutes: receive → transfer_to_agency → appraise → approve_sign → deliver_result.
    B waits 3 times as long before appraise, and 40 % of its dossiers (k % 5 < 2) go back from
    approve_sign to appraise once. Five dossiers of A and six of B consult another agency
    (appraise → consult_agency → approve_sign), B's much more slowly."""
    rows = []
    for group, first_day, model in (("A", "2024-03-01", "transfer"),
                                    ("B", "2024-05-06", "five_on_spot")):
        days = pd.bdate_range(first_day, periods=20)
        for k in range(N):
            clock = CALENDAR.to_clock([days[k % 20] + pd.Timedelta(hours=8)])[0]
            wait = 60 + (k * 37) % 120
            steps = [("receive", 0), ("transfer_to_agency", 30 + k % 40),
                     ("appraise", wait * (3 if group == "B" else 1))]
            if k < (5 if group == "A" else 6):
                steps += [("consult_agency", 60), ("approve_sign", 30 + k if group == "A"
                                                   else 300 + k)]
            else:
                steps.append(("approve_sign", 60 + k % 50))
            if group == "B" and k % 5 < 2:
                steps += [("appraise", 60 + k % 30), ("approve_sign", 45 + k % 20)]
            steps.append(("deliver_result", 30 + k % 60))
            for activity, minutes in steps:
                clock += minutes
                stamp = CALENDAR.from_clock([clock])[0]
                rows.append((f"{group}{k:03d}", activity, f"{stamp:%Y-%m-%d %H:%M}", group,
                             model))
    return pd.DataFrame(rows, columns=["case_id", "activity", "timestamp", "case:agency",
                                       "model"])


@pytest.fixture(scope="module")
def view(tmp_path_factory) -> LogView:
    path = tmp_path_factory.mktemp("compare") / "log.csv"
    groups_log().to_csv(path, index=False)
    return LogView.of_log(prepare(import_log(path)))


@pytest.fixture(scope="module")
def comparison(view):
    return compare_groups(view, by="agency", a="A", b="B")


def edge(comparison, source: str, target: str) -> pd.Series:
    rows = comparison.edges[(comparison.edges.source == source)
                            & (comparison.edges.target == target)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_clear_differences_are_significant(comparison):
    assert comparison.cases == (N, N) and comparison.labels == ("A", "B")
    rework = edge(comparison, "approve_sign", "appraise")
    assert (rework.cases_a, rework.cases_b) == (0, 48)
    assert rework.share_a == 0 and rework.share_b == pytest.approx(0.4)
    assert rework.share_diff == pytest.approx(0.4)
    assert rework.p_share < 1e-10 and rework.significant_share and rework.significant
    assert np.isnan(rework.p_wait) and not rework.significant_wait  # no wait in A

    slow = edge(comparison, "transfer_to_agency", "appraise")
    assert (slow.waits_a, slow.waits_b) == (N, N)
    assert slow.wait_working_hours_median_b == pytest.approx(
        3 * slow.wait_working_hours_median_a)
    assert slow.wait_working_hours_diff == pytest.approx(2 * slow.wait_working_hours_median_a)
    assert slow.q_wait < 1e-20 and slow.significant_wait and slow.significant
    assert not slow.significant_share  # every dossier takes it in both groups


def test_small_difference_on_few_dossiers_is_not(view, comparison):
    consult = edge(comparison, "consult_agency", "approve_sign")
    assert (consult.cases_a, consult.cases_b) == (5, 6)
    assert consult.p_share > 0.5 and not consult.significant_share
    # every wait of B is longer than every wait of A: a small p-value (2 / C(11, 5)), but 5
    # and 6 waits are below the support of 30 in each group
    assert consult.p_wait == pytest.approx(2 / 462)
    assert not consult.significant_wait and not consult.significant
    lenient = edge(compare_groups(view, by="agency", a="A", b="B", min_support=5),
                   "consult_agency", "approve_sign")
    assert lenient.significant_wait == (lenient.q_wait < 0.05)


def test_q_values_are_benjamini_hochberg(comparison):
    edges = comparison.edges
    p = np.concatenate([edges.p_share, edges.p_wait])
    q = np.concatenate([edges.q_share, edges.q_wait])
    tested = ~np.isnan(p)
    assert np.array_equal(tested, ~np.isnan(q))
    p, q = p[tested], q[tested]
    assert (q >= p - 1e-15).all() and (q <= 1).all()
    order = np.argsort(p, kind="stable")
    assert (np.diff(q[order]) >= -1e-15).all()
    m = len(p)
    expected = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    np.testing.assert_allclose(q[order], np.minimum(expected, 1), rtol=1e-12)
    for column in ("p_wait", "q_wait"):  # start and end edges carry no waits
        assert edges.loc[edges.source == MAP_START, column].isna().all()
        assert edges.loc[edges.target == MAP_END, column].isna().all()


def test_union_map_and_groups_by_other_means(view, comparison):
    union = comparison.map.edges.set_index(["source", "target"])
    rows = comparison.edges.set_index(["source", "target"])
    assert set(union.index) == set(rows.index)
    assert (union.frequency == rows.frequency_a + rows.frequency_b).all()
    assert comparison.map.cases == 2 * N
    assert union.loc[("approve_sign", "appraise"), "frequency"] == 48

    by_model = compare_groups(view, by="model", a="transfer", b="five_on_spot")
    by_period = compare_groups(view, a=TimeRange(end="2024-04-15", mode="started"),
                               b=TimeRange(start="2024-04-15", mode="started"))
    by_filter = compare(AttributeEquals("agency", "A").apply(view),
                        AttributeEquals("agency", "B").apply(view))
    assert by_period.labels == ("…–15/04/2024", "15/04/2024–…")
    for other in (by_model, by_period, by_filter):
        pd.testing.assert_frame_equal(other.edges, comparison.edges)
    with pytest.raises(ColumnMappingError):
        compare_groups(view, by="district", a="x", b="y")


def test_difference_overlay(view, comparison):
    share = render_map(comparison.map, overlay=Difference(comparison), lang="en")
    assert "Difference in share of dossiers: B vs A" in share
    assert "Unit: percentage points" in share and "+40.0 pp (0.0% → 40.0%)" in share
    lines = {line for line in share.splitlines() if " -> " in line}
    significant = [line for line in lines if "penwidth=0.8" not in line]
    assert len(significant) == 1 and 'color="#b2182b"' in significant[0]  # the rework edge
    assert re.search(r"penwidth=6\.00", significant[0])

    waiting = render_map(comparison.map, overlay=Difference(comparison, "waiting"))
    assert "Chênh lệch thời gian chờ trung vị: B so với A" in waiting
    assert "Đơn vị: giờ làm việc" in waiting
    slow = edge(comparison, "transfer_to_agency", "appraise")
    assert f"+{slow.wait_working_hours_diff:.1f} giờ".replace(".", ",") in waiting
    drawn = [line for line in waiting.splitlines() if " -> " in line and "penwidth=0.8"
             not in line]
    assert len(drawn) == comparison.edges.significant_wait.sum()
    widest = max(drawn, key=lambda line: float(re.search(r"penwidth=([\d.]+)", line)[1]))
    assert "(2,0 → 6,0)" in widest and 'color="#b2182b"' in widest

    nothing = compare_groups(view, by="agency", a="A", b="B", min_support=10 * N)
    grey = render_map(nothing.map, overlay=Difference(nothing, "waiting"), lang="en")
    assert "No path differs significantly" in grey and "fewer than 1200 waits" in grey
    assert all("penwidth=0.8" in line for line in grey.splitlines() if " -> " in line)


HEATMAP_LOG = """
case_id,activity,timestamp,case:agency
X1,receive,2024-03-12 08:00,X
X1,appraise,2024-03-12 09:00,X
X1,deliver_result,2024-03-12 10:00,X
X2,receive,2024-03-12 08:00,X
X2,appraise,2024-03-12 10:00,X
X2,deliver_result,2024-03-12 10:30,X
X3,receive,2024-03-12 08:00,X
X3,appraise,2024-03-12 11:00,X
X3,deliver_result,2024-03-12 11:15,X
Y1,receive,2024-03-12 08:00,Y
Y1,appraise,2024-03-12 08:30,Y
Y1,deliver_result,2024-03-12 09:30,Y
Y2,receive,2024-03-12 08:00,Y
Y2,request_supplement,2024-03-12 08:30,Y
Y2,supplement_received,2024-03-13 08:00,Y
Y2,appraise,2024-03-13 09:00,Y
Y2,deliver_result,2024-03-13 10:00,Y
Z1,receive,2024-03-12 08:00,
Z1,appraise,2024-03-12 09:00,
Z1,deliver_result,2024-03-12 10:00,
"""


def test_heatmap_by_hand(tmp_path):
    # waits before appraise: X 1, 2, 3 h (median 2); Y 0.5, 1 h (0.75); with Z1's 1 h the
    # province median is 1. Before deliver_result: X 1, 0.5, 0.25 (0.5); Y 1, 1 (1); province
    # 0.25, 0.5, 1, 1, 1, 1 (1). The supplement pause (Y2, overnight) is the citizen's.
    path = tmp_path / "log.csv"
    path.write_text(textwrap.dedent(HEATMAP_LOG).strip() + "\n", encoding="utf-8")
    table = heatmap(LogView.of_log(prepare(import_log(path))), by="agency")
    cells = table.set_index(["agency", "activity"])
    expected = {("X", "appraise"): (3, 2.0, 6, 1.0, 2.0),
                ("Y", "appraise"): (2, 0.75, 6, 1.0, 0.75),
                ("X", "deliver_result"): (3, 0.5, 6, 1.0, 0.5),
                ("Y", "deliver_result"): (2, 1.0, 6, 1.0, 1.0),
                ("Y", "request_supplement"): (1, 0.5, 1, 0.5, 1.0)}
    assert set(cells.index) == set(expected)
    for key, values in expected.items():
        assert tuple(cells.loc[key, ["waits", "wait_working_hours_median", "province_waits",
                                     "province_wait_working_hours_median", "ratio"]]) == \
            pytest.approx(values), key
    assert list(table.columns) == ["agency", "activity", "waits", "wait_working_hours_median",
                                   "province_waits", "province_wait_working_hours_median",
                                   "ratio"]
    with pytest.raises(ColumnMappingError, match="district"):
        heatmap(LogView.of_log(prepare(import_log(path))), by="district")

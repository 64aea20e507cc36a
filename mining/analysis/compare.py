"""Two groups of dossiers side by side (agency A vs B, period 1 vs 2, 5 tại chỗ vs transfer):
per edge of their union map, the share of dossiers and the waiting time in each group, tested
for a difference; and an agency × activity heatmap of waiting against the whole view.

Shares are compared with a two-proportion z-test (Fisher's exact test when an expected count
is below 5), waits with the Mann–Whitney U test; the p-values of every test of a comparison
form one family, corrected by Benjamini–Hochberg (q-values).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import ibis
import numpy as np
import pandas as pd

from dossierflow.mining.analysis.process_map import (
    EDGE_COLUMNS,
    NODE_COLUMNS,
    ProcessMap,
    process_map,
)
from dossierflow.mining.analysis.render_map import LANGS, RED_BLUE, Paint
from dossierflow.mining.errors import ColumnMappingError, DossierflowError
from dossierflow.mining.log.analysis_table import SUPPLEMENT_RECEIVED, SUPPLEMENT_REQUEST
from dossierflow.mining.log.filters import AttributeEquals, Filter, TimeRange
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.transitions import follows
from dossierflow.mining.number_format import fmt_number, fmt_percent
from dossierflow.mining.vocabulary import TZ, Lang

COMPARISON_COLUMNS = [
    "source", "target", "frequency_a", "frequency_b", "cases_a", "cases_b", "share_a",
    "share_b", "share_diff", "p_share", "q_share", "waits_a", "waits_b",
    "wait_working_hours_median_a", "wait_working_hours_median_b", "wait_working_hours_diff",
    "p_wait", "q_wait", "significant_share", "significant_wait", "significant"]
HEATMAP_COLUMNS = ["activity", "waits", "wait_working_hours_median", "province_waits",
                   "province_wait_working_hours_median", "ratio"]


@dataclass(frozen=True, eq=False)
class Comparison:
    """Group A against group B.

    ``edges``: one row per edge of either group (start ▶ and end ■ edges included):
    frequency (transitions), cases (dossiers) and share (cases / the group's dossiers) in
    each group, ``share_diff`` (B − A), ``p_share``/``q_share``; the number of waits and their
    median in working hours in each group, ``wait_working_hours_diff`` (B − A),
    ``p_wait``/``q_wait`` (NaN when a group has no wait on the edge); ``significant_share``
    (q < alpha and both groups hold at least ``min_support`` dossiers), ``significant_wait``
    (q < alpha and at least ``min_support`` waits in each group) and ``significant`` (either).
    ``nodes``: per activity, cases and share in each group and ``share_diff`` (not tested).
    ``map``: the union map (counts summed; waits pooled; service times NaN), for
    ``render_map`` with ``Difference(comparison)``. ``cases``: dossiers in A and in B.
    """

    edges: pd.DataFrame
    nodes: pd.DataFrame
    map: ProcessMap
    labels: tuple[str, str]
    cases: tuple[int, int]
    alpha: float
    min_support: int


def _waits(view: LogView) -> pd.DataFrame:
    """Every wait between consecutive events: source, target, working and wall-clock hours."""
    pairs = follows(view)
    moves = pairs.filter(pairs.next_activity.notnull())
    return moves.select(source=moves.activity, target=moves.next_activity,
                        working=moves.wait_working_minutes / 60.0,
                        wall=moves.wait_seconds / 3600.0).to_pandas()


def _share_p(x_a: np.ndarray, n_a: int, x_b: np.ndarray, n_b: int) -> np.ndarray:
    """Two-sided p-values for equal proportions x_a/n_a and x_b/n_b: pooled z-test, or
    Fisher's exact test when an expected count is below 5."""
    from scipy import stats  # here: scipy.stats costs half of the package's import

    if n_a == 0 or n_b == 0:
        return np.full(len(x_a), np.nan)
    pooled = (x_a + x_b) / (n_a + n_b)
    se = np.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, (x_b / n_b - x_a / n_a) / se, 0.0)
    p = 2 * stats.norm.sf(np.abs(z))
    expected = np.minimum(pooled, 1 - pooled) * min(n_a, n_b)
    for i in np.flatnonzero((expected < 5) & (se > 0)):
        table = [[x_a[i], n_a - x_a[i]], [x_b[i], n_b - x_b[i]]]
        p[i] = stats.fisher_exact(table).pvalue
    return p


def _wait_p(a: np.ndarray, b: np.ndarray) -> float:
    """Two-sided Mann–Whitney U p-value (1 when every wait is equal, NaN without waits)."""
    from scipy import stats

    if len(a) == 0 or len(b) == 0:
        return np.nan
    if np.ptp(np.concatenate([a, b])) == 0:
        return 1.0
    return float(stats.mannwhitneyu(a, b, alternative="two-sided").pvalue)


def _q_values(*families: np.ndarray) -> list[np.ndarray]:
    """Benjamini–Hochberg q-values over all the given p-values together (NaN stays NaN)."""
    from scipy import stats

    pooled = np.concatenate(families)
    q = np.full(len(pooled), np.nan)
    tested = ~np.isnan(pooled)
    if tested.any():
        q[tested] = stats.false_discovery_control(pooled[tested], method="bh")
    return np.split(q, np.cumsum([len(f) for f in families])[:-1])


def _union_map(pmap_a: ProcessMap, pmap_b: ProcessMap, waits: pd.DataFrame) -> ProcessMap:
    """Both groups' maps as one: counts summed, waiting statistics over the pooled waits."""
    counts = NODE_COLUMNS[1:5]
    nodes = pd.concat([pmap_a.nodes[["activity", *counts]], pmap_b.nodes[["activity", *counts]]])
    nodes = nodes.groupby("activity", as_index=False)[counts].sum().reindex(
        columns=NODE_COLUMNS).astype({c: "float64" for c in NODE_COLUMNS[5:]})
    pairs = ["source", "target"]
    edges = pd.concat([pmap_a.edges[[*pairs, "frequency", "cases"]],
                       pmap_b.edges[[*pairs, "frequency", "cases"]]])
    edges = edges.groupby(pairs, as_index=False)[["frequency", "cases"]].sum()
    grouped = waits.groupby(pairs)
    pooled = pd.DataFrame({
        f"{name}_{stat}": getattr(grouped[column], method)(*args)
        for column, name in (("working", "wait_working_hours"), ("wall", "wait_hours"))
        for stat, method, args in (("median", "median", ()), ("mean", "mean", ()),
                                   ("p90", "quantile", (0.9,)))}).reset_index()
    edges = edges.merge(pooled, on=pairs, how="left").reindex(columns=EDGE_COLUMNS)
    return ProcessMap(
        nodes=nodes.sort_values(["events", "activity"], ascending=[False, True],
                                ignore_index=True),
        edges=edges.sort_values(["frequency", *pairs], ascending=[False, True, True],
                                ignore_index=True),
        cases=pmap_a.cases + pmap_b.cases, start=pmap_a.start, end=pmap_a.end)


def compare(view_a: LogView, view_b: LogView, *, min_support: int = 30, alpha: float = 0.05,
            labels: tuple[str, str] = ("A", "B")) -> Comparison:
    """Compare the dossiers of ``view_a`` and ``view_b`` edge by edge (see ``Comparison``).

    An edge is significant for its share when its Benjamini–Hochberg q-value is below
    ``alpha`` and each group holds at least ``min_support`` dossiers; for its waiting time
    when its q-value is below ``alpha`` and each group waited on it at least ``min_support``
    times.
    """
    pmap_a, pmap_b = process_map(view_a), process_map(view_b)
    n_a, n_b = pmap_a.cases, pmap_b.cases
    waits_a, waits_b = _waits(view_a), _waits(view_b)
    pairs = ["source", "target"]
    edges = pmap_a.edges[[*pairs, "frequency", "cases"]].merge(
        pmap_b.edges[[*pairs, "frequency", "cases"]], on=pairs, how="outer",
        suffixes=("_a", "_b"))
    for column in ("frequency_a", "frequency_b", "cases_a", "cases_b"):
        edges[column] = edges[column].fillna(0).astype("int64")
    edges["share_a"] = edges["cases_a"] / n_a if n_a else np.nan
    edges["share_b"] = edges["cases_b"] / n_b if n_b else np.nan
    edges["share_diff"] = edges["share_b"] - edges["share_a"]
    p_share = _share_p(edges["cases_a"].to_numpy(), n_a, edges["cases_b"].to_numpy(), n_b)

    samples = [dict(iter(w.dropna(subset=["working"]).groupby(pairs)["working"]))
               for w in (waits_a, waits_b)]
    empty = pd.Series(dtype="float64")
    wait_a, wait_b = ([s.get(key, empty).to_numpy() for key in zip(edges.source, edges.target)]
                      for s in samples)
    edges["waits_a"] = [len(w) for w in wait_a]
    edges["waits_b"] = [len(w) for w in wait_b]
    edges["wait_working_hours_median_a"] = [np.median(w) if len(w) else np.nan for w in wait_a]
    edges["wait_working_hours_median_b"] = [np.median(w) if len(w) else np.nan for w in wait_b]
    edges["wait_working_hours_diff"] = (edges["wait_working_hours_median_b"]
                                        - edges["wait_working_hours_median_a"])
    p_wait = np.array([_wait_p(a, b) for a, b in zip(wait_a, wait_b)], dtype="float64")
    edges["p_share"], edges["p_wait"] = p_share, p_wait
    edges["q_share"], edges["q_wait"] = _q_values(p_share, p_wait)
    edges["significant_share"] = (edges["q_share"] < alpha) & (min(n_a, n_b) >= min_support)
    edges["significant_wait"] = ((edges["q_wait"] < alpha) & (edges["waits_a"] >= min_support)
                                 & (edges["waits_b"] >= min_support))
    edges["significant"] = edges["significant_share"] | edges["significant_wait"]

    union = _union_map(pmap_a, pmap_b, pd.concat([waits_a, waits_b]))
    order = union.edges[pairs].reset_index(names="order")
    edges = edges.merge(order, on=pairs).sort_values("order", ignore_index=True)
    nodes = pmap_a.nodes[["activity", "cases"]].merge(
        pmap_b.nodes[["activity", "cases"]], on="activity", how="outer", suffixes=("_a", "_b"))
    nodes[["cases_a", "cases_b"]] = nodes[["cases_a", "cases_b"]].fillna(0).astype("int64")
    nodes["share_a"] = nodes["cases_a"] / n_a if n_a else np.nan
    nodes["share_b"] = nodes["cases_b"] / n_b if n_b else np.nan
    nodes["share_diff"] = nodes["share_b"] - nodes["share_a"]
    return Comparison(edges=edges[COMPARISON_COLUMNS], nodes=nodes, map=union,
                      labels=(str(labels[0]), str(labels[1])), cases=(n_a, n_b), alpha=alpha,
                      min_support=min_support)


def _label(group: Any, default: str) -> str:
    """A period's dates (dd/mm/yyyy–dd/mm/yyyy, … when open), else ``default``."""
    if not isinstance(group, TimeRange):
        return default
    ends = [f"{pd.Timestamp(t).tz_convert(TZ):%d/%m/%Y}" if t is not None else "…"
            for t in (group.start, group.end)]
    return "–".join(ends)


def compare_groups(view: LogView, *, a: Any, b: Any, by: str | None = None,
                   min_support: int = 30, alpha: float = 0.05) -> Comparison:
    """``compare`` two groups of one view: the dossiers whose case column ``by`` equals ``a``
    and those where it equals ``b`` (e.g. ``by="model", a="transfer", b="five_on_spot"``),
    or, without ``by``, the dossiers kept by the filters ``a`` and ``b`` (e.g. two
    ``TimeRange`` periods)."""
    if by is not None:
        first: Filter = AttributeEquals(by, a)
        second: Filter = AttributeEquals(by, b)
        labels = (str(a), str(b))
    elif hasattr(a, "apply") and hasattr(b, "apply"):
        first, second = a, b
        labels = (_label(a, "A"), _label(b, "B"))
    else:
        raise DossierflowError("the two groups are neither values of a column nor filters.",
                               fix="pass by='agency' with two agencies, or two filters "
                                   "such as TimeRange periods.")
    return compare(first.apply(view), second.apply(view), min_support=min_support,
                   alpha=alpha, labels=labels)


@dataclass(frozen=True, eq=False)
class Difference:
    """Overlay of a ``Comparison`` for ``render_map`` (on ``comparison.map``): edges coloured
    by the difference B − A in ``"share"`` of dossiers or in median ``"waiting"`` (working
    hours) on a diverging scale; edges that are not significant are grey and thin."""

    comparison: Comparison
    measure: Literal["share", "waiting"] = "share"

    def __post_init__(self) -> None:
        if self.measure not in ("share", "waiting"):
            raise DossierflowError(f"'{self.measure}' is not a difference measure.",
                                   fix="use 'share' or 'waiting'.")

    def paint(self, pmap: ProcessMap, lang: Lang) -> Paint:
        cmp, vi = self.comparison, lang == "vi"
        a, b = cmp.labels
        rows = cmp.edges.set_index(["source", "target"])
        share = self.measure == "share"
        value, before, after, flag = (
            ("share_diff", "share_a", "share_b", "significant_share") if share else
            ("wait_working_hours_diff", "wait_working_hours_median_a",
             "wait_working_hours_median_b", "significant_wait"))
        hours = "giờ" if vi else "h"

        def points(v: float) -> str:
            return f"{fmt_number(100 * v, lang, 1, signed=True)} {'điểm %' if vi else 'pp'}"

        def tick(v: float) -> str:
            return points(v) if share else fmt_number(v, lang, 1, signed=True)

        def shares(x: float, y: float) -> str:
            return f"{fmt_percent(100 * x, lang)} → {fmt_percent(100 * y, lang)}"

        def text(row: pd.Series) -> str:
            if share:
                return f"{points(row[value])} ({shares(row[before], row[after])})"
            return (f"{fmt_number(row[value], lang, 1, signed=True)} {hours} "
                    f"({fmt_number(row[before], lang, 1)} → {fmt_number(row[after], lang, 1)})")

        edges, muted = {}, set()
        for key in zip(pmap.edges["source"], pmap.edges["target"]):
            if key not in rows.index or not rows.at[key, flag]:
                muted.add(key)
                continue
            row = rows.loc[key]
            edges[key] = (float(row[value]), text(row))
        nodes = ({n: (d, shares(x, y)) for n, d, x, y in zip(
            cmp.nodes["activity"], cmp.nodes["share_diff"], cmp.nodes["share_a"],
            cmp.nodes["share_b"])} if share else {})
        i = LANGS.index(lang)
        what = (("tỉ lệ hồ sơ", "share of dossiers") if share else
                ("thời gian chờ trung vị", "median waiting time"))[i]
        title = f"Chênh lệch {what}: {b} so với {a}" if vi else f"Difference in {what}: {b} vs {a}"
        unit = (("điểm phần trăm", "percentage points") if share else
                ("giờ làm việc", "working hours"))[i]
        alpha = f"{cmp.alpha:g}".replace(".", "," if vi else ".")
        notes = ((f"Đỏ: cao hơn ở {b}; xanh: thấp hơn ở {b}",
                  f"Xám, mảnh: không có ý nghĩa thống kê (q ≥ {alpha}, Benjamini–Hochberg) "
                  f"hoặc dưới {cmp.min_support} {'hồ sơ' if share else 'lượt chờ'} mỗi nhóm")
                 if vi else
                 (f"Red: higher in {b}; blue: lower in {b}",
                  f"Grey, thin: not significant (q ≥ {alpha}, Benjamini–Hochberg) or fewer "
                  f"than {cmp.min_support} {'dossiers' if share else 'waits'} in a group"))
        if not edges:
            notes += (("Không cạnh nào khác biệt có ý nghĩa", "No path differs significantly")[i],)
        if share:
            notes += (("Nút: chênh lệch tỉ lệ hồ sơ qua bước (không kiểm định)",
                       "Activities: difference in share of dossiers (not tested)")[i],)
        return Paint(nodes, edges, title, unit, RED_BLUE, tick, diverging=True,
                     muted=frozenset(muted), notes=notes)


def heatmap(view: LogView, *, by: str = "agency") -> pd.DataFrame:
    """Median waiting before each activity (working hours) per value of the case column
    ``by`` (an agency × activity table in long form), against the whole view's median.

    The wait before an activity runs from the previous event of the dossier; the supplement
    pause (request → received) is the citizen's time and left out. Columns: ``by``,
    ``activity``, ``waits`` and ``wait_working_hours_median`` of the group,
    ``province_waits`` and ``province_wait_working_hours_median`` (all dossiers of the view,
    with or without a ``by`` value), ``ratio`` (group median / province median; NaN when the
    latter is 0). Dossiers without a ``by`` value get no row; pivot with
    ``frame.pivot(index=by, columns="activity", values="ratio")``.
    """
    if by not in view.cases.columns:
        raise ColumnMappingError(f"the dossiers of this log have no column '{by}'.", column=by,
                                 fix=f"use one of: {', '.join(view.cases.columns)}.")
    pairs = follows(view)
    citizen = ((pairs.activity == SUPPLEMENT_REQUEST)
               & (pairs.next_activity == SUPPLEMENT_RECEIVED))
    moves = pairs.filter(pairs.next_activity.notnull() & ~citizen)
    moves = moves.join(view.cases.select("case_code", group=view.cases[by]), "case_code")
    moves = moves.select("group", activity=moves.next_activity,
                         hours=moves.wait_working_minutes / 60.0)
    groups = moves.filter(moves.group.notnull()).group_by(["group", "activity"]).aggregate(
        waits=ibis._.count(), wait_working_hours_median=ibis._.hours.median())
    province = moves.group_by("activity").aggregate(
        province_waits=ibis._.count(), province_wait_working_hours_median=ibis._.hours.median())
    table = groups.join(province, "activity").to_pandas()
    median = table["province_wait_working_hours_median"]
    table["ratio"] = table["wait_working_hours_median"] / median.where(median != 0)
    table = table.rename(columns={"group": by})[[by, *HEATMAP_COLUMNS]]
    return table.astype({"waits": "int64", "province_waits": "int64"}).sort_values(
        [by, "activity"], ignore_index=True)

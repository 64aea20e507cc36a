"""Process maps as DOT: structure, labels in both languages, legends, number formats,
escaping, a 35-activity map, and SVG through Graphviz's dot when it is installed."""

from __future__ import annotations

import re
import sys
import textwrap
import unicodedata
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest

from dossierflow.mining import DossierflowError, import_log, prepare
from dossierflow.mining.analysis.process_map import ProcessMap, process_map
from dossierflow.mining.analysis.render_map import (
    Frequency,
    Performance,
    render_map,
    render_svg,
    svg_available,
)
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.vocabulary import MAP_END, MAP_START

NEEDS_DOT = pytest.mark.skipif(not svg_available(),
                               reason="Graphviz's dot is not installed: SVG needs Graphviz's dot")
LOG = """
case_id,activity,timestamp
C1,receive,2024-03-12 08:00
C1,appraise,2024-03-12 09:00
C1,deliver_result,2024-03-12 10:30
C2,receive,2024-03-12 08:00
C2,appraise,2024-03-12 11:00
C2,deliver_result,2024-03-12 11:15
C3,receive,2024-03-12 08:00
C3,deliver_result,2024-03-12 08:30
"""
ODD = 'Kiểm tra "hồ sơ" <gấp> & lưu'


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> ProcessMap:
    path = tmp_path_factory.mktemp("render") / "log.csv"
    path.write_text(textwrap.dedent(LOG).strip() + "\n", encoding="utf-8")
    return process_map(LogView.of_log(prepare(import_log(path))))


def hand_map(activities: list[str], edges: list[tuple[str, str, int, float]]) -> ProcessMap:
    """A map built by hand: edges (source, target, frequency, median working-hour wait)."""
    nodes = pd.DataFrame({"activity": activities, "events": 10 * np.arange(1, len(activities) + 1),
                          "cases": 5, "start_cases": 0, "end_cases": 0}).reindex(
        columns=["activity", "events", "cases", "start_cases", "end_cases",
                 "service_working_minutes_median", "service_seconds_median"])
    frame = pd.DataFrame(edges, columns=["source", "target", "frequency",
                                         "wait_working_hours_median"])
    frame["cases"] = frame["frequency"]
    frame["wait_hours_median"] = frame["wait_working_hours_median"]
    return ProcessMap(nodes=nodes, edges=frame, cases=5)


def without_labels(source: str) -> str:
    """``source`` with every HTML-like label ``<…>`` cut out (nesting counted)."""
    out, depth = [], 0
    i = 0
    while i < len(source):
        if depth == 0 and source.startswith("->", i):
            out.append("->")
            i += 2
            continue
        char = source[i]
        if char == "<":
            depth += 1
        elif char == ">" and depth:
            depth -= 1
        elif depth == 0:
            out.append(char)
        i += 1
    assert depth == 0, "unbalanced < > in labels"
    return "".join(out)


def check_structure(source: str) -> tuple[set[str], list[tuple[str, str]]]:
    """Balanced braces and brackets outside labels, no stray < > outside them, and every
    edge's ends declared as nodes; returns the declared nodes and the edges."""
    bare = without_labels(source)
    assert bare.count("{") == bare.count("}") == 1
    assert bare.count("[") == bare.count("]")
    assert "<" not in bare.replace("->", "") and ">" not in bare.replace("->", "")
    declared = set(re.findall(r"^\t(\w+) \[", source, re.MULTILINE)) - {"graph", "node", "edge"}
    edges = re.findall(r"^\t(\w+) -> (\w+)", source, re.MULTILINE)
    assert edges and {n for e in edges for n in e} <= declared
    return declared, edges


def test_dot_structure_and_languages(small):
    vi = render_map(small)
    en = render_map(small, lang="en")
    for source in (vi, en):
        declared, edges = check_structure(source)
        assert {"start", "end", "legend"} <= declared
        assert len(edges) == len(small.edges)
        assert source.startswith("digraph process_map {")
    assert "Tiếp nhận hồ sơ" in vi and "Receive dossier" not in vi
    assert "Receive dossier" in en and "Tiếp nhận hồ sơ" not in en
    assert "Trả kết quả" in vi and "Deliver result" in en
    assert "▶" in vi and "■" in vi
    assert "Bắt đầu" in vi and "Start" in en
    assert "rankdir=TB" in vi and "rankdir=LR" in render_map(small, direction="LR")


def test_legend_states_title_unit_and_scale(small):
    frequency = render_map(small, overlay=Frequency(), lang="en")
    assert "<B>Frequency</B>" in frequency and "Unit: events (activities), transitions" in frequency
    assert "Sequential colour scale" in frequency
    waiting = render_map(small, overlay=Performance(stat="median", unit="working_hours"))
    assert "Thời gian chờ (trung vị)" in waiting and "Đơn vị: giờ làm việc" in waiting
    assert "Thang màu tuần tự" in waiting
    waiting_en = render_map(small, overlay=Performance(stat="p90"), lang="en")
    assert "Waiting time (90th percentile)" in waiting_en and "Unit: working hours" in waiting_en
    share = render_map(small, overlay=Frequency("case_share"), lang="en")
    assert "66.7%" in share  # appraise: 2 of 3 dossiers


def test_frequency_colours_and_widths_follow_the_counts(small):
    source = render_map(small, overlay=Frequency(), lang="en")
    widths = {(s, t): float(w) for s, t, w in
              re.findall(r"^\t(\w+) -> (\w+) \[.*penwidth=([\d.]+)", source, re.MULTILINE)}
    ids = dict(re.findall(r"^\t(\w+) \[label=<([A-Za-z ]+)<BR/>", source, re.MULTILINE))
    name = {v: k for k, v in ids.items()}
    # receive → deliver_result (1 dossier) is thinner than receive → appraise (2) and start (3)
    direct = widths[(name["Receive dossier"], name["Deliver result"])]
    assert direct < widths[(name["Receive dossier"], name["Appraise"])] < widths[
        ("start", name["Receive dossier"])]


def test_performance_numbers_are_formatted_for_the_language():
    pmap = hand_map(["receive", "appraise"], [(MAP_START, "receive", 5, np.nan),
                                              ("receive", "appraise", 5, 1234.5),
                                              ("appraise", MAP_END, 5, np.nan)])
    vi = render_map(pmap, overlay=Performance())
    en = render_map(pmap, overlay=Performance(), lang="en")
    assert "1.234,5 giờ" in vi and "1,234.5 h" in en
    days = render_map(pmap, overlay=Performance(unit="working_days", minutes_per_day=450),
                      lang="en")
    assert "164.6 d" in days and "Unit: working days" in days  # 1234.5 h × 60 / 450
    # edges without a wait (from start, to end) are drawn grey and dashed
    assert re.search(r"start -> n\d \[color=\"#bdbdbd\" penwidth=0.8 style=dashed\]", vi)


def test_labels_are_escaped_and_nfc():
    pmap = hand_map([unicodedata.normalize("NFD", ODD), "receive"],
                    [(MAP_START, "receive", 3, np.nan),
                     ("receive", unicodedata.normalize("NFD", ODD), 3, 2.0),
                     (unicodedata.normalize("NFD", ODD), MAP_END, 3, np.nan)])
    source = render_map(pmap, lang="en")
    check_structure(source)
    assert "&quot;hồ sơ&quot;" in source and "&lt;gấp&gt;" in source and "&amp; lưu" in source
    assert unicodedata.is_normalized("NFC", source)
    assert '"hồ sơ"' not in source and "<gấp>" not in source


@NEEDS_DOT
def test_svg_of_escaped_labels():
    pmap = hand_map([ODD, "receive"], [(MAP_START, "receive", 3, np.nan), ("receive", ODD, 3, 2.0),
                                       (ODD, MAP_END, 3, np.nan)])
    svg = render_svg(render_map(pmap, lang="vi"))
    root = ET.fromstring(svg)
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "<gấp>" in texts and '"hồ sơ"' in texts and "Tiếp nhận hồ sơ" in texts


def big_map(n: int = 35) -> ProcessMap:
    rng = np.random.default_rng(7)
    names = [f"step_{i}" for i in range(n - 4)] + ["receive", "appraise", "approve_sign",
                                                    "deliver_result"]
    edges = [(MAP_START, "receive", 900, np.nan), ("deliver_result", MAP_END, 900, np.nan)]
    for i, source in enumerate(names):
        for target in (names[(i + 1) % n], names[(i * 7 + 3) % n]):
            if target != source:
                edges.append((source, target, int(rng.integers(1, 900)),
                              float(rng.gamma(2, 8))))
    return hand_map(names, list(dict(((s, t), (s, t, f, w)) for s, t, f, w in edges).values()))


def test_a_35_activity_map_renders():
    pmap = big_map()
    for overlay in (Frequency(), Performance()):
        source = render_map(pmap, overlay=overlay, lang="vi", direction="LR")
        declared, edges = check_structure(source)
        assert {f"n{i}" for i in range(35)} <= declared
        assert len(edges) == len(pmap.edges)
        assert "ranksep=" in source and "nodesep=" in source
    # long labels are wrapped
    assert "Chuyển hồ sơ đến cơ<BR/>quan giải quyết" in render_map(
        hand_map(["transfer_to_agency"], [(MAP_START, "transfer_to_agency", 1, np.nan)]))


@NEEDS_DOT
def test_svg_of_a_35_activity_map():
    svg = render_svg(render_map(big_map(), overlay=Performance(), lang="en"), timeout=60)
    root = ET.fromstring(svg)
    groups = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"]
    assert len(groups) == 35 + 3  # activities, start, end, legend


def test_svg_needs_dot(monkeypatch):
    drawing = sys.modules["dossierflow.mining.analysis.render_map"]
    monkeypatch.setattr(drawing.shutil, "which", lambda name: None)
    assert not svg_available()
    assert render_svg("digraph { a -> b }") is None


def test_wrong_values_are_refused(small):
    with pytest.raises(DossierflowError, match="display language"):
        render_map(small, lang="fr")
    with pytest.raises(DossierflowError, match="minutes_per_day"):
        Performance(unit="working_days")
    with pytest.raises(DossierflowError, match="frequency measure"):
        Frequency("weekly")

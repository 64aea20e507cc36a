"""Drawing a hand-over network as Graphviz DOT: nodes shaded by betweenness centrality, edges
as thick as their hand-overs and coloured by their median wait in working hours; the busiest
edges only when there are many (SVG through ``render_map.render_svg``)."""

from __future__ import annotations

from collections.abc import Mapping

import graphviz
import numpy as np

from dossierflow.mining.analysis.handover import COUNTER, HandoverNetwork
from dossierflow.mining.analysis.render_map import (
    BLUES,
    FONT,
    ORANGES,
    _check_lang,
    _colour,
    _dark,
    _html,
    _wrapped,
)
from dossierflow.mining.number_format import fmt_number
from dossierflow.mining.vocabulary import Lang

MAX_EDGES = 60
# the centres' own ids (docs/domain.md §6, agency types), which the agency catalogue leaves out
CENTRES = {"PASC_PROV": {"vi": "Trung tâm Phục vụ hành chính công tỉnh",
                         "en": "Provincial Public Administration Service Centre"},
           "PASC_COMMUNE": {"vi": "Trung tâm Phục vụ hành chính công xã",
                            "en": "Commune Public Administration Service Centre"}}
TEXT = {
    "vi": {"counter": "Quầy một cửa của Trung tâm",
           "title": {"agency": "Chuyển giao hồ sơ giữa các cơ quan",
                     "officer": "Chuyển giao hồ sơ giữa các cán bộ",
                     "desk": "Chuyển giao giữa quầy một cửa và các cơ quan"},
           "edges": "Cạnh: số lượt chuyển giao · thời gian chờ trung vị (giờ làm việc); "
                    "càng dày càng nhiều lượt, càng đậm càng chờ lâu",
           "nodes": "Nút: càng đậm, càng nhiều luồng hồ sơ đi qua (độ trung gian)",
           "cut": "Hiển thị {shown}/{total} cạnh nhiều lượt nhất", "hours": "giờ"},
    "en": {"counter": "Centre's one-stop counter",
           "title": {"agency": "Hand-overs between agencies",
                     "officer": "Hand-overs between officers",
                     "desk": "Hand-overs between the counter and the agencies"},
           "edges": "Edges: hand-overs · median wait (working hours); thicker means more "
                    "hand-overs, darker means longer waits",
           "nodes": "Nodes: darker means more flows pass through (betweenness)",
           "cut": "Shown: the {shown} busiest of {total} edges", "hours": "h"},
}


def node_name(node: str, lang: Lang, names: Mapping[str, str] | None = None) -> str:
    """How a node is shown: its name in ``names``, the counter's or a centre's label, else
    as given."""
    if names and node in names:
        return names[node]
    if node == COUNTER:
        return TEXT[lang]["counter"]
    return CENTRES[node][lang] if node in CENTRES else str(node)


def _scaled(values: np.ndarray) -> np.ndarray:
    """``values`` on 0–1 from 0 to their maximum (0 when all are 0 or missing)."""
    top = np.nanmax(values) if len(values) and not np.isnan(values).all() else 0.0
    return np.nan_to_num(values / top) if top > 0 else np.zeros(len(values))


def render_handover(network: HandoverNetwork, *, lang: Lang = "vi",
                    names: Mapping[str, str] | None = None,
                    max_edges: int = MAX_EDGES) -> str:
    """DOT source of ``network`` in ``lang``, nodes named by ``names`` (e.g. agency names or
    officers' pseudonyms; the counter and other nodes as ``node_name`` says), the
    ``max_edges`` busiest edges drawn, with a legend."""
    _check_lang(lang)
    words = TEXT[lang]
    edges = network.edges.head(max_edges)
    shown = set(edges["source"]) | set(edges["target"])
    nodes = network.nodes[network.nodes["node"].isin(shown)]
    dot = graphviz.Digraph("handover", graph_attr={
        "rankdir": "LR", "fontname": FONT, "nodesep": "0.3", "ranksep": "0.6"},
        node_attr={"fontname": FONT, "fontsize": "11", "shape": "box",
                   "style": "rounded,filled", "color": "#737373", "margin": "0.12,0.06"},
        edge_attr={"fontname": FONT, "fontsize": "9", "arrowsize": "0.7"})
    ids = {}
    shade = _scaled(nodes["betweenness_centrality"].to_numpy(dtype=float))
    for i, (node, level) in enumerate(zip(nodes["node"], shade)):
        ids[node] = f"n{i}"
        fill = _colour(BLUES, 0.1 + 0.7 * level)
        dot.node(f"n{i}", label=f"<{_wrapped(node_name(node, lang, names))}>", fillcolor=fill,
                 fontcolor="white" if _dark(fill) else "black")
    width = _scaled(edges["handovers"].to_numpy(dtype=float))
    wait = _scaled(edges["wait_working_hours_median"].to_numpy(dtype=float))
    for row, w, c in zip(edges.itertuples(index=False), width, wait):
        text = (f"{fmt_number(row.handovers, lang)} · "
                f"{fmt_number(row.wait_working_hours_median, lang, 1)} {words['hours']}")
        dot.edge(ids[row.source], ids[row.target], label=f"<{_html(text)}>",
                 color=_colour(ORANGES, 0.35 + 0.65 * c), fontcolor="#404040",
                 penwidth=f"{1 + 5 * w:.2f}")
    notes = [words["edges"], words["nodes"]]
    if len(network.edges) > len(edges):
        notes.append(words["cut"].format(shown=fmt_number(len(edges), lang),
                                         total=fmt_number(len(network.edges), lang)))
    rows = [f'<TR><TD ALIGN="LEFT"><B>{_html(words["title"][network.level])}</B></TD></TR>',
            *(f'<TR><TD ALIGN="LEFT">{_html(note)}</TD></TR>' for note in notes)]
    dot.node("legend", label='<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" '
             f'COLOR="#999999">{"".join(rows)}</TABLE>>', shape="plaintext", style="solid",
             fillcolor="white")
    return dot.source

"""Drawing a process map as Graphviz DOT, coloured by an overlay, with SVG through ``dot``.

Overlays are values passed to ``render_map`` (``Frequency()``, ``Performance(...)``, or the
``Difference`` of a comparison): each ``paint``s a map, giving every node and edge a value on
a colour scale and a text, and the legend's title and unit. Labels are HTML-like and escaped,
node names are generated (``n0``, ``n1``, …), so no activity name can break the DOT source.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol

import graphviz
import numpy as np

from dossierflow.mining.analysis.process_map import ProcessMap, Sliders
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.number_format import fmt_number, fmt_percent
from dossierflow.mining.vocabulary import Lang, activity_label

LANGS = ("vi", "en")
BLUES = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5",
         "#08519c", "#08306b")
ORANGES = ("#fff5eb", "#fee6ce", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801",
           "#a63603", "#7f2704")
RED_BLUE = ("#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582",
            "#d6604d", "#b2182b")
MUTED, NEUTRAL_FILL = "#bdbdbd", "#f5f5f5"
FONT = "Helvetica,Arial,sans-serif"
WRAP = 22  # characters per line of a node label
TEXT = {
    "vi": {"nodes": "Nút", "edges": "Cạnh", "both": "Nút và cạnh", "unit": "Đơn vị",
           "sequential": "Thang màu tuần tự", "diverging": "Thang màu phân kỳ (0 ở giữa)",
           "width": "Cạnh càng dày, giá trị càng lớn",
           "width_diverging": "Cạnh càng dày, chênh lệch càng lớn",
           "start": "Bắt đầu", "end": "Kết thúc",
           "sliders": "Hiển thị {a}/{a_all} bước xử lý (thanh trượt {a_share}), {p}/{p_all} "
                      "đường đi (thanh trượt {p_share})"},
    "en": {"nodes": "Activities", "edges": "Paths", "both": "Activities and paths",
           "unit": "Unit",
           "sequential": "Sequential colour scale",
           "diverging": "Diverging colour scale (0 in the middle)",
           "width": "Thicker paths, larger values",
           "width_diverging": "Thicker paths, larger differences", "start": "Start",
           "end": "End",
           "sliders": "Shown: {a} of {a_all} activities (slider {a_share}), {p} of {p_all} "
                      "paths (slider {p_share})"},
}


@dataclass(frozen=True)
class Paint:
    """What an overlay shows: per activity and per (source, target) edge a value on the colour
    scale (NaN: drawn neutral) and a text; ``muted`` edges are drawn grey and thin, without
    text. ``palette`` runs from low to high; ``diverging`` scales are symmetric around 0;
    ``tick`` writes a value of the scale for the legend."""

    nodes: dict[str, tuple[float, str]]
    edges: dict[tuple[str, str], tuple[float, str]]
    title: str
    unit: str
    palette: tuple[str, ...]
    tick: Callable[[float], str]
    diverging: bool = False
    muted: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    notes: tuple[str, ...] = ()


class Overlay(Protocol):
    """Anything with ``paint(pmap, lang) -> Paint``."""

    def paint(self, pmap: ProcessMap, lang: Lang) -> Paint: ...


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise DossierflowError(f"'{lang}' is not a display language.", fix="use 'vi' or 'en'.")


@dataclass(frozen=True)
class Frequency:
    """Colour by how often: ``"absolute"`` (events on nodes, transitions on edges),
    ``"cases"`` (distinct dossiers) or ``"case_share"`` (share of the map's dossiers)."""

    measure: Literal["absolute", "cases", "case_share"] = "absolute"

    TITLES = {"absolute": ("Tần suất", "Frequency"), "cases": ("Số hồ sơ", "Dossiers"),
              "case_share": ("Tỉ lệ hồ sơ", "Share of dossiers")}
    UNITS = {"absolute": ("sự kiện (nút), lượt chuyển (cạnh)", "events (activities), "
                          "transitions (paths)"),
             "cases": ("hồ sơ", "dossiers"), "case_share": ("% số hồ sơ của bản đồ",
                                                            "% of the map's dossiers")}

    def __post_init__(self) -> None:
        if self.measure not in self.TITLES:
            raise DossierflowError(f"'{self.measure}' is not a frequency measure.",
                                   fix=f"use one of {', '.join(self.TITLES)}.")

    def paint(self, pmap: ProcessMap, lang: Lang) -> Paint:
        node_col, edge_col = (("events", "frequency") if self.measure == "absolute"
                              else ("cases", "cases"))
        scale = 1 / max(pmap.cases, 1) if self.measure == "case_share" else 1

        def text(value: float) -> str:
            return (fmt_percent(100 * value, lang) if self.measure == "case_share"
                    else fmt_number(value, lang))

        nodes = {a: (v * scale, text(v * scale))
                 for a, v in zip(pmap.nodes["activity"], pmap.nodes[node_col])}
        edges = {(s, t): (v * scale, text(v * scale)) for s, t, v in
                 zip(pmap.edges["source"], pmap.edges["target"], pmap.edges[edge_col])}
        i = LANGS.index(lang)
        return Paint(nodes, edges, self.TITLES[self.measure][i], self.UNITS[self.measure][i],
                     BLUES, text)


@dataclass(frozen=True)
class Performance:
    """Colour edges by the waiting time between two activities and nodes by their service
    time (when the log has start times), as the ``stat`` (median, mean, p90) in ``unit``:
    working_hours, working_days (needs ``minutes_per_day``, e.g. ``view.minutes_per_day``),
    hours or days (wall clock)."""

    stat: Literal["median", "mean", "p90"] = "median"
    unit: Literal["working_hours", "working_days", "hours", "days"] = "working_hours"
    minutes_per_day: float | None = None

    STATS = {"median": ("trung vị", "median"), "mean": ("trung bình", "mean"),
             "p90": ("phân vị 90", "90th percentile")}
    UNITS = {"working_hours": ("giờ làm việc", "working hours", "giờ", "h"),
             "working_days": ("ngày làm việc", "working days", "ngày", "d"),
             "hours": ("giờ (thời gian thực)", "hours (wall clock)", "giờ", "h"),
             "days": ("ngày (lịch)", "calendar days", "ngày", "d")}

    def __post_init__(self) -> None:
        if self.stat not in self.STATS:
            raise DossierflowError(f"'{self.stat}' is not a statistic of a map.",
                                   fix=f"use one of {', '.join(self.STATS)}.")
        if self.unit not in self.UNITS:
            raise DossierflowError(f"'{self.unit}' is not a time unit of a map.",
                                   fix=f"use one of {', '.join(self.UNITS)}.")
        if self.unit == "working_days" and not self.minutes_per_day:
            raise DossierflowError("working days need the length of a working day.",
                                   fix="pass minutes_per_day=view.minutes_per_day.")

    def _columns(self) -> tuple[str, float, str, float]:
        """Edge column and its factor to the unit, node column and its factor."""
        if self.unit.startswith("working"):
            factor = 60 / self.minutes_per_day if self.unit == "working_days" else 1
            return (f"wait_working_hours_{self.stat}", factor,
                    f"service_working_minutes_{self.stat}", factor / 60)
        factor = 1 / 24 if self.unit == "days" else 1
        return f"wait_hours_{self.stat}", factor, f"service_seconds_{self.stat}", factor / 3600

    def paint(self, pmap: ProcessMap, lang: Lang) -> Paint:
        edge_col, edge_factor, node_col, node_factor = self._columns()
        i = LANGS.index(lang)
        short = self.UNITS[self.unit][2 + i]

        def text(value: float) -> str:
            return "" if np.isnan(value) else f"{fmt_number(value, lang, 1)} {short}"

        nodes = {a: (v * node_factor, text(v * node_factor))
                 for a, v in zip(pmap.nodes["activity"], pmap.nodes[node_col])}
        edges = {(s, t): (v * edge_factor, text(v * edge_factor)) for s, t, v in
                 zip(pmap.edges["source"], pmap.edges["target"], pmap.edges[edge_col])}
        muted = frozenset(key for key, (value, _) in edges.items() if np.isnan(value))
        stat = self.STATS[self.stat][i]
        title = f"Thời gian chờ ({stat})" if lang == "vi" else f"Waiting time ({stat})"
        notes = ((("Nút: thời gian xử lý", "Activities: service time")[i],)
                 if any(not np.isnan(v) for v, _ in nodes.values()) else ())
        return Paint(nodes, edges, title, self.UNITS[self.unit][i], ORANGES,
                     lambda value: fmt_number(value, lang, 1), muted=muted, notes=notes)


def _clean(text: object) -> str:
    """Display text: NFC, control characters as spaces."""
    text = unicodedata.normalize("NFC", str(text))
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)


def _html(text: object) -> str:
    return html.escape(_clean(text), quote=True)


def _wrapped(text: str, width: int = WRAP) -> str:
    """``text`` escaped for an HTML-like label, broken into lines of about ``width``."""
    lines = textwrap.wrap(_clean(text), width, break_long_words=True) or [""]
    return "<BR/>".join(html.escape(line, quote=True) for line in lines)


def _colour(palette: tuple[str, ...], t: float) -> str:
    """The colour at ``t`` (0–1) along ``palette``, interpolated."""
    rgb = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in palette], float)
    x = min(max(t, 0.0), 1.0) * (len(palette) - 1)
    low = min(int(x), len(palette) - 2)
    mixed = rgb[low] + (rgb[low + 1] - rgb[low]) * (x - low)
    return "#" + "".join(f"{round(v):02x}" for v in mixed)


def _dark(colour: str) -> bool:
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5


@dataclass(frozen=True)
class _Scale:
    """Maps values of one kind (node or edge) to 0–1: sequential from 0 (or a lower
    minimum) to the maximum, diverging from −bound to +bound (the largest magnitude)."""

    low: float
    high: float

    @classmethod
    def of(cls, values: list[float], diverging: bool) -> _Scale | None:
        values = [v for v in values if not np.isnan(v)]
        if not values:
            return None
        if diverging:
            bound = max(abs(v) for v in values) or 1.0
            return cls(-bound, bound)
        low, high = min(0.0, *values), max(values)
        return cls(low, high if high > low else low + 1)

    def __call__(self, value: float) -> float:
        return (value - self.low) / (self.high - self.low)

    def strength(self, value: float, diverging: bool) -> float:
        """0–1: how far ``value`` is from the scale's low end (from 0 when diverging)."""
        return abs(2 * self(value) - 1) if diverging else self(value)


def _scales(paint: Paint) -> dict[str, _Scale | None]:
    """The scale of node values and that of edge values (muted edges left out); a diverging
    paint puts both on one scale, so that equal differences get equal colours."""
    nodes = [v for v, _ in paint.nodes.values()]
    edges = [v for k, (v, _) in paint.edges.items() if k not in paint.muted]
    if paint.diverging:
        both = _Scale.of(nodes + edges, True)
        return {"nodes": both, "edges": both}
    return {"nodes": _Scale.of(nodes, False), "edges": _Scale.of(edges, False)}


def sliders_text(sliders: Sliders, lang: Lang) -> str:
    """What the sliders keep, e.g. 'Shown: 30 of 400 activities (slider 7.5%), …'."""
    return TEXT[lang]["sliders"].format(
        a=fmt_number(sliders.activities_shown, lang),
        a_all=fmt_number(sliders.activities_total, lang),
        a_share=fmt_percent(100 * sliders.activities, lang),
        p=fmt_number(sliders.paths_shown, lang), p_all=fmt_number(sliders.paths_total, lang),
        p_share=fmt_percent(100 * sliders.paths, lang))


def _legend(paint: Paint, scales: dict[str, _Scale | None], lang: Lang,
            extra: tuple[str, ...] = ()) -> str:
    """The legend: title, unit, the palette in five swatches with the values they stand for
    on nodes and on edges, the scale's kind, the notes and ``extra`` lines."""
    words = TEXT[lang]
    steps = np.linspace(0, 1, 5)
    swatches = "".join(f'<TD BGCOLOR="{_colour(paint.palette, t)}" WIDTH="34" HEIGHT="14">'
                       f"</TD>" for t in steps)
    rows = [f'<TR><TD COLSPAN="6"><B>{_html(paint.title)}</B></TD></TR>',
            f'<TR><TD COLSPAN="6">{_html(words["unit"])}: {_html(paint.unit)}</TD></TR>',
            f"<TR><TD></TD>{swatches}</TR>"]
    painted_nodes = any(not np.isnan(v) for v, _ in paint.nodes.values())
    shown = ({"both" if painted_nodes else "edges": scales["edges"]} if paint.diverging
             else scales).items()
    for kind, scale in shown:
        if scale is None:
            continue
        values = scale.low + steps * (scale.high - scale.low)
        ticks = "".join(f"<TD>{_html(paint.tick(value))}</TD>" for value in values)
        rows.append(f'<TR><TD ALIGN="LEFT">{_html(words[kind])}</TD>{ticks}</TR>')
    kind = "diverging" if paint.diverging else "sequential"
    notes = (words[kind], words["width_diverging" if paint.diverging else "width"],
             *paint.notes, *extra)
    rows += [f'<TR><TD COLSPAN="6" ALIGN="LEFT">{_html(note)}</TD></TR>' for note in notes]
    return ('<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2" COLOR="#999999">'
            + "".join(rows) + "</TABLE>>")


def render_map(pmap: ProcessMap, *, overlay: Overlay = Frequency(), lang: Lang = "vi",
               direction: Literal["TB", "LR"] = "TB", sliders: Sliders | None = None) -> str:
    """DOT source of ``pmap`` coloured by ``overlay`` (a ``Frequency``, ``Performance`` or
    ``Difference`` value), with activity labels in ``lang`` ('vi' or 'en'; unknown ids shown
    as given), start ▶ and end ■ nodes and a legend (stating the ``sliders`` applied, when
    given), laid out top-down (``"TB"``) or left to right (``"LR"``)."""
    _check_lang(lang)
    if direction not in ("TB", "LR"):
        raise DossierflowError(f"'{direction}' is not a layout direction.",
                               fix="use 'TB' (top-down) or 'LR' (left to right).")
    paint = overlay.paint(pmap, lang)
    scales = _scales(paint)
    # no outputorder=edgesfirst: the browser's d3-graphviz (st.graphviz_chart) animates a new
    # map from the previous one and, for an edge new to the map, looks up its source node
    # among the nodes already read; with edges written first it finds none, fails, and the
    # chart keeps showing the old map. Graphviz's default order writes each edge after its
    # two nodes.
    dot = graphviz.Digraph("process_map", graph_attr={
        "rankdir": direction, "ranksep": "0.45", "nodesep": "0.3", "fontname": FONT,
        "newrank": "true"},
        node_attr={"fontname": FONT, "fontsize": "11", "shape": "box",
                   "style": "rounded,filled", "color": "#737373", "margin": "0.12,0.06"},
        edge_attr={"fontname": FONT, "fontsize": "9", "arrowsize": "0.7"})
    words = TEXT[lang]
    ids = {pmap.start: "start", pmap.end: "end"}
    dot.node("start", label=f"<▶<BR/>{_html(words['start'])}>", shape="circle",
             fillcolor="#a1d99b", fontsize="9")
    dot.node("end", label=f"<■<BR/>{_html(words['end'])}>", shape="circle",
             fillcolor="#fc9272", fontsize="9")
    for i, activity in enumerate(pmap.nodes["activity"]):
        ids[activity] = f"n{i}"
        value, text = paint.nodes.get(activity, (np.nan, ""))
        scale = scales["nodes"]
        fill = (NEUTRAL_FILL if np.isnan(value) or scale is None
                else _colour(paint.palette, scale(value)))
        detail = f'<BR/><FONT POINT-SIZE="9">{_html(text)}</FONT>' if text else ""
        dot.node(f"n{i}", label=f"<{_wrapped(activity_label(activity, lang))}{detail}>",
                 fillcolor=fill, fontcolor="white" if _dark(fill) else "black")
    for source, target in zip(pmap.edges["source"], pmap.edges["target"]):
        value, text = paint.edges.get((source, target), (np.nan, ""))
        scale = scales["edges"]
        if (source, target) in paint.muted or np.isnan(value) or scale is None:
            dot.edge(ids[source], ids[target], color=MUTED, penwidth="0.8",
                     style="dashed" if source == pmap.start or target == pmap.end else "solid")
            continue
        strength = scale.strength(value, paint.diverging)
        colour = _colour(paint.palette, scale(value) if paint.diverging
                         else 0.35 + 0.65 * scale(value))
        dot.edge(ids[source], ids[target], label=f"<{_html(text)}>" if text else None,
                 color=colour, fontcolor="#404040", penwidth=f"{1 + 5 * strength:.2f}")
    extra = (sliders_text(sliders, lang),) if sliders else ()
    dot.node("legend", label=_legend(paint, scales, lang, extra), shape="plaintext",
             style="solid", fillcolor="white")
    return dot.source


def svg_available() -> bool:
    """Whether Graphviz's ``dot`` program is installed (``render_svg`` needs it)."""
    return shutil.which("dot") is not None


def draw_dot(dot_source: str, format: str, *, timeout: float = 60.0) -> bytes | None:
    """DOT source drawn by Graphviz's ``dot`` as ``format`` (``svg``, ``png``); None when
    ``dot`` is not installed."""
    program = shutil.which("dot")
    if program is None:
        return None
    try:
        done = subprocess.run([program, f"-T{format}"], input=dot_source.encode("utf-8"),
                              capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as error:
        raise DossierflowError(f"Graphviz's dot took more than {timeout:g} s to draw the map.",
                               fix="simplify the map with the activities and paths sliders."
                               ) from error
    if done.returncode != 0:
        raise DossierflowError("Graphviz's dot could not draw the map: "
                               + done.stderr.decode("utf-8", "replace").strip(),
                               fix="report this map's DOT source as a bug.")
    return done.stdout


def render_svg(dot_source: str, *, timeout: float = 60.0) -> str | None:
    """SVG of DOT source drawn by Graphviz's ``dot``; None when ``dot`` is not installed
    (callers then say that SVG needs Graphviz's dot)."""
    drawn = draw_dot(dot_source, "svg", timeout=timeout)
    return None if drawn is None else drawn.decode("utf-8")

"""The process map in the browser: Graphviz's SVG in a component that fits it to the window,
zooms (wheel, buttons) and pans (drag) with its own script (nothing fetched from the internet),
and reports the activity or path clicked; the dossiers through what was clicked; an overlay
that writes frequency and time together."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app.i18n import t
from dossierflow.app.selection import Selection
from dossierflow.mining.analysis.process_map import (
    MAX_ACTIVITIES,
    MAX_PATHS,
    ProcessMap,
    Sliders,
)
from dossierflow.mining.analysis.render_map import (
    Frequency,
    Overlay,
    Paint,
    Performance,
    render_map,
    render_svg,
)
from dossierflow.mining.log.transitions import follows
from dossierflow.mining.vocabulary import MAP_END, MAP_START, Lang

LISTED = 500  # dossiers listed for a click
BOX_ASPECT = 1.65  # the map's box on a 1440×900 window: about 940 × 570 pixels

CSS = """
.df-map { position: relative; width: 100%; height: max(420px, calc(100vh - 330px));
  border: 1px solid #d0d0d0; border-radius: 6px; overflow: hidden; background: #fff;
  touch-action: none; user-select: none; }
.df-stage, .df-stage svg { width: 100%; height: 100%; display: block; cursor: grab; }
.df-stage svg.df-dragging { cursor: grabbing; }
.df-stage g.node, .df-stage g.edge { cursor: pointer; }
.df-stage g.node:hover path, .df-stage g.node:hover polygon { stroke: #e6550d; stroke-width: 2; }
.df-stage g.edge:hover path { stroke-width: 4; }
.df-stage g.df-picked path, .df-stage g.df-picked polygon, .df-stage g.df-picked ellipse {
  stroke: #e6550d !important; stroke-width: 3 !important; }
.df-tools { position: absolute; top: 8px; right: 8px; display: flex; gap: 4px; }
.df-tools button { font: 14px sans-serif; min-width: 32px; height: 30px; border-radius: 4px;
  border: 1px solid #bbb; background: #fafafa; cursor: pointer; }
.df-hint { position: absolute; left: 8px; bottom: 6px; font: 12px sans-serif; color: #666;
  background: rgba(255,255,255,.85); padding: 1px 4px; }
"""

HTML = """<div class="df-map"><div class="df-stage"></div>
<div class="df-tools"><button data-zoom="in">+</button><button data-zoom="out">−</button>
<button data-zoom="fit"></button></div><div class="df-hint"></div></div>"""

JS = """
export default function(component) {
  const { data, setStateValue, parentElement } = component;
  const root = parentElement.querySelector('.df-map');
  const stage = root.querySelector('.df-stage');
  root.querySelector('[data-zoom="fit"]').textContent = data.words.fit;
  root.querySelector('[data-zoom="in"]').title = data.words.zoom_in;
  root.querySelector('[data-zoom="out"]').title = data.words.zoom_out;
  root.querySelector('.df-hint').textContent = data.words.hint;
  if (root.dfSvg !== data.svg) {  // a new map: drawn afresh, fitted to the box
    stage.innerHTML = data.svg; root.dfSvg = data.svg; root.dfFull = null; root.dfView = null;
  }
  const svg = stage.querySelector('svg');
  if (!svg) return;
  svg.removeAttribute('width'); svg.removeAttribute('height');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  const box = svg.viewBox.baseVal;
  const full = root.dfFull || [box.x, box.y, box.width, box.height];
  root.dfFull = full;
  const show = (v) => { root.dfView = v; svg.setAttribute('viewBox', v.join(' ')); };
  const current = () => root.dfView || full;
  const toSvg = (x, y) => {
    const p = svg.createSVGPoint(); p.x = x; p.y = y;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  };
  const zoom = (factor, x, y) => {
    const [vx, vy, w, h] = current();
    const r = svg.getBoundingClientRect();
    const p = toSvg(x ?? r.left + r.width / 2, y ?? r.top + r.height / 2);
    const nw = Math.min(Math.max(w * factor, full[2] / 40), full[2] * 4);
    const f = nw / w;
    show([p.x - (p.x - vx) * f, p.y - (p.y - vy) * f, w * f, h * f]);
  };
  show(current());
  root.querySelectorAll('.df-tools button').forEach((b) => {
    b.onclick = () => b.dataset.zoom === 'fit' ? show(full.slice())
      : zoom(b.dataset.zoom === 'in' ? 0.7 : 1 / 0.7);
  });
  svg.onwheel = (e) => { e.preventDefault(); zoom(e.deltaY < 0 ? 0.85 : 1 / 0.85,
                                                  e.clientX, e.clientY); };
  let drag = null;
  svg.onpointerdown = (e) => { drag = { x: e.clientX, y: e.clientY, moved: false };
                               svg.classList.add('df-dragging'); };
  svg.onpointermove = (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (!drag.moved) return;
    const scale = svg.getScreenCTM().a;
    const [vx, vy, w, h] = current();
    show([vx - dx / scale, vy - dy / scale, w, h]);
    drag.x = e.clientX; drag.y = e.clientY;
  };
  const end = () => { svg.classList.remove('df-dragging');
                      setTimeout(() => { drag = null; }, 0); };
  svg.onpointerup = end; svg.onpointerleave = end;
  const mark = (g) => {
    svg.querySelectorAll('.df-picked').forEach((o) => o.classList.remove('df-picked'));
    if (g) g.classList.add('df-picked');
  };
  svg.onclick = (e) => {
    if (drag && drag.moved) return;
    const g = e.target.closest('g.node, g.edge');
    const id = g && g.querySelector('title') ? g.querySelector('title').textContent : null;
    if (!id) return;
    if (g.classList.contains('node') && id in data.ids) {
      mark(g); setStateValue('picked', { activity: data.ids[id] });
    } else if (g.classList.contains('edge')) {
      const [s, t] = id.split('->');
      if (s in data.ids && t in data.ids) {
        mark(g); setStateValue('picked', { source: data.ids[s], target: data.ids[t] });
      }
    }
  };
}
"""

MAP_COMPONENT = st.components.v2.component("dossierflow_map", html=HTML, css=CSS, js=JS)


def default_sliders(key: str, selection: Selection) -> tuple[float, float]:
    """The activities and paths sliders at which the map opens: at most ``MAX_ACTIVITIES``
    activities and ``MAX_PATHS`` paths, as ``readable_map`` (the CLI's first view) sets them,
    rounded down to the sliders' 0.01 steps (never below one step)."""
    total = len(cm.process_map(key, selection, 1.0).nodes)
    activities = _step_down(MAX_ACTIVITIES / total if total else 1.0)
    edges = len(cm.process_map(key, selection, activities).edges)
    return activities, _step_down(MAX_PATHS / edges if edges else 1.0)


def _step_down(share: float) -> float:
    return max(0.01, min(1.0, int(share * 100 + 1e-9) / 100))


@st.cache_data(show_spinner=False, max_entries=64)
def drawing(key: str, selection: Selection, activities: float, paths: float, overlay: tuple,
            both: bool, lang: str) -> tuple[str, str | None]:
    """DOT source and SVG (None without Graphviz's dot) of the map at the sliders;
    ``overlay`` is ("frequency", measure) or ("performance", stat, unit); ``both`` writes the
    other overlay's figures (median waiting time, or transitions) beside its own. Laid out
    top-down or left to right, whichever shows larger in the window's box."""
    pmap = cm.simplified_map(key, selection, activities, paths)
    time = Performance(stat=overlay[1] if overlay[0] == "performance" else "median",
                       unit=overlay[2] if overlay[0] == "performance" else "working_hours",
                       minutes_per_day=cm.workspace(key).calendar.minutes_per_day)
    count = Frequency(overlay[1] if overlay[0] == "frequency" else "absolute")
    paint = time if overlay[0] == "performance" else count
    if both:
        paint = Both(paint, count if paint is time else time)
    full = cm.process_map(key, selection, 1.0)
    whole = cm.process_map(key, selection, activities)
    sliders = Sliders(activities, paths, len(pmap.nodes), len(full.nodes), len(pmap.edges),
                      len(whole.edges))
    drawn = [(dot, render_svg(dot)) for dot in
             (render_map(pmap, overlay=paint, lang=lang, sliders=sliders, direction=d)
              for d in ("TB", "LR"))]
    if drawn[0][1] is None:
        return drawn[0]
    return max(drawn, key=lambda pair: _fit_scale(pair[1]))


def _fit_scale(svg: str) -> float:
    """How large a drawing shows when fitted to a box of the window's usual shape."""
    found = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', svg)
    if found is None:
        return 0.0
    width, height = float(found.group(1)), float(found.group(2))
    return min(BOX_ASPECT / width, 1 / height) if width and height else 0.0


def node_ids(pmap: ProcessMap) -> dict[str, str]:
    """The SVG's node names (``render_map`` numbers activities in the map's order) → activity,
    start and end included."""
    return {"start": pmap.start, "end": pmap.end,
            **{f"n{i}": a for i, a in enumerate(pmap.nodes["activity"])}}


def map_words(lang: str, clickable: bool = True) -> dict[str, str]:
    """The buttons' and the hint's words in ``lang``."""
    words = {w: t(f"map_{w}", lang) for w in ("fit", "zoom_in", "zoom_out")}
    return words | {"hint": t("map_hint" if clickable else "map_hint_static", lang)}


def show_map(svg: str, pmap: ProcessMap, lang: str, *, key: str,
             clickable: bool = True) -> dict | None:
    """The zoomable map, clickable unless told; the activity (``{"activity": …}``) or path
    (``{"source": …, "target": …}``) last clicked, or None."""
    data = {"svg": svg, "ids": node_ids(pmap) if clickable else {},
            "words": map_words(lang, clickable)}
    result = MAP_COMPONENT(key=key, data=data, default={"picked": None},
                           on_picked_change=lambda: None)
    return getattr(result, "picked", None)


@st.cache_data(show_spinner=False, max_entries=64)
def dossiers_through(key: str, selection: Selection, activities: float,
                     picked: tuple[str, ...]) -> tuple[int, pd.DataFrame]:
    """The number of dossiers through an activity (``picked`` = (activity,)) or a path
    ((source, target), start ▶ and end ■ included) of the map at the ``activities`` slider,
    and the first ``LISTED`` of them (id, procedure, agency, working days, on-time class)."""
    with cm._LOCK:
        view = cm.view(key, selection)
        kept = None
        if activities < 1:
            kept = list(cm.process_map(key, selection, activities).nodes["activity"])
        if len(picked) == 1:
            events = view.events.filter(view.events.activity == picked[0])
        else:
            source, target = picked
            moves = follows(view, kept)
            if source == MAP_START:
                events = moves.filter(moves.is_first & (moves.activity == target))
            elif target == MAP_END:
                events = moves.filter(moves.next_activity.isnull() & (moves.activity == source))
            else:
                events = moves.filter((moves.activity == source)
                                      & (moves.next_activity == target))
        codes = events.select("case_code").distinct()
        cases = view.cases.semi_join(codes, "case_code")
        count = int(cases.count().execute())
        shown = cases.order_by("case_id").limit(LISTED).select(
            "case_id", "procedure_id", "agency", "lead_time_working_days", "on_time_class")
        return count, shown.to_pandas()


@dataclass(frozen=True)
class Both:
    """The ``first`` overlay's colours with the ``second``'s figures written beside its own
    (frequency and time together)."""

    first: Overlay
    second: Overlay

    def paint(self, pmap: ProcessMap, lang: Lang) -> Paint:
        one, two = self.first.paint(pmap, lang), self.second.paint(pmap, lang)

        def joined(mine: dict, other: dict) -> dict:
            return {k: (v, " · ".join(x for x in (text, other.get(k, (0, ""))[1]) if x))
                    for k, (v, text) in mine.items()}

        return Paint(joined(one.nodes, two.nodes), joined(one.edges, two.edges), one.title,
                     one.unit, one.palette, one.tick, one.diverging, one.muted,
                     (*one.notes, *two.notes, f"{one.title} · {two.title}"))

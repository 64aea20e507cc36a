"""An animated replay of dossiers on the process map, as ONE self-contained HTML file.

The map is drawn by Graphviz (``render_map`` with edges in grey, their width by dossiers) and
inlined as SVG; an inline script moves a dot per dossier along each edge path it travels
(``replay``), at the speed of its real wait, with a clock, play/pause, a speed control, the
queue in front of each step and colours by on-time class or channel. Nothing is fetched: no
external script, style, font or image, so the file plays offline and can be mailed. Dossiers
are numbered in the file, never named (no dossier code, no personal data).

Drawing: the dots of one colour are one SVG path of zero-length round-capped segments,
rewritten each animation frame (``requestAnimationFrame``), so the page holds a bounded
number of elements however many dossiers move; each edge's path is sampled once at start.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from dossierflow.mining.analysis.process_map import ProcessMap, readable_map
from dossierflow.mining.analysis.render_map import Paint, render_map
from dossierflow.mining.analysis.replay import (
    REPLAY_COLUMNS,
    active_view,
    replay,
    window_instants,
)
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.export.export_map import draw
from dossierflow.mining.export.export_tables import replacing
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.number_format import fmt_number
from dossierflow.mining.vocabulary import MAP_END, MAP_START, TZ, Lang

Colour = Literal["on-time", "channel"]
COLOURS: tuple[Colour, ...] = ("on-time", "channel")
GREYS = ("#e0e0e0", "#bdbdbd", "#969696", "#737373", "#525252")
ON_TIME = {"early": "#1a9850", "on_time": "#4575b4", "late": "#d73027", "open": "#984ea3"}
CHANNEL = {"in_person": "#e6550d", "online_full": "#3182bd", "online_partial": "#31a354",
           "online": "#6baed6", "public_postal": "#756bb1"}
UNKNOWN = "#9e9e9e"
# sim seconds per real second offered by the speed control
SPEEDS = (60, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400)
PLAY_SECONDS = 60  # the default speed plays the window in about a minute
WORDS = {
    "vi": {"title": "Phát lại hồ sơ trên bản đồ quy trình", "play": "▶ Phát",
           "pause": "❚❚ Tạm dừng", "restart": "⟲ Từ đầu", "speed": "Tốc độ",
           "per_second": "1 giây = {x}", "colour": "Tô màu theo", "on-time": "Tình trạng hạn",
           "channel": "Hình thức nộp",
           "moving": "Chờ trên các cạnh: {n} hồ sơ · đang xử lý tại các bước: {m}",
           "window": "Từ {a} đến {b} · {n} hồ sơ",
           "queue": "Số trên mỗi bước: hồ sơ đang chờ bước đó; chấm mờ trong một bước: hồ sơ "
                    "đang được xử lý. Cuộn chuột để phóng to, kéo để di chuyển, nhấp đúp để "
                    "xem toàn bộ bản đồ.",
           "off_map": "Đường đi không vẽ trên bản đồ: chấm đi thẳng giữa hai bước",
           "minute": "phút", "hour": "giờ", "day": "ngày", "unknown": "Không rõ",
           "empty": "Không có hồ sơ nào trong khoảng thời gian này.",
           "time": "Thời điểm", "locale": "vi-VN",
           "early": "Trước hạn", "on_time": "Đúng hạn", "late": "Trễ hạn",
           "open": "Đang giải quyết, chưa đến hạn", "in_person": "Trực tiếp",
           "online_full": "Trực tuyến toàn trình", "online_partial": "Trực tuyến một phần",
           "online": "Trực tuyến", "public_postal": "Bưu chính công ích",
           "map_title": "Bản đồ quy trình", "map_unit": "hồ sơ (độ dày của cạnh)"},
    "en": {"title": "Replay of dossiers on the process map", "play": "▶ Play",
           "pause": "❚❚ Pause", "restart": "⟲ Restart", "speed": "Speed",
           "per_second": "1 second = {x}", "colour": "Colour by", "on-time": "On-time class",
           "channel": "Channel",
           "moving": "Waiting on the paths: {n} dossiers · in work at the steps: {m}",
           "window": "From {a} to {b} · {n} dossiers",
           "queue": "Number on each step: dossiers waiting for it; pale dots in a step: "
                    "dossiers in work there. Scroll to zoom, drag to pan, double-click to see "
                    "the whole map.",
           "off_map": "Paths not drawn on the map: dots go straight between the two steps",
           "minute": "min", "hour": "h", "day": "d", "unknown": "Unknown",
           "empty": "No dossier in this period.", "time": "Time", "locale": "en-GB",
           "early": "Early", "on_time": "On time", "late": "Late", "open": "Open, not yet due",
           "in_person": "In person", "online_full": "Fully online",
           "online_partial": "Partly online", "online": "Online",
           "public_postal": "Public postal service",
           "map_title": "Process map", "map_unit": "dossiers (width of the path)"},
}


class _Plain:
    """The map in grey: edges as wide as their dossiers, no numbers (the dots are the
    colours)."""

    def paint(self, pmap: ProcessMap, lang: Lang) -> Paint:
        edges = {(s, t): (float(v), "") for s, t, v in
                 zip(pmap.edges["source"], pmap.edges["target"], pmap.edges["cases"])}
        return Paint({}, edges, WORDS[lang]["map_title"], WORDS[lang]["map_unit"], GREYS,
                     lambda value: fmt_number(value, lang))


def map_svg(pmap: ProcessMap, lang: Lang) -> str:
    """The map drawn as inline SVG (no XML prolog, doctype or comments, no legend): node
    titles are Graphviz names (``start``, ``end``, ``n0``… in the order of ``pmap.nodes``,
    as ``render_map`` names them), edge titles ``source->target``."""
    dot = "\n".join(line for line in render_map(pmap, overlay=_Plain(), lang=lang).splitlines()
                     if not line.lstrip().startswith("legend "))
    svg = draw(dot, "svg").decode("utf-8")
    svg = svg[svg.index("<svg"):]
    return re.sub(r"<!--.*?-->", "", svg, flags=re.S)


def _duration(seconds: int, lang: Lang) -> str:
    words = WORDS[lang]
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            return f"{fmt_number(seconds / size, lang)} {words[unit]}"
    return f"{seconds} s"


def _classes(values: pd.Series, palette: dict[str, str], lang: Lang) -> dict:
    """Each dossier's class index, the classes' labels and colours (unknown values last)."""
    present = set(values.dropna())
    keys = [k for k in palette if k in present] + sorted(present - set(palette))
    codes = values.map({k: i for i, k in enumerate(keys)}).fillna(len(keys)).astype("int64")
    words = WORDS[lang]
    return {"codes": codes.tolist(),
            "labels": [words.get(k, k) for k in keys] + [words["unknown"]],
            "colours": [palette.get(k, UNKNOWN) for k in keys] + [UNKNOWN]}


def _service(moves: pd.DataFrame, nodes: pd.Series, dossier: np.ndarray,
             offsets: dict[str, pd.Series]) -> dict[str, list]:
    """The times dossiers spend at a step between two movements (in service): the step (an
    index of the payload's ``nodes``), the dossier, start and end in seconds from the
    window's start."""
    following = moves.shift(-1)
    at = (moves["case_id"].eq(following["case_id"]) & moves["target"].eq(following["source"])
          & (following["start"] > moves["end"])).to_numpy()
    return {"n": moves["target"][at].map(nodes).astype("int64").tolist(),
            "d": dossier[at].tolist(), "a": offsets["end"][at].tolist(),
            "b": offsets["start"].shift(-1)[at].astype("int64").tolist()}


def animation_payload(moves: pd.DataFrame, pmap: ProcessMap, start: pd.Timestamp,
                      end: pd.Timestamp, *, colour: Colour = "on-time", lang: Lang = "vi",
                      tz: str = TZ) -> dict:
    """What the page's script plays: the window, the map's steps and the edges travelled
    (Graphviz names), the dossiers' classes, their movements (edge, dossier, start and end in
    seconds from the window's start) and their times in service at a step."""
    moves = moves.reset_index(drop=True)
    activities = list(pmap.nodes["activity"])
    names = [f"n{i}" for i in range(len(activities))]  # as render_map names them
    nodes = pd.Series(range(len(activities)), index=activities, dtype="int64")
    gv = {MAP_START: "start", MAP_END: "end", **dict(zip(activities, names))}
    edge, pairs = pd.MultiIndex.from_arrays([moves["source"], moves["target"]]).factorize()
    dossier, cases = pd.factorize(moves["case_id"])
    dossiers = moves.drop_duplicates("case_id")
    on_map = moves.drop_duplicates(["source", "target"])["on_map"]
    offsets = {c: (pd.to_datetime(moves[c], utc=True) - start).dt.total_seconds().round()
               .astype("int64") for c in ("start", "end")}
    span = int(round((end - start).total_seconds()))
    speed = min(SPEEDS, key=lambda s: abs(np.log(s * PLAY_SECONDS / span)))
    words = WORDS[lang]
    fmt = "%d/%m/%Y" if lang == "vi" else "%d %b %Y"
    return {
        "t0": start.timestamp(), "span": span, "tz": tz, "colour": colour, "speed": speed,
        "speeds": [[s, words["per_second"].format(x=_duration(s, lang))] for s in SPEEDS],
        "nodes": names,
        "edges": [[gv[s], gv[t], bool(d)] for (s, t), d in zip(pairs, on_map)],
        "classes": {"on-time": _classes(dossiers["on_time_class"], ON_TIME, lang),
                    "channel": _classes(dossiers["channel"], CHANNEL, lang)},
        "seg": {"e": edge.tolist(), "d": dossier.tolist(), "a": offsets["start"].tolist(),
                "b": offsets["end"].tolist()},
        "svc": _service(moves, nodes, dossier, offsets),
        "words": {k: words[k] for k in ("play", "pause", "restart", "moving", "locale",
                                         "empty", "time")},
        "heading": words["window"].format(
            a=start.strftime(fmt), b=(end - pd.Timedelta(seconds=1)).strftime(fmt),
            n=fmt_number(len(cases), lang)),
    }


def _page(payload: dict, svg: str, lang: Lang) -> str:
    words = WORDS[lang]
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    options = "".join(f'<option value="{c}">{html.escape(words[c])}</option>' for c in COLOURS)
    off_map = (f'<p class="df-note">{html.escape(words["off_map"])}</p>'
               if not all(e[2] for e in payload["edges"]) else "")
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(words["title"])}</title><style>{CSS}</style></head>
<body><div class="df-anim">
<div class="df-bar"><button type="button" id="df-play"></button>
<button type="button" id="df-restart">{html.escape(words["restart"])}</button>
<label>{html.escape(words["speed"])} <select id="df-speed"></select></label>
<label>{html.escape(words["colour"])} <select id="df-colour">{options}</select></label>
<span id="df-clock" class="df-clock" aria-live="off"></span></div>
<input type="range" id="df-seek" min="0" max="{payload["span"]}" value="0" step="60"
 aria-label="{html.escape(words["time"])}">
<div class="df-head"><b>{html.escape(words["title"])}</b> · {html.escape(payload["heading"])}
 · <span id="df-moving"></span></div>
<div id="df-map" class="df-map">{svg}</div>
<div class="df-legend" id="df-legend"></div>
<p class="df-note">{html.escape(words["queue"])}</p>{off_map}
</div>
<script type="application/json" id="df-data">{data}</script>
<script>{JS}</script></body></html>
"""


def _check(colour: str, lang: str) -> None:
    if colour not in COLOURS:
        raise DossierflowError(f"'{colour}' is not a colouring of the animation.",
                               fix=f"use one of {', '.join(COLOURS)}.")
    if lang not in WORDS:
        raise DossierflowError(f"'{lang}' is not a display language.", fix="use 'vi' or 'en'.")


def animation_html(moves: pd.DataFrame, pmap: ProcessMap, start: pd.Timestamp,
                   end: pd.Timestamp, *, colour: Colour = "on-time", lang: Lang = "vi",
                   tz: str = TZ) -> str:
    """The self-contained HTML page replaying ``moves`` (a ``replay`` table) on ``pmap``
    between ``start`` and ``end``, coloured by ``colour`` (switchable in the page), in
    ``lang``. Needs Graphviz's ``dot``."""
    _check(colour, lang)
    missing = set(REPLAY_COLUMNS) - set(moves.columns)
    if missing:
        raise DossierflowError(f"the replay table lacks {', '.join(sorted(missing))}.",
                               fix="pass the table replay() returns.")
    payload = animation_payload(moves, pmap, start, end, colour=colour, lang=lang, tz=tz)
    return _page(payload, map_svg(pmap, lang), lang)


def inclusive_end(day: str) -> str:
    """The end of a window whose last day ``day`` (YYYY-MM-DD) is included: the next day;
    a time (YYYY-MM-DD HH:MM) is kept as the end."""
    text = str(day).strip()
    if len(text) != 10:
        return text
    try:
        return (dt.date.fromisoformat(text) + dt.timedelta(days=1)).isoformat()
    except ValueError as error:
        raise DossierflowError(f"the window's last day '{text}' is not a date.",
                               fix="give it as YYYY-MM-DD.") from error


def export_animation(view: LogView, path: str | Path, start: object, end: object, *,
                     colour: Colour = "on-time", lang: Lang = "vi",
                     pmap: ProcessMap | None = None, tz: str = TZ) -> Path:
    """Write the animated replay of the dossiers active between ``start`` and ``end`` (dates
    or times read in ``tz``) on ``pmap`` (default: the readable map of those dossiers) as
    one self-contained HTML file at ``path``."""
    _check(colour, lang)
    begin, finish = window_instants(start, end, tz)
    if pmap is None:
        pmap, _ = readable_map(active_view(view, begin, finish))
    moves = replay(view, begin, finish, pmap=pmap, tz=tz)
    page = animation_html(moves, pmap, begin, finish, colour=colour, lang=lang, tz=tz)
    with replacing(path) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return Path(path)


CSS = """
body { margin: 0; font: 13px Helvetica, Arial, sans-serif; color: #222; background: #fff; }
.df-anim { display: flex; flex-direction: column; gap: 4px; padding: 6px; }
.df-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 10px; }
.df-bar button, .df-bar select { font: inherit; padding: 3px 8px; border: 1px solid #bbb;
  border-radius: 4px; background: #fafafa; cursor: pointer; }
.df-clock { font: bold 15px ui-monospace, monospace; margin-left: auto; }
#df-seek { width: 100%; }
.df-map { border: 1px solid #ddd; border-radius: 6px; height: 68vh; min-height: 320px; }
.df-map g.node polygon, .df-map g.node path { fill-opacity: .6; }
.df-map svg { width: 100%; height: 100%; display: block; cursor: grab; touch-action: none; }
.df-legend { display: flex; flex-wrap: wrap; gap: 12px; }
.df-legend i { display: inline-block; width: 10px; height: 10px; border-radius: 50%;
  margin-right: 4px; vertical-align: middle; }
.df-note { margin: 0; color: #666; font-size: 12px; }
.df-queue rect { fill: #fff7bc; stroke: #d95f0e; }
.df-queue text { font: bold 12px Helvetica, Arial, sans-serif; fill: #222; }
"""

JS = r"""
(() => {
const P = JSON.parse(document.getElementById('df-data').textContent);
const W = P.words, NS = 'http://www.w3.org/2000/svg';
const svg = document.querySelector('#df-map svg');
svg.removeAttribute('width'); svg.removeAttribute('height');
svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
const graph = svg.querySelector('g.graph') || svg;
const titled = (cls) => { const m = new Map();
  svg.querySelectorAll('g.' + cls).forEach(g => {
    const t = g.querySelector('title'); if (t) m.set(t.textContent.trim(), g); });
  return m; };
const nodes = titled('node'), edgeGroups = titled('edge');
const centre = (name) => { const g = nodes.get(name); if (!g) return null;
  const b = g.getBBox(); return [b.x + b.width / 2, b.y + b.height / 2]; };
const K = 40;  // points sampled along each edge, once
const geometry = P.edges.map(([s, t]) => {
  const g = edgeGroups.get(s + '->' + t);
  let path = g && g.querySelector('path');
  if (!path) {  // a path the map does not draw: straight between the two steps
    const a = centre(s), b = centre(t); if (!a || !b) return null;
    path = document.createElementNS(NS, 'path');
    path.setAttribute('d', `M${a[0]},${a[1]}L${b[0]},${b[1]}`);
    path.setAttribute('fill', 'none'); path.setAttribute('stroke', '#bbb');
    path.setAttribute('stroke-dasharray', '3 3'); graph.appendChild(path);
  }
  const len = path.getTotalLength(), xs = new Float32Array(K + 1), ys = new Float32Array(K + 1);
  for (let i = 0; i <= K; i++) { const p = path.getPointAtLength(len * i / K);
    xs[i] = p.x; ys[i] = p.y; }
  return { xs, ys };
});
// map units per screen pixel: dots and badges keep their size on screen
const box0 = svg.viewBox.baseVal;
const unit = () => { const v = svg.viewBox.baseVal;
  return Math.max(v.width / (svg.clientWidth || v.width),
                  v.height / (svg.clientHeight || v.height)) || 1; };
const dotsLayer = document.createElementNS(NS, 'g'); graph.appendChild(dotsLayer);
// dossiers in work sit under the (half transparent) boxes of their steps
const parkedLayer = document.createElementNS(NS, 'g');
graph.insertBefore(parkedLayer, graph.querySelector('g.node, g.edge'));
// queue badges: one per step of the map, above the dots
const badges = new Map();
nodes.forEach((g, name) => {
  if (name === 'start' || name === 'end') return;
  const b = g.getBBox(), q = document.createElementNS(NS, 'g');
  q.setAttribute('class', 'df-queue'); q.style.display = 'none'; q.dataset.node = name;
  q.dataset.x = b.x + b.width - 6; q.dataset.y = b.y - 10;
  const r = document.createElementNS(NS, 'rect'), tx = document.createElementNS(NS, 'text');
  r.setAttribute('rx', 8); r.setAttribute('height', 16); tx.setAttribute('x', 5);
  tx.setAttribute('y', 12); q.append(r, tx); graph.appendChild(q);
  badges.set(name, { q, r, tx, n: -1 });
});
function sizes() {
  const k = unit();
  badges.forEach(bd => bd.q.setAttribute('transform',
    `translate(${bd.q.dataset.x},${bd.q.dataset.y}) scale(${k})`));
  paths.forEach(p => p.setAttribute('stroke-width', 8 * k));
  parked.forEach(p => p.setAttribute('stroke-width', 6 * k));
}
window.addEventListener('resize', sizes);
// zoom with the wheel, pan by dragging, double-click to fit
const full = [box0.x, box0.y, box0.width, box0.height];
let view = full.slice(), drag = null;
const show = (v) => { view = v; svg.setAttribute('viewBox', v.join(' ')); sizes(); };
const toMap = (e) => { const r = svg.getBoundingClientRect(), k = unit();
  return [view[0] + (e.clientX - r.left - (r.width - view[2] / k) / 2) * k,
          view[1] + (e.clientY - r.top - (r.height - view[3] / k) / 2) * k]; };
svg.addEventListener('wheel', (e) => { e.preventDefault();
  const f = e.deltaY > 0 ? 1.2 : 1 / 1.2, [x, y] = toMap(e);
  show([x - (x - view[0]) * f, y - (y - view[1]) * f, view[2] * f, view[3] * f]); },
  { passive: false });
svg.addEventListener('pointerdown', (e) => { drag = [e.clientX, e.clientY, view.slice()]; });
window.addEventListener('pointerup', () => { drag = null; });
svg.addEventListener('pointermove', (e) => { if (!drag) return; const k = unit();
  show([drag[2][0] - (e.clientX - drag[0]) * k, drag[2][1] - (e.clientY - drag[1]) * k,
        view[2], view[3]]); });
svg.addEventListener('dblclick', () => show(full.slice()));
// segments active at t, found among those sorted by start; `extra` lengthens short ones
function track(A, B) {
  const order = Array.from({ length: A.length }, (_, i) => i).sort((i, j) => A[i] - A[j]);
  let ptr = 0, on = [], at = -Infinity;
  return { at(t, extra) {
      if (t < at) { ptr = 0; on = []; }  // back in time: scan again from the first
      while (ptr < order.length && A[order[ptr]] <= t) on.push(order[ptr++]);
      on = on.filter(i => Math.max(B[i], A[i] + extra) >= t); at = t; return on; },
    reset() { at = Infinity; }, size() { return on.length; } };
}
const S = P.seg, V = P.svc, n = S.e.length;
const moving = track(S.a, S.b), working = track(V.a, V.b);
const targets = P.edges.map(e => e[1]);
const boxes = new Map(); nodes.forEach((g, name) => boxes.set(name, g.getBBox()));
const spot = (d, name) => { const b = boxes.get(name); if (!b) return null;  // a fixed place
  const u = (d * 0.6180339) % 1, v = (d * 0.7548776) % 1;                  // per dossier
  return [b.x + b.width * (0.08 + 0.84 * u), b.y + b.height * (0.15 + 0.7 * v)]; };
let mode = P.colour, speed = P.speed, t = 0, playing = n > 0, last = null;
let dirty = true, frames = 0, firstFrame = null, drawMs = 0;
const fmtNum = new Intl.NumberFormat(W.locale);
let fmtTime;
try { fmtTime = new Intl.DateTimeFormat(W.locale, { timeZone: P.tz, weekday: 'short',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }); }
catch (e) { fmtTime = new Intl.DateTimeFormat(W.locale, { dateStyle: 'short',
  timeStyle: 'short' }); }
const paths = [], parked = [];
function dots(col, list, layer, opacity) {
  const p = document.createElementNS(NS, 'path');
  p.setAttribute('stroke', col); p.setAttribute('stroke-linecap', 'round');
  p.setAttribute('fill', 'none'); p.setAttribute('stroke-opacity', opacity);
  layer.appendChild(p); list.push(p);
}
function legend() {
  const C = P.classes[mode];
  const counts = C.labels.map(() => 0); C.codes.forEach(c => counts[c]++);
  dotsLayer.replaceChildren(); parkedLayer.replaceChildren();
  paths.length = 0; parked.length = 0;
  C.colours.forEach(col => dots(col, parked, parkedLayer, 0.8));
  C.colours.forEach(col => dots(col, paths, dotsLayer, 1));
  sizes();
  const box = document.getElementById('df-legend'); box.replaceChildren();
  C.labels.forEach((label, i) => { if (!counts[i]) return;
    const s = document.createElement('span'), dot = document.createElement('i');
    dot.style.background = C.colours[i]; s.append(dot, `${label} (${fmtNum.format(counts[i])})`);
    box.appendChild(s); });
}
function draw() {
  const minDur = speed * 0.5;  // an instant move is shown for half a second
  const C = P.classes[mode], parts = C.labels.map(() => []), held = C.labels.map(() => []);
  const queues = new Map();
  for (const i of moving.at(t, minDur)) {
    const g = geometry[S.e[i]]; if (!g) continue;
    const a = S.a[i], b = Math.max(S.b[i], a + minDur);
    const f = Math.min(1, Math.max(0, (t - a) / (b - a))) * K, k = Math.min(K - 1, f | 0);
    const w = f - k, x = g.xs[k] + (g.xs[k + 1] - g.xs[k]) * w;
    const y = g.ys[k] + (g.ys[k + 1] - g.ys[k]) * w;
    parts[C.codes[S.d[i]]].push(`M${x.toFixed(1)} ${y.toFixed(1)}h0`);
    if (t < S.b[i]) { const name = targets[S.e[i]];
      queues.set(name, (queues.get(name) || 0) + 1); }
  }
  let inWork = 0;
  for (const i of working.at(t, 0)) {
    if (t >= V.b[i]) continue;
    const xy = spot(V.d[i], P.nodes[V.n[i]]); if (!xy) continue;
    held[C.codes[V.d[i]]].push(`M${xy[0].toFixed(1)} ${xy[1].toFixed(1)}h0`); inWork++;
  }
  held.forEach((p, c) => parked[c].setAttribute('d', p.join('')));
  parts.forEach((p, c) => paths[c].setAttribute('d', p.join('')));
  let waiting = 0;
  badges.forEach((bd, name) => { const q = queues.get(name) || 0; waiting += q;
    if (q === bd.n) return; bd.n = q; bd.q.style.display = q ? '' : 'none';
    bd.tx.textContent = fmtNum.format(q);
    bd.r.setAttribute('width', 10 + 7 * String(q).length); });
  document.getElementById('df-moving').textContent = !n ? W.empty
    : W.moving.replace('{n}', fmtNum.format(waiting)).replace('{m}', fmtNum.format(inWork));
  document.getElementById('df-clock').textContent = fmtTime.format(new Date((P.t0 + t) * 1000));
  document.getElementById('df-seek').value = t;
  frames++; if (firstFrame === null) firstFrame = performance.now();
}
const play = document.getElementById('df-play');
const label = () => { play.textContent = playing ? W.pause : W.play; };
play.onclick = () => { if (!playing && t >= P.span) t = 0;
  playing = !playing; last = null; label(); };
document.getElementById('df-restart').onclick = () => { t = 0; last = null; dirty = true; };
const sp = document.getElementById('df-speed');
P.speeds.forEach(([v, text]) => sp.add(new Option(text, v, false, v === speed)));
sp.onchange = () => { speed = +sp.value; moving.reset(); dirty = true; };
const col = document.getElementById('df-colour'); col.value = mode;
col.onchange = () => { mode = col.value; legend(); dirty = true; };
const seek = document.getElementById('df-seek');
seek.oninput = () => { t = +seek.value; dirty = true; };
function tick(now) {
  if (playing) {
    if (last !== null) t = Math.min(P.span, t + (now - last) / 1000 * speed);
    last = now;
    if (t >= P.span) { playing = false; label(); }
  } else last = null;
  if (playing || dirty) { dirty = false; const began = performance.now(); draw();
    drawMs += performance.now() - began; }
  requestAnimationFrame(tick);
}
legend(); label(); requestAnimationFrame(tick);
window.dfAnimation = { time: () => t, playing: () => playing, frames: () => frames,
  firstFrame: () => firstFrame, drawMs: () => drawMs / Math.max(frames, 1),
  active: () => moving.size(), working: () => working.size(),
  dots: () => paths.map(p => p.getAttribute('d')).join('') };
})();
"""

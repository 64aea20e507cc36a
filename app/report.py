"""The leadership report: one self-contained HTML file (inline CSS and SVG, no external asset,
no script) with the log's Decision 766 scorecard, process map, bottlenecks, time-cut proposals,
5 tại chỗ candidates and, when scenarios are given, their comparison with the baseline; and
its PDF, printed by headless chromium.

Every section the log cannot support says why instead of stopping the report.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from dossierflow.app.formats import MISSING, fmt_date, fmt_datetime, fmt_number, fmt_percent
from dossierflow.app.i18n import reason_text, t
from dossierflow.app.value_labels import value_label
from dossierflow.mining import bottlenecks, kpis, process_map, scorecard
from dossierflow.mining.analysis.render_map import (
    Performance,
    render_map,
    render_svg,
    svg_available,
)
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.analysis_table import AnalysisLog
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.open_log import open_analysis_log, workspace_file
from dossierflow.mining.predict.risk_model import RiskModel
from dossierflow.mining.predict.warn import log_end, warn
from dossierflow.mining.predict.week_ahead import due_this_week, week_by_agency, week_end
from dossierflow.mining.vocabulary import TZ, activity_label
from dossierflow.simulation.discovery.discover_model import (
    Discovery,
    discover_model,
    learning_window,
)
from dossierflow.simulation.discovery.stored_models import learnt_model
from dossierflow.simulation.experiment import run_experiment
from dossierflow.simulation.five_on_spot_candidates import five_on_spot_candidates
from dossierflow.simulation.proposals import TARGET, time_cut_proposals
from dossierflow.simulation.scenarios import Scenario

LANGS = ("vi", "en")
MAP_ACTIVITIES, MAP_PATHS = 0.8, 0.5  # share of activities and of paths drawn on the map
TOP = 10
CHROMIUM_ENV = "DOSSIERFLOW_CHROMIUM"
PDF_TIMEOUT = 180.0  # seconds

TEXT = {
    "title": {"vi": "Báo cáo phân tích quy trình giải quyết hồ sơ",
              "en": "Dossier process analysis report"},
    "subtitle": {"vi": "{cases} hồ sơ, {events} sự kiện, tiếp nhận từ {start} đến {end}",
                 "en": "{cases} dossiers, {events} events, received from {start} to {end}"},
    "generated": {"vi": "Lập lúc {when} bằng dossierflow.", "en": "Made {when} by dossierflow."},
    "contents": {"vi": "Nội dung", "en": "Contents"},
    "key_figures": {"vi": "Chỉ số chính", "en": "Key figures"},
    "map_caption": {"vi": "Màu và độ dày của cạnh: thời gian chờ trung vị giữa hai bước (ngày "
                          "làm việc). Bản đồ rút gọn: {activities} bước xử lý và {paths} đường "
                          "đi phổ biến nhất.",
                    "en": "Colour and width of a path: the median wait between the two steps "
                          "(working days). Simplified map: the most frequent {activities} of "
                          "activities and {paths} of paths."},
    "no_dot": {"vi": "Không vẽ được bản đồ quy trình: máy lập báo cáo chưa cài Graphviz "
                     "(chương trình dot). Cài gói graphviz (apt-get install graphviz) rồi lập "
                     "lại báo cáo.",
               "en": "The process map cannot be drawn: Graphviz's dot is not installed on the "
                     "machine that made the report. Install the graphviz package (apt-get "
                     "install graphviz) and make the report again."},
    "bottlenecks": {"vi": "10 điểm nghẽn lớn nhất", "en": "Top 10 bottlenecks"},
    "bottlenecks_caption": {"vi": "Chuyển bước xếp theo tổng thời gian chờ (ngày làm việc); "
                                  "thời gian người dân bổ sung hồ sơ không được tính.",
                            "en": "Paths ranked by their total waiting time (working days); "
                                  "the time citizens take to supplement a dossier is left "
                                  "out."},
    "path": {"vi": "Chuyển bước", "en": "Path"},
    "cuts": {"vi": "10 đề xuất cắt giảm thời gian giải quyết",
             "en": "Top 10 time-cut proposals"},
    "cut_reason": {"vi": "Mô phỏng dự báo {rate} hồ sơ vẫn đúng hạn với thời hạn {days} ngày "
                         "làm việc (mục tiêu {target}).",
                   "en": "The simulation predicts {rate} of dossiers still on time with a "
                         "legal time of {days} working days (target {target})."},
    "candidates": {"vi": "10 thủ tục nên chuyển sang 5 tại chỗ",
                   "en": "Top 10 candidates for five on the spot"},
    "scenarios": {"vi": "So sánh kịch bản", "en": "Scenario comparison"},
    "scenarios_caption": {"vi": "Trung bình [khoảng tin cậy 95 %] qua {n} lần lặp, mô phỏng "
                                "các hồ sơ tiếp nhận từ {start} đến {end}.",
                          "en": "Mean [95 % confidence interval] over {n} replications, "
                                "simulating the dossiers received from {start} to {end}."},
    "col_scenario": {"vi": "Kịch bản", "en": "Scenario"},
    "failed": {"vi": "Không lập được phần này từ nhật ký:",
               "en": "This section cannot be made from the log:"},
}
HEADINGS = {"s-figures": "key_figures", "s-scorecard": "scorecard", "s-map": "page_process_map",
            "s-bottlenecks": "bottlenecks", "s-cuts": "cuts", "s-candidates": "candidates",
            "s-warning": "report_week_warning",
            "s-scenarios": "scenarios"}  # section anchor → its title's label
FIGURES = ("lead_time_working_days_median", "on_time_rate", "citizen_days_saved_per_year")

CSS = """
:root { --ink: #1f2933; --muted: #616e7c; --rule: #d9e2ec; --accent: #08519c; --band: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 32px; color: var(--ink);
       font: 15px/1.5 "Segoe UI", "Noto Sans", "DejaVu Sans", Roboto, Arial, sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 20px; margin: 32px 0 8px; padding-bottom: 4px;
     border-bottom: 2px solid var(--rule); }
.lead { font-size: 17px; margin: 0; }
.muted, .caption { color: var(--muted); font-size: 13px; }
nav ol { columns: 2; margin: 8px 0 0; padding-left: 20px; }
nav a, nav a:visited { color: var(--accent); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { flex: 1 1 160px; background: var(--band); border-radius: 6px; padding: 10px 14px; }
.card .label { color: var(--muted); font-size: 13px; }
.card .value { font-size: 22px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left;
         vertical-align: top; }
th { background: var(--band); font-weight: 600; }
th.num { text-align: right; }
td.num { text-align: right; white-space: nowrap; }
tr.unmeasured td { color: var(--muted); }
tfoot td { font-weight: 600; }
.note { background: #fff8e1; border-left: 4px solid #f0b429; padding: 8px 12px; }
figure.map { margin: 8px 0; text-align: center; }
figure.map svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, .card, figure.map { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  figure.map svg { max-height: 240mm; }
  .card, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _say(key: str, lang: str, **values) -> str:
    """A report label in ``lang``, filled with ``values``."""
    return TEXT[key][lang].format(**values)


def _heading(anchor: str, lang: str) -> str:
    key = HEADINGS[anchor]
    return _say(key, lang) if key in TEXT else t(key, lang)


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], *,
           numeric: Sequence[int] = (), row_classes: Sequence[str] | None = None,
           footer: str | None = None) -> str:
    """An HTML table of plain texts (escaped here); ``numeric`` columns aligned right;
    ``footer`` a line across the table's foot."""
    def cells(values: Sequence[str], tag: str) -> str:
        return "".join(f'<{tag}{" class=num" if i in numeric else ""}>{_esc(v)}</{tag}>'
                       for i, v in enumerate(values))

    body = "".join(f'<tr{f" class={c}" if c else ""}>{cells(r, "td")}</tr>'
                   for r, c in zip(rows, row_classes or [""] * len(rows)))
    foot = (f'<tfoot><tr><td colspan="{len(header)}">{_esc(footer)}</td></tr></tfoot>'
            if footer else "")
    return (f"<table><thead><tr>{cells(header, 'th')}</tr></thead><tbody>{body}</tbody>"
            f"{foot}</table>")


def _interval(part: dict, lang: str, percent: bool) -> str:
    """``mean [low – high]`` of an experiment figure (rates 0–1 shown as percentages)."""
    def one(value: float) -> str:
        return fmt_percent(100 * value, lang) if percent else fmt_number(value, lang, 1)

    low, high = part["ci95"]
    if np.isnan(part["mean"]):
        return MISSING
    return f"{one(part['mean'])} [{one(low)} – {one(high)}]"


def _part(progress: Callable[[float], None] | None, low: float, high: float):
    """A progress callback for one stage, mapped onto [low, high] of the whole."""
    if progress is None:
        return None
    return lambda done: progress(low + (high - low) * done)


def _title(name: str, log: AnalysisLog, lang: str) -> str:
    """The report's title, the log's name, size and period, and when it was made."""
    received = log.cases["received_at"]
    subtitle = _say("subtitle", lang, cases=fmt_number(len(log.cases), lang),
                    events=fmt_number(len(log.events), lang),
                    start=fmt_date(received.min(), lang), end=fmt_date(received.max(), lang))
    when = fmt_datetime(pd.Timestamp.now(tz=TZ), lang)
    subtitle = f"{name}: {subtitle}" if name else subtitle
    return (f"<header><h1>{_esc(_say('title', lang))}</h1><p class=lead>{_esc(subtitle)}</p>"
            f"<p class=muted>{_esc(_say('generated', lang, when=when))}</p></header>")


def _key_figures(view: LogView, lang: str) -> str:
    overall = kpis(view).iloc[0]
    figures = [("n_received", fmt_number(overall["n_received"], lang)),
               ("on_time_pct", fmt_percent(overall["on_time_pct"], lang)),
               ("n_late", fmt_number(overall["n_late"], lang)),
               ("mean_handling", fmt_number(overall["mean_handling_working_days"], lang, 1)),
               ("online_pct", fmt_percent(overall["online_pct"], lang))]
    return "<div class=cards>" + "".join(
        f"<div class=card><div class=label>{_esc(t(key, lang))}</div>"
        f"<div class=value>{_esc(value)}</div></div>" for key, value in figures) + "</div>"


def _scorecard(view: LogView, lang: str) -> str:
    card = scorecard(view)
    rows = []
    for r in card.itertuples(index=False):
        unit = f" {t('days', lang)}" if r.measure == "mean_handling_working_days" else "%"
        value = MISSING if np.isnan(r.value) else fmt_number(r.value, lang, 1) + unit
        rows.append([r.indicator, getattr(r, f"name_{lang}"), value,
                     fmt_percent(r.threshold_pct, lang, 0), fmt_number(r.max_points, lang),
                     fmt_number(r.points, lang, 1), reason_text(r.reason, lang, r.missing_columns)])
    columns = ["indicator", "name", "value", "threshold_pct", "max_points", "points", "reason"]
    scored = card.dropna(subset=["points"])
    footer = t("scorecard_points", lang).format(
        points=fmt_number(scored["points"].sum(), lang, 1),
        top=fmt_number(scored["max_points"].sum(), lang)) if len(scored) else None
    return _table([t(f"col_{c}", lang) for c in columns], rows, numeric=(2, 3, 4, 5),
                  row_classes=["" if m else "unmeasured" for m in card["measure"]],
                  footer=footer)


def _map(view: LogView, lang: str, on_note: Callable[[str], None]) -> str:
    if not svg_available():
        on_note(_say("no_dot", "en"))
        return f"<p class=note>{_esc(_say('no_dot', lang))}</p>"
    pmap = process_map(view, activities=MAP_ACTIVITIES, paths=MAP_PATHS)
    overlay = Performance(stat="median", unit="working_days",
                          minutes_per_day=view.minutes_per_day)
    svg = render_svg(render_map(pmap, overlay=overlay, lang=lang))
    svg = svg[svg.index("<svg"):].replace(
        "<svg", f'<svg role="img" aria-label="{_esc(t("page_process_map", lang))}"', 1)
    caption = _say("map_caption", lang, activities=fmt_percent(100 * MAP_ACTIVITIES, lang, 0),
                   paths=fmt_percent(100 * MAP_PATHS, lang, 0))
    return f"<figure class=map>{svg}<figcaption class=caption>{_esc(caption)}</figcaption></figure>"


def _bottlenecks(view: LogView, lang: str) -> str:
    ranked = bottlenecks(view, level="edge").head(TOP)
    if ranked.empty:
        return f"<p class=note>{_esc(t('no_waits', lang))}</p>"
    rows = [[fmt_number(r.rank_total, lang),
             f"{activity_label(r.activity, lang)} → {activity_label(r.next_activity, lang)}",
             fmt_number(r.n_dossiers, lang), fmt_number(r.total_wait_working_days, lang, 1),
             fmt_number(r.median_wait_working_days, lang, 1),
             fmt_percent(100 * r.share_of_total, lang)] for r in ranked.itertuples(index=False)]
    header = [t("col_rank", lang), _say("path", lang), t("col_n_dossiers", lang),
              t("col_total_wait_working_days", lang), t("col_median_wait_working_days", lang),
              t("col_share_of_total", lang)]
    return (f"<p class=caption>{_esc(_say('bottlenecks_caption', lang))}</p>"
            + _table(header, rows, numeric=(0, 2, 3, 4, 5)))


def _learnt(found: Discovery, lang: str) -> str:
    text = t("model_learnt", lang).format(
        n=fmt_number(found.cases, lang), start=fmt_date(found.start, lang),
        end=fmt_date(found.end - pd.Timedelta(days=1), lang))
    return f"<p class=caption>{_esc(text)}</p>"


def _cuts(found: Discovery, window, lang: str, replications: int, seed: int,
          progress: Callable[[float], None] | None) -> str:
    cuts = time_cut_proposals(found.model, start=window[0], end=window[1],
                              replications=replications, seed=seed, progress=progress)
    proposed = cuts.loc[cuts["proposed_cut_days"] > 0].head(TOP)
    if proposed.empty:
        return _learnt(found, lang) + f"<p class=note>{_esc(t('no_proposals', lang))}</p>"
    target = fmt_percent(100 * TARGET, lang)
    rows = [[fmt_number(i, lang), r.name, value_label("agency", r.agency, lang),
             fmt_number(r.legal_days, lang, 1), fmt_number(r.proposed_cut_days, lang, 1),
             fmt_number(r.new_legal_days, lang, 1), fmt_number(r.dossiers_per_year, lang),
             fmt_number(r.citizen_days_saved_per_year, lang),
             _say("cut_reason", lang, rate=fmt_percent(100 * r.predicted_on_time_rate, lang),
                  days=fmt_number(r.new_legal_days, lang, 1), target=target)]
            for i, r in enumerate(proposed.itertuples(index=False), start=1)]
    header = [t(f"col_{c}", lang) for c in (
        "rank", "procedure_name", "agency", "legal_days", "proposed_cut_days", "new_legal_days",
        "dossiers_per_year", "citizen_days_saved_per_year", "reasons")]
    return _learnt(found, lang) + _table(header, rows, numeric=(0, 3, 4, 5, 6, 7))


def _candidates(view: LogView, lang: str) -> str:
    ranked = five_on_spot_candidates(view, lang=lang, top=TOP)
    fit = t("candidates_fit", lang).format(
        on_spot=fmt_number(ranked.attrs["n_on_spot"], lang),
        transfer=fmt_number(ranked.attrs["n_candidates"], lang),
        auc=fmt_number(ranked.attrs["cv_auc"], lang, 2))
    names = (ranked["procedure_name"] if "procedure_name" in ranked
             else ranked["procedure_id"].map(lambda p: value_label("procedure_id", p, lang)))
    rows = [[fmt_number(r.rank, lang), name, value_label("agency", r.agency, lang),
             fmt_percent(100 * r.likelihood, lang, 0),
             fmt_number(r.citizen_days_saved_per_year, lang), r.reasons]
            for name, r in zip(names, ranked.itertuples(index=False))]
    header = [t(f"col_{c}", lang) for c in ("rank", "procedure_name", "agency", "likelihood",
                                            "citizen_days_saved_per_year", "reasons")]
    return (f"<p class=caption>{_esc(t('candidates_help', lang))} {_esc(fit)}</p>"
            + _table(header, rows, numeric=(0, 3, 4)))


def week_warning(log: AnalysisLog, lang: str, model: RiskModel | None = None) -> str:
    """The section "the week's expected late dossiers": at the log's last receipt, the open
    dossiers due by Sunday with their risk, by agency, and the apology letters expected; no
    officer named. ``model``: one trained before that moment (default: trained now)."""
    at = log_end(log)
    table = warn(log, at, model=model, lang=lang)
    week = due_this_week(table, at)
    letters = week.loc[week["apology"]]
    expected = fmt_number(week["risk"].sum(), lang, 1)
    caption = t("report_week_caption", lang).format(
        at=fmt_datetime(at, lang), open=fmt_number(len(table), lang),
        overdue=fmt_number(int((table["left_days"] < 0).sum()), lang),
        due=fmt_number(len(week), lang),
        sunday=fmt_date(week_end(at) - pd.Timedelta(days=1), lang),
        expected=expected, letters=fmt_number(len(letters), lang))
    cards = [("report_week_due", fmt_number(len(week), lang)),
             ("warn_expected_late", expected),
             ("report_week_apologies", fmt_number(len(letters), lang))]
    body = f"<p class=caption>{_esc(caption)}</p><div class=cards>" + "".join(
        f"<div class=card><div class=label>{_esc(t(key, lang))}</div>"
        f"<div class=value>{_esc(value)}</div></div>" for key, value in cards) + "</div>"
    if week.empty:
        return body + f"<p class=note>{_esc(t('report_week_none', lang))}</p>"
    agencies = [[MISSING if pd.isna(r.agency) else r.agency, fmt_number(r.due, lang),
                 fmt_number(r.expected_late, lang, 1), fmt_number(r.apologies, lang)]
                for r in week_by_agency(week).itertuples(index=False)]
    body += f"<h3>{_esc(t('warn_by_agency', lang))}</h3>" + _table(
        [t("warn_col_agency", lang), t("report_week_due", lang),
         t("warn_col_expected_late", lang), t("report_week_apologies", lang)],
        agencies, numeric=(1, 2, 3))
    body += f"<h3>{_esc(t('report_week_letters', lang))}</h3>"
    if letters.empty:
        return body + f"<p class=note>{_esc(t('warn_no_apology', lang))}</p>"
    shown = letters.head(2 * TOP)
    rows = [[r.dossier, r.procedure, r.agency, fmt_datetime(r.due, lang),
             fmt_percent(100 * r.risk, lang), fmt_datetime(r.expected_finish, lang)]
            for r in shown.itertuples(index=False)]
    more = (t("report_week_more", lang).format(shown=fmt_number(len(shown), lang),
                                               n=fmt_number(len(letters), lang))
            if len(letters) > len(shown) else None)
    return body + _table([t(f"warn_col_{c}", lang) for c in (
        "dossier", "procedure", "agency", "due", "risk", "expected_finish")], rows,
        numeric=(4,), footer=more)


def _scenarios(found: Discovery, window, scenarios: Sequence[Scenario], lang: str,
               replications: int, seed: int, progress: Callable[[float], None] | None) -> str:
    result = run_experiment(found.model, list(scenarios), start=window[0], end=window[1],
                            replications=replications, seed=seed, progress=progress)
    summaries = {s: result.summary(s) for s in result.scenarios}
    first = next(iter(summaries.values()))
    rows = [[t("baseline", lang)] + [
        _interval(first[f]["baseline"], lang, f == "on_time_rate")
        if f in first and "baseline" in first[f] else MISSING for f in FIGURES]]
    for name, summary in summaries.items():
        rows.append([name] + [
            _interval(summary[f].get("scenario") or summary[f]["delta"], lang,
                      f == "on_time_rate") if f in summary else MISSING for f in FIGURES])
    caption = _say("scenarios_caption", lang, n=fmt_number(replications, lang),
                   start=fmt_date(window[0], lang),
                   end=fmt_date(window[1] - pd.Timedelta(days=1), lang))
    header = [_say("col_scenario", lang)] + [t(f"fig_{f}", lang) for f in FIGURES]
    return (_learnt(found, lang) + f"<p class=caption>{_esc(caption)}</p>"
            + _table(header, rows, numeric=(1, 2, 3)))


def build_report(log: str | Path | AnalysisLog, *, scenarios: Sequence[Scenario] = (),
                 lang: str = "vi", replications: int = 5, seed: int = 0,
                 progress: Callable[[float], None] | None = None,
                 on_note: Callable[[str], None] | None = None) -> str:
    """The leadership report of ``log`` (a workspace name, .duckdb file, log file or analysis
    log) as one self-contained HTML document in ``lang`` ('vi' or 'en').

    Time cuts and scenarios are simulated ``replications`` times from ``seed`` over the log's
    last year of receipts. ``progress`` gets the fraction done; ``on_note`` gets, in English,
    why each section that could not be made is missing (the report says it in ``lang``).
    """
    if lang not in LANGS:
        raise DossierflowError(f"'{lang}' is not a report language.", fix="use 'vi' or 'en'.")
    note = on_note or (lambda _: None)
    tick = progress or (lambda _: None)
    tick(0.0)
    name = "" if isinstance(log, AnalysisLog) else Path(str(log)).name
    analysis = log if isinstance(log, AnalysisLog) else open_analysis_log(log)
    view = LogView.of_log(analysis)
    window = learning_window(analysis)
    tick(0.1)
    found: list = []

    def model() -> Discovery:
        """The simulation model, learnt once (a failure is raised again for each section)."""
        if not found:
            try:
                stored = None if isinstance(log, AnalysisLog) else workspace_file(log)
                found.append(discover_model(analysis, start=window[0], end=window[1])
                             if stored is None else learnt_model(stored, analysis))
            except DossierflowError as exc:
                found.append(exc)
        if isinstance(found[0], DossierflowError):
            raise found[0]
        return found[0]

    cut_end = 0.7 if scenarios else 0.95
    sections = [
        ("s-figures", lambda: _key_figures(view, lang), 0.15),
        ("s-scorecard", lambda: _scorecard(view, lang), 0.2),
        ("s-map", lambda: _map(view, lang, note), 0.3),
        ("s-bottlenecks", lambda: _bottlenecks(view, lang), 0.35),
        ("s-cuts", lambda: _cuts(model(), window, lang, replications, seed,
                                 _part(progress, 0.35, cut_end - 0.05)), cut_end - 0.05),
        ("s-candidates", lambda: _candidates(view, lang), cut_end),
        ("s-warning", lambda: week_warning(analysis, lang), cut_end)]
    if scenarios:
        sections.append(("s-scenarios", lambda: _scenarios(
            model(), window, scenarios, lang, replications, seed, _part(progress, 0.7, 0.98)),
            0.98))
    parts = []
    for anchor, make, done in sections:
        try:
            body = make()
        except DossierflowError as exc:
            note(f"{_heading(anchor, 'en')}: {exc.message}")
            body = f"<p class=note>{_esc(_say('failed', lang))} {_esc(exc.message)}</p>"
        parts.append(f'<section id="{anchor}"><h2>{_esc(_heading(anchor, lang))}</h2>'
                     f"{body}</section>")
        tick(done)
    contents = "".join(f'<li><a href="#{a}">{_esc(_heading(a, lang))}</a></li>'
                       for a, _, _ in sections)
    page = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_esc(_say('title', lang))}{_esc(' — ' + name if name else '')}</title>"
            f"<style>{CSS}</style></head><body>{_title(name, analysis, lang)}"
            f"<nav><strong>{_esc(_say('contents', lang))}</strong><ol>{contents}</ol></nav>"
            f"{''.join(parts)}</body></html>\n")
    tick(1.0)
    return page


def write_report(page: str, path: Path) -> Path:
    """Write the report's HTML to ``path`` (its folder made when missing)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise DossierflowError(f"the report cannot be written ({exc.strerror}).",
                               file=str(path), fix="give --out a writable file path, e.g. "
                                                   "--out report.html.") from None
    return path


def chromium_path() -> str | None:
    """The chromium that prints PDFs: ``$DOSSIERFLOW_CHROMIUM`` when set, else ``chromium``."""
    named = os.environ.get(CHROMIUM_ENV)
    if named:
        return named if Path(named).is_file() else shutil.which(named)
    return shutil.which("chromium")


def print_pdf(page: Path, pdf: Path, *, timeout: float = PDF_TIMEOUT) -> Path | None:
    """Print the HTML file ``page`` to ``pdf`` with headless chromium; None when no chromium
    is installed (nothing is downloaded)."""
    program = chromium_path()
    if program is None:
        return None
    pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="dossierflow-chromium-") as profile:
        command = [program, "--headless", "--no-sandbox", "--disable-gpu",
                   "--disable-dev-shm-usage", "--no-pdf-header-footer",
                   f"--user-data-dir={profile}", f"--print-to-pdf={pdf.resolve()}",
                   page.resolve().as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise DossierflowError(f"chromium took more than {timeout:g} s to print the PDF.",
                                   file=str(pdf), fix="open the HTML report in a browser and "
                                                      "print it to PDF from there.") from None
        except OSError as exc:
            raise DossierflowError(f"chromium cannot be started ({exc.strerror}).",
                                   file=program, fix=f"install Debian's chromium or set "
                                                     f"{CHROMIUM_ENV} to a chromium binary."
                                   ) from None
    if done.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise DossierflowError(f"chromium could not print the PDF (exit code "
                               f"{done.returncode}: {' '.join(detail) or 'no message'}).",
                               file=str(pdf), fix="open the HTML report in a browser and "
                                                  "print it to PDF from there.")
    return pdf

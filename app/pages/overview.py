"""Tổng quan / Overview: the leadership report in one click, the Decision 766 scorecard
coloured against its thresholds, trends by month of receipt (partial months marked), the
agency league.

The headline figures are drawn first: the modules of the charts and of the exports (altair,
the simulation stack) are imported only after them, so that a cold server shows them within
3 s; the report's buttons are filled into their place above the figures afterwards."""

import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app.errors import show_error
from dossierflow.app.filters_sidebar import filtered_log
from dossierflow.app.formats import MISSING, MONTH, fmt_date, fmt_number, fmt_percent
from dossierflow.app.i18n import reason_text, t
from dossierflow.app.selection import Selection
from dossierflow.app.state import language
from dossierflow.app.tables import show_table
from dossierflow.app.value_labels import value_label
from dossierflow.mining.analysis.kpis import partial_months
from dossierflow.mining.errors import DossierflowError

REPORT = "ov_report"  # session key: {(log key, lang): (html, pdf or None, why no pdf)}
# the scorecard's cells by the indicator's status (mining.analysis.kpis.Status)
STATUS_CSS = {"met": "background-color: #d8f0dd; color: #14532d",
              "below": "background-color: #fde2dd; color: #7f1d1d",
              "no_threshold": "background-color: #e8eef7",
              "unmeasured": "color: #7b8794"}


def make_report(key: str, lang: str) -> tuple[bytes, bytes | None, str]:
    """The leadership report of the whole log (``dossierflow report``): its HTML, its PDF
    (None when it cannot be printed) and, then, why not."""
    from dossierflow.app.report import build_report, print_pdf

    bar = st.progress(0.0, text=t("report_making", lang))
    with cm._LOCK:
        log = cm.workspace(key).to_analysis_log()
    page = build_report(log, lang=lang, progress=lambda done: bar.progress(
        min(1.0, done), text=t("report_making", lang)))
    with tempfile.TemporaryDirectory(prefix="dossierflow-report-") as folder:
        html = Path(folder) / "report.html"
        html.write_text(page, encoding="utf-8")
        try:
            pdf = print_pdf(html, Path(folder) / "report.pdf")
        except DossierflowError as exc:
            return html.read_bytes(), None, f"{t('report_pdf_failed', lang)}: {exc.what}"
        bar.empty()
        return (html.read_bytes(), pdf.read_bytes() if pdf else None,
                "" if pdf else t("report_no_pdf", lang))


def report_buttons(key: str) -> None:
    """The one-click leadership report: a button, then its HTML and PDF downloads."""
    made = st.session_state.setdefault(REPORT, {})
    make, html, pdf = st.columns([2, 1, 1], vertical_alignment="center")
    if make.button(t("report_make", lang), key="ov_report_make", help=t("report_help", lang)):
        try:
            made[(key, lang)] = make_report(key, lang)
        except Exception as exc:  # noqa: BLE001 — shown as a message, never a traceback
            show_error(exc, lang, "report_failed")
    if (key, lang) not in made:
        return
    from dossierflow.app import export_files as ef  # heavy: only after the figures

    page, printed, why = made[(key, lang)]
    days = ef.period(key, Selection())
    name = ef.file_name(f"report-{lang}", "html", None, days)
    html.download_button(t("report_download_html", lang), page, file_name=name,
                         mime="text/html", key="ov_report_html", on_click="ignore")
    if printed is not None:
        pdf.download_button(t("report_download_pdf", lang), printed,
                            file_name=name.replace(".html", ".pdf"), mime="application/pdf",
                            key="ov_report_pdf", on_click="ignore", type="primary")
    else:
        st.info(why)


@st.cache_data(show_spinner=False, max_entries=32)
def partial(key: str, months: tuple[str, ...], first, last) -> list[str]:
    """The months covered only in part by the days of receipt ``first`` to ``last``."""
    calendar = cm.workspace(key).calendar
    return [m for m, p in zip(months, partial_months(months, first, last, calendar)) if p]


def status_colours(statuses: pd.Series):
    """The scorecard's cell styles for ``show_table``: the value and its assessment coloured
    by the indicator's status (``statuses``, in the table's order), unmeasured rows greyed."""
    def colour(frame: pd.DataFrame) -> pd.DataFrame:
        codes = pd.Series(statuses.to_numpy()[:len(frame)], index=frame.index)
        css = pd.DataFrame("", index=frame.index, columns=frame.columns)
        css.loc[codes == "unmeasured", :] = STATUS_CSS["unmeasured"]
        for column in ("value", "status"):
            css[column] = codes.map(STATUS_CSS)
        return css
    return colour


def show_figures(key: str, selection: Selection) -> None:
    """The five headline figures of the selection."""
    overall = cm.kpi_table(key, selection).iloc[0]
    c1, c2, c3, c4, c5 = st.columns(5)
    c1.metric(t("n_received", lang), fmt_number(overall["n_received"], lang))
    c2.metric(t("on_time_pct", lang), fmt_percent(overall["on_time_pct"], lang))
    c3.metric(t("n_late", lang), fmt_number(overall["n_late"], lang))
    c4.metric(t("mean_handling", lang),
              fmt_number(overall["mean_handling_working_days"], lang, 1))
    c5.metric(t("online_pct", lang), fmt_percent(overall["online_pct"], lang))


def show_scorecard(key: str, selection: Selection) -> None:
    """The Decision 766 scorecard, each indicator coloured against its threshold."""
    st.subheader(t("scorecard", lang))
    card = cm.scorecard(key, selection)
    counts = card["status"].value_counts()
    st.caption(t("scorecard_measured", lang).format(
        measured=int((card["status"] != "unmeasured").sum()), total=len(card),
        met=int(counts.get("met", 0)), below=int(counts.get("below", 0)),
        free=int(counts.get("no_threshold", 0)), unmeasured=int(counts.get("unmeasured", 0))))
    shown = card.assign(  # every cell a text: '–' where there is no number, never None
        status=[t(f"status_{s}", lang) for s in card["status"]],
        name=card[f"name_{lang}"],
        value=[fmt_number(v, lang, 1) + (f" {t('days', lang)}"
                                         if m == "mean_handling_working_days" else "%")
               if not np.isnan(v) else MISSING
               for v, m in zip(card["value"], card["measure"])],
        threshold_pct=[fmt_percent(v, lang, 0) for v in card["threshold_pct"]],
        max_points=[fmt_number(v, lang) for v in card["max_points"]],
        points=[fmt_number(v, lang, 1) for v in card["points"]],
        reason=[reason_text(r, lang, c) or MISSING
                for r, c in zip(card["reason"], card["missing_columns"], strict=True)])
    columns = ["indicator", "name", "value", "threshold_pct", "max_points", "points",
               "status", "reason"]
    show_table(shown[columns], lang, colour=status_colours(card["status"]),
               labels={c: t(f"col_{c}", lang) for c in columns})


def show_trends(key: str, selection: Selection) -> None:
    """The monthly charts by month of receipt, partial months marked."""
    from dossierflow.app import export_files as ef  # heavy: only after the figures
    from dossierflow.app.charts import monthly

    st.subheader(t("trends", lang))
    st.caption(t("months_by_receipt", lang))
    months = cm.kpi_table(key, selection, "month")
    days = ef.period(key, selection)
    pale = partial(key, tuple(months["month"]), *days) if days else []
    left, middle, right = st.columns(3)
    left.altair_chart(monthly(months, "n_received", t("n_received", lang), lang, bar=True,
                              number_format=",d", partial=pale), width="stretch")
    middle.altair_chart(monthly(months, "on_time_pct", t("on_time_pct", lang), lang,
                                partial=pale), width="stretch")
    right.altair_chart(monthly(months, "mean_handling_working_days", t("mean_handling", lang),
                               lang, partial=pale), width="stretch")
    if pale:
        st.caption(t("partial_months_note", lang).format(
            months=", ".join(pd.Timestamp(f"{m}-01").strftime(MONTH[lang]) for m in pale),
            first=fmt_date(days[0], lang), last=fmt_date(days[1], lang)))


def show_league(key: str, selection: Selection) -> None:
    """The agencies ranked by on-time rate, then mean handling time, then volume."""
    st.subheader(t("league", lang))
    if "agency" not in cm.case_columns(key):
        st.info(t("no_agency", lang))
        return
    league = cm.kpi_table(key, selection, "agency").sort_values(
        ["on_time_pct", "mean_handling_working_days", "n_received"],
        ascending=[False, True, False], ignore_index=True)
    league.insert(0, "rank", np.arange(1, len(league) + 1))
    league["agency"] = league["agency"].map(lambda a: value_label("agency", a, lang))
    columns = ["rank", "agency", "n_received", "on_time_pct", "n_late",
               "mean_handling_working_days", "online_pct", "digitised_pct"]
    show_table(league[[c for c in columns if c in league]], lang,
               percent=("on_time_pct", "online_pct", "digitised_pct"),
               labels={c: t(f"col_{c}", lang) for c in columns})


lang = language()
st.title(t("page_overview", lang))
key, selection, n = filtered_log(lang)
report = st.container()  # filled once the figures are out
show_figures(key, selection)
with report:
    report_buttons(key)
show_scorecard(key, selection)
show_trends(key, selection)
show_league(key, selection)

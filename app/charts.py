"""Altair charts of the pages, with numbers and dates in the user's language."""

from __future__ import annotations

from collections.abc import Collection

import altair as alt
import pandas as pd

from dossierflow.app.formats import MONTH, vega_locale
from dossierflow.app.i18n import t


def monthly(frame: pd.DataFrame, measure: str, title: str, lang: str, *, bar: bool = False,
            number_format: str = ",.1f", partial: Collection[str] = ()) -> alt.Chart:
    """A month-by-month chart of ``measure`` (``frame`` has ``month`` as YYYY-MM); the
    ``partial`` months (covered only in part by the data) are drawn pale and named in a
    legend and the tooltips, and a line does not run through them."""
    coverage = {False: t("month_whole", lang), True: t("month_partial", lang)}
    flags = frame["month"].isin(list(partial))
    data = frame.assign(month=pd.to_datetime(frame["month"] + "-01"), partial=flags,
                        coverage=flags.map(coverage))[["month", measure, "partial", "coverage"]]
    colour = alt.Color("coverage:N", title=None, legend=alt.Legend(orient="bottom")
                       if flags.any() else None,
                       scale=alt.Scale(domain=list(coverage.values()),
                                       range=["#4c78a8", "#c6dbef"]))
    base = alt.Chart(data).encode(
        x=alt.X("yearmonth(month):T", title=None, axis=alt.Axis(format=MONTH[lang])),
        y=alt.Y(f"{measure}:Q", title=title, axis=alt.Axis(format=number_format)),
        tooltip=[alt.Tooltip("yearmonth(month):T", format=MONTH[lang], title=None),
                 alt.Tooltip(f"{measure}:Q", format=number_format, title=title),
                 alt.Tooltip("coverage:N", title=None)])
    if bar:
        chart = base.mark_bar().encode(color=colour)
    else:
        line = base.transform_filter("!datum.partial").mark_line()
        chart = alt.layer(line, base.mark_point(filled=True, size=60, opacity=1).encode(
            color=colour))
    return chart.properties(height=220).configure(locale=vega_locale(lang))


def ranked_bars(frame: pd.DataFrame, label: str, measure: str, title: str,
                lang: str) -> alt.Chart:
    """Horizontal bars of ``measure`` per ``label``, in the frame's order, each named on the
    axis and its value written at its end."""
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{label}:N", sort=None, title=None,
                axis=alt.Axis(labelLimit=420, labelOverlap=False)),
        x=alt.X(f"{measure}:Q", title=title, axis=alt.Axis(format=",.1f")),
        tooltip=[alt.Tooltip(f"{label}:N", title=""),
                 alt.Tooltip(f"{measure}:Q", format=",.2f", title=title)])
    values = base.mark_text(align="left", dx=3).encode(text=alt.Text(f"{measure}:Q",
                                                                      format=",.1f"))
    return (base.mark_bar() + values).properties(height=max(120, 22 * len(frame))).configure(
        locale=vega_locale(lang))


def stacked_shares(frame: pd.DataFrame, label: str, parts: dict[str, str], title: str,
                   lang: str) -> alt.Chart:
    """Horizontal bars of each row split into ``parts`` (column -> legend name), as shares."""
    long = frame.melt(id_vars=[label], value_vars=list(parts), var_name="part",
                      value_name="share")
    long["part"] = long["part"].map(parts)
    return alt.Chart(long).mark_bar().encode(
        y=alt.Y(f"{label}:N", sort=None, title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("share:Q", stack="normalize", title=title, axis=alt.Axis(format="%")),
        color=alt.Color("part:N", title=None, sort=list(parts.values())),
        tooltip=[alt.Tooltip(f"{label}:N", title=""), alt.Tooltip("part:N", title=""),
                 alt.Tooltip("share:Q", format=".1%", title=title)],
    ).properties(height=max(120, 22 * frame[label].nunique())).configure(
        locale=vega_locale(lang))


def heatmap(frame: pd.DataFrame, row: str, column: str, value: str, title: str,
            lang: str) -> alt.Chart:
    """A ``row`` × ``column`` heatmap of ``value`` on a diverging log scale around 1, every
    row and column named (Vega would hide the labels whose slanted boxes touch)."""
    return alt.Chart(frame).mark_rect().encode(
        y=alt.Y(f"{row}:N", title=None, axis=alt.Axis(labelLimit=320, labelOverlap=False)),
        x=alt.X(f"{column}:N", title=None,
                axis=alt.Axis(labelAngle=-45, labelLimit=260, labelOverlap=False,
                              labelFontSize=11)),
        color=alt.Color(f"{value}:Q", title=title,
                        scale=alt.Scale(type="log", scheme="redblue", reverse=True,
                                        domainMid=1)),
        tooltip=[alt.Tooltip(f"{row}:N", title=""), alt.Tooltip(f"{column}:N", title=""),
                 alt.Tooltip(f"{value}:Q", format=",.2f", title=title)],
    ).properties(height=max(160, 24 * frame[row].nunique())).configure(
        locale=vega_locale(lang))

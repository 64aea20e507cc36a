"""Altair charts of the pages, with numbers and dates in the user's language."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dossierflow.app.formats import MONTH, vega_locale


def monthly(frame: pd.DataFrame, measure: str, title: str, lang: str, *, bar: bool = False,
            number_format: str = ",.1f") -> alt.Chart:
    """A month-by-month chart of ``measure`` (``frame`` has ``month`` as YYYY-MM)."""
    data = frame.assign(month=pd.to_datetime(frame["month"] + "-01"))[["month", measure]]
    mark = alt.Chart(data).mark_bar() if bar else alt.Chart(data).mark_line(point=True)
    return mark.encode(
        x=alt.X("yearmonth(month):T", title=None, axis=alt.Axis(format=MONTH[lang])),
        y=alt.Y(f"{measure}:Q", title=title, axis=alt.Axis(format=number_format)),
        tooltip=[alt.Tooltip("yearmonth(month):T", format=MONTH[lang], title=None),
                 alt.Tooltip(f"{measure}:Q", format=number_format, title=title)],
    ).properties(height=220).configure(locale=vega_locale(lang))


def ranked_bars(frame: pd.DataFrame, label: str, measure: str, title: str,
                lang: str) -> alt.Chart:
    """Horizontal bars of ``measure`` per ``label``, in the frame's order."""
    return alt.Chart(frame).mark_bar().encode(
        y=alt.Y(f"{label}:N", sort=None, title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X(f"{measure}:Q", title=title, axis=alt.Axis(format=",.1f")),
        tooltip=[alt.Tooltip(f"{label}:N", title=""),
                 alt.Tooltip(f"{measure}:Q", format=",.2f", title=title)],
    ).properties(height=max(120, 22 * len(frame))).configure(locale=vega_locale(lang))


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
    """A ``row`` × ``column`` heatmap of ``value`` on a diverging log scale around 1."""
    return alt.Chart(frame).mark_rect().encode(
        y=alt.Y(f"{row}:N", title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X(f"{column}:N", title=None, axis=alt.Axis(labelAngle=-40, labelLimit=200)),
        color=alt.Color(f"{value}:Q", title=title,
                        scale=alt.Scale(type="log", scheme="redblue", reverse=True,
                                        domainMid=1)),
        tooltip=[alt.Tooltip(f"{row}:N", title=""), alt.Tooltip(f"{column}:N", title=""),
                 alt.Tooltip(f"{value}:Q", format=",.2f", title=title)],
    ).properties(height=max(160, 24 * frame[row].nunique())).configure(
        locale=vega_locale(lang))

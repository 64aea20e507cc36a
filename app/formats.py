"""Numbers, dates and tables written the way each language writes them.

Vietnamese: 1.234,5 and dd/mm/yyyy; English: 1,234.5 and yyyy-mm-dd. The numbers are those of
``dossierflow.mining.number_format``, which the process maps use too.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from dossierflow.mining.number_format import MISSING, fmt_number, fmt_percent
from dossierflow.mining.vocabulary import TZ

DATE = {"vi": "%d/%m/%Y", "en": "%Y-%m-%d"}
DATETIME = {"vi": "%d/%m/%Y %H:%M", "en": "%Y-%m-%d %H:%M"}
MONTH = {"vi": "%m/%Y", "en": "%Y-%m"}
DATE_INPUT = {"vi": "DD/MM/YYYY", "en": "YYYY-MM-DD"}

__all__ = ["DATE", "DATETIME", "DATE_INPUT", "MISSING", "MONTH", "fmt_date", "fmt_datetime",
           "fmt_number", "fmt_percent", "fmt_text", "styled", "vega_locale"]


def _stamp(value) -> pd.Timestamp | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    stamp = pd.Timestamp(value)
    if pd.isna(stamp):
        return None
    return stamp.tz_convert(TZ) if stamp.tzinfo is not None else stamp


def fmt_date(value, lang: str) -> str:
    """A date: 31/08/2023 / 2023-08-31; '–' when missing."""
    stamp = _stamp(value)
    return MISSING if stamp is None else stamp.strftime(DATE[lang])


def fmt_datetime(value, lang: str) -> str:
    """A local date and time: 31/08/2023 14:05 / 2023-08-31 14:05."""
    stamp = _stamp(value)
    return MISSING if stamp is None else stamp.strftime(DATETIME[lang])


def fmt_duration(seconds: float, lang: str) -> str:
    """A rough duration to wait: "45 giây", "3 phút" ("45 s", "3 min")."""
    if seconds < 60:
        return f"{max(round(seconds), 1)} {'giây' if lang == 'vi' else 's'}"
    return f"{round(seconds / 60)} {'phút' if lang == 'vi' else 'min'}"


def fmt_text(value, lang: str, digits: int = 1) -> str:
    """A cell of a text column: '–' when missing (never None or nan), a number in ``lang``'s
    format, other values as they are."""
    if value is None or value is pd.NA or value is pd.NaT or (
            isinstance(value, float) and math.isnan(value)):
        return MISSING
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return fmt_number(value, lang, 0 if float(value).is_integer() else digits)
    return str(value)


def styled(frame: pd.DataFrame, lang: str, *, digits: int = 1,
           percent: tuple[str, ...] = (), labels: dict[str, str] | None = None,
           values: dict[str, Callable[[object], str]] | None = None):
    """``frame`` as a pandas Styler for ``st.dataframe``: numbers and dates in ``lang``'s
    format (integers without decimals, ``percent`` columns with %), the values of the
    ``values`` columns written by their function, headers renamed by ``labels``. Sorting
    in the browser still uses the underlying values."""
    formatters: dict[str, Callable] = {}
    for column in frame.columns:
        series = frame[column]
        if column in (values or {}):
            formatters[column] = values[column]
        elif pd.api.types.is_bool_dtype(series):
            formatters[column] = lambda v: "✓" if v is True or v == 1 else ""
        elif pd.api.types.is_datetime64_any_dtype(series):
            formatters[column] = lambda v: fmt_datetime(v, lang)
        elif pd.api.types.is_integer_dtype(series):
            formatters[column] = lambda v: fmt_number(v, lang)
        elif pd.api.types.is_float_dtype(series):
            formatters[column] = ((lambda v: fmt_percent(v, lang)) if column in percent
                                  else (lambda v, d=digits: fmt_number(v, lang, d)))
        else:
            formatters[column] = lambda v, d=digits: fmt_text(v, lang, d)
    shown = frame.rename(columns=labels or {})
    renamed = {(labels or {}).get(c, c): f for c, f in formatters.items()}
    return shown.style.format(renamed, na_rep=MISSING)


def vega_locale(lang: str) -> dict:
    """The number locale of Altair (Vega) charts in ``lang``."""
    decimal, thousands = (",", ".") if lang == "vi" else (".", ",")
    return {"number": {"decimal": decimal, "thousands": thousands, "grouping": [3],
                       "currency": ["", " ₫"] if lang == "vi" else ["₫", ""]}}

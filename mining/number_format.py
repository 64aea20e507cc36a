"""Numbers written the way each display language writes them, for the app, reports and maps.

Vietnamese 1.234,5 and English 1,234.5; a negative number has a minus sign (−), never "−0";
a percentage is given as 0–100 and written 98,5% / 98.5%; a missing value is written '–'.
"""

from __future__ import annotations

import math

import pandas as pd

from dossierflow.mining.vocabulary import Lang

MISSING = "–"


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def fmt_number(value, lang: Lang, digits: int = 0, *, signed: bool = False) -> str:
    """``value`` with thousands separators and ``digits`` decimals, a plus sign on a non-zero
    value when ``signed``; '–' when missing."""
    if _missing(value):
        return MISSING
    value = round(float(value), digits) + 0.0  # + 0.0: no "−0"
    text = f"{value:{'+' if signed and value else ''},.{digits}f}".replace("-", "−")
    return text.translate(str.maketrans(",.", ".,")) if lang == "vi" else text


def fmt_percent(value, lang: Lang, digits: int = 1, *, signed: bool = False) -> str:
    """A percentage given as 0–100: '98,5%' / '98.5%'; '–' when missing."""
    text = fmt_number(value, lang, digits, signed=signed)
    return text if text == MISSING else f"{text}%"

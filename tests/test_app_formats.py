"""Labels exist in both languages; numbers and dates are written each language's way."""

from __future__ import annotations

import pandas as pd

from dossierflow.app.formats import fmt_date, fmt_datetime, fmt_number, fmt_percent
from dossierflow.app.i18n import LABELS, reason_text


def test_every_label_in_vietnamese_and_english():
    assert all(set(text) == {"vi", "en"} and all(text.values()) for text in LABELS.values())


def test_numbers_and_dates_by_language():
    moment = pd.Timestamp("2023-08-31 07:05", tz="UTC")  # 14:05 in Hà Nội
    assert fmt_number(1234.5, "vi", 1) == "1.234,5"
    assert fmt_number(1234.5, "en", 1) == "1,234.5"
    assert fmt_percent(98.26, "vi") == "98,3%" and fmt_percent(98.26, "en") == "98.3%"
    assert fmt_number(float("nan"), "en") == "–"
    assert fmt_date(moment, "vi") == "31/08/2023" and fmt_date(moment, "en") == "2023-08-31"
    assert fmt_datetime(moment, "vi") == "31/08/2023 14:05"


def test_mining_reasons_in_vietnamese():
    assert reason_text("no 'channel' column", "vi") == "nhật ký không có cột 'channel'"
    assert reason_text("threshold unknown", "en") == "threshold unknown"

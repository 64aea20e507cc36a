"""Labels exist in both languages; numbers and dates are written each language's way."""

from __future__ import annotations

import pandas as pd

from dossierflow.app.formats import fmt_date, fmt_datetime, fmt_number, fmt_percent
from dossierflow.app.i18n import LABELS, reason_text
from dossierflow.mining.analysis.kpis import REASONS, reason_en
from dossierflow.mining.vocabulary import CHANNELS, HANDLING_MODELS, ONLINE_UNSPECIFIED


def test_every_label_in_vietnamese_and_english():
    assert all(set(text) == {"vi", "en"} and all(text.values()) for text in LABELS.values())


def test_every_channel_and_model_of_the_vocabulary_has_a_label():
    ids = [f"channel_{c}" for c in (*CHANNELS, ONLINE_UNSPECIFIED)]
    assert set(ids + [f"model_{m}" for m in HANDLING_MODELS]) <= set(LABELS)


def test_numbers_and_dates_by_language():
    moment = pd.Timestamp("2023-08-31 07:05", tz="UTC")  # 14:05 in Hà Nội
    assert fmt_number(1234.5, "vi", 1) == "1.234,5"
    assert fmt_number(1234.5, "en", 1) == "1,234.5"
    assert fmt_percent(98.26, "vi") == "98,3%" and fmt_percent(98.26, "en") == "98.3%"
    assert fmt_number(float("nan"), "en") == "–"
    assert fmt_number(-1234.5, "vi", 1) == "−1.234,5" and fmt_number(-0.04, "en", 1) == "0.0"
    assert fmt_percent(12.5, "en", signed=True) == "+12.5%"
    assert fmt_date(moment, "vi") == "31/08/2023" and fmt_date(moment, "en") == "2023-08-31"
    assert fmt_datetime(moment, "vi") == "31/08/2023 14:05"


def test_mining_reasons_by_code():
    assert reason_text("missing_columns", "vi", "channel") == "nhật ký không có cột 'channel'"
    assert reason_text("missing_columns", "vi", "fee, paid_online") == \
        "nhật ký không có cột 'fee' hoặc 'paid_online'"
    assert reason_text("threshold_unknown", "vi") == "chưa rõ ngưỡng"
    assert reason_text("repeated_supplement_request", "en") == "repeated supplement request"
    assert reason_text("", "vi") == ""
    for code in REASONS:  # the app's English is the scorecard's
        assert reason_text(code, "en", "fee, paid_online") == reason_en(code, "fee, paid_online")

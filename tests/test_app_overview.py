"""Tổng quan / Overview: scorecard, monthly trends and agency league, in vi and en."""

from __future__ import annotations

import pytest

from tests.support.app_pages import LANGS, NOTHING_LEFT, elements, open_page

TITLES = {"vi": "Tổng quan", "en": "Overview"}


@pytest.mark.parametrize("lang", LANGS)
def test_overview_shows_scorecard_trends_and_league(monkeypatch, mini_log, lang):
    app = open_page(monkeypatch, mini_log, "overview", lang)
    assert app.title[0].value == TITLES[lang]
    metrics = {m.label: m.value for m in app.metric}
    rate = metrics["Tỉ lệ đúng hạn" if lang == "vi" else "On-time rate"]
    assert rate == ("69,5%" if lang == "vi" else "69.5%")
    assert metrics["Hồ sơ tiếp nhận" if lang == "vi" else "Dossiers received"] == "131"
    assert len(elements(app, "vega_lite_chart")) == 3
    scorecard, league = app.dataframe[0].value, app.dataframe[1].value
    assert ("Chỉ số" if lang == "vi" else "Indicator") in scorecard.columns
    assert len(league) == 6  # the mini log's agencies


@pytest.mark.parametrize("lang", LANGS)
def test_overview_says_when_filters_leave_nothing(monkeypatch, mini_log, lang):
    app = open_page(monkeypatch, mini_log, "overview", lang, **NOTHING_LEFT)
    assert ("Không có hồ sơ" if lang == "vi" else "No dossier") in app.info[0].value
    assert not app.metric

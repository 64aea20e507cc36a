"""Điểm nghẽn / Bottlenecks: rankings, waiting causes, late dossiers and apology letters."""

from __future__ import annotations

import pytest

from tests.support.app_pages import LANGS, NOTHING_LEFT, elements, open_page

WORDS = {"vi": {"title": "Điểm nghẽn", "step": "Bước chịu trách nhiệm", "officer": "Cán bộ"},
         "en": {"title": "Bottlenecks", "step": "Step responsible", "officer": "Officer"}}


@pytest.mark.parametrize("lang", LANGS)
def test_rankings_late_dossiers_and_letters(monkeypatch, mini_log, lang):
    words = WORDS[lang]
    app = open_page(monkeypatch, mini_log, "bottlenecks", lang)
    assert app.title[0].value == words["title"]
    # the late dossiers' table (the counts per step beside it hold two columns)
    late = next(d.value for d in app.dataframe
                if words["step"] in d.value.columns and len(d.value.columns) > 2)
    assert len(late) == 40  # the mini log's late dossiers
    assert words["officer"] in late.columns
    assert app.metric  # apology letters
    app.button_group(key="level").set_value("agency").run()  # rank agencies
    assert not app.exception
    assert app.query_params["level"] == "agency"


@pytest.mark.parametrize("lang", LANGS)
def test_waiting_causes_on_demand(monkeypatch, mini_log, lang):
    app = open_page(monkeypatch, mini_log, "bottlenecks", lang, causes="1")
    charts = elements(app, "vega_lite_chart")
    assert len(charts) == 2  # the ranking and the causes


@pytest.mark.parametrize("lang", LANGS)
def test_empty_selection_is_a_message(monkeypatch, mini_log, lang):
    app = open_page(monkeypatch, mini_log, "bottlenecks", lang, **NOTHING_LEFT)
    assert app.info and not app.dataframe

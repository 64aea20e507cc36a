"""Bản đồ quy trình / Process map: overlays, sliders, drill-down and shareable URLs."""

from __future__ import annotations

import json

import pytest

from tests.support.app_pages import LANGS, NOTHING_LEFT, elements, open_page

WORDS = {"vi": {"title": "Bản đồ quy trình", "receive": "Tiếp nhận", "wait": "Thời gian chờ"},
         "en": {"title": "Process map", "receive": "Receive", "wait": "Waiting time"}}


def dot(app) -> str:
    """The map's SVG, its paths written as DOT writes them (source -> target)."""
    svg = json.loads(elements(app, "bidi_component")[0].proto.json)["svg"]
    return svg.replace("&#45;&gt;", "->")


@pytest.mark.parametrize("lang", LANGS)
def test_map_in_both_overlays_and_with_sliders(monkeypatch, mini_log, lang):
    words = WORDS[lang]
    app = open_page(monkeypatch, mini_log, "process_map", lang)
    assert app.title[0].value == words["title"]
    assert words["receive"] in dot(app)
    full = dot(app).count("->")
    app.select_slider(key="activities").set_value(0.05).run()
    assert not app.exception
    assert dot(app).count("->") < full
    assert app.query_params["activities"] == "0.05"
    app = open_page(monkeypatch, mini_log, "process_map", lang, overlay="performance",
                    activities="0.5")
    assert words["wait"] in dot(app)
    assert app.select_slider(key="activities").value == 0.5


@pytest.mark.parametrize("lang", LANGS)
def test_drill_down_to_a_variant_and_a_dossier(monkeypatch, mini_log, lang):
    app = open_page(monkeypatch, mini_log, "process_map", lang, variant="1")
    case = app.selectbox(key="case")
    first = case.options[0]
    case.select(first).run()
    assert not app.exception
    assert app.query_params["case"] == first
    timeline = app.dataframe[-1].value
    assert len(timeline) >= 2
    assert ("Cán bộ" if lang == "vi" else "Officer") in timeline.columns


@pytest.mark.parametrize("lang", LANGS)
def test_filter_in_url_and_empty_result(monkeypatch, mini_log, lang):
    app = open_page(monkeypatch, mini_log, "process_map", lang, agency="Sở Y tế")
    assert app.sidebar.multiselect(key="agency").value == ["Sở Y tế"]
    caption = app.caption[0].value
    assert caption.startswith("19 ")
    app = open_page(monkeypatch, mini_log, "process_map", lang, **NOTHING_LEFT)
    assert not elements(app, "bidi_component")
    assert app.info

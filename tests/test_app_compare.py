"""So sánh / Compare: two groups side by side, the difference map and the heatmap."""

from __future__ import annotations

import json

import pytest

from tests.support.app_pages import LANGS, NOTHING_LEFT, elements, open_page

WORDS = {"vi": {"title": "So sánh", "diff": "Chênh lệch"},
         "en": {"title": "Compare", "diff": "Difference"}}


def difference_svg(app) -> str:
    """The difference map's SVG, as the zoomable map component gets it."""
    return json.loads(elements(app, "bidi_component")[0].proto.json)["svg"]


@pytest.mark.parametrize("lang", LANGS)
def test_two_channels_side_by_side(monkeypatch, mini_log, lang):
    words = WORDS[lang]
    app = open_page(monkeypatch, mini_log, "compare", lang, by="channel", a="in_person",
                    b="online")
    assert app.title[0].value == words["title"]
    assert [m.value for m in app.metric][:2] == ["32", "99"]
    assert words["diff"] in difference_svg(app)
    assert elements(app, "vega_lite_chart")  # the heatmap
    app.button_group(key="diff").set_value("waiting").run()
    assert not app.exception
    assert app.query_params["diff"] == "waiting"


@pytest.mark.parametrize("lang", LANGS)
def test_same_group_twice_and_empty_selection(monkeypatch, mini_log, lang):
    app = open_page(monkeypatch, mini_log, "compare", lang, by="channel", a="online",
                    b="online")
    assert app.warning and not elements(app, "bidi_component")
    app = open_page(monkeypatch, mini_log, "compare", lang, **NOTHING_LEFT)
    assert app.info and not app.metric

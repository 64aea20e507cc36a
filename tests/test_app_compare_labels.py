"""So sánh / Compare names its groups: agencies logged by their catalogue codes (DEPT_JUSTICE)
show as "Sở Tư pháp" / "Department of Justice" in the difference map's legend, the metrics
and the table headers; the start ▶ is named in the table; the heatmap labels every column."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dossierflow.mining import import_to_workspace
from tests.support.app_pages import LANGS, elements, open_page
from tests.support.paths import MINI

CODES = {"Sở Tư pháp": "DEPT_JUSTICE", "Sở Giao thông vận tải": "DEPT_TRANSPORT",
         "Sở Kế hoạch và Đầu tư": "DEPT_PLAN_INVEST"}
NAMES = {"vi": ("Sở Tư pháp", "Sở Giao thông vận tải"),
         "en": ("Department of Justice", "Department of Transport")}


@pytest.fixture(scope="module")
def agency_codes_log(tmp_path_factory):
    """The mini log with its agencies written as catalogue codes, as the sample writes them."""
    folder = tmp_path_factory.mktemp("agency_codes")
    raw = pd.read_csv(MINI, dtype=str)
    raw["Cơ quan giải quyết"] = raw["Cơ quan giải quyết"].map(CODES)
    raw.to_csv(folder / "codes.csv", index=False)
    return import_to_workspace(folder / "codes.csv", name=str(folder / "codes.duckdb")).path


def difference_svg(app) -> str:
    """The difference map's SVG, as the zoomable map component gets it."""
    return json.loads(elements(app, "bidi_component")[0].proto.json)["svg"]


@pytest.mark.parametrize("lang", LANGS)
def test_legend_and_headers_name_the_agencies(monkeypatch, agency_codes_log, lang):
    app = open_page(monkeypatch, agency_codes_log, "compare", lang, by="agency",
                    a="DEPT_JUSTICE", b="DEPT_TRANSPORT")
    dot = difference_svg(app)
    a, b = NAMES[lang]
    assert "DEPT_" not in dot
    assert a in dot and b in dot  # the legend's title and notes
    assert a in app.metric[0].label and b in app.metric[1].label
    headers = " ".join(app.dataframe[0].value.columns)
    assert "DEPT_" not in headers and b in headers
    steps = set(app.dataframe[0].value.iloc[:, 0])
    assert "▶" not in steps and any(s.startswith("▶ ") for s in steps)  # start named


@pytest.mark.parametrize("lang", LANGS)
def test_heatmap_labels_every_column(monkeypatch, agency_codes_log, lang):
    app = open_page(monkeypatch, agency_codes_log, "compare", lang, by="agency",
                    a="DEPT_JUSTICE", b="DEPT_TRANSPORT")
    spec = json.loads(elements(app, "vega_lite_chart")[-1].proto.spec)
    for channel in ("x", "y"):
        axis = spec["encoding"][channel]["axis"]
        assert axis["labelOverlap"] is False, (channel, axis)
    x = spec["encoding"]["x"]["axis"]
    assert x["labelLimit"] >= 240 and abs(x["labelAngle"]) <= 45
    rows = elements(app, "vega_lite_chart")[-1].proto
    assert "DEPT_" not in rows.spec

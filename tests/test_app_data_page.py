"""The app opens an imported log on its Data page, in Vietnamese and in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from mining import import_to_workspace

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("lang,title", [("vi", "Dữ liệu"), ("en", "Data")])
def test_data_page_shows_summary_and_report(monkeypatch, lang, title):
    stored = import_to_workspace(ROOT / "datasets" / "sample" / "mini_centre.csv", name="mini")
    monkeypatch.setenv("DOSSIERFLOW_LOG", str(stored.path))
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.query_params["lang"] = lang
    app.run()
    assert not app.exception
    assert app.title[0].value == title
    assert [m.value for m in app.metric][:2] == ["131", "711"]


def test_missing_log_is_a_message(monkeypatch):
    monkeypatch.setenv("DOSSIERFLOW_LOG", "never-imported")
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.run()
    assert not app.exception
    assert "dossierflow import" in app.error[0].value

"""What the app tests share: the mini log imported once per test module, and the app opened
on one of its pages (no test here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dossierflow.mining import import_to_workspace

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "datasets" / "sample" / "mini_centre.csv"
LANGS = ["vi", "en"]
# filters that leave no dossier of the mini log (it has no late dossier of this agency)
NOTHING_LEFT = {"agency": "Sở Xây dựng", "on_time": "late"}


@pytest.fixture(scope="module")
def mini_log(tmp_path_factory) -> Path:
    """The mini log imported into a workspace file."""
    folder = tmp_path_factory.mktemp("workspace")
    return import_to_workspace(MINI, name=str(folder / "mini.duckdb")).path


def open_page(monkeypatch, log: Path, page: str, lang: str, **params) -> AppTest:
    """The app on ``page`` (a file of app/pages without .py) with ``log`` open, the URL
    carrying ``lang`` and ``params``."""
    monkeypatch.setenv("DOSSIERFLOW_LOG", str(log))
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.query_params.update(lang=lang, **params)
    app.run()
    if page != "data":
        app.switch_page(f"app/pages/{page}.py").run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def elements(app: AppTest, kind: str) -> list:
    """The elements of one type (e.g. 'graphviz_chart', 'vega_lite_chart') on the page."""
    return list(app.get(kind))

"""The app opened on one of its pages, as the app tests drive it (their fixtures `mini_log`
and `coded_log` are in tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.support.paths import ROOT

LANGS = ["vi", "en"]
# filters that leave no dossier of the mini log (it has no late dossier of this agency)
NOTHING_LEFT = {"agency": "Sở Xây dựng", "on_time": "late"}
SHORT = dt.date(2024, 1, 1)  # a two-month horizon: the mini log's last dossiers


def open_page(monkeypatch, log: Path, page: str, lang: str, **params) -> AppTest:
    """The app on ``page`` (a file of app/pages without .py) with ``log`` open, the URL
    carrying ``lang`` and ``params``."""
    monkeypatch.setenv("DOSSIERFLOW_LOG", str(log))
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.query_params.update(lang=lang, **params)
    app.run()
    if page != "data":
        app.switch_page(f"app/pages/{page}.py").run()
    settle(app, page)
    assert not app.exception, [e.message for e in app.exception]
    return app


def settle(app: AppTest, page: str, limit: float = 600) -> AppTest:
    """Run ``page`` (a file of app/pages without .py) again until it no longer waits for the
    model being learnt in the background."""
    waited = 0.0
    while learning(app) and waited < limit:
        time.sleep(0.5)
        waited += 0.5
        app.switch_page(f"app/pages/{page}.py").run()
    return app


def learning(app: AppTest) -> bool:
    """Whether the page shows the model still being learnt (or waiting to be)."""
    return bool(list(app.get("progress"))) or any(
        text in e.value for e in app.info for text in ("mô hình khác", "another model"))


def elements(app: AppTest, kind: str) -> list:
    """The elements of one type (e.g. 'graphviz_chart', 'vega_lite_chart') on the page."""
    return list(app.get(kind))

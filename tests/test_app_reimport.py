"""Item 7 of issue 16: a file uploaded under the name of an earlier upload replaces it, and
every page shows the new file's data, in the app's own process (AppTest) and in a browser,
even when the workspace file's time written does not change."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dossierflow.app import upload
from dossierflow.mining import import_to_workspace
from tests.support.paths import MINI, ROOT

FEW = 21  # dossiers of the second file


@pytest.fixture(scope="module")
def two_files(tmp_path_factory) -> tuple[bytes, bytes]:
    """The mini log (131 dossiers) and its first ``FEW`` dossiers, as CSV bytes."""
    raw = pd.read_csv(MINI, dtype=str)
    few = raw[raw["Mã hồ sơ"].isin(raw["Mã hồ sơ"].unique()[:FEW])]
    return MINI.read_bytes(), few.to_csv(index=False).encode()


def upload_and_import(app: AppTest, data: bytes) -> AppTest:
    app.file_uploader(key="upload").upload("centre.csv", data, "text/csv")
    app.run()
    app.button[0].click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    return app


def shown_dossiers(app: AppTest) -> str:
    return app.metric[0].value


def empty_app(monkeypatch) -> AppTest:
    monkeypatch.delenv("DOSSIERFLOW_LOG", raising=False)
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.query_params["lang"] = "en"
    return app.run()


def test_second_upload_of_the_same_name_shows_its_own_data(monkeypatch, two_files):
    first, second = two_files
    app = upload_and_import(empty_app(monkeypatch), first)
    assert shown_dossiers(app) == "131"
    app = upload_and_import(app, second)
    assert shown_dossiers(app) == str(FEW)
    # a fresh session opening the same workspace sees the new data too
    fresh = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    fresh.query_params.update(lang="en", log="centre")
    assert shown_dossiers(fresh.run()) == str(FEW)


def test_reimport_within_the_same_time_written(monkeypatch, two_files):
    """A file system that keeps times to the second (or a quick second import) gives the
    new workspace file the old file's time written: the app must still see the change."""
    first, second = two_files
    app = upload_and_import(empty_app(monkeypatch), first)
    assert shown_dossiers(app) == "131"
    stored = Path(os.environ["DOSSIERFLOW_HOME"]) / "centre.duckdb"
    written = stored.stat().st_mtime_ns

    def same_time(*args, **kwargs):
        result = import_to_workspace(*args, **kwargs)
        os.utime(result.path, ns=(written, written))
        return result

    monkeypatch.setattr(upload, "import_to_workspace", same_time)
    app = upload_and_import(app, second)
    assert stored.stat().st_mtime_ns == written
    assert shown_dossiers(app) == str(FEW)


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_browser_second_upload_of_the_same_name(tmp_path, two_files):
    from tests.support.browser import (
        browser_or_skip,
        launch_args,
        screenshot,
        served_app,
        tail,
        wait_idle,
    )

    chromium, sync_api = browser_or_skip()
    home = tmp_path / "home"
    log = import_to_workspace(MINI, name=str(tmp_path / "mini.duckdb")).path
    files = []
    for i, data in enumerate(two_files):
        (tmp_path / f"v{i}").mkdir()
        files.append(tmp_path / f"v{i}" / "centre.csv")
        files[-1].write_bytes(data)
    output = tmp_path / "streamlit.log"
    with served_app(log, home, output) as url, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                             args=launch_args())
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1200})
            page.set_default_timeout(60_000)
            page.goto(f"{url}/?lang=en")
            wait_idle(page)
            counts = []
            for file in files:
                button = page.get_by_role("button", name="Import and open")
                if not button.is_visible():
                    page.get_by_text("Upload your centre's data").click()
                page.locator("input[type=file]").set_input_files(str(file))
                sync_api.expect(button).to_be_enabled()
                wait_idle(page)
                button.click()
                wait_idle(page)
                metric = page.get_by_test_id("stMetric").first
                counts.append(metric.get_by_test_id("stMetricValue").inner_text())
            screenshot(page, "reimport-same-name")
        finally:
            browser.close()
    assert counts == ["131", str(FEW)], tail(output)

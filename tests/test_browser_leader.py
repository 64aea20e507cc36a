"""The leader's Overview in Debian's chromium, in Vietnamese and English: the scorecard says how
many indicators were measured, partial months are named, and one click makes the leadership
report, downloaded as HTML and PDF. Screenshots go to artefacts/browser/."""

from __future__ import annotations

import pytest

from dossierflow.mining import import_to_workspace
from tests.support.browser import (
    browser_or_skip,
    launch_args,
    screenshot,
    served_app,
    tail,
    wait_idle,
)
from tests.support.paths import MINI

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

CHROMIUM, sync_api = browser_or_skip()
expect = sync_api.expect
REPORT_TIMEOUT = 240  # seconds: the report simulates time cuts
WORDS = {"vi": {"measured": "đo được 3/19 chỉ số", "partial": "Tháng chưa đủ số liệu",
                "make": "Lập báo cáo lãnh đạo", "html": "Tải báo cáo (HTML)",
                "pdf": "Tải báo cáo (PDF)", "title": "Báo cáo phân tích quy trình"},
         "en": {"measured": "3 of 19 indicators measured", "partial": "Partial months",
                "make": "Make the leadership report", "html": "Download the report (HTML)",
                "pdf": "Download the report (PDF)", "title": "Dossier process analysis"}}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    home = tmp_path_factory.mktemp("browser_leader")
    log = import_to_workspace(MINI, name=str(home / "mini.duckdb")).path
    output = home / "streamlit.log"
    with served_app(log, home, output) as url:
        yield url
    print(tail(output))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview_report_scorecard_and_partial_months(app_url, lang):
    words = WORDS[lang]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=launch_args())
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 900},
                                    accept_downloads=True)
            page.set_default_timeout(90_000)
            page.goto(f"{app_url}/overview?lang={lang}")
            wait_idle(page, timeout=90)
            body = page.inner_text("body")
            assert words["measured"] in body.lower() or words["measured"] in body
            assert words["partial"] in body and "None" not in body
            screenshot(page, f"leader_overview_{lang}")
            page.get_by_role("button", name=words["make"]).click()
            html_button = page.get_by_role("button", name=words["html"])
            expect(html_button).to_be_visible(timeout=REPORT_TIMEOUT * 1000)
            wait_idle(page, timeout=60)
            screenshot(page, f"leader_report_ready_{lang}")
            with page.expect_download() as html:
                html_button.click()
            assert html.value.suggested_filename.endswith(f"_report-{lang}.html")
            text = open(html.value.path(), encoding="utf-8").read()
            assert words["title"] in text and "<svg" in text or "Graphviz" in text
            with page.expect_download() as pdf:
                page.get_by_role("button", name=words["pdf"]).click()
            assert pdf.value.suggested_filename.endswith(".pdf")
            assert open(pdf.value.path(), "rb").read(5) == b"%PDF-"
        finally:
            browser.close()

"""The trust warning in a real browser: on a log the model cannot reproduce on purpose (each
dossier's due date drawn at random, unrelated to its procedure's legal time, which a model
of one legal time per procedure cannot express), the Scenarios page says so above the
results, in Vietnamese and in English, and shows the figures of the check.

Screenshots go to artefacts/browser/. Skips (with the reason) only when no chromium is
installed: set $DOSSIERFLOW_CHROMIUM to use another binary."""

from __future__ import annotations

import numpy as np
import pandas as pd
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

pytestmark = [pytest.mark.slow, pytest.mark.timeout(420)]

CHROMIUM, sync_api = browser_or_skip()
expect = sync_api.expect
TIMEOUT = 180  # seconds, for learning the model and a run on a slow machine
WARNING = {"vi": "Mô hình chưa tái hiện được nhật ký này", "en": "does not reproduce this log"}
TITLE = {"vi": "Kịch bản", "en": "Scenarios"}
CHECK = {"vi": "Mô hình so với nhật ký", "en": "The model against the log"}
DEMAND = {"vi": "Thay đổi số hồ sơ", "en": "Demand"}


def random_due_log(path) -> None:
    """400 dossiers of one procedure, received Jan–Jun 2023, results 1–9 working days
    later, each due 1–20 calendar days after receipt at random."""
    rng = np.random.default_rng(3)
    days = pd.bdate_range("2023-01-02", "2023-06-30")
    rows = []
    for i in range(400):
        received = days[rng.integers(len(days))] + pd.Timedelta(minutes=480 + int(
            rng.integers(0, 400)))
        done = received + pd.tseries.offsets.BDay(int(rng.integers(1, 10)))
        due = received + pd.Timedelta(days=int(rng.integers(1, 21)))
        rows += [(f"HS{i:04d}", "receive", received, "A", due),
                 (f"HS{i:04d}", "issue_result", done, "B", due)]
    frame = pd.DataFrame(rows, columns=["case_id", "activity", "timestamp", "resource",
                                        "due_at"])
    for column in ("timestamp", "due_at"):
        frame[column] = pd.to_datetime(frame[column]).dt.strftime("%Y-%m-%d %H:%M:%S")
    frame.to_csv(path, index=False)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    home = tmp_path_factory.mktemp("asis")
    random_due_log(home / "random_due.csv")
    log = import_to_workspace(home / "random_due.csv", name=str(home / "random_due.duckdb")).path
    output = home / "streamlit.log"
    with served_app(log, home, output) as url:
        yield url
    print(tail(output))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_scenarios_warn_when_the_model_does_not_reproduce_the_log(app_url, lang):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=launch_args())
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1400})
            page.set_default_timeout(TIMEOUT * 1000)
            page.goto(f"{app_url}/scenarios?lang={lang}")
            main = page.get_by_test_id("stMain")
            expect(page.locator("h1").first).to_have_text(TITLE[lang], timeout=TIMEOUT * 1000)
            wait_idle(page, timeout=TIMEOUT)
            main.locator(".st-key-scenario_name input").fill("+20 %")
            main.locator(".st-key-scenario_name input").press("Enter")
            wait_idle(page)
            box = main.locator(".st-key-sc_kind").get_by_role("combobox")
            box.click()
            page.get_by_role("option", name=DEMAND[lang], exact=True).click()
            wait_idle(page)
            main.locator(".st-key-add_change").get_by_role("button").click()  # demand × 1.2
            wait_idle(page)
            main.locator(".st-key-add_scenario").get_by_role("button").click()
            wait_idle(page)
            replications = main.locator(".st-key-sc_replications input")
            replications.fill("2")
            replications.press("Enter")
            wait_idle(page)
            main.locator(".st-key-run_scenarios").get_by_role("button").click()
            results = main.locator(".st-key-scenario_results").get_by_test_id("stDataFrame")
            expect(results).to_be_visible(timeout=TIMEOUT * 1000)
            wait_idle(page, timeout=TIMEOUT)
            warning = page.get_by_test_id("stAlertContentWarning").filter(
                has_text=WARNING[lang])
            expect(warning).to_have_count(1)
            # the warning comes before the results it qualifies
            assert warning.bounding_box()["y"] < results.bounding_box()["y"]
            expect(main).to_contain_text(CHECK[lang])
            expect(page.get_by_test_id("stException")).to_have_count(0)
            warning.scroll_into_view_if_needed()
            screenshot(page, f"asis-warning-{lang}")
        finally:
            browser.close()

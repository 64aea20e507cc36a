"""The Early warning page in a real browser, in Vietnamese and in English: on six months of
the synthetic centre it lists the open dossiers at the log's end with their risk, breaks them
down by agency and names the apology letters of the week (or says there are none).

Screenshots go to artefacts/browser/. Skips (with the reason) only when no chromium is
installed: set $DOSSIERFLOW_CHROMIUM to use another binary."""

from __future__ import annotations

import pytest

from tests.support.browser import (
    browser_or_skip,
    browser_page,
    screenshot,
    served_app,
    tail,
    wait_idle,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(420)]

CHROMIUM, sync_api = browser_or_skip()
expect = sync_api.expect
TIMEOUT = 180  # seconds: the model is trained on the first visit
TEXTS = {
    "vi": ("Cảnh báo", "Danh sách cảnh báo", "Theo cơ quan", "Thư xin lỗi dự kiến trong tuần",
           "Nguy cơ trễ"),
    "en": ("Early warning", "Warning list", "By agency", "Apology letters expected this week",
           "Risk of being late"),
}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    from dossierflow.simulation.engine import simulate
    from dossierflow.simulation.sample.centre_model import centre_model
    from dossierflow.simulation.sample.sample_output import write_sample

    home = tmp_path_factory.mktemp("warning")
    run = simulate(centre_model(scale=0.1), start="2023-01-02", end="2023-07-01", seed=2)
    log = write_sample(run, home / "half_year.duckdb")
    output = home / "streamlit.log"
    with served_app(log, home, output) as url:
        yield url
    print(tail(output))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_warning_page_lists_the_risky_dossiers(app_url, lang):
    title, listing, by_agency, letters, risk = TEXTS[lang]
    with browser_page(CHROMIUM, sync_api, timeout=TIMEOUT,
                      window={"width": 1440, "height": 1800}) as page:
        page.goto(f"{app_url}/warning?lang={lang}")
        expect(page.locator("h1").first).to_have_text(title)
        wait_idle(page, timeout=TIMEOUT)
        main = page.get_by_test_id("stMain")
        for heading in (listing, by_agency, letters):
            expect(main.get_by_text(heading, exact=True).first).to_be_visible()
        expect(main.get_by_test_id("stMetric")).to_have_count(3)
        assert main.get_by_test_id("stDataFrame").count() >= 2
        expect(main.get_by_test_id("stException")).to_have_count(0)
        screenshot(page, f"warning_{lang}")
        headers = main.get_by_test_id("stDataFrame").first.inner_text()
        assert risk in headers or main.get_by_text(risk).count() > 0

"""The planner's path in a real browser, on the mini log with catalogue codes (as one-stop
exports have them): a bottleneck row → "Simulate this" → the Scenarios page prefilled → a
procedure found by typing its name without accents → the scenario run → results beside the
log's own figures, the effect of each change on its own, procedures shown by name. Then the
same results and the Bottlenecks and Proposals pages in English.

Screenshots go to artefacts/browser/ (and $DOSSIERFLOW_SHOTS when set). Skips (with the
reason) only when no chromium is installed: set $DOSSIERFLOW_CHROMIUM to use another
binary."""

from __future__ import annotations

import os
import shutil

import pytest

from dossierflow.mining import import_to_workspace
from tests.support.browser import (
    browser_or_skip,
    browser_page,
    screenshot,
    served_app,
    tail,
    wait_idle,
)
from tests.support.coded_log import LAND, coded_mini

pytestmark = [pytest.mark.slow, pytest.mark.timeout(480)]

CHROMIUM, sync_api = browser_or_skip()
expect = sync_api.expect
TIMEOUT = 60  # seconds, for one step
RUN_TIMEOUT = 180  # seconds, for learning the model and a run on a slow machine
RAW = ("DEPT_", "VERT_", "nan", "None")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    home = tmp_path_factory.mktemp("planner")
    raw = coded_mini()
    raw.to_csv(home / "coded.csv", index=False)
    log = import_to_workspace(home / "coded.csv", name=str(home / "coded.duckdb")).path
    output = home / "streamlit.log"
    with served_app(log, home, output) as url:
        yield url
    print(tail(output))


@pytest.fixture
def page(app_url):
    with browser_page(CHROMIUM, sync_api, timeout=TIMEOUT) as page:
        yield page


def shot(page, name: str) -> None:
    """A screenshot in artefacts/browser/ and, when asked, in $DOSSIERFLOW_SHOTS."""
    path = screenshot(page, f"planner-{name}")
    if os.environ.get("DOSSIERFLOW_SHOTS"):
        os.makedirs(os.environ["DOSSIERFLOW_SHOTS"], exist_ok=True)
        shutil.copy(path, os.environ["DOSSIERFLOW_SHOTS"])


def clean(page) -> None:
    """No error, no exception and no raw code or missing value in the visible text."""
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)
    text = page.get_by_test_id("stMain").inner_text()
    words = set(text.replace("(", " ").replace(")", " ").split())
    assert not [w for w in words if w.startswith(RAW[:2]) or w in RAW[2:]], text
    assert "Choose an option" not in text, text


def click(page, key: str) -> None:
    page.locator(f".st-key-{key}").get_by_role("button").click()
    wait_idle(page, timeout=RUN_TIMEOUT)


def choose(page, key: str, option: str) -> None:
    """Pick ``option`` in the selectbox or multiselect of ``key``."""
    page.locator(f".st-key-{key}").get_by_role("combobox").click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    wait_idle(page)


def test_from_a_bottleneck_to_a_scenario_result(app_url, page):
    main = page.get_by_test_id("stMain")
    page.goto(f"{app_url}/bottlenecks?lang=vi")
    wait_idle(page, timeout=2 * TIMEOUT)
    expect(page.locator("h1").first).to_have_text("Điểm nghẽn")
    clean(page)
    shot(page, "bottlenecks-vi")

    # 1. the worst wait of the ranking, simulated with one more officer
    row = page.locator(".st-key-bn_simulate_row").get_by_role("combobox")
    bottleneck = row.input_value()
    assert bottleneck and "→" in bottleneck
    click(page, "bn_simulate")
    expect(page.locator("h1").first).to_have_text("Kịch bản")
    expect(main).to_contain_text("Đã điền sẵn kịch bản", timeout=RUN_TIMEOUT * 1000)
    expect(page.locator(".st-key-scenario_name input")).to_have_value(
        f"Thêm 1 cán bộ — {bottleneck}")
    expect(main).to_contain_text("+1 cán bộ tại Trung tâm")
    clean(page)
    shot(page, "scenario-prefilled-vi")

    # 2. a land procedure found by its name typed without accents, cut by one day
    choose(page, "sc_kind", "Cắt giảm thời gian giải quyết")
    search = page.locator(".st-key-sc_proc_search input")
    search.fill("dat dai")
    search.press("Enter")
    wait_idle(page)
    page.locator(".st-key-sc_cut_procedures").get_by_role("combobox").click()
    expect(page.get_by_role("option")).to_have_count(1)
    page.get_by_role("option", name=LAND["vi"], exact=True).click()
    page.keyboard.press("Escape")
    wait_idle(page)
    click(page, "add_change")
    expect(main).to_contain_text(f"Cắt 1,0 ngày làm việc thời hạn của {LAND['vi']}")
    click(page, "add_scenario")
    replications = page.locator(".st-key-sc_replications input")
    replications.fill("2")
    replications.press("Enter")
    wait_idle(page)
    shot(page, "scenario-built-vi")

    # 3. the run: the log's figures beside the baseline, each change on its own, names
    click(page, "run_scenarios")
    results = page.locator(".st-key-scenario_results").get_by_test_id("stDataFrame")
    expect(results).to_be_visible(timeout=RUN_TIMEOUT * 1000)
    wait_idle(page, timeout=RUN_TIMEOUT)
    expect(main).to_contain_text("Kết quả so với hiện trạng")
    expect(main).to_contain_text("Tác động riêng của từng thay đổi")
    expect(main).to_contain_text("“Quan sát trong nhật ký”")
    expect(main).to_contain_text(LAND["vi"])  # the run's procedures, by name
    # the tables are drawn on a canvas: their cells are checked by tests/test_app_planner.py
    expect(page.locator(".st-key-scenario_effects").get_by_test_id("stDataFrame")
           ).to_be_visible()
    clean(page)
    results.scroll_into_view_if_needed()
    shot(page, "scenario-results-vi")

    # 4. the same results in English, then the two pages "Simulate this" starts from
    page.get_by_test_id("stSidebar").locator(".st-key-lang").get_by_role(
        "radio", name="English").click()
    wait_idle(page)
    expect(main).to_contain_text("Observed in the log")
    expect(main).to_contain_text("Effect of each change on its own")
    expect(main).to_contain_text(LAND["en"])
    clean(page)
    page.locator(".st-key-scenario_results").scroll_into_view_if_needed()
    shot(page, "scenario-results-en")
    page.get_by_test_id("stSidebarNavLink").filter(has_text="Bottlenecks").click()
    wait_idle(page)
    expect(page.locator(".st-key-bn_simulate")).to_contain_text("Simulate this")
    clean(page)
    shot(page, "bottlenecks-en")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_from_a_proposal_to_the_builder(app_url, page, lang):
    page.goto(f"{app_url}/proposals?lang={lang}")
    wait_idle(page, timeout=RUN_TIMEOUT)
    replications = page.locator(".st-key-pr_replications input")
    replications.fill("2")
    replications.press("Enter")
    wait_idle(page)
    click(page, "compute_cuts")
    proposal = page.locator(".st-key-pr_simulate_cut_row").get_by_role("combobox")
    expect(proposal).to_be_visible(timeout=RUN_TIMEOUT * 1000)
    chosen = proposal.input_value()
    assert chosen.endswith(")") and not chosen.startswith("1.")  # "name (code)"
    clean(page)
    shot(page, f"proposals-{lang}")
    click(page, "pr_simulate_cut")
    expect(page.locator("h1").first).to_have_text({"vi": "Kịch bản", "en": "Scenarios"}[lang])
    expect(page.get_by_test_id("stMain")).to_contain_text(
        f"{'của' if lang == 'vi' else 'of'} {chosen}")
    expect(page.locator(".st-key-sc_cut_procedures")).to_contain_text(chosen)
    clean(page)
    shot(page, f"scenario-from-proposal-{lang}")

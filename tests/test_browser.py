"""The app in a real browser: Debian's chromium driven by Playwright against the app served
by Streamlit on 127.0.0.1. Vietnamese first, then English; a sidebar filter redraws the
process map and goes into the URL; a what-if scenario runs to its result table.

A screenshot of each step goes to artefacts/browser/. Skips (with the reason) only when no
chromium is installed: set $DOSSIERFLOW_CHROMIUM to use another binary."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from dossierflow.mining import import_to_workspace
from tests.support.browser import (
    browser_or_skip,
    clear_screenshots,
    launch_args,
    query,
    screenshot,
    served_app,
    tail,
    wait_idle,
)
from tests.support.paths import MINI

pytestmark = [pytest.mark.slow, pytest.mark.timeout(420)]

CHROMIUM, sync_api = browser_or_skip()
expect = sync_api.expect

SCENARIO_TIMEOUT = 180  # seconds, for a slow CI machine
STEP_TIMEOUT = 60  # seconds, for one step (the first page load imports the mining stack)


# the mini log of the repository (131 dossiers of six agencies): a scenario's model is learnt
# from it and simulated in seconds, and importing it takes about a second
@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """The mini log imported as a workspace: (its file, the workspace folder)."""
    home = tmp_path_factory.mktemp("browser")
    return import_to_workspace(MINI, name=str(home / "mini.duckdb")).path, home


@pytest.fixture(scope="module")
def app_url(workspace):
    log, home = workspace
    output = home / "streamlit.log"
    with served_app(log, home, output) as url:
        yield url
    # the server's own output, for a failure's report
    print(tail(output))


@pytest.fixture
def page(app_url):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=launch_args())
        try:
            # an English-speaking browser: Vietnamese must still be the app's default
            context = browser.new_context(viewport={"width": 1440, "height": 1400},
                                          locale="en-US")
            context.set_default_timeout(STEP_TIMEOUT * 1000)
            expect.set_options(timeout=STEP_TIMEOUT * 1000)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            yield page
            assert not errors, f"errors in the page's scripts: {errors}"
        finally:
            browser.close()


def sidebar(page):
    return page.get_by_test_id("stSidebar")


def go_to(page, title: str, *, timeout: float = STEP_TIMEOUT) -> None:
    """Open a page from the sidebar menu by its title and wait for its run to end."""
    sidebar(page).get_by_test_id("stSidebarNavLink").filter(has_text=title).click()
    expect(page.locator("h1").first).to_have_text(title)
    wait_idle(page, timeout=timeout)


def no_error_shown(page) -> None:
    """No exception box and no error message on the page."""
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)


def drawn_map(page):
    """The SVG of the process map drawn in the page."""
    return page.locator(".st-key-process_map .df-map svg")


def sent_map(page) -> tuple[set[str], set[str]]:
    """The node names and edges ("a->b") of the DOT the page offers for download: the map the
    server sent."""
    button = page.get_by_test_id("stDownloadButton").filter(has_text="(DOT)")
    with page.expect_download() as info:
        button.click()
    dot = Path(info.value.path()).read_text(encoding="utf-8")
    wait_idle(page)
    nodes = set(re.findall(r"^\s*(\w+) \[", dot, re.M)) - {"graph", "node", "edge"}
    edges = {f"{a}->{b}" for a, b in re.findall(r"^\s*(\w+) -> (\w+)", dot, re.M)}
    return nodes, edges


def expect_drawn(page, sent: tuple[set[str], set[str]], timeout: float = 10.0) -> None:
    """The chart in the page draws the map the server sent: the same nodes and edges."""
    chart = drawn_map(page)
    deadline = time.monotonic() + timeout
    while True:
        drawn = (set(chart.locator("g.node > title").all_text_contents()),
                 set(chart.locator("g.edge > title").all_text_contents()))
        if drawn == sent or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert drawn == sent, f"the chart draws another map than the one sent: {drawn} != {sent}"


def map_text(page) -> str:
    """The labels of the process map drawn in the page."""
    chart = drawn_map(page)
    expect(chart).to_be_visible()
    return chart.text_content()


def selected(page) -> int:
    """The number in the '{n} dossiers selected' caption of an analysis page."""
    caption = page.get_by_test_id("stCaptionContainer").filter(
        has_text=re.compile(r"dossiers selected|hồ sơ được chọn")).first
    return int(re.sub(r"\D", "", caption.inner_text().split()[0]))


def test_app_in_a_browser(app_url, page):
    clear_screenshots()
    began = time.monotonic()
    try:
        steps(app_url, page)
    except BaseException:
        screenshot(page, "failure")
        raise
    seconds = time.monotonic() - began
    assert seconds < 240, f"the browser steps took {seconds:.0f} s, more than four minutes"


def steps(app_url, page) -> None:
    # 1. Vietnamese by default
    page.goto(app_url)
    expect(page.get_by_test_id("stApp")).to_be_visible()
    wait_idle(page, timeout=2 * STEP_TIMEOUT)
    side = sidebar(page)
    expect(side.locator(".st-key-lang")).to_contain_text("Ngôn ngữ")
    expect(side.get_by_test_id("stSidebarNav")).to_contain_text("Bản đồ quy trình")
    expect(page.locator("h1").first).to_have_text("Dữ liệu")
    expect(page.get_by_test_id("stMetric").first).to_contain_text("Hồ sơ")
    no_error_shown(page)
    screenshot(page, "01-data-vi")

    # 2. English from the sidebar's language switch, kept in the URL
    side.locator(".st-key-lang").get_by_role("radio", name="English").click()
    expect(side.locator(".st-key-lang")).to_contain_text("Language")
    wait_idle(page)
    expect(page.locator("h1").first).to_have_text("Data")
    expect(side.get_by_test_id("stSidebarNav")).to_contain_text("Process map")
    expect(page.get_by_test_id("stMetric").first).to_contain_text("Dossiers")
    assert query(page).get("lang") == ["en"], page.url
    no_error_shown(page)
    screenshot(page, "02-data-en")

    # 3. the process map of every dossier
    go_to(page, "Process map")
    expect(side).to_contain_text("Filters")
    before_map, before_n = map_text(page), selected(page)
    assert before_n > 0
    expect_drawn(page, sent_map(page))
    no_error_shown(page)
    screenshot(page, "03-process-map")

    # 4. one agency chosen in the sidebar: fewer dossiers, another map, the agency in the URL
    agency = side.locator(".st-key-agency")
    expect(agency).to_contain_text("Agency")
    agency.get_by_role("combobox").click()
    # the first agency (Streamlit lists "Select all" before the options)
    option = page.get_by_role("option").filter(has_not_text=re.compile(r"^Select all$")).first
    chosen = option.inner_text().strip()
    option.click()
    page.keyboard.press("Escape")
    expect(agency).to_contain_text(chosen)
    wait_idle(page)
    after_n = selected(page)
    assert 0 < after_n < before_n, (before_n, after_n)
    # the chart in the page draws the new map: its labels change
    expect(drawn_map(page)).not_to_have_text(before_map, timeout=10_000)
    expect_drawn(page, sent_map(page))
    assert query(page).get("agency"), f"the agency is not in the URL: {page.url}"
    assert query(page).get("lang") == ["en"], page.url
    no_error_shown(page)
    screenshot(page, "04-process-map-filtered")

    # 5. a what-if scenario, two replications, run to its result table
    run_scenario(page)


def run_scenario(page) -> None:
    """Scenarios page: a scenario of 20 % more dossiers, two replications, run to the table
    of its figures against the baseline."""
    main = page.get_by_test_id("stMain")
    # the model is learnt from the log on the first visit
    go_to(page, "Scenarios", timeout=SCENARIO_TIMEOUT)
    expect(main).to_contain_text("Simulation model learnt from")
    no_error_shown(page)
    screenshot(page, "05-scenarios")

    main.locator(".st-key-scenario_name input").fill("More demand")
    main.locator(".st-key-scenario_name input").press("Enter")
    wait_idle(page)
    choose(page, main.locator(".st-key-sc_kind"), "Demand")
    expect(main.locator(".st-key-sc_demand_factor input")).to_have_value("1.20")
    main.locator(".st-key-add_change").get_by_role("button").click()
    expect(main).to_contain_text("Demand × 1.20")
    wait_idle(page)
    main.locator(".st-key-add_scenario").get_by_role("button").click()
    expect(main).to_contain_text("Scenario “More demand” added.")
    wait_idle(page)

    replications = main.locator(".st-key-sc_replications input")
    replications.fill("2")
    replications.press("Enter")
    wait_idle(page)
    expect(replications).to_have_value("2")
    no_error_shown(page)
    screenshot(page, "06-scenario-built")

    run = main.locator(".st-key-run_scenarios").get_by_role("button")
    expect(run).to_be_enabled()
    run.click()
    results = main.locator(".st-key-scenario_results").get_by_test_id("stDataFrame")
    expect(results).to_be_visible(timeout=SCENARIO_TIMEOUT * 1000)
    wait_idle(page, timeout=SCENARIO_TIMEOUT)
    expect(main).to_contain_text("Results against the baseline")
    expect(main).to_contain_text("over 2 replications")
    no_error_shown(page)
    results.scroll_into_view_if_needed()
    screenshot(page, "07-scenario-results")


def choose(page, select, option: str) -> None:
    """Pick ``option`` in a selectbox."""
    box = select.get_by_role("combobox")
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    expect(box).to_have_value(option)
    wait_idle(page)

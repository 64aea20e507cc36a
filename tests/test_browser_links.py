"""Shared links in a real browser: filters given in the address hold through page switches,
values that match nothing are kept and warned about, "Clear all filters" clears the chips
too, and a link to a missing workspace is answered in the user's language without the
server's paths, other workspaces' names or command-line advice.

Screenshots go to artefacts/browser/. Skips (with the reason) only when no chromium is
installed: set $DOSSIERFLOW_CHROMIUM to use another binary."""

from __future__ import annotations

import re
import shutil
from urllib.parse import quote

import pytest

from dossierflow.mining import import_to_workspace
from tests.support.browser import (
    browser_or_skip,
    browser_page,
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
TIMEOUT = 60  # seconds, for one step (the first page load imports the mining stack)
AGENCY = "Sở Tư pháp"  # 23 of the mini log's 131 dossiers
OTHER = "hidden_other_centre"  # another workspace, never to be named to a stranger
TITLES = {"vi": ["Bản đồ quy trình", "Dữ liệu", "Điểm nghẽn", "Tổng quan"],
          "en": ["Process map", "Data", "Bottlenecks", "Overview"]}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    home = tmp_path_factory.mktemp("links")
    log = import_to_workspace(MINI, name=str(home / "mini.duckdb")).path
    shutil.copy(log, home / f"{OTHER}.duckdb")
    output = home / "streamlit.log"
    with served_app(log, home, output) as url:
        yield url
    print(tail(output))


@pytest.fixture
def page(app_url):
    with browser_page(CHROMIUM, sync_api, timeout=TIMEOUT) as page:
        yield page


def open_url(page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_test_id("stApp")).to_be_visible()
    wait_idle(page, timeout=2 * TIMEOUT)


def go_to(page, title: str) -> None:
    page.get_by_test_id("stSidebar").get_by_test_id("stSidebarNavLink").filter(
        has_text=title).click()
    expect(page.locator("h1").first).to_have_text(title)
    wait_idle(page)


def agency_chips(page) -> list[str]:
    chips = page.get_by_test_id("stSidebar").locator(".st-key-agency [data-tag]")
    return [c.strip() for c in chips.all_inner_texts()]


def received(page) -> str:
    """The Overview's first figure: the dossiers received."""
    return page.get_by_test_id("stMetricValue").first.inner_text().strip()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_deep_link_survives_three_page_switches(app_url, page, lang):
    open_url(page, f"{app_url}/overview?agency={quote(AGENCY)}&lang={lang}")
    assert agency_chips(page) == [AGENCY]
    assert received(page) == "23"
    for title in TITLES[lang]:
        go_to(page, title)
        assert query(page).get("agency") == [AGENCY], (title, page.url)
        assert query(page).get("lang", ["vi"]) == [lang], (title, page.url)
        if title not in ("Dữ liệu", "Data"):
            assert agency_chips(page) == [AGENCY], title
    assert received(page) == "23", "the Overview lost the link's filter"
    screenshot(page, f"links-deep-{lang}")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_values_matching_nothing_are_kept_and_warned_about(app_url, page, lang):
    open_url(page, f"{app_url}/overview?agency=NOPE&from=2030-01-01&lang={lang}")
    warning = page.get_by_test_id("stAlertContentWarning").filter(has_text="NOPE")
    expect(warning).to_contain_text("2030-01-01")
    expect(warning).to_contain_text("không khớp" if lang == "vi" else "match nothing")
    assert received(page) == "131", "an unmatched value must not empty the page"
    screenshot(page, f"links-unmatched-{lang}")
    go_to(page, TITLES[lang][0])
    assert query(page).get("agency") == ["NOPE"], page.url
    assert query(page).get("from") == ["2030-01-01"], page.url
    expect(page.get_by_test_id("stAlertContentWarning").filter(has_text="NOPE")).to_have_count(1)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_clear_all_filters_clears_the_agency_chip(app_url, page, lang):
    open_url(page, f"{app_url}/overview?agency={quote(AGENCY)}&on_time=late&lang={lang}")
    assert agency_chips(page) == [AGENCY]
    clear = "Bỏ mọi bộ lọc" if lang == "vi" else "Clear all filters"
    page.get_by_test_id("stSidebar").get_by_role("button", name=clear).click()
    wait_idle(page)
    assert agency_chips(page) == []
    assert received(page) == "131"
    assert "agency" not in query(page) and "on_time" not in query(page), page.url
    go_to(page, TITLES[lang][0])
    go_to(page, TITLES[lang][3])
    assert agency_chips(page) == [] and received(page) == "131"
    assert "agency" not in query(page), page.url


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_missing_workspace_is_said_plainly(app_url, page, lang):
    for path in ("", "/overview"):
        open_url(page, f"{app_url}{path}?log=does_not_exist&lang={lang}")
        error = page.get_by_test_id("stAlertContentError")
        expect(error).to_have_count(1)
        text = error.inner_text()
        assert "does_not_exist" in text
        for leak in ("/", "\\", ".duckdb", OTHER, "mini", "dossierflow import", "`",
                     "make run", "Traceback"):
            assert leak not in text, f"{leak!r} shown to a stranger: {text}"
        if lang == "vi":
            assert not re.search(r"\b(the|no|log|called|import|first|known)\b", text), text
        else:
            assert "log called" in text, text
        expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, f"links-missing-{lang}")

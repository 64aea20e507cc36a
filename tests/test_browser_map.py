"""The process map in a real browser (Debian's chromium): it opens at the readable default
simplification, fits a 1440×900 window, zooms and pans, and a click on an activity or a path
lists the dossiers through it; frequency and time shown together on demand. On the mini log
and on a generated log of many activities (80 steps). Screenshots in both languages go to
artefacts/browser/."""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd
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
from tests.support.paths import MINI

pytestmark = [pytest.mark.slow, pytest.mark.timeout(420)]

CHROMIUM, sync_api = browser_or_skip()
WINDOW = {"width": 1440, "height": 900}
STEPS = 80  # activities of the generated log: well over the map's default budget of 30


def _many_steps(path) -> None:
    """A mini-log-shaped CSV of 300 dossiers over ``STEPS`` activities in random orders."""
    rng = random.Random(17)
    rows, start = [], dt.datetime(2023, 3, 1, 8)
    for case in range(300):
        clock = start + dt.timedelta(hours=3 * case)
        for step in sorted(rng.sample(range(STEPS), rng.randint(4, 12))):
            finish = clock + dt.timedelta(minutes=rng.randint(10, 600))
            rows.append({"Mã hồ sơ": f"HS-{case:04d}", "Tên bước": f"Bước {step:02d}",
                         "Người xử lý": "Văn thư",
                         "Thời gian giao": clock.strftime("%d/%m/%Y %H:%M"),
                         "Thời gian hoàn thành": finish.strftime("%d/%m/%Y %H:%M"),
                         "Tên thủ tục hành chính": "Cấp giấy phép", "Cơ quan giải quyết":
                         "Sở Xây dựng", "Thời hạn giải quyết": 10, "Hình thức nộp": "Trực tuyến",
                         "Mô hình": "Chuyển sở"})
            clock = finish
    pd.DataFrame(rows).to_csv(path, index=False)


@pytest.fixture(scope="module", params=["mini", "many"])
def app_url(request, tmp_path_factory):
    home = tmp_path_factory.mktemp(f"map_{request.param}")
    source = MINI
    if request.param == "many":
        source = home / "many_steps.csv"
        _many_steps(source)
    log = import_to_workspace(source, name=str(home / f"{request.param}.duckdb")).path
    output = home / "streamlit.log"
    with served_app(log, home, output) as url:
        yield request.param, url
    print(tail(output))


@pytest.fixture
def page(app_url):
    with browser_page(CHROMIUM, sync_api, timeout=90, window=WINDOW, locale="en-US") as page:
        yield page


# the map's box, the drawing's box inside it, and the smallest label's height, in pixels
_MEASURE = """() => {
  const host = [...document.querySelectorAll('*')].find((e) => e.shadowRoot
    && e.shadowRoot.querySelector('.df-map'));
  const root = host.shadowRoot.querySelector('.df-map');
  const svg = root.querySelector('svg');
  const box = (e) => { const r = e.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
            width: r.width, height: r.height}; };
  const texts = [...svg.querySelectorAll('g.node text')].map((t) => t.getBoundingClientRect()
    .height).filter((h) => h > 0);
  return {map: box(root), drawing: box(svg.querySelector('g.graph')),
          nodes: svg.querySelectorAll('g.node').length - 3, label: Math.min(...texts),
          viewBox: svg.getAttribute('viewBox')};
}"""


def _open_map(page, url: str, lang: str) -> dict:
    page.goto(f"{url}/process-map?lang={lang}")
    wait_idle(page, timeout=120)
    page.wait_for_function("() => [...document.querySelectorAll('*')].some((e) => e.shadowRoot"
                           " && e.shadowRoot.querySelector('.df-map svg'))", timeout=60_000)
    host = page.locator(".df-map").first
    host.scroll_into_view_if_needed()
    return page.evaluate(_MEASURE)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_map_fits_the_window_at_its_default_simplification(page, app_url, lang):
    name, url = app_url
    sizes = _open_map(page, url, lang)
    shown = sizes["map"]
    assert shown["width"] <= WINDOW["width"] and shown["height"] <= WINDOW["height"], sizes
    assert shown["height"] >= 400, sizes  # a map, not a thumbnail
    drawing, slack = sizes["drawing"], 2
    assert (drawing["left"] >= shown["left"] - slack and drawing["right"] <= shown["right"] + slack
            and drawing["top"] >= shown["top"] - slack
            and drawing["bottom"] <= shown["bottom"] + slack), sizes
    assert sizes["nodes"] <= 30, sizes  # the CLI's readable budget of activities
    if name == "many":
        slider = page.get_by_test_id("stSlider").filter(
            has_text="Bước xử lý" if lang == "vi" else "Activities")
        share = slider.get_by_test_id("stSliderThumbValue").inner_text()
        # 30 of 80 steps, stepped down (the slider writes 0,37 in Vietnamese)
        assert float(share.replace(",", ".")) == pytest.approx(0.37, abs=0.005), sizes
    print(f"{name} {lang}: map {shown['width']:.0f}×{shown['height']:.0f} px, drawing "
          f"{drawing['width']:.0f}×{drawing['height']:.0f} px, smallest label "
          f"{sizes['label']:.1f} px, {sizes['nodes']} activities")
    screenshot(page, f"map_{name}_{lang}")


def test_zoom_pan_and_click_lists_the_dossiers(page, app_url):
    name, url = app_url
    if name != "mini":
        pytest.skip("the clicks are checked on the mini log")
    before = _open_map(page, url, "vi")
    page.locator(".df-map button", has_text="+").click()
    zoomed = page.evaluate(_MEASURE)
    assert zoomed["drawing"]["width"] > 1.3 * before["drawing"]["width"]
    page.locator(".df-map button", has_text="Vừa khung").click()
    assert page.evaluate(_MEASURE)["viewBox"] == before["viewBox"]
    page.locator(".df-map g.node", has_text="Tiếp nhận").first.click()
    wait_idle(page)
    heading = page.get_by_role("heading", name="qua bước «Tiếp nhận")
    assert heading.count() == 1
    assert heading.inner_text().startswith("131 hồ sơ")  # every dossier of the mini log
    page.locator(".df-map g.edge text").nth(1).click()
    wait_idle(page)
    assert page.get_by_role("heading", name="hồ sơ đi từ").count() == 1
    screenshot(page, "map_clicked_vi")
    page.get_by_role("button", name="Bỏ chọn").click()
    wait_idle(page)
    assert page.get_by_role("heading", name="hồ sơ đi từ").count() == 0


def test_frequency_and_time_together(page, app_url):
    name, url = app_url
    if name != "mini":
        pytest.skip("checked on the mini log")
    _open_map(page, url, "en")
    page.locator(".df-map button", has_text="+").click()  # zoomed in, then a new map
    page.get_by_text("Show frequency and time together").click()
    wait_idle(page)
    page.wait_for_function("() => [...document.querySelectorAll('*')].some((e) => e.shadowRoot"
                           " && [...e.shadowRoot.querySelectorAll('.df-map g.edge text')]"
                           ".some((t) => t.textContent.includes('·')))")
    sizes = page.evaluate(_MEASURE)
    assert sizes["drawing"]["height"] <= sizes["map"]["height"] + 2, sizes  # fitted again
    labels = page.locator(".df-map g.edge text").all_text_contents()
    assert any("·" in text and text.endswith(" h") for text in labels), labels
    screenshot(page, "map_both_en")

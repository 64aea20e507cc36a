"""The app timed from the user's side: Debian's chromium (through playwright) on the app served
by a Streamlit process of its own, each figure read when the element the user waits for is on
the screen (never after a fixed sleep).

Works on a copy of the workspace in a temporary folder, so that the cold case of the Scenarios
page (no model kept beside the workspace: learnt in the background) is cold, and nothing is
written beside the given workspace. Used by ``app_interaction.py --browser``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dossierflow.app.i18n import t  # noqa: E402
from dossierflow.simulation.discovery.stored_models import store_dir  # noqa: E402
from tests.support.browser import browser_page, chromium_path, served_app  # noqa: E402

STEP = 60.0      # seconds allowed for one step
LEARNING = 900.0  # seconds allowed for learning the model (cold)
FIRST_LOAD, INTERACTION, MODEL = 3.0, 0.5, 10.0  # the targets, in seconds

# the app has finished its run: connected, not running, nothing stale on the screen
_IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app !== null && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && document.querySelector('[data-testid="stStatusWidgetRunningIcon"]') === null
    && document.querySelector('[data-stale="true"]') === null;
}"""
# the process map's drawing (in a shadow root); mark it, then wait for a new one
_MAP_SVG = """() => { const host = [...document.querySelectorAll('*')].find((e) => e.shadowRoot
  && e.shadowRoot.querySelector('.df-map svg'));
  return host ? host.shadowRoot.querySelector('.df-map svg') : null; }"""
_MARK_MAP = f"() => {{ const svg = ({_MAP_SVG})(); if (svg) svg.__old = true; }}"
_NEW_MAP = f"() => {{ const svg = ({_MAP_SVG})(); return svg !== null && !svg.__old; }}"
# the page titled ``title`` shows a chart of its own (not one left over from the page before)
_PAGE_CHART = """(title) => {
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  return h1 !== null && h1.innerText.trim() === title && [...document.querySelectorAll(
    '[data-testid="stMain"] [data-testid="stVegaLiteChart"]')].some((c) =>
    c.closest('[data-stale="true"]') === null && c.querySelector('canvas, svg') !== null);
}"""
_METRIC = '[data-testid="stMain"] [data-testid="stMetricValue"]'


@dataclass
class Figure:
    """One measurement: seconds until the content the user waits for shows, its target, and
    (when measured) seconds until the app's run is over."""

    label: str
    seconds: float
    target: float
    done: float | None = None
    key: str = ""

    @property
    def met(self) -> bool:
        return self.seconds <= self.target


def _since(start: float) -> float:
    return time.perf_counter() - start


def _timed(label: str, key: str, target: float, act: Callable[[], None],
           shown: Callable[[], None], page) -> Figure:
    """``act``, then the time until ``shown`` returns and until the run is over."""
    start = time.perf_counter()
    act()
    shown()
    seen = _since(start)
    page.wait_for_function(_IDLE, timeout=STEP * 1000, polling=50)
    figure = Figure(label, seen, target, _since(start), key)
    print(line(figure), flush=True)
    return figure


def line(figure: Figure) -> str:
    """A figure against its target, met or not."""
    done = f" (run over {figure.done:5.2f} s)" if figure.done is not None else ""
    verdict = "met" if figure.met else "NOT met"
    return (f"  {figure.label:<52} {figure.seconds:6.2f} s  target {figure.target:4.1f} s  "
            f"{verdict}{done}")


def _settled(page) -> None:
    """Wait until the app's run is over and has stayed so for half a second."""
    page.wait_for_function(_IDLE, timeout=STEP * 1000, polling=50)
    page.wait_for_timeout(500)
    page.wait_for_function(_IDLE, timeout=STEP * 1000, polling=50)


def _metric(page) -> str:
    return page.locator(_METRIC).first.inner_text()


def _nav(page, title: str) -> None:
    page.get_by_test_id("stSidebar").get_by_test_id("stSidebarNavLink").filter(
        has_text=title).click()


def _overview(page, url: str, lang: str) -> list[Figure]:
    """First load (cold server), an agency chosen in the sidebar, then a page switch."""
    figures = [_timed(
        "first load: Overview until its figures show", "browser_first_load_s", FIRST_LOAD,
        lambda: page.goto(f"{url}/overview?lang={lang}", wait_until="commit"),
        lambda: page.locator(_METRIC).first.wait_for(timeout=STEP * 1000), page)]
    _settled(page)
    before = _metric(page)
    page.locator(".st-key-agency").get_by_role("combobox").click()
    page.get_by_role("option").first.wait_for()
    option = page.get_by_role("option").filter(has_not_text="Select all").first
    figures.append(_timed(
        f"filter change: agency {option.inner_text()[:24]}", "browser_filter_s", INTERACTION,
        option.click,
        lambda: page.wait_for_function(
            f"(old) => {{ const m = document.querySelector('{_METRIC}');"
            " return m !== null && m.innerText !== old; }", arg=before,
            timeout=STEP * 1000, polling=20), page))
    page.keyboard.press("Escape")
    _settled(page)
    figures.append(_timed(
        "page switch: Overview → Bottlenecks until its chart", "browser_page_switch_s",
        INTERACTION, lambda: _nav(page, t("page_bottlenecks", lang)),
        lambda: page.wait_for_function(_PAGE_CHART, arg=t("page_bottlenecks", lang),
                                       timeout=STEP * 1000, polling=20), page))
    _settled(page)
    return figures


def _process_map(page, lang: str) -> list[Figure]:
    """A slider moved on the map, then the overlay switched both ways."""
    _nav(page, t("page_process_map", lang))
    page.wait_for_function(f"() => ({_MAP_SVG})() !== null", timeout=STEP * 1000)
    _settled(page)

    def redrawn() -> None:
        page.wait_for_function(_NEW_MAP, timeout=STEP * 1000, polling=20)

    def move_paths() -> None:
        page.evaluate(_MARK_MAP)
        thumb = page.locator(".st-key-paths input[type='range']")
        thumb.focus()
        thumb.press("PageDown" if int(thumb.input_value()) > 50 else "PageUp")

    figures = [_timed("slider change: paths ± 10 % until the map redraws", "browser_slider_s",
                      INTERACTION, move_paths, redrawn, page)]
    _settled(page)
    for overlay, key in (("performance", "browser_overlay_s"),
                         ("frequency", "browser_overlay_back_s")):
        name = t(f"overlay_{overlay}", lang)

        def switch(name=name) -> None:
            page.evaluate(_MARK_MAP)
            page.locator(".st-key-overlay").get_by_role("radio", name=name).click()

        figures.append(_timed(f"overlay change: {overlay} until the map redraws", key,
                              INTERACTION, switch, redrawn, page))
        _settled(page)
    return figures


def _scenarios(page, lang: str, *, cold: bool) -> list[Figure]:
    """The first visit to Scenarios: (cold) the progress bar, then the scenario builder."""
    builder = page.locator(".st-key-sc_kind")
    start = time.perf_counter()
    _nav(page, t("page_scenarios", lang))
    figures = []
    if cold:
        page.get_by_test_id("stProgress").first.wait_for(timeout=STEP * 1000)
        figures.append(Figure("Scenarios, cold: until the learning's progress bar",
                              _since(start), INTERACTION, key="browser_scenarios_progress_s"))
        print(line(figures[-1]), flush=True)
    if not cold:  # the model kept beside the workspace is stale once the simulation code changed
        builder.or_(page.get_by_test_id("stProgress")).first.wait_for(timeout=STEP * 1000)
        if not builder.is_visible():
            print("  Scenarios, warm: the kept model is stale (the simulation code changed "
                  "since it was learnt): not measured", flush=True)
            return figures
    builder.wait_for(timeout=(LEARNING if cold else STEP) * 1000)
    state = "cold (model learnt)" if cold else "warm (model kept)"
    figures.append(Figure(f"Scenarios, {state}: until the builder", _since(start),
                          MODEL if cold else INTERACTION,
                          key=f"browser_scenarios_{'cold' if cold else 'warm'}_s"))
    print(line(figures[-1]), flush=True)
    return figures


def measure(log: Path, lang: str, *, cold_model: bool = True) -> list[Figure]:
    """Every figure of the browser mode on a copy of the workspace ``log``."""
    chromium = chromium_path()
    if chromium is None:
        raise SystemExit("no chromium: install Debian's chromium (apt-get install chromium)")
    from playwright import sync_api

    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="dossierflow-appbench-") as folder:
        home = Path(folder)
        copy = home / log.name
        shutil.copy2(log, copy)  # the same time written: a kept model still matches
        if not cold_model and store_dir(log).is_dir():
            shutil.copytree(store_dir(log), store_dir(copy))
        print(f"cold server on a copy of {log}; chromium {chromium}; load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        with served_app(copy, home, home / "server.log", start_timeout=120) as url, \
                browser_page(chromium, sync_api, timeout=STEP, script_errors=False) as page:
            figures += _overview(page, url, lang)
            figures += _process_map(page, lang)
            if cold_model:
                figures += _scenarios(page, lang, cold=True)
        if store_dir(copy).is_dir():
            print("a new server, the model kept beside the workspace")
            with served_app(copy, home, home / "server.log", start_timeout=120) as url, \
                    browser_page(chromium, sync_api, timeout=STEP, script_errors=False) as page:
                page.goto(f"{url}/overview?lang={lang}")
                page.locator(_METRIC).first.wait_for(timeout=STEP * 1000)
                _settled(page)
                figures += _scenarios(page, lang, cold=False)
        else:
            print("  (no model kept beside the workspace: the warm Scenarios visit is skipped)")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return figures

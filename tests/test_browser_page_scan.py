"""Every page in both languages, scanned in a real browser for what a user must never read:
`None`, `nan`, raw codes (DEPT_…, VERT_…, RETURNED, case_id), internal references
(docs/…, DOMAIN.md §8) and, in the Vietnamese UI, Streamlit's own English widget texts. On
the mini log (agencies written as names) and on the mini log with its agencies coded as the
catalogue codes them (DEPT_JUSTICE …), as the synthetic centre's exports do.

The visible text of a page is what the browser renders (``innerText``) plus the cells and
headers of the tables (the accessible grid behind each canvas) and the text of the charts
(SVG). A screenshot of each page in each language goes to artefacts/browser/pages/.
Skips (with the reason) only when no chromium is installed: set $DOSSIERFLOW_CHROMIUM to
use another binary."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from dossierflow.mining import import_to_workspace
from tests.support.browser import (
    SCREENSHOTS,
    browser_or_skip,
    browser_page,
    served_app,
    tail,
    wait_idle,
)
from tests.support.paths import MINI, ROOT

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

CHROMIUM, sync_api = browser_or_skip()
expect = sync_api.expect
TIMEOUT = 180  # seconds, for one page (Scenarios learns its model on the first visit)
PAGES = ["", "overview", "process-map", "bottlenecks", "compare", "scenarios", "proposals",
         "warning", "export"]
LEARNT = {"scenarios", "proposals"}  # pages that first learn the model in the background
FOLDER = SCREENSHOTS / "pages"

# what no page may show, in either language
NEVER = {
    "None": r"\bNone\b",
    "nan": r"\b(?:nan|NaN|NaT)\b",
    "agency code": r"\b(?:DEPT|VERT)_[A-Z_]*",
    "status code": r"\bRETURNED\b",
    "column name": r"\bcase_id\b",
    "internal reference": r"docs/|\b\w+\.md\b|§",
}
# Streamlit's own English texts and English words that must not reach the Vietnamese UI
NEVER_VI = {
    "English widget text": r"Choose (?:an )?options?|\(automatic\)|per file|Drag and drop|"
                           r"Browse files|No results|Select all",
    # 99.5 %, 1.20, 20.0: Vietnamese writes 99,5 %, 1,20, 20,0 (a dot groups thousands); a
    # standard's version (BPMN 2.0) is not a number
    "English decimal": r"\b\d+\.\d+ ?%|(?<![\d.])(?<!BPMN )\d+\.(?:\d\d|0)(?![\d.])",
}

# The visible text, and apart the tables' cells: st.dataframe draws on a canvas, and the
# accessible copy of its grid holds the raw data, not the numbers and times as formatted on
# screen, so the number-format rules do not apply to the cells (codes and missing values do).
_VISIBLE_TEXT_JS = """() => {
  const parts = [], cells = [];
  for (const id of ['stMain', 'stSidebar']) {
    const root = document.querySelector(`[data-testid="${id}"]`);
    if (!root) continue;
    parts.push(root.innerText);
    root.querySelectorAll('table[role="grid"] th, table[role="grid"] td')
      .forEach(cell => cells.push(cell.textContent));
    root.querySelectorAll('svg text').forEach(text => parts.push(text.textContent));
  }
  return [parts.join('\\n'), cells.join('\\n')];
}"""


def coded_agencies(source, target) -> None:
    """The mini log with each agency's name replaced by its catalogue code."""
    codes = pd.read_csv(ROOT / "datasets" / "catalogue" / "agencies.csv", dtype=str)
    by_name = dict(zip(codes["name_vi"], codes["agency_id"]))
    raw = pd.read_csv(source, dtype=str)
    raw["Cơ quan giải quyết"] = raw["Cơ quan giải quyết"].map(lambda n: by_name.get(n, n))
    assert raw["Cơ quan giải quyết"].str.match(r"(DEPT|VERT)_").all()
    raw.to_csv(target, index=False)


@pytest.fixture(scope="module", params=["mini", "coded"])
def app_url(request, tmp_path_factory):
    home = tmp_path_factory.mktemp(f"scan-{request.param}")
    source = MINI
    if request.param == "coded":
        source = home / "coded_agencies.csv"
        coded_agencies(MINI, source)
    log = import_to_workspace(source, name=str(home / f"{request.param}.duckdb")).path
    output = home / "streamlit.log"
    with served_app(log, home, output) as url:
        yield request.param, url
    print(tail(output))


@pytest.fixture
def page(app_url):
    # the scan reads what the pages show; their scripts' errors are not its question
    with browser_page(CHROMIUM, sync_api, timeout=TIMEOUT, script_errors=False) as page:
        yield page


def findings(text: str, lang: str, *, cells: bool = False) -> list[str]:
    """What the scan finds in ``text`` (the tables' raw ``cells``: codes and missing values
    only): the rule and the words around each finding."""
    rules = {**NEVER, **(NEVER_VI if lang == "vi" and not cells else {})}
    found = []
    for rule, pattern in rules.items():
        for match in re.finditer(pattern, text):
            around = text[max(match.start() - 40, 0):match.end() + 40].replace("\n", " | ")
            found.append(f"{rule}: …{around}…")
    return sorted(set(found))


def test_findings_name_what_they_find():
    assert findings("Cơ quan: DEPT_JUSTICE; điểm None", "vi") == [
        "None: …Cơ quan: DEPT_JUSTICE; điểm None…",
        "agency code: …Cơ quan: DEPT_JUSTICE; điểm None…"]
    assert findings("99.5 % (docs/domain.md §8)", "vi") and not findings("99,5 %", "vi")
    assert findings("× 1.20", "vi") and findings("0.0", "vi") and not findings("1.234", "vi")
    assert not findings("Nancy, nano, Nonesuch, 1.1", "vi")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_page_shows_codes_missing_values_or_internal_references(app_url, page, lang):
    name, url = app_url
    FOLDER.mkdir(parents=True, exist_ok=True)
    report = {}
    for number, path in enumerate(PAGES, 1):
        page.goto(f"{url}/{path}?lang={lang}")
        expect(page.get_by_test_id("stApp")).to_be_visible()
        wait_idle(page, timeout=TIMEOUT)
        if path in LEARNT:  # scan the page itself, not the learning's progress
            expect(page.get_by_test_id("stProgress")).to_have_count(0, timeout=TIMEOUT * 1000)
            wait_idle(page, timeout=TIMEOUT)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        page.screenshot(path=str(FOLDER / f"{name}-{number:02d}-{path or 'data'}-{lang}.png"),
                        full_page=True)
        visible, cells = page.evaluate(_VISIBLE_TEXT_JS)
        found = findings(visible, lang) + findings(cells, lang, cells=True)
        if found:
            report[path or "data"] = found
    assert not report, "\n".join(f"[{name} {lang}] {where}:\n  " + "\n  ".join(found)
                                 for where, found in report.items())

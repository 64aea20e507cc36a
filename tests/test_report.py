"""`dossierflow report` on the mini log: one self-contained HTML file (no external asset),
Vietnamese by default and English on request, the 766 scorecard, the process map as inline
SVG, notes for the sections the log cannot support, the scenario comparison, the PDF, and the
report as headless chromium shows it (screenshots in artefacts/report/)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from dossierflow.app import report as report_module
from dossierflow.app.report import CHROMIUM_ENV, build_report, chromium_path, print_pdf
from dossierflow.mining.analysis.render_map import svg_available
from dossierflow.mining.errors import DossierflowError
from dossierflow.simulation.scenarios import read_scenarios
from tests.support.cli import run
from tests.support.paths import MINI as SAMPLE
from tests.support.paths import ROOT

SCREENSHOTS = ROOT / "artefacts" / "report"
SCENARIO = "name: Thêm 20 % hồ sơ\nchanges:\n  - demand: {factor: 1.2}\n"
NEEDS_DOT = pytest.mark.skipif(not svg_available(),
                               reason="Graphviz's dot is not installed (apt-get install graphviz)")
WORDS = {"vi": {"title": "Báo cáo phân tích quy trình giải quyết hồ sơ",
                "scorecard": "Bộ chỉ số Quyết định 766", "bottlenecks": "10 điểm nghẽn lớn nhất",
                "column": "Điểm tối đa", "period": "từ 05/09/2023 đến 28/02/2024",
                "cases": "131 hồ sơ", "failed": "Không lập được phần này từ nhật ký"},
         "en": {"title": "Dossier process analysis report",
                "scorecard": "Decision 766 scorecard", "bottlenecks": "Top 10 bottlenecks",
                "column": "Max points", "period": "from 2023-09-05 to 2024-02-28",
                "cases": "131 dossiers", "failed": "This section cannot be made from the log"}}
REPLICATIONS = 2


class Page(HTMLParser):
    """The parts of an HTML report the tests look at: every tag with its attributes and the
    section it is in, the texts of each section, the CSS."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict, str | None]] = []
        self.texts: dict[str | None, list[str]] = {}
        self.css: list[str] = []
        self._section: str | None = None
        self._in_style = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self._section = attrs.get("id")
        self._in_style = tag == "style"
        self.tags.append((tag, attrs, self._section))

    def handle_endtag(self, tag):
        if tag == "section":
            self._section = None
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        (self.css if self._in_style else self.texts.setdefault(self._section, [])).append(data)

    def text(self, section: str | None = None) -> str:
        parts = self.texts.get(section, []) if section else sum(self.texts.values(), [])
        return " ".join(" ".join(parts).split())

    def sections(self) -> list[str]:
        return [attrs["id"] for tag, attrs, _ in self.tags if tag == "section"]


@pytest.fixture(scope="module")
def reports():
    """The mini log's report in each language: (HTML, notes)."""
    out = {}
    for lang in ("vi", "en"):
        notes: list[str] = []
        kwargs = {} if lang == "vi" else {"lang": "en"}  # Vietnamese is the default
        out[lang] = build_report(SAMPLE, replications=REPLICATIONS, on_note=notes.append,
                                 **kwargs), notes
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_report_is_one_self_contained_file(reports, lang):
    page = Page(reports[lang][0])
    assert ("html", {"lang": lang}, None) in page.tags
    linked = [(tag, name, value) for tag, attrs, _ in page.tags
              for name, value in attrs.items()
              if name in ("src", "href", "xlink:href", "srcset", "data", "action", "poster")]
    outside = [item for item in linked if not item[2].startswith(("#", "data:"))]
    assert outside == []
    assert not {tag for tag, _, _ in page.tags} & {"link", "script", "iframe", "object",
                                                   "embed", "img"}
    css = " ".join(page.css)
    assert "@media print" in css
    assert "@import" not in css and "@font-face" not in css
    assert all(url.startswith(("data:", "#")) for url in re.findall(r"url\(['\"]?([^)'\"]*)", css))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_labels_numbers_and_dates_follow_the_language(reports, lang):
    page = Page(reports[lang][0])
    text = page.text()
    for word in WORDS[lang].values():
        assert word in text
    other = WORDS["en" if lang == "vi" else "vi"]
    assert not [word for word in other.values() if word in text]
    on_time = page.text("s-figures")
    assert re.search(r"\d+,\d%", on_time) if lang == "vi" else re.search(r"\d+\.\d%", on_time)


def test_title_scorecard_and_sections(reports):
    page = Page(reports["vi"][0])
    assert ("mini_centre.csv: 131 hồ sơ, 711 sự kiện, tiếp nhận từ 05/09/2023 đến 28/02/2024"
            in page.text())
    assert page.sections() == ["s-figures", "s-scorecard", "s-map", "s-bottlenecks", "s-cuts",
                               "s-candidates", "s-warning"]  # no scenario: no comparison
    rows = [attrs for tag, attrs, section in page.tags if tag == "tr" and section == "s-scorecard"]
    assert len(rows) == 1 + 19 + 1  # header, the 766 indicators, the points measured
    scorecard = page.text("s-scorecard")
    assert "2.1 Tỷ lệ hồ sơ giải quyết đúng hạn 69,5%" in scorecard
    assert "Điểm đo được từ nhật ký:" in scorecard
    assert "không đo được từ nhật ký hồ sơ" in scorecard
    bottlenecks = page.text("s-bottlenecks")
    assert "Chuyển hồ sơ đến cơ quan giải quyết → Thẩm định / xử lý" in bottlenecks
    assert "Cấp phù hiệu xe ô tô kinh doanh vận tải" in page.text("s-cuts")


@NEEDS_DOT
def test_the_map_is_inline_svg(reports):
    page = Page(reports["vi"][0])
    in_map = [tag for tag, _, section in page.tags if section == "s-map"]
    assert "svg" in in_map and in_map.count("g") > 5
    assert not [tag for tag, _, section in page.tags if tag == "svg" and section != "s-map"]
    assert "Thẩm định / xử lý" in page.text("s-map")  # activity labels in Vietnamese
    assert "Appraise" in Page(reports["en"][0]).text("s-map")


def test_without_dot_the_report_says_so(monkeypatch):
    monkeypatch.setattr(report_module, "svg_available", lambda: False)
    notes: list[str] = []
    page = Page(build_report(SAMPLE, replications=REPLICATIONS, on_note=notes.append))
    assert "svg" not in [tag for tag, _, _ in page.tags]
    assert "chưa cài Graphviz" in page.text("s-map")
    assert any("Graphviz's dot is not installed" in note for note in notes)
    assert "Bộ chỉ số Quyết định 766" in page.text("s-scorecard")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_section_the_log_cannot_support_is_a_note(reports, lang):
    html, notes = reports[lang]
    candidates = Page(html).text("s-candidates")
    assert WORDS[lang]["failed"] in candidates and "too few procedures" in candidates
    assert [n for n in notes if n.startswith("Top 10 candidates for five on the spot: too few")]
    assert "Traceback" not in html


def test_a_bad_language_is_a_message():
    with pytest.raises(DossierflowError, match="use 'vi' or 'en'"):
        build_report(SAMPLE, lang="fr")


def test_the_report_module_does_not_import_streamlit():
    done = subprocess.run([sys.executable, "-c", "import sys, dossierflow.app.report; "
                           "sys.exit('streamlit' in sys.modules)"], cwd=ROOT, timeout=120)
    assert done.returncode == 0


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_scenario_adds_the_comparison(tmp_path, lang):
    path = tmp_path / "kịch bản.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    page = Page(build_report(SAMPLE, scenarios=read_scenarios(path), lang=lang,
                             replications=REPLICATIONS))
    assert page.sections()[-1] == "s-scenarios"
    rows = [tag for tag, _, section in page.tags if tag == "tr" and section == "s-scenarios"]
    assert len(rows) == 3  # header, baseline, the scenario
    text = page.text("s-scenarios")
    words = {"vi": ("Hiện trạng", "Thời gian giải quyết trung vị (ngày LV)", "Tỉ lệ đúng hạn",
                    "Ngày chờ người dân tiết kiệm mỗi năm", "khoảng tin cậy 95 %"),
             "en": ("Baseline", "Median lead time (working days)", "On-time rate",
                    "Citizen-days saved a year", "95 % confidence interval")}[lang]
    for word in (*words, "Thêm 20 % hồ sơ"):
        assert word in text
    decimal = "," if lang == "vi" else r"\."
    assert re.search(rf"\d+{decimal}\d% \[-?\d+{decimal}\d% – \d+{decimal}\d%\]", text)


def test_without_chromium_no_pdf_is_printed(tmp_path, monkeypatch):
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-such-chromium"))
    page = tmp_path / "report.html"
    page.write_text("<!DOCTYPE html><html lang=vi><body>x</body></html>", encoding="utf-8")
    assert print_pdf(page, tmp_path / "report.pdf") is None
    assert not (tmp_path / "report.pdf").exists()


@pytest.mark.slow
def test_cli_writes_the_report_of_a_workspace_and_its_pdf(tmp_path):
    assert run("import", SAMPLE, "--name", "mini", home=tmp_path).returncode == 0
    out = run("report", "mini", "--out", tmp_path / "báo cáo" / "report.html", "--pdf",
              "--replications", REPLICATIONS, home=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    html = (tmp_path / "báo cáo" / "report.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in html and "mini: 131 hồ sơ, 711 sự kiện" in html
    assert "Note: Top 10 candidates for five on the spot" in out.stdout
    pdf = tmp_path / "báo cáo" / "report.pdf"
    if chromium_path() is None:
        assert "No PDF: no chromium found" in out.stdout and not pdf.exists()
    else:
        assert pdf.read_bytes().startswith(b"%PDF")
        assert f"Wrote {pdf}" in out.stdout


def test_cli_refuses_a_pdf_as_the_html_file(tmp_path):
    out = run("report", SAMPLE, "--out", tmp_path / "report.pdf", home=tmp_path)
    assert out.returncode == 2
    assert "--out names the HTML file" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.slow
@NEEDS_DOT
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_report_opens_in_headless_chromium(reports, tmp_path, lang):
    chromium = chromium_path()
    if chromium is None:
        pytest.skip(f"no chromium: install Debian's chromium or set ${CHROMIUM_ENV}")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed (pip install -e '.[test]')")
    image = pytest.importorskip("PIL.Image", reason="Pillow is not installed")
    page_file = tmp_path / f"report_{lang}.html"
    page_file.write_text(reports[lang][0], encoding="utf-8")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"report_{lang}.png"
    args = ["--disable-dev-shm-usage"] + (["--no-sandbox"] if os.geteuid() == 0 else [])
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=args)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(page_file.as_uri())
            card = page.locator("#s-scorecard table")
            drawing = page.locator("#s-map svg")
            assert card.is_visible() and drawing.is_visible()
            boxes = {name: locator.bounding_box() for name, locator in
                     (("scorecard", card), ("map", drawing))}
            assert all(box and box["width"] > 200 and box["height"] > 200
                       for box in boxes.values()), boxes
            assert page.locator("#s-map svg g.node").count() >= 5
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    with image.open(shot) as png:
        rgb = png.convert("RGB")
        assert len(rgb.getcolors(maxcolors=1 << 24)) > 100  # not a blank page
        for name, box in boxes.items():
            region = rgb.crop((int(box["x"]), int(box["y"]), int(box["x"] + box["width"]),
                               int(box["y"] + box["height"])))
            assert len(region.getcolors(maxcolors=1 << 24)) > 10, name  # drawn, not empty


WEEK = {"vi": ("Hồ sơ dự kiến trễ hạn trong tuần", "Đến hạn trong tuần", "Dự kiến trễ hạn",
               "Thư xin lỗi dự kiến", "lần tiếp nhận cuối của nhật ký"),
        "en": ("The week's expected late dossiers", "Due this week", "Expected late",
               "Apology letters expected", "the log's last receipt")}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_report_has_the_weeks_expected_late_dossiers(reports, lang):
    html, _ = reports[lang]
    page = Page(html)
    assert "s-warning" in page.sections()
    text = page.text("s-warning")
    assert WEEK[lang][0] in page.text()
    assert WEEK[lang][4] in text and "Traceback" not in html
    at = "28/02/2024 13:54" if lang == "vi" else "2024-02-28 13:54"  # the mini log's last receipt
    assert at in text


@pytest.fixture(scope="module")
def half_year():
    """Six months of the synthetic centre, small: enough late dossiers to learn from."""
    from dossierflow.mining.log.analysis_table import prepare
    from dossierflow.simulation.engine import simulate
    from dossierflow.simulation.sample.centre_model import centre_model
    from dossierflow.simulation.sample.sample_output import to_imported

    run = simulate(centre_model(scale=0.1), start="2023-01-02", end="2023-07-01", seed=2)
    return prepare(to_imported(run, "half-year centre")), set(run.events["resource"].dropna())


def _card(html: str, label: str) -> str:
    found = re.search(rf"<div class=label>{re.escape(label)}</div><div class=value>([^<]*)<",
                      html)
    assert found, label
    return found.group(1)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_weeks_figures_are_those_of_the_warning_list(half_year, lang):
    import pandas as pd

    from dossierflow.app.report import week_warning
    from dossierflow.mining.predict.risk_model import train
    from dossierflow.mining.predict.warn import warn

    log, officers = half_year
    at = log.cases["received_at"].max().tz_convert(log.calendar.timezone)
    model = train(log, at, every=3)
    html = week_warning(log, lang, model=model)
    table = warn(log, at, model=model, lang=lang)
    monday = at.normalize() + pd.Timedelta(days=7 - at.weekday())  # the end of Sunday
    week = table.loc[(table["due"] >= at) & (table["due"] < monday)]
    letters = week.loc[week["risk"] >= 0.5]
    assert len(table) < 1000 and len(week) > 0  # numbers below need no thousands separator
    decimal = (lambda x: f"{x:.1f}".replace(".", ",")) if lang == "vi" else "{:.1f}".format
    assert _card(html, WEEK[lang][1]) == str(len(week))
    assert _card(html, WEEK[lang][2]) == decimal(week["risk"].sum())
    assert _card(html, WEEK[lang][3]) == str(len(letters))
    text = Page(f'<section id="s-warning">{html}</section>').text("s-warning")
    sunday = (monday - pd.Timedelta(days=1)).strftime("%d/%m/%Y" if lang == "vi" else "%Y-%m-%d")
    assert f"{len(table)} " in text and sunday in text
    for agency, rows in week.groupby("agency"):
        expected = (f"{agency} {len(rows)} {decimal(rows['risk'].sum())} "
                    f"{int((rows['risk'] >= 0.5).sum())}")
        assert expected in text, expected
    for dossier in letters["dossier"].head(20):
        assert dossier in text
    assert not [name for name in officers if name in html]


def test_a_log_too_short_to_learn_from_says_so():
    import pandas as pd

    from dossierflow.app.report import week_warning
    from dossierflow.mining.io.import_log import import_log
    from dossierflow.mining.log.analysis_table import prepare

    imported = import_log(SAMPLE)  # its first ten days only
    events = imported.events
    events = events.loc[events["timestamp"] < events["timestamp"].min() + pd.Timedelta(days=10)]
    imported.cases = imported.cases.loc[imported.cases["case_id"].isin(events["case_id"])]
    imported.events = events.reset_index(drop=True)
    with pytest.raises(DossierflowError, match="too few to learn from"):
        week_warning(prepare(imported), "vi")

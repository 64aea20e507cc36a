"""The leader's Overview and the researcher's exports: the Decision 766 scorecard says how
many indicators the log measures and shows no None or nan; partial months are marked on the
monthly charts; a KPI export filtered to a date range holds only its months (both by month of
receipt); export file names record the filters and the days covered."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from tests.support.app_pages import LANGS, elements, open_page
from tests.support.cli import run

MEASURED = {"vi": "đo được 3/19 chỉ số", "en": "3 of 19 indicators measured"}
STATUS = {"vi": ("Đạt ngưỡng", "Dưới ngưỡng", "Đo được, chưa có ngưỡng", "Không đo được"),
          "en": ("Meets its threshold", "Below its threshold", "Measured, no threshold",
                 "Not measured")}
PARTIAL = {"vi": ("Tháng chưa đủ số liệu", "02/2024"), "en": ("Partial month", "2024-02")}


@pytest.fixture(scope="module")
def two_months(tmp_path_factory) -> Path:
    """The synthetic centre's receipts of March and April 2023 (about 18,000 dossiers): some
    submitted online on the last days of March are received in April."""
    folder = tmp_path_factory.mktemp("two_months")
    out = folder / "two.duckdb"
    done = run("sample", "--start", "2023-03-01", "--end", "2023-04-30", "--out", out,
               home=folder)
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_scorecard_counts_the_measured_and_shows_no_none(monkeypatch, mini_log, lang):
    app = open_page(monkeypatch, mini_log, "overview", lang)
    assert any(MEASURED[lang] in c.value.lower() for c in app.caption)
    card = app.dataframe[0].value
    cells = card.to_numpy().ravel()
    assert all(isinstance(c, str) and c for c in cells), "every cell is a text"
    assert not {"None", "nan", "NaN", "<NA>"} & set(cells)
    status = card["Đánh giá" if lang == "vi" else "Assessment"]
    assert set(status) == set(STATUS[lang])
    # the mini log measures 2.1 (below its 100 % threshold), 2.2 (no threshold) and 3.3
    # (above its 50 %)
    met, below, free, _ = STATUS[lang]
    assert dict(zip(card.iloc[:, 0], status)) | {"1.1": None} == {
        **dict.fromkeys(card.iloc[:, 0], STATUS[lang][3]), "2.1": below, "2.2": free,
        "3.3": met, "1.1": None}


@pytest.mark.parametrize("lang", LANGS)
def test_partial_months_are_marked(monkeypatch, mini_log, lang):
    """The mini log's receipts run from 05/09/2023 (1–4 September were holidays: a whole
    month) to 28/02/2024 (29 February was a working day: a partial month)."""
    app = open_page(monkeypatch, mini_log, "overview", lang)
    word, month = PARTIAL[lang]
    charts = [json.loads(c.proto.spec) for c in elements(app, "vega_lite_chart")[:3]]
    for spec in charts:
        assert word in json.dumps(spec, ensure_ascii=False)  # the legend
    for chart in elements(app, "vega_lite_chart")[:3]:
        rows = pa.ipc.open_stream(chart.proto.datasets[0].data.data).read_all().to_pandas()
        flagged = rows.loc[rows["partial"], "month"].dt.strftime("%Y-%m")
        assert list(flagged) == ["2024-02"]
        assert set(rows.loc[rows["partial"], "coverage"]) == {word}
    note = [c.value for c in app.caption if month in c.value and word.lower() in c.value.lower()]
    named = note[0].split("—")[0]  # the months named before the days covered
    assert month in named and ("09/2023" if lang == "vi" else "2023-09") not in named


def _kpi_csv(app, downloads, fmt: str = "csv") -> tuple[str, bytes]:
    app.button_group(key="ex_kpi_table").set_value("month").run()
    app.button_group(key="ex_kpis_format").set_value(fmt).run()
    app.button(key="ex_kpis_prepare").click().run()
    assert not app.exception and not app.error
    button = next(b for b in elements(app, "download_button")
                  if b.proto.id.endswith("-ex_kpis_download"))
    return button.proto.label, downloads[Path(button.proto.url).stem]


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """The bytes of every file the app hands to a download button, by media file id."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    files: dict[str, bytes] = {}
    keep = MemoryMediaFileStorage.load_and_get_id

    def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
        file_id = keep(self, path_or_data, mimetype, kind, filename)
        files[file_id] = path_or_data
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", load_and_get_id)
    return files


@pytest.mark.parametrize("lang", LANGS)
def test_kpi_export_holds_only_the_months_of_the_date_filter(monkeypatch, two_months,
                                                              downloads, lang):
    app = open_page(monkeypatch, two_months, "export", lang, to="2023-03-31")
    label, data = _kpi_csv(app, downloads)
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype={"month": str})
    assert list(table["month"]) == ["2023-03"]
    assert "dossierflow_2023-03-01_2023-03-31_kpis-by-month.csv" in label
    basis = "tháng tiếp nhận" if lang == "vi" else "months of receipt"
    assert any(basis in c.value for c in app.caption)


def test_export_file_names_record_the_filters_and_days(monkeypatch, mini_log, downloads):
    app = open_page(monkeypatch, mini_log, "export", "vi", agency="Sở Tư pháp",
                    **{"from": "2023-10-01", "to": "2023-12-31"})
    label, data = _kpi_csv(app, downloads, "xlsx")
    assert "dossierflow_SoTuPhap_2023-10-01_2023-12-31_kpis-by-month.xlsx" in label
    assert data.startswith(b"PK")
    assert any("dossierflow_SoTuPhap_2023-10-01_2023-12-31" in c.value for c in app.caption)

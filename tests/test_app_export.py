"""Xuất / Export: files prepared on demand for the filtered log, re-importable, personal data
pseudonymised by default, in Vietnamese and in English."""

from __future__ import annotations

import importlib
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from dossierflow.app.state import log_key
from dossierflow.mining import import_log
from dossierflow.mining.export.pseudonymise import KEY_ENV
from dossierflow.simulation.experiment import ExperimentResult
from tests.support.app_pages import LANGS, NOTHING_LEFT, elements, open_page
from tests.support.paths import MINI

WORDS = {"vi": {"title": "Xuất", "random": "khóa ngẫu nhiên", "clear": "dạng rõ",
                "no_dot": "Graphviz", "no_results": "Chưa có kết quả kịch bản"},
         "en": {"title": "Export", "random": "random key", "clear": "in clear",
                "no_dot": "Graphviz", "no_results": "No scenario results yet"}}


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """The bytes of every file the app hands to a download button, by media file id."""
    files: dict[str, bytes] = {}
    keep = MemoryMediaFileStorage.load_and_get_id

    def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
        file_id = keep(self, path_or_data, mimetype, kind, filename)
        files[file_id] = path_or_data
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", load_and_get_id)
    return files


def download(app, files: dict[str, bytes], part: str) -> tuple[str, bytes]:
    """The label and bytes of the download button of ``part`` (log, map, …)."""
    button = next(b for b in elements(app, "download_button")
                  if b.proto.id.endswith(f"-ex_{part}_download"))
    return button.proto.label, files[Path(button.proto.url).stem]


def prepare(app, part: str, fmt: str | None = None):
    if fmt is not None:
        app.button_group(key=f"ex_{part}_format").set_value(fmt).run()
    app.button(key=f"ex_{part}_prepare").click().run()
    assert not app.exception, [e.message for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    return app


@pytest.mark.parametrize("lang", LANGS)
def test_csv_export_re_imports(monkeypatch, mini_log, downloads, tmp_path, lang):
    monkeypatch.delenv(KEY_ENV, raising=False)
    words = WORDS[lang]
    app = open_page(monkeypatch, mini_log, "export", lang)
    assert app.title[0].value == words["title"]
    assert app.checkbox(key="ex_pseudonymise").value is True  # pseudonymised by default
    assert any(words["random"] in c.value for c in app.caption)
    assert not elements(app, "download_button")  # nothing is built before it is asked for
    prepare(app, "log", "csv")
    label, data = download(app, downloads, "log")
    assert "dossierflow_2023-09-05_2024-02-28_event-log.csv" in label
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    assert len(import_log(path).cases) == len(import_log(MINI).cases)
    app.checkbox(key="ex_pseudonymise").uncheck().run()
    assert any(words["clear"] in w.value for w in app.warning)


@pytest.mark.parametrize("lang", LANGS)
def test_empty_selection_is_a_message(monkeypatch, mini_log, lang):
    app = open_page(monkeypatch, mini_log, "export", lang, **NOTHING_LEFT)
    assert app.info
    assert not [b for b in app.button if b.key and b.key.startswith("ex_")]


def test_every_other_file(monkeypatch, mini_log, downloads):
    """On a filtered selection: the map, the model, the indicators, the bottlenecks and the
    Scenarios page's results, each prepared then downloadable."""
    runs = pd.DataFrame({"variant": ["baseline", "baseline", "Cắt 2 ngày", "Cắt 2 ngày"],
                         "replication": [0, 1, 0, 1], "on_time_rate": [0.8, 0.82, 0.9, 0.91]})
    result = ExperimentResult(["Cắt 2 ngày"], 2, 1, pd.Timestamp("2024-01-01"),
                              pd.Timestamp("2024-03-01"), runs)
    app = open_page(monkeypatch, mini_log, "export", "en", agency="Sở Y tế")
    assert any(WORDS["en"]["no_results"] in i.value for i in app.info)
    app.session_state["sc_result"] = {"key": log_key(str(mini_log)), "result": result}
    app.run()
    for part, fmt, head in (("map", "dot", b"digraph"), ("model", "bpmn", b"<?xml"),
                            ("kpis", "json", b"{"), ("bottlenecks", "xlsx", b"PK"),
                            ("scenarios", "csv", b"\xef\xbb\xbf")):
        prepare(app, part, fmt)
        _, data = download(app, downloads, part)
        assert data.startswith(head), (part, data[:20])
    # the module, not the function of the same name
    drawing = importlib.import_module("dossierflow.mining.analysis.render_map")
    if drawing.svg_available():
        prepare(app, "map", "svg")
        assert b"<svg" in download(app, downloads, "map")[1]
    monkeypatch.setattr(drawing, "svg_available", lambda: False)  # no Graphviz
    app.run()
    assert app.button_group(key="ex_map_format").options == ["DOT"]
    assert any(WORDS["en"]["no_dot"] in i.value for i in app.info)

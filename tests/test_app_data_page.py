"""The Data page: the open log, its report, uploads and the column-mapping editor, in
Vietnamese and in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dossierflow.app.errors import error_text
from dossierflow.app.upload import import_upload
from dossierflow.mining import InputFileError, import_to_workspace
from tests.support.app_pages import LANGS
from tests.support.paths import MINI, ROOT

HEADLINE = {"vi": "Không dùng được tệp đã tải lên.", "en": "The uploaded file cannot be used."}
FIX = {"vi": "Cách khắc phục:", "en": "How to fix:"}
NO_TIMESTAMP = "Mã hồ sơ,Tên bước\nHS-1,Tiếp nhận hồ sơ\n".encode()


def data_page(monkeypatch, lang: str, log: str | None) -> AppTest:
    if log:
        monkeypatch.setenv("DOSSIERFLOW_LOG", log)
    else:
        monkeypatch.delenv("DOSSIERFLOW_LOG", raising=False)
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.query_params["lang"] = lang
    return app.run()


@pytest.mark.parametrize("lang,title", [("vi", "Dữ liệu"), ("en", "Data")])
def test_data_page_shows_summary_and_report(monkeypatch, lang, title):
    stored = import_to_workspace(MINI, name="mini")
    app = data_page(monkeypatch, lang, str(stored.path))
    assert not app.exception
    assert app.title[0].value == title
    assert [m.value for m in app.metric][:2] == ["131", "711"]
    span = app.metric[3].value
    assert span.startswith("05/09/2023" if lang == "vi" else "2023-09-05")


def test_missing_log_is_a_message(monkeypatch):
    monkeypatch.setenv("DOSSIERFLOW_LOG", "never-imported")
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.run()
    assert not app.exception
    message = app.error[0].value  # in the user's language, no paths and no command lines
    assert "never-imported" in message and "Không có nhật ký" in message
    assert "dossierflow import" not in message and "/" not in message


@pytest.mark.parametrize("lang", LANGS)
def test_upload_becomes_the_open_log(monkeypatch, lang):
    app = data_page(monkeypatch, lang, None)
    assert app.info  # no log yet: says to upload one
    app.file_uploader(key="upload").upload("centre.csv", MINI.read_bytes(), "text/csv")
    app.run()
    app.button[0].click().run()
    assert not app.exception and not app.error
    assert app.success
    assert [m.value for m in app.metric][:2] == ["131", "711"]
    assert app.query_params["log"] == "centre"


@pytest.mark.parametrize("lang", LANGS)
def test_bad_upload_is_a_message_in_the_users_language(monkeypatch, lang):
    app = data_page(monkeypatch, lang, None)
    app.file_uploader(key="upload").upload("export.csv", NO_TIMESTAMP, "text/csv")
    app.run()
    app.button[0].click().run()
    assert not app.exception
    message = app.error[0].value
    assert message.startswith(f"**{HEADLINE[lang]}**")
    assert "timestamp" in message and FIX[lang] in message


@pytest.mark.parametrize("name,data,why", [
    ("report.pdf", b"%PDF-1.4", "not a type of file"),
    ("log.csv.gz", b"\x1f\x8b", "not a type of file"),
    ("empty.csv", b"", "empty"),
    ("huge.csv", b"x" * (1024 * 1024 + 1), "larger than 1 MB"),
])
def test_upload_checks_type_and_size(name, data, why):
    with pytest.raises(InputFileError, match=why):
        import_upload(data, name, max_mb=1)


@pytest.mark.parametrize("lang", LANGS)
def test_upload_errors_read_in_the_users_language(lang):
    with pytest.raises(InputFileError) as caught:
        import_upload(b"%PDF-1.4", "report.pdf")
    text = error_text(caught.value, lang, "upload_failed")
    assert text.startswith(f"**{HEADLINE[lang]}**") and FIX[lang] in text


def test_edited_mapping_imports_again(monkeypatch, tmp_path):
    source = tmp_path / "centre.csv"
    source.write_bytes(MINI.read_bytes())
    stored = import_to_workspace(source, name="centre")
    app = data_page(monkeypatch, "en", str(stored.path))
    app.toggle(key="edit_mapping").set_value(True).run()
    assert not app.exception and len(app.data_editor) == 1
    before = Path(stored.path).stat().st_mtime_ns
    app.button[-1].click().run()
    assert not app.exception and not app.error
    assert Path(stored.path).stat().st_mtime_ns > before

"""Item 8 of issue 16: personal data (datasets/personal_fields.csv) is pseudonymised in every
table the app shows, and so in what their download icon writes, unless the switch on the
Data page says otherwise; in Vietnamese and in English."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dossierflow.mining import import_to_workspace
from tests.support.app_pages import LANGS
from tests.support.paths import MINI, ROOT

SWITCH = "personal_in_clear"
LABEL = {"vi": "Hiện dữ liệu cá nhân", "en": "Show personal data"}
OFFICER_MAIL = "hoa.nt@hcc.example.vn"


@pytest.fixture(scope="module")
def personal_log(tmp_path_factory) -> tuple[str, dict[str, list[str]]]:
    """The mini log with a dossier list carrying an applicant, a CCCD and a phone number per
    dossier, one officer logged by e-mail and one rejected row: (workspace file, the
    personal values by kind)."""
    folder = tmp_path_factory.mktemp("personal")
    raw = pd.read_csv(MINI, dtype=str)
    raw.loc[raw["Người xử lý"] == "Nguyễn Thị Hoa", "Người xử lý"] = OFFICER_MAIL
    raw.to_csv(folder / "log.csv", index=False)
    ids = list(raw["Mã hồ sơ"].unique())
    first = raw.groupby("Mã hồ sơ", sort=False)["Thời gian giao"].first()
    people = pd.DataFrame({
        "Mã hồ sơ": ids,
        "Ngày tiếp nhận": list(first[ids]),
        "Người nộp": [f"Trần Thị Khách {i}" for i in range(len(ids))],
        "Số CCCD": [f"0{i:011d}" for i in range(100_000_000_001, 100_000_000_001 + len(ids))],
        "Số điện thoại": [f"09{i:08d}" for i in range(12_345_600, 12_345_600 + len(ids))]})
    bad = people.iloc[[0]].assign(**{"Mã hồ sơ": ""})  # no id: rejected, values kept
    pd.concat([people, bad]).to_csv(folder / "cases.csv", index=False)
    stored = import_to_workspace(folder / "log.csv", cases=folder / "cases.csv",
                                 name=str(folder / "personal.duckdb"))
    values = {"name": list(people["Người nộp"]), "cccd": list(people["Số CCCD"]),
              "phone": list(people["Số điện thoại"]), "officer": [OFFICER_MAIL]}
    return str(stored.path), values


def shown_text(app: AppTest) -> str:
    """Every value of every table on the page, as one text (what the download icon writes)."""
    frames = [d.value for d in app.dataframe]
    return "\n".join(f.data.to_csv() if hasattr(f, "data") else f.to_csv() for f in frames)


def open_data(monkeypatch, log: str, lang: str) -> AppTest:
    monkeypatch.setenv("DOSSIERFLOW_LOG", log)
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.query_params["lang"] = lang
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def leaked(text: str, values: dict[str, list[str]]) -> list[str]:
    return [v for kind in values.values() for v in kind if v in text]


@pytest.mark.parametrize("lang", LANGS)
def test_data_page_tables_hide_personal_data_until_switched(monkeypatch, personal_log, lang):
    log, values = personal_log
    app = open_data(monkeypatch, log, lang)
    text = shown_text(app)
    assert "psn_" in text
    assert not leaked(text, {k: values[k] for k in ("name", "cccd", "phone")})
    switch = app.toggle(key=SWITCH)
    assert switch.label.startswith(LABEL[lang]) and switch.value is False
    switch.set_value(True).run()
    assert not app.exception
    assert app.warning  # says the data is shown in clear
    text = shown_text(app)
    assert values["name"][1] in text and values["cccd"][1] in text
    assert values["phone"][1] in text
    # the rejected row keeps its original values, personal ones protected the same way
    assert values["name"][0] in text


def timeline_text(app: AppTest, case_id: str) -> str:
    for rank in range(1, len(app.selectbox(key="variant").options) + 1):
        app.selectbox(key="variant").set_value(rank).run()
        if case_id in app.selectbox(key="case").options:
            break
    else:
        raise AssertionError(f"{case_id} is in no variant")
    app.selectbox(key="case").set_value(case_id).run()
    assert not app.exception, [e.message for e in app.exception]
    text = app.dataframe[-1].value
    return (text.data if hasattr(text, "data") else text).to_csv()


@pytest.mark.parametrize("lang", LANGS)
def test_case_timeline_hides_personal_data_until_switched(monkeypatch, personal_log, lang):
    log, values = personal_log
    raw = pd.read_csv(MINI, dtype=str)
    case_id = raw.loc[raw["Người xử lý"] == "Nguyễn Thị Hoa", "Mã hồ sơ"].iloc[0]
    app = open_data(monkeypatch, log, lang)
    app.switch_page("app/pages/process_map.py").run()
    text = timeline_text(app, case_id)
    assert OFFICER_MAIL not in text and "psn_" in text
    assert not leaked(text, values)
    app.switch_page("app/pages/data.py").run()
    app.toggle(key=SWITCH).set_value(True).run()
    app.switch_page("app/pages/process_map.py").run()
    assert OFFICER_MAIL in timeline_text(app, case_id)

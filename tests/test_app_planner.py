"""The planner's path in the app (AppTest): procedures named "name (code)", found by name
without accents and narrowed by agency; "Simulate this" from a bottleneck and from a proposal;
results beside the log's own figures and the effect of each change on its own; an unknown
officer neither shown as "nan" nor ranked; the proposals' names filled."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dossierflow.app import cached_simulation
from dossierflow.simulation.scenarios import Staffing, TimeCut
from tests.support.app_pages import LANGS, SHORT, elements, open_page, settle
from tests.support.coded_log import LAND, coded_mini
from tests.support.paths import MINI

UNKNOWN = {"vi": "(không rõ)", "en": "(unknown)"}


@pytest.fixture(autouse=True)
def _one_worker(monkeypatch):
    monkeypatch.setattr(cached_simulation, "WORKERS", 1)


def _imported(raw: pd.DataFrame, folder: Path, name: str) -> Path:
    from dossierflow.mining import import_to_workspace

    raw.to_csv(folder / f"{name}.csv", index=False)
    return import_to_workspace(folder / f"{name}.csv", name=str(folder / f"{name}.duckdb")).path


@pytest.fixture(scope="module")
def catalogue_log(tmp_path_factory) -> Path:
    """The mini log with catalogue codes for its procedures and agencies, and no names."""
    raw = coded_mini()
    return _imported(raw, tmp_path_factory.mktemp("catalogue"), "catalogue")


@pytest.fixture(scope="module")
def nameless_officer_log(tmp_path_factory) -> Path:
    """The mini log where the appraising officer is not recorded on most steps."""
    raw = pd.read_csv(MINI, dtype=str)
    blank = raw["Người xử lý"].isin(["Hoàng Văn Nam", "Phạm Quang Huy", "Nguyễn Văn Hải"])
    raw.loc[blank, "Người xử lý"] = ""
    return _imported(raw, tmp_path_factory.mktemp("nameless"), "nameless")


def scenario_page(monkeypatch, log: Path, lang: str):
    app = open_page(monkeypatch, log, "scenarios", lang)
    app.date_input(key="sc_from").set_value(SHORT)
    app.number_input(key="sc_replications").set_value(2)
    return app.run()


def test_names_fold_and_match():
    from dossierflow.app.value_labels import fold, matches, procedure_label, value_label

    assert fold("Đăng ký đất đai") == "dang ky dat dai"
    assert matches("Đăng ký đất đai (1.009904)", "dat dai")
    assert matches("Đăng ký đất đai (1.009904)", "ĐẤT 1.0099")
    assert not matches("Đăng ký đất đai", "xay dung")
    assert procedure_label("1.009904", "vi") == LAND["vi"]
    assert procedure_label("TTHC-01", "en", "Cấp phù hiệu") == "Cấp phù hiệu (TTHC-01)"
    assert procedure_label("Cấp phù hiệu", "vi", "Cấp phù hiệu") == "Cấp phù hiệu"
    assert value_label("resource", float("nan"), "vi") == "(không rõ)"
    assert value_label("agency", "nan", "en") == "(unknown)"
    assert value_label("agency", "DEPT_NATRES", "vi") == "Sở Tài nguyên và Môi trường"
    from dossierflow.app.value_labels import pool_label

    assert pool_label("centre.staff.receive", "vi") == "Trung tâm — cán bộ (Tiếp nhận hồ sơ)"


@pytest.mark.parametrize("lang", LANGS)
def test_builder_names_procedures_and_finds_them_without_accents(monkeypatch, catalogue_log,
                                                                 lang):
    app = open_page(monkeypatch, catalogue_log, "scenarios", lang)
    picker = app.multiselect(key="sc_cut_procedures")
    assert LAND[lang] in picker.options and len(picker.options) == 6
    assert not any(o.startswith("1.") for o in picker.options)  # names first, never codes
    app.text_input(key="sc_proc_search").input("dat dai").run()
    assert app.multiselect(key="sc_cut_procedures").options == [LAND[lang]]
    app.text_input(key="sc_proc_search").input("").run()
    app.selectbox(key="sc_proc_agency").set_value("DEPT_HEALTH").run()
    health = app.multiselect(key="sc_cut_procedures").options
    assert len(health) == 1 and "(1.006565)" in health[0]
    app.multiselect(key="sc_cut_procedures").set_value(["1.006565"])
    app.select_slider(key="sc_cut_days").set_value(2.0)
    app.button(key="add_change").click().run()
    assert not app.exception
    draft = "\n".join(m.value for m in app.markdown)
    assert health[0] in draft and "DEPT_" not in draft


@pytest.mark.parametrize("lang", LANGS)
def test_simulate_this_from_a_bottleneck(monkeypatch, mini_log, lang):
    app = open_page(monkeypatch, mini_log, "bottlenecks", lang)
    app.button_group(key="level").set_value("activity").run()
    row = app.selectbox(key="bn_simulate_row")
    chosen = row.options[0]
    settle(app.button(key="bn_simulate").click().run(), "scenarios")
    assert not app.exception, [e.message for e in app.exception]
    draft = app.session_state["sc_draft"]
    assert len(draft) == 1 and isinstance(draft[0], Staffing) and draft[0].change == 1
    assert chosen in app.session_state["scenario_name"]
    assert app.info and app.session_state["scenario_name"] in app.info[0].value
    app.button(key="add_scenario").click().run()
    assert [s.name for s in app.session_state["sc_scenarios"]] == [
        app.session_state["sc_scenarios"][0].name] and not app.exception


@pytest.mark.parametrize("lang", LANGS)
def test_simulate_this_from_a_proposal(monkeypatch, catalogue_log, lang):
    app = open_page(monkeypatch, catalogue_log, "proposals", lang)
    app.date_input(key="pr_from").set_value(SHORT)
    app.number_input(key="pr_replications").set_value(2)
    app.button(key="compute_cuts").click().run()
    assert not app.exception
    table = next(d.value for d in app.dataframe
                 if {"Tên", "Name"} & set(d.value.columns))
    name = "Tên" if lang == "vi" else "Name"
    assert table[name].str.len().gt(0).all() and not table[name].str.startswith("1.").any()
    proposal = app.selectbox(key="pr_simulate_cut_row").options[0]
    app.button(key="pr_simulate_cut").click().run()
    assert not app.exception, [e.message for e in app.exception]
    draft = app.session_state["sc_draft"]
    assert len(draft) == 1 and isinstance(draft[0], TimeCut)
    assert proposal in app.session_state["scenario_name"]
    assert app.multiselect(key="sc_cut_procedures").value == draft[0].procedures


@pytest.mark.parametrize("lang", LANGS)
def test_results_beside_the_log_and_each_change_alone(monkeypatch, catalogue_log, lang):
    app = scenario_page(monkeypatch, catalogue_log, lang)
    app.text_input(key="scenario_name").input("Hai thay đổi")
    app.multiselect(key="sc_cut_procedures").set_value(["1.006565"])
    app.select_slider(key="sc_cut_days").set_value(1.0)
    app.button(key="add_change").click().run()
    app.selectbox(key="sc_kind").set_value("demand").run()
    app.button(key="add_change").click().run()
    app.button(key="add_scenario").click().run()
    app.button(key="run_scenarios").click().run()
    assert not app.exception and not app.error
    figures, effects = app.dataframe[0].value, app.dataframe[1].value
    observed = "Quan sát trong nhật ký" if lang == "vi" else "Observed in the log"
    baseline = "Hiện trạng" if lang == "vi" else "Baseline"
    assert list(figures.columns)[1:3] == [observed, baseline]
    assert (figures[observed] != "–").sum() >= 4  # dossiers, lead times, on time, late
    # the log's figures of the procedures reported on (1.006565: 22 of the 131 dossiers)
    assert 0 < int(figures[observed].iloc[0].replace(".", "").replace(",", "")) < 100
    assert list(figures.columns)[3:] == ["Hai thay đổi", figures.columns[4]]  # not the parts
    assert len(effects) == 2 and set(effects.iloc[:, 0]) == {"Hai thay đổi"}
    assert "(1.006565)" in effects.iloc[0, 1]
    caption = next(c.value for c in app.caption if "95" in c.value)
    assert "1.006565" not in caption or "(1.006565)" in caption


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_officer_is_named_and_not_ranked(monkeypatch, nameless_officer_log, lang):
    app = open_page(monkeypatch, nameless_officer_log, "bottlenecks", lang, level="resource")
    ranking = app.dataframe[0].value
    shown = " ".join(map(str, ranking.to_numpy().ravel()))
    assert "nan" not in shown and "None" not in shown
    assert UNKNOWN[lang] not in shown  # not ranked
    assert any(str(1) == str(r) for r in ranking.iloc[:, 0])
    assert any(UNKNOWN[lang].strip("()") in c.value for c in app.caption) or any(
        ("không rõ" if lang == "vi" else "no officer") in c.value for c in app.caption)
    late = next(d.value for d in app.dataframe if "case_id" not in d.value.columns
                and len(d.value.columns) > 6)
    assert "nan" not in " ".join(map(str, late.to_numpy().ravel()))


@pytest.mark.parametrize("lang", LANGS)
def test_every_bar_carries_its_value(monkeypatch, mini_log, lang):
    app = open_page(monkeypatch, mini_log, "bottlenecks", lang)
    spec = elements(app, "arrow_vega_lite_chart") or elements(app, "vega_lite_chart")
    text = spec[0].proto.spec
    assert '"text"' in text and '"labelOverlap": false' in text

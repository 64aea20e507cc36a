"""Kịch bản / Scenarios: building scenarios, scenario files, a short run and its results, in
Vietnamese and in English."""

from __future__ import annotations

from pathlib import Path

import pytest

import dossierflow.simulation.experiment
from dossierflow.app import cached_simulation
from dossierflow.app.scenario_builder import read_yaml, scenarios_yaml
from dossierflow.simulation.scenarios import Demand, Scenario, ScenarioError, TimeCut
from tests.support.app_pages import LANGS, SHORT, elements, open_page

WORDS = {"vi": {"title": "Kịch bản", "learnt": "131 hồ sơ", "invalid": "Thay đổi này không áp "
                "dụng được cho mô hình.", "file": "Không dùng được tệp kịch bản.",
                "figure": "Chỉ số", "baseline": "Hiện trạng",
                "observed": "Quan sát trong nhật ký", "median": "Thời gian giải quyết "
                "trung vị (ngày LV)", "stopped": "Lần chạy đã dừng"},
         "en": {"title": "Scenarios", "learnt": "131 dossiers", "invalid": "This change does "
                "not fit the model.", "file": "The scenario file cannot be used.",
                "figure": "Figure", "baseline": "Baseline",
                "observed": "Observed in the log", "median": "Median lead time "
                "(working days)", "stopped": "The run was stopped"}}


@pytest.fixture(autouse=True)
def _one_worker(monkeypatch):
    monkeypatch.setattr(cached_simulation, "WORKERS", 1)


def scenario_page(monkeypatch, log: Path, lang: str):
    app = open_page(monkeypatch, log, "scenarios", lang)
    app.date_input(key="sc_from").set_value(SHORT)
    app.number_input(key="sc_replications").set_value(2)
    return app.run()


def add_cut(app, name: str, procedure: str, days: float):
    app.text_input(key="scenario_name").input(name)
    app.multiselect(key="sc_cut_procedures").set_value([procedure])
    app.select_slider(key="sc_cut_days").set_value(days)
    return app.button(key="add_change").click().run()


def build(app, name: str, procedure: str, days: float):
    return add_cut(app, name, procedure, days).button(key="add_scenario").click().run()


@pytest.mark.parametrize("lang", LANGS)
def test_page_shows_the_model(monkeypatch, coded_log, mini_log, lang):
    app = open_page(monkeypatch, coded_log, "scenarios", lang)
    words = WORDS[lang]
    assert app.title[0].value == words["title"]
    assert words["learnt"] in app.caption[0].value
    assert app.expander  # the assumptions discovery made
    assert app.button(key="run_scenarios").disabled  # no scenario yet
    open_page(monkeypatch, mini_log, "scenarios", lang)  # renders (or explains) without a crash


@pytest.mark.parametrize("lang", LANGS)
def test_build_and_run_a_scenario(monkeypatch, coded_log, lang):
    words = WORDS[lang]
    app = build(scenario_page(monkeypatch, coded_log, lang), "Cắt 2 ngày", "TTHC-04", 2.0)
    assert not app.exception and app.success
    assert app.session_state["sc_scenarios"][0].name == "Cắt 2 ngày"
    app.button(key="run_scenarios").click().run()
    assert not app.exception and not app.error
    table = app.dataframe[0].value
    assert list(table.columns)[:4] == [words["figure"], words["observed"], words["baseline"],
                                       "Cắt 2 ngày"]
    assert len(table) == 8
    median = table.set_index(words["figure"]).loc[words["median"], words["baseline"]]
    decimal = "," if lang == "vi" else "."
    assert decimal in median and " [" in median and " – " in median
    assert elements(app, "arrow_vega_lite_chart") or elements(app, "vega_lite_chart")
    app.selectbox(key="sc_chart_figure").set_value("on_time_rate").run()
    assert not app.exception and app.dataframe[0].value.equals(table)  # the results stay


@pytest.mark.parametrize("lang", LANGS)
def test_cut_longer_than_the_legal_time_is_refused(monkeypatch, coded_log, lang):
    app = add_cut(scenario_page(monkeypatch, coded_log, lang), "Too far", "TTHC-02", 2.0)
    assert not app.exception
    message = app.error[0].value
    assert message.startswith(f"**{WORDS[lang]['invalid']}**")
    assert "legal time of 1 working days; it cannot be cut by 2" in message
    assert not app.session_state["sc_draft"]


@pytest.mark.parametrize("lang", LANGS)
def test_scenario_files_in_and_out(monkeypatch, coded_log, lang):
    app = scenario_page(monkeypatch, coded_log, lang)
    app.file_uploader(key="sc_upload").upload("bad.yaml", b"name: x\nchanges: 5\n",
                                              "application/yaml")
    app.run()
    assert not app.exception
    assert app.error[0].value.startswith(f"**{WORDS[lang]['file']}**")
    assert "changes" in app.error[0].value
    good = scenarios_yaml([Scenario("Nhu cầu +20 %", [Demand(1.2)]),
                           Scenario("Cắt", [TimeCut(["TTHC-04"], 1.5)])]).encode()
    app.file_uploader(key="sc_upload").upload("good.yaml", good, "application/yaml")
    app.run()
    assert not app.exception and app.success
    assert [s.name for s in app.session_state["sc_scenarios"]] == ["Nhu cầu +20 %", "Cắt"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_stopped_run_says_so(monkeypatch, coded_log, lang):
    real = dossierflow.simulation.experiment.run_experiment
    monkeypatch.setattr(dossierflow.simulation.experiment, "run_experiment",
                        lambda *a, **k: real(*a, **{**k, "should_stop": lambda: True}))
    app = build(scenario_page(monkeypatch, coded_log, lang), "S", "TTHC-04", 1.0)
    app.button(key="run_scenarios").click().run()
    assert not app.exception and WORDS[lang]["stopped"] in app.warning[0].value
    # a run the script never finished (the user acted meanwhile) is reported the same way
    app.session_state["sc_result"] = None
    app.session_state["sc_running"] = True
    app.run()
    assert not app.exception and WORDS[lang]["stopped"] in app.warning[0].value


def test_scenario_file_round_trip():
    scenarios = [Scenario("Cắt giảm", [TimeCut(["TTHC-04"], 1.5, "deadline_and_process")])]
    text = scenarios_yaml(scenarios)
    assert "Cắt giảm" in text  # written as Unicode, not escaped
    assert read_yaml(text.encode(), "s.yaml") == scenarios
    with pytest.raises(ScenarioError, match="not valid UTF-8 YAML"):
        read_yaml(b"name: [", "s.yaml")

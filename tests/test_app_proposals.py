"""Đề xuất / Proposals: time-cut proposals, 5 tại chỗ candidates and the backtest, each on
its button, in Vietnamese and in English. The simulations are replaced by small fakes (their
own tests are elsewhere), except one real run of the time-cut proposals on the mini log."""

from __future__ import annotations

import pandas as pd
import pytest

from dossierflow.app import cached_simulation
from dossierflow.mining.errors import DossierflowError
from dossierflow.simulation.backtest import BacktestResult
from dossierflow.simulation.five_on_spot_candidates import FEATURES
from dossierflow.simulation.proposals import time_cut_proposals
from tests.support.app_pages import LANGS, SHORT, open_page

WORDS = {"vi": {"title": "Đề xuất", "cut": "Đề xuất cắt (ngày LV)", "reasons": "Lý do",
                "failed": "Không chạy được kiểm chứng.", "n": "Cải cách đã kiểm chứng"},
         "en": {"title": "Proposals", "cut": "Proposed cut (working days)",
                "reasons": "Reasons", "failed": "The backtest cannot be run.",
                "n": "Reforms replayed"}}


def fake_cuts(model, *, start, end, replications, seed, target, workers, check, progress):
    progress(1.0)
    return pd.DataFrame({
        "procedure_id": ["TTHC-04", "TTHC-01"], "name": ["Giấy phép xây dựng", "Lý lịch"],
        "agency": ["Sở Xây dựng", "Sở Tư pháp"], "legal_days": [20.0, 10.0],
        "proposed_cut_days": [3.5, 0.0], "new_legal_days": [16.5, 10.0],
        "predicted_on_time_rate": [0.996, 0.9], "dossiers_per_year": [120.0, 300.0],
        "citizen_days_saved_per_year": [420.0, 0.0], "rank": [1, 2]})


def fake_candidates(view, *, lang):
    frame = pd.DataFrame({"procedure_id": ["TTHC-03", "TTHC-06"],
                          "agency": ["Sở Y tế", "Sở Kế hoạch và Đầu tư"],
                          "score": [0.8, 0.3], "rank": [1, 2], "likelihood": [0.9, 0.5],
                          "citizen_days_saved_per_year": [300.0, 50.0],
                          **{f: [0.5, 0.2] for f in FEATURES},
                          "reasons": [f"{lang}: nhiều hồ sơ", f"{lang}: ít hồ sơ"]})
    frame.attrs.update(cv_auc=0.81, n_on_spot=4, n_candidates=2)
    return frame


def fake_backtest(log, *, limit, replications, seed, progress):
    progress(1.0)
    return BacktestResult(table=pd.DataFrame({
        "procedure_id": ["TTHC-05"], "agency": ["Sở Giao thông vận tải"], "kind": ["time_cut"],
        "effective_date": ["2023-12-01"], "old_legal_days": [3.0], "new_legal_days": [2.0],
        "actual_median": [1.5], "predicted_median": [1.6], "error": [0.0667],
        "unchanged_error": [0.3], "actual_on_time": [0.99], "predicted_on_time": [0.98]}),
        skipped=["TTHC-02 01/01/2024: too few dossiers"])


def no_reform(log, **kwargs):
    raise DossierflowError("no reform with enough dossiers before and after it was found.",
                           fix="import a longer log.")


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    """Fakes and a single worker; nothing kept from another test."""
    monkeypatch.setattr(cached_simulation, "WORKERS", 1)
    monkeypatch.setattr(cached_simulation, "time_cut_proposals", fake_cuts)
    monkeypatch.setattr(cached_simulation, "five_on_spot_candidates", fake_candidates)
    monkeypatch.setattr(cached_simulation, "backtest", fake_backtest)
    cached_simulation._answers.clear()
    cached_simulation.candidates.clear()


@pytest.mark.parametrize("lang", LANGS)
def test_three_sections_on_their_buttons(monkeypatch, coded_log, lang):
    words = WORDS[lang]
    app = open_page(monkeypatch, coded_log, "proposals", lang)
    assert app.title[0].value == words["title"] and not app.dataframe
    app.button(key="compute_cuts").click().run()
    assert not app.exception and not app.error
    cuts = app.dataframe[0].value
    assert words["cut"] in cuts.columns and list(cuts.iloc[:, 1]) == ["TTHC-04", "TTHC-01"]
    app.button(key="compute_candidates").click().run()
    assert not app.exception and not app.error
    assert words["reasons"] in app.dataframe[1].value.columns
    assert app.dataframe[1].value[words["reasons"]].iloc[0] == f"{lang}: nhiều hồ sơ"
    assert any(("0,81" if lang == "vi" else "0.81") in c.value for c in app.caption)
    app.button(key="compute_backtest").click().run()
    assert not app.exception and not app.error
    assert app.metric[0].label == words["n"] and app.metric[0].value == "1"
    assert app.metric[1].value == ("6,7%" if lang == "vi" else "6.7%")
    assert len(app.dataframe) == 4  # cuts, candidates, their features, backtest
    app.run()  # each section stays, from the kept answers
    assert len(app.dataframe) == 4


@pytest.mark.parametrize("lang", LANGS)
def test_failures_are_messages(monkeypatch, coded_log, lang):
    monkeypatch.setattr(cached_simulation, "backtest", no_reform)
    app = open_page(monkeypatch, coded_log, "proposals", lang)
    app.button(key="compute_backtest").click().run()
    assert not app.exception
    assert app.error[0].value.startswith(f"**{WORDS[lang]['failed']}**")


def test_real_time_cut_proposals_on_the_mini_log(monkeypatch, coded_log):
    monkeypatch.setattr(cached_simulation, "time_cut_proposals", time_cut_proposals)
    app = open_page(monkeypatch, coded_log, "proposals", "en")
    app.date_input(key="pr_from").set_value(SHORT)
    app.number_input(key="pr_replications").set_value(2)
    app.button(key="compute_cuts").click().run()
    assert not app.exception and not app.error
    assert len(app.dataframe[0].value) == 6  # one row per procedure

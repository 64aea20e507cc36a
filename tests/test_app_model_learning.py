"""The Scenarios page learns the workspace's model in the background: the first visit shows
the learning's progress (never a bare spinner, never a traceback), and the page opens on the
learnt model once it is done; a second server reads the model kept beside the workspace."""

from __future__ import annotations

import json
import shutil
import time

import pytest
from streamlit.testing.v1 import AppTest

from dossierflow.app import model_learning
from dossierflow.simulation.discovery import stored_models
from tests.support.app_pages import LANGS, learning, settle
from tests.support.paths import ROOT


@pytest.mark.parametrize("lang", LANGS)
def test_first_visit_shows_progress_then_the_builder(mini_log, tmp_path, monkeypatch, lang):
    path = tmp_path / "mini.duckdb"
    shutil.copy(mini_log, path)
    monkeypatch.setenv("DOSSIERFLOW_LOG", str(path))
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.query_params.update(lang=lang)
    app.run()
    app.switch_page("app/pages/scenarios.py").run()
    assert not app.exception
    assert learning(app), "the first visit does not say the model is being learnt"
    settle(app, "scenarios")
    assert not app.exception
    learnt = "Mô hình mô phỏng học từ" if lang == "vi" else "Simulation model learnt from"
    assert any(learnt in c.value for c in app.caption)
    assert stored_models.stored_model(path) is not None  # kept beside the workspace


def test_learning_in_the_background_is_kept(mini_log, tmp_path):
    path = tmp_path / "mini.duckdb"
    shutil.copy(mini_log, path)
    key = f"{path}|test"
    seen = []
    for _ in range(3000):
        state = model_learning.learning(key)
        seen.append(state)
        if state.found is not None or state.error is not None:
            break
        time.sleep(0.1)
    assert seen[-1].found is not None, seen[-1].error
    running = [s for s in seen if s.found is None and not s.queued]
    assert all(0.0 <= s.share < 1.0 for s in running)
    assert model_learning.learning(key).found is seen[-1].found  # kept, not read again


class _Running:
    """A learning process that is still at work."""

    exitcode = None

    def is_alive(self) -> bool:
        return True


@pytest.mark.parametrize(("share", "left"), [(0.0, None), (0.04, None), (0.25, 30.0),
                                             (0.5, 10.0), (1.0, 10 * 0.01 / 0.99)])
def test_the_time_left_is_estimated_from_the_share_done(tmp_path, share, left):
    (tmp_path / "progress.json").write_text(json.dumps({"share": share}))
    job = model_learning._Job(folder=tmp_path, process=_Running(),
                              began=time.monotonic() - 10.0)
    state = model_learning._state(job)
    assert state.found is None and state.error is None and state.share < 1.0
    if left is None:
        assert state.left is None  # too early to tell
    else:
        assert state.left == pytest.approx(left, rel=0.05)

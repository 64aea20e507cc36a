"""A workspace's model is learnt once and kept beside the workspace file: the command line and
the app read it back instead of learning again, and a new import, another window or a damaged
file learn it again."""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest

from dossierflow.mining.log.workspace import open_workspace
from dossierflow.simulation.discovery import stored_models as sm
from dossierflow.simulation.model.codec import model_to_dict


@pytest.fixture(scope="module")
def workspace(mini_log, tmp_path_factory):
    """A copy of the mini workspace of this module alone (its store starts empty)."""
    path = tmp_path_factory.mktemp("stored") / "mini.duckdb"
    shutil.copy(mini_log, path)
    return path


@pytest.fixture(scope="module")
def log(workspace):
    opened = open_workspace(workspace)
    try:
        return opened.to_analysis_log()
    finally:
        opened.close()


@pytest.fixture(scope="module")
def first(workspace, log):
    shares: list[float] = []
    began = time.perf_counter()
    found = sm.learnt_model(workspace, log, progress=shares.append)
    return found, shares, time.perf_counter() - began


def test_learning_reports_progress_up_to_done(first):
    _, shares, _ = first
    assert shares[0] == 0.0 and shares[-1] == 1.0
    assert shares == sorted(shares)
    assert len(shares) > 5  # more than a start and an end


def test_the_second_time_reads_the_same_model(workspace, log, first, monkeypatch):
    found, _, _ = first
    assert list(sm.store_dir(workspace).glob("*.json"))

    def no_learning(*_, **__):
        raise AssertionError("the model was learnt again")

    monkeypatch.setattr(sm, "discover_model", no_learning)
    again = sm.learnt_model(workspace, log)
    assert model_to_dict(again.model) == model_to_dict(found.model)
    assert (again.start, again.end, again.cases, again.notes) == \
        (found.start, found.end, found.cases, found.notes)


def test_another_window_is_learnt_apart(workspace, first):
    found, _, _ = first
    middle = found.start + (found.end - found.start) / 2
    assert sm.stored_model(workspace, start=str(found.start.date()),
                           end=str(middle.date())) is None
    assert sm.stored_model(workspace) is not None


def test_a_new_import_learns_again(workspace, first):
    assert sm.stored_model(workspace) is not None
    info = workspace.stat()
    os.utime(workspace, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    try:
        assert sm.stored_model(workspace) is None
    finally:
        os.utime(workspace, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert sm.stored_model(workspace) is not None


@pytest.mark.parametrize("damage", ["not json", json.dumps({"model": {"format": "other"}})])
def test_a_damaged_store_file_is_learnt_again(workspace, first, damage):
    path = sm.store_dir(workspace) / f"{sm.model_key(workspace)}.json"
    kept = path.read_bytes()
    try:
        path.write_text(damage, encoding="utf-8")
        assert sm.stored_model(workspace) is None
    finally:
        path.write_bytes(kept)


def test_a_folder_that_cannot_be_written_still_gives_the_model(tmp_path, mini_log, log,
                                                               monkeypatch):
    path = tmp_path / "mini.duckdb"
    shutil.copy(mini_log, path)
    sm.store_dir(path).write_text("a file where the store folder would be")
    found = sm.learnt_model(path, log)
    assert found.model.procedures
    assert sm.stored_model(path) is None

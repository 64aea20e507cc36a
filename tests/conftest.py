"""Shared fixtures: each test's own workspace home, the bundled mini log imported into a
workspace, and the datasets in ../shared (optional: tests that need them skip without them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.paths import MINI, ROOT

SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _own_workspace_home(tmp_path, monkeypatch):
    """Workspaces made by a test go to its own temporary folder."""
    monkeypatch.setenv("DOSSIERFLOW_HOME", str(tmp_path / "workspaces"))


# The mining package takes seconds to load and most tests need none of it: the fixtures below
# import it when they are first used.
@pytest.fixture(scope="module")
def mini_log(tmp_path_factory) -> Path:
    """The mini log imported into a workspace file, once per test module."""
    from dossierflow.mining import import_to_workspace

    folder = tmp_path_factory.mktemp("workspace")
    return import_to_workspace(MINI, name=str(folder / "mini.duckdb")).path


@pytest.fixture(scope="module")
def coded_log(tmp_path_factory) -> Path:
    """The mini log with a procedure code column (TTHC-01 …), as one-stop exports have."""
    import pandas as pd

    from dossierflow.mining import import_to_workspace

    folder = tmp_path_factory.mktemp("coded")
    raw = pd.read_csv(MINI, dtype=str)
    names = sorted(raw["Tên thủ tục hành chính"].unique())
    codes = {name: f"TTHC-{i:02d}" for i, name in enumerate(names, 1)}
    raw.insert(5, "Mã thủ tục", raw["Tên thủ tục hành chính"].map(codes))
    raw.to_csv(folder / "coded.csv", index=False)
    return import_to_workspace(folder / "coded.csv", name=str(folder / "coded.duckdb")).path


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared datasets are not available here")
    return SHARED


def _datasets(shared_dir: Path, name: str) -> Path:
    path = shared_dir / "datasets" / name
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture
def examples_dir(shared_dir) -> Path:
    return _datasets(shared_dir, "examples")


@pytest.fixture
def public_dir(shared_dir) -> Path:
    return _datasets(shared_dir, "public")

"""Shared fixtures. The data in ../shared is optional: tests that need it skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def _own_workspace_home(tmp_path, monkeypatch):
    """Workspaces made by a test go to its own temporary folder."""
    monkeypatch.setenv("DOSSIERFLOW_HOME", str(tmp_path / "workspaces"))


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

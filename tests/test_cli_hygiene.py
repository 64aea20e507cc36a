"""Process hygiene of the `dossierflow` command: a missing argument is a usage error, crash
details go to a private file of the user's own, and stopping `dossierflow app` stops the
Streamlit server it started."""

from __future__ import annotations

import importlib
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support.cli import run
from tests.support.paths import ROOT


@pytest.mark.parametrize("args", [("mine",), ("mine", "mini"), ("import",),
                                  ("simulate", "mini", "--out", "results")])
def test_a_missing_argument_is_a_usage_error(args, tmp_path):
    done = run(*args, home=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "Missing" in done.stderr and "Usage:" in done.stderr
    assert "fault in dossierflow" not in done.stderr


def _crash(monkeypatch, capsys) -> tuple[int, str]:
    """Run `dossierflow mine` in this process with the log opener failing unexpectedly."""
    from dossierflow.app import cli

    open_log = importlib.import_module("dossierflow.mining.log.open_log")  # the module

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug in the opener")

    monkeypatch.setattr(open_log, "open_log", broken)
    monkeypatch.setattr(sys, "argv", ["dossierflow", "mine", "anything", "--out", "out"])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    return stopped.value.code, capsys.readouterr().err


def test_crash_details_go_to_a_private_unique_file(tmp_path, monkeypatch, capsys):
    state, shared_tmp = tmp_path / "state", tmp_path / "tmp"
    shared_tmp.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file", encoding="utf-8")
    (shared_tmp / "dossierflow-error.txt").symlink_to(victim)  # planted by another user
    monkeypatch.setattr(tempfile, "tempdir", str(shared_tmp))
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    monkeypatch.chdir(tmp_path)
    reports = []
    for _ in range(2):
        code, err = _crash(monkeypatch, capsys)
        assert code == 3 and "a bug in the opener" in err and "Traceback" not in err
        written = [p for p in (state / "dossierflow").iterdir() if str(p) in err]
        assert len(written) == 1
        reports.append(written[0])
    assert victim.read_text(encoding="utf-8") == "someone else's file"
    assert reports[0] != reports[1]
    for report in reports:
        assert "RuntimeError: a bug in the opener" in report.read_text(encoding="utf-8")
        assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert stat.S_IMODE((state / "dossierflow").stat().st_mode) == 0o700


def test_the_apps_crash_details_go_to_a_private_file(tmp_path, monkeypatch):
    from dossierflow.app.errors import error_text

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    try:
        raise RuntimeError("a bug in a page")
    except RuntimeError as exc:
        text = error_text(exc, "en", "upload_failed")
    (report,) = (tmp_path / "dossierflow").iterdir()
    assert str(report) in text and "a bug in a page" in report.read_text(encoding="utf-8")
    assert stat.S_IMODE(report.stat().st_mode) == 0o600


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == str(pid):
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_served(port: int, launcher: subprocess.Popen, timeout: float = 90.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and launcher.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                        timeout=2) as answer:
                if answer.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_stopping_the_app_stops_streamlit(stop, mini_log, tmp_path):
    from tests.support.browser import free_port

    port = free_port()
    env = {**os.environ, "DOSSIERFLOW_HOME": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    with open(tmp_path / "app.log", "wb") as sink:
        launcher = subprocess.Popen(
            [sys.executable, "-m", "dossierflow.app.cli", "app", "--log", str(mini_log),
             "--port", str(port)], cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT,
            start_new_session=True)
    children: list[int] = []
    try:
        if not _wait_served(port, launcher):
            pytest.skip("streamlit could not start here: "
                        + (tmp_path / "app.log").read_text(errors="replace")[-500:])
        children = _children(launcher.pid)
        assert children, "the app runs no child process"
        launcher.send_signal(stop)
        launcher.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(map(_alive, children)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(map(_alive, children)), "the Streamlit server outlived `dossierflow app`"
        assert launcher.returncode == 128 + stop
    finally:
        for pid in [launcher.pid, *children]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        launcher.wait(timeout=10)

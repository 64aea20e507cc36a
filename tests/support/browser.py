"""What the browser tests need: Debian's chromium, the app served by a Streamlit process of
its own on a free port of 127.0.0.1, and waits that follow the app's run state instead of
sleeping."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from dossierflow.app.launch import streamlit_command
from tests.support.paths import ROOT

CHROMIUM_ENV = "DOSSIERFLOW_CHROMIUM"
SCREENSHOTS = ROOT / "artefacts" / "browser"

# True once the script has finished its run and no "Running…" man is shown; the page has to
# stay so for `ms` milliseconds in a row (a click's rerun starts a moment after the click).
_IDLE_JS = """(ms) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const busy = !app || app.getAttribute('data-test-script-state') !== 'notRunning'
    || app.getAttribute('data-test-connection-state') !== 'CONNECTED'
    || document.querySelector('[data-testid="stStatusWidgetRunningIcon"]') !== null
    || document.querySelector('[data-stale="true"]') !== null;
  const now = performance.now();
  if (busy) { window.__idleSince = null; return false; }
  if (window.__idleSince == null) window.__idleSince = now;
  return now - window.__idleSince >= ms;
}"""


def chromium_path() -> str | None:
    """The chromium to drive: ``$DOSSIERFLOW_CHROMIUM`` when set, else ``chromium`` on PATH."""
    named = os.environ.get(CHROMIUM_ENV)
    if named:
        return named if Path(named).is_file() else shutil.which(named)
    return shutil.which("chromium")


def browser_or_skip():
    """(the chromium binary, playwright's sync API), or skip the calling test module with the
    reason: no chromium, or no playwright."""
    chromium = chromium_path()
    if chromium is None:
        pytest.skip(f"no chromium: install Debian's chromium (make test does so as root) or "
                    f"set ${CHROMIUM_ENV} to a chromium binary", allow_module_level=True)
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not "
                                   "installed (pip install -e '.[test]')")
    return chromium, sync_api


def launch_args() -> list[str]:
    """Chromium refuses to start its sandbox as root (CI runs as root)."""
    args = ["--disable-dev-shm-usage"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    return args


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served_app(log: Path, home: Path, output: Path, *, start_timeout: float = 90.0):
    """The app on 127.0.0.1 with ``log`` open, in a process group of its own that is killed
    on leaving, even after a failure; yields its base URL. The server's output goes to
    ``output``."""
    port = free_port()
    env = dict(os.environ, DOSSIERFLOW_LOG=str(log), DOSSIERFLOW_HOME=str(home),
               PYTHONUNBUFFERED="1")
    command = streamlit_command("127.0.0.1", port, "--server.fileWatcherType", "none")
    with open(output, "wb") as sink:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=sink,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, process, output, start_timeout)
        yield url
    finally:
        _stop(process)


def _wait_healthy(url: str, process: subprocess.Popen, output: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with code {process.returncode} before it "
                               f"served:\n{tail(output)}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"the app did not answer {url}/_stcore/health within {timeout:.0f} s:"
                       f"\n{tail(output)}")


def _stop(process: subprocess.Popen) -> None:
    """End the server's process group: SIGTERM, then SIGKILL after 10 s."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
    try:  # the group may outlive its leader (workers of a simulation)
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait(timeout=10)


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no output)"


def wait_idle(page, *, timeout: float = 60.0, settle_ms: int = 600) -> None:
    """Wait until the app has finished its run (no "Running…" status) and stayed so for
    ``settle_ms``."""
    page.evaluate("window.__idleSince = null")
    page.wait_for_function(_IDLE_JS, arg=settle_ms, timeout=timeout * 1000, polling=100)


def query(page) -> dict[str, list[str]]:
    """The query parameters of the page's URL."""
    return parse_qs(urlparse(page.url).query)


def clear_screenshots() -> None:
    """Remove the screenshots of an earlier run."""
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()


def screenshot(page, name: str) -> Path:
    """Save the page as ``artefacts/browser/NAME.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@contextmanager
def browser_page(chromium: str, sync_api, *, timeout: float, window: dict | None = None,
                 locale: str | None = None, script_errors: bool = True):
    """A page of a fresh headless ``chromium``, ``timeout`` seconds for each step (and each
    ``expect``), a 1440×900 ``window`` unless given; with ``script_errors``, the test fails
    when the page's scripts raised."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                             args=launch_args())
        try:
            context = browser.new_context(viewport=window or {"width": 1440, "height": 900},
                                          **({"locale": locale} if locale else {}))
            context.set_default_timeout(timeout * 1000)
            sync_api.expect.set_options(timeout=timeout * 1000)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            yield page
            if script_errors:
                assert not errors, f"errors in the page's scripts: {errors}"
        finally:
            browser.close()

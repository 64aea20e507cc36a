"""``python -m dossierflow.app.launch run streamlit_app.py …``: ``streamlit run …`` with the
modules of the pages imported while the server starts, so that its first visitor does not
wait for them (about a second on two cores)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

ENTRY = Path(__file__).resolve().parents[1] / "streamlit_app.py"

# what the first page (the Overview) needs
PRELOADED = ("dossierflow.app.cached_mining", "dossierflow.app.filters_sidebar",
             "dossierflow.app.sign_in", "dossierflow.app.tables", "dossierflow.app.charts")


def streamlit_command(address: str, port: int, *options: str) -> list[str]:
    """The command that serves the app on ``address``:``port``, headless, with Streamlit's
    further ``options`` (``"--server.fileWatcherType", "none"``, …)."""
    return [sys.executable, "-m", "dossierflow.app.launch", "run", str(ENTRY),
            "--server.address", address, "--server.port", str(port),
            "--server.headless", "true", "--browser.gatherUsageStats", "false", *options]


def main() -> None:
    """Import ``PRELOADED``, then run Streamlit's command line with this process's
    arguments."""
    for name in PRELOADED:
        importlib.import_module(name)
    from streamlit.web import cli as streamlit_cli

    sys.exit(streamlit_cli.main(prog_name="streamlit"))


if __name__ == "__main__":
    main()

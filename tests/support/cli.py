"""The `dossierflow` command run as a user runs it: a subprocess with its own home."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support.paths import ROOT


def run(*args, home):
    """``python -m dossierflow.app.cli ARGS`` from the repository, its workspaces in ``home``."""
    env = {**os.environ, "DOSSIERFLOW_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "dossierflow.app.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, env=env, timeout=300)

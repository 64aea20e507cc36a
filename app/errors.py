"""Errors shown to users: a headline in their language, what is wrong and how to fix it;
never a traceback. The details of an unexpected error go to a crash report of the user's own.
"""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from pathlib import Path

from dossierflow.app.i18n import t
from dossierflow.mining.errors import DossierflowError


def crash_folder() -> Path:
    """Where crash reports go: ``$XDG_STATE_HOME/dossierflow`` (an absolute path, as the XDG
    specification requires), else ``~/.local/state/dossierflow``."""
    state = os.environ.get("XDG_STATE_HOME", "")
    base = Path(state) if os.path.isabs(state) else Path.home() / ".local" / "state"
    return base / "dossierflow"


def write_crash_report(details: str) -> Path | None:
    """Write ``details`` to a new file that only this user can read, named uniquely in
    ``crash_folder()`` (made private when new) and created exclusively, so that no other run
    overwrites it and no planted link redirects it; in the temporary folder, just as
    exclusively, when the state folder cannot be written; None when neither can."""
    for folder in (crash_folder(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(
                prefix=f"error-{time.strftime('%Y%m%d-%H%M%S')}-", suffix=".txt", dir=folder)
        except OSError:
            continue
        with os.fdopen(handle, "w", encoding="utf-8") as report:
            report.write(details)
        return Path(name)
    return None


def error_text(exc: Exception, lang: str, headline: str) -> str:
    """Markdown of the message: the translated headline, then mining's own (English) words
    of what is wrong and where, then how to fix it. An unexpected error is reported as a
    fault of dossierflow, its details written to a file."""
    if isinstance(exc, DossierflowError):
        what = f"{exc.where}: {exc.what}" if exc.where else exc.what
        text = f"**{t(headline, lang)}**\n\n{what}"
        if exc.fix:
            text += f"\n\n**{t('how_to_fix', lang)}** {exc.fix}"
        return text
    report = write_crash_report("".join(traceback.format_exception(exc)))
    return f"**{t(headline, lang)}**\n\n{t('fault', lang).format(error=exc, report=report)}"


def show_error(exc: Exception, lang: str, headline: str) -> None:
    """``st.error`` of ``error_text``."""
    import streamlit as st

    st.error(error_text(exc, lang, headline))

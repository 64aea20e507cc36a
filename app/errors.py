"""Errors shown to users: a headline in their language, what is wrong and how to fix it;
never a traceback."""

from __future__ import annotations

import tempfile
import traceback
from pathlib import Path

import streamlit as st

from dossierflow.app.i18n import t
from dossierflow.mining.errors import DossierflowError


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
    report = Path(tempfile.gettempdir()) / "dossierflow-error.txt"
    report.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    return f"**{t(headline, lang)}**\n\n{t('fault', lang).format(error=exc, report=report)}"


def show_error(exc: Exception, lang: str, headline: str) -> None:
    """``st.error`` of ``error_text``."""
    st.error(error_text(exc, lang, headline))

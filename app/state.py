"""Session state shared by the pages: the language and the open log."""

from __future__ import annotations

import os
import re
from pathlib import Path

import streamlit as st

from dossierflow.app.i18n import LANGUAGES
from dossierflow.mining.log.workspace import open_workspace, workspace_path

LOG_PARAM = "log"


def language() -> str:
    """The current language: the language switch (bound to ``?lang=``), 'vi' by default."""
    lang = st.session_state.get("lang") or st.query_params.get("lang", "vi")
    return lang if lang in LANGUAGES else "vi"


def log_argument() -> str | None:
    """The workspace given at start: ``$DOSSIERFLOW_LOG`` (set by ``dossierflow app --log``)."""
    return os.environ.get("DOSSIERFLOW_LOG") or None


def open_log_name() -> str | None:
    """The log the pages analyse: the one imported in this session, else the workspace named
    in the URL (``?log=NAME``, a name under $DOSSIERFLOW_HOME, never a path), else the one
    given at start."""
    named = st.query_params.get(LOG_PARAM)
    if not st.session_state.get(LOG_PARAM) and named and re.fullmatch(r"[\w-]+", named):
        st.session_state[LOG_PARAM] = named
    if st.session_state.get(LOG_PARAM):
        st.query_params[LOG_PARAM] = st.session_state[LOG_PARAM]
        return st.session_state[LOG_PARAM]
    return log_argument()


def set_open_log(name: str) -> None:
    """Make the workspace ``name`` the open log of this session and of its URL."""
    st.session_state[LOG_PARAM] = name
    st.query_params[LOG_PARAM] = name


@st.cache_resource(show_spinner=False)
def _imports() -> dict[str, int]:
    """How many times the app imported into each workspace file (shared by the sessions)."""
    return {}


def note_import(path: str | os.PathLike) -> None:
    """Record that the app has just imported into the workspace file ``path``: its key
    changes even when the file system gives the new file the old one's time written."""
    imports = _imports()
    resolved = str(Path(path).resolve())
    imports[resolved] = imports.get(resolved, 0) + 1


def log_key(name: str) -> str:
    """The cache key of a workspace, ``FILE|STAMP``: the stamp changes with every import
    (the file's inode, size and time written, and the app's own imports into it); raises a
    WorkspaceError when there is no such workspace."""
    path = workspace_path(name)
    if not path.is_file():
        open_workspace(name)  # raises, saying how to import it
    resolved = path.resolve()
    stat = resolved.stat()
    return (f"{resolved}|{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}:"
            f"{_imports().get(str(resolved), 0)}")

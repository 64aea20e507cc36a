"""Session state shared by the pages: the open log and the language."""

from __future__ import annotations

import os

import streamlit as st

from mining.workspace import Workspace, open_workspace


def language() -> str:
    """The current language ('vi' by default), kept in the URL as ?lang=."""
    if "lang" not in st.session_state:
        st.session_state.lang = st.query_params.get("lang", "vi")
    if st.session_state.lang not in ("vi", "en"):
        st.session_state.lang = "vi"
    st.query_params["lang"] = st.session_state.lang
    return st.session_state.lang


def log_argument() -> str | None:
    """The workspace to open: ``$DOSSIERFLOW_LOG`` (set by ``dossierflow app --log``)."""
    return os.environ.get("DOSSIERFLOW_LOG") or None


@st.cache_resource(show_spinner=False)
def workspace(name: str) -> Workspace:
    """The opened workspace, shared by every session of the app."""
    return open_workspace(name)

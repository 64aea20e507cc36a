"""Entry point of the dossierflow app (`dossierflow app --log NAME`, or $DOSSIERFLOW_LOG)."""

import streamlit as st

from app.i18n import LANGUAGES, t
from app.state import language

st.set_page_config(page_title="dossierflow", layout="wide")
lang = language()
st.sidebar.radio(t("language", lang), list(LANGUAGES), format_func=LANGUAGES.get, key="lang",
                 horizontal=True)
pages = [st.Page("app/pages/data.py", title=t("page_data", lang), url_path="data",
                 default=True)]
st.navigation(pages).run()

"""Entry point of the dossierflow app (`dossierflow app --log NAME`, or $DOSSIERFLOW_LOG)."""

import streamlit as st

from dossierflow.app import url_widgets as uw
from dossierflow.app.filters_sidebar import FILTER_KEYS
from dossierflow.app.i18n import LANGUAGES, t
from dossierflow.app.sign_in import require_sign_in
from dossierflow.app.state import language

st.set_page_config(page_title="dossierflow", layout="wide")
lang = language()
uw.carry(FILTER_KEYS)  # a page switch drops the query: the shared filters stay in the link
lang = uw.segmented(st.sidebar, t("language", lang), list(LANGUAGES), key="lang",
                    format_func=LANGUAGES.get)

# The pages in menu order: (file, title label, url path). Add a page by inserting a line.
PAGES = [
    ("app/pages/data.py", "page_data", "data"),
    ("app/pages/overview.py", "page_overview", "overview"),
    ("app/pages/process_map.py", "page_process_map", "process-map"),
    ("app/pages/bottlenecks.py", "page_bottlenecks", "bottlenecks"),
    ("app/pages/compare.py", "page_compare", "compare"),
    ("app/pages/scenarios.py", "page_scenarios", "scenarios"),
    ("app/pages/proposals.py", "page_proposals", "proposals"),
    ("app/pages/warning.py", "page_warning", "warning"),
    ("app/pages/export.py", "page_export", "export"),
]
pages = [st.Page(path, title=t(label, lang), url_path=url, default=i == 0)
         for i, (path, label, url) in enumerate(PAGES)]
require_sign_in(lang, pages)  # server mode: no page before sign-in (app/sign_in.py)
st.navigation(pages).run()

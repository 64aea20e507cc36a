"""What people use: the Streamlit app (``streamlit_app.py`` and ``pages/``, Vietnamese and
English), the leadership report (``report``) and the ``dossierflow`` command line (``cli``).

Nothing else imports this package; the pages reach the data through ``cached_mining`` and
``cached_simulation``. See docs/analysis.md ("In the app") and the README.
"""

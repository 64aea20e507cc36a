"""What several test modules share, none of it a test: paths of the bundled data, the app
opened on a page, the command line run, model builders, the browser driver, and helpers that
are not part of dossierflow (e.g. an independent SimPy centre)."""

"""Helpers for the tests that are not part of dossierflow (e.g. an independent SimPy centre)."""

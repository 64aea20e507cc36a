"""Learning a simulation model from a log: its structure, deadlines and calibration."""

from dossierflow.simulation.discovery.discover_model import Discovery, DiscoveryError, discover_model, learning_window

__all__ = ["Discovery", "DiscoveryError", "discover_model", "learning_window"]

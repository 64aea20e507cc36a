"""The error the engine raises."""

from dossierflow.mining.errors import DossierflowError


class SimulationError(DossierflowError):
    """The simulation cannot run as asked (horizon, overload, calendar range)."""

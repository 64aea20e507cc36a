"""Learning a simulation model from a log: its structure, deadlines and calibration.

The public API is :func:`discover_model` (a log in, a :class:`Discovery` out: the model, the
window it was learnt from and the defaults the log forced), :func:`learning_window` (the
window a model is learnt from by default) and :class:`DiscoveryError`. The modules of the
package are its parts: ``discover_model`` (the entry and the order of the work),
``dossiers``, ``service_times``, ``batches``, ``staffing``, ``processes``, ``routes``,
``procedures``, ``profiles``, ``shares``, ``learn_deadlines`` and ``calibration``.
"""

from dossierflow.simulation.discovery.discover_model import (
    Discovery,
    DiscoveryError,
    discover_model,
    learning_window,
)

__all__ = ["Discovery", "DiscoveryError", "discover_model", "learning_window"]

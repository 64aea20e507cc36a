"""The error of a malformed simulation model."""

from __future__ import annotations

from dossierflow.mining.errors import FieldError


class ModelError(FieldError):
    """A simulation model is malformed: a field has a wrong value or a reference is dangling.

    ``field`` is the path of the offending field, e.g. ``processes[0].steps[3].pool``.
    """

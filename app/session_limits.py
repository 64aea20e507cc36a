"""How long a signed-in session lasts: an idle limit (no interaction) and an absolute limit
(since sign-in), from ``$DOSSIERFLOW_SESSION_IDLE_MINUTES`` (default 30) and
``$DOSSIERFLOW_SESSION_MAX_HOURS`` (default 8), which ``dossierflow serve`` sets."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Literal

from dossierflow.mining.errors import DossierflowError

IDLE_ENV = "DOSSIERFLOW_SESSION_IDLE_MINUTES"
MAX_ENV = "DOSSIERFLOW_SESSION_MAX_HOURS"
Expiry = Literal["idle", "absolute"]


@dataclass(frozen=True)
class SessionLimits:
    """The idle and absolute limits of a session."""

    idle: dt.timedelta = dt.timedelta(minutes=30)
    absolute: dt.timedelta = dt.timedelta(hours=8)

    def expired(self, signed_in: dt.datetime, last_seen: dt.datetime,
                current: dt.datetime) -> Expiry | None:
        """Why a session signed in at ``signed_in`` and last used at ``last_seen`` has ended
        at ``current`` ('absolute' first), or None while it lasts."""
        if current - signed_in > self.absolute:
            return "absolute"
        if current - last_seen > self.idle:
            return "idle"
        return None


def session_limits() -> SessionLimits:
    """The limits set in the environment, else 30 minutes idle and 8 hours in all."""
    default = SessionLimits()
    return SessionLimits(idle=_limit(IDLE_ENV, "minutes", default.idle),
                         absolute=_limit(MAX_ENV, "hours", default.absolute))


def _limit(name: str, unit: str, default: dt.timedelta) -> dt.timedelta:
    text = os.environ.get(name)
    if not text:
        return default
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = 0.0
    if not value > 0:
        raise DossierflowError(f"${name} is '{text}', not a positive number of {unit}.",
                               fix=f"set it to a number of {unit} such as 30, or unset it.")
    return dt.timedelta(**{unit: value})

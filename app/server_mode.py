"""Server mode (`dossierflow serve`): the app for many users, signed in. It refuses to listen
beyond this machine while no sign-in is configured: no user with a password in the users
file and no OpenID Connect provider in ``.streamlit/secrets.toml``."""

from __future__ import annotations

import importlib.util
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from dossierflow.app.launch import streamlit_command
from dossierflow.app.session_limits import IDLE_ENV, MAX_ENV
from dossierflow.app.users import has_password_users, users_file
from dossierflow.mining.errors import DossierflowError

SIGN_IN_ENV = "DOSSIERFLOW_SIGN_IN"
LOCAL_ADDRESSES = ("127.0.0.1", "::1", "[::1]", "localhost")
ROOT = Path(__file__).resolve().parents[1]


class ServerModeError(DossierflowError):
    """Server mode cannot start as asked."""


@dataclass(frozen=True)
class ServerStart:
    """How to start the server: the Streamlit command, its environment, and whether the
    pages ask to sign in."""

    command: list[str]
    env: dict[str, str]
    sign_in: bool


def secrets_files() -> list[Path]:
    """Where Streamlit reads its secrets: ~/.streamlit/secrets.toml, then ./.streamlit/."""
    return [Path.home() / ".streamlit" / "secrets.toml",
            Path.cwd() / ".streamlit" / "secrets.toml"]


def auth_section() -> dict | None:
    """The [auth] section of the first secrets file that has one (OpenID Connect through
    ``st.login``), else None; an error when there is one but Authlib, which ``st.login``
    needs, is not installed."""
    for path in secrets_files():
        try:
            secrets = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ServerModeError(f"the secrets file cannot be read ({exc}).", file=str(path),
                                  fix="correct its TOML syntax.") from None
        if "auth" in secrets:
            if importlib.util.find_spec("authlib") is None:
                raise ServerModeError(
                    "OpenID Connect is configured but Authlib is not installed.",
                    file=str(path), fix="pip install 'dossierflow[oidc]'.")
            return secrets["auth"]
    return None


def oidc_providers() -> list[str | None]:
    """The identity providers to offer: none without [auth]; [None] for the one given in
    [auth] itself; else the name of each [auth.NAME] subsection."""
    auth = auth_section()
    if auth is None:
        return []
    named = [k for k, v in auth.items() if isinstance(v, dict)]
    return [None] if "client_id" in auth or not named else named


def sign_in_configured() -> bool:
    """Whether users can sign in: a user with a password, or OpenID Connect configured."""
    return has_password_users() or auth_section() is not None


def server_start(address: str, port: int, log: str | None, idle_minutes: float,
                 max_hours: float) -> ServerStart:
    """The server on ``address``:``port`` with ``log`` open, sessions ending after
    ``idle_minutes`` idle or ``max_hours`` in all; an error when ``address`` reaches beyond
    this machine and no sign-in is configured."""
    sign_in = sign_in_configured()
    if not sign_in and address.strip().lower() not in LOCAL_ADDRESSES:
        raise ServerModeError(
            f"dossierflow serve will not listen on {address or 'every address'}: other "
            "machines could reach the app and no sign-in is configured.",
            fix=f"add a user with `dossierflow users add NAME --role admin` (kept in "
                f"{users_file()}), or configure OpenID Connect in an [auth] section of "
                ".streamlit/secrets.toml (docs/deployment.md), or listen on 127.0.0.1.")
    if not (idle_minutes > 0 and max_hours > 0):
        raise ServerModeError("the session limits must be positive.",
                              fix="give --idle-minutes and --max-hours above 0.")
    command = streamlit_command(address, port, "--server.fileWatcherType", "none",
                                "--client.toolbarMode", "viewer")
    env = dict(os.environ, **{IDLE_ENV: str(idle_minutes), MAX_ENV: str(max_hours)})
    env.pop(SIGN_IN_ENV, None)
    if sign_in:
        env[SIGN_IN_ENV] = "1"
    if log:
        env["DOSSIERFLOW_LOG"] = log
    return ServerStart(command=command, env=env, sign_in=sign_in)

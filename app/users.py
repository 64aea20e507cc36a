"""The local users of a server without an identity provider: a JSON file beside the
workspaces (``$DOSSIERFLOW_HOME/users.json``), passwords hashed with Argon2, accounts locked
after repeated wrong passwords.

Users who sign in through OpenID Connect are listed here too (by the e-mail the provider
gives, without a password): the file is where every user's role and agencies are kept."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, get_args
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.workspace import workspace_home
from dossierflow.mining.vocabulary import TZ

USERS_FILE = "users.json"
# leadership: the whole province; agency: its own agencies; planner: all, no personal field;
# researcher: pseudonymised exports only; admin: imports and users
Role = Literal["leadership", "agency", "planner", "researcher", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)
MIN_PASSWORD = 8
# an account is locked for LOCK_MINUTES after MAX_FAILURES wrong passwords within as long
MAX_FAILURES = 5
LOCK_MINUTES = 15

_HASHER = PasswordHasher()


class UsersError(DossierflowError):
    """The users file or a users command is wrong."""


@dataclass(frozen=True)
class User:
    """A user as the pages see it: who, which role, which agencies (empty: all or none,
    by role)."""

    name: str
    display_name: str
    role: Role
    agencies: tuple[str, ...] = ()
    oidc: bool = False


SignInOutcome = Literal["signed_in", "wrong", "locked", "just_locked"]


def users_file() -> Path:
    """The users file: ``$DOSSIERFLOW_HOME/users.json``."""
    return workspace_home() / USERS_FILE


def now() -> dt.datetime:
    """The current time in Asia/Ho_Chi_Minh."""
    return dt.datetime.now(ZoneInfo(TZ))


def user_name(text: str) -> str:
    """``text`` as a user name: NFC, trimmed, lower case; letters, digits, '.', '_', '-', '@'."""
    name = unicodedata.normalize("NFC", text).strip().lower()
    if not re.fullmatch(r"[\w.@-]{1,100}", name):
        raise UsersError(f"'{text}' is not a usable user name.",
                         fix="use letters, digits, '.', '_', '-' or '@' only "
                             "(an e-mail address for a user who signs in with OpenID Connect).")
    return name


def _read(path: Path) -> dict:
    if not path.exists():
        return {"version": 1, "users": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["users"]  # noqa: B018 — the one key every users file has
    except (ValueError, KeyError, TypeError) as exc:
        raise UsersError(f"the users file cannot be read ({exc}).", file=str(path),
                         fix="restore it from the backup (docs/deployment.md).") from None
    return data


@contextmanager
def _editing() -> Iterator[dict]:
    """The users file's content, locked against other writers, written back (atomically, only
    readable by its owner) when the block ends without error."""
    path = users_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        data = _read(path)
        yield data
        temporary = path.with_suffix(".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
        os.replace(temporary, path)


def _user(name: str, entry: dict) -> User:
    return User(name=name, display_name=entry.get("display_name") or name, role=entry["role"],
                agencies=tuple(entry.get("agencies", ())), oidc=bool(entry.get("oidc")))


def add_user(name: str, role: str, *, password: str | None = None,
             agencies: list[str] | None = None, display_name: str | None = None) -> User:
    """Add the user ``name`` (or replace it) with ``role`` and ``agencies``; with a password
    (at least 8 characters), kept as its Argon2 hash, else an OpenID Connect user."""
    name = user_name(name)
    if role not in ROLES:
        raise UsersError(f"'{role}' is not a role.", fix=f"use one of: {', '.join(ROLES)}.")
    agencies = [unicodedata.normalize("NFC", a).strip() for a in agencies or [] if a.strip()]
    if role == "agency" and not agencies:
        raise UsersError("a user of the agency role needs the agencies it sees.",
                         fix="give --agency once per agency.")
    if password is not None and len(password) < MIN_PASSWORD:
        raise UsersError(f"the password is shorter than {MIN_PASSWORD} characters.",
                         fix="choose a longer one.")
    entry = {"display_name": unicodedata.normalize("NFC", display_name or name), "role": role,
             "agencies": agencies, "oidc": password is None,
             "password_hash": _HASHER.hash(password) if password is not None else None,
             "failures": [], "locked_until": None}
    with _editing() as data:
        data["users"][name] = entry
    return _user(name, entry)


def remove_user(name: str) -> None:
    """Remove the user ``name``."""
    name = user_name(name)
    with _editing() as data:
        if data["users"].pop(name, None) is None:
            raise UsersError(f"there is no user '{name}'.", file=str(users_file()),
                             fix="see `dossierflow users list`.")


def list_users() -> list[tuple[User, dt.datetime | None]]:
    """Every user, with the time its lock ends (None: not locked)."""
    data = _read(users_file())
    current = now()
    return [(_user(name, entry), _locked_until(entry, current))
            for name, entry in sorted(data["users"].items())]


def unlock_user(name: str) -> None:
    """Unlock the user ``name`` and forget its wrong passwords."""
    name = user_name(name)
    with _editing() as data:
        entry = data["users"].get(name)
        if entry is None:
            raise UsersError(f"there is no user '{name}'.", file=str(users_file()),
                             fix="see `dossierflow users list`.")
        entry["failures"], entry["locked_until"] = [], None


def find_user(name: str) -> User | None:
    """The user ``name`` as the file has it now (None: no such user)."""
    try:
        name = user_name(name)
    except UsersError:
        return None
    entry = _read(users_file())["users"].get(name)
    return _user(name, entry) if entry else None


def has_password_users() -> bool:
    """Whether the users file holds a user who signs in with a password."""
    return any(e.get("password_hash") for e in _read(users_file())["users"].values())


def _locked_until(entry: dict, current: dt.datetime) -> dt.datetime | None:
    until = entry.get("locked_until")
    until = dt.datetime.fromisoformat(until) if until else None
    return until if until and until > current else None


def check_password(name: str, password: str) -> tuple[SignInOutcome, User | None]:
    """Check a sign-in: 'signed_in' (with the user), 'wrong' (unknown user or wrong password),
    'locked' (the account is locked: not even checked), or 'just_locked' (this wrong password
    locked it: MAX_FAILURES within LOCK_MINUTES)."""
    try:
        name = user_name(name)
    except UsersError:
        name = ""
    with _editing() as data:
        entry = data["users"].get(name)
        current = now()
        if entry is None or not entry.get("password_hash"):
            _verify(_dummy_hash(), password)  # an unknown name takes as long
            return "wrong", None
        if _locked_until(entry, current):
            return "locked", None
        if _verify(entry["password_hash"], password):
            if _HASHER.check_needs_rehash(entry["password_hash"]):
                entry["password_hash"] = _HASHER.hash(password)
            entry["failures"], entry["locked_until"] = [], None
            return "signed_in", _user(name, entry)
        window = current - dt.timedelta(minutes=LOCK_MINUTES)
        entry["failures"] = [f for f in entry.get("failures", [])
                             if dt.datetime.fromisoformat(f) > window] + [current.isoformat()]
        if len(entry["failures"]) >= MAX_FAILURES:
            entry["locked_until"] = (current + dt.timedelta(minutes=LOCK_MINUTES)).isoformat()
            entry["failures"] = []
            return "just_locked", None
        return "wrong", None


@cache
def _dummy_hash() -> str:
    return _HASHER.hash("not a password of anyone")


def _verify(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False

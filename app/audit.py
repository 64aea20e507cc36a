"""The audit log of a server: who signed in (or failed to), signed out, was locked out,
viewed which workspace and exported what, and when — one JSON object a line, appended to
``$DOSSIERFLOW_HOME/audit.jsonl`` and never rewritten."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import unicodedata
from pathlib import Path
from typing import Literal

from dossierflow.app.users import now
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.workspace import workspace_home

AUDIT_FILE = "audit.jsonl"
Event = Literal["sign_in", "sign_in_failed", "sign_out", "session_expired", "locked_out",
                "workspace_viewed", "export"]


def audit_file() -> Path:
    """The audit log: ``$DOSSIERFLOW_HOME/audit.jsonl``."""
    return workspace_home() / AUDIT_FILE


def record(event: Event, user: str, **details) -> dict:
    """Append ``event`` by ``user`` (its name; what was typed for a failed sign-in) with
    ``details`` (JSON values) to the audit log, stamped with the time in Asia/Ho_Chi_Minh;
    the entry written."""
    entry = {"time": now().isoformat(timespec="seconds"), "event": event, "user": user,
             **details}
    path = audit_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # one whole line at a time from every process
        handle.write(line)
    return entry


def record_export(user: str, what: str, workspace: str | None, filters: dict,
                  file_name: str | None = None) -> dict:
    """Record that ``user`` exported ``what`` (e.g. 'event_log', 'report') of ``workspace``
    with ``filters`` (the filters' values as the page holds them) as ``file_name``."""
    return record("export", user, what=what, workspace=workspace,
                  filters={k: _json_value(v) for k, v in filters.items()}, file=file_name)


def _json_value(value):
    if isinstance(value, dict | list | tuple | set):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        values = {k: _json_value(v) for k, v in items}
        return values if isinstance(value, dict) else list(values.values())
    return value if isinstance(value, str | int | float | bool | None) else str(value)


def read_audit(user: str | None = None, since: dt.date | None = None) -> list[dict]:
    """The audit log's entries, oldest first; of ``user`` only (in any case) and from the day
    ``since`` (in Asia/Ho_Chi_Minh) on, when given."""
    path = audit_file()
    if not path.exists():
        return []
    wanted = unicodedata.normalize("NFC", user).strip().lower() if user is not None else None
    entries = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            entry = json.loads(line)
            if wanted is not None and str(entry.get("user", "")).strip().lower() != wanted:
                continue
            if since is not None and dt.datetime.fromisoformat(entry["time"]).date() < since:
                continue
            entries.append(entry)
    return entries


def describe(entry: dict) -> str:
    """One audit entry as a line of text: time, user, event, then its details."""
    when = dt.datetime.fromisoformat(entry["time"]).strftime("%Y-%m-%d %H:%M:%S %z")
    details = " ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in entry.items()
                       if k not in ("time", "user", "event") and v is not None)
    return f"{when}  {entry['user']:<20} {entry['event']:<17} {details}".rstrip()


def since_day(text: str | None) -> dt.date | None:
    """The day of ``--since`` (YYYY-MM-DD; also DD/MM/YYYY), None when not given."""
    if text is None:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            pass
    raise DossierflowError(f"--since '{text}' is not a day.",
                           fix="write it as YYYY-MM-DD, e.g. 2026-12-01.")

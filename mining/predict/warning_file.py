"""Write the early-warning list as a CSV file, officers pseudonymised unless told otherwise."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dossierflow.mining.export.pseudonymise import pseudonym, pseudonym_key


def write_warnings(table: pd.DataFrame, out: str | Path, *, reveal_names: bool = False,
                   key: str | bytes | None = None) -> Path:
    """Write ``warn``'s table to ``out`` (UTF-8 with a byte-order mark, so that spreadsheet
    programs read the Vietnamese right); officers become keyed pseudonyms unless
    ``reveal_names`` (``key``: as ``pseudonym_key`` takes it)."""
    out = Path(out)
    frame = table.copy()
    if not reveal_names and "officer" in frame:
        secret = pseudonym_key(key)
        frame["officer"] = frame["officer"].map(
            lambda name: pseudonym(name, secret) if isinstance(name, str) else name)
    frame["risk"] = frame["risk"].round(4)
    frame["left_days"] = frame["left_days"].round(2)
    out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(out, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d %H:%M")
    return out

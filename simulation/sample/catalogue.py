"""The synthetic procedure catalogue of the Bắc Ninh provincial centre, 2017–2023: loaders.

Three tables under ``datasets/catalogue``: the agencies (the 21 of 2017–2023 plus the bodies
that succeeded them on 1/3/2025), 1,481 procedures (TTHC) and the reforms that cut their legal
handling times between 2018 and 2023. :func:`agencies`, :func:`procedures` and :func:`reforms`
read them with typed columns; :func:`legal_days_at` gives the legal time in force on a day.
The seeded builder that writes them is :mod:`dossierflow.simulation.sample.build_catalogue`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.vocabulary import DATASETS_DIR, TZ

CATALOGUE_DIR = DATASETS_DIR / "catalogue"


def _read(directory: Path | str, name: str) -> pd.DataFrame:
    path = Path(directory) / name
    if not path.is_file():
        raise DossierflowError(
            f"{path} is missing.",
            fix="regenerate the catalogue: python -m dossierflow.simulation.sample.build_catalogue "
                "--out datasets/catalogue (agencies.csv is hand-written: restore it from git).")
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def agencies(directory: Path | str = CATALOGUE_DIR) -> pd.DataFrame:
    """Agencies: ids, names, type, validity dates (NaT when open), successors."""
    frame = _read(directory, "agencies.csv")
    for column in ("valid_from", "valid_to"):
        frame[column] = pd.to_datetime(frame[column].replace("", None))
    frame["in_centre_2017_2023"] = frame["in_centre_2017_2023"] == "1"
    text = ["agency_id", "code", "name_vi", "name_en", "type", "successor_id",
            "other_successor_ids", "note"]
    frame[text] = frame[text].replace("", None).astype("string")
    return frame


def procedures(directory: Path | str = CATALOGUE_DIR) -> pd.DataFrame:
    """Procedures with their current legal time (working days) and attributes."""
    frame = _read(directory, "procedures.csv")
    frame["legal_days"] = frame["legal_days"].astype(float)
    frame["fee"] = frame["fee"].astype("int64")
    frame["demand_weight"] = frame["demand_weight"].astype(float)
    for column in ("five_on_spot_eligible", "needs_site_inspection", "inter_agency"):
        frame[column] = frame[column] == "1"
    text = ["procedure_id", "name_vi", "name_en", "agency_id", "field_vi", "field_en",
            "online_level", "result_type", "source"]
    frame[text] = frame[text].astype("string")
    return frame


def reforms(directory: Path | str = CATALOGUE_DIR) -> pd.DataFrame:
    """Legal-time cuts, one row per procedure and decision, oldest first."""
    frame = _read(directory, "reforms.csv")
    frame["effective_date"] = pd.to_datetime(frame["effective_date"])
    for column in ("old_legal_days", "new_legal_days", "cut_days"):
        frame[column] = frame[column].astype(float)
    text = ["procedure_id", "decision", "kind"]
    frame[text] = frame[text].astype("string")
    return frame


def _local_days(when: object, n: int) -> pd.Series:
    """Local calendar days (naive midnights) of a moment or of ``n`` moments."""
    values = pd.Series([when] * n if np.ndim(when) == 0 else when).reset_index(drop=True)
    if len(values) != n:
        raise DossierflowError(f"{len(values)} dates for {n} procedures.",
                               fix="give one date, or one date per procedure.")
    stamps = pd.to_datetime(values)
    if stamps.dt.tz is not None:
        stamps = stamps.dt.tz_convert(TZ).dt.tz_localize(None)
    return stamps.dt.normalize()


def legal_days_at(procedure: str | pd.Series | pd.DataFrame, when: object,
                  directory: Path | str = CATALOGUE_DIR) -> float | pd.Series:
    """The legal time (working days) in force on the local day of ``when``.

    ``procedure`` is one procedure id (returns a float), or a Series of ids or a frame with a
    ``procedure_id`` column (returns a Series on its index, NaN for unknown ids or missing
    dates). ``when`` is a date or timestamp (aware ones are converted to Asia/Ho_Chi_Minh),
    one per procedure, or the name of a column of the frame. A reform applies from its
    effective date; before a procedure's first reform its old time applies.
    """
    if isinstance(procedure, str):
        days = legal_days_at(pd.Series([procedure]), when, directory).iloc[0]
        if pd.isna(days):
            raise DossierflowError(f"procedure {procedure!r} is not in the catalogue.",
                                   fix="use a procedure_id of datasets/catalogue/procedures.csv.")
        return float(days)
    if isinstance(procedure, pd.DataFrame):
        if isinstance(when, str) and when in procedure.columns:
            when = procedure[when]
        procedure = procedure["procedure_id"]
    query = pd.DataFrame({"procedure_id": procedure.astype("string").to_numpy(),
                          "day": _local_days(when, len(procedure)).to_numpy(),
                          "row": np.arange(len(procedure))}).astype(
        {"procedure_id": "string", "day": "datetime64[ns]"})
    current = procedures(directory).set_index("procedure_id")["legal_days"]
    out = pd.Series(current.reindex(query["procedure_id"]).to_numpy(), dtype=float)
    out[query["day"].isna().to_numpy()] = np.nan
    changes = reforms(directory)[["procedure_id", "effective_date", "old_legal_days"]].astype(
        {"effective_date": "datetime64[ns]"})
    found = pd.merge_asof(
        query.dropna().sort_values("day"), changes.sort_values("effective_date"),
        left_on="day", right_on="effective_date", by="procedure_id", direction="forward",
        allow_exact_matches=False).dropna(subset=["old_legal_days"])
    out.iloc[found["row"].to_numpy()] = found["old_legal_days"].to_numpy()
    out.index = procedure.index
    return out


"""The early-warning list: the dossiers open at a moment, riskiest first."""

from __future__ import annotations

from functools import cache
from typing import Literal

import numpy as np
import pandas as pd

from dossierflow.mining.log.analysis_table import AnalysisLog
from dossierflow.mining.predict.risk_model import RiskModel, train
from dossierflow.mining.predict.snapshot import FEATURE_LABELS, moment, snapshot
from dossierflow.mining.vocabulary import DATASETS_DIR, activity_label

COLUMNS = ["dossier", "procedure", "agency", "step", "officer", "received", "due", "left_days",
           "risk", "expected_finish", "finish_low", "finish_high", "why"]
REASONS = 3  # features named in "why"
MIN_CONTRIBUTION = 0.005  # a feature raising the risk by less is not named


@cache
def _names(kind: Literal["agencies", "procedures"]) -> pd.DataFrame:
    path = DATASETS_DIR / "catalogue" / f"{kind}.csv"
    key = "agency_id" if kind == "agencies" else "procedure_id"
    table = pd.read_csv(path, dtype=str) if path.is_file() else pd.DataFrame(columns=[key])
    return table.drop_duplicates(key).set_index(key)


def _named(values: pd.Series, kind: Literal["agencies", "procedures"], lang: str) -> pd.Series:
    """Catalogue names of agency or procedure ids, else the value the log gives."""
    table = _names(kind)
    column = f"name_{lang}"
    names = values.map(table[column]) if column in table else values
    return names.fillna(values)


def log_end(log: AnalysisLog) -> pd.Timestamp:
    """The end of the log's period: its last receipt, local time."""
    return log.cases["received_at"].max().tz_convert(log.calendar.timezone)


def warn(log: AnalysisLog, at=None, *, model: RiskModel | None = None,
         lang: Literal["vi", "en"] = "vi", every: int = 2) -> pd.DataFrame:
    """The dossiers open at ``at`` (default: the log's end, its last receipt: a log kept
    running until every dossier has its result has none open at its last event), riskiest
    first.

    Columns: ``dossier``, ``procedure`` and ``agency`` (names), ``step`` (the last one done),
    ``officer`` (who did it), ``received``, ``due`` (as known at ``at``), ``left_days``
    (working days to the due date), ``risk`` (0–1), ``expected_finish`` with
    ``finish_low``–``finish_high`` (the 10–90 % interval), ``why`` (the features raising the
    risk most, in ``lang``). ``model``: one trained before ``at`` (``train``); by default one
    is trained now on the prefixes of every ``every``-th working day.
    """
    t = moment(log_end(log) if at is None else at, log.calendar.timezone)
    model = model or train(log, t, every=every)
    frame = snapshot(log, t)
    risk = model.risk(frame)
    days = model.days_to_result(frame)
    now = float(log.calendar.to_clock(pd.Series([t]))[0])

    def finish(column: str) -> pd.Series:
        clock = now + days[column].to_numpy() * log.calendar.minutes_per_day
        return pd.Series(log.calendar.from_clock(clock), index=frame.index)

    out = pd.DataFrame({
        "dossier": frame.index,
        "procedure": _named(frame["procedure_id"], "procedures", lang).to_numpy(),
        "agency": _named(frame["agency"], "agencies", lang).to_numpy(),
        "step": [activity_label(s, lang) if isinstance(s, str) else "" for s in frame["step"]],
        "officer": frame["officer"].to_numpy(),
        "received": frame["received_at"].to_numpy(),
        "due": frame["due_at"].to_numpy(),
        "left_days": frame["left_days"].to_numpy(),
        "risk": risk,
        "expected_finish": finish("expected").to_numpy(),
        "finish_low": finish("low").to_numpy(),
        "finish_high": finish("high").to_numpy(),
        "why": _why(model, frame, lang).to_numpy() if len(frame) else [],
    })
    for column in ("received", "due", "expected_finish", "finish_low", "finish_high"):
        out[column] = pd.to_datetime(out[column], utc=True).dt.tz_convert(log.calendar.timezone)
    return out.sort_values(["risk", "left_days"], ascending=[False, True],
                           ignore_index=True)[COLUMNS]


def _why(model: RiskModel, frame: pd.DataFrame, lang: str) -> pd.Series:
    """The features raising each dossier's risk most, named in ``lang``."""
    pushes = model.contributions(frame)
    position = 0 if lang == "vi" else 1
    names = np.array([FEATURE_LABELS[f][position] for f in pushes.columns])
    values = pushes.to_numpy()
    order = np.argsort(-values, axis=1)[:, :REASONS]
    texts = []
    for row, picks in zip(values, order):
        texts.append("; ".join(names[p] for p in picks if row[p] >= MIN_CONTRIBUTION))
    return pd.Series(texts, index=frame.index)

"""The risk that an open dossier will be late, and the time to its result, learnt from the
prefixes of dossiers whose outcome was known before a cut-off.

A prefix is a dossier as it stood at a past moment (``snapshot``). Its label is whether it
ended late by Decision 766 — the class ``late`` the log's cases carry, the one
``mining.analysis.kpis`` counts as ``n_late`` (result after the due date, the supplement pause
excluded, or a second supplement request) — and is used only when known at the cut-off: the
dossier had its result by then, or was still open past its due date (late whatever happens).
The risk is a gradient-boosted classifier; the time to the result three quantile regressions
(10 %, 50 %, 90 %) on the prefixes with a result.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.preprocessing import OrdinalEncoder
from threadpoolctl import threadpool_limits

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.analysis_table import AnalysisLog
from dossierflow.mining.predict.snapshot import CATEGORICAL, FEATURES, NUMERIC, moment, snapshot

QUANTILES = (0.1, 0.5, 0.9)
WARM_UP_DAYS = 20  # working days of the log before the first prefix (queues fill up first)
MIN_LATE = 5  # late prefixes needed to learn from
# the risk never falls as a dossier's time left or slack shrinks, nor as its wait grows
MONOTONIC = {"left_days": -1, "slack_days": -1, "idle_over_wait": 1}


@dataclass
class RiskModel:
    """A trained risk model: the classifier, the three quantile regressors of the working days
    to the result, the category encoder and the reference values of the explanation."""

    cutoff: pd.Timestamp
    encoder: OrdinalEncoder
    classifier: HistGradientBoostingClassifier
    finish: dict[float, HistGradientBoostingRegressor]
    reference: pd.DataFrame  # one row: the typical value of each feature
    n_prefixes: int
    n_late: int
    blank: tuple[int, ...] = ()  # columns without any value in training: read as 0


    def matrix(self, frame: pd.DataFrame) -> np.ndarray:
        """The features of ``frame`` as the models take them (categories as codes)."""
        codes = self.encoder.transform(frame[list(CATEGORICAL)].astype(object).where(
            frame[list(CATEGORICAL)].notna(), None))
        x = np.column_stack([codes, frame[list(NUMERIC)].to_numpy(dtype=float)])
        x[:, list(self.blank)] = 0.0
        return x

    def risk(self, frame: pd.DataFrame) -> np.ndarray:
        """The probability that each dossier of a snapshot ends late."""
        if frame.empty:
            return np.array([], dtype=float)
        with threadpool_limits(1):
            return self.classifier.predict_proba(self.matrix(frame))[:, 1]

    def days_to_result(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Working days from the snapshot's moment to each dossier's result: columns ``low``,
        ``expected`` and ``high`` (the 10 %, 50 % and 90 % quantiles), never negative."""
        x = self.matrix(frame) if len(frame) else np.empty((0, len(FEATURES)))
        with threadpool_limits(1):
            out = {name: np.maximum(self.finish[q].predict(x), 0.0) if len(frame) else []
                   for name, q in zip(("low", "expected", "high"), QUANTILES)}
        table = pd.DataFrame(out, index=frame.index, dtype=float)
        table["expected"] = np.maximum(table["expected"], table["low"])
        table["high"] = np.maximum(table["high"], table["expected"])
        return table

    def contributions(self, frame: pd.DataFrame) -> pd.DataFrame:
        """How much each feature raises each dossier's risk: the risk minus the risk with that
        feature set to its typical value (one column per feature of ``FEATURES``)."""
        base = self.risk(frame)
        out = {}
        for feature in FEATURES:
            changed = frame.copy()
            changed[feature] = self.reference[feature].iloc[0]
            out[feature] = base - self.risk(changed)
        return pd.DataFrame(out, index=frame.index)


def working_moments(log: AnalysisLog, first, last, every: int = 1) -> list[pd.Timestamp]:
    """Moments to take prefixes at: every ``every``-th working day from ``first`` to ``last``
    (exclusive), at 09:30 and 15:30 on alternate days (queues differ within the day)."""
    cal = log.calendar
    days = pd.date_range(moment(first, cal.timezone).normalize(),
                         moment(last, cal.timezone).normalize(), freq="D")
    days = days[cal.is_working_day(days)][::every]
    stamps = [day + pd.Timedelta(hours=9.5 if i % 2 else 15.5) for i, day in enumerate(days)]
    end = moment(last, cal.timezone)
    return [stamp for stamp in stamps if stamp < end]


def prefixes(log: AnalysisLog, moments: list[pd.Timestamp]) -> pd.DataFrame:
    """The snapshots at ``moments``, one row per dossier open at each, with its ``moment``."""
    frames = [snapshot(log, at).assign(moment=at) for at in moments]
    frames = [f for f in frames if len(f)]
    if frames:
        return pd.concat(frames)
    at = moments[0] if moments else log.cases["received_at"].min()  # none: an empty table
    return snapshot(log, at).iloc[:0].assign(moment=pd.Series(dtype=f"datetime64[ns, {at.tz}]"))


def labelled(log: AnalysisLog, table: pd.DataFrame, cutoff) -> pd.DataFrame:
    """The prefixes taken before ``cutoff`` whose outcome is known at ``cutoff``, with ``late``
    (0/1) and ``days_to_result`` (working days from the prefix to the result; NaN when the
    dossier had no result by then)."""
    cal, t = log.calendar, moment(cutoff, log.calendar.timezone)
    rows = table.loc[table["moment"] < t]
    cases = log.cases.set_index("case_id").reindex(rows.index)
    finished = cases["finished_at"].notna() & (cases["finished_at"] <= t)
    open_then = snapshot(log, t)
    overdue = pd.Series(rows.index.isin(open_then.index[open_then["left_days"] < 0]),
                        index=rows.index)
    keep = (finished | overdue).to_numpy()
    out = rows.loc[keep].copy()
    kept = cases.loc[keep]
    out["late"] = ((kept["on_time_class"] == "late").to_numpy() | ~finished[keep].to_numpy()
                   ).astype(int)
    result = np.where(finished[keep], cal.to_clock(kept["finished_at"].fillna(t)), np.nan)
    out["days_to_result"] = (result - cal.to_clock(out["moment"])) / cal.minutes_per_day
    return out


def train(log: AnalysisLog, cutoff, *, table: pd.DataFrame | None = None, every: int = 1,
          seed: int = 0) -> RiskModel:
    """Train on the prefixes of ``log`` taken before ``cutoff`` whose outcome is known then.

    ``table``: prefixes already taken (``prefixes``) to reuse across cut-offs; by default
    they are taken every ``every``-th working day from the log's start (after a warm-up).
    """
    if table is None:
        start = log.calendar.add_working_days(pd.Series([log.cases["received_at"].min()]),
                                              np.array([WARM_UP_DAYS]))[0]
        table = prefixes(log, working_moments(log, start, cutoff, every))
    rows = labelled(log, table, cutoff)
    n_late = int(rows["late"].sum()) if len(rows) else 0
    if n_late < MIN_LATE or n_late == len(rows):
        raise DossierflowError(
            f"the log holds {n_late} late dossiers among {len(rows)} known before "
            f"{moment(cutoff, log.calendar.timezone):%d/%m/%Y %H:%M}: too few to learn from.",
            fix="choose a later moment, or a log with due dates and several months of history.")
    encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan,
                             encoded_missing_value=np.nan, max_categories=250)
    encoder.fit(rows[list(CATEGORICAL)].astype(object).where(rows[list(CATEGORICAL)].notna(),
                                                             None))
    reference = _reference(rows)
    model = RiskModel(pd.Timestamp(cutoff), encoder, None, {}, reference, len(rows), n_late)
    # one thread: on a shared machine more threads than free cores make boosting crawl
    with threadpool_limits(1):
        _fit(model, rows, seed)
    return model


def _fit(model: RiskModel, rows: pd.DataFrame, seed: int) -> None:
    """Fit the classifier on every labelled prefix, the regressors on those with a result."""
    x = model.matrix(rows)
    model.blank = tuple(int(i) for i in np.flatnonzero(np.isnan(x).all(axis=0)))
    x[:, list(model.blank)] = 0.0
    categorical = np.arange(len(CATEGORICAL))
    model.classifier = HistGradientBoostingClassifier(
        categorical_features=categorical, learning_rate=0.05, max_iter=300,
        l2_regularization=1.0, min_samples_leaf=40, random_state=seed,
        monotonic_cst=[MONOTONIC.get(f, 0) for f in FEATURES]).fit(x, rows["late"])
    done = rows["days_to_result"].notna().to_numpy()
    for q in QUANTILES:
        model.finish[q] = HistGradientBoostingRegressor(
            loss="quantile", quantile=q, categorical_features=categorical, max_iter=150,
            random_state=seed).fit(x[done], rows["days_to_result"].to_numpy()[done])


def _reference(rows: pd.DataFrame) -> pd.DataFrame:
    """The typical value of each feature: the median of a number, the commonest category."""
    values = {f: rows[f].mode(dropna=True).iloc[0] if f in CATEGORICAL and rows[f].notna().any()
              else rows[f].median() if f in NUMERIC else None for f in FEATURES}
    return pd.DataFrame([values])

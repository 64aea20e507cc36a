"""How well the risk model warns, measured honestly: trained before a cut-off, tested on the
dossiers open at the working days after it (their outcome read from the whole log), against
the rule one-stop systems use, "due within N working days" (riskiest = least time left).

Per cut-off: ROC AUC and Brier score over every test prefix; precision and recall among the
top ``k`` of each day's list, averaged over the days; the median working days between the
first day a late dossier enters the top ``k`` and its due date; calibration bins.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import brier_score_loss, roc_auc_score

from dossierflow.mining.log.analysis_table import AnalysisLog
from dossierflow.mining.predict.risk_model import (
    WARM_UP_DAYS,
    RiskModel,
    prefixes,
    train,
    working_moments,
)
from dossierflow.mining.predict.snapshot import moment

TOP_K = 100
TEST_DAYS = 20  # working days tested after each cut-off
RULE_DAYS = 2  # the rule's "due within N working days"
BINS = 10


def held_out_prefixes(log: AnalysisLog, table: pd.DataFrame, cutoff,
                  days: int = TEST_DAYS) -> pd.DataFrame:
    """The prefixes of the ``days`` working days after ``cutoff`` whose outcome the whole log
    knows (class early, on time or late), with ``late`` (0/1)."""
    t = moment(cutoff, log.calendar.timezone)
    end = log.calendar.add_working_days(pd.Series([t]), np.array([days]))[0]
    rows = table.loc[(table["moment"] >= t) & (table["moment"] < end)]
    klass = log.cases.set_index("case_id")["on_time_class"].reindex(rows.index)
    known = klass.isin(["early", "on_time", "late"]).to_numpy()
    return rows.loc[known].assign(late=(klass[known] == "late").to_numpy().astype(int))


def rule_score(rows: pd.DataFrame) -> np.ndarray:
    """The "due soon" rule as a score: the fewer working days left, the riskier."""
    return -rows["left_days"].to_numpy(dtype=float)


def scores(rows: pd.DataFrame, score: np.ndarray, k: int = TOP_K) -> dict[str, float]:
    """ROC AUC, precision and recall among each day's top ``k`` (averaged over the days),
    and the median working days of warning before the due date, of one score."""
    y = rows["late"].to_numpy()
    auc = roc_auc_score(y, score) if 0 < y.sum() < len(y) else np.nan
    ranked = rows.assign(score=score).sort_values(["moment", "score"], ascending=[True, False])
    top = ranked.groupby("moment", sort=False).head(k)
    per_day = top.groupby("moment")["late"].agg(["sum", "size"])
    positives = rows.groupby("moment")["late"].sum().reindex(per_day.index)
    recall = (per_day["sum"] / positives.where(positives > 0)).mean()
    first_warned = top.loc[top["late"] == 1].groupby(level=0)["left_days"].max()
    return {"roc_auc": float(auc), "precision_at_k": float((per_day["sum"] / k).mean()),
            "recall_at_k": float(recall),
            "warning_days": float(first_warned.median()) if len(first_warned) else np.nan}


def calibration(rows: pd.DataFrame, risk: np.ndarray, bins: int = BINS) -> pd.DataFrame:
    """Predicted against observed late share per risk decile: ``bin``, ``n``,
    ``predicted`` (mean risk) and ``observed`` (late share)."""
    edges = np.unique(np.quantile(risk, np.linspace(0, 1, bins + 1)))
    which = np.clip(np.searchsorted(edges, risk, side="right") - 1, 0, len(edges) - 2)
    frame = pd.DataFrame({"bin": which, "predicted": risk, "observed": rows["late"].to_numpy()})
    out = frame.groupby("bin").agg(n=("observed", "size"), predicted=("predicted", "mean"),
                                   observed=("observed", "mean"))
    return out.reset_index()


def evaluate(log: AnalysisLog, cutoffs: list | None = None, *, every: int = 1,
             k: int = TOP_K, test_days: int = TEST_DAYS) -> pd.DataFrame:
    """The temporal evaluation at each cut-off (by default at 50 %, 65 % and 80 % of the
    log's span): one row per cut-off and scorer (``model``, ``rule``) with ``n_prefixes``,
    ``n_late``, ``roc_auc``, ``precision_at_k``, ``recall_at_k``, ``warning_days``,
    ``brier`` (the rule: NaN) and, for the model, ``n_train`` and ``n_train_late``."""
    cal = log.calendar
    first, last = log.cases["received_at"].min(), log.events["timestamp"].max()
    if cutoffs is None:
        cutoffs = [first + (last - first) * share for share in (0.5, 0.65, 0.8)]
    cutoffs = [moment(c, cal.timezone) for c in cutoffs]
    start = cal.add_working_days(pd.Series([first]), np.array([WARM_UP_DAYS]))[0]
    stop = cal.add_working_days(pd.Series([max(cutoffs)]), np.array([test_days]))[0]
    table = prefixes(log, working_moments(log, start, min(stop, last), every))
    rows = []
    for cutoff in cutoffs:
        model = train(log, cutoff, table=table)
        test = held_out_prefixes(log, table, cutoff, test_days)
        if test.empty:
            continue
        rows += _rows(model, test, cutoff, k)
    return pd.DataFrame(rows)


def _rows(model: RiskModel, test: pd.DataFrame, cutoff, k: int) -> list[dict]:
    risk = model.risk(test)
    common = {"cutoff": cutoff, "n_prefixes": len(test), "n_late": int(test["late"].sum())}
    return [{**common, "scorer": "model", **scores(test, risk, k),
             "brier": brier_score_loss(test["late"], risk), "n_train": model.n_prefixes,
             "n_train_late": model.n_late},
            {**common, "scorer": "rule", **scores(test, rule_score(test), k), "brier": np.nan}]

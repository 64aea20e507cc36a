"""The simulation behind the Scenarios and Proposals pages, cached by the workspace key of
``dossierflow.app.state.log_key`` (a new key for every import): the model discovered from the
open log, the default horizon, and the proposals, 5 tại chỗ candidates and backtest of the log.

The proposals and the backtest report their progress to a bar of the page, which
``st.cache_data`` cannot replay; they are kept in a store of their own, shared by the sessions
(the ``KEPT`` latest answers), and a kept answer reports no progress.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app import model_learning
from dossierflow.mining.log.log_view import LogView
from dossierflow.simulation import asis
from dossierflow.simulation.backtest import backtest
from dossierflow.simulation.discovery.discover_model import Discovery
from dossierflow.simulation.five_on_spot_candidates import five_on_spot_candidates
from dossierflow.simulation.model import Model
from dossierflow.simulation.proposals import time_cut_proposals

HORIZON_MONTHS = 6
# dossiers one simulation run may hold by default: the engine does ~3,000 a second, so a
# baseline and a scenario of 2 replications stay well under a minute on any log
RUN_BUDGET = 12_000
MIN_HORIZON_DAYS = 14
# worker processes of an experiment (1 runs in the app's own process)
WORKERS = min(2, os.cpu_count() or 1)
CACHE = {"show_spinner": False, "max_entries": 16}
KEPT = 16
_KEPT_LOCK = threading.Lock()


def discovery(key: str) -> Discovery:
    """The model learnt from the dossiers the log received in its last year: once per
    workspace, in the background (``model_learning``), waiting for it if under way."""
    return model_learning.learnt(key)


def default_horizon(model: Model, end: pd.Timestamp) -> tuple[dt.date, dt.date]:
    """First and last day (inclusive) of the default simulated period: the ``HORIZON_MONTHS``
    before ``end`` (exclusive), shortened so that a run holds about ``RUN_BUDGET``
    dossiers."""
    per_day = sum(p.arrivals.per_working_day for p in model.procedures) * 5 / 7
    last = (pd.Timestamp(end) - pd.Timedelta(days=1)).date()
    months = last - (pd.Timestamp(last) - pd.DateOffset(months=HORIZON_MONTHS)).date()
    days = min(months.days, max(MIN_HORIZON_DAYS, int(RUN_BUDGET / max(per_day, 1e-9))))
    return last - dt.timedelta(days=days - 1), last


@st.cache_resource(show_spinner=False)
def _answers() -> dict:
    """The store of ``_kept``: (question, arguments) → answer."""
    return {}


def _kept(question: str, args: tuple, compute: Callable[[], Any]) -> Any:
    """The kept answer to ``question`` with ``args``, else ``compute()``'s, then kept."""
    store = _answers()
    with _KEPT_LOCK:
        if (question, args) in store:
            return store[question, args]
    answer = compute()
    with _KEPT_LOCK:
        store[question, args] = answer
        while len(store) > KEPT:
            store.pop(next(iter(store)))
    return answer


@st.cache_resource(show_spinner=False, max_entries=16)
def check_basis(key: str, start: dt.date, end: dt.date) -> asis.Basis:
    """What the model's runs over [start, end] (inclusive days) are checked against: the
    log's own figures of that period."""
    with cm._LOCK:
        log = cm.workspace(key).to_analysis_log()
    return asis.basis(log, start, end + dt.timedelta(days=1))


def cut_proposals(key: str, start: dt.date, end: dt.date, replications: int, seed: int,
                  target: float, progress: Callable[[float], None] | None = None
                  ) -> pd.DataFrame:
    """``time_cut_proposals`` of the discovered model over [start, end] (inclusive days),
    with the as-is check of its runs in ``attrs["asis"]``."""
    return _kept("cut_proposals", (key, start, end, replications, seed, target),
                 lambda: time_cut_proposals(
                     discovery(key).model, start=start, end=end + dt.timedelta(days=1),
                     replications=replications, seed=seed, target=target, workers=WORKERS,
                     check=check_basis(key, start, end), progress=progress))


@st.cache_data(**CACHE)
def candidates(key: str, lang: str) -> pd.DataFrame:
    """``five_on_spot_candidates`` of the whole log, reasons in ``lang``."""
    with cm._LOCK:
        return five_on_spot_candidates(LogView.of_workspace(cm.workspace(key)), lang=lang)


def track_record(key: str, limit: int, replications: int, seed: int,
                 progress: Callable[[float], None] | None = None
                 ) -> tuple[pd.DataFrame, dict, list[str]]:
    """The backtest of the log's past reforms: its table, its summary and the reforms it
    could not replay (with why)."""
    def compute():
        with cm._LOCK:
            log = cm.workspace(key).to_analysis_log()
        result = backtest(log, limit=limit, replications=replications, seed=seed,
                          progress=progress)
        return result.table, result.summary(), result.skipped
    return _kept("track_record", (key, limit, replications, seed), compute)

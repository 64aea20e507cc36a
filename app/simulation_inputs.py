"""What the simulation pages share: the model discovered from the open log (with the
assumptions it had to make), the names of its procedures ("name (code)"), the inputs of a run
(period, replications, seed) and the log's own figures over the simulated period."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app import cached_simulation as cs
from dossierflow.app import model_learning
from dossierflow.app.errors import show_error
from dossierflow.app.formats import (
    DATE_INPUT,
    fmt_date,
    fmt_duration,
    fmt_number,
    fmt_percent,
)
from dossierflow.app.i18n import t
from dossierflow.app.url_widgets import KEEP
from dossierflow.app.value_labels import procedure_label
from dossierflow.mining.vocabulary import TZ
from dossierflow.simulation.asis import log_figures
from dossierflow.simulation.discovery.discover_model import Discovery
from dossierflow.simulation.model import Model


def discovered_model(key: str, lang: str) -> Discovery:
    """The open log's model, with where it was learnt from and its notes; a message in the
    user's language (and stop) when it cannot be learnt."""
    state = model_learning.learning(key)
    if state.error is not None:
        model_learning.forget(key)
        show_error(model_learning.failure(state.error), lang, "discovery_failed")
        st.stop()
    if state.found is None:
        _learning_progress(key, lang)
        st.stop()
    found = state.found
    last = found.end - pd.Timedelta(days=1)
    st.caption(t("model_learnt", lang).format(n=fmt_number(found.cases, lang),
                                              start=fmt_date(found.start, lang),
                                              end=fmt_date(last, lang)))
    if found.notes:
        with st.expander(t("model_notes", lang).format(n=len(found.notes))):
            st.markdown("\n".join(f"- {note}" for note in found.notes))
    return found


@st.fragment(run_every=1.0)
def _learning_progress(key: str, lang: str) -> None:
    """The progress of the model's learning, with an estimate of the time left; the page
    again once it is learnt."""
    state = model_learning.learning(key)
    if state.found is not None or state.error is not None:
        st.rerun()
    if state.queued:
        st.info(t("model_queued", lang))
        return
    left = t("model_left_unknown", lang) if state.left is None else \
        t("model_left", lang).format(time=fmt_duration(state.left, lang))
    st.progress(min(state.share, 1.0), text=t("model_learning", lang).format(
        share=fmt_percent(100 * state.share, lang, 0), left=left))
    st.caption(t("model_learning_once", lang))


def procedure_names(model: Model, lang: str) -> dict[str, str]:
    """Each procedure id of the log (in the model's order) → "name (code)": the catalogue's
    name in ``lang``, else the name the log gives."""
    out: dict[str, str] = {}
    for p in model.procedures:
        out.setdefault(p.output_id, procedure_label(p.output_id, lang, p.name))
    return out


def run_inputs(where, found: Discovery, lang: str, prefix: str
               ) -> tuple[dt.date, dt.date, int, int]:
    """First and last simulated day (inclusive), replications and seed, in four columns of
    ``where``; keys start with ``prefix``."""
    first, last = cs.default_horizon(found.model, found.end)
    c1, c2, c3, c4 = where.columns(4)
    start = c1.date_input(t("horizon_from", lang), value=first, key=f"{prefix}_from",
                          format=DATE_INPUT[lang], help=t("horizon_help", lang), **KEEP)
    end = c2.date_input(t("horizon_to", lang), value=last, key=f"{prefix}_to",
                        format=DATE_INPUT[lang], **KEEP)
    replications = c3.number_input(t("replications", lang), 2, 50, 5, 1,
                                   key=f"{prefix}_replications",
                                   help=t("replications_help", lang), **KEEP)
    seed = c4.number_input(t("seed", lang), 0, 2**31 - 1, 0, 1, key=f"{prefix}_seed", **KEEP)
    return start, end, int(replications), int(seed)


def show_progress(bar, share: float, lang: str) -> None:
    """Move the progress ``bar`` of a simulation to ``share`` (0–1)."""
    bar.progress(share, text=t("simulating", lang).format(
        share=fmt_percent(100 * share, lang, 0)))


@st.cache_data(show_spinner=False, max_entries=16)
def observed_figures(key: str, start: dt.date, end: dt.date, procedures: tuple[str, ...]
                     ) -> dict[tuple[str, str], float]:
    """The log's figures (``asis.log_figures``) of its dossiers received from ``start`` to
    ``end`` (inclusive days), of ``procedures`` (empty: every one): what a run over that
    period is set beside."""
    with cm._LOCK:
        log = cm.workspace(key).to_analysis_log()
    if procedures:
        kept = log.cases["procedure_id"].astype(str).isin(procedures)
        log = dataclasses.replace(log, cases=log.cases.loc[kept])
    lo = pd.Timestamp(start).tz_localize(TZ)
    return log_figures(log, lo, pd.Timestamp(end + dt.timedelta(days=1)).tz_localize(TZ))

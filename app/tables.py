"""Tables on the pages: formatted in the user's language, long ones cut to their first rows
(with a note) so that a page stays quick, and personal data pseudonymised.

Personal columns (``datasets/personal_fields.csv``) become pseudonyms (``psn_`` and 16 hex
digits, ``dossierflow.mining.export.pseudonymise``), and phone, CCCD numbers and e-mail
addresses inside other text are replaced by theirs, in what a table shows and so in what its
download icon writes, unless the user turns on the switch of ``personal_switch`` (kept for the
session, never in the URL). The key is ``$DOSSIERFLOW_PSEUDONYM_KEY``'s when it is set and
usable (the pseudonyms of an export under that key), else a random one per app process.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

import pandas as pd
import streamlit as st

from dossierflow.app.formats import fmt_number, styled
from dossierflow.app.i18n import LABELS, t
from dossierflow.app.url_widgets import KEEP
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.export.pseudonymise import PseudonymKey, pseudonym_key, pseudonymise

ROWS = 200
IN_CLEAR = "personal_in_clear"
# identifiers and names of steps: never scrubbed for numbers inside their text
IDENTIFIERS = ("case_id", "procedure_id", "activity", "variant")


@st.cache_resource(show_spinner=False)
def _display_key() -> PseudonymKey:
    """The key of the pseudonyms the app shows."""
    try:
        return pseudonym_key()
    except DossierflowError:  # a key too short: the Export page says so when it is used
        return PseudonymKey(secrets.token_bytes(32), "random")


def in_clear() -> bool:
    """Whether the user chose to see personal data in clear."""
    return bool(st.session_state.get(IN_CLEAR, False))


def protect(frame: pd.DataFrame) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """``frame`` as the app may show it, and the columns whose values were replaced."""
    if in_clear():
        return frame, ()
    out, done = pseudonymise(frame, _display_key(), protected=IDENTIFIERS)
    replaced = done.columns + done.scrubbed_columns
    # the columns left as they were keep their types, so numbers and times stay formatted
    kept = [c for c in frame.columns if c not in replaced]
    out[kept] = frame[kept]
    return out, replaced


def personal_switch(where, lang: str) -> bool:
    """The switch that shows personal data in clear in every table; True when on."""
    on = where.toggle(t("personal_in_clear", lang), key=IN_CLEAR, help=t("personal_help", lang),
                      **KEEP)
    if on:
        where.warning(t("personal_shown", lang))
    return on


def show_table(frame: pd.DataFrame, lang: str, *, limit: int = ROWS, where=st,
               colour: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
               **kwargs) -> None:
    """``frame`` as a formatted dataframe (``styled``'s keywords), first ``limit`` rows,
    personal data protected (``protect``); ``colour`` gives the cells' CSS (a frame of the
    same shape, before the headers are renamed); a column without a label in ``labels`` is
    headed by its ``col_<name>`` label when there is one."""
    kwargs["labels"] = {**{c: t(f"col_{c}", lang) for c in frame.columns
                           if f"col_{c}" in LABELS}, **(kwargs.get("labels") or {})}
    shown, replaced = protect(frame.head(limit))
    table = styled(shown, lang, **kwargs)
    if colour is not None:
        table = table.apply(lambda _: colour(shown).set_axis(table.data.columns, axis=1),
                            axis=None)
    where.dataframe(table, hide_index=True)
    if len(frame) > limit:
        where.caption(t("rows_shown", lang).format(shown=fmt_number(limit, lang),
                                                   total=fmt_number(len(frame), lang)))
    if replaced:
        labels = kwargs.get("labels") or {}
        where.caption(t("personal_hidden", lang).format(
            columns=", ".join(labels.get(c, c) for c in replaced)))

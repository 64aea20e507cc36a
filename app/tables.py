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

import pandas as pd
import streamlit as st

from dossierflow.app.formats import fmt_number, styled
from dossierflow.app.i18n import t
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
    return out, done.columns + done.scrubbed_columns


def personal_switch(where, lang: str) -> bool:
    """The switch that shows personal data in clear in every table; True when on."""
    on = where.toggle(t("personal_in_clear", lang), key=IN_CLEAR, help=t("personal_help", lang),
                      **KEEP)
    if on:
        where.warning(t("personal_shown", lang))
    return on


def show_table(frame: pd.DataFrame, lang: str, *, limit: int = ROWS, where=st, **kwargs) -> None:
    """``frame`` as a formatted dataframe (``styled``'s keywords), first ``limit`` rows,
    personal data protected (``protect``)."""
    shown, replaced = protect(frame.head(limit))
    where.dataframe(styled(shown, lang, **kwargs), hide_index=True)
    if len(frame) > limit:
        where.caption(t("rows_shown", lang).format(shown=fmt_number(limit, lang),
                                                   total=fmt_number(len(frame), lang)))
    if replaced:
        labels = kwargs.get("labels") or {}
        where.caption(t("personal_hidden", lang).format(
            columns=", ".join(labels.get(c, c) for c in replaced)))

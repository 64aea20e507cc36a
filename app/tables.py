"""Tables on the pages: formatted in the user's language, long ones cut to their first rows
(with a note) so that a page stays quick."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dossierflow.app.formats import fmt_number, styled
from dossierflow.app.i18n import t

ROWS = 200


def show_table(frame: pd.DataFrame, lang: str, *, limit: int = ROWS, where=st, **kwargs) -> None:
    """``frame`` as a formatted dataframe (``styled``'s keywords), first ``limit`` rows."""
    where.dataframe(styled(frame.head(limit), lang, **kwargs), hide_index=True)
    if len(frame) > limit:
        where.caption(t("rows_shown", lang).format(shown=fmt_number(limit, lang),
                                                   total=fmt_number(len(frame), lang)))

"""Display names of the values dossiers are filtered and grouped by, in vi or en: agencies
and procedures from the bundled catalogue, activities from the vocabulary, channels, models
and on-time classes from the app's labels. Unknown values are shown as they are."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from dossierflow.app.i18n import t
from dossierflow.mining.vocabulary import DATASETS_DIR, activity_label

CATALOGUE = DATASETS_DIR / "catalogue"
KEYED = {"channel": "channel_", "model": "model_", "on_time_class": "on_time_"}


@lru_cache(maxsize=2)
def _catalogue(name: str) -> pd.DataFrame:
    path = CATALOGUE / f"{name}.csv"
    if not path.is_file():
        return pd.DataFrame(columns=["id", "name_vi", "name_en"]).set_index("id")
    key = "agency_id" if name == "agencies" else "procedure_id"
    return pd.read_csv(path, dtype=str).drop_duplicates(key).set_index(key)


def value_label(column: str, value, lang: str) -> str:
    """How ``value`` of the case column ``column`` (or ``activity``) is shown."""
    text = str(value)
    if column == "activity":
        return activity_label(text, lang)
    if column in KEYED:
        try:
            return t(KEYED[column] + text, lang)
        except KeyError:
            return text
    if column in ("agency", "procedure_id"):
        table = _catalogue("agencies" if column == "agency" else "procedures")
        if text in table.index:
            name = table.at[text, f"name_{lang}"]
            return f"{text} — {name}" if column == "procedure_id" else name
    return text

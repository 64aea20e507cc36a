"""Display names of the values dossiers are filtered and grouped by, in vi or en: agencies
and procedures from the bundled catalogue (else the name the log gives), activities from the
vocabulary, channels, models and on-time classes from the app's labels. A procedure is shown
as "name (code)"; a missing value as "(không rõ)" / "(unknown)"; other values as they are."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import pandas as pd

from dossierflow.app.i18n import t
from dossierflow.mining.vocabulary import DATASETS_DIR, activity_label

CATALOGUE = DATASETS_DIR / "catalogue"
KEYED = {"channel": "channel_", "model": "model_", "on_time_class": "on_time_"}
# what a missing value (None, NaN, empty) is read as when it comes as text
MISSING_TEXTS = frozenset({"", "nan", "none", "<na>", "nat", "null"})


@lru_cache(maxsize=2)
def _catalogue(name: str) -> pd.DataFrame:
    path = CATALOGUE / f"{name}.csv"
    if not path.is_file():
        return pd.DataFrame(columns=["id", "name_vi", "name_en"]).set_index("id")
    key = "agency_id" if name == "agencies" else "procedure_id"
    return pd.read_csv(path, dtype=str).drop_duplicates(key).set_index(key)


def is_missing(value) -> bool:
    """Whether ``value`` stands for nothing recorded (None, NaN, '', 'nan')."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    return str(value).strip().lower() in MISSING_TEXTS


def fold(text: str) -> str:
    """``text`` for a search that ignores case and accents: 'Đất đai' → 'dat dai'."""
    plain = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def matches(text: str, query: str) -> bool:
    """Whether every word of ``query`` is in ``text``, ignoring case and accents."""
    folded = fold(text)
    return all(word in folded for word in fold(query).split())


def catalogue_name(column: str, value, lang: str) -> str | None:
    """The catalogue's name of an agency or procedure id in ``lang`` (None: not listed)."""
    table = _catalogue("agencies" if column == "agency" else "procedures")
    text = str(value)
    return str(table.at[text, f"name_{lang}"]) if text in table.index else None


def procedure_label(value, lang: str, name: str | None = None) -> str:
    """A procedure as "name (code)": the catalogue's name, else ``name`` (the log's); the
    code alone without a name, the name alone when the log names it by its name."""
    code = str(value)
    named = catalogue_name("procedure_id", code, lang) or (name or "").strip()
    if not named or named == code:
        return code
    return unicodedata.normalize("NFC", f"{named} ({code})")


def value_label(column: str, value, lang: str) -> str:
    """How ``value`` of the case column ``column`` (or ``activity``) is shown."""
    if is_missing(value):
        return t("unknown_value", lang)
    text = str(value)
    if column == "activity":
        return activity_label(text, lang)
    if column in KEYED:
        try:
            return t(KEYED[column] + text, lang)
        except KeyError:
            return text
    if column == "procedure_id":
        return procedure_label(text, lang)
    if column == "agency":
        return catalogue_name("agency", text, lang) or text
    return text


def pool_part(kind: str, value, lang: str) -> str:
    """An agency or role of a staff pool: the label of a default the model gave ('centre',
    'staff'), else the agency's name or the role as it is."""
    try:
        return t(f"pool_{kind}_{value}", lang)
    except KeyError:
        return value_label("agency", value, lang) if kind == "agency" else str(value)


def pool_label(pool_id: str, lang: str) -> str:
    """A staff pool ``agency.role[.activity]`` as "agency — role (activity)"."""
    parts = str(pool_id).split(".", 2)
    if len(parts) < 2:
        return str(pool_id)
    text = f"{pool_part('agency', parts[0], lang)} — {pool_part('role', parts[1], lang)}"
    return text + (f" ({activity_label(parts[2], lang)})" if len(parts) == 3 else "")

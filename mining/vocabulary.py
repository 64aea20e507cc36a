"""The bilingual vocabulary of datasets/vocabulary: activity ids, channels, handling models,
statuses; and the constants every part of dossierflow shares (time zone, data folder, the
process map's start and end markers)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal, get_args

import pandas as pd

from dossierflow.mining.io.columns import normalise_name

DATASETS_DIR = Path(__file__).resolve().parents[1] / "datasets"
VOCABULARY_DIR = DATASETS_DIR / "vocabulary"
# where dossierflow's times live (docs/domain.md §1): every instant is converted to this zone
TZ = "Asia/Ho_Chi_Minh"
# whose public holidays are days off by default (a country code of the ``holidays`` package)
COUNTRY = "VN"
# the start and end markers of a drawn process map (Disco's ▶ and ■)
MAP_START, MAP_END = "▶", "■"
# the display languages: Vietnamese (the default) and English
Lang = Literal["vi", "en"]
# the channel ids of channels.csv: how a dossier was filed. A log's "online" (ONLINE_UNSPECIFIED)
# is an online dossier whose log does not tell whether fully or partly online.
Channel = Literal["in_person", "online_full", "online_partial", "public_postal"]
CHANNELS: tuple[Channel, ...] = get_args(Channel)
ONLINE_CHANNELS: tuple[Channel, ...] = ("online_full", "online_partial")
ONLINE_UNSPECIFIED = "online"
# the handling-model ids of models.csv: sent on to the agency (transfer), decided at the centre
# (5, 4 or 3 tại chỗ), or passed between agencies (liên thông)
TRANSFER, FIVE_ON_SPOT = "transfer", "five_on_spot"
HANDLING_MODELS = (TRANSFER, FIVE_ON_SPOT, "four_on_spot", "three_on_spot", "inter_agency")
# the on-time verdicts one-stop systems export (Kết quả) and the on-time classes they name
ON_TIME_VERDICTS = {"trước hạn": "early", "sớm hạn": "early", "đúng hạn": "on_time",
                    "trễ hạn": "late", "quá hạn": "late", "early": "early",
                    "on time": "on_time", "late": "late"}


@cache
def _table(name: str) -> pd.DataFrame:
    return pd.read_csv(VOCABULARY_DIR / name, dtype=str, keep_default_na=False)


@cache
def activities() -> pd.DataFrame:
    """Activity ids with their Vietnamese and English labels."""
    return _table("activities.csv").set_index("activity_id")


@cache
def _activity_lookup() -> dict[str, str]:
    table = activities()
    lookup = {normalise_name(i): i for i in table.index}
    for column in ("label_vi", "label_en"):
        lookup.update({normalise_name(v): i for i, v in table[column].items()})
    aliases = _table("activity_aliases.csv")
    lookup.update({normalise_name(a): i for a, i in zip(aliases.alias, aliases.activity_id)})
    return lookup


def _map_values(values: pd.Series, lookup: dict[str, str]) -> pd.Series:
    """Map each distinct value once (fast on millions of rows with few distinct values)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = pd.array([lookup.get(normalise_name(v)) for v in uniques] + [None],
                      dtype="string")
    return pd.Series(mapped[codes], index=values.index)  # code -1 (missing) takes the last


def activity_ids(labels: pd.Series) -> tuple[pd.Series, int]:
    """Replace known Vietnamese/English activity labels by their ids; others stay as given.

    Returns the new labels and how many distinct labels were recognised.
    """
    mapped = _map_values(labels, _activity_lookup())
    recognised = int(mapped.dropna().nunique())
    return mapped.fillna(labels.astype("string")), recognised


def activity_label(activity_id: str, lang: Lang = "vi") -> str:
    """The display label of an activity id in 'vi' or 'en' (the id itself when unknown)."""
    table = activities()
    if activity_id in table.index:
        return table.at[activity_id, f"label_{lang}"]
    return activity_id


def channels(values: pd.Series) -> pd.Series:
    """Normalise channel values (KenhThucHien codes, Vietnamese or English names)."""
    table = _table("channels.csv")
    return _map_values(values, {normalise_name(a): c for a, c in zip(table.alias, table.channel)})


def statuses(values: pd.Series) -> pd.Series:
    """Normalise dossier statuses (TrangThaiHoSo codes, Vietnamese names) to status ids."""
    table = _table("statuses.csv")
    lookup = {normalise_name(c): s for c, s in zip(table.code, table.status_id)}
    lookup.update({normalise_name(v): s for v, s in zip(table.label_vi, table.status_id)})
    lookup.update({normalise_name(v): s for v, s in zip(table.status_id, table.status_id)})
    aliases = _table("status_aliases.csv")
    lookup.update({normalise_name(a): s for a, s in zip(aliases.alias, aliases.status_id)})
    return _map_values(values, lookup)


def models(values: pd.Series) -> pd.Series:
    """Normalise the handling model ('5 tại chỗ', 'Chuyển sở', …) to model ids."""
    table = _table("models.csv")
    lookup = {normalise_name(a): m for a, m in zip(table.alias, table.model, strict=True)}
    return _map_values(values, lookup)


def on_time_verdicts(values: pd.Series) -> pd.Series:
    """Normalise a system's own verdicts (Trước hạn / Đúng hạn / Trễ hạn) to on-time classes."""
    return _map_values(values, {normalise_name(v): c for v, c in ON_TIME_VERDICTS.items()})

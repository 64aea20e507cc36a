"""The vocabulary's constants agree with its tables; channel and model names become ids."""

from __future__ import annotations

import pandas as pd

from dossierflow.mining import vocabulary as v


def test_constants_name_the_ids_of_the_tables():
    channels = set(pd.read_csv(v.VOCABULARY_DIR / "channels.csv", dtype=str).channel)
    assert channels == {*v.CHANNELS, v.ONLINE_UNSPECIFIED}
    assert set(v.ONLINE_CHANNELS) < set(v.CHANNELS)
    models = pd.read_csv(v.VOCABULARY_DIR / "models.csv", dtype=str).model
    assert set(models) == set(v.HANDLING_MODELS) and {v.TRANSFER, v.FIVE_ON_SPOT} < set(models)


def test_channel_and_model_names_become_ids():
    channels = v.channels(pd.Series(["Trực tuyến toàn trình", "2", "Bưu chính", "fax"]))
    assert channels.fillna("?").tolist() == ["online_full", "online", "public_postal", "?"]
    names = pd.Series(["5 tại chỗ", "Chuyển sở", "LIÊN THÔNG", "4 tai cho", "other", None])
    assert v.models(names).fillna("?").tolist() == ["five_on_spot", "transfer", "inter_agency",
                                                    "four_on_spot", "?", "?"]

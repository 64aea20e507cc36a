"""Labels of the app in Vietnamese (default) and English, kept as data in labels.tsv."""

from __future__ import annotations

import csv
from pathlib import Path

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}

LABELS_FILE = Path(__file__).with_name("labels.tsv")


def _read_labels(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")),
                              delimiter="\t", quoting=csv.QUOTE_NONE)
        return {row["key"]: {"vi": row["vi"], "en": row["en"]} for row in rows}


LABELS = _read_labels(LABELS_FILE)


def t(key: str, lang: str) -> str:
    """The label ``key`` in ``lang`` ('vi' or 'en')."""
    return LABELS[key][lang]


def reason_text(reason: str, lang: str, missing_columns: str = "") -> str:
    """A reason code mining gives (a scorecard's ``reason`` with its ``missing_columns``, why
    a dossier was late) in ``lang``; empty text for no reason."""
    if not reason:
        return ""
    names = (" hoặc " if lang == "vi" else " or ").join(
        f"'{n}'" for n in missing_columns.split(", ") if n)
    return t(f"reason_{reason}", lang).format(columns=names)

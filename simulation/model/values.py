"""Values written in a model: ISO dates, dated points (ISO date → value) and ids."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

import numpy as np

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: Any) -> np.datetime64 | None:
    """The ISO date ``text`` as a ``datetime64[D]``, or None when it is not one."""
    if not isinstance(text, str):
        return None
    return _parse_day(text)


@lru_cache(maxsize=4096)
def _parse_day(text: str) -> np.datetime64 | None:
    if not _ISO_DAY.fullmatch(text.strip()):
        return None
    try:
        return np.datetime64(text.strip(), "D")
    except ValueError:
        return None


def interpolate_points(points: dict[str, float], days: np.ndarray) -> np.ndarray:
    """Values of dated ``points`` (ISO date → value) on ``days`` (``datetime64[D]``): linear
    between points, constant before the first and after the last."""
    xs = np.array([_parse_day(k) for k in points], dtype="datetime64[D]").astype(np.int64)
    ys = np.array(list(points.values()), dtype=float)
    order = np.argsort(xs, kind="stable")
    return np.interp(np.asarray(days, dtype="datetime64[D]").astype(np.int64), xs[order],
                     ys[order])


def ident(text: str) -> str:
    """``text`` as a model id: accents dropped, other characters than letters, digits, '_',
    '.' and '-' replaced by '_' (``Sở Tư pháp`` → ``So_Tu_phap``)."""
    plain = unicodedata.normalize("NFKD", str(text).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = re.sub(r"[^A-Za-z0-9_.\-]+", "_", plain).strip("_.-")
    return plain or "x"

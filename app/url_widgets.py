"""Widgets whose values live in the URL: each starts from its query parameter (the widget's
key) when there is one, keeps its value across pages, and writes it back, so that the
address of a view restores it (``?agency=DEPT_HOME&from=2023-01-01&overlay=performance``).

Values are written as they are, not as shown, so a link opens the same view in either
language; a value at its default is left out of the URL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

KEEP = {"persist_state": "session"}


def _raw(key: str) -> list[str]:
    return st.query_params.get_all(key)


def _write(key: str, value, default) -> None:
    if value is None or value == default or (isinstance(value, (list, tuple)) and not value):
        if key in st.query_params:
            del st.query_params[key]
    elif isinstance(value, (list, tuple)):
        st.query_params[key] = [str(v) for v in value]
    elif isinstance(value, dt.date):
        st.query_params[key] = value.isoformat()
    else:
        st.query_params[key] = str(value)


def _among(text: str, options: Sequence):
    """The option written as ``text`` in the URL, or None."""
    return next((o for o in options if str(o) == text), None)


def multiselect(where, label: str, options: Sequence, *, key: str, **kwargs) -> list:
    """``st.multiselect`` of ``options`` (none chosen by default)."""
    chosen = [o for o in (_among(v, options) for v in _raw(key)) if o is not None]
    value = where.multiselect(label, options, default=chosen, key=key, **KEEP, **kwargs)
    _write(key, value, [])
    return value


def selectbox(where, label: str, options: Sequence, *, key: str, index: int | None = 0,
              **kwargs):
    """``st.selectbox``; ``index`` of the default option (None: nothing chosen)."""
    default = options[index] if index is not None and len(options) > index else None
    raw = _raw(key)
    found = _among(raw[-1], options) if raw else None
    start = found if found is not None else default
    value = where.selectbox(label, options, key=key, **KEEP, **kwargs,
                            index=None if start is None else list(options).index(start))
    _write(key, value, default)
    return value


def segmented(where, label: str, options: Sequence, *, key: str, **kwargs):
    """``st.segmented_control`` with one option always chosen (the first by default)."""
    raw = _raw(key)
    found = _among(raw[-1], options) if raw else None
    start = found if found is not None else options[0]
    value = where.segmented_control(label, options, default=start, required=True, key=key,
                                    **KEEP, **kwargs)
    _write(key, value, options[0])
    return value


def slider(where, label: str, low: float, high: float, default: float, step: float, *,
           key: str, **kwargs) -> float:
    """``st.slider`` of a number from ``low`` to ``high``."""
    start = default
    raw = _raw(key)
    if raw:
        try:
            start = min(max(float(raw[-1]), low), high)
        except ValueError:
            pass
    value = round(where.slider(label, low, high, start, step, key=key, **KEEP, **kwargs), 4)
    _write(key, value, default)
    return value


def date(where, label: str, *, key: str, low: dt.date | None, high: dt.date | None,
         **kwargs) -> dt.date | None:
    """``st.date_input`` of one day between ``low`` and ``high`` (none by default)."""
    start = None
    raw = _raw(key)
    if raw:
        try:
            start = dt.date.fromisoformat(raw[-1][:10])
        except ValueError:
            start = None
    if start is not None and ((low and start < low) or (high and start > high)):
        start = None
    value = where.date_input(label, value=start, min_value=low, max_value=high, key=key,
                             **KEEP, **kwargs)
    _write(key, value, None)
    return value


def toggle(where, label: str, *, key: str, **kwargs) -> bool:
    """``st.toggle``, off by default."""
    raw = _raw(key)
    value = where.toggle(label, value=bool(raw) and raw[-1] in ("1", "true", "True"), key=key,
                         **KEEP, **kwargs)
    _write(key, "1" if value else None, None)
    return value

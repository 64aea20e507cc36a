"""Widgets whose values live in the URL: each starts from its query parameter (the widget's
key) when there is one, keeps its value across pages, and writes it back, so that the
address of a view restores it (``?agency=DEPT_HOME&from=2023-01-01&overlay=performance``).

Values are written as they are, not as shown, so a link opens the same view in either
language; a value at its default is left out of the URL. What each widget last wrote is
also kept in the session, because a page switch drops the address's query: ``carry`` puts
the shared filters back on every page, so a link copied from any page holds them.

A value of the URL that matches no option (``?agency=NOPE``, ``?from=2030-01-01`` after the
log's last day) is not applied but kept in the URL while the widget is left alone, and
listed by ``unmatched`` so that the page can warn about it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import streamlit as st

KEEP = {"persist_state": "session"}
_WRITTEN = "_url_written"  # key -> the texts the widget last wrote to the URL
_UNMATCHED = "_url_unmatched"  # key -> the URL's texts that matched no option


def _session(name: str) -> dict:
    return st.session_state.setdefault(name, {})


def _raw(key: str) -> list[str]:
    """The URL's texts for ``key``, or, after a page switch emptied the query, those the
    widget last wrote."""
    if key in st.query_params:
        return st.query_params.get_all(key)
    return list(_session(_WRITTEN).get(key, []))


def _put(key: str, texts: list[str]) -> None:
    _session(_WRITTEN)[key] = texts
    if texts:
        st.query_params[key] = texts if len(texts) > 1 else texts[0]
    elif key in st.query_params:
        del st.query_params[key]


def _texts(value, default) -> list[str]:
    if value is None or value == default or (isinstance(value, (list, tuple)) and not value):
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if isinstance(value, dt.date):
        return [value.isoformat()]
    return [str(value)]


def _settle(key: str, value, default, *, start, unmatched: list[str]) -> None:
    """Write ``value``; the URL's ``unmatched`` texts stay while the widget still shows
    ``start``, the value the URL gave it."""
    notes = _session(_UNMATCHED)
    if unmatched and value == start:
        notes[key] = unmatched
        kept = _texts(value, default) if isinstance(value, (list, tuple)) else []
        _put(key, [*kept, *unmatched])
    else:
        notes.pop(key, None)
        _put(key, _texts(value, default))


def unmatched(keys: Iterable[str]) -> dict[str, list[str]]:
    """The URL's values of ``keys`` that matched no option in this run, by key."""
    notes = _session(_UNMATCHED)
    return {key: notes[key] for key in keys if notes.get(key)}


def carry(keys: Iterable[str]) -> None:
    """Put back into the URL the values of ``keys`` a page switch dropped from it."""
    written = _session(_WRITTEN)
    for key in keys:
        if key not in st.query_params and written.get(key):
            texts = written[key]
            st.query_params[key] = texts if len(texts) > 1 else texts[0]


def forget(keys: Iterable[str], defaults: dict) -> None:
    """Set the widgets of ``keys`` back to ``defaults`` (a key's value, None when absent)
    and drop them from the URL and from the session's memory of it (a button's callback)."""
    for key in keys:
        _session(_WRITTEN).pop(key, None)
        _session(_UNMATCHED).pop(key, None)
        if key in st.query_params:
            del st.query_params[key]
        if key in st.session_state or key in defaults:
            st.session_state[key] = defaults.get(key)


def _among(text: str, options: Sequence):
    """The option written as ``text`` in the URL, or None."""
    return next((o for o in options if str(o) == text), None)


def multiselect(where, label: str, options: Sequence, *, key: str, **kwargs) -> list:
    """``st.multiselect`` of ``options`` (none chosen by default)."""
    raw = _raw(key)
    chosen = [o for o in (_among(v, options) for v in raw) if o is not None]
    value = where.multiselect(label, options, default=chosen or None, key=key, **KEEP,
                              **kwargs)
    _settle(key, value, [], start=chosen,
            unmatched=[v for v in raw if _among(v, options) is None])
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
    _settle(key, value, default, start=start,
            unmatched=raw[-1:] if raw and found is None else [])
    return value


def segmented(where, label: str, options: Sequence, *, key: str, **kwargs):
    """``st.segmented_control`` with one option always chosen (the first by default)."""
    raw = _raw(key)
    found = _among(raw[-1], options) if raw else None
    start = found if found is not None else options[0]
    value = where.segmented_control(label, options, default=start, required=True, key=key,
                                    **KEEP, **kwargs)
    _settle(key, value, options[0], start=start,
            unmatched=raw[-1:] if raw and found is None else [])
    return value


def select_slider(where, label: str, options: Sequence[float], default: float, *, key: str,
                  **kwargs) -> float:
    """``st.select_slider`` of numbers (``format_func`` writes them in the user's language,
    which ``st.slider`` cannot); the URL holds the number (``?coverage=0.8``)."""
    raw, bad = _raw(key), []
    start = default
    if raw:
        try:
            start = min(options, key=lambda o: abs(o - float(raw[-1])))
        except ValueError:
            bad = raw[-1:]
    value = where.select_slider(label, options, value=start, key=key, **KEEP, **kwargs)
    _settle(key, value, default, start=start, unmatched=bad)
    return value


def date(where, label: str, *, key: str, low: dt.date | None, high: dt.date | None,
         **kwargs) -> dt.date | None:
    """``st.date_input`` of one day between ``low`` and ``high`` (none by default)."""
    start, bad = None, []
    raw = _raw(key)
    if raw:
        try:
            start = dt.date.fromisoformat(raw[-1][:10])
        except ValueError:
            start = None
        if start is None or (low and start < low) or (high and start > high):
            start, bad = None, raw[-1:]
    value = where.date_input(label, value=start, min_value=low, max_value=high, key=key,
                             **KEEP, **kwargs)
    _settle(key, value, None, start=start, unmatched=bad)
    return value


def toggle(where, label: str, *, key: str, **kwargs) -> bool:
    """``st.toggle``, off by default."""
    raw = _raw(key)
    value = where.toggle(label, value=bool(raw) and raw[-1] in ("1", "true", "True"), key=key,
                         **KEEP, **kwargs)
    _put(key, ["1"] if value else [])
    return value

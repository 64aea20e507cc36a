"""Replaying a window of the log on its process map: each dossier's movements along the map's
edges, with their real times, for an animation.

A movement is one edge of the map travelled by one dossier: from the end of an event to the
start of the next event of the map's activities (the in-tray wait, as the map's waiting
times count it: ``transitions.waiting``), or to that event's end where the log gives no time
work started. The first event is entered from the map's start marker and the last one left
to its end marker at one instant (a movement of no duration). Like the map, events of
activities the map leaves out are skipped, the directly-follows relation recomputed over the
rest; a movement along an edge the map does not draw is kept, marked ``on_map`` False.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pandas as pd

from dossierflow.mining.analysis.process_map import ProcessMap, readable_map
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.transitions import work_starts
from dossierflow.mining.vocabulary import MAP_END, MAP_START, TZ

Window = Literal["day", "week", "month"]
WINDOWS: tuple[Window, ...] = ("day", "week", "month")
REPLAY_COLUMNS = ["case_id", "source", "target", "start", "end", "on_map", "on_time_class",
                  "channel"]


def window_bounds(kind: Window, first: dt.date) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The day, week (Monday to Sunday) or calendar month holding ``first``: its first
    midnight and the midnight after it, as naive times (``replay`` reads them in its zone)."""
    day = pd.Timestamp(first).normalize()
    if kind == "day":
        return day, day + pd.Timedelta(days=1)
    if kind == "week":
        monday = day - pd.Timedelta(days=day.day_of_week)
        return monday, monday + pd.Timedelta(days=7)
    if kind == "month":
        month = day.replace(day=1)
        return month, month + pd.DateOffset(months=1)
    raise DossierflowError(f"'{kind}' is not a replay window.",
                           fix=f"use one of {', '.join(WINDOWS)}.")


def _instant(value: object, tz: str, name: str) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError) as error:
        raise DossierflowError(f"the window's {name} '{value}' is not a date or time.",
                               fix="give it as YYYY-MM-DD or YYYY-MM-DD HH:MM.") from error
    if stamp is pd.NaT:
        raise DossierflowError(f"the window's {name} is missing.", fix="give it as YYYY-MM-DD.")
    return stamp.tz_localize(tz) if stamp.tzinfo is None else stamp.tz_convert(tz)


def window_instants(start: object, end: object,
                    tz: str = TZ) -> tuple[pd.Timestamp, pd.Timestamp]:
    """``start`` and ``end`` (dates or times; naive ones read in ``tz``) as times in ``tz``,
    checked: an end after the start."""
    begin, finish = _instant(start, tz, "start"), _instant(end, tz, "end")
    if finish <= begin:
        raise DossierflowError(f"the window from {begin:%Y-%m-%d %H:%M} up to "
                               f"{finish:%Y-%m-%d %H:%M} is empty: it ends before it starts.",
                               fix="give an end after the start.")
    return begin, finish


def active_view(view: LogView, start: pd.Timestamp, end: pd.Timestamp) -> LogView:
    """The dossiers of ``view`` whose life (first to last event) meets the window between
    the (time-zone aware) ``start`` and ``end``."""
    cases = view.cases
    return view.with_cases(cases.filter((cases.first_timestamp < end.tz_convert("UTC"))
                                        & (cases.last_timestamp >= start.tz_convert("UTC"))))


def _active_events(view: LogView, start: pd.Timestamp, end: pd.Timestamp,
                   activities: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The dossiers active in the window and their events of ``activities`` in order."""
    active = active_view(view, start, end).cases
    cases = view.cases
    columns = [c for c in ("case_code", "case_id", "on_time_class", "channel")
               if c in cases.columns]
    dossiers = active.select(*columns).to_pandas()
    events = view.events.semi_join(active.select("case_code"), "case_code")
    events = events.filter(events.activity.isin(activities))
    wanted = ["case_code", "event_index", "activity", "timestamp"]
    if work_starts(view):
        wanted.append("start_timestamp")
    frame = events.select(*wanted).to_pandas()
    if "start_timestamp" not in frame:
        frame["start_timestamp"] = pd.NaT
    for column in ("timestamp", "start_timestamp"):  # aware in UTC, even when empty
        frame[column] = pd.to_datetime(frame[column], utc=True)
    return dossiers, frame.sort_values(["case_code", "timestamp", "event_index"],
                                       ignore_index=True)


def _movements(events: pd.DataFrame) -> pd.DataFrame:
    """Start edges, event-to-event edges and end edges of ordered ``events``."""
    ends = events["timestamp"]
    begins = events["start_timestamp"].where(events["start_timestamp"].notna(), ends)
    begins = begins.where(begins <= ends, ends)  # a start after the end: an order error
    same = events["case_code"].eq(events["case_code"].shift(-1))
    first = ~events["case_code"].eq(events["case_code"].shift(1))
    nxt = events.shift(-1)
    arrival = begins.shift(-1)
    between = pd.DataFrame({
        "case_code": events["case_code"], "source": events["activity"],
        "target": nxt["activity"], "start": ends,
        "end": arrival.where(arrival >= ends, ends)})[same]  # started before: waited 0
    entering = pd.DataFrame({"case_code": events["case_code"], "source": MAP_START,
                             "target": events["activity"], "start": begins, "end": begins})[first]
    leaving = pd.DataFrame({"case_code": events["case_code"], "source": events["activity"],
                            "target": MAP_END, "start": ends, "end": ends})[~same]
    order = {"enter": 0, "move": 1, "leave": 2}
    parts = [part.assign(kind=order[name]) for name, part in
             (("enter", entering), ("move", between), ("leave", leaving))]
    moves = pd.concat(parts, ignore_index=True)
    return moves.sort_values(["case_code", "start", "kind"], kind="stable",
                             ignore_index=True).drop(columns="kind")


def replay(view: LogView, start: object, end: object, *, pmap: ProcessMap | None = None,
           tz: str = TZ) -> pd.DataFrame:
    """The movements on the map ``pmap`` of the dossiers active between ``start`` and ``end``
    (dates or times; naive ones read in ``tz``): one row per edge a dossier travels, in order
    of dossier and time; a dossier's whole path, its movements before and after the window
    included (between two movements it is at a step: in service).

    Columns: ``case_id``, ``source`` and ``target`` (activity ids, or the map's start ▶ and
    end ■ markers), ``start`` and ``end`` (the real times, in ``tz``: the source event's end
    and the target event's start, or its end without start times), ``on_map`` (the edge is
    drawn on ``pmap``), ``on_time_class`` and ``channel`` (for colouring; empty when the log
    has none). Without ``pmap`` the map is the readable map of the active dossiers.
    """
    begin, finish = window_instants(start, end, tz)
    if pmap is None:
        pmap, _ = readable_map(active_view(view, begin, finish))
    dossiers, events = _active_events(view, begin, finish, list(pmap.nodes["activity"]))
    moves = _movements(events)
    drawn = set(zip(pmap.edges["source"], pmap.edges["target"]))
    moves = moves.assign(on_map=[pair in drawn for pair in zip(moves["source"],
                                                                 moves["target"])])
    moves = moves.merge(dossiers, on="case_code", how="left")
    for column in ("start", "end"):
        moves[column] = pd.to_datetime(moves[column], utc=True).dt.tz_convert(tz)
    for column in ("on_time_class", "channel", "case_id"):
        if column not in moves:
            moves[column] = None
        moves[column] = moves[column].astype("string")
    return moves.reindex(columns=REPLAY_COLUMNS).reset_index(drop=True)

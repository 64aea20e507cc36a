"""The working calendar of an import: chosen in the mapping file's ``"calendar"`` object or on
the command line (which wins), Vietnam by default; and what the validation report says of it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from dossierflow.mining.errors import WorkspaceError
from dossierflow.mining.io.columns import MappingFile
from dossierflow.mining.log.working_time import CalendarChoice, WorkCalendar

OUT_OF_HOURS_SHARE = 0.5   # share of timed events outside office hours that questions the zone


def mapping_with_calendar(mapping: str | Path | MappingFile | None,
                          chosen: CalendarChoice | None) -> tuple[MappingFile, CalendarChoice]:
    """The mapping file (read when a path) carrying the chosen time zone, so that times without
    a UTC offset are read in it; and the choice: ``chosen`` over the mapping file's."""
    explicit = mapping if isinstance(mapping, MappingFile) else (
        MappingFile.load(mapping) if mapping else MappingFile())
    where = None if mapping is None or isinstance(mapping, MappingFile) else str(mapping)
    choice = CalendarChoice.from_settings(explicit.calendar, file=where)
    if chosen is not None:
        choice = chosen.over(choice)
    return replace(explicit, calendar={**(explicit.calendar or {}), "timezone": choice.zone}), \
        choice


def calendar_notes(calendar: WorkCalendar, events: pd.DataFrame, chosen: bool) -> list[str]:
    """Report notes: the calendar used, and a warning when most events with a time of day fall
    outside its office hours (times of another zone, or the wrong office hours)."""
    how = "chosen" if chosen else "the default; choose another in the mapping file's " \
                                  '"calendar" or with --country, --timezone, --office-hours'
    notes = [f"{calendar.describe()} ({how})"]
    local = events["timestamp"].dropna().dt.tz_convert(calendar.timezone)
    minute = (local.dt.hour * 60 + local.dt.minute).to_numpy()
    timed = minute > 0  # a time of exactly midnight is a date without a time of day
    if timed.sum() == 0:
        return notes
    hours = calendar.office_hours
    inside = np.zeros(len(minute), dtype=bool)
    for start, end in hours.sessions:
        inside |= (minute >= start.hour * 60 + start.minute) & (minute <= end.hour * 60
                                                                + end.minute)
    inside &= np.isin(local.dt.day_of_week.to_numpy(), hours.weekdays)
    outside = float((~inside[timed]).mean())
    if outside > OUT_OF_HOURS_SHARE:
        notes.append(f"{outside:.0%} of the events with a time of day fall outside these office "
                     f"hours in {calendar.timezone}: if the log comes from another country or "
                     "time zone, import it again with its calendar (--country, --timezone, "
                     "--office-hours)")
    return notes


def check_workspace_calendar(stored: WorkCalendar, chosen: CalendarChoice | None,
                             name: str) -> None:
    """Refuse a calendar choice that differs from the one a workspace was imported with: its
    working times were measured on that one."""
    if chosen is None:
        return
    wanted = chosen.over(CalendarChoice(country=stored.country, timezone=stored.timezone,
                                        sessions=stored.office_hours.sessions,
                                        weekdays=stored.office_hours.weekdays))
    have = (stored.country, stored.timezone, stored.office_hours.sessions,
            stored.office_hours.weekdays)
    if (wanted.country, wanted.timezone, wanted.sessions, wanted.weekdays) != have:
        raise WorkspaceError(
            f"the workspace '{name}' was imported with the {stored.describe()}; its working "
            "times were measured on it.",
            fix="import the log again with the calendar options (dossierflow import FILE "
                "--country … --timezone … --office-hours …), or leave them out here.")

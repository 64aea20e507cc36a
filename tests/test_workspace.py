"""Workspaces: stored once, reopened by name without re-import, same tables back."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from dossierflow.mining import WorkspaceError, import_to_workspace, open_workspace
from dossierflow.mining.log.working_time import OfficeHours, WorkCalendar

SAMPLE = Path(__file__).resolve().parents[1] / "datasets" / "sample" / "mini_centre.csv"


def test_reopen_gives_the_same_tables(monkeypatch):
    stored = import_to_workspace(SAMPLE, name="mini")
    ws = open_workspace("mini")
    try:
        assert ws.meta["summary"] == stored.imported.summary()
        assert ws.events.count().to_pyarrow().as_py() == len(stored.log.events)
        reopened = ws.to_analysis_log()
        pd.testing.assert_frame_equal(
            reopened.cases[["case_id", "on_time_class", "lead_time_working_days"]],
            stored.log.cases[["case_id", "on_time_class", "lead_time_working_days"]],
            check_dtype=False)
        assert reopened.events["timestamp"].dt.tz.key == "Asia/Ho_Chi_Minh"
        assert (reopened.events["timestamp"] == stored.log.events["timestamp"]).all()
        assert ws.reports[0].rows_read == 711
    finally:
        ws.close()
    # reopening must not read the source file again
    monkeypatch.setattr(sys.modules["dossierflow.mining.io.import_log"], "read_table",
                        lambda *a, **k: pytest.fail("re-import"))
    open_workspace("mini").close()


def test_calendar_settings_survive(tmp_path):
    saturday = OfficeHours(weekdays=(0, 1, 2, 3, 4, 5), weekday_sessions={5: (("07:30", "11:30"),)})
    import_to_workspace(SAMPLE, name="sat", calendar=WorkCalendar(saturday))
    ws = open_workspace("sat")
    assert ws.calendar.office_hours == saturday
    ws.close()


def test_unknown_workspace_says_how_to_import():
    with pytest.raises(WorkspaceError, match="dossierflow import"):
        open_workspace("never-imported")

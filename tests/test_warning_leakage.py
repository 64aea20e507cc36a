"""The early warning reads nothing after its moment: the features of the dossiers open at t
are the same when every event after t is deleted from the log and the log prepared again."""

from __future__ import annotations

import pandas as pd
import pytest

from dossierflow.mining.io.import_log import import_log
from dossierflow.mining.log.analysis_table import prepare
from dossierflow.mining.predict.snapshot import FEATURES, snapshot
from dossierflow.simulation.engine import simulate
from dossierflow.simulation.sample.centre_model import centre_model
from dossierflow.simulation.sample.sample_output import to_imported
from tests.support.paths import MINI

# what a dossier's record says only once it has moved on: blanked in the cut log
LATER_FIELDS = ("finished_at", "returned_at", "apology_at", "new_due_at", "outcome",
                "system_verdict", "status", "paused_minutes")


def _cut(imported, t: pd.Timestamp):
    """The imported log as it stood at ``t``: later events deleted, dossiers received later
    dropped, the fields a later event fills blanked."""
    events = imported.events.loc[imported.events["timestamp"] <= t].copy()
    cases = imported.cases.loc[imported.cases["case_id"].isin(events["case_id"])].copy()
    for column in LATER_FIELDS:
        if column in cases:
            if pd.api.types.is_datetime64_any_dtype(cases[column]):
                cases[column] = cases[column].where(cases[column] <= t)
            else:
                cases[column] = None
    imported.events, imported.cases = events.reset_index(drop=True), cases
    return imported


@pytest.fixture(scope="module")
def simulated():
    """Three months of the synthetic centre, small: its dossiers carry their own result,
    due and apology times, supplement pauses and many late ones."""
    run = simulate(centre_model(scale=0.1), start="2023-01-02", end="2023-04-01", seed=5)
    return lambda: to_imported(run, "simulated centre")


@pytest.mark.parametrize(("source", "at"), [("mini", "2023-11-15 10:00"),
                                            ("mini", "2024-01-10 16:30"),
                                            ("simulated", "2023-02-01 09:00"),
                                            ("simulated", "2023-03-15 15:45")])
def test_features_at_t_ignore_every_later_event(simulated, source, at):
    load = (lambda: import_log(MINI)) if source == "mini" else simulated
    full = prepare(load())
    t = pd.Timestamp(at, tz=full.calendar.timezone)
    before = snapshot(full, t)
    assert len(before) > 2, "the moment should find open dossiers"
    cut = prepare(_cut(load(), t), full.calendar)
    after = snapshot(cut, t)
    assert sorted(after.index) == sorted(before.index)
    columns = list(FEATURES) + ["due_at", "officer"]
    pd.testing.assert_frame_equal(after.loc[before.index, columns], before[columns],
                                  check_dtype=False)


def test_a_dossier_with_a_result_after_t_is_still_open_at_t():
    full = prepare(import_log(MINI))
    c = full.cases.dropna(subset=["finished_at"])
    case = c.loc[c["finished_at"] > c["received_at"] + pd.Timedelta(hours=2)].iloc[0]
    t = case["finished_at"] - pd.Timedelta(minutes=1)
    open_then = snapshot(full, t)
    assert case["case_id"] in open_then.index
    assert case["case_id"] not in snapshot(full, case["finished_at"]).index

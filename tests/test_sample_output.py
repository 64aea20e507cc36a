"""A simulated log written as a workspace, Parquet or CSV reads back as the same log."""

from __future__ import annotations

import pytest

from dossierflow.mining import import_log, open_workspace, prepare
from dossierflow.mining.errors import InputFileError
from dossierflow.simulation.engine import simulate
from dossierflow.simulation.sample.sample_output import write_sample
from tests.support.models import centre


@pytest.fixture(scope="module")
def result():
    return simulate(centre(), start="2024-03-01", end="2024-04-01", seed=3)


def test_workspace_holds_the_simulated_log(tmp_path, result):
    path = write_sample(result, tmp_path / "s.duckdb")
    ws = open_workspace(path)
    assert ws.meta["summary"]["cases"] == len(result.cases)
    assert ws.meta["summary"]["events"] == len(result.events)
    assert "simulation engine" in ws.reports[0].notes[0]
    ws.close()


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_flat_files_import_back_to_the_same_cases(tmp_path, result, suffix):
    direct = prepare(import_log(write_sample(result, tmp_path / "s.parquet"))).cases
    path = write_sample(result, tmp_path / f"s{suffix}")
    back = import_log(path)
    assert back.report.rows_dropped == 0
    cases = prepare(back).cases.set_index("case_id")
    expected = result.cases.set_index("case_id")
    assert len(cases) == len(expected)
    for column in ("procedure_id", "channel", "model", "agency"):
        assert (cases[column].astype(str) == expected.loc[cases.index, column].astype(str)).all()
    seconds = expected.loc[cases.index, "due_at"].dt.floor("s")  # CSV keeps whole seconds
    assert (cases["due_at"].dt.floor("s") == seconds).all()
    assert (cases["on_time_class"].fillna("") == direct.set_index("case_id").loc[
        cases.index, "on_time_class"].fillna("")).all()


def test_unknown_output_format_is_a_clear_error(tmp_path, result):
    with pytest.raises(InputFileError, match="duckdb"):
        write_sample(result, tmp_path / "s.json")

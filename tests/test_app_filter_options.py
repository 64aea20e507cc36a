"""The sidebar's filter options: every distinct value a dossier has in each filtered column,
sorted, no missing value; a column with no value at all offers nothing."""

from __future__ import annotations

import duckdb
import pytest

from dossierflow.app import cached_mining as cm
from dossierflow.app.state import log_key

COLUMNS = ("agency", "procedure_id", "procedure_name", "channel", "model", "field")


def _expected(path) -> dict[str, list[str]]:
    """The options computed apart, with plain pandas on the stored case table."""
    with duckdb.connect(str(path), read_only=True) as con:
        cases = con.sql("SELECT * FROM cases").df()
    out = {}
    for column in COLUMNS:
        if column in cases:
            values = cases[column].dropna().astype(str).unique()
            if len(values):
                out[column] = sorted(values)
    return out


@pytest.mark.parametrize("fixture", ["mini_log", "coded_log"])
def test_filter_options_are_the_distinct_values_of_each_column(request, fixture):
    path = request.getfixturevalue(fixture)
    expected = _expected(path)
    assert "agency" in expected and len(expected["agency"]) > 1  # a log worth filtering
    assert cm.options(log_key(str(path))) == expected

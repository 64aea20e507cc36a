"""Every public log imports with the counts its README lists (computed there with pm4py)."""

from __future__ import annotations

import pytest

from dossierflow.mining import import_log, prepare

# file, cases, events, activities, variants (../shared/datasets/public/README.md)
PUBLIC_LOGS = [
    ("receipt.xes.gz", 1434, 8577, 27, 116),
    ("receipt.csv", 1434, 8577, 27, 116),
    ("roadtraffic100traces.xes", 100, 390, 10, 10),
    ("roadtraffic100traces.csv", 100, 390, 10, 10),
    ("roadtraffic_1t_per_variant.xes.gz", 231, 1891, 11, 231),
    ("helpdesk.xes.gz", 4580, 21348, 14, 226),
    ("running-example.xes", 6, 42, 8, 6),
    ("running-example.csv", 6, 42, 8, 6),
]


@pytest.mark.parametrize("name,cases,events,activities,variants", PUBLIC_LOGS,
                         ids=[row[0] for row in PUBLIC_LOGS])
def test_public_log_counts(public_dir, name, cases, events, activities, variants):
    imported = import_log(public_dir / name)
    summary = imported.summary()
    assert (summary["cases"], summary["events"], summary["activities"]) == (
        cases, events, activities)
    assert imported.report.rows_dropped == 0
    log = prepare(imported)
    assert log.cases["variant_id"].nunique() == variants
    assert len(log.cases) == cases

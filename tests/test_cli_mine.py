"""`dossierflow mine` and `dossierflow compare` write their documented files."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dossierflow.mining.analysis.render_map import svg_available
from tests.support.cli import run
from tests.support.paths import MINI as SAMPLE


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    assert run("import", SAMPLE, "--name", "mini", home=home).returncode == 0
    return home


def test_mine_writes_kpis_map_variants_bottlenecks(workspace, tmp_path):
    out = run("mine", "mini", "--out", tmp_path, "--model", "transfer", "--lang", "en",
              home=workspace)
    assert out.returncode == 0, out.stderr
    kpis = json.loads((tmp_path / "kpis.json").read_text(encoding="utf-8"))
    assert set(kpis) == {"overall", "scorecard", "by_month", "by_agency"}
    assert kpis["overall"]["n_received"] == 100  # the 100 transfer dossiers of 131
    assert {"indicator", "value", "points"} <= set(kpis["scorecard"][0])
    dfg = pd.read_csv(tmp_path / "dfg.csv")
    assert {"source", "target", "frequency", "wait_working_hours_median"} <= set(dfg.columns)
    assert "appraise_approve_on_spot" not in set(dfg["source"])  # filtered to transfer
    assert pd.read_csv(tmp_path / "variants.csv")["cases"].sum() == 100
    assert not pd.read_csv(tmp_path / "bottlenecks.csv").empty
    assert "Receive dossier" in (tmp_path / "map.dot").read_text(encoding="utf-8")
    assert (tmp_path / "map.svg").exists() == svg_available()


def test_compare_writes_edges_and_difference_map(workspace, tmp_path):
    out = run("compare", "mini", "--by", "model", "--a", "transfer", "--b", "five_on_spot",
              "--out", tmp_path, "--min-support", "10", home=workspace)
    assert out.returncode == 0, out.stderr
    edges = pd.read_csv(tmp_path / "compare.csv")
    assert {"source", "target", "q_share", "significant"} <= set(edges.columns)
    assert edges["significant"].any()
    assert (tmp_path / "compare.dot").read_text(encoding="utf-8").startswith("digraph")


def test_unknown_workspace_is_a_message(workspace, tmp_path):
    out = run("mine", "nothing-here", "--out", tmp_path, home=workspace)
    assert out.returncode == 2 and "dossierflow import" in out.stderr

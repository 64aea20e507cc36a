"""`dossierflow mine` on a log with hundreds of activity codes, nearly every dossier its own
variant, in another time zone: the tables are always written, the map is drawn simplified to a
readable size with its slider values stated, and a drawing past its time limit falls back to
the DOT file."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

from dossierflow.mining.analysis.render_map import svg_available
from tests.support.cli import run

CODES, CASES = 400, 1500
MAX_ACTIVITIES = 30  # the map's default budget of activities (docs/analysis.md)


def many_codes_log(path, *, cases: int = CASES, codes: int = CODES, seed: int = 7):
    """A log of ``cases`` dossiers walking 4–11 of ``codes`` activity codes (Zipf-like
    popularity), times written with a UTC offset of +01:00."""
    rng = np.random.default_rng(seed)
    popularity = 1 / np.arange(1, codes + 1) ** 0.8
    rows = []
    for case in range(cases):
        at = pd.Timestamp("2024-03-04 08:00") + pd.Timedelta(hours=int(rng.integers(0, 2880)))
        for code in rng.choice(codes, size=int(rng.integers(4, 12)),
                               p=popularity / popularity.sum()):
            at += pd.Timedelta(minutes=int(rng.integers(5, 3000)))
            rows.append((f"C{case:05d}", f"ACT-{code:03d}", f"{at:%Y-%m-%dT%H:%M:%S}+01:00"))
    pd.DataFrame(rows, columns=["case:concept:name", "concept:name", "time:timestamp"]).to_csv(
        path, index=False)
    return path


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    log = many_codes_log(home / "many_codes.csv")
    done = run("import", log, "--name", "many", home=home)
    assert done.returncode == 0, done.stderr
    assert f"{CODES} activities" in done.stdout
    return home


def _activity_nodes(dot: str) -> int:
    return len(re.findall(r"^\s*n\d+ \[", dot, flags=re.MULTILINE))


def test_mine_writes_tables_and_a_readable_map(home, tmp_path):
    done = run("mine", "many", "--out", tmp_path, "--lang", "en", home=home)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert json.loads((tmp_path / "kpis.json").read_text(encoding="utf-8"))["overall"]
    dfg = pd.read_csv(tmp_path / "dfg.csv")
    assert len(set(dfg["source"]) | set(dfg["target"])) == CODES + 2  # + start and end
    variants = pd.read_csv(tmp_path / "variants.csv")
    assert variants["cases"].sum() == CASES and len(variants) > 0.95 * CASES
    dot = (tmp_path / "map.dot").read_text(encoding="utf-8")
    assert _activity_nodes(dot) == MAX_ACTIVITIES
    applied = json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))
    assert applied["activities_shown"] == MAX_ACTIVITIES
    assert applied["activities_total"] == CODES
    assert 0 < applied["activities"] < 1 and 0 < applied["paths"] <= 1
    shown = f"{MAX_ACTIVITIES} of {CODES} activities"
    assert shown in dot  # the legend states the simplification
    assert any(line.startswith("Note:") and shown in line for line in done.stdout.splitlines())
    assert (tmp_path / "map.svg").exists() == svg_available()


def test_a_drawing_past_its_limit_falls_back_to_dot(home, tmp_path):
    done = run("mine", "many", "--out", tmp_path, "--draw-timeout", "0.001", home=home)
    assert done.returncode == 0, done.stderr
    assert {"kpis.json", "dfg.csv", "variants.csv", "map.dot"} <= {
        p.name for p in tmp_path.iterdir()}
    assert not (tmp_path / "map.svg").exists()
    if svg_available():
        assert "0.001 s" in done.stdout and "map.dot" in done.stdout
        notes = json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))["notes"]
        assert any("0.001 s" in note for note in notes)


def test_full_sliders_are_kept_as_given(home, tmp_path):
    done = run("mine", "many", "--out", tmp_path, "--activities", "1", "--paths", "0.01",
               "--draw-timeout", "0.001", home=home)
    assert done.returncode == 0, done.stderr
    assert _activity_nodes((tmp_path / "map.dot").read_text(encoding="utf-8")) == CODES
    applied = json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))
    assert (applied["activities"], applied["paths"]) == (1.0, 0.01)

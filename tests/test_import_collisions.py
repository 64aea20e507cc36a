"""Attributes named like a column dossierflow derives are kept under a stated new name
(issue 16, item 1): a Disco export's ``case:variant`` must not stop the import."""

from __future__ import annotations

import pandas as pd
import pytest

from dossierflow.mining import import_log, prepare
from dossierflow.mining.io.columns import ALL_FIELDS, DERIVED_COLUMNS, attribute_name
from tests.support.cli import run

TRACES = (("HS-001", (("Tiếp nhận hồ sơ", "2023-03-01T08:00:00+07:00"),
                      ("Thẩm định hồ sơ", "2023-03-02T09:30:00+07:00"),
                      ("Trả kết quả", "2023-03-03T10:00:00+07:00"))),
          ("HS-002", (("Tiếp nhận hồ sơ", "2023-03-01T09:00:00+07:00"),
                      ("Trả kết quả", "2023-03-01T15:00:00+07:00"))))


def disco_xes() -> str:
    """An XES log shaped like a Disco export: case variant attributes, and event attributes
    named like derived event columns."""
    traces = []
    for n, (case, events) in enumerate(TRACES, 1):
        body = "".join(
            f'\n    <event>\n      <string key="concept:name" value="{activity}"/>'
            f'\n      <date key="time:timestamp" value="{time}"/>'
            f'\n      <string key="org:resource" value="Cán bộ {i}"/>'
            f'\n      <string key="clock" value="c{i}"/>'
            f'\n      <string key="next_activity" value="n{i}"/>\n    </event>'
            for i, (activity, time) in enumerate(events))
        traces.append(
            f'  <trace>\n    <string key="concept:name" value="{case}"/>'
            f'\n    <string key="variant" value="Variant {n}"/>'
            f'\n    <int key="variant-index" value="{n}"/>'
            f'\n    <string key="on_time_class" value="given {n}"/>{body}\n  </trace>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<log xes.version="1.0" xmlns="http://www.xes-standard.org/">\n'
            + "\n".join(traces) + "\n</log>\n")


def csv_with(names: list[str]) -> pd.DataFrame:
    """An event log whose extra columns carry the given names, the value naming the column."""
    rows = [{"case_id": case, "activity": activity, "timestamp": time}
            for case, events in TRACES for activity, time in events]
    frame = pd.DataFrame(rows)
    for name in names:
        frame[name] = f"value of {name}"
    return frame


def test_disco_xes_imports_and_mines_through_the_cli(tmp_path):
    log = tmp_path / "disco.xes"
    log.write_text(disco_xes(), encoding="utf-8")
    imported = run("import", log, "--name", "disco", home=tmp_path / "home")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "'case:variant' kept as 'attr_variant'" in imported.stdout
    assert "'case:on_time_class' kept as 'attr_on_time_class'" in imported.stdout
    assert "'clock' kept as 'attr_clock'" in imported.stdout
    for source in ("disco", log):
        mined = run("mine", source, "--out", tmp_path / f"out_{len(str(source))}",
                    home=tmp_path / "home")
        assert mined.returncode == 0, mined.stdout + mined.stderr
        assert (tmp_path / f"out_{len(str(source))}" / "variants.csv").is_file()


def test_disco_xes_attributes_keep_their_values(tmp_path):
    log = tmp_path / "disco.xes"
    log.write_text(disco_xes(), encoding="utf-8")
    ready = prepare(import_log(log))
    cases = ready.cases.set_index("case_id")
    assert cases.loc["HS-002", "attr_variant"] == "Variant 2"
    assert cases.loc["HS-001", "attr_on_time_class"] == "given 1"
    assert str(cases.loc["HS-002", "variant-index"]) == "2"
    assert cases.loc["HS-001", "variant"].startswith("receive → ")  # the derived one
    assert set(ready.events["attr_clock"]) == {"c0", "c1", "c2"}
    assert ready.events["clock"].dtype.kind == "f"


def test_csv_with_every_derived_name_through_the_cli(tmp_path):
    names = sorted(DERIVED_COLUMNS) + [f"case:{n}" for n in ("variant", "variant_id",
                                                                  "lead_time_seconds")]
    log = tmp_path / "derived.csv"
    csv_with(names).to_csv(log, index=False)
    imported = run("import", log, "--name", "derived", home=tmp_path / "home")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "'variant_id' kept as 'attr_variant_id'" in imported.stdout
    mined = run("mine", "derived", "--out", tmp_path / "out", home=tmp_path / "home")
    assert mined.returncode == 0, mined.stdout + mined.stderr


@pytest.mark.parametrize("name", sorted(DERIVED_COLUMNS))
def test_each_derived_name_is_kept_renamed(tmp_path, name):
    log = tmp_path / "log.csv"
    csv_with([name]).to_csv(log, index=False)
    imported = import_log(log)
    ready = prepare(imported)
    kept = attribute_name(name)
    assert kept == f"attr_{name}"
    assert set(ready.events[kept]) == {f"value of {name}"}
    assert any(f"'{name}' kept as '{kept}'" in note for note in imported.report.notes)


def test_dossier_list_attribute_named_variant(tmp_path):
    frame = pd.DataFrame({"Mã hồ sơ": ["A1", "A2"],
                          "Ngày tiếp nhận": ["01/03/2023 08:00", "02/03/2023 09:00"],
                          "Ngày trả kết quả": ["03/03/2023 10:00", "06/03/2023 09:00"],
                          "variant": ["x", "y"], "Lead_Time_Seconds": ["1", "2"]})
    log = tmp_path / "list.csv"
    frame.to_csv(log, index=False)
    cases = prepare(import_log(log)).cases.set_index("case_id")
    assert list(cases["attr_variant"]) == ["x", "y"]
    assert list(cases["attr_Lead_Time_Seconds"]) == ["1", "2"]


def test_derived_columns_cover_what_prepare_adds(tmp_path):
    """Every column prepare adds is a canonical field or in DERIVED_COLUMNS (else an attribute
    of its name could collide again)."""
    frame = csv_with([]).assign(start_timestamp=lambda f: f["timestamp"], resource="r",
                                agency="a", legal_days="2")
    log = tmp_path / "full.csv"
    frame.to_csv(log, index=False)
    imported = import_log(log)
    ready = prepare(imported)
    given = set(imported.events) | set(imported.cases)
    added = (set(ready.events) | set(ready.cases)) - given
    known = set(DERIVED_COLUMNS) | set(ALL_FIELDS)
    assert added <= known, sorted(added - known)

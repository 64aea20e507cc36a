"""The `dossierflow` command: import prints mapping, report and summary; errors are messages."""

from __future__ import annotations

from tests.support.cli import run
from tests.support.paths import MINI as SAMPLE


def test_import_prints_mapping_report_and_summary(tmp_path):
    out = run("import", SAMPLE, "--name", "mini", home=tmp_path)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "case_id <- 'Mã hồ sơ' (automatic)" in text
    assert "Validation of" in text and "rows read" in text
    assert "Summary: 131 cases, 711 events" in text
    assert (tmp_path / "mini.duckdb").is_file()
    assert "pm4py" not in text.lower()


def test_missing_file_is_a_message_not_a_traceback(tmp_path):
    out = run("import", tmp_path / "nope.csv", home=tmp_path)
    assert out.returncode == 2
    assert "Error:" in out.stderr and "nope.csv" in out.stderr
    assert "Traceback" not in out.stderr + out.stdout


def test_unusable_columns_are_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    out = run("import", bad, home=tmp_path)
    assert out.returncode == 2
    assert "How to fix" in out.stderr and "Traceback" not in out.stderr

"""Issue 16 item 4: dates whose day and month can be swapped (every day ≤ 12) are read
day-first, the Vietnamese way, with a note; month-first only when the file proves it or the
mapping file says so."""

from __future__ import annotations

import pandas as pd
import pytest

from dossierflow.mining import import_log
from dossierflow.mining.io.timestamps import parse_timestamps

LOCAL = "Asia/Ho_Chi_Minh"
TITLE = ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nTRUNG TÂM HÀNH CHÍNH CÔNG\n"
         "DANH SÁCH HỒ SƠ TIẾP NHẬN TỪ 02/01/2024 ĐẾN 12/01/2024\n\n")
HEADER = "STT,Mã hồ sơ,Tên thủ tục hành chính,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n"
STEPS = ("Tiếp nhận hồ sơ", "Thẩm định hồ sơ", "Trả kết quả")


def dossier_list(days: int = 8, due: str | None = None) -> str:
    """A one-stop dossier list of the first days of January 2024: every day is ≤ 12."""
    rows = []
    for i in range(days):
        day = 2 + i
        rows.append(f"{i + 1},HS-{i + 1:03d},Cấp bản sao,{day:02d}/01/2024 08:{10 + i}:00,"
                    f"{due or f'{day + 3:02d}/01/2024 17:00'},{day + 1:02d}/01/2024 10:00")
    return TITLE + HEADER + "\n".join(rows) + "\n"


def event_log(days: int = 8) -> str:
    lines = ["Mã hồ sơ,Tên bước,Thời gian hoàn thành"]
    for i in range(days):
        day = 2 + i
        for step, when in zip(STEPS, (f"{day:02d}/01/2024 08:15", f"{day + 1:02d}/01/2024 09:00",
                                      f"{day + 2:02d}/01/2024 16:00"), strict=True):
            lines.append(f"HS-{i + 1:03d},{step},{when}")
    return "\n".join(lines) + "\n"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def day_first_note(notes: list[str]) -> str:
    found = [n for n in notes if "day-first" in n and "dayfirst" in n]
    assert found, notes
    return found[0]


def test_dossier_list_of_early_days_is_read_day_first_with_a_note(tmp_path):
    path = write(tmp_path, "ds.csv", dossier_list())
    imported = import_log(path)
    cases = imported.cases.set_index("case_id")
    assert cases.loc["HS-001", "received_at"] == pd.Timestamp("2024-01-02 08:10", tz=LOCAL)
    assert cases.loc["HS-008", "due_at"] == pd.Timestamp("2024-01-12 17:00", tz=LOCAL)
    assert imported.report.rows_kept == 8
    note = day_first_note(imported.report.notes)
    assert "'Ngày tiếp nhận'" in note or "Ngày tiếp nhận" in " ".join(imported.report.notes)
    assert '"dayfirst": false' in note


def test_event_log_with_its_dossier_list_of_early_days(tmp_path):
    log = write(tmp_path, "pks.csv", event_log())
    cases = write(tmp_path, "ds.csv", dossier_list())
    imported = import_log(log, cases=cases)
    events = imported.events
    first = events[events["case_id"] == "HS-001"].set_index("activity")["timestamp"]
    assert first["receive"] == pd.Timestamp("2024-01-02 08:15", tz=LOCAL)
    assert first["deliver_result"] == pd.Timestamp("2024-01-04 16:00", tz=LOCAL)
    assert all(r.rows_kept == r.rows_read for r in imported.reports)
    for report in imported.reports:
        day_first_note(report.notes)


def test_mapping_file_dayfirst_false_reads_month_first(tmp_path):
    path = write(tmp_path, "ds.csv", dossier_list(days=3))
    mapping = write(tmp_path, "map.json", '{"dayfirst": false}')
    cases = import_log(path, mapping=mapping).cases.set_index("case_id")
    assert cases.loc["HS-001", "received_at"] == pd.Timestamp("2024-02-01 08:10", tz=LOCAL)


def test_another_date_column_of_the_file_proves_month_first(tmp_path):
    """A second field above 12 anywhere in the file's date columns settles month-first."""
    text = dossier_list(days=3, due="01/13/2024 17:00")
    imported = import_log(write(tmp_path, "ds.csv", text))
    cases = imported.cases.set_index("case_id")
    assert cases.loc["HS-001", "received_at"] == pd.Timestamp("2024-02-01 08:10", tz=LOCAL)
    assert cases.loc["HS-001", "due_at"] == pd.Timestamp("2024-01-13 17:00", tz=LOCAL)
    assert not any("dayfirst" in n and "day-first" in n for n in imported.report.notes)


@pytest.mark.parametrize("values", [["01/03/2023 15:09", "02/03/2023 10:00"],
                                    [None, "12/11/2023", "05/06/2023 07:30"]])
def test_a_column_alone_defaults_to_day_first(values):
    parsed = parse_timestamps(pd.Series(values), column="Ngày tiếp nhận")
    read = parsed.values.dropna()
    first = pd.Series([v for v in values if v]).iloc[0]
    day, month = int(first[:2]), int(first[3:5])
    assert (read.iloc[0].day, read.iloc[0].month) == (day, month)
    assert not parsed.failed.any()
    day_first_note(parsed.notes)

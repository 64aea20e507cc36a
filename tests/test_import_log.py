"""Import pipeline: shapes, mapping, timestamps, validation report, case table."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dossierflow.mining import ColumnMappingError, MappingFile, import_log, prepare


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


# --- the one-stop export examples ---------------------------------------------------------

def test_process_control_sheet_joined_with_dossier_list(examples_dir):
    imported = import_log(examples_dir / "phieu_kiem_soat.csv",
                          cases=examples_dir / "danh_sach_ho_so.csv")
    events, cases = imported.events, imported.cases
    assert cases["case_id"].nunique() == 75
    assert set(events["activity"]) == {
        "receive", "transfer_to_agency", "appraise", "approve_sign", "return_to_centre",
        "appraise_approve_on_spot", "deliver_result"}
    # 348 hand-offs plus the return to the citizen of the 70 dossiers already returned
    assert len(events) == 348 + 70
    assert (cases["model"] == "five_on_spot").sum() == 9
    assert set(cases["channel"]) == {"in_person", "online"}
    assert cases["case_id"].str.startswith("000.00.").all()
    assert cases["Số CCCD"].str.len().eq(12).all()  # leading zeros kept as text
    assert events["timestamp"].dt.tz is not None
    assert imported.report.rows_dropped == 0


def test_on_time_class_agrees_with_the_export(examples_dir):
    """Our 766 classification reproduces the centre's own 'Kết quả' column on every dossier."""
    imported = import_log(examples_dir / "phieu_kiem_soat.csv",
                          cases=examples_dir / "danh_sach_ho_so.csv")
    cases = prepare(imported).cases
    ours = cases["on_time_class"].map({"early": "on_time", "on_time": "on_time",
                                       "late": "late"})
    assert (ours == cases["system_verdict"]).all()  # 'Kết quả': Đúng hạn / Trễ hạn
    assert (cases["on_time_class"] == "late").sum() == 3


@pytest.mark.parametrize("name", ["danh_sach_ho_so.csv", "danh_sach_ho_so.xlsx"])
def test_dossier_list_alone_becomes_milestone_events(examples_dir, name):
    imported = import_log(examples_dir / name)
    counts = imported.events["activity"].value_counts().to_dict()
    assert counts == {"receive": 75, "issue_result": 75, "deliver_result": 70}
    assert imported.cases["due_at"].notna().all()
    received = imported.cases.set_index("case_id").loc["000.00.21.H03-230301-0001",
                                                       "received_at"]
    assert received == pd.Timestamp("2023-03-01 15:09", tz="Asia/Ho_Chi_Minh")


# --- building blocks on small logs --------------------------------------------------------

def test_lifecycle_start_complete_pairs_become_start_timestamp(tmp_path):
    path = write(tmp_path, "life.csv", (
        "case,activity,timestamp,lifecycle:transition\n"
        "c1,appraise,2024-03-04T08:00:00+07:00,start\n"
        "c1,appraise,2024-03-04T09:30:00+07:00,complete\n"
        "c1,approve_sign,2024-03-04T10:00:00+07:00,complete\n"
        "c2,appraise,2024-03-05T08:00:00+07:00,start\n"))
    imported = import_log(path)
    ev = imported.events.set_index(["case_id", "activity"])
    assert ev.loc[("c1", "appraise"), "start_timestamp"] == pd.Timestamp(
        "2024-03-04 08:00", tz="Asia/Ho_Chi_Minh")
    assert pd.isna(ev.loc[("c1", "approve_sign"), "start_timestamp"])
    reasons = {i.reason: i for i in imported.report.issues}
    assert reasons["start event without a matching complete"].rows == [5]
    assert reasons["start event merged into its complete event"].action == "merged"
    assert len(imported.events) == 2


def test_unusable_rows_are_counted_with_reason_and_row_and_kept(tmp_path):
    path = write(tmp_path, "bad.csv", (
        "case_id,activity,timestamp\n"
        "c1,receive,04/03/2024 08:00\n"
        ",receive,04/03/2024 08:00\n"          # line 3: no case id
        "c1,,04/03/2024 09:00\n"               # line 4: no activity
        "c1,appraise,not a date\n"             # line 5: unparseable
        "c1,appraise,\n"                       # line 6: no timestamp
        "c1,receive,04/03/2024 08:00\n"        # line 7: duplicate of line 2
        "c1,appraise,25/03/2024 10:00\n"))
    imported = import_log(path)
    issues = {i.reason: i.rows for i in imported.report.issues}
    assert issues == {"missing case id": [3], "missing activity": [4],
                      "missing timestamp": [6], "unparseable timestamp": [5],
                      "exact duplicate of an earlier row": [7]}
    assert imported.report.rows_read == 7 and imported.report.rows_kept == 2
    rejected = imported.rejected.set_index("row")
    assert sorted(rejected.index) == [3, 4, 5, 6, 7]
    assert json.loads(rejected.loc[5, "values"])["timestamp"] == "not a date"
    assert "case id missing" not in " ".join(imported.report.lines())
    assert any("rows 5" in line for line in imported.report.lines())


def test_ambiguous_dates_settled_by_another_column(tmp_path):
    path = write(tmp_path, "amb.csv", (
        "MaHoSo,Tên bước,Thời gian giao,Thời gian hoàn thành\n"
        "h1,Tiếp nhận hồ sơ,02/03/2024 08:00,02/03/2024 08:10\n"
        "h1,Thẩm định hồ sơ,02/03/2024 08:10,25/03/2024 09:00\n"))
    imported = import_log(path)
    first = imported.events.iloc[0]
    assert first["start_timestamp"] == pd.Timestamp("2024-03-02 08:00", tz="Asia/Ho_Chi_Minh")
    assert any("dmy" in note for note in imported.report.notes)


def test_ambiguous_dates_without_evidence_read_day_first(tmp_path):
    path = write(tmp_path, "amb.csv", "case_id,activity,timestamp\nc1,a,02/03/2024 08:00\n")
    imported = import_log(path)
    assert imported.events["timestamp"].iloc[0].month == 3
    assert any('"dayfirst": false' in note for note in imported.report.notes)
    mapping = write(tmp_path, "map.json", '{"dayfirst": false}')
    imported = import_log(path, mapping=mapping)
    assert imported.events["timestamp"].iloc[0].month == 2


def test_missing_required_column_names_the_field_and_the_fix(tmp_path):
    path = write(tmp_path, "x.csv", "Số hồ sơ,Công đoạn,Lúc\nh1,Nhận,2024-03-04 08:00\n")
    with pytest.raises(ColumnMappingError) as info:
        import_log(path)
    message = str(info.value)
    assert "x.csv" in message and "activity" in message and "--mapping" in message


def test_mapping_file_maps_any_layout_and_is_reported(tmp_path):
    path = write(tmp_path, "x.csv", "Số biên nhận,Công đoạn,Lúc xong\nh1,Nhận,2024-03-04 08:00\n")
    mapping = MappingFile(columns={"case_id": "Số biên nhận", "activity": "Công đoạn",
                                   "timestamp": "Lúc xong"})
    imported = import_log(path, mapping=mapping)
    assert imported.events["case_id"].tolist() == ["h1"]
    described = imported.mapping[str(path)].describe()
    assert "activity <- 'Công đoạn' (mapping file)" in described


def test_mapping_file_errors_are_clear(tmp_path):
    path = write(tmp_path, "x.csv", "a,b,c\nh1,Nhận,2024-03-04 08:00\n")
    bad_field = write(tmp_path, "m1.json", '{"columns": {"dossier": "a"}}')
    with pytest.raises(ColumnMappingError, match="unknown fields"):
        import_log(path, mapping=bad_field)
    bad_column = write(tmp_path, "m2.json", '{"columns": {"case_id": "zz"}}')
    with pytest.raises(ColumnMappingError, match="no such column"):
        import_log(path, mapping=bad_column)
    not_json = write(tmp_path, "m3.json", "{case_id: a")
    with pytest.raises(ColumnMappingError, match="not valid"):
        import_log(path, mapping=not_json)


# --- the case table: working time and the 766 rule ----------------------------------------

LEGAL_LOG = (
    "case_id,activity,timestamp,legal_days\n"
    # received Wed 01/03/2023 15:09, 1 working day: due Thu 02/03/2023 15:09
    "early,receive,2023-03-01 15:09,1\nearly,return_to_centre,2023-03-01 16:30,1\n"
    "ontime,receive,2023-03-01 15:09,1\nontime,return_to_centre,2023-03-02 10:00,1\n"
    "late,receive,2023-03-01 15:09,1\nlate,return_to_centre,2023-03-02 16:00,1\n"
    # a supplement wait of 3 working days pauses the clock: not late
    "paused,receive,2023-03-01 15:09,1\npaused,request_supplement,2023-03-01 16:00,1\n"
    "paused,supplement_received,2023-03-06 16:00,1\n"
    "paused,return_to_centre,2023-03-07 09:00,1\n"
    # a second supplement request makes it late whatever the time
    "twice,receive,2023-03-01 15:09,1\ntwice,request_supplement,2023-03-01 15:30,1\n"
    "twice,supplement_received,2023-03-01 16:00,1\n"
    "twice,request_supplement,2023-03-01 16:10,1\n"
    "twice,supplement_received,2023-03-01 16:20,1\n"
    "twice,return_to_centre,2023-03-01 16:40,1\n"
    # still open at the end of the log (07/03) and past its due date
    "open_late,receive,2023-03-01 15:09,1\nopen_late,appraise,2023-03-02 08:00,1\n"
    "open_ok,receive,2023-03-06 15:00,10\n")


def test_due_dates_lead_times_and_on_time_classes(tmp_path):
    path = write(tmp_path, "legal.csv", LEGAL_LOG)
    cases = prepare(import_log(path)).cases.set_index("case_id")
    assert cases.loc["early", "due_at"] == pd.Timestamp("2023-03-02 15:09",
                                                        tz="Asia/Ho_Chi_Minh")
    assert cases["on_time_class"].to_dict() == {
        "early": "early", "late": "late", "ontime": "on_time", "open_late": "late",
        "open_ok": "open", "paused": "on_time", "twice": "late"}
    # 15:09 -> 16:30 the same day: 81 working minutes
    assert cases.loc["early", "lead_time_working_days"] == pytest.approx(81 / 450)
    # paused: 16:00 Wed -> 16:00 Mon = 3 working days of pause
    assert cases.loc["paused", "supplement_pause_working_minutes"] == pytest.approx(3 * 450)
    assert cases.loc["paused", "n_supplement_requests"] == 1
    assert cases.loc["late", "lateness_working_hours"] == pytest.approx(51 / 60)
    assert pd.isna(cases.loc["open_ok", "finished_at"])


def test_analysis_ready_events(tmp_path):
    path = write(tmp_path, "legal.csv", LEGAL_LOG)
    log = prepare(import_log(path))
    ev = log.events
    assert ev["case_id"].is_monotonic_increasing
    first = ev[ev["case_id"] == "ontime"]
    assert first["next_activity"].tolist()[0] == "return_to_centre"
    # Wed 15:09 -> Thu 10:00: 111 min on Wed (to 17:00) + 150 min on Thu = 261 working minutes
    assert first["wait_working_minutes"].iloc[0] == pytest.approx(261)
    assert first["wait_seconds"].iloc[0] == pytest.approx((18 * 60 + 51) * 60)
    assert pd.isna(first["next_activity"].iloc[-1])
    assert log.cases["variant_rank"].min() == 1
    assert ev["activity_code"].dtype.kind == "i"


def test_legal_time_in_hours_becomes_fractions_of_a_day(tmp_path):
    """One-stop exports count hours at 8 to a day: 4 hours is half a working day."""
    path = tmp_path / "hours.csv"
    path.write_text("MaHoSo,Tên bước,Thời gian hoàn thành,ThoiGianGiaiQuyet,DonViTinh\n"
                    "A1,Tiếp nhận hồ sơ,15/09/2023 08:00,4,Giờ\n"
                    "A1,Trả kết quả,15/09/2023 11:00,4,Giờ\n"
                    "A2,Tiếp nhận hồ sơ,15/09/2023 08:10,2,Ngày\n"
                    "A2,Trả kết quả,16/09/2023 11:00,2,Ngày\n", encoding="utf-8")
    cases = import_log(path).cases.set_index("case_id")
    assert cases.loc["A1", "legal_days"] == 0.5
    assert cases.loc["A2", "legal_days"] == 2.0

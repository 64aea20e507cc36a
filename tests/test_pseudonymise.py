"""Personal data never leaves in clear unless asked: keyed pseudonyms that keep joins, free
text scrubbed of phone and ID numbers, the key never written."""

from __future__ import annotations

import gzip
import html
import unicodedata
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from dossierflow.mining import DossierflowError, import_log
from dossierflow.mining.export.export_log import export_log
from dossierflow.mining.export.pseudonymise import (
    KEY_ENV,
    default_personal_fields,
    personal_columns,
    pseudonym,
    pseudonym_key,
    pseudonymise,
)
from dossierflow.mining.io.columns import ALL_FIELDS

KEY = "a-test-key-of-enough-length"
FORMATS = ("csv", "xlsx", "parquet", "xes", "xes.gz")
# values that must not appear in clear in an exported file
SECRETS = ["Nguyễn Văn An", "Trần Thị Bích", "001203004567", "079185001234", "0912345678",
           "0987654321", "12 Lê Lợi, phường Bến Nghé", "an.nguyen@example.vn"]


@pytest.fixture
def personal_log(tmp_path):
    """A dossier log with citizens' names, CCCD, phones, addresses and e-mails, one phone
    number and one CCCD hidden in a free-text note."""
    source = tmp_path / "personal.csv"
    pd.DataFrame({
        "Mã hồ sơ": ["HS-1", "HS-1", "HS-2", "HS-2"],
        "Tên bước": ["Tiếp nhận hồ sơ", "Trả kết quả"] * 2,
        "Thời gian hoàn thành": ["13/03/2024 08:00", "14/03/2024 10:00",
                                 "15/03/2024 09:00", "18/03/2024 15:30"],
        "Người nộp": ["Nguyễn Văn An"] * 2 + ["Trần Thị Bích"] * 2,
        "Số CCCD": ["001203004567"] * 2 + ["079185001234"] * 2,
        "Số điện thoại": ["0912345678"] * 2 + ["0987654321"] * 2,
        "Địa chỉ": ["12 Lê Lợi, phường Bến Nghé"] * 2 + ["Thôn Đông, xã Tiên Du"] * 2,
        "Email": ["an.nguyen@example.vn"] * 2 + [None] * 2,
        "Ghi chú": ["gọi 0912 345 678 khi có kết quả", "", "CCCD 079185001234 đã đối chiếu",
                    "liên hệ an.nguyen@example.vn"],
    }).to_csv(source, index=False, encoding="utf-8-sig")
    return import_log(source)


def decoded_text(path: Path) -> str:
    """Everything a reader of the file could see, decoded: the CSV text, every XML part of the
    workbook with entities resolved, the Parquet values, the (gunzipped) XES."""
    name = path.name
    if name.endswith(".xlsx"):
        with zipfile.ZipFile(path) as book:
            return html.unescape("".join(book.read(n).decode("utf-8") for n in book.namelist()))
    if name.endswith(".parquet"):
        table = pq.read_table(path)
        return " ".join(map(str, table.schema.names + [v for c in table.columns
                                                       for v in c.to_pylist()]))
    data = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
    return html.unescape(data.decode("utf-8-sig"))


def _appears(secret: str, path: Path) -> bool:
    raw = path.read_bytes()
    forms = {unicodedata.normalize(f, secret) for f in ("NFC", "NFD")}
    return any(f.encode("utf-8") in raw or f in decoded_text(path) for f in forms)


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_personal_value_is_written_in_clear(personal_log, tmp_path, fmt):
    done = export_log(personal_log, tmp_path / f"out.{fmt}", key=KEY)
    assert set(done.pseudonymised.columns) == {"Người nộp", "Số CCCD", "Số điện thoại",
                                               "Địa chỉ", "Email"}
    assert done.pseudonymised.scrubbed == 3 and done.pseudonymised.scrubbed_columns == (
        "Ghi chú",)
    leaked = [s for s in SECRETS if _appears(s, done.path)]
    assert leaked == []
    assert not _appears(KEY, done.path)
    back = import_log(done.path)
    assert len(back.cases) == 2 and len(back.events) == 4


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_leak_check_sees_clear_values(personal_log, tmp_path, fmt):
    """The check above can fail: without pseudonymisation every value is found."""
    path = export_log(personal_log, tmp_path / f"out.{fmt}", pseudonymise=False).path
    assert [s for s in SECRETS if not _appears(s, path)] == []


def test_the_same_key_gives_the_same_pseudonyms_and_joins_survive(personal_log, tmp_path):
    first = import_log(export_log(personal_log, tmp_path / "a.csv", key=KEY).path)
    second = import_log(export_log(personal_log, tmp_path / "b.parquet", key=KEY).path)
    other = import_log(export_log(personal_log, tmp_path / "c.csv", key=KEY + "!").path)
    columns = ["case_id", "Người nộp", "Số CCCD", "Số điện thoại"]
    assert first.events[columns].astype(str).equals(second.events[columns].astype(str))
    assert not first.events["Số CCCD"].equals(other.events["Số CCCD"])
    assert first.events["Số CCCD"].str.fullmatch(r"psn_[0-9a-f]{16}").all()
    # the phone number in the note gets the phone column's pseudonym
    assert first.events.loc[0, "Số điện thoại"] in first.events.loc[0, "Ghi chú"]
    # the dossier id itself as a personal field: events and cases still join
    hidden = export_log(personal_log, tmp_path / "d.xes", key=KEY,
                        personal_fields=[*default_personal_fields(), "Mã hồ sơ"]).path
    back = import_log(hidden)
    assert not set(back.cases["case_id"]) & {"HS-1", "HS-2"}
    assert back.events.groupby("case_id").size().tolist() == [2, 2]
    assert set(back.events["Người nộp"]) == set(first.events["Người nộp"])


def test_key_comes_from_argument_then_environment_then_random(monkeypatch):
    monkeypatch.setenv(KEY_ENV, "k" * 20)
    assert pseudonym_key(KEY).source == "argument"
    assert pseudonym_key().source == f"environment variable {KEY_ENV}"
    assert pseudonym_key(env="DOSSIERFLOW_UNSET_KEY").source == "random"
    monkeypatch.delenv(KEY_ENV)
    one, two = pseudonym_key(), pseudonym_key()
    assert one.source == "random" and one.secret != two.secret
    assert pseudonym("0912345678", one) != pseudonym("0912345678", two)
    assert KEY not in repr(pseudonym_key(KEY))


def test_random_keys_make_exports_unlinkable(personal_log, tmp_path, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    a = export_log(personal_log, tmp_path / "a.parquet")
    b = export_log(personal_log, tmp_path / "b.parquet")
    assert a.key_source == "random"
    assert not set(pd.read_parquet(a.path)["Số CCCD"]) & set(
        pd.read_parquet(b.path)["Số CCCD"])


@pytest.mark.parametrize("key", ["", "short", b"0123456789"])
def test_short_keys_are_refused(key):
    with pytest.raises(DossierflowError, match="bytes") as error:
        pseudonym_key(key)
    assert "secrets.token_urlsafe" in error.value.fix


@pytest.mark.parametrize("name,personal", [
    ("Số điện thoại", True), ("SO DIEN THOAI", True), ("so_dien_thoai", True),
    ("SoDienThoai", True), ("case:Địa chỉ", True), ("Họ và tên", True), ("CCCD", True),
    ("Số CMND/CCCD", True), ("E-mail", True), ("Ngày sinh", True), ("phone_number", True),
    ("Tên bước", False), ("Người xử lý", False), ("agency", False), ("resource", False),
    ("Ghi chú", False), ("Mã hồ sơ", False),
])
def test_default_personal_fields_match_blind_to_accents_case_and_spacing(name, personal):
    assert (personal_columns([name]) == [name]) is personal


def test_defaults_name_no_canonical_field_but_a_user_may():
    """Officers (resource), agencies and ids stay by default; naming a field's source column
    (``Người xử lý``) selects the canonical column."""
    aliases = {a.casefold() for names in ALL_FIELDS.values() for a in names}
    assert not {n.casefold() for n in default_personal_fields()} & aliases
    assert personal_columns(["case_id", "resource", "agency"], ["Người xử lý"]) == ["resource"]


@pytest.mark.parametrize("text,scrubbed", [
    ("gọi 0912345678", True), ("gọi 0912 345 678", True), ("gọi 0912.345.678", True),
    ("gọi +84912345678", True), ("gọi +84 912 345 678", True), ("máy bàn 02223812345", True),
    ("CCCD 001203004567.", True), ("mail An.Nguyen@Example.vn", True),
    ("ngày 05.09.2023 13:40", False), ("mã 000.00.21.H03-230301-0001", False),
    ("lệ phí 150000000 đồng", False), ("số 1234567890123", False), ("bước 3 của 10", False),
])
def test_free_text_scrubbing(text, scrubbed):
    frame = pd.DataFrame({"Ghi chú": [text]})
    out, done = pseudonymise(frame, pseudonym_key(KEY))
    assert (out.loc[0, "Ghi chú"] != text) is scrubbed
    assert done.scrubbed == int(scrubbed)


def test_canonical_forms_give_one_pseudonym_and_missing_stays_missing():
    key = pseudonym_key(KEY)
    frame = pd.DataFrame({"Số điện thoại": ["0912345678", "0912 345 678", "+84912345678",
                                            None],
                          "Họ tên": ["Nguyễn Văn An", "NGUYỄN  VĂN AN",
                                     unicodedata.normalize("NFD", "Nguyễn Văn An"), "Lê B"]})
    out, done = pseudonymise(frame, key)
    assert done.columns == ("Số điện thoại", "Họ tên")
    assert out["Số điện thoại"].iloc[:3].nunique() == 1 and pd.isna(out.loc[3, "Số điện thoại"])
    assert out["Họ tên"].iloc[:3].nunique() == 1 and out.loc[3, "Họ tên"] != out.loc[0, "Họ tên"]


def test_shared_examples_lose_their_personal_data(examples_dir, tmp_path):
    log = import_log(examples_dir / "phieu_kiem_soat.csv",
                     cases=examples_dir / "danh_sach_ho_so.csv")
    clear = [str(v) for c in ("Người nộp", "Số CCCD", "Số điện thoại")
             for v in log.cases[c].dropna().unique()]
    assert len(clear) > 100
    for fmt in ("csv", "xlsx"):
        path = export_log(log, tmp_path / f"out.{fmt}", key=KEY).path
        text = decoded_text(path)
        assert [v for v in clear if v in text] == []

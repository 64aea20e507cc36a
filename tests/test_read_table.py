"""read_table on malformed and odd inputs (each built here), and on the shared example files.

Every odd input ends in EITHER a documented repair (a RawTable whose notes say what was
repaired) OR a specific error class whose message names the file and says what is wrong.
"""

from __future__ import annotations

import datetime
import gzip
import io
import sys
import tempfile
import unicodedata
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossierflow.mining.errors import DossierflowError, InputFileError, UnsafeInputError
from dossierflow.mining.io.raw_table import RawTable
from dossierflow.mining.io.read_table import ReadLimits, read_table
from dossierflow.mining.io.text_encoding import decode_text

HEADER = "Mã hồ sơ,Tên thủ tục,Số CCCD\n"
ROWS = ("000.00.21.H03-230301-0001,Đăng ký hộ kinh doanh,069176905016\n"
        "000.00.21.H03-230301-0002,Cấp giấy phép xây dựng,052147087005\n")
TEXT = HEADER + ROWS

XES = """<?xml version="1.0" encoding="UTF-8"?>
{doctype}<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <trace>
    <string key="concept:name" value="HS-001"/>
    <event>
      <string key="concept:name" value="{activity}"/>
      <date key="time:timestamp" value="2023-03-01T08:00:00+07:00"/>
      <string key="org:resource" value="Đỗ Văn Tùng"/>
    </event>
    <event>
      <string key="concept:name" value="Thẩm định hồ sơ"/>
      <date key="time:timestamp" value="2023-03-02T09:30:00+07:00"/>{extra}
    </event>
  </trace>
</log>
"""

SECRET = "TOP-SECRET-VALUE-4242"


def xes(doctype: str = "", activity: str = "Tiếp nhận hồ sơ", extra: str = "") -> bytes:
    return XES.format(doctype=doctype, activity=activity, extra=extra).encode("utf-8")


_TONES = set("\u0300\u0301\u0303\u0309\u0323")


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes: base letters (with circumflex, breve, horn) + combining tone."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        out.append(base + "".join(c for c in decomposed if c in _TONES))
    return "".join(out).encode("cp1258")


# "Mã hồ sơ,Tên thủ tục\n1,Đăng ký hộ kinh doanh\n2,Hồ sơ đã tiếp nhận\n" in TCVN3 (ABC)
TCVN3 = (b"M\xb7 h\xe5 s\xac,T\xaan th\xf1 t\xf4c\n1,\xa7\xa8ng k\xfd h\xe9 kinh doanh\n"
         b"2,H\xe5 s\xac \xae\xb7 ti\xd5p nh\xcbn\n")
# the same text in VNI-Windows, once opened as Western European and saved as UTF-8
VNI_MOJIBAKE = ("Maõ hoà sô,Teân thuû tuïc\n1,Ñaêng kyù hoä kinh doanh\n"
                "2,Hoà sô ñaõ tieáp nhaän\n").encode()


def workbook(path: Path, rows: list[list], sheets: tuple[str, ...] = ("Danh sách",),
             title_rows: int = 0) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = sheets[0]
    for other in sheets[1:]:
        book.create_sheet(other)
    for index in range(title_rows):
        first.append([f"DANH SÁCH HỒ SƠ (dòng tiêu đề {index + 1})"])
    for row in rows:
        first.append(row)
    book.save(path)
    return path


def gzip_bomb(inner_start: bytes, megabytes: int = 200) -> bytes:
    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)
    zeros = bytes(1024 * 1024)
    parts = [compressor.compress(inner_start)]
    parts += [compressor.compress(zeros) for _ in range(megabytes)]
    parts.append(compressor.flush())
    return b"".join(parts)


def put(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- builders: tmp_path -> (path, keyword arguments of read_table) -------------------------

def b_empty(tmp):
    return put(tmp, "empty.csv", b""), {}


def b_blank_lines_only(tmp):
    return put(tmp, "blank.csv", b"\n\r\n  \n"), {}


def b_header_only(tmp):
    return put(tmp, "header_only.csv", HEADER), {}


def b_duplicate_columns(tmp):
    return put(tmp, "dup.csv", "Mã hồ sơ,Tên thủ tục,Mã hồ sơ\n1,a,2\n"), {}


def b_nfd(tmp):
    return put(tmp, "nfd.csv", unicodedata.normalize("NFD", TEXT)), {}


def b_cp1258(tmp):
    return put(tmp, "cp1258.csv", cp1258(TEXT)), {}


def b_tcvn3(tmp):
    return put(tmp, "tcvn3.csv", TCVN3), {}


def b_vni_mojibake(tmp):
    return put(tmp, "vni.csv", VNI_MOJIBAKE), {}


def b_latin1(tmp):
    return put(tmp, "latin1.csv", "Nom,Ville\nFrançois,Besançon\nJosé,Málaga\n".encode(
        "latin-1")), {}


def b_utf16_bom(tmp):
    return put(tmp, "utf16.csv", TEXT.encode("utf-16")), {}


def b_utf16_no_bom(tmp):
    return put(tmp, "utf16le.csv", TEXT.encode("utf-16-le")), {}


def b_utf8_bom(tmp):
    return put(tmp, "bom.csv", TEXT.encode("utf-8-sig")), {}


def b_semicolon(tmp):
    return put(tmp, "semi.csv", "Mã hồ sơ;Tên thủ tục;Lệ phí\n"
                                "HS-1;Cấp bản sao văn bằng, chứng chỉ;1,5\nHS-2;Khác;2,5\n"), {}


def b_tab(tmp):
    return put(tmp, "tab.txt", TEXT.replace(",", "\t")), {}


def b_title_rows(tmp):
    titles = ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nTRUNG TÂM HÀNH CHÍNH CÔNG\n"
              "DANH SÁCH HỒ SƠ TIẾP NHẬN TỪ 01/03/2023 ĐẾN 30/05/2023\n\n")
    return put(tmp, "report.csv", titles + TEXT), {}


def b_index_column(tmp):
    return put(tmp, "pandas.csv", ",case,activity\n0,1,a\n1,1,b\n2,2,a\n"), {}


def b_short_row(tmp):
    return put(tmp, "short.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n"), {}


def b_ragged_row(tmp):
    return put(tmp, "ragged.csv", "a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n"), {}


def b_unclosed_quote(tmp):
    return put(tmp, "quote.csv", 'a,b\n1,2\n"3,4\n5,6\n'), {}


def b_cr_line_endings(tmp):
    return put(tmp, "mac.csv", TEXT.replace("\n", "\r")), {}


def b_nul_bytes(tmp):
    return put(tmp, "binary.csv", b"a,b\n1,\x00\x01\x02\n"), {}


def b_too_many_columns(tmp):
    return put(tmp, "wide.csv", "a,b,c,d\n1,2,3,4\n"), {"limits": ReadLimits(max_columns=3)}


def b_xxe(tmp):
    secret = put(tmp, "secret.txt", SECRET)
    doctype = f'<!DOCTYPE log [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    return put(tmp, "xxe.xes", xes(doctype, activity="&xxe;")), {}


def b_external_dtd(tmp):
    return put(tmp, "dtd.xes", xes('<!DOCTYPE log SYSTEM "http://example.invalid/x.dtd">\n')), {}


def b_billion_laughs(tmp):
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10))
    return put(tmp, "lol.xes", xes(f"<!DOCTYPE log [{entities}]>\n", activity="&lol9;")), {}


def b_gzip_bomb_xes(tmp):
    return put(tmp, "bomb.xes.gz", gzip_bomb(b'<?xml version="1.0"?>\n<log>')), {
        "limits": ReadLimits(max_decompressed_bytes=16 * 1024 * 1024)}


def b_gzip_bomb_csv_by_size(tmp):
    return put(tmp, "bomb.csv.gz", gzip_bomb(b"a,b\n", megabytes=20)), {
        "limits": ReadLimits(max_decompressed_bytes=8 * 1024 * 1024,
                             max_decompression_ratio=1e9)}


def b_xlsx_zip_bomb(tmp):
    path = workbook(tmp / "big.xlsx", [["a", "b"], ["1", "2"]])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", bytes(4 * 1024 * 1024))
    return path, {"limits": ReadLimits(max_decompressed_bytes=2 * 1024 * 1024)}


def b_truncated_gzip(tmp):
    return put(tmp, "cut.xes.gz", gzip.compress(xes() * 20)[:300]), {}


def b_damaged_gzip(tmp):
    data = bytearray(gzip.compress(TEXT.encode() * 50))
    data[20:40] = b"\xff" * 20
    return put(tmp, "damaged.csv.gz", bytes(data)), {}


def b_malformed_xml(tmp):
    return put(tmp, "broken.xes", xes().replace(b"</trace>", b"</trac>")), {}


def b_unescaped_ampersand(tmp):
    return put(tmp, "amp.xes", xes(activity="Thu phí & lệ phí")), {}


def b_xml_not_log(tmp):
    return put(tmp, "other.xes", b'<?xml version="1.0"?>\n<root><a/></root>\n'), {}


def b_xes_bad_int(tmp):
    return put(tmp, "badint.xes", xes(extra='\n      <int key="cost" value="12abc"/>')), {}


def b_xes_bad_date(tmp):
    return put(tmp, "baddate.xes", xes(extra='\n      <date key="due" value="tomorrow"/>')), {}


def b_xes_latin1(tmp):
    text = xes().decode("utf-8").replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    text = text.replace("Tiếp nhận hồ sơ", "Réception").replace("Đỗ Văn Tùng", "José")
    text = text.replace("Thẩm định hồ sơ", "Vérification")
    return put(tmp, "latin.xes", text.encode("latin-1")), {}


def b_xes_invalid_utf8(tmp):
    return put(tmp, "bad_bytes.xes", xes().replace("Tiếp".encode(), b"Ti\xea\xffp")), {}


def b_xes_utf16(tmp):
    return put(tmp, "utf16.xes", xes().decode("utf-8").encode("utf-16")), {}


def b_xes_no_events(tmp):
    return put(tmp, "nothing.xes", b'<?xml version="1.0"?>\n<log></log>\n'), {}


def b_xes_gz_named_csv(tmp):
    return put(tmp, "log.csv", gzip.compress(xes())), {}


def b_csv_gz(tmp):
    return put(tmp, "list.csv.gz", gzip.compress(TEXT.encode())), {}


def b_xlsx_named_csv(tmp):
    return workbook(tmp / "export.csv", [["Mã hồ sơ", "Số CCCD"], ["HS-1", "069176905016"]],
                    title_rows=2), {}


def b_csv_named_xlsx(tmp):
    return put(tmp, "export.xlsx", TEXT), {}


def b_parquet_named_csv(tmp):
    path = tmp / "table.csv"
    pd.DataFrame({"case": ["1", "2"], "n": [1, 2]}).to_parquet(path)
    return path, {}


def b_old_xls(tmp):
    return put(tmp, "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)), {}


def b_html_as_xls(tmp):
    return put(tmp, "report.xls", "<html><body><table><tr><td>Mã hồ sơ</td></tr></table>"
                                  "</body></html>"), {}


def b_pdf(tmp):
    return put(tmp, "report.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), {}


def b_directory(tmp):
    folder = tmp / "exports"
    folder.mkdir()
    return folder, {}


def b_missing(tmp):
    return tmp / "does_not_exist.csv", {}


def b_zip_not_workbook(tmp):
    path = tmp / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("danh_sach.csv", TEXT)
    return path, {}


def b_damaged_zip(tmp):
    return put(tmp, "damaged.xlsx", b"PK\x03\x04" + b"\x00" * 40 + b"garbage"), {}


def b_unknown_sheet(tmp):
    return workbook(tmp / "book.xlsx", [["a"], ["1"]], sheets=("Danh sách", "Tổng hợp")), {
        "sheet": "Sheet1"}


def b_excel_header_only(tmp):
    return workbook(tmp / "header.xlsx", [["Mã hồ sơ", "Tên thủ tục"]], title_rows=2), {}


def b_excel_duplicate(tmp):
    return workbook(tmp / "dup.xlsx", [["Mã hồ sơ", "Mã hồ sơ "], ["1", "2"]]), {}


def b_excel_stray_cell(tmp):
    return workbook(tmp / "stray.xlsx", [["a", "b"], ["1", "2", "ghi chú"]]), {}


def b_excel_named_sheet(tmp):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Bìa"
    book.active.append(["BÁO CÁO"])
    data = book.create_sheet("Danh sách")
    data.append(["Mã hồ sơ", "Ngày tiếp nhận", "Số"])
    data.append(["HS-1", datetime.datetime(2023, 3, 1, 8, 30), 5])
    path = tmp / "two.xlsx"
    book.save(path)
    return path, {"sheet": "danh sách"}


# id, builder, expected: ("repair", note substring or None) or ("error", class, key words)
CASES = [
    ("empty_file", b_empty, ("error", InputFileError, ["empty"])),
    ("blank_lines_only", b_blank_lines_only, ("error", InputFileError, ["empty"])),
    ("header_only", b_header_only, ("error", InputFileError, ["header", "no rows"])),
    ("duplicate_columns", b_duplicate_columns,
     ("error", InputFileError, ["columns 1 and 3", "Mã hồ sơ", "rename one"])),
    ("nfd_text", b_nfd, ("repair", "NFC")),
    ("cp1258_bytes", b_cp1258, ("error", InputFileError, ["not UTF-8", "Windows-1258",
                                                           "CSV UTF-8"])),
    ("tcvn3_bytes", b_tcvn3, ("error", InputFileError, ["not UTF-8", "TCVN3",
                                                         "Công cụ chuyển mã"])),
    ("vni_mojibake_utf8", b_vni_mojibake, ("error", InputFileError, ["garbled", "VNI",
                                                                     "Công cụ chuyển mã"])),
    ("latin1_bytes", b_latin1, ("error", InputFileError, ["not UTF-8", "CSV UTF-8"])),
    ("utf16_bom", b_utf16_bom, ("repair", "UTF-16")),
    ("utf16_without_bom", b_utf16_no_bom, ("repair", "without byte-order mark")),
    ("utf8_bom", b_utf8_bom, ("repair", "byte-order mark")),
    ("semicolon_delimiter", b_semicolon, ("repair", "semicolons")),
    ("tab_delimiter", b_tab, ("repair", "tabs")),
    ("title_rows_above_header", b_title_rows, ("repair", "skipped 4 title lines")),
    ("pandas_index_column", b_index_column, ("repair", "unnamed first column")),
    ("short_row", b_short_row, ("repair", "fewer cells")),
    ("ragged_row", b_ragged_row, ("error", InputFileError, ["line 3", "4 cells", "quotes"])),
    ("unclosed_quote", b_unclosed_quote, ("error", InputFileError, ["line 3", "never closed"])),
    ("cr_line_endings", b_cr_line_endings, ("repair", "line endings")),
    ("nul_bytes", b_nul_bytes, ("error", InputFileError, ["binary"])),
    ("too_many_columns", b_too_many_columns, ("error", InputFileError, ["4 columns"])),
    ("xes_xxe", b_xxe, ("error", UnsafeInputError, ["DOCTYPE", "entities"])),
    ("xes_external_dtd", b_external_dtd, ("error", UnsafeInputError, ["external"])),
    ("xes_billion_laughs", b_billion_laughs, ("error", UnsafeInputError, ["entities"])),
    ("gzip_bomb_xes", b_gzip_bomb_xes, ("error", UnsafeInputError, ["decompression bomb"])),
    ("gzip_bomb_csv_size_cap", b_gzip_bomb_csv_by_size,
     ("error", UnsafeInputError, ["decompression bomb", "more than 8,388,608"])),
    ("xlsx_zip_bomb", b_xlsx_zip_bomb, ("error", UnsafeInputError, ["decompression bomb"])),
    ("truncated_gzip", b_truncated_gzip, ("error", InputFileError, ["truncated"])),
    ("damaged_gzip", b_damaged_gzip, ("error", InputFileError, ["gzip"])),
    ("malformed_xml", b_malformed_xml, ("error", InputFileError, ["not well-formed", "line 14"])),
    ("xml_unescaped_ampersand", b_unescaped_ampersand,
     ("error", InputFileError, ["not well-formed", "line 6"])),
    ("xml_root_not_log", b_xml_not_log, ("error", InputFileError, ["<root>", "not an XES"])),
    ("xes_bad_int", b_xes_bad_int, ("error", InputFileError, ["cost", "12abc", "event 2"])),
    ("xes_bad_date", b_xes_bad_date, ("repair", "could not be read")),
    ("xes_latin1_declared", b_xes_latin1, ("repair", "converted the log from ISO-8859-1")),
    ("xes_invalid_utf8", b_xes_invalid_utf8, ("error", InputFileError, ["not well-formed",
                                                                        "line 6"])),
    ("xes_utf16", b_xes_utf16, ("error", InputFileError, ["UTF-16", "UTF-8"])),
    ("xes_without_events", b_xes_no_events, ("error", InputFileError, ["without any event"])),
    ("gzipped_xes_named_csv", b_xes_gz_named_csv, ("repair", "is an XES event log")),
    ("gzipped_csv", b_csv_gz, ("repair", None)),
    ("xlsx_named_csv", b_xlsx_named_csv,
     ("repair", "file named .csv is an Excel workbook; read it as Excel")),
    ("csv_named_xlsx", b_csv_named_xlsx, ("repair", "file named .xlsx is CSV text")),
    ("parquet_named_csv", b_parquet_named_csv, ("repair", "is a Parquet file")),
    ("old_xls_ole2", b_old_xls, ("error", InputFileError, [".xls", "Save As", ".xlsx"])),
    ("html_saved_as_xls", b_html_as_xls, ("error", InputFileError, ["HTML", "Save As"])),
    ("pdf", b_pdf, ("error", InputFileError, ["PDF"])),
    ("directory", b_directory, ("error", InputFileError, ["folder"])),
    ("missing_file", b_missing, ("error", InputFileError, ["does not exist"])),
    ("zip_not_workbook", b_zip_not_workbook,
     ("error", InputFileError, ["zip archive", "danh_sach.csv", "not an Excel workbook"])),
    ("damaged_zip", b_damaged_zip, ("error", InputFileError, ["damaged"])),
    ("unknown_sheet", b_unknown_sheet,
     ("error", InputFileError, ["Sheet1", "'Danh sách', 'Tổng hợp'"])),
    ("excel_header_only", b_excel_header_only,
     ("error", InputFileError, ["header (row 3)", "no rows"])),
    ("excel_duplicate_columns", b_excel_duplicate,
     ("error", InputFileError, ["columns 1 and 2", "rename"])),
    ("excel_stray_cell", b_excel_stray_cell, ("error", InputFileError, ["column C", "row 2"])),
    ("excel_sheet_by_name", b_excel_named_sheet, ("repair", None)),
]


@pytest.mark.parametrize("builder,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_odd_input(tmp_path, builder, expected):
    path, kwargs = builder(tmp_path)
    if expected[0] == "error":
        _, error_class, words = expected
        with pytest.raises(error_class) as caught:
            read_table(path, **kwargs)
        message = str(caught.value)
        assert path.name in message, message
        assert caught.value.fix, "every error says how to fix it"
        for word in words:
            assert word in message, (word, message)
    else:
        table = read_table(path, **kwargs)
        assert isinstance(table, RawTable)
        assert len(table.frame) > 0
        assert len(table.row_numbers) == len(table.frame)
        if expected[1] is not None:
            assert any(expected[1] in note for note in table.notes), table.notes


# --- what the repairs produce -------------------------------------------------------------

def _check_text_table(table: RawTable):
    assert list(table.frame.columns) == ["Mã hồ sơ", "Tên thủ tục", "Số CCCD"]
    assert table.frame["Số CCCD"].tolist() == ["069176905016", "052147087005"]
    assert table.frame["Tên thủ tục"].iloc[0] == "Đăng ký hộ kinh doanh"


@pytest.mark.parametrize("builder", [b_nfd, b_utf16_bom, b_utf16_no_bom, b_utf8_bom, b_tab,
                                     b_title_rows, b_cr_line_endings, b_csv_gz,
                                     b_csv_named_xlsx])
def test_repaired_text_reads_the_same(tmp_path, builder):
    path, kwargs = builder(tmp_path)
    table = read_table(path, **kwargs)
    _check_text_table(table)
    assert table.format == "csv"
    assert all(unicodedata.is_normalized("NFC", name) for name in table.frame.columns)


def test_title_rows_give_physical_lines(tmp_path):
    table = read_table(b_title_rows(tmp_path)[0])
    assert table.header_row == 5
    assert table.row_numbers.tolist() == [6, 7]


def test_row_numbers_follow_quoted_newlines_and_blank_lines(tmp_path):
    path = put(tmp_path, "lines.csv",
               'a,b,c\n1,"two\nlines",3\n\n4,5,6\n   \n7,"say ""hi""",9\n8,x,"a,b"\n')
    table = read_table(path)
    assert table.row_numbers.tolist() == [2, 5, 7, 8]
    assert table.frame["b"].tolist() == ["two\nlines", "5", 'say "hi"', "x"]
    assert table.frame["c"].tolist() == ["3", "6", "9", "a,b"]


def test_empty_cells_are_missing_and_text_stays_text(tmp_path):
    table = read_table(put(tmp_path, "t.csv", "a,b,c\n007,,1.50\n,x,\n"))
    assert table.frame["a"].iloc[0] == "007"
    assert table.frame["c"].iloc[0] == "1.50"
    assert table.frame["b"].isna().tolist() == [True, False]
    assert table.frame["a"].isna().tolist() == [False, True]


def test_short_row_padded(tmp_path):
    table = read_table(b_short_row(tmp_path)[0])
    assert table.frame["c"].isna().tolist() == [False, True, False]
    assert table.row_numbers.tolist() == [2, 3, 4]


def test_index_column_dropped(tmp_path):
    table = read_table(b_index_column(tmp_path)[0])
    assert list(table.frame.columns) == ["case", "activity"]


def test_semicolon_keeps_commas_in_cells(tmp_path):
    table = read_table(b_semicolon(tmp_path)[0])
    assert table.frame["Lệ phí"].tolist() == ["1,5", "2,5"]
    assert table.frame["Tên thủ tục"].iloc[0] == "Cấp bản sao văn bằng, chứng chỉ"


def test_xlsx_named_csv_content(tmp_path):
    table = read_table(b_xlsx_named_csv(tmp_path)[0])
    assert table.format == "xlsx"
    assert table.header_row == 3
    assert table.frame["Số CCCD"].tolist() == ["069176905016"]


def test_excel_sheet_by_name(tmp_path):
    path, kwargs = b_excel_named_sheet(tmp_path)
    table = read_table(path, **kwargs)
    assert table.sheet == "Danh sách"
    received = table.frame["Ngày tiếp nhận"].iloc[0]
    assert received == datetime.datetime(2023, 3, 1, 8, 30), "datetimes stay datetimes"
    assert table.frame["Số"].iloc[0] == 5, "numbers stay numbers"
    assert table.row_numbers.tolist() == [2]


def test_parquet_keeps_types(tmp_path):
    table = read_table(b_parquet_named_csv(tmp_path)[0])
    assert table.format == "parquet"
    assert table.frame["n"].tolist() == [1, 2]
    assert table.row_numbers.tolist() == [1, 2]


def test_xes_columns_and_timezone(tmp_path):
    table = read_table(put(tmp_path, "small.xes", xes()))
    assert table.format == "xes"
    assert list(table.frame.columns[:4]) == ["case:concept:name", "concept:name",
                                             "time:timestamp", "org:resource"]
    assert str(table.frame["time:timestamp"].dt.tz) == "UTC"
    assert table.frame["time:timestamp"].iloc[0] == pd.Timestamp("2023-03-01 01:00", tz="UTC")
    assert table.row_numbers.tolist() == [1, 2]


def test_xes_declared_encoding_is_honoured(tmp_path):
    table = read_table(b_xes_latin1(tmp_path)[0])
    assert table.frame["concept:name"].tolist() == ["Réception", "Vérification"]
    assert table.frame["org:resource"].iloc[0] == "José"


def test_xxe_does_not_read_the_referenced_file(tmp_path):
    path, _ = b_xxe(tmp_path)
    secret = str(tmp_path / "secret.txt")
    opened: list[str] = []
    watching = [True]

    def hook(event, args):
        if watching[0] and event == "open" and args and str(args[0]) == secret:
            opened.append(event)

    sys.addaudithook(hook)
    try:
        with pytest.raises(UnsafeInputError) as caught:
            read_table(path)
    finally:
        watching[0] = False
    assert not opened
    assert SECRET not in str(caught.value)


def test_gzip_bomb_stops_early(tmp_path):
    path, _ = b_gzip_bomb_xes(tmp_path)
    with pytest.raises(UnsafeInputError, match="decompression bomb"):
        read_table(path)  # default limits: the ratio cap trips after a few megabytes


def test_decode_text_fast_path_and_notes():
    text, encoding, notes = decode_text(TEXT.encode(), "x.csv")
    assert (text, encoding, notes) == (TEXT, "utf-8", [])
    text, encoding, notes = decode_text(unicodedata.normalize("NFD", TEXT).encode(), "x.csv")
    assert text == TEXT and "NFC" in notes[0]


def test_decode_text_names_the_encodings():
    for data, name in ((cp1258(TEXT), "Windows-1258"), (TCVN3, "TCVN3"),
                       (VNI_MOJIBAKE, "VNI")):
        with pytest.raises(InputFileError, match=name):
            decode_text(data, "x.csv")
    # VNI bytes (not mojibake): "Hồ sơ" = "Hoà sô" in VNI-Windows
    vni_bytes = VNI_MOJIBAKE.decode("utf-8").encode("cp1252")
    with pytest.raises(InputFileError, match="VNI"):
        decode_text(vni_bytes, "x.csv")


def test_european_utf8_is_not_mistaken_for_mojibake(tmp_path):
    path = put(tmp_path, "eu.csv", "Name,City\nMüller,Köln\nSøren,Århus\nNoël,Besançon\n")
    assert len(read_table(path).frame) == 3


# --- nothing raw escapes --------------------------------------------------------------------

PREFIXES = [b"", b"PK\x03\x04", b"\x1f\x8b", b"PAR1", b"<?xml version='1.0'?><log>",
            b"\xef\xbb\xbf", b"\xff\xfe", b"a,b\n", b"\xd0\xcf\x11\xe0"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=300),
       name=st.sampled_from(["f.csv", "f.xlsx", "f.xes", "f.xes.gz", "f.parquet", "f"]))
def test_random_bytes_never_escape_as_raw_exceptions(prefix, body, name):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(prefix + body)
        try:
            table = read_table(path)
        except DossierflowError as error:
            assert name in str(error)
        else:
            assert len(table.row_numbers) == len(table.frame)


cell = st.text(alphabet=st.sampled_from(list("aăâđêôơư bcz019,;\"'\n\tĐỗ")), max_size=8)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(cell, min_size=3, max_size=3), min_size=1, max_size=6),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_csv_round_trip(rows, delimiter):
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n",
                        quoting=csv.QUOTE_NONNUMERIC if delimiter == "\t" else csv.QUOTE_ALL)
    writer.writerow(["Mã hồ sơ", "Tên thủ tục", "Ghi chú"])
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "round.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        table = read_table(path)
    expected = [[c if c != "" else None for c in row] for row in rows]
    got = table.frame.astype(object).where(table.frame.notna(), None).values.tolist()
    assert got == expected
    assert table.row_numbers[0] == 2


# --- the shared examples and public logs ----------------------------------------------------

def test_example_dossier_list_csv(examples_dir):
    table = read_table(examples_dir / "danh_sach_ho_so.csv")
    assert len(table.frame) == 75
    assert table.header_row == 5
    assert table.row_numbers[0] == 6 and table.row_numbers[-1] == 80
    assert "Mã hồ sơ" in table.frame.columns
    cccd = table.frame["Số CCCD"]
    assert cccd.str.len().eq(12).all() and cccd.str.startswith("0").any()
    assert any("skipped 4 title lines" in note for note in table.notes)


def test_example_dossier_list_xlsx(examples_dir):
    table = read_table(examples_dir / "danh_sach_ho_so.xlsx")
    assert len(table.frame) == 75
    assert table.sheet == "Danh sách" and table.header_row == 5
    assert "Mã hồ sơ" in table.frame.columns
    cccd = table.frame["Số CCCD"].astype(str)
    assert cccd.str.len().eq(12).all() and cccd.str.startswith("0").any()
    assert table.row_numbers[0] == 6


def test_example_control_sheet(examples_dir):
    table = read_table(examples_dir / "phieu_kiem_soat.csv")
    assert len(table.frame) == 348
    assert "Mã hồ sơ" in table.frame.columns


@pytest.mark.public_logs
@pytest.mark.parametrize("name,rows", [("running-example.xes", 42), ("receipt.xes.gz", 8577),
                                       ("helpdesk.xes.gz", 21348), ("receipt.csv", 8577),
                                       ("running-example.csv", 42)])
def test_public_logs(public_dir, name, rows):
    table = read_table(public_dir / name)
    assert len(table.frame) == rows
    assert {"case:concept:name", "concept:name", "time:timestamp"} <= set(table.frame.columns)
    assert np.array_equal(table.row_numbers[:2], [1, 2] if table.format == "xes" else [2, 3])
    if table.format == "xes":
        assert str(table.frame["time:timestamp"].dt.tz) == "UTC"

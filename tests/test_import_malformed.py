"""Malformed inputs through the whole import: a documented repair or a clear error, never a
raw exception, never a hang (each case runs under a timeout)."""

from __future__ import annotations

import gzip
import io
import unicodedata
import zipfile

import pytest

from dossierflow.mining import (
    ColumnMappingError,
    DossierflowError,
    InputFileError,
    TimestampError,
    UnsafeInputError,
    import_log,
)

OK = "case_id,activity,timestamp\nc1,receive,2024-03-04 08:00\nc1,appraise,2024-03-05 09:00\n"
XES_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
XES_BODY = ('<log xes.version="1.0"><trace><string key="concept:name" value="c1"/><event>'
            '<string key="concept:name" value="{act}"/>'
            '<date key="time:timestamp" value="2024-03-04T08:00:00+07:00"/></event></trace></log>')


def gzip_bomb() -> bytes:
    """64 MiB of zeros in about 64 KiB: stopped by the decompression-ratio cap."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb") as out:
        chunk = b"\0" * (1 << 20)
        for _ in range(64):
            out.write(chunk)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["case_id", "activity", "timestamp"], ["c1", "receive", "2024-03-04 08:00"]]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# id, file name, content (str = UTF-8 text, bytes as they are), expected error or None,
# a text the error message or the report must contain
CASES = [
    ("empty file", "a.csv", b"", InputFileError, "empty"),
    ("header only", "a.csv", "case_id,activity,timestamp\n", InputFileError, "no rows"),
    ("blank lines only", "a.csv", "\n\n\n", InputFileError, ""),
    ("missing activity column", "a.csv", "case_id,timestamp\nc1,2024-03-04 08:00\n",
     ColumnMappingError, "activity"),
    ("duplicate column names", "a.csv", "case_id,activity,activity,timestamp\nc,a,b,2024-01-02\n",
     InputFileError, "activity"),
    ("all timestamps unparseable", "a.csv", "case_id,activity,timestamp\nc1,a,soon\nc1,b,later\n",
     TimestampError, "timestamp"),
    ("day and month orders mixed", "a.csv",
     "case_id,activity,timestamp\nc1,a,13/01/2024 08:00\nc1,b,01/13/2024 08:00\n",
     TimestampError, "month-first"),
    ("ambiguous day/month", "a.csv", "case_id,activity,timestamp\nc1,a,02/03/2024 08:00\n",
     None, "dayfirst"),
    ("some timestamps unparseable", "a.csv", OK + "c1,deliver_result,31/02/2024 25:00\n",
     None, "unparseable timestamp"),
    ("mixed ISO and day-first", "a.csv", OK + "c1,deliver_result,25/03/2024 10:00\n",
     None, "mixes formats"),
    ("every row unusable", "a.csv", "case_id,activity,timestamp\n,a,2024-03-04\n,b,2024-03-05\n",
     ColumnMappingError, "no usable rows"),
    ("NFD Vietnamese text", "a.csv",
     unicodedata.normalize("NFD", "case_id,activity,timestamp\nhồ sơ 1,Tiếp nhận hồ sơ,"
                                  "2024-03-04 08:00\n"), None, "NFC"),
    ("cp1258 bytes", "a.csv",
     "case_id,activity,timestamp\nc1,Tiếp nhận,2024-03-04\n".encode("cp1258", "replace")
     + b"\xd2\xec", InputFileError, "UTF-8"),
    ("UTF-16 text", "a.csv", "\ufeff" + OK, None, ""),
    ("semicolon delimiter", "a.csv", OK.replace(",", ";"), None, ""),
    ("XES with an external entity", "a.xes",
     XES_HEAD + '<!DOCTYPE log [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     + XES_BODY.format(act="&x;"), UnsafeInputError, "entit"),
    ("XES billion laughs", "a.xes",
     XES_HEAD + '<!DOCTYPE log [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     + XES_BODY.format(act="&b;"), UnsafeInputError, "entit"),
    ("gzip bomb", "a.xes.gz", gzip_bomb(), UnsafeInputError, "bomb"),
    ("truncated gzip", "a.xes.gz", gzip.compress((XES_HEAD + XES_BODY.format(act="a"))
                                                 .encode())[:40], InputFileError, ""),
    ("malformed XML", "a.xes", XES_HEAD + "<log><trace><event></trace></log>",
     InputFileError, ""),
    ("workbook named .csv", "a.csv", xlsx_bytes(), None, "Excel"),
    ("zip that is not a workbook", "a.xlsx", None, InputFileError, ""),
    ("old .xls", "a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, InputFileError,
     "xlsx"),
    ("binary garbage", "a.csv", bytes(range(256)) * 8, InputFileError, ""),
]


def write_case(tmp_path, name, content):
    path = tmp_path / name
    if content is None:  # a zip archive without a workbook inside
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "not a workbook")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content.startswith("\ufeff"):
        path.write_bytes(content.encode("utf-16"))
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case_id,name,content,error,text", CASES, ids=[c[0] for c in CASES])
def test_malformed_input(tmp_path, case_id, name, content, error, text):
    path = write_case(tmp_path, name, content)
    if error is None:
        imported = import_log(path)
        report = "\n".join(line for r in imported.reports for line in r.lines())
        assert text in report
        assert len(imported.events) >= 1
        return
    with pytest.raises(DossierflowError) as info:
        import_log(path)
    assert isinstance(info.value, error), info.value
    message = str(info.value)
    assert name in message
    assert text.lower() in message.lower()
    assert "How to fix" in message

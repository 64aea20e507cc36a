"""Map the columns of an input table onto dossierflow's canonical fields.

Automatic for XES keys, plain English names and the Vietnamese one-stop sync fields
(MaHoSo, NgayTiepNhan, …); anything else through a JSON mapping file.
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dossierflow.mining.errors import ColumnMappingError

# canonical field -> accepted source names, best first (compared after `normalise_name`)
EVENT_FIELDS: dict[str, tuple[str, ...]] = {
    "case_id": ("case:concept:name", "case_id", "caseid", "case", "case id", "dossier_id",
                "mahoso", "mã hồ sơ", "số hồ sơ", "ma ho so"),
    "activity": ("concept:name", "activity", "activity_name", "activity id", "task", "event",
                 "tên bước", "bước xử lý", "hoạt động", "tên công việc", "công việc"),
    "timestamp": ("time:timestamp", "timestamp", "complete_timestamp", "end_timestamp",
                  "end_time", "completed_at", "time", "thời gian hoàn thành", "ngày hoàn thành",
                  "thời điểm", "thời gian xử lý"),
    "start_timestamp": ("start_timestamp", "start_time", "started_at", "start",
                        "thời gian giao", "thời gian bắt đầu", "thời gian nhận"),
    "resource": ("org:resource", "resource", "user", "officer", "người xử lý",
                 "cán bộ xử lý", "cán bộ"),
    "role": ("org:role", "role", "vai trò"),
    "agency": ("agency", "agency_id", "đơn vị xử lý", "donvixuly"),
    "lifecycle": ("lifecycle:transition", "lifecycle", "transition", "event_type"),
}
CASE_FIELDS: dict[str, tuple[str, ...]] = {
    "procedure_id": ("procedure_id", "mathutuc", "mã thủ tục", "mã tthc", "case:procedure_id"),
    "procedure_name": ("procedure", "procedure_name", "tên thủ tục hành chính", "tên thủ tục",
                       "thủ tục", "tenthutuc", "thủ tục hành chính"),
    "case_agency": ("case:agency", "case:department", "cơ quan giải quyết", "cơ quan",
                    "coquangiaiquyet", "department"),
    "field": ("field", "lĩnh vực", "linhvuc", "case:field"),
    "channel": ("channel", "case:channel", "kenhthuchien", "kênh thực hiện", "hình thức nộp",
                "kênh nộp"),
    "model": ("model", "case:model", "mô hình", "mohinh"),
    "received_at": ("received_at", "ngaytiepnhan", "ngày tiếp nhận", "case:startdate"),
    "due_at": ("due_at", "ngayhentra", "ngày hẹn trả", "hạn trả", "case:deadline"),
    "finished_at": ("finished_at", "ngayketthucxuly", "ngày có kết quả",
                    "ngày kết thúc xử lý", "ngày xử lý xong"),
    "returned_at": ("returned_at", "ngaytraketqua", "ngày trả kết quả"),
    "legal_days": ("legal_days", "thoigiangiaiquyet", "thời hạn giải quyết",
                   "thời gian giải quyết", "số ngày giải quyết"),
    "legal_unit": ("legal_unit", "donvitinh", "đơn vị tính"),
    "status": ("status", "trangthaihoso", "trạng thái", "trạng thái hồ sơ", "case:status"),
    "digitised": ("digitised", "duocsohoa", "được số hóa", "số hóa"),
    "paid_online": ("paid_online", "duocthanhtoantructuyen", "thanh toán trực tuyến"),
    "fee": ("fee", "phí", "lệ phí", "phí, lệ phí", "phí/lệ phí"),
    # the system's own on-time verdict of the dossier (Trước hạn / Đúng hạn / Trễ hạn)
    "system_verdict": ("system_verdict", "kết quả", "ketqua"),
}
ALL_FIELDS = {**EVENT_FIELDS, **CASE_FIELDS}
TIME_FIELDS = ("timestamp", "start_timestamp", "received_at", "due_at", "finished_at",
               "returned_at")
MAPPING_KEYS = ("columns", "dayfirst", "formats", "sheet", "duplicates", "impossible_orders",
                "calendar")
# columns the analysis-ready tables derive (mining/log/analysis_table.py `prepare`): an
# attribute of the same name is kept as ``attr_<name>`` (see `attribute_name`)
DERIVED_COLUMNS = (
    # events
    "case_code", "activity_code", "resource_code", "agency_code", "event_index", "clock",
    "next_activity", "wait_seconds", "wait_working_minutes", "start_clock", "service_seconds",
    "service_working_minutes",
    # cases
    "n_events", "first_timestamp", "last_timestamp", "n_supplement_requests",
    "supplement_pause_working_minutes", "lead_time_seconds", "lead_time_working_days",
    "handling_working_days", "on_time_class", "lateness_working_hours", "variant_id",
    "variant_rank", "variant",
)
_DERIVED = {name.casefold() for name in (*DERIVED_COLUMNS, "_row", "_source")}
_FIELDS = {name.casefold() for name in ALL_FIELDS}


def normalise_name(name: object) -> str:
    """Compare column names without case, accents, spacing or underscores."""
    text = unicodedata.normalize("NFD", str(name)).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(text.replace("_", " ").replace("-", " ").split())


_ALIAS_INDEX = {
    canonical: [normalise_name(a) for a in aliases] for canonical, aliases in ALL_FIELDS.items()
}


@dataclass
class MappingFile:
    """What a user states in a mapping file (all optional)."""

    columns: dict[str, str] = field(default_factory=dict)
    dayfirst: bool | None = None
    formats: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None
    # identical rows: "drop" (default for CSV, Excel, Parquet: an export artefact) or "keep"
    # (default for XES, written by an event-logging system where repeats are events)
    duplicates: str | None = None
    # dossiers whose events are in an impossible order (mining/io/event_order.py): "keep"
    # (the default: kept and flagged) or "exclude"
    impossible_orders: str | None = None
    # the log's working calendar: {"country": "NL", "timezone": "Europe/Amsterdam",
    # "sessions": [["09:00", "17:00"]], "weekdays": [0, 1, 2, 3, 4]} (each key optional;
    # checked by dossierflow.mining.log.working_time.CalendarChoice)
    calendar: dict | None = None

    @classmethod
    def load(cls, path: str | Path) -> MappingFile:
        """Read and check a JSON mapping file."""
        path = Path(path)
        example = ('{"columns": {"case_id": "Số hồ sơ", "activity": "Bước", '
                   '"timestamp": "Thời điểm"}, "dayfirst": true}')
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except FileNotFoundError:
            raise ColumnMappingError("the mapping file does not exist.", file=str(path),
                                     fix="give the path of a JSON file.") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            row = getattr(exc, "lineno", None)
            raise ColumnMappingError(f"the mapping file is not valid UTF-8 JSON ({exc}).",
                                     file=str(path), row=row,
                                     fix=f"write it like {example}") from None
        if not isinstance(data, dict):
            raise ColumnMappingError("the mapping file must hold a JSON object.",
                                     file=str(path), fix=f"write it like {example}")
        unknown = sorted(set(data) - set(MAPPING_KEYS))
        if unknown:
            raise ColumnMappingError(f"unknown keys {unknown} in the mapping file.",
                                     file=str(path),
                                     fix=f"use only {list(MAPPING_KEYS)}, e.g. {example}")
        columns = data.get("columns", {})
        if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
            raise ColumnMappingError('"columns" must map field names to column names.',
                                     file=str(path), column="columns",
                                     fix=f"write it like {example}")
        bad = sorted(set(columns) - set(ALL_FIELDS))
        if bad:
            raise ColumnMappingError(f"unknown fields {bad} in \"columns\".", file=str(path),
                                     column="columns",
                                     fix=f"use the fields {sorted(ALL_FIELDS)}.")
        dayfirst = data.get("dayfirst")
        if dayfirst is not None and not isinstance(dayfirst, bool):
            raise ColumnMappingError('"dayfirst" must be true or false.', file=str(path),
                                     column="dayfirst", fix='write "dayfirst": true')
        duplicates = data.get("duplicates")
        if duplicates not in (None, "keep", "drop"):
            raise ColumnMappingError('"duplicates" must be "keep" or "drop".', file=str(path),
                                     column="duplicates", fix='write "duplicates": "keep"')
        orders = data.get("impossible_orders")
        if orders not in (None, "keep", "exclude"):
            raise ColumnMappingError('"impossible_orders" must be "keep" or "exclude".',
                                     file=str(path), column="impossible_orders",
                                     fix='write "impossible_orders": "exclude"')
        calendar = data.get("calendar")
        if calendar is not None and not isinstance(calendar, dict):
            raise ColumnMappingError('"calendar" must be a JSON object.', file=str(path),
                                     column="calendar",
                                     fix='write "calendar": {"country": "NL", '
                                         '"timezone": "Europe/Amsterdam"}')
        return cls(columns=columns, dayfirst=dayfirst, formats=dict(data.get("formats", {})),
                   sheet=data.get("sheet"), duplicates=duplicates, calendar=calendar,
                   impossible_orders=orders)


@dataclass
class ColumnMapping:
    """Which source column fills each canonical field, and how it was chosen."""

    fields: dict[str, str]
    chosen_by: dict[str, str]  # field -> "mapping file" | "automatic"
    unmapped: list[str]  # source columns kept under their own names

    def describe(self) -> list[str]:
        """One line per mapped field, e.g. ``case_id <- 'Mã hồ sơ' (automatic)``."""
        return [f"{f} <- '{c}' ({self.chosen_by[f]})" for f, c in self.fields.items()]


def attribute_name(source: str, mapped: Iterable[str] = ()) -> str:
    """The name an unmapped column is kept under: its own, or ``attr_<name>`` when that name
    (without an XES ``case:`` prefix, ignoring case as SQL engines do) is a column dossierflow
    derives, e.g. Disco's ``case:variant`` -> ``case:attr_variant``, or a canonical field that
    another column fills (an XES ``case:legal_days`` is the field itself unless ``mapped``, the
    fields already taken, holds it)."""
    prefix = "case:" if source.startswith("case:") else ""
    bare = source[len(prefix):].casefold()
    taken = {m.casefold() for m in mapped}
    clash = bare in _DERIVED or (bare in _FIELDS and (not prefix or bare in taken))
    return f"{prefix}attr_{source[len(prefix):]}" if clash else source


def map_columns(columns: list[str], explicit: MappingFile | None = None, *,
                file: str | None = None) -> ColumnMapping:
    """Match source columns to canonical fields: the mapping file first, then aliases."""
    explicit = explicit or MappingFile()
    fields: dict[str, str] = {}
    chosen_by: dict[str, str] = {}
    for canonical, source in explicit.columns.items():
        if source not in columns:
            close = difflib.get_close_matches(source, columns, n=3)
            raise ColumnMappingError(
                f"the mapping file names column '{source}' for {canonical}, but the file has "
                f"no such column.", file=file, column=source,
                fix=f"use one of {close or columns[:12]}.")
        fields[canonical] = source
        chosen_by[canonical] = "mapping file"
    taken = set(fields.values())
    normalised = {c: normalise_name(c) for c in columns}
    for canonical, aliases in _ALIAS_INDEX.items():
        if canonical in fields:
            continue
        for alias in aliases:
            match = next((c for c in columns if c not in taken and normalised[c] == alias), None)
            if match is not None:
                fields[canonical] = match
                chosen_by[canonical] = "automatic"
                taken.add(match)
                break
    unmapped = [c for c in columns if c not in taken]
    return ColumnMapping(fields=fields, chosen_by=chosen_by, unmapped=unmapped)


def require(mapping: ColumnMapping, needed: tuple[str, ...], columns: list[str], *,
            file: str | None, shape: str) -> None:
    """Raise a ColumnMappingError naming each missing field and the likely columns."""
    missing = [f for f in needed if f not in mapping.fields]
    if not missing:
        return
    hints = []
    for f in missing:
        close = difflib.get_close_matches(f, mapping.unmapped, n=2, cutoff=0.4)
        hints.append(f"{f} (accepted names: {', '.join(ALL_FIELDS[f][:4])}"
                     + (f"; perhaps '{close[0]}'?" if close else "") + ")")
    example = ", ".join(f'"{f}": "<column>"' for f in missing)
    raise ColumnMappingError(
        f"cannot read this {shape}: no column for {'; '.join(hints)}. "
        f"Columns found: {columns[:15]}.", file=file, column=missing[0],
        fix=f'rename the column, or pass --mapping FILE with {{"columns": {{{example}}}}}.')

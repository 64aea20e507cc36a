"""Turn a file a centre brings into canonical event and case tables, with a validation report.

Three shapes are accepted: an event log (a row per event: XES, pm4py-style CSV, the
process-control sheet), a dossier list (a row per dossier, as one-stop systems export it; its
date columns become events) and both together, joined on the dossier id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dossierflow.mining import vocabulary
from dossierflow.mining.errors import ColumnMappingError, TimestampError
from dossierflow.mining.io.columns import (
    CASE_FIELDS,
    EVENT_FIELDS,
    TIME_FIELDS,
    ColumnMapping,
    MappingFile,
    attribute_name,
    map_columns,
    require,
)
from dossierflow.mining.io.event_order import (
    DESCRIPTIONS,
    FLAG_COLUMNS,
    ORDER_MODES,
    OrderMode,
    order_flags,
)
from dossierflow.mining.io.raw_table import RawTable
from dossierflow.mining.io.read_table import read_table
from dossierflow.mining.io.timestamps import detect_order, parse_timestamps
from dossierflow.mining.io.validation import SAMPLE_ROWS, OrderFinding, ValidationReport

# dossier-list date column -> the event it evidences
MILESTONES = {"received_at": "receive", "finished_at": "issue_result",
              "returned_at": "deliver_result"}
TRUE_VALUES = {"1", "true", "yes", "y", "x", "co", "có", "đã số hóa", "da so hoa", "2"}


@dataclass
class ImportedLog:
    """Canonical events and cases of one import, with how they were obtained; ``flags`` holds
    a row per dossier and order rule it breaks (mining/io/event_order.py)."""

    events: pd.DataFrame
    cases: pd.DataFrame
    mapping: dict[str, ColumnMapping]
    reports: list[ValidationReport]
    rejected: pd.DataFrame
    sources: list[str] = field(default_factory=list)
    flags: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=FLAG_COLUMNS, dtype="string"))

    @property
    def report(self) -> ValidationReport:
        """The report of the main file (the event log or the dossier list given first)."""
        return self.reports[0]

    def summary(self) -> dict:
        """Counts and time span."""
        ts = self.events["timestamp"]
        return {"cases": int(self.events["case_id"].nunique()),
                "events": len(self.events),
                "activities": int(self.events["activity"].nunique()),
                "first_event": ts.min().isoformat() if len(ts) else None,
                "last_event": ts.max().isoformat() if len(ts) else None}


def import_log(path: str | Path, *, mapping: str | Path | MappingFile | None = None,
               cases: str | Path | None = None, sheet: str | None = None,
               impossible_orders: OrderMode | None = None) -> ImportedLog:
    """Read a log (and optionally a dossier list) into canonical tables.

    Raises a DossierflowError subclass when the input cannot be used at all; rows that
    cannot be used are dropped and counted in the report, never silently. Dossiers whose
    events are in an impossible order are flagged and kept, or left out when
    ``impossible_orders`` (else the mapping file's) is "exclude".
    """
    explicit = mapping if isinstance(mapping, MappingFile) else (
        MappingFile.load(mapping) if mapping else MappingFile())
    mode = impossible_orders or explicit.impossible_orders or "keep"
    if mode not in ORDER_MODES:
        raise ColumnMappingError(f"impossible_orders is '{mode}'.", column="impossible_orders",
                                 fix=f"choose one of {list(ORDER_MODES)}.")
    raw = read_table(path, sheet=sheet or explicit.sheet)
    table, col_map, report, rejected = _canonical(raw, explicit)
    parts = [(raw, table, report)]
    reports = [report]
    mappings = {raw.path: col_map}
    sources = [raw.path]
    if "activity" in table:
        events = table
        case_rows = _case_rows(table, col_map)
    else:
        events = _milestone_events(table)
        table, lost = _drop_without_events(table, events, raw, report)
        rejected = pd.concat([rejected, lost], ignore_index=True)
        parts = [(raw, table, report)]
        case_rows = table
    if cases is not None:
        raw_cases = read_table(cases)
        # the mapping file names the columns of the log; only its date settings apply here
        case_table, case_map, case_report, case_rejected = _canonical(
            raw_cases, MappingFile(dayfirst=explicit.dayfirst, calendar=explicit.calendar),
            shape="dossier list")
        mappings[raw_cases.path] = case_map
        sources.append(raw_cases.path)
        reports.append(case_report)
        parts.append((raw_cases, case_table, case_report))
        rejected = pd.concat([rejected, case_rejected], ignore_index=True)
        events = _add_milestones(events, case_table)
        case_table, lost = _drop_without_events(case_table, events, raw_cases, case_report)
        rejected = pd.concat([rejected, lost], ignore_index=True)
        case_rows = _merge_cases(case_rows, case_table)
    # on equal times the log's own events come before the dossier list's milestones
    source = events["_source"].fillna(0) if "_source" in events else 0
    events = events.assign(_source=source).sort_values(
        ["case_id", "timestamp", "_source", "_row"], kind="stable").drop(columns="_source")
    case_table = _finish_cases(case_rows, events)
    flags = order_flags(events, case_table, (explicit.calendar or {}).get("timezone")
                        or vocabulary.TZ)
    flags = flags.assign(action="excluded" if mode == "exclude" else "kept").astype("string")
    if len(flags):
        left_out = _judge_orders(flags, mode, parts)
        if mode == "exclude":
            rejected = pd.concat([rejected, left_out], ignore_index=True)
            events = events[~is_in(events["case_id"], flags["case_id"])]
            case_table = case_table[~is_in(case_table["case_id"], flags["case_id"])]
            case_table = case_table.reset_index(drop=True)
            if events.empty:
                raise ColumnMappingError(
                    "every dossier breaks an order rule "
                    f"({', '.join(sorted(flags['rule'].unique()))}), so none is left.",
                    file=raw.path, fix='keep them ("impossible_orders": "keep", the default) '
                                       "and read the flags in the validation report.")
    events = events.drop(columns=[c for c in CASE_FIELDS if c in events]
                         + [c for c in events if c.startswith("case:")])
    return ImportedLog(events=events.reset_index(drop=True), cases=case_table,
                       mapping=mappings, reports=reports, rejected=rejected, sources=sources,
                       flags=flags)


def _judge_orders(flags: pd.DataFrame, mode: OrderMode, parts) -> pd.DataFrame:
    """Report the dossiers that break order rules on the main report; when they are excluded,
    count their rows in each file's report and return those rows as rejected rows."""
    action = "excluded" if mode == "exclude" else "flagged"
    main = parts[0][2]
    for rule, description in DESCRIPTIONS.items():
        ids = flags.loc[flags["rule"] == rule, "case_id"].unique()
        if len(ids):
            main.orders.append(OrderFinding(rule, description, len(ids),
                                            [str(i) for i in ids[:SAMPLE_ROWS]], action))
    if mode == "keep":
        return pd.DataFrame()
    why = flags.groupby("case_id")["rule"].agg(", ".join)
    left_out = []
    for raw, table, report in parts:
        hit = is_in(table["case_id"], why.index.to_series())
        rows = table["_row"].to_numpy()
        dossiers = table.loc[hit, "case_id"].nunique()
        report.add(f"rows of {dossiers:,} dossier{'s' if dossiers != 1 else ''} excluded: "
                   "their events are in an impossible order (see the flags)", hit, rows,
                   action="excluded")
        report.rows_kept -= int(hit.sum())
        case_of_row = pd.Series(table["case_id"].to_numpy()[hit], index=rows[hit])
        row_numbers = np.asarray(raw.row_numbers)
        lost = np.isin(row_numbers, rows[hit])
        reason = np.full(len(lost), None, dtype=object)
        reason[lost] = ("dossier excluded, impossible order: " + why.reindex(
            case_of_row.reindex(row_numbers[lost]).to_numpy()).astype(str)).to_numpy()
        left_out.append(_rejected_rows(raw, lost, reason))
    return pd.concat(left_out, ignore_index=True)


def _canonical(raw: RawTable, explicit: MappingFile, shape: str | None = None):
    """Rename, parse and validate one raw table."""
    frame = raw.frame
    columns = [str(c) for c in frame.columns]
    col_map = map_columns(columns, explicit, file=raw.path)
    fields = col_map.fields
    if shape is None:
        shape = ("event log" if {"activity", "timestamp"} & set(fields) or "received_at"
                 not in fields else "dossier list")
    needed = ("case_id", "activity", "timestamp") if shape == "event log" else (
        "case_id", "received_at")
    require(col_map, needed, columns, file=raw.path, shape=shape)
    report = ValidationReport(file=raw.path, rows_read=len(frame), notes=list(raw.notes))
    rows = np.asarray(raw.row_numbers)

    table = pd.DataFrame({"_row": rows})
    for canonical, source in fields.items():
        table[canonical] = frame[source].array
    taken = {c.casefold() for c in table.columns}
    for source in col_map.unmapped:
        name = attribute_name(source, fields)
        why = "dossierflow computes or maps a column of that name itself"
        while name.casefold() in taken:  # column names are case-blind in SQL engines
            name += " (original)"
            why = "its name clashes with another column when case is ignored"
        if name != source:
            shown = name.removeprefix("case:") if shape == "event log" else name
            report.notes.append(f"column '{source}' kept as '{shown}': {why}")
        taken.add(name.casefold())
        table[name] = frame[source].array

    drop = np.zeros(len(table), dtype=bool)
    reason = np.full(len(table), None, dtype=object)

    def mark(why: str, mask: np.ndarray, column: str | None, action: str = "dropped") -> None:
        mask = np.asarray(mask, dtype=bool) & ~drop
        report.add(why, mask, rows, column=column, action=action)
        reason[mask & (action == "dropped")] = why
        drop[:] |= mask

    for text_field in ("case_id", "activity"):
        if text_field in table:
            values = _clean_text(table[text_field])
            table[text_field] = values
            mark(f"missing {text_field.replace('_', ' ')}", values.isna().to_numpy(),
                 fields[text_field])
    if "activity" in table:
        table["activity"], recognised = vocabulary.activity_ids(table["activity"])
        if recognised:
            report.notes.append(f"{recognised} activity names recognised in the one-stop "
                                "vocabulary and replaced by their ids")
    _parse_times(table, fields, explicit, raw, report, mark)
    if "lifecycle" in table:
        table = _pair_lifecycle(table, report, mark, drop, fields["lifecycle"])
    content = [c for c in table.columns if c != "_row"]
    dup = None if shape == "dossier list" else table.duplicated(subset=content).to_numpy()
    if dup is None:
        mark("dossier id listed twice", table["case_id"].duplicated(keep="first").to_numpy(),
             fields["case_id"])
    elif (explicit.duplicates or ("keep" if raw.format == "xes" else "drop")) == "keep":
        report.add("identical to an earlier row; kept as a repeated event", dup, rows,
                   action="kept")
    else:
        mark("exact duplicate of an earlier row", dup, None)
    rejected = _rejected_rows(raw, reason != None, reason)  # noqa: E711 (element-wise)
    table = table.loc[~drop].reset_index(drop=True)
    report.rows_kept = len(table)
    if table.empty:
        raise ColumnMappingError(
            f"no usable rows: every one of {report.rows_read:,} rows was rejected "
            f"({'; '.join(f'{i.count} {i.reason}' for i in report.issues)}).", file=raw.path,
            fix="check that the right columns are mapped (see the report) and that the file "
                "holds data rows.")
    return table, col_map, report, rejected


def _rejected_rows(raw: RawTable, lost: np.ndarray, reason: np.ndarray) -> pd.DataFrame:
    """The ``lost`` rows of ``raw`` with their reason and original values."""
    rows = np.asarray(raw.row_numbers)
    return pd.DataFrame({
        "file": raw.path, "row": rows[lost], "reason": reason[lost].astype(str),
        "values": raw.frame.iloc[np.flatnonzero(lost)].astype("string").fillna("").to_json(
            orient="records", lines=True, force_ascii=False).rstrip("\n").split("\n")
        if lost.any() else []})


def is_in(values: pd.Series, among: pd.Series) -> np.ndarray:
    """Element-wise membership of text values, hashed in Arrow (fast on millions of rows)."""
    return pc.is_in(pa.array(values.astype("string").array), value_set=pa.array(
        among.astype("string").unique())).to_numpy(zero_copy_only=False).astype(bool)


def _clean_text(values: pd.Series) -> pd.Series:
    text = values.astype("string").str.strip()
    return text.mask(text == "")


def _parse_times(table, fields, explicit, raw, report, mark) -> None:
    """Parse every mapped time column; ambiguous day/month settled by the file's evidence."""
    present = [f for f in TIME_FIELDS if f in table]
    order = None if explicit.dayfirst is None else ("dmy" if explicit.dayfirst else "mdy")
    if order is None:
        found = {f: detect_order(table[f], column=fields[f], file=raw.path,
                                 row_numbers=raw.row_numbers) for f in present}
        decisive = {o for o in found.values() if o in ("dmy", "mdy")}
        if len(decisive) > 1:
            raise TimestampError(
                "some date columns are day-first and others month-first: "
                + ", ".join(f"'{fields[f]}' {o}" for f, o in found.items() if o in decisive)
                + ".", file=raw.path, fix='state the order with "dayfirst" in a mapping file.')
        order = decisive.pop() if decisive else None
        if order:
            settled = [fields[f] for f, o in found.items() if o == "ambiguous"]
            if settled:
                report.notes.append(f"columns {settled} could be read day-first or month-first; "
                                    f"read as {order} like the other date columns of the file")
    for name in present:
        parsed = parse_timestamps(table[name], column=fields[name], file=raw.path,
                                  row_numbers=raw.row_numbers, order=order,
                                  fmt=explicit.formats.get(name),
                                  tz=(explicit.calendar or {}).get("timezone") or vocabulary.TZ)
        table[name] = parsed.values.array
        report.notes.extend(parsed.notes)
        if name == "timestamp":
            mark("missing timestamp", parsed.missing, fields[name])
            mark("unparseable timestamp", parsed.failed, fields[name])
        elif parsed.failed.any():
            report.add(f"unparseable {name.replace('_', ' ')}: left empty", parsed.failed,
                       raw.row_numbers, column=fields[name], action="repaired")


def _pair_lifecycle(table, report, mark, drop, column) -> pd.DataFrame:
    """Turn XES start/complete pairs into one event with start_timestamp (FIFO per activity)."""
    life = table["lifecycle"].astype("string").str.strip().str.lower()
    starts = (life == "start").fillna(False).to_numpy(dtype=bool)
    if not starts.any():
        return table.drop(columns=["lifecycle"]).assign(lifecycle=life)
    completes = (life == "complete").fillna(False).to_numpy(dtype=bool)
    mark("lifecycle other than start/complete", ~(starts | completes), column)
    key = ["case_id", "activity"]
    ok = ~drop
    s = table.loc[starts & ok, key + ["timestamp"]].sort_values("timestamp", kind="stable")
    s["_k"] = s.groupby(key).cumcount()
    c = table.loc[completes & ok, key + ["timestamp"]].sort_values("timestamp", kind="stable")
    c["_k"] = c.groupby(key).cumcount()
    matched = c.reset_index().merge(s.rename(columns={"timestamp": "_start"}).reset_index(),
                                    on=key + ["_k"], how="left", suffixes=("", "_s"))
    table["start_timestamp"] = pd.Series(pd.NaT, index=table.index, dtype=table[
        "timestamp"].dtype)
    table.loc[matched["index"].to_numpy(), "start_timestamp"] = matched["_start"].to_numpy()
    used_starts = np.zeros(len(table), dtype=bool)
    used_starts[matched["index_s"].dropna().astype(int).to_numpy()] = True
    mark("start event merged into its complete event", starts & used_starts, column,
         action="merged")
    mark("start event without a matching complete", starts & ~used_starts, column)
    report.notes.append("lifecycle start/complete pairs merged into one event with "
                        "start_timestamp")
    return table.drop(columns=["lifecycle"])


def _milestone_events(cases: pd.DataFrame) -> pd.DataFrame:
    """Events evidenced by a dossier list's date columns."""
    parts = []
    for column, activity in MILESTONES.items():
        if column in cases:
            part = cases.loc[cases[column].notna(), ["case_id", "_row", column]]
            parts.append(part.rename(columns={column: "timestamp"}).assign(activity=activity))
    events = pd.concat(parts, ignore_index=True)
    events["activity"] = events["activity"].astype("string")
    return events


def _drop_without_events(table: pd.DataFrame, events: pd.DataFrame, raw: RawTable,
                         report: ValidationReport) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Dossier-list rows whose dossier has no readable date and no event: dropped with their
    reason (else they would count as used and then vanish from the cases)."""
    lost = ~is_in(table["case_id"], events["case_id"]) if len(events) else \
        np.ones(len(table), dtype=bool)
    rows = np.asarray(raw.row_numbers)
    mask = np.isin(rows, table.loc[lost, "_row"].to_numpy())
    if not mask.any():
        return table, _rejected_rows(raw, mask, np.full(len(rows), None, dtype=object))
    why = "no readable date of receipt, result or return, and no event of the dossier"
    if lost.all():
        raise ColumnMappingError(
            f"no dossier of the list has a readable date ({len(table):,} rows).", file=raw.path,
            fix="map the columns of receipt, result and return dates (see the report).")
    report.add(why, mask, rows, column=None, action="dropped")
    report.rows_kept -= int(lost.sum())
    reason = np.full(len(rows), None, dtype=object)
    reason[mask] = why
    return table.loc[~lost].reset_index(drop=True), _rejected_rows(raw, mask, reason)


def _add_milestones(events: pd.DataFrame, case_table: pd.DataFrame) -> pd.DataFrame:
    """Add the dossier list's milestones that the event file does not already show."""
    milestones = _milestone_events(case_table).assign(_source=1)
    has_events = is_in(milestones["case_id"], events["case_id"])
    seen = pd.MultiIndex.from_frame(events[["case_id", "activity"]].astype(str))
    already = pd.MultiIndex.from_frame(milestones[["case_id", "activity"]].astype(str)).isin(seen)
    # a case with events keeps its own record of the result; only the return is added
    add = ~already & (~has_events | (milestones["activity"] == "deliver_result").to_numpy())
    return pd.concat([events, milestones.loc[add]], ignore_index=True)


def _case_rows(events: pd.DataFrame, col_map: ColumnMapping) -> pd.DataFrame:
    """Case attributes carried on event rows (XES case:* keys and mapped case fields)."""
    columns = [c for c in events if c in CASE_FIELDS or c.startswith("case:")]
    rows = events.groupby("case_id", sort=False)[columns].first() if columns else \
        pd.DataFrame(index=pd.Index(events["case_id"].unique(), name="case_id"))
    rows = rows.rename(columns=lambda c: c[5:] if c.startswith("case:") else c)
    rows = rows.loc[:, ~rows.columns.duplicated()]
    return rows.reset_index()


def _merge_cases(case_rows: pd.DataFrame, case_table: pd.DataFrame) -> pd.DataFrame:
    extra = case_table.drop(columns=["_row"])
    merged = case_rows[["case_id"]].merge(extra, on="case_id", how="outer")
    return merged


def _finish_cases(case_rows: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Normalise case attributes to canonical values; one row per case with events."""
    cases = case_rows.drop(columns=[c for c in ("_row",) if c in case_rows])
    cases = cases[is_in(cases["case_id"], events["case_id"])].drop_duplicates("case_id")
    if "case_agency" in cases:
        cases = cases.rename(columns={"case_agency": "agency"})
    if "procedure_name" in cases and "procedure_id" not in cases:
        cases["procedure_id"] = cases["procedure_name"]
    normalisers = {"channel": vocabulary.channels, "status": vocabulary.statuses,
                   "model": vocabulary.models}
    for column, normalise in normalisers.items():
        if column in cases:
            known = normalise(cases[column])
            cases[column] = known.fillna(cases[column].astype("string"))
    for column in ("digitised", "paid_online"):
        if column in cases:
            cases[column] = cases[column].astype("string").str.strip().str.lower().isin(
                TRUE_VALUES)
    for column in ("fee", "legal_days"):
        if column in cases:
            cases[column] = pd.to_numeric(cases[column].astype("string").str.replace(
                ",", ".", regex=False), errors="coerce")
    if "legal_unit" in cases and "legal_days" in cases:
        hours = cases["legal_unit"].astype("string").str.lower().str.contains("giờ|gio|hour",
                                                                             na=False)
        # (as floats: 4 hours is half a working day)
        cases["legal_days"] = cases["legal_days"].astype("Float64")
        cases.loc[hours, "legal_days"] = cases.loc[hours, "legal_days"] / 8
    first = [c for c in ("case_id",) + tuple(CASE_FIELDS) if c in cases]
    order = first + [c for c in cases if c not in first]
    return cases[order].sort_values("case_id").reset_index(drop=True)


__all__ = ["ImportedLog", "import_log", "EVENT_FIELDS"]

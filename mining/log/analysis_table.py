"""The analysis-ready log: computed once at import, then every question is a filter + group-by.

Events are sorted by (case, time) and carry integer codes, the next activity and the time to
the next event in wall-clock seconds and in working minutes. Cases carry lead times, due dates,
supplement pauses, the on-time class of Decision 766 (docs/domain.md §1.5) and a variant id.

A due date the log gives (Ngày hẹn trả) is used as it is: one-stop systems set a new appointment
after a supplement, so it already holds the pause. Only a due date computed from the legal time
gets the pause added. Where the log carries the system's own verdict (``system_verdict``), the
import's report says how far the computed class agrees with it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dossierflow.mining.io.import_log import ImportedLog, is_in
from dossierflow.mining.log.working_time import WorkCalendar
from dossierflow.mining.vocabulary import TZ, on_time_verdicts

# the step that marks the result as ready (766 reference point), then the fall-backs
RESULT_READY = ("return_to_centre", "issue_result", "appraise_approve_on_spot")
RETURNED = ("deliver_result",)
CLOSED_OTHERWISE = ("stop_processing", "reject_intake", "withdraw")
TERMINAL = RESULT_READY + RETURNED + CLOSED_OTHERWISE
SUPPLEMENT_REQUEST, SUPPLEMENT_RECEIVED = "request_supplement", "supplement_received"
CODED = ("case_id", "activity", "resource", "agency")
ON_TIME_CLASSES = ("early", "on_time", "late", "open")
VERDICTS = ("early", "on_time", "late")  # what a system's own verdict can say


@dataclass
class AnalysisLog:
    """Analysis-ready events and cases, and the calendar their working times were measured on."""

    events: pd.DataFrame
    cases: pd.DataFrame
    calendar: WorkCalendar


def calendar_for(events: pd.DataFrame, calendar: WorkCalendar | None = None) -> WorkCalendar:
    """A calendar covering every year of the log (the default office hours when none given)."""
    years = events["timestamp"].dt.tz_convert(TZ).dt.year
    first, last = int(years.min()) - 1, int(years.max()) + 2
    if calendar is not None:
        return calendar.covering(first, last)  # the same country, zone and office hours
    return WorkCalendar(first_year=min(first, 2000), last_year=max(last, 2040))


def prepare(log: ImportedLog, calendar: WorkCalendar | None = None) -> AnalysisLog:
    """Derive the analysis-ready events and cases of an imported log; when the log carries
    the system's own verdict, note in the import's report how far the computed on-time class
    agrees with it."""
    calendar = calendar_for(log.events, calendar)
    events = _events(log.events, calendar)
    cases = _cases(log.cases, events, calendar)
    _note_agreement(log, cases)
    return AnalysisLog(events=events, cases=cases, calendar=calendar)


def _events(raw: pd.DataFrame, calendar: WorkCalendar) -> pd.DataFrame:
    ev = raw.sort_values(["case_id", "timestamp"], kind="stable").reset_index(drop=True)
    for column in CODED:
        if column in ev:
            codes, _ = pd.factorize(ev[column], sort=True)
            ev[f"{column.removesuffix('_id')}_code"] = codes.astype(np.int32)
    case = ev["case_code"].to_numpy()
    same_case_next = np.r_[case[1:] == case[:-1], False]
    ev["event_index"] = ev.groupby("case_code", sort=False).cumcount().astype(np.int32)
    ev["clock"] = calendar.to_clock(ev["timestamp"])
    ts_ns = ev["timestamp"].to_numpy(dtype="datetime64[ns]").astype(np.int64)
    next_ns = np.r_[ts_ns[1:], 0]
    next_clock = np.r_[ev["clock"].to_numpy()[1:], np.nan]
    ev["next_activity"] = ev["activity"].shift(-1).where(same_case_next)
    ev["wait_seconds"] = np.where(same_case_next, (next_ns - ts_ns) / 1e9, np.nan)
    ev["wait_working_minutes"] = np.where(same_case_next, next_clock - ev["clock"], np.nan)
    if "start_timestamp" in ev:
        ev["start_clock"] = calendar.to_clock(ev["start_timestamp"])
        ev["service_seconds"] = (ev["timestamp"] - ev["start_timestamp"]).dt.total_seconds()
        ev["service_working_minutes"] = ev["clock"] - ev["start_clock"]
    return ev.drop(columns=["_row"])


def _first_time(events: pd.DataFrame, activities: tuple[str, ...]):
    """Per case, the time of the first event among ``activities``, in priority order."""
    out = pd.Series(pd.NaT, index=pd.Index([], name="case_id"), dtype=events["timestamp"].dtype)
    for activity in activities:
        hit = events.loc[events["activity"] == activity]
        times = hit.groupby("case_id")["timestamp"].first()
        out = times if out.empty else out.combine_first(times)
    return out


def _cases(given: pd.DataFrame, ev: pd.DataFrame, calendar: WorkCalendar) -> pd.DataFrame:
    grouped = ev.groupby("case_id", sort=True)
    cases = pd.DataFrame({
        "case_code": grouped["case_code"].first(),
        "n_events": grouped.size().astype(np.int32),
        "first_timestamp": grouped["timestamp"].first(),
        "last_timestamp": grouped["timestamp"].last(),
    })
    cases = cases.join(given.set_index("case_id"), how="left")
    uses_vocabulary = is_in(ev["activity"], pd.Series(TERMINAL)).any()
    for column in ("received_at", "due_at", "finished_at", "returned_at"):
        if column not in cases:
            cases[column] = pd.Series(pd.NaT, index=cases.index, dtype=ev["timestamp"].dtype)
    cases["received_at"] = cases["received_at"].fillna(cases["first_timestamp"])
    if uses_vocabulary:
        ended = _first_time(ev, RESULT_READY).combine_first(
            _first_time(ev, RETURNED)).combine_first(_first_time(ev, CLOSED_OTHERWISE))
        cases["finished_at"] = cases["finished_at"].fillna(ended)
        cases["returned_at"] = cases["returned_at"].fillna(_first_time(ev, RETURNED))
    else:  # a log without the one-stop vocabulary: a case ends with its last event
        cases["finished_at"] = cases["finished_at"].fillna(cases["last_timestamp"])
    given_due = cases["due_at"].notna().to_numpy()
    if "legal_days" in cases:
        computed = pd.Series(calendar.add_working_days(
            cases["received_at"], cases["legal_days"].to_numpy(dtype=float)),
            index=cases.index)
        cases["due_at"] = cases["due_at"].fillna(computed.dt.tz_convert("UTC"))

    requests = ev["activity"] == SUPPLEMENT_REQUEST
    cases["n_supplement_requests"] = requests.groupby(ev["case_id"]).sum().astype(np.int32)
    cases["supplement_pause_working_minutes"] = _supplement_pause(ev)

    measured_at = ev["timestamp"].max()
    end = cases["finished_at"].fillna(measured_at)
    received_clock = calendar.to_clock(cases["received_at"])
    end_clock = calendar.to_clock(end)
    pause = cases["supplement_pause_working_minutes"].to_numpy()
    handling = end_clock - received_clock - pause
    cases["lead_time_seconds"] = (cases["finished_at"] - cases["received_at"]).dt.total_seconds()
    cases["lead_time_working_days"] = np.where(
        cases["finished_at"].notna(), (end_clock - received_clock) / calendar.minutes_per_day,
        np.nan)
    cases["handling_working_days"] = handling / calendar.minutes_per_day
    # a given due date already holds the pause; a computed one does not
    judged_end = end_clock - np.where(given_due, 0.0, pause)
    cases["on_time_class"], cases["lateness_working_hours"] = _on_time(
        cases, calendar, judged_end)
    if "system_verdict" in cases:
        raw = cases["system_verdict"].astype("string")
        cases["system_verdict"] = on_time_verdicts(raw).fillna(raw)
    cases = cases.join(_variants(ev))
    return cases.reset_index()


def _supplement_pause(ev: pd.DataFrame) -> pd.Series:
    """Working minutes between each supplement request and the next supplement received."""
    mask = is_in(ev["activity"], pd.Series([SUPPLEMENT_REQUEST, SUPPLEMENT_RECEIVED]))
    sub = ev.loc[mask, ["case_id", "activity", "clock"]]
    nxt = sub.groupby("case_id")["activity"].shift(-1)
    nxt_clock = sub.groupby("case_id")["clock"].shift(-1)
    paired = (sub["activity"] == SUPPLEMENT_REQUEST) & (nxt == SUPPLEMENT_RECEIVED)
    pause = (nxt_clock - sub["clock"]).where(paired, 0.0)
    total = pause.groupby(sub["case_id"]).sum()
    return total.reindex(ev["case_id"].unique()).fillna(0.0).sort_index()


def _on_time(cases: pd.DataFrame, calendar: WorkCalendar, effective_end_clock: np.ndarray):
    """Early / on time / late by the 766 rule; open dossiers judged at the log's end."""
    due = cases["due_at"]
    has_due = due.notna().to_numpy()
    due_clock = np.full(len(cases), np.nan)
    due_clock[has_due] = calendar.to_clock(due[has_due])
    end_local = pd.Series(calendar.from_clock(np.where(np.isnan(effective_end_clock), 0,
                                                       effective_end_clock)),
                          index=cases.index)
    due_local = due.dt.tz_convert(calendar.timezone)
    closed = cases["finished_at"].notna().to_numpy()
    late = has_due & (effective_end_clock > due_clock)
    same_day = (end_local.dt.normalize() == due_local.dt.normalize()).to_numpy()
    late |= has_due & closed & (cases["n_supplement_requests"].to_numpy() > 1)
    klass = np.where(~has_due, None,
                     np.where(late, "late",
                              np.where(~closed, "open",
                                       np.where(same_day, "on_time", "early"))))
    lateness = np.where(late, np.maximum(effective_end_clock - due_clock, 0) / 60, 0.0)
    lateness = np.where(has_due, lateness, np.nan)
    return pd.array(klass, dtype="string"), lateness


def classes_by_verdict(cases: pd.DataFrame) -> pd.DataFrame:
    """Dossiers per computed on-time class (rows) and the system's own verdict (columns), over
    the dossiers that have both; empty when the cases carry no ``system_verdict``."""
    if "system_verdict" not in cases:
        return pd.DataFrame(index=pd.Index([], name="on_time_class"))
    both = cases["on_time_class"].notna() & cases["system_verdict"].isin(VERDICTS)
    table = pd.crosstab(cases.loc[both, "on_time_class"].astype(str),
                        cases.loc[both, "system_verdict"].astype(str))
    table = table.reindex(index=ON_TIME_CLASSES, columns=VERDICTS, fill_value=0)
    table = table.loc[table.sum(axis=1) > 0, table.sum(axis=0) > 0]
    table.index.name, table.columns.name = "on_time_class", "system_verdict"
    return table


def _agreeing_on_lateness(table: pd.DataFrame) -> int:
    """Dossiers of a ``classes_by_verdict`` table on which both sides agree on late or not late."""
    late = table.index == "late"
    said_late = table.columns == "late"
    return int(table.to_numpy()[np.equal.outer(late, said_late)].sum())


def _note_agreement(log: ImportedLog, cases: pd.DataFrame) -> None:
    """Add to the report of the file giving the verdict how far the computed class agrees."""
    table = classes_by_verdict(cases)
    compared = int(table.to_numpy().sum())
    if not compared or not log.reports:
        return
    given = [(i, m.fields["system_verdict"]) for i, m in enumerate(log.mapping.values())
             if "system_verdict" in m.fields]
    index, column = given[0] if given else (0, "system_verdict")
    agree = _agreeing_on_lateness(table)
    cells = ", ".join(f"{c} → {v} {n}" for (c, v), n in table.stack().items() if n)
    note = (f"column '{column}' (the system's own verdict): the computed on-time class agrees "
            f"on late or not late for {agree} of {compared} dossiers "
            f"({100 * agree / compared:.1f} %); computed → system: {cells}")
    report = log.reports[index]
    if note not in report.notes:
        report.notes.append(note)


def _variants(ev: pd.DataFrame) -> pd.DataFrame:
    """The case's activity sequence, its variant rank (1 = most frequent) and a stable hash.

    Sequences are keyed by two polynomial hashes of the activity codes plus the length, all
    vectorised; the text of a variant is built once per variant, not once per case.
    """
    codes = ev["activity_code"].to_numpy().astype(np.uint64) + np.uint64(1)
    position = ev["event_index"].to_numpy()
    starts = np.flatnonzero(position == 0)
    keys = {"length": np.diff(np.r_[starts, len(ev)])}
    with np.errstate(over="ignore"):
        for name, base in (("h1", 1_000_003), ("h2", 998_244_353)):
            powers = np.cumprod(np.full(int(position.max()) + 1, base, dtype=np.uint64))
            keys[name] = np.add.reduceat(codes * powers[position], starts)
    key = pd.DataFrame(keys)
    variant = key.groupby(list(keys), sort=False).ngroup().to_numpy()
    first_case = pd.Series(np.arange(len(starts))).groupby(variant).first().to_numpy()
    names = ev["activity"].astype(str).to_numpy()
    text = [" → ".join(names[starts[c]:starts[c] + keys["length"][c]]) for c in first_case]
    counts = np.bincount(variant)
    order = np.argsort(-counts, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(1, len(order) + 1)
    ids = [hashlib.blake2b(t.encode(), digest_size=8).hexdigest() for t in text]
    case_ids = ev["case_id"].to_numpy()[starts]
    return pd.DataFrame({"variant_id": np.asarray(ids)[variant],
                         "variant_rank": rank[variant].astype(np.int32),
                         "variant": np.asarray(text, dtype=object)[variant]},
                        index=pd.Index(case_ids, name="case_id"))

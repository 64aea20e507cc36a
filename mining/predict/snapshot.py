"""The open dossiers at a moment ``t`` and what is known of each at ``t`` only.

A dossier is open at ``t`` when it was received at or before ``t`` and has no result by
``t``. Its features come from its own attributes fixed at receipt (procedure, agency, channel,
handling model, legal time) and from the events at or before ``t``; the agency and procedure
figures from the dossiers received or finished by ``t``. Nothing after ``t`` is read, so the
features are the same when every later event is deleted (tests/test_warning_leakage.py).

The due date known at ``t`` is the receipt plus the legal time in working days plus the
supplement pauses so far (docs/domain.md §1.5): a due date the log gives is the last appointment
the system set, possibly after ``t``, so it is used only when the log gives no legal time.
"""

from __future__ import annotations

from functools import cache

import holidays
import numpy as np
import pandas as pd

from dossierflow.mining.log.analysis_table import (
    SUPPLEMENT_RECEIVED,
    SUPPLEMENT_REQUEST,
    TERMINAL,
    AnalysisLog,
)
from dossierflow.mining.predict.step_history import step_history

APOLOGY = "apology_reschedule"
CATEGORICAL = ("agency", "channel", "model", "step")
NUMERIC = ("legal_days", "elapsed_days", "left_days", "elapsed_share", "idle_days",
           "steps_done", "supplement_requests", "waiting_supplement", "apology_sent",
           "agency_open", "agency_overdue", "officer_open", "agency_throughput", "agency_load",
           "agency_recent_late", "procedure_late_rate", "procedure_p90_days", "typical_overrun",
           "step_recent_wait", "step_wait_ratio", "idle_over_wait", "slack_days", "weekday",
           "month", "days_to_tet")
FEATURES = CATEGORICAL + NUMERIC
THROUGHPUT_DAYS = 5  # working days over which an agency's recent results are counted
RECENT_LATE_DAYS = 20  # working days over which an agency's recent late share is measured
PRIOR_WEIGHT = 20  # dossiers' worth of the overall late rate mixed into a procedure's own
# what each feature means, in Vietnamese and English (the "why" of a warning)
FEATURE_LABELS: dict[str, tuple[str, str]] = {
    "agency": ("cơ quan xử lý", "handling agency"),
    "channel": ("kênh nộp", "channel"),
    "model": ("mô hình xử lý", "handling model"),
    "step": ("bước hiện tại", "current step"),
    "legal_days": ("thời hạn luật định", "legal time"),
    "elapsed_days": ("thời gian đã xử lý", "working time elapsed"),
    "left_days": ("thời gian còn lại đến hạn", "working time left to the due date"),
    "elapsed_share": ("tỷ lệ thời hạn đã dùng", "share of the legal time used"),
    "idle_days": ("thời gian chờ ở bước hiện tại", "time waiting at the current step"),
    "steps_done": ("số bước đã làm", "steps done"),
    "supplement_requests": ("số lần yêu cầu bổ sung", "supplement requests"),
    "waiting_supplement": ("đang chờ bổ sung", "waiting for a supplement"),
    "apology_sent": ("đã gửi thư xin lỗi", "apology letter sent"),
    "agency_open": ("hồ sơ đang mở của cơ quan", "agency's open dossiers"),
    "agency_overdue": ("hồ sơ quá hạn đang mở của cơ quan", "agency's open overdue dossiers"),
    "officer_open": ("hồ sơ đang mở của cán bộ bước trước", "open dossiers of the last officer"),
    "agency_throughput": ("số hồ sơ cơ quan giải quyết gần đây", "agency's recent results"),
    "agency_load": ("tải của cơ quan", "agency's load"),
    "agency_recent_late": ("tỷ lệ trễ hạn gần đây của cơ quan", "agency's recent late share"),
    "procedure_late_rate": ("tỷ lệ trễ hạn của thủ tục", "procedure's late share"),
    "procedure_p90_days": ("thời gian xử lý thường gặp của thủ tục",
                           "procedure's usual handling time"),
    "typical_overrun": ("thời gian thường cần vượt thời gian còn lại",
                        "usual remaining time beyond the time left"),
    "step_recent_wait": ("thời gian chờ gần đây ở bước này của cơ quan",
                         "recent wait at this step in the agency"),
    "step_wait_ratio": ("bước này đang chờ lâu hơn thường lệ", "this step slower than usual"),
    "idle_over_wait": ("chờ lâu hơn các hồ sơ khác ở bước này",
                       "waiting longer than others at this step"),
    "slack_days": ("thời gian còn lại so với thời gian thủ tục thường cần từ bước này",
                   "time left against the time the procedure usually needs from this step"),
    "weekday": ("ngày trong tuần", "weekday"),
    "month": ("tháng", "month"),
    "days_to_tet": ("khoảng cách đến Tết", "distance to Tết"),
}


def moment(at, timezone: str) -> pd.Timestamp:
    """``at`` (text or timestamp) as a time in ``timezone``; naive times are read as local."""
    stamp = pd.Timestamp(at)
    return stamp.tz_localize(timezone) if stamp.tzinfo is None else stamp.tz_convert(timezone)


@cache
def _tet_days(first_year: int, last_year: int) -> np.ndarray:
    """The first day of each Lunar New Year, as days since 1970."""
    found = holidays.country_holidays("VN", years=range(first_year, last_year + 1))
    days = [day for day, name in found.items() if name == "Lunar New Year"]
    return np.array(sorted(np.datetime64(d, "D").astype(np.int64) for d in days))


def days_to_tet(local: pd.Series) -> np.ndarray:
    """Calendar days from each local time to the next first day of Tết."""
    day = local.dt.tz_localize(None).to_numpy(dtype="datetime64[D]").astype(np.int64)
    years = local.dt.year
    tet = _tet_days(int(years.min()), int(years.max()) + 1)
    return (tet[np.searchsorted(tet, day, side="left")] - day).astype(float)


def results_by(log: AnalysisLog, at) -> pd.Series:
    """The working-time clock of each dossier's result as known at ``at``, by ``case_code``:
    its first closing step (result ready, returned, stopped) logged by then, else the result
    time the log gives when not after ``at``. The log's own result time prefers the return to
    the centre to an earlier issue of the result, so it alone would read the future."""
    t = moment(at, log.calendar.timezone)
    c, ev = log.cases, log.events
    closing = ev["activity"].isin(TERMINAL).to_numpy() & (ev["timestamp"] <= t).to_numpy()
    first = ev.loc[closing].groupby("case_code", sort=False)["clock"].min()
    given = c.loc[c["finished_at"].notna() & (c["finished_at"] <= t)]
    given = pd.Series(log.calendar.to_clock(given["finished_at"]),
                      index=given["case_code"].to_numpy())
    return first.combine_first(given)


def open_at(log: AnalysisLog, at) -> pd.DataFrame:
    """The cases received at or before ``at`` with no result by then (``results_by``)."""
    t = moment(at, log.calendar.timezone)
    c = log.cases
    done = np.isin(c["case_code"].to_numpy(), results_by(log, t).index.to_numpy())
    return c.loc[(c["received_at"] <= t) & ~done]


def snapshot(log: AnalysisLog, at) -> pd.DataFrame:
    """The dossiers open at ``at`` with the features known then (``FEATURES``), indexed by
    ``case_id``, and beside them ``procedure_id``, ``received_at``, ``due_at`` (known at
    ``at``), ``officer`` (who did the last step) and ``last_event_at``."""
    cal, t = log.calendar, moment(at, log.calendar.timezone)
    cases = open_at(log, t)
    mpd = cal.minutes_per_day
    now = float(cal.to_clock(pd.Series([t]))[0])
    out = pd.DataFrame(index=pd.Index(cases["case_id"], name="case_id"))
    for column in ("procedure_id", "agency", "channel", "model"):
        out[column] = (cases[column].astype("string").to_numpy() if column in cases
                       else pd.array([pd.NA] * len(cases), dtype="string"))
    out["received_at"] = cases["received_at"].to_numpy()
    legal = (cases["legal_days"].to_numpy(dtype=float) if "legal_days" in cases
             else np.full(len(cases), np.nan))
    out["legal_days"] = legal
    out = out.join(_so_far(log, cases, t, now))
    received = cal.to_clock(cases["received_at"])
    out["elapsed_days"] = (now - received - out["pause_minutes"].to_numpy()) / mpd
    due_clock = received + legal * mpd + out["pause_minutes"].to_numpy()
    given = cal.to_clock(cases["due_at"]) if "due_at" in cases else np.full(len(cases), np.nan)
    due_clock = np.where(np.isnan(legal), given, due_clock)
    out["due_at"] = pd.Series(cal.from_clock(np.nan_to_num(due_clock)), index=out.index).where(
        ~np.isnan(due_clock))
    out["left_days"] = (due_clock - now) / mpd
    out["elapsed_share"] = out["elapsed_days"] / np.where(legal > 0, legal, np.nan)
    out = _context(log, out, t, now)
    local = pd.Series([t] * len(out), index=out.index)
    out["weekday"], out["month"] = float(t.weekday()), float(t.month)
    out["days_to_tet"] = days_to_tet(local) if len(out) else np.array([], dtype=float)
    return out.drop(columns=["pause_minutes"])


def _so_far(log: AnalysisLog, cases: pd.DataFrame, t: pd.Timestamp,
            now: float) -> pd.DataFrame:
    """Per open case, from its events at or before ``t``: the step, who did it, steps done,
    supplement requests, the supplement pause so far and whether an apology was sent."""
    ev = log.events
    mask = np.isin(ev["case_code"].to_numpy(), cases["case_code"].to_numpy())
    mask &= (ev["timestamp"] <= t).to_numpy()
    seen = ev.loc[mask, ["case_id", "activity", "timestamp", "clock"]
                  + (["resource"] if "resource" in ev else [])]
    grouped = seen.groupby("case_id", sort=False)
    last = grouped.tail(1).set_index("case_id")
    activity = seen["activity"]
    request, back = activity == SUPPLEMENT_REQUEST, activity == SUPPLEMENT_RECEIVED
    # pause: from each request to the next supplement received, or to t while still waiting
    pauses = seen.loc[request | back, ["case_id", "activity", "clock"]]
    nxt = pauses.groupby("case_id", sort=False)["clock"].shift(-1)
    nxt_activity = pauses.groupby("case_id", sort=False)["activity"].shift(-1)
    is_request = pauses["activity"] == SUPPLEMENT_REQUEST
    answered = (nxt_activity == SUPPLEMENT_RECEIVED).fillna(False).to_numpy(dtype=bool)
    ends = np.where(answered, nxt, np.where(nxt.isna(), now, 0.0))
    length = np.where(is_request & (ends > 0), ends - pauses["clock"], 0.0)
    out = pd.DataFrame({
        "step": last["activity"].astype("string"),
        "officer": last["resource"].astype("string") if "resource" in last else pd.NA,
        "last_event_at": last["timestamp"],
        "idle_days": (now - last["clock"]) / log.calendar.minutes_per_day,
        "steps_done": grouped.size().astype(float),
        "supplement_requests": request.groupby(seen["case_id"]).sum().astype(float),
        "waiting_supplement": (last["activity"] == SUPPLEMENT_REQUEST).astype(float),
        "apology_sent": (activity == APOLOGY).groupby(seen["case_id"]).any().astype(float),
        "pause_minutes": pd.Series(length, index=pauses.index).groupby(
            pauses["case_id"]).sum(),
    })
    out["pause_minutes"] = out["pause_minutes"].fillna(0.0)
    return out


def _context(log: AnalysisLog, out: pd.DataFrame, t: pd.Timestamp,
             now: float) -> pd.DataFrame:
    """The agency's queue, recent results and share over the legal time, and the procedure's
    history, all from the results known at ``t`` (``results_by``). "Over the legal time" is
    the result later than the receipt plus the legal time (supplement pauses not taken out):
    the outcome as it stands at ``t``, which the log's final class may revise."""
    cal, c = log.calendar, log.cases
    results = results_by(log, t)
    done = c.loc[np.isin(c["case_code"].to_numpy(), results.index.to_numpy())]
    done_clock = results.reindex(done["case_code"].to_numpy()).to_numpy()
    took = (done_clock - cal.to_clock(done["received_at"])) / cal.minutes_per_day
    legal = (done["legal_days"].to_numpy(dtype=float) if "legal_days" in done
             else np.full(len(done), np.nan))
    late = (took > legal).astype(float)
    agency = (done["agency"].astype("string") if "agency" in done
              else pd.Series(pd.NA, index=done.index, dtype="string"))
    recent = done_clock > now - THROUGHPUT_DAYS * cal.minutes_per_day
    window = done_clock > now - RECENT_LATE_DAYS * cal.minutes_per_day
    throughput = agency[recent].value_counts()
    recent_late = pd.Series(late[window]).groupby(agency[window].to_numpy()).mean()
    out["agency_open"] = out["agency"].map(out["agency"].value_counts()).astype(float)
    overdue = out.loc[out["left_days"] < 0, "agency"].value_counts()
    out["agency_overdue"] = out["agency"].map(overdue).fillna(0).astype(float)
    out["officer_open"] = out["officer"].map(out["officer"].value_counts()).astype(float)
    out["agency_throughput"] = out["agency"].map(throughput).fillna(0).astype(float)
    out["agency_load"] = out["agency_open"] / np.maximum(out["agency_throughput"], 1.0)
    out["agency_recent_late"] = out["agency"].map(recent_late).astype(float)
    procedure = done["procedure_id"].astype("string") if "procedure_id" in done else agency
    overall = float(late.mean()) if len(late) else 0.0
    by_procedure = pd.DataFrame({"late": late, "days": took,
                                 "procedure": procedure.to_numpy()}).groupby("procedure")
    smoothed = ((by_procedure["late"].sum() + PRIOR_WEIGHT * overall)
                / (by_procedure.size() + PRIOR_WEIGHT))
    out["procedure_late_rate"] = out["procedure_id"].map(smoothed).fillna(overall).astype(float)
    out["procedure_p90_days"] = out["procedure_id"].map(
        by_procedure["days"].quantile(0.9)).astype(float)
    out["typical_overrun"] = out["procedure_p90_days"] - out["elapsed_days"] - out["left_days"]
    return step_history(log, out, now, results)

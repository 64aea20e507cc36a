"""Turning what the event loop recorded into the event and case tables.

Every clock value of the run goes through the calendar's vectorised ``from_clock`` once;
online submissions, the end of citizen waits and out-of-hours service keep the wall-clock
moments the loop gave them.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dossierflow.mining.vocabulary import TZ
from dossierflow.simulation.engine.arrivals import Arrivals
from dossierflow.simulation.engine.clock import Clock, clock_to_utc_ns, minute_of_day, to_utc_ns
from dossierflow.simulation.engine.codes import IS_ONLINE, NS_DAY, OUTCOME_CODE, OUTCOMES
from dossierflow.simulation.engine.compile import CompiledModel
from dossierflow.simulation.engine.event_loop import RunRecord
from dossierflow.simulation.engine.routing import Paths
from dossierflow.simulation.model import CHANNELS, HANDLING_MODELS, Model

_NO_TIME = np.iinfo(np.int64).min


def logged_entries(comp: CompiledModel, paths: Paths, record: RunRecord) -> np.ndarray:
    """Whether each route entry is a logged step that ended."""
    node = paths.node
    keep = (node >= 0) & ~np.isnan(np.frombuffer(record.entry_end, dtype=np.float64))
    keep[keep] = comp.logged[node[keep]]
    return keep


@dataclass
class _CaseDates:
    """Per dossier: its legal days, and as clock values (NaN: none) its due date, result,
    apology and new date; whether it was received and its outcome code."""

    legal_days: np.ndarray
    received: np.ndarray
    due: np.ndarray
    finished: np.ndarray
    apology: np.ndarray
    new_due: np.ndarray
    outcome: np.ndarray


@dataclass
class _Events:
    """The logged route entries (case-major, in time order within a case)."""

    entry: np.ndarray        # route entry of each event
    case: np.ndarray
    activity: np.ndarray
    resource: np.ndarray     # officer, -1 none
    start_utc: np.ndarray
    end_utc: np.ndarray
    row_of_entry: np.ndarray  # event of each route entry, -1 none


def event_and_case_tables(comp: CompiledModel, clock: Clock, arr: Arrivals, paths: Paths,
                          process_of: np.ndarray, record: RunRecord, logged: np.ndarray,
                          stop_clock: float | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The event table (canonical columns) and the case table of a run; ``logged``: from
    :func:`logged_entries`; ``stop_clock``: where the run stopped (None: drained)."""
    model = comp.model
    dates = _case_dates(model, clock, arr, record, stop_clock)
    # (due, apology, new due, result) of every dossier, as UTC ns
    events, case_utc = _logged_events(comp, clock, paths, record, logged,
                                      [dates.due, dates.apology, dates.new_due, dates.finished])
    proc_agency = np.array([comp.agency_code[p.agency] for p in model.procedures], np.int64)
    case_agency = proc_agency[arr.procedure] if len(arr.clock) else np.zeros(0, np.int64)
    case_ids = _case_ids(arr, model)
    event_table = _event_table(comp, clock, arr, process_of, record, events, dates, case_utc[1],
                               case_agency, case_ids)
    case_table = _case_table(comp, arr, record, events, dates, case_utc, case_agency, case_ids)
    return event_table, case_table


def _case_dates(model: Model, clock: Clock, arr: Arrivals, record: RunRecord,
                stop_clock: float | None) -> _CaseDates:
    """Due dates (legal time from the receipt plus the paused minutes), results, outcomes and
    apologies of every dossier."""
    n = len(arr.clock)
    recv = np.frombuffer(record.received, dtype=np.float64)
    fin = np.frombuffer(record.finished, dtype=np.float64)
    ret = np.frombuffer(record.returned, dtype=np.float64)
    pause = np.frombuffer(record.paused_minutes, dtype=np.float64)
    done = np.frombuffer(record.done, dtype=np.float64)
    outcome = np.frombuffer(record.outcome, dtype=np.int64)
    legal = np.array([p.legal_days for p in model.procedures], dtype=float)[arr.procedure]
    received = recv >= 0
    safe_recv = np.where(received, recv, 0.0)
    same_day_end = clock.day_end(safe_recv)
    cutoff = model.deadlines.same_day_cutoff
    if cutoff is not None and n:
        # received at or after the cutoff: due at the close of the next working day
        day = np.minimum(np.searchsorted(clock.cum_next, safe_recv, side="right"),
                         clock.n_days - 1)
        late_in_day = safe_recv - clock.cum[day] >= clock.minutes_before(day,
                                                                         minute_of_day(cutoff))
        same_day_end = np.where(late_in_day, clock.day_end(same_day_end), same_day_end)
    legal_minutes = np.where(legal > 0, legal * clock.mpd, same_day_end - safe_recv)
    due = np.where(received, safe_recv + legal_minutes + pause, np.nan)
    finished = fin >= 0
    outcome = np.where(outcome > 0, outcome,
                       np.where(ret >= 0, OUTCOME_CODE["returned"],
                                np.where(finished | (done >= 0), OUTCOME_CODE["result_ready"],
                                         OUTCOME_CODE["open"])))
    apology, new_due = _apologies(model, clock, legal, received, safe_recv, due, fin, outcome,
                                  stop_clock)
    return _CaseDates(legal_days=legal, received=received, due=due,
                      finished=np.where(finished, fin, np.nan), apology=apology,
                      new_due=new_due, outcome=outcome)


def _apologies(model: Model, clock: Clock, legal: np.ndarray, received: np.ndarray,
               safe_recv: np.ndarray, due: np.ndarray, fin: np.ndarray, outcome: np.ndarray,
               stop_clock: float | None) -> tuple[np.ndarray, np.ndarray]:
    """Apology and new date (clock, NaN: none) of dossiers whose result comes after the due
    date, when the model's deadlines ask for apologies."""
    n = len(legal)
    deadlines = model.deadlines
    apology = np.full(n, np.nan)
    new_due = np.full(n, np.nan)
    if not (deadlines.apology and n):
        return apology, new_due
    finished = fin >= 0
    bearing = ~np.isin(outcome, [OUTCOME_CODE["rejected"], OUTCOME_CODE["withdrawn"],
                                 OUTCOME_CODE["stopped"]])
    horizon = np.inf if stop_clock is None else stop_clock
    late = received & bearing & np.where(finished, fin > due, due < horizon)
    when = np.maximum(safe_recv, due - deadlines.apology_lead_days * clock.mpd)
    late &= when <= horizon
    apology[late] = when[late]
    if deadlines.extension_days is not None:
        new_due[late] = due[late] + deadlines.extension_days * clock.mpd
    else:
        fallback = due + np.maximum(1.0, legal) * clock.mpd
        ready = np.where(finished, clock.day_end(np.where(finished, fin, 0.0)), fallback)
        new_due[late] = ready[late]
    return apology, new_due


def _logged_events(comp: CompiledModel, clock: Clock, paths: Paths, record: RunRecord,
                   logged: np.ndarray, case_clocks: list[np.ndarray]
                   ) -> tuple[_Events, np.ndarray]:
    """The logged route entries with their UTC times; and ``case_clocks`` (per dossier clock
    values, NaN: none) as UTC ns, one row each (``_NO_TIME``: none)."""
    start = np.frombuffer(record.entry_start, dtype=np.float64)
    end = np.frombuffer(record.entry_end, dtype=np.float64)
    server = np.frombuffer(record.entry_server, dtype=np.int64)
    resource = np.where(server >= 0, server, np.where(server <= -2, -2 - server, -1))
    resource = comp.place_officer[resource]  # places -> officers; -1 stays -1
    idx = np.flatnonzero(logged)
    m = len(idx)
    tz = comp.model.calendar.timezone
    # (a step that starts when the previous one ends shares its value: converted once)
    pairs = np.empty(2 * m)
    pairs[0::2] = start[idx]
    pairs[1::2] = end[idx]
    fresh = np.ones(len(pairs), dtype=bool)
    fresh[1:] = pairs[1:] != pairs[:-1]
    flat = np.concatenate([pairs[fresh], *case_clocks])
    ok = ~np.isnan(flat)
    utc = np.full(len(flat), _NO_TIME, dtype=np.int64)
    utc[ok] = clock_to_utc_ns(clock, flat[ok])
    n_fresh = int(fresh.sum())
    pair_utc = utc[:n_fresh][np.cumsum(fresh) - 1]
    ev_start, ev_end = pair_utc[0::2].copy(), pair_utc[1::2].copy()
    case_utc = utc[n_fresh:].reshape(len(case_clocks), len(case_clocks[0]))
    # from_clock maps a value on a session end to that end (17:00, 11:30); a step *starting*
    # there starts when the office opens again (07:30 next working day, 13:30)
    bound_clock, bound_next = clock.session_boundaries()
    at = np.minimum(np.searchsorted(bound_clock, start[idx]), len(bound_clock) - 1)
    on_bound = bound_clock[at] == start[idx]
    ev_start[on_bound] = to_utc_ns(bound_next[at[on_bound]], tz)
    row_of_entry = np.full(len(paths.node), -1, dtype=np.int64)
    row_of_entry[idx] = np.arange(m)
    if record.wall_clock_entries:
        # steps timed on the wall clock keep their wall-clock moments
        pos = row_of_entry[np.array(record.wall_clock_entries, dtype=np.int64)]
        hit = pos >= 0
        ev_start[pos[hit]] = to_utc_ns(np.array(record.wall_clock_starts, np.int64)[hit], tz)
        ev_end[pos[hit]] = to_utc_ns(np.array(record.wall_clock_ends, np.int64)[hit], tz)
    events = _Events(entry=idx, case=paths.case[idx], activity=comp.node_activity[paths.node[idx]],
                     resource=resource[idx], start_utc=ev_start, end_utc=ev_end,
                     row_of_entry=row_of_entry)
    return events, case_utc


def _event_table(comp: CompiledModel, clock: Clock, arr: Arrivals, process_of: np.ndarray,
                 record: RunRecord, ev: _Events, dates: _CaseDates, apology_utc: np.ndarray,
                 case_agency: np.ndarray, case_ids: np.ndarray) -> pd.DataFrame:
    """The logged events plus the online submissions (first in their case) and the apologies
    (by time), in canonical columns."""
    model = comp.model
    n = len(arr.clock)
    m = len(ev.entry)
    submit_on = np.array([p.online_submission for p in model.processes], dtype=bool)
    online = np.flatnonzero(IS_ONLINE[arr.channel] & submit_on[process_of]) if n else \
        np.zeros(0, np.int64)
    late_idx = np.flatnonzero(~np.isnan(dates.apology))
    ap_res, ap_pos = _apology_rows(clock, ev, record, dates.apology, late_idx)
    ap_time = apology_utc[late_idx] if len(late_idx) else np.zeros(0, np.int64)
    sub_pos = np.searchsorted(ev.case, online, side="left")
    sub_time = to_utc_ns(arr.wall[online], comp.model.calendar.timezone)
    extra_pos = np.concatenate([sub_pos, ap_pos]).astype(np.int64)
    all_case = np.concatenate([ev.case, online, late_idx])
    all_act = np.concatenate([ev.activity, np.full(len(online), comp.submit_activity),
                              np.full(len(late_idx), comp.apology_activity)])
    all_res = np.concatenate([ev.resource, np.full(len(online), -1), ap_res]).astype(np.int64)
    all_start = np.concatenate([ev.start_utc, sub_time, ap_time])
    all_end = np.concatenate([ev.end_utc, sub_time, ap_time])
    order = np.insert(np.arange(m), extra_pos, m + np.arange(len(extra_pos)))
    all_case, all_act, all_res = all_case[order], all_act[order], all_res[order]
    agency = np.where(all_res >= 0, comp.officer_agency[all_res],
                      case_agency[all_case] if n else -1)
    return pd.DataFrame({
        "case_id": pd.Categorical.from_codes(all_case, categories=pd.Index(case_ids, dtype=object))
        if n else pd.Categorical([], categories=[]),
        "activity": pd.Categorical.from_codes(all_act, categories=comp.activities),
        "timestamp": _tz_index(all_end[order]),
        "start_timestamp": _tz_index(all_start[order]),
        "resource": pd.Categorical.from_codes(all_res, categories=comp.officer_names),
        "role": pd.Categorical.from_codes(comp.officer_role[all_res], categories=comp.roles),
        "agency": pd.Categorical.from_codes(agency, categories=comp.agencies),
    })


def _apology_rows(clock: Clock, ev: _Events, record: RunRecord, apology: np.ndarray,
                  late_idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The writer of each apology (whoever last worked on the dossier before it, -1: none)
    and the event row before which it goes."""
    if not len(late_idx):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    start = np.frombuffer(record.entry_start, dtype=np.float64)[ev.entry]
    end = np.frombuffer(record.entry_end, dtype=np.float64)[ev.entry]
    m = len(ev.entry)
    # (case, clock) as one sortable key
    span = clock.total + 1.0
    key = late_idx * span + apology[late_idx]
    at = np.searchsorted(ev.case * span + start, key, side="right") - 1
    last_with = np.maximum.accumulate(np.where(ev.resource >= 0, np.arange(m), -1)) if m else \
        np.zeros(0, np.int64)
    j = np.where(at >= 0, last_with[np.maximum(at, 0)] if m else -1, -1)
    ok = (j >= 0) & (ev.case[np.maximum(j, 0)] == late_idx) if m else np.zeros(0, bool)
    writer = np.where(ok, ev.resource[np.maximum(j, 0)] if m else -1, -1)
    return writer, np.searchsorted(ev.case * span + end, key, side="right")


def _case_table(comp: CompiledModel, arr: Arrivals, record: RunRecord, ev: _Events,
                dates: _CaseDates, case_utc: np.ndarray, case_agency: np.ndarray,
                case_ids: np.ndarray) -> pd.DataFrame:
    """One row per dossier; ``case_utc``: due, apology, new due and result as UTC ns."""
    model = comp.model
    procs = model.procedures
    n = len(arr.clock)
    submitted_utc = to_utc_ns(arr.wall, model.calendar.timezone)

    def at_end_of(entries: array, fallback: np.ndarray | None) -> np.ndarray:
        """End timestamps of the given route entries (-2: the submission; -1: none)."""
        e = np.frombuffer(entries, dtype=np.int64)
        out = np.full(n, _NO_TIME, dtype=np.int64)
        found = e >= 0
        pos = ev.row_of_entry[e[found]]
        ok = pos >= 0
        out[np.flatnonzero(found)[ok]] = ev.end_utc[pos[ok]]
        out[e == -2] = submitted_utc[e == -2]
        if fallback is not None:
            missing = (out == _NO_TIME)
            out[missing] = fallback[missing]
        return out

    log_ids = list(dict.fromkeys(p.output_id for p in procs))
    log_code = np.array([log_ids.index(p.output_id) for p in procs], dtype=np.int64)
    return pd.DataFrame({
        "case_id": pd.array(case_ids, dtype="string"),
        "procedure_id": pd.Categorical.from_codes(
            log_code[arr.procedure] if n else np.zeros(0, np.int64), log_ids),
        "agency": pd.Categorical.from_codes(case_agency, comp.agencies),
        "channel": pd.Categorical.from_codes(arr.channel, list(CHANNELS)),
        "model": pd.Categorical.from_codes(
            np.array([HANDLING_MODELS.index(p.model) for p in procs], np.int64)[arr.procedure]
            if n else np.zeros(0, np.int64), list(HANDLING_MODELS)),
        "submitted_at": _tz_index(submitted_utc),
        "received_at": _tz_index(at_end_of(record.receipt_entry, None)),
        "due_at": _tz_index(case_utc[0]),
        "finished_at": _tz_index(at_end_of(record.result_entry, case_utc[3])),
        "returned_at": _tz_index(at_end_of(record.delivery_entry, None)),
        "legal_days": dates.legal_days,
        "outcome": pd.Categorical.from_codes(dates.outcome, list(OUTCOMES)),
        "digitised": arr.digitised,
        "paid_online": arr.paid,
        "fee": np.array([p.fee for p in procs], dtype=float)[arr.procedure],
        "n_supplement_requests": np.frombuffer(record.supplement_requests,
                                               dtype=np.int64).astype(np.int32),
        "paused_minutes": np.frombuffer(record.paused_minutes, dtype=np.float64).copy(),
        "apology_at": _tz_index(case_utc[1]),
        "new_due_at": _tz_index(case_utc[2]),
    })


def _case_ids(arr: Arrivals, model: Model) -> np.ndarray:
    """Dossier numbers ``<agency code>-<yymmdd>-<sequence of the agency that day>``."""
    if not len(arr.clock):
        return np.array([], dtype=object)
    prefixes = [model.agency_codes.get(p.agency, p.agency) for p in model.procedures]
    prefix_names = sorted(set(prefixes))
    prefix_code = np.array([prefix_names.index(p) for p in prefixes], dtype=np.int64)
    code = prefix_code[arr.procedure]
    day = arr.wall // NS_DAY
    order = np.lexsort((arr.wall, day, code))
    key = code[order] * 10**7 + day[order]
    new_group = np.r_[True, key[1:] != key[:-1]]
    group_start = np.maximum.accumulate(np.where(new_group, np.arange(len(key)), 0))
    seq = np.empty(len(key), np.int64)
    seq[order] = np.arange(len(key)) - group_start + 1
    dates = arr.wall.view("datetime64[ns]").astype("datetime64[D]")
    years = dates.astype("datetime64[Y]")
    months = dates.astype("datetime64[M]")
    ymd = ((years.astype(np.int64) + 1970) % 100 * 10000
           + (months - years).astype(np.int64) * 100 + 100
           + (dates - months).astype(np.int64) + 1)
    # the few distinct "<prefix>-<yymmdd>-" heads are formatted once
    heads, head_of = np.unique(code * 10**6 + ymd, return_inverse=True)
    head_text = [f"{prefix_names[h // 10**6]}-{h % 10**6:06d}-" for h in heads.tolist()]
    tails = [f"{k:04d}" for k in range(int(seq.max()) + 1)]
    return np.array([head_text[h] + tails[q] for h, q in zip(head_of.tolist(), seq.tolist(),
                                                                  strict=True)], dtype=object)


def _tz_index(utc_ns: np.ndarray) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(np.asarray(utc_ns, np.int64).view("datetime64[ns]")).tz_localize(
        "UTC").tz_convert(TZ)

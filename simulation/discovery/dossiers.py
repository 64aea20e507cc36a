"""The dossiers of the window and what discovery needs of each: its procedure, agency,
handling model, channel, legal time, whether it is handled as its procedure is now, the
process group it is learnt in and its arrival."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dossierflow.mining.vocabulary import TRANSFER
from dossierflow.simulation.discovery.calibration import arrival_times
from dossierflow.simulation.discovery.learn_deadlines import legal_days_from_due
from dossierflow.simulation.discovery.settings import MIN_ROUTE
from dossierflow.simulation.model import CHANNELS, ident

OWN_PROCESS = 200         # dossiers a procedure needs for a process of its own
OWN_STEP = 0.25           # share of its dossiers a procedure's distinguishing step needs
CENTRE_SHARE = 0.9        # share of the dossiers the centre's agency is found in


def _case_attributes(cases: pd.DataFrame, events: pd.DataFrame, calendar, hi,
                     notes: list[str]) -> pd.DataFrame:
    """Per dossier of the window: its procedure, agency, handling model, channel, digitised,
    paid online, fee, receipt, legal days, due date, lead time and name; whether it is handled
    as its procedure is now (``current``), its process ``group`` and its ``arrival``."""
    out = pd.DataFrame({"case_id": cases["case_id"].to_numpy()})
    cases = cases.assign(agency=_case_agency(cases, events, notes))
    for column, default, note in (
            ("procedure_id", "all", "no procedure column: one procedure 'all'"),
            ("agency", "centre", "no agency column: one agency 'centre'"),
            ("model", TRANSFER, None)):
        if column in cases and cases[column].notna().any():
            out[column] = cases[column].astype("string").fillna(default).to_numpy()
        else:
            out[column] = default
            if note:
                notes.append(note)
    out["channel"] = _channels(cases, notes)
    for column in ("digitised", "paid_online"):
        out[column] = (cases[column].fillna(False).astype(bool).to_numpy()
                       if column in cases else False)
    out["fee"] = (pd.to_numeric(cases["fee"], errors="coerce").fillna(0.0).to_numpy()
                  if "fee" in cases else 0.0)
    out["received_at"] = cases["received_at"].dt.tz_convert(calendar.timezone).array
    out["legal_days"] = _legal_days(cases, out["procedure_id"], calendar, hi, notes)
    if "due_at" in cases:
        out["due_at"] = cases["due_at"].to_numpy()
    out["lead_days"] = cases["lead_time_working_days"].to_numpy(dtype=float)
    if "procedure_name" in cases:
        out["name"] = cases["procedure_name"].astype("string").fillna("").to_numpy()
    out["current"] = _current(out, notes)
    out["group"] = _groups(out, events)
    # a dossier received before its first event (a log whose receipt date is a dossier
    # field) waits from then for its first step
    received = pd.Series(out["received_at"].to_numpy(), index=out["case_id"].astype(str))
    out["arrival"] = arrival_times(events, received).reindex(out["case_id"].astype(str)) \
        .dt.tz_convert(calendar.timezone).array
    return out


def _channels(cases: pd.DataFrame, notes: list[str]) -> np.ndarray | str:
    """Each dossier's channel, one the engine knows: an unknown 'online…' one is
    online_partial, any other unknown one (and every one of a log without channels)
    in_person."""
    if "channel" not in cases or not cases["channel"].notna().any():
        notes.append("no channel column: every dossier simulated as filed in person")
        return "in_person"
    channel = cases["channel"].astype("string").fillna("in_person")
    unknown = ~channel.isin(CHANNELS)
    if unknown.any():
        online = channel.str.startswith("online") & unknown
        notes.append(f"{int(unknown.sum())} dossiers have a channel outside {CHANNELS}: "
                     "'online…' ones are simulated as online_partial, others as in_person")
        channel = channel.mask(online, "online_partial").mask(unknown & ~online, "in_person")
    return channel.to_numpy()


def _legal_days(cases: pd.DataFrame, procedure_id: pd.Series, calendar, hi,
                notes: list[str]) -> np.ndarray | float:
    """Each dossier's legal time in working days: the log's column, else read from the due
    dates (``learn_deadlines.legal_days_from_due``), else unknown (NaN)."""
    if "legal_days" in cases and cases["legal_days"].notna().any():
        return pd.to_numeric(cases["legal_days"], errors="coerce").to_numpy()
    if "due_at" in cases and cases["due_at"].notna().any():
        given = pd.DataFrame({"procedure_id": procedure_id,
                              "received_at": cases["received_at"].to_numpy(),
                              "due_at": cases["due_at"].to_numpy()})
        notes.append("no legal time column: each procedure's legal time read from its due "
                     "dates (the median of its recent dossiers' working days from receipt to "
                     "due date)")
        return legal_days_from_due(given, calendar, hi).to_numpy()
    return np.nan


def _current(out: pd.DataFrame, notes: list[str]) -> np.ndarray:
    """Whether each dossier is under the legal time and handling model its procedure has at
    the window's end (those of its last dossier)."""
    order = out["received_at"].argsort(kind="stable")
    regime = pd.DataFrame({"legal_days": out["legal_days"].fillna(-1.0),
                           "model": out["model"].astype(str)})
    last = regime.iloc[order].groupby(out["procedure_id"].iloc[order]).last() \
        .reindex(out["procedure_id"])
    current = ((regime["legal_days"].to_numpy() == last["legal_days"].to_numpy())
               & (regime["model"].to_numpy() == last["model"].to_numpy()))
    changed = int((~current).sum())
    if changed:
        notes.append(f"{changed} dossiers received before their procedure's legal time or "
                     "handling model last changed count for arrivals and staff, not for the "
                     "process")
    return current


def _groups(out: pd.DataFrame, events: pd.DataFrame) -> list[str]:
    """Each dossier's process group: its procedure's own where the procedure has
    ``OWN_PROCESS`` current dossiers, else its agency's and handling model's, by fee status
    and distinguishing steps (``_own_steps``)."""
    size = out.groupby("procedure_id")["current"].transform("sum")
    charges = out.groupby("procedure_id")["fee"].transform("median") > 0
    steps = _own_steps(out.loc[out["current"]], events).reindex(out["procedure_id"]).fillna("")
    return [ident(f"{a}.{m}" + (f".{p}" if n >= OWN_PROCESS else
                                (".fee" if f else "") + (f".{s}" if s else "")))
            for a, m, p, n, f, s in zip(out["agency"], out["model"], out["procedure_id"],
                                        size, charges, steps, strict=True)]


def _case_agency(cases: pd.DataFrame, events: pd.DataFrame, notes) -> pd.Series | None:
    """Each dossier's agency: the log's dossier column, else the agency of its handling
    steps: the agency of most of its events other than the centre's (the agency found in
    ``CENTRE_SHARE`` of the dossiers, which receives and returns them all), else the
    centre's."""
    if "agency" in cases and cases["agency"].notna().any():
        return cases["agency"]
    if "agency" not in events or events["agency"].isna().all():
        return None
    ev = events.loc[events["agency"].notna(), ["case_id", "agency"]].astype(str)
    reach = ev.drop_duplicates().groupby("agency").size() / max(len(cases), 1)
    centre = reach.idxmax() if len(reach) > 1 and reach.max() >= CENTRE_SHARE else None
    own = ev.loc[ev["agency"] != centre] if centre is not None else ev
    top = own.groupby("case_id")["agency"].agg(lambda a: a.value_counts().index[0])
    agency = top.reindex(cases["case_id"].astype(str)).fillna(centre or pd.NA)
    notes.append("no agency column: each dossier's agency read from its handling steps"
                 + (f" (the centre, '{centre}', receives them all)" if centre else ""))
    return pd.Series(agency.to_numpy(), index=cases.index, dtype="string")


def _own_steps(cases: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
    """Per procedure, the steps that set it apart (joined by "+"): activities that, among the
    dossiers of one kind (handling model, channel, digitised, fee, paid online), some
    procedures (``MIN_ROUTE`` dossiers of the kind) never do and others mostly do (a site
    inspection, a consultation; not the digitisation of digitised paper dossiers), which it
    does for ``OWN_STEP`` of its dossiers. Procedures that differ in them do not share a
    process."""
    done = events[["case_id", "activity"]].drop_duplicates()
    done = done.loc[done["case_id"].isin(cases["case_id"])]
    kind = ["model", "channel", "digitised", "paid_online", "charged"]
    attrs = cases.assign(charged=cases["fee"] > 0).set_index("case_id")[["procedure_id", *kind]]
    done = done.join(attrs, on="case_id")
    kinds = attrs.groupby(["procedure_id", *kind]).size().rename("n")
    share = done.groupby(["procedure_id", *kind, "activity"]).size() \
        .rename("k").reset_index().join(kinds, on=["procedure_id", *kind])
    share = share.loc[share["n"] >= MIN_ROUTE]
    share["share"] = share["k"] / share["n"]
    apart = set()
    for key, g in kinds.reset_index().groupby(kind):
        counted = g.loc[g["n"] >= MIN_ROUTE, "procedure_id"]
        if len(counted) < 2:
            continue
        shares = share.loc[(share[kind] == pd.Series(key, index=kind)).all(axis=1)]
        table = shares.pivot_table(index="procedure_id", columns="activity", values="share") \
            .reindex(counted).fillna(0.0)
        apart |= {a for a in table if table[a].min() <= 0.05 and table[a].max() >= 0.5}
    if not apart:
        return pd.Series(dtype="string")
    overall = done.loc[done["activity"].isin(apart)].groupby(
        ["procedure_id", "activity"]).size().unstack(fill_value=0)
    overall = overall.div(attrs.groupby("procedure_id").size().reindex(overall.index), axis=0)
    return overall.apply(lambda row: "+".join(sorted(a for a, v in row.items()
                                                     if v >= OWN_STEP)), axis=1)

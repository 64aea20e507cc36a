"""Impossible orders of a dossier's events: a small table of named rules over the activity
vocabulary (datasets/vocabulary/activities.csv), and the dossiers that break them.

A rule says that no step of ``later`` is done before the first step of ``earlier``: a dossier
breaks it when its first ``later`` step has an earlier time (the time that orders the process
map: the end of the step) than its first ``earlier`` step. The dates of a dossier list
(received, result ready, returned) count as the steps they evidence. A step whose start time is
after its end breaks ``start_after_end``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

# what to do with dossiers that break a rule: keep them (flagged) or leave them out
OrderMode = Literal["keep", "exclude"]
ORDER_MODES: tuple[OrderMode, ...] = ("keep", "exclude")

INTAKE = ("submit_online", "receive")
RESULT_READY = ("issue_result", "return_to_centre", "appraise_approve_on_spot")
RESULT_ISSUED = ("issue_result", "return_to_centre")
DELIVERY = ("deliver_result",)
APPRAISAL = ("appraise",)
# dossier-list date column -> the step it evidences
DATE_STEPS = {"received_at": "receive", "finished_at": "issue_result",
              "returned_at": "deliver_result"}
START_AFTER_END = "start_after_end"
FLAG_COLUMNS = ("case_id", "rule", "description", "detail", "action")


@dataclass(frozen=True)
class OrderRule:
    """No step of ``later`` comes before the first step of ``earlier``."""

    name: str
    description: str
    later: tuple[str, ...]
    earlier: tuple[str, ...]


ORDER_RULES = (
    OrderRule("delivered_before_receipt", "result delivered before the dossier was received",
              DELIVERY, INTAKE),
    OrderRule("delivered_before_result", "result delivered before it was ready", DELIVERY,
              RESULT_READY),
    OrderRule("result_before_receipt", "result ready before the dossier was received",
              RESULT_READY, INTAKE),
    OrderRule("result_before_appraisal", "result issued before the dossier was appraised",
              RESULT_ISSUED, APPRAISAL),
)
DESCRIPTIONS = {rule.name: rule.description for rule in ORDER_RULES} | {
    START_AFTER_END: "a step starts after it ends"}


def _first(events: pd.DataFrame, cases: pd.DataFrame, steps: tuple[str, ...]) -> pd.DataFrame:
    """Per dossier, the first of ``steps``: its time ``at`` and its ``activity``."""
    hit = events.loc[events["activity"].isin(steps).to_numpy(),
                     ["case_id", "activity", "timestamp"]]
    parts = [hit.rename(columns={"timestamp": "at"})]
    for column, step in DATE_STEPS.items():
        if step in steps and column in cases:
            dated = cases.loc[cases[column].notna(), ["case_id", column]]
            parts.append(dated.rename(columns={column: "at"}).assign(activity=step))
    both = pd.concat(parts, ignore_index=True).dropna(subset=["at"])
    both["at"] = pd.to_datetime(both["at"], utc=True)
    return both.sort_values("at", kind="stable").drop_duplicates("case_id").set_index("case_id")


def _local(at: pd.Series, tz: str) -> pd.Series:
    return at.dt.tz_convert(tz).dt.strftime("%Y-%m-%d %H:%M")


def order_flags(events: pd.DataFrame, cases: pd.DataFrame, tz: str) -> pd.DataFrame:
    """One row per dossier and broken rule: ``case_id``, ``rule``, ``description`` and a
    ``detail`` naming the two steps and their local times (``tz``)."""
    found = []
    for rule in ORDER_RULES:
        later = _first(events, cases, rule.later)
        earlier = _first(events, cases, rule.earlier)
        pair = later.add_suffix("_later").join(earlier.add_suffix("_earlier"), how="inner")
        pair = pair[pair["at_later"] < pair["at_earlier"]]
        found.append(pd.DataFrame({
            "case_id": pair.index, "rule": rule.name, "description": rule.description,
            "detail": (pair["activity_later"] + " at " + _local(pair["at_later"], tz)
                       + " before " + pair["activity_earlier"] + " at "
                       + _local(pair["at_earlier"], tz)).to_numpy()}))
    if "start_timestamp" in events:
        wrong = events[(events["start_timestamp"] > events["timestamp"]).fillna(False)
                       .to_numpy(dtype=bool)]
        wrong = wrong.drop_duplicates("case_id")
        found.append(pd.DataFrame({
            "case_id": wrong["case_id"].to_numpy(), "rule": START_AFTER_END,
            "description": DESCRIPTIONS[START_AFTER_END],
            "detail": (wrong["activity"] + " starts " + _local(wrong["start_timestamp"], tz)
                       + ", ends " + _local(wrong["timestamp"], tz)).to_numpy()}))
    flags = pd.concat(found, ignore_index=True).astype("string")
    return flags.sort_values(["case_id", "rule"], kind="stable").reset_index(drop=True)

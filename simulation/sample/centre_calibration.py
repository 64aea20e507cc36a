"""Calibration report of the Bắc Ninh centre model: the article's figures against a run.

``measure(result)`` gives one row per figure: the target and its tolerance, the measured value
and the measurement period (docs/domain.md §3 for the indicator each figure maps to).
``office_hours_violations(result)`` counts the events outside office hours or on days off that
the model does not allow (``ALLOWED_OUTSIDE_HOURS`` says which are allowed, and why), checked
with :class:`dossierflow.mining.log.working_time.WorkCalendar`.

``python -m dossierflow.simulation.sample.centre_calibration [--full] [--seed N] [--json]``
simulates the sample (``--full``: 17/5/2017 – 31/8/2023) and prints the table, the run time and the
peak memory of the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dossierflow.mining.log.working_time import DEFAULT_OVERRIDES, WorkCalendar
from dossierflow.mining.vocabulary import ONLINE_CHANNELS, TZ
from dossierflow.simulation.engine import SimulationResult, simulate
from dossierflow.simulation.sample import catalogue
from dossierflow.simulation.sample.centre_model import (
    CUT_OFF,
    INDEX_START,
    OPENED,
    centre_model,
    sample_period,
)

# Events that may fall outside office hours or on days off, and why. Everything else is work
# of officers, done in office sessions on working days.
ALLOWED_OUTSIDE_HOURS = {
    "submit_online": "citizens submit online at any hour of any day (timestamp = submission)",
    "supplement_received": "the end of a citizen's wait: a supplement brought or uploaded "
                           "whenever the citizen is ready (its start is the officer's request)",
    "withdraw": "the end of a citizen's wait: the citizen withdraws whenever they decide",
}


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    target: float
    low: float | None
    high: float | None
    period: str
    unit: str = ""


FULL_PERIOD = "17/5/2017–31/8/2023, by receipt date"
INDEX_PERIOD = "1/8/2022–31/8/2023 (the 766 index live), by receipt date"
FIGURES = (
    Figure("dossiers", "dossiers received (accepted at intake)", 552_000, 552_000, None,
           FULL_PERIOD, "dossiers"),
    Figure("five_on_spot", "dossiers handled 5 tại chỗ", 53_000, 53_000, None, FULL_PERIOD,
           "dossiers"),
    Figure("on_time", "2.1 on time or early (766: result ready ≤ due, supplement pause "
                      "excluded)", 99.5, 99.2, 99.8, FULL_PERIOD, "%"),
    Figure("online", "3.3 submitted online (online_full + online_partial)", 53.62, 52.62, 54.62,
           INDEX_PERIOD, "%"),
    Figure("digitised", "4.2 digitised (components digitised and e-result)", 57.62, 56.62,
           58.62, INDEX_PERIOD, "%"),
    Figure("procedures_cut", "procedures with a legal-time cut since 2018 (reforms.csv)", 850,
           851, None, "reforms 2018–2023 in the catalogue", "procedures"),
)


def _local_day(stamps: pd.Series) -> pd.Series:
    return stamps.dt.tz_convert(TZ).dt.tz_localize(None).dt.normalize()


def measure(result: SimulationResult, catalogue_dir=catalogue.CATALOGUE_DIR) -> pd.DataFrame:
    """The article's figures measured on ``result`` (see :data:`FIGURES` for the periods),
    plus informative rows (no tolerance) that say more about each."""
    cases = result.cases
    accepted = cases[cases["outcome"] != "rejected"]
    day = _local_day(accepted["received_at"])
    full = accepted[(day >= OPENED) & (day < CUT_OFF)]
    index = accepted[(day >= INDEX_START) & (day < CUT_OFF)]
    on_time = full["finished_at"] <= full["due_at"]
    reforms = catalogue.reforms(catalogue_dir)
    by_cut_off = reforms[reforms["effective_date"] < CUT_OFF]
    first_cut = by_cut_off.groupby("procedure_id")["effective_date"].min()
    received = pd.DataFrame({"procedure_id": full["procedure_id"].astype(str),
                             "day": _local_day(full["received_at"])})
    received["cut"] = received["procedure_id"].map(first_cut)
    with_dossiers_after = received.loc[received["day"] >= received["cut"],
                                       "procedure_id"].nunique()
    measured = {
        "dossiers": float(len(full)),
        "five_on_spot": float((full["model"] == "five_on_spot").sum()),
        "on_time": 100.0 * float(on_time.mean()) if len(full) else float("nan"),
        "online": 100.0 * float(index["channel"].isin(ONLINE_CHANNELS).mean()) if len(index) else
        float("nan"),
        "digitised": 100.0 * float(index["digitised"].mean()) if len(index) else float("nan"),
        "procedures_cut": float(reforms["procedure_id"].nunique()),
    }
    rows = []
    for f in FIGURES:
        value = measured[f.key]
        ok = (f.low is None or value >= f.low) and (f.high is None or value <= f.high)
        rows.append(dict(figure=f.label, target=f.target, low=f.low, high=f.high,
                         measured=value, period=f.period, ok=ok))
    fee = index[index["fee"] > 0]
    info = [
        ("dossiers submitted (refusals at intake included)", len(cases),
         "submitted in the simulated horizon"),
        ("2.1 on time, 766 period", 100.0 * float((index["finished_at"] <= index["due_at"])
                                                  .mean()), INDEX_PERIOD),
        ("fully online (online_full) share", 100.0 * float((index["channel"] == "online_full")
                                                          .mean()), INDEX_PERIOD),
        ("3.5 paid online, fee-bearing dossiers", 100.0 * float(fee["paid_online"].mean()),
         INDEX_PERIOD),
        ("procedures with a cut effective by 31/8/2023", by_cut_off["procedure_id"].nunique(),
         "reforms before 1/9/2023"),
        ("… of which received dossiers after the cut", with_dossiers_after, FULL_PERIOD),
    ]
    for label, value, period in info:
        rows.append(dict(figure=label, target=np.nan, low=None, high=None,
                         measured=float(value), period=period, ok=True))
    return pd.DataFrame(rows)


def office_hours_violations(result: SimulationResult) -> pd.Series:
    """Per activity, the events outside office sessions or on days off that are not allowed
    (:data:`ALLOWED_OUTSIDE_HOURS`; the receive of online dossiers too when the counters serve
    them out of hours). Checked on both start and end timestamps, with the model's calendar
    built by :class:`~dossierflow.mining.log.working_time.WorkCalendar`."""
    model = result.model
    ev = result.events
    years = ev["timestamp"].dt.tz_convert(TZ).dt.year
    calendar = WorkCalendar(model.office_hours(), first_year=int(years.min()),
                            last_year=int(years.max()),
                            overrides=DEFAULT_OVERRIDES if model.calendar.use_overrides
                            else None, extra_holidays=model.calendar.extra_holidays)
    allowed = ev["activity"].isin(list(ALLOWED_OUTSIDE_HOURS)).to_numpy()
    if any(p.out_of_hours for p in model.pools):
        channel = result.cases.set_index("case_id")["channel"]
        online = channel.reindex(ev["case_id"].astype(str)).isin(ONLINE_CHANNELS).to_numpy()
        allowed |= (ev["activity"] == "receive").to_numpy() & online
    sessions = [(a.hour * 60 + a.minute, b.hour * 60 + b.minute)
                for a, b in model.office_hours().sessions]
    bad = np.zeros(len(ev), dtype=bool)
    for column in ("start_timestamp", "timestamp"):
        local = ev[column].dt.tz_convert(TZ).dt.tz_localize(None)
        minute = ((local - local.dt.normalize()).dt.total_seconds() / 60).to_numpy()
        inside = np.zeros(len(ev), dtype=bool)
        for a, b in sessions:
            inside |= (minute >= a - 1e-6) & (minute <= b + 1e-6)
        bad |= ~(inside & calendar.is_working_day(local))
    bad &= ~allowed
    return ev.loc[bad, "activity"].astype(str).value_counts()


def _peak_mib() -> float:
    """This process's peak resident memory in MiB: Linux's VmHWM, which starts afresh at the
    program's start (ru_maxrss keeps the peak of the process it was forked from, e.g. a large
    test runner), else ru_maxrss."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB (Linux)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="17/5/2017 – 31/8/2023")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    model = centre_model()
    built = time.perf_counter()
    start, end = sample_period(args.full)
    result = simulate(model, start=start, end=end, seed=args.seed)
    simulated = time.perf_counter()
    table = measure(result)
    violations = office_hours_violations(result)
    peak = _peak_mib()
    report = {
        "period": [f"{start:%Y-%m-%d}", f"{end:%Y-%m-%d}"], "seed": args.seed,
        "cases": len(result.cases), "events": len(result.events),
        "seconds_model": built - began, "seconds_simulate": simulated - built,
        "peak_rss_mib": peak, "figures": table.to_dict(orient="records"),
        "violations": {str(k): int(v) for k, v in violations.items()},
        "utilisation": result.pools[["pool_id", "utilisation"]].to_dict(orient="records"),
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, default=float))
        return 0
    with pd.option_context("display.width", 160, "display.max_colwidth", 70):
        print(table[["figure", "target", "measured", "period", "ok"]].to_string(index=False))
    print(f"{len(result.cases):,} dossiers, {len(result.events):,} events; model "
          f"{built - began:.1f} s, simulation {simulated - built:.1f} s, peak memory "
          f"{peak:,.0f} MiB; events outside office hours not allowed: {int(violations.sum())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The figures of one ``make bench`` run, gathered in ``benchmarks/summary.json``, and the table
of the targets they are read against.

Each benchmark script calls ``record(name=value, …)`` for what it measured. ``make bench``
first runs ``python benchmarks/bench_summary.py --start``, which empties the file (keeping the
date, the machine and the commit of the run), and ends with ``python
benchmarks/bench_summary.py``, which prints the table: work, before, now, target, met?

    .venv/bin/python benchmarks/bench_summary.py [--start] [--file PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
from collections.abc import Callable
from pathlib import Path

SUMMARY = Path(__file__).with_name("summary.json")
ROOT = Path(__file__).resolve().parents[1]


def _path() -> Path:
    return Path(os.environ.get("DOSSIERFLOW_BENCH_SUMMARY", SUMMARY))


def record(**figures: float | int | str | None) -> None:
    """Add ``figures`` to the run's summary file (a value given again replaces the old)."""
    path = _path()
    summary = json.loads(path.read_text()) if path.exists() else {}
    summary.update({k: round(v, 4) if isinstance(v, float) else v
                    for k, v in figures.items()})
    path.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")


def start_run() -> None:
    """Empty the summary for a new run: only when, where and what is measured."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    _path().write_text(json.dumps({
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}",
        "commit": commit or None}, indent=2) + "\n")


def _s(value: float) -> str:
    return f"{value:.2f} s" if value >= 1 else f"{value:.3f} s"


def _x(value: float) -> str:
    return f"{value:.1f}×"


# work, before (the figures), now (from the summary), target, met?
Row = tuple[str, str, Callable[[dict], str], str, Callable[[dict], bool]]
ROWS: list[Row] = [
    ("map + performance map + variants + KPIs, warm", "0.37 s",
     lambda s: _s(s["map_warm_s"]), "≤ 0.15 s", lambda s: s["map_warm_s"] <= 0.15),
    ("  the same, cold (first questions after opening)", "0.60 s",
     lambda s: _s(s["map_cold_s"]), "≤ 0.3 s", lambda s: s["map_cold_s"] <= 0.3),
    ("  pm4py on the same events, ratio to warm", "16.3 s (44×)",
     lambda s: f"{_s(s['pm4py_map_s'])} ({_x(s['pm4py_map_s'] / s['map_warm_s'])})",
     "≥ 100×", lambda s: s["pm4py_map_s"] / s["map_warm_s"] >= 100),
    ("slider change (50 % activities, 30 % paths)", "1.35 s",
     lambda s: f"{_s(s['slider_s'])} (first on a filter {_s(s['slider_first_s'])})"
     if "slider_first_s" in s else _s(s["slider_s"]),
     "≤ 0.1 s", lambda s: s["slider_s"] <= 0.1),
    ("filter change → new map", "0.19 s", lambda s: _s(s["filter_s"]), "≤ 0.1 s",
     lambda s: s["filter_s"] <= 0.1),
    ("import 4.0M-event CSV", "22.5 s, 2.33 GB",
     lambda s: f"{_s(s['import_csv_s'])}, {s['import_csv_peak_gb']:.2f} GB",
     "≤ 6 s, ≤ 1 GB",
     lambda s: s["import_csv_s"] <= 6 and s["import_csv_peak_gb"] <= 1),
    ("first model learning, one-year sample", "82–93 s", lambda s: _s(s["learn_model_s"]),
     "≤ 10 s", lambda s: s["learn_model_s"] <= 10),
    ("province-year simulation (~95,000 dossiers)", "1.25 s",
     lambda s: _s(s["province_year_s"]), "≤ 0.5 s", lambda s: s["province_year_s"] <= 0.5),
    ("SimPy reference model, 100k cases × 6 steps", "3.9×", lambda s: _x(s["simpy_ratio"]),
     "≥ 10×", lambda s: s["simpy_ratio"] >= 10),
    ("Prosimos models, 5k cases (slowest ratio)", "45–58×",
     lambda s: _x(s["prosimos_ratio_min"]), "≥ 200×", lambda s: s["prosimos_ratio_min"] >= 200),
    ("Prosimos median lead time, largest gap", "2.2 vs 1.9 h … 24.0 vs 20.0 h",
     lambda s: f"{100 * s['prosimos_median_gap_max']:.1f} %",
     "within Prosimos' run-to-run noise (≤ 10 %)",
     lambda s: s["prosimos_median_gap_max"] <= 0.10),
]


def table(summary: dict) -> str:
    """The rows of ``ROWS`` as a Markdown table; a figure not measured says so."""
    lines = ["| work | before | now | target | met? |", "|---|---|---|---|---|"]
    for work, before, now, target, met in ROWS:
        try:
            figure, verdict = now(summary), "yes" if met(summary) else "**no**"
        except (KeyError, TypeError, ZeroDivisionError):
            figure, verdict = "not measured", "—"
        lines.append(f"| {work} | {before} | {figure} | {target} | {verdict} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", action="store_true", help="empty the summary for a run")
    args = parser.parse_args()
    if args.start:
        start_run()
        return
    summary = json.loads(_path().read_text()) if _path().exists() else {}
    print(f"\nbenchmarks/summary.json — {summary.get('date', '?')}, "
          f"{summary.get('machine', '?')}, commit {summary.get('commit', '?')}\n")
    print(table(summary))


if __name__ == "__main__":
    main()

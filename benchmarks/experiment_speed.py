"""Speed of a what-if experiment: 20 replications of a province-year, baseline and scenario.

Prints, in one run, on this machine:

1. the wall time of ``run_experiment`` with the representative province model of
   ``simulation_speed.py`` (~95,000 dossiers a year), one scenario (legal times of the
   busiest agency's transfer procedures cut by a day, work shortened too), 20 replications of
   each variant in one process per core — against the target of 60 s — and the figures it
   yields (median lead time and on-time rate with their 95 % intervals);
2. the same province-year (its dossier count) run by the SimPy reference model of
   ``../shared/bench/simpy_reference.py``, measured for ``--simpy-runs`` replications, with the
   per-replication ratio (skipped, with a note, when ../shared or simpy is absent).

    .venv/bin/python benchmarks/experiment_speed.py [--replications 20] [--simpy-runs 2]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from simulation_speed import BENCH, YEAR, province_model  # noqa: E402

from dossierflow.simulation.experiment import run_experiment  # noqa: E402
from dossierflow.simulation.scenarios import Scenario, TimeCut  # noqa: E402

TARGET_SECONDS = 60.0


def bench_experiment(replications: int) -> int:
    model = province_model()
    busiest = max({p.agency for p in model.procedures},
                  key=lambda a: sum(p.arrivals.per_working_day for p in model.procedures
                                    if p.agency == a))
    cut = [p.id for p in model.procedures
           if p.agency == busiest and p.model == "transfer" and p.legal_days >= 1.5]
    scenario = Scenario("cut one day", [TimeCut(cut, 1.0, mode="deadline_and_process")])
    workers = os.cpu_count() or 1
    t = time.perf_counter()
    result = run_experiment(model, [scenario], start=YEAR[0], end=YEAR[1],
                            replications=replications, seed=1, workers=workers)
    elapsed = time.perf_counter() - t
    runs = len(result.runs)
    dossiers = result.runs["dossiers_per_year"].mean()
    print(f"experiment: {replications} replications x 2 variants = {runs} province-years of "
          f"~{dossiers:,.0f} dossiers, {workers} processes: {elapsed:.1f} s "
          f"({elapsed / runs:.2f} s per run) — target {TARGET_SECONDS:.0f} s: "
          f"{'met' if elapsed <= TARGET_SECONDS else 'NOT met'}")
    summary = result.summary(scenario.name)
    for name in ("lead_time_working_days_median", "on_time_rate"):
        for part in ("baseline", "scenario", "delta"):
            value = summary[name][part]
            print(f"  {name:32s} {part:8s} {value['mean']:9.4f} "
                  f"[{value['ci95'][0]:.4f} – {value['ci95'][1]:.4f}]")
    return int(round(dossiers))


def bench_simpy(cases: int, runs: int, ours_per_run: float | None = None) -> None:
    path = BENCH / "simpy_reference.py"
    if not path.is_file() or importlib.util.find_spec("simpy") is None:
        print("SimPy comparison skipped: ../shared/bench/simpy_reference.py or simpy is absent "
              "(make bench installs simpy).")
        return
    spec = importlib.util.spec_from_file_location("simpy_reference", path)
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    t = time.perf_counter()
    for r in range(runs):
        reference.run(cases, seed=r + 1)
    per_run = (time.perf_counter() - t) / runs
    print(f"SimPy reference model, {cases:,} cases (one province-year), {runs} runs: "
          f"{per_run:.2f} s per run"
          + (f"; ratio SimPy / dossierflow per run = {per_run / ours_per_run:.1f}x"
             if ours_per_run else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replications", type=int, default=20)
    parser.add_argument("--simpy-runs", type=int, default=2)
    args = parser.parse_args()
    t = time.perf_counter()
    cases = bench_experiment(args.replications)
    per_run = (time.perf_counter() - t) / (2 * args.replications) * (os.cpu_count() or 1)
    print(f"  (one run alone, measured as the experiment's time x processes / runs: "
          f"{per_run:.2f} s)")
    bench_simpy(cases, args.simpy_runs, per_run)


if __name__ == "__main__":
    main()

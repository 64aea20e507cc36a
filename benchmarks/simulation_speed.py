"""Speed of the simulation engine, and the same models run by SimPy and by Prosimos.

Prints, in one run:

1. seconds per simulated province-year with a representative centre model (~95,000 dossiers,
   11 agencies, transfer and 5 tại chỗ procedures, batches, supplement loops, online
   submissions) and the events per second;
2. the 6-step model of ``../shared/bench/simpy_reference.py`` run by our engine and by that
   SimPy script: same case count, same distributions, side by side with the ratio;
3. the same for Prosimos on ``../shared/bench/prosimos_models`` (when Prosimos is importable
   here or in the peer virtualenv — ``$DOSSIERFLOW_PEERS_PYTHON``, else ``.venv-peers`` built by
   ``make peers``; otherwise it says why);
4. wall time and peak memory of ``dossierflow sample --full`` (target ≤ 4 GB), writing Parquet
   and writing a workspace, each in a child process that reports its own peak (VmHWM).

Parts that need ``../shared`` are skipped, with a note, when it is absent.

    .venv/bin/python benchmarks/simulation_speed.py [--cases 100000] [--prosimos-cases 5000]
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "bench"

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from bench_summary import record  # noqa: E402

from dossierflow.simulation.engine import model_calendar, simulate  # noqa: E402
from dossierflow.simulation.fidelity import FidelityError, peers_python  # noqa: E402
from dossierflow.simulation.model import (  # noqa: E402
    ArrivalProfile,
    BatchSchedule,
    Deadlines,
    Duration,
    Model,
    Procedure,
    Process,
    ResourcePool,
    Step,
    Transition,
)

YEAR = ("2024-01-01", "2025-01-01")

# agency, dossiers per working day, transfer legal days, share of 5 tại chỗ
AGENCIES = [
    ("STC", 65, 3, 0.15), ("SXD", 42, 10, 0.25), ("SYT", 37, 10, 0.20), ("SNV", 28, 5, 0.10),
    ("STP", 32, 7, 0.10), ("SCT", 23, 5, 0.20), ("SNNMT", 37, 15, 0.05), ("SGDDT", 18, 3, 0.40),
    ("SVHTTDL", 14, 10, 0.10), ("SKHCN", 9, 7, 0.10), ("CAT", 45, 5, 0.30),
]


def _lognormal(mean: float, cv: float = 0.6) -> Duration:
    return Duration(kind="lognormal", mean=mean, sd=mean * cv)


def province_model() -> Model:
    """A hand-made model of a provincial centre with ~95,000 dossiers a year."""
    pools = [ResourcePool(id="TTPV-counter", agency="TTPV", role="counter_officer", capacity=24,
                          out_of_hours=["in_person"]),
             ResourcePool(id="TTPV-clerk", agency="TTPV", role="clerk", capacity=4)]
    batches = [BatchSchedule(id="courier", release_times=["09:00", "15:00"])]
    processes, procedures = [], []
    for agency, per_day, legal, spot_share in AGENCIES:
        def cap(minutes: float, load: float = 0.7, per_day: float = per_day) -> int:
            return max(1, math.ceil(per_day * minutes / 450 / load))
        pools += [
            ResourcePool(id=f"{agency}-clerk", agency=agency, role="clerk", capacity=cap(12)),
            ResourcePool(id=f"{agency}-handler", agency=agency, role="handler",
                         capacity=cap(90 * 1.15)),
            ResourcePool(id=f"{agency}-leader", agency=agency, role="dept_leader",
                         capacity=cap(10 * 1.1)),
            ResourcePool(id=f"{agency}-spot", agency=agency, role="handler",
                         capacity=cap(40 * spot_share, 0.6)),
        ]
        transfer = Process(id=f"{agency}-transfer", steps=[
            Step(id="receive", duration=_lognormal(12), pool="TTPV-counter"),
            Step(id="reject_intake", duration=_lognormal(5), pool="TTPV-counter"),
            Step(id="digitise", duration=_lognormal(6), pool="TTPV-counter"),
            Step(id="transfer_paper", activity="transfer_to_agency",
                 duration=Duration(kind="uniform", low=20, high=40), pool="TTPV-clerk",
                 batch="courier"),
            Step(id="transfer_e", activity="transfer_to_agency", duration=_lognormal(2),
                 pool="TTPV-clerk"),
            Step(id="assign_handler", duration=_lognormal(8), pool=f"{agency}-clerk"),
            Step(id="appraise", duration=_lognormal(90), pool=f"{agency}-handler"),
            Step(id="request_supplement", duration=_lognormal(10), pool=f"{agency}-handler",
                 max_visits=1),
            Step(id="supplement_received",
                 duration=Duration(kind="gamma", mean=3 * 1440, sd=2 * 1440, basis="calendar")),
            Step(id="withdraw", duration=Duration(kind="fixed", mean=0.0)),
            Step(id="consult_agency", duration=Duration(kind="lognormal", mean=2 * 450,
                                                        sd=3 * 450)),
            Step(id="approve_sign", duration=_lognormal(10), pool=f"{agency}-leader"),
            Step(id="return_paper", activity="return_to_centre",
                 duration=Duration(kind="uniform", low=20, high=40), pool=f"{agency}-clerk",
                 batch="courier"),
            Step(id="return_e", activity="return_to_centre", duration=_lognormal(2),
                 pool=f"{agency}-clerk"),
            Step(id="deliver_result", duration=_lognormal(5), pool="TTPV-counter"),
        ], transitions=[
            Transition(source="start", target="receive"),
            Transition(source="receive", target="reject_intake", probability=0.02),
            Transition(source="receive", target="digitise", probability=0.98, digitised=True),
            Transition(source="receive", target="transfer_paper", probability=0.98,
                       digitised=False),
            Transition(source="reject_intake", target="end"),
            Transition(source="digitise", target="transfer_e"),
            Transition(source="transfer_paper", target="assign_handler"),
            Transition(source="transfer_e", target="assign_handler"),
            Transition(source="assign_handler", target="appraise"),
            Transition(source="appraise", target="request_supplement", probability=0.10),
            Transition(source="appraise", target="consult_agency", probability=0.08),
            Transition(source="appraise", target="approve_sign", probability=0.82),
            Transition(source="consult_agency", target="approve_sign"),
            Transition(source="request_supplement", target="supplement_received",
                       probability=0.9),
            Transition(source="request_supplement", target="withdraw", probability=0.1),
            Transition(source="supplement_received", target="appraise"),
            Transition(source="withdraw", target="end"),
            Transition(source="approve_sign", target="return_paper", digitised=False),
            Transition(source="approve_sign", target="return_e", digitised=True),
            Transition(source="return_paper", target="deliver_result",
                       channels=["in_person", "online_partial", "public_postal"]),
            Transition(source="return_paper", target="end", channels=["online_full"]),
            Transition(source="return_e", target="deliver_result",
                       channels=["in_person", "online_partial", "public_postal"]),
            Transition(source="return_e", target="end", channels=["online_full"]),
            Transition(source="deliver_result", target="end"),
        ])
        spot = Process(id=f"{agency}-spot", steps=[
            Step(id="receive", duration=_lognormal(12), pool="TTPV-counter"),
            Step(id="appraise", duration=_lognormal(25), pool=f"{agency}-spot"),
            Step(id="approve_sign", duration=_lognormal(8), pool=f"{agency}-spot"),
            Step(id="collect_fee", duration=_lognormal(4), pool="TTPV-counter"),
            Step(id="deliver_result", duration=_lognormal(4), pool="TTPV-counter"),
        ], transitions=[
            Transition(source="start", target="receive"),
            Transition(source="receive", target="appraise"),
            Transition(source="appraise", target="approve_sign"),
            Transition(source="approve_sign", target="collect_fee", paid_online=False),
            Transition(source="approve_sign", target="deliver_result", paid_online=True),
            Transition(source="collect_fee", target="deliver_result"),
            Transition(source="deliver_result", target="end"),
        ])
        processes += [transfer, spot]
        weekly = [1.15, 1.0, 1.0, 1.0, 0.95, 0.15, 0.0]
        months = [0.9, 0.8, 1.1, 1.0, 1.0, 1.05, 1.0, 1.0, 0.95, 1.05, 1.05, 1.1]
        for k, share in enumerate((0.5, 0.3, 0.2)):
            rate = per_day * share
            procedures.append(Procedure(
                id=f"{agency}-T{k + 1}", agency=agency, legal_days=legal + k * 2.5,
                model="transfer", process=transfer.id,
                arrivals=ArrivalProfile(per_working_day=rate * (1 - spot_share),
                                        weekday_weights=weekly, month_weights=months),
                channels={"in_person": 0.42, "online_partial": 0.40, "online_full": 0.10,
                          "public_postal": 0.08},
                p_digitised=0.6, p_paid_online=0.5, fee=50_000.0 * (k + 1)))
            procedures.append(Procedure(
                id=f"{agency}-S{k + 1}", agency=agency, legal_days=max(legal / 2, 1.0),
                model="five_on_spot", process=spot.id,
                arrivals=ArrivalProfile(per_working_day=rate * spot_share,
                                        weekday_weights=[1, 1, 1, 1, 1, 0, 0],
                                        month_weights=months),
                channels={"in_person": 0.8, "online_partial": 0.2}, p_digitised=0.7,
                p_paid_online=0.4, fee=30_000.0))
    return Model(name="province", procedures=procedures, processes=processes, pools=pools,
                 batches=batches, deadlines=Deadlines(), agency_codes={"STC": "000.00.21.H03"})


# -- the SimPy reference model in our engine ----------------------------------------------------

def simpy_model(reference) -> Model:
    """The 6-step model of simpy_reference.py: one pool per activity, exponential arrivals,
    lognormal durations with sigma 0.5, on a clock without closing hours (as SimPy's)."""
    sigma = 0.5
    steps, pools = [], []
    transitions = [Transition(source="start", target=reference.ACTIVITIES[0][0])]
    names = [a for a, _, _ in reference.ACTIVITIES]
    for i, (activity, servers, mean) in enumerate(reference.ACTIVITIES):
        pools.append(ResourcePool(id=f"pool_{activity}", agency="REF", role=activity,
                                  capacity=servers))
        steps.append(Step(id=activity, duration=Duration(
            kind="lognormal", mean=float(mean), sd=mean * math.sqrt(math.exp(sigma ** 2) - 1)),
            pool=f"pool_{activity}"))
        transitions.append(Transition(source=activity,
                                      target=names[i + 1] if i + 1 < len(names) else "end"))
    minutes = 450.0  # one working day of the default office hours
    return Model(
        name="simpy_reference", pools=pools,
        processes=[Process(id="ref", steps=steps, transitions=transitions)],
        procedures=[Procedure(id="ref", agency="REF", legal_days=10, process="ref",
                              arrivals=ArrivalProfile(
                                  per_working_day=minutes / reference.ARRIVAL_MEAN_MIN,
                                  tet_surge=1.0, tet_lull=1.0))],
        deadlines=Deadlines(apology=False),
        extra_activities=[a for a in names if a not in ("receive", "appraise")])


def horizon_for(model: Model, cases: int, start: str = "2024-01-01") -> tuple[str, str]:
    """A horizon long enough for at least ``cases`` arrivals (trimmed with max_cases)."""
    per_day = sum(p.arrivals.per_working_day for p in model.procedures)
    days = int(cases / per_day * 365 / 240 * 1.2) + 30
    return start, str((pd.Timestamp(start) + pd.Timedelta(days=days)).date())


# -- runs ---------------------------------------------------------------------------------------

def bench_province(repeats: int) -> None:
    model = province_model()
    simulate(model, start="2024-01-01", end="2024-01-15", seed=0)  # warm caches and imports
    best = None
    for r in range(repeats):
        t = time.perf_counter()
        result = simulate(model, start=YEAR[0], end=YEAR[1], seed=r + 1)
        elapsed = time.perf_counter() - t
        if best is None or elapsed < best[0]:
            best = (elapsed, result)
    elapsed, result = best
    n_cases, n_events = len(result.cases), len(result.events)
    late = (result.cases["finished_at"] > result.cases["due_at"]).mean()
    print(f"province-year: {n_cases:,} dossiers, {n_events:,} events "
          f"({n_events / n_cases:.1f} per dossier), {elapsed:.2f} s per simulated "
          f"province-year (best of {repeats}); {n_events / elapsed:,.0f} events/s "
          f"[set-up {result.stats['seconds_setup']:.2f} s, loop "
          f"{result.stats['seconds_loop']:.2f} s, output {result.stats['seconds_output']:.2f} s]; "
          f"late {late:.1%}, busiest pool {result.pools['utilisation'].max():.0%}")
    record(province_year_s=elapsed, province_year_dossiers=n_cases,
           province_year_events_per_s=n_events / elapsed)


def bench_simpy(cases: int) -> None:
    path = BENCH / "simpy_reference.py"
    if not path.is_file():
        print(f"SimPy comparison skipped: {path} is absent.")
        return
    if importlib.util.find_spec("simpy") is None:
        print("SimPy comparison skipped: simpy is not installed (pip install simpy).")
        return
    spec = importlib.util.spec_from_file_location("simpy_reference", path)
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    model = simpy_model(reference)
    start, end = horizon_for(model, cases)
    simulate(model, start="2024-01-01", end="2024-01-10", seed=0)
    t = time.perf_counter()
    ours = simulate(model, start=start, end=end, seed=1, max_cases=cases)
    ours_s = time.perf_counter() - t
    t = time.perf_counter()
    env, cycle, waits_ref, util, _ = reference.run(cases, seed=1)
    simpy_s = time.perf_counter() - t
    waits, cycles = _waits_and_cycles(ours)
    cycle.sort()
    n_inst = cases * len(reference.ACTIVITIES)
    print(f"SimPy reference model, {cases:,} cases x {len(reference.ACTIVITIES)} steps "
          f"({n_inst:,} activity instances), same distributions:")
    print(f"  dossierflow {ours_s:7.2f} s  {len(ours.events) / ours_s:>11,.0f} activities/s  "
          f"median cycle {np.median(cycles):6.1f} min, mean wait {np.mean(waits):5.1f} min "
          "(working minutes)")
    print(f"  SimPy       {simpy_s:7.2f} s  {n_inst / simpy_s:>11,.0f} activities/s  "
          f"median cycle {cycle[len(cycle) // 2]:6.1f} min, mean wait "
          f"{sum(waits_ref) / len(waits_ref):5.1f} min")
    print(f"  ratio SimPy / dossierflow = {simpy_s / ours_s:.1f}x")
    record(simpy_s=simpy_s, simpy_ours_s=ours_s, simpy_ratio=simpy_s / ours_s)


def _waits_and_cycles(result) -> tuple[np.ndarray, np.ndarray]:
    """Waits before each step and case cycle times, in working minutes of the model clock."""
    calendar = model_calendar(result.model, result.start.year, result.end.year + 2)
    ev = result.events
    start = calendar.to_clock(ev["start_timestamp"])
    end = calendar.to_clock(ev["timestamp"])
    case = ev["case_id"].cat.codes.to_numpy()
    same = np.r_[False, case[1:] == case[:-1]]
    arrival = calendar.to_clock(result.cases["submitted_at"])
    previous = np.where(same, np.r_[np.nan, end[:-1]], arrival[case])
    waits = start - previous
    last = np.r_[case[1:] != case[:-1], True]
    return waits[~np.isnan(waits)], end[last] - arrival[case[last]]


def _prosimos_python() -> str | None:
    if importlib.util.find_spec("prosimos") is not None:
        return sys.executable
    try:
        return str(peers_python())
    except FidelityError:
        return None


def bench_prosimos(cases: int) -> None:
    folder = BENCH / "prosimos_models"
    if not folder.is_dir():
        print(f"Prosimos comparison skipped: {folder} is absent.")
        return
    python = _prosimos_python()
    if python is None:
        print("Prosimos comparison skipped: prosimos is not importable here. prosimos 2.1.0 "
              "and pix-framework 0.15 require pandas<3, scikit-learn<1.6, pyarrow<26 and "
              "polars<2, so `pip install prosimos` would downgrade this environment (pandas 3, "
              "scikit-learn 1.9, pyarrow 26, polars 2). `make peers` installs it in the "
              "separate virtualenv .venv-peers; or set DOSSIERFLOW_PEERS_PYTHON to another "
              "interpreter that has it.")
        return
    from dossierflow.simulation.prosimos import read_prosimos

    ratios, gaps = {}, {}
    for name in ("seq6_office", "seq6_247", "loop_office", "seq6_office_whatif"):
        bpmn, params = folder / f"{name}.bpmn", folder / f"{name}.json"
        model = read_prosimos(bpmn, params)
        start, end = horizon_for(model, cases, start="2024-03-04")
        simulate(model, start=start, end="2024-03-10", seed=0)  # warm the calendar cache
        # timed like Prosimos' run_simulation: reading the model files included
        t = time.perf_counter()
        model = read_prosimos(bpmn, params)
        ours = simulate(model, start=start, end=end, seed=1, max_cases=cases)
        ours_s = time.perf_counter() - t
        script = (
            "import sys, time, warnings, io, contextlib\n"
            "warnings.filterwarnings('ignore')\n"
            "from prosimos.simulation_engine import run_simulation\n"
            "t = time.perf_counter()\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    run_simulation({str(bpmn)!r}, {str(params)!r}, {cases}, "
            "stat_out_path=None, log_out_path=sys.argv[1], "
            f"starting_at='{start}T00:00:00+07:00')\n"
            "print(time.perf_counter() - t)\n")
        with tempfile.TemporaryDirectory() as tmp:
            log = Path(tmp) / "log.csv"
            run = subprocess.run([python, "-c", script, str(log)], capture_output=True,
                                 text=True)
            if run.returncode != 0:
                print(f"Prosimos on {name}: failed ({run.stderr.strip().splitlines()[-1:]})")
                continue
            pro_s = float(run.stdout.strip().splitlines()[-1])
            pro_log = pd.read_csv(log)
        pro_cases = pro_log.groupby("case_id")
        pro_lead = (pd.to_datetime(pro_cases["end_time"].max(), format="ISO8601")
                    - pd.to_datetime(pro_cases["start_time"].min(), format="ISO8601"))
        our_cases = ours.events.groupby("case_id", observed=True)
        our_lead = our_cases["timestamp"].max() - our_cases["start_timestamp"].min()
        print(f"Prosimos model {name}, {cases:,} cases:")
        print(f"  dossierflow {ours_s:6.2f} s  {len(ours.events):,} activity instances, median "
              f"lead time {our_lead.median() / pd.Timedelta(hours=1):5.1f} h")
        print(f"  Prosimos    {pro_s:6.2f} s  {len(pro_log):,} activity instances, median "
              f"lead time {pro_lead.median() / pd.Timedelta(hours=1):5.1f} h")
        print(f"  ratio Prosimos / dossierflow = {pro_s / ours_s:.1f}x")
        ratios[name] = pro_s / ours_s
        gaps[name] = abs(our_lead.median() / pro_lead.median() - 1)
    if ratios:
        record(prosimos_ratio_min=min(ratios.values()),
               prosimos_median_gap_max=max(gaps.values()),
               prosimos_ratios={k: round(v, 1) for k, v in ratios.items()},
               prosimos_median_gaps={k: round(v, 3) for k, v in gaps.items()})


SAMPLE_CHILD = """
import sys, time
from pathlib import Path
from dossierflow.app.cli import main
sys.argv = ["dossierflow", "sample", "--full", "--out", sys.argv[1]]
began = time.perf_counter()
try:
    main()
except SystemExit as stop:
    if stop.code:
        raise
peak = next(int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines()
            if line.startswith("VmHWM:"))
print(f"RESULT {time.perf_counter() - began:.1f} {peak / 1024**2:.2f}")
"""


def bench_sample_full() -> None:
    """`dossierflow sample --full`: wall time and peak memory per output format."""
    print("dossierflow sample --full (17/05/2017 – 31/08/2023), target peak <= 4 GB:")
    with tempfile.TemporaryDirectory() as folder:
        for name in ("full.parquet", "full.duckdb"):
            run = subprocess.run([sys.executable, "-c", SAMPLE_CHILD, str(Path(folder) / name)],
                                 cwd=ROOT, capture_output=True, text=True)
            result = [line for line in run.stdout.splitlines() if line.startswith("RESULT")]
            if run.returncode or not result:
                print(f"  {name}: failed ({run.stderr.strip().splitlines()[-1:]})")
                continue
            seconds, peak = result[0].split()[1:]
            print(f"  --out {name:13} {float(seconds):6.1f} s  peak {float(peak):5.2f} GB  "
                  f"{'met' if float(peak) <= 4 else 'MISSED'}")
            kind = name.split(".")[1]
            record(**{f"sample_full_{kind}_s": float(seconds),
                      f"sample_full_{kind}_peak_gb": float(peak)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000,
                        help="cases for the SimPy comparison")
    parser.add_argument("--prosimos-cases", type=int, default=5_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    bench_province(args.repeats)
    bench_sample_full()
    if not SHARED.is_dir():
        print(f"SimPy and Prosimos comparisons skipped: {SHARED} is absent.")
        return
    bench_simpy(args.cases)
    bench_prosimos(args.prosimos_cases)


if __name__ == "__main__":
    main()

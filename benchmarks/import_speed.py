"""Import time and peak memory for a generated 4-million-event log, as CSV and as Parquet.

Targets (issue "Foundation"): under 60 s and under 3 GB each, on a 2-core machine.
Each import runs in its own process so that its peak memory (VmHWM) is its own.

    .venv/bin/python benchmarks/import_speed.py [--events 4000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from bench_summary import record

ACTIVITIES = ["receive", "digitise", "transfer_to_agency", "assign_handler", "appraise",
              "approve_sign", "return_to_centre", "deliver_result"]


def generate(n_events: int, folder: Path) -> tuple[Path, Path]:
    """A dossier-like log: 8 events per case, day-first local times, resources and agencies."""
    csv_path, parquet_path = folder / "bench.csv", folder / "bench.parquet"
    if csv_path.exists() and parquet_path.exists():
        return csv_path, parquet_path
    rng = np.random.default_rng(7)
    n_cases = n_events // len(ACTIVITIES)
    case = np.repeat(np.arange(n_cases), len(ACTIVITIES))
    step = np.tile(np.arange(len(ACTIVITIES)), n_cases)
    start = pd.Timestamp("2017-05-17 07:30").value + rng.integers(0, 6 * 365 * 86400,
                                                                   n_cases) * 10**9
    gaps = rng.exponential(6 * 3600, size=(n_cases, len(ACTIVITIES))).astype(np.int64)
    gaps[:, 0] = 0
    ts = (start[:, None] + np.cumsum(gaps, axis=1) * 10**9).ravel()
    frame = pd.DataFrame({
        "Mã hồ sơ": pd.Series(case).map("000.00.17.H03-{:07d}".format),
        "Tên bước": np.array(ACTIVITIES)[step],
        "Thời gian hoàn thành": pd.to_datetime(ts).strftime("%d/%m/%Y %H:%M:%S"),
        "Người xử lý": pd.Series(rng.integers(0, 300, len(case))).map("Cán bộ {}".format),
        "Đơn vị xử lý": pd.Series(rng.integers(0, 21, len(case))).map("Sở {}".format),
        "Kênh": np.where(rng.random(len(case)) < 0.5, "Trực tuyến", "Trực tiếp"),
    })
    frame.to_csv(csv_path, index=False)
    frame.to_parquet(parquet_path, index=False)
    return csv_path, parquet_path


def peak_gb() -> float:
    """This process's own peak resident memory (VmHWM; ru_maxrss would carry the parent's
    peak across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024**2
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def measure(path: str) -> None:
    """Run in a child process: import, prepare, store; print JSON timings."""
    from dossierflow.mining.io.import_log import import_log
    from dossierflow.mining.log.analysis_table import prepare
    from dossierflow.mining.log.workspace import save_workspace

    t0 = time.perf_counter()
    imported = import_log(path)
    t1 = time.perf_counter()
    log = prepare(imported)
    t2 = time.perf_counter()
    save_workspace(log, imported, Path(path).with_suffix(".duckdb"))
    t3 = time.perf_counter()
    print(json.dumps({"read_validate": t1 - t0, "prepare": t2 - t1, "store": t3 - t2,
                      "total": t3 - t0, "events": len(log.events), "cases": len(log.cases),
                      "peak_gb": peak_gb()}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=4_000_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the generated files in")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        measure(args.child)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dossierflow-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    paths = generate(args.events, folder)
    print(f"generated {args.events:,} events in {time.perf_counter() - t0:.1f} s ({folder})")
    print(f"{'format':8} {'read+validate':>14} {'prepare':>8} {'store':>7} {'total':>7} "
          f"{'peak RSS':>9}  target")
    for path in paths:
        out = subprocess.run([sys.executable, __file__, "--child", str(path)],
                             capture_output=True, text=True, check=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        peak_gb = result["peak_gb"]
        ok = result["total"] < 60 and peak_gb < 3
        print(f"{path.suffix[1:]:8} {result['read_validate']:13.1f}s {result['prepare']:7.1f}s "
              f"{result['store']:6.1f}s {result['total']:6.1f}s {peak_gb:8.2f}G  "
              f"{'met' if ok else 'MISSED'} (< 60 s, < 3 GB); {result['events']:,} events, "
              f"{result['cases']:,} cases")
        kind = path.suffix[1:]
        record(**{f"import_{kind}_s": result["total"], f"import_{kind}_peak_gb": peak_gb,
                  f"import_{kind}_events": result["events"]})


if __name__ == "__main__":
    main()

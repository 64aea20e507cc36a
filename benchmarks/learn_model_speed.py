"""Time of the first model learning on the one-year sample, as the Scenarios page does it.

``dossierflow.simulation.discovery.discover_model.discover_model`` on the sample workspace's
dossiers of its learning window (``learning_window``: the last year), the workspace already
open and read: the learning alone, nothing cached. Target: ≤ 10 s on 2 cores.

    .venv/bin/python benchmarks/learn_model_speed.py [--log datasets/generated/sample.duckdb]

The sample is built first (``dossierflow sample --out``, about 3 minutes) when the file is
absent.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from bench_summary import record

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", type=Path, default=ROOT / "datasets/generated/sample.duckdb")
    args = parser.parse_args()
    if not args.log.exists():
        args.log.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([Path(sys.executable).with_name("dossierflow"), "sample", "--out",
                        str(args.log)], check=True)
    from dossierflow.mining.log.workspace import open_workspace
    from dossierflow.simulation.discovery.discover_model import discover_model, learning_window

    workspace = open_workspace(args.log)
    log = workspace.to_analysis_log()
    workspace.close()
    start = learning_window(log)[0]
    began = time.perf_counter()
    found = discover_model(log, start=start)
    seconds = time.perf_counter() - began
    model = found.model
    print(f"model learning on {args.log.name}: {seconds:.1f} s ({len(log.cases):,} dossiers in "
          f"the workspace; {len(model.procedures)} procedures, {len(model.processes)} "
          f"processes, {len(model.pools)} pools learnt)  target <= 10 s: "
          f"{'met' if seconds <= 10 else 'MISSED'}")
    record(learn_model_s=seconds)


if __name__ == "__main__":
    main()

"""How well the early warning ranks the open dossiers that will be late: the temporal
evaluation of ``dossierflow.mining.predict.evaluate`` (trained before each cut-off, tested on
the 20 working days after it) against the "due soon" rule, on the one-year sample and on the
public logs that carry a due date (receipt: ``case:deadline``). Measured figures only.

    .venv/bin/dossierflow sample --out /tmp/sample.duckdb      # once, about 3 min
    .venv/bin/python benchmarks/warning_quality.py [--log /tmp/sample.duckdb] [--every 2]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

from dossierflow.mining.log.open_log import open_analysis_log
from dossierflow.mining.predict.evaluate import TOP_K, evaluate

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = ROOT.parent / "shared" / "datasets" / "public"
PUBLIC_WITH_DUE = ("receipt.xes.gz",)
SHOWN = ["cutoff", "scorer", "n_prefixes", "n_late", "roc_auc", "precision_at_k",
         "recall_at_k", "warning_days", "brier"]


def report(name: str, log_path: Path | str, every: int) -> pd.DataFrame:
    """Evaluate one log and print its table."""
    start = time.perf_counter()
    table = evaluate(open_analysis_log(str(log_path)), every=every)
    table["cutoff"] = pd.to_datetime(table["cutoff"]).dt.strftime("%Y-%m-%d")
    print(f"\n## {name} ({time.perf_counter() - start:.0f} s; top k = {TOP_K})")
    print(table[SHOWN].round(3).to_string(index=False))
    model = table.loc[table["scorer"] == "model"].set_index("cutoff")
    rule = table.loc[table["scorer"] == "rule"].set_index("cutoff")
    beats = (model["precision_at_k"] > rule["precision_at_k"]).sum()
    print(f"model ROC AUC ≥ 0.85 at {(model['roc_auc'] >= 0.85).sum()} of {len(model)} "
          f"cut-offs; precision among the top {TOP_K} above the rule's at {beats}")
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", default="/tmp/s18/sample.duckdb",
                        help="the one-year sample workspace (dossierflow sample --out …)")
    parser.add_argument("--every", type=int, default=2,
                        help="prefixes every N-th working day (1: every day, slower)")
    args = parser.parse_args()
    report("one-year sample", args.log, args.every)
    for name in PUBLIC_WITH_DUE:
        if (PUBLIC / name).is_file():
            report(f"public: {name}", PUBLIC / name, 1)
        else:
            print(f"\n## public: {name} — absent ({PUBLIC}), skipped")


if __name__ == "__main__":
    main()

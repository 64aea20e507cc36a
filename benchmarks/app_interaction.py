"""How long the app takes to answer an interaction on the one-year sample (target: 1 s).

Runs the app in-process with Streamlit's AppTest (the script run on the server, without the
browser's drawing) and prints the time of each step: the first load of a page (cold caches),
then a filter change, slider changes, an overlay switch and a return to a filter already seen.
Measured figures only.

    .venv/bin/dossierflow sample --out /tmp/sample.duckdb      # once, about 30 s
    .venv/bin/python benchmarks/app_interaction.py [--log /tmp/sample.duckdb]
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.0


def timed(label: str, step) -> float:
    """Run ``step`` (which reruns the app) and print its time."""
    start = time.perf_counter()
    app = step()
    took = time.perf_counter() - start
    if app.exception:
        raise SystemExit(f"{label}: the app failed: {app.exception[0].message}")
    print(f"  {label:<46} {took:6.2f} s   ({took / TARGET:4.1f} × the 1 s target)")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", default="/tmp/sample.duckdb", help="workspace file")
    parser.add_argument("--lang", default="vi", choices=("vi", "en"))
    args = parser.parse_args()
    if not Path(args.log).is_file():
        raise SystemExit(f"{args.log} is missing: build it with "
                         f"`.venv/bin/dossierflow sample --out {args.log}`")
    sys.path.insert(0, str(ROOT))
    os.environ["DOSSIERFLOW_LOG"] = args.log
    from streamlit.testing.v1 import AppTest

    from dossierflow.mining.log.workspace import open_workspace

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    workspace = open_workspace(args.log)
    agencies = sorted(workspace.cases.select("agency").distinct().to_pandas()["agency"].dropna())
    print(f"{args.log}: {workspace.meta['summary']['cases']:,} dossiers; time of one script "
          "run each")
    workspace.close()
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=600)
    app.query_params["lang"] = args.lang
    print("Process map")
    timed("first load (Data page, then the map)", lambda: app.run().switch_page(
        "app/pages/process_map.py").run())
    timed("same page again (all cached)", lambda: app.run())
    timed(f"filter change: agency {agencies[0]}",
          lambda: app.sidebar.multiselect(key="agency").select(agencies[0]).run())
    timed("slider change: paths 0.5", lambda: app.slider(key="paths").set_value(0.5).run())
    timed("slider change: activities 0.5",
          lambda: app.slider(key="activities").set_value(0.5).run())
    timed("overlay switch: performance",
          lambda: app.button_group(key="overlay").set_value("performance").run())
    timed(f"filter change: + agency {agencies[1]}",
          lambda: app.sidebar.multiselect(key="agency").select(agencies[1]).run())
    timed(f"back to agency {agencies[0]} only (seen before)",
          lambda: app.sidebar.multiselect(key="agency").unselect(agencies[1]).run())
    for page, name in (("overview", "Overview"), ("bottlenecks", "Bottlenecks"),
                       ("compare", "Compare")):
        print(name)
        timed("first load (cold, one agency)",
              lambda p=page: app.switch_page(f"app/pages/{p}.py").run())
        timed("filter change: on-time class late",
              lambda: app.sidebar.multiselect(key="on_time").select("late").run())
        timed("filter change back (seen before)",
              lambda: app.sidebar.multiselect(key="on_time").unselect("late").run())


if __name__ == "__main__":
    main()

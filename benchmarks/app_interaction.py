"""How long the app takes to answer an interaction on the one-year sample (target: 1 s).

By default runs the app in-process with Streamlit's AppTest (the script run on the server,
without the browser's drawing) and prints the time of each step: the first load of a page
(cold caches), then a filter change, slider changes, an overlay switch and a return to a filter
already seen. Measured figures only.

With ``--browser``, times the app from the user's side in Debian's chromium (``app_in_browser``):
the first load of the Overview on a cold server until its figures show (target 3 s), an agency
chosen until the figures change, the process map's path slider and its overlay until the map is
drawn anew, a page switch until the next page's chart shows (0.5 s each), and the first visit to
Scenarios, cold (until the learning's progress bar, then the builder: 10 s) and warm (the model
kept beside the workspace: 0.5 s). The figures are added to ``benchmarks/summary.json``.

    .venv/bin/dossierflow sample --out /tmp/s18/sample.duckdb   # once, about 3 minutes
    .venv/bin/python benchmarks/app_interaction.py [--log /tmp/s18/sample.duckdb]
    .venv/bin/python benchmarks/app_interaction.py --browser [--no-cold-model]
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


def in_browser(log: Path, lang: str, cold_model: bool) -> None:
    """The browser mode: every figure against its target, then into the run's summary."""
    from app_in_browser import measure

    figures = measure(log, lang, cold_model=cold_model)
    met = sum(f.met for f in figures)
    print(f"{met} of {len(figures)} figures meet their target")
    if Path(__file__).with_name("bench_summary.py").is_file():
        from bench_summary import record

        record(**{f.key: f.seconds for f in figures})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", default="/tmp/s18/sample.duckdb", help="workspace file")
    parser.add_argument("--lang", default="vi", choices=("vi", "en"))
    parser.add_argument("--browser", action="store_true",
                        help="time the app in chromium, from the user's side")
    parser.add_argument("--no-cold-model", dest="cold_model", action="store_false",
                        help="(--browser) skip learning the model: only the warm Scenarios "
                             "visit, with the model kept beside --log if there is one")
    args = parser.parse_args()
    if not Path(args.log).is_file():
        raise SystemExit(f"{args.log} is missing: build it with "
                         f"`.venv/bin/dossierflow sample --out {args.log}`")
    if args.browser:
        in_browser(Path(args.log), args.lang, args.cold_model)
        return
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

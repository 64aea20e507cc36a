"""The `dossierflow` command line."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Annotated, Literal

import typer

from dossierflow.mining.errors import DossierflowError

cli = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Process mining and simplification analysis for one-stop centres.")
ROOT = Path(__file__).resolve().parents[1]
Country = Annotated[str | None, typer.Option(
    help="Country whose public holidays are days off (holidays package code, e.g. NL; "
         "default VN).")]
TimeZone = Annotated[str | None, typer.Option(
    "--timezone", help="Time zone of the office hours, e.g. Europe/Amsterdam (default "
                       "Asia/Ho_Chi_Minh).")]
OfficeHours = Annotated[str | None, typer.Option(
    help="Office sessions, e.g. 09:00-12:00,13:00-17:00 (default 07:30-11:30,13:30-17:00).")]


def _executor(value: str) -> str:
    """--executor spark fails here, before any work, when Spark cannot run."""
    if value == "spark":
        from dossierflow.simulation.spark_executor import spark_ready

        spark_ready()
    return value


Executor = Annotated[Literal["local", "spark"], typer.Option(
    callback=_executor, help="Where the replications run: local (processes on this machine) "
                             "or spark (one Spark task each; needs the spark extra of "
                             "dossierflow and Java 17). The same results.")]


def _calendar(country: str | None, timezone: str | None, office_hours: str | None):
    """The calendar chosen by --country, --timezone and --office-hours (None: not chosen)."""
    from dossierflow.mining.log.working_time import CalendarChoice, parse_office_hours

    if country is None and timezone is None and office_hours is None:
        return None
    return CalendarChoice(country=country, timezone=timezone,
                          sessions=parse_office_hours(office_hours) if office_hours else None)


@cli.command("import")
def import_command(
    path: Annotated[Path, typer.Argument(
        help="Event log or dossier list: CSV, XLSX, Parquet, XES.")],
    mapping: Annotated[Path | None, typer.Option(help="JSON column mapping file.")] = None,
    cases: Annotated[Path | None, typer.Option(
        help="A dossier list (a row per dossier) to join on the dossier id.")] = None,
    sheet: Annotated[str | None, typer.Option(help="Excel sheet (default: the first).")] = None,
    name: Annotated[str | None, typer.Option(
        help="Workspace name (default: from the file).")] = None,
    country: Country = None, timezone: TimeZone = None, office_hours: OfficeHours = None,
    impossible_orders: Annotated[Literal["keep", "exclude"] | None, typer.Option(
        help="Dossiers whose events are in an impossible order (result delivered before "
             "receipt, …): keep them, flagged (default), or exclude them.")] = None,
) -> None:
    """Import a log into a workspace and print the mapping, validation report and summary."""
    from dossierflow.mining.log.import_and_store import import_to_workspace
    from dossierflow.mining.log.workspace import default_name

    result = import_to_workspace(path, name=name or default_name(path), mapping=mapping,
                                 cases=cases, sheet=sheet,
                                 calendar=_calendar(country, timezone, office_hours),
                                 impossible_orders=impossible_orders)
    for source, col_map in result.imported.mapping.items():
        typer.echo(f"Column mapping of {source}:")
        for line in col_map.describe():
            typer.echo(f"  {line}")
        if col_map.unmapped:
            typer.echo(f"  kept as attributes: {', '.join(map(str, col_map.unmapped))}")
    for report in result.imported.reports:
        for line in report.lines():
            typer.echo(line)
    summary = result.imported.summary()
    typer.echo(f"Summary: {summary['cases']:,} cases, {summary['events']:,} events, "
               f"{summary['activities']} activities, from {summary['first_event']} "
               f"to {summary['last_event']}.")
    typer.echo(f"Workspace: {result.path} (open it again by name: {result.path.stem})")


def _filters(agency, procedure, field, channel, model, on_time, start, end):
    """Filters from the common command-line options (each option may repeat)."""
    from dossierflow.mining.log import filters as f

    chosen = [maker(*values) for maker, values in (
        (f.agency_in, agency), (f.procedure_in, procedure), (f.field_in, field),
        (f.channel_in, channel), (f.model_in, model)) if values]
    if on_time:
        chosen.append(f.OnTimeClass(tuple(on_time)))
    if start or end:
        chosen.append(f.TimeRange(start, end, mode="started"))
    return chosen


def _records(frame) -> list[dict]:
    import json

    return json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))


Repeatable = Annotated[list[str] | None, typer.Option()]


@cli.command("mine")
def mine_command(
    log: Annotated[str, typer.Argument(help="Workspace name, .duckdb file or a log file.")],
    out: Annotated[Path, typer.Option(help="Folder for the outputs.")],
    agency: Repeatable = None, procedure: Repeatable = None, field: Repeatable = None,
    channel: Repeatable = None, model: Repeatable = None,
    on_time: Annotated[list[str] | None, typer.Option(
        help="early, on_time, late or open.")] = None,
    start: Annotated[str | None, typer.Option(help="Dossiers started from (YYYY-MM-DD).")] = None,
    end: Annotated[str | None, typer.Option(help="… and before (YYYY-MM-DD).")] = None,
    activities: Annotated[float | None, typer.Option(
        min=0, max=1, help="Share of activities on the map, 0–1 (default: the most frequent "
                           "30).")] = None,
    paths: Annotated[float | None, typer.Option(
        min=0, max=1, help="Share of paths on the map, 0–1 (default: the most frequent "
                           "60).")] = None,
    lang: Annotated[str, typer.Option(help="Labels of the map: vi or en.")] = "vi",
    draw_timeout: Annotated[float, typer.Option(
        min=0, help="Seconds Graphviz may take to draw map.svg; past them only map.dot is "
                    "written.")] = 60.0,
    country: Country = None, timezone: TimeZone = None, office_hours: OfficeHours = None,
) -> None:
    """Write kpis.json, dfg.csv, variants.csv, bottlenecks.csv, map.json and map.dot
    (+ map.svg)."""
    import json

    from dossierflow.mining import (
        apply_filters,
        bottlenecks,
        kpis,
        process_map,
        scorecard,
        variants,
    )
    from dossierflow.mining.log.open_log import open_log

    opened = open_log(log, _calendar(country, timezone, office_hours))
    view = apply_filters(opened, _filters(agency, procedure, field, channel, model,
                                          on_time, start, end))
    out.mkdir(parents=True, exist_ok=True)
    report = {"overall": _records(kpis(view))[0], "scorecard": _records(scorecard(view))}
    for by in ("month", "agency"):
        try:
            report[f"by_{by}"] = _records(kpis(view, by=by))
        except DossierflowError as exc:  # the log has no such column
            report[f"by_{by}"] = {"unavailable": exc.message}
    (out / "kpis.json").write_text(json.dumps(report, ensure_ascii=False, indent=2),
                                   encoding="utf-8")
    process_map(view).edges.to_csv(out / "dfg.csv", index=False)
    variants(view).to_csv(out / "variants.csv", index=False)
    bottlenecks(view, level="edge").to_csv(out / "bottlenecks.csv", index=False)
    for note in _write_map(view, out, activities, paths, lang, draw_timeout):
        typer.echo(f"Note: {note}")
    written = sorted(p.name for p in out.iterdir())
    typer.echo(f"{report['overall'].get('n_received', 0):,} dossiers; wrote {', '.join(written)} "
               f"to {out}")


def _write_map(view, out: Path, activities: float | None, paths: float | None, lang: str,
               timeout: float) -> list[str]:
    """Write map.dot, map.svg (when Graphviz draws it within ``timeout`` s) and map.json (the
    sliders applied and the notes); the map at a readable size unless the sliders are given.
    Returns the notes."""
    from dataclasses import asdict

    from dossierflow.mining.analysis.process_map import readable_map
    from dossierflow.mining.analysis.render_map import Performance, render_map
    from dossierflow.mining.export.export_map import write_map_files

    pmap, sliders = readable_map(view, activities=activities, paths=paths)
    notes = []
    if (sliders.activities_shown, sliders.paths_shown) != (sliders.activities_total,
                                                           sliders.paths_total):
        notes.append(f"The map shows {sliders.activities_shown:,} of "
                     f"{sliders.activities_total:,} activities and {sliders.paths_shown:,} of "
                     f"the {sliders.paths_total:,} paths between them, the most frequent "
                     f"(--activities {sliders.activities:.4g} --paths {sliders.paths:.4g}); "
                     "dfg.csv and variants.csv hold them all; --activities 1 --paths 1 draws "
                     "the whole map.")
    dot = render_map(pmap, overlay=Performance(), lang=lang, sliders=sliders)
    files = write_map_files(dot, out / "map.dot", timeout=timeout)
    notes += [files.note] if files.note else []
    _write_json(out / "map.json", {**asdict(sliders), "draw_timeout_seconds": timeout,
                                   "notes": notes})
    return notes


@cli.command("compare")
def compare_command(
    log: Annotated[str, typer.Argument(help="Workspace name, .duckdb file or a log file.")],
    by: Annotated[str, typer.Option(help="Dossier column that splits the groups, e.g. agency.")],
    a: Annotated[str, typer.Option(help="Value of group A.")],
    b: Annotated[str, typer.Option(help="Value of group B.")],
    out: Annotated[Path, typer.Option(help="Folder for compare.csv and compare.dot.")],
    measure: Annotated[str, typer.Option(help="Colour edges by 'share' or 'waiting'.")] = "share",
    min_support: Annotated[int, typer.Option(help="Fewest dossiers (or waits) per group "
                                                  "for a test.")] = 30,
    lang: Annotated[str, typer.Option(help="Labels of the map: vi or en.")] = "vi",
) -> None:
    """Compare two groups: edges with shares, waits, p- and q-values; a difference map."""
    from dossierflow.mining.analysis.compare import Difference, compare_groups
    from dossierflow.mining.analysis.render_map import render_map
    from dossierflow.mining.export.export_map import write_map_files
    from dossierflow.mining.log.open_log import open_log

    result = compare_groups(open_log(log), by=by, a=a, b=b, min_support=min_support)
    out.mkdir(parents=True, exist_ok=True)
    result.edges.to_csv(out / "compare.csv", index=False)
    dot = render_map(result.map, overlay=Difference(result, measure=measure), lang=lang)
    files = write_map_files(dot, out / "compare.dot")
    if files.note:
        typer.echo(f"Note: {files.note}")
    typer.echo(f"{int(result.edges['significant'].sum())} of {len(result.edges)} paths differ "
               f"significantly between {by}={a} and {by}={b}; wrote compare.csv, compare.dot"
               + (", compare.svg" if files.drawing else "") + f" to {out}")


@cli.command("sample")
def sample_command(
    out: Annotated[Path, typer.Option(help="Output: .duckdb workspace, .parquet or .csv log.")],
    start: Annotated[str | None, typer.Option(help="First day of receipt, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option(help="Last day of receipt, YYYY-MM-DD.")] = None,
    full: Annotated[bool, typer.Option(
        "--full", help="The whole history: 17/05/2017 to 31/08/2023.")] = False,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same log.")] = 1,
) -> None:
    """Generate the synthetic Bắc Ninh sample with the simulation engine."""
    import pandas as pd
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from dossierflow.simulation.engine import simulate
    from dossierflow.simulation.sample.centre_model import centre_model, sample_period
    from dossierflow.simulation.sample.sample_output import write_sample

    first, last = sample_period(full)
    first = pd.Timestamp(start) if start else first
    last = pd.Timestamp(end) + pd.Timedelta(days=1) if end else last
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                  transient=True) as bar:
        task = bar.add_task("Simulating dossiers", total=1.0)
        result = simulate(centre_model(), start=first, end=last, seed=seed,
                          progress=lambda done: bar.update(task, completed=done))
        bar.update(task, description="Writing", completed=1.0)
        path = write_sample(result, out)
    typer.echo(f"{len(result.cases):,} dossiers, {len(result.events):,} events received "
               f"{first:%d/%m/%Y} – {last - pd.Timedelta(days=1):%d/%m/%Y} (seed {seed}) "
               f"written to {path}")


@cli.command("app")
def app_command(
    log: Annotated[str | None, typer.Option(help="Workspace name or log file to open.")] = None,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8501,
) -> None:
    """Start the Streamlit app on 127.0.0.1; stopping this command stops it too."""
    from dossierflow.app.launch import streamlit_command

    command = streamlit_command("127.0.0.1", port)
    env = dict(os.environ, **({"DOSSIERFLOW_LOG": log} if log else {}))
    raise typer.Exit(_run_until_stopped(command, env))


class _Stopped(Exception):
    """This process was asked to stop by signal ``signum``."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _run_until_stopped(command: list[str], env: dict[str, str]) -> int:
    """Run ``command`` in a process group of its own (on POSIX) until it ends, and its exit
    code; when this process is stopped first (Ctrl-C, SIGTERM, SIGHUP), stop the child's
    whole group and exit 128 + the signal's number."""
    import signal
    import subprocess

    posix = os.name == "posix"
    child = subprocess.Popen(command, env=env, start_new_session=posix)

    def stop(signum, _frame):
        raise _Stopped(signum)

    asked = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {signum: signal.signal(signum, stop) for signum in asked}
    try:
        return child.wait()
    except (_Stopped, KeyboardInterrupt) as exc:
        _stop_child(child, posix)
        raise typer.Exit(128 + getattr(exc, "signum", signal.SIGINT)) from None
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _stop_child(child, group: bool) -> None:
    """Stop ``child`` (and its process group when ``group``): SIGTERM, then SIGKILL after
    10 s. The group is signalled only while the child is not yet reaped, so that its id
    cannot name another process's group."""
    import signal
    import subprocess

    def send(signum: int) -> None:
        try:
            os.killpg(child.pid, signum) if group else child.send_signal(signum)
        except ProcessLookupError:
            pass

    send(signal.SIGTERM)
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        send(signal.SIGKILL)
        child.wait()


@cli.command("export")
def export_command(
    log: Annotated[str, typer.Argument(help="Workspace name, .duckdb file or a log file.")],
    out: Annotated[Path, typer.Option(help="Output file: .csv, .xlsx, .parquet, .xes, .xes.gz.")],
    format: Annotated[str | None, typer.Option(
        help="csv, xlsx, parquet or xes (default: from the --out extension).")] = None,
    no_pseudonymise: Annotated[bool, typer.Option(
        "--no-pseudonymise", help="Write personal data (names, ID and phone numbers, "
                                  "addresses, e-mails) in clear.")] = False,
    key_env: Annotated[str | None, typer.Option(
        help="Environment variable holding the pseudonymisation key (default "
             "DOSSIERFLOW_PSEUDONYM_KEY; without one, a random key for this export only).")] = None,
    personal_field: Annotated[list[str] | None, typer.Option(
        help="Another column to pseudonymise, e.g. resource (may repeat).")] = None,
    agency: Repeatable = None, procedure: Repeatable = None, field: Repeatable = None,
    channel: Repeatable = None, model: Repeatable = None,
    on_time: Annotated[list[str] | None, typer.Option(
        help="early, on_time, late or open.")] = None,
    start: Annotated[str | None, typer.Option(help="Dossiers started from (YYYY-MM-DD).")] = None,
    end: Annotated[str | None, typer.Option(help="… and before (YYYY-MM-DD).")] = None,
) -> None:
    """Export a (filtered) log for other tools, personal data pseudonymised by default."""
    from dossierflow.mining import apply_filters
    from dossierflow.mining.export.export_log import export_log
    from dossierflow.mining.export.pseudonymise import KEY_ENV, default_personal_fields
    from dossierflow.mining.log.open_log import open_log

    if key_env and not no_pseudonymise and not os.environ.get(key_env):
        raise DossierflowError(f"the environment variable {key_env} (--key-env) is not set.",
                               fix=f"set it to a secret of at least 16 characters, e.g. "
                                   f"`export {key_env}=$(python -c 'import secrets; "
                                   f"print(secrets.token_urlsafe(32))')`.")
    view = apply_filters(open_log(log), _filters(agency, procedure, field, channel, model,
                                                 on_time, start, end))
    personal = [*default_personal_fields(), *personal_field] if personal_field else None
    done = export_log(view, out, format=format, pseudonymise=not no_pseudonymise,
                      personal_fields=personal, key_env=key_env or KEY_ENV)
    typer.echo(f"Wrote {done.cases:,} dossiers, {done.events:,} events to {done.path} "
               f"({done.format}).")
    if done.pseudonymised is None:
        typer.echo("Personal data is written in clear (--no-pseudonymise).")
    else:
        found = done.pseudonymised
        typer.echo("Pseudonymised columns: " + (", ".join(found.columns) or "none found")
                   + (f"; {found.scrubbed:,} phone/ID numbers or e-mails replaced in "
                      f"{', '.join(found.scrubbed_columns)}" if found.scrubbed else "") + ".")
        typer.echo("Key: " + ("random, used for this export only (pseudonyms will not match "
                              "other exports; set DOSSIERFLOW_PSEUDONYM_KEY to keep them "
                              "stable)." if done.key_source == "random" else
                              f"from the {done.key_source}."))
    if done.neutralised:
        typer.echo(f"{done.neutralised:,} cells that a spreadsheet could run as formulas were "
                   "protected.")


def _progress_bar(description: str):
    """A progress bar on the terminal and the callback that moves it (fraction 0–1)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                   transient=True)
    task = bar.add_task(description, total=1.0)
    return bar, lambda done: bar.update(task, completed=done)


def _write_json(path: Path, data) -> None:
    import json

    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n",
                    encoding="utf-8")


def _learn(log: str, start: str | None, end: str | None, calendar=None):
    """The analysis-ready log and the model learnt from its window (the log's last year by
    default; ``Discovery.start``/``end`` hold the window cut to the log)."""
    import pandas as pd

    from dossierflow.mining.log.open_log import open_analysis_log, workspace_file
    from dossierflow.simulation.discovery.discover_model import discover_model, learning_window
    from dossierflow.simulation.discovery.stored_models import learnt_model

    analysis = open_analysis_log(log, calendar)
    typer.echo(f"note: {analysis.calendar.describe()}")
    lo, hi = learning_window(analysis, start, end)
    typer.echo(f"Learning the model from dossiers received {lo:%d/%m/%Y} – "
               f"{hi - pd.Timedelta(days=1):%d/%m/%Y} …")
    stored = workspace_file(log)
    bar, moved = _progress_bar("Learning the model")
    with bar:
        if stored is None:
            return analysis, discover_model(analysis, start=lo, end=hi, progress=moved)
        return analysis, learnt_model(stored, analysis, start=start, end=end, progress=moved)


@cli.command("simulate")
def simulate_command(
    log: Annotated[str, typer.Argument(help="Workspace name, .duckdb file or a log file.")],
    scenario: Annotated[list[Path], typer.Option(
        help="Scenario file (YAML; may repeat; docs/simulation.md, 'Scenario files').")],
    out: Annotated[Path, typer.Option(help="Folder for results.json, results.csv, runs.csv.")],
    replications: Annotated[int, typer.Option(help="Runs of each variant.")] = 10,
    seed: Annotated[int, typer.Option(help="Seed of the first run (run r uses seed + r).")] = 0,
    start: Annotated[str | None, typer.Option(
        help="First day of the period learnt and simulated (default: a year before the "
             "log's last day).")] = None,
    end: Annotated[str | None, typer.Option(help="Last day of that period.")] = None,
    procedure: Annotated[list[str] | None, typer.Option(
        help="Report on these procedures only (may repeat).")] = None,
    workers: Annotated[int | None, typer.Option(help="Processes (default: one per core).")] = None,
    country: Country = None, timezone: TimeZone = None, office_hours: OfficeHours = None,
    executor: Executor = "local",
) -> None:
    """Learn a model from the log, run scenarios against it and write their effects."""
    from dossierflow.simulation.asis import basis
    from dossierflow.simulation.experiment import run_experiment
    from dossierflow.simulation.scenarios import read_scenarios

    scenarios = [s for path in scenario for s in read_scenarios(path)]
    analysis, found = _learn(log, start, end, _calendar(country, timezone, office_hours))
    lo, hi = found.start, found.end
    for note in found.notes:
        typer.echo(f"note: {note}")
    for s in scenarios:
        s.apply(found.model)  # a scenario that does not fit the model fails before the runs
    bar, moved = _progress_bar(f"Simulating {replications} × {len(scenarios) + 1} runs")
    with bar:
        result = run_experiment(found.model, scenarios, start=lo, end=hi,
                                replications=replications, seed=seed, workers=workers,
                                executor=executor, procedures=procedure,
                                check=basis(analysis, lo, hi), progress=moved)
    result.notes = found.notes
    path = result.write(out)
    found.model.to_json(out / "model.json")
    for line in result.asis.lines():
        typer.echo(line)
    for s in scenarios:
        kpis = result.summary(s.name)
        for name in ("lead_time_working_days_median", "on_time_rate",
                     "citizen_days_saved_per_year"):
            if name in kpis:
                part = kpis[name].get("scenario") or kpis[name]["delta"]
                base = kpis[name].get("baseline")
                typer.echo(f"{s.name}: {name} " + (f"{base['mean']:.4g} → " if base else "")
                           + f"{part['mean']:.4g} [{part['ci95'][0]:.4g} – "
                             f"{part['ci95'][1]:.4g}]")
    typer.echo(f"{found.cases:,} dossiers learnt from; {replications} replications in "
               f"{result.seconds:.1f} s; wrote {path}, results.csv, runs.csv, asis.csv, "
               "asis.json, model.json")


@cli.command("validate")
def validate_command(
    log: Annotated[str, typer.Argument(help="Workspace name, .duckdb file or a log file.")],
    out: Annotated[Path | None, typer.Option(
        help="Folder for asis.csv, asis.json and model.json.")] = None,
    replications: Annotated[int, typer.Option(help="Runs of the model.")] = 5,
    seed: Annotated[int, typer.Option(help="Seed of the first run.")] = 0,
    start: Annotated[str | None, typer.Option(
        help="First day of the period learnt and checked (default: a year before the log's "
             "last day).")] = None,
    end: Annotated[str | None, typer.Option(help="Last day of that period.")] = None,
    workers: Annotated[int | None, typer.Option(help="Processes (default: one per core).")] = None,
) -> None:
    """Learn a model from the log and check that it reproduces the log (the as-is check)."""
    from dossierflow.simulation.asis import check

    analysis, found = _learn(log, start, end)
    lo, hi = found.start, found.end
    for note in found.notes:
        typer.echo(f"Note: {note}")
    bar, moved = _progress_bar(f"Simulating {replications} runs")
    with bar:
        result = check(analysis, found.model, lo, hi, replications=replications, seed=seed,
                       workers=workers, progress=moved)
    for line in result.lines():
        typer.echo(line)
    if out is not None:
        result.write(out)
        found.model.to_json(out / "model.json")
        typer.echo(f"Wrote {out / 'asis.json'}, asis.csv, model.json")


@cli.command("propose")
def propose_command(
    log: Annotated[str, typer.Argument(help="Workspace name, .duckdb file or a log file.")],
    out: Annotated[Path, typer.Option(help="Folder for time_cuts.csv and five_on_spot.csv.")],
    replications: Annotated[int, typer.Option(help="Runs of the model.")] = 5,
    seed: Annotated[int, typer.Option(help="Seed of the first run.")] = 0,
    start: Annotated[str | None, typer.Option(help="First day learnt (default: a year "
                                                      "before the log's last day).")] = None,
    end: Annotated[str | None, typer.Option(help="Last day learnt.")] = None,
    lang: Annotated[str, typer.Option(help="Language of the reasons: vi or en.")] = "vi",
    executor: Executor = "local",
) -> None:
    """Propose time cuts that keep 99.5 % on time, and rank 5 tại chỗ candidates."""
    from dossierflow.mining.log.log_view import LogView
    from dossierflow.simulation.asis import AsIs, basis
    from dossierflow.simulation.five_on_spot_candidates import five_on_spot_candidates
    from dossierflow.simulation.proposals import time_cut_proposals

    analysis, found = _learn(log, start, end)
    lo, hi = found.start, found.end
    bar, moved = _progress_bar(f"Simulating {replications} runs")
    with bar:
        cuts = time_cut_proposals(found.model, start=lo, end=hi, replications=replications,
                                  seed=seed, executor=executor,
                                  check=basis(analysis, lo, hi), progress=moved)
    out.mkdir(parents=True, exist_ok=True)
    checked = AsIs.from_dict(cuts.attrs["asis"])
    checked.write(out)
    for line in checked.lines():
        typer.echo(line)
    cuts.to_csv(out / "time_cuts.csv", index=False)
    proposed = cuts.loc[cuts["proposed_cut_days"] > 0]
    typer.echo(f"{len(proposed):,} of {len(cuts):,} procedures can be cut keeping 99.5 % on "
               f"time, saving {proposed['citizen_days_saved_per_year'].sum():,.0f} "
               "citizen-days a year; wrote time_cuts.csv")
    try:
        candidates = five_on_spot_candidates(LogView.of_log(analysis), lang=lang)
    except DossierflowError as exc:
        typer.echo(f"No 5 tại chỗ ranking: {exc.message}")
        return
    candidates.to_csv(out / "five_on_spot.csv", index=False)
    typer.echo(f"{len(candidates):,} 5 tại chỗ candidates ranked (cross-validated AUC "
               f"{candidates.attrs.get('cv_auc', float('nan')):.2f}); wrote five_on_spot.csv")


@cli.command("backtest")
def backtest_command(
    log: Annotated[str, typer.Argument(help="Workspace name, .duckdb file or a log file.")],
    out: Annotated[Path, typer.Option(help="Folder for backtest.csv and backtest.json.")],
    limit: Annotated[int | None, typer.Option(help="At most this many reforms.")] = None,
    replications: Annotated[int, typer.Option(help="Runs per reform.")] = 10,
    seed: Annotated[int, typer.Option(help="Seed of the first run.")] = 0,
    executor: Executor = "local",
) -> None:
    """Re-play the reforms found in the log and report the prediction errors."""
    from dossierflow.mining.log.open_log import open_analysis_log
    from dossierflow.simulation.backtest import backtest

    analysis = open_analysis_log(log)
    bar, moved = _progress_bar("Re-playing reforms")
    with bar:
        result = backtest(analysis, limit=limit, replications=replications, seed=seed,
                          executor=executor, progress=moved)
    out.mkdir(parents=True, exist_ok=True)
    result.table.to_csv(out / "backtest.csv", index=False)
    summary = result.summary()
    _write_json(out / "backtest.json", {"summary": summary, "skipped": result.skipped})
    typer.echo(f"{summary['n']} reforms re-played: median absolute error of the predicted "
               f"median lead time {summary['median_abs_error']:.1%} (assuming no change: "
               f"{summary['unchanged_median_abs_error']:.1%}); wrote backtest.csv, "
               "backtest.json")


@cli.command("report")
def report_command(
    log: Annotated[str, typer.Argument(help="Workspace name, .duckdb file or a log file.")],
    out: Annotated[Path, typer.Option(help="The HTML file to write, e.g. report.html.")],
    scenario: Annotated[list[Path] | None, typer.Option(
        help="Scenario file to compare with the baseline (YAML; may repeat).")] = None,
    lang: Annotated[str, typer.Option(help="Language of the report: vi or en.")] = "vi",
    pdf: Annotated[bool, typer.Option(
        "--pdf", help="Also print it to a PDF beside the HTML (needs chromium).")] = False,
    replications: Annotated[int, typer.Option(help="Runs of the model.")] = 5,
    seed: Annotated[int, typer.Option(help="Seed of the first run.")] = 0,
) -> None:
    """Write the leadership report: one self-contained HTML file, and its PDF with --pdf."""
    from dossierflow.app.report import build_report, print_pdf, write_report
    from dossierflow.simulation.scenarios import read_scenarios

    if out.suffix.lower() == ".pdf":
        raise DossierflowError("--out names the HTML file, not the PDF.", file=str(out),
                               fix="write e.g. --out report.html --pdf (report.pdf is "
                                   "written beside it).")
    scenarios = [s for path in scenario or [] for s in read_scenarios(path)]
    notes: list[str] = []
    bar, moved = _progress_bar("Building the report")
    with bar:
        page = build_report(log, scenarios=scenarios, lang=lang, replications=replications,
                            seed=seed, progress=moved, on_note=notes.append)
    for note in notes:
        typer.echo(f"Note: {note}")
    typer.echo(f"Wrote {write_report(page, out)}")
    if pdf:
        printed = print_pdf(out, out.with_suffix(".pdf"))
        typer.echo(f"Wrote {printed}" if printed else
                   "No PDF: no chromium found (install Debian's chromium, or set "
                   "DOSSIERFLOW_CHROMIUM to a chromium binary); the HTML report prints to "
                   "PDF from any browser.")


@cli.command("handover")
def handover_command(
    log: Annotated[str, typer.Argument(help="Workspace name, .duckdb file or a log file.")],
    out: Annotated[Path, typer.Option(help="Folder for edges.csv, nodes.csv, network.svg.")],
    level: Annotated[Literal["agency", "officer", "desk"], typer.Option(
        help="Who hands over: agencies, officers, or the counter and the agencies.")] = "agency",
    reveal_names: Annotated[bool, typer.Option(
        help="Write officers' names in clear (default: pseudonyms).")] = False,
    start: Annotated[str | None, typer.Option(help="Dossiers started from (YYYY-MM-DD).")] = None,
    end: Annotated[str | None, typer.Option(help="… and before (YYYY-MM-DD).")] = None,
    lang: Annotated[str, typer.Option(help="Labels of the drawing: vi or en.")] = "vi",
) -> None:
    """Write the hand-over network: edges.csv, nodes.csv, network.dot and network.svg."""
    from dossierflow.mining import apply_filters, handover_network
    from dossierflow.mining.export.export_handover import export_handover
    from dossierflow.mining.log.open_log import open_log

    view = apply_filters(open_log(log), _filters(None, None, None, None, None, None, start, end))
    network = handover_network(view, level)
    files = export_handover(network, out, lang=lang, reveal_names=reveal_names)
    if files.map.note:
        typer.echo(f"Note: {files.map.note}")
    hidden = " (officers pseudonymised)" if files.pseudonymised else ""
    typer.echo(f"{int(network.edges['handovers'].sum()):,} hand-overs on "
               f"{len(network.edges):,} edges between {len(network.nodes):,} {level} nodes"
               f"{hidden}; wrote {', '.join(sorted(p.name for p in out.iterdir()))} to {out}")


@cli.command("animate")
def animate_command(
    log: Annotated[str, typer.Argument(help="Workspace name, .duckdb file or a log file.")],
    start: Annotated[str, typer.Option("--from", help="First day replayed (YYYY-MM-DD).")],
    end: Annotated[str, typer.Option("--to", help="Last day replayed, included (YYYY-MM-DD; "
                                                  "a time, YYYY-MM-DD HH:MM, is the end).")],
    out: Annotated[Path, typer.Option(help="The HTML file to write, e.g. week.html.")],
    colour: Annotated[str, typer.Option(help="Colour the dots by on-time or channel.")
                      ] = "on-time",
    lang: Annotated[str, typer.Option(help="Labels: vi or en.")] = "vi",
) -> None:
    """Write an animated replay of the dossiers of a period on the process map: one
    self-contained HTML file that plays offline."""
    from dossierflow.mining.export.export_animation import export_animation, inclusive_end
    from dossierflow.mining.log.open_log import open_log

    written = export_animation(open_log(log), out, start, inclusive_end(end), colour=colour,
                               lang=lang)
    typer.echo(f"Wrote {written}")


@cli.command("warn")
def warn_command(
    log: Annotated[str, typer.Argument(help="Workspace name, .duckdb file or a log file.")],
    out: Annotated[Path, typer.Option(help="The CSV file to write, e.g. warn.csv.")],
    at: Annotated[str | None, typer.Option(help="The moment, YYYY-MM-DD HH:MM local (default: "
                                                "the log's last receipt).")] = None,
    lang: Annotated[str, typer.Option(help="Names and reasons: vi or en.")] = "vi",
    reveal_names: Annotated[bool, typer.Option(help="Keep officers' names.")] = False,
) -> None:
    """Write the dossiers open at a moment, riskiest of being late first, with the expected
    result time and why (docs/early_warning.md)."""
    from dossierflow.mining.log.open_log import open_analysis_log
    from dossierflow.mining.predict.warn import warn
    from dossierflow.mining.predict.warning_file import write_warnings

    table = warn(open_analysis_log(log), at, lang="en" if lang == "en" else "vi")
    write_warnings(table, out, reveal_names=reveal_names)
    risky = int((table["risk"] >= 0.5).sum())
    typer.echo(f"{len(table):,} open dossiers, {risky:,} with a risk of 50 % or more of being "
               f"late; wrote {out}")


@cli.command("serve")
def serve_command(
    log: Annotated[str | None, typer.Option(help="Workspace name or log file to open.")] = None,
    address: Annotated[str, typer.Option(help="Address to listen on; beyond 127.0.0.1 "
                                              "only with sign-in configured.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8501,
    idle_minutes: Annotated[float, typer.Option(help="A session ends after so long idle.")] = 30,
    max_hours: Annotated[float, typer.Option(help="A session ends so long after sign-in.")] = 8,
) -> None:
    """Start the app for many users, who sign in (docs/deployment.md); stopping this command
    stops it too."""
    from dossierflow.app.server_mode import server_start

    start = server_start(address, port, log, idle_minutes, max_hours)
    if not start.sign_in:
        typer.echo("No sign-in is configured: nobody is asked to sign in, so put no proxy in "
                   "front of it (docs/deployment.md).")
    raise typer.Exit(_run_until_stopped(start.command, start.env))


@cli.command("audit")
def audit_command(
    user: Annotated[str | None, typer.Option(help="Only this user's entries.")] = None,
    since: Annotated[str | None, typer.Option(help="From this day on (YYYY-MM-DD).")] = None,
) -> None:
    """Print the audit log: sign-ins, sign-outs, lock-outs, workspaces viewed, exports."""
    from dossierflow.app.audit import describe, read_audit, since_day

    for entry in read_audit(user, since_day(since)):
        typer.echo(describe(entry))


def _users_cli() -> None:
    """Add `dossierflow users add|remove|list|unlock` (app/users_commands.py)."""
    from dossierflow.app.users_commands import users_cli

    cli.add_typer(users_cli, name="users")


_users_cli()


def _command_line_error() -> type[Exception]:
    """The base of the errors of a wrong command line: click's ``ClickException``, click's own
    under older Typer versions and Typer's copy of it under newer ones."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def main() -> None:
    """Entry point: errors become messages, never tracebacks. Exit codes: 0 done, 1 a usage
    error's own, 2 a wrong command line or input, 3 a fault in dossierflow, 128 + n stopped by
    signal n."""
    try:
        code = cli(standalone_mode=False)  # a command's typer.Exit(n) comes back as n
    except DossierflowError as exc:
        typer.secho(f"Error: {exc.message}", fg="red", err=True)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.secho("Interrupted.", err=True)
        sys.exit(130)
    except _command_line_error() as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 — the last guard before the user
        from dossierflow.app.errors import write_crash_report

        report = write_crash_report(traceback.format_exc())
        typer.secho(f"Unexpected error: {exc}. This is a fault in dossierflow, not in your "
                    "data; " + (f"details were written to {report}." if report else
                                "its details could not be written to a file."),
                    fg="red", err=True)
        sys.exit(3)
    if isinstance(code, int) and code:
        sys.exit(code)


if __name__ == "__main__":
    main()

"""The `dossierflow` command line."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer

from mining.errors import DossierflowError

cli = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Process mining and simplification analysis for one-stop centres.")
ROOT = Path(__file__).resolve().parents[1]


@cli.command("import")
def import_command(
    path: Annotated[Path, typer.Argument(help="Event log or dossier list: CSV, XLSX, Parquet, XES.")],
    mapping: Annotated[Optional[Path], typer.Option(help="JSON column mapping file.")] = None,
    cases: Annotated[Optional[Path], typer.Option(
        help="A dossier list (a row per dossier) to join on the dossier id.")] = None,
    sheet: Annotated[Optional[str], typer.Option(help="Excel sheet (default: the first).")] = None,
    name: Annotated[Optional[str], typer.Option(help="Workspace name (default: from the file).")] = None,
) -> None:
    """Import a log into a workspace and print the mapping, validation report and summary."""
    from mining.import_and_store import import_to_workspace
    from mining.workspace import default_name

    result = import_to_workspace(path, name=name or default_name(path), mapping=mapping,
                                 cases=cases, sheet=sheet)
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


@cli.command("app")
def app_command(
    log: Annotated[Optional[str], typer.Option(help="Workspace name or log file to open.")] = None,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8501,
) -> None:
    """Start the Streamlit app on 127.0.0.1."""
    import subprocess

    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
               "--server.address", "127.0.0.1", "--server.port", str(port),
               "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    env = dict(os.environ, **({"DOSSIERFLOW_LOG": log} if log else {}))
    raise typer.Exit(subprocess.call(command, env=env))


def main() -> None:
    """Entry point: errors become messages, never tracebacks."""
    try:
        cli(standalone_mode=False)
    except DossierflowError as exc:
        typer.secho(f"Error: {exc.message}", fg="red", err=True)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.secho("Interrupted.", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 — the last guard before the user
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        report = Path(tempfile.gettempdir()) / "dossierflow-error.txt"
        report.write_text(traceback.format_exc(), encoding="utf-8")
        typer.secho(f"Unexpected error: {exc}. This is a fault in dossierflow, not in your "
                    f"data; details were written to {report}.", fg="red", err=True)
        sys.exit(3)


if __name__ == "__main__":
    main()

"""`dossierflow users add|remove|list|unlock`: the local users of server mode."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from dossierflow.app.users import (
    ROLES,
    UsersError,
    add_user,
    list_users,
    remove_user,
    unlock_user,
    users_file,
)

users_cli = typer.Typer(no_args_is_help=True, help="The users who may sign in to the server "
                        "(kept in users.json beside the workspaces).")
Name = Annotated[str, typer.Argument(help="User name (an e-mail for OpenID Connect users).")]


@users_cli.command("add")
def add_command(
    name: Name,
    role: Annotated[str, typer.Option(help=f"One of: {', '.join(ROLES)}.")],
    agency: Annotated[list[str] | None, typer.Option(
        help="An agency the user sees (repeat for several; needed by the agency role).")] = None,
    display_name: Annotated[str | None, typer.Option(help="Name shown in the app.")] = None,
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="Read the password from the first line of standard input.")
    ] = False,
    oidc: Annotated[bool, typer.Option(
        "--oidc", help="No password: the user signs in with OpenID Connect.")] = False,
) -> None:
    """Add a user, or replace one of the same name; asks the password twice unless given."""
    if oidc and password_stdin:
        raise UsersError("--oidc users have no password.", fix="give --oidc or "
                         "--password-stdin, not both.")
    password = None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif not oidc:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    user = add_user(name, role, password=password, agencies=agency, display_name=display_name)
    how = "OpenID Connect" if user.oidc else "password"
    typer.echo(f"Added {user.name} ({user.role}, {how}) to {users_file()}")


@users_cli.command("remove")
def remove_command(name: Name) -> None:
    """Remove a user; its open sessions end at their next interaction."""
    remove_user(name)
    typer.echo(f"Removed {name} from {users_file()}")


@users_cli.command("unlock")
def unlock_command(name: Name) -> None:
    """Unlock a user locked after wrong passwords."""
    unlock_user(name)
    typer.echo(f"Unlocked {name}")


@users_cli.command("list")
def list_command() -> None:
    """List the users: name, role, agencies, how they sign in, and locks."""
    rows = list_users()
    if not rows:
        typer.echo(f"No users in {users_file()}")
    for user, locked in rows:
        how = "oidc" if user.oidc else "password"
        lock = f"  locked until {locked:%Y-%m-%d %H:%M}" if locked else ""
        agencies = f"  [{', '.join(user.agencies)}]" if user.agencies else ""
        typer.echo(f"{user.name:<24} {user.role:<11} {how:<9} {user.display_name}"
                   f"{agencies}{lock}")

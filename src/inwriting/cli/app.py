"""The `inwriting` command: one Typer app, with each command group registered from its module."""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperGroup

from inwriting import __version__
from inwriting.errors import UserError

INTERNAL_ERROR_EXIT = 70


class _Group(TyperGroup):
    """Turns a UserError into one line on stderr and its exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except Exception as error:  # an internal error: a bug, not the user's mistake
            if ctx.obj and ctx.obj.get("debug"):
                raise
            typer.echo(
                f"internal error: {type(error).__name__}: {error} (run with --debug for details)",
                err=True,
            )
            raise typer.Exit(INTERNAL_ERROR_EXIT) from None


app = typer.Typer(
    name="inwriting",
    cls=_Group,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="A local-first job-search ledger. Nothing counts until it is in writing.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"inwriting {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    ctx.obj = {"debug": debug}


def _register_all() -> None:
    # Each module owns one group of commands and adds them to the app here.
    from inwriting.cli import data, demo, hiring, ledger, lint, mail, read, serve

    for module in (ledger, read, data, demo, lint, hiring, mail, serve):
        module.register(app)


_register_all()


def main() -> None:
    """Console-script entry point."""
    sys.exit(app())

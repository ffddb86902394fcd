"""The `inwriting` command: one Typer app, with each command group registered from its module."""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperGroup

from inwriting import __version__
from inwriting.errors import UserError

INTERNAL_ERROR_EXIT = 70


def _reflow(help_text: str) -> str:
    """A command's help as paragraphs: the line breaks of its docstring joined.

    Rich keeps a docstring's single line breaks, so text wrapped at 100 columns in the source came
    out ragged in an 80-column terminal. Blank lines, and lines that start with a space, "- " or
    "$" (lists, examples), keep their breaks.
    """
    lines = help_text.splitlines()
    out: list[str] = []
    for line in lines:
        joinable = (
            out
            and out[-1].strip()
            and line.strip()
            and not line.startswith((" ", "\t", "- ", "$", "•"))
            and not out[-1].startswith((" ", "\t", "$"))
        )
        if joinable:
            out[-1] = f"{out[-1]} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(out)


def _reflow_all(command: Any) -> None:
    """Reflow a command's help, and its subcommands' (`hiring promise`, `sync imap`)."""
    if command.help:
        command.help = _reflow(command.help)  # idempotent: a second pass joins nothing
    for sub in getattr(command, "commands", {}).values():
        _reflow_all(sub)


class _Group(TyperGroup):
    """Turns a UserError into one line on stderr and its exit code, never a traceback."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _reflow_all(command)
        return command

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        # `inwriting import mail PATH…` reads mail; `inwriting import FILE` reads an export.
        if len(args) > 1 and args[0] == "import" and args[1] == "mail":
            return "import mail", self.commands["import-mail"], args[2:]
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except BrokenPipeError:  # the reader of our output went away (`| head`): not an error
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as error:  # an internal error: a bug, not the user's mistake
            if ctx.obj and ctx.obj.get("debug"):
                raise
            typer.echo(
                f"internal error: {type(error).__name__}: {error} (run with --debug for details)",
                err=True,
            )
            raise typer.Exit(INTERNAL_ERROR_EXIT) from None


_app = typer.Typer(
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


@_app.callback()
def _root(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    ctx.obj = {"debug": debug}


# Which module owns each top-level command. Only the owner of the command being run is imported,
# so `inwriting today` does not pay for the linter's or the web app's imports; --help and anything
# unknown load them all. tests/cli/test_app.py checks this table against the modules themselves.
COMMAND_MODULES: dict[str, str] = {
    **dict.fromkeys(
        (
            "add",
            "list",
            "show",
            "log",
            "heard",
            "correct",
            "interview",
            "promise",
            "today",
            "followup",
            "offer",
            "accept",
            "decline",
            "withdraw",
            "reject",
            "share",
            "done",
            "resign-check",
            "companies",
        ),
        "ledger",
    ),
    "read": "read",
    "export": "data",
    "import": "data",
    "backup": "data",
    "demo": "demo",
    "lint": "lint",
    "hiring": "hiring",
    "sync": "mail",
    "inbox": "mail",
    "import-mail": "mail",
    "serve": "serve",
}
MODULES = ("ledger", "read", "data", "demo", "lint", "hiring", "mail", "serve")
_registered: set[str] = set()


def register(*modules: str) -> typer.Typer:
    """Import the named command modules and add their commands to the app."""
    import importlib

    for name in modules:
        if name not in _registered:
            importlib.import_module(f"inwriting.cli.{name}").register(_app)
            _registered.add(name)
    return _app


def __getattr__(name: str) -> Any:
    # `from inwriting.cli.app import app` (tests, plugins) gets the app with every command.
    if name == "app":
        return register(*MODULES)
    raise AttributeError(name)


def _modules_for(argv: list[str]) -> tuple[str, ...]:
    """The modules to load for argv: the owner of its command; all of them for help, an unknown
    command or none at all; none for a bare --version."""
    words = [word for word in argv if not word.startswith("-")]
    if not words and "--version" in argv:
        return ()
    if not words or "--help" in argv or "-h" in argv:
        return MODULES
    if words[:2] == ["import", "mail"]:
        return ("mail",)
    module = COMMAND_MODULES.get(words[0])
    return (module,) if module else MODULES


def main() -> None:
    """Console-script entry point."""
    sys.exit(register(*_modules_for(sys.argv[1:]))())

"""CLI command: `inwriting demo` — a sample job search in a throwaway home, and its agenda."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from inwriting import clock
from inwriting.errors import UserError

# Everything that decides where inwriting reads and writes; the demo sets all three.
_ENVIRONMENT = ("INWRITING_HOME", "INWRITING_DATABASE_URL", "INWRITING_NOW")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("demo")(demo_command)


@contextmanager
def _demo_home(home: Path, now: str) -> Iterator[None]:
    """Point inwriting at the demo's own folder (and SQLite file) for the block, then restore
    the user's settings: the demo never reads or writes the user's real ledger or config."""
    saved = {name: os.environ.get(name) for name in _ENVIRONMENT}
    os.environ["INWRITING_HOME"] = str(home)
    os.environ["INWRITING_NOW"] = now
    os.environ.pop("INWRITING_DATABASE_URL", None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def demo_command(
    home: Annotated[
        Path | None,
        typer.Option(
            "--home",
            help="Build the demo in this new, empty folder instead of a temporary one.",
        ),
    ] = None,
) -> None:
    """Build a realistic sample job search in a throwaway folder and show today's agenda.

    Your own ledger is not touched. The output ends with the command to explore the sample.
    """
    from inwriting.cli.ledger import today
    from inwriting.services import demo
    from inwriting.store.repository import open_repository

    if home is None:
        folder = Path(tempfile.mkdtemp(prefix="inwriting-demo-"))
    else:
        folder = home.expanduser().resolve()
        if folder.exists() and any(folder.iterdir()):
            raise UserError(f"{folder} is not empty; give a new folder for the demo")
        folder.mkdir(parents=True, exist_ok=True)
    now = demo.demo_now(clock.now())
    stamp = now.isoformat().replace("+00:00", "Z")
    with _demo_home(folder, stamp):
        with open_repository(f"sqlite:///{folder / 'inwriting.db'}") as repo:
            summary = demo.build(repo, now)
        typer.echo(
            f"A sample search: {summary.applications} applications, {summary.steps} things "
            f"said and done over two months, recorded in {folder}\n"
        )
        today(as_json=False)
    typer.echo(
        "\nExplore it (your own ledger is untouched):\n"
        f"  export INWRITING_HOME={folder} INWRITING_NOW={stamp}\n"
        "  inwriting list\n"
        "  inwriting show Northwind      # an accepted offer with an open background check\n"
        "  inwriting show Brightline     # a verbal offer: not yet an offer\n"
        "  inwriting resign-check        # is it safe to resign yet?\n"
        "  inwriting followup Harbor     # a polite follow-up draft\n"
        f"Delete {folder} when you are done."
    )

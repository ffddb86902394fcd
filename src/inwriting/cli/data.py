"""CLI commands: `export`, `import` and `backup` — getting data in and out of the ledger.

Thin: parse, call services.transfer / services.backup / services.ics, report.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import typer

from inwriting import clock
from inwriting.errors import UserError
from inwriting.paths import database_url

if TYPE_CHECKING:
    from inwriting.store.repository import Repository

# The store and the services are imported inside the commands: every `inwriting` process loads
# this module, and most never export or import anything.


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    ics = "ics"


class ImportFormat(StrEnum):
    json = "json"
    csv = "csv"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("export")(export_command)
    app.command("import")(import_command)
    app.command("backup")(backup_command)


def export_command(
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="json: everything, losslessly (re-importable); csv: one row per application, "
            "for spreadsheets; ics: promise due dates and follow-ups, for a calendar app.",
        ),
    ] = ExportFormat.json,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
) -> None:
    """Write the whole ledger out as JSON, CSV or iCalendar."""
    from inwriting.services import ics, transfer
    from inwriting.store.repository import open_repository

    now = clock.now()
    writers: dict[ExportFormat, Callable[[Repository, IO[str]], object]] = {
        ExportFormat.json: lambda repo, out: transfer.export_json(repo, out, now),
        ExportFormat.csv: lambda repo, out: transfer.export_csv(repo, out),
        ExportFormat.ics: lambda repo, out: out.write(ics.calendar_text(repo, now)),
    }
    write = writers[format]
    with open_repository() as repo:
        if output is None:
            write(repo, sys.stdout)
            sys.stdout.flush()
            return
        _write_atomically(output, lambda out: write(repo, out))
    typer.echo(f"wrote {output}", err=True)


def _write_atomically(path: Path, write: Callable[[IO[str]], object]) -> None:
    """Write to a temporary file beside `path` and rename it into place when complete, so an
    interrupted export never leaves a file that looks whole."""
    path = path.expanduser()
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise UserError(f"there is no folder {path.parent}; create it first")
    if path.exists() and not path.is_file():  # /dev/null, a named pipe: write straight to it
        with path.open("w", encoding="utf-8", newline="") as out:
            write(out)
        return
    # The temporary file is private (0600), and so is the export it becomes: it is personal data.
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            write(out)
        os.replace(temporary, path)
    except OSError as error:
        raise UserError(f"cannot write {path}: {error.strerror}") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def import_command(
    file: Annotated[str, typer.Argument(help="The file to import; - reads standard input.")],
    format: Annotated[
        ImportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="json (an inwriting export) or csv (one application per row, with at least "
            "company and role columns). Default: from the file name's ending.",
        ),
    ] = None,
    merge: Annotated[
        bool,
        typer.Option(
            "--merge",
            help="Add a JSON export to a ledger that already holds data (new ids; companies "
            "with the same name are shared). Without it only an empty ledger takes a JSON "
            "import.",
        ),
    ] = False,
    skip_bad: Annotated[
        bool,
        typer.Option(
            "--skip-bad", help="Import the good rows and list the bad ones, instead of nothing."
        ),
    ] = False,
) -> None:
    """Import a JSON export or a CSV of applications, all in one transaction.

    Every row is checked first. A bad row is reported as `line N: reason`, and then nothing is
    imported unless --skip-bad is given.
    """
    from inwriting.services import transfer
    from inwriting.store.repository import open_repository

    chosen = format or _format_from_name(file)
    text = _read(file)
    try:
        with open_repository() as repo:
            if chosen is ImportFormat.json:
                report = transfer.import_json(repo, text, merge=merge, skip_bad=skip_bad)
            else:
                if merge:
                    raise UserError(
                        "--merge is for JSON exports; a CSV always adds its rows to the ledger"
                    )
                report = transfer.import_csv(repo, text, clock.now(), skip_bad=skip_bad)
    except transfer.RowsRejected as rejected:
        for row in rejected.rows:
            typer.echo(str(row), err=True)
        raise
    for row in report.skipped:
        typer.echo(f"skipped {row}", err=True)
    total = sum(report.written.values())
    others = total - report.applications
    summary = f"imported {_count(report.applications, 'application')}"
    if others:
        summary += f" and {_count(others, 'other record')}"
    if report.shared:
        summary += f"; {sum(report.shared.values())} already in the ledger were reused"
    if report.skipped:
        summary += f"; skipped {_count(len(report.skipped), 'bad row')} (listed above)"
    typer.echo(summary)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _format_from_name(file: str) -> ImportFormat:
    suffix = Path(file).suffix.lower().lstrip(".")
    if suffix in {"json", "csv"}:
        return ImportFormat(suffix)
    raise UserError(f"cannot tell the format of '{file}' from its name; add --format json or csv")


def _read(file: str) -> str:
    try:
        if file == "-":
            return sys.stdin.read()
        return Path(file).expanduser().read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"there is no file {file}") from None
    except IsADirectoryError:
        raise UserError(f"{file} is a folder; give the file to import") from None
    except UnicodeDecodeError as error:
        raise UserError(
            f"{file} is not UTF-8 text (byte {error.start}); save it as UTF-8 (CSV UTF-8 in a "
            "spreadsheet) and try again"
        ) from None
    except OSError as error:
        raise UserError(f"cannot read {file}: {error.strerror}") from None


def backup_command(
    path: Annotated[Path, typer.Argument(help="The file to write the copy to.")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace PATH if it already exists.")
    ] = False,
) -> None:
    """Copy the SQLite database to PATH with SQLite's online backup API (safe while in use).

    To restore, put the copy in an empty folder as inwriting.db and point INWRITING_HOME at it.
    On PostgreSQL use pg_dump, or `inwriting export --format json`.
    """
    from inwriting.services.backup import backup

    result = backup(database_url(), path, force=force)
    typer.echo(
        f"backed up the ledger to {result.path} ({result.size / 1_000_000:.1f} MB); to restore, "
        f"put it in an empty folder as inwriting.db and set INWRITING_HOME to that folder"
    )

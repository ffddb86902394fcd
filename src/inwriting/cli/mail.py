"""CLI commands for mail: `import-mail PATH…` (becomes `import mail`), `sync imap`, `inbox`.

Thin: parse options, call services.inbox, render. Passwords come from --password-stdin, the
system keyring or a hidden prompt; they are never printed or stored by inwriting.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from inwriting import clock
from inwriting.errors import UserError
from inwriting.services import inbox as service
from inwriting.store.repository import open_repository

KEYRING_SERVICE = "inwriting-imap"
JSON_HELP = "Print JSON instead of text."
ME_HELP = (
    "Your own address (repeat for several): mail from it counts as your follow-ups and "
    "thank-you notes. Also read from [mail] me = [...] in config.toml."
)

sync_app = typer.Typer(name="sync", no_args_is_help=True, help="Read a mailbox on a server.")
inbox_app = typer.Typer(
    name="inbox",
    invoke_without_command=True,
    help="What your mail says, waiting for you: accept, correct or dismiss each proposal.",
)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("import-mail", hidden=True)(import_mail)
    app.add_typer(sync_app)
    app.add_typer(inbox_app)


def _me(given: list[str] | None) -> list[str]:
    from inwriting import config

    configured = config.section("mail").get("me", [])
    if isinstance(configured, str):
        configured = [configured]
    return [a.strip().lower() for a in [*(given or []), *configured] if a and a.strip()]


def _echo_json(value: Any) -> None:
    typer.echo(json.dumps(value, indent=2, ensure_ascii=False))


def _print_report(report: service.ImportReport, as_json: bool) -> None:
    if as_json:
        _echo_json(report.to_json())
        return
    typer.echo(
        f"{report.read} messages read: {report.added} new, {report.already_seen} already seen, "
        f"{len(report.skipped)} skipped; {report.proposals} proposals in `inwriting inbox`"
    )
    for skipped in report.skipped:
        typer.echo(f"  skipped {skipped.origin}: {skipped.reason}")


def import_mail(
    paths: Annotated[list[Path], typer.Argument(help=".eml files, mbox files or Maildir folders.")],
    me: Annotated[list[str] | None, typer.Option("--me", help=ME_HELP)] = None,
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Read mail exported from a mail client (.eml, mbox, Maildir) into the inbox.

    Re-importing the same mail adds nothing. A message that cannot be read is skipped and named
    in the report; the rest go in.
    """
    for path in paths:
        if not path.exists():
            raise UserError(
                f"{path} does not exist; give .eml files, mbox files or Maildir folders"
            )
    report = service.import_paths(paths, me=_me(me), now=clock.now())
    _print_report(report, as_json)


def _password(user: str, host: str, password_stdin: bool) -> str:
    if password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise UserError("--password-stdin was given but stdin is empty")
        return line
    try:
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, f"{user}@{host}")
    except Exception:  # no usable keyring backend: fall back to asking
        stored = None
    if stored:
        return stored
    if not sys.stdin.isatty():
        raise UserError(
            f"no password for {user}@{host}: store it with "
            f"`keyring set {KEYRING_SERVICE} {user}@{host}` or pass --password-stdin"
        )
    return str(typer.prompt(f"IMAP password for {user}@{host}", hide_input=True))


@sync_app.command("imap")
def sync_imap(
    host: str = typer.Option(..., "--host", help="The IMAP server, e.g. imap.example.com."),
    user: str = typer.Option(..., "--user", help="Your login on that server."),
    port: int | None = typer.Option(None, "--port", help="Default 993 (ssl) or 143."),
    folder: Annotated[
        list[str] | None,
        typer.Option("--folder", help="A folder to read (repeat for several); default INBOX."),
    ] = None,
    security: str = typer.Option(
        "ssl", "--security", help="ssl (default), starttls, or none (only for a local server)."
    ),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of stdin."
    ),
    me: Annotated[list[str] | None, typer.Option("--me", help=ME_HELP)] = None,
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Read new mail from an IMAP mailbox, read-only, resuming where the last sync stopped.

    The password comes from the system keyring (service "inwriting-imap", user USER@HOST), from
    --password-stdin, or from a prompt; inwriting never stores it.
    """
    from inwriting.ingest.mail.imap import ImapMailbox

    port = port or (993 if security == "ssl" else 143)
    folders = folder or ["INBOX"]
    password = _password(user, host, password_stdin)
    mailbox = ImapMailbox(host, port, user, password, security=security)
    del password
    mine = _me(me)
    if "@" in user and user.lower() not in mine:
        mine.append(user.lower())  # the login is usually the user's own address
    try:
        report = service.sync_imap(
            mailbox,
            account=f"{user}@{host}:{port}",
            folders=folders,
            me=mine,
            now=clock.now(),
        )
    finally:
        mailbox.close()
    if as_json:
        data = report.to_json()
        _echo_json(data)
    else:
        _print_report(report, False)
        if report.interrupted:
            typer.echo(f"error: {report.interrupted}", err=True)
    if report.interrupted:
        raise typer.Exit(5)


@inbox_app.callback()
def inbox(
    ctx: typer.Context,
    accept_confident: bool = typer.Option(
        False, "--accept-confident", help="Apply every proposal the reader is sure of."
    ),
    show_all: bool = typer.Option(False, "--all", help="Also show accepted and dismissed ones."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """List what your mail proposes for the ledger (or apply the sure ones)."""
    if ctx.invoked_subcommand is not None:
        return
    now = clock.now()
    with open_repository() as repo:
        if accept_confident:
            done, refused = service.accept_confident(repo, now=now)
            rows = [service.describe(repo, item) for item in done]
            problems = [
                {"id": item.id, "error": reason, **service.describe(repo, item)}
                for item, reason in refused
            ]
            if as_json:
                _echo_json({"accepted": rows, "refused": problems})
                return
            typer.echo(f"{len(rows)} proposals applied")
            for row in rows:
                typer.echo(f"  #{row['id']} {row['summary']}")
            for problem in problems:
                typer.echo(f"  #{problem['id']} left pending: {problem['error']}")
            return
        rows = [
            service.describe(repo, item) for item in service.pending(repo, include_done=show_all)
        ]
    if as_json:
        _echo_json(rows)
        return
    if not rows:
        typer.echo("The inbox is empty: nothing waits for you.")
        return
    for row in rows:
        sure = "sure" if row["confident"] else "check"
        state = "" if row["state"] == "pending" else f" [{row['state']}]"
        typer.echo(f"#{row['id']} ({sure}){state} {row['summary']}")
        if row["explanation"]:
            typer.echo(f"    {row['explanation']}")
    typer.echo(
        "Accept with `inwriting inbox accept ID…`, fix with `inwriting inbox correct ID --kind …`, "
        "or `inwriting inbox --accept-confident`."
    )


@inbox_app.command("accept")
def inbox_accept(
    ids: Annotated[
        list[int], typer.Argument(help="The proposals' ids, as `inwriting inbox` shows.")
    ],
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Apply proposals as they are."""
    with open_repository() as repo:
        done = service.accept(repo, ids, now=clock.now())
        rows = [service.describe(repo, item) for item in done]
    if as_json:
        _echo_json(rows)
        return
    for row in rows:
        typer.echo(f"#{row['id']} applied: {row['summary']}")


def _due(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"--due '{text}' is not a date; use e.g. 2026-11-20") from None


@inbox_app.command("correct")
def inbox_correct(
    proposal_id: int = typer.Argument(..., help="The proposal's id."),
    kind: str | None = typer.Option(None, "--kind", help="What it really is, e.g. rejection."),
    due: str | None = typer.Option(None, "--due", help="The right due date (YYYY-MM-DD)."),
    application: str | None = typer.Option(
        None, "--application", help="The application it belongs to: an id or a name."
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Correct a proposal (kind, due date, application) and apply it."""
    if kind is None and due is None and application is None:
        raise UserError("say what to correct: --kind, --due and/or --application")
    with open_repository() as repo:
        item = service.correct(
            repo, proposal_id, now=clock.now(), kind=kind, due=_due(due), application=application
        )
        row = service.describe(repo, item)
    if as_json:
        _echo_json(row)
        return
    typer.echo(f"#{row['id']} corrected and applied: {row['summary']}")


@inbox_app.command("dismiss")
def inbox_dismiss(
    ids: Annotated[list[int], typer.Argument(help="The proposals' ids.")],
) -> None:
    """Drop proposals that mean nothing for the ledger."""
    with open_repository() as repo:
        for proposal_id in ids:
            service.dismiss(repo, proposal_id, now=clock.now())
    typer.echo(f"{len(ids)} dismissed")

"""CLI commands: the ledger — add, interview, promise, log, heard, correct, followup, offer,
accept, decline, withdraw, reject, share, done, resign-check, today, list, show, companies.

Each command is thin: parse, call one service inside one transaction (`open_repository`),
render. Heavy modules are imported inside the commands so `inwriting --help` stays quick.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import typer

from inwriting import clock
from inwriting.cli.render import bullet, echo_json, parse_day, parse_moment, table

if TYPE_CHECKING:
    from inwriting.store.models import Application
    from inwriting.store.repository import Repository

NOT_SAFE_EXIT = 1  # resign-check: not safe; followup: nothing to do yet

APP_HELP = "The application: its id, or the start of its company or role (e.g. acme)."
JSON_HELP = "Print stable JSON (see docs/cli.md) instead of text."


# Repeatable options are module-level objects: a list-typed default built per call is what
# linters warn about.
_WITH_OPTION = typer.Option(
    None, "--with", help='An interviewer: "Name, Title". Repeat for a panel.'
)
_TO_OPTION = typer.Option(
    None, "--to", help="With --thank-you --sent: who you thanked (default: all owed)."
)
_BENEFIT_OPTION = typer.Option(
    None,
    "--benefit",
    help='A benefit and its cost to you: "health insurance: employee pays 0".',
)
_CONTINGENCY_OPTION = typer.Option(
    None, "--contingency", help="A condition: references, background check… Repeat."
)


@contextmanager
def _ledger() -> Iterator[tuple[Repository, datetime]]:
    """One transaction and one `now` for a whole command."""
    from inwriting.store.repository import open_repository

    now = clock.now()
    with open_repository() as repo:
        yield repo, now


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a command reads the whole ledger.

    `today` and `list` build hundreds of thousands of short-lived objects on a big ledger (rows,
    dates, agenda lines); the collector's repeated passes over them cost about a fifth of the
    command's time and find next to nothing, since reference counting frees almost all of it.
    It is paused, not switched off: it resumes when the block ends (tests run many commands in
    one process), and then collects whatever cycles the block left.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _find(repo: Repository, name: str) -> Application:
    from inwriting.services.applications import resolve_application

    return resolve_application(repo, name)


def _title(application: Application) -> str:
    return f"#{application.id} {application.company.name} — {application.role}"


# --- adding and recording --------------------------------------------------------------------


def add(
    company: str = typer.Argument(..., help='The employer, e.g. "Acme Corp".'),
    role: str = typer.Argument(..., help='The role, e.g. "HR Generalist".'),
    applied: str = typer.Option(
        None, "--applied", help="Day you applied (YYYY-MM-DD); default today."
    ),
    interested: bool = typer.Option(
        False, "--interested", help="Not applied yet: record it as interested only."
    ),
    url: str = typer.Option(None, "--url", help="The job post."),
    source: str = typer.Option(None, "--source", help="Where it came from: referral, board…"),
    country: str = typer.Option(
        None, "--country", help="Employer's country (ISO code, e.g. SA): its weekend and holidays."
    ),
    weekend: str = typer.Option(
        None, "--weekend", help="Employer's weekend, e.g. fri,sat (overrides the country's)."
    ),
) -> None:
    """Add an application. The company keeps --country/--weekend for every later application."""
    from inwriting.services.applications import add_application

    with _ledger() as (repo, now):
        applied_on = None if interested else parse_day(applied, "--applied", today=now.date())
        if applied_on is None and not interested:
            applied_on = now.date()
        application, notes = add_application(
            repo,
            company,
            role,
            applied_on=applied_on,
            now=now,
            url=url,
            source=source,
            country=country,
            weekend=weekend,
        )
        typer.echo(f"added {_title(application)} ({application.stage})")
        for note in notes:
            typer.echo(note)


def interview(
    application: str = typer.Argument(..., help=APP_HELP),
    at: str = typer.Option(..., "--at", help='When: "2026-11-16 14:00" (UTC unless a zone).'),
    with_: list[str] | None = _WITH_OPTION,
    format: str = typer.Option(None, "--format", help="onsite, video or phone."),
    screen: bool = typer.Option(False, "--screen", help="A recruiter screen, not an interview."),
) -> None:
    """Record an interview (or a screen): when, with whom, in what format."""
    from inwriting.services.interviews import record_interview

    with _ledger() as (repo, now):
        app = _find(repo, application)
        when = parse_moment(at, "--at", now=now)
        assert when is not None
        event = record_interview(
            repo, app, at=when, with_=with_ or [], format=format, now=now, screen=screen
        )
        who = ", ".join(p["name"] for p in event.details["with"]) or "no interviewer named"
        typer.echo(
            f"{_title(app)}: {event.type} on {when:%Y-%m-%d %H:%M} UTC with {who}; "
            f"stage {app.stage}"
        )
        if event.details["with"]:
            typer.echo("a thank-you note to each interviewer is due a business day after")


def promise(
    application: str = typer.Argument(..., help=APP_HELP),
    what: str = typer.Argument(..., help='What they promised, e.g. "decision on the role".'),
    due: str = typer.Option(None, "--due", help="The day they said (YYYY-MM-DD)."),
    no_date: bool = typer.Option(
        False, "--no-date", help="No date was given: the policy date applies."
    ),
    said: str = typer.Option(None, "--said", help="When it was said; default now."),
) -> None:
    """Record a promise the employer made, with its date (or the policy date)."""
    from inwriting.errors import UserError
    from inwriting.services.promises import add_promise

    if (due is None) == (not no_date):
        raise UserError(
            "give --due YYYY-MM-DD (the day they said), or --no-date when none was given"
        )
    with _ledger() as (repo, now):
        app = _find(repo, application)
        made_at = parse_moment(said, "--said", now=now) or now
        made = add_promise(
            repo,
            app,
            what,
            due=parse_day(due, "--due", today=now.date()),
            made_at=made_at,
            now=now,
        )
        source = " (policy date: no date was given)" if made.due_source == "policy" else ""
        typer.echo(f"{_title(app)}: promise '{made.what}' due {made.due.isoformat()}{source}")


def _print_logged(app: Application, logged: Any, as_json: bool) -> None:
    if as_json:
        echo_json(logged.as_dict())
        return
    s = logged.statement
    by = "you said" if s.kind_source == "user" else "read as"
    typer.echo(f"{_title(app)}: logged {s.kind} ({by}): {s.explanation}")
    if logged.effects:
        typer.echo(bullet(logged.effects))
    if logged.stage_after != logged.stage_before:
        typer.echo(f"stage: {logged.stage_before} → {logged.stage_after}")
    if logged.unsure:
        typer.echo(
            f"not sure of this reading: if it is not {s.kind}, "
            f"`inwriting correct {app.id} --kind …` undoes it and applies the right kind"
        )


def log(
    application: str = typer.Argument(..., help=APP_HELP),
    text: str = typer.Argument(..., help="What they said or wrote, in quotes."),
    channel: str = typer.Option(
        None, "--channel", help="email, letter, phone, in-person, video or message."
    ),
    kind: str = typer.Option(
        None,
        "--kind",
        help="written_offer, verbal_offer, rejection, promise, next_step, request, enthusiasm, "
        "delay or other (default: read from the text).",
    ),
    due: str = typer.Option(None, "--due", help="The day it is due, overriding the reader."),
    at: str = typer.Option(None, "--at", help="When it was said; default now."),
    speaker: str = typer.Option(None, "--speaker", help='Who said it, e.g. "Dana Reyes".'),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Record what the employer said or wrote, and what it changes."""
    from inwriting.services.statements import log_statement

    with _ledger() as (repo, now):
        app = _find(repo, application)
        logged = log_statement(
            repo,
            app,
            text,
            said_at=parse_moment(at, "--at", now=now) or now,
            channel=channel,
            kind=kind,
            due=parse_day(due, "--due", today=now.date()),
            speaker=speaker,
            now=now,
        )
        _print_logged(app, logged, as_json)


def heard(
    application: str = typer.Argument(..., help=APP_HELP),
    text: str = typer.Argument(..., help="What they replied, in quotes."),
    channel: str = typer.Option(None, "--channel", help="email, phone, … (see `log`)."),
    kind: str = typer.Option(None, "--kind", help="As for `log`; default read from the text."),
    due: str = typer.Option(None, "--due", help="A date in the reply, overriding the reader."),
    at: str = typer.Option(None, "--at", help="When they replied; default now."),
    speaker: str = typer.Option(None, "--speaker", help="Who replied."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """A reply from them: open promises it answers are kept, and silence ends."""
    from inwriting.services.statements import heard as record_heard

    with _ledger() as (repo, now):
        app = _find(repo, application)
        logged = record_heard(
            repo,
            app,
            text,
            said_at=parse_moment(at, "--at", now=now) or now,
            now=now,
            channel=channel,
            kind=kind,
            due=parse_day(due, "--due", today=now.date()),
            speaker=speaker,
        )
        _print_logged(app, logged, as_json)


def correct(
    application: str = typer.Argument(..., help=APP_HELP),
    kind: str = typer.Option(
        ...,
        "--kind",
        help="What it really was: written_offer, verbal_offer, rejection, promise, next_step, "
        "request, enthusiasm, delay or other.",
    ),
    due: str = typer.Option(
        None,
        "--due",
        help="The day it is due (default: the --due you gave when logging it, else the reader's).",
    ),
    statement: int = typer.Option(
        None,
        "--statement",
        help="The statement's id (default: the latest); only the latest can be corrected.",
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Correct the latest statement logged for an application (by log, heard or mail import).

    Undoes exactly what it did (promises kept, pushed back or withdrawn are open again; its
    events, promises and requests go) and applies it again as --kind. Only the latest
    statement can be corrected: a later one was worked out on top of the earlier one's effects.
    """
    from inwriting.services.statements import correct_statement

    with _ledger() as (repo, now):
        app = _find(repo, application)
        corrected = correct_statement(
            repo,
            app,
            kind=kind,
            due=parse_day(due, "--due", today=now.date()),
            statement_id=statement,
            now=now,
        )
        if as_json:
            echo_json(corrected.as_dict())
            return
        logged = corrected.logged
        s = logged.statement
        typer.echo(
            f"{_title(app)}: statement #{s.id} corrected: {corrected.kind_before} → {s.kind} "
            f"(you said): {s.explanation}"
        )
        if corrected.undone:
            typer.echo("undone:")
            typer.echo(bullet(corrected.undone))
        if logged.effects:
            typer.echo("now:")
            typer.echo(bullet(logged.effects))
        typer.echo(f"stage: {logged.stage_before} → {logged.stage_after}")


def followup(
    application: str = typer.Argument(..., help=APP_HELP),
    sent: bool = typer.Option(False, "--sent", help="Record that you sent it (now)."),
    force: bool = typer.Option(False, "--force", help="Draft or record it even if too soon."),
    thank_you: bool = typer.Option(
        False, "--thank-you", help="Thank-you notes to interviewers instead of a follow-up."
    ),
    to: list[str] | None = _TO_OPTION,
    channel: str = typer.Option(None, "--channel", help="With --sent: email, phone, …"),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Draft the next follow-up (email and phone script), or say when it will be time."""
    from inwriting.services import followups

    with _ledger() as (repo, now):
        app = _find(repo, application)
        if thank_you:
            if sent:
                events = followups.record_thank_you(repo, app, now, to=to or [])
                names = ", ".join(e.details.get("to") or "your interviewer" for e in events)
                typer.echo(f"{_title(app)}: thank-you note recorded to {names}")
                return
            drafts = followups.draft_thank_yous(repo, app, now)
            if as_json:
                echo_json(
                    [
                        {
                            "to": owed.interviewer,
                            "by": owed.by.isoformat(),
                            "email": {"subject": d.subject, "body": d.body},
                            "phone_script": d.phone_script,
                        }
                        for owed, d in drafts
                    ]
                )
            elif not drafts:
                typer.echo(f"{_title(app)}: no thank-you note is owed")
            for owed, draft in [] if as_json else drafts:
                typer.echo(f"--- to {owed.interviewer or 'your interviewer'}, by {owed.by}")
                _print_draft(draft)
            if not drafts:
                raise typer.Exit(NOT_SAFE_EXIT)
            return
        if sent:
            event = followups.record_follow_up(repo, app, now, force=force, channel=channel)
            typer.echo(
                f"{_title(app)}: follow-up {event.details['number']} recorded on "
                f"{now.date().isoformat()}"
            )
            return
        advice = followups.draft_follow_up(repo, app, now, force=force)
        if as_json:
            echo_json({"application": app.id, **advice.as_dict()})
        else:
            typer.echo(f"{_title(app)}: {advice.message}")
            if advice.draft is not None:
                _print_draft(advice.draft)
                typer.echo(f"\nwhen sent: inwriting followup {app.id} --sent")
        if not advice.ready:
            raise typer.Exit(NOT_SAFE_EXIT)


def _print_draft(draft: Any) -> None:
    typer.echo(f"\nEmail\nSubject: {draft.subject}\n\n{draft.body}\n")
    typer.echo(f"Phone script\n{draft.phone_script}")


def _money(text: str | None) -> Decimal | None:
    from inwriting.errors import UserError

    if text is None:
        return None
    clean = text.replace(",", "").replace("_", "").strip()
    try:
        value = Decimal(clean)
    except InvalidOperation:
        raise UserError(f"--salary '{text}' is not a number; use e.g. 58000") from None
    if not value.is_finite():
        raise UserError(f"--salary '{text}' is not a number; use e.g. 58000")
    return value


def offer(
    application: str = typer.Argument(..., help=APP_HELP),
    salary: str = typer.Option(None, "--salary", help="Pay, e.g. 58000."),
    currency: str = typer.Option(None, "--currency", help="ISO code, e.g. USD."),
    period: str = typer.Option(None, "--period", help="Pay period: year (default), month, hour."),
    title: str = typer.Option(None, "--title", help="Job title in the offer (default the role)."),
    start: str = typer.Option(None, "--start", help="Start date (YYYY-MM-DD)."),
    expires: str = typer.Option(None, "--expires", help="When the offer expires."),
    benefit: list[str] | None = _BENEFIT_OPTION,
    contingency: list[str] | None = _CONTINGENCY_OPTION,
    document: str = typer.Option(None, "--document", help="The letter or email (a path)."),
    signed_by: str = typer.Option(None, "--signed-by", help="Who signed it."),
    met: str = typer.Option(None, "--met", help="A contingency of the offer has cleared."),
) -> None:
    """Record a written offer — the only thing that makes an offer — or a cleared contingency."""
    from inwriting.services import offers

    with _ledger() as (repo, now):
        app = _find(repo, application)
        if met is not None:
            cleared = offers.meet_contingency(repo, app, met, now=now)
            latest = offers.latest_offer(repo, app)
            assert latest is not None
            still = [c.name for c in latest.contingencies if c.met_at is None]
            typer.echo(
                f"{_title(app)}: contingency '{cleared.name}' met; "
                + (f"still open: {', '.join(still)}" if still else "none left open")
            )
            return
        terms = offers.OfferTerms(
            title=title,
            salary=_money(salary),
            currency=currency,
            salary_period=period,
            start_on=parse_day(start, "--start", today=now.date()),
            expires_on=parse_day(expires, "--expires", today=now.date()),
            benefits=benefit or [],
            contingencies=contingency or [],
            signed_by=signed_by,
            document=document,
        )
        recorded = offers.record_offer(repo, app, terms, now=now)
        typer.echo(f"{_title(app)}: written offer recorded; stage {app.stage}")
        missing = offers.checklist(recorded)
        if missing:
            typer.echo("before you accept, get these in writing:")
            typer.echo(bullet(missing))
        if recorded.contingencies:
            names = ", ".join(c.name for c in recorded.contingencies)
            typer.echo(f"contingencies open: {names} (clear each with --met)")


def _final(action: str) -> Callable[..., None]:
    def command(
        application: str = typer.Argument(..., help=APP_HELP),
        note: str = typer.Option(None, "--note", help="What they said (reject only)."),
    ) -> None:
        from inwriting.services import applications as service

        with _ledger() as (repo, now):
            app = _find(repo, application)
            if action == "reject":
                service.reject(repo, app, now=now, note=note)
            else:
                getattr(service, action)(repo, app, now=now)
            typer.echo(f"{_title(app)}: {app.stage}")
            if action == "accept":
                typer.echo("before resigning anywhere, run `inwriting resign-check`")

    command.__doc__ = {
        "accept": "Accept the written offer.",
        "decline": "Decline an offer.",
        "withdraw": "Withdraw from the process.",
        "reject": "They said no (after an offer, the offer is rescinded).",
    }[action]
    return command


def share(
    application: str = typer.Argument(..., help=APP_HELP),
    document: str = typer.Argument(..., help="What you gave them: payslips, ID, references…"),
    on: str = typer.Option(None, "--on", help="The day you sent it; default today."),
    note: str = typer.Option("", "--note", help="Anything to remember (sent to whom, how)."),
) -> None:
    """Record a personal document you gave an employer, so you can ask for it back."""
    from inwriting.services.sharing import share_document

    with _ledger() as (repo, now):
        app = _find(repo, application)
        day = parse_day(on, "--on", today=now.date()) or now.date()
        shared, done = share_document(repo, app, document, on=day, now=now, notes=note)
        typer.echo(f"{_title(app)}: {shared.document} shared on {shared.shared_on.isoformat()}")
        for request in done:
            typer.echo(f"request done: {request.what}")


def done(
    application: str = typer.Argument(..., help=APP_HELP),
    request: str = typer.Argument(..., help="Words from the request, e.g. references."),
) -> None:
    """Mark something they asked you for as done."""
    from inwriting.services.sharing import complete_request

    with _ledger() as (repo, now):
        app = _find(repo, application)
        finished = complete_request(repo, app, request, now=now)
        typer.echo(f"{_title(app)}: request done: {finished.what}")


# --- reading ---------------------------------------------------------------------------------


def resign_check(as_json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """Before you resign: exit 0 only with an accepted written offer and nothing open.

    Otherwise it lists exactly what is missing (exit 1).
    """
    from inwriting.services.offers import resign_check as check

    with _ledger() as (repo, _now):
        verdict = check(repo)
    if as_json:
        echo_json(verdict.as_dict())
    elif verdict.safe:
        summary = verdict.offer or {}
        typer.echo(
            f"safe: an accepted written offer from {summary.get('company')} with no open "
            "contingency"
        )
        if verdict.warnings:
            typer.echo("still worth settling in writing:")
            typer.echo(bullet(verdict.warnings))
    else:
        typer.echo("NOT safe to resign yet:")
        typer.echo(bullet(verdict.missing))
    if not verdict.safe:
        raise typer.Exit(NOT_SAFE_EXIT)


def today(as_json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """The agenda: overdue promises, follow-ups, thank-yous, requests, pipeline health.

    Also verbal offers still waiting for the written one, and applications gone quiet.
    """
    with _collector_paused():
        _today(as_json)


def _today(as_json: bool) -> None:
    from inwriting.services.agenda import agenda

    with _ledger() as (repo, now):
        items = agenda(repo, now)
    if as_json:
        echo_json([item.as_dict() for item in items])
        return
    headings = {
        "overdue_promise": "Overdue promises",
        "follow_up": "Follow-ups due",
        "thank_you": "Thank-you notes owed",
        "request": "They asked you for",
        "verbal_offer": "Verbal offers (not yet offers)",
        "gone_quiet": "Gone quiet",
        "pipeline": "Pipeline",
    }
    out: list[str] = [f"Today, {now.date().isoformat()}"]
    current = None
    for item in items:
        if item.type != current:
            current = item.type
            out.append(f"\n{headings.get(item.type, item.type)}")
        prefix = f"#{item.application} " if item.application is not None else ""
        out.append(f"  {prefix}{item.text}")
    typer.echo("\n".join(out))


def list_command(
    stage: str = typer.Option(
        None, "--stage", help="Only applications at this stage (or gone_quiet)."
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Every application with its stage (and whether it has gone quiet)."""
    with _collector_paused():
        _list(stage, as_json)


def _list(stage: str | None, as_json: bool) -> None:
    from inwriting.domain.stages import STAGES, label
    from inwriting.errors import UserError
    from inwriting.services.applications import list_applications

    if stage is not None and stage not in (*STAGES, "gone_quiet"):
        raise UserError(f"unknown stage '{stage}'; use one of {', '.join(STAGES)}, gone_quiet")
    with _ledger() as (repo, now):
        rows = list_applications(repo, now, stage=stage)
    if as_json:
        echo_json(rows)
        return
    if not rows:
        typer.echo('no applications yet; add one with `inwriting add "Company" "Role"`')
        return

    def shown(row: dict[str, Any]) -> str:
        # Gone quiet is an ending the cadence reaches, shown over the stage the events give.
        return f"gone quiet ({label(row['stage'])})" if row["gone_quiet"] else label(row["stage"])

    typer.echo(
        table(
            [(r["id"], r["company"], r["role"], shown(r), r["applied_on"] or "") for r in rows],
            ["id", "company", "role", "stage", "applied"],
        )
    )


def show(
    application: str = typer.Argument(..., help=APP_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """One application's whole timeline: events, statements, promises, requests, offers."""
    with _collector_paused():
        _show(application, as_json)


def _show(application: str, as_json: bool) -> None:
    from inwriting.services.applications import describe

    with _ledger() as (repo, now):
        app = _find(repo, application)
        detail = describe(repo, app, now)
    if as_json:
        echo_json(detail)
        return
    _print_detail(detail)


def _print_detail(d: dict[str, Any]) -> None:
    stage = "gone quiet" if d["gone_quiet"] else d["stage_label"]
    lines = [f"#{d['id']} {d['company']} — {d['role']}", f"stage: {stage}"]
    if d["applied_on"]:
        lines.append(f"applied: {d['applied_on']}" + (f" via {d['source']}" if d["source"] else ""))
    if d["url"]:
        lines.append(f"url: {d['url']}")
    if d["next_follow_up"]:
        nf = d["next_follow_up"]
        lines.append(f"next follow-up: {nf['on']} ({nf['reason']})")
    timeline: list[tuple[str, str]] = []
    for s in d["statements"]:
        who = f"{s['speaker']}" if s["speaker"] else "they"
        via = f" ({s['channel']})" if s["channel"] else ""
        timeline.append((s["said_at"], f'{who}{via}: "{s["text"]}" → {s["kind"]}'))
    for e in d["events"]:
        extra = ""
        if e["type"] in ("interview", "screen"):
            people = ", ".join(p["name"] for p in e["details"].get("with", []))
            fmt = e["details"].get("format")
            extra = " ".join(x for x in (f"with {people}" if people else "", fmt or "") if x)
        elif e["type"] == "thank_you_sent":
            extra = f"to {e['details'].get('to') or 'interviewer'}"
        if e["statement_id"] is None or e["type"] not in ("reply_received",):
            timeline.append((e["at"], f"{e['type'].replace('_', ' ')} {extra}".rstrip()))
    lines.append("\ntimeline:")
    # Stable sort on the instant only: at the same moment a statement comes before the event
    # it caused, each in the order recorded.
    for at, text in sorted(timeline, key=lambda item: item[0]):
        lines.append(f"  {at[:16].replace('T', ' ')}  {text}")
    if d["promises"]:
        lines.append("\npromises:")
        for p in d["promises"]:
            source = " (policy date)" if p["due_source"] == "policy" else ""
            lines.append(f"  [{p['state']}] {p['what']} — due {p['due']}{source}")
    if d["requests"]:
        lines.append("\nrequests:")
        for r in d["requests"]:
            state = "done" if r["done_at"] else "open"
            flag = " (personal documents)" if r["sensitive"] else ""
            lines.append(f"  [{state}] {r['what']}{flag}")
    for o in d["offers"]:
        lines.append("\nwritten offer:")
        pay = f"{o['salary']} {o['currency'] or ''}/{o['salary_period']}" if o["salary"] else "?"
        lines.append(
            f"  salary {pay}; start {o['start_on'] or '?'}; expires {o['expires_on'] or '?'}"
        )
        for b in o["benefits"]:
            lines.append(f"  benefit: {b['name']} — {b['employee_cost'] or 'cost not stated'}")
        for c in o["contingencies"]:
            lines.append(f"  contingency: {c['name']} — {'met' if c['met_at'] else 'OPEN'}")
        lines.append(f"  signed by {o['signed_by'] or '?'}; document {o['document'] or '?'}")
    if d["shared_documents"]:
        lines.append("\ndocuments shared:")
        for doc in d["shared_documents"]:
            lines.append(f"  {doc['shared_on']}  {doc['document']}")
    typer.echo("\n".join(lines))


def companies(as_json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """Per employer: promises kept and broken, and the median days to reply."""
    from inwriting.services.companies import company_report

    with _ledger() as (repo, now):
        figures = company_report(repo, now)
    if as_json:
        echo_json([f.as_dict() for f in figures])
        return
    if not figures:
        typer.echo("no companies yet")
        return
    typer.echo(
        table(
            [
                (
                    f.name,
                    f.applications,
                    f.kept,
                    f.broken,
                    f.open,
                    "" if f.median_days_to_reply is None else f"{f.median_days_to_reply:g}",
                )
                for f in figures
            ],
            ["company", "applications", "kept", "broken", "open", "median days to reply"],
        )
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("add")(add)
    app.command("list")(list_command)
    app.command("show")(show)
    app.command("log")(log)
    app.command("heard")(heard)
    app.command("correct")(correct)
    app.command("interview")(interview)
    app.command("promise")(promise)
    app.command("today")(today)
    app.command("followup")(followup)
    app.command("offer")(offer)
    for action in ("accept", "decline", "withdraw", "reject"):
        app.command(action)(_final(action))
    app.command("share")(share)
    app.command("done")(done)
    app.command("resign-check")(resign_check)
    app.command("companies")(companies)

"""CLI commands: `inwriting hiring …`, the employer's ledger of openings, candidates and the
answers they were promised. Thin: parse, call services.hiring, render."""

from __future__ import annotations

import json
import shlex
from datetime import date
from typing import Any

import typer

from inwriting import clock
from inwriting.domain import hiring as rules
from inwriting.services import hiring as service
from inwriting.store.repository import open_repository

hiring_app = typer.Typer(
    name="hiring",
    no_args_is_help=True,
    help="The hiring ledger: openings, candidates, the answers promised to them, and closure.",
)
opening_app = typer.Typer(name="opening", no_args_is_help=True, help="Add and list openings.")
candidate_app = typer.Typer(name="candidate", no_args_is_help=True, help="Add and list candidates.")
hiring_app.add_typer(opening_app)
hiring_app.add_typer(candidate_app)

JSON_HELP = "Print JSON instead of text."
OPENING_HELP = "Look the candidate up in this opening only (number or title)."


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(hiring_app)


def _echo_json(value: Any) -> None:
    typer.echo(json.dumps(value, indent=2, ensure_ascii=False))


def _day(value: date) -> str:
    return f"{value.strftime('%a')} {value.isoformat()}"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _since_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise typer.BadParameter(f"'{text}' is not a date; use e.g. 2026-11-02") from None


def _where_it_stands(line: rules.WaitingLine, today: date) -> str:
    promised = line.candidate.promised_by
    if promised is None:
        return "no date promised"
    if line.status == rules.OVERDUE:
        return (
            f"promised by {_day(promised)}: OVERDUE, "
            f"{_days(line.days_past_promise)} past the promised date"
        )
    if line.status == rules.DUE_TODAY:
        return f"promised by today, {_day(promised)}: DUE TODAY"
    if line.status == rules.DUE_SOON:
        return f"promised by {_day(promised)}: due soon"
    assert line.remind_on is not None
    return f"promised by {_day(promised)} (reminder on {_day(line.remind_on)})"


def _contact(waiting: service.WaitingCandidate) -> str:
    c = waiting.candidate
    address = c.email if c.prefers == "email" else c.phone
    return f"{c.prefers} {address}"


# --------------------------------------------------------------------------------------------
# Openings


@opening_app.command("add")
def opening_add(
    title: str = typer.Argument(..., help="The role, e.g. 'Line cook'."),
    team: str = typer.Option(None, "--team", help="The team or location, e.g. 'Kitchen'."),
    country: str = typer.Option(
        None, "--country", help="Country whose public holidays count (default: config [calendar])."
    ),
    weekend: str = typer.Option(
        None, "--weekend", help="Weekend days, e.g. fri,sat (default: the country's own)."
    ),
) -> None:
    """Add an opening. Promised dates are counted on its business calendar."""
    with open_repository() as repo:
        opening = service.add_opening(
            repo, title, team=team, country=country, weekend=weekend, now=clock.now()
        )
        typer.echo(
            f"Added opening #{opening.id} {opening.title} ({service.describe_calendar(opening)})."
        )


@opening_app.command("list")
def opening_list(as_json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """List openings with how many candidates still wait for an answer."""
    with open_repository() as repo:
        summaries = service.list_openings(repo)
        if as_json:
            _echo_json([s.to_json() for s in summaries])
            return
        if not summaries:
            typer.echo("No openings yet. Add one: inwriting hiring opening add 'Line cook'")
            return
        for s in summaries:
            o = s.opening
            team = f" ({o.team})" if o.team else ""
            state = o.state + (", closed" if o.closed_at and o.state == "filled" else "")
            nxt = f"; next promised answer {_day(s.next_promised)}" if s.next_promised else ""
            typer.echo(
                f"#{o.id} {o.title}{team}: {state}; {s.candidates} candidates, "
                f"{s.waiting} waiting{nxt}"
            )


# --------------------------------------------------------------------------------------------
# Candidates


@candidate_app.command("add")
def candidate_add(
    opening: str = typer.Argument(..., help="The opening: its number or title."),
    name: str = typer.Argument(..., help="The candidate's name."),
    email: str = typer.Option(None, "--email", help="Email address, if they have one."),
    phone: str = typer.Option(None, "--phone", help="Phone number."),
    prefers: str = typer.Option(
        None, "--prefers", help="email, phone or text (default: email if given, else phone)."
    ),
    stage: str = typer.Option(
        "applied", "--stage", help="applied, screened, interviewed, finalist."
    ),
    since: str = typer.Option(
        None, "--since", help="The day they applied (ISO date; default today)."
    ),
) -> None:
    """Add a candidate to an open opening, with how they want to hear from you."""
    day = _since_date(since)
    with open_repository() as repo:
        c = service.add_candidate(
            repo,
            opening,
            name,
            email=email,
            phone=phone,
            prefers=prefers,
            stage=stage,
            since=day,
            now=clock.now(),
        )
        typer.echo(f"Added candidate #{c.id} {c.name} to {c.opening.title}; prefers {c.prefers}.")
        typer.echo(f"Next: inwriting hiring promise {c.id} --by DATE  (when you tell them a date)")


@candidate_app.command("list")
def candidate_list(
    opening: str = typer.Argument(None, help="Only this opening (number or title)."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """List candidates with their channel, promised date and answer."""
    with open_repository() as repo:
        candidates = service.list_candidates(repo, opening)
        if as_json:
            _echo_json([service.candidate_to_json(c) for c in candidates])
            return
        if not candidates:
            typer.echo("No candidates yet. Add one: inwriting hiring candidate add OPENING NAME")
            return
        for c in candidates:
            answer = (
                f"answered: {c.outcome}"
                if c.outcome
                else (f"promised by {_day(c.promised_by)}" if c.promised_by else "no date promised")
            )
            typer.echo(
                f"#{c.id} {c.name} ({c.opening.title}, {c.stage}): prefers {c.prefers}; {answer}"
            )


# --------------------------------------------------------------------------------------------
# Promises and answers


@hiring_app.command("promise")
def promise_cmd(
    candidate: str = typer.Argument(..., help="The candidate: number or name."),
    by: str = typer.Option(
        ...,
        "--by",
        help="The date promised: 2026-12-04, friday, 'next friday', '+5 business days'.",
    ),
    channel: str = typer.Option(
        None, "--channel", help="How you told them: email, phone, text, in-person, letter, video."
    ),
    opening: str = typer.Option(None, "--opening", help=OPENING_HELP),
) -> None:
    """Record the date a candidate was promised an answer by (again: an update, history kept)."""
    with open_repository() as repo:
        result = service.promise(
            repo, candidate, by, channel=channel, opening=opening, now=clock.now()
        )
        name = result.candidate.name
        if result.previous:
            typer.echo(
                f"Updated: {name} now expects an answer by {_day(result.promised_by)} "
                f"(was {_day(result.previous)})."
            )
        else:
            typer.echo(f"Promised: {name} expects an answer by {_day(result.promised_by)}.")
        typer.echo(f"Reminder on {_day(result.remind_on)}.")
        if result.note:
            typer.echo(f"Note: {result.note}.")


@hiring_app.command("answered")
def answered_cmd(
    candidate: str = typer.Argument(..., help="The candidate: number or name."),
    outcome: str = typer.Option(..., "--outcome", help="rejected, offer, update or withdrew."),
    new_date: str = typer.Option(
        None, "--new-date", help="With --outcome update: the date now expected."
    ),
    channel: str = typer.Option(None, "--channel", help="How you told them (default: preferred)."),
    note: str = typer.Option("", "--note", help="Anything worth keeping about what was said."),
    opening: str = typer.Option(None, "--opening", help=OPENING_HELP),
) -> None:
    """Record the answer a candidate was given (an update moves their promised date)."""
    with open_repository() as repo:
        result = service.answer(
            repo,
            candidate,
            outcome,
            new_date=new_date,
            channel=channel,
            note=note,
            opening=opening,
            now=clock.now(),
        )
        name = result.candidate.name
        if result.promise is not None:
            old = result.promise.previous
            was = f" (was {_day(old)})" if old else ""
            typer.echo(
                f"Update recorded: {name} now expects an answer by "
                f"{_day(result.promise.promised_by)}{was}."
            )
        else:
            typer.echo(f"Recorded: {name} was told '{result.outcome}'. Nothing more is owed.")


@hiring_app.command("history")
def history_cmd(
    candidate: str = typer.Argument(..., help="The candidate: number or name."),
    opening: str = typer.Option(None, "--opening", help=OPENING_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """What a candidate was told and when: every promise, update and answer."""
    with open_repository() as repo:
        c, entries = service.history(repo, candidate, opening)
        if as_json:
            _echo_json(
                {
                    "candidate": service.candidate_to_json(c),
                    "log": [service.log_to_json(e) for e in entries],
                }
            )
            return
        typer.echo(f"{c.name} ({c.opening.title})")
        for e in entries:
            when = e.at.strftime("%Y-%m-%d %H:%M")
            how = f" by {e.channel}" if e.channel else ""
            if e.kind == "promised" and e.new_date:
                what = f"promised an answer by {_day(e.new_date)}{how}"
            elif e.kind == "update" and e.new_date:
                was = f" (was {_day(e.old_date)})" if e.old_date else ""
                what = f"update{how}: answer now expected by {_day(e.new_date)}{was}"
            elif e.kind in ("answered", "filled"):
                what = f"told: {e.outcome}{how}"
            else:
                what = e.kind + (f": {e.note}" if e.note else "")
            typer.echo(f"  {when}  {what}")


# --------------------------------------------------------------------------------------------
# Reminders and the closure report


@hiring_app.command("reminders")
def reminders_cmd(as_json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """Answers overdue, due today, or due by the next business day."""
    now = clock.now()
    today = now.date()
    with open_repository() as repo:
        due = service.reminders(repo, now)
        if as_json:
            _echo_json({"today": today.isoformat(), "due": [w.to_json() for w in due]})
            return
        if not due:
            typer.echo(f"{_day(today)}: no answer is due soon or overdue.")
            return
        answers = "1 answer is" if len(due) == 1 else f"{len(due)} answers are"
        typer.echo(f"{_day(today)}: {answers} due soon or overdue.")
        for w in due:
            c = w.candidate
            typer.echo(
                f"  {c.name} (#{c.id}, {c.opening.title}; {_contact(w)}): "
                f"{_where_it_stands(w.line, today)}"
            )
        typer.echo(
            "Send the answer, or an update if the date cannot be kept: "
            "inwriting hiring draft CANDIDATE --outcome rejected|offer|update"
        )


@hiring_app.command("report")
def report_cmd(
    opening: str = typer.Option(None, "--opening", help="Only this opening (number or title)."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """The closure report: everyone still waiting for an answer, per opening, oldest first."""
    now = clock.now()
    today = now.date()
    with open_repository() as repo:
        reports = service.closure_report(repo, now, opening)
        total = sum(len(r.waiting) for r in reports)
        if as_json:
            _echo_json(
                {
                    "today": today.isoformat(),
                    "waiting": total,
                    "openings": [r.to_json() for r in reports],
                }
            )
            return
        if not total:
            typer.echo(f"Closure report, {_day(today)}: nobody is waiting for an answer.")
            return
        people = "1 person is" if total == 1 else f"{total} people are"
        typer.echo(f"Closure report, {_day(today)}: {people} still waiting for an answer.")
        for r in reports:
            o = r.opening
            team = f" ({o.team})" if o.team else ""
            closed = ", closed" if o.closed_at else ""
            typer.echo(f"\n#{o.id} {o.title}{team}: {o.state}{closed}")
            for w in r.waiting:
                c = w.candidate
                typer.echo(
                    f"  {c.name} (#{c.id}, {_contact(w)}): waiting {_days(w.line.days_waiting)}; "
                    f"{_where_it_stands(w.line, today)}"
                )


# --------------------------------------------------------------------------------------------
# Drafts


@hiring_app.command("draft")
def draft_cmd(
    candidate: str = typer.Argument(..., help="The candidate: number or name."),
    outcome: str = typer.Option(..., "--outcome", help="rejected, offer or update."),
    new_date: str = typer.Option(
        None,
        "--new-date",
        help="update: the date now expected; offer: when the written offer goes out.",
    ),
    sender: str = typer.Option(None, "--from", help="Who signs (default: config [hiring] sender)."),
    keep_on_file: bool = typer.Option(
        False, "--keep-on-file", help="Rejection: offer to keep their application for later."
    ),
    reason: str = typer.Option(None, "--reason", help="Update: why the plan changed, one line."),
    opening: str = typer.Option(None, "--opening", help=OPENING_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Draft the answer as an email and a phone script, the preferred channel first.

    Nothing is recorded: once it is sent, run `inwriting hiring answered`.
    """
    with open_repository() as repo:
        result = service.draft(
            repo,
            candidate,
            outcome,
            new_date=new_date,
            sender=sender,
            keep_on_file=keep_on_file,
            reason=reason,
            opening=opening,
            now=clock.now(),
        )
        if as_json:
            _echo_json(result.to_json())
            return
        for warning in result.warnings:
            typer.echo(f"Check: {warning}.")
        titles = {"email": "Email", "phone": "Phone script", "text": "Text message"}
        for n, d in enumerate(result.drafts):
            preferred = " (preferred)" if n == 0 else ""
            to = f" to {d.to}" if d.to else ""
            typer.echo(f"--- {titles[d.channel]}{to}{preferred} ---")
            if d.note:
                typer.echo(f"Note: {d.note}")
            if d.subject:
                typer.echo(f"Subject: {d.subject}\n")
            typer.echo(d.body + "\n")
        then = f" --new-date {shlex.quote(new_date)}" if outcome == "update" and new_date else ""
        typer.echo(
            f"Once sent: inwriting hiring answered {result.candidate.id} --outcome {outcome}{then}"
        )


# --------------------------------------------------------------------------------------------
# Filling and closing


@hiring_app.command("fill")
def fill_cmd(
    opening: str = typer.Argument(..., help="The opening: number or title."),
    hired: str = typer.Option(..., "--with", help="The candidate who got the job."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Record who got the job, and list everyone who still needs an answer."""
    now = clock.now()
    with open_repository() as repo:
        check = service.fill(repo, opening, hired, now=now)
        if as_json:
            _echo_json(check.to_json())
            return
        assert check.hired is not None
        title = check.opening.title
        typer.echo(f"Filled {title} with {check.hired.name}.")
        if not check.waiting:
            typer.echo(
                f"Nobody else is waiting. Close it: inwriting hiring close {check.opening.id}"
            )
            return
        n = len(check.waiting)
        people = "1 person still needs" if n == 1 else f"{n} people still need"
        typer.echo(f"{people} an answer before {title} can be closed:")
        _print_waiting(check, now.date())
        typer.echo("Draft each answer: inwriting hiring draft CANDIDATE --outcome rejected")


def _print_waiting(check: service.ClosingCheck, today: date) -> None:
    for w in check.waiting:
        c = w.candidate
        typer.echo(f"  {c.name} (#{c.id}, {_contact(w)}): {_where_it_stands(w.line, today)}")


@hiring_app.command("close")
def close_cmd(
    opening: str = typer.Argument(..., help="The opening: number or title."),
    force: bool = typer.Option(
        False, "--force", help="Close even though people are still waiting (they are named)."
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Close an opening once everyone has an answer (an unfilled opening is cancelled)."""
    now = clock.now()
    with open_repository() as repo:
        check = service.close(repo, opening, force=force, now=now)
        if as_json:
            _echo_json(check.to_json())
            return
        title = check.opening.title
        typer.echo(f"Closed {title} ({check.opening.state}).")
        if check.waiting:
            n = len(check.waiting)
            people = "1 person was" if n == 1 else f"{n} people were"
            typer.echo(f"{people} left without an answer; they stay in `inwriting hiring report`:")
            _print_waiting(check, now.date())

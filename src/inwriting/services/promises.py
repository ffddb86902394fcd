"""Promises the employer made: recording one with its date, and settling them.

Public functions:

- `add_promise(repo, application, what, *, due, made_at, now, kind, statement_id)` — a promise
  with its stated due date, or (due None) the policy date, shown as such;
- `keep_answered(repo, application, *, at, kinds, statement_id)` — a reply settles the open
  promises it answers;
- `push_back(repo, application, *, due, made_at, now, statement_id)` — a delay: the latest open
  promise is superseded by a new one with the new date;
- `withdraw_open(repo, application, *, now, statement_id)` — the application ended; nothing more
  is owed.

Each settling function records the statement that settled a promise (`resolved_by_statement_id`)
when a statement did, so that `inwriting correct` can undo exactly what that statement did.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from inwriting.domain.promises import ANSWER, KINDS, validate_due
from inwriting.errors import UserError
from inwriting.store.models import Application, Promise
from inwriting.store.repository import Repository


def policy_date(application: Application, made_at: datetime) -> date:
    """The date an answer is expected when nobody said one: the policy's business days after
    the statement, on the employer's calendar."""
    from inwriting.config import follow_up_policy
    from inwriting.domain.policy import policy_due
    from inwriting.services.companies import calendar_for, calendar_settings

    calendar = calendar_for(application.company, calendar_settings())
    return policy_due(made_at.date(), calendar, follow_up_policy())


def add_promise(
    repo: Repository,
    application: Application,
    what: str,
    *,
    due: date | None,
    made_at: datetime,
    now: datetime,
    kind: str = ANSWER,
    statement_id: int | None = None,
) -> Promise:
    """Record what the employer promised and by when.

    With no due date the policy date applies (`due_source` "policy"), so every promise has a
    date. A due date before the day it was said is refused.
    """
    what = " ".join(what.split())
    if not what:
        raise UserError('say what was promised, e.g. "decision on the role"')
    if kind not in KINDS:
        raise UserError(f"unknown promise kind '{kind}'; use one of {', '.join(KINDS)}")
    if due is not None:
        validate_due(due, made_at.date())
        source = "stated"
    else:
        due = policy_date(application, made_at)
        source = "policy"
    return repo.add(
        Promise(
            application_id=application.id,
            what=what,
            owed_by="employer",
            kind=kind,
            made_at=made_at,
            due=due,
            due_source=source,
            state="open",
            statement_id=statement_id,
            created_at=now,
        )
    )


def keep_answered(
    repo: Repository,
    application: Application,
    *,
    at: datetime,
    kinds: Collection[str] = (ANSWER,),
    statement_id: int | None = None,
) -> list[Promise]:
    """Mark as kept the open promises of these kinds made up to `at`; returns them.

    `statement_id` is the statement that answered them, when a statement did."""
    kept = []
    for promise in repo.promises(application.id, state="open"):
        if promise.kind in kinds and promise.made_at <= at:
            promise.state = "kept"
            promise.resolved_at = at
            promise.resolved_by_statement_id = statement_id
            kept.append(promise)
    return kept


def push_back(
    repo: Repository,
    application: Application,
    *,
    due: date | None,
    made_at: datetime,
    now: datetime,
    statement_id: int | None = None,
) -> tuple[Promise | None, Promise]:
    """A delay: the most recent open promise is superseded by one with the new date.

    With nothing open, the delay itself becomes a promise of an answer. Returns (old, new).
    """
    open_now = [p for p in repo.promises(application.id, state="open") if p.made_at <= made_at]
    old = open_now[-1] if open_now else None
    if old is not None:
        old.state = "superseded"
        old.resolved_at = made_at
        old.resolved_by_statement_id = statement_id
    new = add_promise(
        repo,
        application,
        old.what if old is not None else "an answer after the delay",
        due=due,
        made_at=made_at,
        now=now,
        kind=old.kind if old is not None else ANSWER,
        statement_id=statement_id,
    )
    return old, new


def withdraw_open(
    repo: Repository,
    application: Application,
    *,
    now: datetime,
    statement_id: int | None = None,
) -> int:
    """Withdraw every open promise (the application ended); returns how many.

    `statement_id` is the statement that ended it (a rejection), when a statement did."""
    count = 0
    for promise in repo.promises(application.id, state="open"):
        promise.state = "withdrawn"
        promise.resolved_at = now
        promise.resolved_by_statement_id = statement_id
        count += 1
    return count

"""Interviews and screens: when, with whom, in what format.

Public function:

- `record_interview(repo, application, *, at, with_, format, now, screen=False)` — an interview
  (or a recruiter screen) on the timeline; each interviewer becomes a contact at the company, and
  is owed a thank-you note after it. Recording one keeps the open "next step" promises: the step
  they planned is happening, and scheduling it answers an open "we'll get back to you".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from inwriting.domain.promises import ANSWER, NEXT_STEP
from inwriting.errors import UserError
from inwriting.store.models import Application, Contact, Event
from inwriting.store.repository import Repository

FORMATS = ("onsite", "video", "phone")
_ALIASES = {"in-person": "onsite", "on-site": "onsite", "inperson": "onsite", "remote": "video"}


def check_format(value: str | None) -> str | None:
    """A known interview format, or a message listing them."""
    if value is None:
        return None
    clean = value.strip().lower()
    clean = _ALIASES.get(clean, clean)
    if clean not in FORMATS:
        raise UserError(f"unknown format '{value}'; use one of {', '.join(FORMATS)}")
    return clean


def parse_person(text: str) -> tuple[str, str | None]:
    """'Dana Reyes, HR Manager' → ('Dana Reyes', 'HR Manager')."""
    name, _, title = text.partition(",")
    name = " ".join(name.split())
    if not name:
        raise UserError('--with needs a name, e.g. --with "Dana Reyes, HR Manager"')
    return name, (" ".join(title.split()) or None)


def record_interview(
    repo: Repository,
    application: Application,
    *,
    at: datetime,
    with_: Sequence[str],
    format: str | None,
    now: datetime,
    screen: bool = False,
) -> Event:
    """Put an interview on the timeline (stage → interviewing, or screening for a screen)."""
    from inwriting.services.applications import record_event
    from inwriting.services.promises import keep_answered

    if application.stage in ("declined", "withdrawn"):
        raise UserError(
            f"this application has ended ({application.stage}); add a new one with "
            "`inwriting add` if the process started again"
        )
    people = []
    for raw in with_:
        name, title = parse_person(raw)
        contact = repo.contact_named(application.company_id, name)
        if contact is None:
            contact = repo.add(
                Contact(
                    company_id=application.company_id,
                    name=name,
                    title=title,
                    role="interviewer",
                    created_at=now,
                )
            )
        elif title and not contact.title:
            contact.title = title
        people.append({"name": name, "title": title, "contact_id": contact.id})
    # Being invited answers "we'll get back to you", and is the step they planned.
    keep_answered(repo, application, at=min(at, now), kinds=(ANSWER, NEXT_STEP))
    return record_event(
        repo,
        application,
        "screen" if screen else "interview",
        at=at,
        now=now,
        details={"with": people, "format": check_format(format)},
    )

"""Read-only queries the web pages need and the repository does not offer (yet).

WEB-ONLY READ QUERIES — no business rules here: each function is one owner-scoped SELECT of
plain columns. Stage derivation, promise states and the cadence stay in `domain` and `services`.
If the repository grows the same query, use it and delete the one here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, select

from inwriting.store.models import Application, Company, Event, Promise
from inwriting.store.repository import Repository


def application_sources(repo: Repository) -> dict[int, str | None]:
    """application id → where the user found it (referral, job board…), for the board filter."""
    query = select(Application.id, Application.source).where(Application.owner == repo.owner)
    return {row[0]: row[1] for row in repo.session.execute(query)}


def all_promises(repo: Repository) -> list[Row[Any]]:
    """Every promise employers made the owner, with its application's company and role:
    (application_id, company, role, id, what, kind, due, due_source, state, made_at,
    resolved_at), soonest due first."""
    query = (
        select(
            Promise.application_id,
            Company.name.label("company"),
            Application.role,
            Promise.id,
            Promise.what,
            Promise.kind,
            Promise.due,
            Promise.due_source,
            Promise.state,
            Promise.made_at,
            Promise.resolved_at,
        )
        .join(Application, Application.id == Promise.application_id)
        .join(Company, Company.id == Application.company_id)
        .where(Application.owner == repo.owner, Promise.owed_by == "employer")
        .order_by(Promise.due, Promise.id)
    )
    return list(repo.session.execute(query))


def event_type_rows(repo: Repository) -> list[Row[Any]]:
    """(application_id, type) of every event of the owner's applications, in time order per
    application, for deriving each application's path through the stages."""
    query = (
        select(Event.application_id, Event.type)
        .join(Application, Application.id == Event.application_id)
        .where(Application.owner == repo.owner)
        .order_by(Event.application_id, Event.occurred_at, Event.id)
    )
    return list(repo.session.execute(query))

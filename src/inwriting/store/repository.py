"""Repository: every query the services need, scoped to one data owner.

Services take a Repository; they never build sessions themselves. The CLI and the web app open
one per command or request with `open_repository()`, which is one transaction.

Reads that cover the whole ledger (the list, the agenda, per-company figures) are a few
set-based SELECTs of plain columns, never one query per application nor a load of every ORM
object: `inwriting today` must stay quick on 10,000 applications.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from inwriting.store.db import session_scope
from inwriting.store.models import (
    LOCAL_OWNER,
    Application,
    Base,
    Company,
    Contact,
    Contingency,
    Event,
    Offer,
    Promise,
    Request,
    SharedDocument,
    Statement,
)

T = TypeVar("T", bound=Base)
# Stages after which nothing more is expected (domain.stages.CLOSED_STAGES; repeated here so the
# store does not import the domain layer).
_CLOSED = ("accepted", "declined", "rejected", "withdrawn")


class Repository:
    """Queries and writes for one owner's data, inside one session (one transaction)."""

    def __init__(self, session: Session, owner: str = LOCAL_OWNER) -> None:
        self.session = session
        self.owner = owner

    # --- writing -------------------------------------------------------------------------

    def add(self, obj: T) -> T:
        """Add a new row and flush, so it has its id."""
        self.session.add(obj)
        self.session.flush()
        return obj

    def flush(self) -> None:
        self.session.flush()

    # --- companies -----------------------------------------------------------------------

    def company_named(self, name: str) -> Company | None:
        """The owner's company with this name, ignoring case and surrounding spaces."""
        query = select(Company).where(
            Company.owner == self.owner, func.lower(Company.name) == name.strip().lower()
        )
        return self.session.scalars(query).first()

    def companies(self) -> list[Company]:
        query = select(Company).where(Company.owner == self.owner).order_by(Company.name)
        return list(self.session.scalars(query))

    def contact_named(self, company_id: int, name: str) -> Contact | None:
        query = select(Contact).where(
            Contact.company_id == company_id, func.lower(Contact.name) == name.strip().lower()
        )
        return self.session.scalars(query).first()

    # --- applications --------------------------------------------------------------------

    def application(self, application_id: int) -> Application | None:
        query = select(Application).where(
            Application.owner == self.owner, Application.id == application_id
        )
        return self.session.scalars(query).first()

    def application_names(self) -> list[Any]:
        """(id, company, role, stage) of every application, for naming one by a prefix."""
        query = (
            select(Application.id, Company.name, Application.role, Application.stage)
            .join(Company, Company.id == Application.company_id)
            .where(Application.owner == self.owner)
            .order_by(Application.id)
        )
        return list(self.session.execute(query))

    def applications_of(self, company_id: int) -> list[Application]:
        query = select(Application).where(
            Application.owner == self.owner, Application.company_id == company_id
        )
        return list(self.session.scalars(query))

    def overview(self) -> list[Any]:
        """One row per application with its company's name, oldest first."""
        query = (
            select(
                Application.id,
                Company.name.label("company"),
                Application.role,
                Application.stage,
                Application.applied_on,
                Application.created_at,
                Application.archived,
                Application.company_id,
            )
            .join(Company, Company.id == Application.company_id)
            .where(Application.owner == self.owner)
            .order_by(Application.id)
        )
        return list(self.session.execute(query))

    def company_calendars(self) -> dict[int, Any]:
        """company id → (country, subdivision, weekend, holidays) of the companies that have an
        application still open: what the agenda needs to build their calendars."""
        open_companies = select(Application.company_id).where(
            Application.owner == self.owner, Application.stage.notin_(_CLOSED)
        )
        query = select(
            Company.id, Company.country, Company.subdivision, Company.weekend, Company.holidays
        ).where(Company.owner == self.owner, Company.id.in_(open_companies))
        return {row.id: row for row in self.session.execute(query)}

    # --- one application's timeline ------------------------------------------------------

    def events(self, application_id: int) -> list[Event]:
        query = (
            select(Event)
            .where(Event.application_id == application_id)
            .order_by(Event.occurred_at, Event.id)
        )
        return list(self.session.scalars(query))

    def event_types(self, application_id: int) -> list[str]:
        """The types of an application's events in time order (for derive_stage)."""
        query = (
            select(Event.type)
            .where(Event.application_id == application_id)
            .order_by(Event.occurred_at, Event.id)
        )
        return list(self.session.scalars(query))

    def statements(self, application_id: int) -> list[Statement]:
        query = (
            select(Statement)
            .where(Statement.application_id == application_id)
            .order_by(Statement.said_at, Statement.id)
        )
        return list(self.session.scalars(query))

    def promises(self, application_id: int, *, state: str | None = None) -> list[Promise]:
        query = select(Promise).where(Promise.application_id == application_id)
        if state is not None:
            query = query.where(Promise.state == state)
        return list(self.session.scalars(query.order_by(Promise.made_at, Promise.id)))

    def requests(self, application_id: int) -> list[Request]:
        query = select(Request).where(Request.application_id == application_id).order_by(Request.id)
        return list(self.session.scalars(query))

    def offers(self, application_id: int) -> list[Offer]:
        query = select(Offer).where(Offer.application_id == application_id).order_by(Offer.id)
        return list(self.session.scalars(query))

    def shared_documents(self, application_id: int) -> list[SharedDocument]:
        query = (
            select(SharedDocument)
            .where(SharedDocument.application_id == application_id)
            .order_by(SharedDocument.shared_on, SharedDocument.id)
        )
        return list(self.session.scalars(query))

    def contacts(self, company_id: int) -> list[Contact]:
        query = select(Contact).where(Contact.company_id == company_id).order_by(Contact.id)
        return list(self.session.scalars(query))

    def last_contact_at(self, application_id: int, contact_types: Sequence[str]) -> datetime | None:
        """The latest instant the employer was in touch: a statement or a contact event."""
        said = self.session.scalar(
            select(func.max(Statement.said_at)).where(Statement.application_id == application_id)
        )
        happened = self.session.scalar(
            select(func.max(Event.occurred_at)).where(
                Event.application_id == application_id, Event.type.in_(contact_types)
            )
        )
        found = [t for t in (said, happened) if t is not None]
        return max(found) if found else None

    # --- whole-ledger reads (set-based) --------------------------------------------------

    def _scope(self, open_only: bool) -> list[Any]:
        """Filters on Application: the owner's, and with `open_only` only those not archived
        and not closed (what the cadence looks at; callers still check the stage themselves)."""
        filters: list[Any] = [Application.owner == self.owner]
        if open_only:
            filters += [Application.archived.is_(False), Application.stage.notin_(_CLOSED)]
        return filters

    def _owned(self, ids: Iterable[int] | None) -> Any:
        """A filter on application ids: the given ones, or all of the owner's."""
        if ids is not None:
            return Application.id.in_(list(ids))
        return Application.owner == self.owner

    def last_statement_times(self) -> dict[int, datetime]:
        """application id → the latest said_at of its statements."""
        query = (
            select(Statement.application_id, func.max(Statement.said_at))
            .join(Application, Application.id == Statement.application_id)
            .where(Application.owner == self.owner)
            .group_by(Statement.application_id)
        )
        return {row[0]: row[1] for row in self.session.execute(query)}

    def statement_times(self) -> list[Any]:
        """(application_id, said_at) of every statement."""
        query = (
            select(Statement.application_id, Statement.said_at)
            .join(Application, Application.id == Statement.application_id)
            .where(Application.owner == self.owner)
        )
        return list(self.session.execute(query))

    def last_contact_times(
        self, contact_types: Sequence[str], *, open_only: bool = False
    ) -> dict[int, datetime]:
        """application id → the latest instant the employer was in touch: a statement, or an
        event of `contact_types` (what `last_contact_at` gives for one application), in one
        query. With `open_only`, only applications neither archived nor closed."""
        scope = self._scope(open_only)
        said = (
            select(Statement.application_id.label("application_id"), Statement.said_at.label("at"))
            .join(Application, Application.id == Statement.application_id)
            .where(*scope)
        )
        happened = (
            select(Event.application_id, Event.occurred_at)
            .join(Application, Application.id == Event.application_id)
            .where(*scope, Event.type.in_(contact_types))
        )
        both = union_all(said, happened).subquery()
        query = select(both.c.application_id, func.max(both.c.at)).group_by(both.c.application_id)
        return {row[0]: row[1] for row in self.session.execute(query)}

    def last_event_times(self, types: Sequence[str]) -> dict[int, datetime]:
        """application id → when its latest event of these types happened."""
        query = (
            select(Event.application_id, func.max(Event.occurred_at))
            .join(Application, Application.id == Event.application_id)
            .where(Application.owner == self.owner, Event.type.in_(types))
            .group_by(Event.application_id)
        )
        return {row[0]: row[1] for row in self.session.execute(query)}

    def event_times(self, types: Sequence[str], *, open_only: bool = False) -> list[Any]:
        """(application_id, type, occurred_at) of every event of these types, in time order.
        With `open_only`, only of applications neither archived nor closed."""
        query = (
            select(Event.application_id, Event.type, Event.occurred_at)
            .join(Application, Application.id == Event.application_id)
            .where(*self._scope(open_only), Event.type.in_(types))
            .order_by(Event.occurred_at)
        )
        return list(self.session.execute(query))

    def events_since(self, types: Sequence[str], start: datetime) -> list[Any]:
        """(application_id, type, occurred_at, details) of events of these types that happened
        at or after `start`."""
        query = (
            select(Event.application_id, Event.type, Event.occurred_at, Event.details)
            .join(Application, Application.id == Event.application_id)
            .where(
                Application.owner == self.owner,
                Event.type.in_(types),
                Event.occurred_at >= start,
            )
            .order_by(Event.occurred_at)
        )
        return list(self.session.execute(query))

    def open_promise_rows(self) -> list[Any]:
        """Every open promise the employer owes: (application_id, id, what, due, due_source,
        kind, made_at)."""
        query = (
            select(
                Promise.application_id,
                Promise.id,
                Promise.what,
                Promise.due,
                Promise.due_source,
                Promise.kind,
                Promise.made_at,
            )
            .join(Application, Application.id == Promise.application_id)
            .where(
                Application.owner == self.owner,
                Promise.state == "open",
                Promise.owed_by == "employer",
            )
            .order_by(Promise.due)
        )
        return list(self.session.execute(query))

    def open_request_rows(self) -> list[Any]:
        """Every request not yet done: (application_id, id, what, sensitive, due, asked_at)."""
        query = (
            select(
                Request.application_id,
                Request.id,
                Request.what,
                Request.sensitive,
                Request.due,
                Request.asked_at,
            )
            .join(Application, Application.id == Request.application_id)
            .where(Application.owner == self.owner, Request.done_at.is_(None))
            .order_by(Request.asked_at)
        )
        return list(self.session.execute(query))

    def promise_rows_by_company(self) -> list[Any]:
        """(company_id, due, state, resolved_at) of every promise the employers owed."""
        query = (
            select(Application.company_id, Promise.due, Promise.state, Promise.resolved_at)
            .join(Application, Application.id == Promise.application_id)
            .where(Application.owner == self.owner, Promise.owed_by == "employer")
        )
        return list(self.session.execute(query))

    def accepted_offers(self) -> list[Offer]:
        """The latest written offer of every application whose stage is accepted."""
        query = (
            select(Offer)
            .join(Application, Application.id == Offer.application_id)
            .where(Application.owner == self.owner, Application.stage == "accepted")
            .order_by(Offer.application_id, Offer.id)
        )
        latest: dict[int, Offer] = {}
        for offer in self.session.scalars(query):
            latest[offer.application_id] = offer
        return list(latest.values())

    def open_contingencies(self, offer_id: int) -> list[Contingency]:
        query = select(Contingency).where(
            Contingency.offer_id == offer_id, Contingency.met_at.is_(None)
        )
        return list(self.session.scalars(query))


@contextmanager
def open_repository(url: str | None = None, owner: str = LOCAL_OWNER) -> Iterator[Repository]:
    """A Repository in one transaction: committed at the end of the block, rolled back on error."""
    with session_scope(url) as session:
        yield Repository(session, owner)

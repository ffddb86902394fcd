"""The tables. One class per entity in DESIGN.md's domain model.

Conventions: datetimes are stored as UTC (timezone-aware in Python); calendar dates (a due date,
an applied date) are plain dates in the employer's calendar. Everything a user owns carries
`owner` so a multi-user server can scope every query without a rewrite; the local single-user
owner is "me". Enumerations are stored as short strings and checked in the domain layer, so a new
value needs no table rebuild on SQLite.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

LOCAL_OWNER = "me"


class UTCDateTime(TypeDecorator[datetime]):
    """A UTC instant stored without a zone, read back as an aware UTC datetime.

    SQLite has no time-zone type and drops tzinfo; storing naive UTC everywhere keeps SQLite and
    PostgreSQL identical and makes export/import round-trips exact.
    """

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


# Stable constraint names, so Alembic migrations can alter them on SQLite and PostgreSQL alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Company(Base):
    """An employer, with the business calendar its promises are dated on."""

    __tablename__ = "companies"
    __table_args__ = (UniqueConstraint("owner", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(64), default=LOCAL_OWNER, index=True)
    name: Mapped[str] = mapped_column(String(200))
    domains: Mapped[list[Any]] = mapped_column(default=list)  # e.g. ["acme.com"]
    country: Mapped[str | None] = mapped_column(String(2))  # ISO 3166, for holidays and weekend
    subdivision: Mapped[str | None] = mapped_column(String(10))
    weekend: Mapped[str | None] = mapped_column(String(32))  # "fri,sat"; None = the country's
    holidays: Mapped[list[Any]] = mapped_column(default=list)  # extra ISO dates off
    timezone: Mapped[str | None] = mapped_column(String(64))  # IANA name, e.g. "Asia/Riyadh"
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]

    applications: Mapped[list[Application]] = relationship(back_populates="company")
    contacts: Mapped[list[Contact]] = relationship(back_populates="company")


class Application(Base):
    """One role at one company. Its stage is derived from its events, never typed in."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(64), default=LOCAL_OWNER, index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    role: Mapped[str] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(100))  # referral, job board, recruiter…
    url: Mapped[str | None] = mapped_column(Text)
    applied_on: Mapped[date | None] = mapped_column(Date)  # None while only "interested"
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # A cache of domain.stages.derive_stage(events), rewritten by the service that writes events
    # in the same transaction; lets the agenda and board read 10,000 applications quickly.
    stage: Mapped[str] = mapped_column(String(32), default="interested", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]

    company: Mapped[Company] = relationship(back_populates="applications")
    events: Mapped[list[Event]] = relationship(
        back_populates="application", order_by="Event.occurred_at", cascade="all, delete-orphan"
    )
    statements: Mapped[list[Statement]] = relationship(
        back_populates="application", order_by="Statement.said_at", cascade="all, delete-orphan"
    )
    promises: Mapped[list[Promise]] = relationship(
        back_populates="application", order_by="Promise.id", cascade="all, delete-orphan"
    )
    requests: Mapped[list[Request]] = relationship(
        back_populates="application", order_by="Request.id", cascade="all, delete-orphan"
    )
    offers: Mapped[list[Offer]] = relationship(
        back_populates="application", order_by="Offer.id", cascade="all, delete-orphan"
    )
    shared_documents: Mapped[list[SharedDocument]] = relationship(
        back_populates="application", order_by="SharedDocument.id", cascade="all, delete-orphan"
    )


class Contact(Base):
    """A person at a company, and their part in the process."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(64))
    role: Mapped[str | None] = mapped_column(String(32))  # recruiter, interviewer, reference
    created_at: Mapped[datetime]

    company: Mapped[Company] = relationship(back_populates="contacts")


class Statement(Base):
    """Something someone said or wrote, with the reader's result (or the user's override)."""

    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(String(200))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    channel: Mapped[str | None] = mapped_column(String(16))  # email, letter, phone, in-person…
    said_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(32))
    kind_source: Mapped[str] = mapped_column(String(16), default="reader")  # reader | user
    due: Mapped[date | None] = mapped_column(Date)
    due_source: Mapped[str | None] = mapped_column(String(16))  # stated | policy | user
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    explanation: Mapped[str] = mapped_column(Text, default="")
    reading: Mapped[dict[str, Any]] = mapped_column(default=dict)  # the reader's full result
    source: Mapped[str | None] = mapped_column(Text)  # e.g. "mail:<message-id>", "import"
    created_at: Mapped[datetime]

    application: Mapped[Application] = relationship(back_populates="statements")


class Event(Base):
    """One thing that happened in an application's timeline (DESIGN.md lists the types)."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_application_time", "application_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    type: Mapped[str] = mapped_column(String(32), index=True)
    occurred_at: Mapped[datetime]
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)  # type-specific fields
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id"))
    created_at: Mapped[datetime]

    application: Mapped[Application] = relationship(back_populates="events")


class Promise(Base):
    """Who owes whom what, by when. `state` is stored as open, kept, superseded or withdrawn;
    an open promise past its due date is reported as broken (that depends on today)."""

    __tablename__ = "promises"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    what: Mapped[str] = mapped_column(Text)
    owed_by: Mapped[str] = mapped_column(String(16), default="employer")  # employer | me
    # What settles it: "answer" (any reply from them), "written_offer" (only a recorded written
    # offer), "next_step" (the planned round or meeting taking place).
    kind: Mapped[str] = mapped_column(String(16), default="answer")
    made_at: Mapped[datetime]
    due: Mapped[date] = mapped_column(Date, index=True)
    due_source: Mapped[str] = mapped_column(String(16))  # stated | policy
    state: Mapped[str] = mapped_column(String(16), default="open", index=True)
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id"))
    resolved_at: Mapped[datetime | None]
    # The statement that kept, superseded or withdrew it (None when still open, or when a
    # command such as `reject` or `interview` settled it): lets `inwriting correct` undo exactly
    # what one statement did. Promises settled before migration 0004 have None here too.
    resolved_by_statement_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id"))
    created_at: Mapped[datetime]

    application: Mapped[Application] = relationship(back_populates="promises")


class Request(Base):
    """Something the employer asked the candidate for: a task for the user."""

    __tablename__ = "requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    what: Mapped[str] = mapped_column(Text)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)  # payslips, ID, background…
    asked_at: Mapped[datetime]
    due: Mapped[date | None] = mapped_column(Date)
    done_at: Mapped[datetime | None]
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id"))

    application: Mapped[Application] = relationship(back_populates="requests")


class Offer(Base):
    """A written offer's terms. Only a recorded Offer moves an application to `offer`."""

    __tablename__ = "offers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    received_at: Mapped[datetime]
    title: Mapped[str | None] = mapped_column(String(200))
    salary: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    salary_period: Mapped[str | None] = mapped_column(String(16))  # year, month, hour
    start_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    signed_by: Mapped[str | None] = mapped_column(String(200))
    document: Mapped[str | None] = mapped_column(Text)  # path of the letter as the user gave it
    notes: Mapped[str] = mapped_column(Text, default="")

    application: Mapped[Application] = relationship(back_populates="offers")
    benefits: Mapped[list[OfferBenefit]] = relationship(
        back_populates="offer", order_by="OfferBenefit.id", cascade="all, delete-orphan"
    )
    contingencies: Mapped[list[Contingency]] = relationship(
        back_populates="offer", order_by="Contingency.id", cascade="all, delete-orphan"
    )


class OfferBenefit(Base):
    """A benefit in an offer and its cost to the employee ("health insurance: employee pays 0")."""

    __tablename__ = "offer_benefits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    employee_cost: Mapped[str | None] = mapped_column(String(200))  # None = not stated

    offer: Mapped[Offer] = relationship(back_populates="benefits")


class Contingency(Base):
    """A condition on an offer (references, background check…) and when it was cleared."""

    __tablename__ = "contingencies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    met_at: Mapped[datetime | None]

    offer: Mapped[Offer] = relationship(back_populates="contingencies")


class SharedDocument(Base):
    """A personal document the user gave a company, so they can ask for it back."""

    __tablename__ = "shared_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    document: Mapped[str] = mapped_column(String(200))  # payslips, ID, references…
    shared_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    application: Mapped[Application] = relationship(back_populates="shared_documents")

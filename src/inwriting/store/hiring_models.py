"""The hiring ledger's tables: openings, their candidates, and a log of what each was told.

This is the employer side of the ledger (DESIGN.md, "Employer side"). The same conventions as
`store/models.py` hold: UTC datetimes, plain calendar dates for promised answers (dates in the
opening's own business calendar), enumerations as short strings checked in `domain/hiring.py`,
and `owner` on the opening so every query can be scoped; candidates and log entries belong to an
opening and are scoped through it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from inwriting.store.models import LOCAL_OWNER, Base


class Opening(Base):
    """A role being hired for, with the business calendar its promised answers are dated on."""

    __tablename__ = "hiring_openings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(64), default=LOCAL_OWNER, index=True)
    title: Mapped[str] = mapped_column(String(200))
    team: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2))  # ISO 3166, for public holidays
    weekend: Mapped[str | None] = mapped_column(String(32))  # "fri,sat"; None = the country's
    state: Mapped[str] = mapped_column(String(16), default="open")  # open | filled | cancelled
    filled_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    created_at: Mapped[datetime]

    candidates: Mapped[list[Candidate]] = relationship(
        back_populates="opening", order_by="Candidate.id", cascade="all, delete-orphan"
    )


class Candidate(Base):
    """Someone who applied for an opening, how to reach them, and the answer they are owed."""

    __tablename__ = "hiring_candidates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("hiring_openings.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(64))
    prefers: Mapped[str] = mapped_column(String(8))  # email | phone | text
    stage: Mapped[str] = mapped_column(String(32), default="applied")
    # The day the candidate entered the process (applied or first met): "waiting since".
    since: Mapped[date] = mapped_column(Date)
    # The last day on which the promised answer is still on time; None = no date promised yet.
    promised_by: Mapped[date | None] = mapped_column(Date, index=True)
    promised_how: Mapped[str | None] = mapped_column(String(16))  # email, phone, in-person…
    promised_at: Mapped[datetime | None]
    answered_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(16))  # rejected | offer | hired | withdrew
    created_at: Mapped[datetime]

    opening: Mapped[Opening] = relationship(back_populates="candidates")
    log: Mapped[list[HiringLogEntry]] = relationship(
        back_populates="candidate", order_by="HiringLogEntry.id"
    )


class HiringLogEntry(Base):
    """One thing told to a candidate (or done to an opening), and when: never rewritten."""

    __tablename__ = "hiring_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("hiring_openings.id"), index=True)
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("hiring_candidates.id"), index=True)
    at: Mapped[datetime]
    # added | promised | update | answered | filled | closed
    kind: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str | None] = mapped_column(String(16))
    outcome: Mapped[str | None] = mapped_column(String(16))
    old_date: Mapped[date | None] = mapped_column(Date)  # for an update: the date given before
    new_date: Mapped[date | None] = mapped_column(Date)  # the date promised from now on
    note: Mapped[str] = mapped_column(Text, default="")

    candidate: Mapped[Candidate | None] = relationship(back_populates="log")

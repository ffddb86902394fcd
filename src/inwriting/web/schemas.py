"""Request bodies of the JSON API. Types only: the services check the rules and say what is wrong.

Dates are ISO 8601. An instant without a zone (what a browser's date-and-time field sends) is
taken as UTC, as the CLI does.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC) if value is not None else None


Instant = Annotated[datetime, AfterValidator(_aware)]
Text = Annotated[str, Field(min_length=1, max_length=10_000)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Channel = Literal["email", "letter", "phone", "in-person", "video", "message"]


class _Body(BaseModel):
    # An unknown field is a typo the user wants to hear about, not silently drop.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class NewApplication(_Body):
    """An application to add. No `applied_on` means only interested so far."""

    company: Name
    role: Name
    applied_on: date | None = None
    source: Annotated[str, Field(max_length=100)] | None = None
    url: Annotated[str, Field(max_length=2000)] | None = None
    country: Annotated[str, Field(min_length=2, max_length=2)] | None = None
    weekend: str | None = Field(default=None, examples=["fri,sat"])
    notes: str = ""


class NewInterview(_Body):
    """An interview or screening call, past or planned."""

    at: Instant
    with_whom: str | None = Field(
        default=None,
        description="Interviewers separated by ';', each 'Name' or 'Name, Title'.",
        examples=["Dana Reyes, HR Manager; Sam Lee"],
    )
    format: Literal["video", "phone", "in-person", "onsite"] | None = None
    screen: bool = False


class NewStatement(_Body):
    """Something the employer said or wrote. The reader works out what it means unless `kind`
    (and `due`) are given."""

    text: Text
    said_at: Instant | None = Field(default=None, description="When it was said; default now.")
    channel: Channel | None = None
    speaker: Annotated[str, Field(max_length=200)] | None = None
    kind: (
        Literal[
            "written_offer",
            "verbal_offer",
            "rejection",
            "promise",
            "next_step",
            "request",
            "enthusiasm",
            "delay",
            "other",
        ]
        | None
    ) = None
    due: date | None = None


class NewReply(_Body):
    """They got back to you. Give their words in `text` to have them read too."""

    at: Instant | None = None
    channel: Channel | None = None
    text: Annotated[str, Field(max_length=10_000)] | None = None
    note: Annotated[str, Field(max_length=1000)] | None = None


class NewOffer(_Body):
    """A written offer's terms; the only thing that moves an application to `offer`."""

    title: Annotated[str, Field(max_length=200)] | None = None
    salary: Decimal | None = Field(default=None, ge=0, max_digits=14, decimal_places=2)
    currency: Annotated[str, Field(min_length=3, max_length=3)] | None = None
    salary_period: Literal["year", "month", "hour"] | None = None
    start_on: date | None = None
    expires_on: date | None = None
    benefits: list[str] = Field(default_factory=list, examples=[["health insurance: 0"]])
    contingencies: list[str] = Field(default_factory=list, examples=[["background check"]])
    signed_by: Annotated[str, Field(max_length=200)] | None = None
    document: str | None = None


class FollowUpSent(_Body):
    """You sent the follow-up. `force` records it even when the cadence said to wait."""

    channel: Channel | None = None
    force: bool = False


class ThankYouSent(_Body):
    """You sent thank-you notes: to the named interviewers, or to every one owed."""

    to: list[str] = Field(default_factory=list)

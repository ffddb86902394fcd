"""The hiring ledger's JSON API (`/api/hiring/…`): what the hiring pages post to.

Each route parses its input and calls `services.hiring` (reads go through `hiring_views`). The
rules (dates read from words, the guard on closing, who still waits) live in the service.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import Field

from inwriting.errors import UserError
from inwriting.services import hiring as service
from inwriting.store.repository import Repository
from inwriting.web import hiring_views
from inwriting.web.deps import now, read_view, repository
from inwriting.web.schemas import Name, _Body

router = APIRouter(prefix="/api/hiring", tags=["hiring"])

Repo = Annotated[Repository, Depends(repository, scope="function")]
Now = Annotated[datetime, Depends(now)]
Told = Literal["email", "letter", "phone", "text", "in-person", "video"]
Words = Annotated[str, Field(min_length=1, max_length=100, examples=["2026-12-04", "friday"])]
Short = Annotated[str, Field(max_length=200)]


class NewOpening(_Body):
    """An opening to add; country and weekend default to the config's [calendar]."""

    title: Name
    team: Short | None = None
    country: Annotated[str, Field(min_length=2, max_length=2)] | None = None
    weekend: str | None = Field(default=None, examples=["fri,sat"])


class NewCandidate(_Body):
    """A candidate for an open opening, and how they want to hear from you."""

    name: Name
    email: Short | None = None
    phone: Annotated[str, Field(max_length=64)] | None = None
    prefers: Literal["email", "phone", "text"] | None = None
    stage: Literal["applied", "screened", "interviewed", "finalist"] = "applied"
    since: date | None = Field(default=None, description="The day they applied; default today.")


class NewPromise(_Body):
    """The date the candidate was promised an answer by: ISO or words ('friday')."""

    by: Words
    channel: Told | None = None


class NewAnswer(_Body):
    """What the candidate was told. An update needs `new_date`, the date now expected."""

    outcome: Literal["rejected", "offer", "update", "withdrew"]
    new_date: Words | None = None
    channel: Told | None = None
    note: Annotated[str, Field(max_length=1000)] = ""


class Fill(_Body):
    """Who got the job: a candidate of this opening (their number)."""

    candidate: Annotated[int, Field(gt=0)]


class Close(_Body):
    """Close the opening; `force` closes it even though people still wait (they are named)."""

    force: bool = False


@router.get("/openings", summary="Openings and the answers due")
def list_openings(request: Request, current: Now) -> dict[str, Any]:
    """Every opening with how many candidates it has and how many still wait, and the answers
    that are overdue, due today or due by the next business day."""
    return read_view(
        request, current, ("hiring", "openings"), lambda r: hiring_views.openings(r, current)
    )


@router.post("/openings", status_code=201, summary="Add an opening")
def add_opening(body: NewOpening, repo: Repo, current: Now) -> dict[str, Any]:
    """A new open opening; its promised dates are counted on its country's calendar."""
    opening = service.add_opening(
        repo, body.title, team=body.team, country=body.country, weekend=body.weekend, now=current
    )
    return {
        "id": opening.id,
        "title": opening.title,
        "state": opening.state,
        "calendar": service.describe_calendar(opening),
    }


@router.get("/openings/{opening_id}", summary="One opening and its candidates")
def get_opening(opening_id: int, request: Request, current: Now) -> dict[str, Any]:
    """The opening, its candidates with their preferred channel and promised date, and who
    still waits for an answer."""
    return read_view(
        request,
        current,
        ("hiring", "opening", opening_id),
        lambda r: hiring_views.opening(r, opening_id, current),
    )


@router.post("/openings/{opening_id}/candidates", status_code=201, summary="Add a candidate")
def add_candidate(opening_id: int, body: NewCandidate, repo: Repo, current: Now) -> dict[str, Any]:
    """A candidate for an open opening: an email or a phone number (or both) is needed."""
    opening = hiring_views.opening_or_404(repo, opening_id)
    candidate = service.add_candidate(
        repo,
        str(opening.id),
        body.name,
        email=body.email,
        phone=body.phone,
        prefers=body.prefers,
        stage=body.stage,
        since=body.since,
        now=current,
    )
    return service.candidate_to_json(candidate)


@router.post("/openings/{opening_id}/fill", summary="Fill the opening")
def fill(opening_id: int, body: Fill, repo: Repo, current: Now) -> dict[str, Any]:
    """Record who got the job; the answer lists everyone else still waiting for one."""
    opening = hiring_views.opening_or_404(repo, opening_id)
    candidate = hiring_views.candidate_or_404(repo, body.candidate)
    if candidate.opening_id != opening.id:
        raise UserError(
            f"{candidate.name} is a candidate for '{candidate.opening.title}', not for "
            f"'{opening.title}'; choose one of this opening's candidates"
        )
    return service.fill(repo, str(opening.id), str(body.candidate), now=current).to_json()


@router.post("/openings/{opening_id}/close", summary="Close the opening")
def close(opening_id: int, repo: Repo, current: Now, body: Close | None = None) -> dict[str, Any]:
    """Close the opening: refused (422, naming them) while anyone still needs an answer,
    unless `force`."""
    body = body or Close()
    opening = hiring_views.opening_or_404(repo, opening_id)
    return service.close(repo, str(opening.id), force=body.force, now=current).to_json()


@router.get("/candidates/{candidate_id}", summary="One candidate and what they were told")
def get_candidate(candidate_id: int, request: Request, current: Now) -> dict[str, Any]:
    """The candidate, where their answer stands, and every promise, update and answer."""
    return read_view(
        request,
        current,
        ("hiring", "candidate", candidate_id),
        lambda r: hiring_views.candidate(r, candidate_id, current),
    )


@router.post("/candidates/{candidate_id}/promises", status_code=201, summary="Promise an answer")
def add_promise(candidate_id: int, body: NewPromise, repo: Repo, current: Now) -> dict[str, Any]:
    """The date the candidate was promised an answer by; promising again is an update."""
    candidate = hiring_views.candidate_or_404(repo, candidate_id)
    return service.promise(
        repo, str(candidate.id), body.by, channel=body.channel, now=current
    ).to_json()


@router.get("/candidates/{candidate_id}/draft", summary="Draft the answer")
def get_draft(
    candidate_id: int,
    repo: Repo,
    current: Now,
    outcome: Literal["rejected", "offer", "update"],
    new_date: Annotated[str | None, Query(max_length=100)] = None,
    sender: Annotated[str | None, Query(max_length=200)] = None,
    keep_on_file: bool = False,
    reason: Annotated[str | None, Query(max_length=1000)] = None,
) -> dict[str, Any]:
    """The answer as an email and a phone script (and a text for those who prefer one), the
    preferred channel first. Nothing is recorded."""
    candidate = hiring_views.candidate_or_404(repo, candidate_id)
    return service.draft(
        repo,
        str(candidate.id),
        outcome,
        new_date=new_date or None,
        sender=sender or None,
        keep_on_file=keep_on_file,
        reason=reason or None,
        now=current,
    ).to_json()


@router.post("/candidates/{candidate_id}/answers", status_code=201, summary="Record the answer")
def add_answer(candidate_id: int, body: NewAnswer, repo: Repo, current: Now) -> dict[str, Any]:
    """What the candidate was told: rejected, offer or withdrew end the wait; an update moves
    the promised date to `new_date`."""
    candidate = hiring_views.candidate_or_404(repo, candidate_id)
    return service.answer(
        repo,
        str(candidate.id),
        body.outcome,
        new_date=body.new_date,
        channel=body.channel,
        note=body.note,
        now=current,
    ).to_json()


@router.get("/reminders", summary="Answers due soon or overdue")
def get_reminders(request: Request, current: Now) -> list[dict[str, Any]]:
    """Answers overdue, due today or due by the next business day, earliest first."""
    return read_view(
        request, current, ("hiring", "reminders"), lambda r: hiring_views.reminders(r, current)
    )


@router.get("/report", summary="The closure report")
def get_report(
    request: Request,
    current: Now,
    opening: Annotated[int | None, Query(gt=0)] = None,
) -> dict[str, Any]:
    """Everyone still waiting for an answer, per opening, oldest first, with days waiting and
    days past the promised date."""
    return read_view(
        request,
        current,
        ("hiring", "report", opening),
        lambda r: hiring_views.report(r, current, opening),
    )

"""The JSON REST API. The pages post to these routes; a script can do the same.

Each route parses its input, calls one service (or one `views` function that reads through the
services) and returns what it got. Rules live in the services.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from inwriting.store.repository import Repository
from inwriting.web import agenda_view, schemas, views
from inwriting.web.deps import now, read_view, repository

router = APIRouter(prefix="/api")

# scope="function": commit before the response is sent, so the page the browser loads next
# (and any cached page) already sees the write.
Repo = Annotated[Repository, Depends(repository, scope="function")]
Now = Annotated[datetime, Depends(now)]
ApplicationId = Annotated[int, Query(gt=0)]


@router.get("/today", tags=["agenda"], summary="Today's agenda")
def get_today(request: Request, current: Now) -> dict[str, Any]:
    """Overdue promises, follow-ups due (with drafts), thank-you notes owed, requests, verbal
    offers waiting for the written one, gone-quiet applications and pipeline health."""
    return read_view(request, current, "today", lambda repo: agenda_view.today(repo, current))


@router.get("/board", tags=["applications"], summary="Applications by stage")
def get_board(
    request: Request,
    current: Now,
    stage: str | None = None,
    company: str | None = None,
    source: str | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    """One column per stage; each card with days since they were last in touch and the next
    date that matters. Filters combine."""
    return read_view(
        request,
        current,
        ("board", stage, company, source, q),
        lambda repo: views.board(repo, current, stage=stage, company=company, source=source, q=q),
    )


@router.get("/applications", tags=["applications"], summary="List applications")
def list_applications(repo: Repo, current: Now, stage: str | None = None) -> list[dict[str, Any]]:
    """Every application: id, company, role, stage, gone_quiet, applied_on (as `inwriting list
    --json`)."""
    from inwriting.services.applications import list_applications as listed

    return listed(repo, current, stage=stage)


@router.post("/applications", tags=["applications"], status_code=201, summary="Add an application")
def add_application(body: schemas.NewApplication, repo: Repo, current: Now) -> dict[str, Any]:
    """Add an application (and its company when new)."""
    from inwriting.services.applications import add_application as add

    application, notes = add(
        repo,
        body.company,
        body.role,
        applied_on=body.applied_on,
        now=current,
        url=body.url,
        source=body.source,
        country=body.country,
        weekend=body.weekend,
        notes=body.notes,
    )
    return {
        "id": application.id,
        "company": application.company.name,
        "role": application.role,
        "stage": application.stage,
        "notes": notes,
    }


@router.get("/applications/{application_id}", tags=["applications"], summary="One application")
def get_application(application_id: int, request: Request, current: Now) -> dict[str, Any]:
    """The whole story: timeline with statements and their readings, promises and their state,
    the offer checklist, requests and documents shared."""
    return read_view(
        request,
        current,
        ("application", application_id),
        lambda repo: views.application(repo, application_id, current),
    )


@router.post(
    "/applications/{application_id}/interviews",
    tags=["applications"],
    status_code=201,
    summary="Add an interview",
)
def add_interview(
    application_id: int, body: schemas.NewInterview, repo: Repo, current: Now
) -> dict[str, Any]:
    """Put an interview (or a screening call) on the timeline."""
    from inwriting.services.interviews import record_interview

    application = views.application_or_404(repo, application_id)
    people = [p.strip() for p in (body.with_whom or "").split(";") if p.strip()]
    event = record_interview(
        repo,
        application,
        at=body.at,
        with_=people,
        format=body.format,
        now=current,
        screen=body.screen,
    )
    return {"id": event.id, "application": application.id, "stage": application.stage}


@router.post(
    "/applications/{application_id}/statements",
    tags=["applications"],
    status_code=201,
    summary="Log what they said",
)
def add_statement(
    application_id: int, body: schemas.NewStatement, repo: Repo, current: Now
) -> dict[str, Any]:
    """Record a statement; the reader reads it and its effect is applied (a promise with its
    due date, a verbal offer, a rejection…)."""
    from inwriting.services.statements import log_statement

    application = views.application_or_404(repo, application_id)
    logged = log_statement(
        repo,
        application,
        body.text,
        said_at=body.said_at or current,
        channel=body.channel,
        kind=body.kind,
        due=body.due,
        speaker=body.speaker,
        source="web",
        now=current,
    )
    return {"id": logged.statement.id, **logged.as_dict()}


@router.post(
    "/applications/{application_id}/replies",
    tags=["applications"],
    status_code=201,
    summary="Record a reply",
)
def add_reply(
    application_id: int, body: schemas.NewReply, repo: Repo, current: Now
) -> dict[str, Any]:
    """They got back to you: closes the loop on open follow-ups and answers open promises."""
    from inwriting.services.statements import heard

    application = views.application_or_404(repo, application_id)
    words = body.text or body.note or "They replied."
    logged = heard(
        repo,
        application,
        words,
        said_at=body.at or current,
        channel=body.channel,
        kind=None if body.text else "other",
        now=current,
    )
    return {"id": logged.statement.id, **logged.as_dict()}


@router.post(
    "/applications/{application_id}/offers",
    tags=["applications"],
    status_code=201,
    summary="Record a written offer",
)
def add_offer(
    application_id: int, body: schemas.NewOffer, repo: Repo, current: Now
) -> dict[str, Any]:
    """Record a written offer with its terms; the application moves to `offer`."""
    from inwriting.services.offers import OfferTerms, record_offer

    application = views.application_or_404(repo, application_id)
    offer = record_offer(
        repo,
        application,
        OfferTerms(
            title=body.title,
            salary=body.salary,
            currency=body.currency,
            salary_period=body.salary_period,
            start_on=body.start_on,
            expires_on=body.expires_on,
            benefits=body.benefits,
            contingencies=body.contingencies,
            signed_by=body.signed_by,
            document=body.document,
        ),
        now=current,
    )
    checklist = views.offer_checklist(offer)
    return {
        "id": offer.id,
        "application": application.id,
        "stage": application.stage,
        "missing": checklist["missing"],
    }


@router.get(
    "/applications/{application_id}/follow-up", tags=["applications"], summary="Draft a follow-up"
)
def get_follow_up(application_id: int, repo: Repo, current: Now) -> dict[str, Any]:
    """The next follow-up as an email and a phone script, or why it is too soon."""
    from inwriting.services.followups import draft_follow_up

    application = views.application_or_404(repo, application_id)
    return draft_follow_up(repo, application, current).as_dict()


@router.post(
    "/applications/{application_id}/follow-ups",
    tags=["applications"],
    status_code=201,
    summary="Mark the follow-up as sent",
)
def add_follow_up(
    application_id: int,
    repo: Repo,
    current: Now,
    body: schemas.FollowUpSent | None = None,
) -> dict[str, Any]:
    """Record that you sent the follow-up now (refused when the cadence says wait, unless
    `force`)."""
    from inwriting.services.followups import record_follow_up

    body = body or schemas.FollowUpSent()
    application = views.application_or_404(repo, application_id)
    event = record_follow_up(repo, application, current, force=body.force, channel=body.channel)
    return {"id": event.id, "application": application.id, "number": event.details.get("number")}


@router.post(
    "/applications/{application_id}/thank-yous",
    tags=["applications"],
    status_code=201,
    summary="Mark thank-you notes as sent",
)
def add_thank_yous(
    application_id: int,
    repo: Repo,
    current: Now,
    body: schemas.ThankYouSent | None = None,
) -> dict[str, Any]:
    """Record thank-you notes sent now."""
    from inwriting.services.followups import record_thank_you

    body = body or schemas.ThankYouSent()
    application = views.application_or_404(repo, application_id)
    events = record_thank_you(repo, application, current, to=body.to)
    return {"ids": [e.id for e in events], "application": application.id}


@router.get("/promises", tags=["promises"], summary="Every promise")
def get_promises(
    request: Request,
    current: Now,
    state: Annotated[str | None, Query(pattern="^(open|broken|kept|superseded|withdrawn)$")] = None,
) -> dict[str, Any]:
    """Promises across the search with their state today (broken = open and past due), and
    how often each employer kept its word."""
    return read_view(
        request,
        current,
        ("promises", state),
        lambda repo: views.promise_ledger(repo, current, state=state),
    )


@router.get("/stats", tags=["stats"], summary="Flow, response times, follow-through")
def get_stats(request: Request, current: Now) -> dict[str, Any]:
    """The Sankey flow through the stages, response times, applications per week and the
    employer follow-through table."""
    return read_view(request, current, "stats", lambda repo: views.stats(repo, current))


@router.get("/read", tags=["reader"], summary="What did they mean?")
def get_reading(
    repo: Repo,
    current: Now,
    text: Annotated[str, Query(max_length=10_000)],
    at: datetime | None = None,
    channel: schemas.Channel | None = None,
    application_id: ApplicationId | None = None,
) -> dict[str, Any]:
    """Read one statement: its kind, due date, follow-up day and the reason, in plain words.
    With `application_id`, dates follow that employer's business calendar."""
    when = schemas._aware(at) or current
    return views.reading(repo, text, at=when, channel=channel, application_id=application_id)


@router.get("/settings", tags=["settings"], summary="Settings in force")
def get_settings() -> dict[str, Any]:
    """Default country and weekend, the follow-up cadence, and where the data lives."""
    return views.settings()


@router.get("/export", tags=["settings"], summary="Export the ledger (JSON)")
def export(repo: Repo, current: Now) -> Response:
    """The whole ledger as one JSON file that `inwriting import` reads back."""
    from inwriting.services.transfer import export_json

    out = io.StringIO()
    export_json(repo, out, current)
    name = f"inwriting-export-{current.date().isoformat()}.json"
    return Response(
        out.getvalue(),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post("/backup", tags=["settings"], status_code=201, summary="Back up the database")
def make_backup(request: Request, current: Now) -> dict[str, Any]:
    """A consistent copy of the SQLite database, in the data directory's backups folder."""
    from inwriting import paths
    from inwriting.services.backup import backup

    folder = paths.home() / "backups"
    folder.mkdir(exist_ok=True)
    stamp = current.strftime("%Y%m%dT%H%M%S")
    target = folder / f"inwriting-{stamp}.db"
    result = backup(request.app.state.database_url or paths.database_url(), target, force=True)
    return {"path": str(result.path), "size": result.size}

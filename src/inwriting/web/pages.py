"""The HTML pages. Each renders the same dict its API route returns (see `views`)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from inwriting.errors import UserError
from inwriting.store.repository import Repository
from inwriting.web import agenda_view, schemas, views
from inwriting.web.deps import now, repository
from inwriting.web.rendering import templates

router = APIRouter(include_in_schema=False)

Repo = Annotated[Repository, Depends(repository)]
Now = Annotated[datetime, Depends(now)]


def _page(request: Request, template: str, title: str, active: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(
        request, template, {"page_title": title, "active": active, **context}
    )


@router.get("/", response_class=HTMLResponse)
def today_page(request: Request, repo: Repo, current: Now) -> HTMLResponse:
    return _page(request, "today.html", "Today", "Today", agenda=agenda_view.today(repo, current))


@router.get("/board", response_class=HTMLResponse)
def board_page(
    request: Request,
    repo: Repo,
    current: Now,
    stage: str | None = None,
    company: str | None = None,
    source: str | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    board = views.board(
        repo, current, stage=stage or None, company=company or None, source=source or None, q=q
    )
    return _page(request, "board.html", "Board", "Board", board=board)


@router.get("/applications/{application_id}", response_class=HTMLResponse)
def application_page(
    request: Request, application_id: int, repo: Repo, current: Now
) -> HTMLResponse:
    detail = views.application(repo, application_id, current)
    title = f"{detail['application']['company']} — {detail['application']['role']}"
    return _page(request, "application.html", title, "Board", detail=detail)


@router.get("/promises", response_class=HTMLResponse)
def promises_page(
    request: Request, repo: Repo, current: Now, state: str | None = None
) -> HTMLResponse:
    wanted = state if state in ("open", "broken", "kept", "superseded", "withdrawn") else None
    ledger = views.promise_ledger(repo, current, state=wanted)
    return _page(
        request,
        "promises.html",
        "Promises",
        "Promises",
        ledger=ledger,
        follow_through=ledger["follow_through"][: views.FOLLOW_THROUGH_SHOWN],
        follow_through_more=max(0, len(ledger["follow_through"]) - views.FOLLOW_THROUGH_SHOWN),
    )


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request, repo: Repo, current: Now) -> HTMLResponse:
    stats = views.stats(repo, current)
    return _page(
        request,
        "stats.html",
        "Stats",
        "Stats",
        stats=stats,
        follow_through=stats["follow_through"][: views.FOLLOW_THROUGH_SHOWN],
        follow_through_more=max(0, len(stats["follow_through"]) - views.FOLLOW_THROUGH_SHOWN),
    )


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request) -> HTMLResponse:
    return _page(request, "settings.html", "Settings", "Settings", settings=views.settings())


@router.get("/fragments/reading", response_class=HTMLResponse)
def reading_fragment(
    request: Request,
    repo: Repo,
    current: Now,
    text: Annotated[str, Query(max_length=10_000)] = "",
    said_at: str | None = None,
    channel: str | None = None,
    application_id: int | None = None,
) -> HTMLResponse:
    """The live preview under the statement box: the reading of what is typed so far."""
    reading = None
    error = None
    if text.strip():
        try:
            when = current
            if said_at:
                when = schemas._aware(datetime.fromisoformat(said_at)) or current
            reading = views.reading(
                repo, text, at=when, channel=channel or None, application_id=application_id
            )
        except ValueError:
            error = "The date and time is not valid; use the picker or YYYY-MM-DDTHH:MM."
        except UserError as problem:
            error = str(problem)
    return templates.TemplateResponse(
        request, "partials/reading.html", {"reading": reading, "error": error}
    )

"""The HTML pages. Each renders the same dict its API route returns (see `views`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from inwriting.errors import UserError
from inwriting.store.repository import Repository
from inwriting.web import agenda_view, schemas, views
from inwriting.web.deps import now, read_view
from inwriting.web.rendering import templates

router = APIRouter(include_in_schema=False)

Now = Annotated[datetime, Depends(now)]


def _page(request: Request, template: str, title: str, active: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(
        request, template, {"page_title": title, "active": active, **context}
    )


def _cached_page(
    request: Request,
    current: datetime,
    key: tuple[Any, ...],
    render: Callable[[Repository], HTMLResponse],
) -> HTMLResponse:
    """The page rendered by `render(repo)`, kept (as bytes) while the ledger is unchanged.

    Rendering a board of hundreds of cards costs as much as reading it, so the HTML is kept
    rather than the data; the key holds the address the page was asked for, since its links do.
    """
    body = read_view(
        request, current, ("html", str(request.base_url), *key), lambda repo: render(repo).body
    )
    return HTMLResponse(bytes(body))


@router.get("/", response_class=HTMLResponse)
def today_page(request: Request, current: Now) -> HTMLResponse:
    return _cached_page(
        request,
        current,
        ("today",),
        lambda repo: _page(
            request, "today.html", "Today", "Today", agenda=agenda_view.today(repo, current)
        ),
    )


@router.get("/board", response_class=HTMLResponse)
def board_page(
    request: Request,
    current: Now,
    stage: str | None = None,
    company: str | None = None,
    source: str | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    filters = {"stage": stage or None, "company": company or None, "source": source or None}
    return _cached_page(
        request,
        current,
        ("board", *filters.values(), q),
        lambda repo: _page(
            request,
            "board.html",
            "Board",
            "Board",
            board=views.board(repo, current, q=q, **filters),
        ),
    )


@router.get("/applications/{application_id}", response_class=HTMLResponse)
def application_page(request: Request, application_id: int, current: Now) -> HTMLResponse:
    def render(repo: Repository) -> HTMLResponse:
        detail = views.application(repo, application_id, current)
        title = f"{detail['application']['company']} — {detail['application']['role']}"
        return _page(request, "application.html", title, "Board", detail=detail)

    return _cached_page(request, current, ("application", application_id), render)


@router.get("/promises", response_class=HTMLResponse)
def promises_page(request: Request, current: Now, state: str | None = None) -> HTMLResponse:
    wanted = state if state in ("open", "broken", "kept", "superseded", "withdrawn") else None

    def render(repo: Repository) -> HTMLResponse:
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

    return _cached_page(request, current, ("promises", wanted), render)


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request, current: Now) -> HTMLResponse:
    def render(repo: Repository) -> HTMLResponse:
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

    return _cached_page(request, current, ("stats",), render)


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request) -> HTMLResponse:
    return _page(request, "settings.html", "Settings", "Settings", settings=views.settings())


@router.get("/fragments/reading", response_class=HTMLResponse)
def reading_fragment(
    request: Request,
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
            reading = read_view(
                request,
                current,
                ("reading", text, when, channel, application_id),
                lambda repo: views.reading(
                    repo, text, at=when, channel=channel or None, application_id=application_id
                ),
            )
        except ValueError:
            error = "The date and time is not valid; use the picker or YYYY-MM-DDTHH:MM."
        except UserError as problem:
            error = str(problem)
    return templates.TemplateResponse(
        request, "partials/reading.html", {"reading": reading, "error": error}
    )

"""The calendar feed: due dates and follow-ups as ICS, for any calendar app to subscribe to."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from inwriting.store.repository import Repository
from inwriting.web.deps import now, repository

router = APIRouter()


@router.get(
    "/calendar.ics",
    tags=["agenda"],
    summary="Calendar feed (ICS)",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}},
)
def calendar_feed(
    repo: Annotated[Repository, Depends(repository, scope="function")],
    current: Annotated[datetime, Depends(now)],
) -> Response:
    """Promise due dates and follow-up days as all-day events (built by `services.ics`)."""
    from inwriting.services.ics import calendar_text

    return Response(
        calendar_text(repo, current).encode("utf-8"),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'inline; filename="inwriting.ics"'},
    )

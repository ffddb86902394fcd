"""The Inbox page: what the user's mail proposes for the ledger, each with accept, correct and
dismiss. It renders what `GET /api/inbox` returns."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from inwriting.web.deps import now, read_view
from inwriting.web.inbox_api import inbox_view
from inwriting.web.rendering import KIND_LABELS, templates

router = APIRouter(include_in_schema=False)

Now = Annotated[datetime, Depends(now)]


@router.get("/inbox", response_class=HTMLResponse)
def inbox_page(
    request: Request,
    current: Now,
    show_all: Annotated[bool, Query(alias="all")] = False,
) -> HTMLResponse:
    data = read_view(
        request, current, ("inbox", show_all), lambda r: inbox_view(r, show_all=show_all)
    )
    return templates.TemplateResponse(
        request,
        "inbox.html",
        {"page_title": "Inbox", "active": "Inbox", "inbox": data, "kinds": KIND_LABELS},
    )

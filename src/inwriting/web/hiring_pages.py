"""The hiring pages: openings, one opening's candidates, one candidate, the closure report, and
the drafted answer shown under the draft form. Each renders what its API route returns."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from inwriting.errors import UserError
from inwriting.web import hiring_views
from inwriting.web.deps import now, read_view
from inwriting.web.rendering import templates

router = APIRouter(include_in_schema=False)

Now = Annotated[datetime, Depends(now)]
ACTIVE = "Hiring"


def _page(request: Request, template: str, title: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(
        request, template, {"page_title": title, "active": ACTIVE, **context}
    )


@router.get("/hiring", response_class=HTMLResponse)
def hiring_page(request: Request, current: Now) -> HTMLResponse:
    data = read_view(
        request, current, ("hiring", "openings"), lambda r: hiring_views.openings(r, current)
    )
    return _page(request, "hiring.html", "Hiring", hiring=data)


@router.get("/hiring/report", response_class=HTMLResponse)
def report_page(
    request: Request, current: Now, opening: Annotated[int | None, Query(gt=0)] = None
) -> HTMLResponse:
    data = read_view(
        request,
        current,
        ("hiring", "report", opening),
        lambda r: hiring_views.report(r, current, opening),
    )
    return _page(request, "hiring_report.html", "Closure report", report=data)


@router.get("/hiring/openings/{opening_id}", response_class=HTMLResponse)
def opening_page(request: Request, opening_id: int, current: Now) -> HTMLResponse:
    data = read_view(
        request,
        current,
        ("hiring", "opening", opening_id),
        lambda r: hiring_views.opening(r, opening_id, current),
    )
    return _page(request, "hiring_opening.html", data["opening"]["title"], detail=data)


@router.get("/hiring/candidates/{candidate_id}", response_class=HTMLResponse)
def candidate_page(request: Request, candidate_id: int, current: Now) -> HTMLResponse:
    data = read_view(
        request,
        current,
        ("hiring", "candidate", candidate_id),
        lambda r: hiring_views.candidate(r, candidate_id, current),
    )
    title = f"{data['candidate']['name']} — {data['opening']['title']}"
    return _page(request, "hiring_candidate.html", title, detail=data)


@router.get("/fragments/hiring/draft", response_class=HTMLResponse)
def draft_fragment(
    request: Request,
    current: Now,
    candidate_id: Annotated[int, Query(gt=0)],
    outcome: Literal["rejected", "offer", "update"] = "rejected",
    new_date: Annotated[str | None, Query(max_length=100)] = None,
    sender: Annotated[str | None, Query(max_length=200)] = None,
    keep_on_file: bool = False,
    reason: Annotated[str | None, Query(max_length=1000)] = None,
) -> HTMLResponse:
    """The drafted answer under the draft form, or the one-line reason there is none."""
    from inwriting.services import hiring as service

    def compute(repo: Any) -> dict[str, Any]:
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

    drafts = None
    error = None
    try:
        key = ("hiring", "draft", candidate_id, outcome, new_date, sender, keep_on_file, reason)
        drafts = read_view(request, current, key, compute)
    except UserError as problem:
        error = str(problem)
    return templates.TemplateResponse(
        request, "hiring_draft.html", {"drafts": drafts, "error": error, "outcome": outcome}
    )

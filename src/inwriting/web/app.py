"""The web app factory: pages, the JSON API they use, the calendar feed and static files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from inwriting import __version__
from inwriting.errors import UserError
from inwriting.store.models import LOCAL_OWNER
from inwriting.web import errors
from inwriting.web.rendering import templates, wants_html
from inwriting.web.security import LOOPBACK_HOSTS, GuardMiddleware

HERE = Path(__file__).parent

API_DESCRIPTION = """\
The JSON API behind the inwriting pages: everything a page does can be scripted.

Dates are ISO 8601 (`2026-11-23`, `2026-11-23T14:00`); instants without a zone are UTC.
Errors come back as `{"detail": "one line naming the fix"}`: 404 for an unknown id, 422 for input
that is not valid, 403 for a state-changing request sent from another web site.
"""


def create_app(
    database_url: str | None = None,
    owner: str = LOCAL_OWNER,
    *,
    allowed_hosts: Iterable[str] | None = LOOPBACK_HOSTS,
) -> FastAPI:
    """Build the app over one ledger.

    `database_url` None means the CLI's database (INWRITING_DATABASE_URL or the SQLite file in
    INWRITING_HOME), looked up per request. `owner` scopes every query. `allowed_hosts` are the
    Host names the app answers to (None: any, for a server behind a proxy).
    """
    from inwriting.web import api, feeds, hiring_api, hiring_pages, inbox_api, inbox_pages, pages

    app = FastAPI(
        title="inwriting",
        version=__version__,
        description=API_DESCRIPTION,
        openapi_tags=[
            {"name": "agenda", "description": "What needs doing today."},
            {"name": "applications", "description": "Applications and their timelines."},
            {"name": "promises", "description": "Every promise an employer made."},
            {"name": "reader", "description": "What a statement means."},
            {"name": "stats", "description": "Flow, response times and follow-through."},
            {"name": "settings", "description": "Settings, export and backup."},
            {"name": "inbox", "description": "What your mail proposes: accept, correct, dismiss."},
            {"name": "hiring", "description": "The employer's side: openings and answers owed."},
        ],
    )
    app.state.database_url = database_url
    app.state.owner = owner
    app.add_middleware(GuardMiddleware, allowed_hosts=allowed_hosts)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(inbox_api.router)
    app.include_router(hiring_api.router)
    app.include_router(pages.router)
    app.include_router(inbox_pages.router)
    app.include_router(hiring_pages.router)
    app.include_router(feeds.router)
    _install_error_pages(app)
    return app


def _install_error_pages(app: FastAPI) -> None:
    """JSON errors for the API and scripts; a readable page for a person in a browser."""
    errors.install(app)
    json_validation = app.exception_handlers[RequestValidationError]
    json_user = app.exception_handlers[UserError]
    json_http = app.exception_handlers[StarletteHTTPException]

    async def page_or_json(request: Request, exc: Exception, handler: object) -> Response:
        response = await handler(request, exc)  # type: ignore[operator]
        assert isinstance(response, JSONResponse)
        if not wants_html(request):
            return response
        import json

        detail = json.loads(bytes(response.body))["detail"]
        titles = {404: "Not found", 403: "Not allowed", 422: "That input is not valid"}
        return templates.TemplateResponse(
            request,
            "error.html",
            {
                "page_title": titles.get(response.status_code, "Something went wrong"),
                "detail": detail,
            },
            status_code=response.status_code,
        )

    async def on_validation(request: Request, exc: Exception) -> Response:
        return await page_or_json(request, exc, json_validation)

    async def on_user(request: Request, exc: Exception) -> Response:
        return await page_or_json(request, exc, json_user)

    async def on_http(request: Request, exc: Exception) -> Response:
        return await page_or_json(request, exc, json_http)

    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(UserError, on_user)
    app.add_exception_handler(StarletteHTTPException, on_http)

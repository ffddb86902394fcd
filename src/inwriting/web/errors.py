"""Error responses a person can read: the same one-line messages the CLI prints, as JSON.

FastAPI's validation errors name pydantic's internals ("date_from_datetime_parsing"); these
handlers turn each into "applied_on: '2026-13-40' is not a date; use YYYY-MM-DD, e.g. 2026-11-23".
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from inwriting.errors import Ambiguous, DatabaseError, NotFound, UserError

# pydantic error type prefix -> what to say after the field's name and value
_MESSAGES: tuple[tuple[str, str], ...] = (
    ("date_from_datetime", "is not a date; use YYYY-MM-DD, e.g. 2026-11-23"),
    ("date_", "is not a date; use YYYY-MM-DD, e.g. 2026-11-23"),
    ("datetime_", "is not a date and time; use ISO 8601, e.g. 2026-11-23T14:00"),
    ("int_", "is not a whole number"),
    ("decimal_", "is not a number; write it like 85000 or 85000.50"),
    ("float_", "is not a number"),
    ("bool_", "is not yes or no (true/false)"),
    ("string_too_short", "must not be empty"),
    ("string_too_long", "is too long"),
    ("literal_error", "is not one of the allowed values"),
    ("enum", "is not one of the allowed values"),
    ("url_", "is not a web address"),
)


def _field(location: tuple[Any, ...]) -> str:
    parts = [str(part) for part in location if part not in ("body", "query", "path", "form")]
    return ".".join(parts) or "request"


def describe(error: dict[str, Any]) -> str:
    """One plain sentence for one pydantic error."""
    field = _field(tuple(error.get("loc", ())))
    kind = str(error.get("type", ""))
    value = error.get("input")
    if kind == "missing":
        return f"{field} is required"
    if kind.startswith("literal_error") and error.get("ctx", {}).get("expected"):
        return f"{field}: '{value}' is not one of {error['ctx']['expected']}"
    for prefix, text in _MESSAGES:
        if kind.startswith(prefix):
            shown = "" if value is None or isinstance(value, dict | list) else f"'{value}' "
            return f"{field}: {shown}{text}"
    message = str(error.get("msg", "is not valid"))
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return f"{field}: {message}"


def install(app: FastAPI) -> None:
    """Register the handlers on `app`."""

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        messages = [describe(dict(error)) for error in exc.errors()]
        return JSONResponse(
            status_code=422,
            content={"detail": "; ".join(messages), "errors": messages},
        )

    @app.exception_handler(UserError)
    async def _user_error(_request: Request, exc: UserError) -> JSONResponse:
        # A user mistake the service caught (a date in the future, an unknown channel) is input
        # that cannot be processed, like a validation error.
        status = 422
        if isinstance(exc, NotFound):
            status = 404
        elif isinstance(exc, Ambiguous):
            status = 409
        elif isinstance(exc, DatabaseError):
            status = 503
        return JSONResponse(status_code=status, content={"detail": str(exc)})

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        if exc.status_code == 404 and detail == "Not Found":
            detail = "no such page or API route; see /docs for the API"
        return JSONResponse(
            status_code=exc.status_code, content={"detail": detail}, headers=exc.headers
        )

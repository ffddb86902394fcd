"""Templates and the small formatting helpers they use (presentation only, no rules)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates

from inwriting import clock
from inwriting.domain.stages import label as stage_label

HERE = Path(__file__).parent

# The reader's kinds in the words a user reads; a verbal offer always says it is not an offer.
KIND_LABELS = {
    "written_offer": "written offer",
    "verbal_offer": "verbal offer — not yet an offer",
    "rejection": "rejection",
    "promise": "promise",
    "next_step": "next step",
    "request": "request",
    "enthusiasm": "enthusiasm — not an offer",
    "delay": "delay",
    "other": "other",
}
KIND_CLASSES = {
    "written_offer": "ok",
    "verbal_offer": "warn",
    "rejection": "bad",
    "promise": "info",
    "next_step": "info",
    "request": "info",
    "enthusiasm": "warn",
    "delay": "warn",
}
STAGE_CLASSES = {
    "offer": "ok",
    "accepted": "ok",
    "verbal_offer": "warn",
    "gone_quiet": "warn",
    "rejected": "bad",
    "declined": "bad",
    "withdrawn": "",
}
PROMISE_CLASSES = {"broken": "bad", "kept": "ok", "open": "info", "withdrawn": "", "superseded": ""}


def format_date(value: date | datetime | str | None, *, with_year: bool = True) -> str:
    """'Mon 23 Nov 2026' (or '' for None)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return str(value)
    day = value.date() if isinstance(value, datetime) else value
    text = f"{day:%a} {day.day} {day:%b}"
    return f"{text} {day.year}" if with_year else text


def format_datetime(value: datetime | None) -> str:
    """'Mon 23 Nov 2026, 14:00 UTC' for an instant."""
    if value is None:
        return ""
    if value.hour == 0 and value.minute == 0:
        return format_date(value)
    return f"{format_date(value)}, {value:%H:%M} UTC"


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 day', '3 days'."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def _context(request: Request) -> dict[str, Any]:
    current = clock.now()
    return {"now_local": format_datetime(current), "today": current.date()}


templates = Jinja2Templates(directory=HERE / "templates", context_processors=[_context])
templates.env.filters.update(
    {
        "date": format_date,
        "datetime": format_datetime,
        "stage_label": stage_label,
        "kind_label": lambda kind: KIND_LABELS.get(kind, kind),
        "kind_class": lambda kind: KIND_CLASSES.get(kind, ""),
        "stage_class": lambda stage: STAGE_CLASSES.get(stage, "info"),
        "promise_class": lambda state: PROMISE_CLASSES.get(state, ""),
    }
)
templates.env.globals["plural"] = plural


def wants_html(request: Request) -> bool:
    """A person's browser asking for a page (not the API, not a script)."""
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".ics") or path.startswith("/static/"):
        return False
    return "text/html" in request.headers.get("accept", "")

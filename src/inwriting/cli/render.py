"""Shared output and input helpers for CLI commands: JSON, plain tables, dates.

Output is plain text (fast to print for 10,000 rows, easy to read in a pipe) or stable JSON with
`--json`. Dates typed by the user are ISO 8601; `today`, `yesterday` and `tomorrow` work too.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import typer

from inwriting.errors import UserError


def echo_json(value: Any) -> None:
    """Print a value as indented JSON (dates as ISO strings), keys in a stable order."""
    typer.echo(json.dumps(value, indent=2, ensure_ascii=False, default=_default))


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def table(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> str:
    """A plain text table with columns padded to their widest cell."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for row in cells:
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return "\n".join(line.rstrip() for line in lines)


def parse_day(text: str | None, option: str, *, today: date) -> date | None:
    """A calendar date typed by the user: ISO 8601, or today / yesterday / tomorrow."""
    if text is None:
        return None
    word = text.strip().lower()
    relative = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if word in relative:
        return today + timedelta(days=relative[word])
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise UserError(
            f"{option} '{text}' is not a date; use YYYY-MM-DD, e.g. {today.isoformat()}"
        ) from None


def parse_moment(text: str | None, option: str, *, now: datetime) -> datetime | None:
    """An instant typed by the user: '2026-11-16 14:00', '2026-11-16T14:00+03:00', or a date.

    A bare date means now when it is today, else noon UTC: the same calendar day in every time
    zone from UTC-11 to UTC+11. Times without a zone are UTC.
    """
    if text is None:
        return None
    word = text.strip().lower()
    if word == "now":
        return now
    day = None
    with contextlib.suppress(UserError):
        day = parse_day(word, option, today=now.date())
    if day is not None and len(word) <= 10:
        if day == now.date():
            return now
        return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            f"{option} '{text}' is not a date and time; use e.g. \"2026-11-16 14:00\""
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def bullet(lines: Sequence[str], indent: str = "  ") -> str:
    return "\n".join(f"{indent}- {line}" for line in lines)

"""The one place that reads the clock.

Everything else takes `now` as an argument. `INWRITING_NOW` (ISO 8601) overrides the clock so a
user or a test can ask what the agenda will say on another day.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from inwriting.errors import UserError


def parse_instant(text: str) -> datetime:
    """Parse an ISO 8601 date or date-time; naive values are taken as UTC."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            f"'{text}' is not a date and time; use ISO 8601 such as 2026-11-23 or 2026-11-23T14:00"
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def now() -> datetime:
    """The current instant as an aware UTC datetime, honouring INWRITING_NOW."""
    override = os.environ.get("INWRITING_NOW")
    if override:
        try:
            return parse_instant(override).astimezone(UTC)
        except UserError:
            raise UserError(
                f"INWRITING_NOW='{override}' is not ISO 8601; use e.g. 2026-11-23T09:00"
            ) from None
    return datetime.now(UTC)

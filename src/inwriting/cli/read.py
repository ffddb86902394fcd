"""CLI command: read — what did they mean, by when, and what to do about it.

`inwriting read TEXT` reads one statement and prints its kind, due date, follow-up day and
explanation; `inwriting read --batch FILE` reads JSON Lines and writes one JSON line per input
line (docs/reader.md). The batch loop is `read_batch`, a plain function a benchmark can call.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, BinaryIO

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from inwriting import clock, config
from inwriting.domain.calendar import BusinessCalendar, parse_weekend
from inwriting.domain.policy import DEFAULT_POLICY, FollowUpPolicy
from inwriting.errors import UserError
from inwriting.language.deadlines import MAX_CHARS
from inwriting.language.reader import CHANNELS, Reading, long_date, normalise_channel, read

BAD_LINES_EXIT = 1
# One encoder for every output line: json.dumps(..., ensure_ascii=False) would build a new one
# for each line.
_JSON_LINE = json.JSONEncoder(ensure_ascii=False)

HELP = f"""Read what an employer said or wrote: what it is, by when it is due, and why.

Prints the kind (offer, promise, rejection, enthusiasm, ...), the due date with its weekday, the
day a polite follow-up fits, and a plain explanation. --at is when it was said (the employer's
local time; default now), --channel how: {", ".join(CHANNELS)} (default unknown, which counts as
spoken: only an email or a letter can be a written offer).

--batch FILE reads JSON Lines ({{"id"?, "text", "at"?, "channel"?, "country"?, "weekend"?,
"locale"?}}; - for stdin) and writes one JSON line per input line, in order. A bad line gets
{{"id", "error"}} and the rest go on; the exit status is then {BAD_LINES_EXIT}.
"""

_KIND_LABELS = {
    "rejection": "Rejection",
    "written_offer": "Written offer",
    "verbal_offer": "Verbal offer — not yet an offer",
    "delay": "Delay",
    "next_step": "Next step",
    "request": "Request",
    "promise": "Promise",
    "enthusiasm": "Enthusiasm — not an offer",
    "other": "Nothing to act on",
}


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("read", help=HELP)(read_command)


def read_command(
    text: str = typer.Argument(None, metavar="TEXT", help="What they said or wrote, in quotes."),
    at: str = typer.Option(
        None, "--at", help='When it was said, ISO 8601 such as "2026-11-18 10:00" (default now).'
    ),
    channel: str = typer.Option(
        None, "--channel", "-c", help=f"How it was said: {', '.join(CHANNELS)}."
    ),
    country: str = typer.Option(
        None, "--country", help="The employer's country (ISO code such as US, GB, SA)."
    ),
    weekend: str = typer.Option(
        None, "--weekend", help="The employer's weekend, e.g. thu,fri (overrides the country's)."
    ),
    locale: str = typer.Option(
        "en-US", "--locale", help="How numeric dates are written: en-US is 12/4 = December 4."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the reading as JSON."),
    batch: str = typer.Option(
        None, "--batch", metavar="FILE", help="Read JSON Lines from FILE (- for stdin)."
    ),
) -> None:
    """Read one statement, or a batch of them."""
    calendar = _calendar(country, weekend)
    policy = config.follow_up_policy()
    if batch is not None:
        if text is not None:
            raise UserError("give either TEXT or --batch FILE, not both")
        _run_batch(batch, calendar, locale, policy)
        return
    if text is None or not text.strip():
        raise UserError('nothing to read; put what they said in quotes: inwriting read "…"')
    if len(text) > MAX_CHARS:
        raise UserError(
            f"the text is {len(text):,} characters; the reader takes one statement "
            f"(up to {MAX_CHARS:,} characters): paste the part that matters"
        )
    said_at = _parse_at(at) if at is not None else _local(clock.now())
    spoken = _channel(channel)
    reading = read(text, said_at, spoken, calendar=calendar, locale=locale, policy=policy)
    if as_json:
        typer.echo(json.dumps(reading.to_json(), ensure_ascii=False))
    else:
        _render(reading)


# --- parsing ----------------------------------------------------------------------------------


def _local(moment: datetime) -> datetime:
    # The reader works on the employer's wall-clock time; "now" is taken in this machine's zone.
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _parse_at(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise UserError(
            f"--at '{value}' is not a date and time; use ISO 8601 such as \"2026-11-18 10:00\""
        ) from None
    return parsed.replace(tzinfo=None)


def _channel(value: str | None) -> str | None:
    try:
        return normalise_channel(value)
    except ValueError as error:
        raise UserError(str(error)) from None


def _calendar(country: str | None, weekend: str | None) -> BusinessCalendar:
    days = parse_weekend(weekend) if weekend else None
    return BusinessCalendar.for_country(country, weekend=days)


# --- rendering --------------------------------------------------------------------------------


def _render(reading: Reading) -> None:
    console = Console(highlight=False, soft_wrap=False)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row("Kind", Text(_KIND_LABELS.get(reading.kind, reading.kind)))
    if reading.due is not None:
        due = long_date(reading.due)
        if reading.due_time is not None:
            due += f", {reading.due_time:%H:%M}"
        grid.add_row("Due", Text(due))
    else:
        grid.add_row("Due", Text("no date stated"))
    if reading.follow_up_on is not None:
        grid.add_row("Follow up", Text(long_date(reading.follow_up_on)))
    grid.add_row("Why", Text(reading.explanation))
    console.print(grid)


# --- batch ------------------------------------------------------------------------------------


class _BadLine(Exception):
    """One input line that cannot be read; its message goes into the output line."""


def _line_calendar(
    item: dict[str, Any],
    default: BusinessCalendar,
    cache: dict[tuple[str | None, str | None], BusinessCalendar],
) -> BusinessCalendar:
    country, weekend = item.get("country"), item.get("weekend")
    if country is None and weekend is None:
        return default
    if not (country is None or isinstance(country, str)):
        raise _BadLine('"country" must be a country code such as "US"')
    if not (weekend is None or isinstance(weekend, str)):
        raise _BadLine('"weekend" must be days such as "fri,sat"')
    key = (country, weekend)
    if key not in cache:
        try:
            cache[key] = _calendar(country, weekend)
        except UserError as error:
            raise _BadLine(str(error)) from None
    return cache[key]


def _line_at(item: dict[str, Any], now: datetime) -> datetime:
    value = item.get("at")
    if value is None:
        return now
    if not isinstance(value, str):
        raise _BadLine('"at" must be an ISO 8601 string such as "2026-11-18T10:00"')
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise _BadLine(f'"at" {value!r} is not ISO 8601; use e.g. "2026-11-18T10:00"') from None
    # The zone, if any, is dropped (the employer's wall-clock time); most lines have none.
    return moment if moment.tzinfo is None else moment.replace(tzinfo=None)


def _read_line(
    raw: str | bytes,
    number: int,
    now: datetime,
    calendar: BusinessCalendar,
    locale: str,
    policy: FollowUpPolicy,
    cache: dict[tuple[str | None, str | None], BusinessCalendar],
) -> dict[str, Any]:
    item_id: Any = number
    try:
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise _BadLine("the line is not UTF-8 text") from None
        try:
            item = json.loads(raw)
        except (json.JSONDecodeError, RecursionError):
            raise _BadLine(
                'the line is not JSON; write one object per line: {"text": "…"}'
            ) from None
        if not isinstance(item, dict):
            raise _BadLine('the line is not a JSON object; write {"text": "…"}')
        item_id = item.get("id", number)
        if "text" not in item:
            raise _BadLine('"text" is missing: what they said or wrote')
        text = item["text"]
        if not isinstance(text, str):
            raise _BadLine('"text" must be a string')
        if len(text) > MAX_CHARS:
            raise _BadLine(
                f'"text" is {len(text):,} characters; the reader takes one statement '
                f"(up to {MAX_CHARS:,})"
            )
        channel = item.get("channel")
        if channel is not None and not isinstance(channel, str):
            raise _BadLine(f'"channel" must be one of {", ".join(CHANNELS)}')
        try:
            spoken = normalise_channel(channel)
        except ValueError as error:
            raise _BadLine(str(error)) from None
        line_locale = item.get("locale", locale)
        if not isinstance(line_locale, str):
            raise _BadLine('"locale" must be a string such as "en-GB"')
        reading = read(
            text,
            _line_at(item, now),
            spoken,
            calendar=_line_calendar(item, calendar, cache),
            locale=line_locale,
            policy=policy,
        )
    except _BadLine as error:
        return {"id": item_id, "error": f"line {number}: {error}"}
    return {"id": item_id, **reading.to_json()}


def read_batch(
    lines: Iterable[str | bytes],
    now: datetime,
    *,
    calendar: BusinessCalendar | None = None,
    locale: str = "en-US",
    policy: FollowUpPolicy = DEFAULT_POLICY,
) -> Iterator[dict[str, Any]]:
    """Read JSON Lines: one result per non-blank line, in order; a bad line yields its error.

    `now` is the default for lines without "at" (its zone, if any, is dropped). Blank lines are
    skipped; ids default to the 1-based line number. Never raises on bad input lines.
    """
    default_calendar = calendar or BusinessCalendar()
    moment = now.replace(tzinfo=None)
    cache: dict[tuple[str | None, str | None], BusinessCalendar] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        yield _read_line(raw, number, moment, default_calendar, locale, policy, cache)


def format_result(result: dict[str, Any]) -> str:
    """One batch result as the JSON line `--batch` writes (without the newline)."""
    return _JSON_LINE.encode(result)


def _open(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")  # noqa: SIM115 - closed by the caller
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror}; check the path") from None


def _run_batch(path: str, calendar: BusinessCalendar, locale: str, policy: FollowUpPolicy) -> None:
    now = _local(clock.now())
    source = _open(path)
    bad = 0
    # Looked up now, not at import, so that a test runner's captured stdout is used.
    out = sys.stdout
    try:
        for result in read_batch(source, now, calendar=calendar, locale=locale, policy=policy):
            if "error" in result:
                bad += 1
            out.write(format_result(result) + "\n")
        out.flush()
    finally:
        if path != "-":
            source.close()
    if bad:
        typer.echo(f'{bad} line(s) could not be read; see their "error"', err=True)
        raise typer.Exit(BAD_LINES_EXIT)

"""The ledger's dates as an iCalendar feed: `inwriting export --format ics` and `/calendar.ics`.

One all-day event per open promise (on the day it falls due), one per application's next
follow-up day (today's when one is due, else the day the cadence allows one), and one per
thank-you note owed and request with a date. UIDs are derived from what
the event is about, not from its date or wording, so a calendar app that subscribes to the feed
updates an event when its date moves instead of adding a second one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from inwriting.domain.stages import CLOSED_STAGES
from inwriting.store.repository import Repository

PRODID = "-//inwriting//job-search ledger//EN"
UID_DOMAIN = "inwriting.local"
# Agenda items that are about a day in the user's calendar; the others (overdue promises, gone
# quiet, verbal offers, pipeline) are states, and overdue promises already appear on their due
# date as promise events.
AGENDA_TYPES = {
    "follow_up": "Follow up",
    "planned_follow_up": "Follow up",
    "thank_you": "Thank-you note",
    "request": "To send",
}
# A due follow-up and a planned one are the same event on different days.
FOLLOW_UPS = {"follow_up", "planned_follow_up"}


def build_calendar(repo: Repository, now: datetime) -> Calendar:
    """The calendar of open promise due dates and today's dated agenda items."""
    from inwriting.services.agenda import agenda

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "inwriting: promises and follow-ups")
    stamp = now.astimezone(UTC)

    live = {
        row.id: row
        for row in repo.overview()
        if not row.archived and row.stage not in CLOSED_STAGES
    }
    for app_id, promise_id, what, due, due_source, _kind, _made_at in repo.open_promise_rows():
        row = live.get(app_id)
        if row is None:
            continue
        dated = "a date set by the follow-up policy" if due_source == "policy" else "their date"
        calendar.add_component(
            _all_day(
                uid=f"promise-{promise_id}@{UID_DOMAIN}",
                day=due,
                stamp=stamp,
                summary=f"{row.company} promised: {what}",
                description=(
                    f"#{app_id} {row.company} — {row.role}. Due {due.isoformat()} ({dated}). "
                    f"No word by then? `inwriting followup {app_id}` drafts a polite follow-up."
                ),
            )
        )
    for item in agenda(repo, now, planned=True):
        title = AGENDA_TYPES.get(item.type)
        if title is None or item.application is None:
            continue
        # One follow-up per application at a time: its UID stays put as the date moves.
        follow_up = item.type in FOLLOW_UPS
        kind = "follow-up" if follow_up else item.type.replace("_", "-")
        key = "" if follow_up else f"-{item.date.isoformat()}"
        calendar.add_component(
            _all_day(
                uid=f"{kind}-{item.application}{key}@{UID_DOMAIN}",
                day=max(item.date, now.date()) if follow_up else item.date,
                stamp=stamp,
                summary=f"{title}: {item.company} ({item.role})",
                description=item.text,
            )
        )
    return calendar


def calendar_text(repo: Repository, now: datetime) -> str:
    """build_calendar as iCalendar text (CRLF line ends, as RFC 5545 asks)."""
    return build_calendar(repo, now).to_ical().decode("utf-8")


def _all_day(*, uid: str, day: date, stamp: datetime, summary: str, description: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
    return event

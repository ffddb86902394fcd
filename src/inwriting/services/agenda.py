"""Today's agenda for the whole ledger: `inwriting today` and the web app's agenda page.

Public functions:

- `agenda(repo, now) -> list[AgendaItem]` — overdue promises, follow-ups the cadence allows today,
  thank-you notes owed, open requests, verbal offers still waiting for the written one,
  applications gone quiet, and one line of pipeline health;
- `gone_quiet_ids(repo, now, rows)` — the applications the agenda lists as gone quiet, without
  the rest of the agenda (what `list` needs).

It reads the ledger with a handful of set-based queries (applications with their companies,
last contacts, follow-ups, open promises, open requests, recent interviews) and computes the rest
in memory, so it stays quick on tens of thousands of applications. The queries behind the
cadence only return applications that are neither archived nor closed: on a long search most
are closed, and the cadence never looks at them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from inwriting.domain.agenda import AgendaItem, ordered, pipeline_text
from inwriting.domain.followup import Expectation
from inwriting.domain.stages import CLOSED_STAGES, LIVE_STAGES
from inwriting.store.repository import Repository

if TYPE_CHECKING:
    from inwriting.domain.calendar import BusinessCalendar
    from inwriting.domain.followup import Cadence
    from inwriting.domain.policy import FollowUpPolicy


def _calendars(repo: Repository, rows: dict[int, Any]) -> Callable[[int], BusinessCalendar]:
    """app id → its company's calendar; companies that share their settings share one
    calendar, so thousands of companies cost a handful of calendars."""
    from inwriting.services.companies import calendar_for, calendar_settings

    settings = calendar_settings()
    company_settings = repo.company_calendars()
    by_company: dict[int, BusinessCalendar] = {}
    by_settings: dict[tuple[Any, ...], BusinessCalendar] = {}

    def calendar_of(app_id: int) -> BusinessCalendar:
        company_id = rows[app_id].company_id
        found = by_company.get(company_id)
        if found is None:
            company = company_settings[company_id]
            days_off = tuple(str(day) for day in (company.holidays or ()))
            key = (company.country, company.subdivision, company.weekend, days_off)
            found = by_settings.get(key)
            if found is None:
                found = by_settings[key] = calendar_for(company._mapping, settings)
            by_company[company_id] = found
        return found

    return calendar_of


def _open_promises(
    repo: Repository, open_stage: set[int], now: datetime
) -> tuple[list[Any], dict[int, list[Expectation]]]:
    """The open promises of open applications already made by `now` (soonest due first), and
    what each application is waiting for."""
    promises = []
    expectations: dict[int, list[Expectation]] = defaultdict(list)
    for row in repo.open_promise_rows():
        if row.application_id not in open_stage or row.made_at > now:
            continue
        promises.append(row)
        expectations[row.application_id].append(Expectation(row.due, row.due_source))
    return promises, expectations


def _cadences(
    repo: Repository,
    rows: dict[int, Any],
    open_stage: set[int],
    expectations: dict[int, list[Expectation]],
    calendar_of: Callable[[int], BusinessCalendar],
    policy: FollowUpPolicy,
    today: date,
) -> Iterator[tuple[int, Cadence]]:
    """(app id, cadence) of every open application the cadence applies to, by id."""
    from inwriting.services.applications import CONTACT_EVENT_TYPES, start_of
    from inwriting.services.followups import cadence_from

    last_contact = repo.last_contact_times(CONTACT_EVENT_TYPES, open_only=True)
    follow_ups: dict[int, list[datetime]] = defaultdict(list)
    for app_id, _type, at in repo.event_times(("follow_up_sent",), open_only=True):
        follow_ups[app_id].append(at)
    none: Sequence[Any] = ()
    for app_id in sorted(open_stage):
        row = rows[app_id]
        state = cadence_from(
            stage=row.stage,
            started_at=start_of(row.applied_on) if row.applied_on is not None else row.created_at,
            last_contact_at=last_contact.get(app_id),
            expectations=expectations.get(app_id, none),
            follow_up_times=follow_ups.get(app_id, none),
            calendar=calendar_of(app_id),
            policy=policy,
            today=today,
        )
        if state is not None:
            yield app_id, state


def _open_stage(rows: dict[int, Any]) -> set[int]:
    return {i for i, r in rows.items() if r.stage not in CLOSED_STAGES}


def gone_quiet_ids(repo: Repository, now: datetime, rows: Sequence[Any]) -> set[int]:
    """The ids of the applications that `agenda` lists as gone quiet on `now`'s day.

    `rows` is `repo.overview()`, which the caller has read already. Only the follow-up cadence
    is worked out: the rest of the agenda is not needed to tell who has gone quiet.
    """
    from inwriting.config import follow_up_policy

    live = {row.id: row for row in rows if not row.archived}
    open_stage = _open_stage(live)
    _promises, expectations = _open_promises(repo, open_stage, now)
    calendar_of = _calendars(repo, live)
    states = _cadences(
        repo, live, open_stage, expectations, calendar_of, follow_up_policy(), now.date()
    )
    return {app_id for app_id, state in states if state.gone_quiet}


def agenda(repo: Repository, now: datetime, *, planned: bool = False) -> list[AgendaItem]:
    """Everything that needs the user's attention on `now`'s day, most pressing first.

    With `planned`, also each live application's next follow-up day when it is still ahead
    (items of type `planned_follow_up`): the calendar feed shows them before they come.
    """
    from inwriting.config import follow_up_policy
    from inwriting.services.followups import THANK_YOU_WINDOW, owed_thank_yous

    today = now.date()
    policy = follow_up_policy()
    rows = {row.id: row for row in repo.overview() if not row.archived}
    calendar_of = _calendars(repo, rows)

    items: list[AgendaItem] = []

    def add(kind: str, app_id: int | None, day: date, text: str) -> None:
        row = rows.get(app_id) if app_id is not None else None
        items.append(
            AgendaItem(
                kind,
                app_id,
                row.company if row is not None else None,
                row.role if row is not None else None,
                day,
                text,
            )
        )

    open_stage = _open_stage(rows)

    # Promises: overdue ones, and what each application is waiting for.
    promises, expectations = _open_promises(repo, open_stage, now)
    written_offer_due: dict[int, date] = {}
    for app_id, _pid, what, due, due_source, kind, _made_at in promises:
        if kind == "written_offer":
            written_offer_due.setdefault(app_id, due)
        if due < today:
            days = (today - due).days
            dated = "the policy date" if due_source == "policy" else "the date they gave"
            add(
                "overdue_promise",
                app_id,
                due,
                f"{rows[app_id].company} promised: {what} — due {due.isoformat()} ({dated}), "
                f"{days} day(s) overdue",
            )

    # The follow-up cadence of every application still waiting on the employer.
    for app_id, state in _cadences(
        repo, rows, open_stage, expectations, calendar_of, policy, today
    ):
        row = rows[app_id]
        if state.gone_quiet:
            assert state.gone_quiet_on is not None
            add(
                "gone_quiet",
                app_id,
                state.gone_quiet_on,
                f"{row.company} ({row.role}) has gone quiet: {state.unanswered} follow-up(s) "
                "unanswered; move on and put the time into other applications "
                "(any word from them reopens it)",
            )
        elif state.due_now:
            assert state.next_on is not None
            number = state.unanswered + 1
            add(
                "follow_up",
                app_id,
                state.next_on,
                f"follow up with {row.company} ({row.role}), follow-up {number}: "
                f"{state.reason}; `inwriting followup {app_id}`",
            )
        elif planned and state.next_on is not None:
            add(
                "planned_follow_up",
                app_id,
                state.next_on,
                f"follow up with {row.company} ({row.role}) if nothing has come: "
                f"{state.reason}; `inwriting followup {app_id}` drafts it",
            )

    # Thank-you notes owed for recent interviews.
    recent = repo.events_since(("interview", "thank_you_sent"), now - THANK_YOU_WINDOW)
    interviews = [e for e in recent if e.type == "interview" and e.application_id in open_stage]
    sent = [e for e in recent if e.type == "thank_you_sent"]
    for owed in owed_thank_yous(interviews, sent, calendar_of, policy, now):
        row = rows[owed.application_id]
        who = owed.interviewer or "your interviewer"
        add(
            "thank_you",
            owed.application_id,
            owed.by,
            f"thank-you note to {who} for the {row.company} interview on "
            f"{owed.interviewed_at.date().isoformat()}, by {owed.by.isoformat()}",
        )

    # Requests: what they asked the user for.
    for app_id, _rid, what, sensitive, due, asked_at in repo.open_request_rows():
        if app_id not in open_stage:
            continue
        note = "; personal documents: record what you send with `inwriting share`" * sensitive
        when = f", due {due.isoformat()}" if due else ""
        add(
            "request",
            app_id,
            due or asked_at.date(),
            f"{rows[app_id].company} asked: {what}{when}{note}",
        )

    # Verbal offers: recorded, and not an offer yet.
    for app_id, row in rows.items():
        if row.stage != "verbal_offer":
            continue
        due = written_offer_due.get(app_id)
        waiting = f"; the written offer was promised by {due.isoformat()}" if due else ""
        add(
            "verbal_offer",
            app_id,
            due or today,
            f"{row.company} ({row.role}): verbal offer — not yet an offer{waiting}; "
            "do not resign or stop applying on it",
        )

    items.append(_pipeline(rows.values(), today))
    return ordered(items)


def _pipeline(rows: Any, today: date) -> AgendaItem:
    live = 0
    accepted = False
    last_new: date | None = None
    for row in rows:
        if row.stage in LIVE_STAGES:
            live += 1
        if row.stage == "accepted":
            accepted = True
        if row.applied_on is not None and (last_new is None or row.applied_on > last_new):
            last_new = row.applied_on
    return AgendaItem(
        "pipeline",
        None,
        None,
        None,
        today,
        pipeline_text(live=live, last_new=last_new, today=today, accepted=accepted),
    )

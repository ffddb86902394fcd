"""The follow-up cadence: when the next polite follow-up may go out, and when silence means
*gone quiet*. Pure: every function takes `today`, the employer's calendar and the policy.

The rules (DESIGN.md, "Follow-up policy"):

- an open promise with a stated date: follow up on the policy's `after_due`-th business day after
  it is due; with a policy date (nothing was said), on that date itself;
- nothing open: expect an answer within `no_date_answer_within` business days of the last contact;
- never two follow-ups within `min_gap` business days of each other;
- at most `max_unanswered` follow-ups since the last contact from the employer;
- the last unanswered follow-up plus `gone_quiet_after` business days: *gone quiet*;
- any contact from the employer closes the loop: the count of unanswered follow-ups starts over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from inwriting.domain.calendar import BusinessCalendar
from inwriting.domain.policy import FollowUpPolicy, first_follow_up, policy_due


@dataclass(frozen=True)
class Expectation:
    """Something the employer owes, as far as the cadence cares: due when, and how dated."""

    due: date
    due_source: str  # stated | policy


@dataclass(frozen=True)
class Cadence:
    """Where an application stands in the follow-up cadence on a given day.

    `next_on` is the first day a follow-up may go out (None once `max_unanswered` follow-ups are
    unanswered); `due_now` says whether that day has come. `gone_quiet_on` is set once the last
    allowed follow-up went out unanswered; `gone_quiet` says whether that day has come.
    """

    today: date
    expected_on: date  # when an answer is expected
    next_on: date | None
    unanswered: int
    gone_quiet_on: date | None
    reason: str  # why next_on is that day, in plain words

    @property
    def due_now(self) -> bool:
        return self.next_on is not None and self.next_on <= self.today

    @property
    def gone_quiet(self) -> bool:
        return self.gone_quiet_on is not None and self.gone_quiet_on <= self.today


def follow_up_from(
    expectations: Sequence[Expectation],
    last_contact: date,
    calendar: BusinessCalendar,
    policy: FollowUpPolicy,
) -> tuple[date, date, str]:
    """(expected_on, first follow-up day, reason) before the gap rule is applied.

    The earliest open expectation governs: it is the first one that can be missed.
    """
    if expectations:
        first = min(expectations, key=lambda e: e.due)
        if first.due_source == "stated":
            day = first_follow_up(first.due, calendar, policy)
            reason = (
                f"they said by {first.due.isoformat()}; a follow-up is polite "
                f"{policy.after_due} business days after that"
            )
        else:
            day = first.due
            reason = (
                f"no date was given, so an answer is expected by {first.due.isoformat()} "
                f"({policy.no_date_answer_within} business days)"
            )
        return first.due, day, reason
    expected = policy_due(last_contact, calendar, policy)
    reason = (
        f"no date was given, so an answer is expected within "
        f"{policy.no_date_answer_within} business days of the last contact "
        f"({last_contact.isoformat()})"
    )
    return expected, expected, reason


def cadence(
    *,
    today: date,
    last_contact: date,
    expectations: Sequence[Expectation],
    follow_ups: Sequence[date],
    unanswered: Sequence[date],
    calendar: BusinessCalendar,
    policy: FollowUpPolicy,
) -> Cadence:
    """The cadence on `today`.

    `last_contact` is the day of the last contact from the employer (or of the application, when
    they never wrote). `follow_ups` are the days of every follow-up the user sent: even answered
    ones count for the minimum gap. `unanswered` are those sent after the last contact (the
    caller compares instants, so a follow-up and a reply on the same day are told apart).
    """
    expected_on, start, reason = follow_up_from(expectations, last_contact, calendar, policy)
    pending = sorted(unanswered)
    if len(pending) >= policy.max_unanswered:
        base = pending[-1] if pending else start
        return Cadence(
            today=today,
            expected_on=expected_on,
            next_on=None,
            unanswered=len(pending),
            gone_quiet_on=calendar.add_business_days(base, policy.gone_quiet_after),
            reason=(
                f"{len(pending)} follow-up(s) went unanswered; "
                f"{policy.gone_quiet_after} business days after the last one it counts as "
                "gone quiet"
            ),
        )
    next_on = start
    if pending:
        # Silence after a follow-up: the next one waits out the gap, whatever was due.
        after_gap = calendar.add_business_days(pending[-1], policy.min_gap)
        if after_gap > next_on:
            next_on = after_gap
            reason = (
                f"your follow-up of {pending[-1].isoformat()} is unanswered; the next may go "
                f"{policy.min_gap} business days after it"
            )
    if follow_ups:
        latest = max(follow_ups)
        gap_end = calendar.add_business_days(latest, policy.min_gap)
        if gap_end > next_on:
            next_on = gap_end
            reason = (
                f"you followed up on {latest.isoformat()}; never two follow-ups within "
                f"{policy.min_gap} business days"
            )
    return Cadence(
        today=today,
        expected_on=expected_on,
        next_on=calendar.on_or_after(next_on),
        unanswered=len(pending),
        gone_quiet_on=None,
        reason=reason,
    )


def is_gone_quiet(state: Cadence) -> bool:
    """Whether the application has gone quiet on the cadence's day."""
    return state.gone_quiet


def thank_you_by(interview_on: date, calendar: BusinessCalendar, policy: FollowUpPolicy) -> date:
    """The last day a thank-you note for an interview is on time."""
    return calendar.add_business_days(interview_on, policy.thank_you_within)

"""The follow-up policy: how long to wait, and how often to ask. Defaults from DESIGN.md.

The numbers are configurable (config file, per user); the functions are pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inwriting.domain.calendar import BusinessCalendar


@dataclass(frozen=True)
class FollowUpPolicy:
    """Business-day counts that make a polite cadence."""

    thank_you_within: int = 1  # thank-you note to each interviewer within N business days
    after_due: int = 2  # follow up on the N-th business day after a dated promise is due
    no_date_answer_within: int = 7  # no date stated: expect an answer within N business days
    min_gap: int = 5  # never two follow-ups within N business days of each other
    max_unanswered: int = 2  # at most N unanswered follow-ups
    gone_quiet_after: int = 5  # after the last unanswered follow-up plus N days: gone quiet


DEFAULT_POLICY = FollowUpPolicy()


def policy_due(last_contact: date, calendar: BusinessCalendar, policy: FollowUpPolicy) -> date:
    """The date an answer is expected when nobody stated one."""
    return calendar.add_business_days(last_contact, policy.no_date_answer_within)


def first_follow_up(due: date, calendar: BusinessCalendar, policy: FollowUpPolicy) -> date:
    """The first day a polite follow-up may go out for something due on `due`."""
    return calendar.add_business_days(due, policy.after_due)

"""The follow-up cadence: worked examples, and properties that hold for any policy and calendar.

The property tests simulate a job seeker who follows up every day the cadence allows, while the
employer replies on random days, and check the promises DESIGN.md makes about the cadence.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from inwriting.domain.calendar import BusinessCalendar
from inwriting.domain.followup import Cadence, Expectation, cadence, thank_you_by
from inwriting.domain.policy import DEFAULT_POLICY, FollowUpPolicy

MON = date(2026, 11, 2)  # a Monday
PLAIN = BusinessCalendar()


def state(
    today: date,
    *,
    last_contact: date = MON,
    expectations: list[Expectation] | None = None,
    follow_ups: list[date] | None = None,
    unanswered: list[date] | None = None,
    calendar: BusinessCalendar = PLAIN,
    policy: FollowUpPolicy = DEFAULT_POLICY,
) -> Cadence:
    sent = follow_ups or []
    return cadence(
        today=today,
        last_contact=last_contact,
        expectations=expectations or [],
        follow_ups=sent,
        unanswered=sent if unanswered is None else unanswered,
        calendar=calendar,
        policy=policy,
    )


def test_with_no_date_an_answer_is_expected_within_seven_business_days() -> None:
    # GIVEN contact on Monday 2 November and nothing promised
    s = state(MON)
    # THEN the first follow-up is 7 business days later: Wednesday 11 November
    assert s.next_on == date(2026, 11, 11)
    assert not s.due_now
    assert state(date(2026, 11, 11)).due_now


def test_a_dated_promise_is_followed_up_on_the_second_business_day_after() -> None:
    # "a decision on Friday 6 November" → follow up Tuesday 10 November
    s = state(MON, expectations=[Expectation(date(2026, 11, 6), "stated")])
    assert s.next_on == date(2026, 11, 10)
    assert "6" in s.reason or "2026-11-06" in s.reason


def test_a_policy_dated_promise_is_followed_up_on_its_date() -> None:
    s = state(MON, expectations=[Expectation(date(2026, 11, 11), "policy")])
    assert s.next_on == date(2026, 11, 11)


def test_the_earliest_open_promise_governs() -> None:
    s = state(
        MON,
        expectations=[
            Expectation(date(2026, 11, 20), "stated"),
            Expectation(date(2026, 11, 4), "stated"),
        ],
    )
    assert s.next_on == date(2026, 11, 6)


def test_the_second_follow_up_waits_five_business_days() -> None:
    s = state(date(2026, 11, 12), follow_ups=[date(2026, 11, 11)])
    assert s.next_on == date(2026, 11, 18)
    assert s.unanswered == 1


def test_after_the_last_unanswered_follow_up_it_goes_quiet_five_business_days_later() -> None:
    sent = [date(2026, 11, 11), date(2026, 11, 18)]
    s = state(date(2026, 11, 24), follow_ups=sent)
    assert s.next_on is None
    assert s.gone_quiet_on == date(2026, 11, 25)
    assert not s.gone_quiet
    assert state(date(2026, 11, 25), follow_ups=sent).gone_quiet


def test_a_reply_closes_the_loop() -> None:
    sent = [date(2026, 11, 11), date(2026, 11, 18)]
    # they wrote on 26 November: nothing is unanswered, the clock starts again from there
    s = state(date(2026, 11, 27), last_contact=date(2026, 11, 26), follow_ups=sent, unanswered=[])
    assert not s.gone_quiet
    assert s.unanswered == 0
    assert s.next_on == date(2026, 12, 7)


def test_business_days_follow_the_employers_weekend() -> None:
    # Friday-Saturday weekend: from Wednesday 4 November, 7 business days is Sunday 15th
    gulf = BusinessCalendar(weekend=frozenset({4, 5}))
    s = state(date(2026, 11, 4), last_contact=date(2026, 11, 4), calendar=gulf)
    assert s.next_on == date(2026, 11, 15)
    assert thank_you_by(date(2026, 11, 5), gulf, DEFAULT_POLICY) == date(2026, 11, 8)


# --- properties -------------------------------------------------------------------------------

policies = st.builds(
    FollowUpPolicy,
    thank_you_within=st.integers(0, 3),
    after_due=st.integers(0, 4),
    no_date_answer_within=st.integers(1, 10),
    min_gap=st.integers(1, 8),
    max_unanswered=st.integers(0, 3),
    gone_quiet_after=st.integers(0, 8),
)
weekends = st.sampled_from(
    [frozenset({5, 6}), frozenset({4, 5}), frozenset({3, 4}), frozenset({6})]
)
calendars = st.builds(
    BusinessCalendar.for_country,
    st.sampled_from([None, None, "US", "SA", "GB"]),
    weekend=st.one_of(st.none(), weekends),
)


@settings(max_examples=150, deadline=None)
@given(
    policy=policies,
    calendar=calendars,
    start=st.dates(date(2025, 1, 1), date(2028, 12, 31)),
    reply_offsets=st.sets(st.integers(1, 120), max_size=6),
    promise_in=st.one_of(st.none(), st.integers(0, 30)),
)
def test_a_dutiful_follower_up_never_breaks_the_cadence(
    policy: FollowUpPolicy,
    calendar: BusinessCalendar,
    start: date,
    reply_offsets: set[int],
    promise_in: int | None,
) -> None:
    """Follow up every day the cadence allows for 150 days; the employer replies on some days
    (before the user acts that day)."""
    replies = {start + timedelta(days=n) for n in reply_offsets}
    promises = [Expectation(start + timedelta(days=promise_in), "stated")] if promise_in else []
    last_contact = start
    sent: list[date] = []
    unanswered: list[date] = []
    for offset in range(150):
        today = start + timedelta(days=offset)
        replied = today in replies
        if replied:
            last_contact = today
            unanswered = []
            promises = []  # the reply answered what was open
        s = cadence(
            today=today,
            last_contact=last_contact,
            expectations=promises,
            follow_ups=sent,
            unanswered=unanswered,
            calendar=calendar,
            policy=policy,
        )
        # never more than max_unanswered follow-ups without an answer
        assert s.unanswered <= policy.max_unanswered
        # a reply always reopens: not gone quiet, nothing unanswered
        if replied:
            assert not s.gone_quiet
            assert s.unanswered == 0
        # gone quiet only after the last allowed follow-up plus gone_quiet_after business days
        if s.gone_quiet:
            assert s.unanswered == policy.max_unanswered
            if unanswered:
                assert calendar.business_days_between(unanswered[-1], today) >= (
                    policy.gone_quiet_after
                )
        if s.next_on is not None:
            assert calendar.is_business_day(s.next_on)
        if s.due_now:
            # never two follow-ups within min_gap business days of each other
            for earlier in sent:
                assert calendar.business_days_between(earlier, today) >= policy.min_gap
            # and never before an answer was due
            assert today >= s.expected_on
            sent.append(today)
            unanswered.append(today)


@settings(max_examples=100, deadline=None)
@given(
    policy=policies,
    calendar=calendars,
    contact=st.dates(date(2025, 1, 1), date(2028, 12, 31)),
    due_in=st.integers(0, 40),
)
def test_a_stated_promise_is_never_chased_before_its_polite_day(
    policy: FollowUpPolicy, calendar: BusinessCalendar, contact: date, due_in: int
) -> None:
    due = contact + timedelta(days=due_in)
    s = cadence(
        today=contact,
        last_contact=contact,
        expectations=[Expectation(due, "stated")],
        follow_ups=[],
        unanswered=[],
        calendar=calendar,
        policy=policy,
    )
    if policy.max_unanswered == 0:
        assert s.next_on is None
    else:
        assert s.next_on is not None
        assert calendar.business_days_between(due, s.next_on) >= policy.after_due

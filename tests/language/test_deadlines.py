"""The due-date resolver, one date form at a time (docs/reader-contract.md, "Due dates").

GIVEN words said at a known moment WHEN resolved THEN the due date is what the contract says.
Wednesday 18 November 2026, 10:00, is the default moment: a mid-week day makes the difference
between "Friday", "this Friday" and "next Friday" visible.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from inwriting.domain.calendar import BusinessCalendar
from inwriting.language import resolve

WED = datetime(2026, 11, 18, 10, 0)  # Wednesday
US = BusinessCalendar.for_country("US")
THU_FRI = BusinessCalendar(weekend=frozenset({3, 4}))  # work week Saturday-Wednesday
FRI_SAT = BusinessCalendar(weekend=frozenset({4, 5}))  # work week Sunday-Thursday


def due(
    text: str, at: datetime = WED, cal: BusinessCalendar | None = None, locale: str = "en-US"
) -> date | None:
    found = resolve(text, at, cal or BusinessCalendar(), locale)
    return found.latest if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We'll call you today.", date(2026, 11, 18)),
        ("I'll ring you tonight.", date(2026, 11, 18)),
        ("You'll have it this afternoon.", date(2026, 11, 18)),
        ("by end of day", date(2026, 11, 18)),
        ("by EOD", date(2026, 11, 18)),
        ("by close of business", date(2026, 11, 18)),
        ("tomorrow", date(2026, 11, 19)),
        ("tomorrow morning", date(2026, 11, 19)),
        ("tonight or tomorrow noon", date(2026, 11, 19)),
        ("the day after tomorrow", date(2026, 11, 20)),
    ],
)
def test_days_said_by_name(text: str, expected: date) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Monday", date(2026, 11, 23)),
        ("by Friday", date(2026, 11, 20)),
        ("Wednesday", date(2026, 11, 25)),  # a bare weekday is strictly after the day said
        ("this Wednesday", date(2026, 11, 18)),  # "this" allows the day itself
        ("this Friday", date(2026, 11, 20)),
        ("next Thursday", date(2026, 11, 26)),  # the Thursday of next work week
        ("Thursday next week", date(2026, 11, 26)),
        ("next week on Thursday", date(2026, 11, 26)),
        ("Tuesday or Wednesday next week", date(2026, 11, 25)),
        ("next week, Monday to Thursday", date(2026, 11, 26)),
        ("by Weds", date(2026, 11, 25)),
    ],
)
def test_weekdays(text: str, expected: date) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this week", date(2026, 11, 20)),
        ("by the end of the week", date(2026, 11, 20)),
        ("later this week", date(2026, 11, 20)),
        ("next week", date(2026, 11, 27)),
        ("this week or next", date(2026, 11, 27)),
        ("early next week", date(2026, 11, 25)),  # the third working weekday of next week
        ("the week after next", date(2026, 12, 4)),
        ("end of the month", date(2026, 11, 30)),
        ("by the end of next month", date(2026, 12, 31)),
        ("before the end of the quarter", date(2026, 12, 31)),
        ("by the end of the year", date(2026, 12, 31)),
    ],
)
def test_weeks_months_quarters(text: str, expected: date) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("within 10 days", date(2026, 11, 28)),
        ("in 20 or 30 days", date(2026, 12, 18)),
        ("in 2-3 days", date(2026, 11, 21)),
        ("in a week", date(2026, 11, 25)),
        ("within two weeks", date(2026, 12, 2)),
        ("in a fortnight", date(2026, 12, 2)),
        ("within 48 hours", date(2026, 11, 20)),
        ("a couple of weeks", date(2026, 12, 2)),
        ("a few weeks", date(2026, 12, 9)),
    ],
)
def test_counted_days_and_weeks(text: str, expected: date) -> None:
    assert due(text) == expected


def test_business_days_come_from_the_calendar_and_its_holidays() -> None:
    # Thanksgiving (Thursday 26 November 2026) is not a working day in the US.
    assert due("within seven working days", cal=US) == date(2026, 11, 30)
    assert due("in 5 business days") == date(2026, 11, 25)
    assert due("a couple of days") == date(2026, 11, 20)
    assert due("a few days") == date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("December 4", "en-US", date(2026, 12, 4)),
        ("4 December 2026", "en-GB", date(2026, 12, 4)),
        ("Dec 4th", "en-US", date(2026, 12, 4)),
        ("2026-12-04", "en-US", date(2026, 12, 4)),
        ("12/4", "en-US", date(2026, 12, 4)),  # month first in the US
        ("4/12", "en-GB", date(2026, 12, 4)),  # day first elsewhere
        ("12/4", "en-CA", date(2026, 12, 4)),
        ("30/11", "en-US", date(2026, 11, 30)),  # a part over 12 settles it whatever the locale
        ("05-12-2026", "en-IN", date(2026, 12, 5)),
        ("Wed 17 Feb", "en-GB", date(2027, 2, 17)),  # no year: the next one on or after
    ],
)
def test_explicit_dates(text: str, locale: str, expected: date) -> None:
    assert due(text, locale=locale) == expected


def test_two_digit_years_are_this_century_and_19_is_a_day() -> None:
    said = datetime(2012, 12, 17, 9, 0)
    assert due("19/12/12 or 20/12/12", at=said) == date(2012, 12, 20)
    assert due("20/12/2012", at=said) == date(2012, 12, 20)


def test_by_the_15th_is_never_in_the_past() -> None:
    assert due("by the 25th") == date(2026, 11, 25)
    assert due("by the 15th") == date(2026, 12, 15)
    assert due("We will respond by the 3rd.", at=datetime(2027, 1, 14)) == date(2027, 2, 3)


def test_friday_at_3_is_friday_at_three_in_the_afternoon() -> None:
    found = resolve("Our recruiter will phone you Friday at 3.", WED, BusinessCalendar())
    assert found is not None
    assert found.latest == date(2026, 11, 20)
    assert found.time == time(15, 0)


def test_tomorrow_noon_keeps_its_time() -> None:
    found = resolve("The letter goes out tomorrow noon.", WED, BusinessCalendar())
    assert found is not None and found.time == time(12, 0)


def test_work_weeks_follow_the_weekend() -> None:
    # Thursday-Friday weekend: the work week is Saturday-Wednesday, so it ends today.
    assert due("by the end of the week", cal=THU_FRI) == date(2026, 11, 18)
    assert due("this week or next", cal=THU_FRI) == date(2026, 11, 25)
    # Friday-Saturday weekend: the work week ends on Thursday; Sunday is a working day.
    assert due("next Tuesday", cal=FRI_SAT) == date(2026, 11, 24)
    assert due("within four business days", cal=FRI_SAT) == date(2026, 11, 24)


@pytest.mark.parametrize(
    "text",
    [
        "We'll be in touch soon.",
        "We'll let you know shortly.",
        "ASAP",
        "You will hear from us in due course.",
        "We will notify you of our decision on X date.",
        "We will decide by [DATE].",
        "We will call you.",
        "your office will be next to mine",  # "next" is not next week
        "we are excited",  # "we" is not Wednesday
        "We may call you back.",  # "may" is not May
        "We've been open 24/7 since 2019.",
    ],
)
def test_no_time_stated_gives_none(text: str) -> None:
    assert resolve(text, WED, BusinessCalendar()) is None


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for coming in on Monday.",
        "We met last Tuesday.",
        "I spoke to the panel yesterday.",
        "We interviewed you two weeks ago.",
    ],
)
def test_dates_in_the_past_are_not_dues(text: str) -> None:
    assert resolve(text, WED, BusinessCalendar()) is None


def test_a_past_date_beside_a_future_one_leaves_the_future_one() -> None:
    assert due("Thanks for coming in on Monday; we'll decide by Friday.") == date(2026, 11, 20)


def test_start_dates_and_cancelled_days_are_not_dues() -> None:
    assert resolve("You'd start on January 4.", WED, BusinessCalendar()) is None
    assert resolve("We had to cancel tomorrow's interview.", WED, BusinessCalendar()) is None


def test_an_explicit_past_date_is_not_a_due() -> None:
    assert resolve("on 2026-11-02", WED, BusinessCalendar()) is None


def test_deadlines_only_keeps_dates_said_as_deadlines() -> None:
    text = "Could you confirm by tonight whether you can make Thursday?"
    found = resolve(text, WED, BusinessCalendar(), deadlines_only=True)
    assert found is not None and found.latest == date(2026, 11, 18)
    assert resolve("your availability for next week", WED, deadlines_only=True) is None


def test_interval_runs_from_the_earliest_to_the_latest_plausible_day() -> None:
    found = resolve("this week or next", WED, BusinessCalendar())
    assert found is not None
    assert (found.earliest, found.latest) == (date(2026, 11, 18), date(2026, 11, 27))


def test_an_aware_time_is_read_as_the_employers_wall_clock() -> None:

    late = datetime(2026, 11, 18, 23, 30, tzinfo=UTC)
    assert due("tomorrow", at=late) == date(2026, 11, 19)


# --- families read from the dev batches 5-9 -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please provide your referees by close of business on Monday.", date(2026, 11, 23)),
        ("Could you revert by end of day Tuesday?", date(2026, 11, 24)),
        ("Please sign and return it by COB Friday 29/01/2027.", date(2027, 1, 29)),
        ("Please complete the form by end of day Friday so we can start.", date(2026, 11, 20)),
        ("Send it EOD Mon please.", date(2026, 11, 23)),
        ("To accept, reply by 5pm Friday 30 April.", date(2027, 4, 30)),
        ("Sign electronically by 11:59 p.m. PT on December 1, 2026.", date(2026, 12, 1)),
        ("Please send it by end of day.", date(2026, 11, 18)),  # no day named: today
    ],
)
def test_the_end_of_a_named_day_is_a_deadline_on_that_day(text: str, expected: date) -> None:
    found = resolve(text, WED, BusinessCalendar(), "en-GB", deadlines_only=True)
    assert found is not None and found.latest == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("come in for a trial shift sat 4pm", date(2026, 11, 21)),
        ("can u do a trial shift mon 6am?", date(2026, 11, 23)),
        ("can u do next tues 10am for the final?", date(2026, 11, 24)),
        ("HR will msg the result tues or wed next week", date(2026, 11, 25)),
        ("are you free this sat?", date(2026, 11, 21)),
        ("we can meet thurs or fri", date(2026, 11, 20)),
    ],
)
def test_abbreviated_weekdays_in_terse_messages(text: str, expected: date) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    "text",
    ["We sat down with the team.", "The sun was out at the careers fair.", "we wed in June"],
)
def test_the_words_sat_sun_and_wed_are_not_days(text: str) -> None:
    found = resolve(text, WED, BusinessCalendar())
    assert found is None or found.latest.month == 6  # "in June" is a month, not a Wednesday


def test_next_tues_is_the_tuesday_of_next_work_week_under_any_weekend() -> None:
    thursday = datetime(2026, 11, 19, 9, 0)
    assert due("next tues 10am", at=thursday) == date(2026, 11, 24)
    # Under a Thursday-Friday weekend, Thursday belongs to the week from Saturday 21: "next" is
    # the week after that one.
    assert due("next tues 10am", at=thursday, cal=THU_FRI) == date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("The GM will take your final round in fifteen minutes.", WED, date(2026, 11, 18)),
        ("We'll call you back in half an hour.", WED, date(2026, 11, 18)),
        ("I'll ring you in 45 mins.", datetime(2026, 11, 18, 23, 30), date(2026, 11, 19)),
        ("You'll hear from us in two hours.", datetime(2026, 11, 18, 23, 0), date(2026, 11, 19)),
    ],
)
def test_minutes_and_hours_from_now_fall_on_the_day_of_that_moment(
    text: str, at: datetime, expected: date
) -> None:
    assert due(text, at=at) == expected


def test_a_length_in_minutes_is_no_time() -> None:
    assert resolve("The test takes 45 minutes.", WED, BusinessCalendar()) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This offer expires January 6, 2027.", date(2027, 1, 6)),
        ("This offer is valid until 4 December.", date(2026, 12, 4)),
        ("The offer remains open until Friday.", date(2026, 11, 20)),
        ("The offer is valid through December 4.", date(2026, 12, 4)),
    ],
)
def test_an_offers_expiry_is_its_deadline(text: str, expected: date) -> None:
    found = resolve(text, WED, BusinessCalendar(), deadlines_only=True)
    assert found is not None and found.latest == expected


def test_a_clawback_window_is_no_deadline() -> None:
    text = (
        "Sign-on bonus: $25,000 (repayable if you leave within 12 months). "
        "Start date: Monday, January 25, 2027. This offer expires January 6, 2027."
    )
    assert due(text) == date(2027, 1, 6)
    assert resolve("Repayable if you leave within 12 months.", WED, BusinessCalendar()) is None


@pytest.mark.parametrize(
    ("text", "cal", "expected"),
    [
        ("Sign-off won't happen until the week of January 4.", None, date(2027, 1, 8)),
        ("We'll decide in the week commencing 7 December.", None, date(2026, 12, 11)),
        ("Interviews are w/c 7/12.", None, date(2026, 12, 11)),
        ("Sign-off won't happen until the week of January 4.", FRI_SAT, date(2027, 1, 7)),
    ],
)
def test_the_week_of_a_date_ends_on_that_work_weeks_last_day(
    text: str, cal: BusinessCalendar | None, expected: date
) -> None:
    assert due(text, cal=cal, locale="en-GB") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your role is on hold for a few weeks.", date(2026, 12, 9)),
        (
            "The hiring freeze announced last week means your role is on hold for a few weeks.",
            date(2026, 12, 9),
        ),
        ("We'll be quiet for a couple of weeks.", date(2026, 12, 2)),
        ("I'll need two references within the fortnight if you can.", date(2026, 12, 2)),
        ("over the next fortnight", date(2026, 12, 2)),
    ],
)
def test_fuzzy_durations_run_from_when_they_were_said(text: str, expected: date) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No news yet from head office, they said next week. Will update.", date(2026, 11, 27)),
        ("HR told us the end of the month.", date(2026, 11, 30)),
    ],
)
def test_a_time_relayed_from_someone_else_is_the_new_time(text: str, expected: date) -> None:
    assert due(text) == expected


def test_a_day_that_was_the_time_of_speaking_stays_in_the_past() -> None:
    assert resolve("As I mentioned Monday, we are still deciding.", WED, BusinessCalendar()) is None


@pytest.mark.parametrize(
    "text",
    [
        "Can you send your licence before you head off tonight?",
        "Please send it before you log off today.",
    ],
)
def test_leaving_for_the_day_is_not_being_away(text: str) -> None:
    found = resolve(text, WED, BusinessCalendar(), deadlines_only=True)
    assert found is not None and found.latest == date(2026, 11, 18)


def test_a_day_off_or_a_closure_is_still_not_a_due() -> None:
    assert resolve("I have a day off Monday.", WED, BusinessCalendar()) is None
    friday = datetime(2026, 11, 20, 9, 0)
    text = "Our office is closed Thursday and Friday. Dana will reach out Monday."
    assert due(text, at=friday) == date(2026, 11, 23)


def test_the_time_set_aside_is_not_the_new_time() -> None:
    text = "The approval will now land on Monday rather than this week."
    assert due(text, at=datetime(2026, 11, 15, 9, 0), cal=THU_FRI) == date(2026, 11, 16)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Your slot on Friday no longer works, we'll have to push it back a week.",
            date(2026, 11, 27),
        ),
        ("The call on 24 November is moved back by two days.", date(2026, 11, 26)),
        ("We need to push it back a week.", date(2026, 11, 25)),  # no day named: from today
    ],
)
def test_pushing_a_named_day_back_moves_that_day(text: str, expected: date) -> None:
    assert due(text, locale="en-GB") == expected


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        (
            "The check usually takes a few days; I'll send your pack by Friday at the latest.",
            datetime(2026, 11, 19, 9, 0),
            date(2026, 11, 20),
        ),
        (
            "They're seeing two more people Thursday. They've said this Friday at the latest.",
            datetime(2026, 11, 20, 9, 0),
            date(2026, 11, 20),
        ),
        # In its own sentence it is one of the alternatives, and the later one wins.
        (
            "I'll have the paperwork to you by end of month, Monday at the latest.",
            datetime(2026, 11, 27, 9, 0),
            date(2026, 11, 30),
        ),
    ],
)
def test_a_day_said_as_the_latest_bounds_the_other_sentences(
    text: str, at: datetime, expected: date
) -> None:
    assert due(text, at=at) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our hiring manager is on annual leave until next Tuesday, so interviews are pushed "
            "back. We'll be in touch with a new date.",
            None,
        ),
        (
            "The hiring manager is out through Monday, so we won't have feedback until sometime "
            "next week.",
            date(2026, 11, 27),
        ),
    ],
)
def test_the_day_someone_comes_back_is_not_a_due(text: str, expected: date | None) -> None:
    assert due(text) == expected


def test_a_time_inside_a_cause_sets_the_scene() -> None:
    text = (
        "Due to the volume of applications this year, reviews are taking longer. "
        "We aim to update you by the end of March."
    )
    assert due(text) == date(2027, 3, 31)
    assert due("The contract is due to arrive Friday.") == date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I've put you forward to the client this morning, waiting on slots.", None),
        ("The team asked after you this morning.", None),
        ("We'll call you this morning.", date(2026, 11, 18)),
        ("We've booked a call for this morning.", date(2026, 11, 18)),
    ],
)
def test_something_done_this_morning_is_not_a_due(text: str, expected: date | None) -> None:
    assert due(text) == expected


def test_a_count_from_now_stays_ahead_after_a_past_verb() -> None:
    assert due("Client's promised me feedback in the next few days.") == date(2026, 11, 23)


# --- families read from the dev batches 15-19 ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Could you send the references? Monday works if that's doable.", date(2026, 11, 23)),
        ("Please send the form; Friday would be great if you can.", date(2026, 11, 20)),
        ("Could you send your availability? Monday works for us.", None),  # a slot, not a deadline
    ],
)
def test_a_day_offered_softly_in_a_request_is_its_deadline(
    text: str, expected: date | None
) -> None:
    found = resolve(text, WED, BusinessCalendar(), deadlines_only=True)
    assert (found.latest if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We offer you a full-time, fixed-term contract until 30 June 2028. "
            "Please confirm by returning it by 9/4.",
            date(2027, 4, 9),
        ),
        ("The secondment runs until March 2027.", None),
        ("Your contract ends on 31 December 2027.", None),
        ("Please return the signed contract by Friday.", date(2026, 11, 20)),
    ],
)
def test_the_term_a_job_lasts_is_no_due(text: str, expected: date | None) -> None:
    assert due(text, locale="en-AU") == expected


def test_a_last_document_is_not_the_past() -> None:
    # "Your last salary certificate" names a document; it does not put the count in the past.
    saudi = BusinessCalendar.for_country("SA")
    text = (
        "Kindly submit your Iqama copy, passport copy and last salary certificate "
        "within 3 working days."
    )
    # Sunday 7 March 2027; the Saudi calendar's holidays fall in between.
    found = resolve(text, datetime(2027, 3, 7, 11, 0), saudi, "en-GB", deadlines_only=True)
    assert found is not None
    assert found.latest == saudi.add_business_days(date(2027, 3, 7), 3)
    assert resolve("We spoke last time on Monday.", WED, BusinessCalendar()) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The offer will be delayed to January.", date(2027, 1, 31)),
        ("The final round has been moved to March.", date(2027, 3, 31)),
        ("It's been pushed out to February.", date(2027, 2, 28)),
        ("The interview was moved to Thursday.", date(2026, 11, 19)),
        ("We look forward to March.", None),  # "to" alone moves nothing
    ],
)
def test_a_time_moved_to_a_month_ends_with_that_month(text: str, expected: date | None) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We will send the offer letter after Sunday.",
        "You'll hear after the 25th.",
    ],
)
def test_after_a_day_states_no_end(text: str) -> None:
    assert resolve(text, WED, BusinessCalendar()) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HM out sick, decision now Mon", date(2026, 11, 23)),
        ("Still waiting on HM, prob next wk", date(2026, 11, 27)),
        ("should hear this wk", date(2026, 11, 20)),
        ("in 2 wks", date(2026, 12, 2)),
        ("She has now sat the test.", None),  # "now sat" is the verb
    ],
)
def test_terse_abbreviations_for_days_and_weeks(text: str, expected: date | None) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Canceled: Onsite interview @ Tue Nov 24",
        "Cancelled event: Panel interview @ Fri 20 Nov 2026 10am",
    ],
)
def test_the_day_of_a_cancelled_calendar_item_is_no_due(text: str) -> None:
    assert resolve(text, WED, BusinessCalendar()) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The requisition has been frozen for three weeks while we wait on next year's "
            "headcount.",
            date(2026, 12, 9),
        ),
        ("role's frozen for now, budget stuff at year end. not a no, just a pause", None),
        ("We'll know by the end of next year.", date(2027, 12, 31)),
        ("We'll decide at year end.", date(2026, 12, 31)),
        ("The trial lasts for 3 days.", None),  # a length, not a hold that ends
    ],
)
def test_a_budgets_year_is_a_topic_and_a_freeze_ends_when_said(
    text: str, expected: date | None
) -> None:
    assert due(text) == expected


def test_a_meeting_week_to_lock_in_is_not_a_requests_deadline() -> None:
    text = (
        "Could you send your availability for a panel interview by 7/5? "
        "We're trying to lock in the week of July 12."
    )
    said = datetime(2027, 6, 30, 11, 20)
    found = resolve(text, said, BusinessCalendar(), "en-CA", deadlines_only=True)
    assert found is not None and found.latest == date(2027, 7, 5)


def test_next_to_next_week_is_the_week_after_next() -> None:
    assert due("Next to next week you will meet the CEO.") == date(2026, 12, 4)
    assert due("Next to next week you will meet the CEO.", cal=FRI_SAT) == date(2026, 12, 3)
    assert resolve("your desk is next to mine", WED, BusinessCalendar()) is None


def test_a_time_beside_a_day_set_aside_is_not_a_time_today() -> None:
    assert resolve("You'd start on January 4 at 9am.", WED, BusinessCalendar()) is None
    assert due("We'll call you at 3.") == date(2026, 11, 18)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What does your calendar look like over the next couple of weeks? Need a slot.", None),
        ("Which afternoons are you around for over the next fortnight?", None),
        ("Please send your availability within 2 days.", date(2026, 11, 20)),
        ("Please complete the modules over the next two weeks.", date(2026, 12, 2)),
    ],
)
def test_a_span_to_pick_a_slot_in_is_no_deadline(text: str, expected: date | None) -> None:
    found = resolve(text, WED, BusinessCalendar(), deadlines_only=True)
    assert (found.latest if found else None) == expected


def _deadline(text: str) -> date | None:
    found = resolve(text, WED, BusinessCalendar(), deadlines_only=True)
    return found.latest if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are extending your placement by three months.", None),
        ("The client would like an extension by six months.", None),
        ("We've extended the offer deadline by a week.", date(2026, 11, 25)),
        ("Please reply by two weeks from now.", date(2026, 12, 2)),
    ],
)
def test_what_a_contract_is_extended_by_is_a_length(text: str, expected: date | None) -> None:
    assert due(text) == expected


def test_an_extension_length_does_not_outrun_the_signing_deadline() -> None:
    text = (
        "We'd like to extend your fixed-term contract by six months, to 30 June 2027. "
        "Could you sign the extension letter by 31 December?"
    )
    assert _deadline(text) == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This offer expires one week from today.", date(2026, 11, 25)),
        ("We'll decide ten days from now.", date(2026, 11, 28)),
        ("The offer is open for 2 weeks from today.", date(2026, 12, 2)),
        ("You'll hear from us three business days from today.", date(2026, 11, 23)),
    ],
)
def test_a_count_from_today_is_that_day(text: str, expected: date) -> None:
    assert due(text) == expected
    assert _deadline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sorry, today's interview is cancelled. We will reschedule and inform you.", None),
        ("Friday's call has been postponed; we'll be in touch.", None),
        ("The interview scheduled for Thursday has been cancelled and will be rebooked.", None),
        ("The call booked for the 20th was called off.", None),
        ("The interview scheduled for Thursday is confirmed.", date(2026, 11, 19)),
        ("The interview scheduled for Thursday has been moved to Monday.", date(2026, 11, 23)),
        ("Today's deadline still stands.", date(2026, 11, 18)),
    ],
)
def test_the_day_of_something_called_off_is_not_due(text: str, expected: date | None) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Counsel needs your three latest pay stubs. Tuesday next week at the latest, please.",
            date(2026, 11, 24),
        ),
        ("Send the signed form Friday at the latest.", date(2026, 11, 20)),
        ("We'd like to meet Tuesday next week.", None),
    ],
)
def test_a_day_at_the_latest_is_a_deadline(text: str, expected: date | None) -> None:
    assert _deadline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We thought we'd have an answer for you today, but it'll be a bit longer.", None),
        ("We hoped to decide on Monday, but the owners are away.", None),
        ("We expected to finish today, but it'll be Friday now.", date(2026, 11, 20)),
        ("We hope to have an answer for you today.", date(2026, 11, 18)),
    ],
)
def test_an_expectation_that_fell_through_is_not_the_new_due(
    text: str, expected: date | None
) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We're still finalising graduate numbers for next year, so now mid next week.",
            date(2026, 11, 25),
        ),
        ("Our hiring plans for the next quarter are not set.", None),
        ("We'll decide by the end of next year.", date(2027, 12, 31)),
    ],
)
def test_a_year_planned_for_is_a_topic_not_a_due(text: str, expected: date | None) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please complete your video interview by 23:59 on Sunday 11 July.", date(2027, 7, 11)),
        ("Please return the form by 17:00 on Friday.", date(2026, 11, 20)),
        ("We spoke at 10:30 on Friday 13 November about the role.", None),
    ],
)
def test_a_time_then_on_then_the_day_is_a_deadline_on_that_day(
    text: str, expected: date | None
) -> None:
    assert _deadline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The CFO got pulled into a year-end issue, so we'll have to reschedule.", None),
        ("Month-end processing has the team tied up; we'll be in touch.", None),
        ("We'll have an answer by year-end.", date(2026, 12, 31)),
    ],
)
def test_period_end_naming_work_is_not_a_date(text: str, expected: date | None) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Could you send me a few windows over the next two weeks for a final chat?", None),
        ("Send me some times over the next 10 days that suit you.", None),
        ("Please send your availability within the next two weeks.", date(2026, 12, 2)),
        ("Please send the signed contract over the next two weeks.", date(2026, 12, 2)),
    ],
)
def test_a_span_to_pick_a_slot_in_is_not_a_deadline(text: str, expected: date | None) -> None:
    assert _deadline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Further to our call this morning, I'm pleased to confirm your appointment.", None),
        ("Following our conversation this morning, here is the offer.", None),
        ("I'll send the contract after our call this morning.", date(2026, 11, 18)),
    ],
)
def test_this_morning_after_our_call_is_past(text: str, expected: date | None) -> None:
    assert due(text) == expected


# ------------------------------------------------------------------ families from rounds 6 and 7


@pytest.mark.parametrize(
    ("text", "said", "expected"),
    [
        # the day of something still going ahead is its due; a day that is only named is not
        ("Friday's final interview will go ahead with just you.", WED, date(2026, 11, 20)),
        ("Bear in mind Monday's a public holiday.", WED, None),
        # a list of days this week: the latest still ahead
        ("Ideally Thursday or Friday this week.", datetime(2026, 11, 19, 9), date(2026, 11, 20)),
        # a day passed on from someone else is still ahead
        ("It's still with legal. I've been told Friday.", WED, date(2026, 11, 20)),
        ("Sign-off has been pushed into January.", WED, date(2027, 1, 31)),
        ("I'll have an answer for you by close of play.", WED, date(2026, 11, 18)),
        ("She'll ring you back this arvo.", WED, date(2026, 11, 18)),
        # a busy spell and a return from travel set the scene; they owe nothing
        (
            "Approvals are running slow this month; I'm told five business days.",
            WED,
            date(2026, 11, 25),
        ),
        ("Our GM still has to countersign and she's interstate until Thursday.", WED, None),
        ("He wants 118 base, 30 percent variable.", WED, None),
        # the eighth round
        ("I'd pencil in a decision by Friday week.", WED, date(2026, 11, 27)),
        ("We'll have an update for you in a week or so.", WED, date(2026, 11, 25)),
        ("I'll revert in two, three days max.", WED, date(2026, 11, 21)),
        ("I'll call you back after lunch once I've talked to Dave.", WED, date(2026, 11, 18)),
        ("Please sign within 48 hrs so we can lock it in.", WED, date(2026, 11, 20)),
        (
            "She's back on shift Thursday; I'll email you her decision within three working days.",
            WED,
            date(2026, 11, 23),
        ),
        (
            "The panel can't do Wednesday after all, so we'll move you to Monday.",
            WED,
            date(2026, 11, 23),
        ),
        (
            "You are requested to report for duty within 15 days of receipt of this letter.",
            WED,
            None,
        ),
        ("Stuck while the end of quarter numbers are finalised.", WED, None),
        # the ninth round
        ("They're saying two weeks, tops.", WED, date(2026, 12, 2)),
        ("They're seeing two more people, so give it another week or two.", WED, date(2026, 12, 2)),
        ("The GM is out sick, we need to reschedule ur monday chat.", WED, None),
        ("I'll come back to you before we all knock off for the week.", WED, date(2026, 11, 20)),
        # the tenth round
        ("Kindly sign and upload it by 09-Dec-2026.", WED, date(2026, 12, 9)),
        ("Please accept on the portal by 9-dec-26.", WED, date(2026, 12, 9)),
        ("You'll hear from us before Christmas.", WED, date(2026, 12, 24)),
        ("I'll have an answer for you by Christmas Eve.", WED, date(2026, 12, 24)),
        # said in January, "before Christmas" is last Christmas: a hope reported, not a due
        ("I know we said before Christmas, sorry.", datetime(2027, 1, 6, 9), None),
        ("Sign-off will take one more week.", WED, date(2026, 11, 25)),
        ("Great to talk - we'd want you starting Monday the 7th.", WED, None),
        ("We can offer 18 lakhs with joining by 4th January.", WED, None),
        ("That's $80k with a December 1 start.", WED, None),
        ("We now need you from Monday 7 December instead.", WED, None),
        ("HR will share the start date by 30 November.", WED, date(2026, 11, 30)),
        ("This confirms our telephone conversation of Monday.", WED, None),
        ("I've sent a calendar invite for 11/24 at 2 p.m.", WED, date(2026, 11, 24)),
        (
            "You are appointed for a fixed term until 31 March 2028; please reply within 7 days.",
            WED,
            date(2026, 11, 25),
        ),
        # the eleventh round
        ("We'd like you on campus on December 3 and 4.", WED, date(2026, 12, 4)),
        ("Half the team is away, so we're looking at w/c 7th now.", WED, date(2026, 12, 11)),
        ("Could you come in for a chat a week Friday?", WED, date(2026, 11, 27)),
        ("The partner has promised me an answer Friday.", WED, date(2026, 11, 20)),
        ("The req needs re-approval, so we're looking at 2-3 weeks.", WED, date(2026, 12, 9)),
        ("Payroll is slow with approvals this month.", WED, None),
        ("Our MD is back on deck on the 30th.", WED, None),
        ("Further to your interview today, I'm pleased to confirm our offer.", WED, None),
        (
            "We're through to the last round: they want you Tues or Weds next week.",
            WED,
            date(2026, 11, 25),
        ),
        # the thirteenth round: relayed days, days behind, pay spread over months
        ("She said they'd like me back on the 24th.", WED, date(2026, 11, 24)),
        ("I know we said we'd have news by Friday, sorry.", WED, date(2026, 11, 20)),
        ("We're a couple of days behind; I'll update you on Monday.", WED, date(2026, 11, 23)),
        ("A salary of 52 000 EUR paid over 13 months.", WED, None),
        ("We reopen on January 5.", WED, None),
        ("No huge rush, but Monday would really help.", WED, date(2026, 11, 23)),
    ],
)
def test_wording_families_from_the_sixth_to_thirteenth_rounds(
    text: str, said: datetime, expected: date | None
) -> None:
    found = resolve(text, said)
    assert (found.latest if found else None) == expected


def test_a_holiday_after_by_or_before_is_a_deadline() -> None:
    assert _deadline("Please sign and return it before New Year's Eve.") == date(2026, 12, 30)
    assert _deadline("Send the forms by Christmas Eve.") == date(2026, 12, 24)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A reopening is owed to nobody.
        ("Our offices are closed until January 4 and I won't have an update before then.", None),
        ("The client's shut down until the 4th so nothing will happen before then.", None),
        # A cause that runs on into the new day still gives it.
        (
            "Due to some internal approvals the final decision is postponed to the 25th.",
            date(2026, 11, 25),
        ),
        ("I will update you by tomorrow or day after", date(2026, 11, 20)),
        ("We'll reschedule for next week.", date(2026, 11, 27)),
        # "Next" holds for every day of the list.
        ("You'd meet the CFO next Tuesday or Wednesday.", date(2026, 11, 25)),
        ("We wrapped up interviews on the 16th and will decide by the 24th.", date(2026, 11, 24)),
        (
            "I'll know more after the debrief Monday, and I'll ring you by Friday.",
            date(2026, 11, 20),
        ),
        ("We don't do Saturday interviews, but Monday works.", date(2026, 11, 23)),
    ],
)
def test_round_twenty_dates(text: str, expected: date | None) -> None:
    assert due(text) == expected

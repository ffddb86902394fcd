"""The reader, one kind at a time: what a worried job seeker is told about a statement.

GIVEN what an employer said, when and how, WHEN it is read, THEN the kind, the due date, the day
to follow up and the words of the explanation are what docs/reader-contract.md promises.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from inwriting.domain.calendar import BusinessCalendar
from inwriting.domain.policy import FollowUpPolicy
from inwriting.language import KINDS, Reading, read

WED = datetime(2026, 11, 18, 10, 0)


def test_the_issue_example_offer_letter_by_tomorrow_noon_by_phone() -> None:
    reading = read("The offer letter will be sent by tomorrow noon", WED, "phone")
    assert reading.kind == "promise"
    assert reading.due == date(2026, 11, 19)
    assert reading.due_time is not None and reading.due_time.hour == 12
    assert reading.follow_up_on == date(2026, 11, 23)  # two business days after Thursday
    assert "verbal offer is not an offer" in reading.explanation


@pytest.mark.parametrize(
    "text",
    [
        "We have decided to move forward with other candidates.",
        "Unfortunately, the position has been filled.",
        "After much deliberation, we will not be proceeding with your application.",
        "I'm sorry to say we've had to rescind the offer.",
        "We regret to inform you that you were not selected for the next stage.",
        "We loved meeting you, but we've decided to go with someone else.",
        "You were our first choice, but the role has been cancelled.",
    ],
)
def test_any_no_is_a_rejection_with_no_date_and_no_follow_up(text: str) -> None:
    reading = read(text, WED, "email")
    assert reading.kind == "rejection"
    assert reading.due is None and reading.follow_up_on is None
    assert "no" in reading.explanation.lower()
    assert "feedback" in reading.explanation  # what the user can still do


def test_a_rejection_wins_over_praise_and_promises_in_the_same_message() -> None:
    text = "You were great and we'll keep in touch, but we went with the other finalist."
    assert read(text, WED, "phone").kind == "rejection"


WRITTEN = (
    "We are pleased to offer you the position of Senior Data Analyst at a base salary of "
    "$118,000 per year, starting January 4, 2027. Your offer letter is attached."
)


def test_an_offer_with_terms_in_an_email_is_a_written_offer() -> None:
    reading = read(WRITTEN, WED, "email")
    assert reading.kind == "written_offer"
    assert reading.due is None  # the start date is not a due date
    assert "sign" in reading.explanation


def test_the_reply_deadline_of_a_written_offer_is_its_due() -> None:
    text = "Attached is your offer ($95,000 base). Please sign and return it by December 1."
    reading = read(text, WED, "letter")
    assert reading.kind == "written_offer"
    assert reading.due == date(2026, 12, 1)


@pytest.mark.parametrize("channel", ["phone", "in-person", "video", "message", None, "fax"])
def test_the_same_words_said_anywhere_but_email_or_letter_are_a_verbal_offer(
    channel: str | None,
) -> None:
    reading = read(WRITTEN, WED, channel)
    assert reading.kind == "verbal_offer"
    assert "not yet an offer" in reading.explanation
    assert "written offer" in reading.explanation


def test_an_email_offer_whose_terms_are_still_to_come_is_verbal() -> None:
    text = "We'd like to offer you the role! The formal offer letter will follow next Tuesday."
    reading = read(text, WED, "email")
    assert reading.kind == "verbal_offer"
    assert reading.due == date(2026, 11, 24)  # when the written offer was said to come
    assert reading.follow_up_on == date(2026, 11, 26)


def test_a_verbal_offer_is_due_when_the_letter_is_due_not_on_other_days() -> None:
    text = (
        "The job is yours. I'll call you tomorrow to talk it through, and the letter will follow."
    )
    reading = read(text, WED, "phone")
    assert reading.kind == "verbal_offer"
    assert reading.due is None
    assert reading.follow_up_on == date(2026, 11, 27)  # the policy: 7 business days


@pytest.mark.parametrize(
    "text",
    [
        "I look forward to working with you!",
        "You will be working with Bob on the platform team.",
        "Let me show you around the office.",
        "Our health plan is great and we match 401(k) up to 5%.",
        "Honestly, you're our first choice.",
        "Your office will be next to mine.",
        "We loved you.",
    ],
)
def test_enthusiasm_says_it_is_not_an_offer_and_why(text: str) -> None:
    reading = read(text, WED, "in-person")
    assert reading.kind == "enthusiasm"
    assert reading.due is None and reading.follow_up_on is None
    words = reading.explanation.lower()
    assert "not an offer" in words
    assert "not a decision" in words
    assert "finalists" in words and "same" in words  # others usually hear it too
    assert "does not move" in words  # the stage stays where it is


def test_enthusiasm_in_an_email_is_still_enthusiasm() -> None:
    assert read("I look forward to working with you!", WED, "email").kind == "enthusiasm"


@pytest.mark.parametrize(
    ("text", "expected_due"),
    [
        ("We'll let you know on Monday.", date(2026, 11, 23)),
        ("You'll hear from us by the end of the week.", date(2026, 11, 20)),
        ("We will contact you this week or next.", date(2026, 11, 27)),
        ("We'll call you.", None),
    ],
)
def test_promises(text: str, expected_due: date | None) -> None:
    reading = read(text, WED, "phone")
    assert reading.kind == "promise"
    assert reading.due == expected_due
    assert "promise" in reading.explanation.lower()


def test_a_promise_without_a_date_gets_the_policy_date_to_follow_up() -> None:
    reading = read("We'll be in touch.", WED, "email")
    assert reading.due is None
    assert reading.follow_up_on == date(2026, 11, 27)
    assert "No date was stated" in reading.explanation


def test_the_follow_up_policy_is_the_callers() -> None:
    patient = FollowUpPolicy(after_due=5, no_date_answer_within=10)
    dated = read("We'll decide by Friday.", WED, "phone", policy=patient)
    undated = read("We'll call you.", WED, "phone", policy=patient)
    assert dated.follow_up_on == date(2026, 11, 27)
    assert undated.follow_up_on == date(2026, 12, 2)


def test_business_days_and_follow_ups_follow_the_employers_weekend() -> None:
    thu_fri = BusinessCalendar(weekend=frozenset({3, 4}))
    reading = read("You'll have our answer by the end of the week.", WED, "email", calendar=thu_fri)
    assert reading.due == date(2026, 11, 18)  # the work week ends on Wednesday
    assert reading.follow_up_on == date(2026, 11, 22)  # Saturday and Sunday are working days


@pytest.mark.parametrize(
    ("text", "expected_due"),
    [
        ("The decision has been pushed back to next Tuesday.", date(2026, 11, 24)),
        ("The approver is travelling, it will be tonight or tomorrow noon.", date(2026, 11, 19)),
        ("We're still interviewing and don't have an update yet.", None),
        ("We need to postpone Monday's interview; I'll be in touch to rearrange.", None),
    ],
)
def test_delays(text: str, expected_due: date | None) -> None:
    reading = read(text, WED, "email")
    assert reading.kind == "delay"
    assert reading.due == expected_due
    assert "not a no" in reading.explanation


@pytest.mark.parametrize(
    ("text", "expected_due"),
    [
        ("We'd like to invite you to a final interview on Thursday at 3.", date(2026, 11, 19)),
        ("Next week you'll meet the VP.", date(2026, 11, 27)),
        ("We'll call you to schedule the next meeting this week or next.", date(2026, 11, 27)),
    ],
)
def test_next_steps(text: str, expected_due: date) -> None:
    reading = read(text, WED, "email")
    assert reading.kind == "next_step"
    assert reading.due == expected_due
    assert "not an offer" in reading.explanation


def test_a_meeting_time_is_kept() -> None:
    reading = read("We'd like to invite you to a final interview on Thursday at 3.", WED, "email")
    assert reading.due_time is not None and reading.due_time.hour == 15


@pytest.mark.parametrize(
    ("text", "kind", "expected_due"),
    [
        # Another event's later day in the same message is not the promise's day.
        (
            "The offer package is with legal because the equity terms changed this quarter. "
            "I'll have it over to you by Tuesday.",
            "promise",
            date(2026, 11, 24),
        ),
        (
            "The written task is attached. Could you send it back by Thursday at 5pm? "
            "I'm on leave from Friday until the 1st, so please copy in Tom.",
            "request",
            date(2026, 11, 19),
        ),
        # A bare hour in the promise's sentence takes its day from the rest.
        (
            "The decision is still on for Friday. I'll email you either way before 5.",
            "promise",
            date(2026, 11, 20),
        ),
    ],
)
def test_a_promise_or_request_is_due_on_its_own_day_not_another_events(
    text: str, kind: str, expected_due: date
) -> None:
    reading = read(text, WED, "email")
    assert reading.kind == kind
    assert reading.due == expected_due


@pytest.mark.parametrize(
    ("text", "expected_due"),
    [
        ("Could you send us two references by Friday?", date(2026, 11, 20)),
        ("Please complete the online assessment within 3 business days.", date(2026, 11, 23)),
        ("Can you share your availability for next week?", None),  # a window, not a deadline
    ],
)
def test_requests(text: str, expected_due: date | None) -> None:
    reading = read(text, WED, "email")
    assert reading.kind == "request"
    assert reading.due == expected_due
    assert reading.follow_up_on is None  # the task is the user's
    assert "asking you" in reading.explanation


@pytest.mark.parametrize(
    "text",
    [
        "The person in this role would report to the Head of Finance.",
        "If selected, you would start in January.",
        "If we were to make an offer, it would go out by Friday.",
        'Someone asked me, "when will we hear back?", and I said it depends.',
        "Last year we offered the role to an internal candidate.",
        "The parking garage entrance is on Elm Street.",
        "Typically we make decisions within two weeks, but every search is different.",
    ],
)
def test_neutral_hypothetical_quoted_and_logistics_are_other(text: str) -> None:
    reading = read(text, WED, "in-person")
    assert reading.kind == "other"
    assert reading.due is None and reading.follow_up_on is None


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "...", "12345"])
def test_empty_text_is_other_and_says_nothing_was_said(text: str) -> None:
    reading = read(text, WED, "email")
    assert reading.kind == "other"
    assert "Nothing was said" in reading.explanation
    assert reading.confident


def test_every_reading_explains_itself_and_names_its_rules() -> None:
    for text in ("We'll call you Monday.", "We went with another candidate.", "Hello."):
        reading = read(text, WED, "email")
        assert reading.kind in KINDS
        assert reading.explanation.strip()
    assert "promise.we-will-contact" in read("We'll call you Monday.", WED).signals


def test_confidence_drops_when_rules_of_different_kinds_fire() -> None:
    assert read("We'll call you Monday.", WED, "phone").confident
    mixed = read("We'll call you Monday to schedule a second interview.", WED, "phone")
    assert mixed.kind == "next_step"
    assert not mixed.confident


def test_to_json_gives_iso_strings_and_every_field() -> None:
    reading = read("The offer letter will be sent by tomorrow noon", WED, "phone")
    data = reading.to_json()
    assert set(data) == {
        "kind",
        "due",
        "follow_up_on",
        "explanation",
        "due_range",
        "due_time",
        "signals",
        "confident",
    }
    assert data["due"] == "2026-11-19"
    assert data["follow_up_on"] == "2026-11-23"
    assert data["due_range"] == ["2026-11-19", "2026-11-19"]
    assert data["due_time"] == "12:00"
    json.dumps(data)  # serialisable as it stands


def test_reading_is_frozen() -> None:
    reading = read("We'll call you.", WED)
    with pytest.raises(AttributeError):
        reading.kind = "written_offer"  # type: ignore[misc]
    assert isinstance(reading, Reading)


def test_a_date_instead_of_a_datetime_is_accepted() -> None:
    assert read("We'll call you tomorrow.", date(2026, 11, 18)).due == date(2026, 11, 19)


def test_very_long_text_is_read_in_part_and_says_so() -> None:
    reading = read("We'll call you Monday. " + "blah " * 10_000, WED, "email")
    assert reading.kind == "promise"
    assert "Only the first" in reading.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Unfortunately we have now appointed to this post.",
        "You have not been offered the role.",
        "Your application has not been progressed to interview.",
        "Sorry mate, they didn't go for it.",
        "The role is on hold indefinitely and we are closing all open applications.",
        "We decided to promote someone from within the team.",
        "The panel preferred another applicant.",
        "Sadly, you didn't make the shortlist.",
        "We've made an offer to another candidate, who has accepted.",
        "Your offer has been rescinded following the background check.",
        "The team felt another candidate was stronger technically.",
        "Your experience doesn't quite match what we need right now.",
        "They adored you, but they've gone for someone with more experience.",
        "We'll keep your CV on file for future roles.",
        "Application status: not selected.",
    ],
)
def test_many_ways_of_saying_no(text: str) -> None:
    assert read(text, WED, "email").kind == "rejection"


@pytest.mark.parametrize(
    "text",
    [
        "We'd like to offer you the role; the salary of $85,000 is still to be confirmed.",
        "If all goes well with references, we'd be pleased to offer you the position at $90,000.",
        "We're hoping to offer you the Analyst role at around $80k.",
        "Here's what an offer for this role typically looks like: $75,000 base plus 10% bonus.",
        "We are pleased to offer you a final interview for the Analyst position (band $90-100k).",
        "We're delighted you accepted our offer of employment at $88,000.",
        "We'd love to offer you the role at $90,000, but we need the VP's approval first.",
        "Would you accept an offer of $85,000 with a January start?",
        "We're excited to extend an offer! Details (salary, start date) to follow from HR.",
        "This is a verbal offer of $90,000; the written contract will be sent next week.",
        "The successful candidate will be offered a salary of $90,000.",
        "Any offer of employment will be subject to references; the salary range is $80-90k.",
        "We are pleased to offer competitive salaries starting at $60,000 for all engineers.",
    ],
)
def test_offer_talk_in_an_email_that_is_not_a_written_offer(text: str) -> None:
    assert read(text, WED, "email").kind != "written_offer"


@pytest.mark.parametrize(
    "text",
    [
        "We are delighted to offer you the position of Marketing Lead at an annual salary of "
        "$95,000, starting 4 January 2027.",
        "Please find attached your offer letter for the role of Data Scientist. Your base salary "
        "will be $120,000.",
        "Your contract of employment is enclosed; your salary is £42,000.",
        "Dear Sam, we are pleased to extend to you an offer of employment as Office Manager at "
        "$58,000 per year.",
        "Congratulations! We're offering you the Store Manager position at $61,000 per year.",
        "We hereby offer you the post of Lecturer at a salary of £41,732 per annum.",
    ],
)
def test_written_offers_in_many_wordings(text: str) -> None:
    assert read(text, WED, "email").kind == "written_offer"
    assert read(text, WED, "phone").kind == "verbal_offer"


# ------------------------------------------------------------------ families from rounds 6 and 7


def test_a_no_to_a_reference_is_not_a_no_to_the_application() -> None:
    text = (
        "Unfortunately we can't accept a reference from a family member. Could you send a "
        "former manager's details by Friday?"
    )
    reading = read(text, WED, "email")
    assert reading.kind == "request"
    assert reading.due == date(2026, 11, 20)


def test_a_rule_for_every_applicant_is_not_a_no() -> None:
    text = "Applications without a portfolio cannot be progressed. Please upload yours."
    assert read(text, WED, "email").kind != "rejection"


def test_an_offer_that_waits_on_references_is_not_yet_in_writing() -> None:
    text = (
        "Should your references prove satisfactory, we would be pleased to offer you the role "
        "of Office Manager at £34,000."
    )
    assert read(text, WED, "email").kind == "verbal_offer"


def test_an_offer_sent_through_the_candidate_portal_is_in_writing() -> None:
    text = (
        "Northwind Robotics has sent you an offer! Position: Firmware Engineer. Base pay: "
        "$128,000. Start date: February 1, 2027. View and sign your offer before it expires on "
        "Dec 4."
    )
    reading = read(text, WED, "email")
    assert reading.kind == "written_offer"
    assert reading.due == date(2026, 12, 4)


@pytest.mark.parametrize(
    "text",
    [
        "We've now told the other two finalists they were unsuccessful, so it's just you. Could "
        "you send us your referees' details by Friday?",
        "The client turned down both candidates the other agency sent over last month.",
    ],
)
def test_a_no_said_to_others_is_not_a_no_to_you(text: str) -> None:
    assert read(text, WED, "phone").kind != "rejection"


@pytest.mark.parametrize(
    "text",
    [
        "Quick note to let you know we've filled the Warehouse Associate (Nights) role.",
        "I don't think we'll be able to offer you this role, to be honest.",
        "Unfortunatley they wont be progressing u to the final, they want someone with more FMCG.",
        "They've decided to keep the role internal, so they won't be making an external offer.",
        "recruiter says the hiring manager passed on me",
        "She said they're leaning towards someone else and I shouldn't wait on them.",
        "Heard back, they picked the internal guy.",
    ],
)
def test_noes_in_plain_and_roundabout_words(text: str) -> None:
    assert read(text, WED, "message").kind == "rejection"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("can u jump on zoom w/ the CTO tmrw at 10?", "next_step"),
        ("sir u r selected, offer letter will be mailed tmrw", "verbal_offer"),
        ("ur hired!! letter comes on mon", "verbal_offer"),
        ("Kindly revert with ur notice period and expected CTC before thursday", "request"),
        (
            "ugh, just heard they closed the req and hired from the other agency. so sorry!!",
            "rejection",
        ),
    ],
)
def test_chat_shorthand_is_read_as_the_words_it_stands_for(text: str, kind: str) -> None:
    assert read(text, WED, "message").kind == kind


def test_a_written_offer_whose_lapse_is_a_condition_is_not_a_no() -> None:
    text = (
        "We are pleased to extend you an offer for the role of Software Engineer II with an "
        "annual CTC of INR 28,50,000. Please find the offer letter attached. Kindly accept the "
        "offer on the portal by 12/01/2027, post which the offer stands withdrawn."
    )
    reading = read(text, WED, "email", locale="en-IN")
    assert reading.kind == "written_offer"
    assert reading.due == date(2027, 1, 12)


@pytest.mark.parametrize(
    "text",
    [
        "The panel were impressed, but we have offered the post to another candidate.",
        "Client has gone ahead with another profile for this requirement.",
        "We've actually given the spot to an internal applicant this morning.",
        "Feedback was positive, but the successful candidate had more hands-on dbt experience.",
        "I'll be straight with you: we're not in a position to take this forward.",
    ],
)
def test_noes_from_the_ninth_round(text: str) -> None:
    assert read(text, WED, "email").kind == "rejection"


def test_an_offer_of_employment_as_a_named_role_is_in_writing() -> None:
    text = (
        "This email is a formal offer of employment as Branch Adviser, subject to a satisfactory "
        "credit check and references. Please confirm within 3 working days."
    )
    assert read(text, WED, "email").kind == "written_offer"


@pytest.mark.parametrize(
    "text",
    [
        # A no denied or taken back: the application is still alive, whatever else it says.
        "You haven't been unsuccessful at all - the panel simply hasn't met yet.",
        "No one has been turned down so far; we'll update everyone by Friday.",
        "Nope, no bad news, just checking you got the parking details!",
        "It's not a no. The director wants to meet you again on Monday.",
        "Please disregard the rejection email our system sent overnight, sorry!",
        "To be clear, your application was not rejected; the role is on hold until March.",
        "Your application has not yet been reviewed by the hiring team.",
    ],
)
def test_a_no_denied_or_taken_back_is_not_a_no(text: str) -> None:
    for channel in ("email", "phone", "message"):
        reading = read(text, WED, channel)
        assert reading.kind != "rejection", (channel, reading.signals)


def test_a_no_that_is_not_denied_is_still_a_no() -> None:
    text = "I'm sorry to say you have not been successful on this occasion."
    assert read(text, WED, "email").kind == "rejection"


# Wording families from the tenth round: offers sent in so many words, a firm yes.
_TENTH_ROUND = [
    (
        "We're happy to send you our formal offer for the Analyst role: $71,000 base, "
        "starting 4 January. Please sign by Friday.",
        "email",
        "written_offer",
    ),
    ("The board has finalised your selection as Site Engineer.", "phone", "verbal_offer"),
    (
        "It's very much a yes from the panel - HR will call you with the details.",
        "phone",
        "verbal_offer",
    ),
]


def test_a_start_date_in_a_spoken_offer_is_not_its_due() -> None:
    text = "We'd like to offer you the job at $64,000, with a January 11 start."
    reading = read(text, WED, "phone")
    assert reading.kind == "verbal_offer"
    assert reading.due is None


def test_contact_that_depends_on_a_match_is_a_notice_for_everyone() -> None:
    text = "If your profile matches the role, a recruiter will call you within a week."
    assert read(text, WED, "email").kind == "other"


# Wording families from the eleventh round: steps that cannot proceed, portal statuses.
_ELEVENTH_ROUND = [
    (
        "We cannot proceed with your joining formalities until the relieving letter arrives. "
        "Kindly share it by Friday.",
        "email",
        "request",
    ),
    ("Applications received after the closing date will not be considered.", "email", "other"),
    ("yeah that one's filled unfortunately", "message", "rejection"),
    ("Candidate status update: Offer extended - Store Associate", "email", "verbal_offer"),
    (
        "Provisional offer: Administrative Officer, Leeds, £27,400. Please accept within 5 "
        "working days.",
        "email",
        "written_offer",
    ),
    (
        "Attached is your contract for the Kitchen Porter post, £11.90/hr. Please sign and "
        "send it back by Friday.",
        "email",
        "written_offer",
    ),
    ("Just confirming Thursday 2pm with Omar at the front desk.", "message", "next_step"),
    ("Sorry, wrong chat!", "message", "other"),
]


# Wording families from the twelfth round: noes to you and not to you, requests put softly.
_TWELFTH_ROUND = [
    ("No news isn't bad news: we're still waiting on the vetting firm.", "phone", "delay"),
    ("Sorry mate, I don't have a spot for you on the crew after all.", "message", "rejection"),
    (
        "Thanks for the trial shift! We're all set for the summer season though.",
        "message",
        "rejection",
    ),
    (
        "Please arrange for your college to send the transcript within 5 business days.",
        "email",
        "request",
    ),
    ("It would help if we had your references by Monday.", "email", "request"),
    ("Would you look at that skyline?", "in-person", "enthusiasm"),
    (
        "You are selected as Third Engineer on the MV Horizon, USD 4,200 a month.",
        "phone",
        "verbal_offer",
    ),
    ("No need to send anything else for now.", "email", "other"),
]


def test_the_day_of_an_interview_being_moved_is_not_its_due() -> None:
    text = "We need to reschedule your interview on Friday. Could you send two other times?"
    assert read(text, WED, "email").due is None


def test_a_form_returned_rather_than_emailed_is_not_a_delay() -> None:
    text = "We'll need your bank details for expenses, via the secure form rather than email."
    assert read(text, WED, "email").kind == "request"


# Wording families from the thirteenth round: relayed quotations, noes without the usual words.
_THIRTEENTH_ROUND = [
    # a relayed quotation is the employer's words; a quoted ad is not
    ('she said "we\'ll definitely call you by Friday"', "phone", "promise"),
    ('recruiter: "we\'re going to make you an offer"', "phone", "verbal_offer"),
    # noes said without the usual words
    ("Update on requisition 5521: the role is now closed.", "email", "rejection"),
    ("It was lovely to meet you. Best of luck in your search.", "email", "rejection"),
    ("It is regretted that you could not qualify the interview.", "letter", "rejection"),
    # not noes
    ("He said no update yet, they're still seeing people.", "phone", "delay"),
    ("Sorry it's taking so long, maybe another couple of weeks.", "phone", "delay"),
    (
        "Conditional offer: Clerk, £28,000 a year. Accept within 3 working days or the offer "
        "will be withdrawn.",
        "email",
        "written_offer",
    ),
]


def test_a_no_only_as_a_condition_is_not_made_a_no_by_the_model() -> None:
    text = (
        "Your application has been submitted. If you have not heard from us within 30 days, we "
        "have decided to pursue other candidates."
    )
    reading = read(text, WED, "email")
    assert reading.kind != "rejection"
    assert "learned.no" not in reading.signals


def test_only_a_quotation_relayed_from_the_employer_is_read_as_their_words() -> None:
    from inwriting.language.reader import _strip_quotes

    assert "call you" in _strip_quotes('she said "we\'ll call you friday"')
    assert "call you" in _strip_quotes('recruiter: "we\'ll call you friday"')
    assert "close" not in _strip_quotes('the ad said, and i quote, "applications close friday".')
    assert "call you" not in _strip_quotes('i said "please call me friday" and left')


# Wording families from the fourteenth round: contractions, pasted text, short lines.
_FOURTEENTH_ROUND = [
    # contractions: "they've", "we're" are one word in the text
    ("I'm afraid that means they've passed.", "phone", "rejection"),
    ("Hey, we're passing on this one. Sorry!", "message", "rejection"),
    # what job seekers paste and relay
    (
        'email from HR: "We\'d like to offer you the role! Formal offer to follow."',
        "email",
        "verbal_offer",
    ),
    ('"welcome aboard" he said!!!', "in-person", "verbal_offer"),
    ("they offered!!! 70k", "phone", "verbal_offer"),
    # short lines
    (
        "Enclosed: your contract, £31,000 p.a. Return signed by 4 December.",
        "letter",
        "written_offer",
    ),
    ("Sign the form tonight if you can.", "message", "request"),
    ("Bit of a holdup with legal, sorry.", "phone", "delay"),
    # the role is on hold, the application is not turned down
    (
        "The requisition has been placed on hold. Your application remains active.",
        "email",
        "delay",
    ),
]


# Wording families from the fifteenth round: noes to a thing, offers by their labels.
_FIFTEENTH_ROUND = [
    (
        "They said no to the salary I asked for but the job's mine if I want it.",
        "message",
        "verbal_offer",
    ),
    ("Status update: Application under review.", "email", "other"),
    (
        "Offer details: Store Associate, $17/hr, 25 hrs/week. Reply by Friday to accept.",
        "email",
        "written_offer",
    ),
    (
        "Appointment letter: you are appointed as Clerk (Grade C1) at a CTC of Rs. 3.6 lakh.",
        "email",
        "written_offer",
    ),
    (
        "The offer letter attached is only a sample format; it does not constitute an offer.",
        "email",
        "other",
    ),
    ("Unfortunately on this occasion you have been unsuccessful.", "email", "rejection"),
    ("Just a heads-up that your offer expires on Friday at 5pm.", "email", "request"),
]


def test_a_working_week_named_in_an_offer_is_not_its_due() -> None:
    text = "We'd like to offer you the role at $22 an hour, Monday through Friday."
    assert read(text, WED, "phone").due is None


@pytest.mark.parametrize(
    ("text", "channel", "kind"),
    [
        *_TENTH_ROUND,
        *_ELEVENTH_ROUND,
        *_TWELFTH_ROUND,
        *_THIRTEENTH_ROUND,
        *_FOURTEENTH_ROUND,
        *_FIFTEENTH_ROUND,
    ],
)
def test_wording_families_from_the_tenth_to_fifteenth_rounds(
    text: str, channel: str, kind: str
) -> None:
    assert read(text, WED, channel).kind == kind


# The filters that set words of a no aside (a no to someone else or to a thing, a no denied, an
# application said to be alive, a condition, a regret that announces a hold) must not swallow a
# real no beside them. Each pair: the no, and its look-alike that is not one.
_NOES_BESIDE_WHAT_IS_SET_ASIDE = [
    (
        "The role you applied for is still open, but we have decided not to progress your "
        "application.",
        "email",
    ),
    (
        "We've decided not to proceed with the hiring plan for this role, so the vacancy is "
        "closed.",
        "email",
    ),
    ("Honestly, we feel you're the wrong person for this role.", "phone"),
    (
        "Your application remains under review for future vacancies; for this role, we have "
        "appointed another candidate.",
        "email",
    ),
    (
        "You're still in the running for other roles with us, but we won't be taking you forward "
        "for this one.",
        "email",
    ),
    ("not dead yet for other roles, but this one's gone to someone else sorry", "message"),
    (
        "Unfortunately we won't be moving forward with the panel format or with your application.",
        "email",
    ),
    (
        "We regret to inform you that your application was unsuccessful; interviews will now be "
        "held with the shortlisted candidates.",
        "email",
    ),
    (
        "Sorry, the start date doesn't work and we've decided not to take your application "
        "further.",
        "email",
    ),
    ("The start date won't work for us and unfortunately we've filled the role.", "email"),
    ("It isn't bad news for everyone, but I'm afraid it's a no from us this time.", "email"),
    (
        "We didn't get cut any slack by the board, so we're going with the internal candidate.",
        "phone",
    ),
    (
        "Your application remains under review. Update: we have now decided not to proceed with "
        "your application.",
        "email",
    ),
    (
        "Tell me about a time you were turned down. Actually, we've decided not to progress you, "
        "sorry.",
        "email",
    ),
]
_NOT_NOES_THAT_LOOK_LIKE_THEM = [
    (
        "The night-shift post is filled, but the day role you applied for is still open.",
        "email",
    ),
    (
        "We won't be going ahead with the panel format after all: you'll meet the director one to "
        "one on Tuesday.",
        "email",
    ),
    (
        "Sorry, that 'we've gone another way' text went to the wrong person. You're still very "
        "much in the running.",
        "message",
    ),
    ("Your application is safe; the interviews just won't happen before Christmas now.", "email"),
    ("It isn't bad news, honestly: the panel simply hasn't met yet.", "phone"),
]


@pytest.mark.parametrize(("text", "channel"), _NOES_BESIDE_WHAT_IS_SET_ASIDE)
def test_a_no_beside_words_set_aside_is_still_a_no(text: str, channel: str) -> None:
    assert read(text, WED, channel).kind == "rejection"


@pytest.mark.parametrize(("text", "channel"), _NOT_NOES_THAT_LOOK_LIKE_THEM)
def test_words_set_aside_alone_are_no_no(text: str, channel: str) -> None:
    assert read(text, WED, channel).kind != "rejection"


@pytest.mark.parametrize(
    ("text", "is_a_no"),
    [
        ("got the 'we regret' email this morning", True),
        ("they ghosted and then sent the auto-rejection", True),
        ("Your application for Senior Analyst (Req 4471) has been declined.", True),
        ("I haven't had the rejection email, so I'm still hopeful", False),
        ("No auto-rejection yet, fingers crossed", False),
        ("Candidates whose application has been declined will be notified by email.", False),
    ],
)
def test_noes_received_and_relayed(text: str, is_a_no: bool) -> None:
    assert (read(text, WED, "email").kind == "rejection") is is_a_no


@pytest.mark.parametrize(
    ("text", "channel", "kind"),
    [
        # Words of a no that are no no to you.
        (
            "I'm not ringing with bad news, don't panic. You'll hear from us properly on Monday.",
            "phone",
            "promise",
        ),
        ("Application status: withdrawn at the candidate's request", "email", "other"),
        (
            "In your last role, how did you handle telling a supplier their tender had been "
            "unsuccessful?",
            "video",
            "other",
        ),
        (
            "Unfortunately we weren't able to verify your degree. Please upload a copy of your "
            "transcript by Friday so we can continue your background check.",
            "email",
            "request",
        ),
        (
            "The site visit we had pencilled for tomorrow can't go ahead with the public holiday. "
            "How's Thursday week instead?",
            "phone",
            "delay",
        ),
        # ... and noes in few words.
        (
            "Your answers were strong, but the successful candidate demonstrated more experience.",
            "video",
            "rejection",
        ),
        # Offers, and the letter only promised.
        (
            "Please find attached your contract for the role of Site Supervisor, "
            "$112,000 plus super.",
            "email",
            "written_offer",
        ),
        (
            "Your status for Requisition 2231 has changed to: Offer Extended.",
            "email",
            "verbal_offer",
        ),
        ("Your offer letter is under approval and will be released by Monday.", "email", "promise"),
        ("HR will send the contract in 5 working days.", "email", "promise"),
        # Contact promised only if something happens, and hiring words for the shortlisted.
        ("If anything changes on our end, we'll let you know.", "email", "other"),
        (
            "If you are shortlisted, you will be invited to interview in the week "
            "commencing 11 January.",
            "email",
            "other",
        ),
        ("We need some more time to close the process. Request your patience.", "email", "delay"),
    ],
)
def test_round_twenty_families(text: str, channel: str, kind: str) -> None:
    assert read(text, WED, channel).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "My recruiter hasn't answered in a week. Pretty sure that means it's a no, right?",
            "other",
        ),
        (
            "Applicants who have not been contacted by 30 April should assume that on this "
            "occasion their application has not been successful.",
            "other",
        ),
        ("Last time round we offered the role to an internal candidate.", "other"),
        ("We will endeavour to respond to all applicants in due course.", "other"),
        ("Candidates who advance to the final round will be invited to present a plan.", "other"),
        ("Headcount approval has to go back to the board. Give us a fortnight.", "delay"),
    ],
)
def test_round_twenty_one_families(text: str, kind: str) -> None:
    assert read(text, WED, "email").kind == kind

"""Answer drafts: the preferred channel first, kind and final rejections, honest updates."""

from datetime import date

import pytest

from inwriting.domain import hiring_drafts as drafts
from inwriting.errors import UserError

TODAY = date(2026, 11, 18)

PHONE_ONLY = drafts.DraftContext(
    candidate="Amal Haddad",
    title="Line cook",
    today=TODAY,
    team="Kitchen",
    sender="Sara Lind",
    phone="+966 55 123 4567",
    prefers="phone",
    promised_by=date(2026, 11, 20),
)
WITH_EMAIL = drafts.DraftContext(
    candidate="Ben Ortiz",
    title="Barista",
    today=TODAY,
    email="ben@example.com",
    phone="555 0101",
    prefers="email",
    promised_by=date(2026, 11, 20),
)

# Words that hold out hope a rejection does not mean.
FALSE_HOPE = ("on file", "at this time", "future", "for now", "keep your", "unfortunately")


def test_a_phone_only_candidate_gets_a_phone_script_first_and_an_email_marked_undeliverable() -> (
    None
):
    phone, email = drafts.rejection(PHONE_ONLY)
    assert phone.channel == "phone" and phone.to == "+966 55 123 4567" and phone.note is None
    assert phone.body.startswith('1. "Hello Amal Haddad, this is Sara Lind')
    assert "not to offer you the job" in phone.body and "final" in phone.body
    assert "do not leave the decision itself in a voicemail" in phone.body
    assert email.channel == "email" and email.to is None
    assert email.note is not None and "no email address" in email.note


def test_a_rejection_is_kind_and_final_with_no_false_hope() -> None:
    for draft in drafts.rejection(WITH_EMAIL) + drafts.rejection(PHONE_ONLY):
        text = draft.body.lower()
        assert "not to offer you the job" in text
        assert "final" in text
        assert "thank you" in text
        for phrase in FALSE_HOPE:
            assert phrase not in text, (draft.channel, phrase)


def test_keeping_the_application_on_file_is_said_only_when_asked_for() -> None:
    email = drafts.rejection(WITH_EMAIL, keep_on_file=True)[0]
    assert email.channel == "email" and email.to == "ben@example.com"
    assert "keep your application on file" in email.body
    assert "reply if you would rather we did not" in email.body
    assert "on file" not in drafts.rejection(WITH_EMAIL)[0].body


def test_the_plan_changed_update_names_the_date_given_and_the_date_now_expected() -> None:
    ctx = drafts.DraftContext(
        candidate="Ben Ortiz",
        title="Barista",
        today=date(2026, 11, 19),
        email="ben@example.com",
        phone="555 0101",
        promised_by=date(2026, 11, 20),
    )
    email, phone = drafts.plan_changed(ctx, date(2026, 12, 4), reason="the owner is away")
    said = (
        "I told you that you would hear from us by Friday 20 November; "
        "we now expect to decide by Friday 4 December."
    )
    assert said in email.body and said in phone.body
    assert "The owner is away." in email.body
    # The new promise names its channel (the candidate's preferred one) as well as its date.
    assert "I will email you by Friday 4 December, whatever we decide." in email.body
    assert email.subject == "The Barista role: a new date for our answer"
    # The voicemail carries the whole update: it is news the candidate is waiting for.
    assert f'leave this message: "{said}' in phone.body


def test_an_update_without_an_earlier_date_says_so() -> None:
    ctx = drafts.DraftContext("Chloe Wu", "Barista", TODAY, email="c@example.com")
    (email, _) = drafts.plan_changed(ctx, date(2026, 12, 4))
    assert "I had not yet given you a date for our answer" in email.body


def test_an_answer_after_the_promised_date_apologises_for_being_late() -> None:
    late = drafts.DraftContext(
        "Amal Haddad",
        "Line cook",
        date(2026, 11, 23),
        phone="555",
        prefers="phone",
        promised_by=date(2026, 11, 20),
    )
    phone = drafts.rejection(late)[0]
    assert "I said you would hear from us by Friday 20 November, and this answer is late" in (
        phone.body
    )
    assert "late" not in drafts.rejection(PHONE_ONLY)[0].body


def test_an_offer_points_to_the_written_offer_and_warns_against_resigning_early() -> None:
    email, phone = drafts.offer(WITH_EMAIL, written_by=date(2026, 11, 24))
    assert "we would like to offer you the Barista role" in email.body
    assert "You will receive the written offer by Tuesday 24 November" in email.body
    assert "do not resign from your current job" in email.body
    assert "written offer" in phone.body
    undated = drafts.offer(WITH_EMAIL)[0]
    assert "You will receive the written offer, setting out" in undated.body


def test_a_candidate_who_prefers_texts_gets_a_text_first() -> None:
    ctx = drafts.DraftContext("Dana", "Barista", TODAY, phone="555 0101", prefers="text")
    channels = [d.channel for d in drafts.rejection(ctx)]
    assert channels == ["text", "email", "phone"]
    assert drafts.rejection(ctx)[0].to == "555 0101"


def test_a_draft_without_a_sender_leaves_a_visible_placeholder() -> None:
    ctx = drafts.DraftContext("Dana", "Barista", TODAY, email="d@example.com")
    assert drafts.rejection(ctx)[0].body.endswith("Best regards,\n[your name]")


def test_dates_in_another_year_carry_the_year() -> None:
    assert drafts.spoken_date(date(2027, 1, 8), TODAY) == "Friday 8 January 2027"
    assert drafts.spoken_date(date(2026, 12, 4), TODAY) == "Friday 4 December"


def test_an_update_needs_a_new_date() -> None:
    with pytest.raises(UserError, match="--new-date"):
        drafts.drafts_for("update", WITH_EMAIL)
    with pytest.raises(UserError, match="not an answer to draft"):
        drafts.drafts_for("maybe", WITH_EMAIL)


def test_every_draft_passes_the_employer_linter() -> None:
    # The linter is what the warm interviewer runs on their own emails: our drafts must not
    # presume a hire, promise without a date or channel, or hold out hope they do not mean.
    pytest.importorskip("inwriting.language.lint")
    from typer.testing import CliRunner

    from inwriting.cli.app import app

    late = drafts.DraftContext(
        "Amal Haddad", "Line cook", date(2026, 11, 23), phone="555", prefers="phone",
        promised_by=date(2026, 11, 20),
    )  # fmt: skip
    sets = [
        drafts.rejection(PHONE_ONLY),
        drafts.rejection(WITH_EMAIL, keep_on_file=True),
        drafts.rejection(late),
        drafts.offer(WITH_EMAIL, written_by=date(2026, 11, 24)),
        drafts.offer(PHONE_ONLY),
        drafts.plan_changed(WITH_EMAIL, date(2026, 12, 4), reason="the owner is away"),
        drafts.plan_changed(PHONE_ONLY, date(2026, 12, 4)),
    ]
    runner = CliRunner()
    for drafted in sets:
        for draft in drafted:
            # Spoken lines are in quotes, which the linter skips as quoted examples.
            text = draft.body.replace('"', "")
            result = runner.invoke(app, ["lint", "-", "--fail-on", "suggestion"], input=text)
            assert result.exit_code == 0, (draft.channel, result.output)

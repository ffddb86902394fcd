"""Drafts are polite, specific and never desperate, as an email and as a phone script."""

from datetime import date

import pytest

from inwriting.domain.drafts import FollowUpFacts, feedback_request, follow_up, thank_you

DESPERATE = ("desperate", "begging", "please please", "!!", "sorry to bother", "any news???")


def all_drafts() -> list[object]:
    base = FollowUpFacts(company="Acme Corp", role="HR Generalist", number=1)
    return [
        follow_up(base),
        follow_up(
            FollowUpFacts(
                company="Acme Corp",
                role="HR Generalist",
                number=2,
                contact="Dana Reyes",
                promised="decision on the role",
                promised_by=date(2026, 11, 23),
                interviewed_on=date(2026, 11, 16),
                sender="Sam Doe",
            )
        ),
        thank_you(
            company="Acme Corp",
            role="HR Generalist",
            interviewer="Lee Park, VP Operations",
            interviewed_on=date(2026, 11, 16),
        ),
        feedback_request(company="Acme Corp", role="HR Generalist"),
    ]


@pytest.mark.parametrize("draft", all_drafts())
def test_every_draft_names_the_role_and_stays_calm(draft: object) -> None:
    subject, body, phone = draft.subject, draft.body, draft.phone_script  # type: ignore[attr-defined]
    assert "HR Generalist" in subject
    assert "HR Generalist" in body and "HR Generalist" in phone
    for text in (subject, body, phone):
        for word in DESPERATE:
            assert word not in text.lower()
    assert len(phone.splitlines()) <= 5  # a short script, not a speech


def test_a_follow_up_quotes_what_they_promised_and_when() -> None:
    draft = follow_up(
        FollowUpFacts(
            company="Acme Corp",
            role="HR Generalist",
            number=1,
            contact="Dana Reyes",
            promised="decision on the role",
            promised_by=date(2026, 11, 20),
            sender="Sam Doe",
        )
    )
    assert draft.body.startswith("Dear Dana Reyes,")
    assert "decision on the role by Friday 20 November" in draft.body
    assert draft.body.rstrip().endswith("Sam Doe")
    assert "Ask for: Dana Reyes." in draft.phone_script


def test_the_second_follow_up_offers_them_an_easy_way_out() -> None:
    first = follow_up(FollowUpFacts(company="Acme", role="Analyst", number=1))
    second = follow_up(FollowUpFacts(company="Acme", role="Analyst", number=2))
    assert first.subject != second.subject
    assert "no longer open" in second.body


def test_a_thank_you_addresses_the_interviewer_by_name_only() -> None:
    draft = thank_you(
        company="Acme Corp",
        role="HR Generalist",
        interviewer="Lee Park, VP Operations",
        interviewed_on=date(2026, 11, 16),
    )
    assert draft.body.startswith("Dear Lee Park,")
    assert "Monday 16 November" in draft.body


def test_a_follow_up_on_something_they_said_quotes_their_words() -> None:
    draft = follow_up(
        FollowUpFacts(
            company="Acme Corp",
            role="HR Generalist",
            number=1,
            promised="You'll have a decision on Monday.",
            promised_by=date(2026, 11, 23),
            said="You'll have a decision on Monday.",
            said_on=date(2026, 11, 18),
        )
    )
    assert 'On Wednesday 18 November I was told: "You\'ll have a decision on Monday."' in draft.body
    assert "by Monday 23 November" in draft.body
    assert "the You'll" not in draft.body + draft.phone_script
    assert "what I was told on Wednesday 18 November" in draft.phone_script

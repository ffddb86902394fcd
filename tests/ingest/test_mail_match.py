"""Finding the application a message belongs to: thread first, then the company's own domain,
then its name; a recruiting platform's no-reply address matches the company, never itself."""

from __future__ import annotations

from datetime import UTC, datetime

from inwriting.ingest.mail.match import (
    Directory,
    KnownApplication,
    KnownCompany,
    ats_tenant,
    clean_display_name,
    company_key,
    guess_company_name,
    guess_role,
    match,
)
from inwriting.ingest.mail.parse import ParsedMail

AT = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)


def _mail(
    sender: str,
    name: str = "",
    subject: str = "",
    text: str = "",
    *,
    to: list[str] | None = None,
    reply_to: list[str] | None = None,
    in_reply_to: str | None = None,
) -> ParsedMail:
    return ParsedMail(
        message_id="m-1@x",
        content_hash="0" * 64,
        subject=subject,
        sender=sender,
        sender_name=name,
        reply_to=reply_to or [],
        recipients=to or ["sam@example.com"],
        sent_at=AT,
        sent_local=AT,
        in_reply_to=in_reply_to,
        references=[],
        body=text,
        text=text,
    )


DIRECTORY = Directory(
    [
        KnownCompany(
            1,
            "Acme Corp",
            ["acme.com"],
            [KnownApplication(11, "Backend Engineer", "applied", False, 11)],
        ),
        KnownCompany(
            2,
            "Hooli",
            [],
            [
                KnownApplication(21, "Software Engineer", "applied", False, 21),
                KnownApplication(22, "Product Designer", "applied", False, 22),
            ],
        ),
        KnownCompany(
            3, "Stark Industries", [], [KnownApplication(31, "Engineer", "applied", False, 31)]
        ),
        KnownCompany(4, "Greenhouse", ["greenhouse.io"], []),
    ]
)


def _no_thread(ids: list[str]) -> int | None:
    return None


def test_a_thread_wins_over_everything() -> None:
    mail = _mail("bot@scheduler.example", in_reply_to="old@acme.com")
    found = match(mail, DIRECTORY, outgoing=False, thread_lookup=lambda ids: 11)
    assert (found.application_id, found.matched_by) == (11, "thread")


def test_the_company_domain_and_its_subdomains_match() -> None:
    found = match(_mail("priya@mail.acme.com"), DIRECTORY, outgoing=False, thread_lookup=_no_thread)
    assert (found.application_id, found.matched_by) == (11, "domain")


def test_an_ats_sender_matches_the_company_it_writes_for_not_the_platform() -> None:
    mail = _mail(
        "no-reply@greenhouse.io",
        "Hooli via Greenhouse",
        "Your application",
        "Thanks for applying for the Product Designer role.",
    )
    found = match(mail, DIRECTORY, outgoing=False, thread_lookup=_no_thread)
    assert found.company_id == 2  # Hooli, although a company named Greenhouse owns that domain
    assert found.application_id == 22  # the role it names, not just the newest


def test_workday_tenant_and_subject_name_the_company() -> None:
    assert ats_tenant("stark@myworkday.com") == "stark"
    assert ats_tenant("acme.bamboohr.com@acme.bamboohr.com") == "acme"
    assert ats_tenant("no-reply@us.greenhouse-mail.io") is None
    mail = _mail("stark@myworkday.com", "Workday", "Your application to Stark Industries")
    found = match(mail, DIRECTORY, outgoing=False, thread_lookup=_no_thread)
    assert found.application_id == 31


def test_the_users_own_mail_matches_by_its_recipient() -> None:
    mail = _mail("sam@example.com", "Sam", "Thanks", "Thank you", to=["priya@acme.com"])
    found = match(mail, DIRECTORY, outgoing=True, thread_lookup=_no_thread)
    assert found.application_id == 11


def test_a_personal_address_never_names_a_company() -> None:
    mail = _mail("friend@gmail.com", "Alex", "dinner?", "I'll call you")
    found = match(mail, DIRECTORY, outgoing=False, thread_lookup=_no_thread)
    assert found.company_id is None and found.domain is None


def test_an_unknown_company_is_guessed_from_what_the_mail_says() -> None:
    mail = _mail(
        "no-reply@hire.lever.co",
        "Cyberdyne Systems",
        "Cyberdyne Systems: application received",
        "Thanks for applying to Cyberdyne Systems for the Machine Learning Engineer role.",
    )
    found = match(mail, DIRECTORY, outgoing=False, thread_lookup=_no_thread)
    assert found.company_id is None
    assert found.company_name == "Cyberdyne Systems"
    assert found.role == "Machine Learning Engineer"


def test_names_are_compared_without_legal_suffixes_and_platform_words() -> None:
    assert company_key("Acme Corp.") == company_key("ACME") == "acme"
    assert clean_display_name("Globex Corporation via Greenhouse") == "Globex Corporation"
    assert clean_display_name("Talent Acquisition at Initech") == "Initech"
    assert guess_company_name(_mail("x@jobs.example", "", "Thank you for applying to Globex")) == (
        "Globex"
    )
    assert guess_role(_mail("x@y.z", "", "Application for Senior Data Analyst at Globex")) == (
        "Senior Data Analyst"
    )

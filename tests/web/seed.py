"""A small, believable job search written through the services, for screenshots and page tests.

Everything goes through the same service calls the CLI and the API use, so the pages show what
a real ledger would hold. `NOW` is the day the screenshots show.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from inwriting.services.applications import add_application
from inwriting.services.followups import record_follow_up
from inwriting.services.interviews import record_interview
from inwriting.services.offers import OfferTerms, record_offer
from inwriting.services.statements import heard, log_statement
from inwriting.store.repository import Repository

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _at(day: int, hour: int = 10, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


def seed_demo(repo: Repository, now: datetime = NOW) -> dict[str, int]:
    """Write the sample search; returns application ids by company."""
    ids: dict[str, int] = {}

    def add(company: str, role: str, applied: date | None, source: str, **kw: str) -> int:
        app, _ = add_application(
            repo, company, role, applied_on=applied, now=now, source=source, **kw
        )
        ids[company] = app.id
        return app.id

    def app(company: str):  # type: ignore[no-untyped-def]
        found = repo.application(ids[company])
        assert found is not None
        return found

    # The loved finalist: tours and praise, then a promise that slipped.
    add("Acme Corp", "Senior Engineer", date(2026, 10, 27), "referral")
    record_interview(
        repo,
        app("Acme Corp"),
        at=_at(3),
        with_=["Priya Shah, Recruiter"],
        format="phone",
        now=now,
        screen=True,
    )
    record_interview(
        repo,
        app("Acme Corp"),
        at=_at(12, 14),
        with_=["Dana Reyes, HR Manager", "Victor Hale, VP"],
        format="in-person",
        now=now,
    )
    log_statement(
        repo,
        app("Acme Corp"),
        "I look forward to working with you. This would be your office.",
        said_at=_at(12, 16),
        channel="in-person",
        speaker="Victor Hale",
        now=now,
    )
    log_statement(
        repo,
        app("Acme Corp"),
        "You'll have a decision on Monday.",
        said_at=_at(12, 17),
        channel="in-person",
        speaker="Dana Reyes",
        now=now,
    )

    # A phone offer: recorded, and not an offer.
    add("Globex", "Product Manager", date(2026, 11, 2), "job board")
    record_interview(
        repo, app("Globex"), at=_at(9, 15), with_=["Lena Park, Director"], format="video", now=now
    )
    log_statement(
        repo,
        app("Globex"),
        "The job is yours! The offer letter goes out tomorrow noon.",
        said_at=_at(19, 11),
        channel="phone",
        speaker="Lena Park",
        now=now,
    )

    # A written offer with terms, one of them still open.
    add("Initech", "Data Analyst", date(2026, 10, 30), "recruiter")
    record_interview(
        repo, app("Initech"), at=_at(6), with_=["Bill Lumbergh"], format="video", now=now
    )
    record_offer(
        repo,
        app("Initech"),
        OfferTerms(
            title="Data Analyst II",
            salary=Decimal("92000"),
            currency="USD",
            salary_period="year",
            start_on=date(2027, 1, 11),
            expires_on=date(2026, 12, 4),
            benefits=["health insurance", "401(k) match: 0"],
            contingencies=["background check"],
            signed_by="Bill Lumbergh, Director",
        ),
        now=now,
    )

    # The promised call that never came: two follow-ups, then silence.
    add("Umbrella", "HR Generalist", date(2026, 9, 28), "job board")
    log_statement(
        repo,
        app("Umbrella"),
        "We'll call you to schedule the next meeting this week or next.",
        said_at=_at(1, 10, month=10),
        channel="phone",
        now=now,
    )
    record_follow_up(repo, app("Umbrella"), _at(19, 10, month=10), force=True)
    record_follow_up(repo, app("Umbrella"), _at(29, 10, month=10), force=True)

    # Abroad: a Friday–Saturday weekend, and a request for personal documents.
    add("Wayne Enterprises", "Finance Lead", date(2026, 11, 4), "referral", country="SA")
    log_statement(
        repo,
        app("Wayne Enterprises"),
        "Please send your last three payslips and a copy of your ID by Thursday.",
        said_at=_at(18, 9),
        channel="email",
        now=now,
    )

    # A no, and a quiet week since applying.
    add("Stark Industries", "Platform Engineer", date(2026, 10, 20), "job board")
    heard(
        repo,
        app("Stark Industries"),
        "Unfortunately we have decided to move forward with other candidates.",
        said_at=_at(6, 12),
        channel="email",
        now=now,
    )
    add("Hooli", "Backend Developer", date(2026, 11, 17), "company site")
    add("Pied Piper", "Staff Engineer", date(2026, 11, 19), "referral")
    add("Soylent", "Analytics Engineer", None, "newsletter")
    return ids

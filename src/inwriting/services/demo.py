"""A sample job search for `inwriting demo`: sixteen applications, every stage, every worry.

The search belongs to a data analyst two months in. Everything is recorded through the
ledger's own services, step by step, at the moment it happened (working days before `now`), so
stages, promises, follow-ups and "gone quiet" come out of the real rules, not out of this file.
The companies and people are invented; the employers' sentences are the kind job seekers report.

What it shows:

- Northwind Health: a written, signed and accepted offer whose background check is still open
  (and whose "health insurance" costs $800 a month) — not yet the moment to resign.
- Lattice Cloud: a written offer with an open right-to-work check, expiring in five days.
- Brightline Logistics (Riyadh, Friday–Saturday weekend): "the job is yours" on the phone, the
  letter promised for tomorrow noon, then delayed — a verbal offer, overdue.
- Cobalt Fintech: "we'll get back to you by Friday", two polite follow-ups, silence: gone quiet.
- Harbor & Finch: "you'll have our decision on Monday" — Monday has passed.
- Meridian Retail: the loved finalist (the corner office was mentioned), then a rejection.
- Vantage Insurance and Northwind: payslips shared, so the user can ask for them back.
- Solstice Travel: rescheduled four times. Ember Foods: a thank-you note owed today.
- And a screening, fresh applications, one only bookmarked, a withdrawal, a declined offer and a
  one-line rejection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from inwriting.domain.calendar import BusinessCalendar
from inwriting.services.offers import OfferTerms
from inwriting.store.models import Application
from inwriting.store.repository import Repository

DueRule = Callable[[date], date]
WORKWEEK = BusinessCalendar.for_country(None)  # Monday to Friday, no holidays


# -- how a date was said ---------------------------------------------------------------------


def tomorrow(said: date) -> date:
    return said + timedelta(days=1)


def weekday_after(weekday: int) -> DueRule:
    """'on Monday' (0) / 'by Friday' (4): the next such day after the day it was said."""

    def rule(said: date) -> date:
        return said + timedelta(days=(weekday - said.weekday() - 1) % 7 + 1)

    return rule


def end_of_next_week(said: date) -> date:
    """'this week or next': the Friday of next week (the latest end of the range)."""
    return said + timedelta(days=4 - said.weekday() + 7)


def in_days(n: int) -> DueRule:
    return lambda said: said + timedelta(days=n)


# -- the steps of a story --------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One thing that happened, `days_ago` business days (Monday to Friday) before now; a
    fraction moves it earlier that day (0.2 is about five hours before the same time)."""

    days_ago: float
    action: str
    text: str = ""
    channel: str | None = None
    kind: str | None = None
    due: DueRule | None = None
    speaker: str | None = None
    people: tuple[str, ...] = ()
    terms: OfferTerms | None = None


def said(
    days_ago: float,
    text: str,
    *,
    channel: str,
    kind: str,
    due: DueRule | None = None,
    speaker: str | None = None,
) -> Step:
    """Something the employer said or wrote, logged with its kind (the reader explains it)."""
    return Step(days_ago, "said", text, channel, kind, due, speaker)


def interview(days_ago: float, *people: str, format: str = "video") -> Step:
    """An interview; format is onsite, video or phone."""
    return Step(days_ago, "interview", channel=format, people=people)


def screen(days_ago: float, *people: str) -> Step:
    return Step(days_ago, "screen", channel="phone", people=people)


def event(days_ago: float, event_type: str) -> Step:
    """A timeline event the user records: follow_up_sent, thank_you_sent, rescheduled."""
    return Step(days_ago, "event", kind=event_type)


def offer(days_ago: float, terms: OfferTerms) -> Step:
    return Step(days_ago, "offer", terms=terms)


def shared(days_ago: float, document: str) -> Step:
    return Step(days_ago, "share", text=document)


def contingency_met(days_ago: float, name: str) -> Step:
    return Step(days_ago, "contingency_met", text=name)


def final(days_ago: float, action: str) -> Step:
    """The user's last word: accept, decline or withdraw."""
    return Step(days_ago, action)


@dataclass(frozen=True)
class Story:
    """One application, from the day it was found to now."""

    company: str
    role: str
    applied_days_ago: int | None  # None: only interested so far
    steps: tuple[Step, ...] = ()
    source: str | None = None
    url: str | None = None
    country: str | None = None
    weekend: str | None = None
    notes: str = ""


# -- the search ------------------------------------------------------------------------------


def _days_from(now_day: date, days: int) -> date:
    return now_day + timedelta(days=days)


def stories(today: date) -> list[Story]:
    """The sample search as of `today` (offer dates are relative to it)."""
    return [
        Story(
            "Northwind Health",
            "Senior Data Analyst",
            41,
            source="referral",
            country="US",
            notes="Referred by Priya from the analytics meetup.",
            steps=(
                said(
                    38,
                    "Thanks for applying! I'd like to set up a 30-minute call this week or "
                    "next to learn more about you.",
                    channel="email",
                    kind="next_step",
                    due=end_of_next_week,
                    speaker="Dana Whitfield",
                ),
                screen(36, "Dana Whitfield, Senior Recruiter"),
                interview(30, "Maria Chen, VP Analytics", "Sam Ortiz, Analytics Manager"),
                event(29.8, "thank_you_sent"),
                said(
                    25,
                    "Before we talk numbers, could you send us your last three payslips?",
                    channel="email",
                    kind="request",
                    speaker="Dana Whitfield",
                ),
                shared(24, "payslips"),
                said(
                    21,
                    "We'd love to have you on the team. I'm getting the paperwork going and "
                    "you'll have the offer letter by Friday.",
                    channel="phone",
                    kind="verbal_offer",
                    due=weekday_after(4),
                    speaker="Maria Chen",
                ),
                offer(
                    18,
                    OfferTerms(
                        title="Senior Data Analyst",
                        salary=Decimal("98500"),
                        currency="USD",
                        salary_period="year",
                        start_on=_days_from(today, 19),
                        expires_on=_days_from(today, -4),
                        benefits=(
                            "health insurance: employee pays $800 a month",
                            "401(k): 4% match",
                        ),
                        contingencies=("background check", "references"),
                        signed_by="Maria Chen, VP Analytics",
                        document="northwind-offer-letter.pdf",
                    ),
                ),
                contingency_met(9, "references"),
                final(2, "accept"),
            ),
        ),
        Story(
            "Lattice Cloud",
            "Analytics Engineer",
            30,
            source="job board",
            url="https://jobs.lattice-cloud.example/analytics-engineer",
            country="GB",
            steps=(
                screen(25, "Owen Price, Talent Partner"),
                interview(18, "Priya Nair, Head of Data"),
                event(17.8, "thank_you_sent"),
                interview(11, "Priya Nair, Head of Data", "Tom Reid, CTO", format="onsite"),
                event(10.8, "thank_you_sent"),
                offer(
                    2,
                    OfferTerms(
                        title="Analytics Engineer",
                        salary=Decimal("72000"),
                        currency="GBP",
                        salary_period="year",
                        start_on=_days_from(today, 35),
                        expires_on=_days_from(today, 5),
                        benefits=(
                            "pension: 5% employer contribution",
                            "private medical: employee pays 0",
                        ),
                        contingencies=("right-to-work check",),
                        signed_by="Priya Nair, Head of Data",
                        document="lattice-offer.pdf",
                    ),
                ),
            ),
        ),
        Story(
            "Brightline Logistics",
            "Supply Chain Analyst",
            28,
            source="recruiter",
            country="SA",
            weekend="fri,sat",
            notes="Riyadh office; their weekend is Friday and Saturday.",
            steps=(
                interview(14, "Omar Al-Harbi, Operations Director", format="onsite"),
                event(13.8, "thank_you_sent"),
                said(
                    6,
                    "Congratulations, the job is yours! HR will send you the offer letter "
                    "tomorrow by noon.",
                    channel="phone",
                    kind="verbal_offer",
                    due=tomorrow,
                    speaker="Omar Al-Harbi",
                ),
                said(
                    3,
                    "Apologies for the wait - the approver was travelling. The letter will go "
                    "out tonight or tomorrow noon at the latest.",
                    channel="phone",
                    kind="delay",
                    due=tomorrow,
                    speaker="Omar Al-Harbi",
                ),
            ),
        ),
        Story(
            "Cobalt Fintech",
            "Data Engineer",
            45,
            source="job board",
            country="US",
            steps=(
                interview(38, "Lee Park, Engineering Manager"),
                event(37.8, "thank_you_sent"),
                said(
                    37,
                    "Thanks again for your time today. We'll get back to you by Friday.",
                    channel="email",
                    kind="promise",
                    due=weekday_after(4),
                    speaker="Lee Park",
                ),
                event(30, "follow_up_sent"),
                event(22, "follow_up_sent"),
            ),
        ),
        Story(
            "Harbor & Finch",
            "Analytics Lead",
            20,
            source="company site",
            country="GB",
            steps=(
                screen(16, "Hannah Moss, People Team"),
                interview(9, "Eleanor Voss, Partner", format="onsite"),
                event(8.9, "thank_you_sent"),
                said(
                    8,
                    "Thank you for coming in yesterday. You'll have our decision on Monday.",
                    channel="email",
                    kind="promise",
                    due=weekday_after(0),
                    speaker="Eleanor Voss",
                ),
            ),
        ),
        Story(
            "Meridian Retail",
            "BI Analyst",
            34,
            source="job board",
            country="US",
            notes="Five hours of interviews over two rounds.",
            steps=(
                interview(27, "Grace Holt, HR Manager"),
                interview(20, "Victor Lane, VP Merchandising", format="onsite"),
                said(
                    20,
                    "I look forward to working with you. This corner office would be yours, "
                    "and Grace will walk you through the benefits.",
                    channel="in-person",
                    kind="enthusiasm",
                    speaker="Victor Lane",
                ),
                event(19.9, "thank_you_sent"),
                said(
                    19,
                    "After careful consideration we have decided to move forward with another "
                    "candidate whose experience more closely matches our needs.",
                    channel="email",
                    kind="rejection",
                    speaker="Grace Holt",
                ),
            ),
        ),
        Story(
            "Quill Media",
            "Data Journalist",
            26,
            source="newsletter",
            country="US",
            steps=(screen(22, "Ines Carter, Editor"), final(15, "withdraw")),
            notes="Withdrew: the role turned out to be mostly night shifts.",
        ),
        Story(
            "Tessellate Labs",
            "Machine Learning Analyst",
            33,
            source="recruiter",
            country="US",
            steps=(
                interview(27, "Ravi Menon, Director of ML"),
                interview(20, "Ravi Menon, Director of ML", "Julia Stone, COO"),
                offer(
                    12,
                    OfferTerms(
                        salary=Decimal("81000"),
                        currency="USD",
                        start_on=_days_from(today, 10),
                        expires_on=_days_from(today, -5),
                        benefits=("health insurance",),
                        signed_by="Julia Stone, COO",
                    ),
                ),
                final(8, "decline"),
            ),
        ),
        Story(
            "Pinecrest Bank",
            "Risk Analyst",
            9,
            source="referral",
            country="US",
            steps=(
                screen(3, "Jordan Blake, Talent Acquisition"),
                said(
                    2.9,
                    "We'll be in touch this week or next to schedule the technical interview.",
                    channel="phone",
                    kind="next_step",
                    due=end_of_next_week,
                    speaker="Jordan Blake",
                ),
            ),
        ),
        Story(
            "Juniper Health",
            "Data Analyst",
            4,
            source="job board",
            url="https://careers.juniper-health.example/4417",
            country="US",
        ),
        Story(
            "Atlas Robotics",
            "Product Analyst",
            None,
            source="LinkedIn",
            url="https://atlas-robotics.example/careers/product-analyst",
            country="DE",
            notes="Bookmarked; apply once the portfolio is updated.",
        ),
        Story(
            "Solstice Travel",
            "Revenue Analyst",
            40,
            source="job board",
            country="US",
            steps=(
                screen(35, "Mia Lopez, Recruiter"),
                event(31, "rescheduled"),
                event(27, "rescheduled"),
                event(22, "rescheduled"),
                event(16, "rescheduled"),
                interview(10, "Nadia Rahman, Revenue Director"),
                event(9.8, "thank_you_sent"),
                said(
                    9.7,
                    "Thanks for your patience with all the rescheduling. We will contact you "
                    "within 20 or 30 days.",
                    channel="email",
                    kind="promise",
                    due=in_days(30),
                    speaker="Mia Lopez",
                ),
            ),
        ),
        Story(
            "Vantage Insurance",
            "Actuarial Analyst",
            22,
            source="company site",
            country="US",
            steps=(
                interview(15, "Tom Becker, Chief Actuary"),
                event(14.8, "thank_you_sent"),
                said(
                    12,
                    "For the salary discussion, please send your last two payslips.",
                    channel="email",
                    kind="request",
                    speaker="Tom Becker",
                ),
                shared(11, "payslips"),
                said(
                    4,
                    "Thanks for the payslips. Could you also send the names of two references "
                    "by Friday?",
                    channel="email",
                    kind="request",
                    due=weekday_after(4),
                    speaker="Tom Becker",
                ),
            ),
        ),
        Story(
            "Kestrel Games",
            "Data Scientist",
            18,
            source="job board",
            country="CA",
            steps=(
                said(
                    10,
                    "Thank you for your interest in Kestrel. Unfortunately, we will not be "
                    "moving forward with your application at this time.",
                    channel="email",
                    kind="rejection",
                ),
            ),
        ),
        Story(
            "Redwood Civic Trust",
            "Policy Data Analyst",
            6,
            source="charity job board",
            country="GB",
            steps=(
                said(
                    5,
                    "We have received your application. Shortlisted candidates will be "
                    "contacted within 20 or 30 days.",
                    channel="email",
                    kind="promise",
                    due=in_days(30),
                ),
            ),
        ),
        Story(
            "Ember Foods",
            "Commercial Analyst",
            12,
            source="recruiter",
            country="US",
            steps=(
                screen(7, "Carlos Ruiz, Recruiter"),
                interview(1, "Rosa Delgado, Finance Director"),
            ),
        ),
    ]


# -- recording it ----------------------------------------------------------------------------


@dataclass
class DemoSummary:
    """What build() recorded."""

    applications: int = 0
    steps: int = 0
    stages: dict[str, int] = field(default_factory=dict)


def demo_now(now: datetime) -> datetime:
    """The demo's fixed moment: 10:00 UTC on `now`'s day, so the story reads the same all day."""
    return datetime.combine(now.astimezone(UTC).date(), time(10), tzinfo=UTC)


def build(repo: Repository, now: datetime) -> DemoSummary:
    """Record the whole sample search into `repo` (which should be empty), as of `now`."""
    from inwriting.services.applications import add_application, start_of

    summary = DemoSummary()
    today = now.date()
    for story in stories(today):
        applied = (
            _business_days_before(now, story.applied_days_ago).date()
            if story.applied_days_ago
            else None
        )
        found_at = start_of(applied) if applied else now - timedelta(days=3)
        application, _notes = add_application(
            repo,
            story.company,
            story.role,
            applied_on=applied,
            now=found_at + timedelta(hours=8),
            url=story.url,
            source=story.source,
            country=story.country,
            weekend=story.weekend,
            notes=story.notes,
        )
        for step in story.steps:
            _record(repo, application, step, _business_days_before(now, step.days_ago))
            summary.steps += 1
        summary.applications += 1
        summary.stages[application.stage] = summary.stages.get(application.stage, 0) + 1
    return summary


def _business_days_before(now: datetime, days_ago: float) -> datetime:
    """`days_ago` working days before `now` (Monday to Friday), at the same time of day less
    the fraction: people interview and write on working days, whatever day the demo runs."""
    whole = int(days_ago)
    day = WORKWEEK.add_business_days(now.date(), -whole) if whole else now.date()
    moment = datetime.combine(day, now.timetz())
    return moment - timedelta(days=days_ago - whole)


def _record(repo: Repository, application: Application, step: Step, at: datetime) -> None:
    """Record one step as the user would have, at the moment it happened."""
    from inwriting.services import applications, interviews, offers, sharing, statements

    if step.action == "said":
        statements.log_statement(
            repo,
            application,
            step.text,
            said_at=at,
            channel=step.channel,
            kind=step.kind,
            due=step.due(at.date()) if step.due else None,
            speaker=step.speaker,
            source="demo",
            now=at,
        )
    elif step.action in ("interview", "screen"):
        interviews.record_interview(
            repo,
            application,
            at=at,
            with_=step.people,
            format=step.channel,
            now=at,
            screen=step.action == "screen",
        )
    elif step.action == "event":
        assert step.kind is not None
        applications.record_event(repo, application, step.kind, at=at, now=at)
    elif step.action == "offer":
        assert step.terms is not None
        offers.record_offer(repo, application, step.terms, now=at)
    elif step.action == "share":
        sharing.share_document(repo, application, step.text, on=at.date(), now=at)
    elif step.action == "contingency_met":
        offers.meet_contingency(repo, application, step.text, now=at)
    elif step.action == "accept":
        applications.accept(repo, application, now=at)
    elif step.action == "decline":
        applications.decline(repo, application, now=at)
    elif step.action == "withdraw":
        applications.withdraw(repo, application, now=at)
    else:
        raise ValueError(f"unknown demo step {step.action!r}")

"""Fixtures for service tests: `fill_ledger`, a small ledger with a value in every column of
every table, for storage-level tests (export/import, backup, the crash test).

Written straight through the ORM (not the ledger services) so that each field holds something
an export could lose: accents, decimals, JSON objects, nulls, microseconds, a Friday-Saturday
weekend.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from inwriting.domain.stages import derive_stage
from inwriting.store.hiring_models import Candidate, HiringLogEntry, Opening
from inwriting.store.mail_models import ImapSyncState, MailAttachment, MailMessage, MailProposal
from inwriting.store.models import (
    Application,
    Company,
    Contact,
    Contingency,
    Event,
    Offer,
    OfferBenefit,
    Promise,
    Request,
    SharedDocument,
    Statement,
)

T0 = datetime(2026, 10, 5, 9, 30, 15, 123456, tzinfo=UTC)
ANALYST_EVENTS = ["applied", "interview", "written_offer"]


def cached_stage(types: list[str]) -> str:
    """The stage the ledger derives from these event types (the column is a cache of it)."""
    return derive_stage(types)


def fill(session: Session, owner: str = "me") -> None:
    """Add two companies with one application each and everything that hangs off them."""
    acme = Company(
        owner=owner,
        name="Acme Analytics",
        domains=["acme.example", "acme-careers.example"],
        country="US",
        subdivision="NY",
        weekend=None,
        holidays=["2026-12-24"],
        timezone="America/New_York",
        notes="Met them at the Data Days fair.",
        created_at=T0,
    )
    riyadh = Company(
        owner=owner,
        name="Nakhla Logistics — الرياض",
        domains=[],
        country="SA",
        subdivision=None,
        weekend="fri,sat",
        holidays=[],
        timezone="Asia/Riyadh",
        notes="",
        created_at=T0,
    )
    session.add_all([acme, riyadh])
    session.flush()
    recruiter = Contact(
        company=acme,
        name="Dana Whitfield",
        title="Senior Recruiter",
        email="dana@acme.example",
        phone="+1 212 555 0101",
        role="recruiter",
        created_at=T0,
    )
    manager = Contact(
        company=riyadh,
        name="Omar Al-Harbi",
        title=None,
        email=None,
        phone="+966 11 555 0199",
        role="interviewer",
        created_at=T0,
    )
    session.add_all([recruiter, manager])
    analyst = Application(
        owner=owner,
        company=acme,
        role="Senior Data Analyst",
        source="referral",
        url="https://acme.example/jobs/42?ref=ß",
        applied_on=date(2026, 10, 2),
        archived=False,
        stage=cached_stage(ANALYST_EVENTS),
        notes="Referred by Priya.",
        created_at=T0,
    )
    planner = Application(
        owner=owner,
        company=riyadh,
        role="Supply-chain planner",
        source=None,
        url=None,
        applied_on=None,
        archived=True,
        stage=cached_stage([]),
        notes="",
        created_at=T0,
    )
    session.add_all([analyst, planner])
    session.flush()
    said = Statement(
        application=analyst,
        text="We'll get back to you with a decision on Monday.",
        speaker="Dana Whitfield",
        contact_id=recruiter.id,
        channel="phone",
        said_at=datetime(2026, 10, 14, 16, 5, 0, 1, tzinfo=UTC),
        kind="promise",
        kind_source="reader",
        due=date(2026, 10, 19),
        due_source="stated",
        follow_up_on=date(2026, 10, 21),
        explanation="A decision is promised for Monday: the next Monday after it was said.",
        reading={"kind": "promise", "due": "2026-10-19", "cues": ["decision", "Monday"]},
        source="mail:<abc@acme.example>",
        created_at=T0,
    )
    session.add(said)
    session.flush()
    session.add_all(
        [
            Event(
                application=analyst,
                type="applied",
                occurred_at=datetime(2026, 10, 2, 8, tzinfo=UTC),
                details={},
                statement_id=None,
                created_at=T0,
            ),
            Event(
                application=analyst,
                type="interview",
                occurred_at=datetime(2026, 10, 14, 15, tzinfo=UTC),
                details={"with": ["Dana Whitfield"], "format": "video", "round": 2},
                statement_id=said.id,
                created_at=T0,
            ),
            Event(
                application=analyst,
                type="written_offer",
                occurred_at=datetime(2026, 10, 30, 12, tzinfo=UTC),
                details={"channel": "email"},
                statement_id=None,
                created_at=T0,
            ),
            Promise(
                application=analyst,
                what="a decision",
                owed_by="employer",
                made_at=said.said_at,
                due=date(2026, 10, 19),
                due_source="stated",
                state="kept",
                statement_id=said.id,
                resolved_at=datetime(2026, 10, 19, 11, tzinfo=UTC),
                resolved_by_statement_id=said.id,
                created_at=T0,
            ),
            Promise(
                application=planner,
                what="to call about a second round",
                owed_by="employer",
                kind="next_step",
                made_at=T0,
                due=date(2026, 10, 15),
                due_source="policy",
                state="open",
                statement_id=None,
                resolved_at=None,
                created_at=T0,
            ),
            Request(
                application=analyst,
                what="last three payslips",
                sensitive=True,
                asked_at=datetime(2026, 10, 20, 9, tzinfo=UTC),
                due=date(2026, 10, 23),
                done_at=datetime(2026, 10, 21, 18, 45, tzinfo=UTC),
                statement_id=said.id,
            ),
            Request(
                application=planner,
                what="a work sample",
                sensitive=False,
                asked_at=T0,
                due=None,
                done_at=None,
                statement_id=None,
            ),
            SharedDocument(
                application=analyst,
                document="payslips",
                shared_on=date(2026, 10, 21),
                notes="Sent as PDF to Dana only.",
            ),
        ]
    )
    offer = Offer(
        application=analyst,
        received_at=datetime(2026, 10, 30, 12, tzinfo=UTC),
        title="Senior Data Analyst",
        salary=Decimal("98500.50"),
        currency="USD",
        salary_period="year",
        start_on=date(2026, 12, 1),
        expires_on=date(2026, 11, 6),
        signed_by="Maria Chen, VP Analytics",
        document="~/Documents/acme-offer.pdf",
        notes="Relocation not mentioned.",
    )
    session.add(offer)
    session.flush()
    session.add_all(
        [
            OfferBenefit(offer=offer, name="health insurance", employee_cost="$800 a month"),
            OfferBenefit(offer=offer, name="gym", employee_cost=None),
            Contingency(offer=offer, name="background check", met_at=None),
            Contingency(
                offer=offer, name="references", met_at=datetime(2026, 11, 2, 10, tzinfo=UTC)
            ),
        ]
    )
    session.flush()
    fill_mail_and_hiring(session, owner, analyst, acme, said)


def fill_mail_and_hiring(
    session: Session, owner: str, application: Application, company: Company, said: Statement
) -> None:
    """The inbox's and the hiring ledger's tables, one row or two each."""
    message = MailMessage(
        owner=owner,
        key="9f2c" * 16,
        message_id="offer-1@acme.example",
        content_hash="ab12" * 16,
        in_reply_to="thread-0@acme.example",
        reference_ids=["thread-0@acme.example"],
        thread_ids=["thread-0@acme.example", "offer-1@acme.example"],
        source="file:/home/me/inbox.mbox",
        sender="dana@acme.example",
        sender_name="Dana Whitfield",
        recipients=["me@example.org"],
        subject="Your offer from Acme",
        sent_at=datetime(2026, 10, 30, 11, 58, tzinfo=UTC),
        direction="in",
        text="Please find your offer letter attached.",
        application_id=application.id,
        company_id=company.id,
        matched_by="thread",
        created_at=T0,
    )
    session.add(message)
    session.flush()
    session.add_all(
        [
            MailAttachment(
                message_id=message.id,
                filename="offer.pdf",
                content_type="application/pdf",
                size=9,
                sha256="cd34" * 16,
                content=b"%PDF-\x00\xff\n",
                text="Base salary: $98,500.50 per year",
            ),
            MailProposal(
                owner=owner,
                message_id=message.id,
                action="statement",
                application_id=application.id,
                company_name="Acme Analytics",
                role="Senior Data Analyst",
                kind="written_offer",
                due=date(2026, 11, 6),
                text="Please find your offer letter attached.",
                explanation="An offer with terms, in an email.",
                reading={"kind": "written_offer"},
                confident=True,
                state="accepted",
                statement_id=said.id,
                created_at=T0,
                resolved_at=datetime(2026, 10, 31, 8, tzinfo=UTC),
            ),
            ImapSyncState(
                owner=owner,
                account="me@imap.example.org:993",
                folder="INBOX",
                uidvalidity=1700000000,
                last_uid=4242,
                updated_at=T0,
            ),
        ]
    )
    opening = Opening(
        owner=owner,
        title="Night-shift supervisor",
        team="Kitchen",
        country="AE",
        weekend="sat,sun",
        state="filled",
        filled_at=datetime(2026, 11, 10, 17, tzinfo=UTC),
        closed_at=datetime(2026, 11, 12, 17, tzinfo=UTC),
        created_at=T0,
    )
    session.add(opening)
    session.flush()
    candidate = Candidate(
        opening_id=opening.id,
        name="Sam Okafor",
        email="sam@example.net",
        phone="+971 4 555 0123",
        prefers="phone",
        stage="interviewed",
        since=date(2026, 10, 20),
        promised_by=date(2026, 11, 13),
        promised_how="phone",
        promised_at=datetime(2026, 11, 3, 12, tzinfo=UTC),
        answered_at=datetime(2026, 11, 12, 9, tzinfo=UTC),
        outcome="rejected",
        created_at=T0,
    )
    session.add(candidate)
    session.flush()
    session.add(
        HiringLogEntry(
            opening_id=opening.id,
            candidate_id=candidate.id,
            at=datetime(2026, 11, 5, 12, tzinfo=UTC),
            kind="update",
            channel="phone",
            outcome="rejected",
            old_date=date(2026, 11, 6),
            new_date=date(2026, 11, 13),
            note="Told Sam the decision moved a week.",
        )
    )
    session.flush()


@pytest.fixture
def fill_ledger() -> Callable[[Session], None]:
    """`fill(session)`: add the sample rows to the database behind `session`."""
    return fill

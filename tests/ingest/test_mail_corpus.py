"""GIVEN the team's corpus of recruiting mail and the ledger it belongs to, WHEN it is imported,
THEN each message lands where a job seeker expects, bad ones are named, and nothing doubles."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mailworld import ME
from sqlalchemy import func, select

from inwriting.store.mail_models import MailAttachment, MailMessage, MailProposal
from inwriting.store.models import Application, Statement
from inwriting.store.repository import open_repository

# subject → (action, company, kind): what `inwriting inbox` should propose for each message.
EXPECTED = {
    "We received your application: Backend Engineer": ("statement", "Acme Corp", "other"),
    "Final interview": ("statement", "Acme Corp", "next_step"),
    "Re: Final interview": ("statement", "Acme Corp", "delay"),
    "Your application for Backend Engineer": ("statement", "Acme Corp", "rejection"),
    "Update": ("statement", "Initech", "delay"),
    "Your offer from Umbrella Health": ("statement", "Umbrella Health", "written_offer"),
    "Good news": ("statement", "Umbrella Health", "verbal_offer"),
    "Thank you for applying to Hooli": ("statement", "Hooli", "other"),
    "Your application to Hooli": ("statement", "Hooli", "rejection"),
    "Your application to Stark Industries: next steps": (
        "statement",
        "Stark Industries",
        "request",
    ),
    "Interview with Vandelay Industries": ("statement", "Vandelay Industries", None),
    "Thank you for applying to Globex Corporation": (
        "new_application",
        "Globex Corporation",
        None,
    ),
    "Cyberdyne Systems: application received": ("new_application", "Cyberdyne Systems", None),
    "Ihre Bewerbung bei Müller": ("statement", "Müller Maschinenbau GmbH", None),
    "Next steps": ("statement", "Soylent", "promise"),
    "Documents": ("statement", "Soylent", "request"),
    "面接のご案内": ("statement", "Yoyodyne", None),
    "Ваш отклик": ("statement", "Roga i Kopyta", None),
    "Following up: Data Engineer": ("follow_up_sent", "Initech", None),
    "Thank you": ("thank_you_sent", "Acme Corp", None),
    "Schedule": ("statement", "Initech", None),
    "Café chat — next steps": ("statement", "Umbrella Health", "promise"),
    "Broken attachment": ("statement", "Umbrella Health", None),
    "Your candidacy": ("unmatched", "Blue Sun", "rejection"),
    "Quick note": ("statement", "Initech", "enthusiasm"),
}


def _inbox(cli: Callable[..., Any]) -> list[dict[str, Any]]:
    result = cli("inbox", "--json")
    assert result.exit_code == 0, result.output
    return list(json.loads(result.output))


def test_each_message_is_proposed_for_the_right_application(
    world: dict[str, int], corpus: Path, cli: Callable[..., Any]
) -> None:
    result = cli("import-mail", str(corpus), "--me", ME, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["read"] == 34
    assert report["already_seen"] == 1  # 35 is 05 again, with a mail client's status header
    rows = _inbox(cli)
    by_subject: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_subject.setdefault(row["subject"], []).append(row)
    for subject, (action, company, kind) in EXPECTED.items():
        assert subject in by_subject, f"no proposal for {subject!r}"
        (row,) = by_subject[subject]
        assert (row["action"], row["company"]) == (action, company), subject
        if kind is not None:
            assert row["kind"] == kind, subject
    # The thread reply from a scheduling tool's domain belongs to Initech by its References.
    (thread,) = [r for r in by_subject["Re: Data Engineer interview"] if r["kind"] == "request"]
    assert thread["company"] == "Initech"
    # Newsletters, a shop's promotion and a friend's dinner plans wait for nobody.
    for noise in ("25 new Backend Engineer jobs near you", "Black Friday: 50% off everything"):
        assert noise not in by_subject
    assert "dinner?" not in by_subject


def test_bad_messages_are_skipped_with_their_reason_and_the_rest_go_in(
    world: dict[str, int], corpus: Path, cli: Callable[..., Any]
) -> None:
    result = cli("import-mail", str(corpus), "--me", ME)
    assert result.exit_code == 0, result.output
    assert "skipped 26-broken-no-date.eml: no date" in result.output
    assert "skipped 27-broken-truncated.eml: cut off" in result.output
    assert "skipped 28-broken-garbage.eml: not an email" in result.output
    with open_repository() as repo:
        subjects = set(repo.session.scalars(select(MailMessage.subject)))
    assert "Offer" not in subjects  # the truncated one left nothing behind
    assert {"Schedule", "Café chat — next steps", "Broken attachment"} <= subjects


def test_reimporting_the_same_mail_creates_nothing_new(
    world: dict[str, int], corpus: Path, cli: Callable[..., Any]
) -> None:
    cli("import-mail", str(corpus), "--me", ME)
    before = _counts()
    result = cli("import-mail", str(corpus), "--me", ME, "--json")
    report = json.loads(result.output)
    assert report["added"] == 0 and report["proposals"] == 0
    assert report["already_seen"] == 31  # every message that went in, the one without an id too
    assert _counts() == before


def _counts() -> tuple[int, int, int]:
    with open_repository() as repo:
        return (
            repo.session.scalar(select(func.count()).select_from(MailMessage)) or 0,
            repo.session.scalar(select(func.count()).select_from(MailProposal)) or 0,
            repo.session.scalar(select(func.count()).select_from(MailAttachment)) or 0,
        )


def test_the_offer_letter_pdf_is_kept_with_its_text(
    world: dict[str, int], corpus: Path, cli: Callable[..., Any]
) -> None:
    cli("import-mail", str(corpus), "--me", ME)
    with open_repository() as repo:
        letter = repo.session.scalars(
            select(MailAttachment).where(MailAttachment.filename == "offer.pdf")
        ).one()
        assert letter.content is not None and letter.content.startswith(b"%PDF")
        assert letter.text is not None and "salary 120000 USD" in letter.text
        assert letter.message.application_id == world["Umbrella Health"]


def test_accepting_the_confident_proposals_writes_the_ledger_with_the_mail_as_source(
    world: dict[str, int], corpus: Path, cli: Callable[..., Any]
) -> None:
    cli("import-mail", str(corpus), "--me", ME)
    result = cli("inbox", "--accept-confident", "--json")
    assert result.exit_code == 0, result.output
    accepted = json.loads(result.output)["accepted"]
    assert accepted, "some proposals are sure"
    with open_repository() as repo:
        acme = repo.application(world["Acme Corp"])
        assert acme is not None and acme.stage == "rejected"
        sources = set(repo.session.scalars(select(Statement.source)))
        assert "mail:rej-5512@acme.com" in sources
        globex = repo.session.scalars(
            select(Application).where(Application.role == "Data Analyst")
        ).one()
        assert globex.company.name == "Globex Corporation"
        assert globex.applied_on is not None and globex.applied_on.isoformat() == "2026-11-16"
        initech = repo.application(world["Initech"])
        assert initech is not None
        events = [e.type for e in repo.events(initech.id)]
        assert "follow_up_sent" in events and "reply_received" in events
    # What was not sure still waits, and an unmatched message never applies itself.
    waiting = _inbox(cli)
    assert any(r["action"] == "unmatched" for r in waiting)
    assert all(not r["confident"] or r["action"] == "unmatched" for r in waiting)

"""Nothing half written: a message the database refuses costs only that message, and an import
that dies mid-way leaves whole batches that the next import completes without duplicates."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from mailworld import ME, MESSAGES
from sqlalchemy import func, select

from inwriting.services import inbox as service
from inwriting.store.mail_models import MailMessage, MailProposal
from inwriting.store.repository import open_repository

NAMES = [
    "04-acme-rejection.eml",
    "05-initech-promise.eml",
    "06-initech-stall.eml",
    "13-globex-greenhouse-new.eml",
    "16-soylent-cp1252.eml",
    "32-unmatched-rejection.eml",
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "some"
    out.mkdir()
    for name in NAMES:
        (out / name).write_bytes((MESSAGES / name).read_bytes())
    return out


def _rows() -> tuple[int, int]:
    with open_repository() as repo:
        return (
            repo.session.scalar(select(func.count()).select_from(MailMessage)) or 0,
            repo.session.scalar(select(func.count()).select_from(MailProposal)) or 0,
        )


def test_a_message_the_database_refuses_is_skipped_alone(
    world: dict[str, int], folder: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = service._prepare

    def refused_once(raw: Any, *args: Any) -> MailMessage:
        message = real(raw, *args)
        if raw.origin == "06-initech-stall.eml":
            message.direction = None  # type: ignore[assignment]  # NOT NULL: the insert fails
        return message

    monkeypatch.setattr(service, "_prepare", refused_once)
    report = service.import_paths([folder], me=[ME], now=now)
    assert [(s.origin, s.reason) for s in report.skipped] == [
        ("06-initech-stall.eml", "could not be stored (IntegrityError)")
    ]
    assert report.added == len(NAMES) - 1
    with open_repository() as repo:
        subjects = set(repo.session.scalars(select(MailMessage.subject)))
        proposals = repo.session.scalars(select(MailProposal)).all()
        assert all(p.message.subject != "Update" for p in proposals)  # and no orphan proposal
    assert "Update" not in subjects


def test_an_import_that_dies_mid_way_is_completed_by_the_next_one(
    world: dict[str, int], folder: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = service.ingest_batch
    calls = {"n": 0}

    def dies_in_the_third_batch(*args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        real(*args, **kwargs)
        if calls["n"] == 3:
            raise KeyboardInterrupt  # the user pressed ^C after the batch was written…

    monkeypatch.setattr(service, "ingest_batch", dies_in_the_third_batch)
    with pytest.raises(KeyboardInterrupt):
        service.import_paths([folder], me=[ME], now=now, batch_size=2)
    assert _rows()[0] == 4  # …so its transaction rolled back: two whole batches remain
    monkeypatch.setattr(service, "ingest_batch", real)
    report = service.import_paths([folder], me=[ME], now=now, batch_size=2)
    assert (report.already_seen, report.added) == (4, 2)
    messages, _ = _rows()
    assert messages == len(NAMES)

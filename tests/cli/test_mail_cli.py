"""`inwriting import-mail`, `inwriting inbox` and its accept / correct / dismiss, as a user
types them."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

MESSAGES = Path(__file__).parent.parent / "ingest" / "messages"
NOW = "2026-11-30T12:00:00+00:00"


@pytest.fixture
def mail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A few of the corpus's messages in a folder, and the clock at the end of November."""
    monkeypatch.setenv("INWRITING_NOW", NOW)
    folder = tmp_path / "mail"
    folder.mkdir()
    for name in (
        "04-acme-rejection.eml",
        "05-initech-promise.eml",
        "13-globex-greenhouse-new.eml",
        "32-unmatched-rejection.eml",
        "20-newsletter-jobboard.eml",
    ):
        shutil.copy(MESSAGES / name, folder / name)
    return folder


@pytest.fixture
def ledger(cli: Callable[..., Any], mail: Path) -> None:
    from inwriting.services.applications import add_application
    from inwriting.store.repository import open_repository

    now = datetime.fromisoformat(NOW).astimezone(UTC)
    with open_repository() as repo:
        acme, _ = add_application(
            repo, "Acme Corp", "Backend Engineer", applied_on=date(2026, 11, 1), now=now
        )
        acme.company.domains = ["acme.com"]
        add_application(repo, "Initech", "Data Engineer", applied_on=date(2026, 11, 5), now=now)


def _ids(cli: Callable[..., Any]) -> dict[str, dict[str, Any]]:
    rows = json.loads(cli("inbox", "--json").output)
    return {row["subject"]: row for row in rows}


def test_the_inbox_reads_like_the_users_own_summary(
    cli: Callable[..., Any], mail: Path, ledger: None
) -> None:
    imported = cli("import-mail", str(mail))
    assert imported.exit_code == 0, imported.output
    assert imported.output.startswith("5 messages read: 5 new, 0 already seen, 0 skipped")
    shown = cli("inbox")
    assert shown.exit_code == 0
    assert "Acme Corp, 'After careful consideration we have decided to move forward" in shown.output
    assert "→ rejected" in shown.output
    assert "Initech, 'We will get back to you by Friday.' → promise due Fri 20 Nov" in shown.output
    assert "Globex Corporation, new application (Data Analyst)" in shown.output
    assert "no application matched: Blue Sun" in shown.output
    assert "jobs near you" not in shown.output


def test_accept_correct_and_dismiss(cli: Callable[..., Any], mail: Path, ledger: None) -> None:
    cli("import-mail", str(mail))
    rows = _ids(cli)
    promise = rows["Re: Data Engineer interview"]["id"]
    accepted = cli("inbox", "accept", str(promise))
    assert accepted.exit_code == 0, accepted.output
    shown = json.loads(cli("show", "Initech", "--json").output)
    assert any(p["due"] == "2026-11-20" for p in shown["promises"])

    twice = cli("inbox", "accept", str(promise))
    assert twice.exit_code == 2 and "already accepted" in twice.output

    unmatched = rows["Your candidacy"]["id"]
    refused = cli("inbox", "accept", str(unmatched))
    assert refused.exit_code == 2
    assert f"inwriting inbox correct {unmatched} --application" in refused.output

    wrong_kind = cli("inbox", "correct", str(unmatched), "--kind", "maybe")
    assert wrong_kind.exit_code == 2 and "--kind must be one of" in wrong_kind.output

    fixed = cli("inbox", "correct", str(unmatched), "--application", "Initech")
    assert fixed.exit_code == 0, fixed.output
    assert json.loads(cli("show", "Initech", "--json").output)["stage"] == "rejected"

    newsletter_free = rows["Thank you for applying to Globex Corporation"]["id"]
    assert cli("inbox", "dismiss", str(newsletter_free)).exit_code == 0
    assert "Thank you for applying to Globex Corporation" not in _ids(cli)
    assert cli("inbox", "accept", "999").exit_code == 3


def test_bad_paths_and_an_empty_inbox(cli: Callable[..., Any], tmp_path: Path) -> None:
    missing = cli("import-mail", str(tmp_path / "nope.mbox"))
    assert missing.exit_code == 2
    assert "does not exist" in missing.output and "Traceback" not in missing.output
    assert "nothing waits for you" in cli("inbox").output
    assert cli("inbox", "correct", "1").exit_code == 2

"""`inwriting demo`: a realistic sample search in its own folder, its agenda printed, and the
user's own ledger left alone."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from inwriting.domain.stages import STAGES
from inwriting.services import transfer
from inwriting.store.repository import open_repository

Cli = Callable[..., Result]
NOW = {"INWRITING_NOW": "2026-11-23T08:00:00Z"}  # a Monday


def ledger_at(url: str) -> dict[str, Any]:
    out = io.StringIO()
    with open_repository(url) as repo:
        transfer.export_json(repo, out, datetime(2026, 11, 23, tzinfo=UTC))
    document: dict[str, Any] = json.loads(out.getvalue())
    return document


@pytest.fixture
def demo_run(cli: Cli, tmp_path: Path) -> tuple[Result, Path]:
    folder = tmp_path / "demo"
    return cli("demo", "--home", str(folder), env=NOW), folder


def test_the_demo_prints_an_agenda_with_every_kind_of_worry(demo_run: tuple[Result, Path]) -> None:
    result, folder = demo_run

    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "16 applications" in out
    assert "Today, 2026-11-23" in out
    for heading in (
        "Overdue promises",
        "Follow-ups due",
        "Thank-you notes owed",
        "They asked you for",
        "Verbal offers (not yet offers)",
        "Gone quiet",
        "Pipeline",
    ):
        assert heading in out, heading
    assert "Brightline Logistics (Supply Chain Analyst): verbal offer — not yet an offer" in out
    assert "Cobalt Fintech (Data Engineer) has gone quiet" in out
    assert f"INWRITING_HOME={folder}" in out and "inwriting list" in out


def test_the_sample_search_covers_every_stage_and_the_hard_cases(
    demo_run: tuple[Result, Path],
) -> None:
    _result, folder = demo_run
    ledger = ledger_at(f"sqlite:///{folder / 'inwriting.db'}")

    applications = ledger["applications"]
    assert len(applications) >= 15
    assert {a["stage"] for a in applications} == set(STAGES)
    companies = {c["id"]: c for c in ledger["companies"]}
    assert any(c["weekend"] == "fri,sat" for c in companies.values())
    by_company = {companies[a["company_id"]]["name"]: a for a in applications}
    northwind = by_company["Northwind Health"]
    offer = next(o for o in ledger["offers"] if o["application_id"] == northwind["id"])
    assert [c["name"] for c in ledger["contingencies"] if c["offer_id"] == offer["id"]] == [
        "background check",
        "references",
    ]
    open_contingencies = [c for c in ledger["contingencies"] if c["met_at"] is None]
    assert {c["name"] for c in open_contingencies} >= {"background check"}
    assert sum(d["document"] == "payslips" for d in ledger["shared_documents"]) >= 2
    overdue = [p for p in ledger["promises"] if p["state"] == "open" and p["due"] < "2026-11-23"]
    assert len(overdue) >= 2
    assert len(ledger["statements"]) >= 10


def test_the_users_own_ledger_and_settings_are_left_alone(
    cli: Cli, backend: str, home: Path, demo_run: tuple[Result, Path]
) -> None:
    result, folder = demo_run
    assert result.exit_code == 0
    assert os.environ["INWRITING_HOME"] == str(home)
    assert "INWRITING_NOW" not in os.environ
    assert (backend == "postgresql") == ("INWRITING_DATABASE_URL" in os.environ)
    assert not (home / "inwriting.db").exists()
    listed = cli("export", "--format", "csv", env=NOW)
    assert listed.stdout.strip().splitlines()[1:] == []  # nothing but the header


def test_the_demo_refuses_a_folder_that_holds_something(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = cli("demo", "--home", str(tmp_path), env=NOW)
    assert result.exit_code == 2 and "is not empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("day", ["2026-11-21", "2026-11-25", "2026-11-27"])  # Sat, Wed, Fri
def test_the_demo_works_whatever_day_it_runs(cli: Cli, tmp_path: Path, day: str) -> None:
    result = cli("demo", "--home", str(tmp_path / "d"), env={"INWRITING_NOW": f"{day}T08:00Z"})
    assert result.exit_code == 0, result.output
    assert "Verbal offers (not yet offers)" in result.stdout and "Gone quiet" in result.stdout


def test_the_demo_calendar_has_promise_due_dates_and_follow_ups(
    demo_run: tuple[Result, Path],
) -> None:
    from icalendar import Calendar

    from inwriting.services import ics

    _result, folder = demo_run
    now = datetime(2026, 11, 23, 10, tzinfo=UTC)
    with open_repository(f"sqlite:///{folder / 'inwriting.db'}") as repo:
        feed = Calendar.from_ical(ics.calendar_text(repo, now))

    events = {str(e["UID"]): e for e in feed.walk("VEVENT")}
    summaries = " | ".join(str(e["SUMMARY"]) for e in events.values())
    assert "Harbor & Finch promised" in summaries
    assert "Brightline Logistics promised: send the written offer" in summaries
    assert "Follow up: Harbor & Finch (Analytics Lead)" in summaries
    assert "Thank-you note: Ember Foods (Commercial Analyst)" in summaries
    follow_ups = [e for uid, e in events.items() if uid.startswith("follow-up-")]
    assert follow_ups and all(e.decoded("DTSTART") >= now.date() for e in follow_ups)
    # Nothing for applications that are over (Meridian rejected, Tessellate declined).
    assert "Meridian" not in summaries and "Tessellate" not in summaries

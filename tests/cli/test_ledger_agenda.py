"""`inwriting today` and `inwriting followup`: the cadence as a user lives it, day by day.

The employer below has the default calendar (Saturday-Sunday weekend, no public holidays), and
the policy is DESIGN.md's: follow up 7 business days after the last contact when no date was
given, 5 business days between follow-ups, 2 unanswered at most, gone quiet 5 days after that.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from cli_results import data

Cli = Callable[..., Result]


def at(when: str) -> dict[str, str]:
    return {"INWRITING_NOW": when}


def agenda(cli: Cli, when: str) -> list[dict[str, Any]]:
    return data(cli("today", "--json", env=at(when)))  # type: ignore[no-any-return]


def of_type(items: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [i for i in items if i["type"] == kind]


@pytest.fixture
def acme(cli: Cli) -> Cli:
    """GIVEN an application to Acme Corp on Monday 2 November 2026, and no word since."""
    added = cli(
        "add", "Acme Corp", "HR Generalist", "--applied", "2026-11-02", env=at("2026-11-02")
    )
    assert added.exit_code == 0, added.output
    return cli


def test_the_follow_up_cadence_from_silence_to_gone_quiet_and_back(acme: Cli) -> None:
    # Tuesday 10 Nov: too soon; it says when it will be time
    result = acme("followup", "acme", env=at("2026-11-10T09:00"))
    assert result.exit_code == 1
    assert "too soon" in result.stdout and "2026-11-11" in result.stdout
    assert of_type(agenda(acme, "2026-11-10T09:00"), "follow_up") == []

    # Wednesday 11 Nov (7 business days): the agenda says follow up, with a draft ready
    items = of_type(agenda(acme, "2026-11-11T09:00"), "follow_up")
    assert [(i["application"], i["date"]) for i in items] == [(1, "2026-11-11")]
    result = acme("followup", "acme", env=at("2026-11-11T09:00"))
    assert result.exit_code == 0, result.output
    assert "Subject: Following up: HR Generalist at Acme Corp" in result.stdout
    assert "Phone script" in result.stdout
    assert acme("followup", "acme", "--sent", env=at("2026-11-11T09:05")).exit_code == 0

    # Thursday 12 Nov: the next one waits 5 business days; sending now is refused
    result = acme("followup", "acme", env=at("2026-11-12T09:00"))
    assert result.exit_code == 1 and "2026-11-18" in result.stdout
    refused = acme("followup", "acme", "--sent", env=at("2026-11-12T09:00"))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    forced = acme("followup", "acme", "--force", "--json", env=at("2026-11-12T09:00"))
    assert forced.exit_code == 0 and json.loads(forced.stdout)["email"] is not None

    # Wednesday 18 Nov: the second and last follow-up
    result = acme("followup", "acme", "--json", env=at("2026-11-18T09:00"))
    draft = data(result)
    assert draft["ready"] and draft["number"] == 2
    assert draft["email"]["subject"].startswith("Checking in once more")
    assert draft["phone_script"]
    acme("followup", "acme", "--sent", env=at("2026-11-18T09:05"))

    # Tuesday 24 Nov: no third follow-up; not gone quiet yet
    result = acme("followup", "acme", env=at("2026-11-24T09:00"))
    assert result.exit_code == 1 and "2026-11-25" in result.stdout
    assert of_type(agenda(acme, "2026-11-24T09:00"), "gone_quiet") == []

    # Wednesday 25 Nov: gone quiet; the agenda says to move on
    quiet = of_type(agenda(acme, "2026-11-25T09:00"), "gone_quiet")
    assert len(quiet) == 1 and "move on" in quiet[0]["text"]
    show = data(acme("show", "acme", "--json", env=at("2026-11-25T09:00")))
    assert show["gone_quiet"] is True
    listed = acme("list", env=at("2026-11-25T09:00"))
    assert "gone quiet (applied)" in listed.stdout
    quiet_only = data(acme("list", "--stage", "gone_quiet", "--json", env=at("2026-11-25T09:00")))
    assert [(r["company"], r["gone_quiet"]) for r in quiet_only] == [("Acme Corp", True)]

    # Thursday 26 Nov: they write; that reopens it
    acme("heard", "acme", "Sorry for the wait, we are still deciding", "--kind", "other",
         env=at("2026-11-26T09:00"))  # fmt: skip
    assert of_type(agenda(acme, "2026-11-26T09:00"), "gone_quiet") == []
    show = data(acme("show", "acme", "--json", env=at("2026-11-26T09:00")))
    assert show["gone_quiet"] is False
    assert data(acme("list", "--json", env=at("2026-11-26T09:00")))[0]["gone_quiet"] is False
    assert show["next_follow_up"]["on"] == "2026-12-07"


def test_overdue_promises_lead_the_agenda(acme: Cli) -> None:
    acme("promise", "acme", "decision on the role", "--due", "2026-11-10", env=at("2026-11-09"))
    items = agenda(acme, "2026-11-11T09:00")
    assert items[0]["type"] == "overdue_promise"
    assert items[0]["application"] == 1 and items[0]["date"] == "2026-11-10"
    assert "decision on the role" in items[0]["text"] and "1 day(s) overdue" in items[0]["text"]
    assert set(items[0]) == {"type", "application", "company", "role", "date", "text"}
    # the follow-up on a dated promise comes on the 2nd business day after it: Thursday 12th
    assert of_type(items, "follow_up") == []
    assert [i["date"] for i in of_type(agenda(acme, "2026-11-12T09:00"), "follow_up")] == [
        "2026-11-12"
    ]


def test_the_employers_weekend_decides_the_follow_up_day(cli: Cli) -> None:
    cli("add", "Gulf Co", "Clerk", "--weekend", "fri,sat", env=at("2026-11-09"))
    cli("add", "Plain Co", "Clerk", env=at("2026-11-09"))
    for name in ("gulf", "plain"):
        cli("promise", name, "a decision", "--due", "2026-11-11", env=at("2026-11-09"))
    gulf = data(cli("show", "gulf", "--json", env=at("2026-11-10")))["next_follow_up"]
    plain = data(cli("show", "plain", "--json", env=at("2026-11-10")))["next_follow_up"]
    assert gulf["on"] == "2026-11-15"  # Thursday, Sunday: two business days after Wednesday
    assert plain["on"] == "2026-11-13"  # Thursday, Friday


def test_days_off_in_the_config_count_for_companies_without_their_own(cli: Cli, home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('[calendar]\nholidays = ["2026-11-12"]\n')
    cli("add", "Plain Co", "Clerk", env=at("2026-11-09"))
    cli("promise", "plain", "a decision", "--due", "2026-11-11", env=at("2026-11-09"))
    shown = data(cli("show", "plain", "--json", env=at("2026-11-10")))
    assert shown["next_follow_up"]["on"] == "2026-11-16"  # Friday 13th, then Monday 16th


def test_thank_you_notes_are_owed_to_each_interviewer(acme: Cli) -> None:
    acme("interview", "acme", "--at", "2026-11-16 14:00", "--with", "Dana Reyes, HR Manager",
         "--with", "Lee Park, VP Operations", env=at("2026-11-10"))  # fmt: skip
    # not before the interview
    assert of_type(agenda(acme, "2026-11-16T10:00"), "thank_you") == []
    items = of_type(agenda(acme, "2026-11-16T18:00"), "thank_you")
    assert {i["date"] for i in items} == {"2026-11-17"}
    assert any("Dana Reyes" in i["text"] for i in items)
    assert any("Lee Park" in i["text"] for i in items)
    drafts = data(acme("followup", "acme", "--thank-you", "--json", env=at("2026-11-16T18:00")))
    assert [d["to"] for d in drafts] == ["Dana Reyes", "Lee Park"]
    assert drafts[0]["email"]["body"].startswith("Dear Dana Reyes,")
    result = acme("followup", "acme", "--thank-you", "--sent", "--to", "Dana Reyes",
                  env=at("2026-11-16T19:00"))  # fmt: skip
    assert result.exit_code == 0, result.output
    items = of_type(agenda(acme, "2026-11-17T09:00"), "thank_you")
    assert [("Lee Park" in i["text"]) for i in items] == [True]


def test_requests_and_verbal_offers_are_on_the_agenda(acme: Cli) -> None:
    acme("log", "acme", "Please send two references", "--kind", "request", "--due", "2026-11-13",
         env=at("2026-11-09"))  # fmt: skip
    acme("log", "acme", "The job is yours, letter to follow", "--channel", "phone", "--kind",
         "verbal_offer", "--due", "2026-11-12", env=at("2026-11-09"))  # fmt: skip
    items = agenda(acme, "2026-11-10T09:00")
    assert [i["date"] for i in of_type(items, "request")] == ["2026-11-13"]
    offers = of_type(items, "verbal_offer")
    assert len(offers) == 1
    assert "not yet an offer" in offers[0]["text"] and "2026-11-12" in offers[0]["text"]
    text = acme("today", env=at("2026-11-10T09:00")).stdout
    assert "Verbal offers (not yet offers)" in text and "references" in text


def test_pipeline_health_nudges_until_a_written_offer_is_accepted(acme: Cli) -> None:
    pipeline = of_type(agenda(acme, "2026-11-20T09:00"), "pipeline")
    assert len(pipeline) == 1 and pipeline[0]["application"] is None
    assert "1 live application(s)" in pipeline[0]["text"]
    assert "18 day(s) ago" in pipeline[0]["text"]
    assert "written offer is accepted" in pipeline[0]["text"]  # …nothing counts until
    acme("offer", "acme", "--salary", "58000", "--currency", "USD", env=at("2026-11-20"))
    acme("accept", "acme", env=at("2026-11-20"))
    pipeline = of_type(agenda(acme, "2026-11-20T10:00"), "pipeline")
    assert pipeline[0]["text"].startswith("a written offer is accepted")


def test_an_empty_ledger_has_an_agenda_too(cli: Cli) -> None:
    items = agenda(cli, "2026-11-20T09:00")
    assert [i["type"] for i in items] == ["pipeline"]
    assert "no application sent yet" in items[0]["text"]


def test_a_bad_clock_override_is_one_line(cli: Cli) -> None:
    result = cli("today", env=at("yesterday-ish"))
    assert result.exit_code == 2
    assert "INWRITING_NOW" in result.stderr and "Traceback" not in result.output

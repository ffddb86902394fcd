"""`inwriting hiring …` as a hiring manager uses it, on SQLite and PostgreSQL, with the clock set
by INWRITING_NOW."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from inwriting.store import db

Cli = Callable[..., Result]


def on(day: str) -> dict[str, str]:
    return {"INWRITING_NOW": f"{day}T09:00"}


def ok(cli: Cli, *args: str, day: str = "2026-11-16") -> str:
    result = cli(*args, env=on(day))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def restaurant(cli: Cli) -> Cli:
    """A line cook opening with a Friday-Saturday weekend; on Monday 16 November Amal (phone
    only) is promised an answer by Thursday and Ben by Sunday; Chloe has no date yet."""
    ok(cli, "hiring", "opening", "add", "Line cook", "--team", "Kitchen", "--weekend", "fri,sat")
    ok(cli, "hiring", "candidate", "add", "1", "Amal Haddad", "--phone", "+966 55 123 4567",
       "--since", "2026-11-09")  # fmt: skip
    ok(cli, "hiring", "candidate", "add", "Line cook", "Ben Ortiz", "--email", "ben@example.com",
       "--since", "2026-11-11")  # fmt: skip
    ok(cli, "hiring", "candidate", "add", "1", "Chloe Wu", "--phone", "555 0101")
    ok(cli, "hiring", "promise", "Amal", "--by", "thursday", "--channel", "in-person")
    ok(cli, "hiring", "promise", "Ben", "--by", "2026-11-22")
    return cli


def test_the_closure_report_at_two_different_nows(restaurant: Cli) -> None:
    wednesday = ok(restaurant, "hiring", "report", day="2026-11-18")
    assert "Closure report, Wed 2026-11-18: 3 people are still waiting for an answer." in wednesday
    lines = [line.strip() for line in wednesday.splitlines() if line.startswith("  ")]
    assert lines == [
        "Amal Haddad (#1, phone +966 55 123 4567): waiting 9 days; "
        "promised by Thu 2026-11-19: due soon",
        "Ben Ortiz (#2, email ben@example.com): waiting 7 days; "
        "promised by Sun 2026-11-22 (reminder on Thu 2026-11-19)",
        "Chloe Wu (#3, phone 555 0101): waiting 2 days; no date promised",
    ]

    later = ok(restaurant, "hiring", "report", day="2026-11-25")
    assert "Amal Haddad (#1, phone +966 55 123 4567): waiting 16 days; promised by Thu " in later
    assert "OVERDUE, 6 days past the promised date" in later
    assert "OVERDUE, 3 days past the promised date" in later

    data = json.loads(ok(restaurant, "hiring", "report", "--json", day="2026-11-25"))
    assert data["today"] == "2026-11-25" and data["waiting"] == 3
    waiting = data["openings"][0]["waiting"]
    assert [(w["name"], w["days_waiting"], w["days_past_promise"]) for w in waiting] == [
        ("Amal Haddad", 16, 6),
        ("Ben Ortiz", 14, 3),
        ("Chloe Wu", 9, 0),
    ]


def test_reminders_across_a_friday_saturday_weekend(restaurant: Cli) -> None:
    def names(day: str) -> list[tuple[str, str]]:
        data = json.loads(ok(restaurant, "hiring", "reminders", "--json", day=day))
        return [(d["name"], d["status"]) for d in data["due"]]

    assert names("2026-11-17") == []
    assert names("2026-11-18") == [("Amal Haddad", "due soon")]
    # Thursday is the business day before Ben's Sunday: Friday and Saturday are the weekend.
    assert names("2026-11-19") == [("Amal Haddad", "due today"), ("Ben Ortiz", "due soon")]
    assert names("2026-11-22") == [("Amal Haddad", "overdue"), ("Ben Ortiz", "due today")]
    assert names("2026-11-23") == [("Amal Haddad", "overdue"), ("Ben Ortiz", "overdue")]
    assert "no answer is due soon or overdue" in ok(
        restaurant, "hiring", "reminders", day="2026-11-17"
    )


def test_a_phone_only_candidate_gets_a_phone_script_first(restaurant: Cli) -> None:
    out = ok(
        restaurant, "hiring", "draft", "Amal", "--outcome", "rejected", "--from", "Sara",
        day="2026-11-19",
    )  # fmt: skip
    phone_at = out.index("--- Phone script to +966 55 123 4567 (preferred) ---")
    email_at = out.index("--- Email ---")
    assert phone_at < email_at
    assert "Note: no email address on file" in out
    assert "we have decided not to offer you the job. The decision is final." in out
    assert "on file and may contact you" not in out
    assert "Once sent: inwriting hiring answered 1 --outcome rejected" in out


def test_the_plan_changed_draft_and_the_recorded_update(restaurant: Cli) -> None:
    out = ok(
        restaurant, "hiring", "draft", "Ben", "--outcome", "update", "--new-date", "2026-12-03",
        day="2026-11-19",
    )  # fmt: skip
    assert (
        "I told you that you would hear from us by Sunday 22 November; "
        "we now expect to decide by Thursday 3 December." in out
    )
    recorded = ok(
        restaurant, "hiring", "answered", "Ben", "--outcome", "update", "--new-date",
        "2026-12-03", day="2026-11-19",
    )  # fmt: skip
    assert "now expects an answer by Thu 2026-12-03 (was Sun 2026-11-22)" in recorded
    history = ok(restaurant, "hiring", "history", "Ben", day="2026-11-19")
    assert "promised an answer by Sun 2026-11-22" in history
    assert "answer now expected by Thu 2026-12-03 (was Sun 2026-11-22)" in history
    assert "Ben Ortiz" not in ok(restaurant, "hiring", "reminders", day="2026-11-23")


def test_fill_lists_who_is_waiting_and_close_refuses_until_they_are_answered(
    restaurant: Cli,
) -> None:
    out = ok(restaurant, "hiring", "fill", "Line cook", "--with", "Chloe", day="2026-11-20")
    assert "Filled Line cook with Chloe Wu." in out
    assert "2 people still need an answer before Line cook can be closed:" in out
    assert "Amal Haddad" in out and "Ben Ortiz" in out

    refused = restaurant("hiring", "close", "Line cook", env=on("2026-11-20"))
    assert refused.exit_code == 2
    assert refused.output.count("\n") == 1  # one line, no traceback
    assert "cannot close 'Line cook': 2 people still need an answer (Amal Haddad, Ben Ortiz)" in (
        refused.output
    )
    listing = json.loads(ok(restaurant, "hiring", "opening", "list", "--json"))
    assert listing[0]["state"] == "filled" and listing[0]["closed"] is False

    ok(restaurant, "hiring", "answered", "Amal", "--outcome", "rejected", day="2026-11-20")
    ok(restaurant, "hiring", "answered", "Ben", "--outcome", "rejected", day="2026-11-20")
    assert "Closed Line cook (filled)." in ok(restaurant, "hiring", "close", "1", day="2026-11-20")
    assert "nobody is waiting" in ok(restaurant, "hiring", "report", day="2026-11-21")


def test_a_forced_close_says_who_was_left(restaurant: Cli) -> None:
    out = ok(restaurant, "hiring", "close", "1", "--force", day="2026-11-20")
    assert "Closed Line cook (cancelled)." in out
    assert "3 people were left without an answer" in out
    report = ok(restaurant, "hiring", "report", day="2026-11-20")
    assert "#1 Line cook (Kitchen): cancelled, closed" in report


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("hiring", "promise", "Chloe", "--by", "2026-11-13"), "is in the past"),
        (("hiring", "promise", "Chloe", "--by", "whenever"), "is not a date"),
        (("hiring", "promise", "Zed", "--by", "friday"), "no candidate called 'Zed'"),
        (("hiring", "candidate", "add", "Baker", "Zed", "--phone", "1"), "no opening called"),
        (("hiring", "candidate", "add", "1", "Zed", "--prefers", "email", "--phone", "1"), "email"),
        (("hiring", "answered", "Chloe", "--outcome", "perhaps"), "--outcome"),
        (("hiring", "draft", "Chloe", "--outcome", "update"), "--new-date"),
        (("hiring", "fill", "1", "--with", "Zed"), "no candidate"),
        (("hiring", "opening", "add", "Chef", "--country", "ZZ"), "country"),
    ],
)
def test_bad_input_is_one_line_a_non_zero_exit_and_nothing_written(
    restaurant: Cli, args: tuple[str, ...], message: str
) -> None:
    before = ok(restaurant, "hiring", "candidate", "list", "--json")
    openings = ok(restaurant, "hiring", "opening", "list", "--json")
    result = restaurant(*args, env=on("2026-11-16"))
    assert result.exit_code != 0
    assert result.output.startswith("error: ") and result.output.count("\n") == 1
    assert message in result.output
    assert ok(restaurant, "hiring", "candidate", "list", "--json") == before
    assert ok(restaurant, "hiring", "opening", "list", "--json") == openings


def test_every_read_command_speaks_json(restaurant: Cli) -> None:
    for args in (
        ("opening", "list"),
        ("candidate", "list"),
        ("reminders",),
        ("report",),
        ("history", "Amal"),
        ("draft", "Amal", "--outcome", "offer"),
    ):
        json.loads(ok(restaurant, "hiring", *args, "--json"))
    drafts = json.loads(ok(restaurant, "hiring", "draft", "Amal", "--outcome", "offer", "--json"))
    assert [d["channel"] for d in drafts["drafts"]] == ["phone", "email"]


def test_the_hiring_ledger_survives_an_export_and_import(
    restaurant: Cli, backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend != "sqlite":
        pytest.skip("moves between two SQLite homes")
    ok(restaurant, "hiring", "answered", "Ben", "--outcome", "update", "--new-date", "2026-12-03")
    reads = [("report", "--json"), ("history", "Ben", "--json"), ("opening", "list", "--json")]
    before = [ok(restaurant, "hiring", *args, day="2026-11-25") for args in reads]
    export = tmp_path / "ledger.json"
    ok(restaurant, "export", "--output", str(export))

    db.dispose_all()
    monkeypatch.setenv("INWRITING_HOME", str(tmp_path / "elsewhere"))
    ok(restaurant, "import", str(export))
    after = [ok(restaurant, "hiring", *args, day="2026-11-25") for args in reads]
    assert after == before

"""`inwriting correct`: the latest statement read again as another kind, on SQLite and PostgreSQL.

The reader is replaced by a stand-in where a test needs a misreading that does not depend on the
reader's current rules or weights: a learned-model guess, not confident, the kind of reading
`correct` exists for.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from typer.testing import Result

from cli_results import data, one_line_error
from inwriting.language.reader import Reading
from inwriting.services import statements

Cli = Callable[..., Result]

MON = {"INWRITING_NOW": "2026-11-09T09:00"}  # Monday 9 November 2026
TUE = {"INWRITING_NOW": "2026-11-10T11:00"}


def show(cli: Cli, name: str, when: dict[str, str] = TUE) -> dict[str, Any]:
    return data(cli("show", name, "--json", env=when))  # type: ignore[no-any-return]


def model_reading(kind: str, due: date | None = None, *, confident: bool = False) -> Reading:
    return Reading(
        kind=kind,
        due=due,
        due_range=(due, due) if due else None,
        due_time=None,
        follow_up_on=None,
        explanation=(
            f"This reads as {kind}. That is the reader's judgement, not a phrase it knows: read "
            "it again yourself, and correct it if it is wrong."
        ),
        signals=(f"learned.{kind}",),
        confident=confident,
    )


@pytest.fixture
def reader(monkeypatch: pytest.MonkeyPatch) -> Callable[[Reading], None]:
    """`reader(reading)`: from now on the reader reads every statement as `reading`."""

    def use(reading: Reading) -> None:
        def read(application: Any, text: str, said_at: datetime, channel: str | None) -> Reading:
            return reading

        monkeypatch.setattr(statements, "_read", read)

    return use


@pytest.fixture
def two(cli: Cli) -> Cli:
    """GIVEN two applications, each with an open promise of a decision by Friday 13th."""
    for company in ("Acme Corp", "Beta Labs"):
        result = cli("add", company, "Analyst", "--applied", "2026-11-02", env=MON)
        assert result.exit_code == 0, result.output
        name = company.split()[0].lower()
        result = cli("promise", name, "decision on the role", "--due", "2026-11-13", env=MON)
        assert result.exit_code == 0, result.output
    return cli


def without_ids(detail: dict[str, Any]) -> dict[str, Any]:
    """An application's story with the ids and names left out, to compare two applications."""
    drop = {"id", "statement_id", "company"}

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if k not in drop}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return clean(detail)  # type: ignore[no-any-return]


STALL = "The team is being restructured, so we are not in a position to decide yet"


def test_a_misread_rejection_corrected_to_a_delay_is_as_if_logged_as_a_delay(
    two: Cli, reader: Callable[[Reading], None]
) -> None:
    # GIVEN the reader takes a stall for a no, and is not sure of it
    reader(model_reading("rejection"))
    logged = two("log", "acme", STALL, "--channel", "phone", "--speaker", "Dana", env=TUE)
    assert logged.exit_code == 0, logged.output
    assert logged.stdout.strip().splitlines()[-1].startswith("not sure of this reading")
    assert "`inwriting correct 1 --kind …`" in logged.stdout
    misread = show(two, "acme")
    assert misread["stage"] == "rejected"
    assert [p["state"] for p in misread["promises"]] == ["withdrawn"]

    # WHEN the user corrects it to a delay with the date they heard
    result = two("correct", "acme", "--kind", "delay", "--due", "2026-11-20", env=TUE)
    assert result.exit_code == 0, result.output
    assert "rejection → delay" in result.stdout
    assert "stage: rejected → applied" in result.stdout

    # THEN the promise is superseded (not withdrawn), the stage is back, and the ledger is the
    # one it would be had the statement been logged as a delay in the first place
    corrected = show(two, "acme")
    assert corrected["stage"] == "applied"
    assert [(p["state"], p["due"]) for p in corrected["promises"]] == [
        ("superseded", "2026-11-13"),
        ("open", "2026-11-20"),
    ]
    assert "rejected" not in [e["type"] for e in corrected["events"]]
    two(
        "log", "beta", STALL, "--channel", "phone", "--speaker", "Dana",
        "--kind", "delay", "--due", "2026-11-20", env=TUE,
    )  # fmt: skip
    assert without_ids(corrected) == without_ids(show(two, "beta"))
    # the statement keeps what was said, by whom, how and when; its kind is now the user's
    said = corrected["statements"][0]
    assert (said["text"], said["speaker"], said["channel"]) == (STALL, "Dana", "phone")
    assert said["said_at"] == misread["statements"][0]["said_at"]
    assert (said["kind"], said["kind_source"]) == ("delay", "user")
    assert said["explanation"] == "a stall or postponement of something already expected"


def test_a_promise_corrected_to_a_rejection_ends_the_application(
    two: Cli, reader: Callable[[Reading], None]
) -> None:
    reader(model_reading("promise", date(2026, 11, 17)))
    two("log", "acme", "We will be in touch about the outcome", env=TUE)
    assert [p["state"] for p in show(two, "acme")["promises"]] == ["open", "open"]

    out = data(two("correct", "acme", "--kind", "rejection", "--json", env=TUE))

    assert set(out) == {
        "statement_id", "application", "kind", "kind_source", "due", "due_source",
        "explanation", "stage_before", "stage", "effects",
        "kind_before", "kind_source_before", "due_before", "undone",
    }  # fmt: skip
    assert (out["kind_before"], out["kind_source_before"]) == ("promise", "reader")
    assert (out["kind"], out["kind_source"]) == ("rejection", "user")
    assert (out["stage_before"], out["stage"]) == ("applied", "rejected")
    assert out["due_before"] == "2026-11-17"
    assert out["undone"] == [
        "removed promise: We will be in touch about the outcome, due 2026-11-17"
    ]
    assert "1 open promise(s) withdrawn" in out["effects"]
    detail = show(two, "acme")
    # the promise the misreading made is gone, not withdrawn; the earlier one is withdrawn
    assert [(p["what"], p["state"]) for p in detail["promises"]] == [
        ("decision on the role", "withdrawn")
    ]
    assert detail["stage"] == "rejected"


def test_the_reader_agreeing_keeps_its_explanation_and_its_date(
    two: Cli, reader: Callable[[Reading], None]
) -> None:
    # The reader read a promise due the 17th but the user had said "other" when logging.
    reader(model_reading("promise", date(2026, 11, 17)))
    two("log", "acme", "We will be in touch about the outcome", "--kind", "other", env=TUE)
    out = data(two("correct", "acme", "--kind", "promise", "--json", env=TUE))
    assert (out["due"], out["due_source"]) == ("2026-11-17", "stated")
    assert "That is the reader's judgement" in out["explanation"]
    assert [p["due"] for p in show(two, "acme")["promises"]] == ["2026-11-13", "2026-11-17"]


def test_only_the_latest_statement_can_be_corrected(two: Cli) -> None:
    two("log", "acme", "We went with someone else", "--kind", "rejection", env=TUE)
    two("log", "acme", "Sorry, that was meant for another candidate", "--kind", "other", env=TUE)
    before = show(two, "acme")

    message = one_line_error(
        two("correct", "acme", "--statement", "1", "--kind", "delay", env=TUE), 2
    )

    assert "statement #1" in message and "later" in message and "#2" in message
    assert "inwriting log" in message  # what to do instead
    assert show(two, "acme") == before
    # the latest one can be
    assert two("correct", "acme", "--statement", "2", "--kind", "other", env=TUE).exit_code == 0


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["acme", "--kind", "maybe"], 2, "unknown kind 'maybe'"),
        (["acme", "--kind", "delay", "--due", "2026-11-01"], 2, "before"),
        (["acme", "--kind", "delay", "--due", "soon"], 2, "YYYY-MM-DD"),
        (["acme", "--kind", "delay", "--statement", "99"], 3, "no statement #99"),
        (["nobody", "--kind", "delay"], 3, "no application matches"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    two: Cli, args: list[str], code: int, words: str
) -> None:
    two("log", "acme", "We went with someone else", "--kind", "rejection", env=TUE)
    before = show(two, "acme")
    assert words in one_line_error(two("correct", *args, env=TUE), code)
    assert show(two, "acme") == before


def test_an_application_with_no_statement_has_nothing_to_correct(two: Cli) -> None:
    message = one_line_error(two("correct", "acme", "--kind", "delay", env=TUE), 2)
    assert "no statement to correct" in message and "inwriting log" in message


def test_a_reply_corrected_keeps_the_promises_it_answers_and_stays_a_reply(two: Cli) -> None:
    two("heard", "acme", "Lovely to hear from you!", "--kind", "enthusiasm", env=TUE)
    assert [p["state"] for p in show(two, "acme")["promises"]] == ["open"]

    result = two("correct", "acme", "--kind", "other", env=TUE)

    assert result.exit_code == 0, result.output
    assert "kept: decision on the role" in result.stdout
    detail = show(two, "acme")
    assert [p["state"] for p in detail["promises"]] == ["kept"]
    assert [e["type"] for e in detail["events"]].count("reply_received") == 1
    # and back again: the promise is open once more
    two("correct", "acme", "--kind", "enthusiasm", env=TUE)
    assert [p["state"] for p in show(two, "acme")["promises"]] == ["open"]


def test_a_request_stays_done_when_only_its_date_is_corrected(two: Cli) -> None:
    two("log", "acme", "Please send two references", "--kind", "request", env=TUE)
    two("done", "acme", "references", env=TUE)
    two("correct", "acme", "--kind", "request", "--due", "2026-11-16", env=TUE)
    requests = show(two, "acme")["requests"]
    assert [(r["due"], r["done_at"] is not None) for r in requests] == [("2026-11-16", True)]


def test_a_sure_reading_or_a_kind_given_by_the_user_needs_no_hint(
    two: Cli, reader: Callable[[Reading], None]
) -> None:
    reader(model_reading("delay", confident=True))
    assert "inwriting correct" not in two("log", "acme", STALL, env=TUE).stdout
    reader(model_reading("delay"))
    assert "inwriting correct" not in two("log", "beta", STALL, "--kind", "other", env=TUE).stdout
    # --json stays the shape `log --json` always had
    out = data(two("log", "beta", STALL, "--json", env=TUE))
    assert "inwriting correct" not in json.dumps(out) and "undone" not in out

"""`inwriting read`: one statement in words, or a batch of JSON Lines.

GIVEN a user at the command line WHEN they ask what a statement means THEN they see its kind,
due date with its weekday, the day to follow up and why; bad input gets one clear line.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inwriting.cli.app import app
from inwriting.cli.read import read_batch

runner = CliRunner()
AT = ["--at", "2026-11-18 10:00"]


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INWRITING_HOME", str(tmp_path))
    monkeypatch.setenv("INWRITING_NOW", "2026-11-18T10:00")


def test_reads_the_issue_example_in_words() -> None:
    result = runner.invoke(
        app, ["read", "The offer letter will be sent by tomorrow noon", *AT, "--channel", "phone"]
    )
    assert result.exit_code == 0, result.output
    assert "Promise" in result.output
    assert "Thursday 19 November 2026" in result.output
    assert "Monday 23 November 2026" in result.output  # the day to follow up
    assert "verbal offer is not an offer" in " ".join(result.output.split())


def test_json_output_has_iso_dates() -> None:
    result = runner.invoke(app, ["read", "We'll let you know on Monday.", *AT, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["kind"] == "promise"
    assert data["due"] == "2026-11-23"
    assert data["follow_up_on"] == "2026-11-25"
    assert data["explanation"]


def test_enthusiasm_is_labelled_not_an_offer() -> None:
    result = runner.invoke(
        app, ["read", "I look forward to working with you", *AT, "-c", "in-person"]
    )
    assert result.exit_code == 0
    assert "Enthusiasm" in result.output and "not an offer" in result.output


def test_a_weekend_changes_the_due_date() -> None:
    args = ["read", "You'll have our answer by the end of the week.", *AT, "--json"]
    plain = json.loads(runner.invoke(app, args).output)
    thu_fri = json.loads(runner.invoke(app, [*args, "--weekend", "thu,fri"]).output)
    saudi = json.loads(runner.invoke(app, [*args, "--country", "SA"]).output)
    assert plain["due"] == "2026-11-20"
    assert thu_fri["due"] == "2026-11-18"
    assert saudi["due"] == "2026-11-19"  # Friday-Saturday weekend: the week ends on Thursday


def test_the_locale_decides_numeric_dates() -> None:
    us = json.loads(runner.invoke(app, ["read", "We will call you by 4/12.", *AT, "--json"]).output)
    gb = json.loads(
        runner.invoke(
            app, ["read", "We will call you by 4/12.", *AT, "--json", "--locale", "en-GB"]
        ).output
    )
    assert us["due"] == "2027-04-12"
    assert gb["due"] == "2026-12-04"


def test_at_defaults_to_now() -> None:
    result = runner.invoke(app, ["read", "We'll call you tomorrow.", "--json"])
    assert json.loads(result.output)["due"] == "2026-11-19"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["read", "hello", "--at", "next tuesday"], "ISO 8601"),
        (["read", "hello", "--channel", "fax"], "unknown channel"),
        (["read", "hello", "--weekend", "funday"], "not a day of the week"),
        (["read", "hello", "--country", "XX"], "country code"),
        (["read", ""], "nothing to read"),
        (["read"], "nothing to read"),
        (["read", "x" * 1_048_576], "characters"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_binary_junk_is_read_without_a_traceback() -> None:
    junk = bytes(range(1, 256)).decode("latin-1")
    result = runner.invoke(app, ["read", junk, *AT, "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["kind"] == "other"


# --- batch -------------------------------------------------------------------------------------


def _lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_batch_reads_lines_in_order_with_ids(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": "We'll call you Monday.", "at": "2026-11-18T10:00"}),
                json.dumps({"text": "We went with another candidate.", "channel": "email"}),
                json.dumps(
                    {
                        "text": "We will revert this week or next.",
                        "country": "SA",
                        "at": "2026-11-18",
                    }
                ),
            ]
        )
        + "\n"
    )
    result = runner.invoke(app, ["read", "--batch", str(source)])
    assert result.exit_code == 0, result.output
    rows = _lines(result.output)
    assert [row["id"] for row in rows] == ["a", 2, 3]
    assert rows[0]["kind"] == "promise" and rows[0]["due"] == "2026-11-23"
    assert rows[1]["kind"] == "rejection"
    assert rows[2]["due"] == "2026-11-26"  # the Saudi work week ends on Thursday
    for row in rows:
        assert {"id", "kind", "due", "follow_up_on", "explanation"} <= set(row)


def test_batch_bad_lines_get_an_error_and_the_run_goes_on() -> None:
    lines = [
        "not json at all",
        json.dumps({"id": 7}),
        json.dumps({"text": "hello", "at": "yesterday-ish"}),
        json.dumps({"text": "hello", "channel": "carrier pigeon"}),
        json.dumps({"text": ["not", "a", "string"]}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "We'll call you Friday.", "at": "2026-11-18T10:00"}),
    ]
    result = runner.invoke(app, ["read", "--batch", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    rows = _lines(result.output)
    assert len(rows) == 7
    assert [row["id"] for row in rows] == [1, 7, 3, 4, 5, 6, 7]
    assert all("error" in row for row in rows[:6])
    assert "not JSON" in str(rows[0]["error"])
    assert '"text" is missing' in str(rows[1]["error"])
    assert "ISO 8601" in str(rows[2]["error"])
    assert "unknown channel" in str(rows[3]["error"])
    assert "must be a string" in str(rows[4]["error"])
    assert rows[6]["kind"] == "promise" and rows[6]["due"] == "2026-11-20"
    assert "Traceback" not in result.output


def test_batch_undecodable_bytes_and_huge_text_are_errors_not_crashes() -> None:
    huge = json.dumps({"text": "a" * 1_048_576})
    data = b"\xff\xfe\x00junk\n" + huge.encode() + b'\n{"text": "We will call you."}\n'
    result = runner.invoke(app, ["read", "--batch", "-"], input=data)
    assert result.exit_code == 1
    rows = _lines(result.output)
    assert "UTF-8" in str(rows[0]["error"])
    assert "characters" in str(rows[1]["error"])
    assert rows[2]["kind"] == "promise"


def test_batch_of_a_missing_file_is_one_line() -> None:
    result = runner.invoke(app, ["read", "--batch", "/no/such/file.jsonl"])
    assert result.exit_code == 2
    assert "cannot read" in result.output


def test_text_and_batch_together_is_a_usage_error() -> None:
    result = runner.invoke(app, ["read", "hello", "--batch", "-"], input="")
    assert result.exit_code == 2


def test_read_batch_function_skips_blank_lines_and_keeps_line_numbers() -> None:
    now = datetime(2026, 11, 18, 10, 0)
    rows = list(
        read_batch(['{"text": "We will call you Monday."}', "", "  ", '{"text": "hi"}'], now)
    )
    assert [row["id"] for row in rows] == [1, 4]
    assert rows[0]["due"] == "2026-11-23"

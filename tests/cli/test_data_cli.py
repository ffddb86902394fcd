"""`inwriting export`, `import` and `backup` as a user runs them: what they print, what they
write, and the exit code; bad files get one line per bad row and never a traceback."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Cli = Callable[..., Result]
NOW = {"INWRITING_NOW": "2026-11-23T09:00:00+00:00"}

SPREADSHEET = """\
Company,Role,Applied,Source,URL,Country,Notes,Salary hopes
Acme Analytics,Senior Data Analyst,2026-11-02,referral,https://acme.example/42,US,Priya said hi,90k
Nakhla Logistics,Supply-chain Planner,,,,SA,,
"Bright, Bold & Co",UX Researcher,2026-10-28,job board,,,"said ""call me"" on the phone",
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def csv_rows(cli: Cli) -> list[dict[str, str]]:
    result = cli("export", "--format", "csv", env=NOW)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    assert "internal error" not in result.stderr


def test_a_spreadsheet_becomes_applications_with_their_stage_derived(
    cli: Cli, tmp_path: Path
) -> None:
    result = cli("import", str(write(tmp_path, "jobs.csv", SPREADSHEET)), env=NOW)

    assert result.exit_code == 0, result.output
    assert "imported 3 applications" in result.stdout
    rows = csv_rows(cli)
    assert [(r["company"], r["role"], r["stage"], r["applied"]) for r in rows] == [
        ("Acme Analytics", "Senior Data Analyst", "applied", "2026-11-02"),
        ("Nakhla Logistics", "Supply-chain Planner", "interested", ""),
        ("Bright, Bold & Co", "UX Researcher", "applied", "2026-10-28"),
    ]
    assert rows[0]["source"] == "referral" and rows[0]["country"] == "US"
    assert rows[0]["notes"] == "Priya said hi"  # the unknown "Salary hopes" column is left out
    assert rows[1]["country"] == "SA"
    assert rows[2]["notes"] == 'said "call me" on the phone'


def test_a_csv_export_reads_back_in_as_the_same_applications(cli: Cli, tmp_path: Path) -> None:
    cli("import", str(write(tmp_path, "jobs.csv", SPREADSHEET)), env=NOW)
    exported = cli("export", "-f", "csv", "-o", str(tmp_path / "out.csv"), env=NOW)
    assert exported.exit_code == 0
    first = csv_rows(cli)

    again = cli("import", str(tmp_path / "out.csv"), env=NOW)

    # Every role is still open, so the ledger refuses each as a duplicate: nothing is added.
    assert again.exit_code == 2
    assert again.stderr.count("is already in the ledger") == 3
    assert csv_rows(cli) == first


BROKEN = """\
company,role,applied
Acme Analytics,Data Analyst,2026-11-02
,Backend Engineer,2026-11-03
Globex,,2026-11-04
Initech,QA Lead,03/11/2026
Umbrella,Researcher,2026-11-40
Stark,Engineer,2026-11-01
Stark,Engineer,2026-11-02
Wayne,Analyst,2027-01-01
"""


def test_bad_rows_are_named_by_line_and_nothing_is_imported(cli: Cli, tmp_path: Path) -> None:
    result = cli("import", str(write(tmp_path, "broken.csv", BROKEN)), env=NOW)

    assert result.exit_code == 2
    assert_no_traceback(result)
    lines = result.stderr.strip().splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "line 3",
        "line 4",
        "line 5",
        "line 6",
        "line 8",
        "line 9",
    ]
    assert "no company" in lines[0] and "no role" in lines[1]
    assert "'03/11/2026' is not a date as YYYY-MM-DD" in lines[2]
    assert "2026-11-40" in lines[3]
    assert "already in the ledger" in lines[4]
    assert "in the future" in lines[5]
    assert lines[-1].startswith("error: nothing imported: 6 bad records")
    assert "--skip-bad" in lines[-1]
    assert csv_rows(cli) == []


def test_skip_bad_imports_the_good_rows_and_lists_the_rest(cli: Cli, tmp_path: Path) -> None:
    result = cli("import", str(write(tmp_path, "broken.csv", BROKEN)), "--skip-bad", env=NOW)

    assert result.exit_code == 0, result.output
    assert "imported 2 applications" in result.stdout
    assert "skipped 6 bad rows" in result.stdout
    assert result.stderr.count("skipped line ") == 6
    assert [r["company"] for r in csv_rows(cli)] == ["Acme Analytics", "Stark"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("empty.csv", "", "the CSV file is empty"),
        ("people.csv", "name,email\nDana,dana@x\n", "the CSV has no 'company' column"),
        ("notes.txt", "company,role\n", "cannot tell the format"),
        ("half.json", '{"format": "inwriting-export", "version": 1, "companies": [{"id"', "line 1"),
        ("list.json", "[1, 2, 3]", "not an inwriting JSON export"),
    ],
)
def test_a_file_that_cannot_be_imported_gets_one_line(
    cli: Cli, tmp_path: Path, name: str, text: str, message: str
) -> None:
    result = cli("import", str(write(tmp_path, name, text)), env=NOW)

    assert result.exit_code == 2
    assert_no_traceback(result)
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr


def test_a_missing_or_non_utf8_file_is_named(cli: Cli, tmp_path: Path) -> None:
    missing = cli("import", str(tmp_path / "nope.csv"), env=NOW)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("company,role\nSoci\xe9t\xe9 G\xe9n\xe9rale,Analyst\n".encode("latin-1"))
    garbled = cli("import", str(latin), env=NOW)

    assert missing.exit_code == 2 and "there is no file" in missing.stderr
    assert garbled.exit_code == 2 and "not UTF-8" in garbled.stderr
    assert_no_traceback(garbled)


def test_json_export_to_a_file_then_import_into_a_ledger_with_data(
    cli: Cli, tmp_path: Path
) -> None:
    cli("import", str(write(tmp_path, "jobs.csv", SPREADSHEET)), env=NOW)
    target = tmp_path / "ledger.json"
    exported = cli("export", "--output", str(target), env=NOW)
    assert exported.exit_code == 0 and f"wrote {target}" in exported.stderr
    document = json.loads(target.read_text())
    assert document["format"] == "inwriting-export" and len(document["applications"]) == 3

    refused = cli("import", str(target), env=NOW)
    merged = cli("import", str(target), "--merge", env=NOW)

    assert refused.exit_code == 2 and "--merge" in refused.stderr
    assert merged.exit_code == 0, merged.output
    assert "imported 3 applications" in merged.stdout
    assert "3 already in the ledger were reused" in merged.stdout  # the three companies
    assert len(csv_rows(cli)) == 6


def test_json_export_goes_to_standard_output_by_default(cli: Cli, tmp_path: Path) -> None:
    cli("import", str(write(tmp_path, "jobs.csv", SPREADSHEET)), env=NOW)
    result = cli("export", env=NOW)
    assert result.exit_code == 0
    assert [a["role"] for a in json.loads(result.stdout)["applications"]] == [
        "Senior Data Analyst",
        "Supply-chain Planner",
        "UX Researcher",
    ]


def test_merge_is_refused_for_csv(cli: Cli, tmp_path: Path) -> None:
    result = cli("import", str(write(tmp_path, "jobs.csv", SPREADSHEET)), "--merge", env=NOW)
    assert result.exit_code == 2 and "--merge is for JSON exports" in result.stderr


def test_ics_export_has_a_stable_event_per_open_promise(cli: Cli, tmp_path: Path) -> None:
    assert cli("add", "Acme Analytics", "Data Analyst", "--applied", "2026-11-02", env=NOW)
    promised = cli("promise", "Acme", "a decision on the role", "--due", "2026-11-27", env=NOW)
    assert promised.exit_code == 0, promised.output

    first = cli("export", "--format", "ics", env=NOW)
    later = cli("export", "--format", "ics", env={"INWRITING_NOW": "2026-11-24T09:00:00Z"})

    assert first.exit_code == 0, first.output
    from icalendar import Calendar

    events = Calendar.from_ical(first.stdout).walk("VEVENT")
    promise = [e for e in events if str(e["UID"]).startswith("promise-")]
    assert len(promise) == 1
    assert promise[0].decoded("DTSTART").isoformat() == "2026-11-27"
    assert "Acme Analytics promised: a decision on the role" in str(promise[0]["SUMMARY"])
    later_uids = {str(e["UID"]) for e in Calendar.from_ical(later.stdout).walk("VEVENT")}
    assert str(promise[0]["UID"]) in later_uids


def test_backup_writes_a_copy_and_keeps_an_existing_file(
    cli: Cli, backend: str, tmp_path: Path
) -> None:
    cli("import", str(write(tmp_path, "jobs.csv", SPREADSHEET)), env=NOW)
    target = tmp_path / "backup.db"

    first = cli("backup", str(target))
    second = cli("backup", str(target))

    if backend == "postgresql":
        assert first.exit_code == 2 and "pg_dump" in first.stderr
        assert not target.exists()
        return
    assert first.exit_code == 0, first.output
    assert f"backed up the ledger to {target}" in first.stdout
    assert second.exit_code == 2 and "--force" in second.stderr
    assert cli("backup", str(target), "--force").exit_code == 0


def test_ics_shows_the_next_follow_up_before_it_is_due_on_the_employers_calendar(
    cli: Cli,
) -> None:
    # Due Wednesday 25 November 2026; Thanksgiving (Thursday 26) is a US holiday, so the polite
    # follow-up two business days later falls on Monday 30 November.
    added = cli(
        "add", "Acme Analytics", "Data Analyst", "--applied", "2026-11-02", "--country", "US"
    )
    assert added.exit_code == 0, added.output
    cli("promise", "Acme", "a decision on the role", "--due", "2026-11-25", env=NOW)
    from icalendar import Calendar

    def follow_ups(now: str) -> list[tuple[str, str]]:
        feed = cli("export", "--format", "ics", env={"INWRITING_NOW": now})
        assert feed.exit_code == 0, feed.output
        return [
            (str(e["UID"]), e.decoded("DTSTART").isoformat())
            for e in Calendar.from_ical(feed.stdout).walk("VEVENT")
            if str(e["SUMMARY"]).startswith("Follow up")
        ]

    ahead = follow_ups("2026-11-24T09:00:00Z")
    due = follow_ups("2026-12-01T09:00:00Z")
    assert [day for _uid, day in ahead] == ["2026-11-30"]
    # The same event (same UID) when the day comes, so a subscribed calendar does not double it.
    assert [uid for uid, _day in due] == [uid for uid, _day in ahead]
    assert [day for _uid, day in due] == ["2026-12-01"]

"""`inwriting lint` from the command line: golden output of the three formats, exit codes,
standard input, config."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inwriting.cli.app import app

GOLDEN = Path(__file__).resolve().parent.parent / "language" / "lint_cases" / "golden"
# Set INWRITING_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change.
UPDATE = os.environ.get("INWRITING_UPDATE_GOLDEN") == "1"


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("INWRITING_HOME", str(home))
    monkeypatch.setenv("INWRITING_NOW", "2026-11-23T10:00:00")
    return home


def run(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["lint", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("output", "expected"), [("text", "txt"), ("json", "json"), ("sarif", "sarif")]
)
def test_golden_output(output: str, expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(GOLDEN)
    code, stdout, _ = run("--format", output, "interview.md")
    path = GOLDEN / f"interview.expected.{expected}"
    if UPDATE:
        path.write_text(stdout, encoding="utf-8")
    assert stdout == path.read_text(encoding="utf-8")
    assert code == 1  # the file has errors, and --fail-on is error by default


def test_sarif_is_a_valid_2_1_0_log(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(GOLDEN)
    _, stdout, _ = run("--format", "sarif", "interview.md")
    log = json.loads(stdout)
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    [sarif_run] = log["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "inwriting"
    described = {rule["id"]: rule for rule in driver["rules"]}
    for result in sarif_run["results"]:
        rule = driver["rules"][result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert result["level"] in {"note", "warning", "error"}
        assert result["message"]["text"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
            "interview.md"
        )
    levels = {r["ruleId"]: r["level"] for r in sarif_run["results"]}
    assert levels["privacy.family"] == "error"
    assert levels["presumes-hire.your-office"] == "warning"
    assert levels["promise.no-channel"] == "note"
    assert described["assurance.job-for-life"]["helpUri"].startswith("https://")
    assert "helpUri" not in described["promise.no-date"]  # no source, no link
    assert all(rule["shortDescription"]["text"] for rule in driver["rules"])


def test_clean_text_exits_zero_and_prints_nothing(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    path.write_text("Thank you for your time; we will let you know by Friday, by email.\n")
    assert run(str(path)) == (0, "", "")


def test_fail_on_sets_the_level_that_fails(tmp_path: Path) -> None:
    path = tmp_path / "warn.txt"
    path.write_text("Your desk is by the window.\n")
    code, stdout, stderr = run(str(path))
    assert code == 0 and "presumes-hire.your-office" in stdout
    assert stderr.strip() == "1 finding: 1 warning"
    assert run("--fail-on", "warning", str(path))[0] == 1
    assert run("--fail-on", "suggestion", str(path))[0] == 1


def test_stdin_is_read_with_a_dash_and_named_by_stdin_name() -> None:
    code, stdout, _ = run(
        "-", "--stdin-name", "draft.md", stdin='Say "your desk", not your desk.\n'
    )
    assert code == 0
    assert stdout.startswith("draft.md:1:22: warning presumes-hire.your-office ")


def test_an_email_file_is_read_as_an_email(tmp_path: Path) -> None:
    path = tmp_path / "reply.eml"
    path.write_bytes(
        b"From: hr@example.com\r\nSubject: Thanks\r\nContent-Type: text/plain\r\n\r\n"
        b"Hi Sam,\r\nYou'll always have a job here.\r\n"
    )
    code, stdout, _ = run(str(path))
    assert code == 1
    assert stdout.startswith(f"{path}:2:1: error assurance.job-for-life ")


def test_disable_on_the_command_line_and_in_config(tmp_path: Path, _home: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Your desk. Your team.\n")
    _, stdout, _ = run("--disable", "presumes-hire.your-office", str(path))
    assert "your-office" not in stdout and "your-team" in stdout
    _home.mkdir(parents=True, exist_ok=True)
    (_home / "config.toml").write_text('[lint]\ndisable = ["presumes-hire"]\n')
    assert run(str(path)) == (0, "", "")


def test_config_rule_dirs_add_rules_relative_to_the_config_file(
    tmp_path: Path, _home: Path
) -> None:
    (_home / "rules").mkdir(parents=True)
    (_home / "rules" / "house.yaml").write_text(
        "rules:\n  - id: house.ninja\n    level: error\n    message: say what the job needs\n"
        "    patterns: ['\\bninja\\b']\n"
    )
    (_home / "config.toml").write_text('[lint]\nrule_dirs = ["rules"]\n')
    path = tmp_path / "post.md"
    path.write_text("We want a coding ninja.\n")
    code, stdout, _ = run(str(path))
    assert code == 1
    assert stdout == f"{path}:1:18: error house.ninja say what the job needs\n"


def test_list_rules_shows_every_rule_in_force() -> None:
    code, stdout, _ = run("--list-rules")
    assert code == 0
    ids = [line.split()[0] for line in stdout.splitlines()]
    assert "presumes-hire.your-team" in ids and "offer-letter.expiry" in ids
    code, stdout, _ = run("--list-rules", "--format", "json", "--disable", "offer-letter")
    assert not [rule for rule in json.loads(stdout) if rule["id"].startswith("offer-letter")]


@pytest.mark.parametrize(
    ("args", "config", "complaint"),
    [
        (["nowhere.md"], None, "nowhere.md: no such file"),
        (["--format", "xml", "x.md"], None, "unknown --format 'xml'"),
        (["--fail-on", "fatal", "x.md"], None, "unknown --fail-on 'fatal'"),
        (["--disable", "presumes-hire.sofa", "x.md"], None, "unknown lint rule id"),
        (["x.md"], '[lint]\ndisable = ["no-such-rule"]\n', "unknown lint rule id(s): no-such-rule"),
        (["x.md"], "[lint]\nignore = []\n", "unknown setting(s) in [lint]"),
        (["x.md"], '[lint]\nrule_dirs = "rules"\n', "must be a list of strings"),
        ([], None, "name at least one FILE"),
    ],
)
def test_bad_usage_is_one_line_and_exit_two(
    args: list[str], config: str | None, complaint: str, tmp_path: Path, _home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.md").write_text("Fine.\n")
    if config:
        _home.mkdir(parents=True, exist_ok=True)
        (_home / "config.toml").write_text(config)
    code, stdout, stderr = run(*args)
    assert code == 2
    assert stdout == ""
    assert complaint in stderr and stderr.count("\n") == 1


def test_a_file_that_is_not_utf8_is_bad_usage(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Caf\xe9 with your desk")
    code, _, stderr = run(str(path))
    assert code == 2 and "not UTF-8" in stderr

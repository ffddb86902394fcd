"""CLI command: lint — check what interviewers and recruiters write before it is sent."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from inwriting import clock, config
from inwriting.errors import UserError
from inwriting.language.lint import Finding, lint
from inwriting.language.lint_report import OUTPUT_FORMATS, render
from inwriting.language.lint_rules import LEVELS, RANK, RuleSet, load_rules
from inwriting.language.lint_source import FORMATS, detect_format, load_document
from inwriting.paths import config_file

FINDINGS_EXIT = 1
_CONFIG_KEYS = ("disable", "rule_dirs")

# Paragraphs are single lines: the help renderer wraps them to the terminal's width.
HELP = (
    "Check interview scripts, candidate emails, offer letters and job posts.\n\n"
    "Flags language that presumes a hire, promises of contact with no date, assurances that "
    "can read as contract terms, other people's private circumstances, and offer letters that "
    "lack what a candidate needs to decide.\n\n"
    "FILE may be plain text, Markdown (.md) or an email (.eml); - reads standard input. Text in "
    "double quotes, code spans and regions turned off with <!-- inwriting-disable RULE --> "
    "are not flagged. Rules: --list-rules; details: docs/lint.md.\n\n"
    "Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, "
    "2 on bad usage."
)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("lint", help=HELP)(lint_command)


def lint_command(
    files: Annotated[
        list[str] | None,
        typer.Argument(metavar="FILE...", help="Files to check; - for standard input."),
    ] = None,
    output: Annotated[
        str, typer.Option("--format", "-f", help="Output: text (file:line:col), json or sarif.")
    ] = "text",
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on", help="Exit 1 when a finding is at or above: suggestion, warning, error."
        ),
    ] = "error",
    disable: Annotated[
        list[str] | None,
        typer.Option(
            "--disable", "-d", help="Turn off a rule id or a family (e.g. presumes-hire). Repeat."
        ),
    ] = None,
    rule_dirs: Annotated[
        list[Path] | None,
        typer.Option(
            "--rules", help="A folder of extra YAML rules (as well as those in the config file)."
        ),
    ] = None,
    input_format: Annotated[
        str,
        typer.Option("--input-format", help="auto (from the extension), text, markdown or eml."),
    ] = "auto",
    stdin_name: Annotated[
        str,
        typer.Option("--stdin-name", help="Name shown for - (its extension sets the format)."),
    ] = "<stdin>",
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List the rules in force and exit.")
    ] = False,
) -> None:
    """Lint the files and print findings; the exit status says whether any reached --fail-on."""
    if output not in OUTPUT_FORMATS:
        raise UserError(f"unknown --format '{output}'; use one of {', '.join(OUTPUT_FORMATS)}")
    if fail_on not in LEVELS:
        raise UserError(f"unknown --fail-on '{fail_on}'; use one of {', '.join(LEVELS)}")
    if input_format != "auto" and input_format not in FORMATS:
        raise UserError(
            f"unknown --input-format '{input_format}'; use auto or one of {', '.join(FORMATS)}"
        )
    rules = _rules_in_force(disable or [], rule_dirs or [])
    if list_rules:
        typer.echo(_rule_list(rules, output), nl=False)
        return
    if not files:
        raise UserError("name at least one FILE to lint, or - for standard input")
    at = clock.now()
    findings: list[Finding] = []
    for name in files:
        shown = stdin_name if name == "-" else name
        fmt = None if input_format == "auto" else input_format
        document = load_document(shown, _read(name), fmt or detect_format(shown))
        findings.extend(lint(document, rules, at))
    typer.echo(render(findings, rules.rules, output), nl=False)
    if output == "text" and findings:
        typer.echo(_summary(findings), err=True)
    if any(finding.at_or_above(fail_on) for finding in findings):
        raise typer.Exit(FINDINGS_EXIT)


def _rules_in_force(disable: list[str], extra_dirs: list[Path]) -> RuleSet:
    settings = config.section("lint")
    unknown = sorted(set(settings) - set(_CONFIG_KEYS))
    if unknown:
        raise UserError(
            f"unknown setting(s) in [lint] of {config_file()}: {', '.join(unknown)}; "
            f"known: {', '.join(_CONFIG_KEYS)}"
        )
    configured_off = _strings(settings.get("disable", []), "disable")
    configured_dirs = [
        _resolve(Path(folder)) for folder in _strings(settings.get("rule_dirs", []), "rule_dirs")
    ]
    rules = load_rules([*configured_dirs, *extra_dirs])
    return rules.without([*configured_off, *disable])


def _strings(value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UserError(f"[lint] {key} in {config_file()} must be a list of strings")
    return value


def _resolve(folder: Path) -> Path:
    # A relative folder in the config file is taken relative to the file itself.
    folder = folder.expanduser()
    return folder if folder.is_absolute() else config_file().parent / folder


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if path.is_dir():
        raise UserError(f"{name} is a folder; name the files in it to lint")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{name}: no such file") from None
    except OSError as error:
        raise UserError(f"cannot read {name}: {error.strerror or error}") from None


def _summary(findings: list[Finding]) -> str:
    counts = {level: 0 for level in LEVELS}
    for finding in findings:
        counts[finding.level] += 1
    parts = [
        f"{counts[level]} {level}{'s' if counts[level] != 1 else ''}"
        for level in sorted(LEVELS, key=lambda level: -RANK[level])
        if counts[level]
    ]
    total = len(findings)
    return f"{total} finding{'s' if total != 1 else ''}: {', '.join(parts)}"


def _rule_list(rules: RuleSet, output: str) -> str:
    if output != "text":
        listed = [
            {
                "id": rule.id,
                "level": rule.level,
                "kind": rule.kind,
                "message": rule.message,
                "suggestion": rule.suggestion,
                "why": rule.why,
                "source": rule.source,
            }
            for rule in rules.rules
        ]
        return json.dumps(listed, indent=2, ensure_ascii=False) + "\n"
    width = max((len(rule.id) for rule in rules.rules), default=0)
    lines = [f"{rule.id:<{width}}  {rule.level:<10}  {rule.why}" for rule in rules.rules]
    return "".join(line + "\n" for line in lines)

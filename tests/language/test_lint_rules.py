"""Each shipped lint rule against the team's passing and failing examples.

The examples live in tests/language/lint_cases/rules/<rule-id>.yaml: `flag` lists text the rule
must flag, `pass` lists text it must leave alone (other rules may still fire on it). Sentences are
linted as one-line plain-text documents; files marked `document: true` hold whole documents.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml

from inwriting.language.lint import lint
from inwriting.language.lint_rules import RuleSet, load_rules
from inwriting.language.lint_source import make_document

CASES = Path(__file__).parent / "lint_cases" / "rules"
AT = datetime(2026, 11, 23, 10, 0)
RULES = load_rules()


def _cases() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for expected in ("flag", "pass"):
            for text in data.get(expected, []):
                found.append((path.stem, expected, text))
    return found


def _case_id(case: tuple[str, str, str]) -> str:
    rule, expected, text = case
    return f"{rule}-{expected}-{' '.join(text.split())[:40]}"


@pytest.mark.parametrize("case", _cases(), ids=_case_id)
def test_rule_example(case: tuple[str, str, str]) -> None:
    rule_id, expected, text = case
    # Only the rule under test runs, so a passing example proves nothing about other rules.
    only = RuleSet(tuple(r for r in RULES.rules if r.id == rule_id), RULES.documents)
    document = make_document("case.md", text, "markdown")
    flagged = {finding.rule for finding in lint(document, only, AT)}
    if expected == "flag":
        assert rule_id in flagged, f"{rule_id} should flag: {text!r}"
    else:
        assert rule_id not in flagged, f"{rule_id} should not flag: {text!r}"


def test_every_shipped_rule_has_failing_and_passing_examples() -> None:
    for rule in RULES.rules:
        path = CASES / f"{rule.id}.yaml"
        assert path.exists(), f"no examples for {rule.id}"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("flag") and data.get("pass"), f"{rule.id} needs flag and pass examples"


def test_every_example_file_names_a_shipped_rule() -> None:
    known = {rule.id for rule in RULES.rules}
    assert {path.stem for path in CASES.glob("*.yaml")} <= known

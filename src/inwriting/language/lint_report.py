"""The linter's findings written out: as text lines, as JSON, or as a SARIF 2.1.0 log."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from inwriting import __version__
from inwriting.language.lint import Finding
from inwriting.language.lint_rules import Rule

OUTPUT_FORMATS = ("text", "json", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"suggestion": "note", "warning": "warning", "error": "error"}


def render(findings: Sequence[Finding], rules: Sequence[Rule], output: str) -> str:
    """Findings in one of OUTPUT_FORMATS; `rules` describes the rules the findings name."""
    if output == "json":
        return to_json(findings)
    if output == "sarif":
        return to_sarif(findings, rules)
    return to_text(findings)


def to_text(findings: Sequence[Finding]) -> str:
    """One line per finding: `file:line:col: level rule-id message (try: suggestion)`."""
    lines = []
    for f in findings:
        advice = f" (try: {f.suggestion})" if f.suggestion else ""
        lines.append(f"{f.path}:{f.line}:{f.column}: {f.level} {f.rule} {f.message}{advice}")
    return "".join(line + "\n" for line in lines)


def to_json(findings: Sequence[Finding]) -> str:
    """A JSON object with every finding and the count per level."""
    counts = {level: 0 for level in _SARIF_LEVEL}
    for finding in findings:
        counts[finding.level] += 1
    document = {
        "findings": [
            {
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "end_line": f.end_line,
                "end_column": f.end_column,
                "level": f.level,
                "rule": f.rule,
                "message": f.message,
                "suggestion": f.suggestion,
                "text": f.text,
            }
            for f in findings
        ],
        "counts": counts,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def to_sarif(findings: Sequence[Finding], rules: Sequence[Rule]) -> str:
    """A SARIF 2.1.0 log with one run, describing only the rules that have results."""
    by_id = {rule.id: rule for rule in rules}
    used = sorted({finding.rule for finding in findings})
    index = {rule_id: n for n, rule_id in enumerate(used)}
    descriptors = [_descriptor(by_id[rule_id]) for rule_id in used if rule_id in by_id]
    results = [
        {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _SARIF_LEVEL[f.level],
            "message": {
                "text": f"{f.message} (try: {f.suggestion})" if f.suggestion else f.message
            },
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f.path)},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                            "snippet": {"text": f.text},
                        },
                    }
                }
            ],
        }
        for f in findings
    ]
    log: dict[str, Any] = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "inwriting",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                # Columns count characters (code points), as the text output does.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _descriptor(rule: Rule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {
            "text": rule.message.replace('"{match}" ', "").replace("{match}", "…")
        },
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.level]},
    }
    if rule.why:
        descriptor["fullDescription"] = {"text": rule.why}
    if rule.source:
        descriptor["helpUri"] = rule.source
    return descriptor


def _uri(path: str) -> str:
    # SARIF wants a URI reference: forward slashes, spaces and the like percent-encoded.
    return quote(path.replace("\\", "/"))

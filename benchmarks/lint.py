"""How well and how fast `inwriting lint` works. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/lint.py [--megabytes 10] [--misses]

1. Precision and recall on the team's labelled sentences (tests/language/lint_cases/
   labelled.jsonl): each sentence is linted on its own as plain text, and counts as flagged when
   any sentence-level rule fires. Offer-letter rules judge whole documents and are left out.
2. Lines per second on a generated file of about 10 MB: paragraphs built from the labelled
   sentences in a fixed order, so the mix of clean and flagged text is the labelled set's (half
   flagged: a dense, slow case); then the same from only the fine sentences (closer to real
   scripts and emails, where findings are rare).
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import datetime
from pathlib import Path

from inwriting.errors import UserError
from inwriting.language.lint import lint
from inwriting.language.lint_rules import RuleSet, load_rules
from inwriting.language.lint_source import make_document

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "language" / "lint_cases" / "labelled.jsonl"
AT = datetime(2026, 11, 23, 10, 0)


def _rules() -> tuple[RuleSet, str]:
    rules = load_rules()
    sentence_rules = RuleSet(
        tuple(rule for rule in rules.rules if rule.kind != "offer-letter"), rules.documents
    )
    try:
        from inwriting.language import read  # noqa: F401
    except ImportError:
        without = sentence_rules.without(["promise"])
        return without, "reader missing: promise.* rules left out"
    return sentence_rules, "with the reader"


def quality(rules: RuleSet, show_misses: bool) -> None:
    """Print precision, recall and how often the expected rule was the one that fired."""
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line]
    tp = fp = fn = tn = right_rule = 0
    misses: list[str] = []
    for row in rows:
        found = lint(make_document("s.txt", row["text"]), rules, AT)
        fired = {finding.rule for finding in found}
        if row["flag"] and fired:
            tp += 1
            right_rule += row.get("rule") in fired
        elif row["flag"]:
            fn += 1
            misses.append(f"  missed ({row.get('rule')}): {row['text']}")
        elif fired:
            fp += 1
            misses.append(f"  false alarm ({', '.join(sorted(fired))}): {row['text']}")
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    flagged = sum(1 for row in rows if row["flag"])
    print(f"labelled set: {len(rows)} sentences, {flagged} to flag, {len(rows) - flagged} fine")
    print(f"  true positives {tp}, false positives {fp}, false negatives {fn}, true negatives {tn}")
    print(f"  precision {precision:.3f}  recall {recall:.3f}")
    print(f"  expected rule among those that fired: {right_rule}/{tp}")
    if show_misses:
        print("\n".join(misses))


def speed(rules: RuleSet, megabytes: float, *, only_fine: bool = False) -> None:
    """Print lines per second on a generated document of about `megabytes` MB."""
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line]
    sentences = [row["text"] for row in rows if not (only_fine and row["flag"])]
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    n = 0
    while size < target:
        # Paragraphs of three sentences, two lines each, like a wrapped email.
        a, b, c = (sentences[(n + k * 37) % len(sentences)] for k in range(3))
        paragraph = f"{a} {b}\n{c}\n\n"
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8"))
        n += 1
    text = "".join(parts)
    lines = text.count("\n")
    asked = 0

    def counting_reader(sentence: str, at: datetime, channel: str) -> object:
        nonlocal asked
        asked += 1
        return read(sentence, at, channel)

    try:
        from inwriting.language import read
    except ImportError:
        counting = None
    else:
        counting = counting_reader
    started = time.perf_counter()
    document = make_document("bench.txt", text)
    found = lint(document, rules, AT, reader=counting)
    elapsed = time.perf_counter() - started
    kind = "only the fine sentences" if only_fine else "all labelled sentences"
    sentences_count = len(document.sentences)
    print(f"generated file ({kind}): {size / 1_000_000:.1f} MB, {lines} lines")
    print(f"  {sentences_count} sentences, {asked} of them sent to the reader")
    print(
        f"  {len(found)} findings in {elapsed:.2f} s: {lines / elapsed:,.0f} lines/s, "
        f"{size / 1_000_000 / elapsed:.2f} MB/s"
    )


def main() -> None:
    """Run both measurements and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--misses", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()
    try:
        rules, note = _rules()
    except UserError as error:
        raise SystemExit(f"error: {error}") from None
    print(f"rules: {len(rules.rules)} sentence-level rules ({note})")
    quality(rules, args.misses)
    speed(rules, args.megabytes)
    speed(rules, args.megabytes, only_fine=True)


if __name__ == "__main__":
    main()

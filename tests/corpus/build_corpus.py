"""Build dev.jsonl and test.jsonl from the hand-written source files in tests/corpus/source/.

    .venv/bin/python tests/corpus/build_corpus.py           # rebuild both splits, check every date
    .venv/bin/python tests/corpus/build_corpus.py --check   # only check; write nothing

Each source batch is split on its own (stratified by kind, fixed seed per batch), and the split
each item got is recorded in source/splits.txt: adding a batch or correcting a label never moves an
item from one split to the other, so the dev items the reader was tuned on stay dev items. Edit
lines in place; add new items at the end of a batch or in a new batch; never delete a line (ids
are positions). Every hand-labelled `due` is checked against its `due_rule`
(tests/corpus/gold.py); a disagreement stops the build, since one of the two labels is wrong.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gold  # noqa: E402

from inwriting.domain.calendar import BusinessCalendar, parse_weekend  # noqa: E402

SEED = 20261123
DEV_SHARE = 0.6
FROZEN = HERE / "source" / "splits.txt"
FIELDS = (
    "id",
    "text",
    "at",
    "channel",
    "locale",
    "country",
    "weekend",
    "kind",
    "due",
    "due_rule",
    "source",
    "hard_negative",
    "note",
)
DEFAULT_KEYS = ("at", "channel", "locale", "country", "weekend", "source")
_OVERRIDE = re.compile(r"(\w+)=(.*?)(?=\s+\w+=|$)")


def _null(value: str) -> str | None:
    return None if value.strip() in ("-", "") else value.strip()


def calendar_for(item: dict[str, Any]) -> BusinessCalendar:
    """The employer's calendar for a corpus item: its country, its weekend if one is given."""
    weekend = parse_weekend(item["weekend"]) if item["weekend"] else None
    return BusinessCalendar.for_country(item["country"], weekend=weekend)


def parse_source(path: Path, batch: int) -> list[dict[str, Any]]:
    """Read one source batch into corpus items (ids are b<batch>-<line order>)."""
    defaults: dict[str, str | None] = {}
    items: list[dict[str, Any]] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            for key, value in _OVERRIDE.findall(line[1:].strip()):
                defaults[key] = _null(value)
            continue
        fields = [f.strip() for f in line.split(" | ")]
        if len(fields) not in (5, 6):
            raise SystemExit(f"{path.name}:{number}: expected 5 or 6 fields, got {len(fields)}")
        kind, due, rule, text, note = fields[:5]
        values = dict(defaults)
        if len(fields) == 6:
            for key, value in _OVERRIDE.findall(fields[5]):
                values[key] = _null(value)
        hard = kind.startswith("!")
        item: dict[str, Any] = {
            "id": f"b{batch}-{len(items) + 1:03d}",
            "text": text,
            "at": values["at"],
            "channel": values["channel"],
            "locale": values["locale"],
            "country": values["country"],
            "weekend": values["weekend"],
            "kind": kind.lstrip("!"),
            "due": _null(due),
            "due_rule": _null(rule),
            "source": values["source"],
            "hard_negative": hard,
            "note": values.get("note") or note,
        }
        problem = check_due(item)
        if problem:
            raise SystemExit(f"{path.name}:{number}: {problem}\n  {text}")
        items.append(item)
    return items


def check_due(item: dict[str, Any]) -> str | None:
    """Why an item's hand-labelled due disagrees with its rule, or None when they agree."""
    if (item["due"] is None) != (item["due_rule"] is None):
        return "due and due_rule must both be null or both be set"
    if item["due"] is None:
        return None
    at = datetime.fromisoformat(item["at"])
    gold_due = gold.evaluate(item["due_rule"], at, calendar_for(item))
    if gold_due.isoformat() != item["due"]:
        return f"due {item['due']} but {item['due_rule']} gives {gold_due} at {item['at']}"
    if gold_due < at.date():
        return f"due {item['due']} is before the statement ({item['at']})"
    return None


def split(
    items: list[dict[str, Any]], batch: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A stratified random 60/40 split of one batch, the same on every run."""
    rng = random.Random(SEED + batch)
    dev: list[dict[str, Any]] = []
    test: list[dict[str, Any]] = []
    for kind in sorted({item["kind"] for item in items}):
        group = [item for item in items if item["kind"] == kind]
        rng.shuffle(group)
        cut = round(len(group) * DEV_SHARE)
        dev.extend(group[:cut])
        test.extend(group[cut:])
    return dev, test


def _write(path: Path, items: list[dict[str, Any]]) -> None:
    ordered = sorted(items, key=lambda item: item["id"])
    lines = [json.dumps({key: item[key] for key in FIELDS}, ensure_ascii=False) for item in ordered]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_frozen() -> dict[str, str]:
    """The split each item was put in when it was first built: {id: "dev" | "test"}."""
    if not FROZEN.exists():
        return {}
    pairs = (line.split() for line in FROZEN.read_text(encoding="utf-8").splitlines() if line)
    return {item_id: name for item_id, name in pairs}


def build_splits(
    frozen: dict[str, str],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]:
    """Dev items, test items and the (possibly extended) frozen assignment.

    An item keeps the split it was first given, even when its kind is corrected later (a
    re-shuffle would move items the reader was tuned on into the test split). Items not yet
    assigned, which are new lines at the end of a batch or a new batch, are split among
    themselves: stratified by kind, 60/40, with the batch's fixed seed.
    """
    assignment = dict(frozen)
    dev: list[dict[str, Any]] = []
    test: list[dict[str, Any]] = []
    for path in sorted((HERE / "source").glob("batch*.txt")):
        batch = int(path.stem.removeprefix("batch"))
        items = parse_source(path, batch)
        new_dev, new_test = split([i for i in items if i["id"] not in assignment], batch)
        assignment.update({i["id"]: "dev" for i in new_dev})
        assignment.update({i["id"]: "test" for i in new_test})
        dev += [i for i in items if assignment[i["id"]] == "dev"]
        test += [i for i in items if assignment[i["id"]] == "test"]
    known = {i["id"] for i in dev + test}
    stale = sorted(set(assignment) - known)
    if stale:
        raise SystemExit(f"frozen ids without a source line (never delete lines): {stale[:5]}")
    return dev, test, assignment


def main(argv: list[str]) -> int:
    frozen = load_frozen()
    dev, test, assignment = build_splits(frozen)
    if "--check" in argv:
        if assignment != frozen:
            waiting = len(set(assignment) - set(frozen))
            print(
                f"all dates check; {waiting} items not yet assigned to a split: run without --check"
            )
            return 1
    else:
        _write(HERE / "dev.jsonl", dev)
        _write(HERE / "test.jsonl", test)
        FROZEN.write_text(
            "".join(f"{item_id} {name}\n" for item_id, name in sorted(assignment.items())),
            encoding="utf-8",
        )
    print(f"{len(dev)} dev + {len(test)} test = {len(dev) + len(test)} items, all dates check")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

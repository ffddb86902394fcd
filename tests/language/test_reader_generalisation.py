"""The reader on wordings written apart from the corpus: tests/language/reader_cases/*.jsonl.

Two sets, each written apart from the corpus (tests/corpus/) so that the rules are held to
families of wording rather than to the dev split's sentences:

- generalisation.jsonl: the many ways employers say no, make an offer with its terms, promise one
  for later, or only sound like they do;
- generalisation2.jsonl: written offers in letter and email formats (British, Indian, Australian
  phrasing, pay in many notations), delays and stalls (approvals, freezes, travelling approvers,
  moved panels), enthusiasm (praise, tours, perks), verbal offers said on the phone, next steps
  (panels, presentations, meeting the team) and neutral statements that look like them.

Labels follow docs/reader-contract.md. The bars, for each set: kind accuracy at least 0.95, due
exact-match at least 0.95, no written offer reported where there was none, and no rejection
missed. A failing test prints every mismatching item.

Run it alone to see the figures:
`.venv/bin/pytest -q -s tests/language/test_reader_generalisation.py`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from inwriting.domain.calendar import BusinessCalendar, parse_weekend
from inwriting.language import KINDS, read

CASES_DIR = Path(__file__).resolve().parent / "reader_cases"
CASE_FILES = ("generalisation.jsonl", "generalisation2.jsonl")
KIND_ACCURACY = 0.95
DUE_ACCURACY = 0.95
FIELDS = ("text", "at", "channel", "locale", "country", "weekend", "kind", "due", "note")

Item = dict[str, Any]


def _load(name: str) -> list[Item]:
    lines = (CASES_DIR / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


SETS = {name: _load(name) for name in CASE_FILES}
# Every test runs once per set, named by its file.
per_set = pytest.mark.parametrize("name", CASE_FILES)


def _calendar(item: Item) -> BusinessCalendar:
    weekend = parse_weekend(item["weekend"]) if item["weekend"] else None
    return BusinessCalendar.for_country(item["country"], weekend=weekend)


@pytest.fixture(scope="module")
def all_readings() -> dict[str, dict[str, Any]]:
    """Each set's readings, each item read at its own time, channel, locale and calendar, by id."""
    return {
        name: {
            item["id"]: read(
                item["text"],
                datetime.fromisoformat(item["at"]),
                item["channel"],
                calendar=_calendar(item),
                locale=item["locale"],
            )
            for item in items
        }
        for name, items in SETS.items()
    }


def _report(title: str, rows: Sequence[tuple[Item, object, object]]) -> str:
    lines = [f"{title}: {len(rows)} item(s)"]
    for item, expected, got in rows:
        lines.append(
            f"  {item['id']} [{item['channel']}] {item['text']!r}\n"
            f"      expected {expected}, got {got}  ({item['note']})"
        )
    return "\n".join(lines)


@per_set
def test_the_set_is_large_well_formed_and_new(name: str) -> None:
    corpus = Path(__file__).resolve().parents[1] / "corpus" / "dev.jsonl"
    seen = {
        json.loads(line)["text"].lower()
        for line in corpus.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    # A statement in an earlier set is not new either.
    for other in CASE_FILES[: CASE_FILES.index(name)]:
        seen |= {item["text"].lower() for item in SETS[other]}
    items = SETS[name]
    assert len(items) >= 250
    assert len({item["id"] for item in items}) == len(items)
    assert len({item["text"].lower() for item in items}) == len(items)
    for item in items:
        assert all(field in item for field in FIELDS), item["id"]
        assert item["kind"] in KINDS, item["id"]
        assert item["text"].lower() not in seen, item["id"]
        if item["due"] is not None:
            assert item["due"] >= item["at"][:10], item["id"]


def test_the_sets_do_not_share_ids() -> None:
    ids = [item["id"] for items in SETS.values() for item in items]
    assert len(set(ids)) == len(ids)


@per_set
def test_kind_accuracy(name: str, all_readings: dict[str, dict[str, Any]]) -> None:
    items, readings = SETS[name], all_readings[name]
    wrong = [
        (item, item["kind"], readings[item["id"]].kind)
        for item in items
        if readings[item["id"]].kind != item["kind"]
    ]
    accuracy = 1 - len(wrong) / len(items)
    print(f"{name}: kind accuracy {accuracy:.3f} on {len(items)} items")
    assert accuracy >= KIND_ACCURACY, _report(f"kind accuracy {accuracy:.3f}", wrong)


@per_set
def test_due_accuracy(name: str, all_readings: dict[str, dict[str, Any]]) -> None:
    items, readings = SETS[name], all_readings[name]
    wrong = []
    for item in items:
        due = readings[item["id"]].due
        got = due.isoformat() if due is not None else None
        if got != item["due"]:
            wrong.append((item, item["due"], got))
    accuracy = 1 - len(wrong) / len(items)
    print(f"{name}: due exact-match {accuracy:.3f}")
    assert accuracy >= DUE_ACCURACY, _report(f"due accuracy {accuracy:.3f}", wrong)


@per_set
def test_no_written_offer_where_there_was_none(
    name: str, all_readings: dict[str, dict[str, Any]]
) -> None:
    readings = all_readings[name]
    false_offers = [
        (item, item["kind"], "written_offer")
        for item in SETS[name]
        if readings[item["id"]].kind == "written_offer" and item["kind"] != "written_offer"
    ]
    assert not false_offers, _report("written offers that were not", false_offers)


@per_set
def test_no_rejection_missed(name: str, all_readings: dict[str, dict[str, Any]]) -> None:
    readings = all_readings[name]
    missed = [
        (item, "rejection", readings[item["id"]].kind)
        for item in SETS[name]
        if item["kind"] == "rejection" and readings[item["id"]].kind != "rejection"
    ]
    assert not missed, _report("rejections missed", missed)

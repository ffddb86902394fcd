"""The reader on wordings it was not tuned on: tests/language/reader_cases/generalisation.jsonl.

The set was written apart from the corpus (tests/corpus/), in the many ways employers say no, make
an offer with its terms, promise one for later, or only sound like they do, so that the rules are
held to families of wording rather than to the dev split's sentences. Labels follow
docs/reader-contract.md. The bars: kind accuracy at least 0.95, due exact-match at least 0.95, no
written offer reported where there was none, and no rejection missed. A failing test prints every
mismatching item.

Run it alone to see the figures: `.venv/bin/pytest -q tests/language/test_reader_generalisation.py`.
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

CASES = Path(__file__).resolve().parent / "reader_cases" / "generalisation.jsonl"
KIND_ACCURACY = 0.95
DUE_ACCURACY = 0.95
FIELDS = ("text", "at", "channel", "locale", "country", "weekend", "kind", "due", "note")

Item = dict[str, Any]


def _load() -> list[Item]:
    lines = CASES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


ITEMS = _load()


def _calendar(item: Item) -> BusinessCalendar:
    weekend = parse_weekend(item["weekend"]) if item["weekend"] else None
    return BusinessCalendar.for_country(item["country"], weekend=weekend)


@pytest.fixture(scope="module")
def readings() -> dict[str, Any]:
    """Each item's reading at its own time, channel, locale and calendar, by id."""
    return {
        item["id"]: read(
            item["text"],
            datetime.fromisoformat(item["at"]),
            item["channel"],
            calendar=_calendar(item),
            locale=item["locale"],
        )
        for item in ITEMS
    }


def _report(title: str, rows: Sequence[tuple[Item, object, object]]) -> str:
    lines = [f"{title}: {len(rows)} item(s)"]
    for item, expected, got in rows:
        lines.append(
            f"  {item['id']} [{item['channel']}] {item['text']!r}\n"
            f"      expected {expected}, got {got}  ({item['note']})"
        )
    return "\n".join(lines)


def test_the_set_is_large_well_formed_and_new() -> None:
    corpus = Path(__file__).resolve().parents[1] / "corpus" / "dev.jsonl"
    dev_texts = {
        json.loads(line)["text"].lower()
        for line in corpus.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert len(ITEMS) >= 250
    assert len({item["id"] for item in ITEMS}) == len(ITEMS)
    for item in ITEMS:
        assert all(name in item for name in FIELDS), item["id"]
        assert item["kind"] in KINDS, item["id"]
        assert item["text"].lower() not in dev_texts, item["id"]
        if item["due"] is not None:
            assert item["due"] >= item["at"][:10], item["id"]


def test_kind_accuracy(readings: dict[str, Any]) -> None:
    wrong = [
        (item, item["kind"], readings[item["id"]].kind)
        for item in ITEMS
        if readings[item["id"]].kind != item["kind"]
    ]
    accuracy = 1 - len(wrong) / len(ITEMS)
    print(f"generalisation set: kind accuracy {accuracy:.3f} on {len(ITEMS)} items")
    assert accuracy >= KIND_ACCURACY, _report(f"kind accuracy {accuracy:.3f}", wrong)


def test_due_accuracy(readings: dict[str, Any]) -> None:
    wrong = []
    for item in ITEMS:
        due = readings[item["id"]].due
        got = due.isoformat() if due is not None else None
        if got != item["due"]:
            wrong.append((item, item["due"], got))
    accuracy = 1 - len(wrong) / len(ITEMS)
    print(f"generalisation set: due exact-match {accuracy:.3f}")
    assert accuracy >= DUE_ACCURACY, _report(f"due accuracy {accuracy:.3f}", wrong)


def test_no_written_offer_where_there_was_none(readings: dict[str, Any]) -> None:
    false_offers = [
        (item, item["kind"], "written_offer")
        for item in ITEMS
        if readings[item["id"]].kind == "written_offer" and item["kind"] != "written_offer"
    ]
    assert not false_offers, _report("written offers that were not", false_offers)


def test_no_rejection_missed(readings: dict[str, Any]) -> None:
    missed = [
        (item, "rejection", readings[item["id"]].kind)
        for item in ITEMS
        if item["kind"] == "rejection" and readings[item["id"]].kind != "rejection"
    ]
    assert not missed, _report("rejections missed", missed)

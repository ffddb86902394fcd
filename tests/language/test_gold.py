"""The symbolic gold (tests/corpus/gold.py) and the corpus files themselves.

These tests do not run the reader: they make sure that what the reader is judged against is
right. Every expected date below was worked out by hand from a printed calendar.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

CORPUS_DIR = Path(__file__).resolve().parents[1] / "corpus"
sys.path.insert(0, str(CORPUS_DIR))

import build_corpus as build  # noqa: E402
import gold  # noqa: E402

from inwriting.domain.calendar import BusinessCalendar, parse_weekend  # noqa: E402

US = BusinessCalendar.for_country("US")
SAT_SUN = BusinessCalendar()
FRI_SAT = BusinessCalendar(weekend=frozenset({4, 5}))
THU_FRI = BusinessCalendar(weekend=frozenset({3, 4}))
WED = date(2026, 11, 18)  # a Wednesday, eight days before US Thanksgiving

KINDS = {
    "rejection",
    "written_offer",
    "verbal_offer",
    "delay",
    "next_step",
    "request",
    "promise",
    "enthusiasm",
    "other",
}
CHANNELS = {"email", "letter", "phone", "in-person", "video", "message", None}
SOURCES = {
    "recruiter-email",
    "ats-template",
    "interview-remark",
    "phone-call",
    "offer-letter",
    "rejection",
    "reschedule",
    "stall",
    "request",
    "other",
}
FIELDS = set(build.FIELDS)


def _load(split: str) -> list[dict[str, Any]]:
    lines = (CORPUS_DIR / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


DEV = _load("dev")
TEST = _load("test")
ALL = DEV + TEST


# ------------------------------------------------------------------ each rule form, by hand


@pytest.mark.parametrize(
    ("rule", "cal", "expected"),
    [
        ("today", US, date(2026, 11, 18)),
        ("plus_days:1", US, date(2026, 11, 19)),
        ("plus_days:30", US, date(2026, 12, 18)),
        ("plus_weeks:2", US, date(2026, 12, 2)),
        ("business_days:5", US, date(2026, 11, 25)),
        # Thanksgiving (Thu 26) is not a business day in the US, so 7 lands on Monday 30.
        ("business_days:7", US, date(2026, 11, 30)),
        ("business_days:7", SAT_SUN, date(2026, 11, 27)),
        # Thu-Fri weekend: Saturday 21 and Sunday 22 are the next two working days.
        ("business_days:2", THU_FRI, date(2026, 11, 22)),
        ("next_weekday:wed", US, date(2026, 11, 25)),
        ("next_weekday:fri", US, date(2026, 11, 20)),
        ("next_weekday:mon", US, date(2026, 11, 23)),
        ("this_weekday:wed", US, date(2026, 11, 18)),
        ("this_weekday:fri", US, date(2026, 11, 20)),
        ("weekday_next_week:thu", SAT_SUN, date(2026, 11, 26)),
        ("weekday_next_week:thu", FRI_SAT, date(2026, 11, 26)),
        ("weekday_next_week:sun", FRI_SAT, date(2026, 11, 22)),
        ("weekday_next_week:sun", THU_FRI, date(2026, 11, 22)),
        ("weekday_next_week:mon", THU_FRI, date(2026, 11, 23)),
        ("weekday_next_week:mon", SAT_SUN, date(2026, 11, 23)),
        # "this week or next", said Wednesday 18 November, on each weekend regime
        ("week_end:1", SAT_SUN, date(2026, 11, 27)),
        ("week_end:1", FRI_SAT, date(2026, 11, 26)),
        ("week_end:1", THU_FRI, date(2026, 11, 25)),
        ("week_end:0", SAT_SUN, date(2026, 11, 20)),
        ("week_end:0", FRI_SAT, date(2026, 11, 19)),
        ("week_end:0", THU_FRI, date(2026, 11, 18)),
        ("week_end:2", SAT_SUN, date(2026, 12, 4)),
        # "early next week": the third working weekday of next week
        ("next_week_nth:3", SAT_SUN, date(2026, 11, 25)),
        ("next_week_nth:3", FRI_SAT, date(2026, 11, 24)),
        ("next_week_nth:3", THU_FRI, date(2026, 11, 23)),
        ("month_end:0", US, date(2026, 11, 30)),
        ("month_end:1", US, date(2026, 12, 31)),
        ("quarter_end:0", US, date(2026, 12, 31)),
        ("quarter_end:1", US, date(2027, 3, 31)),
        ("year_end:0", US, date(2026, 12, 31)),
        ("date:2012-12-20", US, date(2012, 12, 20)),
        ("next_date:12-04", US, date(2026, 12, 4)),
        ("next_date:11-18", US, date(2026, 11, 18)),
        ("next_date:11-17", US, date(2027, 11, 17)),
        ("next_date:02-29", US, date(2028, 2, 29)),
        ("day_of_month:15", US, date(2026, 12, 15)),
        ("day_of_month:18", US, date(2026, 11, 18)),
        ("day_of_month:20", US, date(2026, 11, 20)),
        ("max(plus_days:20;plus_days:30)", US, date(2026, 12, 18)),
        ("max(weekday_next_week:tue;weekday_next_week:wed)", US, date(2026, 11, 25)),
        ("max(today;max(plus_days:1;plus_days:2))", US, date(2026, 11, 20)),
        ("max(next_weekday:mon;next_weekday:tue)", US, date(2026, 11, 24)),
    ],
)
def test_rule_said_on_wednesday_18_november(
    rule: str, cal: BusinessCalendar, expected: date
) -> None:
    assert gold.evaluate(rule, datetime(2026, 11, 18, 10, 15), cal) == expected


@pytest.mark.parametrize(
    ("rule", "at", "cal", "expected"),
    [
        # On a Friday, "next Tuesday" is in the coming work week.
        ("weekday_next_week:tue", date(2026, 11, 20), SAT_SUN, date(2026, 11, 24)),
        # Thursday is the last working day of a Fri-Sat week; next week starts on Sunday.
        ("weekday_next_week:mon", date(2026, 11, 19), FRI_SAT, date(2026, 11, 23)),
        # A Saturday belongs to the work week that follows it (calendar.work_week_end).
        ("week_end:0", date(2026, 11, 21), SAT_SUN, date(2026, 11, 27)),
        # Said on a Tuesday, "Monday or Tuesday" ends on next Tuesday.
        ("max(next_weekday:mon;next_weekday:tue)", date(2027, 3, 9), US, date(2027, 3, 16)),
        ("month_end:1", date(2027, 1, 14), US, date(2027, 2, 28)),
        ("month_end:1", date(2027, 12, 5), US, date(2028, 1, 31)),
        ("quarter_end:0", date(2027, 3, 9), US, date(2027, 3, 31)),
        ("quarter_end:1", date(2027, 3, 9), US, date(2027, 6, 30)),
        ("day_of_month:3", date(2026, 12, 20), US, date(2027, 1, 3)),
        ("next_date:01-08", date(2026, 12, 10), US, date(2027, 1, 8)),
        ("year_end:0", date(2026, 12, 31), US, date(2026, 12, 31)),
        # UAE National Day (2 and 3 December) is skipped; the weekend is Sat-Sun.
        (
            "business_days:3",
            date(2026, 11, 30),
            BusinessCalendar.for_country("AE"),
            date(2026, 12, 7),
        ),
        # India: Dussehra on Tuesday 20 October 2026 is skipped.
        (
            "business_days:5",
            date(2026, 10, 13),
            BusinessCalendar.for_country("IN"),
            date(2026, 10, 21),
        ),
    ],
)
def test_rule_at_other_times(rule: str, at: date, cal: BusinessCalendar, expected: date) -> None:
    assert gold.evaluate(rule, at, cal) == expected


@pytest.mark.parametrize(
    "rule",
    [
        "fortnight",
        "plus_days:x",
        "max(today)",
        "max(today;)",
        "day_of_month:31",
        "next_weekday:fry",
        "next_week_nth:9",
        "date:2026-13-01",
        "today:1",
    ],
)
def test_malformed_rules_are_refused(rule: str) -> None:
    with pytest.raises(gold.RuleError):
        gold.evaluate(rule, WED, US)


def test_what_is_not_shifted() -> None:
    assert not gold.shiftable(None, SAT_SUN.weekend)
    assert not gold.shiftable("date:2026-12-04", SAT_SUN.weekend)
    assert not gold.shiftable("max(date:2012-12-19;date:2012-12-20)", SAT_SUN.weekend)
    assert not gold.shiftable("weekday_next_week:thu", THU_FRI.weekend)
    assert gold.shiftable("weekday_next_week:thu", SAT_SUN.weekend)
    assert gold.shiftable("next_date:12-04", THU_FRI.weekend)


# ------------------------------------------------------------------ the corpus files


def test_corpus_size_and_balance() -> None:
    kinds = Counter(item["kind"] for item in ALL)
    assert len(ALL) >= 600
    assert set(kinds) == KINDS
    assert min(kinds.values()) >= 30, kinds


def test_split_is_about_sixty_forty_within_every_kind() -> None:
    dev = Counter(item["kind"] for item in DEV)
    test = Counter(item["kind"] for item in TEST)
    for kind in KINDS:
        share = dev[kind] / (dev[kind] + test[kind])
        assert 0.55 <= share <= 0.65, (kind, dev[kind], test[kind])


def test_ids_are_unique_and_splits_disjoint() -> None:
    ids = [item["id"] for item in ALL]
    assert len(ids) == len(set(ids))
    # No statement is in both splits (the model trains on dev), and dev holds each once. Two
    # writers may write the same short line blind ("We'll be in touch."): the dev copy is reworded;
    # a twin inside the frozen test split is left as written, since nobody edits test items.
    dev = Counter((item["text"], item["channel"]) for item in DEV)
    test = {(item["text"], item["channel"]) for item in TEST}
    assert [key for key, n in dev.items() if n > 1] == []
    assert [key for key in dev if key in test] == []


def test_the_files_are_what_the_source_builds() -> None:
    """Nobody edited a split by hand, every item has its frozen split, none moved."""
    frozen = build.load_frozen()
    dev, test, assignment = build.build_splits(frozen)
    assert assignment == frozen, "run tests/corpus/build_corpus.py to assign new items"
    assert sorted(dev, key=lambda i: i["id"]) == DEV
    assert sorted(test, key=lambda i: i["id"]) == TEST


@pytest.mark.parametrize("item", ALL, ids=[item["id"] for item in ALL])
def test_corpus_line_is_valid(item: dict[str, Any]) -> None:
    assert set(item) == FIELDS
    assert isinstance(item["text"], str) and item["text"].strip()
    at = datetime.fromisoformat(item["at"])
    assert at.tzinfo is None, "at is local time, without a zone"
    assert item["channel"] in CHANNELS
    assert re.fullmatch(r"en-[A-Z]{2}", item["locale"])
    if item["weekend"] is not None:
        parse_weekend(item["weekend"])
    calendar = build.calendar_for(item)  # also checks the country code
    assert item["kind"] in KINDS
    assert item["source"] in SOURCES
    assert isinstance(item["hard_negative"], bool)
    assert isinstance(item["note"], str) and item["note"].strip()
    assert (item["due"] is None) == (item["due_rule"] is None)
    if item["due"] is not None:
        due = date.fromisoformat(item["due"])
        assert gold.evaluate(item["due_rule"], at, calendar) == due
        assert due >= at.date(), "due is never before the statement"
    if item["kind"] == "written_offer":
        assert item["channel"] in ("email", "letter"), "a written offer is written"


def test_every_rule_form_is_used() -> None:
    rules = [item["due_rule"] for item in ALL if item["due_rule"]]
    used = {atom.partition(":")[0] for rule in rules for atom in gold.atoms(rule)}
    assert used == set(gold.ATOMS)


# ------------------------------------------------------------------ invariants under shifting

SHIFTABLE_RULES = sorted(
    {rule for item in ALL if (rule := item["due_rule"]) and not gold.is_absolute(rule)}
)


@given(
    rule=st.sampled_from(SHIFTABLE_RULES),
    day=st.dates(min_value=date(2025, 1, 1), max_value=date(2029, 12, 31)),
    weekend=st.sampled_from([SAT_SUN, FRI_SAT, THU_FRI]),
    country=st.sampled_from([None, "US", "GB", "IN", "AE"]),
)
def test_a_shifted_rule_is_never_due_before_it_was_said(
    rule: str, day: date, weekend: BusinessCalendar, country: str | None
) -> None:
    cal = BusinessCalendar.for_country(country, weekend=weekend.weekend)
    due = gold.evaluate(rule, day, cal)
    assert day <= due <= day + timedelta(days=400)

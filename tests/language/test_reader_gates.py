"""The reader's cheap gates never skip a rule that would have matched.

Each rule carries sets of words that every match must contain (`prefilter.word_clauses`), and the
words of a statement are found once (`prefilter.LiteralIndex`). A wrong gate would silently drop
a no or an offer, so the gated reading is compared with plain regex searches on every labelled
statement, on random mixes of the rules' own words, and on the deadline patterns.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from inwriting.language import deadlines, reader
from inwriting.language.deadlines import normalise
from inwriting.language.prefilter import LiteralIndex, word_clauses

HERE = Path(__file__).resolve().parent
SOURCES = [HERE.parent / "corpus" / "dev.jsonl", HERE / "reader_cases" / "generalisation.jsonl"]
TEXTS = [
    normalise(json.loads(line)["text"])
    for source in SOURCES
    for line in source.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
# Words taken from the rules themselves, so that generated text reaches their gates.
VOCABULARY = sorted(
    {word for rule in reader.RULES for c in rule.clauses or () for word in c}
    | {word for rule in reader.RULES for p in rule.parts for c in p.clauses or () for word in c}
)


def _gate_misses(texts: list[str]) -> list[tuple[str, str]]:
    misses = []
    for text in texts:
        present = reader._GATES.index.found(text)
        candidates = {
            rule.id: hits for pairs in reader._candidates(present).values() for rule, hits in pairs
        }
        for rule in reader.RULES:
            found = rule.pattern.search(text)
            if found and not rule.may_match_in(text, present):
                misses.append((rule.id, text))
            # Searching only the alternatives whose gates pass finds the very same phrase.
            hits = candidates.get(rule.id, set())
            by_parts = rule.first_match(text, hits)
            if (found and found.span()) != (by_parts and by_parts.span()):
                misses.append((rule.id + " (alternatives)", text))
        # The statement-wide searches of the reader are gated by the same bits.
        for pattern, need in reader._STATEMENT_NEEDS.items():
            if present & need != need and pattern.search(text):
                misses.append((pattern.pattern[:40], text))
        # ... and searching them alternative by alternative gives the same answer.
        for name in STATEMENT_SEARCHES:
            pattern = getattr(reader, name)
            found = getattr(reader, name + "_FOUND")(text, present)
            if found != (pattern.search(text) is not None):
                misses.append((name + " (alternatives)", text))
    return misses


STATEMENT_SEARCHES = (
    "_CONDITION",
    "_NOT_TO_YOU",
    "_RETAKE",
    "_NO_TO_A_THING",
    "_REJECTION_CONDITION",
    "_NO_DENIED",
    "_APPLICATION_ALIVE",
    "_CANDIDATE_WITHDREW",
)


def test_no_rule_is_skipped_on_a_labelled_statement() -> None:
    assert len(TEXTS) > 700
    assert _gate_misses(TEXTS) == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(VOCABULARY), st.sampled_from([" ", ", ", ". ", "'", "-", "$9"])),
        max_size=40,
    )
)
def test_no_rule_is_skipped_on_a_mix_of_its_own_words(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert _gate_misses([text]) == []


DATE_FORMS = [
    "by 12/4",
    "on 2026-12-04",
    "by the 15th",
    "at 3",
    "3pm",
    "10:30",
    "in 48 hours",
    "end of q4",
    "4.12.2026",
    "05-12-2026",
    "in 2-3 days",
    "tbd",
    "[date]",
]


def test_no_deadline_pattern_is_skipped() -> None:
    for text in TEXTS + DATE_FORMS:
        present = deadlines._DATE_LITERALS.present(text)
        for pattern, _ in deadlines._PATTERNS:
            words = deadlines._WORDS[pattern]
            if pattern.search(text):
                assert deadlines._ANY_HINT.search(text), (pattern.pattern[:60], text)
                assert deadlines._GATES[pattern](text), (pattern.pattern[:60], text)
                assert words is None or not words.isdisjoint(present), (pattern.pattern[:60], text)


def test_a_rule_needs_all_its_word_sets() -> None:
    clauses = word_clauses(reader.re.compile(r"(?:move|go)\s+with\s+(?:another|other)\s+person"))
    assert clauses is not None
    index = LiteralIndex(frozenset().union(*clauses))
    assert all(not c.isdisjoint(index.present("we go with another person")) for c in clauses)
    # "another person" alone lacks the verb: some set is missing, so the search is skipped.
    assert any(c.isdisjoint(index.present("another person called")) for c in clauses)


def _scan_gate_misses(texts: list[str]) -> list[tuple[str, str]]:
    """Date patterns that match a text but that `_scan`'s gates (all word sets, hand-made gate,
    hint check) would skip."""
    misses = []
    for text in texts:
        present = deadlines._DATE_CLAUSES.found(text)
        for pattern, _, need, may_match in deadlines._SCAN_TABLE:
            if not pattern.search(text):
                continue
            if not deadlines._has_hint(text, present):
                misses.append(("hint", text))
            if present & need != need or not may_match(text):
                misses.append((pattern.pattern[:60], text))
    return misses


def test_the_scan_gates_skip_no_date_pattern_on_a_labelled_statement() -> None:
    assert _scan_gate_misses(TEXTS + DATE_FORMS) == []


DATE_WORDS = sorted(
    {word for pattern, _ in deadlines._PATTERNS for word in deadlines._WORDS[pattern] or ()}
    | {"next", "this", "week", "end", "of", "by", "the", "in", "or", "and", "at", "on", "3", "15th"}
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(DATE_WORDS), st.sampled_from([" ", ", ", ". ", "/", "-", "12"])),
        max_size=30,
    )
)
def test_the_scan_gates_skip_no_date_pattern_on_a_mix_of_date_words(pieces: list[str]) -> None:
    assert _scan_gate_misses([" ".join(pieces)]) == []

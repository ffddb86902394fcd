"""Properties of the reader that hold for any text, any moment and any channel (hypothesis).

read() and resolve() never raise; a due date is never before the day the words were said; the
same input always gives the same reading; every reading explains itself.
"""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from inwriting.domain.calendar import BusinessCalendar
from inwriting.language import KINDS, deadlines, read, resolve

# Words the rules and the resolver react to, so that generated text exercises them, mixed with
# arbitrary unicode so that nothing else is assumed about the input.
WORDS = [
    "we",
    "will",
    "call",
    "you",
    "monday",
    "friday",
    "next",
    "week",
    "this",
    "or",
    "by",
    "the",
    "15th",
    "tomorrow",
    "noon",
    "at",
    "3",
    "offer",
    "letter",
    "sent",
    "$90,000",
    "attached",
    "not",
    "selected",
    "unfortunately",
    "in",
    "20",
    "days",
    "business",
    "12/4",
    "19/12/12",
    "end",
    "of",
    "month",
    "quarter",
    "if",
    "last",
    "thanks",
    "for",
    "coming",
    "'ll",
    '"',
    "please",
    "send",
    "references",
    "look",
    "forward",
    "to",
    "working",
    "with",
    "december",
    "4",
    "2026-12-04",
    "early",
    "a",
    "couple",
    "few",
    "weeks",
    "tonight",
    "eod",
    ".",
    ",",
    ";",
    "weds",
    "thurs",
    "reschedule",
    "interview",
    "final",
    "round",
    "may",
    "sun",
    "sat",
    "x",
    "date",
    "[date]",
    "hours",
    "48",
    "quarter",
    "year",
    "today",
    "yesterday",
    "ago",
    "24/7",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=30).map(" ".join),
)
moments = st.datetimes()  # the whole calendar, year 1 to 9999
channels = st.one_of(
    st.none(),
    st.sampled_from(["email", "letter", "phone", "in-person", "video", "message"]),
    st.text(max_size=10),
)
weekends = st.sampled_from([frozenset({5, 6}), frozenset({4, 5}), frozenset({3, 4})])
locales = st.sampled_from(["en-US", "en-GB", "en-IN", "en-AU", "en-CA", "xx", ""])


@settings(max_examples=400, deadline=None)
@given(text=texts, at=moments, channel=channels, weekend=weekends, locale=locales)
def test_read_never_raises_and_always_explains(
    text: str, at: datetime, channel: str | None, weekend: frozenset[int], locale: str
) -> None:
    reading = read(text, at, channel, calendar=BusinessCalendar(weekend=weekend), locale=locale)
    assert reading.kind in KINDS
    assert reading.explanation.strip()
    reading.to_json()


@settings(max_examples=400, deadline=None)
@given(text=texts, at=moments, channel=channels, weekend=weekends)
def test_due_and_follow_up_are_never_before_the_day_it_was_said(
    text: str, at: datetime, channel: str | None, weekend: frozenset[int]
) -> None:
    reading = read(text, at, channel, calendar=BusinessCalendar(weekend=weekend))
    if reading.due is not None:
        assert reading.due >= at.date()
        assert reading.due_range is not None
        assert at.date() <= reading.due_range[0] <= reading.due_range[1] == reading.due
    if reading.follow_up_on is not None:
        assert reading.follow_up_on > at.date()
        if reading.due is not None:
            assert reading.follow_up_on > reading.due


@settings(max_examples=200, deadline=None)
@given(text=texts, at=moments, channel=channels)
def test_the_same_input_gives_the_same_reading(
    text: str, at: datetime, channel: str | None
) -> None:
    assert read(text, at, channel) == read(text, at, channel)


@settings(max_examples=400, deadline=None)
@given(text=texts, at=st.one_of(moments, st.dates()), weekend=weekends, locale=locales)
def test_resolve_never_raises_and_never_looks_back(
    text: str, at: datetime | date, weekend: frozenset[int], locale: str
) -> None:
    found = resolve(text, at, BusinessCalendar(weekend=weekend), locale)
    day = at.date() if isinstance(at, datetime) else at
    if found is not None:
        assert day <= found.earliest <= found.latest


@settings(max_examples=100, deadline=None)
@given(text=texts, at=moments)
def test_only_an_email_or_a_letter_can_be_a_written_offer(text: str, at: datetime) -> None:
    for channel in ("phone", "in-person", "video", "message", None):
        assert read(text, at, channel).kind != "written_offer"


@settings(max_examples=100, deadline=None)
@given(at=moments, channel=channels)
def test_non_string_text_does_not_raise(at: datetime, channel: str | None) -> None:
    for junk in (None, 42, b"bytes", ["list"]):
        assert read(junk, at, channel).kind == "other"  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(
    text=texts,
    at=st.one_of(st.none(), st.integers(), st.text(max_size=20), st.floats()),
    channel=channels,
)
def test_an_at_that_is_not_a_moment_reads_the_words_without_dates(
    text: str, at: object, channel: str | None
) -> None:
    reading = read(text, at, channel)  # type: ignore[arg-type]
    assert reading.kind in KINDS
    if reading.due is None and reading.follow_up_on is None:
        return
    # Only text that happens to be ISO 8601 is taken as a moment.
    assert isinstance(at, str)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["u", "r", "n", "w/", "w/c", "pls", "plz", "thx", "mgr", "asap", "U", "R's", "n/a"]
            + ["run", "urn", "you", "are", "now", "and", ",", ".", "!", "'", "-", "r&d", "u.s."]
        ),
        max_size=12,
    ),
    st.sampled_from([" ", "", "\n", "  "]),
)
def test_the_shorthand_gate_skips_no_shorthand(words: list[str], glue: str) -> None:
    """normalise() only substitutes where a shorthand can be: it must equal substituting always."""
    text = glue.join(words)
    plain = deadlines._plain(text)
    assert deadlines.normalise(text) == deadlines._CHAT.sub(deadlines._chat_word, plain)

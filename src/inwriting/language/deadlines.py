"""Resolve the time stated in an employer's words into a due date: `resolve()`.

A small deterministic resolver. It finds every expression of time in the text ("Monday",
"tomorrow noon", "this week or next", "in 20 or 30 days", "19/12/12", "by the 15th"), resolves
each against the moment the words were said and the employer's `BusinessCalendar`, drops the ones
that refer to the past ("thanks for coming in on Monday"), and keeps the latest end: a later
follow-up is the polite error. docs/reader-contract.md is the specification.

All weekday and business-day arithmetic about work weeks goes through `BusinessCalendar`;
python-dateutil only checks ordinary explicit ISO dates; month names come from a table here
(dateutil's general parser is slow and guesses, which this text does not need).
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import importlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from dateutil import parser as _date_parser

from inwriting.domain.calendar import BusinessCalendar
from inwriting.language.prefilter import (
    ClauseIndex,
    LiteralIndex,
    gate,
    required_literals,
    word_clauses,
    word_literals,
)

# Locales that write a numeric date month first (12/4 is December 4); every other is day first.
MONTH_FIRST_LOCALES = frozenset({"en-us", "en-ca", "en-ph", "en_us", "en_ca", "en_ph", "us"})

# The resolver reads at most this many characters: a statement is a few sentences, and a cap
# keeps the time bounded on pasted documents.
MAX_CHARS = 20_000

_DEFAULT_CALENDAR = BusinessCalendar()


# The parser behind `re` (private, as in prefilter.py): `_lead` reads a pattern's first characters.
_sre_parser: Any = importlib.import_module("re._parser")
_sre_op: Any = importlib.import_module("re._constants")
_SRE_REPEATS = frozenset(
    op
    for op in (_sre_op.MAX_REPEAT, _sre_op.MIN_REPEAT, getattr(_sre_op, "POSSESSIVE_REPEAT", None))
    if op is not None
)
_SRE_ZERO_WIDTH = frozenset({_sre_op.AT, _sre_op.ASSERT, _sre_op.ASSERT_NOT})
_SRE_CLASS_ESCAPES = {
    _sre_op.CATEGORY_DIGIT: r"\d",
    _sre_op.CATEGORY_NOT_DIGIT: r"\D",
    _sre_op.CATEGORY_SPACE: r"\s",
    _sre_op.CATEGORY_NOT_SPACE: r"\S",
    _sre_op.CATEGORY_WORD: r"\w",
    _sre_op.CATEGORY_NOT_WORD: r"\W",
}


def _class_members(items: Any) -> set[str] | None:
    """A character class's members as class syntax ("a", "0-9", "\\d"); None if negated."""
    members: set[str] = set()
    for op, av in items:
        if op is _sre_op.LITERAL:
            members.add(re.escape(chr(av)))
        elif op is _sre_op.RANGE:
            members.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _sre_op.CATEGORY and av in _SRE_CLASS_ESCAPES:
            members.add(_SRE_CLASS_ESCAPES[av])
        else:
            return None
    return members


def _first_chars(items: Any) -> tuple[set[str], bool] | None:
    """What a match of the parsed sequence `items` can begin with, as class members, and whether
    it can match nothing at all; None when it is not known (a back-reference, a negated class)."""
    firsts: set[str] = set()
    for op, av in items:
        one: tuple[set[str], bool] | None = None
        if op is _sre_op.ASSERT and av[0] == 1:
            # A lookahead that needs a character says what this position holds ("(?=eod\\W)").
            ahead = _first_chars(av[1])
            if ahead is None or ahead[1]:
                continue
            one = ahead
        elif op in _SRE_ZERO_WIDTH:
            continue  # consumes nothing: the first character comes from what follows
        elif op is _sre_op.LITERAL:
            one = ({re.escape(chr(av))}, False)
        elif op is _sre_op.IN:
            members = _class_members(av)
            one = None if members is None else (members, False)
        elif op is _sre_op.SUBPATTERN and not av[1] & re.IGNORECASE:
            one = _first_chars(av[-1])
        elif op is _sre_op.BRANCH:
            branches = [_first_chars(branch) for branch in av[1]]
            if all(b is not None for b in branches):
                one = (
                    set().union(*(b[0] for b in branches if b is not None)),
                    any(b[1] for b in branches if b is not None),
                )
        elif op in _SRE_REPEATS:
            inner = _first_chars(av[2])
            one = None if inner is None else (inner[0], inner[1] or av[0] == 0)
        if one is None:
            return None
        firsts |= one[0]
        if not one[1]:
            return firsts, False
    return firsts, True


def _skips_ahead(items: Any) -> bool:
    """Whether `re` finds the start of a match of the parsed `items` by itself: it does for a
    first literal, a first class, or alternatives that each start with a literal."""
    op, av = items[0]
    while op is _sre_op.SUBPATTERN and av[-1].data:
        op, av = av[-1].data[0]
    if op is _sre_op.BRANCH:
        return all(branch.data and branch.data[0][0] is _sre_op.LITERAL for branch in av[1])
    return op is _sre_op.LITERAL or op is _sre_op.IN


def _lead(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled, with a lookahead for its possible first characters where `re` has none.

    `re` skips ahead fast only for a pattern that starts with a literal or a class. One that
    starts with \\b, a lookbehind or a group of alternatives is entered at every position and
    tries each alternative there; the lookahead turns most positions away at once. It changes no
    match: every match begins with one of those characters (and none is empty).
    """
    parsed = _sre_parser.parse(pattern, flags)
    if not parsed.data or (flags | parsed.state.flags) & re.IGNORECASE:
        return re.compile(pattern, flags)
    found = _first_chars(parsed.data)
    if found is None or found[1]:
        return re.compile(pattern, flags)  # not known, or it may match empty: no lookahead
    ahead = "(?=[" + "".join(sorted(found[0])) + "])"
    op, av = parsed.data[0]
    if op is _sre_op.AT and len(parsed.data) > 1 and parsed.data[1][0] is _sre_op.LITERAL:
        return re.compile(pattern, flags)  # "\bback": its literal fails as fast
    first_op, first_av = op, av
    while first_op is _sre_op.SUBPATTERN and first_av[-1].data:
        first_op, first_av = first_av[-1].data[0]
    if first_op is _sre_op.AT and first_av is _sre_op.AT_BOUNDARY:
        # Every match starts at a word boundary: that cheap test first, the lookahead after it.
        return re.compile(r"\b" + ahead + "(?:" + pattern + ")", flags)
    if op in (_sre_op.ASSERT, _sre_op.ASSERT_NOT) or (
        op in (_sre_op.SUBPATTERN, _sre_op.BRANCH) and not _skips_ahead(parsed.data)
    ):
        return re.compile(ahead + "(?:" + pattern + ")", flags)
    return re.compile(pattern, flags)  # "^", a literal or a class: `re` is fast already


@dataclass(frozen=True)
class Deadline:
    """When something stated is due: the interval it may fall in, and a time of day if said.

    `latest` is the due date (the last day on which it is still on time); `earliest` the first
    day it could happen. `forms` names the expressions that were read (for `signals`);
    `ambiguous` is true when a numeric date could be read two ways and the locale decided.
    """

    earliest: date
    latest: date
    time: time | None = None
    forms: tuple[str, ...] = ()
    ambiguous: bool = False


@dataclass
class _Found:
    start: int
    end: int
    earliest: date | None  # None: matched but resolves to nothing (a placeholder, the past)
    latest: date | None
    form: str
    time: time | None = None
    past: bool = False
    ambiguous: bool = False
    shift: int = 0  # days a "push it back a week" moves the day named before it


# --- vocabulary -------------------------------------------------------------------------------

_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# Abbreviations are only read after a word that introduces a day ("by wed", "on thu"), so "we",
# "sat" (the verb) and "sun" never count as days.
_WEEKDAY_ABBREVIATIONS = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "weds": 2,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WD_ABBR = r"(?:mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\.?(?![a-z])"
# "mon", "wed", "sat" and "sun" are also words: they are days only where the context makes them
# one: after a word that introduces a day ("by wed", "next sat", "tues or wed"), or before a time
# ("sat 4pm", "mon 6:30"). Each lookbehind is fixed-width, so the test is a constant-time look.
_WD_ABBR_CUED = (
    # The lookahead first: most positions fail it at once, before any lookbehind is tried.
    r"(?=mon|tue|wed|thu|fri|sat|sun)(?:(?<=on )|(?<=by )|(?<=next )|(?<=this )|(?<=till )"
    r"|(?<=until )|(?<=or )|(?<=thru )|(?<=through )|(?<=cob )|(?<=eod )|(?<=eob )|(?<=day )"
    r"|(?<=business ))" + _WD_ABBR
)
_WD_ABBR_TIMED = (
    r"(?:mon|wed|sat|sun)\.?(?=,?\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|,?\s+\d{1,2}:\d{2})"
)
_WD_ANY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    + _WD_ABBR_CUED
    # Abbreviations that are no English word stand alone ("Weds", "Thurs or Fri").
    + r"|(?:tues?|weds?|thu(?:rs?)?|fri)\.?(?![a-z])|"
    + _WD_ABBR_TIMED
    # "Decision now Mon": a new day said tersely ("now sat the test" is the verb, so no "sat").
    + r"|(?<=now )(?:mon|wed)\.?(?![a-z])"
    + ")"
)

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)

_MONTH_WORD = _lead(rf"\b{_MONTH}(?![a-z])")

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "sixty": 60,
    "ninety": 90,
}
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve" + (
    r"|fourteen|fifteen|twenty|thirty|forty-five|forty|sixty|ninety)"
)
_UNIT = r"(?:business\s+|working\s+|work\s+|calendar\s+)?(?:days?|weeks?|wks?|months?|hours?|hrs?)"

# --- patterns, tried in this order; an earlier match claims its characters --------------------


def _rx(pattern: str) -> re.Pattern[str]:
    # ASCII classes (\w, \s, \b) are enough for English dates and about 10% faster.
    return _lead(pattern, re.ASCII)


_P_PLACEHOLDER = _rx(
    r"\[[^\]]{0,40}\]|<[^>]{0,40}>|\{[^}]{0,40}\}|\b(?:x+|xx/xx(?:/xx(?:xx)?)?|tbd|tba)\s+date\b"
    r"|\bdate\s+(?:tbd|tba|x+)\b|\b(?:tbd|tba)\b|\bxx/xx(?:/xx(?:xx)?)?\b"
)
_P_ISO = _rx(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_P_NUMERIC = _rx(
    # "12/9: 45 minutes with the panel": a colon after the date ends it ("12/9:30" does not).
    r"(?<![\d/.:-])(\d{1,2})([/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/]|:\d|\.\d)(?!\s*(?:%|percent))"
    r"|(?<![\d/.:-])(\d{1,2})(-)(\d{1,2})-(\d{4})(?![\d-])"
)
_P_MONTH_DAY = _rx(
    rf"\b(?:(?:{_WD}|mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\.?,?\s+)?(?:the\s+)?(?:{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?"
    # "December 3 and 4", "January 6 or 7": two days of one month, the later one counts.
    rf"(?:\s*(?:and|&|or)\s*(\d{{1,2}})(?:st|nd|rd|th)?)?(?![\d:])"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![a-z]))(?:,?\s+(\d{{4}}))?"
    # "05-Feb-2027", "5-feb-27": the form many HR systems print, the year in two or four digits.
    rf"|(?<![\d-])(\d{{1,2}})-{_MONTH}-(\d{{4}}|\d{{2}})(?![\d-])"
)
_P_MONTH_ONLY = _rx(
    rf"\b(?:(early|mid|the\s+middle\s+of|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of"
    rf"|beginning\s+of|the\s+start\s+of|start\s+of)[\s-]+"
    # The lookahead first: most positions are no month's first letter and fail at once.
    rf"|(?=[adfjmnos])(?:(?<=in\s)|(?<=into\s)|(?<=by\s)|(?<=until\s)|(?<=till\s)|(?<=before\s)|(?<=during\s)"
    # "Delayed to January": "to" only after a verb that moves a time (checked in the handler).
    rf"|(?<=to\s)))(?:{_MONTH})(?!\s+\d)(?:\s+(\d{{4}}))?(?![a-z])"
)
# "Before Christmas", "by Christmas Eve", "ahead of New Year's Eve": a day every calendar has.
# Other holidays move with the country and the year, and "after the holidays" states no end.
_P_HOLIDAY = _rx(
    r"\b(before|by|ahead\s+of)\s+(?:the\s+)?(christmas\s+eve|christmas(?:\s+day)?|xmas(?:\s+eve)?"
    r"|new\s+year'?s?\s+eve)\b"
)
_P_NTH = _rx(
    r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:round|interview|stage|time|candidate|floor|step"
    r"|meeting|call|person|applicant|place|year|anniversary|percentile|position|one)\b)"
)
_P_RANGE_COUNT = _rx(
    rf"\b(?:(?:with)?in|over|up\s+to|by|takes?|valid\s+for|open\s+for|good\s+for|expires\s+in|taking|about|around|approximately|roughly"
    rf"|another|an\s+extra|(?:an\s+)?additional|need|give\s+(?:me|us|them|him|her|it)|say|saying|for"
    rf"|looking\s+at)"
    rf"\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:about\s+|around\s+|approximately\s+)?"
    rf"({_NUM})(?:\s*(?:or|to|-|,)\s*({_NUM}))?\s+(?:more\s+|extra\s+|further\s+)?({_UNIT})(?!\s+ago)\b"
)
# "One week from today", "ten days from now": counted from the day it is said.
_P_FROM_TODAY = _rx(
    rf"\b({_NUM})(?:\s*(?:or|to|-)\s*({_NUM}))?\s+({_UNIT})\s+from\s+(?:today|now)\b"
)
_P_BARE_COUNT = _rx(
    rf"\b({_NUM})(?:\s*(?:or|to|-)\s*({_NUM}))?\s+((?:business|working)\s+days?)\b(?!\s+ago)"
)
_P_NEXT_COUNT = _rx(rf"\b(?:the\s+)?next\s+({_NUM})\s+({_UNIT})\b")
_P_FUZZY_COUNT = _rx(
    r"\b(?:(?:with)?in\s+|over\s+|by\s+)?(?:the\s+)?(?:next|coming|a)?\s*"
    r"(couple(?:\s+of)?|few)\s+(more\s+)?((?:business\s+|working\s+)?(?:days|weeks))\b"
)
_P_ONE_OR_TWO = _rx(r"\b(?:(?:with)?in\s+)?(?:a|one|another)\s+(day|week|month)\s+or\s+(two|so)\b")
_P_FORTNIGHT = _rx(
    r"\b(?:(?:with)?in\s+|over\s+)?(?:a|one|another|the(?:\s+next|\s+coming)?|the\s+following)"
    r"\s+fortnight\b"
)
# "In fifteen minutes": the day that moment falls on. Only after "in"/"within": a length ("the
# test takes 45 minutes") is no time.
_P_MINUTES = _rx(
    r"\b(?:with)?in\s+(?:the\s+next\s+|about\s+|around\s+)?(?:half\s+an\s+hour\b"
    rf"|({_NUM})(?:\s*(?:or|to|-)\s*({_NUM}))?\s+(?:minutes?|mins?)\b(?!\s+or\s+less))"
)
# "The week of January 4", "week commencing 4/1": the last working day of that work week.
_P_WEEK_OF = _rx(
    r"\b(?:the\s+)?(?:week\s+(?:of|commencing|beginning|starting)|w/c|w\.c\.)\s+"
    r"(?:mon(?:day)?\.?,?\s+)?(?:the\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d:])|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    r"(?![a-z])|\d{1,2}[/.]\d{1,2}(?:[/.](?:\d{4}|\d{2}))?(?![\d/])|\d{1,2}(?:st|nd|rd|th)\b)"
    r"(?:,?\s+\d{4})?"
)
# "Push it back a week": a shift of a day named before it in the sentence (see `_shift_back`).
# It starts at "back" (a literal the engine finds fast); the verb before it is checked apart.
_P_PUSH_BACK = _rx(rf"\bback\s+(?:by\s+)?(?:about\s+|another\s+)?({_NUM})\s+(days?|weeks?)\b")
_PUSH_VERB = _rx(
    r"\b(?:push(?:ed|ing)?|move[ds]?|moving|bump(?:ed|ing)?|put(?:ting)?|shift(?:ed|ing)?"
    r"|delay(?:ed|ing)?)\s+(?:[\w']+\s+){0,3}$"
)
_P_COMING_DAYS = _rx(r"\b(?:the\s+)?(?:next|coming)\s+(days|weeks)\b")
# A day named in full or abbreviated; only used where a list or "next"/"this" makes it a day.
_WD_OR_ABBR = rf"(?=mon|tue|wed|thu|fri|sat|sun)(?:{_WD}|{_WD_ABBR})"
_WD_LIST = rf"(?:{_WD_OR_ABBR}\s*(?:,|or|and|/|to|through|thru|until|-)\s*)*{_WD_OR_ABBR}"
_P_WEEK_LIST_NEXT = _rx(
    rf"\b((?:between\s+|from\s+)?{_WD_LIST})\s+(?:of\s+)?(?:the\s+)?next\s+week\b"
)
# "Thursday or Friday this week": the days of the list still ahead this week.
_P_WEEK_LIST_THIS = _rx(rf"\b((?:between\s+|from\s+)?{_WD_LIST})\s+(?:of\s+)?this\s+week\b")
_P_NEXT_WEEK_ON = _rx(rf"\bnext\s+week\s*,?\s+(?:on\s+|between\s+|from\s+)?({_WD_LIST})\b")
# "Friday week" (British and Australian English): the Friday of next week.
_P_WEEKDAY_WEEK = _rx(
    rf"\b({_WD})\s+week\b(?!\s*(?:of|commencing|beginning|starting|after))"
    # "A week Friday", "a week on Thursday": British for "Friday week".
    rf"|\ba\s+week\s+(?:on\s+)?({_WD})\b"
)
# "Next Tuesday or Wednesday": both days of next week.
_P_NEXT_WEEKDAY = _rx(rf"\bnext\s+((?:{_WD_OR_ABBR}\s*(?:,|or|and|/)\s*)*{_WD_OR_ABBR})(?![a-z])")
# "Coming" as a word of time ("on the coming Tuesday", "coming Tuesday, …"), not the verb ("offer
# letter coming Tuesday" is a bare weekday: the next Tuesday after today).
_P_THIS_WEEKDAY = _rx(
    rf"\b(?:this\s+(?:coming\s+)?|(?:(?<=^)|(?<=on\s)|(?<=by\s)|(?<=the\s)|(?<=until\s)|(?<=till\s)"
    rf"|(?<=before\s)|(?<=[.,;:!?]\s))coming\s+)({_WD_OR_ABBR})(?![a-z])"
)
_P_PAST_WEEKDAY = _rx(rf"\b(?:last|this\s+past|past|previous)\s+({_WD_OR_ABBR})(?![a-z])")
_P_WEEK_PHRASES = _rx(
    # "Next to next week" (Indian and Gulf English) is the week after next.
    r"\b(?:(?P<after_next>(?:the\s+)?week\s+after\s+next|next\s+to\s+next\s+week)"
    r"|(?P<this_or_next>this\s+week\s+or\s+(?:the\s+)?next(?:\s+week)?)"
    r"|(?P<next_or_after>next\s+week\s+or\s+the\s+(?:week\s+)?after(?:\s+next)?)"
    r"|(?P<early_next>(?:early|beginning\s+of|start\s+of|the\s+beginning\s+of|the\s+start\s+of)"
    r"\s+next\s+week)"
    r"|(?P<mid_next>(?:mid|the\s+middle\s+of|middle\s+of)[\s-]+next\s+week)"
    r"|(?P<next>next\s+w(?:ee)?k|the\s+following\s+week)"
    r"|(?P<week_after>the\s+week\s+after(?!\s+(?:that|the|this|your|our|next)))"
    r"|(?P<past>last\s+week|earlier\s+this\s+week|the\s+week\s+before|previous\s+week)"
    r"|(?P<within_week>(?:with)?in\s+(?:the\s+)?(?:next\s+)?(?:a|one|1)\s+week)"
    r"|(?P<this>(?:the\s+)?end\s+of\s+(?:the|this)\s+(?:work\s*)?week|end\s+of\s+week"
    r"|(?:knock|head|clock|sign)\s+off\s+for\s+the\s+week"
    r"|this\s+w(?:ee)?k|later\s+this\s+week|the\s+rest\s+of\s+the\s+week|\beow\b"
    r"|by\s+the\s+weekend|before\s+the\s+weekend|mid[\s-]?week"
    r"|(?:before|by)\s+the\s+week(?:'s|\s+is)\s+(?:out|over|up))"
    r"|(?P<weekend>over\s+the\s+weekend|this\s+weekend|(?<=at\s)the\s+weekend))"
)
# "Year-end", "month-end", "quarter-end" before a piece of work ("a year-end issue", "month-end
# close") name the work, not a time.
_PERIOD_END_WORK = (
    r"(?!\s+(?:reporting|reports?|results|close|closing|review|audit|accounts|party|bonus|figures"
    r"|process(?:es|ing)?|freeze|crunch|issues?|problems?|matters?|work|workload|stuff|rush"
    r"|pressures?|priorities|tasks?|activities|planning|payroll|stocktake|commitments|numbers"
    r"|holidays?|break|shutdown|closure|party|parties)\b)"
)
_P_MONTH_PHRASES = _rx(
    r"\b(?:(?P<past>last\s+month|last\s+year|last\s+quarter)"
    r"|(?P<early_next_month>(?:early|the\s+beginning\s+of|beginning\s+of|start\s+of"
    r"|the\s+start\s+of)\s+next\s+month)"
    r"|(?P<next_month>(?:the\s+)?(?:end\s+of\s+)?next\s+month)"
    r"|(?P<month>(?:the\s+)?end\s+of\s+(?:the|this)\s+month|end\s+of\s+month|month[\s-]end"
    + _PERIOD_END_WORK
    + r"|this\s+month|later\s+this\s+month|later\s+in\s+the\s+month|\beom\b)"
    # "Next year's headcount", "this quarter's plan" name a budget or a plan, not a time.
    r"|(?P<next_quarter>(?:the\s+)?(?:end\s+of\s+)?next\s+quarter(?!'s))"
    r"|(?P<quarter>(?:the\s+)?end\s+of\s+(?:the|this)\s+quarter|quarter[\s-]end"
    + _PERIOD_END_WORK
    + r"|this\s+quarter(?!'s)"
    r"|end\s+of\s+quarter" + _PERIOD_END_WORK + r")"
    # "By end of Q1", "pushed to Q2": the end of that calendar quarter, next time it comes round
    # ("pushed into Q2 planning" names the plan, not a time).
    r"|(?P<named_quarter>(?:the\s+)?end\s+of\s+q[1-4]\b|q[1-4][\s-]end\b"
    r"|(?:(?<=\bto\s)|(?<=\btill\s)|(?<=\buntil\s)|(?<=\binto\s)|(?<=\bby\s))q[1-4]\b"
    r"(?!\s+(?:plan|plans|budget|budgets|roadmap|targets?|hiring)\b)" + _PERIOD_END_WORK + r")"
    r"|(?P<next_year>(?:the\s+)?(?:end\s+of\s+)?next\s+year(?!'s))"
    r"|(?P<year>(?:the\s+)?end\s+of\s+(?:the|this)\s+year|(?:the\s+)?year\s+is\s+(?:out|over|up)\b|year[\s-]end"
    + _PERIOD_END_WORK
    + r"|this\s+year(?!'s)"
    r"|end\s+of\s+year))\b"
)
_P_DAY_WORDS = _rx(
    # "By tomorrow or day after": the day after tomorrow.
    r"\b(?:(?P<after_tomorrow>(?:the\s+)?day\s+after\s+tomorrow"
    r"|day\s+after(?<=tomorrow\sor\sday\safter)|day\s+after(?<=tmrw\sor\sday\safter))"
    r"|(?P<tomorrow>tomorrow|tmrw|tmr|tomorow)"
    r"|(?P<past>yesterday|earlier\s+today|this\s+morning'?s|last\s+night)"
    r"|(?P<today>today|tonight|this\s+afternoon|this\s+arvo|after\s+lunch|this\s+evening|this\s+morning|later\s+today"
    r"|end\s+of\s+(?:the\s+)?(?:business\s+)?day|end\s+of\s+business|close\s+of\s+(?:business|play)"
    r"|\beod\b|\bcob\b|\beob\b))\b"
)
# "Friday's interview" names the day of something, due only when it is still going ahead
# ("Friday's final interview will go ahead with just you"); "Monday's a holiday" is not a due.
_P_WEEKDAY = _rx(
    rf"\b({_WD_ANY})(?!'s\s(?!(?:[\w-]+\s+){{0,2}}?(?:interview|meeting|call|round|panel|chat"
    r"|session|assessment|visit|onsite|final)\s+(?:will|is\s+still|goes|is\s+going\s+ahead"
    r"|is\s+on\b|stands)))(?!s\b)"
)

_P_TIME = _rx(
    r"\b(?:(?P<noon>noon|midday|lunchtime|12\s*noon)"
    r"|(?:at|by|before|around|from)\s+(?P<h1>\d{1,2})(?!\d)(?::(?P<m1>\d{2}))?"
    r"(?:\s*(?P<ap1>a\.?m\.?|p\.?m\.?))?(?![\d/.:]\d|\s*(?:st|nd|rd|th|days?|weeks?|of|%)\b)"
    r"|(?P<h2>\d{1,2})(?::(?P<m2>\d{2}))?\s*(?P<ap2>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|(?P<h3>\d{1,2}):(?P<m3>\d{2})(?![\d:]))"
)

# Clause boundaries bound the context in which a date is judged to refer to the past.
_CLAUSE_BREAK = _lead(r"[.;!?\n]|,\s|\s-\s|\b(?:and|but|so|while|although)\b")
_PAST_CUE = _lead(
    r"\b(?:thanks?\s+(?:you\s+)?(?:again\s+)?for|thank\s+you\s+for|was|were|came|met|spoke"
    r"|talked|had(?!\s+to)|did|interviewed|visited|applied|submitted|received|discussed|mentioned|said"
    r"|promised|recap|minutes\s+of"
    r"|told|chatted|joined|went|sent|since|ago|enjoyed|appreciated|previously"
    r"|wrapped\s+up|finished|concluded"
    # "Last" only before a time ("last time", "last Monday"): "your last payslip" is a document.
    r"|last(?=\s+(?:time|night|week|month|year|quarter|[a-z]+day)\b)"
    # "In the last round we…" is behind us; "through to the last round" is the final one.
    r"|(?<!the\s)last(?=\s+round\b)"
    r"|earlier)\b"
)
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|going\s+to|gonna|expect|plan|hope|by|until|before|next|need|can|could"
    r"|would|should|must|let\s+you\s+know|hear|please"
    # "She's promised me an answer Friday": what was promised is still to come.
    r"|promised\s+(?:to|me|us|you|him|her|them)"
    # "Said they'd like me back on the 15th", "she'd call back Thursday": relayed, still ahead.
    r"|(?:she|he|they)'d\s+(?!hoped|been|had|already|thought|wanted|planned|expected)"
    # "She said the letter comes next week", "the contract's coming thru this week".
    r"|comes|arrives|lands|(?:'s|is|are|'re)\s+coming"
    # "She said sign-off is stuck with the CFO till mid Jan": a hold that holds now.
    r"|(?:'s|is|are|'re)\s+(?:still\s+)?(?:stuck|held\s+up|on\s+hold|frozen|paused|on\s+ice)"
    r")\b|'ll\b"
)
# "Off" as in away ("I'm off Friday"), not leaving ("before you head off tonight", "sign-off"):
# checked behind the literal, so only an "off" pays for it.
_NOT_LEAVING = (
    "".join(
        rf"(?<!{verb}\soff)"
        for verb in (
            "head",
            "heads",
            "heading",
            "log",
            "logs",
            "clock",
            "clocks",
            "sign",
            "set",
            "kick",
        )
    )
    + r"(?<!-off)"
)
_NOT_A_DUE_CUE = _lead(
    r"(?:\b(?:start(?:ing|s)?|begin(?:ning|s)?|commenc\w*|joining|first\s+day)"
    r"(?:\s+(?:with\s+us|work|with\s+the\s+team))?"  # "you can start with us on the 4th"
    # "starting Monday the 12th", "joining by 15th January": a start however it is worded ("start
    # date by 23 December" is when the date is to be told, a due).
    r"(?:\s+date(?:\s+(?:is|will\s+be|of|on|from|in))?|\s+(?:is|will\s+be|of|on|from|in|by))?"
    r"\s*:?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?"
    # "We now need you from Monday 10 May": the day to start, moved.
    r"|\bneed\s+(?:you|u)\s+from\s+(?:the\s+)?"
    # "We'll need to reschedule your interview on Friday": the old day of something moved.
    r"|\b(?:reschedul\w*|postpon\w*|cancel\w*|mov(?:e|ing)|rearrang\w*)\s+(?:your|the|our)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:interview|call|meeting|chat|session|panel|assessment)\s+(?:on|for)\s+"
    r"(?:the\s+)?"
    # "A salary paid over 13 months", "we reopen on January 5": how pay is spread and the day an
    # office opens again are owed to nobody ("before the office shuts on the 23rd" is a deadline).
    r"|\bpaid\s+|\b(?:we|office|offices|it)\s+re-?opens?\s+(?:on\s+|from\s+)?(?:the\s+)?"
    # "Our offices are closed until January 4", "the client's shut down until the 4th": the day
    # they open again, owed to nobody.
    r"|\b(?:closed|shut(?:\s+down)?)\s+(?:for\s+(?:the\s+)?(?:holidays?|break|christmas|new\s+year)\s+)?"
    r"(?:until|till|through|thru)\s+(?:the\s+)?"
    # "Something about year end": a topic, not a time.
    r"|\b(?:something|stuff|things?)\s+(?:about|with|to\s+do\s+with)\s+(?:the\s+)?"
    # "On leave next week, back on the 16th": the day someone returns.
    r"|\b(?:leave|holiday|vacation|pto|away|off|out)\b[^.;!?]{0,30}\bback\s+(?:on\s+)?(?:the\s+)?"
    # "The offer of the post … from 1 January": a day something begins states no end.
    r"|\bfrom\s+(?:the\s+)?"
    r"|\b(?:every|each|since|founded\s+in|born\s+on)\s+"
    # The day to report for duty is a start date.
    r"|\breport(?:ing)?\s+(?:for\s+duty|to\s+(?:work|duty)|for\s+work)\s+(?:on\s+|by\s+)?(?:the\s+)?"
    r"|\bstart(?:ing|s)?\s+(?:whenever|any\s*time|sometime|some\s+time)\b[^.;!?]{0,30}"
    # The old day of something moved or called off is not when anything is due.
    # ("We'll reschedule for next week" names the new time.)
    r"|\b(?:conflict|unavailable|not\s+available|cancel(?:led|ed)?|postpone|reschedule(?!\s+for\s)"
    r"|can't\s+make"
    r"|can't\s+do|cannot\s+do|can\s+no\s+longer\s+do"
    r"|couldn't\s+meet|can't\s+meet|closed(?:\s+to\s+(?:visitors|the\s+public|candidates))?|off"
    + _NOT_LEAVING
    + ")"
    r"\s+(?:on\s+|for\s+)?(?:the\s+|your\s+|ur\s+|our\s+)?"
    # "Your date of joining now stands revised to 01.03.2027", "your start date has moved from
    # Monday 5 April to Monday 19 April": a start, moved.
    r"|\bdate\s+of\s+joining\b[^.;!?]{0,40}?\b(?:to|on|as|is|from)\s+(?:the\s+)?"
    r"|\bstart(?:ing)?\s+date\s+(?:has\s+)?(?:moved|changed|shifted|been\s+(?:moved|changed|pushed"
    r"|revised))\b[^.;!?]{0,40}?\b(?:to|from)\s+(?:[a-z]+day\s+)?(?:the\s+)?"
    # "So nothing will move this week": the time when nothing happens.
    r"|\bnothing\s+(?:will|is\s+going\s+to|'ll|can)\s+(?:move|happen|change|progress)\s+"
    # "No rush tonight": the time is what they do not ask for.
    r"|\bno\s+(?:rush|hurry|pressure)\s+"
    # "I can't roster you this week": the time that is ruled out, not a due.
    r"|\b(?:can't|cannot|can\s+not|unable\s+to|won't\s+be\s+able\s+to)\s+(?:roster|schedule|fit|see"
    r"|book|use|take|have|slot)\s+(?:you|u)\s+(?:in\s+)?"
    # "Everyone who trialled this week": when those people came in, behind us.
    r"|\b(?:who|that)\s+(?:[a-z]+(?<!e)ed|came\s+in|met\s+us|sat\s+the\s+test)\s+"
    # The day someone is away ("the manager is out sick today") is not a new date either.
    r"|\b(?:is|are|'s|'re|am|'m|was|were)\s+(?:out\s+sick|out|sick|away|off|unwell|travell?ing|busy"
    r"|on\s+leave|interstate|overseas|abroad|out\s+of\s+(?:the\s+)?(?:office|country))"
    r"\s+(?:on\s+|until\s+|till\s+|through\s+|from\s+)?(?:the\s+)?"
    # Running behind ("a couple of days behind on feedback this week") owes nothing either.
    r"|\bbehind\s+(?:on|with)\s+(?:[\w-]+\s+){0,2}?"
    # A busy spell ("approvals are running slow this month") sets the scene; it owes nothing.
    r"|\b(?:slow|busy|quiet|hectic|swamped|stretched|flat\s+out)\s+(?:with\s+\w+(?:\s+\w+)?\s+)?"
    # ... nor the day someone on leave comes back ("on annual leave until next Tuesday", "she's
    # back on shift Thursday").
    r"|\b(?:is|are|'s|'re|will\s+be|'ll\s+be)\s+back(?:\s+(?:on\s+shift|on\s+deck|in\s+the\s+office|at\s+work"
    r"|at\s+(?:her|his|their)\s+desk))?\s+(?:on\s+)?(?:the\s+)?"
    # "The MD is overseas and only back on the 12th": the day of a return, not a due.
    r"|\bonly\s+back(?:\s+in\s+the\s+office)?\s+(?:on\s+)?(?:the\s+)?"
    r"|\bon\s+(?:annual\s+|sick\s+|parental\s+|maternity\s+|paternity\s+)?(?:leave|holiday|vacation|pto)"
    r"\s+(?:until|till|through)\s+(?:the\s+)?"
    # The day of a calendar item called off ("Canceled: Onsite interview @ Tue Nov 24").
    r"|\bcancel(?:l?ed)?(?:\s+(?:event|invitation|meeting))?\s*:[^:]{0,80}"
    # After a day no end is stated ("we will send the letter after Sunday").
    r"|\bafter\s+(?:the\s+)?"
    # "We don't do Saturday interviews": a day ruled out.
    r"|\b(?:don't|do\s+not|doesn't|does\s+not|never)\s+(?:do|hold|run|have|work|interview)\s+(?:on\s+)?"
    # The term a job lasts ("a fixed-term contract until 30 June 2028", "the secondment runs to
    # March") is not something owed; "return the contract by Friday" is.
    r"|\b(?:fixed[\s-]term|temporary|interim|an?)\s+(?:[\w-]+\s+){0,2}(?:contract|appointment"
    r"|secondment|assignment|placement)\s+(?:as\s+[^.;!?]{1,60}?\s+)?(?:until|till|through|to"
    r"|ending(?:\s+on)?)\s+(?:the\s+)?"
    r"|\bfixed[\s-]term\s+basis\s+(?:until|till|through|to|ending(?:\s+on)?)\s+(?:the\s+)?"
    r"|\bfor\s+a\s+fixed[\s-]term\s+(?:of\s+[^.;!?]{1,30}?\s+)?(?:until|till|through|to"
    r"|ending(?:\s+on)?)\s+(?:the\s+)?"
    r"|\b(?:contract|appointment|secondment|assignment|placement|tenure|funding)\s+(?:which\s+"
    r"|that\s+)?(?:runs?|running|lasts?|lasting|continues|ends?|ending|expires|finishes)"
    r"\s+(?:until\s+|till\s+|through\s+|to\s+|on\s+)?(?:the\s+)?"
    # A budget's own time ("budget stuff at year end", "headcount for next year") is a topic.
    r"|\b(?:budget(?:s|ing)?|headcount)(?:\s+(?:stuff|things|talks|process|cycle|reviews?"
    r"|discussions?|decisions?|season))?\s+(?:at|around|during|for)\s+(?:the\s+)?)$"
)
# Rarer cues, kept apart behind a substring test so the common case pays nothing for them:
# the time set aside ("on Monday rather than this week") is not the new one, and a clawback
# window ("repayable if you leave within 12 months") is a condition, not a due.
_SET_ASIDE_CUE = re.compile(
    r"(?:\b(?:rather\s+than|instead\s+of)\s+(?:on\s+)?(?:the\s+)?"
    r"|\b(?:if|should|when|once)\s+(?:you|they|he|she|the\s+(?:employee|candidate))\s+"
    r"(?:leave|resign|quit|depart)s?\s+(?:us\s+|the\s+(?:company|business|firm)\s+)?)$"
)
# A time inside a cause ("due to the volume of applications this year, ...") sets the scene.
# "Due to" only before a noun phrase: "due to arrive Friday" is a due.
_CAUSE_CLAUSE = re.compile(
    r"\s*(?:(?:due|owing)\s+to\s+(?:the|a|an|our|your|their|its|this|these|some|high|heavy|current"
    r"|recent|ongoing|unforeseen|unexpected)\s|because\s+of\s|on\s+account\s+of\s)"
    # "Due to some internal approvals the final decision is postponed to the 15th": the clause
    # went on past its cause.
    r"(?![^,]*\b(?:is|are|has\s+been|have\s+been|will\s+be|was|were)\s+(?:now\s+)?"
    r"(?:postponed|moved|pushed|delayed|deferred|rescheduled|expected|due)\b)"
)
# What is planned for a year or a quarter ("graduate numbers for next year") names a topic.
_PLANNING_FOR = re.compile(
    r"\b(?:numbers|figures|intake|hiring|plans?|planning|forecasts?|targets?|roles|positions"
    r"|programmes?|programs?|cohorts?|allocations?|requirements)\s+(?:for|in)\s+(?:the\s+)?$"
)
_SET_ASIDE_HINTS = ("than", "instead", "leave", "resign", "quit", "depart")
# The later days of such a list ("closed Thursday and Friday") are no dues either.
_NOT_A_DUE_LIST = re.compile(
    r"\b(?:closed|unavailable|not\s+available|cancel(?:led|ed)?|off" + _NOT_LEAVING + ")"
    rf"\s+(?:on\s+)?(?:the\s+)?{_WD}(?:\s*(?:,|and|or|&)\s*{_WD})*\s*(?:,|and|or|&)\s*$"
)
_DAYS_RULED_OUT = re.compile(
    rf"(?:\s*(?:,|and|or|&|/)\s*{_WD_OR_ABBR})*\s+(?:are|is|'s)\s+(?:out|off|(?:our|my|their)\s+days?\s+off"
    r"|no\s+good|not\s+possible"
    r"|unavailable|not\s+available|blocked|(?:a\s+)?(?:public\s+|bank\s+)?holiday)\b"
)
# The day of something booked and then called off ("today's interview is cancelled", "the
# interview scheduled for Thursday has been cancelled and will be rebooked").
_SCHEDULED_FOR = re.compile(
    r"\b(?:scheduled|booked|planned|set|arranged|slated|fixed)\s+(?:for|on)\s+(?:the\s+)?$"
)
_CALLED_OFF_AFTER = re.compile(
    r"[^.;!?\n]{0,100}?\b(?:cancel(?:l?ed)?|called\s+off|postponed|rescheduled"
    r"|(?:won't|will\s+no\s+longer|can't|cannot)\s+(?:go\s+ahead|happen|take\s+place|be\s+held)"
    r"|(?:is|has\s+been|have\s+been|was)\s+(?:moved|pushed|put\s+on\s+hold|delayed))\b"
)
# An expectation that fell through ("we thought we'd have an answer today, but ...").
_DASHED_HOPE = re.compile(
    r"\b(?:thought|expected|hoped|had\s+hoped|were\s+hoping|was\s+hoping|anticipated|intended"
    r"|said\s+(?:we|i|they)(?:'d|\s+would)|asked\s+(?:you\s+)?for"
    r"|(?:was|were)\s+(?:supposed|meant|due)\s+to)\b"
)
_BUT_AFTER = re.compile(r"[^.;!?\n]{0,40}?\bbut\b")
# "A January 18 start", "Monday start date": a day named before the word "start" is the start.
_START_AFTER = re.compile(
    r"\s*-?\s*start(?:ing)?(?:\s+date)?\b(?!\s+(?:of|the|to|by|on|at|with)\b)"
)
# "Monday through Friday": the days of a working week ("moved from Thursday to Tuesday" is a move).
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DAY_RANGE_AFTER = re.compile(rf"\s*(?:through|thru|to|-)\s*{_DAY}\b")
_DAY_RANGE_BEFORE = _lead(rf"(?<!from\s)\b{_DAY}\s*(?:through|thru|to|-)\s*$")
# ... but "Tuesday through Thursday this week" names days to meet on.
_RANGE_IN_A_WEEK = re.compile(
    rf"(?:\s*(?:through|thru|to|-)\s*{_DAY})?\s+(?:of\s+)?(?:this|next)\s+week"
)
# "Two days ago", "a couple of days behind", "a week late": a time behind us, not a due.
_AFTER_PAST = re.compile(r"^\s*(?:'s\s+)?(?:ago|earlier|behind|late|overdue)\b")
# Words that make a date a deadline ("by Friday", "within 3 days", "before end of day today").
# The end of a named day ("by close of business on Monday", "by EOD Tuesday", "by 5pm Friday")
# is a deadline on that day: the day's end or hour may stand between the cue and the day.
_DEADLINE_CUE = _lead(
    r"(?:\bby|\bbefore|\buntil|\btill|no\s+later\s+than|\bwithin|prior\s+to|latest"
    # "In" as a time ("in the week of"), not a verb booking a slot ("lock in the week of").
    # "Which weeks in December are you away?" asks about a time; it sets no deadline.
    r"|\b(?<!lock\s)(?<!pencil\s)(?<!slot\s)(?<!fit\s)(?<!weeks\s)(?<!days\s)(?<!dates\s)(?<!times\s)in"
    # "Complete the test sometime next week": by the end of that week.
    r"|\bsome\s?time(?:\s+(?:during|in))?"
    r"|deadline(?:\s+is|\s+of)?|\bdue|\bexpir(?:es|ing|y\s+date\s+is|y\s+date:?|y:|e\s+on)(?:\s+(?:at|on))?"
    # "Sign and send it back this week or next": the return is owed by then.
    r"|\b(?:it|them|this|these|that|everything)\s+back"
    r"|\b(?:valid|open|good)\s+(?:through|thru)"
    # "Send it EOD Friday": the end of a day is a deadline with or without "by".
    r"|(?=\b(?:eod|cob|eob|end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+business)\W))"
    # "By, say, Wednesday": a filler may stand between.
    r"(?:\s*,?\s*say\s*,?)?"
    r"\s*(?:the\s+)?(?:end\s+of\s+|close\s+of\s+)?(?:the\s+)?"
    r"(?:(?:(?:the\s+)?(?:business\s+)?day|business|play|cob|eod|eob|c\.o\.b\.?"
    r"|\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?|\d{1,2}[:.]\d{2}|noon|midday|midnight)"
    r"(?:\s+(?:(?!at\b)[a-z]{1,3}t|utc|gmt))?\s*,?\s*(?:on\s+)?(?:the\s+)?)?"
    # ... and the day's name before its date ("by COB Friday 29/01/2027").
    rf"(?:{_WD_OR_ABBR}\s*,?\s*(?:the\s+)?)?$"
)


# A deadline offered softly after the request ("Monday works if that's doable", "Friday would be
# great if you can"): the condition makes it the time to have it done, not a slot to pick.
_SOFT_DEADLINE = re.compile(
    # "Monday is fine given the holiday": a day allowed for the task is its deadline.
    r"\s+is\s+fine\s+(?:given|because|as|since|with)\b"
    # "One thing we'll need is a writing sample. Would Friday work?": the day asked for.
    r"|\s+(?:work|suit(?:\s+you)?|be\s+(?:ok|okay|possible|doable|feasible))\s*(?:for\s+you\s*)?\?"
    # "No huge rush, but Wednesday would really help.": the day asked for, softly.
    r"|\s+would\s+(?:really\s+|be\s+a\s+(?:big\s+|great\s+)?)?help\b"
    # "No rush over the holidays, Monday 4th is fine.": the day allowed, said on its own.
    r"|(?:\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th))?\s+is\s+(?:fine|ok|okay|soon\s+enough)\s*(?:[.!]|$)"
    r"|\s*,?\s*(?:works|would\s+work|is\s+fine|would\s+be\s+(?:fine|great|ideal|perfect|good))"
    r"(?:\s+(?:for\s+(?:us|me)|too))?,?\s+if\s+(?:that'?s|that\s+is|it'?s|it\s+is|you\s+can"
    r"|possible|doable|at\s+all)"
)


# "Within the next two weeks" is a deadline even in an availability ask ("the next" may start it).
_WITHIN_BEFORE = re.compile(r"\b(?:with)?in\s+$")
_SPAN_STARTS = ("over ", "the next", "the coming", "next ", "coming ")
_WINDOW_ASK = re.compile(
    r"\b(?:availability|available|free|around|calendar|diary|schedule|slots?|windows?|times|dates|options)\b"
)


def _sentence_of(text: str, found: _Found) -> str:
    start = max(text.rfind(mark, 0, found.start) for mark in ".?!\n")
    ends = [e for e in (text.find(mark, found.end) for mark in ".?!\n") if e >= 0]
    return text[start + 1 : min(ends) if ends else len(text)]


# Chat shorthand read as the words it stands for ("can u do tues w/ the hiring mgr"), so that the
# rules written for full words read text messages too. "u.s.", "r&d", "n/a" and "w/c" (week
# commencing) are left alone, and so is "ur", which is "your" as often as "you're".
_CHAT_WORDS = {
    "u": "you",
    "r": "are",
    "n": "and",
    "w/": "with ",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "mgr": "manager",
    "asap": "as soon as possible",
}
_CHAT = re.compile(r"\b(?:u|r|n|pls|plz|thx|mgr|asap)\b(?![.&/'])|\bw/(?![ceo]\b)\s*")


def _chat_word(m: re.Match[str]) -> str:
    return _CHAT_WORDS[m[0].rstrip()]


# What every match of `_CHAT` holds: one of the longer shorthands, or a lone u, r or n (a letter
# with a word boundary on each side). `_CHAT` tests its boundary at every position of the text;
# this finds the letter first and tests the boundaries only there. About one text in forty holds
# either, and the rest skip the substitution: normalising costs about a fifth less.
_CHAT_LONGER = ("w/", "pls", "plz", "thx", "mgr", "asap")
_CHAT_LETTER = re.compile(r"[nru](?<=\b[nru])\b")


def normalise(text: str) -> str:
    """The statement as the rules read it: lower case, straight quotes, plain dashes and spaces,
    chat shorthand spelt out."""
    # lower() may change length for rare characters, which is harmless because spans are only
    # used on this string.
    plain = _plain(text)
    if any(map(plain.__contains__, _CHAT_LONGER)) or _CHAT_LETTER.search(plain):
        return _CHAT.sub(_chat_word, plain)
    return plain


def _plain(text: str) -> str:
    if text.isascii():
        return text.lower()  # every character replaced below is non-ASCII: ten scans saved
    return (
        text.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2013", "-")
        .replace("\u2014", "-")
        .replace("\u00a0", " ")
        .replace("\u02bc", "'")
        .replace("\u00b4", "'")
        .replace("\u2032", "'")
        .lower()
    )


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _month_last(year: int, month: int) -> date:
    return date(year, month, _stdlib_calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def _next_week_start(day: date, cal: BusinessCalendar, k: int = 1) -> date:
    """The first working weekday of the k-th work week after the one `day` falls in."""
    start = cal.work_week_start(day)
    for _ in range(k):
        # The day after a work week's end is a weekend day, which belongs to the next week.
        start = cal.work_week_start(cal.work_week_end(start) + timedelta(days=1))
    return start


def _weekday_from(weekday: int, start: date) -> date:
    """The first `weekday` on or after `start` (the first day of a work week)."""
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def _weekday_number(word: str) -> int:
    word = word.rstrip(".")
    return _WEEKDAYS.get(word, _WEEKDAY_ABBREVIATIONS.get(word, 0))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_on_or_after(month: int, dom: int, today: date) -> date | None:
    for year in range(today.year, today.year + 5):
        candidate = _safe_date(year, month, dom)
        if candidate is not None and candidate >= today:
            return candidate
    return None


def _full_year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) == 2 else year


# --- one handler per pattern: (match, today, moment, calendar, locale) -> _Found | None --------

_Handler = Callable[[re.Match[str], date, datetime, BusinessCalendar, str], "_Found | None"]


def _found(m: re.Match[str], first: date | None, last: date | None, form: str) -> _Found:
    return _Found(m.start(), m.end(), first, last, form)


def _h_placeholder(m: re.Match[str], today: date, *_: object) -> _Found:
    return _found(m, None, None, "placeholder")


def _h_iso(m: re.Match[str], today: date, *_: object) -> _Found | None:
    try:
        # An ordinary explicit date: python-dateutil's ISO 8601 reader checks it.
        day = _date_parser.isoparse(f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}").date()
    except (ValueError, OverflowError):
        return None
    return _found(m, day, day, "date.iso")


def _h_numeric(
    m: re.Match[str], today: date, moment: datetime, cal: BusinessCalendar, locale: str
) -> _Found | None:
    if m[1] is None:
        first, second, year_text, separator = int(m[5]), int(m[7]), m[8], m[6]
    else:
        first, second, year_text, separator = int(m[1]), int(m[3]), m[4], m[2]
    if separator == "." and year_text is None:
        return None  # "3.5" is a number, not a date
    if first == 24 and second == 7 and year_text is None:
        return None  # "24/7"
    month_first = locale.lower() in MONTH_FIRST_LOCALES
    ambiguous = first <= 12 and second <= 12 and first != second
    if first > 12 and second <= 12:
        month, dom = second, first
    elif second > 12 and first <= 12:
        month, dom = first, second
    elif first > 12 and second > 12:
        return None
    elif month_first:
        month, dom = first, second
    else:
        month, dom = second, first
    if year_text is not None:
        day = _safe_date(_full_year(year_text), month, dom)
    else:
        day = _next_on_or_after(month, dom, today)
    if day is None:
        return None
    found = _found(m, day, day, "date.numeric")
    found.ambiguous = ambiguous
    return found


def _h_month_day(m: re.Match[str], today: date, *_: object) -> _Found | None:
    month_word = _MONTH_WORD.search(m[0])
    if month_word is None:
        return None
    month = _MONTHS[month_word[0].rstrip(".")]
    dom = int(m[1] or m[3] or m[5])
    if m[2] is not None and int(m[1]) < int(m[2]) <= 31:
        dom = int(m[2])
    if m[6] is not None:
        day = _safe_date(_full_year(m[6]), month, dom)
    elif m[4] is not None:
        day = _safe_date(int(m[4]), month, dom)
    else:
        # No year said: the next such date on or after the day it was said.
        day = _next_on_or_after(month, dom, today)
    if day is None:
        return None
    return _found(m, day, day, "date.month_day")


# How far ahead a named holiday may be and still be a due: "before Christmas" said in December is
# this Christmas; said in January it is last Christmas, a report of what was hoped ("I know I said
# we'd have news before Christmas"), not a date a year away.
_HOLIDAY_AHEAD = timedelta(days=100)


def _h_holiday(m: re.Match[str], today: date, *_: object) -> _Found | None:
    name = m[2]
    dom = 31 if name.startswith("new") else 24 if name.endswith("eve") else 25
    day = _next_on_or_after(12, dom, today)
    if day is None:
        return None
    if m[1] != "by":
        day -= timedelta(days=1)  # "before Christmas": the last day before it
    if day < today or day - today > _HOLIDAY_AHEAD:
        return None
    return _found(m, day, day, "date.holiday")


# A time moved to a month ("delayed to January", "pushed out to March") ends with that month.
_MOVED_TO = _rx(
    r"\b(?:delay(?:ed)?|mov(?:e|ed|ing)|push(?:ed|ing)?|postponed|deferred|shift(?:ed)?|bumped"
    r"|slipp?(?:ed)?|rescheduled|changed|back|out)\s+to\s$"
)


def _h_month_only(m: re.Match[str], today: date, *_: object) -> _Found | None:
    if (
        m[1] is None
        and m.string.endswith("to ", 0, m.start())
        and not m.string.endswith("into ", 0, m.start())
        and not _MOVED_TO.search(m.string, max(0, m.start() - 20), m.start())
    ):
        return None
    month_word = re.search(_MONTH, m[0])
    if month_word is None:
        return None
    month = _MONTHS[month_word[0].rstrip(".")]
    # No year said: this year's month if it has not passed, else next year's.
    year = int(m[2]) if m[2] else today.year + (month < today.month)
    part = (m[1] or "").replace("the ", "").strip()
    last = _month_last(year, month)
    if part == "early" or part.endswith("beginning of") or part.endswith("start of"):
        last = date(year, month, 10)
    elif part == "mid" or part.endswith("middle of"):
        last = date(year, month, 20)
    return _found(m, date(year, month, 1), last, "date.month")


def _h_nth(m: re.Match[str], today: date, *_: object) -> _Found | None:
    dom = int(m[1])
    if not 1 <= dom <= 31:
        return None
    day = _safe_date(today.year, today.month, dom) if dom >= today.day else None
    if day is None:
        year, month = _add_months(today.year, today.month, 1)
        for _k in range(12):
            day = _safe_date(year, month, dom)
            if day is not None:
                break
            year, month = _add_months(year, month, 1)
    if day is None:
        return None
    return _found(m, day, day, "date.day_of_month")


def _count(
    m: re.Match[str],
    n: int,
    unit: str,
    today: date,
    moment: datetime,
    cal: BusinessCalendar,
) -> _Found:
    if "business" in unit or "working" in unit or "work " in unit:
        last = cal.add_business_days(today, n)
        form = "count.business_days"
    elif unit.startswith(("week", "wk")):
        last = today + timedelta(days=7 * n)
        form = "count.weeks"
    elif unit.startswith("month"):
        year, month = _add_months(today.year, today.month, n)
        last = _safe_date(year, month, today.day) or _month_last(year, month)
        form = "count.months"
    elif unit.startswith(("hour", "hr")):
        last = max(today, (moment + timedelta(hours=n)).date())
        form = "count.hours"
    else:
        last = today + timedelta(days=n)
        form = "count.days"
    return _found(m, today, last, form)


def _unit_of(words: str) -> str:
    return re.sub(r"\s+", " ", words.strip())


def _larger_count(m: re.Match[str], first: int | None) -> int | None:
    """The larger of a count and its alternative in group 2 ("2 or 3", "2-3 days"); None when
    either is no number."""
    second = _number(m[2]) if m[2] else None
    if first is None or (m[2] and second is None):
        return None
    return max(first, second or 0)


def _h_range_count(
    m: re.Match[str], today: date, moment: datetime, cal: BusinessCalendar, locale: str
) -> _Found | None:
    n = _larger_count(m, _number(m[1]))
    if n is None or n > 400:
        return None
    if m[0].startswith("for") and not _HELD_FOR.search(m.string, max(0, m.start() - 40), m.start()):
        return None  # "the trial lasts for 3 days" is a length; "on hold for 3 weeks" ends
    if m[0].startswith("by") and "exten" in m.string:
        before = m.string[max(0, m.start() - 60) : m.start()]
        if _EXTENDED.search(before) and not _EXTENDED_DEADLINE.search(before):
            return None  # "extend your contract by six months": how much longer, not a due
    return _count(m, n, _unit_of(m[3]), today, moment, cal)


# What a contract or a job is extended by is a length ("extend your contract by six months");
# a deadline or an offer extended by a week still ends then.
_EXTENDED = _rx(r"\bexten(?:d|ds|ded|ding|sion)\b")
_EXTENDED_DEADLINE = _rx(r"\b(?:deadline|offer|date|window|expiry|time\s+to)\b")


# A freeze or a hold said with its length ("frozen for three weeks", "we'll hold the offer for
# 5 days") is due when it ends.
_HELD_FOR = _rx(
    r"\b(?:frozen|freeze|paused|pause|on\s+hold|on\s+ice|held|hold(?:ing)?|suspended|delayed"
    r"|postponed|deferred|pushed\s+back|parked|shelved)\s+(?:[\w']+\s+){0,2}$"
)


def _h_next_count(
    m: re.Match[str], today: date, moment: datetime, cal: BusinessCalendar, locale: str
) -> _Found | None:
    n = _number(m[1])
    if n is None or n > 400:
        return None
    return _count(m, n, _unit_of(m[2]), today, moment, cal)


def _h_fuzzy_count(
    m: re.Match[str], today: date, moment: datetime, cal: BusinessCalendar, locale: str
) -> _Found:
    couple = m[1].startswith("couple")
    unit = _unit_of(m[3])
    if unit.endswith("weeks"):
        return _found(m, today, today + timedelta(days=14 if couple else 21), "count.fuzzy_weeks")
    # "a couple of days" and "a few days" are working days: people mean the office's days.
    return _found(m, today, cal.add_business_days(today, 2 if couple else 3), "count.fuzzy_days")


def _h_one_or_two(
    m: re.Match[str], today: date, moment: datetime, cal: BusinessCalendar, locale: str
) -> _Found:
    unit = m[1]
    # "A week or two" runs to its latest end; "a week or so" is about the one week.
    k = 1 if m[2] == "so" else 2
    if unit == "day":
        return _found(m, today, today + timedelta(days=k), "count.days")
    if unit == "week":
        return _found(m, today, today + timedelta(days=7 * k), "count.weeks")
    year, month = _add_months(today.year, today.month, k)
    return _found(
        m, today, _safe_date(year, month, today.day) or _month_last(year, month), "count.months"
    )


def _h_fortnight(m: re.Match[str], today: date, *_: object) -> _Found:
    return _found(m, today, today + timedelta(days=14), "count.weeks")


def _h_minutes(
    m: re.Match[str], today: date, moment: datetime, cal: BusinessCalendar, locale: str
) -> _Found | None:
    n = _larger_count(m, _number(m[1]) if m[1] else 30)  # no number: "half an hour"
    if n is None or n > 600:
        return None
    day = max(today, (moment + timedelta(minutes=n)).date())
    return _found(m, today, day, "count.minutes")


_BARE_NTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)\b")


def _h_week_of(
    m: re.Match[str], today: date, moment: datetime, cal: BusinessCalendar, locale: str
) -> _Found | None:
    # The date inside is read as it would be alone; the week it falls in gives the due.
    named = _P_MONTH_DAY.search(m[0])
    inner = _h_month_day(named, today) if named else None
    if inner is None:
        numeric = _P_NUMERIC.search(m[0])
        inner = _h_numeric(numeric, today, moment, cal, locale) if numeric else None
    if inner is None:
        nth = _P_NTH.search(m[0]) or _BARE_NTH.search(m[0])  # "the week of the 4th", "w/c 11th"
        inner = _h_nth(nth, today) if nth else None
    if inner is None or inner.latest is None:
        return None
    found = _found(m, inner.latest, cal.work_week_end(inner.latest), "week.of")
    found.ambiguous = inner.ambiguous
    return found


def _h_push_back(
    m: re.Match[str], today: date, moment: datetime, cal: BusinessCalendar, locale: str
) -> _Found | None:
    n = _number(m[1])
    if n is None or n > 60 or not _PUSH_VERB.search(m.string[max(0, m.start() - 30) : m.start()]):
        return None
    days = n * 7 if m[2].startswith("week") else n
    # From today until `_shift_back` finds the day that was named before it.
    found = _found(m, today, today + timedelta(days=days), "count.pushed_back")
    found.shift = days
    return found


def _h_coming_days(
    m: re.Match[str], today: date, moment: datetime, cal: BusinessCalendar, locale: str
) -> _Found:
    if m[1] == "weeks":
        return _found(m, today, today + timedelta(days=21), "count.fuzzy_weeks")
    return _found(m, today, cal.add_business_days(today, 3), "count.fuzzy_days")


_WD_FIND = re.compile(_WD_OR_ABBR)


def _h_week_list_next(
    m: re.Match[str], today: date, moment: datetime, cal: BusinessCalendar, locale: str
) -> _Found:
    # Next week's start found once for the whole list, not once per day named in it.
    start = _next_week_start(today, cal)
    named = m[1] if m[1] is not None else m[0]  # "a week Friday" names its day in the match
    days = [_weekday_from(_weekday_number(w), start) for w in _WD_FIND.findall(named)]
    return _found(m, min(days), max(days), "weekday.next_week")


_h_next_week_on = _h_week_list_next


def _h_week_list_this(m: re.Match[str], today: date, *_: object) -> _Found | None:
    numbers = [_weekday_number(w) for w in _WD_FIND.findall(m[1])]
    days = [today + timedelta(days=n - today.weekday()) for n in numbers if n >= today.weekday()]
    if not days:
        return None
    return _found(m, min(days), max(days), "weekday.this")


def _h_this_weekday(m: re.Match[str], today: date, *_: object) -> _Found:
    day = today + timedelta(days=(_weekday_number(m[1]) - today.weekday()) % 7)
    return _found(m, day, day, "weekday.this")


def _h_past_weekday(m: re.Match[str], today: date, *_: object) -> _Found:
    found = _found(m, None, None, "weekday.past")
    found.past = True
    return found


def _h_week_phrases(
    m: re.Match[str], today: date, moment: datetime, cal: BusinessCalendar, locale: str
) -> _Found:
    kind = m.lastgroup or "this"
    if kind == "past":
        found = _found(m, None, None, "week.past")
        found.past = True
        return found
    if kind == "within_week":
        return _found(m, today, today + timedelta(days=7), "count.weeks")
    if kind == "weekend":
        end = cal.work_week_end(today)
        weekend_last = end + timedelta(days=len(cal.weekend))
        return _found(m, end + timedelta(days=1), weekend_last, "week.weekend")
    if kind == "this":
        return _found(m, today, cal.work_week_end(today), "week.this")
    next_start = _next_week_start(today, cal)
    if kind == "next":
        return _found(m, next_start, cal.work_week_end(next_start), "week.next")
    if kind == "this_or_next":
        return _found(m, today, cal.work_week_end(next_start), "week.this_or_next")
    if kind == "early_next":
        # "Early next week" at its latest: the third working weekday of next week.
        return _found(m, next_start, next_start + timedelta(days=2), "week.early_next")
    if kind == "mid_next":
        return _found(m, next_start, next_start + timedelta(days=2), "week.mid_next")
    after_next = _next_week_start(today, cal, 2)
    if kind in ("next_or_after", "week_after"):
        return _found(m, next_start, cal.work_week_end(after_next), "week.after_next")
    return _found(m, after_next, cal.work_week_end(after_next), "week.after_next")


def _h_month_phrases(m: re.Match[str], today: date, *_: object) -> _Found:
    kind = m.lastgroup or "month"
    if kind == "past":
        found = _found(m, None, None, "month.past")
        found.past = True
        return found
    if kind == "month":
        return _found(m, today, _month_last(today.year, today.month), "month.end")
    if kind in ("next_month", "early_next_month"):
        year, month = _add_months(today.year, today.month, 1)
        last = _month_last(year, month) if kind == "next_month" else date(year, month, 10)
        return _found(m, date(year, month, 1), last, "month.next")
    quarter_last_month = (today.month - 1) // 3 * 3 + 3
    if kind == "quarter":
        return _found(m, today, _month_last(today.year, quarter_last_month), "quarter.end")
    if kind == "named_quarter":
        last_month = 3 * int(re.search(r"q([1-4])", m.group(0))[1])  # type: ignore[index]
        year = today.year if last_month >= today.month else today.year + 1
        return _found(m, today, _month_last(year, last_month), "quarter.named")
    if kind == "next_quarter":
        year, month = _add_months(today.year, quarter_last_month, 3)
        return _found(m, today, _month_last(year, month), "quarter.next")
    if kind == "year":
        return _found(m, today, date(today.year, 12, 31), "year.end")
    return _found(m, today, date(today.year + 1, 12, 31), "year.next")


def _h_day_words(m: re.Match[str], today: date, *_: object) -> _Found:
    kind = m.lastgroup or "today"
    if kind == "past":
        found = _found(m, None, None, "day.past")
        found.past = True
        return found
    if kind == "tomorrow":
        day = today + timedelta(days=1)
        return _found(m, day, day, "day.tomorrow")
    if kind == "after_tomorrow":
        day = today + timedelta(days=2)
        return _found(m, day, day, "day.after_tomorrow")
    return _found(m, today, today, "day.today")


def _h_weekday(m: re.Match[str], today: date, *_: object) -> _Found:
    # A bare weekday is the next such day strictly after the day it was said.
    ahead = (_weekday_number(m[1]) - today.weekday()) % 7
    day = today + timedelta(days=ahead or 7)
    return _found(m, day, day, "weekday.bare")


_PATTERNS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (_P_PLACEHOLDER, _h_placeholder),
    (_P_ISO, _h_iso),
    (_P_WEEK_OF, _h_week_of),
    (_P_MONTH_DAY, _h_month_day),
    (_P_NUMERIC, _h_numeric),
    (_P_MONTH_ONLY, _h_month_only),
    (_P_HOLIDAY, _h_holiday),
    (_P_WEEK_LIST_THIS, _h_week_list_this),
    (_P_WEEK_LIST_NEXT, _h_week_list_next),
    (_P_NEXT_WEEK_ON, _h_next_week_on),
    (_P_PAST_WEEKDAY, _h_past_weekday),
    (_P_NEXT_WEEKDAY, _h_next_week_on),
    (_P_WEEKDAY_WEEK, _h_next_week_on),
    (_P_THIS_WEEKDAY, _h_this_weekday),
    (_P_PUSH_BACK, _h_push_back),
    (_P_MINUTES, _h_minutes),
    (_P_ONE_OR_TWO, _h_one_or_two),
    (_P_FORTNIGHT, _h_fortnight),
    (_P_FUZZY_COUNT, _h_fuzzy_count),
    (_P_NEXT_COUNT, _h_next_count),
    (_P_FROM_TODAY, _h_range_count),
    (_P_RANGE_COUNT, _h_range_count),
    (_P_BARE_COUNT, _h_range_count),
    (_P_WEEK_PHRASES, _h_week_phrases),
    (_P_COMING_DAYS, _h_coming_days),
    (_P_MONTH_PHRASES, _h_month_phrases),
    (_P_DAY_WORDS, _h_day_words),
    (_P_NTH, _h_nth),
    (_P_WEEKDAY, _h_weekday),
)

# A cheap first look: text with none of these has no time expression and skips the scan.
# A digit alone is no hint (a salary, a reference number): only the digit forms a date or a time
# can take ("12/4", "2026-12-04", "the 15th", "3pm", "10:30", "at 3", "q4").
# The hint's alternatives that need a digit, a word boundary or a sign.
_OTHER_HINT_SOURCE = (
    r"\d[/.:-]\d|\d\s*(?:st|nd|rd|th|[ap]\.?m)\b|(?:at|by|before|around|from)\s+\d|\bq[1-4]\b"
    r"|close\s+of|\bhrs?\b|\bmin|arvo|\bmon|\btue|\bwed|\bthu|\bfri|\bsat|\bsun|\[|<|\{|x date"
)
# The hint's plain-word alternatives (no digit, no word boundary): one of them as a substring is
# a match, and most statements with a date hold one ("day" alone is in every weekday), so a few
# substring tests settle them before the regex tries its fifty alternatives at every position.
_PLAIN_HINTS = (
    "day", "week", "month", "year", "hour", "tomorrow", "tonight", "noon", "morning",
    "afternoon", "evening", "night", "business", "fortnight", "quarter", "midday", "lunch",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "wk", "eod", "cob", "eob", "eom", "eow", "tmr", "tba", "tbd", "christmas", "xmas",
)  # fmt: skip
_ANY_HINT = _lead(_OTHER_HINT_SOURCE + "|" + "|".join(_PLAIN_HINTS), re.ASCII)
# Where the statement holds no plain hint, the hint matches exactly where these alternatives do:
# searching for them alone saves trying the forty plain words at every position.
_OTHER_HINT = _lead(_OTHER_HINT_SOURCE, re.ASCII)


# Every other alternative of the hint holds a digit, one of these words or one of these signs:
# a statement with none (a third of them) is settled without the regex failing at every position.
_OTHER_HINT_WORDS = ("close", "hr", "min", "arvo", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_OTHER_HINT_SIGNS = ("[", "<", "{", "x date")


def _has_hint(text: str, present: int) -> bool:
    """Whether `_ANY_HINT` matches somewhere in `text`.

    `present` is `_DATE_CLAUSES.found(text)`: the scan needs it anyway, and its bits say at once
    whether a plain hint, a digit or another hint word is in the text.
    """
    if present & _PLAIN_HINT_BIT:
        return True
    if not present & _OTHER_HINT_BITS and not any(map(text.__contains__, _OTHER_HINT_SIGNS)):
        return False
    return _OTHER_HINT.search(text) is not None  # no plain hint: the other alternatives decide


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def _clause_before(text: str, start: int) -> str:
    # What follows the last break of the window: the last piece of a split (the pattern has no
    # group to return), with no match objects made for the breaks before it.
    return _CLAUSE_BREAK.split(text[max(0, start - 80) : start])[-1]


# A time relayed from someone else ("they said next week", "HR told us end of the month") is the
# new time, not when it was said: a speech verb right before a form that only looks ahead.
_RELAYED = re.compile(
    r"^(?:said|told|mentioned|promised)\s+(?:(?:me|us|you|them|him|her)\s+)?(?:that\s+)?"
    r"(?:(?:it'?s|it\s+(?:would|will|should|'d)\s+be|probably|maybe|likely|by|give\s+it)\s+)*$"
)
# A count said as "in the next N days" or "over the coming weeks" runs from now whatever verb
# comes before it.
_AHEAD_FROM_NOW = re.compile(r"(?:(?:with)?in|over)\s+the\s+(?:next|coming)\b")
# Something done this morning: by the time it is written, the morning is behind it.
_DONE_THIS_MORNING = re.compile(
    r"\b(?:[a-z]+(?<!e)ed|(?:'ve|have|has)\s+(?:already\s+|just\s+)?(?:put|sent|spoken|met|heard|had"
    r"|been|got|seen|told|given|caught|made|done|[a-z]+(?<!e)ed))\s+(?:\S+\s+){0,8}(?<!for\s)$"
)
# "Further to / following / after our call this morning": the conversation it refers back to.
_AFTER_OUR_CALL = re.compile(
    r"\b(?:further\s+to|following(?:\s+up\s+on)?|after)\s+(?:our|your|my|the|today's)\s+"
    r"(?:(?:phone|telephone|video|zoom|teams|quick|brief)\s+)?(?:call|chat|conversation|meeting|discussion"
    r"|interview|talk)\s+$"
)
# "Our telephone conversation of Friday", the letter-writer's way to name a talk that is over.
_TALK_OF = _lead(
    r"\b(?:call|conversation|discussion|talk|chat|letter|e-?mail)\s+of\s+(?:last\s+)?(?:the\s+)?$"
    # "Following your interview on Tuesday, …": the interview is behind us.
    r"|\b(?:following|further\s+to|after)\s+(?:our|your|the)\s+(?:[\w-]+\s+)?(?:call|conversation"
    r"|discussion|talk|chat|interview|meeting)\s+(?:on|last)\s+(?:the\s+)?$"
)
# "I've sent a calendar invite for 6/22": the invitation is sent, the meeting is still ahead.
_BOOKED_FOR = re.compile(
    r"\b(?:invite|invitation|booking|booked|scheduled|pencilled|penciled|slot)"
    r"\s+(?:(?:sent|issued|sent\s+out|gone\s+out)\s+)?(?:in\s+)?for\s+"
    r"(?:the\s+)?$"
)
_BEEN_TOLD = re.compile(r"\b(?:been|was|were|am|'m)\s+told\s+$")
_FORWARD_ONLY_FORMS = ("week.", "weekday.next_week", "weekday.this", "month.", "quarter.")


def _refers_to_past(
    text: str, found: _Found, spans: list[tuple[int, int]], before: str, present: int
) -> bool:
    # `before` is `_clause_before(text, found.start)`, read once for this and `_not_a_due`;
    # `present` is `_DATE_CLAUSES.found(text)`.
    if found.past:
        return True
    if present & _AFTER_PAST_NEED == _AFTER_PAST_NEED and _AFTER_PAST.match(
        text[found.end : found.end + 12]
    ):
        return True
    if found.form.startswith("count.") and _AHEAD_FROM_NOW.match(text, found.start):
        return False  # "promised me feedback in the next few days": counted from now
    if (
        text.startswith(("this morning", "today", "this afternoon"), found.start)
        and _AFTER_OUR_CALL.search(before)
        and not _FUTURE_CUE.search(before)
    ):
        return True  # "Further to our call this morning / your interview today": behind us
    if (
        text.startswith("this morning", found.start)
        and _DONE_THIS_MORNING.search(before)
        and not _FUTURE_CUE.search(before)
    ):
        return True  # "I've put you forward this morning", "the team asked after you this morning"
    if present & _TALK_OF_NEED == _TALK_OF_NEED and _TALK_OF.search(before):
        return True
    if present & _PAST_CUE_NEED != _PAST_CUE_NEED:
        return False  # the statement lacks every past cue's words, so the clause has no cue
    offset = found.start - len(before)
    # A cue inside another time expression ("last" of "announced last week") says nothing about
    # this one ("means your role is on hold for a few weeks").
    cues = [
        c
        for c in _PAST_CUE.finditer(before)
        if not _overlaps(offset + c.start(), offset + c.end(), spans)
    ]
    if not cues or _FUTURE_CUE.search(before) or _BOOKED_FOR.search(before):
        return False
    if _MOVED_TO.search(before):
        return False  # "the interview was moved to Thursday": the new time is ahead
    relayed = _RELAYED.match(before[cues[-1].start() :])
    if relayed and found.form == "weekday.bare" and _BEEN_TOLD.search(before):
        return False  # "I've been told Friday": a day passed on, still ahead
    if relayed and found.form.startswith("count.") and not relayed[0].startswith("promised"):
        return False  # "I'm told five business days": a count relayed runs from now
    return not (relayed and found.form.startswith(_FORWARD_ONLY_FORMS))


def _not_a_due(text: str, found: _Found, before: str, present: int) -> bool:
    # A start date or a recurring day ("every Monday") is not something owed to the candidate.
    # `before` is `_clause_before(text, found.start)`, `present` `_DATE_CLAUSES.found(text)`:
    # a cue whose words the statement lacks cannot be in the clause, and its search is skipped.
    if present & _NOT_A_DUE_NEED == _NOT_A_DUE_NEED and _NOT_A_DUE_CUE.search(before):
        return True
    if _START_AFTER.match(text, found.end):
        return True  # "with a January 18 start": the day named is the start
    if (
        found.form == "weekday.bare"
        and (
            (_DAY_RANGE_AFTER.match(text, found.end) and not before.endswith("from "))
            or _DAY_RANGE_BEFORE.search(before)
        )
        and not _RANGE_IN_A_WEEK.match(text, found.end)
    ):
        return True  # "Monday through Friday": the days of a working week, not a due
    if present & _CAUSE_NEED == _CAUSE_NEED and _CAUSE_CLAUSE.match(before):
        return True
    if found.form.startswith(("year.", "quarter.")) and _PLANNING_FOR.search(before):
        return True  # "finalising graduate numbers for next year": the year is the topic
    if any(map(before.__contains__, _SET_ASIDE_HINTS)) and _SET_ASIDE_CUE.search(before):
        return True
    if (
        text.startswith("'s", found.end)
        or (before.endswith(("for ", "on ", "the ")) and _SCHEDULED_FOR.search(before))
    ) and _CALLED_OFF_AFTER.match(text, found.end):
        return True  # "today's interview is cancelled", "the call set for Thursday is postponed"
    if (
        "but" in text[found.end : found.end + 45]
        and _DASHED_HOPE.search(before)
        and _BUT_AFTER.match(text, found.end)
    ):
        return True  # "we thought we'd have an answer for you today, but ...": the old hope
    if found.form == "weekday.bare" and _AFTER_EVENT_ON.search(before):
        return True  # "I'll know more after the debrief Monday morning": another event's day
    if found.form == "weekday.bare" and _DAYS_RULED_OUT.match(text, found.end):
        return True  # "Thurs and Fri are out because of the holiday"
    if found.form == "weekday.bare" and _NOT_A_DUE_LIST.search(
        text[max(0, found.start - 60) : found.start]
    ):
        return True
    return text[found.end : found.end + 1] == "s" and found.form == "weekday.bare"


_AFTER_EVENT_ON = re.compile(
    r"\bafter\s+(?:the|our|my|their|his|her|your)\s+(?:[\w-]+\s+){0,2}?(?:debrief|meeting|panel"
    r"|interview|call|board|committee|review|session)s?\s+(?:on\s+)?$"
)
_BEFORE_EVENT_ON = re.compile(
    r"\bbefore\s+(?:we|you|they|the\s+office|our\s+office|the\s+team|it|the\s+(?:holiday|break))"
    r"\b[^.;!?\n]{0,50}\b(?:on|by)\s+(?:the\s+)?$"
)


def _is_deadline(text: str, found: _Found) -> bool:
    if found.form.startswith("count."):
        # "Which afternoons are you free over the next fortnight?": a span to pick a slot in is
        # a window, not a deadline; "within the next fortnight" stays one.
        return not (
            text.startswith(_SPAN_STARTS, found.start)
            and not _WITHIN_BEFORE.search(text, max(0, found.start - 8), found.start)
            and _WINDOW_ASK.search(_sentence_of(text, found))
        )
    if found.form in ("day.today", "day.tomorrow", "day.after_tomorrow", "date.holiday"):
        return True  # a holiday is only found after "by", "before" or "ahead of"
    if _SOFT_DEADLINE.match(text, found.end) or _AT_THE_LATEST.match(text, found.end):
        return True  # "Monday works if that's doable", "Tuesday next week at the latest"
    cue = _DEADLINE_CUE.search(text[max(0, found.start - 45) : found.start])
    if cue:
        # "Your availability for a call sometime next week" names a window to pick a slot in.
        return not (
            cue[0].lstrip().startswith("some") and _WINDOW_ASK.search(_sentence_of(text, found))
        )
    # "Before the office shuts on the 23rd": the day of the event it must come before.
    return bool(_BEFORE_EVENT_ON.search(text, max(0, found.start - 70), found.start))


def _time_of(m: re.Match[str]) -> time | None:
    if m["noon"]:
        return time(12, 0)
    hour_text = m["h1"] or m["h2"] or m["h3"]
    minute_text = m["m1"] or m["m2"] or m["m3"]
    marker = (m["ap1"] or m["ap2"] or "").replace(".", "")
    hour = int(hour_text)
    minute = int(minute_text) if minute_text else 0
    if minute > 59 or hour > 23:
        return None
    if marker == "pm" and hour < 12:
        hour += 12
    elif marker == "am" and hour == 12:
        hour = 0
    elif not marker and not minute_text and m["h1"] and 1 <= hour <= 7:
        hour += 12  # "at 3" in business hours is the afternoon
    elif not marker and m["h1"] and minute_text and 1 <= hour <= 6:
        hour += 12
    if hour > 23:
        return None
    return time(hour, minute)


_DAY_WORD_HINTS = (
    "tom",
    "tmr",
    "yesterday",
    "today",
    "tonight",
    "morning",
    "night",
    "afternoon",
    "arvo",
    "lunch",
    "evening",
    "end of",
    "close of",
    "eod",
    "cob",
    "eob",
)
_DIGITS = frozenset("0123456789")
# Patterns that cannot match without a digit, and a literal gate for every pattern: most
# statements mention few dates, so most searches are skipped by a few substring tests.
_NEEDS_DIGIT = frozenset({_P_ISO, _P_NUMERIC, _P_NTH, _P_MONTH_DAY, _P_WEEK_OF})
_GATES = {pattern: gate(pattern) for pattern, _ in _PATTERNS}
_DERIVED_GATES = dict(_GATES)
# Hand-made gates where the derived one is too weak: what each pattern cannot match without.
# A placeholder is bracketed, or holds "tbd"/"tba", "xx/", or an "x" beside "date" ("x date",
# "date xx"): "date" alone is in every "update" and let a third of statements through.
_GATES[_P_PLACEHOLDER] = lambda text: (
    any(map(text.__contains__, ("[", "<", "{", "tb", "xx/"))) or ("date" in text and "x" in text)
)
# A numeric date has a digit, a separator and a digit side by side ("12/4", "4.12", "05-12").
_NUMERIC_HINT = re.compile(r"\d[/.-]\d")
_GATES[_P_NUMERIC] = lambda text: bool(_NUMERIC_HINT.search(text))
_GATES[_P_ISO] = lambda text: "-" in text and bool(_NUMERIC_HINT.search(text))
_GATES[_P_WEEK_PHRASES] = lambda text: "week" in text or "eow" in text or "wk" in text
# Each of its phrases also holds one of the words of _PERIOD_WORDS ("last month", "next year",
# "end of q4", "month-end", "this quarter", "later in the month", "eom"): a period named
# without one ("a monthly newsletter", "years of experience") is no phrase of this pattern.
_PERIOD_WORDS = (
    "last",
    "next",
    "end",
    "this",
    "later",
    "eom",
    "year is",
    "to q",
    "till q",
    "until q",
    "by q",
)
_GATES[_P_MONTH_PHRASES] = lambda text: (
    any(map(text.__contains__, ("month", "year", "quarter", "eom", " q")))
    and any(map(text.__contains__, _PERIOD_WORDS))
)
_GATES[_P_DAY_WORDS] = lambda text: any(map(text.__contains__, _DAY_WORD_HINTS))
_GATES[_P_MONTH_ONLY] = _GATES[_P_MONTH_DAY] = lambda text: bool(_MONTH_WORD.search(text))
# A time is a noon word, an hour with am/pm, hh:mm, or a bare hour after "at", "by" and the like:
# a digit elsewhere (a salary, a reference number) is not a time. The noon words and the digits
# are read from the statement's bits (see `_attach_times`): only a statement with a digit and no
# noon word pays for the search of the hours.
_NOON_WORDS = ("noon", "midday", "lunchtime")
_TIME_HINT = _lead(r"\d\s*[ap]\.?m|\d:\d|\b(?:at|by|before|around|from)\s+\d", re.ASCII)
# A count's unit always follows a space ("in 3 days", "within two weeks"); "today" and "Monday"
# hold "day" but no count. Each hint below is a part that every match of its pattern contains.
_UNIT_HINT = re.compile(r"\s(?:day|week|wk|month|hour|hr)", re.ASCII)
_GATES[_P_RANGE_COUNT] = _GATES[_P_NEXT_COUNT] = lambda text: bool(_UNIT_HINT.search(text))
_MINUTES_HINT = re.compile(r"\smin(?:ute)?s?\b", re.ASCII)
_GATES[_P_MINUTES] = lambda text: "half" in text or bool(_MINUTES_HINT.search(text))
_GATES[_P_PUSH_BACK] = lambda text: "back" in text
_GATES[_P_FROM_TODAY] = lambda text: " from " in text and bool(_UNIT_HINT.search(text))
_WEEK_OF_HINT = re.compile(r"week\s+(?:of|com|beg|sta)|w/c|w\.c\.", re.ASCII)
_GATES[_P_WEEK_OF] = lambda text: bool(_WEEK_OF_HINT.search(text))
_NTH_HINT = re.compile(r"\d(?:st|nd|rd|th)", re.ASCII)
_GATES[_P_NTH] = lambda text: bool(_NTH_HINT.search(text))
_OR_TWO_HINT = re.compile(r"\sor\s+(?:two|so)", re.ASCII)
_GATES[_P_ONE_OR_TWO] = lambda text: bool(_OR_TWO_HINT.search(text))


# Word-like literals every match of a pattern holds, looked up in the literals of the text found
# in one pass (see prefilter.LiteralIndex); a pattern without them has only its gate above.
_WORDS = {pattern: word_literals(pattern) for pattern, _ in _PATTERNS}
# As a LiteralIndex for tests/language/test_reader_gates.py; `_scan` reads `_DATE_CLAUSES` below.
_DATE_LITERALS = LiteralIndex(frozenset().union(*(w for w in _WORDS.values() if w is not None)))
# Word sets that hand-made gates above imply ("end of" holds "end"): as one more set each, the
# bits skip about half the calls of those gates (four in five for "the 15th").
_GATE_CLAUSES = {
    _P_DAY_WORDS: frozenset(hint.split()[0] for hint in _DAY_WORD_HINTS),
    _P_WEEK_PHRASES: frozenset({"week", "eow", "wk"}),
    # `_NTH_HINT` spelt out: a digit and an ordinal suffix ("the 15th" holds "5th").
    _P_NTH: frozenset(digit + suffix for digit in _DIGITS for suffix in ("st", "nd", "rd", "th")),
}
# Every match also holds one literal of each of these sets: "next" AND a day for "next Friday",
# "this" AND "week" AND a day for "Thursday or Friday this week". One set alone lets through
# every statement with a day or "week" in it; on the dev texts all of them together skip four
# in five searches of the weekday-list patterns. A pattern that needs a digit gets the ten digits
# as one more set, so no separate digit test.
_CLAUSES = {
    pattern: tuple(
        dict.fromkeys(
            clause
            for clause in (
                _WORDS[pattern],
                _DIGITS if pattern in _NEEDS_DIGIT else None,
                _GATE_CLAUSES.get(pattern),
                *(word_clauses(pattern) or ()),
            )
            if clause is not None
        )
    )
    for pattern, _ in _PATTERNS
}
# The same sets as bits: a statement's bits are found in one pass, and each pattern is then
# skipped or kept with one AND, where a set test per set per pattern cost more than it saved.
# The hint's words are looked up in the same pass (see `_has_hint`).
_HINT_CLAUSES = (frozenset(_PLAIN_HINTS), frozenset(_OTHER_HINT_WORDS), _DIGITS)
# The cues looked for in the clause before each date: the clause is part of the statement, so
# their word sets join the same pass, and most statements skip their searches.
# "Our call of Friday" needs a word for a talk, "two days ago" one for a time behind: three
# statements in four lack the first and most the second, and their tests at each date are skipped.
_CUE_CLAUSES = {
    cue: word_clauses(cue) or ()
    for cue in (_PAST_CUE, _NOT_A_DUE_CUE, _CAUSE_CLAUSE, _TALK_OF, _AFTER_PAST)
}
# The time gate's noon words as one more set: with the digits' set, the statement's bits settle
# whether `_attach_times` needs its hint search at all.
_NOON_CLAUSE = frozenset(_NOON_WORDS)
_DATE_CLAUSES = ClauseIndex(
    [
        *(c for cs in _CLAUSES.values() for c in cs),
        *_HINT_CLAUSES,
        *(c for cs in _CUE_CLAUSES.values() for c in cs),
        _NOON_CLAUSE,
    ]
)
_PAST_CUE_NEED = _DATE_CLAUSES.need(_CUE_CLAUSES[_PAST_CUE])
_NOT_A_DUE_NEED = _DATE_CLAUSES.need(_CUE_CLAUSES[_NOT_A_DUE_CUE])
_CAUSE_NEED = _DATE_CLAUSES.need(_CUE_CLAUSES[_CAUSE_CLAUSE])
_TALK_OF_NEED = _DATE_CLAUSES.need(_CUE_CLAUSES[_TALK_OF])
_AFTER_PAST_NEED = _DATE_CLAUSES.need(_CUE_CLAUSES[_AFTER_PAST])
_NOON_BIT = _DATE_CLAUSES.need((_NOON_CLAUSE,))
_DIGIT_BIT = _DATE_CLAUSES.need((_DIGITS,))
_PLAIN_HINT_BIT = _DATE_CLAUSES.need(_HINT_CLAUSES[:1])
_OTHER_HINT_BITS = _DATE_CLAUSES.need(_HINT_CLAUSES[1:])
# Everything `_scan` needs per pattern in one tuple: it runs for every statement with a date.
# A derived gate tests the literals of `_WORDS`, whose set the bits already hold (or, with no
# literals, passes every text): where the bits pass, so does it. `bool`, true of every text the
# scan reads (never empty), stands in for it and saves a dozen substring tests per pattern.
_SCAN_TABLE = tuple(
    (
        pattern,
        handler,
        _DATE_CLAUSES.need(_CLAUSES[pattern]),
        bool
        if _GATES[pattern] is _DERIVED_GATES[pattern]
        and (_WORDS[pattern] is not None or required_literals(pattern) is None)
        else _GATES[pattern],
    )
    for pattern, handler in _PATTERNS
)


def _scan(
    text: str, present: int, today: date, moment: datetime, cal: BusinessCalendar, locale: str
) -> Iterator[_Found]:
    # `present` is `_DATE_CLAUSES.found(text)`.
    taken: list[tuple[int, int]] = []
    for pattern, handler, need, may_match in _SCAN_TABLE:
        if present & need != need or not may_match(text):
            continue
        for m in pattern.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            found = handler(m, today, moment, cal, locale)
            if found is None:
                continue
            taken.append((m.start(), m.end()))
            yield found


def _attach_times(
    text: str,
    dates: list[_Found],
    taken: list[tuple[int, int]],
    found: list[_Found],
    present: int,
) -> list[_Found]:
    """Give each date the time said next to it; return the times said with no date.

    A time beside a date that was set aside (a start date, a cancelled meeting's day, a day
    past) belongs to that date: it is neither given to another date nor a time of its own.
    `present` is `_DATE_CLAUSES.found(text)`.
    """
    lone: list[_Found] = []
    # A time holds a noon word, or a digit where `_TIME_HINT` finds an hour: most statements are
    # settled by their bits alone.
    if not present & _NOON_BIT and not (present & _DIGIT_BIT and _TIME_HINT.search(text)):
        return lone
    for m in _P_TIME.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        said = _time_of(m)
        if said is None:
            continue
        near = [
            d
            for d in found
            if d.latest is not None
            and (0 <= m.start() - d.end <= 25 or 0 <= d.start - m.end() <= 25)
            and not re.search(r"[.;!?\n]", text[min(d.end, m.end()) : max(d.start, m.start())])
        ]
        if near:
            target = min(near, key=lambda d: min(abs(m.start() - d.end), abs(d.start - m.end())))
            if not any(target is d for d in dates):
                continue
            if target.time is None or said > target.time:
                target.time = said
        else:
            lone.append(_Found(m.start(), m.end(), None, None, "time", time=said))
    return lone


# A date marked as the bound ("Friday at the latest", "by the 4th latest"), a time between allowed.
_TIME_DEADLINE = re.compile(
    r"\b(?:by|before|until|till|no\s+later\s+than)\s+(?:\d|noon|midday|lunch)"
)
_AT_THE_LATEST = re.compile(
    # "Monday morning at the latest": the part of the day may come between.
    r"(?:\s+(?:morning|afternoon|arvo|evening|night|noon|midday|eod|cob))?"
    r"(?:\s+at\s+\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?,?\s*(?:at\s+the\s+(?:very\s+)?latest|latest)\b"
)


def _same_sentence(text: str, one: _Found, other: _Found) -> bool:
    start, end = min(one.end, other.end), max(one.start, other.start)
    return start >= end or not _SENTENCE_BREAK.search(text, start, end)


_SENTENCE_BREAK = re.compile(r"[.;!?\n]")


def _shift_back(text: str, found: list[_Found], today: date) -> None:
    """Move each "push it back a week" to the day named before it in the same sentence."""
    for shift in found:
        if not shift.shift:
            continue
        named = [
            d
            for d in found
            if d.latest is not None
            and not d.shift
            and d.end <= shift.start
            and not _SENTENCE_BREAK.search(text, d.end, shift.start)
        ]
        if named:
            old = max(named, key=lambda d: d.end)
            assert old.latest is not None
            shift.earliest = shift.latest = old.latest + timedelta(days=shift.shift)


def resolve(
    text: str,
    said_at: datetime | date,
    calendar: BusinessCalendar | None = None,
    locale: str = "en-US",
    *,
    deadlines_only: bool = False,
) -> Deadline | None:
    """When what `text` states is due, resolved against when it was said; None if none stated.

    With `deadlines_only`, only dates said as a deadline count ("by Friday", "within 3 days"):
    what someone asks of the candidate is due by its deadline, not on the days it mentions.
    `said_at` is the employer's local time (an aware datetime is read as its wall-clock time).
    Ranges and alternatives resolve to their latest end; dates that refer to the past are not
    dues; the result is never before `said_at`'s date. Never raises on any text.
    """
    cal = calendar or _DEFAULT_CALENDAR
    if isinstance(said_at, datetime):
        moment = said_at.replace(tzinfo=None)
        today = moment.date()
    else:
        today = said_at
        moment = datetime(said_at.year, said_at.month, said_at.day)
    if not isinstance(text, str) or not text:
        return None
    normal = normalise(text[:MAX_CHARS])
    present = _DATE_CLAUSES.found(normal)
    if not _has_hint(normal, present):
        return None
    try:
        found = list(_scan(normal, present, today, moment, cal, locale or "en-US"))
    except (ValueError, OverflowError):
        # Dates near the ends of the calendar (year 9999) cannot be reached: none stated.
        return None
    taken = [(f.start, f.end) for f in found]
    _shift_back(normal, found, today)
    dates = [
        f
        for f in found
        if f.latest is not None
        # The clause before a date is read once and shared by both tests.
        and not _refers_to_past(
            normal, f, taken, before := _clause_before(normal, f.start), present
        )
        and not _not_a_due(normal, f, before, present)
    ]
    dates = [
        d
        for d in dates
        if d.latest is not None
        and d.latest >= today
        and (not deadlines_only or _is_deadline(normal, d))
    ]
    # Only a statement that says "latest" can bound its dates: most skip a match per date.
    bounded = (
        [d for d in dates if _AT_THE_LATEST.match(normal, d.end)] if "latest" in normal else []
    )
    if bounded:
        # "By Friday at the latest" bounds what other sentences say: the steps on the way ("it
        # takes a few days; ...", "they see two more people Thursday. ...") are not later dues.
        # In its own sentence it is one of the alternatives ("by end of month, Monday at the
        # latest"), and the later one still wins.
        dates = [d for d in dates if any(_same_sentence(normal, d, b) for b in bounded)]
    lone_times = _attach_times(normal, dates, taken, found, present)
    if deadlines_only:
        # "Can you text them to me by lunchtime?": a time said as a deadline is one today.
        lone_times = [
            t for t in lone_times if _TIME_DEADLINE.search(normal, max(0, t.start - 12), t.end)
        ]
    if not dates and lone_times:
        # "We'll call you at 3": the day it was said, at that time.
        latest_time = max(t.time for t in lone_times if t.time is not None)
        return Deadline(today, today, latest_time, ("time",))
    if not dates:
        return None
    latest = max(d.latest for d in dates if d.latest is not None)
    earliest = min(d.earliest or today for d in dates)
    times = [d.time for d in dates if d.latest == latest and d.time is not None]
    forms = tuple(dict.fromkeys(d.form for d in dates))
    return Deadline(
        earliest=max(earliest, today),
        latest=latest,
        time=max(times) if times else None,
        forms=forms,
        ambiguous=any(d.ambiguous for d in dates),
    )

"""The linter's engine: positions, what is not flagged, inline directives, emails, rule files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inwriting.errors import UserError
from inwriting.language.lint import Finding, _Scanner, _simplify, lint
from inwriting.language.lint_rules import (
    RuleSet,
    builtin_rule_files,
    flexible_spaces,
    load_rules,
)
from inwriting.language.lint_source import load_document, make_document

AT = datetime(2026, 11, 23, 10, 0)
RULES = load_rules()
NO_PROMISES = RULES.without(["promise"])


def findings(text: str, fmt: str = "markdown", rules: RuleSet = NO_PROMISES) -> list[Finding]:
    return lint(make_document("doc.md", text, fmt), rules, AT)


def rule_ids(text: str, fmt: str = "markdown", rules: RuleSet = NO_PROMISES) -> list[str]:
    return [finding.rule for finding in findings(text, fmt, rules)]


# --- where a finding points -------------------------------------------------------------------


def test_line_and_column_point_at_the_flagged_words() -> None:
    text = "Hello Sam.\n\nThanks for today. This is your desk.\n"
    [finding] = findings(text)
    assert (finding.line, finding.column) == (3, 27)
    assert finding.text == "your desk"
    assert (finding.end_line, finding.end_column) == (3, 36)
    assert finding.suggestion == "the desk for this role"


def test_windows_line_endings_count_as_one_line_break() -> None:
    data = b"First line.\r\nSecond line has your office in it.\r\n"
    [finding] = lint(load_document("mail.txt", data), NO_PROMISES, AT)
    assert (finding.line, finding.column) == (2, 17)


def test_a_phrase_wrapped_over_two_lines_is_found_where_it_starts() -> None:
    [finding] = findings("Thanks again, and I look forward\nto working with you.\n")
    assert finding.rule == "presumes-hire.working-with-you"
    assert (finding.line, finding.column, finding.end_line) == (1, 21, 2)


def test_the_message_names_the_words_and_the_rule_says_why() -> None:
    [finding] = findings("Your manager will be Dana.")
    assert finding.message == '"Your manager" presumes the candidate is hired'
    assert finding.level == "warning"


# --- what is not flagged ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Never say "this will be your desk" to a candidate.',
        "Never say “this will be your desk” to a candidate.",
        "Never say `this will be your desk` to a candidate.",
        "Never say ``this will be `your desk` `` to a candidate.",
        "<!-- your desk -->Nothing else here.",
        '"A quotation that runs\nover two lines: your desk."',
    ],
)
def test_quoted_code_and_commented_text_is_not_flagged(text: str) -> None:
    assert rule_ids(text) == []


def test_fenced_code_in_markdown_is_not_flagged_but_the_text_after_it_is() -> None:
    text = "Example:\n\n```\nThis is your desk.\n```\n\nThis is your office.\n"
    assert [(f.rule, f.line) for f in findings(text)] == [("presumes-hire.your-office", 7)]


def test_an_unclosed_quote_does_not_hide_the_next_paragraph() -> None:
    text = 'He said "no.\n\nThis is your office.\n'
    assert rule_ids(text) == ["presumes-hire.your-office"]


def test_quoted_reply_lines_in_markdown_and_email_are_not_flagged() -> None:
    assert rule_ids("> This is your desk.\n") == []
    assert rule_ids("> This is your desk.\n", fmt="text") == ["presumes-hire.your-office"]


def test_conditional_wording_is_not_flagged() -> None:
    assert rule_ids("If hired, your desk would be by the window.") == []
    assert rule_ids("Your desk would be by the window.") == ["presumes-hire.your-office"]


def test_an_offer_letter_may_talk_about_the_candidates_start_date() -> None:
    letter = (
        "We are pleased to offer you the position of Analyst. Your start date is 4 May 2026 and "
        "your manager will be Dana."
    )
    assert not [r for r in rule_ids(letter) if r.startswith("presumes-hire")]


# --- inline directives --------------------------------------------------------------------------


def test_disable_turns_a_rule_off_until_enable() -> None:
    text = (
        "Your desk.\n<!-- inwriting-disable presumes-hire.your-office -->\nYour desk.\n"
        "Your team.\n<!-- inwriting-enable presumes-hire.your-office -->\nYour desk.\n"
    )
    assert [(f.rule, f.line) for f in findings(text)] == [
        ("presumes-hire.your-office", 1),
        ("presumes-hire.your-team", 4),
        ("presumes-hire.your-office", 6),
    ]


def test_disable_with_a_family_name_or_no_name_turns_off_more() -> None:
    family = "<!-- inwriting-disable presumes-hire -->\nYour desk. It is a job for life.\n"
    assert rule_ids(family) == ["assurance.job-for-life"]
    everything = "<!-- inwriting-disable -->\nYour desk. It is a job for life.\n"
    assert rule_ids(everything) == []


def test_disable_next_line_and_disable_line_cover_one_line() -> None:
    text = (
        "<!-- inwriting-disable-next-line presumes-hire.your-office -->\n"
        "Your desk.\nYour desk.\nYour desk. <!-- inwriting-disable-line -->\n"
    )
    assert [f.line for f in findings(text)] == [3]


def test_a_directive_naming_an_unknown_rule_is_an_error_with_its_line() -> None:
    with pytest.raises(UserError, match=r"doc\.md:2: unknown rule id 'no-such-rule'"):
        findings("Fine.\n<!-- inwriting-disable no-such-rule -->\n")


def test_a_directive_may_name_a_rule_that_config_turned_off() -> None:
    rules = NO_PROMISES.without(["presumes-hire.your-office"])
    text = "<!-- inwriting-disable presumes-hire.your-office -->\nYour desk.\n"
    assert findings(text, rules=rules) == []


# --- offer letters ------------------------------------------------------------------------------

LETTER = """Dear Jordan,

We are pleased to offer you the position of Payroll Analyst.

Your salary will be $68,000 per year. We are pleased to offer you a signing bonus too.
"""


def test_an_incomplete_offer_letter_gets_each_missing_element_once_at_the_offer() -> None:
    found = [f for f in findings(LETTER) if f.rule.startswith("offer-letter")]
    assert sorted(f.rule for f in found) == [
        "offer-letter.benefit-cost",
        "offer-letter.benefits",
        "offer-letter.contingencies",
        "offer-letter.expiry",
        "offer-letter.start-date",
    ]
    assert {(f.line, f.column) for f in found} == {(3, 8)}


def test_an_element_named_only_in_a_comment_is_still_missing() -> None:
    letter = LETTER + "<!-- todo: add the expiry date and benefits -->\n"
    assert "offer-letter.expiry" in rule_ids(letter)


def test_a_mention_of_an_offer_letter_is_not_an_offer_letter() -> None:
    assert rule_ids("The offer letter will be sent tomorrow by email.") == []


# --- promises, through the reader ---------------------------------------------------------------


@dataclass
class FakeReading:
    kind: str
    due: date | None


class FakeReader:
    """Stands in for the reader: a promise, dated when the sentence says 'Friday'."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, text: str, at: datetime, channel: str) -> FakeReading:
        self.asked.append(text)
        return FakeReading("promise", date(2026, 11, 27) if "Friday" in text else None)


def test_a_promise_with_no_date_is_flagged_and_one_with_a_date_and_channel_is_not() -> None:
    reader = FakeReader()
    text = "Thanks for today.\nWe'll call you.\nWe will email you by Friday.\n"
    found = lint(make_document("m.txt", text), RULES, AT, reader=reader)
    assert [(f.rule, f.line, f.column, f.text) for f in found] == [
        ("promise.no-date", 2, 1, "We'll call you.")
    ]


def test_a_dated_promise_with_no_channel_gets_a_suggestion() -> None:
    found = lint(
        make_document("m.txt", "You'll hear from us by Friday."), RULES, AT, reader=FakeReader()
    )
    assert [(f.rule, f.level) for f in found] == [("promise.no-channel", "suggestion")]


def test_only_sentences_with_a_contact_verb_and_a_commitment_reach_the_reader() -> None:
    reader = FakeReader()
    text = "Thanks for today. The office is lovely. We will call you. We called you twice."
    lint(make_document("m.txt", text), RULES, AT, reader=reader)
    assert reader.asked == ["We will call you."]


def test_a_quoted_promise_never_reaches_the_reader() -> None:
    reader = FakeReader()
    lint(make_document("m.txt", 'Avoid "we will call you" in emails.'), RULES, AT, reader=reader)
    assert reader.asked == []


# --- emails -------------------------------------------------------------------------------------


def _eml(body: str, *, subtype: str = "plain", encoding: str = "quoted-printable") -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "hr@example.com"
    message["To"] = "sam@example.com"
    message["Subject"] = "Your interview"
    message.set_content(body, subtype=subtype, cte=encoding)
    return bytes(message)


def test_email_lines_are_counted_in_the_decoded_body() -> None:
    body = "Hi Sam,\n\n" + "A long first line " * 6 + "ends here.\nThis is your desk.\n"
    data = _eml(body)
    assert b"=\n" in data  # quoted-printable wrapped the long line in the raw message
    [finding] = lint(load_document("mail.eml", data), NO_PROMISES, AT)
    assert (finding.line, finding.column) == (4, 9)


def test_an_html_only_email_is_read_as_its_visible_text() -> None:
    data = _eml("<p>Hi Sam,</p><p>This is <b>your desk</b>.</p>", subtype="html")
    assert [f.rule for f in lint(load_document("mail.eml", data), NO_PROMISES, AT)] == [
        "presumes-hire.your-office"
    ]


def test_quoted_reply_in_an_email_is_not_flagged() -> None:
    data = _eml("Thanks, see you then.\n\n> This is your desk.\n")
    assert lint(load_document("mail.eml", data), NO_PROMISES, AT) == []


def test_text_that_is_not_an_email_is_an_error() -> None:
    with pytest.raises(UserError, match="does not look like an email"):
        load_document("x.eml", b"\n\njust text")


def test_text_that_is_not_utf8_is_an_error() -> None:
    with pytest.raises(UserError, match="not UTF-8"):
        load_document("x.txt", b"caf\xe9")


# --- rule files ---------------------------------------------------------------------------------


def test_the_shipped_rule_files_are_found_as_package_data() -> None:
    names = [entry.name for entry in builtin_rule_files()]
    assert "presumes-hire.yaml" in names and "offer-letter.yaml" in names
    shipped = {rule.id for rule in RULES.rules}
    assert {"promise.no-date", "privacy.health", "offer-letter.pay"} <= shipped


def test_every_shipped_rule_explains_itself() -> None:
    for rule in RULES.rules:
        assert rule.message and rule.why, rule.id
        assert rule.suggestion or rule.swaps, rule.id


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_user_rule_folder_adds_and_replaces_rules(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "mine",
        "house.yaml",
        """rules:
  - id: house.rockstar
    level: error
    message: say what the job needs
    suggestion: experienced engineer
    patterns: ['\\brock ?star\\b']
  - id: presumes-hire.your-office
    level: error
    message: our house rule
    patterns: ['\\byour office\\b']
""",
    )
    rules = load_rules([folder]).without(["promise"])
    found = lint(make_document("d.txt", "A rockstar for your office."), rules, AT)
    assert [(f.rule, f.level, f.message) for f in found] == [
        ("house.rockstar", "error", "say what the job needs"),
        ("presumes-hire.your-office", "error", "our house rule"),
    ]


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ("rules: [", "not valid YAML"),
        ("rules:\n  - id: x.y\n    level: loud\n    message: m\n    patterns: [a]\n", "level"),
        (
            "rules:\n  - id: x.y\n    level: error\n    message: m\n    patterns: ['(']\n",
            "bad regular",
        ),
        ("rules:\n  - id: x.y\n    level: error\n    message: m\n", "needs patterns"),
        ("rules:\n  - id: X Y\n    level: error\n    message: m\n    patterns: [a]\n", "id must"),
        (
            "rules:\n  - id: x.y\n    level: error\n    message: m\n    colour: [a]\n",
            "unknown field",
        ),
        ("- just a list\n", "mapping with a `rules:` list"),
    ],
)
def test_a_broken_rule_file_is_a_one_line_error_naming_it(
    tmp_path: Path, content: str, complaint: str
) -> None:
    folder = _write(tmp_path / "bad", "broken.yaml", content)
    with pytest.raises(UserError, match=re.escape(complaint)) as error:
        load_rules([folder])
    assert "broken.yaml" in str(error.value) and "\n" not in str(error.value)


def test_a_missing_rule_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        load_rules([tmp_path / "nowhere"])


def test_disabling_an_unknown_rule_is_an_error_but_a_family_name_is_fine() -> None:
    with pytest.raises(UserError, match="unknown lint rule id"):
        RULES.without(["presumes-hire.your-sofa"])
    assert not [r for r in RULES.without(["privacy"]).rules if r.id.startswith("privacy.")]


def test_spaces_in_a_pattern_match_any_white_space_but_not_in_a_class() -> None:
    assert flexible_spaces("a b[ x]c ?d\\ e") == "a\\s+b[ x]c\\s?d\\ e"


# --- properties ---------------------------------------------------------------------------------

WORDS = [
    "your", "desk", "office", "team", "you", "will", "sit", "here", "when", "start", "I",
    "look", "forward", "to", "working", "with", "a", "job", "for", "life", "permanent",
    "she", "is", "on", "maternity", "leave", "if", "hired", '"', "“", "”", "`", ".", ",",
    "\n", "\n\n", "YOUR", "Desk", "<!--", "-->", "inwriting-disable", "İ", "ß", "\t",
    "  ", "\n  ", "not an", "resident", "FORWARD",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
def test_findings_always_point_at_their_own_words(text: str) -> None:
    document = make_document("p.md", text, "markdown")
    try:
        found = lint(document, NO_PROMISES, AT)
    except UserError:
        return  # a directive with a made-up rule id: reported, not a crash
    lines = document.text.split("\n")
    for finding in found:
        line = lines[finding.line - 1]
        first_word = finding.text.split()[0]
        assert line[finding.column - 1 :].startswith(first_word)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
def test_the_fast_scan_finds_what_the_exact_scan_finds(text: str) -> None:
    rules = tuple(rule for rule in RULES.rules if rule.kind == "pattern")
    fast = _Scanner(rules)
    exact = _Scanner(rules, simplify=False)
    assert fast.simplified and not exact.simplified
    masked = make_document("p.txt", text).masked
    as_ids = [(s, e, a.rule.id) for s, e, a in fast.hits(masked)]
    assert as_ids == [(s, e, a.rule.id) for s, e, a in exact.hits(masked)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aB \n\t\u00a0İ.", max_size=60))
def test_simplified_positions_map_back_to_the_same_characters(text: str) -> None:
    simple, origin = _simplify(text)
    assert "  " not in simple
    for position, char in enumerate(simple):
        original = text[origin(position)]
        assert char == " " and original.isspace() or char == original.lower() or char == original


_HEADERS = st.sampled_from(
    [
        b"",
        b"Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n",
        b"Subject: x\r\nContent-Type: text/html; charset=latin-1\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\n",
        b"Subject: x\r\nContent-Type: text/plain; charset=nonsense\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.tuples(_HEADERS, st.binary(max_size=300)).map(b"".join),
    st.sampled_from(["x.txt", "x.md", "x.eml"]),
)
def test_any_bytes_give_findings_or_a_user_error_never_a_crash(data: bytes, name: str) -> None:
    try:
        document = load_document(name, data)
        lint(document, NO_PROMISES, AT)
    except UserError as error:
        assert "\n" not in str(error)

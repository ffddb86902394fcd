"""The linter for what interviewers and recruiters write: scripts, emails, offer letters, posts.

`lint(document, rules, at)` returns findings, each pointing at the flagged words with a 1-based
line and column. It is pure: rules come in (see `lint_rules`), the time for the reader comes in,
nothing is read from the clock or the disk here.

Three kinds of rule run here:

- `pattern`: regular expressions or swaps found in the masked text (quotations and code blanked);
- `promise`: sentences the reader reads as a `promise` with no `due` (or with no channel named);
  the reader is the one place that knows what a promise and a date are, so the linter asks it
  instead of keeping a second set of date patterns;
- `offer-letter`: a document that looks like an offer letter but lacks a required element.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from inwriting.errors import UserError
from inwriting.language.lint_rules import RANK, Level, Rule, RuleSet
from inwriting.language.lint_source import Document

# The reader's call as the linter uses it: read(text, at, channel) -> object with kind and due.
Reader = Callable[[str, datetime, str], Any]

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Finding:
    """One thing the linter flags, at the words that earned it."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    level: Level
    rule: str
    message: str
    suggestion: str | None
    text: str
    offset: int

    def at_or_above(self, level: str) -> bool:
        """Whether this finding is at least as serious as `level`."""
        return RANK[self.level] >= RANK[level]


def lint(
    document: Document,
    rules: RuleSet,
    at: datetime,
    *,
    reader: Reader | None = None,
) -> list[Finding]:
    """Every finding in a document, in order of position then rule id.

    `at` is handed to the reader (when the text was written); it decides nothing here except
    what "Monday" would mean, and the linter only asks whether a date was stated at all.
    Raises UserError for an inline directive that names an unknown rule.
    """
    _check_directives(document, rules)
    kinds = _document_kinds(document, rules)
    readings = _Readings(document, at, reader)
    active = [rule for rule in rules.rules if not any(k in kinds for k in rule.skip_documents)]
    found = list(_pattern_findings(document, tuple(r for r in active if r.kind == "pattern")))
    for rule in active:
        if rule.kind == "promise":
            found.extend(_promise_findings(document, rule, readings))
        elif rule.kind == "offer-letter" and rule.document in kinds:
            found.extend(_offer_findings(document, rule, kinds[rule.document]))
    kept = _unsuppressed(document, found)
    return sorted(kept, key=lambda f: (f.line, f.column, f.rule))


def _finding(
    document: Document, rule: Rule, start: int, end: int, suggestion: str | None
) -> Finding:
    line, column = document.position(start)
    end_line, end_column = document.position(max(start, end - 1))
    words = " ".join(document.text[start:end].split())
    text = rule.message.replace("{match}", words)
    return Finding(
        path=document.name,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column + 1,  # exclusive, as SARIF and most editors count
        level=rule.level,
        rule=rule.id,
        message=text,
        suggestion=suggestion,
        text=words,
        offset=start,
    )


@dataclass(frozen=True)
class _Alternative:
    rule: Rule
    pattern: re.Pattern[str]
    suggestion: str | None


class _Scanner:
    """Every pattern of a list of pattern rules, found with one pass of one combined regex.

    Python's regex engine runs one alternation of all patterns several times faster than one
    pass per pattern, and faster still without IGNORECASE and without `\\s+`. So the pass runs
    on a *simplified* copy of the text (lowercased, every run of white space made one space)
    with simplified patterns (letters lowercased, `\\s+` made one space). Simplified patterns
    accept at least what the real ones accept, so no match is missed; each place they match is
    then checked with the real patterns on the real text (cheap anchored matches, first per
    rule, then per pattern), so nothing is found that a pass per pattern would not find. The
    search restarts one character after each candidate, so matches that start inside another
    are found too. Where a pattern cannot be simplified (inline flags, line anchors), the pass
    runs with the real patterns instead.
    """

    def __init__(self, rules: tuple[Rule, ...], *, simplify: bool = True) -> None:
        self.alternatives = [
            _Alternative(rule, pattern, suggestion)
            for rule in rules
            for pattern, suggestion in (
                *((p, rule.suggestion) for p in rule.patterns),
                *((swap.find, swap.use) for swap in rule.swaps),
            )
        ]
        sources = [alternative.pattern.pattern for alternative in self.alternatives]
        simple = [_simple_pattern(part) for part in sources]
        self.simplified = simplify and bool(sources) and all(part is not None for part in simple)
        flags = 0 if self.simplified else re.IGNORECASE | re.MULTILINE
        candidates = [part or "" for part in simple] if self.simplified else sources
        self.combined = (
            re.compile("|".join(f"(?:{part})" for part in candidates), flags) if sources else None
        )
        # Per rule: the indices of its patterns, and its patterns in one alternation.
        self.groups: list[tuple[list[int], re.Pattern[str]]] = []
        for rule in rules:
            members = [n for n, a in enumerate(self.alternatives) if a.rule is rule]
            if members:
                source = "|".join(f"(?:{candidates[n]})" for n in members)
                self.groups.append((members, re.compile(source, flags)))

    def hits(self, text: str) -> Iterator[tuple[int, int, _Alternative]]:
        """(start, end, alternative) for every pattern match, by start then pattern order."""
        if self.combined is None:
            return
        if self.simplified:
            searched, origin = _simplify(text)
        else:
            searched, origin = text, None
        position = 0
        while (match := self.combined.search(searched, position)) is not None:
            candidate = match.start()
            start = candidate if origin is None else origin(candidate)
            for members, group in self.groups:
                if group.match(searched, candidate) is None:
                    continue
                for n in members:
                    found = self.alternatives[n].pattern.match(text, start)
                    if found is not None and found.end() > start:
                        yield start, found.end(), self.alternatives[n]
            position = candidate + 1


_LONG_SPACE = re.compile(r"\s{2,}")


def _simplify(text: str) -> tuple[str, Callable[[int], int]]:
    """The text lowercased with each run of white space made one space, and a function from a
    position in it back to the position in `text`."""
    # (position in the simplified text just after a long run, how far positions shift there)
    shifts: list[tuple[int, int]] = []
    removed = 0
    for run in _LONG_SPACE.finditer(text):
        length = run.end() - run.start()
        shifts.append((run.start() - removed + 1, removed + length - 1))
        removed += length - 1
    spaced = _SPACE.sub(" ", text)
    simple = spaced.lower()
    if len(simple) != len(spaced):
        # A letter whose lowercase is longer (like "İ") stays as it is, so offsets hold.
        simple = "".join(c if len(c.lower()) != 1 else c.lower() for c in spaced)
    return simple, _origin(shifts)


def _origin(shifts: list[tuple[int, int]]) -> Callable[[int], int]:
    starts = [position for position, _ in shifts]

    def origin(position: int) -> int:
        index = bisect.bisect_right(starts, position) - 1
        return position + (shifts[index][1] if index >= 0 else 0)

    return origin


def _simple_pattern(source: str) -> str | None:
    """The pattern for lowercased, single-spaced text, or None when it cannot be made so.

    Letters are lowercased except in escapes (`\\S` is not `\\s`) and group names; `\\s` with
    any quantifier becomes one space (optional where the quantifier allows none). Patterns with
    inline flags (a case-sensitive `(?-i:...)`), line anchors or line breaks are not simplified.
    """
    if re.search(r"\(\?[aiLmsux-]+[:)]|[$^]|\\[nrAZ]|\\s\{", source):
        return None
    out: list[str] = []
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            escape = source[index : index + 2]
            index += 2
            if escape != "\\s":
                out.append(escape)
                continue
            quantifier = source[index : index + 1]
            if quantifier in ("+", "*", "?"):
                index += 1
                lazy = source[index : index + 1] == "?"
                index += 1 if lazy else 0
                out.append(" " if quantifier == "+" else " ?")
            else:
                out.append(" ")
            continue
        if source.startswith(("(?P<", "(?P="), index):
            close = source.find(">" if source[index + 3] == "<" else ")", index)
            if close < 0:
                return None
            out.append(source[index : close + 1])
            index = close + 1
            continue
        out.append(char.lower())
        index += 1
    return "".join(out)


@lru_cache(maxsize=32)
def _scanner(rules: tuple[Rule, ...]) -> _Scanner:
    return _Scanner(rules)


def _pattern_findings(document: Document, rules: tuple[Rule, ...]) -> Iterator[Finding]:
    """Findings of every pattern rule; one finding per rule for overlapping matches."""
    reach: dict[str, int] = {}  # rule id -> end of its last finding
    for start, end, alternative in _scanner(rules).hits(document.masked):
        rule = alternative.rule
        if start < reach.get(rule.id, -1):
            continue  # two patterns of one rule on the same words: report them once
        if rule.unless and _sentence_matches(document, start, rule.unless):
            continue
        reach[rule.id] = end
        yield _finding(document, rule, start, end, alternative.suggestion)


def _sentence_matches(document: Document, offset: int, patterns: Iterable[re.Pattern[str]]) -> bool:
    start, end = document.sentence_at(offset)
    sentence = document.masked[start:end]
    return any(pattern.search(sentence) for pattern in patterns)


class _Readings:
    """The reader's reading of each sentence, asked for at most once per sentence."""

    def __init__(self, document: Document, at: datetime, reader: Reader | None) -> None:
        self.document = document
        self.at = at
        self.reader = reader
        self.cache: dict[tuple[int, int], Any] = {}

    def get(self, span: tuple[int, int]) -> Any:
        if span not in self.cache:
            if self.reader is None:
                self.reader = _default_reader()
            sentence = _SPACE.sub(" ", self.document.masked[span[0] : span[1]]).strip()
            self.cache[span] = self.reader(sentence, self.at, "email")
        return self.cache[span]


def _default_reader() -> Reader:
    try:
        from inwriting.language import read
    except ImportError:  # the reader ships in the same package; its absence is a broken install
        raise UserError(
            "the reader (inwriting.language.read) is not installed; "
            "reinstall inwriting or disable the promise.* rules"
        ) from None

    def read_by_rules(text: str, at: datetime, channel: str | None) -> Any:
        # The phrase rules alone: a finding points at the words that make the promise, and the
        # learned model's second opinion has no words to point at.
        return read(text, at, channel, guesses=False)

    return read_by_rules


def _promise_findings(document: Document, rule: Rule, readings: _Readings) -> Iterator[Finding]:
    # Only sentences that every prefilter pattern matches (a contact verb and a sign of
    # commitment, for the shipped rules) go to the reader: it is far slower than a regex, and a
    # sentence without "call", "hear", "let you know"... cannot promise contact. The first
    # pattern runs once over the whole text, the others only in the sentences it picked.
    if not rule.prefilter:
        return
    first, *others = rule.prefilter
    picked: dict[tuple[int, int], None] = {}  # sentence spans, in order, once each
    for match in first.finditer(document.masked):
        span = document.sentence_at(match.start())
        if span[0] <= match.start() < span[1]:
            picked[span] = None
    for span in picked:
        sentence = document.masked[span[0] : span[1]]
        if not all(pattern.search(sentence) for pattern in others):
            continue
        reading = readings.get(span)
        if getattr(reading, "kind", None) != "promise":
            continue
        due = getattr(reading, "due", None)
        if rule.lacks == "date" and due is not None:
            continue
        if rule.lacks == "channel" and (
            due is None or any(p.search(sentence) for p in rule.channel)
        ):
            continue
        if rule.unless and any(p.search(sentence) for p in rule.unless):
            continue
        # The whole sentence is the promise: that is what the writer should reword.
        yield _finding(document, rule, span[0], span[1], rule.suggestion)


def _document_kinds(document: Document, rules: RuleSet) -> dict[str, tuple[int, int]]:
    """Which named kinds of document this is, each with where it first showed (the offer)."""
    kinds: dict[str, tuple[int, int]] = {}
    for name, patterns in rules.documents.items():
        hits = [m.span() for p in patterns if (m := p.search(document.masked))]
        if hits:
            kinds[name] = min(hits)
    return kinds


def _offer_findings(document: Document, rule: Rule, where: tuple[int, int]) -> Iterator[Finding]:
    # The letter's own wording counts even inside quotation marks ("Senior Engineer"), so the
    # required elements are looked for in the prose (the text less HTML comments), not in the
    # masked copy.
    if any(pattern.search(document.prose) for pattern in rule.require):
        return
    yield _finding(document, rule, where[0], where[1], rule.suggestion)


def _check_directives(document: Document, rules: RuleSet) -> None:
    known = rules.ids()
    for directive in document.directives:
        unknown = [name for name in directive.rule_ids if name not in known]
        if unknown:
            raise UserError(
                f"{document.name}:{directive.line}: unknown rule id '{unknown[0]}' in "
                f"inwriting-{directive.action}; see `inwriting lint --list-rules`"
            )


def _unsuppressed(document: Document, found: list[Finding]) -> list[Finding]:
    """Drop findings that an inline `<!-- inwriting-disable ... -->` turns off."""
    if not document.directives:
        return found
    # Each range is (rule ids or empty for all, start offset, end offset).
    ranges: list[tuple[tuple[str, ...], int, int]] = []
    open_from: dict[str, int] = {}  # rule id ("" for all) -> where its disable began
    for directive in document.directives:
        names = directive.rule_ids or ("",)
        if directive.action == "disable":
            for name in names:
                open_from.setdefault(name, directive.offset)
        elif directive.action == "enable":
            for name in names if directive.rule_ids else tuple(open_from):
                if name in open_from:
                    ranges.append(((name,) if name else (), open_from.pop(name), directive.offset))
        else:
            if directive.action == "disable-next-line":  # the line after the comment ends
                line = document.position(directive.end)[0] + 1
            else:  # disable-line: the line the comment starts on
                line = document.position(directive.offset)[0]
            start, end = document.line_range(line)
            ranges.append((directive.rule_ids, start, end + 1))
    for name, start in open_from.items():
        ranges.append(((name,) if name else (), start, len(document.text) + 1))

    def suppressed(finding: Finding) -> bool:
        category = finding.rule.split(".", 1)[0]
        return any(
            start <= finding.offset < end and (not ids or finding.rule in ids or category in ids)
            for ids, start, end in ranges
        )

    return [finding for finding in found if not suppressed(finding)]

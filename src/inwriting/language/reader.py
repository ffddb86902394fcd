"""The reader: one statement in, what it is, by when it is due, and why: `read()`.

Kinds come from phrase rules kept as data (rules/kinds.yaml), each with the reason that is shown
to the user; due dates come from `deadlines.resolve`. docs/reader-contract.md is the
specification. The function is pure and deterministic: `at` is passed in, nothing is read from the
clock, and it never raises on any text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from inwriting.domain.calendar import BusinessCalendar
from inwriting.domain.kinds import CHANNELS, WRITTEN_CHANNELS
from inwriting.domain.policy import DEFAULT_POLICY, FollowUpPolicy, first_follow_up, policy_due
from inwriting.language import learned
from inwriting.language.deadlines import MAX_CHARS, Deadline, normalise, resolve
from inwriting.language.prefilter import BitIndex, gate, word_clauses

# Kinds for which a follow-up date makes sense: something is owed to the candidate.
FOLLOW_UP_KINDS = frozenset({"promise", "verbal_offer", "delay", "next_step"})
# Kinds whose due date is a deadline stated as such ("by Friday"), not any day they mention.
DEADLINE_KINDS = frozenset({"request", "written_offer"})
# Kinds that owe nothing, so no day is due even when a day is mentioned.
UNDATED_KINDS = frozenset({"rejection", "enthusiasm", "other"})

# Read through importlib.resources so the rules are found from a wheel, a zip or an editable
# install alike.
RULES_FILE = resources.files("inwriting.language") / "rules" / "kinds.yaml"
_DEFAULT_CALENDAR = BusinessCalendar()

_CHANNEL_ALIASES = {
    "in person": "in-person",
    "in_person": "in-person",
    "inperson": "in-person",
    "e-mail": "email",
    "mail": "email",
    "text": "message",
    "sms": "message",
    "chat": "message",
    "call": "phone",
    "video call": "video",
}


@dataclass(frozen=True)
class _Part:
    """One top-level alternative of a rule's pattern, with its own cheap gate."""

    pattern: re.Pattern[str]
    may_match: Callable[[str], bool]
    clauses: tuple[frozenset[str], ...] | None


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression's source (split at `|` outside any
    group or character class)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":  # "[]...]" holds a literal "]"
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _parts(pattern: str) -> tuple[_Part, ...]:
    parts = []
    for source in _alternatives(pattern):
        compiled = re.compile(source, re.ASCII)
        clauses = word_clauses(compiled)
        # The substring gate is the fallback for an alternative with no word gate; building it
        # costs a parse, so only those get one.
        may_match = _always_true if clauses is not None else gate(compiled)
        parts.append(_Part(compiled, may_match, clauses))
    return tuple(parts)


def _always_true(text: str) -> bool:
    return True


@dataclass(frozen=True)
class Rule:
    """One phrase rule: an id, the kind it points to, its pattern and its reason."""

    id: str
    kind: str
    pattern: re.Pattern[str]
    reason: str
    may_match: Callable[[str], bool]  # a cheap test: False only where the pattern cannot match
    # Sets of word-like literals; every match holds one literal of each set (None: use
    # may_match). Checked on the bits a statement holds, found once by _GATES.
    clauses: tuple[frozenset[str], ...] | None = None
    # The top-level alternatives of the pattern, each compiled with its own gate: most of a
    # rule's alternatives cannot match a given statement, and skipping them is most of the speed.
    parts: tuple[_Part, ...] = ()
    ungated: frozenset[int] = frozenset()  # alternatives with no word gate: always considered

    def first_match(self, text: str, hits: Collection[int], pos: int = 0) -> re.Match[str] | None:
        """The match `pattern.search(text, pos)` would give, searching only alternatives that can
        match.

        `hits` are the alternatives whose word gates the statement all passes (see `_candidates`),
        so each is searched without another test; the alternatives without a word gate are
        added here. The leftmost match wins, and at the same place the earlier alternative: as in
        the combined pattern, so the phrase quoted to the user is the same.
        """
        if len(hits) == 1 and not self.ungated:
            # The common case: one alternative passed its gates.
            for number in hits:
                return self.parts[number].pattern.search(text, pos)
        best: re.Match[str] | None = None
        for number in sorted({*hits, *self.ungated}) if self.ungated else sorted(hits):
            part = self.parts[number]
            if part.clauses is None and not part.may_match(text):
                continue
            found = part.pattern.search(text, pos)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        return best

    def matches(self, text: str, hits: Collection[int]) -> Iterator[re.Match[str]]:
        """The matches `pattern.finditer(text)` would give, in order, searching only the
        alternatives that can match (see `first_match`)."""
        if self.ungated:
            # An alternative with no word gate may match the empty string, where finditer's
            # stepping rules apply: leave those rules to `re`.
            yield from self.pattern.finditer(text)
            return
        # Every gated alternative's match holds a literal, so it is never empty: the next match
        # is the first one at or after the end of this one, as finditer finds it.
        found = self.first_match(text, hits)
        while found is not None:
            yield found
            found = self.first_match(text, hits, found.end())

    def search(self, text: str) -> re.Match[str] | None:
        """The first match in `text`, skipping the search when it cannot match."""
        return self.pattern.search(text) if self.may_match(text) else None

    def may_match_in(self, text: str, present: int) -> bool:
        """False only where the pattern cannot match `text`, a part of a statement whose gate
        bits are `present` (see `_Gates`)."""
        if self.clauses is not None:
            need = _GATES.rule_needs[self.id]
            return present & need == need
        return self.may_match(text)


@dataclass(frozen=True)
class KindText:
    """What a kind means for the user and what it does not mean."""

    title: str
    means: str
    not_: str


@dataclass(frozen=True)
class Reading:
    """What a statement is, by when it is due, and why, in plain words."""

    kind: str
    due: date | None
    due_range: tuple[date, date] | None
    due_time: time | None
    follow_up_on: date | None
    explanation: str
    signals: tuple[str, ...] = field(default_factory=tuple)
    confident: bool = False

    def to_json(self) -> dict[str, Any]:
        """The reading as JSON-ready values, dates as ISO strings."""
        return {
            "kind": self.kind,
            "due": self.due.isoformat() if self.due else None,
            "follow_up_on": self.follow_up_on.isoformat() if self.follow_up_on else None,
            "explanation": self.explanation,
            "due_range": (
                [self.due_range[0].isoformat(), self.due_range[1].isoformat()]
                if self.due_range
                else None
            ),
            "due_time": self.due_time.strftime("%H:%M") if self.due_time else None,
            "signals": list(self.signals),
            "confident": self.confident,
        }


def _load_rules(path: Traversable = RULES_FILE) -> tuple[dict[str, KindText], tuple[Rule, ...]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    macros: dict[str, str] = data.get("macros", {})
    kinds = {
        name: KindText(entry["title"], entry["means"], entry["not"])
        for name, entry in data["kinds"].items()
    }
    rules = []
    for entry in data["rules"]:
        pattern = entry["pattern"]
        for name, value in macros.items():
            pattern = pattern.replace("{" + name + "}", value)
        # ASCII classes (\w, \s, \b) suffice for English phrase rules and are faster.
        compiled = re.compile(pattern, re.ASCII)
        parts = _parts(pattern)
        rules.append(
            Rule(
                entry["id"],
                entry["kind"],
                compiled,
                entry["reason"],
                gate(compiled),
                word_clauses(compiled),
                parts,
                frozenset(n for n, part in enumerate(parts) if part.clauses is None),
            )
        )
    return kinds, tuple(rules)


# Compiled once, at import: the reader is called thousands of times a second.
KIND_TEXT, RULES = _load_rules()
_PAST_REPORT = next(r for r in RULES if r.id == "neutral.past-report")


@dataclass(frozen=True)
class _Gates:
    """Every word gate the reader checks, as bits of one int per statement.

    A statement's int is the OR of the ints of the rule literals it holds (`prefilter.BitIndex`),
    laid out as:
    - first, in the lowest bits, one bit per distinct set of literals that a whole rule or a
      statement-wide pattern needs (`need`). Lowest, so that a need is a small int: `present &
      need` then costs a few machine words, not the statement's thousands of bits, and the
      reader checks dozens of needs per statement;
    - then fields k (k = 0, 1, ...), `width` bits each: one bit per slot, set when the statement
      holds a literal of that alternative's k-th word gate. A slot is an alternative with word
      gates or, for a rule with an alternative that has none, the rule itself (always
      considered); slot i is bit `width - 1 - i` of each field, so that reading the bits from
      the highest down gives rule order.
    An alternative passes all its gates when, in every field, its bit is set or it has no gate
    of that number (`short`): for all alternatives at once, a shift, an OR and an AND per field.
    """

    index: BitIndex
    width: int
    # Per field k: its offset, and the slots with fewer than k + 1 gates.
    fields: tuple[tuple[int, int], ...]
    # Per bit of field 0, its slot: (rule, alternative number, or None for the rule itself).
    slots: tuple[tuple[Rule, int | None], ...]
    # Set of literals -> its bit, for `need`.
    clause_bits: dict[frozenset[str], int]
    # Rule id -> the bits of the rule's own word gates (`Rule.clauses`), for `may_match_in`.
    rule_needs: dict[str, int]

    def need(self, clauses: tuple[frozenset[str], ...]) -> int:
        """The bits a statement must hold for a pattern with these word gates to match."""
        return _need(self.clause_bits, clauses)


def _need(clause_bits: dict[frozenset[str], int], clauses: tuple[frozenset[str], ...]) -> int:
    need = 0
    for clause in clauses:
        need |= clause_bits[clause]
    return need


def _gates(rules: tuple[Rule, ...], patterns: tuple[re.Pattern[str], ...]) -> _Gates:
    """The gates of `rules` and of the statement-wide `patterns`, laid out as `_Gates` says."""
    if len({rule.id for rule in rules}) != len(rules):
        raise ValueError("two phrase rules share an id")  # their gates would be mixed up
    slots: list[tuple[Rule, int | None, tuple[frozenset[str], ...]]] = []
    for rule in rules:
        if rule.ungated:
            slots.append((rule, None, ()))
        slots += [
            (rule, number, part.clauses)
            for number, part in enumerate(rule.parts)
            if part.clauses is not None
        ]
    wholes = [rule.clauses for rule in rules if rule.clauses is not None]
    wholes += [clauses for clauses in map(word_clauses, patterns) if clauses is not None]
    clause_bits: dict[frozenset[str], int] = {}
    bits: dict[str, int] = {}
    for clause in dict.fromkeys(c for clauses in wholes for c in clauses):
        clause_bits[clause] = bit = 1 << len(clause_bits)
        for literal in clause:
            bits[literal] = bits.get(literal, 0) | bit
    base = len(clause_bits)  # the fields start above the needs' bits
    width = len(slots)
    depth = max((len(clauses) for _, _, clauses in slots), default=0)
    short = [0] * depth
    for i, (_, _, clauses) in enumerate(slots):
        slot_bit = 1 << (width - 1 - i)
        for k in range(depth):
            if k >= len(clauses):
                short[k] |= slot_bit
                continue
            for literal in clauses[k]:
                bits[literal] = bits.get(literal, 0) | slot_bit << (base + k * width)
    return _Gates(
        BitIndex(bits),
        width,
        tuple((base + k * width, short[k]) for k in range(depth)),
        tuple((rule, number) for rule, number, _ in reversed(slots)),
        clause_bits,
        {rule.id: _need(clause_bits, rule.clauses) for rule in rules if rule.clauses is not None},
    )


def _candidates(present: int) -> dict[str, list[tuple[Rule, list[int]]]]:
    """Per kind, in rule order, the rules a statement whose gate bits are `present` may match,
    each with the alternatives whose word gates it all passes, in order."""
    # Every alternative's gates at once: an alternative that fails one cannot match any text cut
    # from this statement, so no kind needs to look at it. About 15 of the 1,004 slots are left
    # per statement (dev split), and only those are read bit by bit; looking up each literal's
    # alternatives and checking them one by one cost four times as much.
    passing = (1 << _GATES.width) - 1
    for offset, short in _GATES.fields:
        passing &= (present >> offset) | short
    by_kind: dict[str, list[tuple[Rule, list[int]]]] = {}
    slots = _GATES.slots
    last: Rule | None = None
    hits: list[int] = []
    while passing:
        bit = passing.bit_length() - 1
        passing ^= 1 << bit
        rule, number = slots[bit]
        if rule is not last:
            last = rule
            hits = []
            by_kind.setdefault(rule.kind, []).append((rule, hits))
        if number is not None:
            hits.append(number)
    return by_kind


# A full stop ends a sentence unless it ends an abbreviation ("by 11:59 p.m. on Friday").
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?;])(?<![ap]\.m\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bmr\.)(?<!\bms\.)(?<!\bdr\.)"
    r"(?<!\bmrs\.)(?<!\bno\.)(?<!\bst\.)(?<!\bvs\.)\s+|\n+|(?<=[!?])(?=\S)"
)
_QUOTED = re.compile(
    r'"[^"\n]{1,300}"'
    # 'Single quotes' open after a space or a colon and close before a space or punctuation,
    # so that apostrophes in "we're" or "candidates'" are left alone.
    r"|(?:(?<=[\s:(])|^)'(?=[a-z])[^'\n]{1,300}?(?<=[a-z.!?,])'(?=[\s.,;:!?)]|$)"
)
# The conditions of `_CONDITION` that may never come true (not "once" or "as soon as").
_IF_CONDITION = re.compile(
    r"\b(?:if(?!\s+(?:you\s+(?:could|can|would)|it\s+(?:were|was)\s+(?:up\s+to\s+me|my\s+call)))"
    r"|unless|in\s+case|in\s+the\s+event|should\s+(?:you|we|your|the|all|everything|this|these|it)"
    r"|provided\s+that)\b"
)
# A sentence that opens with a condition that may never come true ("If anything changes on our end,
# we'll let you know").
_LEADING_CONDITION = re.compile(
    r"\s*(?:if|unless|in\s+case|in\s+the\s+event|should\s+(?:anything|something|things|the|that"
    r"|this|it))\b"
)
# A condition attached to a clause ("if we decide to move forward", "once I hear back") does not
# commit anyone; the rest of the clause still does.
_CONDITION = re.compile(
    # "If it were up to me" is praise, not a condition; "once the freeze is lifted" a hold now.
    r"\b(?:if(?!\s+it\s+(?:were|was)\s+(?:up\s+to\s+me|my\s+call|my\s+decision)|\s+i\s+had\s+my\s+way)"
    r"|unless|once(?!\s+the\s+(?:hiring\s+|recruitment\s+)?(?:freeze|hold|pause)\b)|as\s+soon\s+as"
    r"|whenever|in\s+case|provided\s+that|in\s+the\s+event"
    r"|before\s+(?:we|i|they)\s+can"
    # "Should your references prove satisfactory, we would be pleased to offer you…"
    r"|should\s+(?:you|we|your|the|all|everything|this|these|it)\b)\b[^.;!?,]*,?"
)
# For a no, only a condition about the candidate or the employer is set aside ("if you are not
# selected, …"); "once the panel met they chose someone else" is a no told in time order.
_REJECTION_CONDITION = re.compile(
    # "If you have not heard from us by…, please assume you were unsuccessful": the notice every
    # applicant gets, a no only once the date has passed in silence.
    r"\bif\s+(?:you|i|we)\s+(?:have\s+not|haven't|do\s+not|don't|didn't)\s+(?:heard|hear)\b[^.;!?]*"
    r"|\b(?:if|unless|should|in\s+case|in\s+the\s+event\s+(?:that\s+)?)\s+(?:you|your|we|the"
    r"\s+(?:references?|checks?|background|vetting|medical|documents?|results?))\b[^.;!?,]*,?"
    # "Candidates who are not selected will be told": a rule for everyone, not a no to you.
    r"|\b(?:candidates|applicants|those|anyone|people)\s+(?:who|that)\s+(?:are|were|have|has)\s+(?:not"
    r"\s+(?:been\s+)?(?:selected|successful|shortlisted|progressed|chosen)|unsuccessful)\b"
    # "Applications without this document cannot be progressed": a rule for every applicant.
    r"|\b(?:applications?|candidates|applicants|submissions|profiles)\s+(?:without|missing|lacking"
    r"|that\s+(?:lack|miss|do\s+not\s+include|don't\s+include))\b[^.;!?]*"
    # "Applicants who have not been contacted by 30 April should assume…": the same rule.
    r"|\b(?:candidates|applicants|those|anyone)\s+(?:who|that)\s+(?:have|has)\s+not\s+(?:been\s+contacted"
    r"|been\s+notified|heard)\b[^.;!?]*"
    # "Candidates not selected for an interview will be notified": the same rule, shorter.
    r"|\b(?:candidates|applicants|those|people)\s+not\s+(?:selected|successful|shortlisted|progressed"
    r"|chosen)\b"
    # "Unable to proceed with your onboarding until we receive the letter": a condition on a step.
    r"|\b(?:unable\s+to|not\s+able\s+to|cannot|can't|can\s+not)\s+(?:proceed|progress|move\s+forward)\b"
    r"[^.;!?]{0,60}?"
    r"\b(?:until|unless|till|pending|without)\b[^.;!?]*"
    r"|\b(?:unable\s+to|not\s+able\s+to|cannot|can't|can\s+not)\s+proceed\s+(?:further\s+)?with\s+"
    r"(?:your\s+|the\s+)?(?:onboarding"
    r"|joining|visa|documentation|verification|background\s+check|file)\b[^.;!?]*"
    # "Candidates whose application has been declined will be notified": a rule for everyone.
    r"|\b(?:candidates|applicants|those|anyone)\s+whose\s+(?:applications?|candidacy)\s+(?:has|have|is"
    r"|are|was|were)\b[^.;!?]*"
    # "Candidates who do not book a session will be screened out": a rule for everyone.
    r"|\b(?:candidates|applicants|those|anyone|people)\s+(?:who|that)\s+(?:do|does|did)\s+not\b[^.;!?]*"
    # "Accept within 3 working days or the offer will be withdrawn": a consequence, not a no.
    r"|\bor\s+(?:else\s+)?(?:the|this|your|our)\s+offer\s+(?:will|may|shall|would)\b[^.;!?]*"
    # "Applications received after that date will not be considered": a rule for everyone.
    r"|\bapplications?\s+(?:received|submitted|made)\s+(?:after|past|beyond|later\s+than)\b[^.;!?]*"
    # "Accept by the 12th, post which the offer stands withdrawn": a consequence, not a no.
    r"|\b(?:post\s+which|after\s+which|failing\s+which|otherwise|or\s+else)\b[^.;!?]*"
    # "… will be notified once the position has been filled": when, for everyone.
    r"|\b(?:once|when|after|until)\s+the\s+(?:position|role|job|vacancy|post|requisition|req|posting"
    r"|search)\s+(?:has\s+been|is|was)\s+(?:filled|closed)\b"
)
# "If you could send it by Thursday" is a polite request, not a condition; only the request rules
# read it that way, so a conditional offer or promise still does not count.
_CONDITION_NOT_POLITE = re.compile(
    r"\b(?:if(?!\s+you\s+(?:could|can|would)\b)|unless|once|as\s+soon\s+as|whenever|in\s+case"
    r"|provided\s+that|in\s+the\s+event|should\s+(?:you|we)\b)\b[^.;!?,]*,?"
)
# A point between digits ("9.5 lakh") is a decimal, not the end of a clause.
_CLAUSE = re.compile(r"[.;!?](?!\d)\s*|,\s+(?:and|but|so)\s+|\s+and\s+(?=i\b|we\b|i'll|we'll)")
# Words that show a clause is about the written offer arriving (for a verbal offer's due).
_LETTER_WORDS = re.compile(
    r"\b(?:letter|paperwork|contract|written|formal|official|documents?|offer|in\s+writing"
    r"|statement\s+of\s+(?:main\s+)?terms)\b"
)
_NOT_TO_YOU = re.compile(
    r"\bnot\s+(?:to|for|about|meant\s+for)\s+you\b|\bwasn't\s+(?:meant\s+)?for\s+you\b"
    r"|\bsent\s+(?:to\s+you\s+)?(?:in\s+error|by\s+mistake)"
    # "We've told the other finalists they were unsuccessful, so it's just you."
    r"|\b(?:told|informed|let|notified|contacted|emailed|called|rung)\s+(?:all\s+)?the\s+other"
    r"\s+(?:\w+\s+)?(?:finalists|candidates|applicants|people)\b"
    # "The other finalist got turned down", "they told the other guy": someone else's no.
    r"|\bthe\s+other\s+(?:finalist|candidate|applicant|guy|girl|person|one)\s+(?:got|was|has\s+been|is)"
    r"\s+(?:turned\s+down|rejected|told\s+no|not\s+selected|unsuccessful)\b"
    r"|\b(?:told|informed)\s+the\s+other\s+(?:guy|girl|person|finalist|candidate|applicant)\b"
    # "Tell me about a time you had to deliver bad news": an interview question, not news.
    r"|\btell\s+me\s+about\s+a\s+time\b|\bdescribe\s+a\s+(?:time|situation)\b"
    r"|\bgive\s+me\s+an\s+example\s+of\b|\bwhat\s+would\s+you\s+do\s+if\b[^.;!?]*\?"
    r"|\bhow\s+(?:did|do|would|have)\s+you\s+(?:ever\s+)?(?:handle|handled|deal|dealt|manage|managed"
    r"|approach|go\s+about|deliver|communicate|tell|break)\b[^.;!?]*\?"
    # "They passed on the other guy": a no to someone else.
    r"|\b(?:passed\s+on|turned\s+down|rejected|said\s+no\s+to|let\s+go\s+of)\s+the\s+other"
    r"\s+(?:guy|girl|person|finalist|candidate|applicant|one)\b"
    # "That 'we're going with someone else' message was meant for another applicant."
    r"|\bmeant\s+for\s+(?:another|a\s+different|the\s+other|someone\s+else)\b"
    r"|\b(?:sent|went|gone|emailed|messaged|texted)\s+(?:[\w'-]+\s+){0,3}?to\s+the\s+wrong\s+person\b"
    r"|^\s*(?:sorry,?\s+)?wrong\s+person\b"
)
# A no to a document or a kind of reference ("we can't accept a reference from a peer") is not a
# no to the application.
_NO_TO_A_THING = re.compile(
    r"\b(?:accept|use|take|consider)\s+(?:a|an|the|your|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:reference|referee|document|copy|certificate|scan|photo|file|format|signature|payslip)s?\b"
    r"|\b(?:reference|referee|document|copy|certificate|scan|photo|format|signature|payslip)s?\b"
    r"[^.;!?]{0,50}\b(?:cannot|can't|won't|will\s+not)\s+be\s+(?:accepted|used|considered)"
    # "The December 7 start date won't work for us": a no to a date, the process goes on.
    r"|\b(?:start\s+date|date|dates|day|time|slot|format|salary|figure|number|rate|budget|ask)"
    r"\s+(?:you\s+\w+\s+)?(?:won't|will\s+not|doesn't|does\s+not|isn't\s+going\s+to|can't)"
    r"\s+work\b"
    # "Management did not approve the joining bonus": a no to an ask, the offer stands.
    r"|\b(?:did\s+not|didn't|could\s+not|couldn't|won't|will\s+not|can't|cannot)\s+(?:approve|agree\s+to"
    r"|match|meet|increase|raise)\s+(?:the|your|a)\s+(?:[\w-]+\s+){0,2}?(?:bonus|salary|increase|raise"
    r"|ask|counter|counter-?offer|figure|number|relocation|allowance|budget|request)\b"
    # "We won't be moving forward with the panel format we planned": a no to a plan, not to you.
    r"|\b(?:moving|move|going|go|proceeding|proceed)\s+(?:forward\s+|ahead\s+)?with\s+the\s+"
    r"(?:[\w-]+\s+){0,2}?(?:format|structure|schedule|setup|arrangement)\b"
    r"(?![^.;!?]*\b(?:your\s+application|your\s+candidacy|with\s+you)\b)"
    # "They rejected my counteroffer but the original offer still stands": a no to an ask.
    r"|\brejected\s+(?:my|your|the|our)\s+counter-?offer\b"
    # "The person in this role will have to say no to a lot of internal requests."
    r"|\bsay(?:ing)?\s+no\s+to\s+(?:a\s+lot\s+of|lots\s+of|many|some|most|people|requests"
    r"|stakeholders|clients|customers|internal|external)\b"
    # "We weren't able to verify your degree; please upload a copy": a check to finish.
    r"|(?<!\bas\s)(?<!\bbecause\s)(?<!\bsince\s)\b(?:we|i)\s+(?:weren't|were\s+not|wasn't|was\s+not"
    r"|were\s+unable|was\s+unable|are\s+unable|couldn't|could\s+not)\s+(?:able\s+)?"
    r"to\s+(?:verify|confirm|validate|open|access|read|locate|download)\s+(?:your|the)\b"
    # "The site visit we had pencilled for tomorrow can't go ahead": a no to a meeting.
    r"|\b(?:visit|interview|meeting|call|chat|panel|session|assessment|tour|shift|appointment|slot)\b"
    r"(?:(?!\bbut\b)[^.;!?]){0,50}\b(?:can't|cannot|won't|will\s+not|isn't\s+going\s+to|no\s+longer)"
    r"\s+(?:go\s+ahead|take\s+place|happen|be\s+held|going\s+ahead)\b"
    r"(?!\s+with\s+(?:you|your|my|me|the\s+(?:application|candidacy|appointment|hire|offer))\b)"
)
# A no denied ("you haven't been unsuccessful", "nobody has been turned down", "no bad news", "it's
# not a no") or taken back ("please disregard the automated email") is not a no: the sentence
# says the application is still alive.
_NO_DENIED = re.compile(
    r"\b(?:has|have|had|is|are|was|were|been|am)(?:\s+not|n't)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:rejected|turned\s+down|ruled\s+out|unsuccessful)\b"
    r"|\b(?:nobody|no\s+one|no-one|none\s+of\s+(?:you|the\s+\w+))\s+(?:has|have|had|is|was|were)"
    r"\s+(?:yet\s+)?(?:been\s+)?(?:turned\s+down|rejected|ruled\s+out|unsuccessful|told\s+no)\b"
    r"|\bno\s+bad\s+news\b"
    # The seeker's own fear ("pretty sure it's a no tbh", "is it safe to assume I didn't get it?").
    r"|\bpretty\s+sure\s+(?:it's|it\s+is|that\s+means\s+it's)\s+a\s+no\b"
    r"|\b(?:safe|fair)\s+to\s+assume\s+(?:that\s+)?i\b[^.;!?]*\?"
    # "I'm not ringing with bad news, don't panic."
    r"|\bnot\s+(?:ringing|calling|phoning|writing|emailing|messaging|texting)\s+(?:you\s+)?with\s+"
    r"(?:bad|disappointing|sad)\s+news\b"
    r"|\b(?:it|this|that|the\s+answer)(?:'s|\s+is)(?:\s+not|n't)\s+(?:a\s+no|a\s+rejection)\b"
    r"|\b(?:isn't|is\s+not)\s+a\s+(?:no|rejection)\b|\bnot\s+a\s+no\b"
    r"|\bdisregard\b[^.;!?]*\b(?:email|e-mail|message|letter|notification|notice|status)\b"
    # "No news isn't bad news", "don't take the quiet as a no".
    r"|\bno\s+news\s+(?:isn't|is\s+not)\s+(?:bad\s+news|a\s+no)\b"
    r"|\b(?:don't|do\s+not)\s+take\s+(?:the|this|our|my|their)\s+(?:\w+\s+)?(?:silence|quiet|delay|wait)"
    r"\s+as\s+a\s+no\b"
    # "Offered to another candidate, but they have not yet accepted": still open for you.
    r"|\b(?:has|have)(?:\s+not|n't)\s+(?:yet\s+)?accepted\b(?:\s+(?:it|the\s+offer))?\s+yet\b"
    r"|\b(?:has|have)\s+not\s+yet\s+accepted\b|\bholding\s+your\s+application\b|\bnext\s+in\s+line\b"
    # "The requisition is on hold. Your application remains active": not turned down.
    r"|\byour\s+application\s+(?:remains|is\s+still|stays)\s+(?:active|open|live|under\s+(?:review"
    r"|consideration))\b"
    # "Status update: Application under review": still open.
    r"|(?<!longer\s)(?<!not\s)\bunder\s+review\b"
    # "Your application has not yet been reviewed": still waiting, not turned down.
    r"|\bnot\s+yet\s+been\s+(?:reviewed|considered|assessed|screened|looked\s+at)\b"
    # "They've not yet accepted, so please bear with us": the offer to another is still open.
    r"|\bnot\s+yet\s+accepted\b"
    # "Not bad news, I promise", "we're not taking that as a no": denied.
    r"|\b(?:not|isn't|is\s+not|it's\s+not)\s+bad\s+news\b"
    r"|\b(?:not|n't)\s+(?:taking|take)\s+(?:that|this|it)\s+as\s+a\s+no\b"
    # "No no, you didn't get cut!": denied.
    r"|\b(?:you|u)\s+(?:didn't|did\s+not|haven't|have\s+not|weren't|wasn't|aren't)\s+(?:been\s+)?"
    r"(?:get\s+)?(?:cut|dropped|rejected|turned\s+down|ruled\s+out)\b"
    # "Your status shows Not Selected only because the requisition was reopened": explained away.
    r"|\b(?:not\s+selected|rejected|unsuccessful|declined|closed)[\"']?\s+(?:only|just|simply)"
    r"\s+because\b"
    # "We've filled the night-shift post, but the role you applied for is still open."
    r"|\b(?:role|post|position|job|vacancy|opening)\s+you\s+applied\s+for\s+(?:is|remains)\s+"
    r"(?:still\s+)?(?:open|live|active)\s*(?:[.!;]|$)"
)
# See `bodies["delay"]` in `_analyse`.
_NOT_A_DELAY = re.compile(
    r"\bbut\s+(?:that's|it's|this\s+is|things\s+are|we're|everything's|everything\s+is)\s+(?:all\s+)?"
    r"(?:sorted|resolved|behind\s+us|back\s+on\s+track|back\s+on|moving\s+again|unblocked|fixed)\b"
    r"|\bstill\s+(?:make|hit|meet)\s+(?:the\s+)?(?:[a-z]+day|deadline|date|timeline)\b"
    r"|\bstill\s+on\s+track\b|\bas\s+planned\b"
    r"|\b(?:at|on|per|following|further\s+to)\s+your\s+request\b|\bas\s+you\s+asked\b"
    r"|\bagreed\s+to\s+move\s+my\b|\b(?:all\s+)?good\s+re\s+moving\b"
)
# The statement says this application is alive ("your application remains under consideration",
# "has not been withdrawn", "you're still in the process", "not dead tho!!"): a no it seems to
# hold elsewhere ("re-advertised", "your interview won't go ahead this side of Christmas") is a
# hold or a change of plan, so no sentence of it is read as a no.
_APPLICATION_ALIVE = re.compile(
    r"\byour\s+application\s+(?:remains|is\s+still|stays|is)\s+(?:safe|active|open|live|under\s+"
    r"(?:review|consideration))\b(?!\s+for\s+(?:other|future))"
    r"|\byour\s+application\s+(?:has\s+not|hasn't)\s+been\s+(?:withdrawn|closed|rejected|declined)\b"
    r"|\byou(?:'re|\s+are)\s+still\s+(?:very\s+much\s+)?(?:in\s+the\s+(?:process|running|mix)"
    r"|in\s+contention|being\s+considered|under\s+consideration)\b(?!\s+for\s+(?:other|future))"
    r"|\bnot\s+dead\s*(?:tho|though|yet)?\s*(?:!+|\.|$)"
)
# The candidate said no ("understand you accepted another offer", "we have noted your decision to
# decline our offer"): the employer's good wishes that follow are no no of theirs.
_CANDIDATE_WITHDREW = re.compile(
    r"\byou(?:'ve|\s+have)?\s+(?:accepted|taken|chosen)\s+(?:another|a\s+different|an\s+other"
    r"|the\s+other)\s+(?:offer|role|position|job)\b"
    r"|\byour\s+decision\s+to\s+(?:decline|withdraw|turn\s+down|not\s+(?:accept|proceed|go\s+ahead))\b"
    r"|\b(?:you've|you\s+have)\s+(?:decided\s+to\s+)?(?:withdrawn|declined\s+(?:our|the)\s+offer)\b"
    # "Application status: withdrawn at the candidate's request."
    r"|\bwithdrawn\s+(?:at\s+(?:the\s+)?candidate'?s?\s+(?:own\s+)?request|by\s+(?:the\s+)?candidate"
    r"|at\s+your\s+(?:own\s+)?request)\b"
)
# "The offer letter attached is only a sample format; it does not constitute an offer", "the offer
# attached was meant for another candidate": an offer document that is not an offer to you.
_NOT_AN_OFFER = re.compile(
    r"\b(?:does|do|shall|will)\s+not\s+constitute\s+an?\s+(?:formal\s+|binding\s+)?offer\b"
    r"|\boffer\b[^.;!?]{0,40}\bmeant\s+for\s+(?:another|someone\s+else|a\s+different)\b"
    r"|\b(?:only\s+)?a\s+sample\s+(?:format|template|letter)\b"
)
_RETAKE = re.compile(r"\b(?:retake|resit|re-?attempt|another\s+attempt|one\s+more\s+attempt)\b")
_FAILED_TEST = re.compile(
    r"\b(?:test|assessment|exam|quiz|attempt|score|result)\b[^.;!?]*\b(?:unsuccessful|not\s+successful"
    r"|did\s+not\s+pass|didn't\s+pass|failed)\b"
)
_BACK_REFERENCE = re.compile(r"\b(?:it|them|they)\b")
_OFFER_LETTER = re.compile(r"\b(?:offer\s+letter|written\s+offer|formal\s+offer|contract)\b")
# "The offer's been signed off", "they're going to offer it to you": the offer, not its letter.
_OFFER_NOT_LETTER = re.compile(r"\boffer(?!\s+letter)(?!s?\s+of\s+employment)")
_HAS_WORD = re.compile(r"[^\W\d_]{2,}")
# An offer mentioned in passing ("further to our offer of employment") is not an offer being made.
_REFERENCE_TO_OFFER = re.compile(
    r"(?:further\s+to|following\s+(?:up\s+on)?|regarding|about|re:|as\s+per|per|referring\s+to"
    r"|in\s+reference\s+to|with\s+reference\s+to|accept(?:ed|ing)|decline[ds]?|declining)"
    r"\s+(?:our|your|the|my|this|that)?\s*(?:[\w-]+\s+){0,2}$"
)
# Rules whose words can make an offer written; the others ("the job is yours", "welcome aboard")
# only ever make a verbal offer, whatever the channel.
_WRITTEN_CAPABLE = frozenset(
    {
        "offer.offer-you",
        "offer.in-writing",
        "offer.ready",
        "offer.extend",
        "offer.appoint",
        "offer.sent-to-you",
    }
)
_QUESTION_TAIL = re.compile(r"^[^.;!?]*\?")
# "We hope to be pleased to offer…", "we will offer…": an intention, not the offer itself.
_INTENT_BEFORE = re.compile(
    r"(?:going\s+to|hope\s+to|hoping\s+to|plan\s+to|expect\s+to|intend\s+to|will|'ll|about\s+to"
    r"|want\s+to|may|might|could|should|would\s+be|'d\s+be|soon\s+be|were|was|had\s+been)"
    r"\s+(?:be\s+)?(?:\w+\s+)?$"
)
# "We would be delighted to offer you…" is the letter-writer's formula for an offer being made.
_POLITE_BEFORE = re.compile(r"(?:would|'d)\s+be\s+$")
_FEELING = re.compile(r"(?:pleased|happy|delighted|thrilled|glad|honou?red|proud|privileged)\b")
# The statement-wide searches in `_analyse`, whose word gates are found with the rules'.
_STATEMENT_PATTERNS = (
    _CONDITION,
    _NOT_TO_YOU,
    _RETAKE,
    _NO_TO_A_THING,
    _REJECTION_CONDITION,
    _NO_DENIED,
    _APPLICATION_ALIVE,
    _CANDIDATE_WITHDREW,
)
# The statement-wide patterns cut at their top-level alternatives (see `_StatementSearch`).
_STATEMENT_PARTS = {
    pattern: tuple(re.compile(source, pattern.flags) for source in _alternatives(pattern.pattern))
    for pattern in _STATEMENT_PATTERNS
}
# Compiled once, at import, with every rule's gates and those of the patterns above and of
# their alternatives.
_GATES = _gates(
    RULES, _STATEMENT_PATTERNS + tuple(p for parts in _STATEMENT_PARTS.values() for p in parts)
)
# What the statement-wide searches in `_analyse` need: most statements hold none of the words
# these patterns need, and an AND costs less than a regex scan of the text. A pattern without
# word gates needs nothing (0) and is always searched.
_STATEMENT_NEEDS = {
    pattern: _GATES.need(word_clauses(pattern) or ()) for pattern in _STATEMENT_PATTERNS
}


@dataclass(frozen=True)
class _StatementSearch:
    """Whether a statement-wide pattern matches a statement, searching only the alternatives
    whose word gates the statement passes.

    A pattern such as `_NO_DENIED` is a long list of alternatives, and together their word gates
    pass most statements ("is", "not", "no"), so one search of the whole pattern tried every
    alternative at every position of nearly every statement; each alternative on its own needs
    rarer words. A search of `A|B|C` finds a match exactly when one of A, B or C does, so the
    answer is the same; only the match itself would differ, and callers use just the answer.
    """

    need: int  # the bits the whole pattern needs
    parts: tuple[tuple[re.Pattern[str], int], ...]  # each alternative and the bits it needs

    def found(self, text: str, present: int) -> bool:
        """Whether the pattern matches in `text`, a statement whose gate bits are `present`."""
        if present & self.need != self.need:
            return False
        for part, need in self.parts:
            if present & need == need and part.search(text) is not None:
                return True
        return False


(
    _CONDITION_FOUND,
    _NOT_TO_YOU_FOUND,
    _RETAKE_FOUND,
    _NO_TO_A_THING_FOUND,
    _REJECTION_CONDITION_FOUND,
    _NO_DENIED_FOUND,
    _APPLICATION_ALIVE_FOUND,
    _CANDIDATE_WITHDREW_FOUND,
) = (
    _StatementSearch(
        _STATEMENT_NEEDS[pattern],
        tuple((part, _GATES.need(word_clauses(part) or ())) for part in parts),
    ).found
    for pattern, parts in _STATEMENT_PARTS.items()
)


def normalise_channel(channel: str | None) -> str | None:
    """A channel name as the reader knows it, or None for unknown; ValueError if not a channel."""
    if channel is None:
        return None
    word = channel.strip().lower()
    if word in ("", "unknown", "none"):
        return None
    word = _CHANNEL_ALIASES.get(word, word)
    if word not in CHANNELS:
        raise ValueError(f"unknown channel '{channel}'; use one of {', '.join(CHANNELS)}")
    return word


# A quotation the job seeker relays from the employer ('she said "we'll call you Friday"',
# 'recruiter: "give me three days"') is the employer's own words; only other quotations (an ad,
# a policy, a saying, what the seeker said) are someone else's.
_RELAYED_QUOTE = re.compile(
    # The speaker is someone on the employer's side (or their email), not "I" or "someone".
    r"(?:\b(?:she|he|they|recruiter|manager|hm|hr|interviewer|panel|director|boss|ceo|owner|founder"
    r"|chair|client|agent|email|mail|letter|message|text|note)\s+(?:just\s+|then\s+|also\s+)?"
    # "The recruiter rang and said '…'", "she called to say '…'".
    r"(?:(?:rang|called|phoned|rung|texted|messaged)(?:\s+(?:me|us))?\s+(?:and|to)\s+)?"
    r"(?:said|says|say|goes|went|told\s+(?:me|us)|asked(?:\s+(?:me|us))?|wrote|replied|texted|emailed"
    r"|messaged|added|mentioned)(?:\s+(?:to\s+)?(?:me|us))?"
    r"(?:\s+(?:that\s+)?(?:(?:they|she|he|we|it)(?:'d|'ll|\s+would|\s+will|'s|'re|\s+(?:is|are))"
    r"|i(?:'m|\s+am|\s+was|'d)))?"
    r"|(?:^|[.!?]\s*)[a-z][\w ]{0,30}(?::|\s[-\u2013\u2014])"
    # A quotation that is a sentence of its own: pasted from the employer's email.
    r"|(?:^|[.!?]))\s*,?\s*$"
)
# '"Welcome aboard" he said': the speaker named after the quotation.
_RELAYED_AFTER = re.compile(
    r"\s*,?\s*(?:she|he|they|the\s+\w+|[a-z]+)\s+(?:said|says|goes|went|told\s+me|added|wrote)\b"
)


def _quote_or_not(m: re.Match[str]) -> str:
    before = m.string[max(0, m.start() - 40) : m.start()]
    relayed = _RELAYED_QUOTE.search(before) or _RELAYED_AFTER.match(m.string, m.end())
    return m[0] if relayed else " "


def _strip_quotes(text: str) -> str:
    # Quoted speech is someone else's words, not what is said to the candidate. A statement that
    # is nothing but a quotation is read as it stands.
    if '"' not in text and "'" not in text:
        return text
    stripped = _QUOTED.sub(_quote_or_not, text)
    return stripped if _HAS_WORD.search(stripped) else text


@dataclass
class _Analysis:
    kept: list[str]  # sentences that count, as said
    body: str  # the same, conditions removed: what the kind rules read
    fired: dict[str, list[tuple[Rule, str]]]
    neutral: list[Rule]
    # The gate bits of the whole statement (see `_Gates`). Every text the rules read is cut from
    # the statement at spaces or punctuation, so a literal it holds is in the statement too.
    present: int = 0
    # Per kind, the rules the statement may match and the alternatives whose gates it passes.
    candidates: dict[str, list[tuple[Rule, list[int]]]] = field(default_factory=dict)
    written_offer: bool = False  # an offer rule that can make it written fired outside a question
    conditional: bool = False  # a condition was set aside in a sentence that counts
    # The statement says its no is not one to you: denied ("you haven't been unsuccessful"), or
    # words of a no set aside as a condition, a rule for everyone, a no to someone else.
    no_denied: bool = False


# A turn after the words a filter sets aside: what follows it is said on its own account.
_TURN = re.compile(r"[^.;!?]*?,?\s+(?:but|and|so)\s+")


def _set_aside(sentences: list[str], pattern: re.Pattern[str]) -> list[str]:
    """The sentences without what `pattern` sets aside (a no to someone else or to a thing, a no
    denied).

    Such words qualify their whole sentence ("the email went to the night-shift applicants, not
    to you"; "offered to another candidate, but she hasn't accepted yet"), so the sentence goes,
    unless it turns after them ("the start date won't work for us and unfortunately we've filled
    the role", "it isn't bad news for everyone, but it's a no from us"): what follows the turn
    stays.
    """
    kept: list[str] = []
    for sentence in sentences:
        found = pattern.search(sentence)
        if found is None:
            kept.append(sentence)
            continue
        turn = _TURN.match(sentence, found.end())
        if turn is not None and not pattern.search(sentence, turn.end()):
            kept.append(sentence[turn.end() :])
    return kept


def _analyse(normal: str) -> _Analysis:
    kept: list[str] = []
    neutral: list[Rule] = []
    present = _GATES.index.found(normal)
    candidates = _candidates(present)
    unquoted = _strip_quotes(normal)
    # Most statements have no neutral wording at all: one look at the whole text settles that.
    neutral_rules = [
        rule for rule, hits in candidates.get("neutral", ()) if rule.first_match(unquoted, hits)
    ]
    sentences = all_sentences = _SENTENCE_BREAK.split(normal)
    for sentence in sentences if unquoted is normal else _SENTENCE_BREAK.split(unquoted):
        if not sentence.strip():
            continue
        if neutral_rules:
            hits = [rule for rule in neutral_rules if rule.pattern.search(sentence)]
            if hits:
                neutral.extend(hits)
                continue
        # An offer document said not to be an offer to you counts for no kind (rare: a word
        # test first).
        if "offer" in sentence and _NOT_AN_OFFER.search(sentence):
            continue
        kept.append(sentence)
    plain = " . ".join(kept)
    # A condition word in a sentence is in the statement too: most statements have none, and
    # then no clause needs setting aside.
    conditional = _CONDITION_FOUND(normal, present)
    body = " . ".join(_CONDITION.sub(" ", s) for s in kept) if conditional else plain
    # A missed no leaves someone waiting on an application that is over, so the rejection rules
    # read more: quoted words, role talk and hedged sentences too; only conditions and reports of
    # the past ("last year we hired internally") are skipped.
    if _PAST_REPORT.may_match_in(normal, present) and _PAST_REPORT.pattern.search(normal):
        sentences = [s for s in sentences if not _PAST_REPORT.search(s)]
    # The candidate said no themselves: the good wishes that follow are no no of the employer's.
    said_alive = _CANDIDATE_WITHDREW_FOUND(normal, present)
    if said_alive:
        sentences = []
    elif _APPLICATION_ALIVE_FOUND(normal, present):
        # A statement that says the application is alive has no no before that: what comes after
        # the last such word is news that may end it ("Your application remains under review.
        # Update: we have decided not to proceed").
        alive = [i for i, s in enumerate(sentences) if _APPLICATION_ALIVE.search(s)]
        sentences = sentences[alive[-1] + 1 :] if alive else []
        said_alive = True
    # A no said to someone else ("that email went to the night-shift applicants, not to you")
    # is not a no to the reader.
    if _NOT_TO_YOU_FOUND(normal, present):
        sentences = _set_aside(sentences, _NOT_TO_YOU)
    if _NO_TO_A_THING_FOUND(normal, present):
        sentences = _set_aside(sentences, _NO_TO_A_THING)
    no_denied = _NO_DENIED_FOUND(normal, present)
    if no_denied:
        sentences = _set_aside(sentences, _NO_DENIED)
    no_denied = no_denied or said_alive
    # A failed test that may be taken again is not a no to the application.
    if _RETAKE_FOUND(normal, present):
        sentences = [s for s in sentences if not _FAILED_TEST.search(s)]
    set_aside = sentences is not all_sentences  # a filter above dropped a sentence
    if _REJECTION_CONDITION_FOUND(normal, present):
        rejection_body = " . ".join(_REJECTION_CONDITION.sub(" ", s) for s in sentences)
        set_aside = True
    else:
        rejection_body = " . ".join(sentences)
    bodies = {
        "rejection": rejection_body,
        # A stall that is over ("that's all sorted now", "we should still make Friday") or a move
        # the candidate asked for ("rescheduled on your request") is no delay.
        "delay": " . ".join(s for s in body.split(" . ") if not _NOT_A_DELAY.search(s))
        if "delay" in candidates and _NOT_A_DELAY.search(body)
        else body,
        "request": (
            " . ".join(_CONDITION_NOT_POLITE.sub(" ", s) for s in kept) if conditional else plain
        ),
        # Contact promised only if something happens ("if anything changes I'll let you know",
        # "should the role reopen, we'll be in touch") sets no clock; "once I've heard from the
        # client I'll come back to you" does.
        "promise": (
            " . ".join(_CONDITION.sub(" ", s) for s in kept if not _IF_CONDITION.search(s))
            if conditional
            else body
        ),
        # "Once it is approved" is exactly what says the terms are still to come.
        "pending": plain,
    }
    analysis = _Analysis(kept, body, {}, neutral, present, candidates)
    analysis.conditional = conditional and any(_CONDITION.search(s) for s in kept)
    analysis.no_denied = no_denied
    # Kinds are tried in the contract's order and the search stops early: once a kind has won,
    # only one more kind that could contradict it is looked for (that decides `confident`).
    if _fire("rejection", bodies["rejection"], analysis):
        return analysis
    # Words of a no that the filters above set aside (a condition, a rule for everyone, a no to
    # someone else or to a document, a report of the past, a no denied): the statement itself
    # says its no is not a no to you, so the learned back-up may not make it one either.
    if set_aside:
        unfiltered = " . ".join(all_sentences)
        if any(rule.first_match(unfiltered, h) for rule, h in candidates.get("rejection", ())):
            analysis.no_denied = True
    if _fire("offer", body, analysis):
        _fire("terms", body, analysis)
        _fire("pending", bodies["pending"], analysis)
        winner_found = True
    else:
        winner_found = False
    for kind in ("delay", "next_step", "request", "promise"):
        if _fire(kind, bodies.get(kind, body), analysis) and winner_found:
            return analysis
        winner_found = winner_found or kind in analysis.fired
    if not winner_found:
        _fire("enthusiasm", body, analysis)
    return analysis


def _fire(kind: str, text: str, analysis: _Analysis) -> bool:
    """Run the rules of one kind on `text`, recording what fired; whether any did."""
    fired = analysis.fired
    present = analysis.present
    # Only the rules with an alternative whose gate the statement passes are looked at.
    for rule, hits in analysis.candidates.get(kind, ()):
        if kind != "offer":
            hit = rule.first_match(text, hits)
            if hit:
                fired.setdefault(kind, []).append((rule, hit.group(0).strip()))
            continue
        if not rule.may_match_in(text, present):
            continue
        # The offer rules are long alternations: searching only the alternatives whose gates the
        # statement passes, not the whole pattern, saves about a twentieth of a read (dev split).
        for m in rule.matches(text, hits):
            if _REFERENCE_TO_OFFER.search(text[max(0, m.start() - 40) : m.start()]):
                continue
            fired.setdefault("offer", []).append((rule, m.group(0).strip()))
            # An offer put as a question ("would you accept an offer at $90k?") or as an
            # intention ("we hope to be pleased to offer…") is not an offer in writing.
            if (
                rule.id in _WRITTEN_CAPABLE
                and not _QUESTION_TAIL.match(text[m.end() :])
                and not _intention(text, m, analysis.conditional)
            ):
                analysis.written_offer = True
            break
    return kind in fired


def _intention(text: str, m: re.Match[str], conditional: bool) -> bool:
    """Whether the words before an offer make it an intention ("we hope to offer…").

    "We would be delighted to offer you…" is the formula of an offer being made, unless a
    condition goes with it ("if references are fine, we'd be pleased to offer you…").
    """
    before = text[max(0, m.start() - 30) : m.start()]
    if not _INTENT_BEFORE.search(before):
        return False
    polite = bool(_POLITE_BEFORE.search(before) and _FEELING.match(m.group(0)))
    return conditional or not polite


def _decide(analysis: _Analysis, channel: str | None) -> str:
    fired = analysis.fired
    if "rejection" in fired:
        return "rejection"
    if "offer" in fired:
        written = (
            analysis.written_offer
            and channel in WRITTEN_CHANNELS
            and "terms" in fired
            and "pending" not in fired
        )
        return "written_offer" if written else "verbal_offer"
    for kind in ("delay", "next_step", "request", "promise", "enthusiasm"):
        if kind in fired:
            return kind
    return "other"


def _due_text(kind: str, analysis: _Analysis) -> str:
    if kind != "verbal_offer":
        return " . ".join(analysis.kept)
    # A verbal offer is due when the written offer was said to come; other days in the same
    # breath ("I'll call you tomorrow to talk it through") are not that.
    kept: list[str] = []
    previous_about_letter = False
    for clause in (c for s in analysis.kept for c in _CLAUSE.split(s)):
        # "Formal paperwork is pending sign-off, so expect it next week": "it" is the letter.
        about_letter = bool(
            _LETTER_WORDS.search(clause)
            or (previous_about_letter and _BACK_REFERENCE.search(clause))
        )
        if about_letter:
            kept.append(clause)
        previous_about_letter = about_letter
    return " . ".join(kept)


# Words of a clause that may commit someone to the candidate.
_COMMITS = re.compile(r"\b(?:you|your|u|will|shall|can|could|would|please)\b|'ll\b|'d\b")
# The kinds whose due is the day of the words that made them: a delay's new day is often said
# in the sentence after the stall, and a meeting's after the invitation.
_OWN_SENTENCE_KINDS = frozenset({"promise", "request"})


def _own_sentences(kind: str, analysis: _Analysis) -> str | None:
    """The clauses, or else the sentences, in which the rules of `kind` fired, when they are not
    all that counts.

    A clause is set aside only when it commits nobody to the candidate ("the hiring committee
    meets Wednesday, and I'll call you Monday"); a rule names only its first match, and "we'll
    reach out to them on Monday and I'll be back in touch by the end of next week" is one promise
    that runs to its latest end.
    """
    if kind not in _OWN_SENTENCE_KINDS:
        return None
    said = [phrase for _, phrase in analysis.fired.get(kind, ()) if phrase]
    if not said:
        return None
    clauses = [c for s in analysis.kept for c in _CLAUSE.split(s) if c.strip()]
    for units in (clauses, analysis.kept):
        own = [u for u in units if any(phrase in u for phrase in said)]
        if not own or len(own) == len(units):
            continue
        if units is clauses and any(_COMMITS.search(u) for u in units if u not in own):
            continue
        return " . ".join(own)
    return None


# What the employer will do with what they ask for ("by 18/01 so that we can release the offer by
# the 22nd") is their own step, not the request's deadline.
_PURPOSE = re.compile(
    r",?\s+so\s+(?:that\s+)?(?:we|i|they|hr|the\s+team)\s+(?:can|could|may|are\s+able\s+to)\b[^.;!?]*"
)


def _without_purpose(kind: str, text: str) -> str:
    """A request's text without the employer's own step after "so that we can"."""
    return _PURPOSE.sub(" ", text) if kind == "request" and "so" in text else text


_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """A date as people write it: "Thursday 19 November 2026", whatever the machine's locale."""
    return f"{_DAY_NAMES[day.weekday()]} {day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"


def _due_words(deadline: Deadline | None, kind: str) -> str:
    if deadline is None:
        if kind in UNDATED_KINDS:
            return ""
        if kind == "verbal_offer":
            return "No date was given for the written offer, so none is made up."
        return "No date was stated, so none is made up."
    when = long_date(deadline.latest)
    if deadline.time is not None:
        when += f" at {deadline.time:%H:%M}"
    if deadline.earliest < deadline.latest:
        span = f" (it may come from {long_date(deadline.earliest)}; the latest end counts)"
    else:
        span = ""
    if kind == "request":
        return f"They asked for it by {when}{span}."
    if kind == "written_offer":
        return f"They want your answer by {when}{span}."
    if kind == "next_step":
        return f"It is planned for {when}{span}."
    if kind == "verbal_offer":
        return f"The written offer is due {when}{span}: the last day it is still on time."
    return f"It is due {when}{span}: the last day it is still on time."


def _follow_up_words(follow_up: date | None, dated: bool) -> str:
    if follow_up is None:
        return ""
    if dated:
        return f"If nothing has come by then, a polite follow-up fits on {long_date(follow_up)}."
    return (
        f"If you hear nothing, a polite follow-up fits on {long_date(follow_up)}, "
        "the usual wait when no date is given."
    )


def _explain(
    kind: str,
    analysis: _Analysis,
    deadline: Deadline | None,
    follow_up: date | None,
    weighed: learned.Guess | None = None,
) -> str:
    text = KIND_TEXT[kind]
    parts = [text.means]
    winning = analysis.fired.get(_rule_kind(kind), [])
    how = weighed.how if weighed is not None else None
    if weighed is not None and how == "guess":
        parts.append(
            "Why: no phrase the reader knows says so outright, but it reads like the statements "
            f"of this kind it has learned from ({weighed.probability:.0%} sure). It is a guess: "
            "read it again yourself, and correct it if it is wrong."
        )
    elif weighed is not None and how in ("no", "overruled"):
        parts.append(_second_opinion_words(analysis, weighed))
    elif winning:
        rule, phrase = winning[0]
        parts.append(f'Why: "{_printable(phrase)}". {rule.reason}')
    elif kind == "other" and analysis.neutral:
        parts.append(analysis.neutral[0].reason)
    if how == "arbitrated":
        parts.append(
            "It also has words of another kind; weighing the whole statement, the reader's "
            "learned model reads it as this one. Check it yourself."
        )
    if weighed is not None and how == "not-written":
        parts.append(
            "It has an offer's words and terms, but it does not read like an offer letter (the "
            f"reader's learned model is only {weighed.probability:.0%} sure it is one), so it "
            "counts as a verbal offer until the written offer is clearly in your hands."
        )
    if kind == "verbal_offer" and "terms" in analysis.fired:
        parts.append("Terms said out loud or without the letter still leave it a verbal offer.")
    parts.append(_due_words(deadline, kind))
    parts.append(_follow_up_words(follow_up, deadline is not None))
    parts.append(text.not_)
    if kind in ("promise", "delay") and _OFFER_LETTER.search(analysis.body):
        parts.append(
            "About the offer letter: a verbal offer is not an offer. Only the written offer "
            "with its terms counts, so keep your search going until it arrives and is signed."
        )
    return " ".join(p for p in parts if p)


def _printable(phrase: str) -> str:
    # The phrase comes from the user's text: keep it printable whatever bytes it held.
    return phrase.encode("utf-8", "replace").decode("utf-8")


def _second_opinion_words(analysis: _Analysis, weighed: learned.Guess) -> str:
    """Why the learned model's kind replaced the one the phrase rules found."""
    found = [
        phrase
        for kind, fired in analysis.fired.items()
        if kind not in _PSEUDO_KINDS
        for _, phrase in fired
    ]
    seen = (
        f'the phrase "{_printable(found[0])}" points to another kind'
        if found
        else "its wording looks neutral"
    )
    return (
        f"Why: {seen}, but read as a whole it is most like the statements of this kind the "
        f"reader has learned from ({weighed.probability:.0%} sure). That is the reader's "
        "judgement, not a phrase it knows: read it again yourself, and correct it if it is wrong."
    )


def _keeps_rules_kind(kind: str, weighed: learned.Guess, analysis: _Analysis) -> bool:
    """Whether the contract settles what the model would change.

    A commitment to send the letter is a promise, not an offer ("your offer letter is under
    approval and will be released by Monday"), and contact promised only if something happens
    is no promise ("if anything changes on our end, we'll let you know").
    """
    if weighed.kind == "verbal_offer" and kind == "promise" and "offer" not in analysis.fired:
        # Only the letter is spoken of: no sentence that could be the offer itself, said in words
        # no rule knows ("sir said I am selected!! offer letter will be mailed monday").
        return all(
            _OFFER_LETTER.search(s) and not _OFFER_NOT_LETTER.search(s) for s in analysis.kept
        )
    if weighed.kind == "promise" and weighed.how == "guess":
        return all(_LEADING_CONDITION.match(s) for s in analysis.kept)
    return False


def _fired_kinds(analysis: _Analysis, decided: str) -> set[str]:
    """The kinds whose phrase rules fired, with an offer counted as the kind it was decided as."""
    kinds = {k for k in analysis.fired if k not in _PSEUDO_KINDS and k != "offer"}
    if "offer" in analysis.fired:
        kinds.add(decided if decided in ("verbal_offer", "written_offer") else "verbal_offer")
    return kinds


# Rules that describe an offer's details, not a kind of their own.
_PSEUDO_KINDS = frozenset({"terms", "pending"})


def _rule_kind(kind: str) -> str:
    return "offer" if kind in ("written_offer", "verbal_offer") else kind


def _confident(kind: str, analysis: _Analysis, deadline: Deadline | None) -> bool:
    if kind == "other":
        return bool(analysis.neutral) or not analysis.fired
    others = set(analysis.fired) - {_rule_kind(kind), "terms", "pending", "enthusiasm"}
    if kind == "rejection":
        others = set()  # a no is formulaic; the rest of the message does not change it
    ambiguous = deadline is not None and deadline.ambiguous
    return not others and not ambiguous


def _as_moment(at: object) -> datetime | None:
    """`at` as a naive local datetime; None when it is not a date, a datetime or ISO text."""
    if isinstance(at, str):
        try:
            at = datetime.fromisoformat(at.strip())
        except ValueError:
            return None
    if isinstance(at, datetime):
        # The employer's wall-clock time: the zone is dropped, the day is what matters. Most
        # have none to drop, and replace() builds a new datetime each time.
        return at if at.tzinfo is None else at.replace(tzinfo=None)
    if isinstance(at, date):
        return datetime(at.year, at.month, at.day)
    return None


def read(
    text: str,
    at: datetime | date,
    channel: str | None = None,
    *,
    calendar: BusinessCalendar | None = None,
    locale: str = "en-US",
    policy: FollowUpPolicy = DEFAULT_POLICY,
    guesses: bool = True,
) -> Reading:
    """Read one statement: its kind, due date, follow-up day and a plain explanation.

    `at` is when it was said (employer's local time; a date, a datetime or ISO 8601 text; anything
    else reads the words with no dates), `channel` how (`email`, `letter`, `phone`,
    `in-person`, `video`, `message`, or None for unknown, which counts as spoken). An unknown
    channel name also counts as spoken. `guesses=False` reads with the phrase rules alone, without
    the learned back-up for statements no rule recognises (see `inwriting.language.learned`).
    Never raises on any text.
    """
    if not isinstance(text, str):
        text = ""
    try:
        spoken_channel = normalise_channel(channel) if isinstance(channel, str) else None
    except ValueError:
        spoken_channel = None
    return _read_statement(text, _as_moment(at), spoken_channel, calendar, locale, policy, guesses)


def _read_statement(
    text: str,
    moment: datetime | None,
    channel: str | None,
    calendar: BusinessCalendar | None,
    locale: str,
    policy: FollowUpPolicy,
    guesses: bool,
) -> Reading:
    cal = calendar or _DEFAULT_CALENDAR
    if not _HAS_WORD.search(text):
        return Reading(
            kind="other",
            due=None,
            due_range=None,
            due_time=None,
            follow_up_on=None,
            explanation=(
                "Nothing was said here (no words to read), so there is nothing to record: "
                "no offer, no promise, no date."
            ),
            signals=("empty",),
            confident=True,
        )
    truncated = len(text) > MAX_CHARS
    analysis = _analyse(normalise(text[:MAX_CHARS]))
    kind = _decide(analysis, channel)
    weighed: learned.Guess | None = None
    if guesses:
        # The learned back-up has its say: a guess where no rule recognised the statement, a
        # second opinion where one did (see learned.weigh for when it may change the kind).
        weighed = learned.weigh(
            " . ".join(analysis.kept),
            channel,
            kind,
            _fired_kinds(analysis, kind),
            bool(analysis.neutral or set(analysis.fired) - _PSEUDO_KINDS),
            normalised=True,
            no_denied=analysis.no_denied,
        )
        if weighed is not None and _keeps_rules_kind(kind, weighed, analysis):
            weighed = None
        if weighed is not None:
            kind = weighed.kind
    deadline: Deadline | None = None
    if kind not in UNDATED_KINDS and moment is not None:
        only = kind in DEADLINE_KINDS
        # A promise or a request is due when what it commits to or asks for is: the day in its
        # own clause or sentence, not another event's ("the board meets this month; I'll have it
        # over to you by Tuesday"). A bare hour there ("I'll email you before 5") takes its day
        # from the rest.
        own = _own_sentences(kind, analysis)
        if own is not None:
            deadline = resolve(
                _without_purpose(kind, own), moment, cal, locale, deadlines_only=only
            )
            if deadline is not None and deadline.forms == ("time",):
                deadline = None
        if deadline is None:
            text = _without_purpose(kind, _due_text(kind, analysis))
            deadline = resolve(text, moment, cal, locale, deadlines_only=only)
    follow_up: date | None = None
    if kind in FOLLOW_UP_KINDS and moment is not None:
        try:
            if deadline is not None:
                follow_up = first_follow_up(deadline.latest, cal, policy)
            else:
                follow_up = policy_due(moment.date(), cal, policy)
        except (OverflowError, ValueError):
            follow_up = None  # the end of the calendar (year 9999): no day to follow up on
    explanation = _explain(kind, analysis, deadline, follow_up, weighed)
    if truncated:
        explanation += f" Only the first {MAX_CHARS:,} characters were read."
    if moment is None:
        explanation += " When it was said is not known, so no date could be worked out."
    signals = [rule.id for rules in analysis.fired.values() for rule, _ in rules]
    signals += [rule.id for rule in analysis.neutral]
    if weighed is not None:
        signals.append(f"learned.{kind}" if weighed.how == "guess" else f"learned.{weighed.how}")
    if deadline is not None:
        signals += [f"due.{form}" for form in deadline.forms]
    return Reading(
        kind=kind,
        due=deadline.latest if deadline else None,
        due_range=(deadline.earliest, deadline.latest) if deadline else None,
        due_time=deadline.time if deadline else None,
        follow_up_on=follow_up,
        explanation=explanation,
        signals=tuple(dict.fromkeys(signals)),
        confident=weighed is None and _confident(kind, analysis, deadline),
    )

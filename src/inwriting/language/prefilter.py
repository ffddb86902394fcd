"""Cheap literal gates in front of regular expressions, derived from the patterns themselves.

Python's `re` tries every position of the text for every pattern; most rules cannot match most
statements. `required_literals(pattern)` walks the parsed pattern and returns strings of which
every match must contain at least one (or None when no such set is found), so `gate(text)`
can skip a search with a few substring tests. Correct by construction: a gate never skips a
pattern that could match.

For many patterns read against the same statement, `word_clauses(pattern)` gives sets of
word-like literals that every match holds one of each, and `LiteralIndex.present(text)` finds the
literals a statement holds in one pass; a pattern is then skipped with a few set tests.
`BitIndex` does the same with an int per literal, ORed over the literals a text holds, and
`ClauseIndex` gives each set of literals one bit of it: many patterns' sets are then checked at
once, as the bits of one int.
tests/language/test_reader_gates.py checks that no gate skips a match.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from functools import reduce
from operator import or_
from typing import Any

# The parser behind `re` (re._parser since Python 3.11); private, so it is reached through
# importlib and any failure to use it only means no gate.
_c: Any = importlib.import_module("re._constants")
_p: Any = importlib.import_module("re._parser")

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
if hasattr(_c, "POSSESSIVE_REPEAT"):
    _REPEATS.add(_c.POSSESSIVE_REPEAT)
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}


# Words in almost every statement make a useless gate; a set without them is preferred.
_COMMON = frozenset(
    {
        "the",
        "you",
        "your",
        "with",
        "can",
        "will",
        "this",
        "have",
        "has",
        "get",
        "come",
        "to",
        "and",
        "of",
        "for",
        "in",
        "on",
        "is",
        "we",
        "it",
        "be",
        "our",
        "that",
        "would",
        "could",
        "like",
        "love",
        "going",
        "some",
        "next",
        "back",
        "here",
        "end",
        "make",
        "me",
        "us",
        "are",
        "at",
        "by",
        "do",
        "not",
    }
)


_DIGITS = frozenset("0123456789")
# What a word-like literal is made of (see LiteralIndex).
_WORDLIKE = re.compile(r"[a-z0-9'-]+")


def _score(options: frozenset[str]) -> tuple[bool, bool, int, int]:
    # Word-like literals first: LiteralIndex can look those up (a digit beats a "$").
    wordlike = all(_WORDLIKE.fullmatch(o) for o in options)
    return (wordlike, not (options & _COMMON), min(len(o) for o in options), -len(options))


def _required(items: Any) -> frozenset[str] | None:
    """Literals of which any match of the sequence `items` contains one; None if unknown."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        found: frozenset[str] | None = None
        if op in _ZERO_WIDTH:
            continue
        if op is _c.SUBPATTERN:
            found = _required(av[-1])
        elif op is _c.BRANCH:
            branches = [_required(branch) for branch in av[1]]
            if all(b is not None for b in branches):
                found = frozenset().union(*[b for b in branches if b is not None])
        elif op in _REPEATS and av[0] >= 1:
            found = _required(av[2])
        elif op is _c.IN and list(av) == [(_c.CATEGORY, _c.CATEGORY_DIGIT)]:
            found = _DIGITS  # \d: the match holds one of the ten digits
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset({run}))
    if not candidates:
        return None
    return max(candidates, key=_score)


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which every match of `pattern` contains one, or None if none are known."""
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # a parser detail changed: no gate, never a wrong one
        return None
    found = _required(parsed)
    # One-character literals make a weak gate, except the digits: a statement rarely has one.
    if found is None or min((len(o) for o in found if o not in _DIGITS), default=2) < 2:
        return None
    return found


def gate(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """A test that is false only for texts `pattern` cannot match."""
    options = required_literals(pattern)
    if options is None:
        return lambda text: True
    # An option that contains a shorter one adds nothing: "cancelled" passes wherever "cancel" does.
    kept = [o for o in options if not any(other != o and other in o for other in options)]
    ordered = tuple(sorted(kept, key=len))
    # map() over str.__contains__ runs in C: far cheaper than a generator per test.
    return lambda text: any(map(text.__contains__, ordered))


# Characters a word-like literal is made of. A literal made only of these lies, wherever it
# occurs, inside one maximal run of them, so a text contains it exactly when one of the text's
# runs does: the runs of a text can be looked up once and their literals cached.
_WORD_RUN = re.compile(r"[a-z0-9'-]+")
# Distinct runs remembered across calls; past this many, new runs are still read, not stored.
_CACHE_LIMIT = 200_000


def word_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The literals of `gate(pattern)` when all are word-like (see LiteralIndex), else None."""
    options = required_literals(pattern)
    if options is None or not all(_WORDLIKE.fullmatch(o) for o in options):
        return None
    return frozenset(options)


class LiteralIndex:
    """Which of many word-like literals a lower-case text contains, found in one pass.

    Checking each rule's literals with `in` scans the text once per literal per rule; here the
    text is split into its runs of word characters once, and each distinct run's literals are
    computed once and remembered, so one statement costs a split and a few set unions.
    """

    def __init__(self, literals: frozenset[str]) -> None:
        self._literals = literals
        self._longest = max(map(len, literals), default=0)
        self._cache: dict[str, frozenset[str]] = {}

    def _literals_in(self, run: str) -> frozenset[str]:
        # Every piece of the run no longer than the longest literal, looked up in one set
        # intersection: a few dozen slices, where testing each literal that starts with one of
        # the run's letters took hundreds of substring searches.
        longest = self._longest
        end = len(run)
        pieces = {run[i:j] for i in range(end) for j in range(i + 1, min(end, i + longest) + 1)}
        return frozenset(pieces & self._literals)

    def present(self, text: str) -> set[str]:
        """The literals that occur in `text` (which must be lower case)."""
        found: set[str] = set()
        cache = self._cache
        for run in set(_WORD_RUN.findall(text)):
            hit = cache.get(run)
            if hit is None:
                hit = self._literals_in(run)
                if len(cache) < _CACHE_LIMIT:
                    cache[run] = hit
            if hit:
                found.update(hit)
        return found


class BitIndex:
    """The OR of the ints of the word-like literals a lower-case text holds, found in one pass.

    Each literal stands for some bits (the gates it opens, say); a text's bits are the OR over
    the literals it contains. Like LiteralIndex, each distinct piece of the text is read once and
    remembered, but what it contributes is one int: a statement costs a split and an OR per
    piece, and a gate one AND, where sets of literals cost a set union per piece and a set test
    per gate.

    The pieces are the text split at whitespace, not its runs of word characters: a literal holds
    no whitespace, so it is in the text exactly when it is in one of the pieces, and str.split
    costs a fraction of a regular expression's findall.
    """

    def __init__(self, bits: dict[str, int]) -> None:
        if not all(_WORDLIKE.fullmatch(literal) for literal in bits):
            raise ValueError("a BitIndex takes word-like literals only")
        self._literals = LiteralIndex(frozenset(bits))
        self._bits = bits
        self._cache = _Remembered(self._bits_in)

    def _bits_in(self, piece: str) -> int:
        found = 0
        for literal in self._literals._literals_in(piece):
            found |= self._bits[literal]
        return found

    def found(self, text: str) -> int:
        """The OR of the bits of the literals that occur in `text` (which must be lower case)."""
        # The look-ups and the ORs run in C, with no loop in Python; only a piece never seen
        # before calls back into Python. A piece that repeats is ORed twice, which costs less
        # than removing repeats first.
        return reduce(or_, map(self._cache.__getitem__, text.split()), 0)


class _Remembered(dict[str, int]):
    """Piece -> its bits, each computed on its first look-up and kept (up to _CACHE_LIMIT)."""

    def __init__(self, compute: Callable[[str], int]) -> None:
        super().__init__()
        self._compute = compute
        self._shared: dict[int, int] = {}

    def __missing__(self, piece: str) -> int:
        bits = self._compute(piece)
        if len(self) < _CACHE_LIMIT:
            # Many pieces have the same bits ("friday", "friday,", every number): keeping one int
            # per distinct value, hundreds of bytes each for the reader, bounds a long run's memory
            # by its distinct pieces, not by their bits.
            bits = self._shared.setdefault(bits, bits)
            self[piece] = bits
        return bits


class ClauseIndex(BitIndex):
    """Which of many sets of word-like literals a lower-case text holds a literal of, as bits.

    Bit i of `found(text)` is set when the text holds a literal of `clauses[i]`; a rule that needs
    a literal of each of the sets whose bits are `need` can match only where
    `found & need == need`: each rule costs one AND and one comparison.
    """

    def __init__(self, clauses: Iterable[frozenset[str]]) -> None:
        # One bit per distinct set: rules that share a set share its bit.
        self._position = {clause: i for i, clause in enumerate(dict.fromkeys(clauses))}
        if not all(_WORDLIKE.fullmatch(o) for clause in self._position for o in clause):
            raise ValueError("ClauseIndex takes word-like literals only")
        bits: dict[str, int] = {}
        for clause, i in self._position.items():
            for literal in clause:
                bits[literal] = bits.get(literal, 0) | 1 << i
        super().__init__(bits)

    def need(self, clauses: Iterable[frozenset[str]]) -> int:
        """The bits of `clauses`, each one of the sets this index was made with."""
        need = 0
        for clause in clauses:
            need |= 1 << self._position[clause]
        return need


def word_clauses(pattern: re.Pattern[str], limit: int = 3) -> tuple[frozenset[str], ...] | None:
    """Sets of word-like literals such that every match holds one literal of each set.

    A stronger gate than `word_literals`: "(?:move|go)\\s+with\\s+(?:candidate|person)" needs a
    verb AND a noun. For a sequence the sets of its parts all hold; for alternatives, the k-th
    strongest set of each alternative, joined, holds. At most `limit` sets, strongest first; None
    when no set is known.
    """
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # a parser detail changed: no gate, never a wrong one
        return None
    clauses = _clauses(parsed)
    return tuple(clauses[:limit]) if clauses else None


def _clause_score(clause: frozenset[str]) -> tuple[bool, int, int]:
    return (not (clause & _COMMON), min(len(o) for o in clause), -len(clause))


def _usable(clause: frozenset[str]) -> bool:
    # A one-letter literal is in almost every text (digits aside): such a set gates nothing.
    return all(_WORDLIKE.fullmatch(o) and (len(o) >= 2 or o in _DIGITS) for o in clause)


def _clauses(items: Any) -> list[frozenset[str]]:
    """The word-literal sets every match of the sequence `items` satisfies, strongest first."""
    found: list[frozenset[str]] = []
    run = ""

    def flush() -> None:
        # Every word-like piece of a literal run is in the match.
        for piece in _WORD_RUN.findall(run):
            if len(piece) >= 2:
                found.append(frozenset({piece}))

    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        flush()
        run = ""
        if op is _c.SUBPATTERN:
            found.extend(_clauses(av[-1]))
        elif op is _c.BRANCH:
            branches = [_clauses(branch) for branch in av[1]]
            depth = min(len(b) for b in branches)
            for k in range(depth):
                joined = frozenset().union(*(b[k] for b in branches))
                if _usable(joined):
                    found.append(joined)
        elif op in _REPEATS and av[0] >= 1:
            found.extend(_clauses(av[2]))
        elif op is _c.IN and list(av) == [(_c.CATEGORY, _c.CATEGORY_DIGIT)]:
            found.append(_DIGITS)
    flush()
    unique = {c for c in found if _usable(c)}
    return sorted(unique, key=_clause_score, reverse=True)

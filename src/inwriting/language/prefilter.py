"""Cheap literal gates in front of regular expressions, derived from the patterns themselves.

Python's `re` tries every position of the text for every pattern; most rules cannot match most
statements. `required_literals(pattern)` walks the parsed pattern and returns strings of which
every match must contain at least one (or None when no such set is found), so `gate(text)`
can skip a search with a few substring tests. Correct by construction: a gate never skips a
pattern that could match.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
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


def _score(options: frozenset[str]) -> tuple[bool, int, int]:
    return (not (options & _COMMON), min(len(o) for o in options), -len(options))


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
    if found is None or min(len(o) for o in found) < 2:
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

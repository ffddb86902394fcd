"""The linter's rules: what a rule file says, and loading it into compiled, checked rules.

Rules are data. A rule file is YAML with a `rules:` list (and optionally `documents:`, named kinds
of document that rules can target or skip). The package ships its rules in
`inwriting/language/rules/lint/`; users add folders of their own (config `[lint] rule_dirs`).
Every pattern is compiled once, here, case-insensitively; a broken rule file is a UserError that
names the file and the field, never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal

import yaml

from inwriting.errors import UserError

Level = Literal["suggestion", "warning", "error"]
LEVELS: tuple[Level, ...] = ("suggestion", "warning", "error")
RANK: dict[str, int] = {level: rank for rank, level in enumerate(LEVELS)}

# `pattern`: regular expressions (and swaps) found in the text.
# `promise`: the reader says a sentence is a promise and it lacks a date (or a channel).
# `offer-letter`: a document of kind `offer-letter` lacks a required element.
KINDS = ("pattern", "promise", "offer-letter")
PROMISE_LACKS = ("date", "channel")

_RULE_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)*$")
_FLAGS = re.IGNORECASE | re.MULTILINE


@dataclass(frozen=True)
class Swap:
    """A phrase to find and the wording to use instead."""

    find: re.Pattern[str]
    use: str


@dataclass(frozen=True)
class Rule:
    """One lint rule, compiled and checked."""

    id: str
    level: Level
    message: str
    kind: str = "pattern"
    why: str = ""
    source: str | None = None
    suggestion: str | None = None
    patterns: tuple[re.Pattern[str], ...] = ()
    swaps: tuple[Swap, ...] = ()
    # The rule stays quiet when the sentence around a match also matches one of these.
    unless: tuple[re.Pattern[str], ...] = ()
    # The rule stays quiet in documents of these kinds (e.g. an offer letter may say "your team").
    skip_documents: tuple[str, ...] = ()
    # `promise` rules: cheap prefilter (a sentence reaches the reader only when every one of
    # these patterns matches it),
    # what the promise lacks, and what counts as naming a channel.
    prefilter: tuple[re.Pattern[str], ...] = ()
    lacks: str = "date"
    channel: tuple[re.Pattern[str], ...] = ()
    # `offer-letter` rules: the document kind they apply to and what must appear in it.
    document: str = "offer-letter"
    element: str = ""
    require: tuple[re.Pattern[str], ...] = ()
    origin: str = ""

    @property
    def category(self) -> str:
        """The part of the id before the first dot: a whole family can be disabled at once."""
        return self.id.split(".", 1)[0]


@dataclass(frozen=True)
class RuleSet:
    """All loaded rules, plus the named document kinds that rules refer to."""

    rules: tuple[Rule, ...]
    documents: Mapping[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    # Ids of rules that were loaded and then disabled: still valid names in inline directives.
    disabled: frozenset[str] = frozenset()

    def ids(self) -> set[str]:
        """Every rule id and every category prefix (what `disable` may name), enabled or not."""
        names = {rule.id for rule in self.rules} | set(self.disabled)
        return names | {name.split(".", 1)[0] for name in names}

    def without(self, disabled: Iterable[str]) -> RuleSet:
        """The same rules less those named (by id or by category); unknown names are an error."""
        names = set(disabled)
        unknown = sorted(names - self.ids())
        if unknown:
            raise UserError(
                f"unknown lint rule id(s): {', '.join(unknown)}; "
                "see `inwriting lint --list-rules` for the ids"
            )
        kept = tuple(r for r in self.rules if r.id not in names and r.category not in names)
        dropped = {r.id for r in self.rules} - {r.id for r in kept}
        return RuleSet(kept, self.documents, self.disabled | dropped)


def builtin_rule_files() -> list[Traversable]:
    """The YAML rule files shipped in the package, in name order."""
    folder = resources.files("inwriting") / "language" / "rules" / "lint"
    found = [entry for entry in folder.iterdir() if entry.name.endswith(".yaml")]
    return sorted(found, key=lambda entry: entry.name)


def load_rules(extra_dirs: Sequence[Path] = (), *, builtin: bool = True) -> RuleSet:
    """Load the shipped rules and every `*.yaml`/`*.yml` in `extra_dirs`.

    A user rule with the same id as an earlier one replaces it, so a folder can tune a shipped
    rule's level or wording.
    """
    files: list[Traversable | Path] = [*builtin_rule_files()] if builtin else []
    for folder in extra_dirs:
        folder = folder.expanduser()
        if not folder.is_dir():
            raise UserError(f"lint rule folder {folder} does not exist; fix [lint] rule_dirs")
        files.extend(sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")))
    by_id: dict[str, Rule] = {}
    documents: dict[str, tuple[re.Pattern[str], ...]] = {}
    for path in files:
        file_rules, file_documents = parse_rule_file(path)
        documents.update(file_documents)
        for rule in file_rules:
            by_id.pop(rule.id, None)  # a replaced rule moves to where it was redefined
            by_id[rule.id] = rule
    for rule in by_id.values():
        needed = (rule.document,) if rule.kind == "offer-letter" else ()
        for name in (*needed, *rule.skip_documents):
            if name not in documents:
                raise UserError(
                    f"{rule.origin}: rule {rule.id} names document kind '{name}', "
                    f"which no rule file defines under documents:"
                )
    return RuleSet(tuple(by_id.values()), documents)


def parse_rule_file(
    path: Traversable | Path,
) -> tuple[list[Rule], dict[str, tuple[re.Pattern[str], ...]]]:
    """Read one rule file into rules and document kinds; a mistake is a UserError naming it."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"cannot read lint rule file {path}: {error}") from None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" line {where.line + 1}" if where is not None else ""
        raise UserError(f"{path}{line} is not valid YAML; fix the rule file") from None
    if data is None:
        return [], {}
    if not isinstance(data, dict) or not isinstance(data.get("rules", []), list):
        raise UserError(f"{path}: a lint rule file is a mapping with a `rules:` list")
    documents: dict[str, tuple[re.Pattern[str], ...]] = {}
    for name, patterns in (data.get("documents") or {}).items():
        documents[str(name)] = _patterns(patterns, f"{path}: documents.{name}")
    rules = [_rule(entry, f"{path}: rules[{n}]") for n, entry in enumerate(data.get("rules", []))]
    return rules, documents


def _rule(entry: Any, where: str) -> Rule:
    if not isinstance(entry, dict):
        raise UserError(f"{where} must be a mapping with id, level and message")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not _RULE_ID.match(rule_id):
        raise UserError(f"{where}: id must be lowercase words joined by '-' and '.'")
    where = f"{where} ({rule_id})"
    known = {
        "id", "level", "message", "kind", "why", "source", "suggestion", "patterns", "swaps",
        "unless", "skip_documents", "prefilter", "lacks", "channel", "document", "element",
        "require",
    }  # fmt: skip
    unknown = sorted(set(entry) - known)
    if unknown:
        raise UserError(f"{where}: unknown field(s) {', '.join(unknown)}")
    level = entry.get("level")
    if level not in LEVELS:
        raise UserError(f"{where}: level must be one of {', '.join(LEVELS)}")
    kind = entry.get("kind", "pattern")
    if kind not in KINDS:
        raise UserError(f"{where}: kind must be one of {', '.join(KINDS)}")
    message = _text(entry, "message", where, required=True)
    swaps = tuple(_swap(item, f"{where}: swaps") for item in _list(entry, "swaps", where))
    rule = Rule(
        id=rule_id,
        level=level,
        message=message,
        kind=kind,
        why=_text(entry, "why", where),
        source=_text(entry, "source", where) or None,
        suggestion=_text(entry, "suggestion", where) or None,
        patterns=_patterns(entry.get("patterns"), f"{where}: patterns"),
        swaps=swaps,
        unless=_patterns(entry.get("unless"), f"{where}: unless"),
        skip_documents=tuple(str(name) for name in _list(entry, "skip_documents", where)),
        prefilter=_patterns(entry.get("prefilter"), f"{where}: prefilter"),
        lacks=str(entry.get("lacks", "date")),
        channel=_patterns(entry.get("channel"), f"{where}: channel"),
        document=str(entry.get("document", "offer-letter")),
        element=_text(entry, "element", where),
        require=_patterns(entry.get("require"), f"{where}: require"),
        origin=where,
    )
    if kind == "pattern" and not (rule.patterns or rule.swaps):
        raise UserError(f"{where}: a pattern rule needs patterns or swaps")
    if kind == "promise" and rule.lacks not in PROMISE_LACKS:
        raise UserError(f"{where}: lacks must be one of {', '.join(PROMISE_LACKS)}")
    if kind == "promise" and rule.lacks == "channel" and not rule.channel:
        raise UserError(f"{where}: a promise rule that checks the channel needs channel patterns")
    if kind == "offer-letter" and not (rule.require and rule.element):
        raise UserError(f"{where}: an offer-letter rule needs element and require")
    return rule


def _swap(item: Any, where: str) -> Swap:
    if not isinstance(item, dict) or not {"find", "use"} <= set(item):
        raise UserError(f"{where}: each swap is a mapping with find and use")
    return Swap(find=_compile(str(item["find"]), where), use=str(item["use"]))


def _patterns(value: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise UserError(f"{where} must be a list of regular expressions")
    return tuple(_compile(str(item), where) for item in value)


def flexible_spaces(pattern: str) -> str:
    """A pattern whose plain spaces match any run of white space, line breaks included.

    Emails wrap lines anywhere, so "look forward to working with you" must match across a line
    break. Spaces inside a character class and escaped spaces are left as they are.
    """
    out: list[str] = []
    in_class = False
    escaped = False
    for index, char in enumerate(pattern):
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif in_class:
            out.append(char)
            in_class = char != "]"
        elif char == "[":
            out.append(char)
            in_class = True
        elif char == " ":
            # A quantified space ("work ?station") keeps its quantifier: one white space char.
            quantified = pattern[index + 1 : index + 2] in ("?", "*", "+", "{")
            out.append(r"\s" if quantified else r"\s+")
        else:
            out.append(char)
    return "".join(out)


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(flexible_spaces(pattern), _FLAGS)
    except re.error as error:
        raise UserError(f"{where}: bad regular expression {pattern!r} ({error})") from None


def _text(entry: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = entry.get(key)
    if value is None:
        if required:
            raise UserError(f"{where}: {key} is required")
        return ""
    if not isinstance(value, str):
        raise UserError(f"{where}: {key} must be text")
    return " ".join(value.split())


def _list(entry: dict[str, Any], key: str, where: str) -> list[Any]:
    value = entry.get(key) or []
    if not isinstance(value, list):
        raise UserError(f"{where}: {key} must be a list")
    return value

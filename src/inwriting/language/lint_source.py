"""What the linter reads: a document's text, a masked copy of it, its sentences and directives.

The masked copy has the same length and the same line breaks as the text, with everything that
must not be flagged (quotations, code, HTML comments, quoted reply lines) blanked to spaces. Rules
search the masked copy, so every match offset is also an offset in the original text, and line
and column come straight from it.
"""

from __future__ import annotations

import bisect
import email
import email.policy
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from html.parser import HTMLParser

from inwriting.errors import UserError

FORMATS = ("text", "markdown", "eml")

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_DIRECTIVE = re.compile(
    r"<!--\s*inwriting-(disable-next-line|disable-line|disable|enable)\b(.*?)-->", re.DOTALL
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# An inline code span: a run of backticks, then the shortest text up to the same run.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL)
# Quotations stop at a blank line so that one stray quote mark cannot hide a whole document.
_CURLY_QUOTE = re.compile(r"“(?:[^”\n]|\n(?![ \t]*\n))*?”")
_STRAIGHT_QUOTE = re.compile(r"\"(?:[^\"\n]|\n(?![ \t]*\n))*?\"")
_QUOTED_LINE = re.compile(r"^ {0,3}>.*$", re.MULTILINE)
_BLANKABLE = re.compile(r"[^\n]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
# Where one sentence ends and the next begins: after ., ! or ? (and any closing quote or
# bracket) before white space; at a blank line; before a line that starts a list item, a heading
# or a quoted line.
_BOUNDARY = re.compile(
    r"[.!?]+[\"'”’)\]]*(?=\s)|\n[ \t]*\n\s*|\n(?=[ \t]*(?:[-*+#>]|\d+[.)])[ \t])"
)


@dataclass(frozen=True)
class Directive:
    """An inline `<!-- inwriting-... -->` comment: which rules it turns off or on, and where."""

    action: str  # disable, enable, disable-line, disable-next-line
    rule_ids: tuple[str, ...]  # empty: every rule
    offset: int  # where the comment starts
    end: int  # where it ends
    line: int  # the line it starts on


@dataclass
class Document:
    """One linted document: its text, the masked copy, sentences and inline directives."""

    name: str
    text: str
    masked: str
    directives: list[Directive] = field(default_factory=list)
    # The text with HTML comments blanked (directives are not prose), quotations kept.
    prose: str = ""
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _sentences: list[tuple[int, int]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.prose = self.prose or self.text
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_range(self, line: int) -> tuple[int, int]:
        """Start and end offsets of a 1-based line (the end is past its last character)."""
        if line > len(self._line_starts):
            return len(self.text), len(self.text)
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return start, end

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence of the masked text, in order, trimmed of space."""
        if self._sentences is None:
            self._sentences = list(_split_sentences(self.masked))
        return self._sentences

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence that holds an offset (or the nearest one before it)."""
        spans = self.sentences
        index = bisect.bisect_right(spans, (offset, len(self.masked) + 1)) - 1
        return spans[index] if index >= 0 else (0, 0)


def detect_format(name: str) -> str:
    """The format implied by a file name: Markdown, an email message, or plain text."""
    lowered = name.lower()
    if lowered.endswith((".md", ".markdown", ".mdown", ".mkd")):
        return "markdown"
    if lowered.endswith(".eml"):
        return "eml"
    return "text"


def decode(name: str, data: bytes) -> str:
    """Bytes of a text file as text (UTF-8, a BOM allowed), with line breaks made `\\n`."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(
            f"{name} is not UTF-8 text (byte {error.start}); convert it, e.g. with iconv"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_document(name: str, data: bytes, fmt: str | None = None) -> Document:
    """A Document from a file's bytes; `fmt` defaults to what the name's extension implies."""
    fmt = fmt or detect_format(name)
    if fmt not in FORMATS:
        raise UserError(f"unknown input format '{fmt}'; use one of {', '.join(FORMATS)}")
    text = email_body(name, data) if fmt == "eml" else decode(name, data)
    return make_document(name, text, fmt)


def make_document(name: str, text: str, fmt: str = "text") -> Document:
    """Mask what must not be flagged and gather the inline directives."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    directives = list(_directives(text))
    masked = prose = _blank(text, _COMMENT.finditer(text))
    if fmt == "markdown":
        masked = _blank_fences(masked)
    # Backticks mark literal text in plain-text mail and notes too, so code spans count everywhere.
    if "`" in masked:
        masked = _blank(masked, _CODE_SPAN.finditer(masked))
    if fmt in ("markdown", "eml"):
        masked = _blank(masked, _QUOTED_LINE.finditer(masked))
    masked = _blank(masked, _CURLY_QUOTE.finditer(masked))
    masked = _blank(masked, _STRAIGHT_QUOTE.finditer(masked))
    # One apostrophe for the rules to spell: "you’ll" and "you'll" read alike (same length).
    masked = masked.translate(_APOSTROPHES)
    return Document(name=name, text=text, masked=masked, directives=directives, prose=prose)


def email_body(name: str, data: bytes) -> str:
    """The text an email says: its plain-text body, or its HTML body reduced to text.

    Lines are counted in this decoded body (line 1 is the body's first line), not in the raw
    message with its headers and transfer encoding.
    """
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise UserError(f"{name} does not look like an email message (no headers)")
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    try:
        content = body.get_content()
    except (LookupError, ValueError) as error:
        raise UserError(f"{name}: cannot decode the email body ({error})") from None
    if not isinstance(content, str):
        return ""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    if body.get_content_subtype() == "html":
        return html_to_text(content)
    return content


class _TextOfHtml(HTMLParser):
    _BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML body: tags dropped, block elements on their own lines."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def _directives(text: str) -> Iterator[Directive]:
    line = 1
    last = 0
    for match in _DIRECTIVE.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        ids = tuple(part for part in re.split(r"[\s,]+", match.group(2)) if part)
        yield Directive(match.group(1), ids, match.start(), match.end(), line)


def _blank(text: str, matches: Iterator[re.Match[str]]) -> str:
    pieces: list[str] = []
    last = 0
    for match in matches:
        pieces.append(text[last : match.start()])
        pieces.append(_BLANKABLE.sub(" ", match.group(0)))
        last = match.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _blank_fences(text: str) -> str:
    """Blank fenced code blocks (``` or ~~~); an unclosed fence runs to the end, as in Markdown."""
    if "```" not in text and "~~~" not in text:
        return text
    lines = text.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = match.group(1)
                lines[index] = " " * len(line)
        else:
            lines[index] = " " * len(line)
            # A closing fence is the same character, at least as long, and nothing else.
            if (
                match is not None
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
                and not line.strip().strip(fence[0])
            ):
                fence = None
    return "\n".join(lines)


def _split_sentences(masked: str) -> Iterator[tuple[int, int]]:
    start = 0
    for boundary in _BOUNDARY.finditer(masked):
        end = boundary.end()
        span = _trim(masked, start, end)
        if span:
            yield span
        start = end
    span = _trim(masked, start, len(masked))
    if span:
        yield span


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None

"""Text out of a message body: HTML to plain text, and only the new part of a reply."""

from __future__ import annotations

import re
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import Tag

# Reply headers are recognised in these languages ("On … wrote:", "Le … a écrit :", "Am …
# schrieb …"); English is always included.
REPLY_LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "sv", "da", "pl", "cs", "ja", "zh", "ko"]
# What of a body is searched for the reply it quotes: the header regexes cost time in proportion,
# and what an employer writes anew fits well within it (the reader reads 4,000 characters).
REPLY_SCAN_CHARS = 8000
_BLOCKS = {
    "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
    "section", "article", "header", "footer", "hr", "pre",
}  # fmt: skip
# Quoted history in HTML mail: Gmail, Outlook, Apple Mail and Thunderbird mark it like this.
_QUOTE_SELECTORS = "blockquote, .gmail_quote, #divRplyFwdMsg, #appendonsend, .moz-cite-prefix"
_BLANKS = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")


_TAG = re.compile(r"<[^>]*>")


def html_to_text(markup: str) -> str:
    """Readable text from an HTML body: blocks on their own lines, no scripts, no quoted history."""
    try:
        return _html_to_text(markup)
    except Exception:  # a markup the parser chokes on still gives its words
        return _BLANKS.sub("\n\n", _TAG.sub(" ", markup)).strip()


def _html_to_text(markup: str) -> str:
    soup = BeautifulSoup(markup, "html.parser")
    for element in soup(["script", "style", "head", "title"]):
        element.decompose()
    # In HTML a line break in the source is a space; only tags make lines.
    for string in list(soup.find_all(string=True)):
        if "\n" in string and string.parent is not None and string.parent.name != "pre":
            string.replace_with(_SPACES.sub(" ", string.replace("\n", " ")))
    for element in soup.select(_QUOTE_SELECTORS):
        if element.decomposed:  # inside a quote already removed
            continue
        if element.get("id") == "divRplyFwdMsg":
            # Outlook puts the quoted message after this header, as siblings: drop them too.
            for sibling in list(element.find_next_siblings()):
                sibling.decompose()
        element.decompose()
    for element in soup.find_all(True):
        if isinstance(element, Tag) and element.name == "br":
            element.replace_with("\n")
        elif isinstance(element, Tag) and element.name in _BLOCKS:
            element.insert_after("\n")
    text = soup.get_text()
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def strip_reply(body: str) -> str:
    """Only what a message adds: the quoted reply it answers and its signature are removed.

    The reply headers and signatures are found by mail-parser-reply, which knows many languages'
    "On … wrote:" lines. It backtracks badly on long runs of blank lines (40 KB of them took 18 s),
    so blank runs are collapsed and the text capped (REPLY_SCAN_CHARS) before it sees them; `>`
    quoted lines it leaves behind are dropped here.
    """
    text = "\n".join(
        _SPACES.sub(" ", line).strip() for line in body[: REPLY_SCAN_CHARS * 2].splitlines()
    )
    text = _BLANKS.sub("\n\n", text)[:REPLY_SCAN_CHARS]
    try:
        replies = _reply_parser(text).read().replies
        if replies:
            text = replies[0].body or replies[0].content or ""
    except Exception:  # a parser failure leaves the whole text, never loses the message
        pass
    kept = [line for line in text.splitlines() if not line.startswith(">")]
    return _BLANKS.sub("\n\n", unwrap("\n".join(kept))).strip()


_PATTERNS: dict[str, object] = {}


def _reply_parser(text: str) -> Any:
    """mail-parser-reply's message, with its regexes compiled once per process, not per message
    (building them was a third of an import's time)."""
    from mailparser_reply import EmailMessage

    if not _PATTERNS:
        probe = EmailMessage(text="", languages=list(REPLY_LANGUAGES), keep_hyphen_lists=True)
        _PATTERNS.update(
            _header_regex=probe.HEADER_REGEX,
            _signature_regex=probe.SIGNATURE_REGEX,
            _disclaimers_regex=probe.DISCLAIMERS_REGEX,
        )
    return EmailMessage(
        text=text, languages=list(REPLY_LANGUAGES), keep_hyphen_lists=True, **_PATTERNS
    )


def unwrap(text: str) -> str:
    """Join lines that plain-text mail hard-wrapped at ~72 columns, so a sentence is one line
    again (the reader and the quoted sentence need whole sentences)."""
    out: list[str] = []
    for line in text.split("\n"):
        previous = out[-1] if out else ""
        if (
            len(previous) >= 50
            and line
            and not previous.endswith((".", "!", "?", ":"))
            and not line.startswith(("-", "*", "•"))
        ):
            out[-1] = f"{previous} {line}"
        else:
            out.append(line)
    return "\n".join(out)

"""Where messages come from on disk: .eml files, mbox files, Maildir folders. Read-only.

Each source yields `RawMessage`s one at a time, so memory holds one message, never a mailbox.
The mbox reader is our own rather than `mailbox.mbox`: the stdlib opens the file for writing when
it can and scans it twice, and splits on any line starting with "From ", which bodies contain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from inwriting.errors import UserError
from inwriting.ingest.mail.parse import MAX_MESSAGE_BYTES

# "From sender Mon Nov 16 10:00:00 2026": the envelope line of mboxo/mboxrd/mboxcl files.
_FROM_LINE = re.compile(rb"^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ")
_ENVELOPE_DATE = re.compile(rb"((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) .*\d{4})")


@dataclass
class RawMessage:
    """One message's bytes and where it came from; `error` is set when it could not be read."""

    raw: bytes
    origin: str  # "inbox.mbox #12", "cur/1699999.M1.host:2,S"
    fallback_date: datetime | None = None
    error: str | None = None
    folder_sent: bool = False  # found in a Sent folder: the user's own mail


def is_mbox(path: Path) -> bool:
    """Whether a file starts like an mbox (an envelope "From " line)."""
    with path.open("rb") as handle:
        return bool(_FROM_LINE.match(handle.readline(4096)))


def is_maildir(path: Path) -> bool:
    return path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir()


def messages(path: Path) -> Iterator[RawMessage]:
    """Every message in PATH: a .eml file, an mbox file, or a Maildir (with its subfolders)."""
    if not path.exists():
        raise UserError(f"{path} does not exist; give .eml files, mbox files or Maildir folders")
    if path.is_dir():
        if is_maildir(path):
            yield from maildir_messages(path)
            return
        found = False
        for child in sorted(path.rglob("*")):
            if child.is_file() and (child.suffix.lower() == ".eml" or is_mbox(child)):
                found = True
                yield from messages(child)
        if not found:
            raise UserError(f"{path} holds no Maildir (cur/ and new/), .eml or mbox files")
        return
    if is_mbox(path):
        yield from mbox_messages(path)
    else:
        yield from eml_message(path)


def eml_message(path: Path) -> Iterator[RawMessage]:
    size = path.stat().st_size
    if size > MAX_MESSAGE_BYTES:
        yield RawMessage(b"", path.name, error=f"too large: {size // (1024 * 1024)} MB")
        return
    # No fallback date: a file's mtime says when it was saved, not when the mail was sent.
    yield RawMessage(path.read_bytes(), path.name)


def maildir_messages(root: Path) -> Iterator[RawMessage]:
    """Messages of a Maildir and its Maildir++ subfolders (".Sent", ".Archive"…)."""
    folders = [root] + sorted(p for p in root.iterdir() if p.name.startswith(".") and is_maildir(p))
    for folder in folders:
        sent = "sent" in folder.name.lower()
        for sub in ("cur", "new"):
            for file in sorted((folder / sub).iterdir()):
                if not file.is_file():
                    continue
                for message in eml_message(file):
                    message.origin = f"{folder.name}/{sub}/{file.name}"
                    message.folder_sent = sent
                    message.fallback_date = _delivered(file.name)
                    yield message


def mbox_messages(path: Path) -> Iterator[RawMessage]:
    """Stream an mbox file message by message, reading it line by line.

    A message grows until the next envelope line; one that passes MAX_MESSAGE_BYTES stops being
    kept (its report line says so), so memory stays at one message whatever the file's size. The
    last message of a file that does not end in a newline was cut off mid-write.
    """
    sent = "sent" in path.name.lower()
    index = 0
    chunks: list[bytes] = []
    size = 0
    envelope_date: datetime | None = None
    too_large = False
    last_line = b""

    def finish(truncated: bool) -> RawMessage:
        origin = f"{path.name} #{index}"
        if too_large:
            return RawMessage(b"", origin, error=f"too large: over {size // (1024 * 1024)} MB")
        raw = b"".join(chunks)
        if raw.endswith(b"\n\n"):
            raw = raw[:-1]  # the blank line before the next envelope belongs to the mbox
        message = RawMessage(raw, origin, fallback_date=envelope_date, folder_sent=sent)
        if truncated:
            message.error = "cut off: the mbox file ends in the middle of this message"
        return message

    with path.open("rb") as handle:
        for line in handle:
            last_line = line
            if _FROM_LINE.match(line):
                if index:
                    yield finish(False)
                index += 1
                chunks, size, too_large = [], 0, False
                envelope_date = _envelope_date(line)
                continue
            if not index:
                continue  # junk before the first envelope line
            size += len(line)
            if size > MAX_MESSAGE_BYTES:
                too_large, chunks = True, []
            elif not too_large:
                # mboxrd escapes body lines starting "From " as ">From "; undo one level.
                if line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
                    line = line[1:]
                chunks.append(line)
    if index:
        yield finish(not last_line.endswith(b"\n"))


def _envelope_date(line: bytes) -> datetime | None:
    found = _ENVELOPE_DATE.search(line)
    if not found:
        return None
    text = found.group(1).decode("ascii", "replace").strip()
    for pattern in ("%a %b %d %H:%M:%S %Y", "%a %b %d %H:%M:%S %z %Y"):
        try:
            value = datetime.strptime(" ".join(text.split()), pattern)
        except ValueError:
            continue
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return None


def _delivered(name: str) -> datetime | None:
    """A Maildir file name starts with the Unix time it was delivered."""
    head = name.split(".", 1)[0]
    if not head.isdigit():
        return None
    try:
        return datetime.fromtimestamp(int(head), UTC)
    except (OverflowError, OSError, ValueError):
        return None

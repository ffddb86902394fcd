"""Turn the raw bytes of one email into what `inwriting` needs: who, when, thread ids, the new text.

Mail in the wild is broken in every way the RFCs allow and many they do not: wrong or missing
charsets, raw 8-bit headers, bad base64, MIME parts that never close. The stdlib parser in its
`compat32` policy never refuses a message, so parsing starts there and each field is repaired on
its own; a message is refused (`BadMessage`, with the reason a user can read) only when it cannot
be used at all: cut off, no date anywhere, not an email, or too large.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.errors import CloseBoundaryNotFoundDefect, StartBoundaryNotFoundDefect
from email.header import decode_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

# A message larger than this is refused without parsing (the report says so); anything this big
# is an archive of attachments, not a letter from an employer.
MAX_MESSAGE_BYTES = 80 * 1024 * 1024
# A PDF up to this size is kept in the database (an offer letter); larger ones only as metadata.
KEEP_PDF_BYTES = 10 * 1024 * 1024
# What is read and kept of a body: employers do not put decisions after the first pages.
MAX_TEXT_CHARS = 20_000
PDF_TEXT_PAGES = 20

_MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(.*(?:\r?\n[ \t]+.*)*)", re.IGNORECASE | re.MULTILINE)
_HEADER_END = re.compile(rb"\r?\n\r?\n")
# Raw 8-bit bytes in a header, as the parser hands them over (surrogate escapes).
_SURROGATES = re.compile("[\udc80-\udcff]")
_IDS = re.compile(r"<([^<>\s]+)>")
_CUT_OFF = (CloseBoundaryNotFoundDefect, StartBoundaryNotFoundDefect)
_SINGLE_BYTE_LATIN = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1"}


class BadMessage(Exception):
    """A message that cannot be used; str(error) is the reason shown in the import report."""


@dataclass
class Attachment:
    """An attachment: always its metadata; a PDF's bytes and text when it is small enough."""

    filename: str | None
    content_type: str
    size: int
    sha256: str
    content: bytes | None = None
    text: str | None = None

    @property
    def is_pdf(self) -> bool:
        return self.content_type == "application/pdf" or (
            self.filename is not None and self.filename.lower().endswith(".pdf")
        )


@dataclass
class ParsedMail:
    """One message, decoded and repaired."""

    message_id: str | None
    content_hash: str
    subject: str
    sender: str | None  # address, lower case
    sender_name: str
    reply_to: list[str]
    recipients: list[str]
    sent_at: datetime  # aware, UTC
    sent_local: datetime  # aware, in the sender's own offset (the reader wants local time)
    in_reply_to: str | None
    references: list[str]
    body: str  # the whole text, quotes included
    text: str  # only what this message adds: no quoted reply, no signature
    attachments: list[Attachment] = field(default_factory=list)
    bulk: bool = False  # a mailing list, newsletter or bulk sender

    @property
    def thread_ids(self) -> list[str]:
        """Every message id this message is part of a thread with, its own first."""
        ids = [self.message_id] if self.message_id else []
        for other in [self.in_reply_to, *self.references]:
            if other and other not in ids:
                ids.append(other)
        return ids


def message_key(message_id: str | None, content_hash: str) -> str:
    """The identity a message is remembered by: its Message-ID, or its content when it has none."""
    basis = f"mid:{message_id}" if message_id else f"body:{content_hash}"
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()


def identify(raw: bytes) -> tuple[str | None, str]:
    """(Message-ID, content hash) from the raw bytes, without parsing MIME.

    Cheap on purpose: re-importing a mailbox looks every message up by this before parsing it.
    The content hash ignores line endings and the headers that mail stores add (Status,
    X-Mozilla-Status…), so the same message from an mbox and from IMAP hashes the same.
    """
    end = _HEADER_END.search(raw)
    head = raw[: end.start()] if end else raw
    body = raw[end.end() :] if end else b""
    found = _MESSAGE_ID.search(head)
    message_id = None
    if found:
        value = found.group(1).decode("ascii", "replace")
        message_id = normalise_id(value)
    digest = hashlib.sha256()
    for name in (b"from", b"date", b"subject", b"to"):
        match = re.search(rb"^" + name + rb":[ \t]*(.*)", head, re.IGNORECASE | re.MULTILINE)
        digest.update(match.group(1).strip() if match else b"")
        digest.update(b"\0")
    digest.update(body.replace(b"\r\n", b"\n").rstrip())
    return message_id, digest.hexdigest()


def normalise_id(value: str) -> str | None:
    """A Message-ID without angle brackets or folding; None when there is nothing usable."""
    found = _IDS.search(value)
    text = found.group(1) if found else value.strip().strip("<>").strip()
    text = "".join(text.split())
    return text[:900] or None


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Text from bytes in a declared charset that may be wrong, unknown or missing.

    ISO-8859-1 and ASCII labels are read as windows-1252 (as browsers do): mail clients label
    cp1252 text that way. When the label fails, UTF-8 is tried, then charset-normalizer's guess
    (windows-1252 for short texts, where guesses are poor), then Latin-1, which never fails.
    """
    label = (charset or "").strip().strip('"').lower()
    candidates: list[str] = []
    if label in _SINGLE_BYTE_LATIN:
        candidates = ["utf-8", "cp1252"] if label in {"us-ascii", "ascii"} else ["cp1252"]
    elif label:
        candidates = [label]
    candidates.append("utf-8")
    for name in candidates:
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    if len(data) < 200:  # too little for a detector to judge: windows-1252 is the likeliest
        return data.decode("cp1252", "replace")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
        if best is not None:
            return data.decode(best.encoding, "replace")
    except Exception:  # a detector failure must not lose the message
        pass
    return data.decode("latin-1")


def _header(message: Message, name: str) -> str:
    """A header's text: encoded words decoded, raw 8-bit bytes repaired, folding removed."""
    # The raw value, not message.get(): compat32 turns raw 8-bit bytes into U+FFFD there.
    wanted = name.lower()
    value = next((v for k, v in message.raw_items() if k.lower() == wanted), None)
    if value is None:
        return ""
    text = str(value)
    if _SURROGATES.search(text):  # raw 8-bit bytes in the header
        text = decode_bytes(text.encode("ascii", "surrogateescape"), None)
    try:
        parts = decode_header(text)
    except Exception:
        parts = [(text, None)]
    out = []
    for chunk, charset in parts:
        out.append(decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk)
    return " ".join("".join(out).split())


def _addresses(message: Message, name: str) -> list[tuple[str, str]]:
    value = _header(message, name)
    if not value:
        return []
    try:
        pairs = getaddresses([value])
    except Exception:
        return []
    return [(name.strip(), address.strip().lower()) for name, address in pairs if "@" in address]


def _date(message: Message, fallback: datetime | None) -> datetime:
    candidates = [_header(message, "Date")]
    # The first Received header was added by the server that delivered it: a good stand-in.
    try:
        received = message.get_all("Received") or []
    except Exception:
        received = []
    candidates += [str(value).rsplit(";", 1)[-1] for value in received[:1] if ";" in str(value)]
    for text in candidates:
        if not text.strip():
            continue
        try:
            value = parsedate_to_datetime(text.strip())
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
        if value is None or not 1970 <= value.year <= 2200:
            continue
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value
    if fallback is not None:
        return fallback
    raise BadMessage("no date: it has no Date or Received header and its mailbox gives no time")


def _cut_off(message: Message) -> bool:
    for part in message.walk():
        if any(isinstance(defect, _CUT_OFF) for defect in getattr(part, "defects", [])):
            return True
    return False


def parse(raw: bytes, *, fallback_date: datetime | None = None) -> ParsedMail:
    """Parse one message. Raises BadMessage (with the reason) for a message that cannot be used;
    any other failure inside is repaired or ignored field by field."""
    if len(raw) > MAX_MESSAGE_BYTES:
        raise BadMessage(
            f"too large: {len(raw) // (1024 * 1024)} MB (the limit is "
            f"{MAX_MESSAGE_BYTES // (1024 * 1024)} MB)"
        )
    message_id, content_hash = identify(raw)
    try:
        message = message_from_bytes(raw, policy=policy.compat32)
    except Exception as error:  # compat32 is lenient; this is a last line of defence
        raise BadMessage(f"unreadable MIME ({type(error).__name__})") from None
    if not any(_header(message, name) for name in ("From", "Date", "Subject", "Message-ID")):
        raise BadMessage("not an email: it has no From, Date, Subject or Message-ID header")
    if _cut_off(message):
        raise BadMessage("cut off: its MIME parts never close (a truncated file or transfer?)")
    senders = _addresses(message, "From") or _addresses(message, "Sender")
    sender_name, sender = senders[0] if senders else ("", None)
    recipients = [a for _, a in _addresses(message, "To") + _addresses(message, "Cc")]
    reply_header = _header(message, "In-Reply-To")
    in_reply_to = normalise_id(reply_header) if reply_header else None
    references = [
        normalised
        for found in _IDS.findall(_header(message, "References"))
        if (normalised := normalise_id(found))
    ]
    sent = _date(message, fallback_date)
    try:
        body, attachments = _content(message)
    except RecursionError:
        raise BadMessage("unreadable MIME: parts nested too deeply") from None
    precedence = _header(message, "Precedence").lower()
    bulk = bool(_header(message, "List-Unsubscribe") or _header(message, "List-Id")) or (
        precedence in {"bulk", "list", "junk"}
    )
    return ParsedMail(
        message_id=message_id,
        content_hash=content_hash,
        subject=_header(message, "Subject")[:1000],
        sender=sender[:320] if sender else None,
        sender_name=sender_name[:200],
        reply_to=[a for _, a in _addresses(message, "Reply-To")],
        recipients=recipients[:50],
        sent_at=sent.astimezone(UTC),
        sent_local=sent,
        in_reply_to=in_reply_to,
        references=references[-50:],
        body=body,
        text=new_text(body),
        attachments=attachments,
        bulk=bulk,
    )


def _content(message: Message) -> tuple[str, list[Attachment]]:
    plain: list[str] = []
    html: list[str] = []
    attachments: list[Attachment] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        content_type = (part.get_content_type() or "text/plain").lower()
        disposition = _header(part, "Content-Disposition").lower()
        try:
            filename = part.get_filename()
        except Exception:
            filename = None
        if filename is not None:
            filename = _header_text(filename)[:500]
        try:
            payload = part.get_payload(decode=True)
        except Exception:
            payload = None
        if not isinstance(payload, bytes):
            payload = b""
        is_attachment = disposition.startswith("attachment") or (
            filename is not None and not content_type.startswith("text/")
        )
        if not is_attachment and content_type == "text/plain":
            plain.append(decode_bytes(payload, part.get_content_charset()))
        elif not is_attachment and content_type == "text/html":
            html.append(decode_bytes(payload, part.get_content_charset()))
        elif is_attachment or not content_type.startswith(("text/", "message/")):
            attachments.append(_attachment(filename, content_type, payload))
    if any(text.strip() for text in plain):
        body = "\n\n".join(plain)
    else:
        from inwriting.ingest.mail.text import html_to_text

        body = "\n\n".join(html_to_text(markup) for markup in html)
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    return body[: MAX_TEXT_CHARS * 5], attachments


def _header_text(value: str) -> str:
    if _SURROGATES.search(value):
        return decode_bytes(value.encode("ascii", "surrogateescape"), None)
    return value


def _attachment(filename: str | None, content_type: str, payload: bytes) -> Attachment:
    attachment = Attachment(
        filename=filename,
        content_type=content_type,
        size=len(payload),
        sha256=hashlib.sha256(payload).hexdigest(),
    )
    if (attachment.is_pdf or payload.startswith(b"%PDF")) and len(payload) <= KEEP_PDF_BYTES:
        attachment.content_type = "application/pdf"
        attachment.content = payload
        attachment.text = pdf_text(payload)
    return attachment


def pdf_text(data: bytes) -> str | None:
    """The text of a PDF's first pages, or None when it has none or cannot be read."""
    try:
        from io import BytesIO

        from pypdf import PdfReader

        reader = PdfReader(BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages[:PDF_TEXT_PAGES]]
    except Exception:  # a broken PDF is still kept; only its text is missing
        return None
    text = "\n".join(pages).strip()
    return text[:MAX_TEXT_CHARS] or None


def new_text(body: str) -> str:
    """What this message adds, without quoted replies or signature (see ingest.mail.text)."""
    from inwriting.ingest.mail.text import strip_reply

    return strip_reply(body)

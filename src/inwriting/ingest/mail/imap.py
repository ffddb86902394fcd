"""A read-only IMAP client: folders are opened with EXAMINE, bodies fetched with BODY.PEEK[].

Nothing is ever written to the server: no flags set, nothing moved or deleted. The password is
passed in, used for LOGIN and not kept on the object or shown in any message.
"""

from __future__ import annotations

import contextlib
import imaplib
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from inwriting.errors import UserError

SECURITY = ("ssl", "starttls", "none")
# What a dropped or broken connection raises inside imaplib.
CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    imaplib.IMAP4.abort,
    OSError,
    EOFError,
    socket.timeout,
)
_UID = re.compile(rb"UID (\d+)")
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")
_INTERNALDATE = re.compile(rb'INTERNALDATE "([^"]+)"')


@dataclass
class Fetched:
    """One message as the server gave it."""

    uid: int
    raw: bytes
    internal_date: datetime | None


class ConnectionLost(Exception):
    """The server went away mid-sync; what was committed stays, the next sync resumes."""


def _quote(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


class ImapMailbox:
    """One logged-in, read-only IMAP connection."""

    def __init__(
        self,
        host: str,
        port: int,
        user: str,
        password: str,
        *,
        security: str = "ssl",
        timeout: float = 60.0,
    ) -> None:
        if security not in SECURITY:
            raise UserError(f"--security must be one of {', '.join(SECURITY)}")
        try:
            if security == "ssl":
                self._conn: imaplib.IMAP4 = imaplib.IMAP4_SSL(host, port, timeout=timeout)
            else:
                self._conn = imaplib.IMAP4(host, port, timeout=timeout)
                if security == "starttls":
                    self._conn.starttls()
        except (OSError, imaplib.IMAP4.error) as error:
            raise UserError(f"cannot reach the IMAP server {host}:{port} ({error})") from None
        try:
            self._conn.login(user, password)
        except imaplib.IMAP4.error as error:
            self.close()
            detail = str(error).strip("b'\"")
            raise UserError(
                f"the IMAP server refused the login for {user} ({detail}); check the user name "
                "and the password in your keyring"
            ) from None

    def examine(self, folder: str) -> int:
        """Open a folder read-only; returns its UIDVALIDITY."""
        status, data = self._conn.select(_quote(folder), readonly=True)
        if status != "OK":
            detail = data[0].decode("utf-8", "replace") if data and data[0] else ""
            raise UserError(f"cannot open the IMAP folder '{folder}' ({detail})")
        _, values = self._conn.response("UIDVALIDITY")
        try:
            return int(values[0]) if values and values[0] else 0
        except (TypeError, ValueError):
            return 0

    def uids_after(self, last_uid: int) -> list[int]:
        """The UIDs in the open folder above `last_uid`, ascending."""
        status, data = self._conn.uid("SEARCH", f"UID {last_uid + 1}:*")
        if status != "OK" or not data or not data[0]:
            return []
        # "N:*" always includes the highest UID, even one at or below N: filter it out.
        return sorted(u for u in (int(x) for x in data[0].split()) if u > last_uid)

    def sizes(self, uids: list[int]) -> dict[int, int]:
        """RFC822.SIZE of each message, fetched before the bodies so big ones can be skipped."""
        status, data = self._conn.uid("FETCH", ",".join(map(str, uids)), "(RFC822.SIZE)")
        found: dict[int, int] = {}
        for item in data or []:
            line = item[0] if isinstance(item, tuple) else item
            if not isinstance(line, bytes):
                continue
            uid, size = _UID.search(line), _SIZE.search(line)
            if uid and size:
                found[int(uid.group(1))] = int(size.group(1))
        return found

    def fetch(self, uids: list[int]) -> Iterator[Fetched]:
        """The messages' bytes, without setting \\Seen (BODY.PEEK)."""
        status, data = self._conn.uid(
            "FETCH", ",".join(map(str, uids)), "(UID INTERNALDATE BODY.PEEK[])"
        )
        if status != "OK":
            raise ConnectionLost(f"the server would not send messages ({status})")
        for item in data or []:
            if not isinstance(item, tuple) or len(item) < 2:
                continue
            head, raw = item[0], item[1]
            uid = _UID.search(head)
            if uid is None or not isinstance(raw, bytes):
                continue
            yield Fetched(int(uid.group(1)), raw, _internal_date(head))

    def close(self) -> None:
        """Log out; a connection that is already gone is fine."""
        # Closing a dead connection must not hide the error that killed it.
        with contextlib.suppress(Exception):
            self._conn.logout()


def _internal_date(head: bytes) -> datetime | None:
    found = _INTERNALDATE.search(head)
    if not found:
        return None
    try:
        return datetime.strptime(found.group(1).decode().strip(), "%d-%b-%Y %H:%M:%S %z")
    except ValueError:
        return None

"""Syncing a real IMAP mailbox (Dovecot on loopback): read-only, incremental, resumable after a
dropped connection, and the password never printed or stored."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from mailworld import ME, MESSAGES
from sqlalchemy import func, select

from inwriting.ingest.mail.imap import ImapMailbox
from inwriting.services import inbox as service
from inwriting.store.mail_models import ImapSyncState, MailMessage
from inwriting.store.repository import open_repository

pytestmark = pytest.mark.imap

LOAD = [
    ("INBOX", "05-initech-promise.eml"),
    ("INBOX", "04-acme-rejection.eml"),
    ("INBOX", "13-globex-greenhouse-new.eml"),
    ("INBOX", "20-newsletter-jobboard.eml"),
    ("Sent", "23-sent-followup.eml"),
]


def _load(dovecot: Any) -> None:
    for folder, name in LOAD:
        dovecot.append(folder, (MESSAGES / name).read_bytes())


def _sync(cli: Callable[..., Any], dovecot: Any, *extra: str) -> Any:
    return cli(
        "sync", "imap", "--host", dovecot.host, "--port", str(dovecot.port), "--user", dovecot.user,
        "--security", "none", "--folder", "INBOX", "--folder", "Sent", *extra,
        input=dovecot.password + "\n",
    )  # fmt: skip


def _messages() -> int:
    with open_repository() as repo:
        return repo.session.scalar(select(func.count()).select_from(MailMessage)) or 0


def test_sync_reads_the_chosen_folders_and_remembers_where_it_stopped(
    world: dict[str, int], dovecot: Any, cli: Callable[..., Any], home: Path
) -> None:
    _load(dovecot)
    result = _sync(cli, dovecot, "--password-stdin", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["read"], report["added"]) == (5, 5)
    assert report["folders"] == {"INBOX": 4, "Sent": 1}
    assert dovecot.password not in result.output
    inbox = json.loads(cli("inbox", "--json").output)
    actions = sorted((r["action"], r["company"]) for r in inbox)
    assert ("follow_up_sent", "Initech") in actions  # the Sent folder is the user's own mail
    assert ("new_application", "Globex Corporation") in actions
    with open_repository() as repo:
        states = {s.folder: s for s in repo.session.scalars(select(ImapSyncState))}
        assert states["INBOX"].last_uid == 4 and states["INBOX"].uidvalidity > 0
        assert states["INBOX"].account == f"{ME}@127.0.0.1:{dovecot.port}"
    # Only what is new is fetched next time.
    dovecot.append("INBOX", (MESSAGES / "06-initech-stall.eml").read_bytes())
    again = json.loads(_sync(cli, dovecot, "--password-stdin", "--json").output)
    assert (again["read"], again["added"]) == (1, 1)


def test_the_mailbox_is_opened_read_only(
    world: dict[str, int], dovecot: Any, cli: Callable[..., Any]
) -> None:
    _load(dovecot)
    assert _sync(cli, dovecot, "--password-stdin").exit_code == 0
    conn: Any = dovecot.connect()
    conn.select("INBOX", readonly=True)
    _, flags = conn.fetch("1:*", "(FLAGS)")
    conn.logout()
    assert flags and all(b"\\Seen" not in line for line in flags)


def test_the_password_comes_from_the_keyring_and_is_never_stored(
    world: dict[str, int], dovecot: Any, cli: Callable[..., Any], home: Path
) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class TestKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        store = {("inwriting-imap", f"{dovecot.user}@{dovecot.host}"): dovecot.password}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            raise AssertionError("inwriting must never write to the keyring")

        def delete_password(self, service: str, username: str) -> None:
            raise AssertionError("inwriting must never write to the keyring")

    previous = keyring.get_keyring()
    keyring.set_keyring(TestKeyring())
    try:
        _load(dovecot)
        result = _sync(cli, dovecot)  # no --password-stdin: the keyring answers
    finally:
        keyring.set_keyring(previous)
    assert result.exit_code == 0, result.output
    assert "5 messages read" in result.output
    assert dovecot.password not in result.output
    database = home / "inwriting.db"
    if database.exists():  # SQLite: not a byte of the password anywhere in the file
        for path in home.glob("inwriting.db*"):
            assert dovecot.password.encode() not in path.read_bytes()


def test_a_wrong_password_is_one_line_and_not_echoed(
    world: dict[str, int], dovecot: Any, cli: Callable[..., Any]
) -> None:
    result = cli(
        "sync", "imap", "--host", dovecot.host, "--port", str(dovecot.port), "--user",
        dovecot.user, "--security", "none", "--password-stdin", input="hunter2-wrong\n",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "refused the login" in result.output
    assert "hunter2-wrong" not in result.output


class CuttingProxy:
    """A TCP relay to the server that drops the connection after `limit` bytes from the server:
    a server that goes away mid-fetch, at a byte count the test chooses."""

    def __init__(self, port: int, limit: int) -> None:
        self.target = port
        self.limit = limit
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self._pump, args=(client, server, None), daemon=True).start()
            threading.Thread(
                target=self._pump, args=(server, client, self.limit), daemon=True
            ).start()

    def _pump(self, source: socket.socket, sink: socket.socket, limit: int | None) -> None:
        sent = 0
        try:
            while True:
                data = source.recv(4096)
                if not data:
                    break
                if limit is not None and sent + len(data) > limit:
                    sink.sendall(data[: limit - sent])
                    break
                sink.sendall(data)
                sent += len(data)
        except OSError:
            pass
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def padded(dovecot: Any) -> Iterator[int]:
    """Ten 20 KB messages in INBOX, so the byte count tells where in the fetch a cut falls."""
    template = (MESSAGES / "05-initech-promise.eml").read_bytes()
    for number in range(10):
        raw = template.replace(b"initech-js-0017", f"pad-{number}".encode()).replace(
            b"Jane Smith\nHead of Data", b"Jane\n\n" + b"padding line\n" * 1600
        )
        dovecot.append("INBOX", raw)
    yield 10


def test_a_sync_cut_off_mid_fetch_resumes_without_duplicates(
    world: dict[str, int], dovecot: Any, padded: int, now: datetime
) -> None:
    proxy = CuttingProxy(dovecot.port, limit=95_000)  # inside the third batch of two
    try:
        mailbox = ImapMailbox(
            "127.0.0.1", proxy.port, dovecot.user, dovecot.password, security="none"
        )
        report = service.sync_imap(
            mailbox, account="test", folders=["INBOX"], me=[ME], now=now, batch_size=2
        )
        mailbox.close()
    finally:
        proxy.close()
    assert report.interrupted is not None and "run the same sync again" in report.interrupted
    committed = _messages()
    assert committed in (2, 4)  # whole batches only: nothing half written
    mailbox = ImapMailbox(
        "127.0.0.1", dovecot.port, dovecot.user, dovecot.password, security="none"
    )
    resumed = service.sync_imap(mailbox, account="test", folders=["INBOX"], me=[ME], now=now)
    mailbox.close()
    assert resumed.interrupted is None
    assert resumed.read == padded - committed  # it starts where it stopped
    assert _messages() == padded
    with open_repository() as repo:
        ids = list(repo.session.scalars(select(MailMessage.message_id)))
    assert len(ids) == len(set(ids)) == padded


def test_a_new_uidvalidity_starts_the_folder_over_without_duplicates(
    world: dict[str, int], dovecot: Any, now: datetime
) -> None:
    _load(dovecot)
    mailbox = ImapMailbox(
        "127.0.0.1", dovecot.port, dovecot.user, dovecot.password, security="none"
    )
    service.sync_imap(mailbox, account="test", folders=["INBOX"], now=now)
    with open_repository() as repo:
        state = repo.session.scalars(select(ImapSyncState)).one()
        state.uidvalidity += 1  # as if the server had rebuilt the folder
    report = service.sync_imap(mailbox, account="test", folders=["INBOX"], now=now)
    mailbox.close()
    assert (report.read, report.added, report.already_seen) == (4, 0, 4)
    assert _messages() == 4


def test_the_cli_says_a_cut_off_sync_can_be_resumed(
    world: dict[str, int], dovecot: Any, padded: int, cli: Callable[..., Any]
) -> None:
    proxy = CuttingProxy(dovecot.port, limit=95_000)
    try:
        cut = cli(
            "sync", "imap", "--host", "127.0.0.1", "--port", str(proxy.port), "--user",
            dovecot.user, "--security", "none", "--password-stdin",
            input=dovecot.password + "\n",
        )  # fmt: skip
    finally:
        proxy.close()
    assert cut.exit_code == 5
    assert "run the same sync again to resume" in cut.output
    assert "Traceback" not in cut.output
    resumed = cli(
        "sync", "imap", "--host", "127.0.0.1", "--port", str(dovecot.port), "--user",
        dovecot.user, "--security", "none", "--password-stdin", "--json",
        input=dovecot.password + "\n",
    )  # fmt: skip
    assert resumed.exit_code == 0
    assert _messages() == padded

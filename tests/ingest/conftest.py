"""Fixtures for reading mail: the team's corpus of messages, a ledger they belong to, a tiny PDF
offer letter, and a real Dovecot IMAP server on loopback."""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

# The suite runs with --import-mode=importlib, where a test module cannot import a helper module
# beside it; this folder on the path makes `mailworld` (the mail tests' shared world) importable.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from mailworld import DOVECOT, ME, MESSAGES, NOW, WORLD, offer_message


@pytest.fixture
def now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """Fix the clock (for the CLI too) at the end of the corpus's month."""
    monkeypatch.setenv("INWRITING_NOW", NOW.isoformat())
    return NOW


@pytest.fixture
def world(backend: str, now: datetime) -> dict[str, int]:
    """The corpus's ledger on the current backend; returns application ids by company."""
    from inwriting.services.applications import add_application
    from inwriting.store.repository import open_repository

    ids = {}
    with open_repository() as repo:
        for company, role, applied, domains in WORLD:
            application, _ = add_application(repo, company, role, applied_on=applied, now=now)
            application.company.domains = domains
            repo.flush()
            ids[company] = application.id
    return ids


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with the team's messages plus the offer with its PDF."""
    folder = tmp_path / "corpus"
    shutil.copytree(MESSAGES, folder)
    (folder / "07-umbrella-offer-pdf.eml").write_bytes(offer_message())
    return folder


# --- Dovecot ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Imap:
    """A running Dovecot with one user; `append` loads a message into a folder."""

    host: str
    port: int
    user: str
    password: str
    root: Path

    def connect(self) -> object:
        import imaplib

        conn = imaplib.IMAP4(self.host, self.port, timeout=10)
        conn.login(self.user, self.password)
        return conn

    def append(self, folder: str, raw: bytes) -> None:
        conn = self.connect()
        conn.create(f'"{folder}"')  # type: ignore[attr-defined]  # exists already: a NO, fine
        status, data = conn.append(f'"{folder}"', None, None, raw.replace(b"\n", b"\r\n"))  # type: ignore[attr-defined]
        assert status == "OK", data
        conn.logout()  # type: ignore[attr-defined]


@pytest.fixture
def dovecot() -> Iterator[Imap]:
    """Dovecot from Debian's dovecot-imapd, configured and run in a temporary directory.

    Skips when Dovecot is not installed, unless INWRITING_REQUIRE_IMAP=1 (CI), where it fails.
    """
    if not Path(DOVECOT).exists():
        if os.environ.get("INWRITING_REQUIRE_IMAP") == "1":
            pytest.fail("INWRITING_REQUIRE_IMAP=1 but /usr/sbin/dovecot is missing (dovecot-imapd)")
        pytest.skip("Dovecot is not installed (apt-get install dovecot-imapd)")
    root = Path(tempfile.mkdtemp(prefix="inwriting-imap-"))
    # Login processes run unprivileged and must reach the sockets under base_dir.
    os.chmod(root, 0o755)
    port = _free_port()
    if os.geteuid() == 0:
        # Dovecot refuses to run logins or mail access as root: use its own system users.
        login_user, internal_user = "dovenull", "dovecot"
        mail = pwd.getpwnam("dovecot")
    else:
        mail = pwd.getpwuid(os.geteuid())
        login_user = internal_user = mail.pw_name
    (root / "mail").mkdir()
    if os.geteuid() == 0:
        os.chown(root / "mail", mail.pw_uid, mail.pw_gid)
    user, password = ME, "correct horse battery staple"
    (root / "passwd").write_text(f"{user}:{{PLAIN}}{password}\n")
    config = f"""
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = {login_user}
default_internal_user = {internal_user}
default_internal_group = {grp.getgrgid(pwd.getpwnam(internal_user).pw_gid).gr_name}
first_valid_uid = {mail.pw_uid}
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={mail.pw_uid} gid={mail.pw_gid} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""
    (root / "dovecot.conf").write_text(config)
    process = subprocess.Popen(
        [DOVECOT, "-F", "-c", str(root / "dovecot.conf")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as probe:
                if probe.recv(64).startswith(b"* OK"):
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
            process.kill()
            pytest.fail(f"Dovecot did not start: {log[-2000:]}")
        time.sleep(0.05)  # polling a port that is coming up, not waiting on the clock
    try:
        yield Imap("127.0.0.1", port, user, password, root)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(root, ignore_errors=True)

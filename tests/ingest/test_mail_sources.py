"""Reading mail exports from disk: mbox files streamed message by message, Maildir folders,
folders of .eml files; a cut-off mbox names its last message and keeps the others."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mailworld import MESSAGES

from inwriting.errors import UserError
from inwriting.ingest.mail import sources
from inwriting.ingest.mail.parse import BadMessage, parse


def _mbox(path: Path, *raws: bytes) -> Path:
    with path.open("wb") as out:
        for number, raw in enumerate(raws):
            out.write(f"From sender{number}@example.com Mon Nov 16 10:00:0{number} 2026\n".encode())
            body = b"\n".join(
                b">" + line if line.startswith(b"From ") else line for line in raw.split(b"\n")
            )
            out.write(body.rstrip(b"\n") + b"\n\n")
    return path


def test_an_mbox_is_split_at_envelope_lines_only(tmp_path: Path) -> None:
    tricky = (
        b"From: jane@initech.com\nSubject: one\nDate: Mon, 16 Nov 2026 10:00:00 +0000\n\n"
        b"From the desk of Jane: we will call you.\nFrom what I hear, soon.\n"
    )
    second = (MESSAGES / "05-initech-promise.eml").read_bytes()
    path = _mbox(tmp_path / "inbox", tricky, second)
    found = list(sources.messages(path))
    assert [m.origin for m in found] == ["inbox #1", "inbox #2"]
    assert all(m.error is None for m in found)
    first = parse(found[0].raw)
    assert "From the desk of Jane" in first.body and "From what I hear" in first.body
    assert parse(found[1].raw).message_id == "initech-js-0017@initech.com"
    assert found[0].fallback_date is not None and found[0].fallback_date.day == 16


def test_a_truncated_mbox_names_its_cut_message_and_keeps_the_rest(tmp_path: Path) -> None:
    raws = [(MESSAGES / n).read_bytes() for n in ("05-initech-promise.eml", "06-initech-stall.eml")]
    path = _mbox(tmp_path / "cut.mbox", *raws)
    path.write_bytes(path.read_bytes()[:-40])
    found = list(sources.messages(path))
    assert found[0].error is None
    assert found[1].error is not None and "cut off" in found[1].error


def test_a_message_over_the_limit_is_skipped_without_being_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_MESSAGE_BYTES", 2000)
    small = (MESSAGES / "05-initech-promise.eml").read_bytes()
    huge = small + b"x" * 5000 + b"\n"
    found = list(sources.messages(_mbox(tmp_path / "big.mbox", huge, small)))
    assert found[0].error is not None and found[0].error.startswith("too large")
    assert found[0].raw == b""
    assert found[1].error is None


def test_a_maildir_and_its_sent_folder(tmp_path: Path) -> None:
    root = tmp_path / "Mail"
    for folder in (root, root / ".Sent"):
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True)
    (root / "new" / "1763287200.M1P1.host").write_bytes(
        (MESSAGES / "05-initech-promise.eml").read_bytes()
    )
    (root / ".Sent" / "cur" / "1763400000.M2P2.host:2,S").write_bytes(
        (MESSAGES / "23-sent-followup.eml").read_bytes()
    )
    found = list(sources.messages(root))
    assert [(m.origin.split("/")[0], m.folder_sent) for m in found] == [
        ("Mail", False),
        (".Sent", True),
    ]
    assert found[0].fallback_date is not None and found[0].fallback_date.year == 2025


def test_a_folder_of_eml_files_and_a_path_that_is_not_there(tmp_path: Path) -> None:
    assert len(list(sources.messages(MESSAGES))) == len(list(MESSAGES.glob("*.eml")))
    with pytest.raises(UserError, match="does not exist"):
        list(sources.messages(tmp_path / "nowhere"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="no Maildir"):
        list(sources.messages(tmp_path / "empty"))


def test_the_mbox_is_opened_read_only(tmp_path: Path) -> None:
    path = _mbox(tmp_path / "ro.mbox", (MESSAGES / "05-initech-promise.eml").read_bytes())
    os.chmod(path, 0o444)
    before = path.read_bytes()
    assert len(list(sources.messages(path))) == 1
    assert path.read_bytes() == before


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(sorted(MESSAGES.glob("*.eml"))).map(lambda p: p.read_bytes()),
        min_size=1,
        max_size=5,
    ),
    st.integers(min_value=0, max_value=5000),
)
def test_a_cut_or_damaged_mbox_never_crashes_the_reader(
    tmp_path: Path, raws: list[bytes], cut: int
) -> None:
    path = _mbox(tmp_path / "fuzz.mbox", *raws)
    data = path.read_bytes()
    path.write_bytes(data[: max(len(data) - cut, 1)])
    found = list(sources.messages(path))
    assert 1 <= len(found) <= len(raws)
    for message in found:
        if message.error is None:
            with contextlib.suppress(BadMessage):
                parse(message.raw, fallback_date=message.fallback_date)

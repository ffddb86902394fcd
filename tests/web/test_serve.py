"""`inwriting serve`: its options, and a clear line when the port is taken."""

from __future__ import annotations

import socket

from typer.testing import CliRunner

from inwriting.cli.app import app
from inwriting.cli.serve import _is_loopback


def test_serve_refuses_a_port_in_use_with_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "try another --port" in result.output
    assert "Traceback" not in result.output


def test_serve_help_names_the_private_default() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "--open" in result.output


def test_loopback_addresses() -> None:
    assert _is_loopback("127.0.0.1") and _is_loopback("localhost") and _is_loopback("::1")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("192.168.1.10")

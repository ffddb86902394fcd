"""CLI commands: serve (the local web app over the same ledger)."""

from __future__ import annotations

import ipaddress
import socket

import typer

from inwriting.errors import UserError


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_port(host: str, port: int) -> None:
    """Fail with one line, before starting, when the address cannot be listened on."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as error:
            raise UserError(
                f"cannot listen on {host}:{port} ({error.strerror}); try another --port"
            ) from None


def serve(
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to listen on; keep the default to stay private."
    ),
    port: int = typer.Option(8765, "--port", min=1, max=65535, help="Port to listen on."),
    open_browser: bool = typer.Option(
        False, "--open", help="Open the app in the default browser once it is listening."
    ),
) -> None:
    """Start the web app on this machine (http://127.0.0.1:8765 by default). Ctrl-C stops it."""
    import uvicorn

    from inwriting.paths import database_url
    from inwriting.store.db import _safe, get_engine
    from inwriting.web.app import create_app
    from inwriting.web.security import LOOPBACK_HOSTS

    _check_port(host, port)
    get_engine()  # open (and migrate) the database now, so a bad one fails before listening
    if _is_loopback(host):
        allowed: frozenset[str] | None = LOOPBACK_HOSTS | {host}
    else:
        # Reachable from other machines: any Host name is accepted (the cross-site check stays).
        allowed = None
        typer.echo(
            f"warning: listening on {host}; anyone who can reach this address sees your ledger",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    typer.echo(f"inwriting is at {url} (data: {_safe(database_url())}); Ctrl-C stops it")
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(create_app(allowed_hosts=allowed), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("serve")(serve)

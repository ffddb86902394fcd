"""Request guards for a local web app: cross-site form posts, DNS rebinding, and browser hardening.

A page on any website can make the user's browser post to 127.0.0.1. Browsers label such requests
(`Sec-Fetch-Site`, `Origin`), so every state-changing request that a browser labels as coming from
another site is refused. Requests with neither header come from scripts (curl, httpx), which a
web page cannot forge, and are allowed: the API stays scriptable.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

# No inline scripts and nothing from elsewhere: the app works offline and a stored statement
# cannot run code. ECharts and htmx set element styles from JavaScript, hence the style exception.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _host_name(host_header: str) -> str:
    """'127.0.0.1:8765' -> '127.0.0.1'; '[::1]:8765' -> '[::1]'."""
    if host_header.startswith("["):
        return host_header.split("]", 1)[0] + "]"
    return host_header.rsplit(":", 1)[0] if ":" in host_header else host_header


def cross_site_reason(method: str, headers: dict[str, str]) -> str | None:
    """Why a request must be refused as cross-site, or None when it may go on.

    `headers` maps lower-case header names to values. Only unsafe methods are checked.
    """
    if method.upper() in SAFE_METHODS:
        return None
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:
        # "none" is the user typing or bookmarking; "same-origin" is this app's own pages.
        if fetch_site in ("same-origin", "none"):
            return None
        return f"a {fetch_site} request cannot change data; use the app's own pages"
    origin = headers.get("origin")
    if origin is None:
        return None
    host = headers.get("host", "")
    parts = urlsplit(origin)
    if origin == "null" or parts.netloc.lower() != host.lower():
        return f"a request from {origin} cannot change data; use the app's own pages"
    return None


class GuardMiddleware:
    """Refuses cross-site writes and unknown Host headers; adds hardening headers to responses."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] | None = LOOPBACK_HOSTS) -> None:
        self.app = app
        self.allowed_hosts = (
            None if allowed_hosts is None else frozenset(h.lower() for h in allowed_hosts)
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {
            key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]
        }
        # A DNS-rebinding page reaches 127.0.0.1 under its own host name: refuse unknown names.
        if self.allowed_hosts is not None:
            host = _host_name(headers.get("host", "")).lower()
            if host not in self.allowed_hosts:
                await _refuse(send, 421, f"unknown host '{host}'; open the app at 127.0.0.1")
                return
        reason = cross_site_reason(scope["method"], headers)
        if reason is not None:
            await _refuse(send, 403, reason)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _refuse(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})

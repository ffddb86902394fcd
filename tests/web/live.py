"""Serve the web app with uvicorn in a thread of this process, for browser tests and screenshots.

Same process, so a caller can move the clock between requests with INWRITING_NOW.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def served(app: Any, *, timeout: float = 10.0) -> Iterator[str]:
    """Serve `app` on a free loopback port; yields its base URL and stops the server after."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    # Wait for the server's own "started" flag, not a fixed sleep.
    waited = 0.0
    while not server.started:
        if waited >= timeout or not thread.is_alive():
            server.should_exit = True
            raise RuntimeError(f"the web app did not start within {timeout:.0f} seconds")
        thread.join(0.01)
        waited += 0.01
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)

"""Where the user's data lives: one directory, overridable by INWRITING_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def home() -> Path:
    """The user data directory (created if missing)."""
    override = os.environ.get("INWRITING_HOME")
    path = (
        Path(override).expanduser() if override else Path(platformdirs.user_data_dir("inwriting"))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    """INWRITING_DATABASE_URL if set (e.g. PostgreSQL), else the SQLite file in home()."""
    url = os.environ.get("INWRITING_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{home() / 'inwriting.db'}"


def config_file() -> Path:
    """The optional TOML config file in home()."""
    return home() / "config.toml"

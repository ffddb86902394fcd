"""What the CLI tests read from a command's result: its JSON, or its one-line error."""

import json
from typing import Any

from typer.testing import Result


def data(result: Result) -> Any:
    """The command succeeded; its stable JSON."""
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def one_line_error(result: Result, code: int) -> str:
    """The command failed with `code`, one line on stderr, no traceback."""
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]

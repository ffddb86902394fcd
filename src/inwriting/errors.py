"""Errors that a user can fix. The CLI prints their message on one line and exits non-zero."""


class UserError(Exception):
    """A mistake the user can correct; the message names the fix.

    `exit_code` follows the documented CLI exit codes (docs/cli.md): 2 for bad input or usage,
    3 for a missing or ambiguous application, 4 for a database that cannot be used.
    """

    exit_code = 2

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class NotFound(UserError):
    """Nothing matches what the user named (an application, a company, an id)."""

    exit_code = 3


class Ambiguous(UserError):
    """More than one thing matches what the user named."""

    exit_code = 3


class DatabaseError(UserError):
    """The database cannot be used as it is (corrupt, newer schema, unreachable)."""

    exit_code = 4

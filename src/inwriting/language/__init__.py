"""The reader: what an employer's words are, by when they are due, and why.

`read(text, at, channel)` reads one statement; `resolve(text, said_at, calendar)` resolves the
time it states. The linter (`inwriting.language.lint`) lives beside it.
"""

from inwriting.domain.kinds import CHANNELS, KINDS
from inwriting.language.deadlines import Deadline, resolve
from inwriting.language.reader import Reading, read

__all__ = ["CHANNELS", "KINDS", "Deadline", "Reading", "read", "resolve"]

"""The words for what was said: the reader's kinds and the channels a statement comes through.

One definition for the reader, the ledger, the mail inbox and the web forms (see
docs/reader-contract.md for what each kind means).
"""

# In the reader's order of precedence: when several fit a statement, the first one wins.
KINDS = (
    "rejection",
    "written_offer",
    "verbal_offer",
    "delay",
    "next_step",
    "request",
    "promise",
    "enthusiasm",
    "other",
)
CHANNELS = ("email", "letter", "phone", "in-person", "video", "message")
# Only these can carry a written offer; anything said, or a chat message, is at most verbal.
WRITTEN_CHANNELS = frozenset({"email", "letter"})

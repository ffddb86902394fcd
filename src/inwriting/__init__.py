"""inwriting: a local-first job-search ledger. Nothing counts until it is in writing."""

__version__ = "0.1.0"

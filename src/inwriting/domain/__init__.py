"""Pure rules: stages, promises, follow-up policy, business calendar. No I/O here."""

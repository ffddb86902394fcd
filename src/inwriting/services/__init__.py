"""Use cases that tie the domain rules, the reader and the store together."""

"""Typer commands, one module per group. Thin: parse, call a service, render."""

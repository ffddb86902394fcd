"""The user's optional config file (TOML) in the data directory.

Example `config.toml`:

    [calendar]
    country = "US"          # default employer country for new companies
    weekend = "sat,sun"     # default weekend when a company has no country
    holidays = ["2026-12-24"]

    [followup]              # the follow-up policy, in business days (see DESIGN.md)
    after_due = 2
    no_date_answer_within = 7
    min_gap = 5
    max_unanswered = 2
    gone_quiet_after = 5
    thank_you_within = 1

    [lint]
    disable = ["presumes-hire.your-team"]
    rule_dirs = ["~/my-lint-rules"]
"""

from __future__ import annotations

import tomllib
from dataclasses import fields
from typing import Any

from inwriting.domain.policy import FollowUpPolicy
from inwriting.errors import UserError
from inwriting.paths import config_file


def load() -> dict[str, Any]:
    """The parsed config file, or an empty dict when there is none."""
    path = config_file()
    if not path.exists():
        return {}
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UserError(f"{path} is not valid TOML ({error}); fix or remove it") from None


def section(name: str) -> dict[str, Any]:
    """One [section] of the config file, empty when absent."""
    value = load().get(name, {})
    if not isinstance(value, dict):
        raise UserError(f"[{name}] in {config_file()} must be a table of settings")
    return value


def follow_up_policy() -> FollowUpPolicy:
    """The follow-up policy with the user's [followup] overrides applied."""
    overrides = section("followup")
    known = {f.name for f in fields(FollowUpPolicy)}
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise UserError(
            f"unknown setting(s) in [followup]: {', '.join(unknown)}; "
            f"known: {', '.join(sorted(known))}"
        )
    for key, value in overrides.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise UserError(f"[followup] {key} must be a whole number of business days, 0 or more")
    return FollowUpPolicy(**overrides)

"""The stage is derived from events: only a written offer makes an offer."""

from hypothesis import given
from hypothesis import strategies as st

from inwriting.domain.stages import EVENT_TYPES, STAGES, derive_stage, label


def test_a_new_application_is_only_interested() -> None:
    assert derive_stage([]) == "interested"


def test_the_usual_path_moves_forward_one_event_at_a_time() -> None:
    path = ["applied", "screen", "interview", "verbal_offer", "written_offer", "accepted"]
    stages = [derive_stage(path[: i + 1]) for i in range(len(path))]
    assert stages == ["applied", "screening", "interviewing", "verbal_offer", "offer", "accepted"]


def test_a_verbal_offer_is_not_an_offer() -> None:
    stage = derive_stage(["applied", "interview", "verbal_offer"])
    assert stage == "verbal_offer"
    assert label(stage) == "verbal offer — not yet an offer"


def test_only_a_written_offer_reaches_offer() -> None:
    for event_type in EVENT_TYPES:
        if event_type in ("written_offer", "accepted", "declined"):
            continue
        assert derive_stage(["applied", "interview", event_type]) != "offer"
    assert derive_stage(["applied", "written_offer"]) == "offer"


def test_earlier_steps_after_later_ones_do_not_move_the_stage_back() -> None:
    assert derive_stage(["applied", "interview", "screen", "applied"]) == "interviewing"
    assert derive_stage(["written_offer", "verbal_offer", "interview"]) == "offer"


def test_endings_end_and_a_later_round_reopens() -> None:
    assert derive_stage(["applied", "interview", "rejected"]) == "rejected"
    assert derive_stage(["written_offer", "rescinded"]) == "rejected"
    assert derive_stage(["applied", "withdrawn"]) == "withdrawn"
    assert derive_stage(["applied", "rejected", "interview"]) == "interviewing"


def test_replies_and_follow_ups_never_move_the_stage() -> None:
    base = ["applied", "interview"]
    for noise in ("reply_received", "follow_up_sent", "thank_you_sent", "request"):
        assert derive_stage([*base, noise]) == "interviewing"


@given(st.lists(st.sampled_from(EVENT_TYPES), max_size=30))
def test_any_history_gives_a_known_stage(types: list[str]) -> None:
    stage = derive_stage(types)
    assert stage in STAGES
    if stage == "offer":
        assert "written_offer" in types

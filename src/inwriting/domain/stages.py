"""An application's stage, derived from its events. Never typed in.

`interested → applied → screening → interviewing → verbal_offer → offer → accepted | declined`,
with `rejected` and `withdrawn` as endings. Only a `written_offer` event reaches `offer`: a verbal
offer is its own stage, and enthusiasm is not an event at all. `gone quiet` depends on today and
lives in `domain.followup`.
"""

from __future__ import annotations

from collections.abc import Sequence

EVENT_TYPES = (
    "applied",
    "screen",
    "interview",
    "rescheduled",
    "request",
    "verbal_offer",
    "written_offer",
    "accepted",
    "declined",
    "rejected",
    "rescinded",
    "withdrawn",
    "reply_received",
    "follow_up_sent",
    "thank_you_sent",
)

STAGES = (
    "interested",
    "applied",
    "screening",
    "interviewing",
    "verbal_offer",
    "offer",
    "accepted",
    "declined",
    "rejected",
    "withdrawn",
)

# Stages that move forward only: an event can lift the stage, never lower it.
_PROGRESS = {
    "applied": "applied",
    "screen": "screening",
    "interview": "interviewing",
    "rescheduled": "interviewing",
    "verbal_offer": "verbal_offer",
    "written_offer": "offer",
    "accepted": "accepted",
}
_RANK = {stage: rank for rank, stage in enumerate(STAGES[:7])}

# Endings: the application is over whatever came before.
_ENDINGS = {
    "declined": "declined",
    "rejected": "rejected",
    "rescinded": "rejected",
    "withdrawn": "withdrawn",
}

#: Stages in which nothing more is expected from the employer.
CLOSED_STAGES = frozenset({"accepted", "declined", "rejected", "withdrawn"})
#: Stages that count as a live application in the pipeline.
LIVE_STAGES = frozenset({"applied", "screening", "interviewing", "verbal_offer", "offer"})

LABELS = {
    "interested": "interested",
    "applied": "applied",
    "screening": "screening",
    "interviewing": "interviewing",
    "verbal_offer": "verbal offer — not yet an offer",
    "offer": "offer (written)",
    "accepted": "accepted",
    "declined": "declined",
    "rejected": "rejected",
    "withdrawn": "withdrawn",
    "gone_quiet": "gone quiet",
}


def derive_stage(types: Sequence[str]) -> str:
    """The stage reached by a sequence of event types, given in time order.

    Progress events only move forward (an `applied` after an interview changes nothing); an
    ending (`rejected`, `rescinded`, `declined`, `withdrawn`) ends the application, and a later
    progress event (they came back with an interview or an offer) opens it again.
    """
    stage = "interested"
    ended = False
    for event_type in types:
        if event_type in _ENDINGS:
            stage = _ENDINGS[event_type]
            ended = True
        elif event_type in _PROGRESS:
            reached = _PROGRESS[event_type]
            if ended or _RANK[reached] > _RANK[stage]:
                stage = reached
                ended = False
    return stage


def label(stage: str) -> str:
    """The stage in the words a user reads ("verbal offer — not yet an offer")."""
    return LABELS.get(stage, stage)

"""The closed sets a model draws on: channels, handling models, duration kinds and bases, the
activity ids steps may use, and the kinds of dossier routing tells apart."""

from __future__ import annotations

import typing
from typing import Literal

# the channels are the vocabulary's; re-exported as part of the model's terms
from dossierflow.mining.vocabulary import CHANNELS, Channel
from dossierflow.mining.vocabulary import ONLINE_CHANNELS as ONLINE_CHANNELS

# the handling models the engine simulates: the first two of vocabulary.HANDLING_MODELS
HandlingModel = Literal["transfer", "five_on_spot"]
DurationKind = Literal["exponential", "lognormal", "gamma", "fixed", "uniform", "empirical"]
DurationBasis = Literal["working", "calendar"]
# The parts a step may play in a process (Process.marked).
Milestone = Literal["receipt", "result", "delivery"]

HANDLING_MODELS: tuple[HandlingModel, ...] = typing.get_args(HandlingModel)
DURATION_KINDS: tuple[DurationKind, ...] = typing.get_args(DurationKind)
DURATION_BASES: tuple[DurationBasis, ...] = typing.get_args(DurationBasis)
START, END = "start", "end"

# Activity ids of docs/domain.md §6; the project vocabulary (datasets/vocabulary/activities.csv)
# adds to them. Others must be declared in Model.extra_activities, so that a typo is caught
# rather than simulated.
ACTIVITIES = (
    "submit_online", "receive", "request_supplement", "supplement_received", "reject_intake",
    "digitise", "transfer_to_agency", "assign_handler", "appraise", "consult_agency",
    "site_inspection", "review_division", "approve_sign", "submit_ppc", "issue_result",
    "return_to_centre", "notify_payment", "collect_fee", "deliver_result",
    "apology_reschedule", "stop_processing", "withdraw", "rate_satisfaction", "sync_national",
)
# Steps whose end closes a dossier without a result, and the outcome they give.
CLOSING_ACTIVITIES = {"reject_intake": "rejected", "withdraw": "withdrawn",
                      "stop_processing": "stopped"}
# Activities that may not be the steps of a five_on_spot process (the dossier never leaves
# the centre).
TRANSFER_ACTIVITIES = ("transfer_to_agency", "return_to_centre")
# Defaults of Process.result_step when it is None: the first of these that is a step.
RESULT_ACTIVITIES = ("return_to_centre", "issue_result", "approve_sign")


def known_activities() -> frozenset[str]:
    """Activity ids a step may use without declaring them: docs/domain.md §6 and the vocabulary."""
    try:
        from dossierflow.mining.vocabulary import activities

        return frozenset(ACTIVITIES) | frozenset(activities().index)
    except Exception:  # noqa: BLE001 - without the vocabulary, docs/domain.md §6 suffices
        return frozenset(ACTIVITIES)


def case_classes() -> list[tuple[int, Channel, bool, bool]]:
    """(index, channel, digitised, paid_online) of the 16 kinds of dossier routing tells apart."""
    return [(c * 4 + d * 2 + p, channel, bool(d), bool(p))
            for c, channel in enumerate(CHANNELS) for d in (0, 1) for p in (0, 1)]

"""The model's validator refuses routing a dossier could get lost in, per kind of dossier:
probabilities that do not add up to 1, a step with no way on, a loop with no exit; and it
accepts the routing of the test centre."""

from __future__ import annotations

import dataclasses

import pytest

from dossierflow.simulation.model import ModelError, Transition
from tests.support.models import centre


def _with(transitions_of) -> object:
    """The test centre with the transfer process's transitions replaced."""
    model = centre()
    process = next(p for p in model.processes if p.id == "transfer")
    process.transitions = transitions_of(list(process.transitions))
    return model


def _reprobability(ts, source, target, p):
    return [dataclasses.replace(t, probability=p) if (t.source, t.target) == (source, target)
            else t for t in ts]


CASES = [
    # (what is wrong, how the transitions change, words of the message)
    ("sum below 1", lambda ts: _reprobability(ts, "receive", "reject_intake", 0.0),
     "summing to"),
    ("digitised dossiers stuck", lambda ts: [t for t in ts if not (
        t.source == "digitise" and t.target == "transfer_to_agency")], "no outgoing transition"),
    ("endless loop", lambda ts: [t for t in ts if t.source != "approve_sign"] + [
        Transition(source="approve_sign", target="approve_sign")], "endless loop"),
    ("one channel stuck", lambda ts: [dataclasses.replace(t, channels=["online_full"])
                                      if t.source == "start" else t for t in ts],
     "no outgoing transition"),
]


@pytest.mark.parametrize(("what", "change", "words"), CASES, ids=[c[0] for c in CASES])
def test_lost_dossiers_are_refused(what, change, words):
    with pytest.raises(ModelError, match=words):
        _with(change).validate()


def test_the_test_centre_is_accepted():
    centre().validate()

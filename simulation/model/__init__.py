"""The simulation model: plain dataclasses, saved and loaded as JSON, validated on load.

A :class:`Model` describes one service centre (or part of one):

* **procedures** (thủ tục hành chính): who handles them, their legal handling time in working
  days, the handling model (``transfer`` or ``five_on_spot``), which process they follow, how
  many dossiers arrive and through which channels, the chance that a dossier is digitised or
  paid online, and the fee; a procedure whose legal time or handling model changes at a reform
  is one entry per version, valid over dated windows and written to the log under one id;
  demand, channel shares, digitisation and online payment may follow dated trends;
* **processes**: steps (an activity id of the vocabulary, a resource pool or none, a duration
  distribution, an optional batch schedule) and the routing between them as transition
  probabilities, which may depend on the dossier's channel, digitisation and online payment;
* **resource pools**: servers of one role in one agency, working in office hours, each on one
  or several dossiers at once, with dated staffing changes;
* **batch schedules**: fixed release times of paper transfers between centre and department;
* **deadlines**: whether and when late dossiers get an apology with a new date, and the time
  after which a same-day dossier is due the next working day.

Durations are in minutes. A step served by a pool, or any step whose duration ``basis`` is
``"working"``, lasts working minutes of the office calendar; a citizen wait (``basis`` =
``"calendar"``, e.g. the time an applicant takes to bring a supplement) lasts wall-clock
minutes, nights and weekends included.

``Model.from_json`` checks every field and every cross-reference and raises
:class:`ModelError` naming the field (``procedures[2].channels``), what is wrong and how to fix
it; ``Model.validate()`` runs the same checks on a model built in Python.

Modules: :mod:`.terms` (channels, handling models, duration kinds, activity ids),
:mod:`.values` (ISO dates, dated points, ids), :mod:`.process` (durations, steps, routing),
:mod:`.centre` (procedures, arrivals, pools, batches, calendar, deadlines), :mod:`.schema`
(:class:`Model`), :mod:`.codec` (JSON) and :mod:`.validation` (the checks).
"""

from dossierflow.simulation.model.centre import (
    DEFAULT_ONLINE_HOURS,
    ArrivalProfile,
    BatchSchedule,
    CalendarSpec,
    Deadlines,
    Procedure,
    ResourcePool,
)
from dossierflow.simulation.model.codec import FORMAT, FORMAT_VERSION
from dossierflow.simulation.model.errors import ModelError
from dossierflow.simulation.model.process import Duration, Process, Route, Step, Transition
from dossierflow.simulation.model.schema import Model
from dossierflow.simulation.model.terms import (
    ACTIVITIES,
    CHANNELS,
    CLOSING_ACTIVITIES,
    DURATION_BASES,
    DURATION_KINDS,
    END,
    HANDLING_MODELS,
    ONLINE_CHANNELS,
    RESULT_ACTIVITIES,
    START,
    TRANSFER_ACTIVITIES,
    Channel,
    DurationBasis,
    DurationKind,
    HandlingModel,
    Milestone,
    case_classes,
    known_activities,
)
from dossierflow.simulation.model.values import ident, interpolate_points, parse_day

__all__ = [
    "ACTIVITIES", "ArrivalProfile", "BatchSchedule", "CHANNELS", "CLOSING_ACTIVITIES",
    "CalendarSpec", "Channel", "DEFAULT_ONLINE_HOURS", "DURATION_BASES", "DURATION_KINDS",
    "Deadlines", "Duration", "DurationBasis", "DurationKind", "END", "FORMAT",
    "FORMAT_VERSION", "HANDLING_MODELS", "HandlingModel", "Milestone", "Model", "ModelError",
    "ONLINE_CHANNELS", "Procedure", "Process", "RESULT_ACTIVITIES", "ResourcePool", "Route",
    "START", "Step", "TRANSFER_ACTIVITIES", "Transition", "case_classes", "ident",
    "interpolate_points", "known_activities", "parse_day",
]

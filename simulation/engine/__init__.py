"""The discrete-event engine: ``simulate(model, start=…, end=…, seed=…)``.

The simulation runs on the **working-minute clock** of
:class:`dossierflow.mining.log.working_time.WorkCalendar` (office minutes since the calendar's
epoch). On that clock resource pools simply work all the
time: nights, weekends and holidays have zero length and cost nothing. Only three things are
tied to wall-clock time and are mapped onto the clock as they happen:

* online submissions, generated at any hour of any day and logged at their real moment
  (``submit_online``);
* citizen waits (durations with ``basis="calendar"``, e.g. the supplement): the wait is added
  in wall-clock time and the dossier re-enters the clock at the next office minute;
* first steps served by ``out_of_hours`` pools while the office is closed (weekend counters,
  round-the-clock online intake), done at once in wall-clock time.

Routing is a Markov chain that does not depend on the state of the centre, so every dossier's
route and service times are drawn before the run, vectorised with numpy, from per-step random
streams keyed by process and step ids (scenario runs share random numbers). Arrivals are
generated vectorised too and merged in clock order. The event loop is then a ``heapq`` of plain
tuples ``(time, case, server)`` over flat lists and typed arrays; batch release times are
precomputed clock values found with ``bisect``. All clock values are converted to timestamps
at the end, with the calendar's vectorised ``from_clock``.

Time-dependent parts of a model are applied as the run goes: a procedure's versions take the
dossiers whose intake day (the day the legal clock starts: the next working day for a dossier
submitted while the office is closed) falls in their validity window; dated trends of demand,
channel shares, digitisation and online payment are read per day; staffing changes are events
of the loop (a leaving server finishes the dossiers in hand); a pool with ``concurrency`` k
has k places per server. Procedures' ``duration_scales`` multiply their drawn durations.

Exempt from office hours in the log (they may fall on nights, weekends and holidays):
``submit_online`` events, the end of citizen waits, and steps served by ``out_of_hours`` pools
while the office is closed. Every other event starts and ends inside office sessions.

Modules, in the order of a run: ``clock`` (working-time arithmetic), ``compile`` (the model as
flat tables), ``arrivals``, ``routing`` (routes and service times drawn before the run),
``event_loop``, ``outputs`` (event and case tables), ``pools`` (pool table), ``run``
(:func:`simulate`); ``codes``, ``streams``, ``errors`` and ``result`` are shared by them.
"""

from dossierflow.simulation.engine.clock import model_calendar, tet_breaks
from dossierflow.simulation.engine.codes import OUTCOMES
from dossierflow.simulation.engine.errors import SimulationError
from dossierflow.simulation.engine.result import SimulationResult
from dossierflow.simulation.engine.run import simulate

__all__ = ["OUTCOMES", "SimulationError", "SimulationResult", "model_calendar", "simulate",
           "tet_breaks"]

"""Simulating a centre: what-if scenarios on a model learnt from its log or built by hand.

The public API, by module (imported on use, so that the engine loads without the rest):

* ``engine``: ``simulate(model, start=…, end=…, seed=…)`` → ``SimulationResult``.
* ``model``: the ``Model`` schema, its JSON codec (``Model.from_json`` / ``to_json``) and
  validation.
* ``discovery``: ``discover_model(log, start=…, end=…)`` and ``learning_window``.
* ``scenarios``: ``TimeCut``, ``FiveOnSpot``, ``Staffing``, ``Demand``, ``ChannelShift``,
  ``Scenario`` and ``read_scenarios`` (YAML).
* ``experiment``: ``run_experiment`` and ``replicate``: seeded replications in parallel.
* ``asis``: ``check``: does the unchanged model reproduce the log it was learnt from?
* ``proposals``: ``time_cut_proposals``; ``five_on_spot_candidates``: which procedures to
  move next; ``backtest``: reforms found in a log, re-played.
* ``run_kpis``, ``pool_sizing``, ``fidelity``, ``prosimos``: a run's figures, pools' expected
  work, distances to a real log, Prosimos models read in.
* ``sample``: the synthetic Bắc Ninh centre (catalogue, hand-calibrated model, sample logs).

See docs/simulation.md.
"""

__all__ = ["asis", "backtest", "discovery", "engine", "experiment", "fidelity",
           "five_on_spot_candidates", "model", "pool_sizing", "proposals", "prosimos",
           "run_kpis", "sample", "scenarios"]

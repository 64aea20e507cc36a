"""Conformance of dossiers to the normative one-stop flow (docs/domain.md §1.2, §1.5, §2).

Two parts. Rule checks are Ibis queries over every event of the view (fast on the whole log)
and name the dossiers that break each rule. Token-based replay (pm4py) runs on a seeded random
sample of dossiers: each distinct variant is replayed once and weighted by its frequency,
which gives the same fitness as replaying every dossier, within a wall-clock time limit.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import numpy as np
import pandas as pd

from dossierflow.mining.analysis.discovery import DiscoveredModel, quiet
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.vocabulary import DATASETS_DIR, FIVE_ON_SPOT

NORMATIVE_FLOW = DATASETS_DIR / "normative_flow.json"
APPROVALS = ("approve_sign", "appraise_approve_on_spot", "issue_result")
LEFT_CENTRE = ("transfer_to_agency", "assign_handler", "return_to_centre")
RULES = {
    "second_supplement_request":
        "A supplement was requested more than once: Decree 61/2018 allows one request, and "
        "Decision 766 counts such a dossier as late.",
    "delivered_before_approval":
        "The result was delivered before the dossier was approved (approve_sign, "
        "appraise_approve_on_spot or issue_result), or without any approval.",
    "transfer_without_return":
        "The dossier was transferred to an agency and its result delivered without coming back "
        "to the centre (no return_to_centre between the last transfer and the delivery).",
    "five_on_spot_left_centre":
        "A '5 tại chỗ' dossier left the centre (transfer_to_agency, assign_handler or "
        "return_to_centre), which that model excludes (docs/domain.md §2).",
}


@dataclass(frozen=True)
class RuleCheck:
    """One rule, stated plainly, and the dossiers (case ids, sorted) that break it."""

    rule: str
    statement: str
    cases: tuple[str, ...]


@dataclass(frozen=True)
class ConformanceResult:
    """Token-replay fitness of a sample of dossiers and rule checks over the whole view.

    ``fitness``: pm4py's token-based log fitness of the replayed dossiers, ½(1 − missing /
    consumed) + ½(1 − remaining / produced) over all their tokens (NaN when none was
    replayed); ``fitting_share``: the share of replayed dossiers that fit.
    ``variants``: one row per (normative net, variant) of the sample with its dossier count,
    ``fitness``, ``fits``, token counts and ``not_in_model``, the activities the net lacks
    (NaN / NA when not replayed; such activities make a variant unfit without changing its
    token counts, as in pm4py). ``dossiers``: case_id, normative (the net it was checked
    against: a handling model, or ``"given"``), variant, fitness, fits for every sampled
    dossier. ``complete`` is False when the time limit stopped the replay: only
    ``replayed`` of the ``sampled`` dossiers were replayed.
    """

    fitness: float
    fitting_share: float
    variants: pd.DataFrame
    dossiers: pd.DataFrame
    rules: tuple[RuleCheck, ...]
    sampled: int
    replayed: int
    complete: bool
    seconds: float

    @property
    def non_fitting(self) -> list[str]:
        """Sampled dossiers whose replay does not fit the normative net."""
        return self.dossiers.loc[self.dossiers["fits"].eq(False), "case_id"].tolist()

    def rule(self, rule: str) -> RuleCheck:
        """The check of one rule by its id (a key of ``RULES``)."""
        return next(check for check in self.rules if check.rule == rule)


def normative_flow(path: str | Path = NORMATIVE_FLOW) -> tuple[dict[str, Any], str]:
    """The normative process trees (pm4py ``ProcessTree``) per handling model, and the model
    that dossiers of any other model follow, read from ``datasets/normative_flow.json``."""
    spec = json.loads(Path(path).read_text(encoding="utf-8"))
    with quiet():
        trees = {name: _tree(node, str(path)) for name, node in spec["models"].items()}
    return trees, spec["default_model"]


def _tree(node: Any, file: str, parent: Any = None) -> Any:
    from pm4py.objects.process_tree.obj import Operator, ProcessTree

    if node is None or isinstance(node, str):
        return ProcessTree(label=node, parent=parent)
    operators = {"sequence": Operator.SEQUENCE, "choice": Operator.XOR,
                 "parallel": Operator.PARALLEL, "optional": Operator.XOR}
    if not isinstance(node, dict) or len(node) != 1 or next(iter(node)) not in operators:
        raise DossierflowError(f"{node!r} is not an activity id or one of "
                               f"{', '.join(operators)}.", file=file,
                               fix='write e.g. {"optional": "digitise"}.')
    (kind, parts), = node.items()
    tree = ProcessTree(operator=operators[kind], parent=parent)
    for part in ([parts, None] if kind == "optional" else parts):
        tree.children.append(_tree(part, file, tree))
    return tree


def rule_checks(view: LogView) -> tuple[RuleCheck, ...]:
    """Every rule of ``RULES`` checked over all events of the view (the 5 tại chỗ rule only
    when the cases carry a ``model``)."""
    ev = view.events
    is_delivery = ev.activity == "deliver_result"
    per_case = ev.group_by("case_id").aggregate(
        requests=(ev.activity == "request_supplement").cast("int64").sum(),
        first_delivery=ev.event_index.min(where=is_delivery),
        first_approval=ev.event_index.min(where=ev.activity.isin(APPROVALS)),
        last_transfer=ev.event_index.max(where=ev.activity == "transfer_to_agency"))
    transferred = per_case.filter(per_case.last_transfer.notnull()).select(
        "case_id", "last_transfer")
    after = ev.join(transferred, "case_id")
    after = after.filter(after.event_index > after.last_transfer)
    after = after.group_by("case_id").aggregate(
        delivery=after.event_index.min(where=after.activity == "deliver_result"),
        back=after.event_index.min(where=after.activity == "return_to_centre"))
    found = {
        "second_supplement_request": per_case.filter(per_case.requests > 1),
        "delivered_before_approval": per_case.filter(
            per_case.first_delivery.notnull()
            & (per_case.first_approval.isnull()
               | (per_case.first_approval > per_case.first_delivery))),
        "transfer_without_return": after.filter(
            after.delivery.notnull() & (after.back.isnull() | (after.back > after.delivery))),
    }
    if "model" in view.cases.columns:
        on_spot = view.cases.filter(view.cases.model == FIVE_ON_SPOT).select("case_id")
        found["five_on_spot_left_centre"] = (
            ev.filter(ev.activity.isin(LEFT_CENTRE)).semi_join(on_spot, "case_id")
            .select("case_id").distinct())
    return tuple(
        RuleCheck(rule, RULES[rule], tuple(
            table.select("case_id").order_by("case_id").to_pandas()["case_id"].astype(str)))
        for rule, table in found.items())


def _nets(normative: DiscoveredModel | tuple | None) -> tuple[dict[str, tuple], str]:
    """Accepting Petri nets by name (handling models, or ``"given"``), and the name of the
    one for dossiers of any other model."""
    if normative is None:
        trees, default = normative_flow()
        with quiet():
            import pm4py
            return {name: pm4py.convert_to_petri_net(tree) for name, tree in trees.items()}, \
                default
    if isinstance(normative, DiscoveredModel):
        normative = (normative.net, normative.initial_marking, normative.final_marking)
    return {"given": tuple(normative)}, "given"


def _sample(view: LogView, size: int, seed: int) -> pd.DataFrame:
    """A seeded random sample of the view's dossiers: case_id, model and their activities."""
    columns = ["case_id"] + (["model"] if "model" in view.cases.columns else [])
    cases = view.cases.select(*columns).order_by("case_id").to_pandas()
    if len(cases) > size:
        rng = np.random.default_rng(seed)
        cases = cases.iloc[np.sort(rng.choice(len(cases), size, replace=False))]
    ev = view.events
    events = (ev.semi_join(ibis.memtable(cases[["case_id"]]), "case_id")
              .select("case_id", "event_index", "activity")
              .order_by("case_id", "event_index").to_pandas())
    traces = events.groupby("case_id", sort=False)["activity"].agg(tuple)
    sample = cases.reset_index(drop=True)
    sample["trace"] = sample["case_id"].map(traces)
    return sample.dropna(subset=["trace"]).reset_index(drop=True)


def conformance(view: LogView, *, normative: DiscoveredModel | tuple | None = None,
                sample: int = 2000, seed: int = 0,
                time_limit: float = 30.0) -> ConformanceResult:
    """Check the view's dossiers against a normative Petri net and the one-stop rules.

    ``normative``: None for the normative flow of ``datasets/normative_flow.json`` (each
    dossier against the flow of its handling model: transfer, or 5 tại chỗ), else a
    ``DiscoveredModel`` or a ``(net, initial_marking, final_marking)`` for every dossier.
    ``sample`` dossiers are drawn with ``seed`` and replayed, most frequent variant first,
    until ``time_limit`` seconds (counted from the call) have passed; the result then says
    it is partial. The rule checks always cover the whole view.
    """
    started = time.monotonic()
    rules = rule_checks(view)
    nets, default = _nets(normative)
    drawn = _sample(view, sample, seed)
    model = drawn.pop("model") if "model" in drawn else pd.Series(default, index=drawn.index)
    drawn.insert(1, "normative", model.where(model.isin(list(nets)), default).astype(str))
    variants = (drawn.groupby(["normative", "trace"], sort=False).size().rename("cases")
                .reset_index().sort_values(["cases", "normative"], ascending=[False, True],
                                           kind="stable", ignore_index=True))
    replays = []
    for row in variants.itertuples(index=False):
        if time.monotonic() - started > time_limit:
            break
        replays.append(_replay(row.trace, nets[row.normative]))
    done = pd.DataFrame(replays, columns=["fitness", "fits", "missing", "consumed",
                                          "remaining", "produced", "not_in_model"])
    variants = variants.join(done)
    variants["fits"] = variants["fits"].astype("boolean")
    variants.insert(1, "variant", variants.pop("trace").map(" → ".join))
    drawn["variant"] = drawn.pop("trace").map(" → ".join)
    dossiers = drawn.merge(variants[["normative", "variant", "fitness", "fits"]],
                           on=["normative", "variant"], how="left")
    replayed = variants.iloc[:len(done)]
    weight = replayed["cases"]
    tokens = {k: float((replayed[k] * weight).sum())
              for k in ("missing", "consumed", "remaining", "produced")}
    fitness = (0.5 * (1 - tokens["missing"] / tokens["consumed"])
               + 0.5 * (1 - tokens["remaining"] / tokens["produced"])
               if tokens["consumed"] and tokens["produced"] else math.nan)
    n_replayed = int(weight.sum())
    return ConformanceResult(
        fitness=fitness,
        fitting_share=(float(weight[replayed["fits"]].sum()) / n_replayed
                       if n_replayed else math.nan),
        variants=variants, dossiers=dossiers, rules=rules, sampled=len(drawn),
        replayed=n_replayed, complete=len(done) == len(variants),
        seconds=time.monotonic() - started)


def _replay(trace: tuple[str, ...], net: tuple) -> tuple:
    """Token-based replay of one variant: fitness, fit, missing, consumed, remaining and
    produced tokens, and the activities the net lacks."""
    with quiet():
        from pm4py.algo.conformance.tokenreplay.variants import token_replay
        from pm4py.objects.log.obj import Event, EventLog, Trace

        log = EventLog([Trace([Event({"concept:name": a}) for a in trace])])
        parameters = {token_replay.Parameters.SHOW_PROGRESS_BAR: False,
                      token_replay.Parameters.CONSIDER_ACTIVITIES_NOT_IN_MODEL_IN_FITNESS: True}
        result = token_replay.apply(log, *net, parameters=parameters)[0]
    labels = {t.label for t in net[0].transitions}
    return (result["trace_fitness"], bool(result["trace_is_fit"]), result["missing_tokens"],
            result["consumed_tokens"], result["remaining_tokens"], result["produced_tokens"],
            tuple(sorted(set(trace) - labels)))

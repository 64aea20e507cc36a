"""Routing: the step a dossier enters for each activity, the directly-follows probabilities
per kind of dossier (borrowed from coarser kinds where a kind is rare), the whole routes of
the kinds with enough dossiers, and the ranks of the dossiers seen on them.

A route keeps the ranks of at most ``MAX_RANKS`` of its dossiers, and a simulated dossier on
it takes one of them. They are not drawn at random (forty drawn dossiers can leave out a
fifth of the slow ones, and the model's lead times then rest on the draw) but spread evenly
over the route's dossiers ordered by their whole time (``_spread``: the middle dossier of
each of ``MAX_RANKS`` equal slices), so they show the route's spread of times as the log
does."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dossierflow.simulation.discovery.batches import _Batch, _waits
from dossierflow.simulation.discovery.settings import MIN_ROUTE
from dossierflow.simulation.model import (
    CHANNELS,
    END,
    ONLINE_CHANNELS,
    START,
    Route,
    Transition,
    case_classes,
)

MIN_VARIANT, MAX_ROUTES, MAX_RANKS = 2, 200, 40


@dataclass
class _Entries:
    """The step a dossier enters for each activity of a process: by whether it waits for a
    batch or the counter (``entry``), or by the activities around it (``contexts``)."""

    entry: dict[str, dict[bool, str]]
    contexts: dict[tuple[str, str, str], str]
    batched: dict[str, _Batch]

    def of(self, activity: str, before: str, after: str, channel: str,
           digitised: bool) -> str | None:
        found = self.contexts.get((activity, before, after))
        if found is not None:
            return found
        if activity not in self.entry:
            return None
        return self.entry[activity][_waits(self.batched, activity, channel, digitised)]


def _ranks(ev: pd.DataFrame, cases: pd.DataFrame, entries: _Entries) -> np.ndarray:
    """Each event's rank (0–1) among the events of the step it entered, by its step time."""
    kinds = cases.set_index("case_id")[["channel", "digitised"]].reindex(ev["case_id"])
    frame = pd.DataFrame({"activity": ev["activity"].to_numpy(),
                          "before": ev["before"].to_numpy(), "after": ev["after"].to_numpy(),
                          "channel": kinds["channel"].astype(str).to_numpy(),
                          "digitised": kinds["digitised"].astype(bool).to_numpy()})
    keys = frame.drop_duplicates()
    keys = keys.assign(step=[entries.of(*row) for row in keys.itertuples(index=False)])
    step = frame.merge(keys, how="left", on=list(frame.columns))["step"].to_numpy()
    times = pd.Series(ev["sojourn"].to_numpy(dtype=float))
    order = times.groupby(step).rank(method="average")
    count = times.groupby(step).transform("size")
    return np.round(((order - 0.5) / count).to_numpy(), 3)


def kinds_vary(cases: pd.DataFrame) -> dict[str, bool]:
    """Whether the dossiers differ in channel, digitised and paid online (``_routing``)."""
    return {name: cases[name].nunique() > 1 for name in ("channel", "digitised", "paid_online")}


def _hops(ev: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Each dossier's moves from ``start`` through its activities to ``end``, with its kind
    (channel, paper, digitised, paid online)."""
    attrs = cases.set_index("case_id")[["channel", "digitised", "paid_online"]]
    last = ~ev["case_id"].eq(ev["case_id"].shift(-1))
    hops = pd.DataFrame({
        "case_id": pd.concat([ev["case_id"], ev.loc[last, "case_id"]], ignore_index=True),
        "source": pd.concat([ev["prev_activity"].fillna(START), ev.loc[last, "activity"]],
                            ignore_index=True),
        "target": pd.concat([ev["activity"], pd.Series(END, index=ev.index[last])],
                            ignore_index=True)})
    hops = hops.join(attrs, on="case_id")
    hops["paper"] = ~hops["channel"].isin(ONLINE_CHANNELS)
    return hops


def _borrowed(events: pd.DataFrame, cases: pd.DataFrame) -> dict:
    """Per handling model, the moves of all its dossiers by paper or online and digitised:
    what a process borrows for a kind it has too few dossiers of (a centre-wide practice,
    such as digitising paper dossiers after receipt)."""
    hops = _hops(events, cases)
    model = cases.set_index("case_id")["model"]
    hops["model"] = model.reindex(hops["case_id"]).to_numpy()
    return {m: _distributions(h, ["paper", "digitised"], MIN_ROUTE)
            for m, h in hops.groupby("model", sort=True)}


def _routing(ev: pd.DataFrame, cases: pd.DataFrame, entry: dict[str, dict[bool, str]],
             contexts: dict[tuple[str, str, str], str], sources: dict[str, list[str]],
             borrowed: dict, batched: dict[str, _Batch], varies: dict[str, bool]
             ) -> tuple[list[Transition], list[Route]]:
    """Directly-follows probabilities per kind of dossier (borrowed or pooled where a kind is
    rare), and the whole routes of the kinds with ``MIN_ROUTE`` dossiers (``_routes``); the
    kinds that wait for a batch (``_waits``) enter the batched variant of an activity.
    ``varies``: whether the log's dossiers differ in channel, digitised and paid online."""
    attrs = cases.set_index("case_id")[["channel", "digitised", "paid_online"]]
    hops = _hops(ev, cases)
    varied = any(e[True] != e[False] for e in entry.values())
    used = {name: varies[name] or (varied and name != "paid_online") for name in attrs}
    split = [name for name in ("channel", "digitised", "paid_online") if used[name]]
    out: list[Transition] = []

    def target_of(name: str, channel: str, digitised: bool) -> str:
        return END if name == END else entry[name][_waits(batched, name, channel, digitised)]

    pooled_of = _distributions(hops, [], 1)
    tables = _kind_tables(hops, split, borrowed)
    for source in sorted(set(hops["source"])):
        pooled = pooled_of[(source, ())]
        per_class = {}
        for _, channel, digitised, paid in case_classes():
            values = {"channel": channel, "digitised": digitised, "paid_online": paid,
                      "paper": channel not in ONLINE_CHANNELS}
            for names, table in tables:
                found = table.get((source, tuple(values[n] for n in names)))
                if found is not None:
                    per_class[tuple(values[n] for n in split)] = found
                    break
        for source_id in ([START] if source == START else sources[source]):
            if not per_class and not varied:
                out += [Transition(source=source_id, target=target_of(t, CHANNELS[0], False),
                                   probability=float(p)) for t, p in pooled.items()]
                continue
            for _, channel, digitised, paid in case_classes():
                if (not used["channel"] and channel != CHANNELS[0]) \
                        or (not used["digitised"] and digitised) \
                        or (not used["paid_online"] and paid):
                    continue
                values = {"channel": channel, "digitised": digitised, "paid_online": paid}
                dist = per_class.get(tuple(values[name] for name in split), pooled)
                cond = {"channels": [channel] if used["channel"] else None,
                        "digitised": digitised if used["digitised"] else None,
                        "paid_online": paid if used["paid_online"] else None}
                out += [Transition(source=source_id, target=target_of(t, channel, digitised),
                                   probability=float(p), **cond) for t, p in dist.items()]

    def step_of(name: str, before: str, after: str, channel: str, digitised: bool) -> str:
        return contexts.get((name, before, after)) or target_of(name, channel, digitised)

    return out, _routes(ev, attrs, used, step_of)


def _kind_tables(hops: pd.DataFrame, split: list[str],
                 borrowed: dict) -> list[tuple[list[str], dict]]:
    """The moves per kind of dossier (``_distributions``) a kind looks its own up in, finest
    kind first: a kind with too few dossiers leaving a step borrows from a coarser kind
    ("paper": filed at the counter or by post); where the process tells channels and
    digitised apart, its handling model's moves (``borrowed``) come after the kinds that tell
    paper from online and digitised, before those that do not."""
    levels = [names for names in (split, ["channel", "digitised"],
                                  ["paper", "digitised", "paid_online"], ["paper", "digitised"],
                                  ["digitised", "paid_online"], ["digitised"], ["paid_online"],
                                  ["channel"])
              if names and all(n in split or (n == "paper" and "channel" in split)
                               for n in names)]
    tables = [(names, _distributions(hops, names, MIN_ROUTE)) for names in levels]
    if "digitised" in split and "channel" in split:
        known = set(hops["target"])
        lent = {key: _restricted(dist, known) for key, dist in borrowed.items()}
        at = next((k for k, (names, _) in enumerate(tables)
                   if names and "paper" not in names and "channel" not in names), len(tables))
        tables.insert(at, (["paper", "digitised"], {k: v for k, v in lent.items() if v}))
    return tables


def _routes(ev: pd.DataFrame, attrs: pd.DataFrame, used: dict[str, bool],
            step_of) -> list[Route]:
    """Per kind of dossier (the kinds the transitions tell apart) with ``MIN_ROUTE`` dossiers,
    the paths its dossiers took, each seen ``MIN_VARIANT`` times or more as a route with its
    share (``MAX_ROUTES`` at most) and the ranks of its dossiers (``_spread``); dossiers of
    rarer paths walk the transitions. Activities
    done in varying orders (several officers on one dossier at once) so keep their orders
    and counts, which a chain of transitions would mix into loops."""
    paths = ev.groupby("case_id", sort=False)["activity"].agg(tuple)
    ranks = ev.groupby("case_id", sort=False)["rank"].agg(list)
    whole = ev.groupby("case_id", sort=False)["sojourn"].sum()
    kinds = attrs.reindex(paths.index)
    names = [n for n in ("channel", "digitised", "paid_online") if used[n]]
    groups = kinds.groupby(names if len(names) > 1 else names[0], sort=True).groups \
        if names else {(): paths.index}
    out = []
    for key, members in groups.items():
        if len(members) < MIN_ROUTE:
            continue
        values = dict(zip(names, key if isinstance(key, tuple) else (key,), strict=True))
        channel = values.get("channel", CHANNELS[0])
        digitised = bool(values.get("digitised", False))
        counts = paths.loc[members].value_counts()
        counts = counts[counts >= MIN_VARIANT].head(MAX_ROUTES)
        on_path = pd.Series(list(paths.loc[members]), index=members)
        for path, k in counts.items():
            around = (START, *path, END)
            seen = on_path.index[on_path.map(lambda p, q=path: p == q).to_numpy()]
            out.append(Route(
                steps=[step_of(a, around[i], around[i + 2], channel, digitised)
                       for i, a in enumerate(path)],
                probability=math.floor(k / len(members) * 1e6) / 1e6,
                channels=[channel] if used["channel"] else None,
                digitised=digitised if used["digitised"] else None,
                paid_online=bool(values["paid_online"]) if used["paid_online"] else None,
                ranks=[list(ranks[c]) for c in _spread(seen, whole)]))
    return out


def _spread(seen: pd.Index, whole: pd.Series) -> list:
    """Up to ``MAX_RANKS`` of the dossiers ``seen`` on a route, spread evenly over them in
    the order of their ``whole`` time: the middle one of each of ``MAX_RANKS`` equal slices
    (ties in the log's order)."""
    if len(seen) <= MAX_RANKS:
        return list(seen)
    order = whole.reindex(seen).to_numpy(dtype=float)
    ordered = seen[np.lexsort((np.arange(len(seen)), order))]
    return list(ordered[((np.arange(MAX_RANKS) + 0.5) * len(seen) / MAX_RANKS).astype(int)])


def _restricted(dist: dict[str, float], targets: set) -> dict[str, float]:
    """``dist`` over the ``targets`` a process has, renormalised (empty if none)."""
    kept = {t: p for t, p in dist.items() if t in targets}
    total = sum(kept.values())
    return {t: p / total for t, p in kept.items()} if total > 0 else {}


def _distributions(hops: pd.DataFrame, names: list[str], minimum: int) -> dict:
    """``{(source, kind): {target: probability}}`` for the kinds (values of ``names``) with at
    least ``minimum`` dossiers leaving the source."""
    counts = hops.groupby(["source", *names, "target"], sort=True).size()
    counts = counts[counts > 0]
    totals = counts.groupby(level=list(range(len(names) + 1))).transform("sum")
    out: dict = {}
    for index, n in counts[totals >= minimum].items():
        total = totals[index]
        out.setdefault((index[0], tuple(index[1:-1])), {})[index[-1]] = n / total
    return out

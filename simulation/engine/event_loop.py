"""The event loop: a ``heapq`` of plain tuples over flat lists and typed arrays.

Heap items are ``(time, case, server)`` on the working-minute clock: a dossier has at most one
pending item, so ties break on the case number (arrival order); batch releases use the key
``-1 - node``, staffing changes ``-1 - n_nodes - change``. ``server`` >= 0 holds a pool server
(a place), -1 is none, <= -2 names server ``-2 - server`` without holding it (batches,
out-of-hours service). Batch release times are precomputed clock values found with
``bisect``; citizen waits and out-of-hours service run on the wall clock and re-enter the
clock at the next office minute.
"""

from __future__ import annotations

import bisect
import heapq
import math
from array import array
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from dossierflow.simulation.engine.arrivals import Arrivals
from dossierflow.simulation.engine.clock import Clock
from dossierflow.simulation.engine.codes import BATCH, NS_MIN, POOL, WAIT, WORK
from dossierflow.simulation.engine.compile import CompiledModel
from dossierflow.simulation.engine.errors import SimulationError
from dossierflow.simulation.engine.routing import Paths


@dataclass
class RunRecord:
    """What the event loop recorded, in typed arrays numpy reads without a copy.

    Per route entry: the clock values at which it started and ended (NaN: not reached) and
    its server (a place >= 0 that held it, -1 none, <= -2 place ``-2 - server`` named without
    holding it). Entries timed on the wall clock (citizen waits, out-of-hours service) also
    have their local ns. Per dossier: the clock values of its receipt, result, delivery and
    the end of its route (-1: not reached), the route entries whose end is the receipt, the
    result and the delivery (-1: none, -2: the arrival itself), its paused minutes, its
    supplement requests and the outcome set by a closing step (0: none).
    """

    entry_start: array
    entry_end: array
    entry_server: array
    wall_clock_entries: list[int]
    wall_clock_starts: list[int]
    wall_clock_ends: list[int]
    received: array
    finished: array
    returned: array
    done: array
    paused_minutes: array
    receipt_entry: array
    result_entry: array
    delivery_entry: array
    supplement_requests: array
    outcome: array
    unfinished_cases: int = 0

    @classmethod
    def empty(cls, n_entries: int, n_cases: int) -> RunRecord:
        """A record of nothing done yet."""
        return cls(entry_start=array("d", [math.nan]) * n_entries,
                   entry_end=array("d", [math.nan]) * n_entries,
                   entry_server=array("q", [-1]) * n_entries,
                   wall_clock_entries=[], wall_clock_starts=[], wall_clock_ends=[],
                   received=array("d", [-1.0]) * n_cases, finished=array("d", [-1.0]) * n_cases,
                   returned=array("d", [-1.0]) * n_cases, done=array("d", [-1.0]) * n_cases,
                   paused_minutes=array("d", [0.0]) * n_cases,
                   receipt_entry=array("q", [-1]) * n_cases,
                   result_entry=array("q", [-1]) * n_cases,
                   delivery_entry=array("q", [-1]) * n_cases,
                   supplement_requests=array("q", [0]) * n_cases,
                   outcome=array("q", [0]) * n_cases)


class _Places:
    """The places of every pool: how many are staffed, which are free, who waits for one.

    The event loop works on these containers in place through local names.
    """

    def __init__(self, comp: CompiledModel) -> None:
        self.places = list(comp.initial_places)
        self.active = bytearray(len(comp.place_pool))
        self.idle_off: set[int] = set()  # places out of service and not busy
        self.free: list[list[int]] = []
        for p, order in enumerate(comp.pool_place_order):
            first = comp.pool_places[p][0] if order else 0
            on = [x for x in order if x - first < self.places[p]]
            for x in on:
                self.active[x] = 1
            self.idle_off.update(x for x in order if x - first >= self.places[p])
            self.free.append(list(reversed(on)))
        self.queues: list[deque] = [deque() for _ in comp.pool_places]
        self.later_queues: list[deque] = [deque() for _ in comp.pool_places]
        self.turn = [0] * len(comp.pool_places)  # round robin of the named places

    def change_staffing(self, comp: CompiledModel, change: int, t: float,
                        heap: list[tuple[float, int, int]], pos: list[int], pdur: list[float],
                        start_at: array) -> None:
        """Apply staffing change ``change`` at clock ``t``: leaving places close when their
        dossier is done, new places take the waiting dossiers."""
        _, p, new = comp.staffing_changes[change]
        first = comp.pool_places[p][0]
        old, self.places[p] = self.places[p], new
        active, idle_off, fl = self.active, self.idle_off, self.free[p]
        if new < old:
            for x in range(first + new, first + old):
                active[x] = 0
            idle_off.update(x for x in fl if not active[x])
            self.free[p] = [x for x in fl if active[x]]
        elif new > old:
            back = [x for x in comp.pool_place_order[p] if first + old <= x < first + new]
            for x in back:
                active[x] = 1
            fl.extend(reversed([x for x in back if x in idle_off]))
            idle_off.difference_update(back)
            queue, later_queue = self.queues[p], self.later_queues[p]
            while fl and (queue or later_queue):
                c2 = (queue or later_queue).popleft()
                j = pos[c2]
                start_at[j] = t
                heapq.heappush(heap, (t + pdur[j], c2, fl.pop()))

    def release_batch(self, comp: CompiledModel, s: int, t: float, waiting: list[int],
                      heap: list[tuple[float, int, int]], pos: list[int],
                      start_at: array) -> None:
        """Release batch step ``s`` at clock ``t``: everybody waiting goes together, one
        trip, named after the next place of the step's pool."""
        duration = comp.next_batch_duration[s]()
        p = comp.node_pool[s]
        code = -1
        if p >= 0:
            code = -2 - comp.pool_places[p][self.turn[p] % self.places[p]]
            self.turn[p] += 1
        for c in waiting:
            start_at[pos[c]] = t
            heapq.heappush(heap, (t + duration, c, code))


# One function on purpose: the loop runs once per event (millions per province-year), and
# its state lives in local names and in the closure ``enter``; splitting the loop body into
# functions would pass that state on every event and slow the run. The rare events
# (staffing changes, batch releases) are methods of ``_Places``.
def run_event_loop(comp: CompiledModel, clock: Clock, arr: Arrivals, paths: Paths,
                   process_of: np.ndarray, t_stop: float,
                   progress: Callable[[float], None] | None) -> RunRecord:
    """Run the dossiers through the centre until all are done or the clock passes
    ``t_stop``; ``process_of``: the process of each dossier."""
    n = len(arr.clock)
    record = RunRecord.empty(len(paths.node), n)
    heap: list[tuple[float, int, int]] = []
    push, pop, replace = heapq.heappush, heapq.heappop, heapq.heapreplace
    pnode = paths.node.tolist()
    pdur = paths.duration.tolist()
    pos = paths.first.tolist()
    start_at, end_at, server_at = record.entry_start, record.entry_end, record.entry_server
    wall_entries, wall_starts, wall_ends = (record.wall_clock_entries, record.wall_clock_starts,
                                            record.wall_clock_ends)

    kind, npool, nbatch, paper_only = comp.node_kind, comp.node_pool, comp.node_batch, \
        comp.paper_only
    flags_of, close_of, ooh = comp.node_flags, comp.closing_outcome, comp.out_of_hours
    releases = comp.releases
    staff = _Places(comp)
    places, active, idle_off, free = staff.places, staff.active, staff.idle_off, staff.free
    queues, later_queues, turn = staff.queues, staff.later_queues, staff.turn
    later, cont = comp.low_priority, comp.continues
    n_nodes = comp.n_nodes
    for e, (at, _, _) in enumerate(comp.staffing_changes):
        heap.append((at, -1 - n_nodes - e, 0))
    heapq.heapify(heap)
    batch_wait: dict[tuple[int, float], list[int]] = {}
    to_clock1, from_clock1 = clock.to_clock1, clock.from_clock1

    arr_clock = arr.clock.tolist()
    digitised = arr.digitised.tolist()
    closed = arr.closed.tolist()
    channel = arr.channel.tolist()
    wall = arr.wall.tolist()
    process_list = process_of.tolist()
    receipt_at_arrival = comp.receipt_at_arrival

    received, finished, returned = record.received, record.finished, record.returned
    done, paused = record.done, record.paused_minutes
    receipt_entry, result_entry = record.receipt_entry, record.result_entry
    delivery_entry = record.delivery_entry
    supplements, outcome = record.supplement_requests, record.outcome

    def enter(case: int, i: int, s: int, t: float) -> None:
        """Start step entry ``i`` (node ``s``) of ``case`` at clock ``t``: any kind of step."""
        k = kind[s]
        if k == BATCH and paper_only[s] and digitised[case]:
            k = POOL if npool[s] >= 0 else WORK
        if k == POOL:
            p = npool[s]
            fl = free[p]
            if fl:
                start_at[i] = t
                push(heap, (t + pdur[i], case, fl.pop()))
            else:
                (later_queues if later[s] else queues)[p].append(case)
        elif k == WORK:
            start_at[i] = t
            push(heap, (t + pdur[i], case, -1))
        elif k == WAIT:
            w0 = from_clock1(t)
            w1 = w0 + int(pdur[i] * NS_MIN)
            start_at[i] = t
            wall_entries.append(i)
            wall_starts.append(w0)
            wall_ends.append(w1)
            push(heap, (to_clock1(w1), case, -1))
        else:
            rel = releases[nbatch[s]]
            r = bisect.bisect_left(rel, t)
            if r >= len(rel):
                raise SimulationError("a batch release falls beyond the working calendar.",
                                      fix="shorten the horizon.")
            r = rel[r]
            waiting = batch_wait.get((s, r))
            if waiting is None:
                batch_wait[(s, r)] = [case]
                push(heap, (r, -1 - s, 0))
            else:
                waiting.append(case)

    # ``route_pool[s]``: the pool of a pool step, -1 for other steps (handled by ``enter``)
    route_pool = [npool[s] if kind[s] == POOL else -1 for s in range(len(kind))]
    ai = 0
    next_arrival = arr_clock[0] if n else math.inf
    report_every = max(n // 40, 1)
    while True:
        if heap:
            top = heap[0]
            t = top[0]
            arriving = next_arrival <= t
        elif next_arrival < math.inf:
            arriving = True
        else:
            break
        if arriving:
            case = ai
            t = next_arrival
            ai += 1
            next_arrival = arr_clock[ai] if ai < n else math.inf
            if progress and ai % report_every == 0:
                progress(0.1 + 0.8 * ai / n)
            if receipt_at_arrival[process_list[case]]:
                received[case] = t
                receipt_entry[case] = -2
            i = pos[case]
            s = pnode[i]
            if s < 0:
                done[case] = finished[case] = t
                result_entry[case] = -2
            elif closed[case] and ooh[s] >> channel[case] & 1:
                # served at once in wall-clock time by an out-of-hours place, named in turn
                p = npool[s]
                gid = comp.pool_places[p][turn[p] % places[p]]
                turn[p] += 1
                w0 = wall[case]
                w1 = w0 + int(pdur[i] * NS_MIN)
                start_at[i] = t
                wall_entries.append(i)
                wall_starts.append(w0)
                wall_ends.append(w1)
                push(heap, (to_clock1(w1), case, -2 - gid))
            else:
                enter(case, i, s, t)
            continue

        if t > t_stop:
            break
        case = top[1]
        if case < -n_nodes:
            pop(heap)
            staff.change_staffing(comp, -1 - n_nodes - case, t, heap, pos, pdur, start_at)
            continue
        if case < 0:
            pop(heap)
            s = -1 - case
            staff.release_batch(comp, s, t, batch_wait.pop((s, t)), heap, pos, start_at)
            continue
        i = pos[case]
        end_at[i] = t
        s = pnode[i]
        srv = top[2]
        # ``top`` stays on the heap until a new item can replace it (one sift, not two)
        nxt = pnode[i + 1]
        kept = srv >= 0 and nxt >= 0 and cont[nxt] and npool[nxt] == npool[s] and active[srv]
        if kept:  # the officer goes straight on with the next step of the dossier
            server_at[i] = srv
            popped = False
        elif srv >= 0:
            server_at[i] = srv
            p = npool[s]
            queue = queues[p] or later_queues[p]
            if not active[srv]:  # the officer has left: the place closes
                idle_off.add(srv)
                popped = False
            elif queue:
                c2 = queue.popleft()
                j = pos[c2]
                start_at[j] = t
                replace(heap, (t + pdur[j], c2, srv))
                popped = True
            else:
                free[p].append(srv)
                popped = False
        else:
            if srv != -1:
                server_at[i] = srv
            popped = False
        f = flags_of[s]
        if f:  # the F_* flags of codes.py, as literals
            if f & 1 and received[case] < 0:  # receipt: the legal clock starts
                received[case] = t
                receipt_entry[case] = i
            if f & 8 and received[case] >= 0:  # citizen wait: the legal clock pauses
                paused[case] += t - start_at[i]
            if f & 16:  # supplement requested
                supplements[case] += 1
            if f & 2 and finished[case] < 0:  # result ready
                finished[case] = t
                result_entry[case] = i
            if f & 4:  # result delivered
                returned[case] = t
                delivery_entry[case] = i
            if f & 32:  # refused, withdrawn, stopped
                outcome[case] = close_of[s]
                if finished[case] < 0:
                    finished[case] = t
                    result_entry[case] = i
        i += 1
        pos[case] = i
        s = pnode[i]
        if s < 0:
            done[case] = t
            if finished[case] < 0:
                finished[case] = t
                result_entry[case] = i - 1
            if not popped:
                pop(heap)
            continue
        p = route_pool[s]
        if kept:
            start_at[i] = t
            replace(heap, (t + pdur[i], case, srv))
        elif p >= 0:
            fl = free[p]
            if fl:
                start_at[i] = t
                if popped:
                    push(heap, (t + pdur[i], case, fl.pop()))
                else:
                    replace(heap, (t + pdur[i], case, fl.pop()))
            else:
                (later_queues if later[s] else queues)[p].append(case)
                if not popped:
                    pop(heap)
        else:
            if not popped:
                pop(heap)
            enter(case, i, s, t)

    record.unfinished_cases = int((np.frombuffer(done, dtype=np.float64) < 0).sum()) if n else 0
    return record

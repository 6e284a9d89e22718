"""Greedy insertion baseline: insert the gate of best prize per added second at its cheapest feasible place."""

from __future__ import annotations

import heapq
import time

from patrol.assemble import assemble
from patrol.model import Instance, Solution
from patrol.reasons import eligible
from patrol.timing import extra_travel, schedule


def best_insertion(inst: Instance, k: int, order: list[int], gi: int) -> tuple[int, int] | None:
    """Cheapest feasible (added travel, position) for gate gi in vehicle k's order, or None."""
    v, best = inst.vehicles[k], None
    for pos in range(len(order) + 1):
        added = extra_travel(inst, v, order, pos, gi)
        if (best is None or added < best[0]) and schedule(inst, v, [*order[:pos], gi, *order[pos:]]):
            best = (added, pos)
    return best


def fill(inst: Instance, orders: list[list[int]], elig: list[list[int]] | None = None) -> list[list[int]]:
    """Insert unvisited gates into the orders (changed in place) while any fits; return the orders."""
    elig = eligible(inst) if elig is None else elig
    done = {g for o in orders for g in o}
    by_vehicle: list[list[int]] = [[] for _ in inst.vehicles]
    for gi, ks in enumerate(elig):
        for k in ks:
            by_vehicle[k].append(gi)
    version = [0] * len(inst.vehicles)
    heap: list[tuple[float, int, int, int, int, int]] = []

    def push(k: int) -> None:
        for gi in by_vehicle[k]:
            if gi not in done and (ins := best_insertion(inst, k, orders[k], gi)) is not None:
                ratio = inst.gates[gi].prize / max(ins[0] + inst.dwell_s, 1)
                heapq.heappush(heap, (-ratio, ins[0], gi, k, ins[1], version[k]))

    for k in range(len(inst.vehicles)):
        push(k)
    while heap:
        _, _, gi, k, pos, ver = heapq.heappop(heap)
        if gi in done or ver != version[k]:
            continue
        orders[k].insert(pos, gi)
        done.add(gi)
        version[k] += 1
        push(k)
    return orders


def solve_greedy(inst: Instance, time_limit_s: float = 0.0) -> Solution:
    """The greedy insertion solution (time_limit_s is ignored: it runs once)."""
    start = time.perf_counter()
    orders = fill(inst, [[] for _ in inst.vehicles])
    return assemble(inst, orders, "greedy", time.perf_counter() - start)

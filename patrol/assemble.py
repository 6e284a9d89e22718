"""A Solution from per-vehicle gate orders: each route timed by the one rule, every other gate with its reason."""

from __future__ import annotations

from collections.abc import Sequence

from patrol.model import Instance, Solution
from patrol.reasons import uncovered
from patrol.timing import schedule


def assemble(inst: Instance, orders: Sequence[Sequence[int]], solver: str, seconds: float) -> Solution:
    """Build the Solution of per-vehicle gate orders (vehicle order of inst.vehicles); ValueError if infeasible."""
    routes = []
    for v, order in zip(inst.vehicles, orders, strict=True):
        if not order:
            continue
        route = schedule(inst, v, order)
        if route is None:
            raise ValueError(f"{solver}: infeasible route for vehicle {v.id}: {list(order)}")
        routes.append(route)
    covered = [s.school_code for r in routes for s in r.stops]
    prize = sum(inst.gates[g].prize for order in orders for g in order)
    return Solution(tuple(routes), prize, uncovered(inst, covered), solver, round(seconds, 3))

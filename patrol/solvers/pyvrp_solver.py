"""Solver B: PyVRP's iterated local search on optional prize-paying clients with time windows and own depots."""

from __future__ import annotations

import time

import numpy as np
from pyvrp import Client, Depot, Location, PenaltyParams, ProblemData, SolveParams, VehicleType
from pyvrp import Route as PyvrpRoute
from pyvrp import Solution as PyvrpSolution
from pyvrp import solve as pyvrp_solve
from pyvrp.stop import MaxRuntime, MultipleCriteria, NoImprovement

from patrol.assemble import assemble
from patrol.greedy import fill
from patrol.model import Instance, Solution
from patrol.reasons import eligible
from patrol.solvers.common import Frame

NO_IMPROVEMENT = 20_000  # iterations without a better solution before stopping early


def pyvrp_weight(inst: Instance) -> int:
    """Seconds per prize unit: more than one vehicle's longest possible route (all of them would dwarf penalties)."""
    return max(inst.return_by(v) + v.lead_s for v in inst.vehicles) + 1


def problem(inst: Instance, f: Frame) -> tuple[ProblemData, list[list[int]]]:
    """PyVRP data of the frame, and per vehicle type the instance vehicles it stands for."""
    travel, weight = f.travel(), pyvrp_weight(inst)
    duration = np.where(travel >= 0, travel, f.horizon + 1)
    distance = np.where(travel >= 0, travel, weight)
    locations = [Location(0, 0) for _ in range(f.size)]
    depots = [Depot(i) for i in range(f.n_depots)]
    last_start = f.offset + inst.window_s - inst.dwell_s
    clients = [
        Client(f.n_depots + j, service_duration=inst.dwell_s, tw_early=f.offset, tw_late=last_start,
               prize=inst.gates[gi].prize * weight, required=False)
        for j, gi in enumerate(f.gates)
    ]
    kinds: dict[tuple[int, int, int], list[int]] = {}
    for k, v in enumerate(inst.vehicles):
        kinds.setdefault((f.starts[k], f.offset - v.lead_s, f.offset + inst.return_by(v)), []).append(k)
    types = [
        VehicleType(len(ks), start_depot=d, end_depot=d, tw_early=early, tw_late=late, unit_distance_cost=1)
        for (d, early, late), ks in kinds.items()
    ]
    return ProblemData(locations, clients, depots, types, [distance], [duration]), list(kinds.values())


def solve_pyvrp(inst: Instance, time_limit_s: float = 10.0, seed: int = 0,
                no_improvement: int = NO_IMPROVEMENT) -> Solution:
    """Prize-collecting VRPTW with PyVRP, started from the greedy plan, polished by greedy insertion."""
    start = time.perf_counter()
    elig = eligible(inst)
    f = Frame.of(inst, elig)
    greedy = fill(inst, [[] for _ in inst.vehicles], elig)
    if not f.gates:
        return assemble(inst, greedy, "pyvrp", time.perf_counter() - start)
    data, members = problem(inst, f)
    vtype = {k: t for t, ks in enumerate(members) for k in ks}
    local = f.local
    seed_routes = [PyvrpRoute(data, [local[g] for g in o], vtype[k]) for k, o in enumerate(greedy) if o]
    initial = PyvrpSolution(data, seed_routes)
    left = max(time_limit_s - (time.perf_counter() - start), 0.1)
    stop = MultipleCriteria([MaxRuntime(left), NoImprovement(no_improvement)])
    top = pyvrp_weight(inst) * max(inst.gates[gi].prize for gi in f.gates)
    params = SolveParams(penalty=PenaltyParams(max_penalty=max(2.0 * top, 100_000.0)))
    result = pyvrp_solve(data, stop, seed, False, False, params, initial)
    orders: list[list[int]] = [[] for _ in inst.vehicles]
    if result.best.is_feasible():
        free = [list(ks) for ks in members]
        for route in result.best.routes():
            k = free[route.vehicle_type()].pop(0)
            orders[k] = [f.gates[a.idx] for a in route.schedule() if a.is_client()]
    else:
        orders = greedy
    return assemble(inst, fill(inst, orders, elig), "pyvrp", time.perf_counter() - start)


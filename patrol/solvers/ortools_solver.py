"""Solver A: OR-Tools routing with a time dimension, prize disjunctions, per-vehicle depots and guided local search."""

from __future__ import annotations

import time

from ortools.constraint_solver import pywrapcp, routing_enums_pb2
from ortools.util import optional_boolean_pb2

from patrol.assemble import assemble
from patrol.greedy import fill
from patrol.model import Instance, Solution
from patrol.reasons import eligible
from patrol.solvers.common import Frame, prize_weight

# swapping which gates are served needs large moves: without these GLS misses the optimum on some small instances
LNS_OPERATORS = ("use_path_lns", "use_inactive_lns", "use_tsp_lns")


def solve_ortools(inst: Instance, time_limit_s: float = 10.0) -> Solution:
    """Prize-collecting VRPTW with OR-Tools, started from the greedy plan, polished by greedy insertion."""
    start = time.perf_counter()
    elig = eligible(inst)
    f = Frame.of(inst, elig)
    seed = fill(inst, [[] for _ in inst.vehicles], elig)
    if not f.gates:
        return assemble(inst, seed, "ortools", time.perf_counter() - start)
    manager = pywrapcp.RoutingIndexManager(f.size, len(inst.vehicles), f.starts, f.starts)
    routing = pywrapcp.RoutingModel(manager)
    cost = routing.RegisterTransitMatrix(f.cost_matrix())
    routing.SetArcCostEvaluatorOfAllVehicles(cost)
    horizon = f.horizon
    routing.AddDimension(routing.RegisterTransitMatrix(f.time_matrix()), horizon, horizon, False, "time")
    dim = routing.GetDimensionOrDie("time")
    weight = prize_weight(inst)
    for j, gi in enumerate(f.gates):
        index = manager.NodeToIndex(f.n_depots + j)
        dim.CumulVar(index).SetRange(f.offset, f.offset + inst.window_s - inst.dwell_s)
        routing.AddDisjunction([index], inst.gates[gi].prize * weight)
    for k, v in enumerate(inst.vehicles):
        dim.CumulVar(routing.Start(k)).SetRange(f.offset - v.lead_s, horizon)
        dim.CumulVar(routing.End(k)).SetRange(0, f.offset + inst.return_by(v))
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PARALLEL_CHEAPEST_INSERTION
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromMilliseconds(int(time_limit_s * 1000))
    for lns in LNS_OPERATORS:
        setattr(params.local_search_operators, lns, optional_boolean_pb2.BOOL_TRUE)
    routing.CloseModelWithParameters(params)
    left = max(time_limit_s - (time.perf_counter() - start), 0.1)
    params.time_limit.FromMilliseconds(int(left * 1000))
    seed_routes = [[manager.NodeToIndex(f.n_depots + f.local[g]) for g in o] for o in seed]
    initial = routing.ReadAssignmentFromRoutes(seed_routes, True)
    found = routing.SolveFromAssignmentWithParameters(initial, params) if initial else None
    found = found or routing.SolveWithParameters(params)
    orders = seed
    if found is not None:
        orders = []
        for k in range(len(inst.vehicles)):
            index, order = found.Value(routing.NextVar(routing.Start(k))), []
            while not routing.IsEnd(index):
                order.append(f.gates[manager.IndexToNode(index) - f.n_depots])
                index = found.Value(routing.NextVar(index))
            orders.append(order)
    return assemble(inst, fill(inst, orders, elig), "ortools", time.perf_counter() - start)

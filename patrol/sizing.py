"""Sizing (车辆测算): per county, how many schools a plan covers with 0, 1, 2 … vehicles, until all reachable are.

- Covered counts like a plan's ``covered``: a school with a manned 护学岗 post counts as covered (with 0 vehicles)
  and as reachable; the other schools are gates, with the priorities of a plan (patrol/priority.py).
- Candidates: every police unit of the county with a position (plan_units.sql), whether it has vehicles today
  or not; units whose travel times to and from every gate are the same (one road node) are one candidate.
- ``reachable``: the posts, plus the gates some vehicle at some candidate can serve alone in time
  (reasons.alone_ok); the others are ``beyond`` (``unreachable`` or ``too_far``): a fixed post or a nearer unit.
- The curve: 0 vehicles cover the posts; each step adds one vehicle at the candidate that covers the most schools
  (tie: most prize, then least travel). Each candidate is the better of the previous step's routes topped up by
  greedy insertion (patrol/greedy.fill: never fewer) and a short solver run (PyVRP, STEP_NO_IMPROVEMENT
  iterations or STEP_TIME_S). A vehicle at the right unit reaches any one reachable gate, so each step covers at
  least one more and the curve ends within #reachable steps; ``vehicles_needed`` is its length.
- ``vehicles`` and ``covered`` are today's: the county's plan with today's vehicles (the normal plan inputs).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa

from db.analytics import reports
from db.routing.paths import travel_matrix
from db.settings import Settings
from patrol.greedy import fill
from patrol.inputs import Scope, read_inputs
from patrol.model import Gate, Instance, Solution, Uncovered, Vehicle
from patrol.plan import DEFAULT_SOLVER, with_priority
from patrol.reasons import eligible, reason
from patrol.solvers import solve
from patrol.timing import schedule

STEP_NO_IMPROVEMENT, STEP_TIME_S = 300, 0.5  # one candidate's solver run (README: bench, ≤ 60 s for the demo)
TODAY_TIME_S = 4.0  # today's plan of a county


@dataclass(frozen=True)
class Step:
    """A point of the curve: with this many vehicles, schools covered, their prize, travel, the unit added."""

    vehicles: int
    covered: int
    prize: int
    travel_s: int
    unit_code: str | None


@dataclass(frozen=True)
class CountySizing:
    """A county's sizing: schools, reachable, today's vehicles and coverage, the curve, what is beyond reach."""

    county_adcode: str
    schools: int
    reachable: int
    vehicles: int
    covered: int
    curve: tuple[Step, ...]
    beyond: tuple[Uncovered, ...]

    @property
    def vehicles_needed(self) -> int:
        """The fewest vehicles of the curve that cover every reachable school."""
        return next(s.vehicles for s in self.curve if s.covered >= self.reachable)


def verdict(found: CountySizing) -> tuple[str, dict[str, int]]:
    """The bureau's sentence of a county's sizing as its text key and numbers (the CLI and the page say it).

    ``rota.sizing.enough`` when today's vehicles cover every reachable school; ``rota.sizing.more`` when more are
    needed (k more vehicles, n more schools); ``rota.sizing.placed`` when there are enough but at the wrong units.
    """
    more = found.vehicles_needed - found.vehicles
    key = ("rota.sizing.enough" if found.covered >= found.reachable else "rota.sizing.more" if more > 0
           else "rota.sizing.placed")
    return key, {"k": more, "n": found.reachable - found.covered, "vehicles": found.vehicles,
                 "covered": found.covered, "reachable": found.reachable, "needed": found.vehicles_needed}


def solved(inst: Instance, solver: str, time_s: float, no_improvement: int) -> Solution:
    """The instance solved by the named solver, PyVRP with a short stop."""
    if solver == "pyvrp":
        from patrol.solvers.pyvrp_solver import solve_pyvrp
        return solve_pyvrp(inst, time_s, no_improvement=no_improvement)
    return solve(inst, solver, time_s)


def orders_of(inst: Instance, solution: Solution) -> list[list[int]]:
    """Per vehicle of the instance, its gate indices in route order."""
    index = {g.school_code: i for i, g in enumerate(inst.gates)}
    stops = {r.vehicle_id: [index[s.school_code] for s in r.stops] for r in solution.routes}
    return [stops.get(v.id, []) for v in inst.vehicles]


def score(inst: Instance, orders: list[list[int]]) -> tuple[int, int, int]:
    """(gates covered, prize, -travel) of per-vehicle orders: bigger is better."""
    routes = [schedule(inst, v, o) for v, o in zip(inst.vehicles, orders, strict=True) if o]
    return (sum(map(len, orders)), sum(inst.gates[g].prize for o in orders for g in o),
            -sum(r.travel_total_s for r in routes if r is not None))


def grow(travel_s: np.ndarray, gates: list[Gate], candidates: list[tuple[str, int]], window_s: int, dwell_s: int,
         lead_s: int, posts: int = 0, solver: str = DEFAULT_SOLVER, step_s: float = STEP_TIME_S,
         no_improvement: int = STEP_NO_IMPROVEMENT) -> tuple[list[Step], list[Uncovered], int]:
    """The curve over candidate (unit_code, node) depots, the gates beyond reach, and the number reachable."""
    probe = Instance(travel_s, [Vehicle(f"probe{k}", c, n, lead_s) for k, (c, n) in enumerate(candidates)],
                     gates, window_s, dwell_s)
    elig = eligible(probe)
    beyond = [Uncovered(g.school_code, reason(probe, gi)) for gi, g in enumerate(gates) if not elig[gi]]
    useful = [c for k, c in enumerate(candidates) if any(k in ks for ks in elig)]
    reach = len(gates) - len(beyond)
    vehicles: list[Vehicle] = []
    orders: list[list[int]] = []
    curve = [Step(0, posts, 0, 0, None)]
    while sum(map(len, orders)) < reach:
        best: tuple[tuple[int, int, int], list[list[int]], Vehicle] | None = None
        for code, node in useful:
            v = Vehicle(f"+{len(vehicles) + 1}@{code}", code, node, lead_s)
            inst = Instance(travel_s, [*vehicles, v], gates, window_s, dwell_s)
            tried = [fill(inst, [list(o) for o in orders] + [[]])]
            if sum(map(len, tried[0])) < reach:
                tried.append(orders_of(inst, solved(inst, solver, step_s, no_improvement)))
            for o in tried:
                if best is None or score(inst, o) > best[0]:
                    best = (score(inst, o), o, v)
        if best is None or best[0][0] <= sum(map(len, orders)):
            break  # cannot happen (a vehicle at the right unit reaches any reachable gate); never loop for ever
        (covered, prize, travel), orders, added = best
        vehicles.append(added)
        curve.append(Step(len(vehicles), posts + covered, prize, -travel, added.unit_code))
    return curve, beyond, posts + reach


def today(travel_s: np.ndarray, gates: list[Gate], fleet: list[Vehicle], window_s: int, dwell_s: int,
          solver: str, time_s: float) -> int:
    """Gates today's vehicles cover: greedy when it already covers all they can reach, else the plan's solver."""
    if not fleet:
        return 0
    inst = Instance(travel_s, fleet, gates, window_s, dwell_s)
    elig = eligible(inst)
    greedy = fill(inst, [[] for _ in fleet], elig)
    if sum(map(len, greedy)) == sum(1 for ks in elig if ks):
        return sum(map(len, greedy))
    return len(solve(inst, solver, time_s).covered)


def sizing(conn: sa.Connection, scope: Scope, settings: Settings, solver: str = DEFAULT_SOLVER,
           today_s: float = TODAY_TIME_S, step_s: float = STEP_TIME_S) -> list[CountySizing]:
    """The sizing of each county of the scope, in county order (nothing is stored)."""
    inputs = read_inputs(conn, scope, settings, need_vehicles=False)
    schools = with_priority(inputs.schools)
    units = reports.frame(conn, "plan_units", counties=scope.county_arg)
    gates = schools[~schools["post_manned"].astype(bool)]
    points = ([(("unit", u), float(x), float(y)) for u, x, y in zip(units["unit_code"], units["lon"], units["lat"],
                                                                    strict=True)]
              + [(("school", g.school_code), float(g.lon), float(g.lat)) for g in gates.itertuples()])
    keys, matrix = travel_matrix(conn, points, settings)
    node = {k: i for i, k in enumerate(keys)}
    window_s = int((inputs.window_end - inputs.window_start).total_seconds())
    dwell_s, lead_s = scope.dwell_min * 60, settings.plan_lead_min * 60
    out = []
    for county in sorted(set(schools["county_adcode"])):
        mine = gates[gates["county_adcode"] == county]
        at = [node[("school", c)] for c in mine["school_code"]]
        depots: dict[tuple[int, ...], tuple[str, int]] = {}  # one candidate per distinct travel row and column
        for code in units.loc[units["county_adcode"] == county, "unit_code"]:
            i = node[("unit", code)]
            depots.setdefault(tuple(matrix[i, at]) + tuple(matrix[at, i]), (code, i))
        fleet = inputs.vehicles[inputs.vehicles["county_adcode"] == county] if len(inputs.vehicles) else None
        homes = [] if fleet is None else [node[("unit", u)] for u in fleet["unit_code"]]
        nodes = list(dict.fromkeys([i for _, i in depots.values()] + homes)) + at
        local = {n: j for j, n in enumerate(nodes)}
        sub = matrix[np.ix_(nodes, nodes)]
        county_gates = [Gate(c, local[i], int(p)) for c, i, p in zip(mine["school_code"], at, mine["prize"],
                                                                    strict=True)]
        posts = int((schools["county_adcode"] == county).sum()) - len(mine)
        curve, beyond, reachable = grow(sub, county_gates, [(c, local[i]) for c, i in depots.values()], window_s,
                                        dwell_s, lead_s, posts, solver, step_s)
        vehicles = [] if fleet is None else [Vehicle(v, u, local[h], lead_s) for v, u, h in
                                             zip(fleet["vehicle_id"], fleet["unit_code"], homes, strict=True)]
        covered = today(sub, county_gates, vehicles, window_s, dwell_s, solver, today_s)
        out.append(CountySizing(county, posts + len(mine), reachable, len(vehicles), posts + covered, tuple(curve),
                                tuple(beyond)))
    return out

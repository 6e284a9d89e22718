"""Making a plan: inputs from the database → the routing problem → a solver → routes on the roads → stored."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass

import pandas as pd
import shapely
import sqlalchemy as sa

from db import plans
from db.routing.paths import Point, route_geometry, travel_matrix
from db.settings import Settings
from patrol.inputs import Inputs, Scope, read_inputs
from patrol.model import Gate, Instance, Solution, Vehicle
from patrol.priority import priority_of
from patrol.solvers import solve

DEFAULT_SOLVER = "pyvrp"  # the most priority covered at the prefecture and county sizes (README: bench)
DEFAULT_TIME_LIMIT_S = 8.0  # so that a whole-prefecture window, matrix included, stays within 10 s


@dataclass(frozen=True)
class Made:
    """A stored plan: its id, the problem and solution it came from, the seconds each step took."""

    plan_id: int
    inputs: Inputs
    instance: Instance
    solution: Solution
    seconds: dict[str, float]


def points_of(inputs: Inputs, gates: pd.DataFrame) -> list[Point]:
    """The depots (one per unit with a vehicle), then the gates to visit, as keyed points."""
    units = inputs.vehicles.drop_duplicates("unit_code")
    return ([(("unit", u.unit_code), float(u.lon), float(u.lat)) for u in units.itertuples()]
            + [(("school", g.school_code), float(g.lon), float(g.lat)) for g in gates.itertuples()])


def instance_of(inputs: Inputs, gates: pd.DataFrame, keys: list[Hashable], matrix: object,
                settings: Settings) -> Instance:
    """The prize-collecting VRPTW of the window: vehicles at their unit's node, gates with their priority."""
    node = {k: i for i, k in enumerate(keys)}
    lead_s = settings.plan_lead_min * 60
    vehicles = [Vehicle(v.vehicle_id, v.unit_code, node[("unit", v.unit_code)], lead_s)
                for v in inputs.vehicles.itertuples()]
    prizes = [Gate(g.school_code, node[("school", g.school_code)], int(g.prize)) for g in gates.itertuples()]
    window_s = int((inputs.window_end - inputs.window_start).total_seconds())
    return Instance(matrix, vehicles, prizes, window_s, inputs.scope.dwell_min * 60,
                    name=f"{inputs.scope.on} {inputs.scope.window}")


def with_priority(schools: pd.DataFrame) -> pd.DataFrame:
    """The schools with their prize and its parts (patrol/priority.py)."""
    scored = [priority_of(row) for row in schools.to_dict("records")]
    return schools.assign(prize=[p.prize for p in scored], parts=[p.parts for p in scored])


def paths(conn: sa.Connection, solution: Solution, units: dict[str, str], points: list[Point],
          settings: Settings) -> dict[str, shapely.MultiLineString | None]:
    """Each route's line along the roads: unit → gates in order → unit."""
    legs_of: dict[str, list[tuple[Hashable, Hashable]]] = {}
    for route in solution.routes:
        keys = [("unit", units[route.vehicle_id])] + [("school", s.school_code) for s in route.stops]
        keys.append(keys[0])
        legs_of[route.vehicle_id] = list(zip(keys, keys[1:], strict=False))
    wanted = [leg for legs in legs_of.values() for leg in legs]
    used = {key for leg in wanted for key in leg}
    lines = route_geometry(conn, wanted, [p for p in points if p[0] in used], settings) if wanted else {}
    out: dict[str, shapely.MultiLineString | None] = {}
    for vehicle, legs in legs_of.items():
        parts = [lines[leg] for leg in legs if lines.get(leg) is not None]
        out[vehicle] = shapely.MultiLineString(parts) if parts else None
    return out


def make_plan(conn: sa.Connection, scope: Scope, made_by: str, settings: Settings,
              solver: str = DEFAULT_SOLVER, time_limit_s: float = DEFAULT_TIME_LIMIT_S,
              weigh: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
              params: dict[str, object] | None = None) -> Made:
    """Read, solve, draw and store one plan in the caller's transaction; weigh (the rota's) may turn the prizes."""
    clock = time.perf_counter()
    inputs = read_inputs(conn, scope, settings)
    schools = with_priority(inputs.schools)
    schools = weigh(schools) if weigh is not None else schools
    gates = schools[~schools["post_manned"].astype(bool)]
    points = points_of(inputs, gates)
    keys, matrix = travel_matrix(conn, points, settings)
    seconds = {"inputs_and_matrix": time.perf_counter() - clock}
    instance = instance_of(inputs, gates, keys, matrix, settings)
    solution = solve(instance, solver=solver, time_limit_s=time_limit_s)
    seconds["solve"] = solution.seconds
    units = dict(zip(inputs.vehicles["vehicle_id"], inputs.vehicles["unit_code"], strict=True))
    lines = paths(conn, solution, units, points, settings)
    header, routes, stops, uncovered = rows_of(inputs, schools, solution, lines, made_by,
                                               {"solver": solver, "time_limit_s": time_limit_s,
                                                "lead_min": settings.plan_lead_min, "travel": "pgRouting",
                                                **(params or {})})
    plan_id = plans.save_plan(conn, header, routes, stops, uncovered)
    seconds["total"] = time.perf_counter() - clock
    return Made(plan_id, inputs, instance, solution, seconds)


def rows_of(inputs: Inputs, schools: pd.DataFrame, solution: Solution,
            lines: dict[str, shapely.MultiLineString | None], made_by: str, params: dict[str, object]
            ) -> tuple[plans.PlanHeader, list[plans.RouteRow], list[plans.StopRow], list[plans.UncoveredRow]]:
    """The stored rows of a solution: header, a route per vehicle used, its stops, every uncovered school."""
    by_code = schools.set_index("school_code")
    county = dict(zip(inputs.vehicles["vehicle_id"], inputs.vehicles["county_adcode"], strict=True))
    unit = dict(zip(inputs.vehicles["vehicle_id"], inputs.vehicles["unit_code"], strict=True))
    at = inputs.window_start
    routes, stops = [], []
    for number, route in enumerate(solution.routes, start=1):
        routes.append(plans.RouteRow(route.vehicle_id, unit[route.vehicle_id], county[route.vehicle_id], number,
                                     route.travel_total_s, lines.get(route.vehicle_id)))
        for seq, stop in enumerate(route.stops, start=1):
            school = by_code.loc[stop.school_code]
            stops.append(plans.StopRow(route.vehicle_id, seq, stop.school_code, school["county_adcode"],
                                       at + dt.timedelta(seconds=stop.arrive_s),
                                       at + dt.timedelta(seconds=stop.depart_s), stop.travel_s,
                                       float(school["prize"]), school["parts"]))
    uncovered = [plans.UncoveredRow(u.school_code, by_code.loc[u.school_code, "county_adcode"], u.reason,
                                    float(by_code.loc[u.school_code, "prize"]), by_code.loc[u.school_code, "parts"])
                 for u in solution.uncovered]
    posts = schools[schools["post_manned"].astype(bool)]
    scope = inputs.scope
    header = plans.PlanHeader(
        made_by, scope.on, scope.window, inputs.window_start, inputs.window_end,
        scope.counties[0] if scope.counties and len(scope.counties) == 1 else None, scope.dwell_min,
        schools=len(schools), covered=len(stops) + len(posts), prize_total=float(schools["prize"].sum()),
        prize_covered=float(solution.prize + posts["prize"].sum()),
        params=params,
        inputs={"schools": len(schools), "posts_manned": len(posts), "gates": len(schools) - len(posts),
                "vehicles": len(inputs.vehicles), "vehicles_left_out": len(inputs.left_out),
                "post_schools": sorted(posts["school_code"])})
    return header, routes, stops, uncovered

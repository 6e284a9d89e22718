"""The timing rules and the reasons, on hand-built instances, for every solver."""

import dataclasses

import numpy as np
import pytest

from patrol import SOLVERS, Gate, Instance, Vehicle, check, solve
from tests.patrol.helpers import line


def run_all(inst):
    """Every solver's checked solution."""
    out = {}
    for name in SOLVERS:
        out[name] = solve(inst, name, time_limit_s=0.3)
        check(inst, out[name])
    return out


def reasons(sol):
    return {u.school_code: u.reason for u in sol.uncovered}


def test_stop_past_window_end_is_too_far_and_an_early_arrival_waits():
    inst = line([2500, 1000], [50, 1], window_s=900)  # S0 would start at 700 and leave at 1300 > 900
    for name, sol in run_all(inst).items():
        assert reasons(sol) == {"S0": "too_far"}, name
        (stop,) = sol.routes[0].stops
        assert (stop.school_code, stop.arrive_s, stop.depart_s, stop.travel_s) == ("S1", 0, 600, 1000), name
        assert sol.routes[0].back_s == 1600


def test_stop_that_just_fits_the_window_is_served():
    inst = line([2100], [1], window_s=900, return_by_s=3000)  # arrives at 300, leaves exactly at 900
    for sol in run_all(inst).values():
        assert sol.routes[0].stops[0].arrive_s == 300 and sol.routes[0].stops[0].depart_s == 900


def test_dwell_keeps_one_vehicle_from_two_gates_a_minute_apart():
    inst = line([600, 600], [3, 4], window_s=900, dwell_s=600, between=60)
    for name, sol in run_all(inst).items():
        assert sol.covered == ("S1",) and sol.prize == 4, name
        assert reasons(sol) == {"S0": "no_capacity"}, name
    two = dataclasses.replace(inst, vehicles=(*inst.vehicles, Vehicle("V1", "U0", 0)))
    for sol in run_all(two).values():
        assert sol.prize == 7 and not sol.uncovered


def test_higher_prize_wins_the_conflict():
    inst = line([300, 300], [9, 5], window_s=900, between=60)
    for name, sol in run_all(inst).items():
        assert sol.covered == ("S0",) and reasons(sol) == {"S1": "no_capacity"}, name


def test_return_by_makes_a_gate_too_far():
    late = line([800], [1], window_s=900, return_by_s=1000)  # back at 600 + 800 = 1400 > 1000
    for sol in run_all(late).values():
        assert not sol.routes and reasons(sol) == {"S0": "too_far"}
    for sol in run_all(line([800], [1], window_s=900)).values():  # default: back by 900 + 1800
        assert sol.routes[0].back_s == 1400


@pytest.mark.parametrize("cut", ["to", "back"])
def test_no_path_either_way_is_unreachable(cut):
    inst = line([300, 300], [1, 1], window_s=2400)
    t = inst.travel_s.copy()
    if cut == "to":
        t[0, 2] = t[1, 2] = -1
    else:
        t[2, 0] = t[2, 1] = -1
    inst = dataclasses.replace(inst, travel_s=t)
    for name, sol in run_all(inst).items():
        assert sol.covered == ("S0",) and reasons(sol) == {"S1": "unreachable"}, name


def test_a_far_vehicle_does_not_make_a_gate_unreachable():
    t = np.array([[0, 99999, 100], [99999, 0, -1], [100, -1, 0]])  # depot 0 reaches gate 2; depot 1 has no path
    inst = Instance(t, [Vehicle("A", "U", 0), Vehicle("B", "U", 1)], [Gate("S", 2, 1)], 1200)
    for sol in run_all(inst).values():
        assert [r.vehicle_id for r in sol.routes] == ["A"]


def test_unknown_solver_and_too_large_exact():
    inst = line([300] * 13, [1] * 13, window_s=900)
    with pytest.raises(ValueError, match="unknown solver"):
        solve(inst, "cplex")
    with pytest.raises(ValueError, match="at most 12"):
        solve(inst, "exact")

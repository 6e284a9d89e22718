"""OR-Tools and PyVRP reach the exact optimum on small random instances; the exact DP matches brute force."""

import itertools

import pytest

from patrol import check, solve
from patrol.synthetic import synthetic
from patrol.timing import schedule

SEEDS = range(30)
LIMIT_S = {"ortools": 2.0, "pyvrp": 1.0}  # OR-Tools GLS runs to its limit; PyVRP stops when it stops improving


def small(seed):
    """A seeded instance of 8–12 gates and 1–3 vehicles on a small valley, so that gates compete."""
    return synthetic(
        8 + seed % 5,
        1 + seed % 3,
        seed,
        size_km=(15.0, 30.0),
        window_s=(1800, 2400, 2700)[seed % 3],
        dwell_s=(300, 600, 450)[seed % 4 % 3],
        unreachable=0.1,
    )


@pytest.fixture(scope="module")
def exact():
    out = {}
    for seed in SEEDS:
        inst = small(seed)
        out[seed] = (inst, solve(inst, "exact"))
        check(inst, out[seed][1])
    return out


def test_instances_are_not_trivial(exact):
    found = {u.reason for _, sol in exact.values() for u in sol.uncovered}
    assert found == {"unreachable", "too_far", "no_capacity"}
    assert sum(len(sol.covered) for _, sol in exact.values()) > 2 * len(SEEDS)


@pytest.mark.parametrize("solver", ["ortools", "pyvrp"])
def test_heuristics_reach_the_optimum(exact, solver):
    gaps = {}
    for seed, (inst, best) in exact.items():
        sol = solve(inst, solver, time_limit_s=LIMIT_S[solver])
        check(inst, sol)
        if sol.prize != best.prize:
            gaps[seed] = (sol.prize, best.prize)
    assert gaps == {}


def test_greedy_is_feasible_and_never_above_the_optimum(exact):
    for inst, best in exact.values():
        sol = solve(inst, "greedy")
        check(inst, sol)
        assert sol.prize <= best.prize


def brute_force(inst):
    """Best (prize, -travel) by trying every assignment of gates to vehicles and every order."""
    n, m, best = len(inst.gates), len(inst.vehicles), (0, 0)
    for assign in itertools.product(range(m + 1), repeat=n):
        prize, travel = 0, 0
        for k, v in enumerate(inst.vehicles):
            mine = [g for g in range(n) if assign[g] == k + 1]
            routes = [r for p in itertools.permutations(mine) if (r := schedule(inst, v, p))] if mine else [None]
            if not routes:
                break
            prize += sum(inst.gates[g].prize for g in mine)
            travel += min(r.travel_total_s for r in routes) if mine else 0
        else:
            best = max(best, (prize, -travel))
    return best


@pytest.mark.parametrize("seed", range(8))
def test_exact_matches_brute_force_on_prize_and_travel(seed):
    inst = synthetic(5, 1 + seed % 2, 100 + seed, size_km=(10.0, 20.0), window_s=2400, dwell_s=300)
    sol = solve(inst, "exact")
    check(inst, sol)
    assert (sol.prize, -sol.travel_total_s) == brute_force(inst)

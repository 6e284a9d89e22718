"""The solver entry point: one solve() whatever the method."""

from __future__ import annotations

from patrol.model import Instance, Solution

SOLVERS = ("ortools", "pyvrp", "greedy", "exact")


def solve(inst: Instance, solver: str = "ortools", time_limit_s: float = 10.0) -> Solution:
    """Plan the instance with the named solver; heuristics stop after about time_limit_s seconds."""
    if solver == "ortools":
        from patrol.solvers.ortools_solver import solve_ortools as run
    elif solver == "pyvrp":
        from patrol.solvers.pyvrp_solver import solve_pyvrp as run
    elif solver == "greedy":
        from patrol.greedy import solve_greedy as run
    elif solver == "exact":
        from patrol.exact import solve_exact as run
    else:
        raise ValueError(f"unknown solver {solver!r}; choose one of {', '.join(SOLVERS)}")
    return run(inst, time_limit_s)

"""Patrol planner core (巡逻方案): a prize-collecting VRP with time windows; no database, no screen."""

from patrol.check import check
from patrol.model import Gate, Instance, Route, Solution, Stop, Uncovered, Vehicle
from patrol.solvers import SOLVERS, solve

__all__ = ["SOLVERS", "Gate", "Instance", "Route", "Solution", "Stop", "Uncovered", "Vehicle", "check", "solve"]

"""Patrol planning as a prize-collecting vehicle-routing problem with time windows, for one peak window.

The problem (巡逻方案). One peak window of one date (e.g. the morning 07:30–08:10) is planned at a time.
All times are integer seconds relative to the window start: 0 is the window start, W (``window_s``) its end.

- Nodes are depots (police unit bases) and gates (school gates); ``travel_s[i, j]`` is the road travel
  seconds from node i to node j, a negative value (-1) meaning there is no path.
- A vehicle (id, unit code, depot node) may leave its depot at the earliest at ``-lead_s`` (default 1800)
  and must be back at its depot by ``return_by_s`` (default W + lead_s).
- A gate (school code, node, positive integer prize) is visited at most once. A stop is the vehicle at the
  gate for ``dwell_s`` (default 600) seconds, [arrive, depart = arrive + dwell] wholly inside [0, W]; a
  vehicle that comes early waits, and its stop starts at 0.
- Objective: maximise the total prize of the gates visited; tie-break: least total travel time.

A Solution lists, per vehicle that visits something, its ordered stops, plus every uncovered gate with
its reason (see patrol/reasons.py): ``unreachable``, ``too_far`` or ``no_capacity``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

REASONS = ("unreachable", "too_far", "no_capacity")


@dataclass(frozen=True)
class Vehicle:
    """One patrol vehicle of a police unit, starting and ending at its depot node."""

    id: str
    unit_code: str
    depot: int
    lead_s: int = 1800
    return_by_s: int | None = None


@dataclass(frozen=True)
class Gate:
    """One school gate to cover, with its priority as prize."""

    school_code: str
    node: int
    prize: int


@dataclass(frozen=True)
class Instance:
    """Everything a solver needs: travel matrix, vehicles, gates, window and dwell."""

    travel_s: np.ndarray = field(compare=False, repr=False)
    vehicles: tuple[Vehicle, ...]
    gates: tuple[Gate, ...]
    window_s: int
    dwell_s: int = 600
    name: str = ""

    def __post_init__(self) -> None:
        """Freeze the inputs and reject obvious nonsense early."""
        object.__setattr__(self, "travel_s", np.asarray(self.travel_s, dtype=np.int64))
        object.__setattr__(self, "vehicles", tuple(self.vehicles))
        object.__setattr__(self, "gates", tuple(self.gates))
        n = self.travel_s.shape[0]
        if self.travel_s.shape != (n, n):
            raise ValueError(f"travel_s must be square, got {self.travel_s.shape}")
        if any(not 0 <= x.node < n for x in self.gates) or any(not 0 <= v.depot < n for v in self.vehicles):
            raise ValueError("a gate or depot node is outside travel_s")
        if any(g.prize < 1 for g in self.gates):
            raise ValueError("every gate prize must be a positive integer")
        if len({g.school_code for g in self.gates}) != len(self.gates):
            raise ValueError("school codes of gates must be unique")
        if len({v.id for v in self.vehicles}) != len(self.vehicles):
            raise ValueError("vehicle ids must be unique")

    def return_by(self, v: Vehicle) -> int:
        """Latest time the vehicle must be back at its depot."""
        return self.window_s + v.lead_s if v.return_by_s is None else v.return_by_s


@dataclass(frozen=True)
class Stop:
    """A vehicle at a gate from arrive_s to depart_s; travel_s from the previous point (depot for the first)."""

    school_code: str
    arrive_s: int
    depart_s: int
    travel_s: int


@dataclass(frozen=True)
class Route:
    """One vehicle's ordered stops and its way back to the depot."""

    vehicle_id: str
    stops: tuple[Stop, ...]
    return_travel_s: int
    back_s: int

    @property
    def travel_total_s(self) -> int:
        """Travel seconds of the whole route, depot to depot."""
        return sum(s.travel_s for s in self.stops) + self.return_travel_s


@dataclass(frozen=True)
class Uncovered:
    """A gate no route visits, and why."""

    school_code: str
    reason: str


@dataclass(frozen=True)
class Solution:
    """The routes, the prize they collect and the uncovered gates with reasons."""

    routes: tuple[Route, ...]
    prize: int
    uncovered: tuple[Uncovered, ...]
    solver: str = ""
    seconds: float = 0.0

    @property
    def travel_total_s(self) -> int:
        """Travel seconds of all routes."""
        return sum(r.travel_total_s for r in self.routes)

    @property
    def covered(self) -> tuple[str, ...]:
        """School codes visited, in route order."""
        return tuple(s.school_code for r in self.routes for s in r.stops)

"""Earliest-time schedule of one vehicle's gate sequence: the one timing rule every solver shares."""

from __future__ import annotations

from collections.abc import Sequence

from patrol.model import Instance, Route, Stop, Vehicle


def schedule(inst: Instance, v: Vehicle, order: Sequence[int]) -> Route | None:
    """Time the gates (indices into inst.gates) in order, leaving at -lead; None if infeasible."""
    t = inst.travel_s
    here, clock, stops = v.depot, -v.lead_s, []
    last_start = inst.window_s - inst.dwell_s
    for gi in order:
        gate = inst.gates[gi]
        leg = int(t[here, gate.node])
        if leg < 0:
            return None
        arrive = max(clock + leg, 0)
        if arrive > last_start:
            return None
        clock = arrive + inst.dwell_s
        stops.append(Stop(gate.school_code, arrive, clock, leg))
        here = gate.node
    back = int(t[here, v.depot])
    if back < 0 or clock + back > inst.return_by(v):
        return None
    return Route(v.id, tuple(stops), back, clock + back)


def extra_travel(inst: Instance, v: Vehicle, order: Sequence[int], pos: int, gi: int) -> int:
    """Travel seconds added by inserting gate gi at position pos of order (no feasibility check)."""
    t = inst.travel_s
    nodes = [v.depot, *(inst.gates[g].node for g in order), v.depot]
    a, b, x = nodes[pos], nodes[pos + 1], inst.gates[gi].node
    return int(t[a, x] + t[x, b] - t[a, b])

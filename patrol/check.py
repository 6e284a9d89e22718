"""Verify a Solution against its Instance: times, window, dwell, return, prize and reasons."""

from __future__ import annotations

from patrol.model import REASONS, Instance, Solution
from patrol.reasons import reason


def check(inst: Instance, sol: Solution) -> None:
    """Raise ValueError naming the first thing wrong with the solution; return None if it is feasible."""
    vehicles = {v.id: v for v in inst.vehicles}
    gates = {g.school_code: g for g in inst.gates}
    seen: set[str] = set()
    used: set[str] = set()
    for r in sol.routes:
        v = vehicles.get(r.vehicle_id)
        if v is None or r.vehicle_id in used:
            raise ValueError(f"route of unknown or repeated vehicle {r.vehicle_id!r}")
        used.add(r.vehicle_id)
        if not r.stops:
            raise ValueError(f"vehicle {v.id}: empty route")
        here, clock = v.depot, -v.lead_s
        for s in r.stops:
            g = gates.get(s.school_code)
            if g is None or s.school_code in seen:
                raise ValueError(f"vehicle {v.id}: unknown or repeated gate {s.school_code!r}")
            seen.add(s.school_code)
            leg = int(inst.travel_s[here, g.node])
            if leg < 0 or s.travel_s != leg:
                raise ValueError(f"vehicle {v.id} to {g.school_code}: travel {s.travel_s}, matrix says {leg}")
            if s.arrive_s < clock + leg:
                raise ValueError(f"vehicle {v.id} at {g.school_code}: arrives {s.arrive_s} before {clock + leg}")
            if s.arrive_s < 0 or s.depart_s > inst.window_s:
                raise ValueError(f"vehicle {v.id} at {g.school_code}: stop [{s.arrive_s}, {s.depart_s}] outside window")
            if s.depart_s - s.arrive_s != inst.dwell_s:
                raise ValueError(f"vehicle {v.id} at {g.school_code}: dwell {s.depart_s - s.arrive_s}")
            here, clock = g.node, s.depart_s
        back = int(inst.travel_s[here, v.depot])
        if back < 0 or r.return_travel_s != back or r.back_s < clock + back:
            raise ValueError(f"vehicle {v.id}: way back {r.return_travel_s}, matrix says {back}")
        if r.back_s > inst.return_by(v):
            raise ValueError(f"vehicle {v.id}: back at {r.back_s}, after {inst.return_by(v)}")
    prize = sum(gates[c].prize for c in seen)
    if sol.prize != prize:
        raise ValueError(f"prize {sol.prize}, routes collect {prize}")
    listed = {u.school_code: u.reason for u in sol.uncovered}
    if len(listed) != len(sol.uncovered) or set(listed) != set(gates) - seen:
        raise ValueError("uncovered must list every unvisited gate exactly once")
    for gi, g in enumerate(inst.gates):
        got = listed.get(g.school_code)
        if got is not None and (got not in REASONS or got != reason(inst, gi)):
            raise ValueError(f"gate {g.school_code}: reason {got!r}, expected {reason(inst, gi)!r}")

"""Why a gate is uncovered, computed the same way whatever solver ran."""

from __future__ import annotations

from collections.abc import Iterable

from patrol.model import Instance, Uncovered, Vehicle
from patrol.timing import schedule


def has_path(inst: Instance, v: Vehicle, gi: int) -> bool:
    """Whether a road leads from the vehicle's depot to the gate and back."""
    node = inst.gates[gi].node
    return inst.travel_s[v.depot, node] >= 0 and inst.travel_s[node, v.depot] >= 0


def alone_ok(inst: Instance, v: Vehicle, gi: int) -> bool:
    """Whether the vehicle, leaving at -lead, can serve this gate alone within the window and return."""
    return schedule(inst, v, [gi]) is not None


def eligible(inst: Instance) -> list[list[int]]:
    """Per gate, the indices of the vehicles able to serve it alone."""
    return [[k for k, v in enumerate(inst.vehicles) if alone_ok(inst, v, gi)] for gi in range(len(inst.gates))]


def reason(inst: Instance, gi: int) -> str:
    """The reason an uncovered gate is uncovered: unreachable, too_far or no_capacity."""
    if not any(has_path(inst, v, gi) for v in inst.vehicles):
        return "unreachable"
    if not any(alone_ok(inst, v, gi) for v in inst.vehicles):
        return "too_far"
    return "no_capacity"


def uncovered(inst: Instance, covered: Iterable[str]) -> tuple[Uncovered, ...]:
    """Every gate not in covered (school codes), with its reason, in gate order."""
    done = set(covered)
    return tuple(
        Uncovered(g.school_code, reason(inst, gi)) for gi, g in enumerate(inst.gates) if g.school_code not in done
    )

"""Provably optimal plans for small instances: per-vehicle bitmask DP, then a DP over vehicles × disjoint sets.

Per vehicle, a label (visited set, last gate) keeps the Pareto front of (earliest departure, travel so far).
It is exact because the only waiting is before the window opens (all gates share it): a later departure
never helps, so a set is feasible for the vehicle iff some label of it returns in time; the front keeps the
least-travel order too. The vehicles are then combined over disjoint sets, maximising prize, then least travel.
"""

from __future__ import annotations

import time

from patrol.assemble import assemble
from patrol.model import Instance, Solution
from patrol.reasons import eligible

MAX_GATES = 12  # gates some vehicle can serve alone; beyond this the DPs grow too large

Label = tuple[int, int, tuple[int, ...]]  # (departure, travel so far, order of local gate indices)


def vehicle_sets(inst: Instance, k: int, gates: list[int]) -> dict[int, tuple[int, tuple[int, ...]]]:
    """For vehicle k, every feasible set (bitmask over gates) -> (least travel, its order of gate indices)."""
    v, t, dwell = inst.vehicles[k], inst.travel_s, inst.dwell_s
    nodes, last_start, by = [inst.gates[g].node for g in gates], inst.window_s - dwell, inst.return_by(v)
    layer: dict[tuple[int, int], list[Label]] = {}
    for i, n in enumerate(nodes):
        if t[v.depot, n] >= 0 and (arrive := max(int(t[v.depot, n]) - v.lead_s, 0)) <= last_start:
            layer[(1 << i, i)] = [(arrive + dwell, int(t[v.depot, n]), (i,))]
    best: dict[int, tuple[int, tuple[int, ...]]] = {}
    while layer:
        nxt: dict[tuple[int, int], list[Label]] = {}
        for (mask, i), front in layer.items():
            back = int(t[nodes[i], v.depot])
            for dep, travel, order in front:
                if back >= 0 and dep + back <= by and (mask not in best or travel + back < best[mask][0]):
                    best[mask] = (travel + back, order)
                for j, n in enumerate(nodes):
                    leg = int(t[nodes[i], n])
                    if mask >> j & 1 or leg < 0 or (arrive := max(dep + leg, 0)) > last_start:
                        continue
                    _add(nxt.setdefault((mask | 1 << j, j), []), (arrive + dwell, travel + leg, (*order, j)))
        layer = nxt
    return {m: (tr, tuple(gates[i] for i in order)) for m, (tr, order) in best.items()}


def _add(front: list[Label], label: Label) -> None:
    """Add a label to a Pareto front over (departure, travel), dropping what it dominates."""
    if any(d <= label[0] and tr <= label[1] for d, tr, _ in front):
        return
    front[:] = [x for x in front if not (label[0] <= x[0] and label[1] <= x[1])] + [label]


def solve_exact(inst: Instance, time_limit_s: float = 0.0) -> Solution:
    """The optimal solution (prize first, then least travel); ValueError above MAX_GATES servable gates."""
    start = time.perf_counter()
    elig = eligible(inst)
    gates = [gi for gi, ks in enumerate(elig) if ks]
    if len(gates) > MAX_GATES:
        raise ValueError(f"exact solver takes at most {MAX_GATES} servable gates, got {len(gates)}")
    n = len(gates)
    prize = [0] * (1 << n)
    for m in range(1, 1 << n):
        low = (m & -m).bit_length() - 1
        prize[m] = prize[m & (m - 1)] + inst.gates[gates[low]].prize
    full = (1 << n) - 1
    plans: dict[int, tuple[int, tuple[tuple[int, int], ...]]] = {0: (0, ())}  # covered -> (travel, (k, set)...)
    all_sets = [vehicle_sets(inst, k, gates) for k in range(len(inst.vehicles))]
    for k, sets in enumerate(all_sets):
        new = dict(plans)
        for cov, (travel, parts) in plans.items():
            free = full & ~cov
            if 1 << bin(free).count("1") < len(sets):
                options = [(s, sets[s]) for s in _submasks(free) if s in sets]
            else:
                options = [(s, x) for s, x in sets.items() if not s & cov]
            for s, (tr, _) in options:
                key = cov | s
                if key not in new or travel + tr < new[key][0]:
                    new[key] = (travel + tr, (*parts, (k, s)))
        plans = new
    best = max(plans, key=lambda m: (prize[m], -plans[m][0]))
    orders: list[list[int]] = [[] for _ in inst.vehicles]
    for k, s in plans[best][1]:
        orders[k] = list(all_sets[k][s][1])
    return assemble(inst, orders, "exact", time.perf_counter() - start)


def _submasks(free: int) -> list[int]:
    """All non-empty submasks of free."""
    out, s = [], free
    while s:
        out.append(s)
        s = (s - 1) & free
    return out

"""Hand-built instances for the patrol tests."""

from __future__ import annotations

import numpy as np

from patrol import Gate, Instance, Vehicle


def line(gate_travel, prizes, *, window_s=900, dwell_s=600, between=60, vehicles=1, return_by_s=None):
    """One depot (node 0) and gates at the given travel seconds from it, `between` seconds from each other."""
    n = len(gate_travel) + 1
    t = np.full((n, n), between, dtype=np.int64)
    np.fill_diagonal(t, 0)
    t[0, 1:] = gate_travel
    t[1:, 0] = gate_travel
    vs = [Vehicle(f"V{k}", "U0", 0, 1800, return_by_s) for k in range(vehicles)]
    gates = [Gate(f"S{i}", i + 1, p) for i, p in enumerate(prizes)]
    return Instance(t, vs, gates, window_s, dwell_s, "line")

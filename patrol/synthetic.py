"""Seeded synthetic instances on a plane shaped like the prefecture: a long, mostly north–south valley."""

from __future__ import annotations

import numpy as np

from patrol.model import Gate, Instance, Vehicle

DETOUR = 1.4  # road length over straight-line distance
SPEED_KMH = 40.0


def synthetic(
    n_gates: int,
    n_vehicles: int,
    seed: int,
    *,
    size_km: tuple[float, float] = (100.0, 250.0),
    window_s: int = 2400,
    dwell_s: int = 600,
    lead_s: int = 1800,
    unreachable: float = 0.03,
) -> Instance:
    """An instance of n_gates gates and n_vehicles vehicles on a width × height km valley; seeded."""
    rng = np.random.default_rng(seed)
    width, height = size_km
    n_towns = max(2, round(np.sqrt(n_gates)))
    ty = rng.uniform(0, height, n_towns)
    towns = np.column_stack([_axis(ty, width, height) + rng.normal(0, 0.05 * width, n_towns), ty])
    near = rng.random(n_gates) < 0.7
    home = towns[rng.integers(0, n_towns, n_gates)]
    gy = rng.uniform(0, height, n_gates)
    scattered = np.column_stack([_axis(gy, width, height) + rng.normal(0, 0.1 * width, n_gates), gy])
    gates_xy = np.where(near[:, None], home + rng.normal(0, 0.03 * width, (n_gates, 2)), scattered)
    n_units = max(1, n_vehicles // 2)
    units_xy = towns[rng.permutation(n_towns)[:n_units] % n_towns] if n_units <= n_towns else towns[
        rng.integers(0, n_towns, n_units)
    ]
    xy = np.vstack([units_xy, gates_xy])
    km = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    travel = np.rint(km * DETOUR / SPEED_KMH * 3600).astype(np.int64)
    cut = n_units + np.flatnonzero(rng.random(n_gates) < unreachable)
    travel[cut, :] = -1
    travel[:, cut] = -1
    travel[cut, cut] = 0
    vehicles = tuple(Vehicle(f"V{k:03d}", f"U{k % n_units:02d}", k % n_units, lead_s) for k in range(n_vehicles))
    prizes = rng.integers(1, 61, n_gates)
    gates = tuple(Gate(f"S{i:04d}", n_units + i, int(prizes[i])) for i in range(n_gates))
    return Instance(travel, vehicles, gates, window_s, dwell_s, f"synthetic-{n_gates}-{n_vehicles}-{seed}")


def _axis(y: np.ndarray, width: float, height: float) -> np.ndarray:
    """The valley floor's x at each y: a gentle meander around the middle."""
    return width / 2 + 0.2 * width * np.sin(3 * np.pi * y / height)

"""What the OR-Tools and PyVRP models share: the local node frame, matrices and the prize weight."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from patrol.model import Instance


def prize_weight(inst: Instance) -> int:
    """Seconds one prize unit is worth: more than any plan's total travel, so prize always comes first."""
    return sum(inst.return_by(v) + v.lead_s for v in inst.vehicles) + 1


@dataclass(frozen=True)
class Frame:
    """Local nodes of a model: the distinct depots first, then the gates some vehicle can serve alone."""

    inst: Instance
    depots: tuple[int, ...]  # matrix nodes of the distinct depots
    gates: tuple[int, ...]  # gate indices into inst.gates
    starts: tuple[int, ...]  # per vehicle, its local depot
    offset: int  # seconds added to every time so that none is negative
    horizon: int

    @classmethod
    def of(cls, inst: Instance, elig: list[list[int]]) -> Frame:
        """The frame of an instance, given each gate's eligible vehicles."""
        depots = tuple(dict.fromkeys(v.depot for v in inst.vehicles))
        offset = max((v.lead_s for v in inst.vehicles), default=0)
        horizon = offset + max([inst.return_by(v) for v in inst.vehicles] + [inst.window_s]) + 1
        starts = tuple(depots.index(v.depot) for v in inst.vehicles)
        return cls(inst, depots, tuple(gi for gi, ks in enumerate(elig) if ks), starts, offset, horizon)

    @property
    def n_depots(self) -> int:
        """Number of distinct depots."""
        return len(self.depots)

    @property
    def size(self) -> int:
        """Number of local nodes."""
        return len(self.depots) + len(self.gates)

    @property
    def local(self) -> dict[int, int]:
        """Gate index -> its position among the frame's gates."""
        return {gi: j for j, gi in enumerate(self.gates)}

    def travel(self) -> np.ndarray:
        """Travel seconds between local nodes (negative: no path)."""
        nodes = list(self.depots) + [self.inst.gates[gi].node for gi in self.gates]
        return self.inst.travel_s[np.ix_(nodes, nodes)]

    def cost_matrix(self) -> list[list[int]]:
        """Arc costs: travel seconds, a prohibitive cost where there is no path."""
        t = self.travel()
        return np.where(t >= 0, t, prize_weight(self.inst)).tolist()

    def time_matrix(self) -> list[list[int]]:
        """Transit times: dwell at the origin gate plus travel, beyond the horizon where there is no path."""
        t = self.travel()
        service = np.array([0] * self.n_depots + [self.inst.dwell_s] * len(self.gates))
        return np.where(t >= 0, t + service[:, None], self.horizon + 1).tolist()

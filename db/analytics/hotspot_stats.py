"""Getis-Ord Gi* on a hexagonal grid with PySAL esda: hexagon weights, p-values, FDR hot/cold classes."""

from __future__ import annotations

import warnings

import esda
import libpysal
import numpy as np
import pandas as pd
from esda.significance import calculate_significance

CLASSES = ("hot_99", "hot_95", "hot_90", "not_significant", "cold_90", "cold_95", "cold_99")
LEVELS = ((0.10, "90"), (0.05, "95"), (0.01, "99"))  # loosest first: a stricter level overwrites


def hexagon_weights(x: np.ndarray, y: np.ndarray, size_m: float) -> libpysal.weights.W:
    """Binary weights joining hexagons whose centres lie within 2 × edge: exactly the 6 edge-sharing ones.

    Neighbouring centres of an ST_HexagonGrid lattice are √3 × edge apart, the next ring 3 × edge, so a
    band of 2 × edge equals queen (= rook) contiguity with a margin of a quarter edge either side, without
    depending on the polygons' vertices agreeing to the last bit. A hexagon with no neighbour (an exclave)
    is an island: Gi* then compares it with itself only (esda's island_weight=0), nothing crashes.
    """
    points = np.column_stack([np.asarray(x, dtype=float), np.asarray(y, dtype=float)])
    return libpysal.weights.DistanceBand(points, threshold=2.0 * size_m, binary=True, silence_warnings=True)


def fdr_classes(z: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Hot/cold class per cell: significant under esda.fdr at alpha 0.10 / 0.05 / 0.01, signed by z."""
    classes = np.full(len(p), "not_significant", dtype=object)
    for alpha, level in LEVELS:
        significant = p < esda.fdr(p, alpha)
        classes[significant & (z > 0)] = f"hot_{level}"
        classes[significant & (z < 0)] = f"cold_{level}"
    return classes


def gi_star(counts: pd.DataFrame, size_m: float, permutations: int = 0, seed: int = 12345) -> pd.DataFrame:
    """The counts frame (x, y in metres, hazard_count) plus gi_z, p_value (two-sided) and hotspot_class.

    p-value: with permutations=0 (the default) 2 × esda's p_norm, the normal p of Getis and Ord's z; it is
    deterministic, fast, and can go as low as the false-discovery-rate correction needs over thousands of
    hexagons. A permutation p cannot be smaller than 1 / (permutations + 1), and BH-FDR over n cells needs
    p < k·alpha / n, so with 999 permutations a cluster of fewer than n / 100 cells never passes at 90 %;
    esda's p_sim ('directed') also folds a statistic tied with most permutations onto the low tail, which
    marks every all-zero neighbourhood cold at p = 0.001. With permutations > 0, p is esda's 'folded'
    permutation p (ties count against significance), reproducible with seed: the safer choice for a small
    grid with few hazards, where the normal approximation overstates lone hazards.
    """
    y = counts["hazard_count"].to_numpy(dtype=float)
    out = counts.assign(gi_z=np.nan, p_value=np.nan, hotspot_class="not_significant")
    if len(y) < 3 or y.min() == y.max():  # no hazards (or no variation): Gi* is undefined
        return out
    w = hexagon_weights(counts["x"], counts["y"], size_m)
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):  # islands: z_sim is 0/0
        warnings.filterwarnings("ignore", message="The alternative hypothesis", category=DeprecationWarning)
        warnings.filterwarnings("ignore", message="The weights matrix is not fully connected", category=UserWarning)
        g = esda.G_Local(y, w, transform="B", star=True, permutations=permutations, seed=seed, n_jobs=1,
                         keep_simulations=permutations > 0)
    z = np.asarray(g.Zs, dtype=float)
    if permutations > 0:
        p = np.asarray(calculate_significance(g.Gs, g.rGs, alternative="folded"), dtype=float)
    else:
        p = 2.0 * np.asarray(g.p_norm, dtype=float)
    return out.assign(gi_z=z, p_value=p, hotspot_class=fdr_classes(z, p))

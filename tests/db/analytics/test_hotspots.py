"""Hazard hotspots: hexagon counts against hand-placed hazards, Gi* against esda on the same small grid."""

import datetime as dt
import json
import math

import esda
import libpysal
import numpy as np
import pytest
import shapely
import sqlalchemy as sa
from esda.significance import calculate_significance

from db.analytics.hotspot_stats import fdr_classes, hexagon_weights
from db.analytics.hotspots import hex_counts, hotspots
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES

SIZE = 3000.0  # edge of a hexagon, metres
LUSHUI, FUGONG = "533301", "533323"
A, B, FAR = (108, 552), (110, 556), (107, 562)  # cells well inside Lushui (i, j); FAR is 52 km north of A
FUGONG_SEAT = (98.867, 26.902)


def centre(i, j, size=SIZE):
    """Centre of ST_HexagonGrid's hexagon (i, j) in UTM 47N: columns 1.5 edges apart, odd ones half a row up."""
    return 1.5 * size * i, math.sqrt(3) * size * (j + (i % 2) / 2)


def ring(i, j, size=SIZE):
    """Centres of the six hexagons around (i, j)."""
    x, y = centre(i, j, size)
    d = math.sqrt(3) * size
    return [(x + d * math.cos(math.radians(a)), y + d * math.sin(math.radians(a))) for a in range(30, 360, 60)]


@pytest.fixture
def db(engine):
    load_file(engine, DATASETS["counties"], COUNTIES)
    return engine


def add(engine, *hazards):
    """Insert hazards given as dicts with x, y (UTM 47N) and any column overrides; dates kept consistent."""
    rows = []
    for n, h in enumerate(hazards):
        row = {"id": f"H{n}-{h['x']:.0f}-{h['y']:.0f}", "kind": "campus", "category": "消防", "status": "open",
               "found_on": dt.date(2026, 3, 1), "county": LUSHUI, "lon": None, "lat": None, **h}
        row["deadline"] = row.get("deadline") or (row["found_on"] + dt.timedelta(days=30)
                                                  if row["status"] == "deadline" else None)
        row["rectified_on"] = row.get("rectified_on") or (row["found_on"] + dt.timedelta(days=10)
                                                          if row["status"] == "rectified" else None)
        rows.append(row)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO hazard (hazard_id, kind, category, county_adcode, found_on, status, deadline, rectified_on, "
            "geom) VALUES (:id, :kind, :category, :county, :found_on, :status, :deadline, :rectified_on, "
            "coalesce(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), "
            "ST_Transform(ST_SetSRID(ST_MakePoint(:x, :y), 32647), 4326)))"), rows)


def at(x, y, **kw):
    return {"x": x, "y": y, **kw}


def counts(engine, **filters):
    with engine.connect() as conn:
        frame = hex_counts(conn, SIZE, **{"county_adcodes": [LUSHUI], **filters})
    return {(i, j): n for i, j, n in zip(frame.i, frame.j, frame.hazard_count, strict=True) if n}


def grid_polygons(engine, adcode=LUSHUI, size=SIZE):
    """The grid straight from ST_HexagonGrid, independently of the module: (i, j) → polygon in UTM."""
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT h.i, h.j, ST_AsBinary(h.geom) FROM county c, ST_HexagonGrid(:s, ST_Transform(c.geom, 32647)) h "
            "WHERE c.adcode = :a AND ST_Intersects(h.geom, ST_Transform(c.geom, 32647)) ORDER BY h.i, h.j"),
            {"s": size, "a": adcode}).all()
    return {(i, j): shapely.from_wkb(wkb) for i, j, wkb in rows}


@pytest.fixture
def placed(db):
    """Three hazards in A, one in B, one in Fugong; kinds, categories, statuses and dates differ."""
    (xa, ya), (xb, yb) = centre(*A), centre(*B)
    add(db, at(xa, ya),
        at(xa + 500, ya + 300, kind="surrounding", category="治安", status="deadline", found_on=dt.date(2026, 4, 15)),
        at(xa - 700, ya - 200, category="治安", status="rectified", found_on=dt.date(2026, 5, 10)),
        at(xb, yb, kind="surrounding", found_on=dt.date(2025, 11, 20)),
        at(0, 0, lon=FUGONG_SEAT[0], lat=FUGONG_SEAT[1], county=FUGONG))
    return db


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, {A: 3, B: 1}),
    ({"kinds": ["campus"]}, {A: 2}),
    ({"kinds": ["surrounding"]}, {A: 1, B: 1}),
    ({"categories": ["治安"]}, {A: 2}),
    ({"statuses": ["open", "deadline"]}, {A: 2, B: 1}),
    ({"statuses": ["rectified"]}, {A: 1}),
    ({"date_from": dt.date(2026, 4, 1), "date_to": dt.date(2026, 5, 10)}, {A: 2}),  # both ends inclusive
    ({"date_to": dt.date(2026, 3, 1)}, {A: 1, B: 1}),
    ({"date_from": dt.date(2026, 3, 2)}, {A: 2}),
    ({"kinds": ["campus"], "statuses": ["open"]}, {A: 1}),
    ({"kinds": []}, {}),
    ({"county_adcodes": [FUGONG]}, None),
])
def test_counts_per_hexagon_follow_the_filters(placed, filters, expected):
    got = counts(placed, **filters)
    if expected is None:  # Fugong: its own grid, its one hazard, none of Lushui's
        assert sum(got.values()) == 1 and A not in got
    else:
        assert got == expected


def test_all_counties_grid_the_prefecture_and_count_every_hazard(placed):
    with placed.connect() as conn:
        frame = hex_counts(conn, 10_000)
        direct = conn.execute(sa.text(
            "WITH a AS (SELECT ST_Union(ST_Transform(geom, 32647)) g FROM county) "
            "SELECT count(*) FROM a, ST_HexagonGrid(10000, a.g) h WHERE ST_Intersects(h.geom, a.g)")).scalar()
    assert len(frame) == direct and frame.hazard_count.sum() == 5


def test_zero_count_hexagons_are_all_there(placed):
    with placed.connect() as conn:
        frame = hex_counts(conn, SIZE, [LUSHUI])
    assert len(frame) == len(grid_polygons(placed)) > 100
    assert (frame.hazard_count == 0).sum() == len(frame) - 2
    assert list(zip(frame.i, frame.j, strict=True)) == sorted(grid_polygons(placed))


def test_a_hazard_on_a_shared_edge_counts_once(db):
    (xa, ya), (xn, yn) = centre(*A), centre(A[0], A[1] + 1)
    add(db, at((xa + xn) / 2, (ya + yn) / 2))
    got = counts(db)
    assert sum(got.values()) == 1 and set(got) <= {A, (A[0], A[1] + 1)}


def test_geometry_centroid_and_density(placed):
    with placed.connect() as conn:
        frame = hex_counts(conn, SIZE, [LUSHUI]).set_index(["i", "j"])
    row = frame.loc[A]
    assert (row.x, row.y) == pytest.approx(centre(*A), abs=1e-6)
    hexagon = shapely.geometry.shape(json.loads(row.geojson))
    ring_ = json.loads(row.geojson)["coordinates"][0]
    assert len(ring_) == 7 and all(round(v, 5) == v for point in ring_ for v in point)
    assert hexagon.contains(shapely.Point(row.lon, row.lat)) and round(row.lon, 5) == row.lon
    assert row.per_km2 == pytest.approx(3 / (1.5 * math.sqrt(3) * (SIZE / 1000) ** 2))


def test_size_must_be_positive(db):
    with db.connect() as conn, pytest.raises(ValueError):
        hex_counts(conn, 0)


def cluster_and_noise(engine):
    """Four hazards in A and in each of its six neighbours; one each in six scattered cells."""
    (xa, ya) = centre(*A)
    cells = [(xa, ya), *ring(*A)]
    add(engine, *[at(x + 100 * k, y) for x, y in cells for k in range(4)],
        *[at(*centre(i, j)) for i, j in [(106, 558), (110, 561), (105, 553), (111, 550), (109, 562), (106, 549)]])


def test_gi_star_equals_esda_on_the_same_grid(db):
    cluster_and_noise(db)
    with db.connect() as conn:
        got = hotspots(conn, SIZE, [LUSHUI])
    polygons = grid_polygons(db)
    assert list(zip(got.i, got.j, strict=True)) == list(polygons)
    w = libpysal.weights.Queen.from_iterable(list(polygons.values()))  # contiguity of the real polygons
    y = got.hazard_count.to_numpy(dtype=float)
    g = esda.G_Local(y, w, transform="B", star=True, permutations=0)
    np.testing.assert_allclose(got.gi_z, g.Zs, rtol=0, atol=1e-9)
    np.testing.assert_allclose(got.p_value, 2 * g.p_norm, rtol=0, atol=1e-9)
    classes = np.full(len(y), "not_significant", dtype=object)
    for alpha, level in ((0.10, "90"), (0.05, "95"), (0.01, "99")):
        sig = 2 * g.p_norm < esda.fdr(2 * g.p_norm, alpha)
        classes[sig] = np.where(g.Zs[sig] > 0, f"hot_{level}", f"cold_{level}")
    assert list(got.hotspot_class) == list(classes)
    # and esda's Zs is Getis and Ord's textbook Gi* z for A: binary weights, A and its six neighbours
    cells = list(polygons)
    near = [m for m, c in enumerate(cells) if math.dist(centre(*c), centre(*A)) < 1.8 * SIZE]
    n, s = len(y), math.sqrt((y ** 2).mean() - y.mean() ** 2)
    textbook = (y[near].sum() - 7 * y.mean()) / (s * math.sqrt((n * 7 - 7 ** 2) / (n - 1)))
    assert len(near) == 7 and got.gi_z[cells.index(A)] == pytest.approx(textbook, rel=1e-12)


@pytest.mark.filterwarnings("ignore:The alternative hypothesis:DeprecationWarning")  # esda's own default
def test_permutation_p_values_equal_esda_with_the_same_seed(db):
    cluster_and_noise(db)
    with db.connect() as conn:
        got = hotspots(conn, SIZE, [LUSHUI], permutations=199, seed=7)
        again = hotspots(conn, SIZE, [LUSHUI], permutations=199, seed=7)
    w = libpysal.weights.Queen.from_iterable(list(grid_polygons(db).values()))
    g = esda.G_Local(got.hazard_count.to_numpy(dtype=float), w, transform="B", star=True, permutations=199,
                     seed=7, n_jobs=1)
    np.testing.assert_allclose(got.p_value, calculate_significance(g.Gs, g.rGs, alternative="folded"), atol=1e-9)
    assert got.p_value.equals(again.p_value) and got.p_value.min() == pytest.approx(1 / 200)


def test_a_clear_cluster_is_hot_and_a_far_empty_area_is_not(db):
    cluster_and_noise(db)
    with db.connect() as conn:
        got = hotspots(conn, SIZE, [LUSHUI]).set_index(["i", "j"]).hotspot_class
    assert got[A] == "hot_99"
    near_a = [c for c in got.index if math.dist(centre(*c), centre(*A)) < 2 * SIZE]
    assert len(near_a) == 7 and got[near_a].isin(["hot_99", "hot_95"]).all()
    assert got[FAR] == "not_significant"
    assert not got[[c for c in got.index if math.dist(centre(*c), centre(*A)) > 20_000]].str.startswith("hot").any()


def test_fdr_flags_fewer_cells_than_raw_p_values_on_noise(db):
    rng = np.random.default_rng(3)
    cells = list(grid_polygons(db))
    add(db, *[at(x + rng.uniform(-500, 500), y + rng.uniform(-500, 500)) for i, j in cells
              for x, y in [centre(i, j)] * int(rng.poisson(0.8))])
    with db.connect() as conn:
        got = hotspots(conn, SIZE, [LUSHUI])
    raw = int((got.p_value < 0.10).sum())
    assert raw > 0 and int((got.hotspot_class != "not_significant").sum()) < raw


def test_fdr_classes_by_hand():
    z = np.array([3.3, -3.3, 0.5, -0.1])
    assert list(fdr_classes(z, np.array([0.001, 0.001, 0.5, 0.9]))) == ["hot_99", "cold_99", "not_significant",
                                                                         "not_significant"]
    # 0.04 < 0.05 raw, but BH needs p(1) < 0.05 / 4: nothing passes
    assert set(fdr_classes(z, np.array([0.04, 0.2, 0.3, 0.5]))) == {"not_significant"}


def test_no_hazards_means_no_hotspots(db):
    add(db, at(*centre(*A), kind="surrounding"))
    with db.connect() as conn:
        empty = hotspots(conn, SIZE, [LUSHUI], kinds=["campus"])
        empty_perm = hotspots(conn, SIZE, [LUSHUI], kinds=["campus"], permutations=99)
    for frame in (empty, empty_perm):
        assert len(frame) == len(grid_polygons(db)) and (frame.hotspot_class == "not_significant").all()
        assert frame.gi_z.isna().all() and frame.p_value.isna().all() and frame.hazard_count.sum() == 0
    with db.connect() as conn:
        nothing = hotspots(conn, SIZE, [])  # no county selected: no hexagons, no crash
    assert nothing.empty and "hotspot_class" in nothing


def add_county(engine, adcode, *squares):
    """A county made of squares (x, y, half side) in UTM 47N."""
    boxes = [shapely.box(x - h, y - h, x + h, y + h) for x, y, h in squares]
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO county (adcode, name_zh, name_en, geom) VALUES (:a, :a, :a, "
            "ST_Multi(ST_Transform(ST_SetSRID(ST_GeomFromWKB(:wkb), 32647), 4326)))"),
            {"a": adcode, "wkb": shapely.to_wkb(shapely.MultiPolygon(boxes))})


def test_fewer_than_three_hexagons_is_not_significant(db):
    x, y = centre(40, 500)
    add_county(db, "999901", (x, y, 100))
    add(db, at(x, y, county="999901"))
    with db.connect() as conn:
        got = hotspots(conn, SIZE, ["999901"])
    assert list(got.hazard_count) == [1] and list(got.hotspot_class) == ["not_significant"]


def test_an_exclave_hexagon_is_an_island_and_nothing_crashes(db):
    (x, y), (xi, yi) = centre(40, 500), centre(52, 500)  # 54 km apart
    add_county(db, "999902", (x, y, 7000), (xi, yi, 100))
    add(db, *[at(x + 50 * k, y, county="999902") for k in range(6)], at(xi, yi, county="999902"),
        at(x + 4000, y + 3000, county="999902"))
    with db.connect() as conn:
        norm = hotspots(conn, SIZE, ["999902"])
        perm = hotspots(conn, SIZE, ["999902"], permutations=99)
    assert hexagon_weights(norm.x, norm.y, SIZE).islands == [int(np.flatnonzero((norm.i == 52) & (norm.j == 500))[0])]
    island = norm[(norm.i == 52) & (norm.j == 500)].iloc[0]
    assert island.hazard_count == 1 and np.isfinite(island.gi_z)
    assert norm.gi_z.notna().all() and perm.p_value.between(0, 1).all()


def test_hexagon_weights_join_the_six_around():
    points = np.array([centre(10, 10), *ring(10, 10)])
    w = hexagon_weights(points[:, 0], points[:, 1], SIZE)
    assert sorted(w.neighbors[0]) == [1, 2, 3, 4, 5, 6]
    assert all(w.cardinalities[k] == 3 for k in range(1, 7)) and w.islands == []

"""Demo road network along the valleys: G219 up the Nu, provincial roads to 兰坪, county and village roads."""

from __future__ import annotations

import math

from pyproj import Transformer
from shapely import LineString, Point
from shapely.ops import nearest_points

from etl.demo.places import Township

TO_UTM = Transformer.from_crs("EPSG:4326", "EPSG:32647", always_xy=True)
TO_WGS = Transformer.from_crs("EPSG:32647", "EPSG:4326", always_xy=True)
NU_VALLEY = ["上江镇", "六库镇", "大兴地镇", "称杆乡", "古登乡", "洛本卓白族乡", "匹河怒族乡", "子里甲乡", "架科底乡",
             "上帕镇", "鹿马登乡", "石月亮乡", "马吉乡", "普拉底乡", "茨开镇", "捧当乡", "丙中洛镇"]
PROVINCIAL = [("S228", "六库—片马公路", ["六库镇", "鲁掌镇", "片马镇"]),
              ("S230", "古登—兰坪公路", ["古登乡", "金顶镇"]),
              ("S232", "匹河—石登公路", ["匹河怒族乡", "石登乡"]),
              ("S231", "兰坪—营盘公路", ["金顶镇", "通甸镇", "营盘镇"]),
              ("S318", "贡山—独龙江公路", ["茨开镇", "独龙江乡"])]
COUNTY = [("老窝", ["六库镇", "老窝镇"]), ("兔峨", ["金顶镇", "兔峨乡"]),
          ("啦井", ["金顶镇", "啦井镇"]), ("河西", ["通甸镇", "河西乡"]),
          ("石登", ["通甸镇", "石登乡"]), ("中排", ["营盘镇", "中排乡"])]
NEAR_M, GATE_GAP_M, CUT_OFF = 150.0, 60.0, 7  # gates this near need no lane; lanes stop 60 m short; 1 in 7 far…
CLEAR_M = 35.0
Road = tuple[str, str, str, LineString]


def _utm(p: Point) -> tuple[float, float]:
    return TO_UTM.transform(p.x, p.y)


def _wgs(x: float, y: float) -> tuple[float, float]:
    lon, lat = TO_WGS.transform(x, y)
    return round(lon, 6), round(lat, 6)


def _valley(a: Point, b: Point, n: int) -> list[tuple[float, float]]:
    """From a to b in WGS-84 with a gentle bend, the way a road follows a valley floor."""
    (ax, ay), (bx, by) = _utm(a), _utm(b)
    length = math.hypot(bx - ax, by - ay)
    nx, ny = (-(by - ay) / length, (bx - ax) / length) if length else (0.0, 0.0)
    bend = min(600.0, 0.06 * length) * (1 if n % 2 else -1)
    inner = [(ax + (bx - ax) * t + nx * bend * math.sin(math.pi * t),
              ay + (by - ay) * t + ny * bend * math.sin(math.pi * t)) for t in (0.25, 0.5, 0.75)]
    return [(round(a.x, 6), round(a.y, 6)), *(_wgs(x, y) for x, y in inner), (round(b.x, 6), round(b.y, 6))]


def trunk_roads(towns: list[Township]) -> list[Road]:
    """G219 seat to seat up the Nu valley, the provincial roads, and county roads to the other townships."""
    seat = {t.name: t.seat for t in towns}
    roads: list[Road] = []
    for n, (a, b) in enumerate(zip(NU_VALLEY, NU_VALLEY[1:], strict=False), start=1):
        roads.append((f"G219-{n:02d}", f"G219{a[:2]}—{b[:2]}段", "国道", LineString(_valley(seat[a], seat[b], n))))
    for code, name, stops in PROVINCIAL:
        for n, (a, b) in enumerate(zip(stops, stops[1:], strict=False), start=1):
            roads.append((f"{code}-{n}", name, "省道", LineString(_valley(seat[a], seat[b], n))))
    for n, (name, (a, b)) in enumerate(COUNTY, start=1):
        roads.append((f"X{n:03d}", f"{a[:2]}—{name}县道", "县道", LineString(_valley(seat[a], seat[b], n))))
    return roads


def _metric(line: LineString) -> LineString:
    return LineString([_utm(Point(c)) for c in line.coords])


def _around(a: Point, b: Point, gates: list[Point], own: Point) -> list[tuple[float, float]]:
    """A bend keeping the lane from a to b more than CLEAR_M from other schools' gates (they would need signs)."""
    lane = LineString([a, b])
    for gate in gates:
        if gate != own and lane.distance(gate) < CLEAR_M:
            p = nearest_points(lane, gate)[0]
            dx, dy = p.x - gate.x, p.y - gate.y
            if math.hypot(dx, dy) < 1:
                dx, dy = -(b.y - a.y), b.x - a.x
            k = (CLEAR_M + 15) / math.hypot(dx, dy)
            return [_wgs(gate.x + dx * k, gate.y + dy * k)]
    return []


def village_roads(trunk: list[Road], schools: list[list[object]], street_list: list[tuple]) -> list[Road]:
    """A 村道 to each school off the network, from its street's end or from short of its gate; a few get none."""
    lines = [_metric(r[3]) for r in trunk]
    gates = [Point(_utm(Point(s[9], s[10]))) for s in schools]
    streets = {s[4][0]: s[3] for s in street_list}
    roads: list[Road] = []
    slid = False
    for n, school in enumerate(schools):
        gate = Point(_utm(Point(school[9], school[10])))
        street = streets.get(school[0])
        if street is None:
            nearest = min(lines, key=gate.distance)
            if nearest.distance(gate) <= NEAR_M:
                continue
            on = nearest_points(nearest, gate)[0]
            if n % CUT_OFF == 3 and gate.distance(on) > 2500:
                continue  # a school up the mountain with no road to it yet
            step = GATE_GAP_M / gate.distance(on)  # the lane stops short of the gate; the last metres are a path
            start = _wgs(gate.x + (on.x - gate.x) * step, gate.y + (on.y - gate.y) * step)
        else:  # from the end of the school's street
            start = min((street.coords[0], street.coords[-1]),
                        key=lambda c: min(line.distance(Point(_utm(Point(c)))) for line in lines))
            nearest = min(lines, key=Point(_utm(Point(start))).distance)
            on = nearest_points(nearest, Point(_utm(Point(start))))[0]
        begin = Point(_utm(Point(start)))
        if not slid and begin.distance(on) > 3000:  # a landslide cut this lane 300 m short of the road
            slid, on = True, Point(on.x + (begin.x - on.x) * 300 / begin.distance(on),
                                   on.y + (begin.y - on.y) * 300 / begin.distance(on))
        lane = LineString([start, *_around(begin, on, gates, gate), _wgs(on.x, on.y)])
        roads.append((f"C{len(roads) + 1:03d}", f"{school[1]}通校路", "村道", lane))
        lines.append(_metric(lane))
    return roads


def network(towns: list[Township], schools: list[list[object]], street_list: list[tuple]) -> list[Road]:
    """Every demo road but the streets: trunk roads first, then the village roads that join them."""
    trunk = trunk_roads(towns)
    return trunk + village_roads(trunk, schools, street_list)

"""check() rejects what is wrong; the instance rejects nonsense; priorities order schools as documented."""

import dataclasses

import numpy as np
import pytest

from patrol import Gate, Instance, Vehicle, check, solve
from patrol.priority import priority, priority_of
from tests.patrol.helpers import line


@pytest.fixture
def planned():
    inst = line([1000, 300], [2, 1], window_s=2400)
    sol = solve(inst, "exact")
    check(inst, sol)
    assert len(sol.routes[0].stops) == 2
    return inst, sol


def with_stop(sol, **changes):
    route = sol.routes[0]
    stops = (dataclasses.replace(route.stops[0], **changes), *route.stops[1:])
    return dataclasses.replace(sol, routes=(dataclasses.replace(route, stops=stops),))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"arrive_s": -100, "depart_s": 500}, "arrives|outside"),
        ({"arrive_s": 1900, "depart_s": 2500}, "outside|arrives"),
        ({"depart_s": 100}, "dwell"),
        ({"travel_s": 1}, "travel"),
        ({"school_code": "nope"}, "unknown"),
    ],
)
def test_check_rejects_a_broken_stop(planned, changes, message):
    inst, sol = planned
    with pytest.raises(ValueError, match=message):
        check(inst, with_stop(sol, **changes))


def test_check_rejects_wrong_prize_late_return_and_wrong_reason(planned):
    inst, sol = planned
    with pytest.raises(ValueError, match="prize"):
        check(inst, dataclasses.replace(sol, prize=99))
    late = dataclasses.replace(sol.routes[0], back_s=99999)
    with pytest.raises(ValueError, match="back at"):
        check(inst, dataclasses.replace(sol, routes=(late,)))
    tight = dataclasses.replace(inst, window_s=900)
    one = solve(tight, "exact")
    check(tight, one)
    wrong = dataclasses.replace(one, uncovered=(dataclasses.replace(one.uncovered[0], reason="too_far"),))
    with pytest.raises(ValueError, match="reason"):
        check(tight, wrong)
    with pytest.raises(ValueError, match="every unvisited"):
        check(tight, dataclasses.replace(one, uncovered=()))


def test_instance_rejects_nonsense():
    t = np.zeros((2, 2), dtype=int)
    with pytest.raises(ValueError, match="prize"):
        Instance(t, [Vehicle("V", "U", 0)], [Gate("S", 1, 0)], 900)
    with pytest.raises(ValueError, match="outside"):
        Instance(t, [Vehicle("V", "U", 0)], [Gate("S", 5, 1)], 900)
    with pytest.raises(ValueError, match="square"):
        Instance(np.zeros((2, 3)), [], [], 900)


def test_priority_puts_kindergarten_and_primary_first():
    ranks = {kind: priority(kind, 300, 1, 1, 0.5).prize for kind in ("幼儿园", "小学", "初中", "高中", "职业学校")}
    assert ranks["幼儿园"] > ranks["小学"] > ranks["初中"] > ranks["高中"] > ranks["职业学校"]


def test_priority_parts_add_up_and_each_input_counts():
    p = priority("小学", 700, hazards=2, missing_signs=3, presence_rate=0.2)
    assert p.parts == {"type": 35, "pupils": 15, "hazards": 8, "signs": 6, "presence": 12}
    assert p.prize == sum(p.parts.values()) == 76
    base = priority("初中", 300, 0, 0, 1.0)
    assert priority("初中", 300, 3, 0, 1.0).prize > base.prize
    assert priority("初中", 300, 0, 2, 1.0).prize > base.prize
    assert priority("初中", 300, 0, 0, 0.0).prize > base.prize
    assert priority("初中", 1500, 0, 0, 1.0).prize > base.prize
    assert priority("初中", 300, 0, 0, None).parts["presence"] == 8
    assert priority("其他", 0, 0, 0, 1.0).prize >= 1
    assert priority("高中", 0, 99, 99, 1.0).parts["hazards"] == 20


def test_priority_rejects_bad_inputs():
    with pytest.raises(ValueError):
        priority("小学", -1)
    with pytest.raises(ValueError):
        priority("小学", 10, presence_rate=1.5)


def test_priority_of_a_row_reads_missing_values_as_no_data():
    row = {"school_type": "幼儿园", "pupils": float("nan"), "open_disorder": 1, "missing_signs": None,
           "presence_rate": float("nan")}
    p = priority_of(row)
    assert p.parts == {"type": 40, "pupils": 0, "hazards": 4, "signs": 0, "presence": 8}
    assert priority_of({**row, "pupils": 300, "presence_rate": 1.0}).parts["presence"] == 0

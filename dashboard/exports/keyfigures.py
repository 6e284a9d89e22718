"""The headline numbers printed beside each map (pure, from the brief's figures)."""

from __future__ import annotations

from dashboard.exports.figures import Figures
from dashboard.exports.texts import tx

Line = tuple[str, str]


def count(value: object, unit: str, lang: str) -> str:
    """A count with its Chinese measure word (所, 处, 块) or none in English."""
    return f"{int(value or 0):,}" + (unit if lang == "zh" else "")  # type: ignore[call-overload]


def share(value: object) -> str:
    """A share as 97.2% (— when unknown)."""
    return "—" if value is None else f"{float(value) * 100:.1f}%"  # type: ignore[arg-type]


def lines(f: Figures, view: str, lang: str) -> list[Line]:
    """Label and value of each headline number of a view."""
    school, spot, sign = (lambda v, u=u: count(v, u, lang) for u in ("所", "处", "块"))
    found = int(f["campus_found"] or 0) + int(f["surrounding_found"] or 0)
    rectified = int(f["campus_rectified"] or 0) + int(f["surrounding_rectified"] or 0)
    on_deadline = int(f["campus_on_deadline"] or 0) + int(f["surrounding_on_deadline"] or 0)
    by_view: dict[str, list[Line]] = {
        "overview": [("metric.schools", school(f["schools"])), ("metric.coverage", share(f["coverage"])),
                     ("metric.presence", share(f["presence"])), ("metric.four100", share(f["four100"])),
                     ("key.overdue_all", spot(f["overdue_all"])), ("metric.missing_signs", school(f["missing_signs"]))],
        "gaps": [("metric.schools", school(f["schools"])), ("metric.coverage", share(f["coverage"])),
                 ("gaps.no_liaison", school(f["no_liaison"])), ("gaps.weak_liaison", school(f["weak_liaison"])),
                 ("metric.presence", share(f["presence"])), ("key.no_presence", school(f["no_presence"])),
                 ("key.low_presence", school(f["low_presence"]))],
        "hotspots": [("metric.found", spot(found)), ("metric.rectified", spot(rectified)),
                     ("metric.on_deadline", spot(on_deadline)), ("key.overdue_all", spot(f["overdue_all"]))],
        "signs": [("signs.near_road", school(f["near_road"])), ("signs.school.complete", school(f["signs_complete"])),
                  ("metric.missing_signs", school(f["missing_signs"])),
                  ("signs.not_reinstalled_count", sign(f["not_reinstalled"]))]}
    return [(tx(key, lang), value) for key, value in by_view[view]]

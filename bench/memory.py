"""Peak RSS of `xiaoan` commands at scale S and M: does any grow with the size of the track table?

    nice .venv/bin/python bench/memory.py --scales S M [--commands load brief refresh]

Each command runs as a child under /usr/bin/time -v against bench/dashboard_db.py's database of the scale
(built first if missing): `xiaoan load tracks` of the same one-day CSV (2026-11-09, ~100 k fixes of the S
vehicles; the load also refreshes that day's presence for every school), `xiaoan export brief` over the
scale's school days, and `xiaoan refresh` (full: minutes at M). The day loaded is removed again afterwards,
so the database stays as built and the run can be repeated. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import dashboard_db, data  # noqa: E402
from db.engine import make_engine  # noqa: E402

DAY = dt.date(2026, 11, 9)
FORGET = ["DELETE FROM track_point WHERE ts >= CAST(:day AS date) AT TIME ZONE 'Asia/Shanghai' "
          "AND ts < (CAST(:day AS date) + 1) AT TIME ZONE 'Asia/Shanghai'",
          "DELETE FROM presence WHERE day = :day",
          "DELETE FROM vehicle WHERE etl_run_id IN (SELECT id FROM etl_run WHERE dataset = 'tracks' "
          "AND file_name = :name)",
          "DELETE FROM etl_run WHERE dataset = 'tracks' AND file_name = :name"]


def day_file(folder: Path) -> Path:
    """The same one-day track CSV for every scale."""
    scale = data.Scale(330, 100_000, days=1, first_day=DAY)
    return data.write_csv(next(data.tracks(data.schools(scale.schools, scale.seed), scale)),
                          folder / f"tracks_{DAY}.csv")


def sizes(url: str) -> tuple[int, int]:
    """Fixes and presence rows in the database."""
    engine = make_engine(url)
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT (SELECT count(*) FROM track_point), (SELECT count(*) FROM presence)")).one()
    engine.dispose()
    return int(row[0]), row[1]


def measure(scale: str, commands: list[str], folder: Path, csv: Path) -> list[tuple]:
    """(scale, fixes, command, seconds, peak RSS MB) for each command at one scale."""
    url, days = dashboard_db.ensure(scale), data.SCALES[scale].day_list
    fixes = sizes(url)[0]
    argv = {"load": ["load", "tracks", str(csv)], "refresh": ["refresh"],
            "brief": ["export", "brief", "--from", f"{days[0]}", "--to", f"{days[-1]}", "-o", str(folder / "b.docx")]}
    rows = []
    for name in commands:
        seconds, rss, _ = dashboard_db.timed([str(dashboard_db.XIAOAN), *argv[name]], url)
        rows.append((scale, fixes, " ".join(argv[name][:2]), seconds, rss / 1024))
        print(f"{scale} {name}: {seconds:.1f} s, {rss / 1024:.0f} MB", file=sys.stderr)
    if "load" in commands:
        forget(url, csv.name)
    return rows


def forget(url: str, name: str) -> None:
    """Remove the day loaded (points, presence, vehicles it registered, its etl_run rows)."""
    engine = make_engine(url)
    with engine.begin() as conn:
        for statement in FORGET:
            conn.execute(sa.text(statement), {"day": DAY, "name": name})
    engine.dispose()


def main() -> None:
    """Run the commands at each scale and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", nargs="+", default=["S", "M"], choices=list(data.SCALES))
    parser.add_argument("--commands", nargs="+", default=["load", "brief", "refresh"],
                        choices=["load", "brief", "refresh"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        csv = day_file(Path(tmp))
        rows = [r for s in args.scales for r in measure(s, args.commands, Path(tmp), csv)]
    print("| scale | fixes in track_point | command | wall s | peak RSS (MB) |\n|---|---:|---|---:|---:|")
    for scale, fixes, command, seconds, rss in rows:
        print(f"| {scale} | {fixes:,} | `xiaoan {command}` | {seconds:.1f} | {rss:.0f} |")


if __name__ == "__main__":
    main()

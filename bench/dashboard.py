"""Benchmark of the dashboard: server time per page with warm caches, and map payload bytes per page.

    .venv/bin/python bench/dashboard.py --runs 20 [--from 2026-11-01 --to 2026-11-28] [--county 533301]
    nice .venv/bin/python bench/dashboard.py --scale M --runs 20   # builds the M database first, once

Each page file runs under Streamlit's AppTest against the configured database (XIAOAN_DATABASE_URL, else the
embedded cluster), or with --scale against bench/dashboard_db.py's database of that scale (the demo plus
bench/data.py's schools and tracks; period: the scale's school days): one cold run fills the caches, then
--runs timed reruns give p50 and p95. Prints a Markdown table. Targets: p95 under 500 ms per page at M, no
map payload above 5 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from streamlit.logger import set_log_level  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from db.engine import database_url, make_engine  # noqa: E402

VIEWS = ROOT / "dashboard" / "views"
PAGES = ("overview", "gaps", "hotspots", "signs", "work", "school", "data_admin")
TARGET_MS = 500
TARGET_PAYLOAD = 5 * 2**20
BENCH_USER, BENCH_PASSWORD = "bench_leader", "bench-leader-password"  # a scratch bench database's user


def busiest_school() -> str | None:
    """The school with the most presence rows (the school page's heaviest case)."""
    engine = make_engine(database_url())
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(
                "SELECT s.school_code FROM school s LEFT JOIN presence p USING (school_code) "
                "GROUP BY s.school_code ORDER BY count(p.*) DESC, s.school_code LIMIT 1")).scalar()
    finally:
        engine.dispose()


def leader_token() -> str | None:
    """A sign-in token of a bench leader (every county), made once per database; None without access control."""
    try:
        from dashboard.reads.core import TOKEN_KEY  # noqa: F401  (pages read the token under this key)
        from db import access, users
    except ImportError:
        return None
    engine = make_engine(database_url())
    try:
        with engine.begin() as conn:
            if BENCH_USER not in set(users.listing(conn).iloc[:, 0]):
                users.add(conn, BENCH_USER, "leader", None, BENCH_PASSWORD, cost=4)
            return access.sign_in(conn, BENCH_USER, BENCH_PASSWORD, 12)
    finally:
        engine.dispose()


def measure(page: str, params: dict[str, str], runs: int, timeout: float = 300, token: str | None = None
            ) -> dict[str, object]:
    """Cold time, p50 and p95 of warm reruns (ms), deck payload bytes, and whether the page was clean."""
    at = AppTest.from_file(str(VIEWS / page / "view.py"), default_timeout=timeout)
    if token:
        from dashboard.reads.core import TOKEN_KEY

        at.session_state[TOKEN_KEY] = token
    for key, value in params.items():
        at.query_params[key] = value
    start = time.perf_counter()
    try:
        at.run(timeout=timeout)
    except RuntimeError as exc:  # AppTest gives up on a run that takes longer than its timeout
        return {"page": page, "cold": (time.perf_counter() - start) * 1000, "p50": float("nan"),
                "p95": float("nan"), "payload": 0, "ok": False, "problems": [str(exc)]}
    cold = (time.perf_counter() - start) * 1000
    warm = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        warm.append((time.perf_counter() - start) * 1000)
    warm.sort()
    payload = sum(len(chart.proto.json.encode()) for chart in at.get("deck_gl_json_chart"))
    problems = [e.value for e in at.exception] + [e.value for e in at.error]
    return {"page": page, "cold": cold, "p50": statistics.median(warm),
            "p95": warm[min(len(warm) - 1, round(0.95 * (len(warm) - 1)))], "payload": payload,
            "ok": not problems, "problems": problems}


def table(rows: list[dict[str, object]]) -> str:
    """The results as a Markdown table."""
    lines = ["| page | cold run (ms) | warm p50 (ms) | warm p95 (ms) | map payload | p95 < 500 ms | < 5 MB | clean |",
             "|---|---:|---:|---:|---:|:-:|:-:|:-:|"]
    for r in rows:
        size = f"{r['payload'] / 1024:,.0f} KB" if r["payload"] else "—"
        cold = f"{r['cold']:,.0f}" + (" (timed out)" if r["p50"] != r["p50"] else "")
        lines.append(f"| {r['page']} | {cold} | {r['p50']:,.0f} | {r['p95']:,.0f} | {size} | "
                     f"{'yes' if r['p95'] < TARGET_MS else 'NO'} | "  # NaN (timed out) compares False
                     f"{'yes' if r['payload'] < TARGET_PAYLOAD else 'NO'} | "
                     f"{'yes' if r['ok'] else 'NO'} |")
    return "\n".join(lines)


def use_scale(args: argparse.Namespace) -> None:
    """Point XiaoAn at the scale's database (built first if needed); its school days as the default period."""
    from bench import dashboard_db, data
    from db.settings import get_settings

    os.environ["XIAOAN_DATABASE_URL"] = dashboard_db.ensure(args.scale)
    get_settings.cache_clear()
    days = data.SCALES[args.scale].day_list
    args.date_from, args.date_to = args.date_from or f"{days[0]}", args.date_to or f"{days[-1]}"
    engine = make_engine(database_url())
    with engine.connect() as conn:
        size = conn.execute(sa.text("SELECT (SELECT count(*) FROM school), (SELECT count(*) FROM presence), "
                                    "(SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                                    "WHERE c.relispartition AND c.relkind = 'r' "
                                    "AND c.relname LIKE 'track_point%'), (SELECT sum(reltuples) FROM pg_class "
                                    "WHERE relispartition AND relname LIKE 'track_point%' AND relkind = 'r')")).one()
    engine.dispose()
    print(f"scale {args.scale}: {size[0]:,} schools, {size[1]:,} presence rows, ~{size[3]:,.0f} fixes "
          f"({size[2] / 2**30:.1f} GB); period {args.date_from} – {args.date_to}", file=sys.stderr)


def main() -> None:
    """Measure every page and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--from", dest="date_from")
    parser.add_argument("--to", dest="date_to")
    parser.add_argument("--county")
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    parser.add_argument("--scale", choices=["S", "M"], help="bench/dashboard_db.py's database of this scale")
    parser.add_argument("--timeout", type=float, default=300, help="seconds a page run may take")
    args = parser.parse_args()
    set_log_level("error")
    if args.scale:
        use_scale(args)
    shared = {k: v for k, v in (("from", args.date_from), ("to", args.date_to), ("county", args.county)) if v}
    school, token = busiest_school(), leader_token()
    load_before = os.getloadavg()[0]
    rows = []
    for page in args.pages:
        params = {**shared, **({"school": school} if page == "school" and school else {})}
        rows.append(measure(page, params, args.runs, args.timeout, token))
        print(f"{page}: p50 {rows[-1]['p50']:.0f} ms", file=sys.stderr)
    print(table(rows))
    print(f"\n1-minute load average {load_before:.2f} at the start, {os.getloadavg()[0]:.2f} at the end")
    for r in rows:
        for problem in r["problems"]:
            print(f"\n{r['page']}: {problem}")


if __name__ == "__main__":
    main()

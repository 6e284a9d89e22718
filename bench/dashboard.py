"""Benchmark of the dashboard: server time per page with warm caches, and map payload bytes per page.

    .venv/bin/python bench/dashboard.py --runs 20 [--from 2026-11-01 --to 2026-11-28] [--county 533301]
    nice .venv/bin/python bench/dashboard.py --scale M --runs 20   # builds the M database first, once

Each page file runs under Streamlit's AppTest against the configured database (XIAOAN_DATABASE_URL, else the
embedded cluster), or with --scale against bench/dashboard_db.py's database of that scale (the demo plus
bench/data.py's schools and tracks; period: the scale's school days). Every page is run once first, then the
data caches are emptied (a server that has served before, at its first look of the morning: modules imported,
caches past their ttl; the first run of the process, imports included, is printed below the table). Then per
page --colds cold runs (3), each a new session with every data cache emptied first, give min, median and max, and
--runs timed reruns of the last give p50 and p95. Every session shares the process's custom-component registry,
which AppTest would otherwise scan for on each new test (0.4 s) and a server scans for once at start-up. On the
gaps page, each peak window and two radii are then picked once more, one at a time (the first view of a new
selection: its cold time; every other read stays cached), and reported as one more row, "gaps, new selection",
min–max of those runs. Prints a Markdown table. Targets: p95 under 500 ms per page at M, no map payload above
5 MB; cold overview and a new gaps selection under 1 s at M, every run of them (the max).
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
COLD_TARGET_MS = 1000
NEW_RADII = ("50", "200")  # of the gaps page's radii, picked after the windows
TARGET_PAYLOAD = 5 * 2**20
BENCH_USER, BENCH_PASSWORD = "bench_leader", "bench-leader-password"  # a scratch bench database's user


_COMPONENTS: list[object] = []  # the custom-component registry, found once per process as a server does


def app_test(page: str, timeout: float, token: str | None = None, params: dict[str, str] | None = None) -> AppTest:
    """An AppTest of the page (a new session, signed in with token, URL params) that shares the process's component
    registry: AppTest scans every installed package for custom components on a test's first run (0.4 s here),
    which a server does once at start-up (streamlit.runtime.Runtime), not per session or view, so it is no part
    of a cold view's time."""
    at = AppTest.from_file(str(VIEWS / page / "view.py"), default_timeout=timeout)
    if _COMPONENTS:
        at._bidi_component_manager = _COMPONENTS[0]  # noqa: SLF001  (AppTest's own cache of that registry)
    if token:
        from dashboard.reads.core import TOKEN_KEY

        at.session_state[TOKEN_KEY] = token
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at


def remember_components(at: AppTest) -> None:
    """Keep the registry an AppTest's first run found, for every later one (see app_test)."""
    found = getattr(at, "_bidi_component_manager", None)
    if found is not None and not _COMPONENTS:
        _COMPONENTS.append(found)


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


def new_selections(at: AppTest, timeout: float) -> dict[str, object]:
    """The gaps page's first view of each peak window, then of each of NEW_RADII with every window (ms each)."""
    from dashboard.reads.patrols import window_names

    lang = next(b.key for b in at.selectbox if str(b.key).startswith("window_")).removeprefix("window_")
    times, problems = [], []
    for key, value in [(f"window_{lang}", w) for w in window_names()] + [(f"window_{lang}", "all")] + [
            (f"radius_{lang}", r) for r in NEW_RADII]:
        start = time.perf_counter()
        at.selectbox(key=key).select(value).run(timeout=timeout)
        if value != "all":  # back to every window is a view already seen (cached)
            times.append((time.perf_counter() - start) * 1000)
            print(f"gaps, new {key.split('_')[0]} {value}: {times[-1]:.0f} ms", file=sys.stderr)
        problems += [e.value for e in at.exception] + [e.value for e in at.error]
    return {"page": "gaps, new selection", "cold": min(times), "cold_max": max(times), "p50": float("nan"),
            "p95": float("nan"), "payload": 0, "ok": not problems, "problems": problems, "selection": True}


def cold_run(page: str, params: dict[str, str], timeout: float, token: str | None) -> tuple[AppTest, float]:
    """A new session's first view of the page with every data cache emptied first (ms)."""
    import streamlit as st

    st.cache_data.clear()
    at = app_test(page, timeout, token, params)
    start = time.perf_counter()
    at.run(timeout=timeout)
    return at, (time.perf_counter() - start) * 1000


def measure(page: str, params: dict[str, str], runs: int, timeout: float = 300, token: str | None = None,
            then_new: bool = False, colds: int = 3) -> list[dict[str, object]]:
    """Cold times (`colds` of them, each with the caches emptied: min, median, max), p50 and p95 of warm reruns
    (ms), deck payload bytes, and whether the page was clean (then_new: and the gaps page's new selections, as a
    second row)."""
    times = []
    start = time.perf_counter()
    try:
        for _ in range(colds):
            start = time.perf_counter()
            at, cold = cold_run(page, params, timeout, token)
            times.append(cold)
    except RuntimeError as exc:  # AppTest gives up on a run that takes longer than its timeout
        return [{"page": page, "cold": (time.perf_counter() - start) * 1000, "p50": float("nan"),
                 "p95": float("nan"), "payload": 0, "ok": False, "problems": [str(exc)]}]
    cold, cold_max, cold_median = min(times), max(times), statistics.median(times)
    warm = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        warm.append((time.perf_counter() - start) * 1000)
    warm.sort()
    payload = sum(len(chart.proto.json.encode()) for chart in at.get("deck_gl_json_chart"))
    problems = [e.value for e in at.exception] + [e.value for e in at.error]
    rows = [{"page": page, "cold": cold, "cold_max": cold_max, "cold_median": cold_median,
             "p50": statistics.median(warm), "p95": warm[min(len(warm) - 1, round(0.95 * (len(warm) - 1)))],
             "payload": payload,
             "ok": not problems, "problems": problems}]
    return rows + ([new_selections(at, timeout)] if then_new else [])


def warm_up(pages: list[str], shared: dict[str, str], school: str | None, timeout: float, token: str | None
            ) -> float:
    """Run every page once, as a server process that has served before, then empty the data caches (the state of
    a first look of the morning once the ttl has passed); the first page's time, imports included (ms)."""
    import streamlit as st

    times = []
    for page in pages:
        at = app_test(page, timeout, token, {**shared, **({"school": school} if page == "school" and school else {})})
        start = time.perf_counter()
        at.run(timeout=timeout)
        times.append((time.perf_counter() - start) * 1000)
        remember_components(at)
    st.cache_data.clear()
    return times[0] if times else float("nan")


def table(rows: list[dict[str, object]]) -> str:
    """The results as a Markdown table."""
    lines = ["| page | cold runs, min–max (median) ms | warm p50 (ms) | warm p95 (ms) | map payload | "
             "every cold < 1 s | p95 < 500 ms | < 5 MB | clean |", "|---|---:|---:|---:|---:|:-:|:-:|:-:|:-:|"]
    for r in rows:
        size = f"{r['payload'] / 1024:,.0f} KB" if r["payload"] else "—"
        if r.get("selection"):
            lines.append(f"| {r['page']} | {r['cold']:,.0f}–{r['cold_max']:,.0f} | – | – | – | "
                         f"{'yes' if r['cold_max'] < COLD_TARGET_MS else 'NO'} | – | – | "
                         f"{'yes' if r['ok'] else 'NO'} |")
            continue
        if r["p50"] != r["p50"]:  # NaN: timed out
            cold, worst = f"{r['cold']:,.0f} (timed out)", r["cold"]
        else:
            cold, worst = f"{r['cold']:,.0f}–{r['cold_max']:,.0f} ({r['cold_median']:,.0f})", r["cold_max"]
        lines.append(f"| {r['page']} | {cold} | {r['p50']:,.0f} | {r['p95']:,.0f} | {size} | "
                     f"{'yes' if worst < COLD_TARGET_MS else 'NO'} | "
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
    parser.add_argument("--colds", type=int, default=3, help="cold runs per page, each with the caches emptied")
    args = parser.parse_args()
    set_log_level("error")
    if args.scale:
        use_scale(args)
    shared = {k: v for k, v in (("from", args.date_from), ("to", args.date_to), ("county", args.county)) if v}
    school, token = busiest_school(), leader_token()
    first = warm_up(args.pages, shared, school, args.timeout, token)
    load_before = os.getloadavg()[0]
    rows = []
    for page in args.pages:
        params = {**shared, **({"school": school} if page == "school" and school else {})}
        measured = measure(page, params, args.runs, args.timeout, token, then_new=page == "gaps",
                           colds=args.colds)
        print(f"{page}: cold {measured[0]['cold']:.0f} ms", file=sys.stderr)
        rows += measured
    print(table(rows))
    print(f"\nFirst run in a new process (imports included, {args.pages[0]}): {first:,.0f} ms; every cold run "
          "above had the modules imported and the data caches empty, as on a server that has served before.")
    print(f"\n1-minute load average {load_before:.2f} at the start, {os.getloadavg()[0]:.2f} at the end")
    for r in rows:
        for problem in r["problems"]:
            print(f"\n{r['page']}: {problem}")


if __name__ == "__main__":
    main()

"""`xiaoan load DATASET FILE …`: validate and load files, print a summary, write reject reports."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from db.engine import database_url, make_engine
from db.settings import get_settings
from etl.datasets import DATASETS
from etl.load import LoadResult
from etl.options import LoadOptions, read_header_map
from etl.runner import load_file
from texts import t
from texts.reasons import message, reason
from xiaoan.say import lang as cli_language
from xiaoan.say import say

console = Console()
if not console.is_terminal:  # logs and pipes get the whole table, not a squeezed 80 columns
    console.width = 160


def write_reports(results: list[LoadResult], rejects_dir: Path) -> dict[Path, Path]:
    """Write each file's reject report; return them by input file."""
    return {r.path: r.report.write_csv(rejects_dir / r.reject_file_name)
            for r in results if r.report.rejects}


COLUMNS = ("dataset", "status", "read", "loaded", "rejected", "new", "changed", "already", "file")


def summarise(results: list[LoadResult], rejects_dir: Path, lang: str | None = None) -> int:
    """Print one line per file and the first problems (in the user's language), write reject reports (English
    on disk), return the exit code."""
    lang = lang or cli_language()
    reports = write_reports(results, rejects_dir)
    table = Table(*(t(f"cli.load.{c}", lang) for c in COLUMNS[:-1]))
    table.add_column(t("cli.load.file", lang), overflow="fold")
    for r in results:
        table.add_row(t(f"dataset.{r.dataset}", lang), t(f"run_status.{r.status}", lang), str(r.rows_read),
                      str(r.rows_loaded), str(r.rows_rejected), str(r.inserted), str(r.updated),
                      str(r.details.get("duplicates_in_db", "")), r.path.name)
    console.print(table)
    for r in results:
        if r.message and r.status != "failed":
            console.print(f"{r.path.name}: {message(r.message, lang)}", markup=False, soft_wrap=True)
        if r.path in reports:
            console.print(t("cli.load.problems", lang).format(file=r.path.name, n=len(r.report.rejects),
                                                                 report=reports[r.path]), markup=False, soft_wrap=True)
            for reject in r.report.rejects[:10]:
                where = t("cli.load.whole_file", lang) if not reject.row else t("cli.load.where", lang).format(
                    row=reject.row, column=reject.column, value=repr(reject.value))
                console.print(f"  {where}: {reason(reject.reason, lang)}", markup=False, soft_wrap=True)
    return max((r.exit_code for r in results), default=0)


def as_json(result: LoadResult, report: Path | None) -> dict[str, object]:
    """The summary of one file for nightly scripts."""
    return {"dataset": result.dataset, "file": str(result.path), "status": result.status,
            "rows_read": result.rows_read, "rows_loaded": result.rows_loaded,
            "rows_rejected": result.rows_rejected, "inserted": result.inserted, "updated": result.updated,
            "reject_report": str(report) if report else None, "run_id": result.run_id,
            "message": result.message, "details": result.details, "exit_code": result.exit_code}


def combined(items: list[dict[str, object]], code: int) -> dict[str, object]:
    """One JSON object for several files: totals, the files and reports as lists, each file's own."""
    totals = {k: sum(int(i[k]) for i in items) for k in ("rows_read", "rows_loaded", "rows_rejected")}
    worst = max(items, key=lambda i: int(i["exit_code"]))
    return {"dataset": items[0]["dataset"], "file": [i["file"] for i in items], **totals,
            "status": worst["status"], "reject_report": [i["reject_report"] for i in items if i["reject_report"]],
            "exit_code": code, "files": items}


def load(dataset: str = typer.Argument(..., help=f"one of: {', '.join(DATASETS)}"),
         files: list[Path] = typer.Argument(..., help="files to load, each in its own transaction"),
         dry_run: bool = typer.Option(False, "--dry-run", help="only validate; change nothing"),
         crs: str = typer.Option("wgs84", help="wgs84 | cgcs2000 | gcj02 | bd09 | EPSG:n"),
         headers: Path = typer.Option(None, help="CSV mapping a source's own headers to XiaoAn's"),
         vehicle: str = typer.Option(None, help="vehicle of a GPX file (else the track name, else file)"),
         timezone: str = typer.Option("Asia/Shanghai", help="zone of timestamps written without one"),
         rejects_dir: Path = typer.Option(None, "--rejects", help="folder for reject reports"),
         json_out: bool = typer.Option(False, "--json", help="print the summary as JSON on the last line")
         ) -> None:
    """Load files of one dataset; exit 0 all loaded, 1 some rows rejected, 2 nothing loaded."""
    if dataset not in DATASETS:
        console.print(say("cli.load.unknown_dataset", dataset=repr(dataset), datasets=", ".join(DATASETS)),
                      markup=False)
        raise typer.Exit(2)
    options = LoadOptions(crs=crs, headers=read_header_map(headers) if headers else {},
                          vehicle=vehicle, timezone=timezone)
    engine = make_engine(database_url())
    results = [load_file(engine, DATASETS[dataset], f, dry_run=dry_run, options=options) for f in files]
    rejects_dir = rejects_dir or get_settings().home / "rejects"
    code = summarise(results, rejects_dir)
    if json_out:
        reports = write_reports(results, rejects_dir)
        items = [as_json(r, reports.get(r.path)) for r in results]
        typer.echo(json.dumps(items[0] if len(items) == 1 else combined(items, code), ensure_ascii=False))
    raise typer.Exit(code)

"""`xiaoan load DATASET FILE …`: validate and load files, print a summary, write reject reports."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from db.engine import database_url, make_engine
from db.settings import get_settings
from etl.datasets import DATASETS
from etl.load import LoadResult
from etl.runner import load_file

console = Console()


def summarise(results: list[LoadResult], rejects_dir: Path) -> int:
    """Print one line per file, write each reject report, return the worst exit code."""
    table = Table("file", "dataset", "status", "read", "loaded", "rejected", "new", "changed")
    for r in results:
        table.add_row(r.path.name, r.dataset, r.status, str(r.rows_read), str(r.rows_loaded),
                      str(r.rows_rejected), str(r.inserted), str(r.updated))
    console.print(table)
    for r in results:
        if r.report.rejects:
            path = r.report.write_csv(rejects_dir / f"{r.path.stem}.rejects.csv")
            console.print(f"[yellow]{r.path.name}[/yellow]: {len(r.report.rejects)} problem(s), "
                          f"reject report: {path}")
            for reject in r.report.rejects[:10]:
                where = f"row {reject.row} {reject.column} {reject.value!r}" if reject.row else "file"
                console.print(f"  {where}: {reject.reason}", markup=False, soft_wrap=True)
    return max((r.exit_code for r in results), default=0)


def load(dataset: str = typer.Argument(..., help=f"one of: {', '.join(DATASETS)}"),
         files: list[Path] = typer.Argument(..., help="files to load, each in its own transaction"),
         dry_run: bool = typer.Option(False, "--dry-run", help="only validate; change nothing"),
         rejects_dir: Path = typer.Option(None, "--rejects", help="folder for reject reports")) -> None:
    """Load files of one dataset; exit 0 all loaded, 1 some rows rejected, 2 nothing loaded."""
    if dataset not in DATASETS:
        console.print(f"[red]unknown dataset {dataset!r}[/red]; expected one of {', '.join(DATASETS)}")
        raise typer.Exit(2)
    engine = make_engine(database_url())
    results = [load_file(engine, DATASETS[dataset], f, dry_run=dry_run) for f in files]
    raise typer.Exit(summarise(results, rejects_dir or get_settings().home / "rejects"))

"""Loading uploaded files through the ETL (the CLI's functions and report), and listing reject reports."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from dashboard.analysis import fmt
from db.errors import RefusedFile
from db.settings import get_settings
from etl import guard
from etl.datasets import DATASETS
from etl.load import LoadResult
from etl.options import LoadOptions
from etl.runner import load_file
from texts import Translator, reasons

CRS_CHOICES = ("wgs84", "cgcs2000", "gcj02", "bd09")
SAFE = re.compile(r"[^\w.\-]+")


@dataclass(frozen=True)
class Upload:
    """What became of an uploaded file: the ETL's result and its reject report (CSV bytes, saved path)."""

    result: LoadResult
    report_csv: bytes | None
    report_path: Path | None
    refused: RefusedFile | None = None  # why the guard refused the file, for a message in the user's language


def safe_name(name: str) -> str:
    """A file name without folders or odd characters (the suffix kept: the ETL reads by suffix)."""
    cleaned = SAFE.sub("_", Path(name.replace("\\", "/")).name).strip("._")
    return cleaned or "upload"


def rejects_dir() -> Path:
    """Where reject reports are kept, as the CLI keeps them."""
    return get_settings().home / "rejects"


def load_upload(engine: sa.Engine, dataset: str, files: list[tuple[str, bytes]], crs: str = "wgs84",
                dry_run: bool = False, loaded_by: str | None = None,
                counties: tuple[str, ...] | None = None) -> Upload:
    """Write and load uploaded bytes (a shapefile with its parts, or zipped); RefusedFile when over the size limit.

    A file the guard refuses still goes to load_file, which records it as a failed run with its report; with
    counties (a data clerk's), a file holding rows of any other county is refused whole."""
    options = LoadOptions(crs=crs, counties=counties)
    if loaded_by is not None:
        options = LoadOptions(crs=crs, counties=counties, loaded_by=loaded_by)
    guard.check_size("+".join(name for name, _ in files), sum(len(content) for _, content in files))
    with tempfile.TemporaryDirectory(prefix="xiaoan-upload-") as folder:
        paths, refused = _write(Path(folder), files)
        main = next((q for q in paths if q.suffix.lower() == ".shp"), paths[0])
        result = load_file(engine, DATASETS[dataset], main, dry_run=dry_run, options=options)
        if not result.report.rejects:
            return Upload(result, None, None, refused)
        saved = result.report.write_csv(rejects_dir() / result.reject_file_name)
        return Upload(result, saved.read_bytes(), saved, refused)


def _write(folder: Path, files: list[tuple[str, bytes]]) -> tuple[list[Path], RefusedFile | None]:
    """The uploaded files on disk, a ZIP's shapefile unpacked with care, each checked; the first refusal."""
    paths: list[Path] = []
    for name, content in files:
        path = folder / safe_name(name)
        path.write_bytes(content)
        if path.suffix.lower() != ".zip":
            paths.append(path)
            continue
        unpacked = folder / f"{path.stem}.unpacked"
        unpacked.mkdir()
        try:
            paths += guard.unpack_shapefile(path, unpacked)
        except RefusedFile as exc:
            return [path], exc  # load_file refuses it again and records the failed run
    for path in paths:
        try:
            guard.check(path)
        except RefusedFile as exc:
            return paths, exc
    return paths, None


def refusal(exc: RefusedFile, tr: Translator) -> str:
    """Why a file was refused, in the user's language (file and member names escaped)."""
    params = {k: fmt.md(v) for k, v in exc.params.items()}
    if exc.code == "wrong_type":
        params["found"] = tr(f"kind.{exc.params['found']}")
        params["expected"] = tr("kind.or").join(tr(f"kind.{k}") for k in exc.params["expected"])
    return tr(f"refused.{exc.code}").format(**params)


def reject_reports(limit: int = 30) -> list[Path]:
    """The newest reject reports on disk."""
    folder = rejects_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.rejects.csv"), key=lambda q: q.stat().st_mtime, reverse=True)[:limit]


def report_bytes(path: Path, lang: str) -> bytes:
    """A reject report on disk as offered for download: its reason column in lang (the file itself unchanged)."""
    return reasons.report_csv(path.read_bytes(), lang)

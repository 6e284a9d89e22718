"""Checks before a file is read: its size, its content against its extension, archives opened with care."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from db.errors import RefusedFile
from db.settings import get_settings
from etl.load import SHAPEFILE_PARTS, parts
from etl.sniff import NAMES, expected, sniff

MAX_MEMBERS = 1000  # an .xlsx has a handful of parts per sheet
MAX_RATIO = 100  # real XML packs 5–20×; bombs pack 1000× and more
RATIO_FROM = 1 << 20  # small members may pack as they like
CHUNK = 1 << 20
MB = 1 << 20


def limit_bytes() -> int:
    """The largest upload, and the largest unpacked archive, in bytes (setting upload_max_mb)."""
    return get_settings().upload_max_mb * MB


def check_size(name: str, size: int) -> None:
    """Refuse an upload over the size limit."""
    if size > limit_bytes():
        limit = get_settings().upload_max_mb
        raise RefusedFile(f"{name}: {size / MB:.1f} MB is over the upload limit of {limit} MB", "too_large",
                          name=name, size_mb=round(size / MB, 1), limit_mb=limit)


def check(path: Path) -> None:
    """Refuse a file (or shapefile part) whose content is not what its extension says, or a bomb of a workbook."""
    if not path.is_file():
        return  # the reader says that it is missing
    for part in parts(path):
        kinds = expected(part)
        if kinds is None:
            continue
        found = sniff(part)
        if found not in kinds:
            want = " or ".join(sorted({NAMES[k] for k in kinds - {"empty"}}))
            raise RefusedFile(f"{part.name}: the content is {NAMES[found]}, but a {part.suffix} file should be "
                              f"{want}", "wrong_type", name=part.name, found=found, ext=part.suffix.lower(),
                              expected=sorted(kinds - {"empty"}))
        if found in {"xlsx", "ods", "zip"}:
            verify(part, inspect(part))


def _refuse(path: Path, code: str, detail: str, **params: object) -> RefusedFile:
    """An archive refused, with the reason."""
    return RefusedFile(f"{path.name}: archive refused: {detail}", code, name=path.name, **params)


def inspect(path: Path, max_members: int = MAX_MEMBERS) -> list[zipfile.ZipInfo]:
    """The members of a ZIP after checking what its directory declares: count, names, links, sizes, ratios."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _refuse(path, "archive_broken", f"not a readable ZIP ({exc})") from exc
    if len(members) > max_members:
        raise _refuse(path, "archive_members", f"{len(members)} members, at most {max_members}",
                      count=len(members), limit=max_members)
    for info in members:
        name = PurePosixPath(info.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or ":" in info.filename:
            raise _refuse(path, "archive_path", f"member {info.filename!r} points outside the archive",
                          member=info.filename)
        if stat.S_ISLNK(info.external_attr >> 16) or info.flag_bits & 0x1:
            raise _refuse(path, "archive_link", f"member {info.filename!r} is a link or encrypted",
                          member=info.filename)
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(path, "archive_ratio", f"member {info.filename!r} packs more than {MAX_RATIO}:1",
                          member=info.filename, limit=MAX_RATIO)
    _within(path, sum(i.file_size for i in members))
    return members


def _within(path: Path, total: int) -> None:
    """Refuse an archive that unpacks to more than the size limit."""
    if total > limit_bytes():
        raise _refuse(path, "archive_size", f"unpacks to more than {get_settings().upload_max_mb} MB",
                      limit_mb=get_settings().upload_max_mb)


def _stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo, total: int, path: Path,
            sink: BinaryIO | None = None) -> int:
    """Decompress one member in blocks (at most its declared size; CRC checked), counting bytes as they come."""
    with archive.open(info) as member:
        while block := member.read(CHUNK):
            total += len(block)
            _within(path, total)
            if sink is not None:
                sink.write(block)
    return total


def verify(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Decompress every member without keeping it: sizes and checksums as declared, else refused."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for info in members:
                total = _stream(archive, info, total, path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise _refuse(path, "archive_broken", f"a member does not unpack as declared ({exc})") from exc


def unpack_shapefile(path: Path, folder: Path) -> list[Path]:
    """The shapefile parts of a ZIP written flat into folder (other members left packed); exactly one .shp."""
    members = [i for i in inspect(path, max_members=50) if not i.is_dir()
               and Path(i.filename).suffix.lower() in SHAPEFILE_PARTS and "__MACOSX" not in i.filename]
    names = [PurePosixPath(i.filename.replace("\\", "/")).name for i in members]
    if sum(n.lower().endswith(".shp") for n in names) != 1 or len(set(names)) != len(names):
        raise _refuse(path, "archive_no_shapefile", "it must hold exactly one shapefile (.shp, .shx, .dbf …)")
    written, total = [], 0
    try:
        with zipfile.ZipFile(path) as archive:
            for info, name in zip(members, names, strict=True):
                with (folder / name).open("wb") as out:
                    total = _stream(archive, info, total, path, out)
                written.append(folder / name)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise _refuse(path, "archive_broken", f"a member does not unpack as declared ({exc})") from exc
    return written

"""What a file is by its content (magic bytes, text sniffing), and what its extension promises."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

HEAD = 64 * 1024  # bytes looked at for magic numbers and text
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"%PDF", "pdf"), (b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF8", "gif"), (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"), (b"Rar!", "rar"), (b"BZh", "bzip2"), (b"\x7fELF", "executable"),
    (b"MZ", "executable"), (b"\x00\x00\x27\x0a", "shp"))
DBF_VERSIONS = {0x02, 0x03, 0x04, 0x05, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83, 0x8B, 0x8E, 0xCB, 0xE5, 0xF5, 0xFB}
TEXT = frozenset({"text", "json", "xml", "empty"})
EXPECTED: dict[str, frozenset[str]] = {
    ".xlsx": frozenset({"xlsx"}), ".xlsm": frozenset({"xlsx"}), ".xls": frozenset({"ole"}),
    ".ods": frozenset({"ods"}), ".csv": TEXT, ".txt": TEXT, ".geojson": frozenset({"json", "empty"}),
    ".json": frozenset({"json", "empty"}), ".gpx": frozenset({"xml", "empty"}), ".shp": frozenset({"shp"}),
    ".shx": frozenset({"shp"}), ".dbf": frozenset({"dbf"}), ".prj": TEXT, ".cpg": TEXT,
    ".zip": frozenset({"zip", "xlsx", "ods"})}
NAMES = {  # English names for messages; the catalogue's are in texts/data_page.py (kind.*)
    "empty": "an empty file", "zip": "a ZIP archive", "xlsx": "an Excel workbook (.xlsx)",
    "ods": "an OpenDocument spreadsheet", "ole": "an Excel 97-2003 workbook or other Office file",
    "pdf": "a PDF document", "png": "a PNG image", "jpeg": "a JPEG image", "gif": "a GIF image",
    "gzip": "a gzip archive", "7z": "a 7-Zip archive", "rar": "a RAR archive", "bzip2": "a bzip2 archive",
    "executable": "a program", "shp": "a shapefile geometry part (.shp/.shx)", "dbf": "a dBASE table (.dbf)",
    "json": "JSON text", "xml": "XML text", "text": "plain text (UTF-8 or GB18030)",
    "binary": "binary data that is no known format"}


def _zip_kind(path: Path) -> str:
    """xlsx when the archive holds [Content_Types].xml, ods when it holds an ODF mimetype, else zip."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "zip"
    if "[Content_Types].xml" in names:
        return "xlsx"
    return "ods" if "mimetype" in names and "content.xml" in names else "zip"


def _is_dbf(head: bytes) -> bool:
    """A dBASE header: a known version byte, a date of last update, room for one field descriptor."""
    if len(head) < 32 or head[0] not in DBF_VERSIONS:
        return False
    return int.from_bytes(head[8:10], "little") >= 33 and head[2] <= 12 and head[3] <= 31


def _text_kind(head: bytes) -> str:
    """json, xml or text for bytes that decode as UTF-8 (BOM or not), UTF-16 with a BOM or GB18030; else binary."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="ignore")
    elif b"\x00" in head:
        return "binary"
    else:
        text = None
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
                break
            except UnicodeDecodeError:
                continue
        if text is None:
            return "binary"
    start = text.lstrip("\ufeff \t\r\n")[:1]
    return {"{": "json", "[": "json", "<": "xml"}.get(start, "text")


def sniff(path: Path) -> str:
    """The kind of a file by its first bytes: one of NAMES' keys."""
    with path.open("rb") as fh:
        head = fh.read(HEAD)
    if not head:
        return "empty"
    for magic, kind in MAGIC:
        if head.startswith(magic) and not (magic.isascii() and magic.isalnum() and _text_kind(head) != "binary"):
            return _zip_kind(path) if kind == "zip" else kind  # "MZ…" or "BZh…" text stays text
    return "dbf" if _is_dbf(head) else _text_kind(head)


def expected(path: Path) -> frozenset[str] | None:
    """The kinds a file's extension allows, or None when the extension is not one XiaoAn checks."""
    return EXPECTED.get(path.suffix.lower())

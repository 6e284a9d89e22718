"""Reader for Shapefiles and GeoJSON (via pyogrio): features with properties and a shapely geometry."""

from __future__ import annotations

import codecs
import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

import shapely
from pyogrio.raw import read

from db.errors import UnreadableFile
from etl.readers.geojson import Feature

SUFFIXES = {".shp", ".geojson", ".json"}
CHINESE = {"936", "cp936", "ansi936", "gbk", "gb2312", "gb18030", "euc-cn", "ldid/77", "ldid/122"}
UNICODE = {"utf-8", "utf8", "65001", "unicode"}
LDID_CHINESE = {0x4D, 0x7A}  # dBASE language driver ids of code page 936
NO_GEOMETRY = "no geometry"


@dataclass
class VectorFile:
    """One layer: its declared CRS (None when the file names none), field names, features, .dbf encoding."""

    crs: str | None
    fields: list[str]
    features: list[Feature]
    encoding: str | None = None


def _codec(name: str) -> str | None:
    """A .cpg value such as 'ANSI 936', 'GBK' or 'UTF-8' as a codec name Python and GDAL both know."""
    key = name.strip().lower().replace(" ", "").replace("_", "-")
    if key in CHINESE:
        return "GB18030"  # a superset of GBK and GB2312
    if key in UNICODE:
        return "UTF-8"
    if key.isdigit():
        key = f"cp{key}"
    try:
        return codecs.lookup(key).name.upper()
    except (LookupError, ValueError):  # ValueError: a NUL in the .cpg (fuzz)
        return None


def _dbf_text(dbf: bytes) -> tuple[list[bytes], bytes]:
    """The bytes of a .dbf that are text: the field names and the records."""
    header_len = int.from_bytes(dbf[8:10], "little") if len(dbf) >= 32 else len(dbf)
    names, i = [], 32
    while i + 32 <= min(header_len, len(dbf)) and dbf[i] != 0x0D:  # a header may claim more than there is
        names.append(dbf[i:i + 11].split(b"\0")[0])
        i += 32
    return names, dbf[header_len:]


def _decoded(names: list[bytes], records: bytes, codec: str) -> str | None:
    """The text in codec, or None; a name may end in a character cut at the 10-byte limit of dBASE."""
    try:
        return " ".join([*(codecs.getincrementaldecoder(codec)().decode(n, final=False) for n in names),
                         records.decode(codec)])
    except UnicodeDecodeError:
        return None


def _chinese_or_ascii(text: str) -> bool:
    """Plausible as UTF-8: plain ASCII or holding Chinese; short GBK runs can pass as UTF-8 Latin/Greek."""
    return text.isascii() or any("\u3400" <= c <= "\u9fff" or c >= "\U00020000" for c in text)


def dbf_encoding(shp: Path) -> str:
    """Encoding of a shapefile's .dbf: its .cpg if that decodes the text, else the LDID, else a sniff."""
    dbf_path = next((p for p in (shp.with_suffix(".dbf"), shp.with_suffix(".DBF")) if p.is_file()), None)
    dbf = dbf_path.read_bytes() if dbf_path else b""
    names, records = _dbf_text(dbf)
    cpg = next((p for p in (shp.with_suffix(".cpg"), shp.with_suffix(".CPG")) if p.is_file()), None)
    declared = _codec(cpg.read_text(encoding="ascii", errors="ignore")) if cpg else None
    if len(dbf) > 29 and dbf[29] in LDID_CHINESE:
        declared = declared or "GB18030"
    if declared and _decoded(names, records, declared) is not None:
        return declared
    text = _decoded(names, records, "UTF-8")
    return "UTF-8" if text is not None and _chinese_or_ascii(text) else "GB18030"


def _text(value: str, codec: str | None, errors: str = "replace") -> str:
    """A string GDAL read as Latin-1 (byte for byte), decoded with the file's real encoding."""
    return value.encode("latin-1").decode(codec, errors=errors) if codec else value


def _value(value: object, codec: str | None) -> object:
    """A property as a plain Python value: numpy scalars unwrapped, NaN/NaT as None, text decoded."""
    value = value.item() if hasattr(value, "item") else value
    if isinstance(value, str):
        return _text(value, codec)
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def _geometry(number: int, props: dict[str, object], wkb: bytes | None) -> Feature:
    """One feature; a geometry GEOS cannot build is kept as an error."""
    if wkb is None:
        return Feature(number, props, None, NO_GEOMETRY)
    try:
        return Feature(number, props, shapely.from_wkb(wkb))
    except shapely.errors.GEOSException as exc:
        return Feature(number, props, None, str(exc).strip())


def read_vector(path: Path) -> VectorFile:
    """Read the first layer of a .shp (with .shx, .dbf, optional .cpg/.prj) or a GeoJSON file."""
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such file")
    if path.suffix.lower() not in SUFFIXES:
        raise UnreadableFile(f"{path.name}: unsupported format {path.suffix!r}; expected .shp or .geojson")
    codec = dbf_encoding(path) if path.suffix.lower() == ".shp" else None
    try:  # GDAL hands a shapefile's bytes over as Latin-1, losslessly; they are decoded here
        meta, _, geoms, data = read(path, encoding="ISO-8859-1" if codec else None, force_2d=True)
    except Exception as exc:  # pyogrio's errors are RuntimeErrors, but a .prj not in UTF-8 raises UnboundLocalError
        raise UnreadableFile(f"{path.name}: not a readable Shapefile/GeoJSON (a Shapefile needs its .shp, "
                             f".shx and .dbf side by side) ({exc})") from exc
    fields = [_text(str(f), codec, "ignore") for f in meta["fields"]]
    columns = [[_value(v, codec) for v in column] for column in data]
    features = [_geometry(i + 1, {f: c[i] for f, c in zip(fields, columns, strict=True)}, wkb)
                for i, wkb in enumerate(geoms)]
    return VectorFile(meta.get("crs"), fields, features, codec)

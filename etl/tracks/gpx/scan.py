"""Fast reading of plain GPX: libxml2 checks the markup while numpy finds track points and their values.

The file is fed block by block to a libxml2 parser without callbacks (well-formedness, no tree) and each
block, cut before its last <trkpt, is scanned with numpy (etl/tracks/gpx_tags.py). The few tags outside
points (tracks, their names, segments, waypoints, routes) go through a small loop that keeps the element
stack, so that each point gets the vehicle the lxml reader would give it. What is not plain raises
Retry("reader"): the load then starts again with the lxml reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from db.errors import UnreadableFile
from etl.tracks.gpx.points import points_of
from etl.tracks.gpx.structure import Scanner
from etl.tracks.gpx.tags import tags
from etl.tracks.points import PointBatch, Retry

BLOCK = 8 << 20
PAD = bytes(8)
DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<\?xml\b[^>]*?\?>")
UTF8 = re.compile(rb"""encoding\s*=\s*["'](utf-8|utf8)["']""", re.IGNORECASE)
ENDS = (b"</wpt>", b"</rtept>", b"</rte>", b"</trk>")  # where a stretch without points may be cut


class _Nothing:
    """A parser target that wants no events: libxml2 only checks the markup."""

    def close(self) -> None:
        """Nothing to return."""


def scan_gpx(path: Path, vehicle: str | None, scale: float) -> Iterator[PointBatch]:
    """Batches of raw points of a plain GPX file, as columns; Retry("reader") when the file is not plain."""
    scanner, checker = Scanner(path, vehicle), etree.XMLParser(target=_Nothing(), resolve_entities=False,
                                                                no_network=True)
    with path.open("rb") as fh:
        pending, eof, first, position = b"", False, True, 0
        while not eof:
            block = fh.read(BLOCK)
            eof = not block
            try:
                checker.close() if eof else checker.feed(block)
            except etree.XMLSyntaxError as exc:
                if first:
                    raise Retry("reader") from exc
                raise UnreadableFile(f"{path.name}: not readable GPX ({exc})") from exc
            pending += block
            cut = len(pending) if eof else pending.rfind(b"<trkpt")
            if cut < 0 and len(pending) > BLOCK:
                cut = max(pending.rfind(end) + len(end) if end in pending else -1 for end in ENDS)
            if cut <= 0:
                continue
            stretch, pending = pending[:cut], pending[cut:]
            if first:
                stretch = _declared(stretch)
            position += cut
            batch = _batch(scanner, stretch, scale)
            batch.position, first = position, False
            yield batch
    if not scanner.count:
        raise UnreadableFile(f"{path.name}: no track points (<trkpt>); waypoints and routes are not tracks")


def _declared(stretch: bytes) -> bytes:
    """The first stretch without its XML declaration (blanked), which must declare UTF-8 if any encoding."""
    found = DECLARATION.match(stretch)
    if stretch.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Retry("reader")
    if found is None:
        return stretch
    if b"encoding" in found.group() and not UTF8.search(found.group()):
        raise Retry("reader")
    return b" " * found.end() + stretch[found.end():]


def _batch(scanner: Scanner, stretch: bytes, scale: float) -> PointBatch:
    """The points of one stretch of whole points."""
    buffer = PAD + stretch + PAD
    found = tags(buffer)
    columns = points_of(scanner, found, buffer)
    scanner.count += len(columns)
    return PointBatch(speed_scale=scale, columns=columns if len(columns) else None)

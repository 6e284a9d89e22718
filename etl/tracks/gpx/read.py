"""Reader for GPX 1.0/1.1 track points, scanned fast when plain, else streamed with lxml.iterparse; waypoints and
routes are skipped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from db.errors import UnreadableFile
from etl.tracks.gpx.scan import scan_gpx
from etl.tracks.points import BATCH_SIZE, PointBatch, RawPoint, Retry

MPS_TO_KMH = 3.6  # GPX speeds are metres per second
TAGS = ("{*}trkpt", "{*}name", "{*}trk", "{*}wpt", "{*}rtept", "{*}rte")
VALUES = ("{*}time", "{*}speed", "{*}course")  # in <trkpt> (GPX 1.0) or in its <extensions> (GPX 1.1)
FORGET_EVERY = 1000  # finished points are unlinked from their segment in blocks


def _local(tag: object) -> str:
    """Tag name without its namespace ('' for entities and other nodes that are not elements)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


class _Names(dict):
    """Local names by full tag, remembered: lxml hands out the same few tag strings again and again."""

    def __missing__(self, tag: object) -> str:
        """Work out and remember a tag not seen before."""
        self[tag] = _local(tag)
        return self[tag]


NAMES = _Names()


def _point(number: int, vehicle: str, elem: etree._Element) -> RawPoint:
    """The raw values of one <trkpt>: time, position, speed and course (the first of each found)."""
    time = speed = course = ""
    for sub in elem.iter(VALUES):  # the tag filter runs in C: no Python objects for <ele>, wrappers…
        name = NAMES[sub.tag]
        if name == "time":
            time = time or sub.text or ""
        elif name == "speed":
            speed = speed or sub.text or ""
        else:
            course = course or sub.text or ""
    return (number, vehicle, time.strip(), (elem.get("lon") or "").strip(), (elem.get("lat") or "").strip(),
            speed.strip(), course.strip())


def _forget(elem: etree._Element, siblings: bool = True) -> None:
    """Free a finished element and, if asked, unlink its earlier siblings: memory stays flat."""
    elem.clear(keep_tail=False)
    parent = elem.getparent()
    if siblings and parent is not None:
        del parent[:parent.index(elem)]


def read_gpx(path: Path, vehicle: str | None = None, batch_size: int = BATCH_SIZE,
             fast: bool = True) -> Iterator[PointBatch]:
    """Batches of raw points; the vehicle is `vehicle`, else the track's <name>, else the file name stem.

    `fast`: plain GPX is scanned as columns (etl/tracks/gpx_scan.py); a file found not plain in its first
    block is read with lxml here, one found so later raises Retry("reader") for the caller to start again.
    """
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such file")
    if fast:
        scanned = _plain(scan_gpx(path, vehicle, MPS_TO_KMH))
        try:
            first = next(scanned)
        except Retry:
            pass
        except StopIteration:
            return
        else:
            yield first
            yield from scanned
            return
    yield from _parse(path, vehicle, batch_size)


def _plain(batches: Iterator[PointBatch]) -> Iterator[PointBatch]:
    """The scanner's batches; a tag name that is not UTF-8 makes the file not plain, like odd markup (fuzz)."""
    try:
        yield from batches
    except UnicodeDecodeError as exc:
        raise Retry("reader") from exc


def _parse(path: Path, vehicle: str | None, batch_size: int) -> Iterator[PointBatch]:
    """Batches of raw points read with lxml.iterparse, whatever the markup."""
    with path.open("rb") as fh:
        events = etree.iterparse(fh, events=("end",), tag=TAGS, resolve_entities=False, no_network=True,
                                 remove_comments=True, remove_pis=True)
        batch, number, checked = PointBatch(speed_scale=MPS_TO_KMH), 0, False
        current = vehicle or path.stem  # the vehicle of the points read now
        try:
            for _, elem in events:
                if not checked:
                    if _local(elem.getroottree().getroot().tag) != "gpx":
                        raise UnreadableFile(f"{path.name}: not a GPX file (the root element is not <gpx>)")
                    checked = True
                name = NAMES[elem.tag]
                if name == "trkpt":
                    number += 1
                    batch.points.append(_point(number, current, elem))
                    _forget(elem, number % FORGET_EVERY == 0)
                    if len(batch.points) >= batch_size:
                        batch.position = fh.tell()
                        yield batch
                        batch = PointBatch(speed_scale=MPS_TO_KMH)
                elif name == "name":
                    parent = elem.getparent()
                    if parent is not None and _local(parent.tag) == "trk":
                        current = vehicle or (elem.text or "").strip()[:200] or path.stem
                else:  # end of a track, waypoint, route or route point
                    current = (vehicle or path.stem) if name == "trk" else current
                    _forget(elem)
        except etree.XMLSyntaxError as exc:
            raise UnreadableFile(f"{path.name}: not readable GPX ({exc})") from exc
        if not number:
            raise UnreadableFile(f"{path.name}: no track points (<trkpt>); waypoints and routes are not tracks")
        batch.position = fh.tell()
        yield batch
